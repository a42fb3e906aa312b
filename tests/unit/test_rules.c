/* test_rules.c: design.md rules 1-8, one table row per rule or trap. */
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "harness.h"
#include "util.h"

#define HDR "entry,field,judge,criterion,score\n"
#define OUT "field,rank,entry,score,tier,status,flags\n"

struct rule_case {
	const char *name;
	const char *rubric;
	const char *scores;
	const char *want;
};

static const struct rule_case cases[] = {
	{ "rule 1: total = Σ weight × score; incomplete sheets ignored",
	  SCORES_RUBRIC("\"criteria\":["
	                "{\"id\":\"n\",\"title\":{\"vi\":\"N\"},\"max\":10,"
	                "\"weight\":2},"
	                "{\"id\":\"e\",\"title\":{\"vi\":\"E\"},\"max\":20,"
	                "\"weight\":1.5,\"step\":0.25}]"),
	  /* E1: 2×7.5 + 1.5×10.25 = 30.375 and 2×8 + 1.5×12 = 34, mean
	   * 32.1875 -> 32.19. E2 has no complete sheet: absent. E3: J2's
	   * sheet lacks e, so only J1's 2×10 + 1.5×20 = 50 counts. */
	  HDR "E1,a,J1,n,7.5\nE1,a,J1,e,10.25\nE1,a,J2,n,8\nE1,a,J2,e,12\n"
	      "E2,a,J1,n,5\n"
	      "E3,a,J1,n,10\nE3,a,J1,e,20\nE3,a,J2,n,1\n",
	  OUT "a,1,E3,50.00,,ok,\na,2,E1,32.19,,ok,\n" },
	{ "rule 2: offset shifts each judge by panel mean - judge mean",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":\"offset\"}"),
	  /* J1 mean 20, J2 mean 40, panel mean 30: J1 +10, J2 -10.
	   * E1 20; E2 (30+20)/2 = 25; E3 (40+30)/2 = 35; E4 40. */
	  HDR "E1,a,J1,x,10\nE2,a,J1,x,20\nE3,a,J1,x,30\n"
	      "E2,a,J2,x,30\nE3,a,J2,x,40\nE4,a,J2,x,50\n",
	  OUT "a,1,E4,40.00,,ok,\na,2,E3,35.00,,ok,\na,3,E2,25.00,,ok,\n"
	      "a,4,E1,20.00,,ok,\n" },
	{ "rule 2: a judge with fewer than 3 sheets keeps raw totals (offset)",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":\"offset\"}"),
	  /* panel mean 360/8 = 45: J1 +25, J2 +5, J3 (2 sheets) unchanged.
	   * E1 (35+90)/2, E2 (45+35)/2, E3 (55+45)/2, E4 (55+90)/2. */
	  HDR "E1,a,J1,x,10\nE2,a,J1,x,20\nE3,a,J1,x,30\n"
	      "E2,a,J2,x,30\nE3,a,J2,x,40\nE4,a,J2,x,50\n"
	      "E1,a,J3,x,90\nE4,a,J3,x,90\n",
	  OUT "a,1,E4,72.50,,ok,\na,2,E1,62.50,,ok,\na,3,E3,50.00,,ok,\n"
	      "a,4,E2,40.00,,ok,\n" },
	{ "rule 2: a judge with zero spread is not shifted (offset)",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":\"offset\"}"),
	  /* J2 gives 50 everywhere: kept. Panel 300/6 = 50, J1 mean 50:
	   * shift 0. Scores equal the raw means. */
	  HDR "E1,a,J1,x,40\nE2,a,J1,x,50\nE3,a,J1,x,60\n"
	      "E1,a,J2,x,50\nE2,a,J2,x,50\nE3,a,J2,x,50\n",
	  OUT "a,1,E3,55.00,,ok,\na,2,E2,50.00,,ok,\na,3,E1,45.00,,ok,\n" },
	{ "rule 2: zscore maps judges to the panel mean and spread",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":\"zscore\"}"),
	  /* panel mean 30, sd sqrt(1600/6); J1 sd half of it, J2 equal:
	   * J1 -> 30 + 2(t - 20), J2 -> 30 + (t - 40): E1 10, E2 30, E3 50 */
	  HDR "E1,a,J1,x,10\nE2,a,J1,x,20\nE3,a,J1,x,30\n"
	      "E1,a,J2,x,20\nE2,a,J2,x,40\nE3,a,J2,x,60\n",
	  OUT "a,1,E3,50.00,,ok,\na,2,E2,30.00,,ok,\na,3,E1,10.00,,ok,\n" },
	{ "rule 2: zscore gives a judge with zero spread the offset only",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":\"zscore\"}"),
	  /* panel 10,20,30,30,30,30: mean 25, variance 350/6; J1 variance
	   * 200/3: J1 -> 25 + (t - 20)·sqrt(0.875); J2 (no spread) -> t - 5.
	   * E1 (15.6459 + 25)/2 = 20.32, E3 (34.3541 + 25)/2 = 29.68 */
	  HDR "E1,a,J1,x,10\nE2,a,J1,x,20\nE3,a,J1,x,30\n"
	      "E1,a,J2,x,30\nE2,a,J2,x,30\nE3,a,J2,x,30\n",
	  OUT "a,1,E3,29.68,,ok,\na,2,E2,25.00,,ok,\na,3,E1,20.32,,ok,\n" },
	{ "rule 3: points outlier excluded (|95 - 77.75| > 15)",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"outlier\":"
	                       "{\"rule\":\"points\",\"limit\":15}}"),
	  HDR "E1,a,J1,x,70\nE1,a,J2,x,72\nE1,a,J3,x,74\nE1,a,J4,x,95\n",
	  OUT "a,1,E1,72.00,,ok,\n" },
	{ "rule 3: a total exactly at the limit is kept (strictly greater)",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"outlier\":"
	                       "{\"rule\":\"points\",\"limit\":20}}"),
	  /* E1: m 80, |100 - 80| = 20 kept. E2: m 79.8333, 20.17 > 20 */
	  HDR "E1,a,J1,x,70\nE1,a,J2,x,70\nE1,a,J3,x,100\n"
	      "E2,a,J1,x,69.5\nE2,a,J2,x,70\nE2,a,J3,x,100\n",
	  OUT "a,1,E1,80.00,,ok,\na,2,E2,69.75,,ok,\n" },
	{ "rule 3: percent outliers, the limit included, then insufficient",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"min_judges\":2,"
	                       "\"outlier\":{\"rule\":\"percent\","
	                       "\"limit\":20}}"),
	  /* 20% of m = 80 is 16. E1: 60 and 100 out, one sheet left.
	   * E2: all within. E3: |64 - 80| = 16 = the limit: kept. */
	  HDR "E1,a,J1,x,60\nE1,a,J2,x,80\nE1,a,J3,x,100\n"
	      "E2,a,J1,x,75\nE2,a,J2,x,80\nE2,a,J3,x,85\n"
	      "E3,a,J1,x,64\nE3,a,J2,x,80\nE3,a,J3,x,96\n",
	  OUT "a,1,E2,80.00,,ok,tie\na,1,E3,80.00,,ok,tie\n"
	      "a,,E1,80.00,,insufficient,\n" },
	{ "rule 3: every sheet excluded leaves no score",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"outlier\":"
	                       "{\"rule\":\"points\",\"limit\":10}}"),
	  HDR "E1,a,J1,x,0\nE1,a,J2,x,100\n", OUT "a,,E1,,,insufficient,\n" },
	{ "rule 4: fewer than min_judges sheets: score, no rank, no prize",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"min_judges\":3},"
	                       "\"awards\":{\"tiers\":[{\"id\":\"t\","
	                       "\"title\":{\"vi\":\"T\"},\"min\":50}]}"),
	  HDR "E1,a,J1,x,80\nE1,a,J2,x,90\n"
	      "E2,a,J1,x,60\nE2,a,J2,x,70\nE2,a,J3,x,80\n",
	  OUT "a,1,E2,70.00,t,ok,\na,,E1,85.00,,insufficient,\n" },
	{ "rule 5: median of an odd and an even count",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"method\":\"median\"}"),
	  HDR "E1,a,J1,x,60\nE1,a,J2,x,70\nE1,a,J3,x,80\nE1,a,J4,x,95\n"
	      "E2,a,J1,x,60\nE2,a,J2,x,95\nE2,a,J3,x,70\n",
	  OUT "a,1,E1,75.00,,ok,\na,2,E2,70.00,,ok,\n" },
	{ "rule 5: trimmed drops one total each side, repeats included",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"method\":\"trimmed\"}"),
	  /* E1 60,60,60,90,90 -> 60,60,90 = 70. E2 70,70,70,90 -> 70,70.
	   * E3 has 2 sheets (not more than 2×trim): plain mean 75. */
	  HDR "E1,a,J1,x,60\nE1,a,J2,x,90\nE1,a,J3,x,60\nE1,a,J4,x,90\n"
	      "E1,a,J5,x,60\n"
	      "E2,a,J1,x,70\nE2,a,J2,x,70\nE2,a,J3,x,90\nE2,a,J4,x,70\n"
	      "E3,a,J1,x,60\nE3,a,J2,x,90\n",
	  OUT "a,1,E3,75.00,,ok,\na,2,E1,70.00,,ok,tie\n"
	      "a,2,E2,70.00,,ok,tie\n" },
	{ "rule 5: trim 2 with exactly 4 totals falls back to the mean",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"method\":\"trimmed\","
	                       "\"trim\":2}"),
	  HDR "E1,a,J1,x,10\nE1,a,J2,x,20\nE1,a,J3,x,30\nE1,a,J4,x,40\n"
	      "E2,a,J1,x,10\nE2,a,J2,x,20\nE2,a,J3,x,30\nE2,a,J4,x,40\n"
	      "E2,a,J5,x,99\n",
	  OUT "a,1,E2,30.00,,ok,\na,2,E1,25.00,,ok,\n" },
	{ "rule 6: 84.85 publishes 84.9 with one decimal (exact half up)",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":100,\"step\":0.05}],"
	                "\"aggregate\":{\"decimals\":1}"),
	  HDR "E1,a,J1,x,84.8\nE1,a,J2,x,84.9\n"
	      "E2,a,J1,x,84.8\nE2,a,J2,x,84.85\n",
	  /* E2: 84.825 -> 84.8 */
	  OUT "a,1,E1,84.9,,ok,\na,2,E2,84.8,,ok,\n" },
	{ "rule 6: decimals 0 and 3 print exactly that many places",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"decimals\":3}"),
	  HDR "E1,a,J1,x,10\nE1,a,J2,x,10\nE1,a,J3,x,10.5\n",
	  OUT "a,1,E1,10.167,,ok,\n" },
	{ "rule 6: decimals 0 rounds 84.5 up to 85",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"decimals\":0}"),
	  HDR "E1,a,J1,x,84\nE1,a,J2,x,85\n", OUT "a,1,E1,85,,ok,\n" },
	{ "rule 7: tie-break criteria, shared ranks 1,2,2,4,5",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"p\",\"title\":{\"vi\":"
	                "\"P\"},\"max\":50},{\"id\":\"q\",\"title\":"
	                "{\"vi\":\"Q\"},\"max\":50}],\"tie_break\":[\"q\"]"),
	  HDR "E1,a,J1,p,40\nE1,a,J1,q,40\nE2,a,J1,p,45\nE2,a,J1,q,35\n"
	      "E3,a,J1,p,35\nE3,a,J1,q,45\nE4,a,J1,p,30\nE4,a,J1,q,30\n"
	      "E5,a,J1,p,40\nE5,a,J1,q,40\n",
	  OUT "a,1,E3,80.00,,ok,\na,2,E1,80.00,,ok,tie\n"
	      "a,2,E5,80.00,,ok,tie\na,4,E2,80.00,,ok,\n"
	      "a,5,E4,60.00,,ok,\n" },
	{ "rule 7: tie-break compares published (rounded) criterion scores",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"p\",\"title\":{\"vi\":"
	                "\"P\"},\"max\":50},{\"id\":\"q\",\"title\":"
	                "{\"vi\":\"Q\"},\"max\":50}],\"tie_break\":[\"q\"],"
	                "\"aggregate\":{\"decimals\":0}"),
	  /* q means 40.5 and 41 both publish 41 */
	  HDR "E1,a,J1,p,40\nE1,a,J1,q,40\nE1,a,J2,p,39\nE1,a,J2,q,41\n"
	      "E2,a,J1,p,39\nE2,a,J1,q,41\nE2,a,J2,p,39\nE2,a,J2,q,41\n",
	  OUT "a,1,E1,80,,ok,tie\na,1,E2,80,,ok,tie\n" },
	{ "rule 8: quotas, a tied group at the boundary (cusp), per field",
	  SCORES_RUBRIC(CRIT_X ",\"awards\":{\"floor\":60,\"tiers\":["
	                       "{\"id\":\"first\",\"title\":{\"vi\":\"1\"},"
	                       "\"min\":85,\"max_count\":1},"
	                       "{\"id\":\"second\",\"title\":{\"vi\":\"2\"},"
	                       "\"min\":75,\"max_count\":2},"
	                       "{\"id\":\"third\",\"title\":{\"vi\":\"3\"},"
	                       "\"min\":65}]}"),
	  HDR "E1,a,J1,x,90\nE2,a,J1,x,88\nE3,a,J1,x,80\nE4,a,J1,x,80\n"
	      "E5,a,J1,x,76\nE6,a,J1,x,70\nE7,a,J1,x,62\nE8,a,J1,x,58\n"
	      "F1,b,J1,x,86\nF2,b,J1,x,86\nF3,b,J1,x,80\n",
	  OUT "a,1,E1,90.00,first,ok,\na,2,E2,88.00,second,ok,\n"
	      "a,3,E3,80.00,third,ok,cusp;tie\n"
	      "a,3,E4,80.00,third,ok,cusp;tie\n"
	      "a,5,E5,76.00,third,ok,\na,6,E6,70.00,third,ok,\n"
	      "a,7,E7,62.00,,ok,\na,8,E8,58.00,,ok,\n"
	      "b,1,F1,86.00,second,ok,cusp;tie\n"
	      "b,1,F2,86.00,second,ok,cusp;tie\n"
	      "b,3,F3,80.00,third,ok,\n" },
	{ "rule 8: a tied group that exactly fills a quota is no cusp",
	  SCORES_RUBRIC(CRIT_X ",\"awards\":{\"tiers\":["
	                       "{\"id\":\"first\",\"title\":{\"vi\":\"1\"},"
	                       "\"min\":85,\"max_count\":2},"
	                       "{\"id\":\"second\",\"title\":{\"vi\":\"2\"},"
	                       "\"min\":75,\"max_count\":0},"
	                       "{\"id\":\"third\",\"title\":{\"vi\":\"3\"},"
	                       "\"min\":75}]}"),
	  /* second has no place at all: closed, so E3 goes to third
	   * without a cusp flag */
	  HDR "E1,a,J1,x,90\nE2,a,J1,x,90\nE3,a,J1,x,89\n",
	  OUT "a,1,E1,90.00,first,ok,tie\na,1,E2,90.00,first,ok,tie\n"
	      "a,3,E3,89.00,third,ok,\n" },
	{ "rule 8: the floor applies on top of tier mins",
	  SCORES_RUBRIC(CRIT_X ",\"awards\":{\"floor\":66,\"tiers\":["
	                       "{\"id\":\"third\",\"title\":{\"vi\":\"3\"},"
	                       "\"min\":65}]}"),
	  HDR "E1,a,J1,x,66\nE2,a,J1,x,65.5\n",
	  OUT "a,1,E1,66.00,third,ok,\na,2,E2,65.50,,ok,\n" },
	{ "rule 7: contest scope ranks all fields together, unranked last",
	  SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"min_judges\":2},"
	                       "\"awards\":{\"scope\":\"contest\",\"tiers\":["
	                       "{\"id\":\"first\",\"title\":{\"vi\":\"1\"},"
	                       "\"min\":85,\"max_count\":1}]}"),
	  HDR "E1,a,J1,x,90\nE1,a,J2,x,90\nF1,b,J1,x,95\nF1,b,J2,x,95\n"
	      "E2,a,J1,x,70\nE2,a,J2,x,70\nF2,b,J1,x,80\nF2,b,J2,x,80\n"
	      "F3,b,J1,x,99\n",
	  OUT "b,1,F1,95.00,first,ok,\na,2,E1,90.00,,ok,\n"
	      "b,3,F2,80.00,,ok,\na,4,E2,70.00,,ok,\n"
	      "b,,F3,99.00,,insufficient,\n" },
};

static void test_overflow(void);

void
suite_rules(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t_case("%s", cases[i].name);
		check_results(cases[i].rubric, cases[i].scores, cases[i].want);
	}
	test_overflow();
}

/*
 * Offset normalisation is exact: an entry's totals share the least common
 * multiple of its judges' denominators (panel size × sheet count). With 47
 * judges whose sheet counts are the primes 3..223 all scoring entry E0,
 * that passes 2^127: the computation must refuse (SCORE_E_OVERFLOW), not
 * wrap around. No real panel comes near it.
 */
static void
test_overflow(void)
{
	static const int primes[] = {
		3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,
		43,  47,  53,  59,  61,  67,  71,  73,  79,  83,  89,  97,
		101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157,
		163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223,
	};
	struct buf b;
	struct score_error err;
	char *csv, *got;

	buf_init(&b, 1 << 22);
	buf_puts(&b, HDR);
	for (size_t j = 0; j < sizeof(primes) / sizeof(primes[0]); j++)
		for (int e = 0; e < primes[j]; e++)
			buf_printf(&b, "E%d,a,J%zu,x,%d\n", e, j,
			           (e * 7 + 3) % 101);
	csv = buf_detach(&b, NULL);
	t_case("exact offset normalisation refuses inputs beyond 128 bits");
	memset(&err, 0, sizeof(err));
	got = run_csv(SCORES_RUBRIC(CRIT_X ",\"aggregate\":{\"normalize\":"
	                                   "\"offset\"}"),
	              csv, &err);
	CHECK(got == NULL);
	CHECK_INT(err.code, SCORE_E_OVERFLOW);
	free(got);
	free(csv);
}

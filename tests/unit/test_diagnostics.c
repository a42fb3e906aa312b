/* test_diagnostics.c: rule 10 against values worked out by hand. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "harness.h"
#include "util.h"

#define RUB(agg) SCORES_RUBRIC(CRIT_X agg)
#define HDR      "entry,field,judge,criterion,score\n"

/* Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
static const int sf[6][4] = {
	{ 9, 2, 5, 8 }, { 6, 1, 3, 2 },  { 8, 4, 6, 8 },
	{ 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 },
};

/* Krippendorff (2011), "Computing Krippendorff's alpha-reliability",
 * interval example: 4 observers, 12 units, 0 = missing. */
static const int ka[4][12] = {
	{ 1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0 },
	{ 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3 },
	{ 0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0 },
	{ 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0 },
};

struct run {
	struct score_rubric *r;
	struct score_input *in;
	struct score_results *res;
};

static bool
compute(struct run *run, const char *rubric, const char *csv)
{
	struct score_error err;

	memset(run, 0, sizeof(*run));
	run->r = score_rubric_parse(rubric, strlen(rubric), &err);
	if (run->r != NULL)
		run->in = score_csv_read(run->r, csv, strlen(csv), &err);
	if (run->in != NULL)
		run->res = score_compute(run->r, run->in, &err);
	return CHECKF(run->res != NULL, "compute failed: %d %s", err.code,
	              err.detail);
}

static void
release(struct run *run)
{
	score_results_free(run->res);
	score_input_free(run->in);
	score_rubric_free(run->r);
}

static char *
shrout_fleiss_csv(void)
{
	struct buf b;

	buf_init(&b, 1 << 20);
	buf_puts(&b, HDR);
	for (int i = 0; i < 6; i++)
		for (int j = 0; j < 4; j++)
			buf_printf(&b, "T%d,a,J%d,x,%d\n", i + 1, j + 1,
			           sf[i][j]);
	return buf_detach(&b, NULL);
}

/*
 * By hand: grand mean 127/24; MSR = 11.2417, MSC = 32.4861, MSE = 1.0194
 * (SSE = SST - SSR - SSC with SST = 148.96, SSR = 56.21, SSC = 97.46).
 * ICC(2,1) = (MSR - MSE) / (MSR + 3 MSE + 4 (MSC - MSE) / 6) = 0.28976
 * ICC(2,4) = (MSR - MSE) / (MSR + (MSC - MSE) / 6) = 0.62005
 * (Shrout & Fleiss print .29 and .62.)
 */
static void
test_icc(void)
{
	char *csv = shrout_fleiss_csv();
	struct run run;
	const struct score_scope_result *sr;

	t_case("ICC(2,1) and ICC(2,k) on Shrout & Fleiss's table");
	if (compute(&run, RUB(""), csv)) {
		sr = &run.res->scopes[0];
		CHECK(sr->has_icc);
		CHECK_NEAR(sr->icc2_1, 0.289763779527559, 1e-9);
		CHECK_NEAR(sr->icc2_k, 0.620050547598989, 1e-9);
		CHECK_INT(sr->nentries, 6);
		CHECK_INT(sr->njudges, 4);
	}
	t_case("judge severity = judge mean - panel mean (127/24)");
	if (run.res != NULL) {
		const struct score_judge_result *j = run.res->judges;

		CHECK_INT(run.res->njudges, 4);
		CHECK_NEAR(j[0].severity, 46.0 / 6 - 127.0 / 24, 1e-9);
		CHECK_NEAR(j[1].severity, 15.0 / 6 - 127.0 / 24, 1e-9);
		CHECK_NEAR(j[2].severity, 26.0 / 6 - 127.0 / 24, 1e-9);
		CHECK_NEAR(j[3].severity, 40.0 / 6 - 127.0 / 24, 1e-9);
	}
	t_case("entry spread: population sd and range of raw totals");
	if (run.res != NULL) {
		/* T1: 9 2 5 8, mean 6, variance (9 + 16 + 1 + 4) / 4 */
		const struct score_entry_result *e = NULL;

		for (size_t i = 0; i < run.res->nentries; i++)
			if (strcmp(
			        score_input_entry_id(
			            run.in, (size_t)run.res->entries[i].entry),
			        "T1") == 0)
				e = &run.res->entries[i];
		if (CHECK(e != NULL)) {
			CHECK_NEAR(e->sd, sqrt(7.5), 1e-9);
			CHECK_NEAR(e->range, 7.0, 1e-9);
		}
	}
	release(&run);
	free(csv);
}

/*
 * By hand (pairable values n = 40; unit 12 has one value):
 * D_o = Σ_u Σ_{i≠j} (v_i - v_j)² / (m_u - 1) / n and D_e over all pairs;
 * alpha = 1 - D_o / D_e = 951/1120 = 0.849107 (Krippendorff prints .849).
 */
static void
test_alpha(void)
{
	struct buf b;
	struct run run;
	char *csv;

	buf_init(&b, 1 << 20);
	buf_puts(&b, HDR);
	for (int o = 0; o < 4; o++)
		for (int u = 0; u < 12; u++)
			if (ka[o][u] != 0)
				buf_printf(&b, "U%02d,a,%c,x,%d\n", u + 1,
				           'A' + o, ka[o][u]);
	csv = buf_detach(&b, NULL);
	t_case("Krippendorff's alpha (interval) with missing values");
	if (compute(&run, RUB(""), csv)) {
		const struct score_scope_result *sr = &run.res->scopes[0];

		CHECK(sr->has_alpha);
		CHECK_NEAR(sr->alpha, 951.0 / 1120.0, 1e-9);
		CHECK(!sr->has_icc); /* missing sheets: no complete design */
	}
	release(&run);
	free(csv);
}

static void
test_undefined(void)
{
	struct run run;

	t_case("alpha and ICC are undefined with one sheet per entry");
	if (compute(&run, RUB(""), HDR "E1,a,J1,x,5\nE2,a,J2,x,6\n")) {
		CHECK(!run.res->scopes[0].has_alpha);
		CHECK(!run.res->scopes[0].has_icc);
	}
	release(&run);
	t_case("alpha undefined when every value is the same");
	if (compute(&run, RUB(""),
	            HDR
	            "E1,a,J1,x,5\nE1,a,J2,x,5\nE2,a,J1,x,5\nE2,a,J2,x,5\n")) {
		CHECK(!run.res->scopes[0].has_alpha);
		CHECK(!run.res->scopes[0].has_icc);
	}
	release(&run);
}

/* Diagnostics see every complete sheet; the outlier rule changes only
 * the scores and the judges' exclusion counts. */
static void
test_exclusions(void)
{
	struct run run;
	const char *rubric =
	    RUB(",\"aggregate\":{\"outlier\":{\"rule\":\"points\","
	        "\"limit\":15}}");

	t_case("exclusions are counted per judge; spread uses all sheets");
	if (compute(
	        &run, rubric,
	        HDR
	        "E1,a,J1,x,70\nE1,a,J2,x,72\nE1,a,J3,x,74\nE1,a,J4,x,95\n")) {
		const struct score_entry_result *e = &run.res->entries[0];

		CHECK_INT(e->ncounted, 3);
		CHECK_NEAR(e->range, 25.0, 1e-9);
		CHECK_INT(run.res->judges[3].excluded, 1);
		CHECK_INT(run.res->judges[0].excluded, 0);
		CHECK_INT(run.res->sheets[e->first_sheet + 3].excluded,
		          SCORE_EXCL_POINTS);
		CHECK_NEAR(run.res->sheets[e->first_sheet + 3].normalized -
		               e->mean,
		           17.25, 1e-9);
	}
	release(&run);
}

void
suite_diagnostics(void)
{
	test_icc();
	test_alpha();
	test_undefined();
	test_exclusions();
}

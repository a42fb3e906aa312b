/* test_ballot.c: design.md rule 9 (Golden Book, honouring councils). */
#include <stdlib.h>

#include "harness.h"
#include "util.h"

#define HDR "entry,field,judge,vote\n"
#define OUT "field,rank,entry,yes,no,share,selected,flags\n"

struct ballot_case {
	const char *name;
	const char *rubric;
	const char *votes;
	const char *want;
};

/* E1 3/3, E2 and E3 2/3 (tied), E4 1/3; E5 2/2 ranks below E1 (fewer
 * yes votes at the same share). */
#define VOTES                                                                  \
	HDR "E1,a,M1,yes\nE1,a,M2,yes\nE1,a,M3,yes\n"                          \
	    "E2,a,M1,yes\nE2,a,M2,no\nE2,a,M3,yes\n"                           \
	    "E3,b,M1,no\nE3,b,M2,yes\nE3,b,M3,yes\n"                           \
	    "E4,b,M1,no\nE4,b,M2,no\nE4,b,M3,yes\n"                            \
	    "E5,a,M1,yes\nE5,a,M2,yes\n"

static const struct ballot_case cases[] = {
	{ "rule 9: share, rank by share then yes count, no cap",
	  BALLOT_RUBRIC("\"ballot\":{\"rule\":\"more-than\",\"share\":0.5}"),
	  VOTES,
	  OUT "a,1,E1,3,0,1.0000,yes,\na,2,E5,2,0,1.0000,yes,\n"
	      "a,3,E2,2,1,0.6667,yes,tie\nb,3,E3,2,1,0.6667,yes,tie\n"
	      "b,5,E4,1,2,0.3333,no,\n" },
	{ "rule 9: a tied group that would pass the cap is cusp; stop there",
	  BALLOT_RUBRIC("\"ballot\":{\"share\":0.5,\"max_selected\":3}"), VOTES,
	  OUT "a,1,E1,3,0,1.0000,yes,\na,2,E5,2,0,1.0000,yes,\n"
	      "a,3,E2,2,1,0.6667,no,cusp;tie\n"
	      "b,3,E3,2,1,0.6667,no,cusp;tie\n"
	      "b,5,E4,1,2,0.3333,no,\n" },
	{ "rule 9: a cap met exactly selects everyone, no cusp",
	  BALLOT_RUBRIC("\"ballot\":{\"share\":0.5,\"max_selected\":4}"), VOTES,
	  OUT "a,1,E1,3,0,1.0000,yes,\na,2,E5,2,0,1.0000,yes,\n"
	      "a,3,E2,2,1,0.6667,yes,tie\nb,3,E3,2,1,0.6667,yes,tie\n"
	      "b,5,E4,1,2,0.3333,no,\n" },
	{ "rule 9: a single entry past a full cap is not selected, no cusp",
	  BALLOT_RUBRIC("\"ballot\":{\"share\":0.5,\"max_selected\":1}"), VOTES,
	  OUT "a,1,E1,3,0,1.0000,yes,\na,2,E5,2,0,1.0000,no,\n"
	      "a,3,E2,2,1,0.6667,no,tie\nb,3,E3,2,1,0.6667,no,tie\n"
	      "b,5,E4,1,2,0.3333,no,\n" },
	{ "rule 9: exactly half is not more than 0.5",
	  BALLOT_RUBRIC("\"ballot\":{\"rule\":\"more-than\",\"share\":0.5}"),
	  HDR "E1,a,M1,yes\nE1,a,M2,no\n", OUT "a,1,E1,1,1,0.5000,no,\n" },
	{ "rule 9: exactly half is at least 0.5",
	  BALLOT_RUBRIC("\"ballot\":{\"rule\":\"at-least\",\"share\":0.5}"),
	  HDR "E1,a,M1,yes\nE1,a,M2,no\n", OUT "a,1,E1,1,1,0.5000,yes,\n" },
	{ "rule 9: 2/3 is below a 0.6667 threshold (exact comparison)",
	  BALLOT_RUBRIC("\"ballot\":{\"rule\":\"at-least\","
	                "\"share\":0.6667}"),
	  HDR "E1,a,M1,yes\nE1,a,M2,no\nE1,a,M3,yes\n",
	  OUT "a,1,E1,2,1,0.6667,no,\n" },
};

void
suite_ballot(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t_case("%s", cases[i].name);
		check_results(cases[i].rubric, cases[i].votes, cases[i].want);
	}
}

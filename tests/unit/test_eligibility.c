/* test_eligibility.c: each program's eligibility warnings. */
#include "../../scoring/scoring.h"
#include "harness.h"

struct elig_case {
	const char *name;
	const char *applied_from, *birth_from, *birth_until;
	const char *applied_since, *prior_awards;
	const char *births[3];
	size_t nauthors;
	enum score_program program;
	unsigned want;
	bool teacher[3];
};

#define TI SCORE_PROGRAM_TECHNICAL_INNOVATION
#define YC SCORE_PROGRAM_YOUTH_CREATIVITY
#define VA SCORE_PROGRAM_VIFOTEC_AWARD
#define GB SCORE_PROGRAM_GOLDEN_BOOK

static const struct elig_case cases[] = {
	{ "technical: applied after the cut-off",
	  "2021-01-01",
	  "",
	  "",
	  "2022-05-01",
	  "",
	  { "" },
	  1,
	  TI,
	  0,
	  { false } },
	{ "technical: only an idea",
	  "2021-01-01",
	  "",
	  "",
	  "",
	  "",
	  { "" },
	  1,
	  TI,
	  SCORE_WARN_NOT_APPLIED,
	  { false } },
	{ "technical: applied before the cut-off",
	  "2021-01-01",
	  "",
	  "",
	  "2020-12-31",
	  "",
	  { "" },
	  1,
	  TI,
	  SCORE_WARN_APPLIED_EARLY,
	  { false } },
	{ "youth: in the window, teacher without birth date",
	  "",
	  "2007-01-01",
	  "2020-12-31",
	  "",
	  "",
	  { "2010-03-04", "2020-12-31", "" },
	  3,
	  YC,
	  0,
	  { false, false, true } },
	{ "youth: too old and a missing birth date",
	  "",
	  "2007-01-01",
	  "2020-12-31",
	  "",
	  "",
	  { "2006-12-31", "", "2012-01-01" },
	  3,
	  YC,
	  SCORE_WARN_AGE | SCORE_WARN_NO_BIRTH,
	  { false, false, false } },
	{ "award: applied over five years ago and already awarded",
	  "",
	  "",
	  "",
	  "2019-12-31",
	  "Giải Nhì Hội thi tỉnh 2020",
	  { "" },
	  1,
	  VA,
	  SCORE_WARN_OLD_APPLICATION | SCORE_WARN_PRIOR_AWARD,
	  { false } },
	{ "award: applied exactly five years back (1 January)",
	  "",
	  "",
	  "",
	  "2021-01-01",
	  "",
	  { "" },
	  1,
	  VA,
	  0,
	  { false } },
	{ "golden book: needs a prior award",
	  "",
	  "",
	  "",
	  "",
	  "",
	  { "" },
	  1,
	  GB,
	  SCORE_WARN_NO_PRIOR_AWARD,
	  { false } },
};

void
suite_eligibility(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct elig_case *c = &cases[i];
		struct score_eligibility in = {
			c->program,      2026,           c->applied_from,
			c->birth_from,   c->birth_until, c->applied_since,
			c->prior_awards, c->nauthors,    c->births,
			c->teacher,
		};

		t_case("eligibility: %s", c->name);
		CHECK_INT(score_eligibility_check(&in), c->want);
	}
}

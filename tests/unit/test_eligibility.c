/* test_eligibility.c: each program's eligibility warnings. */
#include "../../scoring/scoring.h"
#include "harness.h"

struct elig_case {
	const char *name;
	enum score_program program;
	const char *applied_from, *birth_from, *birth_until;
	const char *applied_since, *prior_awards;
	const char *births[3];
	bool teacher[3];
	size_t nauthors;
	unsigned want;
};

#define TI SCORE_PROGRAM_TECHNICAL_INNOVATION
#define YC SCORE_PROGRAM_YOUTH_CREATIVITY
#define VA SCORE_PROGRAM_VIFOTEC_AWARD
#define GB SCORE_PROGRAM_GOLDEN_BOOK

static const struct elig_case cases[] = {
	{ "technical: applied after the cut-off",
	  TI,
	  "2021-01-01",
	  "",
	  "",
	  "2022-05-01",
	  "",
	  { "" },
	  { false },
	  1,
	  0 },
	{ "technical: only an idea",
	  TI,
	  "2021-01-01",
	  "",
	  "",
	  "",
	  "",
	  { "" },
	  { false },
	  1,
	  SCORE_WARN_NOT_APPLIED },
	{ "technical: applied before the cut-off",
	  TI,
	  "2021-01-01",
	  "",
	  "",
	  "2020-12-31",
	  "",
	  { "" },
	  { false },
	  1,
	  SCORE_WARN_APPLIED_EARLY },
	{ "youth: in the window, teacher without birth date",
	  YC,
	  "",
	  "2007-01-01",
	  "2020-12-31",
	  "",
	  "",
	  { "2010-03-04", "2020-12-31", "" },
	  { false, false, true },
	  3,
	  0 },
	{ "youth: too old and a missing birth date",
	  YC,
	  "",
	  "2007-01-01",
	  "2020-12-31",
	  "",
	  "",
	  { "2006-12-31", "", "2012-01-01" },
	  { false, false, false },
	  3,
	  SCORE_WARN_AGE | SCORE_WARN_NO_BIRTH },
	{ "award: applied over five years ago and already awarded",
	  VA,
	  "",
	  "",
	  "",
	  "2019-12-31",
	  "Giải Nhì Hội thi tỉnh 2020",
	  { "" },
	  { false },
	  1,
	  SCORE_WARN_OLD_APPLICATION | SCORE_WARN_PRIOR_AWARD },
	{ "award: applied exactly five years back (1 January)",
	  VA,
	  "",
	  "",
	  "",
	  "2021-01-01",
	  "",
	  { "" },
	  { false },
	  1,
	  0 },
	{ "golden book: needs a prior award",
	  GB,
	  "",
	  "",
	  "",
	  "",
	  "",
	  { "" },
	  { false },
	  1,
	  SCORE_WARN_NO_PRIOR_AWARD },
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

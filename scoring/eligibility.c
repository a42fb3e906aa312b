/* eligibility.c: each program's eligibility rules, as warnings. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool
is_set(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Youth contest: pupils within the edition's birth-date window (their
 * supporting teachers are not contestants). */
static unsigned
check_ages(const struct score_eligibility *in)
{
	unsigned w = 0;

	for (size_t i = 0; i < in->nauthors; i++) {
		const char *b = in->birth_dates[i];

		if (in->is_teacher[i])
			continue;
		if (!is_set(b))
			w |= SCORE_WARN_NO_BIRTH;
		else if ((is_set(in->birth_from) &&
		          strcmp(b, in->birth_from) < 0) ||
		         (is_set(in->birth_until) &&
		          strcmp(b, in->birth_until) > 0))
			w |= SCORE_WARN_AGE;
	}
	return w;
}

/* Technical contest and award: applied in practice, since the cut-off;
 * the award also wants it within the last 5 years. ISO dates compare as
 * strings. */
static unsigned
check_application(const struct score_eligibility *in, bool five_years)
{
	char limit[32];

	if (!is_set(in->applied_since))
		return SCORE_WARN_NOT_APPLIED;
	if (is_set(in->applied_from) &&
	    strcmp(in->applied_since, in->applied_from) < 0)
		return SCORE_WARN_APPLIED_EARLY;
	snprintf(limit, sizeof(limit), "%04d-01-01", in->year - 5);
	if (five_years && strcmp(in->applied_since, limit) < 0)
		return SCORE_WARN_OLD_APPLICATION;
	return 0;
}

unsigned
score_eligibility_check(const struct score_eligibility *in)
{
	switch (in->program) {
	case SCORE_PROGRAM_YOUTH_CREATIVITY:
		return check_ages(in);
	case SCORE_PROGRAM_TECHNICAL_INNOVATION:
		return check_application(in, false);
	case SCORE_PROGRAM_VIFOTEC_AWARD:
		return check_application(in, true) |
		       (is_set(in->prior_awards) ? SCORE_WARN_PRIOR_AWARD : 0);
	case SCORE_PROGRAM_GOLDEN_BOOK:
		return is_set(in->prior_awards) ? 0 : SCORE_WARN_NO_PRIOR_AWARD;
	default:
		return 0;
	}
}

/* rubric.c: the rubric model's names, lookups and lifecycle. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *const score_program_names[SCORE_PROGRAM__MAX] = {
	"technical-innovation", "youth-creativity", "vifotec-award",
	"golden-book",          "honouring",        "custom",
};

const char *const score_mode_names[SCORE_MODE__MAX] = {
	"scores",
	"ballot",
};

const char *const score_method_names[SCORE_METHOD__MAX] = {
	"mean",
	"median",
	"trimmed",
};

const char *const score_outlier_names[SCORE_OUTLIER__MAX] = {
	"none",
	"points",
	"percent",
};

const char *const score_normalize_names[SCORE_NORMALIZE__MAX] = {
	"none",
	"offset",
	"zscore",
};

const char *const score_scope_names[SCORE_SCOPE__MAX] = {
	"field",
	"contest",
};

const char *const score_ballot_rule_names[SCORE_BALLOT__MAX] = {
	"more-than",
	"at-least",
};

const char *const score_status_names[SCORE_STATUS__MAX] = {
	"ok",
	"insufficient",
};

void
text_release(struct score_text *t)
{
	free(t->vi);
	free(t->en);
	t->vi = NULL;
	t->en = NULL;
}

void
score_rubric_free(struct score_rubric *r)
{
	if (r == NULL)
		return;
	text_release(&r->title);
	for (size_t i = 0; i < r->nfields; i++) {
		free(r->fields[i].id);
		text_release(&r->fields[i].title);
	}
	free(r->fields);
	for (size_t i = 0; i < r->ncriteria; i++) {
		struct score_criterion *c = &r->criteria[i];

		free(c->id);
		text_release(&c->title);
		text_release(&c->description);
		for (size_t j = 0; j < c->nlevels; j++)
			text_release(&c->levels[j].label);
		free(c->levels);
	}
	free(r->criteria);
	free(r->tie_break);
	for (size_t i = 0; i < r->ntiers; i++) {
		free(r->tiers[i].id);
		text_release(&r->tiers[i].title);
	}
	free(r->tiers);
	free(r);
}

int
score_rubric_field(const struct score_rubric *r, const char *id)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
score_rubric_criterion(const struct score_rubric *r, const char *id)
{
	for (size_t i = 0; i < r->ncriteria; i++)
		if (strcmp(r->criteria[i].id, id) == 0)
			return (int)i;
	return -1;
}

struct score_q
score_rubric_total_max(const struct score_rubric *r)
{
	int64_t num = 0, den = 1;

	/* Weights have at most 6 decimals and maxes hundredths: no overflow
	 * within the limits of scoring.h. */
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct score_criterion *c = &r->criteria[i];
		struct score_q term = q_make(c->max.num * c->weight.num,
		                             c->max.den * c->weight.den);
		int64_t g = gcd64(den, term.den);
		int64_t lcm = den / g * term.den;

		num = num * (lcm / den) + term.num * (lcm / term.den);
		den = lcm;
	}
	return q_make(num, den);
}

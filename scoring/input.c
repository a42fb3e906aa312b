/* input.c: building the input of a computation (entries, judges, sheets). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct score_input *
score_input_new(const struct score_rubric *r)
{
	struct score_input *in = xcalloc(1, sizeof(*in));

	in->rubric = r;
	in->ncrit = r->mode == SCORE_MODE_SCORES ? r->ncriteria : 0;
	strmap_init(&in->entry_ids);
	strmap_init(&in->judge_ids);
	strmap_init(&in->field_ids);
	strmap_init(&in->criterion_ids);
	pairmap_init(&in->sheet_of);
	for (size_t i = 0; i < r->nfields; i++)
		strmap_put(&in->field_ids, r->fields[i].id, (int)i);
	for (size_t i = 0; i < r->ncriteria; i++)
		strmap_put(&in->criterion_ids, r->criteria[i].id, (int)i);
	return in;
}

void
score_input_free(struct score_input *in)
{
	if (in == NULL)
		return;
	for (size_t i = 0; i < in->nentries; i++)
		free(in->entries[i].id);
	free(in->entries);
	for (size_t i = 0; i < in->njudges; i++)
		free(in->judges[i]);
	free(in->judges);
	free(in->sheets);
	free(in->points);
	strmap_release(&in->entry_ids);
	strmap_release(&in->judge_ids);
	strmap_release(&in->field_ids);
	strmap_release(&in->criterion_ids);
	pairmap_release(&in->sheet_of);
	free(in);
}

size_t
score_input_entries(const struct score_input *in)
{
	return in->nentries;
}

const char *
score_input_entry_id(const struct score_input *in, size_t entry)
{
	return in->entries[entry].id;
}

size_t
score_input_entry_field(const struct score_input *in, size_t entry)
{
	return in->entries[entry].field;
}

size_t
score_input_judges(const struct score_input *in)
{
	return in->njudges;
}

const char *
score_input_judge_id(const struct score_input *in, size_t judge)
{
	return in->judges[judge];
}

int
score_input_entry(struct score_input *in, const char *id, size_t field,
                  struct score_error *err)
{
	int e = strmap_get(&in->entry_ids, id);

	if (e >= 0) {
		if (in->entries[e].field != field)
			return fail(
			    err, SCORE_E_TWO_FIELDS, "field", id,
			    in->rubric->fields[in->entries[e].field].id);
		return e;
	}
	if (in->nentries == in->entries_cap) {
		in->entries_cap = in->entries_cap ? in->entries_cap * 2 : 64;
		in->entries = xreallocarray(in->entries, in->entries_cap,
		                            sizeof(*in->entries));
	}
	e = (int)in->nentries++;
	in->entries[e].id = xstrdup(id);
	in->entries[e].field = field;
	strmap_put(&in->entry_ids, id, e);
	return e;
}

int
score_input_judge(struct score_input *in, const char *id)
{
	int j = strmap_get(&in->judge_ids, id);

	if (j >= 0)
		return j;
	if (in->njudges == in->judges_cap) {
		in->judges_cap = in->judges_cap ? in->judges_cap * 2 : 16;
		in->judges = xreallocarray(in->judges, in->judges_cap,
		                           sizeof(*in->judges));
	}
	j = (int)in->njudges++;
	in->judges[j] = xstrdup(id);
	strmap_put(&in->judge_ids, id, j);
	return j;
}

/* Finds or creates the sheet of (entry, judge). */
static int
sheet_for(struct score_input *in, int entry, int judge)
{
	int s = pairmap_get(&in->sheet_of, entry, judge);

	if (s >= 0)
		return s;
	if (in->nsheets == in->sheets_cap) {
		in->sheets_cap = in->sheets_cap ? in->sheets_cap * 2 : 256;
		in->sheets = xreallocarray(in->sheets, in->sheets_cap,
		                           sizeof(*in->sheets));
		in->points = xreallocarray(
		    in->points, in->sheets_cap * (in->ncrit ? in->ncrit : 1),
		    sizeof(int32_t));
	}
	s = (int)in->nsheets++;
	in->sheets[s].entry = entry;
	in->sheets[s].judge = judge;
	in->sheets[s].missing = in->ncrit;
	in->sheets[s].vote = -1;
	for (size_t c = 0; c < in->ncrit; c++)
		in->points[(size_t)s * in->ncrit + c] = POINTS_MISSING;
	pairmap_put(&in->sheet_of, entry, judge, s);
	return s;
}

int
score_input_set_points(struct score_input *in, int entry, int judge,
                       size_t criterion, int32_t points_h,
                       struct score_error *err)
{
	int s = sheet_for(in, entry, judge);
	int32_t *slot = &in->points[(size_t)s * in->ncrit + criterion];

	if (*slot != POINTS_MISSING)
		return fail(err, SCORE_E_DUPLICATE_ROW, "criterion",
		            in->entries[entry].id, in->judges[judge]);
	*slot = points_h;
	in->sheets[s].missing--;
	return 0;
}

/* Parses a score and checks 0 <= s <= max and s a multiple of step. */
static int
parse_points(const struct score_criterion *c, const char *value, int32_t *out,
             struct score_error *err)
{
	char max[64], step[64];
	const char *digits = value[0] == '-' ? value + 1 : value;
	struct score_q q;

	if (score_q_parse(digits, &q) != 0)
		return fail(err, SCORE_E_NUMBER, "score", value, NULL);
	score_q_format(c->max, max, sizeof(max));
	/* a sign is never valid, but "-3" is better told as out of range */
	if (value[0] == '-' ||
	    cmp_frac(q.num, q.den, c->max.num, c->max.den) > 0)
		return fail(err, SCORE_E_SCORE_RANGE, "score", value, max);
	/* q / step is a whole number: q.num·step.den divisible by the rest */
	if (((i128)q.num * c->step.den) % ((i128)q.den * c->step.num) != 0) {
		score_q_format(c->step, step, sizeof(step));
		return fail(err, SCORE_E_SCORE_STEP, "score", value, step);
	}
	/* a multiple of a hundredths step is in hundredths */
	*out = (int32_t)(q.num * (100 / q.den));
	return 0;
}

int
score_points_parse(const struct score_criterion *c, const char *value,
                   int32_t *points_h, struct score_error *err)
{
	return parse_points(c, value, points_h, err);
}

/* Resolves the entry (checking its field) and the judge. */
static int
resolve(struct score_input *in, const char *entry, const char *field,
        const char *judge, int *e, int *j, struct score_error *err)
{
	int f = strmap_get(&in->field_ids, field);

	if (f < 0)
		return fail(err, SCORE_E_UNKNOWN_FIELD, "field", field, NULL);
	*e = score_input_entry(in, entry, (size_t)f, err);
	if (*e < 0)
		return -1;
	*j = score_input_judge(in, judge);
	return 0;
}

int
score_input_add_score(struct score_input *in, const char *entry,
                      const char *field, const char *judge,
                      const char *criterion, const char *value,
                      struct score_error *err)
{
	const struct score_rubric *r = in->rubric;
	int c, e, j;
	int32_t points = 0;

	if (r->mode != SCORE_MODE_SCORES)
		return fail(err, SCORE_E_MODE, "criterion",
		            score_mode_names[r->mode], NULL);
	if (strmap_get(&in->field_ids, field) < 0)
		return fail(err, SCORE_E_UNKNOWN_FIELD, "field", field, NULL);
	c = strmap_get(&in->criterion_ids, criterion);
	if (c < 0)
		return fail(err, SCORE_E_UNKNOWN_CRITERION, "criterion",
		            criterion, NULL);
	if (parse_points(&r->criteria[c], value, &points, err) != 0 ||
	    resolve(in, entry, field, judge, &e, &j, err) != 0)
		return -1;
	return score_input_set_points(in, e, j, (size_t)c, points, err);
}

int
score_input_add_vote(struct score_input *in, const char *entry,
                     const char *field, const char *judge, const char *vote,
                     struct score_error *err)
{
	int e, j, s, yes;

	if (in->rubric->mode != SCORE_MODE_BALLOT)
		return fail(err, SCORE_E_MODE, "vote",
		            score_mode_names[in->rubric->mode], NULL);
	if (strcmp(vote, "yes") == 0)
		yes = 1;
	else if (strcmp(vote, "no") == 0)
		yes = 0;
	else
		return fail(err, SCORE_E_VOTE, "vote", vote, NULL);
	if (resolve(in, entry, field, judge, &e, &j, err) != 0)
		return -1;
	s = sheet_for(in, e, j);
	if (in->sheets[s].vote >= 0)
		return fail(err, SCORE_E_DUPLICATE_VOTE, "judge", entry, judge);
	in->sheets[s].vote = yes;
	return 0;
}

/* results_view.c: a snapshot as the review page shows it. A snapshot
 * keeps its exact inputs, so its results are computed again from them
 * (the same bytes give the same results, in milliseconds) and named from
 * the database: entries by code and title, judges by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct results_build {
	struct rubric_ref *ref; /* the snapshot's rubric, shared */
	const struct score_rubric *rubric;
	struct score_input *input;
	struct score_results *res;
	struct result_scope *scopes;
	struct result_row **rows; /* each scope's, writable */
	size_t nscopes;
	void **owned; /* every string and array the view points into */
	size_t nowned;
};

static void *
own(struct results_build *b, void *p)
{
	b->owned = xreallocarray(b->owned, b->nowned + 1, sizeof(*b->owned));
	b->owned[b->nowned++] = p;
	return p;
}

static const char *
text_in(const struct score_text *t, enum score_lang l)
{
	return l == SCORE_LANG_EN && t->en != NULL ? t->en : t->vi;
}

/* What the database says of each entry: title, authors, unit. */
struct titles {
	struct results_build *b;
	char **code, **title, **authors, **org;
	size_t n;
};

static char *
authors_text(const struct db_entry *e)
{
	struct buf b;

	buf_init(&b, 4096);
	for (size_t i = 0; i < e->nauthors; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", e->authors[i].name);
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b, NULL);
}

static int
collect_title(const struct db_entry *e, void *arg)
{
	struct titles *t = arg;
	size_t n = t->n + 1;

	t->code = xreallocarray(t->code, n, sizeof(*t->code));
	t->title = xreallocarray(t->title, n, sizeof(*t->title));
	t->authors = xreallocarray(t->authors, n, sizeof(*t->authors));
	t->org = xreallocarray(t->org, n, sizeof(*t->org));
	t->code[t->n] = own(t->b, xstrdup(e->code));
	t->title[t->n] = own(t->b, xstrdup(e->title));
	t->authors[t->n] = own(t->b, authors_text(e));
	t->org[t->n++] = own(t->b, xstrdup(e->organisation));
	return 0;
}

static size_t
entry_of(const struct titles *t, const char *code)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->code[i], code) == 0)
			return i;
	return t->n;
}

static void
titles_free(struct titles *t)
{
	free(t->code);
	free(t->title);
	free(t->authors);
	free(t->org);
}

/* The judges' names by input index: "x12" is expert 12. */
static const char **
judge_names(struct results_build *b, struct db_read *rd)
{
	size_t n = score_input_judges(b->input);
	const char **names = own(b, xcalloc(n + 1, sizeof(*names)));
	struct db_expert x;

	for (size_t j = 0; j < n; j++) {
		const char *key = score_input_judge_id(b->input, j);

		names[j] = key[0] == 'x' &&
		                   db_expert_get(rd, strtoll(key + 1, NULL, 10),
		                                 &x) == 0
		               ? own(b, xstrdup(x.name))
		               : key;
	}
	return names;
}

/* The sheets the outlier rule excluded, as "name (84.50)". */
static void
fill_excluded(struct results_build *b, const struct score_entry_result *e,
              const char **judges, struct result_row *row)
{
	struct buf ex;

	buf_init(&ex, 8192);
	for (size_t s = 0; s < e->nsheets; s++) {
		const struct score_sheet_result *sh =
		    &b->res->sheets[e->first_sheet + s];

		if (sh->excluded == SCORE_EXCL_NONE) {
			row->nsheets++;
			continue;
		}
		buf_printf(&ex, "%s%s (%.2f)", row->nexcluded > 0 ? "; " : "",
		           judges[sh->judge], sh->raw);
		row->nexcluded++;
	}
	if (ex.data == NULL)
		buf_puts(&ex, "");
	row->excluded = own(b, buf_detach(&ex, NULL));
}

static void
fill_row(struct results_build *b, const struct titles *t, const char **judges,
         const struct score_entry_result *e, enum score_lang l,
         struct result_row *row)
{
	const struct score_rubric *rub = b->rubric;
	const struct score_tier *tiers;
	size_t k, ntiers;
	int tier;

	memset(row, 0, sizeof(*row));
	row->rank = e->rank;
	row->code = score_input_entry_id(b->input, (size_t)e->entry);
	k = entry_of(t, row->code);
	row->title = k < t->n ? t->title[k] : "";
	row->authors = k < t->n ? t->authors[k] : "";
	row->organisation = k < t->n ? t->org[k] : "";
	if (rub->mode == SCORE_MODE_BALLOT)
		score_fixed_format(e->share4, 4, row->score,
		                   sizeof(row->score));
	else if (e->has_score)
		score_fixed_format(e->score, rub->aggregate.decimals,
		                   row->score, sizeof(row->score));
	row->yes = e->yes;
	row->no = e->no;
	tiers = prize_tiers(rub, &ntiers);
	tier = result_tier(rub, e);
	row->tier = tier >= 0 ? text_in(&tiers[tier].title, l) : "";
	row->tier_id = tier >= 0 ? tiers[tier].id : "";
	row->final_tier = row->tier;
	row->decision = MSG__MAX;
	row->insufficient = e->status == SCORE_STATUS_INSUFFICIENT;
	row->tie = (e->flags & SCORE_FLAG_TIE) != 0;
	row->cusp = (e->flags & SCORE_FLAG_CUSP) != 0;
	fill_excluded(b, e, judges, row);
}

static void
fill_scope(struct results_build *b, const struct titles *t, const char **judges,
           size_t s, enum score_lang l)
{
	const struct score_scope_result *sr = &b->res->scopes[s];
	struct result_scope *v = &b->scopes[s];
	struct result_row *rows =
	    own(b, xcalloc(b->res->nentries + 1, sizeof(*rows)));
	struct result_judge *js =
	    own(b, xcalloc(sr->njudge_results + 1, sizeof(*js)));
	size_t n = 0;

	v->ballot = b->rubric->mode == SCORE_MODE_BALLOT;
	v->title = sr->field >= 0
	               ? text_in(&b->rubric->fields[sr->field].title, l)
	               : T(l, MSG_CONTEST_SCOPE);
	for (size_t i = 0; i < b->res->nentries; i++)
		if (b->res->entries[i].scope == s)
			fill_row(b, t, judges, &b->res->entries[i], l,
			         &rows[n++]);
	for (size_t j = 0; j < sr->njudge_results; j++) {
		const struct score_judge_result *g =
		    &b->res->judges[sr->first_judge + j];

		js[j] =
		    (struct result_judge){ judges[g->judge], (int)g->nsheets,
			                   (int)g->excluded, g->mean,
			                   g->severity,      g->normalized };
	}
	v->rows = rows;
	v->nrows = n;
	b->rows[s] = rows;
	v->has_alpha = sr->has_alpha;
	v->alpha = sr->alpha;
	v->has_icc = sr->has_icc;
	v->icc1 = sr->icc2_1;
	v->icck = sr->icc2_k;
	v->judges = js;
	v->njudges = sr->njudge_results;
}

struct results_build *
results_build(struct db_read *rd, struct rubric_cache *rubrics,
              const struct db_snapshot *s, enum score_lang l)
{
	struct results_build *b = xcalloc(1, sizeof(*b));
	struct titles t = { .b = b };
	struct score_error err;
	const char **judges;

	if (!results_still_true(s)) {
		free(b);
		return NULL;
	}
	b->ref = rubric_text(rubrics, s->rubric_json, &err);
	b->rubric = b->ref != NULL ? rubric_of(b->ref) : NULL;
	if (b->rubric != NULL)
		b->input = score_csv_read(b->rubric, s->scores_csv,
		                          strlen(s->scores_csv), &err);
	if (b->input != NULL)
		b->res = score_compute(b->rubric, b->input, &err);
	if (b->res == NULL ||
	    db_entry_each(rd, s->edition_id, collect_title, &t) != 0) {
		titles_free(&t);
		results_build_free(b);
		return NULL;
	}
	judges = judge_names(b, rd);
	b->nscopes = b->res->nscopes;
	b->scopes = own(b, xcalloc(b->nscopes + 1, sizeof(*b->scopes)));
	b->rows = own(b, xcalloc(b->nscopes + 1, sizeof(struct result_row *)));
	for (size_t i = 0; i < b->nscopes; i++)
		fill_scope(b, &t, judges, i, l);
	titles_free(&t);
	return b;
}

static enum msg
decision_msg(const char *kind)
{
	if (strcmp(kind, "confirm") == 0)
		return MSG_DECIDE_CONFIRM;
	if (strcmp(kind, "move") == 0)
		return MSG_DECIDE_MOVE;
	if (strcmp(kind, "withhold") == 0)
		return MSG_DECIDE_WITHHOLD;
	return MSG_DECIDE_RESOLVE;
}

struct result_row *
results_build_row(struct results_build *b, const char *code)
{
	for (size_t s = 0; s < b->nscopes; s++)
		for (size_t i = 0; i < b->scopes[s].nrows; i++)
			if (strcmp(b->rows[s][i].code, code) == 0)
				return &b->rows[s][i];
	return NULL;
}

void
results_build_decide(struct results_build *b, const struct db_decision *d,
                     enum score_lang l)
{
	struct result_row *row = results_build_row(b, d->code);
	size_t n;
	const struct score_tier *tiers = prize_tiers(b->rubric, &n);
	int computed = -1, t;

	if (row == NULL)
		return;
	for (size_t k = 0; k < n; k++)
		if (strcmp(tiers[k].id, row->tier_id) == 0)
			computed = (int)k;
	t = decision_tier(b->rubric, computed, d);
	row->decision = decision_msg(d->kind);
	row->reason = own(b, xstrdup(d->reason));
	row->final_tier = t >= 0 ? text_in(&tiers[t].title, l) : "";
}

const struct result_scope *
results_build_scopes(const struct results_build *b, size_t *n)
{
	*n = b->nscopes;
	return b->scopes;
}

const char *
results_build_method(const struct results_build *b)
{
	if (b->rubric->mode == SCORE_MODE_BALLOT)
		return score_ballot_rule_names[b->rubric->ballot_rule];
	return score_method_names[b->rubric->aggregate.method];
}

void
results_build_free(struct results_build *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->nowned; i++)
		free(b->owned[i]);
	free(b->owned);
	score_results_free(b->res);
	score_input_free(b->input);
	rubric_put(b->ref);
	free(b);
}

/* progress_stats.c: the dashboard's statistics of a judging round, worked
 * out by the scoring core from the submitted sheets that count: per panel,
 * the entries whose judges disagree most (the spread of their totals) and
 * the judges far from the panel's mean (the core's severity). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* Totals and thresholds are in points with at most a few decimals;
 * doubles carry them exactly enough, and this keeps 20.000000001 from
 * counting as above a threshold of 20. */
#define STATS_EPS 1e-9

struct st_entry {
	int64_t panel, id;
	char code[48];
	char title[512];
	char field[64];
};

struct st_judge {
	int64_t id;
	char name[128];
};

struct st_point {
	size_t entry, judge; /* indices into the arrays of round_stats */
	size_t criterion;
	int32_t points;
};

struct round_stats {
	const struct score_rubric *rubric;
	struct st_entry *entries;
	size_t nentries, centries;
	struct st_judge *judges;
	size_t njudges, cjudges;
	struct st_point *points;
	size_t npoints, cpoints;
	void **owned; /* what the panels' views point into */
	size_t nowned;
};

static void *
keep(struct round_stats *st, void *p)
{
	st->owned = xreallocarray(st->owned, st->nowned + 1, sizeof(void *));
	st->owned[st->nowned++] = p;
	return p;
}

static size_t
judge_index(struct round_stats *st, const struct db_score_row *s)
{
	for (size_t j = 0; j < st->njudges; j++)
		if (st->judges[j].id == s->expert_id)
			return j;
	if (st->njudges == st->cjudges) {
		st->cjudges = st->cjudges ? st->cjudges * 2 : 16;
		st->judges =
		    xreallocarray(st->judges, st->cjudges, sizeof(*st->judges));
	}
	st->judges[st->njudges].id = s->expert_id;
	snprintf(st->judges[st->njudges].name,
	         sizeof(st->judges[st->njudges].name), "%s", s->expert);
	return st->njudges++;
}

/* Rows come by panel and entry: a new entry starts when either moves. */
static size_t
entry_index(struct round_stats *st, const struct db_score_row *s)
{
	struct st_entry *e;

	if (st->nentries > 0 &&
	    st->entries[st->nentries - 1].id == s->entry_id &&
	    st->entries[st->nentries - 1].panel == s->panel_id)
		return st->nentries - 1;
	if (st->nentries == st->centries) {
		st->centries = st->centries ? st->centries * 2 : 64;
		st->entries = xreallocarray(st->entries, st->centries,
		                            sizeof(*st->entries));
	}
	e = &st->entries[st->nentries];
	e->panel = s->panel_id;
	e->id = s->entry_id;
	snprintf(e->code, sizeof(e->code), "%s", s->code);
	snprintf(e->title, sizeof(e->title), "%s", s->title);
	snprintf(e->field, sizeof(e->field), "%s", s->field);
	return st->nentries++;
}

/* A point the rubric in force still accepts: a sheet scored on an older
 * version may name a criterion since dropped, or exceed a lowered max;
 * such a point is left out, and its sheet then counts as incomplete
 * (rule 1), as it would in the results. */
static bool
point_fits(const struct score_criterion *c, int32_t points)
{
	return points >= 0 && points <= c->max_h &&
	       (c->step_h <= 0 || points % c->step_h == 0);
}

static int
add_row(const struct db_score_row *s, void *arg)
{
	struct round_stats *st = arg;
	int c = score_rubric_criterion(st->rubric, s->criterion);
	size_t e = entry_index(st, s), j = judge_index(st, s);

	if (c < 0 || !point_fits(&st->rubric->criteria[c], s->points))
		return 0;
	if (st->npoints == st->cpoints) {
		st->cpoints = st->cpoints ? st->cpoints * 2 : 256;
		st->points =
		    xreallocarray(st->points, st->cpoints, sizeof(*st->points));
	}
	st->points[st->npoints++] =
	    (struct st_point){ e, j, (size_t)c, s->points };
	return 0;
}

struct round_stats *
round_stats_load(struct db_read *rd, int64_t edition,
                 const struct score_rubric *rubric)
{
	struct round_stats *st = xcalloc(1, sizeof(*st));

	st->rubric = rubric;
	if (db_progress_scores_each(rd, edition, add_row, st) != 0) {
		round_stats_free(st);
		return NULL;
	}
	return st;
}

void
round_stats_free(struct round_stats *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->nowned; i++)
		free(st->owned[i]);
	free(st->owned);
	free(st->entries);
	free(st->judges);
	free(st->points);
	free(st);
}

/* The panel's points as the core's input: ids are our indices ("12"), so
 * that the results map back without a search. */
static struct score_input *
panel_input(const struct round_stats *st, const struct score_rubric *r,
            int64_t panel)
{
	struct score_input *in = score_input_new(r);
	struct score_error err;
	char id[32];
	int e = -1, j;

	for (size_t i = 0; i < st->npoints; i++) {
		const struct st_point *pt = &st->points[i];
		const struct st_entry *en = &st->entries[pt->entry];
		int field = score_rubric_field(r, en->field);

		if (en->panel != panel || field < 0)
			continue;
		snprintf(id, sizeof(id), "%zu", pt->entry);
		e = score_input_entry(in, id, (size_t)field, &err);
		snprintf(id, sizeof(id), "%zu", pt->judge);
		j = score_input_judge(in, id);
		/* rows are unique per (sheet, criterion): this cannot fail */
		if (e >= 0)
			score_input_set_points(in, e, j, pt->criterion,
			                       pt->points, &err);
	}
	return in;
}

static size_t
id_index(const char *id)
{
	return (size_t)strtoull(id, NULL, 10);
}

static int
by_spread(const void *a, const void *b)
{
	const struct progress_spread *x = a, *y = b;

	if (x->spread != y->spread)
		return x->spread < y->spread ? 1 : -1;
	return strcmp(x->code, y->code);
}

static int
by_severity(const void *a, const void *b)
{
	const struct progress_far *x = a, *y = b;

	if (fabs(x->severity) != fabs(y->severity))
		return fabs(x->severity) < fabs(y->severity) ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* One entry above the spread threshold, with each judge's total. */
static void
spread_item(struct round_stats *st, const struct score_input *in,
            const struct score_results *res,
            const struct score_entry_result *er, struct progress_spread *out)
{
	const char **names = keep(st, xcalloc(er->nsheets, sizeof(char *)));
	double *totals = keep(st, xcalloc(er->nsheets, sizeof(double)));
	const struct st_entry *en =
	    &st->entries[id_index(score_input_entry_id(in, (size_t)er->entry))];

	for (size_t k = 0; k < er->nsheets; k++) {
		const struct score_sheet_result *sh =
		    &res->sheets[er->first_sheet + k];

		names[k] = st->judges[id_index(score_input_judge_id(
		                          in, (size_t)sh->judge))]
		               .name;
		totals[k] = sh->raw;
	}
	*out = (struct progress_spread){
		(long long)en->id, en->code, en->title, names, totals,
		er->nsheets,       er->range
	};
}

/* The lists of a panel from the core's results. */
static void
panel_lists(struct round_stats *st, const struct score_input *in,
            const struct score_results *res, struct progress_panel *v,
            double spread_limit, double far_limit)
{
	struct progress_spread *spread =
	    keep(st, xcalloc(res->nentries + 1, sizeof(*spread)));
	struct progress_far *far =
	    keep(st, xcalloc(res->njudges + 1, sizeof(*far)));

	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];

		v->compared |= er->nsheets >= 2;
		if (er->nsheets >= 2 && er->range > spread_limit + STATS_EPS)
			spread_item(st, in, res, er, &spread[v->nspread++]);
	}
	/* with no entry seen twice, a judge's mean only says which entries
	 * they drew: nothing to compare yet */
	for (size_t j = 0; v->compared && j < res->njudges; j++) {
		const struct score_judge_result *jr = &res->judges[j];

		if (fabs(jr->severity) <= far_limit + STATS_EPS)
			continue;
		far[v->nfar++] = (struct progress_far){
			st->judges[id_index(score_input_judge_id(
			               in, (size_t)jr->judge))]
			    .name,
			jr->mean, jr->severity, (int)jr->nsheets
		};
	}
	qsort(spread, v->nspread, sizeof(*spread), by_spread);
	qsort(far, v->nfar, sizeof(*far), by_severity);
	v->spread = spread;
	v->far = far;
}

void
round_stats_panel(struct round_stats *st, struct progress_panel *v,
                  double spread_limit, double far_limit)
{
	/* One scope for the whole panel: the core's severity compares a
	 * judge with "the panel", which with scope by field would be each
	 * field of a panel that covers several. The copy is shallow and
	 * lives only for this computation. */
	struct score_rubric r = *st->rubric;
	struct score_input *in;
	struct score_results *res;
	struct score_error err;

	r.scope = SCORE_SCOPE_CONTEST;
	in = panel_input(st, &r, (int64_t)v->id);
	res = score_compute(&r, in, &err);
	if (res == NULL)
		fprintf(stderr,
		        "giamkhao: progress of panel %lld: totals "
		        "beyond exact arithmetic\n",
		        v->id);
	else
		panel_lists(st, in, res, v, spread_limit, far_limit);
	score_results_free(res);
	score_input_free(in);
}

/* h_progress.c: the organisers' progress dashboard of an edition: per
 * panel and per judge, sheets submitted of those assigned and the last
 * save; the round's lock and sheet reopening; the conflicts judges
 * declared; entries with high disagreement and judges far from their
 * panel's mean (worked out in progress_stats.c). */
#include <stdlib.h>
#include <string.h>

#include "server.h"

/*
 * Default thresholds, as shares of the rubric's best total. A spread of
 * 20% is 20 points on the usual 100, where the domain's precedent puts it
 * (markings 20 points apart call a third marker). A judge is far from the
 * panel at 10%: an absolute share rather than a z-score, because a panel
 * has 3 to 7 judges, too few for the spread of their means to be a stable
 * yardstick (one severe judge widens it and so hides himself), and
 * because points are what organisers and the precedents speak in (15
 * points from the mean excludes a sheet in the Ministry's young-scientist
 * award). 10% sits below those exclusion rules: it asks for a look, it
 * does not exclude anyone.
 */
#define SPREAD_SHARE 0.20
#define FAR_SHARE    0.10

struct rows {
	struct db_progress *r;
	size_t n, cap;
	struct db_panel *panels;
	size_t npanels;
	struct db_declared *conflicts;
	size_t nconflicts;
};

static int
add_row(const struct db_progress *p, void *arg)
{
	struct rows *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->r = xreallocarray(l->r, l->cap, sizeof(*l->r));
	}
	l->r[l->n++] = *p;
	return 0;
}

static int
add_panel(const struct db_panel *p, void *arg)
{
	struct rows *l = arg;

	l->panels =
	    xreallocarray(l->panels, l->npanels + 1, sizeof(*l->panels));
	l->panels[l->npanels++] = *p;
	return 0;
}

static int
add_conflict(const struct db_declared *c, void *arg)
{
	struct rows *l = arg;

	l->conflicts = xreallocarray(l->conflicts, l->nconflicts + 1,
	                             sizeof(*l->conflicts));
	l->conflicts[l->nconflicts++] = *c;
	return 0;
}

/* The view of panel `p` from its rows (ordered by judge). */
static void
panel_view(const struct rows *l, const struct db_panel *p,
           struct progress_panel *v, struct progress_judge *judges,
           struct progress_sheet *sheets)
{
	int64_t judge = 0;

	*v = (struct progress_panel){ .id = (long long)p->id,
		                      .name = p->name,
		                      .locked = p->locked_at != 0,
		                      .judges = judges,
		                      .sheets = sheets };
	for (size_t i = 0; i < l->n; i++) {
		const struct db_progress *r = &l->r[i];
		struct progress_judge *j;
		bool done = strcmp(r->state, "submitted") == 0;

		if (r->panel_id != p->id)
			continue;
		if (v->njudges == 0 || r->expert_id != judge) {
			judge = r->expert_id;
			judges[v->njudges++] =
			    (struct progress_judge){ r->expert, 0, 0, 0 };
		}
		j = &judges[v->njudges - 1];
		j->assigned++;
		j->done += done;
		if (r->updated_at > j->last)
			j->last = r->updated_at;
		v->assigned++;
		v->done += done;
		sheets[v->nsheets++] =
		    (struct progress_sheet){ (long long)r->sheet_id, r->code,
			                     r->expert, r->state };
	}
}

/* The thresholds: the defaults, or the spread the organiser asked for
 * (?spread=15: points, a plain decimal above 0 and at most the best
 * total); one refused is said next to its field, and the default used. */
static void
thresholds(const struct req *r, const struct ctx *c, struct progress_extra *x)
{
	const char *typed = form_get(&r->form, "spread");
	struct score_q best, q;
	double v;

	x->scores = c->rubric->mode == SCORE_MODE_SCORES;
	best = score_rubric_total_max(c->rubric);
	x->max_total = (double)best.num / (double)best.den;
	x->spread_limit = SPREAD_SHARE * x->max_total;
	x->far_limit = FAR_SHARE * x->max_total;
	/* a ballot has no totals: no statistics, nothing to set */
	if (!x->scores || typed == NULL || *typed == '\0')
		return;
	x->spread_text = typed;
	if (score_q_parse(typed, &q) != 0) {
		x->spread_bad = true;
		return;
	}
	v = (double)q.num / (double)q.den;
	if (v > 0 && v <= x->max_total)
		x->spread_limit = v;
	else
		x->spread_bad = true;
}

/* Everything the page shows, in one read snapshot. */
static int
load(struct req *r, const struct ctx *c, bool scores, struct rows *l,
     struct round_stats **st)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int64_t id = c->edition.id;
	int rc = db_panel_each(rd, id, add_panel, l);

	if (rc == 0)
		rc = db_progress_each(rd, id, add_row, l);
	if (rc == 0)
		rc = db_judge_conflicts_each(rd, id, add_conflict, l);
	if (rc == 0 && scores) {
		*st = round_stats_load(rd, id, c->rubric);
		rc = *st != NULL ? 0 : -1;
	}
	db_read_end(rd);
	return rc;
}

static void
render(struct req *r, const struct ctx *c, const struct rows *l,
       struct round_stats *st, struct progress_extra *x)
{
	struct progress_panel *views = xcalloc(l->npanels + 1, sizeof(*views));
	struct progress_judge *judges = xcalloc(l->n + 1, sizeof(*judges));
	struct progress_sheet *sheets = xcalloc(l->n + 1, sizeof(*sheets));
	struct progress_conflict *conflicts =
	    xcalloc(l->nconflicts + 1, sizeof(*conflicts));
	struct page p;
	size_t used = 0;

	/* each panel's judges and sheets take the next slots */
	for (size_t i = 0; i < l->npanels; i++) {
		panel_view(l, &l->panels[i], &views[i], judges + used,
		           sheets + used);
		used += views[i].nsheets;
		if (st != NULL)
			round_stats_panel(st, &views[i], x->spread_limit,
			                  x->far_limit);
	}
	for (size_t i = 0; i < l->nconflicts; i++) {
		const struct db_declared *d = &l->conflicts[i];

		conflicts[i] =
		    (struct progress_conflict){ (long long)d->entry_id,
			                        d->expert,
			                        d->code,
			                        d->title,
			                        d->reason,
			                        (long long)d->at };
	}
	x->conflicts = conflicts;
	x->nconflicts = l->nconflicts;
	if (x->spread_bad)
		r->status = 400;
	p = req_page(r, T(r->lang, MSG_PROGRESS_PAGE));
	page_progress(&r->out, &p, &c->view, views, l->npanels, x,
	              ctx_can(r, c, ACT_ROUND_LOCK));
	free(views);
	free(judges);
	free(sheets);
	free(conflicts);
}

void
h_progress(struct req *r)
{
	struct rows l = { 0 };
	struct progress_extra x = { 0 };
	struct round_stats *st = NULL;
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	thresholds(r, &c, &x);
	if (load(r, &c, x.scores, &l, &st) != 0)
		respond_error(r, 500);
	else
		render(r, &c, &l, st, &x);
	round_stats_free(st);
	free(l.r);
	free(l.panels);
	free(l.conflicts);
	ctx_release(&c);
}

/* h_progress.c: the organisers' progress dashboard of an edition: per
 * panel and per judge, sheets submitted of those assigned and the last
 * save; the round's lock and sheet reopening. */
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct rows {
	struct db_progress *r;
	size_t n, cap;
	struct db_panel *panels;
	size_t npanels;
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

void
h_progress(struct req *r)
{
	struct rows l = { 0 };
	struct progress_panel *views;
	struct progress_judge *judges;
	struct progress_sheet *sheets;
	struct db_read *rd;
	struct page p;
	struct ctx c;
	size_t used = 0;
	int rc;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_panel_each(rd, c.edition.id, add_panel, &l);
	if (rc == 0)
		rc = db_progress_each(rd, c.edition.id, add_row, &l);
	db_read_end(rd);
	views = xcalloc(l.npanels + 1, sizeof(*views));
	judges = xcalloc(l.n + 1, sizeof(*judges));
	sheets = xcalloc(l.n + 1, sizeof(*sheets));
	if (rc != 0) {
		respond_error(r, 500);
	} else {
		/* each panel's judges and sheets take the next slots */
		for (size_t i = 0; i < l.npanels; i++) {
			panel_view(&l, &l.panels[i], &views[i], judges + used,
			           sheets + used);
			used += views[i].nsheets;
		}
		p = req_page(r, T(r->lang, MSG_PROGRESS_PAGE));
		page_progress(&r->out, &p, &c.view, views, l.npanels,
		              ctx_can(r, &c, ACT_ROUND_LOCK));
	}
	free(views);
	free(judges);
	free(sheets);
	free(l.r);
	free(l.panels);
	ctx_release(&c);
}

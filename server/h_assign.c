/* h_assign.c: assignments: the grids, automatic assignment, changes by
 * hand, and declared conflicts of interest. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* The page's view of a grid (arrays owned by `keep`). */
struct grid_page {
	struct grid_view v;
	long long *judge_ids;
	const char **judge_names, **codes, **titles;
};

static void
grid_page(const struct grids *gs, struct grid *g, struct grid_page *gp)
{
	struct assign_report rep;

	memset(gp, 0, sizeof(*gp));
	g->entry_ids = xcalloc(g->n + 1, sizeof(long long));
	gp->codes = xcalloc(g->n + 1, sizeof(char *));
	gp->titles = xcalloc(g->n + 1, sizeof(char *));
	gp->judge_ids = xcalloc(g->m + 1, sizeof(long long));
	gp->judge_names = xcalloc(g->m + 1, sizeof(char *));
	for (size_t i = 0; i < g->n; i++) {
		const struct db_entry *e = grid_entry(gs, g, i);

		g->entry_ids[i] = (long long)e->id;
		gp->codes[i] = e->code;
		gp->titles[i] = e->title;
	}
	for (size_t j = 0; j < g->m; j++) {
		gp->judge_ids[j] = (long long)g->judges[j].id;
		gp->judge_names[j] = g->judges[j].name;
	}
	grid_check(g, grid_k(gs, g), &rep);
	gp->v = (struct grid_view){
		(long long)g->panel.id,
		g->panel.name,
		g->n,
		g->m,
		g->entry_ids,
		gp->codes,
		gp->titles,
		gp->judge_ids,
		gp->judge_names,
		g->cells,
		grid_k(gs, g),
		rep.nshort,
		rep.min_load,
		rep.max_load,
		rep.components,
	};
	assign_report_release(&rep);
}

static void
grid_page_release(struct grid_page *gp)
{
	free(gp->codes);
	free(gp->titles);
	free(gp->judge_ids);
	free(gp->judge_names);
}

/* May the actor see this edition's assignments, and which panels? Staff
 * see all; a chair the panels they chair. */
static bool
panel_visible(const struct req *r, const struct grid *g)
{
	return !actor_is_expert(&r->actor) ||
	       g->panel.chair == r->actor.expert_id;
}

void
h_assign_view(struct req *r)
{
	struct ctx c;
	struct grids gs = { 0 };
	struct grid_page *gps;
	struct grid_view *views;
	struct page p;
	size_t n = 0;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (ctx_can_chair(r, &c, ACT_ASSIGN_VIEW) != 0) {
		/* answered */
	} else if (grids_load(r, &c, &gs) != 0) {
		respond_error(r, 500);
	} else {
		gps = xcalloc(gs.n + 1, sizeof(*gps));
		views = xcalloc(gs.n + 1, sizeof(*views));
		for (size_t i = 0; i < gs.n; i++) {
			if (!panel_visible(r, &gs.grids[i]))
				continue;
			if (actor_is_expert(&r->actor) &&
			    grid_hide_conflicts(r, &gs, &gs.grids[i],
			                        r->actor.expert_id) != 0)
				break;
			grid_page(&gs, &gs.grids[i], &gps[n]);
			views[n] = gps[n].v;
			n++;
		}
		p = req_page(r, T(r->lang, MSG_ASSIGNMENTS));
		page_assignments(&r->out, &p, &c.view, views, n,
		                 ctx_can(r, &c, ACT_ASSIGN));
		for (size_t i = 0; i < n; i++)
			grid_page_release(&gps[i]);
		free(gps);
		free(views);
	}
	grids_release(&gs);
	ctx_release(&c);
}

/* Writes one panel's new automatic assignments (manual ones stay). */
static int
save_grid(struct db_tx *tx, const struct grids *gs, const struct grid *g,
          const struct assign_report *rep)
{
	int64_t *ids = xcalloc(g->n + 1, sizeof(int64_t));
	json_t *v;
	char *text;
	int rc;

	for (size_t i = 0; i < g->n; i++)
		ids[i] = grid_entry(gs, g, i)->id;
	rc = db_assignment_clear_auto(tx, ids, g->n);
	for (size_t i = 0; rc == 0 && i < g->n; i++)
		for (size_t j = 0; rc == 0 && j < g->m; j++)
			if (g->cells[i * g->m + j] == CELL_AUTO)
				rc = db_assignment_set(tx, ids[i],
				                       g->judges[j].id, true,
				                       false, NULL);
	free(ids);
	if (rc != 0)
		return rc;
	v = json_pack("{s:I, s:i, s:I, s:i, s:i, s:I}", "panel",
	              (json_int_t)g->panel.id, "k", (int)grid_k(gs, g), "short",
	              (json_int_t)rep->nshort, "min_load", (int)rep->min_load,
	              "max_load", (int)rep->max_load, "components",
	              (json_int_t)rep->components);
	text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(v);
	rc = db_audit(tx, "assignment.auto", "panel", NULL, text, NULL);
	free(text);
	return rc;
}

void
h_assign_auto(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct assign_report rep;
	struct grids gs = { 0 };
	struct db_tx *tx;
	struct ctx c;
	char where[64];
	int late, rc = 0;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_ASSIGN)) {
		respond_error(r, 409);
	} else if (grids_load(r, &c, &gs) != 0) {
		respond_error(r, 500);
	} else {
		tx = db_begin(r->app->db, &who);
		/* The edition was checked as loaded before this transaction;
		 * check it again here, where no lifecycle step can come in
		 * between. */
		late = tx != NULL ? ctx_recheck(tx, r, c.edition.id, ACT_ASSIGN)
		                  : -1;
		rc = late == 0 ? 0 : -1;
		for (size_t i = 0; rc == 0 && i < gs.n; i++) {
			rc = grid_solve(&gs.grids[i], grid_k(&gs, &gs.grids[i]),
			                &rep) < 0
			         ? -1
			         : 0;
			if (rc == 0)
				rc = save_grid(tx, &gs, &gs.grids[i], &rep);
			assign_report_release(&rep);
		}
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
		snprintf(where, sizeof(where), "/editions/%lld/assignments",
		         (long long)c.edition.id);
		if (rc == 0)
			respond_redirect(r, where);
		else
			respond_error(r, late == 1 ? 409 : 500);
	}
	grids_release(&gs);
	ctx_release(&c);
}

/* The cell of (entry, expert) in the edition's grids, or -1 when the
 * expert is not a judge of the panel that covers the entry. */
static int
find_cell(const struct grids *gs, int64_t entry, int64_t expert)
{
	for (size_t p = 0; p < gs->n; p++) {
		const struct grid *g = &gs->grids[p];

		for (size_t i = 0; i < g->n; i++) {
			if (grid_entry(gs, g, i)->id != entry)
				continue;
			for (size_t j = 0; j < g->m; j++)
				if (g->judges[j].id == expert)
					return g->cells[i * g->m + j];
		}
	}
	return -1;
}

/* Loads the entry of the path and its edition. -1 after responding. */
static int
entry_ctx(struct req *r, struct db_entry *e, struct ctx *c)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_entry_get(rd, r->ids[0], e);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return -1;
	}
	return ctx_load(r, e->edition_id, c);
}

/* Adds or removes one judge of one entry by hand, with a reason. */
void
h_assign_one(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *op = form_get(&r->form, "op");
	const char *reason = form_get(&r->form, "reason");
	const char *expert = form_get(&r->form, "expert");
	struct db_entry *e = xcalloc(1, sizeof(*e));
	struct grids gs = { 0 };
	struct db_tx *tx;
	struct ctx c;
	char where[64];
	int cell = -1, late, rc = -1;
	bool add = op != NULL && strcmp(op, "add") == 0;

	if (!session_csrf_ok(r) || entry_ctx(r, e, &c) != 0) {
		if (r->status == 200)
			respond_error(r, 403);
		free(e);
		return;
	}
	if (!ctx_can(r, &c, ACT_ASSIGN))
		respond_error(r, 409);
	else if (expert == NULL || reason == NULL || *reason == '\0' ||
	         op == NULL || (!add && strcmp(op, "remove") != 0) ||
	         grids_load(r, &c, &gs) != 0 ||
	         (cell = find_cell(&gs, e->id, strtoll(expert, NULL, 10))) <
	             0 ||
	         (add && (cell == CELL_CONFLICT || cell == CELL_DECLARED)))
		respond_error(r, cell == CELL_CONFLICT || cell == CELL_DECLARED
		                     ? 409
		                     : 400);
	else {
		tx = db_begin(r->app->db, &who);
		/* as in h_assign_auto: the edition may have moved on */
		late = tx != NULL ? ctx_recheck(tx, r, c.edition.id, ACT_ASSIGN)
		                  : -1;
		if (late == 0)
			rc = db_assignment_set(tx, e->id,
			                       strtoll(expert, NULL, 10), add,
			                       true, reason);
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
		snprintf(where, sizeof(where), "/editions/%lld/assignments",
		         (long long)c.edition.id);
		if (rc == 0)
			respond_redirect(r, where);
		else
			respond_error(r, late == 1 ? 409 : 500);
	}
	grids_release(&gs);
	ctx_release(&c);
	free(e);
}

/* Letters (code points) of valid UTF-8: the form's maxlength counts
 * letters, and a Vietnamese letter takes up to 3 bytes. */
static size_t
letters(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A reason is required, of at most 250 letters, and not only spaces. */
static bool
is_conflict_reason(const char *s)
{
	return s != NULL && s[strspn(s, " \t\r\n")] != '\0' &&
	       letters(s) <= 250;
}

/*
 * A declared conflict: by the organisers for any judge, or by a judge for
 * themself on an entry assigned to them. Either way the assignment goes,
 * in the same transaction.
 */
void
h_conflict_declare(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *reason = form_get(&r->form, "reason");
	const char *expert_text = form_get(&r->form, "expert");
	bool judge = actor_is_expert(&r->actor);
	struct db_entry *e = xcalloc(1, sizeof(*e));
	struct object obj = { 0 };
	struct db_read *rd;
	struct db_tx *tx;
	struct ctx c;
	int64_t expert;
	char where[64];
	int late, rc = -1;

	if (!session_csrf_ok(r) || entry_ctx(r, e, &c) != 0) {
		if (r->status == 200)
			respond_error(r, 403);
		free(e);
		return;
	}
	expert = judge ? r->actor.expert_id
	               : (expert_text ? strtoll(expert_text, NULL, 10) : 0);
	obj.edition = &c.edition;
	rd = db_read_begin(r->app->db);
	if (judge)
		entry_access_of(rd, &r->actor, e, &obj);
	db_read_end(rd);
	if (!can(&r->actor, ACT_CONFLICT_DECLARE, &obj)) {
		respond_error(r, judge ? 404 : 409);
	} else if (expert <= 0 || !is_conflict_reason(reason)) {
		respond_error(r, 400);
	} else {
		tx = db_begin(r->app->db, &who);
		/* The edition again, inside the transaction (a judge's tie
		 * to the entry is kept in obj); a refusal is answered as the
		 * check above answers it (to a judge, 404). */
		late = tx != NULL
		           ? ctx_recheck_object(tx, r, c.edition.id,
		                                ACT_CONFLICT_DECLARE, &obj)
		           : -1;
		if (late == 0)
			rc = db_conflict_declare(tx, e->id, expert,
			                         judge ? "judge" : "organiser",
			                         reason);
		if (rc == 0)
			rc = db_assignment_set(tx, e->id, expert, false, false,
			                       reason);
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
		snprintf(where, sizeof(where), "/editions/%lld/assignments",
		         (long long)c.edition.id);
		if (rc != 0)
			respond_error(r, late != 1 ? 500 : judge ? 404 : 409);
		else
			/* the judge's home says the entry went and why */
			respond_redirect(r,
			                 judge ? "/?conflict=declared" : where);
	}
	ctx_release(&c);
	free(e);
}

/* h_editions.c: editions: list, create from a preset, view, advance. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets.h"
#include "server.h"

struct list {
	struct db_edition *rows;
	size_t n, cap;
};

static int
collect(const struct db_edition *e, void *arg)
{
	struct list *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->rows = xreallocarray(l->rows, l->cap, sizeof(*l->rows));
	}
	l->rows[l->n++] = *e;
	return 0;
}

void
h_edition_list(struct req *r)
{
	struct list l = { 0 };
	struct edition_view *views;
	struct db_read *rd = db_read_begin(r->app->db);
	struct page p = req_page(r, T(r->lang, MSG_EDITIONS));
	int rc = db_edition_each(rd, collect, &l);

	db_read_end(rd);
	if (rc != 0) {
		free(l.rows);
		respond_error(r, 500);
		return;
	}
	views = xcalloc(l.n + 1, sizeof(*views));
	for (size_t i = 0; i < l.n; i++)
		edition_view_of(&l.rows[i], &views[i]);
	page_editions(&r->out, &p, views, l.n,
	              can(&r->actor, ACT_EDITION_CREATE, NULL));
	free(views);
	free(l.rows);
}

/* The form's starting values: this year, the organisation's details. */
void
h_edition_new(struct req *r)
{
	struct page p = req_page(r, T(r->lang, MSG_NEW_EDITION));
	struct edition_view v;
	struct db_org org;
	struct db_read *rd = db_read_begin(r->app->db);
	time_t now = time(NULL);
	struct tm tm;
	int rc = db_org_get(rd, &org);

	db_read_end(rd);
	if (rc != 0)
		memset(&org, 0, sizeof(org));
	gmtime_r(&now, &tm);
	memset(&v, 0, sizeof(v));
	v.program = form_get(&r->form, "program");
	if (v.program == NULL)
		v.program = "technical-innovation";
	v.level = "province";
	v.number = 1;
	v.year_from = v.year_to = tm.tm_year + 1900;
	v.title = name_program(r->lang, v.program);
	v.org_name = org.name;
	v.org_province = org.province;
	v.signatory = org.signatory;
	v.signatory_title = org.signatory_title;
	v.submit_until = v.judging_until = v.posting_from = v.posting_until =
	    "";
	page_edition_form(&r->out, &p, &v, NULL);
}

/* Inserts the edition with its program's preset rubric, in one
 * transaction with its audit rows. */
static int
create(struct req *r, const struct edition_view *v, int64_t *id)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_edition e;
	const struct asset *preset;
	char name[64], *rubric;
	struct db_tx *tx;
	int rc;

	snprintf(name, sizeof(name), "%s.json", v->program);
	preset = preset_find(name);
	if (preset == NULL)
		return -1;
	rubric = xstrndup((const char *)preset->data, preset->len);
	edition_from_view(v, &e);
	tx = db_begin(r->app->db, &who);
	rc = tx != NULL ? db_edition_create(tx, &e, rubric, id) : -1;
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	free(rubric);
	return rc;
}

void
h_edition_create(struct req *r)
{
	struct page p = req_page(r, T(r->lang, MSG_NEW_EDITION));
	struct form_errors e;
	struct edition_view v;
	char where[64];
	int64_t id;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (!edition_form_read(&r->form, &v, &e)) {
		r->status = 422;
		page_edition_form(&r->out, &p, &v, &e);
		return;
	}
	if (create(r, &v, &id) != 0) {
		respond_error(r, 500);
		return;
	}
	snprintf(where, sizeof(where), "/editions/%lld", (long long)id);
	respond_redirect(r, where);
}

/* Loads the edition of the path; answers 404 (and returns -1) when absent
 * or when the actor may not see it. */
static int
load(struct req *r, struct db_edition *e, int *version)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct object obj = { .edition = e };
	char *json = NULL;
	int rc = db_edition_get(rd, r->ids[0], e);

	if (rc == 0 && version != NULL)
		rc = db_rubric_latest(rd, e->id, version, &json);
	db_read_end(rd);
	free(json);
	if (rc != 0 || !can(&r->actor, ACT_EDITION_VIEW, &obj)) {
		respond_error(r, rc == -1 ? 500 : 404);
		return -1;
	}
	return 0;
}

void
h_edition_view(struct req *r)
{
	struct db_edition e;
	struct edition_view v;
	struct object obj = { .edition = &e };
	struct page p;
	int version = 0;

	if (load(r, &e, &version) != 0)
		return;
	edition_view_of(&e, &v);
	v.rubric_version = version;
	p = req_page(r, e.title);
	page_edition(&r->out, &p, &v, can(&r->actor, ACT_EDITION_ADVANCE, &obj),
	             can(&r->actor, ACT_EDITION_EDIT, &obj));
}

/* One step along the lifecycle; `from` must still be the current state,
 * so a double submission cannot skip a step. */
void
h_edition_advance(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *from = form_get(&r->form, "from"), *to;
	struct db_edition e;
	struct object obj = { .edition = &e };
	struct db_tx *tx;
	char where[64];
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (load(r, &e, NULL) != 0)
		return;
	to = edition_next_state(e.state);
	if (!can(&r->actor, ACT_EDITION_ADVANCE, &obj) || to == NULL ||
	    from == NULL || strcmp(from, e.state) != 0) {
		respond_error(r, 409);
		return;
	}
	tx = db_begin(r->app->db, &who);
	rc = tx != NULL ? db_edition_set_state(tx, e.id, from, to,
	                                       form_get(&r->form, "reason"))
	                : -1;
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 409 : 500);
		return;
	}
	snprintf(where, sizeof(where), "/editions/%lld", (long long)e.id);
	respond_redirect(r, where);
}

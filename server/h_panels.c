/* h_panels.c: the expert database and an edition's panels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct experts {
	struct db_expert *db;
	struct expert_view *v;
	size_t n, cap;
};

static int
collect_expert(const struct db_expert *x, void *arg)
{
	struct experts *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->db = xreallocarray(l->db, l->cap, sizeof(*l->db));
	}
	l->db[l->n++] = *x;
	return 0;
}

static int
experts_load(struct req *r, struct experts *l)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_expert_each(rd, collect_expert, l);

	db_read_end(rd);
	l->v = xcalloc(l->n + 1, sizeof(*l->v));
	for (size_t i = 0; i < l->n; i++) {
		const struct db_expert *x = &l->db[i];

		l->v[i] = (struct expert_view){
			(long long)x->id, x->name,  x->title, x->unit,
			x->fields,        x->email, x->phone, x->user_id != 0
		};
	}
	return rc;
}

static void
experts_release(struct experts *l)
{
	free(l->db);
	free(l->v);
}

static void
copy_expert(const struct expert_view *v, struct db_expert *x)
{
	snprintf(x->name, sizeof(x->name), "%s", v->name);
	snprintf(x->title, sizeof(x->title), "%s", v->title);
	snprintf(x->unit, sizeof(x->unit), "%s", v->unit);
	snprintf(x->fields, sizeof(x->fields), "%s", v->fields);
	snprintf(x->email, sizeof(x->email), "%s", v->email);
	snprintf(x->phone, sizeof(x->phone), "%s", v->phone);
}

static void
experts_page(struct req *r, const struct expert_view *v,
             const struct form_errors *e)
{
	struct experts l = { 0 };
	struct page p = req_page(r, T(r->lang, MSG_EXPERTS));

	if (experts_load(r, &l) != 0)
		respond_error(r, 500);
	else
		page_experts(&r->out, &p, l.v, l.n, v, e);
	experts_release(&l);
}

void
h_expert_list(struct req *r)
{
	struct expert_view blank = { 0, "", "", "", "", "", "", false };

	experts_page(r, &blank, NULL);
}

/* Saves a new (id 0) or changed expert; 0 or -1. */
static int
expert_save(struct req *r, const struct expert_view *v, int64_t *id)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_expert x;
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc;

	memset(&x, 0, sizeof(x));
	copy_expert(v, &x);
	x.id = v->id;
	if (tx == NULL)
		return -1;
	rc = v->id == 0 ? db_expert_create(tx, &x, id)
	                : db_expert_update(tx, &x);
	return rc == 0 ? db_commit(tx) : (db_rollback(tx), rc);
}

void
h_expert_create(struct req *r)
{
	struct expert_view v;
	struct form_errors e;
	int64_t id;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (!expert_form_read(&r->form, &v, &e)) {
		r->status = 422;
		experts_page(r, &v, &e);
	} else if (expert_save(r, &v, &id) != 0) {
		respond_error(r, 500);
	} else {
		respond_redirect(r, "/experts");
	}
}

void
h_expert_form(struct req *r)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_expert x;
	struct expert_view v;
	struct page p;
	int rc = db_expert_get(rd, r->ids[0], &x);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return;
	}
	v = (struct expert_view){ (long long)x.id, x.name,        x.title,
		                  x.unit,          x.fields,      x.email,
		                  x.phone,         x.user_id != 0 };
	p = req_page(r, x.name);
	page_expert_form(&r->out, &p, &v, NULL);
}

void
h_expert_update(struct req *r)
{
	struct expert_view v;
	struct form_errors e;
	struct page p;
	int64_t id;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (!expert_form_read(&r->form, &v, &e)) {
		v.id = r->ids[0];
		r->status = 422;
		p = req_page(r, T(r->lang, MSG_EXPERTS));
		page_expert_form(&r->out, &p, &v, &e);
		return;
	}
	v.id = r->ids[0];
	rc = expert_save(r, &v, &id);
	if (rc != 0)
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	else
		respond_redirect(r, "/experts");
}

struct panels {
	struct db_panel *db;
	struct panel_view *v;
	long long (*members)[DB_MAX_MEMBERS];
	size_t n;
};

static int
collect_panel(const struct db_panel *p, void *arg)
{
	struct panels *l = arg;

	l->db = xreallocarray(l->db, l->n + 1, sizeof(*l->db));
	l->db[l->n++] = *p;
	return 0;
}

static void
panel_view_of(const struct db_panel *p, long long *members,
              struct panel_view *v)
{
	for (size_t i = 0; i < p->nmembers; i++)
		members[i] = (long long)p->members[i];
	*v = (struct panel_view){ (long long)p->id,    p->name, p->fields,
		                  (long long)p->chair, members, p->nmembers };
}

void
h_panel_list(struct req *r)
{
	struct ctx c;
	struct panels l = { 0 };
	struct experts x = { 0 };
	struct db_read *rd;
	struct page p;
	int rc;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_panel_each(rd, c.edition.id, collect_panel, &l);
	db_read_end(rd);
	if (rc == 0)
		rc = experts_load(r, &x);
	l.v = xcalloc(l.n + 1, sizeof(*l.v));
	l.members = xcalloc(l.n + 1, sizeof(*l.members));
	for (size_t i = 0; i < l.n; i++)
		panel_view_of(&l.db[i], l.members[i], &l.v[i]);
	p = req_page(r, T(r->lang, MSG_PANELS));
	if (rc != 0)
		respond_error(r, 500);
	else
		page_panels(&r->out, &p, &c.view, l.v, l.n, x.v, x.n, c.fields,
		            c.nfields, ctx_can(r, &c, ACT_PANEL_EDIT));
	free(l.db);
	free(l.v);
	free(l.members);
	experts_release(&x);
	ctx_release(&c);
}

static bool
is_expert(const struct experts *x, int64_t id)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->db[i].id == id)
			return true;
	return false;
}

/* Reads the panel form: every checked field and member (repeated names
 * in the form), the chair joining the members. */
static bool
panel_form_read(struct req *r, const struct ctx *c, const struct experts *x,
                struct db_panel *p, struct form_errors *e)
{
	const char *name = form_get(&r->form, "name");
	const char *chair = form_get(&r->form, "chair");
	size_t used = 0;

	memset(p, 0, sizeof(*p));
	e->count = 0;
	if (name == NULL || *name == '\0' || strlen(name) > 250)
		form_error(e, "name",
		           name == NULL || *name == '\0' ? MSG_ERR_REQUIRED
		                                         : MSG_ERR_TOO_LONG);
	snprintf(p->name, sizeof(p->name), "%s", name != NULL ? name : "");
	for (size_t i = 0; i < r->form.count; i++) {
		const struct form_field *f = &r->form.fields[i];

		if (strcmp(f->name, "field") == 0 &&
		    score_rubric_field(c->rubric, f->value) >= 0)
			used += (size_t)snprintf(
			    p->fields + used, sizeof(p->fields) - used, "%s%s",
			    used ? " " : "", f->value);
		else if (strcmp(f->name, "member") == 0 &&
		         p->nmembers < DB_MAX_MEMBERS &&
		         is_expert(x, strtoll(f->value, NULL, 10)))
			p->members[p->nmembers++] = strtoll(f->value, NULL, 10);
		if (used >= sizeof(p->fields))
			break;
	}
	if (used == 0)
		form_error(e, "field", MSG_ERR_REQUIRED);
	p->chair = chair != NULL ? strtoll(chair, NULL, 10) : 0;
	if (p->chair != 0 && !is_expert(x, p->chair))
		form_error(e, "chair", MSG_ERR_CHOICE);
	return e->count == 0;
}

/* Saves the panel (id 0: new); the chair is always a member. DB_CONFLICT
 * when the edition no longer takes panel changes. */
static int
panel_save(struct req *r, struct db_panel *p)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	bool chair_in = p->chair == 0;
	int64_t id;
	int rc;

	for (size_t i = 0; i < p->nmembers; i++)
		chair_in = chair_in || p->members[i] == p->chair;
	if (!chair_in && p->nmembers < DB_MAX_MEMBERS)
		p->members[p->nmembers++] = p->chair;
	if (tx == NULL)
		return -1;
	/* The edition was checked as loaded before this transaction; check
	 * it again here, where no lifecycle step can come in between. */
	rc = ctx_recheck(tx, r, p->edition_id, ACT_PANEL_EDIT);
	if (rc != 0) {
		db_rollback(tx);
		return rc == 1 ? DB_CONFLICT : -1;
	}
	rc = p->id == 0 ? db_panel_create(tx, p, &id) : db_panel_update(tx, p);
	return rc == 0 ? db_commit(tx) : (db_rollback(tx), rc);
}

/* Shared by create and update: validate, save, redirect or show again. */
static void
panel_submit(struct req *r, struct ctx *c, int64_t id)
{
	struct experts x = { 0 };
	struct db_panel *p = xcalloc(1, sizeof(*p));
	struct form_errors e;
	long long members[DB_MAX_MEMBERS];
	struct panel_view v;
	struct page pg;
	char where[64];
	int rc;

	if (experts_load(r, &x) != 0) {
		respond_error(r, 500);
	} else if (!panel_form_read(r, c, &x, p, &e)) {
		p->id = id;
		panel_view_of(p, members, &v);
		r->status = 422;
		pg = req_page(r, T(r->lang, MSG_PANELS));
		page_panel_form(&r->out, &pg, &c->view, &v, x.v, x.n, c->fields,
		                c->nfields, &e);
	} else {
		p->id = id;
		p->edition_id = c->edition.id;
		snprintf(where, sizeof(where), "/editions/%lld/panels",
		         (long long)c->edition.id);
		rc = panel_save(r, p);
		if (rc != 0)
			respond_error(r, rc == DB_CONFLICT ? 409 : 500);
		else
			respond_redirect(r, where);
	}
	free(p);
	experts_release(&x);
}

void
h_panel_create(struct req *r)
{
	struct ctx c;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_PANEL_EDIT))
		respond_error(r, 409);
	else
		panel_submit(r, &c, 0);
	ctx_release(&c);
}

/* Loads panel r->ids[0] and its edition; responds and returns -1 when
 * absent or closed to changes. */
static int
panel_load(struct req *r, struct db_panel *p, struct ctx *c)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_panel_get(rd, r->ids[0], p);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return -1;
	}
	if (ctx_load(r, p->edition_id, c) != 0)
		return -1;
	if (!ctx_can(r, c, ACT_PANEL_EDIT)) {
		respond_error(r, 409);
		ctx_release(c);
		return -1;
	}
	return 0;
}

void
h_panel_form(struct req *r)
{
	struct db_panel *p = xcalloc(1, sizeof(*p));
	struct experts x = { 0 };
	long long members[DB_MAX_MEMBERS];
	struct panel_view v;
	struct page pg;
	struct ctx c;

	if (panel_load(r, p, &c) == 0) {
		if (experts_load(r, &x) != 0) {
			respond_error(r, 500);
		} else {
			panel_view_of(p, members, &v);
			pg = req_page(r, p->name);
			page_panel_form(&r->out, &pg, &c.view, &v, x.v, x.n,
			                c.fields, c.nfields, NULL);
		}
		experts_release(&x);
		ctx_release(&c);
	}
	free(p);
}

void
h_panel_update(struct req *r)
{
	struct db_panel *p = xcalloc(1, sizeof(*p));
	struct ctx c;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (panel_load(r, p, &c) == 0) {
		panel_submit(r, &c, p->id);
		ctx_release(&c);
	}
	free(p);
}

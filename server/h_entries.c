/* h_entries.c: entries: list, add, view, edit, eligibility decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* An entry as pages show it, with the program's eligibility warnings. */
void
entry_view_of(const struct ctx *c, const struct db_entry *e,
              struct entry_view *v)
{
	const char *births[DB_MAX_AUTHORS];
	bool teacher[DB_MAX_AUTHORS];
	struct score_eligibility in;

	memset(v, 0, sizeof(*v));
	v->id = (long long)e->id;
	v->code = e->code;
	v->title = e->title;
	v->field = e->field;
	v->summary = e->summary;
	v->organisation = e->organisation;
	v->district = e->district;
	v->applied_since = e->applied_since;
	v->applied_place = e->applied_place;
	v->prior_awards = e->prior_awards;
	v->eligibility = e->eligibility;
	v->eligibility_reason = e->eligibility_reason;
	v->nauthors = e->nauthors;
	for (size_t i = 0; i < e->nauthors; i++) {
		const struct db_author *a = &e->authors[i];

		v->authors[i] =
		    (struct author_view){ a->name, a->birth_date, a->ethnicity,
			                  a->unit, a->role };
		births[i] = a->birth_date;
		teacher[i] = strcmp(a->role, "teacher") == 0;
	}
	in = (struct score_eligibility){
		ctx_program(c),
		c->edition.year_from,
		c->edition.applied_from,
		c->edition.birth_from,
		c->edition.birth_until,
		e->applied_since,
		e->prior_awards,
		e->nauthors,
		births,
		teacher,
	};
	v->warnings = score_eligibility_check(&in);
}

/* The people are the authors (with their units) and the entering
 * organisation; the secretariat's eligibility reason goes too, since it
 * often names an author ("born after the window"). */
void
entry_view_for_expert(const struct ctx *c, const struct db_entry *e,
                      struct entry_view *v)
{
	entry_view_of(c, e, v);
	if (!c->edition.hide_authors)
		return;
	v->nauthors = 0;
	v->organisation = "";
	v->eligibility_reason = "";
	v->authors_hidden = true;
}

/* The form's entry into a database row (strings copied). */
static void
from_view(const struct entry_view *v, int64_t edition, struct db_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->id = v->id;
	e->edition_id = edition;
	snprintf(e->code, sizeof(e->code), "%s", v->code);
	snprintf(e->title, sizeof(e->title), "%s", v->title);
	snprintf(e->field, sizeof(e->field), "%s", v->field);
	snprintf(e->summary, sizeof(e->summary), "%s", v->summary);
	snprintf(e->organisation, sizeof(e->organisation), "%s",
	         v->organisation);
	snprintf(e->district, sizeof(e->district), "%s", v->district);
	snprintf(e->applied_since, sizeof(e->applied_since), "%s",
	         v->applied_since);
	snprintf(e->applied_place, sizeof(e->applied_place), "%s",
	         v->applied_place);
	snprintf(e->prior_awards, sizeof(e->prior_awards), "%s",
	         v->prior_awards);
	e->nauthors = v->nauthors;
	for (size_t i = 0; i < v->nauthors; i++) {
		struct db_author *a = &e->authors[i];
		const struct author_view *s = &v->authors[i];

		snprintf(a->name, sizeof(a->name), "%s", s->name);
		snprintf(a->birth_date, sizeof(a->birth_date), "%s",
		         s->birth_date);
		snprintf(a->ethnicity, sizeof(a->ethnicity), "%s",
		         s->ethnicity);
		snprintf(a->unit, sizeof(a->unit), "%s", s->unit);
		snprintf(a->role, sizeof(a->role), "%s", s->role);
	}
}

struct rows {
	struct db_entry *db;
	size_t n, cap;
};

static int
collect(const struct db_entry *e, void *arg)
{
	struct rows *rows = arg;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap ? rows->cap * 2 : 32;
		rows->db =
		    xreallocarray(rows->db, rows->cap, sizeof(*rows->db));
	}
	rows->db[rows->n++] = *e;
	return 0;
}

void
h_entry_list(struct req *r)
{
	struct ctx c;
	struct rows rows = { 0 };
	struct entry_view *views;
	struct db_read *rd;
	struct page p;
	int rc;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_entry_each(rd, c.edition.id, collect, &rows);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, 500);
	} else {
		views = xcalloc(rows.n + 1, sizeof(*views));
		for (size_t i = 0; i < rows.n; i++)
			entry_view_of(&c, &rows.db[i], &views[i]);
		p = req_page(r, T(r->lang, MSG_ENTRIES));
		page_entries(&r->out, &p, &c.view, views, rows.n, c.fields,
		             c.nfields, ctx_can(r, &c, ACT_ENTRY_CREATE));
		free(views);
	}
	free(rows.db);
	ctx_release(&c);
}

void
h_entry_new(struct req *r)
{
	struct ctx c;
	struct entry_view v;
	struct page p;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_ENTRY_CREATE)) {
		respond_error(r, 409);
	} else {
		memset(&v, 0, sizeof(v));
		v.code = v.title = v.summary = v.organisation = v.district = "";
		v.applied_since = v.applied_place = v.prior_awards = "";
		v.field = c.nfields > 0 ? c.fields[0].id : "";
		p = req_page(r, T(r->lang, MSG_NEW_ENTRY));
		page_entry_form(&r->out, &p, &c.view, &v, c.fields, c.nfields,
		                NULL);
	}
	ctx_release(&c);
}

/* Writes a new or changed entry; DB_DUPLICATE when the code is taken,
 * DB_CONFLICT when the edition no longer takes entries or changes. */
static int
save(struct req *r, const struct ctx *c, const struct entry_view *v,
     int64_t *id)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_entry *e = xmalloc(sizeof(*e));
	enum action act = v->id == 0 ? ACT_ENTRY_CREATE : ACT_ENTRY_EDIT;
	struct db_tx *tx;
	int late, rc;

	from_view(v, c->edition.id, e);
	tx = db_begin(r->app->db, &who);
	/* The edition was checked as loaded before this transaction; check
	 * it again here, where no lifecycle step can come in between. */
	late = tx != NULL ? ctx_recheck(tx, r, c->edition.id, act) : -1;
	if (late != 0)
		rc = late == 1 ? DB_CONFLICT : -1;
	else if (v->id == 0)
		rc = db_entry_create(tx, e, id);
	else
		rc = db_entry_update(tx, e);
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	if (v->id != 0)
		*id = v->id;
	free(e);
	return rc;
}

/* Validates, saves, and either redirects or shows the form again. */
void
entry_submit(struct req *r, struct ctx *c, long long id)
{
	struct form_errors errs;
	struct entry_view v;
	struct page p = req_page(r, T(r->lang, MSG_ENTRIES));
	char where[64];
	int64_t saved = 0;
	int rc = 0;

	if (entry_form_read(&r->form, c->fields, c->nfields, &v, &errs)) {
		v.id = id;
		rc = save(r, c, &v, &saved);
		if (rc == DB_DUPLICATE)
			form_error(&errs, "code", MSG_ERR_DUPLICATE);
		else if (rc != 0) {
			respond_error(r, rc == DB_CONFLICT ? 409 : 500);
			return;
		}
	}
	if (errs.count > 0) {
		v.id = id;
		r->status = 422;
		page_entry_form(&r->out, &p, &c->view, &v, c->fields,
		                c->nfields, &errs);
		return;
	}
	snprintf(where, sizeof(where), "/entries/%lld", (long long)saved);
	respond_redirect(r, where);
}

void
h_entry_create(struct req *r)
{
	struct ctx c;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_ENTRY_CREATE))
		respond_error(r, 409);
	else
		entry_submit(r, &c, 0);
	ctx_release(&c);
}

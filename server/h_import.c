/* h_import.c: the entries template and the all-or-nothing CSV import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

void
h_entry_template(struct req *r)
{
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_ENTRY_CREATE)) {
		respond_error(r, 409);
	} else {
		entries_csv_template(r->lang, c.rubric, &r->out);
		r->type = "text/csv; charset=utf-8";
		snprintf(r->disposition, sizeof(r->disposition),
		         "attachment; filename=\"mau-ho-so-%lld.csv\"",
		         (long long)c.edition.id);
	}
	ctx_release(&c);
}

void
h_import_form(struct req *r)
{
	struct ctx c;
	struct page p;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_ENTRY_CREATE)) {
		respond_error(r, 409);
	} else {
		p = req_page(r, T(r->lang, MSG_IMPORT));
		page_import(&r->out, &p, &c.view, NULL, 0);
	}
	ctx_release(&c);
}

/* The parsed entry as a database row. */
static void
to_row(const struct import_entry *in, int64_t edition, struct db_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->edition_id = edition;
	snprintf(e->code, sizeof(e->code), "%s", in->code);
	snprintf(e->title, sizeof(e->title), "%s", in->title);
	snprintf(e->field, sizeof(e->field), "%s", in->field);
	snprintf(e->summary, sizeof(e->summary), "%s", in->summary);
	snprintf(e->organisation, sizeof(e->organisation), "%s",
	         in->organisation);
	snprintf(e->district, sizeof(e->district), "%s", in->district);
	snprintf(e->applied_since, sizeof(e->applied_since), "%s",
	         in->applied_since);
	snprintf(e->applied_place, sizeof(e->applied_place), "%s",
	         in->applied_place);
	snprintf(e->prior_awards, sizeof(e->prior_awards), "%s",
	         in->prior_awards);
	for (size_t i = 0; i < in->nauthors && i < DB_MAX_AUTHORS; i++) {
		struct db_author *a = &e->authors[e->nauthors++];
		const struct import_author *s = &in->authors[i];

		snprintf(a->name, sizeof(a->name), "%s", s->name);
		snprintf(a->birth_date, sizeof(a->birth_date), "%s",
		         s->birth_date);
		snprintf(a->ethnicity, sizeof(a->ethnicity), "%s",
		         s->ethnicity);
		snprintf(a->unit, sizeof(a->unit), "%s", s->unit);
		snprintf(a->role, sizeof(a->role), "%s",
		         author_role_id(s->role));
	}
}

/* Errors as lines in the page's language (an owned list of strings). */
struct lines {
	char **text;
	size_t n;
};

static void
line_add(struct lines *l, char *text)
{
	l->text = xreallocarray(l->text, l->n + 1, sizeof(char *));
	l->text[l->n++] = text;
}

static void
lines_release(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->text[i]);
	free(l->text);
}

/* Writes every entry in one transaction; a code already in the edition
 * refuses the whole file (each such code is listed with its line). 0
 * written, 1 refused (errors listed), 2 the edition no longer takes
 * entries, -1 failure. */
static int
write_all(struct req *r, int64_t edition, const struct import_result *res,
          struct lines *errors)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_entry *e = xmalloc(sizeof(*e));
	struct db_tx *tx = db_begin(r->app->db, &who);
	/* The edition was checked as loaded before this transaction; check
	 * it again here, where no lifecycle step can come in between. */
	int late =
	    tx != NULL ? ctx_recheck(tx, r, edition, ACT_ENTRY_CREATE) : -1;
	struct buf msg;
	int64_t id;
	int rc = late == 0 ? 0 : -1;

	for (size_t i = 0; tx != NULL && i < res->nentries && rc >= 0; i++) {
		to_row(&res->entries[i], edition, e);
		rc = db_entry_create(tx, e, &id);
		if (rc != DB_DUPLICATE)
			continue;
		buf_init(&msg, 1024);
		buf_printf(&msg, "%s %ld: %s \"%s\"",
		           r->lang == SCORE_LANG_VI ? "dòng" : "line",
		           res->entries[i].line, T(r->lang, MSG_ERR_DUPLICATE),
		           res->entries[i].code);
		line_add(errors, buf_detach(&msg, NULL));
		rc = 0; /* keep going: list every clash */
	}
	free(e);
	if (rc != 0 || errors->n > 0) {
		db_rollback(tx);
		return late == 1 ? 2 : rc != 0 ? -1 : 1;
	}
	return db_commit(tx);
}

void
h_import(struct req *r)
{
	struct upload *u = r->nuploads > 0 ? &r->uploads[0] : NULL;
	struct import_result res;
	struct lines errors = { 0 };
	struct page p;
	struct ctx c;
	char where[64];
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	memset(&res, 0, sizeof(res));
	if (!ctx_can(r, &c, ACT_ENTRY_CREATE)) {
		respond_error(r, 409);
		goto out;
	}
	if (u == NULL) {
		respond_error(r, 400);
		goto out;
	}
	entries_csv_parse(c.rubric, u->data.data ? u->data.data : "",
	                  u->data.len, &res);
	for (size_t i = 0; i < res.nerrors; i++) {
		struct buf msg;

		buf_init(&msg, 4096);
		import_error_format(&res.errors[i], r->lang, &msg);
		line_add(&errors, buf_detach(&msg, NULL));
	}
	rc = errors.n == 0 ? write_all(r, c.edition.id, &res, &errors) : 1;
	if (rc == 0) {
		snprintf(where, sizeof(where), "/editions/%lld/entries",
		         (long long)c.edition.id);
		respond_redirect(r, where);
	} else if (rc == 1) {
		r->status = 422;
		p = req_page(r, T(r->lang, MSG_IMPORT));
		page_import(&r->out, &p, &c.view,
		            (const char *const *)errors.text, errors.n);
	} else {
		respond_error(r, rc == 2 ? 409 : 500);
	}
out:
	import_result_free(&res);
	lines_release(&errors);
	ctx_release(&c);
}

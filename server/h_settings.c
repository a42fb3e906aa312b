/* h_settings.c: what organisers configure: an edition's details (dates,
 * level, organisation, signatory) and the organisation's own details,
 * which new editions start from. */
#include <stdio.h>
#include <string.h>

#include "server.h"

void
h_edition_edit_form(struct req *r)
{
	struct page p;
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_EDITION_EDIT)) {
		respond_error(r, 409);
	} else {
		p = req_page(r, T(r->lang, MSG_EDIT_EDITION));
		page_edition_form(&r->out, &p, &c.view, NULL);
	}
	ctx_release(&c);
}

/* Writes the details in one transaction with the audit row (old and new
 * values). 0 saved, 1 no longer allowed (closed meanwhile), -1 failure. */
static int
update(struct req *r, const struct ctx *c, const struct edition_view *v)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_edition e;
	struct db_tx *tx;
	int rc;

	edition_from_view(v, &e);
	tx = db_begin(r->app->db, &who);
	rc = tx != NULL ? ctx_recheck(tx, r, c->edition.id, ACT_EDITION_EDIT)
	                : -1;
	if (rc == 0)
		rc = db_edition_update(tx, c->edition.id, &e);
	if (rc == 0)
		rc = db_commit(tx);
	else if (tx != NULL)
		db_rollback(tx);
	return rc;
}

void
h_edition_update(struct req *r)
{
	struct form_errors e;
	struct edition_view v;
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
	if (!ctx_can(r, &c, ACT_EDITION_EDIT)) {
		respond_error(r, 409);
	} else if (!edition_form_read(&r->form, &v, &e) ||
	           strcmp(v.program, c.edition.program) != 0) {
		/* the program is fixed: the form shows it, never changes it */
		v.id = c.view.id;
		v.program = c.edition.program;
		v.state = c.edition.state;
		r->status = 422;
		p = req_page(r, T(r->lang, MSG_EDIT_EDITION));
		page_edition_form(&r->out, &p, &v, &e);
	} else if ((rc = update(r, &c, &v)) != 0) {
		respond_error(r, rc == 1 ? 409 : 500);
	} else {
		snprintf(where, sizeof(where), "/editions/%lld",
		         (long long)c.edition.id);
		respond_redirect(r, where);
	}
	ctx_release(&c);
}

static void
org_page(struct req *r, const struct db_org *org, const struct form_errors *e,
         bool saved)
{
	struct page p = req_page(r, T(r->lang, MSG_SETTINGS));
	struct org_view v = { org->name, org->province, org->signatory,
		              org->signatory_title, org->public_url };

	page_org_form(&r->out, &p, &v, e, saved);
}

void
h_org_form(struct req *r)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_org org;
	int rc = db_org_get(rd, &org);

	db_read_end(rd);
	if (rc == DB_NOTFOUND) {
		memset(&org, 0, sizeof(org));
		rc = 0;
	}
	if (rc != 0)
		respond_error(r, 500);
	else
		org_page(r, &org, NULL, form_get(&r->form, "saved") != NULL);
}

static void
org_of(const struct org_view *v, struct db_org *org)
{
	memset(org, 0, sizeof(*org));
	snprintf(org->name, sizeof(org->name), "%s", v->name);
	snprintf(org->province, sizeof(org->province), "%s", v->province);
	snprintf(org->signatory, sizeof(org->signatory), "%s", v->signatory);
	snprintf(org->signatory_title, sizeof(org->signatory_title), "%s",
	         v->signatory_title);
	snprintf(org->public_url, sizeof(org->public_url), "%s", v->public_url);
}

void
h_org_update(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct form_errors e;
	struct org_view v;
	struct db_org org;
	struct db_tx *tx;
	bool ok;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	ok = org_form_read(&r->form, &v, &e);
	org_of(&v, &org);
	if (!ok) {
		r->status = 422;
		org_page(r, &org, &e, false);
		return;
	}
	tx = db_begin(r->app->db, &who);
	rc = tx != NULL ? db_org_put(tx, &org) : -1;
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	if (rc != 0)
		respond_error(r, 500);
	else
		respond_redirect(r, "/settings?saved=1");
}

/* h_certs.c: an edition's certificates for its organisers: the list,
 * issuing (again after a correction), each certificate's PDF and the
 * print file, and revoking one with a reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct listing {
	struct db_cert *c;
	struct cert_row *rows;
	char (*serials)[16];
	size_t n;
};

static int
collect(const struct db_cert *c, void *arg)
{
	struct listing *l = arg;

	l->c = xreallocarray(l->c, l->n + 1, sizeof(*l->c));
	l->c[l->n++] = *c;
	return 0;
}

static void
listing_release(struct listing *l)
{
	free(l->c);
	free(l->rows);
	free(l->serials);
}

static int
load(struct req *r, int64_t edition, struct listing *l)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_certs_each(rd, edition, collect, l);

	db_read_end(rd);
	return rc;
}

static void
page(struct req *r, struct ctx *c, enum msg notice, const char *said)
{
	struct listing l = { 0 };
	struct certs_view v = { .notice = notice, .said = said };
	struct page p;

	if (load(r, c->edition.id, &l) != 0) {
		respond_error(r, 500);
		return;
	}
	l.rows = xcalloc(l.n + 1, sizeof(*l.rows));
	l.serials = xcalloc(l.n + 1, sizeof(*l.serials));
	for (size_t i = 0; i < l.n; i++) {
		const struct db_cert *x = &l.c[i];

		snprintf(l.serials[i], sizeof(l.serials[i]), "%06lld",
		         (long long)x->id);
		l.rows[i] = (struct cert_row){ (long long)x->id,
			                       l.serials[i],
			                       x->recipient,
			                       x->entry,
			                       x->prize,
			                       x->code,
			                       x->revoked_at != 0,
			                       x->revoked_reason,
			                       (long long)x->replaced_by };
	}
	v.rows = l.rows;
	v.n = l.n;
	v.can_issue = ctx_can(r, c, ACT_CERTS_ISSUE);
	v.can_revoke = ctx_can(r, c, ACT_CERTS_REVOKE);
	p = req_page(r, T(r->lang, MSG_CERTS));
	buf_reset(&r->out);
	page_certs(&r->out, &p, &c->view, &v);
	listing_release(&l);
}

void
h_certs(struct req *r)
{
	const char *said = form_get(&r->form, "issued");
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	/* "3-0-0": what the last issuing did, said back */
	if (said != NULL && strspn(said, "0123456789-") == strlen(said) &&
	    strlen(said) < 40)
		page(r, &c, MSG_CERTS_ISSUED, said);
	else
		page(r, &c, MSG__MAX, "");
	ctx_release(&c);
}

static bool
has_address(struct req *r)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_org org;
	bool has = db_org_get(rd, &org) == 0 && org.public_url[0] != '\0';

	db_read_end(rd);
	return has;
}

void
h_certs_issue(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct certs_outcome o;
	char where[128];
	struct ctx c;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_CERTS_ISSUE)) {
		respond_error_why(r, 409, MSG_CERTS_NOT_DECIDED, "not_decided");
	} else if (!has_address(r)) {
		r->status = 409;
		page(r, &c, MSG_CERTS_NO_ADDRESS, "");
	} else {
		rc = certs_issue(r->app->db, r->app->keys, &who, &c.edition,
		                 form_get(&r->form, "collective") != NULL, &o);
		snprintf(where, sizeof(where),
		         "/editions/%lld/certificates?issued=%zu-%zu-%zu",
		         (long long)c.edition.id, o.issued, o.kept,
		         o.superseded);
		if (rc == 0) {
			respond_redirect(r, where);
		} else if (rc == CERTS_NOT_DECIDED || rc == DB_CONFLICT) {
			r->status = 409;
			page(r, &c,
			     rc == DB_CONFLICT ? MSG_CERTS_CHANGED
			                       : MSG_CERTS_NOT_DECIDED,
			     "");
		} else {
			respond_error(r, 500);
		}
	}
	ctx_release(&c);
}

/* Renders `n` certificates of the edition into r->out, each in its
 * look: one alone, or the print file. */
static void
render(struct req *r, const struct ctx *c, const struct db_cert *certs,
       size_t n, const char *filename)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_org org = { 0 };
	struct certs_ctx x = { &c->edition, &org, NULL, NULL };
	struct certs_looks looks = { 0 };
	char err[160] = "";
	int rc = db_org_get(rd, &org);

	if (rc == 0)
		rc = certs_looks_load(rd, c->edition.program, certs, n, &looks);
	db_read_end(rd);
	if (rc == 0)
		rc = certs_pdf(&looks, certs, n, n > 1, &x, &r->out, err);
	certs_looks_release(&looks);
	if (rc != 0) {
		fprintf(stderr, "giamkhao: certificates: %s\n", err);
		buf_reset(&r->out);
		respond_error(r, 500);
		return;
	}
	r->type = "application/pdf";
	snprintf(r->disposition, sizeof(r->disposition),
	         "inline; filename=\"%s\"", filename);
}

void
h_certs_pdf(struct req *r)
{
	struct db_cert *standing = NULL;
	struct db_read *rd;
	size_t n = 0;
	char name[64];
	struct ctx c;
	int rc;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_certs_standing(rd, c.edition.id, &standing, &n);
	db_read_end(rd);
	snprintf(name, sizeof(name), "giay-chung-nhan-%lld.pdf",
	         (long long)c.edition.id);
	if (rc != 0)
		respond_error(r, 500);
	else if (n == 0)
		respond_error(r, 404);
	else
		render(r, &c, standing, n, name);
	free(standing);
	ctx_release(&c);
}

void
h_cert_pdf(struct req *r)
{
	struct db_cert *x = xmalloc(sizeof(*x));
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_cert_get(rd, r->ids[0], x);
	char name[64];
	struct ctx c;

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else if (ctx_load(r, x->edition_id, &c) == 0) {
		snprintf(name, sizeof(name), "%06lld.pdf", (long long)x->id);
		if (ctx_can(r, &c, ACT_CERTS_VIEW))
			render(r, &c, x, 1, name);
		else
			respond_error(r, 404);
		ctx_release(&c);
	}
	free(x);
}

void
h_cert_revoke(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *reason = form_get(&r->form, "reason");
	struct db_cert *x = xmalloc(sizeof(*x));
	struct db_read *rd;
	struct db_tx *tx;
	char where[96];
	struct ctx c;
	int rc;

	if (!session_csrf_ok(r)) {
		free(x);
		respond_error(r, 403);
		return;
	}
	rd = db_read_begin(r->app->db);
	rc = db_cert_get(rd, r->ids[0], x);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else if (reason == NULL ||
	           reason[strspn(reason, " \t\r\n")] == '\0' ||
	           strlen(reason) > 2000) {
		respond_error_why(r, 422, MSG_CERTS_REASON_REQUIRED, "reason");
	} else if (ctx_load(r, x->edition_id, &c) == 0) {
		tx = db_begin(r->app->db, &who);
		rc = tx != NULL
		         ? ctx_recheck(tx, r, c.edition.id, ACT_CERTS_REVOKE)
		         : -1;
		if (rc == 0)
			rc = db_cert_revoke(tx, x->id, reason, 0);
		if (rc == 0)
			rc = db_commit(tx);
		else if (tx != NULL)
			db_rollback(tx);
		snprintf(where, sizeof(where), "/editions/%lld/certificates",
		         (long long)c.edition.id);
		if (rc == 0)
			respond_redirect(r, where);
		else
			respond_error(r,
			              rc == 1 || rc == DB_CONFLICT ? 409 : 500);
		ctx_release(&c);
	}
	free(x);
}

/* h_certs_print.c: an edition's print file, made in the background: the
 * organiser starts it, watches its progress on a page that reloads itself
 * (no script needed), and downloads it when it is ready. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct standing {
	struct db_cert *c;
	size_t n;
};

static void
where(const struct ctx *c, const char *tail, char out[96])
{
	snprintf(out, 96, "/editions/%lld/certificates%s",
	         (long long)c->edition.id, tail);
}

void
h_certs_print(struct req *r)
{
	struct print_status st;
	struct certs_print_view v;
	struct page p;
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	print_jobs_status(r->app->prints, c.edition.id, &st);
	v = (struct certs_print_view){ (int)st.state, (long long)st.done,
		                       (long long)st.total,
		                       (long long)st.bytes };
	p = req_page(r, T(r->lang, MSG_PRINT));
	p.refresh = st.state == PRINT_RUNNING ? 1 : 0;
	buf_reset(&r->out);
	page_certs_print(&r->out, &p, &c.view, &v);
	ctx_release(&c);
}

/* Everything the job prints, loaded now: it reads no database. */
static int
load(struct req *r, const struct ctx *c, struct standing *s,
     struct certs_looks *looks, struct db_org *org)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_certs_standing(rd, c->edition.id, &s->c, &s->n);

	if (rc == 0)
		rc = db_org_get(rd, org);
	if (rc == 0)
		rc =
		    certs_looks_load(rd, c->edition.program, s->c, s->n, looks);
	db_read_end(rd);
	return rc;
}

void
h_certs_print_start(struct req *r)
{
	struct standing s = { 0 };
	struct certs_looks looks = { 0 };
	struct db_org org = { 0 };
	char path[96];
	struct ctx c;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	rc = load(r, &c, &s, &looks, &org);
	if (rc == 0 && s.n == 0) {
		respond_error(r, 404); /* nothing standing to print */
		free(s.c);
		certs_looks_release(&looks);
	} else if (rc != 0) {
		respond_error(r, 500);
		free(s.c);
		certs_looks_release(&looks);
	} else if (print_jobs_start(r->app->prints, &c.edition, &org, s.c, s.n,
	                            &looks) < 0) {
		respond_error(r, 500);
	} else {
		where(&c, "/print", path);
		respond_redirect(r, path);
	}
	ctx_release(&c);
}

void
h_certs_print_pdf(struct req *r)
{
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	buf_reset(&r->out);
	if (print_jobs_take(r->app->prints, c.edition.id, &r->out) != 0) {
		respond_error(r, 404);
	} else {
		r->type = "application/pdf";
		snprintf(r->disposition, sizeof(r->disposition),
		         "attachment; filename=\"giay-chung-nhan-%lld.pdf\"",
		         (long long)c.edition.id);
	}
	ctx_release(&c);
}

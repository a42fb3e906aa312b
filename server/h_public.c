/* h_public.c: the public results page of an edition (no login): the
 * posted list, or the final one after the award decision, with the
 * committee's decisions applied. Nothing before the posting (404), and
 * never a judge's name or a sheet. */
#include <stdlib.h>

#include "server.h"

struct apply_arg {
	struct results_build *b;
	enum score_lang lang;
};

static int
apply(const struct db_decision *d, void *arg)
{
	struct apply_arg *a = arg;

	results_build_decide(a->b, d, a->lang);
	return 0;
}

/* The public page is the same for everyone: asked as an anonymous
 * visitor would (a judge's session, bound to its card's edition or not,
 * changes nothing). */
static bool
public_allowed(const struct ctx *c)
{
	struct actor anyone = { .role = ROLE_ANONYMOUS };
	struct object obj = { .edition = &c->edition };

	return can(&anyone, ACT_PUBLIC_RESULTS, &obj);
}

void
h_public_results(struct req *r)
{
	struct results_build *b = NULL;
	struct db_snapshot s = { 0 };
	const struct result_scope *scopes;
	struct side_prize_view side[4];
	size_t nside = 0;
	struct posting_view pv;
	struct db_posting p, replaced = { 0 };
	struct db_read *rd;
	struct page page;
	size_t n = 0;
	struct ctx c;
	int rc;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!public_allowed(&c)) {
		respond_error(r, 404);
		ctx_release(&c);
		return;
	}
	rd = db_read_begin(r->app->db);
	rc = db_posting_current(rd, c.edition.id, &p);
	if (rc == 0 && p.replaces != 0)
		rc = db_posting_get(rd, p.replaces, &replaced);
	if (rc == 0)
		rc = db_snapshot_get(rd, p.snapshot_id, &s);
	if (rc == 0) {
		struct apply_arg a = {
			results_build(rd, r->app->rubrics, &s, r->lang), r->lang
		};

		b = a.b;
		rc = b != NULL ? db_decisions_each(rd, s.id, apply, &a) : -1;
	}
	if (rc == 0)
		rc = side_prizes_find(rd, c.edition.id, c.edition.side_prizes,
		                      b, side, &nside);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else {
		pv = (struct posting_view){ p.snapshot_id,
			                    p.from,
			                    p.until,
			                    p.number,
			                    p.date,
			                    p.signatory,
			                    p.decided_at != 0,
			                    NULL,
			                    0,
			                    p.note,
			                    replaced.number,
			                    replaced.date };
		scopes = results_build_scopes(b, &n);
		page = req_page(r, T(r->lang, MSG_PUBLIC_TITLE));
		page_public_results(&r->out, &page, &c.view, &pv, scopes, n,
		                    side, nside);
	}
	side_prizes_free(side, nside);
	results_build_free(b);
	db_snapshot_release(&s);
	ctx_release(&c);
}

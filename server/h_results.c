/* h_results.c: computing an edition's results into a snapshot, the
 * review page, and a snapshot's exact inputs and output for download. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

struct history {
	struct db_snapshot_line *db;
	struct result_snapshot_line *v;
	size_t n;
};

static int
collect_line(const struct db_snapshot_line *l, void *arg)
{
	struct history *h = arg;

	h->db = xreallocarray(h->db, h->n + 1, sizeof(*h->db));
	h->db[h->n++] = *l;
	return 0;
}

void
results_page(struct req *r, struct ctx *c, int64_t id, enum msg refusal,
             const char *detail)
{
	struct results_view v = { .refusal = refusal, .detail = detail };
	struct db_read *rd = db_read_begin(r->app->db);
	struct results_build *b = NULL;
	struct posting_data *pd = NULL;
	struct history h = { 0 };
	struct db_snapshot s = { 0 };
	struct side_prize_view side[4];
	struct chair_view cv = { 0 };
	size_t nside = 0;
	struct page p;
	int rc = db_snapshots_each(rd, c->edition.id, collect_line, &h);

	if (rc == 0 && id == 0 && h.n > 0)
		id = h.db[0].id;
	if (rc == 0 && id != 0) {
		rc = db_snapshot_get(rd, id, &s);
		if (rc == 0 && s.edition_id != c->edition.id)
			rc = DB_NOTFOUND;
		b = rc == 0 ? results_build(rd, r->app->rubrics, &s, r->lang)
		            : NULL;
		if (rc == 0 && b == NULL)
			rc = -1;
		if (rc == 0)
			rc = side_prizes_find(rd, c->edition.id,
			                      c->edition.side_prizes, b, side,
			                      &nside);
	}
	db_read_end(rd);
	if (rc == 0)
		rc = posting_load(r, c, b, id, &pd, &v);
	if (rc == 0 && b != NULL) {
		v.scopes = results_build_scopes(b, &v.nscopes);
		v.side = side;
		v.nside = nside;
	}
	if (rc == 0 && actor_is_expert(&r->actor))
		rc = results_chair_filter(r, c, &v, &cv);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		goto out;
	}
	h.v = xcalloc(h.n + 1, sizeof(*h.v));
	for (size_t i = 0; i < h.n; i++)
		h.v[i] = (struct result_snapshot_line){
			h.db[i].id, h.db[i].created_at, h.db[i].by,
			h.db[i].results_sha256
		};
	v.history = h.v;
	v.nhistory = h.n;
	if (b != NULL) {
		v.snapshot = s.id;
		v.at = s.created_at;
		v.sha256 = s.results_sha256;
		v.rubric_version = s.rubric_version;
		v.method = results_build_method(b);
		for (size_t i = 0; i < h.n; i++)
			if (h.db[i].id == s.id)
				v.by = h.db[i].by;
	}
	p = req_page(r, T(r->lang, MSG_RESULTS));
	buf_reset(&r->out);
	v.can_export = ctx_can(r, c, ACT_RESULTS_EXPORT);
	page_results(&r->out, &p, &c->view, &v,
	             ctx_can(r, c, ACT_RESULTS_COMPUTE));
out:
	results_chair_release(&cv);
	side_prizes_free(side, nside);
	posting_free(pd);
	results_build_free(b);
	db_snapshot_release(&s);
	free(h.db);
	free(h.v);
}

void
h_results(struct req *r)
{
	const char *which = form_get(&r->form, "snapshot");
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	/* a panel chair may read them: the chairs sit on the committee */
	if (ctx_can_chair(r, &c, ACT_RESULTS_VIEW) == 0)
		results_page(r, &c,
		             which != NULL ? strtoll(which, NULL, 10) : 0,
		             MSG__MAX, NULL);
	ctx_release(&c);
}

static int
collect_name(const char *name, void *arg)
{
	struct buf *b = arg;

	buf_printf(b, "%s%s", b->len > 0 ? ", " : "", name);
	return 0;
}

/* What stops the results now (`*m`: panels not locked, named in
 * `detail`): 1, or 0 when nothing does, -1 on failure. */
static int
blocker(struct req *r, const struct ctx *c, struct buf *detail, enum msg *m)
{
	struct db_read *rd;
	int rc;

	*m = MSG__MAX;
	rd = db_read_begin(r->app->db);
	rc = db_panels_unlocked_each(rd, c->edition.id, collect_name, detail);
	db_read_end(rd);
	if (rc == 0 && detail->len > 0)
		*m = MSG_RESULTS_UNLOCKED;
	return rc != 0 ? -1 : *m != MSG__MAX;
}

/* Stores the snapshot; the edition's stage is checked again inside. */
static int
store(struct req *r, const struct ctx *c, struct db_snapshot *s)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL
	             ? ctx_recheck(tx, r, c->edition.id, ACT_RESULTS_COMPUTE)
	             : -1;
	int64_t id = 0;
	int unlocked = 0;

	/* a round unlocked since the check: no results from it */
	if (rc == 0)
		rc = db_panels_unlocked_tx(tx, c->edition.id, &unlocked);
	if (rc == 0 && unlocked > 0)
		rc = 1;
	if (rc == 0)
		rc = db_snapshot_add(tx, s, &id);
	if (rc == 0)
		rc = db_decisions_carry(tx, c->edition.id, id);
	if (rc != 0) {
		db_rollback(tx);
		return rc == 1 ? -2 : -1;
	}
	if (db_commit(tx) != 0)
		return -1;
	s->id = id;
	return 0;
}

/* Exports the counted sheets, computes, and stores a new snapshot. */
static void
compute(struct req *r, struct ctx *c)
{
	struct db_snapshot s = { .edition_id = c->edition.id };
	struct buf csv, json, why;
	struct score_error err;
	struct db_read *rd;
	char where[64];
	enum msg m;
	int rc;

	buf_init(&csv, (size_t)256 << 20);
	buf_init(&json, (size_t)256 << 20);
	buf_init(&why, 4096);
	rc = blocker(r, c, &why, &m);
	if (rc != 0) {
		if (rc < 0) {
			respond_error(r, 500);
			goto out;
		}
		r->status = 409;
		results_page(r, c, 0, m, why.data);
		goto out;
	}
	rd = db_read_begin(r->app->db);
	rc = results_snapshot(rd, c->edition.id, &s, &csv, &json, &err);
	db_read_end(rd);
	if (rc == RESULTS_SCORES || rc == RESULTS_RUBRIC) {
		snprintf(where, sizeof(where), "scores.csv");
		score_error_format(&err, where, r->lang, &why);
		r->status = 422;
		results_page(r, c, 0, MSG_RESULTS_BAD_SCORE, why.data);
		goto out;
	}
	if (rc != RESULTS_OK) {
		respond_error(r, 500);
		goto out;
	}
	s.created_by = r->actor.user_id;
	rc = store(r, c, &s);
	s.scores_csv = s.results_json = NULL; /* the buffers own them */
	if (rc == 0) {
		snprintf(where, sizeof(where),
		         "/editions/%lld/results?snapshot=%lld",
		         (long long)c->edition.id, (long long)s.id);
		respond_redirect(r, where);
	} else {
		respond_error(r, rc == -2 ? 409 : 500);
	}
out:
	free(s.rubric_json);
	buf_release(&csv);
	buf_release(&json);
	buf_release(&why);
}

void
h_results_compute(struct req *r)
{
	struct ctx c;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_RESULTS_COMPUTE))
		respond_error(r, ctx_can(r, &c, ACT_RESULTS_VIEW) ? 409 : 404);
	else
		compute(r, &c);
	ctx_release(&c);
}

/* A snapshot's file: its counted sheets, its rubric or its results. */
static void
snapshot_file(struct req *r, int which)
{
	static const char *const names[] = { "scores.csv", "rubric.json",
		                             "results.json" };
	static const char *const types[] = {
		"text/csv; charset=utf-8", "application/json; charset=utf-8",
		"application/json; charset=utf-8"
	};
	struct db_snapshot s;
	const char *text;
	struct ctx c;

	if (snapshot_load(r, &s, &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_RESULTS_EXPORT)) {
		respond_error(r, 404);
	} else {
		text = which == 0   ? s.scores_csv
		       : which == 1 ? s.rubric_json
		                    : s.results_json;
		buf_puts(&r->out, text);
		r->type = types[which];
		snprintf(r->disposition, sizeof(r->disposition),
		         "attachment; filename=\"snapshot-%lld-%s\"",
		         (long long)s.id, names[which]);
	}
	ctx_release(&c);
	db_snapshot_release(&s);
}

void
h_snapshot_scores(struct req *r)
{
	snapshot_file(r, 0);
}

void
h_snapshot_rubric(struct req *r)
{
	snapshot_file(r, 1);
}

void
h_snapshot_results(struct req *r)
{
	snapshot_file(r, 2);
}

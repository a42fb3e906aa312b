/* h_posting.c: what follows a results snapshot: the committee's
 * decisions, the public posting, objections and their answers, and the
 * award decision; and what the results page needs to show them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

struct objections {
	struct db_objection *db;
	struct objection_view *v;
	size_t n;
};

struct posting_data {
	struct db_posting db, replaced;
	struct posting_view v;
	struct objections o;
	struct tier_choice *tiers;
	bool posted;
};

static int
collect_objection(const struct db_objection *o, void *arg)
{
	struct objections *l = arg;

	l->db = xreallocarray(l->db, l->n + 1, sizeof(*l->db));
	l->db[l->n++] = *o;
	return 0;
}

struct decide_arg {
	struct results_build *b;
	enum score_lang lang;
};

static int
apply_decision(const struct db_decision *d, void *arg)
{
	struct decide_arg *a = arg;

	results_build_decide(a->b, d, a->lang);
	return 0;
}

bool
decision_open(const struct ctx *c, const struct db_posting *current,
              int64_t snapshot)
{
	/* before posting: any snapshot; while posted: the posted one (the
	 * objections concern it); after the decision: only a newer one, for
	 * a correction (the decided list itself never changes) */
	if (current == NULL)
		return true;
	if (strcmp(c->edition.state, "posted") == 0)
		return current->snapshot_id == snapshot;
	return snapshot > current->snapshot_id;
}

int
posting_load(struct req *r, const struct ctx *c, struct results_build *b,
             int64_t snapshot, struct posting_data **out,
             struct results_view *v)
{
	struct posting_data *pd = xcalloc(1, sizeof(*pd));
	struct decide_arg a = { b, r->lang };
	const struct score_tier *tiers;
	size_t ntiers;
	struct db_read *rd = db_read_begin(r->app->db);
	int rc =
	    b != NULL ? db_decisions_each(rd, snapshot, apply_decision, &a) : 0;

	if (rc == 0) {
		rc = db_posting_current(rd, c->edition.id, &pd->db);
		pd->posted = rc == 0;
		if (rc == DB_NOTFOUND)
			rc = 0;
	}
	if (rc == 0 && pd->posted)
		rc = db_objections_each(rd, pd->db.id, collect_objection,
		                        &pd->o);
	if (rc == 0 && pd->posted && pd->db.replaces != 0)
		rc = db_posting_get(rd, pd->db.replaces, &pd->replaced);
	db_read_end(rd);
	*out = pd;
	if (rc != 0)
		return rc;
	tiers = prize_tiers(c->rubric, &ntiers);
	pd->tiers = xcalloc(ntiers + 1, sizeof(*pd->tiers));
	for (size_t i = 0; i < ntiers; i++) {
		const struct score_text *t = &tiers[i].title;

		pd->tiers[i].id = tiers[i].id;
		pd->tiers[i].title =
		    r->lang == SCORE_LANG_EN && t->en != NULL ? t->en : t->vi;
	}
	v->tiers = pd->tiers;
	v->ntiers = ntiers;
	pd->o.v = xcalloc(pd->o.n + 1, sizeof(*pd->o.v));
	for (size_t i = 0; i < pd->o.n; i++) {
		const struct db_objection *o = &pd->o.db[i];

		pd->o.v[i] =
		    (struct objection_view){ o->id,          o->code,
			                     o->received_on, o->sender,
			                     o->content,     o->answer };
	}
	if (pd->posted) {
		pd->v = (struct posting_view){ pd->db.snapshot_id,
			                       pd->db.from,
			                       pd->db.until,
			                       pd->db.number,
			                       pd->db.date,
			                       pd->db.signatory,
			                       pd->db.decided_at != 0,
			                       pd->o.v,
			                       pd->o.n,
			                       pd->db.note,
			                       pd->replaced.number,
			                       pd->replaced.date };
		v->posting = &pd->v;
	}
	v->can_decide = ctx_can(r, c, ACT_RESULTS_DECIDE) &&
	                decision_open(c, pd->posted ? &pd->db : NULL, snapshot);
	v->can_correct = pd->posted && ctx_can(r, c, ACT_RESULTS_CORRECT) &&
	                 snapshot > pd->db.snapshot_id;
	v->can_post = ctx_can(r, c, ACT_RESULTS_POST);
	v->can_object = pd->posted && ctx_can(r, c, ACT_OBJECTION_RECORD);
	v->can_award = pd->posted && ctx_can(r, c, ACT_AWARD_DECIDE);
	return 0;
}

void
posting_free(struct posting_data *pd)
{
	if (pd == NULL)
		return;
	free(pd->o.db);
	free(pd->o.v);
	free(pd->tiers);
	free(pd);
}

int
snapshot_load(struct req *r, struct db_snapshot *s, struct ctx *c)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_snapshot_get(rd, r->ids[0], s);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return -1;
	}
	if (ctx_load(r, s->edition_id, c) != 0) {
		db_snapshot_release(s);
		return -1;
	}
	return 0;
}

/* Does the snapshot rank an entry with this code? */
static bool
snapshot_has(struct req *r, const struct db_snapshot *s, const char *code)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct results_build *b =
	    results_build(rd, r->app->rubrics, s, r->lang);
	bool has =
	    b != NULL && code != NULL && results_build_row(b, code) != NULL;

	db_read_end(rd);
	results_build_free(b);
	return has;
}

static bool
tier_ok(const struct score_rubric *rub, const char *id)
{
	size_t n;
	const struct score_tier *tiers = prize_tiers(rub, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(tiers[i].id, id) == 0)
			return true;
	return false;
}

/* The decision as posted, or the message saying what is wrong. */
static enum msg
read_decision(struct req *r, const struct score_rubric *rub,
              struct db_decision *d)
{
	const char *kind = form_get(&r->form, "kind");
	const char *tier = form_get(&r->form, "tier");
	const char *reason = form_get(&r->form, "reason");
	bool moves;

	memset(d, 0, sizeof(*d));
	if (kind == NULL ||
	    (strcmp(kind, "confirm") != 0 && strcmp(kind, "move") != 0 &&
	     strcmp(kind, "withhold") != 0 && strcmp(kind, "resolve") != 0))
		return MSG_FIX_ERRORS;
	if (reason == NULL || *reason == '\0')
		return MSG_REASON_REQUIRED;
	if (strlen(reason) >= sizeof(d->reason)) /* kept whole, never cut */
		return MSG_REASON_TOO_LONG;
	moves = strcmp(kind, "move") == 0 || strcmp(kind, "resolve") == 0;
	if (moves && tier != NULL && *tier != '\0' &&
	    (strlen(tier) >= sizeof(d->tier) || !tier_ok(rub, tier)))
		return MSG_BAD_TIER;
	snprintf(d->kind, sizeof(d->kind), "%s", kind);
	snprintf(d->tier, sizeof(d->tier), "%s", moves && tier ? tier : "");
	snprintf(d->reason, sizeof(d->reason), "%s", reason);
	return MSG__MAX;
}

/* decision_open() inside the write: 0, 1 (not now) or -1. */
static int
decision_open_tx(struct db_tx *tx, const struct ctx *c, int64_t snapshot)
{
	struct db_posting p;
	int rc = db_posting_current_tx(tx, c->edition.id, &p);

	if (rc != 0 && rc != DB_NOTFOUND)
		return -1;
	return decision_open(c, rc == 0 ? &p : NULL, snapshot) ? 0 : 1;
}

static int
store_decision(struct req *r, const struct ctx *c, int64_t snapshot,
               const struct db_decision *d)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL
	             ? ctx_recheck(tx, r, c->edition.id, ACT_RESULTS_DECIDE)
	             : -1;

	if (rc == 0)
		rc = decision_open_tx(tx, c, snapshot);
	if (rc == 0)
		rc = db_decision_add(tx, snapshot, d, r->actor.user_id);
	if (rc != 0) {
		db_rollback(tx);
		return rc;
	}
	return db_commit(tx);
}

/* decision_open() on the edition's current posting, read now (the
 * stage itself is checked again inside the write). */
static bool
decision_allowed(struct req *r, const struct ctx *c, int64_t snapshot)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_posting p;
	int rc = db_posting_current(rd, c->edition.id, &p);

	db_read_end(rd);
	if (rc != 0 && rc != DB_NOTFOUND)
		return false;
	return decision_open(c, rc == 0 ? &p : NULL, snapshot);
}

void
h_decision_add(struct req *r)
{
	const char *code = form_get(&r->form, "entry");
	struct db_snapshot s;
	struct db_decision d;
	char where[96];
	struct ctx c;
	enum msg m;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (snapshot_load(r, &s, &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_RESULTS_DECIDE)) {
		respond_error(r, ctx_can(r, &c, ACT_RESULTS_VIEW) ? 409 : 404);
		goto out;
	}
	if (!decision_allowed(r, &c, s.id)) {
		respond_error(r, 409);
		goto out;
	}
	m = read_decision(r, c.rubric, &d);
	if (m == MSG__MAX && !snapshot_has(r, &s, code))
		m = MSG_UNKNOWN_ENTRY;
	if (m != MSG__MAX) {
		r->status = 422;
		results_page(r, &c, s.id, m, code);
		goto out;
	}
	snprintf(d.code, sizeof(d.code), "%s", code);
	rc = store_decision(r, &c, s.id, &d);
	if (rc != 0) {
		respond_error(r, rc == 1 ? 409 : 500);
		goto out;
	}
	snprintf(where, sizeof(where), "/editions/%lld/results?snapshot=%lld",
	         (long long)c.edition.id, (long long)s.id);
	respond_redirect(r, where);
out:
	ctx_release(&c);
	db_snapshot_release(&s);
}

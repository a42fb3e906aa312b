/* h_rounds.c: the organisers' hold on a judging round: lock (or unlock)
 * a panel's round, and reopen one submitted sheet, each with a reason in
 * the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* A reason, required: "" when missing or blank. */
static const char *
reason_of(const struct req *r)
{
	const char *v = form_get(&r->form, "reason");

	return v != NULL && v[strspn(v, " \t\r\n")] != '\0' ? v : "";
}

/* Commits `rc` == 0, else rolls back; answers 303 to `where`, or the
 * status for the refusal. */
static void
finish(struct req *r, struct db_tx *tx, int rc, const char *where)
{
	if (rc == 0)
		rc = db_commit(tx);
	else if (tx != NULL)
		db_rollback(tx);
	if (rc == 0)
		respond_redirect(r, where);
	else
		respond_error(r, rc == 1 || rc == DB_CONFLICT ? 409
		                 : rc == DB_NOTFOUND          ? 404
		                                              : 500);
}

void
h_round_lock(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *op = form_get(&r->form, "op");
	struct db_panel *p = xcalloc(1, sizeof(*p));
	struct db_read *rd;
	struct db_tx *tx;
	struct ctx c;
	char where[64];
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		free(p);
		return;
	}
	rd = db_read_begin(r->app->db);
	rc = db_panel_get(rd, r->ids[0], p);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else if (ctx_load(r, p->edition_id, &c) == 0) {
		if (!ctx_can(r, &c, ACT_ROUND_LOCK)) {
			respond_error(r, 409);
		} else if (c.rubric->mode == SCORE_MODE_BALLOT && op != NULL &&
		           strcmp(op, "unlock") == 0) {
			/* the tallies may be known: a late cast would show */
			respond_error_why(r, 409, MSG_BALLOT_NO_REOPEN,
			                  "ballot");
		} else {
			snprintf(where, sizeof(where),
			         "/editions/%lld/progress",
			         (long long)p->edition_id);
			tx = db_begin(r->app->db, &who);
			rc = tx != NULL ? ctx_recheck(tx, r, p->edition_id,
			                              ACT_ROUND_LOCK)
			                : -1;
			if (rc == 0)
				rc = db_panel_lock(
				    tx, p->id,
				    op == NULL || strcmp(op, "unlock") != 0,
				    reason_of(r));
			finish(r, tx, rc, where);
		}
		ctx_release(&c);
	}
	free(p);
}

void
h_sheet_reopen(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct one *o = xcalloc(1, sizeof(*o));
	const char *reason = reason_of(r);
	struct db_read *rd;
	struct db_tx *tx;
	int64_t entry = 0, expert = 0;
	char where[64];
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		free(o);
		return;
	}
	rd = db_read_begin(r->app->db);
	rc = db_sheet_owner(rd, r->ids[0], &entry, &expert);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else if (entry_load(r, entry, ACT_SHEET_REOPEN, o) == 0) {
		if (*reason == '\0') {
			respond_error(r, 400);
		} else {
			snprintf(where, sizeof(where),
			         "/editions/%lld/progress",
			         (long long)o->entry.edition_id);
			tx = db_begin(r->app->db, &who);
			rc = tx != NULL
			         ? ctx_recheck(tx, r, o->entry.edition_id,
			                       ACT_SHEET_REOPEN)
			         : -1;
			if (rc == 0)
				rc = db_sheet_reopen(tx, r->ids[0], reason);
			finish(r, tx, rc, where);
		}
		ctx_release(&o->ctx);
	}
	free(o);
}

/* h_award.c: posting a snapshot publicly (results -> posted), the
 * objections received during the posting and their answers, and the
 * award decision once the posting period is over (posted -> decided). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

static int
count_name(const char *name, void *arg)
{
	(void)name;
	(*(int *)arg)++;
	return 0;
}

/* Today as YYYY-MM-DD (the server's local date). */
static void
today(char out[16])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		snprintf(out, 16, "0000-00-00");
	else
		strftime(out, 16, "%Y-%m-%d", &tm);
}

/* Runs a write with the edition's stage checked again inside; 0, 1
 * (refused by the stage), DB_* or -1. */
typedef int (*write_fn)(struct db_tx *tx, void *arg);

static int
write_checked(struct req *r, const struct ctx *c, enum action act, write_fn fn,
              void *arg)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL ? ctx_recheck(tx, r, c->edition.id, act) : -1;

	if (rc == 0)
		rc = fn(tx, arg);
	if (rc != 0) {
		db_rollback(tx);
		return rc;
	}
	return db_commit(tx);
}

static void
back(struct req *r, const struct ctx *c, int rc)
{
	char where[64];

	if (rc != 0) {
		respond_error(r, rc == 1 || rc == DB_NOTFOUND ? 409 : 500);
		return;
	}
	snprintf(where, sizeof(where), "/editions/%lld/results",
	         (long long)c->edition.id);
	respond_redirect(r, where);
}

struct post_arg {
	struct db_posting p;
	int64_t by;
};

static int
post_write(struct db_tx *tx, void *arg)
{
	struct post_arg *a = arg;
	int64_t id;
	int unlocked = 0;
	int rc = db_panels_unlocked_tx(tx, a->p.edition_id, &unlocked);

	/* a round unlocked since the page's check: not publishable */
	if (rc == 0 && unlocked > 0)
		rc = 1;
	return rc == 0 ? db_posting_add(tx, &a->p, a->by, &id) : rc;
}

/* Common start of these handlers: CSRF, the edition, the action. */
static int
begin(struct req *r, struct ctx *c, enum action act)
{
	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return -1;
	}
	if (ctx_load(r, r->ids[0], c) != 0)
		return -1;
	if (!ctx_can(r, c, act)) {
		respond_error(r, 409);
		ctx_release(c);
		return -1;
	}
	return 0;
}

/* Are the counted sheets still the snapshot's (byte for byte)? */
static int
snapshot_current(struct db_read *rd, const struct db_snapshot *s, bool *current)
{
	struct buf csv;
	int rc;

	buf_init(&csv, (size_t)256 << 20);
	rc = results_export(rd, s->edition_id, &csv);
	*current =
	    rc == 0 && csv.data != NULL && strcmp(csv.data, s->scores_csv) == 0;
	buf_release(&csv);
	return rc;
}

void
h_posting_add(struct req *r)
{
	const char *snap = form_get(&r->form, "snapshot");
	const char *from = form_get(&r->form, "from");
	const char *until = form_get(&r->form, "until");
	struct post_arg a = { .by = r->actor.user_id };
	struct db_snapshot s = { 0 };
	struct db_read *rd;
	int unlocked = 0, rc;
	bool current = false;
	struct ctx c;

	if (begin(r, &c, ACT_RESULTS_POST) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc =
	    db_snapshot_get(rd, snap != NULL ? strtoll(snap, NULL, 10) : 0, &s);
	if (rc == 0)
		rc = db_panels_unlocked_each(rd, c.edition.id, count_name,
		                             &unlocked);
	if (rc == 0)
		rc = snapshot_current(rd, &s, &current);
	db_read_end(rd);
	if (rc == 0 && s.edition_id != c.edition.id)
		rc = DB_NOTFOUND;
	if (rc != 0 || unlocked > 0) {
		/* publishing needs a snapshot of this edition, rounds locked */
		r->status = rc == DB_NOTFOUND || unlocked > 0 ? 409 : 500;
		results_page(r, &c, 0,
		             unlocked > 0 ? MSG_RESULTS_UNLOCKED
		                          : MSG_RESULTS_NONE,
		             NULL);
	} else if (!current) {
		/* a sheet reopened and changed since: the list would not be
		 * what the sheets now say */
		r->status = 409;
		results_page(r, &c, s.id, MSG_RESULTS_STALE, NULL);
	} else if (!is_date(from, false) || !is_date(until, false) ||
	           strcmp(from, until) > 0) {
		r->status = 422;
		results_page(r, &c, s.id, MSG_BAD_DATES, NULL);
	} else {
		a.p.edition_id = c.edition.id;
		a.p.snapshot_id = s.id;
		snprintf(a.p.from, sizeof(a.p.from), "%s", from);
		snprintf(a.p.until, sizeof(a.p.until), "%s", until);
		back(r, &c,
		     write_checked(r, &c, ACT_RESULTS_POST, post_write, &a));
	}
	db_snapshot_release(&s);
	ctx_release(&c);
}

struct objection_arg {
	int64_t posting, id;
	struct db_objection o;
	const char *answer;
};

static int
objection_write(struct db_tx *tx, void *arg)
{
	struct objection_arg *a = arg;

	if (a->answer != NULL)
		return db_objection_answer(tx, a->posting, a->id, a->answer);
	return db_objection_add(tx, a->posting, &a->o);
}

static bool
text_ok(const char *s, size_t max)
{
	return s != NULL && *s != '\0' && strlen(s) <= max;
}

/* The label of the first of an award decision's fields that is wrong
 * (missing, too long, not a date), or NULL: the refusal names it. */
static const char *
bad_decision(struct req *r, const char *number, const char *date,
             const char *signatory)
{
	if (!text_ok(number, 60))
		return T(r->lang, MSG_AWARD_NUMBER);
	if (!is_date(date, false))
		return T(r->lang, MSG_AWARD_DATE);
	if (!text_ok(signatory, 120))
		return T(r->lang, MSG_SIGNATORY);
	return NULL;
}

/* An objection about an entry of the posted snapshot: is it one? */
static bool
posted_entry(struct req *r, const struct db_posting *p, const char *code)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct results_build *b = NULL;
	struct db_snapshot s;
	bool has = false;

	if (db_snapshot_get(rd, p->snapshot_id, &s) == 0) {
		b = results_build(rd, r->app->rubrics, &s, r->lang);
		has = b != NULL && code != NULL &&
		      results_build_row(b, code) != NULL;
		db_snapshot_release(&s);
	}
	db_read_end(rd);
	results_build_free(b);
	return has;
}

void
h_objection(struct req *r)
{
	const char *id = form_get(&r->form, "objection");
	struct objection_arg a = { 0 };
	struct db_posting p;
	struct db_read *rd;
	struct ctx c;
	int rc;

	if (begin(r, &c, ACT_OBJECTION_RECORD) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_posting_current(rd, c.edition.id, &p);
	db_read_end(rd);
	a.posting = p.id;
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 409 : 500);
	} else if (id != NULL) {
		a.id = strtoll(id, NULL, 10);
		a.answer = form_get(&r->form, "answer");
		if (!text_ok(a.answer, sizeof(a.o.answer) - 1)) {
			r->status = 422;
			results_page(r, &c, p.snapshot_id, MSG_FIX_ERRORS,
			             T(r->lang, MSG_ANSWER));
		} else {
			back(r, &c,
			     write_checked(r, &c, ACT_OBJECTION_RECORD,
			                   objection_write, &a));
		}
	} else {
		const char *code = form_get(&r->form, "entry");
		const char *on = form_get(&r->form, "received_on");
		const char *sender = form_get(&r->form, "sender");
		const char *content = form_get(&r->form, "content");

		if (!text_ok(code, 40) || !posted_entry(r, &p, code)) {
			r->status = 422;
			results_page(r, &c, p.snapshot_id, MSG_UNKNOWN_ENTRY,
			             code);
		} else if (!is_date(on, false) || !text_ok(sender, 200) ||
		           !text_ok(content, 4000)) {
			r->status = 422;
			results_page(r, &c, p.snapshot_id, MSG_FIX_ERRORS,
			             T(r->lang, !is_date(on, false)
			                            ? MSG_OBJECTION_RECEIVED
			                        : !text_ok(sender, 200)
			                            ? MSG_OBJECTION_SENDER
			                            : MSG_OBJECTION_CONTENT));
		} else {
			snprintf(a.o.code, sizeof(a.o.code), "%s", code);
			snprintf(a.o.received_on, sizeof(a.o.received_on), "%s",
			         on);
			snprintf(a.o.sender, sizeof(a.o.sender), "%s", sender);
			snprintf(a.o.content, sizeof(a.o.content), "%s",
			         content);
			back(r, &c,
			     write_checked(r, &c, ACT_OBJECTION_RECORD,
			                   objection_write, &a));
		}
	}
	ctx_release(&c);
}

static int
award_write(struct db_tx *tx, void *arg)
{
	return db_posting_decide(tx, arg);
}

void
h_award(struct req *r)
{
	const char *number = form_get(&r->form, "number");
	const char *date = form_get(&r->form, "date");
	const char *signatory = form_get(&r->form, "signatory");
	struct db_posting p;
	struct db_read *rd;
	char now[16];
	const char *bad;
	struct ctx c;
	int rc;

	if (begin(r, &c, ACT_AWARD_DECIDE) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_posting_current(rd, c.edition.id, &p);
	db_read_end(rd);
	today(now);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 409 : 500);
	} else if (strcmp(now, p.until) <= 0) {
		/* objections may still come in until the period's last day */
		r->status = 409;
		results_page(r, &c, p.snapshot_id, MSG_POSTING_RUNNING,
		             p.until);
	} else if ((bad = bad_decision(r, number, date, signatory)) != NULL) {
		r->status = 422;
		results_page(r, &c, p.snapshot_id, MSG_FIX_ERRORS, bad);
	} else {
		snprintf(p.number, sizeof(p.number), "%s", number);
		snprintf(p.date, sizeof(p.date), "%s", date);
		snprintf(p.signatory, sizeof(p.signatory), "%s", signatory);
		back(r, &c,
		     write_checked(r, &c, ACT_AWARD_DECIDE, award_write, &p));
	}
	ctx_release(&c);
}

struct correction_arg {
	struct db_posting p;
	int64_t by;
};

static int
correction_write(struct db_tx *tx, void *arg)
{
	struct correction_arg *a = arg;
	struct db_posting now;
	int rc = db_posting_current_tx(tx, a->p.edition_id, &now);

	/* the posting replaced is the current one inside the transaction */
	if (rc == 0 && now.id != a->p.replaces)
		rc = 1;
	return rc == 0 ? db_correction_add(tx, &a->p, a->by) : rc;
}

/* A correction after the award decision: a newer snapshot (with the
 * committee's decisions on it) and its own decision replace the posted
 * list; the old snapshot, posting and decision stay as they were. */
void
h_correction(struct req *r)
{
	const char *snap = form_get(&r->form, "snapshot");
	const char *number = form_get(&r->form, "number");
	const char *date = form_get(&r->form, "date");
	const char *signatory = form_get(&r->form, "signatory");
	const char *reason = form_get(&r->form, "reason");
	struct correction_arg a = { .by = r->actor.user_id };
	struct db_snapshot s = { 0 };
	struct db_posting now;
	struct db_read *rd;
	const char *bad;
	struct ctx c;
	int rc;

	if (begin(r, &c, ACT_RESULTS_CORRECT) != 0)
		return;
	rd = db_read_begin(r->app->db);
	rc = db_posting_current(rd, c.edition.id, &now);
	if (rc == 0)
		rc = db_snapshot_get(
		    rd, snap != NULL ? strtoll(snap, NULL, 10) : 0, &s);
	db_read_end(rd);
	if (rc == 0 &&
	    (s.edition_id != c.edition.id || s.id <= now.snapshot_id))
		rc = DB_NOTFOUND; /* only a newer snapshot of this edition */
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 409 : 500);
	} else if ((bad = bad_decision(r, number, date, signatory)) != NULL ||
	           (bad = text_ok(reason, 1000)
	                      ? NULL
	                      : T(r->lang, MSG_REASON)) != NULL) {
		r->status = 422;
		results_page(r, &c, s.id, MSG_FIX_ERRORS, bad);
	} else {
		a.p.edition_id = c.edition.id;
		a.p.snapshot_id = s.id;
		a.p.replaces = now.id;
		snprintf(a.p.number, sizeof(a.p.number), "%s", number);
		snprintf(a.p.date, sizeof(a.p.date), "%s", date);
		snprintf(a.p.signatory, sizeof(a.p.signatory), "%s", signatory);
		snprintf(a.p.note, sizeof(a.p.note), "%s", reason);
		back(r, &c,
		     write_checked(r, &c, ACT_RESULTS_CORRECT, correction_write,
		                   &a));
	}
	db_snapshot_release(&s);
	ctx_release(&c);
}

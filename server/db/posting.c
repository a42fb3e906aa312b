/* posting.c: what is done with a results snapshot: the committee's
 * decisions beside it, its public posting with the objections received,
 * and the award decision. Each write is audited; the lifecycle moves in
 * the same transaction (results -> posted -> decided). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static int
audit_id(struct db_tx *tx, const char *action, const char *kind, int64_t id,
         const char *value, const char *reason)
{
	char object[64];

	snprintf(object, sizeof(object), "%s:%lld", kind, (long long)id);
	return db_audit(tx, action, object, NULL, value, reason);
}

int
db_decision_add(struct db_tx *tx, int64_t snapshot, const struct db_decision *d,
                int64_t by)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_DECISION_INSERT);
	char *value;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, snapshot);
	bind_text(st, 2, d->code);
	bind_text(st, 3, d->kind);
	bind_text(st, 4, d->tier);
	bind_text(st, 5, d->reason);
	sqlite3_bind_int64(st, 6, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 7, by);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	value = audit_json(json_pack("{s:s, s:s, s:s}", "entry", d->code,
	                             "kind", d->kind, "tier", d->tier));
	rc = audit_id(tx, "results.decision", "snapshot", snapshot, value,
	              d->reason);
	free(value);
	return rc;
}

int
db_decisions_carry(struct db_tx *tx, int64_t edition, int64_t snapshot)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_DECISIONS_CARRY);
	struct db_posting now;
	char value[96];
	int rc = db_posting_current_tx(tx, edition, &now);

	if (rc == DB_NOTFOUND)
		return 0;
	if (rc != 0 || st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now.snapshot_id);
	sqlite3_bind_int64(st, 2, snapshot);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(value, sizeof(value), "{\"from_snapshot\":%lld}",
	         (long long)now.snapshot_id);
	return audit_id(tx, "results.decisions.carry", "snapshot", snapshot,
	                value, NULL);
}

int
db_decisions_each(struct db_read *rd, int64_t snapshot,
                  int (*fn)(const struct db_decision *d, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_DECISIONS);
	struct db_decision d;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, snapshot);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		d.id = sqlite3_column_int64(st, 0);
		column_copy(st, 1, d.code, sizeof(d.code));
		column_copy(st, 2, d.kind, sizeof(d.kind));
		column_copy(st, 3, d.tier, sizeof(d.tier));
		column_copy(st, 4, d.reason, sizeof(d.reason));
		d.at = sqlite3_column_int64(st, 5);
		column_copy(st, 6, d.by, sizeof(d.by));
		if (fn(&d, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_posting_add(struct db_tx *tx, const struct db_posting *p, int64_t by,
               int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_POSTING_INSERT);
	char value[160];
	int rc;

	if (st == NULL)
		return -1;
	rc = db_edition_set_state(tx, p->edition_id, "results", "posted", NULL);
	if (rc != 0)
		return rc;
	sqlite3_bind_int64(st, 1, p->edition_id);
	sqlite3_bind_int64(st, 2, p->snapshot_id);
	bind_text(st, 3, p->from);
	bind_text(st, 4, p->until);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 6, by);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(value, sizeof(value),
	         "{\"snapshot\":%lld,\"from\":\"%s\",\"until\":\"%s\"}",
	         (long long)p->snapshot_id, p->from, p->until);
	return audit_id(tx, "results.post", "posting", *id, value, NULL);
}

static int
read_posting(sqlite3_stmt *st, struct db_posting *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
		out->snapshot_id = sqlite3_column_int64(st, 2);
		column_copy(st, 3, out->from, sizeof(out->from));
		column_copy(st, 4, out->until, sizeof(out->until));
		out->posted_at = sqlite3_column_int64(st, 5);
		column_copy(st, 6, out->number, sizeof(out->number));
		column_copy(st, 7, out->date, sizeof(out->date));
		column_copy(st, 8, out->signatory, sizeof(out->signatory));
		out->decided_at = sqlite3_column_int64(st, 9);
		out->replaces = sqlite3_column_int64(st, 10);
		column_copy(st, 11, out->note, sizeof(out->note));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

int
db_posting_current(struct db_read *rd, int64_t edition, struct db_posting *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_POSTING_CURRENT);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, edition);
	return read_posting(st, out);
}

int
db_posting_get(struct db_read *rd, int64_t id, struct db_posting *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_POSTING_BY_ID);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	return read_posting(st, out);
}

int
db_correction_add(struct db_tx *tx, const struct db_posting *p, int64_t by)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CORRECTION_INSERT);
	int64_t now = (int64_t)time(NULL), id;
	char *value;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->edition_id);
	sqlite3_bind_int64(st, 2, p->snapshot_id);
	bind_text(st, 3, p->date);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, by);
	bind_text(st, 6, p->number);
	bind_text(st, 7, p->signatory);
	sqlite3_bind_int64(st, 8, p->replaces);
	bind_text(st, 9, p->note);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	value = audit_json(json_pack("{s:I, s:I, s:s, s:s}", "snapshot",
	                             (json_int_t)p->snapshot_id, "replaces",
	                             (json_int_t)p->replaces, "number",
	                             p->number, "date", p->date));
	rc = audit_id(tx, "results.correct", "posting", id, value, p->note);
	free(value);
	return rc;
}

int
db_posting_current_tx(struct db_tx *tx, int64_t edition, struct db_posting *out)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_POSTING_CURRENT);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, edition);
	return read_posting(st, out);
}

int
db_posting_decide(struct db_tx *tx, const struct db_posting *p)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_POSTING_DECIDE);
	char *value;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	bind_text(st, 2, p->number);
	bind_text(st, 3, p->date);
	bind_text(st, 4, p->signatory);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	rc = db_edition_set_state(tx, p->edition_id, "posted", "decided", NULL);
	if (rc != 0)
		return rc;
	value =
	    audit_json(json_pack("{s:s, s:s, s:s}", "number", p->number, "date",
	                         p->date, "signatory", p->signatory));
	rc = audit_id(tx, "results.decide", "posting", p->id, value, NULL);
	free(value);
	return rc;
}

int
db_objection_add(struct db_tx *tx, int64_t posting,
                 const struct db_objection *o)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_OBJECTION_INSERT);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, posting);
	bind_text(st, 2, o->code);
	bind_text(st, 3, o->received_on);
	bind_text(st, 4, o->sender);
	bind_text(st, 5, o->content);
	sqlite3_bind_int64(st, 6, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	return audit_id(tx, "results.objection", "posting", posting, NULL,
	                o->content);
}

int
db_objection_answer(struct db_tx *tx, int64_t posting, int64_t id,
                    const char *answer)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_OBJECTION_ANSWER);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, answer);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 4, posting);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	return audit_id(tx, "results.objection.answer", "objection", id, NULL,
	                answer);
}

int
db_objections_each(struct db_read *rd, int64_t posting,
                   int (*fn)(const struct db_objection *o, void *arg),
                   void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_OBJECTIONS);
	struct db_objection o;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, posting);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(st, 0);
		column_copy(st, 1, o.code, sizeof(o.code));
		column_copy(st, 2, o.received_on, sizeof(o.received_on));
		column_copy(st, 3, o.sender, sizeof(o.sender));
		column_copy(st, 4, o.content, sizeof(o.content));
		column_copy(st, 5, o.answer, sizeof(o.answer));
		o.answered_at = sqlite3_column_int64(st, 6);
		if (fn(&o, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

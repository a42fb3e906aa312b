/* sheet_save.c: a judge's sheet as stored, and each save of it: applied
 * once per client id, never over a newer version, kept out of a locked
 * round, audited with the values before and after. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* The sheet of (entry, expert) on a connection; DB_NOTFOUND when none. */
static int
sheet_read(struct conn *c, int64_t entry, int64_t expert, struct db_sheet *out)
{
	sqlite3_stmt *st = conn_stmt(c, STMT_SHEET_GET), *sc;
	int rc;

	memset(out, 0, sizeof(*out));
	out->entry_id = entry;
	out->expert_id = expert;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, expert);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->rubric_version = sqlite3_column_int(st, 1);
		column_copy(st, 2, out->state, sizeof(out->state));
		column_copy(st, 3, out->comment, sizeof(out->comment));
		out->version = sqlite3_column_int(st, 4);
		out->updated_at = sqlite3_column_int64(st, 5);
		out->submitted_at = sqlite3_column_int64(st, 6);
		out->reopened = sqlite3_column_int(st, 7) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	sc = conn_stmt(c, STMT_SHEET_SCORES);
	if (sc == NULL)
		return -1;
	sqlite3_bind_int64(sc, 1, out->id);
	while ((rc = db_step(sc)) == SQLITE_ROW && out->n < DB_MAX_CRITERIA) {
		column_copy(sc, 0, out->criteria[out->n],
		            sizeof(out->criteria[0]));
		out->points[out->n++] = sqlite3_column_int(sc, 1);
	}
	sqlite3_reset(sc);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_sheet_get(struct db_read *rd, int64_t entry, int64_t expert,
             struct db_sheet *out)
{
	return sheet_read(rd->conn, entry, expert, out);
}

static int
count_of(sqlite3_stmt *st, int64_t id)
{
	int n = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n < 0 ? -1 : n > 0;
}

int
db_entry_locked(struct db_read *rd, int64_t entry)
{
	return count_of(rd_stmt(rd, STMT_ENTRY_LOCKED), entry);
}

/* The sheet as the audit log keeps it. */
static char *
sheet_json(const struct db_sheet *s)
{
	json_t *v = json_object(), *pts = json_object();
	char *text;

	for (size_t i = 0; i < s->n; i++)
		json_object_set_new(pts, s->criteria[i],
		                    json_integer(s->points[i]));
	json_object_set_new(v, "points", pts);
	json_object_set_new(v, "state", json_string(s->state));
	json_object_set_new(v, "comment", json_string(s->comment));
	json_object_set_new(v, "version", json_integer(s->version));
	json_object_set_new(v, "rubric_version",
	                    json_integer(s->rubric_version));
	text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(v);
	return text;
}

/* Why the save may not be applied (0: it may). */
static int
refusal(struct db_tx *tx, const struct db_sheet *old,
        const struct db_sheet_save *s)
{
	sqlite3_stmt *seen = tx_stmt(tx, STMT_SAVE_SEEN);
	int rc, locked;

	if (seen == NULL)
		return -1;
	bind_text(seen, 1, s->client_id);
	rc = db_step(seen);
	sqlite3_reset(seen);
	if (rc == SQLITE_ROW)
		return DB_DUPLICATE;
	if (rc != SQLITE_DONE)
		return -1;
	if (s->base_version != old->version)
		return DB_CONFLICT;
	locked = count_of(tx_stmt(tx, STMT_ENTRY_LOCKED), old->entry_id);
	if (locked < 0)
		return -1;
	if (locked && !old->reopened)
		return DB_LOCKED;
	if (strcmp(old->state, "submitted") == 0 &&
	    (s->reason == NULL ||
	     s->reason[strspn(s->reason, " \t\r\n")] == '\0'))
		return DB_REASON;
	return 0;
}

/* The new values over the old row (created when there was none). */
static int
write_sheet(struct db_tx *tx, struct db_sheet *old,
            const struct db_sheet_save *s, struct db_sheet *now)
{
	sqlite3_stmt *st;
	int64_t at = (int64_t)time(NULL);
	bool submit = strcmp(s->state, "submitted") == 0;

	if (old->id == 0) {
		st = tx_stmt(tx, STMT_SHEET_INSERT);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, old->entry_id);
		sqlite3_bind_int64(st, 2, old->expert_id);
		sqlite3_bind_int(st, 3, s->rubric_version);
		sqlite3_bind_int64(st, 4, at);
		if (db_step(st) == SQLITE_ROW)
			old->id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (old->id == 0)
			return db_log_error(tx->db->writer.handle,
			                    "a new sheet");
	}
	*now = *old;
	now->rubric_version = s->rubric_version;
	snprintf(now->state, sizeof(now->state), "%s", s->state);
	snprintf(now->comment, sizeof(now->comment), "%s",
	         s->comment != NULL ? s->comment : "");
	now->version = old->version + 1;
	now->updated_at = at;
	now->submitted_at = submit ? at : 0;
	/* a reopened sheet is open until its judge submits it again */
	now->reopened = old->reopened && !submit;
	now->n = 0;
	for (size_t i = 0; i < s->n && i < DB_MAX_CRITERIA; i++) {
		snprintf(now->criteria[now->n], sizeof(now->criteria[0]), "%s",
		         s->criteria[i]);
		now->points[now->n++] = s->points[i];
	}
	st = tx_stmt(tx, STMT_SHEET_UPDATE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now->id);
	sqlite3_bind_int(st, 2, now->rubric_version);
	bind_text(st, 3, now->state);
	bind_text(st, 4, now->comment);
	sqlite3_bind_int64(st, 5, now->updated_at);
	sqlite3_bind_int(st, 6, now->version);
	sqlite3_bind_int64(st, 7, now->submitted_at);
	sqlite3_bind_int(st, 8, now->reopened);
	return tx_exec(tx, st);
}

static int
write_points(struct db_tx *tx, const struct db_sheet *now)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SCORES_CLEAR);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now->id);
	rc = tx_exec(tx, st);
	for (size_t i = 0; rc == 0 && i < now->n; i++) {
		st = tx_stmt(tx, STMT_SCORE_PUT);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, now->id);
		bind_text(st, 2, now->criteria[i]);
		sqlite3_bind_int(st, 3, now->points[i]);
		rc = tx_exec(tx, st);
	}
	return rc;
}

static int
remember(struct db_tx *tx, const char *client_id, const struct db_sheet *now)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SAVE_ADD);

	if (st == NULL)
		return -1;
	bind_text(st, 1, client_id);
	sqlite3_bind_int64(st, 2, now->id);
	sqlite3_bind_int(st, 3, now->version);
	sqlite3_bind_int64(st, 4, (int64_t)time(NULL));
	return tx_exec(tx, st);
}

static int
audit(struct db_tx *tx, const struct db_sheet *old, const struct db_sheet *now,
      const char *reason)
{
	char object[64], *before = old->version > 0 ? sheet_json(old) : NULL;
	char *after = sheet_json(now);
	int rc;

	snprintf(object, sizeof(object), "sheet:%lld", (long long)now->id);
	rc = db_audit(tx, "sheet.save", object, before, after,
	              reason != NULL && *reason != '\0' ? reason : NULL);
	free(before);
	free(after);
	return rc;
}

int
db_sheet_save(struct db_tx *tx, int64_t entry, int64_t expert,
              const struct db_sheet_save *s, struct db_sheet *out)
{
	struct db_sheet *old = xmalloc(sizeof(*old));
	int rc = sheet_read(&tx->db->writer, entry, expert, old);

	if (rc == DB_NOTFOUND)
		rc = 0;
	if (rc == 0)
		rc = refusal(tx, old, s);
	if (rc != 0) {
		*out = *old;
		free(old);
		return rc;
	}
	rc = write_sheet(tx, old, s, out);
	if (rc == 0)
		rc = write_points(tx, out);
	if (rc == 0)
		rc = remember(tx, s->client_id, out);
	if (rc == 0)
		rc = audit(tx, old, out, s->reason);
	free(old);
	return rc;
}

int
db_sheet_reopen(struct db_tx *tx, int64_t sheet, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SHEET_OWNER);
	struct db_sheet *old, *now;
	int64_t entry = 0, expert = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, sheet);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		entry = sqlite3_column_int64(st, 0);
		expert = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	old = xmalloc(sizeof(*old));
	now = xmalloc(sizeof(*now));
	rc = sheet_read(&tx->db->writer, entry, expert, old);
	if (rc == 0 && strcmp(old->state, "submitted") != 0)
		rc = DB_CONFLICT;
	st = rc == 0 ? tx_stmt(tx, STMT_SHEET_REOPEN) : NULL;
	if (rc == 0 && st == NULL)
		rc = -1;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, sheet);
		sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
		rc = tx_exec(tx, st);
	}
	if (rc == 0)
		rc = sheet_read(&tx->db->writer, entry, expert, now);
	if (rc == 0)
		rc = audit(tx, old, now, reason);
	free(old);
	free(now);
	return rc;
}

int
db_panel_lock(struct db_tx *tx, int64_t panel, bool lock, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_PANEL_LOCK);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, panel);
	sqlite3_bind_int(st, 2, lock);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	snprintf(object, sizeof(object), "panel:%lld", (long long)panel);
	return db_audit(tx, lock ? "round.lock" : "round.unlock", object, NULL,
	                NULL, reason);
}

int
db_sheet_owner(struct db_read *rd, int64_t sheet, int64_t *entry,
               int64_t *expert)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_SHEET_OWNER);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, sheet);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		*entry = sqlite3_column_int64(st, 0);
		*expert = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

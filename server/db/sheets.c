/* sheets.c: judges' score sheets and their points. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "internal.h"

int
db_sheet_put(struct db_tx *tx, int64_t entry, int64_t expert,
             int rubric_version, const char *state, const char *comment,
             const char *const *criteria, const int32_t *points, size_t n)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SHEET_UPSERT);
	json_t *v = json_object();
	char object[64], *text;
	int64_t sheet = 0;
	int rc;

	if (st == NULL) {
		json_decref(v);
		return -1;
	}
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, expert);
	sqlite3_bind_int(st, 3, rubric_version);
	bind_text(st, 4, state);
	bind_text(st, 5, comment);
	sqlite3_bind_int64(st, 6, (int64_t)time(NULL));
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		sheet = sqlite3_column_int64(st, 0);
	while (rc == SQLITE_ROW)
		rc = db_step(st);
	sqlite3_reset(st);
	for (size_t i = 0; rc == SQLITE_DONE && i < n; i++) {
		st = tx_stmt(tx, STMT_SCORE_PUT);
		if (st == NULL)
			break;
		sqlite3_bind_int64(st, 1, sheet);
		bind_text(st, 2, criteria[i]);
		sqlite3_bind_int(st, 3, points[i]);
		if (tx_exec(tx, st) != 0)
			rc = SQLITE_ERROR;
		json_object_set_new(v, criteria[i], json_integer(points[i]));
	}
	if (rc != SQLITE_DONE || st == NULL) {
		json_decref(v);
		tx->failed = true;
		return db_log_error(tx->db->writer.handle, "writing a sheet");
	}
	json_object_set_new(v, "state", json_string(state));
	text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(v);
	snprintf(object, sizeof(object), "sheet:%lld", (long long)sheet);
	rc = db_audit(tx, "sheet.put", object, NULL, text, NULL);
	free(text);
	return rc;
}

int
db_judge_entries(struct db_read *rd, int64_t expert,
                 int (*fn)(const struct db_judge_entry *e, void *arg),
                 void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_JUDGE_ENTRIES);
	struct db_judge_entry e;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, expert);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(st, 0);
		column_copy(st, 1, e.code, sizeof(e.code));
		column_copy(st, 2, e.title, sizeof(e.title));
		column_copy(st, 3, e.edition, sizeof(e.edition));
		column_copy(st, 4, e.sheet, sizeof(e.sheet));
		column_copy(st, 5, e.deadline, sizeof(e.deadline));
		e.edition_id = sqlite3_column_int64(st, 6);
		column_copy(st, 7, e.edition_state, sizeof(e.edition_state));
		if (fn(&e, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_progress_each(struct db_read *rd, int64_t edition,
                 int (*fn)(const struct db_progress *p, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_PROGRESS);
	struct db_progress p;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		p.panel_id = sqlite3_column_int64(st, 0);
		p.expert_id = sqlite3_column_int64(st, 1);
		column_copy(st, 2, p.expert, sizeof(p.expert));
		p.entry_id = sqlite3_column_int64(st, 3);
		column_copy(st, 4, p.code, sizeof(p.code));
		column_copy(st, 5, p.state, sizeof(p.state));
		p.updated_at = sqlite3_column_int64(st, 6);
		p.sheet_id = sqlite3_column_int64(st, 7);
		if (fn(&p, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* results.c: what results are computed from (the counted scores, the
 * panels' locks) and the results snapshots, which are written once and
 * never changed (triggers refuse UPDATE and DELETE). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
db_result_scores_each(struct db_read *rd, int64_t edition,
                      int (*fn)(const struct db_result_score *s, void *arg),
                      void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_RESULT_SCORES);
	struct db_result_score s;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		column_copy(st, 0, s.code, sizeof(s.code));
		column_copy(st, 1, s.field, sizeof(s.field));
		s.expert_id = sqlite3_column_int64(st, 2);
		column_copy(st, 3, s.criterion, sizeof(s.criterion));
		s.points = sqlite3_column_int(st, 4);
		if (fn(&s, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_panels_unlocked_each(struct db_read *rd, int64_t edition,
                        int (*fn)(const char *name, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_PANELS_UNLOCKED);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0), arg) != 0)
			break;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_panels_unlocked_tx(struct db_tx *tx, int64_t edition, int *count)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_PANELS_UNLOCKED);
	int rc;

	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW)
		(*count)++;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	tx->failed = true;
	return -1;
}

int
db_snapshot_add(struct db_tx *tx, const struct db_snapshot *s, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SNAPSHOT_INSERT);
	char object[64], value[160];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, s->edition_id);
	sqlite3_bind_int64(st, 2, s->created_at);
	sqlite3_bind_int64(st, 3, s->created_by);
	sqlite3_bind_int(st, 4, s->rubric_version);
	bind_text(st, 5, s->rubric_json);
	bind_text(st, 6, s->scores_csv);
	bind_text(st, 7, s->results_json);
	bind_text(st, 8, s->results_sha256);
	bind_text(st, 9, s->program_version);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(object, sizeof(object), "snapshot:%lld", (long long)*id);
	snprintf(value, sizeof(value),
	         "{\"edition\":%lld,\"rubric_version\":%d,"
	         "\"results_sha256\":\"%s\"}",
	         (long long)s->edition_id, s->rubric_version,
	         s->results_sha256);
	return db_audit(tx, "results.snapshot", object, NULL, value, NULL);
}

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

int
db_snapshot_get(struct db_read *rd, int64_t id, struct db_snapshot *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_SNAPSHOT_GET);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
		out->created_at = sqlite3_column_int64(st, 2);
		out->created_by = sqlite3_column_int64(st, 3);
		out->rubric_version = sqlite3_column_int(st, 4);
		out->rubric_json = column_dup(st, 5);
		out->scores_csv = column_dup(st, 6);
		out->results_json = column_dup(st, 7);
		column_copy(st, 8, out->results_sha256,
		            sizeof(out->results_sha256));
		column_copy(st, 9, out->program_version,
		            sizeof(out->program_version));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

void
db_snapshot_release(struct db_snapshot *s)
{
	free(s->rubric_json);
	free(s->scores_csv);
	free(s->results_json);
	s->rubric_json = s->scores_csv = s->results_json = NULL;
}

int
db_snapshots_each(struct db_read *rd, int64_t edition,
                  int (*fn)(const struct db_snapshot_line *l, void *arg),
                  void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_SNAPSHOT_LIST);
	struct db_snapshot_line l;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		l.id = sqlite3_column_int64(st, 0);
		l.created_at = sqlite3_column_int64(st, 1);
		column_copy(st, 2, l.by, sizeof(l.by));
		column_copy(st, 3, l.results_sha256, sizeof(l.results_sha256));
		if (fn(&l, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* progress.c: what the organisers' dashboard reads beyond the progress
 * rows: the points of the submitted sheets that count, and the conflicts
 * of interest judges declared. */
#include "internal.h"

int
db_progress_scores_each(struct db_read *rd, int64_t edition,
                        int (*fn)(const struct db_score_row *s, void *arg),
                        void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_PROGRESS_SCORES);
	struct db_score_row s;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		s.panel_id = sqlite3_column_int64(st, 0);
		s.entry_id = sqlite3_column_int64(st, 1);
		column_copy(st, 2, s.code, sizeof(s.code));
		column_copy(st, 3, s.title, sizeof(s.title));
		column_copy(st, 4, s.field, sizeof(s.field));
		s.expert_id = sqlite3_column_int64(st, 5);
		column_copy(st, 6, s.expert, sizeof(s.expert));
		column_copy(st, 7, s.criterion, sizeof(s.criterion));
		s.points = sqlite3_column_int(st, 8);
		if (fn(&s, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_judge_conflicts_each(struct db_read *rd, int64_t edition,
                        int (*fn)(const struct db_declared *c, void *arg),
                        void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_JUDGE_CONFLICTS);
	struct db_declared c;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		c.entry_id = sqlite3_column_int64(st, 0);
		column_copy(st, 1, c.code, sizeof(c.code));
		column_copy(st, 2, c.title, sizeof(c.title));
		column_copy(st, 3, c.expert, sizeof(c.expert));
		column_copy(st, 4, c.reason, sizeof(c.reason));
		c.at = sqlite3_column_int64(st, 5);
		if (fn(&c, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

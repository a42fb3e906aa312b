/* restore.c: checking a database file without writing to it, and
 * restoring a backup over the database. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* What a file holds, counted for a summary. Run once on a file of any
 * schema version (a table may not be there yet), so not among the cached
 * statements of stmts.c, which assume the current schema. */
enum count { COUNT_EDITIONS, COUNT_ENTRIES, COUNT_CERTS, COUNT__MAX };

static const char *const count_sql[COUNT__MAX] = {
	[COUNT_EDITIONS] = "SELECT count(*) FROM editions",
	[COUNT_ENTRIES] = "SELECT count(*) FROM entries",
	[COUNT_CERTS] = "SELECT count(*) FROM certificates",
};

/* Copies SQLite's words into `out` on one line (integrity_check's span
 * several). */
static void
problem_copy(char *out, size_t size, const char *words)
{
	snprintf(out, size, "%s", words != NULL ? words : "?");
	for (char *p = out; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

/* The verdict on a failed read of the file: damage, or a file SQLite
 * cannot read at all (not a database, no permission, locked). */
static int
read_failure(sqlite3 *c, struct db_file_info *info)
{
	int code = sqlite3_errcode(c) & 0xff;

	problem_copy(info->problem, sizeof(info->problem), sqlite3_errmsg(c));
	if (code == SQLITE_NOMEM)
		return db_log_error(c, "checking a database file");
	return code == SQLITE_CORRUPT ? DB_FILE_DAMAGED : DB_FILE_UNREADABLE;
}

/* Runs a one-value PRAGMA or query on `c`: SQLITE_ROW with the value's
 * statement in *out (finalize it), or SQLite's error code. */
static int
one_value(sqlite3 *c, const char *sql, sqlite3_stmt **out)
{
	int rc = sqlite3_prepare_v2(c, sql, -1, out, NULL);

	if (rc == SQLITE_OK)
		rc = db_step(*out);
	return rc;
}

/*
 * integrity_check, then user_version, on a plain read-only handle: the file
 * is not trusted yet, so nothing of db_open's (pragmas, cached statements,
 * the audit walk) reads it before it passes.
 */
static int
check_file(const char *path, struct db_file_info *info)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	const char *said;
	int verdict = DB_FILE_OK;

	if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		verdict = c != NULL ? read_failure(c, info)
		                    : db_log_error(NULL, path);
		goto out;
	}
	sqlite3_busy_timeout(c, BUSY_TIMEOUT_MS);
	if (one_value(c, "PRAGMA integrity_check", &st) != SQLITE_ROW) {
		verdict = read_failure(c, info);
		goto out;
	}
	said = (const char *)sqlite3_column_text(st, 0);
	if (said == NULL || strcmp(said, "ok") != 0) {
		/* the first of its complaints names the damage */
		problem_copy(info->problem, sizeof(info->problem), said);
		verdict = DB_FILE_DAMAGED;
		goto out;
	}
	sqlite3_finalize(st);
	if (one_value(c, "PRAGMA user_version", &st) != SQLITE_ROW) {
		verdict = read_failure(c, info);
		goto out;
	}
	info->schema = sqlite3_column_int(st, 0);
	if (info->schema == 0)
		verdict = DB_FILE_FOREIGN;
	else if (info->schema > db_schema_version())
		verdict = DB_FILE_NEWER;
out:
	sqlite3_finalize(st);
	sqlite3_close(c);
	return verdict;
}

/* count(*) by `sql`, or -1 when its table is not in the file's schema. */
static int64_t
count_of(sqlite3 *c, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (one_value(c, sql, &st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The audit chain, the journal mode and the counts, through a read-only
 * pool (db_audit_verify walks the chain on one). */
static int
check_contents(const char *path, struct db_file_info *info)
{
	struct db *db = db_open_readonly(path);
	struct db_read *rd;
	int64_t bad;

	if (db == NULL)
		return -1;
	bad = db_audit_verify(db, &info->audit_rows);
	rd = db_read_begin(db);
	info->wal = db_answers(rd->conn->handle, "PRAGMA journal_mode", "wal");
	info->editions = count_of(rd->conn->handle, count_sql[COUNT_EDITIONS]);
	info->entries = count_of(rd->conn->handle, count_sql[COUNT_ENTRIES]);
	info->certs = count_of(rd->conn->handle, count_sql[COUNT_CERTS]);
	db_read_end(rd);
	db_close(db);
	if (bad < 0)
		return -1;
	info->audit_bad = bad;
	return bad > 0 ? DB_FILE_CHAIN : DB_FILE_OK;
}

int
db_file_check(const char *path, struct db_file_info *info)
{
	int verdict;

	memset(info, 0, sizeof(*info));
	info->editions = info->entries = info->certs = -1;
	verdict = check_file(path, info);
	if (verdict != DB_FILE_OK)
		return verdict;
	return check_contents(path, info);
}

/* Opens `path` for the copy and locks it for the whole of it: 0, DB_INUSE,
 * DB_CONFLICT (not a database SQLite can lock: damaged from its first
 * page) or -1. */
static int
target_lock(const char *path, sqlite3 **dst)
{
	int code;

	if (sqlite3_open_v2(path, dst,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                    NULL) != SQLITE_OK)
		return db_log_error(*dst, path);
	sqlite3_extended_result_codes(*dst, 1);
	/* No busy timeout: a lock held now is a server running, not a
	 * moment's wait. In WAL mode each connection holds a shared lock on
	 * the file as long as it is open, so the exclusive lock is refused
	 * while a server runs, even an idle one. In exclusive locking mode
	 * the lock is kept after COMMIT until the connection closes: no
	 * server can start on the file while it is overwritten. Nothing
	 * here reads the schema (not even PRAGMA synchronous), so a
	 * database damaged past its first page, the one a restore is for,
	 * can still be overwritten; the copy is synced all the same, when it
	 * commits and when closing checkpoints it, at any level but OFF. */
	if (sqlite3_exec(*dst,
	                 "PRAGMA locking_mode = EXCLUSIVE;"
	                 "BEGIN EXCLUSIVE; COMMIT;",
	                 NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	code = sqlite3_extended_errcode(*dst) & 0xff;
	if (code == SQLITE_BUSY)
		return DB_INUSE;
	db_log_error(*dst, path);
	return code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? DB_CONFLICT
	                                                       : -1;
}

/* Removes a database file made by a failed restore, and its companions. */
static void
remove_created(const char *path)
{
	static const char *const ends[] = { "", "-wal", "-shm", "-journal" };
	char name[4096];

	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (snprintf(name, sizeof(name), "%s%s", path, ends[i]) <
		    (int)sizeof(name))
			unlink(name);
}

int
db_restore(const char *backup, const char *path)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *b;
	struct db *db;
	int rc, step;
	/* a file this restore creates goes again if it fails: left empty,
	 * it would be "a database that exists" to the next attempt */
	bool created = access(path, F_OK) != 0;

	rc = target_lock(path, &dst);
	if (rc != 0)
		goto out;
	rc = -1;
	if (sqlite3_open_v2(backup, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		db_log_error(src, backup);
		goto out;
	}
	sqlite3_busy_timeout(src, BUSY_TIMEOUT_MS);
	b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL) {
		db_log_error(dst, "starting the restore");
		goto out;
	}
	step = sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK || step != SQLITE_DONE) {
		db_log_error(dst, "copying the backup");
		goto out;
	}
	/* closing writes the copy home (a WAL is checkpointed) and lets go
	 * of the lock; db_open then makes the file what every database is:
	 * WAL, and migrated when the backup is older than this program */
	if (sqlite3_close(dst) != SQLITE_OK) {
		db_log_error(dst, path);
		goto out;
	}
	dst = NULL;
	db = db_open(path);
	if (db == NULL)
		goto out;
	db_close(db);
	rc = 0;
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	if (rc != 0 && created)
		remove_created(path);
	return rc;
}

/* db.c: connections (one writer behind a mutex, a read pool), pragmas,
 * write transactions and read snapshots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* design.md: every connection gets these (and a busy timeout). WAL is a
 * property of the file, set by the writer; a read-only connection could
 * not set it but reads it from the file. */
static const char writer_pragmas[] = "PRAGMA journal_mode = WAL;"
                                     "PRAGMA synchronous = FULL;"
                                     "PRAGMA foreign_keys = ON;";
static const char reader_pragmas[] = "PRAGMA synchronous = FULL;"
                                     "PRAGMA foreign_keys = ON;";

int
db_log_error(sqlite3 *c, const char *what)
{
	fprintf(stderr, "giamkhao: database: %s: %s\n", what,
	        c != NULL ? sqlite3_errmsg(c) : "cannot open");
	return -1;
}

static int
conn_open(struct conn *c, const char *path, bool readonly)
{
	int flags = readonly ? SQLITE_OPEN_READONLY
	                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	memset(c, 0, sizeof(*c));
	/* full mutex off: each connection is used by one thread at a time */
	if (sqlite3_open_v2(path, &c->handle, flags | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK)
		return db_log_error(c->handle, path);
	sqlite3_busy_timeout(c->handle, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(c->handle, 1);
	if (sqlite3_exec(c->handle, readonly ? reader_pragmas : writer_pragmas,
	                 NULL, NULL, NULL) != SQLITE_OK)
		return db_log_error(c->handle, "setting pragmas");
	return 0;
}

/* Resets every cached statement: a statement left mid-result keeps its
 * read transaction (an old snapshot) open past COMMIT. */
void
conn_reset(struct conn *c)
{
	for (int i = 0; i < STMT__MAX; i++)
		if (c->stmts[i] != NULL)
			sqlite3_reset(c->stmts[i]);
}

static void
conn_close(struct conn *c)
{
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(c->stmts[i]);
	sqlite3_close(c->handle);
	memset(c, 0, sizeof(*c));
}

/* The statements made ready on this thread that a value could not be
 * bound to (binding a copy allocates, and an allocation can fail):
 * db_step refuses to run them. Otherwise a lookup would run with NULL for
 * its key and answer "not found", and an insert would store NULL (found
 * by fault injection: a failed allocation logged a tablet out). Kept per
 * statement, as a statement may be bound, another one used, and the
 * first one run after. */
#define MAX_UNBOUND 8
static _Thread_local sqlite3_stmt *unbound[MAX_UNBOUND];
static _Thread_local size_t nunbound;
static _Thread_local bool unbound_overflow; /* then every step refuses */

/* Forgets `st`; whether it was there. */
static bool
unbound_take(sqlite3_stmt *st)
{
	for (size_t i = 0; i < nunbound; i++)
		if (unbound[i] == st) {
			unbound[i] = unbound[--nunbound];
			return true;
		}
	return false;
}

static void
bind_check(sqlite3_stmt *st, int rc)
{
	if (rc == SQLITE_OK)
		return;
	unbound_take(st); /* listed once */
	if (nunbound < MAX_UNBOUND)
		unbound[nunbound++] = st;
	else
		unbound_overflow = true;
}

int
db_step(sqlite3_stmt *st)
{
	if (unbound_take(st) || unbound_overflow) {
		unbound_overflow = false;
		return SQLITE_NOMEM;
	}
	return sqlite3_step(st);
}

void
bind_blob(sqlite3_stmt *st, int i, const void *data, size_t len)
{
	bind_check(st,
	           sqlite3_bind_blob(st, i, data, (int)len, SQLITE_TRANSIENT));
}

sqlite3_stmt *
conn_stmt(struct conn *c, enum stmt id)
{
	if (c->stmts[id] == NULL &&
	    sqlite3_prepare_v3(c->handle, stmt_sql[id], -1,
	                       SQLITE_PREPARE_PERSISTENT, &c->stmts[id],
	                       NULL) != SQLITE_OK) {
		db_log_error(c->handle, stmt_sql[id]);
		return NULL;
	}
	sqlite3_reset(c->stmts[id]);
	sqlite3_clear_bindings(c->stmts[id]);
	unbound_take(c->stmts[id]); /* bound afresh from here */
	return c->stmts[id];
}

/* Before SQLite's first use: no global allocation statistics. Kept on,
 * every allocation of every connection takes one global mutex, which the
 * server's threads queued on. */
static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* A struct db with its locks and no connection yet (db_close frees it). */
static struct db *
db_new(const char *path)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct db *db = xcalloc(1, sizeof(*db));

	pthread_once(&once, sqlite_setup);
	db->path = xstrdup(path);
	pthread_mutex_init(&db->write_lock, NULL);
	pthread_cond_init(&db->writer_free, NULL);
	pthread_cond_init(&db->batch_done, NULL);
	pthread_mutex_init(&db->read_lock, NULL);
	pthread_cond_init(&db->read_free, NULL);
	return db;
}

struct db *
db_open(const char *path)
{
	struct db *db = db_new(path);

	if (conn_open(&db->writer, path, false) != 0 ||
	    schema_migrate(db->writer.handle) != 0)
		goto fail;
	for (int i = 0; i < READ_POOL; i++)
		if (conn_open(&db->readers[i], path, true) != 0)
			goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

struct db *
db_open_readonly(const char *path)
{
	struct db *db = db_new(path);

	/* the read pool only: no writer, so nothing migrates and nothing
	 * can write (a backup being checked must stay as it is) */
	for (int i = 0; i < READ_POOL; i++)
		if (conn_open(&db->readers[i], path, true) != 0) {
			db_close(db);
			return NULL;
		}
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < READ_POOL; i++)
		conn_close(&db->readers[i]);
	conn_close(&db->writer);
	pthread_mutex_destroy(&db->write_lock);
	pthread_cond_destroy(&db->writer_free);
	pthread_cond_destroy(&db->batch_done);
	pthread_mutex_destroy(&db->read_lock);
	pthread_cond_destroy(&db->read_free);
	free(db->path);
	free(db);
}

sqlite3_stmt *
tx_stmt(struct db_tx *tx, enum stmt id)
{
	sqlite3_stmt *st = conn_stmt(&tx->db->writer, id);

	if (st == NULL)
		tx->failed = true;
	return st;
}

int
tx_exec(struct db_tx *tx, sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_CONSTRAINT_UNIQUE ||
	    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return DB_DUPLICATE;
	tx->failed = true;
	return db_log_error(tx->db->writer.handle, sqlite3_sql(st));
}

/* Runs BEGIN or COMMIT on a reader, logging a failure. */
static void
read_run(struct conn *c, enum stmt id, const char *what)
{
	sqlite3_stmt *st = conn_stmt(c, id);

	if (st == NULL || sqlite3_step(st) != SQLITE_DONE)
		db_log_error(c->handle, what);
	if (st != NULL)
		sqlite3_reset(st);
}

/* A free reader's slot, taken; -1 when all are busy. Starts at a
 * different slot per thread so threads do not all race for the first. */
static int
reader_take(struct db *db)
{
	static atomic_uint next;
	unsigned start = atomic_fetch_add(&next, 1);

	for (int i = 0; i < READ_POOL; i++) {
		int slot = (int)((start + (unsigned)i) % READ_POOL);

		if (!atomic_load(&db->reader_busy[slot]) &&
		    !atomic_exchange(&db->reader_busy[slot], true))
			return slot;
	}
	return -1;
}

struct db_read *
db_read_begin(struct db *db)
{
	struct db_read *rd = xcalloc(1, sizeof(*rd));
	int slot = reader_take(db);

	if (slot < 0) {
		/* counted before looking again, so a reader given back in
		 * between is either seen here or signalled */
		pthread_mutex_lock(&db->read_lock);
		atomic_fetch_add(&db->read_waiting, 1);
		while ((slot = reader_take(db)) < 0)
			pthread_cond_wait(&db->read_free, &db->read_lock);
		atomic_fetch_sub(&db->read_waiting, 1);
		pthread_mutex_unlock(&db->read_lock);
	}
	rd->db = db;
	rd->conn = &db->readers[slot];
	/* one snapshot for every statement of the request */
	read_run(rd->conn, STMT_READ_BEGIN, "starting a read");
	return rd;
}

void
db_read_end(struct db_read *rd)
{
	struct db *db;

	if (rd == NULL)
		return;
	db = rd->db;
	conn_reset(rd->conn);
	read_run(rd->conn, STMT_READ_END, "ending a read");
	/* a reader given back inside its snapshot would serve that old
	 * snapshot to every later request and hold back checkpoints */
	if (!sqlite3_get_autocommit(rd->conn->handle))
		sqlite3_exec(rd->conn->handle, "ROLLBACK", NULL, NULL, NULL);
	atomic_store(&db->reader_busy[rd->conn - db->readers], false);
	if (atomic_load(&db->read_waiting) > 0) {
		pthread_mutex_lock(&db->read_lock);
		pthread_cond_signal(&db->read_free);
		pthread_mutex_unlock(&db->read_lock);
	}
	free(rd);
}

sqlite3_stmt *
rd_stmt(struct db_read *rd, enum stmt id)
{
	return conn_stmt(rd->conn, id);
}

void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		bind_check(st, sqlite3_bind_null(st, i));
	else
		bind_check(st,
		           sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT));
}

void
column_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);

	if (size == 0)
		return;
	if (t == NULL)
		n = 0;
	if (n >= size) {
		/* too long for the field: cut at a character's start, never
		 * inside a Vietnamese letter's UTF-8 bytes */
		n = size - 1;
		while (n > 0 && (t[n] & 0xC0) == 0x80)
			n--;
	}
	if (n > 0)
		memcpy(out, t, n);
	out[n] = '\0';
}

bool
db_answers(sqlite3 *c, const char *sql, const char *want)
{
	sqlite3_stmt *st = NULL;
	bool same = false;

	if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK &&
	    db_step(st) == SQLITE_ROW)
		same =
		    sqlite3_column_text(st, 0) != NULL &&
		    strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	sqlite3_finalize(st);
	return same;
}

int
db_backup(struct db *db, const char *path)
{
	struct conn src;
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc = -1;

	/* a connection of its own: the copy reads one consistent snapshot
	 * in a single step while writers go on (WAL) */
	if (conn_open(&src, db->path, true) != 0)
		goto out;
	if (sqlite3_open(path, &dst) != SQLITE_OK) {
		db_log_error(dst, path);
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", src.handle, "main");
	if (b == NULL) {
		db_log_error(dst, "starting the backup");
		goto out;
	}
	rc = sqlite3_backup_step(b, -1) == SQLITE_DONE ? 0 : -1;
	if (sqlite3_backup_finish(b) != SQLITE_OK || rc != 0)
		rc = db_log_error(dst, "copying the database");
	/* the copy is one self-contained file: a WAL database (as the
	 * original is) leaves -wal and -shm files beside it when opened,
	 * and cannot be opened at all from read-only media without them */
	/* the pragma answers the mode it is left in, SQLITE_OK either way */
	if (rc == 0 &&
	    !db_answers(dst, "PRAGMA journal_mode = DELETE", "delete"))
		rc = db_log_error(dst, "making the copy one file");
out:
	sqlite3_close(dst);
	conn_close(&src);
	return rc;
}

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

#define BUSY_TIMEOUT_MS 5000

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

struct db *
db_open(const char *path)
{
	struct db *db = xcalloc(1, sizeof(*db));

	db->path = xstrdup(path);
	pthread_mutex_init(&db->write_lock, NULL);
	pthread_cond_init(&db->writer_free, NULL);
	pthread_cond_init(&db->batch_done, NULL);
	pthread_mutex_init(&db->read_lock, NULL);
	pthread_cond_init(&db->read_free, NULL);
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

struct db_read *
db_read_begin(struct db *db)
{
	struct db_read *rd = xcalloc(1, sizeof(*rd));
	int slot = -1;

	pthread_mutex_lock(&db->read_lock);
	while (slot < 0) {
		for (int i = 0; i < READ_POOL && slot < 0; i++)
			if (!db->reader_busy[i])
				slot = i;
		if (slot < 0)
			pthread_cond_wait(&db->read_free, &db->read_lock);
	}
	db->reader_busy[slot] = true;
	pthread_mutex_unlock(&db->read_lock);
	rd->db = db;
	rd->conn = &db->readers[slot];
	/* one snapshot for every statement of the request */
	sqlite3_exec(rd->conn->handle, "BEGIN", NULL, NULL, NULL);
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
	if (sqlite3_exec(rd->conn->handle, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK)
		db_log_error(rd->conn->handle, "ending a read");
	pthread_mutex_lock(&db->read_lock);
	db->reader_busy[rd->conn - db->readers] = false;
	pthread_cond_signal(&db->read_free);
	pthread_mutex_unlock(&db->read_lock);
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
out:
	sqlite3_close(dst);
	conn_close(&src);
	return rc;
}

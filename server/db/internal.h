/* internal.h: declarations shared by the files of server/db/ (private). */
#ifndef GIAMKHAO_DB_INTERNAL_H
#define GIAMKHAO_DB_INTERNAL_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sqlite3.h>

#include "../../common/common.h"
#include "db.h"
#include "stmts.h"

/* A connection with its prepared statements (prepared on first use). */
struct conn {
	sqlite3 *handle;
	sqlite3_stmt *stmts[STMT__MAX];
};

#define READ_POOL 8

#define BATCH_MAX 64 /* transactions sharing one COMMIT (and fsync) */

struct db {
	char *path;
	struct conn writer;
	/* the writer: one transaction at a time runs on it (busy); those
	 * done wait in the open batch until a COMMIT makes them durable */
	pthread_mutex_t write_lock;
	pthread_cond_t writer_free, batch_done;
	bool busy;
	int wanting;     /* threads waiting for the writer */
	bool batch_open; /* BEGIN IMMEDIATE done, COMMIT not yet */
	struct db_tx *members[BATCH_MAX];
	size_t nmembers;
	/* a reader is taken by swapping its flag, without a lock; only a
	 * thread finding none free sleeps on read_free (with 64 threads on
	 * 2 cores, a lock around every take made them queue) */
	struct conn readers[READ_POOL];
	atomic_bool reader_busy[READ_POOL];
	atomic_int read_waiting;
	pthread_mutex_t read_lock;
	pthread_cond_t read_free;
};

struct db_tx {
	struct db *db;
	struct db_actor actor;
	char address[64];
	int64_t audit_id; /* the chain's tip inside this transaction (read
	                     at BEGIN, under the write lock) */
	uint8_t hash[32];
	bool failed;
	/* group commit: set under write_lock when its batch is committed */
	bool done;
	bool durable;
};

struct db_read {
	struct db *db;
	struct conn *conn;
};

/* schema.c */
int schema_migrate(sqlite3 *c);

/* Every connection waits this long for another's lock (design.md). */
#define BUSY_TIMEOUT_MS 5000

/* db.c: does the one-value `sql` (a pragma, a query) answer `want`? */
bool db_answers(sqlite3 *c, const char *sql, const char *want);
/* db.c: logs the connection's last error with context; returns -1. */
int db_log_error(sqlite3 *c, const char *what);
/* Resets every prepared statement of a connection (before a COMMIT). */
void conn_reset(struct conn *c);
/* A prepared, reset statement of a connection (NULL on failure). */
sqlite3_stmt *conn_stmt(struct conn *c, enum stmt id);
/* The same for a transaction's writer and a read snapshot. */
sqlite3_stmt *tx_stmt(struct db_tx *tx, enum stmt id);
sqlite3_stmt *rd_stmt(struct db_read *rd, enum stmt id);
/* Steps a statement that returns no row; 0, DB_DUPLICATE or -1 (and marks
 * the transaction failed). */
int tx_exec(struct db_tx *tx, sqlite3_stmt *st);

/* accounts.c: a JSON text for the audit log, taking the reference to v
 * (free() it). */
char *audit_json(json_t *v);

/* audit.c: the chain's hash of one row. */
void audit_hash(const uint8_t prev[32], int64_t id, int64_t at, int64_t user_id,
                const char *address, const char *action, const char *object,
                const char *old_value, const char *new_value,
                const char *reason, uint8_t out[32]);
int audit_tip(struct conn *c, int64_t *id, uint8_t hash[32]);

/* Binding helpers: text may be NULL (bound as NULL). */
/* Binds a copy of the text (NULL: SQL NULL) or of the bytes; when the
 * copy cannot be made, the statement's next db_step fails (SQLITE_NOMEM)
 * instead of running without the value. */
void bind_text(sqlite3_stmt *st, int i, const char *s);
void bind_blob(sqlite3_stmt *st, int i, const void *data, size_t len);
/* sqlite3_step, unless a value could not be bound since the statement
 * was made ready (rd_stmt, tx_stmt). */
int db_step(sqlite3_stmt *st);
/* Copies column text into a fixed buffer (truncating at `size`). */
void column_copy(sqlite3_stmt *st, int i, char *out, size_t size);

#endif

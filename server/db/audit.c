/* audit.c: the hash-chained audit log: append and verify. */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "internal.h"

/* Each field is length-prefixed (8 bytes, little-endian; all ones for
 * NULL), so no two different rows hash the same bytes. */
static void
hash_field(crypto_hash_sha256_state *st, const void *data, size_t len,
           bool null)
{
	uint8_t prefix[8];
	uint64_t n = null ? UINT64_MAX : (uint64_t)len;

	for (int i = 0; i < 8; i++)
		prefix[i] = (uint8_t)(n >> (8 * i));
	crypto_hash_sha256_update(st, prefix, sizeof(prefix));
	if (!null && len > 0)
		crypto_hash_sha256_update(st, data, len);
}

static void
hash_text(crypto_hash_sha256_state *st, const char *s)
{
	hash_field(st, s, s != NULL ? strlen(s) : 0, s == NULL);
}

static void
hash_int(crypto_hash_sha256_state *st, int64_t v)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)((uint64_t)v >> (8 * i));
	hash_field(st, b, sizeof(b), false);
}

void
audit_hash(const uint8_t prev[32], int64_t id, int64_t at, int64_t user_id,
           const char *address, const char *action, const char *object,
           const char *old_value, const char *new_value, const char *reason,
           uint8_t out[32])
{
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	hash_field(&st, prev, 32, false);
	hash_int(&st, id);
	hash_int(&st, at);
	hash_int(&st, user_id);
	hash_text(&st, address);
	hash_text(&st, action);
	hash_text(&st, object);
	hash_text(&st, old_value);
	hash_text(&st, new_value);
	hash_text(&st, reason);
	crypto_hash_sha256_final(&st, out);
}

int
audit_tip(struct conn *c, int64_t *id, uint8_t hash[32])
{
	sqlite3_stmt *st = conn_stmt(c, STMT_AUDIT_TIP);
	int rc;

	*id = 0;
	memset(hash, 0, 32);
	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == 32)
			memcpy(hash, sqlite3_column_blob(st, 1), 32);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_audit(struct db_tx *tx, const char *action, const char *object,
         const char *old_value, const char *new_value, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_AUDIT_INSERT);
	int64_t id = tx->audit_id + 1, at = (int64_t)time(NULL);
	uint8_t hash[32];

	if (st == NULL)
		return -1;
	audit_hash(tx->hash, id, at, tx->actor.user_id, tx->address, action,
	           object, old_value, new_value, reason, hash);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, tx->actor.user_id);
	bind_text(st, 4, tx->address);
	bind_text(st, 5, action);
	bind_text(st, 6, object);
	bind_text(st, 7, old_value);
	bind_text(st, 8, new_value);
	bind_text(st, 9, reason);
	bind_blob(st, 10, tx->hash, 32);
	bind_blob(st, 11, hash, 32);
	if (tx_exec(tx, st) != 0) {
		tx->failed = true;
		return db_log_error(tx->db->writer.handle,
		                    "appending to the audit");
	}
	tx->audit_id = id;
	memcpy(tx->hash, hash, 32);
	return 0;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Does row `st` link to `prev` and hash to what it stores? */
static bool
row_holds(sqlite3_stmt *st, const uint8_t prev[32], int64_t expect_id)
{
	uint8_t want[32];

	if (sqlite3_column_int64(st, 0) != expect_id ||
	    sqlite3_column_bytes(st, 9) != 32 ||
	    sqlite3_column_bytes(st, 10) != 32 ||
	    memcmp(sqlite3_column_blob(st, 9), prev, 32) != 0)
		return false;
	audit_hash(prev, sqlite3_column_int64(st, 0),
	           sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
	           col_text(st, 3), col_text(st, 4), col_text(st, 5),
	           col_text(st, 6), col_text(st, 7), col_text(st, 8), want);
	return memcmp(sqlite3_column_blob(st, 10), want, 32) == 0;
}

int64_t
db_audit_verify(struct db *db, int64_t *rows)
{
	struct db_read *rd = db_read_begin(db);
	sqlite3_stmt *st = rd_stmt(rd, STMT_AUDIT_ALL);
	uint8_t prev[32] = { 0 };
	int64_t n = 0, bad = 0;
	int rc = SQLITE_DONE;

	while (st != NULL && bad == 0 && (rc = db_step(st)) == SQLITE_ROW) {
		if (!row_holds(st, prev, n + 1))
			bad = sqlite3_column_int64(st, 0);
		else
			memcpy(prev, sqlite3_column_blob(st, 10), 32);
		n++;
	}
	if (st != NULL)
		sqlite3_reset(st);
	db_read_end(rd);
	*rows = n;
	if (st == NULL || (rc != SQLITE_DONE && rc != SQLITE_ROW))
		return -1;
	/* a deleted tail cannot be seen from the rows alone: the tip is
	 * checked against the newest id on open by the caller if needed */
	return bad;
}

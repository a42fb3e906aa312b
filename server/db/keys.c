/* keys.c: the public parts of the certificates' signing keys: add, read,
 * retire, revoke (each write audited in its transaction). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void
key_row(sqlite3_stmt *st, struct db_signing_key *k)
{
	memset(k, 0, sizeof(*k));
	k->id = (unsigned)sqlite3_column_int(st, 0);
	if (sqlite3_column_bytes(st, 1) == 32)
		memcpy(k->public_key, sqlite3_column_blob(st, 1), 32);
	k->created_at = sqlite3_column_int64(st, 2);
	k->retired_at = sqlite3_column_int64(st, 3);
	k->revoked_at = sqlite3_column_int64(st, 4);
	column_copy(st, 5, k->reason, sizeof(k->reason));
}

static void
key_object(unsigned id, char out[32])
{
	snprintf(out, 32, "signing_key:%u", id);
}

int
db_key_add(struct db_tx *tx, const struct db_signing_key *k)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_KEY_INSERT);
	char object[32], b64[64], *value;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, (int)k->id);
	bind_blob(st, 2, k->public_key, 32);
	sqlite3_bind_int64(st, 3, k->created_at);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	sodium_bin2base64(b64, sizeof(b64), k->public_key, 32,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	key_object(k->id, object);
	value = audit_json(json_pack("{s:I, s:s}", "id", (json_int_t)k->id,
	                             "public_key", b64));
	rc = db_audit(tx, "key.create", object, NULL, value, NULL);
	free(value);
	return rc;
}

static int
key_get(sqlite3_stmt *st, unsigned id, struct db_signing_key *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, (int)id);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		key_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return DB_NOTFOUND;
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_key_get(struct db_read *rd, unsigned id, struct db_signing_key *out)
{
	return key_get(rd_stmt(rd, STMT_KEY_GET), id, out);
}

static int
key_each(sqlite3_stmt *st, int (*fn)(const struct db_signing_key *k, void *arg),
         void *arg)
{
	struct db_signing_key k;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == SQLITE_ROW) {
		key_row(st, &k);
		if (fn(&k, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_key_each(struct db_read *rd,
            int (*fn)(const struct db_signing_key *k, void *arg), void *arg)
{
	return key_each(rd_stmt(rd, STMT_KEYS), fn, arg);
}

int
db_key_each_tx(struct db_tx *tx,
               int (*fn)(const struct db_signing_key *k, void *arg), void *arg)
{
	return key_each(tx_stmt(tx, STMT_KEYS), fn, arg);
}

/* After an UPDATE that changed nothing: no such key, or a refused one. */
static int
unchanged(struct db_tx *tx, unsigned id)
{
	struct db_signing_key k;
	int rc = key_get(tx_stmt(tx, STMT_KEY_GET), id, &k);

	return rc == 0 ? DB_CONFLICT : rc;
}

/* Runs a retirement or revocation bound in `st` and audits it ("key.retire"
 * with retired_at, "key.revoke" with revoked_at and the reason). */
static int
key_changed(struct db_tx *tx, sqlite3_stmt *st, unsigned id, int64_t at,
            const char *what, const char *reason)
{
	char object[32], action[16], field[16], *value;
	int rc = tx_exec(tx, st);

	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return unchanged(tx, id);
	key_object(id, object);
	snprintf(action, sizeof(action), "key.%s", what);
	snprintf(field, sizeof(field), "%sd_at", what);
	value = audit_json(json_pack("{s:I}", field, (json_int_t)at));
	rc = db_audit(tx, action, object, NULL, value, reason);
	free(value);
	return rc;
}

int
db_key_retire(struct db_tx *tx, unsigned id, int64_t at)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_KEY_RETIRE);

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, (int)id);
	sqlite3_bind_int64(st, 2, at);
	return key_changed(tx, st, id, at, "retire", NULL);
}

int
db_key_revoke(struct db_tx *tx, unsigned id, int64_t at, const char *reason)
{
	sqlite3_stmt *st;

	if (reason == NULL || reason[0] == '\0')
		return DB_REASON;
	st = tx_stmt(tx, STMT_KEY_REVOKE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, (int)id);
	sqlite3_bind_int64(st, 2, at);
	bind_text(st, 3, reason);
	return key_changed(tx, st, id, at, "revoke", reason);
}

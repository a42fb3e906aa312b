/* accounts.c: the organisation, users and sessions tables. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "internal.h"

char *
audit_json(json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(v);
	return text;
}

static int
step_row(sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

int
db_org_get(struct db_read *rd, struct db_org *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_ORG_GET);
	int rc = step_row(st);

	if (rc == 0) {
		column_copy(st, 0, out->name, sizeof(out->name));
		column_copy(st, 1, out->province, sizeof(out->province));
		column_copy(st, 2, out->signatory, sizeof(out->signatory));
		column_copy(st, 3, out->signatory_title,
		            sizeof(out->signatory_title));
		column_copy(st, 4, out->public_url, sizeof(out->public_url));
	}
	return rc;
}

int
db_org_put(struct db_tx *tx, const struct db_org *org)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_ORG_PUT);
	char *value;
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, org->name);
	bind_text(st, 2, org->province);
	bind_text(st, 3, org->signatory);
	bind_text(st, 4, org->signatory_title);
	bind_text(st, 5, org->public_url);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	value = audit_json(json_pack(
	    "{s:s, s:s, s:s, s:s, s:s}", "name", org->name, "province",
	    org->province, "signatory", org->signatory, "signatory_title",
	    org->signatory_title, "public_url", org->public_url));
	rc = db_audit(tx, "org.update", "org:1", NULL, value, NULL);
	free(value);
	return rc;
}

static void
read_user(sqlite3_stmt *st, struct db_user *u)
{
	u->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, u->login, sizeof(u->login));
	column_copy(st, 2, u->name, sizeof(u->name));
	column_copy(st, 3, u->role, sizeof(u->role));
	column_copy(st, 4, u->password_hash, sizeof(u->password_hash));
	u->expert_id = sqlite3_column_int64(st, 5);
	u->disabled = sqlite3_column_int(st, 6) != 0;
}

int
db_user_by_login(struct db_read *rd, const char *login, struct db_user *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_USER_BY_LOGIN);
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, login);
	rc = step_row(st);
	if (rc == 0)
		read_user(st, out);
	return rc;
}

int
db_user_by_id(struct db_read *rd, int64_t id, struct db_user *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_USER_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = step_row(st);
	if (rc == 0)
		read_user(st, out);
	return rc;
}

int
db_user_create(struct db_tx *tx, const struct db_user *u, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_USER_INSERT);
	char object[64], *value;
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, u->login);
	bind_text(st, 2, u->name);
	bind_text(st, 3, u->role);
	bind_text(st, 4, u->password_hash);
	sqlite3_bind_int64(st, 5, u->expert_id);
	sqlite3_bind_int64(st, 6, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(object, sizeof(object), "user:%lld", (long long)*id);
	/* never the password hash in the log */
	value = audit_json(json_pack("{s:s, s:s, s:s, s:I}", "login", u->login,
	                             "name", u->name, "role", u->role,
	                             "expert_id", (json_int_t)u->expert_id));
	rc = db_audit(tx, "user.create", object, NULL, value, NULL);
	free(value);
	return rc;
}

int
db_user_count(struct db_read *rd, int64_t *count)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_USER_COUNT);
	int rc = step_row(st);

	*count = rc == 0 ? sqlite3_column_int64(st, 0) : 0;
	return rc == DB_NOTFOUND ? 0 : rc;
}

int
db_session_create(struct db_tx *tx, const uint8_t token_hash[32],
                  const struct db_session *s, const char *address, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SESSION_INSERT);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	bind_blob(st, 1, token_hash, 32);
	sqlite3_bind_int64(st, 2, s->user_id);
	bind_text(st, 3, s->csrf);
	sqlite3_bind_int64(st, 4, s->created_at);
	sqlite3_bind_int64(st, 5, s->expires_at);
	bind_text(st, 6, address);
	sqlite3_bind_int64(st, 7, s->edition_id);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(object, sizeof(object), "user:%lld", (long long)s->user_id);
	return db_audit(tx, "session.login", object, NULL, NULL, NULL);
}

int
db_session_by_hash(struct db_read *rd, const uint8_t token_hash[32],
                   struct db_session *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_SESSION_BY_HASH);
	int rc;

	if (st == NULL)
		return -1;
	bind_blob(st, 1, token_hash, 32);
	rc = step_row(st);
	if (rc == 0) {
		out->id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		column_copy(st, 2, out->csrf, sizeof(out->csrf));
		out->created_at = sqlite3_column_int64(st, 3);
		out->expires_at = sqlite3_column_int64(st, 4);
		out->edition_id = sqlite3_column_int64(st, 5);
	}
	return rc;
}

int
db_session_delete(struct db_tx *tx, int64_t id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SESSION_DELETE);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "session:%lld", (long long)id);
	return db_audit(tx, "session.logout", object, NULL, NULL, NULL);
}

int
db_session_purge(struct db_tx *tx, int64_t now)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_SESSION_PURGE);
	char value[64];

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if (tx_exec(tx, st) != 0)
		return -1;
	snprintf(value, sizeof(value), "{\"removed\":%d}",
	         sqlite3_changes(tx->db->writer.handle));
	return db_audit(tx, "session.purge", "sessions", NULL, value, NULL);
}

int
db_link_create(struct db_tx *tx, const uint8_t token_hash[32], int64_t user_id,
               int64_t expires_at)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_LINK_INSERT);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	bind_blob(st, 1, token_hash, 32);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 4, expires_at);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "user:%lld", (long long)user_id);
	return db_audit(tx, "link.create", object, NULL, NULL, NULL);
}

static int
link_use(struct db_tx *tx, enum stmt id, const uint8_t hash[32], int64_t now,
         const char *address, struct db_link_login *out)
{
	sqlite3_stmt *st = tx_stmt(tx, id);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	bind_blob(st, 1, hash, 32);
	sqlite3_bind_int64(st, 2, now);
	bind_text(st, 3, address);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		out->user_id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
	}
	/* finish the UPDATE before anything else runs on the connection */
	while (rc == SQLITE_ROW)
		rc = db_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		tx->failed = true;
		return db_log_error(tx->db->writer.handle,
		                    "using a login link");
	}
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	snprintf(object, sizeof(object), "user:%lld", (long long)out->user_id);
	return db_audit(tx, id == STMT_LINK_USE ? "link.use" : "card.code.use",
	                object, NULL, NULL, NULL);
}

int
db_link_use(struct db_tx *tx, const uint8_t token_hash[32], int64_t now,
            const char *address, struct db_link_login *out)
{
	return link_use(tx, STMT_LINK_USE, token_hash, now, address, out);
}

int
db_link_usable(struct db_read *rd, const uint8_t token_hash[32], int64_t now)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_LINK_USABLE);

	if (st == NULL)
		return -1;
	bind_blob(st, 1, token_hash, 32);
	sqlite3_bind_int64(st, 2, now);
	return step_row(st);
}

int
db_code_use(struct db_tx *tx, const uint8_t code_hash[32], int64_t now,
            const char *address, struct db_link_login *out)
{
	return link_use(tx, STMT_LINK_USE_CODE, code_hash, now, address, out);
}

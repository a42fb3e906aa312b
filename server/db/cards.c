/* cards.c: judges' login cards: who should have one in an edition and
 * the state of their latest card, judge accounts made for them, and
 * issuing a card (the old ones revoked). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static void
read_card(sqlite3_stmt *st, struct db_card *c)
{
	memset(c, 0, sizeof(*c));
	c->expert_id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, c->name, sizeof(c->name));
	c->user_id = sqlite3_column_int64(st, 2);
	column_copy(st, 3, c->login, sizeof(c->login));
	column_copy(st, 4, c->panels, sizeof(c->panels));
	column_copy(st, 5, c->chairs, sizeof(c->chairs));
	c->issued_at = sqlite3_column_int64(st, 6);
	c->used_at = sqlite3_column_int64(st, 7);
	column_copy(st, 8, c->used_from, sizeof(c->used_from));
	c->revoked_at = sqlite3_column_int64(st, 9);
	c->expires_at = sqlite3_column_int64(st, 10);
	c->cards = sqlite3_column_int64(st, 11);
}

int
db_cards_each(struct db_read *rd, int64_t edition,
              int (*fn)(const struct db_card *c, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_CARDS);
	struct db_card c;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		read_card(st, &c);
		if (fn(&c, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_judge_user(struct db_tx *tx, int64_t expert_id, const char *name,
              int64_t *user_id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_JUDGE_USER);
	struct db_user u = { 0 };
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, expert_id);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		*user_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE) {
		tx->failed = true;
		return db_log_error(tx->db->writer.handle, "finding a judge");
	}
	/* no password: such an account logs in with its cards only */
	snprintf(u.login, sizeof(u.login), "gk-x%lld", (long long)expert_id);
	snprintf(u.name, sizeof(u.name), "%s", name);
	snprintf(u.role, sizeof(u.role), "judge");
	u.expert_id = expert_id;
	return db_user_create(tx, &u, user_id);
}

static int
exec_ids(struct db_tx *tx, enum stmt id, int64_t a, int64_t b, int64_t c)
{
	sqlite3_stmt *st = tx_stmt(tx, id);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (c != 0)
		sqlite3_bind_int64(st, 3, c);
	return tx_exec(tx, st);
}

int
db_card_issue(struct db_tx *tx, int64_t user_id, int64_t edition,
              const uint8_t token_hash[32], const uint8_t code_hash[32],
              int64_t expires_at, bool end_sessions)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CARD_INSERT);
	int64_t now = (int64_t)time(NULL);
	char object[64], value[160];
	int rc;

	if (st == NULL)
		return -1;
	rc = exec_ids(tx, STMT_CARD_REVOKE, user_id, edition, now);
	if (rc == 0 && end_sessions)
		rc = exec_ids(tx, STMT_CARD_END_SESSIONS, user_id, edition, 0);
	if (rc != 0)
		return rc;
	bind_blob(st, 1, token_hash, 32);
	bind_blob(st, 2, code_hash, 32);
	sqlite3_bind_int64(st, 3, user_id);
	sqlite3_bind_int64(st, 4, edition);
	sqlite3_bind_int64(st, 5, now);
	sqlite3_bind_int64(st, 6, expires_at);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "user:%lld", (long long)user_id);
	snprintf(value, sizeof(value),
	         "{\"edition\":%lld,\"expires_at\":%lld,"
	         "\"sessions_ended\":%s}",
	         (long long)edition, (long long)expires_at,
	         end_sessions ? "true" : "false");
	return db_audit(tx, "card.issue", object, NULL, value, NULL);
}

/* ballot.c: secret ballots. A cast is stored as two unrelated things:
 * that the member has cast (ballot_casts, no votes) and each vote added
 * to its dossier's tally (ballot_tallies, no member). The audit row says
 * who cast and on how many dossiers, never how. */
#include <stdio.h>
#include <time.h>

#include "internal.h"

static int
paper(sqlite3_stmt *st, int64_t edition, int64_t expert, int64_t *ids,
      size_t cap, size_t *n)
{
	int rc;

	if (st == NULL)
		return -1;
	*n = 0;
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_int64(st, 2, expert);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		if (*n < cap)
			ids[*n] = sqlite3_column_int64(st, 0);
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_ballot_paper(struct db_read *rd, int64_t edition, int64_t expert,
                int64_t *ids, size_t cap, size_t *n)
{
	return paper(rd_stmt(rd, STMT_BALLOT_PAPER), edition, expert, ids, cap,
	             n);
}

int
db_ballot_paper_tx(struct db_tx *tx, int64_t edition, int64_t expert,
                   int64_t *ids, size_t cap, size_t *n)
{
	return paper(tx_stmt(tx, STMT_BALLOT_PAPER), edition, expert, ids, cap,
	             n);
}

int
db_ballot_cast_get(struct db_read *rd, int64_t edition, int64_t expert,
                   int64_t *at, int *dossiers)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_BALLOT_CAST_GET);
	int rc;

	*at = 0;
	*dossiers = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_int64(st, 2, expert);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		*at = sqlite3_column_int64(st, 0);
		*dossiers = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int
closed(sqlite3_stmt *st, int64_t edition, int64_t expert)
{
	int rc, count = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_int64(st, 2, expert);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		count = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc != SQLITE_ROW ? -1 : count > 0;
}

int
db_ballot_closed(struct db_read *rd, int64_t edition, int64_t expert)
{
	return closed(rd_stmt(rd, STMT_BALLOT_CLOSED), edition, expert);
}

int
db_ballot_closed_tx(struct db_tx *tx, int64_t edition, int64_t expert)
{
	return closed(tx_stmt(tx, STMT_BALLOT_CLOSED), edition, expert);
}

/* Has this client id been cast before? DB_DUPLICATE by this member in
 * this edition, DB_CONFLICT by someone else, 0 not seen. */
static int
seen(struct db_tx *tx, const char *client_id, int64_t edition, int64_t expert)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_BALLOT_CLIENT);
	int rc, out = 0;

	if (st == NULL)
		return -1;
	bind_text(st, 1, client_id);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		out = sqlite3_column_int64(st, 0) == edition &&
		              sqlite3_column_int64(st, 1) == expert
		          ? DB_DUPLICATE
		          : DB_CONFLICT;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? out : -1;
}

static int
add_vote(struct db_tx *tx, int64_t entry, bool yes)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_BALLOT_TALLY_ADD);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int(st, 2, yes ? 1 : 0);
	sqlite3_bind_int(st, 3, yes ? 0 : 1);
	return tx_exec(tx, st);
}

int
db_ballot_cast(struct db_tx *tx, int64_t edition, int64_t expert,
               const char *client_id, const int64_t *entries, const bool *yes,
               size_t n)
{
	sqlite3_stmt *st;
	char object[64], counted[64];
	int rc = seen(tx, client_id, edition, expert);

	if (rc != 0)
		return rc;
	st = tx_stmt(tx, STMT_BALLOT_CAST_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_int64(st, 2, expert);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 4, (int64_t)n);
	bind_text(st, 5, client_id);
	rc = tx_exec(tx, st);
	if (rc == DB_DUPLICATE)
		return DB_CONFLICT; /* (edition, expert) cast already */
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = add_vote(tx, entries[i], yes[i]);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "edition:%lld/expert:%lld",
	         (long long)edition, (long long)expert);
	snprintf(counted, sizeof(counted), "{\"dossiers\":%zu}", n);
	return db_audit(tx, "ballot.cast", object, NULL, counted, NULL);
}

int
db_ballot_tallies_each(struct db_read *rd, int64_t edition,
                       int (*fn)(const struct db_tally *t, void *arg),
                       void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_BALLOT_TALLIES);
	struct db_tally t;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		column_copy(st, 0, t.code, sizeof(t.code));
		column_copy(st, 1, t.field, sizeof(t.field));
		t.yes = sqlite3_column_int64(st, 2);
		t.no = sqlite3_column_int64(st, 3);
		if (fn(&t, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_ballot_casts_count(struct db_read *rd, int64_t edition, int64_t *n)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_BALLOT_CASTS_COUNT);
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

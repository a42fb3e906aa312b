/* certs.c: issued certificates: their printed facts, the key and the
 * signature that bind them, the code in their QR, and their revocation
 * (a correction supersedes one with a link to its replacement). The facts
 * never change once written (a trigger refuses), so a row altered behind
 * the server's back fails its signature. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static void
bind_cert(sqlite3_stmt *st, const struct db_cert *c)
{
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->edition_id);
	sqlite3_bind_int64(st, 3, c->posting_id);
	bind_text(st, 4, c->entry_code);
	sqlite3_bind_int(st, 5, c->collective);
	bind_text(st, 6, c->recipient);
	bind_text(st, 7, c->birth_date);
	bind_text(st, 8, c->school);
	bind_text(st, 9, c->entry);
	bind_text(st, 10, c->entry_title);
	bind_text(st, 11, c->field);
	bind_text(st, 12, c->prize);
	bind_text(st, 13, c->edition);
	bind_text(st, 14, c->decision);
	bind_text(st, 15, c->issued);
	sqlite3_bind_int(st, 16, (int)c->key_id);
	sqlite3_bind_blob(st, 17, c->signature, sizeof(c->signature),
	                  SQLITE_STATIC);
	bind_text(st, 18, c->code);
	sqlite3_bind_int64(st, 19, c->created_at);
	sqlite3_bind_int64(st, 20, c->created_by);
}

/* The columns of STMT_CERT_* selects, in this order. */
static void
read_cert(sqlite3_stmt *st, struct db_cert *c)
{
	const void *sig;

	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	c->edition_id = sqlite3_column_int64(st, 1);
	c->posting_id = sqlite3_column_int64(st, 2);
	column_copy(st, 3, c->entry_code, sizeof(c->entry_code));
	c->collective = sqlite3_column_int(st, 4) != 0;
	column_copy(st, 5, c->recipient, sizeof(c->recipient));
	column_copy(st, 6, c->birth_date, sizeof(c->birth_date));
	column_copy(st, 7, c->school, sizeof(c->school));
	column_copy(st, 8, c->entry, sizeof(c->entry));
	column_copy(st, 9, c->entry_title, sizeof(c->entry_title));
	column_copy(st, 10, c->field, sizeof(c->field));
	column_copy(st, 11, c->prize, sizeof(c->prize));
	column_copy(st, 12, c->edition, sizeof(c->edition));
	column_copy(st, 13, c->decision, sizeof(c->decision));
	column_copy(st, 14, c->issued, sizeof(c->issued));
	c->key_id = (unsigned)sqlite3_column_int(st, 15);
	sig = sqlite3_column_blob(st, 16);
	if (sig != NULL && sqlite3_column_bytes(st, 16) == sizeof(c->signature))
		memcpy(c->signature, sig, sizeof(c->signature));
	column_copy(st, 17, c->code, sizeof(c->code));
	c->created_at = sqlite3_column_int64(st, 18);
	c->revoked_at = sqlite3_column_int64(st, 19);
	column_copy(st, 20, c->revoked_reason, sizeof(c->revoked_reason));
	c->replaced_by = sqlite3_column_int64(st, 21);
}

int
db_cert_next_serial(struct db_tx *tx, int64_t *serial)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CERT_NEXT);
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		*serial = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_cert_add(struct db_tx *tx, const struct db_cert *c)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CERT_INSERT);
	char object[48];
	int rc;

	if (st == NULL)
		return -1;
	bind_cert(st, c);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "certificate:%lld", (long long)c->id);
	return db_audit(tx, "certificate.issue", object, NULL, c->code, NULL);
}

int
db_cert_revoke(struct db_tx *tx, int64_t id, const char *reason,
               int64_t replaced_by)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CERT_REVOKE);
	char object[48], by[48];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	bind_text(st, 3, reason);
	if (replaced_by != 0)
		sqlite3_bind_int64(st, 4, replaced_by);
	else
		sqlite3_bind_null(st, 4);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_CONFLICT; /* unknown, or revoked already */
	snprintf(object, sizeof(object), "certificate:%lld", (long long)id);
	snprintf(by, sizeof(by), "%lld", (long long)replaced_by);
	return db_audit(tx, "certificate.revoke", object, NULL,
	                replaced_by != 0 ? by : NULL, reason);
}

static int
get_by(sqlite3_stmt *st, struct db_cert *out)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		read_cert(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

int
db_cert_by_code(struct db_read *rd, const char *code, struct db_cert *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_CERT_BY_CODE);

	if (st != NULL)
		bind_text(st, 1, code);
	return get_by(st, out);
}

int
db_cert_get(struct db_read *rd, int64_t id, struct db_cert *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_CERT_BY_ID);

	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	return get_by(st, out);
}

static int
each(sqlite3_stmt *st, int64_t edition,
     int (*fn)(const struct db_cert *c, void *arg), void *arg)
{
	struct db_cert *c;
	int rc;

	if (st == NULL)
		return -1;
	c = xmalloc(sizeof(*c));
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		read_cert(st, c);
		if (fn(c, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	free(c);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_certs_each(struct db_read *rd, int64_t edition,
              int (*fn)(const struct db_cert *c, void *arg), void *arg)
{
	return each(rd_stmt(rd, STMT_CERTS_OF_EDITION), edition, fn, arg);
}

int
db_certs_each_tx(struct db_tx *tx, int64_t edition,
                 int (*fn)(const struct db_cert *c, void *arg), void *arg)
{
	return each(tx_stmt(tx, STMT_CERTS_OF_EDITION), edition, fn, arg);
}

struct standing {
	struct db_cert *c;
	size_t n, cap;
};

static int
collect_standing(const struct db_cert *c, void *arg)
{
	struct standing *s = arg;

	if (c->revoked_at != 0)
		return 0;
	/* doubling: an edition may give thousands, each a few KB */
	if (s->n == s->cap) {
		s->cap = s->cap > 0 ? 2 * s->cap : 64;
		s->c = xreallocarray(s->c, s->cap, sizeof(*s->c));
	}
	s->c[s->n++] = *c;
	return 0;
}

int
db_certs_standing(struct db_read *rd, int64_t edition, struct db_cert **out,
                  size_t *n)
{
	struct standing s = { 0 };
	int rc = db_certs_each(rd, edition, collect_standing, &s);

	if (rc != 0) {
		free(s.c);
		s.c = NULL;
		s.n = 0;
	}
	*out = s.c;
	*n = s.n;
	return rc;
}

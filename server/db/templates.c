/* templates.c: the look of a program's certificates as its organisers
 * edit it: read, store (replacing), remove; each write audited in its
 * transaction. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static void
template_row(sqlite3_stmt *st, struct db_cert_template *t)
{
	const void *seal = sqlite3_column_blob(st, 14);
	int len = sqlite3_column_bytes(st, 14);

	memset(t, 0, sizeof(*t));
	column_copy(st, 0, t->program, sizeof(t->program));
	column_copy(st, 1, t->prize, sizeof(t->prize));
	column_copy(st, 2, t->heading, sizeof(t->heading));
	column_copy(st, 3, t->lead, sizeof(t->lead));
	column_copy(st, 4, t->body, sizeof(t->body));
	column_copy(st, 5, t->issuer, sizeof(t->issuer));
	column_copy(st, 6, t->signer_title, sizeof(t->signer_title));
	t->colour = (unsigned)sqlite3_column_int(st, 7);
	t->accent = (unsigned)sqlite3_column_int(st, 8);
	t->show_birth = sqlite3_column_int(st, 9) != 0;
	t->show_school = sqlite3_column_int(st, 10) != 0;
	t->show_entry = sqlite3_column_int(st, 11) != 0;
	t->show_field = sqlite3_column_int(st, 12) != 0;
	t->show_decision = sqlite3_column_int(st, 13) != 0;
	if (seal != NULL && len > 0) {
		t->seal = xmalloc((size_t)len);
		memcpy(t->seal, seal, (size_t)len);
		t->seal_len = (size_t)len;
	}
	t->updated_at = sqlite3_column_int64(st, 15);
}

int
db_cert_template_get(struct db_read *rd, const char *program, const char *prize,
                     struct db_cert_template *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_TEMPLATE_GET);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	bind_text(st, 1, program);
	bind_text(st, 2, prize);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		template_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

static void
template_object(const char *program, const char *prize, char out[320])
{
	snprintf(out, 320, "cert_template:%s/%s", program, prize);
}

/* What the audit row says of a template: every field, the seal by its
 * size and hash (the image itself is in the row). */
static char *
template_json(const struct db_cert_template *t)
{
	unsigned char hash[32];
	char hex[65] = "";

	if (t->seal != NULL) {
		crypto_hash_sha256(hash, t->seal, t->seal_len);
		sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	}
	return audit_json(json_pack(
	    "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:b, s:b, s:b, "
	    "s:b, s:b, s:I, s:s}",
	    "program", t->program, "prize", t->prize, "heading", t->heading,
	    "lead", t->lead, "body", t->body, "issuer", t->issuer,
	    "signer_title", t->signer_title, "colour", (json_int_t)t->colour,
	    "accent", (json_int_t)t->accent, "show_birth", t->show_birth,
	    "show_school", t->show_school, "show_entry", t->show_entry,
	    "show_field", t->show_field, "show_decision", t->show_decision,
	    "seal_bytes", (json_int_t)t->seal_len, "seal_sha256", hex));
}

static void
bind_template(sqlite3_stmt *st, const struct db_cert_template *t, int64_t by)
{
	bind_text(st, 1, t->program);
	bind_text(st, 2, t->prize);
	bind_text(st, 3, t->heading);
	bind_text(st, 4, t->lead);
	bind_text(st, 5, t->body);
	bind_text(st, 6, t->issuer);
	bind_text(st, 7, t->signer_title);
	sqlite3_bind_int(st, 8, (int)t->colour);
	sqlite3_bind_int(st, 9, (int)t->accent);
	sqlite3_bind_int(st, 10, t->show_birth);
	sqlite3_bind_int(st, 11, t->show_school);
	sqlite3_bind_int(st, 12, t->show_entry);
	sqlite3_bind_int(st, 13, t->show_field);
	sqlite3_bind_int(st, 14, t->show_decision);
	if (t->seal != NULL)
		bind_blob(st, 15, t->seal, t->seal_len);
	else
		sqlite3_bind_null(st, 15);
	sqlite3_bind_int64(st, 16, (int64_t)time(NULL));
	sqlite3_bind_int64(st, 17, by);
}

int
db_cert_template_put(struct db_tx *tx, const struct db_cert_template *t)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_TEMPLATE_PUT);
	char object[320], *value;
	int rc;

	if (st == NULL)
		return -1;
	bind_template(st, t, tx->actor.user_id);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	template_object(t->program, t->prize, object);
	value = template_json(t);
	rc = db_audit(tx, "cert_template.update", object, NULL, value, NULL);
	free(value);
	return rc;
}

int
db_cert_template_delete(struct db_tx *tx, const char *program,
                        const char *prize)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_TEMPLATE_DELETE);
	char object[320];
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, program);
	bind_text(st, 2, prize);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(sqlite3_db_handle(st)) == 0)
		return DB_NOTFOUND;
	template_object(program, prize, object);
	return db_audit(tx, "cert_template.reset", object, NULL, NULL, NULL);
}

void
db_cert_template_release(struct db_cert_template *t)
{
	free(t->seal);
	t->seal = NULL;
	t->seal_len = 0;
}

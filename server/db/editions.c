/* editions.c: editions of a program and their rubric versions. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static void
read_edition(sqlite3_stmt *st, struct db_edition *e)
{
	e->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, e->program, sizeof(e->program));
	e->number = sqlite3_column_int(st, 2);
	e->year_from = sqlite3_column_int(st, 3);
	e->year_to = sqlite3_column_int(st, 4);
	column_copy(st, 5, e->level, sizeof(e->level));
	column_copy(st, 6, e->title, sizeof(e->title));
	column_copy(st, 7, e->state, sizeof(e->state));
	column_copy(st, 8, e->submit_until, sizeof(e->submit_until));
	column_copy(st, 9, e->judging_until, sizeof(e->judging_until));
	column_copy(st, 10, e->posting_from, sizeof(e->posting_from));
	column_copy(st, 11, e->posting_until, sizeof(e->posting_until));
	column_copy(st, 12, e->org_name, sizeof(e->org_name));
	column_copy(st, 13, e->org_province, sizeof(e->org_province));
	column_copy(st, 14, e->signatory, sizeof(e->signatory));
	column_copy(st, 15, e->signatory_title, sizeof(e->signatory_title));
	e->hide_authors = sqlite3_column_int(st, 16) != 0;
	column_copy(st, 17, e->applied_from, sizeof(e->applied_from));
	column_copy(st, 18, e->birth_from, sizeof(e->birth_from));
	column_copy(st, 19, e->birth_until, sizeof(e->birth_until));
	e->side_prizes = sqlite3_column_int(st, 20);
}

static json_t *
edition_json(const struct db_edition *e)
{
	return json_pack(
	    "{s:s, s:i, s:i, s:i, s:s, s:s, s:s, s:s, s:s, s:s,"
	    " s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:s, s:i}",
	    "program", e->program, "number", e->number, "year_from",
	    e->year_from, "year_to", e->year_to, "level", e->level, "title",
	    e->title, "submit_until", e->submit_until, "judging_until",
	    e->judging_until, "posting_from", e->posting_from, "posting_until",
	    e->posting_until, "org_name", e->org_name, "org_province",
	    e->org_province, "signatory", e->signatory, "signatory_title",
	    e->signatory_title, "hide_authors", e->hide_authors, "applied_from",
	    e->applied_from, "birth_from", e->birth_from, "birth_until",
	    e->birth_until, "side_prizes", e->side_prizes);
}

static void
bind_edition(sqlite3_stmt *st, const struct db_edition *e)
{
	bind_text(st, 1, e->program);
	sqlite3_bind_int(st, 2, e->number);
	sqlite3_bind_int(st, 3, e->year_from);
	sqlite3_bind_int(st, 4, e->year_to);
	bind_text(st, 5, e->level);
	bind_text(st, 6, e->title);
	bind_text(st, 7, e->submit_until);
	bind_text(st, 8, e->judging_until);
	bind_text(st, 9, e->posting_from);
	bind_text(st, 10, e->posting_until);
	bind_text(st, 11, e->org_name);
	bind_text(st, 12, e->org_province);
	bind_text(st, 13, e->signatory);
	bind_text(st, 14, e->signatory_title);
	sqlite3_bind_int(st, 15, e->hide_authors);
	sqlite3_bind_int64(st, 16, (int64_t)time(NULL));
	bind_text(st, 17, e->applied_from);
	bind_text(st, 18, e->birth_from);
	bind_text(st, 19, e->birth_until);
	sqlite3_bind_int(st, 21, e->side_prizes);
}

static int
rubric_insert(struct db_tx *tx, int64_t edition, int version, const char *json,
              const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_RUBRIC_INSERT);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_int(st, 2, version);
	bind_text(st, 3, json);
	bind_text(st, 4, reason != NULL ? reason : "");
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	snprintf(object, sizeof(object), "edition:%lld/rubric:%d",
	         (long long)edition, version);
	return db_audit(tx, "rubric.create", object, NULL, json, reason);
}

int
db_edition_create(struct db_tx *tx, const struct db_edition *e,
                  const char *rubric_json, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_EDITION_INSERT);
	char object[64], *value;
	json_t *v;
	int rc;

	if (st == NULL)
		return -1;
	bind_edition(st, e);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(object, sizeof(object), "edition:%lld", (long long)*id);
	v = edition_json(e);
	value = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(v);
	rc = db_audit(tx, "edition.create", object, NULL, value, NULL);
	free(value);
	if (rc != 0)
		return rc;
	return rubric_insert(tx, *id, 1, rubric_json, NULL);
}

int
db_edition_get(struct db_read *rd, int64_t id, struct db_edition *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_EDITION_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == SQLITE_ROW) {
		read_edition(st, out);
		return 0;
	}
	return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

int
db_edition_each(struct db_read *rd,
                int (*fn)(const struct db_edition *e, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_EDITION_LIST);
	struct db_edition e;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == SQLITE_ROW) {
		read_edition(st, &e);
		if (fn(&e, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_edition_set_state(struct db_tx *tx, int64_t id, const char *from,
                     const char *to, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_EDITION_SET_STATE);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, to);
	sqlite3_bind_int64(st, 2, id);
	bind_text(st, 3, from);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	snprintf(object, sizeof(object), "edition:%lld", (long long)id);
	return db_audit(tx, "edition.state", object, from, to, reason);
}

int
db_rubric_latest(struct db_read *rd, int64_t edition, int *version, char **json)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_RUBRIC_LATEST);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	rc = db_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	*version = sqlite3_column_int(st, 0);
	/* the text is only read (from its overflow pages) when asked for */
	if (json != NULL)
		*json = xstrdup((const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int
scored(sqlite3_stmt *st, int64_t edition)
{
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	if (db_step(st) != SQLITE_ROW)
		return -1;
	return sqlite3_column_int(st, 0) != 0;
}

int
db_rubric_scored(struct db_read *rd, int64_t edition)
{
	return scored(rd_stmt(rd, STMT_RUBRIC_SCORED), edition);
}

int
db_rubric_scored_tx(struct db_tx *tx, int64_t edition)
{
	return scored(tx_stmt(tx, STMT_RUBRIC_SCORED), edition);
}

/* The first field used by an entry of the edition that is not in
 * `fields`, copied into `out`; 1 when there is one. */
static int
field_dropped(struct db_tx *tx, int64_t edition, const char *const *fields,
              size_t n, char *out, size_t size)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_FIELDS_USED);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		const char *used = (const char *)sqlite3_column_text(st, 0);
		size_t i = 0;

		while (i < n && strcmp(fields[i], used) != 0)
			i++;
		if (i == n) {
			snprintf(out, size, "%s", used);
			return 1;
		}
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_rubric_add(struct db_tx *tx, int64_t edition, const char *json,
              const char *reason, const char *const *fields, size_t n,
              int *version, char *field, size_t field_size)
{
	sqlite3_stmt *st;
	int rc = db_rubric_scored_tx(tx, edition);

	if (rc < 0)
		return -1;
	if (rc == 1 && (reason == NULL || *reason == '\0'))
		return DB_CONFLICT;
	rc = field_dropped(tx, edition, fields, n, field, field_size);
	if (rc != 0)
		return rc < 0 ? -1 : DB_INUSE;
	st = tx_stmt(tx, STMT_RUBRIC_LATEST);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	if (db_step(st) != SQLITE_ROW)
		return DB_NOTFOUND;
	*version = sqlite3_column_int(st, 0) + 1;
	sqlite3_reset(st);
	return rubric_insert(tx, edition, *version, json, reason);
}

int
db_edition_get_tx(struct db_tx *tx, int64_t id, struct db_edition *out)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_EDITION_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		read_edition(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

static char *
edition_text(const struct db_edition *e)
{
	json_t *v = edition_json(e);
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(v);
	return text;
}

int
db_edition_update(struct db_tx *tx, int64_t id, const struct db_edition *e)
{
	struct db_edition *old = xmalloc(sizeof(*old));
	sqlite3_stmt *st;
	char object[64], *before = NULL, *after = NULL;
	int rc = db_edition_get_tx(tx, id, old);

	st = rc == 0 ? tx_stmt(tx, STMT_EDITION_UPDATE) : NULL;
	if (rc == 0 && st == NULL)
		rc = -1;
	if (rc == 0) {
		bind_edition(st, e);
		sqlite3_bind_int64(st, 20, id);
		rc = tx_exec(tx, st);
	}
	if (rc == 0) {
		snprintf(object, sizeof(object), "edition:%lld", (long long)id);
		before = edition_text(old);
		after = edition_text(e);
		rc =
		    db_audit(tx, "edition.update", object, before, after, NULL);
	}
	free(before);
	free(after);
	free(old);
	return rc;
}

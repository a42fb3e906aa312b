/* entries.c: entries, their authors and attachments. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static json_t *
entry_json(const struct db_entry *e)
{
	json_t *o = json_pack(
	    "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "code", e->code,
	    "title", e->title, "field", e->field, "summary", e->summary,
	    "organisation", e->organisation, "district", e->district,
	    "applied_since", e->applied_since, "applied_place",
	    e->applied_place, "prior_awards", e->prior_awards);
	json_t *authors = json_array();

	for (size_t i = 0; i < e->nauthors; i++) {
		const struct db_author *a = &e->authors[i];

		json_array_append_new(
		    authors,
		    json_pack("{s:s, s:s, s:s, s:s, s:s}", "name", a->name,
		              "birth_date", a->birth_date, "ethnicity",
		              a->ethnicity, "unit", a->unit, "role", a->role));
	}
	json_object_set_new(o, "authors", authors);
	return o;
}

static char *
entry_text(const struct db_entry *e)
{
	json_t *v = entry_json(e);
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(v);
	return text;
}

/* Binds columns 2..10 (code .. prior_awards), shared by insert/update. */
static void
bind_details(sqlite3_stmt *st, const struct db_entry *e)
{
	bind_text(st, 2, e->code);
	bind_text(st, 3, e->title);
	bind_text(st, 4, e->field);
	bind_text(st, 5, e->summary);
	bind_text(st, 6, e->organisation);
	bind_text(st, 7, e->district);
	bind_text(st, 8, e->applied_since);
	bind_text(st, 9, e->applied_place);
	bind_text(st, 10, e->prior_awards);
}

static int
insert_authors(struct db_tx *tx, int64_t entry, const struct db_entry *e)
{
	for (size_t i = 0; i < e->nauthors; i++) {
		const struct db_author *a = &e->authors[i];
		sqlite3_stmt *st = tx_stmt(tx, STMT_AUTHOR_INSERT);

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, entry);
		sqlite3_bind_int(st, 2, (int)i);
		bind_text(st, 3, a->name);
		bind_text(st, 4, a->birth_date);
		bind_text(st, 5, a->ethnicity);
		bind_text(st, 6, a->unit);
		bind_text(st, 7, a->role);
		if (tx_exec(tx, st) != 0)
			return -1;
	}
	return 0;
}

int
db_entry_create(struct db_tx *tx, const struct db_entry *e, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_ENTRY_INSERT);
	char object[64], *value;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->edition_id);
	bind_details(st, e);
	sqlite3_bind_int64(st, 11, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	if (insert_authors(tx, *id, e) != 0)
		return -1;
	snprintf(object, sizeof(object), "entry:%lld", (long long)*id);
	value = entry_text(e);
	rc = db_audit(tx, "entry.create", object, NULL, value, NULL);
	free(value);
	return rc;
}

int
db_entry_update(struct db_tx *tx, const struct db_entry *e)
{
	struct db_read rd = { tx->db, &tx->db->writer };
	struct db_entry *old = xmalloc(sizeof(*old));
	sqlite3_stmt *st;
	char object[64], *before = NULL, *after = NULL;
	int rc = db_entry_get(&rd, e->id, old);

	if (rc == 0 && (st = tx_stmt(tx, STMT_ENTRY_UPDATE)) != NULL) {
		sqlite3_bind_int64(st, 1, e->id);
		bind_details(st, e);
		rc = tx_exec(tx, st);
	} else if (rc == 0) {
		rc = -1;
	}
	if (rc == 0 && (st = tx_stmt(tx, STMT_AUTHOR_DELETE)) != NULL) {
		sqlite3_bind_int64(st, 1, e->id);
		rc = tx_exec(tx, st) == 0 ? insert_authors(tx, e->id, e) : -1;
	}
	if (rc == 0) {
		snprintf(object, sizeof(object), "entry:%lld",
		         (long long)e->id);
		before = entry_text(old);
		after = entry_text(e);
		rc = db_audit(tx, "entry.update", object, before, after, NULL);
	}
	free(before);
	free(after);
	free(old);
	return rc;
}

static void
read_entry(sqlite3_stmt *st, struct db_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->edition_id = sqlite3_column_int64(st, 1);
	column_copy(st, 2, e->code, sizeof(e->code));
	column_copy(st, 3, e->title, sizeof(e->title));
	column_copy(st, 4, e->field, sizeof(e->field));
	column_copy(st, 5, e->summary, sizeof(e->summary));
	column_copy(st, 6, e->organisation, sizeof(e->organisation));
	column_copy(st, 7, e->district, sizeof(e->district));
	column_copy(st, 8, e->applied_since, sizeof(e->applied_since));
	column_copy(st, 9, e->applied_place, sizeof(e->applied_place));
	column_copy(st, 10, e->prior_awards, sizeof(e->prior_awards));
	column_copy(st, 11, e->eligibility, sizeof(e->eligibility));
	column_copy(st, 12, e->eligibility_reason,
	            sizeof(e->eligibility_reason));
}

static int
read_authors(struct conn *c, struct db_entry *e)
{
	sqlite3_stmt *st = conn_stmt(c, STMT_AUTHOR_LIST);
	int rc;

	e->nauthors = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	while ((rc = db_step(st)) == SQLITE_ROW &&
	       e->nauthors < DB_MAX_AUTHORS) {
		struct db_author *a = &e->authors[e->nauthors++];

		column_copy(st, 0, a->name, sizeof(a->name));
		column_copy(st, 1, a->birth_date, sizeof(a->birth_date));
		column_copy(st, 2, a->ethnicity, sizeof(a->ethnicity));
		column_copy(st, 3, a->unit, sizeof(a->unit));
		column_copy(st, 4, a->role, sizeof(a->role));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_entry_get(struct db_read *rd, int64_t id, struct db_entry *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_ENTRY_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	read_entry(st, out);
	sqlite3_reset(st);
	return read_authors(rd->conn, out);
}

int
db_entry_each(struct db_read *rd, int64_t edition,
              int (*fn)(const struct db_entry *e, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_ENTRY_LIST);
	struct db_entry *e = xmalloc(sizeof(*e));
	int rc = SQLITE_DONE;
	bool failed = st == NULL;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, edition);
		while ((rc = db_step(st)) == SQLITE_ROW) {
			read_entry(st, e);
			/* an entry whose authors cannot be read fails the
			 * whole list: a list cut short and called complete
			 * would, for one, revoke the certificates of the
			 * entries left out (found by fault injection) */
			if (read_authors(rd->conn, e) != 0) {
				failed = true;
				break;
			}
			if (fn(e, arg) != 0)
				break;
		}
		sqlite3_reset(st);
	}
	free(e);
	return !failed && (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : -1;
}

int
db_entry_decide(struct db_tx *tx, int64_t id, const char *decision,
                const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_ENTRY_DECIDE);
	char object[64];
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, decision);
	bind_text(st, 2, reason);
	sqlite3_bind_int64(st, 3, id);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	snprintf(object, sizeof(object), "entry:%lld", (long long)id);
	return db_audit(tx, "entry.eligibility", object, NULL, decision,
	                reason);
}

int
db_attachment_add(struct db_tx *tx, const struct db_attachment *a,
                  const void *data, size_t len, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_ATTACHMENT_INSERT);
	char object[64], value[512];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->entry_id);
	bind_text(st, 2, a->name);
	bind_text(st, 3, a->mime);
	sqlite3_bind_int64(st, 4, (int64_t)len);
	bind_text(st, 5, a->sha256);
	sqlite3_bind_blob(st, 6, data, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	snprintf(object, sizeof(object), "entry:%lld", (long long)a->entry_id);
	/* the log keeps the file's hash, not its bytes */
	snprintf(value, sizeof(value),
	         "{\"attachment\":%lld,\"mime\":\"%s\",\"sha256\":\"%s\","
	         "\"size\":%zu}",
	         (long long)*id, a->mime, a->sha256, len);
	return db_audit(tx, "attachment.add", object, NULL, value, a->name);
}

static void
read_attachment(sqlite3_stmt *st, struct db_attachment *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->entry_id = sqlite3_column_int64(st, 1);
	column_copy(st, 2, a->name, sizeof(a->name));
	column_copy(st, 3, a->mime, sizeof(a->mime));
	a->size = sqlite3_column_int64(st, 4);
	column_copy(st, 5, a->sha256, sizeof(a->sha256));
}

int
db_attachment_get(struct db_read *rd, int64_t id, struct db_attachment *out,
                  void **data)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_ATTACHMENT_BY_ID);
	int rc, n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	read_attachment(st, out);
	if (data != NULL) {
		n = sqlite3_column_bytes(st, 6);
		*data = xmalloc((size_t)n + 1);
		if (n > 0)
			memcpy(*data, sqlite3_column_blob(st, 6), (size_t)n);
		out->size = n;
	}
	sqlite3_reset(st);
	return 0;
}

int
db_attachment_each(struct db_read *rd, int64_t entry,
                   int (*fn)(const struct db_attachment *a, void *arg),
                   void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_ATTACHMENT_LIST);
	struct db_attachment a;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		read_attachment(st, &a);
		if (fn(&a, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int
judge_access(sqlite3_stmt *st, int64_t entry, int64_t expert,
             struct db_access *out)
{
	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, expert);
	if (db_step(st) != SQLITE_ROW)
		return -1;
	out->assigned = sqlite3_column_int(st, 0) > 0;
	out->conflicted = sqlite3_column_int(st, 1) > 0;
	out->chairs = sqlite3_column_int(st, 2) > 0;
	sqlite3_reset(st);
	return 0;
}

int
db_judge_access(struct db_read *rd, int64_t entry, int64_t expert,
                struct db_access *out)
{
	return judge_access(rd_stmt(rd, STMT_JUDGE_ACCESS), entry, expert, out);
}

int
db_judge_access_tx(struct db_tx *tx, int64_t entry, int64_t expert,
                   struct db_access *out)
{
	return judge_access(tx_stmt(tx, STMT_JUDGE_ACCESS), entry, expert, out);
}

int
db_expert_chairs(struct db_read *rd, int64_t expert, int64_t edition,
                 int *count)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_CHAIRS);

	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, expert);
	sqlite3_bind_int64(st, 2, edition);
	if (db_step(st) != SQLITE_ROW)
		return -1;
	*count = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

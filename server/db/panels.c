/* panels.c: experts, panels and their members, conflicts, assignments. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static int
audit_obj(struct db_tx *tx, const char *action, const char *kind, int64_t id,
          json_t *value, const char *reason)
{
	char object[64], *text = NULL;
	int rc;

	snprintf(object, sizeof(object), "%s:%lld", kind, (long long)id);
	if (value != NULL) {
		text = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(value);
	}
	rc = db_audit(tx, action, object, NULL, text, reason);
	free(text);
	return rc;
}

static json_t *
expert_json(const struct db_expert *x)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "name", x->name,
	                 "title", x->title, "unit", x->unit, "fields",
	                 x->fields, "email", x->email, "phone", x->phone);
}

static void
bind_expert(sqlite3_stmt *st, const struct db_expert *x)
{
	bind_text(st, 2, x->name);
	bind_text(st, 3, x->title);
	bind_text(st, 4, x->unit);
	bind_text(st, 5, x->fields);
	bind_text(st, 6, x->email);
	bind_text(st, 7, x->phone);
}

int
db_expert_create(struct db_tx *tx, const struct db_expert *x, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_EXPERT_INSERT);
	int rc;

	if (st == NULL)
		return -1;
	/* the insert's parameters are 1..6: shift by binding name at 1 */
	bind_text(st, 1, x->name);
	bind_text(st, 2, x->title);
	bind_text(st, 3, x->unit);
	bind_text(st, 4, x->fields);
	bind_text(st, 5, x->email);
	bind_text(st, 6, x->phone);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	return audit_obj(tx, "expert.create", "expert", *id, expert_json(x),
	                 NULL);
}

int
db_expert_update(struct db_tx *tx, const struct db_expert *x)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_EXPERT_UPDATE);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, x->id);
	bind_expert(st, x);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	return audit_obj(tx, "expert.update", "expert", x->id, expert_json(x),
	                 NULL);
}

static void
read_expert(sqlite3_stmt *st, struct db_expert *x)
{
	x->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, x->name, sizeof(x->name));
	column_copy(st, 2, x->title, sizeof(x->title));
	column_copy(st, 3, x->unit, sizeof(x->unit));
	column_copy(st, 4, x->fields, sizeof(x->fields));
	column_copy(st, 5, x->email, sizeof(x->email));
	column_copy(st, 6, x->phone, sizeof(x->phone));
	x->user_id = sqlite3_column_int64(st, 7);
}

int
db_expert_get(struct db_read *rd, int64_t id, struct db_expert *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_EXPERT_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == SQLITE_ROW)
		read_expert(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? DB_NOTFOUND : -1;
}

int
db_expert_each(struct db_read *rd,
               int (*fn)(const struct db_expert *x, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_EXPERT_LIST);
	struct db_expert x;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == SQLITE_ROW) {
		read_expert(st, &x);
		if (fn(&x, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static json_t *
panel_json(const struct db_panel *p)
{
	json_t *o = json_pack("{s:s, s:s, s:I}", "name", p->name, "fields",
	                      p->fields, "chair", (json_int_t)p->chair);
	json_t *m = json_array();

	for (size_t i = 0; i < p->nmembers; i++)
		json_array_append_new(m, json_integer(p->members[i]));
	json_object_set_new(o, "members", m);
	return o;
}

static int
write_members(struct db_tx *tx, const struct db_panel *p)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_MEMBER_DELETE);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	if (tx_exec(tx, st) != 0)
		return -1;
	for (size_t i = 0; i < p->nmembers; i++) {
		st = tx_stmt(tx, STMT_MEMBER_INSERT);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, p->members[i]);
		if (tx_exec(tx, st) != 0)
			return -1;
	}
	return 0;
}

int
db_panel_create(struct db_tx *tx, const struct db_panel *p, int64_t *id)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_PANEL_INSERT);
	struct db_panel copy = *p;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->edition_id);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->fields);
	sqlite3_bind_int64(st, 4, p->chair);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	*id = copy.id = sqlite3_last_insert_rowid(tx->db->writer.handle);
	if (write_members(tx, &copy) != 0)
		return -1;
	return audit_obj(tx, "panel.create", "panel", *id, panel_json(p), NULL);
}

int
db_panel_update(struct db_tx *tx, const struct db_panel *p)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_PANEL_UPDATE);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->fields);
	sqlite3_bind_int64(st, 4, p->chair);
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	if (sqlite3_changes(tx->db->writer.handle) == 0)
		return DB_NOTFOUND;
	if (write_members(tx, p) != 0)
		return -1;
	return audit_obj(tx, "panel.update", "panel", p->id, panel_json(p),
	                 NULL);
}

static int
read_panel(struct conn *c, sqlite3_stmt *st, struct db_panel *p)
{
	sqlite3_stmt *m = conn_stmt(c, STMT_MEMBER_LIST);
	int rc;

	p->id = sqlite3_column_int64(st, 0);
	p->edition_id = sqlite3_column_int64(st, 1);
	column_copy(st, 2, p->name, sizeof(p->name));
	column_copy(st, 3, p->fields, sizeof(p->fields));
	p->chair = sqlite3_column_int64(st, 4);
	p->locked_at = sqlite3_column_int64(st, 5);
	p->nmembers = 0;
	if (m == NULL)
		return -1;
	sqlite3_bind_int64(m, 1, p->id);
	while ((rc = db_step(m)) == SQLITE_ROW && p->nmembers < DB_MAX_MEMBERS)
		p->members[p->nmembers++] = sqlite3_column_int64(m, 0);
	sqlite3_reset(m);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_panel_get(struct db_read *rd, int64_t id, struct db_panel *out)
{
	sqlite3_stmt *st = rd_stmt(rd, STMT_PANEL_BY_ID);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_NOTFOUND : -1;
	rc = read_panel(rd->conn, st, out);
	sqlite3_reset(st);
	return rc;
}

/* Calls fn for each panel that the statement (one parameter) lists. */
static int
panels_each(struct db_read *rd, enum stmt id, int64_t param,
            int (*fn)(const struct db_panel *p, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, id);
	struct db_panel *p = xmalloc(sizeof(*p));
	int rc = SQLITE_DONE;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, param);
		while ((rc = db_step(st)) == SQLITE_ROW)
			if (read_panel(rd->conn, st, p) != 0 || fn(p, arg) != 0)
				break;
		sqlite3_reset(st);
	}
	free(p);
	return st != NULL && (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : -1;
}

int
db_panel_each(struct db_read *rd, int64_t edition,
              int (*fn)(const struct db_panel *p, void *arg), void *arg)
{
	return panels_each(rd, STMT_PANEL_LIST, edition, fn, arg);
}

int
db_panel_each_chaired(struct db_read *rd, int64_t expert,
                      int (*fn)(const struct db_panel *p, void *arg), void *arg)
{
	return panels_each(rd, STMT_PANEL_CHAIRED, expert, fn, arg);
}

int
db_conflict_declare(struct db_tx *tx, int64_t entry, int64_t expert,
                    const char *source, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, STMT_CONFLICT_INSERT);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, expert);
	bind_text(st, 3, source);
	bind_text(st, 4, reason);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	return audit_obj(tx, "conflict.declare", "entry", entry,
	                 json_pack("{s:I, s:s}", "expert", (json_int_t)expert,
	                           "source", source),
	                 reason);
}

static int
pairs(struct db_read *rd, enum stmt id, int64_t edition, bool conflicts,
      int (*fn)(const struct db_pair *p, void *arg), void *arg)
{
	sqlite3_stmt *st = rd_stmt(rd, id);
	struct db_pair p;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition);
	while ((rc = db_step(st)) == SQLITE_ROW) {
		memset(&p, 0, sizeof(p));
		p.entry = sqlite3_column_int64(st, 0);
		p.expert = sqlite3_column_int64(st, 1);
		if (conflicts) {
			column_copy(st, 2, p.source, sizeof(p.source));
			column_copy(st, 3, p.reason, sizeof(p.reason));
		} else {
			p.manual = sqlite3_column_int(st, 2) != 0;
		}
		if (fn(&p, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
db_conflict_each(struct db_read *rd, int64_t edition,
                 int (*fn)(const struct db_pair *c, void *arg), void *arg)
{
	return pairs(rd, STMT_CONFLICT_LIST, edition, true, fn, arg);
}

int
db_assignment_each(struct db_read *rd, int64_t edition,
                   int (*fn)(const struct db_pair *a, void *arg), void *arg)
{
	return pairs(rd, STMT_ASSIGNMENT_LIST, edition, false, fn, arg);
}

int
db_assignment_set(struct db_tx *tx, int64_t entry, int64_t expert,
                  bool assigned, bool manual, const char *reason)
{
	sqlite3_stmt *st = tx_stmt(tx, assigned ? STMT_ASSIGNMENT_INSERT
	                                        : STMT_ASSIGNMENT_DELETE);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, expert);
	if (assigned) {
		sqlite3_bind_int(st, 3, manual);
		sqlite3_bind_int64(st, 4, (int64_t)time(NULL));
	}
	rc = tx_exec(tx, st);
	if (rc != 0)
		return rc;
	return audit_obj(tx, assigned ? "assignment.add" : "assignment.remove",
	                 "entry", entry,
	                 json_pack("{s:I, s:b}", "expert", (json_int_t)expert,
	                           "manual", manual),
	                 reason);
}

int
db_assignment_clear_auto(struct db_tx *tx, const int64_t *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = tx_stmt(tx, STMT_ASSIGNMENT_DELETE_AUTO);

		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, entries[i]);
		if (tx_exec(tx, st) != 0)
			return -1;
	}
	return 0;
}

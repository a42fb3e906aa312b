/* h_home.c: the signed-in start page: organisers go to the editions; a
 * judge sees the entries assigned to them and the panels they chair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static int
collect_assigned(const struct db_judge_entry *e, void *arg)
{
	struct judge_rows *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->db = xreallocarray(l->db, l->cap, sizeof(*l->db));
	}
	l->db[l->n++] = *e;
	return 0;
}

struct chaired {
	struct chair_row *rows;
	char **names; /* owned: rows[i].panel */
	size_t n;
	int64_t only; /* a login card's edition, or 0 */
};

static int
collect_chaired(const struct db_panel *p, void *arg)
{
	struct chaired *c = arg;

	if (c->only != 0 && p->edition_id != c->only)
		return 0;
	c->rows = xreallocarray(c->rows, c->n + 1, sizeof(*c->rows));
	c->names = xreallocarray(c->names, c->n + 1, sizeof(*c->names));
	c->names[c->n] = xstrdup(p->name);
	c->rows[c->n] =
	    (struct chair_row){ (long long)p->edition_id, c->names[c->n] };
	c->n++;
	return 0;
}

static void
chaired_release(struct chaired *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	free(c->rows);
}

/* Drops the entries the judge has come into conflict with since the
 * assignment (an author added, a unit changed): they are not theirs to
 * see. */
static int
drop_conflicted(struct req *r, struct db_read *rd, struct judge_rows *l)
{
	size_t kept = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < l->n; i++) {
		struct object obj = { 0 };

		/* a login card's session: its edition's entries only */
		if (r->actor.edition_id != 0 &&
		    l->db[i].edition_id != r->actor.edition_id)
			continue;
		rc = entry_access(rd, &r->actor, l->db[i].id, &obj);
		if (rc == 0 && !obj.conflicted)
			l->db[kept++] = l->db[i];
	}
	l->n = kept;
	return rc;
}

int
judge_rows_load(struct req *r, struct db_read *rd, struct judge_rows *l)
{
	int rc =
	    r->actor.expert_id != 0
	        ? db_judge_entries(rd, r->actor.expert_id, collect_assigned, l)
	        : 0;

	return rc == 0 ? drop_conflicted(r, rd, l) : rc;
}

/* May the judge declare a conflict with an entry of the home page? The
 * rows are their assigned entries, none in conflict, so can() decides by
 * the edition's stage alone. */
static bool
may_declare(const struct req *r, const struct db_judge_entry *e)
{
	struct db_edition ed = { 0 };
	struct object obj = { .edition = &ed, .assigned = true };

	ed.id = e->edition_id;
	snprintf(ed.state, sizeof(ed.state), "%s", e->edition_state);
	return can(&r->actor, ACT_CONFLICT_DECLARE, &obj);
}

/* What the home page says after a redirect to it. */
static enum msg
home_notice(const struct req *r)
{
	const char *c = form_get(&r->form, "conflict");

	return c != NULL && strcmp(c, "declared") == 0 ? MSG_CONFLICT_DECLARED
	                                               : MSG__MAX;
}

/* Organisers start at the editions; a judge at their assigned entries. */
void
h_home(struct req *r)
{
	struct judge_rows l = { 0 };
	struct chaired ch = { 0 };
	struct judge_row *rows;
	struct db_read *rd;
	int *ballot;
	struct page p;
	int rc;

	if (can(&r->actor, ACT_EDITION_LIST, NULL)) {
		respond_redirect(r, "/editions");
		return;
	}
	ch.only = r->actor.edition_id;
	rd = db_read_begin(r->app->db);
	rc = judge_rows_load(r, rd, &l);
	ballot = xcalloc(l.n + 1, sizeof(*ballot));
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		/* rows come by edition: one look per edition */
		if (i > 0 && l.db[i].edition_id == l.db[i - 1].edition_id)
			ballot[i] = ballot[i - 1];
		else if ((ballot[i] = edition_is_ballot(
		              r->app, rd, l.db[i].edition_id)) < 0)
			rc = -1;
	}
	if (rc == 0 && r->actor.expert_id != 0)
		rc = db_panel_each_chaired(rd, r->actor.expert_id,
		                           collect_chaired, &ch);
	db_read_end(rd);
	if (rc != 0) {
		free(l.db);
		free(ballot);
		chaired_release(&ch);
		respond_error(r, 500);
		return;
	}
	rows = xcalloc(l.n + 1, sizeof(*rows));
	for (size_t i = 0; i < l.n; i++)
		rows[i] = (struct judge_row){ (long long)l.db[i].id,
			                      l.db[i].code,
			                      l.db[i].title,
			                      l.db[i].edition,
			                      l.db[i].sheet,
			                      l.db[i].deadline,
			                      (long long)l.db[i].edition_id,
			                      may_declare(r, &l.db[i]),
			                      ballot[i] == 1 };
	p = req_page(r, T(r->lang, MSG_HOME_JUDGE));
	page_judge_home(&r->out, &p, rows, l.n, ch.rows, ch.n, home_notice(r));
	free(rows);
	free(ballot);
	free(l.db);
	chaired_release(&ch);
}

/* results_chair.c: the results as a panel chair reads them, read-only:
 * the fields of the panels they chair, less the entries they are in
 * conflict with, and no judge's name or total (the per-judge table and
 * the excluded sheets' names stay with the organisers), no objections,
 * no side prizes (they span every field). */
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct chair_entry {
	char *code, *field;
	bool conflicted;
};

struct chair_scan {
	const struct actor *a;
	struct db_read *rd;
	struct buf fields; /* the chaired panels' fields, space-separated */
	struct chair_entry *entries;
	size_t n;
};

static int
collect_fields(const struct db_panel *p, void *arg)
{
	struct chair_scan *s = arg;

	if (p->chair == s->a->expert_id)
		buf_printf(&s->fields, " %s ", p->fields);
	return 0;
}

static int
collect_entry(const struct db_entry *e, void *arg)
{
	struct chair_scan *s = arg;
	struct object obj = { 0 };

	if (entry_access_of(s->rd, s->a, e, &obj) != 0)
		return -1;
	s->entries = xreallocarray(s->entries, s->n + 1, sizeof(*s->entries));
	s->entries[s->n++] =
	    (struct chair_entry){ xstrdup(e->code), xstrdup(e->field),
		                  obj.conflicted };
	return 0;
}

/* Is the row's entry one the chair may see? */
static bool
visible(const struct chair_scan *s, const char *code)
{
	char word[80];

	for (size_t i = 0; i < s->n; i++) {
		if (strcmp(s->entries[i].code, code) != 0)
			continue;
		snprintf(word, sizeof(word), " %s ", s->entries[i].field);
		return !s->entries[i].conflicted && s->fields.data != NULL &&
		       strstr(s->fields.data, word) != NULL;
	}
	return false;
}

static void
filter_scope(struct chair_view *cv, const struct chair_scan *s,
             const struct result_scope *from, size_t i_from)
{
	struct result_row *rows = xcalloc(from->nrows + 1, sizeof(*rows));
	struct result_scope *to = &cv->scopes[cv->n];
	size_t k = 0;

	for (size_t i = 0; i < from->nrows; i++) {
		if (!visible(s, from->rows[i].code))
			continue;
		rows[k] = from->rows[i];
		rows[k].excluded = ""; /* names and totals of judges */
		k++;
	}
	cv->rows[i_from] = rows;
	if (k == 0)
		return;
	*to = *from;
	to->rows = rows;
	to->nrows = k;
	to->judges = NULL;
	to->njudges = 0;
	cv->n++;
}

int
results_chair_filter(struct req *r, const struct ctx *c, struct results_view *v,
                     struct chair_view *cv)
{
	struct chair_scan s = { .a = &r->actor };
	int rc;

	memset(cv, 0, sizeof(*cv));
	buf_init(&s.fields, (size_t)64 * 1024);
	s.rd = db_read_begin(r->app->db);
	rc = db_panel_each(s.rd, c->edition.id, collect_fields, &s);
	if (rc == 0)
		rc = db_entry_each(s.rd, c->edition.id, collect_entry, &s);
	db_read_end(s.rd);
	cv->scopes = xcalloc(v->nscopes + 1, sizeof(*cv->scopes));
	cv->rows = xcalloc(v->nscopes + 1, sizeof(struct result_row *));
	cv->nall = v->nscopes;
	for (size_t i = 0; rc == 0 && i < v->nscopes; i++)
		filter_scope(cv, &s, &v->scopes[i], i);
	for (size_t i = 0; i < s.n; i++) {
		free(s.entries[i].code);
		free(s.entries[i].field);
	}
	free(s.entries);
	buf_release(&s.fields);
	v->scopes = cv->scopes;
	v->nscopes = cv->n;
	v->chair = true;
	v->posting = NULL;
	v->side = NULL;
	v->nside = 0;
	return rc;
}

void
results_chair_release(struct chair_view *cv)
{
	for (size_t i = 0; i < cv->nall; i++)
		free(cv->rows[i]);
	free(cv->rows);
	free(cv->scopes);
}

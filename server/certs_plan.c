/* certs_plan.c: which certificates a decided edition gives, and what each
 * prints: one per author of each entry that keeps a prize (or is
 * selected) in the current award decision's list, after the committee's
 * decisions; optionally one for the entering organisation. The list is
 * the exports' own (report_data.c), so a certificate never says other
 * than the report annexed to the decision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct plan {
	const struct db_edition *e;
	const struct db_posting *p;
	const struct report *rep;
	bool collective;
	struct cert_item *items;
	size_t n;
};

static struct cert_item *
add(struct plan *pl, const struct db_entry *e, const struct report_row *row)
{
	struct cert_item *it;

	pl->items = xreallocarray(pl->items, pl->n + 1, sizeof(*pl->items));
	it = &pl->items[pl->n++];
	memset(it, 0, sizeof(*it));
	snprintf(it->entry_code, sizeof(it->entry_code), "%s", e->code);
	snprintf(it->entry_title, sizeof(it->entry_title), "%s", e->title);
	snprintf(it->entry, sizeof(it->entry), "%s – %s", e->code, e->title);
	snprintf(it->field, sizeof(it->field), "%s", row->field);
	snprintf(it->prize, sizeof(it->prize), "%s", row->prize);
	snprintf(it->edition, sizeof(it->edition), "%s", pl->e->title);
	date_vn(pl->p->date, it->decision_date, sizeof(it->decision_date));
	snprintf(it->decision, sizeof(it->decision), "%s ngày %s",
	         pl->p->number, it->decision_date);
	return it;
}

/* The row of the final list for an entry, if it keeps a prize. */
static const struct report_row *
prized(const struct report *rep, const char *code)
{
	for (size_t s = 0; s < rep->nscopes; s++)
		for (size_t i = 0; i < rep->scopes[s].nrows; i++) {
			const struct report_row *row = &rep->scopes[s].rows[i];

			if (strcmp(row->code, code) == 0)
				return *row->prize != '\0' ? row : NULL;
		}
	return NULL;
}

static int
plan_entry(const struct db_entry *e, void *arg)
{
	struct plan *pl = arg;
	const struct report_row *row = prized(pl->rep, e->code);
	struct cert_item *it;

	if (row == NULL)
		return 0;
	for (size_t i = 0; i < e->nauthors; i++) {
		const struct db_author *a = &e->authors[i];

		/* the authors themselves, not a teacher or a representative */
		if (strcmp(a->role, "author") != 0)
			continue;
		it = add(pl, e, row);
		snprintf(it->recipient, sizeof(it->recipient), "%s", a->name);
		date_vn(a->birth_date, it->birth_date, sizeof(it->birth_date));
		snprintf(it->school, sizeof(it->school), "%s", a->unit);
	}
	if (pl->collective && *e->organisation != '\0') {
		it = add(pl, e, row);
		snprintf(it->recipient, sizeof(it->recipient), "%s",
		         e->organisation);
		it->collective = true;
	}
	return 0;
}

int
certs_plan(struct db_read *rd, const struct db_edition *e, bool collective,
           struct cert_item **out, size_t *n)
{
	struct db_posting p;
	struct db_snapshot s = { 0 };
	struct report_data *d = NULL;
	struct plan pl = { .e = e, .p = &p, .collective = collective };
	int rc = db_posting_current(rd, e->id, &p);

	*out = NULL;
	*n = 0;
	if (rc == 0 && p.decided_at == 0)
		rc = CERTS_NOT_DECIDED;
	if (rc == DB_NOTFOUND)
		rc = CERTS_NOT_DECIDED;
	if (rc == 0)
		rc = db_snapshot_get(rd, p.snapshot_id, &s);
	if (rc == 0) {
		d = report_data_load(rd, &s, e);
		rc = d != NULL ? 0 : -1;
	}
	if (rc == 0) {
		pl.rep = report_data_report(d);
		rc = db_entry_each(rd, e->id, plan_entry, &pl);
	}
	report_data_free(d);
	db_snapshot_release(&s);
	if (rc != 0) {
		free(pl.items);
		return rc;
	}
	*out = pl.items;
	*n = pl.n;
	return 0;
}

/* ballot_run.c: a council member's ballot paper as the database has it,
 * the marks of a post checked against it, and the cast, shared by the
 * page (h_ballot.c) and the tablet's API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static char *
own(struct ballot *b, char *s)
{
	b->owned = xreallocarray(b->owned, b->nowned + 1, sizeof(*b->owned));
	b->owned[b->nowned++] = s;
	return s;
}

static size_t
paper_index(const struct ballot *b, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->ids[i] == id)
			return i;
	return b->n;
}

struct fill {
	struct ballot *b;
	struct db_read *rd;
	const struct actor *actor;
	bool *drop; /* by row: a conflict the stored paper does not know */
	size_t row; /* the dossier whose attachments are read */
};

static int
collect_att(const struct db_attachment *a, void *arg)
{
	struct fill *f = arg;
	struct ballot_row *row = &f->b->rows[f->row];
	struct ballot_att *att;

	if (row->natts == BALLOT_MAX_ATTS)
		return 0;
	att = &f->b->atts[f->row][row->natts];
	att->id = (long long)a->id;
	att->name = own(f->b, xstrdup(a->name));
	row->natts++;
	return 0;
}

/* One dossier of the paper, as the member reads it. */
static int
collect_entry(const struct db_entry *e, void *arg)
{
	struct fill *f = arg;
	struct ballot *b = f->b;
	size_t i = paper_index(b, e->id);
	struct object obj = { 0 };
	struct ballot_row *row;
	struct buf names;

	if (i == b->n)
		return 0;
	/* a conflict worked out from the entry's people and the member's
	 * unit (automatic ones are not stored): not theirs to vote on */
	if (entry_access_of(f->rd, f->actor, e, &obj) != 0)
		return -1;
	f->drop[i] = obj.conflicted;
	row = &b->rows[i];
	row->id = (long long)e->id;
	row->code = own(b, xstrdup(e->code));
	row->title = own(b, xstrdup(e->title));
	row->summary = own(b, xstrdup(e->summary));
	row->organisation = own(b, xstrdup(e->organisation));
	row->field = field_title(b->c.fields, b->c.nfields, e->field);
	buf_init(&names, 8192);
	for (size_t k = 0; !b->c.edition.hide_authors && k < e->nauthors; k++)
		buf_printf(&names, "%s%s", k > 0 ? ", " : "",
		           e->authors[k].name);
	if (names.data == NULL)
		buf_puts(&names, "");
	row->authors = own(b, buf_detach(&names, NULL));
	row->atts = b->atts[i];
	f->row = i;
	return db_attachment_each(f->rd, e->id, collect_att, f);
}

/* Keeps the stored paper as read (the cast checks it is unchanged) and
 * takes the conflicted dossiers off the paper shown and cast. */
static void
drop_conflicts(struct ballot *b, const bool *drop)
{
	size_t kept = 0;

	b->nstored = b->n;
	b->stored = xcalloc(b->n + 1, sizeof(*b->stored));
	memcpy(b->stored, b->ids, b->n * sizeof(*b->ids));
	for (size_t i = 0; i < b->n; i++) {
		if (drop[i])
			continue;
		b->ids[kept] = b->ids[i];
		b->rows[kept] = b->rows[i];
		memcpy(b->atts[kept], b->atts[i], sizeof(b->atts[i]));
		b->rows[kept].atts = b->atts[kept];
		kept++;
	}
	b->n = kept;
}

static int
read_paper(struct req *r, struct ballot *b)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int64_t edition = b->c.edition.id, expert = r->actor.expert_id;
	struct fill f = { b, rd, &r->actor, NULL, 0 };
	int rc =
	    db_ballot_paper(rd, edition, expert, b->ids, BALLOT_MAX, &b->n);

	if (rc == 0 && b->n > BALLOT_MAX)
		rc = -1; /* beyond what one form can carry */
	if (rc == 0)
		rc = db_ballot_cast_get(rd, edition, expert, &b->cast_at,
		                        &b->dossiers);
	b->closed = rc == 0 ? db_ballot_closed(rd, edition, expert) : -1;
	if (b->closed < 0)
		rc = -1;
	b->rows = xcalloc(b->n + 1, sizeof(*b->rows));
	b->atts = xcalloc(b->n + 1, sizeof(*b->atts));
	b->votes = xcalloc(b->n + 1, sizeof(*b->votes));
	for (size_t i = 0; i < b->n; i++) {
		b->rows[i].vote = "";
		b->rows[i].code = b->rows[i].title = "";
		b->rows[i].summary = b->rows[i].organisation = "";
		b->rows[i].authors = b->rows[i].field = "";
	}
	f.drop = xcalloc(b->n + 1, sizeof(*f.drop));
	if (rc == 0)
		rc = db_entry_each(rd, edition, collect_entry, &f);
	db_read_end(rd);
	if (rc == 0)
		drop_conflicts(b, f.drop);
	free(f.drop);
	return rc;
}

int
ballot_load(struct req *r, enum action act, struct ballot *b)
{
	memset(b, 0, sizeof(*b));
	b->ids = xcalloc(BALLOT_MAX + 1, sizeof(*b->ids));
	if (ctx_load(r, r->ids[0], &b->c) != 0) {
		b->loaded = false;
		return -1;
	}
	b->loaded = true;
	if (b->c.rubric->mode != SCORE_MODE_BALLOT || r->actor.expert_id == 0) {
		respond_error(r, 404);
		return -1;
	}
	if (read_paper(r, b) != 0) {
		respond_error(r, 500);
		return -1;
	}
	b->obj =
	    (struct object){ .edition = &b->c.edition, .assigned = b->n > 0 };
	/* not a member of this council: not theirs to know of */
	if (!can(&r->actor, ACT_BALLOT_VIEW, &b->obj)) {
		respond_error(r, 404);
		return -1;
	}
	b->open = can(&r->actor, ACT_BALLOT_CAST, &b->obj) && !b->closed &&
	          b->cast_at == 0;
	(void)act;
	return 0;
}

void
ballot_release(struct ballot *b)
{
	for (size_t i = 0; i < b->nowned; i++)
		free(b->owned[i]);
	free(b->owned);
	free(b->rows);
	free(b->atts);
	free(b->votes);
	free(b->ids);
	free(b->stored);
	if (b->loaded)
		ctx_release(&b->c);
}

/* "v123" -> 123; -1 when the name is not a vote's. */
static long long
vote_key(const char *name)
{
	char *end;
	long long id;

	if (name[0] != 'v' || name[1] < '1' || name[1] > '9')
		return -1;
	id = strtoll(name + 1, &end, 10);
	return *end == '\0' ? id : -1;
}

enum msg
ballot_mark(struct ballot *b, const char *name, const char *value, char *bad,
            size_t size)
{
	long long id = vote_key(name);
	size_t i = id > 0 ? paper_index(b, id) : b->n;

	if (id < 0)
		return MSG__MAX; /* not a vote: csrf, client_id, confirm... */
	snprintf(bad, size, "%s", name);
	if (i == b->n)
		return MSG_BALLOT_NOT_ON_PAPER;
	if (*value == '\0')
		return MSG__MAX; /* left blank: said by ballot_check */
	if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
		return MSG_BALLOT_BAD_VOTE;
	b->rows[i].vote = strcmp(value, "yes") == 0 ? "yes" : "no";
	b->votes[i] = strcmp(value, "yes") == 0;
	return MSG__MAX;
}

int
ballot_check(struct ballot *b)
{
	int missing = 0;

	for (size_t i = 0; i < b->n; i++) {
		b->rows[i].unmarked = *b->rows[i].vote == '\0';
		missing += b->rows[i].unmarked;
	}
	return missing;
}

/* Is the paper in the transaction the one the marks were made on? */
static int
same_paper(struct db_tx *tx, const struct ballot *b, int64_t expert)
{
	int64_t *now = xcalloc(BALLOT_MAX + 1, sizeof(*now));
	size_t n = 0;
	int rc = db_ballot_paper_tx(tx, b->c.edition.id, expert, now,
	                            BALLOT_MAX, &n);

	if (rc == 0)
		rc = n == b->nstored &&
		     memcmp(now, b->stored, n * sizeof(*now)) == 0;
	else
		rc = -1;
	free(now);
	return rc;
}

enum ballot_outcome
ballot_cast(struct req *r, struct ballot *b, const char *client_id)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int64_t expert = r->actor.expert_id;
	int rc = tx != NULL ? ctx_recheck_object(tx, r, b->c.edition.id,
	                                         ACT_BALLOT_CAST, &b->obj)
	                    : -1;
	enum ballot_outcome out = BALLOT_FAILED;

	if (rc == 1)
		out = BALLOT_CLOSED; /* judging is over */
	if (rc == 0) {
		rc = db_ballot_closed_tx(tx, b->c.edition.id, expert);
		out = rc == 1 ? BALLOT_CLOSED : out;
	}
	if (rc == 0) {
		rc = same_paper(tx, b, expert);
		out = rc == 0 ? BALLOT_CHANGED : out;
		rc = rc == 1 ? 0 : 1;
	}
	if (rc == 0) {
		rc = db_ballot_cast(tx, b->c.edition.id, expert, client_id,
		                    b->ids, b->votes, b->n);
		out = rc == 0              ? BALLOT_CAST
		      : rc == DB_DUPLICATE ? BALLOT_RESENT
		      : rc == DB_CONFLICT  ? BALLOT_ALREADY
		                           : BALLOT_FAILED;
	}
	if (out != BALLOT_CAST) {
		if (tx != NULL)
			db_rollback(tx);
		return out;
	}
	return db_commit(tx) == 0 ? BALLOT_CAST : BALLOT_FAILED;
}

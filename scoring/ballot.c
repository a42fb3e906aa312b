/* ballot.c: rule 9, yes/no councils (Golden Book, honouring). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct tally {
	struct score_entry_result *er;
	const char *id;
};

/* Share = yes / (yes + no), 0 without votes, compared exactly. */
static int
cmp_share(const struct score_entry_result *a,
          const struct score_entry_result *b)
{
	i128 ta = a->yes + a->no, tb = b->yes + b->no;
	int c = 0;

	if (ta > 0 && tb > 0)
		c = cmp_frac(a->yes, ta, b->yes, tb);
	else if (ta > 0 || tb > 0)
		c = ta > 0 ? (a->yes > 0) : -(b->yes > 0);
	if (c != 0)
		return -c;
	if (a->yes != b->yes)
		return a->yes > b->yes ? -1 : 1;
	return 0;
}

static int
cmp_tally(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	int c = cmp_share(a->er, b->er);

	return c != 0 ? c : strcmp(a->id, b->id);
}

static bool
passes(const struct score_rubric *r, const struct score_entry_result *er)
{
	i128 total = er->yes + er->no;
	i128 lhs = (i128)er->yes * r->ballot_share.den;
	i128 rhs = (i128)r->ballot_share.num * total;

	if (r->ballot_rule == SCORE_BALLOT_AT_LEAST)
		return lhs >= rhs;
	return lhs > rhs;
}

/* Counts the votes of every entry (an entry without votes has share 0). */
static void
tally_votes(struct calc *c)
{
	const struct score_input *in = c->in;
	struct score_results *res = c->res;

	res->entries = xcalloc(in->nentries + 1, sizeof(*res->entries));
	res->nentries = in->nentries;
	for (size_t e = 0; e < in->nentries; e++) {
		res->entries[e].entry = (int)e;
		res->entries[e].field = in->entries[e].field;
		res->entries[e].tier = -1;
	}
	for (size_t s = 0; s < in->nsheets; s++) {
		struct score_entry_result *er =
		    &res->entries[in->sheets[s].entry];

		if (in->sheets[s].vote == 1)
			er->yes++;
		else if (in->sheets[s].vote == 0)
			er->no++;
	}
	for (size_t e = 0; e < in->nentries; e++) {
		struct score_entry_result *er = &res->entries[e];

		if (er->yes + er->no > 0)
			er->share4 =
			    round_half_up(er->yes, er->yes + er->no, 4);
	}
}

/*
 * Ranks, then selects in rank order: a group that would push the number
 * selected past max_selected stops the selection (flagged cusp when it is
 * a real tie, since that is the case the council must settle).
 */
static void
select_ranked(struct tally *v, size_t n, const struct score_rubric *r)
{
	int64_t taken = 0;
	bool stopped = false;

	for (size_t i = 0; i < n;) {
		size_t g = i + 1;
		bool ok = passes(r, v[i].er);

		while (g < n && cmp_share(v[i].er, v[g].er) == 0)
			g++;
		if (ok && !stopped && r->max_selected >= 0 &&
		    taken + (int64_t)(g - i) > r->max_selected) {
			stopped = true;
			if (g - i > 1)
				for (size_t k = i; k < g; k++)
					v[k].er->flags |= SCORE_FLAG_CUSP;
		}
		for (size_t k = i; k < g; k++) {
			v[k].er->rank = (int)i + 1;
			v[k].er->selected = ok && !stopped;
			if (g - i > 1)
				v[k].er->flags |= SCORE_FLAG_TIE;
		}
		if (ok && !stopped)
			taken += (int64_t)(g - i);
		i = g;
	}
}

void
ballot_compute(struct calc *c)
{
	struct score_results *res = c->res;
	struct tally *v;
	struct score_entry_result *sorted;
	size_t n;

	tally_votes(c);
	n = res->nentries;
	v = xcalloc(n + 1, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i].er = &res->entries[i];
		v[i].id = c->in->entries[i].id;
	}
	qsort(v, n, sizeof(*v), cmp_tally);
	select_ranked(v, n, c->r);
	res->scopes[0].nentries = n;
	sorted = xcalloc(n + 1, sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		sorted[i] = *v[i].er;
	free(res->entries);
	res->entries = sorted;
	free(v);
}

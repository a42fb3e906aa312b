/* rank.c: ranks with tie-breaks (rule 7), prizes (rule 8), row order. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A sort element: qsort has no context argument in C17. */
struct ranked {
	struct score_entry_result *er;
	const char *id;
	const struct score_rubric *r;
};

/* Score, then the tie-break criteria, descending: 0 means same group. */
static int
cmp_merit(const struct score_entry_result *a,
          const struct score_entry_result *b, const struct score_rubric *r)
{
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	for (size_t i = 0; i < r->ntie_break; i++) {
		int64_t x = a->criteria[r->tie_break[i]];
		int64_t y = b->criteria[r->tie_break[i]];

		if (x != y)
			return x > y ? -1 : 1;
	}
	return 0;
}

static int
cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int m = cmp_merit(a->er, b->er, a->r);

	return m != 0 ? m : strcmp(a->id, b->id);
}

/* Does the group's published score reach the tier's min and the floor? */
static bool
qualifies(const struct score_rubric *r, const struct score_tier *t,
          int64_t score)
{
	int64_t scale = pow10_i64(r->aggregate.decimals);

	if (cmp_frac(score, scale, t->min.num, t->min.den) < 0)
		return false;
	return !r->has_floor ||
	       cmp_frac(score, scale, r->floor.num, r->floor.den) >= 0;
}

/*
 * Rule 8 for one rank group: the best open tier it qualifies for that holds
 * the whole group. A tier too small for the group closes (its places stay
 * empty for the committee) and the group is flagged cusp.
 */
static int
award_group(const struct score_rubric *r, int64_t *left, bool *open,
            int64_t score, size_t size, bool *cusp)
{
	for (size_t t = 0; t < r->ntiers; t++) {
		if (!open[t] || !qualifies(r, &r->tiers[t], score))
			continue;
		if (left[t] < 0 || left[t] >= (int64_t)size) {
			if (left[t] > 0) {
				left[t] -= (int64_t)size;
				open[t] = left[t] != 0;
			}
			return (int)t;
		}
		open[t] = false;
		*cusp = true;
	}
	return -1;
}

static void
assign(struct ranked *v, size_t n, const struct score_rubric *r)
{
	int64_t *left = xcalloc(r->ntiers + 1, sizeof(int64_t));
	bool *open = xcalloc(r->ntiers + 1, sizeof(bool));

	for (size_t t = 0; t < r->ntiers; t++) {
		left[t] = r->tiers[t].max_count;
		open[t] = left[t] != 0;
	}
	for (size_t i = 0; i < n;) {
		size_t g = i + 1;
		bool cusp = false;
		int tier;

		while (g < n && cmp_merit(v[i].er, v[g].er, r) == 0)
			g++;
		tier = award_group(r, left, open, v[i].er->score, g - i, &cusp);
		for (size_t k = i; k < g; k++) {
			v[k].er->rank = (int)i + 1;
			v[k].er->tier = tier;
			if (g - i > 1)
				v[k].er->flags |= SCORE_FLAG_TIE;
			if (cusp)
				v[k].er->flags |= SCORE_FLAG_CUSP;
		}
		i = g;
	}
	free(left);
	free(open);
}

void
rank_scope(struct calc *c, size_t scope)
{
	struct score_results *res = c->res;
	struct ranked *v = xcalloc(res->nentries + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < res->nentries; i++) {
		struct score_entry_result *er = &res->entries[i];

		if (er->scope != scope || er->status != SCORE_STATUS_OK)
			continue;
		v[n].er = er;
		v[n].id = c->in->entries[er->entry].id;
		v[n].r = c->r;
		n++;
	}
	qsort(v, n, sizeof(*v), cmp_ranked);
	assign(v, n, c->r);
	free(v);
}

/* Output order: scope (rubric field order), rank, entry id; unranked
 * entries last in their scope, by entry id. */
static int
cmp_output(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int ra = a->er->rank, rb = b->er->rank;

	if (a->er->scope != b->er->scope)
		return a->er->scope < b->er->scope ? -1 : 1;
	if ((ra == 0) != (rb == 0))
		return ra == 0 ? 1 : -1;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a->id, b->id);
}

void
order_results(struct calc *c)
{
	struct score_results *res = c->res;
	size_t n = res->nentries;
	struct ranked *v = xcalloc(n + 1, sizeof(*v));
	struct score_entry_result *sorted = xcalloc(n + 1, sizeof(*sorted));

	for (size_t i = 0; i < n; i++) {
		v[i].er = &res->entries[i];
		v[i].id = c->in->entries[res->entries[i].entry].id;
	}
	qsort(v, n, sizeof(*v), cmp_output);
	for (size_t i = 0; i < n; i++)
		sorted[i] = *v[i].er;
	free(res->entries);
	res->entries = sorted;
	free(v);
}

/* rank.c: ranks with tie-breaks (rule 7), prizes (rule 8), row order. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A sort element with its keys at hand (qsort has no context argument). */
struct ranked {
	int64_t score;
	const int64_t *criteria;
	const char *id;
	const struct score_rubric *r;
	uint32_t scope;
	uint32_t index; /* in res->entries */
};

/* Score, then the tie-break criteria, descending: 0 means same group. */
static int
cmp_merit(const struct ranked *a, const struct ranked *b)
{
	const struct score_rubric *r = a->r;

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

/*
 * The ranking order, scope (rubric field order), merit, then entry id, is
 * sorted on compact keys: most comparisons end at the scope or the score,
 * and only ties look further (an inlined merge sort: qsort's indirect calls
 * and 40-byte moves were a fifth of the whole computation).
 */
struct rkey {
	int64_t score;
	int64_t tb[2]; /* the first two tie-break criteria, or 0 */
	uint32_t scope;
	uint32_t pos; /* in the array of struct ranked */
};

/* Merit on the keys: <0, 0 (same rank group) or >0. */
static inline int
key_merit(const struct rkey *x, const struct rkey *y, const struct ranked *v)
{
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	for (int i = 0; i < 2; i++)
		if (x->tb[i] != y->tb[i])
			return x->tb[i] > y->tb[i] ? -1 : 1;
	return v[x->pos].r->ntie_break > 2 ? cmp_merit(&v[x->pos], &v[y->pos])
	                                   : 0;
}

static inline bool
key_before(const struct rkey *x, const struct rkey *y, const struct ranked *v)
{
	int m;

	if (x->scope != y->scope)
		return x->scope < y->scope;
	m = key_merit(x, y, v);
	return m != 0 ? m < 0 : strcmp(v[x->pos].id, v[y->pos].id) < 0;
}

static void
merge(const struct rkey *a, size_t lo, size_t mid, size_t hi, struct rkey *out,
      const struct ranked *v)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi)
		out[k++] = key_before(&a[j], &a[i], v) ? a[j++] : a[i++];
	while (i < mid)
		out[k++] = a[i++];
	while (j < hi)
		out[k++] = a[j++];
}

/* Sorts keys[0..n) (bottom-up merge sort, insertion-sorted runs of 16);
 * returns whichever of keys and tmp holds the result. */
static struct rkey *
sort_keys(struct rkey *keys, struct rkey *tmp, size_t n, const struct ranked *v)
{
	for (size_t lo = 0; lo < n; lo += 16) {
		size_t hi = lo + 16 < n ? lo + 16 : n;

		for (size_t i = lo + 1; i < hi; i++) {
			struct rkey x = keys[i];
			size_t j = i;

			while (j > lo && key_before(&x, &keys[j - 1], v)) {
				keys[j] = keys[j - 1];
				j--;
			}
			keys[j] = x;
		}
	}
	for (size_t width = 16; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;

			merge(keys, lo, mid, hi, tmp, v);
		}
		struct rkey *swap = keys;

		keys = tmp;
		tmp = swap;
	}
	return keys;
}

static int
cmp_id(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	return strcmp(a->id, b->id);
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

/* Ranks and prizes for one scope's entries, sorted by merit. */
static void
assign(struct score_results *res, const struct ranked *v,
       const struct rkey *keys, size_t n, int64_t *left, bool *open)
{
	const struct score_rubric *r = n > 0 ? v[keys[0].pos].r : NULL;

	for (size_t t = 0; r != NULL && t < r->ntiers; t++) {
		left[t] = r->tiers[t].max_count;
		open[t] = left[t] != 0;
	}
	for (size_t i = 0; i < n;) {
		size_t g = i + 1;
		bool cusp = false;
		int tier;

		while (g < n && key_merit(&keys[i], &keys[g], v) == 0)
			g++;
		tier = award_group(r, left, open, keys[i].score, g - i, &cusp);
		for (size_t k = i; k < g; k++) {
			struct score_entry_result *er =
			    &res->entries[v[keys[k].pos].index];

			er->rank = (int)i + 1;
			er->tier = tier;
			if (g - i > 1)
				er->flags |= SCORE_FLAG_TIE;
			if (cusp)
				er->flags |= SCORE_FLAG_CUSP;
		}
		i = g;
	}
}

/* Moves entries so that entries[i] is the old entries[order[i]]. */
static void
permute(struct score_results *res, const uint32_t *order)
{
	bool *done = xcalloc(res->nentries + 1, sizeof(bool));

	for (size_t i = 0; i < res->nentries; i++) {
		struct score_entry_result first = res->entries[i];
		size_t j = i;

		if (done[i])
			continue;
		while (order[j] != i) {
			res->entries[j] = res->entries[order[j]];
			done[j] = true;
			j = order[j];
		}
		res->entries[j] = first;
		done[j] = true;
	}
	free(done);
}

/* Appends a scope's unranked entries, by id, to the output order. */
static size_t
append_unranked(const struct calc *c, size_t scope, struct ranked *tmp,
                uint32_t *order, size_t pos)
{
	size_t n = 0;

	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++) {
		const struct score_entry_result *er =
		    &c->res->entries[c->scope_entries[i]];

		if (er->status == SCORE_STATUS_OK)
			continue;
		tmp[n].id = c->in->entries[er->entry].id;
		tmp[n++].index = c->scope_entries[i];
	}
	qsort(tmp, n, sizeof(*tmp), cmp_id);
	for (size_t i = 0; i < n; i++)
		order[pos++] = tmp[i].index;
	return pos;
}

/*
 * One sort by (scope, merit, id) gives every scope's ranks and, with each
 * scope's unranked entries after its ranked ones, the output order.
 */
void
rank_all(struct calc *c)
{
	struct score_results *res = c->res;
	struct ranked *v = xmalloc((res->nentries + 1) * sizeof(*v));
	struct rkey *keys = xmalloc((res->nentries + 1) * sizeof(*keys));
	struct rkey *tmp = xmalloc((res->nentries + 1) * sizeof(*tmp));
	uint32_t *order = xmalloc((res->nentries + 1) * sizeof(uint32_t));
	int64_t *left = xcalloc(c->r->ntiers + 1, sizeof(int64_t));
	bool *open = xcalloc(c->r->ntiers + 1, sizeof(bool));
	struct ranked *unranked;
	struct rkey *sorted;
	size_t n = 0, pos = 0, start = 0;

	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];

		if (er->status != SCORE_STATUS_OK)
			continue;
		v[n] = (struct ranked){ er->score,
			                er->criteria,
			                c->in->entries[er->entry].id,
			                c->r,
			                (uint32_t)er->scope,
			                (uint32_t)i };
		keys[n] = (struct rkey){
			er->score, { 0, 0 }, (uint32_t)er->scope, (uint32_t)n
		};
		for (size_t t = 0; t < 2 && t < c->r->ntie_break; t++)
			keys[n].tb[t] = er->criteria[c->r->tie_break[t]];
		n++;
	}
	sorted = sort_keys(keys, tmp, n, v);
	unranked = xmalloc((res->nentries - n + 1) * sizeof(*unranked));
	for (size_t s = 0; s < res->nscopes; s++) {
		size_t end = start;

		while (end < n && sorted[end].scope == s)
			end++;
		assign(res, v, sorted + start, end - start, left, open);
		for (size_t i = start; i < end; i++)
			order[pos++] = v[sorted[i].pos].index;
		pos = append_unranked(c, s, unranked, order, pos);
		start = end;
	}
	permute(res, order);
	free(unranked);
	free(v);
	free(keys);
	free(tmp);
	free(order);
	free(left);
	free(open);
}

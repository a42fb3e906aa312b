/* normalize.c: rule 2, judges' totals shifted or scaled to their panel. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* One judge's sheets within a scope. */
struct judge_stats {
	size_t k;
	i128 sum;
	int64_t min, max;
};

/* z-scores cannot be exact (a square root); keep 10^-6 of a unit. */
#define ZSCORE_DEN 1000000

/* The complete sheets of a scope, in one list (free() it). */
static uint32_t *
scope_sheets(const struct calc *c, size_t scope, size_t *n)
{
	uint32_t *list = xmalloc((c->res->nsheets + 1) * sizeof(uint32_t));

	*n = 0;
	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++) {
		const struct score_entry_result *er =
		    &c->res->entries[c->scope_entries[i]];
		const uint32_t *sheets = entry_sheets(c, er);

		for (size_t k = 0; k < er->nsheets; k++)
			list[(*n)++] = sheets[k];
	}
	return list;
}

static struct judge_stats *
judge_stats(const struct calc *c, const uint32_t *sheets, size_t n, i128 *sum)
{
	struct judge_stats *js =
	    xcalloc(c->in->njudges + 1, sizeof(struct judge_stats));

	*sum = 0;
	for (size_t i = 0; i < n; i++) {
		struct judge_stats *j = &js[c->in->sheets[sheets[i]].judge];
		int64_t t = c->total[sheets[i]];

		if (j->k == 0 || t < j->min)
			j->min = t;
		if (j->k == 0 || t > j->max)
			j->max = t;
		j->k++;
		j->sum += t;
		*sum += t;
	}
	return js;
}

/* The guard of rule 2: too few sheets, or no spread to scale. */
static bool
is_guarded(const struct judge_stats *j)
{
	return j->k < 3 || j->min == j->max;
}

/*
 * Offset, exactly: with N sheets in the panel and K the least common
 * multiple of the shifted judges' sheet counts, t + S/N - S_j/k_j is an
 * integer over N·K: t·N·K + S·K - S_j·N·(K/k_j).
 */
static void
normalize_offset(struct calc *c, size_t scope, const uint32_t *sheets, size_t n,
                 const struct judge_stats *js, i128 sum)
{
	i128 k = 1, den;

	for (size_t j = 0; j < c->in->njudges; j++)
		if (js[j].k > 0 && !is_guarded(&js[j]))
			k = ck_mul(c, k / gcd128(k, (i128)js[j].k),
			           (i128)js[j].k);
	den = ck_mul(c, (i128)n, k);
	c->norm_den[scope] = den;
	for (size_t i = 0; i < n && !c->overflow; i++) {
		size_t s = sheets[i];
		const struct judge_stats *j = &js[c->in->sheets[s].judge];
		i128 x = ck_mul(c, c->total[s], den);

		c->guarded[s] = is_guarded(j);
		if (!c->guarded[s]) {
			x = ck_add(c, x, ck_mul(c, sum, k));
			x = ck_add(c, x,
			           -ck_mul(c, ck_mul(c, j->sum, (i128)n),
			                   k / (i128)j->k));
		}
		c->norm[s] = x;
	}
}

/*
 * z-score: t' = panel mean + (t - judge mean) × panel sd / judge sd, with
 * population standard deviations; a guarded judge gets the offset only.
 */
static void
normalize_zscore(struct calc *c, size_t scope, const uint32_t *sheets, size_t n,
                 const struct judge_stats *js, i128 sum)
{
	long double pm = (long double)sum / (long double)n, ss = 0, psd;
	long double *jsd = xcalloc(c->in->njudges + 1, sizeof(long double));

	for (size_t i = 0; i < n; i++) {
		int judge = c->in->sheets[sheets[i]].judge;
		long double t = (long double)c->total[sheets[i]];
		long double jm =
		    (long double)js[judge].sum / (long double)js[judge].k;

		ss += (t - pm) * (t - pm);
		jsd[judge] += (t - jm) * (t - jm);
	}
	for (size_t j = 0; j < c->in->njudges; j++)
		if (js[j].k > 0)
			jsd[j] = sqrtl(jsd[j] / (long double)js[j].k);
	psd = sqrtl(ss / (long double)n);
	c->norm_den[scope] = ZSCORE_DEN;
	for (size_t i = 0; i < n; i++) {
		size_t s = sheets[i];
		int judge = c->in->sheets[s].judge;
		const struct judge_stats *j = &js[judge];
		long double jm = (long double)j->sum / (long double)j->k;
		long double t = (long double)c->total[s], v;

		c->guarded[s] = is_guarded(j);
		if (c->guarded[s])
			v = t + pm - jm;
		else
			v = pm + (t - jm) * psd / jsd[judge];
		c->norm[s] = (i128)llroundl(v * ZSCORE_DEN);
	}
	free(jsd);
}

void
normalize_scope(struct calc *c, size_t scope)
{
	struct judge_stats *js;
	uint32_t *sheets;
	size_t n;
	i128 sum;

	c->norm_den[scope] = 1;
	if (c->r->aggregate.normalize == SCORE_NORMALIZE_NONE)
		return;
	if (c->norm == NULL) {
		c->norm = xcalloc(c->in->nsheets + 1, sizeof(i128));
		c->guarded = xcalloc(c->in->nsheets + 1, sizeof(bool));
	}
	sheets = scope_sheets(c, scope, &n);
	js = judge_stats(c, sheets, n, &sum);
	if (n > 0 && c->r->aggregate.normalize == SCORE_NORMALIZE_OFFSET)
		normalize_offset(c, scope, sheets, n, js, sum);
	else if (n > 0)
		normalize_zscore(c, scope, sheets, n, js, sum);
	free(js);
	free(sheets);
}

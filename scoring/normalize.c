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

static struct judge_stats *
judge_stats(struct calc *c, const size_t *sheets, size_t n, i128 *sum)
{
	struct judge_stats *js =
	    xcalloc(c->in->njudges + 1, sizeof(struct judge_stats));

	*sum = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = sheets[i];
		struct judge_stats *j = &js[c->in->sheets[s].judge];
		int64_t t = c->total[s];

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
normalize_offset(struct calc *c, size_t scope, const size_t *sheets, size_t n,
                 const struct judge_stats *js, i128 sum)
{
	i128 k = 1, den;

	for (size_t j = 0; j < c->in->njudges; j++)
		if (js[j].k > 0 && !is_guarded(&js[j]))
			k = ck_mul(c, k / gcd128(k, (i128)js[j].k),
			           (i128)js[j].k);
	den = ck_mul(c, (i128)n, k);
	c->norm_den[scope] = den;
	for (size_t i = 0; i < n; i++) {
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
 * Population standard deviations, of the panel and of each judge, from
 * squared deviations about the exact means (long double, two passes).
 */
static long double
deviations(struct calc *c, const size_t *sheets, size_t n,
           const struct judge_stats *js, long double pm, long double *jsd)
{
	long double ss = 0;

	for (size_t i = 0; i < n; i++) {
		size_t s = sheets[i];
		int judge = c->in->sheets[s].judge;
		long double t = (long double)c->total[s];
		long double jm =
		    (long double)js[judge].sum / (long double)js[judge].k;

		ss += (t - pm) * (t - pm);
		jsd[judge] += (t - jm) * (t - jm);
	}
	for (size_t j = 0; j < c->in->njudges; j++)
		if (js[j].k > 0)
			jsd[j] = sqrtl(jsd[j] / (long double)js[j].k);
	return sqrtl(ss / (long double)n);
}

/*
 * z-score: t' = panel mean + (t - judge mean) × panel sd / judge sd; a
 * guarded judge gets the offset only. Values keep 10^-6 of a unit.
 */
static void
normalize_zscore(struct calc *c, size_t scope, const size_t *sheets, size_t n,
                 const struct judge_stats *js, i128 sum)
{
	long double pm = (long double)sum / (long double)n;
	long double *jsd = xcalloc(c->in->njudges + 1, sizeof(long double));
	long double psd = deviations(c, sheets, n, js, pm, jsd);

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
normalize_scope(struct calc *c, size_t scope, const size_t *sheets, size_t n)
{
	struct judge_stats *js;
	i128 sum;

	c->norm_den[scope] = 1;
	if (c->r->aggregate.normalize == SCORE_NORMALIZE_NONE || n == 0) {
		for (size_t i = 0; i < n; i++)
			c->norm[sheets[i]] = c->total[sheets[i]];
		return;
	}
	js = judge_stats(c, sheets, n, &sum);
	if (c->r->aggregate.normalize == SCORE_NORMALIZE_OFFSET)
		normalize_offset(c, scope, sheets, n, js, sum);
	else
		normalize_zscore(c, scope, sheets, n, js, sum);
	free(js);
}

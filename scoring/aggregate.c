/* aggregate.c: one entry's score: outliers, method, rounding (rules 3-6). */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* Ascending, for the median and the trimmed mean. */
static void
sort_i128(i128 *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		i128 x = v[i];
		size_t j = i;

		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/*
 * Rule 3, one pass against the exact mean m = sum/n of every counted total:
 * |x - m| > limit  <=>  |n·x - sum|·b > a·n·den         (points, limit a/b)
 * |x - m| > limit% of m  <=>  |n·x - sum|·100·b > a·sum  (percent)
 * where den converts the integers to points. Equality is kept.
 */
static bool
is_outlier(struct calc *c, i128 x, i128 sum, size_t n, i128 den)
{
	const struct score_aggregate *a = &c->r->aggregate;
	i128 dist = ck_add(c, ck_mul(c, x, (i128)n), -sum);

	if (dist < 0)
		dist = -dist;
	if (a->outlier == SCORE_OUTLIER_POINTS)
		return ck_mul(c, dist, a->limit.den) >
		       ck_mul(c, ck_mul(c, a->limit.num, (i128)n), den);
	if (a->outlier == SCORE_OUTLIER_PERCENT)
		return ck_mul(c, ck_mul(c, dist, 100), a->limit.den) >
		       ck_mul(c, a->limit.num, sum);
	return false;
}

/* Rule 5 over the surviving totals (sorted): the exact num/den. */
static void
combine(struct calc *c, i128 *v, size_t n, i128 den, i128 *num_out,
        i128 *den_out)
{
	const struct score_aggregate *a = &c->r->aggregate;
	size_t lo = 0, hi = n;
	i128 sum = 0;

	if (a->method == SCORE_METHOD_MEDIAN) {
		if (n % 2 == 1) {
			*num_out = v[n / 2];
			*den_out = den;
		} else {
			*num_out = ck_add(c, v[n / 2 - 1], v[n / 2]);
			*den_out = ck_mul(c, den, 2);
		}
		return;
	}
	if (a->method == SCORE_METHOD_TRIMMED && n > 2 * (size_t)a->trim) {
		lo = (size_t)a->trim;
		hi = n - (size_t)a->trim;
	}
	for (size_t i = lo; i < hi; i++)
		sum = ck_add(c, sum, v[i]);
	*num_out = sum;
	*den_out = ck_mul(c, den, (i128)(hi - lo));
}

/* Spread of the raw totals (diagnostics; all complete sheets). */
static void
spread(struct calc *c, struct score_entry_result *er, const size_t *sheets)
{
	long double sum = 0, ss = 0, mean;
	int64_t lo = c->total[sheets[0]], hi = lo;

	for (size_t i = 0; i < er->nsheets; i++) {
		int64_t t = c->total[sheets[i]];

		sum += (long double)t;
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	mean = sum / (long double)er->nsheets;
	for (size_t i = 0; i < er->nsheets; i++) {
		long double d = (long double)c->total[sheets[i]] - mean;

		ss += d * d;
	}
	er->sd = (double)(sqrtl(ss / (long double)er->nsheets) / c->q);
	er->range = (double)(hi - lo) / (double)c->q;
}

/* Per-criterion means of raw points over the surviving sheets. */
static void
criterion_scores(struct calc *c, struct score_entry_result *er,
                 const size_t *sheets)
{
	size_t ncrit = c->in->ncrit;

	for (size_t k = 0; k < ncrit; k++) {
		int64_t sum = 0;

		for (size_t i = 0; i < er->nsheets; i++)
			if (!c->excluded[sheets[i]])
				sum += c->in->points[sheets[i] * ncrit + k];
		er->criteria[k] =
		    round_half_up(sum, (i128)100 * (i128)er->ncounted,
		                  c->r->aggregate.decimals);
	}
}

/* Fills the sheet results (as doubles, for display) of an entry. */
static void
describe_sheets(struct calc *c, struct score_entry_result *er,
                const size_t *sheets, i128 sum, i128 den)
{
	long double mean =
	    (long double)sum / (long double)er->nsheets / (long double)den;

	for (size_t i = 0; i < er->nsheets; i++) {
		struct score_sheet_result *sr =
		    &c->res->sheets[er->first_sheet + i];
		size_t s = sheets[i];
		long double x = (long double)c->norm[s] / (long double)den;

		sr->raw = (double)c->total[s] / (double)c->q;
		sr->normalized = (double)x;
		sr->mean = (double)mean;
		sr->distance = (double)fabsl(x - mean);
		if (c->excluded[s])
			sr->excluded =
			    c->r->aggregate.outlier == SCORE_OUTLIER_POINTS
			        ? SCORE_EXCL_POINTS
			        : SCORE_EXCL_PERCENT;
	}
}

void
aggregate_entry(struct calc *c, struct score_entry_result *er)
{
	const struct score_aggregate *a = &c->r->aggregate;
	const size_t *sheets = &c->by_entry[c->entry_first[er->entry]];
	i128 den = ck_mul(c, c->norm_den[er->scope], c->q);
	i128 sum = 0, num, exact_den;
	i128 *kept = xcalloc(er->nsheets, sizeof(i128));

	for (size_t i = 0; i < er->nsheets; i++)
		sum = ck_add(c, sum, c->norm[sheets[i]]);
	for (size_t i = 0; i < er->nsheets; i++) {
		size_t s = sheets[i];

		c->excluded[s] =
		    is_outlier(c, c->norm[s], sum, er->nsheets, den);
		if (!c->excluded[s])
			kept[er->ncounted++] = c->norm[s];
	}
	er->status = er->ncounted < (size_t)a->min_judges
	                 ? SCORE_STATUS_INSUFFICIENT
	                 : SCORE_STATUS_OK;
	er->has_score = er->ncounted > 0;
	/* after an overflow the denominators are unusable (and it fails) */
	if (er->has_score && !c->overflow) {
		sort_i128(kept, er->ncounted);
		combine(c, kept, er->ncounted, den, &num, &exact_den);
		er->score = round_half_up(num, exact_den, a->decimals);
		criterion_scores(c, er, sheets);
	}
	spread(c, er, sheets);
	describe_sheets(c, er, sheets, sum, den);
	free(kept);
}

/* aggregate.c: one entry's score: outliers, method, rounding (rules 3-6). */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

static int
cmp_i128(const void *pa, const void *pb)
{
	i128 a = *(const i128 *)pa, b = *(const i128 *)pb;

	return a < b ? -1 : a > b;
}

/* Ascending, for the median and the trimmed mean: insertion sort for the
 * usual handful of sheets, qsort beyond. */
static void
sort_i128(i128 *v, size_t n)
{
	if (n > 32) {
		qsort(v, n, sizeof(*v), cmp_i128);
		return;
	}
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
	i128 dist;

	if (a->outlier == SCORE_OUTLIER_NONE)
		return false;
	dist = ck_add(c, ck_mul(c, x, (i128)n), -sum);
	if (dist < 0)
		dist = -dist;
	if (a->outlier == SCORE_OUTLIER_POINTS)
		return ck_mul(c, dist, a->limit.den) >
		       ck_mul(c, ck_mul(c, a->limit.num, (i128)n), den);
	return ck_mul(c, ck_mul(c, dist, 100), a->limit.den) >
	       ck_mul(c, a->limit.num, sum);
}

/* Rule 5 over the surviving totals: the exact num/den. */
static void
combine(struct calc *c, i128 *v, size_t n, i128 den, i128 *num_out,
        i128 *den_out)
{
	const struct score_aggregate *a = &c->r->aggregate;
	size_t lo = 0, hi = n;
	i128 sum = 0;

	if (a->method != SCORE_METHOD_MEAN)
		sort_i128(v, n);
	if (a->method == SCORE_METHOD_MEDIAN) {
		*num_out =
		    n % 2 == 1 ? v[n / 2] : ck_add(c, v[n / 2 - 1], v[n / 2]);
		*den_out = n % 2 == 1 ? den : ck_mul(c, den, 2);
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
spread(const struct calc *c, struct score_entry_result *er,
       const uint32_t *sheets)
{
	double sum = 0, ss = 0, mean;
	int64_t lo = c->total[sheets[0]], hi = lo;

	for (size_t i = 0; i < er->nsheets; i++) {
		int64_t t = c->total[sheets[i]];

		sum += (double)t;
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	mean = sum / (double)er->nsheets;
	for (size_t i = 0; i < er->nsheets; i++) {
		double d = (double)c->total[sheets[i]] - mean;

		ss += d * d;
	}
	er->sd = sqrt(ss / (double)er->nsheets) / (double)c->q;
	er->range = (double)(hi - lo) / (double)c->q;
}

/* Per-criterion means of raw points over the surviving sheets. */
static void
criterion_scores(const struct calc *c, struct score_entry_result *er,
                 const uint32_t *sheets)
{
	size_t ncrit = c->in->ncrit;
	int64_t sum[SCORE_MAX_CRITERIA] = { 0 };

	for (size_t i = 0; i < er->nsheets; i++) {
		const int32_t *p = &c->in->points[(size_t)sheets[i] * ncrit];

		if (c->excluded[sheets[i]])
			continue;
		for (size_t k = 0; k < ncrit; k++)
			sum[k] += p[k];
	}
	for (size_t k = 0; k < ncrit; k++)
		er->criteria[k] =
		    round_half_up(sum[k], (i128)100 * (i128)er->ncounted,
		                  c->r->aggregate.decimals);
}

/*
 * The entry's totals as rules 3-5 see them, as integers over one
 * denominator (in units): the raw totals, or the normalised fractions over
 * the least common multiple of their denominators. Only the entry's own
 * sheets share it, which keeps it small.
 */
static i128
entry_values(struct calc *c, const struct score_entry_result *er,
             const uint32_t *sheets, i128 *x)
{
	i128 l = 1;

	if (c->norm == NULL) {
		for (size_t i = 0; i < er->nsheets; i++)
			x[i] = c->total[sheets[i]];
		return 1;
	}
	for (size_t i = 0; i < er->nsheets && !c->overflow; i++) {
		i128 d = c->norm_den[sheets[i]];

		l = ck_mul(c, l / gcd128(l, d), d);
	}
	for (size_t i = 0; i < er->nsheets && !c->overflow; i++)
		x[i] =
		    ck_mul(c, c->norm[sheets[i]], l / c->norm_den[sheets[i]]);
	return l;
}

/* Fills the sheet results (as doubles, for display) of an entry. */
static void
describe_sheets(const struct calc *c, struct score_entry_result *er,
                const uint32_t *sheets, const i128 *x, i128 sum, i128 den)
{
	double scale = 1.0 / (double)den;

	er->mean = (double)sum / (double)er->nsheets * scale;
	for (size_t i = 0; i < er->nsheets; i++) {
		struct score_sheet_result *sr =
		    &c->res->sheets[er->first_sheet + i];
		size_t s = sheets[i];

		sr->judge = c->in->sheets[s].judge;
		sr->raw = (double)c->total[s] / (double)c->q;
		sr->normalized = (double)x[i] * scale;
		sr->excluded = SCORE_EXCL_NONE;
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
	const uint32_t *sheets = entry_sheets(c, er);
	i128 *x = c->scratch, *kept = c->scratch + er->nsheets;
	i128 den = ck_mul(c, entry_values(c, er, sheets, x), c->q);
	i128 sum = 0, num, exact_den;

	/* after an overflow the values were not all made (found by
	 * valgrind: the sum read them) and the computation fails anyway */
	if (c->overflow)
		return;
	for (size_t i = 0; i < er->nsheets; i++)
		sum = ck_add(c, sum, x[i]);
	for (size_t i = 0; i < er->nsheets; i++) {
		size_t s = sheets[i];

		c->excluded[s] = is_outlier(c, x[i], sum, er->nsheets, den);
		if (!c->excluded[s])
			kept[er->ncounted++] = x[i];
	}
	er->status = er->ncounted < (size_t)a->min_judges
	                 ? SCORE_STATUS_INSUFFICIENT
	                 : SCORE_STATUS_OK;
	er->has_score = er->ncounted > 0;
	if (er->has_score) {
		combine(c, kept, er->ncounted, den, &num, &exact_den);
		/* after an overflow the denominators are unusable */
		if (c->overflow || exact_den >= ROUND_MAX_DEN) {
			c->overflow = true;
			return;
		}
		er->score = round_half_up(num, exact_den, a->decimals);
		criterion_scores(c, er, sheets);
	}
	spread(c, er, sheets);
	describe_sheets(c, er, sheets, x, sum, den);
}

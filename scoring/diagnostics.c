/* diagnostics.c: rule 10, agreement and judge statistics of a scope. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* Sum of squared deviations from the mean (two passes, long double). */
static long double
sum_squares(const long double *v, size_t n)
{
	long double mean = 0, ss = 0;

	for (size_t i = 0; i < n; i++)
		mean += v[i];
	mean /= (long double)n;
	for (size_t i = 0; i < n; i++)
		ss += (v[i] - mean) * (v[i] - mean);
	return ss;
}

/*
 * Krippendorff's alpha with the interval metric: units are the entries,
 * values the raw totals; entries with fewer than two sheets are not
 * pairable. With n pairable values, D_o = Σ_u 2 m_u SS_u / (m_u - 1) / n and
 * D_e = 2 SS / (n - 1), where SS_u and SS are sums of squared deviations.
 */
static void
alpha(struct calc *c, struct score_scope_result *sr, size_t scope)
{
	const struct score_results *res = c->res;
	long double *all = xcalloc(res->nsheets + 1, sizeof(long double));
	long double d_o = 0, d_e;
	size_t n = 0;

	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];
		const size_t *sheets = &c->by_entry[c->entry_first[er->entry]];
		size_t m = er->nsheets;

		if (er->scope != scope || m < 2)
			continue;
		for (size_t k = 0; k < m; k++)
			all[n + k] = (long double)c->total[sheets[k]];
		d_o += 2 * (long double)m * sum_squares(all + n, m) /
		       (long double)(m - 1);
		n += m;
	}
	if (n >= 2) {
		d_e = 2 * sum_squares(all, n) / (long double)(n - 1);
		if (d_e > 0) {
			sr->has_alpha = true;
			sr->alpha = (double)(1 - d_o / (long double)n / d_e);
		}
	}
	free(all);
}

/* The two-way ANOVA mean squares of a complete entries × judges grid. */
static void
icc_from_grid(struct score_scope_result *sr, const long double *y, size_t n,
              size_t k)
{
	long double *row = xcalloc(n, sizeof(long double));
	long double *col = xcalloc(k, sizeof(long double));
	long double grand = 0, ssr = 0, ssc = 0, sse = 0;
	long double msr, msc, mse, d1, dk;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < k; j++) {
			row[i] += y[i * k + j] / (long double)k;
			col[j] += y[i * k + j] / (long double)n;
			grand += y[i * k + j] / (long double)(n * k);
		}
	for (size_t i = 0; i < n; i++)
		ssr += (row[i] - grand) * (row[i] - grand) * (long double)k;
	for (size_t j = 0; j < k; j++)
		ssc += (col[j] - grand) * (col[j] - grand) * (long double)n;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < k; j++) {
			long double e = y[i * k + j] - row[i] - col[j] + grand;

			sse += e * e;
		}
	msr = ssr / (long double)(n - 1);
	msc = ssc / (long double)(k - 1);
	mse = sse / (long double)((n - 1) * (k - 1));
	d1 = msr + (long double)(k - 1) * mse +
	     (long double)k * (msc - mse) / (long double)n;
	dk = msr + (msc - mse) / (long double)n;
	if (d1 != 0 && dk != 0) {
		sr->has_icc = true;
		sr->icc2_1 = (double)((msr - mse) / d1);
		sr->icc2_k = (double)((msr - mse) / dk);
	}
	free(row);
	free(col);
}

/* ICC(2,1) and ICC(2,k) (Shrout & Fleiss) when every judge of the scope
 * scored every entry of it. */
static void
icc(struct calc *c, struct score_scope_result *sr, size_t scope, size_t nsheets,
    const int *column)
{
	const struct score_results *res = c->res;
	size_t n = sr->nentries, k = sr->njudges, row = 0;
	long double *y;

	if (n < 2 || k < 2 || nsheets != n * k)
		return;
	y = xcalloc(n * k, sizeof(long double));
	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];
		const size_t *es = &c->by_entry[c->entry_first[er->entry]];

		if (er->scope != scope)
			continue;
		for (size_t m = 0; m < er->nsheets; m++)
			y[row * k +
			  (size_t)column[c->in->sheets[es[m]].judge]] =
			    (long double)c->total[es[m]];
		row++;
	}
	icc_from_grid(sr, y, n, k);
	free(y);
}

/* Severity (judge mean - panel mean) and exclusions of each judge. */
static void
judges(struct calc *c, struct score_scope_result *sr, size_t scope,
       const size_t *sheets, size_t n, int *column)
{
	struct score_results *res = c->res;
	long double panel = 0;

	sr->first_judge = res->njudges;
	for (size_t i = 0; i < n; i++) {
		int judge = c->in->sheets[sheets[i]].judge;
		struct score_judge_result *jr;

		if (column[judge] < 0) {
			column[judge] = (int)sr->njudges++;
			jr = &res->judges[res->njudges++];
			jr->judge = judge;
			jr->scope = scope;
		}
		jr = &res->judges[sr->first_judge + (size_t)column[judge]];
		jr->nsheets++;
		jr->mean += (double)c->total[sheets[i]];
		jr->excluded += c->excluded[sheets[i]];
		jr->normalized =
		    c->r->aggregate.normalize != SCORE_NORMALIZE_NONE &&
		    !c->guarded[sheets[i]];
		panel += (long double)c->total[sheets[i]];
	}
	panel /= (long double)n * (long double)c->q;
	sr->njudge_results = sr->njudges;
	for (size_t j = 0; j < sr->njudges; j++) {
		struct score_judge_result *jr =
		    &res->judges[sr->first_judge + j];

		jr->mean = jr->mean / (double)jr->nsheets / (double)c->q;
		jr->severity = (double)((long double)jr->mean - panel);
	}
}

void
diagnose_scope(struct calc *c, size_t scope, const size_t *sheets, size_t n)
{
	struct score_scope_result *sr = &c->res->scopes[scope];
	int *column = xcalloc(c->in->njudges + 1, sizeof(int));

	for (size_t j = 0; j < c->in->njudges; j++)
		column[j] = -1;
	for (size_t i = 0; i < c->res->nentries; i++)
		sr->nentries += c->res->entries[i].scope == scope;
	if (n > 0)
		judges(c, sr, scope, sheets, n, column);
	alpha(c, sr, scope);
	icc(c, sr, scope, n, column);
	free(column);
}

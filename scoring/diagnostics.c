/* diagnostics.c: rule 10, agreement and judge statistics of a scope. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/*
 * Diagnostics read the sheet results: they sit in entry order, so a scope's
 * sheets are contiguous runs, and `raw` is the total in points.
 */
static const struct score_sheet_result *
sheets_of(const struct calc *c, const struct score_entry_result *er)
{
	return &c->res->sheets[er->first_sheet];
}

/* Sum and sum of squared deviations of an entry's raw totals. */
static double
entry_ss(const struct score_sheet_result *sh, size_t m, double *sum)
{
	double mean, ss = 0;

	*sum = 0;
	for (size_t k = 0; k < m; k++)
		*sum += sh[k].raw;
	mean = *sum / (double)m;
	for (size_t k = 0; k < m; k++)
		ss += (sh[k].raw - mean) * (sh[k].raw - mean);
	return ss;
}

/*
 * Krippendorff's alpha with the interval metric, accumulated entry by
 * entry: units are the entries, values the raw totals; entries with fewer
 * than two sheets are not pairable. With n pairable values,
 * D_o = Σ_u 2 m_u SS_u / (m_u - 1) / n and D_e = 2 SS / (n - 1), where SS_u
 * and SS are sums of squared deviations. SS comes from sums shifted by the
 * first value, which keeps the one-pass formula accurate.
 */
struct alpha_acc {
	double d_o, shift, s1, s2;
	size_t n;
};

static void
alpha_add(struct alpha_acc *a, const struct score_sheet_result *sh, size_t m)
{
	double sum;

	if (m < 2)
		return;
	if (a->n == 0)
		a->shift = sh[0].raw;
	a->d_o += 2 * (double)m * entry_ss(sh, m, &sum) / (double)(m - 1);
	for (size_t k = 0; k < m; k++) {
		double d = sh[k].raw - a->shift;

		a->s1 += d;
		a->s2 += d * d;
	}
	a->n += m;
}

static void
alpha_finish(const struct alpha_acc *a, struct score_scope_result *sr)
{
	double ss;

	if (a->n < 2)
		return;
	ss = a->s2 - a->s1 * a->s1 / (double)a->n;
	if (ss > 1e-12 * (a->s2 > 1 ? a->s2 : 1)) {
		sr->has_alpha = true;
		sr->alpha =
		    1 - (a->d_o / (double)a->n) / (2 * ss / (double)(a->n - 1));
	}
}

/* The two-way ANOVA mean squares of a complete entries × judges grid. */
static void
icc_from_grid(struct score_scope_result *sr, const double *y, size_t n,
              size_t k)
{
	double *row = xcalloc(n, sizeof(double));
	double *col = xcalloc(k, sizeof(double));
	double grand = 0, ssr = 0, ssc = 0, sse = 0, msr, msc, mse, d1, dk;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < k; j++) {
			row[i] += y[i * k + j];
			col[j] += y[i * k + j];
			grand += y[i * k + j];
		}
	grand /= (double)(n * k);
	for (size_t i = 0; i < n; i++) {
		row[i] /= (double)k;
		ssr += (row[i] - grand) * (row[i] - grand) * (double)k;
	}
	for (size_t j = 0; j < k; j++) {
		col[j] /= (double)n;
		ssc += (col[j] - grand) * (col[j] - grand) * (double)n;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < k; j++) {
			double e = y[i * k + j] - row[i] - col[j] + grand;

			sse += e * e;
		}
	msr = ssr / (double)(n - 1);
	msc = ssc / (double)(k - 1);
	mse = sse / (double)((n - 1) * (k - 1));
	d1 = msr + (double)(k - 1) * mse + (double)k * (msc - mse) / (double)n;
	dk = msr + (msc - mse) / (double)n;
	if (d1 != 0 && dk != 0) {
		sr->has_icc = true;
		sr->icc2_1 = (msr - mse) / d1;
		sr->icc2_k = (msr - mse) / dk;
	}
	free(row);
	free(col);
}

/* ICC(2,1) and ICC(2,k) (Shrout & Fleiss) when every judge of the scope
 * scored every entry of it. */
static void
icc(const struct calc *c, struct score_scope_result *sr, size_t scope,
    size_t nsheets, const int *column)
{
	size_t n = sr->nentries, k = sr->njudges, row = 0;
	double *y;

	if (n < 2 || k < 2 || nsheets != n * k)
		return;
	y = xmalloc(n * k * sizeof(double));
	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++, row++) {
		const struct score_entry_result *er =
		    &c->res->entries[c->scope_entries[i]];
		const struct score_sheet_result *sh = sheets_of(c, er);

		for (size_t m = 0; m < er->nsheets; m++)
			y[row * k + (size_t)column[sh[m].judge]] = sh[m].raw;
	}
	icc_from_grid(sr, y, n, k);
	free(y);
}

/* Adds one sheet to its judge's statistics in this scope. */
static void
count_sheet(const struct calc *c, struct score_scope_result *sr, size_t scope,
            const struct score_sheet_result *sh, bool guarded, int *column)
{
	struct score_results *res = c->res;
	struct score_judge_result *jr;

	if (column[sh->judge] < 0) {
		column[sh->judge] = (int)sr->njudges++;
		jr = &res->judges[res->njudges++];
		*jr = (struct score_judge_result){ .judge = sh->judge,
			                           .scope = scope };
	}
	jr = &res->judges[sr->first_judge + (size_t)column[sh->judge]];
	jr->nsheets++;
	jr->mean += sh->raw;
	jr->excluded += sh->excluded != SCORE_EXCL_NONE;
	jr->normalized = c->norm != NULL && !guarded;
}

/*
 * One pass over the scope's sheets: each judge's count, mean, severity
 * (judge mean - panel mean) and exclusions, and the alpha sums.
 */
static size_t
scan_scope(const struct calc *c, struct score_scope_result *sr, size_t scope,
           int *column)
{
	struct score_results *res = c->res;
	struct alpha_acc acc = { 0 };
	double panel = 0;
	size_t n = 0;

	sr->first_judge = res->njudges;
	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++) {
		const struct score_entry_result *er =
		    &res->entries[c->scope_entries[i]];
		const struct score_sheet_result *sh = sheets_of(c, er);
		const uint32_t *sheets = entry_sheets(c, er);

		for (size_t k = 0; k < er->nsheets; k++) {
			count_sheet(c, sr, scope, &sh[k],
			            c->guarded != NULL && c->guarded[sheets[k]],
			            column);
			panel += sh[k].raw;
		}
		alpha_add(&acc, sh, er->nsheets);
		n += er->nsheets;
	}
	alpha_finish(&acc, sr);
	panel /= (double)(n ? n : 1);
	sr->njudge_results = sr->njudges;
	for (size_t j = 0; j < sr->njudges; j++) {
		struct score_judge_result *jr =
		    &res->judges[sr->first_judge + j];

		jr->mean /= (double)jr->nsheets;
		jr->severity = jr->mean - panel;
	}
	return n;
}

void
diagnose_scope(struct calc *c, size_t scope)
{
	struct score_scope_result *sr = &c->res->scopes[scope];
	size_t nsheets;

	/* c->slot maps the scope's judges to columns (all -1 between uses) */
	sr->nentries = c->scope_first[scope + 1] - c->scope_first[scope];
	nsheets = scan_scope(c, sr, scope, c->slot);
	icc(c, sr, scope, nsheets, c->slot);
	for (size_t j = 0; j < sr->njudges; j++)
		c->slot[c->res->judges[sr->first_judge + j].judge] = -1;
}

/* normalize.c: rule 2, judges' totals shifted or scaled to their panel. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* One judge's sheets within a scope. */
struct judge_stats {
	int judge;
	size_t k;
	i128 sum;
	int64_t min, max;
	long double sd; /* population standard deviation (zscore) */
};

/* The panel: a scope's complete sheets and its judges. */
struct panel {
	uint32_t *sheets;
	size_t n;
	struct judge_stats *js; /* one per judge present, via c->slot */
	size_t njudges;
	i128 sum;
};

/* z-scaled totals cannot be exact (a square root): 10^-6 of a unit. */
#define ZSCORE_DEN 1000000

static void
gather(struct calc *c, size_t scope, struct panel *p)
{
	size_t cap = 0;

	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++)
		cap += c->res->entries[c->scope_entries[i]].nsheets;
	p->sheets = xmalloc((cap + 1) * sizeof(uint32_t));
	p->js = xmalloc((cap + 1) * sizeof(struct judge_stats));
	p->n = p->njudges = 0;
	p->sum = 0;
	for (uint32_t i = c->scope_first[scope]; i < c->scope_first[scope + 1];
	     i++) {
		const struct score_entry_result *er =
		    &c->res->entries[c->scope_entries[i]];
		const uint32_t *sheets = entry_sheets(c, er);

		for (size_t k = 0; k < er->nsheets; k++)
			p->sheets[p->n++] = sheets[k];
	}
}

static struct judge_stats *
stats_of(const struct calc *c, const struct panel *p, size_t sheet)
{
	return &p->js[c->slot[c->in->sheets[sheet].judge]];
}

static void
judge_stats(struct calc *c, struct panel *p)
{
	for (size_t i = 0; i < p->n; i++) {
		int judge = c->in->sheets[p->sheets[i]].judge;
		int64_t t = c->total[p->sheets[i]];
		struct judge_stats *j;

		if (c->slot[judge] < 0) {
			c->slot[judge] = (int)p->njudges;
			p->js[p->njudges++] =
			    (struct judge_stats){ judge, 0, 0, t, t, 0 };
		}
		j = &p->js[c->slot[judge]];
		j->min = t < j->min ? t : j->min;
		j->max = t > j->max ? t : j->max;
		j->k++;
		j->sum += t;
		p->sum += t;
	}
}

/* The guard of rule 2: too few sheets, or no spread to scale. */
static bool
is_guarded(const struct judge_stats *j)
{
	return j->k < 3 || j->min == j->max;
}

/*
 * The offset of rule 2, exactly: t + S/N - S_j/k_j is the fraction
 * (t·N·k_j + S·k_j - S_j·N) / (N·k_j), kept reduced.
 */
static void
set_offset(struct calc *c, const struct panel *p, size_t sheet,
           const struct judge_stats *j)
{
	i128 n = (i128)p->n, k = (i128)j->k;
	i128 num = ck_mul(c, ck_mul(c, c->total[sheet], n), k);
	i128 den = ck_mul(c, n, k), g;

	num = ck_add(c, num, ck_mul(c, p->sum, k));
	num = ck_add(c, num, -ck_mul(c, j->sum, n));
	g = gcd128(num, den);
	c->norm[sheet] = g > 1 ? num / g : num;
	c->norm_den[sheet] = g > 1 ? den / g : den;
}

/* A total kept as it is (the guard under `offset`). */
static void
set_raw(struct calc *c, size_t sheet)
{
	c->norm[sheet] = c->total[sheet];
	c->norm_den[sheet] = 1;
}

/* Population standard deviations of the panel and of each judge. */
static long double
deviations(struct calc *c, struct panel *p)
{
	long double pm = (long double)p->sum / (long double)p->n, ss = 0;

	for (size_t i = 0; i < p->n; i++) {
		struct judge_stats *j = stats_of(c, p, p->sheets[i]);
		long double t = (long double)c->total[p->sheets[i]];
		long double jm = (long double)j->sum / (long double)j->k;

		ss += (t - pm) * (t - pm);
		j->sd += (t - jm) * (t - jm);
	}
	for (size_t j = 0; j < p->njudges; j++)
		p->js[j].sd = sqrtl(p->js[j].sd / (long double)p->js[j].k);
	return sqrtl(ss / (long double)p->n);
}

/* z-score: t' = panel mean + (t - judge mean) × panel sd / judge sd. */
static void
set_zscore(struct calc *c, const struct panel *p, size_t sheet,
           const struct judge_stats *j, long double psd)
{
	long double pm = (long double)p->sum / (long double)p->n;
	long double jm = (long double)j->sum / (long double)j->k;
	long double v = pm + ((long double)c->total[sheet] - jm) * psd / j->sd;

	v = roundl(v * ZSCORE_DEN);
	if (!(fabsl(v) < 0x1p100L)) {
		c->overflow = true;
		v = 0;
	}
	c->norm[sheet] = (i128)v;
	c->norm_den[sheet] = ZSCORE_DEN;
}

void
normalize_scope(struct calc *c, size_t scope)
{
	bool zscore = c->r->aggregate.normalize == SCORE_NORMALIZE_ZSCORE;
	struct panel p;
	long double psd = 0;

	if (c->r->aggregate.normalize == SCORE_NORMALIZE_NONE)
		return;
	if (c->norm == NULL) {
		c->norm = xcalloc(c->in->nsheets + 1, sizeof(i128));
		c->norm_den = xcalloc(c->in->nsheets + 1, sizeof(i128));
		c->guarded = xcalloc(c->in->nsheets + 1, sizeof(bool));
	}
	gather(c, scope, &p);
	judge_stats(c, &p);
	if (zscore && p.n > 0)
		psd = deviations(c, &p);
	for (size_t i = 0; i < p.n; i++) {
		size_t s = p.sheets[i];
		const struct judge_stats *j = stats_of(c, &p, s);

		/* the guard steps down one level: z-score to offset, offset
		 * to none */
		c->guarded[s] = is_guarded(j);
		if (zscore && !c->guarded[s])
			set_zscore(c, &p, s, j, psd);
		else if (zscore || !c->guarded[s])
			set_offset(c, &p, s, j);
		else
			set_raw(c, s);
	}
	for (size_t j = 0; j < p.njudges; j++)
		c->slot[p.js[j].judge] = -1;
	free(p.sheets);
	free(p.js);
}

/* compute.c: the results pipeline (totals, scopes, then the rules). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Weights are rationals with denominators dividing 10^6, so their least
 * common denominator L does too; a total in units of 1/(100 L) points is
 * then Σ points_h × weight × L, an integer.
 */
static void
setup_weights(struct calc *c)
{
	const struct score_rubric *r = c->r;
	int64_t l = 1;

	for (size_t i = 0; i < r->ncriteria; i++)
		l = l / gcd64(l, r->criteria[i].weight.den) *
		    r->criteria[i].weight.den;
	c->q = 100 * l;
	c->weight_units = xmalloc((r->ncriteria + 1) * sizeof(int64_t));
	for (size_t i = 0; i < r->ncriteria; i++)
		c->weight_units[i] =
		    r->criteria[i].weight.num * (l / r->criteria[i].weight.den);
}

/* Totals of complete sheets, grouped by entry in input order (stable). */
static void
compute_totals(struct calc *c, uint32_t *count)
{
	const struct score_input *in = c->in;
	size_t ncrit = in->ncrit;
	uint32_t pos = 0;

	c->total = xmalloc((in->nsheets + 1) * sizeof(int64_t));
	c->entry_first = xmalloc((in->nentries + 1) * sizeof(uint32_t));
	c->by_entry = xmalloc((in->nsheets + 1) * sizeof(uint32_t));
	for (size_t s = 0; s < in->nsheets; s++) {
		const int32_t *p = &in->points[s * ncrit];
		int64_t t = 0;

		if (in->sheets[s].missing != 0)
			continue;
		for (size_t k = 0; k < ncrit; k++)
			t += (int64_t)p[k] * c->weight_units[k];
		c->total[s] = t;
		count[in->sheets[s].entry]++;
	}
	for (size_t e = 0; e < in->nentries; e++) {
		c->entry_first[e] = pos;
		pos += count[e];
		count[e] = 0;
	}
	for (size_t s = 0; s < in->nsheets; s++) {
		size_t e = (size_t)in->sheets[s].entry;

		if (in->sheets[s].missing == 0)
			c->by_entry[c->entry_first[e] + count[e]++] =
			    (uint32_t)s;
	}
}

/* One scope per field that has results (field scope), or one in all. */
static void
make_scopes(struct calc *c, const uint32_t *count)
{
	const struct score_rubric *r = c->r;
	struct score_results *res = c->res;
	bool *used = xcalloc(r->nfields + 1, sizeof(bool));

	c->scope_of_field = xcalloc(r->nfields + 1, sizeof(size_t));
	for (size_t e = 0; e < c->in->nentries; e++)
		if (count == NULL || count[e] > 0)
			used[c->in->entries[e].field] = true;
	res->scopes = xcalloc(r->nfields + 1, sizeof(*res->scopes));
	if (r->scope == SCORE_SCOPE_CONTEST || r->mode == SCORE_MODE_BALLOT) {
		res->scopes[0].field = -1;
		res->nscopes = 1;
	} else {
		for (size_t f = 0; f < r->nfields; f++) {
			if (!used[f])
				continue;
			c->scope_of_field[f] = res->nscopes;
			res->scopes[res->nscopes++].field = (int)f;
		}
	}
	free(used);
}

/* A result for every entry with at least one complete sheet (rule 1). */
static void
make_entries(struct calc *c, const uint32_t *count)
{
	const struct score_input *in = c->in;
	struct score_results *res = c->res;
	size_t nsheets = 0, ncrit = c->r->ncriteria, n = 0;

	for (size_t e = 0; e < in->nentries; e++)
		n += count[e] > 0;
	res->entries = xcalloc(n + 1, sizeof(*res->entries));
	res->criteria_pool = xcalloc(n * ncrit + 1, sizeof(int64_t));
	res->sheets = xmalloc((in->nsheets + 1) * sizeof(*res->sheets));
	for (size_t e = 0; e < in->nentries; e++) {
		struct score_entry_result *er = &res->entries[res->nentries];
		size_t f = in->entries[e].field;

		if (count[e] == 0)
			continue;
		er->entry = (int)e;
		er->field = f;
		er->scope = c->r->scope == SCORE_SCOPE_CONTEST
		                ? 0
		                : c->scope_of_field[f];
		er->tier = -1;
		er->first_sheet = nsheets;
		er->nsheets = count[e];
		er->criteria = &res->criteria_pool[res->nentries * ncrit];
		nsheets += count[e];
		res->nentries++;
	}
	res->nsheets = nsheets;
}

/* The result entries of each scope, grouped (counting sort). */
static void
group_scopes(struct calc *c)
{
	struct score_results *res = c->res;
	uint32_t *fill = xcalloc(res->nscopes + 1, sizeof(uint32_t));

	c->scope_first = xcalloc(res->nscopes + 1, sizeof(uint32_t));
	c->scope_entries = xmalloc((res->nentries + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < res->nentries; i++)
		c->scope_first[res->entries[i].scope + 1]++;
	for (size_t s = 0; s < res->nscopes; s++)
		c->scope_first[s + 1] += c->scope_first[s];
	for (size_t i = 0; i < res->nentries; i++) {
		size_t s = res->entries[i].scope;

		c->scope_entries[c->scope_first[s] + fill[s]++] = (uint32_t)i;
	}
	free(fill);
}

static void
compute_scores(struct calc *c)
{
	struct score_results *res = c->res;
	uint32_t *count = xcalloc(c->in->nentries + 1, sizeof(uint32_t));
	size_t most = 1;

	setup_weights(c);
	compute_totals(c, count);
	make_scopes(c, count);
	make_entries(c, count);
	free(count);
	group_scopes(c);
	c->excluded = xcalloc(c->in->nsheets + 1, sizeof(bool));
	c->slot = xmalloc((c->in->njudges + 1) * sizeof(int));
	for (size_t j = 0; j < c->in->njudges; j++)
		c->slot[j] = -1;
	for (size_t s = 0; s < res->nscopes; s++)
		normalize_scope(c, s);
	for (size_t i = 0; i < res->nentries; i++)
		most = res->entries[i].nsheets > most ? res->entries[i].nsheets
		                                      : most;
	c->scratch = xmalloc(2 * most * sizeof(i128));
	for (size_t i = 0; i < res->nentries && !c->overflow; i++)
		aggregate_entry(c, &res->entries[i]);
	if (c->overflow)
		return; /* the caller reports it; nothing below is meaningful */
	/* at most one result per (judge, scope) pair that has a sheet */
	res->judges = xmalloc((res->nsheets + 1) * sizeof(*res->judges));
	for (size_t s = 0; s < res->nscopes; s++)
		diagnose_scope(c, s);
	rank_all(c);
}

static void
calc_release(struct calc *c)
{
	free(c->weight_units);
	free(c->total);
	free(c->by_entry);
	free(c->entry_first);
	free(c->scope_entries);
	free(c->scope_first);
	free(c->scope_of_field);
	free(c->norm);
	free(c->norm_den);
	free(c->guarded);
	free(c->excluded);
	free(c->slot);
	free(c->scratch);
}

struct score_results *
score_compute(const struct score_rubric *r, const struct score_input *in,
              struct score_error *err)
{
	struct calc c;
	struct score_results *res = xcalloc(1, sizeof(*res));

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.in = in;
	c.res = res;
	res->mode = r->mode;
	res->decimals = r->aggregate.decimals;
	if (r->mode == SCORE_MODE_BALLOT) {
		make_scopes(&c, NULL);
		ballot_compute(&c);
	} else {
		compute_scores(&c);
	}
	calc_release(&c);
	if (c.overflow) {
		score_results_free(res);
		score_error_set(err, SCORE_E_OVERFLOW, NULL, NULL, NULL);
		return NULL;
	}
	return res;
}

void
score_results_free(struct score_results *res)
{
	if (res == NULL)
		return;
	free(res->entries);
	free(res->criteria_pool);
	free(res->sheets);
	free(res->scopes);
	free(res->judges);
	free(res);
}

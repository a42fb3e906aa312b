/* compute.c: the results pipeline (totals, scopes, then the rules). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

i128
ck_add(struct calc *c, i128 a, i128 b)
{
	i128 r;

	if (__builtin_add_overflow(a, b, &r)) {
		c->overflow = true;
		return 0;
	}
	return r;
}

i128
ck_mul(struct calc *c, i128 a, i128 b)
{
	i128 r;

	if (__builtin_mul_overflow(a, b, &r)) {
		c->overflow = true;
		return 0;
	}
	return r;
}

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
	c->weight_units = xcalloc(r->ncriteria + 1, sizeof(int64_t));
	for (size_t i = 0; i < r->ncriteria; i++)
		c->weight_units[i] =
		    r->criteria[i].weight.num * (l / r->criteria[i].weight.den);
}

/* Totals of complete sheets, grouped by entry in input order (stable). */
static void
compute_totals(struct calc *c)
{
	const struct score_input *in = c->in;
	size_t ncrit = in->ncrit, pos = 0;

	c->total = xcalloc(in->nsheets + 1, sizeof(int64_t));
	c->entry_first = xcalloc(in->nentries + 1, sizeof(size_t));
	c->entry_count = xcalloc(in->nentries + 1, sizeof(size_t));
	c->by_entry = xcalloc(in->nsheets + 1, sizeof(size_t));
	for (size_t s = 0; s < in->nsheets; s++) {
		const int32_t *p = &in->points[s * ncrit];
		int64_t t = 0;

		if (in->sheets[s].missing != 0)
			continue;
		for (size_t k = 0; k < ncrit; k++)
			t += (int64_t)p[k] * c->weight_units[k];
		c->total[s] = t;
		c->entry_count[in->sheets[s].entry]++;
	}
	for (size_t e = 0; e < in->nentries; e++) {
		c->entry_first[e] = pos;
		pos += c->entry_count[e];
		c->entry_count[e] = 0;
	}
	for (size_t s = 0; s < in->nsheets; s++) {
		size_t e = (size_t)in->sheets[s].entry;

		if (in->sheets[s].missing == 0)
			c->by_entry[c->entry_first[e] + c->entry_count[e]++] =
			    s;
	}
}

/* One scope per field that has results (field scope), or one in all. */
static void
make_scopes(struct calc *c)
{
	const struct score_rubric *r = c->r;
	struct score_results *res = c->res;
	bool *used = xcalloc(r->nfields + 1, sizeof(bool));

	c->scope_of_field = xcalloc(r->nfields + 1, sizeof(size_t));
	for (size_t e = 0; e < c->in->nentries; e++)
		if (r->mode == SCORE_MODE_BALLOT || c->entry_count[e] > 0)
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
make_entries(struct calc *c)
{
	const struct score_input *in = c->in;
	struct score_results *res = c->res;
	size_t nsheets = 0;

	res->entries = xcalloc(in->nentries + 1, sizeof(*res->entries));
	res->sheets = xcalloc(in->nsheets + 1, sizeof(*res->sheets));
	c->result_of = xcalloc(in->nentries + 1, sizeof(int));
	for (size_t e = 0; e < in->nentries; e++) {
		struct score_entry_result *er = &res->entries[res->nentries];
		size_t f = in->entries[e].field;

		c->result_of[e] = -1;
		if (c->entry_count[e] == 0)
			continue;
		c->result_of[e] = (int)res->nentries++;
		er->entry = (int)e;
		er->field = f;
		er->scope = c->r->scope == SCORE_SCOPE_CONTEST
		                ? 0
		                : c->scope_of_field[f];
		er->tier = -1;
		er->first_sheet = nsheets;
		er->nsheets = c->entry_count[e];
		er->criteria = xcalloc(c->r->ncriteria + 1, sizeof(int64_t));
		for (size_t i = 0; i < er->nsheets; i++)
			res->sheets[nsheets++].judge =
			    in->sheets[c->by_entry[c->entry_first[e] + i]]
			        .judge;
	}
	res->nsheets = nsheets;
}

/* The complete sheets of each scope, grouped (counting sort). */
static size_t *
sheets_by_scope(struct calc *c, size_t *first, size_t *count)
{
	struct score_results *res = c->res;
	size_t *list = xcalloc(res->nsheets + 1, sizeof(size_t)), pos = 0;

	for (size_t i = 0; i < res->nentries; i++)
		count[res->entries[i].scope] += res->entries[i].nsheets;
	for (size_t s = 0; s < res->nscopes; s++) {
		first[s] = pos;
		pos += count[s];
		count[s] = 0;
	}
	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];
		size_t base = c->entry_first[er->entry];

		for (size_t k = 0; k < er->nsheets; k++)
			list[first[er->scope] + count[er->scope]++] =
			    c->by_entry[base + k];
	}
	return list;
}

static void
compute_scores(struct calc *c)
{
	struct score_results *res = c->res;
	size_t n, *first, *count, *list;

	setup_weights(c);
	compute_totals(c);
	make_scopes(c);
	make_entries(c);
	n = res->nscopes;
	first = xcalloc(n + 1, sizeof(size_t));
	count = xcalloc(n + 1, sizeof(size_t));
	list = sheets_by_scope(c, first, count);
	c->norm = xcalloc(c->in->nsheets + 1, sizeof(i128));
	c->norm_den = xcalloc(n + 1, sizeof(i128));
	c->guarded = xcalloc(c->in->nsheets + 1, sizeof(bool));
	c->excluded = xcalloc(c->in->nsheets + 1, sizeof(bool));
	for (size_t s = 0; s < n; s++)
		normalize_scope(c, s, list + first[s], count[s]);
	for (size_t i = 0; i < res->nentries; i++)
		aggregate_entry(c, &res->entries[i]);
	res->judges = xcalloc(c->in->nsheets + 1, sizeof(*res->judges));
	for (size_t s = 0; s < n; s++) {
		rank_scope(c, s);
		diagnose_scope(c, s, list + first[s], count[s]);
	}
	order_results(c);
	free(list);
	free(first);
	free(count);
}

static void
calc_release(struct calc *c)
{
	free(c->weight_units);
	free(c->total);
	free(c->by_entry);
	free(c->entry_first);
	free(c->entry_count);
	free(c->result_of);
	free(c->scope_of_field);
	free(c->norm);
	free(c->norm_den);
	free(c->guarded);
	free(c->excluded);
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
		make_scopes(&c);
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
	for (size_t i = 0; i < res->nentries; i++)
		free(res->entries[i].criteria);
	free(res->entries);
	free(res->sheets);
	free(res->scopes);
	free(res->judges);
	free(res);
}

/* test_assign.c: judge auto-assignment per panel (issue 3). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../scoring/assign.h"
#include "harness.h"

struct assign_case {
	const char *name;
	size_t n, nj;
	unsigned k;
	int want; /* assign_panel's result */
	/* n rows of nj cells ('.' allowed, 'x' conflict, 'F' fixed); spaces
	 * between rows are ignored. */
	const char *grid;
	const char *want_short; /* short entries, comma-separated */
	unsigned want_min, want_max;
	size_t want_components;
};

static const struct assign_case cases[] = {
	{ "no conflicts: equal loads, connected", 6, 4, 2, 0,
	  ".... .... .... .... .... ....", "", 3, 3, 1 },
	{ "k = njudges: every entry gets every judge", 3, 3, 3, 0,
	  "... ... ...", "", 3, 3, 1 },
	{ "k > njudges: every allowed judge, infeasible", 3, 2, 3, 1,
	  ".. .. .x", "0,1,2", 2, 3, 1 },
	{ "one allowed judge per entry, k = 3: all reported short", 4, 4, 3, 1,
	  ".xxx x.xx xx.x xxx.", "0,1,2,3", 1, 1, 4 },
	{ "fixed pairs are kept", 4, 3, 2, 0, "F.. .F. ..F F.x", "", 2, 3, 1 },
	{ "fixed pairs may unbalance: the rest is balanced around them", 4, 4,
	  1, 1, "F... F... F... ....", "", 0, 3, 2 },
	{ "a judge conflicted with every entry: spread forced to 4", 4, 3, 2, 1,
	  "..x ..x ..x ..x", "", 0, 4, 1 },
	{ "a judge allowed for one entry: least spread is 2", 6, 3, 1, 1,
	  "... ..x ..x ..x ..x ..x", "", 1, 3, 3 },
	{ "k = 1: balanced, one component per judge is fine", 6, 3, 1, 0,
	  "... ... ... ... ... ...", "", 2, 2, 3 },
	{ "a spanning tree is the only connected balanced answer", 3, 4, 2, 0,
	  ".... .... ....", "", 1, 2, 1 },
	{ "two conflict blocks cannot be connected", 4, 4, 2, 1,
	  "..xx ..xx xx.. xx..", "", 2, 2, 2 },
	{ "fewer seats than judges: loads 0 or 1 keep entries apart", 2, 5, 2,
	  1, "..... .....", "", 0, 1, 2 },
	{ "one entry, k = 2 of five judges", 1, 5, 2, 0, ".....", "", 0, 1, 1 },
	{ "no judges: every entry short", 2, 0, 2, 1, "", "0,1", 0, 0, 2 },
	{ "no entries", 0, 3, 2, 0, "", "", 0, 0, 0 },
	{ "an entry with no allowed judge is its own component", 3, 3, 2, 1,
	  "... ... xxx", "2", 1, 2, 2 },
};

/* Builds the matrices of a case; false (and a failure) on a bad grid. */
static bool
parse_grid(const struct assign_case *c, bool *allowed, bool *fixed)
{
	size_t cell = 0;

	for (const char *s = c->grid; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (!CHECKF(cell < c->n * c->nj, "grid too long"))
			return false;
		allowed[cell] = *s != 'x';
		fixed[cell] = *s == 'F';
		cell++;
	}
	return CHECKF(cell == c->n * c->nj, "grid has %zu cells", cell);
}

/* The report's short entries as "0,2"; the same for an empty list. */
static void
check_short(const struct assign_report *rep, const char *want)
{
	struct buf b;

	buf_init(&b, 4096);
	buf_puts(&b, "");
	for (size_t i = 0; i < rep->nshort; i++)
		buf_printf(&b, "%s%zu", i > 0 ? "," : "",
		           rep->short_entries[i]);
	CHECK_STR(b.data, want);
	buf_release(&b);
}

static void
run_case(const struct assign_case *c)
{
	size_t cells = c->n * c->nj + 1;
	bool *allowed = xcalloc(cells, sizeof(bool));
	bool *fixed = xcalloc(cells, sizeof(bool));
	bool *assigned = xcalloc(cells, sizeof(bool));
	struct assign_problem p = { c->n, c->nj, c->k, allowed, fixed };
	struct assign_report rep, again;

	if (parse_grid(c, allowed, fixed)) {
		CHECK_INT(assign_panel(&p, assigned, &rep), c->want);
		check_short(&rep, c->want_short);
		CHECK_INT(rep.feasible, c->want_short[0] == '\0');
		CHECK_INT(rep.min_load, c->want_min);
		CHECK_INT(rep.max_load, c->want_max);
		CHECK_INT(rep.components, c->want_components);
		CHECK_INT(rep.nconflicts, 0);
		CHECK_INT(rep.nfixed_missing, 0);
		CHECK_INT(assign_check(&p, assigned, &again), c->want);
		assign_report_release(&again);
		assign_report_release(&rep);
	}
	free(allowed);
	free(fixed);
	free(assigned);
}

/* ---- Arguments and checks ---------------------------------------------- */

static void
test_bad_arguments(void)
{
	bool allowed[4] = { true, true, true, false };
	bool fixed[4] = { false, false, false, true };
	bool assigned[4];
	struct assign_problem p = { 2, 2, 1, allowed, NULL };
	struct assign_report rep;

	t_case("assign: bad arguments are -1 with an empty report");
	CHECK_INT(assign_panel(NULL, assigned, &rep), -1);
	CHECK(rep.short_entries == NULL);
	CHECK_INT(assign_panel(&p, NULL, &rep), -1);
	CHECK_INT(assign_panel(&p, assigned, NULL), -1);
	p.k = 0;
	CHECK_INT(assign_panel(&p, assigned, &rep), -1);
	CHECK_INT(assign_check(&p, assigned, &rep), -1);
	p.k = 1;
	p.fixed = fixed; /* a fixed pair on a conflict */
	CHECK_INT(assign_panel(&p, assigned, &rep), -1);
	fixed[3] = false;
	fixed[0] = fixed[1] = true; /* two fixed, k = 1 */
	CHECK_INT(assign_panel(&p, assigned, &rep), -1);
	p.nentries = SIZE_MAX / 2 + 1; /* sizes beyond the limits */
	CHECK_INT(assign_check(&p, assigned, &rep), -1);
	assign_report_release(&rep);
	assign_report_release(NULL);
}

static void
test_check(void)
{
	/* 2 entries × 3 judges, k = 2; judge 2 conflicts with entry 1 and is
	 * fixed for entry 0. */
	bool allowed[6] = { true, true, true, true, true, false };
	bool fixed[6] = { false, false, true, false, false, false };
	bool good[6] = { true, false, true, true, true, false };
	bool bad[6] = { true, true, false, true, false, true };
	bool uneven[6] = { true, false, true, true, false, false };
	struct assign_problem p = { 2, 3, 2, allowed, fixed };
	struct assign_report rep;

	t_case("assign_check: a good assignment passes");
	CHECK_INT(assign_check(&p, good, &rep), 0);
	CHECK_INT(rep.components, 1);
	assign_report_release(&rep);

	t_case("assign_check: a conflict and a missing fixed pair");
	CHECK_INT(assign_check(&p, bad, &rep), 1);
	CHECK_INT(rep.nconflicts, 1);
	CHECK_INT(rep.nfixed_missing, 1);
	CHECK(rep.feasible);
	assign_report_release(&rep);

	t_case("assign_check: a short entry and uneven loads");
	CHECK_INT(assign_check(&p, uneven, &rep), 1);
	CHECK(!rep.feasible);
	check_short(&rep, "1");
	CHECK_INT(rep.min_load, 0);
	CHECK_INT(rep.max_load, 2);
	CHECK_INT(rep.nconflicts, 0);
	assign_report_release(&rep);
}

/* ---- Properties over pseudo-random panels ------------------------------ */

/* splitmix64: a fixed sequence, so every run tests the same panels. */
static uint64_t
prng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t
prng_range(uint64_t *state, size_t lo, size_t hi)
{
	return lo + (size_t)(prng_next(state) % (hi - lo + 1));
}

struct panel {
	struct assign_problem p;
	bool *allowed, *fixed, *assigned;
	unsigned *deg; /* allowed judges per entry */
};

/* A panel with conflicts at `percent`; a few fixed pairs when asked. */
static void
panel_make(struct panel *pn, uint64_t *rng, size_t n, size_t nj, unsigned k,
           unsigned percent, bool with_fixed)
{
	size_t cells = n * nj + 1;

	pn->allowed = xcalloc(cells, sizeof(bool));
	pn->fixed = xcalloc(cells, sizeof(bool));
	pn->assigned = xcalloc(cells, sizeof(bool));
	pn->deg = xcalloc(n + 1, sizeof(unsigned));
	for (size_t i = 0; i < n * nj; i++) {
		pn->allowed[i] = prng_range(rng, 0, 99) >= percent;
		pn->deg[i / nj] += pn->allowed[i];
	}
	/* Fix one allowed judge of every seventh entry, the judges taken in
	 * turn so that the fixed pairs alone do not force an imbalance. */
	for (size_t e = 0; with_fixed && e < n; e += 7) {
		for (size_t t = 0; t < nj; t++) {
			size_t cell = e * nj + (e / 7 + t) % nj;

			if (pn->allowed[cell]) {
				pn->fixed[cell] = true;
				break;
			}
		}
	}
	pn->p = (struct assign_problem){ n, nj, k, pn->allowed,
		                         with_fixed ? pn->fixed : NULL };
}

static void
panel_free(struct panel *pn)
{
	free(pn->allowed);
	free(pn->fixed);
	free(pn->assigned);
	free(pn->deg);
}

/* Every entry has exactly min(k, allowed) judges, all allowed; fixed kept. */
static bool
check_valid(const struct panel *pn)
{
	size_t nj = pn->p.njudges;

	for (size_t e = 0; e < pn->p.nentries; e++) {
		unsigned count = 0,
		         want = pn->deg[e] < pn->p.k ? pn->deg[e] : pn->p.k;

		for (size_t j = 0; j < nj; j++) {
			size_t cell = e * nj + j;

			count += pn->assigned[cell];
			if (!CHECKF(!pn->assigned[cell] || pn->allowed[cell],
			            "entry %zu: conflicted judge %zu", e, j) ||
			    !CHECKF(pn->p.fixed == NULL || !pn->p.fixed[cell] ||
			                pn->assigned[cell],
			            "entry %zu: fixed judge %zu dropped", e, j))
				return false;
		}
		if (!CHECKF(count == want, "entry %zu: %u judges, want %u", e,
		            count, want))
			return false;
	}
	return true;
}

/* Runs one panel; returns assign_panel's result (the report is checked). */
static int
panel_run(struct panel *pn, struct assign_report *rep)
{
	size_t cells = pn->p.nentries * pn->p.njudges;
	bool *first = xcalloc(cells + 1, sizeof(bool));
	struct assign_report again;
	int rc = assign_panel(&pn->p, first, &again);

	assign_report_release(&again);
	/* The same problem twice: the same answer (no hidden randomness). */
	CHECK_INT(assign_panel(&pn->p, pn->assigned, rep), rc);
	CHECK(cells == 0 || memcmp(first, pn->assigned, cells) == 0);
	free(first);
	CHECKF(rc == 0 || rc == 1, "assign_panel = %d", rc);
	check_valid(pn);
	CHECK_INT(assign_check(&pn->p, pn->assigned, &again), rc);
	CHECK_INT(again.components, rep->components);
	assign_report_release(&again);
	return rc;
}

/*
 * The best any assignment could do, by enumeration (tiny panels only):
 * the least spread of loads, and whether some assignment meets every
 * property at once.
 */
struct best {
	unsigned spread;
	bool all_good;
};

static size_t
tiny_components(const struct panel *pn, const unsigned *mask)
{
	size_t n = pn->p.nentries, nj = pn->p.njudges, parent[16], count = 0;
	bool used[16] = { false };

	for (size_t v = 0; v < n + nj; v++)
		parent[v] = v;
	for (size_t e = 0; e < n; e++) {
		for (size_t j = 0; j < nj; j++) {
			size_t a = e, b = n + j;

			if (!(mask[e] >> j & 1u))
				continue;
			used[j] = true;
			while (parent[a] != a)
				a = parent[a];
			while (parent[b] != b)
				b = parent[b];
			parent[a] = b;
		}
	}
	for (size_t v = 0; v < n + nj; v++)
		count += (v < n || used[v - n]) && parent[v] == v;
	return count;
}

static void
tiny_score(const struct panel *pn, const unsigned *mask, struct best *best)
{
	unsigned load[8] = { 0 }, lo = UINT_MAX, hi = 0;

	for (size_t e = 0; e < pn->p.nentries; e++)
		for (size_t j = 0; j < pn->p.njudges; j++)
			load[j] += mask[e] >> j & 1u;
	for (size_t j = 0; j < pn->p.njudges; j++) {
		lo = load[j] < lo ? load[j] : lo;
		hi = load[j] > hi ? load[j] : hi;
	}
	if (hi - lo < best->spread)
		best->spread = hi - lo;
	if (hi - lo <= 1 && (pn->p.k < 2 || tiny_components(pn, mask) <= 1))
		best->all_good = true;
}

/* Tries every set of min(k, allowed) allowed judges for entries e.. */
static void
tiny_enumerate(const struct panel *pn, size_t e, unsigned *mask,
               struct best *best)
{
	size_t nj = pn->p.njudges;
	unsigned want = pn->deg[e] < pn->p.k ? pn->deg[e] : pn->p.k;

	if (e == pn->p.nentries) {
		tiny_score(pn, mask, best);
		return;
	}
	for (unsigned m = 0; m < 1u << nj; m++) {
		unsigned bits = 0;
		bool ok = true;

		for (size_t j = 0; j < nj; j++) {
			bits += m >> j & 1u;
			ok = ok && (!(m >> j & 1u) || pn->allowed[e * nj + j]);
		}
		if (ok && bits == want) {
			mask[e] = m;
			tiny_enumerate(pn, e + 1, mask, best);
		}
	}
}

static void
test_tiny_panels(void)
{
	uint64_t rng = 20260301;
	size_t worse = 0, missed = 0;

	t_case("assign: tiny panels match exhaustive search");
	for (int round = 0; round < 400; round++) {
		struct panel pn;
		struct assign_report rep;
		struct best best = { UINT_MAX, false };
		unsigned mask[8];
		size_t nj = prng_range(&rng, 1, 5);
		size_t n = prng_range(&rng, 1, 4);
		unsigned k = (unsigned)prng_range(&rng, 1, 3);
		bool feasible = true;
		int rc;

		panel_make(&pn, &rng, n, nj, k,
		           (unsigned)prng_range(&rng, 0, 40), false);
		for (size_t e = 0; e < n; e++)
			feasible = feasible && pn.deg[e] >= k;
		tiny_enumerate(&pn, 0, mask, &best);
		rc = panel_run(&pn, &rep);
		worse += rep.max_load - rep.min_load != best.spread;
		missed += feasible && best.all_good && rc != 0;
		assign_report_release(&rep);
		panel_free(&pn);
	}
	CHECKF(worse == 0, "%zu panels with more than the least spread", worse);
	CHECKF(missed == 0, "%zu panels missed an assignment meeting all",
	       missed);
}

/*
 * Whether a connected, balanced assignment can exist at all: a connected
 * graph on n entries and J judges needs at least n + J - 1 of the n·k
 * pairs (and k = 1 asks for no connectivity).
 */
static bool
is_connectable(size_t n, size_t nj, unsigned k)
{
	return k == 1 || n * (k - 1) + 1 >= nj;
}

static void
test_random_panels(void)
{
	uint64_t rng = 20260302;
	size_t demanded = 0, failed = 0;

	t_case("assign: random panels are valid, light ones perfect");
	for (int round = 0; round < 300; round++) {
		struct panel pn;
		struct assign_report rep;
		size_t n = prng_range(&rng, 1, 200);
		size_t nj = prng_range(&rng, 1, 25);
		unsigned k = (unsigned)prng_range(&rng, 1, 5);
		unsigned percent = (unsigned)prng_range(&rng, 0, 40);
		bool demand =
		    percent <= 10 && nj >= k + 1 && is_connectable(n, nj, k);
		int rc;

		panel_make(&pn, &rng, n, nj, k, percent, round % 3 == 0);
		for (size_t e = 0; e < n; e++)
			demand = demand && pn.deg[e] >= k;
		rc = panel_run(&pn, &rep);
		demanded += demand;
		if (!CHECKF(!demand || rc == 0,
		            "panel %d (%zu×%zu, k=%u, %u%%): rc %d, loads "
		            "%u..%u, %zu components",
		            round, n, nj, k, percent, rc, rep.min_load,
		            rep.max_load, rep.components))
			failed++;
		assign_report_release(&rep);
		panel_free(&pn);
	}
	CHECKF(demanded >= 60, "only %zu panels demanded perfection", demanded);
	CHECK_INT(failed, 0);
}

void
suite_assign(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t_case("assign: %s", cases[i].name);
		run_case(&cases[i]);
	}
	test_bad_arguments();
	test_check();
	test_tiny_panels();
	test_random_panels();
}

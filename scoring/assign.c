/* assign.c: judge assignment per panel: checks and connectivity repair. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define NONE SIZE_MAX

static bool
is_fixed(const struct assign_problem *p, size_t cell)
{
	return p->fixed != NULL && p->fixed[cell];
}

/* Sizes and pointers; loads and totals must fit an unsigned. */
static int
validate(const struct assign_problem *p, const bool *assigned)
{
	size_t n, nj;

	if (p == NULL || p->k == 0)
		return -1;
	n = p->nentries;
	nj = p->njudges;
	if (nj > UINT_MAX || n > UINT_MAX / p->k)
		return -1;
	if (nj != 0 && n > SIZE_MAX / nj)
		return -1;
	if (n * nj > 0 && (p->allowed == NULL || assigned == NULL))
		return -1;
	return 0;
}

/* Fixed pairs must be allowed and at most k per entry. */
static int
validate_fixed(const struct assign_problem *p)
{
	size_t nj = p->njudges;

	if (p->fixed == NULL)
		return 0;
	for (size_t e = 0; e < p->nentries; e++) {
		unsigned count = 0;

		for (size_t j = 0; j < nj; j++) {
			if (!p->fixed[e * nj + j])
				continue;
			if (!p->allowed[e * nj + j] || ++count > p->k)
				return -1;
		}
	}
	return 0;
}

/* ---- Checking ---------------------------------------------------------- */

static size_t
uf_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/* Components over every entry and the judges with a load (union-find). */
static size_t
count_components(const struct assign_problem *p, const bool *assigned,
                 const unsigned *load)
{
	size_t n = p->nentries, nj = p->njudges, count = 0;
	size_t *parent = xreallocarray(NULL, n + nj + 1, sizeof(size_t));

	for (size_t v = 0; v < n + nj; v++)
		parent[v] = v;
	for (size_t i = 0; i < n * nj; i++) {
		if (assigned[i])
			parent[uf_find(parent, i / nj)] =
			    uf_find(parent, n + i % nj);
	}
	for (size_t v = 0; v < n + nj; v++) {
		if ((v < n || load[v - n] > 0) && uf_find(parent, v) == v)
			count++;
	}
	free(parent);
	return count;
}

/* Coverage, conflicts and fixed pairs, entry by entry; fills `load`. */
static void
check_pairs(const struct assign_problem *p, const bool *assigned,
            unsigned *load, struct assign_report *rep)
{
	size_t n = p->nentries, nj = p->njudges;

	rep->short_entries = xreallocarray(NULL, n + 1, sizeof(size_t));
	for (size_t e = 0; e < n; e++) {
		unsigned count = 0;

		for (size_t j = 0; j < nj; j++) {
			size_t cell = e * nj + j;

			if (assigned[cell]) {
				count++;
				load[j]++;
				rep->nconflicts += !p->allowed[cell];
			} else if (is_fixed(p, cell)) {
				rep->nfixed_missing++;
			}
		}
		if (count < p->k)
			rep->short_entries[rep->nshort++] = e;
	}
	rep->feasible = rep->nshort == 0;
}

int
assign_check(const struct assign_problem *p, const bool *assigned,
             struct assign_report *report)
{
	unsigned *load;
	bool balanced, connected;

	if (report == NULL)
		return -1;
	memset(report, 0, sizeof(*report));
	if (validate(p, assigned) != 0)
		return -1;
	load = xcalloc(p->njudges + 1, sizeof(unsigned));
	check_pairs(p, assigned, load, report);
	report->min_load = p->njudges > 0 ? UINT_MAX : 0;
	for (size_t j = 0; j < p->njudges; j++) {
		if (load[j] < report->min_load)
			report->min_load = load[j];
		if (load[j] > report->max_load)
			report->max_load = load[j];
	}
	report->components = count_components(p, assigned, load);
	free(load);
	balanced = report->max_load - report->min_load <= 1;
	/* With one judge per entry only a judge holding every entry could
	 * connect the graph, so connectivity is asked for from k = 2. */
	connected = report->components <= 1 || p->k < 2;
	if (report->feasible && report->nconflicts == 0 &&
	    report->nfixed_missing == 0 && balanced && connected)
		return 0;
	return 1;
}

void
assign_report_release(struct assign_report *report)
{
	if (report == NULL)
		return;
	free(report->short_entries);
	memset(report, 0, sizeof(*report));
}

/* ---- Connectivity repair ----------------------------------------------- */

struct frame {
	size_t v, parent, cursor;
};

/*
 * The judge-entry graph: vertices 0..n-1 are entries, n..n+J-1 judges.
 * Loads stay within [lo, hi], the bounds the balancing reached, so the
 * repair never costs balance.
 */
struct repair {
	const struct assign_problem *p;
	bool *assigned;
	unsigned *load;
	unsigned lo, hi;
	size_t *comp; /* per vertex: its component, NONE for idle judges */
	size_t *disc, *low;
	bool *bridge; /* per pair: the assigned pair is a bridge */
	struct frame *stack;
};

/* The next neighbour of v from *cursor on; false when there is none. */
static bool
next_neighbour(const struct repair *r, size_t v, size_t *cursor, size_t *w)
{
	size_t n = r->p->nentries, nj = r->p->njudges;

	if (v < n) {
		while (*cursor < nj) {
			size_t j = (*cursor)++;

			if (r->assigned[v * nj + j]) {
				*w = n + j;
				return true;
			}
		}
		return false;
	}
	while (*cursor < n) {
		size_t e = (*cursor)++;

		if (r->assigned[e * nj + (v - n)]) {
			*w = e;
			return true;
		}
	}
	return false;
}

/* Tree edge parent-v closes: propagate low, mark the edge if a bridge. */
static void
close_edge(struct repair *r, size_t parent, size_t v)
{
	size_t n = r->p->nentries, nj = r->p->njudges;

	if (r->low[v] < r->low[parent])
		r->low[parent] = r->low[v];
	if (r->low[v] > r->disc[parent]) {
		size_t e = parent < n ? parent : v;
		size_t judge = (parent < n ? v : parent) - n;

		r->bridge[e * nj + judge] = true;
	}
}

/* Depth-first search from root (Tarjan's bridges), without recursion. */
static void
explore(struct repair *r, size_t root, size_t comp, size_t *clock)
{
	size_t top = 0, w;

	r->disc[root] = r->low[root] = ++*clock;
	r->comp[root] = comp;
	r->stack[top++] = (struct frame){ root, NONE, 0 };
	while (top > 0) {
		struct frame *fr = &r->stack[top - 1];

		if (next_neighbour(r, fr->v, &fr->cursor, &w)) {
			/* A simple graph: the parent is reached only by the
			 * tree edge itself. */
			if (w == fr->parent)
				continue;
			if (r->disc[w] == 0) {
				r->disc[w] = r->low[w] = ++*clock;
				r->comp[w] = comp;
				r->stack[top++] = (struct frame){ w, fr->v, 0 };
			} else if (r->disc[w] < r->low[fr->v]) {
				r->low[fr->v] = r->disc[w];
			}
			continue;
		}
		top--;
		if (fr->parent != NONE)
			close_edge(r, fr->parent, fr->v);
	}
}

/* Labels components and bridges; returns the number of components. */
static size_t
find_bridges(struct repair *r)
{
	size_t n = r->p->nentries, nj = r->p->njudges, ncomp = 0, clock = 0;

	memset(r->bridge, 0, n * nj * sizeof(bool));
	for (size_t v = 0; v < n + nj; v++) {
		r->disc[v] = 0;
		r->comp[v] = NONE;
	}
	for (size_t v = 0; v < n + nj; v++) {
		if (r->disc[v] != 0 || (v >= n && r->load[v - n] == 0))
			continue;
		explore(r, v, ncomp++, &clock);
	}
	return ncomp;
}

/* Whether entry a could take judge y, who sits in another component. */
static bool
is_target(const struct repair *r, size_t a, size_t y)
{
	size_t nj = r->p->njudges, cell = a * nj + y;

	return r->load[y] > 0 && r->comp[r->p->nentries + y] != r->comp[a] &&
	       r->p->allowed[cell] && !r->assigned[cell];
}

/* An entry b holding judge y (not fixed) that could take judge x instead. */
static size_t
swap_partner(const struct repair *r, size_t x, size_t y)
{
	size_t nj = r->p->njudges;

	for (size_t b = 0; b < r->p->nentries; b++) {
		if (r->assigned[b * nj + y] && !is_fixed(r->p, b * nj + y) &&
		    r->p->allowed[b * nj + x] && !r->assigned[b * nj + x])
			return b;
	}
	return NONE;
}

/*
 * Tries to join a's component to another by giving up the pair a-x. When
 * a-x is no bridge its component survives the loss, so either move below
 * merges two components: a takes y instead of x (x loses one, y gains one,
 * within the bounds), or a swaps with an entry b of y's component (a takes
 * y, b takes x; loads unchanged). A bridge to a judge whose only entry is
 * a also works for the move, as that judge then leaves the graph.
 */
static bool
merge_from(struct repair *r, size_t a, size_t x)
{
	size_t nj = r->p->njudges;
	bool safe = !r->bridge[a * nj + x];
	bool can_drop = r->load[x] > r->lo && (safe || r->load[x] == 1);

	for (size_t y = 0; y < nj && (safe || can_drop); y++) {
		size_t b;

		if (!is_target(r, a, y))
			continue;
		if (can_drop && r->load[y] < r->hi) {
			r->assigned[a * nj + x] = false;
			r->assigned[a * nj + y] = true;
			r->load[x]--;
			r->load[y]++;
			return true;
		}
		b = safe ? swap_partner(r, x, y) : NONE;
		if (b != NONE) {
			r->assigned[a * nj + x] = false;
			r->assigned[a * nj + y] = true;
			r->assigned[b * nj + y] = false;
			r->assigned[b * nj + x] = true;
			return true;
		}
	}
	return false;
}

/*
 * Merges components one step at a time until the graph is connected or no
 * single move or swap merges two of them. Each step removes a component,
 * so the loop ends within n + J steps.
 */
static void
repair_connectivity(const struct assign_problem *p, bool *assigned, unsigned lo,
                    unsigned hi)
{
	size_t n = p->nentries, nj = p->njudges, nv = n + nj;
	struct repair r = { p,    assigned, NULL, lo,   hi,
		            NULL, NULL,     NULL, NULL, NULL };
	bool merged = true;

	r.load = xcalloc(nj + 1, sizeof(unsigned));
	r.comp = xreallocarray(NULL, nv + 1, sizeof(size_t));
	r.disc = xreallocarray(NULL, nv + 1, sizeof(size_t));
	r.low = xreallocarray(NULL, nv + 1, sizeof(size_t));
	r.bridge = xcalloc(n * nj + 1, sizeof(bool));
	r.stack = xreallocarray(NULL, nv + 1, sizeof(struct frame));
	for (size_t i = 0; i < n * nj; i++)
		r.load[i % nj] += assigned[i];
	for (size_t step = 0; merged && step < nv && find_bridges(&r) > 1;
	     step++) {
		merged = false;
		for (size_t i = 0; i < n * nj && !merged; i++) {
			if (assigned[i] && !is_fixed(p, i))
				merged = merge_from(&r, i / nj, i % nj);
		}
	}
	free(r.load);
	free(r.comp);
	free(r.disc);
	free(r.low);
	free(r.bridge);
	free(r.stack);
}

/* ---- Assignment -------------------------------------------------------- */

int
assign_panel(const struct assign_problem *p, bool *assigned,
             struct assign_report *report)
{
	size_t n, nj;
	unsigned *need, lo, hi;

	if (report == NULL)
		return -1;
	memset(report, 0, sizeof(*report));
	if (validate(p, assigned) != 0 || validate_fixed(p) != 0)
		return -1;
	n = p->nentries;
	nj = p->njudges;
	need = xcalloc(n + 1, sizeof(unsigned));
	/* Each entry gets min(k, allowed judges): the fixed pairs first,
	 * then what the flow adds. */
	for (size_t e = 0; e < n; e++) {
		unsigned allowed = 0, fixed = 0;

		for (size_t j = 0; j < nj; j++) {
			size_t cell = e * nj + j;

			allowed += p->allowed[cell];
			fixed += is_fixed(p, cell);
			assigned[cell] = is_fixed(p, cell);
		}
		need[e] = (allowed < p->k ? allowed : p->k) - fixed;
	}
	assign_flow_balance(p, need, assigned, &lo, &hi);
	free(need);
	if (p->k >= 2)
		repair_connectivity(p, assigned, lo, hi);
	return assign_check(p, assigned, report);
}

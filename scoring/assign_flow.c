/* assign_flow.c: the most balanced judge loads, by max flow (Dinic). */
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"

#define NONE SIZE_MAX

struct arc {
	size_t to;
	size_t next; /* the next arc out of the same node, or NONE */
	size_t cap;  /* residual capacity */
	size_t orig; /* capacity before any flow */
};

/*
 * Nodes: the source, the entries, the judges, a hub and the sink. Arcs come
 * in pairs, forward at an even index and its reverse just after, so `i ^ 1`
 * is the partner. The source gives each entry its need; an entry reaches
 * each allowed judge it is not fixed to with capacity 1.
 *
 * Judge loads must lie in [lo, hi]. Lower bounds are the usual difficulty of
 * flows; here they reduce to one plain max flow: judge j sends its first
 * lo_j units straight to the sink and up to hi_j - lo_j more through the
 * hub, whose arc to the sink holds R - Σ lo_j (R = Σ needs). A flow of
 * value R can only reach the sink by filling every straight arc, so "max
 * flow = R" means exactly "every entry served and every bound met".
 */
struct flow {
	struct arc *arcs;
	size_t narcs;
	size_t nnodes, source, hub, sink;
	size_t *head, *level, *cursor, *queue;
	size_t *pair_arc;  /* nentries × njudges: entry→judge arc, or NONE */
	size_t judge_arcs; /* judge j: straight arc at +4j, hub arc at +4j+2 */
	size_t hub_arc;
	unsigned *fixed; /* per judge: fixed pairs already counted */
	const unsigned *need;
	size_t nneed; /* R */
};

static void
arc_add(struct flow *f, size_t u, size_t v, size_t cap)
{
	struct arc *a = &f->arcs[f->narcs];

	a[0] = (struct arc){ v, f->head[u], cap, cap };
	f->head[u] = f->narcs;
	a[1] = (struct arc){ u, f->head[v], 0, 0 };
	f->head[v] = f->narcs + 1;
	f->narcs += 2;
}

static void
flow_init(struct flow *f, const struct assign_problem *p, const unsigned *need,
          const bool *assigned)
{
	size_t n = p->nentries, nj = p->njudges, npairs = 0;

	for (size_t i = 0; i < n * nj; i++)
		npairs += p->allowed[i] && !assigned[i];
	f->nnodes = n + nj + 3;
	f->source = 0;
	f->hub = n + nj + 1;
	f->sink = n + nj + 2;
	f->arcs = xreallocarray(NULL, 2 * (n + npairs + 2 * nj + 1),
	                        sizeof(*f->arcs));
	f->narcs = 0;
	f->head = xreallocarray(NULL, f->nnodes, sizeof(size_t));
	f->level = xreallocarray(NULL, f->nnodes, sizeof(size_t));
	f->cursor = xreallocarray(NULL, f->nnodes, sizeof(size_t));
	f->queue = xreallocarray(NULL, f->nnodes, sizeof(size_t));
	f->pair_arc = xreallocarray(NULL, n * nj + 1, sizeof(size_t));
	f->fixed = xcalloc(nj + 1, sizeof(unsigned));
	f->need = need;
	f->nneed = 0;
	for (size_t v = 0; v < f->nnodes; v++)
		f->head[v] = NONE;
	for (size_t e = 0; e < n; e++) {
		arc_add(f, f->source, 1 + e, need[e]);
		f->nneed += need[e];
	}
	for (size_t i = 0; i < n * nj; i++) {
		f->pair_arc[i] = NONE;
		if (assigned[i])
			f->fixed[i % nj]++;
		else if (p->allowed[i]) {
			f->pair_arc[i] = f->narcs;
			arc_add(f, 1 + i / nj, 1 + n + i % nj, 1);
		}
	}
	f->judge_arcs = f->narcs;
	for (size_t j = 0; j < nj; j++) {
		arc_add(f, 1 + n + j, f->sink, 0);
		arc_add(f, 1 + n + j, f->hub, 0);
	}
	f->hub_arc = f->narcs;
	arc_add(f, f->hub, f->sink, 0);
}

static void
flow_release(struct flow *f)
{
	free(f->arcs);
	free(f->head);
	free(f->level);
	free(f->cursor);
	free(f->queue);
	free(f->pair_arc);
	free(f->fixed);
}

/* Breadth-first levels from the source; false when the sink is cut off. */
static bool
flow_levels(struct flow *f)
{
	size_t qhead = 0, qtail = 0;

	for (size_t v = 0; v < f->nnodes; v++)
		f->level[v] = NONE;
	f->level[f->source] = 0;
	f->queue[qtail++] = f->source;
	while (qhead < qtail) {
		size_t v = f->queue[qhead++];

		for (size_t i = f->head[v]; i != NONE; i = f->arcs[i].next) {
			size_t w = f->arcs[i].to;

			if (f->arcs[i].cap > 0 && f->level[w] == NONE) {
				f->level[w] = f->level[v] + 1;
				f->queue[qtail++] = w;
			}
		}
	}
	return f->level[f->sink] != NONE;
}

/*
 * Pushes one augmenting path along the level graph. The recursion is as
 * deep as the path (at most the number of nodes, a few hundred here).
 */
static size_t
flow_push(struct flow *f, size_t v, size_t limit)
{
	if (v == f->sink)
		return limit;
	for (; f->cursor[v] != NONE;
	     f->cursor[v] = f->arcs[f->cursor[v]].next) {
		struct arc *a = &f->arcs[f->cursor[v]];
		size_t got;

		if (a->cap == 0 || f->level[a->to] != f->level[v] + 1)
			continue;
		got = flow_push(f, a->to, limit < a->cap ? limit : a->cap);
		if (got > 0) {
			a->cap -= got;
			f->arcs[f->cursor[v] ^ 1].cap += got;
			return got;
		}
	}
	return 0;
}

static size_t
flow_max(struct flow *f)
{
	size_t total = 0, got;

	while (flow_levels(f)) {
		for (size_t v = 0; v < f->nnodes; v++)
			f->cursor[v] = f->head[v];
		while ((got = flow_push(f, f->source, SIZE_MAX)) > 0)
			total += got;
	}
	return total;
}

/* Whether every need can be met with every judge's load in [lo, hi]. */
static bool
flow_feasible(struct flow *f, size_t njudges, size_t lo, size_t hi)
{
	size_t sum_lo = 0;

	for (size_t j = 0; j < njudges; j++) {
		size_t fj = f->fixed[j];
		size_t lo_j = lo > fj ? lo - fj : 0;
		size_t hi_j = hi > fj ? hi - fj : 0;

		if (hi < fj)
			return false;
		f->arcs[f->judge_arcs + 4 * j].orig = lo_j;
		f->arcs[f->judge_arcs + 4 * j + 2].orig = hi_j - lo_j;
		sum_lo += lo_j;
	}
	if (sum_lo > f->nneed)
		return false;
	f->arcs[f->hub_arc].orig = f->nneed - sum_lo;
	for (size_t i = 0; i < f->narcs; i++)
		f->arcs[i].cap = f->arcs[i].orig;
	return flow_max(f) == f->nneed;
}

/*
 * The smallest feasible upper bound, then the largest lower bound under it.
 * Each test is monotone, so binary search finds each; the first probe is
 * the ideal (the mean rounded), which usually succeeds at once. Achievable
 * load vectors are the bases of an integral polymatroid, where one base
 * minimises the maximum and maximises the minimum at once (Frank & Murota,
 * "decreasingly minimal" bases), so the pair found has the least spread.
 */
static void
flow_bounds(struct flow *f, size_t njudges, size_t *lo, size_t *hi)
{
	size_t total = f->nneed, a, c;

	for (size_t j = 0; j < njudges; j++)
		total += f->fixed[j];
	/* hi = total is always feasible: one judge could take everything. */
	a = (total + njudges - 1) / njudges;
	c = total;
	if (a < c && !flow_feasible(f, njudges, 0, a)) {
		for (a++; a < c;) {
			size_t m = a + (c - a) / 2;

			if (flow_feasible(f, njudges, 0, m))
				c = m;
			else
				a = m + 1;
		}
	}
	*hi = a;
	/* lo = 0 is feasible under *hi: that was the test above. */
	a = 0;
	c = total / njudges;
	if (a < c && !flow_feasible(f, njudges, c, *hi)) {
		for (c--; a < c;) {
			size_t m = c - (c - a) / 2;

			if (flow_feasible(f, njudges, m, *hi))
				a = m;
			else
				c = m - 1;
		}
	}
	*lo = c;
}

void
assign_flow_balance(const struct assign_problem *p, const unsigned *need,
                    bool *assigned, unsigned *lo, unsigned *hi)
{
	struct flow f;
	size_t nj = p->njudges, l, h;

	*lo = 0;
	*hi = 0;
	if (nj == 0)
		return;
	flow_init(&f, p, need, assigned);
	flow_bounds(&f, nj, &l, &h);
	/* The last probe may have failed: rerun the winner for its flow. */
	flow_feasible(&f, nj, l, h);
	for (size_t i = 0; i < p->nentries * nj; i++) {
		size_t arc = f.pair_arc[i];

		if (arc != NONE && f.arcs[arc].cap == 0)
			assigned[i] = true;
	}
	*lo = (unsigned)l;
	*hi = (unsigned)h;
	flow_release(&f);
}

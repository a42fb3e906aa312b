/* assign_run.c: a panel's assignment grid: its eligible entries, its
 * judges, conflicts (automatic and declared) and current assignments; and
 * the automatic assignment that fills it (scoring/assign.c). */
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct edition_data {
	struct db_entry *entries;
	size_t nentries, cap;
	struct db_pair *conflicts, *assigned;
	size_t nconflicts, nassigned, ccap, acap;
};

static int
add_entry(const struct db_entry *e, void *arg)
{
	struct edition_data *d = arg;

	if (strcmp(e->eligibility, "eligible") != 0)
		return 0;
	if (d->nentries == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->entries =
		    xreallocarray(d->entries, d->cap, sizeof(*d->entries));
	}
	d->entries[d->nentries++] = *e;
	return 0;
}

static int
add_conflict(const struct db_pair *p, void *arg)
{
	struct edition_data *d = arg;

	if (d->nconflicts == d->ccap) {
		d->ccap = d->ccap ? d->ccap * 2 : 32;
		d->conflicts =
		    xreallocarray(d->conflicts, d->ccap, sizeof(*d->conflicts));
	}
	d->conflicts[d->nconflicts++] = *p;
	return 0;
}

static int
add_assigned(const struct db_pair *p, void *arg)
{
	struct edition_data *d = arg;

	if (d->nassigned == d->acap) {
		d->acap = d->acap ? d->acap * 2 : 64;
		d->assigned =
		    xreallocarray(d->assigned, d->acap, sizeof(*d->assigned));
	}
	d->assigned[d->nassigned++] = *p;
	return 0;
}

/* Does the panel judge this field? (fields are space-separated ids) */
static bool
panel_has_field(const struct db_panel *p, const char *field)
{
	size_t n = strlen(field);

	for (const char *s = p->fields; (s = strstr(s, field)) != NULL; s++)
		if ((s == p->fields || s[-1] == ' ') &&
		    (s[n] == '\0' || s[n] == ' '))
			return true;
	return false;
}

/* Automatic conflicts: the expert is one of the entry's people, or from
 * the same unit or entering organisation (compared case-folded). */
static bool
auto_conflict(const struct db_entry *e, const char *name, const char *unit)
{
	bool hit = false;
	char *org = score_fold(e->organisation);

	hit = *unit != '\0' && strcmp(org, unit) == 0;
	for (size_t i = 0; !hit && i < e->nauthors; i++) {
		char *a = score_fold(e->authors[i].name);
		char *u = score_fold(e->authors[i].unit);

		hit = (*name != '\0' && strcmp(a, name) == 0) ||
		      (*unit != '\0' && strcmp(u, unit) == 0);
		free(a);
		free(u);
	}
	free(org);
	return hit;
}

static enum grid_cell
cell_of(const struct edition_data *d, const struct db_entry *e,
        const struct db_expert *x, const char *name, const char *unit)
{
	for (size_t i = 0; i < d->nconflicts; i++)
		if (d->conflicts[i].entry == e->id &&
		    d->conflicts[i].expert == x->id)
			return CELL_DECLARED;
	if (auto_conflict(e, name, unit))
		return CELL_CONFLICT;
	for (size_t i = 0; i < d->nassigned; i++)
		if (d->assigned[i].entry == e->id &&
		    d->assigned[i].expert == x->id)
			return d->assigned[i].manual ? CELL_MANUAL : CELL_AUTO;
	return CELL_FREE;
}

static void
fill_cells(struct grid *g, const struct edition_data *d)
{
	for (size_t j = 0; j < g->m; j++) {
		char *name = score_fold(g->judges[j].name);
		char *unit = score_fold(g->judges[j].unit);

		for (size_t i = 0; i < g->n; i++)
			g->cells[i * g->m + j] =
			    (unsigned char)cell_of(d, &d->entries[g->rows[i]],
			                           &g->judges[j], name, unit);
		free(name);
		free(unit);
	}
}

/* One panel's grid from the edition's data. */
static void
grid_build(struct db_read *rd, const struct db_panel *p,
           const struct edition_data *d, struct grid *g)
{
	memset(g, 0, sizeof(*g));
	g->panel = *p;
	g->rows = xcalloc(d->nentries + 1, sizeof(size_t));
	for (size_t i = 0; i < d->nentries; i++)
		if (panel_has_field(p, d->entries[i].field))
			g->rows[g->n++] = i;
	g->judges = xcalloc(p->nmembers + 1, sizeof(*g->judges));
	for (size_t j = 0; j < p->nmembers; j++)
		if (db_expert_get(rd, p->members[j], &g->judges[g->m]) == 0)
			g->m++;
	g->cells = xcalloc(g->n * g->m + 1, 1);
	fill_cells(g, d);
}

void
grid_release(struct grid *g)
{
	free(g->rows);
	free(g->judges);
	free(g->cells);
	free(g->entry_ids);
}

static int
collect_panel(const struct db_panel *p, void *arg)
{
	struct grids *gs = arg;

	gs->panels = xreallocarray(gs->panels, gs->n + 1, sizeof(*gs->panels));
	gs->panels[gs->n++] = *p;
	return 0;
}

int
grids_load(struct req *r, const struct ctx *c, struct grids *gs)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc;

	memset(gs, 0, sizeof(*gs));
	gs->data = xcalloc(1, sizeof(*gs->data));
	rc = db_entry_each(rd, c->edition.id, add_entry, gs->data);
	if (rc == 0)
		rc =
		    db_conflict_each(rd, c->edition.id, add_conflict, gs->data);
	if (rc == 0)
		rc = db_assignment_each(rd, c->edition.id, add_assigned,
		                        gs->data);
	if (rc == 0)
		rc = db_panel_each(rd, c->edition.id, collect_panel, gs);
	gs->grids = xcalloc(gs->n + 1, sizeof(*gs->grids));
	for (size_t i = 0; rc == 0 && i < gs->n; i++)
		grid_build(rd, &gs->panels[i], gs->data, &gs->grids[i]);
	db_read_end(rd);
	gs->k = c->rubric->aggregate.min_judges;
	gs->everyone = c->rubric->mode == SCORE_MODE_BALLOT;
	return rc;
}

unsigned
grid_k(const struct grids *gs, const struct grid *g)
{
	/* a council votes as a whole: each member on each dossier, less
	 * their conflicts (the solver gives min(k, allowed) per entry) */
	if (gs->everyone)
		return g->m > 0 ? (unsigned)g->m : 1;
	return gs->k;
}

void
grids_release(struct grids *gs)
{
	for (size_t i = 0; i < gs->n; i++)
		grid_release(&gs->grids[i]);
	free(gs->grids);
	free(gs->panels);
	if (gs->data != NULL) {
		free(gs->data->entries);
		free(gs->data->conflicts);
		free(gs->data->assigned);
		free(gs->data);
	}
}

const struct db_entry *
grid_entry(const struct grids *gs, const struct grid *g, size_t row)
{
	return &gs->data->entries[g->rows[row]];
}

/* The grid as the assignment algorithm sees it. */
static void
problem(const struct grid *g, unsigned k, bool *allowed, bool *fixed,
        bool *assigned)
{
	for (size_t i = 0; i < g->n * g->m; i++) {
		unsigned char c = g->cells[i];

		allowed[i] = c != CELL_CONFLICT && c != CELL_DECLARED;
		fixed[i] = c == CELL_MANUAL;
		assigned[i] = c == CELL_AUTO || c == CELL_MANUAL;
	}
	(void)k;
}

int
grid_check(const struct grid *g, unsigned k, struct assign_report *rep)
{
	size_t cells = g->n * g->m + 1;
	bool *allowed = xcalloc(cells, 1), *fixed = xcalloc(cells, 1);
	bool *assigned = xcalloc(cells, 1);
	struct assign_problem p = { g->n, g->m, k, allowed, fixed };
	int rc;

	problem(g, k, allowed, fixed, assigned);
	rc = assign_check(&p, assigned, rep);
	free(allowed);
	free(fixed);
	free(assigned);
	return rc;
}

int
grid_solve(struct grid *g, unsigned k, struct assign_report *rep)
{
	size_t cells = g->n * g->m + 1;
	bool *allowed = xcalloc(cells, 1), *fixed = xcalloc(cells, 1);
	bool *assigned = xcalloc(cells, 1);
	struct assign_problem p = { g->n, g->m, k, allowed, fixed };
	int rc;

	problem(g, k, allowed, fixed, assigned);
	rc = assign_panel(&p, assigned, rep);
	for (size_t i = 0; rc >= 0 && i < g->n * g->m; i++)
		if (g->cells[i] == CELL_AUTO || g->cells[i] == CELL_FREE)
			g->cells[i] = assigned[i] ? CELL_AUTO : CELL_FREE;
	free(allowed);
	free(fixed);
	free(assigned);
	return rc;
}

bool
expert_conflicts_with(const struct db_expert *x, const struct db_entry *e)
{
	char *name = score_fold(x->name);
	char *unit = score_fold(x->unit);
	bool hit = auto_conflict(e, name, unit);

	free(name);
	free(unit);
	return hit;
}

int
grid_hide_conflicts(struct req *r, const struct grids *gs, struct grid *g,
                    int64_t expert)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_expert x;
	int rc = db_expert_get(rd, expert, &x);
	size_t kept = 0;
	char *name, *unit;

	db_read_end(rd);
	if (rc != 0)
		return -1;
	name = score_fold(x.name);
	unit = score_fold(x.unit);
	for (size_t i = 0; i < g->n; i++) {
		enum grid_cell c = cell_of(
		    gs->data, &gs->data->entries[g->rows[i]], &x, name, unit);

		if (c == CELL_CONFLICT || c == CELL_DECLARED)
			continue;
		g->rows[kept] = g->rows[i];
		memmove(&g->cells[kept * g->m], &g->cells[i * g->m], g->m);
		kept++;
	}
	g->n = kept;
	free(name);
	free(unit);
	return 0;
}

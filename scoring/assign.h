/* assign.h: assigning a panel's judges to its entries (issue 3). */
#ifndef GIAMKHAO_ASSIGN_H
#define GIAMKHAO_ASSIGN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One panel's assignment problem. Matrices are nentries × njudges,
 * row-major (entry e, judge j at [e * njudges + j]).
 */
struct assign_problem {
	size_t nentries;     /* the panel's eligible entries */
	size_t njudges;      /* the panel's judges */
	unsigned k;          /* judges per entry (the rubric's min_judges) */
	const bool *allowed; /* false = conflict of interest */
	const bool *fixed;   /* optional (NULL): pairs that must stay assigned
	                        (manual choices kept on a re-run); a fixed pair
	                        must be allowed, and an entry has at most k */
};

struct assign_report {
	bool feasible; /* every entry has at least k judges */
	/* Entries left with fewer than k judges, ascending (owned; free with
	 * assign_report_release). After assign_panel these are exactly the
	 * entries with fewer than k allowed judges. */
	size_t *short_entries;
	size_t nshort;
	unsigned min_load, max_load; /* over all the panel's judges */
	/* Connected components of the judge-entry graph: every entry counts,
	 * judges only when their load is > 0 (1 when connected; 0 for a panel
	 * without entries). */
	size_t components;
	size_t nconflicts;     /* assigned pairs that are not allowed */
	size_t nfixed_missing; /* fixed pairs that are not assigned */
};

/*
 * Fills `assigned` (nentries × njudges, caller-allocated) so that every
 * entry gets min(k, its allowed judges) judges, never a conflicted one,
 * with every fixed pair kept. Among those assignments it takes one whose
 * spread of loads (max - min over all judges) is the smallest possible,
 * and, when k >= 2, repairs connectivity by exchanges that keep every load.
 * Returns 0 when every property holds (coverage k, no conflict, loads
 * within one, connected when k >= 2), 1 when the assignment is valid but a
 * property could not be reached (the report says which), -1 on bad
 * arguments (NULL pointers, k = 0, sizes that overflow, a fixed pair that
 * is not allowed, more than k fixed pairs on an entry); on -1 `assigned`
 * is left alone and the report is empty. Deterministic. The report must be
 * released with assign_report_release whatever the result.
 */
int assign_panel(const struct assign_problem *p, bool *assigned,
                 struct assign_report *report);

/* Frees what the report owns and empties it (NULL or empty is fine). */
void assign_report_release(struct assign_report *report);

/*
 * Checks an assignment (after manual changes, or in tests) against the
 * properties: coverage k, conflicts, fixed pairs present, loads within one,
 * connectivity when k >= 2. Fills the report. Returns 0 when all hold, 1
 * when one does not, -1 on bad arguments (then the report is empty).
 */
int assign_check(const struct assign_problem *p, const bool *assigned,
                 struct assign_report *report);

#endif

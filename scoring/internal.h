/* internal.h: declarations shared by the files of scoring/ (private). */
#ifndef GIAMKHAO_SCORING_INTERNAL_H
#define GIAMKHAO_SCORING_INTERNAL_H

#include "../common/common.h"
#include "scoring.h"

/*
 * Records an error and evaluates to -1, for `return fail(err, ...)`. A macro
 * so that static analysers see the -1 (git's `return error(...)` idiom).
 */
#define fail(err, ...) (score_error_set((err), __VA_ARGS__), -1)

/* 128-bit integers hold the products of exact comparisons. */
__extension__ typedef __int128 i128;

/* A points value that was never given (an incomplete sheet). */
#define POINTS_MISSING INT32_MIN

struct input_entry {
	char *id;
	size_t field;
};

struct input_sheet {
	int entry;
	int judge;
	size_t missing; /* criteria not scored yet */
	int vote;       /* ballot mode: 1 yes, 0 no */
};

struct score_input {
	const struct score_rubric *rubric;
	size_t ncrit;
	struct input_entry *entries;
	size_t nentries, entries_cap;
	char **judges;
	size_t njudges, judges_cap;
	struct input_sheet *sheets;
	size_t nsheets, sheets_cap;
	int32_t *points; /* nsheets × ncrit, POINTS_MISSING when absent */
	struct strmap entry_ids;
	struct strmap judge_ids;
	struct strmap field_ids; /* the rubric's, for fast lookups */
	struct strmap criterion_ids;
	struct pairmap sheet_of; /* (entry, judge) -> sheet */
};

/* q.c: rationals and rounding */
struct score_q q_make(int64_t num, int64_t den);
int64_t gcd64(int64_t a, int64_t b);
i128 gcd128(i128 a, i128 b);
/* Rounds num/den (0 < den < ROUND_MAX_DEN) half away from zero to
 * `decimals` places. */
#define ROUND_MAX_DEN ((i128)1 << 120)
int64_t round_half_up(i128 num, i128 den, int decimals);
int64_t pow10_i64(int n);
/* Compares a/b with c/d exactly (b, d > 0, products within 127 bits). */
int cmp_frac(i128 a, i128 b, i128 c, i128 d);

/* rubric.c: lifecycle */
void text_release(struct score_text *t);

/*
 * compute.c and friends: the working state of one computation. Raw sheet
 * totals are integers in units of 1/q points (q = 100 × the weights' common
 * denominator); a scope's normalised totals are integers in units of
 * 1/(q × norm_den[scope]) points, so every comparison inside a scope is an
 * exact integer comparison.
 */
struct calc {
	const struct score_rubric *r;
	const struct score_input *in;
	struct score_results *res;
	bool overflow;
	int64_t q;               /* points = units / q */
	int64_t *weight_units;   /* per criterion: weight × q / 100 */
	int64_t *total;          /* per input sheet (complete ones) */
	uint32_t *by_entry;      /* complete sheets grouped by input entry */
	uint32_t *entry_first;   /* per input entry: start in by_entry */
	uint32_t *scope_entries; /* result entries grouped by scope */
	uint32_t *scope_first;   /* per scope, and one past the last */
	size_t *scope_of_field;  /* per rubric field */
	/* rule 2: a sheet's normalised total is norm[s]/norm_den[s] units,
	 * exact except for z-scaled judges; NULL when normalisation is off */
	i128 *norm;
	i128 *norm_den;
	bool *guarded;  /* per input sheet: rule 2's guard applied */
	bool *excluded; /* per input sheet: outlier rule */
	int *slot;      /* per judge: index in a scope's judge list, or -1 */
	i128 *scratch;  /* 2 × the largest entry's sheet count */
};

/* The sheets (input indices) of a result entry. */
static inline const uint32_t *
entry_sheets(const struct calc *c, const struct score_entry_result *er)
{
	return &c->by_entry[c->entry_first[er->entry]];
}

/*
 * Checked 128-bit arithmetic: on overflow sets c->overflow (and the caller
 * fails). Products of two 64-bit values cannot overflow, which keeps the
 * common case to one multiplication.
 */
static inline i128
ck_add(struct calc *c, i128 a, i128 b)
{
	i128 r;

	if (__builtin_add_overflow(a, b, &r)) {
		c->overflow = true;
		return 0;
	}
	return r;
}

static inline i128
ck_mul(struct calc *c, i128 a, i128 b)
{
	i128 r;

	if (a == (int64_t)a && b == (int64_t)b)
		return a * b;
	if (__builtin_mul_overflow(a, b, &r)) {
		c->overflow = true;
		return 0;
	}
	return r;
}

/* normalize.c: rule 2 for one scope; fills norm, norm_den and guarded for
 * its sheets (allocating them on first use). */
void normalize_scope(struct calc *c, size_t scope);
/* aggregate.c: rules 3-6 for one entry; fills its status, score,
 * criteria, spread, mean and sheet results, and c->excluded. */
void aggregate_entry(struct calc *c, struct score_entry_result *er);
/* rank.c: rules 7-8 in every scope (rank, tier, flags), then puts
 * res->entries in the output order. */
void rank_all(struct calc *c);
/* ballot.c: rule 9; fills res->entries in the output order. */
void ballot_compute(struct calc *c);
/* diagnostics.c: rule 10 for one scope; fills the scope result and
 * appends its judges to res->judges. Reads the sheet results. */
void diagnose_scope(struct calc *c, size_t scope);

/* assign_flow.c: the balanced max flow behind assign_panel (assign.c). */
/*
 * Internal to scoring/ (assign.c calls assign_flow.c); not for callers.
 * Given per-entry needs (judges still to add beyond the fixed pairs) and
 * `assigned` holding exactly the fixed pairs, adds the needed judges so
 * that the loads' spread is the smallest possible, and returns the load
 * bounds it reached in *lo, *hi. Every need must be reachable.
 */
void assign_flow_balance(const struct assign_problem *p, const unsigned *need,
                         bool *assigned, unsigned *lo, unsigned *hi);

/* json_read.c: typed access to JSON objects, naming the key path on error */
struct json_t;
#define PATH_MAX_LEN 256
void path_key(char *out, const char *parent, const char *key);
void path_index(char *out, const char *parent, size_t index);
/* Fails on a key of `obj` that is not in the NULL-terminated `allowed`. */
int jr_keys(struct json_t *obj, const char *path, const char *const *allowed,
            struct score_error *err);
/* Each getter: 1 when found and valid, 0 when absent and optional, -1 on
 * error (absent and required, wrong type, invalid value). */
int jr_object(struct json_t *obj, const char *key, const char *path,
              bool required, struct json_t **out, struct score_error *err);
int jr_array(struct json_t *obj, const char *key, const char *path,
             bool required, struct json_t **out, struct score_error *err);
int jr_string(struct json_t *obj, const char *key, const char *path,
              bool required, char **out, struct score_error *err);
int jr_id(struct json_t *obj, const char *key, const char *path, char **out,
          struct score_error *err);
int jr_text(struct json_t *obj, const char *key, const char *path,
            bool required, struct score_text *out, struct score_error *err);
int jr_number(struct json_t *obj, const char *key, const char *path,
              bool required, struct score_q *out, struct score_error *err);
int jr_integer(struct json_t *obj, const char *key, const char *path,
               bool required, int64_t *out, struct score_error *err);
int jr_enum(struct json_t *obj, const char *key, const char *path,
            bool required, const char *const *names, size_t count, int *out,
            struct score_error *err);
/* json_read.c: values with their rules. A number > 0 (or >= 0) within
 * limit with at most `places` decimals; a threshold (may be negative); a
 * whole number within [min, max]. Same 1/0/-1 convention as above. */
int read_amount(struct json_t *obj, const char *key, const char *path,
                bool required, bool allow_zero, int64_t limit, int places,
                struct score_q *out, struct score_error *err);
int read_threshold(struct json_t *obj, const char *key, const char *path,
                   bool required, struct score_q *out, struct score_error *err);
int read_count(struct json_t *obj, const char *key, const char *path,
               int64_t min, int64_t max, int64_t *out, struct score_error *err);
/* A list's length within [min, max], stored only when valid: 0 or -1. */
int list_size(struct json_t *list, const char *path, size_t min, size_t max,
              size_t *out, struct score_error *err);
/* The i-th element of a list, which must be an object; `where` receives
 * its path. 0 or -1. */
int element_object(struct json_t *list, size_t i, const char *path, char *where,
                   struct json_t **out, struct score_error *err);
/* Fails when the id of element n (at stride bytes) repeats an earlier one. */
int check_unique(char *const *ids, size_t stride, size_t n, const char *path,
                 struct score_error *err);

/* rubric_rules.c: the sections after the criteria (0 or -1). */
int read_aggregate(struct json_t *root, struct score_aggregate *a,
                   struct score_error *err);
int read_tie_break(struct json_t *root, struct score_rubric *r,
                   struct score_error *err);
int read_awards(struct json_t *root, struct score_rubric *r,
                struct score_error *err);
int read_ballot(struct json_t *root, struct score_rubric *r,
                struct score_error *err);

/* rubric_write.c: an exact number as JSON (integer when whole). */
struct json_t *q_json(struct score_q q);
/* Value checks on a number already read. */
int q_check_places(struct score_q q, int places, const char *path,
                   struct score_error *err);
int q_check_range(struct score_q q, bool allow_zero, int64_t limit,
                  const char *path, struct score_error *err);

#endif

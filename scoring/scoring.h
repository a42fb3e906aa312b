/* scoring.h: the scoring core's contract (rubrics, sheets, results). */
#ifndef GIAMKHAO_SCORING_H
#define GIAMKHAO_SCORING_H

/*
 * Pure C: no I/O, no globals. Everything here works on memory buffers; the
 * callers (server/, the CLI) read files and print. All text going in must be
 * UTF-8; the readers validate it and NFC-normalise identifiers and titles.
 *
 * Numbers are exact. Points are integer hundredths; rubric constants are
 * rationals; sheet totals are integers in a unit of 1/(100 L) points, where L
 * is the least common denominator of the weights. See design.md rules 1-10.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

#define SCORE_VERSION       "0.1.0"
#define SCORE_RUBRIC_FORMAT "giamkhao-rubric/1"

/* Limits that keep every computation inside 64/128-bit integers. */
#define SCORE_MAX_POINTS     10000 /* a criterion's max, in points */
#define SCORE_MAX_WEIGHT     1000  /* a criterion's weight */
#define SCORE_MAX_CRITERIA   100   /* criteria per rubric */
#define SCORE_MAX_DECIMALS   6     /* aggregate.decimals */
#define SCORE_MAX_RUBRIC_DEC 6     /* decimal places in a rubric number */
#define SCORE_MAX_ID_BYTES   200   /* an identifier, in bytes */
#define SCORE_MAX_TEXT_BYTES 4000  /* a title, label or description */

enum score_lang {
	SCORE_LANG_VI,
	SCORE_LANG_EN,
	SCORE_LANG__MAX,
};

/* An exact rational number; den > 0 and the fraction is reduced. */
struct score_q {
	int64_t num;
	int64_t den;
};

/* A bilingual text: vi is required, en may be NULL. */
struct score_text {
	char *vi;
	char *en;
};

/* ---- Errors ---------------------------------------------------------- */

enum score_err {
	SCORE_OK,
	/* rubric JSON */
	SCORE_E_JSON_SYNTAX,     /* detail: parser message */
	SCORE_E_TYPE,            /* detail: expected type */
	SCORE_E_UNKNOWN_KEY,     /* path names the key */
	SCORE_E_MISSING_KEY,     /* path names the key */
	SCORE_E_ENUM,            /* detail: value, detail2: allowed list */
	SCORE_E_FORMAT_VERSION,  /* detail: value */
	SCORE_E_EMPTY,           /* an empty string or list */
	SCORE_E_DUPLICATE_ID,    /* detail: id */
	SCORE_E_NOT_POSITIVE,    /* detail: value */
	SCORE_E_NEGATIVE,        /* detail: value */
	SCORE_E_TOO_LARGE,       /* detail: value, detail2: limit */
	SCORE_E_NOT_INTEGER,     /* detail: value */
	SCORE_E_DECIMALS,        /* detail: value, detail2: allowed places */
	SCORE_E_STEP_DIVIDES,    /* detail: step, detail2: max */
	SCORE_E_LEVEL_RANGE,     /* detail: min, detail2: max */
	SCORE_E_UNKNOWN_CRIT_ID, /* detail: id */
	SCORE_E_DUPLICATE_REF,   /* detail: id */
	SCORE_E_TIER_ORDER,      /* detail: min, detail2: previous min */
	SCORE_E_SHARE_RANGE,     /* detail: value */
	SCORE_E_LIMIT_REQUIRED,  /* outlier rule without limit */
	SCORE_E_NO_CRITERIA,     /* scores mode without criteria */
	SCORE_E_BAD_TEXT,        /* invalid UTF-8 or control characters */
	SCORE_E_TOO_MANY,        /* detail: limit */
	/* scores/votes CSV */
	SCORE_E_UTF8,              /* invalid UTF-8 byte */
	SCORE_E_CSV_SYNTAX,        /* malformed quoting */
	SCORE_E_HEADER,            /* detail: expected header */
	SCORE_E_NO_HEADER,         /* an empty file */
	SCORE_E_COLUMN_COUNT,      /* detail: found, detail2: expected */
	SCORE_E_EMPTY_VALUE,       /* path: column name */
	SCORE_E_UNKNOWN_FIELD,     /* detail: value */
	SCORE_E_UNKNOWN_CRITERION, /* detail: value */
	SCORE_E_NUMBER,            /* detail: value */
	SCORE_E_SCORE_RANGE,       /* detail: value, detail2: max */
	SCORE_E_SCORE_STEP,        /* detail: value, detail2: step */
	SCORE_E_DUPLICATE_ROW,     /* detail: entry, detail2: judge */
	SCORE_E_DUPLICATE_VOTE,    /* detail: entry, detail2: judge */
	SCORE_E_TWO_FIELDS,        /* detail: entry, detail2: first field */
	SCORE_E_VOTE,              /* detail: value */
	SCORE_E_TOO_LONG,          /* detail: limit */
	SCORE_E_MODE,              /* detail: rubric mode */
	/* computation */
	SCORE_E_OVERFLOW, /* exact arithmetic would overflow */
	SCORE_E__MAX,
};

/*
 * What went wrong, with enough context to name it: a JSON key path such as
 * "criteria[1].step" or a CSV column name in `path`, a 1-based line and
 * column (0 when not applicable) and up to two values quoted in the message.
 */
struct score_error {
	enum score_err code;
	long line;
	long column;
	char path[256];
	char detail[256];
	char detail2[256];
};

/* Sets every member; the strings may be NULL. Returns -1 for convenience. */
int score_error_set(struct score_error *err, enum score_err code,
                    const char *path, const char *detail, const char *detail2);

/*
 * Renders the error as one line (without a newline) in `lang`, prefixed by
 * `source` (a file name; may be NULL).
 */
void score_error_format(const struct score_error *err, const char *source,
                        enum score_lang lang, struct buf *out);

/* ---- Text ------------------------------------------------------------ */

/* Returns the byte offset of the first invalid UTF-8 sequence, or -1. */
long score_utf8_invalid_at(const char *s, size_t len);

/*
 * Returns a NFC-normalised, NUL-terminated copy of valid UTF-8 `s` (the
 * caller frees it), or NULL when `s` is not valid UTF-8.
 */
char *score_nfc(const char *s, size_t len);

/*
 * A key for comparing names and units: NFC, Unicode case-folded, spaces
 * collapsed and trimmed (the caller frees it; "" for invalid UTF-8).
 */
char *score_fold(const char *s);

/* ---- Rubric ---------------------------------------------------------- */

enum score_program {
	SCORE_PROGRAM_TECHNICAL_INNOVATION,
	SCORE_PROGRAM_YOUTH_CREATIVITY,
	SCORE_PROGRAM_VIFOTEC_AWARD,
	SCORE_PROGRAM_GOLDEN_BOOK,
	SCORE_PROGRAM_HONOURING,
	SCORE_PROGRAM_CUSTOM,
	SCORE_PROGRAM__MAX,
};

enum score_mode {
	SCORE_MODE_SCORES,
	SCORE_MODE_BALLOT,
	SCORE_MODE__MAX,
};

enum score_method {
	SCORE_METHOD_MEAN,
	SCORE_METHOD_MEDIAN,
	SCORE_METHOD_TRIMMED,
	SCORE_METHOD__MAX,
};

enum score_outlier {
	SCORE_OUTLIER_NONE,
	SCORE_OUTLIER_POINTS,
	SCORE_OUTLIER_PERCENT,
	SCORE_OUTLIER__MAX,
};

enum score_normalize {
	SCORE_NORMALIZE_NONE,
	SCORE_NORMALIZE_OFFSET,
	SCORE_NORMALIZE_ZSCORE,
	SCORE_NORMALIZE__MAX,
};

enum score_scope {
	SCORE_SCOPE_FIELD,
	SCORE_SCOPE_CONTEST,
	SCORE_SCOPE__MAX,
};

enum score_ballot_rule {
	SCORE_BALLOT_MORE_THAN,
	SCORE_BALLOT_AT_LEAST,
	SCORE_BALLOT__MAX,
};

/* The spellings used in the rubric file, indexed by the enums above. */
extern const char *const score_program_names[SCORE_PROGRAM__MAX];
extern const char *const score_mode_names[SCORE_MODE__MAX];
extern const char *const score_method_names[SCORE_METHOD__MAX];
extern const char *const score_outlier_names[SCORE_OUTLIER__MAX];
extern const char *const score_normalize_names[SCORE_NORMALIZE__MAX];
extern const char *const score_scope_names[SCORE_SCOPE__MAX];
extern const char *const score_ballot_rule_names[SCORE_BALLOT__MAX];

struct score_level {
	struct score_q min;
	struct score_q max;
	struct score_text label;
};

struct score_field {
	char *id;
	struct score_text title;
};

struct score_criterion {
	char *id;
	struct score_text title;
	struct score_text description; /* optional: vi may be NULL */
	struct score_q max;
	struct score_q weight;
	struct score_q step;
	int32_t max_h;  /* max in hundredths */
	int32_t step_h; /* step in hundredths */
	struct score_level *levels;
	size_t nlevels;
};

struct score_tier {
	char *id;
	struct score_text title;
	struct score_q min;
	int64_t max_count; /* -1: no limit */
	bool has_prize;
	struct score_q prize;
};

struct score_aggregate {
	enum score_method method;
	int trim;
	enum score_outlier outlier;
	bool has_limit;
	struct score_q limit;
	enum score_normalize normalize;
	int min_judges;
	int decimals;
};

struct score_rubric {
	enum score_program program;
	struct score_text title;
	enum score_mode mode;
	struct score_field *fields;
	size_t nfields;
	struct score_criterion *criteria;
	size_t ncriteria;
	struct score_aggregate aggregate;
	size_t *tie_break; /* criterion indices */
	size_t ntie_break;
	enum score_scope scope;
	bool has_floor;
	struct score_q floor;
	struct score_tier *tiers;
	size_t ntiers;
	enum score_ballot_rule ballot_rule;
	struct score_q ballot_share;
	int64_t max_selected; /* -1: no cap */
};

/*
 * Parses and validates a rubric (the contract in design.md). Returns a new
 * rubric (free with score_rubric_free) or NULL with `err` naming the key path
 * and the reason. Unknown keys are errors.
 */
struct score_rubric *score_rubric_parse(const char *json, size_t len,
                                        struct score_error *err);

void score_rubric_free(struct score_rubric *r);

/*
 * Writes the rubric as canonical JSON (every key, defaults included) into
 * `out`. Reading the output back gives an equal rubric. Returns 0 or -1
 * when `out` hits its cap.
 */
int score_rubric_write(const struct score_rubric *r, struct buf *out);

/* Returns the index of the field or criterion with this id, or -1. */
int score_rubric_field(const struct score_rubric *r, const char *id);
int score_rubric_criterion(const struct score_rubric *r, const char *id);

/* Σ weight × max over the criteria (the best possible sheet total). */
struct score_q score_rubric_total_max(const struct score_rubric *r);

/* ---- Numbers --------------------------------------------------------- */

/*
 * Parses a plain decimal: digits, optionally a point and more digits ("27",
 * "27.5"; not ".5", "5.", a sign or an exponent) into an exact rational.
 * Returns 0, or -1 when `s` is not such a number or has more than 12
 * decimal places.
 */
int score_q_parse(const char *s, struct score_q *out);

/* Formats q exactly when its decimal expansion ends (else to 6 places). */
void score_q_format(struct score_q q, char *out, size_t size);

/* Formats a fixed-point value scaled by 10^decimals ("84.90"). */
void score_fixed_format(int64_t scaled, int decimals, char *out, size_t size);

/* ---- Input: score sheets and ballots ---------------------------------- */

/*
 * The input of a computation: entries (each in one field), judges and their
 * points per criterion (scores mode) or votes (ballot mode). Build it with
 * score_input_add_* (the CSV reader and the server both do), then compute.
 */
struct score_input;

struct score_input *score_input_new(const struct score_rubric *r);
void score_input_free(struct score_input *in);

/*
 * Adds one score row. `value` is the score as text. Rejects, with `err`:
 * an unknown field or criterion, an entry seen before in another field, a
 * second score of the same judge and criterion for an entry, a value that
 * is not a plain decimal, above max, or not a multiple of step. The error's
 * `path` names the offending column (entry, field, judge, criterion, score);
 * the line and column are left for the caller. Ids must be NFC already.
 */
int score_input_add_score(struct score_input *in, const char *entry,
                          const char *field, const char *judge,
                          const char *criterion, const char *value,
                          struct score_error *err);

/*
 * One score as a judge types it, checked against its criterion: a plain
 * decimal, 0 <= s <= max, a multiple of step. Gives the points in
 * hundredths, or -1 with `err` (path "score") saying why.
 */
int score_points_parse(const struct score_criterion *c, const char *value,
                       int32_t *points_h, struct score_error *err);

/* Adds one ballot row ("yes" or "no"); the same checks apply. */
int score_input_add_vote(struct score_input *in, const char *entry,
                         const char *field, const char *judge, const char *vote,
                         struct score_error *err);

/*
 * Index-level variants for callers that resolved ids themselves (the
 * benchmark, the server). They check only what the ids cannot: the field of
 * an entry and duplicates. Points are in hundredths and must be valid.
 */
int score_input_entry(struct score_input *in, const char *id, size_t field,
                      struct score_error *err);
int score_input_judge(struct score_input *in, const char *id);
int score_input_set_points(struct score_input *in, int entry, int judge,
                           size_t criterion, int32_t points_h,
                           struct score_error *err);

size_t score_input_entries(const struct score_input *in);
const char *score_input_entry_id(const struct score_input *in, size_t entry);
size_t score_input_entry_field(const struct score_input *in, size_t entry);
size_t score_input_judges(const struct score_input *in);
const char *score_input_judge_id(const struct score_input *in, size_t judge);

/*
 * Reads a scores or ballot CSV (the offline format of design.md: header
 * row, UTF-8 with or without BOM, spaces trimmed) into a new input. All or
 * nothing: on error returns NULL and `err` names line, column and reason.
 */
struct score_input *score_csv_read(const struct score_rubric *r,
                                   const char *data, size_t len,
                                   struct score_error *err);

/* ---- Results --------------------------------------------------------- */

enum score_status {
	SCORE_STATUS_OK,
	SCORE_STATUS_INSUFFICIENT,
	SCORE_STATUS__MAX,
};

extern const char *const score_status_names[SCORE_STATUS__MAX];

#define SCORE_FLAG_CUSP 0x1u
#define SCORE_FLAG_TIE  0x2u

enum score_exclusion {
	SCORE_EXCL_NONE,
	SCORE_EXCL_POINTS,  /* |total - mean| > limit points */
	SCORE_EXCL_PERCENT, /* |total - mean| > limit % of the mean */
	SCORE_EXCL__MAX,
};

/* One complete sheet of an entry, as counted. */
struct score_sheet_result {
	int judge;
	enum score_exclusion excluded;
	double raw;        /* Σ weight × points */
	double normalized; /* equal to raw when normalisation is off */
};

struct score_entry_result {
	int entry; /* index in the input */
	size_t field;
	size_t scope; /* index in results->scopes */
	enum score_status status;
	int rank; /* 0: unranked */
	int tier; /* -1: no prize */
	unsigned flags;
	bool has_score;
	int64_t score;      /* published score × 10^decimals */
	int64_t *criteria;  /* per criterion, × 10^decimals (has_score);
	                       points into results->criteria_pool */
	size_t first_sheet; /* into results->sheets */
	size_t nsheets;
	size_t ncounted; /* sheets that survived the outlier rule */
	double mean;     /* mean of all normalised totals (rule 3's m) */
	double sd;       /* population standard deviation of raw totals */
	double range;    /* max - min of raw totals */
	/* ballot mode */
	int64_t yes;
	int64_t no;
	int64_t share4; /* share × 10^4, rounded half up */
	bool selected;
};

struct score_scope_result {
	int field; /* -1: the whole contest */
	size_t nentries;
	size_t njudges;
	bool has_alpha;
	double alpha; /* Krippendorff's alpha, interval metric */
	bool has_icc;
	double icc2_1;
	double icc2_k;
	size_t first_judge; /* into results->judges */
	size_t njudge_results;
};

struct score_judge_result {
	int judge;
	size_t scope;
	size_t nsheets;
	double mean;     /* mean raw total of the judge's sheets */
	double severity; /* judge mean - panel mean (negative: severe) */
	size_t excluded; /* sheets the outlier rule excluded */
	bool normalized; /* false when normalisation is off or rule 2's guard
	                    stepped the judge down a level */
};

struct score_results {
	enum score_mode mode;
	int decimals;
	struct score_entry_result *entries; /* in the output order */
	size_t nentries;
	int64_t *criteria_pool; /* the entries' criteria arrays */
	struct score_sheet_result *sheets;
	size_t nsheets;
	struct score_scope_result *scopes;
	size_t nscopes;
	struct score_judge_result *judges;
	size_t njudges;
};

/*
 * Computes results (design.md rules 1-10). Returns new results (free with
 * score_results_free) or NULL with `err` set (only SCORE_E_OVERFLOW, for
 * inputs beyond the exact-arithmetic limits).
 */
struct score_results *score_compute(const struct score_rubric *r,
                                    const struct score_input *in,
                                    struct score_error *err);

void score_results_free(struct score_results *res);

/* ---- Output ---------------------------------------------------------- */

/* The results table of the offline contract (CSV, RFC 4180). */
int score_results_csv(const struct score_rubric *r,
                      const struct score_input *in,
                      const struct score_results *res, struct buf *out);

/* What a reader needs to recompute a result, for the JSON manifest. */
struct score_manifest {
	const char *rubric_sha256; /* hex */
	const char *scores_sha256; /* hex */
};

/* The detailed JSON results (per entry, per scope, per judge, manifest). */
int score_results_json(const struct score_rubric *r,
                       const struct score_input *in,
                       const struct score_results *res,
                       const struct score_manifest *manifest, struct buf *out);

/* ---- Assignment of judges (assign.h) ------------------------------------ */

#include "assign.h"

/* ---- Eligibility (sơ khảo) ---------------------------------------------- */

/* Warnings from a program's eligibility rules (domain.md); the secretariat
 * decides, these only point at what to check. */
enum score_warning {
	SCORE_WARN_AGE = 1u << 0,           /* author outside the age window */
	SCORE_WARN_NO_BIRTH = 1u << 1,      /* an author without birth date */
	SCORE_WARN_NOT_APPLIED = 1u << 2,   /* never applied in practice */
	SCORE_WARN_APPLIED_EARLY = 1u << 3, /* applied before the cut-off */
	SCORE_WARN_OLD_APPLICATION = 1u << 4, /* applied over 5 years ago */
	SCORE_WARN_PRIOR_AWARD = 1u << 5,     /* already awarded (VIFOTEC) */
	SCORE_WARN_NO_PRIOR_AWARD = 1u << 6,  /* never awarded (Golden Book) */
};

struct score_eligibility {
	enum score_program program;
	int year;                 /* the edition's (first) year */
	const char *applied_from; /* the edition's cut-off, YYYY-MM-DD or "" */
	const char *birth_from;   /* the age window, YYYY-MM-DD or "" */
	const char *birth_until;
	const char *applied_since; /* the entry's, YYYY-MM-DD or "" */
	const char *prior_awards;  /* the entry's, free text or "" */
	size_t nauthors;
	const char *const *birth_dates; /* per author, YYYY-MM-DD or "" */
	const bool *is_teacher;         /* supporting teachers are exempt */
};

/* The warnings (a bit set of enum score_warning) for one entry. */
unsigned score_eligibility_check(const struct score_eligibility *in);

#endif

/* rubric_read.c: the rubric JSON file into a validated model. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ENUM_ARGS(names) (names), sizeof(names) / sizeof((names)[0])

/* A number that must be > 0 (or >= 0), within limit, with few places. */
static int
read_amount(json_t *obj, const char *key, const char *path, bool required,
            bool allow_zero, int64_t limit, int places, struct score_q *out,
            struct score_error *err)
{
	char where[PATH_MAX_LEN];
	int rc = jr_number(obj, key, path, required, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	if (q_check_range(*out, allow_zero, limit, where, err) != 0 ||
	    q_check_places(*out, places, where, err) != 0)
		return -1;
	return 1;
}

/*
 * A threshold compared with published scores (a tier's min, the floor).
 * It may be negative: normalised scores can be.
 */
static int
read_threshold(json_t *obj, const char *key, const char *path, bool required,
               struct score_q *out, struct score_error *err)
{
	char where[PATH_MAX_LEN];
	struct score_q mag;
	int rc = jr_number(obj, key, path, required, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	mag = q_make(out->num < 0 ? -out->num : out->num, out->den);
	if (q_check_range(mag, true, 100000000, where, err) != 0 ||
	    q_check_places(*out, SCORE_MAX_RUBRIC_DEC, where, err) != 0)
		return -1;
	return 1;
}

/* A whole number within [min, max]. */
static int
read_count(json_t *obj, const char *key, const char *path, int64_t min,
           int64_t max, int64_t *out, struct score_error *err)
{
	char where[PATH_MAX_LEN], text[32], bound[32];
	int rc = jr_integer(obj, key, path, false, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	snprintf(text, sizeof(text), "%lld", (long long)*out);
	if (*out < min)
		return fail(err,
		            min > 0 ? SCORE_E_NOT_POSITIVE : SCORE_E_NEGATIVE,
		            where, text, NULL);
	if (*out > max) {
		snprintf(bound, sizeof(bound), "%lld", (long long)max);
		return fail(err, SCORE_E_TOO_LARGE, where, text, bound);
	}
	return 1;
}

/*
 * Checks a list's length and stores it in *out, only when valid: callers
 * allocate that many elements next, and the rubric's release loops over
 * the stored count.
 */
static int
list_size(json_t *list, const char *path, size_t min, size_t max, size_t *out,
          struct score_error *err)
{
	char limit[32];
	size_t n = json_array_size(list);

	if (n < min)
		return fail(err, SCORE_E_EMPTY, path, NULL, NULL);
	if (n > max) {
		snprintf(limit, sizeof(limit), "%zu", max);
		return fail(err, SCORE_E_TOO_MANY, path, limit, NULL);
	}
	*out = n;
	return 0;
}

static int
element_object(json_t *list, size_t i, const char *path, char *where,
               json_t **out, struct score_error *err)
{
	path_index(where, path, i);
	*out = json_array_get(list, i);
	if (!json_is_object(*out))
		return fail(err, SCORE_E_TYPE, where, "object", NULL);
	return 0;
}

/* Fails when ids[n] repeats an earlier id. */
static int
check_unique(char *const *ids, size_t stride, size_t n, const char *path,
             struct score_error *err)
{
	const char *id = *(char *const *)((const char *)ids + n * stride);
	char where[PATH_MAX_LEN];

	for (size_t i = 0; i < n; i++) {
		if (strcmp(*(char *const *)((const char *)ids + i * stride),
		           id) == 0) {
			path_key(where, path, "id");
			return fail(err, SCORE_E_DUPLICATE_ID, where, id, NULL);
		}
	}
	return 0;
}

static int
read_fields(json_t *root, struct score_rubric *r, struct score_error *err)
{
	static const char *const keys[] = { "id", "title", NULL };
	char where[PATH_MAX_LEN];
	json_t *list, *obj;

	if (jr_array(root, "fields", "", true, &list, err) < 0 ||
	    list_size(list, "fields", 1, 1000, &r->nfields, err) != 0)
		return -1;
	r->fields = xcalloc(r->nfields, sizeof(*r->fields));
	for (size_t i = 0; i < r->nfields; i++) {
		struct score_field *f = &r->fields[i];

		if (element_object(list, i, "fields", where, &obj, err) != 0 ||
		    jr_keys(obj, where, keys, err) != 0 ||
		    jr_id(obj, "id", where, &f->id, err) < 0 ||
		    check_unique(&r->fields[0].id, sizeof(*f), i, where, err) !=
		        0 ||
		    jr_text(obj, "title", where, true, &f->title, err) < 0)
			return -1;
	}
	return 0;
}

static int
read_levels(json_t *obj, const char *path, struct score_criterion *c,
            struct score_error *err)
{
	static const char *const keys[] = { "min", "max", "label", NULL };
	char where[PATH_MAX_LEN], lpath[PATH_MAX_LEN], a[64], b[64];
	json_t *list, *lv;
	int rc = jr_array(obj, "levels", path, false, &list, err);

	if (rc <= 0)
		return rc;
	path_key(lpath, path, "levels");
	if (list_size(list, lpath, 0, 100, &c->nlevels, err) != 0)
		return -1;
	c->levels = xcalloc(c->nlevels, sizeof(*c->levels));
	for (size_t i = 0; i < c->nlevels; i++) {
		struct score_level *l = &c->levels[i];

		if (element_object(list, i, lpath, where, &lv, err) != 0 ||
		    jr_keys(lv, where, keys, err) != 0 ||
		    read_amount(lv, "min", where, true, true, SCORE_MAX_POINTS,
		                2, &l->min, err) < 0 ||
		    read_amount(lv, "max", where, true, true, SCORE_MAX_POINTS,
		                2, &l->max, err) < 0 ||
		    jr_text(lv, "label", where, true, &l->label, err) < 0)
			return -1;
		if (cmp_frac(l->min.num, l->min.den, l->max.num, l->max.den) >
		        0 ||
		    cmp_frac(l->max.num, l->max.den, c->max.num, c->max.den) >
		        0) {
			score_q_format(l->min, a, sizeof(a));
			score_q_format(l->max, b, sizeof(b));
			return fail(err, SCORE_E_LEVEL_RANGE, where, a, b);
		}
	}
	return 0;
}

static int
read_criterion(json_t *obj, const char *path, struct score_criterion *c,
               struct score_error *err)
{
	static const char *const keys[] = { "id",     "title",  "description",
		                            "max",    "weight", "step",
		                            "levels", NULL };
	char where[PATH_MAX_LEN], a[64], b[64];

	c->weight = q_make(1, 1);
	c->step = q_make(1, 2);
	if (jr_keys(obj, path, keys, err) != 0 ||
	    jr_id(obj, "id", path, &c->id, err) < 0 ||
	    jr_text(obj, "title", path, true, &c->title, err) < 0 ||
	    jr_text(obj, "description", path, false, &c->description, err) <
	        0 ||
	    read_amount(obj, "max", path, true, false, SCORE_MAX_POINTS, 2,
	                &c->max, err) < 0 ||
	    read_amount(obj, "weight", path, false, false, SCORE_MAX_WEIGHT,
	                SCORE_MAX_RUBRIC_DEC, &c->weight, err) < 0 ||
	    read_amount(obj, "step", path, false, false, SCORE_MAX_POINTS, 2,
	                &c->step, err) < 0)
		return -1;
	c->max_h = (int32_t)(c->max.num * (100 / c->max.den));
	c->step_h = (int32_t)(c->step.num * (100 / c->step.den));
	if (c->max_h % c->step_h != 0) {
		path_key(where, path, "step");
		score_q_format(c->step, a, sizeof(a));
		score_q_format(c->max, b, sizeof(b));
		return fail(err, SCORE_E_STEP_DIVIDES, where, a, b);
	}
	return read_levels(obj, path, c, err);
}

static int
read_criteria(json_t *root, struct score_rubric *r, struct score_error *err)
{
	char where[PATH_MAX_LEN];
	json_t *list, *obj;
	bool scores = r->mode == SCORE_MODE_SCORES;
	int rc = jr_array(root, "criteria", "", scores, &list, err);

	if (rc <= 0)
		return rc;
	if (list_size(list, "criteria", 0, SCORE_MAX_CRITERIA, &r->ncriteria,
	              err) != 0)
		return -1;
	if (scores && r->ncriteria == 0)
		return fail(err, SCORE_E_NO_CRITERIA, "criteria", NULL, NULL);
	r->criteria = xcalloc(r->ncriteria, sizeof(*r->criteria));
	for (size_t i = 0; i < r->ncriteria; i++) {
		if (element_object(list, i, "criteria", where, &obj, err) !=
		        0 ||
		    read_criterion(obj, where, &r->criteria[i], err) != 0 ||
		    check_unique(&r->criteria[0].id, sizeof(r->criteria[0]), i,
		                 where, err) != 0)
			return -1;
	}
	return 0;
}

static int
read_outlier(json_t *agg, struct score_aggregate *a, struct score_error *err)
{
	static const char *const keys[] = { "rule", "limit", NULL };
	json_t *obj;
	int rule = SCORE_OUTLIER_NONE;
	int rc = jr_object(agg, "outlier", "aggregate", false, &obj, err);

	if (rc <= 0)
		return rc;
	if (jr_keys(obj, "aggregate.outlier", keys, err) != 0 ||
	    jr_enum(obj, "rule", "aggregate.outlier", false,
	            ENUM_ARGS(score_outlier_names), &rule, err) < 0)
		return -1;
	a->outlier = (enum score_outlier)rule;
	rc = read_amount(obj, "limit", "aggregate.outlier", false, true,
	                 1000000, SCORE_MAX_RUBRIC_DEC, &a->limit, err);
	if (rc < 0)
		return -1;
	a->has_limit = rc == 1;
	if (a->outlier != SCORE_OUTLIER_NONE && !a->has_limit)
		return fail(err, SCORE_E_LIMIT_REQUIRED,
		            "aggregate.outlier.limit", NULL, NULL);
	return 0;
}

static int
read_aggregate(json_t *root, struct score_aggregate *a, struct score_error *err)
{
	static const char *const keys[] = { "method",     "trim",
		                            "outlier",    "normalize",
		                            "min_judges", "decimals",
		                            NULL };
	json_t *obj;
	int method = SCORE_METHOD_MEAN, norm = SCORE_NORMALIZE_NONE;
	int64_t trim = 1, min_judges = 1, decimals = 2;
	int rc = jr_object(root, "aggregate", "", false, &obj, err);

	if (rc == 1 &&
	    (jr_keys(obj, "aggregate", keys, err) != 0 ||
	     jr_enum(obj, "method", "aggregate", false,
	             ENUM_ARGS(score_method_names), &method, err) < 0 ||
	     read_count(obj, "trim", "aggregate", 0, 1000, &trim, err) < 0 ||
	     read_outlier(obj, a, err) < 0 ||
	     jr_enum(obj, "normalize", "aggregate", false,
	             ENUM_ARGS(score_normalize_names), &norm, err) < 0 ||
	     read_count(obj, "min_judges", "aggregate", 1, 1000, &min_judges,
	                err) < 0 ||
	     read_count(obj, "decimals", "aggregate", 0, SCORE_MAX_DECIMALS,
	                &decimals, err) < 0))
		return -1;
	a->method = (enum score_method)method;
	a->normalize = (enum score_normalize)norm;
	a->trim = (int)trim;
	a->min_judges = (int)min_judges;
	a->decimals = (int)decimals;
	return rc < 0 ? -1 : 0;
}

static int
read_tie_break(json_t *root, struct score_rubric *r, struct score_error *err)
{
	char where[PATH_MAX_LEN];
	json_t *list, *v;
	int rc = jr_array(root, "tie_break", "", false, &list, err);

	if (rc <= 0)
		return rc;
	if (list_size(list, "tie_break", 0, SCORE_MAX_CRITERIA, &r->ntie_break,
	              err) != 0)
		return -1;
	r->tie_break = xcalloc(r->ntie_break, sizeof(size_t));
	for (size_t i = 0; i < r->ntie_break; i++) {
		char *id;
		int c;

		path_index(where, "tie_break", i);
		v = json_array_get(list, i);
		if (!json_is_string(v))
			return fail(err, SCORE_E_TYPE, where, "string", NULL);
		id = score_nfc(json_string_value(v), json_string_length(v));
		c = id != NULL ? score_rubric_criterion(r, id) : -1;
		if (c < 0)
			score_error_set(err, SCORE_E_UNKNOWN_CRIT_ID, where,
			                id != NULL ? id : "", NULL);
		for (size_t j = 0; c >= 0 && j < i; j++)
			if (r->tie_break[j] == (size_t)c)
				c = fail(err, SCORE_E_DUPLICATE_REF, where, id,
				         NULL);
		free(id);
		if (c < 0)
			return -1;
		r->tie_break[i] = (size_t)c;
	}
	return 0;
}

static int
read_tier(json_t *obj, const char *path, struct score_tier *t,
          struct score_error *err)
{
	static const char *const keys[] = { "id",        "title", "min",
		                            "max_count", "prize", NULL };
	int rc;

	t->max_count = -1;
	if (jr_keys(obj, path, keys, err) != 0 ||
	    jr_id(obj, "id", path, &t->id, err) < 0 ||
	    jr_text(obj, "title", path, true, &t->title, err) < 0 ||
	    read_threshold(obj, "min", path, true, &t->min, err) < 0 ||
	    read_count(obj, "max_count", path, 0, 1000000000, &t->max_count,
	               err) < 0)
		return -1;
	rc = read_amount(obj, "prize", path, false, true, 1000000000000000LL,
	                 SCORE_MAX_RUBRIC_DEC, &t->prize, err);
	t->has_prize = rc == 1;
	return rc < 0 ? -1 : 0;
}

static int
read_tiers(json_t *awards, struct score_rubric *r, struct score_error *err)
{
	char where[PATH_MAX_LEN], mpath[PATH_MAX_LEN], a[64], b[64];
	json_t *list, *obj;
	int rc = jr_array(awards, "tiers", "awards", false, &list, err);

	if (rc <= 0)
		return rc;
	if (list_size(list, "awards.tiers", 0, 100, &r->ntiers, err) != 0)
		return -1;
	r->tiers = xcalloc(r->ntiers, sizeof(*r->tiers));
	for (size_t i = 0; i < r->ntiers; i++) {
		struct score_tier *t = &r->tiers[i];

		if (element_object(list, i, "awards.tiers", where, &obj, err) !=
		        0 ||
		    read_tier(obj, where, t, err) != 0 ||
		    check_unique(&r->tiers[0].id, sizeof(*t), i, where, err) !=
		        0)
			return -1;
		if (i > 0 && cmp_frac(t->min.num, t->min.den, t[-1].min.num,
		                      t[-1].min.den) > 0) {
			path_key(mpath, where, "min");
			score_q_format(t->min, a, sizeof(a));
			score_q_format(t[-1].min, b, sizeof(b));
			return fail(err, SCORE_E_TIER_ORDER, mpath, a, b);
		}
	}
	return 0;
}

static int
read_awards(json_t *root, struct score_rubric *r, struct score_error *err)
{
	static const char *const keys[] = { "scope", "floor", "tiers", NULL };
	json_t *obj;
	int scope = SCORE_SCOPE_FIELD, rc;

	rc = jr_object(root, "awards", "", false, &obj, err);
	if (rc <= 0)
		return rc;
	if (jr_keys(obj, "awards", keys, err) != 0 ||
	    jr_enum(obj, "scope", "awards", false, ENUM_ARGS(score_scope_names),
	            &scope, err) < 0)
		return -1;
	r->scope = (enum score_scope)scope;
	rc = read_threshold(obj, "floor", "awards", false, &r->floor, err);
	if (rc < 0)
		return -1;
	r->has_floor = rc == 1;
	return read_tiers(obj, r, err);
}

static int
read_ballot(json_t *root, struct score_rubric *r, struct score_error *err)
{
	static const char *const keys[] = { "rule", "share", "max_selected",
		                            NULL };
	char text[64];
	json_t *obj;
	int rule = SCORE_BALLOT_MORE_THAN;
	int rc = jr_object(root, "ballot", "", false, &obj, err);

	if (rc <= 0)
		return rc;
	if (jr_keys(obj, "ballot", keys, err) != 0 ||
	    jr_enum(obj, "rule", "ballot", false,
	            ENUM_ARGS(score_ballot_rule_names), &rule, err) < 0 ||
	    jr_number(obj, "share", "ballot", false, &r->ballot_share, err) <
	        0 ||
	    read_count(obj, "max_selected", "ballot", 0, 1000000000,
	               &r->max_selected, err) < 0)
		return -1;
	r->ballot_rule = (enum score_ballot_rule)rule;
	if (r->ballot_share.num < 0 ||
	    r->ballot_share.num > r->ballot_share.den) {
		score_q_format(r->ballot_share, text, sizeof(text));
		return fail(err, SCORE_E_SHARE_RANGE, "ballot.share", text,
		            NULL);
	}
	return q_check_places(r->ballot_share, SCORE_MAX_RUBRIC_DEC,
	                      "ballot.share", err);
}

static int
read_header(json_t *root, struct score_rubric *r, struct score_error *err)
{
	char *format = NULL;
	int program = 0, mode = 0, rc;

	rc = jr_string(root, "format", "", true, &format, err);
	if (rc < 0)
		return -1;
	if (strcmp(format, SCORE_RUBRIC_FORMAT) != 0) {
		score_error_set(err, SCORE_E_FORMAT_VERSION, "format", format,
		                NULL);
		free(format);
		return -1;
	}
	free(format);
	if (jr_enum(root, "program", "", true, ENUM_ARGS(score_program_names),
	            &program, err) < 0 ||
	    jr_text(root, "title", "", true, &r->title, err) < 0 ||
	    jr_enum(root, "mode", "", true, ENUM_ARGS(score_mode_names), &mode,
	            err) < 0)
		return -1;
	r->program = (enum score_program)program;
	r->mode = (enum score_mode)mode;
	return 0;
}

static void
set_defaults(struct score_rubric *r)
{
	r->aggregate.method = SCORE_METHOD_MEAN;
	r->aggregate.trim = 1;
	r->aggregate.outlier = SCORE_OUTLIER_NONE;
	r->aggregate.normalize = SCORE_NORMALIZE_NONE;
	r->aggregate.min_judges = 1;
	r->aggregate.decimals = 2;
	r->scope = SCORE_SCOPE_FIELD;
	r->ballot_rule = SCORE_BALLOT_MORE_THAN;
	r->ballot_share = q_make(1, 2);
	r->max_selected = -1;
}

static int
read_root(json_t *root, struct score_rubric *r, struct score_error *err)
{
	static const char *const keys[] = {
		"format", "program",  "title",     "mode",
		"fields", "criteria", "aggregate", "tie_break",
		"awards", "ballot",   NULL
	};

	if (!json_is_object(root))
		return fail(err, SCORE_E_TYPE, "", "object", NULL);
	if (jr_keys(root, "", keys, err) != 0 ||
	    read_header(root, r, err) != 0 || read_fields(root, r, err) != 0 ||
	    read_criteria(root, r, err) != 0 ||
	    read_aggregate(root, &r->aggregate, err) != 0 ||
	    read_tie_break(root, r, err) != 0 ||
	    read_awards(root, r, err) != 0 || read_ballot(root, r, err) != 0)
		return -1;
	return 0;
}

struct score_rubric *
score_rubric_parse(const char *json, size_t len, struct score_error *err)
{
	struct score_rubric *r;
	json_error_t jerr;
	json_t *root;

	root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		score_error_set(err, SCORE_E_JSON_SYNTAX, NULL, jerr.text,
		                NULL);
		err->line = jerr.line > 0 ? jerr.line : 1;
		err->column = jerr.column > 0 ? jerr.column : 1;
		return NULL;
	}
	r = xcalloc(1, sizeof(*r));
	set_defaults(r);
	if (read_root(root, r, err) != 0) {
		score_rubric_free(r);
		r = NULL;
	}
	json_decref(root);
	return r;
}

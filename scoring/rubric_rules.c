/* rubric_rules.c: the rubric's aggregation, tie-break, awards and ballot
 * sections, read and validated. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ENUM_ARGS(names) (names), sizeof(names) / sizeof((names)[0])

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

int
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

int
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

int
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

int
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

/* rubric_read.c: the rubric JSON file into a validated model. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ENUM_ARGS(names) (names), sizeof(names) / sizeof((names)[0])

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

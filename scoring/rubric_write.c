/* rubric_write.c: the rubric model back to canonical JSON. */
#include <jansson.h>
#include <stdlib.h>

#include "internal.h"

/* Whole numbers stay integers; others print as their shortest decimal
 * (written with 15 significant digits, which reads back exactly). */
json_t *
q_json(struct score_q q)
{
	if (q.den == 1)
		return json_integer(q.num);
	return json_real((double)q.num / (double)q.den);
}

static json_t *
text_json(const struct score_text *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "vi", json_string(t->vi));
	if (t->en != NULL)
		json_object_set_new(o, "en", json_string(t->en));
	return o;
}

static json_t *
fields_json(const struct score_rubric *r)
{
	json_t *list = json_array();

	for (size_t i = 0; i < r->nfields; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(r->fields[i].id));
		json_object_set_new(o, "title", text_json(&r->fields[i].title));
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
levels_json(const struct score_criterion *c)
{
	json_t *list = json_array();

	for (size_t i = 0; i < c->nlevels; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "min", q_json(c->levels[i].min));
		json_object_set_new(o, "max", q_json(c->levels[i].max));
		json_object_set_new(o, "label", text_json(&c->levels[i].label));
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
criteria_json(const struct score_rubric *r)
{
	json_t *list = json_array();

	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct score_criterion *c = &r->criteria[i];
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(c->id));
		json_object_set_new(o, "title", text_json(&c->title));
		if (c->description.vi != NULL)
			json_object_set_new(o, "description",
			                    text_json(&c->description));
		json_object_set_new(o, "max", q_json(c->max));
		json_object_set_new(o, "weight", q_json(c->weight));
		json_object_set_new(o, "step", q_json(c->step));
		json_object_set_new(o, "levels", levels_json(c));
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
aggregate_json(const struct score_aggregate *a)
{
	json_t *o = json_object(), *out = json_object();

	json_object_set_new(o, "method",
	                    json_string(score_method_names[a->method]));
	json_object_set_new(o, "trim", json_integer(a->trim));
	json_object_set_new(out, "rule",
	                    json_string(score_outlier_names[a->outlier]));
	if (a->has_limit)
		json_object_set_new(out, "limit", q_json(a->limit));
	json_object_set_new(o, "outlier", out);
	json_object_set_new(o, "normalize",
	                    json_string(score_normalize_names[a->normalize]));
	json_object_set_new(o, "min_judges", json_integer(a->min_judges));
	json_object_set_new(o, "decimals", json_integer(a->decimals));
	return o;
}

static json_t *
awards_json(const struct score_rubric *r)
{
	json_t *o = json_object(), *tiers = json_array();

	json_object_set_new(o, "scope",
	                    json_string(score_scope_names[r->scope]));
	if (r->has_floor)
		json_object_set_new(o, "floor", q_json(r->floor));
	for (size_t i = 0; i < r->ntiers; i++) {
		const struct score_tier *t = &r->tiers[i];
		json_t *to = json_object();

		json_object_set_new(to, "id", json_string(t->id));
		json_object_set_new(to, "title", text_json(&t->title));
		json_object_set_new(to, "min", q_json(t->min));
		if (t->max_count >= 0)
			json_object_set_new(to, "max_count",
			                    json_integer(t->max_count));
		if (t->has_prize)
			json_object_set_new(to, "prize", q_json(t->prize));
		json_array_append_new(tiers, to);
	}
	json_object_set_new(o, "tiers", tiers);
	return o;
}

static json_t *
ballot_json(const struct score_rubric *r)
{
	json_t *o = json_object();

	json_object_set_new(
	    o, "rule", json_string(score_ballot_rule_names[r->ballot_rule]));
	json_object_set_new(o, "share", q_json(r->ballot_share));
	if (r->max_selected >= 0)
		json_object_set_new(o, "max_selected",
		                    json_integer(r->max_selected));
	return o;
}

int
score_rubric_write(const struct score_rubric *r, struct buf *out)
{
	json_t *root = json_object(), *tb = json_array();
	char *text;
	int rc;

	json_object_set_new(root, "format", json_string(SCORE_RUBRIC_FORMAT));
	json_object_set_new(root, "program",
	                    json_string(score_program_names[r->program]));
	json_object_set_new(root, "title", text_json(&r->title));
	json_object_set_new(root, "mode",
	                    json_string(score_mode_names[r->mode]));
	json_object_set_new(root, "fields", fields_json(r));
	json_object_set_new(root, "criteria", criteria_json(r));
	json_object_set_new(root, "aggregate", aggregate_json(&r->aggregate));
	for (size_t i = 0; i < r->ntie_break; i++)
		json_array_append_new(
		    tb, json_string(r->criteria[r->tie_break[i]].id));
	json_object_set_new(root, "tie_break", tb);
	json_object_set_new(root, "awards", awards_json(r));
	json_object_set_new(root, "ballot", ballot_json(r));
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                            JSON_REAL_PRECISION(15));
	json_decref(root);
	if (text == NULL)
		return -1;
	rc = buf_puts(out, text);
	if (rc == 0)
		rc = buf_putc(out, '\n');
	free(text);
	return rc;
}

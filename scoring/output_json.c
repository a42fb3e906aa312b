/* output_json.c: the detailed results as JSON (jansson), with manifest. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "internal.h"

static const char *const exclusion_names[SCORE_EXCL__MAX] = {
	"none",
	"points",
	"percent",
};

/* jansson refuses NaN and infinities; they would be a bug, shown as null. */
static json_t *
real_json(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *
fixed_json(int64_t scaled, int decimals)
{
	return json_real((double)scaled / (double)pow10_i64(decimals));
}

static json_t *
optional_real(bool has, double v)
{
	return has ? real_json(v) : json_null();
}

static json_t *
flags_json(unsigned flags)
{
	json_t *a = json_array();

	if (flags & SCORE_FLAG_CUSP)
		json_array_append_new(a, json_string("cusp"));
	if (flags & SCORE_FLAG_TIE)
		json_array_append_new(a, json_string("tie"));
	return a;
}

static json_t *
manifest_json(const struct score_rubric *r, const struct score_manifest *m)
{
	const struct score_aggregate *a = &r->aggregate;
	json_t *o = json_object(), *p = json_object(), *tb = json_array();

	json_object_set_new(o, "rubric_sha256",
	                    json_string(m != NULL ? m->rubric_sha256 : ""));
	json_object_set_new(o, "scores_sha256",
	                    json_string(m != NULL ? m->scores_sha256 : ""));
	json_object_set_new(o, "version",
	                    json_string("giamkhao " SCORE_VERSION));
	json_object_set_new(o, "program",
	                    json_string(score_program_names[r->program]));
	json_object_set_new(o, "mode", json_string(score_mode_names[r->mode]));
	json_object_set_new(o, "method",
	                    json_string(score_method_names[a->method]));
	json_object_set_new(p, "trim", json_integer(a->trim));
	json_object_set_new(p, "outlier",
	                    json_string(score_outlier_names[a->outlier]));
	json_object_set_new(p, "limit",
	                    a->has_limit ? q_json(a->limit) : json_null());
	json_object_set_new(p, "normalize",
	                    json_string(score_normalize_names[a->normalize]));
	json_object_set_new(p, "min_judges", json_integer(a->min_judges));
	json_object_set_new(p, "decimals", json_integer(a->decimals));
	json_object_set_new(p, "scope",
	                    json_string(score_scope_names[r->scope]));
	json_object_set_new(p, "floor",
	                    r->has_floor ? q_json(r->floor) : json_null());
	for (size_t i = 0; i < r->ntie_break; i++)
		json_array_append_new(
		    tb, json_string(r->criteria[r->tie_break[i]].id));
	json_object_set_new(p, "tie_break", tb);
	json_object_set_new(
	    p, "ballot_rule",
	    json_string(score_ballot_rule_names[r->ballot_rule]));
	json_object_set_new(p, "ballot_share", q_json(r->ballot_share));
	json_object_set_new(p, "max_selected",
	                    r->max_selected >= 0 ? json_integer(r->max_selected)
	                                         : json_null());
	json_object_set_new(o, "parameters", p);
	return o;
}

static json_t *
sheets_json(const struct score_rubric *r, const struct score_input *in,
            const struct score_results *res,
            const struct score_entry_result *er, json_t *excluded)
{
	json_t *list = json_array();

	for (size_t i = 0; i < er->nsheets; i++) {
		const struct score_sheet_result *s =
		    &res->sheets[er->first_sheet + i];
		json_t *o = json_object();

		json_object_set_new(o, "judge",
		                    json_string(in->judges[s->judge]));
		json_object_set_new(o, "raw", real_json(s->raw));
		json_object_set_new(o, "normalized", real_json(s->normalized));
		json_object_set_new(
		    o, "excluded",
		    json_boolean(s->excluded != SCORE_EXCL_NONE));
		json_array_append_new(list, o);
		if (s->excluded == SCORE_EXCL_NONE)
			continue;
		o = json_object();
		json_object_set_new(o, "judge",
		                    json_string(in->judges[s->judge]));
		json_object_set_new(o, "rule",
		                    json_string(exclusion_names[s->excluded]));
		json_object_set_new(o, "total", real_json(s->normalized));
		json_object_set_new(o, "mean", real_json(er->mean));
		json_object_set_new(o, "distance",
		                    real_json(fabs(s->normalized - er->mean)));
		json_object_set_new(o, "limit", q_json(r->aggregate.limit));
		json_array_append_new(excluded, o);
	}
	return list;
}

static json_t *
scores_entry_json(const struct score_rubric *r, const struct score_input *in,
                  const struct score_results *res,
                  const struct score_entry_result *er)
{
	json_t *o = json_object(), *crit = json_object(), *spread;
	json_t *excluded = json_array();
	char text[64] = "";

	json_object_set_new(
	    o, "rank", er->rank > 0 ? json_integer(er->rank) : json_null());
	if (er->has_score)
		score_fixed_format(er->score, res->decimals, text,
		                   sizeof(text));
	json_object_set_new(o, "score",
	                    er->has_score ? fixed_json(er->score, res->decimals)
	                                  : json_null());
	json_object_set_new(o, "score_text", json_string(text));
	json_object_set_new(o, "tier",
	                    er->tier >= 0 ? json_string(r->tiers[er->tier].id)
	                                  : json_null());
	json_object_set_new(o, "status",
	                    json_string(score_status_names[er->status]));
	json_object_set_new(o, "flags", flags_json(er->flags));
	json_object_set_new(o, "counted",
	                    json_integer((json_int_t)er->ncounted));
	json_object_set_new(o, "sheets", sheets_json(r, in, res, er, excluded));
	json_object_set_new(o, "excluded", excluded);
	for (size_t k = 0; er->has_score && k < r->ncriteria; k++)
		json_object_set_new(crit, r->criteria[k].id,
		                    fixed_json(er->criteria[k], res->decimals));
	json_object_set_new(o, "criteria", crit);
	spread = json_object();
	json_object_set_new(spread, "sd", real_json(er->sd));
	json_object_set_new(spread, "range", real_json(er->range));
	json_object_set_new(o, "spread", spread);
	return o;
}

static json_t *
ballot_entry_json(const struct score_entry_result *er)
{
	json_t *o = json_object();
	char text[32];

	json_object_set_new(o, "rank", json_integer(er->rank));
	json_object_set_new(o, "yes", json_integer(er->yes));
	json_object_set_new(o, "no", json_integer(er->no));
	json_object_set_new(o, "share", fixed_json(er->share4, 4));
	score_fixed_format(er->share4, 4, text, sizeof(text));
	json_object_set_new(o, "share_text", json_string(text));
	json_object_set_new(o, "selected", json_boolean(er->selected));
	json_object_set_new(o, "flags", flags_json(er->flags));
	return o;
}

static json_t *
entries_json(const struct score_rubric *r, const struct score_input *in,
             const struct score_results *res)
{
	json_t *list = json_array();

	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];
		json_t *o = json_object();
		json_t *body = res->mode == SCORE_MODE_SCORES
		                   ? scores_entry_json(r, in, res, er)
		                   : ballot_entry_json(er);

		/* the entry and its field first, for readers of the file */
		json_object_set_new(o, "entry",
		                    json_string(in->entries[er->entry].id));
		json_object_set_new(o, "field",
		                    json_string(r->fields[er->field].id));
		json_object_update(o, body);
		json_decref(body);
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
judges_json(const struct score_input *in, const struct score_results *res,
            const struct score_scope_result *sr)
{
	json_t *list = json_array();

	for (size_t j = 0; j < sr->njudge_results; j++) {
		const struct score_judge_result *jr =
		    &res->judges[sr->first_judge + j];
		json_t *o = json_object();

		json_object_set_new(o, "judge",
		                    json_string(in->judges[jr->judge]));
		json_object_set_new(o, "sheets",
		                    json_integer((json_int_t)jr->nsheets));
		json_object_set_new(o, "mean", real_json(jr->mean));
		json_object_set_new(o, "severity", real_json(jr->severity));
		json_object_set_new(o, "excluded",
		                    json_integer((json_int_t)jr->excluded));
		json_object_set_new(o, "normalized",
		                    json_boolean(jr->normalized));
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
scopes_json(const struct score_rubric *r, const struct score_input *in,
            const struct score_results *res)
{
	json_t *list = json_array();

	for (size_t s = 0; s < res->nscopes; s++) {
		const struct score_scope_result *sr = &res->scopes[s];
		json_t *o = json_object(), *d = json_object();

		json_object_set_new(o, "scope",
		                    json_string(sr->field >= 0
		                                    ? r->fields[sr->field].id
		                                    : "contest"));
		json_object_set_new(o, "entries",
		                    json_integer((json_int_t)sr->nentries));
		json_object_set_new(d, "alpha",
		                    optional_real(sr->has_alpha, sr->alpha));
		json_object_set_new(d, "icc2_1",
		                    optional_real(sr->has_icc, sr->icc2_1));
		json_object_set_new(d, "icc2_k",
		                    optional_real(sr->has_icc, sr->icc2_k));
		json_object_set_new(o, "diagnostics", d);
		json_object_set_new(o, "judges", judges_json(in, res, sr));
		json_array_append_new(list, o);
	}
	return list;
}

int
score_results_json(const struct score_rubric *r, const struct score_input *in,
                   const struct score_results *res,
                   const struct score_manifest *manifest, struct buf *out)
{
	json_t *root = json_object();
	char *text;
	int rc;

	json_object_set_new(root, "format", json_string("giamkhao-results/1"));
	json_object_set_new(root, "manifest", manifest_json(r, manifest));
	json_object_set_new(root, "entries", entries_json(r, in, res));
	json_object_set_new(root, "scopes", scopes_json(r, in, res));
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                            JSON_REAL_PRECISION(15));
	json_decref(root);
	if (text == NULL)
		return -1;
	rc = buf_puts(out, text);
	if (rc == 0)
		rc = buf_putc(out, '\n');
	free(text);
	return rc == 0 && !out->overflow ? 0 : -1;
}

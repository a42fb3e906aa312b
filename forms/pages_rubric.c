/* pages_rubric.c: the rubric editor: fields, criteria with levels,
 * aggregation, tie-breaks, prize tiers, ballot rules; import and export. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

/* Where values come from: what was posted (after an error), else the
 * rubric. */
struct src {
	const struct form *posted;
	enum score_lang l;
	const struct form_errors *e;
};

static const char *
val(const struct src *s, const char *name, const char *rubric_value)
{
	const char *v;

	if (s->posted == NULL)
		return rubric_value != NULL ? rubric_value : "";
	v = form_get(s->posted, name);
	return v != NULL ? v : "";
}

static void
input(struct buf *out, const struct src *s, const char *name, const char *label,
      const char *value, const char *extra)
{
	field_input(out, s->l, "text", name, label, val(s, name, value), s->e,
	            extra);
}

static void
input_q(struct buf *out, const struct src *s, const char *name,
        const char *label, struct score_q q, bool has)
{
	char text[64] = "";

	if (has)
		score_q_format(q, text, sizeof(text));
	field_input(out, s->l, "text", name, label, val(s, name, text), s->e,
	            "inputmode=\"decimal\" maxlength=\"20\"");
}

static void
input_int(struct buf *out, const struct src *s, const char *name,
          const char *label, long long v, bool has)
{
	char text[32] = "";

	if (has)
		snprintf(text, sizeof(text), "%lld", v);
	field_input(out, s->l, "text", name, label, val(s, name, text), s->e,
	            "inputmode=\"numeric\" maxlength=\"12\"");
}

/* How many rows of a list to show: the rubric's plus blank ones, or,
 * after an error, as many as were posted ("<prefix><i>_id"). */
static size_t
rows_of(const struct src *s, char prefix, size_t in_rubric)
{
	char name[40];
	size_t n;

	if (s->posted == NULL)
		return in_rubric + RUBRIC_FORM_EXTRA < RUBRIC_FORM_MAX
		           ? in_rubric + RUBRIC_FORM_EXTRA
		           : RUBRIC_FORM_MAX;
	for (n = 0; n < RUBRIC_FORM_MAX; n++) {
		snprintf(name, sizeof(name), "%c%zu_id", prefix, n);
		if (form_get(s->posted, name) == NULL)
			break;
	}
	return n;
}

static void
fields_section(struct buf *out, const struct src *s,
               const struct score_rubric *r)
{
	char n[3][40];
	size_t rows = rows_of(s, 'f', r->nfields);

	html_fmt(out, "<h2>%s</h2><fieldset class=\"rows\">",
	         T(s->l, MSG_FIELDS));
	for (size_t i = 0; i < rows; i++) {
		const struct score_field *f =
		    i < r->nfields ? &r->fields[i] : NULL;

		snprintf(n[0], sizeof(n[0]), "f%zu_id", i);
		snprintf(n[1], sizeof(n[1]), "f%zu_vi", i);
		snprintf(n[2], sizeof(n[2]), "f%zu_en", i);
		buf_puts(out, "<div class=\"row-names\">");
		input(out, s, n[0], T(s->l, MSG_ID), f ? f->id : "",
		      "maxlength=\"60\"");
		input(out, s, n[1], T(s->l, MSG_TITLE_VI), f ? f->title.vi : "",
		      "maxlength=\"250\"");
		input(out, s, n[2], T(s->l, MSG_TITLE_EN),
		      f && f->title.en ? f->title.en : "", "maxlength=\"250\"");
		buf_puts(out, "</div>");
	}
	buf_puts(out, "</fieldset>");
}

/* A labelled textarea (with a line of help when `help`), its error
 * after it. */
static void
area(struct buf *out, const struct src *s, const char *name, const char *label,
     const char *help, const char *value, int rows)
{
	bool bad = s->e != NULL && form_error_for(s->e, name) != MSG__MAX;

	html_fmt(out, "<div class=\"field\"><label for=\"f-%s\">%s</label>",
	         name, label);
	if (help != NULL)
		html_fmt(out, "<small>%s</small>", help);
	html_fmt(out,
	         "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\"%R>%s"
	         "</textarea>",
	         name, name, rows, bad ? " aria-invalid=\"true\"" : "",
	         val(s, name, value));
	field_error(out, s->l, name, s->e);
	buf_puts(out, "</div>");
}

/* A criterion's levels as editable lines "from-to | vi | en". */
static void
levels_text(const struct score_criterion *c, struct buf *text)
{
	char a[32], b[32];

	for (size_t k = 0; c != NULL && k < c->nlevels; k++) {
		score_q_format(c->levels[k].min, a, sizeof(a));
		score_q_format(c->levels[k].max, b, sizeof(b));
		buf_printf(text, "%s-%s | ", a, b);
		rubric_level_escape(text, c->levels[k].label.vi);
		buf_puts(text, " | ");
		if (c->levels[k].label.en != NULL)
			rubric_level_escape(text, c->levels[k].label.en);
		buf_putc(text, '\n');
	}
}

static void
criterion_rows(struct buf *out, const struct src *s,
               const struct score_criterion *c, size_t i)
{
	char n[9][40];
	struct buf lv;
	static const char *const keys[] = { "id",   "vi",     "en",
		                            "max",  "weight", "step",
		                            "desc", "levels", "desc_en" };

	for (int k = 0; k < 9; k++)
		snprintf(n[k], sizeof(n[k]), "c%zu_%s", i, keys[k]);
	if (c != NULL || s->posted != NULL)
		html_fmt(out,
		         "<fieldset class=\"criterion\"><legend>%s %d</legend>",
		         T(s->l, MSG_CRITERION), (int)i + 1);
	else
		html_fmt(
		    out,
		    "<fieldset class=\"criterion new\"><legend>%s</legend>",
		    T(s->l, MSG_CRITERION_NEW));
	buf_puts(out, "<div class=\"row-names\">");
	input(out, s, n[0], T(s->l, MSG_ID), c ? c->id : "",
	      "maxlength=\"60\"");
	input(out, s, n[1], T(s->l, MSG_TITLE_VI), c ? c->title.vi : "",
	      "maxlength=\"250\"");
	input(out, s, n[2], T(s->l, MSG_TITLE_EN),
	      c && c->title.en ? c->title.en : "", "maxlength=\"250\"");
	buf_puts(out, "</div><div class=\"row3\">");
	input_q(out, s, n[3], T(s->l, MSG_MAX_POINTS),
	        c ? c->max : (struct score_q){ 0, 1 }, c != NULL);
	input_q(out, s, n[4], T(s->l, MSG_WEIGHT),
	        c ? c->weight : (struct score_q){ 1, 1 }, c != NULL);
	input_q(out, s, n[5], T(s->l, MSG_STEP),
	        c ? c->step : (struct score_q){ 1, 2 }, c != NULL);
	buf_puts(out, "</div>");
	area(out, s, n[6], T(s->l, MSG_DESCRIPTION), NULL,
	     c && c->description.vi ? c->description.vi : "", 2);
	area(out, s, n[8], T(s->l, MSG_DESCRIPTION_EN), NULL,
	     c && c->description.en ? c->description.en : "", 2);
	buf_init(&lv, (size_t)64 * 1024);
	levels_text(c, &lv);
	area(out, s, n[7], T(s->l, MSG_LEVELS), T(s->l, MSG_LEVELS_HELP),
	     lv.data != NULL ? lv.data : "", (int)(c ? c->nlevels : 0) * 2 + 1);
	buf_puts(out, "</fieldset>");
	buf_release(&lv);
}

static void
criteria_section(struct buf *out, const struct src *s,
                 const struct score_rubric *r)
{
	size_t rows = rows_of(s, 'c', r->ncriteria);

	html_fmt(out, "<h2>%s</h2>", T(s->l, MSG_CRITERIA));
	for (size_t i = 0; i < rows; i++)
		criterion_rows(out, s,
		               i < r->ncriteria ? &r->criteria[i] : NULL, i);
}

/* A <select> of rubric spellings, shown in words. */
static void
options(struct buf *out, const struct src *s, const char *name,
        const char *label, const char *const *values, size_t n, size_t current)
{
	const char *labels[8];

	for (size_t i = 0; i < n && i < 8; i++)
		labels[i] = name_option(s->l, values[i]);
	field_select(out, s->l, name, label, values, labels, n,
	             val(s, name, values[current]), s->e);
}

static void
aggregation_section(struct buf *out, const struct src *s,
                    const struct score_rubric *r)
{
	const struct score_aggregate *a = &r->aggregate;
	char ids[1024] = "";
	size_t used = 0;

	html_fmt(out, "<h2>%s</h2><fieldset><div class=\"row3\">",
	         T(s->l, MSG_AGGREGATION));
	options(out, s, "agg_method", T(s->l, MSG_METHOD), score_method_names,
	        SCORE_METHOD__MAX, a->method);
	input_int(out, s, "agg_trim", T(s->l, MSG_TRIM), a->trim, true);
	options(out, s, "agg_outlier", T(s->l, MSG_OUTLIER),
	        score_outlier_names, SCORE_OUTLIER__MAX, a->outlier);
	input_q(out, s, "agg_limit", T(s->l, MSG_LIMIT), a->limit,
	        a->has_limit);
	options(out, s, "agg_normalize", T(s->l, MSG_NORMALIZE),
	        score_normalize_names, SCORE_NORMALIZE__MAX, a->normalize);
	input_int(out, s, "agg_min_judges", T(s->l, MSG_MIN_JUDGES),
	          a->min_judges, true);
	input_int(out, s, "agg_decimals", T(s->l, MSG_DECIMALS), a->decimals,
	          true);
	for (size_t i = 0; i < r->ntie_break && used < sizeof(ids); i++)
		used += (size_t)snprintf(ids + used, sizeof(ids) - used, "%s%s",
		                         i > 0 ? ", " : "",
		                         r->criteria[r->tie_break[i]].id);
	buf_puts(out, "</div>");
	input(out, s, "tie_break", T(s->l, MSG_TIE_BREAK), ids,
	      "maxlength=\"1000\"");
	buf_puts(out, "</fieldset>");
}

static void
tier_row(struct buf *out, const struct src *s, const struct score_tier *t,
         size_t i)
{
	char n[6][40];
	static const char *const keys[] = { "id",  "vi",        "en",
		                            "min", "max_count", "prize" };

	for (int k = 0; k < 6; k++)
		snprintf(n[k], sizeof(n[k]), "t%zu_%s", i, keys[k]);
	buf_puts(out, "<div class=\"row3\">");
	input(out, s, n[0], T(s->l, MSG_ID), t ? t->id : "",
	      "maxlength=\"60\"");
	input(out, s, n[1], T(s->l, MSG_TITLE_VI), t ? t->title.vi : "",
	      "maxlength=\"250\"");
	input(out, s, n[2], T(s->l, MSG_TITLE_EN),
	      t && t->title.en ? t->title.en : "", "maxlength=\"250\"");
	input_q(out, s, n[3], T(s->l, MSG_TIER_MIN),
	        t ? t->min : (struct score_q){ 0, 1 }, t != NULL);
	input_int(out, s, n[4], T(s->l, MSG_MAX_COUNT), t ? t->max_count : 0,
	          t != NULL && t->max_count >= 0);
	input_q(out, s, n[5], T(s->l, MSG_PRIZE),
	        t ? t->prize : (struct score_q){ 0, 1 },
	        t != NULL && t->has_prize);
	buf_puts(out, "</div>");
}

static void
awards_section(struct buf *out, const struct src *s,
               const struct score_rubric *r)
{
	size_t rows = rows_of(s, 't', r->ntiers);

	html_fmt(out,
	         "<h2>%s</h2><fieldset class=\"rows\"><div class=\"row3\">",
	         T(s->l, MSG_AWARDS));
	options(out, s, "aw_scope", T(s->l, MSG_SCOPE), score_scope_names,
	        SCORE_SCOPE__MAX, r->scope);
	input_q(out, s, "aw_floor", T(s->l, MSG_FLOOR), r->floor, r->has_floor);
	buf_puts(out, "</div>");
	html_fmt(out, "<h3>%s</h3>", T(s->l, MSG_TIERS));
	for (size_t i = 0; i < rows; i++)
		tier_row(out, s, i < r->ntiers ? &r->tiers[i] : NULL, i);
	buf_puts(out, "</fieldset>");
}

static void
ballot_section(struct buf *out, const struct src *s,
               const struct score_rubric *r)
{
	html_fmt(out, "<h2>%s</h2><fieldset><div class=\"row3\">",
	         T(s->l, MSG_BALLOT));
	options(out, s, "b_rule", T(s->l, MSG_BALLOT_RULE),
	        score_ballot_rule_names, SCORE_BALLOT__MAX, r->ballot_rule);
	input_q(out, s, "b_share", T(s->l, MSG_SHARE), r->ballot_share, true);
	input_int(out, s, "b_max_selected", T(s->l, MSG_MAX_SELECTED),
	          r->max_selected, r->max_selected >= 0);
	buf_puts(out, "</div></fieldset>");
}

static void
general_section(struct buf *out, const struct src *s,
                const struct score_rubric *r)
{
	html_fmt(out, "<input type=\"hidden\" name=\"program\" value=\"%s\">",
	         score_program_names[r->program]);
	input(out, s, "title_vi", T(s->l, MSG_TITLE_VI), r->title.vi,
	      "required maxlength=\"250\"");
	input(out, s, "title_en", T(s->l, MSG_TITLE_EN),
	      r->title.en ? r->title.en : "", "maxlength=\"250\"");
	options(out, s, "mode", T(s->l, MSG_RUBRIC_MODE), score_mode_names,
	        SCORE_MODE__MAX, r->mode);
}

static void
reason_field(struct buf *out, const struct src *s, bool frozen)
{
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-reason\">%s</label>"
	         "<textarea id=\"f-reason\" name=\"reason\" rows=\"2\" "
	         "maxlength=\"1000\"%R>%s</textarea>",
	         T(s->l, MSG_REASON), frozen ? " required" : "",
	         val(s, "reason", ""));
	field_error(out, s->l, "reason", s->e);
	buf_puts(out, "</div>");
}

/* Import: a file or pasted text; export: the current version. */
static void
import_export(struct buf *out, const struct page *p,
              const struct rubric_page *v)
{
	enum score_lang l = p->lang;
	long long id = v->edition->id;

	html_fmt(out,
	         "<h2>%s</h2><p><a class=\"button\" "
	         "href=\"/editions/%lld/rubric.json\" download>%s</a></p>",
	         T(l, MSG_RUBRIC_EXPORT), id, T(l, MSG_RUBRIC_EXPORT));
	if (!v->can_edit)
		return;
	html_fmt(out,
	         "<h2>%s</h2><form method=\"post\" "
	         "action=\"/editions/%lld/rubric/import\" "
	         "enctype=\"multipart/form-data\">",
	         T(l, MSG_RUBRIC_IMPORT), id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-file\">%s</label>"
	         "<input type=\"file\" id=\"f-file\" name=\"file\" "
	         "accept=\"application/json,.json\"></div>"
	         "<div class=\"field\"><label for=\"f-json\">%s</label>"
	         "<textarea id=\"f-json\" name=\"json\" rows=\"6\" "
	         "spellcheck=\"false\">%s</textarea></div>"
	         "<div class=\"field\"><label for=\"f-ireason\">%s</label>"
	         "<input type=\"text\" id=\"f-ireason\" name=\"reason\" "
	         "maxlength=\"1000\"></div>"
	         "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_RUBRIC_FILE), T(l, MSG_RUBRIC_JSON),
	         v->import_text != NULL ? v->import_text : "", T(l, MSG_REASON),
	         T(l, MSG_RUBRIC_IMPORT));
}

void
page_rubric(struct buf *out, const struct page *p, const struct rubric_page *v)
{
	struct src s = { v->posted, p->lang, v->errors };
	const struct score_rubric *r = v->rubric;
	enum score_lang l = p->lang;
	/* a rubric longer than the editor's rows is edited as a file */
	bool fits = r->nfields <= RUBRIC_FORM_MAX &&
	            r->ncriteria <= RUBRIC_FORM_MAX &&
	            r->ntiers <= RUBRIC_FORM_MAX;
	bool edit = v->can_edit && fits;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1><p>%s %d</p>",
	         v->edition->id, v->edition->title, T(l, MSG_RUBRIC_EDITOR),
	         T(l, MSG_VERSION), v->version);
	if (v->frozen)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_RUBRIC_FROZEN));
	if (!fits)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_RUBRIC_TOO_BIG));
	if (v->error != NULL || (v->errors != NULL && v->errors->count > 0))
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         v->error != NULL ? v->error : T(l, MSG_FIX_ERRORS));
	if (edit) {
		html_fmt(
		    out,
		    "<form method=\"post\" action=\"/editions/%lld/rubric\" "
		    "class=\"rubric\">",
		    v->edition->id);
		field_csrf(out, p->csrf);
	} else {
		buf_puts(out, "<form class=\"rubric\"><fieldset disabled>");
	}
	general_section(out, &s, r);
	fields_section(out, &s, r);
	criteria_section(out, &s, r);
	aggregation_section(out, &s, r);
	awards_section(out, &s, r);
	ballot_section(out, &s, r);
	if (edit) {
		reason_field(out, &s, v->frozen);
		html_fmt(out,
		         "<p><button type=\"submit\">%s</button></p></form>",
		         T(l, MSG_SAVE));
	} else {
		buf_puts(out, "</fieldset></form>");
	}
	import_export(out, p, v);
	page_end(out, p);
}

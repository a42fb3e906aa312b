/* rubric_form.c: the rubric editor's fields to rubric JSON, and a key
 * path back to the field that edits it. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

/* Errors keep the name pointer: point at the submitted field's own name,
 * which lives as long as the form. */
static const char *
stable(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].name;
	return "rubric";
}

/* The value of row field "<prefix><i>_<key>" (e.g. c3_max), or "". */
static const char *
get(const struct form *f, char prefix, int i, const char *key, char *name,
    size_t size)
{
	const char *v;

	snprintf(name, size, "%c%d_%s", prefix, i, key);
	v = form_get(f, name);
	return v != NULL ? v : "";
}

/* A plain decimal (a sign allowed) as a JSON number; NULL when empty,
 * and an error when it is not a number. */
static json_t *
number(const struct form *f, const char *name, struct form_errors *e)
{
	const char *v = form_get(f, name);
	struct score_q q;

	if (v == NULL || *v == '\0')
		return NULL;
	if (score_q_parse(v[0] == '-' ? v + 1 : v, &q) != 0) {
		form_error(e, stable(f, name), MSG_ERR_NUMBER);
		return NULL;
	}
	if (strchr(v, '.') == NULL)
		return json_integer(strtoll(v, NULL, 10));
	return json_real(strtod(v, NULL));
}

static void
set_number(json_t *o, const char *key, const struct form *f, const char *name,
           struct form_errors *e)
{
	json_t *n = number(f, name, e);

	if (n != NULL)
		json_object_set_new(o, key, n);
}

/* A string with a textarea's CR LF line ends made LF (the rubric file
 * allows no other control character). */
static json_t *
string_lf(const char *s)
{
	char *copy = xstrdup(s), *w = copy;
	json_t *j;

	for (const char *r = s; *r != '\0'; r++)
		if (*r != '\r' || r[1] != '\n')
			*w++ = *r;
	*w = '\0';
	j = json_string(copy);
	free(copy);
	return j;
}

static json_t *
text(const char *vi, const char *en)
{
	json_t *t = json_object();

	json_object_set_new(t, "vi", string_lf(vi));
	if (*en != '\0')
		json_object_set_new(t, "en", string_lf(en));
	return t;
}

static char *
trim(char *s)
{
	size_t n;

	s += strspn(s, " \t");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* The next unescaped '|' of s, or NULL. */
static char *
bar_in(char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '|')
			return s;
	}
	return NULL;
}

/* Undoes the escapes of a label in place: \| is |, \n a new line, \\ a
 * backslash (see rubric_level_escape). */
static char *
unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0'; r++) {
		if (*r == '\\' &&
		    (r[1] == '|' || r[1] == '\\' || r[1] == 'n')) {
			r++;
			*w++ = (char)(*r == 'n' ? '\n' : *r);
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

/* One line "10.5-20 | Khá | Good" as a level; NULL when malformed. */
static json_t *
level(char *line)
{
	char *bar = bar_in(line), *en, *dash;
	struct score_q a, b;

	if (bar == NULL)
		return NULL;
	*bar = '\0';
	en = bar_in(bar + 1);
	if (en != NULL)
		*en++ = '\0';
	if (en != NULL && bar_in(en) != NULL)
		return NULL; /* a fourth column: a label's | not escaped */
	dash = strchr(line, '-');
	if (dash == NULL)
		return NULL;
	*dash = '\0';
	if (score_q_parse(trim(line), &a) != 0 ||
	    score_q_parse(trim(dash + 1), &b) != 0)
		return NULL;
	return json_pack("{s:f, s:f, s:o}", "min",
	                 (double)a.num / (double)a.den, "max",
	                 (double)b.num / (double)b.den, "label",
	                 text(unescape(trim(bar + 1)),
	                      en != NULL ? unescape(trim(en)) : ""));
}

/* The levels textarea, one level per line. */
static json_t *
levels(const struct form *f, const char *name, struct form_errors *e)
{
	const char *v = form_get(f, name);
	json_t *list = json_array(), *l = list;
	char *line;

	while (v != NULL && *v != '\0' && l != NULL) {
		size_t n = strcspn(v, "\r\n");

		line = xstrndup(v, n);
		v += n;
		v += strspn(v, "\r\n");
		if (*trim(line) != '\0') {
			l = level(line);
			if (l == NULL)
				form_error(e, stable(f, name), MSG_ERR_LEVELS);
			else
				json_array_append_new(list, l);
		}
		free(line);
	}
	return list;
}

static json_t *
fields(const struct form *f)
{
	json_t *list = json_array();
	char n1[32], n2[32], n3[32];

	for (int i = 0; i < RUBRIC_FORM_MAX; i++) {
		const char *id = get(f, 'f', i, "id", n1, sizeof(n1));

		if (*id == '\0')
			continue;
		json_array_append_new(
		    list,
		    json_pack("{s:s, s:o}", "id", id, "title",
		              text(get(f, 'f', i, "vi", n2, sizeof(n2)),
		                   get(f, 'f', i, "en", n3, sizeof(n3)))));
	}
	return list;
}

static json_t *
criterion(const struct form *f, int i, const char *id, struct form_errors *e)
{
	char n[5][32];
	const char *desc = get(f, 'c', i, "desc", n[0], sizeof(n[0]));
	const char *desc_en = get(f, 'c', i, "desc_en", n[4], sizeof(n[4]));
	json_t *c = json_pack("{s:s, s:o}", "id", id, "title",
	                      text(get(f, 'c', i, "vi", n[1], sizeof(n[1])),
	                           get(f, 'c', i, "en", n[2], sizeof(n[2]))));

	if (*desc != '\0' || *desc_en != '\0')
		json_object_set_new(c, "description", text(desc, desc_en));
	snprintf(n[3], sizeof(n[3]), "c%d_max", i);
	set_number(c, "max", f, n[3], e);
	snprintf(n[3], sizeof(n[3]), "c%d_weight", i);
	set_number(c, "weight", f, n[3], e);
	snprintf(n[3], sizeof(n[3]), "c%d_step", i);
	set_number(c, "step", f, n[3], e);
	snprintf(n[3], sizeof(n[3]), "c%d_levels", i);
	json_object_set_new(c, "levels", levels(f, n[3], e));
	return c;
}

static json_t *
criteria(const struct form *f, struct form_errors *e)
{
	json_t *list = json_array();
	char name[32];

	for (int i = 0; i < RUBRIC_FORM_MAX; i++) {
		const char *id = get(f, 'c', i, "id", name, sizeof(name));

		if (*id != '\0')
			json_array_append_new(list, criterion(f, i, id, e));
	}
	return list;
}

static const char *
str(const struct form *f, const char *name, const char *otherwise)
{
	const char *v = form_get(f, name);

	return v != NULL && *v != '\0' ? v : otherwise;
}

static json_t *
aggregate(const struct form *f, struct form_errors *e)
{
	json_t *a =
	    json_pack("{s:s, s:s}", "method", str(f, "agg_method", "mean"),
	              "normalize", str(f, "agg_normalize", "none"));
	json_t *o = json_pack("{s:s}", "rule", str(f, "agg_outlier", "none"));

	set_number(o, "limit", f, "agg_limit", e);
	json_object_set_new(a, "outlier", o);
	set_number(a, "trim", f, "agg_trim", e);
	set_number(a, "min_judges", f, "agg_min_judges", e);
	set_number(a, "decimals", f, "agg_decimals", e);
	return a;
}

static json_t *
tie_break(const struct form *f)
{
	const char *v = str(f, "tie_break", "");
	json_t *list = json_array();
	char id[256];

	while (*v != '\0') {
		size_t n = strcspn(v, ",");

		snprintf(id, sizeof(id), "%.*s", (int)n, v);
		if (*trim(id) != '\0')
			json_array_append_new(list, json_string(trim(id)));
		v += n;
		v += strspn(v, ",");
	}
	return list;
}

static json_t *
awards(const struct form *f, struct form_errors *e)
{
	json_t *a = json_pack("{s:s}", "scope", str(f, "aw_scope", "field"));
	json_t *tiers = json_array();
	char n[4][32];

	set_number(a, "floor", f, "aw_floor", e);
	for (int i = 0; i < RUBRIC_FORM_MAX; i++) {
		const char *id = get(f, 't', i, "id", n[0], sizeof(n[0]));
		json_t *t;

		if (*id == '\0')
			continue;
		t = json_pack("{s:s, s:o}", "id", id, "title",
		              text(get(f, 't', i, "vi", n[1], sizeof(n[1])),
		                   get(f, 't', i, "en", n[2], sizeof(n[2]))));
		snprintf(n[3], sizeof(n[3]), "t%d_min", i);
		set_number(t, "min", f, n[3], e);
		snprintf(n[3], sizeof(n[3]), "t%d_max_count", i);
		set_number(t, "max_count", f, n[3], e);
		snprintf(n[3], sizeof(n[3]), "t%d_prize", i);
		set_number(t, "prize", f, n[3], e);
		json_array_append_new(tiers, t);
	}
	json_object_set_new(a, "tiers", tiers);
	return a;
}

static json_t *
ballot(const struct form *f, struct form_errors *e)
{
	json_t *b = json_pack("{s:s}", "rule", str(f, "b_rule", "more-than"));

	set_number(b, "share", f, "b_share", e);
	set_number(b, "max_selected", f, "b_max_selected", e);
	return b;
}

char *
rubric_form_json(const struct form *f, struct form_errors *e)
{
	json_t *root;
	char *text_out;

	form_errors_clear(e);
	root = json_pack("{s:s, s:s, s:o, s:s}", "format", SCORE_RUBRIC_FORMAT,
	                 "program", str(f, "program", "custom"), "title",
	                 text(str(f, "title_vi", ""), str(f, "title_en", "")),
	                 "mode", str(f, "mode", "scores"));
	json_object_set_new(root, "fields", fields(f));
	json_object_set_new(root, "criteria", criteria(f, e));
	json_object_set_new(root, "aggregate", aggregate(f, e));
	json_object_set_new(root, "tie_break", tie_break(f));
	json_object_set_new(root, "awards", awards(f, e));
	json_object_set_new(root, "ballot", ballot(f, e));
	text_out = e->count == 0
	               ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                      JSON_REAL_PRECISION(15))
	               : NULL;
	json_decref(root);
	return text_out;
}

/* criteria[3].step -> c3_step; fields[1].id -> f1_id; aggregate.trim ->
 * agg_trim; aggregate.outlier.limit -> agg_limit; awards.tiers[0].min ->
 * t0_min; awards.floor -> aw_floor; ballot.share -> b_share. */
/* The form row holding the k-th item of a list: rows with an empty id
 * are left out of the rubric, so the numbers differ. */
static long
row_of(const struct form *f, const char *form_prefix, long k)
{
	char name[40];
	const char *id;

	if (f == NULL)
		return k;
	for (int i = 0; i < RUBRIC_FORM_MAX; i++) {
		snprintf(name, sizeof(name), "%s%d_id", form_prefix, i);
		id = form_get(f, name);
		if (id != NULL && *id != '\0' && k-- == 0)
			return i;
	}
	return -1;
}

void
rubric_path_field(const struct form *f, const char *path, char *out,
                  size_t size)
{
	static const struct {
		const char *prefix, *form;
	} lists[] = { { "criteria[", "c" },
		      { "fields[", "f" },
		      { "awards.tiers[", "t" } },
	  plain[] = { { "aggregate.outlier.", "agg_" },
		      { "aggregate.", "agg_" },
		      { "awards.", "aw_" },
		      { "ballot.", "b_" },
		      { "tie_break", "tie_break" } };
	const char *key;
	char *end;
	long i;

	*out = '\0';
	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		size_t n = strlen(lists[k].prefix);

		if (strncmp(path, lists[k].prefix, n) != 0)
			continue;
		i = row_of(f, lists[k].form, strtol(path + n, &end, 10));
		if (i < 0)
			return;
		key = *end == ']' && end[1] == '.' ? end + 2 : "id";
		/* texts edit in one input per language; levels in one box */
		if (strcmp(key, "title.en") == 0)
			key = "en";
		else if (strncmp(key, "title", 5) == 0)
			key = "vi";
		else if (strncmp(key, "levels", 6) == 0)
			key = "levels";
		else if (strcmp(key, "description.en") == 0)
			key = "desc_en";
		else if (strncmp(key, "description", 11) == 0)
			key = "desc";
		snprintf(out, size, "%s%ld_%.*s", lists[k].form, i,
		         (int)strcspn(key, ".["), key);
		return;
	}
	for (size_t k = 0; k < sizeof(plain) / sizeof(plain[0]); k++) {
		size_t n = strlen(plain[k].prefix);

		if (strncmp(path, plain[k].prefix, n) == 0) {
			snprintf(out, size, "%s%.*s", plain[k].form,
			         (int)strcspn(path + n, ".["), path + n);
			if (strcmp(plain[k].prefix, "tie_break") == 0)
				snprintf(out, size, "tie_break");
			else if (strcmp(out, "agg_rule") == 0)
				snprintf(out, size, "agg_outlier");
			return;
		}
	}
}

void
rubric_level_escape(struct buf *out, const char *label)
{
	for (; *label != '\0'; label++) {
		if (*label == '|' || *label == '\\')
			buf_putc(out, '\\');
		if (*label == '\n')
			buf_puts(out, "\\n");
		else
			buf_putc(out, *label);
	}
}

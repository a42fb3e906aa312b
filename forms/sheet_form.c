/* sheet_form.c: a posted score sheet, checked value by value by the
 * scoring core, with each refusal next to its criterion. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

void
sheet_field(size_t i, char *out, size_t size)
{
	snprintf(out, size, "c%zu", i);
}

/* The posted field's own name (errors keep the pointer). */
static const char *
stable(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].name;
	return NULL;
}

static int
int_of(const struct form *f, const char *name)
{
	const char *v = form_get(f, name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return -1;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= 0 && n < 1000000000 ? (int)n : -1;
}

/* One criterion's value: empty, or checked by the core. */
static void
read_value(const struct form *f, const struct score_criterion *c, size_t i,
           enum score_lang lang, struct sheet_post *s, struct form_errors *e)
{
	const char *v, *field;
	struct score_error err;
	struct buf msg;

	sheet_field(i, s->names[i], sizeof(s->names[i]));
	field = stable(f, s->names[i]);
	if (field == NULL)
		field = s->names[i];
	v = form_get(f, field);
	s->values[i] = v != NULL ? v : "";
	s->given[i] = false;
	if (v == NULL || v[strspn(v, " \t")] == '\0') {
		if (s->submit)
			form_error(e, field, MSG_ERR_MISSING_SCORE);
		return;
	}
	memset(&err, 0, sizeof(err));
	if (score_points_parse(c, v + strspn(v, " \t"), &s->points[i], &err) ==
	    0) {
		s->given[i] = true;
		return;
	}
	buf_init(&msg, 1024);
	score_error_format(&err, NULL, lang, &msg);
	form_error_detail(e, field, msg.data != NULL ? msg.data : "");
	buf_release(&msg);
}

bool
sheet_form_read(const struct form *f, const struct score_rubric *r,
                enum score_lang lang, struct sheet_post *s,
                struct form_errors *e)
{
	const char *op = form_get(f, "op");

	memset(s, 0, sizeof(*s));
	form_errors_clear(e);
	s->submit = op != NULL && strcmp(op, "submit") == 0;
	s->comment = form_get(f, "comment");
	s->reason = form_get(f, "reason");
	s->client_id = form_get(f, "client_id");
	s->version = int_of(f, "version");
	s->rubric_version = int_of(f, "rubric_version");
	if (s->comment == NULL)
		s->comment = "";
	if (strlen(s->comment) > 16000)
		form_error(e, stable(f, "comment"), MSG_ERR_TOO_LONG);
	if (s->reason != NULL && strlen(s->reason) > 2000)
		form_error(e, stable(f, "reason"), MSG_ERR_TOO_LONG);
	for (size_t i = 0; i < r->ncriteria && i < DB_MAX_SCORES; i++)
		read_value(f, &r->criteria[i], i, lang, s, e);
	return e->count == 0;
}

static const char *
text_of(json_t *v, char *buf, size_t size)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	return NULL;
}

int
sheet_json_form(const char *data, size_t len, const struct score_rubric *rub,
                struct form *f, char *why, size_t size)
{
	json_error_t jerr;
	json_t *body, *v, *pts;
	const char *key, *text;
	char buf[32], name[16];
	int c;

	/* jansson reports a failed allocation as "out of memory", as no
	 * error, or as a syntax error where the token could not be stored
	 * (found by fault injection): malloc's ENOMEM tells them apart */
	errno = 0;
	body = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (body == NULL && (errno == ENOMEM || json_error_code(&jerr) ==
	                                            json_error_out_of_memory))
		return -1;
	if (!json_is_object(body)) {
		snprintf(why, size, "JSON (line %d): %s", jerr.line, jerr.text);
		json_decref(body);
		return 1;
	}
	*why = '\0';
	json_object_foreach(body, key, v)
	{
		if (strcmp(key, "points") == 0 && json_is_object(v))
			continue;
		if (strcmp(key, "state") == 0 && json_is_string(v)) {
			text = strcmp(json_string_value(v), "submitted") == 0
			           ? "submit"
			           : "draft";
			form_add(f, "op", text, strlen(text));
			continue;
		}
		text = text_of(v, buf, sizeof(buf));
		if (text == NULL || (strcmp(key, "client_id") != 0 &&
		                     strcmp(key, "version") != 0 &&
		                     strcmp(key, "rubric_version") != 0 &&
		                     strcmp(key, "comment") != 0 &&
		                     strcmp(key, "reason") != 0)) {
			snprintf(why, size, "%s", key);
			break;
		}
		form_add(f, key, text, strlen(text));
	}
	pts = json_object_get(body, "points");
	json_object_foreach(pts, key, v)
	{
		c = *why == '\0' ? score_rubric_criterion(rub, key) : -1;
		text = text_of(v, buf, sizeof(buf));
		if (c < 0 || (text == NULL && !json_is_null(v))) {
			if (*why == '\0')
				snprintf(why, size, "points.%s", key);
			break;
		}
		sheet_field((size_t)c, name, sizeof(name));
		if (text != NULL)
			form_add(f, name, text, strlen(text));
	}
	json_decref(body);
	return *why == '\0' && !f->bad ? 0 : 1;
}

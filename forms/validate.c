/* validate.c: submitted forms checked field by field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

const char *const edition_programs[EDITION_PROGRAMS] = {
	"technical-innovation", "youth-creativity", "vifotec-award",
	"golden-book",          "honouring",
};
const char *const edition_levels[EDITION_LEVELS] = {
	"district",
	"province",
	"national",
};

/* Reads exactly n digits; -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
is_date(const char *s, bool optional)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (s == NULL || *s == '\0')
		return optional;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	/* 29 February only in leap years */
	return !(m == 2 && d == 29 &&
	         !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* A required line of text: not blank, at most `max` bytes, one line. */
static const char *
text_field(const struct form *f, const char *name, size_t max, bool required,
           struct form_errors *e)
{
	const char *v = form_get(f, name);

	if (v == NULL || strspn(v, " \t") == strlen(v)) {
		if (required)
			form_error(e, name, MSG_ERR_REQUIRED);
		return "";
	}
	if (strlen(v) > max)
		form_error(e, name, MSG_ERR_TOO_LONG);
	else if (strpbrk(v, "\r\n") != NULL)
		form_error(e, name, MSG_ERR_TEXT);
	return v;
}

static int
int_field(const struct form *f, const char *name, int min, int max,
          bool required, struct form_errors *e)
{
	const char *v = form_get(f, name);
	char *end;
	long n;

	if (v == NULL || *v == '\0') {
		if (required)
			form_error(e, name, MSG_ERR_REQUIRED);
		return 0;
	}
	n = strtol(v, &end, 10);
	if (*end != '\0' || end == v) {
		form_error(e, name, MSG_ERR_NUMBER);
		return 0;
	}
	if (n < min || n > max) {
		form_error(e, name, MSG_ERR_RANGE);
		return 0;
	}
	return (int)n;
}

static const char *
choice_field(const struct form *f, const char *name, const char *const *choices,
             size_t n, struct form_errors *e)
{
	const char *v = form_get(f, name);

	for (size_t i = 0; v != NULL && i < n; i++)
		if (strcmp(v, choices[i]) == 0)
			return choices[i];
	form_error(e, name, v == NULL ? MSG_ERR_REQUIRED : MSG_ERR_CHOICE);
	return v != NULL ? v : "";
}

static const char *
date_field(const struct form *f, const char *name, struct form_errors *e)
{
	const char *v = form_get(f, name);

	if (!is_date(v, true))
		form_error(e, name, MSG_ERR_DATE);
	return v != NULL ? v : "";
}

bool
edition_form_read(const struct form *f, struct edition_view *v,
                  struct form_errors *e)
{
	memset(v, 0, sizeof(*v));
	form_errors_clear(e);
	v->program =
	    choice_field(f, "program", edition_programs, EDITION_PROGRAMS, e);
	v->level = choice_field(f, "level", edition_levels, EDITION_LEVELS, e);
	v->number = int_field(f, "number", 1, 999, true, e);
	v->year_from = int_field(f, "year_from", 2000, 2100, true, e);
	v->year_to = int_field(f, "year_to", 2000, 2100, false, e);
	if (v->year_to == 0)
		v->year_to = v->year_from;
	else if (v->year_from != 0 && v->year_to < v->year_from)
		form_error(e, "year_to", MSG_ERR_RANGE);
	v->title = text_field(f, "title", 500, true, e);
	v->submit_until = date_field(f, "submit_until", e);
	v->judging_until = date_field(f, "judging_until", e);
	v->posting_from = date_field(f, "posting_from", e);
	v->posting_until = date_field(f, "posting_until", e);
	v->applied_from = date_field(f, "applied_from", e);
	v->birth_from = date_field(f, "birth_from", e);
	v->birth_until = date_field(f, "birth_until", e);
	if (*v->birth_from != '\0' && *v->birth_until != '\0' &&
	    strcmp(v->birth_from, v->birth_until) > 0)
		form_error(e, "birth_until", MSG_ERR_RANGE);
	v->org_name = text_field(f, "org_name", 250, true, e);
	v->org_province = text_field(f, "org_province", 120, true, e);
	v->signatory = text_field(f, "signatory", 120, true, e);
	v->signatory_title = text_field(f, "signatory_title", 120, true, e);
	v->hide_authors = form_get(f, "hide_authors") != NULL;
	v->side_prizes =
	    (form_get(f, "side_youngest") != NULL ? SIDE_YOUNGEST : 0) |
	    (form_get(f, "side_oldest") != NULL ? SIDE_OLDEST : 0) |
	    (form_get(f, "side_minority") != NULL ? SIDE_MINORITY : 0) |
	    (form_get(f, "side_unit") != NULL ? SIDE_UNIT : 0);
	v->state = "draft";
	return e->count == 0;
}

bool
org_form_read(const struct form *f, struct org_view *v, struct form_errors *e)
{
	memset(v, 0, sizeof(*v));
	form_errors_clear(e);
	v->name = text_field(f, "org_name", 250, true, e);
	v->province = text_field(f, "org_province", 120, true, e);
	v->signatory = text_field(f, "signatory", 120, true, e);
	v->signatory_title = text_field(f, "signatory_title", 120, true, e);
	v->public_url = text_field(f, "public_url", 250, false, e);
	/* printed under every certificate's QR code: a real web address */
	if (*v->public_url != '\0' &&
	    strncmp(v->public_url, "https://", 8) != 0 &&
	    strncmp(v->public_url, "http://", 7) != 0)
		form_error(e, "public_url", MSG_ERR_URL);
	return e->count == 0;
}

void
date_vn(const char *iso, char *out, size_t size)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, size, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, size, "%s", iso);
}

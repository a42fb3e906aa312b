/* entry_form.c: the entry form read and checked field by field. */
#include <string.h>

#include "forms.h"

/* Form names of the author rows (stable strings: errors keep pointers). */
static const char *const author_names[ENTRY_FORM_AUTHORS][5] = {
	{ "a1_name", "a1_birth", "a1_ethnicity", "a1_unit", "a1_role" },
	{ "a2_name", "a2_birth", "a2_ethnicity", "a2_unit", "a2_role" },
	{ "a3_name", "a3_birth", "a3_ethnicity", "a3_unit", "a3_role" },
	{ "a4_name", "a4_birth", "a4_ethnicity", "a4_unit", "a4_role" },
	{ "a5_name", "a5_birth", "a5_ethnicity", "a5_unit", "a5_role" },
	{ "a6_name", "a6_birth", "a6_ethnicity", "a6_unit", "a6_role" },
};

static const char *const author_roles[] = { "author", "representative",
	                                    "teacher" };

const char *
entry_author_field(size_t row, size_t column)
{
	return author_names[row][column];
}

const char *
field_title(const struct field_choice *fields, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].id, id) == 0)
			return fields[i].title;
	return id;
}

static bool
has_field(const struct field_choice *fields, size_t n, const char *id)
{
	for (size_t i = 0; id != NULL && i < n; i++)
		if (strcmp(fields[i].id, id) == 0)
			return true;
	return false;
}

/* Optional text, at most `max` bytes, on one line unless `multiline`. */
static const char *
text(const struct form *f, const char *name, size_t max, bool required,
     bool multiline, struct form_errors *e)
{
	const char *v = form_get(f, name);

	if (v == NULL || strspn(v, " \t\r\n") == strlen(v)) {
		if (required)
			form_error(e, name, MSG_ERR_REQUIRED);
		return "";
	}
	if (strlen(v) > max)
		form_error(e, name, MSG_ERR_TOO_LONG);
	else if (!multiline && strpbrk(v, "\r\n") != NULL)
		form_error(e, name, MSG_ERR_TEXT);
	return v;
}

/* Letters, digits, '-' and '_': codes appear in file names and links. */
static bool
is_code(const char *s)
{
	return *s != '\0' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                 "0123456789-_") == strlen(s);
}

static const char *
date(const struct form *f, const char *name, struct form_errors *e)
{
	const char *v = form_get(f, name);

	if (!is_date(v, true))
		form_error(e, name, MSG_ERR_DATE);
	return v != NULL ? v : "";
}

static void
read_author(const struct form *f, size_t row, struct author_view *a,
            struct form_errors *e)
{
	const char *const *n = author_names[row];
	const char *role = form_get(f, n[4]);

	a->name = text(f, n[0], 120, true, false, e);
	a->birth_date = date(f, n[1], e);
	a->ethnicity = text(f, n[2], 60, false, false, e);
	a->unit = text(f, n[3], 250, false, false, e);
	a->role = "author";
	for (size_t i = 0; role != NULL && i < 3; i++)
		if (strcmp(role, author_roles[i]) == 0)
			a->role = author_roles[i];
	if (role != NULL && *role != '\0' && strcmp(role, a->role) != 0)
		form_error(e, n[4], MSG_ERR_CHOICE);
}

/* Rows with nothing typed are skipped; a row with anything needs a name. */
static void
read_authors(const struct form *f, struct entry_view *v, struct form_errors *e)
{
	for (size_t row = 0; row < ENTRY_FORM_AUTHORS; row++) {
		bool empty = true;

		for (size_t c = 0; c < 4; c++) {
			const char *x = form_get(f, author_names[row][c]);

			empty = empty && (x == NULL || *x == '\0');
		}
		if (!empty)
			read_author(f, row, &v->authors[v->nauthors++], e);
	}
	if (v->nauthors == 0)
		form_error(e, author_names[0][0], MSG_ERR_REQUIRED);
}

bool
entry_form_read(const struct form *f, const struct field_choice *fields,
                size_t nfields, struct entry_view *v, struct form_errors *e)
{
	const char *field = form_get(f, "field");

	memset(v, 0, sizeof(*v));
	form_errors_clear(e);
	v->code = text(f, "code", 40, true, false, e);
	if (*v->code != '\0' && !is_code(v->code))
		form_error(e, "code", MSG_ERR_TEXT);
	v->title = text(f, "title", 500, true, false, e);
	v->field = field != NULL ? field : "";
	if (!has_field(fields, nfields, field))
		form_error(e, "field", MSG_ERR_CHOICE);
	v->summary = text(f, "summary", 4000, false, true, e);
	v->organisation = text(f, "organisation", 250, false, false, e);
	v->district = text(f, "district", 120, false, false, e);
	v->applied_since = date(f, "applied_since", e);
	v->applied_place = text(f, "applied_place", 250, false, false, e);
	v->prior_awards = text(f, "prior_awards", 1000, false, true, e);
	read_authors(f, v, e);
	return e->count == 0;
}

/* pages_panels.c: the expert database and an edition's panels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

static void
expert_fields(struct buf *out, enum score_lang l, const struct expert_view *v,
              const struct form_errors *e)
{
	field_input(out, l, "text", "name", T(l, MSG_AUTHOR_NAME), v->name, e,
	            "required maxlength=\"120\"");
	field_input(out, l, "text", "title", T(l, MSG_EXPERT_TITLE), v->title,
	            e, "maxlength=\"120\"");
	field_input(out, l, "text", "unit", T(l, MSG_UNIT), v->unit, e,
	            "maxlength=\"250\"");
	field_input(out, l, "text", "fields", T(l, MSG_EXPERTISE), v->fields, e,
	            "maxlength=\"250\"");
	field_input(out, l, "email", "email", T(l, MSG_EMAIL), v->email, e,
	            "maxlength=\"120\"");
	field_input(out, l, "tel", "phone", T(l, MSG_PHONE), v->phone, e,
	            "maxlength=\"30\"");
}

void
page_experts(struct buf *out, const struct page *p,
             const struct expert_view *rows, size_t n,
             const struct expert_view *v, const struct form_errors *e)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<h1>%s</h1><table><thead><tr><th>%s</th><th>%s</th>"
	         "<th>%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_EXPERTS), T(l, MSG_AUTHOR_NAME),
	         T(l, MSG_EXPERT_TITLE), T(l, MSG_UNIT), T(l, MSG_EXPERTISE));
	for (size_t i = 0; i < n; i++)
		html_fmt(
		    out,
		    "<tr><td><a href=\"/experts/%lld\">%s</a></td><td>%s</td>"
		    "<td>%s</td><td>%s</td></tr>",
		    rows[i].id, rows[i].name, rows[i].title, rows[i].unit,
		    rows[i].fields);
	if (n == 0)
		html_fmt(out, "<tr><td colspan=\"4\">%s</td></tr>",
		         T(l, MSG_NONE));
	html_fmt(out, "</tbody></table><h2>%s</h2>", T(l, MSG_NEW_EXPERT));
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	buf_puts(out, "<form method=\"post\" action=\"/experts/new\">");
	field_csrf(out, p->csrf);
	expert_fields(out, l, v, e);
	html_fmt(out, "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_ADD));
	page_end(out, p);
}

void
page_expert_form(struct buf *out, const struct page *p,
                 const struct expert_view *v, const struct form_errors *e)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(
	    out,
	    "<p class=\"crumbs\"><a href=\"/experts\">%s</a></p><h1>%s</h1>",
	    T(l, MSG_EXPERTS), v->name);
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	html_fmt(out, "<form method=\"post\" action=\"/experts/%lld\">", v->id);
	field_csrf(out, p->csrf);
	expert_fields(out, l, v, e);
	html_fmt(out, "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_SAVE));
	page_end(out, p);
}

static const char *
line(const struct form *f, const char *name, size_t max, bool required,
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

bool
expert_form_read(const struct form *f, struct expert_view *v,
                 struct form_errors *e)
{
	memset(v, 0, sizeof(*v));
	form_errors_clear(e);
	v->name = line(f, "name", 120, true, e);
	v->title = line(f, "title", 120, false, e);
	v->unit = line(f, "unit", 250, false, e);
	v->fields = line(f, "fields", 250, false, e);
	v->email = line(f, "email", 120, false, e);
	if (*v->email != '\0' && strchr(v->email, '@') == NULL)
		form_error(e, "email", MSG_ERR_TEXT);
	v->phone = line(f, "phone", 30, false, e);
	return e->count == 0;
}

static const char *
expert_name(const struct expert_view *x, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (x[i].id == id)
			return x[i].name;
	return "";
}

/* The panel's fields as their titles, comma-separated. */
static void
field_titles(struct buf *out, const char *ids,
             const struct field_choice *fields, size_t nfields)
{
	bool first = true;

	for (size_t i = 0; i < nfields; i++) {
		size_t n = strlen(fields[i].id);
		const char *s = ids;

		while ((s = strstr(s, fields[i].id)) != NULL) {
			if ((s == ids || s[-1] == ' ') &&
			    (s[n] == '\0' || s[n] == ' '))
				break;
			s++;
		}
		if (s == NULL)
			continue;
		html_fmt(out, "%R%s", first ? "" : ", ", fields[i].title);
		first = false;
	}
}

void
page_panels(struct buf *out, const struct page *p,
            const struct edition_view *ed, const struct panel_view *rows,
            size_t n, const struct expert_view *experts, size_t nexperts,
            const struct field_choice *fields, size_t nfields, bool can_edit)
{
	enum score_lang l = p->lang;
	struct panel_view blank = { 0, "", "", 0, NULL, 0 };

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1><p><a class=\"button\" "
	         "href=\"/editions/%lld/assignments\">%s</a></p>",
	         ed->id, ed->title, T(l, MSG_PANELS), ed->id,
	         T(l, MSG_ASSIGNMENTS));
	for (size_t i = 0; i < n; i++) {
		const struct panel_view *v = &rows[i];

		html_fmt(out, "<section class=\"panel\"><h2>%s</h2><p>",
		         v->name);
		field_titles(out, v->fields, fields, nfields);
		html_fmt(out, "</p><p>%s: %s</p><p>%s: ", T(l, MSG_CHAIR),
		         v->chair ? expert_name(experts, nexperts, v->chair)
		                  : T(l, MSG_NONE),
		         T(l, MSG_MEMBERS));
		for (size_t j = 0; j < v->nmembers; j++)
			html_fmt(out, "%R%s", j ? ", " : "",
			         expert_name(experts, nexperts, v->members[j]));
		buf_puts(out, "</p>");
		if (can_edit)
			html_fmt(out, "<p><a href=\"/panels/%lld\">%s</a></p>",
			         v->id, T(l, MSG_EDIT));
		buf_puts(out, "</section>");
	}
	if (can_edit) {
		html_fmt(out, "<h2>%s</h2>", T(l, MSG_NEW_PANEL));
		panel_form_body(out, p, ed, &blank, experts, nexperts, fields,
		                nfields, NULL);
	}
	page_end(out, p);
}

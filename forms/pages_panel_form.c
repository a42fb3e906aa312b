/* pages_panel_form.c: the form of a panel (name, fields, chair, members). */
#include <stdio.h>
#include <string.h>

#include "forms.h"

static bool
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *s = list; (s = strstr(s, word)) != NULL; s++)
		if ((s == list || s[-1] == ' ') &&
		    (s[n] == '\0' || s[n] == ' '))
			return true;
	return false;
}

static bool
is_member(const struct panel_view *v, long long id)
{
	for (size_t i = 0; i < v->nmembers; i++)
		if (v->members[i] == id)
			return true;
	return false;
}

static void
choose_chair(struct buf *out, enum score_lang l, const struct panel_view *v,
             const struct expert_view *experts, size_t nexperts)
{
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-chair\">%s</label>"
	         "<select id=\"f-chair\" name=\"chair\"><option value=\"0\">%s"
	         "</option>",
	         T(l, MSG_CHAIR), T(l, MSG_NONE));
	for (size_t i = 0; i < nexperts; i++)
		html_fmt(out, "<option value=\"%lld\"%R>%s</option>",
		         experts[i].id,
		         experts[i].id == v->chair ? " selected" : "",
		         experts[i].name);
	buf_puts(out, "</select></div>");
}

void
panel_form_body(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct panel_view *v,
                const struct expert_view *experts, size_t nexperts,
                const struct field_choice *fields, size_t nfields,
                const struct form_errors *e)
{
	enum score_lang l = p->lang;

	if (v->id != 0)
		html_fmt(out, "<form method=\"post\" action=\"/panels/%lld\">",
		         v->id);
	else
		html_fmt(out,
		         "<form method=\"post\" "
		         "action=\"/editions/%lld/panels/new\">",
		         ed->id);
	field_csrf(out, p->csrf);
	field_input(out, l, "text", "name", T(l, MSG_PANEL_NAME), v->name, e,
	            "required maxlength=\"250\"");
	html_fmt(out, "<fieldset><legend>%s</legend>", T(l, MSG_PANEL_FIELDS));
	for (size_t i = 0; i < nfields; i++)
		html_fmt(out,
		         "<label class=\"check\"><input type=\"checkbox\" "
		         "name=\"field\" value=\"%s\"%R> %s</label>",
		         fields[i].id,
		         has_word(v->fields, fields[i].id) ? " checked" : "",
		         fields[i].title);
	if (e != NULL && form_error_for(e, "field") != MSG__MAX)
		html_fmt(out, "<p class=\"error\">%s</p>",
		         T(l, form_error_for(e, "field")));
	html_fmt(out, "</fieldset>");
	choose_chair(out, l, v, experts, nexperts);
	html_fmt(out, "<fieldset><legend>%s</legend>", T(l, MSG_MEMBERS));
	for (size_t i = 0; i < nexperts; i++)
		html_fmt(out,
		         "<label class=\"check\"><input type=\"checkbox\" "
		         "name=\"member\" value=\"%lld\"%R> %s (%s)</label>",
		         experts[i].id,
		         is_member(v, experts[i].id) ? " checked" : "",
		         experts[i].name, experts[i].unit);
	html_fmt(out,
	         "</fieldset><p><button type=\"submit\">%s</button></p></form>",
	         T(l, v->id != 0 ? MSG_SAVE : MSG_CREATE));
}

void
page_panel_form(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct panel_view *v,
                const struct expert_view *experts, size_t nexperts,
                const struct field_choice *fields, size_t nfields,
                const struct form_errors *e)
{
	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld/panels\">%s</a>"
	         "</p><h1>%s</h1>",
	         ed->id, T(p->lang, MSG_PANELS),
	         *v->name != '\0' ? v->name : T(p->lang, MSG_NEW_PANEL));
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(p->lang, MSG_FIX_ERRORS));
	panel_form_body(out, p, ed, v, experts, nexperts, fields, nfields, e);
	page_end(out, p);
}

/* pages_editions.c: the editions list, the new-edition form, one edition. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

static void
edition_row(struct buf *out, enum score_lang lang, const struct edition_view *v)
{
	html_fmt(out,
	         "<tr><td><a href=\"/editions/%lld\">%s</a></td><td>%s</td>"
	         "<td>%d</td><td>%d",
	         v->id, v->title, name_program(lang, v->program), v->number,
	         v->year_from);
	if (v->year_to != v->year_from)
		html_fmt(out, "–%d", v->year_to);
	html_fmt(out,
	         "</td><td>%s</td><td><span class=\"state\">%s</span>"
	         "</td></tr>\n",
	         name_level(lang, v->level), name_state(lang, v->state));
}

void
page_editions(struct buf *out, const struct page *p,
              const struct edition_view *rows, size_t n, bool can_create)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>", T(l, MSG_EDITIONS));
	if (can_create)
		html_fmt(
		    out,
		    "<p><a class=\"button\" href=\"/editions/new\">%s</a></p>",
		    T(l, MSG_NEW_EDITION));
	if (n == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_EDITIONS));
		page_end(out, p);
		return;
	}
	html_fmt(out,
	         "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
	         T(l, MSG_TITLE), T(l, MSG_PROGRAM), T(l, MSG_NUMBER),
	         T(l, MSG_YEAR_FROM), T(l, MSG_LEVEL), T(l, MSG_STATE));
	for (size_t i = 0; i < n; i++)
		edition_row(out, l, &rows[i]);
	buf_puts(out, "</tbody></table>");
	page_end(out, p);
}

static void
number_field(struct buf *out, enum score_lang l, const char *name,
             enum msg label, int value, const struct form_errors *e,
             const char *extra)
{
	char text[16] = "";

	if (value != 0)
		snprintf(text, sizeof(text), "%d", value);
	field_input(out, l, "number", name, T(l, label), text, e, extra);
}

/* The program is chosen once: its rubric and rules come with it. */
static void
choices(struct buf *out, enum score_lang l, const struct edition_view *v,
        const struct form_errors *e)
{
	const char *labels[EDITION_PROGRAMS];

	for (size_t i = 0; i < EDITION_PROGRAMS; i++)
		labels[i] = name_program(l, edition_programs[i]);
	if (v->id == 0)
		field_select(out, l, "program", T(l, MSG_PROGRAM),
		             edition_programs, labels, EDITION_PROGRAMS,
		             v->program, e);
	else
		html_fmt(out,
		         "<div class=\"field\"><span class=\"label\">%s</span>"
		         "<p>%s</p><input type=\"hidden\" name=\"program\" "
		         "value=\"%s\"></div>",
		         T(l, MSG_PROGRAM), name_program(l, v->program),
		         v->program);
	for (size_t i = 0; i < EDITION_LEVELS; i++)
		labels[i] = name_level(l, edition_levels[i]);
	field_select(out, l, "level", T(l, MSG_LEVEL), edition_levels, labels,
	             EDITION_LEVELS, v->level, e);
}

void
page_edition_form(struct buf *out, const struct page *p,
                  const struct edition_view *v, const struct form_errors *e)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>",
	         v->id == 0 ? T(l, MSG_NEW_EDITION) : T(l, MSG_EDIT_EDITION));
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	if (v->id == 0)
		buf_puts(out, "<form method=\"post\" action=\"/editions/new\" "
		              "class=\"stack\">");
	else
		html_fmt(out,
		         "<form method=\"post\" action=\"/editions/%lld/edit\" "
		         "class=\"stack\">",
		         v->id);
	field_csrf(out, p->csrf);
	choices(out, l, v, e);
	number_field(out, l, "number", MSG_NUMBER, v->number, e,
	             "required min=\"1\" max=\"999\"");
	number_field(out, l, "year_from", MSG_YEAR_FROM, v->year_from, e,
	             "required min=\"2000\" max=\"2100\"");
	number_field(out, l, "year_to", MSG_YEAR_TO, v->year_to, e,
	             "min=\"2000\" max=\"2100\"");
	field_input(out, l, "text", "title", T(l, MSG_TITLE), v->title, e,
	            "required maxlength=\"500\"");
	field_input(out, l, "date", "submit_until", T(l, MSG_SUBMIT_UNTIL),
	            v->submit_until, e, NULL);
	field_input(out, l, "date", "judging_until", T(l, MSG_JUDGING_UNTIL),
	            v->judging_until, e, NULL);
	field_input(out, l, "date", "posting_from", T(l, MSG_POSTING_FROM),
	            v->posting_from, e, NULL);
	field_input(out, l, "date", "posting_until", T(l, MSG_POSTING_UNTIL),
	            v->posting_until, e, NULL);
	field_input(out, l, "date", "applied_from", T(l, MSG_APPLIED_FROM),
	            v->applied_from, e, NULL);
	field_input(out, l, "date", "birth_from", T(l, MSG_BIRTH_FROM),
	            v->birth_from, e, NULL);
	field_input(out, l, "date", "birth_until", T(l, MSG_BIRTH_UNTIL),
	            v->birth_until, e, NULL);
	field_input(out, l, "text", "org_name", T(l, MSG_ORG_NAME), v->org_name,
	            e, "required maxlength=\"250\"");
	field_input(out, l, "text", "org_province", T(l, MSG_ORG_PROVINCE),
	            v->org_province, e, "required maxlength=\"120\"");
	field_input(out, l, "text", "signatory", T(l, MSG_SIGNATORY),
	            v->signatory, e, "required maxlength=\"120\"");
	field_input(out, l, "text", "signatory_title",
	            T(l, MSG_SIGNATORY_TITLE), v->signatory_title, e,
	            "required maxlength=\"120\"");
	field_checkbox(out, "hide_authors", T(l, MSG_HIDE_AUTHORS),
	               v->hide_authors);
	html_fmt(out, "<fieldset class=\"side-prizes\"><legend>%s</legend>",
	         T(l, MSG_SIDE_PRIZES));
	field_checkbox(out, "side_youngest", T(l, MSG_SIDE_YOUNGEST),
	               (v->side_prizes & SIDE_YOUNGEST) != 0);
	field_checkbox(out, "side_oldest", T(l, MSG_SIDE_OLDEST),
	               (v->side_prizes & SIDE_OLDEST) != 0);
	field_checkbox(out, "side_minority", T(l, MSG_SIDE_MINORITY),
	               (v->side_prizes & SIDE_MINORITY) != 0);
	field_checkbox(out, "side_unit", T(l, MSG_SIDE_UNIT),
	               (v->side_prizes & SIDE_UNIT) != 0);
	buf_puts(out, "</fieldset>");
	if (v->id == 0)
		html_fmt(out,
		         "<div class=\"actions\"><button type=\"submit\">%s"
		         "</button> <a class=\"button secondary\" "
		         "href=\"/editions\">%s</a></div></form>",
		         T(l, MSG_CREATE), T(l, MSG_CANCEL));
	else
		html_fmt(out,
		         "<div class=\"actions\"><button type=\"submit\">%s"
		         "</button> <a class=\"button secondary\" "
		         "href=\"/editions/%lld\">%s</a></div></form>",
		         T(l, MSG_SAVE), v->id, T(l, MSG_CANCEL));
	page_end(out, p);
}

static void
detail(struct buf *out, const char *label, const char *value)
{
	html_fmt(out, "<dt>%s</dt><dd>%s</dd>", label,
	         value != NULL && *value != '\0' ? value : "—");
}

static void
advance_form(struct buf *out, const struct page *p,
             const struct edition_view *v)
{
	const char *next = edition_next_state(v->state);

	if (next == NULL)
		return;
	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/advance\" "
	         "class=\"inline\">",
	         v->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"from\" value=\"%s\">"
	         "<button type=\"submit\" data-confirm=\"%s: %s?\">%s: %s"
	         "</button></form>",
	         v->state, T(p->lang, MSG_NEXT_STATE),
	         name_state(p->lang, next), T(p->lang, MSG_NEXT_STATE),
	         name_state(p->lang, next));
}

void
page_edition(struct buf *out, const struct page *p,
             const struct edition_view *v, bool can_advance, bool can_edit)
{
	enum score_lang l = p->lang;
	char years[32], number[16];

	snprintf(number, sizeof(number), "%d", v->number);
	if (v->year_to != v->year_from)
		snprintf(years, sizeof(years), "%d–%d", v->year_from,
		         v->year_to);
	else
		snprintf(years, sizeof(years), "%d", v->year_from);
	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1><dl class=\"details\">", v->title);
	detail(out, T(l, MSG_PROGRAM), name_program(l, v->program));
	detail(out, T(l, MSG_NUMBER), number);
	detail(out, T(l, MSG_YEARS), years);
	detail(out, T(l, MSG_LEVEL), name_level(l, v->level));
	detail(out, T(l, MSG_STATE), name_state(l, v->state));
	detail(out, T(l, MSG_SUBMIT_UNTIL), v->submit_until);
	detail(out, T(l, MSG_JUDGING_UNTIL), v->judging_until);
	detail(out, T(l, MSG_POSTING_FROM), v->posting_from);
	detail(out, T(l, MSG_POSTING_UNTIL), v->posting_until);
	detail(out, T(l, MSG_APPLIED_FROM), v->applied_from);
	detail(out, T(l, MSG_BIRTH_FROM), v->birth_from);
	detail(out, T(l, MSG_BIRTH_UNTIL), v->birth_until);
	detail(out, T(l, MSG_ORG_NAME), v->org_name);
	detail(out, T(l, MSG_SIGNATORY), v->signatory);
	html_fmt(out,
	         "</dl><nav class=\"sections\"><a class=\"button\" "
	         "href=\"/editions/%lld/entries\">%s</a> <a class=\"button\" "
	         "href=\"/editions/%lld/panels\">%s</a> <a class=\"button\" "
	         "href=\"/editions/%lld/assignments\">%s</a> <a "
	         "class=\"button\" href=\"/editions/%lld/progress\">%s</a> "
	         "<a class=\"button\" href=\"/editions/%lld/cards\">%s</a> "
	         "<a class=\"button\" href=\"/editions/%lld/results\">%s</a> "
	         "<a class=\"button\" href=\"/editions/%lld/rubric\">%s</a>"
	         "</nav><div class=\"actions\">",
	         v->id, T(l, MSG_ENTRIES), v->id, T(l, MSG_PANELS), v->id,
	         T(l, MSG_ASSIGNMENTS), v->id, T(l, MSG_PROGRESS_PAGE), v->id,
	         T(l, MSG_CARDS), v->id, T(l, MSG_RESULTS), v->id,
	         T(l, MSG_RUBRIC_EDITOR));
	/* entries go up a level once the award decision is taken */
	if (strcmp(v->state, "decided") == 0 || strcmp(v->state, "closed") == 0)
		html_fmt(out,
		         "<a class=\"button\" href=\"/editions/%lld/forward\">"
		         "%s</a> <a class=\"button\" "
		         "href=\"/editions/%lld/certificates\">%s</a> ",
		         v->id, T(l, MSG_FORWARD), v->id, T(l, MSG_CERTS));
	if (can_advance)
		advance_form(out, p, v);
	if (can_edit)
		html_fmt(out,
		         " <a class=\"button secondary\" "
		         "href=\"/editions/%lld/edit\">%s</a>",
		         v->id, T(l, MSG_EDIT_EDITION));
	html_fmt(out,
	         " <a href=\"/editions/%lld/rubric.json\">%s (JSON, v%d)</a>"
	         "</div>",
	         v->id, T(l, MSG_RUBRIC), v->rubric_version);
	page_end(out, p);
}

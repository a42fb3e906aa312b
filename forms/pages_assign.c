/* pages_assign.c: each panel's assignment grid, its loads and status. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

/* A mark per cell, with a title that says what it means. */
static void
cell(struct buf *out, enum score_lang l, unsigned char c)
{
	static const char *const marks[] = { "", "●", "◆", "✕", "⊘" };
	static const enum msg titles[] = { MSG_UNASSIGNED, MSG_AUTO, MSG_MANUAL,
		                           MSG_CONFLICTS,
		                           MSG_DECLARED_BY_ORGANISER };

	if (c > CELL_DECLARED)
		c = CELL_FREE;
	html_fmt(out, "<td class=\"cell c%d\" title=\"%s\">%s</td>", (int)c,
	         T(l, titles[c]), marks[c]);
}

static void
status(struct buf *out, enum score_lang l, const struct grid_view *g)
{
	bool ok = true;

	buf_puts(out, "<ul class=\"status\">");
	if (g->nshort > 0) {
		html_fmt(out, "<li class=\"warning\">%s: %d</li>",
		         T(l, MSG_SHORT_OF_JUDGES), (int)g->nshort);
		ok = false;
	}
	if (g->max_load > g->min_load + 1) {
		html_fmt(out, "<li class=\"warning\">%s</li>",
		         T(l, MSG_UNBALANCED));
		ok = false;
	}
	if (g->k >= 2 && g->components > 1) {
		html_fmt(out, "<li class=\"warning\">%s</li>",
		         T(l, MSG_DISCONNECTED));
		ok = false;
	}
	if (ok)
		html_fmt(out, "<li>%s</li>", T(l, MSG_ASSIGN_OK));
	buf_puts(out, "</ul>");
}

/* The row's form: pick a judge, give a reason, add, remove, or declare a
 * conflict. */
static void
row_form(struct buf *out, const struct page *p, const struct grid_view *g,
         size_t i)
{
	enum score_lang l = p->lang;

	/* folded: one line per entry until the organiser opens it */
	html_fmt(out,
	         "<td><details><summary>%s</summary><form method=\"post\" "
	         "action=\"/entries/%lld/assign\" class=\"row\">",
	         T(l, MSG_CHANGE), g->entry_ids[i]);
	field_csrf(out, p->csrf);
	html_fmt(out, "<select name=\"expert\" aria-label=\"%s\">",
	         T(l, MSG_JUDGES));
	for (size_t j = 0; j < g->njudges; j++)
		html_fmt(out, "<option value=\"%lld\">%s</option>",
		         g->judge_ids[j], g->judge_names[j]);
	html_fmt(out,
	         "</select><input name=\"reason\" required maxlength=\"250\" "
	         "placeholder=\"%s\" aria-label=\"%s\">"
	         "<button name=\"op\" value=\"add\">%s</button>"
	         "<button name=\"op\" value=\"remove\">%s</button>"
	         "<button formaction=\"/entries/%lld/conflicts\">%s</button>"
	         "</form></details></td>",
	         T(l, MSG_REASON), T(l, MSG_REASON), T(l, MSG_ADD),
	         T(l, MSG_REMOVE), g->entry_ids[i], T(l, MSG_CONFLICTS));
}

static void
grid(struct buf *out, const struct page *p, const struct grid_view *g,
     bool can_assign)
{
	enum score_lang l = p->lang;

	html_fmt(out, "<section class=\"grid\"><h2>%s</h2>", g->panel);
	status(out, l, g);
	html_fmt(out,
	         "<div class=\"scroll\"><table class=\"assign\"><thead>"
	         "<tr><th>%s</th>",
	         T(l, MSG_ENTRIES));
	for (size_t j = 0; j < g->njudges; j++)
		html_fmt(out, "<th>%s</th>", g->judge_names[j]);
	html_fmt(out, "%R</tr></thead><tbody>", can_assign ? "<th></th>" : "");
	for (size_t i = 0; i < g->nentries; i++) {
		html_fmt(
		    out, "<tr><th><a href=\"/entries/%lld\">%s</a> %s</th>",
		    g->entry_ids[i], g->entry_codes[i], g->entry_titles[i]);
		for (size_t j = 0; j < g->njudges; j++)
			cell(out, l, g->cells[i * g->njudges + j]);
		if (can_assign)
			row_form(out, p, g, i);
		buf_puts(out, "</tr>");
	}
	buf_puts(out, "</tbody><tfoot><tr><th>Σ</th>");
	for (size_t j = 0; j < g->njudges; j++) {
		int load = 0;

		for (size_t i = 0; i < g->nentries; i++) {
			unsigned char c = g->cells[i * g->njudges + j];

			load += c == CELL_AUTO || c == CELL_MANUAL;
		}
		html_fmt(out, "<td>%d</td>", load);
	}
	html_fmt(out, "%R</tr></tfoot></table></div></section>",
	         can_assign ? "<td></td>" : "");
}

void
page_assignments(struct buf *out, const struct page *p,
                 const struct edition_view *ed, const struct grid_view *grids,
                 size_t n, bool can_assign)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	/* a panel chair has the edition's pages only through this one */
	if (p->role != NULL && strcmp(p->role, "chair") == 0)
		html_fmt(out, "<p class=\"crumbs\">%s</p><h1>%s</h1>",
		         ed->title, T(l, MSG_ASSIGNMENTS));
	else
		html_fmt(out,
		         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a>"
		         " › <a href=\"/editions/%lld/panels\">%s</a></p>"
		         "<h1>%s</h1>",
		         ed->id, ed->title, ed->id, T(l, MSG_PANELS),
		         T(l, MSG_ASSIGNMENTS));
	if (can_assign) {
		html_fmt(
		    out,
		    "<form method=\"post\" action=\"/editions/%lld/assign\">",
		    ed->id);
		field_csrf(out, p->csrf);
		html_fmt(out,
		         "<p><button type=\"submit\">%s</button></p></form>",
		         T(l, MSG_ASSIGN));
	}
	for (size_t i = 0; i < n; i++)
		grid(out, p, &grids[i], can_assign);
	if (n == 0)
		html_fmt(out, "<p>%s</p>", T(l, MSG_NONE));
	page_end(out, p);
}

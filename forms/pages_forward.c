/* pages_forward.c: forwarding a decided edition's prized entries to the
 * next level: choose them, download the package. */
#include "forms.h"

static void
errors_box(struct buf *out, enum score_lang l, const struct forward_view *v)
{
	if (v->nerrors == 0)
		return;
	html_fmt(out,
	         "<div class=\"notice error\" role=\"alert\"><p>%s</p>"
	         "<ol class=\"errors\">",
	         T(l, MSG_FORWARD_FAILED));
	for (size_t i = 0; i < v->nerrors; i++)
		html_fmt(out, "<li>%s</li>", v->errors[i]);
	buf_puts(out, "</ol></div>");
}

/* One row: the checkbox is labelled by the entry's code for screen
 * readers and large enough to tap. */
static void
row(struct buf *out, const struct forward_row *w, size_t i)
{
	html_fmt(out,
	         "<tr><td><input type=\"checkbox\" id=\"fw-%lld\" "
	         "name=\"entry\" value=\"%s\"%R></td><td><label "
	         "for=\"fw-%lld\">%s</label></td><td>%s</td><td>%s</td>"
	         "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
	         (long long)i, w->code, w->checked ? " checked" : "",
	         (long long)i, w->code, w->title, w->field, w->authors,
	         w->score, w->tier, w->final_tier);
}

static void
choose_form(struct buf *out, const struct page *p,
            const struct edition_view *ed, const struct forward_view *v)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/forward\">",
	         ed->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<div class=\"table-wrap\"><table><thead><tr><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	         "<th>%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_FORWARD_CHOOSE), T(l, MSG_CODE), T(l, MSG_TITLE),
	         T(l, MSG_FIELD), T(l, MSG_AUTHORS), T(l, MSG_SCORE),
	         T(l, MSG_TIER), T(l, MSG_FINAL));
	for (size_t i = 0; i < v->nrows; i++)
		row(out, &v->rows[i], i);
	html_fmt(out,
	         "</tbody></table></div><p><button type=\"submit\">%s"
	         "</button></p></form>",
	         T(l, MSG_FORWARD_DOWNLOAD));
}

void
page_forward(struct buf *out, const struct page *p,
             const struct edition_view *ed, const struct forward_view *v)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1>",
	         ed->id, ed->title, T(l, MSG_FORWARD));
	if (v->next_level == NULL) {
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_FORWARD_NATIONAL));
		page_end(out, p);
		return;
	}
	html_fmt(out,
	         "<dl class=\"details\"><dt>%s</dt><dd>%s</dd><dt>%s</dt>"
	         "<dd>%s (%s)</dd></dl><p>%s</p>",
	         T(l, MSG_FORWARD_TO), v->next_level,
	         T(l, MSG_FORWARD_DECISION), v->decision_number,
	         v->decision_date, T(l, MSG_FORWARD_INTRO));
	errors_box(out, l, v);
	if (v->nrows == 0)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_FORWARD_NONE));
	else
		choose_form(out, p, ed, v);
	page_end(out, p);
}

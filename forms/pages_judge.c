/* pages_judge.c: a judge's start page: the assigned entries and progress. */
#include <string.h>

#include "forms.h"

static enum msg
sheet_msg(const char *sheet)
{
	if (strcmp(sheet, "submitted") == 0)
		return MSG_SUBMITTED;
	return strcmp(sheet, "draft") == 0 ? MSG_DRAFT : MSG_NOT_STARTED;
}

/* A chair follows the panel's work from its assignments page. */
static void
chaired_panels(struct buf *out, enum score_lang l, const struct chair_row *c,
               size_t n)
{
	if (n == 0)
		return;
	html_fmt(out, "<h2>%s</h2><ul class=\"chaired\">",
	         T(l, MSG_PANELS_CHAIRED));
	for (size_t i = 0; i < n; i++)
		html_fmt(
		    out,
		    "<li><a href=\"/editions/%lld/assignments\">%s</a></li>",
		    c[i].edition, c[i].panel);
	buf_puts(out, "</ul>");
}

void
page_judge_home(struct buf *out, const struct page *p,
                const struct judge_row *rows, size_t n,
                const struct chair_row *chaired, size_t nchaired)
{
	enum score_lang l = p->lang;
	size_t done = 0;
	const char *edition = NULL;

	for (size_t i = 0; i < n; i++)
		done += strcmp(rows[i].sheet, "submitted") == 0;
	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>", T(l, MSG_HOME_JUDGE));
	chaired_panels(out, l, chaired, nchaired);
	if (n == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_ASSIGNMENTS));
		page_end(out, p);
		return;
	}
	html_fmt(out,
	         "<p>%s: %d / %d</p><progress max=\"%d\" value=\"%d\">"
	         "</progress>",
	         T(l, MSG_PROGRESS), (int)done, (int)n, (int)n, (int)done);
	for (size_t i = 0; i < n; i++) {
		if (edition == NULL || strcmp(edition, rows[i].edition) != 0) {
			html_fmt(out, "%R<h2>%s</h2><ul class=\"assigned\">",
			         edition != NULL ? "</ul>" : "",
			         rows[i].edition);
			edition = rows[i].edition;
		}
		html_fmt(out,
		         "<li><a href=\"/entries/%lld\">%s – %s</a> "
		         "<span class=\"state %s\">%s</span></li>",
		         rows[i].id, rows[i].code, rows[i].title,
		         *rows[i].sheet ? rows[i].sheet : "none",
		         T(l, sheet_msg(rows[i].sheet)));
	}
	buf_puts(out, "</ul>");
	page_end(out, p);
}

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

/* One state's entries of an edition (rows [from, to) are that edition). */
static void
group(struct buf *out, enum score_lang l, const struct judge_row *rows,
      size_t from, size_t to, const char *state)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += strcmp(rows[i].sheet, state) == 0;
	if (n == 0)
		return;
	html_fmt(out, "<h3>%s (%d)</h3><ul class=\"assigned\">",
	         T(l, sheet_msg(state)), (int)n);
	for (size_t i = from; i < to; i++)
		if (strcmp(rows[i].sheet, state) == 0)
			html_fmt(out,
			         "<li><a href=\"/entries/%lld/sheet\">"
			         "<span class=\"code\">%s</span> %s</a></li>",
			         rows[i].id, rows[i].code, rows[i].title);
	buf_puts(out, "</ul>");
}

/* An edition's entries: progress, deadline, then by state. */
static void
edition_part(struct buf *out, enum score_lang l, const struct judge_row *rows,
             size_t from, size_t to)
{
	size_t done = 0, n = to - from;

	for (size_t i = from; i < to; i++)
		done += strcmp(rows[i].sheet, "submitted") == 0;
	html_fmt(out,
	         "<section class=\"edition\"><h2>%s</h2><p>%s: %d / %d"
	         "<progress max=\"%d\" value=\"%d\"></progress></p>",
	         rows[from].edition, T(l, MSG_PROGRESS), (int)done, (int)n,
	         (int)n, (int)done);
	if (*rows[from].deadline != '\0')
		html_fmt(out, "<p>%s: <strong>%s</strong></p>",
		         T(l, MSG_DEADLINE), rows[from].deadline);
	group(out, l, rows, from, to, "");
	group(out, l, rows, from, to, "draft");
	group(out, l, rows, from, to, "submitted");
	buf_puts(out, "</section>");
}

void
page_judge_home(struct buf *out, const struct page *p,
                const struct judge_row *rows, size_t n,
                const struct chair_row *chaired, size_t nchaired)
{
	enum score_lang l = p->lang;
	size_t from = 0;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>", T(l, MSG_HOME_JUDGE));
	chaired_panels(out, l, chaired, nchaired);
	if (n == 0)
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_ASSIGNMENTS));
	/* rows come ordered by edition */
	for (size_t i = 1; i <= n; i++)
		if (i == n || rows[i].edition_id != rows[from].edition_id) {
			edition_part(out, l, rows, from, i);
			from = i;
		}
	page_end(out, p);
}

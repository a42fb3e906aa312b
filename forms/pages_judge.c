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
		html_fmt(out,
		         "<li><a href=\"/editions/%lld/assignments\">%s</a> · "
		         "<a href=\"/editions/%lld/results\">%s</a></li>",
		         c[i].edition, c[i].panel, c[i].edition,
		         T(l, MSG_RESULTS));
	buf_puts(out, "</ul>");
}

/* One state's entries of an edition (rows [from, to) are that edition). */
static void
group(struct buf *out, const struct page *p, const struct judge_row *rows,
      size_t from, size_t to, const char *state)
{
	enum score_lang l = p->lang;
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += strcmp(rows[i].sheet, state) == 0;
	if (n == 0)
		return;
	html_fmt(out, "<h3>%s (%d)</h3><ul class=\"assigned\">",
	         T(l, sheet_msg(state)), (int)n);
	for (size_t i = from; i < to; i++) {
		if (strcmp(rows[i].sheet, state) != 0)
			continue;
		html_fmt(out,
		         "<li><a href=\"/entries/%lld/sheet\">"
		         "<span class=\"code\">%s</span> %s</a>",
		         rows[i].id, rows[i].code, rows[i].title);
		if (rows[i].can_declare)
			conflict_form(out, p, rows[i].id, rows[i].code);
		buf_puts(out, "</li>");
	}
	buf_puts(out, "</ul>");
}

/* Folded, so that the list stays a list; each reason box has its own id
 * because the home page holds one form per entry, and each summary names
 * its entry to a screen reader, which hears the summaries out of the
 * list. */
void
conflict_form(struct buf *out, const struct page *p, long long entry,
              const char *code)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<details class=\"conflict\"><summary>%s<span "
	         "class=\"sr-only\"> (%s)</span></summary>"
	         "<form method=\"post\" action=\"/entries/%lld/conflicts\">",
	         T(l, MSG_DECLARE_CONFLICT), code, entry);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<p class=\"hint\" id=\"conflict-help-%lld\">%s</p>"
	         "<div class=\"field\"><label for=\"conflict-reason-%lld\">"
	         "%s</label><textarea id=\"conflict-reason-%lld\" "
	         "name=\"reason\" rows=\"2\" required maxlength=\"250\" "
	         "aria-describedby=\"conflict-help-%lld\"></textarea></div>"
	         "<button type=\"submit\">%s</button></form></details>",
	         entry, T(l, MSG_CONFLICT_HELP), entry,
	         T(l, MSG_CONFLICT_REASON), entry, entry,
	         T(l, MSG_CONFLICT_SEND));
}

/* A council member's edition: one paper for all the dossiers, cast at
 * once (`cast`); the dossiers are read there. */
static void
ballot_part(struct buf *out, const struct page *p, const struct judge_row *rows,
            size_t from, size_t to, bool cast)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<p><a class=\"button\" href=\"/editions/%lld/ballot\">"
	         "%s</a>%s%s</p><ul class=\"ballot-list\">",
	         rows[from].edition_id, T(l, MSG_BALLOT_OPEN), cast ? " " : "",
	         cast ? T(l, MSG_BALLOT_CAST_DONE) : "");
	for (size_t i = from; i < to; i++) {
		html_fmt(out,
		         "<li><a href=\"/editions/%lld/ballot#d%lld\">"
		         "<span class=\"code\">%s</span> %s</a>",
		         rows[i].edition_id, rows[i].id, rows[i].code,
		         rows[i].title);
		if (rows[i].can_declare && !cast)
			conflict_form(out, p, rows[i].id, rows[i].code);
		buf_puts(out, "</li>");
	}
	buf_puts(out, "</ul></section>");
}

/* An edition's entries: progress, deadline, then by state. */
static void
edition_part(struct buf *out, const struct page *p,
             const struct judge_row *rows, size_t from, size_t to)
{
	enum score_lang l = p->lang;
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
	if (rows[from].ballot) {
		ballot_part(out, p, rows, from, to, done == n);
		return;
	}
	group(out, p, rows, from, to, "");
	group(out, p, rows, from, to, "draft");
	group(out, p, rows, from, to, "submitted");
	buf_puts(out, "</section>");
}

void
page_judge_home(struct buf *out, const struct page *p,
                const struct judge_row *rows, size_t n,
                const struct chair_row *chaired, size_t nchaired,
                enum msg notice)
{
	enum score_lang l = p->lang;
	size_t from = 0;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>", T(l, MSG_HOME_JUDGE));
	if (notice != MSG__MAX)
		html_fmt(out, "<p class=\"notice\" role=\"status\">%s</p>",
		         T(l, notice));
	chaired_panels(out, l, chaired, nchaired);
	if (n == 0)
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_ASSIGNMENTS));
	/* rows come ordered by edition */
	for (size_t i = 1; i <= n; i++)
		if (i == n || rows[i].edition_id != rows[from].edition_id) {
			edition_part(out, p, rows, from, i);
			from = i;
		}
	page_end(out, p);
}

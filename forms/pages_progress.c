/* pages_progress.c: the organisers' view of a judging round: how far each
 * panel and each judge has got, the round's lock, and the reopening of a
 * submitted sheet (both with a reason). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "forms.h"

static void
when(char *out, size_t size, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(out, size, "—");
	else
		strftime(out, size, "%Y-%m-%d %H:%M", &tm);
}

static void
judges(struct buf *out, enum score_lang l, const struct progress_panel *pp)
{
	char at[32];

	html_fmt(out,
	         "<div class=\"table-wrap\"><table><thead><tr><th>%s</th>"
	         "<th class=\"num\">%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_JUDGE), T(l, MSG_DONE_OF), T(l, MSG_LAST_ACTIVITY));
	for (size_t i = 0; i < pp->njudges; i++) {
		const struct progress_judge *j = &pp->judges[i];

		when(at, sizeof(at), j->last);
		html_fmt(out,
		         "<tr><td>%s</td><td class=\"num\">%d / %d</td>"
		         "<td>%s</td></tr>",
		         j->name, j->done, j->assigned, at);
	}
	buf_puts(out, "</tbody></table></div>");
}

static void
lock_form(struct buf *out, const struct page *p,
          const struct progress_panel *pp)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<form method=\"post\" action=\"/panels/%lld/lock\" "
	         "class=\"row\">",
	         pp->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"op\" value=\"%s\">"
	         "<input name=\"reason\" maxlength=\"500\" placeholder=\"%s\" "
	         "aria-label=\"%s\"><button type=\"submit\" "
	         "data-confirm=\"%s?\">%s</button></form>",
	         pp->locked ? "unlock" : "lock", T(l, MSG_REASON),
	         T(l, MSG_REASON),
	         T(l, pp->locked ? MSG_UNLOCK_ROUND : MSG_LOCK_ROUND),
	         T(l, pp->locked ? MSG_UNLOCK_ROUND : MSG_LOCK_ROUND));
}

static void
sheets(struct buf *out, const struct page *p, const struct progress_panel *pp,
       bool can_lock)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<details><summary>%s (%d)</summary><ul class=\"sheets\">",
	         T(l, MSG_SHEETS), (int)pp->nsheets);
	for (size_t i = 0; i < pp->nsheets; i++) {
		const struct progress_sheet *s = &pp->sheets[i];
		enum msg m = strcmp(s->state, "submitted") == 0 ? MSG_SUBMITTED
		             : strcmp(s->state, "draft") == 0   ? MSG_DRAFT
		                                              : MSG_NOT_STARTED;

		html_fmt(out,
		         "<li><span class=\"code\">%s</span> %s <span "
		         "class=\"state %s\">%s</span>",
		         s->code, s->judge, *s->state ? s->state : "none",
		         T(l, m));
		if (can_lock && strcmp(s->state, "submitted") == 0) {
			html_fmt(out,
			         "<form method=\"post\" action=\"/sheets/%lld/"
			         "reopen\" class=\"row\">",
			         s->sheet);
			field_csrf(out, p->csrf);
			html_fmt(
			    out,
			    "<input name=\"reason\" required maxlength=\"500\""
			    " placeholder=\"%s\" aria-label=\"%s\"><button "
			    "type=\"submit\" class=\"secondary\">%s</button>"
			    "</form>",
			    T(l, MSG_REASON), T(l, MSG_REASON),
			    T(l, MSG_REOPEN));
		}
		buf_puts(out, "</li>");
	}
	buf_puts(out, "</ul></details>");
}

void
page_progress(struct buf *out, const struct page *p,
              const struct edition_view *ed,
              const struct progress_panel *panels, size_t n, bool can_lock)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1>",
	         ed->id, ed->title, T(l, MSG_PROGRESS_PAGE));
	if (n == 0)
		html_fmt(out, "<p>%s</p>", T(l, MSG_NONE));
	for (size_t i = 0; i < n; i++) {
		const struct progress_panel *pp = &panels[i];

		html_fmt(
		    out,
		    "<section class=\"panel\"><h2>%s <span class=\"state "
		    "%s\">%s</span></h2><p>%s: %d / %d <progress max=\"%d\" "
		    "value=\"%d\"></progress></p>",
		    pp->name, pp->locked ? "locked" : "open",
		    T(l, pp->locked ? MSG_ROUND_LOCKED : MSG_ROUND_OPEN),
		    T(l, MSG_PROGRESS), pp->done, pp->assigned,
		    pp->assigned > 0 ? pp->assigned : 1, pp->done);
		judges(out, l, pp);
		if (can_lock)
			lock_form(out, p, pp);
		sheets(out, p, pp, can_lock);
		buf_puts(out, "</section>");
	}
	page_end(out, p);
}

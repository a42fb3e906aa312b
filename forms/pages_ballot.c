/* pages_ballot.c: a council member's secret ballot on a tablet: every
 * dossier of their paper with Yes and No to mark (the dossier folded
 * under it), a review step, then the cast. After the cast the page says
 * when, and never how: the server does not know it any more. Plain form
 * posts; ballot.js keeps the marks on the tablet and queues a cast made
 * offline. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "forms.h"

static void
when(char *out, size_t size, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		snprintf(out, size, "—");
	else
		strftime(out, size, "%H:%M, %d/%m/%Y", &tm);
}

/* The dossier itself, folded: what the member reads before marking. */
static void
dossier(struct buf *out, enum score_lang l, const struct ballot_row *r)
{
	html_fmt(out, "<details class=\"dossier\"><summary>%s</summary><dl>",
	         T(l, MSG_BALLOT_VIEW_DOSSIER));
	html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_FIELD), r->field);
	if (*r->authors != '\0')
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_AUTHORS),
		         r->authors);
	if (*r->organisation != '\0')
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_ORGANISATION),
		         r->organisation);
	html_fmt(out, "<dt>%s</dt><dd>%s</dd></dl>", T(l, MSG_SUMMARY),
	         *r->summary != '\0' ? r->summary : "—");
	if (r->natts > 0) {
		buf_puts(out, "<ul class=\"attachments\">");
		for (size_t i = 0; i < r->natts; i++)
			html_fmt(
			    out,
			    "<li><a href=\"/attachments/%lld\">%s</a></li>",
			    r->atts[i].id, r->atts[i].name);
		buf_puts(out, "</ul>");
	}
	buf_puts(out, "</details>");
}

static void
choice(struct buf *out, const struct ballot_row *r, const char *value,
       const char *label)
{
	html_fmt(out,
	         "<label class=\"vote vote-%s\"><input type=\"radio\" "
	         "name=\"v%lld\" value=\"%s\" required%s> %s</label>",
	         value, r->id, value,
	         strcmp(r->vote, value) == 0 ? " checked" : "", label);
}

/* One dossier of the paper: its title, Yes and No, and the dossier. */
static void
paper_row(struct buf *out, enum score_lang l, const struct ballot_row *r)
{
	html_fmt(out,
	         "<fieldset class=\"ballot-row%s\" id=\"d%lld\"%s>"
	         "<legend><span class=\"code\">%s</span> %s</legend>",
	         r->unmarked ? " missing" : "", r->id,
	         r->unmarked ? " aria-invalid=\"true\"" : "", r->code,
	         r->title);
	if (r->unmarked)
		html_fmt(out, "<p class=\"error\">%s</p>",
		         T(l, MSG_BALLOT_UNMARKED));
	buf_puts(out, "<div class=\"votes\">");
	choice(out, r, "yes", T(l, MSG_VOTE_YES));
	choice(out, r, "no", T(l, MSG_VOTE_NO));
	buf_puts(out, "</div>");
	dossier(out, l, r);
	buf_puts(out, "</fieldset>");
}

static void
hidden_marks(struct buf *out, const struct ballot_view *v)
{
	for (size_t i = 0; i < v->n; i++)
		html_fmt(out,
		         "<input type=\"hidden\" name=\"v%lld\" value=\"%s\">",
		         v->rows[i].id, v->rows[i].vote);
	html_fmt(out, "<input type=\"hidden\" name=\"client_id\" value=\"%s\">",
	         v->client_id);
}

static void
paper(struct buf *out, const struct page *p, const struct ballot_view *v)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/ballot\" "
	         "class=\"ballot\" data-edition=\"%lld\" "
	         "data-marked=\"%s\">",
	         v->edition, v->edition, T(l, MSG_BALLOT_MARKED));
	field_csrf(out, p->csrf);
	html_fmt(out, "<input type=\"hidden\" name=\"client_id\" value=\"%s\">",
	         v->client_id);
	for (size_t i = 0; i < v->n; i++)
		paper_row(out, l, &v->rows[i]);
	html_fmt(out,
	         "<p class=\"ballot-count\" aria-live=\"polite\"></p>"
	         "<button type=\"submit\">%s</button></form>",
	         T(l, MSG_BALLOT_REVIEW));
}

/* The marks as they will be cast, and the two ways on. */
static void
review(struct buf *out, const struct page *p, const struct ballot_view *v)
{
	enum score_lang l = p->lang;
	int yes = 0;

	for (size_t i = 0; i < v->n; i++)
		yes += strcmp(v->rows[i].vote, "yes") == 0;
	html_fmt(out,
	         "<p>%s</p><p><strong>%s: %d</strong> · <strong>%s: "
	         "%d</strong></p><div class=\"table-wrap\"><table><tbody>",
	         T(l, MSG_BALLOT_REVIEW_HELP), T(l, MSG_VOTE_YES), yes,
	         T(l, MSG_VOTE_NO), (int)v->n - yes);
	for (size_t i = 0; i < v->n; i++)
		html_fmt(out,
		         "<tr><td><span class=\"code\">%s</span> %s</td>"
		         "<td><strong>%s</strong></td></tr>",
		         v->rows[i].code, v->rows[i].title,
		         T(l, strcmp(v->rows[i].vote, "yes") == 0
		                  ? MSG_VOTE_YES
		                  : MSG_VOTE_NO));
	html_fmt(out,
	         "</tbody></table></div><form method=\"post\" "
	         "action=\"/editions/%lld/ballot\" class=\"ballot-cast\" "
	         "data-edition=\"%lld\">",
	         v->edition, v->edition);
	field_csrf(out, p->csrf);
	hidden_marks(out, v);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
	         "<button type=\"submit\">%s</button></form>"
	         "<form method=\"post\" action=\"/editions/%lld/ballot\">",
	         T(l, MSG_BALLOT_CAST), v->edition);
	field_csrf(out, p->csrf);
	hidden_marks(out, v);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"edit\" value=\"1\">"
	         "<button type=\"submit\" class=\"secondary\">%s</button>"
	         "</form>",
	         T(l, MSG_BALLOT_BACK));
}

/* After the cast: when, on how many dossiers; never how. */
static void
cast(struct buf *out, enum score_lang l, const struct ballot_view *v)
{
	char at[48];

	when(at, sizeof(at), v->cast_at);
	html_fmt(out,
	         "<p class=\"notice ballot-done\" role=\"status\" "
	         "data-edition=\"%lld\">%s</p>",
	         v->edition, T(l, MSG_BALLOT_CAST_DONE));
	html_fmt(out, "<p>%s: <strong>%s</strong> · %d %s</p><p>%s</p>",
	         T(l, MSG_BALLOT_CAST_AT), at, v->dossiers,
	         T(l, MSG_BALLOT_DOSSIERS), T(l, MSG_BALLOT_SECRET_NOTE));
}

void
page_ballot(struct buf *out, const struct page *p, const struct ballot_view *v)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/\">%s</a></p>"
	         "<h1>%s</h1><p class=\"lead\">%s</p>",
	         T(l, MSG_HOME_JUDGE), T(l, MSG_BALLOT_PAPER), v->title);
	if (v->error != MSG__MAX && *v->error_field != '\0')
		html_fmt(out,
		         "<p class=\"notice error\" role=\"alert\">%s "
		         "(<code>%s</code>)</p>",
		         T(l, v->error), v->error_field);
	else if (v->error != MSG__MAX)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, v->error));
	if (v->cast_at != 0) {
		cast(out, l, v);
	} else if (v->closed || !v->open) {
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_BALLOT_CLOSED_NOT_CAST));
	} else if (v->n == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_BALLOT_EMPTY));
	} else {
		html_fmt(out, "<p class=\"hint\">%s</p>",
		         T(l, MSG_BALLOT_HELP));
		html_fmt(out,
		         "<p class=\"notice queued\" role=\"status\" "
		         "hidden>%s</p>",
		         T(l, MSG_BALLOT_QUEUED));
		if (v->review)
			review(out, p, v);
		else
			paper(out, p, v);
	}
	buf_puts(out, "<script src=\"/static/ballot.js\" defer></script>");
	page_end(out, p);
}

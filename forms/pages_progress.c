/* pages_progress.c: the organisers' view of a judging round: how far each
 * panel and each judge has got, the round's lock, and the reopening of a
 * submitted sheet (both with a reason); the conflicts judges declared;
 * entries with high disagreement and judges far from the panel's mean,
 * each list with its threshold and one plain sentence. */
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

/* Points with at most two decimals, trailing zeros dropped ("12.5"). */
static void
points_text(char *out, size_t size, double v)
{
	size_t n;

	snprintf(out, size, "%.2f", v);
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	if (strcmp(out, "-0") == 0)
		snprintf(out, size, "0");
}

static void
conflicts(struct buf *out, enum score_lang l, const struct progress_extra *x)
{
	char at[32];

	html_fmt(out, "<section class=\"declared\"><h2>%s (%d)</h2>",
	         T(l, MSG_JUDGE_CONFLICTS), (int)x->nconflicts);
	if (x->nconflicts == 0) {
		html_fmt(out, "<p>%s</p></section>", T(l, MSG_NONE));
		return;
	}
	html_fmt(out,
	         "<div class=\"table-wrap\"><table><thead><tr><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_JUDGE), T(l, MSG_ENTRY), T(l, MSG_REASON),
	         T(l, MSG_DECLARED_AT));
	for (size_t i = 0; i < x->nconflicts; i++) {
		const struct progress_conflict *c = &x->conflicts[i];

		when(at, sizeof(at), c->at);
		html_fmt(out,
		         "<tr><td>%s</td><td><a href=\"/entries/%lld\">%s</a> "
		         "%s</td><td>%s</td><td>%s</td></tr>",
		         c->judge, c->entry, c->code, c->title, c->reason, at);
	}
	buf_puts(out, "</tbody></table></div></section>");
}

/* "Ngưỡng: 20 điểm (20% của tổng điểm tối đa 100)" */
static void
threshold_text(struct buf *out, enum score_lang l,
               const struct progress_extra *x, double limit)
{
	char pts[32], share[32], best[32];

	points_text(pts, sizeof(pts), limit);
	points_text(share, sizeof(share), 100 * limit / x->max_total);
	points_text(best, sizeof(best), x->max_total);
	html_fmt(out,
	         "<p class=\"hint\">%s: <strong>%s %s</strong> (%s%% %s "
	         "%s)</p>",
	         T(l, MSG_THRESHOLD), pts, T(l, MSG_POINTS), share,
	         T(l, MSG_OF_MAX_TOTAL), best);
}

/* The one threshold the organiser may change, for every panel at once. */
static void
spread_form(struct buf *out, const struct page *p,
            const struct edition_view *ed, const struct progress_extra *x)
{
	enum score_lang l = p->lang;
	char limit[32];

	points_text(limit, sizeof(limit), x->spread_limit);
	html_fmt(out,
	         "<form method=\"get\" action=\"/editions/%lld/progress\" "
	         "class=\"limits\"><div class=\"field\"><label "
	         "for=\"f-spread\">%s</label><div class=\"row\"><input "
	         "type=\"text\" inputmode=\"decimal\" id=\"f-spread\" "
	         "name=\"spread\" value=\"%s\" maxlength=\"12\"%R>"
	         "<button type=\"submit\" class=\"secondary\">%s</button>"
	         "</div>",
	         ed->id, T(l, MSG_SPREAD_LIMIT),
	         x->spread_text != NULL ? x->spread_text : limit,
	         x->spread_bad ? " aria-invalid=\"true\" "
	                         "aria-describedby=\"spread-error\""
	                       : "",
	         T(l, MSG_APPLY));
	if (x->spread_bad)
		html_fmt(out, "<p class=\"error\" id=\"spread-error\">%s</p>",
		         T(l, MSG_ERR_SPREAD));
	buf_puts(out, "</div></form>");
}

static void
spread_list(struct buf *out, enum score_lang l, const struct progress_panel *pp)
{
	char v[32];

	if (pp->nspread == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_DISAGREEMENT));
		return;
	}
	html_fmt(out,
	         "<div class=\"table-wrap\"><table class=\"spread\"><thead>"
	         "<tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s"
	         "</th></tr></thead><tbody>",
	         T(l, MSG_CODE), T(l, MSG_TITLE), T(l, MSG_JUDGE_TOTALS),
	         T(l, MSG_SPREAD));
	for (size_t i = 0; i < pp->nspread; i++) {
		const struct progress_spread *e = &pp->spread[i];

		html_fmt(out,
		         "<tr><td><a href=\"/entries/%lld\">%s</a></td><td>%s"
		         "</td><td><ul class=\"totals\">",
		         e->entry, e->code, e->title);
		for (size_t k = 0; k < e->n; k++) {
			points_text(v, sizeof(v), e->totals[k]);
			html_fmt(out, "<li>%s: <strong>%s</strong></li>",
			         e->judges[k], v);
		}
		points_text(v, sizeof(v), e->spread);
		html_fmt(out, "</ul></td><td class=\"num\">%s</td></tr>", v);
	}
	buf_puts(out, "</tbody></table></div>");
}

static void
far_list(struct buf *out, enum score_lang l, const struct progress_panel *pp)
{
	char mean[32], sev[32];

	if (pp->nfar == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_FAR_JUDGES));
		return;
	}
	html_fmt(out,
	         "<div class=\"table-wrap\"><table class=\"far\"><thead><tr>"
	         "<th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s"
	         "</th><th class=\"num\">%s</th></tr></thead><tbody>",
	         T(l, MSG_JUDGE), T(l, MSG_MEAN), T(l, MSG_SEVERITY),
	         T(l, MSG_SHEET_COUNT));
	for (size_t i = 0; i < pp->nfar; i++) {
		const struct progress_far *j = &pp->far[i];

		points_text(mean, sizeof(mean), j->mean);
		points_text(sev, sizeof(sev), j->severity);
		html_fmt(out,
		         "<tr><td>%s</td><td class=\"num\">%s</td><td "
		         "class=\"num\">%R%s</td><td class=\"num\">%d</td>"
		         "</tr>",
		         j->name, mean, j->severity > 0 ? "+" : "", sev,
		         j->sheets);
	}
	buf_puts(out, "</tbody></table></div>");
}

/* A panel's two lists, each with its sentence and threshold; before any
 * entry has two submitted sheets, a sentence saying so instead. */
static void
stats(struct buf *out, enum score_lang l, const struct progress_extra *x,
      const struct progress_panel *pp)
{
	html_fmt(out, "<h3>%s</h3><p>%s</p>", T(l, MSG_DISAGREEMENT),
	         T(l, MSG_DISAGREEMENT_HELP));
	threshold_text(out, l, x, x->spread_limit);
	if (!pp->compared)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_TOO_FEW_SHEETS));
	else
		spread_list(out, l, pp);
	html_fmt(out, "<h3>%s</h3><p>%s</p>", T(l, MSG_FAR_JUDGES),
	         T(l, MSG_FAR_JUDGES_HELP));
	threshold_text(out, l, x, x->far_limit);
	if (!pp->compared)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_TOO_FEW_SHEETS));
	else
		far_list(out, l, pp);
}

void
page_progress(struct buf *out, const struct page *p,
              const struct edition_view *ed,
              const struct progress_panel *panels, size_t n,
              const struct progress_extra *x, bool can_lock)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1>",
	         ed->id, ed->title, T(l, MSG_PROGRESS_PAGE));
	conflicts(out, l, x);
	if (x->scores)
		spread_form(out, p, ed, x);
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
		if (x->scores)
			stats(out, l, x, pp);
		/* a secret ballot closes for good, and has no sheets: a
		 * member's cast is their whole paper */
		if (can_lock && (x->scores || !pp->locked))
			lock_form(out, p, pp);
		if (x->scores)
			sheets(out, p, pp, can_lock);
		else
			html_fmt(out, "<p class=\"hint\">%s</p>",
			         T(l, MSG_BALLOT_SECRET_NOTE));
		buf_puts(out, "</section>");
	}
	page_end(out, p);
}

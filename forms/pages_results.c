/* pages_results.c: the results review page: per field (or the whole
 * contest) the ranks, scores, proposed prizes and flags of the latest
 * snapshot, the sheets the outlier rule excluded, the diagnostics each
 * explained in a sentence, and the snapshots computed so far. */
#include <stdio.h>
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
flags(struct buf *out, enum score_lang l, const struct result_row *r)
{
	const char *sep = "";

	if (r->insufficient) {
		html_fmt(out, "%s", T(l, MSG_FLAG_INSUFFICIENT));
		sep = "; ";
	}
	if (r->tie) {
		html_fmt(out, "%R%s", sep, T(l, MSG_FLAG_TIE));
		sep = "; ";
	}
	if (r->cusp)
		html_fmt(out, "%R<strong>%s</strong>", sep,
		         T(l, MSG_FLAG_CUSP));
	if (r->nexcluded > 0 && *r->excluded != '\0')
		html_fmt(out, "<br><small>%s: %s</small>", T(l, MSG_EXCLUDED),
		         r->excluded);
	else if (r->nexcluded > 0)
		html_fmt(out, "<br><small>%s: %d</small>", T(l, MSG_EXCLUDED),
		         r->nexcluded);
}

/* The committee's decision on a row, if any; closes the row. */
static void
final_cell(struct buf *out, enum score_lang l, const struct result_row *r)
{
	buf_puts(out, "</td><td>");
	if (r->decision != MSG__MAX)
		html_fmt(out, "<strong>%s</strong><br>%s<br><small>%s</small>",
		         r->final_tier, T(l, r->decision), r->reason);
	buf_puts(out, "</td></tr>");
}

static void
rows(struct buf *out, enum score_lang l, const struct result_scope *s)
{
	html_fmt(
	    out,
	    "<div class=\"table-wrap\"><table class=\"results\"><thead><tr>"
	    "<th class=\"num\">%s</th><th>%s</th><th class=\"num\">%s</th>"
	    "<th>%s</th><th class=\"num\">%s</th><th>%s</th><th>%s</th>"
	    "</tr></thead><tbody>",
	    T(l, MSG_RANK), T(l, MSG_ENTRIES), T(l, MSG_SCORE), T(l, MSG_TIER),
	    T(l, MSG_SHEETS_COUNTED), T(l, MSG_FLAGS), T(l, MSG_FINAL));
	for (size_t i = 0; i < s->nrows; i++) {
		const struct result_row *r = &s->rows[i];

		buf_puts(out, "<tr><td class=\"num\">");
		if (r->rank > 0)
			html_fmt(out, "%d", r->rank);
		else
			buf_puts(out, "—");
		html_fmt(out,
		         "</td><td><strong>%s</strong> %s</td>"
		         "<td class=\"num\">%s</td><td>%s</td>"
		         "<td class=\"num\">%d</td><td>",
		         r->code, r->title, r->score, r->tier, r->nsheets);
		flags(out, l, r);
		final_cell(out, l, r);
	}
	buf_puts(out, "</tbody></table></div>");
}

/* A ballot's results: the tallies, never a member's vote (there is none
 * to show), and how selection works. */
static void
tallies(struct buf *out, enum score_lang l, const struct result_scope *s)
{
	html_fmt(out,
	         "<p class=\"hint\">%s %s</p><div class=\"table-wrap\">"
	         "<table class=\"results\"><thead><tr><th class=\"num\">%s</th>"
	         "<th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
	         "<th class=\"num\">%s</th><th>%s</th><th>%s</th><th>%s</th>"
	         "</tr></thead><tbody>",
	         T(l, MSG_BALLOT_RULE_TEXT), T(l, MSG_BALLOT_SECRET_NOTE),
	         T(l, MSG_RANK), T(l, MSG_ENTRIES), T(l, MSG_BALLOT_YES_COUNT),
	         T(l, MSG_BALLOT_NO_COUNT), T(l, MSG_SHARE), T(l, MSG_TIER),
	         T(l, MSG_FLAGS), T(l, MSG_FINAL));
	for (size_t i = 0; i < s->nrows; i++) {
		const struct result_row *r = &s->rows[i];

		html_fmt(out,
		         "<tr><td class=\"num\">%d</td><td><strong>%s</strong> "
		         "%s</td><td class=\"num\">%lld</td>"
		         "<td class=\"num\">%lld</td><td class=\"num\">%s</td>"
		         "<td>%s</td><td>",
		         r->rank, r->code, r->title, r->yes, r->no, r->score,
		         r->tier);
		flags(out, l, r);
		final_cell(out, l, r);
	}
	buf_puts(out, "</tbody></table></div>");
}

static void
figure(struct buf *out, enum score_lang l, const char *name, bool has, double v)
{
	char text[32];

	snprintf(text, sizeof(text), "%.3f", v);
	if (has)
		html_fmt(out, "<li>%s: <strong>%s</strong></li>", name, text);
	else
		html_fmt(out, "<li>%s: %s</li>", name, T(l, MSG_DIAG_NONE));
}

static void
diagnostics(struct buf *out, enum score_lang l, const struct result_scope *s)
{
	html_fmt(out, "<details class=\"diagnostics\"><summary>%s</summary>",
	         T(l, MSG_DIAGNOSTICS));
	html_fmt(out, "<p>%s</p><p>%s</p><ul>", T(l, MSG_DIAG_ALPHA),
	         T(l, MSG_DIAG_ICC));
	figure(out, l, "Krippendorff α", s->has_alpha, s->alpha);
	figure(out, l, "ICC(2,1)", s->has_icc, s->icc1);
	figure(out, l, "ICC(2,k)", s->has_icc, s->icck);
	if (s->njudges == 0) {
		/* a panel chair's view: the judges stay unnamed */
		buf_puts(out, "</ul></details>");
		return;
	}
	html_fmt(out,
	         "</ul><p>%s</p><div class=\"table-wrap\"><table><thead><tr>"
	         "<th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
	         "<th class=\"num\">±</th><th class=\"num\">%s</th></tr>"
	         "</thead><tbody>",
	         T(l, MSG_DIAG_SEVERITY), T(l, MSG_JUDGE),
	         T(l, MSG_SHEETS_COUNTED), T(l, MSG_DIAG_MEAN),
	         T(l, MSG_EXCLUDED));
	for (size_t j = 0; j < s->njudges; j++) {
		const struct result_judge *g = &s->judges[j];
		char mean[32], severity[32];

		snprintf(mean, sizeof(mean), "%.2f", g->mean);
		snprintf(severity, sizeof(severity), "%+.2f", g->severity);
		html_fmt(out,
		         "<tr><td>%s</td><td class=\"num\">%d</td>"
		         "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
		         "<td class=\"num\">%d</td></tr>",
		         g->name, g->nsheets, mean, severity, g->excluded);
	}
	buf_puts(out, "</tbody></table></div></details>");
}

static void
history(struct buf *out, enum score_lang l, long long edition,
        const struct results_view *v)
{
	char at[32], sha[16];

	html_fmt(out, "<h2>%s</h2><ul class=\"snapshots\">",
	         T(l, MSG_RESULTS_HISTORY));
	for (size_t i = 0; i < v->nhistory; i++) {
		const struct result_snapshot_line *h = &v->history[i];

		when(at, sizeof(at), h->at);
		snprintf(sha, sizeof(sha), "%.12s", h->sha256);
		html_fmt(out,
		         "<li><a href=\"/editions/%lld/results?snapshot=%lld\">"
		         "%s %lld</a> · %s · %s · <code>%s</code></li>",
		         edition, h->id, T(l, MSG_RESULTS_SNAPSHOT), h->id, at,
		         h->by, sha);
	}
	buf_puts(out, "</ul>");
}

static void
compute_form(struct buf *out, const struct page *p, long long edition)
{
	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/results\" "
	         "class=\"row\">",
	         edition);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<button type=\"submit\" data-confirm=\"%s\">%s</button>"
	         "</form>",
	         T(p->lang, MSG_RESULTS_COMPUTE_ASK),
	         T(p->lang, MSG_RESULTS_COMPUTE));
}

void
side_prizes_list(struct buf *out, enum score_lang l,
                 const struct side_prize_view *v, size_t n)
{
	if (n == 0)
		return;
	html_fmt(out, "<section class=\"side-prizes\"><h2>%s</h2><dl>",
	         T(l, MSG_SIDE_PRIZES));
	for (size_t i = 0; i < n; i++)
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, v[i].title),
		         *v[i].winners != '\0' ? v[i].winners
		                               : T(l, MSG_SIDE_NONE));
	buf_puts(out, "</dl></section>");
}

/* A snapshot's exact inputs and output, and its exports. */
static void
downloads(struct buf *out, enum score_lang l, long long id)
{
	html_fmt(
	    out,
	    "<p class=\"hint\">%s "
	    "<a href=\"/snapshots/%lld/scores.csv\">scores.csv</a> · "
	    "<a href=\"/snapshots/%lld/rubric.json\">rubric.json</a> · "
	    "<a href=\"/snapshots/%lld/results.json\">results.json</a></p>",
	    T(l, MSG_RESULTS_MANIFEST), id, id, id);
	html_fmt(out,
	         "<nav class=\"sections\" aria-label=\"%s\"><a "
	         "class=\"button secondary\" "
	         "href=\"/snapshots/%lld/results.csv\">%s</a> "
	         "<a class=\"button secondary\" "
	         "href=\"/snapshots/%lld/results.xlsx\">%s</a> "
	         "<a class=\"button secondary\" "
	         "href=\"/snapshots/%lld/report.pdf\">%s</a></nav>",
	         T(l, MSG_RESULTS_DOWNLOADS), id, T(l, MSG_EXPORT_CSV), id,
	         T(l, MSG_EXPORT_XLSX), id, T(l, MSG_EXPORT_PDF));
}

void
page_results(struct buf *out, const struct page *p,
             const struct edition_view *ed, const struct results_view *v,
             bool can_compute)
{
	enum score_lang l = p->lang;
	char at[32];

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1>",
	         ed->id, ed->title, T(l, MSG_RESULTS));
	if (v->refusal != MSG__MAX)
		html_fmt(
		    out,
		    "<p class=\"notice error\" role=\"alert\">%s<br>%s</p>",
		    T(l, v->refusal), v->detail != NULL ? v->detail : "");
	if (can_compute)
		compute_form(out, p, ed->id);
	if (v->snapshot == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_RESULTS_NONE));
		page_end(out, p);
		return;
	}
	when(at, sizeof(at), v->at);
	html_fmt(out,
	         "<p class=\"manifest\">%s %lld · %s · %s · %s %d · %s · "
	         "SHA-256 <code>%s</code></p>",
	         T(l, MSG_RESULTS_SNAPSHOT), v->snapshot, at, v->by,
	         T(l, MSG_RUBRIC_VERSION), v->rubric_version,
	         name_option(l, v->method), v->sha256);
	if (v->can_export)
		downloads(out, l, v->snapshot);
	for (size_t i = 0; i < v->nscopes; i++) {
		html_fmt(out, "<section class=\"scope\"><h2>%s</h2>",
		         v->scopes[i].title);
		if (v->scopes[i].ballot) {
			tallies(out, l, &v->scopes[i]);
		} else {
			rows(out, l, &v->scopes[i]);
			diagnostics(out, l, &v->scopes[i]);
		}
		buf_puts(out, "</section>");
	}
	side_prizes_list(out, l, v->side, v->nside);
	results_forms(out, p, ed->id, v);
	history(out, l, ed->id, v);
	page_end(out, p);
}

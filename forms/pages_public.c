/* pages_public.c: the public results page: the edition, then per field
 * the entries with a prize (after the committee's decisions), their
 * authors and units, with the posting period or the award decision; for
 * a ballot, the list of the selected works under that outcome's name.
 * No judge, no score sheet, no tally, no rank of entries without a
 * prize. */
#include <stdio.h>

#include "forms.h"

/* The first entry the list shows (with a prize, or selected), or NULL. */
static const struct result_row *
first_listed(const struct result_scope *s)
{
	for (size_t i = 0; i < s->nrows; i++)
		if (*s->rows[i].final_tier != '\0')
			return &s->rows[i];
	return NULL;
}

/* A ballot has one outcome ("Được chọn"): it names the list, where a
 * contest's scope has a column of prizes. */
static void
scope_head(struct buf *out, enum score_lang l, const struct result_scope *s,
           const struct result_row *first)
{
	html_fmt(out,
	         "<section class=\"scope\"><h2>%s</h2><div "
	         "class=\"table-wrap\"><table><thead><tr>",
	         s->ballot ? first->final_tier : s->title);
	if (!s->ballot)
		html_fmt(out, "<th>%s</th>", T(l, MSG_TIER));
	html_fmt(out, "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_ENTRIES), T(l, MSG_AUTHORS), T(l, MSG_ORGANISATION));
}

static void
scope(struct buf *out, enum score_lang l, const struct result_scope *s)
{
	const struct result_row *first = first_listed(s);

	if (first == NULL)
		return;
	scope_head(out, l, s, first);
	for (size_t i = 0; i < s->nrows; i++) {
		const struct result_row *r = &s->rows[i];

		if (*r->final_tier == '\0')
			continue;
		buf_puts(out, "<tr>");
		if (!s->ballot)
			html_fmt(out, "<td>%s</td>", r->final_tier);
		html_fmt(out,
		         "<td><strong>%s</strong> %s</td><td>%s</td><td>%s</td>"
		         "</tr>",
		         r->code, r->title, r->authors, r->organisation);
	}
	buf_puts(out, "</tbody></table></div></section>");
}

void
page_public_results(struct buf *out, const struct page *p,
                    const struct edition_view *ed,
                    const struct posting_view *pv,
                    const struct result_scope *scopes, size_t n,
                    const struct side_prize_view *side, size_t nside)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out, "<p class=\"crumbs\">%s</p><h1>%s</h1>", ed->org_name,
	         ed->title);
	if (pv->decided)
		html_fmt(out, "<p class=\"notice\">%s %s, %s (%s)</p>",
		         T(l, MSG_PUBLIC_FINAL), pv->number, pv->date,
		         pv->signatory);
	else
		html_fmt(out, "<p class=\"notice\">%s: %s – %s</p>",
		         T(l, MSG_PUBLIC_PROPOSED), pv->from, pv->until);
	if (pv->replaced_number != NULL && *pv->replaced_number != '\0')
		html_fmt(out,
		         "<p class=\"notice correction\">%s %s, %s. %s: %s</p>",
		         T(l, MSG_CORRECTION_REPLACES), pv->replaced_number,
		         pv->replaced_date, T(l, MSG_REASON), pv->note);
	for (size_t i = 0; i < n; i++)
		scope(out, l, &scopes[i]);
	side_prizes_list(out, l, side, nside);
	page_end(out, p);
}

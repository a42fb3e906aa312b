/* pages_cards.c: the organisers' page of an edition's login cards: each
 * judge, their panels and the state of their latest card (issued, used
 * and from where, revoked), with the forms that print new cards. */
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

static const enum msg state_msg[] = {
	[CARD_NONE] = MSG_CARD_NONE,       [CARD_ISSUED] = MSG_CARD_ISSUED,
	[CARD_USED] = MSG_CARD_USED,       [CARD_REVOKED] = MSG_CARD_REVOKED,
	[CARD_EXPIRED] = MSG_CARD_EXPIRED,
};
static const char *const state_class[] = {
	[CARD_NONE] = "none",      [CARD_ISSUED] = "draft",
	[CARD_USED] = "submitted", [CARD_REVOKED] = "locked",
	[CARD_EXPIRED] = "locked",
};

/* The "print" forms post the address the organiser sees, so the cards
 * carry the one the tablets will use. */
static void
print_form(struct buf *out, const struct page *p, long long edition,
           const char *site, long long expert, enum msg label, enum msg ask)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/cards\" "
	         "class=\"row\">",
	         edition);
	field_csrf(out, p->csrf);
	if (expert > 0)
		html_fmt(out,
		         "<input type=\"hidden\" name=\"site\" value=\"%s\">",
		         site);
	else
		field_input(out, l, "url", "site", T(l, MSG_CARDS_SITE), site,
		            NULL, "required maxlength=\"200\"");
	if (expert > 0)
		html_fmt(
		    out,
		    "<input type=\"hidden\" name=\"expert\" value=\"%lld\">",
		    expert);
	html_fmt(out,
	         "<button type=\"submit\"%R data-confirm=\"%s\">%s</button>"
	         "</form>",
	         expert > 0 ? " class=\"secondary\"" : "", T(l, ask),
	         T(l, label));
}

static void
row(struct buf *out, const struct page *p, long long edition, const char *site,
    const struct card_row *c, bool can_issue)
{
	enum score_lang l = p->lang;
	char issued[32], used[32];

	when(issued, sizeof(issued), c->issued_at);
	when(used, sizeof(used), c->used_at);
	html_fmt(out, "<tr><td>%s<br><small>%s</small></td><td>%s", c->name,
	         *c->login != '\0' ? c->login : T(l, MSG_CARD_ACCOUNT_NEW),
	         c->panels);
	if (*c->chairs != '\0')
		html_fmt(out, "<br><small>%s: %s</small>", T(l, MSG_CARD_CHAIR),
		         c->chairs);
	html_fmt(out,
	         "</td><td><span class=\"state %s\">%s</span></td>"
	         "<td>%s</td><td>%s",
	         state_class[c->state], T(l, state_msg[c->state]), issued,
	         used);
	if (c->state == CARD_USED && *c->used_from != '\0')
		html_fmt(out, "<br><small>%s %s</small>", T(l, MSG_CARD_FROM),
		         c->used_from);
	html_fmt(out, "</td><td class=\"num\">%lld</td><td>", c->cards);
	if (can_issue && c->state == CARD_NONE)
		print_form(out, p, edition, site, c->expert_id,
		           MSG_CARD_ISSUE_ONE, MSG_CARD_ISSUE_ASK);
	else if (can_issue)
		print_form(out, p, edition, site, c->expert_id,
		           MSG_CARD_REISSUE, MSG_CARD_REISSUE_ASK);
	buf_puts(out, "</td></tr>");
}

void
page_cards(struct buf *out, const struct page *p, const struct edition_view *ed,
           const struct card_row *rows, size_t n, const char *site,
           bool can_issue)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1><p>%s</p>",
	         ed->id, ed->title, T(l, MSG_CARDS), T(l, MSG_CARDS_INTRO));
	if (n == 0) {
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_CARDS_EMPTY));
		page_end(out, p);
		return;
	}
	if (can_issue)
		print_form(out, p, ed->id, site, 0, MSG_CARDS_PRINT_ALL,
		           MSG_CARDS_PRINT_ASK);
	else
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_CARDS_CLOSED));
	html_fmt(out,
	         "<div class=\"table-wrap\"><table><thead><tr><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	         "<th class=\"num\">%s</th><th></th></tr></thead><tbody>",
	         T(l, MSG_JUDGE), T(l, MSG_PANELS), T(l, MSG_CARD_STATE),
	         T(l, MSG_CARD_ISSUED), T(l, MSG_CARD_USED),
	         T(l, MSG_CARD_COUNT));
	for (size_t i = 0; i < n; i++)
		row(out, p, ed->id, site, &rows[i], can_issue);
	buf_puts(out, "</tbody></table></div>");
	page_end(out, p);
}

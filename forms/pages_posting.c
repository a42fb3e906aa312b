/* pages_posting.c: the parts of the results page that come after the
 * computation: the committee's decisions (beside the computed result,
 * never over it), the public posting for objections, the objections with
 * their answers, and the award decision that makes the list final. */
#include <stdio.h>

#include "forms.h"

static void
decision_form(struct buf *out, const struct page *p,
              const struct results_view *v)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<section class=\"committee\"><h2>%s</h2><p>%s</p>"
	         "<form method=\"post\" action=\"/snapshots/%lld/decisions\">",
	         T(l, MSG_COMMITTEE), T(l, MSG_COMMITTEE_INTRO), v->snapshot);
	field_csrf(out, p->csrf);
	field_input(out, l, "text", "entry", T(l, MSG_ENTRY_CODE), "", NULL,
	            "required maxlength=\"40\"");
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-kind\">%s</label>"
	         "<select id=\"f-kind\" name=\"kind\">"
	         "<option value=\"confirm\">%s</option>"
	         "<option value=\"move\">%s</option>"
	         "<option value=\"withhold\">%s</option>"
	         "<option value=\"resolve\">%s</option></select></div>"
	         "<div class=\"field\"><label for=\"f-tier\">%s</label>"
	         "<select id=\"f-tier\" name=\"tier\"><option value=\"\">—"
	         "</option>",
	         T(l, MSG_DECISION), T(l, MSG_DECIDE_CONFIRM),
	         T(l, MSG_DECIDE_MOVE), T(l, MSG_DECIDE_WITHHOLD),
	         T(l, MSG_DECIDE_RESOLVE), T(l, MSG_TIER));
	for (size_t i = 0; i < v->ntiers; i++)
		html_fmt(out, "<option value=\"%s\">%s</option>",
		         v->tiers[i].id, v->tiers[i].title);
	buf_puts(out, "</select></div>");
	field_input(out, l, "text", "reason", T(l, MSG_REASON), "", NULL,
	            "required maxlength=\"500\"");
	html_fmt(out, "<button type=\"submit\">%s</button></form></section>",
	         T(l, MSG_SAVE));
}

static void
post_form(struct buf *out, const struct page *p, long long edition,
          const struct results_view *v)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<section class=\"posting\"><h2>%s</h2><p>%s</p>"
	         "<form method=\"post\" action=\"/editions/%lld/posting\">",
	         T(l, MSG_POSTING), T(l, MSG_POSTING_INTRO), edition);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"snapshot\" value=\"%lld\">",
	         v->snapshot);
	field_input(out, l, "date", "from", T(l, MSG_POSTING_FROM), "", NULL,
	            "required");
	field_input(out, l, "date", "until", T(l, MSG_POSTING_UNTIL), "", NULL,
	            "required");
	html_fmt(out,
	         "<button type=\"submit\" data-confirm=\"%s\">%s</button>"
	         "</form></section>",
	         T(l, MSG_POSTING_ASK), T(l, MSG_POSTING_DO));
}

static void
objections(struct buf *out, const struct page *p, long long edition,
           const struct results_view *v)
{
	const struct posting_view *pv = v->posting;
	enum score_lang l = p->lang;

	html_fmt(out, "<section class=\"objections\"><h2>%s (%lld)</h2>",
	         T(l, MSG_OBJECTIONS), (long long)pv->nobjections);
	for (size_t i = 0; i < pv->nobjections; i++) {
		const struct objection_view *o = &pv->objections[i];

		html_fmt(
		    out,
		    "<article class=\"objection\"><p><strong>%s</strong> · "
		    "%s · %s</p><p>%s</p>",
		    o->code, o->received_on, o->sender, o->content);
		if (*o->answer != '\0') {
			html_fmt(out, "<p class=\"answer\">%s: %s</p>",
			         T(l, MSG_ANSWER), o->answer);
		} else if (v->can_object) {
			html_fmt(
			    out,
			    "<form method=\"post\" action=\"/editions/%lld/"
			    "objections\" class=\"row\">",
			    edition);
			field_csrf(out, p->csrf);
			html_fmt(
			    out,
			    "<input type=\"hidden\" name=\"objection\" "
			    "value=\"%lld\"><input name=\"answer\" required "
			    "maxlength=\"2000\" aria-label=\"%s\" "
			    "placeholder=\"%s\"><button type=\"submit\">%s"
			    "</button></form>",
			    o->id, T(l, MSG_ANSWER), T(l, MSG_ANSWER),
			    T(l, MSG_SAVE));
		}
		buf_puts(out, "</article>");
	}
	if (v->can_object) {
		html_fmt(out,
		         "<h3>%s</h3><form method=\"post\" "
		         "action=\"/editions/%lld/objections\">",
		         T(l, MSG_OBJECTION_NEW), edition);
		field_csrf(out, p->csrf);
		field_input(out, l, "text", "entry", T(l, MSG_ENTRY_CODE), "",
		            NULL, "required maxlength=\"40\"");
		field_input(out, l, "date", "received_on",
		            T(l, MSG_OBJECTION_RECEIVED), "", NULL, "required");
		field_input(out, l, "text", "sender",
		            T(l, MSG_OBJECTION_SENDER), "", NULL,
		            "required maxlength=\"200\"");
		field_input(out, l, "text", "content",
		            T(l, MSG_OBJECTION_CONTENT), "", NULL,
		            "required maxlength=\"2000\"");
		html_fmt(out, "<button type=\"submit\">%s</button></form>",
		         T(l, MSG_SAVE));
	}
	buf_puts(out, "</section>");
}

/* What identifies an award decision (or a correcting one). */
static void
decision_fields(struct buf *out, enum score_lang l)
{
	field_input(out, l, "text", "number", T(l, MSG_AWARD_NUMBER), "", NULL,
	            "required maxlength=\"60\"");
	field_input(out, l, "date", "date", T(l, MSG_AWARD_DATE), "", NULL,
	            "required");
	field_input(out, l, "text", "signatory", T(l, MSG_SIGNATORY), "", NULL,
	            "required maxlength=\"120\"");
}

static void
award_form(struct buf *out, const struct page *p, long long edition)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<section class=\"award\"><h2>%s</h2><form method=\"post\" "
	         "action=\"/editions/%lld/award\">",
	         T(l, MSG_AWARD), edition);
	field_csrf(out, p->csrf);
	decision_fields(out, l);
	html_fmt(out,
	         "<button type=\"submit\" data-confirm=\"%s\">%s</button>"
	         "</form></section>",
	         T(l, MSG_AWARD_ASK), T(l, MSG_AWARD_DO));
}

static void
correction_form(struct buf *out, const struct page *p, long long edition,
                long long snapshot)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<section class=\"correction\"><h2>%s</h2><p>%s</p>"
	         "<form method=\"post\" action=\"/editions/%lld/correction\">",
	         T(l, MSG_CORRECTION), T(l, MSG_CORRECTION_INTRO), edition);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"snapshot\" value=\"%lld\">",
	         snapshot);
	decision_fields(out, l);
	field_input(out, l, "text", "reason", T(l, MSG_REASON), "", NULL,
	            "required maxlength=\"500\"");
	html_fmt(out,
	         "<button type=\"submit\" data-confirm=\"%s\">%s</button>"
	         "</form></section>",
	         T(l, MSG_CORRECTION_ASK), T(l, MSG_CORRECTION_DO));
}

void
results_forms(struct buf *out, const struct page *p, long long edition,
              const struct results_view *v)
{
	const struct posting_view *pv = v->posting;
	enum score_lang l = p->lang;

	if (pv != NULL) {
		html_fmt(out,
		         "<p class=\"notice\">%s %lld: %s – %s · "
		         "<a href=\"/p/%lld\">%s</a></p>",
		         T(l, MSG_POSTED), pv->snapshot, pv->from, pv->until,
		         edition, T(l, MSG_PUBLIC_PAGE));
		if (pv->decided)
			html_fmt(out, "<p class=\"notice\">%s: %s, %s, %s</p>",
			         T(l, MSG_AWARD), pv->number, pv->date,
			         pv->signatory);
		if (pv->replaced_number != NULL && *pv->replaced_number != '\0')
			html_fmt(
			    out, "<p class=\"notice\">%s %s, %s. %s: %s</p>",
			    T(l, MSG_CORRECTION_REPLACES), pv->replaced_number,
			    pv->replaced_date, T(l, MSG_REASON), pv->note);
	}
	if (v->can_decide && v->snapshot != 0)
		decision_form(out, p, v);
	if (v->can_post && v->snapshot != 0)
		post_form(out, p, edition, v);
	if (pv != NULL)
		objections(out, p, edition, v);
	if (v->can_award)
		award_form(out, p, edition);
	if (v->can_correct)
		correction_form(out, p, edition, v->snapshot);
}

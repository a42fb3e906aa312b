/* pages_settings.c: the organisation's details, which new editions start
 * from. */
#include "forms.h"

void
page_org_form(struct buf *out, const struct page *p, const struct org_view *v,
              const struct form_errors *e, bool saved)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1><p>%s</p>", T(l, MSG_SETTINGS),
	         T(l, MSG_SETTINGS_HELP));
	if (saved)
		html_fmt(out, "<p class=\"notice\" role=\"status\">%s</p>",
		         T(l, MSG_SAVED));
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	buf_puts(out, "<form method=\"post\" action=\"/settings\" "
	              "class=\"stack\">");
	field_csrf(out, p->csrf);
	field_input(out, l, "text", "org_name", T(l, MSG_ORG_NAME), v->name, e,
	            "required maxlength=\"250\"");
	field_input(out, l, "text", "org_province", T(l, MSG_ORG_PROVINCE),
	            v->province, e, "required maxlength=\"120\"");
	field_input(out, l, "text", "signatory", T(l, MSG_SIGNATORY),
	            v->signatory, e, "required maxlength=\"120\"");
	field_input(out, l, "text", "signatory_title",
	            T(l, MSG_SIGNATORY_TITLE), v->signatory_title, e,
	            "required maxlength=\"120\"");
	field_input(out, l, "url", "public_url", T(l, MSG_PUBLIC_URL),
	            v->public_url, e, "maxlength=\"250\"");
	html_fmt(out,
	         "<div class=\"actions\"><button type=\"submit\">%s</button>"
	         "</div></form>",
	         T(l, MSG_SAVE));
	page_end(out, p);
}

/* pages_auth.c: the login page. */
#include "forms.h"

void
page_login(struct buf *out, const struct page *p, const char *login,
           enum msg error, const char *csrf)
{
	page_begin(out, p);
	html_fmt(out, "<div class=\"narrow\"><h1>%s</h1>",
	         T(p->lang, MSG_LOGIN));
	if (error != MSG__MAX)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(p->lang, error));
	buf_puts(out, "<form method=\"post\" action=\"/login\">");
	field_csrf(out, csrf);
	field_input(out, p->lang, "text", "login", T(p->lang, MSG_LOGIN_NAME),
	            login, NULL,
	            "autocomplete=\"username\" required maxlength=\"60\" "
	            "autocapitalize=\"none\"");
	field_input(out, p->lang, "password", "password",
	            T(p->lang, MSG_PASSWORD), "", NULL,
	            "autocomplete=\"current-password\" required "
	            "maxlength=\"200\"");
	html_fmt(out, "<button type=\"submit\">%s</button></form>",
	         T(p->lang, MSG_LOGIN));
	/* the fallback of a judge's login card when its QR code will not
	 * scan: the short code printed under it */
	html_fmt(out,
	         "<section class=\"card-code\"><h2>%s</h2>"
	         "<form method=\"post\" action=\"/enter\">",
	         T(p->lang, MSG_CODE_TITLE));
	field_csrf(out, csrf);
	field_input(out, p->lang, "text", "code", T(p->lang, MSG_CODE_LABEL),
	            "", NULL,
	            "autocomplete=\"off\" required maxlength=\"20\" "
	            "autocapitalize=\"characters\" spellcheck=\"false\" "
	            "aria-describedby=\"code-hint\"");
	html_fmt(out,
	         "<p class=\"hint\" id=\"code-hint\">%s</p>"
	         "<button type=\"submit\">%s</button></form></section></div>",
	         T(p->lang, MSG_CODE_HINT), T(p->lang, MSG_CODE_ENTER));
	page_end(out, p);
}

void
page_enter(struct buf *out, const struct page *p, const char *token,
           const char *csrf)
{
	page_begin(out, p);
	html_fmt(out,
	         "<div class=\"narrow\"><h1>%s</h1><p>%s</p>"
	         "<form method=\"post\" action=\"/enter\" class=\"enter\">",
	         T(p->lang, MSG_ENTER_TITLE), T(p->lang, MSG_ENTER_TEXT));
	field_csrf(out, csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"t\" value=\"%s\">"
	         "<button type=\"submit\" autofocus>%s</button></form></div>",
	         token, T(p->lang, MSG_CODE_ENTER));
	page_end(out, p);
}

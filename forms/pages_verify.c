/* pages_verify.c: the page anyone reaches by scanning a certificate's QR
 * code (or typing its short code): the verdict in one sentence, the
 * printed facts to compare with the paper when the certificate is known,
 * and the form for a short code. Nothing here goes beyond what the
 * certificate itself prints; no JavaScript is needed. */
#include <stdio.h>

#include "forms.h"

static const char *const status_class[VERIFY__MAX] = {
	[VERIFY_GENUINE] = "genuine",     [VERIFY_REVOKED] = "revoked",
	[VERIFY_KEY_REVOKED] = "revoked", [VERIFY_TAMPERED] = "invalid",
	[VERIFY_NOT_VALID] = "invalid",
};

static const enum msg status_msg[VERIFY__MAX] = {
	[VERIFY_GENUINE] = MSG_VERIFY_GENUINE,
	[VERIFY_REVOKED] = MSG_VERIFY_REVOKED,
	[VERIFY_KEY_REVOKED] = MSG_VERIFY_KEY_REVOKED,
	[VERIFY_TAMPERED] = MSG_VERIFY_TAMPERED,
	[VERIFY_NOT_VALID] = MSG_VERIFY_NOT_VALID,
};

static void
fact(struct buf *out, enum score_lang l, enum msg name, const char *value)
{
	if (*value != '\0')
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, name), value);
}

/* The facts, for a certificate that exists (genuine or revoked). */
static void
facts(struct buf *out, enum score_lang l, const struct verify_view *v)
{
	char key[16];

	snprintf(key, sizeof(key), "%u", v->key_id);
	html_fmt(out, "<h2>%s</h2><dl class=\"details facts\">",
	         T(l, MSG_VERIFY_COMPARE));
	fact(out, l, MSG_VERIFY_RECIPIENT, v->recipient);
	fact(out, l, MSG_VERIFY_ENTRY, v->entry);
	fact(out, l, MSG_FIELD, v->field);
	fact(out, l, MSG_VERIFY_PRIZE, v->prize);
	fact(out, l, MSG_VERIFY_EDITION, v->edition);
	fact(out, l, MSG_VERIFY_DECISION, v->decision);
	fact(out, l, MSG_VERIFY_ISSUED, v->issued);
	fact(out, l, MSG_VERIFY_SERIAL, v->serial);
	fact(out, l, MSG_VERIFY_ISSUER, v->issuer);
	fact(out, l, MSG_VERIFY_KEY, key);
	buf_puts(out, "</dl>");
}

static void
verdict(struct buf *out, enum score_lang l, const struct verify_view *v)
{
	html_fmt(out,
	         "<section class=\"verdict %s\" role=\"status\"><h2>%s</h2>",
	         status_class[v->status], T(l, status_msg[v->status]));
	if (v->status == VERIFY_GENUINE)
		html_fmt(out, "<p>%s</p>", T(l, MSG_VERIFY_GENUINE_HELP));
	else if (v->status == VERIFY_NOT_VALID)
		html_fmt(out, "<p>%s</p>", T(l, MSG_VERIFY_NOT_VALID_HELP));
	if ((v->status == VERIFY_REVOKED || v->status == VERIFY_KEY_REVOKED) &&
	    *v->reason != '\0')
		html_fmt(out, "<p>%s: %s</p>", T(l, MSG_VERIFY_REASON),
		         v->reason);
	if (v->status == VERIFY_REVOKED && *v->replacement != '\0')
		html_fmt(out, "<p>%s: <a href=\"%s\">%s</a></p>",
		         T(l, MSG_VERIFY_SUPERSEDED), v->replacement,
		         T(l, MSG_VERIFY_REPLACEMENT));
	buf_puts(out, "</section>");
}

static void
short_form(struct buf *out, enum score_lang l, const struct verify_view *v)
{
	if (v->short_not_found)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_VERIFY_SHORT_UNKNOWN));
	html_fmt(out,
	         "<form method=\"get\" action=\"/v\" class=\"verify-form\">"
	         "<h2>%s</h2><div class=\"field\"><label for=\"v-code\">%s"
	         "</label><input id=\"v-code\" name=\"code\" required "
	         "maxlength=\"40\" autocapitalize=\"characters\" "
	         "autocomplete=\"off\" spellcheck=\"false\" "
	         "aria-describedby=\"v-code-help\"><p class=\"hint\" "
	         "id=\"v-code-help\">%s</p></div><button type=\"submit\">%s"
	         "</button></form>",
	         T(l, MSG_VERIFY_FORM), T(l, MSG_VERIFY_SHORT),
	         T(l, MSG_VERIFY_SHORT_HELP), T(l, MSG_VERIFY_CHECK));
	html_fmt(
	    out,
	    "<p class=\"hint\"><a href=\"/.well-known/giamkhao-keys.json\">"
	    "%s</a></p>",
	    T(l, MSG_VERIFY_KEYS_LINK));
}

void
page_verify(struct buf *out, const struct page *p, const struct verify_view *v)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out, "<h1>%s</h1>", T(l, MSG_VERIFY_TITLE));
	if (v->asked) {
		verdict(out, l, v);
		if (v->status == VERIFY_GENUINE ||
		    v->status == VERIFY_REVOKED ||
		    v->status == VERIFY_KEY_REVOKED)
			facts(out, l, v);
	}
	short_form(out, l, v);
	page_end(out, p);
}

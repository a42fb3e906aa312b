/* pages_cert_template.c: the look of a program's certificates, for its
 * organisers: which prize the template is for, its wording, colours, the
 * lines printed and the seal image, with a preview beside the form. The
 * preview button posts the form into the frame (no script needed);
 * cert_template.js refreshes it as the organiser types. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

/* The prize chooser: a plain GET form (the script submits it on
 * change). */
static void
chooser(struct buf *out, const struct page *p, const struct tpl_form *f)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<form method=\"get\" action=\"/editions/%lld/certificates/"
	         "template\" class=\"row\" id=\"tpl-choose\">"
	         "<div class=\"field\"><label for=\"f-p\">%s</label>"
	         "<select id=\"f-p\" name=\"p\">",
	         f->edition, T(l, MSG_TPL_PRIZE));
	for (size_t i = 0; i < f->nprizes; i++) {
		char v[24];

		snprintf(v, sizeof(v), "%zu", i);
		html_fmt(out, "<option value=\"%s\"%R>%s</option>", v,
		         i == f->at ? " selected" : "",
		         i == 0 ? T(l, MSG_TPL_ALL) : f->prizes[i]);
	}
	html_fmt(out,
	         "</select></div><p><button type=\"submit\" "
	         "class=\"secondary\">%s</button></p></form>",
	         T(l, MSG_TPL_CHOOSE));
}

/* The attribute marking a refused field ("" when it is fine). */
static const char *
invalid(const struct tpl_form *f, const char *name)
{
	return f->errors != NULL && form_error_for(f->errors, name) != MSG__MAX
	           ? " aria-invalid=\"true\""
	           : "";
}

/* Is the look shown stored for exactly this choice? */
static bool
own(const struct tpl_form *f)
{
	return f->from == (*f->prize != '\0' ? 2 : 1);
}

static const enum msg from_msg[3] = { MSG_TPL_FROM_BUILTIN,
	                              MSG_TPL_FROM_PROGRAM, MSG_TPL_FROM_OWN };

static void
texts(struct buf *out, enum score_lang l, const struct tpl_form *f)
{
	const char *req = "required maxlength=\"120\"";
	const char *opt = "maxlength=\"120\"";

	field_input(out, l, "text", "heading", T(l, MSG_TPL_HEADING),
	            f->heading, f->errors, req);
	field_input(out, l, "text", "lead", T(l, MSG_TPL_LEAD), f->lead,
	            f->errors, opt);
	field_input(out, l, "text", "body", T(l, MSG_TPL_BODY), f->body,
	            f->errors, opt);
	field_input(out, l, "text", "issuer", T(l, MSG_TPL_ISSUER), f->issuer,
	            f->errors, req);
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-signer_title\">%s</label>"
	         "<textarea id=\"f-signer_title\" name=\"signer_title\" "
	         "rows=\"3\" required maxlength=\"200\"%R>%s</textarea>",
	         T(l, MSG_TPL_SIGNER_TITLE), invalid(f, "signer_title"),
	         f->signer_title);
	field_error(out, l, "signer_title", f->errors);
	buf_puts(out, "</div>\n");
	field_input(out, l, "color", "colour", T(l, MSG_TPL_COLOUR), f->colour,
	            f->errors, NULL);
	field_input(out, l, "color", "accent", T(l, MSG_TPL_ACCENT), f->accent,
	            f->errors, NULL);
}

static void
lines(struct buf *out, enum score_lang l, const struct tpl_form *f)
{
	html_fmt(out, "<fieldset><legend>%s</legend>", T(l, MSG_TPL_SHOW));
	field_checkbox(out, "show_birth", T(l, MSG_TPL_SHOW_BIRTH),
	               f->show_birth);
	field_checkbox(out, "show_school", T(l, MSG_TPL_SHOW_SCHOOL),
	               f->show_school);
	field_checkbox(out, "show_entry", T(l, MSG_TPL_SHOW_ENTRY),
	               f->show_entry);
	field_checkbox(out, "show_field", T(l, MSG_TPL_SHOW_FIELD),
	               f->show_field);
	field_checkbox(out, "show_decision", T(l, MSG_TPL_SHOW_DECISION),
	               f->show_decision);
	buf_puts(out, "</fieldset>");
}

static void
seal(struct buf *out, enum score_lang l, const struct tpl_form *f)
{
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-seal\">%s</label>"
	         "<input type=\"file\" id=\"f-seal\" name=\"seal\" "
	         "accept=\"image/png,.png\"%R>",
	         T(l, MSG_TPL_SEAL), invalid(f, "seal"));
	field_error(out, l, "seal", f->errors);
	buf_puts(out, "</div>\n");
	if (f->has_seal) {
		html_fmt(out, "<p class=\"hint\">%s</p>",
		         T(l, MSG_TPL_SEAL_HAS));
		field_checkbox(out, "remove_seal", T(l, MSG_TPL_SEAL_REMOVE),
		               false);
	}
}

static void
edit_form(struct buf *out, const struct page *p, const struct tpl_form *f)
{
	enum score_lang l = p->lang;
	char base[96];

	snprintf(base, sizeof(base), "/editions/%lld/certificates/template",
	         f->edition);
	html_fmt(out,
	         "<form method=\"post\" action=\"%s\" "
	         "enctype=\"multipart/form-data\" id=\"tpl-form\">",
	         base);
	field_csrf(out, p->csrf);
	html_fmt(out, "<input type=\"hidden\" name=\"prize\" value=\"%s\">",
	         f->prize);
	texts(out, l, f);
	lines(out, l, f);
	seal(out, l, f);
	html_fmt(out,
	         "<p class=\"actions\"><button type=\"submit\" "
	         "class=\"secondary\" formaction=\"%s/preview\" "
	         "formtarget=\"tpl-preview\" id=\"tpl-preview-button\">%s"
	         "</button> <button type=\"submit\" name=\"do\" "
	         "value=\"save\">%s</button>",
	         base, T(l, MSG_TPL_PREVIEW), T(l, MSG_TPL_SAVE));
	if (own(f))
		html_fmt(out,
		         " <button type=\"submit\" name=\"do\" value=\"reset\" "
		         "class=\"secondary\" formnovalidate data-confirm="
		         "\"%s?\">%s</button>",
		         T(l, MSG_TPL_RESET), T(l, MSG_TPL_RESET));
	buf_puts(out, "</p></form>");
}

void
page_cert_template(struct buf *out, const struct page *p,
                   const struct edition_view *ed, const struct tpl_form *f)
{
	enum score_lang l = p->lang;
	char at[24];

	snprintf(at, sizeof(at), "%zu", f->at);
	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a> › "
	         "<a href=\"/editions/%lld/certificates\">%s</a></p>"
	         "<h1>%s</h1><p class=\"hint\">%s</p>",
	         ed->id, ed->title, ed->id, T(l, MSG_CERTS), T(l, MSG_TPL),
	         T(l, MSG_TPL_HELP));
	if (f->notice != MSG__MAX)
		html_fmt(out, "<p class=\"notice\" role=\"status\">%s</p>",
		         T(l, f->notice));
	if (f->errors != NULL && f->errors->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_TPL_NOT_SAVED));
	chooser(out, p, f);
	html_fmt(out, "<p class=\"hint\">%s</p><div class=\"tpl\"><div>",
	         T(l, from_msg[own(f)         ? 2
	                       : f->from == 1 ? 1
	                                      : 0]));
	edit_form(out, p, f);
	html_fmt(
	    out,
	    "</div><div class=\"tpl-preview\"><iframe name=\"tpl-preview\" "
	    "title=\"%s\" src=\"/editions/%lld/certificates/template.pdf"
	    "?p=%s#navpanes=0\"></iframe><p class=\"hint\">%s</p></div></div>",
	    T(l, MSG_TPL_PREVIEW), f->edition, at, T(l, MSG_TPL_PREVIEW_HINT));
	buf_puts(out,
	         "<script src=\"/static/cert_template.js\" defer></script>");
	page_end(out, p);
}

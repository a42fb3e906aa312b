/* pages_certs.c: an edition's certificates for its organisers: issue (or
 * issue again after a correction), the print file, and per certificate
 * its PDF, its verification page, its state, and a revocation form with
 * a required reason. */
#include <string.h>

#include "forms.h"

static void
issue_form(struct buf *out, const struct page *p, long long edition)
{
	enum score_lang l = p->lang;

	html_fmt(
	    out,
	    "<form method=\"post\" action=\"/editions/%lld/certificates\">",
	    edition);
	field_csrf(out, p->csrf);
	field_checkbox(out, "collective", T(l, MSG_CERTS_COLLECTIVE), false);
	html_fmt(out, "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_CERTS_ISSUE));
}

static void
state(struct buf *out, enum score_lang l, const struct cert_row *c)
{
	if (!c->revoked) {
		html_fmt(out, "%s", T(l, MSG_CERTS_STANDING));
		return;
	}
	html_fmt(out, "<strong>%s</strong>: %s", T(l, MSG_CERTS_REVOKED),
	         strcmp(c->reason, "superseded") == 0
	             ? T(l, MSG_CERTS_SUPERSEDED)
	             : c->reason);
	if (c->replaced_by != 0)
		html_fmt(out, " → <a href=\"/certificates/%lld/pdf\">%lld</a>",
		         c->replaced_by, c->replaced_by);
}

static void
revoke_form(struct buf *out, const struct page *p, const struct cert_row *c)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<details><summary>%s</summary><form method=\"post\" "
	         "action=\"/certificates/%lld/revoke\" class=\"row\">",
	         T(l, MSG_CERTS_REVOKE), c->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input name=\"reason\" required maxlength=\"500\" "
	         "aria-label=\"%s\" placeholder=\"%s\"><button type=\"submit\" "
	         "class=\"secondary\" data-confirm=\"%s?\">%s</button></form>"
	         "</details>",
	         T(l, MSG_REASON), T(l, MSG_REASON), T(l, MSG_CERTS_REVOKE),
	         T(l, MSG_CERTS_REVOKE));
}

static void
table(struct buf *out, const struct page *p, const struct certs_view *v)
{
	enum score_lang l = p->lang;

	html_fmt(out,
	         "<div class=\"table-wrap\"><table><thead><tr><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th></th>"
	         "</tr></thead><tbody>",
	         T(l, MSG_CERTS_COUNTS), T(l, MSG_VERIFY_RECIPIENT),
	         T(l, MSG_VERIFY_ENTRY), T(l, MSG_VERIFY_PRIZE),
	         T(l, MSG_STATE));
	for (size_t i = 0; i < v->n; i++) {
		const struct cert_row *c = &v->rows[i];

		html_fmt(
		    out,
		    "<tr><td><a href=\"/certificates/%lld/pdf\">%s</a></td>"
		    "<td>%s</td><td>%s</td><td>%s</td><td>",
		    c->id, c->serial, c->recipient, c->entry, c->prize);
		state(out, l, c);
		html_fmt(out, "</td><td><a href=\"/v/%s\">%s</a>", c->code,
		         T(l, MSG_CERTS_VERIFY));
		if (v->can_revoke && !c->revoked)
			revoke_form(out, p, c);
		buf_puts(out, "</td></tr>");
	}
	buf_puts(out, "</tbody></table></div>");
}

/* The button that starts the print file (made in the background). */
static void
print_start(struct buf *out, const struct page *p, long long edition,
            enum msg label)
{
	html_fmt(out,
	         "<form method=\"post\" action=\"/editions/%lld/certificates/"
	         "print\">",
	         edition);
	field_csrf(out, p->csrf);
	html_fmt(out, "<p><button type=\"submit\">%s</button></p></form>",
	         T(p->lang, label));
}

void
page_certs(struct buf *out, const struct page *p, const struct edition_view *ed,
           const struct certs_view *v)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1><p class=\"hint\">%s</p>",
	         ed->id, ed->title, T(l, MSG_CERTS), T(l, MSG_CERTS_HELP));
	if (v->notice != MSG__MAX)
		html_fmt(out, "<p class=\"notice\" role=\"status\">%s %s</p>",
		         T(l, v->notice), v->said);
	html_fmt(out,
	         "<p><a href=\"/editions/%lld/certificates/template\">%s</a>"
	         "</p>",
	         ed->id, T(l, MSG_TPL_LINK));
	if (v->can_issue)
		issue_form(out, p, ed->id);
	if (v->n == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_CERTS_NONE));
	} else {
		/* made in the background: a long batch shows its
		 * progress */
		print_start(out, p, ed->id, MSG_CERTS_PRINT);
		table(out, p, v);
	}
	page_end(out, p);
}

void
page_certs_print(struct buf *out, const struct page *p,
                 const struct edition_view *ed,
                 const struct certs_print_view *v)
{
	enum score_lang l = p->lang;
	long long done = v->done, total = v->total;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a> › "
	         "<a href=\"/editions/%lld/certificates\">%s</a></p>"
	         "<h1>%s</h1><p class=\"hint\">%s</p>",
	         ed->id, ed->title, ed->id, T(l, MSG_CERTS), T(l, MSG_PRINT),
	         T(l, MSG_PRINT_HELP));
	if (v->state == 1)
		html_fmt(out,
		         "<p role=\"status\">%s <strong>%lld/%lld</strong></p>"
		         "<progress value=\"%lld\" max=\"%lld\">%lld/%lld"
		         "</progress>",
		         T(l, MSG_PRINT_RUNNING), done, total, done, total,
		         done, total);
	else if (v->state == 2)
		html_fmt(
		    out,
		    "<p class=\"notice\" role=\"status\">%s %lld · %lld KB</p>"
		    "<p><a class=\"button\" href=\"/editions/%lld/"
		    "certificates/print.pdf\">%s</a></p>",
		    T(l, MSG_PRINT_READY), total, (v->bytes + 1023) / 1024,
		    ed->id, T(l, MSG_PRINT_DOWNLOAD));
	else if (v->state == 3)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_PRINT_FAILED));
	if (v->state != 1)
		print_start(out, p, ed->id,
		            v->state == 0 ? MSG_PRINT_START : MSG_PRINT_AGAIN);
	page_end(out, p);
}

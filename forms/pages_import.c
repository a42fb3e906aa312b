/* pages_import.c: importing entries from a CSV file, and its errors. */
#include "forms.h"

void
page_import(struct buf *out, const struct page *p,
            const struct edition_view *ed, const char *const *errors,
            size_t nerrors)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld/entries\">%s</a>"
	         "</p><h1>%s</h1>",
	         ed->id, T(l, MSG_ENTRIES), T(l, MSG_IMPORT));
	if (nerrors > 0) {
		html_fmt(out,
		         "<div class=\"notice error\" role=\"alert\"><p>%s</p>"
		         "<ol class=\"errors\">",
		         T(l, MSG_IMPORT_FAILED));
		for (size_t i = 0; i < nerrors; i++)
			html_fmt(out, "<li>%s</li>", errors[i]);
		buf_puts(out, "</ol></div>");
	}
	html_fmt(out,
	         "<p><a href=\"/editions/%lld/entries-template.csv\">%s</a></p>"
	         "<form method=\"post\" action=\"/editions/%lld/import\" "
	         "enctype=\"multipart/form-data\">",
	         ed->id, T(l, MSG_TEMPLATE), ed->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-file\">%s</label>"
	         "<input type=\"file\" id=\"f-file\" name=\"file\" "
	         "accept=\".csv,text/csv\" required></div>"
	         "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_IMPORT_FILE), T(l, MSG_IMPORT));
	page_end(out, p);
}

/* fields.c: labelled form inputs with their error messages. */
#include <string.h>

#include "forms.h"

void
field_error(struct buf *out, enum score_lang lang, const char *name,
            const struct form_errors *e)
{
	const char *text = e != NULL ? form_error_text(e, name, lang) : NULL;

	if (text != NULL)
		html_fmt(out, "<p class=\"error\" id=\"%s-error\">%s</p>", name,
		         text);
}

void
field_input(struct buf *out, enum score_lang lang, const char *type,
            const char *name, const char *label, const char *value,
            const struct form_errors *e, const char *extra)
{
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-%s\">%s</label>"
	         "<input type=\"%s\" id=\"f-%s\" name=\"%s\" value=\"%s\"",
	         name, label, type, name, name, value != NULL ? value : "");
	if (e != NULL && form_error_for(e, name) != MSG__MAX)
		html_fmt(out,
		         " aria-invalid=\"true\" aria-describedby=\"%s-error\"",
		         name);
	if (extra != NULL)
		html_fmt(out, " %R", extra);
	buf_putc(out, '>');
	field_error(out, lang, name, e);
	buf_puts(out, "</div>\n");
}

void
field_select(struct buf *out, enum score_lang lang, const char *name,
             const char *label, const char *const *values,
             const char *const *labels, size_t n, const char *selected,
             const struct form_errors *e)
{
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-%s\">%s</label>"
	         "<select id=\"f-%s\" name=\"%s\">",
	         name, label, name, name);
	for (size_t i = 0; i < n; i++)
		html_fmt(out, "<option value=\"%s\"%R>%s</option>", values[i],
		         selected != NULL && strcmp(selected, values[i]) == 0
		             ? " selected"
		             : "",
		         labels[i]);
	buf_puts(out, "</select>");
	field_error(out, lang, name, e);
	buf_puts(out, "</div>\n");
}

void
field_checkbox(struct buf *out, const char *name, const char *label,
               bool checked)
{
	html_fmt(out,
	         "<div class=\"field check\"><label><input type=\"checkbox\" "
	         "name=\"%s\" value=\"1\"%R> %s</label></div>\n",
	         name, checked ? " checked" : "", label);
}

void
field_csrf(struct buf *out, const char *token)
{
	html_fmt(out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	         token != NULL ? token : "");
}

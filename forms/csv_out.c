/* csv_out.c: CSV for spreadsheets: RFC 4180 records (quoted where needed,
 * CRLF line ends), a UTF-8 byte order mark so that Excel reads Vietnamese
 * correctly, and cells that a spreadsheet would run as a formula
 * neutralised (OWASP's advice against CSV injection). */
#include <string.h>

#include "forms.h"

void
csv_bom(struct buf *out)
{
	buf_puts(out, "\xEF\xBB\xBF");
}

/* A plain decimal ("-1.50"): a number, never a formula, kept as it is. */
static bool
is_number(const char *s)
{
	size_t i = s[0] == '-' ? 1 : 0, digits = 0;

	while (s[i] >= '0' && s[i] <= '9') {
		i++;
		digits++;
	}
	if (digits > 0 && s[i] == '.') {
		i++;
		digits = 0;
		while (s[i] >= '0' && s[i] <= '9') {
			i++;
			digits++;
		}
	}
	return digits > 0 && s[i] == '\0';
}

bool
csv_is_formula(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL &&
	       !is_number(s);
}

void
csv_cell(struct buf *out, const char *s)
{
	const char *prefix = "";
	bool quote;

	if (s == NULL)
		s = "";
	/* a leading quote makes Excel and LibreOffice show it as text */
	if (csv_is_formula(s))
		prefix = "'";
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_printf(out, "%s%s", prefix, s);
		return;
	}
	buf_printf(out, "\"%s", prefix);
	for (const char *q = strchr(s, '"'); q != NULL; q = strchr(s, '"')) {
		buf_append(out, s, (size_t)(q - s) + 1);
		buf_putc(out, '"'); /* a quote inside is doubled */
		s = q + 1;
	}
	buf_printf(out, "%s\"", s);
}

void
csv_row(struct buf *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(out, ',');
		csv_cell(out, cells[i]);
	}
	buf_puts(out, "\r\n");
}

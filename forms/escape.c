/* escape.c: the one HTML escaper and html_fmt, a printf that escapes. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"

/*
 * The entity of each byte that must not appear raw, NULL for the rest.
 * The apostrophe is escaped too so the result is safe in single-quoted
 * attributes; &#39; rather than &apos; because HTML 4 lacks the latter.
 */
static const char *const entities[256] = {
	['&'] = "&amp;",  ['<'] = "&lt;",   ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&#39;",
};

void
html_escape(struct buf *out, const char *s)
{
	const char *run;

	if (s == NULL)
		return;
	/* Copy each run of safe bytes with one append: most text has no
	 * special byte at all, and UTF-8 sequences are all >= 0x80. */
	for (run = s; *s != '\0'; s++) {
		const char *ent = entities[(unsigned char)*s];

		if (ent == NULL)
			continue;
		buf_append(out, run, (size_t)(s - run));
		buf_puts(out, ent);
		run = s + 1;
	}
	buf_append(out, run, (size_t)(s - run));
}

/*
 * Handles the directive starting at fmt (just after '%'). Returns the
 * number of format bytes it used. An unknown directive is a bug in the
 * calling code, not bad input, so it aborts (the tests reach every
 * format string of the program).
 */
static size_t
fmt_directive(struct buf *out, const char *fmt, va_list *ap)
{
	switch (fmt[0]) {
	case 's':
		html_escape(out, va_arg(*ap, const char *));
		return 1;
	case 'R': {
		const char *raw = va_arg(*ap, const char *);

		if (raw != NULL)
			buf_puts(out, raw);
		return 1;
	}
	case 'd':
		buf_printf(out, "%d", va_arg(*ap, int));
		return 1;
	case 'l':
		if (fmt[1] == 'l' && fmt[2] == 'd') {
			buf_printf(out, "%lld", va_arg(*ap, long long));
			return 3;
		}
		break;
	case '%':
		buf_putc(out, '%');
		return 1;
	default:
		break;
	}
	abort();
}

void
html_fmt(struct buf *out, const char *fmt, ...)
{
	va_list ap;
	const char *pct;

	va_start(ap, fmt);
	while (*fmt != '\0') {
		pct = strchr(fmt, '%');
		if (pct == NULL) {
			buf_puts(out, fmt);
			break;
		}
		buf_append(out, fmt, (size_t)(pct - fmt));
		/* va_list is passed by address: C17 7.16p3 lets a callee
		 * keep using it only through a pointer. */
		fmt = pct + 1 + fmt_directive(out, pct + 1, &ap);
	}
	va_end(ap);
}

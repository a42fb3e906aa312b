/* fuzz_urlencoded.c: fuzz target for the urlencoded form parser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/forms.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless `s` (len bytes) is valid UTF-8 without NUL, and NFC. */
static void
check_text(const char *s, size_t len)
{
	char *nfc;

	if (strlen(s) != len || score_utf8_invalid_at(s, len) >= 0)
		abort();
	nfc = score_nfc(s, len);
	if (nfc == NULL || strcmp(nfc, s) != 0)
		abort();
	free(nfc);
}

/* Percent-encodes every byte that is not unreserved (RFC 3986). */
static void
encode(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL) {
			buf_putc(out, (char)c);
			continue;
		}
		buf_putc(out, '%');
		buf_putc(out, hex[c >> 4]);
		buf_putc(out, hex[c & 15]);
	}
}

/*
 * Properties: every field kept is valid NFC UTF-8 without NUL, and at most
 * 1000 of them; encoding the fields again and parsing that gives the same
 * fields, and a good form.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f = { 0 }, again = { 0 };
	struct buf enc;

	form_parse_urlencoded(&f, (const char *)data, size);
	if (f.count > 1000)
		abort();
	buf_init(&enc, (size_t)1 << 26);
	buf_puts(&enc, "");
	for (size_t i = 0; i < f.count; i++) {
		check_text(f.fields[i].name, strlen(f.fields[i].name));
		check_text(f.fields[i].value, f.fields[i].len);
		if (i > 0)
			buf_putc(&enc, '&');
		encode(&enc, f.fields[i].name);
		buf_putc(&enc, '=');
		encode(&enc, f.fields[i].value);
	}
	form_parse_urlencoded(&again, enc.data, enc.len);
	if (again.bad || again.count != f.count)
		abort();
	for (size_t i = 0; i < f.count; i++)
		if (strcmp(again.fields[i].name, f.fields[i].name) != 0 ||
		    strcmp(again.fields[i].value, f.fields[i].value) != 0)
			abort();
	buf_release(&enc);
	form_release(&again);
	form_release(&f);
	return 0;
}

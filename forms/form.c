/* form.c: submitted form fields (urlencoded parsing, UTF-8 and NFC checks)
 * and the per-field error list that form pages show. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "forms.h"

/* More fields than any page of ours has: beyond that it is an attack
 * (form_get scans linearly) or a bug, and the whole form is refused. */
#define FORM_MAX_FIELDS 1000

void
form_add(struct form *f, const char *name, const char *value, size_t len)
{
	char *nname, *nvalue;
	struct form_field *field;

	if (f->count >= FORM_MAX_FIELDS) {
		f->bad = true;
		return;
	}
	/* score_nfc refuses invalid UTF-8 and NUL bytes alike. */
	nname = score_nfc(name, strlen(name));
	nvalue = score_nfc(value, len);
	if (nname == NULL || nvalue == NULL) {
		free(nname);
		free(nvalue);
		f->bad = true;
		return;
	}
	if (f->count == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->fields =
		    xreallocarray(f->fields, f->cap, sizeof(*f->fields));
	}
	field = &f->fields[f->count++];
	field->name = nname;
	field->value = nvalue;
	/* NFC may change the length (composition shortens). */
	field->len = strlen(nvalue);
}

void
form_release(struct form *f)
{
	for (size_t i = 0; i < f->count; i++) {
		free(f->fields[i].name);
		free(f->fields[i].value);
	}
	free(f->fields);
	memset(f, 0, sizeof(*f));
}

const char *
form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].value;
	return NULL;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes one name or value of `len` bytes into `out` (reset first):
 * '+' is a space, %XX a byte. Returns -1 on a malformed escape ("%G1",
 * a lone "%" at the end). Bytes are not checked here: form_add does it
 * on the decoded text, where an escaped "%00" or "%C3%28" shows.
 */
static int
url_decode(struct buf *out, const char *s, size_t len)
{
	buf_reset(out);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int hi = i + 2 < len ? hex_digit(s[i + 1]) : -1;
			int lo = i + 2 < len ? hex_digit(s[i + 2]) : -1;

			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi << 4 | lo);
			i += 2;
		}
		if (buf_putc(out, c) != 0)
			return -1;
	}
	return 0;
}

/* Splits one "name=value" pair (no '=' means an empty value) and adds it. */
static void
add_pair(struct form *f, struct buf *name, struct buf *value, const char *s,
         size_t len)
{
	const char *eq = memchr(s, '=', len);
	size_t nlen = eq != NULL ? (size_t)(eq - s) : len;
	size_t vstart = eq != NULL ? nlen + 1 : len;

	if (url_decode(name, s, nlen) != 0 ||
	    url_decode(value, s + vstart, len - vstart) != 0) {
		f->bad = true;
		return;
	}
	/* A decoded name holding NUL would be cut short by strlen. */
	if (memchr(name->data, '\0', name->len) != NULL) {
		f->bad = true;
		return;
	}
	form_add(f, name->data, value->data, value->len);
}

void
form_parse_urlencoded(struct form *f, const char *data, size_t len)
{
	struct buf name, value;
	size_t start = 0;

	/* Decoding never grows a field, so `len` is a sufficient cap. */
	buf_init(&name, len);
	buf_init(&value, len);
	buf_puts(&name, "");
	buf_puts(&value, "");
	while (start < len) {
		const char *amp = memchr(data + start, '&', len - start);
		size_t end = amp != NULL ? (size_t)(amp - data) : len;

		/* "a=1&&b=2" and a trailing '&' carry no field. */
		if (end > start) {
			if (f->count >= FORM_MAX_FIELDS) {
				f->bad = true;
				break;
			}
			add_pair(f, &name, &value, data + start, end - start);
		}
		start = end + 1;
	}
	buf_release(&name);
	buf_release(&value);
}

void
form_error(struct form_errors *e, const char *field, enum msg m)
{
	const size_t max = sizeof(e->field) / sizeof(e->field[0]);

	/* The first error of a field is the one shown ("required" before
	 * "too long"); errors past the array's size are dropped, but the
	 * form is already known to be wrong. */
	if (form_error_for(e, field) != MSG__MAX || e->count >= max)
		return;
	e->field[e->count] = field;
	e->msg[e->count] = m;
	e->count++;
}

void
form_errors_clear(struct form_errors *e)
{
	e->count = 0;
	e->ndetails = 0;
}

void
form_error_detail(struct form_errors *e, const char *field, const char *text)
{
	size_t before = e->count;

	if (form_error_for(e, field) != MSG__MAX)
		return;
	form_error(e, field, MSG_ERR_DETAIL);
	if (e->count == before)
		return;
	e->detail_of[before] = (unsigned char)FORM_DETAILS; /* none */
	if (e->ndetails < FORM_DETAILS) {
		snprintf(e->details[e->ndetails], sizeof(e->details[0]), "%s",
		         text);
		e->detail_of[before] = (unsigned char)e->ndetails++;
	}
}

/* NULL names the form as a whole (an error no single field owns). */
static bool
same_field(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

const char *
form_error_text(const struct form_errors *e, const char *field,
                enum score_lang lang)
{
	for (size_t i = 0; i < e->count; i++) {
		if (!same_field(e->field[i], field))
			continue;
		if (e->msg[i] == MSG_ERR_DETAIL &&
		    e->detail_of[i] < e->ndetails)
			return e->details[e->detail_of[i]];
		return T(lang, e->msg[i]);
	}
	return NULL;
}

enum msg
form_error_for(const struct form_errors *e, const char *field)
{
	for (size_t i = 0; i < e->count; i++)
		if (same_field(e->field[i], field))
			return e->msg[i];
	return MSG__MAX;
}

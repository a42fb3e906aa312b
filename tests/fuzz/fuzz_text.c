/* fuzz_text.c: fuzz target for the UTF-8 validation and NFC normalisation
 * every text passes on its way in (forms, CSV, JSON, names on PDFs):
 * score_utf8_invalid_at agrees with an independent decoder (shortest
 * forms only, no surrogates, nothing above U+10FFFF, no NUL) on whether
 * and where the input goes wrong; score_nfc refuses exactly the invalid
 * inputs, and what it returns is valid, canonically equivalent to the
 * input (the same NFD) and NFC already (normalising again changes
 * nothing); score_fold gives valid UTF-8 without edge spaces, and folding
 * it again changes nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The length of the valid sequence at s (n bytes left), or 0. */
static size_t
sequence(const uint8_t *s, size_t n)
{
	uint32_t c, min;
	size_t len;

	if (s[0] == 0)
		return 0; /* NUL cannot live in a C string */
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F, min = 0x80;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F, min = 0x800;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return len;
}

/* Where the input first goes wrong, or -1. */
static long
invalid_at(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = sequence(s + i, n - i);

		if (len == 0)
			return (long)i;
		i += len;
	}
	return -1;
}

static uint8_t *
nfd(const char *s, size_t n, size_t *len)
{
	return u8_normalize(UNINORM_NFD, (const uint8_t *)s, n, NULL, len);
}

static void
check_nfc(const char *in, size_t size)
{
	char *out = score_nfc(in, size), *again;
	size_t a = 0, b = 0;
	uint8_t *da, *db;

	if (out == NULL)
		abort(); /* valid input must normalise */
	if (invalid_at((const uint8_t *)out, strlen(out)) >= 0)
		abort();
	da = nfd(in, size, &a);
	db = nfd(out, strlen(out), &b);
	if (da == NULL || db == NULL || a != b || memcmp(da, db, a) != 0)
		abort();
	again = score_nfc(out, strlen(out));
	if (again == NULL || strcmp(again, out) != 0)
		abort();
	free(da);
	free(db);
	free(again);
	free(out);
}

static void
check_fold(const char *in)
{
	char *f = score_fold(in), *g;
	size_t n = strlen(f);

	if (invalid_at((const uint8_t *)f, n) >= 0 ||
	    (n > 0 && (f[0] == ' ' || f[n - 1] == ' ')))
		abort();
	g = score_fold(f);
	if (strcmp(f, g) != 0)
		abort();
	free(f);
	free(g);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	long at = invalid_at(data, size);
	char *copy;

	if (score_utf8_invalid_at(in, size) != at)
		abort();
	if (at >= 0) {
		char *out = score_nfc(in, size);

		if (out != NULL)
			abort(); /* invalid input is refused */
		return 0;
	}
	check_nfc(in, size);
	copy = malloc(size + 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	check_fold(copy);
	free(copy);
	return 0;
}

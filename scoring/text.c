/* text.c: UTF-8 validation and NFC normalisation (libunistring). */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "internal.h"

/*
 * A NUL byte is valid UTF-8 but cannot live in a C string, so it counts as
 * invalid here: otherwise an identifier could be silently truncated.
 */
long
score_utf8_invalid_at(const char *s, size_t len)
{
	const uint8_t *bad = u8_check((const uint8_t *)s, len);
	const char *nul = memchr(s, '\0', len);
	long at = -1;

	if (bad != NULL)
		at = (long)((const char *)bad - s);
	if (nul != NULL && (at < 0 || nul - s < at))
		at = (long)(nul - s);
	return at;
}

char *
score_nfc(const char *s, size_t len)
{
	uint8_t *norm;
	size_t normlen = 0;
	char *out;

	if (score_utf8_invalid_at(s, len) >= 0)
		return NULL;
	/* ASCII is already NFC: skip the library call on the hot path. */
	for (size_t i = 0;; i++) {
		if (i == len)
			return xstrndup(s, len);
		if ((unsigned char)s[i] >= 0x80)
			break;
	}
	norm =
	    u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &normlen);
	if (norm == NULL)
		return NULL;
	out = xstrndup((const char *)norm, normlen);
	free(norm);
	return out;
}

char *
score_fold(const char *s)
{
	uint8_t *folded;
	size_t len = 0, n = 0;
	char *out;
	bool space = false;

	if (s == NULL || score_utf8_invalid_at(s, strlen(s)) >= 0)
		return xstrdup("");
	folded = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC,
	                     NULL, &len);
	if (folded == NULL)
		return xstrdup("");
	out = xmalloc(len + 1);
	/* spaces collapse and trim: "  Trần  Văn A " matches "trần văn a" */
	for (size_t i = 0; i < len; i++) {
		if (folded[i] == ' ' || folded[i] == '\t' ||
		    folded[i] == '\n') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)folded[i];
	}
	out[n] = '\0';
	free(folded);
	return out;
}

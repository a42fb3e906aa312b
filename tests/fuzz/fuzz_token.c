/* fuzz_token.c: fuzz target for the session and login-link tokens as a
 * browser sends them back (a cookie's value, a link's ?t=: anyone can
 * send anything): token_read accepts exactly the 43-character canonical
 * unpadded base64url spellings, checked here against an independent
 * reading, and what it accepts encodes back to the same characters. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* 43 symbols of 6 bits carry 258 bits: the last symbol's low 2 bits are
 * padding and must be 0 for the one spelling of 32 bytes. */
static bool
canonical(const char *s, size_t len)
{
	const char *last;

	if (len != TOKEN_CHARS)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\0' || strchr(alphabet, s[i]) == NULL)
			return false;
	last = strchr(alphabet, s[len - 1]);
	return ((last - alphabet) & 3) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	uint8_t raw[TOKEN_BYTES];
	char again[TOKEN_CHARS + 1];
	bool ok;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	ok = token_read(s, raw);
	if (ok != canonical(s, strlen(s)))
		abort();
	if (ok) {
		sodium_bin2base64(again, sizeof(again), raw, sizeof(raw),
		                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		if (strcmp(again, s) != 0)
			abort();
	}
	free(s);
	return 0;
}

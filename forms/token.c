/* token.c: the random tokens of sessions and login links as they come
 * back from a browser (a cookie's value, a link's ?t=): 32 bytes in
 * unpadded base64url, exactly 43 characters, read strictly (a character
 * outside the alphabet, a padding sign, stray bits in the last character:
 * refused), so that one token has one spelling. */
#include <sodium.h>
#include <string.h>

#include "forms.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "abcdefghijklmnopqrstuvwxyz0123456789-_";

bool
token_read(const char *s, uint8_t out[TOKEN_BYTES])
{
	size_t len = 0;

	/* the alphabet checked first: libsodium 1.0.18's decoder took some
	 * bytes above 0x7F for letters (found by fuzz_token), giving one
	 * token many spellings */
	if (s == NULL || strnlen(s, TOKEN_CHARS + 1) != TOKEN_CHARS ||
	    strspn(s, alphabet) != TOKEN_CHARS)
		return false;
	return sodium_base642bin(
	           out, TOKEN_BYTES, s, TOKEN_CHARS, NULL, &len, NULL,
	           sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
	       len == TOKEN_BYTES;
}

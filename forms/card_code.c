/* card_code.c: reading the short code of a judge's login card as typed:
 * 8 characters of Crockford's base32 (the alphabet the cards print), in
 * any case, with or without the hyphen and spaces, the letters people
 * mistake for digits read as those digits (O as 0, I and L as 1). */
#include <ctype.h>
#include <string.h>

#include "forms.h"

const char card_code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static char
canonical(char c)
{
	c = (char)toupper((unsigned char)c);
	if (c == 'O')
		return '0';
	if (c == 'I' || c == 'L')
		return '1';
	if (c == '\0' || strchr(card_code_alphabet, c) == NULL)
		c = '\0';
	return c;
}

bool
card_code_read(const char *typed, char out[9])
{
	size_t n = 0;

	for (const char *p = typed; p != NULL && *p != '\0'; p++) {
		char c;

		if (*p == '-' || *p == ' ')
			continue;
		c = canonical(*p);
		if (c == 0 || n == 8)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == 8;
}

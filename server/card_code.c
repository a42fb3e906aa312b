/* card_code.c: the short code printed on a login card, to type when the
 * tablet's camera cannot read the QR code: 8 characters of Crockford's
 * base32 (no I, L, O or U, so nothing reads as another letter), shown as
 * "K7QM-2XHD". 40 random bits: with the login rate limit per address,
 * guessing one of an edition's few hundred codes would take centuries.
 * Stored as its SHA-256, like the link's token. */
#include <sodium.h>
#include <string.h>

#include "server.h"

void
card_code_new(char out[CARD_CODE_SIZE], uint8_t hash[32])
{
	uint8_t raw[8];
	char plain[9];

	randombytes_buf(raw, sizeof(raw));
	for (size_t i = 0; i < 8; i++)
		plain[i] = card_code_alphabet[raw[i] & 31];
	plain[8] = '\0';
	crypto_hash_sha256(hash, (const uint8_t *)plain, 8);
	memcpy(out, plain, 4);
	out[4] = '-';
	memcpy(out + 5, plain + 4, 4);
	out[9] = '\0';
	sodium_memzero(raw, sizeof(raw));
}

int
card_code_hash(const char *typed, uint8_t hash[32])
{
	char plain[9];

	if (!card_code_read(typed, plain))
		return -1;
	crypto_hash_sha256(hash, (const uint8_t *)plain, 8);
	return 0;
}

/* vcode.c: certificate verification codes: facts digest, Ed25519
 * signature, Crockford base32 text with a check symbol, short codes. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../common/common.h"
#include "../scoring/scoring.h"
#include "vcode.h"

#define CODE_BYTES   69  /* key id (1) | serial (4) | signature (64) */
#define DATA_CHARS   111 /* ceil(69 * 8 / 5) */
#define MSG_BYTES    53  /* domain (16) | key id | serial | digest (32) */
#define SHORT_DIGITS 7   /* 35 bits hold a 32-bit serial */
#define CHECK_PRIME  31

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static const char domain[16] = { 'g', 'i', 'a', 'm', 'k', 'h', 'a', 'o',
	                         '-', 'c', 'e', 'r', 't', '-', 'v', '1' };

/* The labels of the facts, in their canonical order. */
static const char *const fact_names[] = {
	"serial",  "recipient", "entry",  "prize",
	"edition", "decision",  "issued",
};

/* A symbol's value as typed (Crockford: any case, O as 0, I and L as 1),
 * or -1 for a character outside the alphabet. ASCII only, no locale. */
static int
symbol_value(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		c = (unsigned char)(c - 'a' + 'A');
	if (c == 'O')
		return 0;
	if (c == 'I' || c == 'L')
		return 1;
	if (c == 'U' || c == '\0')
		return -1;
	for (int v = 0; v < 32; v++)
		if (alphabet[v] == (char)c)
			return v;
	return -1;
}

/* The check symbol of symbol values: sum of (position + 1) x value,
 * modulo 31. Weighting by position catches a swap of two neighbours (a
 * plain sum, or the value modulo 31 since 32 = 1 mod 31, would not) as
 * well as any one wrong symbol but 0 for Z. */
static unsigned
check_value(const unsigned char *sym, size_t n)
{
	unsigned r = 0;

	for (size_t i = 0; i < n; i++)
		r = (r + (unsigned)((i + 1) % CHECK_PRIME) * sym[i]) %
		    CHECK_PRIME;
	return r;
}

static void
pack(const struct vcode *c, unsigned char out[CODE_BYTES])
{
	out[0] = (unsigned char)c->key_id;
	out[1] = (unsigned char)(c->serial >> 24);
	out[2] = (unsigned char)(c->serial >> 16);
	out[3] = (unsigned char)(c->serial >> 8);
	out[4] = (unsigned char)c->serial;
	memcpy(out + 5, c->sig, 64);
}

static void
message(unsigned key_id, uint32_t serial, const unsigned char digest[32],
        unsigned char out[MSG_BYTES])
{
	memcpy(out, domain, sizeof(domain));
	out[16] = (unsigned char)key_id;
	out[17] = (unsigned char)(serial >> 24);
	out[18] = (unsigned char)(serial >> 16);
	out[19] = (unsigned char)(serial >> 8);
	out[20] = (unsigned char)serial;
	memcpy(out + 21, digest, 32);
}

/* One fact as a line "name=value\n" (value NFC), or -1. */
static int
fact_line(struct buf *b, const char *name, const char *value)
{
	char *nfc;
	int rc;

	if (value == NULL)
		return -1;
	nfc = score_nfc(value, strlen(value));
	if (nfc == NULL)
		return -1;
	rc = strpbrk(nfc, "\n\r") != NULL ? -1 : 0;
	if (rc == 0)
		rc = buf_printf(b, "%s=%s\n", name, nfc);
	free(nfc);
	return rc;
}

int
vcode_facts_digest(const struct vcode_facts *f, unsigned char out[32])
{
	const char *values[] = { f->serial,  f->recipient, f->entry, f->prize,
		                 f->edition, f->decision,  f->issued };
	struct buf b;
	int rc;

	buf_init(&b, (size_t)1 << 20);
	rc = buf_puts(&b, "giamkhao-cert/1\n");
	for (size_t i = 0; rc == 0 && i < 7; i++)
		rc = fact_line(&b, fact_names[i], values[i]);
	if (rc == 0)
		crypto_hash_sha256(out, (const unsigned char *)b.data, b.len);
	buf_release(&b);
	return rc == 0 ? 0 : -1;
}

int
vcode_sign(const unsigned char sk[64], unsigned key_id, uint32_t serial,
           const unsigned char digest[32], struct vcode *out)
{
	unsigned char msg[MSG_BYTES];

	if (key_id < 1 || key_id > 255 || serial == 0)
		return -1;
	message(key_id, serial, digest, msg);
	out->key_id = key_id;
	out->serial = serial;
	return crypto_sign_detached(out->sig, NULL, msg, sizeof(msg), sk) == 0
	           ? 0
	           : -1;
}

bool
vcode_verify(const unsigned char pk[32], const struct vcode *c,
             const unsigned char digest[32])
{
	unsigned char msg[MSG_BYTES];

	if (c->key_id < 1 || c->key_id > 255 || c->serial == 0)
		return false;
	message(c->key_id, c->serial, digest, msg);
	return crypto_sign_verify_detached(c->sig, msg, sizeof(msg), pk) == 0;
}

void
vcode_encode(const struct vcode *c, char out[VCODE_CHARS + 1])
{
	unsigned char bytes[CODE_BYTES], sym[VCODE_CHARS];
	unsigned acc = 0, nbits = 0;
	size_t n = 0;

	pack(c, bytes);
	for (size_t i = 0; i < CODE_BYTES; i++) {
		acc = (acc << 8) | bytes[i];
		nbits += 8;
		while (nbits >= 5) {
			nbits -= 5;
			sym[n++] = (unsigned char)((acc >> nbits) & 31);
		}
		acc &= (1u << nbits) - 1;
	}
	if (nbits > 0) /* the last symbol, padded with zero bits */
		sym[n++] = (unsigned char)((acc << (5 - nbits)) & 31);
	sym[n] = (unsigned char)check_value(sym, n);
	for (size_t i = 0; i <= n; i++)
		out[i] = alphabet[sym[i]];
	out[n + 1] = '\0';
}

/* Reads at most `max` symbols of text into values; the number read, or
 * max + 1 when there are more, or -1 on a character outside the alphabet
 * (hyphens and spaces are skipped). */
static long
read_symbols(const char *text, size_t len, unsigned char *values, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		int v;

		if (text[i] == '-' || text[i] == ' ')
			continue;
		v = symbol_value((unsigned char)text[i]);
		if (v < 0)
			return -1;
		if (n == max)
			return (long)max + 1;
		values[n++] = (unsigned char)v;
	}
	return (long)n;
}

enum vcode_status
vcode_decode(const char *text, size_t len, struct vcode *out)
{
	unsigned char sym[VCODE_CHARS], bytes[CODE_BYTES];
	unsigned acc = 0, nbits = 0;
	size_t n = 0;

	if (text == NULL ||
	    read_symbols(text, len, sym, VCODE_CHARS) != VCODE_CHARS)
		return VCODE_MALFORMED;
	for (size_t i = 0; i < DATA_CHARS; i++) {
		acc = (acc << 5) | sym[i];
		nbits += 5;
		if (nbits >= 8) {
			nbits -= 8;
			if (n < CODE_BYTES)
				bytes[n++] = (unsigned char)(acc >> nbits);
		}
		acc &= (1u << nbits) - 1;
	}
	/* 111 symbols = 555 bits: 69 bytes and 3 padding bits, all zero */
	if (n != CODE_BYTES || nbits != 3 || acc != 0)
		return VCODE_MALFORMED;
	if (sym[DATA_CHARS] != check_value(sym, DATA_CHARS))
		return VCODE_BAD_CHECK;
	out->key_id = bytes[0];
	out->serial = (uint32_t)bytes[1] << 24 | (uint32_t)bytes[2] << 16 |
	              (uint32_t)bytes[3] << 8 | (uint32_t)bytes[4];
	memcpy(out->sig, bytes + 5, 64);
	if (out->key_id == 0 || out->serial == 0)
		return VCODE_MALFORMED;
	return VCODE_GENUINE;
}

enum vcode_status
vcode_check(const struct vcode_key *keys, size_t n, const char *text,
            size_t len, const unsigned char digest[32], struct vcode *out)
{
	enum vcode_status st = vcode_decode(text, len, out);
	const struct vcode_key *key = NULL;

	if (st != VCODE_GENUINE)
		return st;
	for (size_t i = 0; i < n && key == NULL; i++)
		if (keys[i].id == out->key_id)
			key = &keys[i];
	if (key == NULL)
		return VCODE_UNKNOWN_KEY;
	/* the signature first: a forgery naming a revoked key is a forgery */
	if (!vcode_verify(key->public_key, out, digest))
		return VCODE_BAD_SIGNATURE;
	return key->revoked ? VCODE_KEY_REVOKED : VCODE_GENUINE;
}

void
vcode_short(uint32_t serial, char out[16])
{
	unsigned char sym[SHORT_DIGITS];

	memcpy(out, "GK-", 3);
	for (int i = SHORT_DIGITS - 1; i >= 0; i--) {
		sym[i] = (unsigned char)(serial & 31);
		out[3 + i] = alphabet[sym[i]];
		serial >>= 5;
	}
	out[3 + SHORT_DIGITS] = '-';
	out[4 + SHORT_DIGITS] = alphabet[check_value(sym, SHORT_DIGITS)];
	out[VCODE_SHORT_CHARS] = '\0';
}

int64_t
vcode_short_parse(const char *text, size_t len)
{
	unsigned char sym[2 + SHORT_DIGITS + 1];
	const unsigned char *digits = sym;
	long n;
	uint64_t serial = 0;

	if (text == NULL)
		return -1;
	n = read_symbols(text, len, sym, sizeof(sym));
	if (n == (long)sizeof(sym)) {
		/* "GK" then the serial's symbols and the check symbol */
		if (sym[0] != 16 || sym[1] != 19)
			return -1;
		digits = sym + 2;
	} else if (n != SHORT_DIGITS + 1) {
		return -1;
	}
	for (int i = 0; i < SHORT_DIGITS; i++)
		serial = serial << 5 | digits[i];
	if (serial == 0 || serial > UINT32_MAX ||
	    digits[SHORT_DIGITS] != check_value(digits, SHORT_DIGITS))
		return -1;
	return (int64_t)serial;
}

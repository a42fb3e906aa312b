/* vcode.h: the signed verification code printed on a certificate (the
 * contract): its facts digest, its Ed25519 signature, its Crockford base32
 * text, and the short code typed to look a certificate up online. Pure:
 * no I/O, no SQL, no globals besides constant tables. Uses libsodium
 * (sodium_init() must have run) and libunistring through scoring/. */
#ifndef GIAMKHAO_VCODE_H
#define GIAMKHAO_VCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The text of a code: 111 symbols for the 69 bytes, then a check symbol. */
#define VCODE_CHARS 112
/* The short code "GK-0000123-7": 12 characters. */
#define VCODE_SHORT_CHARS 12

/* What a code (and its certificate) turned out to be. vcode_decode gives
 * only the first three; the others come from checking the key and the
 * signature (vcode_check, or the caller with its own key store). */
enum vcode_status {
	VCODE_GENUINE,       /* well formed; signed and valid in vcode_check */
	VCODE_MALFORMED,     /* not a code: length, symbols, padding, key 0 */
	VCODE_BAD_CHECK,     /* the check symbol is wrong: a typing mistake */
	VCODE_UNKNOWN_KEY,   /* no published key has its key id */
	VCODE_BAD_SIGNATURE, /* the signature does not match the facts */
	VCODE_KEY_REVOKED,   /* signed, by a key revoked since */
	VCODE__MAX,
};

/* What a code carries: the signing key's id (1..255), the certificate's
 * serial (1..2^32-1) and the Ed25519 signature. */
struct vcode {
	unsigned key_id;
	uint32_t serial;
	unsigned char sig[64];
};

/* A certificate's printed facts, as the caller formats them (UTF-8, no
 * newline); `entry` is e.g. the entry's code and title joined by " – ". */
struct vcode_facts {
	const char *serial, *recipient, *entry, *prize, *edition, *decision,
	    *issued;
};

/*
 * The facts digest: SHA-256 of "giamkhao-cert/1\n" then one line per
 * fact, in the struct's order, "serial=...\nrecipient=...\n" and so on,
 * each value NFC-normalised. 0, or -1 when a value is NULL, is not valid
 * UTF-8 (a NUL byte counts as invalid) or holds a line break (LF or CR).
 */
int vcode_facts_digest(const struct vcode_facts *f, unsigned char out[32]);

/*
 * Signs with Ed25519 secret key `sk` (libsodium's 64 bytes) the message
 * "giamkhao-cert-v1" | key id (1 byte) | serial (4, big-endian) | digest
 * (32), and fills `out`. 0, or -1 when the key id is not 1..255 or the
 * serial is 0.
 */
int vcode_sign(const unsigned char sk[64], unsigned key_id, uint32_t serial,
               const unsigned char digest[32], struct vcode *out);

/* Does the code's signature hold for public key `pk` over `digest`? */
bool vcode_verify(const unsigned char pk[32], const struct vcode *c,
                  const unsigned char digest[32]);

/*
 * The code as text: key id (1) | serial (4, big-endian) | signature (64)
 * in Crockford base32 (most significant bits first, the last symbol padded
 * with zero bits), then the check symbol: the sum over the 111 symbols of
 * (position + 1) x value, modulo 31, as a base32 symbol. 112 upper-case
 * characters of [0-9A-Z] without I L O U, and a NUL. The weights catch a
 * swap of neighbours and any one wrong symbol but 0 read as Z (31 = 0
 * modulo 31); the signature catches the rest, as a bad signature.
 */
void vcode_encode(const struct vcode *c, char out[VCODE_CHARS + 1]);

/*
 * Reads a code as typed or scanned: `len` bytes of `text` (no NUL needed),
 * any case, O read as 0, I and L as 1, hyphens and spaces ignored. Then
 * exactly 112 symbols, zero padding bits and a key id and serial that are
 * not 0, else VCODE_MALFORMED; a wrong check symbol is VCODE_BAD_CHECK.
 * VCODE_GENUINE means well formed here (*out is filled); nothing about
 * the signature. Never reads past text + len.
 */
enum vcode_status vcode_decode(const char *text, size_t len, struct vcode *out);

/* A published key as a verifier knows it. */
struct vcode_key {
	unsigned id;
	unsigned char public_key[32];
	bool retired; /* signs no more; what it signed stays genuine */
	bool revoked; /* what it signed is no longer to be trusted */
};

/*
 * The whole check: decodes `text`, finds its key among `keys[n]` and
 * verifies the signature over `digest`. GENUINE (a retired key's too),
 * MALFORMED, BAD_CHECK, UNKNOWN_KEY, BAD_SIGNATURE, or KEY_REVOKED when
 * the signature holds but its key was revoked. *out gets the decoded code
 * (when it decodes).
 */
enum vcode_status vcode_check(const struct vcode_key *keys, size_t n,
                              const char *text, size_t len,
                              const unsigned char digest[32],
                              struct vcode *out);

/*
 * The short code for typing: "GK-", the serial in 7 base32 symbols
 * (zero-padded), "-", and a check symbol (the same weighted sum over the
 * 7 symbols): serial 123 is "GK-000003V-N". Proves nothing by itself: it
 * is only looked up online.
 */
void vcode_short(uint32_t serial, char out[16]);

/*
 * Reads a short code: `len` bytes of `text`, any case, O as 0, I and L as
 * 1, hyphens and spaces ignored; the "GK" prefix may be left out. The
 * serial (1..2^32-1), or -1 when it is not a short code or its check
 * symbol is wrong.
 */
int64_t vcode_short_parse(const char *text, size_t len);

#endif

/*
 * sig_cache.c: certificate signatures already found valid, so that a
 * certificate scanned again is not checked again. The Ed25519 check was a
 * third of a verification request's time. What is remembered is a keyed
 * hash of everything the check depends on (the public key, the code's key
 * id, serial and signature, the stored facts), so a changed row or
 * key misses and is checked in full; the hash key is random per process,
 * so no one can aim for a collision. Only valid signatures are kept: a
 * forged code costs its whole check every time, as before.
 */
#include <sodium.h>
#include <string.h>

#include "../certificates/vcode.h"
#include "server.h"

#define SIG_SLOTS 4096 /* direct-mapped: a newer entry takes the slot */
#define SIG_HASH  16

struct sig_cache {
	pthread_mutex_t lock;
	unsigned char key[crypto_generichash_KEYBYTES];
	unsigned char slot[SIG_SLOTS][SIG_HASH];
};

struct sig_cache *
sig_cache_new(void)
{
	struct sig_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	randombytes_buf(c->key, sizeof(c->key));
	return c;
}

void
sig_cache_free(struct sig_cache *c)
{
	if (c == NULL)
		return;
	pthread_mutex_destroy(&c->lock);
	sodium_memzero(c, sizeof(*c));
	free(c);
}

/* Adds a fact, its length first, so no two lists of facts hash alike. */
static void
add_fact(crypto_generichash_state *st, const char *fact)
{
	uint64_t n = fact != NULL ? strlen(fact) : UINT64_MAX;

	crypto_generichash_update(st, (const unsigned char *)&n, sizeof(n));
	if (fact != NULL)
		crypto_generichash_update(st, (const unsigned char *)fact,
		                          (size_t)n);
}

/* Hashes the facts as stored, before NFC: the digest is a function of
 * them, and skipping it on a hit saves a tenth of a request. */
static void
fingerprint(const struct sig_cache *c, const unsigned char pk[32],
            const struct vcode *code, const struct vcode_facts *f,
            unsigned char out[SIG_HASH])
{
	crypto_generichash_state st;
	unsigned char head[5] = { (unsigned char)code->key_id,
		                  (unsigned char)(code->serial >> 24),
		                  (unsigned char)(code->serial >> 16),
		                  (unsigned char)(code->serial >> 8),
		                  (unsigned char)code->serial };

	crypto_generichash_init(&st, c->key, sizeof(c->key), SIG_HASH);
	crypto_generichash_update(&st, pk, 32);
	crypto_generichash_update(&st, head, sizeof(head));
	crypto_generichash_update(&st, code->sig, sizeof(code->sig));
	add_fact(&st, f->serial);
	add_fact(&st, f->recipient);
	add_fact(&st, f->entry);
	add_fact(&st, f->prize);
	add_fact(&st, f->edition);
	add_fact(&st, f->decision);
	add_fact(&st, f->issued);
	crypto_generichash_final(&st, out, SIG_HASH);
}

bool
sig_cache_verify(struct sig_cache *c, const unsigned char pk[32],
                 const struct vcode *code, const struct vcode_facts *f)
{
	unsigned char fp[SIG_HASH], digest[32];
	size_t at;
	bool known;

	fingerprint(c, pk, code, f, fp);
	at = ((size_t)fp[0] | (size_t)fp[1] << 8) % SIG_SLOTS;
	pthread_mutex_lock(&c->lock);
	known = sodium_memcmp(c->slot[at], fp, SIG_HASH) == 0;
	pthread_mutex_unlock(&c->lock);
	if (known)
		return true;
	if (vcode_facts_digest(f, digest) != 0 ||
	    !vcode_verify(pk, code, digest))
		return false;
	pthread_mutex_lock(&c->lock);
	memcpy(c->slot[at], fp, SIG_HASH);
	pthread_mutex_unlock(&c->lock);
	return true;
}

/* rubric_cache.c: parsed rubrics shared between requests.
 *
 * Every page and API call of an edition needs its rubric; parsing the
 * JSON (and NFC-checking every text in it) was the largest cost of a
 * sheet save. A stored rubric version never changes (an edit makes a new
 * version), so one parse per (edition, version) serves every request.
 * Each rubric is reference counted: a request keeps the one it started
 * with even when a newer version replaces it in the cache meanwhile. */
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

#define SLOTS      64
#define TEXT_SLOTS 16
#define TEXT_HASH  16

struct rubric_ref {
	int64_t edition;
	int version;
	unsigned char text[TEXT_HASH]; /* by_text: the JSON's hash */
	struct score_rubric *rubric;
	atomic_uint refs;
};

struct rubric_cache {
	pthread_mutex_t lock;
	struct rubric_ref *slot[SLOTS];
	size_t next; /* the slot a new edition takes when all are used */
	/* rubrics frozen in results snapshots, found by their text: every
	 * view of published results needs one, and parsing it was half of
	 * the public results page's time */
	struct rubric_ref *by_text[TEXT_SLOTS];
	size_t next_text;
};

struct rubric_cache *
rubric_cache_new(void)
{
	struct rubric_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	return c;
}

void
rubric_put(struct rubric_ref *ref)
{
	if (ref != NULL && atomic_fetch_sub(&ref->refs, 1) == 1) {
		score_rubric_free(ref->rubric);
		free(ref);
	}
}

void
rubric_cache_free(struct rubric_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < SLOTS; i++)
		rubric_put(c->slot[i]);
	for (size_t i = 0; i < TEXT_SLOTS; i++)
		rubric_put(c->by_text[i]);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

/* The edition's slot, or a free one, or the next to reuse. */
static size_t
slot_for(struct rubric_cache *c, int64_t edition)
{
	size_t free_slot = SLOTS;

	for (size_t i = 0; i < SLOTS; i++) {
		if (c->slot[i] != NULL && c->slot[i]->edition == edition)
			return i;
		if (c->slot[i] == NULL && free_slot == SLOTS)
			free_slot = i;
	}
	if (free_slot < SLOTS)
		return free_slot;
	c->next = (c->next + 1) % SLOTS;
	return c->next;
}

struct rubric_ref *
rubric_get(struct rubric_cache *c, int64_t edition, int version)
{
	struct rubric_ref *ref = NULL;

	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < SLOTS; i++) {
		struct rubric_ref *s = c->slot[i];

		if (s != NULL && s->edition == edition &&
		    s->version == version) {
			atomic_fetch_add(&s->refs, 1);
			ref = s;
			break;
		}
	}
	pthread_mutex_unlock(&c->lock);
	return ref;
}

struct rubric_ref *
rubric_add(struct rubric_cache *c, int64_t edition, int version,
           struct score_rubric *rubric)
{
	struct rubric_ref *ref = xcalloc(1, sizeof(*ref));
	struct rubric_ref *old;
	size_t i;

	ref->edition = edition;
	ref->version = version;
	ref->rubric = rubric;
	atomic_init(&ref->refs, 2); /* the cache's and the caller's */
	pthread_mutex_lock(&c->lock);
	i = slot_for(c, edition);
	old = c->slot[i];
	/* two requests may parse the same version at once; an older
	 * version never replaces a newer one */
	if (old != NULL && old->edition == edition && old->version > version) {
		pthread_mutex_unlock(&c->lock);
		atomic_store(&ref->refs, 1);
		return ref;
	}
	c->slot[i] = ref;
	pthread_mutex_unlock(&c->lock);
	rubric_put(old);
	return ref;
}

const struct score_rubric *
rubric_of(const struct rubric_ref *ref)
{
	return ref->rubric;
}

struct rubric_ref *
rubric_text(struct rubric_cache *c, const char *json, struct score_error *err)
{
	unsigned char h[TEXT_HASH];
	struct rubric_ref *ref = NULL, *old;
	struct score_rubric *rubric;

	crypto_generichash(h, sizeof(h), (const unsigned char *)json,
	                   strlen(json), NULL, 0);
	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < TEXT_SLOTS && ref == NULL; i++)
		if (c->by_text[i] != NULL &&
		    memcmp(c->by_text[i]->text, h, sizeof(h)) == 0) {
			ref = c->by_text[i];
			atomic_fetch_add(&ref->refs, 1);
		}
	pthread_mutex_unlock(&c->lock);
	if (ref != NULL)
		return ref;
	rubric = score_rubric_parse(json, strlen(json), err);
	if (rubric == NULL)
		return NULL;
	ref = xcalloc(1, sizeof(*ref));
	memcpy(ref->text, h, sizeof(h));
	ref->rubric = rubric;
	atomic_init(&ref->refs, 2); /* the cache's and the caller's */
	pthread_mutex_lock(&c->lock);
	old = c->by_text[c->next_text];
	c->by_text[c->next_text] = ref;
	c->next_text = (c->next_text + 1) % TEXT_SLOTS;
	pthread_mutex_unlock(&c->lock);
	rubric_put(old);
	return ref;
}

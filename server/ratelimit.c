/* ratelimit.c: sliding-window attempt counters (login, verification). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* Each key keeps its last attempts' times in a small ring. The table is
 * bounded: keys hash to a bucket of RL_WAYS slots, and when the bucket is
 * full its stalest key is recycled. A lookup touches one bucket only: the
 * public verification page takes this lock on every request, and a scan of
 * the whole table under it (as before) made the threads queue on it. */
#define RL_BUCKETS  1024
#define RL_WAYS     8
#define RL_ATTEMPTS 32
#define RL_KEY_SIZE 96

struct rl_slot {
	char key[RL_KEY_SIZE];
	int64_t at[RL_ATTEMPTS];
	int next;
	int64_t last;
};

struct ratelimit {
	pthread_mutex_t lock;
	/* the buckets' hash key, random per process: keys are chosen by
	 * clients (a login name), and with a known hash a few chosen names
	 * could push an account's count out of its bucket */
	unsigned char key[crypto_shorthash_KEYBYTES];
	struct rl_slot slots[RL_BUCKETS][RL_WAYS];
};

struct ratelimit *
ratelimit_new(void)
{
	struct ratelimit *rl = xcalloc(1, sizeof(*rl));

	pthread_mutex_init(&rl->lock, NULL);
	randombytes_buf(rl->key, sizeof(rl->key));
	return rl;
}

void
ratelimit_free(struct ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->lock);
	free(rl);
}

/* SipHash (keyed) over the key as stored (cut to the slot's size). */
static size_t
bucket_of(const struct ratelimit *rl, const char *key)
{
	unsigned char h[crypto_shorthash_BYTES];
	size_t n = strnlen(key, RL_KEY_SIZE - 1);

	crypto_shorthash(h, (const unsigned char *)key, n, rl->key);
	return ((size_t)h[0] | (size_t)h[1] << 8) % RL_BUCKETS;
}

/* The key's slot, or the stalest one of its bucket taken over for it. */
static struct rl_slot *
slot_for(struct ratelimit *rl, const char *key)
{
	struct rl_slot *way = rl->slots[bucket_of(rl, key)];
	struct rl_slot *stale = &way[0];

	for (size_t i = 0; i < RL_WAYS; i++) {
		if (strncmp(way[i].key, key, RL_KEY_SIZE - 1) == 0)
			return &way[i];
		if (way[i].last < stale->last)
			stale = &way[i];
	}
	memset(stale, 0, sizeof(*stale));
	snprintf(stale->key, sizeof(stale->key), "%s", key);
	return stale;
}

bool
ratelimit_allow(struct ratelimit *rl, const char *key, int max, int window)
{
	int64_t now = (int64_t)time(NULL);
	struct rl_slot *s;
	int recent = 0;

	if (max > RL_ATTEMPTS)
		max = RL_ATTEMPTS;
	pthread_mutex_lock(&rl->lock);
	s = slot_for(rl, key);
	for (int i = 0; i < RL_ATTEMPTS; i++)
		recent += s->at[i] != 0 && now - s->at[i] < window;
	if (recent < max) {
		s->at[s->next] = now;
		s->next = (s->next + 1) % RL_ATTEMPTS;
	}
	s->last = now;
	pthread_mutex_unlock(&rl->lock);
	return recent < max;
}

void
ratelimit_clear(struct ratelimit *rl, const char *key)
{
	pthread_mutex_lock(&rl->lock);
	memset(slot_for(rl, key)->at, 0, sizeof(rl->slots[0][0].at));
	pthread_mutex_unlock(&rl->lock);
}

void
ratelimit_refund(struct ratelimit *rl, const char *key)
{
	struct rl_slot *s;

	pthread_mutex_lock(&rl->lock);
	s = slot_for(rl, key);
	s->next = (s->next + RL_ATTEMPTS - 1) % RL_ATTEMPTS;
	s->at[s->next] = 0;
	pthread_mutex_unlock(&rl->lock);
}

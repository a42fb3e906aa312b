/* ratelimit.c: sliding-window attempt counters (login, verification). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* Each key keeps its last attempts' times in a small ring. The table is
 * bounded: when full, the stalest key is recycled. */
#define RL_KEYS     4096
#define RL_ATTEMPTS 32

struct rl_slot {
	char key[96];
	int64_t at[RL_ATTEMPTS];
	int next;
	int64_t last;
};

struct ratelimit {
	pthread_mutex_t lock;
	struct rl_slot slots[RL_KEYS];
};

struct ratelimit *
ratelimit_new(void)
{
	struct ratelimit *rl = xcalloc(1, sizeof(*rl));

	pthread_mutex_init(&rl->lock, NULL);
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

/* The key's slot, or the stalest one taken over for it. */
static struct rl_slot *
slot_for(struct ratelimit *rl, const char *key)
{
	struct rl_slot *stale = &rl->slots[0];

	for (size_t i = 0; i < RL_KEYS; i++) {
		if (strncmp(rl->slots[i].key, key, sizeof(stale->key) - 1) == 0)
			return &rl->slots[i];
		if (rl->slots[i].last < stale->last)
			stale = &rl->slots[i];
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
	memset(slot_for(rl, key)->at, 0, sizeof(rl->slots[0].at));
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

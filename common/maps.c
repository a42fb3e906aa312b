/* maps.c: open-addressing hash maps (string keys, int-pair keys). */
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* FNV-1a: simple and good enough for identifiers from one input file. */
static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* A 64-bit finaliser (splitmix64) to spread packed integer pairs. */
static uint64_t
hash_u64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
strmap_release(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->values);
	strmap_init(m);
}

static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash_str(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	i = strmap_slot(m, key);
	return m->keys[i] != NULL ? m->values[i] : -1;
}

static void
strmap_grow(struct strmap *m)
{
	char **old_keys = m->keys;
	int *old_values = m->values;
	size_t old_cap = m->cap;

	m->cap = old_cap ? old_cap * 2 : 16;
	m->keys = xcalloc(m->cap, sizeof(char *));
	m->values = xcalloc(m->cap, sizeof(int));
	for (size_t i = 0; i < old_cap; i++) {
		if (old_keys[i] != NULL) {
			size_t j = strmap_slot(m, old_keys[i]);

			m->keys[j] = old_keys[i];
			m->values[j] = old_values[i];
		}
	}
	free(old_keys);
	free(old_values);
}

void
strmap_put(struct strmap *m, const char *key, int value)
{
	size_t i;

	if ((m->count + 1) * 4 > m->cap * 3)
		strmap_grow(m);
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = xstrdup(key);
		m->count++;
	}
	m->values[i] = value;
}

void
pairmap_init(struct pairmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
pairmap_release(struct pairmap *m)
{
	free(m->keys);
	free(m->values);
	pairmap_init(m);
}

/* Key 0 marks an empty slot, so pairs are stored offset by one. */
static uint64_t
pair_key(int a, int b)
{
	return ((uint64_t)(uint32_t)a << 32 | (uint32_t)b) + 1;
}

static size_t
pairmap_slot(const struct pairmap *m, uint64_t key)
{
	size_t i = (size_t)hash_u64(key) & (m->cap - 1);

	while (m->keys[i] != 0 && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
pairmap_get(const struct pairmap *m, int a, int b)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	i = pairmap_slot(m, pair_key(a, b));
	return m->keys[i] != 0 ? m->values[i] : -1;
}

static void
pairmap_grow(struct pairmap *m)
{
	uint64_t *old_keys = m->keys;
	int *old_values = m->values;
	size_t old_cap = m->cap;

	m->cap = old_cap ? old_cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(uint64_t));
	m->values = xcalloc(m->cap, sizeof(int));
	for (size_t i = 0; i < old_cap; i++) {
		if (old_keys[i] != 0) {
			size_t j = pairmap_slot(m, old_keys[i]);

			m->keys[j] = old_keys[i];
			m->values[j] = old_values[i];
		}
	}
	free(old_keys);
	free(old_values);
}

void
pairmap_put(struct pairmap *m, int a, int b, int value)
{
	uint64_t key = pair_key(a, b);
	size_t i;

	if ((m->count + 1) * 4 > m->cap * 3)
		pairmap_grow(m);
	i = pairmap_slot(m, key);
	if (m->keys[i] == 0) {
		m->keys[i] = key;
		m->count++;
	}
	m->values[i] = value;
}

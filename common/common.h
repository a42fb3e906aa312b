/* common.h: tiny libc-only helpers shared by every module (the contract). */
#ifndef GIAMKHAO_COMMON_H
#define GIAMKHAO_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Allocation wrappers: they never return NULL. Running out of memory in a
 * judging tool is not recoverable in any useful way, so they print one line
 * and abort (git's xmalloc idiom).
 */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Resizes an array of count elements of size bytes, checking the product. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/*
 * A growable byte buffer with a hard size cap (curl's dynbuf). Appending
 * past the cap fails, sets `overflow` and leaves the contents unchanged, so
 * a runaway producer cannot take the whole memory. The data is always
 * NUL-terminated. Initialise with buf_init(); release with buf_release().
 */
struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
	bool overflow;
};

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
int buf_append(struct buf *b, const void *data, size_t len);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Hands the data to the caller (free() it) and resets the buffer. */
char *buf_detach(struct buf *b, size_t *len);

/*
 * A map from strings to non-negative integers (open addressing). Keys are
 * copied. strmap_get returns -1 when the key is absent.
 */
struct strmap {
	char **keys;
	int *values;
	size_t cap;
	size_t count;
};

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);
int strmap_get(const struct strmap *m, const char *key);
/* Inserts or replaces. */
void strmap_put(struct strmap *m, const char *key, int value);

/* A map from pairs of non-negative ints to non-negative ints. */
struct pairmap {
	uint64_t *keys;
	int *values;
	size_t cap;
	size_t count;
};

void pairmap_init(struct pairmap *m);
void pairmap_release(struct pairmap *m);
int pairmap_get(const struct pairmap *m, int a, int b);
void pairmap_put(struct pairmap *m, int a, int b, int value);

#endif

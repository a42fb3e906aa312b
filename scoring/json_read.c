/* json_read.c: typed getters over jansson objects with key-path errors. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
path_key(char *out, const char *parent, const char *key)
{
	if (parent == NULL || *parent == '\0')
		snprintf(out, PATH_MAX_LEN, "%s", key);
	else
		snprintf(out, PATH_MAX_LEN, "%s.%s", parent, key);
}

void
path_index(char *out, const char *parent, size_t index)
{
	snprintf(out, PATH_MAX_LEN, "%s[%zu]", parent, index);
}

int
jr_keys(json_t *obj, const char *path, const char *const *allowed,
        struct score_error *err)
{
	const char *key;
	json_t *value;
	char where[PATH_MAX_LEN];

	json_object_foreach(obj, key, value)
	{
		bool known = false;

		(void)value;
		for (size_t i = 0; allowed[i] != NULL; i++)
			known = known || strcmp(allowed[i], key) == 0;
		if (!known) {
			path_key(where, path, key);
			return fail(err, SCORE_E_UNKNOWN_KEY, where, NULL,
			            NULL);
		}
	}
	return 0;
}

/* Looks up `key`; fails when it is required and absent. */
static int
lookup(json_t *obj, const char *key, const char *path, bool required,
       json_t **out, struct score_error *err)
{
	char where[PATH_MAX_LEN];

	*out = json_object_get(obj, key);
	if (*out != NULL)
		return 1;
	if (!required)
		return 0;
	path_key(where, path, key);
	return fail(err, SCORE_E_MISSING_KEY, where, NULL, NULL);
}

static int
type_error(const char *path, const char *key, const char *type,
           struct score_error *err)
{
	char where[PATH_MAX_LEN];

	path_key(where, path, key);
	return fail(err, SCORE_E_TYPE, where, type, NULL);
}

int
jr_object(json_t *obj, const char *key, const char *path, bool required,
          json_t **out, struct score_error *err)
{
	int rc = lookup(obj, key, path, required, out, err);

	if (rc == 1 && !json_is_object(*out))
		return type_error(path, key, "object", err);
	return rc;
}

int
jr_array(json_t *obj, const char *key, const char *path, bool required,
         json_t **out, struct score_error *err)
{
	int rc = lookup(obj, key, path, required, out, err);

	if (rc == 1 && !json_is_array(*out))
		return type_error(path, key, "array", err);
	return rc;
}

/* Copies a JSON string as NFC (jansson has already checked UTF-8). */
static char *
nfc_string(json_t *v)
{
	return score_nfc(json_string_value(v), json_string_length(v));
}

/* Control characters other than tab and newline have no place in a
 * rubric's text and would garble terminals, CSV and PDF output. */
static bool
has_controls(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') ||
		    *s == 0x7f)
			return true;
	return false;
}

/* Drops the spaces, tabs and newlines around a string, in place. */
static void
trim_in_place(char *s)
{
	size_t len = strlen(s), start = 0;

	while (len > 0 && strchr(" \t\n", s[len - 1]) != NULL)
		len--;
	while (start < len && strchr(" \t\n", s[start]) != NULL)
		start++;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
}

static int
string_error(char **out, enum score_err code, const char *where,
             const char *detail, struct score_error *err)
{
	free(*out);
	*out = NULL;
	return fail(err, code, where, detail, NULL);
}

int
jr_string(json_t *obj, const char *key, const char *path, bool required,
          char **out, struct score_error *err)
{
	char where[PATH_MAX_LEN], limit[32];
	json_t *v;
	int rc = lookup(obj, key, path, required, &v, err);

	if (rc != 1)
		return rc;
	if (!json_is_string(v))
		return type_error(path, key, "string", err);
	path_key(where, path, key);
	*out = NULL;
	if (json_string_length(v) > SCORE_MAX_TEXT_BYTES) {
		snprintf(limit, sizeof(limit), "%d", SCORE_MAX_TEXT_BYTES);
		return fail(err, SCORE_E_TOO_LONG, where, limit, NULL);
	}
	*out = nfc_string(v);
	if (*out == NULL || has_controls(*out))
		return string_error(out, SCORE_E_BAD_TEXT, where, NULL, err);
	if (**out == '\0')
		return string_error(out, SCORE_E_EMPTY, where, NULL, err);
	return 1;
}

/* An identifier: a string without surrounding spaces (they are dropped,
 * as in the scores CSV, so that the two always match). */
int
jr_id(json_t *obj, const char *key, const char *path, char **out,
      struct score_error *err)
{
	char where[PATH_MAX_LEN], limit[32];
	int rc = jr_string(obj, key, path, true, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	trim_in_place(*out);
	if (**out == '\0')
		return string_error(out, SCORE_E_EMPTY, where, NULL, err);
	if (strlen(*out) > SCORE_MAX_ID_BYTES) {
		snprintf(limit, sizeof(limit), "%d", SCORE_MAX_ID_BYTES);
		return string_error(out, SCORE_E_TOO_LONG, where, limit, err);
	}
	return 1;
}

int
jr_text(json_t *obj, const char *key, const char *path, bool required,
        struct score_text *out, struct score_error *err)
{
	static const char *const keys[] = { "vi", "en", NULL };
	char where[PATH_MAX_LEN];
	json_t *v;
	int rc = lookup(obj, key, path, required, &v, err);

	if (rc != 1)
		return rc;
	if (!json_is_object(v))
		return type_error(path, key, "title", err);
	path_key(where, path, key);
	if (jr_keys(v, where, keys, err) != 0)
		return -1;
	if (jr_string(v, "vi", where, true, &out->vi, err) < 0)
		return -1;
	if (jr_string(v, "en", where, false, &out->en, err) < 0)
		return -1;
	return 1;
}

/*
 * jansson keeps reals as doubles, so 0.1 arrives as the nearest double. The
 * decimal with the fewest places (up to 12) that reads back as that double
 * is the one the author wrote: 0.1 becomes exactly 1/10 and 30.0 becomes 30.
 * Returns 0, -1 for too many places, -2 for a magnitude above 10^15.
 */
static int
real_to_q(double d, struct score_q *out)
{
	char text[64];
	const char *digits = text;
	bool negative = d < 0, found = false;

	if (!isfinite(d) || fabs(d) > 1e15)
		return -2;
	if (d == floor(d)) {
		*out = q_make((int64_t)d, 1);
		return 0;
	}
	for (int places = 1; places <= 12 && !found; places++) {
		snprintf(text, sizeof(text), "%.*f", places, fabs(d));
		found = strtod(text, NULL) == fabs(d);
	}
	if (!found || score_q_parse(digits, out) != 0)
		return -1;
	if (negative)
		out->num = -out->num;
	return 0;
}

int
jr_number(json_t *obj, const char *key, const char *path, bool required,
          struct score_q *out, struct score_error *err)
{
	char where[PATH_MAX_LEN], text[64];
	json_t *v;
	int rc = lookup(obj, key, path, required, &v, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);

		if (i > 1000000000000000LL || i < -1000000000000000LL) {
			snprintf(text, sizeof(text), "%lld", (long long)i);
			return fail(err, SCORE_E_TOO_LARGE, where, text,
			            "10^15");
		}
		*out = q_make((int64_t)i, 1);
		return 1;
	}
	if (!json_is_real(v))
		return type_error(path, key, "number", err);
	rc = real_to_q(json_real_value(v), out);
	snprintf(text, sizeof(text), "%.15g", json_real_value(v));
	if (rc == -2)
		return fail(err, SCORE_E_TOO_LARGE, where, text, "10^15");
	if (rc != 0)
		return fail(err, SCORE_E_DECIMALS, where, text, "12");
	return 1;
}

int
jr_integer(json_t *obj, const char *key, const char *path, bool required,
           int64_t *out, struct score_error *err)
{
	char where[PATH_MAX_LEN], text[64];
	struct score_q q;
	int rc = jr_number(obj, key, path, required, &q, err);

	if (rc != 1)
		return rc;
	if (q.den != 1) {
		path_key(where, path, key);
		score_q_format(q, text, sizeof(text));
		return fail(err, SCORE_E_NOT_INTEGER, where, text, NULL);
	}
	*out = q.num;
	return 1;
}

int
jr_enum(json_t *obj, const char *key, const char *path, bool required,
        const char *const *names, size_t count, int *out,
        struct score_error *err)
{
	char where[PATH_MAX_LEN], allowed[256];
	size_t used = 0;
	char *value = NULL;
	int rc = jr_string(obj, key, path, required, &value, err);

	if (rc != 1)
		return rc;
	for (size_t i = 0; i < count; i++) {
		if (strcmp(names[i], value) == 0) {
			free(value);
			*out = (int)i;
			return 1;
		}
		if (used < sizeof(allowed))
			used += (size_t)snprintf(allowed + used,
			                         sizeof(allowed) - used, "%s%s",
			                         i > 0 ? ", " : "", names[i]);
	}
	path_key(where, path, key);
	score_error_set(err, SCORE_E_ENUM, where, value, allowed);
	free(value);
	return -1;
}

int
q_check_places(struct score_q q, int places, const char *path,
               struct score_error *err)
{
	char text[64], limit[16];

	if (pow10_i64(places) % q.den == 0)
		return 0;
	score_q_format(q, text, sizeof(text));
	snprintf(limit, sizeof(limit), "%d", places);
	return fail(err, SCORE_E_DECIMALS, path, text, limit);
}

int
q_check_range(struct score_q q, bool allow_zero, int64_t limit,
              const char *path, struct score_error *err)
{
	char text[64], bound[32];

	score_q_format(q, text, sizeof(text));
	if (q.num < 0 || (q.num == 0 && !allow_zero))
		return fail(
		    err, allow_zero ? SCORE_E_NEGATIVE : SCORE_E_NOT_POSITIVE,
		    path, text, NULL);
	if (limit > 0 && cmp_frac(q.num, q.den, limit, 1) > 0) {
		snprintf(bound, sizeof(bound), "%lld", (long long)limit);
		return fail(err, SCORE_E_TOO_LARGE, path, text, bound);
	}
	return 0;
}

/* A number that must be > 0 (or >= 0), within limit, with few places. */
int
read_amount(json_t *obj, const char *key, const char *path, bool required,
            bool allow_zero, int64_t limit, int places, struct score_q *out,
            struct score_error *err)
{
	char where[PATH_MAX_LEN];
	int rc = jr_number(obj, key, path, required, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	if (q_check_range(*out, allow_zero, limit, where, err) != 0 ||
	    q_check_places(*out, places, where, err) != 0)
		return -1;
	return 1;
}

/*
 * A threshold compared with published scores (a tier's min, the floor).
 * It may be negative: normalised scores can be.
 */
int
read_threshold(json_t *obj, const char *key, const char *path, bool required,
               struct score_q *out, struct score_error *err)
{
	char where[PATH_MAX_LEN];
	struct score_q mag;
	int rc = jr_number(obj, key, path, required, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	mag = q_make(out->num < 0 ? -out->num : out->num, out->den);
	if (q_check_range(mag, true, 100000000, where, err) != 0 ||
	    q_check_places(*out, SCORE_MAX_RUBRIC_DEC, where, err) != 0)
		return -1;
	return 1;
}

/* A whole number within [min, max]. */
int
read_count(json_t *obj, const char *key, const char *path, int64_t min,
           int64_t max, int64_t *out, struct score_error *err)
{
	char where[PATH_MAX_LEN], text[32], bound[32];
	int rc = jr_integer(obj, key, path, false, out, err);

	if (rc != 1)
		return rc;
	path_key(where, path, key);
	snprintf(text, sizeof(text), "%lld", (long long)*out);
	if (*out < min)
		return fail(err,
		            min > 0 ? SCORE_E_NOT_POSITIVE : SCORE_E_NEGATIVE,
		            where, text, NULL);
	if (*out > max) {
		snprintf(bound, sizeof(bound), "%lld", (long long)max);
		return fail(err, SCORE_E_TOO_LARGE, where, text, bound);
	}
	return 1;
}

/*
 * Checks a list's length and stores it in *out, only when valid: callers
 * allocate that many elements next, and the rubric's release loops over
 * the stored count.
 */
int
list_size(json_t *list, const char *path, size_t min, size_t max, size_t *out,
          struct score_error *err)
{
	char limit[32];
	size_t n = json_array_size(list);

	if (n < min)
		return fail(err, SCORE_E_EMPTY, path, NULL, NULL);
	if (n > max) {
		snprintf(limit, sizeof(limit), "%zu", max);
		return fail(err, SCORE_E_TOO_MANY, path, limit, NULL);
	}
	*out = n;
	return 0;
}

int
element_object(json_t *list, size_t i, const char *path, char *where,
               json_t **out, struct score_error *err)
{
	path_index(where, path, i);
	*out = json_array_get(list, i);
	if (!json_is_object(*out))
		return fail(err, SCORE_E_TYPE, where, "object", NULL);
	return 0;
}

/* Fails when ids[n] repeats an earlier id. */
int
check_unique(char *const *ids, size_t stride, size_t n, const char *path,
             struct score_error *err)
{
	const char *id = *(char *const *)((const char *)ids + n * stride);
	char where[PATH_MAX_LEN];

	for (size_t i = 0; i < n; i++) {
		if (strcmp(*(char *const *)((const char *)ids + i * stride),
		           id) == 0) {
			path_key(where, path, "id");
			return fail(err, SCORE_E_DUPLICATE_ID, where, id, NULL);
		}
	}
	return 0;
}

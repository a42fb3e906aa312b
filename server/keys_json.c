/* keys_json.c: the certificates' public keys as anyone reads them: each
 * key's state, and the published keys document (/.well-known/giamkhao-
 * keys.json, `giamkhao keys export`) a verifier checks codes with. */
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <time.h>

#include "server.h"

int
keys_public(struct db_read *rd, unsigned id, struct db_signing_key *out)
{
	return db_key_get(rd, id, out);
}

const char *
keys_state(const struct db_signing_key *k)
{
	if (k->revoked_at != 0)
		return "revoked";
	return k->retired_at != 0 ? "retired" : "active";
}

/* A date as the published document has it (UTC): "2026-11-26". */
static json_t *
json_date(int64_t at)
{
	time_t t = (time_t)at;
	struct tm tm;
	char out[32];

	if (at == 0)
		return json_null();
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof(out), "%Y-%m-%d", &tm) == 0)
		return NULL;
	return json_string(out);
}

struct json_keys {
	json_t *array;
	bool failed;
};

static int
json_key(const struct db_signing_key *k, void *arg)
{
	struct json_keys *jk = arg;
	char b64[64];
	json_t *o;

	sodium_bin2base64(b64, sizeof(b64), k->public_key, 32,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	o = json_pack("{s:I, s:s, s:o, s:o, s:o, s:s}", "id", (json_int_t)k->id,
	              "public_key", b64, "created", json_date(k->created_at),
	              "retired", json_date(k->retired_at), "revoked",
	              json_date(k->revoked_at), "reason", k->reason);
	if (o == NULL || json_array_append_new(jk->array, o) != 0)
		jk->failed = true;
	return jk->failed ? -1 : 0;
}

int
keys_json(struct db_read *rd, struct buf *out)
{
	struct json_keys jk = { json_array(), false };
	json_t *doc = json_pack("{s:s, s:o}", "format", "giamkhao-keys/1",
	                        "keys", jk.array);
	char *text = NULL;
	int rc = doc != NULL ? db_key_each(rd, json_key, &jk) : -1;

	if (rc == 0 && !jk.failed)
		text = json_dumps(doc, JSON_INDENT(2));
	if (text == NULL || buf_puts(out, text) != 0 ||
	    buf_putc(out, '\n') != 0)
		rc = -1;
	free(text);
	json_decref(doc);
	return rc;
}

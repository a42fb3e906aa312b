/* h_verify.c: verifying a certificate, for anyone, without logging in:
 * GET /v/CODE (the QR's URL, any case; ".json" for machines), GET /v with
 * a typed short code, and the published keys. A code is checked against
 * its stored certificate: the signature over the stored facts with the
 * published key, then the key's and the certificate's revocation. Every
 * answer is a page (never an error page), says nothing the certificate
 * does not print, and is rate-limited per address and logged. */
#include <stdio.h>
#include <string.h>

#include "../certificates/vcode.h"
#include "server.h"

/* Verifications per address: at most 30 in any 3 seconds (600 a
 * minute). A hall of people scanning their certificates behind one
 * school's address stays under it; a script walking codes is held to ten
 * a second. */
#define VERIFY_BURST  30
#define VERIFY_WINDOW 3

static const char *const status_names[VERIFY__MAX] = {
	[VERIFY_GENUINE] = "genuine",         [VERIFY_REVOKED] = "revoked",
	[VERIFY_KEY_REVOKED] = "key_revoked", [VERIFY_TAMPERED] = "tampered",
	[VERIFY_NOT_VALID] = "not_valid",
};

struct verified {
	struct verify_view v;
	struct db_cert c;
	struct db_edition e;
	struct db_signing_key k;
	char serial[16], issued[16], replacement[160];
};

/* The stored certificate against the code: its signature, its key. */
static enum verify_status
judge(struct sig_cache *sigs, struct verified *x, const struct vcode *code,
      struct db_read *rd)
{
	char text[VCODE_CHARS + 1];
	struct vcode_facts f;
	char serial[16];

	/* found by its serial (the row's key), then it must be the very
	 * code stored: the same answer as a lookup by the code's text, for
	 * half the database's work */
	vcode_encode(code, text);
	if (db_cert_get(rd, (int64_t)code->serial, &x->c) != 0 ||
	    strcmp(x->c.code, text) != 0)
		return VERIFY_NOT_VALID;
	if (keys_public(rd, code->key_id, &x->k) != 0)
		return VERIFY_TAMPERED; /* a row naming a key never published */
	certs_facts(&x->c, serial, &f);
	if ((int64_t)code->serial != x->c.id || code->key_id != x->c.key_id ||
	    !sig_cache_verify(sigs, x->k.public_key, code, &f))
		return VERIFY_TAMPERED;
	if (x->k.revoked_at != 0)
		return VERIFY_KEY_REVOKED;
	return x->c.revoked_at != 0 ? VERIFY_REVOKED : VERIFY_GENUINE;
}

/* What the page shows of a certificate that exists. */
static void
show_facts(struct verified *x, struct db_read *rd)
{
	struct db_cert next;

	snprintf(x->serial, sizeof(x->serial), "%06lld", (long long)x->c.id);
	date_vn(x->c.issued, x->issued, sizeof(x->issued));
	x->v.serial = x->serial;
	x->v.recipient = x->c.recipient;
	x->v.entry = x->c.entry;
	x->v.field = x->c.field;
	x->v.prize = x->c.prize;
	x->v.edition = x->c.edition;
	x->v.decision = x->c.decision;
	x->v.issued = x->issued;
	x->v.key_id = x->c.key_id;
	x->v.issuer = db_edition_get(rd, x->c.edition_id, &x->e) == 0
	                  ? x->e.org_name
	                  : "";
	x->v.reason = x->v.status == VERIFY_KEY_REVOKED ? x->k.reason
	                                                : x->c.revoked_reason;
	if (x->c.replaced_by != 0 &&
	    db_cert_get(rd, x->c.replaced_by, &next) == 0)
		snprintf(x->replacement, sizeof(x->replacement), "/v/%s",
		         next.code);
}

static void
verify(struct req *r, const char *text, size_t len, struct verified *x)
{
	struct vcode code;
	struct db_read *rd;

	x->v = (struct verify_view){ .status = VERIFY_NOT_VALID,
		                     .asked = true,
		                     .code = "",
		                     .reason = "",
		                     .replacement = x->replacement };
	/* a malformed code, a wrong check symbol: the same "not valid" */
	if (vcode_decode(text, len, &code) != VCODE_GENUINE)
		return;
	rd = db_read_begin(r->app->db);
	x->v.status = judge(r->app->sigs, x, &code, rd);
	if (x->v.status == VERIFY_GENUINE || x->v.status == VERIFY_REVOKED ||
	    x->v.status == VERIFY_KEY_REVOKED)
		show_facts(x, rd);
	db_read_end(rd);
}

static json_t *
facts_json(const struct verified *x)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "serial",
	                 x->serial, "recipient", x->c.recipient, "entry",
	                 x->c.entry, "prize", x->c.prize, "edition",
	                 x->c.edition, "decision", x->c.decision, "issued",
	                 x->c.issued);
}

static void
answer_json(struct req *r, const struct verified *x)
{
	json_t *o = json_pack("{s:s}", "status", status_names[x->v.status]);

	if (x->v.status == VERIFY_GENUINE || x->v.status == VERIFY_REVOKED ||
	    x->v.status == VERIFY_KEY_REVOKED) {
		json_object_set_new(o, "facts", facts_json(x));
		json_object_set_new(o, "key_id", json_integer(x->c.key_id));
		json_object_set_new(o, "revoked_reason",
		                    json_string(x->v.reason));
		if (*x->replacement != '\0')
			json_object_set_new(o, "replaced_by",
			                    json_string(x->replacement));
	}
	respond_json(r, 200, o);
}

static bool
limited(struct req *r)
{
	char key[96];

	snprintf(key, sizeof(key), "verify:%s", r->address);
	if (ratelimit_allow(r->app->limits, key, VERIFY_BURST, VERIFY_WINDOW))
		return false;
	respond_error(r, 429);
	return true;
}

static void
page(struct req *r, const struct verify_view *v)
{
	struct page p = req_page(r, T(r->lang, MSG_VERIFY_TITLE));

	buf_reset(&r->out);
	page_verify(&r->out, &p, v);
}

void
h_verify_code(struct req *r)
{
	struct verified *x = xcalloc(1, sizeof(*x));
	size_t len = strlen(r->word);
	bool json = len > 5 && strcmp(r->word + len - 5, ".json") == 0;

	if (!limited(r)) {
		verify(r, r->word, json ? len - 5 : len, x);
		/* the code's start, unless it holds what a log must not */
		log_line("verify %s %s %.16s", r->address,
		         status_names[x->v.status],
		         strspn(r->word, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                         "abcdefghijklmnopqrstuvwxyz-.") == len
		             ? r->word
		             : "(?)");
		if (json)
			answer_json(r, x);
		else
			page(r, &x->v);
	}
	free(x);
}

/* The form, and a typed short code: its certificate's page. */
void
h_verify_form(struct req *r)
{
	const char *typed = form_get(&r->form, "code");
	struct verify_view v = { .code = "", .reason = "", .replacement = "" };
	struct db_cert *c;
	struct db_read *rd;
	char where[160];
	int64_t serial;
	int rc = DB_NOTFOUND;

	if (typed == NULL || *typed == '\0') {
		page(r, &v);
		return;
	}
	if (limited(r))
		return;
	serial = vcode_short_parse(typed, strlen(typed));
	c = xmalloc(sizeof(*c));
	if (serial > 0) {
		rd = db_read_begin(r->app->db);
		rc = db_cert_get(rd, serial, c);
		db_read_end(rd);
	}
	log_line("verify %s short %s", r->address,
	         rc == 0 ? "found" : "unknown");
	if (rc == 0) {
		snprintf(where, sizeof(where), "/v/%s", c->code);
		respond_redirect(r, where);
	} else {
		v.short_not_found = true;
		r->status = 404;
		page(r, &v);
	}
	free(c);
}

void
h_keys_json(struct req *r)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = keys_json(rd, &r->out);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, 500);
		return;
	}
	r->type = "application/json; charset=utf-8";
}

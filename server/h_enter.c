/* h_enter.c: logging in with a single-use login link (a judge's login
 * card, the demo's printed links) or a card's short code.
 *
 * Opening the link (GET) only shows a button: link previews, QR apps and
 * HEAD requests fetch URLs on their own, and must not use a card up; a
 * page elsewhere must not be able to log the browser into someone else's
 * card either. The button posts the link's token with the form token
 * (POST /enter), and only that uses the card and opens the session, in
 * one transaction. A typed code posts to the same place. */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* The hash of a link's token; -1 when it cannot be one. */
static int
link_hash(const char *token, uint8_t hash[32])
{
	uint8_t raw[TOKEN_BYTES];

	if (!token_read(token, raw))
		return -1;
	crypto_hash_sha256(hash, raw, sizeof(raw));
	return 0;
}

void
h_enter(struct req *r)
{
	const char *token = form_get(&r->form, "t");
	struct db_read *rd;
	struct page p;
	uint8_t hash[32];
	int rc = DB_NOTFOUND;

	if (link_hash(token, hash) == 0) {
		rd = db_read_begin(r->app->db);
		rc = db_link_usable(rd, hash, (int64_t)time(NULL));
		db_read_end(rd);
	}
	if (rc != 0) {
		login_page(r, "", MSG_LINK_INVALID);
		r->status = 410;
		return;
	}
	p = req_page(r, T(r->lang, MSG_CODE_ENTER));
	page_enter(&r->out, &p, token, session_login_token(r));
}

/* Uses a link (`code` false) or a card's code by its hash and opens the
 * session it gives, bound to the card's edition, in one transaction.
 * 0, DB_NOTFOUND (unknown, used, revoked or expired) or -1. */
static int
enter(struct req *r, bool code, const uint8_t hash[32])
{
	struct db_actor who = { 0, r->address };
	struct db_link_login got = { 0 };
	int64_t now = (int64_t)time(NULL);
	struct db_tx *tx = db_begin(r->app->db, &who);
	char token[44];
	int rc = tx == NULL ? -1
	         : code     ? db_code_use(tx, hash, now, r->address, &got)
	                    : db_link_use(tx, hash, now, r->address, &got);

	if (rc == 0)
		rc = session_create_in(tx, r, got.user_id, got.edition_id,
		                       token);
	if (rc != 0) {
		db_rollback(tx);
		return rc;
	}
	if (db_commit(tx) != 0)
		return -1;
	session_cookie(r, token);
	sodium_memzero(token, sizeof(token));
	return 0;
}

/* A typed code: a well-formed one that fails counts against the address
 * (in a bucket of its own: a card's 40 random bits are safe behind it);
 * one that succeeds does not (a venue's tablets may share an address). */
static void
enter_code(struct req *r, const char *code)
{
	char key[96];
	uint8_t hash[32];
	int rc;

	if (card_code_hash(code, hash) != 0) {
		login_page(r, "", MSG_CODE_FORMAT);
		r->status = 400;
		return;
	}
	snprintf(key, sizeof(key), "code:%s", r->address);
	if (!ratelimit_allow(r->app->limits, key, LOGIN_PER_ADDRESS,
	                     LOGIN_WINDOW)) {
		login_page(r, "", MSG_LOGIN_THROTTLED);
		r->status = 429;
		return;
	}
	rc = enter(r, true, hash);
	if (rc == 0) {
		ratelimit_refund(r->app->limits, key);
		respond_redirect(r, "/");
		return;
	}
	login_page(r, "", rc == DB_NOTFOUND ? MSG_CODE_INVALID : MSG_LOGIN);
	r->status = rc == DB_NOTFOUND ? 401 : 500;
}

/* The button of a link's page, or the code form of the login page. A
 * link's token has 256 random bits: no limit per address is needed, and
 * none would let one tablet lock its neighbours out. */
void
h_enter_post(struct req *r)
{
	const char *token = form_get(&r->form, "t");
	uint8_t hash[32];
	int rc = DB_NOTFOUND;

	if (!session_csrf_ok(r)) {
		login_page(r, "", MSG_CSRF);
		r->status = 400;
		return;
	}
	if (token == NULL) {
		enter_code(r, form_get(&r->form, "code"));
		return;
	}
	if (link_hash(token, hash) == 0)
		rc = enter(r, false, hash);
	if (rc == 0) {
		respond_redirect(r, "/");
		return;
	}
	login_page(r, "", MSG_LINK_INVALID);
	r->status = rc == DB_NOTFOUND ? 410 : 500;
}

/* h_auth.c: logging in and out, and the start page. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* Login attempts: per account and per address, in a 15-minute window. */
#define LOGIN_WINDOW      900
#define LOGIN_PER_ACCOUNT 5
#define LOGIN_PER_ADDRESS 30

static void
login_page(struct req *r, const char *login, enum msg error)
{
	struct page p = req_page(r, T(r->lang, MSG_LOGIN));

	buf_reset(&r->out);
	page_login(&r->out, &p, login, error, session_login_token(r));
}

void
h_login_form(struct req *r)
{
	if (r->actor.role != ROLE_ANONYMOUS) {
		respond_redirect(r, "/");
		return;
	}
	login_page(r, "", MSG__MAX);
}

/*
 * Checks the password. An unknown login still costs one Argon2id
 * verification, so timing does not tell which logins exist.
 */
static bool
password_ok(struct req *r, const char *login, const char *password,
            struct db_user *u)
{
	const char *dummy = r->app->dummy_hash;
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_user_by_login(rd, login, u);
	bool found = rc == 0 && !u->disabled && u->password_hash[0] != '\0';

	db_read_end(rd);
	if (crypto_pwhash_str_verify(found ? u->password_hash : dummy, password,
	                             strlen(password)) != 0)
		return false;
	return found;
}

/* A new session: a random token for the cookie, its hash for the row. */
static int
open_session(struct req *r, int64_t user_id, int64_t edition_id, char token[44])
{
	struct db_actor who = { user_id, r->address };
	struct db_session s = { 0 };
	uint8_t raw[32], hash[32];
	struct db_tx *tx;
	int64_t id;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, 44, raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_hash_sha256(hash, raw, sizeof(raw));
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(s.csrf, sizeof(s.csrf), raw, sizeof(raw));
	s.user_id = user_id;
	s.edition_id = edition_id;
	s.created_at = (int64_t)time(NULL);
	s.expires_at = s.created_at + SESSION_MAX_SECONDS;
	tx = db_begin(r->app->db, &who);
	if (tx == NULL ||
	    db_session_create(tx, hash, &s, r->address, &id) != 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx);
}

void
h_login(struct req *r)
{
	const char *login = form_get(&r->form, "login");
	const char *password = form_get(&r->form, "password");
	char key[128];
	struct db_user u;

	if (login == NULL || password == NULL || !session_csrf_ok(r)) {
		login_page(r, login != NULL ? login : "", MSG_CSRF);
		r->status = 400;
		return;
	}
	snprintf(key, sizeof(key), "login:%s", login);
	if (!ratelimit_allow(r->app->limits, key, LOGIN_PER_ACCOUNT,
	                     LOGIN_WINDOW) ||
	    !ratelimit_allow(r->app->limits, r->address, LOGIN_PER_ADDRESS,
	                     LOGIN_WINDOW)) {
		login_page(r, login, MSG_LOGIN_THROTTLED);
		r->status = 429;
		return;
	}
	if (!password_ok(r, login, password, &u)) {
		login_page(r, login, MSG_LOGIN_FAILED);
		r->status = 401;
		return;
	}
	if (session_start(r, u.id, 0) != 0) {
		respond_error(r, 500);
		return;
	}
	ratelimit_clear(r->app->limits, key);
	ratelimit_refund(r->app->limits, r->address);
	respond_redirect(r, "/");
}

int
session_start(struct req *r, int64_t user_id, int64_t edition_id)
{
	char token[44], cookie[256];

	if (open_session(r, user_id, edition_id, token) != 0)
		return -1;
	snprintf(cookie, sizeof(cookie),
	         "gk_session=%s; Path=/; HttpOnly; SameSite=Strict; "
	         "Max-Age=%lld%s",
	         token, (long long)SESSION_MAX_SECONDS,
	         r->app->secure ? "; Secure" : "");
	respond_cookie(r, cookie);
	return 0;
}

/* Uses a link's token or a card's code (by its hash) and opens the
 * session it gives, bound to the card's edition. 0, or DB_NOTFOUND for a
 * link or code that is unknown, used, revoked or expired. */
static int
enter(struct req *r, bool code, const uint8_t hash[32])
{
	struct db_actor who = { 0, r->address };
	struct db_link_login got = { 0 };
	int64_t now = (int64_t)time(NULL);
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx == NULL ? -1
	         : code     ? db_code_use(tx, hash, now, r->address, &got)
	                    : db_link_use(tx, hash, now, r->address, &got);

	rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), rc);
	if (rc == 0)
		rc = session_start(r, got.user_id, got.edition_id);
	if (rc == 0)
		ratelimit_refund(r->app->limits, r->address);
	return rc;
}

static bool
address_allowed(struct req *r)
{
	if (ratelimit_allow(r->app->limits, r->address, LOGIN_PER_ADDRESS,
	                    LOGIN_WINDOW))
		return true;
	login_page(r, "", MSG_LOGIN_THROTTLED);
	r->status = 429;
	return false;
}

/*
 * A single-use login link (a QR login card, the demo's printed links):
 * the token's hash is marked used and a session opens, in one step. Any
 * failure looks the same: the login page with one message.
 */
void
h_enter(struct req *r)
{
	const char *token = form_get(&r->form, "t");
	uint8_t raw[32], hash[32];
	size_t len = 0;

	if (!address_allowed(r))
		return;
	if (token != NULL && strlen(token) == 43 &&
	    sodium_base642bin(raw, sizeof(raw), token, 43, NULL, &len, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
	    len == sizeof(raw)) {
		crypto_hash_sha256(hash, raw, sizeof(raw));
		if (enter(r, false, hash) == 0) {
			respond_redirect(r, "/");
			return;
		}
	}
	login_page(r, "", MSG_LINK_INVALID);
	r->status = 410;
}

/* The short code of a login card, typed on the login page. Counted
 * against the address's login attempts, like a password. */
void
h_enter_code(struct req *r)
{
	const char *code = form_get(&r->form, "code");
	uint8_t hash[32];

	if (!session_csrf_ok(r)) {
		login_page(r, "", MSG_CSRF);
		r->status = 400;
		return;
	}
	if (!address_allowed(r))
		return;
	if (card_code_hash(code, hash) != 0) {
		login_page(r, "", MSG_CODE_FORMAT);
		r->status = 400;
		return;
	}
	if (enter(r, true, hash) == 0) {
		respond_redirect(r, "/");
		return;
	}
	login_page(r, "", MSG_CODE_INVALID);
	r->status = 401;
}

void
h_logout(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	tx = db_begin(r->app->db, &who);
	if (tx == NULL || db_session_delete(tx, r->actor.session_id) != 0 ||
	    db_commit(tx) != 0) {
		respond_error(r, 500);
		return;
	}
	respond_cookie(r, "gk_session=; Path=/; HttpOnly; SameSite=Strict; "
	                  "Max-Age=0");
	respond_redirect(r, "/login");
}

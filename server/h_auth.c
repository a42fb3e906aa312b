/* h_auth.c: logging in and out, and the start page. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

#define LOGIN_PER_ACCOUNT 5

void
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

int
session_create_in(struct db_tx *tx, struct req *r, int64_t user_id,
                  int64_t edition_id, char token[44])
{
	struct db_session s = { 0 };
	uint8_t raw[32], hash[32];
	int64_t id;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, 44, raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_hash_sha256(hash, raw, sizeof(raw));
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(s.csrf, sizeof(s.csrf), raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	s.user_id = user_id;
	s.edition_id = edition_id;
	s.created_at = (int64_t)time(NULL);
	s.expires_at = s.created_at + SESSION_MAX_SECONDS;
	return db_session_create(tx, hash, &s, r->address, &id);
}

void
session_cookie(struct req *r, const char token[44])
{
	char cookie[256];

	snprintf(cookie, sizeof(cookie),
	         "gk_session=%s; Path=/; HttpOnly; SameSite=Strict; "
	         "Max-Age=%lld%s",
	         token, (long long)SESSION_MAX_SECONDS,
	         r->app->secure ? "; Secure" : "");
	respond_cookie(r, cookie);
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
	struct db_actor who = { user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	char token[44];

	if (tx == NULL ||
	    session_create_in(tx, r, user_id, edition_id, token) != 0) {
		db_rollback(tx);
		return -1;
	}
	if (db_commit(tx) != 0)
		return -1;
	session_cookie(r, token);
	return 0;
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
	if (tx == NULL || db_session_delete(tx, r->actor.session_id) != 0) {
		db_rollback(tx);
		respond_error(r, 500);
		return;
	}
	if (db_commit(tx) != 0) {
		respond_error(r, 500);
		return;
	}
	respond_cookie(r, "gk_session=; Path=/; HttpOnly; SameSite=Strict; "
	                  "Max-Age=0");
	respond_redirect(r, "/login");
}

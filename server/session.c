/* session.c: session cookies, idle expiry and CSRF tokens. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* Idle expiry lives in memory: touching a row on every request would cost
 * an fsync each. After a restart every session gets a fresh idle window. */
struct idle {
	struct pairmap last_seen; /* session id -> seconds since start */
	int64_t start;
};

static struct idle *
idle_of(struct app *app)
{
	if (app->idle == NULL) {
		app->idle = xcalloc(1, sizeof(*app->idle));
		pairmap_init(&app->idle->last_seen);
		app->idle->start = (int64_t)time(NULL);
	}
	return app->idle;
}

/* Records activity; false when the session had been idle too long. */
static bool
idle_touch(struct app *app, int64_t session, int64_t now)
{
	struct idle *idle;
	int a = (int)(session & 0x7fffffff), b = (int)(session >> 31);
	int seen;
	bool fresh;

	pthread_mutex_lock(&app->lock);
	idle = idle_of(app);
	seen = pairmap_get(&idle->last_seen, a, b);
	fresh = seen < 0 || now - (idle->start + seen) <= SESSION_IDLE_SECONDS;
	if (fresh)
		pairmap_put(&idle->last_seen, a, b, (int)(now - idle->start));
	pthread_mutex_unlock(&app->lock);
	return fresh;
}

static int
token_hash(const char *token, uint8_t out[32])
{
	uint8_t raw[TOKEN_BYTES];

	if (!token_read(token, raw))
		return -1;
	crypto_hash_sha256(out, raw, sizeof(raw));
	return 0;
}

/* A judge whose expert chairs a panel acts as a panel chair: the role
 * follows the panels, so making someone chair needs no other step. */
static enum role
role_of(struct db_read *rd, const struct db_user *u, int *rc)
{
	int chairs = 0;

	if (strcmp(u->role, "admin") == 0)
		return ROLE_ADMIN;
	if (strcmp(u->role, "organiser") == 0)
		return ROLE_ORGANISER;
	if (u->expert_id != 0)
		*rc = db_expert_chairs(rd, u->expert_id, 0, &chairs);
	return chairs > 0 ? ROLE_CHAIR : ROLE_JUDGE;
}

int
session_load(struct req *r)
{
	const char *token =
	    MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "gk_session");
	int64_t now = (int64_t)time(NULL);
	struct db_session s;
	struct db_user u;
	struct db_read *rd;
	uint8_t hash[32];
	int rc;

	memset(&r->actor, 0, sizeof(r->actor));
	r->actor.role = ROLE_ANONYMOUS;
	if (token == NULL || token_hash(token, hash) != 0)
		return 0;
	rd = db_read_begin(r->app->db);
	rc = db_session_by_hash(rd, hash, &s);
	if (rc == 0)
		rc = db_user_by_id(rd, s.user_id, &u);
	if (rc == 0)
		r->actor.role = role_of(rd, &u, &rc);
	db_read_end(rd);
	/* a database that cannot be read is not a logged-out user (found by
	 * fault injection: the tablet was told to log in again) */
	if (rc != 0 && rc != DB_NOTFOUND) {
		r->actor.role = ROLE_ANONYMOUS;
		return -1;
	}
	if (rc != 0 || u.disabled || s.expires_at <= now ||
	    !idle_touch(r->app, s.id, now)) {
		r->actor.role = ROLE_ANONYMOUS;
		return 0;
	}
	r->actor.user_id = u.id;
	r->actor.expert_id = u.expert_id;
	r->actor.session_id = s.id;
	r->actor.edition_id = s.edition_id;
	snprintf(r->actor.login, sizeof(r->actor.login), "%s", u.login);
	snprintf(r->actor.name, sizeof(r->actor.name), "%s", u.name);
	snprintf(r->actor.csrf, sizeof(r->actor.csrf), "%s", s.csrf);
	return 0;
}

/* Equal lengths and equal bytes, in time independent of where they differ. */
static bool
same_secret(const char *a, const char *b)
{
	size_t n = a != NULL ? strlen(a) : 0;

	return a != NULL && b != NULL && n > 0 && n == strlen(b) &&
	       sodium_memcmp(a, b, n) == 0;
}

bool
session_csrf_ok(const struct req *r)
{
	const char *sent = form_get(&r->form, "csrf");

	/* the tablet's API sends it as a header, with a JSON body */
	if (sent == NULL)
		sent = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
		                                   "X-CSRF-Token");

	if (r->actor.role != ROLE_ANONYMOUS)
		return same_secret(sent, r->actor.csrf);
	/* before login: the form must echo its double-submit cookie */
	return same_secret(sent, MHD_lookup_connection_value(
	                             r->conn, MHD_COOKIE_KIND, "gk_form"));
}

const char *
session_login_token(struct req *r)
{
	static const char cookie_fmt[] =
	    "gk_form=%s; Path=/; HttpOnly; SameSite=Strict%s";
	const char *have =
	    MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "gk_form");
	char cookie[200];
	uint8_t raw[32];

	if (have != NULL && strlen(have) == 64)
		return have;
	if (r->form_token[0] == '\0') {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(r->form_token, sizeof(r->form_token), raw,
		               sizeof(raw));
		snprintf(cookie, sizeof(cookie), cookie_fmt, r->form_token,
		         r->app->secure ? "; Secure" : "");
		respond_cookie(r, cookie);
	}
	return r->form_token;
}

void
session_idle_free(struct idle *idle)
{
	pairmap_release(&idle->last_seen);
	free(idle);
}

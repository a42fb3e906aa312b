/* server.h: the web server's shared types: requests, routes, actors, the
 * authorisation function and the response helpers (server/ only). */
#ifndef GIAMKHAO_SERVER_H
#define GIAMKHAO_SERVER_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "../common/common.h"
#include "../forms/forms.h"
#include "../scoring/scoring.h"
#include "db/db.h"

/* Limits (design.md: explicit limits on everything). */
#define HTTP_MAX_CONNECTIONS 512
#define HTTP_PER_IP_LIMIT    128
#define HTTP_TIMEOUT_SECONDS 30
#define HTTP_MEMORY_PER_CONN (64 * 1024) /* headers must fit in it */
#define HTTP_FORM_BODY_MAX   (64 * 1024)
#define HTTP_UPLOAD_BODY_MAX (16 * 1024 * 1024)
#define SESSION_IDLE_SECONDS (2 * 3600)
#define SESSION_MAX_SECONDS  (14 * 3600)

enum method {
	M_GET,
	M_POST,
	M__MAX,
};

/* Who may act: anonymous, a judge, the chair of a panel, an organiser
 * (Ban Tổ chức / secretariat), an administrator. */
enum role {
	ROLE_ANONYMOUS,
	ROLE_JUDGE,
	ROLE_CHAIR,
	ROLE_ORGANISER,
	ROLE_ADMIN,
	ROLE__MAX,
};

/* Every action a route performs; can() decides each. */
enum action {
	ACT_STATIC, /* stylesheets and scripts */
	ACT_LOGIN_FORM,
	ACT_LOGIN,
	ACT_LOGOUT,
	ACT_HOME, /* the signed-in start page */
	ACT_EDITION_LIST,
	ACT_EDITION_CREATE, /* the form and its submission */
	ACT_EDITION_VIEW,
	ACT_EDITION_ADVANCE,
	ACT_RUBRIC_EXPORT,
	ACT__MAX,
};

extern const char *const action_names[ACT__MAX];
extern const char *const role_names[ROLE__MAX];

struct actor {
	enum role role;
	int64_t user_id;
	int64_t expert_id;
	int64_t session_id;
	char login[64];
	char name[128];
	char csrf[65]; /* 64 hex digits */
};

/* What an action is about, when it is about something. */
struct object {
	const struct db_edition *edition;
};

/*
 * The one authorisation function: may `a` perform `act` (on `obj`, which
 * may be NULL for the route-level check)? Every route is checked with it
 * before its handler runs, and handlers call it again with the object.
 */
bool can(const struct actor *a, enum action act, const struct object *obj);

struct app;

/* One HTTP request and its response, freed in one place (req_free). */
struct req {
	struct app *app;
	struct MHD_Connection *conn;
	enum method method;
	char *path;
	const struct route *route;
	int64_t ids[4];
	size_t nids;
	size_t body_max;
	struct buf body;
	bool body_too_large;
	struct form form; /* the query string, then the body's fields */
	struct actor actor;
	enum score_lang lang;
	char address[64];
	char form_token[65]; /* the anonymous double-submit token */
	/* the response */
	int status;
	struct buf out;
	const char *type;
	char location[512];
	char disposition[160]; /* Content-Disposition, for downloads */
	char cookies[3][320];
	size_t ncookies;
};

typedef void (*handler_fn)(struct req *r);

struct route {
	enum method method;
	const char *pattern; /* "/editions/{id}/advance": {id} is a number */
	enum action action;
	handler_fn handler;
	size_t body_max; /* 0: no body expected */
};

extern const struct route routes[];
extern const size_t nroutes;

/* The application: the database and what lives across requests. */
struct app {
	struct db *db;
	bool secure;          /* served behind TLS: cookies get Secure */
	char dummy_hash[128]; /* verified for unknown logins (timing) */
	pthread_mutex_t lock;
	struct ratelimit *limits;
	struct idle *idle;
};

/* ---- Responses (response.c) -------------------------------------------- */

/* A page frame for this request (title plain text). */
struct page req_page(const struct req *r, const char *title);
/* An error page with the status (403, 404, 413...). */
void respond_error(struct req *r, int status);
/* 303 See Other to a local path. */
void respond_redirect(struct req *r, const char *path);
/* Adds a Set-Cookie header value. */
void respond_cookie(struct req *r, const char *cookie);
/* Queues the response on the connection with the security headers. */
enum MHD_Result respond_queue(struct req *r);

/* ---- Sessions and login (session.c) ------------------------------------ */

/* Resolves the session cookie into r->actor (anonymous when none). */
void session_load(struct req *r);
/* Does the request carry this session's CSRF token (constant time)? */
bool session_csrf_ok(const struct req *r);
/* The anonymous form token (double-submit cookie), set when absent. */
const char *session_login_token(struct req *r);
void session_idle_free(struct idle *idle);

/* ---- Rate limits (ratelimit.c) ------------------------------------------ */

struct ratelimit *ratelimit_new(void);
void ratelimit_free(struct ratelimit *rl);
/* Records an attempt under `key`; false when over `max` in `window` s. */
bool ratelimit_allow(struct ratelimit *rl, const char *key, int max,
                     int window);
/* Forgets a key (a successful login clears its account's failures). */
void ratelimit_clear(struct ratelimit *rl, const char *key);

/* ---- The server (http.c) ------------------------------------------------ */

/* Serves until SIGINT or SIGTERM; returns an exit status. */
int http_serve(struct app *app, const char *listen);

/* ---- Handlers ------------------------------------------------------------ */

void h_static(struct req *r);
void h_login_form(struct req *r);
void h_login(struct req *r);
void h_logout(struct req *r);
void h_home(struct req *r);
void h_edition_list(struct req *r);
void h_edition_new(struct req *r);
void h_edition_create(struct req *r);
void h_edition_view(struct req *r);
void h_edition_advance(struct req *r);
void h_rubric_export(struct req *r);

#endif

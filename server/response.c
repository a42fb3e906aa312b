/* response.c: building and queuing responses, with the security headers
 * every response carries. */
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "server.h"

/* No inline script or style anywhere: the CSP says so. */
static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'";
/* A template's preview is shown in a frame of the template page. */
static const char csp_framed[] =
    "default-src 'none'; object-src 'self'; frame-ancestors 'self'";

struct page
req_page(const struct req *r, const char *title)
{
	struct page p;

	memset(&p, 0, sizeof(p));
	p.lang = r->lang;
	p.title = title;
	p.path = r->path;
	if (r->actor.role != ROLE_ANONYMOUS) {
		p.user = r->actor.name;
		p.role = role_names[r->actor.role];
		p.csrf = r->actor.csrf;
		p.login = r->actor.login;
	}
	return p;
}

bool
req_is_api(const struct req *r)
{
	return strncmp(r->path, "/api/", 5) == 0;
}

void
respond_json(struct req *r, int status, json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);

	r->status = status;
	r->type = "application/json; charset=utf-8";
	buf_reset(&r->out);
	buf_puts(&r->out, text != NULL ? text : "null");
	free(text);
	json_decref(v);
}

/* The API answers errors in JSON: {"error": {"status", "message"}}. */
void
respond_error(struct req *r, int status)
{
	respond_error_why(r, status, MSG__MAX, NULL);
}

void
respond_error_why(struct req *r, int status, enum msg why, const char *code)
{
	struct page p = req_page(r, NULL);
	json_t *err;

	if (req_is_api(r)) {
		err = json_pack("{s:i, s:s}", "status", status, "message",
		                why != MSG__MAX ? T(r->lang, why)
		                                : status_text(r->lang, status));
		if (code != NULL)
			json_object_set_new(err, "code", json_string(code));
		respond_json(r, status, json_pack("{s:o}", "error", err));
		return;
	}
	r->status = status;
	r->type = "text/html; charset=utf-8";
	buf_reset(&r->out);
	page_error_why(&r->out, &p, status, why);
}

void
respond_redirect(struct req *r, const char *path)
{
	r->status = 303;
	snprintf(r->location, sizeof(r->location), "%s", path);
	buf_reset(&r->out);
}

void
respond_cookie(struct req *r, const char *cookie)
{
	if (r->ncookies < sizeof(r->cookies) / sizeof(r->cookies[0]))
		snprintf(r->cookies[r->ncookies++], sizeof(r->cookies[0]), "%s",
		         cookie);
}

static void
add_headers(struct req *r, struct MHD_Response *resp)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
	MHD_add_response_header(resp, "Content-Security-Policy",
	                        r->frame_self ? csp_framed : csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options",
	                        r->frame_self ? "SAMEORIGIN" : "DENY");
	if (r->route == NULL || r->route->action != ACT_STATIC)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
		                        "no-store");
	else {
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
		                        "public, max-age=3600");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY,
		                        MHD_HTTP_HEADER_ACCEPT_ENCODING);
	}
	if (r->encoding != NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING,
		                        r->encoding);
	if (r->disposition[0] != '\0')
		MHD_add_response_header(resp, "Content-Disposition",
		                        r->disposition);
	if (r->location[0] != '\0')
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION,
		                        r->location);
	for (size_t i = 0; i < r->ncookies; i++)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE,
		                        r->cookies[i]);
}

/*
 * Responses for the files compiled in, made once and queued again and
 * again (libmicrohttpd counts a response's references): making the
 * response and its eight headers anew was most of what a static file cost
 * beyond the bare server. Found by the body's address (the gzip form is
 * another); entries below `nfixed` are complete before it counts them.
 */
#define FIXED_MAX 32
static struct {
	const void *body;
	struct MHD_Response *resp;
} fixed_cache[FIXED_MAX];
static atomic_size_t nfixed;
static pthread_mutex_t fixed_lock = PTHREAD_MUTEX_INITIALIZER;

/* A response pointing at the request's file compiled in (never copied). */
static struct MHD_Response *
fixed_body(const struct req *r)
{
	return MHD_create_response_from_buffer(
	    r->fixed_len, (void *)(uintptr_t)r->fixed, MHD_RESPMEM_PERSISTENT);
}

static struct MHD_Response *
fixed_find(const void *body, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fixed_cache[i].body == body)
			return fixed_cache[i].resp;
	return NULL;
}

/* The request's file as a response kept for every later request, or NULL
 * (then it is made for this request alone). */
static struct MHD_Response *
fixed_response(struct req *r)
{
	struct MHD_Response *resp = fixed_find(
	    r->fixed, atomic_load_explicit(&nfixed, memory_order_acquire));
	size_t n;

	if (resp != NULL)
		return resp;
	pthread_mutex_lock(&fixed_lock);
	n = atomic_load_explicit(&nfixed, memory_order_relaxed);
	resp = fixed_find(r->fixed, n);
	if (resp == NULL && n < FIXED_MAX) {
		resp = fixed_body(r);
		if (resp != NULL) {
			add_headers(r, resp);
			fixed_cache[n].body = r->fixed;
			fixed_cache[n].resp = resp;
			atomic_store_explicit(&nfixed, n + 1,
			                      memory_order_release);
		}
	}
	pthread_mutex_unlock(&fixed_lock);
	return resp;
}

/* Only a plain 200 with nothing of its own (no cookie, no redirect). */
static bool
fixed_shared(const struct req *r)
{
	return r->fixed != NULL && r->out.len == 0 && !r->out.overflow &&
	       r->status == 200 && r->ncookies == 0 && r->location[0] == '\0' &&
	       r->disposition[0] == '\0' && !r->frame_self;
}

void
respond_cache_free(void)
{
	size_t n = atomic_load(&nfixed);

	for (size_t i = 0; i < n; i++)
		MHD_destroy_response(fixed_cache[i].resp);
	atomic_store(&nfixed, 0);
}

enum MHD_Result
respond_queue(struct req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result rc;

	if (fixed_shared(r)) {
		resp = fixed_response(r);
		if (resp != NULL) /* the cache keeps its reference */
			return MHD_queue_response(r->conn, MHD_HTTP_OK, resp);
	}
	if (r->out.overflow)
		respond_error(r, 500);
	if (r->out.len == 0 && r->fixed != NULL) {
		resp = fixed_body(r);
	} else {
		size_t len;
		/* the page's buffer is handed over, not copied again (an
		 * empty one still gets a buffer to point at) */
		char *body = buf_detach(&r->out, &len);

		r->encoding = NULL; /* for `fixed` only */
		if (body == NULL)
			return MHD_NO;
		resp = MHD_create_response_from_buffer_with_free_callback(
		    len, body, free);
		if (resp == NULL)
			free(body);
	}
	if (resp == NULL)
		return MHD_NO;
	add_headers(r, resp);
	rc = MHD_queue_response(r->conn, (unsigned int)r->status, resp);
	MHD_destroy_response(resp);
	return rc;
}

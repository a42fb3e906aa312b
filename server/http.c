/* http.c: libmicrohttpd glue: limits, routing, per-request state, and a
 * graceful stop on SIGINT/SIGTERM. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server.h"

/* Captures a {word}: one path segment of up to 255 bytes; false when
 * there is none or it is longer. */
static bool
word_match(const char **path, struct req *r)
{
	size_t n = strcspn(*path, "/");

	if (n == 0 || n >= sizeof(r->word))
		return false;
	memcpy(r->word, *path, n);
	r->word[n] = '\0';
	*path += n;
	return true;
}

/* Matches "/editions/{id}/advance" against a path, capturing the ids (and
 * a {word}, the last segment of "/v/{word}"). */
static bool
route_match(const char *pattern, const char *path, struct req *r)
{
	r->nids = 0;
	while (*pattern != '\0') {
		if (strncmp(pattern, "{word}", 6) == 0) {
			if (!word_match(&path, r))
				return false;
			pattern += 6;
		} else if (strncmp(pattern, "{id}", 4) == 0) {
			int64_t v = 0;
			int digits = 0;

			for (; *path >= '0' && *path <= '9' && digits < 15;
			     path++, digits++)
				v = v * 10 + (*path - '0');
			if (digits == 0 || (*path >= '0' && *path <= '9') ||
			    r->nids == sizeof(r->ids) / sizeof(r->ids[0]))
				return false;
			r->ids[r->nids++] = v;
			pattern += 4;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return *path == '\0';
}

/* The route for a method and path; `other` is set when the path exists
 * for another method (405 rather than 404). */
static const struct route *
route_find(struct req *r, bool *other)
{
	*other = false;
	for (size_t i = 0; i < nroutes; i++) {
		if (!route_match(routes[i].pattern, r->path, r))
			continue;
		if (routes[i].method == r->method)
			return &routes[i];
		*other = true;
	}
	return NULL;
}

static void
client_address(struct MHD_Connection *c, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;

	snprintf(out, size, "?");
	if (sa != NULL && sa->sa_family == AF_INET)
		inet_ntop(
		    AF_INET,
		    &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
		    out, (socklen_t)size);
	else if (sa != NULL && sa->sa_family == AF_INET6)
		inet_ntop(
		    AF_INET6,
		    &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
		    out, (socklen_t)size);
}

/* Keeps the last X-Forwarded-For line: a proxy may add its own line
 * after one the client sent (HAProxy does), so the first proves nothing. */
static enum MHD_Result
last_forwarded(void *cls, enum MHD_ValueKind kind, const char *key,
               const char *value)
{
	(void)kind;
	if (value != NULL && strcasecmp(key, "X-Forwarded-For") == 0)
		*(const char **)cls = value;
	return MHD_YES;
}

/*
 * Behind the trusted proxy, the client is the last address of the last
 * X-Forwarded-For line: the one the proxy itself appended (any before it
 * came from the client and prove nothing). Rate limits and the audit log then
 * see each client, not the proxy; anything unreadable keeps the proxy's.
 */
static void
forwarded_address(struct MHD_Connection *c, const char *proxy, char *out,
                  size_t size)
{
	const char *h;
	const char *last;
	char addr[64];
	unsigned char bin[16];
	size_t n;

	if (*proxy == '\0' || strcmp(out, proxy) != 0)
		return;
	h = NULL;
	MHD_get_connection_values(c, MHD_HEADER_KIND, last_forwarded, &h);
	if (h == NULL)
		return;
	last = strrchr(h, ',');
	last = last != NULL ? last + 1 : h;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(addr) || last[n + strspn(last + n, " \t")])
		return;
	memcpy(addr, last, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, bin) == 1 ||
	    inet_pton(AF_INET6, addr, bin) == 1)
		snprintf(out, size, "%s", addr);
}

/* The language: ?lang= (remembered in a cookie), else the cookie, else vi. */
static void
pick_lang(struct req *r)
{
	const char *q = form_get(&r->form, "lang");
	const char *c =
	    MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "gk_lang");

	r->lang = SCORE_LANG_VI;
	if (q != NULL && (strcmp(q, "en") == 0 || strcmp(q, "vi") == 0)) {
		r->lang = strcmp(q, "en") == 0 ? SCORE_LANG_EN : SCORE_LANG_VI;
		respond_cookie(r, r->lang == SCORE_LANG_EN
		                      ? "gk_lang=en; Path=/; Max-Age=31536000; "
		                        "SameSite=Lax"
		                      : "gk_lang=vi; Path=/; Max-Age=31536000; "
		                        "SameSite=Lax");
	} else if (c != NULL && strcmp(c, "en") == 0) {
		r->lang = SCORE_LANG_EN;
	}
}

/* Collects the query string into the form (GET and POST alike). */
static enum MHD_Result
add_query(void *cls, enum MHD_ValueKind kind, const char *key,
          const char *value)
{
	struct req *r = cls;

	(void)kind;
	form_add(&r->form, key, value != NULL ? value : "",
	         value != NULL ? strlen(value) : 0);
	return MHD_YES;
}

/*
 * Each connection's thread keeps its last request's struct for the next
 * one (keep-alive): allocating 3 KB afresh made glibc consolidate its
 * free lists on every request, a twentieth of a static file's time. The
 * thread's exit frees it.
 */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void
spare_init(void)
{
	if (pthread_key_create(&spare_key, free) != 0)
		abort();
}

static struct req *
req_alloc(void)
{
	struct req *r;

	pthread_once(&spare_once, spare_init);
	r = pthread_getspecific(spare_key);
	if (r == NULL)
		return xcalloc(1, sizeof(*r));
	pthread_setspecific(spare_key, NULL);
	memset(r, 0, sizeof(*r));
	return r;
}

static void
req_release(struct req *r)
{
	if (pthread_getspecific(spare_key) == NULL &&
	    pthread_setspecific(spare_key, r) == 0)
		return;
	free(r);
}

static struct req *
req_new(struct app *app, struct MHD_Connection *c, const char *url,
        const char *method)
{
	struct req *r = req_alloc();
	bool other;

	r->app = app;
	r->conn = c;
	r->path = xstrdup(url);
	r->method = strcmp(method, "POST") == 0 ? M_POST : M_GET;
	r->status = 200;
	r->type = "text/html; charset=utf-8";
	buf_init(&r->out, 16u << 20);
	client_address(c, r->address, sizeof(r->address));
	forwarded_address(c, app->proxy, r->address, sizeof(r->address));
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_query, r);
	pick_lang(r);
	if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0 &&
	    strcmp(method, "HEAD") != 0) {
		r->status = 405;
		return r;
	}
	r->route = route_find(r, &other);
	if (r->route == NULL)
		r->status = other ? 405 : 404;
	r->body_max = r->route != NULL ? r->route->body_max : 0;
	buf_init(&r->body, r->body_max);
	return r;
}

static void
req_free(struct req *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nuploads; i++)
		buf_release(&r->uploads[i].data);
	free(r->uploads);
	free(r->path);
	buf_release(&r->body);
	buf_release(&r->out);
	form_release(&r->form);
	req_release(r);
}

/* Is the announced body larger than this route accepts? */
static bool
body_announced_too_large(struct req *r)
{
	const char *len = MHD_lookup_connection_value(
	    r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

	return len != NULL && strtoull(len, NULL, 10) > r->body_max;
}

/* The multipart parser's state: a plain field arrives in chunks too, so
 * its value is gathered until the next part begins. */
struct parts {
	struct req *r;
	char key[64];
	struct buf value;
	bool pending;
	struct upload *file;
};

static void
flush_field(struct parts *p)
{
	if (p->pending)
		form_add(&p->r->form, p->key,
		         p->value.data ? p->value.data : "", p->value.len);
	p->pending = false;
	buf_reset(&p->value);
}

static enum MHD_Result
on_part(void *cls, enum MHD_ValueKind kind, const char *key,
        const char *filename, const char *type, const char *encoding,
        const char *data, uint64_t off, size_t size)
{
	struct parts *p = cls;
	struct req *r = p->r;

	(void)kind;
	(void)encoding;
	if (off == 0) {
		flush_field(p);
		p->file = NULL;
		if (filename != NULL) {
			if (r->nuploads == MAX_UPLOADS)
				return MHD_NO;
			p->file = &r->uploads[r->nuploads++];
			snprintf(p->file->field, sizeof(p->file->field), "%s",
			         key);
			snprintf(p->file->filename, sizeof(p->file->filename),
			         "%s", filename);
			snprintf(p->file->type, sizeof(p->file->type), "%s",
			         type != NULL ? type : "");
			buf_init(&p->file->data, HTTP_UPLOAD_BODY_MAX);
		} else {
			snprintf(p->key, sizeof(p->key), "%s", key);
			p->pending = true;
		}
	}
	if (size == 0)
		return MHD_YES;
	if (p->file != NULL)
		return buf_append(&p->file->data, data, size) == 0 ? MHD_YES
		                                                   : MHD_NO;
	return buf_append(&p->value, data, size) == 0 ? MHD_YES : MHD_NO;
}

/* Parses a multipart/form-data body (files and fields); false when it is
 * malformed. */
static bool
parse_multipart(struct req *r)
{
	struct parts p = { r, "", { 0 }, false, NULL };
	struct MHD_PostProcessor *pp;
	bool ok;

	/* a pasted text field may be as large as the route allows */
	buf_init(&p.value, r->body_max);
	r->uploads = xcalloc(MAX_UPLOADS, sizeof(*r->uploads));
	pp = MHD_create_post_processor(r->conn, (size_t)64 * 1024, on_part, &p);
	if (pp == NULL) {
		buf_release(&p.value);
		return false;
	}
	ok = MHD_post_process(pp, r->body.data, r->body.len) == MHD_YES;
	ok = MHD_destroy_post_processor(pp) == MHD_YES && ok;
	flush_field(&p);
	buf_release(&p.value);
	return ok;
}

/* Runs the route: session, authorisation, CSRF, then the handler. */
static void
dispatch(struct req *r)
{
	const char *ctype;

	if (r->route == NULL) {
		respond_error(r, r->status);
		return;
	}
	if (r->body_too_large) {
		respond_error(r, 413);
		return;
	}
	ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
	                                    MHD_HTTP_HEADER_CONTENT_TYPE);
	if (r->body.len > 0 && ctype != NULL &&
	    strncmp(ctype, "application/x-www-form-urlencoded", 33) == 0)
		form_parse_urlencoded(&r->form, r->body.data, r->body.len);
	else if (r->body.len > 0 && ctype != NULL &&
	         strncmp(ctype, "multipart/form-data", 19) == 0 &&
	         !parse_multipart(r))
		r->form.bad = true;
	if (r->form.bad) {
		respond_error(r, 400);
		return;
	}
	if (session_load(r) != 0) {
		respond_error(r, 503);
		return;
	}
	if (!can(&r->actor, r->route->action, NULL)) {
		/* anonymous users are sent to log in, others refused */
		if (r->actor.role == ROLE_ANONYMOUS && req_is_api(r))
			respond_error(r, 401);
		else if (r->actor.role == ROLE_ANONYMOUS && r->method == M_GET)
			respond_redirect(r, "/login");
		else
			respond_error(r, 403);
		return;
	}
	r->route->handler(r);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **state)
{
	struct req *r = *state;

	(void)version;
	if (r == NULL) {
		r = req_new(cls, c, url, method);
		*state = r;
		/* refuse an announced oversized body before reading it */
		if (r->route != NULL && body_announced_too_large(r)) {
			r->body_too_large = true;
			respond_error(r, 413);
			return respond_queue(r);
		}
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (!r->body_too_large &&
		    buf_append(&r->body, upload, *upload_size) != 0)
			r->body_too_large = true;
		*upload_size = 0;
		return MHD_YES;
	}
	dispatch(r);
	return respond_queue(r);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **state,
             enum MHD_RequestTerminationCode code)
{
	(void)cls;
	(void)c;
	(void)code;
	req_free(*state);
	*state = NULL;
}

static int
parse_listen(const char *listen, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	long port;

	memset(sa, 0, sizeof(*sa));
	if (colon == NULL || (size_t)(colon - listen) >= sizeof(host))
		return -1;
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, NULL, 10);
	if (port <= 0 || port > 65535 ||
	    inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return -1;
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	return 0;
}

/*
 * One thread per connection: a handler may block on an fsync or a
 * password hash without holding up anyone else. Signals are blocked in
 * every thread and taken here with sigwait, so the stop is orderly:
 * MHD_stop_daemon lets running requests finish, then the caller closes the
 * database.
 */
int
http_serve(struct app *app, const char *listen)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;

	if (parse_listen(listen, &sa) != 0) {
		fprintf(stderr,
		        "giamkhao: --listen wants ADDR:PORT (IPv4), "
		        "not \"%s\"\n",
		        listen);
		return 2;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	        MHD_USE_POLL | MHD_USE_ERROR_LOG,
	    0, NULL, NULL, on_request, app, MHD_OPTION_SOCK_ADDR, &sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_MAX_CONNECTIONS,
	    /* behind a proxy every connection comes from it: the cap per
	     * client is then the proxy's to keep */
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	    (unsigned int)(app->proxy[0] != '\0' ? HTTP_MAX_CONNECTIONS
	                                         : HTTP_PER_IP_LIMIT),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)HTTP_TIMEOUT_SECONDS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_MEMORY_PER_CONN,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "giamkhao: cannot listen on %s\n", listen);
		return 1;
	}
	printf("giamkhao: serving on http://%s/\n", listen);
	fflush(stdout);
	sigwait(&set, &sig);
	fprintf(stderr, "giamkhao: %s, stopping\n",
	        sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_stop_daemon(d);
	return 0;
}

/* page.c: the frame of every page (head, header bar, main) and error pages. */
#include <stdbool.h>
#include <string.h>

#include "forms.h"

/* The BCP 47 tag of each language, for <html lang> and the switch link. */
static const char *const lang_tags[SCORE_LANG__MAX] = {
	[SCORE_LANG_VI] = "vi",
	[SCORE_LANG_EN] = "en",
};

static enum score_lang
page_lang(const struct page *p)
{
	return (unsigned)p->lang < SCORE_LANG__MAX ? p->lang : SCORE_LANG_VI;
}

/*
 * Whether `path` may be used as a link: it must be local ("/..."), and
 * not "//host" or "/\host", which browsers read as another site.
 */
static bool
is_local_path(const char *path)
{
	return path != NULL && path[0] == '/' && path[1] != '/' &&
	       path[1] != '\\';
}

/*
 * The language switch: this page's path and query with "lang=" set to
 * the other language. Other query parameters are kept and an old lang=
 * is dropped, so switching twice does not pile them up.
 */
static void
lang_switch(struct buf *out, const struct page *p, enum score_lang to)
{
	const char *path = is_local_path(p->path) ? p->path : "/";
	const char *query = strchr(path, '?');
	size_t n = query != NULL ? (size_t)(query - path) : strlen(path);
	struct buf url;

	buf_init(&url, 8192);
	buf_append(&url, path, n);
	buf_puts(&url, "?");
	while (query != NULL) {
		const char *param = query + 1;
		const char *end = strchr(param, '&');

		n = end != NULL ? (size_t)(end - param) : strlen(param);
		if (n > 0 && strncmp(param, "lang=", 5) != 0) {
			buf_append(&url, param, n);
			buf_puts(&url, "&");
		}
		query = end;
	}
	buf_puts(&url, "lang=");
	buf_puts(&url, lang_tags[to]);
	/* A path too long for the cap links to the home page instead. */
	html_fmt(out,
	         "<a class=\"lang\" href=\"%s\" hreflang=\"%R\" "
	         "lang=\"%R\">%s</a>\n",
	         url.overflow ? "/" : url.data, lang_tags[to], lang_tags[to],
	         T(page_lang(p), MSG_LANG_SWITCH));
	buf_release(&url);
}

/* Who is logged in, and the logout button (a POST with the CSRF token,
 * since logging out changes state). */
static void
user_box(struct buf *out, const struct page *p)
{
	enum score_lang lang = page_lang(p);

	html_fmt(out,
	         "<div class=\"user\" data-user=\"%s\" data-logout-ask=\"%s\">"
	         "<span class=\"who\">%s</span>",
	         p->login != NULL ? p->login : "", T(lang, MSG_Q_LOGOUT),
	         p->user);
	if (p->role != NULL)
		html_fmt(out, " <span class=\"role\">%s</span>",
		         name_role(lang, p->role));
	html_fmt(out,
	         "\n<form class=\"logout\" method=\"post\" action=\"/logout\">"
	         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
	         "<button type=\"submit\">%s</button></form></div>\n",
	         p->csrf, T(lang, MSG_LOGOUT));
}

/* Is the page in the part of the site that starts at `prefix`? */
static bool
current(const struct page *p, const char *prefix)
{
	size_t n = strlen(prefix);

	return p->path != NULL && strncmp(p->path, prefix, n) == 0 &&
	       (p->path[n] == '\0' || p->path[n] == '/');
}

void
page_begin(struct buf *out, const struct page *p)
{
	enum score_lang lang = page_lang(p);
	const char *app = T(lang, MSG_APP_NAME);

	html_fmt(out,
	         "<!DOCTYPE html>\n<html lang=\"%R\">\n<head>\n"
	         "<meta charset=\"utf-8\">\n"
	         "<meta name=\"viewport\" "
	         "content=\"width=device-width, initial-scale=1\">\n",
	         lang_tags[lang]);
	if (p->refresh > 0)
		html_fmt(out, "<meta http-equiv=\"refresh\" content=\"%d\">\n",
		         p->refresh);
	if (p->title != NULL && p->title[0] != '\0')
		html_fmt(out, "<title>%s – %s</title>\n", p->title, app);
	else
		html_fmt(out, "<title>%s</title>\n", app);
	html_fmt(out, "<link rel=\"icon\" href=\"/static/icon.svg\" "
	              "type=\"image/svg+xml\">\n"
	              "<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
	              "<script src=\"/static/app.js\" defer></script>\n");
	/* the tablet's queue drains from any page a judge opens */
	if (p->user != NULL)
		buf_puts(out,
		         "<script src=\"/static/queue.js\" defer></script>\n");
	buf_puts(out, "</head>\n<body>\n<header class=\"bar\">\n");
	html_fmt(out,
	         "<a class=\"brand\" href=\"/\">%s</a>\n<nav><a href=\"/\"%R>"
	         "%s</a>",
	         app, current(p, "/editions") ? " aria-current=\"page\"" : "",
	         T(lang, MSG_EDITIONS));
	/* the organisers' tools; anyone else is refused them anyway */
	if (p->role != NULL && (strcmp(p->role, "organiser") == 0 ||
	                        strcmp(p->role, "admin") == 0))
		html_fmt(out,
		         " <a href=\"/experts\"%R>%s</a>"
		         " <a href=\"/settings\"%R>%s</a>",
		         current(p, "/experts") ? " aria-current=\"page\"" : "",
		         T(lang, MSG_EXPERTS),
		         current(p, "/settings") ? " aria-current=\"page\""
		                                 : "",
		         T(lang, MSG_SETTINGS));
	buf_puts(out, "</nav>\n");
	if (p->user != NULL)
		user_box(out, p);
	lang_switch(out, p,
	            lang == SCORE_LANG_VI ? SCORE_LANG_EN : SCORE_LANG_VI);
	html_fmt(out, "</header>\n<main>\n");
}

void
page_end(struct buf *out, const struct page *p)
{
	(void)p; /* for a footer some day; every page passes it already */
	html_fmt(out, "</main>\n</body>\n</html>\n");
}

/* The message of each status; anything else falls back by class. */
static const struct {
	int status;
	enum msg msg;
} status_msgs[] = {
	{ 400, MSG_STATUS_400 }, { 401, MSG_STATUS_401 },
	{ 403, MSG_STATUS_403 }, { 404, MSG_STATUS_404 },
	{ 405, MSG_STATUS_405 }, { 409, MSG_STATUS_409 },
	{ 413, MSG_STATUS_413 }, { 429, MSG_STATUS_429 },
	{ 500, MSG_STATUS_500 }, { 503, MSG_STATUS_503 },
};

static enum msg
status_msg(int status)
{
	for (size_t i = 0; i < sizeof(status_msgs) / sizeof(status_msgs[0]);
	     i++)
		if (status_msgs[i].status == status)
			return status_msgs[i].msg;
	return status >= 400 && status < 500 ? MSG_STATUS_400 : MSG_STATUS_500;
}

const char *
status_text(enum score_lang lang, int status)
{
	return T(lang, status_msg(status));
}

void
page_error(struct buf *out, const struct page *p, int status)
{
	page_error_why(out, p, status, MSG__MAX);
}

void
page_error_why(struct buf *out, const struct page *p, int status, enum msg why)
{
	struct page frame = *p;
	enum msg m = status_msg(status);

	frame.title = T(page_lang(p), m);
	page_begin(out, &frame);
	html_fmt(out,
	         "<section class=\"error-page\">\n<h1>%s</h1>\n"
	         "<p class=\"status-code\">HTTP %d</p>\n",
	         frame.title, status);
	if (why != MSG__MAX)
		html_fmt(out, "<p>%s</p>\n", T(page_lang(p), why));
	html_fmt(out,
	         "<p><a class=\"button\" href=\"/\">%s</a></p>\n</section>\n",
	         T(page_lang(p), MSG_BACK_HOME));
	page_end(out, &frame);
}

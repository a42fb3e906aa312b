/* cli_http.c: the plain HTTP/1.0 GET of `giamkhao verify --server`: no
 * TLS and no library, because nothing it receives is trusted (the
 * certificate's signature is checked with the published keys on this
 * side); the answer is capped and every step times out. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "cli.h"
#include "server.h"

#define HTTP_REPLY_MAX ((size_t)1 << 20)
#define HTTP_TIMEOUT_S 10

int
http_url_parse(const char *url, struct http_url *u)
{
	const char *p = url + 7, *end, *host_end, *colon;
	size_t plen;

	memset(u, 0, sizeof(*u));
	if (strncasecmp(url, "http://", 7) != 0)
		return -1;
	end = p + strcspn(p, "/?#");
	if (*p == '[') {
		host_end = memchr(p, ']', (size_t)(end - p));
		if (host_end == NULL)
			return -1;
		p++;
		u->bracketed = true;
		colon = host_end[1] == ':' ? host_end + 1 : NULL;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		host_end = colon != NULL ? colon : end;
	}
	if (host_end == p || (size_t)(host_end - p) >= sizeof(u->host))
		return -1;
	memcpy(u->host, p, (size_t)(host_end - p));
	if (colon != NULL &&
	    (end - colon - 1 < 1 || end - colon - 1 > 5 ||
	     strspn(colon + 1, "0123456789") != (size_t)(end - colon - 1)))
		return -1;
	snprintf(u->port, sizeof(u->port), "%.*s",
	         colon != NULL ? (int)(end - colon - 1) : 2,
	         colon != NULL ? colon + 1 : "80");
	plen = *end == '/' ? strcspn(end, "?#") : 0;
	while (plen > 0 && end[plen - 1] == '/')
		plen--;
	if (plen >= sizeof(u->prefix))
		return -1;
	memcpy(u->prefix, end, plen);
	return 0;
}

static int
connect_to(const struct http_url *u)
{
	struct timeval tv = { HTTP_TIMEOUT_S, 0 };
	struct addrinfo hints, *res = NULL, *ai;
	int fd = -1;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(u->host, u->port, &hints, &res) != 0)
		return -1;
	for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

/* Sends the request and reads the whole answer (HTTP/1.0: the server
 * closes when done) into `reply`. */
static int
exchange(int fd, const struct buf *req, struct buf *reply)
{
	char chunk[16384];
	size_t sent = 0;
	ssize_t n;

	while (sent < req->len) {
		n = send(fd, req->data + sent, req->len - sent, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		sent += (size_t)n;
	}
	for (;;) {
		n = recv(fd, chunk, sizeof(chunk), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (buf_append(reply, chunk, (size_t)n) != 0)
			return -1;
	}
}

/* The status of "HTTP/1.x NNN ...", or -1. */
static int
status_code(const char *reply)
{
	if (strncmp(reply, "HTTP/1.", 7) != 0 ||
	    (reply[7] != '0' && reply[7] != '1') || reply[8] != ' ' ||
	    strspn(reply + 9, "0123456789") != 3 || reply[12] != ' ')
		return -1;
	return (reply[9] - '0') * 100 + (reply[10] - '0') * 10 +
	       (reply[11] - '0');
}

/* GETs URL's prefix + path; the status in *status and the body (free()
 * it), or NULL with a message. */
char *
http_get(const struct http_url *u, const char *path, int *status,
         size_t *body_len, enum score_lang lang)
{
	struct buf req, reply;
	char *body = NULL;
	const char *head_end;
	int fd = connect_to(u), rc = -1;

	buf_init(&req, 8192);
	buf_init(&reply, HTTP_REPLY_MAX);
	if (fd >= 0) {
		buf_printf(&req,
		           "GET %s%s HTTP/1.0\r\nHost: %s%s%s%s%s\r\n"
		           "Accept: application/json\r\nUser-Agent: giamkhao/%s"
		           "\r\nConnection: close\r\n\r\n",
		           u->prefix, path, u->bracketed ? "[" : "", u->host,
		           u->bracketed ? "]" : "",
		           strcmp(u->port, "80") != 0 ? ":" : "",
		           strcmp(u->port, "80") != 0 ? u->port : "",
		           SCORE_VERSION);
		rc = req.overflow ? -1 : exchange(fd, &req, &reply);
		close(fd);
	}
	head_end = reply.data != NULL ? strstr(reply.data, "\r\n\r\n") : NULL;
	*status = head_end != NULL ? status_code(reply.data) : -1;
	if (rc == 0 && *status > 0) {
		*body_len = reply.len - (size_t)(head_end + 4 - reply.data);
		body = xstrndup(head_end + 4, *body_len);
	} else {
		fprintf(stderr, "giamkhao: %s:%s: %s\n", u->host, u->port,
		        cli_text(lang, "không nhận được trả lời từ máy chủ",
		                 "no answer from the server"));
	}
	buf_release(&req);
	buf_release(&reply);
	return body;
}

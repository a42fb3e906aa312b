/* h_static.c: the stylesheet and scripts, served from memory, gzipped for
 * browsers that take it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assets.h"
#include "server.h"

/* Does an Accept-Encoding value take gzip (a "gzip" coding whose q is not
 * 0)? "*" is not taken to mean gzip: a client that says only that gets
 * the file as it is, which every client reads. */
static bool
takes_gzip(const char *h)
{
	while (h != NULL && *h != '\0') {
		const char *end = h + strcspn(h, ",");
		size_t n;

		h += strspn(h, " \t");
		n = strcspn(h, ";, \t");
		if (n == 4 && strncasecmp(h, "gzip", 4) == 0) {
			const char *q = strstr(h, ";");

			if (q == NULL || q > end)
				return true;
			q += 1 + strspn(q + 1, " \t");
			return !(q[0] == 'q' && q[1] == '=' &&
			         strtod(q + 2, NULL) <= 0.0);
		}
		h = *end == ',' ? end + 1 : NULL;
	}
	return false;
}

void
h_static(struct req *r)
{
	const char *slash = strrchr(r->path, '/');
	const struct asset *a = asset_find(slash != NULL ? slash + 1 : "");

	if (a == NULL) {
		respond_error(r, 404);
		return;
	}
	r->type = a->type;
	r->fixed = a->data;
	r->fixed_len = a->len;
	if (a->gz != NULL && a->gz_len < a->len &&
	    takes_gzip(MHD_lookup_connection_value(
	        r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING))) {
		r->fixed = a->gz;
		r->fixed_len = a->gz_len;
		r->encoding = "gzip";
	}
}

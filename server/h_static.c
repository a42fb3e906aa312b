/* h_static.c: the stylesheet and script, served from memory. */
#include <string.h>

#include "assets.h"
#include "server.h"

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
	buf_append(&r->out, a->data, a->len);
}

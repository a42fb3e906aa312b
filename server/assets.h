/* assets.h: the static files compiled into the binary (scripts/embed.sh). */
#ifndef GIAMKHAO_ASSETS_H
#define GIAMKHAO_ASSETS_H

#include <stddef.h>

struct asset {
	const char *name; /* "app.css" */
	const char *type; /* its Content-Type */
	const unsigned char *data;
	size_t len;
	const unsigned char *gz; /* its gzip form (static files), or NULL */
	size_t gz_len;
};

/* The static file called `name` ("app.css"), or NULL. */
const struct asset *asset_find(const char *name);
/* The preset rubric called `name` ("technical-innovation.json"), or NULL. */
const struct asset *preset_find(const char *name);
/* The PDF font called `name` ("NotoSans-Regular.ttf"), or NULL. */
const struct asset *font_find(const char *name);

#endif

/* fonts.c: the PDF fonts, compiled into the binary (subsets of Noto Sans
 * and Noto Serif made at build time) and handed to the renderer as bytes
 * in memory: nothing is read from disk. */
#include "assets.h"
#include "server.h"

static int
both(struct pdf_fonts *out, const char *regular_name, const char *bold_name)
{
	const struct asset *r = font_find(regular_name);
	const struct asset *b = font_find(bold_name);

	*out = (struct pdf_fonts){
		.regular = NULL,
		.bold = NULL,
		.regular_data = r != NULL ? r->data : NULL,
		.bold_data = b != NULL ? b->data : NULL,
		.regular_len = r != NULL ? r->len : 0,
		.bold_len = b != NULL ? b->len : 0,
	};
	return r != NULL && b != NULL ? 0 : -1;
}

int
fonts_get(struct pdf_fonts *out)
{
	return both(out, "NotoSans-Regular.ttf", "NotoSans-Bold.ttf");
}

int
fonts_serif(struct pdf_fonts *out)
{
	return both(out, "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf");
}

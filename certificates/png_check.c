/* png_check.c: an uploaded image decoded in full before libharu sees it.
 * libharu 2.3.0 hands libpng an error function that returns, where libpng
 * needs it not to: a damaged PNG aborts the whole process. Here libpng
 * reports through our own setjmp, and the image is refused cleanly. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certificates.h"

#define SIDE_MAX 4000 /* pixels: a seal scanned at 600 dpi is ~1000 */

/* On the heap: what changes between setjmp and longjmp must not be a
 * local variable (its value after the jump would be indeterminate). */
struct source {
	const unsigned char *data;
	size_t len, at;
	char *err;
	png_bytep row; /* the scratch row, freed after a jump too */
};

static void
read_mem(png_structp png, png_bytep out, png_size_t n)
{
	struct source *s = png_get_io_ptr(png);

	if (n > s->len - s->at)
		png_error(png, "the file ends too soon");
	memcpy(out, s->data + s->at, n);
	s->at += n;
}

static void
on_error(png_structp png, png_const_charp msg)
{
	struct source *s = png_get_error_ptr(png);

	snprintf(s->err, 160, "not a PNG image that can be read (%.100s)", msg);
	png_longjmp(png, 1);
}

static void
on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg; /* an unknown chunk is not a reason to refuse */
}

/* Every row of the image, into one scratch row. */
static void
read_rows(png_structp png, png_infop info, struct source *s)
{
	png_uint_32 h = png_get_image_height(png, info);
	int passes = png_set_interlace_handling(png);

	png_read_update_info(png, info);
	s->row = malloc(png_get_rowbytes(png, info));
	if (s->row == NULL)
		png_error(png, "out of memory");
	for (int p = 0; p < passes; p++)
		for (png_uint_32 y = 0; y < h; y++)
			png_read_row(png, s->row, NULL);
	png_read_end(png, NULL);
}

int
png_check(const unsigned char *data, size_t len, char err[160])
{
	struct source *s;
	png_structp png;
	png_infop info = NULL;
	volatile int rc = -1;

	if (len < 8 || png_sig_cmp(data, 0, 8) != 0) {
		snprintf(err, 160, "not a PNG image (its first bytes)");
		return -1;
	}
	s = xcalloc(1, sizeof(*s));
	*s = (struct source){ data, len, 0, err, NULL };
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s, on_error,
	                             on_warning);
	info = png != NULL ? png_create_info_struct(png) : NULL;
	if (info == NULL) {
		snprintf(err, 160, "out of memory");
	} else if (setjmp(png_jmpbuf(png)) == 0) {
		png_set_read_fn(png, s, read_mem);
		png_set_user_limits(png, SIDE_MAX, SIDE_MAX);
		/* what libpng forgives, libharu may not: more image data
		 * than the rows hold made libharu free an object twice
		 * (found by fuzz_png) */
		png_set_benign_errors(png, 0);
		png_read_info(png, info);
		read_rows(png, info, s);
		rc = 0;
	}
	png_destroy_read_struct(&png, info != NULL ? &info : NULL, NULL);
	free(s->row);
	free(s);
	return rc;
}

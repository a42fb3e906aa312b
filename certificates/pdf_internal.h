/* pdf_internal.h: what the PDF renderers of certificates/ share: a
 * document with its error state and fonts, text that is safe for
 * libharu, line wrapping, and drawing a QR code. */
#ifndef GIAMKHAO_PDF_INTERNAL_H
#define GIAMKHAO_PDF_INTERNAL_H

#include <hpdf.h>
#include <stdbool.h>

#include "certificates.h"

/* Millimetres to PDF points. */
#define MM(x) ((float)(x)*72.0f / 25.4f)

struct pdf {
	HPDF_Doc doc;
	HPDF_Font regular, bold;
	/* libharu reports errors to a callback: the first one is kept here
	 * (per document, so concurrent requests never share it) */
	HPDF_STATUS error;
	HPDF_STATUS detail;
	char *err; /* the caller's message buffer (160 bytes) */
};

/* A new document with the fonts loaded; -1 with pdf->err set. */
int pdf_open(struct pdf *pdf, const struct pdf_fonts *fonts, char err[160]);
/* Saves the document into `out` (0) unless an error happened (-1), then
 * frees it either way. */
int pdf_finish(struct pdf *pdf, struct buf *out);
/* `in` as NFC UTF-8 in a new string (free it), or NULL when `in` is not
 * valid UTF-8 (pdf->err says which text). */
char *pdf_text(struct pdf *pdf, const char *what, const char *in);
/* Writes `s` at (x, y) (baseline), in `font` at `size` points. */
void pdf_show(HPDF_Page page, HPDF_Font font, float size, float x, float y,
              const char *s);
/* Writes `s` centred on x. */
void pdf_show_centred(HPDF_Page page, HPDF_Font font, float size, float x,
                      float y, const char *s);
/* Writes `s` in lines no wider than `width`, at most `max_lines` (the
 * last one cut with "…"), from baseline y downwards `leading` apart;
 * returns the baseline after the last line. */
float pdf_wrap(HPDF_Page page, HPDF_Font font, float size, float x, float y,
               float width, float leading, int max_lines, const char *s);
/* Draws the QR code of `text` as a square of `side` points with its lower
 * left corner at (x, y), quiet zone included. -1 when it does not fit. */
int pdf_qr(HPDF_Page page, const char *text, float x, float y, float side);

#endif

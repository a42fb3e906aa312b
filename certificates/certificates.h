/* certificates.h: printed documents as PDF (libharu) with QR codes
 * (libqrencode): the judges' login cards; certificates and reports build
 * on the same pieces. Renders into buffers: no HTTP, no SQL, no files
 * other than the fonts it is given. */
#ifndef GIAMKHAO_CERTIFICATES_H
#define GIAMKHAO_CERTIFICATES_H

#include <stddef.h>

#include "../common/common.h"

/* The TrueType files to embed (paths; libharu reads only files). */
struct pdf_fonts {
	const char *regular;
	const char *bold;
};

/* One judge's login card. Every text is UTF-8; it is checked and
 * normalised to NFC before it reaches libharu. */
struct login_card {
	const char *name;    /* the judge */
	const char *panels;  /* their panels in the edition */
	const char *edition; /* the edition's title */
	const char *org;     /* the organising body */
	const char *url;     /* the single-use login link, in the QR code */
	const char *code;    /* the short code to type instead ("K7QM-2XHD") */
	const char *site; /* where to type it ("http://10.0.0.2:8080/login") */
	const char *issued;  /* the issue date as printed ("26/11/2026") */
	const char *expires; /* the last day it works ("25/01/2027") */
};

/* Login cards, A6, four to an A4 page with cut marks, appended to `out`
 * as one PDF. 0, or -1 with `err` saying what failed (a text that is not
 * UTF-8, a font that does not load, a link too long for a QR code). */
int pdf_login_cards(const struct pdf_fonts *fonts,
                    const struct login_card *cards, size_t n, struct buf *out,
                    char err[160]);

/* The QR code of `text` as modules (1 = dark), row by row, at error
 * correction level M (8-bit mode), without the quiet zone: *width modules
 * a side; free() the result. NULL when the text does not fit. */
unsigned char *qr_modules(const char *text, int *width);

#endif

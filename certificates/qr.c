/* qr.c: QR codes (libqrencode) as modules, and drawn on a PDF page as
 * filled squares with the four-module quiet zone scanners need. */
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

#define QUIET 4

unsigned char *
qr_modules(const char *text, int *width)
{
	/* 8-bit mode, case kept: a login link's token is case-sensitive */
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	unsigned char *m;
	size_t n;

	if (q == NULL)
		return NULL;
	n = (size_t)q->width * (size_t)q->width;
	m = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		m[i] = q->data[i] & 1; /* bit 0: dark */
	*width = q->width;
	QRcode_free(q);
	return m;
}

static const QRecLevel levels[] = {
	[QR_LEVEL_L] = QR_ECLEVEL_L,
	[QR_LEVEL_M] = QR_ECLEVEL_M,
	[QR_LEVEL_Q] = QR_ECLEVEL_Q,
	[QR_LEVEL_H] = QR_ECLEVEL_H,
};

unsigned char *
qr_modules_level(const char *text, enum qr_level level, int max_version,
                 int *width)
{
	/* case kept: the library picks alphanumeric mode for the runs of
	 * an upper-case payload (numeric for digits, 8-bit elsewhere) */
	QRcode *q = QRcode_encodeString(text, 0, levels[level], QR_MODE_8, 1);
	unsigned char *m;
	size_t n;

	if (q == NULL)
		return NULL;
	if (max_version > 0 && q->version > max_version) {
		QRcode_free(q);
		return NULL;
	}
	n = (size_t)q->width * (size_t)q->width;
	m = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		m[i] = q->data[i] & 1;
	*width = q->width;
	QRcode_free(q);
	return m;
}

int
pdf_qr(HPDF_Page page, const char *text, float x, float y, float side)
{
	int w = 0;
	unsigned char *m = qr_modules(text, &w);
	float unit;

	if (m == NULL)
		return -1;
	unit = side / (float)(w + 2 * QUIET);
	HPDF_Page_SetRGBFill(page, 1, 1, 1);
	HPDF_Page_Rectangle(page, x, y, side, side);
	HPDF_Page_Fill(page);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	/* one rectangle per run of dark modules in a row: fewer path
	 * operators, and no hairline gaps between neighbours */
	for (int row = 0; row < w; row++) {
		float top = y + side - (float)(QUIET + row + 1) * unit;

		for (int col = 0; col < w;) {
			int end = col;

			if (!m[row * w + col]) {
				col++;
				continue;
			}
			while (end < w && m[row * w + end])
				end++;
			HPDF_Page_Rectangle(
			    page, x + (float)(QUIET + col) * unit, top,
			    (float)(end - col) * unit, unit);
			col = end;
		}
	}
	HPDF_Page_Fill(page);
	free(m);
	return 0;
}

int
pdf_qr_level(HPDF_Page page, const char *text, enum qr_level level,
             int max_version, float x, float y, float side)
{
	int w = 0;
	unsigned char *m = qr_modules_level(text, level, max_version, &w);
	int n;

	if (m == NULL)
		return -1;
	n = w + 2 * QUIET;
	/* drawn in modules, from the quiet zone's lower left corner: whole
	 * numbers, a third of the bytes of page coordinates (certificates
	 * are printed by the hundred) */
	HPDF_Page_GSave(page);
	HPDF_Page_Concat(page, side / (float)n, 0, 0, side / (float)n, x, y);
	HPDF_Page_SetRGBFill(page, 1, 1, 1);
	HPDF_Page_Rectangle(page, 0, 0, (float)n, (float)n);
	HPDF_Page_Fill(page);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	for (int row = 0; row < w; row++) {
		for (int col = 0; col < w;) {
			int end = col;

			if (!m[row * w + col]) {
				col++;
				continue;
			}
			while (end < w && m[row * w + end])
				end++;
			HPDF_Page_Rectangle(page, (float)(QUIET + col),
			                    (float)(n - QUIET - row - 1),
			                    (float)(end - col), 1);
			col = end;
		}
	}
	HPDF_Page_Fill(page);
	HPDF_Page_GRestore(page);
	free(m);
	return 0;
}

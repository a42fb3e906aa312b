/* pdf_internal.h: what the PDF renderers of certificates/ share: a
 * document with its error state and fonts, text that is safe for
 * libharu, line wrapping, and drawing a QR code. */
#ifndef GIAMKHAO_PDF_INTERNAL_H
#define GIAMKHAO_PDF_INTERNAL_H

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
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

/* Has the page's document met an error? libharu does not survive its own
 * failures (a failed allocation leaves a font dictionary half made, and
 * the next text on the page crashes inside libharu: found by fault
 * injection), so nothing more is drawn once one is recorded; the
 * document then fails as a whole. */
bool pdf_failed(HPDF_Page page);
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
/* Called with each line of a text split to a width (its index from 0). */
typedef void (*pdf_line_fn)(const char *line, int index, void *arg);
/* Splits `s` into lines no wider than `width` in `font` at `size` (words
 * kept whole unless one alone is too wide), calling `fn` (may be NULL)
 * for each; returns the number of lines. Draws nothing. */
int pdf_split(HPDF_Page page, HPDF_Font font, float size, float width,
              const char *s, pdf_line_fn fn, void *arg);
/* The width of `s` in `font` at `size`, in points. */
float pdf_width(HPDF_Page page, HPDF_Font font, float size, const char *s);
/* Draws the QR code of `text` as a square of `side` points with its lower
 * left corner at (x, y), quiet zone included. -1 when it does not fit. */
int pdf_qr(HPDF_Page page, const char *text, float x, float y, float side);
/* The same at error correction `level`, refusing (-1) a code that would
 * need a version above `max_version`. */
int pdf_qr_level(HPDF_Page page, const char *text, enum qr_level level,
                 int max_version, float x, float y, float side);

/* ---- Flowing pages and tables (pdf_flow.c) -------------------------- */

/* A4 portrait pages added as the content needs them, within margins. */
struct pdf_flow {
	struct pdf *pdf;
	HPDF_Page page;   /* the current one */
	HPDF_Page *pages; /* every page so far, for numbering them */
	size_t npages;
	float y;           /* the top of what comes next */
	float left, width; /* the text area */
	float top, bottom;
};

/* A flow on its first page: 0, or -1 when libharu could not make it (the
 * document has failed; draw nothing). */
int pdf_flow_init(struct pdf_flow *f, struct pdf *pdf);
void pdf_flow_release(struct pdf_flow *f);
/* A new page; when libharu cannot make one, the flow stays on its page
 * (the document then fails). */
void pdf_flow_page(struct pdf_flow *f);
/* Starts a new page unless `height` points still fit on this one;
 * true when it started one. */
bool pdf_flow_need(struct pdf_flow *f, float height);
/* Writes "Trang i/n" at the foot of every page (once all are made). */
void pdf_flow_number_pages(struct pdf_flow *f);

enum pdf_align {
	PDF_LEFT,
	PDF_CENTRE,
	PDF_RIGHT,
};

/* Wrapped text in a box `width` wide from (x, top) down; its height. */
float pdf_box(HPDF_Page page, HPDF_Font font, float size, float x, float top,
              float width, enum pdf_align align, const char *s);
/* Wrapped text across the text area (from `indent` in), moving down. */
void pdf_flow_text(struct pdf_flow *f, HPDF_Font font, float size, float indent,
                   enum pdf_align align, const char *s);

struct pdf_column {
	const char *heading;
	float width; /* points */
	enum pdf_align align;
};

/* A table's columns (their widths add up to at most the text area). */
struct pdf_table {
	const struct pdf_column *cols;
	size_t ncols;
	float size; /* of the text */
};

/* The heading row (bold, shaded). */
void pdf_table_head(struct pdf_flow *f, const struct pdf_table *t);
/* One row of wrapped cells, at least `min_height` points tall; when it
 * does not fit, a new page starts and the heading row is repeated. */
void pdf_table_row(struct pdf_flow *f, const struct pdf_table *t,
                   const char *const *cells, HPDF_Font font, float min_height);

/* ---- Certificate layout pieces (cert_layout.c) ---------------------- */

/* Sets the fill and stroke colours to 0xRRGGBB. */
void cert_colour(HPDF_Page page, unsigned rgb);
/* The decorative frame of a `w` x `h` page in 0xRRGGBB: a heavy and a
 * light line, then an inner line with concave corners, ornaments in the
 * corners and a chain of small diamonds between the lines. */
void cert_border(HPDF_Page page, float w, float h, unsigned rgb);
/* Lines of `s` no wider than `width`, each centred on cx, the first
 * baseline at y, `leading` apart, at most `max_lines` (the last one cut
 * with "…"); drawn when `draw`, else only counted. The number of
 * lines. */
int cert_lines(HPDF_Page page, HPDF_Font font, float size, float cx, float y,
               float width, float leading, int max_lines, const char *s,
               bool draw);
/* The largest size from `size` down to `least` (in half points) at which
 * `s` fits on one line `width` wide; 0 when none does. */
float cert_fit(HPDF_Page page, HPDF_Font font, float size, float least,
               float width, const char *s);

#define CERT_MAX_ROWS 12
#define CERT_LEADING  1.32f /* line spacing, in font sizes */
#define CERT_INK      0.08f /* the grey of the text: nearly black */

/* A row of a certificate's middle block: one text, or two runs side by
 * side on one line (the body and the prize). */
struct cert_row {
	HPDF_Font font;
	float size; /* before the block is scaled to fit */
	const char *text;
	int max_lines; /* more are cut with "…" */
	bool coloured; /* in colour `rgb` (text2 always is) */
	unsigned rgb;
	bool fit; /* shrinks to fit one line before it wraps */
	HPDF_Font font2;
	float size2;
	const char *text2; /* after text on the same line, or NULL */
	float gap;         /* mm above it, before scaling */
};

struct cert_rows {
	struct cert_row row[CERT_MAX_ROWS];
	int n;
};

/* Adds `r` unless its text is empty. */
void cert_add(struct cert_rows *b, struct cert_row r);
/* Draws the rows centred on cx, `width` wide, between the heights `top`
 * and `bottom`: all smaller (down to 70 %) when they do not fit, the room
 * left spread between and around them. */
void cert_middle(HPDF_Page page, const struct cert_rows *b, float cx,
                 float width, float top, float bottom);

#endif

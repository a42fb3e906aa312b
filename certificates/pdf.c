/* pdf.c: a libharu document with the error state kept per document,
 * the Noto fonts loaded for UTF-8 text, and the text helpers the layouts
 * use (checked NFC text, centring, wrapping). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>

#include "pdf_internal.h"

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	struct pdf *pdf = user;

	if (pdf->error == HPDF_OK) {
		pdf->error = error;
		pdf->detail = detail;
		snprintf(pdf->err, 160, "libharu error 0x%04X (detail %u)",
		         (unsigned)error, (unsigned)detail);
	}
}

/* The next subset tag ("HPDFAA", "HPDFAB"...), as libharu's own loader
 * names the fonts it embeds: each embedded font needs its own. */
static void
next_tag(HPDF_Doc doc)
{
	if (doc->ttfont_tag[0] == 0) {
		memcpy(doc->ttfont_tag, "HPDFAA", 6);
		return;
	}
	for (int i = 5; i >= 0; i--) {
		if (doc->ttfont_tag[i] < 'Z') {
			doc->ttfont_tag[i]++;
			return;
		}
		doc->ttfont_tag[i] = 'A';
	}
}

/* A TrueType font from memory, embedded as HPDF_LoadTTFontFromFile would
 * embed it from a file. libharu reads a file one table and one glyph at
 * a time, a seek and a read each: measured, a seventh of a certificate's
 * time went to those system calls. */
static HPDF_Font
load_font_data(struct pdf *pdf, const unsigned char *data, size_t len)
{
	HPDF_Doc doc = pdf->doc;
	HPDF_Stream st = HPDF_MemStream_New(doc->mmgr, 64 * 1024);
	HPDF_FontDef def;

	if (st == NULL)
		return NULL;
	if (HPDF_Stream_Write(st, data, (HPDF_UINT)len) != HPDF_OK) {
		HPDF_Stream_Free(st);
		return NULL;
	}
	def = HPDF_TTFontDef_Load(doc->mmgr, st, HPDF_TRUE); /* owns st */
	if (def == NULL)
		return NULL;
	if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	next_tag(doc);
	HPDF_TTFontDef_SetTagName(def, (char *)doc->ttfont_tag);
	return HPDF_GetFont(doc, def->base_font, "UTF-8");
}

static HPDF_Font
load_font(struct pdf *pdf, const char *path, const unsigned char *data,
          size_t len)
{
	const char *name;

	if (data != NULL)
		return load_font_data(pdf, data, len);
	if (path == NULL)
		return NULL;
	name = HPDF_LoadTTFontFromFile(pdf->doc, path, HPDF_TRUE);
	return name != NULL ? HPDF_GetFont(pdf->doc, name, "UTF-8") : NULL;
}

/* libharu's memory. It does not survive a failed allocation (found by
 * fault injection: an unchecked buffer in HPDF_Page_TextOut, and a font
 * dictionary left half made that the next text crashed on), so its
 * allocations follow the program's own rule: out of memory ends the
 * process (xmalloc), which the database survives, rather than undefined
 * behaviour inside libharu. */
static void *
pdf_alloc(HPDF_UINT size)
{
	return xmalloc(size > 0 ? size : 1);
}

static void
pdf_free(void *p)
{
	free(p);
}

int
pdf_open(struct pdf *pdf, const struct pdf_fonts *fonts, char err[160])
{
	memset(pdf, 0, sizeof(*pdf));
	pdf->err = err;
	*err = '\0';
	pdf->doc = HPDF_NewEx(on_error, pdf_alloc, pdf_free, 0, pdf);
	if (pdf->doc == NULL) {
		snprintf(err, 160, "libharu could not start a document");
		return -1;
	}
	HPDF_SetCompressionMode(pdf->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf->doc);
	pdf->regular = load_font(pdf, fonts->regular, fonts->regular_data,
	                         fonts->regular_len);
	pdf->bold =
	    load_font(pdf, fonts->bold, fonts->bold_data, fonts->bold_len);
	if (pdf->regular == NULL || pdf->bold == NULL) {
		if (pdf->error == HPDF_OK)
			snprintf(err, 160, "a font did not load");
		HPDF_Free(pdf->doc);
		pdf->doc = NULL;
		return -1;
	}
	return 0;
}

int
pdf_finish(struct pdf *pdf, struct buf *out)
{
	HPDF_BYTE chunk[16384];
	int rc = pdf->error == HPDF_OK ? 0 : -1;

	if (rc == 0 && HPDF_SaveToStream(pdf->doc) != HPDF_OK)
		rc = -1;
	while (rc == 0) {
		HPDF_UINT32 len = sizeof(chunk);
		HPDF_STATUS st = HPDF_ReadFromStream(pdf->doc, chunk, &len);

		if (len > 0 && buf_append(out, chunk, len) != 0) {
			snprintf(pdf->err, 160, "the PDF is too large");
			rc = -1;
		}
		if (st == HPDF_STREAM_EOF)
			break;
		if (st != HPDF_OK)
			rc = -1;
	}
	HPDF_Free(pdf->doc);
	pdf->doc = NULL;
	return rc;
}

char *
pdf_text(struct pdf *pdf, const char *what, const char *in)
{
	const uint8_t *s = (const uint8_t *)(in != NULL ? in : "");
	size_t n = strlen((const char *)s), len = 0;
	uint8_t *nfc;
	char *out;

	/* libharu's UTF-8 decoder trusts its input */
	if (u8_check(s, n) != NULL) {
		snprintf(pdf->err, 160, "%s: not valid UTF-8", what);
		return NULL;
	}
	nfc = u8_normalize(UNINORM_NFC, s, n, NULL, &len);
	if (nfc == NULL) {
		snprintf(pdf->err, 160, "%s: cannot be normalised", what);
		return NULL;
	}
	out = xmalloc(len + 1);
	memcpy(out, nfc, len);
	out[len] = '\0';
	free(nfc);
	return out;
}

bool
pdf_failed(HPDF_Page page)
{
	return page == NULL || page->error == NULL ||
	       page->error->error_no != HPDF_OK;
}

void
pdf_show(HPDF_Page page, HPDF_Font font, float size, float x, float y,
         const char *s)
{
	if (pdf_failed(page))
		return;
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, size);
	HPDF_Page_TextOut(page, x, y, s);
	HPDF_Page_EndText(page);
}

static float
width_of(HPDF_Page page, HPDF_Font font, float size, const char *s)
{
	if (pdf_failed(page))
		return 0;
	HPDF_Page_SetFontAndSize(page, font, size);
	return HPDF_Page_TextWidth(page, s);
}

void
pdf_show_centred(HPDF_Page page, HPDF_Font font, float size, float x, float y,
                 const char *s)
{
	if (pdf_failed(page))
		return;
	HPDF_Page_BeginText(page);
	x -= width_of(page, font, size, s) / 2;
	HPDF_Page_TextOut(page, x, y, s);
	HPDF_Page_EndText(page);
}

/* The longest prefix of `s` (ending at a space, or at a character when
 * one word is too wide) that fits; its length in bytes, at least one
 * character. */
static size_t
fitting(HPDF_Page page, const char *s, float width, char *line, size_t size)
{
	size_t best = 0, n = 0, len = strlen(s);
	int step;

	while (n < len) {
		size_t next = n;

		/* up to the end of the next word */
		while (next < len && s[next] == ' ')
			next++;
		while (next < len && s[next] != ' ')
			next++;
		if (next >= size)
			break;
		memcpy(line, s, next);
		line[next] = '\0';
		if (HPDF_Page_TextWidth(page, line) > width)
			break;
		best = n = next;
	}
	if (best > 0)
		return best;
	/* one word wider than the line: cut it by characters */
	for (n = 0; n < len && n + 4 < size;) {
		step = u8_mblen((const uint8_t *)s + n, len - n);
		if (step <= 0)
			step = 1;
		memcpy(line, s, n + (size_t)step);
		line[n + (size_t)step] = '\0';
		if (n > 0 && HPDF_Page_TextWidth(page, line) > width)
			break;
		n += (size_t)step;
	}
	return n;
}

float
pdf_wrap(HPDF_Page page, HPDF_Font font, float size, float x, float y,
         float width, float leading, int max_lines, const char *s)
{
	char line[1024];
	int lines = 0;

	if (pdf_failed(page))
		return y;
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, size);
	while (*s != '\0' && lines < max_lines) {
		size_t n = fitting(page, s, width, line, sizeof(line) - 4);

		memcpy(line, s, n);
		line[n] = '\0';
		s += n;
		while (*s == ' ')
			s++;
		if (++lines == max_lines && *s != '\0') {
			/* the rest does not fit: say so with an ellipsis */
			while (n > 0 &&
			       HPDF_Page_TextWidth(page, line) >
			           width - width_of(page, font, size, "…")) {
				do
					n--;
				while (n > 0 && (line[n] & 0xC0) == 0x80);
				line[n] = '\0';
			}
			memcpy(line + n, "…", sizeof("…"));
		}
		HPDF_Page_TextOut(page, x, y, line);
		y -= leading;
	}
	HPDF_Page_EndText(page);
	return y;
}

int
pdf_split(HPDF_Page page, HPDF_Font font, float size, float width,
          const char *s, pdf_line_fn fn, void *arg)
{
	char line[1024];
	int lines = 0;

	if (pdf_failed(page))
		return 0;
	HPDF_Page_SetFontAndSize(page, font, size);
	while (*s != '\0') {
		size_t stop = strcspn(s, "\n");
		size_t n = fitting(page, s, width, line, sizeof(line) - 4);

		/* a line break in the text ends the line there */
		if (n > stop)
			n = stop;
		memcpy(line, s, n);
		line[n] = '\0';
		s += n;
		while (*s == ' ')
			s++;
		if (*s == '\n')
			s++;
		if (fn != NULL)
			fn(line, lines, arg);
		lines++;
	}
	return lines;
}

float
pdf_width(HPDF_Page page, HPDF_Font font, float size, const char *s)
{
	return width_of(page, font, size, s);
}

/* cert_layout.c: the pieces certificates are drawn with: the decorative
 * frame, centred lines of wrapped text, a block of such rows fitted
 * between two heights, and a test page of glyphs for checking that every
 * letter prints whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

#define MAX_LINES 4
/* A quarter circle as a Bézier curve: its control points are this far
 * out along the tangents, in radii. */
#define KAPPA 0.5523f

void
cert_colour(HPDF_Page page, unsigned rgb)
{
	float r = (float)((rgb >> 16) & 0xFF) / 255.0f;
	float g = (float)((rgb >> 8) & 0xFF) / 255.0f;
	float b = (float)(rgb & 0xFF) / 255.0f;

	HPDF_Page_SetRGBFill(page, r, g, b);
	HPDF_Page_SetRGBStroke(page, r, g, b);
}

/* A point and a direction, for the corners. */
struct vec {
	float x, y;
};

/* A quarter circle about `c` of radius `r`, from c + r·a to c + r·b
 * (a and b unit vectors at right angles), from the current point. */
static void
quarter(HPDF_Page page, struct vec c, float r, struct vec a, struct vec b)
{
	HPDF_Page_CurveTo(
	    page, c.x + r * a.x + KAPPA * r * b.x,
	    c.y + r * a.y + KAPPA * r * b.y, c.x + r * b.x + KAPPA * r * a.x,
	    c.y + r * b.y + KAPPA * r * a.y, c.x + r * b.x, c.y + r * b.y);
}

static void
diamond(HPDF_Page page, float x, float y, float d)
{
	HPDF_Page_MoveTo(page, x, y - d);
	HPDF_Page_LineTo(page, x + d, y);
	HPDF_Page_LineTo(page, x, y + d);
	HPDF_Page_LineTo(page, x - d, y);
	HPDF_Page_ClosePath(page);
}

/* The border is drawn in quarter millimetres (whole numbers, short in
 * the page's content: a page of certificates carries hundreds of its
 * shapes). */
#define QMM MM(0.25f)

/* The inner line: a rectangle whose corners are cut by quarter circles
 * of radius r about them, curving inwards. */
static void
concave_frame(HPDF_Page page, float l, float b, float r_, float t, float r)
{
	const struct vec left = { -1, 0 }, right = { 1, 0 }, up = { 0, 1 },
	                 down = { 0, -1 };

	HPDF_Page_MoveTo(page, l + r, b);
	HPDF_Page_LineTo(page, r_ - r, b);
	quarter(page, (struct vec){ r_, b }, r, left, up);
	HPDF_Page_LineTo(page, r_, t - r);
	quarter(page, (struct vec){ r_, t }, r, down, left);
	HPDF_Page_LineTo(page, l + r, t);
	quarter(page, (struct vec){ l, t }, r, right, down);
	HPDF_Page_LineTo(page, l, b + r);
	quarter(page, (struct vec){ l, b }, r, up, right);
	HPDF_Page_ClosePath(page);
	HPDF_Page_Stroke(page);
}

/* The ornament of the corner `c`, whose inside is towards (dx, dy). */
static void
corner(HPDF_Page page, struct vec c, float dx, float dy)
{
	const struct vec a = { dx, 0 }, b = { 0, dy };

	/* a dot on the corner, a second arc inside the frame's own */
	HPDF_Page_Circle(page, c.x, c.y, 6);
	HPDF_Page_Fill(page);
	HPDF_Page_MoveTo(page, c.x + 16 * dx, c.y);
	quarter(page, c, 16, a, b);
	HPDF_Page_Stroke(page);
	/* a diamond across the diagonal with a stroke either side */
	diamond(page, c.x + 30 * dx, c.y + 30 * dy, 7);
	HPDF_Page_Fill(page);
	HPDF_Page_MoveTo(page, c.x + 38 * dx, c.y + 29 * dy);
	HPDF_Page_LineTo(page, c.x + 64 * dx, c.y + 29 * dy);
	HPDF_Page_MoveTo(page, c.x + 29 * dx, c.y + 38 * dy);
	HPDF_Page_LineTo(page, c.x + 29 * dx, c.y + 64 * dy);
	HPDF_Page_Stroke(page);
}

/* Small diamonds along the band between two lines, from `from` to `to`
 * along a side, `at` across it, 4 mm apart. */
static void
chain(HPDF_Page page, float from, float to, float at, bool vertical)
{
	int n = (int)((to - from) / 16);
	float start = (float)(int)(from + (to - from - (float)n * 16) / 2);

	for (int i = 0; i <= n; i++) {
		float p = start + (float)i * 16;

		if (vertical)
			diamond(page, at, p, 3);
		else
			diamond(page, p, at, 3);
	}
	HPDF_Page_Fill(page);
}

void
cert_border(HPDF_Page page, float w, float h, unsigned rgb)
{
	/* the lines 7, 8.75 and 11.75 mm in, the corners' radius 7 mm */
	const float o1 = 28, o2 = 35, o3 = 47, r = 28, mid = (o2 + o3) / 2;
	float wq = (float)(int)(w / QMM + 0.5f),
	      hq = (float)(int)(h / QMM + 0.5f);
	float skip = o3 + r + 8;

	HPDF_Page_GSave(page);
	HPDF_Page_Concat(page, QMM, 0, 0, QMM, 0, 0);
	cert_colour(page, rgb);
	HPDF_Page_SetLineWidth(page, 2.2f / QMM);
	HPDF_Page_Rectangle(page, o1, o1, wq - 2 * o1, hq - 2 * o1);
	HPDF_Page_Stroke(page);
	HPDF_Page_SetLineWidth(page, 0.6f / QMM);
	HPDF_Page_Rectangle(page, o2, o2, wq - 2 * o2, hq - 2 * o2);
	HPDF_Page_Stroke(page);
	HPDF_Page_SetLineWidth(page, 1.1f / QMM);
	concave_frame(page, o3, o3, wq - o3, hq - o3, r);
	HPDF_Page_SetLineWidth(page, 0.7f / QMM);
	corner(page, (struct vec){ o3, o3 }, 1, 1);
	corner(page, (struct vec){ wq - o3, o3 }, -1, 1);
	corner(page, (struct vec){ o3, hq - o3 }, 1, -1);
	corner(page, (struct vec){ wq - o3, hq - o3 }, -1, -1);
	chain(page, skip, wq - skip, mid, false);
	chain(page, skip, wq - skip, hq - mid, false);
	chain(page, skip, hq - skip, mid, true);
	chain(page, skip, hq - skip, wq - mid, true);
	HPDF_Page_GRestore(page);
}

/* The first lines of a text split to a width, and how many there are. */
struct collected {
	char line[MAX_LINES][1024];
	int max, n;
};

static void
collect(const char *line, int index, void *arg)
{
	struct collected *c = arg;

	if (index < c->max)
		snprintf(c->line[index], sizeof(c->line[index]), "%s", line);
	c->n = index + 1;
}

/* Cuts `line` until it and "…" fit in `width`, then adds the "…". */
static void
ellipsis(HPDF_Page page, HPDF_Font font, float size, float width,
         char line[1024])
{
	size_t n = strlen(line);

	while (n > 0) {
		char tried[1024];

		snprintf(tried, sizeof(tried), "%.*s…", (int)n, line);
		if (pdf_width(page, font, size, tried) <= width)
			break;
		do
			n--;
		while (n > 0 && (line[n] & 0xC0) == 0x80);
	}
	while (n > 0 && line[n - 1] == ' ')
		n--;
	snprintf(line + n, 1024 - n, "…");
}

int
cert_lines(HPDF_Page page, HPDF_Font font, float size, float cx, float y,
           float width, float leading, int max_lines, const char *s, bool draw)
{
	struct collected c;
	int n;

	if (max_lines > MAX_LINES)
		max_lines = MAX_LINES;
	c.max = max_lines;
	c.n = 0;
	pdf_split(page, font, size, width, s, collect, &c);
	n = c.n < max_lines ? c.n : max_lines;
	if (c.n > max_lines)
		ellipsis(page, font, size, width, c.line[n - 1]);
	for (int i = 0; draw && i < n; i++)
		pdf_show_centred(page, font, size, cx, y - (float)i * leading,
		                 c.line[i]);
	return n;
}

float
cert_fit(HPDF_Page page, HPDF_Font font, float size, float least, float width,
         const char *s)
{
	/* in half points, counted in whole numbers */
	for (int half = (int)(size * 2); (float)half >= least * 2; half--)
		if (pdf_width(page, font, (float)half / 2, s) <= width)
			return (float)half / 2;
	return 0;
}

/* The size a row is printed at after scaling by k, its number of lines
 * and its height (the gap above included). */
struct fitted {
	float size, size2, height;
	int lines;
};

void
cert_add(struct cert_rows *b, struct cert_row r)
{
	if (b->n < CERT_MAX_ROWS && r.text != NULL && *r.text != '\0')
		b->row[b->n++] = r;
}

static float
larger(float a, float b)
{
	return a > b ? a : b;
}

/* The width of a row of two runs ("Đã đạt" and the prize). */
static float
pair_width(HPDF_Page page, const struct cert_row *r, float size, float size2)
{
	return pdf_width(page, r->font, size, r->text) +
	       pdf_width(page, r->font, size, " ") +
	       pdf_width(page, r->font2, size2, r->text2);
}

static struct fitted
fit_row(HPDF_Page page, const struct cert_row *r, float k, float width)
{
	struct fitted f = { r->size * k, r->size2 * k, 0, 1 };

	if (r->text2 != NULL) {
		/* both runs on one line, smaller when it is too wide */
		float w = pair_width(page, r, f.size, f.size2);

		if (w > width) {
			f.size *= width / w;
			f.size2 *= width / w;
		}
	} else if (r->fit) {
		float one = cert_fit(page, r->font, f.size, f.size * 0.75f,
		                     width, r->text);
		float at = f.size * 0.85f;

		/* else on more lines, as large as they fit */
		while (one == 0 && at > f.size * 0.6f &&
		       cert_lines(page, r->font, at, 0, 0, width, 0, MAX_LINES,
		                  r->text, false) > r->max_lines)
			at -= 0.5f;
		f.size = one > 0 ? one : at;
	}
	if (r->text2 == NULL)
		f.lines = cert_lines(page, r->font, f.size, 0, 0, width, 0,
		                     r->max_lines, r->text, false);
	f.height = MM(r->gap) * k +
	           (float)f.lines * CERT_LEADING * larger(f.size, f.size2);
	return f;
}

static void
draw_row(HPDF_Page page, const struct cert_row *r, const struct fitted *f,
         float cx, float width, float top)
{
	float y = top - larger(f->size, f->size2) * 1.02f, x;

	if (r->coloured)
		cert_colour(page, r->rgb);
	else
		HPDF_Page_SetGrayFill(page, CERT_INK);
	if (r->text2 == NULL) {
		cert_lines(page, r->font, f->size, cx, y, width,
		           CERT_LEADING * f->size, r->max_lines, r->text, true);
		return;
	}
	x = cx - pair_width(page, r, f->size, f->size2) / 2;
	pdf_show(page, r->font, f->size, x, y, r->text);
	x += pdf_width(page, r->font, f->size, r->text) +
	     pdf_width(page, r->font, f->size, " ");
	cert_colour(page, r->rgb);
	pdf_show(page, r->font2, f->size2, x, y, r->text2);
}

void
cert_middle(HPDF_Page page, const struct cert_rows *b, float cx, float width,
            float top, float bottom)
{
	struct fitted f[CERT_MAX_ROWS];
	float k = 1.0f, total, spare, gap;

	for (;;) {
		total = 0;
		for (int i = 0; i < b->n; i++) {
			f[i] = fit_row(page, &b->row[i], k, width);
			total += f[i].height;
		}
		if (total <= top - bottom || k < 0.72f)
			break;
		k -= 0.03f;
	}
	/* the room left: up to 3 mm between rows, the rest above and
	 * below */
	spare = top - bottom - total;
	gap = b->n > 1 ? spare / (float)(b->n + 1) : 0;
	gap = gap > MM(3) ? MM(3) : gap < 0 ? 0 : gap;
	top -= (spare - gap * (float)(b->n - 1)) / 2;
	for (int i = 0; i < b->n; i++) {
		const struct cert_row *r = &b->row[i];

		top -= MM(r->gap) * k + (i > 0 ? gap : 0);
		draw_row(page, r, &f[i], cx, width, top);
		top -= f[i].height - MM(r->gap) * k;
	}
}

int
pdf_glyph_grid(const struct pdf_fonts *fonts, const char *const *texts,
               size_t n, struct buf *out, char err[160])
{
	struct pdf pdf;
	size_t cells = (size_t)CERT_GRID_COLS * CERT_GRID_ROWS;

	if (pdf_open(&pdf, fonts, err) != 0)
		return -1;
	for (int p = 0; p < 2 && *err == '\0'; p++) {
		HPDF_Page page = HPDF_AddPage(pdf.doc);
		HPDF_Font font = p == 0 ? pdf.regular : pdf.bold;

		if (page == NULL) /* libharu has recorded why */
			break;

		HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		for (size_t i = 0; i < n && i < cells; i++) {
			size_t at_row = i / CERT_GRID_COLS;
			float col = (float)(i % CERT_GRID_COLS);
			float row = (float)at_row;
			float x = MM(CERT_GRID_LEFT + col * CERT_GRID_CELL +
			             CERT_GRID_PAD);
			float y =
			    HPDF_Page_GetHeight(page) -
			    MM(CERT_GRID_TOP + (row + 1) * CERT_GRID_CELL -
			       CERT_GRID_BASE);
			char *s = pdf_text(&pdf, "letter", texts[i]);

			if (s == NULL)
				break;
			pdf_show(page, font, CERT_GRID_SIZE, x, y, s);
			free(s);
		}
	}
	if (*err != '\0') {
		HPDF_Free(pdf.doc);
		return -1;
	}
	return pdf_finish(&pdf, out);
}

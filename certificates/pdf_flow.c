/* pdf_flow.c: documents longer than a page: A4 pages added as content
 * needs them, wrapped paragraphs, tables whose rows wrap their cells and
 * whose heading row comes again on every page they run onto, and page
 * numbers written once the last page is known. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

#define PAGE_W MM(210)
#define PAGE_H MM(297)
/* Vietnamese administrative documents: a wide left margin for binding */
#define MARGIN_LEFT   MM(25)
#define MARGIN_RIGHT  MM(15)
#define MARGIN_TOP    MM(18)
#define MARGIN_BOTTOM MM(20)
#define CELL_PAD_X    MM(1.5f)
#define CELL_PAD_Y    MM(1.4f)
#define LEADING(size) ((size)*1.3f)

int
pdf_flow_init(struct pdf_flow *f, struct pdf *pdf)
{
	memset(f, 0, sizeof(*f));
	f->pdf = pdf;
	f->left = MARGIN_LEFT;
	f->width = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
	f->top = PAGE_H - MARGIN_TOP;
	f->bottom = MARGIN_BOTTOM;
	pdf_flow_page(f);
	return f->page != NULL ? 0 : -1;
}

void
pdf_flow_release(struct pdf_flow *f)
{
	free(f->pages);
	f->pages = NULL;
	f->npages = 0;
}

void
pdf_flow_page(struct pdf_flow *f)
{
	HPDF_Page page = HPDF_AddPage(f->pdf->doc);

	/* libharu could not make one (it has recorded why, and the document
	 * will fail): the rest goes on the page before, never on none */
	if (page == NULL)
		return;
	f->page = page;
	HPDF_Page_SetWidth(f->page, PAGE_W);
	HPDF_Page_SetHeight(f->page, PAGE_H);
	f->pages = xreallocarray(f->pages, f->npages + 1, sizeof(HPDF_Page));
	f->pages[f->npages++] = f->page;
	f->y = f->top;
}

bool
pdf_flow_need(struct pdf_flow *f, float height)
{
	if (f->y - height >= f->bottom || f->y >= f->top)
		return false; /* it fits, or it never will: no blank page */
	pdf_flow_page(f);
	return true;
}

void
pdf_flow_number_pages(struct pdf_flow *f)
{
	char text[64];

	for (size_t i = 0; i < f->npages; i++) {
		snprintf(text, sizeof(text), "Trang %zu/%zu", i + 1, f->npages);
		HPDF_Page_SetGrayFill(f->pages[i], 0.35f);
		pdf_show_centred(f->pages[i], f->pdf->regular, 8.5f, PAGE_W / 2,
		                 MM(10), text);
	}
}

/* Where lines go: a box, its alignment, the first baseline. */
struct lines_at {
	HPDF_Page page;
	HPDF_Font font;
	float size, x, width, y;
	enum pdf_align align;
};

static void
draw_line(const char *line, int index, void *arg)
{
	const struct lines_at *at = arg;
	float x = at->x, w;

	if (at->align != PDF_LEFT) {
		w = pdf_width(at->page, at->font, at->size, line);
		x += at->align == PDF_RIGHT ? at->width - w
		                            : (at->width - w) / 2;
	}
	pdf_show(at->page, at->font, at->size, x,
	         at->y - (float)index * LEADING(at->size), line);
}

float
pdf_box(HPDF_Page page, HPDF_Font font, float size, float x, float top,
        float width, enum pdf_align align, const char *s)
{
	struct lines_at at = { page, font, size, x, width, top - size, align };
	int n = pdf_split(page, font, size, width, s, draw_line, &at);

	return (float)n * LEADING(size);
}

void
pdf_flow_text(struct pdf_flow *f, HPDF_Font font, float size, float indent,
              enum pdf_align align, const char *s)
{
	/* centred text is indented on both sides, so it stays centred */
	float w = f->width - (align == PDF_CENTRE ? 2.0f : 1.0f) * indent;
	int n = pdf_split(f->page, font, size, w, s, NULL, NULL);

	/* kept whole on one page (the report's paragraphs are short) */
	pdf_flow_need(f, (float)n * LEADING(size));
	f->y -=
	    pdf_box(f->page, font, size, f->left + indent, f->y, w, align, s);
}

/* The height of a row of cells, padding included. */
static float
row_height(const struct pdf_flow *f, const struct pdf_table *t,
           const char *const *cells, HPDF_Font font)
{
	int most = 1;

	for (size_t c = 0; c < t->ncols; c++) {
		int n = pdf_split(f->page, font, t->size,
		                  t->cols[c].width - 2 * CELL_PAD_X, cells[c],
		                  NULL, NULL);

		if (n > most)
			most = n;
	}
	return (float)most * LEADING(t->size) + 2 * CELL_PAD_Y;
}

static void
draw_row(struct pdf_flow *f, const struct pdf_table *t,
         const char *const *cells, HPDF_Font font, float h, bool head)
{
	float x = f->left;

	for (size_t c = 0; c < t->ncols; c++) {
		const struct pdf_column *col = &t->cols[c];
		struct lines_at at = { f->page,
			               font,
			               t->size,
			               x + CELL_PAD_X,
			               col->width - 2 * CELL_PAD_X,
			               f->y - CELL_PAD_Y - t->size,
			               head ? PDF_CENTRE : col->align };

		if (head) {
			HPDF_Page_SetGrayFill(f->page, 0.9f);
			HPDF_Page_Rectangle(f->page, x, f->y - h, col->width,
			                    h);
			HPDF_Page_Fill(f->page);
		}
		HPDF_Page_SetGrayStroke(f->page, 0);
		HPDF_Page_SetLineWidth(f->page, 0.5f);
		HPDF_Page_Rectangle(f->page, x, f->y - h, col->width, h);
		HPDF_Page_Stroke(f->page);
		HPDF_Page_SetGrayFill(f->page, 0);
		pdf_split(f->page, font, t->size, at.width, cells[c], draw_line,
		          &at);
		x += col->width;
	}
	f->y -= h;
}

/* The headings as cells. */
static const char **
headings(const struct pdf_table *t)
{
	const char **cells = xcalloc(t->ncols + 1, sizeof(*cells));

	for (size_t c = 0; c < t->ncols; c++)
		cells[c] = t->cols[c].heading;
	return cells;
}

void
pdf_table_head(struct pdf_flow *f, const struct pdf_table *t)
{
	const char **cells = headings(t);
	float h = row_height(f, t, cells, f->pdf->bold);

	/* a heading alone at a page's foot is no use: keep a row with it */
	pdf_flow_need(f, h + LEADING(t->size) + 2 * CELL_PAD_Y);
	draw_row(f, t, cells, f->pdf->bold, h, true);
	free(cells);
}

void
pdf_table_row(struct pdf_flow *f, const struct pdf_table *t,
              const char *const *cells, HPDF_Font font, float min_height)
{
	float h = row_height(f, t, cells, font);

	if (h < min_height)
		h = min_height;
	if (pdf_flow_need(f, h))
		pdf_table_head(f, t);
	draw_row(f, t, cells, font, h, false);
}

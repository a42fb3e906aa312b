/* cards.c: the judges' login cards: A6, four to an A4 page, each with
 * the judge's name and panels, the edition, the QR code of a single-use
 * login link and the short code to type when the camera fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

#define PAGE_W  MM(210)
#define PAGE_H  MM(297)
#define CARD_W  MM(105)
#define CARD_H  MM(148.5)
#define PAD     MM(8)
#define QR_SIDE MM(56)

/* A card's texts, checked and in NFC. */
struct card_text {
	char *name, *panels, *edition, *org, *url, *code, *site, *issued,
	    *expires;
};

static void
card_text_free(struct card_text *t)
{
	free(t->name);
	free(t->panels);
	free(t->edition);
	free(t->org);
	free(t->url);
	free(t->code);
	free(t->site);
	free(t->issued);
	free(t->expires);
}

static int
card_text(struct pdf *pdf, const struct login_card *c, struct card_text *t)
{
	memset(t, 0, sizeof(*t));
	t->name = pdf_text(pdf, "name", c->name);
	t->panels = pdf_text(pdf, "panels", c->panels);
	t->edition = pdf_text(pdf, "edition", c->edition);
	t->org = pdf_text(pdf, "organisation", c->org);
	t->url = pdf_text(pdf, "link", c->url);
	t->code = pdf_text(pdf, "code", c->code);
	t->site = pdf_text(pdf, "address", c->site);
	t->issued = pdf_text(pdf, "issue date", c->issued);
	t->expires = pdf_text(pdf, "expiry date", c->expires);
	if (t->name && t->panels && t->edition && t->org && t->url && t->code &&
	    t->site && t->issued && t->expires)
		return 0;
	card_text_free(t);
	return -1;
}

/* The cutting guides between the four cards of a page. */
static void
cut_lines(HPDF_Page page)
{
	const HPDF_UINT16 dash[] = { 3, 3 };

	HPDF_Page_SetGrayStroke(page, 0.7f);
	HPDF_Page_SetLineWidth(page, 0.4f);
	HPDF_Page_SetDash(page, dash, 2, 0);
	HPDF_Page_MoveTo(page, CARD_W, 0);
	HPDF_Page_LineTo(page, CARD_W, PAGE_H);
	HPDF_Page_MoveTo(page, 0, CARD_H);
	HPDF_Page_LineTo(page, PAGE_W, CARD_H);
	HPDF_Page_Stroke(page);
	HPDF_Page_SetDash(page, NULL, 0, 0);
}

/* The coloured band at the top: who issues the card and what it is. */
static void
band(struct pdf *pdf, HPDF_Page page, float x, float top,
     const struct card_text *t)
{
	float w = CARD_W - 2 * PAD, cx = x + CARD_W / 2;

	HPDF_Page_SetRGBFill(page, 0.08f, 0.26f, 0.45f);
	HPDF_Page_Rectangle(page, x + PAD, top - MM(21), w, MM(21));
	HPDF_Page_Fill(page);
	HPDF_Page_SetRGBFill(page, 1, 1, 1);
	pdf_wrap(page, pdf->regular, 7, x + PAD + MM(3), top - MM(5), w - MM(6),
	         8.5f, 1, t->org);
	pdf_show_centred(page, pdf->bold, 12.5f, cx, top - MM(12),
	                 "THẺ ĐĂNG NHẬP CHẤM THI");
	pdf_show_centred(page, pdf->regular, 7.5f, cx, top - MM(17),
	                 "Judge login card");
}

static void
one_card(struct pdf *pdf, HPDF_Page page, float x, float y,
         const struct card_text *t)
{
	float top = y + CARD_H - PAD, w = CARD_W - 2 * PAD;
	float cx = x + CARD_W / 2, at;
	char line[512];

	band(pdf, page, x, top, t);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	at = pdf_wrap(page, pdf->bold, 13, x + PAD, top - MM(28), w, 15, 2,
	              t->name);
	at = pdf_wrap(page, pdf->regular, 8.5f, x + PAD, at + 3, w, 10.5f, 2,
	              t->panels);
	HPDF_Page_SetGrayFill(page, 0.3f);
	pdf_wrap(page, pdf->regular, 8, x + PAD, at, w, 10, 2, t->edition);
	if (pdf_qr(page, t->url, cx - QR_SIDE / 2, y + MM(37), QR_SIDE) != 0)
		snprintf(pdf->err, 160,
		         "the login link is too long for a QR code");
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	pdf_show_centred(page, pdf->bold, 8.5f, cx, y + MM(33),
	                 "Quét mã bằng máy tính bảng để vào chấm");
	pdf_show_centred(page, pdf->regular, 7, cx, y + MM(29.5f),
	                 "Scan with the tablet to start judging");
	snprintf(line, sizeof(line),
	         "Hoặc mở %s và nhập mã / or type:", t->site);
	HPDF_Page_SetGrayFill(page, 0.2f);
	pdf_wrap(page, pdf->regular, 7, x + PAD, y + MM(24), w, 8.5f, 2, line);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	pdf_show_centred(page, pdf->bold, 17, cx, y + MM(14), t->code);
	HPDF_Page_SetGrayFill(page, 0.3f);
	snprintf(line, sizeof(line),
	         "Dùng một lần · cấp %s · dùng được đến hết %s · giữ kín thẻ",
	         t->issued, t->expires);
	pdf_wrap(page, pdf->regular, 6.5f, x + PAD, y + MM(8.5f), w, 8, 2,
	         line);
}

int
pdf_login_cards(const struct pdf_fonts *fonts, const struct login_card *cards,
                size_t n, struct buf *out, char err[160])
{
	struct pdf pdf;
	HPDF_Page page = NULL;

	if (pdf_open(&pdf, fonts, err) != 0)
		return -1;
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_CREATOR, "giamkhao");
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_TITLE, "Login cards");
	for (size_t i = 0; i < n && *err == '\0'; i++) {
		struct card_text t;
		int slot = (int)(i % 4);

		if (slot == 0) {
			page = HPDF_AddPage(pdf.doc);
			if (page == NULL) /* libharu has recorded why */
				break;
			HPDF_Page_SetWidth(page, PAGE_W);
			HPDF_Page_SetHeight(page, PAGE_H);
			cut_lines(page);
		}
		if (card_text(&pdf, &cards[i], &t) != 0)
			break;
		/* left to right, top row first */
		one_card(&pdf, page, slot % 2 == 0 ? 0.0f : CARD_W,
		         slot < 2 ? CARD_H : 0.0f, &t);
		card_text_free(&t);
	}
	if (*err != '\0') {
		HPDF_Free(pdf.doc);
		return -1;
	}
	return pdf_finish(&pdf, out);
}

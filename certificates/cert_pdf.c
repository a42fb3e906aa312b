/* cert_pdf.c: certificates (giấy chứng nhận) as A4 landscape PDFs: the
 * issuing body and the national motto, the heading, the recipient and
 * what they are honoured for, the signature block with its seal, and the
 * QR code of the verification link with the short code to type. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "pdf_internal.h"

#define PAGE_W    MM(297)
#define PAGE_H    MM(210)
#define LEFT_X    MM(78) /* the issuing body's column, centred */
#define LEFT_W    MM(100)
#define RIGHT_X   (PAGE_W - MM(80)) /* the motto and the signature */
#define RIGHT_W   MM(110)
#define TEXT_W    MM(235) /* the middle lines */
#define QR_SIDE   MM(30)
#define QR_X      MM(32)
#define QR_Y      MM(31)
#define SEAL_SIDE MM(32)
#define MAX_QR    8

/* From the top of the page down to a baseline, in millimetres. */
#define TOP(mm) (PAGE_H - MM(mm))

/* The texts of a certificate, in this order in cert_doc. */
enum text {
	T_ISSUER,
	T_PARENT,
	T_RECIPIENT,
	T_BIRTH,
	T_SCHOOL,
	T_ENTRY,
	T_FIELD,
	T_PRIZE,
	T_EDITION,
	T_DECISION,
	T_PLACE_DATE,
	T_SIGNER_TITLE,
	T_SIGNER,
	T_URL,
	T_CODE,
	T_SERIAL,
	T_HEADING, /* from the template */
	T_LEAD,
	T_BODY,
	T__MAX,
};

/* Each text's name in error messages, and where it is in cert_doc. */
static const struct {
	const char *what;
	size_t off;
} doc_texts[T_HEADING] = {
	[T_ISSUER] = { "issuer", offsetof(struct cert_doc, issuer) },
	[T_PARENT] = { "parent", offsetof(struct cert_doc, parent) },
	[T_RECIPIENT] = { "recipient", offsetof(struct cert_doc, recipient) },
	[T_BIRTH] = { "birth_date", offsetof(struct cert_doc, birth_date) },
	[T_SCHOOL] = { "school", offsetof(struct cert_doc, school) },
	[T_ENTRY] = { "entry_title", offsetof(struct cert_doc, entry_title) },
	[T_FIELD] = { "field", offsetof(struct cert_doc, field) },
	[T_PRIZE] = { "prize", offsetof(struct cert_doc, prize) },
	[T_EDITION] = { "edition", offsetof(struct cert_doc, edition) },
	[T_DECISION] = { "decision", offsetof(struct cert_doc, decision) },
	[T_PLACE_DATE] = { "place_date",
	                   offsetof(struct cert_doc, place_date) },
	[T_SIGNER_TITLE] = { "signer_title",
	                     offsetof(struct cert_doc, signer_title) },
	[T_SIGNER] = { "signer", offsetof(struct cert_doc, signer) },
	[T_URL] = { "url", offsetof(struct cert_doc, url) },
	[T_CODE] = { "short_code", offsetof(struct cert_doc, short_code) },
	[T_SERIAL] = { "serial", offsetof(struct cert_doc, serial) },
};

/* One certificate's texts, checked and in NFC; the two bodies' names in
 * capitals. */
struct texts {
	char *s[T__MAX];
};

static void
texts_free(struct texts *t)
{
	for (int i = 0; i < T__MAX; i++)
		free(t->s[i]);
}

/* `*s` in capitals (Vietnamese letters included), in place. */
static int
upper(struct pdf *pdf, char **s)
{
	size_t len = 0;
	uint8_t *up = u8_toupper((const uint8_t *)*s, strlen(*s), "vi",
	                         UNINORM_NFC, NULL, &len);

	if (up == NULL) {
		snprintf(pdf->err, 160, "a name cannot be put in capitals");
		return -1;
	}
	free(*s);
	*s = xmalloc(len + 1);
	memcpy(*s, up, len);
	(*s)[len] = '\0';
	free(up);
	return 0;
}

static int
texts_make(struct pdf *pdf, const struct cert_template *tp,
           const struct cert_doc *d, struct texts *t)
{
	memset(t, 0, sizeof(*t));
	for (int i = 0; i < T_HEADING; i++) {
		const char *in =
		    *(const char *const *)((const char *)d + doc_texts[i].off);

		t->s[i] = pdf_text(pdf, doc_texts[i].what, in);
		if (t->s[i] == NULL)
			goto fail;
	}
	t->s[T_HEADING] = pdf_text(pdf, "heading", tp->heading);
	t->s[T_LEAD] = pdf_text(pdf, "lead", tp->lead);
	t->s[T_BODY] = pdf_text(pdf, "body", tp->body);
	if (t->s[T_HEADING] == NULL || t->s[T_LEAD] == NULL ||
	    t->s[T_BODY] == NULL)
		goto fail;
	if (upper(pdf, &t->s[T_ISSUER]) != 0 ||
	    upper(pdf, &t->s[T_PARENT]) != 0)
		goto fail;
	return 0;
fail:
	texts_free(t);
	return -1;
}

/* A horizontal rule `w` wide centred on cx. */
static void
rule(HPDF_Page page, float cx, float y, float w)
{
	HPDF_Page_SetGrayStroke(page, CERT_INK);
	HPDF_Page_SetLineWidth(page, 0.7f);
	HPDF_Page_MoveTo(page, cx - w / 2, y);
	HPDF_Page_LineTo(page, cx + w / 2, y);
	HPDF_Page_Stroke(page);
}

/* The issuing bodies on the left, the national motto on the right; the
 * baseline below which the page is free. */
static float
header(struct pdf *pdf, HPDF_Page page, const struct texts *t)
{
	const char *motto = "Độc lập - Tự do - Hạnh phúc";
	float y = TOP(22), lead = 15.5f, w;
	int n;

	HPDF_Page_SetGrayFill(page, CERT_INK);
	if (*t->s[T_PARENT] != '\0') {
		n = cert_lines(page, pdf->regular, 12, LEFT_X, y, LEFT_W, lead,
		               2, t->s[T_PARENT], true);
		y -= (float)n * lead;
	}
	n = cert_lines(page, pdf->bold, 12, LEFT_X, y, LEFT_W, lead, 3,
	               t->s[T_ISSUER], true);
	y -= (float)(n - 1) * lead + MM(3);
	rule(page, LEFT_X, y, MM(32));
	pdf_show_centred(page, pdf->bold, 12.5f, RIGHT_X, TOP(22),
	                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	pdf_show_centred(page, pdf->bold, 13.5f, RIGHT_X, TOP(22) - lead - 1,
	                 motto);
	w = pdf_width(page, pdf->bold, 13.5f, motto);
	rule(page, RIGHT_X, TOP(22) - lead - MM(3.5f), w);
	return y < TOP(22) - lead - MM(3.5f) ? y : TOP(22) - lead - MM(3.5f);
}

/* a, b and c joined in a new string (free it). */
static char *
join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* The texts the template frames, each in a new string (free them). */
static void
framed(const struct cert_template *tp, const struct texts *t, char *out[4])
{
	const char *const *s = (const char *const *)t->s;
	bool birth = tp->show_birth && *s[T_BIRTH] != '\0';
	bool school = tp->show_school && *s[T_SCHOOL] != '\0';

	out[0] = join(birth ? "Ngày sinh: " : "", birth ? s[T_BIRTH] : "",
	              birth && school ? "   –   " : "");
	if (school) {
		/* the school's name says "Trường" itself */
		char *both = join(out[0], s[T_SCHOOL], "");

		free(out[0]);
		out[0] = both;
	}
	out[1] = tp->show_entry && *s[T_ENTRY] != '\0'
	             ? join("Tác phẩm/Giải pháp: “", s[T_ENTRY], "”")
	             : join("", "", "");
	out[2] = tp->show_field && *s[T_FIELD] != '\0'
	             ? join("Lĩnh vực: ", s[T_FIELD], "")
	             : join("", "", "");
	out[3] = tp->show_decision && *s[T_DECISION] != '\0'
	             ? join("(Theo ", s[T_DECISION], ")")
	             : join("", "", "");
}

/* A row of one text in `font` at `size`, `gap` mm below the one above. */
static struct cert_row
row(HPDF_Font font, float size, const char *text, int max_lines, float gap)
{
	return (struct cert_row){ .font = font,
		                  .size = size,
		                  .text = text,
		                  .max_lines = max_lines,
		                  .gap = gap };
}

/* The rows between the header and the signature, as the template
 * chooses them; `framed` as made by framed(). */
static void
rows(struct pdf *pdf, const struct cert_template *tp, const struct texts *t,
     char *const framed_[4], struct cert_rows *b)
{
	const char *const *s = (const char *const *)t->s;
	struct cert_row r;

	memset(b, 0, sizeof(*b));
	r = row(pdf->bold, 36, s[T_HEADING], 1, 0);
	r.coloured = r.fit = true;
	r.rgb = tp->colour;
	cert_add(b, r);
	cert_add(b, row(pdf->regular, 15, s[T_LEAD], 1, 2));
	r = row(pdf->bold, 27, s[T_RECIPIENT], 2, 1);
	r.fit = true; /* a long name shrinks, then wraps */
	cert_add(b, r);
	cert_add(b, row(pdf->regular, 13.5f, framed_[0], 2, 1));
	cert_add(b, row(pdf->regular, 14, framed_[1], 3, 1));
	cert_add(b, row(pdf->regular, 13.5f, framed_[2], 2, 0));
	/* "Đã đạt Giải Nhì": the prize in bold and in colour */
	r = row(pdf->regular, 15, s[T_BODY], 1, 1.5f);
	r.font2 = pdf->bold;
	r.size2 = 18;
	r.text2 = s[T_PRIZE];
	if (*s[T_BODY] == '\0') {
		r = row(pdf->bold, 18, s[T_PRIZE], 2, 1.5f);
		r.coloured = true;
	}
	r.rgb = tp->accent;
	if (*s[T_PRIZE] != '\0')
		cert_add(b, r);
	cert_add(b, row(pdf->regular, 14, s[T_EDITION], 2, 1));
	cert_add(b, row(pdf->regular, 12, framed_[3], 2, 0));
}

/* The place and date, the signer's title, the seal and the name, centred
 * under the motto; returns the top of the block. */
static float
signature(struct pdf *pdf, HPDF_Page page, const struct texts *t,
          HPDF_Image seal)
{
	float name_y = MM(18), seal_y = name_y + MM(5.5f), lead = 16;
	float y = seal_y + SEAL_SIDE + MM(1.5f);
	int n = cert_lines(page, pdf->bold, 12.5f, 0, 0, RIGHT_W, 0, 3,
	                   t->s[T_SIGNER_TITLE], false);

	HPDF_Page_SetGrayFill(page, CERT_INK);
	pdf_show_centred(page, pdf->bold, 14, RIGHT_X, name_y, t->s[T_SIGNER]);
	if (seal != NULL) {
		float w = (float)HPDF_Image_GetWidth(seal);
		float h = (float)HPDF_Image_GetHeight(seal);
		float scale = SEAL_SIDE / (w > h ? w : h);

		HPDF_Page_DrawImage(page, seal, RIGHT_X - w * scale / 2,
		                    seal_y + (SEAL_SIDE - h * scale) / 2,
		                    w * scale, h * scale);
	}
	y += (float)(n - 1) * lead;
	cert_lines(page, pdf->bold, 12.5f, RIGHT_X, y, RIGHT_W, lead, 3,
	           t->s[T_SIGNER_TITLE], true);
	y += lead + 1;
	pdf_show_centred(page, pdf->regular, 13, RIGHT_X, y,
	                 t->s[T_PLACE_DATE]);
	return y + 14;
}

/* The host of the verification link, in small letters. */
static void
host_of(const char *url, char *out, size_t size)
{
	const char *s = strstr(url, "://");
	size_t n = 0;

	s = s != NULL ? s + 3 : url;
	while (s[n] != '\0' && s[n] != '/' && n + 1 < size) {
		/* ASCII only: a host name with other letters is in
		 * punycode */
		out[n] = s[n];
		if (s[n] >= 'A' && s[n] <= 'Z')
			out[n] = (char)(s[n] - 'A' + 'a');
		n++;
	}
	out[n] = '\0';
}

/* The QR code of the verification link, the short code under it and
 * where to check it; the serial at the foot of the page. */
static int
verification(struct pdf *pdf, HPDF_Page page, const struct texts *t)
{
	char host[128], line[200];

	if (pdf_qr_level(page, t->s[T_URL], QR_LEVEL_Q, MAX_QR, QR_X, QR_Y,
	                 QR_SIDE) != 0) {
		snprintf(pdf->err, 160,
		         "url: too long for a version-%d QR code at level Q",
		         MAX_QR);
		return -1;
	}
	HPDF_Page_SetGrayFill(page, CERT_INK);
	pdf_show_centred(page, pdf->bold, 10, QR_X + QR_SIDE / 2, QR_Y - MM(4),
	                 t->s[T_CODE]);
	host_of(t->s[T_URL], host, sizeof(host));
	snprintf(line, sizeof(line), "Kiểm tra tại: %s", host);
	pdf_show_centred(page, pdf->regular, 7.5f, QR_X + QR_SIDE / 2,
	                 QR_Y - MM(7.5f), line);
	HPDF_Page_SetGrayFill(page, 0.3f);
	pdf_show_centred(page, pdf->regular, 8, PAGE_W / 2, MM(15),
	                 t->s[T_SERIAL]);
	return 0;
}

static int
one_page(struct pdf *pdf, const struct cert_template *tp,
         const struct cert_doc *d, HPDF_Image seal)
{
	HPDF_Page page = HPDF_AddPage(pdf->doc);
	struct texts t;
	struct cert_rows b;
	char *framed_[4];
	float top, bottom;
	int rc;

	if (page == NULL) { /* libharu has recorded why */
		if (*pdf->err == '\0')
			snprintf(pdf->err, 160, "a page could not be made");
		return -1;
	}
	if (texts_make(pdf, tp, d, &t) != 0)
		return -1;
	HPDF_Page_SetWidth(page, PAGE_W);
	HPDF_Page_SetHeight(page, PAGE_H);
	cert_border(page, PAGE_W, PAGE_H, tp->colour);
	top = header(pdf, page, &t) - MM(2);
	bottom = signature(pdf, page, &t, seal) + MM(2);
	rc = verification(pdf, page, &t);
	framed(tp, &t, framed_);
	rows(pdf, tp, &t, framed_, &b);
	cert_middle(page, &b, PAGE_W / 2, TEXT_W, top, bottom);
	for (int i = 0; i < 4; i++)
		free(framed_[i]);
	texts_free(&t);
	return rc;
}

/* libharu 2.3.0 compresses a PNG's colours but stores its transparency
 * (the soft mask) raw: a 600 px square seal would add 360 KB to every
 * certificate. Its stream gets the same filter as the image's. */
static void
compress_mask(HPDF_Image image)
{
	HPDF_Dict mask = HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT);

	if (mask != NULL)
		mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

/* The seals of a batch, each loaded once (templates share theirs). */
#define MAX_SEALS 16
struct seals {
	const unsigned char *png[MAX_SEALS];
	size_t len[MAX_SEALS];
	HPDF_Image image[MAX_SEALS];
	int n;
};

/* The image of t's seal (NULL when it has none), loaded on first use. */
static int
seal_of(struct pdf *pdf, struct seals *s, const struct cert_template *t,
        HPDF_Image *image)
{
	char why[160];

	*image = NULL;
	if (t->seal_png == NULL)
		return 0;
	/* templates loaded apart carry copies of the same image */
	for (int i = 0; i < s->n; i++)
		if (s->len[i] == t->seal_len &&
		    memcmp(s->png[i], t->seal_png, t->seal_len) == 0) {
			*image = s->image[i];
			return 0;
		}
	if (png_check(t->seal_png, t->seal_len, why) != 0) {
		snprintf(pdf->err, 160, "seal_png: %.140s", why);
		return -1;
	}
	*image = HPDF_LoadPngImageFromMem(pdf->doc, t->seal_png,
	                                  (HPDF_UINT)t->seal_len);
	if (*image == NULL) {
		snprintf(pdf->err, 160,
		         "seal_png: not a PNG image libharu can read");
		return -1;
	}
	compress_mask(*image);
	if (s->n < MAX_SEALS) {
		s->png[s->n] = t->seal_png;
		s->len[s->n] = t->seal_len;
		s->image[s->n++] = *image;
	}
	return 0;
}

int
pdf_certificates(const struct pdf_fonts *fonts, const struct cert_template *t,
                 const struct cert_doc *docs, size_t n,
                 void (*progress)(size_t done, void *arg), void *arg,
                 struct buf *out, char err[160])
{
	struct seals seals = { .n = 0 };
	struct pdf pdf;
	HPDF_Image seal;

	if (n == 0) {
		snprintf(err, 160, "no certificate to print");
		return -1;
	}
	if (pdf_open(&pdf, fonts, err) != 0) {
		char why[160];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, 160, "the fonts did not load (%.120s)", why);
		return -1;
	}
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_CREATOR, "giamkhao");
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_TITLE, "Certificates");
	for (size_t i = 0; i < n && *err == '\0'; i++) {
		if (seal_of(&pdf, &seals, &t[i], &seal) != 0 ||
		    one_page(&pdf, &t[i], &docs[i], seal) != 0)
			break;
		if (progress != NULL)
			progress(i + 1, arg);
	}
	if (*err != '\0') {
		HPDF_Free(pdf.doc);
		return -1;
	}
	return pdf_finish(&pdf, out);
}

int
pdf_certificate(const struct pdf_fonts *fonts, const struct cert_template *t,
                const struct cert_doc *d, struct buf *out, char err[160])
{
	return pdf_certificates(fonts, t, d, 1, NULL, NULL, out, err);
}

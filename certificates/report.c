/* report.c: the results report as an A4 PDF in Vietnamese (biên bản tổng
 * hợp kết quả chấm): the national motto, the summary table of each field,
 * each panel's judges with room to sign, and the annex listing the
 * proposed prizes with their money and the total, for the budget
 * settlement. A ballot's report is the vote count minutes (biên bản kiểm
 * phiếu): the rule and each dossier's tally in place of the summary, and
 * the selected works in the annex. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "report_internal.h"

/* The issuing body on the left, the national motto on the right. */
static void
motto(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	float left_w = MM(72), right_w = MM(92);
	float right_x = f->left + f->width - right_w, top = f->y, h, w;
	HPDF_Page page = f->page;

	h = pdf_box(page, f->pdf->regular, 10, f->left, top, left_w, PDF_CENTRE,
	            report_upper(t, report_nfc(t, "organisation", r->org)));
	h += pdf_box(page, f->pdf->bold, 10, f->left, top - h, left_w,
	             PDF_CENTRE, "BAN TỔ CHỨC");
	pdf_box(page, f->pdf->bold, 10.5f, right_x, top, right_w, PDF_CENTRE,
	        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	pdf_box(page, f->pdf->bold, 11.5f, right_x, top - 14, right_w,
	        PDF_CENTRE, "Độc lập - Tự do - Hạnh phúc");
	/* the motto is underlined, as is the body's name line */
	w = pdf_width(page, f->pdf->bold, 11.5f, "Độc lập - Tự do - Hạnh phúc");
	HPDF_Page_SetLineWidth(page, 0.6f);
	HPDF_Page_MoveTo(page, right_x + (right_w - w) / 2, top - 30);
	HPDF_Page_LineTo(page, right_x + (right_w + w) / 2, top - 30);
	HPDF_Page_MoveTo(page, f->left + left_w / 2 - MM(12), top - h - 3);
	HPDF_Page_LineTo(page, f->left + left_w / 2 + MM(12), top - h - 3);
	HPDF_Page_Stroke(page);
	f->y = top - (h > 34 ? h : 34) - MM(5);
}

/* What the report is: its title, what it stands on, how the annex
 * refers to it. */
struct kind {
	const char *title, *grounds, *name;
};

static const struct kind scores_kind = {
	"BIÊN BẢN TỔNG HỢP KẾT QUẢ CHẤM",
	"Căn cứ phiếu chấm đã nộp của các giám khảo, Ban Tổ chức tổng hợp "
	"kết quả chấm",
	"Biên bản tổng hợp kết quả chấm",
};

static const struct kind ballot_kind = {
	"BIÊN BẢN KIỂM PHIẾU",
	"Căn cứ phiếu bầu kín các thành viên Hội đồng đã bỏ, Ban Tổ chức kiểm "
	"phiếu",
	"Biên bản kiểm phiếu",
};

static const struct kind *
kind_of(const struct report *r)
{
	return r->ballot != NULL ? &ballot_kind : &scores_kind;
}

static void
title_block(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	const struct kind *k = kind_of(r);
	char line[512], sha[17];

	report_place_and_date(r, report_nfc(t, "province", r->province), line,
	                      sizeof(line));
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_RIGHT, line);
	f->y -= MM(6);
	pdf_flow_text(f, f->pdf->bold, 14, 0, PDF_CENTRE, k->title);
	pdf_flow_text(f, f->pdf->bold, 12, MM(10), PDF_CENTRE,
	              report_nfc(t, "edition", r->edition));
	f->y -= MM(4);
	snprintf(sha, sizeof(sha), "%.16s", r->sha256);
	snprintf(line, sizeof(line),
	         "%s (bản tổng hợp số %lld, lập lúc %s, mã kiểm tra SHA-256 "
	         "%s…) như sau:",
	         k->grounds, r->snapshot, r->date, sha);
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT, line);
	f->y -= MM(3);
}

static const struct pdf_column summary_cols[] = {
	{ "Hạng", MM(14), PDF_CENTRE },
	{ "Mã hồ sơ", MM(24), PDF_LEFT },
	{ "Tên giải pháp, sản phẩm", MM(78), PDF_LEFT },
	{ "Điểm", MM(18), PDF_RIGHT },
	{ "Giải đề xuất", MM(36), PDF_LEFT },
};

static void
summary(struct pdf_flow *f, struct texts *t, const struct report_scope *s,
        size_t number)
{
	const struct pdf_table table = { summary_cols, 5, TABLE_SIZE };
	char head[600], rank[16];

	snprintf(head, sizeof(head), "%zu. %s", number,
	         report_nfc(t, "field", s->title));
	f->y -= MM(2);
	pdf_flow_need(f, MM(25));
	pdf_flow_text(f, f->pdf->bold, 11, 0, PDF_LEFT, head);
	f->y -= MM(1.5f);
	pdf_table_head(f, &table);
	for (size_t i = 0; i < s->nrows; i++) {
		const struct report_row *row = &s->rows[i];
		const char *cells[5];

		if (row->rank > 0)
			snprintf(rank, sizeof(rank), "%d", row->rank);
		else
			snprintf(rank, sizeof(rank), "-");
		cells[0] = rank;
		cells[1] = report_nfc(t, "code", row->code);
		cells[2] = report_nfc(t, "title", row->title);
		cells[3] =
		    row->has_score ? report_nfc(t, "score", row->score) : "";
		/* an entry without a prize says why when something is off */
		cells[4] =
		    row->prize[0] != '\0' ? report_nfc(t, "prize", row->prize)
		    : row->insufficient   ? report_nfc(t, "status", row->status)
		                          : "";
		pdf_table_row(f, &table, cells, f->pdf->regular, 0);
	}
	if (s->nrows == 0)
		pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT,
		              "(không có hồ sơ nào được chấm)");
}

static const struct pdf_column sign_cols[] = {
	{ "TT", MM(10), PDF_CENTRE },   { "Họ và tên", MM(50), PDF_LEFT },
	{ "Đơn vị", MM(52), PDF_LEFT }, { "Nhiệm vụ", MM(24), PDF_LEFT },
	{ "Chữ ký", MM(34), PDF_LEFT },
};

/* A panel's judges, each with a row tall enough to sign in. */
static void
signatures(struct pdf_flow *f, struct texts *t, const struct report_panel *p)
{
	const struct pdf_table table = { sign_cols, 5, TABLE_SIZE };
	char head[600], n[24];

	snprintf(head, sizeof(head), "Hội đồng giám khảo: %s",
	         report_nfc(t, "panel", p->name));
	f->y -= MM(2);
	pdf_flow_need(f, MM(30));
	pdf_flow_text(f, f->pdf->bold, TEXT_SIZE, 0, PDF_LEFT, head);
	f->y -= MM(1.5f);
	pdf_table_head(f, &table);
	for (size_t i = 0; i < p->njudges; i++) {
		const char *cells[5];

		snprintf(n, sizeof(n), "%zu", i + 1);
		cells[0] = n;
		cells[1] = report_nfc(t, "judge", p->judges[i].name);
		cells[2] = report_nfc(t, "unit", p->judges[i].unit);
		cells[3] = p->judges[i].chair ? "Chủ tịch" : "Ủy viên";
		cells[4] = "";
		pdf_table_row(f, &table, cells, f->pdf->regular, SIGN_ROW);
	}
}

static const struct pdf_column award_cols[] = {
	{ "TT", MM(10), PDF_CENTRE },
	{ "Mã hồ sơ", MM(22), PDF_LEFT },
	{ "Tên giải pháp; tác giả; đơn vị", MM(72), PDF_LEFT },
	{ "Giải", MM(35), PDF_LEFT },
	{ "Số tiền", MM(31), PDF_RIGHT },
};

/* The same without money, the names taking its room. */
static const struct pdf_column plain_award_cols[] = {
	{ "TT", MM(10), PDF_CENTRE },
	{ "Mã hồ sơ", MM(22), PDF_LEFT },
	{ "Tên giải pháp; tác giả; đơn vị", MM(103), PDF_LEFT },
	{ "Giải", MM(35), PDF_LEFT },
};

static const struct pdf_column ballot_award_cols[] = {
	{ "TT", MM(10), PDF_CENTRE },
	{ "Mã hồ sơ", MM(22), PDF_LEFT },
	{ "Tên công trình, hồ sơ; tác giả; đơn vị", MM(103), PDF_LEFT },
	{ "Kết quả", MM(35), PDF_LEFT },
};

/* The annex's columns: money only when some prize carries it. */
static struct pdf_table
annex_table(const struct report *r)
{
	if (r->ballot != NULL)
		return (struct pdf_table){ ballot_award_cols, 4, TABLE_SIZE };
	if (!r->has_money)
		return (struct pdf_table){ plain_award_cols, 4, TABLE_SIZE };
	return (struct pdf_table){ award_cols, 5, TABLE_SIZE };
}

/* The prize, and for a ballot whether the committee decided it (the
 * minutes show what the count gave). */
static const char *
prize_cell(struct texts *t, const struct report *r,
           const struct report_row *row)
{
	const char *prize = report_nfc(t, "prize", row->prize);
	char cell[512];

	if (r->ballot == NULL || !row->decided)
		return prize;
	snprintf(cell, sizeof(cell), "%s\n(theo quyết định của Hội đồng)",
	         prize);
	return report_keep(t, xstrdup(cell));
}

/* The annex's running count and money. */
struct tally_of_awards {
	size_t count;
	long long total;
};

/* One scope's winners in the annex; adds to the count and total. */
static void
awards_of(struct pdf_flow *f, struct texts *t, const struct report *r,
          const struct report_scope *s, struct tally_of_awards *sum)
{
	const struct pdf_table table = annex_table(r);
	bool started = false;
	char n[24], amount[64], who[2048];

	for (size_t i = 0; i < s->nrows; i++) {
		const struct report_row *row = &s->rows[i];
		const char *cells[5];

		if (row->prize[0] == '\0')
			continue;
		if (!started) {
			f->y -= MM(2);
			pdf_flow_need(f, MM(25));
			/* a ballot ranks the whole edition: no field to name */
			if (r->ballot == NULL)
				pdf_flow_text(f, f->pdf->bold, TEXT_SIZE, 0,
				              PDF_LEFT,
				              report_nfc(t, "field", s->title));
			f->y -= MM(1);
			pdf_table_head(f, &table);
			started = true;
		}
		snprintf(n, sizeof(n), "%zu", ++sum->count);
		snprintf(who, sizeof(who), "%s\nTác giả: %s\nĐơn vị: %s",
		         report_nfc(t, "title", row->title),
		         report_nfc(t, "authors", row->authors),
		         report_nfc(t, "organisation", row->organisation));
		amount[0] = '\0';
		if (row->has_money) {
			report_money(row->money, amount, sizeof(amount));
			sum->total += row->money;
		}
		cells[0] = n;
		cells[1] = report_nfc(t, "code", row->code);
		cells[2] = who;
		cells[3] = prize_cell(t, r, row);
		cells[4] = amount;
		pdf_table_row(f, &table, cells, f->pdf->regular, 0);
	}
}

/* Who signs the annex for the organisers. */
static void
signatory(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	float w = MM(80), x = f->left + f->width - w, top;

	pdf_flow_need(f, MM(40));
	top = f->y - MM(6);
	top -= pdf_box(f->page, f->pdf->bold, TEXT_SIZE, x, top, w, PDF_CENTRE,
	               "TM. BAN TỔ CHỨC");
	pdf_box(f->page, f->pdf->bold, TEXT_SIZE, x, top, w, PDF_CENTRE,
	        report_upper(
	            t, report_nfc(t, "signatory's title", r->signatory_title)));
	pdf_box(f->page, f->pdf->bold, TEXT_SIZE, x, top - MM(24), w,
	        PDF_CENTRE, report_nfc(t, "signatory", r->signatory));
	f->y = top - MM(30);
}

/* "PHỤ LỤC", what it lists, and what it is attached to. */
static void
annex_head(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	char line[256];

	pdf_flow_page(f);
	pdf_flow_text(f, f->pdf->bold, 11, 0, PDF_CENTRE, "PHỤ LỤC");
	if (r->ballot != NULL)
		snprintf(line, sizeof(line), "DANH SÁCH HỒ SƠ %s",
		         report_upper(
		             t, report_nfc(t, "outcome", r->ballot->outcome)));
	else
		snprintf(line, sizeof(line), "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
	pdf_flow_text(f, f->pdf->bold, 13, 0, PDF_CENTRE, line);
	if (r->decision != NULL)
		snprintf(line, sizeof(line), "(Kèm theo Quyết định %s)",
		         r->decision);
	else
		snprintf(line, sizeof(line),
		         "(Kèm theo %s, bản tổng hợp số %lld)",
		         kind_of(r)->name, r->snapshot);
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_CENTRE, line);
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, MM(10), PDF_CENTRE,
	              report_nfc(t, "edition", r->edition));
	f->y -= MM(3);
}

/* Said when the annex lists no one. */
static void
annex_empty(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	char line[256];

	if (r->ballot != NULL)
		snprintf(line, sizeof(line), "Không có hồ sơ nào %s.",
		         report_cased(
		             t, report_nfc(t, "outcome", r->ballot->outcome),
		             u8_tolower));
	else
		snprintf(line, sizeof(line),
		         "Không có hồ sơ nào được đề xuất khen thưởng.");
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT, line);
}

/* The annex's last line: how many, and the money when there is some. */
static void
annex_total(struct pdf_flow *f, const struct report *r,
            const struct tally_of_awards *sum)
{
	const struct pdf_table table = annex_table(r);
	char amount[64], label[64];
	const char *cells[5] = { "", "", label, "", amount };

	snprintf(label, sizeof(label), "Tổng cộng: %zu %s", sum->count,
	         r->ballot != NULL ? "hồ sơ" : "giải");
	if (!r->has_money) {
		f->y -= MM(2);
		pdf_flow_text(f, f->pdf->bold, TEXT_SIZE, 0, PDF_LEFT, label);
		return;
	}
	report_money(sum->total, amount, sizeof(amount));
	if (sum->count == 0)
		pdf_table_head(f, &table);
	pdf_table_row(f, &table, cells, f->pdf->bold, 0);
}

static void
annex(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	struct tally_of_awards sum = { 0, 0 };

	annex_head(f, t, r);
	for (size_t i = 0; i < r->nscopes; i++)
		awards_of(f, t, r, &r->scopes[i], &sum);
	if (sum.count == 0)
		annex_empty(f, t, r);
	annex_total(f, r, &sum);
	signatory(f, t, r);
}

static void
layout(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	motto(f, t, r);
	title_block(f, t, r);
	if (r->ballot != NULL)
		report_vote_count(f, t, r);
	for (size_t i = 0; r->ballot == NULL && i < r->nscopes; i++)
		summary(f, t, &r->scopes[i], i + 1);
	if (r->npanels > 0) {
		f->y -= MM(4);
		pdf_flow_need(f, MM(40));
		pdf_flow_text(f, f->pdf->bold, 11, 0, PDF_LEFT,
		              "Các thành viên hội đồng giám khảo ký tên:");
	}
	for (size_t i = 0; i < r->npanels; i++)
		signatures(f, t, &r->panels[i]);
	annex(f, t, r);
	pdf_flow_number_pages(f);
}

int
pdf_results_report(const struct pdf_fonts *fonts, const struct report *r,
                   struct buf *out, char err[160])
{
	struct pdf pdf;
	struct pdf_flow f;
	struct texts t;
	int rc;

	if (pdf_open(&pdf, fonts, err) != 0)
		return -1;
	t = (struct texts){ &pdf, NULL, 0, false };
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_CREATOR, "giamkhao");
	HPDF_SetInfoAttr(pdf.doc, HPDF_INFO_TITLE,
	                 r->ballot != NULL ? "Bien ban kiem phieu"
	                                   : "Bien ban tong hop ket qua cham");
	if (pdf_flow_init(&f, &pdf) == 0)
		layout(&f, &t, r);
	else
		t.bad = true;
	pdf_flow_release(&f);
	if (t.bad) {
		HPDF_Free(pdf.doc);
		rc = -1;
	} else {
		rc = pdf_finish(&pdf, out);
	}
	report_texts_free(&t);
	return rc;
}

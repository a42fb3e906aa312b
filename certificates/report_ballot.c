/* report_ballot.c: a ballot's vote count minutes (biên bản kiểm phiếu):
 * the council and its casts, the rule of selection in words, each
 * dossier's tally and share, and how many are selected. */
#include <stdio.h>
#include <unicase.h>

#include "report_internal.h"

static size_t
dossiers_of(const struct report *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nscopes; i++)
		n += r->scopes[i].nrows;
	return n;
}

/* The council's size, who cast, how many dossiers were voted on. */
static void
ballot_counts(struct pdf_flow *f, const struct report *r)
{
	size_t members = 0;
	char line[512];

	for (size_t i = 0; i < r->npanels; i++)
		members += r->panels[i].njudges;
	snprintf(line, sizeof(line),
	         "1. Số thành viên Hội đồng: %zu; số thành viên đã bỏ phiếu: "
	         "%lld; số hồ sơ được bỏ phiếu: %zu.",
	         members, r->ballot->cast, dossiers_of(r));
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT, line);
}

/* The rule of design.md (rule 9) in words, with the rubric's numbers. */
static void
ballot_rule(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	const struct report_ballot *b = r->ballot;
	char cap[256] = "", line[1024];

	if (b->max_selected >= 0)
		snprintf(cap, sizeof(cap),
		         "; chọn không quá %lld hồ sơ theo thứ hạng, nhóm đồng "
		         "hạng làm vượt số này thì không được chọn và được ghi "
		         "chú để Hội đồng quyết định",
		         b->max_selected);
	snprintf(
	    line, sizeof(line),
	    "2. Cách tính: tỉ lệ phiếu đồng ý = số phiếu đồng ý / (số "
	    "phiếu đồng ý + số phiếu không đồng ý); xếp hạng theo tỉ lệ, "
	    "rồi theo số phiếu đồng ý. Hồ sơ %s khi tỉ lệ phiếu đồng ý "
	    "%s %s%s%s.",
	    report_cased(t, report_nfc(t, "outcome", b->outcome), u8_tolower),
	    b->at_least ? "từ" : "lớn hơn", report_nfc(t, "share", b->share),
	    b->at_least ? " trở lên" : "", cap);
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT, line);
}

static const struct pdf_column tally_cols[] = {
	{ "Hạng", MM(13), PDF_CENTRE },
	{ "Mã hồ sơ", MM(22), PDF_LEFT },
	{ "Tên công trình, hồ sơ", MM(59), PDF_LEFT },
	{ "Đồng ý", MM(17), PDF_RIGHT },
	{ "Không đồng ý", MM(19), PDF_RIGHT },
	{ "Tỉ lệ đồng ý", MM(18), PDF_RIGHT },
	{ "Kết quả", MM(22), PDF_LEFT },
};

/* What the count gives a dossier; a tie the cap cuts is left to the
 * council, as the rule says. */
static const char *
counted(struct texts *t, const struct report_row *row)
{
	if (row->cusp)
		return "Hội đồng quyết định";
	return report_nfc(t, "outcome", row->proposed);
}

/* Each dossier's tally and share, and what the count gives it. */
static void
tallies(struct pdf_flow *f, struct texts *t, const struct report_scope *s,
        size_t *selected)
{
	const struct pdf_table table = { tally_cols, 7, TABLE_SIZE };
	char rank[16], yes[24], no[24];

	for (size_t i = 0; i < s->nrows; i++) {
		const struct report_row *row = &s->rows[i];
		const char *cells[7] = {
			rank,
			report_nfc(t, "code", row->code),
			report_nfc(t, "title", row->title),
			yes,
			no,
			report_nfc(t, "share", row->share),
			counted(t, row),
		};

		snprintf(rank, sizeof(rank), "%d", row->rank);
		snprintf(yes, sizeof(yes), "%lld", row->yes);
		snprintf(no, sizeof(no), "%lld", row->no);
		*selected += row->proposed[0] != '\0';
		pdf_table_row(f, &table, cells, f->pdf->regular, 0);
	}
}

/* The minutes' body: the counts, the rule, the table, the outcome. */
void
report_vote_count(struct pdf_flow *f, struct texts *t, const struct report *r)
{
	const struct pdf_table table = { tally_cols, 7, TABLE_SIZE };
	size_t selected = 0;
	char line[512];

	ballot_counts(f, r);
	ballot_rule(f, t, r);
	pdf_flow_text(f, f->pdf->regular, TEXT_SIZE, 0, PDF_LEFT,
	              "3. Kết quả kiểm phiếu:");
	f->y -= MM(1.5f);
	pdf_table_head(f, &table);
	for (size_t i = 0; i < r->nscopes; i++)
		tallies(f, t, &r->scopes[i], &selected);
	f->y -= MM(2);
	snprintf(line, sizeof(line), "Số hồ sơ %s: %zu/%zu.",
	         report_cased(t, report_nfc(t, "outcome", r->ballot->outcome),
	                      u8_tolower),
	         selected, dossiers_of(r));
	pdf_flow_text(f, f->pdf->bold, TEXT_SIZE, 0, PDF_LEFT, line);
}

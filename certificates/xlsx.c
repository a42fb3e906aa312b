/* xlsx.c: the results as an Excel workbook (libxlsxwriter): one worksheet
 * per field (one for a ballot, ranked over the whole edition), a header
 * block naming the snapshot, the results table with numbers as numbers
 * and its heading row frozen. Every text is written as
 * a string cell, never as a formula, so a title such as "=HYPERLINK(...)"
 * stays text. libxlsxwriter writes only to files: the workbook is made in
 * a private temporary directory, read back and removed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>
#include <xlsxwriter.h>

#include "certificates.h"

#define HEAD_ROWS  7 /* the header block, then a blank row */
#define SHEET_NAME 31

struct formats {
	lxw_format *bold, *title, *head, *score, *money, *integer;
};

/* Column widths (characters), in the order of report.columns. */
static const double widths[11] = { 28, 6, 12, 48, 30, 30, 8, 18, 14, 20, 24 };
static const double ballot_widths[11] = { 6,  12, 48, 30, 30, 10,
	                                  10, 10, 18, 18, 24 };

static void
formats_make(lxw_workbook *wb, int decimals, struct formats *f)
{
	char score[32] = "0";

	if (decimals > 0 && decimals < 10) {
		snprintf(score, sizeof(score), "0.");
		memset(score + 2, '0', (size_t)decimals);
		score[2 + decimals] = '\0';
	}
	f->bold = workbook_add_format(wb);
	format_set_bold(f->bold);
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xDDEBF7);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->score = workbook_add_format(wb);
	format_set_num_format(f->score, score);
	f->money = workbook_add_format(wb);
	format_set_num_format(f->money, "#,##0");
	f->integer = workbook_add_format(wb);
	format_set_num_format(f->integer, "0");
}

/* A string cell; empty strings leave the cell empty. */
static void
text_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
          lxw_format *fmt)
{
	if (s != NULL && s[0] != '\0')
		worksheet_write_string(ws, row, col, s, fmt);
}

/* "N. title" cut to Excel's 31 characters, without the characters a
 * sheet name may not hold; the number keeps the names unique. */
static void
sheet_name(size_t number, const char *title, char *out, size_t size)
{
	char full[600];
	size_t len, n = 0, chars = 0;

	snprintf(full, sizeof(full), "%zu. %s", number, title);
	len = strlen(full);
	while (n < len && chars < SHEET_NAME) {
		int step = u8_mblen((const uint8_t *)full + n, len - n);

		if (step <= 0)
			step = 1;
		if (step == 1 && strchr("[]:*?/\\", full[n]) != NULL)
			full[n] = ' ';
		n += (size_t)step;
		chars++;
	}
	/* nor may a name end with an apostrophe */
	while (n > 0 && (full[n - 1] == '\'' || full[n - 1] == ' '))
		n--;
	snprintf(out, size, "%.*s", (int)n, full);
}

static void
header_block(lxw_worksheet *ws, const struct report *r,
             const struct report_scope *s, const struct formats *f)
{
	worksheet_write_string(ws, 0, 0, r->org, f->bold);
	worksheet_write_string(ws, 1, 0, r->edition, f->title);
	worksheet_write_string(ws, 2, 0, "Bản tổng hợp số", NULL);
	worksheet_write_number(ws, 2, 1, (double)r->snapshot, f->integer);
	worksheet_write_string(ws, 3, 0, "Lập lúc", NULL);
	worksheet_write_string(ws, 3, 1, r->date, NULL);
	worksheet_write_string(ws, 4, 0, "SHA-256", NULL);
	worksheet_write_string(ws, 4, 1, r->sha256, NULL);
	if (r->decision != NULL) {
		worksheet_write_string(ws, 2, 3, "Quyết định khen thưởng",
		                       NULL);
		worksheet_write_string(ws, 2, 4, r->decision, f->bold);
	}
	worksheet_write_string(ws, 5, 0, "Lĩnh vực", NULL);
	worksheet_write_string(ws, 5, 1, s->title, f->bold);
}

/* The entry's rank, then its code, title, authors and organisation, from
 * column `at_col` on (where each mode has them). */
static void
entry_cells(lxw_worksheet *ws, lxw_row_t at, lxw_col_t at_col,
            const struct report_row *row, const struct formats *f)
{
	if (row->rank > 0)
		worksheet_write_number(ws, at, at_col, row->rank, f->integer);
	text_cell(ws, at, at_col + 1, row->code, NULL);
	text_cell(ws, at, at_col + 2, row->title, NULL);
	text_cell(ws, at, at_col + 3, row->authors, NULL);
	text_cell(ws, at, at_col + 4, row->organisation, NULL);
}

static void
table_row(lxw_worksheet *ws, lxw_row_t at, const struct report_row *row,
          const struct formats *f)
{
	text_cell(ws, at, 0, row->field, NULL);
	entry_cells(ws, at, 1, row, f);
	if (row->has_score)
		worksheet_write_number(ws, at, 6, row->score_value, f->score);
	text_cell(ws, at, 7, row->prize, NULL);
	if (row->has_money)
		worksheet_write_number(ws, at, 8, (double)row->money, f->money);
	text_cell(ws, at, 9, row->status, NULL);
	text_cell(ws, at, 10, row->flags, NULL);
}

/* A ballot's dossier: its tally as numbers, the share to 4 places. */
static void
ballot_row(lxw_worksheet *ws, lxw_row_t at, const struct report_row *row,
           const struct formats *f)
{
	entry_cells(ws, at, 0, row, f);
	worksheet_write_number(ws, at, 5, (double)row->yes, f->integer);
	worksheet_write_number(ws, at, 6, (double)row->no, f->integer);
	worksheet_write_number(ws, at, 7, row->share_value, f->score);
	text_cell(ws, at, 8, row->proposed, NULL);
	text_cell(ws, at, 9, row->prize, NULL);
	text_cell(ws, at, 10, row->flags, NULL);
}

static int
sheet(lxw_workbook *wb, const struct report *r, size_t i,
      const struct formats *f)
{
	const struct report_scope *s = &r->scopes[i];
	const double *w = r->ballot != NULL ? ballot_widths : widths;
	void (*row)(lxw_worksheet *, lxw_row_t, const struct report_row *,
	            const struct formats *) =
	    r->ballot != NULL ? ballot_row : table_row;
	char name[4 * SHEET_NAME + 8];
	lxw_worksheet *ws;

	sheet_name(i + 1, s->title, name, sizeof(name));
	ws = workbook_add_worksheet(wb, name);
	if (ws == NULL)
		return -1;
	for (lxw_col_t c = 0; c < 11; c++)
		worksheet_set_column(ws, c, c, w[c], NULL);
	header_block(ws, r, s, f);
	for (lxw_col_t c = 0; c < 11; c++)
		worksheet_write_string(ws, HEAD_ROWS, c, r->columns[c],
		                       f->head);
	worksheet_freeze_panes(ws, HEAD_ROWS + 1, 0);
	for (size_t k = 0; k < s->nrows; k++)
		row(ws, (lxw_row_t)(HEAD_ROWS + 1 + k), &s->rows[k], f);
	return 0;
}

/* Is every text valid UTF-8 (an XML file breaks on anything else)? */
static bool
texts_ok(const struct report *r)
{
	const char *head[] = { r->org, r->edition, r->date, r->sha256 };

	for (size_t i = 0; i < 4; i++)
		if (u8_check((const uint8_t *)head[i], strlen(head[i])) != NULL)
			return false;
	for (size_t i = 0; i < r->nscopes; i++) {
		const struct report_scope *s = &r->scopes[i];

		for (size_t k = 0; k < s->nrows; k++) {
			const struct report_row *w = &s->rows[k];
			const char *t[] = { s->title,   w->field,
				            w->code,    w->title,
				            w->authors, w->organisation,
				            w->prize,   w->status,
				            w->flags,   w->proposed,
				            w->share };

			for (size_t j = 0; j < sizeof(t) / sizeof(t[0]); j++)
				if (u8_check((const uint8_t *)t[j],
				             strlen(t[j])) != NULL)
					return false;
		}
	}
	return true;
}

static int
read_back(const char *path, struct buf *out, char err[160])
{
	char chunk[16384];
	FILE *fp = fopen(path, "rb");
	size_t n;
	int rc = 0;

	if (fp == NULL) {
		snprintf(err, 160, "the workbook was not written: %s",
		         strerror(errno));
		return -1;
	}
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_append(out, chunk, n) != 0) {
			snprintf(err, 160, "the workbook is too large");
			rc = -1;
		}
	if (rc == 0 && ferror(fp)) {
		snprintf(err, 160, "the workbook could not be read back");
		rc = -1;
	}
	fclose(fp);
	return rc;
}

static int
write_workbook(const struct report *r, char *dir, const char *path,
               char err[160])
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE,
		                     .tmpdir = dir,
		                     .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	struct formats f;
	lxw_error e;
	int rc = 0;

	if (wb == NULL) {
		snprintf(err, 160, "libxlsxwriter could not start a workbook");
		return -1;
	}
	formats_make(wb, r->decimals, &f);
	for (size_t i = 0; rc == 0 && i < r->nscopes; i++)
		rc = sheet(wb, r, i, &f);
	if (r->nscopes == 0)
		workbook_add_worksheet(wb, NULL);
	e = workbook_close(wb); /* frees it, written or not */
	if (rc != 0)
		snprintf(err, 160, "a worksheet could not be added");
	else if (e != LXW_NO_ERROR)
		snprintf(err, 160, "libxlsxwriter: %s", lxw_strerror(e));
	return rc != 0 || e != LXW_NO_ERROR ? -1 : 0;
}

int
xlsx_results(const struct report *r, struct buf *out, char err[160])
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600];
	int rc;

	*err = '\0';
	if (!texts_ok(r)) {
		snprintf(err, 160, "a text is not valid UTF-8");
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s/giamkhao-xlsx-XXXXXX",
	         tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		snprintf(err, 160, "no temporary directory: %s",
		         strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/results.xlsx", dir);
	rc = write_workbook(r, dir, path, err);
	if (rc == 0)
		rc = read_back(path, out, err);
	unlink(path);
	if (rmdir(dir) != 0)
		fprintf(stderr, "giamkhao: xlsx: %s left behind: %s\n", dir,
		        strerror(errno));
	return rc;
}

/* test_entries_csv.c: the entries CSV import: values, line numbers, every
 * error kind with its line and column, the error cap and the template. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../forms/entries_csv.h"
#include "harness.h"

#define BOM "\xEF\xBB\xBF"
#define HDR_VI                                                                                     \
	"Mã hồ sơ,\"Tên giải pháp, sản phẩm\",Lĩnh vực,Tóm tắt,Đơn vị dự " \
	"thi,\"Huyện, xã\",Áp dụng từ ngày,Nơi áp dụng,Giải thưởng đã "        \
	"đạt,Họ và tên,Ngày sinh,Dân tộc,\"Trường, đơn vị công tác\",Vai trò"
#define HDR_EN                                                                 \
	"code,title,field,summary,organisation,district,applied_since,"        \
	"applied_place,prior_awards,author_name,birth_date,ethnicity,unit,"    \
	"role"
#define HDR HDR_VI "\n"
/* A row of 14 cells; ROW leaves the summary..prior awards, ethnicity and
 * unit empty. */
#define C14(a, b, c, d, e, f, g, h, i, j, k, l, m, n)                          \
	a "," b "," c "," d "," e "," f "," g "," h "," i "," j "," k "," l    \
	  "," m "," n "\n"
#define ROW(code, title, field, name, birth, role)                             \
	C14(code, title, field, "", "", "", "", "", "", name, birth, "", "",   \
	    role)

static struct score_rubric *rubric;

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	buf_init(&b, 1 << 24);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_append(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b, len);
}

static int
parse(const char *csv, struct import_result *res)
{
	return entries_csv_parse(rubric, csv, strlen(csv), res);
}

/* Fails the case with every error the import reported. */
static void
show_errors(const struct import_result *res)
{
	struct buf b;

	buf_init(&b, 1 << 20);
	for (size_t i = 0; i < res->nerrors; i++) {
		import_error_format(&res->errors[i], SCORE_LANG_EN, &b);
		buf_putc(&b, '\n');
	}
	if (res->nerrors > 0)
		t_fail(__FILE__, __LINE__, "unexpected errors:\n%s", b.data);
	buf_release(&b);
}

static void
check_author(const struct import_author *a, const char *name, const char *birth,
             const char *ethnicity, const char *unit, enum author_role role,
             long line)
{
	CHECK_STR(a->name, name);
	CHECK_STR(a->birth_date, birth);
	CHECK_STR(a->ethnicity, ethnicity);
	CHECK_STR(a->unit, unit);
	CHECK_INT(a->role, role);
	CHECK_INT(a->line, line);
}

/*
 * Two entries, BOM and CRLF; a quoted summary spanning two lines (so the
 * second author's row starts on line 4), a blank line, an entry repeating
 * its columns on the continuation row, a field by id and by Vietnamese
 * title, both date forms, roles in any case, a decomposed letter.
 */
static void
test_valid_vi(void)
{
	static const char csv[] = BOM HDR_VI
	    "\r\n"
	    "HS-01,Máy gieo hạt ngô,ict,\"Gieo đều hạt;\r\ntiết kiệm 30% "
	    "giống\",Hợp tác xã Tân Tiến,\"Xã Phương Độ, thành phố Hà "
	    "Giang\",1/9/2024,Xã Phương Độ,\"Giải Ba, 2023\",Nguyễn Văn "
	    "An,15/03/1980,Tày,Hợp tác xã Tân Tiến,Đại diện\r\n"
	    "HS-01,,,,,,,,,Lo\xCC\x80 Thị Mai,1980-07-02,Dao,HTX Tân "
	    "Tiến,tác giả\r\n"
	    "\r\n"
	    "HS-02,Bài thuốc nam,Y dược,,,,,,,Trần Thị Hoa,,Kinh,,"
	    "GIÁO VIÊN HƯỚNG DẪN\r\n"
	    "HS-02,Bài thuốc nam,y dược,,,,,,,  Phạm Văn Bình ,29/02/2008,"
	    ",,teacher\r\n";
	struct import_result res;
	const struct import_entry *e;

	t_case("entries csv: two entries, BOM, CRLF, every value");
	if (!CHECK_INT(parse(csv, &res), 0) || !CHECK_INT(res.nentries, 2)) {
		show_errors(&res);
		import_result_free(&res);
		return;
	}
	e = &res.entries[0];
	CHECK_STR(e->code, "HS-01");
	CHECK_STR(e->title, "Máy gieo hạt ngô");
	CHECK_STR(e->field, "ict");
	CHECK_STR(e->summary, "Gieo đều hạt;\ntiết kiệm 30% giống");
	CHECK_STR(e->organisation, "Hợp tác xã Tân Tiến");
	CHECK_STR(e->district, "Xã Phương Độ, thành phố Hà Giang");
	CHECK_STR(e->applied_since, "2024-09-01");
	CHECK_STR(e->applied_place, "Xã Phương Độ");
	CHECK_STR(e->prior_awards, "Giải Ba, 2023");
	CHECK_INT(e->line, 2);
	if (CHECK_INT(e->nauthors, 2)) {
		check_author(&e->authors[0], "Nguyễn Văn An", "1980-03-15",
		             "Tày", "Hợp tác xã Tân Tiến",
		             AUTHOR_ROLE_REPRESENTATIVE, 2);
		check_author(&e->authors[1], "Lò Thị Mai", "1980-07-02", "Dao",
		             "HTX Tân Tiến", AUTHOR_ROLE_AUTHOR, 4);
	}
	e = &res.entries[1];
	CHECK_STR(e->code, "HS-02");
	CHECK_STR(e->title, "Bài thuốc nam");
	CHECK_STR(e->field, "health");
	CHECK_STR(e->summary, "");
	CHECK_STR(e->organisation, "");
	CHECK_STR(e->applied_since, "");
	CHECK_INT(e->line, 6);
	if (CHECK_INT(e->nauthors, 2)) {
		check_author(&e->authors[0], "Trần Thị Hoa", "", "Kinh", "",
		             AUTHOR_ROLE_TEACHER, 6);
		check_author(&e->authors[1], "Phạm Văn Bình", "2008-02-29", "",
		             "", AUTHOR_ROLE_TEACHER, 7);
	}
	CHECK_INT(res.nerrors, 0);
	CHECK(!res.truncated);
	import_result_free(&res);
}

/*
 * The English header (any case), LF, no final newline; a field by its
 * English title, English role words; rows of one entry need not be
 * adjacent, a continuation row may give an optional column first, and a
 * row of empty cells (Excel writes them) is blank.
 */
static void
test_valid_en(void)
{
	static const char csv[] =
	    "Code,TITLE,field,summary,organisation,district,applied_since,"
	    "applied_place,prior_awards,author_name,birth_date,ethnicity,"
	    "unit,Role\n" ROW("A1", "Sổ tay", "Medicine and pharmacy", "An", "",
	                      "Author") ROW("B2", "Robot", "education", "Bình",
	                                    "", "REPRESENTATIVE")
	        C14("A1", "", "", "", "", "", "2023-12-31", "", "", "Chi", "",
	            "", "", "") ",,,,,,,,,,,,,\n" ROW("A1", "", "", "an",
	                                              "01/01/2000", "");
	struct import_result res;

	t_case("entries csv: English header, continuation rows, blank rows");
	if (!CHECK_INT(parse(csv, &res), 0) || !CHECK_INT(res.nentries, 2)) {
		show_errors(&res);
		import_result_free(&res);
		return;
	}
	CHECK_STR(res.entries[0].code, "A1");
	CHECK_STR(res.entries[0].field, "health");
	CHECK_STR(res.entries[0].applied_since, "2023-12-31");
	CHECK_STR(res.entries[1].code, "B2");
	CHECK_STR(res.entries[1].field, "education");
	if (CHECK_INT(res.entries[0].nauthors, 3)) {
		/* same name, another birth date: two people */
		check_author(&res.entries[0].authors[0], "An", "", "", "",
		             AUTHOR_ROLE_AUTHOR, 2);
		check_author(&res.entries[0].authors[1], "Chi", "", "", "",
		             AUTHOR_ROLE_AUTHOR, 4);
		check_author(&res.entries[0].authors[2], "an", "2000-01-01", "",
		             "", AUTHOR_ROLE_AUTHOR, 6);
	}
	if (CHECK_INT(res.entries[1].nauthors, 1))
		CHECK_INT(res.entries[1].authors[0].role,
		          AUTHOR_ROLE_REPRESENTATIVE);
	import_result_free(&res);
}

struct error_case {
	const char *name;
	const char *csv;
	enum import_err code;
	long line, column;
	const char *column_name;
	const char *value;
	long other_line;
};

#define OK1 ROW("HS-1", "Máy", "ict", "An", "", "")

static const struct error_case errors[] = {
	{ "an empty file", "", IMPORT_E_NO_ENTRIES, 1, 0, "", "", 0 },
	{ "a BOM alone", BOM, IMPORT_E_NO_ENTRIES, 1, 0, "", "", 0 },
	{ "a header alone", BOM HDR_VI "\r\n\r\n", IMPORT_E_NO_ENTRIES, 2, 0,
	  "", "", 0 },
	{ "no header", "HS-1,Máy\n", IMPORT_E_NO_HEADER, 1, 1, "Mã hồ sơ",
	  "HS-1", 0 },
	{ "a misspelt header cell",
	  "Mã hồ sơ,\"Tên giải pháp, sản phẩm\",Lĩnh vục,Tóm tắt,Đơn vị dự "
	  "thi,\"Huyện, xã\",Áp dụng từ ngày,Nơi áp dụng,Giải thưởng đã "
	  "đạt,Họ và tên,Ngày sinh,Dân tộc,\"Trường, đơn vị công tác\",Vai "
	  "trò\n" OK1,
	  IMPORT_E_HEADER, 1, 3, "Lĩnh vực", "Lĩnh vục", 0 },
	{ "a header without the role column",
	  "code,title,field,summary,organisation,district,applied_since,"
	  "applied_place,prior_awards,author_name,birth_date,ethnicity,"
	  "unit\n",
	  IMPORT_E_COLUMN_COUNT, 1, 14, "Vai trò", "13", 0 },
	{ "a row with 13 columns", HDR "HS-1,Máy,ict,,,,,,,An,,,\n",
	  IMPORT_E_COLUMN_COUNT, 2, 14, "Vai trò", "13", 0 },
	{ "a row with 15 columns", HDR "HS-1,Máy,ict,,,,,,,An,,,,,\n",
	  IMPORT_E_COLUMN_COUNT, 2, 15, "", "15", 0 },
	{ "invalid UTF-8: line and column", HDR OK1 "HS-2,M\xff", IMPORT_E_UTF8,
	  3, 2, "Tên giải pháp, sản phẩm", "\\xff", 0 },
	{ "invalid UTF-8 after quoted commas and a line break",
	  HDR "HS-1,\"a,b\",ict,\"x\ny\xc3\"", IMPORT_E_UTF8, 3, 4, "Tóm tắt",
	  "\\xc3", 0 },
	{ "a quote inside an unquoted cell", HDR "HS-1,M\"áy,ict\n",
	  IMPORT_E_CSV_SYNTAX, 2, 2, "Tên giải pháp, sản phẩm", "", 0 },
	{ "an unterminated quote names the row's first line",
	  HDR OK1 "HS-2,Máy,ict,\"dở dang\n\ndòng tiếp\n", IMPORT_E_CSV_SYNTAX,
	  3, 4, "Tóm tắt", "", 0 },
	{ "after a multi-line summary, lines still count",
	  HDR C14("HS-1", "Máy", "ict", "\"một\r\nhai\r\nba\"", "", "", "", "",
	          "", "An", "", "", "", "")
	      ROW("HS-1", "", "", "Bình", "30/02/2001", ""),
	  IMPORT_E_DATE, 5, 11, "Ngày sinh", "30/02/2001", 0 },
	{ "an empty code", HDR ROW("", "Máy", "ict", "An", "", ""),
	  IMPORT_E_REQUIRED, 2, 1, "Mã hồ sơ", "", 0 },
	{ "an empty name", HDR ROW("HS-1", "Máy", "ict", "", "", ""),
	  IMPORT_E_REQUIRED, 2, 10, "Họ và tên", "", 0 },
	{ "no title on an entry's first row",
	  HDR ROW("HS-1", "", "ict", "An", "", "")
	      ROW("HS-1", "Máy", "ict", "Bình", "", ""),
	  IMPORT_E_REQUIRED, 2, 2, "Tên giải pháp, sản phẩm", "", 0 },
	{ "no field on an entry's first row",
	  HDR ROW("HS-1", "Máy", "", "An", "", ""), IMPORT_E_REQUIRED, 2, 3,
	  "Lĩnh vực", "", 0 },
	{ "a code over 40 bytes",
	  HDR ROW("HS-01234567890123456789012345678901234567", "Máy", "ict",
	          "An", "", ""),
	  IMPORT_E_TOO_LONG, 2, 1, "Mã hồ sơ",
	  "HS-01234567890123456789012345678901234567", 0 },
	{ "a line break in a name",
	  HDR ROW("HS-1", "Máy", "ict", "\"An\nBình\"", "", ""),
	  IMPORT_E_NEWLINE, 2, 10, "Họ và tên", "An\\x0aBình", 0 },
	{ "a control character",
	  HDR C14("HS-1", "Máy", "ict", "", "", "", "", "", "", "An", "",
	          "T\x01y", "", ""),
	  IMPORT_E_CONTROL, 2, 12, "Dân tộc", "T\\x01y", 0 },
	{ "a code with a space", HDR ROW("HS 1", "Máy", "ict", "An", "", ""),
	  IMPORT_E_CODE_CHARS, 2, 1, "Mã hồ sơ", "HS 1", 0 },
	{ "a code with a Vietnamese letter",
	  HDR ROW("HS-Đ", "Máy", "ict", "An", "", ""), IMPORT_E_CODE_CHARS, 2,
	  1, "Mã hồ sơ", "HS-Đ", 0 },
	{ "an unknown field", HDR ROW("HS-1", "Máy", "Tin học", "An", "", ""),
	  IMPORT_E_UNKNOWN_FIELD, 2, 3, "Lĩnh vực", "Tin học", 0 },
	{ "29 February of a common year (ISO)",
	  HDR C14("HS-1", "Máy", "ict", "", "", "", "2023-02-29", "", "", "An",
	          "", "", "", ""),
	  IMPORT_E_DATE, 2, 7, "Áp dụng từ ngày", "2023-02-29", 0 },
	{ "month 13", HDR ROW("HS-1", "Máy", "ict", "An", "1/13/2024", ""),
	  IMPORT_E_DATE, 2, 11, "Ngày sinh", "1/13/2024", 0 },
	{ "a two-digit year",
	  HDR ROW("HS-1", "Máy", "ict", "An", "15/3/08", ""), IMPORT_E_DATE, 2,
	  11, "Ngày sinh", "15/3/08", 0 },
	{ "dashes in a day-first date",
	  HDR ROW("HS-1", "Máy", "ict", "An", "15-03-2008", ""), IMPORT_E_DATE,
	  2, 11, "Ngày sinh", "15-03-2008", 0 },
	{ "an unknown role",
	  HDR ROW("HS-1", "Máy", "ict", "An", "", "Trưởng nhóm"), IMPORT_E_ROLE,
	  2, 14, "Vai trò", "Trưởng nhóm", 0 },
	{ "a continuation row with another title",
	  HDR OK1 ROW("HS-1", "Máy cày", "", "Bình", "", ""), IMPORT_E_CONFLICT,
	  3, 2, "Tên giải pháp, sản phẩm", "Máy cày", 2 },
	{ "a continuation row with another field (by title)",
	  HDR OK1 ROW("HS-1", "", "Y dược", "Bình", "", ""), IMPORT_E_CONFLICT,
	  3, 3, "Lĩnh vực", "Y dược", 2 },
	{ "a conflict names the line that gave the value",
	  HDR OK1 C14("HS-1", "", "", "", "", "", "1/1/2020", "", "", "Bình",
	              "", "", "", "")
	      C14("HS-1", "", "", "", "", "", "2/1/2020", "", "", "Chi", "", "",
	          "", ""),
	  IMPORT_E_CONFLICT, 4, 7, "Áp dụng từ ngày", "2/1/2020", 3 },
	{ "the same person twice (case aside)",
	  HDR ROW("HS-1", "Máy", "ict", "Lò Thị Mai", "2/7/2008", "")
	      ROW("HS-1", "", "", "LÒ THỊ MAI", "02/07/2008", "Đại diện"),
	  IMPORT_E_DUPLICATE_AUTHOR, 3, 10, "Họ và tên", "LÒ THỊ MAI", 2 },
	{ "the same person twice, no birth dates",
	  HDR OK1 ROW("HS-1", "", "", "An", "", ""), IMPORT_E_DUPLICATE_AUTHOR,
	  3, 10, "Họ và tên", "An", 2 },
	{ "a bad birth date does not make a later row a duplicate",
	  HDR ROW("HS-1", "Máy", "ict", "An", "31/02/2000", "")
	      ROW("HS-1", "", "", "An", "", ""),
	  IMPORT_E_DATE, 2, 11, "Ngày sinh", "31/02/2000", 0 },
	{ "an English header names columns in English",
	  HDR_EN "\n" ROW("HS-1", "Máy", "ict", "An", "32/1/2000", ""),
	  IMPORT_E_DATE, 2, 11, "birth_date", "32/1/2000", 0 },
};

static void
test_error_cases(void)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		const struct error_case *c = &errors[i];
		struct import_result res;
		const struct import_error *e;

		t_case("entries csv error: %s", c->name);
		CHECK_INT(parse(c->csv, &res), -1);
		CHECK(res.entries == NULL && res.nentries == 0);
		if (!CHECK_INT(res.nerrors, 1)) {
			show_errors(&res);
			import_result_free(&res);
			continue;
		}
		e = &res.errors[0];
		CHECK_INT(e->code, c->code);
		CHECK_INT(e->line, c->line);
		CHECK_INT(e->column, c->column);
		CHECK_STR(e->column_name, c->column_name);
		CHECK_STR(e->value, c->value);
		CHECK_INT(e->other_line, c->other_line);
		CHECK(!res.truncated);
		import_result_free(&res);
	}
}

/* Errors of several rows and columns, all reported, in order, rendered. */
static void
test_many_errors(void)
{
	static const char csv[] =
	    HDR ROW("HS-1", "Máy", "Tin học", "An", "31/4/2001", "Trưởng")
	        ROW("HS 2", "", "ict", "", "", "")
	            ROW("HS-1", "Máy khác", "", "An", "30/4/2001", "")
	                ROW("HS-1", "", "", "Bình", "", "") "HS-3,Máy\n";
	static const struct {
		long line, column;
		enum import_err code;
	} want[] = {
		{ 2, 3, IMPORT_E_UNKNOWN_FIELD }, { 2, 11, IMPORT_E_DATE },
		{ 2, 14, IMPORT_E_ROLE },         { 3, 1, IMPORT_E_CODE_CHARS },
		{ 3, 10, IMPORT_E_REQUIRED },     { 4, 2, IMPORT_E_CONFLICT },
		{ 6, 3, IMPORT_E_COLUMN_COUNT },
	};
	struct import_result res;
	struct buf b;

	t_case("entries csv: every error of a file at once, in order");
	CHECK_INT(parse(csv, &res), -1);
	if (CHECK_INT(res.nerrors, sizeof(want) / sizeof(want[0])))
		for (size_t i = 0; i < res.nerrors; i++) {
			CHECK_INT(res.errors[i].line, want[i].line);
			CHECK_INT(res.errors[i].column, want[i].column);
			CHECK_INT(res.errors[i].code, want[i].code);
		}
	else
		show_errors(&res);
	t_case("entries csv: errors rendered in Vietnamese and English");
	buf_init(&b, 1 << 16);
	if (res.nerrors > 5) {
		import_error_format(&res.errors[5], SCORE_LANG_VI, &b);
		CHECK_STR(b.data, "dòng 4, cột 2 (Tên giải pháp, sản phẩm): "
		                  "\"Máy khác\" khác với dòng 2 của cùng hồ sơ "
		                  "(các dòng sau để trống hoặc ghi giống hệt)");
		buf_reset(&b);
		import_error_format(&res.errors[5], SCORE_LANG_EN, &b);
		CHECK_STR(b.data,
		          "line 4, column 2 (Tên giải pháp, sản phẩm): "
		          "\"Máy khác\" differs from line 2 of the same "
		          "entry (leave it empty or repeat it exactly)");
		buf_reset(&b);
		import_error_format(&res.errors[6], SCORE_LANG_VI, &b);
		CHECK_STR(b.data,
		          "dòng 6, cột 3 (Lĩnh vực): dòng có 2 cột, cần "
		          "đúng 14 cột");
	}
	buf_release(&b);
	import_result_free(&res);
}

/* The rows of a file made of `n` generated rows. */
static char *
generated(size_t n, const char *(*row)(size_t i, char *tmp, size_t size))
{
	struct buf b;
	char tmp[256];

	buf_init(&b, 1 << 26);
	buf_puts(&b, HDR);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, row(i, tmp, sizeof(tmp)));
	return buf_detach(&b, NULL);
}

static const char *
bad_date_row(size_t i, char *tmp, size_t size)
{
	snprintf(tmp, size, "HS-%zu,Máy,ict,,,,,,,An,31/02/2000,,,\n", i);
	return tmp;
}

static const char *
entry_row(size_t i, char *tmp, size_t size)
{
	snprintf(tmp, size, "HS-%zu,Máy,ict,,,,,,,An,,,,\n", i);
	return tmp;
}

static const char *
author_row(size_t i, char *tmp, size_t size)
{
	snprintf(tmp, size, "HS-1,Máy,ict,,,,,,,Người %zu,,,,\n", i);
	return tmp;
}

static void
test_limits(void)
{
	struct import_result res;
	char *csv;
	struct buf b;

	t_case("entries csv: at most 200 errors, then a last one says so");
	csv = generated(250, bad_date_row);
	CHECK_INT(parse(csv, &res), -1);
	free(csv);
	CHECK(res.truncated);
	if (CHECK_INT(res.nerrors, IMPORT_MAX_ERRORS + 1)) {
		CHECK_INT(res.errors[IMPORT_MAX_ERRORS - 1].line, 201);
		CHECK_INT(res.errors[IMPORT_MAX_ERRORS].code,
		          IMPORT_E_TRUNCATED);
		buf_init(&b, 1 << 16);
		import_error_format(&res.errors[IMPORT_MAX_ERRORS],
		                    SCORE_LANG_EN, &b);
		CHECK_STR(b.data,
		          "more than 200 errors; only the first 200 are "
		          "listed. Fix them and import again");
		buf_release(&b);
	}
	import_result_free(&res);

	t_case("entries csv: 5000 entries pass, the 5001st is an error");
	csv = generated(IMPORT_MAX_ENTRIES, entry_row);
	CHECK_INT(parse(csv, &res), 0);
	CHECK_INT(res.nentries, IMPORT_MAX_ENTRIES);
	import_result_free(&res);
	free(csv);
	csv = generated(IMPORT_MAX_ENTRIES + 2, entry_row);
	CHECK_INT(parse(csv, &res), -1);
	free(csv);
	if (CHECK_INT(res.nerrors, 1)) {
		CHECK_INT(res.errors[0].code, IMPORT_E_TOO_MANY_ENTRIES);
		CHECK_INT(res.errors[0].line, IMPORT_MAX_ENTRIES + 2);
		CHECK_INT(res.errors[0].column, 1);
	}
	import_result_free(&res);

	t_case("entries csv: 20 people per entry, the 21st is an error");
	csv = generated(IMPORT_MAX_AUTHORS + 3, author_row);
	CHECK_INT(parse(csv, &res), -1);
	free(csv);
	if (CHECK_INT(res.nerrors, 1)) {
		CHECK_INT(res.errors[0].code, IMPORT_E_TOO_MANY_AUTHORS);
		CHECK_INT(res.errors[0].line, IMPORT_MAX_AUTHORS + 2);
		CHECK_INT(res.errors[0].column, 10);
	}
	import_result_free(&res);
}

/* A long value is cut at a character boundary and marked. */
static void
test_value_cut(void)
{
	struct import_result res;
	struct buf b;
	size_t n;

	t_case("entries csv: a long offending value is cut between letters");
	buf_init(&b, 1 << 16);
	buf_puts(&b, HDR "HS-1,");
	for (int i = 0; i < 200; i++)
		buf_puts(&b, "ạ"); /* 3 bytes: 600 in all, over 500 */
	buf_puts(&b, ",ict,,,,,,,An,,,,\n");
	CHECK_INT(entries_csv_parse(rubric, b.data, b.len, &res), -1);
	if (CHECK_INT(res.nerrors, 1)) {
		n = strlen(res.errors[0].value);
		CHECK_INT(res.errors[0].code, IMPORT_E_TOO_LONG);
		CHECK(n < sizeof(res.errors[0].value));
		CHECK(n > 100);
		CHECK(strcmp(res.errors[0].value + n - 3, "…") == 0);
		/* whole letters before the mark */
		CHECK_INT((n - 3) % 3, 0);
		CHECK(score_utf8_invalid_at(res.errors[0].value, n) < 0);
	}
	buf_release(&b);
	import_result_free(&res);
}

static void
test_template(void)
{
	for (int lang = 0; lang < SCORE_LANG__MAX; lang++) {
		struct import_result res;
		const struct import_entry *e;
		const char *want;
		struct buf b;

		t_case("entries csv: the template (%s) parses back",
		       lang == SCORE_LANG_VI ? "vi" : "en");
		buf_init(&b, 1 << 20);
		entries_csv_template((enum score_lang)lang, rubric, &b);
		want = lang == SCORE_LANG_VI ? BOM HDR_VI "\r\n"
		                             : BOM HDR_EN "\r\n";
		CHECK(strncmp(b.data, want, strlen(want)) == 0);
		CHECK_INT(entries_csv_parse(rubric, b.data, b.len, &res), 0);
		show_errors(&res);
		if (CHECK_INT(res.nentries, 1)) {
			e = &res.entries[0];
			CHECK_STR(e->field, rubric->fields[0].id);
			CHECK_STR(e->applied_since, "2024-09-01");
			if (CHECK_INT(e->nauthors, 3)) {
				CHECK_INT(e->authors[0].role,
				          AUTHOR_ROLE_AUTHOR);
				CHECK_INT(e->authors[1].role,
				          AUTHOR_ROLE_AUTHOR);
				CHECK_INT(e->authors[2].role,
				          AUTHOR_ROLE_TEACHER);
			}
		}
		import_result_free(&res);
		buf_release(&b);
	}
}

struct date_case {
	const char *in;
	const char *want; /* NULL: refused */
};

static const struct date_case dates[] = {
	{ "26/11/2026", "2026-11-26" },
	{ "1/2/2000", "2000-02-01" },
	{ "29/2/2000", "2000-02-29" },
	{ "29/2/1900", NULL },
	{ "29/2/2024", "2024-02-29" },
	{ "2024-02-29", "2024-02-29" },
	{ "31/4/2024", NULL },
	{ "31/12/1899", NULL },
	{ "2024-2-1", NULL },
	{ "001/1/2000", NULL },
	{ "1/1/20000", NULL },
	{ "0/1/2000", NULL },
	{ "1/1/2000 ", NULL },
	{ "", NULL },
	{ "1//2000", NULL },
	{ "+1/1/2000", NULL },
};

static void
test_cells(void)
{
	char out[16];
	enum author_role role;

	t_case("entries csv: dates in both forms, only days that exist");
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		bool ok = import_date_parse(dates[i].in, out, sizeof(out));

		if (dates[i].want == NULL)
			CHECKF(!ok, "%s accepted", dates[i].in);
		else if (CHECKF(ok, "%s refused", dates[i].in))
			CHECK_STR(out, dates[i].want);
	}
	t_case("entries csv: role names and ids");
	CHECK_STR(author_role_id(AUTHOR_ROLE_TEACHER), "teacher");
	CHECK_STR(author_role_id(AUTHOR_ROLE_REPRESENTATIVE), "representative");
	CHECK_STR(author_role_name(AUTHOR_ROLE_TEACHER, SCORE_LANG_VI),
	          "Giáo viên hướng dẫn");
	CHECK_STR(author_role_name(AUTHOR_ROLE_AUTHOR, SCORE_LANG_EN),
	          "Author");
	CHECK(author_role_parse("đại diện", &role) &&
	      role == AUTHOR_ROLE_REPRESENTATIVE);
	CHECK(author_role_parse("Supporting teacher", &role) &&
	      role == AUTHOR_ROLE_TEACHER);
	CHECK(!author_role_parse("giáo viên", &role));
	t_case("entries csv: fields by id, then by title");
	CHECK_INT(import_field_find(rubric, "ICT"), 0);
	CHECK_INT(import_field_find(rubric, "giáo dục và đào tạo"),
	          (long long)rubric->nfields - 1);
	CHECK_INT(import_field_find(rubric, "Giáo dục"), -1);
}

void
suite_entries_csv(void)
{
	struct score_error err;
	size_t len = 0;
	char *json = slurp("scoring/presets/technical-innovation.json", &len);

	t_case("entries csv: the technical-innovation preset loads");
	if (!CHECK(json != NULL))
		return;
	rubric = score_rubric_parse(json, len, &err);
	free(json);
	if (!CHECK(rubric != NULL))
		return;
	test_valid_vi();
	test_valid_en();
	test_error_cases();
	test_many_errors();
	test_limits();
	test_value_cut();
	test_template();
	test_cells();
	score_rubric_free(rubric);
	rubric = NULL;
}

/* entries_csv_text.c: the entries import's columns, messages in Vietnamese
 * and English, role names and the downloadable template. */
#include <stdio.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "entries_csv.h"

/* Limits in bytes: Vietnamese letters take 2-3 bytes, so 120 bytes still
 * hold any real name. Dates and roles get room for their longest form. */
const struct import_column_info import_columns[IMPORT_COL__MAX] = {
	[IMPORT_COL_CODE] = { { "Mã hồ sơ", "code" }, 40 },
	[IMPORT_COL_TITLE] = { { "Tên giải pháp, sản phẩm", "title" }, 500 },
	[IMPORT_COL_FIELD] = { { "Lĩnh vực", "field" }, 500 },
	[IMPORT_COL_SUMMARY] = { { "Tóm tắt", "summary" }, 4000 },
	[IMPORT_COL_ORGANISATION] = { { "Đơn vị dự thi", "organisation" },
	                              250 },
	[IMPORT_COL_DISTRICT] = { { "Huyện, xã", "district" }, 120 },
	[IMPORT_COL_APPLIED_SINCE] = { { "Áp dụng từ ngày", "applied_since" },
	                               40 },
	[IMPORT_COL_APPLIED_PLACE] = { { "Nơi áp dụng", "applied_place" },
	                               250 },
	[IMPORT_COL_PRIOR_AWARDS] = { { "Giải thưởng đã đạt", "prior_awards" },
	                              1000 },
	[IMPORT_COL_AUTHOR_NAME] = { { "Họ và tên", "author_name" }, 120 },
	[IMPORT_COL_BIRTH_DATE] = { { "Ngày sinh", "birth_date" }, 40 },
	[IMPORT_COL_ETHNICITY] = { { "Dân tộc", "ethnicity" }, 60 },
	[IMPORT_COL_UNIT] = { { "Trường, đơn vị công tác", "unit" }, 250 },
	[IMPORT_COL_ROLE] = { { "Vai trò", "role" }, 60 },
};

static const char *const role_names[AUTHOR_ROLE__MAX][SCORE_LANG__MAX] = {
	[AUTHOR_ROLE_AUTHOR] = { "Tác giả", "Author" },
	[AUTHOR_ROLE_REPRESENTATIVE] = { "Đại diện", "Representative" },
	[AUTHOR_ROLE_TEACHER] = { "Giáo viên hướng dẫn", "Supporting teacher" },
};

static const char *const role_ids[AUTHOR_ROLE__MAX] = {
	[AUTHOR_ROLE_AUTHOR] = "author",
	[AUTHOR_ROLE_REPRESENTATIVE] = "representative",
	[AUTHOR_ROLE_TEACHER] = "teacher",
};

/*
 * One row per error code. Placeholders: %v the offending value, %n the
 * other line, %m the limit that applies, %a and %b the column's
 * Vietnamese and English header.
 */
static const char *const messages[IMPORT_E__MAX][SCORE_LANG__MAX] = {
	[IMPORT_OK] = { "không có lỗi", "no error" },
	[IMPORT_E_UTF8] = { "tệp không phải UTF-8 (byte %v); trong Excel hãy "
	                    "lưu bằng \"CSV UTF-8 (Comma delimited)\"",
	                    "the file is not UTF-8 (byte %v); in Excel save "
	                    "it as \"CSV UTF-8 (Comma delimited)\"" },
	[IMPORT_E_CSV_SYNTAX] = { "sai cú pháp CSV: kiểm tra dấu ngoặc kép "
	                          "(trong ô, dấu \" phải viết thành \"\")",
	                          "malformed CSV: check the quotes (a \" "
	                          "inside a cell is written \"\")" },
	[IMPORT_E_NO_HEADER] = { "dòng đầu tiên phải là dòng tiêu đề của "
	                         "mẫu (\"Mã hồ sơ\", \"Tên giải pháp, sản "
	                         "phẩm\", …)",
	                         "the first row must be the template's "
	                         "header (\"code\", \"title\", …)" },
	[IMPORT_E_HEADER] = { "tiêu đề \"%v\" không đúng: cột này phải là "
	                      "\"%a\" (hoặc \"%b\")",
	                      "header \"%v\" is wrong: this column must be "
	                      "\"%b\" (or \"%a\")" },
	[IMPORT_E_COLUMN_COUNT] = { "dòng có %v cột, cần đúng %m cột",
	                            "the row has %v columns, expected %m" },
	[IMPORT_E_NO_ENTRIES] = { "tệp không có hồ sơ nào (cần dòng tiêu đề "
	                          "và ít nhất một dòng dữ liệu)",
	                          "the file has no entries (it needs the "
	                          "header and at least one row)" },
	[IMPORT_E_REQUIRED] = { "không được để trống",
	                        "is required (must not be empty)" },
	[IMPORT_E_TOO_LONG] = { "quá dài (tối đa %m byte; mỗi chữ có dấu "
	                        "tính 2–3 byte): \"%v\"",
	                        "too long (at most %m bytes): \"%v\"" },
	[IMPORT_E_NEWLINE] = { "không được xuống dòng trong ô này (chỉ Tóm "
	                       "tắt và Giải thưởng đã đạt được nhiều dòng): "
	                       "\"%v\"",
	                       "no line breaks in this cell (only summary "
	                       "and prior_awards may span lines): \"%v\"" },
	[IMPORT_E_CONTROL] = { "có ký tự điều khiển không hợp lệ: \"%v\"",
	                       "contains a control character: \"%v\"" },
	[IMPORT_E_CODE_CHARS] = { "mã hồ sơ \"%v\" chỉ được gồm chữ cái không "
	                          "dấu, chữ số, dấu - và dấu _",
	                          "code \"%v\" may only hold ASCII letters, "
	                          "digits, - and _" },
	[IMPORT_E_UNKNOWN_FIELD] = { "\"%v\" không phải lĩnh vực nào của cuộc "
	                             "thi (ghi mã hoặc tên lĩnh vực như trong "
	                             "thể lệ)",
	                             "\"%v\" is not a field of this contest "
	                             "(use the field's id or title)" },
	[IMPORT_E_DATE] = { "\"%v\" không phải ngày hợp lệ (ghi "
	                    "ngày/tháng/năm, "
	                    "ví dụ 26/11/2008)",
	                    "\"%v\" is not a valid date (use dd/mm/yyyy, e.g. "
	                    "26/11/2008, or yyyy-mm-dd)" },
	[IMPORT_E_ROLE] = { "vai trò \"%v\" không hợp lệ: ghi Tác giả, Đại "
	                    "diện hoặc Giáo viên hướng dẫn (để trống là Tác "
	                    "giả)",
	                    "role \"%v\" is not valid: use author, "
	                    "representative or teacher (empty means "
	                    "author)" },
	[IMPORT_E_CONFLICT] = { "\"%v\" khác với dòng %n của cùng hồ sơ (các "
	                        "dòng sau để trống hoặc ghi giống hệt)",
	                        "\"%v\" differs from line %n of the same "
	                        "entry (leave it empty or repeat it exactly)" },
	[IMPORT_E_DUPLICATE_AUTHOR] = { "\"%v\" đã có ở dòng %n của hồ sơ này "
	                                "(trùng họ tên và ngày sinh)",
	                                "\"%v\" is already on line %n of "
	                                "this entry (same name and date of "
	                                "birth)" },
	[IMPORT_E_TOO_MANY_ENTRIES] = { "tệp có quá %m hồ sơ; hãy chia thành "
	                                "nhiều tệp",
	                                "more than %m entries; split the "
	                                "file" },
	[IMPORT_E_TOO_MANY_AUTHORS] = { "hồ sơ có quá %m người",
	                                "the entry has more than %m people" },
	[IMPORT_E_PACKAGE_VERSION] = { "tệp là gói chuyển cấp định dạng \"%v\" "
	                               "nhưng phần mềm này chỉ nhập được "
	                               "định dạng \"" IMPORT_PACKAGE_FORMAT
	                               "\"; không hồ sơ nào được nhập. Hãy "
	                               "đề nghị nơi gửi xuất lại gói bằng "
	                               "phiên bản giamkhao tương thích",
	                               "the file is a forwarding package of "
	                               "format \"%v\" but this version "
	                               "imports only \"" IMPORT_PACKAGE_FORMAT
	                               "\"; nothing was imported. Ask the "
	                               "sender for a package from a "
	                               "compatible giamkhao" },
	[IMPORT_E_TRUNCATED] = { "có hơn %m lỗi; chỉ liệt kê %m lỗi đầu tiên. "
	                         "Hãy sửa rồi nhập lại",
	                         "more than %m errors; only the first %m are "
	                         "listed. Fix them and import again" },
};

const char *
author_role_name(enum author_role role, enum score_lang lang)
{
	if ((unsigned)role >= AUTHOR_ROLE__MAX)
		role = AUTHOR_ROLE_AUTHOR;
	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_EN;
	return role_names[role][lang];
}

const char *
author_role_id(enum author_role role)
{
	if ((unsigned)role >= AUTHOR_ROLE__MAX)
		role = AUTHOR_ROLE_AUTHOR;
	return role_ids[role];
}

bool
import_text_equal(const char *a, const char *b)
{
	int cmp = 1;

	if (u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)b,
	               strlen(b), NULL, UNINORM_NFC, &cmp) != 0)
		return false;
	return cmp == 0;
}

/* Reads min..max digits as a number. */
static bool
read_number(const char **p, size_t min, size_t max, int *out)
{
	size_t n = 0;
	int v = 0;

	while (n < max && (*p)[n] >= '0' && (*p)[n] <= '9') {
		v = v * 10 + ((*p)[n] - '0');
		n++;
	}
	if (n < min)
		return false;
	*p += n;
	*out = v;
	return true;
}

bool
import_date_parse(const char *s, char *out, size_t size)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };
	const char *p = s;
	int d, m, y;
	bool leap;

	if (strlen(s) == 10 && s[4] == '-') {
		if (!read_number(&p, 4, 4, &y) || *p++ != '-' ||
		    !read_number(&p, 2, 2, &m) || *p++ != '-' ||
		    !read_number(&p, 2, 2, &d))
			return false;
	} else if (!read_number(&p, 1, 2, &d) || *p++ != '/' ||
	           !read_number(&p, 1, 2, &m) || *p++ != '/' ||
	           !read_number(&p, 4, 4, &y)) {
		return false;
	}
	if (*p != '\0' || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return false;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if ((m == 2 && d == 29 && !leap) || size < 11)
		return false;
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return true;
}

int
import_field_find(const struct score_rubric *r, const char *s)
{
	/* ids first: a title that happens to equal another field's id must
	 * not shadow it */
	for (size_t i = 0; i < r->nfields; i++)
		if (import_text_equal(s, r->fields[i].id))
			return (int)i;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct score_text *t = &r->fields[i].title;

		if (import_text_equal(s, t->vi) ||
		    (t->en != NULL && import_text_equal(s, t->en)))
			return (int)i;
	}
	return -1;
}

bool
author_role_parse(const char *s, enum author_role *out)
{
	for (int i = 0; i < AUTHOR_ROLE__MAX; i++) {
		enum author_role role = (enum author_role)i;

		if (import_text_equal(s, role_names[role][SCORE_LANG_VI]) ||
		    import_text_equal(s, role_names[role][SCORE_LANG_EN]) ||
		    import_text_equal(s, role_ids[role])) {
			*out = role;
			return true;
		}
	}
	return false;
}

/* Line breaks, control characters and length, for every column. */
static enum import_err
check_text(enum import_column c, const char *s)
{
	bool multiline =
	    c == IMPORT_COL_SUMMARY || c == IMPORT_COL_PRIOR_AWARDS;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p == '\n' || *p == '\r') && !multiline)
			return IMPORT_E_NEWLINE;
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') ||
		    *p == 0x7f)
			return IMPORT_E_CONTROL;
	}
	if (strlen(s) > import_columns[c].max)
		return IMPORT_E_TOO_LONG;
	return IMPORT_OK;
}

enum import_err
import_cell_check(const struct score_rubric *r, enum import_column c,
                  const char *s, struct import_cell *out)
{
	enum import_err code = check_text(c, s);
	int field;

	out->value = s;
	out->role = AUTHOR_ROLE_AUTHOR;
	if (code != IMPORT_OK || *s == '\0')
		return code;
	switch (c) {
	case IMPORT_COL_CODE:
		/* codes end up in URLs and file names: ASCII only */
		if (strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
		              "wxyz0123456789-_") != strlen(s))
			return IMPORT_E_CODE_CHARS;
		return IMPORT_OK;
	case IMPORT_COL_FIELD:
		field = import_field_find(r, s);
		if (field < 0)
			return IMPORT_E_UNKNOWN_FIELD;
		out->value = r->fields[field].id;
		return IMPORT_OK;
	case IMPORT_COL_APPLIED_SINCE:
	case IMPORT_COL_BIRTH_DATE:
		if (!import_date_parse(s, out->date, sizeof(out->date)))
			return IMPORT_E_DATE;
		out->value = out->date;
		return IMPORT_OK;
	case IMPORT_COL_ROLE:
		return author_role_parse(s, &out->role) ? IMPORT_OK
		                                        : IMPORT_E_ROLE;
	default:
		return IMPORT_OK;
	}
}

/* The limit a message quotes as %m. */
static long
limit_of(const struct import_error *e)
{
	switch (e->code) {
	case IMPORT_E_TOO_LONG:
		if (e->column >= 1 && e->column <= IMPORT_COL__MAX)
			return (long)import_columns[e->column - 1].max;
		return 0;
	case IMPORT_E_COLUMN_COUNT:
		return IMPORT_COL__MAX;
	case IMPORT_E_TOO_MANY_ENTRIES:
		return IMPORT_MAX_ENTRIES;
	case IMPORT_E_TOO_MANY_AUTHORS:
		return IMPORT_MAX_AUTHORS;
	case IMPORT_E_TRUNCATED:
		return IMPORT_MAX_ERRORS;
	default:
		return 0;
	}
}

/* Expands a message's placeholders. */
static void
expand(const char *tmpl, const struct import_error *e, struct buf *out)
{
	bool known = e->column >= 1 && e->column <= IMPORT_COL__MAX;
	const struct import_column_info *col =
	    known ? &import_columns[e->column - 1] : NULL;

	for (const char *p = tmpl; *p != '\0'; p++) {
		if (p[0] != '%' || p[1] == '\0') {
			buf_putc(out, *p);
			continue;
		}
		p++;
		if (*p == 'v')
			buf_puts(out, e->value);
		else if (*p == 'n')
			buf_printf(out, "%ld", e->other_line);
		else if (*p == 'm')
			buf_printf(out, "%ld", limit_of(e));
		else if (*p == 'a' || *p == 'b')
			buf_puts(out, col != NULL ? col->name[*p == 'b'] : "");
		else
			buf_putc(out, *p);
	}
}

void
import_error_format(const struct import_error *e, enum score_lang lang,
                    struct buf *out)
{
	static const char *const where[SCORE_LANG__MAX][2] = {
		{ "dòng", "cột" },
		{ "line", "column" },
	};
	enum import_err code = e->code;

	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_EN;
	if ((unsigned)code >= IMPORT_E__MAX)
		code = IMPORT_OK;
	if (e->line > 0) {
		buf_printf(out, "%s %ld", where[lang][0], e->line);
		if (e->column > 0)
			buf_printf(out, ", %s %ld", where[lang][1], e->column);
		if (e->column_name[0] != '\0')
			buf_printf(out, " (%s)", e->column_name);
		buf_puts(out, ": ");
	}
	expand(messages[code][lang], e, out);
}

/* Writes one CSV cell, quoted when it holds a comma, quote or line end. */
static void
put_cell(struct buf *out, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(out, s);
	} else {
		buf_putc(out, '"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	}
	buf_puts(out, last ? "\r\n" : ",");
}

/* The example: one entry, its first row carries the entry's columns and
 * the continuation rows leave them empty, as the import allows. */
static const char *const example[3][IMPORT_COL__MAX] = {
	{ "HS-001", "Hệ thống tưới nhỏ giọt tự động điều khiển qua điện thoại",
	  NULL, /* the rubric's first field */
	  "Cảm biến độ ẩm đất tự bật, tắt máy bơm.",
	  "Trường THPT Chuyên Hà Giang", "Phường Nguyễn Trãi, TP Hà Giang",
	  "01/09/2024", "Vườn trường THPT Chuyên Hà Giang",
	  "Giải Nhì cấp trường năm 2024", "Nguyễn Văn An", "15/03/2008", "Tày",
	  "Trường THPT Chuyên Hà Giang", "Tác giả" },
	{ "HS-001", "", "", "", "", "", "", "", "", "Lò Thị Mai", "02/07/2008",
	  "Dao", "Trường THPT Chuyên Hà Giang", "Tác giả" },
	{ "HS-001", "", "", "", "", "", "", "", "", "Trần Thị Hoa",
	  "20/10/1985", "Kinh", "Trường THPT Chuyên Hà Giang",
	  "Giáo viên hướng dẫn" },
};

void
entries_csv_template(enum score_lang lang, const struct score_rubric *r,
                     struct buf *out)
{
	const char *field =
	    r != NULL && r->nfields > 0 ? r->fields[0].title.vi : "";

	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_VI;
	buf_puts(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < IMPORT_COL__MAX; c++)
		put_cell(out, import_columns[c].name[lang],
		         c + 1 == IMPORT_COL__MAX);
	for (size_t i = 0; i < sizeof(example) / sizeof(example[0]); i++)
		for (size_t c = 0; c < IMPORT_COL__MAX; c++)
			put_cell(out,
			         example[i][c] != NULL ? example[i][c] : field,
			         c + 1 == IMPORT_COL__MAX);
}

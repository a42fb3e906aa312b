/* entries_csv.h: the entries CSV import (issue 3): one row per author,
 * all or nothing, every error by line and column; and its template. */
#ifndef GIAMKHAO_ENTRIES_CSV_H
#define GIAMKHAO_ENTRIES_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/common.h"
#include "../scoring/scoring.h"

#define IMPORT_MAX_ENTRIES 5000 /* entries in one file */
#define IMPORT_MAX_AUTHORS 20   /* people (rows) in one entry */
#define IMPORT_MAX_ERRORS  200  /* errors collected before giving up */

/* The columns of the file, in order (the header row names them). */
enum import_column {
	IMPORT_COL_CODE,    /* Mã hồ sơ: groups the rows of an entry */
	IMPORT_COL_TITLE,   /* Tên giải pháp, sản phẩm */
	IMPORT_COL_FIELD,   /* Lĩnh vực: id or title of a rubric field */
	IMPORT_COL_SUMMARY, /* Tóm tắt: may span lines */
	IMPORT_COL_ORGANISATION,  /* Đơn vị dự thi */
	IMPORT_COL_DISTRICT,      /* Huyện, xã */
	IMPORT_COL_APPLIED_SINCE, /* Áp dụng từ ngày: a date */
	IMPORT_COL_APPLIED_PLACE, /* Nơi áp dụng */
	IMPORT_COL_PRIOR_AWARDS, /* Giải thưởng đã đạt: may span lines */
	IMPORT_COL_AUTHOR_NAME, /* Họ và tên: the first per-author column */
	IMPORT_COL_BIRTH_DATE,  /* Ngày sinh: a date */
	IMPORT_COL_ETHNICITY,   /* Dân tộc */
	IMPORT_COL_UNIT,        /* Trường, đơn vị công tác */
	IMPORT_COL_ROLE,        /* Vai trò: empty means author */
	IMPORT_COL__MAX,
};

/* A column's header in Vietnamese and English, and its limit in bytes. */
struct import_column_info {
	const char *name[SCORE_LANG__MAX];
	size_t max;
};

extern const struct import_column_info import_columns[IMPORT_COL__MAX];

enum author_role {
	AUTHOR_ROLE_AUTHOR,
	AUTHOR_ROLE_REPRESENTATIVE,
	AUTHOR_ROLE_TEACHER, /* giáo viên hướng dẫn (supporting teacher) */
	AUTHOR_ROLE__MAX,
};

/*
 * What an import yields. Every string is NFC, trimmed, NUL-terminated and
 * never NULL: an absent optional value is "". Dates are "YYYY-MM-DD"; the
 * field is the rubric field's id; line breaks (summary, prior awards) are
 * "\n". `line` is the physical line (1-based) where the row began.
 */
struct import_author {
	char *name, *birth_date, *ethnicity, *unit;
	enum author_role role;
	long line;
};

struct import_entry {
	char *code, *title, *field, *summary, *organisation, *district,
	    *applied_since, *applied_place, *prior_awards;
	struct import_author *authors; /* in file order, at least one */
	size_t nauthors;
	long line; /* the entry's first row */
};

enum import_err {
	IMPORT_OK,
	IMPORT_E_UTF8,             /* value: the bad byte, e.g. "\xff" */
	IMPORT_E_CSV_SYNTAX,       /* malformed quoting; parsing stops */
	IMPORT_E_NO_HEADER,        /* the first row names no column */
	IMPORT_E_HEADER,           /* value: the header cell found */
	IMPORT_E_COLUMN_COUNT,     /* value: the number of columns found */
	IMPORT_E_NO_ENTRIES,       /* an empty file, or a header alone */
	IMPORT_E_REQUIRED,         /* an empty required cell */
	IMPORT_E_TOO_LONG,         /* above the column's limit */
	IMPORT_E_NEWLINE,          /* a line break in a one-line column */
	IMPORT_E_CONTROL,          /* a control character */
	IMPORT_E_CODE_CHARS,       /* the code is not [A-Za-z0-9_-] */
	IMPORT_E_UNKNOWN_FIELD,    /* no rubric field has this id or title */
	IMPORT_E_DATE,             /* not a date that exists */
	IMPORT_E_ROLE,             /* not one of the three roles */
	IMPORT_E_CONFLICT,         /* differs from other_line, same entry */
	IMPORT_E_DUPLICATE_AUTHOR, /* same name and birth date: other_line */
	IMPORT_E_TOO_MANY_ENTRIES, /* past IMPORT_MAX_ENTRIES */
	IMPORT_E_TOO_MANY_AUTHORS, /* past IMPORT_MAX_AUTHORS in one entry */
	IMPORT_E_PACKAGE_VERSION,  /* a package marker other than ours */
	IMPORT_E_TRUNCATED,        /* the last error: more were not listed */
	IMPORT_E__MAX,
};

/*
 * One error. line and column are 1-based (0: not applicable; column is
 * the CSV column, counting quoted commas as text); column_name is the
 * column's header as the file spells it (Vietnamese or English), or the
 * Vietnamese name when the header is not known; value is the offending
 * cell, with control characters made visible and cut to fit.
 */
struct import_error {
	long line, column;
	char column_name[64];
	enum import_err code;
	char value[160];
	long other_line; /* the earlier line of a conflict or duplicate */
};

struct import_result {
	struct import_entry *entries; /* in order of first appearance */
	size_t nentries;
	struct import_error *errors; /* by line, then column */
	size_t nerrors;
	bool truncated; /* more than IMPORT_MAX_ERRORS: see below */
	bool package;   /* the file was a forwarding package (see below) */
};

/*
 * Parses an entries CSV (UTF-8, BOM allowed, CRLF or LF) against the
 * rubric's fields. All or nothing: returns 0 with the entries and no
 * errors, or -1 with every error found and no entries. `out` is always
 * filled and must be released with import_result_free(). At most
 * IMPORT_MAX_ERRORS errors are kept; past them parsing stops, `truncated`
 * is set and a last IMPORT_E_TRUNCATED error says so.
 */
int entries_csv_parse(const struct score_rubric *r, const char *data,
                      size_t len, struct import_result *out);

/* Frees what entries_csv_parse() filled in and zeroes `res`. */
void import_result_free(struct import_result *res);

/*
 * Appends one line (no newline) such as "dòng 12, cột 3 (Lĩnh vực): ..."
 * in `lang`. The text is plain: escape it for HTML.
 */
void import_error_format(const struct import_error *e, enum score_lang lang,
                         struct buf *out);

/*
 * Appends the downloadable template: a UTF-8 BOM (Excel needs it to read
 * UTF-8), the header row in `lang` and example rows in Vietnamese (one
 * entry in the rubric's first field with two authors and a supporting
 * teacher), CRLF line ends. It parses back without errors.
 */
void entries_csv_template(enum score_lang lang, const struct score_rubric *r,
                          struct buf *out);

/* ---- The forwarding package (entries_package.c) ------------------------ */

/*
 * A decided edition sends entries to the next level as a package: the
 * template's file (BOM, Vietnamese header, one row per person) preceded by
 * one marker row whose first cell is IMPORT_PACKAGE_FORMAT. The import
 * reads a first row whose first cell starts with IMPORT_PACKAGE_PREFIX as
 * a marker: our format is skipped (the header follows), any other version
 * is refused whole (IMPORT_E_PACKAGE_VERSION). A file without a marker is
 * a plain template file, read as before. In a package only, a cell that
 * starts with ' had one ' put in front by the writer (so a spreadsheet
 * never runs a value as a formula): the import takes it off again.
 */
#define IMPORT_PACKAGE_PREFIX "giamkhao"
#define IMPORT_PACKAGE_FORMAT "giamkhao-forward/1"

/* Where the entries were judged, for the result line (all borrowed). */
struct package_origin {
	const char *edition;         /* the edition's title */
	const char *level;           /* its level as read: "Cấp huyện" */
	const char *decision_number; /* the award decision */
	const char *decision_date;   /* YYYY-MM-DD */
};

/* An entry's result there: the final prize's title and the published
 * score ("" when none). */
struct package_result {
	const char *prize;
	const char *score;
};

/*
 * Appends the line the package adds to an entry's prior awards, e.g.
 * "Giải Nhì, 80.00 điểm – Hội thi … (Cấp huyện); Quyết định số
 * 123/QĐ-LHH ngày 15/12/2026". Plain text, one line.
 */
void entries_package_line(const struct package_origin *o,
                          const struct package_result *res, struct buf *out);

/*
 * Appends the package of n entries (fields by id, written as the rubric's
 * Vietnamese titles; dates as dd/mm/yyyy): every field and person as
 * stored, the prior awards followed by the result line. Returns 0, or -1
 * when an entry's prior awards and result line together pass the
 * column's limit (*bad: its index; `out` then holds a partial file).
 */
int entries_package_write(const struct score_rubric *r,
                          const struct package_origin *o,
                          const struct import_entry *entries,
                          const struct package_result *results, size_t n,
                          struct buf *out, size_t *bad);

/* ---- Cells ------------------------------------------------------------- */

/*
 * The import's rules for one cell, public so that the server's entry form
 * accepts exactly what the import accepts.
 */

/* A checked cell: `value` is canonical (the text itself, the rubric
 * field's id, or `date` as YYYY-MM-DD); `role` for the role column. */
struct import_cell {
	const char *value; /* borrowed: from the input, `r` or `date` */
	char date[16];
	enum author_role role;
};

/*
 * Checks a trimmed, NFC cell of column `c`: no line break outside the
 * summary and prior awards, no control character, at most the column's
 * bytes, then its syntax (code characters, a known field, a date, a role).
 * An empty cell passes (whether it is required is the caller's business)
 * and gives "" (the role column: AUTHOR_ROLE_AUTHOR).
 */
enum import_err import_cell_check(const struct score_rubric *r,
                                  enum import_column c, const char *s,
                                  struct import_cell *out);

/* Compares two NFC texts ignoring case ("tác giả" equals "Tác giả"). */
bool import_text_equal(const char *a, const char *b);

/*
 * A date as written in Vietnam (d/m/yyyy, dd/mm/yyyy) or in ISO form
 * (yyyy-mm-dd) that exists, years 1900-2200, written to `out` (at least 11
 * bytes) as YYYY-MM-DD. Returns false for anything else.
 */
bool import_date_parse(const char *s, char *out, size_t size);

/* The index of the rubric field with this id, else this Vietnamese or
 * English title (ignoring case), or -1. */
int import_field_find(const struct score_rubric *r, const char *s);

/* A role from its Vietnamese or English name or its id, ignoring case. */
bool author_role_parse(const char *s, enum author_role *out);

/* A role as people read it ("Giáo viên hướng dẫn"); borrowed, static. */
const char *author_role_name(enum author_role role, enum score_lang lang);
/* A role's stable id: "author", "representative" or "teacher". */
const char *author_role_id(enum author_role role);

#endif

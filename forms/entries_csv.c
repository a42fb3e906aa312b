/* entries_csv.c: the entries CSV import (libcsv): rows into entries and
 * authors, every error collected with its line and column. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries_csv.h"

#define NCOLS IMPORT_COL__MAX

/* What the reader remembers of an entry beyond the public struct. */
struct entry_state {
	long set_line[NCOLS]; /* the line that gave each entry column */
	bool full;            /* its author limit was reported */
};

/* The reader's state across libcsv callbacks. */
struct reader {
	const struct score_rubric *r;
	struct import_result *out;
	long line;      /* the physical line being fed, 1-based */
	long row_start; /* the line where the current row began */
	bool in_row;
	bool seen_header, bad_header;
	bool stopped; /* a syntax error or the error cap: read no further */
	bool marker_checked; /* the first row was looked at for a marker */
	bool package;        /* it was our forwarding package's marker */
	long header_end;
	size_t nfields;         /* cells seen in the current row */
	bool extra_text;        /* a cell past NCOLS holds something */
	char *fields[NCOLS];    /* the first NCOLS cells, trimmed and NFC */
	int header_lang[NCOLS]; /* how the header spelt it, or -1 */
	struct strmap codes;    /* entry code -> index */
	struct entry_state *states;
	size_t entries_cap, errors_cap;
	bool entries_full;
};

/* A data row once checked: canonical values ("" where a cell is bad). */
struct row {
	const char *raw[NCOLS]; /* as read, for error messages */
	const char *val[NCOLS]; /* the field's id, dates as YYYY-MM-DD */
	bool bad[NCOLS];
	struct import_cell cell[NCOLS];
};

/*
 * Copies a cell into an error: control characters become visible escapes
 * (a message stays one line) and a long value is cut at a character
 * boundary with "…" (as scoring/errors.c does).
 */
static void
copy_value(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (; src != NULL && *src != '\0'; src++) {
		unsigned char ch = (unsigned char)*src;
		char esc[8] = "";

		if (ch < 0x20 || ch == 0x7f)
			snprintf(esc, sizeof(esc), "\\x%02x", ch);
		if (n + strlen(esc) + 1 + 4 >= size) {
			if ((ch & 0xC0) == 0x80) {
				while (n > 0 && ((unsigned char)dst[n - 1] &
				                 0xC0) == 0x80)
					n--;
				n -= n > 0;
			}
			memcpy(dst + n, "…", 3);
			n += 3;
			break;
		}
		if (esc[0] != '\0') {
			memcpy(dst + n, esc, strlen(esc));
			n += strlen(esc);
		} else {
			dst[n++] = (char)ch;
		}
	}
	dst[n] = '\0';
}

/* Records an error unless the cap is reached (then reading stops). */
static void
add_error(struct reader *rd, long line, size_t column, enum import_err code,
          const char *value, long other_line)
{
	struct import_result *o = rd->out;
	struct import_error *e;

	if (o->nerrors >= IMPORT_MAX_ERRORS) {
		o->truncated = true;
		rd->stopped = true;
		return;
	}
	if (o->nerrors == rd->errors_cap) {
		rd->errors_cap = rd->errors_cap ? rd->errors_cap * 2 : 16;
		o->errors = xreallocarray(o->errors, rd->errors_cap + 1,
		                          sizeof(*o->errors));
	}
	e = &o->errors[o->nerrors++];
	memset(e, 0, sizeof(*e));
	e->line = line;
	e->column = (long)column;
	e->code = code;
	e->other_line = other_line;
	if (column >= 1 && column <= NCOLS) {
		int lang = rd->header_lang[column - 1];

		snprintf(e->column_name, sizeof(e->column_name), "%s",
		         import_columns[column - 1].name[lang < 0 ? 0 : lang]);
	}
	copy_value(e->value, sizeof(e->value), value);
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/* Line ends inside a quoted cell become "\n", whatever wrote the file. */
static void
unify_newlines(char *s)
{
	char *w = s;

	for (const char *p = s; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n')
			continue;
		if (*p == '\r')
			*w++ = '\n';
		else
			*w++ = *p;
	}
	*w = '\0';
}

static void
on_field(void *data, size_t len, void *ctx)
{
	struct reader *rd = ctx;
	const char *s = data != NULL ? data : "";
	char *v;

	trim(&s, &len);
	/* the package writer put a ' before a cell starting with a formula
	 * character or a ' (see entries_csv.h): undo exactly that */
	if (rd->package && len > 0 && *s == '\'') {
		s++;
		len--;
		/* and trimmed like any cell: a hand-edited "' x" read as " x"
		 * came back from the next package as "x" (found by
		 * fuzz_entries_csv) */
		trim(&s, &len);
	}
	if (rd->nfields < NCOLS) {
		/* the whole file was validated as UTF-8 before parsing */
		v = score_nfc(s, len);
		rd->fields[rd->nfields] = v != NULL ? v : xstrdup("");
		unify_newlines(rd->fields[rd->nfields]);
	} else if (len > 0) {
		rd->extra_text = true;
	}
	rd->nfields++;
}

static void
clear_row(struct reader *rd)
{
	for (size_t i = 0; i < rd->nfields && i < NCOLS; i++) {
		free(rd->fields[i]);
		rd->fields[i] = NULL;
	}
	rd->nfields = 0;
	rd->extra_text = false;
}

/* A row of empty cells (Excel writes ",,,," below the data) is blank. */
static bool
is_blank_row(const struct reader *rd)
{
	for (size_t i = 0; i < rd->nfields && i < NCOLS; i++)
		if (rd->fields[i][0] != '\0')
			return false;
	return !rd->extra_text;
}

static void
count_error(struct reader *rd)
{
	char found[32];

	snprintf(found, sizeof(found), "%zu", rd->nfields);
	add_error(rd, rd->row_start,
	          rd->nfields < NCOLS ? rd->nfields + 1 : NCOLS + 1,
	          IMPORT_E_COLUMN_COUNT, found, 0);
}

/* Each header cell names its column in Vietnamese or English. */
static void
header_row(struct reader *rd)
{
	size_t n = rd->nfields < NCOLS ? rd->nfields : NCOLS, matched = 0;

	rd->seen_header = true;
	rd->header_end = rd->line;
	for (size_t i = 0; i < n; i++)
		for (int lang = 0; lang < SCORE_LANG__MAX; lang++)
			if (rd->header_lang[i] < 0 &&
			    import_text_equal(rd->fields[i],
			                      import_columns[i].name[lang])) {
				rd->header_lang[i] = lang;
				matched++;
			}
	if (matched == 0) {
		/* not a header at all: one error, not fourteen */
		add_error(rd, rd->row_start, 1, IMPORT_E_NO_HEADER,
		          rd->fields[0], 0);
		rd->bad_header = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (rd->header_lang[i] < 0) {
			add_error(rd, rd->row_start, i + 1, IMPORT_E_HEADER,
			          rd->fields[i], 0);
			rd->bad_header = true;
		}
	if (rd->nfields != NCOLS) {
		count_error(rd);
		rd->bad_header = true;
	}
}

static void
check_cell(struct reader *rd, struct row *row, size_t c)
{
	const char *v = rd->fields[c];
	enum import_err code;

	row->raw[c] = v;
	code =
	    import_cell_check(rd->r, (enum import_column)c, v, &row->cell[c]);
	if (code == IMPORT_OK && *v == '\0' &&
	    (c == IMPORT_COL_CODE || c == IMPORT_COL_AUTHOR_NAME))
		code = IMPORT_E_REQUIRED;
	row->val[c] = code == IMPORT_OK ? row->cell[c].value : "";
	if (code != IMPORT_OK) {
		add_error(rd, rd->row_start, c + 1, code, v, 0);
		row->bad[c] = true;
	}
}

/* Where each entry-level column lives in the public struct. */
static char **
entry_slot(struct import_entry *e, size_t c)
{
	char **slots[IMPORT_COL_AUTHOR_NAME] = {
		&e->code,          &e->title,         &e->field,
		&e->summary,       &e->organisation,  &e->district,
		&e->applied_since, &e->applied_place, &e->prior_awards,
	};

	return slots[c];
}

/* A new entry from its first row, which must carry title and field. */
static int
new_entry(struct reader *rd, const struct row *row)
{
	struct import_result *o = rd->out;
	struct import_entry *e;
	struct entry_state *st;

	if (o->nentries == IMPORT_MAX_ENTRIES) {
		if (!rd->entries_full)
			add_error(rd, rd->row_start, IMPORT_COL_CODE + 1,
			          IMPORT_E_TOO_MANY_ENTRIES,
			          row->raw[IMPORT_COL_CODE], 0);
		rd->entries_full = true;
		return -1;
	}
	if (o->nentries == rd->entries_cap) {
		rd->entries_cap = rd->entries_cap ? rd->entries_cap * 2 : 16;
		o->entries = xreallocarray(o->entries, rd->entries_cap,
		                           sizeof(*o->entries));
		rd->states = xreallocarray(rd->states, rd->entries_cap,
		                           sizeof(*rd->states));
	}
	e = memset(&o->entries[o->nentries], 0, sizeof(*e));
	st = memset(&rd->states[o->nentries], 0, sizeof(*st));
	e->line = rd->row_start;
	for (size_t c = 0; c < IMPORT_COL_AUTHOR_NAME; c++) {
		*entry_slot(e, c) = xstrdup(row->val[c]);
		if (row->val[c][0] != '\0')
			st->set_line[c] = rd->row_start;
	}
	for (size_t c = IMPORT_COL_TITLE; c <= IMPORT_COL_FIELD; c++)
		if (!row->bad[c] && row->val[c][0] == '\0')
			add_error(rd, rd->row_start, c + 1, IMPORT_E_REQUIRED,
			          "", 0);
	strmap_put(&rd->codes, e->code, (int)o->nentries);
	return (int)o->nentries++;
}

/*
 * A continuation row: an entry column left empty keeps the entry's value,
 * one given for the first time is taken, one repeated must be identical.
 */
static void
merge_entry(struct reader *rd, size_t idx, const struct row *row)
{
	struct import_entry *e = &rd->out->entries[idx];
	struct entry_state *st = &rd->states[idx];

	for (size_t c = IMPORT_COL_TITLE; c < IMPORT_COL_AUTHOR_NAME; c++) {
		char **slot = entry_slot(e, c);

		if (row->bad[c] || row->val[c][0] == '\0')
			continue;
		if (st->set_line[c] == 0) {
			free(*slot);
			*slot = xstrdup(row->val[c]);
			st->set_line[c] = rd->row_start;
		} else if (strcmp(*slot, row->val[c]) != 0) {
			add_error(rd, rd->row_start, c + 1, IMPORT_E_CONFLICT,
			          row->raw[c], st->set_line[c]);
		}
	}
}

/* The row's person joins the entry unless a limit or duplicate stops it. */
static void
add_author(struct reader *rd, size_t idx, const struct row *row)
{
	struct import_entry *e = &rd->out->entries[idx];
	const char *name = row->val[IMPORT_COL_AUTHOR_NAME];
	const char *birth = row->val[IMPORT_COL_BIRTH_DATE];
	struct import_author *a;

	/* a name or birth date already reported: comparing what is left
	 * would invent duplicates */
	if (name[0] == '\0' || row->bad[IMPORT_COL_BIRTH_DATE])
		return;
	if (e->nauthors == IMPORT_MAX_AUTHORS) {
		if (!rd->states[idx].full)
			add_error(rd, rd->row_start, IMPORT_COL_AUTHOR_NAME + 1,
			          IMPORT_E_TOO_MANY_AUTHORS, name, 0);
		rd->states[idx].full = true;
		return;
	}
	for (size_t i = 0; i < e->nauthors; i++)
		if (import_text_equal(e->authors[i].name, name) &&
		    strcmp(e->authors[i].birth_date, birth) == 0) {
			add_error(rd, rd->row_start, IMPORT_COL_AUTHOR_NAME + 1,
			          IMPORT_E_DUPLICATE_AUTHOR,
			          row->raw[IMPORT_COL_AUTHOR_NAME],
			          e->authors[i].line);
			return;
		}
	e->authors =
	    xreallocarray(e->authors, e->nauthors + 1, sizeof(*e->authors));
	a = &e->authors[e->nauthors++];
	a->name = xstrdup(name);
	a->birth_date = xstrdup(birth);
	a->ethnicity = xstrdup(row->val[IMPORT_COL_ETHNICITY]);
	a->unit = xstrdup(row->val[IMPORT_COL_UNIT]);
	a->role = row->cell[IMPORT_COL_ROLE].role;
	a->line = rd->row_start;
}

/* Errors of one row in column order (stable: equal columns keep theirs). */
static void
sort_errors(struct import_error *e, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct import_error key = e[i];
		size_t j = i;

		for (; j > 0 && e[j - 1].column > key.column; j--)
			e[j] = e[j - 1];
		e[j] = key;
	}
}

static void
data_row(struct reader *rd)
{
	struct row row;
	size_t first = rd->out->nerrors;
	int idx;

	if (rd->nfields != NCOLS) {
		count_error(rd);
		return;
	}
	memset(&row, 0, sizeof(row));
	for (size_t c = 0; c < NCOLS; c++)
		check_cell(rd, &row, c);
	/* a row without a valid code cannot be grouped; its cells were
	 * still checked so that every error shows at once */
	if (!row.bad[IMPORT_COL_CODE]) {
		idx = strmap_get(&rd->codes, row.val[IMPORT_COL_CODE]);
		if (idx < 0)
			idx = new_entry(rd, &row);
		else
			merge_entry(rd, (size_t)idx, &row);
		if (idx >= 0)
			add_author(rd, (size_t)idx, &row);
	}
	if (rd->out->nerrors > first) /* errors may still be NULL */
		sort_errors(rd->out->errors + first, rd->out->nerrors - first);
}

/*
 * Is the first row a package marker (its first cell starts with
 * IMPORT_PACKAGE_PREFIX)? Ours makes the file a package; any other
 * version stops the import: its rows may mean something else now, so
 * nothing of it is read (all or nothing). Other cells of the row are not
 * read: a spreadsheet pads the row with empty ones.
 */
static bool
marker_row(struct reader *rd)
{
	const char *first = rd->nfields > 0 ? rd->fields[0] : "";

	rd->marker_checked = true;
	if (strncmp(first, IMPORT_PACKAGE_PREFIX,
	            strlen(IMPORT_PACKAGE_PREFIX)) != 0)
		return false;
	if (strcmp(first, IMPORT_PACKAGE_FORMAT) == 0) {
		rd->package = true;
		rd->out->package = true;
	} else {
		add_error(rd, rd->row_start, 0, IMPORT_E_PACKAGE_VERSION, first,
		          0);
		rd->stopped = true;
	}
	return true;
}

static void
on_row(int terminator, void *ctx)
{
	struct reader *rd = ctx;

	(void)terminator;
	rd->in_row = false;
	if (!rd->stopped && !is_blank_row(rd)) {
		if (!rd->seen_header) {
			/* after a marker row, the header comes next */
			if (rd->marker_checked || !marker_row(rd))
				header_row(rd);
		} else if (!rd->bad_header) { /* misread columns: stop */
			data_row(rd);
		}
	}
	clear_row(rd);
}

/*
 * Invalid UTF-8 is one error for the whole file (a file saved in another
 * encoding would otherwise give one per cell), named by line and CSV
 * column (commas inside quotes do not start a column).
 */
static int
check_utf8(struct reader *rd, const char *data, size_t len)
{
	long at = score_utf8_invalid_at(data, len);
	long line = 1;
	size_t column = 1;
	bool quoted = false;
	char byte[8];

	if (at < 0)
		return 0;
	for (long i = 0; i < at; i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (data[i] == ',' && !quoted)
			column++;
		else if (data[i] == '\n' && !quoted)
			column = 1;
		if (data[i] == '\n')
			line++;
	}
	snprintf(byte, sizeof(byte), "\\x%02x", (unsigned char)data[at]);
	add_error(rd, line, column, IMPORT_E_UTF8, byte, 0);
	return -1;
}

/* Malformed quoting: libcsv cannot resynchronise, so reading stops. */
static void
syntax_error(struct reader *rd, long line)
{
	add_error(rd, line, rd->nfields + 1, IMPORT_E_CSV_SYNTAX, "", 0);
	rd->stopped = true;
}

/* Does the line hold anything but spaces and line ends? */
static bool
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(" \t\r\n", s[i]) == NULL)
			return false;
	return true;
}

/* Feeds the data line by line so that every callback knows its line. */
static void
parse_lines(struct csv_parser *p, const char *data, size_t len,
            struct reader *rd)
{
	size_t pos = 0;

	while (pos < len && !rd->stopped) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n =
		    nl != NULL ? (size_t)(nl - (data + pos)) + 1 : len - pos;

		if (!rd->in_row && !is_blank(data + pos, n)) {
			rd->in_row = true;
			rd->row_start = rd->line;
		}
		if (csv_parse(p, data + pos, n, on_field, on_row, rd) != n) {
			/* the quote that broke it is on this line */
			syntax_error(rd, rd->line);
			return;
		}
		pos += n;
		if (nl != NULL)
			rd->line++;
	}
	/* an unterminated quote: name the line where its row began */
	if (!rd->stopped && csv_fini(p, on_field, on_row, rd) != 0)
		syntax_error(rd, rd->row_start);
}

static void
free_entry(struct import_entry *e)
{
	for (size_t c = 0; c < IMPORT_COL_AUTHOR_NAME; c++)
		free(*entry_slot(e, c));
	for (size_t i = 0; i < e->nauthors; i++) {
		free(e->authors[i].name);
		free(e->authors[i].birth_date);
		free(e->authors[i].ethnicity);
		free(e->authors[i].unit);
	}
	free(e->authors);
}

void
import_result_free(struct import_result *res)
{
	if (res == NULL)
		return;
	for (size_t i = 0; i < res->nentries; i++)
		free_entry(&res->entries[i]);
	free(res->entries);
	free(res->errors);
	memset(res, 0, sizeof(*res));
}

/* The file-level errors found at the end: no entries, too many errors. */
static void
finish(struct reader *rd)
{
	struct import_result *o = rd->out;
	struct import_error *e;

	if (!rd->stopped && o->nerrors == 0 && o->nentries == 0)
		add_error(rd, rd->seen_header ? rd->header_end + 1 : 1, 0,
		          IMPORT_E_NO_ENTRIES, "", 0);
	if (o->truncated) {
		/* past the cap on purpose: add_error kept a spare slot */
		e = memset(&o->errors[o->nerrors++], 0, sizeof(*e));
		e->code = IMPORT_E_TRUNCATED;
	}
	if (o->nerrors > 0) {
		/* all or nothing: no half-read entries reach the caller */
		for (size_t i = 0; i < o->nentries; i++)
			free_entry(&o->entries[i]);
		free(o->entries);
		o->entries = NULL;
		o->nentries = 0;
	}
}

int
entries_csv_parse(const struct score_rubric *r, const char *data, size_t len,
                  struct import_result *out)
{
	struct reader rd;
	struct csv_parser p;

	memset(out, 0, sizeof(*out));
	memset(&rd, 0, sizeof(rd));
	rd.r = r;
	rd.out = out;
	rd.line = 1;
	rd.row_start = 1;
	for (size_t i = 0; i < NCOLS; i++)
		rd.header_lang[i] = -1;
	strmap_init(&rd.codes);
	if (check_utf8(&rd, data, len) == 0) {
		if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
			data += 3;
			len -= 3;
		}
		if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI |
		                     CSV_APPEND_NULL) != 0)
			abort();
		parse_lines(&p, data, len, &rd);
		csv_free(&p);
		clear_row(&rd);
	}
	finish(&rd);
	strmap_release(&rd.codes);
	free(rd.states);
	return out->nerrors == 0 ? 0 : -1;
}

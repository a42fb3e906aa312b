/* scores_csv.c: the offline scores/ballot CSV into an input (libcsv). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_COLUMNS 5

static const char *const scores_header[] = { "entry", "field", "judge",
	                                     "criterion", "score" };
static const char *const ballot_header[] = { "entry", "field", "judge",
	                                     "vote" };

/* The reader's state across libcsv callbacks. */
struct reader {
	struct score_input *in;
	struct score_error *err;
	const char *const *header;
	size_t ncolumns;
	long line;      /* the line being parsed, 1-based */
	long row_start; /* the line where the current row began */
	bool in_row;    /* a row has begun and not ended */
	bool seen_header;
	bool failed;
	size_t nfields;            /* fields seen in the current row */
	char *fields[MAX_COLUMNS]; /* the first MAX_COLUMNS of them */
};

static void
clear_row(struct reader *rd)
{
	for (size_t i = 0; i < rd->nfields && i < MAX_COLUMNS; i++) {
		free(rd->fields[i]);
		rd->fields[i] = NULL;
	}
	rd->nfields = 0;
}

/* Writes the expected header ("entry,field,...") into out. */
static void
join_header(const struct reader *rd, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < rd->ncolumns && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s",
		                         i > 0 ? "," : "", rd->header[i]);
}

/* Marks the reader failed at a column of the current row. */
static void
fail_at(struct reader *rd, size_t column)
{
	rd->failed = true;
	rd->err->line = rd->row_start;
	rd->err->column = (long)column;
}

/* Trims the spaces and tabs around a value. */
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

static void
on_field(void *data, size_t len, void *ctx)
{
	struct reader *rd = ctx;
	const char *s = data != NULL ? data : "";

	if (rd->failed)
		return;
	if (rd->nfields < MAX_COLUMNS) {
		trim(&s, &len);
		/* the whole buffer was validated as UTF-8 before parsing */
		rd->fields[rd->nfields] = score_nfc(s, len);
	}
	rd->nfields++;
}

static int
check_header(struct reader *rd)
{
	char expected[128];
	size_t i = 0;

	/* the first column that differs, or the first extra one */
	while (i < rd->ncolumns && i < rd->nfields &&
	       strcmp(rd->fields[i], rd->header[i]) == 0)
		i++;
	if (i == rd->ncolumns && rd->nfields == rd->ncolumns)
		return 0;
	join_header(rd, expected, sizeof(expected));
	score_error_set(rd->err, SCORE_E_HEADER, NULL, expected, NULL);
	fail_at(rd, i + 1);
	return -1;
}

/* Checks the column count and that no value is empty or too long. */
static int
check_row(struct reader *rd)
{
	char found[32], expected[32];

	if (rd->nfields != rd->ncolumns) {
		snprintf(found, sizeof(found), "%zu", rd->nfields);
		snprintf(expected, sizeof(expected), "%zu", rd->ncolumns);
		score_error_set(rd->err, SCORE_E_COLUMN_COUNT, NULL, found,
		                expected);
		fail_at(rd, rd->nfields < rd->ncolumns ? rd->nfields + 1
		                                       : rd->ncolumns + 1);
		return -1;
	}
	for (size_t i = 0; i < rd->ncolumns; i++) {
		if (rd->fields[i][0] == '\0') {
			score_error_set(rd->err, SCORE_E_EMPTY_VALUE,
			                rd->header[i], NULL, NULL);
			fail_at(rd, i + 1);
			return -1;
		}
		if (strlen(rd->fields[i]) > SCORE_MAX_ID_BYTES) {
			snprintf(found, sizeof(found), "%d",
			         SCORE_MAX_ID_BYTES);
			score_error_set(rd->err, SCORE_E_TOO_LONG,
			                rd->header[i], found, NULL);
			fail_at(rd, i + 1);
			return -1;
		}
	}
	return 0;
}

/* Maps the column an input error names back to its number. */
static size_t
column_of(const struct reader *rd, const char *name)
{
	for (size_t i = 0; i < rd->ncolumns; i++)
		if (strcmp(rd->header[i], name) == 0)
			return i + 1;
	return 1;
}

static void
on_row(int terminator, void *ctx)
{
	struct reader *rd = ctx;
	char **f = rd->fields;
	int rc;

	(void)terminator;
	rd->in_row = false;
	if (rd->failed)
		goto out;
	if (!rd->seen_header) {
		rd->seen_header = true;
		check_header(rd);
		goto out;
	}
	if (check_row(rd) != 0)
		goto out;
	if (rd->in->rubric->mode == SCORE_MODE_SCORES)
		rc = score_input_add_score(rd->in, f[0], f[1], f[2], f[3], f[4],
		                           rd->err);
	else
		rc = score_input_add_vote(rd->in, f[0], f[1], f[2], f[3],
		                          rd->err);
	if (rc != 0)
		fail_at(rd, column_of(rd, rd->err->path));
out:
	clear_row(rd);
}

/*
 * Reports the first invalid UTF-8 byte by line and CSV column, like every
 * other error (commas inside quotes do not start a column).
 */
static int
check_utf8(const char *data, size_t len, struct score_error *err)
{
	long at = score_utf8_invalid_at(data, len);
	long line = 1, column = 1;
	bool quoted = false;

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
	score_error_set(err, SCORE_E_UTF8, NULL, NULL, NULL);
	err->line = line;
	err->column = column;
	return -1;
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
static int
parse_lines(struct csv_parser *p, const char *data, size_t len,
            struct reader *rd)
{
	size_t pos = 0;

	while (pos < len && !rd->failed) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n =
		    nl != NULL ? (size_t)(nl - (data + pos)) + 1 : len - pos;

		if (!rd->in_row && !is_blank(data + pos, n)) {
			rd->in_row = true;
			rd->row_start = rd->line;
		}
		if (csv_parse(p, data + pos, n, on_field, on_row, rd) != n) {
			/* the quote that broke it is on this line */
			score_error_set(rd->err, SCORE_E_CSV_SYNTAX, NULL, NULL,
			                NULL);
			fail_at(rd, rd->nfields + 1);
			rd->err->line = rd->line;
			return -1;
		}
		pos += n;
		if (nl != NULL && !rd->failed)
			rd->line++;
	}
	if (!rd->failed && csv_fini(p, on_field, on_row, rd) != 0) {
		/* an unterminated quote: name the line where its row began */
		score_error_set(rd->err, SCORE_E_CSV_SYNTAX, NULL, NULL, NULL);
		fail_at(rd, rd->nfields + 1);
	}
	return rd->failed ? -1 : 0;
}

struct score_input *
score_csv_read(const struct score_rubric *r, const char *data, size_t len,
               struct score_error *err)
{
	struct reader rd = { 0 };
	struct csv_parser p;
	char expected[128];

	if (check_utf8(data, len, err) != 0)
		return NULL;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	rd.header =
	    r->mode == SCORE_MODE_SCORES ? scores_header : ballot_header;
	rd.ncolumns = r->mode == SCORE_MODE_SCORES ? 5 : 4;
	rd.in = score_input_new(r);
	rd.err = err;
	rd.line = 1;
	rd.row_start = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	parse_lines(&p, data, len, &rd);
	csv_free(&p);
	clear_row(&rd);
	if (!rd.failed && !rd.seen_header) {
		join_header(&rd, expected, sizeof(expected));
		score_error_set(err, SCORE_E_NO_HEADER, NULL, expected, NULL);
		err->line = 1;
		err->column = 1;
		rd.failed = true;
	}
	if (rd.failed) {
		score_input_free(rd.in);
		return NULL;
	}
	return rd.in;
}

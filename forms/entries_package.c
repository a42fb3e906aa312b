/* entries_package.c: the forwarding package: a decided edition's chosen
 * entries in the import template's format, for the next level's import. */
#include <stdio.h>
#include <string.h>

#include "entries_csv.h"
#include "forms.h"

/*
 * Why the result goes into the prior awards, not into columns of its own:
 * the next level stores an entry's fields and nothing else (no schema for
 * a forwarded result), and "Giải thưởng đã đạt" is exactly what a prize
 * at the level below is there: the import keeps the text whole, the entry
 * page shows it, and the next level's eligibility warnings (a work must
 * already have won a prize, for the Golden Book) read it. The original
 * text stays as it was, first; the result is one line after it.
 */

/*
 * One cell. A cell a spreadsheet would run as a formula (= + - @ tab CR)
 * gets a ' in front, and so does one already starting with ', so that the
 * import's "take one ' off" gives every value back exactly.
 */
static void
put_cell(struct buf *out, const char *s, bool last)
{
	bool guard = s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;

	if (!guard && strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(out, s);
	} else {
		buf_putc(out, '"');
		if (guard)
			buf_putc(out, '\'');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	}
	buf_puts(out, last ? "\r\n" : ",");
}

/* The field as people read it: the rubric's Vietnamese title, which the
 * import maps back to the id (titles come from the national rules; an
 * id is this rubric's own spelling). */
static const char *
package_field_title(const struct score_rubric *r, const char *id)
{
	for (size_t i = 0; r != NULL && i < r->nfields; i++)
		if (strcmp(r->fields[i].id, id) == 0)
			return r->fields[i].title.vi;
	return id;
}

void
entries_package_line(const struct package_origin *o,
                     const struct package_result *res, struct buf *out)
{
	char date[16];

	buf_puts(out, res->prize[0] != '\0' ? res->prize : "Không có giải");
	if (res->score[0] != '\0')
		buf_printf(out, ", %s điểm", res->score);
	buf_printf(out, " – %s (%s)", o->edition, o->level);
	if (o->decision_number[0] != '\0') {
		date_vn(o->decision_date, date, sizeof(date));
		buf_printf(out, "; Quyết định số %s ngày %s",
		           o->decision_number, date);
	}
}

/* The prior awards with the result line after them; false when the
 * whole passes the column's limit. */
static bool
prior_awards(const struct import_entry *e, const struct package_origin *o,
             const struct package_result *res, struct buf *out)
{
	buf_reset(out);
	if (e->prior_awards[0] != '\0')
		buf_printf(out, "%s\n", e->prior_awards);
	entries_package_line(o, res, out);
	return !out->overflow &&
	       out->len <= import_columns[IMPORT_COL_PRIOR_AWARDS].max;
}

/* An entry's rows: the first carries the entry's columns, the others
 * leave them empty (as the template does); one row per person. */
static void
entry_rows(const struct score_rubric *r, const struct import_entry *e,
           const char *prior, struct buf *out)
{
	char applied[16], birth[16];

	date_vn(e->applied_since, applied, sizeof(applied));
	for (size_t i = 0; i < e->nauthors; i++) {
		const struct import_author *a = &e->authors[i];

		date_vn(a->birth_date, birth, sizeof(birth));
		const char *cols[IMPORT_COL__MAX] = {
			e->code, "",
			"",      "",
			"",      "",
			"",      "",
			"",      a->name,
			birth,   a->ethnicity,
			a->unit, author_role_name(a->role, SCORE_LANG_VI),
		};

		if (i == 0) {
			cols[IMPORT_COL_TITLE] = e->title;
			cols[IMPORT_COL_FIELD] =
			    package_field_title(r, e->field);
			cols[IMPORT_COL_SUMMARY] = e->summary;
			cols[IMPORT_COL_ORGANISATION] = e->organisation;
			cols[IMPORT_COL_DISTRICT] = e->district;
			cols[IMPORT_COL_APPLIED_SINCE] = applied;
			cols[IMPORT_COL_APPLIED_PLACE] = e->applied_place;
			cols[IMPORT_COL_PRIOR_AWARDS] = prior;
		}
		for (size_t c = 0; c < IMPORT_COL__MAX; c++)
			put_cell(out, cols[c], c + 1 == IMPORT_COL__MAX);
	}
}

int
entries_package_write(const struct score_rubric *r,
                      const struct package_origin *o,
                      const struct import_entry *entries,
                      const struct package_result *results, size_t n,
                      struct buf *out, size_t *bad)
{
	struct buf prior;
	int rc = 0;

	buf_init(&prior, 2 * import_columns[IMPORT_COL_PRIOR_AWARDS].max);
	buf_puts(out, "\xEF\xBB\xBF");
	put_cell(out, IMPORT_PACKAGE_FORMAT, true);
	for (size_t c = 0; c < IMPORT_COL__MAX; c++)
		put_cell(out, import_columns[c].name[SCORE_LANG_VI],
		         c + 1 == IMPORT_COL__MAX);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!prior_awards(&entries[i], o, &results[i], &prior)) {
			*bad = i;
			rc = -1;
			break;
		}
		entry_rows(r, &entries[i], prior.data, out);
	}
	buf_release(&prior);
	return rc;
}

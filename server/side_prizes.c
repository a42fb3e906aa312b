/* side_prizes.c: the side prizes some provinces give, worked out from the
 * entries' data for the entries of a results snapshot: the youngest and
 * the oldest author, the best-placed entry with an ethnic-minority author,
 * the unit that entered most. Ties share the prize. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server.h"

struct side_scan {
	struct results_build *b;
	char young[16], old[16]; /* the birth dates found so far */
	struct buf young_names, old_names, minority;
	int minority_rank;
	char (*units)[256];
	int *counts;
	size_t nunits;
};

/* The year of birth only: the public page need not print anyone's full
 * birth date to say who is youngest. */
static void
birth_year(const char *iso, char *out, size_t size)
{
	snprintf(out, size, "%.4s", iso);
}

/* Keeps the author if born at the extreme so far (`later`: youngest). */
static void
extreme(char best[16], struct buf *names, const struct db_author *a,
        const char *code, bool later)
{
	char when[16];
	int c = *best == '\0' ? (later ? 1 : -1) : strcmp(a->birth_date, best);

	if ((later && c < 0) || (!later && c > 0))
		return;
	if (c != 0) {
		snprintf(best, 16, "%s", a->birth_date);
		buf_reset(names);
	}
	birth_year(a->birth_date, when, sizeof(when));
	buf_printf(names, "%s%s (%s, %s)", names->len > 0 ? "; " : "", a->name,
	           when, code);
}

static void
count_unit(struct side_scan *s, const char *unit)
{
	size_t i;

	if (*unit == '\0')
		return;
	for (i = 0; i < s->nunits; i++)
		if (strcmp(s->units[i], unit) == 0)
			break;
	if (i == s->nunits) {
		s->units = xreallocarray(s->units, i + 1, sizeof(*s->units));
		s->counts = xreallocarray(s->counts, i + 1, sizeof(*s->counts));
		snprintf(s->units[i], sizeof(s->units[0]), "%s", unit);
		s->counts[i] = 0;
		s->nunits++;
	}
	s->counts[i]++;
}

static void
minority_entry(struct side_scan *s, const struct db_entry *e, int rank)
{
	if (rank <= 0 || (s->minority_rank > 0 && rank > s->minority_rank))
		return;
	if (rank != s->minority_rank)
		buf_reset(&s->minority);
	s->minority_rank = rank;
	buf_printf(&s->minority, "%s%s %s", s->minority.len > 0 ? "; " : "",
	           e->code, e->title);
}

static int
scan_entry(const struct db_entry *e, void *arg)
{
	struct side_scan *s = arg;
	struct result_row *row = results_build_row(s->b, e->code);
	bool minority = false;

	if (row == NULL) /* not in the snapshot: not eligible or not scored */
		return 0;
	count_unit(s, e->organisation);
	for (size_t i = 0; i < e->nauthors; i++) {
		const struct db_author *a = &e->authors[i];

		if (strcmp(a->role, "author") != 0)
			continue;
		if (*a->ethnicity != '\0' &&
		    strcasecmp(a->ethnicity, "Kinh") != 0)
			minority = true;
		if (strlen(a->birth_date) != 10)
			continue;
		extreme(s->young, &s->young_names, a, e->code, true);
		extreme(s->old, &s->old_names, a, e->code, false);
	}
	if (minority)
		minority_entry(s, e, row->rank);
	return 0;
}

static char *
units_text(const struct side_scan *s)
{
	struct buf b;
	int most = 0;

	buf_init(&b, 8192);
	for (size_t i = 0; i < s->nunits; i++)
		if (s->counts[i] > most)
			most = s->counts[i];
	for (size_t i = 0; most > 1 && i < s->nunits; i++)
		if (s->counts[i] == most)
			buf_printf(&b, "%s%s (%d)", b.len > 0 ? "; " : "",
			           s->units[i], most);
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b, NULL);
}

static char *
detach(struct buf *b)
{
	if (b->data == NULL)
		buf_puts(b, "");
	return buf_detach(b, NULL);
}

int
side_prizes_find(struct db_read *rd, int64_t edition, int which,
                 struct results_build *b, struct side_prize_view out[4],
                 size_t *n)
{
	struct side_scan s = { .b = b };
	int rc;

	*n = 0;
	if (which == 0)
		return 0;
	buf_init(&s.young_names, 8192);
	buf_init(&s.old_names, 8192);
	buf_init(&s.minority, 8192);
	rc = db_entry_each(rd, edition, scan_entry, &s);
	if (rc == 0 && (which & SIDE_YOUNGEST))
		out[(*n)++] =
		    (struct side_prize_view){ MSG_SIDE_YOUNGEST,
			                      detach(&s.young_names) };
	if (rc == 0 && (which & SIDE_OLDEST))
		out[(*n)++] = (struct side_prize_view){ MSG_SIDE_OLDEST,
			                                detach(&s.old_names) };
	if (rc == 0 && (which & SIDE_MINORITY))
		out[(*n)++] = (struct side_prize_view){ MSG_SIDE_MINORITY,
			                                detach(&s.minority) };
	if (rc == 0 && (which & SIDE_UNIT))
		out[(*n)++] =
		    (struct side_prize_view){ MSG_SIDE_UNIT, units_text(&s) };
	buf_release(&s.young_names);
	buf_release(&s.old_names);
	buf_release(&s.minority);
	free(s.units);
	free(s.counts);
	return rc;
}

void
side_prizes_free(struct side_prize_view *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].winners);
}

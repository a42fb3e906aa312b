/* output_csv.c: the results table of the offline contract (RFC 4180). */
#include <string.h>

#include "internal.h"

/* Quotes a value when a reader could otherwise split or trim it. */
static void
csv_value(struct buf *out, const char *s)
{
	size_t len = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL ||
	             (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));

	if (!quote) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

static void
flags_text(unsigned flags, struct buf *out)
{
	/* sorted: cusp before tie */
	if (flags & SCORE_FLAG_CUSP)
		buf_puts(out, "cusp");
	if ((flags & SCORE_FLAG_CUSP) && (flags & SCORE_FLAG_TIE))
		buf_putc(out, ';');
	if (flags & SCORE_FLAG_TIE)
		buf_puts(out, "tie");
}

static void
scores_row(const struct score_rubric *r, const struct score_input *in,
           const struct score_entry_result *er, int decimals, struct buf *out)
{
	char score[64] = "";

	csv_value(out, r->fields[er->field].id);
	if (er->rank > 0)
		buf_printf(out, ",%d,", er->rank);
	else
		buf_puts(out, ",,");
	csv_value(out, in->entries[er->entry].id);
	if (er->has_score)
		score_fixed_format(er->score, decimals, score, sizeof(score));
	buf_printf(out, ",%s,", score);
	if (er->tier >= 0)
		csv_value(out, r->tiers[er->tier].id);
	buf_printf(out, ",%s,", score_status_names[er->status]);
	flags_text(er->flags, out);
	buf_putc(out, '\n');
}

static void
ballot_row(const struct score_rubric *r, const struct score_input *in,
           const struct score_entry_result *er, struct buf *out)
{
	char share[32];

	csv_value(out, r->fields[er->field].id);
	buf_printf(out, ",%d,", er->rank);
	csv_value(out, in->entries[er->entry].id);
	score_fixed_format(er->share4, 4, share, sizeof(share));
	buf_printf(out, ",%lld,%lld,%s,%s,", (long long)er->yes,
	           (long long)er->no, share, er->selected ? "yes" : "no");
	flags_text(er->flags, out);
	buf_putc(out, '\n');
}

int
score_results_csv(const struct score_rubric *r, const struct score_input *in,
                  const struct score_results *res, struct buf *out)
{
	if (res->mode == SCORE_MODE_SCORES)
		buf_puts(out, "field,rank,entry,score,tier,status,flags\n");
	else
		buf_puts(out, "field,rank,entry,yes,no,share,selected,flags\n");
	for (size_t i = 0; i < res->nentries; i++) {
		if (res->mode == SCORE_MODE_SCORES)
			scores_row(r, in, &res->entries[i], res->decimals, out);
		else
			ballot_row(r, in, &res->entries[i], out);
	}
	return out->overflow ? -1 : 0;
}

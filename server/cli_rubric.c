/* cli_rubric.c: `giamkhao rubric check|format FILE`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Groups thousands: "40.000.000 ₫" in Vietnamese, "40,000,000 VND". */
static void
money(struct score_q q, enum score_lang lang, char *out, size_t size)
{
	char digits[64], grouped[96];
	size_t n, j = 0;
	const char *frac;

	score_q_format(q, digits, sizeof(digits));
	frac = strchr(digits, '.');
	n = frac != NULL ? (size_t)(frac - digits) : strlen(digits);
	for (size_t i = 0; i < n && j + 2 < sizeof(grouped); i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = lang == SCORE_LANG_VI ? '.' : ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	if (snprintf(out, size, "%s%s%s %s", grouped,
	             frac != NULL ? (lang == SCORE_LANG_VI ? "," : ".") : "",
	             frac != NULL ? frac + 1 : "",
	             lang == SCORE_LANG_VI ? "₫" : "VND") >= (int)size)
		out[size - 1] = '\0';
}

static const char *
title(const struct score_text *t, enum score_lang lang)
{
	return lang == SCORE_LANG_EN && t->en != NULL ? t->en : t->vi;
}

static void
print_criteria(const struct score_rubric *r, enum score_lang lang)
{
	char total[64], max[64], weight[64], step[64];

	score_q_format(score_rubric_total_max(r), total, sizeof(total));
	printf("%s (%zu), %s %s:\n", cli_text(lang, "Tiêu chí", "Criteria"),
	       r->ncriteria,
	       cli_text(lang, "tổng điểm tối đa", "best possible total"),
	       total);
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct score_criterion *c = &r->criteria[i];

		score_q_format(c->max, max, sizeof(max));
		score_q_format(c->weight, weight, sizeof(weight));
		score_q_format(c->step, step, sizeof(step));
		printf("  %-16s max %-6s %s %-4s %s %-5s %zu %s  %s\n", c->id,
		       max, cli_text(lang, "hệ số", "weight"), weight,
		       cli_text(lang, "bước", "step"), step, c->nlevels,
		       cli_text(lang, "mức", "levels"), title(&c->title, lang));
	}
	if (r->ntie_break > 0) {
		printf("%s:", cli_text(lang, "Xét khi bằng điểm", "Tie-break"));
		for (size_t i = 0; i < r->ntie_break; i++)
			printf(" %s", r->criteria[r->tie_break[i]].id);
		printf("\n");
	}
}

static void
print_aggregate(const struct score_rubric *r, enum score_lang lang)
{
	const struct score_aggregate *a = &r->aggregate;
	char limit[64] = "-";

	if (a->has_limit)
		score_q_format(a->limit, limit, sizeof(limit));
	printf("%s: %s (trim %d), %s %s (limit %s), %s %s, "
	       "min_judges %d, decimals %d\n",
	       cli_text(lang, "Tổng hợp điểm", "Aggregation"),
	       score_method_names[a->method], a->trim,
	       cli_text(lang, "loại điểm lệch", "outliers"),
	       score_outlier_names[a->outlier], limit,
	       cli_text(lang, "chuẩn hóa", "normalisation"),
	       score_normalize_names[a->normalize], a->min_judges, a->decimals);
}

static void
print_tiers(const struct score_rubric *r, enum score_lang lang)
{
	char min[64], floor[64] = "-", prize[192], count[32];

	if (r->has_floor)
		score_q_format(r->floor, floor, sizeof(floor));
	printf("%s (%s %s, %s %s):\n", cli_text(lang, "Giải", "Prizes"),
	       cli_text(lang, "phạm vi", "scope"), score_scope_names[r->scope],
	       cli_text(lang, "điểm sàn", "floor"), floor);
	for (size_t i = 0; i < r->ntiers; i++) {
		const struct score_tier *t = &r->tiers[i];

		score_q_format(t->min, min, sizeof(min));
		if (t->max_count >= 0)
			snprintf(count, sizeof(count), "%lld",
			         (long long)t->max_count);
		else
			snprintf(count, sizeof(count), "%s",
			         cli_text(lang, "không giới hạn", "no limit"));
		prize[0] = '\0';
		if (t->has_prize)
			money(t->prize, lang, prize, sizeof(prize));
		printf("  %-12s >= %-6s %s %-14s %-20s %s\n", t->id, min,
		       cli_text(lang, "tối đa", "at most"), count, prize,
		       title(&t->title, lang));
	}
}

static void
print_ballot(const struct score_rubric *r, enum score_lang lang)
{
	char share[64], cap[32];

	score_q_format(r->ballot_share, share, sizeof(share));
	if (r->max_selected >= 0)
		snprintf(cap, sizeof(cap), "%lld", (long long)r->max_selected);
	else
		snprintf(cap, sizeof(cap), "%s",
		         cli_text(lang, "không giới hạn", "no limit"));
	printf("%s: %s %s %s, %s %s\n", cli_text(lang, "Bỏ phiếu", "Ballot"),
	       cli_text(lang, "chọn khi tỉ lệ đồng ý",
	                "selected when the yes share is"),
	       r->ballot_rule == SCORE_BALLOT_MORE_THAN ? ">" : ">=", share,
	       cli_text(lang, "số được chọn tối đa", "at most selected"), cap);
}

static void
print_summary(const struct score_rubric *r, enum score_lang lang)
{
	printf("%s (%s, %s %s)\n", title(&r->title, lang),
	       score_program_names[r->program],
	       cli_text(lang, "chế độ", "mode"), score_mode_names[r->mode]);
	printf("%s (%zu):", cli_text(lang, "Lĩnh vực", "Fields"), r->nfields);
	for (size_t i = 0; i < r->nfields; i++)
		printf(" %s", r->fields[i].id);
	printf("\n");
	if (r->mode == SCORE_MODE_SCORES) {
		print_criteria(r, lang);
		print_aggregate(r, lang);
		print_tiers(r, lang);
	} else {
		print_ballot(r, lang);
	}
	printf("%s\n", cli_text(lang, "Hợp lệ.", "Valid."));
}

int
cmd_rubric(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	struct score_rubric *r;
	struct buf out;
	int rc;

	if (argc != 3 ||
	    (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "format") != 0)) {
		fprintf(stderr, "%s: giamkhao rubric check|format FILE\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	r = cli_load_rubric(argv[2], lang, NULL, NULL);
	if (r == NULL)
		return EXIT_BAD_INPUT;
	if (strcmp(argv[1], "check") == 0) {
		print_summary(r, lang);
		score_rubric_free(r);
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
	}
	buf_init(&out, CLI_MAX_FILE);
	if (score_rubric_write(r, &out) == 0) {
		rc = cli_emit(&out);
	} else {
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(lang, "không ghi được bộ tiêu chí (quá lớn?)",
		                 "cannot write the rubric (too large?)"));
		rc = EXIT_FAILURE_INTERNAL;
	}
	buf_release(&out);
	score_rubric_free(r);
	return rc;
}

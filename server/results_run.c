/* results_run.c: results from the database, as a snapshot keeps them.
 *
 * The counted sheets are first written in the offline CSV format
 * (design.md), and the results are computed from those very bytes with
 * the stored rubric's text, exactly as `giamkhao results RUBRIC.json
 * SCORES.csv --format json` does: so `giamkhao export-scores` and the
 * offline command reproduce a snapshot byte for byte, and the manifest's
 * hashes name the exact inputs. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* "27.5" for 2750 hundredths, "26" for 2600, "27.25" for 2725. */
static void
points_text(int32_t h, char *out, size_t size)
{
	size_t n;

	score_fixed_format(h, 2, out, size);
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
}

/* A CSV cell: quoted when it holds a comma, a quote or a line break. */
static void
scores_cell(struct buf *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(out, '"');
		buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

static int
score_row(const struct db_result_score *s, void *arg)
{
	struct buf *out = arg;
	char judge[32], points[32];

	snprintf(judge, sizeof(judge), "x%lld", (long long)s->expert_id);
	points_text(s->points, points, sizeof(points));
	scores_cell(out, s->code);
	buf_putc(out, ',');
	scores_cell(out, s->field);
	buf_printf(out, ",%s,", judge);
	scores_cell(out, s->criterion);
	buf_printf(out, ",%s\n", points);
	return 0;
}

int
results_export(struct db_read *rd, int64_t edition, struct buf *csv)
{
	buf_puts(csv, "entry,field,judge,criterion,score\n");
	if (db_result_scores_each(rd, edition, score_row, csv) != 0)
		return -1;
	return csv->overflow ? -1 : 0;
}

static void
sha256_hex(const char *data, size_t len, char hex[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)data, len);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
}

int
results_compute(const char *rubric, const char *csv, struct buf *json,
                struct score_error *err)
{
	char rubric_hash[65], scores_hash[65];
	struct score_manifest m = { rubric_hash, scores_hash };
	struct score_rubric *r =
	    score_rubric_parse(rubric, strlen(rubric), err);
	struct score_input *in = NULL;
	struct score_results *res = NULL;
	int rc = RESULTS_RUBRIC;

	if (r != NULL) {
		rc = RESULTS_SCORES;
		in = score_csv_read(r, csv, strlen(csv), err);
	}
	if (in != NULL) {
		rc = RESULTS_LIMITS;
		res = score_compute(r, in, err);
	}
	if (res != NULL) {
		sha256_hex(rubric, strlen(rubric), rubric_hash);
		sha256_hex(csv, strlen(csv), scores_hash);
		rc = score_results_json(r, in, res, &m, json) == 0
		         ? RESULTS_OK
		         : RESULTS_LIMITS;
	}
	score_results_free(res);
	score_input_free(in);
	score_rubric_free(r);
	return rc;
}

bool
results_still_true(const struct db_snapshot *s)
{
	struct score_error err;
	struct buf json;
	char sha[65];
	bool same;

	/* the program that made it recomputes it byte for byte (a test
	 * checks); a newer one must prove it still does before its pages
	 * stand for the stored results */
	if (strcmp(s->program_version, SCORE_VERSION) == 0)
		return true;
	buf_init(&json, (size_t)256 << 20);
	same = results_compute(s->rubric_json, s->scores_csv, &json, &err) ==
	           RESULTS_OK &&
	       json.data != NULL;
	if (same) {
		sha256_hex(json.data, json.len, sha);
		same = strcmp(sha, s->results_sha256) == 0;
	}
	if (!same)
		fprintf(
		    stderr,
		    "giamkhao: snapshot %lld (program %s) no longer recomputes "
		    "to its stored results under %s\n",
		    (long long)s->id, s->program_version, SCORE_VERSION);
	buf_release(&json);
	return same;
}

int
decision_tier(const struct score_rubric *rub, int computed,
              const struct db_decision *d)
{
	/* the latest decision holds: a confirmation puts the computed prize
	 * back (after a withholding, say) */
	if (strcmp(d->kind, "confirm") == 0)
		return computed;
	if (strcmp(d->kind, "withhold") == 0)
		return -1;
	for (size_t k = 0; k < rub->ntiers; k++)
		if (strcmp(rub->tiers[k].id, d->tier) == 0)
			return (int)k;
	return -1; /* moved to no prize */
}

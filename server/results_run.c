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
#include <time.h>

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

/* A tally as the offline ballot format holds it: one anonymous row per
 * vote, the yes votes first, judges named b1, b2... within the dossier.
 * The rows follow from the counts alone, so the file (and the snapshot)
 * says no more than the tally: who voted how is not in it. */
static int
tally_rows(const struct db_tally *t, void *arg)
{
	struct buf *out = arg;

	for (int64_t v = 0; v < t->yes + t->no; v++) {
		scores_cell(out, t->code);
		buf_putc(out, ',');
		scores_cell(out, t->field);
		buf_printf(out, ",b%lld,%s\n", (long long)v + 1,
		           v < t->yes ? "yes" : "no");
	}
	return 0;
}

/* The mode of the edition's current rubric: 1 ballot, 0 scores, -1. */
static int
ballot_mode(struct db_read *rd, int64_t edition)
{
	struct score_rubric *r;
	struct score_error err;
	char *json = NULL;
	int version, mode = -1;

	if (db_rubric_latest(rd, edition, &version, &json) == 0 &&
	    (r = score_rubric_parse(json, strlen(json), &err)) != NULL) {
		mode = r->mode == SCORE_MODE_BALLOT;
		score_rubric_free(r);
	}
	free(json);
	return mode;
}

int
results_export(struct db_read *rd, int64_t edition, struct buf *csv)
{
	int ballot = ballot_mode(rd, edition);

	if (ballot < 0)
		return -1;
	if (ballot) {
		buf_puts(csv, "entry,field,judge,vote\n");
		if (db_ballot_tallies_each(rd, edition, tally_rows, csv) != 0)
			return -1;
	} else {
		buf_puts(csv, "entry,field,judge,criterion,score\n");
		if (db_result_scores_each(rd, edition, score_row, csv) != 0)
			return -1;
	}
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

int
results_snapshot(struct db_read *rd, int64_t edition, struct db_snapshot *s,
                 struct buf *csv, struct buf *json, struct score_error *err)
{
	int rc =
	    db_rubric_latest(rd, edition, &s->rubric_version, &s->rubric_json);

	if (rc == 0)
		rc = results_export(rd, edition, csv);
	if (rc == 0 && csv->data == NULL)
		buf_puts(csv, "");
	if (rc != 0)
		return -1;
	rc = results_compute(s->rubric_json, csv->data, json, err);
	if (rc != RESULTS_OK)
		return rc;
	s->edition_id = edition;
	s->scores_csv = csv->data;
	s->results_json = json->data;
	s->created_at = (int64_t)time(NULL);
	sha256_hex(json->data, json->len, s->results_sha256);
	snprintf(s->program_version, sizeof(s->program_version), "%s",
	         SCORE_VERSION);
	return RESULTS_OK;
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

/* A ballot gives one outcome, being selected, named as the program
 * says it; it takes the place of the prize tiers in every list. */
static char selected_id[] = "selected";
static char selected_vi[] = "Được chọn", selected_en[] = "Selected";
static char honoured_vi[] = "Được tôn vinh", honoured_en[] = "Honoured";
static const struct score_tier selected_tier = {
	.id = selected_id,
	.title = { selected_vi, selected_en },
	.max_count = -1,
};
static const struct score_tier honoured_tier = {
	.id = selected_id,
	.title = { honoured_vi, honoured_en },
	.max_count = -1,
};

const struct score_tier *
prize_tiers(const struct score_rubric *r, size_t *n)
{
	if (r->mode != SCORE_MODE_BALLOT) {
		*n = r->ntiers;
		return r->tiers;
	}
	*n = 1;
	return r->program == SCORE_PROGRAM_HONOURING ? &honoured_tier
	                                             : &selected_tier;
}

int
result_tier(const struct score_rubric *r, const struct score_entry_result *e)
{
	if (r->mode == SCORE_MODE_BALLOT)
		return e->selected ? 0 : -1;
	return e->tier;
}

int
decision_tier(const struct score_rubric *rub, int computed,
              const struct db_decision *d)
{
	size_t n;
	const struct score_tier *tiers = prize_tiers(rub, &n);

	/* the latest decision holds: a confirmation puts the computed prize
	 * back (after a withholding, say) */
	if (strcmp(d->kind, "confirm") == 0)
		return computed;
	if (strcmp(d->kind, "withhold") == 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (strcmp(tiers[k].id, d->tier) == 0)
			return (int)k;
	return -1; /* moved to no prize */
}

/* cli_results.c: `giamkhao results RUBRIC SCORES [--format csv|json]`. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void
usage(enum score_lang lang)
{
	fprintf(stderr,
	        "%s: giamkhao results RUBRIC.json SCORES.csv "
	        "[--format csv|json]\n",
	        cli_text(lang, "cách dùng", "usage"));
}

/* SHA-256 of a buffer, in lower-case hex (libsodium). */
static void
sha256_hex(const char *data, size_t len, char hex[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)data, len);
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
}

/* Reads one --format value; returns 0 or -1 for an unknown format. */
static int
parse_format(const char *value, bool *json)
{
	*json = strcmp(value, "json") == 0;
	return *json || strcmp(value, "csv") == 0 ? 0 : -1;
}

/* Parses the arguments; returns 0, or -1 after printing the usage. */
static int
parse_args(int argc, char **argv, const char **paths, bool *json,
           enum score_lang lang)
{
	int npaths = 0, rc = 0;

	*json = false;
	for (int i = 1; i < argc && rc == 0; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			rc = parse_format(argv[++i], json);
		else if (strncmp(argv[i], "--format=", 9) == 0)
			rc = parse_format(argv[i] + 9, json);
		else if ((argv[i][0] == '-' && argv[i][1] != '\0') ||
		         npaths == 2)
			rc = -1;
		else
			paths[npaths++] = argv[i];
	}
	if (rc != 0 || npaths != 2) {
		usage(lang);
		return -1;
	}
	return 0;
}

/* Renders the results as CSV or JSON (with the manifest) into `out`. */
static int
render(const struct score_rubric *r, const struct score_input *in,
       const struct score_results *res, bool json, const char *rubric_raw,
       size_t rubric_len, const char *scores, size_t scores_len,
       struct buf *out)
{
	char rubric_hash[65], scores_hash[65];
	struct score_manifest m = { rubric_hash, scores_hash };

	if (!json)
		return score_results_csv(r, in, res, out);
	sha256_hex(rubric_raw, rubric_len, rubric_hash);
	sha256_hex(scores, scores_len, scores_hash);
	return score_results_json(r, in, res, &m, out);
}

/* Computes and renders; every error is reported before anything prints. */
static int
run(const char *rubric_path, const char *scores_path, bool json,
    enum score_lang lang)
{
	struct score_error err;
	struct score_rubric *r;
	struct score_input *in = NULL;
	struct score_results *res = NULL;
	struct buf out;
	char *rubric_raw = NULL, *scores = NULL;
	size_t rubric_len = 0, scores_len = 0;
	int rc = EXIT_BAD_INPUT;

	buf_init(&out, (size_t)1 << 30);
	r = cli_load_rubric(rubric_path, lang, &rubric_raw, &rubric_len);
	if (r == NULL)
		goto out;
	scores = cli_read_file(scores_path, &scores_len, lang);
	if (scores == NULL)
		goto out;
	in = score_csv_read(r, scores, scores_len, &err);
	if (in == NULL) {
		cli_report(&err, scores_path, lang);
		goto out;
	}
	res = score_compute(r, in, &err);
	if (res == NULL) {
		/* valid input beyond the exact arithmetic's reach */
		cli_report(&err, scores_path, lang);
		rc = EXIT_FAILURE_INTERNAL;
		goto out;
	}
	if (render(r, in, res, json, rubric_raw, rubric_len, scores, scores_len,
	           &out) != 0) {
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(lang, "không tạo được kết quả (quá lớn?)",
		                 "cannot render the results (too large?)"));
		rc = EXIT_FAILURE_INTERNAL;
		goto out;
	}
	rc = cli_emit(&out);
out:
	buf_release(&out);
	score_results_free(res);
	score_input_free(in);
	score_rubric_free(r);
	free(rubric_raw);
	free(scores);
	return rc;
}

int
cmd_results(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *paths[2];
	bool json;

	if (parse_args(argc, argv, paths, &json, lang) != 0)
		return EXIT_BAD_INPUT;
	return run(paths[0], paths[1], json, lang);
}

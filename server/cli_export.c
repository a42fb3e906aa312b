/* cli_export.c: `giamkhao export-scores --db FILE --edition ID [--rubric
 * OUT.json]`: the sheets that count for an edition's results, in the
 * offline CSV format, on stdout; with --rubric, the edition's rubric as
 * stored. `giamkhao results` on the two reproduces a snapshot's JSON. */
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server.h"

static int
write_file(const char *path, const char *text, enum score_lang lang)
{
	FILE *f = fopen(path, "wb");
	size_t n = strlen(text);
	bool ok = f != NULL && fwrite(text, 1, n, f) == n;

	if (f != NULL && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "giamkhao: %s %s\n",
		        cli_text(lang, "không ghi được", "cannot write"), path);
	return ok ? 0 : -1;
}

int
cmd_export_scores(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *edition = cli_option(argc, argv, "--edition");
	const char *rubric_out = cli_option(argc, argv, "--rubric");
	int64_t id = edition != NULL ? strtoll(edition, NULL, 10) : 0;
	char *rubric = NULL;
	struct db_read *rd;
	struct buf csv;
	struct db *db;
	int version = 0, rc;

	if (path == NULL || id <= 0) {
		fprintf(stderr,
		        "%s: giamkhao export-scores --db FILE --edition ID "
		        "[--rubric OUT.json]\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	buf_init(&csv, CLI_MAX_FILE);
	rd = db_read_begin(db);
	rc = db_rubric_latest(rd, id, &version, &rubric);
	if (rc == 0)
		rc = results_export(rd, id, &csv);
	db_read_end(rd);
	db_close(db);
	if (rc == DB_NOTFOUND)
		fprintf(stderr, "giamkhao: %s %lld\n",
		        cli_text(lang, "không có kỳ thi", "no such edition:"),
		        (long long)id);
	if (rc == 0 && rubric_out != NULL &&
	    write_file(rubric_out, rubric, lang) != 0)
		rc = -1;
	if (rc == 0)
		rc = cli_emit(&csv);
	else
		rc = rc == DB_NOTFOUND ? EXIT_BAD_INPUT : EXIT_FAILURE_INTERNAL;
	buf_release(&csv);
	free(rubric);
	return rc;
}

/* cli_common.c: language, file reading and error printing for the CLI. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/*
 * The first locale variable that names a real language decides (LC_ALL,
 * then LC_MESSAGES, then LANG): "C" and "POSIX" name none, so LANG=vi_VN
 * still means Vietnamese on a machine whose LC_ALL is C.UTF-8.
 */
enum score_lang
cli_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0' || strcmp(v, "POSIX") == 0 ||
		    strncmp(v, "C", 1) == 0)
			continue;
		return strncmp(v, "vi", 2) == 0 ? SCORE_LANG_VI : SCORE_LANG_EN;
	}
	return SCORE_LANG_EN;
}

const char *
cli_text(enum score_lang lang, const char *vi, const char *en)
{
	return lang == SCORE_LANG_VI ? vi : en;
}

static char *
read_stream(FILE *fp, size_t *len)
{
	struct buf b;
	char chunk[65536];
	size_t n;

	buf_init(&b, CLI_MAX_FILE);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_append(&b, chunk, n) != 0)
			break;
	if (ferror(fp) || b.overflow) {
		buf_release(&b);
		return NULL;
	}
	if (b.data == NULL)
		buf_append(&b, "", 0);
	return buf_detach(&b, len);
}

char *
cli_read_file(const char *path, size_t *len, enum score_lang lang)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *data;
	int saved;

	if (fp == NULL) {
		saved = errno;
		fprintf(
		    stderr, "%s: %s: %s\n", path,
		    cli_text(lang, "không mở được tệp", "cannot open the file"),
		    strerror(saved));
		return NULL;
	}
	data = read_stream(fp, len);
	if (fp != stdin)
		fclose(fp);
	if (data == NULL)
		fprintf(
		    stderr, "%s: %s\n", path,
		    cli_text(
		        lang, "không đọc được tệp (lỗi đọc hoặc quá 256 MiB)",
		        "cannot read the file (read error or over 256 MiB)"));
	return data;
}

void
cli_report(const struct score_error *err, const char *source,
           enum score_lang lang)
{
	struct buf b;

	buf_init(&b, 8192);
	score_error_format(err, source, lang, &b);
	fprintf(stderr, "%s\n", b.data != NULL ? b.data : "");
	buf_release(&b);
}

int
cli_emit(const struct buf *out)
{
	if (out->len > 0 && fwrite(out->data, 1, out->len, stdout) != out->len)
		return EXIT_FAILURE_INTERNAL;
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

struct score_rubric *
cli_load_rubric(const char *path, enum score_lang lang, char **raw,
                size_t *rawlen)
{
	struct score_error err;
	struct score_rubric *r;
	size_t len;
	char *data = cli_read_file(path, &len, lang);

	if (data == NULL)
		return NULL;
	r = score_rubric_parse(data, len, &err);
	if (r == NULL)
		cli_report(&err, path, lang);
	if (r != NULL && raw != NULL) {
		*raw = data;
		*rawlen = len;
	} else {
		free(data);
	}
	return r;
}

const char *
cli_option(int argc, char **argv, const char *name)
{
	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return NULL;
}

bool
cli_flag(int argc, char **argv, const char *name)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return true;
	return false;
}

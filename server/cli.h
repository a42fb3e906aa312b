/* cli.h: the command-line subcommands and what they share (server/). */
#ifndef GIAMKHAO_CLI_H
#define GIAMKHAO_CLI_H

#include <stddef.h>

#include "../common/common.h"
#include "../scoring/scoring.h"

/* Exit statuses of every subcommand. */
enum {
	EXIT_OK = 0,
	EXIT_FAILURE_INTERNAL = 1,
	EXIT_BAD_INPUT = 2,
};

/* The largest input file a subcommand reads (a rubric or scores file). */
#define CLI_MAX_FILE ((size_t)256 << 20)

/* The user's language: Vietnamese when the locale says vi, else English. */
enum score_lang cli_lang(void);

/* Picks the text for the user's language from a {vi, en} pair. */
const char *cli_text(enum score_lang lang, const char *vi, const char *en);

/*
 * Reads a whole file into a NUL-terminated buffer (free() it). On failure
 * prints a message naming the file and returns NULL.
 */
char *cli_read_file(const char *path, size_t *len, enum score_lang lang);

/* Prints a scoring error ("FILE: line L, column C: ...") to stderr. */
void cli_report(const struct score_error *err, const char *source,
                enum score_lang lang);

/* Writes the whole buffer to stdout; returns an exit status. */
int cli_emit(const struct buf *out);

/* Reads and validates a rubric file, reporting errors; NULL on failure. */
struct score_rubric *cli_load_rubric(const char *path, enum score_lang lang,
                                     char **raw, size_t *rawlen);

/* "--name VALUE" in argv (NULL when absent); is "--name" there? */
const char *cli_option(int argc, char **argv, const char *name);
bool cli_flag(int argc, char **argv, const char *name);

int cmd_results(int argc, char **argv);
int cmd_export_scores(int argc, char **argv);
int cmd_certificates(int argc, char **argv);
int cmd_rubric(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_routes(int argc, char **argv);
int cmd_login_link(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_vcode_sample(int argc, char **argv);
int cmd_certificate_sample(int argc, char **argv);

/* ---- A plain HTTP GET for `giamkhao verify --server` (cli_http.c) ---- */

/* "http://HOST[:PORT][/PREFIX]" (http only: the answer is checked here,
 * not trusted). */
struct http_url {
	char host[256];
	char port[8];
	char prefix[1024];
	bool bracketed; /* an IPv6 address */
};

/* Reads "http://HOST[:PORT][/PREFIX]": 0, or -1 when it is not one. */
int http_url_parse(const char *url, struct http_url *u);
/* GETs the URL's prefix + path: the status in *status and the body (free()
 * it), or NULL with a message in `lang`. */
char *http_get(const struct http_url *u, const char *path, int *status,
               size_t *body_len, enum score_lang lang);

#endif

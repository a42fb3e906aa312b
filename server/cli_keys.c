/* cli_keys.c: `giamkhao keys --db FILE list|new|retire ID|revoke ID
 * --reason TEXT|export FILE.json`: the certificates' signing keys. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "server.h"

#define REASON_MAX 500 /* bytes; the database keeps 511 */

static const struct db_actor cli_actor = { 0, "cli" };

static int
usage(enum score_lang lang)
{
	fprintf(stderr,
	        "%s: giamkhao keys --db FILE list | new | retire ID |"
	        " revoke ID --reason TEXT | export FILE.json\n",
	        cli_text(lang, "cách dùng", "usage"));
	return EXIT_BAD_INPUT;
}

/* The arguments that are not options or their values. */
static size_t
positional(int argc, char **argv, const char **out, size_t cap)
{
	size_t n = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--reason") == 0) {
			i++;
			continue;
		}
		if (n < cap)
			out[n] = argv[i];
		n++;
	}
	return n;
}

/* A key id 1..255 as typed, or 0. */
static unsigned
parse_id(const char *s)
{
	unsigned id = 0;

	if (s == NULL || s[0] < '1' || s[0] > '9' || strlen(s) > 3)
		return 0;
	for (const char *p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		id = id * 10 + (unsigned)(*p - '0');
	}
	return id <= KEYS_MAX ? id : 0;
}

static void
utc_date(int64_t at, char out[16])
{
	time_t t = (time_t)at;
	struct tm tm;

	if (at == 0 || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 16, "%Y-%m-%d", &tm) == 0)
		snprintf(out, 16, "-");
}

struct list_ctx {
	struct keyring *kr;
	enum score_lang lang;
	unsigned current; /* the newest active key */
	int64_t current_at;
};

static int
find_current(const struct db_signing_key *k, void *arg)
{
	struct list_ctx *ctx = arg;

	if (k->retired_at == 0 && k->revoked_at == 0 &&
	    (ctx->current == 0 || k->created_at >= ctx->current_at)) {
		ctx->current = k->id;
		ctx->current_at = k->created_at;
	}
	return 0;
}

static const char *
state_text(const struct db_signing_key *k, const struct list_ctx *ctx)
{
	enum score_lang lang = ctx->lang;

	if (k->revoked_at != 0)
		return cli_text(lang, "đã thu hồi", "revoked");
	if (k->retired_at != 0)
		return cli_text(lang, "đã nghỉ", "retired");
	if (k->id == ctx->current)
		return cli_text(lang, "đang ký", "signing");
	return cli_text(lang, "còn hiệu lực", "active");
}

static int
list_key(const struct db_signing_key *k, void *arg)
{
	struct list_ctx *ctx = arg;
	char created[16], b64[64];

	utc_date(k->created_at, created);
	sodium_bin2base64(b64, sizeof(b64), k->public_key, 32,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	printf("%3u  %s  %s  %s; %s", k->id, created, b64, state_text(k, ctx),
	       keys_has_secret(ctx->kr, k->id)
	           ? cli_text(ctx->lang, "có khóa bí mật", "secret here")
	           : cli_text(ctx->lang, "không có khóa bí mật",
	                      "secret missing"));
	if (k->revoked_at != 0)
		printf("  (%s)", k->reason);
	putchar('\n');
	return 0;
}

static int
keys_list(struct db *db, struct keyring *kr, enum score_lang lang)
{
	struct list_ctx ctx = { kr, lang, 0, 0 };
	struct db_read *rd = db_read_begin(db);
	int rc;

	/* the public key is 43 characters wide */
	printf("%s%*s%s\n",
	       cli_text(lang, " id  ngày tạo    khóa công khai",
	                " id  created     public key"),
	       lang == SCORE_LANG_VI ? 31 : 35, "",
	       cli_text(lang, "trạng thái; bí mật", "state; secret"));
	rc = db_key_each(rd, find_current, &ctx);
	if (rc == 0)
		rc = db_key_each(rd, list_key, &ctx);
	db_read_end(rd);
	if (rc == 0 && ctx.current == 0)
		printf(
		    "%s\n",
		    cli_text(lang,
		             "(chưa có khóa ký: khóa được tạo khi cần lần "
		             "đầu, hoặc bằng `giamkhao keys new`)",
		             "(no signing key: one is made on first need, or "
		             "with `giamkhao keys new`)"));
	return rc == 0 && fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

static int
keys_make(struct db *db, struct keyring *kr, enum score_lang lang)
{
	unsigned id = 0;

	if (keys_new(kr, db, &cli_actor, &id) != 0)
		return EXIT_FAILURE_INTERNAL;
	printf("%s %u (%s %s)\n", cli_text(lang, "Đã tạo khóa", "Created key"),
	       id, cli_text(lang, "khóa bí mật trong", "its secret is in"),
	       keys_file(kr));
	return EXIT_OK;
}

/* Reports the result of a retire or revoke; an exit status. */
static int
change_result(int rc, unsigned id, const char *done, enum score_lang lang)
{
	if (rc == 0) {
		printf("%s\n", done);
		return EXIT_OK;
	}
	if (rc == DB_NOTFOUND)
		fprintf(stderr, "giamkhao: %s %u\n",
		        cli_text(lang, "không có khóa", "no such key:"), id);
	else if (rc == DB_CONFLICT)
		fprintf(stderr, "giamkhao: %s %u %s\n",
		        cli_text(lang, "khóa", "key"), id,
		        cli_text(lang, "đã nghỉ hoặc đã bị thu hồi rồi",
		                 "is retired or revoked already"));
	return rc == DB_NOTFOUND || rc == DB_CONFLICT ? EXIT_BAD_INPUT
	                                              : EXIT_FAILURE_INTERNAL;
}

static int
keys_change(struct db *db, unsigned id, const char *reason,
            enum score_lang lang)
{
	struct db_tx *tx = db_begin(db, &cli_actor);
	int64_t now = (int64_t)time(NULL);
	char done[256];
	int rc;

	if (tx == NULL)
		return EXIT_FAILURE_INTERNAL;
	if (reason == NULL)
		rc = db_key_retire(tx, id, now);
	else
		rc = db_key_revoke(tx, id, now, reason);
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	if (reason == NULL)
		snprintf(
		    done, sizeof(done), "%s %u %s",
		    cli_text(lang, "Khóa", "Key"), id,
		    cli_text(lang,
		             "đã nghỉ: không ký nữa; các chứng nhận nó đã ký "
		             "vẫn hợp lệ.",
		             "retired: it signs no more; the certificates it "
		             "signed stay genuine."));
	else
		snprintf(
		    done, sizeof(done), "%s %u %s",
		    cli_text(lang, "Khóa", "Key"), id,
		    cli_text(lang,
		             "đã bị thu hồi: các chứng nhận nó đã ký không còn "
		             "được tin.",
		             "revoked: the certificates it signed are no "
		             "longer trusted."));
	return change_result(rc, id, done, lang);
}

static int
keys_export(struct db *db, const char *path, enum score_lang lang)
{
	struct db_read *rd = db_read_begin(db);
	struct buf json;
	FILE *fp;
	int rc;

	buf_init(&json, (size_t)1 << 20);
	rc = keys_json(rd, &json);
	db_read_end(rd);
	if (rc != 0) {
		buf_release(&json);
		return EXIT_FAILURE_INTERNAL;
	}
	if (strcmp(path, "-") == 0) {
		rc = cli_emit(&json);
		buf_release(&json);
		return rc;
	}
	fp = fopen(path, "wb");
	if (fp == NULL || fwrite(json.data, 1, json.len, fp) != json.len)
		rc = -1;
	if (fp != NULL && fclose(fp) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "giamkhao: %s %s\n",
		        cli_text(lang, "không ghi được", "cannot write"), path);
	buf_release(&json);
	return rc == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

/* The revocation's reason, checked: UTF-8, NFC, not empty, not too long
 * (free() it); NULL with a message. */
static char *
revoke_reason(int argc, char **argv, enum score_lang lang)
{
	const char *raw = cli_option(argc, argv, "--reason");
	char *reason = raw != NULL ? score_nfc(raw, strlen(raw)) : NULL;

	if (reason == NULL || strspn(reason, " \t") == strlen(reason) ||
	    strlen(reason) > REASON_MAX) {
		fprintf(
		    stderr, "giamkhao: %s\n",
		    cli_text(lang,
		             "thu hồi khóa cần --reason LÝ_DO (UTF-8, tối đa "
		             "500 byte)",
		             "revoking a key needs --reason TEXT (UTF-8, at "
		             "most 500 bytes)"));
		free(reason);
		return NULL;
	}
	return reason;
}

static int
run(struct db *db, const char *db_path, const char *const *pos,
    const char *reason, enum score_lang lang)
{
	struct keyring *kr;
	int rc;

	if (strcmp(pos[0], "retire") == 0 || strcmp(pos[0], "revoke") == 0)
		return keys_change(db, parse_id(pos[1]), reason, lang);
	if (strcmp(pos[0], "export") == 0)
		return pos[1] != NULL ? keys_export(db, pos[1], lang)
		                      : usage(lang);
	kr = keys_open(db_path, lang);
	if (kr == NULL)
		return EXIT_FAILURE_INTERNAL;
	rc = strcmp(pos[0], "new") == 0 ? keys_make(db, kr, lang)
	                                : keys_list(db, kr, lang);
	keys_free(kr);
	return rc;
}

/* Is this a known subcommand with the right number of arguments? */
static bool
well_formed(const char *const *pos, size_t n)
{
	if (strcmp(pos[0], "list") == 0 || strcmp(pos[0], "new") == 0)
		return n == 1;
	if (strcmp(pos[0], "retire") == 0 || strcmp(pos[0], "revoke") == 0 ||
	    strcmp(pos[0], "export") == 0)
		return n == 2;
	return false;
}

int
cmd_keys(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *pos[3] = { NULL, NULL, NULL };
	size_t n = positional(argc, argv, pos, 3);
	char *reason = NULL;
	struct db *db;
	int rc;

	if (path == NULL || n == 0 || n > 2 || !well_formed(pos, n))
		return usage(lang);
	if ((strcmp(pos[0], "retire") == 0 || strcmp(pos[0], "revoke") == 0) &&
	    parse_id(pos[1]) == 0) {
		fprintf(stderr, "giamkhao: %s: %s\n",
		        cli_text(lang, "số hiệu khóa sai (1..255)",
		                 "bad key id (1..255)"),
		        pos[1]);
		return EXIT_BAD_INPUT;
	}
	if (strcmp(pos[0], "revoke") == 0) {
		reason = revoke_reason(argc, argv, lang);
		if (reason == NULL)
			return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	rc = db != NULL ? run(db, path, pos, reason, lang)
	                : EXIT_FAILURE_INTERNAL;
	db_close(db);
	free(reason);
	return rc;
}

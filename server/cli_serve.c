/* cli_serve.c: `serve`, `user add`, `audit verify` and `backup`. */
#include <arpa/inet.h>
#include <malloc.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "server.h"

#define DEFAULT_DB     "giamkhao.db"
#define DEFAULT_LISTEN "127.0.0.1:8080"

/* --proxy ADDR: the one address whose X-Forwarded-For is believed, kept
 * as inet_ntop writes it, since that is how each client's address is
 * compared with it. IPv4 only, as the server listens on IPv4. */
static int
proxy_option(int argc, char **argv, char *out, size_t size)
{
	const char *proxy = cli_option(argc, argv, "--proxy");
	struct in_addr bin;

	if (proxy == NULL)
		return 0;
	if (inet_pton(AF_INET, proxy, &bin) != 1 ||
	    inet_ntop(AF_INET, &bin, out, (socklen_t)size) == NULL) {
		fprintf(stderr, "giamkhao: --proxy %s: %s\n", proxy,
		        cli_text(cli_lang(), "không phải địa chỉ IPv4",
		                 "not an IPv4 address"));
		return -1;
	}
	printf("giamkhao: %s %s\n",
	       cli_text(cli_lang(), "tin X-Forwarded-For từ",
	                "trusting X-Forwarded-For from"),
	       out);
	return 0;
}

/*
 * A real Argon2id hash to verify against when a login does not exist, so
 * that timing does not tell which logins do. Its password was random and
 * thrown away. Made once (2026-11-26) rather than at each start: making
 * it took a third of a second and 64 MiB. Should libsodium's interactive
 * limits ever differ from the ones it was made with, a new one is made.
 */
static int
dummy_hash(char *out, size_t size)
{
	static const char made[crypto_pwhash_STRBYTES] =
	    "$argon2id$v=19$m=65536,t=2,p=1$ti7zF4hYPYLpfby3y2dKDw$"
	    "Lcgf3MyFcH9SEdhA023FLP9bZo2gZUCLgEn3abfwGlk";
	char seed[32];

	if (sizeof(made) <= size &&
	    crypto_pwhash_str_needs_rehash(
	        made, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	        crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0) {
		memcpy(out, made, sizeof(made));
		return 0;
	}
	randombytes_buf(seed, sizeof(seed));
	return crypto_pwhash_str(out, seed, sizeof(seed),
	                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                         crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
cmd_serve(int argc, char **argv)
{
	const char *path = cli_option(argc, argv, "--db");
	const char *listen = cli_option(argc, argv, "--listen");
	struct app app;
	int rc;

	memset(&app, 0, sizeof(app));
	/* a request's working set (an entry, a sheet) is some hundred KB:
	 * keep freed memory for the next request instead of mapping and
	 * unmapping it every time (measured: madvise and page faults were a
	 * tenth of a sheet save) */
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
	app.secure = cli_flag(argc, argv, "--secure");
	if (proxy_option(argc, argv, app.proxy, sizeof(app.proxy)) != 0)
		return EXIT_BAD_INPUT;
	app.db = db_open(path != NULL ? path : DEFAULT_DB);
	if (app.db == NULL)
		return EXIT_FAILURE_INTERNAL;
	pthread_mutex_init(&app.lock, NULL);
	app.limits = ratelimit_new();
	app.rubrics = rubric_cache_new();
	/* a keys file anyone else may read is refused: no server then */
	app.keys = keys_open(path != NULL ? path : DEFAULT_DB, cli_lang());
	if (app.keys == NULL) {
		db_close(app.db);
		ratelimit_free(app.limits);
		rubric_cache_free(app.rubrics);
		return EXIT_FAILURE_INTERNAL;
	}
	if (dummy_hash(app.dummy_hash, sizeof(app.dummy_hash)) != 0) {
		db_close(app.db);
		ratelimit_free(app.limits);
		rubric_cache_free(app.rubrics);
		keys_free(app.keys);
		return EXIT_FAILURE_INTERNAL;
	}
	app.prints = print_jobs_new();
	app.sigs = sig_cache_new();
	rc = http_serve(&app, listen != NULL ? listen : DEFAULT_LISTEN);
	respond_cache_free();
	print_jobs_free(app.prints);
	sig_cache_free(app.sigs);
	keys_free(app.keys);
	db_close(app.db);
	ratelimit_free(app.limits);
	rubric_cache_free(app.rubrics);
	if (app.idle != NULL)
		session_idle_free(app.idle);
	pthread_mutex_destroy(&app.lock);
	return rc;
}

/* Reads one line (the password) from stdin, without its newline. */
static int
read_password(char *out, size_t size)
{
	size_t n;

	if (fgets(out, (int)size, stdin) == NULL)
		return -1;
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	return n >= 8 ? 0 : -1;
}

static int
user_add(int argc, char **argv, enum score_lang lang)
{
	const char *path = cli_option(argc, argv, "--db");
	struct db_user u;
	struct db_actor system = { 0, "cli" };
	char password[256];
	struct db *db;
	struct db_tx *tx;
	int64_t id;
	int rc;

	memset(&u, 0, sizeof(u));
	snprintf(u.login, sizeof(u.login), "%s",
	         cli_option(argc, argv, "--login")
	             ? cli_option(argc, argv, "--login")
	             : "");
	snprintf(u.name, sizeof(u.name), "%s",
	         cli_option(argc, argv, "--name")
	             ? cli_option(argc, argv, "--name")
	             : u.login);
	snprintf(u.role, sizeof(u.role), "%s",
	         cli_option(argc, argv, "--role")
	             ? cli_option(argc, argv, "--role")
	             : "organiser");
	if (cli_option(argc, argv, "--expert") != NULL)
		u.expert_id =
		    strtoll(cli_option(argc, argv, "--expert"), NULL, 10);
	if (path == NULL || u.login[0] == '\0') {
		fprintf(stderr,
		        "%s: giamkhao user add --db FILE --login LOGIN "
		        "[--name NAME] [--role admin|organiser|judge] "
		        "[--expert ID] < password\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	if (read_password(password, sizeof(password)) != 0) {
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(lang,
		                 "mật khẩu (dòng đầu của stdin) cần ít "
		                 "nhất 8 ký tự",
		                 "the password (first line of stdin) needs at "
		                 "least 8 characters"));
		return EXIT_BAD_INPUT;
	}
	if (crypto_pwhash_str(u.password_hash, password, strlen(password),
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return EXIT_FAILURE_INTERNAL;
	sodium_memzero(password, sizeof(password));
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	tx = db_begin(db, &system);
	rc = tx != NULL ? db_user_create(tx, &u, &id) : -1;
	if (rc == 0)
		rc = db_commit(tx);
	else
		db_rollback(tx);
	db_close(db);
	if (rc == DB_DUPLICATE)
		fprintf(stderr, "giamkhao: %s \"%s\"\n",
		        cli_text(lang, "đã có tài khoản", "the login exists:"),
		        u.login);
	return rc == 0              ? EXIT_OK
	       : rc == DB_DUPLICATE ? EXIT_BAD_INPUT
	                            : EXIT_FAILURE_INTERNAL;
}

int
cmd_user(int argc, char **argv)
{
	enum score_lang lang = cli_lang();

	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return user_add(argc - 1, argv + 1, lang);
	fprintf(stderr, "%s: giamkhao user add --db FILE --login LOGIN ...\n",
	        cli_text(lang, "cách dùng", "usage"));
	return EXIT_BAD_INPUT;
}

int
cmd_audit(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	struct db *db;
	int64_t rows = 0, bad;

	if (argc < 2 || strcmp(argv[1], "verify") != 0 || path == NULL) {
		fprintf(stderr, "%s: giamkhao audit verify --db FILE\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	bad = db_audit_verify(db, &rows);
	db_close(db);
	if (bad < 0)
		return EXIT_FAILURE_INTERNAL;
	if (bad > 0) {
		printf("%s %lld\n",
		       cli_text(lang, "Chuỗi nhật ký bị đứt tại bản ghi",
		                "The audit chain breaks at row"),
		       (long long)bad);
		return EXIT_BAD_INPUT;
	}
	printf(
	    "%s (%lld %s)\n",
	    cli_text(lang, "Chuỗi nhật ký nguyên vẹn", "The audit chain holds"),
	    (long long)rows, cli_text(lang, "bản ghi", "rows"));
	return EXIT_OK;
}

int
cmd_backup(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *out = argc >= 2 ? argv[argc - 1] : NULL;
	struct db *db;
	int rc;

	if (path == NULL || out == NULL || out == path ||
	    strcmp(out, "--db") == 0) {
		fprintf(stderr, "%s: giamkhao backup --db FILE OUT\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	rc = db_backup(db, out);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

/* Lists every route, for the authorisation matrix test (which fails when
 * a route is missing from its table). */
int
cmd_routes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (size_t i = 0; i < nroutes; i++)
		printf("%s %s %s\n", routes[i].method == M_GET ? "GET" : "POST",
		       routes[i].pattern, action_names[routes[i].action]);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

/* Prints a new single-use login link for an account (valid `hours`). */
int
cmd_login_link(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *login = cli_option(argc, argv, "--login");
	const char *base = cli_option(argc, argv, "--base");
	const char *hours = cli_option(argc, argv, "--hours");
	struct db_actor system = { 0, "cli" };
	uint8_t raw[32], hash[32];
	char token[44];
	struct db_user u;
	struct db_read *rd;
	struct db_tx *tx;
	struct db *db;
	int64_t ttl = hours != NULL ? strtoll(hours, NULL, 10) * 3600 : 86400;
	int rc;

	if (path == NULL || login == NULL || ttl <= 0) {
		fprintf(stderr,
		        "%s: giamkhao login-link --db FILE --login L "
		        "[--hours 24] [--base http://HOST:PORT]\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	rd = db_read_begin(db);
	rc = db_user_by_login(rd, login, &u);
	db_read_end(rd);
	if (rc == 0) {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(token, sizeof(token), raw, sizeof(raw),
		                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		crypto_hash_sha256(hash, raw, sizeof(raw));
		tx = db_begin(db, &system);
		rc = tx != NULL ? db_link_create(tx, hash, u.id,
		                                 (int64_t)time(NULL) + ttl)
		                : -1;
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
	}
	db_close(db);
	if (rc == DB_NOTFOUND)
		fprintf(stderr, "giamkhao: %s \"%s\"\n",
		        cli_text(lang, "không có tài khoản", "no such login:"),
		        login);
	if (rc != 0)
		return rc == DB_NOTFOUND ? EXIT_BAD_INPUT
		                         : EXIT_FAILURE_INTERNAL;
	printf("%s/enter?t=%s\n", base != NULL ? base : "http://127.0.0.1:8080",
	       token);
	return EXIT_OK;
}

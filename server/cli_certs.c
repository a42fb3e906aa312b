/* cli_certs.c: `giamkhao certificates --db FILE --edition ID --out DIR
 * [--collective]`: issues the certificates of a decided edition (as the
 * organiser's page does: a correction supersedes what changed), then
 * writes every standing certificate as DIR/SERIAL.pdf and all of them in
 * DIR/print.pdf for printing, and says what it did. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "server.h"

struct batch {
	struct db_cert *c;
	size_t n;
};

static int
collect(const struct db_cert *c, void *arg)
{
	struct batch *b = arg;

	if (c->revoked_at != 0)
		return 0;
	b->c = xreallocarray(b->c, b->n + 1, sizeof(*b->c));
	b->c[b->n++] = *c;
	return 0;
}

static int
save(const char *dir, const char *name, const struct buf *pdf,
     enum score_lang lang)
{
	char path[4096];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	ok = f != NULL && fwrite(pdf->data, 1, pdf->len, f) == pdf->len;
	if (f != NULL && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "giamkhao: %s %s\n",
		        cli_text(lang, "không ghi được", "cannot write"), path);
	return ok ? 0 : -1;
}

/* Each certificate alone, then all in one for printing. */
static int
render(const struct batch *b, const struct db_edition *e,
       const struct db_org *org, const char *dir, enum score_lang lang)
{
	struct buf pdf;
	char name[32], err[160] = "";
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		buf_init(&pdf, (size_t)16 << 20);
		rc = certs_pdf(&b->c[i], 1, false, e, org, &pdf, err);
		snprintf(name, sizeof(name), "%06lld.pdf",
		         (long long)b->c[i].id);
		if (rc == 0)
			rc = save(dir, name, &pdf, lang);
		buf_release(&pdf);
		/* progress for long batches, on the terminal */
		if (rc == 0 && (i + 1) % 50 == 0)
			fprintf(stderr, "giamkhao: %zu/%zu\n", i + 1, b->n);
	}
	if (rc == 0 && b->n > 0) {
		buf_init(&pdf, (size_t)256 << 20);
		rc = certs_pdf(b->c, b->n, true, e, org, &pdf, err);
		if (rc == 0)
			rc = save(dir, "print.pdf", &pdf, lang);
		buf_release(&pdf);
	}
	if (*err != '\0')
		fprintf(stderr, "giamkhao: %s\n", err);
	return rc;
}

/* The QR codes point at the organisation's public address. */
static int
no_address(enum score_lang lang)
{
	fprintf(
	    stderr, "giamkhao: %s\n",
	    cli_text(lang,
	             "chưa có địa chỉ công khai của đơn vị (trang Thông tin "
	             "đơn vị): mã QR trên giấy chứng nhận trỏ về đó",
	             "the organisation has no public address yet (the "
	             "organisation page): the certificates' QR codes "
	             "point there"));
	return CERTS_NOT_DECIDED;
}

static int
usage(enum score_lang lang)
{
	fprintf(stderr,
	        "%s: giamkhao certificates --db FILE --edition ID --out DIR "
	        "[--collective]\n",
	        cli_text(lang, "cách dùng", "usage"));
	return EXIT_BAD_INPUT;
}

static int
issue(struct db *db, const char *path, const struct db_edition *e,
      bool collective, enum score_lang lang)
{
	struct db_actor who = { 0, "cli" };
	struct keyring *kr = keys_open(path, lang);
	struct certs_outcome o;
	int rc;

	if (kr == NULL)
		return -1;
	rc = certs_issue(db, kr, &who, e, collective, &o);
	keys_free(kr);
	if (rc == CERTS_NOT_DECIDED)
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(lang, "kỳ thi chưa có quyết định khen thưởng",
		                 "the edition has no award decision yet"));
	else if (rc == 0)
		printf("%s: %zu, %s: %zu, %s: %zu\n",
		       cli_text(lang, "cấp mới", "issued"), o.issued,
		       cli_text(lang, "giữ nguyên", "kept"), o.kept,
		       cli_text(lang, "thay thế", "superseded"), o.superseded);
	return rc;
}

int
cmd_certificates(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *edition = cli_option(argc, argv, "--edition");
	const char *dir = cli_option(argc, argv, "--out");
	int64_t id = edition != NULL ? strtoll(edition, NULL, 10) : 0;
	struct db_edition e;
	struct db_org org;
	struct batch b = { 0 };
	struct db_read *rd;
	struct db *db;
	int rc;

	if (path == NULL || id <= 0 || dir == NULL)
		return usage(lang);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "giamkhao: %s %s\n",
		        cli_text(lang, "không tạo được", "cannot create"), dir);
		return EXIT_FAILURE_INTERNAL;
	}
	db = db_open(path);
	if (db == NULL)
		return EXIT_FAILURE_INTERNAL;
	rd = db_read_begin(db);
	rc = db_edition_get(rd, id, &e);
	if (rc == 0 && (db_org_get(rd, &org) != 0 || *org.public_url == '\0'))
		rc = no_address(lang);
	db_read_end(rd);
	if (rc == 0)
		rc = issue(db, path, &e, cli_flag(argc, argv, "--collective"),
		           lang);
	if (rc == 0) {
		rd = db_read_begin(db);
		rc = db_certs_each(rd, id, collect, &b);
		db_read_end(rd);
	}
	if (rc == 0)
		rc = render(&b, &e, &org, dir, lang);
	db_close(db);
	free(b.c);
	if (rc == DB_NOTFOUND)
		fprintf(stderr, "giamkhao: %s %lld\n",
		        cli_text(lang, "không có kỳ thi", "no such edition:"),
		        (long long)id);
	return rc == 0 ? EXIT_OK
	       : rc == DB_NOTFOUND || rc == CERTS_NOT_DECIDED
	           ? EXIT_BAD_INPUT
	           : EXIT_FAILURE_INTERNAL;
}

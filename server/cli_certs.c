/* cli_certs.c: `giamkhao certificates --db FILE --edition ID --out DIR
 * [--collective] [--pdf each|print|both]`: issues the certificates of a
 * decided edition (as the organiser's page does: a correction supersedes
 * what changed), then writes every standing certificate as
 * DIR/SERIAL.pdf, one worker process per online CPU, and all of them in
 * DIR/print.pdf for printing, and says what it did. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "server.h"

struct batch {
	struct db_cert *c;
	size_t n;
};

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

/* What rendering needs; the workers share it. */
struct job {
	const struct batch *b;
	const struct certs_looks *looks;
	const struct certs_ctx *x;
	const char *dir;
	enum score_lang lang;
};

static void
print_progress(size_t done, void *arg)
{
	const size_t *n = arg;

	if (done % 50 == 0)
		fprintf(stderr, "giamkhao: print.pdf %zu/%zu\n", done, *n);
}

/* Certificate `i` alone, or (`one_file`) all of them in one for
 * printing, saved as `name`. The only call of certs_pdf here. */
static int
pdf_file(const struct job *j, size_t i, bool one_file, const char *name)
{
	struct certs_ctx x = *j->x;
	size_t n = one_file ? j->b->n - i : 1;
	struct buf pdf;
	char err[160] = "";
	int rc;

	/* a long print batch says how far it is; one page needs not */
	if (one_file) {
		x.progress = print_progress;
		x.arg = &n;
	}
	buf_init(&pdf, one_file ? (size_t)256 << 20 : (size_t)16 << 20);
	rc = certs_pdf(j->looks, &j->b->c[i], n, one_file, &x, &pdf, err);
	if (rc == 0)
		rc = save(j->dir, name, &pdf, j->lang);
	else
		fprintf(stderr, "giamkhao: %s\n", err);
	buf_release(&pdf);
	return rc;
}

/* Worker w of nw writes certificates w, w + nw, ... and sends a byte
 * down `tick` for each, which the parent counts for the progress. */
static int
worker(const struct job *j, size_t w, size_t nw, int tick)
{
	char name[32];
	int rc = 0;

	for (size_t i = w; rc == 0 && i < j->b->n; i += nw) {
		snprintf(name, sizeof(name), "%06lld.pdf",
		         (long long)j->b->c[i].id);
		rc = pdf_file(j, i, false, name);
		if (rc == 0 && write(tick, "", 1) != 1)
			rc = -1;
	}
	return rc;
}

/* Starts the workers; how many started (all of nw unless fork failed). */
static size_t
spawn(const struct job *j, size_t nw, int tick[2], pid_t *pid)
{
	/* nothing buffered is written again by a child */
	fflush(NULL);
	for (size_t w = 0; w < nw; w++) {
		pid[w] = fork();
		if (pid[w] == 0) {
			/* _exit: the child shares the parent's database
			 * connection and stdio, and must close neither */
			close(tick[0]);
			_exit(worker(j, w, nw, tick[1]) == 0 ? 0 : 1);
		}
		if (pid[w] < 0) {
			fprintf(stderr, "giamkhao: fork: %s\n",
			        strerror(errno));
			return w;
		}
	}
	return nw;
}

/* Counts the workers' ticks until all have closed the pipe, saying how
 * far they are every 50 certificates. */
static void
follow(int fd, size_t n)
{
	char got[64];
	size_t done = 0;
	ssize_t r;

	for (;;) {
		r = read(fd, got, sizeof(got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		for (ssize_t k = 0; k < r; k++)
			if (++done % 50 == 0)
				fprintf(stderr, "giamkhao: %zu/%zu\n", done, n);
	}
}

/* Waits for every worker; -1 when one failed (each said why). */
static int
reap(const pid_t *pid, size_t started, size_t nw, enum score_lang lang)
{
	int rc = started == nw ? 0 : -1, st;

	for (size_t w = 0; w < started; w++) {
		while (waitpid(pid[w], &st, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			continue;
		fprintf(stderr, "giamkhao: %s %zu/%zu %s\n",
		        cli_text(lang, "tiến trình", "worker"), w + 1, nw,
		        cli_text(lang, "thất bại", "failed"));
		rc = -1;
	}
	return rc;
}

/* Every certificate alone, shared out over one worker per online CPU:
 * libharu renders on one core, and certificates are independent. */
static int
render_each(const struct job *j)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nw = cpus > 1 ? (size_t)cpus : 1, started;
	struct pdf_fonts fonts;
	int tick[2], rc;
	pid_t *pid;

	if (nw > j->b->n)
		nw = j->b->n;
	if (nw == 0)
		return 0;
	/* the fonts' in-memory files made once, for all the workers */
	if (fonts_serif(&fonts) != 0) {
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(j->lang, "thiếu phông chữ", "no fonts"));
		return -1;
	}
	if (pipe(tick) != 0) {
		fprintf(stderr, "giamkhao: pipe: %s\n", strerror(errno));
		return -1;
	}
	pid = xcalloc(nw, sizeof(*pid));
	started = spawn(j, nw, tick, pid);
	close(tick[1]);
	follow(tick[0], j->b->n);
	close(tick[0]);
	rc = reap(pid, started, nw, j->lang);
	free(pid);
	return rc;
}

/* The PDFs --pdf asks for (both unless it says); 0 for another word. */
enum { PDF_EACH = 1, PDF_PRINT = 2 };

static unsigned
pdf_choice(int argc, char **argv)
{
	const char *v = cli_option(argc, argv, "--pdf");

	if (v == NULL || strcmp(v, "both") == 0)
		return PDF_EACH | PDF_PRINT;
	if (strcmp(v, "each") == 0)
		return PDF_EACH;
	return strcmp(v, "print") == 0 ? PDF_PRINT : 0;
}

/* The separate PDFs, then the print PDF, as --pdf asks. */
static int
render(const struct job *j, unsigned what)
{
	int rc = 0;

	if (what & PDF_EACH)
		rc = render_each(j);
	if (rc == 0 && (what & PDF_PRINT) && j->b->n > 0)
		rc = pdf_file(j, 0, true, "print.pdf");
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
	        "[--collective] [--pdf each|print|both]\n",
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
	struct certs_ctx x = { &e, &org, NULL, NULL };
	struct certs_looks looks = { 0 };
	struct batch b = { 0 };
	struct job j = { &b, &looks, &x, dir, lang };
	unsigned what = pdf_choice(argc, argv);
	struct db_read *rd;
	struct db *db;
	int rc;

	if (path == NULL || id <= 0 || dir == NULL || what == 0)
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
		rc = db_certs_standing(rd, id, &b.c, &b.n);
		/* the looks before rendering: the renderer reads no database */
		if (rc == 0)
			rc = certs_looks_load(rd, e.program, b.c, b.n, &looks);
		db_read_end(rd);
	}
	if (rc == 0)
		rc = render(&j, what);
	certs_looks_release(&looks);
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

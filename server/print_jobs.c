/* print_jobs.c: an edition's print file made in the background, so that
 * a long batch (a national contest prints a thousand certificates) shows
 * its progress instead of a page that hangs. One job per edition; the
 * finished file stays in memory until the next one replaces it or an
 * hour has passed. The job reads no database: what it prints is loaded
 * before it starts. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

#define KEEP_SECONDS 3600

struct print_job {
	int64_t edition;
	enum print_state state;
	size_t done, total;
	int64_t finished_at;
	struct buf pdf;
	char err[160];
	pthread_t thread;
	bool joined;
	/* the inputs, owned by the job */
	struct db_cert *certs;
	struct certs_looks looks;
	struct db_edition e;
	struct db_org org;
	struct print_jobs *all;
	struct print_job *next;
};

struct print_jobs {
	pthread_mutex_t lock;
	struct print_job *jobs;
};

struct print_jobs *
print_jobs_new(void)
{
	struct print_jobs *p = xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->lock, NULL);
	return p;
}

static void
job_free(struct print_job *j)
{
	if (!j->joined)
		pthread_join(j->thread, NULL);
	buf_release(&j->pdf);
	free(j->certs);
	certs_looks_release(&j->looks);
	free(j);
}

void
print_jobs_free(struct print_jobs *p)
{
	if (p == NULL)
		return;
	while (p->jobs != NULL) {
		struct print_job *j = p->jobs;

		p->jobs = j->next;
		job_free(j); /* waits for a job still printing */
	}
	pthread_mutex_destroy(&p->lock);
	free(p);
}

static void
progress(size_t done, void *arg)
{
	struct print_job *j = arg;

	pthread_mutex_lock(&j->all->lock);
	j->done = done;
	pthread_mutex_unlock(&j->all->lock);
}

static void *
run(void *arg)
{
	struct print_job *j = arg;
	struct certs_ctx x = { &j->e, &j->org, progress, j };
	struct buf pdf;
	char err[160] = "";
	int rc;

	buf_init(&pdf, (size_t)1 << 30);
	rc = certs_pdf(&j->looks, j->certs, j->total, true, &x, &pdf, err);
	pthread_mutex_lock(&j->all->lock);
	j->pdf = pdf;
	snprintf(j->err, sizeof(j->err), "%s", err);
	j->state = rc == 0 ? PRINT_DONE : PRINT_FAILED;
	j->finished_at = (int64_t)time(NULL);
	pthread_mutex_unlock(&j->all->lock);
	if (rc != 0)
		fprintf(stderr, "giamkhao: print file: %s\n", err);
	return NULL;
}

/* Drops the edition's finished job and any older than KEEP_SECONDS;
 * returns the edition's job still running, if any (under the lock). */
static struct print_job *
sweep(struct print_jobs *p, int64_t edition)
{
	int64_t now = (int64_t)time(NULL);
	struct print_job **at = &p->jobs, *running = NULL;

	while (*at != NULL) {
		struct print_job *j = *at;
		bool mine = j->edition == edition;

		if (j->state == PRINT_RUNNING) {
			running = mine ? j : running;
		} else if (mine || now - j->finished_at > KEEP_SECONDS) {
			*at = j->next;
			job_free(j);
			continue;
		}
		at = &j->next;
	}
	return running;
}

int
print_jobs_start(struct print_jobs *p, const struct db_edition *e,
                 const struct db_org *org, struct db_cert *certs, size_t n,
                 struct certs_looks *looks)
{
	struct print_job *j;
	int rc = 0;

	pthread_mutex_lock(&p->lock);
	if (sweep(p, e->id) != NULL) {
		pthread_mutex_unlock(&p->lock);
		free(certs);
		certs_looks_release(looks);
		return 1; /* already printing: its progress is shown */
	}
	j = xcalloc(1, sizeof(*j));
	*j = (struct print_job){ .edition = e->id,
		                 .state = PRINT_RUNNING,
		                 .total = n,
		                 .certs = certs,
		                 .looks = *looks,
		                 .e = *e,
		                 .org = *org,
		                 .all = p };
	memset(looks, 0, sizeof(*looks)); /* the job owns them now */
	if (pthread_create(&j->thread, NULL, run, j) != 0) {
		j->joined = true;
		job_free(j);
		rc = -1;
	} else {
		j->next = p->jobs;
		p->jobs = j;
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

static struct print_job *
find(struct print_jobs *p, int64_t edition)
{
	for (struct print_job *j = p->jobs; j != NULL; j = j->next)
		if (j->edition == edition)
			return j;
	return NULL;
}

void
print_jobs_status(struct print_jobs *p, int64_t edition,
                  struct print_status *out)
{
	struct print_job *j;

	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&p->lock);
	j = find(p, edition);
	if (j != NULL) {
		out->state = j->state;
		out->done = j->done;
		out->total = j->total;
		out->bytes = j->pdf.len;
	}
	pthread_mutex_unlock(&p->lock);
}

int
print_jobs_take(struct print_jobs *p, int64_t edition, struct buf *out)
{
	struct print_job *j;
	int rc = -1;

	pthread_mutex_lock(&p->lock);
	j = find(p, edition);
	if (j != NULL && j->state == PRINT_DONE) {
		buf_append(out, j->pdf.data, j->pdf.len);
		rc = 0;
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

/* bench_scoring.c: the scoring core timed against a SQLite GROUP BY. */
#define _POSIX_C_SOURCE 200809L

#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../scoring/scoring.h"

#define NFIELDS      6
#define NCRIT        5
#define NJUDGES      7 /* per field: every entry gets its field's panel */
#define NENTRIES     20000
#define NSHEETS      (NENTRIES * NJUDGES)
#define NROWS        (NSHEETS * NCRIT)
#define MAX_H        2000 /* criterion max 20 points, in hundredths */
#define STEP_H       50   /* step 0.5 */
#define RUNS         9
#define TARGET       20.0
#define SEED         0x67696b68u /* fixed: the same data on every run */
#define SCORE_SCALE  100.0       /* decimals 2 */
#define MEAN_EPSILON 0.0051      /* rounding of a 2-decimal score, plus slack */

/*
 * Scores mode, 6 fields, 5 criteria, mean of 7 judges, tie-breaks and
 * per-field tiers with quotas small enough to bind, so ranking and prize
 * allocation do real work. Kept under the 4095 bytes ISO C promises for a
 * string literal (-pedantic checks it).
 */
static const char rubric_json[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"Bench\",\"en\":\"Bench\"},\"mode\":\"scores\","
    "\"fields\":["
    "{\"id\":\"f0\",\"title\":{\"vi\":\"Field 0\"}},"
    "{\"id\":\"f1\",\"title\":{\"vi\":\"Field 1\"}},"
    "{\"id\":\"f2\",\"title\":{\"vi\":\"Field 2\"}},"
    "{\"id\":\"f3\",\"title\":{\"vi\":\"Field 3\"}},"
    "{\"id\":\"f4\",\"title\":{\"vi\":\"Field 4\"}},"
    "{\"id\":\"f5\",\"title\":{\"vi\":\"Field 5\"}}],"
    "\"criteria\":["
    "{\"id\":\"c0\",\"title\":{\"vi\":\"C0\"},\"max\":20,\"weight\":1,"
    "\"step\":0.5},"
    "{\"id\":\"c1\",\"title\":{\"vi\":\"C1\"},\"max\":20,\"weight\":1,"
    "\"step\":0.5},"
    "{\"id\":\"c2\",\"title\":{\"vi\":\"C2\"},\"max\":20,\"weight\":1,"
    "\"step\":0.5},"
    "{\"id\":\"c3\",\"title\":{\"vi\":\"C3\"},\"max\":20,\"weight\":1,"
    "\"step\":0.5},"
    "{\"id\":\"c4\",\"title\":{\"vi\":\"C4\"},\"max\":20,\"weight\":1,"
    "\"step\":0.5}],"
    "\"aggregate\":{\"method\":\"mean\",\"normalize\":\"none\","
    "\"min_judges\":3,\"decimals\":2},"
    "\"tie_break\":[\"c2\",\"c0\"],"
    "\"awards\":{\"scope\":\"field\",\"floor\":50,\"tiers\":["
    "{\"id\":\"first\",\"title\":{\"vi\":\"First\"},\"min\":85,"
    "\"max_count\":20},"
    "{\"id\":\"second\",\"title\":{\"vi\":\"Second\"},\"min\":75,"
    "\"max_count\":60},"
    "{\"id\":\"third\",\"title\":{\"vi\":\"Third\"},\"min\":65,"
    "\"max_count\":150},"
    "{\"id\":\"consolation\",\"title\":{\"vi\":\"Consolation\"},"
    "\"min\":55,\"max_count\":400}]}}";

/* Everything the timed paths read, built once (setup is not timed). */
struct bench {
	struct score_rubric *rubric;
	struct score_input *input;
	int32_t *points; /* entry-major: [entry][judge][criterion] */
	int field[NENTRIES];
	sqlite3 *db;
	sqlite3_stmt *query;
	/* per entry mean of the sheet totals in points, one per path, so
	 * the paths can be checked against each other */
	double mean_core[NENTRIES];
	double mean_sql[NENTRIES];
	double mean_loop[NENTRIES];
	double sink; /* keeps the bare loop's result observable */
};

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A value in [lo, hi] (the tiny modulo bias does not matter here). */
static int
rng_range(uint64_t *state, int lo, int hi)
{
	return lo + (int)(rng_next(state) % (uint64_t)(hi - lo + 1));
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Points follow an entry's quality plus a per-judge bias and noise, so
 * scores spread over the tiers and the panels disagree a little (as real
 * ones do); each is rounded down to the step.
 */
static void
generate(struct bench *b)
{
	uint64_t state = SEED;
	int bias[NFIELDS][NJUDGES];

	for (int f = 0; f < NFIELDS; f++)
		for (int j = 0; j < NJUDGES; j++)
			bias[f][j] = rng_range(&state, -150, 150);
	for (int e = 0; e < NENTRIES; e++) {
		int quality = rng_range(&state, 800, 1900);
		int f = rng_range(&state, 0, NFIELDS - 1);

		b->field[e] = f;
		for (int j = 0; j < NJUDGES; j++)
			for (int c = 0; c < NCRIT; c++) {
				int v = quality + bias[f][j] +
				        rng_range(&state, -200, 200);

				v = v < 0 ? 0 : v > MAX_H ? MAX_H : v;
				b->points[(e * NJUDGES + j) * NCRIT + c] =
				    v - v % STEP_H;
			}
	}
}

/* The same points, through the index-level API the server uses. */
static int
build_input(struct bench *b)
{
	struct score_error err;
	int judge[NFIELDS][NJUDGES];
	char id[32];

	b->input = score_input_new(b->rubric);
	for (int f = 0; f < NFIELDS; f++)
		for (int j = 0; j < NJUDGES; j++) {
			snprintf(id, sizeof(id), "f%d-judge%d", f, j);
			judge[f][j] = score_input_judge(b->input, id);
		}
	for (int e = 0; e < NENTRIES; e++) {
		int f = b->field[e], ei;

		snprintf(id, sizeof(id), "E%05d", e);
		ei = score_input_entry(b->input, id, (size_t)f, &err);
		if (ei < 0)
			goto fail;
		for (int j = 0; j < NJUDGES; j++)
			for (int c = 0; c < NCRIT; c++)
				if (score_input_set_points(
				        b->input, ei, judge[f][j], (size_t)c,
				        b->points[(e * NJUDGES + j) * NCRIT +
				                  c],
				        &err) != 0)
					goto fail;
	}
	return 0;
fail:
	fprintf(stderr, "bench: input: error %d at %s (%s)\n", (int)err.code,
	        err.path, err.detail);
	return -1;
}

static int
sql_fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "bench: sqlite: %s: %s\n", what, sqlite3_errmsg(db));
	return -1;
}

/* 700,000 rows in one transaction through one prepared statement. */
static int
sql_insert(struct bench *b)
{
	sqlite3_stmt *ins;
	int rc = SQLITE_OK;

	if (sqlite3_prepare_v2(b->db,
	                       "INSERT INTO scores VALUES (?1, ?2, ?3, ?4, ?5)",
	                       -1, &ins, NULL) != SQLITE_OK)
		return sql_fail(b->db, "prepare insert");
	for (int e = 0; e < NENTRIES && rc == SQLITE_OK; e++)
		for (int j = 0; j < NJUDGES && rc == SQLITE_OK; j++)
			for (int c = 0; c < NCRIT && rc == SQLITE_OK; c++) {
				sqlite3_bind_int(ins, 1, e);
				sqlite3_bind_int(ins, 2, b->field[e]);
				/* judges are numbered across the contest */
				sqlite3_bind_int(ins, 3,
				                 b->field[e] * NJUDGES + j);
				sqlite3_bind_int(ins, 4, c);
				sqlite3_bind_int(
				    ins, 5,
				    b->points[(e * NJUDGES + j) * NCRIT + c]);
				rc = sqlite3_step(ins) == SQLITE_DONE
				         ? sqlite3_reset(ins)
				         : SQLITE_ERROR;
			}
	sqlite3_finalize(ins);
	return rc == SQLITE_OK ? 0 : sql_fail(b->db, "insert");
}

/* An in-memory database holding the same rows, and the timed query. */
static int
sql_setup(struct bench *b)
{
	if (sqlite3_open(":memory:", &b->db) != SQLITE_OK)
		return sql_fail(b->db, "open");
	if (sqlite3_exec(b->db,
	                 "CREATE TABLE scores(entry INTEGER, field INTEGER, "
	                 "judge INTEGER, criterion INTEGER, points INTEGER);"
	                 "BEGIN;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(b->db, "create");
	if (sql_insert(b) != 0)
		return -1;
	if (sqlite3_exec(b->db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(b->db, "commit");
	/* the core's main work: per entry, the mean of its sheet totals */
	if (sqlite3_prepare_v2(
	        b->db,
	        "SELECT entry, field, AVG(total) FROM "
	        "(SELECT entry, field, judge, SUM(points) AS total "
	        "FROM scores GROUP BY entry, judge) GROUP BY entry",
	        -1, &b->query, NULL) != SQLITE_OK)
		return sql_fail(b->db, "prepare query");
	return 0;
}

/*
 * Nonzero (and a message) when the results cannot be what we built: every
 * entry must be ranked or insufficient, and some must win prizes, or the
 * benchmark would be timing an early exit.
 */
static int
check_results(const struct score_results *res)
{
	size_t ranked = 0, insufficient = 0, awarded = 0;

	if (res->nentries != NENTRIES) {
		fprintf(stderr, "bench: core: %zu entries, expected %d\n",
		        res->nentries, NENTRIES);
		return -1;
	}
	for (size_t i = 0; i < res->nentries; i++) {
		const struct score_entry_result *er = &res->entries[i];

		ranked += er->status == SCORE_STATUS_OK && er->rank > 0;
		insufficient += er->status == SCORE_STATUS_INSUFFICIENT;
		awarded += er->tier >= 0;
	}
	if (ranked + insufficient != NENTRIES || ranked == 0 || awarded == 0) {
		fprintf(
		    stderr,
		    "bench: core: %zu ranked, %zu insufficient, %zu awarded\n",
		    ranked, insufficient, awarded);
		return -1;
	}
	return 0;
}

/* One timed run of the core; the checks between compute and free are
 * left out of the time. Returns the milliseconds, or -1. */
static double
run_core(struct bench *b)
{
	struct score_error err;
	struct score_results *res;
	double t0, t1, t2, t3;
	int bad;

	t0 = now_ms();
	res = score_compute(b->rubric, b->input, &err);
	t1 = now_ms();
	if (res == NULL) {
		fprintf(stderr, "bench: core: error %d\n", (int)err.code);
		return -1;
	}
	bad = check_results(res);
	for (size_t i = 0; i < res->nentries; i++)
		b->mean_core[res->entries[i].entry] =
		    (double)res->entries[i].score / SCORE_SCALE;
	t2 = now_ms();
	score_results_free(res);
	t3 = now_ms();
	return bad ? -1 : (t1 - t0) + (t3 - t2);
}

/* One timed run of the query, stepping through and reading every row. */
static double
run_sql(struct bench *b)
{
	double t0 = now_ms();
	int rows = 0, rc;

	while ((rc = sqlite3_step(b->query)) == SQLITE_ROW) {
		int e = sqlite3_column_int(b->query, 0);
		int f = sqlite3_column_int(b->query, 1);
		double mean = sqlite3_column_double(b->query, 2);

		if (e < 0 || e >= NENTRIES || f != b->field[e])
			break;
		b->mean_sql[e] = mean / 100.0;
		rows++;
	}
	sqlite3_reset(b->query);
	if (rc != SQLITE_DONE || rows != NENTRIES) {
		fprintf(stderr, "bench: sqlite: %d rows (rc %d)\n", rows, rc);
		return -1;
	}
	return now_ms() - t0;
}

/* One timed run of the bare loop: sheet totals, then their mean. */
static double
run_loop(struct bench *b)
{
	double t0 = now_ms(), check = 0;
	const int32_t *p = b->points;

	for (int e = 0; e < NENTRIES; e++) {
		int64_t sum = 0;

		for (int j = 0; j < NJUDGES; j++) {
			int64_t total = 0;

			for (int c = 0; c < NCRIT; c++)
				total += *p++;
			sum += total;
		}
		b->mean_loop[e] = (double)sum / NJUDGES / 100.0;
		check += b->mean_loop[e];
	}
	b->sink = check;
	return now_ms() - t0;
}

/* The three paths computed the same means (up to the core's rounding). */
static int
check_agree(const struct bench *b)
{
	for (int e = 0; e < NENTRIES; e++)
		if (fabs(b->mean_core[e] - b->mean_sql[e]) > MEAN_EPSILON ||
		    fabs(b->mean_loop[e] - b->mean_sql[e]) > 1e-9) {
			fprintf(stderr,
			        "bench: entry %d: core %.4f, sqlite %.4f, "
			        "loop %.4f\n",
			        e, b->mean_core[e], b->mean_sql[e],
			        b->mean_loop[e]);
			return -1;
		}
	return 0;
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

struct path {
	const char *name;
	double (*run)(struct bench *b);
	double median;
};

/* Warms a path up, runs it RUNS times and keeps the median. */
static int
measure(struct bench *b, struct path *p)
{
	double ms[RUNS];

	if (p->run(b) < 0)
		return -1;
	for (int i = 0; i < RUNS; i++) {
		ms[i] = p->run(b);
		if (ms[i] < 0)
			return -1;
	}
	qsort(ms, RUNS, sizeof(ms[0]), cmp_double);
	p->median = ms[RUNS / 2];
	return 0;
}

/* The machine and the day, so figures from different runs can be told
 * apart. */
static void
print_context(void)
{
	char line[256], model[256] = "unknown", day[64] = "unknown";
	FILE *f = fopen("/proc/cpuinfo", "r");
	time_t t = time(NULL);
	struct tm tm;

	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char *colon = strchr(line, ':');

		if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
			snprintf(model, sizeof(model), "%s", colon + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	}
	if (f != NULL)
		fclose(f);
	if (localtime_r(&t, &tm) != NULL)
		strftime(day, sizeof(day), "%Y-%m-%d %H:%M:%S %z", &tm);
	printf("cpu: %s\ndate: %s\nsqlite: %s\n", model, day,
	       sqlite3_libversion());
}

static int
setup(struct bench *b)
{
	struct score_error err;

	b->rubric = score_rubric_parse(rubric_json, strlen(rubric_json), &err);
	if (b->rubric == NULL) {
		fprintf(stderr, "bench: rubric: error %d at %s (%s)\n",
		        (int)err.code, err.path, err.detail);
		return -1;
	}
	b->points = calloc((size_t)NROWS, sizeof(*b->points));
	if (b->points == NULL)
		return -1;
	generate(b);
	if (build_input(b) != 0 || sql_setup(b) != 0)
		return -1;
	return 0;
}

static void
teardown(struct bench *b)
{
	sqlite3_finalize(b->query);
	sqlite3_close(b->db);
	score_input_free(b->input);
	score_rubric_free(b->rubric);
	free(b->points);
	free(b);
}

/* Prints the table; returns whether the core meets the target. */
static int
report(const struct path *paths, size_t n)
{
	double ratio = paths[1].median / paths[0].median;

	printf("scoring core benchmark: %d entries x %d judges x %d criteria "
	       "= %d scores\n",
	       NENTRIES, NJUDGES, NCRIT, NROWS);
	print_context();
	printf("%-28s %10s %6s\n", "path", "median ms", "runs");
	for (size_t i = 0; i < n; i++)
		printf("%-28s %10.2f %6d\n", paths[i].name, paths[i].median,
		       RUNS);
	printf("core vs SQLite: %.1fx faster (target >= %.0fx)\n", ratio,
	       TARGET);
	printf("bare C loop vs SQLite: %.1fx faster\n",
	       paths[1].median / paths[2].median);
	return ratio >= TARGET;
}

/*
 * Each path is measured on its own, the core first, as in a fresh process:
 * once SQLite's sorter has run, glibc sometimes keeps the core's freed
 * scratch memory instead of handing it back to the kernel, and the core's
 * time then depends on what ran before it rather than on the core.
 */
int
main(void)
{
	struct path paths[] = {
		{ "scoring core (compute)", run_core, 0 },
		{ "SQLite GROUP BY (baseline)", run_sql, 0 },
		{ "bare C loop", run_loop, 0 },
	};
	size_t n = sizeof(paths) / sizeof(paths[0]);
	struct bench *b = calloc(1, sizeof(*b));
	const char *profile = getenv("BENCH_PROFILE");
	int ok = 0;

	/*
	 * Keep freed memory in the process, as a long-running server does:
	 * otherwise glibc unmaps each run's large blocks and the next run pays
	 * the kernel's page faults again (both paths run under this setting).
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	if (b == NULL || setup(b) != 0)
		goto out;
	/* BENCH_PROFILE=N: only the core, N times, for perf or callgrind */
	if (profile != NULL) {
		for (long i = strtol(profile, NULL, 10); i > 0; i--)
			if (run_core(b) < 0)
				goto out;
		ok = 1;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (measure(b, &paths[i]) != 0)
			goto out;
	/* the last runs left their per-entry means behind */
	if (check_agree(b) != 0)
		goto out;
	ok = report(paths, n);
	if (!ok)
		printf("FAIL: the core is under the %.0fx target\n", TARGET);
out:
	if (b != NULL)
		teardown(b);
	return ok ? 0 : 1;
}

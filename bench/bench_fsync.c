/* bench_fsync.c: the baseline of the sheet benchmark: single-row SQLite
 * transactions with synchronous=FULL in WAL mode, one after another (each
 * one fsync), on the file system the server's database lives on.
 * usage: bench-fsync DIR SECONDS   prints "fsync-baseline TX_PER_SECOND" */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "bench-fsync: %s: %s\n", sql, sqlite3_errmsg(db));
	return -1;
}

int
main(int argc, char **argv)
{
	char path[4096];
	double seconds = argc > 2 ? strtod(argv[2], NULL) : 5.0, start, end;
	sqlite3 *db;
	sqlite3_stmt *ins;
	long n = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-fsync DIR [SECONDS]\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/fsync-baseline.db", argv[1]);
	remove(path);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    exec(db, "PRAGMA journal_mode = WAL") != 0 ||
	    exec(db, "PRAGMA synchronous = FULL") != 0 ||
	    exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)") !=
	        0 ||
	    sqlite3_prepare_v2(db, "INSERT INTO t (v) VALUES (?)", -1, &ins,
	                       NULL) != SQLITE_OK)
		return 1;
	start = now();
	end = start + seconds;
	while (now() < end) {
		if (exec(db, "BEGIN IMMEDIATE") != 0)
			return 1;
		sqlite3_bind_int64(ins, 1, n);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return 1;
		sqlite3_reset(ins);
		if (exec(db, "COMMIT") != 0)
			return 1;
		n++;
	}
	printf("fsync-baseline %.1f\n", (double)n / (now() - start));
	sqlite3_finalize(ins);
	sqlite3_close(db);
	remove(path);
	return 0;
}

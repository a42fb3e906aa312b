/* harness.h: a small test harness: named cases, checks, a summary line. */
#ifndef GIAMKHAO_HARNESS_H
#define GIAMKHAO_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

/* Starts a named case; its checks count toward it until the next one. */
void t_case(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Records a check; prints the location and message when it fails. */
bool t_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define CHECK(cond) t_check((cond), __FILE__, __LINE__, "%s", #cond)
/* Evaluates each argument once: `got` may have side effects. */
#define CHECK_INT(got, want)                                                   \
	t_check_int((long long)(got), (long long)(want), __FILE__, __LINE__,   \
	            #got)
#define CHECK_STR(got, want)                                                   \
	t_check_str((got), (want), __FILE__, __LINE__, #got)
#define CHECK_NEAR(got, want, eps)                                             \
	t_check_near((double)(got), (double)(want), (eps), __FILE__, __LINE__, \
	             #got)

bool t_check_near(double got, double want, double eps, const char *file,
                  int line, const char *what);
bool t_check_int(long long got, long long want, const char *file, int line,
                 const char *what);
bool t_check_str(const char *got, const char *want, const char *file, int line,
                 const char *what);

/* The suites (one per test file). */
void suite_numbers(void);
void suite_rubric(void);
void suite_csv(void);
void suite_rules(void);
void suite_ballot(void);
void suite_diagnostics(void);
void suite_common(void);

#endif

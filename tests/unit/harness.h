/* harness.h: a small test harness: named cases, checks, a summary line. */
#ifndef GIAMKHAO_HARNESS_H
#define GIAMKHAO_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Starts a named case; its checks count toward it until the next one. */
void t_case(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Fails the current case, printing the location and the message. */
void t_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints a failed comparison of two strings. */
void t_fail_str(const char *got, const char *want, const char *file, int line,
                const char *what);

/*
 * Each check evaluates its arguments once and is an expression equal to
 * the condition, so `if (!CHECK(p != NULL)) return;` guards what follows
 * (and static analysers can see that it does).
 */
#define CHECKF(cond, ...)                                                      \
	((cond) ? true : (t_fail(__FILE__, __LINE__, __VA_ARGS__), false))
#define CHECK(cond) CHECKF(cond, "%s", #cond)
#define CHECK_INT(got, want)                                                   \
	t_int((long long)(got), (long long)(want), __FILE__, __LINE__, #got)
#define CHECK_STR(got, want) t_str((got), (want), __FILE__, __LINE__, #got)
#define CHECK_NEAR(got, want, eps)                                             \
	t_near((double)(got), (double)(want), (eps), __FILE__, __LINE__, #got)

static inline bool
t_int(long long got, long long want, const char *file, int line,
      const char *what)
{
	if (got != want)
		t_fail(file, line, "%s = %lld, want %lld", what, got, want);
	return got == want;
}

static inline bool
t_near(double got, double want, double eps, const char *file, int line,
       const char *what)
{
	bool ok = got - want <= eps && want - got <= eps;

	if (!ok)
		t_fail(file, line, "%s = %.12g, want %.12g", what, got, want);
	return ok;
}

static inline bool
t_str(const char *got, const char *want, const char *file, int line,
      const char *what)
{
	bool ok = got != NULL && want != NULL && strcmp(got, want) == 0;

	if (!ok)
		t_fail_str(got, want, file, line, what);
	return ok;
}

/* The suites (one per test file). */
void suite_numbers(void);
void suite_rubric(void);
void suite_csv(void);
void suite_rules(void);
void suite_ballot(void);
void suite_diagnostics(void);
void suite_common(void);
void suite_eligibility(void);
void suite_forms(void);
void suite_rubric_form(void);
void suite_entries_csv(void);
void suite_assign(void);
void suite_csv_out(void);
void suite_package(void);

#endif

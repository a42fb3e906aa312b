/* main.c: runs every unit suite and prints "N passed, N failed". */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

void suite_vcode(void); /* test_vcode.c */

static int passed, failed;
static char current[256];
static bool case_open, case_failed;

static void
close_case(void)
{
	if (!case_open)
		return;
	if (case_failed)
		failed++;
	else
		passed++;
	case_open = false;
}

void
t_case(const char *fmt, ...)
{
	va_list ap;

	close_case();
	va_start(ap, fmt);
	vsnprintf(current, sizeof(current), fmt, ap);
	va_end(ap);
	case_open = true;
	case_failed = false;
}

void
t_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!case_open)
		t_case("(unnamed)");
	case_failed = true;
	fprintf(stderr, "FAIL %s\n  %s:%d: ", current, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
t_fail_str(const char *got, const char *want, const char *file, int line,
           const char *what)
{
	t_fail(file, line, "%s:\n--- got ---\n%s\n--- want ---\n%s", what,
	       got != NULL ? got : "(null)", want != NULL ? want : "(null)");
}

int
main(void)
{
	suite_common();
	suite_numbers();
	suite_rubric();
	suite_csv();
	suite_rules();
	suite_ballot();
	suite_diagnostics();
	suite_eligibility();
	suite_forms();
	suite_rubric_form();
	suite_entries_csv();
	suite_assign();
	suite_csv_out();
	suite_package();
	suite_vcode();
	close_case();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}

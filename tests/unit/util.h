/* util.h: helpers shared by the unit suites (rubric text, running a case). */
#ifndef GIAMKHAO_TEST_UTIL_H
#define GIAMKHAO_TEST_UTIL_H

#include "../../scoring/scoring.h"

/* A rubric with fields a and b; BODY adds the remaining keys. */
#define RUBRIC_HEAD                                                            \
	"{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","            \
	"\"title\":{\"vi\":\"Thử\"},"
#define FIELDS_AB                                                              \
	"\"fields\":[{\"id\":\"a\",\"title\":{\"vi\":\"A\"}},"                 \
	"{\"id\":\"b\",\"title\":{\"vi\":\"B\"}}]"
/* The opening of a scores rubric, before its remaining keys. */
#define SCORES_RUBRIC_PREFIX RUBRIC_HEAD "\"mode\":\"scores\"," FIELDS_AB ","
#define SCORES_RUBRIC(body)                                                    \
	RUBRIC_HEAD "\"mode\":\"scores\"," FIELDS_AB "," body "}"
#define BALLOT_RUBRIC(body)                                                    \
	RUBRIC_HEAD "\"mode\":\"ballot\"," FIELDS_AB "," body "}"
/* One criterion x, 0..100 by steps of 0.5. */
#define CRIT_X                                                                 \
	"\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":\"X\"},\"max\":100}]"

/*
 * Parses the rubric and the CSV, computes, and returns the results CSV
 * (free() it), or NULL with `err` set. Fails the current case when the
 * rubric itself does not parse.
 */
char *run_csv(const char *rubric, const char *scores, struct score_error *err);

/* Runs a golden case: the results CSV must be exactly `want`. */
void check_results(const char *rubric, const char *input, const char *want);

/* Runs and returns the JSON results (free() it), or NULL. */
char *run_json(const char *rubric, const char *scores);

#endif

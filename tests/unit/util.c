/* util.c: running a rubric and a scores CSV through the core in-process. */
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "harness.h"
#include "util.h"

static char *
run(const char *rubric, const char *scores, bool json, struct score_error *err)
{
	struct score_error local;
	struct score_rubric *r;
	struct score_input *in;
	struct score_results *res;
	struct buf out;
	char *text;

	if (err == NULL)
		err = &local;
	r = score_rubric_parse(rubric, strlen(rubric), err);
	if (!CHECKF(r != NULL, "rubric: %s (%s)", err->path, err->detail))
		return NULL;
	in = score_csv_read(r, scores, strlen(scores), err);
	if (in == NULL) {
		score_rubric_free(r);
		return NULL;
	}
	res = score_compute(r, in, err);
	buf_init(&out, 1 << 24);
	if (res != NULL && json) {
		struct score_manifest m = { "r", "s" };

		score_results_json(r, in, res, &m, &out);
	} else if (res != NULL) {
		score_results_csv(r, in, res, &out);
	}
	text = res != NULL ? buf_detach(&out, NULL) : NULL;
	buf_release(&out);
	score_results_free(res);
	score_input_free(in);
	score_rubric_free(r);
	return text;
}

char *
run_csv(const char *rubric, const char *scores, struct score_error *err)
{
	return run(rubric, scores, false, err);
}

char *
run_json(const char *rubric, const char *scores)
{
	return run(rubric, scores, true, NULL);
}

void
check_results(const char *rubric, const char *input, const char *want)
{
	struct score_error err;
	char *got = run_csv(rubric, input, &err);

	if (CHECKF(got != NULL, "refused: code %d at %ld:%ld %s (%s)", err.code,
	           err.line, err.column, err.path, err.detail))
		CHECK_STR(got, want);
	free(got);
}

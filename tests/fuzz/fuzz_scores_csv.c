/* fuzz_scores_csv.c: fuzz target for the scores/ballot CSV reader and the
 * whole computation behind it. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two criteria with weights, outliers, quotas; an input starting with 'B'
 * is read (without that byte) against a ballot rubric instead, so both
 * readers are reached. */
static const char scores_rubric[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"F\"},\"mode\":\"scores\",\"fields\":["
    "{\"id\":\"a\",\"title\":{\"vi\":\"A\"}},{\"id\":\"b\",\"title\":"
    "{\"vi\":\"B\"}}],\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":\"X\"},"
    "\"max\":30,\"weight\":1.5},{\"id\":\"y\",\"title\":{\"vi\":\"Y\"},"
    "\"max\":40,\"step\":0.25}],\"aggregate\":{\"method\":\"trimmed\","
    "\"outlier\":{\"rule\":\"percent\",\"limit\":20},\"normalize\":"
    "\"offset\",\"min_judges\":2},\"tie_break\":[\"y\"],\"awards\":{"
    "\"floor\":10,\"tiers\":[{\"id\":\"t1\",\"title\":{\"vi\":\"1\"},"
    "\"min\":50,\"max_count\":1},{\"id\":\"t2\",\"title\":{\"vi\":\"2\"},"
    "\"min\":20,\"max_count\":2}]}}";
static const char ballot_rubric[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"F\"},\"mode\":\"ballot\",\"fields\":["
    "{\"id\":\"a\",\"title\":{\"vi\":\"A\"}}],\"ballot\":{\"rule\":"
    "\"at-least\",\"share\":0.5,\"max_selected\":2}}";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bool ballot = size > 0 && data[0] == 'B';
	const char *json = ballot ? ballot_rubric : scores_rubric;
	struct score_error err;
	struct score_rubric *r = score_rubric_parse(json, strlen(json), &err);
	struct score_input *in;
	struct score_results *res;
	struct buf out;

	if (r == NULL)
		abort();
	if (ballot) {
		data++;
		size--;
	}
	memset(&err, 0, sizeof(err));
	in = score_csv_read(r, (const char *)data, size, &err);
	if (in != NULL) {
		res = score_compute(r, in, &err);
		buf_init(&out, 1 << 26);
		if (res != NULL) {
			score_results_csv(r, in, res, &out);
			score_results_json(r, in, res, NULL, &out);
		}
		buf_release(&out);
		score_results_free(res);
	} else if (err.code == SCORE_OK) {
		abort(); /* a refusal must say why */
	}
	score_input_free(in);
	score_rubric_free(r);
	return 0;
}

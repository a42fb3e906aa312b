/* fuzz_rubric.c: fuzz target for the rubric JSON reader and writer. */
#include <stdint.h>
#include <stdlib.h>

#include "../../common/common.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Property: whatever parses also writes, and the output parses again. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct score_error err;
	struct score_rubric *r, *again;
	struct buf out;

	r = score_rubric_parse((const char *)data, size, &err);
	if (r == NULL)
		return 0;
	buf_init(&out, 1 << 24);
	if (score_rubric_write(r, &out) == 0) {
		again = score_rubric_parse(out.data, out.len, &err);
		if (again == NULL)
			abort();
		score_rubric_free(again);
	}
	buf_release(&out);
	score_rubric_free(r);
	return 0;
}

/* fuzz_sheet_json.c: fuzz target for a judge's save as the tablet sends it
 * (JSON) and as the sheet form posts it: whatever comes in, the reader
 * gives a sheet whose every accepted value is a valid score of its
 * criterion, or errors, and never crashes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/forms.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rubric_json[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"Thử\"},\"mode\":\"scores\","
    "\"fields\":[{\"id\":\"a\",\"title\":{\"vi\":\"A\"}}],"
    "\"criteria\":[{\"id\":\"novelty\",\"title\":{\"vi\":\"Mới\"},"
    "\"max\":30,\"step\":0.5},{\"id\":\"effect\",\"title\":{\"vi\":\"Hiệu "
    "quả\"},\"max\":40,\"step\":0.25,\"weight\":2}]}";

static void
check(const struct score_rubric *r, const struct sheet_post *s)
{
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct score_criterion *c = &r->criteria[i];

		if (!s->given[i])
			continue;
		if (s->points[i] < 0 || s->points[i] > c->max_h ||
		    s->points[i] % c->step_h != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct score_rubric *r;
	struct score_error err;
	struct sheet_post *s = calloc(1, sizeof(*s));
	struct form f = { 0 }, g = { 0 };
	struct form_errors e;
	char why[256];

	if (r == NULL)
		r = score_rubric_parse(rubric_json, strlen(rubric_json), &err);
	if (r == NULL || s == NULL)
		abort();
	/* as JSON from the tablet */
	if (sheet_json_form((const char *)data, size, r, &f, why,
	                    sizeof(why)) == 0 &&
	    sheet_form_read(&f, r, SCORE_LANG_VI, s, &e))
		check(r, s);
	/* as the form the page posts */
	form_parse_urlencoded(&g, (const char *)data, size);
	if (!g.bad && sheet_form_read(&g, r, SCORE_LANG_EN, s, &e))
		check(r, s);
	form_release(&f);
	form_release(&g);
	free(s);
	return 0;
}

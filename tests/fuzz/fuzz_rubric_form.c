/* fuzz_rubric_form.c: fuzz target for the rubric editor's submission: an
 * urlencoded body turned into rubric JSON, which must then be JSON the
 * scoring core can read (accepted or refused with a key path), and every
 * error must name a field. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/forms.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f = { 0 };
	struct form_errors e = { 0 };
	struct score_error err;
	struct score_rubric *r;
	char *json;
	json_t *v;

	form_parse_urlencoded(&f, (const char *)data, size);
	json = rubric_form_json(&f, &e);
	if ((json == NULL) != (e.count > 0))
		abort();
	for (size_t i = 0; i < e.count; i++)
		if (e.field[i] == NULL || form_get(&f, e.field[i]) == NULL)
			abort();
	if (json != NULL) {
		/* the editor writes well-formed JSON; the core then accepts
		 * it or refuses it with a reason (never crashes) */
		if ((v = json_loads(json, 0, NULL)) == NULL)
			abort();
		json_decref(v);
		r = score_rubric_parse(json, strlen(json), &err);
		score_rubric_free(r);
	}
	free(json);
	form_release(&f);
	return 0;
}

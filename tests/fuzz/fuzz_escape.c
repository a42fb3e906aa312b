/* fuzz_escape.c: fuzz target for the HTML escaper and html_fmt's %s. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const entities[] = {
	"&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
};
static const char specials[] = "&<>\"'";

/*
 * Checks the escaper's property on `out`, the escaping of `in`: no raw
 * < > " ', every & starts one of the five entities, and replacing each
 * entity by its character gives back `in` exactly (nothing lost, nothing
 * else changed: UTF-8 and every other byte pass through untouched).
 */
static bool
is_escaping_of(const char *in, const char *out)
{
	while (*out != '\0') {
		size_t k;

		if (strchr("<>\"'", *out) != NULL)
			return false;
		if (*out != '&') {
			if (*out++ != *in++)
				return false;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strncmp(out, entities[k], strlen(entities[k])) == 0)
				break;
		if (k == 5 || *in++ != specials[k])
			return false;
		out += strlen(entities[k]);
	}
	return *in == '\0';
}

/* Property: the output is safe in text and quoted attributes, and exact;
 * html_fmt("%s") gives the same bytes as html_escape. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The escaper takes C strings: the input up to its first NUL. */
	char *in = xstrndup((const char *)data, size);
	struct buf a, b;

	buf_init(&a, (size_t)1 << 26);
	buf_init(&b, (size_t)1 << 26);
	buf_puts(&a, "");
	buf_puts(&b, "");
	html_escape(&a, in);
	html_fmt(&b, "%s", in);
	if (a.overflow || !is_escaping_of(in, a.data))
		abort();
	if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
		abort();
	buf_release(&a);
	buf_release(&b);
	free(in);
	return 0;
}

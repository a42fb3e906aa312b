/* fuzz_card_code.c: fuzz target for the short code of a login card as
 * typed on the login page (anyone may send one): whatever comes in, the
 * reader either refuses it or gives exactly 8 characters of the cards'
 * alphabet, and reading that result again gives it unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = xmalloc(size + 1), out[9], again[9];

	memcpy(typed, data, size);
	typed[size] = '\0';
	if (card_code_read(typed, out)) {
		if (strlen(out) != 8 || strspn(out, card_code_alphabet) != 8)
			abort();
		if (!card_code_read(out, again) || strcmp(out, again) != 0)
			abort();
	}
	free(typed);
	return 0;
}

/* fuzz_png.c: fuzz target for the check every uploaded seal image passes
 * before libharu reads it (png_check): whatever bytes come in, it answers
 * 0 or -1 with a message, and returns (libpng's errors jump back to it
 * instead of aborting). A PNG it accepts must also load in libharu. */
#include <hpdf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../certificates/certificates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *arg)
{
	(void)error;
	(void)detail;
	(void)arg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[160] = "";
	HPDF_Doc doc;

	if (png_check(data, size, err) != 0) {
		if (err[0] == '\0')
			abort(); /* a refusal always says why */
		return 0;
	}
	doc = HPDF_New(on_hpdf_error, NULL);
	if (doc == NULL)
		return 0;
	/* what passed the check may still be a kind libharu refuses (it
	 * answers NULL then); it must not bring the process down */
	(void)HPDF_LoadPngImageFromMem(doc, data, (HPDF_UINT)size);
	HPDF_Free(doc);
	return 0;
}

/* fuzz_vcode.c: fuzz target for reading a certificate's verification
 * code and its short code (anyone may send either, to the server or the
 * command line): whatever comes in, vcode_decode answers well formed,
 * malformed or bad check without reading past the input; a code it reads
 * has a key id and a serial, and encoding and reading it again gives it
 * unchanged. The same for vcode_short_parse and vcode_short. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../certificates/vcode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
long_code(const char *text, size_t size)
{
	struct vcode c, again;
	char out[VCODE_CHARS + 1];
	enum vcode_status st = vcode_decode(text, size, &c);

	if (st == VCODE_MALFORMED || st == VCODE_BAD_CHECK)
		return;
	if (st != VCODE_GENUINE || c.key_id < 1 || c.key_id > 255 ||
	    c.serial == 0)
		abort();
	vcode_encode(&c, out);
	if (strlen(out) != VCODE_CHARS ||
	    vcode_decode(out, VCODE_CHARS, &again) != VCODE_GENUINE ||
	    again.key_id != c.key_id || again.serial != c.serial ||
	    memcmp(again.sig, c.sig, sizeof(c.sig)) != 0)
		abort();
}

static void
short_code(const char *text, size_t size)
{
	int64_t serial = vcode_short_parse(text, size);
	char out[16];

	if (serial == -1)
		return;
	if (serial < 1 || serial > (int64_t)UINT32_MAX)
		abort();
	vcode_short((uint32_t)serial, out);
	if (strlen(out) != VCODE_SHORT_CHARS ||
	    vcode_short_parse(out, strlen(out)) != serial)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* no copy: libFuzzer's buffer is exactly `size` bytes, so ASan
	 * catches a read past it */
	long_code((const char *)data, size);
	short_code((const char *)data, size);
	return 0;
}

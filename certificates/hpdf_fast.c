/* hpdf_fast.c: libharu 2.3.0's own byte copy and fill, replaced. libharu
 * copies and clears memory one byte at a time (HPDF_MemCpy, HPDF_MemSet:
 * every stream write, every font table, the 128 KB glyph map of each font
 * of each document): measured, a fifth of a certificate's time. It calls
 * them through its symbol table, so these definitions in the program
 * take their place (ELF symbol interposition), with the same contracts:
 * each returns the address just past what it wrote. */
#include <hpdf.h>
#include <string.h>

/* libharu's declarations (hpdf_utils.h is not installed) */
HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n);
void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n);

HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n > 0)
		memmove(out, in, n); /* libharu's loop tolerated overlap */
	return out + n;
}

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

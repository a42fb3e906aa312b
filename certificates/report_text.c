/* report_text.c: the results report's texts: checked and NFC-normalised
 * before libharu sees them, in capitals where the form wants them, money
 * and the place and date as Vietnamese documents write them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "report_internal.h"

const char *
report_keep(struct texts *t, char *s)
{
	t->owned = xreallocarray(t->owned, t->n + 1, sizeof(*t->owned));
	t->owned[t->n++] = s;
	return s;
}

/* `s` checked and in NFC ("" when it is not UTF-8, and t->bad is set). */
const char *
report_nfc(struct texts *t, const char *what, const char *s)
{
	char *out = pdf_text(t->pdf, what, s);

	if (out == NULL) {
		t->bad = true;
		return "";
	}
	return report_keep(t, out);
}

/* `s` in capitals or in small letters (Vietnamese letters included). */
const char *
report_cased(struct texts *t, const char *s, casemap_fn map)
{
	size_t len = 0;
	uint8_t *u =
	    map((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &len);
	char *out;

	if (u == NULL)
		return s;
	out = xmalloc(len + 1);
	memcpy(out, u, len);
	out[len] = '\0';
	free(u);
	return report_keep(t, out);
}

const char *
report_upper(struct texts *t, const char *s)
{
	return report_cased(t, s, u8_toupper);
}

void
report_texts_free(struct texts *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->owned[i]);
	free(t->owned);
}

/* 40000000 as "40.000.000 ₫". */
void
report_money(long long v, char *out, size_t size)
{
	char digits[32], grouped[48];
	size_t n, j = 0;
	bool negative = v < 0;

	snprintf(digits, sizeof(digits), "%llu",
	         negative ? 0ULL - (unsigned long long)v
	                  : (unsigned long long)v);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(out, size, "%s%s ₫", negative ? "-" : "", grouped);
}

/* "Hà Giang, ngày 05 tháng 01 năm 2027": days under 10 and the months
 * January and February take a leading zero (Decree 30/2020/NĐ-CP). */
void
report_place_and_date(const struct report *r, const char *province, char *out,
                      size_t size)
{
	snprintf(out, size, "%s%sngày %02d tháng %s%d năm %d", province,
	         province[0] != '\0' ? ", " : "", r->day,
	         r->month <= 2 ? "0" : "", r->month, r->year);
}

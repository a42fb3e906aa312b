/* report_internal.h: what the parts of the results report share: its
 * sizes, its texts (checked, in NFC, freed together) and the vote count
 * minutes of a ballot. */
#ifndef GIAMKHAO_REPORT_INTERNAL_H
#define GIAMKHAO_REPORT_INTERNAL_H

#include <stdint.h>
#include <uninorm.h>

#include "pdf_internal.h"

#define TEXT_SIZE  10.5f
#define TABLE_SIZE 9.5f
#define SIGN_ROW   MM(13)

/* The report's texts in NFC, owned here and freed together. */
struct texts {
	struct pdf *pdf;
	char **owned;
	size_t n;
	bool bad; /* a text was not UTF-8: pdf->err names it */
};

typedef uint8_t *(*casemap_fn)(const uint8_t *s, size_t n,
                               const char *iso639_language, uninorm_t nf,
                               uint8_t *resultbuf, size_t *lengthp);

/* Takes `s` (allocated) into the texts; returns it. */
const char *report_keep(struct texts *t, char *s);
/* `s` checked and in NFC ("" when it is not UTF-8, and t->bad is set). */
const char *report_nfc(struct texts *t, const char *what, const char *s);
/* `s` in capitals or in small letters (Vietnamese letters included). */
const char *report_cased(struct texts *t, const char *s, casemap_fn map);
const char *report_upper(struct texts *t, const char *s);
void report_texts_free(struct texts *t);
/* 40000000 as "40.000.000 ₫". */
void report_money(long long v, char *out, size_t size);
/* "Hà Giang, ngày 05 tháng 01 năm 2027" for the report's date. */
void report_place_and_date(const struct report *r, const char *province,
                           char *out, size_t size);
/* A ballot's minutes (biên bản kiểm phiếu): the counts, the rule, each
 * dossier's tally and share, and how many are selected. */
void report_vote_count(struct pdf_flow *f, struct texts *t,
                       const struct report *r);

#endif

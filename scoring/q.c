/* q.c: exact rationals: parsing, formatting and half-up rounding. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

int64_t
gcd64(int64_t a, int64_t b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

i128
gcd128(i128 a, i128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		i128 t = a % b;

		a = b;
		b = t;
	}
	return a;
}

struct score_q
q_make(int64_t num, int64_t den)
{
	struct score_q q;
	int64_t g;

	if (den < 0) {
		num = -num;
		den = -den;
	}
	g = gcd64(num, den);
	if (g > 1) {
		num /= g;
		den /= g;
	}
	q.num = num;
	q.den = den;
	return q;
}

int64_t
pow10_i64(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

int
cmp_frac(i128 a, i128 b, i128 c, i128 d)
{
	i128 l = a * d, r = c * b;

	return l < r ? -1 : l > r ? 1 : 0;
}

/*
 * Half away from zero: |num|/den = whole + rem/den; the fraction rounds to
 * (2·rem·10^d + den) / (2·den). The usual operands are small (den is 100
 * times a sheet count), so 64-bit division does it; larger denominators
 * (exact offset normalisation) take 128 bits, digit by digit when even
 * 2·rem·10^d would not fit. Callers keep den below ROUND_MAX_DEN.
 */
int64_t
round_half_up(i128 num, i128 den, int decimals)
{
	i128 mag = num < 0 ? -num : num;
	int64_t scale = pow10_i64(decimals);
	i128 whole, rem;

	/* 64-bit bounds: an i128 division here would cost a library call */
	if (mag < (INT64_C(1) << 62) / (2 * scale) &&
	    den < (INT64_C(1) << 61)) {
		/* the usual case: one 64-bit division */
		int64_t m = (int64_t)mag, d = (int64_t)den;
		int64_t w = (2 * m * scale + d) / (2 * d);

		return num < 0 ? -w : w;
	}
	whole = mag / den;
	rem = mag % den;
	if (den < (INT64_C(1) << 62) / (2 * scale)) {
		int64_t r = (int64_t)rem, d = (int64_t)den;

		whole = whole * scale + (2 * r * scale + d) / (2 * d);
	} else if (den < ((((i128)1 << 125) / scale) >> 1)) {
		whole = whole * scale + (2 * rem * scale + den) / (2 * den);
	} else {
		for (int i = 0; i < decimals; i++) {
			rem *= 10;
			whole = whole * 10 + rem / den;
			rem %= den;
		}
		whole += 2 * rem >= den;
	}
	return (int64_t)(num < 0 ? -whole : whole);
}

int
score_q_parse(const char *s, struct score_q *out)
{
	int64_t num = 0, den = 1;
	int before = 0, after = 0;
	const char *p = s;

	/* digits, then optionally a point and more digits: "27", "27.5" */
	for (; *p >= '0' && *p <= '9'; p++, before++) {
		if (num > (INT64_MAX - 9) / 10)
			return -1;
		num = num * 10 + (*p - '0');
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, after++) {
			if (num > (INT64_MAX - 9) / 10 || after == 12)
				return -1;
			num = num * 10 + (*p - '0');
			den *= 10;
		}
	if (*p != '\0' || before == 0 || (p[-1] == '.'))
		return -1;
	*out = q_make(num, den);
	return 0;
}

/* True when den has no prime factors other than 2 and 5. */
static bool
is_terminating(int64_t den)
{
	while (den % 2 == 0)
		den /= 2;
	while (den % 5 == 0)
		den /= 5;
	return den == 1;
}

void
score_q_format(struct score_q q, char *out, size_t size)
{
	int places = 0;
	int64_t scaled;

	if (is_terminating(q.den)) {
		while (places < 18 && pow10_i64(places) % q.den != 0)
			places++;
	} else {
		places = 6;
	}
	scaled = round_half_up(q.num, q.den, places);
	score_fixed_format(scaled, places, out, size);
}

void
score_fixed_format(int64_t scaled, int decimals, char *out, size_t size)
{
	int64_t scale = pow10_i64(decimals);
	uint64_t mag =
	    scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
	/* No "-0.00": a value that rounds to zero prints as zero. */
	const char *sign = scaled < 0 ? "-" : "";

	if (decimals == 0) {
		snprintf(out, size, "%s%llu", sign, (unsigned long long)mag);
		return;
	}
	snprintf(out, size, "%s%llu.%0*llu", sign,
	         (unsigned long long)(mag / (uint64_t)scale), decimals,
	         (unsigned long long)(mag % (uint64_t)scale));
}

/* test_numbers.c: exact decimals, half-up rounding, fixed formatting. */
#include <string.h>

#include "../../scoring/internal.h"
#include "harness.h"

struct round_case {
	int64_t num, den;
	int decimals;
	int64_t want;
};

static const struct round_case rounds[] = {
	{ 16970, 200, 1, 849 },   /* 84.85 -> 84.9 */
	{ 16969, 200, 1, 848 },   /* 84.845 -> 84.8 */
	{ -16970, 200, 1, -849 }, /* away from zero */
	{ 1, 3, 2, 33 },          /* 0.333.. */
	{ 2, 3, 4, 6667 },        /* 0.6666.. */
	{ 1, 2, 0, 1 },           /* 0.5 -> 1 */
	{ -1, 2, 0, -1 },         /* -0.5 -> -1 */
	{ -1, 3, 0, 0 },          /* -0.33 -> 0 */
	{ 5, 1000, 2, 1 },        /* 0.005 -> 0.01 */
	{ 4999, 1000000, 2, 0 },  /* 0.004999 -> 0.00 */
	{ 123456789, 1, 6, 123456789000000 },
};

struct parse_case {
	const char *text;
	int rc;
	int64_t num, den;
};

static const struct parse_case parses[] = {
	{ "27", 0, 27, 1 },
	{ "27.5", 0, 55, 2 },
	{ "27.50", 0, 55, 2 },
	{ ".5", -1, 0, 0 },
	{ "5.", -1, 0, 0 },
	{ "0.5", 0, 1, 2 },
	{ "0.125", 0, 1, 8 },
	{ "", -1, 0, 0 },
	{ ".", -1, 0, 0 },
	{ "-1", -1, 0, 0 },
	{ "1e2", -1, 0, 0 },
	{ "1.2.3", -1, 0, 0 },
	{ " 1", -1, 0, 0 },
	{ "99999999999999999999", -1, 0, 0 },
	{ "0.0000000000001", -1, 0, 0 },
};

struct format_case {
	int64_t scaled;
	int decimals;
	const char *want;
};

static const struct format_case formats[] = {
	{ 8490, 2, "84.90" }, { 85, 0, "85" },  { 5, 3, "0.005" },
	{ -5, 2, "-0.05" },   { 0, 2, "0.00" }, { 10000, 4, "1.0000" },
};

void
suite_numbers(void)
{
	char text[64];

	for (size_t i = 0; i < sizeof(rounds) / sizeof(rounds[0]); i++) {
		const struct round_case *c = &rounds[i];

		t_case("round half up %lld/%lld to %d places",
		       (long long)c->num, (long long)c->den, c->decimals);
		CHECK_INT(round_half_up(c->num, c->den, c->decimals), c->want);
	}
	for (size_t i = 0; i < sizeof(parses) / sizeof(parses[0]); i++) {
		struct score_q q = { 0, 0 };

		t_case("parse decimal \"%s\"", parses[i].text);
		CHECK_INT(score_q_parse(parses[i].text, &q), parses[i].rc);
		if (parses[i].rc == 0) {
			CHECK_INT(q.num, parses[i].num);
			CHECK_INT(q.den, parses[i].den);
		}
	}
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		t_case("fixed format %lld at %d places",
		       (long long)formats[i].scaled, formats[i].decimals);
		score_fixed_format(formats[i].scaled, formats[i].decimals, text,
		                   sizeof(text));
		CHECK_STR(text, formats[i].want);
	}
	t_case("q format: terminating and repeating decimals");
	score_q_format(q_make(1, 8), text, sizeof(text));
	CHECK_STR(text, "0.125");
	score_q_format(q_make(2, 3), text, sizeof(text));
	CHECK_STR(text, "0.666667");
	score_q_format(q_make(-30, 1), text, sizeof(text));
	CHECK_STR(text, "-30");
}

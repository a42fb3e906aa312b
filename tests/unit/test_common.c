/* test_common.c: the capped buffer and the hash maps. */
#include <stdio.h>
#include <string.h>

#include "../../common/common.h"
#include "../../scoring/scoring.h"
#include "harness.h"

static void
test_buf(void)
{
	struct buf b;

	t_case("buf: appends, formats and refuses to pass its cap");
	buf_init(&b, 8);
	CHECK_INT(buf_puts(&b, "abcd"), 0);
	CHECK_INT(buf_printf(&b, "%d", 123), 0);
	CHECK_STR(b.data, "abcd123");
	CHECK_INT(buf_puts(&b, "xy"), -1);
	CHECK(b.overflow);
	CHECK_STR(b.data, "abcd123");
	CHECK_INT(buf_putc(&b, 'z'), 0);
	CHECK_INT(b.len, 8);
	buf_release(&b);
}

static void
test_maps(void)
{
	struct strmap s;
	struct pairmap p;
	char key[32];
	bool ok = true;

	t_case("strmap and pairmap: insert, grow, look up");
	strmap_init(&s);
	pairmap_init(&p);
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		strmap_put(&s, key, i);
		pairmap_put(&p, i, i * 7, i);
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		ok = ok && strmap_get(&s, key) == i &&
		     pairmap_get(&p, i, i * 7) == i;
	}
	CHECK(ok);
	CHECK_INT(strmap_get(&s, "absent"), -1);
	CHECK_INT(pairmap_get(&p, 1, 1), -1);
	CHECK_INT(s.count, 5000);
	strmap_release(&s);
	pairmap_release(&p);
}

/* Values quoted in errors: control characters escaped, long values cut
 * at a character boundary. */
static void
test_error_values(void)
{
	struct score_error err;
	char long_value[600];

	t_case("errors: quoted values are escaped and cut cleanly");
	score_error_set(&err, SCORE_E_VOTE, "vote", "a\nb\x1b[31m", NULL);
	CHECK_STR(err.detail, "a\\x0ab\\x1b[31m");
	for (size_t i = 0; i + 2 < sizeof(long_value); i += 2)
		memcpy(long_value + i, "\xc4\x91", 2); /* đ */
	long_value[sizeof(long_value) - 2] = '\0';
	score_error_set(&err, SCORE_E_VOTE, "vote", long_value, NULL);
	CHECK(strlen(err.detail) < sizeof(err.detail));
	CHECK(score_utf8_invalid_at(err.detail, strlen(err.detail)) < 0);
	CHECK(strcmp(err.detail + strlen(err.detail) - 3, "…") == 0);
}

void
suite_common(void)
{
	test_buf();
	test_maps();
	test_error_values();
}

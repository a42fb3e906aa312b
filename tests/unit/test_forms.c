/* test_forms.c: the HTML escaper, html_fmt, the message table, page frames
 * and urlencoded form parsing. */
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../forms/forms.h"
#include "harness.h"

struct escape_case {
	const char *in;
	const char *want;
};

static const struct escape_case escapes[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "&", "&amp;" },
	{ "<", "&lt;" },
	{ ">", "&gt;" },
	{ "\"", "&quot;" },
	{ "'", "&#39;" },
	{ "a<b>&\"'c", "a&lt;b&gt;&amp;&quot;&#39;c" },
	{ "&amp;", "&amp;amp;" },
	{ "<script>alert(1)</script>",
	  "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "\" onmouseover=\"x", "&quot; onmouseover=&quot;x" },
	/* UTF-8 passes through untouched, bytes >= 0x80 included. */
	{ "Giám khảo Đặng Thị Hương", "Giám khảo Đặng Thị Hương" },
	{ "Nhất & Nhì <Ba>", "Nhất &amp; Nhì &lt;Ba&gt;" },
	{ "\xff\xfe<", "\xff\xfe&lt;" },
};

static char *
escaped(const char *s)
{
	struct buf b;
	char *out;

	buf_init(&b, 1 << 20);
	buf_puts(&b, ""); /* so that detach returns "" for NULL input */
	html_escape(&b, s);
	out = buf_detach(&b, NULL);
	return out;
}

static void
test_escape_cases(void)
{
	t_case("html_escape: every special character, UTF-8 untouched");
	for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		char *out = escaped(escapes[i].in);

		CHECK_STR(out, escapes[i].want);
		free(out);
	}
	t_case("html_escape: NULL prints nothing");
	{
		char *out = escaped(NULL);

		CHECK_STR(out, "");
		free(out);
	}
}

static const char *const entity_names[] = {
	"&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
};
static const char entity_chars[] = "&<>\"'";

/*
 * The escaper's property: no raw < > " ', every & starts one of our five
 * entities, and decoding those gives back the input exactly.
 */
static bool
escape_property(const char *in, const char *out)
{
	const char *p = out;

	while (*p != '\0') {
		size_t k;

		if (strchr("<>\"'", *p) != NULL)
			return false;
		if (*p != '&') {
			if (*p++ != *in++)
				return false;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strncmp(p, entity_names[k],
			            strlen(entity_names[k])) == 0)
				break;
		if (k == 5 || *in++ != entity_chars[k])
			return false;
		p += strlen(entity_names[k]);
	}
	return *in == '\0';
}

static void
test_escape_property(void)
{
	uint64_t x = 0x9e3779b97f4a7c15u;
	char in[64];
	bool ok = true;

	t_case("html_escape: property over 20000 pseudo-random strings");
	for (int n = 0; n < 20000 && ok; n++) {
		size_t len = (size_t)(n % 63);

		for (size_t i = 0; i < len; i++) {
			/* An LCG (Knuth's MMIX constants): reproducible. */
			x = x * 6364136223846793005u + 1442695040888963407u;
			in[i] = (char)(x >> 56);
			if (in[i] == '\0' || (x >> 40 & 3) == 0)
				in[i] = entity_chars[(x >> 33) % 5];
		}
		in[len] = '\0';
		{
			char *out = escaped(in);

			ok = CHECKF(escape_property(in, out),
			            "property fails for input %zu", (size_t)n);
			free(out);
		}
	}
}

static void
test_fmt(void)
{
	struct buf b;

	t_case("html_fmt: %%s escapes, %%R is raw, %%d, %%lld, %%%%");
	buf_init(&b, 1 << 16);
	html_fmt(&b, "<p class=\"%R\">%s</p>", "note", "<b>&'\"");
	CHECK_STR(b.data, "<p class=\"note\">&lt;b&gt;&amp;&#39;&quot;</p>");
	buf_reset(&b);
	html_fmt(&b, "%d|%d|%lld|%lld", -42, INT_MAX, LLONG_MIN, 7LL);
	CHECK_STR(b.data, "-42|2147483647|-9223372036854775808|7");
	buf_reset(&b);
	html_fmt(&b, "100%% [%s][%R] done", (const char *)NULL,
	         (const char *)NULL);
	CHECK_STR(b.data, "100% [][] done");
	buf_reset(&b);
	html_fmt(&b, "%s%s", "Điểm", " Ưu");
	CHECK_STR(b.data, "Điểm Ưu");
	buf_reset(&b);
	html_fmt(&b, "no directives");
	CHECK_STR(b.data, "no directives");
	buf_release(&b);
}

/* Runs html_fmt(fmt) in a child process: true when it aborted. */
static bool
fmt_aborts(const char *fmt)
{
	pid_t pid = fork();
	int status = 0;

	if (pid < 0)
		return false;
	if (pid == 0) {
		struct buf b;

		buf_init(&b, 1024);
		html_fmt(&b, fmt, 1, 2, 3);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return false;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static const char *const bad_fmts[] = {
	"%x", "%u", "%", "trailing %", "%l", "%ld", "%lli", "%5d", "%S",
};

static void
test_fmt_unknown(void)
{
	t_case("html_fmt: an unknown directive aborts");
	for (size_t i = 0; i < sizeof(bad_fmts) / sizeof(bad_fmts[0]); i++)
		CHECKF(fmt_aborts(bad_fmts[i]), "\"%s\" did not abort",
		       bad_fmts[i]);
	CHECK(!fmt_aborts("%d ok"));
}

/*
 * An urlencoded body, whether it is refused (bad), and its fields as
 * "name=value" lines (the fields kept even when the form is bad).
 */
struct form_case {
	const char *in;
	bool bad;
	const char *want;
};

static const struct form_case form_cases[] = {
	{ "", false, "" },
	{ "a=1&b=2", false, "a=1\nb=2\n" },
	{ "q=hello+world", false, "q=hello world\n" },
	{ "k=%41%42%2b%2B%20%7e", false, "k=AB++ ~\n" },
	{ "%6B%65y=v", false, "key=v\n" },
	{ "a+b=c", false, "a b=c\n" },
	{ "a=&b=", false, "a=\nb=\n" },
	{ "flag", false, "flag=\n" },
	{ "=v", false, "=v\n" },
	{ "a=b=c", false, "a=b=c\n" },
	{ "a=1&a=2", false, "a=1\na=2\n" },
	{ "a=1&&b=2&", false, "a=1\nb=2\n" },
	{ "&&&", false, "" },
	{ "t=Gi%C3%A1m+kh%E1%BA%A3o", false, "t=Giám khảo\n" },
	/* Decomposed "Việt" (e + U+0302 + U+0323) and "ă" come out NFC. */
	{ "n=Vie%CC%82%CC%A3t", false, "n=Việt\n" },
	{ "n=a%CC%86", false, "n=ă\n" },
	{ "e%CC%81=1", false, "é=1\n" },
	{ "x=%G1", true, "" },
	{ "x=%1G", true, "" },
	{ "x=%", true, "" },
	{ "x=%4", true, "" },
	{ "%=x", true, "" },
	{ "x=%C3%28", true, "" },
	{ "x=%C3", true, "" },
	{ "x=%ED%A0%80", true, "" }, /* a UTF-16 surrogate */
	{ "x=%C0%AF", true, "" },    /* an overlong '/' */
	{ "x=\xff", true, "" },
	{ "x=%00", true, "" },
	{ "x=a%00b", true, "" },
	{ "%00=x", true, "" },
	{ "a=1&x=%G1&b=2", true, "a=1\nb=2\n" },
};

static char *
form_dump(const struct form *f)
{
	struct buf b;

	buf_init(&b, 1 << 20);
	buf_puts(&b, "");
	for (size_t i = 0; i < f->count; i++)
		buf_printf(&b, "%s=%s\n", f->fields[i].name,
		           f->fields[i].value);
	return buf_detach(&b, NULL);
}

static void
test_urlencoded(void)
{
	for (size_t i = 0; i < sizeof(form_cases) / sizeof(form_cases[0]);
	     i++) {
		const struct form_case *c = &form_cases[i];
		struct form f = { 0 };
		char *dump;

		t_case("form_parse_urlencoded: \"%s\"", c->in);
		form_parse_urlencoded(&f, c->in, strlen(c->in));
		CHECK_INT(f.bad, c->bad);
		dump = form_dump(&f);
		CHECK_STR(dump, c->want);
		for (size_t k = 0; k < f.count; k++)
			CHECK_INT(f.fields[k].len, strlen(f.fields[k].value));
		free(dump);
		form_release(&f);
	}
}

static void
test_form_get(void)
{
	struct form f = { 0 };

	t_case("form_get: the first value of a repeated key, NULL if absent");
	form_parse_urlencoded(&f, "a=1&b=&a=2", 10);
	CHECK_STR(form_get(&f, "a"), "1");
	CHECK_STR(form_get(&f, "b"), "");
	CHECK(form_get(&f, "c") == NULL);
	t_case("form_parse_urlencoded: appends, and stops at the length");
	form_parse_urlencoded(&f, "c=3&d=4", 3);
	CHECK_INT(f.count, 4);
	CHECK_STR(form_get(&f, "c"), "3");
	CHECK(form_get(&f, "d") == NULL);
	form_release(&f);
	CHECK_INT(f.count, 0);
	CHECK(f.fields == NULL);
}

static void
test_form_add(void)
{
	struct form f = { 0 };

	t_case("form_add: copies, NFC-normalises, refuses NUL and bad UTF-8");
	form_add(&f, "name", "Nguye\xcc\x82\xcc\x83n", 10);
	CHECK(!f.bad);
	CHECK_STR(form_get(&f, "name"), "Nguyễn");
	CHECK_INT(f.fields[0].len, strlen("Nguyễn"));
	form_add(&f, "nul", "a\0b", 3);
	CHECK(f.bad);
	CHECK(form_get(&f, "nul") == NULL);
	f.bad = false;
	form_add(&f, "x\xc3", "v", 1);
	CHECK(f.bad);
	f.bad = false;
	form_add(&f, "cut", "abcdef", 3);
	CHECK_STR(form_get(&f, "cut"), "abc");
	CHECK(!f.bad);
	form_release(&f);
}

static void
test_form_limit(void)
{
	struct buf b;
	struct form f = { 0 };

	t_case("form_parse_urlencoded: 1000 fields pass, 1001 are refused");
	buf_init(&b, 1 << 20);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%sf%d=%d", i > 0 ? "&" : "", i, i);
	form_parse_urlencoded(&f, b.data, b.len);
	CHECK(!f.bad);
	CHECK_INT(f.count, 1000);
	CHECK_STR(form_get(&f, "f999"), "999");
	form_release(&f);
	buf_puts(&b, "&one=more");
	form_parse_urlencoded(&f, b.data, b.len);
	CHECK(f.bad);
	CHECK_INT(f.count, 1000);
	CHECK(form_get(&f, "one") == NULL);
	form_release(&f);
	buf_release(&b);
}

static void
test_form_errors(void)
{
	struct form_errors e = { 0 };

	t_case("form_error: the first error of a field is kept, by name");
	form_error(&e, "title", MSG_ERR_REQUIRED);
	form_error(&e, "year_from", MSG_ERR_NUMBER);
	form_error(&e, "title", MSG_ERR_TOO_LONG);
	CHECK_INT(e.count, 2);
	CHECK_INT(form_error_for(&e, "title"), MSG_ERR_REQUIRED);
	CHECK_INT(form_error_for(&e, "year_from"), MSG_ERR_NUMBER);
	CHECK_INT(form_error_for(&e, "year_to"), MSG__MAX);
	CHECK_INT(form_error_for(&e, NULL), MSG__MAX);
	form_error(&e, NULL, MSG_CSRF);
	CHECK_INT(form_error_for(&e, NULL), MSG_CSRF);
	t_case("form_error: past 32 errors they are dropped, not overflowed");
	{
		/* form_errors borrows the names: they must outlive it. */
		static char names[40][16];

		for (int i = 0; i < 40; i++) {
			snprintf(names[i], sizeof(names[i]), "f%d", i);
			form_error(&e, names[i], MSG_ERR_RANGE);
		}
		CHECK_INT(e.count, 32);
		CHECK_INT(form_error_for(&e, "f28"), MSG_ERR_RANGE);
		CHECK_INT(form_error_for(&e, "f29"), MSG__MAX);
		CHECK_INT(form_error_for(&e, "title"), MSG_ERR_REQUIRED);
	}
}

/* A non-NULL, non-empty text in valid UTF-8 and NFC. */
static bool
is_good_text(const char *s)
{
	char *nfc;
	bool ok;

	if (s == NULL || s[0] == '\0' ||
	    score_utf8_invalid_at(s, strlen(s)) >= 0)
		return false;
	nfc = score_nfc(s, strlen(s));
	ok = nfc != NULL && strcmp(nfc, s) == 0;
	free(nfc);
	return ok;
}

static void
test_text_complete(void)
{
	t_case("T(): every message in every language, UTF-8, NFC");
	for (int m = 0; m < MSG__MAX; m++)
		for (int l = 0; l < SCORE_LANG__MAX; l++)
			CHECKF(is_good_text(T((enum score_lang)l, (enum msg)m)),
			       "message %d, language %d", m, l);
	CHECK_STR(T(SCORE_LANG_VI, MSG_EDITIONS), "Các kỳ thi, giải thưởng");
	CHECK_STR(T(SCORE_LANG_VI, MSG_STATUS_404), "Không tìm thấy trang");
	CHECK_STR(T(SCORE_LANG_EN, MSG_APP_NAME), "giamkhao");
	CHECK_STR(T(SCORE_LANG_VI, MSG__MAX), "");
}

static const char *const levels[] = { "district", "province", "national" };
static const char *const roles[] = { "admin", "organiser", "judge", "chair" };

/* Every known value has a real name (not itself) in both languages. */
static void
check_named(const char *(*name)(enum score_lang, const char *),
            const char *value)
{
	for (int l = 0; l < SCORE_LANG__MAX; l++) {
		const char *s = name((enum score_lang)l, value);

		CHECKF(is_good_text(s) && strcmp(s, value) != 0,
		       "no name for \"%s\" in language %d", value, l);
	}
}

static void
test_names(void)
{
	t_case("name_*: every program, level, state and role is named");
	for (int i = 0; i < SCORE_PROGRAM__MAX; i++)
		check_named(name_program, score_program_names[i]);
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		check_named(name_level, levels[i]);
	for (size_t i = 0; edition_states[i] != NULL; i++)
		check_named(name_state, edition_states[i]);
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		check_named(name_role, roles[i]);
	CHECK_STR(name_program(SCORE_LANG_VI, "technical-innovation"),
	          "Hội thi Sáng tạo Kỹ thuật");
	CHECK_STR(name_level(SCORE_LANG_VI, "province"), "Cấp tỉnh");
	CHECK_STR(name_state(SCORE_LANG_VI, "eligibility"), "Sơ khảo");
	CHECK_STR(name_role(SCORE_LANG_EN, "chair"), "Panel chair");

	t_case("name_*: an unknown value is shown as itself, NULL as \"\"");
	CHECK_STR(name_program(SCORE_LANG_VI, "robotics"), "robotics");
	CHECK_STR(name_level(SCORE_LANG_EN, "school"), "school");
	CHECK_STR(name_state(SCORE_LANG_VI, "archived"), "archived");
	CHECK_STR(name_role(SCORE_LANG_EN, ""), "");
	CHECK_STR(name_role(SCORE_LANG_VI, NULL), "");
	CHECK_STR(name_level(SCORE_LANG_VI, "Province"), "Province");
}

static void
test_states(void)
{
	static const char *const order[] = {
		"draft",   "receiving", "eligibility", "judging",
		"results", "posted",    "decided",     "closed",
	};
	const size_t n = sizeof(order) / sizeof(order[0]);

	t_case("edition_states: the lifecycle in order; next state");
	for (size_t i = 0; i < n; i++) {
		if (!CHECK(edition_states[i] != NULL))
			return;
		CHECK_STR(edition_states[i], order[i]);
		if (i + 1 < n)
			CHECK_STR(edition_next_state(order[i]), order[i + 1]);
	}
	CHECK(edition_states[n] == NULL);
	CHECK(edition_next_state("closed") == NULL);
	CHECK(edition_next_state("archived") == NULL);
	CHECK(edition_next_state(NULL) == NULL);
}

/* Inline script or style would break under the CSP; so would handlers. */
static bool
has_inline_code(const char *html)
{
	const char *p;

	if (strstr(html, " style=") != NULL || strstr(html, "<style") != NULL)
		return true;
	for (p = html; (p = strstr(p, "<script")) != NULL; p++)
		if (strncmp(p, "<script src=", 12) != 0)
			return true;
	for (p = html; (p = strstr(p, " on")) != NULL; p++) {
		const char *q = p + 3;

		while (*q >= 'a' && *q <= 'z')
			q++;
		if (q > p + 3 && *q == '=')
			return true;
	}
	return false;
}

static char *
render_frame(const struct page *p)
{
	struct buf b;

	buf_init(&b, 1 << 20);
	page_begin(&b, p);
	buf_puts(&b, "<p>body</p>\n");
	page_end(&b, p);
	return buf_detach(&b, NULL);
}

static void
test_page_anonymous(void)
{
	struct page p = { .lang = SCORE_LANG_VI,
		          .title = "Đăng nhập",
		          .path = "/login" };
	char *html = render_frame(&p);

	t_case("page_begin/page_end: an anonymous Vietnamese page");
	CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"vi\">", 31) == 0);
	CHECK(strstr(html, "<meta charset=\"utf-8\">") != NULL);
	CHECK(strstr(html, "<meta name=\"viewport\" content=\"width=device-"
	                   "width, initial-scale=1\">") != NULL);
	CHECK(strstr(html, "href=\"/static/app.css\"") != NULL);
	CHECK(strstr(html, "<title>Đăng nhập – Giám khảo</title>") != NULL);
	CHECK(strstr(html, "href=\"/login?lang=en\"") != NULL);
	CHECK(strstr(html, ">English</a>") != NULL);
	CHECK(strstr(html, "/logout") == NULL);
	CHECK(strstr(html, "<p>body</p>\n</main>\n</body>\n</html>\n") != NULL);
	CHECK(!has_inline_code(html));
	CHECK(score_utf8_invalid_at(html, strlen(html)) < 0);
	free(html);
}

static void
test_page_user(void)
{
	struct page p = { .lang = SCORE_LANG_EN,
		          .title = "<Results> & \"co\"",
		          .user = "Nguyễn <Văn> A",
		          .role = "organiser",
		          .csrf = "tok\"><script>x</script>",
		          .path = "/editions?id=3&lang=en&x=1" };
	char *html = render_frame(&p);

	t_case("page_begin: a logged-in English page, everything escaped");
	CHECK(strstr(html, "<html lang=\"en\">") != NULL);
	CHECK(strstr(html, "<title>&lt;Results&gt; &amp; &quot;co&quot; – "
	                   "giamkhao</title>") != NULL);
	CHECK(strstr(html, "Nguyễn &lt;Văn&gt; A") != NULL);
	CHECK(strstr(html, ">Organiser<") != NULL);
	CHECK(strstr(html, "<form class=\"logout\" method=\"post\" "
	                   "action=\"/logout\">") != NULL);
	CHECK(strstr(html,
	             "<input type=\"hidden\" name=\"csrf\" value=\""
	             "tok&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">") != NULL);
	CHECK(strstr(html, ">Log out</button>") != NULL);
	CHECK(strstr(html, "href=\"/editions?id=3&amp;x=1&amp;lang=vi\"") !=
	      NULL);
	CHECK(strstr(html, ">Tiếng Việt</a>") != NULL);
	CHECK(!has_inline_code(html));
	free(html);
}

struct switch_case {
	const char *path;
	const char *want;
};

static const struct switch_case switches[] = {
	{ NULL, "href=\"/?lang=en\"" },
	{ "", "href=\"/?lang=en\"" },
	{ "//evil.example/x", "href=\"/?lang=en\"" },
	{ "/\\evil.example", "href=\"/?lang=en\"" },
	{ "javascript:alert(1)", "href=\"/?lang=en\"" },
	{ "/a?lang=vi", "href=\"/a?lang=en\"" },
	{ "/a?", "href=\"/a?lang=en\"" },
	{ "/a\"b", "href=\"/a&quot;b?lang=en\"" },
};

static void
test_page_switch(void)
{
	t_case("page_begin: the language switch stays on this site");
	for (size_t i = 0; i < sizeof(switches) / sizeof(switches[0]); i++) {
		struct page p = { .lang = SCORE_LANG_VI,
			          .path = switches[i].path };
		char *html = render_frame(&p);

		CHECKF(strstr(html, switches[i].want) != NULL, "path %s",
		       switches[i].path ? switches[i].path : "(null)");
		free(html);
	}
}

static void
test_page_error(void)
{
	static const struct {
		int status;
		enum msg msg;
	} statuses[] = {
		{ 400, MSG_STATUS_400 }, { 403, MSG_STATUS_403 },
		{ 404, MSG_STATUS_404 }, { 405, MSG_STATUS_405 },
		{ 413, MSG_STATUS_413 }, { 429, MSG_STATUS_429 },
		{ 500, MSG_STATUS_500 }, { 503, MSG_STATUS_503 },
		{ 418, MSG_STATUS_400 }, { 502, MSG_STATUS_500 },
	};

	t_case("page_error: a whole page per status, with a way home");
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		struct page p = { .lang = SCORE_LANG_VI, .path = "/x" };
		struct buf b;
		const char *h = T(SCORE_LANG_VI, statuses[i].msg);

		buf_init(&b, 1 << 20);
		page_error(&b, &p, statuses[i].status);
		CHECK(strncmp(b.data, "<!DOCTYPE html>", 15) == 0);
		CHECKF(strstr(b.data, h) != NULL, "status %d",
		       statuses[i].status);
		CHECK(strstr(b.data, "Về trang chủ</a>") != NULL);
		CHECK(strstr(b.data, "</html>\n") != NULL);
		CHECK(!has_inline_code(b.data));
		buf_release(&b);
	}
}

void
suite_forms(void)
{
	test_escape_cases();
	test_escape_property();
	test_fmt();
	test_fmt_unknown();
	test_urlencoded();
	test_form_get();
	test_form_add();
	test_form_limit();
	test_form_errors();
	test_text_complete();
	test_names();
	test_states();
	test_page_anonymous();
	test_page_user();
	test_page_switch();
	test_page_error();
}

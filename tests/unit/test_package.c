/* test_package.c: the forwarding package: its result line, the round trip
 * of entries through the writer and the import, the version marker's
 * check (table-driven), and the limit of the prior awards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../forms/entries_csv.h"
#include "harness.h"

#define BOM "\xEF\xBB\xBF"
#define HDR                                                                                        \
	"Mã hồ sơ,\"Tên giải pháp, sản phẩm\",Lĩnh vực,Tóm tắt,Đơn vị dự " \
	"thi,\"Huyện, xã\",Áp dụng từ ngày,Nơi áp dụng,Giải thưởng đã "        \
	"đạt,Họ và tên,Ngày sinh,Dân tộc,\"Trường, đơn vị công tác\",Vai "     \
	"trò\r\n"

/* Two fields, one whose title holds a comma (the package writes titles). */
static const char rubric_json[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"F\"},\"mode\":\"scores\",\"fields\":["
    "{\"id\":\"ict\",\"title\":{\"vi\":\"Công nghệ thông tin, điện tử\"}},"
    "{\"id\":\"health\",\"title\":{\"vi\":\"Y dược\"}}],"
    "\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":\"X\"},\"max\":30}]}";

/* What the level below imported: values a spreadsheet would run as
 * formulas, quotes, commas, line breaks, a leading ', every role. */
static const char source_csv[] = BOM HDR
    "-HS_1,\"=SUM(A1) \"\"máy\"\", mới\",ict,\"dòng một\r\ndòng hai, "
    "có dấu phẩy\",+84 Hợp tác xã,@Xã Ngọc Đường,01/09/2024,'Vườn "
    "trường,\"Giải Nhì cấp trường 2024\nGiải Ba cấp huyện 2023\","
    "Nguyễn Văn An,15/03/2008,Tày,Trường THPT Chuyên,Tác giả\r\n"
    "-HS_1,,,,,,,,,Lò Thị Mai,,Dao,,Đại diện\r\n"
    "-HS_1,,,,,,,,,Trần Thị Hoa,20/10/1985,Kinh,\"Trường THPT, Chuyên\","
    "Giáo viên hướng dẫn\r\n"
    "HS-2,Máy sấy,Y dược,,,,,,,Hoàng Văn Tú,,,,\r\n";

static const struct package_origin origin = {
	"Hội thi Sáng tạo Kỹ thuật huyện Vị Xuyên lần thứ 3",
	"Cấp huyện",
	"12/QĐ-BTC",
	"2026-12-15",
};

static const struct package_result results[2] = {
	{ "Giải Nhì", "80.00" },
	{ "", "" },
};

static const char line0[] =
    "Giải Nhì, 80.00 điểm – Hội thi Sáng tạo Kỹ thuật huyện Vị Xuyên lần "
    "thứ 3 (Cấp huyện); Quyết định số 12/QĐ-BTC ngày 15/12/2026";
static const char line1[] =
    "Không có giải – Hội thi Sáng tạo Kỹ thuật huyện Vị Xuyên lần thứ 3 "
    "(Cấp huyện); Quyết định số 12/QĐ-BTC ngày 15/12/2026";

static struct score_rubric *rubric;

static void
show_errors(const struct import_result *res)
{
	struct buf b;

	buf_init(&b, 1 << 20);
	for (size_t i = 0; i < res->nerrors; i++) {
		import_error_format(&res->errors[i], SCORE_LANG_EN, &b);
		buf_putc(&b, '\n');
	}
	if (res->nerrors > 0)
		t_fail(__FILE__, __LINE__, "unexpected errors:\n%s", b.data);
	buf_release(&b);
}

static void
test_line(void)
{
	struct buf b;

	t_case("package: the result line, with and without a prize");
	buf_init(&b, 4096);
	entries_package_line(&origin, &results[0], &b);
	CHECK_STR(b.data, line0);
	buf_reset(&b);
	entries_package_line(&origin, &results[1], &b);
	CHECK_STR(b.data, line1);
	buf_release(&b);
}

/* Every field and person of `got` equals `want`'s; the prior awards are
 * want's followed by the result line. */
static void
check_same(const struct import_entry *got, const struct import_entry *want,
           const char *line)
{
	char prior[2048];

	CHECK_STR(got->code, want->code);
	CHECK_STR(got->title, want->title);
	CHECK_STR(got->field, want->field);
	CHECK_STR(got->summary, want->summary);
	CHECK_STR(got->organisation, want->organisation);
	CHECK_STR(got->district, want->district);
	CHECK_STR(got->applied_since, want->applied_since);
	CHECK_STR(got->applied_place, want->applied_place);
	snprintf(prior, sizeof(prior), "%s%s%s", want->prior_awards,
	         want->prior_awards[0] != '\0' ? "\n" : "", line);
	CHECK_STR(got->prior_awards, prior);
	if (!CHECK_INT(got->nauthors, want->nauthors))
		return;
	for (size_t i = 0; i < got->nauthors; i++) {
		CHECK_STR(got->authors[i].name, want->authors[i].name);
		CHECK_STR(got->authors[i].birth_date,
		          want->authors[i].birth_date);
		CHECK_STR(got->authors[i].ethnicity,
		          want->authors[i].ethnicity);
		CHECK_STR(got->authors[i].unit, want->authors[i].unit);
		CHECK_INT(got->authors[i].role, want->authors[i].role);
	}
}

/* The source entries, parsed as the level below imported them. */
static int
source(struct import_result *src)
{
	int rc = entries_csv_parse(rubric, source_csv, strlen(source_csv), src);

	show_errors(src);
	CHECK(!src->package);
	return rc == 0 && src->nentries == 2 ? 0 : -1;
}

static void
test_round_trip(void)
{
	struct import_result src, back;
	struct buf pkg;
	size_t bad = 99;

	t_case("package: entries round-trip through writer and import");
	if (source(&src) != 0) {
		import_result_free(&src);
		return;
	}
	/* a plain template file keeps a leading ' as text */
	CHECK_STR(src.entries[0].applied_place, "'Vườn trường");
	buf_init(&pkg, 1 << 20);
	CHECK_INT(entries_package_write(rubric, &origin, src.entries, results,
	                                2, &pkg, &bad),
	          0);
	CHECK(strncmp(pkg.data, BOM IMPORT_PACKAGE_FORMAT "\r\n" HDR,
	              strlen(BOM IMPORT_PACKAGE_FORMAT "\r\n" HDR)) == 0);
	/* no cell a spreadsheet would run as a formula */
	CHECK(strstr(pkg.data, "\r\n-HS_1") == NULL &&
	      strstr(pkg.data, ",=SUM") == NULL &&
	      strstr(pkg.data, ",+84") == NULL);
	CHECK_INT(entries_csv_parse(rubric, pkg.data, pkg.len, &back), 0);
	show_errors(&back);
	CHECK(back.package);
	if (CHECK_INT(back.nentries, 2)) {
		check_same(&back.entries[0], &src.entries[0], line0);
		check_same(&back.entries[1], &src.entries[1], line1);
	}
	import_result_free(&back);
	import_result_free(&src);
	buf_release(&pkg);
}

struct version_case {
	const char *name;
	const char *marker; /* the first row (a plain template file is
	                       source_csv: see source()) */
	bool ok;
};

static const struct version_case versions[] = {
	{ "the current format", IMPORT_PACKAGE_FORMAT, true },
	{ "the marker padded by a spreadsheet",
	  IMPORT_PACKAGE_FORMAT ",,,,,,,,,,,,,", true },
	{ "the marker with spaces around it", "  " IMPORT_PACKAGE_FORMAT " ",
	  true },
	{ "a later version", "giamkhao-forward/2", false },
	{ "a version with a minor part", "giamkhao-forward/1.1", false },
	{ "an older spelling", "giamkhao-forward/0", false },
	{ "a tampered name", "giamkhao-forwad/1", false },
	{ "another giamkhao file", "giamkhao-rubric/1", false },
	{ "a tampered marker padded by a spreadsheet",
	  "giamkhao-forward/9,,,,,,,,,,,,,", false },
};

/* The package with its marker row replaced. */
static char *
with_marker(const struct buf *pkg, const char *marker)
{
	const char *rest = pkg->data + strlen(BOM IMPORT_PACKAGE_FORMAT "\r\n");
	struct buf b;

	buf_init(&b, 1 << 20);
	buf_printf(&b, BOM "%s\r\n%s", marker, rest);
	return buf_detach(&b, NULL);
}

static void
check_version(const struct version_case *c, const struct buf *pkg)
{
	char *text = with_marker(pkg, c->marker);
	struct import_result res;
	struct buf msg;
	int rc = entries_csv_parse(rubric, text, strlen(text), &res);

	if (c->ok) {
		CHECK_INT(rc, 0);
		show_errors(&res);
		CHECK_INT(res.nentries, 2);
		CHECK(res.package);
	} else if (CHECK_INT(rc, -1) && CHECK_INT(res.nerrors, 1)) {
		CHECK(res.entries == NULL && res.nentries == 0);
		CHECK_INT(res.errors[0].code, IMPORT_E_PACKAGE_VERSION);
		CHECK_INT(res.errors[0].line, 1);
		CHECK_INT(res.errors[0].column, 0);
		CHECK(strncmp(c->marker, res.errors[0].value,
		              strlen(res.errors[0].value)) == 0);
		buf_init(&msg, 4096);
		import_error_format(&res.errors[0], SCORE_LANG_VI, &msg);
		CHECK(strstr(msg.data, "dòng 1: tệp là gói chuyển cấp") ==
		      msg.data);
		CHECK(strstr(msg.data, res.errors[0].value) != NULL);
		CHECK(strstr(msg.data, "\"" IMPORT_PACKAGE_FORMAT "\"") !=
		      NULL);
		CHECK(strstr(msg.data, "không hồ sơ nào được nhập") != NULL);
		buf_release(&msg);
	}
	import_result_free(&res);
	free(text);
}

static void
test_versions(void)
{
	struct import_result src;
	struct buf pkg;
	size_t bad;

	t_case("package: the version marker (setup)");
	buf_init(&pkg, 1 << 20);
	if (source(&src) == 0 &&
	    CHECK_INT(entries_package_write(rubric, &origin, src.entries,
	                                    results, 2, &pkg, &bad),
	              0))
		for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]);
		     i++) {
			t_case("package version: %s", versions[i].name);
			check_version(&versions[i], &pkg);
		}
	import_result_free(&src);
	buf_release(&pkg);
}

/* Prior awards that leave no room for the result line: refused, naming
 * the entry, rather than cut. */
static void
test_too_long(void)
{
	struct import_result src;
	struct buf pkg;
	size_t bad = 99;
	char *prior;

	t_case("package: prior awards too long for the result line");
	if (source(&src) != 0) {
		import_result_free(&src);
		return;
	}
	prior = xmalloc(991);
	memset(prior, 'x', 990);
	prior[990] = '\0';
	free(src.entries[1].prior_awards);
	src.entries[1].prior_awards = prior;
	buf_init(&pkg, 1 << 20);
	CHECK_INT(entries_package_write(rubric, &origin, src.entries, results,
	                                2, &pkg, &bad),
	          -1);
	CHECK_INT(bad, 1);
	import_result_free(&src);
	buf_release(&pkg);
}

void
suite_package(void)
{
	struct score_error err;

	rubric = score_rubric_parse(rubric_json, strlen(rubric_json), &err);
	t_case("package: the rubric loads");
	if (!CHECK(rubric != NULL))
		return;
	test_line();
	test_round_trip();
	test_versions();
	test_too_long();
	score_rubric_free(rubric);
	rubric = NULL;
}

/* test_csv_out.c: the CSV writer for spreadsheets: RFC 4180 quoting,
 * CRLF records, the byte order mark, and formula-leading cells
 * neutralised (plain numbers kept). */
#include <stdlib.h>

#include "../../forms/forms.h"
#include "harness.h"

struct cell_case {
	const char *in;
	const char *want;
};

static const struct cell_case cells[] = {
	{ "", "" },
	{ "Máy gặt lúa mini", "Máy gặt lúa mini" },
	{ "Nguyễn Văn A, Trần Thị B", "\"Nguyễn Văn A, Trần Thị B\"" },
	{ "Hệ thống \"AI\" tưới", "\"Hệ thống \"\"AI\"\" tưới\"" },
	{ "dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"" },
	{ "a\r\nb", "\"a\r\nb\"" },
	/* formula-leading cells get a quote in front */
	{ "=HYPERLINK(\"http://x\",\"y\")",
	  "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
	{ "=1+2", "'=1+2" },
	{ "+84 912", "'+84 912" },
	{ "-2+3", "'-2+3" },
	{ "@SUM(A1)", "'@SUM(A1)" },
	{ "\tcmd", "'\tcmd" },
	{ "\r=1", "\"'\r=1\"" },
	{ "-", "'-" },
	/* plain numbers are numbers, negative ones too */
	{ "-1.50", "-1.50" },
	{ "84.90", "84.90" },
	{ "40000000", "40000000" },
	/* only the first character matters */
	{ "a=b", "a=b" },
	{ " =1", " =1" },
};

static char *
cell(const char *in)
{
	struct buf b;

	buf_init(&b, 1 << 16);
	buf_puts(&b, "");
	csv_cell(&b, in);
	return buf_detach(&b, NULL);
}

static void
test_cells(void)
{
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		char *out = cell(cells[i].in);

		t_case("csv_cell %zu: %s", i, cells[i].want);
		CHECK_STR(out, cells[i].want);
		free(out);
	}
}

static void
test_row_and_bom(void)
{
	const char *row[] = { "Lĩnh vực", NULL, "=cmd", "1,5" };
	struct buf b;

	t_case("csv_row: BOM, NULL as empty, CRLF, neutralised, quoted");
	buf_init(&b, 1 << 16);
	csv_bom(&b);
	csv_row(&b, row, 4);
	csv_row(&b, row, 1);
	CHECK_STR(b.data, "\xEF\xBB\xBFLĩnh vực,,'=cmd,\"1,5\"\r\n"
	                  "Lĩnh vực\r\n");
	buf_release(&b);
}

static void
test_is_formula(void)
{
	t_case("csv_is_formula");
	CHECK(csv_is_formula("=A1"));
	CHECK(csv_is_formula("-A1"));
	CHECK(csv_is_formula("-1e3"));
	CHECK(csv_is_formula("-1."));
	CHECK(!csv_is_formula("-1"));
	CHECK(!csv_is_formula(""));
	CHECK(!csv_is_formula("Giải Nhất"));
}

void
suite_csv_out(void)
{
	test_cells();
	test_row_and_bom();
	test_is_formula();
}

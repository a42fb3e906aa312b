/* test_csv.c: the scores/ballot CSV reader: accepted forms and errors. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util.h"

#define HDR "entry,field,judge,criterion,score\n"
#define OUT "field,rank,entry,score,tier,status,flags\n"
#define RUB SCORES_RUBRIC(CRIT_X)
#define BAL BALLOT_RUBRIC("\"ballot\":{}")

struct csv_ok_case {
	const char *name;
	const char *rubric;
	const char *csv;
	const char *want;
};

static const struct csv_ok_case oks[] = {
	{ "BOM, CRLF, quotes and spaces around values", RUB,
	  "\xEF\xBB\xBF"
	  "entry,field,judge,criterion,score\r\n"
	  " \"E1\" , a ,J1, x , 50 \r\n\r\n",
	  OUT "a,1,E1,50.00,,ok,\n" },
	{ "decomposed and composed ids are the same entry (NFC)", RUB,
	  HDR "Nga\xCC\x86\xCC\xA3n,a,J1,x,50\nNg\xE1\xBA\xB7n,a,J2,x,60\n",
	  OUT "a,1,Ng\xE1\xBA\xB7n,55.00,,ok,\n" },
	{ "a quoted id with a comma is quoted again on output", RUB,
	  HDR "\"E,1\",a,J1,x,50\n\"E\"\"2\",a,J1,x,40\n",
	  OUT "a,1,\"E,1\",50.00,,ok,\na,2,\"E\"\"2\",40.00,,ok,\n" },
	{ "trailing zeros and no final newline", RUB, HDR "E1,a,J1,x,50.500",
	  OUT "a,1,E1,50.50,,ok,\n" },
	{ "a header alone gives an empty table", RUB, HDR, OUT },
	{ "entries are sorted by id within equal ranks, by byte order", RUB,
	  HDR "e10,a,J1,x,50\ne2,a,J1,x,50\nE3,a,J1,x,50\n",
	  OUT "a,1,E3,50.00,,ok,tie\na,1,e10,50.00,,ok,tie\n"
	      "a,1,e2,50.00,,ok,tie\n" },
};

struct csv_error_case {
	const char *name;
	const char *rubric;
	const char *csv;
	enum score_err code;
	long line;
	long column;
};

static const struct csv_error_case errors[] = {
	{ "empty file", RUB, "", SCORE_E_NO_HEADER, 1, 1 },
	{ "wrong header: the first differing column", RUB,
	  "entry,field,judge,criterion,points\n", SCORE_E_HEADER, 1, 5 },
	{ "header with an extra column", RUB,
	  "entry,field,judge,criterion,score,note\n", SCORE_E_HEADER, 1, 6 },
	{ "ballot header on a scores rubric", RUB, "entry,field,judge,vote\n",
	  SCORE_E_HEADER, 1, 4 },
	{ "too few columns", RUB, HDR "E1,a,J1,x\n", SCORE_E_COLUMN_COUNT, 2,
	  5 },
	{ "too many columns", RUB, HDR "E1,a,J1,x,5,6\n", SCORE_E_COLUMN_COUNT,
	  2, 6 },
	{ "unknown field", RUB, HDR "E1,a,J1,x,5\nE2,z,J1,x,5\n",
	  SCORE_E_UNKNOWN_FIELD, 3, 2 },
	{ "unknown criterion", RUB, HDR "E1,a,J1,y,5\n",
	  SCORE_E_UNKNOWN_CRITERION, 2, 4 },
	{ "score above max", RUB, HDR "E1,a,J1,x,100.5\n", SCORE_E_SCORE_RANGE,
	  2, 5 },
	{ "negative score", RUB, HDR "E1,a,J1,x,-1\n", SCORE_E_SCORE_RANGE, 2,
	  5 },
	{ "score not a multiple of step", RUB, HDR "E1,a,J1,x,33.3\n",
	  SCORE_E_SCORE_STEP, 2, 5 },
	{ "score with a decimal comma", RUB, HDR "E1,a,J1,x,\"3,5\"\n",
	  SCORE_E_NUMBER, 2, 5 },
	{ "score in exponent form", RUB, HDR "E1,a,J1,x,1e2\n", SCORE_E_NUMBER,
	  2, 5 },
	{ "duplicate judge and criterion", RUB,
	  HDR "E1,a,J1,x,5\nE1,a,J1,x,6\n", SCORE_E_DUPLICATE_ROW, 3, 4 },
	{ "an entry in two fields", RUB, HDR "E1,a,J1,x,5\nE1,b,J2,x,6\n",
	  SCORE_E_TWO_FIELDS, 3, 2 },
	{ "invalid UTF-8 byte (line and CSV column)", RUB,
	  HDR "E1,a,J1,x,5\nE2,a,J\xff"
	      "1,x,5\n",
	  SCORE_E_UTF8, 3, 3 },
	{ "invalid UTF-8 after a quoted comma", RUB,
	  HDR "\"E,1\",a,J1,x,\xc3\n", SCORE_E_UTF8, 2, 5 },
	{ "a row spanning lines is named by its first line", RUB,
	  HDR "\"E\n1\",a,J1,x,500\n", SCORE_E_SCORE_RANGE, 2, 5 },
	{ "a negative zero is out of range", RUB, HDR "E1,a,J1,x,-0\n",
	  SCORE_E_SCORE_RANGE, 2, 5 },
	{ "a score without a leading digit", RUB, HDR "E1,a,J1,x,.5\n",
	  SCORE_E_NUMBER, 2, 5 },
	{ "a score ending in a point", RUB, HDR "E1,a,J1,x,5.\n",
	  SCORE_E_NUMBER, 2, 5 },
	{ "a quote inside an unquoted value", RUB, HDR "E1,a,J\"1,x,5\n",
	  SCORE_E_CSV_SYNTAX, 2, 3 },
	{ "an unterminated quote", RUB, HDR "E1,a,J1,x,\"5\n",
	  SCORE_E_CSV_SYNTAX, 2, 5 },
	{ "an empty judge", RUB, HDR "E1,a,,x,5\n", SCORE_E_EMPTY_VALUE, 2, 3 },
	{ "line numbers count CRLF lines", RUB,
	  "entry,field,judge,criterion,score\r\nE1,a,J1,x,5\r\n"
	  "E1,a,J2,x,5\r\nE1,a,J3,x,5.2\r\n",
	  SCORE_E_SCORE_STEP, 4, 5 },
	{ "vote that is neither yes nor no", BAL,
	  "entry,field,judge,vote\nE1,a,M1,maybe\n", SCORE_E_VOTE, 2, 4 },
	{ "a member voting twice", BAL,
	  "entry,field,judge,vote\nE1,a,M1,yes\nE1,a,M1,no\n",
	  SCORE_E_DUPLICATE_VOTE, 3, 3 },
};

void
suite_csv(void)
{
	for (size_t i = 0; i < sizeof(oks) / sizeof(oks[0]); i++) {
		t_case("csv: %s", oks[i].name);
		check_results(oks[i].rubric, oks[i].csv, oks[i].want);
	}
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		const struct csv_error_case *c = &errors[i];
		struct score_error err;
		char *got;

		t_case("csv error: %s", c->name);
		memset(&err, 0, sizeof(err));
		got = run_csv(c->rubric, c->csv, &err);
		CHECK(got == NULL);
		free(got);
		CHECK_INT(err.code, c->code);
		CHECK_INT(err.line, c->line);
		CHECK_INT(err.column, c->column);
	}
}

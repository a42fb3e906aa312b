/* test_rubric.c: rubric validation errors (one row each), defaults, I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "harness.h"
#include "util.h"

#define CRIT(extra)                                                            \
	"\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":\"X\"},\"max\":"        \
	"30" extra "}]"
#define TIER(id, min) "{\"id\":\"" id "\",\"title\":{\"vi\":\"T\"},\"min\":" min
#define TWO_CRIT                                                               \
	"\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":\"X\"},\"max\":30},"    \
	"{\"id\":\"y\",\"title\":{\"vi\":\"Y\"},\"max\":30}]"

struct rubric_error_case {
	const char *name;
	const char *json;
	enum score_err code;
	const char *path;
};

static const struct rubric_error_case errors[] = {
	{ "syntax error", "{\"format\":", SCORE_E_JSON_SYNTAX, "" },
	{ "duplicate JSON key", "{\"format\":\"a\",\"format\":\"b\"}",
	  SCORE_E_JSON_SYNTAX, "" },
	{ "root is not an object", "[]", SCORE_E_TYPE, "" },
	{ "unknown top-level key (typo)",
	  SCORES_RUBRIC(CRIT("") ",\"fieldz\":[]"), SCORE_E_UNKNOWN_KEY,
	  "fieldz" },
	{ "unknown criterion key", SCORES_RUBRIC(CRIT(",\"maxx\":3")),
	  SCORE_E_UNKNOWN_KEY, "criteria[0].maxx" },
	{ "missing format",
	  "{\"program\":\"custom\",\"title\":{\"vi\":\"T\"},\"mode\":"
	  "\"scores\"," FIELDS_AB "," CRIT("") "}",
	  SCORE_E_MISSING_KEY, "format" },
	{ "unsupported format", "{\"format\":\"giamkhao-rubric/2\"}",
	  SCORE_E_FORMAT_VERSION, "format" },
	{ "unknown program",
	  "{\"format\":\"giamkhao-rubric/1\",\"program\":\"olympiad\"}",
	  SCORE_E_ENUM, "program" },
	{ "unknown mode", RUBRIC_HEAD "\"mode\":\"points\"," FIELDS_AB "}",
	  SCORE_E_ENUM, "mode" },
	{ "title is not an object",
	  "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
	  "\"title\":\"T\"}",
	  SCORE_E_TYPE, "title" },
	{ "title without vi",
	  "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
	  "\"title\":{\"en\":\"T\"}}",
	  SCORE_E_MISSING_KEY, "title.vi" },
	{ "title with an unknown language",
	  "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
	  "\"title\":{\"vi\":\"T\",\"fr\":\"T\"}}",
	  SCORE_E_UNKNOWN_KEY, "title.fr" },
	{ "no fields",
	  RUBRIC_HEAD "\"mode\":\"scores\",\"fields\":[]," CRIT("") "}",
	  SCORE_E_EMPTY, "fields" },
	{ "duplicate field id",
	  RUBRIC_HEAD "\"mode\":\"scores\",\"fields\":[{\"id\":\"a\","
	              "\"title\":{\"vi\":\"A\"}},{\"id\":\"a\",\"title\":"
	              "{\"vi\":\"B\"}}]," CRIT("") "}",
	  SCORE_E_DUPLICATE_ID, "fields[1].id" },
	{ "scores mode without criteria",
	  RUBRIC_HEAD "\"mode\":\"scores\"," FIELDS_AB "}", SCORE_E_MISSING_KEY,
	  "criteria" },
	{ "scores mode with an empty criteria list",
	  SCORES_RUBRIC("\"criteria\":[]"), SCORE_E_NO_CRITERIA, "criteria" },
	{ "empty criterion id",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":30}]"),
	  SCORE_E_EMPTY, "criteria[0].id" },
	{ "max below zero",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":-5}]"),
	  SCORE_E_NOT_POSITIVE, "criteria[0].max" },
	{ "max of zero",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":0}]"),
	  SCORE_E_NOT_POSITIVE, "criteria[0].max" },
	{ "max is a string",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":\"30\"}]"),
	  SCORE_E_TYPE, "criteria[0].max" },
	{ "weight of zero", SCORES_RUBRIC(CRIT(",\"weight\":0")),
	  SCORE_E_NOT_POSITIVE, "criteria[0].weight" },
	{ "negative weight", SCORES_RUBRIC(CRIT(",\"weight\":-1")),
	  SCORE_E_NOT_POSITIVE, "criteria[0].weight" },
	{ "step that does not divide max", SCORES_RUBRIC(CRIT(",\"step\":4")),
	  SCORE_E_STEP_DIVIDES, "criteria[0].step" },
	{ "step finer than a hundredth", SCORES_RUBRIC(CRIT(",\"step\":0.125")),
	  SCORE_E_DECIMALS, "criteria[0].step" },
	{ "duplicate criterion id",
	  SCORES_RUBRIC("\"criteria\":[{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"X\"},\"max\":30},{\"id\":\"x\",\"title\":{\"vi\":"
	                "\"Y\"},\"max\":30}]"),
	  SCORE_E_DUPLICATE_ID, "criteria[1].id" },
	{ "level above the criterion's max",
	  SCORES_RUBRIC(CRIT(",\"levels\":[{\"min\":0,\"max\":31,\"label\":"
	                     "{\"vi\":\"L\"}}]")),
	  SCORE_E_LEVEL_RANGE, "criteria[0].levels[0]" },
	{ "level with min above max",
	  SCORES_RUBRIC(CRIT(",\"levels\":[{\"min\":0,\"max\":10,\"label\":"
	                     "{\"vi\":\"L\"}},{\"min\":20,\"max\":10,"
	                     "\"label\":{\"vi\":\"M\"}}]")),
	  SCORE_E_LEVEL_RANGE, "criteria[0].levels[1]" },
	{ "level without a label",
	  SCORES_RUBRIC(CRIT(",\"levels\":[{\"min\":0,\"max\":10}]")),
	  SCORE_E_MISSING_KEY, "criteria[0].levels[0].label" },
	{ "tie-break naming no criterion",
	  SCORES_RUBRIC(TWO_CRIT ",\"tie_break\":[\"y\",\"z\"]"),
	  SCORE_E_UNKNOWN_CRIT_ID, "tie_break[1]" },
	{ "tie-break listing a criterion twice",
	  SCORES_RUBRIC(TWO_CRIT ",\"tie_break\":[\"y\",\"y\"]"),
	  SCORE_E_DUPLICATE_REF, "tie_break[1]" },
	{ "unknown method",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"method\":\"mode\"}"),
	  SCORE_E_ENUM, "aggregate.method" },
	{ "negative trim",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"trim\":-1}"),
	  SCORE_E_NEGATIVE, "aggregate.trim" },
	{ "outlier rule without a limit",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"outlier\":{\"rule\":"
	                         "\"points\"}}"),
	  SCORE_E_LIMIT_REQUIRED, "aggregate.outlier.limit" },
	{ "unknown outlier rule",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"outlier\":{\"rule\":"
	                         "\"sigma\",\"limit\":2}}"),
	  SCORE_E_ENUM, "aggregate.outlier.rule" },
	{ "unknown normalisation",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"normalize\":\"rank\"}"),
	  SCORE_E_ENUM, "aggregate.normalize" },
	{ "min_judges of zero",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"min_judges\":0}"),
	  SCORE_E_NOT_POSITIVE, "aggregate.min_judges" },
	{ "min_judges not whole",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"min_judges\":2.5}"),
	  SCORE_E_NOT_INTEGER, "aggregate.min_judges" },
	{ "too many decimals",
	  SCORES_RUBRIC(CRIT("") ",\"aggregate\":{\"decimals\":7}"),
	  SCORE_E_TOO_LARGE, "aggregate.decimals" },
	{ "unknown scope",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"scope\":\"province\"}"),
	  SCORE_E_ENUM, "awards.scope" },
	{ "tier mins increasing",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"tiers\":[" TIER(
	      "a", "75") "}," TIER("b", "85") "}]}"),
	  SCORE_E_TIER_ORDER, "awards.tiers[1].min" },
	{ "duplicate tier id",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"tiers\":[" TIER(
	      "a", "85") "}," TIER("a", "75") "}]}"),
	  SCORE_E_DUPLICATE_ID, "awards.tiers[1].id" },
	{ "tier without min",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"tiers\":[{\"id\":\"a\","
	                         "\"title\":{\"vi\":\"A\"}}]}"),
	  SCORE_E_MISSING_KEY, "awards.tiers[0].min" },
	{ "negative max_count",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"tiers\":[" TIER(
	      "a", "85") ",\"max_count\":-1}]}"),
	  SCORE_E_NEGATIVE, "awards.tiers[0].max_count" },
	{ "negative prize",
	  SCORES_RUBRIC(CRIT("") ",\"awards\":{\"tiers\":[" TIER(
	      "a", "85") ",\"prize\":-5}]}"),
	  SCORE_E_NEGATIVE, "awards.tiers[0].prize" },
	{ "ballot share above 1", BALLOT_RUBRIC("\"ballot\":{\"share\":1.5}"),
	  SCORE_E_SHARE_RANGE, "ballot.share" },
	{ "unknown ballot rule",
	  BALLOT_RUBRIC("\"ballot\":{\"rule\":\"majority\"}"), SCORE_E_ENUM,
	  "ballot.rule" },
	{ "a control character in a title",
	  RUBRIC_HEAD "\"mode\":\"ballot\",\"fields\":[{\"id\":\"a\","
	              "\"title\":{\"vi\":\"A\\u001b[31m\"}}]}",
	  SCORE_E_BAD_TEXT, "fields[0].title.vi" },
	{ "an id of spaces only",
	  RUBRIC_HEAD "\"mode\":\"ballot\",\"fields\":[{\"id\":\"  \","
	              "\"title\":{\"vi\":\"A\"}}]}",
	  SCORE_E_EMPTY, "fields[0].id" },
	{ "a number too large", SCORES_RUBRIC(CRIT(",\"weight\":1e20")),
	  SCORE_E_TOO_LARGE, "criteria[0].weight" },
	{ "a number with too many decimals",
	  SCORES_RUBRIC(CRIT(",\"weight\":0.0000001")), SCORE_E_DECIMALS,
	  "criteria[0].weight" },
	{ "unknown ballot key", BALLOT_RUBRIC("\"ballot\":{\"quorum\":3}"),
	  SCORE_E_UNKNOWN_KEY, "ballot.quorum" },
};

static void
test_errors(void)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		const struct rubric_error_case *c = &errors[i];
		struct score_error err;
		struct score_rubric *r;

		t_case("rubric error: %s", c->name);
		memset(&err, 0, sizeof(err));
		r = score_rubric_parse(c->json, strlen(c->json), &err);
		CHECK(r == NULL);
		score_rubric_free(r);
		CHECK_INT(err.code, c->code);
		CHECK_STR(err.path, c->path);
	}
}

/* Limits that need long inputs: an id over 200 bytes, over 100 levels. */
static void
test_limits(void)
{
	struct score_error err;
	struct score_rubric *r;
	struct buf b;

	t_case("rubric error: an id longer than 200 bytes");
	buf_init(&b, 1 << 20);
	buf_puts(&b, RUBRIC_HEAD "\"mode\":\"ballot\",\"fields\":[{\"id\":\"");
	for (int i = 0; i < 201; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\",\"title\":{\"vi\":\"A\"}}]}");
	r = score_rubric_parse(b.data, b.len, &err);
	CHECK(r == NULL);
	score_rubric_free(r);
	CHECK_INT(err.code, SCORE_E_TOO_LONG);
	CHECK_STR(err.path, "fields[0].id");

	t_case("rubric error: more than 100 levels");
	buf_reset(&b);
	buf_puts(&b, SCORES_RUBRIC_PREFIX
	         "\"criteria\":[{\"id\":\"x\","
	         "\"title\":{\"vi\":\"X\"},\"max\":30,\"levels\":[");
	for (int i = 0; i < 101; i++)
		buf_printf(&b,
		           "%s{\"min\":0,\"max\":1,\"label\":{\"vi\":\"L\"}}",
		           i > 0 ? "," : "");
	buf_puts(&b, "]}]}");
	r = score_rubric_parse(b.data, b.len, &err);
	CHECK(r == NULL);
	score_rubric_free(r);
	CHECK_INT(err.code, SCORE_E_TOO_MANY);
	CHECK_STR(err.path, "criteria[0].levels");
	buf_release(&b);
}

static void
test_defaults(void)
{
	const char *json = SCORES_RUBRIC(CRIT(""));
	struct score_error err;
	struct score_rubric *r = score_rubric_parse(json, strlen(json), &err);

	t_case("rubric: documented defaults for absent keys");
	if (!CHECK(r != NULL))
		return;
	CHECK_INT(r->criteria[0].weight.num, 1);
	CHECK_INT(r->criteria[0].step_h, 50);
	CHECK_INT(r->aggregate.method, SCORE_METHOD_MEAN);
	CHECK_INT(r->aggregate.trim, 1);
	CHECK_INT(r->aggregate.outlier, SCORE_OUTLIER_NONE);
	CHECK_INT(r->aggregate.normalize, SCORE_NORMALIZE_NONE);
	CHECK_INT(r->aggregate.min_judges, 1);
	CHECK_INT(r->aggregate.decimals, 2);
	CHECK_INT(r->ntie_break, 0);
	CHECK_INT(r->scope, SCORE_SCOPE_FIELD);
	CHECK(!r->has_floor);
	CHECK_INT(r->ntiers, 0);
	CHECK_INT(r->ballot_rule, SCORE_BALLOT_MORE_THAN);
	CHECK_INT(r->ballot_share.num * 2, r->ballot_share.den);
	CHECK_INT(r->max_selected, -1);
	score_rubric_free(r);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	buf_init(&b, 1 << 24);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_append(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b, len);
}

/* Each preset parses, and writing then reading it is a fixed point. */
static void
test_presets(void)
{
	static const char *const names[] = { "technical-innovation",
		                             "youth-creativity",
		                             "vifotec-award", "golden-book",
		                             "honouring" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[256];
		struct score_error err;
		struct score_rubric *r, *again = NULL;
		struct buf one, two;
		size_t len = 0;
		char *text;

		t_case("preset %s parses and round-trips", names[i]);
		snprintf(path, sizeof(path), "scoring/presets/%s.json",
		         names[i]);
		text = slurp(path, &len);
		if (!CHECK(text != NULL))
			continue;
		r = score_rubric_parse(text, len, &err);
		free(text);
		if (!CHECKF(r != NULL, "%s: %s", err.path, err.detail))
			continue;
		CHECK_INT(r->program, (int)i);
		buf_init(&one, 1 << 24);
		buf_init(&two, 1 << 24);
		CHECK(score_rubric_write(r, &one) == 0);
		again = score_rubric_parse(one.data, one.len, &err);
		if (CHECK(again != NULL)) {
			score_rubric_write(again, &two);
			CHECK_STR(two.data, one.data);
		}
		buf_release(&one);
		buf_release(&two);
		score_rubric_free(r);
		score_rubric_free(again);
	}
}

/* Reals are read as the decimal written: 30.0 is 30, 0.1 is 1/10. */
static void
test_reals(void)
{
	const char *json = SCORES_RUBRIC(
	    "\"criteria\":[{\"id\":\" x \",\"title\":{\"vi\":\"X\"},"
	    "\"max\":30.0,\"weight\":0.1,\"step\":0.25}],"
	    "\"awards\":{\"tiers\":[{\"id\":\"t\",\"title\":{\"vi\":"
	    "\"T\"},\"min\":85.5,\"prize\":40000000.0}]},"
	    "\"ballot\":{\"share\":0.000005}");
	struct score_error err;
	struct score_rubric *r = score_rubric_parse(json, strlen(json), &err);

	t_case("rubric: reals as written (30.0, 0.1, 4e7, 5e-6), ids trimmed");
	if (!CHECKF(r != NULL, "%s: %s", err.path, err.detail))
		return;
	CHECK_INT(r->criteria[0].max_h, 3000);
	CHECK_INT(r->criteria[0].weight.num, 1);
	CHECK_INT(r->criteria[0].weight.den, 10);
	CHECK_INT(r->tiers[0].min.num, 171);
	CHECK_INT(r->tiers[0].prize.num, 40000000);
	CHECK_INT(r->ballot_share.den, 200000);
	CHECK_STR(r->criteria[0].id, "x");
	score_rubric_free(r);
}

static void
test_text(void)
{
	/* "Thử" with a combining hook above and dot below, decomposed */
	const char *json =
	    RUBRIC_HEAD "\"mode\":\"ballot\",\"fields\":[{\"id\":\"a\","
	                "\"title\":{\"vi\":\"Nga\\u0306\\u0323n\"}}]}";
	struct score_error err;
	struct score_rubric *r = score_rubric_parse(json, strlen(json), &err);
	struct buf msg;

	t_case("rubric: titles are stored NFC");
	if (CHECK(r != NULL))
		CHECK_STR(r->fields[0].title.vi, "Ngặn");
	score_rubric_free(r);

	t_case("rubric: error messages name the path in vi and en");
	json = SCORES_RUBRIC(CRIT(",\"step\":4"));
	r = score_rubric_parse(json, strlen(json), &err);
	CHECK(r == NULL);
	buf_init(&msg, 4096);
	score_error_format(&err, "r.json", SCORE_LANG_EN, &msg);
	CHECK_STR(msg.data, "r.json: criteria[0].step: step 4 does not divide "
	                    "max 30");
	buf_reset(&msg);
	score_error_format(&err, "r.json", SCORE_LANG_VI, &msg);
	CHECK_STR(msg.data, "r.json: criteria[0].step: bước 4 không chia hết "
	                    "điểm tối đa 30");
	buf_release(&msg);
}

void
suite_rubric(void)
{
	test_errors();
	test_limits();
	test_defaults();
	test_presets();
	test_reals();
	test_text();
}

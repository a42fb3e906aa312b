/* test_rubric_form.c: the rubric editor's fields to rubric JSON (checked
 * by the scoring core's parser), and the key paths of the core's errors
 * back to the field that edits them. */
#include <stdlib.h>
#include <string.h>

#include "../../forms/forms.h"
#include "harness.h"

struct path_case {
	const char *path;
	const char *field;
};

static const struct path_case paths[] = {
	{ "criteria[3].step", "c3_step" },
	{ "criteria[0].max", "c0_max" },
	{ "criteria[12].weight", "c12_weight" },
	{ "criteria[2]", "c2_id" },
	{ "criteria[1].id", "c1_id" },
	{ "criteria[0].title", "c0_vi" },
	{ "criteria[0].title.vi", "c0_vi" },
	{ "criteria[0].title.en", "c0_en" },
	{ "criteria[4].levels[2].min", "c4_levels" },
	{ "criteria[4].levels[0].label.vi", "c4_levels" },
	{ "criteria[1].description.vi", "c1_desc" },
	{ "criteria[1].description.en", "c1_desc_en" },
	{ "fields[1].id", "f1_id" },
	{ "fields[0].title.vi", "f0_vi" },
	{ "fields[5].title.en", "f5_en" },
	{ "aggregate.trim", "agg_trim" },
	{ "aggregate.method", "agg_method" },
	{ "aggregate.min_judges", "agg_min_judges" },
	{ "aggregate.outlier.limit", "agg_limit" },
	{ "aggregate.outlier.rule", "agg_outlier" },
	{ "aggregate.outlier", "agg_outlier" },
	{ "awards.tiers[0].min", "t0_min" },
	{ "awards.tiers[1].max_count", "t1_max_count" },
	{ "awards.tiers[2].title.vi", "t2_vi" },
	{ "awards.floor", "aw_floor" },
	{ "awards.scope", "aw_scope" },
	{ "ballot.share", "b_share" },
	{ "ballot.max_selected", "b_max_selected" },
	{ "tie_break", "tie_break" },
	{ "tie_break[1]", "tie_break" },
	{ "format", "" },
	{ "criteria", "" },
	{ "", "" },
};

static void
test_paths(void)
{
	char out[64];

	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		t_case("rubric_path_field(\"%s\")", paths[i].path);
		rubric_path_field(NULL, paths[i].path, out, sizeof(out));
		CHECK_STR(out, paths[i].field);
	}
}

/* A form of name=value pairs ending with NULL. */
static void
fill(struct form *f, const char *const *kv)
{
	memset(f, 0, sizeof(*f));
	for (; kv[0] != NULL; kv += 2)
		form_add(f, kv[0], kv[1], strlen(kv[1]));
}

static const char *const good[] = {
	"title_vi",
	"Hội thi thử",
	"title_en",
	"",
	"mode",
	"scores",
	"program",
	"custom",
	"f0_id",
	"ict",
	"f0_vi",
	"Công nghệ thông tin",
	"f0_en",
	"IT",
	"f1_id",
	"",
	"f1_vi",
	"",
	"f1_en",
	"",
	"c0_id",
	"novelty",
	"c0_vi",
	"Tính mới",
	"c0_en",
	"",
	"c0_max",
	"30",
	"c0_weight",
	"1",
	"c0_step",
	"0.5",
	"c0_desc",
	"Mô tả",
	"c0_desc_en",
	"",
	"c0_levels",
	"0-10 | Ít | Little\r\n10.5-30 | Nhiều |\r\n\r\n",
	"c1_id",
	"effect",
	"c1_vi",
	"Hiệu quả",
	"c1_en",
	"Effect",
	"c1_max",
	"70",
	"c1_weight",
	"",
	"c1_step",
	"",
	"c1_desc",
	"",
	"c1_desc_en",
	"",
	"c1_levels",
	"",
	"c2_id",
	"",
	"c2_max",
	"",
	"agg_method",
	"trimmed",
	"agg_trim",
	"1",
	"agg_outlier",
	"points",
	"agg_limit",
	"15",
	"agg_normalize",
	"none",
	"agg_min_judges",
	"3",
	"agg_decimals",
	"2",
	"tie_break",
	" effect , novelty ",
	"aw_scope",
	"field",
	"aw_floor",
	"50",
	"t0_id",
	"first",
	"t0_vi",
	"Giải Nhất",
	"t0_en",
	"",
	"t0_min",
	"85",
	"t0_max_count",
	"1",
	"t0_prize",
	"40000000",
	"t1_id",
	"",
	"b_rule",
	"more-than",
	"b_share",
	"0.5",
	"b_max_selected",
	"",
	NULL,
};

static void
test_form_to_rubric(void)
{
	struct form_errors e = { 0 };
	struct score_error err;
	struct score_rubric *r;
	struct form f;
	char *json;

	t_case("rubric_form_json: the editor's fields make a valid rubric");
	fill(&f, good);
	json = rubric_form_json(&f, &e);
	CHECK(json != NULL && e.count == 0);
	r = json != NULL ? score_rubric_parse(json, strlen(json), &err) : NULL;
	CHECKF(r != NULL, "%s", json != NULL ? err.path : "no json");
	if (r != NULL) {
		CHECK(r->nfields == 1 && r->ncriteria == 2);
		CHECK_STR(r->criteria[0].levels[1].label.vi, "Nhiều");
		CHECK(r->criteria[0].nlevels == 2);
		CHECK(r->criteria[0].levels[1].label.en == NULL);
		CHECK(r->criteria[1].step_h == 50); /* the default */
		CHECK(r->ntie_break == 2 && r->tie_break[0] == 1);
		CHECK(r->aggregate.method == SCORE_METHOD_TRIMMED);
		CHECK(r->ntiers == 1 && r->tiers[0].max_count == 1);
		CHECK(r->tiers[0].has_prize &&
		      r->tiers[0].prize.num == 40000000);
		CHECK(r->max_selected == -1);
		CHECK(r->title.en == NULL);
	}
	score_rubric_free(r);
	free(json);
	form_release(&f);
}

struct bad_case {
	const char *name, *value; /* replaces the field's value in `good` */
	const char *field;        /* where the error is */
	enum msg msg;
};

static const struct bad_case bad[] = {
	{ "c0_max", "ba mươi", "c0_max", MSG_ERR_NUMBER },
	{ "c0_max", "1e3", "c0_max", MSG_ERR_NUMBER },
	{ "c0_step", ".5", "c0_step", MSG_ERR_NUMBER },
	{ "t0_prize", "40.000.000", "t0_prize", MSG_ERR_NUMBER },
	{ "agg_limit", "15%", "agg_limit", MSG_ERR_NUMBER },
	{ "c0_levels", "0-10 Ít", "c0_levels", MSG_ERR_LEVELS },
	{ "c0_levels", "zero-10 | Ít", "c0_levels", MSG_ERR_LEVELS },
	{ "c0_levels", "10 | Ít", "c0_levels", MSG_ERR_LEVELS },
	/* a fourth column: a | inside a label that was not escaped */
	{ "c0_levels", "0-10 | Kém | chưa đạt | Poor", "c0_levels",
	  MSG_ERR_LEVELS },
};

static void
test_form_errors_at_fields(void)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct form_errors e = { 0 };
		const char *kv[sizeof(good) / sizeof(good[0])];
		struct form f;
		char *json;

		t_case("rubric_form_json: %s=\"%s\" is refused at %s",
		       bad[i].name, bad[i].value, bad[i].field);
		memcpy(kv, good, sizeof(good));
		for (size_t k = 0; kv[k] != NULL; k += 2)
			if (strcmp(kv[k], bad[i].name) == 0)
				kv[k + 1] = bad[i].value;
		fill(&f, kv);
		json = rubric_form_json(&f, &e);
		CHECK(json == NULL);
		CHECK(form_error_for(&e, bad[i].field) == bad[i].msg);
		free(json);
		form_release(&f);
	}
}

/* Rows left empty are not in the rubric: criteria[1] is then the form's
 * third row. */
static void
test_paths_skip_empty_rows(void)
{
	static const char *const kv[] = {
		"c0_id", "",  "c1_id", "a",     "c2_id", "",
		"c3_id", "b", "f0_id", "x",     "t0_id", "",
		"t1_id", "",  "t2_id", "first", NULL,
	};
	struct form f;
	char out[64];

	t_case("rubric_path_field: indices skip the rows left empty");
	fill(&f, kv);
	rubric_path_field(&f, "criteria[0].max", out, sizeof(out));
	CHECK_STR(out, "c1_max");
	rubric_path_field(&f, "criteria[1].step", out, sizeof(out));
	CHECK_STR(out, "c3_step");
	rubric_path_field(&f, "criteria[2].step", out, sizeof(out));
	CHECK_STR(out, "");
	rubric_path_field(&f, "fields[0].title.vi", out, sizeof(out));
	CHECK_STR(out, "f0_vi");
	rubric_path_field(&f, "awards.tiers[0].min", out, sizeof(out));
	CHECK_STR(out, "t2_min");
	rubric_path_field(&f, "aggregate.trim", out, sizeof(out));
	CHECK_STR(out, "agg_trim");
	form_release(&f);
}

/* Labels with |, \ and new lines survive the levels box both ways. */
static void
test_level_escapes(void)
{
	static const char *const labels[] = {
		"Kém | chưa đạt", "a\\b", "hai\ndòng", "\\|", "trailing \\",
	};
	struct form_errors e = { 0 };
	struct score_error err;
	struct score_rubric *r;
	const char *kv[sizeof(good) / sizeof(good[0])];
	struct buf box;
	struct form f;
	char *json;

	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		t_case("levels box: label \"%s\" round trip", labels[i]);
		buf_init(&box, 1 << 16);
		buf_puts(&box, "0-10 | ");
		rubric_level_escape(&box, labels[i]);
		buf_puts(&box, " | ");
		rubric_level_escape(&box, labels[i]);
		buf_puts(&box, "\r\n10.5-30 | x |");
		memcpy(kv, good, sizeof(good));
		for (size_t k = 0; kv[k] != NULL; k += 2)
			if (strcmp(kv[k], "c0_levels") == 0)
				kv[k + 1] = box.data;
		fill(&f, kv);
		json = rubric_form_json(&f, &e);
		r = json != NULL ? score_rubric_parse(json, strlen(json), &err)
		                 : NULL;
		CHECKF(r != NULL, "%s", json != NULL ? err.path : "form error");
		if (r != NULL) {
			CHECK_STR(r->criteria[0].levels[0].label.vi, labels[i]);
			CHECK_STR(r->criteria[0].levels[0].label.en, labels[i]);
		}
		score_rubric_free(r);
		free(json);
		form_release(&f);
		buf_release(&box);
	}
}

/* A long label is kept whole, not cut at some line length. */
static void
test_level_long(void)
{
	struct form_errors e = { 0 };
	struct score_error err;
	struct score_rubric *r;
	const char *kv[sizeof(good) / sizeof(good[0])];
	struct buf box;
	struct form f;
	char *json;

	t_case("levels box: a 3000-byte label is kept whole");
	buf_init(&box, 1 << 16);
	buf_puts(&box, "0-30 | ");
	for (int i = 0; i < 1000; i++)
		buf_puts(&box, "ệ"); /* 3 bytes */
	memcpy(kv, good, sizeof(good));
	for (size_t k = 0; kv[k] != NULL; k += 2)
		if (strcmp(kv[k], "c0_levels") == 0)
			kv[k + 1] = box.data;
	fill(&f, kv);
	json = rubric_form_json(&f, &e);
	r = json != NULL ? score_rubric_parse(json, strlen(json), &err) : NULL;
	CHECK(r != NULL && strlen(r->criteria[0].levels[0].label.vi) == 3000);
	score_rubric_free(r);
	free(json);
	form_release(&f);
	buf_release(&box);
}

void
suite_rubric_form(void)
{
	test_paths();
	test_paths_skip_empty_rows();
	test_level_escapes();
	test_level_long();
	test_form_to_rubric();
	test_form_errors_at_fields();
}

/* fuzz_entries_csv.c: fuzz target for the entries CSV import: no crash,
 * all or nothing, every refusal says why in valid UTF-8, and what imports
 * survives the forwarding package unchanged. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/common.h"
#include "../../forms/entries_csv.h"
#include "../../scoring/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two fields with Vietnamese and English titles (one with a comma). */
static const char rubric_json[] =
    "{\"format\":\"giamkhao-rubric/1\",\"program\":\"custom\","
    "\"title\":{\"vi\":\"F\"},\"mode\":\"scores\",\"fields\":["
    "{\"id\":\"ict\",\"title\":{\"vi\":\"Công nghệ thông tin, điện tử\","
    "\"en\":\"Information technology\"}},{\"id\":\"health\",\"title\":"
    "{\"vi\":\"Y dược\"}}],\"criteria\":[{\"id\":\"x\",\"title\":"
    "{\"vi\":\"X\"},\"max\":30}]}";

static bool
is_text(const char *s)
{
	return s != NULL && score_utf8_invalid_at(s, strlen(s)) < 0;
}

/* What a success promises: entries with people, every string valid. */
static void
check_entries(const struct import_result *res)
{
	if (res->nerrors != 0 || res->nentries == 0 || res->truncated)
		abort();
	for (size_t i = 0; i < res->nentries; i++) {
		const struct import_entry *e = &res->entries[i];

		if (e->nauthors == 0 || e->nauthors > IMPORT_MAX_AUTHORS ||
		    !is_text(e->code) || !is_text(e->title) ||
		    !is_text(e->field) || !is_text(e->summary) ||
		    !is_text(e->applied_since) || !is_text(e->prior_awards))
			abort();
		for (size_t j = 0; j < e->nauthors; j++)
			if (!is_text(e->authors[j].name) ||
			    !is_text(e->authors[j].birth_date) ||
			    (unsigned)e->authors[j].role >= AUTHOR_ROLE__MAX)
				abort();
	}
}

/* What a refusal promises: no entries, reasons that render as text. */
static void
check_errors(const struct import_result *res)
{
	struct buf out;

	if (res->nerrors == 0 || res->entries != NULL ||
	    res->nerrors > IMPORT_MAX_ERRORS + 1)
		abort();
	buf_init(&out, 1 << 20);
	for (size_t i = 0; i < res->nerrors; i++) {
		if (res->errors[i].code == IMPORT_OK ||
		    res->errors[i].code >= IMPORT_E__MAX)
			abort();
		for (int lang = 0; lang < SCORE_LANG__MAX; lang++)
			import_error_format(&res->errors[i],
			                    (enum score_lang)lang, &out);
	}
	if (out.len > 0 && (score_utf8_invalid_at(out.data, out.len) >= 0 ||
	                    memchr(out.data, '\n', out.len) != NULL))
		abort();
	buf_release(&out);
}

static bool
same(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* Entry b read back from a's package: every field the same, the prior
 * awards followed by the result line. */
static bool
same_entry(const struct import_entry *a, const struct import_entry *b,
           const char *line)
{
	struct buf prior;
	bool ok;

	buf_init(&prior, 1 << 16);
	if (a->prior_awards[0] != '\0')
		buf_printf(&prior, "%s\n", a->prior_awards);
	buf_puts(&prior, line);
	ok = same(a->code, b->code) && same(a->title, b->title) &&
	     same(a->field, b->field) && same(a->summary, b->summary) &&
	     same(a->organisation, b->organisation) &&
	     same(a->district, b->district) &&
	     same(a->applied_since, b->applied_since) &&
	     same(a->applied_place, b->applied_place) &&
	     same(prior.data, b->prior_awards) && a->nauthors == b->nauthors;
	for (size_t i = 0; ok && i < a->nauthors; i++)
		ok = same(a->authors[i].name, b->authors[i].name) &&
		     same(a->authors[i].birth_date, b->authors[i].birth_date) &&
		     same(a->authors[i].ethnicity, b->authors[i].ethnicity) &&
		     same(a->authors[i].unit, b->authors[i].unit) &&
		     a->authors[i].role == b->authors[i].role;
	buf_release(&prior);
	return ok;
}

/* What forwarding promises: entries that imported, written as a package
 * (unless the result line does not fit beside their prior awards), import
 * again with every field intact. */
static void
check_package(const struct score_rubric *r, const struct import_result *res)
{
	static const struct package_origin o = { "Hội thi \"X\", lần 1",
		                                 "Cấp huyện", "1/QĐ",
		                                 "2026-01-02" };
	struct package_result *pr = calloc(res->nentries, sizeof(*pr));
	struct import_result back;
	struct buf pkg, line;
	size_t bad;

	if (pr == NULL)
		abort();
	for (size_t i = 0; i < res->nentries; i++)
		pr[i] = (struct package_result){ i % 2 ? "" : "=Giải Nhất",
			                         i % 2 ? "" : "-1.50" };
	buf_init(&pkg, 1 << 26);
	if (entries_package_write(r, &o, res->entries, pr, res->nentries, &pkg,
	                          &bad) == 0) {
		if (entries_csv_parse(r, pkg.data, pkg.len, &back) != 0 ||
		    !back.package || back.nentries != res->nentries)
			abort();
		buf_init(&line, 1 << 16);
		for (size_t i = 0; i < res->nentries; i++) {
			buf_reset(&line);
			entries_package_line(&o, &pr[i], &line);
			if (!same_entry(&res->entries[i], &back.entries[i],
			                line.data))
				abort();
		}
		buf_release(&line);
		import_result_free(&back);
	}
	buf_release(&pkg);
	free(pr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct score_error err;
	struct score_rubric *r =
	    score_rubric_parse(rubric_json, strlen(rubric_json), &err);
	struct import_result res;

	if (r == NULL)
		abort();
	if (entries_csv_parse(r, (const char *)data, size, &res) == 0) {
		check_entries(&res);
		check_package(r, &res);
	} else {
		check_errors(&res);
	}
	import_result_free(&res);
	score_rubric_free(r);
	return 0;
}

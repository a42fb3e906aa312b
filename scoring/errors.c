/* errors.c: error values and their messages in Vietnamese and English. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/*
 * One row per error code: the message in each language. "%1" and "%2" stand
 * for the error's detail and detail2 (values quoted from the input).
 */
static const char *const messages[SCORE_E__MAX][SCORE_LANG__MAX] = {
	[SCORE_OK] = { "không có lỗi", "no error" },
	[SCORE_E_JSON_SYNTAX] = { "JSON không hợp lệ: %1", "invalid JSON: %1" },
	[SCORE_E_TYPE] = { "phải là %1", "must be %1" },
	[SCORE_E_UNKNOWN_KEY] = { "khóa không hợp lệ (gõ nhầm?)",
	                          "unknown key (a typo?)" },
	[SCORE_E_MISSING_KEY] = { "thiếu khóa bắt buộc",
	                          "required key is missing" },
	[SCORE_E_ENUM] = { "\"%1\" không thuộc các giá trị cho phép: %2",
	                   "\"%1\" is not one of: %2" },
	[SCORE_E_FORMAT_VERSION] = { "định dạng \"%1\" không được hỗ trợ (cần "
	                             "\"" SCORE_RUBRIC_FORMAT "\")",
	                             "unsupported format \"%1\" (expected "
	                             "\"" SCORE_RUBRIC_FORMAT "\")" },
	[SCORE_E_EMPTY] = { "không được để trống", "must not be empty" },
	[SCORE_E_DUPLICATE_ID] = { "mã \"%1\" bị trùng",
	                           "duplicate id \"%1\"" },
	[SCORE_E_NOT_POSITIVE] = { "phải lớn hơn 0 (giá trị %1)",
	                           "must be greater than 0 (got %1)" },
	[SCORE_E_NEGATIVE] = { "không được âm (giá trị %1)",
	                       "must not be negative (got %1)" },
	[SCORE_E_TOO_LARGE] = { "%1 vượt quá giới hạn %2",
	                        "%1 is above the limit %2" },
	[SCORE_E_NOT_INTEGER] = { "phải là số nguyên (giá trị %1)",
	                          "must be a whole number (got %1)" },
	[SCORE_E_DECIMALS] = { "%1 có quá nhiều chữ số thập phân (tối đa %2)",
	                       "%1 has too many decimal places (at most %2)" },
	[SCORE_E_STEP_DIVIDES] = { "bước %1 không chia hết điểm tối đa %2",
	                           "step %1 does not divide max %2" },
	[SCORE_E_LEVEL_RANGE] = { "khoảng mức %1–%2 phải thỏa 0 ≤ min ≤ max ≤ "
	                          "điểm tối đa của tiêu chí",
	                          "level range %1–%2 must satisfy 0 ≤ min ≤ "
	                          "max ≤ the criterion's "
	                          "max" },
	[SCORE_E_UNKNOWN_CRIT_ID] = { "\"%1\" không phải mã của tiêu chí nào",
	                              "\"%1\" names no criterion" },
	[SCORE_E_DUPLICATE_REF] = { "\"%1\" bị liệt kê hai lần",
	                            "\"%1\" is listed twice" },
	[SCORE_E_TIER_ORDER] = { "mức tối thiểu %1 cao hơn của giải đứng trước "
	                         "(%2): các giải xếp từ cao xuống thấp, mức "
	                         "tối thiểu không được tăng",
	                         "min %1 is above the previous tier's min %2: "
	                         "tiers go best first "
	                         "and their mins must not increase" },
	[SCORE_E_SHARE_RANGE] = { "tỉ lệ %1 phải nằm trong khoảng 0 đến 1",
	                          "share %1 must be between 0 and 1" },
	[SCORE_E_LIMIT_REQUIRED] = { "quy tắc loại điểm lệch khác \"none\" cần "
	                             "có \"limit\"",
	                             "an outlier rule other than \"none\" "
	                             "needs a \"limit\"" },
	[SCORE_E_NO_CRITERIA] = { "chế độ chấm điểm (scores) cần ít nhất một "
	                          "tiêu chí",
	                          "scores mode needs at least one criterion" },
	[SCORE_E_BAD_TEXT] = { "văn bản không phải UTF-8 hợp lệ hoặc có ký tự "
	                       "điều khiển",
	                       "text is not valid UTF-8 or has control "
	                       "characters" },
	[SCORE_E_TOO_MANY] = { "quá nhiều mục (tối đa %1)",
	                       "too many items (at most %1)" },
	[SCORE_E_UTF8] = { "byte không hợp lệ trong UTF-8",
	                   "invalid UTF-8 byte" },
	[SCORE_E_CSV_SYNTAX] = { "CSV sai cú pháp (kiểm tra dấu ngoặc kép)",
	                         "malformed CSV (check the quotes)" },
	[SCORE_E_HEADER] = { "dòng tiêu đề phải đúng là \"%1\"",
	                     "the header must be exactly \"%1\"" },
	[SCORE_E_NO_HEADER] = { "tệp rỗng: cần dòng tiêu đề \"%1\"",
	                        "the file is empty: expected the header "
	                        "\"%1\"" },
	[SCORE_E_COLUMN_COUNT] = { "có %1 cột, cần %2 cột",
	                           "%1 columns, expected %2" },
	[SCORE_E_EMPTY_VALUE] = { "giá trị trống", "empty value" },
	[SCORE_E_UNKNOWN_FIELD] = { "lĩnh vực \"%1\" không có trong bộ tiêu "
	                            "chí",
	                            "unknown field \"%1\" (not in the "
	                            "rubric)" },
	[SCORE_E_UNKNOWN_CRITERION] = { "tiêu chí \"%1\" không có trong bộ "
	                                "tiêu chí",
	                                "unknown criterion \"%1\" (not in the "
	                                "rubric)" },
	[SCORE_E_NUMBER] = { "\"%1\" không phải là số (dùng chữ số và dấu "
	                     "chấm thập phân, ví dụ 27.5)",
	                     "\"%1\" is not a number (use digits and a decimal "
	                     "point, e.g. "
	                     "27.5)" },
	[SCORE_E_SCORE_RANGE] = { "điểm %1 nằm ngoài khoảng cho phép 0..%2",
	                          "score %1 is outside the allowed range "
	                          "0..%2" },
	[SCORE_E_SCORE_STEP] = { "điểm %1 không phải là bội số của bước %2",
	                         "score %1 is not a multiple of the step %2" },
	[SCORE_E_DUPLICATE_ROW] = { "giám khảo \"%2\" đã chấm tiêu chí này "
	                            "cho bài \"%1\" (dòng trùng)",
	                            "judge \"%2\" already scored this "
	                            "criterion of entry \"%1\" "
	                            "(duplicate row)" },
	[SCORE_E_DUPLICATE_VOTE] = { "thành viên \"%2\" đã bỏ phiếu cho hồ sơ "
	                             "\"%1\" (dòng trùng)",
	                             "member \"%2\" already voted on entry "
	                             "\"%1\" (duplicate row)" },
	[SCORE_E_TWO_FIELDS] = { "bài \"%1\" đã thuộc lĩnh vực \"%2\"; mỗi "
	                         "bài chỉ thuộc một lĩnh vực",
	                         "entry \"%1\" is already in field \"%2\"; an "
	                         "entry belongs to one "
	                         "field" },
	[SCORE_E_VOTE] = { "phiếu \"%1\" phải là yes hoặc no",
	                   "vote \"%1\" must be yes or no" },
	[SCORE_E_TOO_LONG] = { "dài quá %1 byte", "longer than %1 bytes" },
	[SCORE_E_MODE] = { "không dùng được ở chế độ %1",
	                   "not allowed in %1 mode" },
	[SCORE_E_OVERFLOW] = { "các số quá lớn để tính chính xác",
	                       "the numbers are too large to compute exactly" },
};

/* Type names quoted by SCORE_E_TYPE, translated. */
static const struct {
	const char *key;
	const char *text[SCORE_LANG__MAX];
} type_names[] = {
	{ "string", { "một chuỗi ký tự", "a string" } },
	{ "number", { "một số", "a number" } },
	{ "integer", { "một số nguyên", "a whole number" } },
	{ "object", { "một đối tượng JSON", "a JSON object" } },
	{ "array", { "một danh sách JSON", "a JSON list" } },
	{ "title",
	  { "một đối tượng {\"vi\": …, \"en\": …}",
	    "an object {\"vi\": …, \"en\": …}" } },
};

/*
 * Copies a value quoted from the input into an error: control characters
 * become visible escapes (the message stays one line and cannot drive the
 * terminal), and a long value is cut at a character boundary with "…".
 */
static void
copy_field(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (; src != NULL && *src != '\0'; src++) {
		unsigned char ch = (unsigned char)*src;
		char esc[8] = "";

		if (ch < 0x20 || ch == 0x7f)
			snprintf(esc, sizeof(esc), "\\x%02x", ch);
		if (n + strlen(esc) + 1 + 4 >= size) {
			/* mid-character: drop the bytes copied of it */
			if ((ch & 0xC0) == 0x80) {
				while (n > 0 && ((unsigned char)dst[n - 1] &
				                 0xC0) == 0x80)
					n--;
				n -= n > 0;
			}
			memcpy(dst + n, "…", 3);
			n += 3;
			break;
		}
		if (esc[0] != '\0') {
			memcpy(dst + n, esc, strlen(esc));
			n += strlen(esc);
		} else {
			dst[n++] = (char)ch;
		}
	}
	dst[n] = '\0';
}

int
score_error_set(struct score_error *err, enum score_err code, const char *path,
                const char *detail, const char *detail2)
{
	if (err == NULL)
		return -1;
	err->code = code;
	err->line = 0;
	err->column = 0;
	copy_field(err->path, sizeof(err->path), path);
	copy_field(err->detail, sizeof(err->detail), detail);
	copy_field(err->detail2, sizeof(err->detail2), detail2);
	return -1;
}

static const char *
translate_type(const char *key, enum score_lang lang)
{
	for (size_t i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (strcmp(type_names[i].key, key) == 0)
			return type_names[i].text[lang];
	return key;
}

static void
expand(const char *tmpl, const char *d1, const char *d2, struct buf *out)
{
	for (const char *p = tmpl; *p != '\0'; p++) {
		if (p[0] == '%' && (p[1] == '1' || p[1] == '2')) {
			buf_puts(out, p[1] == '1' ? d1 : d2);
			p++;
		} else {
			buf_putc(out, *p);
		}
	}
}

void
score_error_format(const struct score_error *err, const char *source,
                   enum score_lang lang, struct buf *out)
{
	static const char *const where[SCORE_LANG__MAX][2] = {
		{ "dòng", "cột" },
		{ "line", "column" },
	};
	enum score_err code = err->code;
	const char *d1 = err->detail;

	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_EN;
	if ((unsigned)code >= SCORE_E__MAX)
		code = SCORE_OK;
	if (code == SCORE_E_TYPE)
		d1 = translate_type(err->detail, lang);
	if (source != NULL && *source != '\0')
		buf_printf(out, "%s: ", source);
	if (err->line > 0) {
		buf_printf(out, "%s %ld", where[lang][0], err->line);
		if (err->column > 0)
			buf_printf(out, ", %s %ld", where[lang][1],
			           err->column);
		if (err->path[0] != '\0')
			buf_printf(out, " (%s)", err->path);
		buf_puts(out, ": ");
	} else if (err->path[0] != '\0') {
		buf_printf(out, "%s: ", err->path);
	}
	expand(messages[code][lang], d1, err->detail2, out);
}

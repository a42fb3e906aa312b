/* text.c: every message of the UI in Vietnamese and English, and the names
 * of programs, levels, lifecycle states and roles. */
#include <string.h>

#include "forms.h"

/*
 * Indexed by message and language. Designated initialisers keep each row
 * next to its name, so a message added to the enum without its text shows
 * up as NULL, which the unit test "T() completeness" catches. Vietnamese
 * comes first: it is the product's language; English is for guests and
 * the national reviewers. All text is NFC (the test checks that too).
 */
static const char *const text[MSG__MAX][SCORE_LANG__MAX] = {
	[MSG_APP_NAME] = { "Giám khảo", "giamkhao" },
	[MSG_LOGIN] = { "Đăng nhập", "Log in" },
	[MSG_LOGOUT] = { "Đăng xuất", "Log out" },
	[MSG_LOGIN_NAME] = { "Tên đăng nhập", "Username" },
	[MSG_PASSWORD] = { "Mật khẩu", "Password" },
	[MSG_LOGIN_FAILED] = { "Sai tên đăng nhập hoặc mật khẩu",
	                       "Wrong username or password" },
	[MSG_LOGIN_THROTTLED] = { "Đăng nhập sai quá nhiều lần, vui lòng chờ "
	                          "ít phút rồi thử lại",
	                          "Too many failed attempts; please wait a "
	                          "few minutes and try again" },
	[MSG_HOME] = { "Trang chủ", "Home" },
	[MSG_EDITIONS] = { "Các kỳ thi, giải thưởng", "Contests and awards" },
	[MSG_NEW_EDITION] = { "Tạo kỳ thi mới", "New edition" },
	[MSG_CREATE] = { "Tạo mới", "Create" },
	[MSG_SAVE] = { "Lưu", "Save" },
	[MSG_CANCEL] = { "Hủy", "Cancel" },
	[MSG_PROGRAM] = { "Chương trình", "Programme" },
	[MSG_NUMBER] = { "Lần thứ", "Edition number" },
	[MSG_YEAR_FROM] = { "Từ năm", "From year" },
	[MSG_YEAR_TO] = { "Đến năm", "To year" },
	[MSG_LEVEL] = { "Cấp", "Level" },
	[MSG_TITLE] = { "Tên gọi", "Title" },
	[MSG_STATE] = { "Giai đoạn", "Stage" },
	[MSG_SUBMIT_UNTIL] = { "Hạn nhận hồ sơ", "Entries accepted until" },
	[MSG_JUDGING_UNTIL] = { "Hạn chấm thi", "Judging ends" },
	[MSG_POSTING_FROM] = { "Niêm yết công khai từ ngày",
	                       "Public posting from" },
	[MSG_POSTING_UNTIL] = { "Niêm yết công khai đến ngày",
	                        "Public posting until" },
	[MSG_ORG_NAME] = { "Cơ quan tổ chức", "Organising body" },
	[MSG_ORG_PROVINCE] = { "Tỉnh, thành phố", "Province or city" },
	[MSG_SIGNATORY] = { "Người ký", "Signatory" },
	[MSG_SIGNATORY_TITLE] = { "Chức vụ người ký", "Signatory's position" },
	[MSG_HIDE_AUTHORS] = { "Ẩn tên tác giả với giám khảo",
	                       "Hide authors' names from judges" },
	[MSG_NO_EDITIONS] = { "Chưa có kỳ thi, giải thưởng nào.",
	                      "There are no contests or awards yet." },
	[MSG_ERR_REQUIRED] = { "Vui lòng nhập thông tin này",
	                       "This field is required" },
	[MSG_ERR_NUMBER] = { "Vui lòng nhập một số", "Please enter a number" },
	[MSG_ERR_RANGE] = { "Giá trị nằm ngoài khoảng cho phép",
	                    "The value is outside the allowed range" },
	[MSG_ERR_DATE] = { "Ngày không hợp lệ (nhập theo dạng năm-tháng-ngày, "
	                   "ví dụ 2026-11-26)",
	                   "Invalid date (use year-month-day, for example "
	                   "2026-11-26)" },
	[MSG_ERR_CHOICE] = { "Vui lòng chọn một mục trong danh sách",
	                     "Please choose one of the options" },
	[MSG_ERR_TOO_LONG] = { "Nội dung quá dài", "Too long" },
	[MSG_ERR_TEXT] = { "Nội dung có ký tự không hợp lệ",
	                   "Contains characters that are not allowed" },
	[MSG_FIX_ERRORS] = { "Vui lòng sửa các mục được đánh dấu bên dưới.",
	                     "Please correct the fields marked below." },
	[MSG_NEXT_STATE] = { "Chuyển sang giai đoạn tiếp theo",
	                     "Move to the next stage" },
	[MSG_RUBRIC] = { "Bộ tiêu chí", "Rubric" },
	[MSG_ROLE] = { "Vai trò", "Role" },
	/* The switch is labelled in the language it leads to. */
	[MSG_LANG_SWITCH] = { "English", "Tiếng Việt" },
	[MSG_STATUS_400] = { "Yêu cầu không hợp lệ", "Bad request" },
	[MSG_STATUS_403] = { "Bạn không có quyền truy cập",
	                     "You do not have access to this page" },
	[MSG_STATUS_404] = { "Không tìm thấy trang", "Page not found" },
	[MSG_STATUS_405] = { "Thao tác này không được hỗ trợ",
	                     "This method is not allowed here" },
	[MSG_STATUS_413] = { "Dữ liệu gửi lên quá lớn",
	                     "The submitted data is too large" },
	[MSG_STATUS_429] = { "Thử quá nhiều lần, vui lòng chờ ít phút",
	                     "Too many attempts; please wait a few minutes" },
	[MSG_STATUS_500] = { "Hệ thống gặp lỗi, vui lòng thử lại sau",
	                     "Something went wrong; please try again later" },
	[MSG_STATUS_503] = { "Hệ thống đang bận, vui lòng thử lại sau ít phút",
	                     "The system is busy; please try again in a few "
	                     "minutes" },
	[MSG_BACK_HOME] = { "Về trang chủ", "Back to the home page" },
	[MSG_CSRF] = { "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ, "
	               "vui lòng tải lại trang",
	               "Your session has expired or the form is no longer "
	               "valid; please reload the page" },
};

const char *
T(enum score_lang lang, enum msg m)
{
	if ((unsigned)m >= MSG__MAX)
		return "";
	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_VI;
	/* No fallback for a missing entry: the unit test must see it. */
	return text[m][lang];
}

/* A fixed value as stored (the database and rubric spelling) and its
 * names for people. */
struct name {
	const char *value;
	const char *text[SCORE_LANG__MAX];
};

static const struct name programs[] = {
	{ "technical-innovation",
	  { "Hội thi Sáng tạo Kỹ thuật", "Technical Innovation Contest" } },
	{ "youth-creativity",
	  { "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng",
	    "Youth and Children's Creativity Contest" } },
	{ "vifotec-award",
	  { "Giải thưởng Sáng tạo Khoa học và Công nghệ Việt Nam (VIFOTEC)",
	    "Vietnam Science and Technology Innovation Award (VIFOTEC)" } },
	{ "golden-book",
	  { "Sách vàng Sáng tạo Việt Nam",
	    "Golden Book of Vietnamese Creativity" } },
	{ "honouring",
	  { "Tôn vinh trí thức khoa học và công nghệ tiêu biểu",
	    "Honouring outstanding science and technology intellectuals" } },
	{ "custom", { "Chương trình khác", "Other programme" } },
	{ NULL, { NULL, NULL } },
};

static const struct name levels[] = {
	{ "district", { "Cấp huyện", "District level" } },
	{ "province", { "Cấp tỉnh", "Provincial level" } },
	{ "national", { "Cấp quốc gia", "National level" } },
	{ NULL, { NULL, NULL } },
};

/* In lifecycle order, like edition_states below. */
static const struct name states[] = {
	{ "draft", { "Dự thảo", "Draft" } },
	{ "receiving", { "Nhận hồ sơ", "Receiving entries" } },
	{ "eligibility", { "Sơ khảo", "Eligibility check" } },
	{ "judging", { "Chấm thi", "Judging" } },
	{ "results", { "Tổng hợp kết quả", "Compiling results" } },
	{ "posted", { "Niêm yết công khai", "Posted for objections" } },
	{ "decided", { "Đã có quyết định", "Award decided" } },
	{ "closed", { "Đã kết thúc", "Closed" } },
	{ NULL, { NULL, NULL } },
};

static const struct name roles[] = {
	{ "admin", { "Quản trị hệ thống", "Administrator" } },
	{ "organiser", { "Ban Tổ chức", "Organiser" } },
	{ "judge", { "Giám khảo", "Judge" } },
	{ "chair", { "Trưởng tiểu ban", "Panel chair" } },
	{ NULL, { NULL, NULL } },
};

/*
 * The name of `value` in `lang`. An unknown value is shown as it is
 * (a newer database or a custom value must still display something);
 * NULL becomes "" so callers can pass the result to strlen and friends.
 */
static const char *
name_lookup(const struct name *table, enum score_lang lang, const char *value)
{
	if (value == NULL)
		return "";
	if ((unsigned)lang >= SCORE_LANG__MAX)
		lang = SCORE_LANG_VI;
	for (; table->value != NULL; table++)
		if (strcmp(table->value, value) == 0)
			return table->text[lang];
	return value;
}

const char *
name_program(enum score_lang lang, const char *program)
{
	return name_lookup(programs, lang, program);
}

const char *
name_level(enum score_lang lang, const char *level)
{
	return name_lookup(levels, lang, level);
}

const char *
name_state(enum score_lang lang, const char *state)
{
	return name_lookup(states, lang, state);
}

const char *
name_role(enum score_lang lang, const char *role)
{
	return name_lookup(roles, lang, role);
}

/* The spelling of server/db's CHECK constraint on editions.state. */
const char *const edition_states[] = {
	"draft",  "receiving", "eligibility", "judging", "results",
	"posted", "decided",   "closed",      NULL,
};

const char *
edition_next_state(const char *state)
{
	if (state == NULL)
		return NULL;
	for (size_t i = 0; edition_states[i] != NULL; i++)
		if (strcmp(edition_states[i], state) == 0)
			return edition_states[i + 1];
	return NULL;
}

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
	[MSG_EDIT_EDITION] = { "Sửa thông tin kỳ thi", "Edit the details" },
	[MSG_SETTINGS] = { "Thông tin đơn vị", "Organisation" },
	[MSG_SETTINGS_HELP] = { "Các kỳ thi mới lấy tên đơn vị và người ký từ "
	                        "đây; mỗi kỳ thi vẫn sửa riêng được.",
	                        "New editions take the organisation's name and "
	                        "signatory from here; each edition can still "
	                        "be changed on its own." },
	[MSG_PUBLIC_URL] = { "Địa chỉ công khai (để tra cứu chứng nhận)",
	                     "Public address (for verifying certificates)" },
	[MSG_SAVED] = { "Đã lưu", "Saved" },
	[MSG_CREATE] = { "Tạo mới", "Create" },
	[MSG_SAVE] = { "Lưu", "Save" },
	[MSG_CANCEL] = { "Hủy", "Cancel" },
	[MSG_PROGRAM] = { "Chương trình", "Programme" },
	[MSG_NUMBER] = { "Lần thứ", "Edition number" },
	[MSG_YEAR_FROM] = { "Từ năm", "From year" },
	[MSG_YEAR_TO] = { "Đến năm", "To year" },
	[MSG_YEARS] = { "Năm", "Year" },
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
	[MSG_ERR_URL] = { "Cần một địa chỉ web bắt đầu bằng https://",
	                  "A web address starting with https:// is needed" },
	[MSG_ERR_DETAIL] = { "Giá trị không hợp lệ", "Invalid value" },
	[MSG_ERR_FIELD_IN_USE] = { "Không thể bỏ lĩnh vực đang có hồ sơ dự thi",
	                           "A field that entries belong to cannot be "
	                           "removed" },
	[MSG_ERR_FIELD_ID] = { "Mã lĩnh vực không được chứa dấu cách",
	                       "A field id cannot contain spaces" },
	[MSG_RUBRIC_TOO_BIG] = { "Bộ tiêu chí này có nhiều mục hơn trang sửa "
	                         "chứa được: hãy tải về, sửa tệp JSON rồi nhập "
	                         "lại.",
	                         "This rubric has more items than the editor "
	                         "holds: download it, edit the JSON file and "
	                         "import it." },
	[MSG_ERR_LEVELS] = { "Mỗi dòng phải có dạng: từ-đến | mô tả tiếng "
	                     "Việt | mô tả tiếng Anh (không bắt buộc)",
	                     "Each line must read: from-to | Vietnamese label "
	                     "| English label (optional)" },
	[MSG_FIX_ERRORS] = { "Vui lòng sửa các mục được đánh dấu bên dưới.",
	                     "Please correct the fields marked below." },
	[MSG_NEXT_STATE] = { "Chuyển sang giai đoạn tiếp theo",
	                     "Move to the next stage" },
	[MSG_RUBRIC] = { "Bộ tiêu chí", "Rubric" },
	[MSG_ROLE] = { "Vai trò", "Role" },
	/* The switch is labelled in the language it leads to. */
	[MSG_LANG_SWITCH] = { "English", "Tiếng Việt" },
	[MSG_STATUS_400] = { "Yêu cầu không hợp lệ", "Bad request" },
	[MSG_STATUS_401] = { "Cần đăng nhập (phiên làm việc đã hết hạn?)",
	                     "Please log in (has the session expired?)" },
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
	[MSG_APPLIED_FROM] = { "Mốc áp dụng vào thực tế (từ ngày)",
	                       "Applied in practice since (cut-off)" },
	[MSG_BIRTH_FROM] = { "Tác giả sinh từ ngày",
	                     "Authors born on or after" },
	[MSG_BIRTH_UNTIL] = { "Tác giả sinh đến ngày",
	                      "Authors born on or before" },
	[MSG_STATUS_409] = { "Thao tác không còn hợp lệ vì dữ liệu đã thay "
	                     "đổi; vui lòng tải lại trang",
	                     "This action no longer applies because the data "
	                     "changed; please reload the page" },
	[MSG_ENTRIES] = { "Hồ sơ dự thi", "Entries" },
	[MSG_NEW_ENTRY] = { "Thêm hồ sơ", "Add an entry" },
	[MSG_IMPORT] = { "Nhập hồ sơ từ tệp CSV", "Import entries from CSV" },
	[MSG_TEMPLATE] = { "Tải tệp mẫu CSV", "Download the CSV template" },
	[MSG_CODE] = { "Mã hồ sơ", "Entry code" },
	[MSG_FIELD] = { "Lĩnh vực", "Field" },
	[MSG_SUMMARY] = { "Tóm tắt", "Summary" },
	[MSG_ORGANISATION] = { "Đơn vị dự thi", "Entering organisation" },
	[MSG_DISTRICT] = { "Huyện, xã", "District, commune" },
	[MSG_APPLIED_SINCE] = { "Áp dụng từ ngày", "Applied since" },
	[MSG_APPLIED_PLACE] = { "Nơi áp dụng", "Where applied" },
	[MSG_PRIOR_AWARDS] = { "Giải thưởng đã đạt", "Prior awards" },
	[MSG_AUTHORS] = { "Tác giả", "Authors" },
	[MSG_AUTHOR_NAME] = { "Họ và tên", "Full name" },
	[MSG_BIRTH_DATE] = { "Ngày sinh", "Date of birth" },
	[MSG_ETHNICITY] = { "Dân tộc", "Ethnicity" },
	[MSG_UNIT] = { "Trường, đơn vị công tác", "School or unit" },
	[MSG_AUTHOR_ROLE] = { "Vai trò", "Role" },
	[MSG_ELIGIBILITY] = { "Sơ khảo (điều kiện dự thi)",
	                      "Eligibility check" },
	[MSG_ELIGIBLE] = { "Đủ điều kiện", "Eligible" },
	[MSG_INELIGIBLE] = { "Không đủ điều kiện", "Not eligible" },
	[MSG_PENDING] = { "Chưa xét", "Not yet decided" },
	[MSG_REASON] = { "Lý do", "Reason" },
	[MSG_DECIDE] = { "Ghi quyết định", "Record the decision" },
	[MSG_WARNINGS] = { "Kiểm tra tự động", "Automatic checks" },
	[MSG_NO_ENTRIES] = { "Chưa có hồ sơ nào.", "No entries yet." },
	[MSG_IMPORT_FILE] = { "Tệp CSV (UTF-8; chấp nhận tệp lưu từ Excel)",
	                      "CSV file (UTF-8; files saved from Excel are "
	                      "accepted)" },
	[MSG_IMPORT_FAILED] = { "Tệp bị từ chối toàn bộ: chưa hồ sơ nào được "
	                        "nhập. Hãy sửa các lỗi sau rồi nhập lại.",
	                        "The whole file was refused: nothing was "
	                        "imported. Fix these errors and import it "
	                        "again." },
	[MSG_IMPORT_DONE] = { "Đã nhập xong các hồ sơ.",
	                      "The entries were imported." },
	[MSG_ATTACHMENTS] = { "Tệp đính kèm", "Attachments" },
	[MSG_UPLOAD] = { "Tải lên", "Upload" },
	[MSG_ATTACHMENT_RULES] = { "PDF, JPEG hoặc PNG, tối đa 10 MB mỗi tệp",
	                           "PDF, JPEG or PNG, at most 10 MB each" },
	[MSG_EDIT] = { "Sửa", "Edit" },
	[MSG_CHANGE] = { "Thay đổi", "Change" },
	[MSG_EXPERTS] = { "Chuyên gia", "Experts" },
	[MSG_NEW_EXPERT] = { "Thêm chuyên gia", "Add an expert" },
	[MSG_EXPERT_TITLE] = { "Học hàm, học vị, chức danh",
	                       "Academic title, position" },
	[MSG_EXPERTISE] = { "Lĩnh vực chuyên môn", "Fields of expertise" },
	[MSG_EMAIL] = { "Thư điện tử", "Email" },
	[MSG_PHONE] = { "Điện thoại", "Phone" },
	[MSG_PANELS] = { "Tiểu ban chấm", "Panels" },
	[MSG_PANELS_CHAIRED] = { "Tiểu ban tôi làm trưởng ban",
	                         "Panels I chair" },
	[MSG_NEW_PANEL] = { "Lập tiểu ban", "Create a panel" },
	[MSG_PANEL_NAME] = { "Tên tiểu ban", "Panel name" },
	[MSG_PANEL_FIELDS] = { "Các lĩnh vực tiểu ban chấm",
	                       "Fields the panel judges" },
	[MSG_CHAIR] = { "Trưởng tiểu ban", "Chair" },
	[MSG_MEMBERS] = { "Thành viên", "Members" },
	[MSG_NONE] = { "Không có", "None" },
	[MSG_CONFLICTS] = { "Xung đột lợi ích", "Conflicts of interest" },
	[MSG_DECLARE_CONFLICT] = { "Khai báo xung đột lợi ích",
	                           "Declare a conflict of interest" },
	[MSG_ASSIGN] = { "Phân công tự động", "Assign automatically" },
	[MSG_ASSIGNMENTS] = { "Phân công chấm", "Assignments" },
	[MSG_ASSIGN_REPORT] = { "Kết quả phân công", "Assignment report" },
	[MSG_JUDGES] = { "Giám khảo", "Judges" },
	[MSG_ADD] = { "Thêm", "Add" },
	[MSG_REMOVE] = { "Bỏ", "Remove" },
	[MSG_WARN_AGE] = { "Có tác giả sinh ngoài khoảng tuổi của cuộc thi",
	                   "An author was born outside the contest's age "
	                   "window" },
	[MSG_WARN_NO_BIRTH] = { "Thiếu ngày sinh của tác giả",
	                        "An author's date of birth is missing" },
	[MSG_WARN_NOT_APPLIED] = { "Chưa có ngày áp dụng vào thực tế (giải "
	                           "pháp mới là ý tưởng?)",
	                           "No date of application in practice (only "
	                           "an idea?)" },
	[MSG_WARN_APPLIED_EARLY] = { "Áp dụng trước mốc thời gian của kỳ thi",
	                             "Applied before the edition's cut-off "
	                             "date" },
	[MSG_WARN_OLD_APPLICATION] = { "Áp dụng đã quá 5 năm",
	                               "Applied more than 5 years ago" },
	[MSG_WARN_PRIOR_AWARD] = { "Đã đạt giải thưởng: kiểm tra quy định loại "
	                           "trừ",
	                           "Already awarded: check the exclusion "
	                           "rule" },
	[MSG_NO_WARNINGS] = { "Không có cảnh báo", "No warnings" },
	[MSG_RUBRIC_EDITOR] = { "Bộ tiêu chí chấm", "Judging rubric" },
	[MSG_RUBRIC_FROZEN] = { "Đã có điểm chấm: mỗi thay đổi tạo một phiên "
	                        "bản mới của bộ tiêu chí và cần ghi lý do. Các "
	                        "phiếu đã chấm giữ phiên bản cũ.",
	                        "Scores exist: each change makes a new version "
	                        "of the rubric and needs a reason. Sheets "
	                        "already scored keep their version." },
	[MSG_RUBRIC_IMPORT] = { "Nhập bộ tiêu chí từ JSON",
	                        "Import a rubric from JSON" },
	[MSG_RUBRIC_EXPORT] = { "Tải bộ tiêu chí (JSON)",
	                        "Download the rubric (JSON)" },
	[MSG_RUBRIC_JSON] = { "Nội dung JSON (định dạng giamkhao-rubric/1)",
	                      "JSON text (giamkhao-rubric/1 format)" },
	[MSG_CRITERIA] = { "Tiêu chí", "Criteria" },
	[MSG_CRITERION] = { "Tiêu chí", "Criterion" },
	[MSG_CRITERION_NEW] = { "Thêm tiêu chí (để trống nếu không cần)",
	                        "Add a criterion (leave empty if not needed)" },
	[MSG_MAX_POINTS] = { "Điểm tối đa", "Maximum" },
	[MSG_WEIGHT] = { "Hệ số", "Weight" },
	[MSG_STEP] = { "Bước điểm", "Step" },
	[MSG_LEVELS] = { "Các mức đánh giá", "Levels" },
	[MSG_LEVELS_HELP] = { "Mỗi dòng một mức: từ-đến | mô tả tiếng Việt | "
	                      "mô tả tiếng Anh",
	                      "One level per line: from-to | Vietnamese label "
	                      "| English label" },
	[MSG_ID] = { "Mã", "Id" },
	[MSG_TITLE_VI] = { "Tên (tiếng Việt)", "Name (Vietnamese)" },
	[MSG_TITLE_EN] = { "Tên (tiếng Anh)", "Name (English)" },
	[MSG_DESCRIPTION] = { "Mô tả, hướng dẫn chấm (tiếng Việt)",
	                      "Description, guidance (Vietnamese)" },
	[MSG_DESCRIPTION_EN] = { "Mô tả (tiếng Anh)", "Description (English)" },
	[MSG_AGGREGATION] = { "Tổng hợp điểm", "Aggregation" },
	[MSG_METHOD] = { "Cách tính điểm", "Method" },
	[MSG_TRIM] = { "Số điểm bỏ mỗi đầu (trung bình cắt)",
	               "Totals dropped at each end (trimmed)" },
	[MSG_OUTLIER] = { "Loại phiếu chấm lệch", "Outlier exclusion" },
	[MSG_LIMIT] = { "Ngưỡng lệch", "Limit" },
	[MSG_NORMALIZE] = { "Chuẩn hóa theo giám khảo",
	                    "Normalisation by judge" },
	[MSG_MIN_JUDGES] = { "Số giám khảo tối thiểu", "Minimum judges" },
	[MSG_DECIMALS] = { "Số chữ số thập phân", "Decimal places" },
	[MSG_TIE_BREAK] = { "Xét khi bằng điểm (mã tiêu chí, cách nhau bởi dấu "
	                    "phẩy)",
	                    "Tie-break (criterion ids, comma-separated)" },
	[MSG_AWARDS] = { "Giải thưởng", "Prizes" },
	[MSG_SCOPE] = { "Phạm vi xếp giải", "Ranking scope" },
	[MSG_FLOOR] = { "Điểm sàn", "Floor" },
	[MSG_TIERS] = { "Các hạng giải", "Prize tiers" },
	[MSG_TIER_MIN] = { "Điểm tối thiểu", "Minimum score" },
	[MSG_MAX_COUNT] = { "Số giải tối đa", "At most" },
	[MSG_PRIZE] = { "Tiền thưởng (đồng)", "Prize money (VND)" },
	[MSG_BALLOT] = { "Bỏ phiếu", "Ballot" },
	[MSG_BALLOT_RULE] = { "Điều kiện chọn", "Selection rule" },
	[MSG_SHARE] = { "Tỉ lệ phiếu đồng ý", "Yes share" },
	[MSG_MAX_SELECTED] = { "Số được chọn tối đa", "At most selected" },
	[MSG_FIELDS] = { "Lĩnh vực", "Fields" },
	[MSG_VERSION] = { "Phiên bản", "Version" },
	[MSG_REASON_REQUIRED] = { "Cần ghi lý do thay đổi",
	                          "A reason for the change is needed" },
	[MSG_RUBRIC_FILE] = { "Tệp JSON (hoặc dán nội dung vào ô dưới)",
	                      "JSON file (or paste the text below)" },
	[MSG_RUBRIC_MODE] = { "Hình thức đánh giá", "Judging mode" },
	[MSG_RUBRIC_SAVED] = { "Đã lưu phiên bản mới của bộ tiêu chí",
	                       "A new version of the rubric was saved" },
	[MSG_RUBRIC_EMPTY] = { "Chưa chọn tệp hoặc dán nội dung JSON",
	                       "No file chosen and no JSON text pasted" },
	[MSG_SHEET] = { "Phiếu chấm", "Score sheet" },
	[MSG_SAVE_DRAFT] = { "Lưu nháp", "Save draft" },
	[MSG_SUBMIT_SHEET] = { "Nộp phiếu", "Submit" },
	[MSG_TOTAL] = { "Tổng điểm", "Total" },
	[MSG_COMMENT] = { "Nhận xét", "Comments" },
	[MSG_SHEET_SAVED] = { "Đã lưu bản nháp.", "Draft saved." },
	[MSG_SHEET_SENT] = { "Đã nộp phiếu chấm.", "Sheet submitted." },
	[MSG_SHEET_LOCKED] = { "Vòng chấm của tiểu ban đã khóa: phiếu chỉ còn "
	                       "xem được. Muốn sửa, hãy đề nghị Ban Tổ chức mở "
	                       "lại phiếu.",
	                       "The panel's round is locked: the sheet can "
	                       "only be read. To change it, ask the organisers "
	                       "to reopen it." },
	[MSG_SHEET_CLOSED] = { "Kỳ thi không ở giai đoạn chấm: phiếu chỉ xem "
	                       "được.",
	                       "The edition is not in its judging stage: the "
	                       "sheet can only be read." },
	[MSG_SHEET_STALE] = { "Phiếu này vừa được lưu ở nơi khác (phiên bản "
	                      "mới hơn). Dưới đây là phiếu đang lưu; hãy nhập "
	                      "lại thay đổi của bạn.",
	                      "This sheet was just saved elsewhere (a newer "
	                      "version). Below is the stored sheet; please "
	                      "enter your change again." },
	[MSG_SHEET_REPLAYED] = { "Lần lưu này đã được ghi nhận trước đó; không "
	                         "có gì thay đổi.",
	                         "This save had already been recorded; nothing "
	                         "changed." },
	[MSG_REASON_CHANGE] = { "Lý do sửa phiếu đã nộp",
	                        "Why the submitted sheet changes" },
	[MSG_ERR_MISSING_SCORE] = { "Chưa có điểm cho tiêu chí này",
	                            "This criterion has no score yet" },
	[MSG_DEADLINE] = { "Hạn chấm", "Deadline" },
	[MSG_STEP_DOWN] = { "Bớt", "Less" },
	[MSG_STEP_UP] = { "Thêm", "More" },
	[MSG_REMAINING] = { "còn lại", "left" },
	[MSG_SUBMITTED_AT] = { "Nộp lúc", "Submitted at" },
	[MSG_RUBRIC_CHANGED] = { "Bộ tiêu chí vừa được đổi sang phiên bản mới; "
	                         "hãy xem lại phiếu rồi lưu lại.",
	                         "The rubric has just changed to a new "
	                         "version; please check the sheet and save "
	                         "again." },
	[MSG_PROGRESS_PAGE] = { "Tiến độ chấm", "Judging progress" },
	[MSG_LOCK_ROUND] = { "Khóa vòng chấm", "Lock the round" },
	[MSG_UNLOCK_ROUND] = { "Mở khóa vòng chấm", "Unlock the round" },
	[MSG_ROUND_LOCKED] = { "Đã khóa", "Locked" },
	[MSG_ROUND_OPEN] = { "Đang chấm", "Open" },
	[MSG_LAST_ACTIVITY] = { "Lần lưu gần nhất", "Last save" },
	[MSG_SHEETS] = { "Các phiếu chấm", "Sheets" },
	[MSG_REOPEN] = { "Mở lại phiếu", "Reopen" },
	[MSG_JUDGE] = { "Giám khảo", "Judge" },
	[MSG_DONE_OF] = { "Đã nộp / được giao", "Submitted / assigned" },
	[MSG_Q_LOCAL] = { "Đã lưu trên máy này, đang gửi…",
	                  "Saved on this tablet, sending…" },
	[MSG_Q_SENT] = { "Đã gửi tới máy chủ.", "Sent to the server." },
	[MSG_Q_WAITING] = { "Chưa có mạng: đã lưu trên máy này, sẽ tự gửi khi "
	                    "có mạng.",
	                    "No network: saved on this tablet, it will be sent "
	                    "when the network is back." },
	[MSG_Q_LOGIN] = { "Phiên đăng nhập đã hết: hãy đăng nhập lại; các lần "
	                  "lưu vẫn nằm trên máy này.",
	                  "The session has ended: please log in again; the "
	                  "saves stay on this tablet." },
	[MSG_Q_PENDING] = { "lần lưu chưa gửi", "saves not sent yet" },
	[MSG_Q_RESTORED] = { "Phiếu có thay đổi chưa gửi (lưu trên máy này): "
	                     "đang hiển thị bản trên máy.",
	                     "This sheet has changes not sent yet (kept on "
	                     "this tablet): showing them." },
	[MSG_Q_LOGOUT] = { "Còn lần lưu chưa gửi. Vẫn đăng xuất? (chúng sẽ "
	                   "được gửi khi bạn đăng nhập lại trên máy này)",
	                   "Some saves are not sent yet. Log out anyway? (they "
	                   "will be sent when you log in again on this "
	                   "tablet)" },
	[MSG_NOT_STARTED] = { "Chưa chấm", "Not started" },
	[MSG_DRAFT] = { "Đang chấm (bản nháp)", "Draft" },
	[MSG_SUBMITTED] = { "Đã nộp", "Submitted" },
	[MSG_NO_ASSIGNMENTS] = { "Bạn chưa được phân công chấm hồ sơ nào.",
	                         "No entries are assigned to you yet." },
	[MSG_PROGRESS] = { "Tiến độ", "Progress" },
	[MSG_RESULTS] = { "Kết quả chấm", "Results" },
	[MSG_RESULTS_NONE] = { "Chưa tính kết quả lần nào.",
	                       "No results computed yet." },
	[MSG_RESULTS_COMPUTE] = { "Tính kết quả", "Compute the results" },
	[MSG_RESULTS_COMPUTE_ASK] = { "Tính kết quả từ các phiếu đã nộp? Mỗi "
	                              "lần tính tạo một bản kết "
	                              "quả mới, không sửa bản cũ.",
	                              "Compute the results from the submitted "
	                              "sheets? Each computation "
	                              "makes a new snapshot and never changes "
	                              "an old one." },
	[MSG_RESULTS_SNAPSHOT] = { "Bản kết quả", "Snapshot" },
	[MSG_RESULTS_MANIFEST] = { "Bản kết quả ghi lại đúng các phiếu và bộ "
	                           "tiêu chí đã dùng: tải các "
	                           "phiếu (CSV) và bộ tiêu chí, chạy «giamkhao "
	                           "results» là ra lại đúng "
	                           "từng byte.",
	                           "A snapshot keeps the exact sheets and "
	                           "rubric it used: download the "
	                           "sheets (CSV) and the rubric, run «giamkhao "
	                           "results», and get the "
	                           "same bytes." },
	[MSG_RESULTS_HISTORY] = { "Các lần tính", "Snapshots" },
	[MSG_RESULTS_EXPORT] = { "Tải các phiếu được tính (CSV)",
	                         "Download the counted sheets (CSV)" },
	[MSG_RESULTS_UNLOCKED] = { "Chưa tính được: còn tiểu ban chưa khóa "
	                           "vòng chấm.",
	                           "Not yet: some panels have not locked their "
	                           "round." },
	[MSG_REASON_TOO_LONG] = { "Lý do quá dài: tối đa 1000 ký tự.",
	                          "The reason is too long: 1000 characters at "
	                          "most." },
	[MSG_RESULTS_STALE] = { "Các phiếu chấm đã thay đổi sau khi tính bản "
	                        "kết quả này (một phiếu "
	                        "được mở lại và sửa): hãy tính lại rồi niêm "
	                        "yết bản mới.",
	                        "The sheets changed after this snapshot was "
	                        "computed (a sheet was "
	                        "reopened and corrected): compute again and "
	                        "post the new one." },
	[MSG_RESULTS_BAD_SCORE] = { "Chưa tính được: một điểm đã nộp không hợp "
	                            "với bộ tiêu chí hiện "
	                            "hành (hãy mở lại phiếu đó để giám khảo "
	                            "sửa).",
	                            "Not yet: a submitted score does not fit "
	                            "the rubric in force "
	                            "(reopen that sheet for its judge to "
	                            "correct)." },
	[MSG_RANK] = { "Hạng", "Rank" },
	[MSG_SCORE] = { "Điểm", "Score" },
	[MSG_TIER] = { "Giải đề xuất", "Proposed prize" },
	[MSG_SHEETS_COUNTED] = { "Phiếu tính", "Sheets counted" },
	[MSG_FLAGS] = { "Ghi chú", "Flags" },
	[MSG_FLAG_TIE] = { "đồng hạng", "tie" },
	[MSG_FLAG_CUSP] = { "ranh giới giải: Hội đồng quyết định",
	                    "at a prize's limit: the committee decides" },
	[MSG_FLAG_INSUFFICIENT] = { "chưa đủ số giám khảo", "too few judges" },
	[MSG_EXCLUDED] = { "phiếu bị loại (lệch quá xa)",
	                   "sheets excluded (too far off)" },
	[MSG_DIAG_ALPHA] = { "Hệ số alpha của Krippendorff đo mức các giám "
	                     "khảo chấm thống nhất "
	                     "với nhau: 1 là hoàn toàn thống nhất, 0 là như "
	                     "chấm ngẫu nhiên; từ "
	                     "0,8 trở lên là tốt.",
	                     "Krippendorff's alpha measures how far the judges "
	                     "agree: 1 is full "
	                     "agreement, 0 is no better than chance; 0.8 or "
	                     "more is good." },
	[MSG_DIAG_ICC] = { "ICC(2,1) cho biết điểm của một giám khảo đáng tin "
	                   "đến đâu, "
	                   "ICC(2,k) cho biết điểm trung bình của cả tiểu ban "
	                   "đáng tin đến đâu "
	                   "(càng gần 1 càng tốt).",
	                   "ICC(2,1) says how reliable one judge's score is, "
	                   "ICC(2,k) how "
	                   "reliable the panel's mean is (the closer to 1 the "
	                   "better)." },
	[MSG_DIAG_SEVERITY] = { "Độ lệch của giám khảo là điểm trung bình của "
	                        "họ trừ điểm trung bình "
	                        "chung: số âm là chấm chặt hơn, số dương là "
	                        "chấm rộng hơn.",
	                        "A judge's severity is their mean minus "
	                        "everyone's mean: negative "
	                        "is stricter, positive more lenient." },
	[MSG_DIAG_MEAN] = { "Điểm trung bình", "Mean" },
	[MSG_DIAG_NONE] = { "không tính được (chưa đủ dữ liệu)",
	                    "not defined (too little data)" },
	[MSG_CONTEST_SCOPE] = { "Toàn kỳ thi", "The whole contest" },
	[MSG_DIAGNOSTICS] = { "Độ tin cậy của việc chấm",
	                      "How reliable the judging was" },
	[MSG_RUBRIC_VERSION] = { "bộ tiêu chí bản", "rubric version" },
	[MSG_EXPORT_CSV] = { "Bảng kết quả (CSV)", "Results table (CSV)" },
	[MSG_EXPORT_XLSX] = { "Bảng kết quả (Excel)", "Results table (Excel)" },
	[MSG_EXPORT_PDF] = { "Biên bản tổng hợp kết quả chấm (PDF)",
	                     "Summary of the results, to sign (PDF)" },
	[MSG_EXPORT_FIELD] = { "Lĩnh vực", "Field" },
	[MSG_EXPORT_CODE] = { "Mã hồ sơ", "Entry code" },
	[MSG_EXPORT_TITLE] = { "Tên giải pháp", "Title" },
	[MSG_EXPORT_AUTHORS] = { "Tác giả", "Authors" },
	[MSG_EXPORT_ORGANISATION] = { "Đơn vị", "Organisation" },
	[MSG_EXPORT_MONEY] = { "Tiền thưởng (đồng)", "Prize money (VND)" },
	[MSG_EXPORT_STATUS] = { "Trạng thái", "Status" },
	[MSG_EXPORT_STATUS_OK] = { "hợp lệ", "ranked" },
	[MSG_EXPORT_PROPOSED] = { "Kết quả kiểm phiếu", "Proposed" },
	[MSG_COMMITTEE] = { "Quyết định của Hội đồng",
	                    "The committee's decisions" },
	[MSG_COMMITTEE_INTRO] = { "Hội đồng có thể xác nhận, chuyển giải, "
	                          "không trao giải hoặc "
	                          "quyết định ở ranh giới giải, luôn kèm lý "
	                          "do. Quyết định "
	                          "được lưu bên cạnh kết quả tính, không sửa "
	                          "kết quả tính.",
	                          "The committee can confirm, move a prize, "
	                          "withhold it or "
	                          "decide at a prize's limit, always with a "
	                          "reason. Decisions "
	                          "are kept beside the computed result and "
	                          "never change it." },
	[MSG_ENTRY_CODE] = { "Mã hồ sơ", "Entry code" },
	[MSG_DECISION] = { "Quyết định", "Decision" },
	[MSG_FINAL] = { "Sau quyết định của Hội đồng", "After the committee" },
	[MSG_POSTING] = { "Niêm yết công khai", "Public posting" },
	[MSG_POSTING_INTRO] = { "Niêm yết danh sách đề nghị khen thưởng để "
	                        "nhận ý kiến, "
	                        "khiếu nại trong thời gian niêm yết. Trang "
	                        "công khai không "
	                        "có tên giám khảo và không có phiếu chấm.",
	                        "Post the proposed list for objections during "
	                        "the posting "
	                        "period. The public page shows no judge's name "
	                        "and no sheet." },
	[MSG_POSTING_ASK] = { "Niêm yết công khai bản kết quả này?",
	                      "Post this snapshot publicly?" },
	[MSG_POSTING_DO] = { "Niêm yết", "Post" },
	[MSG_POSTED] = { "Đã niêm yết bản kết quả", "Posted: snapshot" },
	[MSG_PUBLIC_PAGE] = { "Trang công khai", "Public page" },
	[MSG_OBJECTIONS] = { "Khiếu nại, ý kiến", "Objections" },
	[MSG_OBJECTION_NEW] = { "Ghi nhận khiếu nại", "Record an objection" },
	[MSG_OBJECTION_RECEIVED] = { "Ngày nhận", "Received on" },
	[MSG_OBJECTION_SENDER] = { "Người gửi", "From" },
	[MSG_OBJECTION_CONTENT] = { "Nội dung", "Content" },
	[MSG_ANSWER] = { "Trả lời", "Answer" },
	[MSG_AWARD] = { "Quyết định khen thưởng", "Award decision" },
	[MSG_AWARD_NUMBER] = { "Số quyết định", "Decision number" },
	[MSG_AWARD_DATE] = { "Ngày ký", "Signed on" },
	[MSG_AWARD_ASK] = { "Ghi quyết định khen thưởng? Danh sách sẽ là chính "
	                    "thức.",
	                    "Record the award decision? The list becomes "
	                    "final." },
	[MSG_AWARD_DO] = { "Ghi quyết định", "Record the decision" },
	[MSG_UNKNOWN_ENTRY] = { "Không có hồ sơ mang mã này trong bản kết quả.",
	                        "No entry with this code in the snapshot." },
	[MSG_BAD_TIER] = { "Hãy chọn giải (hoặc để trống khi không trao giải).",
	                   "Choose a prize (or none when withheld)." },
	[MSG_BAD_DATES] = { "Ngày không hợp lệ: cần dạng năm-tháng-ngày, ngày "
	                    "bắt đầu "
	                    "không sau ngày kết thúc.",
	                    "Invalid dates: use year-month-day, the start not "
	                    "after the "
	                    "end." },
	[MSG_POSTING_RUNNING] = { "Chưa hết thời gian niêm yết: chỉ ghi quyết "
	                          "định khen thưởng "
	                          "sau ngày",
	                          "The posting period is not over: the award "
	                          "decision comes "
	                          "after" },
	[MSG_PUBLIC_TITLE] = { "Kết quả", "Results" },
	[MSG_PUBLIC_PROPOSED] = { "Danh sách đề nghị khen thưởng đang niêm yết "
	                          "để nhận ý kiến, "
	                          "khiếu nại",
	                          "The proposed list, posted for objections" },
	[MSG_PUBLIC_FINAL] = { "Danh sách chính thức theo quyết định số",
	                       "The final list, by decision no." },
	[MSG_RESULTS_DOWNLOADS] = { "Tải bảng kết quả", "Downloads" },
	[MSG_CORRECTION] = { "Điều chỉnh sau quyết định",
	                     "Correction after the decision" },
	[MSG_CORRECTION_INTRO] = { "Bản kết quả này mới hơn bản đã có quyết "
	                           "định khen thưởng. Ghi quyết "
	                           "định điều chỉnh để nó thay bản cũ trên "
	                           "trang công khai (bản cũ và "
	                           "quyết định cũ vẫn được lưu).",
	                           "This snapshot is newer than the decided "
	                           "one. Record the correcting "
	                           "decision for it to replace the old one on "
	                           "the public page (the old "
	                           "snapshot and decision are kept)." },
	[MSG_CORRECTION_REPLACES] = { "Danh sách đã được điều chỉnh, thay cho "
	                              "quyết định số",
	                              "This list was corrected, replacing "
	                              "decision no." },
	[MSG_CORRECTION_DO] = { "Ghi quyết định điều chỉnh",
	                        "Record the correcting decision" },
	[MSG_CORRECTION_ASK] = { "Ghi quyết định điều chỉnh? Trang công khai "
	                         "sẽ hiện danh sách mới.",
	                         "Record the correcting decision? The public "
	                         "page will show the new list." },
	[MSG_SIDE_PRIZES] = { "Giải phụ", "Side prizes" },
	[MSG_SIDE_YOUNGEST] = { "Tác giả trẻ tuổi nhất", "Youngest author" },
	[MSG_SIDE_OLDEST] = { "Tác giả cao tuổi nhất", "Oldest author" },
	[MSG_SIDE_MINORITY] = { "Tác giả người dân tộc thiểu số có giải pháp "
	                        "xếp hạng cao nhất",
	                        "Best-placed entry of an ethnic-minority "
	                        "author" },
	[MSG_SIDE_UNIT] = { "Đơn vị có nhiều hồ sơ dự thi nhất",
	                    "Unit with the most entries" },
	[MSG_SIDE_NONE] = { "không có ai đủ điều kiện", "no one qualifies" },
	[MSG_DECIDE_CONFIRM] = { "Hội đồng xác nhận",
	                         "confirmed by the committee" },
	[MSG_DECIDE_MOVE] = { "Hội đồng chuyển giải",
	                      "moved by the committee" },
	[MSG_DECIDE_WITHHOLD] = { "Hội đồng không trao giải",
	                          "prize withheld by the committee" },
	[MSG_DECIDE_RESOLVE] = { "Hội đồng quyết định ở ranh giới giải",
	                         "decided at the limit by the committee" },
	[MSG_CODE_TITLE] = { "Đăng nhập bằng mã trên thẻ",
	                     "Log in with the code on your card" },
	[MSG_CODE_LABEL] = { "Mã trên thẻ đăng nhập",
	                     "Code on the login card" },
	[MSG_CODE_HINT] = { "8 chữ và số, ví dụ K7QM-2XHD; không phân biệt chữ "
	                    "hoa, chữ thường.",
	                    "8 letters and digits, such as K7QM-2XHD; upper or "
	                    "lower case." },
	[MSG_CODE_ENTER] = { "Vào chấm", "Start judging" },
	[MSG_ENTER_TITLE] = { "Đăng nhập bằng thẻ", "Log in with your card" },
	[MSG_ENTER_TEXT] = { "Bấm «Vào chấm» để bắt đầu. Thẻ chỉ dùng được một "
	                     "lần: sau đó máy tính bảng này giữ phiên đăng "
	                     "nhập "
	                     "của bạn.",
	                     "Press «Start judging» to begin. The card works "
	                     "once: this tablet then keeps you logged in." },
	[MSG_CODE_FORMAT] = { "Mã phải gồm đúng 8 chữ và số như in trên thẻ "
	                      "(ví dụ K7QM-2XHD). Hãy kiểm tra lại.",
	                      "The code is exactly 8 letters and digits as "
	                      "printed on the card (such as K7QM-2XHD). Please "
	                      "check it." },
	[MSG_CODE_INVALID] = { "Mã không đúng, đã dùng, đã bị thu hồi hoặc đã "
	                       "hết hạn. Hãy xin Ban Tổ chức thẻ mới.",
	                       "This code is wrong, used, revoked or expired. "
	                       "Ask the organisers for a new card." },
	[MSG_OTHER_EDITION] = { "Bạn đăng nhập bằng thẻ của một kỳ thi khác: "
	                        "phiên này chỉ dùng cho kỳ thi in trên thẻ.",
	                        "You logged in with the card of another "
	                        "edition: this session is for the edition "
	                        "printed on that card only." },
	[MSG_CARDS] = { "Thẻ đăng nhập của giám khảo", "Judges' login cards" },
	[MSG_CARDS_INTRO] = { "Mỗi giám khảo quét mã QR trên thẻ bằng máy tính "
	                      "bảng để vào chấm, "
	                      "không cần mật khẩu; nếu không quét được thì "
	                      "nhập mã ngắn in dưới "
	                      "mã QR. Mỗi thẻ chỉ dùng được một lần và chỉ cho "
	                      "kỳ thi này. Mỗi "
	                      "lần in là cấp thẻ mới: thẻ cũ chưa dùng bị thu "
	                      "hồi.",
	                      "Each judge scans the QR code on their card with "
	                      "the tablet to "
	                      "start judging, without a password, or types the "
	                      "short code "
	                      "printed under it. A card works once, and for "
	                      "this edition only. "
	                      "Every print issues new cards: unused old ones "
	                      "are revoked." },
	[MSG_CARDS_SITE] = { "Địa chỉ in trên thẻ (máy tính bảng phải mở được "
	                     "địa chỉ này)",
	                     "Address printed on the cards (the tablets must "
	                     "reach it)" },
	[MSG_CARDS_PRINT_ALL] = { "In thẻ cho tất cả giám khảo (PDF)",
	                          "Print cards for all judges (PDF)" },
	[MSG_CARDS_PRINT_ASK] = { "In thẻ mới cho tất cả? Thẻ cũ chưa dùng sẽ "
	                          "bị thu hồi.",
	                          "Print new cards for everyone? Unused old "
	                          "cards will be revoked." },
	[MSG_CARD_REISSUE] = { "Cấp lại thẻ (PDF)", "Reissue the card (PDF)" },
	[MSG_CARD_ISSUE_ONE] = { "In thẻ (PDF)", "Print the card (PDF)" },
	[MSG_CARD_ISSUE_ASK] = { "In thẻ cho giám khảo này?",
	                         "Print a card for this judge?" },
	[MSG_CARD_REISSUE_ASK] = { "Cấp lại thẻ? Thẻ cũ bị thu hồi và phiên "
	                           "đăng "
	                           "nhập mở bằng thẻ cũ kết thúc.",
	                           "Reissue the card? The old card is revoked "
	                           "and the sessions it opened end." },
	[MSG_CARD_STATE] = { "Thẻ", "Card" },
	[MSG_CARD_NONE] = { "Chưa cấp", "Not issued" },
	[MSG_CARD_ISSUED] = { "Đã cấp, chưa dùng", "Issued, not used" },
	[MSG_CARD_USED] = { "Đã dùng", "Used" },
	[MSG_CARD_REVOKED] = { "Đã thu hồi", "Revoked" },
	[MSG_CARD_EXPIRED] = { "Hết hạn", "Expired" },
	[MSG_CARD_FROM] = { "từ máy", "from" },
	[MSG_CARD_COUNT] = { "Số thẻ đã cấp", "Cards issued" },
	[MSG_CARD_CHAIR] = { "chủ tịch", "chair" },
	[MSG_CARD_ACCOUNT_NEW] = { "chưa có tài khoản: tạo khi cấp thẻ",
	                           "no account yet: made with the card" },
	[MSG_CARDS_EMPTY] = { "Chưa có giám khảo nào trong các hội đồng của kỳ "
	                      "thi này: hãy lập hội đồng trước.",
	                      "No judges in this edition's panels yet: form "
	                      "the "
	                      "panels first." },
	[MSG_CARDS_CLOSED] = { "Kỳ thi đã qua giai đoạn chấm: không cấp thẻ "
	                       "mới.",
	                       "Judging is over in this edition: no new "
	                       "cards." },
	[MSG_LINK_INVALID] = { "Đường dẫn đăng nhập không hợp lệ, đã dùng hoặc "
	                       "đã hết hạn. Hãy xin Ban Tổ chức thẻ đăng nhập "
	                       "mới.",
	                       "This login link is invalid, used or expired. "
	                       "Ask the organisers for a new login card." },
	[MSG_ERR_DUPLICATE] = { "Mã này đã được dùng cho hồ sơ khác",
	                        "This code is already used by another entry" },
	[MSG_ERR_FILE_TYPE] = { "Chỉ nhận tệp PDF, JPEG hoặc PNG",
	                        "Only PDF, JPEG or PNG files are accepted" },
	[MSG_ERR_FILE_SIZE] = { "Tệp lớn quá 10 MB", "The file is over 10 MB" },
	[MSG_WARN_NO_PRIOR_AWARD] = { "Chưa có giải thưởng nào (Sách vàng chỉ "
	                              "nhận công trình đã đạt giải)",
	                              "No prior award (the Golden Book only "
	                              "takes award-winning works)" },
	[MSG_AUTO] = { "tự động", "automatic" },
	[MSG_DECLARED_BY_ORGANISER] = { "Ban Tổ chức khai báo",
	                                "declared by the organisers" },
	[MSG_DECLARED_BY_JUDGE] = { "giám khảo tự khai báo",
	                            "declared by the judge" },
	[MSG_MANUAL] = { "phân công tay", "manual" },
	[MSG_UNASSIGNED] = { "Chưa phân công", "Not assigned" },
	[MSG_SHORT_OF_JUDGES] = { "Không đủ giám khảo không xung đột",
	                          "Not enough judges without a conflict" },
	[MSG_UNBALANCED] = { "Số bài mỗi giám khảo chênh lệch hơn một (do xung "
	                     "đột lợi ích)",
	                     "Loads differ by more than one (because of "
	                     "conflicts of interest)" },
	[MSG_DISCONNECTED] = { "Các giám khảo không liên thông qua bài chấm "
	                       "chung (chuẩn hóa kém tin cậy)",
	                       "The judges are not linked through shared "
	                       "entries (normalisation is less reliable)" },
	[MSG_ASSIGN_OK] = { "Mỗi hồ sơ đủ số giám khảo, số bài cân bằng, không "
	                    "xung đột lợi ích",
	                    "Every entry has its judges, loads are balanced, "
	                    "no conflict of interest" },
	[MSG_HOME_JUDGE] = { "Các bài được phân công chấm",
	                     "Entries assigned to you" },
	/* the dashboard's statistics, judges' conflicts, blindness */
	[MSG_DISAGREEMENT] = { "Bài có điểm chênh lệch lớn",
	                       "Entries with high disagreement" },
	[MSG_DISAGREEMENT_HELP] = { "Một bài được liệt kê khi tổng điểm cao "
	                            "nhất và thấp nhất mà các "
	                            "giám khảo cho bài đó cách nhau nhiều hơn "
	                            "ngưỡng, nên xem lại "
	                            "hoặc đưa ra tiểu ban thảo luận.",
	                            "An entry is listed when the highest and "
	                            "the lowest total its "
	                            "judges gave are further apart than the "
	                            "threshold: worth a second "
	                            "look or a discussion in the panel." },
	[MSG_FAR_JUDGES] = { "Giám khảo chấm lệch so với tiểu ban",
	                     "Judges far from their panel's mean" },
	[MSG_FAR_JUDGES_HELP] = { "Một giám khảo được liệt kê khi điểm trung "
	                          "bình các phiếu của họ "
	                          "cao hơn hoặc thấp hơn điểm trung bình chung "
	                          "của tiểu ban quá "
	                          "ngưỡng (số âm là chấm chặt hơn, số dương là "
	                          "chấm rộng hơn).",
	                          "A judge is listed when the mean total of "
	                          "their sheets is above "
	                          "or below the panel's mean by more than the "
	                          "threshold (negative: "
	                          "stricter, positive: more generous)." },
	[MSG_SPREAD_LIMIT] = { "Ngưỡng chênh lệch (điểm)",
	                       "Spread threshold (points)" },
	[MSG_THRESHOLD] = { "Ngưỡng", "Threshold" },
	[MSG_POINTS] = { "điểm", "points" },
	[MSG_OF_MAX_TOTAL] = { "của tổng điểm tối đa", "of the maximum total" },
	[MSG_APPLY] = { "Áp dụng", "Apply" },
	[MSG_SPREAD] = { "Chênh lệch", "Spread" },
	[MSG_JUDGE_TOTALS] = { "Tổng điểm của từng giám khảo",
	                       "Each judge's total" },
	[MSG_MEAN] = { "Điểm trung bình", "Mean total" },
	[MSG_SEVERITY] = { "Lệch so với tiểu ban",
	                   "Difference from the panel" },
	[MSG_SHEET_COUNT] = { "Số phiếu", "Sheets" },
	[MSG_NO_DISAGREEMENT] = { "Không có bài nào vượt ngưỡng.",
	                          "No entry is above the threshold." },
	[MSG_NO_FAR_JUDGES] = { "Không có giám khảo nào vượt ngưỡng.",
	                        "No judge is beyond the threshold." },
	[MSG_TOO_FEW_SHEETS] = { "Chưa đủ phiếu để so sánh: cần ít nhất một "
	                         "bài có từ 2 phiếu "
	                         "chấm đã nộp trở lên.",
	                         "Not enough sheets to compare yet: at least "
	                         "one entry needs 2 "
	                         "submitted sheets." },
	[MSG_ERR_SPREAD] = { "Ngưỡng chênh lệch phải là một số điểm lớn hơn 0 "
	                     "và không quá "
	                     "tổng điểm tối đa (ví dụ 15 hoặc 12.5); trang "
	                     "đang dùng ngưỡng "
	                     "mặc định.",
	                     "The spread threshold must be a number of points "
	                     "above 0 and no "
	                     "more than the maximum total (e.g. 15 or 12.5); "
	                     "the page uses the "
	                     "default." },
	[MSG_JUDGE_CONFLICTS] = { "Xung đột lợi ích do giám khảo khai báo",
	                          "Conflicts declared by judges" },
	[MSG_ENTRY] = { "Bài dự thi", "Entry" },
	[MSG_DECLARED_AT] = { "Thời điểm khai báo", "Declared at" },
	[MSG_CONFLICT_HELP] = { "Nếu bạn có quan hệ với tác giả hoặc đơn vị "
	                        "của bài này, hãy khai "
	                        "báo: bài sẽ được rút khỏi danh sách chấm của "
	                        "bạn và Ban Tổ chức "
	                        "được thông báo.",
	                        "If you are related to the authors or the "
	                        "organisation of this "
	                        "entry, declare it: the entry is taken off "
	                        "your list and the "
	                        "organisers are told." },
	[MSG_CONFLICT_REASON] = { "Lý do (tối đa 250 ký tự)",
	                          "Reason (at most 250 characters)" },
	[MSG_CONFLICT_SEND] = { "Gửi khai báo", "Send the declaration" },
	[MSG_CONFLICT_DECLARED] = { "Đã ghi nhận khai báo xung đột lợi ích: "
	                            "bài đã được rút khỏi danh "
	                            "sách chấm của bạn và Ban Tổ chức đã được "
	                            "thông báo.",
	                            "Your conflict of interest is recorded: "
	                            "the entry was taken off "
	                            "your list and the organisers were told." },
	[MSG_AUTHORS_HIDDEN] = { "Tên tác giả và đơn vị dự thi được ẩn với "
	                         "giám khảo theo thiết lập "
	                         "của kỳ thi.",
	                         "The authors and the entering organisation "
	                         "are hidden from judges "
	                         "by the edition's setting." },
	/* forwarding entries to the next level (pages_forward.c) */
	[MSG_FORWARD] = { "Chuyển lên cấp trên", "Forward to the next level" },
	[MSG_FORWARD_INTRO] = { "Chọn các hồ sơ gửi lên cấp trên rồi tải gói "
	                        "hồ sơ: một tệp CSV theo đúng mẫu nhập hồ sơ, "
	                        "gồm mọi thông tin của hồ sơ và tác giả, kèm "
	                        "giải, điểm và quyết định công nhận giải của "
	                        "kỳ thi này (ghi vào cột Giải thưởng đã đạt). "
	                        "Cấp trên nhập nguyên tệp ở trang Nhập hồ sơ "
	                        "từ tệp CSV.",
	                        "Choose the entries to send up, then download "
	                        "the package: one CSV file in the entries "
	                        "import template's format, with every detail "
	                        "of each entry and its people, plus this "
	                        "edition's prize, score and award decision (in "
	                        "the prior awards column). The next level "
	                        "imports the file as it is on its Import "
	                        "page." },
	[MSG_FORWARD_TO] = { "Gửi lên", "Sent to" },
	[MSG_FORWARD_DECISION] = { "Quyết định công nhận giải",
	                           "Award decision" },
	[MSG_FORWARD_NATIONAL] = { "Đây là kỳ thi cấp quốc gia, cấp cao nhất: "
	                           "không có cấp trên nào để chuyển hồ sơ lên.",
	                           "This is a national edition, the highest "
	                           "level: there is no level above it to "
	                           "forward entries to." },
	[MSG_FORWARD_NOT_DECIDED] = { "Chỉ chuyển hồ sơ lên cấp trên sau khi "
	                              "có "
	                              "quyết định công nhận giải.",
	                              "Entries are forwarded only after the "
	                              "award decision." },
	[MSG_FORWARD_NONE] = { "Kỳ thi không có hồ sơ nào đạt giải để chuyển "
	                       "lên.",
	                       "No entry of this edition has a prize to "
	                       "forward." },
	[MSG_FORWARD_NONE_CHOSEN] = { "Chưa chọn hồ sơ nào để chuyển lên.",
	                              "No entry was chosen." },
	[MSG_FORWARD_UNKNOWN] = { "không có trong danh sách đạt giải của kỳ "
	                          "thi",
	                          "is not among the edition's prized entries" },
	[MSG_FORWARD_TOO_LONG] = { "phần Giải thưởng đã đạt cùng kết quả của "
	                           "kỳ thi này dài quá giới hạn của mẫu nhập "
	                           "(1000 byte): bỏ chọn hồ sơ này và gửi "
	                           "riêng",
	                           "its prior awards with this edition's "
	                           "result "
	                           "pass the import template's limit (1000 "
	                           "bytes): leave it out and send it "
	                           "separately" },
	[MSG_FORWARD_SELF_CHECK] = { "gói hồ sơ sẽ không nhập được ở cấp trên",
	                             "the package would not import at the "
	                             "next level" },
	[MSG_FORWARD_FAILED] = { "Chưa tải được gói hồ sơ:",
	                         "The package was not made:" },
	[MSG_FORWARD_DOWNLOAD] = { "Tải gói hồ sơ chuyển cấp (CSV)",
	                           "Download the package (CSV)" },
	[MSG_FORWARD_CHOOSE] = { "Chọn", "Send" },
	[MSG_BALLOT_PAPER] = { "Phiếu bầu kín", "Secret ballot" },
	[MSG_BALLOT_HELP] = { "Đánh dấu Đồng ý hoặc Không đồng ý cho từng hồ "
	                      "sơ, kiểm tra lại "
	                      "rồi bỏ phiếu. Phiếu kín: không ai, kể cả Ban Tổ "
	                      "chức, xem được "
	                      "phiếu của từng thành viên; chỉ có kết quả kiểm "
	                      "phiếu, sau khi "
	                      "vòng bỏ phiếu kết thúc. Phiếu đã bỏ thì không "
	                      "sửa được.",
	                      "Mark Yes or No for each dossier, review, then "
	                      "cast. The ballot "
	                      "is secret: no one, the organisers included, can "
	                      "see a member's "
	                      "votes; only the tallies, once the ballot "
	                      "closes. A ballot once "
	                      "cast cannot be changed." },
	[MSG_BALLOT_OPEN] = { "Mở phiếu bầu", "Open my ballot" },
	[MSG_VOTE_YES] = { "Đồng ý", "Yes" },
	[MSG_VOTE_NO] = { "Không đồng ý", "No" },
	[MSG_BALLOT_REVIEW] = { "Kiểm tra lại phiếu", "Review my ballot" },
	[MSG_BALLOT_REVIEW_HELP] = { "Đây là phiếu của bạn. Bấm Bỏ phiếu để bỏ "
	                             "phiếu (không sửa được "
	                             "nữa), hoặc Sửa lại.",
	                             "This is your ballot. Cast it (it cannot "
	                             "be changed afterwards), "
	                             "or go back and change your marks." },
	[MSG_BALLOT_CAST] = { "Bỏ phiếu", "Cast my ballot" },
	[MSG_BALLOT_BACK] = { "Sửa lại", "Change my marks" },
	[MSG_BALLOT_CAST_DONE] = { "Bạn đã bỏ phiếu. Cảm ơn bạn.",
	                           "Your ballot is cast. Thank you." },
	[MSG_BALLOT_CAST_AT] = { "Đã bỏ phiếu lúc", "Cast at" },
	[MSG_BALLOT_CLOSED] = { "Vòng bỏ phiếu đã kết thúc.",
	                        "The ballot is closed." },
	[MSG_BALLOT_CLOSED_NOT_CAST] = { "Vòng bỏ phiếu đã kết thúc; phiếu của "
	                                 "bạn không được bỏ.",
	                                 "The ballot is closed; your ballot "
	                                 "was not cast." },
	[MSG_BALLOT_UNMARKED] = { "Chưa đánh dấu", "Not marked" },
	[MSG_BALLOT_INCOMPLETE] = { "Phiếu chưa đủ: hãy đánh dấu Đồng ý hoặc "
	                            "Không đồng ý cho mọi "
	                            "hồ sơ (những hồ sơ chưa đánh dấu được tô "
	                            "đỏ).",
	                            "Not complete: mark Yes or No for every "
	                            "dossier (the ones not "
	                            "marked are shown in red)." },
	[MSG_BALLOT_BAD_VOTE] = { "Phiếu chỉ nhận Đồng ý (yes) hoặc Không "
	                          "đồng ý (no).",
	                          "A vote is yes or no." },
	[MSG_BALLOT_NOT_ON_PAPER] = { "Hồ sơ này không có trên phiếu của "
	                              "bạn.",
	                              "This dossier is not on your ballot." },
	[MSG_BALLOT_ALREADY] = { "Bạn đã bỏ phiếu rồi: phiếu đã bỏ không "
	                         "sửa được.",
	                         "You have cast your ballot already: it cannot "
	                         "be changed." },
	[MSG_BALLOT_CHANGED] = { "Danh sách hồ sơ trên phiếu của bạn vừa thay "
	                         "đổi: hãy xem lại "
	                         "phiếu rồi bỏ phiếu.",
	                         "The dossiers on your ballot have just "
	                         "changed: review it and "
	                         "cast again." },
	[MSG_BALLOT_EMPTY] = { "Không có hồ sơ nào trên phiếu của bạn.",
	                       "There is no dossier on your ballot." },
	[MSG_BALLOT_NO_REOPEN] = { "Vòng bỏ phiếu kín đã đóng thì không mở "
	                           "lại: phiếu bỏ thêm sẽ lộ "
	                           "ra qua chênh lệch với kết quả kiểm phiếu "
	                           "đã biết.",
	                           "A closed secret ballot does not reopen: a "
	                           "ballot cast afterwards "
	                           "would show through the change in tallies "
	                           "already known." },
	[MSG_BALLOT_MARKED] = { "Đã đánh dấu", "Marked" },
	[MSG_BALLOT_VIEW_DOSSIER] = { "Xem hồ sơ", "Read the dossier" },
	[MSG_BALLOT_YES_COUNT] = { "Số phiếu đồng ý", "Yes votes" },
	[MSG_BALLOT_NO_COUNT] = { "Số phiếu không đồng ý", "No votes" },
	[MSG_BALLOT_RULE_TEXT] = { "Tỉ lệ = phiếu đồng ý / (đồng ý + không "
	                           "đồng ý). Hồ sơ được chọn "
	                           "khi tỉ lệ đạt ngưỡng của thể lệ, theo thứ "
	                           "tự tỉ lệ rồi số phiếu "
	                           "đồng ý, trong giới hạn số được chọn.",
	                           "Share = yes / (yes + no). A dossier is "
	                           "selected when its share "
	                           "meets the rules' threshold, in order of "
	                           "share then yes votes, "
	                           "within the cap on the number selected." },
	[MSG_BALLOT_SECRET_NOTE] = { "Phiếu kín: kết quả chỉ gồm số phiếu của "
	                             "từng hồ sơ; không nơi "
	                             "nào lưu ai đã bỏ phiếu thế nào.",
	                             "Secret ballot: the results hold each "
	                             "dossier's tally only; "
	                             "nothing stores who voted how." },
	[MSG_BALLOT_QUEUED] = { "Mất kết nối: phiếu được giữ trên máy và sẽ tự "
	                        "gửi khi có mạng.",
	                        "Offline: your ballot is kept on this tablet "
	                        "and will be sent "
	                        "when the network is back." },
	[MSG_BALLOT_DOSSIERS] = { "hồ sơ", "dossiers" },
	[MSG_VERIFY_TITLE] = { "Kiểm tra giấy chứng nhận",
	                       "Certificate verification" },
	[MSG_VERIFY_GENUINE] = { "Giấy chứng nhận hợp lệ",
	                         "This certificate is genuine" },
	[MSG_VERIFY_GENUINE_HELP] = { "Mã này do đơn vị cấp ký bằng chữ ký số; "
	                              "các thông tin dưới đây "
	                              "phải trùng với giấy chứng nhận bạn đang "
	                              "cầm.",
	                              "The issuer signed this code digitally; "
	                              "the facts below must "
	                              "match the certificate in your hands." },
	[MSG_VERIFY_REVOKED] = { "Giấy chứng nhận đã bị thu hồi",
	                         "This certificate has been revoked" },
	[MSG_VERIFY_SUPERSEDED] = { "được thay bằng giấy chứng nhận mới",
	                            "replaced by a new certificate" },
	[MSG_VERIFY_REPLACEMENT] = { "Xem giấy chứng nhận thay thế",
	                             "See the replacement" },
	[MSG_VERIFY_KEY_REVOKED] = { "Không còn giá trị: khóa ký của giấy "
	                             "chứng nhận này đã bị thu hồi",
	                             "No longer valid: the key that signed "
	                             "this certificate was "
	                             "revoked" },
	[MSG_VERIFY_TAMPERED] = { "Không hợp lệ: hồ sơ lưu không khớp với chữ "
	                          "ký của giấy chứng "
	                          "nhận. Hãy liên hệ đơn vị cấp.",
	                          "Not valid: the stored record does not match "
	                          "the certificate's "
	                          "signature. Contact the issuer." },
	[MSG_VERIFY_NOT_VALID] = { "Mã không hợp lệ", "Not a valid code" },
	[MSG_VERIFY_NOT_VALID_HELP] = { "Không có giấy chứng nhận nào mang mã "
	                                "này. Hãy kiểm tra lại mã "
	                                "(quét lại mã QR hoặc gõ lại mã ngắn).",
	                                "No certificate carries this code. "
	                                "Check it again (scan the QR "
	                                "code again or type the short code)." },
	[MSG_VERIFY_FORM] = { "Gõ mã ngắn in dưới mã QR",
	                      "Type the short code printed under the QR code" },
	[MSG_VERIFY_SHORT] = { "Mã ngắn", "Short code" },
	[MSG_VERIFY_SHORT_HELP] = { "Ví dụ: GK-000007B-T", "For example: "
	                                                   "GK-000007B-T" },
	[MSG_VERIFY_CHECK] = { "Kiểm tra", "Check" },
	[MSG_VERIFY_COMPARE] = { "Thông tin trên giấy chứng nhận",
	                         "What the certificate says" },
	[MSG_VERIFY_RECIPIENT] = { "Người nhận", "Recipient" },
	[MSG_VERIFY_ENTRY] = { "Tác phẩm, giải pháp", "Entry" },
	[MSG_VERIFY_PRIZE] = { "Giải thưởng", "Prize" },
	[MSG_VERIFY_DECISION] = { "Quyết định", "Decision" },
	[MSG_VERIFY_ISSUED] = { "Ngày cấp", "Issued on" },
	[MSG_VERIFY_SERIAL] = { "Số", "Serial" },
	[MSG_VERIFY_ISSUER] = { "Đơn vị cấp", "Issued by" },
	[MSG_VERIFY_KEY] = { "Khóa ký số", "Signing key" },
	[MSG_VERIFY_REASON] = { "Lý do", "Reason" },
	[MSG_VERIFY_SHORT_UNKNOWN] = { "Mã ngắn này không đúng hoặc không có "
	                               "giấy chứng nhận nào mang "
	                               "mã này.",
	                               "This short code is wrong or names no "
	                               "certificate." },
	[MSG_CERTS] = { "Giấy chứng nhận", "Certificates" },
	[MSG_CERTS_HELP] = { "Mỗi tác giả của công trình đạt giải trong danh "
	                     "sách theo quyết "
	                     "định khen thưởng có một giấy chứng nhận, ký số, "
	                     "có mã QR để ai "
	                     "cũng kiểm tra được. Cấp lại sau một quyết định "
	                     "điều chỉnh: giấy "
	                     "nào thay đổi thì giấy cũ bị thu hồi và trỏ tới "
	                     "giấy mới.",
	                     "Each author of an entry keeping a prize in the "
	                     "award decision's "
	                     "list gets a certificate, digitally signed, with "
	                     "a QR code anyone "
	                     "can check. Issuing again after a correcting "
	                     "decision revokes the "
	                     "ones that changed and links them to the new "
	                     "ones." },
	[MSG_CERTS_ISSUE] = { "Cấp giấy chứng nhận", "Issue certificates" },
	[MSG_CERTS_COLLECTIVE] = { "Cấp cả cho tập thể (đơn vị dự thi)",
	                           "Also for the collective (the entering "
	                           "organisation)" },
	[MSG_CERTS_PRINT] = { "Tải tệp in (tất cả, một PDF)",
	                      "Download the print file (all, one PDF)" },
	[MSG_CERTS_NONE] = { "Chưa cấp giấy chứng nhận nào.",
	                     "No certificate issued yet." },
	[MSG_CERTS_ISSUED] = { "Đã cấp giấy chứng nhận (mới · giữ nguyên · "
	                       "thay thế)",
	                       "Certificates issued (new · kept · "
	                       "superseded)" },
	[MSG_CERTS_NOT_DECIDED] = { "Chưa có quyết định khen thưởng: chưa cấp "
	                            "được giấy chứng nhận.",
	                            "No award decision yet: no certificate can "
	                            "be issued." },
	[MSG_CERTS_NO_ADDRESS] = { "Chưa có địa chỉ công khai của đơn vị "
	                           "(trang Thông tin đơn vị): mã "
	                           "QR trên giấy chứng nhận trỏ về đó.",
	                           "The organisation has no public address yet "
	                           "(the organisation "
	                           "page): the certificates' QR codes point "
	                           "there." },
	[MSG_CERTS_CHANGED] = { "Danh sách vừa thay đổi: hãy cấp lại.",
	                        "The list has just changed: issue again." },
	[MSG_CERTS_STANDING] = { "Có hiệu lực", "Valid" },
	[MSG_CERTS_REVOKE] = { "Thu hồi", "Revoke" },
	[MSG_CERTS_REVOKED] = { "Đã thu hồi", "Revoked" },
	[MSG_CERTS_SUPERSEDED] = { "Được thay thế theo quyết định điều chỉnh",
	                           "Superseded by a correcting decision" },
	[MSG_CERTS_VERIFY] = { "Trang kiểm tra", "Verification page" },
	[MSG_CERTS_REASON_REQUIRED] = { "Cần ghi lý do thu hồi.",
	                                "A reason for the revocation is "
	                                "required." },
	[MSG_CERTS_COUNTS] = { "Số", "Serial" },
	[MSG_TPL] = { "Mẫu giấy chứng nhận", "Certificate template" },
	[MSG_TPL_HELP] = { "Cách trình bày giấy chứng nhận của chương trình "
	                   "này: "
	                   "lời văn, màu, các dòng in ra và ảnh con dấu. Mẫu "
	                   "chung "
	                   "dùng cho mọi giải; một giải có thể có mẫu riêng. "
	                   "Mẫu "
	                   "không thuộc phần được ký: giấy in lại theo mẫu mới "
	                   "vẫn "
	                   "kiểm tra được như cũ.",
	                   "How this program's certificates look: the wording, "
	                   "the "
	                   "colours, the lines printed and the seal image. The "
	                   "program's template serves every prize; a prize may "
	                   "have its own. The look is not signed: a "
	                   "certificate "
	                   "printed again in a new look verifies as before." },
	[MSG_TPL_LINK] = { "Mẫu giấy chứng nhận", "Certificate template" },
	[MSG_TPL_PRIZE] = { "Mẫu cho", "Template for" },
	[MSG_TPL_ALL] = { "Mọi giải (mẫu chung)",
	                  "Every prize (the program's)" },
	[MSG_TPL_CHOOSE] = { "Chọn", "Choose" },
	[MSG_TPL_FROM_BUILTIN] = { "Đang hiện mẫu có sẵn; lưu để có mẫu riêng "
	                           "của chương trình.",
	                           "Showing the built-in look; save to give "
	                           "the "
	                           "program its own." },
	[MSG_TPL_FROM_PROGRAM] = { "Giải này đang dùng mẫu chung của chương "
	                           "trình; lưu để có mẫu riêng cho giải.",
	                           "This prize uses the program's template; "
	                           "save to give it its own." },
	[MSG_TPL_FROM_OWN] = { "Đang hiện mẫu đã lưu.",
	                       "Showing the saved template." },
	[MSG_TPL_HEADING] = { "Tiêu đề", "Heading" },
	[MSG_TPL_LEAD] = { "Lời dẫn trước tên người nhận",
	                   "Words before the recipient's name" },
	[MSG_TPL_BODY] = { "Lời dẫn trước tên giải", "Words before the prize" },
	[MSG_TPL_ISSUER] = { "Cơ quan cấp", "Issuing body" },
	[MSG_TPL_SIGNER_TITLE] = { "Chức danh người ký (tối đa 3 dòng)",
	                           "Signer's title (up to 3 lines)" },
	[MSG_TPL_COLOUR] = { "Màu tiêu đề và khung viền",
	                     "Colour of the heading and border" },
	[MSG_TPL_ACCENT] = { "Màu tên giải", "Colour of the prize" },
	[MSG_TPL_SHOW] = { "Các dòng in ra", "Lines printed" },
	[MSG_TPL_SHOW_BIRTH] = { "Ngày sinh", "Date of birth" },
	[MSG_TPL_SHOW_SCHOOL] = { "Trường, đơn vị", "School or unit" },
	[MSG_TPL_SHOW_ENTRY] = { "Tên tác phẩm, giải pháp",
	                         "Title of the work" },
	[MSG_TPL_SHOW_FIELD] = { "Lĩnh vực", "Field" },
	[MSG_TPL_SHOW_DECISION] = { "Số, ngày quyết định",
	                            "Decision number and date" },
	[MSG_TPL_SEAL] = { "Ảnh con dấu và chữ ký (PNG nền trong suốt, tối đa "
	                   "1 MB)",
	                   "Seal and signature image (PNG with a transparent "
	                   "background, up to 1 MB)" },
	[MSG_TPL_SEAL_HAS] = { "Mẫu đang có ảnh con dấu; chọn tệp mới để thay.",
	                       "The template has a seal image; choose a file "
	                       "to "
	                       "replace it." },
	[MSG_TPL_SEAL_REMOVE] = { "Bỏ ảnh con dấu", "Remove the seal image" },
	[MSG_TPL_PREVIEW] = { "Xem trước", "Preview" },
	[MSG_TPL_PREVIEW_HINT] = { "Bản xem trước in giấy chứng nhận đầu tiên "
	                           "của "
	                           "giải này, hoặc một giấy mẫu khi chưa cấp.",
	                           "The preview prints this prize's first "
	                           "certificate, or a sample before any is "
	                           "issued." },
	[MSG_TPL_SAVE] = { "Lưu mẫu", "Save the template" },
	[MSG_TPL_RESET] = { "Bỏ mẫu này", "Remove this template" },
	[MSG_TPL_SAVED] = { "Đã lưu mẫu. Giấy chứng nhận tải về từ nay in theo "
	                    "mẫu này.",
	                    "Template saved. Certificates downloaded from now "
	                    "on "
	                    "print in it." },
	[MSG_TPL_REMOVED] = { "Đã bỏ mẫu.", "Template removed." },
	[MSG_TPL_NOT_SAVED] = { "Chưa lưu: xem các ô được đánh dấu.",
	                        "Not saved: see the marked fields." },
	[MSG_TPL_ERR_TEXT] = { "Cần nhập, tối đa 120 ký tự.",
	                       "Required, at most 120 characters." },
	[MSG_TPL_ERR_LINES] = { "Cần nhập, tối đa 3 dòng và 200 ký tự.",
	                        "Required, at most 3 lines and 200 "
	                        "characters." },
	[MSG_TPL_ERR_COLOUR] = { "Màu phải có dạng #RRGGBB, ví dụ #a61c1c.",
	                         "A colour is #RRGGBB, for example #a61c1c." },
	[MSG_TPL_ERR_SEAL] = { "Ảnh con dấu phải là tệp PNG đọc được, tối đa "
	                       "1 MB.",
	                       "The seal must be a readable PNG file of at "
	                       "most "
	                       "1 MB." },
	[MSG_TPL_SAMPLE] = { "MẪU – bản xem trước", "SAMPLE – preview" },
	[MSG_PRINT] = { "Tệp in giấy chứng nhận",
	                "The certificates' print file" },
	[MSG_PRINT_HELP] = { "Mọi giấy chứng nhận còn hiệu lực trong một tệp "
	                     "PDF, "
	                     "mỗi giấy một trang, để in một lần. Tệp được tạo "
	                     "trong nền; trang này tự cập nhật cho đến khi "
	                     "xong.",
	                     "Every standing certificate in one PDF, a page "
	                     "each, to print at once. It is made in the "
	                     "background; this page updates itself until it is "
	                     "ready." },
	[MSG_PRINT_START] = { "Tạo tệp in", "Make the print file" },
	[MSG_PRINT_RUNNING] = { "Đang tạo tệp in, số giấy đã xong:",
	                        "Making the print file, certificates done:" },
	[MSG_PRINT_READY] = { "Tệp in đã sẵn sàng. Số giấy, dung lượng:",
	                      "The print file is ready. Certificates, size:" },
	[MSG_PRINT_DOWNLOAD] = { "Tải tệp in (PDF)", "Download the print file "
	                                             "(PDF)" },
	[MSG_PRINT_FAILED] = { "Không tạo được tệp in; nhật ký máy chủ ghi lý "
	                       "do.",
	                       "The print file could not be made; the server's "
	                       "log says why." },
	[MSG_PRINT_AGAIN] = { "Tạo lại", "Make it again" },
	[MSG_VERIFY_EDITION] = { "Cuộc thi, giải thưởng", "Contest or award" },
	[MSG_VERIFY_KEYS_LINK] = { "Các khóa công khai để kiểm tra ngoại tuyến",
	                           "The public keys, for checking offline" },

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

/* The choices of the rubric editor (spellings of the rubric file). */
static const struct name options[] = {
	{ "scores", { "Chấm điểm theo tiêu chí", "Scores by criteria" } },
	{ "ballot", { "Bỏ phiếu đồng ý / không", "Yes/no ballot" } },
	{ "mean", { "Trung bình cộng", "Mean" } },
	{ "median", { "Trung vị", "Median" } },
	{ "trimmed",
	  { "Trung bình cắt (bỏ cao nhất, thấp nhất)",
	    "Trimmed mean (drop highest, lowest)" } },
	{ "none", { "Không", "None" } },
	{ "points", { "Lệch quá số điểm", "More than a number of points" } },
	{ "percent", { "Lệch quá phần trăm", "More than a percentage" } },
	{ "offset", { "Bù độ lệch trung bình", "Offset by judge mean" } },
	{ "zscore", { "Điểm chuẩn (z-score)", "Standard score (z-score)" } },
	{ "field", { "Theo từng lĩnh vực", "Per field" } },
	{ "contest", { "Toàn cuộc thi", "Whole contest" } },
	{ "more-than", { "Trên tỉ lệ", "More than the share" } },
	{ "at-least", { "Từ tỉ lệ trở lên", "At least the share" } },
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
name_option(enum score_lang lang, const char *option)
{
	return name_lookup(options, lang, option);
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

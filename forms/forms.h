/* forms.h: what people see: the HTML escaper, pages, text in Vietnamese
 * and English, and parsing of submitted forms (no HTTP, no SQL). */
#ifndef GIAMKHAO_FORMS_H
#define GIAMKHAO_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/common.h"
#include "../scoring/scoring.h"
#include "entries_csv.h"

/* ---- Escaping ----------------------------------------------------------- */

/*
 * The one HTML escaper: & < > " ' become entities, so the result is safe
 * in text and in quoted attributes alike. Everything dynamic goes through
 * it (directly or through html_fmt).
 */
void html_escape(struct buf *out, const char *s);

/*
 * printf for HTML: %s is a string, ESCAPED; %d an int; %lld a long long;
 * %R a trusted literal inserted raw (markup from this program, never input);
 * %% a percent sign. Nothing else is accepted (an unknown directive aborts:
 * a programming error, caught by the tests).
 */
void html_fmt(struct buf *out, const char *fmt, ...);

/* ---- CSV for spreadsheets (csv_out.c) ------------------------------------ */

/* The UTF-8 byte order mark Excel needs to read a CSV file as UTF-8. */
void csv_bom(struct buf *out);
/* Would a spreadsheet run this cell as a formula (it starts with = + - @,
 * a tab or a carriage return, and is not a plain number such as -1.5)? */
bool csv_is_formula(const char *s);
/* One cell (RFC 4180): quoted when it holds a comma, a quote or a line
 * break (quotes doubled); a formula gets a leading ' so it stays text. */
void csv_cell(struct buf *out, const char *s);
/* One record of n cells (NULL is empty), ended by CRLF. */
void csv_row(struct buf *out, const char *const *cells, size_t n);

/* ---- Text --------------------------------------------------------------- */

/* Every message of the UI, by name; T() picks the language. */
enum msg {
	MSG_APP_NAME,
	MSG_LOGIN,
	MSG_LOGOUT,
	MSG_LOGIN_NAME,
	MSG_PASSWORD,
	MSG_LOGIN_FAILED,
	MSG_LOGIN_THROTTLED,
	MSG_HOME,
	MSG_EDITIONS,
	MSG_NEW_EDITION,
	MSG_EDIT_EDITION,
	MSG_SETTINGS,
	MSG_SETTINGS_HELP,
	MSG_PUBLIC_URL,
	MSG_SAVED,
	MSG_CREATE,
	MSG_SAVE,
	MSG_CANCEL,
	MSG_PROGRAM,
	MSG_NUMBER,
	MSG_YEAR_FROM,
	MSG_YEAR_TO,
	MSG_YEARS,
	MSG_LEVEL,
	MSG_TITLE,
	MSG_STATE,
	MSG_SUBMIT_UNTIL,
	MSG_JUDGING_UNTIL,
	MSG_POSTING_FROM,
	MSG_POSTING_UNTIL,
	MSG_ORG_NAME,
	MSG_ORG_PROVINCE,
	MSG_SIGNATORY,
	MSG_SIGNATORY_TITLE,
	MSG_HIDE_AUTHORS,
	MSG_NO_EDITIONS,
	MSG_ERR_REQUIRED,
	MSG_ERR_NUMBER,
	MSG_ERR_RANGE,
	MSG_ERR_DATE,
	MSG_ERR_CHOICE,
	MSG_ERR_TOO_LONG,
	MSG_ERR_TEXT,
	MSG_ERR_DETAIL,
	MSG_ERR_URL,
	MSG_ERR_LEVELS,
	MSG_ERR_FIELD_IN_USE,
	MSG_ERR_FIELD_ID,
	MSG_RUBRIC_TOO_BIG,
	MSG_FIX_ERRORS,
	MSG_NEXT_STATE,
	MSG_RUBRIC,
	MSG_ROLE,
	MSG_LANG_SWITCH,
	MSG_STATUS_400,
	MSG_STATUS_401,
	MSG_STATUS_403,
	MSG_STATUS_404,
	MSG_STATUS_405,
	MSG_STATUS_413,
	MSG_STATUS_429,
	MSG_STATUS_500,
	MSG_STATUS_503,
	MSG_BACK_HOME,
	MSG_CSRF,
	MSG_APPLIED_FROM,
	MSG_BIRTH_FROM,
	MSG_BIRTH_UNTIL,
	MSG_STATUS_409,
	MSG_ENTRIES,
	MSG_NEW_ENTRY,
	MSG_IMPORT,
	MSG_TEMPLATE,
	MSG_CODE,
	MSG_FIELD,
	MSG_SUMMARY,
	MSG_ORGANISATION,
	MSG_DISTRICT,
	MSG_APPLIED_SINCE,
	MSG_APPLIED_PLACE,
	MSG_PRIOR_AWARDS,
	MSG_AUTHORS,
	MSG_AUTHOR_NAME,
	MSG_BIRTH_DATE,
	MSG_ETHNICITY,
	MSG_UNIT,
	MSG_AUTHOR_ROLE,
	MSG_ELIGIBILITY,
	MSG_ELIGIBLE,
	MSG_INELIGIBLE,
	MSG_PENDING,
	MSG_REASON,
	MSG_DECIDE,
	MSG_WARNINGS,
	MSG_NO_ENTRIES,
	MSG_IMPORT_FILE,
	MSG_IMPORT_FAILED,
	MSG_IMPORT_DONE,
	MSG_ATTACHMENTS,
	MSG_UPLOAD,
	MSG_ATTACHMENT_RULES,
	MSG_EDIT,
	MSG_CHANGE,
	MSG_EXPERTS,
	MSG_NEW_EXPERT,
	MSG_EXPERT_TITLE,
	MSG_EXPERTISE,
	MSG_EMAIL,
	MSG_PHONE,
	MSG_PANELS,
	MSG_PANELS_CHAIRED,
	MSG_NEW_PANEL,
	MSG_PANEL_NAME,
	MSG_PANEL_FIELDS,
	MSG_CHAIR,
	MSG_MEMBERS,
	MSG_NONE,
	MSG_CONFLICTS,
	MSG_DECLARE_CONFLICT,
	MSG_ASSIGN,
	MSG_ASSIGNMENTS,
	MSG_ASSIGN_REPORT,
	MSG_JUDGES,
	MSG_ADD,
	MSG_REMOVE,
	MSG_WARN_AGE,
	MSG_WARN_NO_BIRTH,
	MSG_WARN_NOT_APPLIED,
	MSG_WARN_APPLIED_EARLY,
	MSG_WARN_OLD_APPLICATION,
	MSG_WARN_PRIOR_AWARD,
	MSG_NO_WARNINGS,
	MSG_RUBRIC_EDITOR,
	MSG_RUBRIC_FROZEN,
	MSG_RUBRIC_IMPORT,
	MSG_RUBRIC_EXPORT,
	MSG_RUBRIC_JSON,
	MSG_CRITERIA,
	MSG_CRITERION,
	MSG_CRITERION_NEW,
	MSG_MAX_POINTS,
	MSG_WEIGHT,
	MSG_STEP,
	MSG_LEVELS,
	MSG_LEVELS_HELP,
	MSG_ID,
	MSG_TITLE_VI,
	MSG_TITLE_EN,
	MSG_DESCRIPTION,
	MSG_DESCRIPTION_EN,
	MSG_AGGREGATION,
	MSG_METHOD,
	MSG_TRIM,
	MSG_OUTLIER,
	MSG_LIMIT,
	MSG_NORMALIZE,
	MSG_MIN_JUDGES,
	MSG_DECIMALS,
	MSG_TIE_BREAK,
	MSG_AWARDS,
	MSG_SCOPE,
	MSG_FLOOR,
	MSG_TIERS,
	MSG_TIER_MIN,
	MSG_MAX_COUNT,
	MSG_PRIZE,
	MSG_BALLOT,
	MSG_BALLOT_RULE,
	MSG_SHARE,
	MSG_MAX_SELECTED,
	MSG_FIELDS,
	MSG_VERSION,
	MSG_REASON_REQUIRED,
	MSG_RUBRIC_FILE,
	MSG_RUBRIC_MODE,
	MSG_RUBRIC_SAVED,
	MSG_RUBRIC_EMPTY,
	MSG_SHEET,
	MSG_SAVE_DRAFT,
	MSG_SUBMIT_SHEET,
	MSG_TOTAL,
	MSG_COMMENT,
	MSG_SHEET_SAVED,
	MSG_SHEET_SENT,
	MSG_SHEET_LOCKED,
	MSG_SHEET_CLOSED,
	MSG_SHEET_STALE,
	MSG_SHEET_REPLAYED,
	MSG_REASON_CHANGE,
	MSG_ERR_MISSING_SCORE,
	MSG_DEADLINE,
	MSG_STEP_DOWN,
	MSG_STEP_UP,
	MSG_REMAINING,
	MSG_SUBMITTED_AT,
	MSG_RUBRIC_CHANGED,
	MSG_PROGRESS_PAGE,
	MSG_LOCK_ROUND,
	MSG_UNLOCK_ROUND,
	MSG_ROUND_LOCKED,
	MSG_ROUND_OPEN,
	MSG_LAST_ACTIVITY,
	MSG_SHEETS,
	MSG_REOPEN,
	MSG_JUDGE,
	MSG_DONE_OF,
	MSG_Q_LOCAL,
	MSG_Q_SENT,
	MSG_Q_WAITING,
	MSG_Q_LOGIN,
	MSG_Q_PENDING,
	MSG_Q_RESTORED,
	MSG_Q_LOGOUT,
	MSG_NOT_STARTED,
	MSG_DRAFT,
	MSG_SUBMITTED,
	MSG_NO_ASSIGNMENTS,
	MSG_PROGRESS,
	MSG_LINK_INVALID,
	/* results */
	MSG_RESULTS,
	MSG_RESULTS_NONE,
	MSG_RESULTS_COMPUTE,
	MSG_RESULTS_COMPUTE_ASK,
	MSG_RESULTS_SNAPSHOT,
	MSG_RESULTS_MANIFEST,
	MSG_RESULTS_HISTORY,
	MSG_RESULTS_EXPORT,
	MSG_RESULTS_UNLOCKED,
	MSG_RESULTS_STALE,
	MSG_REASON_TOO_LONG,
	MSG_RESULTS_BAD_SCORE,
	MSG_RANK,
	MSG_SCORE,
	MSG_TIER,
	MSG_SHEETS_COUNTED,
	MSG_FLAGS,
	MSG_FLAG_TIE,
	MSG_FLAG_CUSP,
	MSG_FLAG_INSUFFICIENT,
	MSG_EXCLUDED,
	MSG_DIAG_ALPHA,
	MSG_DIAG_ICC,
	MSG_DIAG_SEVERITY,
	MSG_DIAG_MEAN,
	MSG_DIAG_NONE,
	MSG_CONTEST_SCOPE,
	MSG_DIAGNOSTICS,
	MSG_RUBRIC_VERSION,
	/* the results' exports: CSV, Excel and PDF (one block) */
	MSG_EXPORT_CSV,
	MSG_EXPORT_XLSX,
	MSG_EXPORT_PDF,
	MSG_EXPORT_FIELD,
	MSG_EXPORT_CODE,
	MSG_EXPORT_TITLE,
	MSG_EXPORT_AUTHORS,
	MSG_EXPORT_ORGANISATION,
	MSG_EXPORT_MONEY,
	MSG_EXPORT_STATUS,
	MSG_EXPORT_STATUS_OK,
	MSG_EXPORT_PROPOSED,
	MSG_RESULTS_DOWNLOADS,
	MSG_CORRECTION,
	MSG_CORRECTION_INTRO,
	MSG_CORRECTION_REPLACES,
	MSG_CORRECTION_DO,
	MSG_CORRECTION_ASK,
	MSG_SIDE_PRIZES,
	MSG_SIDE_YOUNGEST,
	MSG_SIDE_OLDEST,
	MSG_SIDE_MINORITY,
	MSG_SIDE_UNIT,
	MSG_SIDE_NONE,
	MSG_DECIDE_CONFIRM,
	MSG_DECIDE_MOVE,
	MSG_DECIDE_WITHHOLD,
	MSG_DECIDE_RESOLVE,
	MSG_COMMITTEE,
	MSG_COMMITTEE_INTRO,
	MSG_ENTRY_CODE,
	MSG_DECISION,
	MSG_FINAL,
	MSG_POSTING,
	MSG_POSTING_INTRO,
	MSG_POSTING_ASK,
	MSG_POSTING_DO,
	MSG_POSTED,
	MSG_PUBLIC_PAGE,
	MSG_OBJECTIONS,
	MSG_OBJECTION_NEW,
	MSG_OBJECTION_RECEIVED,
	MSG_OBJECTION_SENDER,
	MSG_OBJECTION_CONTENT,
	MSG_ANSWER,
	MSG_AWARD,
	MSG_AWARD_NUMBER,
	MSG_AWARD_DATE,
	MSG_AWARD_ASK,
	MSG_AWARD_DO,
	MSG_UNKNOWN_ENTRY,
	MSG_BAD_TIER,
	MSG_BAD_DATES,
	MSG_POSTING_RUNNING,
	MSG_PUBLIC_TITLE,
	MSG_PUBLIC_PROPOSED,
	MSG_PUBLIC_FINAL,
	/* login cards */
	MSG_CODE_TITLE,
	MSG_CODE_LABEL,
	MSG_CODE_HINT,
	MSG_CODE_ENTER,
	MSG_ENTER_TITLE,
	MSG_ENTER_TEXT,
	MSG_CODE_FORMAT,
	MSG_CODE_INVALID,
	MSG_OTHER_EDITION,
	MSG_CARDS,
	MSG_CARDS_INTRO,
	MSG_CARDS_SITE,
	MSG_CARDS_PRINT_ALL,
	MSG_CARDS_PRINT_ASK,
	MSG_CARD_REISSUE,
	MSG_CARD_ISSUE_ONE,
	MSG_CARD_ISSUE_ASK,
	MSG_CARD_REISSUE_ASK,
	MSG_CARD_STATE,
	MSG_CARD_NONE,
	MSG_CARD_ISSUED,
	MSG_CARD_USED,
	MSG_CARD_REVOKED,
	MSG_CARD_EXPIRED,
	MSG_CARD_FROM,
	MSG_CARD_COUNT,
	MSG_CARD_CHAIR,
	MSG_CARD_ACCOUNT_NEW,
	MSG_CARDS_EMPTY,
	MSG_CARDS_CLOSED,
	MSG_ERR_DUPLICATE,
	MSG_ERR_FILE_TYPE,
	MSG_ERR_FILE_SIZE,
	MSG_WARN_NO_PRIOR_AWARD,
	MSG_AUTO,
	MSG_DECLARED_BY_ORGANISER,
	MSG_DECLARED_BY_JUDGE,
	MSG_MANUAL,
	MSG_UNASSIGNED,
	MSG_SHORT_OF_JUDGES,
	MSG_UNBALANCED,
	MSG_DISCONNECTED,
	MSG_ASSIGN_OK,
	MSG_HOME_JUDGE,
	/* the dashboard's statistics, judges' conflicts, blindness */
	MSG_DISAGREEMENT,
	MSG_DISAGREEMENT_HELP,
	MSG_FAR_JUDGES,
	MSG_FAR_JUDGES_HELP,
	MSG_SPREAD_LIMIT,
	MSG_THRESHOLD,
	MSG_POINTS,
	MSG_OF_MAX_TOTAL,
	MSG_APPLY,
	MSG_SPREAD,
	MSG_JUDGE_TOTALS,
	MSG_MEAN,
	MSG_SEVERITY,
	MSG_SHEET_COUNT,
	MSG_NO_DISAGREEMENT,
	MSG_NO_FAR_JUDGES,
	MSG_TOO_FEW_SHEETS,
	MSG_ERR_SPREAD,
	MSG_JUDGE_CONFLICTS,
	MSG_ENTRY,
	MSG_DECLARED_AT,
	MSG_CONFLICT_HELP,
	MSG_CONFLICT_REASON,
	MSG_CONFLICT_SEND,
	MSG_CONFLICT_DECLARED,
	MSG_AUTHORS_HIDDEN,
	/* forwarding entries to the next level (pages_forward.c) */
	MSG_FORWARD,
	MSG_FORWARD_INTRO,
	MSG_FORWARD_TO,
	MSG_FORWARD_DECISION,
	MSG_FORWARD_NATIONAL,
	MSG_FORWARD_NOT_DECIDED,
	MSG_FORWARD_NONE,
	MSG_FORWARD_NONE_CHOSEN,
	MSG_FORWARD_UNKNOWN,
	MSG_FORWARD_TOO_LONG,
	MSG_FORWARD_SELF_CHECK,
	MSG_FORWARD_FAILED,
	MSG_FORWARD_DOWNLOAD,
	MSG_FORWARD_CHOOSE,
	MSG_BALLOT_PAPER,
	MSG_BALLOT_HELP,
	MSG_BALLOT_OPEN,
	MSG_VOTE_YES,
	MSG_VOTE_NO,
	MSG_BALLOT_REVIEW,
	MSG_BALLOT_REVIEW_HELP,
	MSG_BALLOT_CAST,
	MSG_BALLOT_BACK,
	MSG_BALLOT_CAST_DONE,
	MSG_BALLOT_CAST_AT,
	MSG_BALLOT_CLOSED,
	MSG_BALLOT_CLOSED_NOT_CAST,
	MSG_BALLOT_UNMARKED,
	MSG_BALLOT_INCOMPLETE,
	MSG_BALLOT_BAD_VOTE,
	MSG_BALLOT_NOT_ON_PAPER,
	MSG_BALLOT_ALREADY,
	MSG_BALLOT_CHANGED,
	MSG_BALLOT_EMPTY,
	MSG_BALLOT_NO_REOPEN,
	MSG_BALLOT_MARKED,
	MSG_BALLOT_VIEW_DOSSIER,
	MSG_BALLOT_YES_COUNT,
	MSG_BALLOT_NO_COUNT,
	MSG_BALLOT_RULE_TEXT,
	MSG_BALLOT_SECRET_NOTE,
	MSG_BALLOT_QUEUED,
	MSG_BALLOT_DOSSIERS,
	MSG_VERIFY_TITLE,
	MSG_VERIFY_GENUINE,
	MSG_VERIFY_GENUINE_HELP,
	MSG_VERIFY_REVOKED,
	MSG_VERIFY_SUPERSEDED,
	MSG_VERIFY_REPLACEMENT,
	MSG_VERIFY_KEY_REVOKED,
	MSG_VERIFY_TAMPERED,
	MSG_VERIFY_NOT_VALID,
	MSG_VERIFY_NOT_VALID_HELP,
	MSG_VERIFY_FORM,
	MSG_VERIFY_SHORT,
	MSG_VERIFY_SHORT_HELP,
	MSG_VERIFY_CHECK,
	MSG_VERIFY_COMPARE,
	MSG_VERIFY_RECIPIENT,
	MSG_VERIFY_ENTRY,
	MSG_VERIFY_PRIZE,
	MSG_VERIFY_DECISION,
	MSG_VERIFY_ISSUED,
	MSG_VERIFY_SERIAL,
	MSG_VERIFY_ISSUER,
	MSG_VERIFY_KEY,
	MSG_VERIFY_REASON,
	MSG_VERIFY_SHORT_UNKNOWN,
	MSG_VERIFY_KEYS_LINK,
	MSG_VERIFY_EDITION,
	MSG_CERTS,
	MSG_CERTS_HELP,
	MSG_CERTS_ISSUE,
	MSG_CERTS_COLLECTIVE,
	MSG_CERTS_PRINT,
	MSG_CERTS_NONE,
	MSG_CERTS_ISSUED,
	MSG_CERTS_NOT_DECIDED,
	MSG_CERTS_NO_ADDRESS,
	MSG_CERTS_CHANGED,
	MSG_CERTS_STANDING,
	MSG_CERTS_REVOKE,
	MSG_CERTS_REVOKED,
	MSG_CERTS_SUPERSEDED,
	MSG_CERTS_VERIFY,
	MSG_CERTS_REASON_REQUIRED,
	MSG_CERTS_COUNTS,
	MSG_TPL,
	MSG_TPL_HELP,
	MSG_TPL_LINK,
	MSG_TPL_PRIZE,
	MSG_TPL_ALL,
	MSG_TPL_CHOOSE,
	MSG_TPL_FROM_BUILTIN,
	MSG_TPL_FROM_PROGRAM,
	MSG_TPL_FROM_OWN,
	MSG_TPL_HEADING,
	MSG_TPL_LEAD,
	MSG_TPL_BODY,
	MSG_TPL_ISSUER,
	MSG_TPL_SIGNER_TITLE,
	MSG_TPL_COLOUR,
	MSG_TPL_ACCENT,
	MSG_TPL_SHOW,
	MSG_TPL_SHOW_BIRTH,
	MSG_TPL_SHOW_SCHOOL,
	MSG_TPL_SHOW_ENTRY,
	MSG_TPL_SHOW_FIELD,
	MSG_TPL_SHOW_DECISION,
	MSG_TPL_SEAL,
	MSG_TPL_SEAL_HAS,
	MSG_TPL_SEAL_REMOVE,
	MSG_TPL_PREVIEW,
	MSG_TPL_PREVIEW_HINT,
	MSG_TPL_SAVE,
	MSG_TPL_RESET,
	MSG_TPL_SAVED,
	MSG_TPL_REMOVED,
	MSG_TPL_NOT_SAVED,
	MSG_TPL_ERR_TEXT,
	MSG_TPL_ERR_LINES,
	MSG_TPL_ERR_COLOUR,
	MSG_TPL_ERR_SEAL,
	MSG_TPL_SAMPLE,
	MSG_PRINT,
	MSG_PRINT_HELP,
	MSG_PRINT_START,
	MSG_PRINT_RUNNING,
	MSG_PRINT_READY,
	MSG_PRINT_DOWNLOAD,
	MSG_PRINT_FAILED,
	MSG_PRINT_AGAIN,
	MSG__MAX,
};

const char *T(enum score_lang lang, enum msg m);

/* Names of fixed values (programs, levels, states, roles) in a language. */
const char *name_program(enum score_lang lang, const char *program);
const char *name_level(enum score_lang lang, const char *level);
const char *name_state(enum score_lang lang, const char *state);
const char *name_role(enum score_lang lang, const char *role);
/* A rubric choice ("mean", "zscore", "more-than"...) in words. */
const char *name_option(enum score_lang lang, const char *option);

/* The edition lifecycle, in order; the next state or NULL. */
extern const char *const edition_states[];
const char *edition_next_state(const char *state);

/* ---- Pages -------------------------------------------------------------- */

/* What every page frame shows. */
struct page {
	enum score_lang lang;
	const char *title; /* plain text */
	const char *user;  /* display name, NULL when anonymous */
	const char *role;  /* admin | organiser | judge, NULL anonymous */
	const char *csrf;  /* for the logout form; NULL when anonymous */
	const char *login; /* keys what the tablet keeps for this user */
	const char *path;  /* this page's path, for the language switch */
	int refresh;       /* seconds until the page reloads itself (0: never):
	                      a long job's progress, without script */
};

void page_begin(struct buf *out, const struct page *p);
void page_end(struct buf *out, const struct page *p);

/* What an HTTP status means to the user, in words. */
const char *status_text(enum score_lang lang, int status);
/* A whole error page for an HTTP status (400, 403, 404, 413...). */
void page_error(struct buf *out, const struct page *p, int status);
/* The same, saying why in a sentence (`why`: MSG__MAX for none). */
void page_error_why(struct buf *out, const struct page *p, int status,
                    enum msg why);

/* ---- Submitted forms ---------------------------------------------------- */

/* The fields of a submitted form, in order; values NFC-normalised. */
struct form_field {
	char *name;
	char *value;
	size_t len;
};

struct form {
	struct form_field *fields;
	size_t count;
	size_t cap;
	bool bad; /* malformed encoding or invalid UTF-8 */
};

/*
 * Parses application/x-www-form-urlencoded data (a body or a query string)
 * into `f` (appending). Invalid percent-escapes or UTF-8 set f->bad; a
 * field holding a NUL byte is refused too. At most 1000 fields.
 */
void form_parse_urlencoded(struct form *f, const char *data, size_t len);
/* Adds one field (copied; the value is validated and NFC-normalised). */
void form_add(struct form *f, const char *name, const char *value, size_t len);
void form_release(struct form *f);
/* The first value of a field, or NULL. */
const char *form_get(const struct form *f, const char *name);

/* Per-field validation: the errors of a form, by field name. */
#define FORM_DETAILS 8
struct form_errors {
	const char *field[32];
	enum msg msg[32];
	size_t count;
	/* the texts of MSG_ERR_DETAIL errors (detail_of[i] for error i) */
	char details[FORM_DETAILS][384];
	unsigned char detail_of[32];
	size_t ndetails;
};

/* No errors (a reader starts with this). */
void form_errors_clear(struct form_errors *e);
void form_error(struct form_errors *e, const char *field, enum msg m);
/* An error whose text comes from elsewhere (the scoring core's message,
 * already in the page's language); up to FORM_DETAILS per form, later
 * ones get the generic MSG_ERR_DETAIL text. */
void form_error_detail(struct form_errors *e, const char *field,
                       const char *text);
/* The text shown for a field's error (NULL when it has none). */
const char *form_error_text(const struct form_errors *e, const char *field,
                            enum score_lang lang);
/* The message for a field, or MSG__MAX when it has none. */
enum msg form_error_for(const struct form_errors *e, const char *field);

/* ---- Form fields (fields.c) ---------------------------------------------- */

/* A labelled input; its error, if any, right after it. `extra` is raw
 * attribute text from this program (e.g. "required maxlength=\"500\""). */
void field_input(struct buf *out, enum score_lang lang, const char *type,
                 const char *name, const char *label, const char *value,
                 const struct form_errors *e, const char *extra);
/* A labelled <select>: values[i] shown as labels[i]. */
void field_select(struct buf *out, enum score_lang lang, const char *name,
                  const char *label, const char *const *values,
                  const char *const *labels, size_t n, const char *selected,
                  const struct form_errors *e);
/* The error paragraph of a field, when it has one. */
void field_error(struct buf *out, enum score_lang lang, const char *name,
                 const struct form_errors *e);
void field_checkbox(struct buf *out, const char *name, const char *label,
                    bool checked);
/* The hidden CSRF input every state-changing form carries. */
void field_csrf(struct buf *out, const char *token);

/* ---- Pages of the server (pages_*.c) ------------------------------------- */

/* The login form; `login` is the name typed before (kept on error). */
/* The page a login link opens: one button that uses the link (a POST, so
 * that link previews and prefetches do not use the card up). */
void page_enter(struct buf *out, const struct page *p, const char *token,
                const char *csrf);
void page_login(struct buf *out, const struct page *p, const char *login,
                enum msg error, const char *csrf);

/* An edition as pages show it (all strings borrowed). */
struct edition_view {
	long long id;
	const char *program;
	int number;
	int year_from, year_to;
	const char *level;
	const char *title;
	const char *state;
	const char *submit_until, *judging_until;
	const char *posting_from, *posting_until;
	const char *applied_from;             /* technical contest, award */
	const char *birth_from, *birth_until; /* youth contest */
	const char *org_name, *org_province;
	const char *signatory, *signatory_title;
	bool hide_authors;
	int side_prizes; /* SIDE_* bits */
	int rubric_version;
};

/* The side prizes an edition may give, from the entries' data. */
enum side_prize {
	SIDE_YOUNGEST = 1, /* the youngest author */
	SIDE_OLDEST = 2,   /* the oldest author */
	SIDE_MINORITY =
	    4,         /* the best-placed entry of an ethnic-minority author */
	SIDE_UNIT = 8, /* the unit that entered most */
};

/* The list of editions (rows in order) with a link to create one. */
void page_editions(struct buf *out, const struct page *p,
                   const struct edition_view *rows, size_t n, bool can_create);
/* The edition form, filled with `v` (defaults or the user's input): a new
 * edition when v->id is 0, else the details of that one (its program is
 * then fixed). */
void page_edition_form(struct buf *out, const struct page *p,
                       const struct edition_view *v,
                       const struct form_errors *e);
/* One edition, with the lifecycle action when `can_advance` and a link
 * to change its details when `can_edit`. */
void page_edition(struct buf *out, const struct page *p,
                  const struct edition_view *v, bool can_advance,
                  bool can_edit);

/* The organisation's details (all strings borrowed). */
struct org_view {
	const char *name, *province;
	const char *signatory, *signatory_title;
	const char *public_url; /* where certificates are verified */
};

/* The organisation form; `saved` shows that a change was just saved. */
void page_org_form(struct buf *out, const struct page *p,
                   const struct org_view *v, const struct form_errors *e,
                   bool saved);
bool org_form_read(const struct form *f, struct org_view *v,
                   struct form_errors *e);

/* ---- Validation (validate.c) --------------------------------------------- */

/* The programs an edition can be created from (their presets), and the
 * levels of a contest. */
#define EDITION_PROGRAMS 5
#define EDITION_LEVELS   3
extern const char *const edition_programs[EDITION_PROGRAMS];
extern const char *const edition_levels[EDITION_LEVELS];

/*
 * Reads the new-edition form into `v` (strings borrowed from `f`), with an
 * error per invalid field. Returns true when the form is valid.
 */
bool edition_form_read(const struct form *f, struct edition_view *v,
                       struct form_errors *e);
/* A YYYY-MM-DD date that exists (or the empty string when optional). */
bool is_date(const char *s, bool optional);
/* YYYY-MM-DD as Vietnamese documents write dates (dd/mm/yyyy); anything
 * else is copied as it is ("" stays ""). */
void date_vn(const char *iso, char *out, size_t size);

/* ---- Entries (pages_entries.c, entry_form.c) ----------------------------- */

#define ENTRY_MAX_AUTHORS  20
#define ENTRY_FORM_AUTHORS 6 /* author rows on the form */

/* A rubric field as a choice: its id and its title in the page's
 * language. */
struct field_choice {
	const char *id;
	const char *title;
};

struct author_view {
	const char *name, *birth_date, *ethnicity, *unit;
	const char *role; /* author | representative | teacher */
};

/* An entry as pages show it (all strings borrowed). */
struct entry_view {
	long long id;
	const char *code, *title, *field, *summary;
	const char *organisation, *district;
	const char *applied_since, *applied_place, *prior_awards;
	const char *eligibility, *eligibility_reason;
	struct author_view authors[ENTRY_MAX_AUTHORS];
	size_t nauthors;
	unsigned warnings; /* enum score_warning bits */
	size_t nattachments;
	bool authors_hidden; /* from judges, by the edition's setting */
};

struct attachment_view {
	long long id;
	const char *name, *mime;
	long long size;
};

/* The entries of an edition, with links to add, import and the template. */
void page_entries(struct buf *out, const struct page *p,
                  const struct edition_view *ed, const struct entry_view *rows,
                  size_t n, const struct field_choice *fields, size_t nfields,
                  bool can_edit);
/* The form for a new entry (v->id == 0) or an existing one. */
void page_entry_form(struct buf *out, const struct page *p,
                     const struct edition_view *ed, const struct entry_view *v,
                     const struct field_choice *fields, size_t nfields,
                     const struct form_errors *e);
/* The import form, and after a refused file every error, one per line
 * (already in the page's language), with nothing imported. */
void page_import(struct buf *out, const struct page *p,
                 const struct edition_view *ed, const char *const *errors,
                 size_t nerrors);

/* Forwarding a decided edition's entries to the next level: one prized
 * entry the page offers (strings borrowed; "" when none). */
struct forward_row {
	const char *code, *title, *field, *authors;
	const char *score, *tier, *final_tier;
	bool checked;
};

struct forward_view {
	const char *next_level; /* its name; NULL: national, nowhere to go */
	const char *decision_number, *decision_date;
	const struct forward_row *rows;
	size_t nrows;
	const char *const *errors; /* why the last download was refused */
	size_t nerrors;
};

/* The forwarding page: a checkbox per prized entry and the download
 * button (a plain form, no script), or why there is nothing to send. */
void page_forward(struct buf *out, const struct page *p,
                  const struct edition_view *ed, const struct forward_view *v);

/* One entry: details, authors, eligibility, attachments. */
void page_entry(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct entry_view *v,
                const struct field_choice *fields, size_t nfields,
                const struct attachment_view *atts, size_t natts, bool can_edit,
                bool can_decide);

/*
 * Reads the entry form into `v` (strings borrowed from `f`); the field
 * must be one of `fields`. Returns true when valid. Authors come from rows
 * a1_name... a6_role; empty rows are skipped.
 */
bool entry_form_read(const struct form *f, const struct field_choice *fields,
                     size_t nfields, struct entry_view *v,
                     struct form_errors *e);
/* The form name of an author row's column (0 name, 1 birth date,
 * 2 ethnicity, 3 unit, 4 role). */
const char *entry_author_field(size_t row, size_t column);
/* The title of a field id among the choices (the id when unknown). */
const char *field_title(const struct field_choice *fields, size_t n,
                        const char *id);

/* ---- The rubric editor (rubric_form.c, pages_rubric.c) ------------------- */

#define DB_MAX_SCORES     100 /* criteria of a sheet (the core's limit) */
#define RUBRIC_FORM_EXTRA 2   /* blank rows offered for new items */
#define RUBRIC_FORM_MAX   40

/*
 * Turns the editor's fields into a rubric JSON text (free() it): rows with
 * an empty id are dropped; numbers must be plain decimals; level lines read
 * "min-max | label vi | label en". Returns NULL with errors at fields when
 * the form itself is malformed; the scoring core validates the result.
 */
char *rubric_form_json(const struct form *f, struct form_errors *e);
/* The form field that a rubric key path ("criteria[1].step") is edited
 * in, written into `out` ("c1_step", or "c2_step" when the form's row 1
 * was left empty); "" when none. `f` is the posted form (NULL: rows as
 * numbered in the rubric). */
void rubric_path_field(const struct form *f, const char *path, char *out,
                       size_t size);
/* A level label as the levels box shows it: |, new lines and \ escaped
 * as \|, \n and \\ (written into `out`). */
void rubric_level_escape(struct buf *out, const char *label);

/* What the rubric page shows. */
struct rubric_page {
	const struct edition_view *edition;
	const struct score_rubric *rubric; /* the latest version */
	int version;
	bool frozen;   /* scores exist: saving needs a reason */
	bool can_edit; /* else read-only, export only */
	/* after a refused save: what was posted (so nothing typed is lost),
	 * the errors by field, the scoring core's message (in the page's
	 * language), and the import text that was pasted */
	const struct form *posted;
	const struct form_errors *errors;
	const char *error;
	const char *import_text;
};

void page_rubric(struct buf *out, const struct page *p,
                 const struct rubric_page *v);

/* ---- The score sheet (pages_sheet.c, sheet_form.c) ------------------------
 */

/* An entry as its judge sees it, and the judge's sheet of it. */
struct sheet_view {
	const struct entry_view *entry; /* authors already left out when the
	                                   edition hides them */
	const char *field;              /* its title */
	const char *deadline;           /* judging_until, or "" */
	const struct attachment_view *atts;
	size_t natts;
	const struct score_rubric *rubric;
	int rubric_version;
	const char *const *values; /* per criterion, as shown ("" empty) */
	const char *comment;
	const char *state; /* "" (not started) | draft | submitted */
	int version;
	const char *client_id; /* a fresh id for this form's save */
	bool can_write;
	bool can_declare; /* may declare a conflict of interest with it */
	bool locked;
	enum msg notice; /* what just happened (MSG__MAX: nothing) */
	const struct form_errors *errors;
};

void page_sheet(struct buf *out, const struct page *p,
                const struct sheet_view *v);

/* A sheet as posted: values by criterion (borrowed from the form). */
struct sheet_post {
	char names[DB_MAX_SCORES][8]; /* the fields' names ("c3"): errors
	                                 point here when none was posted */
	const char *values[DB_MAX_SCORES];
	int32_t points[DB_MAX_SCORES];
	bool given[DB_MAX_SCORES];
	const char *comment, *reason, *client_id;
	bool submit;
	int version, rubric_version;
};

/*
 * Reads the posted sheet against the rubric: each value checked by the
 * scoring core (its message next to the criterion's field, in `lang`);
 * on submit every criterion is needed, a draft may leave some empty.
 * False with the errors when something is wrong.
 */
bool sheet_form_read(const struct form *f, const struct score_rubric *r,
                     enum score_lang lang, struct sheet_post *s,
                     struct form_errors *e);
/*
 * The tablet's JSON save as the form the sheet page posts: {"client_id",
 * "version", "rubric_version", "state": "draft"|"submitted", "points":
 * {criterion: "27.5"|null}, "comment", "reason"} into `f` (then read it
 * with sheet_form_read): 0. 1, with the offending key in `why`, when a
 * key is unknown or of the wrong type: scores are strings (or whole
 * numbers), never binary fractions. -1 when the body could not be read
 * for want of memory: not the tablet's fault (it must send it again, not
 * drop it).
 */
int sheet_json_form(const char *data, size_t len,
                    const struct score_rubric *rub, struct form *f, char *why,
                    size_t size);
/* The form field of criterion i ("c3"). */
void sheet_field(size_t i, char *out, size_t size);

/* ---- The organisers' progress dashboard (pages_progress.c) ----------------
 */

struct progress_judge {
	const char *name;
	int done, assigned;
	long long last; /* unix time of the last save, 0 none */
};

struct progress_sheet {
	long long sheet; /* 0: not started */
	const char *code, *judge;
	const char *state; /* "" | draft | submitted */
};

/* An entry whose judges' totals are far apart (points, raw totals). */
struct progress_spread {
	long long entry;
	const char *code, *title;
	const char *const *judges; /* names, in the order of totals */
	const double *totals;
	size_t n;
	double spread; /* max - min of the totals */
};

/* A judge far from the panel's mean (the scoring core's severity). */
struct progress_far {
	const char *name;
	double mean, severity; /* points; severity = mean - panel mean */
	int sheets;
};

struct progress_panel {
	long long id;
	const char *name;
	bool locked;
	int done, assigned;
	const struct progress_judge *judges;
	size_t njudges;
	const struct progress_sheet *sheets;
	size_t nsheets;
	/* statistics of the submitted sheets: `compared` when some entry
	 * has two, else the lists below are empty and the page says why */
	bool compared;
	const struct progress_spread *spread; /* by spread, largest first */
	size_t nspread;
	const struct progress_far *far; /* by |severity|, largest first */
	size_t nfar;
};

/* A conflict of interest declared by a judge. */
struct progress_conflict {
	long long entry;
	const char *judge, *code, *title, *reason;
	long long at; /* unix time */
};

/* What the dashboard shows beyond the panels. */
struct progress_extra {
	bool scores;         /* a scores rubric: the statistics apply */
	double max_total;    /* the rubric's best sheet total */
	double spread_limit; /* points (in use: the default after an error) */
	const char *spread_text; /* the field as typed, or the default */
	bool spread_bad;         /* the typed threshold was refused */
	double far_limit;        /* points */
	const struct progress_conflict *conflicts; /* newest first */
	size_t nconflicts;
};

/* Per panel and per judge: sheets submitted / assigned, last activity;
 * the round's lock and the reopening of a submitted sheet when allowed;
 * judges' declared conflicts; entries with high disagreement and judges
 * far from their panel's mean, each with its threshold. */
void page_progress(struct buf *out, const struct page *p,
                   const struct edition_view *ed,
                   const struct progress_panel *panels, size_t n,
                   const struct progress_extra *x, bool can_lock);

/* ---- Results review (pages_results.c) ------------------------------------ */

struct result_row {
	int rank; /* 0: unranked */
	const char *code, *title;
	const char *authors, *organisation; /* for the public list */
	char score[32];      /* published, with the rubric's decimals; for a
	                        ballot the share of yes votes (4 places) */
	long long yes, no;   /* a ballot's tally */
	const char *tier;    /* computed: "" for none */
	const char *tier_id; /* its id ("" for none) */
	bool insufficient, tie, cusp;
	int nsheets, nexcluded;
	const char *excluded; /* "judge (reason); ..." or "" */
	/* the committee's latest decision about it, if any: */
	enum msg decision;      /* MSG__MAX: none */
	const char *final_tier; /* the prize after it ("" for none) */
	const char *reason;
};

struct result_judge {
	const char *name;
	int nsheets, excluded;
	double mean, severity;
	bool normalized;
};

struct result_scope {
	const char *title; /* a field's, or the whole contest's */
	bool ballot;       /* tallies, not scores: no judges, no statistics */
	const struct result_row *rows;
	size_t nrows;
	bool has_alpha, has_icc;
	double alpha, icc1, icck;
	const struct result_judge *judges;
	size_t njudges;
};

struct result_snapshot_line {
	long long id, at;
	const char *by, *sha256;
};

struct tier_choice {
	const char *id, *title;
};

struct objection_view {
	long long id;
	const char *code, *received_on, *sender, *content, *answer;
};

/* The public posting of a snapshot, and the award decision. */
struct posting_view {
	long long snapshot;
	const char *from, *until;
	const char *number, *date, *signatory; /* the award decision */
	bool decided;
	const struct objection_view *objections;
	size_t nobjections;
	/* a correction: why, and the decision it replaces */
	const char *note, *replaced_number, *replaced_date;
};

/* A side prize and who takes it ("" when no one qualifies). */
struct side_prize_view {
	enum msg title;
	char *winners;
};

struct results_view {
	long long snapshot; /* 0: none computed yet */
	long long at;
	const char *by, *sha256, *method;
	int rubric_version;
	const struct result_scope *scopes;
	size_t nscopes;
	const struct result_snapshot_line *history;
	size_t nhistory;
	enum msg refusal;   /* why computing was refused (MSG__MAX: not) */
	const char *detail; /* more about it (panels, the core's message) */
	const struct tier_choice *tiers; /* for the committee's decisions */
	size_t ntiers;
	const struct posting_view *posting; /* NULL: not posted */
	bool can_decide, can_post, can_object, can_award, can_correct;
	bool can_export; /* the downloads (organisers, not panel chairs) */
	bool chair;      /* a panel chair's read-only view: no judge named */
	const struct side_prize_view *side;
	size_t nside;
};

/* The side prizes, as a list (pages_results.c). */
void side_prizes_list(struct buf *out, enum score_lang l,
                      const struct side_prize_view *v, size_t n);

/* The public results page (pages_public.c): the prized entries of each
 * scope, after the committee's decisions. */
void page_public_results(struct buf *out, const struct page *p,
                         const struct edition_view *ed,
                         const struct posting_view *pv,
                         const struct result_scope *scopes, size_t n,
                         const struct side_prize_view *side, size_t nside);

/* The committee's, the posting's and the award decision's forms of the
 * results page, as the stage allows (pages_posting.c). */
void results_forms(struct buf *out, const struct page *p, long long edition,
                   const struct results_view *v);

/* The results of an edition's latest snapshot (or the one asked for),
 * with the diagnostics explained, the snapshots' list, and the compute
 * button when `can_compute`. */
void page_results(struct buf *out, const struct page *p,
                  const struct edition_view *ed, const struct results_view *v,
                  bool can_compute);

/* ---- The organisers' certificates page (pages_certs.c) ------------------- */

struct cert_row {
	long long id;
	const char *serial, *recipient, *entry, *prize, *code;
	bool revoked;
	const char *reason; /* "superseded" or the organiser's words */
	long long replaced_by;
};

struct certs_view {
	const struct cert_row *rows;
	size_t n;
	bool can_issue; /* decided: issuing (again) is possible */
	bool can_revoke;
	enum msg notice;  /* what just happened (MSG__MAX: nothing) */
	const char *said; /* its numbers ("3 · 0 · 0"), or "" */
};

/* The edition's certificates: issue (again), download each and the print
 * file, see each one's verification page, revoke one with a reason. */
void page_certs(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct certs_view *v);

/* The print file made in the background: how far it is. */
struct certs_print_view {
	int state; /* 0 none, 1 printing, 2 ready, 3 failed */
	long long done, total, bytes;
};
/* Start the print file, watch it (the page reloads itself while it
 * prints), download it. */
void page_certs_print(struct buf *out, const struct page *p,
                      const struct edition_view *ed,
                      const struct certs_print_view *v);

/* ---- Certificate templates (pages_cert_template.c) ----------------------- */

/* The template form: for which prize, where its look comes from, and its
 * fields as stored or as just posted. */
struct tpl_form {
	long long edition;
	const char *const *prizes; /* prizes[0] is "" (every prize) */
	size_t nprizes;
	size_t at;         /* the chosen one: prizes[at] */
	const char *prize; /* its text */
	int from; /* the look shown: 2 the prize's own, 1 the program's, 0
	             built in */
	const char *heading, *lead, *body, *issuer, *signer_title;
	const char *colour, *accent; /* "#a61c1c" */
	bool show_birth, show_school, show_entry, show_field, show_decision;
	bool has_seal;
	enum msg notice;                  /* MSG__MAX: nothing */
	const struct form_errors *errors; /* NULL: none */
};

/* Choose the prize, edit the template, preview it beside the form. */
void page_cert_template(struct buf *out, const struct page *p,
                        const struct edition_view *ed,
                        const struct tpl_form *f);

/* ---- Verifying a certificate (pages_verify.c) ---------------------------- */

enum verify_status {
	VERIFY_GENUINE,
	VERIFY_REVOKED,     /* by the organisers (superseded: a replacement) */
	VERIFY_KEY_REVOKED, /* its signing key was withdrawn */
	VERIFY_TAMPERED,    /* the record does not match its signature */
	VERIFY_NOT_VALID,   /* no certificate has this code */
	VERIFY__MAX,
};

/* What a certificate prints, for comparison (genuine or revoked only). */
struct verify_view {
	enum verify_status status;
	const char *code; /* as asked (escaped when shown), "" for the form */
	const char *serial, *recipient, *entry, *field, *prize, *edition;
	const char *decision, *issued, *issuer;
	unsigned key_id;
	const char *reason; /* a revocation's */
	const char
	    *replacement;     /* a superseded one's successor's path, or "" */
	bool asked;           /* a code was asked for (else: the form only) */
	bool short_not_found; /* a typed short code that names nothing */
};

/* The verification page: the verdict in words, the facts to compare with
 * the paper, and the form to type a short code. No JavaScript. */
void page_verify(struct buf *out, const struct page *p,
                 const struct verify_view *v);

/* ---- A council member's secret ballot (pages_ballot.c) ------------------ */

struct ballot_att {
	long long id;
	const char *name;
};

struct ballot_row {
	long long id;
	const char *code, *title, *field, *summary, *organisation;
	const char *authors; /* "" when the edition hides them */
	const struct ballot_att *atts;
	size_t natts;
	const char *vote; /* as marked: "yes" | "no" | "" */
	bool unmarked;    /* flagged on a refused review */
};

struct ballot_view {
	long long edition, expert;
	const char *title; /* the edition's */
	const struct ballot_row *rows;
	size_t n;
	long long cast_at; /* 0: not cast */
	int dossiers;      /* how many it held, once cast */
	bool open;         /* the member may cast now */
	bool closed;       /* the round is closed */
	bool review;       /* the confirmation step */
	const char *client_id;
	enum msg error; /* why the last post was refused (MSG__MAX: none) */
	const char *error_field; /* the field it names, or "" */
};

/* The paper (marks, then review, then cast), or when it was cast. */
void page_ballot(struct buf *out, const struct page *p,
                 const struct ballot_view *v);

/* ---- Session and login-link tokens (token.c) ----------------------------- */

#define TOKEN_BYTES 32
#define TOKEN_CHARS 43 /* unpadded base64url */
/* A token as sent back by a browser, into its 32 bytes: false unless it
 * is exactly 43 characters of canonical unpadded base64url. */
bool token_read(const char *s, uint8_t out[TOKEN_BYTES]);

/* ---- Judges' login cards (pages_cards.c, card_code.c) -------------------- */

/* The 32 characters a card's short code is made of. */
extern const char card_code_alphabet[];
/* A code as typed into its 8 canonical characters (`out`, NUL-ended):
 * any case, hyphens and spaces skipped, O read as 0 and I or L as 1.
 * false when it cannot be a code. */
bool card_code_read(const char *typed, char out[9]);

enum card_state {
	CARD_NONE,
	CARD_ISSUED,
	CARD_USED,
	CARD_REVOKED,
	CARD_EXPIRED
};

struct card_row {
	long long expert_id;
	const char *name;
	const char *login;  /* "" when the account comes with the first card */
	const char *panels; /* "Hội đồng 1; Hội đồng 2" */
	const char *chairs; /* the panels among them they chair */
	enum card_state state;
	long long issued_at, used_at; /* seconds; 0: none */
	const char *used_from;        /* the address it was used from */
	long long cards;              /* issued for this edition in all */
};

/* The edition's judges and their cards, with the forms that print new
 * ones (`site`: the address the cards will carry); `can_issue` false
 * once judging is over. */
void page_cards(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct card_row *rows,
                size_t n, const char *site, bool can_issue);

/* ---- The judge's start page (pages_judge.c) ------------------------------ */

struct judge_row {
	long long id;
	const char *code, *title, *edition;
	const char *sheet;    /* draft | submitted | "" */
	const char *deadline; /* the edition's, or "" */
	long long edition_id;
	bool can_declare; /* may declare a conflict of interest with it */
	bool ballot;      /* on a secret ballot paper, not a score sheet */
};

/* A panel the judge chairs (a link to its edition's assignments). */
struct chair_row {
	long long edition;
	const char *panel;
};

/* The entries assigned to a judge, with their progress, and the panels
 * the judge chairs; `notice` says what just happened (MSG__MAX: nothing). */
void page_judge_home(struct buf *out, const struct page *p,
                     const struct judge_row *rows, size_t n,
                     const struct chair_row *chaired, size_t nchaired,
                     enum msg notice);
/* The folded form a judge declares a conflict of interest with entry
 * `code` (a required reason, at most 250 letters); works without
 * JavaScript. */
void conflict_form(struct buf *out, const struct page *p, long long entry,
                   const char *code);

/* ---- Experts, panels, assignments (pages_panels.c, pages_assign.c) ------ */

struct expert_view {
	long long id;
	const char *name, *title, *unit, *fields, *email, *phone;
	bool has_login;
};

struct panel_view {
	long long id;
	const char *name;
	const char *fields; /* field ids, space-separated */
	long long chair;    /* expert id, 0 when none */
	const long long *members;
	size_t nmembers;
};

/* The experts, with the form to add one (`v`: its values, `e`: errors). */
void page_experts(struct buf *out, const struct page *p,
                  const struct expert_view *rows, size_t n,
                  const struct expert_view *v, const struct form_errors *e);
/* One expert's form. */
void page_expert_form(struct buf *out, const struct page *p,
                      const struct expert_view *v, const struct form_errors *e);
bool expert_form_read(const struct form *f, struct expert_view *v,
                      struct form_errors *e);

/* An edition's panels, and a form for a new one. */
void page_panels(struct buf *out, const struct page *p,
                 const struct edition_view *ed, const struct panel_view *rows,
                 size_t n, const struct expert_view *experts, size_t nexperts,
                 const struct field_choice *fields, size_t nfields,
                 bool can_edit);
/* The form of a panel alone (for the panels page and the panel's own). */
void panel_form_body(struct buf *out, const struct page *p,
                     const struct edition_view *ed, const struct panel_view *v,
                     const struct expert_view *experts, size_t nexperts,
                     const struct field_choice *fields, size_t nfields,
                     const struct form_errors *e);
/* One panel's form (v->id == 0: new). */
void page_panel_form(struct buf *out, const struct page *p,
                     const struct edition_view *ed, const struct panel_view *v,
                     const struct expert_view *experts, size_t nexperts,
                     const struct field_choice *fields, size_t nfields,
                     const struct form_errors *e);

/* A cell of the assignment grid. */
enum grid_cell {
	CELL_FREE,
	CELL_AUTO,     /* assigned by the algorithm */
	CELL_MANUAL,   /* assigned by hand */
	CELL_CONFLICT, /* automatic conflict (author, same unit) */
	CELL_DECLARED, /* declared conflict */
};

/* One panel's assignments: entries × judges. */
struct grid_view {
	long long panel_id;
	const char *panel;
	size_t nentries, njudges;
	const long long *entry_ids;
	const char *const *entry_codes;
	const char *const *entry_titles;
	const long long *judge_ids;
	const char *const *judge_names;
	const unsigned char *cells; /* nentries × njudges, enum grid_cell */
	unsigned k;
	/* what assign_check says of it */
	size_t nshort;
	unsigned min_load, max_load;
	size_t components;
};

void page_assignments(struct buf *out, const struct page *p,
                      const struct edition_view *ed,
                      const struct grid_view *grids, size_t n, bool can_assign);

#endif

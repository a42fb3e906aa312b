/* server.h: the web server's shared types: requests, routes, actors, the
 * authorisation function and the response helpers (server/ only). */
#ifndef GIAMKHAO_SERVER_H
#define GIAMKHAO_SERVER_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "../certificates/certificates.h"
#include "../common/common.h"
#include "../forms/forms.h"
#include "../scoring/scoring.h"
#include "db/db.h"

/* Limits (design.md: explicit limits on everything). */
#define HTTP_MAX_CONNECTIONS 512
#define HTTP_PER_IP_LIMIT    128
#define HTTP_TIMEOUT_SECONDS 30
#define HTTP_MEMORY_PER_CONN ((size_t)64 * 1024) /* headers fit in it */
#define HTTP_FORM_BODY_MAX   ((size_t)64 * 1024)
#define HTTP_UPLOAD_BODY_MAX ((size_t)16 * 1024 * 1024)
#define HTTP_RUBRIC_BODY_MAX                                                   \
	((size_t)1024 * 1024) /* the editor's many fields */
#define SESSION_IDLE_SECONDS ((int64_t)2 * 3600)
#define SESSION_MAX_SECONDS  ((int64_t)14 * 3600)

enum method {
	M_GET,
	M_POST,
	M__MAX,
};

/* Who may act: anonymous, a judge, the chair of a panel, an organiser
 * (Ban Tổ chức / secretariat), an administrator. */
enum role {
	ROLE_ANONYMOUS,
	ROLE_JUDGE,
	ROLE_CHAIR,
	ROLE_ORGANISER,
	ROLE_ADMIN,
	ROLE__MAX,
};

/* Every action a route performs; can() decides each. */
enum action {
	ACT_STATIC, /* stylesheets and scripts */
	ACT_LOGIN_FORM,
	ACT_LOGIN,
	ACT_LOGOUT,
	ACT_LOGIN_LINK, /* a single-use login link */
	ACT_HOME,       /* the signed-in start page */
	ACT_EDITION_LIST,
	ACT_EDITION_CREATE, /* the form and its submission */
	ACT_EDITION_VIEW,
	ACT_EDITION_ADVANCE,
	ACT_EDITION_EDIT,  /* dates, level, organisation, signatory */
	ACT_ORG_EDIT,      /* the organisation's details */
	ACT_RUBRIC_EXPORT, /* view and download */
	ACT_RUBRIC_EDIT,   /* a new version: the editor or an import */
	ACT_ENTRY_LIST,
	ACT_ENTRY_CREATE, /* add, import, template */
	ACT_ENTRY_VIEW,
	ACT_ENTRY_EDIT,
	ACT_ENTRY_DECIDE, /* eligibility (sơ khảo) */
	ACT_ATTACHMENT_ADD,
	ACT_ATTACHMENT_VIEW,
	ACT_EXPERT_LIST,
	ACT_EXPERT_EDIT,
	ACT_PANEL_LIST,
	ACT_PANEL_EDIT,
	ACT_ASSIGN_VIEW,
	ACT_ASSIGN, /* automatic or by hand */
	ACT_CONFLICT_DECLARE,
	ACT_SHEET_VIEW,       /* a judge's own sheet */
	ACT_SHEET_SAVE,       /* a draft or a submission */
	ACT_PROGRESS_VIEW,    /* the organisers' dashboard */
	ACT_ROUND_LOCK,       /* lock or unlock a panel's round */
	ACT_SHEET_REOPEN,     /* reopen a submitted sheet */
	ACT_API_ASSIGNED,     /* the tablet's list of entries */
	ACT_LOGIN_CODE,       /* a login card's short code, typed */
	ACT_CARDS_VIEW,       /* the judges' login cards of an edition */
	ACT_CARDS_ISSUE,      /* print (new) cards, which revokes the old */
	ACT_RESULTS_VIEW,     /* the results review page */
	ACT_RESULTS_COMPUTE,  /* a new results snapshot */
	ACT_RESULTS_EXPORT,   /* a snapshot's inputs and output */
	ACT_RESULTS_DECIDE,   /* a committee decision beside a result */
	ACT_RESULTS_POST,     /* post a snapshot publicly for objections */
	ACT_OBJECTION_RECORD, /* record an objection or its answer */
	ACT_AWARD_DECIDE,     /* the award decision: the list is final */
	ACT_PUBLIC_RESULTS,   /* the public results page */
	ACT_RESULTS_CORRECT,  /* a correction after the award decision */
	ACT_FORWARD_VIEW,     /* the page choosing entries for the next level */
	ACT_FORWARD,          /* download the package (not national) */
	ACT_BALLOT_VIEW,      /* a council member's secret ballot paper */
	ACT_BALLOT_CAST,      /* casting it (once) */
	ACT_VERIFY,           /* verifying a certificate (anyone) */
	ACT_CERTS_VIEW,       /* an edition's certificates and their PDFs */
	ACT_CERTS_ISSUE,      /* issuing them (again), once decided */
	ACT_CERTS_REVOKE,     /* revoking one, with a reason */
	ACT_CERTS_TEMPLATE,   /* the look of the program's certificates */
	ACT__MAX,
};

extern const char *const action_names[ACT__MAX];
extern const char *const role_names[ROLE__MAX];

struct actor {
	enum role role;
	int64_t user_id;
	int64_t expert_id;
	int64_t session_id;
	int64_t edition_id; /* a login card's session: that edition only */
	char login[64];
	char name[128];
	char csrf[65]; /* 64 hex digits */
};

/* What an action is about, when it is about something. */
struct object {
	const struct db_edition *edition;
	bool assigned;   /* the acting judge is assigned to the entry */
	bool conflicted; /* the acting judge has a conflict with it */
	bool chairs;     /* the acting judge chairs its panel (for an
	                    edition: some panel of it) */
};

/*
 * The one authorisation function: may `a` perform `act` (on `obj`, which
 * may be NULL for the route-level check)? Every route is checked with it
 * before its handler runs, and handlers call it again with the object.
 */
bool can(const struct actor *a, enum action act, const struct object *obj);
/* A judge's account (a judge, or a judge who chairs a panel). */
bool actor_is_expert(const struct actor *a);

struct app;

/* One HTTP request and its response, freed in one place (req_free). */
struct req {
	struct app *app;
	struct MHD_Connection *conn;
	enum method method;
	char *path;
	const struct route *route;
	int64_t ids[4];
	size_t nids;
	char word[256]; /* a {word} of the path (a verification code) */
	size_t body_max;
	struct buf body;
	bool body_too_large;
	struct form form; /* the query string, then the body's fields */
	struct actor actor;
	enum score_lang lang;
	char address[64];
	char form_token[65]; /* the anonymous double-submit token */
	/* the response */
	int status;
	struct buf out;
	const void *fixed; /* or a body compiled in (when out is empty) */
	size_t fixed_len;
	const char *encoding; /* Content-Encoding of `fixed`, or NULL */
	const char *type;
	char location[512];
	char disposition[1024]; /* Content-Disposition, for downloads */
	bool frame_self;        /* may be shown in a frame of our own pages */
	struct upload *uploads; /* files of a multipart body */
	size_t nuploads;
	char cookies[3][320];
	size_t ncookies;
};

/* A file sent in a multipart/form-data body. */
struct upload {
	char field[64];
	char filename[256];
	char type[128];
	struct buf data;
};

#define MAX_UPLOADS 4

typedef void (*handler_fn)(struct req *r);

struct route {
	enum method method;
	const char *pattern; /* "/editions/{id}/advance": {id} is a number */
	enum action action;
	handler_fn handler;
	size_t body_max; /* 0: no body expected */
};

extern const struct route routes[];
extern const size_t nroutes;

/* The application: the database and what lives across requests. */
struct app {
	struct db *db;
	bool secure; /* served behind TLS: cookies get Secure */
	/* the TLS proxy in front (--proxy): its requests carry the client's
	 * address in X-Forwarded-For; empty when none is trusted */
	char proxy[64];
	char dummy_hash[128]; /* verified for unknown logins (timing) */
	pthread_mutex_t lock;
	struct ratelimit *limits;
	struct idle *idle;
	struct rubric_cache *rubrics;
	struct keyring *keys;      /* the certificates' signing keys */
	struct print_jobs *prints; /* print files made in the background */
	struct sig_cache *sigs;    /* certificate signatures found valid */
};

/* ---- Results from the database (results_run.c) ------------------------ */

enum results_rc {
	RESULTS_OK,
	RESULTS_RUBRIC, /* the stored rubric does not read (err says why) */
	RESULTS_SCORES, /* a counted score the rubric refuses (err: line) */
	RESULTS_LIMITS, /* beyond the exact arithmetic or the buffer */
};

/* The counted sheets of an edition in the offline CSV format (design.md),
 * in a fixed order: the bytes a snapshot is computed from. */
/* A new snapshot of the edition in `s` (not stored): its rubric as stored
 * (s->rubric_json, free() it), the counted sheets or tallies in `csv` and
 * the results in `json` (the buffers own s->scores_csv and
 * s->results_json), their SHA-256, the program version and the time.
 * RESULTS_OK; RESULTS_SCORES or RESULTS_RUBRIC with `err`; -1. */
int results_snapshot(struct db_read *rd, int64_t edition, struct db_snapshot *s,
                     struct buf *csv, struct buf *json,
                     struct score_error *err);
/* The prizes a snapshot's lists give: the rubric's tiers, or for a ballot
 * the one outcome "selected" (titled for the program). */
const struct score_tier *prize_tiers(const struct score_rubric *r, size_t *n);
/* An entry's computed prize as an index into prize_tiers (-1: none). */
int result_tier(const struct score_rubric *r,
                const struct score_entry_result *e);
int results_export(struct db_read *rd, int64_t edition, struct buf *csv);
/* The scoring core's JSON results of `csv` under the rubric's text, with
 * the manifest (both inputs' SHA-256): what `giamkhao results RUBRIC
 * SCORES --format json` prints for the same two files. */
int results_compute(const char *rubric, const char *csv, struct buf *json,
                    struct score_error *err);
/* The prize (tier index, -1 for none) an entry has after a committee
 * decision, given the one computed: the one rule the page, the public
 * list and the exports all follow. */
int decision_tier(const struct score_rubric *rub, int computed,
                  const struct db_decision *d);
/* Do the snapshot's stored inputs still give its stored results (checked
 * when a newer program reads a snapshot an older one made)? */
bool results_still_true(const struct db_snapshot *s);

/* A snapshot computed again from its stored inputs, named for the page
 * (results_view.c); NULL when it cannot be. */
struct results_build;
struct rubric_cache;
struct results_build *results_build(struct db_read *rd,
                                    struct rubric_cache *rubrics,
                                    const struct db_snapshot *s,
                                    enum score_lang l);
const struct result_scope *results_build_scopes(const struct results_build *b,
                                                size_t *n);
const char *results_build_method(const struct results_build *b);
/* An entry's row by code (NULL when the snapshot has none). */
struct result_row *results_build_row(struct results_build *b, const char *code);
/* Applies a committee decision to its row (in order: the last holds). */
void results_build_decide(struct results_build *b, const struct db_decision *d,
                          enum score_lang l);
void results_build_free(struct results_build *b);

/* A snapshot as its exports show it (report_data.c): the results computed
 * again, named, with prize money and the edition's panels; NULL when it
 * cannot be (a failure, logged by the caller). Borrow the report until
 * report_data_free. */
struct report_data;
struct report_data *report_data_load(struct db_read *rd,
                                     const struct db_snapshot *s,
                                     const struct db_edition *e);
const struct report *report_data_report(const struct report_data *d);
void report_data_free(struct report_data *d);

/* The side prizes `which` (SIDE_* bits) among the snapshot's entries
 * (side_prizes.c); free the winners with side_prizes_free. */
int side_prizes_find(struct db_read *rd, int64_t edition, int which,
                     struct results_build *b, struct side_prize_view out[4],
                     size_t *n);
void side_prizes_free(struct side_prize_view *v, size_t n);

/* ---- PDF fonts (fonts.c) ---------------------------------------------- */

/* Noto Sans (cards, reports) as the renderer takes it, in memory; -1
 * when unavailable. */
int fonts_get(struct pdf_fonts *out);
/* The same for Noto Serif, the certificates' fonts. */
int fonts_serif(struct pdf_fonts *out);

/* ---- The results as a panel chair reads them (results_chair.c) -------- */

struct ctx;

struct chair_view {
	struct result_scope *scopes;
	struct result_row **rows; /* by the view's scope, owned */
	size_t n, nall;
};

/* Narrows `v` to what the acting chair may read (their panels' fields,
 * no conflicted entry, no judge's name or total, no objections) and
 * marks it read-only; `cv` owns the new lists. 0 or -1. */
int results_chair_filter(struct req *r, const struct ctx *c,
                         struct results_view *v, struct chair_view *cv);
void results_chair_release(struct chair_view *cv);

/* ---- Parsed rubrics, shared between requests (rubric_cache.c) --------- */

struct rubric_cache;
struct rubric_ref;

struct rubric_cache *rubric_cache_new(void);
void rubric_cache_free(struct rubric_cache *c);
/* The parsed rubric of (edition, version) with a reference taken, or NULL
 * when not cached. */
struct rubric_ref *rubric_get(struct rubric_cache *c, int64_t edition,
                              int version);
/* Caches a rubric just parsed (taking it) and returns a reference to it. */
struct rubric_ref *rubric_add(struct rubric_cache *c, int64_t edition,
                              int version, struct score_rubric *rubric);
/* The rubric a JSON text parses to (a snapshot's, which never changes),
 * parsed once and then shared: a reference, or NULL with `err` set. */
struct rubric_ref *rubric_text(struct rubric_cache *c, const char *json,
                               struct score_error *err);
const struct score_rubric *rubric_of(const struct rubric_ref *ref);
/* Drops a reference (NULL is fine). */
void rubric_put(struct rubric_ref *ref);

/* ---- Responses (response.c) -------------------------------------------- */

/* A page frame for this request (title plain text). */
struct page req_page(const struct req *r, const char *title);
/* Is this a request of the tablet's JSON API (/api/...)? */
bool req_is_api(const struct req *r);
/* A JSON answer (takes the reference to v). */
void respond_json(struct req *r, int status, json_t *v);
/* An error page with the status (403, 404, 413...); for the API, JSON. */
void respond_error(struct req *r, int status);
/* The same, saying why (`why`: a message for the page and the API; `code`:
 * for the API, a word the tablet acts on, or NULL). */
void respond_error_why(struct req *r, int status, enum msg why,
                       const char *code);
/* 303 See Other to a local path. */
void respond_redirect(struct req *r, const char *path);
/* Adds a Set-Cookie header value. */
void respond_cookie(struct req *r, const char *cookie);
/* Queues the response on the connection with the security headers. */
enum MHD_Result respond_queue(struct req *r);
/* Frees the responses kept for the files compiled in (at the end). */
void respond_cache_free(void);

/* ---- Sessions and login (session.c) ------------------------------------ */

/* Resolves the session cookie into r->actor (anonymous when none): 0, or
 * -1 when the database could not be read (the request fails, 503). */
int session_load(struct req *r);
/* Does the request carry this session's CSRF token (constant time)? */
bool session_csrf_ok(const struct req *r);
/* The anonymous form token (double-submit cookie), set when absent. */
const char *session_login_token(struct req *r);
void session_idle_free(struct idle *idle);
/* Opens a session for the user (audited) and sets its cookie; 0 or -1. */
int session_start(struct req *r, int64_t user_id, int64_t edition_id);
/* The session row of a new login inside `tx` (a login link is used and
 * its session opened in one transaction); its cookie's token in `token`,
 * for session_cookie() once committed. */
int session_create_in(struct db_tx *tx, struct req *r, int64_t user_id,
                      int64_t edition_id, char token[44]);
void session_cookie(struct req *r, const char token[44]);
/* The login page with an error (MSG__MAX: none). */
void login_page(struct req *r, const char *login, enum msg error);

/* Login attempts counted per account and per address, in 15 minutes. */
#define LOGIN_WINDOW      900
#define LOGIN_PER_ADDRESS 30

/* ---- Login cards' short codes (card_code.c) ---------------------------- */

#define CARD_CODE_SIZE 10 /* "K7QM-2XHD" and its NUL */

/* A new random code, as printed, and the SHA-256 that is stored. */
void card_code_new(char out[CARD_CODE_SIZE], uint8_t hash[32]);
/* The stored hash of a typed code (any case, with or without the hyphen
 * and spaces, O read as 0 and I or L as 1); -1 when it cannot be one. */
int card_code_hash(const char *typed, uint8_t hash[32]);

/* ---- Rate limits (ratelimit.c) ------------------------------------------ */

struct ratelimit *ratelimit_new(void);
void ratelimit_free(struct ratelimit *rl);
/* Records an attempt under `key`; false when over `max` in `window` s. */
bool ratelimit_allow(struct ratelimit *rl, const char *key, int max,
                     int window);
/* Forgets a key (a successful login clears its account's failures). */
void ratelimit_clear(struct ratelimit *rl, const char *key);
/* Takes back the key's latest attempt: a login that succeeded does not
 * count against its address (a venue's tablets may share one). */
void ratelimit_refund(struct ratelimit *rl, const char *key);

/* ---- The server (http.c) ------------------------------------------------ */

/* Serves until SIGINT or SIGTERM; returns an exit status. */
int http_serve(struct app *app, const char *listen);

/* ---- An edition's context (edition_ctx.c) -------------------------------- */

#define CTX_MAX_FIELDS 64

/* The edition of a page, its latest rubric and its fields as choices. */
struct ctx {
	struct db_edition edition;
	struct edition_view view;
	int rubric_version;
	const struct score_rubric *rubric; /* shared: never changed */
	struct rubric_ref *rubric_ref;
	struct field_choice fields[CTX_MAX_FIELDS];
	size_t nfields;
};

/* Does the edition select by secret ballot? 1 yes, 0 no, -1 failure. */
int edition_is_ballot(struct app *app, struct db_read *rd, int64_t edition);
/* Loads the edition; on failure responds (404/500) and returns -1. */
int ctx_load(struct req *r, int64_t edition, struct ctx *c);
/* An edition as pages show it (strings borrowed from `e`), and back. */
void edition_view_of(const struct db_edition *e, struct edition_view *v);
void edition_from_view(const struct edition_view *v, struct db_edition *e);
/* Refreshes c->view from c->edition. */
void ctx_view(struct ctx *c);
void ctx_release(struct ctx *c);
/* Fills what ties an expert actor to the entry (assigned, conflicted,
 * chairs its panel); nothing for staff. 0, DB_NOTFOUND or -1. */
int entry_access_of(struct db_read *rd, const struct actor *a,
                    const struct db_entry *e, struct object *obj);
/* entry_access for an entry not loaded yet. */
int entry_access(struct db_read *rd, const struct actor *a, int64_t entry,
                 struct object *obj);
/* can() again inside the write transaction, on the edition as it is
 * there: a change racing a lifecycle step must not slip through.
 * 0 allowed, 1 refused, -1 failure. */
int ctx_recheck(struct db_tx *tx, const struct req *r, int64_t edition,
                enum action act);
/* ctx_recheck for an object that says more than its edition (a judge's
 * assignment or conflict with an entry, found before the transaction). */
int ctx_recheck_object(struct db_tx *tx, const struct req *r, int64_t edition,
                       enum action act, const struct object *obj);
/* can() with the edition as the object. */
bool ctx_can(const struct req *r, const struct ctx *c, enum action act);
/* can() on the edition for an action a panel chair may take there (the
 * chair's tie worked out); on refusal answers 404 (500 on failure) and
 * returns -1. */
int ctx_can_chair(struct req *r, const struct ctx *c, enum action act);
enum score_program ctx_program(const struct ctx *c);

/* ---- A council member's secret ballot (ballot_run.c) -------------------- */

/* The dossiers one paper holds (a form carries at most 1000 fields). */
#define BALLOT_MAX      900
#define BALLOT_MAX_ATTS 16

struct ballot {
	struct ctx c;
	bool loaded;
	struct object obj; /* the edition, assigned: a member */
	int64_t *ids;      /* the paper: dossier ids by code */
	size_t n;
	int64_t *stored; /* the paper as stored, before automatic conflicts */
	size_t nstored;
	struct ballot_row *rows; /* the page's, with the marks */
	struct ballot_att (*atts)[BALLOT_MAX_ATTS];
	bool *votes; /* by row: true yes (valid once every row is marked) */
	int64_t cast_at;
	int dossiers;
	int closed; /* the round is closed for this member */
	bool open;  /* the member may cast now */
	char **owned;
	size_t nowned;
};

enum ballot_outcome {
	BALLOT_CAST,
	BALLOT_RESENT,  /* this very cast was made before: nothing changed */
	BALLOT_ALREADY, /* the member had cast */
	BALLOT_CLOSED,  /* the round is closed, or judging is over */
	BALLOT_CHANGED, /* the paper changed since it was shown */
	BALLOT_FAILED,
};

/* Loads the edition and the acting member's paper; on refusal responds
 * (404 for one who is not a member) and returns -1. Release it either
 * way. */
int ballot_load(struct req *r, enum action act, struct ballot *b);
void ballot_release(struct ballot *b);
/* Takes one posted field: a vote "v<id>" (yes | no | blank) is marked on
 * its row; anything else is left alone. Returns why it is refused (and
 * copies its name into `bad`), or MSG__MAX. */
enum msg ballot_mark(struct ballot *b, const char *name, const char *value,
                     char *bad, size_t size);
/* Flags the rows left unmarked; returns how many. */
int ballot_check(struct ballot *b);
/* A new id for a save or a cast (32 hex digits), so that a resend of the
 * same form is known for one (h_sheet.c). */
void client_id_fresh(char out[33]);
/* Casts the marks in one transaction, the stage, the lock and the paper
 * checked again inside it. */
enum ballot_outcome ballot_cast(struct req *r, struct ballot *b,
                                const char *client_id);

/* ---- One entry (entry_load.c) ---------------------------------------------
 */

/* An entry with its edition, as the acting user may see it. */
struct one {
	struct db_entry entry;
	struct ctx ctx;
	struct object obj;
};

/*
 * Loads entry `id` and its edition, and checks `act` against them. An
 * entry the user may not see is "not found" (its existence is not theirs
 * to know); one they see but may not act on is a 409. -1 after
 * responding; else release o->ctx when done.
 */
int entry_load(struct req *r, int64_t id, enum action act, struct one *o);

/* An entry's attachments as pages list them (the first 32). */
struct atts {
	struct db_attachment db[32];
	struct attachment_view v[32];
	size_t n;
};

int atts_collect(const struct db_attachment *a, void *arg);

/* ---- A judge's entries (h_home.c) -----------------------------------------
 */

struct judge_rows {
	struct db_judge_entry *db; /* free() it */
	size_t n, cap;
};

/* The entries assigned to the acting judge that they may see (none in
 * conflict, declared or automatic), by edition and code. */
int judge_rows_load(struct req *r, struct db_read *rd, struct judge_rows *l);

/* ---- A judge's sheet (h_sheet.c; the API in h_api.c) ----------------------
 */

/* An entry with its judge's sheet, as the page and the API show it. */
struct sheet_page {
	struct one one;
	struct atts atts;
	struct db_sheet sheet;
	struct entry_view entry;
	char values[DB_MAX_SCORES][32];
	const char *shown[DB_MAX_SCORES];
	char client_id[33];
	bool locked;
};

/* Loads the entry (checking `act`), the judge's sheet, attachments and
 * the round's lock; -1 after responding (else release sp->one.ctx). */
int sheet_page_load(struct req *r, int64_t entry, enum action act,
                    struct sheet_page *sp);
/* May the judge save now (the edition's stage, the round's lock)? */
bool sheet_writable(const struct req *r, const struct sheet_page *sp);
/* Applies a checked save in one transaction (the edition checked again
 * inside it): 0, or a DB_ outcome (DB_LOCKED when no longer allowed), and
 * sp->sheet is then the stored sheet; -1 on failure. */
int sheet_write(struct req *r, struct sheet_page *sp,
                const struct sheet_post *post);
/* A client id is 16 to 64 letters, digits, - or _ (a UUID fits). */
bool sheet_client_id_ok(const char *id);
/* The points of a criterion as typed ("27.5"), "" when not scored. */
void sheet_stored_value(const struct db_sheet *s, const char *id, char *out,
                        size_t size);

/* h_entries.c: an entry as pages show it (with eligibility warnings), and
 * the entry form's submission (id 0: a new entry). */
void entry_view_of(const struct ctx *c, const struct db_entry *e,
                   struct entry_view *v);
/* The entry as a judge or a panel chair sees it: without its people when
 * the edition hides authors from judges. */
void entry_view_for_expert(const struct ctx *c, const struct db_entry *e,
                           struct entry_view *v);
void entry_submit(struct req *r, struct ctx *c, long long id);

/* ---- The dashboard's statistics (progress_stats.c) ------------------------
 */

struct round_stats;

/* Reads the points of an edition's submitted sheets that count (their
 * judge assigned, no declared conflict), checked against `rubric`, which
 * must outlive the result. NULL on a storage failure. */
struct round_stats *round_stats_load(struct db_read *rd, int64_t edition,
                                     const struct score_rubric *rubric);
/* Fills panel v's statistics (compared, spread, far) with the scoring
 * core, thresholds in points; what v then points to lives as long as
 * st. */
void round_stats_panel(struct round_stats *st, struct progress_panel *v,
                       double spread_limit, double far_limit);
void round_stats_free(struct round_stats *st);

/* ---- Assignment grids (assign_run.c) ------------------------------------- */

/* One panel: its eligible entries (rows), judges (columns) and cells. */
struct grid {
	struct db_panel panel;
	size_t *rows; /* indices into the edition's eligible entries */
	size_t n;
	struct db_expert *judges;
	size_t m;
	unsigned char *cells; /* n × m, enum grid_cell */
	long long *entry_ids; /* for the page */
};

struct edition_data;

/* Every panel's grid of an edition. */
struct grids {
	struct db_panel *panels;
	struct grid *grids;
	size_t n;
	unsigned k;    /* judges per entry: the rubric's min_judges */
	bool everyone; /* a ballot: every member votes on every dossier */
	struct edition_data *data;
};

/* Judges per entry in a grid: k, or for a ballot the whole panel. */
unsigned grid_k(const struct grids *gs, const struct grid *g);

int grids_load(struct req *r, const struct ctx *c, struct grids *gs);
/* Drops the rows of the grid that the expert is in conflict with
 * (declared or automatic; the expert need not be a member). -1 on a
 * storage failure. */
int grid_hide_conflicts(struct req *r, const struct grids *gs, struct grid *g,
                        int64_t expert);
/* The automatic conflict rule: the expert is one of the entry's people, or
 * from the same unit or entering organisation. */
bool expert_conflicts_with(const struct db_expert *x, const struct db_entry *e);
void grids_release(struct grids *gs);
void grid_release(struct grid *g);
const struct db_entry *grid_entry(const struct grids *gs, const struct grid *g,
                                  size_t row);
/* assign_check on the grid as it stands; assign_panel to refill it
 * (manual assignments kept). Return codes as in assign.h. */
int grid_check(const struct grid *g, unsigned k, struct assign_report *rep);
int grid_solve(struct grid *g, unsigned k, struct assign_report *rep);

/* ---- Handlers ------------------------------------------------------------ */

void h_static(struct req *r);
void h_login_form(struct req *r);
void h_login(struct req *r);
void h_logout(struct req *r);
/* The snapshot of the path (r->ids[0]) with its edition; on failure
 * answers (404, 500) and returns -1 (h_posting.c). */
int snapshot_load(struct req *r, struct db_snapshot *s, struct ctx *c);
/* The results page of snapshot `id` (0: the latest), with a refusal to
 * show (MSG__MAX: none) and its detail (h_results.c). */
void results_page(struct req *r, struct ctx *c, int64_t id, enum msg refusal,
                  const char *detail);
/* The committee's decisions applied to `b`, the posting and its
 * objections, and which forms the page may offer (h_posting.c). */
struct posting_data;
int posting_load(struct req *r, const struct ctx *c, struct results_build *b,
                 int64_t snapshot, struct posting_data **out,
                 struct results_view *v);
void posting_free(struct posting_data *pd);
/* May the committee decide about `snapshot` now, given the edition's
 * current posting (NULL: none)? */
bool decision_open(const struct ctx *c, const struct db_posting *current,
                   int64_t snapshot);

void h_enter(struct req *r);
void h_enter_post(struct req *r);
void h_cards(struct req *r);
void h_results(struct req *r);
void h_decision_add(struct req *r);
void h_posting_add(struct req *r);
void h_objection(struct req *r);
void h_award(struct req *r);
void h_correction(struct req *r);
void h_public_results(struct req *r);
void h_forward_form(struct req *r);
void h_forward(struct req *r);
void h_results_compute(struct req *r);
void h_snapshot_scores(struct req *r);
void h_snapshot_rubric(struct req *r);
void h_snapshot_results(struct req *r);
void h_export_csv(struct req *r);
void h_export_xlsx(struct req *r);
void h_export_pdf(struct req *r);
void h_cards_issue(struct req *r);
void h_home(struct req *r);
void h_edition_list(struct req *r);
void h_edition_new(struct req *r);
void h_edition_create(struct req *r);
void h_edition_view(struct req *r);
void h_edition_advance(struct req *r);
void h_edition_edit_form(struct req *r);
void h_edition_update(struct req *r);
void h_org_form(struct req *r);
void h_org_update(struct req *r);
void h_progress(struct req *r);
void h_round_lock(struct req *r);
void h_sheet_reopen(struct req *r);
void h_api_assigned(struct req *r);
void h_api_sheet(struct req *r);
void h_api_sheet_save(struct req *r);
void h_ballot(struct req *r);
void h_ballot_cast(struct req *r);
void h_api_ballot_cast(struct req *r);
void h_verify_code(struct req *r);
void h_verify_form(struct req *r);
void h_keys_json(struct req *r);
void h_certs(struct req *r);
void h_certs_issue(struct req *r);
void h_certs_pdf(struct req *r);
void h_cert_pdf(struct req *r);
void h_cert_revoke(struct req *r);
void h_cert_template(struct req *r);
void h_certs_print(struct req *r);
void h_certs_print_start(struct req *r);
void h_certs_print_pdf(struct req *r);
void h_cert_template_save(struct req *r);
void h_cert_template_preview(struct req *r);
void h_cert_template_pdf(struct req *r);
void h_sheet_view(struct req *r);
void h_sheet_save(struct req *r);
void h_rubric_view(struct req *r);
void h_rubric_export(struct req *r);
void h_rubric_save(struct req *r);
void h_rubric_import(struct req *r);
void h_entry_list(struct req *r);
void h_entry_new(struct req *r);
void h_entry_create(struct req *r);
void h_entry_view(struct req *r);
void h_entry_edit_form(struct req *r);
void h_entry_edit(struct req *r);
void h_entry_decide(struct req *r);
void h_attachment_add(struct req *r);
void h_attachment_view(struct req *r);
void h_entry_template(struct req *r);
void h_import_form(struct req *r);
void h_import(struct req *r);
void h_expert_list(struct req *r);
void h_expert_create(struct req *r);
void h_expert_form(struct req *r);
void h_expert_update(struct req *r);
void h_panel_list(struct req *r);
void h_panel_create(struct req *r);
void h_panel_form(struct req *r);
void h_panel_update(struct req *r);
void h_assign_view(struct req *r);
void h_assign_auto(struct req *r);
void h_assign_one(struct req *r);
void h_conflict_declare(struct req *r);

/* ---- Certificate signing keys (keys.c) ---------------------------------- */

#define KEYS_MAX 255 /* key ids are 1..255 (one byte in the codes) */

struct vcode; /* certificates/vcode.h */

/*
 * The secret parts of the Ed25519 signing keys, from the file
 * `<database path>.keys` (one line "ID HEX-SEED" per key, mode 0600, never
 * in the database, so a backup of it carries no private key), held in
 * memory locked (where the system allows) and wiped when freed. The public
 * parts are in the database (db_key_*). Thread-safe. keys_new,
 * keys_current and keys_sign may begin a write transaction of their own:
 * never call them inside one (the writer is not reentrant).
 */
struct keyring;

/* Loads the keys file of the database at `db_path` (a missing file holds
 * no key: it is made on first need). NULL, with a message in `lang` on
 * stderr, when it cannot be read, has a bad line, or is not private (group
 * or others may access it). */
struct keyring *keys_open(const char *db_path, enum score_lang lang);
void keys_free(struct keyring *kr);
/* The keys file's path (borrowed, as long as kr). */
const char *keys_file(const struct keyring *kr);
/* Is the secret of key `id` in the file? */
bool keys_has_secret(struct keyring *kr, unsigned id);

/* Makes a new key: a fresh seed saved to the file first, then its public
 * part in the database (audited as `actor`), in one write transaction. Its
 * id in *id. 0, or -1 with a message. */
int keys_new(struct keyring *kr, struct db *db, const struct db_actor *actor,
             unsigned *id);
/* The key to sign with: the newest one neither retired nor revoked, made
 * (as keys_new) when there is none. 0, or -1 with a message (e.g. its
 * secret is not in the file). */
int keys_current(struct keyring *kr, struct db *db,
                 const struct db_actor *actor, unsigned *id);
/* Signs a certificate's facts digest and serial with the current key
 * (vcode_sign); the secret never leaves this file. 0 or -1. */
int keys_sign(struct keyring *kr, struct db *db, const struct db_actor *actor,
              uint32_t serial, const unsigned char digest[32],
              struct vcode *out);
/* Signs with key `id` (found by keys_current before a write transaction),
 * touching no database: for signing inside one. 0, or -1 when its secret
 * is not loaded. */
int keys_sign_with(struct keyring *kr, unsigned id, uint32_t serial,
                   const unsigned char digest[32], struct vcode *out);
/* A key's public part and state, from the database: 0, DB_NOTFOUND, -1. */
int keys_public(struct db_read *rd, unsigned id, struct db_signing_key *out);
/* "active", "retired" or "revoked". */
const char *keys_state(const struct db_signing_key *k);
/* Appends the published keys document (JSON, "giamkhao-keys/1": every
 * key's id, public key in base64url without padding, and its created,
 * retired and revoked dates, UTC, or null, and the revocation's reason). */
int keys_json(struct db_read *rd, struct buf *out);

/* ---- Issuing certificates (certs_plan.c, certs_issue.c) ---------------- */

#define CERTS_NOT_DECIDED 2 /* no award decision on the current list */

/* A certificate the current award decision gives: what it prints. */
struct cert_item {
	char entry_code[48];
	bool collective; /* for the entering organisation */
	char recipient[256];
	char birth_date[16]; /* "12/03/2012" or "" */
	char school[256];
	char entry[600]; /* "KT-001 – title" */
	char entry_title[512];
	char field[256];
	char prize[256];
	char edition[512];
	char decision[160]; /* "45/QĐ-LHH ngày 20/12/2026" */
	char decision_date[16];
};

/* The certificates the edition's decided list gives (one per author of
 * each entry keeping a prize, and per entering organisation when
 * `collective`): a new array in *out (free() it), 0; CERTS_NOT_DECIDED;
 * or -1. */
int certs_plan(struct db_read *rd, const struct db_edition *e, bool collective,
               struct cert_item **out, size_t *n);

struct certs_outcome {
	size_t issued, kept, superseded;
};

/* Issues the edition's certificates in one transaction: the plan against
 * the standing ones (same facts: kept; changed: revoked as superseded,
 * linked to the new one; gone from the list: revoked as superseded), new
 * ones signed with the current key. 0, CERTS_NOT_DECIDED, DB_CONFLICT (the
 * list changed meanwhile) or -1. */
int certs_issue(struct db *db, struct keyring *kr, const struct db_actor *who,
                const struct db_edition *e, bool collective,
                struct certs_outcome *out);

/* The demo's judged edition taken to its award decision and
 * certificates (demo_decided.c): 0 or -1. */
int demo_decide(struct db *db, const char *path, int64_t edition);

/* What a certificate prints besides its stored facts (certs_render.c). */
struct cert_strings {
	char place_date[160];
	char decision[192];
	char url[320];
	char short_code[16];
	char serial[32];
};

/* The certificate as the renderer takes it: its stored facts, the
 * edition's body and signatory, place and date in words, the QR's
 * upper-case URL on the organisation's public address; `s` holds the
 * strings made here. */
void certs_doc(const struct db_cert *c, const struct db_edition *e,
               const struct db_org *org, const struct db_cert_template *t,
               struct cert_strings *s, struct cert_doc *d);

/* The look certificates print in (certs_look.c). */
/* A program's look until its organisers set one. */
void certs_builtin_template(const char *program, struct db_cert_template *t);
/* The template a prize of a program prints with: the prize's own
 * (*from 2), else the program's (1), else the built-in one (0). 0 or -1;
 * release it with db_cert_template_release(). */
int certs_template_find(struct db_read *rd, const char *program,
                        const char *prize, struct db_cert_template *out,
                        int *from);
/* The renderer's view of a stored template (pointing into it). */
void certs_template_view(const struct db_cert_template *d,
                         struct cert_template *t);
/* The looks of a batch of certificates, one per prize in it. */
struct certs_looks {
	size_t n;
	char (*prize)[256];            /* the prize each is for */
	struct db_cert_template *rows; /* as found */
	struct cert_template *views;   /* the renderer's view of rows[i] */
};
int certs_looks_load(struct db_read *rd, const char *program,
                     const struct db_cert *certs, size_t n,
                     struct certs_looks *l);
/* The row for a prize (its index in *at), or NULL when not loaded. */
const struct db_cert_template *certs_looks_row(const struct certs_looks *l,
                                               const char *prize, size_t *at);
void certs_looks_release(struct certs_looks *l);

/* Where certificates are rendered for: the edition, the organisation,
 * and who hears of each page done (NULL: nobody). */
struct certs_ctx {
	const struct db_edition *edition;
	const struct db_org *org;
	void (*progress)(size_t done, void *arg);
	void *arg;
};
/* Renders certificates into `out` in their looks: the first alone, or
 * (`one_file`) all n in one PDF for printing. 0, or -1 with `err`. */
int certs_pdf(const struct certs_looks *looks, const struct db_cert *certs,
              size_t n, bool one_file, const struct certs_ctx *x,
              struct buf *out, char err[160]);

/* One certificate in the look `t`, as a template's preview prints it (a
 * `sample` says so where the serial goes). 0, or -1 with `err`. */
int certs_preview(const struct db_cert_template *t, const struct db_cert *c,
                  bool sample, const struct db_edition *e,
                  const struct db_org *org, struct buf *out, char err[160]);

/* Print files made in the background (print_jobs.c): one job per
 * edition; the finished file kept an hour or until the next. */
enum print_state { PRINT_NONE, PRINT_RUNNING, PRINT_DONE, PRINT_FAILED };
struct print_status {
	enum print_state state;
	size_t done, total, bytes;
};
struct print_jobs;
struct print_jobs *print_jobs_new(void);
/* Waits for any job still printing. */
void print_jobs_free(struct print_jobs *p);
/* Starts printing the edition's `n` certificates (taking `certs`, a
 * malloc'd array, and `looks`): 0; 1 when one is printing already (the
 * inputs are freed); -1. */
int print_jobs_start(struct print_jobs *p, const struct db_edition *e,
                     const struct db_org *org, struct db_cert *certs, size_t n,
                     struct certs_looks *looks);
void print_jobs_status(struct print_jobs *p, int64_t edition,
                       struct print_status *out);
/* Appends the edition's finished print file to `out`: 0, or -1 when
 * there is none ready. */
int print_jobs_take(struct print_jobs *p, int64_t edition, struct buf *out);

/* The template page's pieces (cert_template_read.c). The prizes a
 * template can be for: "" (every prize), the rubric's tiers, and any
 * other prize the certificates print. */
struct tpl_choices {
	char (*text)[256];
	const char **ptr; /* ptr[i] = text[i] */
	size_t n;
};
int tpl_choices_load(struct req *r, const struct ctx *c,
                     struct tpl_choices *ch);
/* The index of `prize` among the choices, or -1. */
int tpl_choices_find(const struct tpl_choices *ch, const char *prize);
void tpl_choices_release(struct tpl_choices *ch);
/* The template posted for (program, prize), each field checked into `e`;
 * the seal is the one sent, none when removed, else the one `shown`.
 * Release `t` with db_cert_template_release(). */
void tpl_read(const struct req *r, const char *program, const char *prize,
              const struct db_cert_template *shown, struct db_cert_template *t,
              struct form_errors *e);
/* The preview of `t`: the edition's first standing certificate of its
 * prize, or a sample. 0, or -1 with `err`. */
int tpl_preview(struct req *r, const struct ctx *c,
                const struct db_cert_template *t, struct buf *out,
                char err[160]);

/* The facts a certificate's signature binds, from its row (`serial`: a
 * buffer of 16 for the printed serial). */
struct vcode_facts;
void certs_facts(const struct db_cert *c, char serial[16],
                 struct vcode_facts *f);

/* ---- Signatures found valid (sig_cache.c) ------------------------------ */

struct sig_cache;
struct sig_cache *sig_cache_new(void);
void sig_cache_free(struct sig_cache *c);
/* Does the code's signature hold over the facts' digest (vcode_verify)?
 * Remembers the signatures found valid (thread-safe). */
bool sig_cache_verify(struct sig_cache *c, const unsigned char pk[32],
                      const struct vcode *code, const struct vcode_facts *f);

/* ---- The log (log.c) --------------------------------------------------- */

/* Writes "giamkhao: " and the formatted line to stderr in one write: lines
 * from many threads never interleave, and none waits on stdio's lock. */
void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

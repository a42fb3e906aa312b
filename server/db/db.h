/* db.h: storage (SQLite) for the server: connections, transactions, the
 * audit chain, backups, and the typed statements of every table. */
#ifndef GIAMKHAO_DB_H
#define GIAMKHAO_DB_H

/*
 * All SQL lives under server/db/. Rules from design.md: one file, WAL,
 * synchronous=FULL, foreign_keys=ON and busy_timeout on every connection;
 * BEGIN IMMEDIATE for every write; migrations gated on user_version;
 * prepared statements with bound parameters only. One writer connection
 * shared behind a mutex (a write transaction holds it), and a pool of read
 * connections. Every change appends a hash-chained audit row in the same
 * transaction. Text in and out is UTF-8 (NFC is the caller's job).
 *
 * Functions return 0 on success, DB_NOTFOUND / DB_DUPLICATE where those are
 * results rather than failures, and -1 on failure (logged to stderr with
 * the SQLite message; callers turn it into a 500 without details).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DB_NOTFOUND  1
#define DB_DUPLICATE 2
#define DB_CONFLICT  3 /* refused by a rule of the data (see each function) */
#define DB_INUSE     4
#define DB_LOCKED    5 /* the judging round is locked */
#define DB_REASON    6 /* the change needs a reason */

struct db;

/* Opens (creating if needed) and migrates the database. NULL on failure. */
struct db *db_open(const char *path);
/* Opens an existing database for reading only (db_read_begin,
 * db_audit_verify): no migration and no writer, so db_begin must never be
 * called on it. For checking a file that must stay as it is (a backup).
 * NULL on failure. */
struct db *db_open_readonly(const char *path);
/* Waits for nothing: the caller ensures no request is running. */
void db_close(struct db *db);
/* The schema version this build migrates to. */
int db_schema_version(void);

/* ---- Transactions --------------------------------------------------- */

/* A write transaction: holds the writer mutex from begin to end. */
struct db_tx;

/* Who did it, from where, for the audit rows of this transaction. */
struct db_actor {
	int64_t user_id; /* 0: the system (migrations, demo, CLI) */
	const char *address;
};

struct db_tx *db_begin(struct db *db, const struct db_actor *actor);
/* Commits (fsync with synchronous=FULL); frees tx. 0 or -1. */
int db_commit(struct db_tx *tx);
/* Rolls back and frees tx. */
void db_rollback(struct db_tx *tx);

/*
 * Appends an audit row: action ("entry.update"), object ("entry:42"), the
 * old and new values (JSON text, may be NULL) and a reason (may be NULL).
 * The row's hash = SHA-256(previous hash || its fields, length-prefixed).
 */
int db_audit(struct db_tx *tx, const char *action, const char *object,
             const char *old_value, const char *new_value, const char *reason);

/* A read snapshot: one pooled read connection in a read transaction. */
struct db_read;

struct db_read *db_read_begin(struct db *db);
void db_read_end(struct db_read *rd);

/* ---- Maintenance ----------------------------------------------------- */

/*
 * Walks the audit chain; returns 0 when every link holds, else the id of
 * the first row whose hash does not match (and -1 on an I/O error).
 * `rows` receives the number of rows checked.
 */
int64_t db_audit_verify(struct db *db, int64_t *rows);

/* Online backup (SQLite backup API) into `path`, while others write. */
int db_backup(struct db *db, const char *path);

/* ---- Checking a database file, restoring a backup (restore.c) ---------- */

/* What db_file_check found wrong with a file, or DB_FILE_OK. */
enum db_file_verdict {
	DB_FILE_OK,
	DB_FILE_UNREADABLE, /* cannot be opened, or not an SQLite database */
	DB_FILE_DAMAGED,    /* PRAGMA integrity_check finds faults */
	DB_FILE_FOREIGN, /* SQLite, but no giamkhao schema (user_version 0) */
	DB_FILE_NEWER,   /* its schema is newer than this program's */
	DB_FILE_CHAIN,   /* its audit chain breaks */
};

/* What a database file holds, as far as db_file_check got. */
struct db_file_info {
	int schema;                       /* PRAGMA user_version */
	bool wal;                         /* its journal mode is WAL */
	int64_t audit_rows;               /* rows of the audit chain checked */
	int64_t audit_bad;                /* the first row breaking it, or 0 */
	int64_t editions, entries, certs; /* -1: no such table in its schema */
	char problem[256];                /* SQLite's or integrity_check's
	                                     words, for DAMAGED and UNREADABLE */
};

/*
 * Checks a database file without writing to it (opened read-only, never
 * migrated): integrity_check first, then the schema version, then the
 * audit chain; and counts what it holds. Returns an enum db_file_verdict,
 * or -1 on a failure of this program (logged).
 */
int db_file_check(const char *path, struct db_file_info *info);

/*
 * Copies the database `backup` over `path` with SQLite's backup API, then
 * opens `path` as db_open does (WAL, migrated). `path` is locked
 * exclusively first, without waiting, and held through the copy: DB_INUSE
 * (nothing written) when another connection has it open (a server keeps a
 * lock on its file as long as it runs); DB_CONFLICT (nothing written,
 * SQLite's words logged) when `path` is not a database SQLite can lock
 * (damaged in its first page: the caller has it moved aside). 0 or -1
 * (logged) otherwise. The caller checks `backup` first (db_file_check).
 */
int db_restore(const char *backup, const char *path);

/* ---- Organisation ---------------------------------------------------- */

struct db_org {
	char name[256]; /* "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh …" */
	char province[128];
	char signatory[128];
	char signatory_title[128];
	char public_url[256];
};

int db_org_get(struct db_read *rd, struct db_org *out);
int db_org_put(struct db_tx *tx, const struct db_org *org);

/* ---- Accounts and sessions ------------------------------------------- */

struct db_user {
	int64_t id;
	char login[64];
	char name[128];
	char role[16]; /* admin | organiser | judge */
	char password_hash[128];
	int64_t expert_id; /* 0: none */
	bool disabled;
};

int db_user_by_login(struct db_read *rd, const char *login,
                     struct db_user *out);
int db_user_by_id(struct db_read *rd, int64_t id, struct db_user *out);
/* Inserts (audited); DB_DUPLICATE when the login exists. */
int db_user_create(struct db_tx *tx, const struct db_user *user, int64_t *id);
int db_user_count(struct db_read *rd, int64_t *count);

struct db_session {
	int64_t id;
	int64_t user_id;
	char csrf[65]; /* 64 hex digits */
	int64_t created_at;
	int64_t expires_at;
	int64_t edition_id; /* opened by a login card: bound to its edition */
};

/* Sessions are stored by the SHA-256 of their token, never the token. */
int db_session_create(struct db_tx *tx, const uint8_t token_hash[32],
                      const struct db_session *s, const char *address,
                      int64_t *id);
int db_session_by_hash(struct db_read *rd, const uint8_t token_hash[32],
                       struct db_session *out);
int db_session_delete(struct db_tx *tx, int64_t id);
/* Drops sessions past their absolute expiry. */
int db_session_purge(struct db_tx *tx, int64_t now);

/* Single-use login links: stored by the SHA-256 of their token. */
int db_link_create(struct db_tx *tx, const uint8_t token_hash[32],
                   int64_t user_id, int64_t expires_at);
/* What using a link (or a card's code) gives. */
struct db_link_login {
	int64_t user_id;
	int64_t edition_id; /* a login card's edition; 0 for a plain link */
};

/* Marks the link used (from `address`) and gives its user and edition;
 * DB_NOTFOUND when unknown, used already, revoked or expired. */
int db_link_use(struct db_tx *tx, const uint8_t token_hash[32], int64_t now,
                const char *address, struct db_link_login *out);
/* Would the link work now (unknown, used, revoked or expired: DB_NOTFOUND)?
 * Uses nothing. */
int db_link_usable(struct db_read *rd, const uint8_t token_hash[32],
                   int64_t now);
/* The same for the short code of a login card (its SHA-256). */
int db_code_use(struct db_tx *tx, const uint8_t code_hash[32], int64_t now,
                const char *address, struct db_link_login *out);

/* ---- Login cards (cards.c) --------------------------------------------- */

/* A judge of an edition (a member or chair of one of its panels) and
 * their latest login card for it. */
struct db_card {
	int64_t expert_id;
	char name[128];
	int64_t
	    user_id; /* 0: no judge account yet (made with the first card) */
	char login[64];
	char panels[512]; /* "Hội đồng 1; Hội đồng 2" */
	char chairs[512]; /* the panels among them they chair */
	int64_t issued_at, used_at, revoked_at, expires_at; /* 0: none */
	char used_from[64];
	int64_t cards; /* cards issued to them for the edition */
};

int db_cards_each(struct db_read *rd, int64_t edition,
                  int (*fn)(const struct db_card *c, void *arg), void *arg);
/* The expert's judge account, made (without a password: cards only) when
 * there is none yet. */
int db_judge_user(struct db_tx *tx, int64_t expert_id, const char *name,
                  int64_t *user_id);
/* A new card (token and code stored hashed): the judge's unused cards for
 * the edition are revoked and, with `end_sessions` (a reissue after a card
 * was lost), the sessions their cards opened end. Audited. DB_DUPLICATE
 * when the code is taken (draw another). */
int db_card_issue(struct db_tx *tx, int64_t user_id, int64_t edition,
                  const uint8_t token_hash[32], const uint8_t code_hash[32],
                  int64_t expires_at, bool end_sessions);

/* ---- Editions ---------------------------------------------------------- */

struct db_edition {
	int64_t id;
	char program[32];
	int number; /* lần thứ N */
	int year_from, year_to;
	char level[16]; /* district | province | national */
	char title[512];
	char state[16];
	char submit_until[16]; /* YYYY-MM-DD or empty */
	char judging_until[16];
	char posting_from[16];
	char posting_until[16];
	char applied_from[16]; /* entries applied since (technical, award) */
	char birth_from[16];   /* authors born in [from, until] (youth) */
	char birth_until[16];
	char org_name[256];
	char org_province[128];
	char signatory[128];
	char signatory_title[128];
	bool hide_authors;
	int side_prizes; /* SIDE_* bits (forms.h) */
};

/* Inserts the edition and its first rubric version (audited). */
int db_edition_create(struct db_tx *tx, const struct db_edition *e,
                      const char *rubric_json, int64_t *id);
int db_edition_get(struct db_read *rd, int64_t id, struct db_edition *out);
/* The same inside a transaction (what the write will see). */
int db_edition_get_tx(struct db_tx *tx, int64_t id, struct db_edition *out);
/* Calls fn for each edition, newest first; stops when fn returns nonzero. */
int db_edition_each(struct db_read *rd,
                    int (*fn)(const struct db_edition *e, void *arg),
                    void *arg);
/* Changes the edition's details (not its program or state), audited with
 * the values before and after; DB_NOTFOUND when there is no such one. */
int db_edition_update(struct db_tx *tx, int64_t id, const struct db_edition *e);
/* Moves from `from` to `to` (audited); DB_NOTFOUND when not in `from`. */
int db_edition_set_state(struct db_tx *tx, int64_t id, const char *from,
                         const char *to, const char *reason);
/* The newest rubric version of an edition (free() *json). */
int db_rubric_latest(struct db_read *rd, int64_t edition, int *version,
                     char **json);

/* Does any score exist for an entry of the edition (the rubric is then
 * frozen: changes need a reason)? 1 yes, 0 no, -1 error. */
int db_rubric_scored(struct db_read *rd, int64_t edition);
int db_rubric_scored_tx(struct db_tx *tx, int64_t edition);
/*
 * Adds the next rubric version (audited, with the reason). Refused with
 * DB_CONFLICT when scores exist and `reason` is empty, and with DB_INUSE
 * (the field's id in `field`) when an entry's field is not in `fields`.
 */
int db_rubric_add(struct db_tx *tx, int64_t edition, const char *json,
                  const char *reason, const char *const *fields, size_t n,
                  int *version, char *field, size_t field_size);

/* ---- Entries and their authors ----------------------------------------- */

#define DB_MAX_AUTHORS 20

struct db_author {
	char name[128];
	char birth_date[16]; /* YYYY-MM-DD or empty */
	char ethnicity[64];
	char unit[256];
	char role[16]; /* author | representative | teacher */
};

struct db_entry {
	int64_t id;
	int64_t edition_id;
	char code[48];
	char title[512];
	char field[64];
	char summary[4096];
	char organisation[256];
	char district[128];
	char applied_since[16];
	char applied_place[256];
	char prior_awards[1024];
	char eligibility[16]; /* pending | eligible | ineligible */
	char eligibility_reason[512];
	struct db_author authors[DB_MAX_AUTHORS];
	size_t nauthors;
};

/* Inserts an entry with its authors (audited); DB_DUPLICATE when the
 * edition already has the code. */
int db_entry_create(struct db_tx *tx, const struct db_entry *e, int64_t *id);
/* Replaces an entry's details and authors (audited, old and new). */
int db_entry_update(struct db_tx *tx, const struct db_entry *e);
int db_entry_get(struct db_read *rd, int64_t id, struct db_entry *out);
/* Calls fn for each entry of an edition (with authors), by code. */
int db_entry_each(struct db_read *rd, int64_t edition,
                  int (*fn)(const struct db_entry *e, void *arg), void *arg);
/* Records the eligibility decision and its reason (audited). */
int db_entry_decide(struct db_tx *tx, int64_t id, const char *decision,
                    const char *reason);

struct db_attachment {
	int64_t id;
	int64_t entry_id;
	char name[256];
	char mime[64];
	int64_t size;
	char sha256[65];
};

int db_attachment_add(struct db_tx *tx, const struct db_attachment *a,
                      const void *data, size_t len, int64_t *id);
/* Reads an attachment's metadata and (when data != NULL) its bytes
 * (malloc'd, free() them). */
int db_attachment_get(struct db_read *rd, int64_t id, struct db_attachment *out,
                      void **data);
/* What ties an expert to an entry. */
struct db_access {
	bool assigned;
	bool conflicted;
	bool chairs; /* chairs the panel of the entry's field */
};

int db_judge_access(struct db_read *rd, int64_t entry, int64_t expert,
                    struct db_access *out);
/* The same inside a write transaction (re-checked before a save). */
int db_judge_access_tx(struct db_tx *tx, int64_t entry, int64_t expert,
                       struct db_access *out);
/* How many panels the expert chairs (in the edition; 0: in any). */
int db_expert_chairs(struct db_read *rd, int64_t expert, int64_t edition,
                     int *count);
int db_attachment_each(struct db_read *rd, int64_t entry,
                       int (*fn)(const struct db_attachment *a, void *arg),
                       void *arg);

/* ---- Experts, panels, conflicts, assignments ---------------------------- */

struct db_expert {
	int64_t id;
	char name[128];
	char title[128]; /* academic title, position */
	char unit[256];
	char fields[256]; /* fields of expertise, free text */
	char email[128];
	char phone[32];
	int64_t user_id; /* the judge account, 0 when none */
};

int db_expert_create(struct db_tx *tx, const struct db_expert *x, int64_t *id);
int db_expert_update(struct db_tx *tx, const struct db_expert *x);
int db_expert_get(struct db_read *rd, int64_t id, struct db_expert *out);
int db_expert_each(struct db_read *rd,
                   int (*fn)(const struct db_expert *x, void *arg), void *arg);

#define DB_MAX_MEMBERS 64

struct db_panel {
	int64_t id;
	int64_t edition_id;
	char name[256];
	char fields[512];  /* field ids, space-separated */
	int64_t chair;     /* expert id, 0 when none */
	int64_t locked_at; /* the judging round's lock, 0 when open */
	int64_t members[DB_MAX_MEMBERS];
	size_t nmembers;
};

int db_panel_create(struct db_tx *tx, const struct db_panel *p, int64_t *id);
int db_panel_update(struct db_tx *tx, const struct db_panel *p);
int db_panel_get(struct db_read *rd, int64_t id, struct db_panel *out);
int db_panel_each(struct db_read *rd, int64_t edition,
                  int (*fn)(const struct db_panel *p, void *arg), void *arg);
/* The panels an expert chairs, newest edition first. */
int db_panel_each_chaired(struct db_read *rd, int64_t expert,
                          int (*fn)(const struct db_panel *p, void *arg),
                          void *arg);

/* A declared conflict (source organiser or judge), with its reason. */
int db_conflict_declare(struct db_tx *tx, int64_t entry, int64_t expert,
                        const char *source, const char *reason);

struct db_pair {
	int64_t entry;
	int64_t expert;
	bool manual;       /* assignments: set by hand */
	char source[16];   /* conflicts: organiser | judge */
	char reason[1024]; /* conflicts: 250 letters of up to 4 bytes */
};

/* Calls fn for each declared conflict / assignment of an edition. */
int db_conflict_each(struct db_read *rd, int64_t edition,
                     int (*fn)(const struct db_pair *c, void *arg), void *arg);
int db_assignment_each(struct db_read *rd, int64_t edition,
                       int (*fn)(const struct db_pair *a, void *arg),
                       void *arg);
/* Adds (manual) or removes one assignment (audited, with a reason). */
int db_assignment_set(struct db_tx *tx, int64_t entry, int64_t expert,
                      bool assigned, bool manual, const char *reason);
/* Drops the automatic assignments of these entries (audited). */
int db_assignment_clear_auto(struct db_tx *tx, const int64_t *entries,
                             size_t n);

/* An entry assigned to a judge, with its edition and the sheet's state. */
struct db_judge_entry {
	int64_t id;
	char code[48];
	char title[512];
	char edition[512];
	char sheet[16];    /* draft | submitted | "" (not started) */
	char deadline[16]; /* the edition's judging_until, or "" */
	int64_t edition_id;
	char edition_state[16]; /* what the judge may still do with it */
};

int db_judge_entries(struct db_read *rd, int64_t expert,
                     int (*fn)(const struct db_judge_entry *e, void *arg),
                     void *arg);

/* ---- Score sheets ---------------------------------------------------------
 */

#define DB_MAX_CRITERIA 100

/* A judge's sheet of an entry: its points in hundredths by criterion id. */
struct db_sheet {
	int64_t id; /* 0: not started */
	int64_t entry_id, expert_id;
	int rubric_version;
	char state[16]; /* draft | submitted | "" (not started) */
	char comment[4096];
	int version; /* bumped by every save; 0 before the first */
	int64_t updated_at, submitted_at;
	bool reopened; /* by the organisers, after the round's lock */
	size_t n;
	char criteria[DB_MAX_CRITERIA][64];
	int32_t points[DB_MAX_CRITERIA];
};

/* The sheet (zeroed, with DB_NOTFOUND, when the judge has not started). */
int db_sheet_get(struct db_read *rd, int64_t entry, int64_t expert,
                 struct db_sheet *out);

/* One save of a sheet by its judge, from a form or the tablet's queue. */
struct db_sheet_save {
	const char *client_id; /* the save's id: applied at most once */
	int base_version;      /* the version the judge was editing */
	int rubric_version;
	const char *state; /* draft | submitted */
	const char *comment;
	const char *reason; /* why a submitted sheet changes */
	const char *const *criteria;
	const int32_t *points;
	size_t n;
};

/*
 * Applies a save in the transaction, audited with the old and new values
 * and the reason. 0: applied, *out is the new sheet. Otherwise nothing is
 * written and *out is the stored sheet: DB_DUPLICATE the client id was
 * applied before (a replay); DB_CONFLICT the sheet has moved past
 * base_version (a stale save must not overwrite a newer one); DB_LOCKED
 * the entry's round is locked and the organisers have not reopened the
 * sheet; DB_REASON a submitted sheet would change without a reason.
 */
int db_sheet_save(struct db_tx *tx, int64_t entry, int64_t expert,
                  const struct db_sheet_save *s, struct db_sheet *out);
/* The organisers reopen a submitted sheet (after the lock too), with a
 * reason: it becomes a draft its judge may change and submit again.
 * DB_NOTFOUND when there is no such sheet, DB_CONFLICT when it is not
 * submitted. */
int db_sheet_reopen(struct db_tx *tx, int64_t sheet, const char *reason);
/* One assignment of an edition's panel and where its sheet stands. */
struct db_progress {
	int64_t panel_id, expert_id, entry_id, sheet_id;
	char expert[128];
	char code[48];
	char state[16]; /* "" not started | draft | submitted */
	int64_t updated_at;
};

/* Calls fn for each, by panel, judge and entry code. */
int db_progress_each(struct db_read *rd, int64_t edition,
                     int (*fn)(const struct db_progress *p, void *arg),
                     void *arg);
/* One point of a submitted sheet that counts for the dashboard's
 * statistics: its judge is still assigned and has declared no conflict. */
struct db_score_row {
	int64_t panel_id, entry_id, expert_id;
	char code[48];
	char title[512];
	char field[64];
	char expert[128];
	char criterion[64];
	int32_t points; /* hundredths */
};

/* Calls fn for each, by panel, entry code and judge. */
int db_progress_scores_each(struct db_read *rd, int64_t edition,
                            int (*fn)(const struct db_score_row *s, void *arg),
                            void *arg);

/* A conflict of interest a judge declared, with its entry. */
struct db_declared {
	int64_t entry_id;
	char code[48];
	char title[512];
	char expert[128];
	char reason[1024]; /* 250 letters of up to 4 bytes */
	int64_t at;
};

/* Calls fn for each judge-declared conflict of an edition, newest first. */
int db_judge_conflicts_each(struct db_read *rd, int64_t edition,
                            int (*fn)(const struct db_declared *c, void *arg),
                            void *arg);
/* The entry and the judge of a sheet. */
int db_sheet_owner(struct db_read *rd, int64_t sheet, int64_t *entry,
                   int64_t *expert);
/* Locks (or unlocks) a panel's judging round, audited with the reason. */
int db_panel_lock(struct db_tx *tx, int64_t panel, bool lock,
                  const char *reason);
/* Is the judging round of the entry's panel locked? 1 yes, 0 no, -1. */
int db_entry_locked(struct db_read *rd, int64_t entry);

/* Writes a judge's sheet for an entry with its points (hundredths) per
 * criterion id, in one step (audited with old and new). */
int db_sheet_put(struct db_tx *tx, int64_t entry, int64_t expert,
                 int rubric_version, const char *state, const char *comment,
                 const char *const *criteria, const int32_t *points, size_t n);

/* ---- Secret ballots (ballot.c) ------------------------------------------ */

/* A member's ballot paper in an edition: the ids of the eligible dossiers
 * assigned to them and not in conflict, by code (at most `cap`; *n says
 * how many there are). The _tx variant reads inside a write. */
int db_ballot_paper(struct db_read *rd, int64_t edition, int64_t expert,
                    int64_t *ids, size_t cap, size_t *n);
int db_ballot_paper_tx(struct db_tx *tx, int64_t edition, int64_t expert,
                       int64_t *ids, size_t cap, size_t *n);
/* When the member cast their ballot (0: not yet) and on how many dossiers. */
int db_ballot_cast_get(struct db_read *rd, int64_t edition, int64_t expert,
                       int64_t *at, int *dossiers);
/* Is the round closed for the member (a panel judging one of their
 * dossiers locked)? 1 yes, 0 no, -1 on failure. */
int db_ballot_closed(struct db_read *rd, int64_t edition, int64_t expert);
int db_ballot_closed_tx(struct db_tx *tx, int64_t edition, int64_t expert);

/*
 * Casts a member's ballot: adds each vote (true: yes) to its dossier's
 * tally and records that the member has cast, audited without the votes.
 * Nothing links the member to a vote afterwards. 0: cast; DB_DUPLICATE
 * this client id was cast before by this member (a resend: nothing
 * changes); DB_CONFLICT the member has cast already.
 */
int db_ballot_cast(struct db_tx *tx, int64_t edition, int64_t expert,
                   const char *client_id, const int64_t *entries,
                   const bool *yes, size_t n);

/* A dossier's tally, as the results count it. */
struct db_tally {
	char code[48];
	char field[64];
	int64_t yes, no;
};

/* Calls fn for each eligible dossier with votes, by code. */
int db_ballot_tallies_each(struct db_read *rd, int64_t edition,
                           int (*fn)(const struct db_tally *t, void *arg),
                           void *arg);
/* How many members have cast their ballot in the edition. */
int db_ballot_casts_count(struct db_read *rd, int64_t edition, int64_t *n);

/* ---- Results snapshots (results.c) ------------------------------------ */

/* One counted score: entry code, field, judge (expert id), criterion. */
struct db_result_score {
	char code[48];
	char field[64];
	int64_t expert_id;
	char criterion[64];
	int32_t points; /* hundredths */
};

/* The points that count for an edition's results (submitted sheets of
 * eligible entries by assigned judges with no declared conflict), by
 * entry code, judge and criterion id. */
int db_result_scores_each(struct db_read *rd, int64_t edition,
                          int (*fn)(const struct db_result_score *s, void *arg),
                          void *arg);
/* How many of the edition's panels are not locked, inside a write (so a
 * round unlocked meanwhile is seen). */
int db_panels_unlocked_tx(struct db_tx *tx, int64_t edition, int *count);
/* Calls fn with the name of each panel of the edition not locked yet. */
int db_panels_unlocked_each(struct db_read *rd, int64_t edition,
                            int (*fn)(const char *name, void *arg), void *arg);

struct db_snapshot {
	int64_t id, edition_id, created_at, created_by;
	int rubric_version;
	char *rubric_json, *scores_csv, *results_json; /* owned */
	char results_sha256[65];
	char program_version[32];
};

/* Stores a snapshot (audited); never changed after. */
int db_snapshot_add(struct db_tx *tx, const struct db_snapshot *s, int64_t *id);
/* DB_NOTFOUND when there is none; release with db_snapshot_release. */
int db_snapshot_get(struct db_read *rd, int64_t id, struct db_snapshot *out);
void db_snapshot_release(struct db_snapshot *s);

struct db_snapshot_line {
	int64_t id, created_at;
	char by[128];
	char results_sha256[65];
};

/* The edition's snapshots, newest first. */
int db_snapshots_each(struct db_read *rd, int64_t edition,
                      int (*fn)(const struct db_snapshot_line *l, void *arg),
                      void *arg);

/* ---- Committee decisions, posting, objections (posting.c) ------------- */

struct db_decision {
	int64_t id;
	char code[48];
	char kind[16]; /* confirm | move | withhold | resolve */
	char tier[64]; /* the tier id moved to ("" for none) */
	char reason[1024];
	int64_t at;
	char by[128];
};

/* A decision of the committee about an entry of a snapshot, beside the
 * computed result (audited). */
int db_decision_add(struct db_tx *tx, int64_t snapshot,
                    const struct db_decision *d, int64_t by);
/* Copies the decisions of the snapshot of the edition's current posting,
 * if any, to a new snapshot (a correction keeps what the committee
 * decided, until it decides otherwise); audited. */
int db_decisions_carry(struct db_tx *tx, int64_t edition, int64_t snapshot);
/* A snapshot's decisions, oldest first (the latest per entry holds). */
int db_decisions_each(struct db_read *rd, int64_t snapshot,
                      int (*fn)(const struct db_decision *d, void *arg),
                      void *arg);

struct db_posting {
	int64_t id, edition_id, snapshot_id;
	char from[16], until[16]; /* the posting period, YYYY-MM-DD */
	int64_t posted_at;
	char number[64], date[16], signatory[128]; /* the award decision */
	int64_t decided_at;                        /* 0: not decided yet */
	int64_t replaces; /* a correction: the posting it replaces, or 0 */
	char note[2048];  /* a correction: why */
};

/* Publishes a snapshot for objections and moves the edition from
 * results to posted (audited). */
int db_posting_add(struct db_tx *tx, const struct db_posting *p, int64_t by,
                   int64_t *id);
/* The edition's latest posting; DB_NOTFOUND when none. */
int db_posting_current(struct db_read *rd, int64_t edition,
                       struct db_posting *out);
int db_posting_current_tx(struct db_tx *tx, int64_t edition,
                          struct db_posting *out);
/* A posting by id (a correction's predecessor). */
int db_posting_get(struct db_read *rd, int64_t id, struct db_posting *out);
/* A correction after the award decision: snapshot, decision (number, date,
 * signatory) and note in `p`, replacing the current posting (audited). */
int db_correction_add(struct db_tx *tx, const struct db_posting *p, int64_t by);
/* Records the award decision and moves the edition from posted to
 * decided (audited); DB_NOTFOUND when decided already. */
int db_posting_decide(struct db_tx *tx, const struct db_posting *p);

struct db_objection {
	int64_t id;
	char code[48];
	char received_on[16];
	char sender[256];
	char content[4096];
	char answer[4096];
	int64_t answered_at;
};

int db_objection_add(struct db_tx *tx, int64_t posting,
                     const struct db_objection *o);
/* DB_NOTFOUND when the objection is not of that posting. */
int db_objection_answer(struct db_tx *tx, int64_t posting, int64_t id,
                        const char *answer);
int db_objections_each(struct db_read *rd, int64_t posting,
                       int (*fn)(const struct db_objection *o, void *arg),
                       void *arg);

/* ---- Certificate signing keys (keys.c) ---------------------------------- */

/* The public part of a signing key and its state (the secret part is
 * never in the database: server/keys.c keeps it in a file). */
struct db_signing_key {
	unsigned id; /* 1..255, the key id in the certificates' codes */
	uint8_t public_key[32];
	int64_t created_at;
	int64_t retired_at; /* 0: not retired (may still sign) */
	int64_t revoked_at; /* 0: not revoked */
	char reason[512];   /* why it was revoked */
};

/* Adds a key's public part (audited); DB_DUPLICATE when the id is taken. */
int db_key_add(struct db_tx *tx, const struct db_signing_key *k);
/* A key by id; DB_NOTFOUND when there is none. */
int db_key_get(struct db_read *rd, unsigned id, struct db_signing_key *out);
/* Calls fn for each key, by id; stops when fn returns nonzero. The _tx
 * variant reads inside a write (what it will see). */
int db_key_each(struct db_read *rd,
                int (*fn)(const struct db_signing_key *k, void *arg),
                void *arg);
int db_key_each_tx(struct db_tx *tx,
                   int (*fn)(const struct db_signing_key *k, void *arg),
                   void *arg);
/* Retires a key at `at` (audited): it signs no more, what it signed stays
 * genuine. DB_NOTFOUND no such key; DB_CONFLICT retired or revoked
 * already. */
int db_key_retire(struct db_tx *tx, unsigned id, int64_t at);
/* Revokes a key at `at` with its reason (audited): what it signed is no
 * longer trusted. Final. DB_NOTFOUND no such key; DB_CONFLICT revoked
 * already; DB_REASON an empty reason. */
int db_key_revoke(struct db_tx *tx, unsigned id, int64_t at,
                  const char *reason);

/* ---- Certificates (certs.c) -------------------------------------------- */

/* An issued certificate: what it prints, the key and signature binding
 * those facts, and its code. */
struct db_cert {
	int64_t id; /* the serial */
	int64_t edition_id, posting_id;
	char entry_code[48];
	bool collective; /* for the entering organisation, not a person */
	char recipient[256];
	char birth_date[16]; /* as printed, "12/03/2012", or "" */
	char school[256];
	char entry[600];       /* "KT-001 – title": the signed fact */
	char entry_title[512]; /* the title alone, as printed */
	char field[256];
	char prize[256];
	char edition[512];
	char decision[160]; /* "45/QĐ-LHH ngày 20/12/2026" */
	char issued[16];    /* YYYY-MM-DD */
	unsigned key_id;
	uint8_t signature[64];
	char code[120];
	int64_t created_at, created_by;
	int64_t revoked_at; /* 0: standing */
	char revoked_reason[512];
	int64_t replaced_by; /* a superseded one's successor, or 0 */
};

/* The serial the next certificate gets (inside the write). */
int db_cert_next_serial(struct db_tx *tx, int64_t *serial);
/* Stores an issued certificate (audited). */
int db_cert_add(struct db_tx *tx, const struct db_cert *c);
/* Revokes a standing certificate with a reason, and the one replacing it
 * (0: none); audited. DB_CONFLICT when unknown or revoked already. */
int db_cert_revoke(struct db_tx *tx, int64_t id, const char *reason,
                   int64_t replaced_by);
int db_cert_by_code(struct db_read *rd, const char *code, struct db_cert *out);
int db_cert_get(struct db_read *rd, int64_t id, struct db_cert *out);
/* The standing (unrevoked) certificates of an edition, by serial, in a
 * malloc'd array (free() it; NULL when none). 0 or -1. */
int db_certs_standing(struct db_read *rd, int64_t edition, struct db_cert **out,
                      size_t *n);
/* Calls fn for each certificate of an edition, by serial. */
int db_certs_each(struct db_read *rd, int64_t edition,
                  int (*fn)(const struct db_cert *c, void *arg), void *arg);
int db_certs_each_tx(struct db_tx *tx, int64_t edition,
                     int (*fn)(const struct db_cert *c, void *arg), void *arg);

/* ---- Certificate templates (templates.c) ------------------------------- */

/* The look of a program's certificates, for every prize (prize "") or
 * for one prize as printed. */
struct db_cert_template {
	char program[32];
	char prize[256];
	char heading[256], lead[256], body[256];
	char issuer[256];        /* "BAN TỔ CHỨC" */
	char signer_title[256];  /* "TM. BAN TỔ CHỨC\nTRƯỞNG BAN" */
	unsigned colour, accent; /* 0xRRGGBB */
	bool show_birth, show_school, show_entry, show_field, show_decision;
	unsigned char *seal; /* a PNG (malloc'd) or NULL */
	size_t seal_len;
	int64_t updated_at; /* 0: not stored (the built-in look) */
};

/* The stored template of (program, prize); DB_NOTFOUND when there is
 * none. Free its seal with db_cert_template_release(). */
int db_cert_template_get(struct db_read *rd, const char *program,
                         const char *prize, struct db_cert_template *out);
/* Stores a template, replacing the one there (audited: what changed,
 * the seal by its size and SHA-256). */
int db_cert_template_put(struct db_tx *tx, const struct db_cert_template *t);
/* Removes one (audited): the prize takes the program's look again, the
 * program the built-in one. DB_NOTFOUND when there was none. */
int db_cert_template_delete(struct db_tx *tx, const char *program,
                            const char *prize);
void db_cert_template_release(struct db_cert_template *t);

#endif

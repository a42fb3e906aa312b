/* auth.c: can(), the one authorisation function, and the role table. */
#include <string.h>

#include "server.h"

const char *const role_names[ROLE__MAX] = {
	[ROLE_ANONYMOUS] = "anonymous", [ROLE_JUDGE] = "judge",
	[ROLE_CHAIR] = "chair",         [ROLE_ORGANISER] = "organiser",
	[ROLE_ADMIN] = "admin",
};

const char *const action_names[ACT__MAX] = {
	[ACT_STATIC] = "static",
	[ACT_LOGIN_FORM] = "login-form",
	[ACT_LOGIN] = "login",
	[ACT_LOGOUT] = "logout",
	[ACT_LOGIN_LINK] = "login-link",
	[ACT_HOME] = "home",
	[ACT_EDITION_LIST] = "edition-list",
	[ACT_EDITION_CREATE] = "edition-create",
	[ACT_EDITION_VIEW] = "edition-view",
	[ACT_EDITION_ADVANCE] = "edition-advance",
	[ACT_EDITION_EDIT] = "edition-edit",
	[ACT_ORG_EDIT] = "org-edit",
	[ACT_RUBRIC_EXPORT] = "rubric-export",
	[ACT_RUBRIC_EDIT] = "rubric-edit",
	[ACT_ENTRY_LIST] = "entry-list",
	[ACT_ENTRY_CREATE] = "entry-create",
	[ACT_ENTRY_VIEW] = "entry-view",
	[ACT_ENTRY_EDIT] = "entry-edit",
	[ACT_ENTRY_DECIDE] = "entry-decide",
	[ACT_ATTACHMENT_ADD] = "attachment-add",
	[ACT_ATTACHMENT_VIEW] = "attachment-view",
	[ACT_EXPERT_LIST] = "expert-list",
	[ACT_EXPERT_EDIT] = "expert-edit",
	[ACT_PANEL_LIST] = "panel-list",
	[ACT_PANEL_EDIT] = "panel-edit",
	[ACT_ASSIGN_VIEW] = "assign-view",
	[ACT_ASSIGN] = "assign",
	[ACT_CONFLICT_DECLARE] = "conflict-declare",
	[ACT_SHEET_VIEW] = "sheet-view",
	[ACT_SHEET_SAVE] = "sheet-save",
	[ACT_PROGRESS_VIEW] = "progress-view",
	[ACT_ROUND_LOCK] = "round-lock",
	[ACT_SHEET_REOPEN] = "sheet-reopen",
	[ACT_API_ASSIGNED] = "api-assigned",
	[ACT_LOGIN_CODE] = "login-code",
	[ACT_CARDS_VIEW] = "cards-view",
	[ACT_CARDS_ISSUE] = "cards-issue",
	[ACT_RESULTS_VIEW] = "results-view",
	[ACT_RESULTS_COMPUTE] = "results-compute",
	[ACT_RESULTS_EXPORT] = "results-export",
	[ACT_RESULTS_DECIDE] = "results-decide",
	[ACT_RESULTS_POST] = "results-post",
	[ACT_OBJECTION_RECORD] = "objection-record",
	[ACT_AWARD_DECIDE] = "award-decide",
	[ACT_PUBLIC_RESULTS] = "public-results",
	[ACT_RESULTS_CORRECT] = "results-correct",
	[ACT_FORWARD_VIEW] = "forward-view",
	[ACT_FORWARD] = "forward",
	[ACT_BALLOT_VIEW] = "ballot-view",
	[ACT_BALLOT_CAST] = "ballot-cast",
	[ACT_VERIFY] = "verify",
	[ACT_CERTS_VIEW] = "certs-view",
	[ACT_CERTS_ISSUE] = "certs-issue",
	[ACT_CERTS_REVOKE] = "certs-revoke",
	[ACT_CERTS_TEMPLATE] = "certs-template",
};

#define R(role) (1u << (role))
#define ANYONE                                                                 \
	(R(ROLE_ANONYMOUS) | R(ROLE_JUDGE) | R(ROLE_CHAIR) |                   \
	 R(ROLE_ORGANISER) | R(ROLE_ADMIN))
#define SIGNED_IN (ANYONE & ~R(ROLE_ANONYMOUS))
#define STAFF     (R(ROLE_ORGANISER) | R(ROLE_ADMIN))
#define EXPERT    (R(ROLE_JUDGE) | R(ROLE_CHAIR)) /* a judge's account */

/* Which roles may attempt each action at all (the route-level check);
 * one row per action, aligned by hand. */
/* clang-format off */
static const unsigned allowed[ACT__MAX] = {
	[ACT_STATIC]          = ANYONE,
	[ACT_LOGIN_FORM]      = ANYONE,
	[ACT_LOGIN]           = ANYONE,
	[ACT_LOGOUT]          = SIGNED_IN,
	[ACT_LOGIN_LINK]      = ANYONE,
	[ACT_HOME]            = SIGNED_IN,
	[ACT_EDITION_LIST]    = STAFF,
	[ACT_EDITION_CREATE]  = STAFF,
	[ACT_EDITION_VIEW]    = STAFF,
	[ACT_EDITION_ADVANCE] = STAFF,
	[ACT_EDITION_EDIT]    = STAFF,
	[ACT_ORG_EDIT]        = STAFF,
	[ACT_RUBRIC_EXPORT]   = STAFF,
	[ACT_RUBRIC_EDIT]     = STAFF,
	[ACT_ENTRY_LIST]      = STAFF,
	[ACT_ENTRY_CREATE]    = STAFF,
	[ACT_ENTRY_VIEW]      = STAFF | EXPERT,
	[ACT_ENTRY_EDIT]      = STAFF,
	[ACT_ENTRY_DECIDE]    = STAFF,
	[ACT_ATTACHMENT_ADD]  = STAFF,
	[ACT_ATTACHMENT_VIEW] = STAFF | EXPERT,
	[ACT_EXPERT_LIST]     = STAFF,
	[ACT_EXPERT_EDIT]     = STAFF,
	[ACT_PANEL_LIST]      = STAFF,
	[ACT_PANEL_EDIT]      = STAFF,
	[ACT_ASSIGN_VIEW]     = STAFF | R(ROLE_CHAIR),
	[ACT_ASSIGN]          = STAFF,
	[ACT_CONFLICT_DECLARE] = STAFF | EXPERT,
	[ACT_SHEET_VIEW]      = EXPERT,
	[ACT_SHEET_SAVE]      = EXPERT,
	[ACT_PROGRESS_VIEW]   = STAFF,
	[ACT_ROUND_LOCK]      = STAFF,
	[ACT_SHEET_REOPEN]    = STAFF,
	[ACT_API_ASSIGNED]    = EXPERT,
	[ACT_LOGIN_CODE]      = ANYONE,
	[ACT_CARDS_VIEW]      = STAFF,
	[ACT_CARDS_ISSUE]     = STAFF,
	[ACT_RESULTS_VIEW]    = STAFF | R(ROLE_CHAIR),
	[ACT_RESULTS_COMPUTE] = STAFF,
	[ACT_RESULTS_EXPORT]  = STAFF,
	[ACT_RESULTS_DECIDE]  = STAFF,
	[ACT_RESULTS_POST]    = STAFF,
	[ACT_OBJECTION_RECORD] = STAFF,
	[ACT_AWARD_DECIDE]    = STAFF,
	[ACT_PUBLIC_RESULTS]  = ANYONE,
	[ACT_RESULTS_CORRECT] = STAFF,
	[ACT_FORWARD_VIEW]    = STAFF,
	[ACT_FORWARD]         = STAFF,
	[ACT_BALLOT_VIEW]     = EXPERT,
	[ACT_BALLOT_CAST]     = EXPERT,
	[ACT_VERIFY]          = ANYONE,
	[ACT_CERTS_VIEW]      = STAFF,
	[ACT_CERTS_ISSUE]     = STAFF,
	[ACT_CERTS_REVOKE]    = STAFF,
	[ACT_CERTS_TEMPLATE]  = STAFF,
};
/* clang-format on */

/* Is the edition in one of these states? */
static bool
in_state(const struct db_edition *e, const char *const *states)
{
	for (; *states != NULL; states++)
		if (strcmp(e->state, *states) == 0)
			return true;
	return false;
}

/* Entries are added and corrected until eligibility is done; the
 * eligibility decision is taken while receiving and in sơ khảo. */
static const char *const open_for_entries[] = { "draft", "receiving",
	                                        "eligibility", NULL };
static const char *const open_for_decisions[] = { "receiving", "eligibility",
	                                          NULL };
/* Panels are formed, and judges assigned, up to the end of judging. */
static const char *const open_for_panels[] = { "draft", "receiving",
	                                       "eligibility", "judging", NULL };
/* The rubric changes until results are compiled (after the first score,
 * as a new version with a reason). */
static const char *const open_for_rubric[] = { "draft", "receiving",
	                                       "eligibility", "judging", NULL };
static const char *const open_for_assignment[] = { "eligibility", "judging",
	                                           NULL };

/* Judges score during judging, and read their sheets from then on. */
static const char *const open_for_scoring[] = { "judging", NULL };
/* Rounds are locked, and sheets reopened, while results are compiled. */
static const char *const open_for_rounds[] = { "judging", "results", NULL };
static const char *const sheets_visible[] = { "judging", "results", "posted",
	                                      "decided", "closed",  NULL };
/* Login cards are printed while judges may still need to log in. */
static const char *const open_for_cards[] = { "draft",       "receiving",
	                                      "eligibility", "judging",
	                                      "results",     NULL };
/* Results are computed once judging is over, until they are posted (the
 * page and a snapshot's files are there in every stage). */
static const char *const open_for_results[] = { "results", NULL };
/* ...and again after the award decision, for a correction */
static const char *const open_for_computing[] = { "results", "decided", NULL };
static const char *const decided_only[] = { "decided", NULL };
/* The committee decides until the award decision; objections come in
 * while posted; the public page exists from the posting on. */
static const char *const open_for_committee[] = { "results", "posted",
	                                          "decided", NULL };
static const char *const posted_only[] = { "posted", NULL };
static const char *const public_results[] = { "posted", "decided", "closed",
	                                      NULL };
/* Entries go to the next level once the award decision is taken; a
 * national edition has no level above it. */
static const char *const decided_on[] = { "decided", "closed", NULL };
/* Object rules: what the edition's lifecycle allows. */
static bool
edition_allows(enum action act, const struct db_edition *e)
{
	switch (act) {
	case ACT_EDITION_ADVANCE:
		/* results -> posted is the posting, posted -> decided the
		 * award decision: each has its own form and checks */
		return strcmp(e->state, "closed") != 0 &&
		       strcmp(e->state, "results") != 0 &&
		       strcmp(e->state, "posted") != 0;
	case ACT_EDITION_EDIT:
		return strcmp(e->state, "closed") != 0;
	case ACT_ENTRY_CREATE:
	case ACT_ENTRY_EDIT:
	case ACT_ATTACHMENT_ADD:
		return in_state(e, open_for_entries);
	case ACT_ENTRY_DECIDE:
		return in_state(e, open_for_decisions);
	case ACT_PANEL_EDIT:
	case ACT_CONFLICT_DECLARE:
		return in_state(e, open_for_panels);
	case ACT_ASSIGN:
		return in_state(e, open_for_assignment);
	case ACT_RUBRIC_EDIT:
		return in_state(e, open_for_rubric);
	case ACT_SHEET_SAVE:
	case ACT_BALLOT_CAST:
		return in_state(e, open_for_scoring);
	case ACT_ROUND_LOCK:
	case ACT_SHEET_REOPEN:
		return in_state(e, open_for_rounds);
	case ACT_SHEET_VIEW:
	case ACT_BALLOT_VIEW:
		return in_state(e, sheets_visible);
	case ACT_CARDS_ISSUE:
		return in_state(e, open_for_cards);
	case ACT_RESULTS_COMPUTE:
		return in_state(e, open_for_computing);
	case ACT_RESULTS_POST:
		return in_state(e, open_for_results);
	case ACT_RESULTS_CORRECT:
		return in_state(e, decided_only);
	case ACT_RESULTS_DECIDE:
		return in_state(e, open_for_committee);
	case ACT_OBJECTION_RECORD:
	case ACT_AWARD_DECIDE:
		return in_state(e, posted_only);
	case ACT_PUBLIC_RESULTS:
		return in_state(e, public_results);
	case ACT_FORWARD_VIEW:
	case ACT_CERTS_ISSUE:
	case ACT_CERTS_REVOKE:
		return in_state(e, decided_on);
	case ACT_FORWARD:
		return in_state(e, decided_on) &&
		       strcmp(e->level, "national") != 0;
	default:
		return true;
	}
}

/* A judge sees an entry only when assigned to it and not conflicted; a
 * panel chair also sees (read-only) the entries of the panel and its
 * assignments. A conflict hides the entry from the chair too. */
static bool
expert_allows(const struct actor *a, enum action act, const struct object *obj)
{
	bool chair = a->role == ROLE_CHAIR && obj->chairs;

	switch (act) {
	case ACT_ENTRY_VIEW:
	case ACT_ATTACHMENT_VIEW:
	case ACT_CONFLICT_DECLARE:
		return (obj->assigned || chair) && !obj->conflicted;
	case ACT_ASSIGN_VIEW:
	case ACT_RESULTS_VIEW: /* read-only, narrowed to the chair's fields */
		return chair;
	case ACT_SHEET_VIEW:
	case ACT_SHEET_SAVE:
		return obj->assigned && !obj->conflicted;
	case ACT_BALLOT_VIEW:
	case ACT_BALLOT_CAST:
		/* a council member: one dossier or more on their paper */
		return obj->assigned;
	default:
		return false;
	}
}

bool
can(const struct actor *a, enum action act, const struct object *obj)
{
	if ((unsigned)act >= ACT__MAX || (unsigned)a->role >= ROLE__MAX ||
	    (allowed[act] & R(a->role)) == 0)
		return false;
	if (obj == NULL)
		return true;
	/* a login card's session acts in the card's edition only */
	if (a->edition_id != 0 && obj->edition != NULL &&
	    obj->edition->id != a->edition_id)
		return false;
	if ((a->role == ROLE_JUDGE || a->role == ROLE_CHAIR) &&
	    !expert_allows(a, act, obj))
		return false;
	return obj->edition == NULL || edition_allows(act, obj->edition);
}

bool
actor_is_expert(const struct actor *a)
{
	return a->role == ROLE_JUDGE || a->role == ROLE_CHAIR;
}

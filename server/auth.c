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
	[ACT_HOME] = "home",
	[ACT_EDITION_LIST] = "edition-list",
	[ACT_EDITION_CREATE] = "edition-create",
	[ACT_EDITION_VIEW] = "edition-view",
	[ACT_EDITION_ADVANCE] = "edition-advance",
	[ACT_RUBRIC_EXPORT] = "rubric-export",
};

#define R(role) (1u << (role))
#define ANYONE                                                                 \
	(R(ROLE_ANONYMOUS) | R(ROLE_JUDGE) | R(ROLE_CHAIR) |                   \
	 R(ROLE_ORGANISER) | R(ROLE_ADMIN))
#define SIGNED_IN (ANYONE & ~R(ROLE_ANONYMOUS))
#define STAFF     (R(ROLE_ORGANISER) | R(ROLE_ADMIN))

/* Which roles may attempt each action at all (the route-level check). */
static const unsigned allowed[ACT__MAX] = {
	[ACT_STATIC] = ANYONE,         [ACT_LOGIN_FORM] = ANYONE,
	[ACT_LOGIN] = ANYONE,          [ACT_LOGOUT] = SIGNED_IN,
	[ACT_HOME] = SIGNED_IN,        [ACT_EDITION_LIST] = STAFF,
	[ACT_EDITION_CREATE] = STAFF,  [ACT_EDITION_VIEW] = STAFF,
	[ACT_EDITION_ADVANCE] = STAFF, [ACT_RUBRIC_EXPORT] = STAFF,
};

/* Object rules: what the edition's lifecycle allows. */
static bool
edition_allows(enum action act, const struct db_edition *e)
{
	switch (act) {
	case ACT_EDITION_ADVANCE:
		return strcmp(e->state, "closed") != 0;
	default:
		return true;
	}
}

bool
can(const struct actor *a, enum action act, const struct object *obj)
{
	if ((unsigned)act >= ACT__MAX || (unsigned)a->role >= ROLE__MAX ||
	    (allowed[act] & R(a->role)) == 0)
		return false;
	if (obj != NULL && obj->edition != NULL)
		return edition_allows(act, obj->edition);
	return true;
}

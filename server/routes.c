/* routes.c: every route: method, path, the action can() checks, handler. */
#include "server.h"

const struct route routes[] = {
	{ M_GET, "/static/app.css", ACT_STATIC, h_static, 0 },
	{ M_GET, "/static/app.js", ACT_STATIC, h_static, 0 },
	{ M_GET, "/login", ACT_LOGIN_FORM, h_login_form, 0 },
	{ M_POST, "/login", ACT_LOGIN, h_login, HTTP_FORM_BODY_MAX },
	{ M_POST, "/logout", ACT_LOGOUT, h_logout, HTTP_FORM_BODY_MAX },
	{ M_GET, "/", ACT_HOME, h_home, 0 },
	{ M_GET, "/editions", ACT_EDITION_LIST, h_edition_list, 0 },
	{ M_GET, "/editions/new", ACT_EDITION_CREATE, h_edition_new, 0 },
	{ M_POST, "/editions/new", ACT_EDITION_CREATE, h_edition_create,
	  HTTP_FORM_BODY_MAX },
	{ M_GET, "/editions/{id}", ACT_EDITION_VIEW, h_edition_view, 0 },
	{ M_POST, "/editions/{id}/advance", ACT_EDITION_ADVANCE,
	  h_edition_advance, HTTP_FORM_BODY_MAX },
	{ M_GET, "/editions/{id}/rubric.json", ACT_RUBRIC_EXPORT,
	  h_rubric_export, 0 },
	{ M_GET, "/editions/{id}/entries", ACT_ENTRY_LIST, h_entry_list, 0 },
	{ M_GET, "/editions/{id}/entries/new", ACT_ENTRY_CREATE, h_entry_new,
	  0 },
	{ M_POST, "/editions/{id}/entries/new", ACT_ENTRY_CREATE,
	  h_entry_create, HTTP_FORM_BODY_MAX },
	{ M_GET, "/entries/{id}", ACT_ENTRY_VIEW, h_entry_view, 0 },
	{ M_GET, "/entries/{id}/edit", ACT_ENTRY_EDIT, h_entry_edit_form, 0 },
	{ M_POST, "/entries/{id}/edit", ACT_ENTRY_EDIT, h_entry_edit,
	  HTTP_FORM_BODY_MAX },
	{ M_POST, "/entries/{id}/eligibility", ACT_ENTRY_DECIDE, h_entry_decide,
	  HTTP_FORM_BODY_MAX },
	{ M_POST, "/entries/{id}/attachments", ACT_ATTACHMENT_ADD,
	  h_attachment_add, HTTP_UPLOAD_BODY_MAX },
	{ M_GET, "/attachments/{id}", ACT_ATTACHMENT_VIEW, h_attachment_view,
	  0 },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);

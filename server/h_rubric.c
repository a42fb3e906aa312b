/* h_rubric.c: an edition's rubric: the editor, saving a new version,
 * import and export of the rubric JSON. Every change goes through the
 * scoring core's parser, so the server never stores a rubric that the
 * core would refuse. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* What a refused change shows again. */
struct refusal {
	struct form_errors e;
	char message[1024]; /* the top notice, "" when none */
	const char *import_text;
	bool from_editor; /* the editor's fields were posted */
};

static void
render(struct req *r, const struct ctx *c, const struct refusal *why)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int scored = db_rubric_scored(rd, c->edition.id);
	struct page p = req_page(r, T(r->lang, MSG_RUBRIC_EDITOR));
	struct rubric_page v = {
		.edition = &c->view,
		.rubric = c->rubric,
		.version = c->rubric_version,
		.frozen = scored == 1,
		.can_edit = ctx_can(r, c, ACT_RUBRIC_EDIT),
	};

	db_read_end(rd);
	if (scored < 0) {
		respond_error(r, 500);
		return;
	}
	if (why != NULL) {
		r->status = 422;
		v.posted = why->from_editor ? &r->form : NULL;
		v.errors = &why->e;
		v.error = why->message[0] != '\0' ? why->message : NULL;
		v.import_text = why->import_text;
	}
	page_rubric(&r->out, &p, &v);
}

void
h_rubric_view(struct req *r)
{
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	render(r, &c, NULL);
	ctx_release(&c);
}

void
h_rubric_export(struct req *r)
{
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (score_rubric_write(c.rubric, &r->out) != 0) {
		respond_error(r, 500);
	} else {
		r->type = "application/json; charset=utf-8";
		snprintf(
		    r->disposition, sizeof(r->disposition),
		    "attachment; filename=\"edition-%lld-rubric-v%d.json\"",
		    (long long)c.edition.id, c.rubric_version);
	}
	ctx_release(&c);
}

/* The posted field's own name (the errors keep the pointer), or NULL
 * when the form has no such field. */
static const char *
posted_name(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->form.count; i++)
		if (strcmp(r->form.fields[i].name, name) == 0)
			return r->form.fields[i].name;
	return NULL;
}

/* Shows why->message next to the editor field that holds the key path
 * (when the editor was posted and has that field). */
static void
mark_field(struct req *r, const char *path, struct refusal *why)
{
	char field[64];
	const char *name;

	if (!why->from_editor)
		return;
	rubric_path_field(&r->form, path, field, sizeof(field));
	name = posted_name(r, field);
	if (name != NULL)
		form_error_detail(&why->e, name, why->message);
}

/* The scoring core's refusal: its message at the top, and next to the
 * editor field that holds the key it names. */
static void
refuse_parse(struct req *r, const struct score_error *err, struct refusal *why)
{
	struct buf msg;

	buf_init(&msg, sizeof(why->message));
	score_error_format(err, NULL, r->lang, &msg);
	snprintf(why->message, sizeof(why->message), "%s",
	         msg.data != NULL ? msg.data : "");
	buf_release(&msg);
	mark_field(r, err->path, why);
}

/* The server's own rule on top of the core's: panels list their fields
 * separated by spaces, so a field id has none. True (and why filled)
 * when one does. */
static bool
spaced_field(struct req *r, const struct score_rubric *rub, struct refusal *why)
{
	struct score_error err;

	for (size_t i = 0; i < rub->nfields; i++) {
		if (strpbrk(rub->fields[i].id, " \t") == NULL)
			continue;
		memset(&err, 0, sizeof(err));
		snprintf(err.path, sizeof(err.path), "fields[%zu].id", i);
		snprintf(why->message, sizeof(why->message), "%s: \"%s\"",
		         T(r->lang, MSG_ERR_FIELD_ID), rub->fields[i].id);
		mark_field(r, err.path, why);
		return true;
	}
	return false;
}

/* Stores the rubric (already valid) as the edition's next version, in
 * one transaction with its audit row. 0 saved, 1 refused (why filled),
 * 2 no longer allowed (the edition moved on), -1 failure. */
static int
store(struct req *r, const struct ctx *c, const struct score_rubric *rub,
      const char *reason, struct refusal *why)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char **fields = xcalloc(rub->nfields + 1, sizeof(char *));
	char dropped[256] = "";
	struct buf json;
	struct db_tx *tx;
	int version, rc;

	for (size_t i = 0; i < rub->nfields; i++)
		fields[i] = rub->fields[i].id;
	buf_init(&json, (size_t)4 * 1024 * 1024);
	rc = score_rubric_write(rub, &json);
	tx = rc == 0 ? db_begin(r->app->db, &who) : NULL;
	rc = tx != NULL ? ctx_recheck(tx, r, c->edition.id, ACT_RUBRIC_EDIT)
	                : -1;
	if (rc == 0)
		rc = db_rubric_add(tx, c->edition.id, json.data, reason, fields,
		                   rub->nfields, &version, dropped,
		                   sizeof(dropped));
	if (rc == 0)
		rc = db_commit(tx);
	else if (tx != NULL)
		db_rollback(tx);
	buf_release(&json);
	free(fields);
	if (rc == 1)
		return 2;
	if (rc == DB_CONFLICT) {
		form_error(&why->e, "reason", MSG_REASON_REQUIRED);
		snprintf(why->message, sizeof(why->message), "%s",
		         T(r->lang, MSG_REASON_REQUIRED));
		return 1;
	}
	if (rc == DB_INUSE) {
		snprintf(why->message, sizeof(why->message), "%s: %s",
		         T(r->lang, MSG_ERR_FIELD_IN_USE), dropped);
		return 1;
	}
	return rc == 0 ? 0 : -1;
}

/* Validates `json` through the scoring core and stores it; answers the
 * request either way. */
static void
change(struct req *r, const struct ctx *c, const char *json, size_t len,
       struct refusal *why)
{
	struct score_error err;
	struct score_rubric *rub;
	const char *reason = form_get(&r->form, "reason");
	char where[64];
	int rc = 1;

	/* a reason of spaces is no reason; 1000 letters of Vietnamese take
	 * up to 4000 bytes */
	if (reason != NULL && reason[strspn(reason, " \t\r\n")] == '\0')
		reason = "";
	if (reason != NULL && strlen(reason) > 4000)
		form_error(&why->e, posted_name(r, "reason"), MSG_ERR_TOO_LONG);
	memset(&err, 0, sizeof(err));
	rub = why->e.count == 0 ? score_rubric_parse(json, len, &err) : NULL;
	if (rub == NULL && why->e.count == 0)
		refuse_parse(r, &err, why);
	else if (rub != NULL && spaced_field(r, rub, why))
		rc = 1;
	else if (rub != NULL)
		rc = store(r, c, rub, reason != NULL ? reason : "", why);
	score_rubric_free(rub);
	if (rc == 0) {
		snprintf(where, sizeof(where), "/editions/%lld/rubric",
		         (long long)c->edition.id);
		respond_redirect(r, where);
	} else if (rc == 1) {
		render(r, c, why);
	} else {
		respond_error(r, rc == 2 ? 409 : 500);
	}
}

/* Loads the edition for a change: CSRF, existence, and the lifecycle
 * (409 once results are being compiled). */
static int
begin_change(struct req *r, struct ctx *c)
{
	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return -1;
	}
	if (ctx_load(r, r->ids[0], c) != 0)
		return -1;
	if (!ctx_can(r, c, ACT_RUBRIC_EDIT)) {
		respond_error(r, 409);
		ctx_release(c);
		return -1;
	}
	return 0;
}

void
h_rubric_save(struct req *r)
{
	struct refusal why = { .from_editor = true };
	struct ctx c;
	char *json;

	if (begin_change(r, &c) != 0)
		return;
	json = rubric_form_json(&r->form, &why.e);
	if (json == NULL)
		render(r, &c, &why);
	else
		change(r, &c, json, strlen(json), &why);
	free(json);
	ctx_release(&c);
}

void
h_rubric_import(struct req *r)
{
	struct refusal why = { .from_editor = false };
	const char *text = form_get(&r->form, "json");
	const struct upload *file = NULL;
	struct ctx c;

	if (begin_change(r, &c) != 0)
		return;
	for (size_t i = 0; i < r->nuploads && file == NULL; i++)
		if (r->uploads[i].data.len > 0)
			file = &r->uploads[i];
	why.import_text = text;
	if (file != NULL) {
		change(r, &c, file->data.data, file->data.len, &why);
	} else if (text != NULL && text[strspn(text, " \t\r\n")] != '\0') {
		change(r, &c, text, strlen(text), &why);
	} else {
		snprintf(why.message, sizeof(why.message), "%s",
		         T(r->lang, MSG_RUBRIC_EMPTY));
		render(r, &c, &why);
	}
	ctx_release(&c);
}

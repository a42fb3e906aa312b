/* h_api.c: the tablet's JSON API: the judge's assigned entries with their
 * rubrics, a sheet, and saving a sheet with its client id. The same
 * session cookie and CSRF token as the forms (the token in the
 * X-CSRF-Token header); the same checks, through the same functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* A sheet as the API shows it. */
static json_t *
sheet_json(struct req *r, const struct sheet_page *sp)
{
	const struct score_rubric *rub = sp->one.ctx.rubric;
	json_t *points = json_object();
	char value[32];

	for (size_t i = 0; i < rub->ncriteria; i++) {
		sheet_stored_value(&sp->sheet, rub->criteria[i].id, value,
		                   sizeof(value));
		json_object_set_new(points, rub->criteria[i].id,
		                    *value != '\0' ? json_string(value)
		                                   : json_null());
	}
	return json_pack(
	    "{s:I, s:s, s:s, s:i, s:i, s:s, s:o, s:I, s:b, s:b}", "entry",
	    (json_int_t)sp->one.entry.id, "code", sp->one.entry.code, "state",
	    *sp->sheet.state != '\0' ? sp->sheet.state : "none", "version",
	    sp->sheet.version, "rubric_version", sp->one.ctx.rubric_version,
	    "comment", sp->sheet.comment, "points", points, "updated_at",
	    (json_int_t)sp->sheet.updated_at, "can_write",
	    sheet_writable(r, sp), "locked", sp->locked && !sp->sheet.reopened);
}

/* The rubric in force for an edition, as stored (canonical JSON). */
static json_t *
edition_rubric(struct db_read *rd, int64_t edition)
{
	char *text = NULL;
	int version = 0;
	json_t *rub;

	if (db_rubric_latest(rd, edition, &version, &text) != 0)
		return NULL;
	rub = json_loads(text, 0, NULL);
	free(text);
	return rub == NULL ? NULL
	                   : json_pack("{s:i, s:o}", "rubric_version", version,
	                               "rubric", rub);
}

void
h_api_assigned(struct req *r)
{
	struct judge_rows l = { 0 };
	json_t *entries = json_array(), *editions = json_object(), *rub;
	struct db_read *rd = db_read_begin(r->app->db);
	char key[32];
	int rc = judge_rows_load(r, rd, &l);

	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		const struct db_judge_entry *e = &l.db[i];

		snprintf(key, sizeof(key), "%lld", (long long)e->edition_id);
		if (json_object_get(editions, key) == NULL) {
			rub = edition_rubric(rd, e->edition_id);
			rc = rub != NULL
			         ? json_object_set_new(editions, key, rub)
			         : -1;
		}
		json_array_append_new(
		    entries,
		    json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s}", "id",
		              (json_int_t)e->id, "code", e->code, "title",
		              e->title, "edition", (json_int_t)e->edition_id,
		              "edition_title", e->edition, "state",
		              *e->sheet != '\0' ? e->sheet : "none", "deadline",
		              e->deadline));
	}
	db_read_end(rd);
	free(l.db);
	if (rc != 0) {
		json_decref(entries);
		json_decref(editions);
		respond_error(r, 500);
		return;
	}
	respond_json(r, 200,
	             json_pack("{s:s, s:o, s:o}", "judge", r->actor.name,
	                       "entries", entries, "editions", editions));
}

void
h_api_sheet(struct req *r)
{
	struct sheet_page *sp = xcalloc(1, sizeof(*sp));

	if (sheet_page_load(r, r->ids[0], ACT_SHEET_VIEW, sp) == 0) {
		respond_json(r, 200,
		             json_pack("{s:o}", "sheet", sheet_json(r, sp)));
		ctx_release(&sp->one.ctx);
	}
	free(sp);
}

/* An API refusal: its status, a code the tablet acts on, the words for
 * the judge, per-criterion messages when any, and the stored sheet. */
static void
refuse(struct req *r, struct sheet_page *sp, int status, const char *code,
       enum msg m, json_t *fields)
{
	json_t *err = json_pack("{s:i, s:s, s:s}", "status", status, "code",
	                        code, "message", T(r->lang, m));

	if (fields != NULL)
		json_object_set_new(err, "fields", fields);
	respond_json(
	    r, status,
	    json_pack("{s:o, s:o}", "error", err, "sheet", sheet_json(r, sp)));
}

/* The fields' messages by criterion id. */
static json_t *
field_messages(struct req *r, const struct score_rubric *rub,
               const struct form_errors *e)
{
	json_t *out = json_object();
	const char *text;
	char name[16];

	for (size_t i = 0; i < rub->ncriteria; i++) {
		sheet_field(i, name, sizeof(name));
		text = form_error_text(e, name, r->lang);
		if (text != NULL)
			json_object_set_new(out, rub->criteria[i].id,
			                    json_string(text));
	}
	text = form_error_text(e, "reason", r->lang);
	if (text != NULL)
		json_object_set_new(out, "reason", json_string(text));
	return out;
}

static void
answer(struct req *r, struct sheet_page *sp, int rc)
{
	switch (rc) {
	case 0:
		respond_json(r, 200,
		             json_pack("{s:b, s:o}", "applied", 1, "sheet",
		                       sheet_json(r, sp)));
		break;
	case DB_DUPLICATE:
		respond_json(r, 200,
		             json_pack("{s:b, s:b, s:o}", "applied", 0,
		                       "replayed", 1, "sheet",
		                       sheet_json(r, sp)));
		break;
	case DB_CONFLICT:
		refuse(r, sp, 409, "stale", MSG_SHEET_STALE, NULL);
		break;
	case DB_LOCKED:
		refuse(r, sp, 409, "locked", MSG_SHEET_LOCKED, NULL);
		break;
	case DB_REASON:
		refuse(r, sp, 422, "reason", MSG_REASON_REQUIRED,
		       json_pack("{s:s}", "reason",
		                 T(r->lang, MSG_REASON_REQUIRED)));
		break;
	case DB_NOTFOUND: /* no longer the judge's entry */
		respond_error(r, 404);
		break;
	default:
		respond_error(r, 500);
	}
}

void
h_api_sheet_save(struct req *r)
{
	struct sheet_page *sp = xcalloc(1, sizeof(*sp));
	struct sheet_post *post = xcalloc(1, sizeof(*post));
	struct form f = { 0 };
	struct form_errors e;
	char why[256];
	int read;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (sheet_page_load(r, r->ids[0], ACT_SHEET_SAVE, sp) == 0) {
		const struct score_rubric *rub = sp->one.ctx.rubric;

		read = sheet_json_form(r->body.data, r->body.len, rub, &f, why,
		                       sizeof(why));
		if (read < 0) {
			/* the tablet keeps the save and sends it again */
			respond_error(r, 503);
		} else if (read > 0) {
			respond_json(
			    r, 400,
			    json_pack("{s:{s:i, s:s, s:s, s:s}}", "error",
			              "status", 400, "code", "body", "message",
			              status_text(r->lang, 400), "key", why));
		} else if (!sheet_form_read(&f, rub, r->lang, post, &e)) {
			refuse(r, sp, 422, "invalid", MSG_FIX_ERRORS,
			       field_messages(r, rub, &e));
		} else if (!sheet_client_id_ok(post->client_id) ||
		           post->version < 0) {
			respond_error(r, 400);
		} else if (post->rubric_version != sp->one.ctx.rubric_version) {
			refuse(r, sp, 409, "rubric", MSG_RUBRIC_CHANGED, NULL);
		} else {
			answer(r, sp, sheet_write(r, sp, post));
		}
		ctx_release(&sp->one.ctx);
	}
	form_release(&f);
	free(post);
	free(sp);
}

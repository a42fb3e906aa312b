/* h_sheet.c: a judge's score sheet of an entry: the form (GET) and its
 * saves (POST: a draft or a submission). Each save carries the version it
 * was made from and an id of its own, so a replay changes nothing and a
 * stale save never overwrites a newer one. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* The points of criterion `id` on the stored sheet, as the judge typed
 * them ("27.5"); "" when not scored. */
void
sheet_stored_value(const struct db_sheet *s, const char *id, char *out,
                   size_t size)
{
	size_t n;

	*out = '\0';
	for (size_t i = 0; i < s->n; i++) {
		if (strcmp(s->criteria[i], id) != 0)
			continue;
		score_fixed_format(s->points[i], 2, out, size);
		/* 28.50 was typed as 28.5, 26.00 as 26 */
		n = strlen(out);
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
	}
}

/* The sheet, attachments and lock of an entry already loaded. */
static int
load_rest(struct req *r, struct sheet_page *sp)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int64_t entry = sp->one.entry.id;
	int rc = db_sheet_get(rd, entry, r->actor.expert_id, &sp->sheet);
	int locked;

	if (rc == DB_NOTFOUND)
		rc = 0;
	if (rc == 0)
		rc = db_attachment_each(rd, entry, atts_collect, &sp->atts);
	locked = rc == 0 ? db_entry_locked(rd, entry) : -1;
	db_read_end(rd);
	sp->locked = locked == 1;
	return locked < 0 ? -1 : 0;
}

int
sheet_page_load(struct req *r, int64_t entry, enum action act,
                struct sheet_page *sp)
{
	char where[64];

	if (entry_load(r, entry, act, &sp->one) != 0)
		return -1;
	/* a council votes on its paper: the dossier is there */
	if (sp->one.ctx.rubric->mode == SCORE_MODE_BALLOT) {
		snprintf(where, sizeof(where), "/editions/%lld/ballot#d%lld",
		         (long long)sp->one.ctx.edition.id, (long long)entry);
		if (strncmp(r->path, "/api/", 5) == 0)
			respond_json(r, 409,
			             json_pack("{s:{s:i, s:s, s:s}}", "error",
			                       "status", 409, "code", "ballot",
			                       "location", where));
		else if (r->method == M_GET)
			respond_redirect(r, where);
		else
			respond_error(r, 409);
		ctx_release(&sp->one.ctx);
		return -1;
	}
	if (load_rest(r, sp) != 0) {
		respond_error(r, 500);
		ctx_release(&sp->one.ctx);
		return -1;
	}
	return 0;
}

bool
sheet_writable(const struct req *r, const struct sheet_page *sp)
{
	return can(&r->actor, ACT_SHEET_SAVE, &sp->one.obj) &&
	       (!sp->locked || sp->sheet.reopened);
}

void
client_id_fresh(char out[33])
{
	unsigned char raw[16];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, 33, raw, sizeof(raw));
}

/* Renders the page: values from `post` when given (a refused save keeps
 * what was typed), else from the stored sheet. */
static void
render(struct req *r, struct sheet_page *sp, const struct sheet_post *post,
       const struct form_errors *e, enum msg notice)
{
	const struct score_rubric *rub = sp->one.ctx.rubric;
	struct sheet_view v;
	struct page p = req_page(r, sp->one.entry.title);

	entry_view_for_expert(&sp->one.ctx, &sp->one.entry, &sp->entry);
	for (size_t i = 0; i < rub->ncriteria && i < DB_MAX_SCORES; i++) {
		sheet_stored_value(&sp->sheet, rub->criteria[i].id,
		                   sp->values[i], sizeof(sp->values[i]));
		sp->shown[i] = post != NULL ? post->values[i] : sp->values[i];
	}
	client_id_fresh(sp->client_id);
	v = (struct sheet_view){
		.entry = &sp->entry,
		.field = field_title(sp->one.ctx.fields, sp->one.ctx.nfields,
		                     sp->one.entry.field),
		.deadline = sp->one.ctx.edition.judging_until,
		.atts = sp->atts.v,
		.natts = sp->atts.n,
		.rubric = rub,
		.rubric_version = sp->one.ctx.rubric_version,
		.values = sp->shown,
		.comment = post != NULL ? post->comment : sp->sheet.comment,
		.state = sp->sheet.state,
		.version = sp->sheet.version,
		.client_id = sp->client_id,
		.can_write = sheet_writable(r, sp),
		.can_declare =
		    can(&r->actor, ACT_CONFLICT_DECLARE, &sp->one.obj),
		.locked = sp->locked && !sp->sheet.reopened,
		.notice = notice,
		.errors = e,
	};
	page_sheet(&r->out, &p, &v);
}

void
h_sheet_view(struct req *r)
{
	struct sheet_page *sp = xcalloc(1, sizeof(*sp));
	const char *saved = form_get(&r->form, "saved");
	enum msg notice = MSG__MAX;

	if (sheet_page_load(r, r->ids[0], ACT_SHEET_VIEW, sp) != 0) {
		free(sp);
		return;
	}
	if (saved != NULL)
		notice = strcmp(saved, "submitted") == 0 ? MSG_SHEET_SENT
		                                         : MSG_SHEET_SAVED;
	render(r, sp, NULL, NULL, notice);
	ctx_release(&sp->one.ctx);
	free(sp);
}

bool
sheet_client_id_ok(const char *id)
{
	size_t n = id != NULL ? strlen(id) : 0;

	return n >= 16 && n <= 64 &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                  "0123456789-_") == n;
}

/* The save as the storage takes it: the criteria that have a value. */
static void
to_save(const struct score_rubric *rub, const struct sheet_post *post,
        const char **ids, int32_t *points, struct db_sheet_save *s)
{
	size_t n = 0;

	for (size_t i = 0; i < rub->ncriteria && i < DB_MAX_SCORES; i++)
		if (post->given[i]) {
			ids[n] = rub->criteria[i].id;
			points[n++] = post->points[i];
		}
	*s = (struct db_sheet_save){
		.client_id = post->client_id,
		.base_version = post->version,
		.rubric_version = post->rubric_version,
		.state = post->submit ? "submitted" : "draft",
		.comment = post->comment,
		.reason = post->reason,
		.criteria = ids,
		.points = points,
		.n = n,
	};
}

int
sheet_write(struct req *r, struct sheet_page *sp, const struct sheet_post *post)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *ids[DB_MAX_SCORES];
	int32_t points[DB_MAX_SCORES];
	struct db_sheet_save s;
	struct db_access now;
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL
	             ? ctx_recheck_object(tx, r, sp->one.entry.edition_id,
	                                  ACT_SHEET_SAVE, &sp->one.obj)
	             : -1;

	to_save(sp->one.ctx.rubric, post, ids, points, &s);
	if (rc == 1)
		rc = DB_LOCKED;
	/* still the judge's entry: an assignment removed, or a conflict
	 * declared, while this save was on its way wins over it */
	if (rc == 0)
		rc = db_judge_access_tx(tx, sp->one.entry.id,
		                        r->actor.expert_id, &now);
	if (rc == 0 && (!now.assigned || now.conflicted))
		rc = DB_NOTFOUND;
	if (rc == 0)
		rc = db_sheet_save(tx, sp->one.entry.id, r->actor.expert_id, &s,
		                   &sp->sheet);
	if (rc == 0)
		rc = db_commit(tx);
	else if (tx != NULL)
		db_rollback(tx);
	return rc;
}

/* Answers a save that storage refused: the stored sheet (or, for a
 * missing reason, what was typed) with why. */
static void
answer_refusal(struct req *r, struct sheet_page *sp,
               const struct sheet_post *post, struct form_errors *e, int rc)
{
	switch (rc) {
	case DB_DUPLICATE:
		render(r, sp, NULL, NULL, MSG_SHEET_REPLAYED);
		break;
	case DB_CONFLICT:
		r->status = 409;
		render(r, sp, NULL, NULL, MSG_SHEET_STALE);
		break;
	case DB_LOCKED:
		r->status = 409;
		render(r, sp, NULL, NULL, MSG__MAX);
		break;
	case DB_REASON:
		r->status = 422;
		form_error(e, "reason", MSG_REASON_REQUIRED);
		render(r, sp, post, e, MSG__MAX);
		break;
	case DB_NOTFOUND: /* no longer the judge's entry */
		respond_error(r, 404);
		break;
	default:
		respond_error(r, 500);
	}
}

void
h_sheet_save(struct req *r)
{
	struct sheet_page *sp = xcalloc(1, sizeof(*sp));
	struct sheet_post *post = xcalloc(1, sizeof(*post));
	struct form_errors e;
	char where[96];
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (sheet_page_load(r, r->ids[0], ACT_SHEET_SAVE, sp) == 0) {
		if (!sheet_form_read(&r->form, sp->one.ctx.rubric, r->lang,
		                     post, &e)) {
			r->status = 422;
			render(r, sp, post, &e, MSG__MAX);
		} else if (!sheet_client_id_ok(post->client_id) ||
		           post->version < 0) {
			respond_error(r, 400);
		} else if (post->rubric_version != sp->one.ctx.rubric_version) {
			r->status = 409;
			render(r, sp, post, NULL, MSG_RUBRIC_CHANGED);
		} else if ((rc = sheet_write(r, sp, post)) != 0) {
			form_errors_clear(&e);
			answer_refusal(r, sp, post, &e, rc);
		} else {
			snprintf(where, sizeof(where),
			         "/entries/%lld/sheet?saved=%s",
			         (long long)sp->one.entry.id,
			         post->submit ? "submitted" : "draft");
			respond_redirect(r, where);
		}
		ctx_release(&sp->one.ctx);
	}
	free(post);
	free(sp);
}

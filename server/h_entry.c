/* h_entry.c: one entry: view, edit, eligibility decision, attachments. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

#define ATTACHMENT_MAX ((size_t)10 * 1024 * 1024)

/* Blindness: a judge assigned to the entry reads it on their sheet (the
 * one page made for judges), when the edition's stage lets them open it. */
static bool
goes_to_sheet(const struct req *r, const struct one *o)
{
	return actor_is_expert(&r->actor) && o->obj.assigned &&
	       can(&r->actor, ACT_SHEET_VIEW, &o->obj);
}

void
h_entry_view(struct req *r)
{
	struct one *o = xcalloc(1, sizeof(*o));
	struct atts *atts = xcalloc(1, sizeof(*atts));
	struct entry_view v;
	struct db_read *rd;
	struct page p;
	char where[64];

	if (entry_load(r, r->ids[0], ACT_ENTRY_VIEW, o) != 0) {
		/* answered */
	} else if (goes_to_sheet(r, o)) {
		snprintf(where, sizeof(where), "/entries/%lld/sheet",
		         (long long)o->entry.id);
		respond_redirect(r, where);
		ctx_release(&o->ctx);
	} else {
		rd = db_read_begin(r->app->db);
		db_attachment_each(rd, o->entry.id, atts_collect, atts);
		db_read_end(rd);
		/* a chair not judging it, or a judge before judging opens */
		if (actor_is_expert(&r->actor))
			entry_view_for_expert(&o->ctx, &o->entry, &v);
		else
			entry_view_of(&o->ctx, &o->entry, &v);
		p = req_page(r, o->entry.title);
		page_entry(&r->out, &p, &o->ctx.view, &v, o->ctx.fields,
		           o->ctx.nfields, atts->v, atts->n,
		           can(&r->actor, ACT_ENTRY_EDIT, &o->obj),
		           can(&r->actor, ACT_ENTRY_DECIDE, &o->obj));
		ctx_release(&o->ctx);
	}
	free(atts);
	free(o);
}

void
h_entry_edit_form(struct req *r)
{
	struct one *o = xcalloc(1, sizeof(*o));
	struct entry_view v;
	struct page p;

	if (entry_load(r, r->ids[0], ACT_ENTRY_EDIT, o) == 0) {
		entry_view_of(&o->ctx, &o->entry, &v);
		p = req_page(r, o->entry.title);
		page_entry_form(&r->out, &p, &o->ctx.view, &v, o->ctx.fields,
		                o->ctx.nfields, NULL);
		ctx_release(&o->ctx);
	}
	free(o);
}

void
h_entry_edit(struct req *r)
{
	struct one *o = xcalloc(1, sizeof(*o));

	if (!session_csrf_ok(r))
		respond_error(r, 403);
	else if (entry_load(r, r->ids[0], ACT_ENTRY_EDIT, o) == 0) {
		entry_submit(r, &o->ctx, (long long)o->entry.id);
		ctx_release(&o->ctx);
	}
	free(o);
}

/* Eligibility: eligible, or not eligible with the reason that is kept. */
void
h_entry_decide(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	const char *d = form_get(&r->form, "decision");
	const char *reason = form_get(&r->form, "reason");
	struct one *o = xcalloc(1, sizeof(*o));
	struct db_tx *tx;
	char where[64];
	int late, rc = -1;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (entry_load(r, r->ids[0], ACT_ENTRY_DECIDE, o) == 0) {
		ctx_release(&o->ctx);
		if (d == NULL ||
		    (strcmp(d, "eligible") != 0 &&
		     strcmp(d, "ineligible") != 0) ||
		    (strcmp(d, "ineligible") == 0 &&
		     (reason == NULL || *reason == '\0')) ||
		    (reason != NULL && strlen(reason) > 500)) {
			respond_error(r, 400);
		} else {
			tx = db_begin(r->app->db, &who);
			/* entry_load checked the edition before this
			 * transaction; sơ khảo may have ended since. */
			late = tx != NULL
			           ? ctx_recheck(tx, r, o->entry.edition_id,
			                         ACT_ENTRY_DECIDE)
			           : -1;
			if (late == 0)
				rc = db_entry_decide(tx, o->entry.id, d,
				                     reason != NULL ? reason
				                                    : "");
			rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
			snprintf(where, sizeof(where), "/entries/%lld",
			         (long long)o->entry.id);
			if (rc == 0)
				respond_redirect(r, where);
			else
				respond_error(r, late == 1 ? 409 : 500);
		}
	}
	free(o);
}

/* The type of a file by its first bytes, never by what the browser said. */
static const char *
sniff(const struct buf *b)
{
	const unsigned char *d = (const unsigned char *)b->data;

	if (b->len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return "application/pdf";
	if (b->len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (b->len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	return NULL;
}

/* A file name without a path, NFC, at most 200 bytes; "tep" when empty. */
static void
clean_name(const char *in, char *out, size_t size)
{
	const char *base = strrchr(in, '/');
	char *nfc;

	base = base != NULL ? base + 1 : in;
	if (strrchr(base, '\\') != NULL)
		base = strrchr(base, '\\') + 1;
	nfc = score_nfc(base, strlen(base));
	snprintf(out, size, "%s",
	         nfc != NULL && *nfc != '\0' && strpbrk(nfc, "\r\n\"") == NULL
	             ? nfc
	             : "tep");
	free(nfc);
}

void
h_attachment_add(struct req *r)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct one *o = xcalloc(1, sizeof(*o));
	struct upload *u = r->nuploads > 0 ? &r->uploads[0] : NULL;
	struct db_attachment a;
	unsigned char hash[32];
	struct db_tx *tx;
	char where[64];
	int64_t id;
	int late, rc = -1;

	memset(&a, 0, sizeof(a));
	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
	} else if (entry_load(r, r->ids[0], ACT_ATTACHMENT_ADD, o) == 0) {
		ctx_release(&o->ctx);
		if (u == NULL || u->data.len == 0 || sniff(&u->data) == NULL) {
			respond_error(r, 415);
		} else if (u->data.len > ATTACHMENT_MAX) {
			respond_error(r, 413);
		} else {
			a.entry_id = o->entry.id;
			clean_name(u->filename, a.name, sizeof(a.name));
			snprintf(a.mime, sizeof(a.mime), "%s", sniff(&u->data));
			crypto_hash_sha256(hash,
			                   (const unsigned char *)u->data.data,
			                   u->data.len);
			sodium_bin2hex(a.sha256, sizeof(a.sha256), hash, 32);
			tx = db_begin(r->app->db, &who);
			/* entry_load checked the edition before this
			 * transaction; entries may have closed since. */
			late = tx != NULL
			           ? ctx_recheck(tx, r, o->entry.edition_id,
			                         ACT_ATTACHMENT_ADD)
			           : -1;
			if (late == 0)
				rc = db_attachment_add(tx, &a, u->data.data,
				                       u->data.len, &id);
			rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
			snprintf(where, sizeof(where), "/entries/%lld",
			         (long long)o->entry.id);
			if (rc == 0)
				respond_redirect(r, where);
			else
				respond_error(r, late == 1 ? 409 : 500);
		}
	}
	free(o);
}

/* Percent-encodes a UTF-8 name for filename*= (RFC 5987). */
static void
rfc5987(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s != '\0' && n + 4 < size; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~", ch) != NULL)
			out[n++] = (char)ch;
		else
			n += (size_t)snprintf(out + n, size - n, "%%%02X", ch);
	}
	out[n] = '\0';
}

void
h_attachment_view(struct req *r)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct one *o = xcalloc(1, sizeof(*o));
	struct db_attachment a;
	void *data = NULL;
	char encoded[800];
	int rc = db_attachment_get(rd, r->ids[0], &a, &data);

	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
	} else if (entry_load(r, a.entry_id, ACT_ATTACHMENT_VIEW, o) == 0) {
		ctx_release(&o->ctx);
		r->type = a.mime;
		buf_append(&r->out, data, (size_t)a.size);
		rfc5987(a.name, encoded, sizeof(encoded));
		snprintf(r->disposition, sizeof(r->disposition),
		         "inline; filename=\"attachment-%lld\"; "
		         "filename*=UTF-8''%s",
		         (long long)a.id, encoded);
	}
	free(data);
	free(o);
}

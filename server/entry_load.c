/* entry_load.c: one entry with its edition, as the acting user may see
 * it, and its attachments as pages list them. */
#include <stdlib.h>

#include "server.h"

/* An entry the user may not see is "not found": checked first, so that
 * the answer never tells whether it exists. */
int
entry_load(struct req *r, int64_t id, enum action act, struct one *o)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_entry_get(rd, id, &o->entry);

	if (rc == 0)
		rc = entry_access_of(rd, &r->actor, &o->entry, &o->obj);
	db_read_end(rd);
	/* a login card's session, an entry of another edition: when it is
	 * the judge's there too, say plainly why they cannot go on */
	if (rc == 0 && r->actor.edition_id != 0 &&
	    o->entry.edition_id != r->actor.edition_id) {
		if (o->obj.assigned && !o->obj.conflicted)
			respond_error_why(r, 403, MSG_OTHER_EDITION,
			                  "other_edition");
		else
			respond_error(r, 404);
		return -1;
	}
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return -1;
	}
	if (ctx_load(r, o->entry.edition_id, &o->ctx) != 0)
		return -1;
	o->obj.edition = &o->ctx.edition;
	if (!can(&r->actor, ACT_ENTRY_VIEW, &o->obj)) {
		respond_error(r, 404);
		ctx_release(&o->ctx);
		return -1;
	}
	if (!can(&r->actor, act, &o->obj)) {
		respond_error(r, act == ACT_ENTRY_VIEW ? 404 : 409);
		ctx_release(&o->ctx);
		return -1;
	}
	return 0;
}

int
atts_collect(const struct db_attachment *a, void *arg)
{
	struct atts *l = arg;

	if (l->n == 32)
		return 1;
	l->db[l->n] = *a;
	l->v[l->n] = (struct attachment_view){ (long long)l->db[l->n].id,
		                               l->db[l->n].name,
		                               l->db[l->n].mime, a->size };
	l->n++;
	return 0;
}

/* h_ballot.c: a council member's secret ballot: the paper (GET), the
 * review and the cast (POST), and the same cast as JSON for the tablet's
 * offline queue. Nothing here ever reads a vote back: once cast, a vote
 * is only part of its dossier's tally. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct shown {
	bool review;
	enum msg error;
	const char *field; /* the field the error names, or "" */
	const char *client_id;
};

static void
render(struct req *r, const struct ballot *b, const struct shown *s)
{
	struct ballot_view v = {
		.edition = (long long)b->c.edition.id,
		.expert = (long long)r->actor.expert_id,
		.title = b->c.edition.title,
		.rows = b->rows,
		.n = b->n,
		.cast_at = (long long)b->cast_at,
		.dossiers = b->dossiers,
		.open = b->open,
		.closed = b->closed == 1,
		.review = s->review,
		.client_id = s->client_id,
		.error = s->error,
		.error_field = s->field,
	};
	struct page p = req_page(r, T(r->lang, MSG_BALLOT_PAPER));

	buf_reset(&r->out);
	page_ballot(&r->out, &p, &v);
}

void
h_ballot(struct req *r)
{
	struct ballot *b = xmalloc(sizeof(*b));
	char id[33];

	if (ballot_load(r, ACT_BALLOT_VIEW, b) == 0) {
		client_id_fresh(id);
		render(r, b, &(struct shown){ false, MSG__MAX, "", id });
	}
	ballot_release(b);
	free(b);
}

/* The marks of a form post; MSG__MAX when each is a vote on the paper. */
static enum msg
form_marks(struct req *r, struct ballot *b, char *bad, size_t size)
{
	enum msg m = MSG__MAX;

	for (size_t i = 0; i < r->form.count && m == MSG__MAX; i++)
		m = ballot_mark(b, r->form.fields[i].name,
		                r->form.fields[i].value, bad, size);
	return m;
}

/* The paper changed under the member: show the new one, with the marks
 * that still apply. */
static void
reload(struct req *r, struct ballot *b, const char *client_id)
{
	char bad[32];

	ballot_release(b);
	if (ballot_load(r, ACT_BALLOT_VIEW, b) != 0)
		return;
	for (size_t i = 0; i < r->form.count; i++)
		ballot_mark(b, r->form.fields[i].name, r->form.fields[i].value,
		            bad, sizeof(bad));
	r->status = 409;
	render(r, b,
	       &(struct shown){ false, MSG_BALLOT_CHANGED, "", client_id });
}

static void
cast_form(struct req *r, struct ballot *b, const char *client_id)
{
	struct shown s = { false, MSG__MAX, "", client_id };
	enum ballot_outcome o;
	char where[64], bad[32] = "";

	s.error = form_marks(r, b, bad, sizeof(bad));
	if (s.error != MSG__MAX) {
		s.field = bad;
		r->status = 422;
	} else if (ballot_check(b) > 0 && form_get(&r->form, "edit") == NULL) {
		s.error = MSG_BALLOT_INCOMPLETE;
		r->status = 422;
	}
	if (s.error != MSG__MAX || form_get(&r->form, "edit") != NULL) {
		render(r, b, &s);
		return;
	}
	if (form_get(&r->form, "confirm") == NULL) {
		s.review = true;
		render(r, b, &s);
		return;
	}
	o = ballot_cast(r, b, client_id);
	snprintf(where, sizeof(where), "/editions/%lld/ballot",
	         (long long)b->c.edition.id);
	if (o == BALLOT_CAST || o == BALLOT_RESENT) {
		respond_redirect(r, where);
	} else if (o == BALLOT_CHANGED) {
		reload(r, b, client_id);
	} else if (o == BALLOT_FAILED) {
		respond_error(r, 500);
	} else {
		r->status = 409;
		s.error = o == BALLOT_ALREADY ? MSG_BALLOT_ALREADY
		                              : MSG_BALLOT_CLOSED;
		b->open = false;
		render(r, b, &s);
	}
}

void
h_ballot_cast(struct req *r)
{
	struct ballot *b = xmalloc(sizeof(*b));
	const char *client_id = form_get(&r->form, "client_id");

	if (!session_csrf_ok(r)) {
		free(b);
		respond_error(r, 403);
		return;
	}
	if (ballot_load(r, ACT_BALLOT_CAST, b) == 0) {
		if (!sheet_client_id_ok(client_id))
			respond_error(r, 400);
		else
			cast_form(r, b, client_id);
	}
	ballot_release(b);
	free(b);
}

/* An API refusal: status, the code the tablet acts on, the words. */
static void
api_refuse(struct req *r, int status, const char *code, enum msg m,
           const char *field)
{
	json_t *err = json_pack("{s:i, s:s, s:s}", "status", status, "code",
	                        code, "message", T(r->lang, m));

	if (field != NULL)
		json_object_set_new(err, "field", json_string(field));
	respond_json(r, status, json_pack("{s:o}", "error", err));
}

/* {"client_id": "...", "votes": {"<dossier id>": "yes" | "no"}}; NULL
 * when it is not that, with *nomem when only memory was lacking (the
 * tablet then keeps the cast and sends it again). */
static json_t *
api_body(struct req *r, const char **client_id, json_t **votes, bool *nomem)
{
	json_error_t err;
	json_t *body;

	/* a failed allocation is told from a malformed body by malloc's
	 * ENOMEM (jansson may call it a syntax error) */
	errno = 0;
	body = json_loadb(r->body.data != NULL ? r->body.data : "", r->body.len,
	                  JSON_REJECT_DUPLICATES, &err);
	*nomem =
	    body == NULL && (errno == ENOMEM ||
	                     json_error_code(&err) == json_error_out_of_memory);
	*client_id = json_string_value(json_object_get(body, "client_id"));
	*votes = json_object_get(body, "votes");
	if (body == NULL || !json_is_object(body) ||
	    !sheet_client_id_ok(*client_id) || !json_is_object(*votes) ||
	    json_object_size(body) != 2) {
		json_decref(body);
		return NULL;
	}
	return body;
}

static void
api_cast(struct req *r, struct ballot *b, const char *client_id, json_t *votes)
{
	char name[32], bad[32] = "";
	const char *key;
	json_t *v;
	enum msg m = MSG__MAX;
	enum ballot_outcome o;

	json_object_foreach(votes, key, v)
	{
		const char *text = json_string_value(v);

		snprintf(name, sizeof(name), "v%s", key);
		if (strlen(key) > 18 || key[0] < '1' || key[0] > '9' ||
		    key[strspn(key, "0123456789")] != '\0')
			m = MSG_BALLOT_NOT_ON_PAPER;
		else if (text == NULL || *text == '\0')
			m = MSG_BALLOT_BAD_VOTE;
		else
			m = ballot_mark(b, name, text, bad, sizeof(bad));
		if (m != MSG__MAX) {
			api_refuse(r, 422, "invalid", m, name);
			return;
		}
	}
	if (ballot_check(b) > 0) {
		api_refuse(r, 422, "incomplete", MSG_BALLOT_INCOMPLETE, NULL);
		return;
	}
	o = ballot_cast(r, b, client_id);
	if (o == BALLOT_CAST || o == BALLOT_RESENT)
		respond_json(
		    r, 200,
		    json_pack("{s:b, s:i}", "cast", 1, "dossiers", (int)b->n));
	else if (o == BALLOT_ALREADY)
		api_refuse(r, 409, "cast", MSG_BALLOT_ALREADY, NULL);
	else if (o == BALLOT_CLOSED)
		api_refuse(r, 409, "closed", MSG_BALLOT_CLOSED, NULL);
	else if (o == BALLOT_CHANGED)
		api_refuse(r, 409, "changed", MSG_BALLOT_CHANGED, NULL);
	else
		respond_error(r, 500);
}

void
h_api_ballot_cast(struct req *r)
{
	struct ballot *b = xmalloc(sizeof(*b));
	const char *client_id;
	json_t *votes, *body;
	bool nomem;

	if (!session_csrf_ok(r)) {
		free(b);
		respond_error(r, 403);
		return;
	}
	if (ballot_load(r, ACT_BALLOT_CAST, b) == 0) {
		body = api_body(r, &client_id, &votes, &nomem);
		if (body == NULL && nomem)
			respond_error(r, 503);
		else if (body == NULL)
			api_refuse(r, 400, "body", MSG_BALLOT_BAD_VOTE, NULL);
		else
			api_cast(r, b, client_id, votes);
		json_decref(body);
	}
	ballot_release(b);
	free(b);
}

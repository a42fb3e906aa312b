/* edition_ctx.c: what the pages of an edition need: the edition, its
 * rubric (parsed) and its fields as choices in the page's language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* The edition's latest rubric, parsed once per version for all requests. */
static int
rubric_load(struct app *app, struct db_read *rd, struct ctx *c)
{
	int64_t id = c->edition.id;
	struct score_rubric *parsed;
	struct score_error err;
	char *json = NULL;
	int rc = db_rubric_latest(rd, id, &c->rubric_version, NULL);

	if (rc != 0)
		return rc;
	c->rubric_ref = rubric_get(app->rubrics, id, c->rubric_version);
	if (c->rubric_ref == NULL) {
		rc = db_rubric_latest(rd, id, &c->rubric_version, &json);
		if (rc != 0)
			return rc;
		parsed = score_rubric_parse(json, strlen(json), &err);
		free(json);
		if (parsed == NULL)
			return -1;
		c->rubric_ref =
		    rubric_add(app->rubrics, id, c->rubric_version, parsed);
	}
	c->rubric = rubric_of(c->rubric_ref);
	return 0;
}

int
edition_is_ballot(struct app *app, struct db_read *rd, int64_t edition)
{
	struct ctx c = { 0 };
	int rc;

	c.edition.id = edition;
	if (rubric_load(app, rd, &c) != 0)
		return -1;
	rc = c.rubric->mode == SCORE_MODE_BALLOT;
	ctx_release(&c);
	return rc;
}

int
ctx_load(struct req *r, int64_t edition, struct ctx *c)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc;

	memset(c, 0, sizeof(*c));
	rc = db_edition_get(rd, edition, &c->edition);
	if (rc == 0)
		rc = rubric_load(r->app, rd, c);
	db_read_end(rd);
	if (rc != 0) {
		respond_error(r, rc == DB_NOTFOUND ? 404 : 500);
		return -1;
	}
	c->nfields = c->rubric->nfields < CTX_MAX_FIELDS ? c->rubric->nfields
	                                                 : CTX_MAX_FIELDS;
	for (size_t i = 0; i < c->nfields; i++) {
		const struct score_field *f = &c->rubric->fields[i];

		c->fields[i].id = f->id;
		c->fields[i].title = r->lang == SCORE_LANG_EN && f->title.en
		                         ? f->title.en
		                         : f->title.vi;
	}
	ctx_view(c);
	return 0;
}

void
edition_view_of(const struct db_edition *e, struct edition_view *v)
{
	memset(v, 0, sizeof(*v));
	v->id = (long long)e->id;
	v->program = e->program;
	v->number = e->number;
	v->year_from = e->year_from;
	v->year_to = e->year_to;
	v->level = e->level;
	v->title = e->title;
	v->state = e->state;
	v->submit_until = e->submit_until;
	v->judging_until = e->judging_until;
	v->posting_from = e->posting_from;
	v->posting_until = e->posting_until;
	v->applied_from = e->applied_from;
	v->birth_from = e->birth_from;
	v->birth_until = e->birth_until;
	v->org_name = e->org_name;
	v->org_province = e->org_province;
	v->signatory = e->signatory;
	v->signatory_title = e->signatory_title;
	v->hide_authors = e->hide_authors;
	v->side_prizes = e->side_prizes;
}

void
edition_from_view(const struct edition_view *v, struct db_edition *e)
{
	memset(e, 0, sizeof(*e));
	snprintf(e->program, sizeof(e->program), "%s", v->program);
	e->number = v->number;
	e->year_from = v->year_from;
	e->year_to = v->year_to;
	snprintf(e->level, sizeof(e->level), "%s", v->level);
	snprintf(e->title, sizeof(e->title), "%s", v->title);
	snprintf(e->submit_until, sizeof(e->submit_until), "%s",
	         v->submit_until);
	snprintf(e->judging_until, sizeof(e->judging_until), "%s",
	         v->judging_until);
	snprintf(e->posting_from, sizeof(e->posting_from), "%s",
	         v->posting_from);
	snprintf(e->posting_until, sizeof(e->posting_until), "%s",
	         v->posting_until);
	snprintf(e->applied_from, sizeof(e->applied_from), "%s",
	         v->applied_from);
	snprintf(e->birth_from, sizeof(e->birth_from), "%s", v->birth_from);
	snprintf(e->birth_until, sizeof(e->birth_until), "%s", v->birth_until);
	snprintf(e->org_name, sizeof(e->org_name), "%s", v->org_name);
	snprintf(e->org_province, sizeof(e->org_province), "%s",
	         v->org_province);
	snprintf(e->signatory, sizeof(e->signatory), "%s", v->signatory);
	snprintf(e->signatory_title, sizeof(e->signatory_title), "%s",
	         v->signatory_title);
	e->hide_authors = v->hide_authors;
	e->side_prizes = v->side_prizes;
}

void
ctx_view(struct ctx *c)
{
	edition_view_of(&c->edition, &c->view);
	c->view.rubric_version = c->rubric_version;
}

void
ctx_release(struct ctx *c)
{
	rubric_put(c->rubric_ref);
	c->rubric_ref = NULL;
	c->rubric = NULL;
}

/* Declared conflicts are stored; automatic ones follow the entry's
 * current people and organisation, so they are worked out on every
 * access (an author added after the assignment hides the entry too). */
int
entry_access_of(struct db_read *rd, const struct actor *a,
                const struct db_entry *e, struct object *obj)
{
	struct db_access acc;
	struct db_expert x;
	int rc;

	if (!actor_is_expert(a))
		return 0;
	rc = db_judge_access(rd, e->id, a->expert_id, &acc);
	obj->assigned = acc.assigned;
	obj->conflicted = acc.conflicted;
	obj->chairs = acc.chairs;
	if (rc != 0 || obj->conflicted)
		return rc;
	rc = db_expert_get(rd, a->expert_id, &x);
	if (rc == 0)
		obj->conflicted = expert_conflicts_with(&x, e);
	return rc;
}

int
entry_access(struct db_read *rd, const struct actor *a, int64_t entry,
             struct object *obj)
{
	struct db_entry *e;
	int rc;

	if (!actor_is_expert(a))
		return 0;
	e = xmalloc(sizeof(*e));
	rc = db_entry_get(rd, entry, e);
	if (rc == 0)
		rc = entry_access_of(rd, a, e, obj);
	free(e);
	return rc;
}

bool
ctx_can(const struct req *r, const struct ctx *c, enum action act)
{
	struct object obj = { .edition = &c->edition };

	return can(&r->actor, act, &obj);
}

/* The program of an edition as the scoring core names it. */
enum score_program
ctx_program(const struct ctx *c)
{
	for (int p = 0; p < SCORE_PROGRAM__MAX; p++)
		if (strcmp(score_program_names[p], c->edition.program) == 0)
			return (enum score_program)p;
	return SCORE_PROGRAM_CUSTOM;
}

int
ctx_recheck(struct db_tx *tx, const struct req *r, int64_t edition,
            enum action act)
{
	const struct object none = { 0 };

	return ctx_recheck_object(tx, r, edition, act, &none);
}

/* The object's other facts (a judge's tie to the entry) are kept as the
 * handler found them; only the edition is read again. */
int
ctx_recheck_object(struct db_tx *tx, const struct req *r, int64_t edition,
                   enum action act, const struct object *obj)
{
	struct db_edition *e = xmalloc(sizeof(*e));
	struct object now = *obj;
	int rc = db_edition_get_tx(tx, edition, e);

	now.edition = e;
	if (rc == 0 && !can(&r->actor, act, &now))
		rc = 1;
	free(e);
	return rc == 0 || rc == 1 ? rc : -1;
}

int
ctx_can_chair(struct req *r, const struct ctx *c, enum action act)
{
	struct object obj = { .edition = &c->edition };
	struct db_read *rd;
	int chairs = 0, rc = 0;

	if (actor_is_expert(&r->actor)) {
		rd = db_read_begin(r->app->db);
		rc = db_expert_chairs(rd, r->actor.expert_id, c->edition.id,
		                      &chairs);
		db_read_end(rd);
		obj.chairs = chairs > 0;
	}
	if (rc != 0 || !can(&r->actor, act, &obj)) {
		respond_error(r, rc != 0 ? 500 : 404);
		return -1;
	}
	return 0;
}

/* h_forward.c: forwarding a decided edition's prized entries to the next
 * level (district -> province -> national): the page choosing them, and
 * the package (the entries import's own file, with the results), each
 * download audited with the entries it carried. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* The level above; NULL above the national one. */
static const char *
next_level(const char *level)
{
	if (strcmp(level, "district") == 0)
		return "province";
	if (strcmp(level, "province") == 0)
		return "national";
	return NULL;
}

/* The decided list: each prized entry (a computed or a final prize) as
 * the page shows it, and its details as the package carries them. */
struct fwd {
	struct db_posting posting;
	struct forward_row *rows;
	struct import_result entries; /* entries.entries[i]: rows[i]'s */
	size_t n;
	char **owned; /* every string the rows point to, but the entries' */
	size_t nowned;
};

static const char *
own(struct fwd *f, const char *s)
{
	f->owned = xreallocarray(f->owned, f->nowned + 1, sizeof(*f->owned));
	f->owned[f->nowned] = xstrdup(s);
	return f->owned[f->nowned++];
}

static void
fwd_release(struct fwd *f)
{
	for (size_t i = 0; i < f->nowned; i++)
		free(f->owned[i]);
	free(f->owned);
	free(f->rows);
	import_result_free(&f->entries);
	memset(f, 0, sizeof(*f));
}

/* Error lines for the page (owned). */
struct lines {
	char **text;
	size_t n;
};

static void
line_add(struct lines *l, struct buf *b)
{
	l->text = xreallocarray(l->text, l->n + 1, sizeof(char *));
	l->text[l->n++] = buf_detach(b, NULL);
}

static void
lines_release(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->text[i]);
	free(l->text);
}

/* "Bài dự thi KQ-01: <why>" as a line of the page. */
static void
entry_error(struct lines *l, enum score_lang lang, const char *code,
            enum msg why)
{
	struct buf b;

	buf_init(&b, 1024);
	buf_printf(&b, "%s %s: %s", T(lang, MSG_ENTRY), code, T(lang, why));
	line_add(l, &b);
}

/* ---- Loading the decided list -------------------------------------------
 */

struct decide_arg {
	struct results_build *b;
	enum score_lang lang;
};

static int
apply_decision(const struct db_decision *d, void *arg)
{
	struct decide_arg *a = arg;

	results_build_decide(a->b, d, a->lang);
	return 0;
}

/* The prized rows of the snapshot, the committee's decisions applied;
 * ticked when the entry keeps a prize after them. */
static void
collect_rows(struct fwd *f, const struct results_build *b)
{
	size_t nscopes;
	const struct result_scope *sc = results_build_scopes(b, &nscopes);

	for (size_t s = 0; s < nscopes; s++)
		for (size_t i = 0; i < sc[s].nrows; i++) {
			const struct result_row *w = &sc[s].rows[i];
			struct forward_row *row;

			if (w->tier[0] == '\0' && w->final_tier[0] == '\0')
				continue;
			f->rows =
			    xreallocarray(f->rows, f->n + 1, sizeof(*f->rows));
			row = memset(&f->rows[f->n++], 0, sizeof(*row));
			row->code = own(f, w->code);
			row->score = own(f, w->score);
			row->tier = own(f, w->tier);
			row->final_tier = own(f, w->final_tier);
			row->checked = w->final_tier[0] != '\0';
			row->title = row->field = row->authors = "";
		}
}

/* A stored entry as the import reads it (the package's input). */
static void
entry_of(const struct db_entry *d, struct import_entry *e)
{
	e->code = xstrdup(d->code);
	e->title = xstrdup(d->title);
	e->field = xstrdup(d->field);
	e->summary = xstrdup(d->summary);
	e->organisation = xstrdup(d->organisation);
	e->district = xstrdup(d->district);
	e->applied_since = xstrdup(d->applied_since);
	e->applied_place = xstrdup(d->applied_place);
	e->prior_awards = xstrdup(d->prior_awards);
	e->authors = xcalloc(d->nauthors + 1, sizeof(*e->authors));
	for (size_t i = 0; i < d->nauthors; i++) {
		struct import_author *a = &e->authors[i];

		a->name = xstrdup(d->authors[i].name);
		a->birth_date = xstrdup(d->authors[i].birth_date);
		a->ethnicity = xstrdup(d->authors[i].ethnicity);
		a->unit = xstrdup(d->authors[i].unit);
		if (!author_role_parse(d->authors[i].role, &a->role))
			a->role = AUTHOR_ROLE_AUTHOR;
	}
	e->nauthors = d->nauthors;
}

struct fill_arg {
	struct fwd *f;
	const struct score_rubric *rubric;
	enum score_lang lang;
};

/* Gives each listed row its entry: title, field, people. */
static int
fill_entry(const struct db_entry *d, void *arg)
{
	struct fill_arg *a = arg;
	struct fwd *f = a->f;
	struct buf names;

	for (size_t i = 0; i < f->n; i++) {
		struct forward_row *row = &f->rows[i];

		if (strcmp(row->code, d->code) != 0)
			continue;
		entry_of(d, &f->entries.entries[i]);
		row->title = f->entries.entries[i].title;
		row->field = d->field;
		for (size_t k = 0; k < a->rubric->nfields; k++)
			if (strcmp(a->rubric->fields[k].id, d->field) == 0)
				row->field =
				    a->lang == SCORE_LANG_EN &&
				            a->rubric->fields[k].title.en !=
				                NULL
				        ? a->rubric->fields[k].title.en
				        : a->rubric->fields[k].title.vi;
		row->field = own(f, row->field);
		buf_init(&names, 8192);
		for (size_t k = 0; k < d->nauthors; k++)
			buf_printf(&names, "%s%s", k > 0 ? ", " : "",
			           d->authors[k].name);
		row->authors = own(f, names.data != NULL ? names.data : "");
		buf_release(&names);
	}
	return 0;
}

/* The edition's decided list, prize names in `lang`. 0, DB_NOTFOUND (no
 * award decision) or -1. */
static int
fwd_load(struct req *r, const struct ctx *c, enum score_lang lang,
         struct fwd *f)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct fill_arg fa = { f, c->rubric, lang };
	struct decide_arg da = { NULL, lang };
	struct db_snapshot s = { 0 };
	int rc;

	memset(f, 0, sizeof(*f));
	rc = db_posting_current(rd, c->edition.id, &f->posting);
	if (rc == 0 && f->posting.decided_at == 0)
		rc = DB_NOTFOUND;
	if (rc == 0)
		rc = db_snapshot_get(rd, f->posting.snapshot_id, &s);
	if (rc == 0) {
		da.b = results_build(rd, r->app->rubrics, &s, lang);
		rc = da.b != NULL
		         ? db_decisions_each(rd, s.id, apply_decision, &da)
		         : -1;
	}
	if (rc == 0) {
		collect_rows(f, da.b);
		f->entries.entries =
		    xcalloc(f->n + 1, sizeof(*f->entries.entries));
		f->entries.nentries = f->n;
		rc = db_entry_each(rd, c->edition.id, fill_entry, &fa);
	}
	for (size_t i = 0; rc == 0 && i < f->n; i++)
		if (f->entries.entries[i].code == NULL)
			rc = -1; /* a result without its entry */
	db_read_end(rd);
	results_build_free(da.b);
	db_snapshot_release(&s);
	return rc;
}

/* ---- The page ------------------------------------------------------------
 */

static void
render(struct req *r, const struct ctx *c, const struct fwd *f,
       const struct lines *errors)
{
	const char *next = next_level(c->edition.level);
	struct forward_view v = {
		next != NULL ? name_level(r->lang, next) : NULL,
		f->posting.number,
		f->posting.date,
		f->rows,
		f->n,
		(const char *const *)errors->text,
		errors->n,
	};
	struct page p = req_page(r, T(r->lang, MSG_FORWARD));

	page_forward(&r->out, &p, &c->view, &v);
}

void
h_forward_form(struct req *r)
{
	struct lines none = { 0 };
	struct fwd f = { 0 };
	struct ctx c;
	int rc = 0;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_FORWARD_VIEW)) {
		respond_error_why(r, 409, MSG_FORWARD_NOT_DECIDED, NULL);
	} else {
		/* a national edition: the page says there is nowhere to go */
		if (ctx_can(r, &c, ACT_FORWARD))
			rc = fwd_load(r, &c, r->lang, &f);
		if (rc == 0)
			render(r, &c, &f, &none);
		else if (rc == DB_NOTFOUND)
			respond_error_why(r, 409, MSG_FORWARD_NOT_DECIDED,
			                  NULL);
		else
			respond_error(r, 500);
	}
	fwd_release(&f);
	ctx_release(&c);
}

/* ---- The package ---------------------------------------------------------
 */

/* Ticks the rows the form chose; every unknown code is an error. */
static void
mark_chosen(struct req *r, struct fwd *f, struct lines *errors)
{
	size_t chosen = 0;

	for (size_t i = 0; i < f->n; i++)
		f->rows[i].checked = false;
	for (size_t k = 0; k < r->form.count; k++) {
		const struct form_field *ff = &r->form.fields[k];
		size_t i = 0;

		if (strcmp(ff->name, "entry") != 0)
			continue;
		while (i < f->n && strcmp(f->rows[i].code, ff->value) != 0)
			i++;
		if (i < f->n) {
			chosen += !f->rows[i].checked;
			f->rows[i].checked = true;
		} else if (errors != NULL) {
			entry_error(errors, r->lang, ff->value,
			            MSG_FORWARD_UNKNOWN);
		}
	}
	if (chosen == 0 && errors != NULL && errors->n == 0) {
		struct buf b;

		buf_init(&b, 1024);
		buf_puts(&b, T(r->lang, MSG_FORWARD_NONE_CHOSEN));
		line_add(errors, &b);
	}
}

/* The package must import at the next level: it is read back here with
 * the same import, and any error is the organiser's to see. */
static void
self_check(struct req *r, const struct ctx *c, const struct buf *pkg,
           struct lines *errors)
{
	struct import_result res;

	entries_csv_parse(c->rubric, pkg->data, pkg->len, &res);
	for (size_t i = 0; i < res.nerrors; i++) {
		struct buf b;

		buf_init(&b, 4096);
		buf_printf(&b, "%s: ", T(r->lang, MSG_FORWARD_SELF_CHECK));
		import_error_format(&res.errors[i], r->lang, &b);
		line_add(errors, &b);
	}
	import_result_free(&res);
}

/* Writes the chosen entries' package into `pkg`; refusals go to
 * `errors`. -1 on failure (too large for the response). */
static int
package(struct req *r, const struct ctx *c, const struct fwd *f,
        struct buf *pkg, struct lines *errors)
{
	struct import_entry *chosen = xcalloc(f->n + 1, sizeof(*chosen));
	struct package_result *res = xcalloc(f->n + 1, sizeof(*res));
	struct package_origin o = {
		c->edition.title,
		name_level(SCORE_LANG_VI, c->edition.level),
		f->posting.number,
		f->posting.date,
	};
	size_t k = 0, bad = 0;
	int rc = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->rows[i].checked) {
			chosen[k] = f->entries.entries[i];
			res[k++] =
			    (struct package_result){ f->rows[i].final_tier,
				                     f->rows[i].score };
		}
	if (entries_package_write(c->rubric, &o, chosen, res, k, pkg, &bad) !=
	    0)
		entry_error(errors, r->lang, chosen[bad].code,
		            MSG_FORWARD_TOO_LONG);
	else if (pkg->overflow)
		rc = -1;
	else
		self_check(r, c, pkg, errors);
	free(chosen);
	free(res);
	return rc;
}

/* The audit row: which entries went where, in which file (its SHA-256),
 * from which decision; who and when are the row's own. The edition is
 * checked again inside the transaction. 0, 1 (no longer allowed), -1. */
static int
audit(struct req *r, const struct ctx *c, const struct fwd *f,
      const struct buf *pkg)
{
	struct db_actor who = { r->actor.user_id, r->address };
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[65], object[64], *text;
	json_t *codes = json_array(), *v;
	struct db_tx *tx;
	int rc;

	for (size_t i = 0; i < f->n; i++)
		if (f->rows[i].checked)
			json_array_append_new(codes,
			                      json_string(f->rows[i].code));
	crypto_hash_sha256(digest, (const unsigned char *)pkg->data, pkg->len);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	v = json_pack("{s:s, s:s, s:I, s:s, s:s, s:o, s:s}", "format",
	              IMPORT_PACKAGE_FORMAT, "to", next_level(c->edition.level),
	              "snapshot", (json_int_t)f->posting.snapshot_id,
	              "decision", f->posting.number, "decision_date",
	              f->posting.date, "entries", codes, "sha256", hex);
	text = v != NULL ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(v);
	snprintf(object, sizeof(object), "edition:%lld",
	         (long long)c->edition.id);
	tx = text != NULL ? db_begin(r->app->db, &who) : NULL;
	rc = tx != NULL ? ctx_recheck(tx, r, c->edition.id, ACT_FORWARD) : -1;
	if (rc == 0)
		rc = db_audit(tx, "edition.forward", object, NULL, text, NULL);
	free(text);
	if (rc != 0) {
		db_rollback(tx);
		return rc;
	}
	return db_commit(tx);
}

/* The refused download: the page again, the choice kept, in the page's
 * language (the package's prize names are Vietnamese). */
static void
refuse(struct req *r, const struct ctx *c, struct fwd *f,
       const struct lines *errors)
{
	struct fwd shown = { 0 };

	if (r->lang != SCORE_LANG_VI) {
		if (fwd_load(r, c, r->lang, &shown) == 0) {
			mark_chosen(r, &shown, NULL);
			fwd_release(f);
			*f = shown;
		} else {
			fwd_release(&shown); /* the Vietnamese list will do */
		}
	}
	r->status = 422;
	render(r, c, f, errors);
}

void
h_forward(struct req *r)
{
	struct lines errors = { 0 };
	struct fwd f = { 0 };
	struct buf pkg;
	struct ctx c;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	buf_init(&pkg, r->out.max);
	if (!ctx_can(r, &c, ACT_FORWARD)) {
		respond_error_why(r, 409,
		                  ctx_can(r, &c, ACT_FORWARD_VIEW)
		                      ? MSG_FORWARD_NATIONAL
		                      : MSG_FORWARD_NOT_DECIDED,
		                  NULL);
		goto out;
	}
	/* the package is Vietnamese, whatever the page's language */
	rc = fwd_load(r, &c, SCORE_LANG_VI, &f);
	if (rc == 0) {
		mark_chosen(r, &f, &errors);
		if (errors.n == 0)
			rc = package(r, &c, &f, &pkg, &errors);
	}
	if (rc == 0 && errors.n == 0)
		rc = audit(r, &c, &f, &pkg);
	if (rc == 0 && errors.n > 0) {
		refuse(r, &c, &f, &errors);
	} else if (rc != 0) {
		respond_error_why(r, rc == -1 ? 500 : 409,
		                  rc == -1 ? MSG__MAX : MSG_FORWARD_NOT_DECIDED,
		                  NULL);
	} else {
		buf_release(&r->out);
		r->out = pkg;
		buf_init(&pkg, 0);
		r->type = "text/csv; charset=utf-8";
		snprintf(r->disposition, sizeof(r->disposition),
		         "attachment; filename=\"chuyen-cap-%lld.csv\"",
		         (long long)c.edition.id);
	}
out:
	buf_release(&pkg);
	lines_release(&errors);
	fwd_release(&f);
	ctx_release(&c);
}

/* h_cert_template.c: the look of a program's certificates, for its
 * organisers: the page (a template per program, and per prize where one
 * differs), saving or removing one (checked, audited), and the preview of
 * the stored or the posted template as a PDF shown beside the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* "#a61c1c" for the colour inputs. */
static void
hex(unsigned rgb, char out[8])
{
	snprintf(out, 8, "#%06x", rgb & 0xFFFFFFu);
}

static void
show(struct req *r, const struct ctx *c, const struct tpl_choices *ch,
     size_t at, const struct db_cert_template *t, int from, enum msg notice,
     const struct form_errors *e)
{
	char colour[8], accent[8];
	struct tpl_form f = {
		.edition = (long long)c->edition.id,
		.prizes = ch->ptr,
		.nprizes = ch->n,
		.at = at,
		.prize = ch->text[at],
		.from = from,
		.heading = t->heading,
		.lead = t->lead,
		.body = t->body,
		.issuer = t->issuer,
		.signer_title = t->signer_title,
		.colour = colour,
		.accent = accent,
		.show_birth = t->show_birth,
		.show_school = t->show_school,
		.show_entry = t->show_entry,
		.show_field = t->show_field,
		.show_decision = t->show_decision,
		.has_seal = t->seal != NULL,
		.notice = notice,
		.errors = e,
	};
	struct page p = req_page(r, T(r->lang, MSG_TPL));

	hex(t->colour, colour);
	hex(t->accent, accent);
	buf_reset(&r->out);
	page_cert_template(&r->out, &p, &c->view, &f);
}

/* The template shown for a prize, and where it comes from. */
static int
shown(struct req *r, const struct ctx *c, const char *prize,
      struct db_cert_template *t, int *from)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = certs_template_find(rd, c->edition.program, prize, t, from);

	db_read_end(rd);
	return rc;
}

/* The chosen prize from ?p=N, or -1. */
static int
chosen(struct req *r, const struct tpl_choices *ch)
{
	const char *p = form_get(&r->form, "p");
	char *end;
	long at = p != NULL ? strtol(p, &end, 10) : 0;

	if (p != NULL && (*p == '\0' || *end != '\0'))
		return -1;
	return at >= 0 && (size_t)at < ch->n ? (int)at : -1;
}

/* The choices, the one chosen (?p=N, or the `posted` form's prize) and
 * the template shown for it, with where it comes from: its index, or -1
 * after responding. */
static int
load_chosen(struct req *r, const struct ctx *c, bool posted,
            struct tpl_choices *ch, struct db_cert_template *t, int *from)
{
	const char *prize = form_get(&r->form, "prize");
	int at;

	if (tpl_choices_load(r, c, ch) != 0) {
		respond_error(r, 500);
		return -1;
	}
	at = posted ? tpl_choices_find(ch, prize) : chosen(r, ch);
	if (at < 0) {
		/* an index not offered, or a prize the edition has not */
		respond_error(r, posted ? 422 : 404);
		return -1;
	}
	if (shown(r, c, ch->text[at], t, from) != 0) {
		respond_error(r, 500);
		return -1;
	}
	/* the preview prints a certificate of this prize, whichever
	 * template it takes its look from */
	snprintf(t->prize, sizeof(t->prize), "%s", ch->text[at]);
	return at;
}

void
h_cert_template(struct req *r)
{
	const char *done = form_get(&r->form, "done");
	struct db_cert_template t = { 0 };
	struct tpl_choices ch = { 0 };
	struct ctx c;
	int at, from;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	at = load_chosen(r, &c, false, &ch, &t, &from);
	if (at >= 0)
		show(r, &c, &ch, (size_t)at, &t, from,
		     done == NULL                   ? MSG__MAX
		     : strcmp(done, "saved") == 0   ? MSG_TPL_SAVED
		     : strcmp(done, "removed") == 0 ? MSG_TPL_REMOVED
		                                    : MSG__MAX,
		     NULL);
	db_cert_template_release(&t);
	tpl_choices_release(&ch);
	ctx_release(&c);
}

/* Stores `t` or, when it is NULL, removes (program, prize)'s template. */
static int
store(struct req *r, const struct ctx *c, const struct db_cert_template *t,
      const char *prize)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL
	             ? ctx_recheck(tx, r, c->edition.id, ACT_CERTS_TEMPLATE)
	             : -1;

	if (rc == 0)
		rc = t != NULL ? db_cert_template_put(tx, t)
		               : db_cert_template_delete(tx, c->edition.program,
		                                         prize);
	if (rc == DB_NOTFOUND)
		rc = 0; /* removing what is not there leaves it so */
	if (rc == 0)
		return db_commit(tx);
	if (tx != NULL)
		db_rollback(tx);
	return rc;
}

/* Whether rendering failed on the seal: the one input of a template no
 * form check can vouch for (libpng decodes it in full first). Any other
 * failure is the server's. */
static bool
seal_refused(const char *err)
{
	return strncmp(err, "seal_png:", 9) == 0;
}

/* Renders a posted template the way printing will: 0; 1 with the seal
 * marked refused in `e`; -1 on another failure (logged). */
static int
trial(struct req *r, const struct ctx *c, const struct db_cert_template *t,
      struct form_errors *e)
{
	struct buf pdf;
	char err[160] = "";
	int rc;

	buf_init(&pdf, (size_t)16 << 20);
	rc = tpl_preview(r, c, t, &pdf, err);
	buf_release(&pdf);
	if (rc == 0)
		return 0;
	if (seal_refused(err)) {
		form_error(e, "seal", MSG_TPL_ERR_SEAL);
		return 1;
	}
	fprintf(stderr, "giamkhao: template check: %s\n", err);
	return -1;
}

/* Saves (or with do=reset removes) the template of choice `at`; `old`
 * is the one the form was shown with. */
static void
save(struct req *r, const struct ctx *c, const struct tpl_choices *ch, int at,
     const struct db_cert_template *old, int from)
{
	const char *what = form_get(&r->form, "do");
	bool reset = what != NULL && strcmp(what, "reset") == 0;
	struct db_cert_template t = { 0 };
	struct form_errors e;
	char where[160];
	int rc = 0;

	form_errors_clear(&e);
	if (!reset) {
		tpl_read(r, c->edition.program, ch->text[at], old, &t, &e);
		if (e.count == 0)
			rc = trial(r, c, &t, &e);
	}
	if (rc < 0) {
		respond_error(r, 500);
	} else if (e.count > 0) {
		r->status = 422;
		show(r, c, ch, (size_t)at, &t, from, MSG__MAX, &e);
	} else if ((rc = store(r, c, reset ? NULL : &t, ch->text[at])) == 0) {
		snprintf(where, sizeof(where),
		         "/editions/%lld/certificates/template?p=%d&done=%s",
		         (long long)c->edition.id, at,
		         reset ? "removed" : "saved");
		respond_redirect(r, where);
	} else {
		respond_error(r, rc == DB_CONFLICT ? 409 : 500);
	}
	db_cert_template_release(&t);
}

void
h_cert_template_save(struct req *r)
{
	struct db_cert_template old = { 0 };
	struct tpl_choices ch = { 0 };
	struct ctx c;
	int at, from;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	at = load_chosen(r, &c, true, &ch, &old, &from);
	if (at >= 0)
		save(r, &c, &ch, at, &old, from);
	db_cert_template_release(&old);
	tpl_choices_release(&ch);
	ctx_release(&c);
}

/* The PDF of `t` into r->out, to be shown in the template page's frame. */
static void
preview(struct req *r, const struct ctx *c, const struct db_cert_template *t)
{
	char err[160] = "";

	buf_reset(&r->out);
	if (tpl_preview(r, c, t, &r->out, err) != 0) {
		fprintf(stderr, "giamkhao: template preview: %s\n", err);
		buf_reset(&r->out);
		if (seal_refused(err))
			respond_error_why(r, 422, MSG_TPL_ERR_SEAL, "seal");
		else
			respond_error(r, 500);
		return;
	}
	r->type = "application/pdf";
	r->frame_self = true;
	snprintf(r->disposition, sizeof(r->disposition),
	         "inline; filename=\"mau-giay-chung-nhan.pdf\"");
}

void
h_cert_template_pdf(struct req *r)
{
	struct db_cert_template t = { 0 };
	struct tpl_choices ch = { 0 };
	struct ctx c;
	int from;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (load_chosen(r, &c, false, &ch, &t, &from) >= 0)
		preview(r, &c, &t);
	db_cert_template_release(&t);
	tpl_choices_release(&ch);
	ctx_release(&c);
}

/* The posted template's preview: nothing is stored. A field refused is
 * said in the frame, by name. */
void
h_cert_template_preview(struct req *r)
{
	struct db_cert_template old = { 0 }, t = { 0 };
	struct tpl_choices ch = { 0 };
	struct form_errors e;
	struct ctx c;
	int at, from;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	at = load_chosen(r, &c, true, &ch, &old, &from);
	if (at >= 0) {
		tpl_read(r, c.edition.program, ch.text[at], &old, &t, &e);
		r->frame_self = true; /* the answer lands in the frame */
		if (e.count > 0)
			respond_error_why(r, 422, e.msg[0], e.field[0]);
		else
			preview(r, &c, &t);
	}
	db_cert_template_release(&old);
	db_cert_template_release(&t);
	tpl_choices_release(&ch);
	ctx_release(&c);
}

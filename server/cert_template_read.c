/* cert_template_read.c: what the template page works with: the prizes a
 * template can be for, a template read from the posted form (each field
 * checked, named when refused), and the certificate a preview prints (the
 * prize's first, or a sample marked as such). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

#define SEAL_MAX  ((size_t)1 << 20)
#define TEXT_MAX  120 /* characters */
#define LINES_MAX 200

static void
choice_add(struct tpl_choices *ch, const char *prize)
{
	for (size_t i = 0; i < ch->n; i++)
		if (strcmp(ch->text[i], prize) == 0)
			return;
	ch->text = xreallocarray(ch->text, ch->n + 1, sizeof(*ch->text));
	snprintf(ch->text[ch->n++], sizeof(*ch->text), "%s", prize);
}

static int
cert_prize(const struct db_cert *c, void *arg)
{
	choice_add(arg, c->prize);
	return 0;
}

int
tpl_choices_load(struct req *r, const struct ctx *c, struct tpl_choices *ch)
{
	struct db_read *rd;
	size_t n = 0;
	const struct score_tier *tiers =
	    c->rubric != NULL ? prize_tiers(c->rubric, &n) : NULL;
	int rc;

	memset(ch, 0, sizeof(*ch));
	choice_add(ch, "");
	for (size_t i = 0; tiers != NULL && i < n; i++)
		choice_add(ch, tiers[i].title.vi);
	/* and what certificates print besides (a side prize) */
	rd = db_read_begin(r->app->db);
	rc = db_certs_each(rd, c->edition.id, cert_prize, ch);
	db_read_end(rd);
	ch->ptr = xcalloc(ch->n + 1, sizeof(*ch->ptr));
	for (size_t i = 0; i < ch->n; i++)
		ch->ptr[i] = ch->text[i];
	return rc;
}

int
tpl_choices_find(const struct tpl_choices *ch, const char *prize)
{
	for (size_t i = 0; prize != NULL && i < ch->n; i++)
		if (strcmp(ch->text[i], prize) == 0)
			return (int)i;
	return -1;
}

void
tpl_choices_release(struct tpl_choices *ch)
{
	free(ch->text);
	free(ch->ptr);
	memset(ch, 0, sizeof(*ch));
}

static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A text field into out (size bytes): required or not, at most `max`
 * characters and `lines` lines. */
static void
text(const struct form *f, const char *name, bool required, size_t max,
     int lines, char *out, size_t size, struct form_errors *e)
{
	const char *v = form_get(f, name);
	int n = 1;

	snprintf(out, size, "%s", v != NULL ? v : "");
	/* a textarea's line breaks arrive as CR LF */
	for (char *p = out; (p = strchr(p, '\r')) != NULL;)
		memmove(p, p + 1, strlen(p));
	for (const char *p = out; *p != '\0'; p++)
		n += *p == '\n';
	if ((required && out[strspn(out, " \n\t")] == '\0') ||
	    chars(out) > max || strlen(v != NULL ? v : "") >= size || n > lines)
		form_error(e, name,
		           lines > 1 ? MSG_TPL_ERR_LINES : MSG_TPL_ERR_TEXT);
}

static unsigned
colour(const struct form *f, const char *name, struct form_errors *e)
{
	const char *v = form_get(f, name);
	bool ok = v != NULL && strlen(v) == 7 && v[0] == '#';

	for (int i = 1; ok && i < 7; i++)
		ok = isxdigit((unsigned char)v[i]) != 0;
	if (!ok) {
		form_error(e, name, MSG_TPL_ERR_COLOUR);
		return 0;
	}
	return (unsigned)strtoul(v + 1, NULL, 16);
}

/* The seal: a new PNG sent, none (removed), or the one shown before. */
static void
seal(const struct req *r, const struct db_cert_template *shown,
     struct db_cert_template *t, struct form_errors *e)
{
	static const unsigned char png[8] = { 0x89, 'P',  'N',  'G',
		                              '\r', '\n', 0x1A, '\n' };
	const struct upload *u = NULL;
	const unsigned char *from = shown->seal;
	size_t len = shown->seal_len;

	for (size_t i = 0; i < r->nuploads; i++)
		if (strcmp(r->uploads[i].field, "seal") == 0 &&
		    r->uploads[i].data.len > 0)
			u = &r->uploads[i];
	if (u != NULL) {
		from = (const unsigned char *)u->data.data;
		len = u->data.len;
		if (len > SEAL_MAX || len < 8 || memcmp(from, png, 8) != 0) {
			form_error(e, "seal", MSG_TPL_ERR_SEAL);
			return;
		}
	} else if (form_get(&r->form, "remove_seal") != NULL) {
		from = NULL;
	}
	if (from != NULL && len > 0) {
		t->seal = xmalloc(len);
		memcpy(t->seal, from, len);
		t->seal_len = len;
	}
}

void
tpl_read(const struct req *r, const char *program, const char *prize,
         const struct db_cert_template *shown, struct db_cert_template *t,
         struct form_errors *e)
{
	const struct form *f = &r->form;

	memset(t, 0, sizeof(*t));
	form_errors_clear(e);
	snprintf(t->program, sizeof(t->program), "%s", program);
	snprintf(t->prize, sizeof(t->prize), "%s", prize);
	text(f, "heading", true, TEXT_MAX, 1, t->heading, sizeof(t->heading),
	     e);
	text(f, "lead", false, TEXT_MAX, 1, t->lead, sizeof(t->lead), e);
	text(f, "body", false, TEXT_MAX, 1, t->body, sizeof(t->body), e);
	text(f, "issuer", true, TEXT_MAX, 1, t->issuer, sizeof(t->issuer), e);
	text(f, "signer_title", true, LINES_MAX, 3, t->signer_title,
	     sizeof(t->signer_title), e);
	t->colour = colour(f, "colour", e);
	t->accent = colour(f, "accent", e);
	t->show_birth = form_get(f, "show_birth") != NULL;
	t->show_school = form_get(f, "show_school") != NULL;
	t->show_entry = form_get(f, "show_entry") != NULL;
	t->show_field = form_get(f, "show_field") != NULL;
	t->show_decision = form_get(f, "show_decision") != NULL;
	seal(r, shown, t, e);
}

struct first {
	const char *prize;
	struct db_cert *c;
	bool found;
};

static int
first_of(const struct db_cert *c, void *arg)
{
	struct first *f = arg;

	if (c->revoked_at != 0 ||
	    (*f->prize != '\0' && strcmp(c->prize, f->prize) != 0))
		return 0;
	*f->c = *c;
	f->found = true;
	return 1;
}

/* A certificate no one was given, for previewing before any is issued:
 * its serial says it is a sample and its code verifies as not valid. */
static void
sample(const struct ctx *c, const char *prize, struct db_cert *x)
{
	time_t now = time(NULL);
	struct tm tm;

	memset(x, 0, sizeof(*x));
	x->edition_id = c->edition.id;
	snprintf(x->recipient, sizeof(x->recipient), "Nguyễn Thị Minh Hằng");
	snprintf(x->birth_date, sizeof(x->birth_date), "12/03/2012");
	snprintf(x->school, sizeof(x->school), "Trường THCS Lê Quý Đôn");
	snprintf(x->entry_title, sizeof(x->entry_title),
	         "Máy tưới rau tự động dùng năng lượng mặt trời");
	snprintf(x->field, sizeof(x->field), "%s",
	         c->nfields > 0 ? c->fields[0].title : "Kỹ thuật");
	snprintf(x->prize, sizeof(x->prize), "%s",
	         *prize != '\0' ? prize : "Giải Nhất");
	snprintf(x->edition, sizeof(x->edition), "%s", c->edition.title);
	gmtime_r(&now, &tm);
	strftime(x->issued, sizeof(x->issued), "%Y-%m-%d", &tm);
	snprintf(x->decision, sizeof(x->decision), "…/QĐ ngày %02d/%02d/%d",
	         tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
	memset(x->code, '0', 112);
}

int
tpl_preview(struct req *r, const struct ctx *c,
            const struct db_cert_template *t, struct buf *out, char err[160])
{
	struct db_cert *x = xmalloc(sizeof(*x));
	struct first f = { t->prize, x, false };
	struct db_read *rd = db_read_begin(r->app->db);
	struct db_org org = { 0 };
	int rc = db_org_get(rd, &org);

	if (rc == 0 && db_certs_each(rd, c->edition.id, first_of, &f) < 0)
		rc = -1;
	db_read_end(rd);
	if (!f.found)
		sample(c, t->prize, x);
	if (rc == 0)
		rc = certs_preview(t, x, !f.found, &c->edition, &org, out, err);
	free(x);
	return rc;
}

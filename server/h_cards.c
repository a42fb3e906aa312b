/* h_cards.c: the judges' login cards of an edition: the organisers' page
 * (who has a card, which were used and from where) and printing new ones
 * as a PDF. The links' tokens and the short codes exist in clear only in
 * that PDF: the database keeps their hashes, so printing again means
 * issuing new cards (the unused old ones are revoked). */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* A card works for 90 days: from panels formed before receiving opens to
 * the last corrections of results. */
#define CARD_DAYS 90

struct cards {
	struct db_card *db;
	size_t n, cap;
};

static int
collect(const struct db_card *c, void *arg)
{
	struct cards *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->db = xreallocarray(l->db, l->cap, sizeof(*l->db));
	}
	l->db[l->n++] = *c;
	return 0;
}

static int
cards_load(struct req *r, int64_t edition, struct cards *l)
{
	struct db_read *rd = db_read_begin(r->app->db);
	int rc = db_cards_each(rd, edition, collect, l);

	db_read_end(rd);
	return rc;
}

/* "http://host[:port]" with nothing else: what a card may carry. */
static bool
site_ok(const char *s)
{
	size_t n, host;

	if (s == NULL || (n = strlen(s)) > 200)
		return false;
	if (strncmp(s, "http://", 7) == 0)
		host = 7;
	else if (n > 0 && strncmp(s, "https://", 8) == 0)
		host = 8;
	else
		return false;
	return n > host &&
	       strspn(s + host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS"
	                        "TUVWXYZ0123456789.-:[]") == n - host;
}

/* The address the organiser reached this server by: the tablets on the
 * same network reach it the same way. */
static void
default_site(struct req *r, char *out, size_t size)
{
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
	                                               MHD_HTTP_HEADER_HOST);

	snprintf(out, size, "%s://%s", r->app->secure ? "https" : "http",
	         host != NULL ? host : "127.0.0.1:8080");
	if (!site_ok(out))
		snprintf(out, size, "http://127.0.0.1:8080");
}

static enum card_state
state_of(const struct db_card *c, int64_t now)
{
	if (c->issued_at == 0)
		return CARD_NONE;
	if (c->used_at != 0)
		return CARD_USED;
	if (c->revoked_at != 0)
		return CARD_REVOKED;
	return c->expires_at <= now ? CARD_EXPIRED : CARD_ISSUED;
}

void
h_cards(struct req *r)
{
	int64_t now = (int64_t)time(NULL);
	struct cards l = { 0 };
	struct card_row *rows;
	char site[256];
	struct page p;
	struct ctx c;

	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (cards_load(r, c.edition.id, &l) != 0) {
		respond_error(r, 500);
		ctx_release(&c);
		return;
	}
	rows = xcalloc(l.n + 1, sizeof(*rows));
	for (size_t i = 0; i < l.n; i++) {
		const struct db_card *d = &l.db[i];

		rows[i] = (struct card_row){ d->expert_id, d->name,
			                     d->login,     d->panels,
			                     d->chairs,    state_of(d, now),
			                     d->issued_at, d->used_at,
			                     d->used_from, d->cards };
	}
	default_site(r, site, sizeof(site));
	p = req_page(r, T(r->lang, MSG_CARDS));
	page_cards(&r->out, &p, &c.view, rows, l.n, site,
	           ctx_can(r, &c, ACT_CARDS_ISSUE));
	free(rows);
	free(l.db);
	ctx_release(&c);
}

/* One card to print: its secrets in clear (for the PDF only) and their
 * hashes (for the database). */
struct issue {
	const struct db_card *judge;
	char token[44];
	uint8_t token_hash[32];
	char code[CARD_CODE_SIZE];
	uint8_t code_hash[32];
	char url[320], panels[1200];
};

static void
issue_new(struct issue *is, const struct db_card *judge, const char *site,
          enum score_lang lang)
{
	uint8_t raw[32];

	is->judge = judge;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(is->token, sizeof(is->token), raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_hash_sha256(is->token_hash, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	card_code_new(is->code, is->code_hash);
	snprintf(is->url, sizeof(is->url), "%s/enter?t=%s", site, is->token);
	if (*judge->chairs != '\0')
		snprintf(is->panels, sizeof(is->panels), "%s: %s (%s: %s)",
		         T(lang, MSG_PANELS), judge->panels,
		         T(lang, MSG_CARD_CHAIR), judge->chairs);
	else
		snprintf(is->panels, sizeof(is->panels), "%s: %s",
		         T(lang, MSG_PANELS), judge->panels);
}

static void
date_of(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		snprintf(out, size, "?");
	else
		strftime(out, size, "%d/%m/%Y", &tm);
}

/* The cards as a PDF in r->out; -1 (logged) when it cannot be made. */
static int
render(struct req *r, const struct ctx *c, const struct issue *is, size_t n,
       const char *site, int64_t expires)
{
	struct login_card *cards = xcalloc(n + 1, sizeof(*cards));
	char login[280], issued[16], until[16], err[160];
	struct pdf_fonts fonts;
	int rc;

	snprintf(login, sizeof(login), "%s/login", site);
	date_of((int64_t)time(NULL), issued, sizeof(issued));
	date_of(expires, until, sizeof(until));
	for (size_t i = 0; i < n; i++)
		cards[i] = (struct login_card){ is[i].judge->name,
			                        is[i].panels,
			                        c->edition.title,
			                        c->edition.org_name,
			                        is[i].url,
			                        is[i].code,
			                        login,
			                        issued,
			                        until };
	rc = fonts_get(&fonts);
	if (rc != 0)
		snprintf(err, sizeof(err), "the PDF fonts are not available");
	else
		rc = pdf_login_cards(&fonts, cards, n, &r->out, err);
	if (rc != 0)
		fprintf(stderr, "giamkhao: login cards: %s\n", err);
	free(cards);
	return rc;
}

/* Records the cards (and any judge account they need) in one
 * transaction; a code drawn twice is drawn again. */
static int
record(struct req *r, const struct ctx *c, struct issue *is, size_t n,
       int64_t expires, bool reissue)
{
	struct db_actor who = { r->actor.user_id, r->address };
	struct db_tx *tx = db_begin(r->app->db, &who);
	int rc = tx != NULL ? ctx_recheck(tx, r, c->edition.id, ACT_CARDS_ISSUE)
	                    : -1;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		int64_t user = 0;

		rc = db_judge_user(tx, is[i].judge->expert_id,
		                   is[i].judge->name, &user);
		/* a code drawn twice (1 in 2^40 per live card) is drawn
		 * again, before the PDF is made from the stored values */
		for (int tries = 0; rc == 0; tries++) {
			rc = db_card_issue(tx, user, c->edition.id,
			                   is[i].token_hash, is[i].code_hash,
			                   expires, reissue);
			if (rc != DB_DUPLICATE)
				break;
			rc = tries < 3 ? 0 : -1;
			card_code_new(is[i].code, is[i].code_hash);
		}
	}
	if (rc != 0) {
		db_rollback(tx);
		return rc;
	}
	return db_commit(tx);
}

void
h_cards_issue(struct req *r)
{
	const char *site = form_get(&r->form, "site");
	const char *expert_text = form_get(&r->form, "expert");
	int64_t expert = expert_text ? strtoll(expert_text, NULL, 10) : 0;
	int64_t expires = (int64_t)time(NULL) + (int64_t)CARD_DAYS * 86400;
	struct cards l = { 0 };
	struct issue *is = NULL;
	size_t n = 0;
	struct ctx c;
	int rc;

	if (!session_csrf_ok(r)) {
		respond_error(r, 403);
		return;
	}
	if (ctx_load(r, r->ids[0], &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_CARDS_ISSUE)) {
		respond_error(r, 409);
		goto out;
	}
	if (!site_ok(site) || cards_load(r, c.edition.id, &l) != 0) {
		respond_error(r, site_ok(site) ? 500 : 400);
		goto out;
	}
	is = xcalloc(l.n + 1, sizeof(*is));
	for (size_t i = 0; i < l.n; i++)
		if (expert == 0 || l.db[i].expert_id == expert)
			issue_new(&is[n++], &l.db[i], site, r->lang);
	if (n == 0) {
		/* not a judge of this edition */
		respond_error(r, expert != 0 ? 404 : 409);
		goto out;
	}
	buf_reset(&r->out);
	rc = record(r, &c, is, n, expires, expert != 0);
	if (rc == 0)
		rc = render(r, &c, is, n, site, expires);
	if (rc != 0) {
		buf_reset(&r->out);
		respond_error(r, rc == 1 ? 409 : 500);
		goto out;
	}
	r->type = "application/pdf";
	snprintf(r->disposition, sizeof(r->disposition),
	         "attachment; filename=\"the-dang-nhap-%lld%s.pdf\"",
	         (long long)c.edition.id, expert != 0 ? "-1" : "");
out:
	if (is != NULL)
		sodium_memzero(is, (l.n + 1) * sizeof(*is));
	free(is);
	free(l.db);
	ctx_release(&c);
}

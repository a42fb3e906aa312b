/* certs_issue.c: issuing a decided edition's certificates in one
 * transaction. What the award decision's list gives (certs_plan.c) is
 * compared with what stands issued: a certificate printing the same facts
 * stays; one whose facts changed (a correction) is revoked as superseded
 * and linked to its replacement; one the list no longer gives is revoked
 * as superseded; a new one is signed and stored. Every row is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../certificates/vcode.h"
#include "server.h"

void
certs_facts(const struct db_cert *c, char serial[16], struct vcode_facts *f)
{
	snprintf(serial, 16, "%06lld", (long long)c->id);
	*f = (struct vcode_facts){ serial,     c->recipient, c->entry, c->prize,
		                   c->edition, c->decision,  c->issued };
}

/* Does a standing certificate print what the plan says? */
static bool
same_facts(const struct db_cert *c, const struct cert_item *it)
{
	return strcmp(c->entry, it->entry) == 0 &&
	       strcmp(c->entry_title, it->entry_title) == 0 &&
	       strcmp(c->field, it->field) == 0 &&
	       strcmp(c->prize, it->prize) == 0 &&
	       strcmp(c->edition, it->edition) == 0 &&
	       strcmp(c->decision, it->decision) == 0 &&
	       strcmp(c->birth_date, it->birth_date) == 0 &&
	       strcmp(c->school, it->school) == 0;
}

/* The same recipient for the same entry: the one a new one replaces. */
static bool
same_place(const struct db_cert *c, const struct cert_item *it)
{
	return strcmp(c->entry_code, it->entry_code) == 0 &&
	       strcmp(c->recipient, it->recipient) == 0 &&
	       c->collective == it->collective;
}

struct standing {
	struct db_cert *c;
	bool *used;
	size_t n;
};

static int
collect(const struct db_cert *c, void *arg)
{
	struct standing *s = arg;

	if (c->revoked_at != 0)
		return 0;
	s->c = xreallocarray(s->c, s->n + 1, sizeof(*s->c));
	s->c[s->n++] = *c;
	return 0;
}

struct issuing {
	struct db_tx *tx;
	struct keyring *kr;
	unsigned key_id;
	const struct db_edition *e;
	int64_t posting, by;
	char today[16];
};

/* Signs and stores a new certificate for `it`. */
static int
issue_one(struct issuing *is, const struct cert_item *it, int64_t *id)
{
	struct db_cert *c = xcalloc(1, sizeof(*c));
	struct vcode_facts f;
	struct vcode code;
	unsigned char digest[32];
	char serial[16];
	int rc = db_cert_next_serial(is->tx, &c->id);

	c->edition_id = is->e->id;
	c->posting_id = is->posting;
	snprintf(c->entry_code, sizeof(c->entry_code), "%s", it->entry_code);
	c->collective = it->collective;
	snprintf(c->recipient, sizeof(c->recipient), "%s", it->recipient);
	snprintf(c->birth_date, sizeof(c->birth_date), "%s", it->birth_date);
	snprintf(c->school, sizeof(c->school), "%s", it->school);
	snprintf(c->entry, sizeof(c->entry), "%s", it->entry);
	snprintf(c->entry_title, sizeof(c->entry_title), "%s", it->entry_title);
	snprintf(c->field, sizeof(c->field), "%s", it->field);
	snprintf(c->prize, sizeof(c->prize), "%s", it->prize);
	snprintf(c->edition, sizeof(c->edition), "%s", it->edition);
	snprintf(c->decision, sizeof(c->decision), "%s", it->decision);
	snprintf(c->issued, sizeof(c->issued), "%s", is->today);
	c->key_id = is->key_id;
	c->created_at = (int64_t)time(NULL);
	c->created_by = is->by;
	certs_facts(c, serial, &f);
	if (rc == 0 && (c->id < 1 || c->id > (int64_t)UINT32_MAX ||
	                vcode_facts_digest(&f, digest) != 0 ||
	                keys_sign_with(is->kr, is->key_id, (uint32_t)c->id,
	                               digest, &code) != 0))
		rc = -1;
	if (rc == 0) {
		memcpy(c->signature, code.sig, sizeof(c->signature));
		vcode_encode(&code, c->code);
		rc = db_cert_add(is->tx, c);
	}
	*id = c->id;
	free(c);
	return rc;
}

/* Issues what the plan gives against the standing certificates. */
static int
reconcile(struct issuing *is, const struct cert_item *items, size_t n,
          struct standing *s, struct certs_outcome *out)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		size_t k = 0;
		int64_t id = 0;

		while (k < s->n &&
		       (s->used[k] || !same_place(&s->c[k], &items[i])))
			k++;
		if (k < s->n && same_facts(&s->c[k], &items[i])) {
			s->used[k] = true;
			out->kept++;
			continue;
		}
		rc = issue_one(is, &items[i], &id);
		out->issued += rc == 0;
		if (rc == 0 && k < s->n) {
			s->used[k] = true;
			rc = db_cert_revoke(is->tx, s->c[k].id, "superseded",
			                    id);
			out->superseded += rc == 0;
		}
	}
	/* no longer on the list (a prize withdrawn by a correction) */
	for (size_t k = 0; rc == 0 && k < s->n; k++)
		if (!s->used[k]) {
			rc =
			    db_cert_revoke(is->tx, s->c[k].id, "superseded", 0);
			out->superseded += rc == 0;
		}
	return rc;
}

/* Is the key chosen before the transaction still one to sign with? */
struct key_check {
	unsigned id;
	bool active;
};

static int
key_state(const struct db_signing_key *k, void *arg)
{
	struct key_check *kc = arg;

	if (k->id == kc->id)
		kc->active = k->retired_at == 0 && k->revoked_at == 0;
	return 0;
}

static int
key_still_active(struct db_tx *tx, unsigned id)
{
	struct key_check kc = { id, false };

	if (db_key_each_tx(tx, key_state, &kc) != 0)
		return -1;
	return kc.active ? 0 : DB_CONFLICT; /* retired meanwhile: again */
}

static void
today(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, 16, "%Y-%m-%d", &tm) == 0)
		snprintf(out, 16, "1970-01-01");
}

int
certs_issue(struct db *db, struct keyring *kr, const struct db_actor *who,
            const struct db_edition *e, bool collective,
            struct certs_outcome *out)
{
	struct issuing is = { .kr = kr, .e = e, .by = who->user_id };
	struct standing s = { 0 };
	struct cert_item *items = NULL;
	struct db_posting p = { 0 };
	struct db_read *rd = db_read_begin(db);
	size_t n = 0;
	int rc = certs_plan(rd, e, collective, &items, &n);
	int64_t planned = 0;

	memset(out, 0, sizeof(*out));
	if (rc == 0)
		rc = db_posting_current(rd, e->id, &p);
	planned = p.id;
	db_read_end(rd);
	if (rc == 0)
		rc = keys_current(kr, db, who, &is.key_id);
	today(is.today);
	is.tx = rc == 0 ? db_begin(db, who) : NULL;
	if (rc == 0 && is.tx == NULL)
		rc = -1;
	/* the list is the one planned from: a correction meanwhile means
	 * planning again */
	if (rc == 0 && db_posting_current_tx(is.tx, e->id, &p) != 0)
		rc = -1;
	if (rc == 0 && (p.id != planned || p.decided_at == 0))
		rc = DB_CONFLICT;
	is.posting = p.id;
	if (rc == 0)
		rc = key_still_active(is.tx, is.key_id);
	if (rc == 0)
		rc = db_certs_each_tx(is.tx, e->id, collect, &s);
	s.used = xcalloc(s.n + 1, sizeof(*s.used));
	if (rc == 0)
		rc = reconcile(&is, items, n, &s, out);
	if (is.tx != NULL)
		rc = rc == 0 ? db_commit(is.tx) : (db_rollback(is.tx), rc);
	free(s.c);
	free(s.used);
	free(items);
	return rc;
}

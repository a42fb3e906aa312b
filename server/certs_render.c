/* certs_render.c: an issued certificate as the renderer prints it: its
 * stored facts, the edition's issuing body and signatory, place and date
 * in words, the QR's upper-case URL on the organisation's public address
 * and the short code, in the look of its template. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../certificates/vcode.h"
#include "server.h"

/* The public address's scheme and host in capitals ("HTTPS://LHH.HA
 * GIANG.GOV.VN"): the QR's alphanumeric mode has no small letters, and
 * scheme and host are case-insensitive (a path would not be). */
static void
site_of(const char *public_url, char *out, size_t size)
{
	const char *host = strstr(public_url, "://");
	size_t scheme = host != NULL ? (size_t)(host - public_url) : 0;
	size_t n = 0;

	host = host != NULL ? host + 3 : public_url;
	for (size_t i = 0; i < scheme && n + 1 < size; i++)
		out[n++] = (char)toupper((unsigned char)public_url[i]);
	if (scheme == 0) {
		snprintf(out, size, "HTTPS");
		n = 5;
	}
	for (const char *p = "://"; *p != '\0' && n + 1 < size; p++)
		out[n++] = *p;
	for (; *host != '\0' && *host != '/' && n + 1 < size; host++)
		out[n++] = (char)toupper((unsigned char)*host);
	out[n] = '\0';
}

void
certs_doc(const struct db_cert *c, const struct db_edition *e,
          const struct db_org *org, const struct db_cert_template *t,
          struct cert_strings *s, struct cert_doc *d)
{
	const char *iso = c->issued; /* YYYY-MM-DD, as stored */
	char site[160];

	site_of(org->public_url, site, sizeof(site));
	if (strlen(iso) == 10)
		snprintf(s->place_date, sizeof(s->place_date),
		         "%s, ngày %.2s tháng %.2s năm %.4s", e->org_province,
		         iso + 8, iso + 5, iso);
	else
		snprintf(s->place_date, sizeof(s->place_date), "%s, %s",
		         e->org_province, iso);
	snprintf(s->decision, sizeof(s->decision), "Quyết định số %s",
	         c->decision);
	snprintf(s->url, sizeof(s->url), "%s/V/%s", site, c->code);
	vcode_short((uint32_t)c->id, s->short_code);
	snprintf(s->serial, sizeof(s->serial), "Số: %06lld/GCN",
	         (long long)c->id);
	*d = (struct cert_doc){
		.issuer = t->issuer,
		.parent = e->org_name,
		.recipient = c->recipient,
		.birth_date = c->birth_date,
		.school = c->school,
		.entry_title = c->entry_title,
		.field = c->field,
		.prize = c->prize,
		.edition = c->edition,
		.decision = s->decision,
		.place_date = s->place_date,
		.signer_title = t->signer_title,
		.signer = e->signatory,
		.url = s->url,
		.short_code = s->short_code,
		.serial = s->serial,
	};
}

int
certs_pdf(const struct certs_looks *looks, const struct db_cert *certs,
          size_t n, bool one_file, const struct certs_ctx *x, struct buf *out,
          char err[160])
{
	struct cert_strings *s = xcalloc(n + 1, sizeof(*s));
	struct cert_doc *docs = xcalloc(n + 1, sizeof(*docs));
	struct cert_template *t = xcalloc(n + 1, sizeof(*t));
	struct pdf_fonts fonts;
	int rc = fonts_serif(&fonts);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		size_t at = 0;
		const struct db_cert_template *row =
		    certs_looks_row(looks, certs[i].prize, &at);

		if (row == NULL) {
			snprintf(err, 160,
			         "no template loaded for the prize %s",
			         certs[i].prize);
			rc = -1;
			break;
		}
		certs_doc(&certs[i], x->edition, x->org, row, &s[i], &docs[i]);
		t[i] = looks->views[at];
	}
	if (rc == 0)
		rc = pdf_certificates(&fonts, t, docs, one_file ? n : 1,
		                      x->progress, x->arg, out, err);
	free(s);
	free(docs);
	free(t);
	return rc;
}

int
certs_preview(const struct db_cert_template *t, const struct db_cert *c,
              bool sample, const struct db_edition *e, const struct db_org *org,
              struct buf *out, char err[160])
{
	struct cert_strings s;
	struct cert_template look;
	struct cert_doc d;
	struct pdf_fonts fonts;

	if (fonts_serif(&fonts) != 0) {
		snprintf(err, 160, "the certificate fonts are missing");
		return -1;
	}
	certs_doc(c, e, org, t, &s, &d);
	if (sample)
		d.serial = "MẪU – bản xem trước";
	certs_template_view(t, &look);
	return pdf_certificate(&fonts, &look, &d, out, err);
}

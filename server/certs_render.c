/* certs_render.c: an issued certificate as the renderer prints it: its
 * stored facts, the edition's issuing body and signatory, place and date
 * in words, the QR's upper-case URL on the organisation's public address
 * and the short code; and the look each program's certificates have
 * until the organiser's own template takes over. */
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
          const struct db_org *org, struct cert_strings *s, struct cert_doc *d)
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
		.issuer = "BAN TỔ CHỨC",
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
		.signer_title = "TM. BAN TỔ CHỨC\nTRƯỞNG BAN",
		.signer = e->signatory,
		.url = s->url,
		.short_code = s->short_code,
		.serial = s->serial,
	};
}

void
certs_template(const struct db_edition *e, struct cert_template *t)
{
	bool youth = strcmp(e->program, "youth-creativity") == 0;
	bool person = strcmp(e->program, "honouring") == 0;

	*t = (struct cert_template){
		.heading = "GIẤY CHỨNG NHẬN",
		.lead = "Chứng nhận",
		.body = person ? "" : "Đã đạt",
		.colour = 0xA61C1C,
		.show_birth = youth,
		.show_school = youth,
		.show_entry = !person,
		.show_field = !person,
	};
}

int
certs_pdf(const struct db_cert *certs, size_t n, bool one_file,
          const struct db_edition *e, const struct db_org *org, struct buf *out,
          char err[160])
{
	struct cert_strings *s = xcalloc(n + 1, sizeof(*s));
	struct cert_doc *docs = xcalloc(n + 1, sizeof(*docs));
	struct cert_template t;
	struct pdf_fonts fonts;
	int rc = fonts_serif(&fonts);

	certs_template(e, &t);
	for (size_t i = 0; i < n; i++)
		certs_doc(&certs[i], e, org, &s[i], &docs[i]);
	if (rc == 0)
		rc = one_file ? pdf_certificates(&fonts, &t, docs, n, out, err)
		              : pdf_certificate(&fonts, &t, docs, out, err);
	free(s);
	free(docs);
	return rc;
}

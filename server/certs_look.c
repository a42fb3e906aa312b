/* certs_look.c: the look certificates print in: the organiser's template
 * for the prize, else the program's, else the look each program has
 * built in; and the looks of a batch that mixes prizes, loaded before
 * rendering (the renderer reads no database). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

#define RED 0xA61C1C

void
certs_builtin_template(const char *program, struct db_cert_template *t)
{
	bool youth = strcmp(program, "youth-creativity") == 0;
	bool person = strcmp(program, "honouring") == 0;

	memset(t, 0, sizeof(*t));
	snprintf(t->program, sizeof(t->program), "%s", program);
	snprintf(t->heading, sizeof(t->heading), "GIẤY CHỨNG NHẬN");
	snprintf(t->lead, sizeof(t->lead), "Chứng nhận");
	/* a person honoured for themselves has no "Đã đạt" before it */
	snprintf(t->body, sizeof(t->body), "%s", person ? "" : "Đã đạt");
	snprintf(t->issuer, sizeof(t->issuer), "BAN TỔ CHỨC");
	snprintf(t->signer_title, sizeof(t->signer_title),
	         "TM. BAN TỔ CHỨC\nTRƯỞNG BAN");
	t->colour = t->accent = RED;
	t->show_birth = t->show_school = youth;
	t->show_entry = t->show_field = !person;
	t->show_decision = true;
}

int
certs_template_find(struct db_read *rd, const char *program, const char *prize,
                    struct db_cert_template *out, int *from)
{
	int rc = *prize != '\0' ? db_cert_template_get(rd, program, prize, out)
	                        : DB_NOTFOUND;

	*from = 2;
	if (rc == DB_NOTFOUND) {
		*from = 1;
		rc = db_cert_template_get(rd, program, "", out);
	}
	if (rc == DB_NOTFOUND) {
		*from = 0;
		certs_builtin_template(program, out);
		rc = 0;
	}
	return rc;
}

void
certs_template_view(const struct db_cert_template *d, struct cert_template *t)
{
	*t = (struct cert_template){
		.heading = d->heading,
		.lead = d->lead,
		.body = d->body,
		.colour = d->colour,
		.accent = d->accent,
		.show_birth = d->show_birth,
		.show_school = d->show_school,
		.show_entry = d->show_entry,
		.show_field = d->show_field,
		.show_decision = d->show_decision,
		.seal_png = d->seal,
		.seal_len = d->seal_len,
	};
}

int
certs_looks_load(struct db_read *rd, const char *program,
                 const struct db_cert *certs, size_t n, struct certs_looks *l)
{
	int from, rc = 0;

	memset(l, 0, sizeof(*l));
	for (size_t i = 0; rc == 0 && i < n; i++) {
		size_t at;

		if (certs_looks_row(l, certs[i].prize, &at) != NULL)
			continue;
		l->rows = xreallocarray(l->rows, l->n + 1, sizeof(*l->rows));
		l->prize = xreallocarray(l->prize, l->n + 1, sizeof(*l->prize));
		snprintf(l->prize[l->n], sizeof(*l->prize), "%s",
		         certs[i].prize);
		rc = certs_template_find(rd, program, certs[i].prize,
		                         &l->rows[l->n], &from);
		if (rc == 0)
			l->n++;
	}
	/* the views point into the rows: made once the rows stay put */
	l->views = xcalloc(l->n + 1, sizeof(*l->views));
	for (size_t i = 0; i < l->n; i++)
		certs_template_view(&l->rows[i], &l->views[i]);
	if (rc != 0)
		certs_looks_release(l);
	return rc;
}

const struct db_cert_template *
certs_looks_row(const struct certs_looks *l, const char *prize, size_t *at)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->prize[i], prize) == 0) {
			*at = i;
			return &l->rows[i];
		}
	return NULL;
}

void
certs_looks_release(struct certs_looks *l)
{
	for (size_t i = 0; i < l->n; i++)
		db_cert_template_release(&l->rows[i]);
	free(l->rows);
	free(l->prize);
	free(l->views);
	memset(l, 0, sizeof(*l));
}

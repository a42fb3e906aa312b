/* h_exports.c: a snapshot's results as the organisers file them: the
 * table as CSV (for any spreadsheet) and as an Excel workbook, and the
 * printable PDF report with the panels' signature lines and the annex of
 * prizes and their money (for a ballot: the tallies, the vote count
 * minutes and the selected works). Organisers only, like the snapshot's
 * files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

enum export_kind {
	EXPORT_CSV,
	EXPORT_XLSX,
	EXPORT_PDF,
	EXPORT__MAX,
};

static const char *const export_names[EXPORT__MAX] = {
	"results.csv",
	"results.xlsx",
	"report.pdf",
};

static const char *const export_types[EXPORT__MAX] = {
	"text/csv; charset=utf-8",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/pdf",
};

/* A record's numbers as text, for the cells that point into them. */
struct csv_numbers {
	char rank[16], a[32], b[32];
};

/* A scored entry: field, rank, code, ..., score, prize, money, status. */
static void
score_cells(const struct report_row *w, struct csv_numbers *n,
            const char *cells[11])
{
	const char *c[11] = {
		w->field,   n->rank,         w->code,  w->title,
		w->authors, w->organisation, w->score, w->prize,
		n->a,       w->status,       w->flags,
	};

	if (w->has_money)
		snprintf(n->a, sizeof(n->a), "%lld", w->money);
	memcpy(cells, c, sizeof(c));
}

/* A ballot's dossier: rank, code, ..., yes, no, share, proposed, final. */
static void
ballot_cells(const struct report_row *w, struct csv_numbers *n,
             const char *cells[11])
{
	const char *c[11] = {
		n->rank,         w->code,  w->title, w->authors,
		w->organisation, n->a,     n->b,     w->share,
		w->proposed,     w->prize, w->flags,
	};

	snprintf(n->a, sizeof(n->a), "%lld", w->yes);
	snprintf(n->b, sizeof(n->b), "%lld", w->no);
	memcpy(cells, c, sizeof(c));
}

/* The table, one record per entry, scopes in the rubric's order. */
static void
render_csv(const struct report *rep, struct buf *out)
{
	void (*cells_of)(const struct report_row *, struct csv_numbers *,
	                 const char *[11]) =
	    rep->ballot != NULL ? ballot_cells : score_cells;

	csv_bom(out);
	csv_row(out, rep->columns, 11);
	for (size_t s = 0; s < rep->nscopes; s++)
		for (size_t i = 0; i < rep->scopes[s].nrows; i++) {
			const struct report_row *w = &rep->scopes[s].rows[i];
			struct csv_numbers n = { "", "", "" };
			const char *cells[11];

			if (w->rank > 0)
				snprintf(n.rank, sizeof(n.rank), "%d", w->rank);
			cells_of(w, &n, cells);
			csv_row(out, cells, 11);
		}
}

static int
render(enum export_kind kind, const struct report *rep, struct buf *out)
{
	struct pdf_fonts fonts;
	char err[160] = "";
	int rc = 0;

	switch (kind) {
	case EXPORT_CSV:
		render_csv(rep, out);
		rc = out->overflow ? -1 : 0;
		snprintf(err, sizeof(err), "the table is too large");
		break;
	case EXPORT_XLSX:
		rc = xlsx_results(rep, out, err);
		break;
	case EXPORT_PDF:
		rc = fonts_get(&fonts);
		if (rc != 0)
			snprintf(err, sizeof(err), "the PDF fonts are missing");
		else
			rc = pdf_results_report(&fonts, rep, out, err);
		break;
	case EXPORT__MAX:
		rc = -1;
		break;
	}
	if (rc != 0)
		fprintf(stderr, "giamkhao: %s: %s\n", export_names[kind], err);
	return rc;
}

/* Loads the snapshot's report and renders it as the response. */
static void export(struct req *r, const struct ctx *c,
                   const struct db_snapshot *s, enum export_kind kind)
{
	struct db_read *rd = db_read_begin(r->app->db);
	struct report_data *d = report_data_load(rd, s, &c->edition);

	db_read_end(rd);
	buf_reset(&r->out);
	if (d == NULL || render(kind, report_data_report(d), &r->out) != 0) {
		if (d == NULL)
			fprintf(stderr,
			        "giamkhao: snapshot %lld: cannot be "
			        "computed again for its exports\n",
			        (long long)s->id);
		respond_error(r, 500);
	} else {
		r->type = export_types[kind];
		snprintf(r->disposition, sizeof(r->disposition),
		         "attachment; filename=\"snapshot-%lld-%s\"",
		         (long long)s->id, export_names[kind]);
	}
	report_data_free(d);
}

/* The snapshot asked for, its edition, and can() on them: a snapshot
 * the user may not export is "not found". */
static void
export_snapshot(struct req *r, enum export_kind kind)
{
	struct db_snapshot s;
	struct ctx c;

	if (snapshot_load(r, &s, &c) != 0)
		return;
	if (!ctx_can(r, &c, ACT_RESULTS_EXPORT))
		respond_error(r, 404);
	else
		export(r, &c, &s, kind);
	ctx_release(&c);
	db_snapshot_release(&s);
}

void
h_export_csv(struct req *r)
{
	export_snapshot(r, EXPORT_CSV);
}

void
h_export_xlsx(struct req *r)
{
	export_snapshot(r, EXPORT_XLSX);
}

void
h_export_pdf(struct req *r)
{
	export_snapshot(r, EXPORT_PDF);
}

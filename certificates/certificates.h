/* certificates.h: printed documents as PDF (libharu) with QR codes
 * (libqrencode): the judges' login cards; certificates and reports build
 * on the same pieces; the results as a spreadsheet (libxlsxwriter).
 * Renders into buffers: no HTTP, no SQL, no files other than the fonts it
 * is given (and the spreadsheet's own private temporary directory, which
 * libxlsxwriter needs and which is removed before it returns). */
#ifndef GIAMKHAO_CERTIFICATES_H
#define GIAMKHAO_CERTIFICATES_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/common.h"

/* The TrueType files to embed (paths; libharu reads only files). */
struct pdf_fonts {
	const char *regular;
	const char *bold;
};

/* One judge's login card. Every text is UTF-8; it is checked and
 * normalised to NFC before it reaches libharu. */
struct login_card {
	const char *name;    /* the judge */
	const char *panels;  /* their panels in the edition */
	const char *edition; /* the edition's title */
	const char *org;     /* the organising body */
	const char *url;     /* the single-use login link, in the QR code */
	const char *code;    /* the short code to type instead ("K7QM-2XHD") */
	const char *site; /* where to type it ("http://10.0.0.2:8080/login") */
	const char *issued;  /* the issue date as printed ("26/11/2026") */
	const char *expires; /* the last day it works ("25/01/2027") */
};

/* Login cards, A6, four to an A4 page with cut marks, appended to `out`
 * as one PDF. 0, or -1 with `err` saying what failed (a text that is not
 * UTF-8, a font that does not load, a link too long for a QR code). */
int pdf_login_cards(const struct pdf_fonts *fonts,
                    const struct login_card *cards, size_t n, struct buf *out,
                    char err[160]);

/* ---- The results of a snapshot as documents (report.c, xlsx.c) ---------- */

/* One entry of the results table. Strings are borrowed, UTF-8 (NFC is
 * checked before they reach a PDF or a spreadsheet); "" when empty. */
struct report_row {
	const char *field; /* its field's title */
	int rank;          /* 0: unranked */
	const char *code, *title, *authors, *organisation;
	bool has_score;
	const char *score;    /* as published, with the rubric's decimals */
	double score_value;   /* the same number, for spreadsheets */
	const char *prize;    /* the prize's title after the committee's
	                         decisions, "" for none */
	const char *proposed; /* the computed one, before them */
	bool decided;         /* the committee decided on it */
	bool has_money;
	long long money;    /* the prize's money in đồng */
	bool insufficient;  /* too few judges: a score but no rank */
	const char *status; /* said in words */
	const char *flags;  /* "đồng hạng; ..." */
	/* a ballot's tally (struct report.ballot): */
	long long yes, no;
	bool cusp;         /* a tie the cap cuts through: the council decides */
	const char *share; /* yes / (yes + no), 4 decimals: "0.7500" */
	double share_value; /* the same number, for spreadsheets */
};

/* A scope of the ranking: a field (or the whole contest) and its rows in
 * rank order. */
struct report_scope {
	const char *title;
	const struct report_row *rows;
	size_t nrows;
};

/* A judge of a panel, for the signature lines. */
struct report_judge {
	const char *name;
	const char *unit;
	bool chair;
};

struct report_panel {
	const char *name;
	const struct report_judge *judges;
	size_t njudges;
};

/* How a ballot selects (design.md rule 9), for the vote count minutes. */
struct report_ballot {
	const char *outcome; /* what being selected is called ("Được chọn") */
	const char *share;      /* the threshold as written ("0.5") */
	bool at_least;          /* share >= threshold, else share > threshold */
	long long max_selected; /* -1: no cap */
	long long cast;         /* the members who cast their ballot */
};

/* Everything the results documents show. */
struct report {
	const char *org;      /* the organising body */
	const char *province; /* where it is signed */
	const char *edition;  /* the edition's title */
	const char *signatory, *signatory_title;
	long long snapshot;   /* the snapshot's number */
	const char *date;     /* "26/11/2026 14:05": when it was computed */
	int day, month, year; /* the same date, for "ngày 26 tháng 11..." */
	const char *sha256;   /* the results' SHA-256, in hex */
	const char *decision; /* the award decision on this snapshot ("số
	                         123/QĐ-LHH ngày 26/11/2026"), or NULL */
	int decimals;         /* of the scores, or of a ballot's shares */
	bool has_money;       /* some prize carries money */
	/* NULL for scores; a ballot's tallies replace them (one scope, the
	 * whole edition, and no score, money nor status) */
	const struct report_ballot *ballot;
	const char *columns[11]; /* the table's headings: field, rank, code,
	                            title, authors, organisation, score,
	                            prize, money, status, flags; for a
	                            ballot: rank, code, title, authors,
	                            organisation, yes, no, share, proposed,
	                            final, flags */
	const struct report_scope *scopes;
	size_t nscopes;
	const struct report_panel *panels;
	size_t npanels;
};

/* The summary of the results (biên bản tổng hợp kết quả chấm), A4, in
 * Vietnamese: per scope a table, each panel's judges with signature lines,
 * then the annex listing the proposed prizes with their money and the
 * total (no money column when no prize carries money). For a ballot, the
 * vote count minutes (biên bản kiểm phiếu) instead: the rule, each
 * dossier's tally and share, the signatures, then the annex of the
 * selected works. Appended to `out`; 0, or -1 with `err` saying what
 * failed. */
int pdf_results_report(const struct pdf_fonts *fonts, const struct report *r,
                       struct buf *out, char err[160]);

/* The results as an XLSX workbook: a header block and the table on one
 * worksheet per scope (a ballot has one), numbers as numbers, the heading
 * row frozen.
 * Appended to `out`; 0, or -1 with `err` saying what failed. */
int xlsx_results(const struct report *r, struct buf *out, char err[160]);

/* The QR code of `text` as modules (1 = dark), row by row, at error
 * correction level M (8-bit mode), without the quiet zone: *width modules
 * a side; free() the result. NULL when the text does not fit. */
unsigned char *qr_modules(const char *text, int *width);

#endif

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
	const char *regular; /* TrueType files by path... */
	const char *bold;
	/* ...or, when not NULL, in memory (read a great deal faster) */
	const unsigned char *regular_data, *bold_data;
	size_t regular_len, bold_len;
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

/* ---- Certificates (cert_pdf.c, cert_layout.c) ------------------------- */

/* What a certificate prints. Strings borrowed, UTF-8 (checked and NFC'd
 * before libharu), "" when absent. */
struct cert_doc {
	const char *issuer; /* "BAN TỔ CHỨC HỘI THI SÁNG TẠO KỸ THUẬT
	                       TỈNH HÀ GIANG" (printed in capitals) */
	const char *parent;      /* the body above it, e.g. "LIÊN HIỆP CÁC
	                            HỘI KH&KT TỈNH HÀ GIANG" (may be "") */
	const char *recipient;   /* the person (or collective) */
	const char *birth_date;  /* "12/03/2012" for the youth contest */
	const char *school;      /* for the youth contest, else "" */
	const char *entry_title; /* the work's title ("" for a person
	                            honoured for themselves) */
	const char *field;       /* its field's title */
	const char *prize; /* "Giải Nhì", "Được chọn vào Sách vàng
	                      Sáng tạo Việt Nam"... */
	const char *edition; /* "Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang
	                        lần thứ 11, năm 2026" */
	const char *decision;   /* "Quyết định số 45/QĐ-LHH ngày
	                           20/12/2026" */
	const char *place_date; /* "Hà Giang, ngày 26 tháng 12 năm 2026" */
	const char *signer_title; /* "TM. BAN TỔ CHỨC\nTRƯỞNG BAN" (lines
	                             split on \n) */
	const char *signer;       /* "Nguyễn Văn Thanh" */
	const char *url;          /* the QR's content: an upper-case
	                             "HTTPS://HOST/V/CODE" */
	const char *short_code;   /* printed under the QR, "GK-0000123-7Q" */
	const char *serial;       /* "Số: 000123/GCN", printed small */
};

/* The look of a program's (and tier's) certificates, editable by the
 * organiser. */
struct cert_template {
	const char *heading; /* "GIẤY CHỨNG NHẬN" (or "BẰNG KHEN"...) */
	const char *lead;    /* the line before the name: "Chứng nhận" */
	const char *body;    /* before the prize, "Đã đạt" (may be "") */
	unsigned colour;     /* 0xRRGGBB of the heading and border */
	unsigned accent;     /* 0xRRGGBB of the prize */
	bool show_birth, show_school, show_entry, show_field, show_decision;
	const unsigned char *seal_png; /* a signature/seal PNG, or NULL */
	size_t seal_len;
};

/* Decodes a PNG in full (png_check.c): 0, or -1 with `err` saying why it
 * cannot be printed. Run before libharu sees an image: libharu 2.3.0
 * aborts the process on a damaged one. Sides up to 4000 pixels. */
int png_check(const unsigned char *data, size_t len, char err[160]);

/* One certificate (A4 landscape) as a PDF appended to `out`. 0, or -1
 * with `err` saying what failed (a text that is not UTF-8, named by its
 * field; a PNG libharu cannot read; a URL too long for a version-8 QR
 * code at level Q; a font that does not load). */
int pdf_certificate(const struct pdf_fonts *fonts,
                    const struct cert_template *t, const struct cert_doc *d,
                    struct buf *out, char err[160]);
/* `n` certificates in one PDF for printing: one a page, docs[i] in the
 * look of t[i] (a batch mixes prizes, each with its template), the fonts
 * and each seal embedded once. `progress`, when not NULL, is called after
 * each page with the number done (a long batch shows how far it is).
 * Fails as pdf_certificate does (and for n 0). */
int pdf_certificates(const struct pdf_fonts *fonts,
                     const struct cert_template *t, const struct cert_doc *docs,
                     size_t n, void (*progress)(size_t done, void *arg),
                     void *arg, struct buf *out, char err[160]);

/* A test page of glyphs, for checking that every letter prints whole:
 * A4 portrait, texts[i] in cell i of a grid of CERT_GRID_COLS columns and
 * CERT_GRID_ROWS rows of CERT_GRID_CELL mm squares whose top left corner
 * is CERT_GRID_LEFT mm from the left and CERT_GRID_TOP mm from the top of
 * the page; each text starts at CERT_GRID_PAD mm from its cell's left and
 * its baseline is CERT_GRID_BASE mm above the cell's bottom, at
 * CERT_GRID_SIZE points. The regular font on page 1, bold on page 2
 * (more texts than cells: the rest is left out). 0 or -1 as above. */
#define CERT_GRID_COLS 10
#define CERT_GRID_ROWS 14
#define CERT_GRID_CELL 18
#define CERT_GRID_LEFT 15
#define CERT_GRID_TOP  20
#define CERT_GRID_PAD  4
#define CERT_GRID_BASE 5
#define CERT_GRID_SIZE 24
int pdf_glyph_grid(const struct pdf_fonts *fonts, const char *const *texts,
                   size_t n, struct buf *out, char err[160]);

/* Error correction levels of QR codes. */
enum qr_level {
	QR_LEVEL_L,
	QR_LEVEL_M,
	QR_LEVEL_Q,
	QR_LEVEL_H,
};

/* As qr_modules, at error correction `level`, and NULL when the code
 * would need a version above `max_version` (0: any). Case is kept, and an
 * upper-case payload of the alphanumeric set (0-9 A-Z space $%*+-./:)
 * is encoded in alphanumeric mode. */
unsigned char *qr_modules_level(const char *text, enum qr_level level,
                                int max_version, int *width);

#endif

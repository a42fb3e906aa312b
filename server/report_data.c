/* report_data.c: a snapshot as its exports show it (the CSV, the workbook
 * and the PDF report): its results computed again from the stored inputs
 * (the same bytes give the same results), each entry named from the
 * database with its authors and organisation, each prize with its money,
 * and the edition's panels for the signature lines; for a ballot, each
 * dossier's tally, the rule and how many members cast. The exports are
 * records of the province's contest: always in Vietnamese. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

#define VI SCORE_LANG_VI

/* What the exports say of an entry besides its results. */
struct person {
	const char *title, *authors, *organisation;
};

struct report_data {
	struct report rep;
	struct score_rubric *rubric;
	struct score_input *input;
	struct score_results *res;
	struct strmap entries; /* code -> index in people */
	struct person *people;
	size_t npeople;
	struct report_row **rows; /* each scope's, writable */
	void **owned; /* every string and array the report points into */
	size_t nowned;
	char date[32];
	char sha256[65];
	char decision[256];
	struct report_ballot ballot;
	char threshold[32];
};

static void *
own(struct report_data *d, void *p)
{
	d->owned = xreallocarray(d->owned, d->nowned + 1, sizeof(*d->owned));
	d->owned[d->nowned++] = p;
	return p;
}

/* The entry's authors ("A; B"), its supporting teachers left out. */
static const char *
authors_of(struct report_data *d, const struct db_entry *e)
{
	struct buf b;

	buf_init(&b, 8192);
	buf_puts(&b, "");
	for (size_t i = 0; i < e->nauthors; i++)
		if (strcmp(e->authors[i].role, "teacher") != 0)
			buf_printf(&b, "%s%s", b.len > 0 ? "; " : "",
			           e->authors[i].name);
	return own(d, buf_detach(&b, NULL));
}

static int
collect_entry(const struct db_entry *e, void *arg)
{
	struct report_data *d = arg;

	d->people =
	    xreallocarray(d->people, d->npeople + 1, sizeof(*d->people));
	d->people[d->npeople] =
	    (struct person){ own(d, xstrdup(e->title)), authors_of(d, e),
		             own(d, xstrdup(e->organisation)) };
	strmap_put(&d->entries, e->code, (int)d->npeople++);
	return 0;
}

static const char *
flags_of(struct report_data *d, const struct score_entry_result *e)
{
	size_t excluded = 0;
	struct buf b;

	for (size_t s = 0; s < e->nsheets; s++)
		if (d->res->sheets[e->first_sheet + s].excluded !=
		    SCORE_EXCL_NONE)
			excluded++;
	buf_init(&b, 1024);
	buf_puts(&b, "");
	if (e->flags & SCORE_FLAG_TIE)
		buf_printf(&b, "%s", T(VI, MSG_FLAG_TIE));
	if (e->flags & SCORE_FLAG_CUSP)
		buf_printf(&b, "%s%s", b.len > 0 ? "; " : "",
		           T(VI, MSG_FLAG_CUSP));
	if (excluded > 0)
		buf_printf(&b, "%s%s: %zu", b.len > 0 ? "; " : "",
		           T(VI, MSG_EXCLUDED), excluded);
	return own(d, buf_detach(&b, NULL));
}

/* A prize's money in whole đồng (rounded half up, should a rubric give
 * a fraction of one). */
static long long
dong(struct score_q q)
{
	if (q.den <= 0)
		return 0;
	return (long long)((q.num * 2 + q.den) / (q.den * 2));
}

/* A ballot's tally on its row; its outcome stands for the prize. */
static void
fill_tally(struct report_data *d, const struct score_entry_result *e,
           struct report_row *row)
{
	char *share = own(d, xcalloc(32, 1));

	row->yes = e->yes;
	row->no = e->no;
	row->cusp = (e->flags & SCORE_FLAG_CUSP) != 0;
	score_fixed_format(e->share4, 4, share, 32);
	row->share = share;
	row->share_value = (double)e->share4 / 10000;
}

/* The published score, as text and as a number. */
static void
fill_score(struct report_data *d, const struct score_entry_result *e,
           struct report_row *row)
{
	int decimals = d->rubric->aggregate.decimals;
	char *score = own(d, xcalloc(32, 1));
	double scale = 1;

	row->score = score;
	row->has_score = e->has_score;
	if (!e->has_score)
		return;
	score_fixed_format(e->score, decimals, score, 32);
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	row->score_value = (double)e->score / scale;
}

static void
fill_row(struct report_data *d, const struct score_entry_result *e,
         struct report_row *row)
{
	const struct score_rubric *rub = d->rubric;
	const struct score_tier *tiers;
	size_t ntiers;
	int at, tier;

	memset(row, 0, sizeof(*row));
	row->field = rub->fields[e->field].title.vi;
	row->rank = e->rank;
	row->code = score_input_entry_id(d->input, (size_t)e->entry);
	at = strmap_get(&d->entries, row->code);
	row->title = at >= 0 ? d->people[at].title : "";
	row->organisation = at >= 0 ? d->people[at].organisation : "";
	row->authors = at >= 0 ? d->people[at].authors : "";
	fill_score(d, e, row);
	row->share = "";
	if (rub->mode == SCORE_MODE_BALLOT)
		fill_tally(d, e, row);
	tiers = prize_tiers(rub, &ntiers);
	tier = result_tier(rub, e);
	row->prize = tier >= 0 ? tiers[tier].title.vi : "";
	row->proposed = row->prize;
	row->has_money = tier >= 0 && tiers[tier].has_prize;
	if (row->has_money)
		row->money = dong(tiers[tier].prize);
	row->insufficient = e->status == SCORE_STATUS_INSUFFICIENT;
	row->status = row->insufficient ? T(VI, MSG_FLAG_INSUFFICIENT)
	                                : T(VI, MSG_EXPORT_STATUS_OK);
	row->flags = flags_of(d, e);
}

static void
fill_scopes(struct report_data *d)
{
	size_t n = d->res->nscopes;
	struct report_scope *scopes = own(d, xcalloc(n + 1, sizeof(*scopes)));

	d->rows = own(d, xcalloc(n + 1, sizeof(struct report_row *)));

	for (size_t s = 0; s < n; s++) {
		const struct score_scope_result *sr = &d->res->scopes[s];
		struct report_row *rows =
		    own(d, xcalloc(d->res->nentries + 1, sizeof(*rows)));
		size_t k = 0;

		scopes[s].title = sr->field >= 0
		                      ? d->rubric->fields[sr->field].title.vi
		                      : T(VI, MSG_CONTEST_SCOPE);
		/* the core lists entries in rank order within each scope */
		for (size_t i = 0; i < d->res->nentries; i++)
			if (d->res->entries[i].scope == s)
				fill_row(d, &d->res->entries[i], &rows[k++]);
		scopes[s].rows = rows;
		scopes[s].nrows = k;
		d->rows[s] = rows;
	}
	d->rep.scopes = scopes;
	d->rep.nscopes = n;
}

static int
computed_tier(const struct report_data *d, const char *code)
{
	for (size_t i = 0; i < d->res->nentries; i++) {
		const struct score_entry_result *e = &d->res->entries[i];

		if (strcmp(score_input_entry_id(d->input, (size_t)e->entry),
		           code) == 0)
			return result_tier(d->rubric, e);
	}
	return -1;
}

/* A committee decision on its row: the prize and money it gives, said
 * in the flags (the exports are the final list, beside the computed
 * proposal the snapshot keeps). */
static int
apply_decision(const struct db_decision *dec, void *arg)
{
	struct report_data *d = arg;
	const struct score_rubric *rub = d->rubric;
	size_t ntiers;
	const struct score_tier *tiers = prize_tiers(rub, &ntiers);
	char note[512];

	for (size_t s = 0; s < d->rep.nscopes; s++)
		for (size_t i = 0; i < d->rep.scopes[s].nrows; i++) {
			struct report_row *row = &d->rows[s][i];
			int t;

			if (strcmp(row->code, dec->code) != 0)
				continue;
			t = decision_tier(rub, computed_tier(d, dec->code),
			                  dec);
			row->prize = t >= 0 ? tiers[t].title.vi : "";
			row->has_money = t >= 0 && tiers[t].has_prize;
			row->money = row->has_money ? dong(tiers[t].prize) : 0;
			if (row->decided)
				return 0; /* said once, however many */
			row->decided = true;
			snprintf(note, sizeof(note), "%s%s%s", row->flags,
			         *row->flags != '\0' ? "; " : "",
			         T(VI, MSG_COMMITTEE));
			row->flags = own(d, xstrdup(note));
			return 0;
		}
	return 0;
}

struct panels {
	struct db_panel *p;
	size_t n;
};

static int
collect_panel(const struct db_panel *p, void *arg)
{
	struct panels *ps = arg;

	ps->p = xreallocarray(ps->p, ps->n + 1, sizeof(*ps->p));
	ps->p[ps->n++] = *p;
	return 0;
}

static void
add_judge(struct report_data *d, struct db_read *rd, int64_t expert, bool chair,
          struct report_judge *out, size_t *n)
{
	struct db_expert x;

	if (db_expert_get(rd, expert, &x) != 0)
		return;
	out[*n] = (struct report_judge){ own(d, xstrdup(x.name)),
		                         own(d, xstrdup(x.unit)), chair };
	(*n)++;
}

/* Each panel's chair first, then its other members as listed. */
static int
fill_panels(struct report_data *d, struct db_read *rd, int64_t edition)
{
	struct panels ps = { NULL, 0 };
	struct report_panel *out;

	if (db_panel_each(rd, edition, collect_panel, &ps) != 0) {
		free(ps.p);
		return -1;
	}
	out = own(d, xcalloc(ps.n + 1, sizeof(*out)));
	for (size_t i = 0; i < ps.n; i++) {
		const struct db_panel *p = &ps.p[i];
		struct report_judge *js =
		    own(d, xcalloc(p->nmembers + 2, sizeof(*js)));
		size_t n = 0;

		if (p->chair != 0)
			add_judge(d, rd, p->chair, true, js, &n);
		for (size_t m = 0; m < p->nmembers; m++)
			if (p->members[m] != p->chair)
				add_judge(d, rd, p->members[m], false, js, &n);
		out[i] =
		    (struct report_panel){ own(d, xstrdup(p->name)), js, n };
	}
	d->rep.panels = out;
	d->rep.npanels = ps.n;
	free(ps.p);
	return 0;
}

/* The table's headings, as the mode has its columns. */
static void
fill_columns(struct report_data *d)
{
	static const enum msg scores[11] = {
		MSG_EXPORT_FIELD,  MSG_RANK,           MSG_EXPORT_CODE,
		MSG_EXPORT_TITLE,  MSG_EXPORT_AUTHORS, MSG_EXPORT_ORGANISATION,
		MSG_SCORE,         MSG_TIER,           MSG_EXPORT_MONEY,
		MSG_EXPORT_STATUS, MSG_FLAGS,
	};
	static const enum msg ballot[11] = {
		MSG_RANK,
		MSG_EXPORT_CODE,
		MSG_EXPORT_TITLE,
		MSG_EXPORT_AUTHORS,
		MSG_EXPORT_ORGANISATION,
		MSG_BALLOT_YES_COUNT,
		MSG_BALLOT_NO_COUNT,
		MSG_SHARE,
		MSG_EXPORT_PROPOSED,
		MSG_FINAL,
		MSG_FLAGS,
	};
	const enum msg *cols = d->rep.ballot != NULL ? ballot : scores;

	for (size_t i = 0; i < 11; i++)
		d->rep.columns[i] = T(VI, cols[i]);
}

/* Does any prize carry money (else the annex has no money column)? */
static bool
any_money(const struct score_rubric *rub)
{
	size_t n;
	const struct score_tier *tiers = prize_tiers(rub, &n);

	for (size_t i = 0; i < n; i++)
		if (tiers[i].has_prize)
			return true;
	return false;
}

/* A ballot's rule and how many members cast, for the minutes. */
static int
fill_ballot(struct report_data *d, struct db_read *rd, int64_t edition)
{
	const struct score_rubric *rub = d->rubric;
	struct report_ballot *b = &d->ballot;
	int64_t cast;
	size_t n;

	if (rub->mode != SCORE_MODE_BALLOT)
		return 0;
	score_q_format(rub->ballot_share, d->threshold, sizeof(d->threshold));
	b->outcome = prize_tiers(rub, &n)[0].title.vi;
	b->share = d->threshold;
	b->at_least = rub->ballot_rule == SCORE_BALLOT_AT_LEAST;
	b->max_selected = rub->max_selected;
	if (db_ballot_casts_count(rd, edition, &cast) != 0)
		return -1;
	b->cast = cast;
	d->rep.ballot = b;
	return 0;
}

static void
fill_header(struct report_data *d, struct db_read *rd,
            const struct db_snapshot *s, const struct db_edition *e)
{
	struct db_org *org = own(d, xcalloc(1, sizeof(*org)));
	time_t at = (time_t)s->created_at;
	struct tm tm;

	/* an edition keeps its own copy; the organisation's is the fallback */
	if (db_org_get(rd, org) != 0)
		memset(org, 0, sizeof(*org));
	d->rep.org = e->org_name[0] != '\0' ? e->org_name : org->name;
	d->rep.province =
	    e->org_province[0] != '\0' ? e->org_province : org->province;
	d->rep.signatory =
	    e->signatory[0] != '\0' ? e->signatory : org->signatory;
	d->rep.signatory_title = e->signatory_title[0] != '\0'
	                             ? e->signatory_title
	                             : org->signatory_title;
	d->rep.edition = e->title;
	d->rep.snapshot = s->id;
	localtime_r(&at, &tm);
	strftime(d->date, sizeof(d->date), "%d/%m/%Y %H:%M", &tm);
	d->rep.date = d->date;
	d->rep.day = tm.tm_mday;
	d->rep.month = tm.tm_mon + 1;
	d->rep.year = tm.tm_year + 1900;
	memcpy(d->sha256, s->results_sha256, sizeof(d->sha256));
	d->rep.sha256 = d->sha256;
	d->rep.decimals =
	    d->rep.ballot != NULL ? 4 : d->rubric->aggregate.decimals;
	d->rep.has_money = any_money(d->rubric);
	fill_columns(d);
}

/* The award decision, when it is this snapshot's: the workbook's header
 * and the annex name it. */
static void
fill_decision(struct report_data *d, struct db_read *rd,
              const struct db_snapshot *s)
{
	struct db_posting *p = own(d, xcalloc(1, sizeof(*p)));

	if (db_posting_current(rd, s->edition_id, p) != 0 ||
	    p->decided_at == 0 || p->snapshot_id != s->id)
		return;
	/* 2026-11-26 -> 26/11/2026, as the decision is dated */
	snprintf(d->decision, sizeof(d->decision),
	         "số %.60s ngày %.2s/%.2s/%.4s", p->number, p->date + 8,
	         p->date + 5, p->date);
	d->rep.decision = d->decision;
}

struct report_data *
report_data_load(struct db_read *rd, const struct db_snapshot *s,
                 const struct db_edition *e)
{
	struct report_data *d = xcalloc(1, sizeof(*d));
	struct score_error err;

	strmap_init(&d->entries);
	if (!results_still_true(s)) {
		report_data_free(d);
		return NULL;
	}
	d->rubric =
	    score_rubric_parse(s->rubric_json, strlen(s->rubric_json), &err);
	if (d->rubric != NULL)
		d->input = score_csv_read(d->rubric, s->scores_csv,
		                          strlen(s->scores_csv), &err);
	if (d->input != NULL)
		d->res = score_compute(d->rubric, d->input, &err);
	if (d->res == NULL ||
	    db_entry_each(rd, s->edition_id, collect_entry, d) != 0 ||
	    fill_panels(d, rd, s->edition_id) != 0 ||
	    fill_ballot(d, rd, s->edition_id) != 0) {
		report_data_free(d);
		return NULL;
	}
	fill_header(d, rd, s, e); /* after fill_ballot: the columns follow */
	fill_decision(d, rd, s);
	fill_scopes(d);
	if (db_decisions_each(rd, s->id, apply_decision, d) != 0) {
		report_data_free(d);
		return NULL;
	}
	return d;
}

const struct report *
report_data_report(const struct report_data *d)
{
	return &d->rep;
}

void
report_data_free(struct report_data *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nowned; i++)
		free(d->owned[i]);
	free(d->owned);
	free(d->people);
	strmap_release(&d->entries);
	score_results_free(d->res);
	score_input_free(d->input);
	score_rubric_free(d->rubric);
	free(d);
}

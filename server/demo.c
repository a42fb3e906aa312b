/* demo.c: `giamkhao demo`: a realistic demo database (an organisation,
 * an edition of each program, entries, experts, panels, assignments and
 * some scores), then single-use login links for the organiser and two
 * judges. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets.h"
#include "cli.h"
#include "demo_data.h"
#include "server.h"

#define DEMO_PASSWORD_BYTES 12

struct demo {
	struct db *db;
	struct db_tx *tx;
	int64_t experts[12];
	int64_t decided; /* the edition demo_decide takes to its decision */
	int64_t judge_users[12];
	uint64_t seed;
};

/* A small deterministic generator: the same demo every time. */
static uint64_t
next(struct demo *d)
{
	uint64_t z = (d->seed += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
add_user(struct demo *d, const char *login, const char *name, const char *role,
         int64_t expert, int64_t *id)
{
	struct db_user u;
	char password[32];
	uint8_t raw[DEMO_PASSWORD_BYTES];

	memset(&u, 0, sizeof(u));
	snprintf(u.login, sizeof(u.login), "%s", login);
	snprintf(u.name, sizeof(u.name), "%s", name);
	snprintf(u.role, sizeof(u.role), "%s", role);
	u.expert_id = expert;
	/* nobody knows this password: the demo logs in by links */
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(password, sizeof(password), raw, sizeof(raw));
	if (crypto_pwhash_str(u.password_hash, password, strlen(password),
	                      crypto_pwhash_OPSLIMIT_MIN,
	                      crypto_pwhash_MEMLIMIT_MIN) != 0)
		return -1;
	return db_user_create(d->tx, &u, id);
}

static int
people(struct demo *d)
{
	struct db_org org = { "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh "
		              "Hà Giang",
		              "Hà Giang", "Nguyễn Văn Thanh", "Chủ tịch",
		              "https://lhh.hagiang.example.vn" };
	char login[16];
	int64_t id;
	int rc = db_org_put(d->tx, &org);

	rc = rc ? rc
	        : add_user(d, "quantri", "Quản trị hệ thống", "admin", 0, &id);
	rc = rc ? rc
	        : add_user(d, "bantochuc", "Lê Thị Thu Hương", "organiser", 0,
	                   &id);
	for (size_t i = 0; rc == 0 && i < 12; i++) {
		const struct demo_expert *x = &demo_experts[i];
		struct db_expert e;

		memset(&e, 0, sizeof(e));
		snprintf(e.name, sizeof(e.name), "%s", x->name);
		snprintf(e.title, sizeof(e.title), "%s", x->title);
		snprintf(e.unit, sizeof(e.unit), "%s", x->unit);
		snprintf(e.fields, sizeof(e.fields), "%s", x->fields);
		snprintf(e.email, sizeof(e.email), "%s", x->email);
		snprintf(e.phone, sizeof(e.phone), "%s", x->phone);
		rc = db_expert_create(d->tx, &e, &d->experts[i]);
		snprintf(login, sizeof(login), "gk%02zu", i + 1);
		if (rc == 0)
			rc = add_user(d, login, x->name, "judge", d->experts[i],
			              &d->judge_users[i]);
	}
	return rc;
}

/* "name|birth|ethnicity|unit|role" into an author. */
static void
parse_author(const char *s, struct db_author *a)
{
	char *fields[5] = { a->name, a->birth_date, a->ethnicity, a->unit,
		            a->role };
	size_t sizes[5] = { sizeof(a->name), sizeof(a->birth_date),
		            sizeof(a->ethnicity), sizeof(a->unit),
		            sizeof(a->role) };

	for (int i = 0; i < 5; i++) {
		const char *bar = strchr(s, '|');
		size_t n = bar != NULL ? (size_t)(bar - s) : strlen(s);

		snprintf(fields[i], sizes[i], "%.*s", (int)n, s);
		s = bar != NULL ? bar + 1 : s + n;
	}
}

static int
add_entries(struct demo *d, int64_t edition, const char *prefix,
            const struct demo_entry *list, size_t n, const char *decision,
            int64_t *ids)
{
	struct db_entry *e = xmalloc(sizeof(*e));
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct demo_entry *s = &list[i];

		memset(e, 0, sizeof(*e));
		e->edition_id = edition;
		snprintf(e->code, sizeof(e->code), "%s-%03zu", prefix, i + 1);
		snprintf(e->title, sizeof(e->title), "%s", s->title);
		snprintf(e->field, sizeof(e->field), "%s", s->field);
		snprintf(e->summary, sizeof(e->summary), "%s", s->summary);
		snprintf(e->organisation, sizeof(e->organisation), "%s",
		         s->organisation);
		snprintf(e->district, sizeof(e->district), "%s", s->district);
		snprintf(e->applied_since, sizeof(e->applied_since), "%s",
		         s->applied_since);
		snprintf(e->prior_awards, sizeof(e->prior_awards), "%s",
		         s->prior_awards);
		for (size_t k = 0; k < 3 && s->authors[k] != NULL; k++)
			parse_author(s->authors[k], &e->authors[e->nauthors++]);
		rc = db_entry_create(d->tx, e, &ids[i]);
		if (rc == 0 && decision != NULL)
			rc = db_entry_decide(d->tx, ids[i], decision, "");
	}
	free(e);
	return rc;
}

/* An edition of `program` from its preset, in `state`. */
static int
add_edition(struct demo *d, const char *program, int number, int year,
            const char *title, const char *state, struct db_edition *e,
            int64_t *id)
{
	char name[64], *rubric;
	const struct asset *preset;
	const char *prev = "draft";
	int rc;

	/* the caller sets the eligibility settings; the rest is filled here */
	snprintf(e->program, sizeof(e->program), "%s", program);
	e->number = number;
	e->year_from = e->year_to = year;
	snprintf(e->level, sizeof(e->level), "province");
	snprintf(e->title, sizeof(e->title), "%s", title);
	snprintf(e->submit_until, sizeof(e->submit_until), "%d-09-30", year);
	snprintf(e->judging_until, sizeof(e->judging_until), "%d-11-30", year);
	snprintf(e->org_name, sizeof(e->org_name),
	         "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hà Giang");
	snprintf(e->org_province, sizeof(e->org_province), "Hà Giang");
	snprintf(e->signatory, sizeof(e->signatory), "Nguyễn Văn Thanh");
	snprintf(e->signatory_title, sizeof(e->signatory_title), "Chủ tịch");
	snprintf(name, sizeof(name), "%s.json", program);
	preset = preset_find(name);
	if (preset == NULL)
		return -1;
	rubric = xstrndup((const char *)preset->data, preset->len);
	rc = db_edition_create(d->tx, e, rubric, id);
	free(rubric);
	/* walk the lifecycle to the wanted state, as organisers would */
	while (rc == 0 && strcmp(prev, state) != 0) {
		const char *to = edition_next_state(prev);

		rc = to != NULL
		         ? db_edition_set_state(d->tx, *id, prev, to, NULL)
		         : -1;
		prev = to;
	}
	return rc;
}

/* A panel of six experts (the first chairs) for some fields. */
static int
add_panel(struct demo *d, int64_t edition, const char *name, const char *fields,
          size_t first, int64_t *id)
{
	struct db_panel p;

	memset(&p, 0, sizeof(p));
	p.edition_id = edition;
	snprintf(p.name, sizeof(p.name), "%s", name);
	snprintf(p.fields, sizeof(p.fields), "%s", fields);
	for (size_t i = 0; i < 6; i++)
		p.members[p.nmembers++] = d->experts[first + i];
	p.chair = p.members[0];
	return db_panel_create(d->tx, &p, id);
}

/* Assigns a panel's entries with the real algorithm (k = 3), then gives
 * some of the judges' sheets scores around each entry's own level. */
static int
assign_and_score(struct demo *d, const int64_t *entries, size_t n,
                 size_t first_expert, const struct score_rubric *r,
                 bool complete)
{
	bool *allowed = xcalloc(n * 6, 1), *assigned = xcalloc(n * 6, 1);
	struct assign_problem p = { n, 6, 3, allowed, NULL };
	struct assign_report rep;
	const char *ids[SCORE_MAX_CRITERIA];
	int32_t points[SCORE_MAX_CRITERIA];
	int rc;

	memset(allowed, 1, n * 6);
	rc = assign_panel(&p, assigned, &rep) < 0 ? -1 : 0;
	assign_report_release(&rep);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int level = 55 + (int)(next(d) % 40); /* the entry's merit */

		for (size_t j = 0; rc == 0 && j < 6; j++) {
			if (!assigned[i * 6 + j])
				continue;
			rc = db_assignment_set(d->tx, entries[i],
			                       d->experts[first_expert + j],
			                       true, false, NULL);
			/* not every judge has scored yet, unless `complete` */
			if (rc != 0 || (!complete && next(d) % 3 == 0))
				continue;
			for (size_t c = 0; c < r->ncriteria; c++) {
				const struct score_criterion *cr =
				    &r->criteria[c];
				int32_t v = cr->max_h *
				            (level - 6 + (int)(next(d) % 13)) /
				            100;

				ids[c] = cr->id;
				v -= v % cr->step_h;
				points[c] = v < 0           ? 0
				            : v > cr->max_h ? cr->max_h
				                            : v;
			}
			rc = db_sheet_put(
			    d->tx, entries[i], d->experts[first_expert + j], 1,
			    !complete && next(d) % 4 == 0 ? "draft"
			                                  : "submitted",
			    "", ids, points, r->ncriteria);
		}
	}
	free(allowed);
	free(assigned);
	return rc;
}

static int
technical(struct demo *d)
{
	static const char *const panel_fields[2] = {
		"ict mechanics-construction-transport "
		"materials-chemicals-energy",
		"agriculture-environment health education",
	};
	const struct asset *preset = preset_find("technical-innovation.json");
	struct db_edition e;
	struct score_error err;
	struct score_rubric *r;
	int64_t ed, entries[30], panel;
	int rc;

	memset(&e, 0, sizeof(e));
	snprintf(e.applied_from, sizeof(e.applied_from), "2022-01-01");
	rc = add_edition(d, "technical-innovation", 11, 2026,
	                 "Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang lần thứ 11, "
	                 "năm 2026",
	                 "judging", &e, &ed);
	rc = rc ? rc
	        : add_entries(d, ed, "KT", demo_technical, 30, "eligible",
	                      entries);
	r = preset != NULL ? score_rubric_parse((const char *)preset->data,
	                                        preset->len, &err)
	                   : NULL;
	/* entries go by field, five each: the first three fields, then
	 * the last three */
	for (size_t k = 0; rc == 0 && r != NULL && k < 2; k++) {
		rc = add_panel(d, ed,
		               k == 0 ? "Tiểu ban 1: Kỹ thuật – Công nghệ"
		                      : "Tiểu ban 2: Nông nghiệp – Y tế – "
		                        "Giáo dục",
		               panel_fields[k], k * 6, &panel);
		rc = rc ? rc
		        : assign_and_score(d, entries + 15 * k, 15, k * 6, r,
		                           false);
	}
	if (r == NULL)
		rc = -1;
	score_rubric_free(r);
	return rc;
}

/* The Golden Book in its secret ballot: a council of six, every member
 * on every dossier, three of them cast already (gk07 to gk09 have not:
 * one of them can cast at once). */
static int
golden(struct demo *d)
{
	struct db_edition e;
	int64_t ed, ids[5], panel;
	bool yes[5];
	char client[48];
	int rc;

	memset(&e, 0, sizeof(e));
	rc = add_edition(d, "golden-book", 1, 2026,
	                 "Tuyển chọn vào Sách vàng Sáng tạo Việt Nam năm 2026",
	                 "judging", &e, &ed);
	rc =
	    rc ? rc : add_entries(d, ed, "SV", demo_golden, 5, "eligible", ids);
	rc = rc ? rc
	        : add_panel(d, ed, "Hội đồng xét chọn Sách vàng", "general", 6,
	                    &panel);
	for (size_t j = 0; rc == 0 && j < 6; j++)
		for (size_t i = 0; rc == 0 && i < 5; i++)
			rc = db_assignment_set(d->tx, ids[i], d->experts[6 + j],
			                       true, false, NULL);
	for (size_t j = 3; rc == 0 && j < 6; j++) {
		for (size_t i = 0; i < 5; i++)
			yes[i] = next(d) % 4 != 0; /* most dossiers convince */
		snprintf(client, sizeof(client), "demo-ballot-%zu-0123456789",
		         j);
		rc = db_ballot_cast(d->tx, ed, d->experts[6 + j], client, ids,
		                    yes, 5);
	}
	return rc;
}

static int
others(struct demo *d)
{
	struct db_edition e;
	int64_t ed, ids[15];
	int rc;

	memset(&e, 0, sizeof(e));
	snprintf(e.birth_from, sizeof(e.birth_from), "2004-01-01");
	snprintf(e.birth_until, sizeof(e.birth_until), "2020-12-31");
	rc = add_edition(d, "youth-creativity", 15, 2026,
	                 "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng tỉnh Hà "
	                 "Giang lần thứ 15, năm 2026",
	                 "receiving", &e, &ed);
	rc = rc ? rc : add_entries(d, ed, "TN", demo_youth, 15, NULL, ids);
	memset(&e, 0, sizeof(e));
	rc = rc ? rc
	        : add_edition(d, "vifotec-award", 1, 2026,
	                      "Tuyển chọn, đề xuất Giải thưởng Sáng tạo KH&CN "
	                      "Việt Nam năm 2026",
	                      "eligibility", &e, &ed);
	rc = rc ? rc : add_entries(d, ed, "VF", demo_vifotec, 8, NULL, ids);
	rc = rc ? rc : golden(d);
	memset(&e, 0, sizeof(e));
	rc = rc ? rc
	        : add_edition(d, "honouring", 2, 2026,
	                      "Tôn vinh trí thức khoa học và công nghệ tiêu "
	                      "biểu tỉnh Hà Giang lần thứ 2",
	                      "draft", &e, &ed);
	return rc ? rc : add_entries(d, ed, "TV", demo_honouring, 4, NULL, ids);
}

/* Last year's youth contest, judged and its rounds locked: demo_decide
 * (demo_decided.c) then computes, posts and decides it and issues its
 * certificates, so a newcomer can open one and verify its code. */
static int
judged_youth(struct demo *d)
{
	const struct asset *preset = preset_find("youth-creativity.json");
	struct score_error err;
	struct score_rubric *r =
	    preset != NULL ? score_rubric_parse((const char *)preset->data,
	                                        preset->len, &err)
	                   : NULL;
	struct db_edition e;
	int64_t ids[15], panel;
	int rc = r != NULL ? 0 : -1;

	memset(&e, 0, sizeof(e));
	snprintf(e.birth_from, sizeof(e.birth_from), "2003-01-01");
	snprintf(e.birth_until, sizeof(e.birth_until), "2019-12-31");
	rc = rc ? rc
	        : add_edition(d, "youth-creativity", 14, 2025,
	                      "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng "
	                      "tỉnh Hà Giang lần thứ 14, năm 2025",
	                      "judging", &e, &d->decided);
	rc = rc ? rc
	        : add_entries(d, d->decided, "TN25", demo_youth, 15, "eligible",
	                      ids);
	rc = rc ? rc
	        : add_panel(d, d->decided, "Hội đồng giám khảo",
	                    "school-supplies software eco-friendly-products "
	                    "household-toys climate-environment-economy",
	                    0, &panel);
	rc = rc ? rc : assign_and_score(d, ids, 15, 0, r, true);
	rc = rc ? rc : db_panel_lock(d->tx, panel, true, "Hết thời gian chấm");
	rc = rc ? rc
	        : db_edition_set_state(d->tx, d->decided, "judging", "results",
	                               NULL);
	score_rubric_free(r);
	return rc;
}

/* Creates the demo data in one transaction (all or nothing). */
static int
create(struct demo *d)
{
	struct db_actor system = { 0, "demo" };
	int rc;

	d->tx = db_begin(d->db, &system);
	if (d->tx == NULL)
		return -1;
	rc = people(d);
	rc = rc ? rc : technical(d);
	rc = rc ? rc : others(d);
	rc = rc ? rc : judged_youth(d);
	return rc == 0 ? db_commit(d->tx) : (db_rollback(d->tx), -1);
}

static int
print_link(struct db *db, const char *login, const char *base,
           const char *label)
{
	struct db_actor system = { 0, "demo" };
	uint8_t raw[32], hash[32];
	char token[44];
	struct db_user u;
	struct db_read *rd = db_read_begin(db);
	struct db_tx *tx;
	int rc = db_user_by_login(rd, login, &u);

	db_read_end(rd);
	if (rc != 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, sizeof(token), raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_hash_sha256(hash, raw, sizeof(raw));
	tx = db_begin(db, &system);
	rc = tx != NULL
	         ? db_link_create(tx, hash, u.id,
	                          (int64_t)time(NULL) + (int64_t)7 * 86400)
	         : -1;
	rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
	if (rc == 0)
		printf("  %s\n      %s/enter?t=%s\n", label, base, token);
	return rc;
}

/* Where to verify the demo's first certificate, and to download it. */
static int
print_certificate(struct db *db, const char *base, enum score_lang lang)
{
	struct db_cert *c = xmalloc(sizeof(*c));
	struct db_read *rd = db_read_begin(db);
	int rc = db_cert_get(rd, 1, c);

	db_read_end(rd);
	if (rc == 0)
		printf("  %s\n      %s/v/%s\n      %s/certificates/1/pdf\n",
		       cli_text(lang,
		                "Giấy chứng nhận mẫu (kiểm tra; tải về khi "
		                "đăng nhập Ban Tổ chức)",
		                "A sample certificate (verify it; download it "
		                "as the organiser)"),
		       base, c->code, base);
	free(c);
	return rc == DB_NOTFOUND ? 0 : rc;
}

int
cmd_demo(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path =
	    argc >= 3 && strcmp(argv[1], "--db") == 0 ? argv[2] : NULL;
	const char *base = argc >= 5 && strcmp(argv[3], "--base") == 0
	                       ? argv[4]
	                       : "http://127.0.0.1:8080";
	struct demo d = { 0 };
	struct db_read *rd;
	int64_t users = 0;
	int rc = 0;

	if (path == NULL) {
		fprintf(stderr, "%s: giamkhao demo --db FILE [--base URL]\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	d.db = db_open(path);
	if (d.db == NULL)
		return EXIT_FAILURE_INTERNAL;
	d.seed = 20261126;
	rd = db_read_begin(d.db);
	db_user_count(rd, &users);
	db_read_end(rd);
	if (users == 0)
		rc = create(&d);
	if (users == 0 && rc == 0)
		rc = demo_decide(d.db, path, d.decided);
	if (rc == 0) {
		printf("%s\n",
		       cli_text(lang,
		                "Đường dẫn đăng nhập (mỗi đường dẫn dùng "
		                "một lần, hiệu lực 7 ngày):",
		                "Login links (each works once, for 7 "
		                "days):"));
		rc = print_link(d.db, "bantochuc", base,
		                cli_text(lang, "Ban Tổ chức (Lê Thị Thu Hương)",
		                         "Organiser (Lê Thị Thu Hương)"));
		rc = rc ? rc
		        : print_link(d.db, "gk02", base,
		                     cli_text(lang, "Giám khảo Trần Thị Lan",
		                              "Judge Trần Thị Lan"));
		rc = rc ? rc
		        : print_link(d.db, "gk08", base,
		                     cli_text(lang, "Giám khảo Bùi Văn Nam",
		                              "Judge Bùi Văn Nam"));
		rc = rc ? rc : print_certificate(d.db, base, lang);
		/* a judge who also chairs a panel: the chair's view */
		rc = rc ? rc
		        : print_link(d.db, "gk01", base,
		                     cli_text(lang,
		                              "Trưởng tiểu ban Nguyễn Văn Hùng",
		                              "Panel chair Nguyễn Văn Hùng"));
	}
	db_close(d.db);
	return rc == 0 ? EXIT_OK : EXIT_FAILURE_INTERNAL;
}

/* demo_decided.c: the demo's decided edition, taken from its locked
 * rounds to certificates the way an organiser would: the results computed
 * into a snapshot, posted for last December's objections, the award
 * decision recorded, and the certificates issued and signed (the signing
 * key made beside the database on the way). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server.h"

/* The results of the edition's locked rounds, stored as a snapshot. */
static int
snapshot(struct db *db, const struct db_actor *who, int64_t edition,
         int64_t *id)
{
	struct db_snapshot s = { 0 };
	struct score_error err;
	struct buf csv, json;
	struct db_read *rd;
	struct db_tx *tx;
	int rc;

	buf_init(&csv, (size_t)64 << 20);
	buf_init(&json, (size_t)64 << 20);
	rd = db_read_begin(db);
	rc = results_snapshot(rd, edition, &s, &csv, &json, &err);
	db_read_end(rd);
	tx = rc == RESULTS_OK ? db_begin(db, who) : NULL;
	rc = tx != NULL ? db_snapshot_add(tx, &s, id) : -1;
	if (tx != NULL)
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
	s.scores_csv = s.results_json = NULL; /* the buffers own them */
	free(s.rubric_json);
	buf_release(&csv);
	buf_release(&json);
	return rc;
}

/* Posted for objections from 1 to 15 December, decided on the 20th. */
static int
post_and_decide(struct db *db, const struct db_actor *who, int64_t edition,
                int64_t snapshot_id)
{
	struct db_posting p = { .edition_id = edition,
		                .snapshot_id = snapshot_id };
	struct db_tx *tx = db_begin(db, who);
	int rc = tx != NULL ? 0 : -1;

	snprintf(p.from, sizeof(p.from), "2025-12-01");
	snprintf(p.until, sizeof(p.until), "2025-12-15");
	snprintf(p.number, sizeof(p.number), "112/QĐ-LHH");
	snprintf(p.date, sizeof(p.date), "2025-12-20");
	snprintf(p.signatory, sizeof(p.signatory), "Nguyễn Văn Thanh");
	if (rc == 0)
		rc = db_posting_add(tx, &p, 0, &p.id);
	if (rc == 0)
		rc = db_posting_decide(tx, &p);
	if (tx != NULL)
		rc = rc == 0 ? db_commit(tx) : (db_rollback(tx), -1);
	return rc;
}

int
demo_decide(struct db *db, const char *path, int64_t edition)
{
	struct db_actor who = { 0, "demo" };
	struct certs_outcome o;
	struct db_edition e;
	struct keyring *kr;
	struct db_read *rd;
	int64_t sid = 0;
	int rc = snapshot(db, &who, edition, &sid);

	if (rc == 0)
		rc = post_and_decide(db, &who, edition, sid);
	if (rc != 0)
		return -1;
	rd = db_read_begin(db);
	rc = db_edition_get(rd, edition, &e);
	db_read_end(rd);
	kr = rc == 0 ? keys_open(path, cli_lang()) : NULL;
	if (kr == NULL)
		return -1;
	rc = certs_issue(db, kr, &who, &e, false, &o);
	keys_free(kr);
	return rc == 0 ? 0 : -1;
}

/* schema.c: the database schema and its migrations (PRAGMA user_version). */
#include <sqlite3.h>
#include <stdio.h>

#include "internal.h"

/*
 * Migration N brings the schema from version N-1 to N. Append, never edit:
 * a database in the field is at some version and replays the rest.
 */
static const char *const migrations[] = {
	/* 1: organisation, accounts, sessions, editions, rubrics, audit */
	"CREATE TABLE org ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL, province TEXT NOT NULL,"
	"  signatory TEXT NOT NULL, signatory_title TEXT NOT NULL,"
	"  public_url TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE experts ("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL"
	"  DEFAULT '', unit TEXT NOT NULL DEFAULT '', fields TEXT NOT NULL"
	"  DEFAULT '', email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL"
	"  DEFAULT '');"
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN"
	"    ('admin', 'organiser', 'judge')),"
	"  password_hash TEXT NOT NULL DEFAULT '',"
	"  expert_id INTEGER REFERENCES experts(id),"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE sessions ("
	"  id INTEGER PRIMARY KEY, token_hash BLOB NOT NULL UNIQUE,"
	"  user_id INTEGER NOT NULL REFERENCES users(id),"
	"  csrf TEXT NOT NULL, created_at INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL, address TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE editions ("
	"  id INTEGER PRIMARY KEY, program TEXT NOT NULL,"
	"  number INTEGER NOT NULL CHECK (number > 0),"
	"  year_from INTEGER NOT NULL, year_to INTEGER NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN"
	"    ('district', 'province', 'national')),"
	"  title TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft',"
	"    'receiving', 'eligibility', 'judging', 'results', 'posted',"
	"    'decided', 'closed')),"
	"  submit_until TEXT NOT NULL DEFAULT '',"
	"  judging_until TEXT NOT NULL DEFAULT '',"
	"  posting_from TEXT NOT NULL DEFAULT '',"
	"  posting_until TEXT NOT NULL DEFAULT '',"
	"  org_name TEXT NOT NULL, org_province TEXT NOT NULL,"
	"  signatory TEXT NOT NULL, signatory_title TEXT NOT NULL,"
	"  hide_authors INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE rubrics ("
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  version INTEGER NOT NULL, json TEXT NOT NULL,"
	"  reason TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
	"  PRIMARY KEY (edition_id, version));"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
	"  user_id INTEGER NOT NULL, address TEXT NOT NULL,"
	"  action TEXT NOT NULL, object TEXT NOT NULL,"
	"  old_value TEXT, new_value TEXT, reason TEXT,"
	"  prev_hash BLOB NOT NULL, hash BLOB NOT NULL);",
	/* 2: entries and their people, eligibility settings, panels,
	 * conflicts, assignments, and the sheets that freeze a rubric */
	"ALTER TABLE editions ADD COLUMN applied_from TEXT NOT NULL"
	"  DEFAULT '';"
	"ALTER TABLE editions ADD COLUMN birth_from TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE editions ADD COLUMN birth_until TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE entries ("
	"  id INTEGER PRIMARY KEY,"
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  code TEXT NOT NULL, title TEXT NOT NULL, field TEXT NOT NULL,"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  organisation TEXT NOT NULL DEFAULT '',"
	"  district TEXT NOT NULL DEFAULT '',"
	"  applied_since TEXT NOT NULL DEFAULT '',"
	"  applied_place TEXT NOT NULL DEFAULT '',"
	"  prior_awards TEXT NOT NULL DEFAULT '',"
	"  eligibility TEXT NOT NULL DEFAULT 'pending' CHECK (eligibility"
	"    IN ('pending', 'eligible', 'ineligible')),"
	"  eligibility_reason TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  UNIQUE (edition_id, code));"
	"CREATE TABLE authors ("
	"  id INTEGER PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL REFERENCES entries(id)"
	"    ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, name TEXT NOT NULL,"
	"  birth_date TEXT NOT NULL DEFAULT '',"
	"  ethnicity TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL CHECK (role IN"
	"    ('author', 'representative', 'teacher')));"
	"CREATE INDEX authors_entry ON authors(entry_id);"
	"CREATE TABLE attachments ("
	"  id INTEGER PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL REFERENCES entries(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,"
	"  sha256 TEXT NOT NULL, data BLOB NOT NULL,"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX attachments_entry ON attachments(entry_id);"
	"CREATE TABLE panels ("
	"  id INTEGER PRIMARY KEY,"
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  name TEXT NOT NULL, fields TEXT NOT NULL,"
	"  chair_expert_id INTEGER REFERENCES experts(id));"
	"CREATE TABLE panel_members ("
	"  panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,"
	"  expert_id INTEGER NOT NULL REFERENCES experts(id),"
	"  PRIMARY KEY (panel_id, expert_id));"
	"CREATE TABLE conflicts ("
	"  entry_id INTEGER NOT NULL REFERENCES entries(id)"
	"    ON DELETE CASCADE,"
	"  expert_id INTEGER NOT NULL REFERENCES experts(id),"
	"  source TEXT NOT NULL CHECK (source IN"
	"    ('auto', 'organiser', 'judge')),"
	"  reason TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
	"  PRIMARY KEY (entry_id, expert_id));"
	"CREATE TABLE assignments ("
	"  entry_id INTEGER NOT NULL REFERENCES entries(id)"
	"    ON DELETE CASCADE,"
	"  expert_id INTEGER NOT NULL REFERENCES experts(id),"
	"  manual INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
	"  PRIMARY KEY (entry_id, expert_id));"
	"CREATE INDEX assignments_expert ON assignments(expert_id);"
	"CREATE TABLE sheets ("
	"  id INTEGER PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL REFERENCES entries(id),"
	"  expert_id INTEGER NOT NULL REFERENCES experts(id),"
	"  rubric_version INTEGER NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),"
	"  comment TEXT NOT NULL DEFAULT '', updated_at INTEGER NOT NULL,"
	"  UNIQUE (entry_id, expert_id));"
	"CREATE TABLE scores ("
	"  sheet_id INTEGER NOT NULL REFERENCES sheets(id)"
	"    ON DELETE CASCADE,"
	"  criterion TEXT NOT NULL, points INTEGER NOT NULL,"
	"  PRIMARY KEY (sheet_id, criterion));",
	/* 3: single-use login links (QR login cards, the demo) */
	"CREATE TABLE login_links ("
	"  id INTEGER PRIMARY KEY, token_hash BLOB NOT NULL UNIQUE,"
	"  user_id INTEGER NOT NULL REFERENCES users(id),"
	"  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
	"  used_at INTEGER);",
	/* 4: judging on tablets: each sheet's version (a save from an older
	 * one is stale), the client ids already applied (a replay changes
	 * nothing), submission time, a sheet the organisers reopened after
	 * the lock; the round's lock per panel */
	"ALTER TABLE sheets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sheets ADD COLUMN submitted_at INTEGER;"
	"ALTER TABLE sheets ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE sheet_saves ("
	"  client_id TEXT PRIMARY KEY,"
	"  sheet_id INTEGER NOT NULL REFERENCES sheets(id),"
	"  version INTEGER NOT NULL, at INTEGER NOT NULL);"
	"ALTER TABLE panels ADD COLUMN locked_at INTEGER;",
	/* 5: login cards: a link bound to an edition, with a short code to
	 * type instead of scanning (stored hashed, like the link), revoked
	 * by a reissue, and where it was used from; a session opened by a
	 * card is bound to the card's edition */
	"ALTER TABLE login_links ADD COLUMN edition_id INTEGER"
	"  REFERENCES editions(id);"
	"ALTER TABLE login_links ADD COLUMN code_hash BLOB;"
	"ALTER TABLE login_links ADD COLUMN revoked_at INTEGER;"
	"ALTER TABLE login_links ADD COLUMN used_from TEXT NOT NULL DEFAULT '';"
	"CREATE UNIQUE INDEX login_links_code ON login_links(code_hash)"
	"  WHERE code_hash IS NOT NULL;"
	"CREATE INDEX login_links_card ON login_links(edition_id, user_id);"
	"ALTER TABLE sessions ADD COLUMN edition_id INTEGER;",
	/* 6: results snapshots: the exact inputs (the rubric as stored, the
	 * counted sheets in the offline CSV format) and the scoring core's
	 * JSON results with their manifest; never changed once written */
	"CREATE TABLE results_snapshots ("
	"  id INTEGER PRIMARY KEY,"
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  created_at INTEGER NOT NULL, created_by INTEGER NOT NULL,"
	"  rubric_version INTEGER NOT NULL, rubric_json TEXT NOT NULL,"
	"  scores_csv TEXT NOT NULL, results_json TEXT NOT NULL,"
	"  results_sha256 TEXT NOT NULL, program_version TEXT NOT NULL);"
	"CREATE INDEX results_snapshots_edition ON"
	"  results_snapshots(edition_id, id);"
	"CREATE TRIGGER results_snapshots_frozen BEFORE UPDATE ON"
	"  results_snapshots BEGIN SELECT RAISE(ABORT,"
	"  'a results snapshot is never changed'); END;"
	"CREATE TRIGGER results_snapshots_kept BEFORE DELETE ON"
	"  results_snapshots BEGIN SELECT RAISE(ABORT,"
	"  'a results snapshot is never deleted'); END;",
	/* 7: what happens to a snapshot: the committee's decisions beside it
	 * (never over it), its public posting with the objections received
	 * and their answers, and the award decision that makes it final */
	"CREATE TABLE committee_decisions ("
	"  id INTEGER PRIMARY KEY,"
	"  snapshot_id INTEGER NOT NULL REFERENCES results_snapshots(id),"
	"  entry_code TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'move', 'withhold',"
	"    'resolve')),"
	"  tier TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL, created_by INTEGER NOT NULL);"
	"CREATE TABLE postings ("
	"  id INTEGER PRIMARY KEY,"
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  snapshot_id INTEGER NOT NULL REFERENCES results_snapshots(id),"
	"  period_from TEXT NOT NULL, period_until TEXT NOT NULL,"
	"  posted_at INTEGER NOT NULL, posted_by INTEGER NOT NULL,"
	"  decision_number TEXT NOT NULL DEFAULT '',"
	"  decision_date TEXT NOT NULL DEFAULT '',"
	"  decision_signatory TEXT NOT NULL DEFAULT '', decided_at INTEGER);"
	"CREATE TABLE objections ("
	"  id INTEGER PRIMARY KEY,"
	"  posting_id INTEGER NOT NULL REFERENCES postings(id),"
	"  entry_code TEXT NOT NULL, received_on TEXT NOT NULL,"
	"  sender TEXT NOT NULL, content TEXT NOT NULL,"
	"  answer TEXT NOT NULL DEFAULT '', answered_at INTEGER,"
	"  created_at INTEGER NOT NULL);",
	/* 8: the side prizes an edition gives (a bit each: youngest and
	 * oldest author, ethnic-minority author, unit with most entries) */
	"ALTER TABLE editions ADD COLUMN side_prizes INTEGER NOT NULL"
	"  DEFAULT 0;",
	/* 9: a correction after the award decision: a new snapshot with its
	 * own decision, which replaces the earlier posting (kept), and why */
	"ALTER TABLE postings ADD COLUMN replaces INTEGER REFERENCES"
	"  postings(id);"
	"ALTER TABLE postings ADD COLUMN note TEXT NOT NULL DEFAULT '';",
	/* 10: secret ballots (Golden Book, honouring). Who has cast is kept
	 * apart from what was cast: a member's cast is one row without its
	 * votes, and the votes only add to each dossier's tally, so no table
	 * ties a member to a vote. The client id makes a resent cast (a
	 * double tap, the tablet's queue) a no-op. */
	"CREATE TABLE ballot_casts ("
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  expert_id INTEGER NOT NULL REFERENCES experts(id),"
	"  cast_at INTEGER NOT NULL, dossiers INTEGER NOT NULL,"
	"  client_id TEXT NOT NULL UNIQUE,"
	"  PRIMARY KEY (edition_id, expert_id));"
	"CREATE TABLE ballot_tallies ("
	"  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),"
	"  yes INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),"
	"  no INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0));",
	/* 11: the public parts of the certificates' signing keys (Ed25519;
	 * the secret parts live in a file beside the database, never in it,
	 * so a backup carries no private key). A key is never deleted and its
	 * public part never changes (certificates it signed name it by id);
	 * it is retired (signs no more) or revoked (what it signed is no
	 * longer trusted), and a revocation is final. */
	"CREATE TABLE signing_keys ("
	"  id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 255),"
	"  public_key BLOB NOT NULL, created_at INTEGER NOT NULL,"
	"  retired_at INTEGER, revoked_at INTEGER,"
	"  revoked_reason TEXT NOT NULL DEFAULT '');"
	"CREATE TRIGGER signing_keys_kept BEFORE DELETE ON signing_keys"
	"  BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted'); END;"
	"CREATE TRIGGER signing_keys_fixed BEFORE UPDATE OF id, public_key"
	"  ON signing_keys WHEN NEW.id IS NOT OLD.id"
	"  OR NEW.public_key IS NOT OLD.public_key BEGIN SELECT RAISE(ABORT,"
	"  'a signing key''s public part never changes'); END;"
	"CREATE TRIGGER signing_keys_revoked BEFORE UPDATE ON signing_keys"
	"  WHEN OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS NOT"
	"  OLD.revoked_at OR NEW.revoked_reason IS NOT OLD.revoked_reason)"
	"  BEGIN SELECT RAISE(ABORT, 'a revocation is final'); END;",
	/* 12: issued certificates: the facts they print, the key and the
	 * signature binding them, the code in their QR; revoked with a
	 * reason, a superseded one linked to its replacement. The facts are
	 * never changed (a row altered behind the server's back fails its
	 * signature) and a certificate is never deleted. */
	"CREATE TABLE certificates ("
	"  id INTEGER PRIMARY KEY,"
	"  edition_id INTEGER NOT NULL REFERENCES editions(id),"
	"  posting_id INTEGER NOT NULL REFERENCES postings(id),"
	"  entry_code TEXT NOT NULL, collective INTEGER NOT NULL DEFAULT 0,"
	"  recipient TEXT NOT NULL, birth_date TEXT NOT NULL DEFAULT '',"
	"  school TEXT NOT NULL DEFAULT '', entry TEXT NOT NULL,"
	"  entry_title TEXT NOT NULL, field TEXT NOT NULL,"
	"  prize TEXT NOT NULL, edition TEXT NOT NULL,"
	"  decision TEXT NOT NULL, issued TEXT NOT NULL,"
	"  key_id INTEGER NOT NULL REFERENCES signing_keys(id),"
	"  signature BLOB NOT NULL, code TEXT NOT NULL UNIQUE,"
	"  created_at INTEGER NOT NULL, created_by INTEGER NOT NULL,"
	"  revoked_at INTEGER, revoked_reason TEXT NOT NULL DEFAULT '',"
	"  replaced_by INTEGER REFERENCES certificates(id));"
	"CREATE INDEX certificates_edition ON certificates(edition_id, id);"
	"CREATE TRIGGER certificates_kept BEFORE DELETE ON certificates"
	"  BEGIN SELECT RAISE(ABORT, 'a certificate is never deleted'); END;"
	"CREATE TRIGGER certificates_facts BEFORE UPDATE OF id, edition_id,"
	"  posting_id, entry_code, collective, recipient, birth_date, school,"
	"  entry, entry_title, field, prize, edition, decision, issued,"
	"  key_id, signature, code, created_at, created_by ON certificates"
	"  BEGIN SELECT RAISE(ABORT, 'a certificate''s facts never change');"
	"  END;"
	"CREATE TRIGGER certificates_revoked BEFORE UPDATE ON certificates"
	"  WHEN OLD.revoked_at IS NOT NULL BEGIN SELECT RAISE(ABORT,"
	"  'a revocation is final'); END;",
	/* 13: the look of a program's certificates, edited by the
	 * organisers: one row for every prize of the program (prize ''),
	 * and rows for single prizes (as printed, "Giải Nhất") that differ.
	 * The look is not signed: a certificate printed again in a new look
	 * says the same facts and verifies the same. */
	"CREATE TABLE cert_templates ("
	"  program TEXT NOT NULL, prize TEXT NOT NULL,"
	"  heading TEXT NOT NULL, lead TEXT NOT NULL, body TEXT NOT NULL,"
	"  issuer TEXT NOT NULL, signer_title TEXT NOT NULL,"
	"  colour INTEGER NOT NULL CHECK (colour BETWEEN 0 AND 16777215),"
	"  accent INTEGER NOT NULL CHECK (accent BETWEEN 0 AND 16777215),"
	"  show_birth INTEGER NOT NULL, show_school INTEGER NOT NULL,"
	"  show_entry INTEGER NOT NULL, show_field INTEGER NOT NULL,"
	"  show_decision INTEGER NOT NULL, seal BLOB,"
	"  updated_at INTEGER NOT NULL, updated_by INTEGER NOT NULL,"
	"  PRIMARY KEY (program, prize));",
};

int
db_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

static int
user_version(sqlite3 *c, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(c, "PRAGMA user_version", -1, &st, NULL);

	if (rc == SQLITE_OK && db_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -1;
}

/*
 * Applies the missing migrations, each in its own IMMEDIATE transaction
 * with the version bump, so a crash leaves a consistent version.
 */
int
schema_migrate(sqlite3 *c)
{
	int have = 0, want = db_schema_version();
	char bump[64];

	if (user_version(c, &have) != 0)
		return db_log_error(c, "reading user_version");
	if (have > want) {
		fprintf(stderr,
		        "giamkhao: database schema %d is newer than "
		        "this program (%d)\n",
		        have, want);
		return -1;
	}
	for (int v = have; v < want; v++) {
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(c, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
		        SQLITE_OK ||
		    sqlite3_exec(c, migrations[v], NULL, NULL, NULL) !=
		        SQLITE_OK ||
		    sqlite3_exec(c, bump, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(c, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			db_log_error(c, "migrating the schema");
			sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return 0;
}

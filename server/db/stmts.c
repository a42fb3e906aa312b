/* stmts.c: the SQL text of every statement, indexed by enum stmt. */
#include "stmts.h"

/* A certificate's columns, in the order db/certs.c reads them. */
#define CERT_COLUMNS                                                           \
	"id, edition_id, posting_id, entry_code, collective, recipient,"       \
	" birth_date, school, entry, entry_title, field, prize, edition,"      \
	" decision, issued, key_id, signature, code, created_at,"              \
	" coalesce(revoked_at, 0), revoked_reason, coalesce(replaced_by, 0)"

const char *const stmt_sql[STMT__MAX] = {
	[STMT_AUDIT_TIP] =
	    "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit (id, at, user_id, address, action, object,"
	    " old_value, new_value, reason, prev_hash, hash)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_AUDIT_ALL] =
	    "SELECT id, at, user_id, address, action, object, old_value,"
	    " new_value, reason, prev_hash, hash FROM audit ORDER BY id",
	[STMT_ORG_GET] = "SELECT name, province, signatory, signatory_title,"
	                 " public_url FROM org WHERE id = 1",
	[STMT_ORG_PUT] =
	    "INSERT INTO org (id, name, province, signatory,"
	    " signatory_title, public_url) VALUES (1, ?, ?, ?, ?, ?)"
	    " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
	    " province = excluded.province, signatory = excluded.signatory,"
	    " signatory_title = excluded.signatory_title,"
	    " public_url = excluded.public_url",
	[STMT_USER_BY_LOGIN] =
	    "SELECT id, login, name, role, password_hash,"
	    " coalesce(expert_id, 0), disabled FROM users WHERE login = ?",
	[STMT_USER_BY_ID] =
	    "SELECT id, login, name, role, password_hash,"
	    " coalesce(expert_id, 0), disabled FROM users WHERE id = ?",
	[STMT_USER_INSERT] =
	    "INSERT INTO users (login, name, role, password_hash, expert_id,"
	    " created_at) VALUES (?, ?, ?, ?, nullif(?, 0), ?)",
	[STMT_USER_COUNT] = "SELECT count(*) FROM users",
	[STMT_SESSION_INSERT] =
	    "INSERT INTO sessions (token_hash, user_id, csrf, created_at,"
	    " expires_at, address, edition_id) VALUES (?, ?, ?, ?, ?, ?,"
	    " nullif(?, 0))",
	[STMT_SESSION_BY_HASH] =
	    "SELECT id, user_id, csrf, created_at, expires_at,"
	    " coalesce(edition_id, 0) FROM sessions WHERE token_hash = ?",
	[STMT_SESSION_DELETE] = "DELETE FROM sessions WHERE id = ?",
	[STMT_SESSION_PURGE] = "DELETE FROM sessions WHERE expires_at < ?",
	[STMT_EDITION_INSERT] =
	    "INSERT INTO editions (program, number, year_from, year_to, level,"
	    " title, submit_until, judging_until, posting_from, posting_until,"
	    " org_name, org_province, signatory, signatory_title,"
	    " hide_authors, created_at, applied_from, birth_from, birth_until,"
	    " side_prizes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?21)",
	/* the parameters of STMT_EDITION_INSERT (1 program and 16 created_at
	 * unused: neither changes), and the id */
	[STMT_EDITION_UPDATE] =
	    "UPDATE editions SET number = ?2, year_from = ?3, year_to = ?4,"
	    " level = ?5, title = ?6, submit_until = ?7, judging_until = ?8,"
	    " posting_from = ?9, posting_until = ?10, org_name = ?11,"
	    " org_province = ?12, signatory = ?13, signatory_title = ?14,"
	    " hide_authors = ?15, applied_from = ?17, birth_from = ?18,"
	    " birth_until = ?19, side_prizes = ?21 WHERE id = ?20"
	    " AND ?1 IS NOT NULL"
	    " AND ?16 IS NOT NULL",
	[STMT_EDITION_BY_ID] =
	    "SELECT id, program, number, year_from, year_to, level, title,"
	    " state, submit_until, judging_until, posting_from,"
	    " posting_until, org_name, org_province, signatory,"
	    " signatory_title, hide_authors, applied_from, birth_from,"
	    " birth_until, side_prizes FROM editions WHERE id = ?",
	[STMT_EDITION_LIST] =
	    "SELECT id, program, number, year_from, year_to, level, title,"
	    " state, submit_until, judging_until, posting_from,"
	    " posting_until, org_name, org_province, signatory,"
	    " signatory_title, hide_authors, applied_from, birth_from,"
	    " birth_until, side_prizes FROM editions"
	    " ORDER BY year_from DESC, id DESC",
	[STMT_EDITION_SET_STATE] =
	    "UPDATE editions SET state = ? WHERE id = ? AND state = ?",
	[STMT_RUBRIC_INSERT] =
	    "INSERT INTO rubrics (edition_id, version, json, reason,"
	    " created_at) VALUES (?, ?, ?, ?, ?)",
	[STMT_RUBRIC_LATEST] =
	    "SELECT version, json FROM rubrics WHERE edition_id = ?"
	    " ORDER BY version DESC LIMIT 1",
	[STMT_RUBRIC_SCORED] = "SELECT EXISTS (SELECT 1 FROM scores"
	                       " JOIN sheets ON sheets.id = scores.sheet_id"
	                       " JOIN entries ON entries.id = sheets.entry_id"
	                       " WHERE entries.edition_id = ?)",
	[STMT_FIELDS_USED] =
	    "SELECT DISTINCT field FROM entries WHERE edition_id = ?"
	    " ORDER BY field",
	[STMT_ENTRY_INSERT] =
	    "INSERT INTO entries (edition_id, code, title, field, summary,"
	    " organisation, district, applied_since, applied_place,"
	    " prior_awards, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_ENTRY_UPDATE] =
	    "UPDATE entries SET code = ?2, title = ?3, field = ?4,"
	    " summary = ?5, organisation = ?6, district = ?7,"
	    " applied_since = ?8, applied_place = ?9, prior_awards = ?10"
	    " WHERE id = ?1",
	[STMT_ENTRY_BY_ID] =
	    "SELECT id, edition_id, code, title, field, summary, organisation,"
	    " district, applied_since, applied_place, prior_awards,"
	    " eligibility, eligibility_reason FROM entries WHERE id = ?",
	[STMT_ENTRY_LIST] =
	    "SELECT id, edition_id, code, title, field, summary, organisation,"
	    " district, applied_since, applied_place, prior_awards,"
	    " eligibility, eligibility_reason FROM entries"
	    " WHERE edition_id = ? ORDER BY code",
	[STMT_ENTRY_DECIDE] = "UPDATE entries SET eligibility = ?,"
	                      " eligibility_reason = ? WHERE id = ?",
	[STMT_AUTHOR_INSERT] =
	    "INSERT INTO authors (entry_id, position, name, birth_date,"
	    " ethnicity, unit, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[STMT_AUTHOR_DELETE] = "DELETE FROM authors WHERE entry_id = ?",
	[STMT_AUTHOR_LIST] =
	    "SELECT name, birth_date, ethnicity, unit, role FROM authors"
	    " WHERE entry_id = ? ORDER BY position",
	[STMT_ATTACHMENT_INSERT] =
	    "INSERT INTO attachments (entry_id, name, mime, size, sha256, data,"
	    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[STMT_ATTACHMENT_BY_ID] =
	    "SELECT id, entry_id, name, mime, size, sha256, data"
	    " FROM attachments WHERE id = ?",
	[STMT_ATTACHMENT_LIST] =
	    "SELECT id, entry_id, name, mime, size, sha256 FROM attachments"
	    " WHERE entry_id = ? ORDER BY id",
	[STMT_JUDGE_ACCESS] =
	    "SELECT (SELECT count(*) FROM assignments WHERE entry_id = ?1"
	    " AND expert_id = ?2), (SELECT count(*) FROM conflicts"
	    " WHERE entry_id = ?1 AND expert_id = ?2),"
	    " (SELECT count(*) FROM panels p JOIN entries e"
	    "  ON e.edition_id = p.edition_id WHERE e.id = ?1"
	    "  AND p.chair_expert_id = ?2"
	    "  AND instr(' ' || p.fields || ' ', ' ' || e.field || ' ') > 0)",
	[STMT_CHAIRS] = "SELECT count(*) FROM panels WHERE chair_expert_id = ?1"
	                " AND (?2 = 0 OR edition_id = ?2)",
	[STMT_EXPERT_INSERT] =
	    "INSERT INTO experts (name, title, unit, fields, email, phone)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_EXPERT_UPDATE] =
	    "UPDATE experts SET name = ?2, title = ?3, unit = ?4, fields = ?5,"
	    " email = ?6, phone = ?7 WHERE id = ?1",
	[STMT_EXPERT_BY_ID] =
	    "SELECT x.id, x.name, x.title, x.unit, x.fields, x.email, x.phone,"
	    " coalesce((SELECT u.id FROM users u WHERE u.expert_id = x.id),"
	    " 0) FROM experts x WHERE x.id = ?",
	[STMT_EXPERT_LIST] =
	    "SELECT x.id, x.name, x.title, x.unit, x.fields, x.email, x.phone,"
	    " coalesce((SELECT u.id FROM users u WHERE u.expert_id = x.id),"
	    " 0) FROM experts x ORDER BY x.name, x.id",
	[STMT_PANEL_INSERT] =
	    "INSERT INTO panels (edition_id, name, fields, chair_expert_id)"
	    " VALUES (?, ?, ?, nullif(?, 0))",
	[STMT_PANEL_UPDATE] = "UPDATE panels SET name = ?2, fields = ?3,"
	                      " chair_expert_id = nullif(?4, 0) WHERE id = ?1",
	[STMT_PANEL_BY_ID] =
	    "SELECT id, edition_id, name, fields, coalesce(chair_expert_id, 0),"
	    " coalesce(locked_at, 0)"
	    " FROM panels WHERE id = ?",
	[STMT_PANEL_LIST] =
	    "SELECT id, edition_id, name, fields, coalesce(chair_expert_id, 0),"
	    " coalesce(locked_at, 0)"
	    " FROM panels WHERE edition_id = ? ORDER BY id",
	[STMT_PANEL_CHAIRED] =
	    "SELECT id, edition_id, name, fields, coalesce(chair_expert_id, 0),"
	    " coalesce(locked_at, 0)"
	    " FROM panels WHERE chair_expert_id = ?"
	    " ORDER BY edition_id DESC, id",
	[STMT_MEMBER_INSERT] =
	    "INSERT INTO panel_members (panel_id, expert_id) VALUES (?, ?)",
	[STMT_MEMBER_DELETE] = "DELETE FROM panel_members WHERE panel_id = ?",
	[STMT_MEMBER_LIST] = "SELECT expert_id FROM panel_members"
	                     " WHERE panel_id = ? ORDER BY expert_id",
	[STMT_CONFLICT_INSERT] =
	    "INSERT INTO conflicts (entry_id, expert_id, source, reason,"
	    " created_at) VALUES (?, ?, ?, ?, ?)"
	    " ON CONFLICT (entry_id, expert_id) DO UPDATE SET"
	    " source = excluded.source, reason = excluded.reason",
	[STMT_CONFLICT_LIST] =
	    "SELECT c.entry_id, c.expert_id, c.source, c.reason"
	    " FROM conflicts c JOIN entries e ON e.id = c.entry_id"
	    " WHERE e.edition_id = ? ORDER BY c.entry_id, c.expert_id",
	[STMT_ASSIGNMENT_INSERT] =
	    "INSERT INTO assignments (entry_id, expert_id, manual, created_at)"
	    " VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, expert_id)"
	    " DO UPDATE SET manual = excluded.manual",
	[STMT_ASSIGNMENT_DELETE] =
	    "DELETE FROM assignments WHERE entry_id = ? AND expert_id = ?",
	[STMT_ASSIGNMENT_DELETE_AUTO] =
	    "DELETE FROM assignments WHERE entry_id = ? AND manual = 0",
	[STMT_ASSIGNMENT_LIST] =
	    "SELECT a.entry_id, a.expert_id, a.manual FROM assignments a"
	    " JOIN entries e ON e.id = a.entry_id WHERE e.edition_id = ?"
	    " ORDER BY a.entry_id, a.expert_id",
	[STMT_LINK_INSERT] =
	    "INSERT INTO login_links (token_hash, user_id, created_at,"
	    " expires_at) VALUES (?, ?, ?, ?)",
	/* single use: only an unused, unexpired link is marked and returned */
	[STMT_LINK_USE] =
	    "UPDATE login_links SET used_at = ?2, used_from = ?3"
	    " WHERE token_hash = ?1 AND used_at IS NULL AND revoked_at IS NULL"
	    " AND expires_at > ?2 RETURNING user_id, coalesce(edition_id, 0)",
	[STMT_LINK_USABLE] =
	    "SELECT 1 FROM login_links WHERE token_hash = ?1 AND used_at IS"
	    " NULL AND revoked_at IS NULL AND expires_at > ?2",
	[STMT_LINK_USE_CODE] =
	    "UPDATE login_links SET used_at = ?2, used_from = ?3"
	    " WHERE code_hash = ?1 AND used_at IS NULL AND revoked_at IS NULL"
	    " AND expires_at > ?2 RETURNING user_id, coalesce(edition_id, 0)",
	[STMT_CARD_INSERT] =
	    "INSERT INTO login_links (token_hash, code_hash, user_id,"
	    " edition_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* a new card makes the judge's earlier ones for the edition void */
	[STMT_CARD_REVOKE] =
	    "UPDATE login_links SET revoked_at = ?3 WHERE user_id = ?1"
	    " AND edition_id = ?2 AND revoked_at IS NULL AND used_at IS NULL",
	[STMT_CARD_END_SESSIONS] =
	    "DELETE FROM sessions WHERE user_id = ? AND edition_id = ?",
	[STMT_JUDGE_USER] =
	    "SELECT id FROM users WHERE expert_id = ? AND role = 'judge'"
	    " ORDER BY id LIMIT 1",
	/* the edition's judges (panel members) with their panels and their
	 * latest card */
	[STMT_CARDS] =
	    "SELECT x.id, x.name, coalesce(u.id, 0), coalesce(u.login, ''),"
	    " (SELECT group_concat(p.name, '; ') FROM panels p"
	    "   WHERE p.edition_id = ?1 AND (p.chair_expert_id = x.id OR EXISTS"
	    "   (SELECT 1 FROM panel_members m WHERE m.panel_id = p.id"
	    "   AND m.expert_id = x.id))),"
	    " (SELECT group_concat(p.name, '; ') FROM panels p"
	    "   WHERE p.edition_id = ?1 AND p.chair_expert_id = x.id),"
	    " coalesce(l.created_at, 0), coalesce(l.used_at, 0),"
	    " coalesce(l.used_from, ''), coalesce(l.revoked_at, 0),"
	    " coalesce(l.expires_at, 0),"
	    " (SELECT count(*) FROM login_links c WHERE c.edition_id = ?1"
	    "   AND c.user_id = u.id)"
	    " FROM experts x"
	    " LEFT JOIN users u ON u.id = (SELECT min(id) FROM users"
	    "   WHERE expert_id = x.id AND role = 'judge')"
	    " LEFT JOIN login_links l ON l.id = (SELECT max(id) FROM "
	    "login_links"
	    "   WHERE edition_id = ?1 AND user_id = u.id)"
	    " WHERE x.id IN (SELECT m.expert_id FROM panel_members m JOIN "
	    "panels p"
	    "   ON p.id = m.panel_id WHERE p.edition_id = ?1"
	    "   UNION SELECT chair_expert_id FROM panels WHERE edition_id = ?1)"
	    " ORDER BY x.name, x.id",
	[STMT_SHEET_UPSERT] =
	    "INSERT INTO sheets (entry_id, expert_id, rubric_version, state,"
	    " comment, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT (entry_id, expert_id) DO UPDATE SET"
	    " rubric_version = excluded.rubric_version, state = excluded.state,"
	    " comment = excluded.comment, updated_at = excluded.updated_at"
	    " RETURNING id",
	[STMT_SCORE_PUT] =
	    "INSERT INTO scores (sheet_id, criterion, points) VALUES (?, ?, ?)"
	    " ON CONFLICT (sheet_id, criterion) DO UPDATE SET"
	    " points = excluded.points",
	[STMT_SHEET_GET] =
	    "SELECT id, rubric_version, state, comment, version, updated_at,"
	    " coalesce(submitted_at, 0), reopened FROM sheets"
	    " WHERE entry_id = ? AND expert_id = ?",
	[STMT_SHEET_SCORES] =
	    "SELECT criterion, points FROM scores WHERE sheet_id = ?"
	    " ORDER BY rowid",
	[STMT_SHEET_INSERT] =
	    "INSERT INTO sheets (entry_id, expert_id, rubric_version, state,"
	    " comment, updated_at) VALUES (?, ?, ?, 'draft', '', ?)"
	    " RETURNING id",
	[STMT_SHEET_UPDATE] =
	    "UPDATE sheets SET rubric_version = ?2, state = ?3, comment = ?4,"
	    " updated_at = ?5, version = ?6, submitted_at = nullif(?7, 0),"
	    " reopened = ?8 WHERE id = ?1",
	[STMT_SCORES_CLEAR] = "DELETE FROM scores WHERE sheet_id = ?",
	[STMT_SAVE_SEEN] =
	    "SELECT sheet_id FROM sheet_saves WHERE client_id = ?",
	[STMT_SAVE_ADD] =
	    "INSERT INTO sheet_saves (client_id, sheet_id, version, at)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_ENTRY_LOCKED] =
	    "SELECT count(*) FROM panels p JOIN entries e"
	    " ON e.edition_id = p.edition_id WHERE e.id = ?"
	    " AND p.locked_at IS NOT NULL"
	    " AND instr(' ' || p.fields || ' ', ' ' || e.field || ' ') > 0",
	[STMT_SHEET_OWNER] =
	    "SELECT entry_id, expert_id FROM sheets WHERE id = ?",
	[STMT_SHEET_REOPEN] =
	    "UPDATE sheets SET state = 'draft', reopened = 1,"
	    " version = version + 1, updated_at = ?2, submitted_at = NULL"
	    " WHERE id = ?1 AND state = 'submitted'",
	[STMT_PANEL_LOCK] =
	    "UPDATE panels SET locked_at = CASE WHEN ?2 THEN ?3 END"
	    " WHERE id = ?1",
	[STMT_PROGRESS] =
	    "SELECT p.id, x.id, x.name, e.id, e.code,"
	    " coalesce(s.state, CASE WHEN b.cast_at IS NOT NULL"
	    " THEN 'submitted' ELSE '' END),"
	    " coalesce(s.updated_at, b.cast_at, 0), coalesce(s.id, 0)"
	    " FROM panels p JOIN entries e ON e.edition_id = p.edition_id"
	    " AND instr(' ' || p.fields || ' ', ' ' || e.field || ' ') > 0"
	    " JOIN assignments a ON a.entry_id = e.id"
	    " JOIN experts x ON x.id = a.expert_id"
	    " LEFT JOIN sheets s ON s.entry_id = e.id AND s.expert_id = x.id"
	    /* a ballot: a member's cast submits their whole paper */
	    " LEFT JOIN ballot_casts b ON b.edition_id = p.edition_id"
	    " AND b.expert_id = x.id"
	    " WHERE p.edition_id = ? ORDER BY p.id, x.name, x.id, e.code",
	[STMT_ORG_USERS] = "SELECT count(*) FROM users",
	[STMT_JUDGE_ENTRIES] =
	    "SELECT e.id, e.code, e.title, ed.title,"
	    " coalesce(s.state, CASE WHEN b.cast_at IS NOT NULL"
	    " THEN 'submitted' ELSE '' END),"
	    " ed.judging_until, ed.id, ed.state"
	    " FROM assignments a JOIN entries e ON e.id = a.entry_id"
	    " JOIN editions ed ON ed.id = e.edition_id"
	    " LEFT JOIN sheets s ON s.entry_id = a.entry_id"
	    " AND s.expert_id = a.expert_id"
	    " LEFT JOIN ballot_casts b ON b.edition_id = ed.id"
	    " AND b.expert_id = a.expert_id"
	    " WHERE a.expert_id = ?1 AND NOT EXISTS (SELECT 1 FROM conflicts c"
	    " WHERE c.entry_id = a.entry_id AND c.expert_id = ?1)"
	    " ORDER BY ed.id, e.code",
	/* the points of the submitted sheets that count on the dashboard:
	 * their judge still assigned and not in a declared conflict */
	/* the points that count for results: submitted sheets of eligible
	 * entries by their assigned judges, no declared conflict; by entry
	 * code, judge, criterion */
	[STMT_RESULT_SCORES] =
	    "SELECT e.code, e.field, x.id, c.criterion, c.points"
	    " FROM entries e JOIN assignments a ON a.entry_id = e.id"
	    " JOIN experts x ON x.id = a.expert_id"
	    " JOIN sheets s ON s.entry_id = e.id AND s.expert_id = x.id"
	    " AND s.state = 'submitted'"
	    " JOIN scores c ON c.sheet_id = s.id"
	    " WHERE e.edition_id = ?1 AND e.eligibility = 'eligible'"
	    " AND NOT EXISTS (SELECT 1 FROM conflicts k"
	    " WHERE k.entry_id = e.id AND k.expert_id = x.id)"
	    " ORDER BY e.code, x.id, c.criterion",
	[STMT_PANELS_UNLOCKED] =
	    "SELECT name FROM panels WHERE edition_id = ? AND locked_at IS NULL"
	    " ORDER BY id",
	[STMT_SNAPSHOT_INSERT] =
	    "INSERT INTO results_snapshots (edition_id, created_at, created_by,"
	    " rubric_version, rubric_json, scores_csv, results_json,"
	    " results_sha256, program_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?)",
	[STMT_SNAPSHOT_GET] =
	    "SELECT id, edition_id, created_at, created_by, rubric_version,"
	    " rubric_json, scores_csv, results_json, results_sha256,"
	    " program_version FROM results_snapshots WHERE id = ?",
	[STMT_SNAPSHOT_LIST] =
	    "SELECT s.id, s.created_at, coalesce(u.name, ''), s.results_sha256"
	    " FROM results_snapshots s LEFT JOIN users u ON u.id = s.created_by"
	    " WHERE s.edition_id = ? ORDER BY s.id DESC",
	[STMT_DECISION_INSERT] =
	    "INSERT INTO committee_decisions (snapshot_id, entry_code, kind,"
	    " tier, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, "
	    "?)",
	[STMT_DECISIONS] =
	    "SELECT d.id, d.entry_code, d.kind, d.tier, d.reason, d.created_at,"
	    " coalesce(u.name, '') FROM committee_decisions d LEFT JOIN users u"
	    " ON u.id = d.created_by WHERE d.snapshot_id = ? ORDER BY d.id",
	/* a correction's snapshot starts with the standing decisions */
	[STMT_DECISIONS_CARRY] =
	    "INSERT INTO committee_decisions (snapshot_id, entry_code, kind,"
	    " tier, reason, created_at, created_by) SELECT ?2, entry_code, "
	    "kind,"
	    " tier, reason, created_at, created_by FROM committee_decisions"
	    " WHERE snapshot_id = ?1 ORDER BY id",
	[STMT_POSTING_INSERT] =
	    "INSERT INTO postings (edition_id, snapshot_id, period_from,"
	    " period_until, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_POSTING_CURRENT] =
	    "SELECT id, edition_id, snapshot_id, period_from, period_until,"
	    " posted_at, decision_number, decision_date, decision_signatory,"
	    " coalesce(decided_at, 0), coalesce(replaces, 0), note"
	    " FROM postings WHERE edition_id = ? ORDER BY id DESC LIMIT 1",
	[STMT_POSTING_BY_ID] =
	    "SELECT id, edition_id, snapshot_id, period_from, period_until,"
	    " posted_at, decision_number, decision_date, decision_signatory,"
	    " coalesce(decided_at, 0), coalesce(replaces, 0), note"
	    " FROM postings WHERE id = ?",
	/* a correction is decided as it is recorded: no posting period */
	[STMT_CORRECTION_INSERT] =
	    "INSERT INTO postings (edition_id, snapshot_id, period_from,"
	    " period_until, posted_at, posted_by, decision_number,"
	    " decision_date, decision_signatory, decided_at, replaces, note)"
	    " VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?3, ?7, ?4, ?8, ?9)",
	[STMT_POSTING_DECIDE] =
	    "UPDATE postings SET decision_number = ?2, decision_date = ?3,"
	    " decision_signatory = ?4, decided_at = ?5 WHERE id = ?1"
	    " AND decided_at IS NULL",
	[STMT_OBJECTION_INSERT] =
	    "INSERT INTO objections (posting_id, entry_code, received_on,"
	    " sender, content, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_OBJECTION_ANSWER] =
	    "UPDATE objections SET answer = ?2, answered_at = ?3 WHERE id = ?1"
	    " AND posting_id = ?4",
	[STMT_OBJECTIONS] =
	    "SELECT id, entry_code, received_on, sender, content, answer,"
	    " coalesce(answered_at, 0) FROM objections WHERE posting_id = ?"
	    " ORDER BY id",
	[STMT_PROGRESS_SCORES] =
	    "SELECT p.id, e.id, e.code, e.title, e.field, x.id, x.name,"
	    " c.criterion, c.points"
	    " FROM panels p JOIN entries e ON e.edition_id = p.edition_id"
	    " AND instr(' ' || p.fields || ' ', ' ' || e.field || ' ') > 0"
	    " JOIN assignments a ON a.entry_id = e.id"
	    " JOIN experts x ON x.id = a.expert_id"
	    " JOIN sheets s ON s.entry_id = e.id AND s.expert_id = x.id"
	    " AND s.state = 'submitted'"
	    " JOIN scores c ON c.sheet_id = s.id"
	    " WHERE p.edition_id = ?1 AND NOT EXISTS (SELECT 1 FROM conflicts k"
	    " WHERE k.entry_id = e.id AND k.expert_id = x.id)"
	    " ORDER BY p.id, e.code, e.id, x.name, x.id",
	[STMT_JUDGE_CONFLICTS] =
	    "SELECT k.entry_id, e.code, e.title, x.name, k.reason,"
	    " k.created_at FROM conflicts k"
	    " JOIN entries e ON e.id = k.entry_id"
	    " JOIN experts x ON x.id = k.expert_id"
	    " WHERE e.edition_id = ? AND k.source = 'judge'"
	    " ORDER BY k.created_at DESC, k.rowid DESC",
	/* a member's ballot paper: the eligible dossiers assigned to them,
	 * less those they are in conflict with */
	[STMT_BALLOT_PAPER] =
	    "SELECT e.id FROM assignments a JOIN entries e ON e.id = a.entry_id"
	    " WHERE e.edition_id = ?1 AND a.expert_id = ?2"
	    " AND e.eligibility = 'eligible' AND NOT EXISTS (SELECT 1"
	    " FROM conflicts k WHERE k.entry_id = e.id AND k.expert_id = ?2)"
	    " ORDER BY e.code, e.id",
	[STMT_BALLOT_CAST_GET] = "SELECT cast_at, dossiers FROM ballot_casts"
	                         " WHERE edition_id = ?1 AND expert_id = ?2",
	[STMT_BALLOT_CLIENT] = "SELECT edition_id, expert_id FROM ballot_casts"
	                       " WHERE client_id = ?1",
	[STMT_BALLOT_CAST_INSERT] =
	    "INSERT INTO ballot_casts (edition_id, expert_id, cast_at,"
	    " dossiers, client_id) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_BALLOT_TALLY_ADD] =
	    "INSERT INTO ballot_tallies (entry_id, yes, no) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (entry_id) DO UPDATE SET yes = yes + excluded.yes,"
	    " no = no + excluded.no",
	/* what the results count: the tallies of eligible dossiers */
	[STMT_BALLOT_TALLIES] =
	    "SELECT e.code, e.field, t.yes, t.no FROM ballot_tallies t"
	    " JOIN entries e ON e.id = t.entry_id"
	    " WHERE e.edition_id = ?1 AND e.eligibility = 'eligible'"
	    " AND t.yes + t.no > 0 ORDER BY e.code",
	/* is the round closed for a member: a locked panel judging one of
	 * the member's dossiers */
	[STMT_BALLOT_CLOSED] =
	    "SELECT count(*) FROM panels p JOIN entries e"
	    " ON e.edition_id = p.edition_id"
	    " AND instr(' ' || p.fields || ' ', ' ' || e.field || ' ') > 0"
	    " JOIN assignments a ON a.entry_id = e.id"
	    " WHERE p.edition_id = ?1 AND a.expert_id = ?2"
	    " AND p.locked_at IS NOT NULL",
	/* how many members cast in an edition (for the vote count minutes) */
	[STMT_BALLOT_CASTS_COUNT] =
	    "SELECT count(*) FROM ballot_casts WHERE edition_id = ?1",
	/* certificate signing keys (public parts; keys.c) */
	[STMT_KEY_INSERT] = "INSERT INTO signing_keys (id, public_key,"
	                    " created_at) VALUES (?1, ?2, ?3)",
	[STMT_KEY_GET] = "SELECT id, public_key, created_at, retired_at,"
	                 " revoked_at, revoked_reason FROM signing_keys"
	                 " WHERE id = ?1",
	[STMT_KEYS] =
	    "SELECT id, public_key, created_at, retired_at,"
	    " revoked_at, revoked_reason FROM signing_keys ORDER BY id",
	[STMT_KEY_RETIRE] =
	    "UPDATE signing_keys SET retired_at = ?2 WHERE id = ?1"
	    " AND retired_at IS NULL AND revoked_at IS NULL",
	[STMT_KEY_REVOKE] = "UPDATE signing_keys SET revoked_at = ?2,"
	                    " revoked_reason = ?3 WHERE id = ?1"
	                    " AND revoked_at IS NULL",
	[STMT_CERT_NEXT] = "SELECT coalesce(max(id), 0) + 1 FROM certificates",
	[STMT_CERT_INSERT] =
	    "INSERT INTO certificates (id, edition_id, posting_id, entry_code,"
	    " collective, recipient, birth_date, school, entry, entry_title,"
	    " field, prize, edition, decision, issued, key_id, signature, code,"
	    " created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
	[STMT_CERT_REVOKE] =
	    "UPDATE certificates SET revoked_at = ?2, revoked_reason = ?3,"
	    " replaced_by = ?4 WHERE id = ?1 AND revoked_at IS NULL",
	[STMT_CERT_BY_CODE] =
	    "SELECT " CERT_COLUMNS " FROM certificates WHERE code = ?1",
	[STMT_CERT_BY_ID] =
	    "SELECT " CERT_COLUMNS " FROM certificates WHERE id = ?1",
	[STMT_CERTS_OF_EDITION] =
	    "SELECT " CERT_COLUMNS " FROM certificates WHERE edition_id = ?1"
	    " ORDER BY id",
	/* certificate templates (templates.c) */
	[STMT_TEMPLATE_GET] =
	    "SELECT program, prize, heading, lead, body, issuer, signer_title,"
	    " colour, accent, show_birth, show_school, show_entry, show_field,"
	    " show_decision, seal, updated_at FROM cert_templates"
	    " WHERE program = ?1 AND prize = ?2",
	[STMT_TEMPLATE_PUT] =
	    "INSERT OR REPLACE INTO cert_templates (program, prize, heading,"
	    " lead, body, issuer, signer_title, colour, accent, show_birth,"
	    " show_school, show_entry, show_field, show_decision, seal,"
	    " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	[STMT_TEMPLATE_DELETE] =
	    "DELETE FROM cert_templates WHERE program = ?1 AND prize = ?2",
	/* a request's snapshot: prepared once, not parsed per request */
	[STMT_READ_BEGIN] = "BEGIN",
	[STMT_READ_END] = "COMMIT",
};

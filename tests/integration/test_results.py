#!/usr/bin/env python3
"""test_results.py: results snapshots over HTTP: refused while judging,
while a panel's round is open, and for a score the rubric refuses (with
nothing stored); a snapshot's ranks and scores on the review page (worked
out by hand here); determinism (a second computation gives the same
bytes); the export -> offline recompute round trip (`giamkhao
export-scores` then `giamkhao results` reproduce the snapshot byte for
byte); snapshots cannot be changed or deleted; who may see them.
usage: test_results.py BINARY"""
import csv
import datetime
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_sheets import JUDGES, api, ids_of, judge, judging_edition  # noqa

# points (novelty /30, applicability /30, effectiveness /40) per judge and
# entry: totals a: 80, 70, 60, 50; b: 84, 66, 60, 52; c: 76, 74, 60, 48
POINTS = {
    "a": [(25, 25, 30), (20, 20, 30), (20, 15, 25), (15, 15, 20)],
    "b": [(26, 26, 32), (20, 18, 28), (20, 15, 25), (15, 15, 22)],
    "c": [(24, 24, 28), (22, 22, 30), (20, 15, 25), (14, 14, 20)],
}
# the means: 80.00, 70.00, 60.00, 50.00; entries 2 and 3 are close
MEANS = ["80.00", "70.00", "60.00", "50.00"]


def submit(t, s, letter, entries):
    login = "gk" + letter
    j = judge(s, login)
    for i, e in enumerate(entries):
        n, a, f = POINTS[letter][i]
        r = api(j, "POST", "/api/entries/%d/sheet" % e, {
            "client_id": "results-%s-%d-aaaaaaaaaaaa" % (login, i),
            "version": 0, "rubric_version": 1, "state": "submitted",
            "points": {"novelty": str(n), "applicability": str(a),
                       "effectiveness": str(f)}})
        t.check("%s submits entry %d" % (login, i), r.status == 200, r.text)


def setup(t, s):
    c = Client(s)
    c.login("bantochuc")
    for _, name, unit in JUDGES:
        c.post("/experts/new", {"name": name, "unit": unit})
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    for login, name, _ in JUDGES:
        s.add_user(login, "judge", name, expert=experts[name])
    ed, entries = judging_edition(t, c, experts, "KQ", ["abc"] * 4,
                                  chair="d", side_youngest="on",
                                  side_oldest="on", side_minority="on",
                                  side_unit="on")
    got = ids_of(s, "SELECT side_prizes FROM editions WHERE id = ?", ed)
    t.check("the edition form keeps the four side prizes", got == [(15,)],
            got)
    # what the side prizes read (entries no longer editable in judging)
    db = sqlite3.connect(s.db)
    for code, birth, ethnicity in (("KQ-01", "2001-02-03", "Tày"),
                                   ("KQ-02", "1950-06-07", "Kinh"),
                                   ("KQ-03", "1980-01-01", "Mông")):
        db.execute("UPDATE authors SET birth_date = ?, ethnicity = ? WHERE"
                   " entry_id = (SELECT id FROM entries WHERE code = ?)",
                   (birth, ethnicity, code))
    db.execute("UPDATE entries SET organisation = 'Hợp tác xã Chung' WHERE"
               " code IN ('KQ-00', 'KQ-01')")
    db.commit()
    db.close()
    for letter in "abc":
        submit(t, s, letter, entries)
    return c, ed, entries


def snapshots(s):
    return ids_of(s, "SELECT id, scores_csv, rubric_json, results_json,"
                     " results_sha256 FROM results_snapshots ORDER BY id")


def compute(c, ed):
    path = "/editions/%d/results" % ed
    return c.post(path, {}, csrf=c.get(path).csrf() or c.get("/").csrf())


def check_refusals(t, s, c, ed):
    path = "/editions/%d" % ed
    r = compute(c, ed)
    t.check("while judging: no results (409 or 404)", r.status in (404, 409)
            and not snapshots(s), r.status)
    c.post(path + "/advance", {"from": "judging", "csrf": c.get(path).csrf()})
    state = ids_of(s, "SELECT state FROM editions WHERE id = ?", ed)[0][0]
    t.check("the edition moves to results", state == "results", state)
    r = compute(c, ed)
    t.check("a panel's round still open: refused, naming the panel",
            r.status == 409 and "chưa khóa vòng chấm" in r.text and
            "Co khi" in r.text and not snapshots(s), r.status)
    panel = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0]
    r = c.post("/panels/%d/lock" % panel, {"op": "lock"})
    t.check("the organiser locks the round", r.status == 303, r.status)
    # a score the rubric in force refuses (as left by an old rubric)
    db = sqlite3.connect(s.db)
    row = db.execute("SELECT c.sheet_id, c.criterion, c.points FROM scores c"
                     " ORDER BY c.sheet_id LIMIT 1").fetchone()
    db.execute("UPDATE scores SET points = 3333 WHERE sheet_id = ? AND"
               " criterion = ?", row[:2])
    db.commit()
    r = compute(c, ed)
    t.check("a score the rubric refuses: 422 naming line and column",
            r.status == 422 and "scores.csv" in r.text and
            "dòng" in r.text and not snapshots(s), (r.status, r.text[-600:]))
    db.execute("UPDATE scores SET points = ? WHERE sheet_id = ? AND"
               " criterion = ?", (row[2],) + row[:2])
    db.commit()
    db.close()


def check_snapshot(t, s, c, ed, entries):
    r = compute(c, ed)
    t.check("results computed: a snapshot, then its page", r.status == 303
            and "snapshot=" in (r.header("Location") or ""), r.status)
    snaps = snapshots(s)
    t.check("one snapshot stored", len(snaps) == 1, len(snaps))
    page = c.get(r.header("Location"))
    t.check("the review page", page.status == 200 and "Kết quả chấm" in
            page.text and "KQ-00" in page.text, page.status)
    for i, mean in enumerate(MEANS):
        t.check("entry %d: its mean %s on the page" % (i, mean),
                mean in page.text)
    res = json.loads(snaps[0][3])
    t.check("the manifest names both inputs' SHA-256",
            "manifest" in snaps[0][3] and snaps[0][1] and snaps[0][2] and
            len(snaps[0][4]) == 64, snaps[0][3][:300])
    flat = " ".join(page.text.split())
    t.check("side prizes: youngest and oldest author",
            "Tác giả 1 (2001, KQ-01)" in flat and
            "Tác giả 2 (1950, KQ-02)" in flat and "03/02" not in flat,
            flat[-1500:])
    t.check("side prizes: the best-placed ethnic-minority author's entry",
            "<dd>KQ-01 Máy cơ khí 1</dd>" in flat)
    t.check("side prizes: the unit with the most entries",
            "Hợp tác xã Chung (2)" in flat)
    t.check("the diagnostics are explained",
            "Krippendorff" in page.text and "ICC(2,1)" in page.text and
            "chấm chặt hơn" in page.text)
    csv = snaps[0][1]
    t.check("the counted sheets: 4 entries x 3 judges x 3 criteria",
            csv.count("\n") == 1 + 36, csv[:200])
    n = ids_of(s, "SELECT count(*) FROM audit WHERE action ="
                  " 'results.snapshot'")[0][0]
    t.check("the snapshot is in the audit log", n == 1, n)
    return res


def check_determinism(t, s, c, ed):
    r = compute(c, ed)
    snaps = snapshots(s)
    t.check("computing again: a second snapshot", r.status == 303 and
            len(snaps) == 2, r.status)
    t.check("from the same sheets: the same bytes and hash",
            snaps[0][1:] == snaps[1][1:], [x[4] for x in snaps])
    sid = snaps[1][0]
    for name, col in (("scores.csv", 1), ("rubric.json", 2),
                      ("results.json", 3)):
        r = c.get("/snapshots/%d/%s" % (sid, name))
        t.check("download %s: the stored bytes" % name, r.status == 200 and
                r.text == snaps[1][col] and "attachment" in
                (r.header("Content-Disposition") or ""), r.status)
    page = c.get("/editions/%d/results" % ed)
    t.check("the page lists both snapshots",
            "?snapshot=%d" % snaps[0][0] in page.text and
            "?snapshot=%d" % sid in page.text)


def check_round_trip(t, s, ed):
    snap = snapshots(s)[-1]
    with tempfile.TemporaryDirectory() as tmp:
        rubric = os.path.join(tmp, "rubric.json")
        scores = os.path.join(tmp, "scores.csv")
        r = s.cli("export-scores", "--db", s.db, "--edition", str(ed),
                  "--rubric", rubric)
        t.check("export-scores: exit 0", r.returncode == 0, r.stderr)
        with open(scores, "w") as f:
            f.write(r.stdout)
        t.check("export-scores writes the snapshot's sheets",
                r.stdout == snap[1])
        with open(rubric) as f:
            t.check("--rubric writes the snapshot's rubric",
                    f.read() == snap[2])
        out = subprocess.run([s.binary, "results", rubric, scores, "--format",
                              "json"], capture_output=True, text=True)
        t.check("the offline command reproduces the snapshot byte for byte",
                out.returncode == 0 and out.stdout == snap[3],
                (out.returncode, out.stderr, len(out.stdout), len(snap[3])))
    r = s.cli("export-scores", "--db", s.db, "--edition", "999")
    t.check("export-scores of an unknown edition: exit 2",
            r.returncode == 2, r.returncode)


def check_frozen(t, s):
    db = sqlite3.connect(s.db)
    for sql in ("UPDATE results_snapshots SET results_json = '{}'",
                "DELETE FROM results_snapshots"):
        try:
            db.execute(sql)
            db.commit()
            ok = False
        except sqlite3.DatabaseError as e:
            ok = "never" in str(e)
        t.check("a snapshot cannot be changed: " + sql.split()[0], ok)
    db.close()


def check_old_program(t, s, c, ed):
    """A snapshot an older program made must still recompute to its stored
    results, or its pages refuse to stand for it."""
    db = sqlite3.connect(s.db)
    db.execute("INSERT INTO results_snapshots (edition_id, created_at,"
               " created_by, rubric_version, rubric_json, scores_csv,"
               " results_json, results_sha256, program_version) SELECT"
               " edition_id, created_at, created_by, rubric_version,"
               " rubric_json, scores_csv, results_json, ?, '0.0-old' FROM"
               " results_snapshots ORDER BY id DESC LIMIT 1", ("0" * 64,))
    db.commit()
    bad = db.execute("SELECT max(id) FROM results_snapshots").fetchone()[0]
    db.execute("INSERT INTO results_snapshots (edition_id, created_at,"
               " created_by, rubric_version, rubric_json, scores_csv,"
               " results_json, results_sha256, program_version) SELECT"
               " edition_id, created_at, created_by, rubric_version,"
               " rubric_json, scores_csv, results_json, results_sha256,"
               " '0.0-old' FROM results_snapshots WHERE id = ?", (bad - 1,))
    db.commit()
    good = db.execute("SELECT max(id) FROM results_snapshots").fetchone()[0]
    db.close()
    r = c.get("/editions/%d/results?snapshot=%d" % (ed, bad))
    t.check("an old program's snapshot that no longer recomputes: refused",
            r.status == 500 and "KQ-00" not in r.text, r.status)
    r = c.get("/editions/%d/results?snapshot=%d" % (ed, good))
    t.check("an old program's snapshot that still recomputes: shown",
            r.status == 200 and "KQ-00" in r.text, r.status)


def check_access(t, s, ed):
    sid = snapshots(s)[-1][0]
    j = judge(s, "gka")
    for path in ("/editions/%d/results" % ed,
                 "/snapshots/%d/results.json" % sid,
                 "/snapshots/%d/scores.csv" % sid):
        r = j.get(path)
        t.check("a judge cannot read " + path, r.status in (403, 404) and
                "KQ-00" not in r.text, r.status)
    r = Client(s).get("/snapshots/%d/scores.csv" % sid)
    t.check("anonymous: no snapshot", r.status in (303, 401, 403, 404))
    chair = judge(s, "gkd")
    db = sqlite3.connect(s.db)
    db.execute("INSERT INTO conflicts (entry_id, expert_id, source, reason,"
               " created_at) SELECT e.id, u.expert_id, 'organiser',"
               " 'thử', 0 FROM entries e, users u WHERE e.code = 'KQ-01'"
               " AND u.login = 'gkd'")
    db.commit()
    page = chair.get("/editions/%d/results" % ed)
    others = [name for login, name, _ in JUDGES if login != "gkd"]
    t.check("a panel's chair reads the results of the panel's fields",
            page.status == 200 and "KQ-00" in page.text and
            "KQ-02" in page.text, page.status)
    t.check("...without the entry the chair is in conflict with",
            "KQ-01" not in page.text, page.text[-2000:])
    t.check("...without any judge's name or total, read-only",
            not any(n in page.text for n in others) and
            'action="/snapshots/' not in page.text and
            "/results.csv" not in page.text and
            'action="/editions/%d/posting"' % ed not in page.text,
            [n for n in others if n in page.text])
    db.execute("DELETE FROM conflicts WHERE source = 'organiser' AND"
               " reason = 'thử'")
    db.commit()
    db.close()
    t.check("nor a snapshot's files",
            chair.get("/snapshots/%d/scores.csv" % sid).status in (403, 404))
    r = j.post("/editions/%d/results" % ed, {}, csrf=j.get("/").csrf())
    t.check("a judge cannot compute results", r.status in (403, 404) and
            len(snapshots(s)) == 2, r.status)


def decide(c, sid, **fields):
    path = "/snapshots/%d/decisions" % sid
    return c.post(path, fields, csrf=c.get("/editions").csrf())


def check_decisions(t, s, c, ed):
    sid = snapshots(s)[-1][0]
    before = snapshots(s)[-1][1:]
    r = decide(c, sid, entry="KQ-99", kind="move", tier="first",
               reason="nhầm mã")
    t.check("a decision on an unknown entry: refused, saying so",
            r.status == 422 and "Không có hồ sơ mang mã này" in r.text,
            r.status)
    r = decide(c, sid, entry="KQ-03", kind="move", tier="first", reason="")
    t.check("a decision without a reason: refused", r.status == 422)
    r = decide(c, sid, entry="KQ-03", kind="move", tier="gold",
               reason="x")
    t.check("a decision to an unknown prize: refused", r.status == 422)
    r = decide(c, sid, entry="KQ-03", kind="move", tier="first",
               reason="lý do " * 300)
    t.check("a reason longer than is kept: refused, not cut, saying so",
            r.status == 422 and "Lý do quá dài" in r.text, r.status)
    t.check("nothing stored by the refusals",
            ids_of(s, "SELECT count(*) FROM committee_decisions")[0][0] == 0)
    r = decide(c, sid, entry="KQ-03", kind="move", tier="consolation",
               reason="Giải pháp được áp dụng rộng ở các xã vùng cao")
    t.check("the committee moves KQ-03 to a consolation prize",
            r.status == 303, r.status)
    r = decide(c, sid, entry="KQ-02", kind="withhold",
               reason="Trùng với giải pháp đã được công nhận năm trước")
    t.check("the committee withholds KQ-02's prize", r.status == 303)
    page = c.get("/editions/%d/results?snapshot=%d" % (ed, sid))
    t.check("the page shows both, beside the computed prizes",
            "Hội đồng chuyển giải" in page.text and
            "Hội đồng không trao giải" in page.text and
            "vùng cao" in page.text and "Giải Khuyến khích" in page.text)
    t.check("the committee never alters the computed snapshot",
            snapshots(s)[-1][1:] == before)
    n = ids_of(s, "SELECT count(*) FROM audit WHERE action ="
                  " 'results.decision'")[0][0]
    t.check("each decision is audited", n == 2, n)
    text = c.get("/snapshots/%d/results.csv" % sid).text.lstrip("\ufeff")
    rows = {row[2]: ",".join(row)
            for row in list(csv.reader(io.StringIO(text)))[1:] if row}
    decide(c, sid, entry="KQ-01", kind="withhold", reason="tạm giữ")
    decide(c, sid, entry="KQ-01", kind="confirm", reason="đã xác minh")
    text = c.get("/snapshots/%d/results.csv" % sid).text.lstrip("\ufeff")
    rows = {row[2]: ",".join(row)
            for row in list(csv.reader(io.StringIO(text)))[1:] if row}
    t.check("a confirmation after a withholding gives the prize back, in"
            " the exports too", "Giải Ba" in rows.get("KQ-01", ""),
            rows.get("KQ-01"))
    t.check("the exported list follows the committee",
            "Giải Khuyến khích" in rows.get("KQ-03", "") and
            "Giải Ba" not in rows.get("KQ-02", "x") and
            "Hội đồng" in rows.get("KQ-02", ""), rows)
    return sid


def day(delta):
    return (datetime.date.today() + datetime.timedelta(days=delta)).isoformat()


def state_of(s, ed):
    return ids_of(s, "SELECT state FROM editions WHERE id = ?", ed)[0][0]


def check_posting(t, s, c, ed, sid):
    path = "/editions/%d" % ed
    anon = Client(s)
    t.check("no public page before the posting (404)",
            anon.get("/p/%d" % ed).status == 404)
    r = c.post(path + "/advance", {"from": "results",
                                   "csrf": c.get(path).csrf()})
    t.check("the plain lifecycle button cannot skip the posting",
            r.status == 409 and state_of(s, ed) == "results", r.status)
    tok = c.get("/editions").csrf()
    r = c.post(path + "/posting", {"snapshot": sid, "from": day(0),
                                   "until": day(-3)}, csrf=tok)
    t.check("a posting period ending before it starts: refused",
            r.status == 422 and state_of(s, ed) == "results", r.status)
    panel = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0]
    c.post("/panels/%d/lock" % panel, {"op": "unlock", "reason": "sửa"})
    r = c.post(path + "/posting", {"snapshot": sid, "from": day(-10),
                                   "until": day(0)}, csrf=tok)
    t.check("publishing while a round is open: refused",
            r.status == 409 and state_of(s, ed) == "results", r.status)
    c.post("/panels/%d/lock" % panel, {"op": "lock"})
    # a sheet changed after the snapshot (as a reopened one would be)
    db = sqlite3.connect(s.db)
    row = db.execute("SELECT sheet_id, criterion, points FROM scores"
                     " ORDER BY sheet_id LIMIT 1").fetchone()
    db.execute("UPDATE scores SET points = ? WHERE sheet_id = ? AND"
               " criterion = ?", (row[2] - 50, row[0], row[1]))
    db.commit()
    r = c.post(path + "/posting", {"snapshot": sid, "from": day(-10),
                                   "until": day(0)}, csrf=tok)
    t.check("a snapshot the sheets no longer match: not posted",
            r.status == 409 and "đã thay đổi" in r.text and
            state_of(s, ed) == "results", r.status)
    db.execute("UPDATE scores SET points = ? WHERE sheet_id = ? AND"
               " criterion = ?", (row[2], row[0], row[1]))
    db.commit()
    db.close()
    r = c.post(path + "/posting", {"snapshot": sid, "from": day(-10),
                                   "until": day(0)}, csrf=tok)
    t.check("the snapshot is posted: the edition is posted",
            r.status == 303 and state_of(s, ed) == "posted", r.status)
    pub = anon.get("/p/%d" % ed)
    t.check("the public page, no login", pub.status == 200 and
            "KQ-00" in pub.text and "Giải Nhì" in pub.text and
            "Tác giả 0" in pub.text and "Hợp tác xã Chung" in pub.text,
            pub.status)
    tables = pub.text.split('class="side-prizes"')[0]
    t.check("the public page applies the committee's decisions",
            "KQ-03" in tables and "KQ-02" not in tables)
    t.check("the public page lists the side prizes",
            "Tác giả trẻ tuổi nhất" in pub.text and
            "Hợp tác xã Chung (2)" in pub.text)
    j = judge(s, "gka")
    t.check("the public page is the same for a judge's session",
            j.get("/p/%d" % ed).status == 200)
    t.check("no judge's name on the public page",
            not any(n in pub.text for _, n, _ in JUDGES))
    en = Client(s).get("/p/%d?lang=en" % ed)
    t.check("the public page in English, decided prizes too",
            'lang="en"' in en.text and "Second prize" in en.text and
            "Consolation" in en.text, en.text[-800:])
    return anon


def check_objections_and_award(t, s, c, ed, anon):
    path = "/editions/%d" % ed
    tok = c.get("/editions").csrf()
    r = c.post(path + "/objections", {"entry": "KQ-77",
                                      "received_on": day(0),
                                      "sender": "Ông A", "content": "x"},
               csrf=tok)
    t.check("an objection on an unknown entry: refused", r.status == 422
            and ids_of(s, "SELECT count(*) FROM objections")[0][0] == 0)
    r = c.post(path + "/objections", {
        "entry": "KQ-01", "received_on": day(0), "sender": "Bà Lò Thị B",
        "content": "Giải pháp đã công bố trên báo tỉnh năm 2023"}, csrf=tok)
    t.check("an objection is recorded", r.status == 303, r.status)
    oid = ids_of(s, "SELECT id FROM objections")[0][0]
    r = c.post(path + "/objections", {
        "objection": oid, "answer": "Đã xác minh: chưa công bố."}, csrf=tok)
    page = c.get(path + "/results")
    t.check("its answer is recorded and shown", r.status == 303 and
            "Bà Lò Thị B" in page.text and "chưa công bố" in page.text)
    r = c.post(path + "/award", {"number": "123/QĐ-LHH", "date": day(0),
                                 "signatory": "Giàng A Páo"}, csrf=tok)
    t.check("the award decision before the posting ends: refused",
            r.status == 409 and state_of(s, ed) == "posted", r.status)
    db = sqlite3.connect(s.db)
    db.execute("UPDATE postings SET period_until = ?", (day(-1),))
    db.commit()
    db.close()
    r = c.post(path + "/award", {"number": "123/QĐ-LHH", "date": day(0),
                                 "signatory": "Giàng A Páo"}, csrf=tok)
    t.check("the award decision once the posting is over",
            r.status == 303 and state_of(s, ed) == "decided", r.status)
    pub = anon.get("/p/%d" % ed)
    t.check("the public page shows the final list and the decision",
            "Danh sách chính thức" in pub.text and "123/QĐ-LHH" in pub.text)
    sid = ids_of(s, "SELECT snapshot_id FROM postings")[0][0]
    pdf = c.get("/snapshots/%d/report.pdf" % sid).body
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf,
                          capture_output=True).stdout.decode()
    t.check("the report's annex is the decision's",
            "Kèm theo Quyết định số 123/QĐ-LHH ngày" in " ".join(text.split()),
            text[-500:])
    n = ids_of(s, "SELECT count(*) FROM audit WHERE action IN"
                  " ('results.post', 'results.objection',"
                  " 'results.objection.answer', 'results.decide')")[0][0]
    t.check("posting, objection, answer and decision are audited", n == 4,
            n)


def check_correction(t, s, c, ed, anon):
    decided = snapshots(s)[-1][0]
    r = decide(c, decided, entry="KQ-02", kind="move", tier="third",
               reason="sửa sau quyết định")
    t.check("after the decision its list never changes (409)",
            r.status == 409, r.status)
    r = compute(c, ed)
    snaps = snapshots(s)
    t.check("a correction starts with a new snapshot", r.status == 303 and
            snaps[-1][0] > decided, r.status)
    new = snaps[-1][0]
    carried = ids_of(s, "SELECT entry_code, kind, tier FROM"
                        " committee_decisions WHERE snapshot_id = ?"
                        " ORDER BY id", new)
    t.check("it keeps the committee's standing decisions",
            carried == [("KQ-03", "move", "consolation"),
                        ("KQ-02", "withhold", ""), ("KQ-01", "withhold", ""),
                        ("KQ-01", "confirm", "")], carried)
    r = decide(c, new, entry="KQ-02", kind="move", tier="third",
               reason="Khiếu nại được chấp nhận sau khi xác minh")
    t.check("the committee decides on the new snapshot", r.status == 303,
            r.status)
    path = "/editions/%d/correction" % ed
    tok = c.get("/editions").csrf()
    fields = {"snapshot": new, "number": "130/QĐ-LHH", "date": day(0),
              "signatory": "Giàng A Páo", "reason": ""}
    r = c.post(path, fields, csrf=tok)
    t.check("a correction without a reason: refused, naming the field",
            r.status == 422 and "Lý do" in r.text, r.status)
    r = c.post(path, dict(fields, number="", reason="x"), csrf=tok)
    t.check("a correction without its number: refused, naming the field",
            r.status == 422 and "Số quyết định" in r.text, r.status)
    r = c.post(path, dict(fields, snapshot=decided, reason="x"), csrf=tok)
    t.check("a correction must bring a newer snapshot (409)",
            r.status == 409, r.status)
    r = c.post(path, dict(fields, reason="Khiếu nại về hồ sơ KQ-02"),
               csrf=tok)
    t.check("the correcting decision is recorded", r.status == 303,
            r.status)
    pub = anon.get("/p/%d" % ed)
    tables = pub.text.split('class="side-prizes"')[0]
    t.check("the public page shows the corrected list with a note",
            "130/QĐ-LHH" in pub.text and "123/QĐ-LHH" in pub.text and
            "Khiếu nại về hồ sơ KQ-02" in pub.text and "KQ-02" in tables
            and "KQ-03" in tables)
    rows = ids_of(s, "SELECT count(*), sum(replaces IS NOT NULL) FROM"
                     " postings")[0]
    t.check("the first posting and its decision are kept", rows == (2, 1),
            rows)
    n = ids_of(s, "SELECT count(*) FROM audit WHERE action ="
                  " 'results.correct'")[0][0]
    t.check("the correction is audited", n == 1, n)


def main(argv):
    t = Suite("results")
    s = Server(argv[1])
    s.binary = argv[1]
    s.add_user("bantochuc", "organiser", "Ban Tổ chức")
    s.start()
    try:
        c, ed, entries = setup(t, s)
        check_refusals(t, s, c, ed)
        check_snapshot(t, s, c, ed, entries)
        check_determinism(t, s, c, ed)
        check_round_trip(t, s, ed)
        check_frozen(t, s)
        check_access(t, s, ed)
        sid = check_decisions(t, s, c, ed)
        anon = check_posting(t, s, c, ed, sid)
        check_objections_and_award(t, s, c, ed, anon)
        check_correction(t, s, c, ed, anon)
        check_old_program(t, s, c, ed)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""test_ballot.py: secret ballots (Golden Book) over HTTP.

The council (one panel of four) is assigned every dossier by the automatic
assignment; each member marks yes/no on the paper, reviews and casts; bad
posts are refused with nothing stored; a cast is final and a resend is a
no-op; the database holds who cast and the tallies, never a member's vote.

Secrecy is checked by indistinguishability: two servers where the members
vote differently but the tallies are equal must answer every route (the
whole route table, for every role) with the same bytes once the volatile
parts (tokens, times) are masked; and before the round closes, a third
server with different tallies must too. Then the results: the snapshot
from the tallies (its scores.csv holds anonymous ballots), the ranks and
selection worked out here, and the round trip through `giamkhao
export-scores` and `giamkhao results`.
usage: test_ballot.py BINARY"""
import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_server import EDITION  # noqa: E402
from test_sheets import JUDGES, api, ids_of, judge  # noqa: E402

# world A: the members' marks per dossier (SV-00..SV-04), yes = 1
VOTES_A = {"gka": [1, 1, 0, 1, 0], "gkb": [1, 0, 1, 1, 0],
           "gkc": [1, 1, 1, 0, 0], "gkd": [0, 1, 1, 0, 0]}
# world B: gka and gkb swap their votes on SV-00..SV-02 where they differ,
# gkc and gkd on SV-03: each dossier's tally is the same as in A
VOTES_B = {"gka": [1, 0, 1, 1, 0], "gkb": [1, 1, 0, 1, 0],
           "gkc": [1, 1, 1, 1, 0], "gkd": [0, 1, 1, -1, 0]}
# world C: other tallies altogether (same members, same casts)
VOTES_C = {"gka": [0, 0, 0, 0, 1], "gkb": [0, 0, 0, 0, 1],
           "gkc": [0, 0, 0, 0, 1], "gkd": [0, 0, 0, 0, 1]}


def fix_b():
    # gkd's -1 above stands for "the vote gkc gave in A": swap it in
    VOTES_B["gkd"][3] = VOTES_A["gkc"][3]
    VOTES_B["gkc"][3] = VOTES_A["gkd"][3]


fix_b()
# tallies (yes, no) in A and B: 3/1, 3/1, 3/1, 2/2, 0/4
TALLIES = [(3, 1), (3, 1), (3, 1), (2, 2), (0, 4)]


def ballot_edition(t, s, c):
    """A Golden Book edition in judging: five dossiers, one council of
    four, everyone assigned by the automatic assignment."""
    over = dict(EDITION, program="golden-book",
                title="Sách vàng Sáng tạo Việt Nam 2026")
    r = c.post("/editions/new", over)
    ed = int(r.header("Location").rsplit("/", 1)[1])
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "draft", "csrf": c.get(path).csrf()})
    entries = []
    for i in range(5):
        r = c.post(path + "/entries/new", {
            "code": "SV-%02d" % i, "title": "Công trình sáng tạo %d" % i,
            "field": "general", "applied_since": "2024-01-01",
            "a1_name": "Tác giả %d" % i, "organisation": "Viện %d" % i,
            "prior_awards": "Giải Nhất Hội thi tỉnh 2024"})
        entries.append(int(r.header("Location").rsplit("/", 1)[1]))
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    fields = ["csrf=" + c.get("/editions").csrf(), "name=Hoi+dong",
              "field=general"]
    body = "&".join(fields + ["member=%d" % v for v in experts.values()])
    c.request("POST", path + "/panels/new", body,
              {"Content-Type": "application/x-www-form-urlencoded"})
    c.post(path + "/advance", {"from": "receiving",
                               "csrf": c.get(path).csrf()})
    for e in entries:
        c.post("/entries/%d/eligibility" % e, {"decision": "eligible"})
    r = c.post(path + "/assign", {})
    t.check("automatic assignment runs", r.status == 303, r.status)
    n = ids_of(s, "SELECT count(*) FROM assignments a JOIN entries e ON"
                  " e.id = a.entry_id WHERE e.edition_id = ?", ed)[0][0]
    t.check("a ballot: every member is assigned every dossier", n == 20, n)
    c.post(path + "/advance", {"from": "eligibility",
                               "csrf": c.get(path).csrf()})
    return ed, entries


def world(binary, votes, t, close=True, checks=False):
    """A server with the council, the edition and the members' casts."""
    s = Server(binary)
    s.add_user("bantochuc", "organiser", "Ban Tổ chức")
    s.start()
    c = Client(s)
    c.login("bantochuc")
    for _, name, unit in JUDGES:
        c.post("/experts/new", {"name": name, "unit": unit})
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    for login, name, _ in JUDGES:
        s.add_user(login, "judge", name, expert=experts[name])
    ed, entries = ballot_edition(t, s, c)
    if checks:
        check_paper(t, s, ed, entries)
    for login in sorted(votes):
        if checks and login == "gka":
            continue  # cast by check_paper through the pages
        j = judge(s, login)
        r = api(j, "POST", "/api/editions/%d/ballot" % ed, {
            "client_id": "cast-%s-0123456789abcdef" % login,
            "votes": {str(e): "yes" if v else "no"
                      for e, v in zip(entries, votes[login])}})
        t.check("%s casts through the API" % login,
                r.status == 200 and r.json == {"cast": True, "dossiers": 5},
                (r.status, r.text))
    if close:
        close_round(c, s, ed)
    return s, c, ed, entries


def close_round(c, s, ed):
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "judging", "csrf": c.get(path).csrf()})
    for (panel,) in ids_of(s, "SELECT id FROM panels WHERE edition_id = ?",
                           ed):
        c.post("/panels/%d/lock" % panel, {"op": "lock"})


def marks(page):
    return re.findall(r'name="(v\d+)" value="(yes|no)"', page.text)


def check_paper(t, s, ed, entries):
    """gka's ballot through the pages: refusals, review, cast, resend."""
    a = judge(s, "gka")
    path = "/editions/%d/ballot" % ed
    page = a.get(path)
    t.check("the paper lists the five dossiers with Yes and No",
            page.status == 200 and len(marks(page)) == 10 and
            "Công trình sáng tạo 4" in page.text and
            "Phiếu kín" in page.text, page.status)
    home = a.get("/")
    t.check("the member's home links the paper, not score sheets",
            path in home.text and "/sheet" not in home.text, home.text[-800:])
    r = a.get("/entries/%d/sheet" % entries[0])
    t.check("a dossier's sheet sends to the paper",
            r.status == 303 and r.header("Location") ==
            "%s#d%d" % (path, entries[0]), (r.status, r.header("Location")))
    r = api(a, "GET", "/api/entries/%d/sheet" % entries[0])
    t.check("the sheet API says it is a ballot", r.status == 409 and
            r.json["error"]["code"] == "ballot", r.text)
    client = re.search(r'name="client_id" value="([0-9a-f]+)"',
                       page.text).group(1)
    form = {"client_id": client}
    for e, v in zip(entries, VOTES_A["gka"]):
        form["v%d" % e] = "yes" if v else "no"
    partial = dict(form)
    del partial["v%d" % entries[2]]
    r = a.post(path, dict(partial, confirm="1"))
    t.check("a dossier left unmarked: 422, flagged, nothing cast",
            r.status == 422 and "Chưa đánh dấu" in r.text and
            'id="d%d"' % entries[2] in r.text and not casts(s), r.status)
    r = a.post(path, dict(form, **{"v%d" % entries[1]: "maybe"}))
    t.check("a vote other than yes or no: 422 naming the field",
            r.status == 422 and "v%d" % entries[1] in r.text and
            "yes" in r.text and not casts(s), r.status)
    r = a.post(path, dict(form, v999999="yes", confirm="1"))
    t.check("a dossier not on the paper: 422 naming it",
            r.status == 422 and "v999999" in r.text and not casts(s),
            r.status)
    r = a.post(path, dict(form, client_id="short"))
    t.check("a malformed client id: 400", r.status == 400, r.status)
    r = a.post(path, form)
    t.check("review: the marks and the cast button, nothing cast yet",
            r.status == 200 and 'name="confirm"' in r.text and
            "Đồng ý: 3" in r.text and not casts(s), r.status)
    r = a.post(path, dict(form, edit="1"))
    t.check("change my marks: the paper again, marks kept",
            r.status == 200 and 'value="yes" required checked' in r.text,
            r.status)
    tallies_before = tallies(s)
    r = a.post(path, dict(form, confirm="1"))
    t.check("cast: 303 back to the paper", r.status == 303, r.status)
    t.check("the cast is recorded, the tallies took its votes",
            len(casts(s)) == 1 and sum(y + n for y, n in tallies(s)) == 5
            and not tallies_before, (casts(s), tallies(s)))
    r = a.post(path, dict(form, confirm="1"))
    t.check("the same cast again (a double tap): a no-op 303",
            r.status == 303 and len(casts(s)) == 1 and
            sum(y + n for y, n in tallies(s)) == 5, r.status)
    flipped = dict(form, client_id="another-cast-0123456789")
    for e in entries:
        flipped["v%d" % e] = "no"
    r = a.post(path, dict(flipped, confirm="1"))
    t.check("a second, different cast: 409, nothing changes",
            r.status == 409 and "đã bỏ phiếu rồi" in r.text and
            sum(y + n for y, n in tallies(s)) == 5, r.status)
    page = a.get(path)
    t.check("after the cast: when, never how",
            "Đã bỏ phiếu lúc" in page.text and not marks(page) and
            "checked" not in page.text, page.text[-600:])
    r = api(a, "POST", "/api/editions/%d/ballot" % ed, {
        "client_id": "api-cast-0123456789abcdef",
        "votes": {str(e): "yes" for e in entries}})
    t.check("the API after a cast: 409 cast", r.status == 409 and
            r.json["error"]["code"] == "cast", r.text)
    check_api_refusals(t, s, ed, entries)


def check_api_refusals(t, s, ed, entries):
    b = judge(s, "gkb")
    url = "/api/editions/%d/ballot" % ed
    ok = {"client_id": "x-0123456789abcdef",
          "votes": {str(e): "yes" for e in entries}}
    for name, body, code in (
            ("not JSON", "{", "body"),
            ("an unknown key", dict(ok, extra=1), "body"),
            ("a dossier missing", dict(ok, votes={str(entries[0]): "yes"}),
             "incomplete"),
            ("a vote 'abstain'", dict(ok, votes=dict(
                ok["votes"], **{str(entries[1]): "abstain"})), "invalid"),
            ("a dossier not on the paper", dict(ok, votes=dict(
                ok["votes"], **{"123456": "yes"})), "invalid"),
            ("a key that is no id", dict(ok, votes=dict(
                ok["votes"], **{"x1": "yes"})), "invalid")):
        h = {"Content-Type": "application/json",
             "X-CSRF-Token": b.get("/").csrf()}
        r = b.request("POST", url, body if isinstance(body, str)
                      else json.dumps(body), h)
        got = json.loads(r.text) if r.text.startswith("{") else {}
        t.check("API refuses %s (%s), nothing cast" % (name, code),
                r.status in (400, 422) and
                got.get("error", {}).get("code") == code and
                len(casts(s)) == 1, (r.status, r.text[:300]))
    r = b.request("POST", url, json.dumps(ok),
                  {"Content-Type": "application/json"})
    t.check("API without the CSRF token: 403", r.status == 403, r.status)


def casts(s):
    return ids_of(s, "SELECT edition_id, expert_id FROM ballot_casts")


def tallies(s):
    return ids_of(s, "SELECT yes, no FROM ballot_tallies t JOIN entries e"
                     " ON e.id = t.entry_id ORDER BY e.code")


def check_storage(t, s):
    """No table ties a member to a vote: the casts have no votes, the
    tallies no members, the audit rows neither."""
    db = sqlite3.connect(s.db)
    cols = [r[1] for r in db.execute("PRAGMA table_info(ballot_casts)")]
    t.check("ballot_casts holds no vote", cols == [
        "edition_id", "expert_id", "cast_at", "dossiers", "client_id"],
        cols)
    cols = [r[1] for r in db.execute("PRAGMA table_info(ballot_tallies)")]
    t.check("ballot_tallies holds no member", cols == ["entry_id", "yes",
                                                         "no"], cols)
    rows = db.execute("SELECT object, old_value, new_value, reason FROM"
                      " audit WHERE action = 'ballot.cast'").fetchall()
    t.check("the audit says who cast and on how many dossiers only",
            len(rows) == 4 and all(r[1] is None and r[2] ==
                                   '{"dossiers":5}' and r[3] is None
                                   for r in rows), rows)
    db.close()


VOLATILE = [
    (re.compile(r'name="csrf" value="[^"]*"'), 'name="csrf"'),
    (re.compile(r'name="client_id" value="[^"]*"'), 'name="client_id"'),
    (re.compile(r'content="[0-9a-f]{64}"'), 'content=""'),
    (re.compile(r"\d{2}:\d{2}(:\d{2})?"), "HH:MM"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "YYYY-MM-DD"),
    (re.compile(r"\d{2}/\d{2}/\d{4}"), "DD/MM/YYYY"),
    (re.compile(r"[0-9a-f]{64}"), "SHA"),
    (re.compile(r"[0-9a-f]{12}</code>"), "SHA12</code>"),
    (re.compile(r"snapshot-\d+"), "snapshot-N"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
]


def unzipped(body):
    """An XLSX's parts but its creation time (docProps/core.xml)."""
    z = zipfile.ZipFile(io.BytesIO(body))
    return "".join(n + z.read(n).decode("utf-8", "replace")
                   for n in sorted(z.namelist()) if n != "docProps/core.xml")


def masked(r):
    text = r.text
    if r.body.startswith(b"PK"):
        text = unzipped(r.body)
    for pattern, repl in VOLATILE:
        text = pattern.sub(repl, text)
    return (r.status, r.header("Location") or "", text)


def routes(s):
    """Every GET route, from the server's own route table."""
    lines = s.cli("routes").stdout.split("\n")
    return [line.split()[1] for line in lines
            if line.startswith("GET ")]


def fill(path, ids):
    return path.replace("{id}", str(ids.get(path.split("/")[1], 1)))


def sessions(s):
    """A client per role: anonymous, each judge, the organiser."""
    out = [("anonymous", Client(s))]
    for login, _, _ in JUDGES:
        out.append((login, judge(s, login)))
    o = Client(s)
    o.login("bantochuc")
    out.append(("organiser", o))
    return out


def pages(s, ed, entries):
    ids = {"editions": ed, "entries": entries[0], "snapshots": 1,
           "panels": 1, "p": ed, "attachments": 1, "sheets": 1,
           "experts": 1, "api": entries[0]}
    paths = set()
    for p in routes(s):
        if p.startswith("/api/entries"):
            paths.add(p.replace("{id}", str(entries[0])))
        else:
            paths.add(fill(p, ids))
    for e in entries:
        paths.add("/entries/%d" % e)
        paths.add("/entries/%d/sheet" % e)
    paths.add("/editions/%d/results?snapshot=1" % ed)
    out = {}
    for role, c in sessions(s):
        for p in sorted(paths):
            out[(role, p)] = masked(c.get(p))
    return out


def compare(t, a, b, label):
    diff = [k for k in a if a[k] != b.get(k)]
    t.check("%s: %d answers, every one the same" % (label, len(a)),
            not diff and len(a) == len(b), diff[:5])
    if diff:
        k = diff[0]
        x, y = a[k][2], b[k][2]
        i = next((n for n in range(min(len(x), len(y))) if x[n] != y[n]), 0)
        print("  first difference at", k, repr(x[i - 80:i + 80]), "vs",
              repr(y[i - 80:i + 80]))


def check_secrecy(t, binary):
    """Two worlds with equal tallies answer alike everywhere, for every
    role, before and after the round closes and the results are computed;
    before it closes, even different tallies do not show."""
    worlds = []
    for votes in (VOTES_A, VOTES_B, VOTES_C):
        worlds.append(world(binary, votes, t, close=False))
    try:
        seen = [pages(s, ed, entries) for s, _, ed, entries in worlds]
        compare(t, seen[0], seen[1], "open ballot, same tallies")
        compare(t, seen[0], seen[2], "open ballot, different tallies")
        for s, c, ed, _ in worlds[:2]:
            close_round(c, s, ed)
            r = c.post("/editions/%d/results" % ed, {})
            t.check("results computed from the tallies", r.status == 303,
                    r.status)
        seen = [pages(s, ed, entries) for s, _, ed, entries in worlds[:2]]
        compare(t, seen[0], seen[1], "closed, results computed")
        a = worlds[0]
        csv_a = a[1].get("/snapshots/1/scores.csv").text
        csv_b = worlds[1][1].get("/snapshots/1/scores.csv").text
        t.check("the snapshots' inputs are the same bytes", csv_a == csv_b,
                (csv_a, csv_b))
    finally:
        for s, _, _, _ in worlds:
            s.stop()
            s.cleanup()


def check_results(t, s, c, ed, entries):
    path = "/editions/%d/results" % ed
    r = c.post(path, {})
    t.check("compute: 303 to the snapshot", r.status == 303, r.status)
    snap = ids_of(s, "SELECT id, scores_csv, results_json FROM"
                     " results_snapshots WHERE edition_id = ?", ed)
    t.check("one snapshot", len(snap) == 1, snap)
    sid, scores, results = snap[0]
    rows = list(csv.reader(io.StringIO(scores)))
    t.check("its input is the offline ballot format, anonymous",
            rows[0] == ["entry", "field", "judge", "vote"] and
            len(rows) == 1 + 20 and
            all(re.fullmatch(r"b\d+", r[2]) for r in rows[1:]), rows[:4])
    page = c.get(path)
    # shares 0.75 (x3, tie at rank 1), 0.5 (rank 4), 0 (rank 5); more
    # than half: the three at 0.75 are selected
    t.check("review page: tallies, shares, ranks, selection",
            page.status == 200 and "0.7500" in page.text and
            "0.5000" in page.text and "Được chọn" in page.text and
            "đồng hạng" in page.text and "Krippendorff" not in page.text,
            page.text[-3000:])
    doc = json.loads(results)
    got = [(e["entry"], e["rank"], e["yes"], e["no"], e["selected"])
           for e in doc["entries"]]
    want = [("SV-00", 1, 3, 1, True), ("SV-01", 1, 3, 1, True),
            ("SV-02", 1, 3, 1, True), ("SV-03", 4, 2, 2, False),
            ("SV-04", 5, 0, 4, False)]
    t.check("results: ranks and selection as worked out", got == want, got)
    out = os.path.join(s.dir, "export.csv")
    rub = os.path.join(s.dir, "rubric.json")
    r = s.cli("export-scores", "--db", s.db, "--edition", str(ed),
              "--rubric", rub)
    t.check("export-scores writes the ballots", r.returncode == 0 and
            r.stdout == scores, r.stderr)
    open(out, "w").write(r.stdout)
    r = s.cli("results", rub, out, "--format", "json")
    t.check("giamkhao results reproduces the snapshot byte for byte",
            r.returncode == 0 and r.stdout == results, r.stderr[:300])
    # the committee selects SV-03 too, with a reason; the core's stays
    r = c.post("/snapshots/%d/decisions" % sid, {
        "entry": "SV-03", "kind": "move", "tier": "selected",
        "reason": "Hội đồng xét thêm theo khiếu nại"})
    t.check("a committee decision on a ballot", r.status == 303,
            (r.status, r.text[-400:]))
    page = c.get(path)
    t.check("the final list shows it beside the tally",
            "Hội đồng xét thêm theo khiếu nại" in page.text, page.status)
    unlock = c.post("/panels/%d/lock" % ids_of(
        s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0],
        {"op": "unlock", "reason": "thử"})
    t.check("a closed ballot does not reopen", unlock.status == 409 and
            "không mở lại" in unlock.text, unlock.status)


def main(argv):
    t = Suite("ballot")
    binary = argv[1]
    s, c, ed, entries = world(binary, VOTES_A, t, close=False, checks=True)
    s.binary = binary
    try:
        check_storage(t, s)
        close_round(c, s, ed)
        t.check("the tallies", tallies(s) == TALLIES, tallies(s))
        check_results(t, s, c, ed, entries)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    check_secrecy(t, binary)
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

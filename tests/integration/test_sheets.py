#!/usr/bin/env python3
"""test_sheets.py: judging over HTTP: a judge's score sheet (draft,
submit, corrections with a reason), every bad input refused with the
stored sheet unchanged (above max, negative, off step, not a number, a
criterion missing on submit, a replayed or stale save, a changed rubric),
who may read and write what (judge A never sees judge B's sheet; a
conflicted or unassigned entry is invisible; organisers do not score), the
round's lock and the organisers' reopening, the progress dashboard.
usage: test_sheets.py BINARY"""
import json
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_rubric import read_form  # noqa: E402
from test_server import create_edition  # noqa: E402

JUDGES = [("gka", "TS Lò Văn Hải", "Viện Cơ điện"),
          ("gkb", "ThS Hà Thị Nga", "Trường Cao đẳng Kỹ thuật"),
          ("gkc", "KS Vi Văn Đức", "Công ty Cơ khí"),
          ("gkd", "TS Sầm Thị Mai", "Sở Nông nghiệp")]


def ids_of(s, sql, *args):
    db = sqlite3.connect(s.db)
    rows = db.execute(sql, args).fetchall()
    db.close()
    return rows


def sheet_row(s, entry, login):
    rows = ids_of(s, "SELECT s.state, s.version, s.comment, s.id FROM sheets"
                     " s JOIN users u ON u.expert_id = s.expert_id"
                     " WHERE s.entry_id = ? AND u.login = ?", entry, login)
    return rows[0] if rows else None


def points(s, entry, login):
    return dict(ids_of(s, "SELECT c.criterion, c.points FROM scores c"
                          " JOIN sheets s ON s.id = c.sheet_id"
                          " JOIN users u ON u.expert_id = s.expert_id"
                          " WHERE s.entry_id = ? AND u.login = ?",
                       entry, login))


def setup(t, s):
    """An edition in judging with three entries, four judges in one panel;
    judges A and B both assigned to entries 0 and 1, only A to 2."""
    c = Client(s)
    c.login("bantochuc")
    for _, name, unit in JUDGES:
        c.post("/experts/new", {"name": name, "unit": unit})
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    for login, name, _ in JUDGES:
        s.add_user(login, "judge", name, expert=experts[name])
    ed = int(create_edition(c).header("Location").rsplit("/", 1)[1])
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "draft", "csrf": c.get(path).csrf()})
    entries = []
    for i in range(3):
        r = c.post(path + "/entries/new", {
            "code": "CK-%02d" % i, "title": "Máy cơ khí %d" % i,
            "field": "mechanics-construction-transport",
            "applied_since": "2024-01-01", "a1_name": "Tác giả %d" % i,
            "organisation": "Hợp tác xã %d" % i})
        entries.append(int(r.header("Location").rsplit("/", 1)[1]))
    body = "&".join(["csrf=" + c.get("/editions").csrf(), "name=Co+khi",
                     "field=mechanics-construction-transport"] +
                    ["member=%d" % v for v in experts.values()])
    c.request("POST", path + "/panels/new", body,
              {"Content-Type": "application/x-www-form-urlencoded"})
    c.post(path + "/advance", {"from": "receiving",
                               "csrf": c.get(path).csrf()})
    for e in entries:
        c.post("/entries/%d/eligibility" % e, {"decision": "eligible"})
    want = {entries[0]: "ab", entries[1]: "ab", entries[2]: "a"}
    for e, who in want.items():
        for k in who:
            name = JUDGES["abcd".index(k)][1]
            r = c.post("/entries/%d/assign" % e, {
                "expert": experts[name], "op": "add", "reason": "phân công"})
            t.check("assigned by hand", r.status == 303, r.status)
    c.post(path + "/advance", {"from": "eligibility",
                               "csrf": c.get(path).csrf()})
    return c, ed, entries, experts


def judge(s, login):
    j = Client(s)
    j.login(login)
    return j


def sheet_post(j, entry, values, op="draft", **extra):
    """Loads the sheet page, fills `values` (criterion index -> text) and
    posts it as the browser would."""
    path = "/entries/%d/sheet" % entry
    f = read_form(j.get(path), path)
    for i, v in values.items():
        f["c%d" % i] = v
    f["op"] = op
    f.update(extra)
    return j.post(path, f, csrf=False), f


def check_draft_and_submit(t, s, entries):
    a = judge(s, "gka")
    page = a.get("/entries/%d/sheet" % entries[0])
    t.check("the judge's sheet", page.status == 200 and
            "Tính mới" in page.text and 'name="c2"' in page.text and
            'name="client_id"' in page.text, page.status)
    r, _ = sheet_post(a, entries[0], {0: "25.5", 1: "", 2: "30"})
    t.check("a partial draft is saved", r.status == 303 and
            "saved=draft" in r.header("Location"), r.status)
    t.check("stored as a draft", sheet_row(s, entries[0], "gka")[:2] ==
            ("draft", 1) and points(s, entries[0], "gka") ==
            {"novelty": 2550, "effectiveness": 3000})
    page = a.get(r.header("Location"))
    t.check("the page shows what was saved", 'value="25.5"' in page.text and
            "Đã lưu bản nháp" in page.text)
    r, _ = sheet_post(a, entries[0], {0: "25.5", 1: "20", 2: "30"},
                      op="submit", comment="Giải pháp thiết thực, dễ áp dụng")
    t.check("submitted", r.status == 303 and
            sheet_row(s, entries[0], "gka")[:2] == ("submitted", 2), r.status)
    return a


# (criterion index, value, a word of the message)
BAD = [(0, "31", "30"), (0, "-1", None), (0, "12.3", "0.5"),
       (1, "mười", None), (1, "1e1", None), (2, "39.25", "0.5"),
       (2, "99999999999", None)]


def check_bad_values(t, s, a, entries):
    e = entries[1]
    r, _ = sheet_post(a, e, {0: "10", 1: "10", 2: "10"})
    before = sheet_row(s, e, "gka"), points(s, e, "gka")
    for i, value, word in BAD:
        r, _ = sheet_post(a, e, {0: "11", 1: "12", 2: "13", i: value})
        what = "c%d=%s" % (i, value)
        t.check("refused %s: 422" % what, r.status == 422, r.status)
        t.check("refused %s: the message is next to its field" % what,
                'id="c%d-error"' % i in r.text, r.text[-800:])
        if word:
            t.check("refused %s: it says why" % what,
                    word in re.search(r'id="c%d-error">([^<]*)' % i,
                                      r.text).group(1))
        t.check("refused %s: the other input is kept" % what,
                'value="12"' in r.text or i == 1)
        t.check("refused %s: the stored sheet is unchanged" % what,
                (sheet_row(s, e, "gka"), points(s, e, "gka")) == before)
    r, _ = sheet_post(a, e, {0: "11", 1: "", 2: "13"}, op="submit")
    t.check("submit with a criterion missing: 422 at its field",
            r.status == 422 and 'id="c1-error"' in r.text and
            "Chưa có điểm" in r.text, r.status)
    t.check("and nothing stored", (sheet_row(s, e, "gka"),
                                   points(s, e, "gka")) == before)
    a.get("/entries/%d/sheet?lang=en" % e)
    r, _ = sheet_post(a, e, {0: "31"})
    msg = re.findall(r'id="c0-error">([^<]*)', r.text)
    t.check("messages in English when asked", r.status == 422 and msg and
            "30" in msg[0] and "điểm" not in msg[0], msg)
    a.get("/entries/%d/sheet?lang=vi" % e)


def check_replay_and_stale(t, s, a, entries):
    e = entries[1]
    path = "/entries/%d/sheet" % e
    f = read_form(a.get(path), path)
    f.update({"c0": "14", "op": "draft"})
    r = a.post(path, f, csrf=False)
    t.check("a save", r.status == 303, r.status)
    v = sheet_row(s, e, "gka")[1]
    f2 = dict(f, c0="15")
    r = a.post(path, f2, csrf=False)
    t.check("the same client id again: nothing changes", r.status == 200 and
            "đã được ghi nhận" in r.text and sheet_row(s, e, "gka")[1] == v
            and points(s, e, "gka")["novelty"] == 1400, r.status)
    f3 = dict(f, c0="16", client_id="moi-" + "1" * 20)
    r = a.post(path, f3, csrf=False)
    t.check("a save from an older version is refused (409)",
            r.status == 409 and "phiên bản mới hơn" in r.text and
            points(s, e, "gka")["novelty"] == 1400, r.status)
    t.check("and the page shows the stored sheet", 'value="14"' in r.text)
    r = a.post(path, dict(f, client_id="x"), csrf=False)
    t.check("a malformed client id: 400", r.status == 400, r.status)
    r = a.post(path, dict(f, csrf="0" * 64), csrf=False)
    t.check("a wrong CSRF token: 403", r.status == 403, r.status)


def check_corrections(t, s, a, entries):
    e = entries[0]
    r, f = sheet_post(a, e, {0: "27"}, op="submit")
    t.check("changing a submitted sheet needs a reason", r.status == 422 and
            'id="reason-error"' in r.text and
            points(s, e, "gka")["novelty"] == 2550, r.status)
    reason = "Xem lại bản thuyết minh, tăng điểm tính mới"
    r, f = sheet_post(a, e, {0: "27"}, op="submit", reason=reason)
    t.check("with a reason it is changed", r.status == 303 and
            points(s, e, "gka")["novelty"] == 2700, r.status)
    rows = ids_of(s, "SELECT old_value, new_value FROM audit WHERE"
                     " action = 'sheet.save' AND reason = ?", reason)
    t.check("the audit keeps the old values and the reason", len(rows) == 1
            and '"novelty":2550' in rows[0][0] and
            '"novelty":2700' in rows[0][1], rows)
    r, f = sheet_post(a, e, {}, op="draft", reason="Mở lại để xem tiếp")
    t.check("its judge reopens it as a draft", r.status == 303 and
            sheet_row(s, e, "gka")[0] == "draft")
    r, f = sheet_post(a, e, {}, op="submit")
    t.check("and submits it again", r.status == 303 and
            sheet_row(s, e, "gka")[0] == "submitted")


def check_blindness(t, s, a, entries):
    b = judge(s, "gkb")
    page = b.get("/entries/%d/sheet" % entries[0])
    t.check("judge B's sheet of the same entry is B's own (empty)",
            page.status == 200 and 'value="27"' not in page.text and
            "Giải pháp thiết thực" not in page.text, page.status)
    t.check("B does not see an entry not assigned to B (404)",
            b.get("/entries/%d/sheet" % entries[2]).status == 404 and
            b.get("/entries/%d" % entries[2]).status == 404)
    r = b.post("/entries/%d/sheet" % entries[2], {
        "csrf": page.csrf(), "c0": "1", "op": "draft",
        "client_id": "b" * 32, "version": "0", "rubric_version": "1"},
        csrf=False)
    t.check("nor write a sheet for it (404)", r.status == 404, r.status)
    home = b.get("/")
    t.check("B's home lists B's entries only", "CK-00" in home.text and
            "CK-02" not in home.text)
    d = judge(s, "gkd")
    t.check("an unassigned judge sees nothing (404)",
            d.get("/entries/%d/sheet" % entries[0]).status == 404)
    r = b.post("/entries/%d/conflicts" % entries[1], {
        "reason": "Tôi hướng dẫn nhóm tác giả", "csrf": home.csrf()},
        csrf=False)
    t.check("B declares a conflict", r.status == 303, r.status)
    t.check("the entry disappears for B", b.get(
        "/entries/%d/sheet" % entries[1]).status == 404 and
        "CK-01" not in b.get("/").text)
    r = b.post("/entries/%d/sheet" % entries[1], {
        "csrf": home.csrf(), "c0": "1", "op": "draft",
        "client_id": "c" * 32, "version": "0", "rubric_version": "1"},
        csrf=False)
    t.check("and B cannot write its sheet (404)", r.status == 404)


def check_rubric_change(t, s, c, a, ed, entries):
    path = "/entries/%d/sheet" % entries[2]
    f = read_form(a.get(path), path)
    rp = "/editions/%d/rubric" % ed
    rub = read_form(c.get(rp), rp)
    rub["c0_vi"] = "Tính mới (đổi tên)"
    rub["reason"] = "Sửa tên tiêu chí"
    r = c.post(rp, rub, csrf=False)
    t.check("the rubric gets a new version", r.status == 303, r.status)
    f.update({"c0": "5", "op": "draft"})
    r = a.post(path, f, csrf=False)
    t.check("a sheet made on the old rubric is sent back (409)",
            r.status == 409 and "phiên bản mới" in r.text and
            'value="5"' in r.text and sheet_row(s, entries[2], "gka") is None,
            r.status)


def api(j, method, path, body=None, token=True):
    """A call of the tablet's API: JSON in, JSON out, the page's token."""
    h = {"Content-Type": "application/json"}
    if token:
        h["X-CSRF-Token"] = j.get("/").csrf()
    data = json.dumps(body) if body is not None else None
    r = j.request(method, path, data, h)
    try:
        r.json = json.loads(r.text)
    except ValueError:
        r.json = None
    return r


def check_api(t, s, a, entries):
    e = entries[2]
    path = "/api/entries/%d/sheet" % e
    r = api(a, "GET", "/api/assigned")
    t.check("API: the judge's entries with their rubrics", r.status == 200
            and [x["code"] for x in r.json["entries"]] ==
            ["CK-00", "CK-01", "CK-02"] and all(
                x["rubric_version"] == 2 and
                x["rubric"]["criteria"][0]["id"] == "novelty"
                for x in r.json["editions"].values()), r.text[:300])
    r = api(a, "GET", path)
    sheet = r.json["sheet"]
    t.check("API: a sheet not started", r.status == 200 and
            sheet["state"] == "none" and sheet["version"] == 0 and
            sheet["points"]["novelty"] is None and sheet["can_write"],
            r.text)
    save = {"client_id": "tablet-0001-aaaa-bbbb", "version": 0,
            "rubric_version": sheet["rubric_version"], "state": "draft",
            "points": {"novelty": "20.5", "applicability": None},
            "comment": "Nháp trên máy tính bảng"}
    r = api(a, "POST", path, save)
    t.check("API: a draft saved", r.status == 200 and r.json["applied"] and
            r.json["sheet"]["version"] == 1 and
            r.json["sheet"]["points"]["novelty"] == "20.5", r.text)
    r = api(a, "POST", path, save)
    t.check("API: the same client id again is a replay", r.status == 200
            and not r.json["applied"] and r.json["replayed"] and
            r.json["sheet"]["version"] == 1, r.text)
    stale = dict(save, client_id="tablet-0002-aaaa-bbbb",
                 points={"novelty": "1"})
    r = api(a, "POST", path, stale)
    t.check("API: a stale save is refused with the stored sheet",
            r.status == 409 and r.json["error"]["code"] == "stale" and
            r.json["sheet"]["points"]["novelty"] == "20.5", r.text)
    bad = dict(save, client_id="tablet-0003-aaaa-bbbb", version=1,
               points={"novelty": "30.5", "effectiveness": "7.3"})
    r = api(a, "POST", path, bad)
    t.check("API: invalid values, a message per criterion (422)",
            r.status == 422 and r.json["error"]["code"] == "invalid" and
            set(r.json["error"]["fields"]) == {"novelty", "effectiveness"}
            and r.json["sheet"]["version"] == 1, r.text)
    r = api(a, "POST", path, dict(bad, state="submitted",
                                  points={"novelty": "3"}))
    t.check("API: submit with criteria missing (422)", r.status == 422 and
            "applicability" in r.json["error"]["fields"], r.text)
    for what, body in (("a binary fraction", dict(bad, points={
            "novelty": 20.5})), ("an unknown key", dict(bad, extra=1)),
            ("an unknown criterion", dict(bad, points={"x": "1"}))):
        r = api(a, "POST", path, body)
        t.check("API: %s is refused (400)" % what, r.status == 400 and
                r.json["error"]["code"] == "body", r.text)
    r = a.request("POST", path, "{not json", {
        "Content-Type": "application/json",
        "X-CSRF-Token": a.get("/").csrf()})
    t.check("API: malformed JSON (400)", r.status == 400, r.status)
    r = api(a, "POST", path, dict(save, client_id="tablet-0004-aaaa-bbbb",
                                  version=1), token=False)
    t.check("API: without the CSRF token (403, JSON)", r.status == 403 and
            r.json["error"]["status"] == 403, r.text)
    anon = Client(s)
    r = api(anon, "GET", "/api/assigned", token=False)
    t.check("API: anonymous (401, JSON)", r.status == 401 and
            r.json["error"]["status"] == 401, r.text)
    b = judge(s, "gkb")
    r = api(b, "GET", path)
    t.check("API: judge B cannot read A's entry (404)", r.status == 404)
    r = api(b, "POST", path, dict(save, client_id="tablet-0005-aaaa-bbbb",
                                  version=1))
    t.check("API: nor write it (404)", r.status == 404 and
            points(s, e, "gka") == {"novelty": 2050})
    r = api(a, "POST", path, dict(save, client_id="tablet-0006-aaaa-bbbb",
                                  version=1, state="submitted", points={
                                      "novelty": "20.5",
                                      "applicability": "15",
                                      "effectiveness": 35}))
    t.check("API: submitted (a whole number is fine)", r.status == 200 and
            r.json["sheet"]["state"] == "submitted" and
            points(s, e, "gka") == {"novelty": 2050, "applicability": 1500,
                                    "effectiveness": 3500}, r.text)


def check_lock(t, s, c, a, ed, entries):
    panel = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0]
    page = c.get("/editions/%d/progress" % ed)
    t.check("the progress dashboard", page.status == 200 and
            "Co khi" in page.text and "TS Lò Văn Hải" in page.text and
            "/panels/%d/lock" % panel in page.text, page.status)
    t.check("per judge, sheets submitted of assigned",
            re.search(r"TS Lò Văn Hải</td><td class=\"num\">2 / 3", page.text)
            is not None, re.findall(r"Hải</td><td[^>]*>[^<]*", page.text))
    r = a.get("/editions/%d/progress" % ed)
    t.check("judges do not see the dashboard", r.status == 403, r.status)
    r = c.post("/panels/%d/lock" % panel, {"op": "lock",
                                             "reason": "Hết giờ chấm"})
    t.check("the organiser locks the round", r.status == 303, r.status)
    e = entries[0]
    r, f = sheet_post(a, e, {0: "28"}, op="submit", reason="Sửa muộn")
    t.check("after the lock the judge cannot change a sheet (409)",
            r.status == 409 and points(s, e, "gka")["novelty"] == 2700,
            r.status)
    page = a.get("/entries/%d/sheet" % e)
    t.check("the page says the round is locked, read-only",
            "đã khóa" in page.text and 'name="op"' not in page.text)
    sheet = sheet_row(s, e, "gka")[3]
    r = c.post("/sheets/%d/reopen" % sheet, {"reason": ""})
    t.check("reopening needs a reason (400)", r.status == 400, r.status)
    r = c.post("/sheets/%d/reopen" % sheet,
               {"reason": "Giám khảo báo nhầm điểm tiêu chí 1"})
    t.check("the organiser reopens the sheet", r.status == 303 and
            sheet_row(s, e, "gka")[0] == "draft", r.status)
    r, f = sheet_post(a, e, {0: "28"}, op="submit")
    t.check("the judge corrects and submits it despite the lock",
            r.status == 303 and points(s, e, "gka")["novelty"] == 2800,
            r.status)
    r, f = sheet_post(a, e, {0: "29"}, op="submit", reason="lần nữa")
    t.check("then it is locked again", r.status == 409 and
            points(s, e, "gka")["novelty"] == 2800, r.status)
    r = c.post("/panels/%d/lock" % panel, {"op": "unlock", "reason": "x"})
    t.check("the organiser can unlock", r.status == 303)
    n = ids_of(s, "SELECT count(*) FROM audit WHERE action IN"
                  " ('round.lock', 'round.unlock')")[0][0]
    t.check("lock and unlock are audited", n == 2, n)


def check_states(t, s, c, a, ed, entries):
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "judging", "csrf": c.get(path).csrf()})
    r, f = sheet_post(a, entries[0], {0: "1"}, op="submit", reason="x")
    t.check("after judging a judge cannot save (409)", r.status == 409,
            r.status)
    page = a.get("/entries/%d/sheet" % entries[0])
    t.check("but still reads the sheet", page.status == 200 and
            'value="28"' in page.text and 'name="op"' not in page.text)
    r = c.get("/entries/%d/sheet" % entries[0])
    t.check("organisers do not score (403)", r.status == 403, r.status)


def main(argv):
    t = Suite("sheets")
    s = Server(argv[1])
    try:
        s.add_user("bantochuc", "organiser")
        s.start()
        c, ed, entries, _ = setup(t, s)
        a = check_draft_and_submit(t, s, entries)
        check_bad_values(t, s, a, entries)
        check_replay_and_stale(t, s, a, entries)
        check_corrections(t, s, a, entries)
        check_blindness(t, s, a, entries)
        check_rubric_change(t, s, c, a, ed, entries)
        check_api(t, s, a, entries)
        check_lock(t, s, c, a, ed, entries)
        check_states(t, s, c, a, ed, entries)
        r = s.cli("audit", "verify", "--db", s.db)
        t.check("audit chain verifies", r.returncode == 0, r.stdout)
        t.check("graceful stop", s.stop() == 0)
        rep = s.sanitizer_reports()
        t.check("no sanitizer report", not rep, rep[-2000:])
    finally:
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

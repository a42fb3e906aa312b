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
    ed, entries = judging_edition(t, c, experts, "CK", ["ab", "ab", "a"])
    return c, ed, entries, experts


def judging_edition(t, c, experts, prefix, who, chair=None, **over):
    """An edition brought to judging: entries PREFIX-00... with an author
    and an organisation, one panel of the four judges (chair: a letter),
    entry i assigned to the judges lettered in who[i]."""
    ed = int(create_edition(c, **over).header("Location").rsplit("/", 1)[1])
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "draft", "csrf": c.get(path).csrf()})
    entries = []
    for i in range(len(who)):
        r = c.post(path + "/entries/new", {
            "code": "%s-%02d" % (prefix, i), "title": "Máy cơ khí %d" % i,
            "field": "mechanics-construction-transport",
            "applied_since": "2024-01-01", "a1_name": "Tác giả %d" % i,
            "organisation": "Hợp tác xã %d" % i})
        entries.append(int(r.header("Location").rsplit("/", 1)[1]))
    fields = ["csrf=" + c.get("/editions").csrf(), "name=Co+khi",
              "field=mechanics-construction-transport"]
    if chair:
        fields.append("chair=%d" % experts[JUDGES["abcd".index(chair)][1]])
    body = "&".join(fields + ["member=%d" % v for v in experts.values()])
    c.request("POST", path + "/panels/new", body,
              {"Content-Type": "application/x-www-form-urlencoded"})
    c.post(path + "/advance", {"from": "receiving",
                               "csrf": c.get(path).csrf()})
    for e in entries:
        c.post("/entries/%d/eligibility" % e, {"decision": "eligible"})
    for e, letters in zip(entries, who):
        for k in letters:
            name = JUDGES["abcd".index(k)][1]
            r = c.post("/entries/%d/assign" % e, {
                "expert": experts[name], "op": "add", "reason": "phân công"})
            t.check("assigned by hand", r.status == 303, r.status)
    c.post(path + "/advance", {"from": "eligibility",
                               "csrf": c.get(path).csrf()})
    return ed, entries


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
    t.check("and is sent home to be told so",
            r.header("Location") == "/?conflict=declared", r.headers)
    t.check("the entry disappears for B", b.get(
        "/entries/%d/sheet" % entries[1]).status == 404 and
        "CK-01" not in b.get("/").text)
    r = b.post("/entries/%d/sheet" % entries[1], {
        "csrf": home.csrf(), "c0": "1", "op": "draft",
        "client_id": "c" * 32, "version": "0", "rubric_version": "1"},
        csrf=False)
    t.check("and B cannot write its sheet (404)", r.status == 404)


def check_declared_conflict(t, s, c, a, ed, entries):
    """After check_blindness: B's conflict on entry 1 is gone from B's
    pages and API, and the organisers see it on the dashboard; the form
    A would use."""
    b = judge(s, "gkb")
    home = b.get("/?conflict=declared")
    t.check("B's home says the entry went and the organisers were told",
            'role="status">Đã ghi nhận khai báo xung đột lợi ích' in home.text
            and "Ban Tổ chức đã được thông báo" in home.text and
            "CK-01" not in home.text, home.status)
    r = api(b, "GET", "/api/entries/%d/sheet" % entries[1])
    t.check("API: B's conflicted entry is not found (404)", r.status == 404,
            r.status)
    r = api(b, "GET", "/api/assigned")
    t.check("API: nor listed", r.status == 200 and
            [x["code"] for x in r.json["entries"]] == ["CK-00"], r.text[:200])
    page = c.get("/editions/%d/progress" % ed)
    rows = re.findall(r'<section class="declared"><h2>([^<]*)</h2>.*?'
                      r'<tbody>(.*?)</tbody>', page.text, re.S)
    t.check("the dashboard lists the judge's conflict, with a count",
            len(rows) == 1 and rows[0][0] ==
            "Xung đột lợi ích do giám khảo khai báo (1)" and
            "<td>ThS Hà Thị Nga</td>" in rows[0][1] and
            ">CK-01</a> Máy cơ khí 1" in rows[0][1] and
            "<td>Tôi hướng dẫn nhóm tác giả</td>" in rows[0][1], rows)
    home = a.get("/")
    forms = re.findall(r'<details class="conflict"><summary>([^<]*)<span '
                       r'class="sr-only"> \(CK-\d\d\)</span></summary>'
                       r'<form method="post" action="/entries/(\d+)/'
                       r'conflicts">.*?</details>', home.text, re.S)
    t.check("A's home: a folded conflict form per entry",
            sorted(int(e) for _, e in forms) == sorted(entries) and
            forms[0][0] == "Khai báo xung đột lợi ích", forms)
    t.check("with a required reason of at most 250 letters",
            home.text.count('required maxlength="250"') == 3)
    page = a.get("/entries/%d/sheet" % entries[2])
    t.check("A's sheet page has it too", 'action="/entries/%d/conflicts"'
            % entries[2] in page.text)
    for what, reason in (("only spaces", "   "), ("251 letters", "ệ" * 251)):
        r = a.post("/entries/%d/conflicts" % entries[2],
                   {"reason": reason, "csrf": home.csrf()}, csrf=False)
        t.check("a reason of %s is refused (400)" % what, r.status == 400,
                r.status)
    t.check("and A keeps the entry", "CK-02" in a.get("/").text)


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


# Totals by judge (A, B, C) and entry: entry 0 is 30 points apart, 1 is
# 14, 2 is 10; judge C's mean is 52.67 against the panel's 64 (-11.33),
# A's +6, B's +5.33.
TOTALS = {"a": [(24, 24, 32), (21, 21, 28), (18, 18, 24)],
          "b": [(23.5, 23.5, 31), (21.5, 21.5, 29), (17, 17, 24)],
          "c": [(15, 15, 20), (17, 17, 24), (15, 15, 20)]}


def submit_all(t, s, login, entries):
    j = judge(s, login)
    for i, e in enumerate(entries):
        n, a, f = TOTALS[login[-1]][i]
        r = api(j, "POST", "/api/entries/%d/sheet" % e, {
            "client_id": "stats-%s-%d-aaaaaaaaaaaa" % (login, i),
            "version": 0, "rubric_version": 1, "state": "submitted",
            "points": {"novelty": str(n), "applicability": str(a),
                       "effectiveness": str(f)},
            "comment": "Nhận xét riêng của %s" % login})
        t.check("%s submits entry %d" % (login, i), r.status == 200, r.text)
    return j


def stats_tables(page):
    """The panel's disagreement rows {code: (totals, spread)} and far
    judges {name: (mean, severity, sheets)}, or None when not shown."""
    spread = re.search(r'<table class="spread">.*?<tbody>(.*?)</tbody>',
                       page.text, re.S)
    far = re.search(r'<table class="far">.*?<tbody>(.*?)</tbody>',
                    page.text, re.S)
    rows = {}
    for code, cells, gap in re.findall(
            r'<tr><td><a href="/entries/\d+">([^<]*)</a></td><td>[^<]*</td>'
            r'<td><ul class="totals">(.*?)</ul></td>'
            r'<td class="num">([^<]*)</td></tr>', spread.group(1)
            if spread else ""):
        rows[code] = (sorted(re.findall(r"<strong>([^<]*)</strong>", cells)),
                      gap)
    judges = {}
    for name, mean, sev, n in re.findall(
            r'<tr><td>([^<]*)</td><td class="num">([^<]*)</td>'
            r'<td class="num">([^<]*)</td><td class="num">(\d+)</td></tr>',
            far.group(1) if far else ""):
        judges[name] = (mean, sev, int(n))
    return (rows if spread else None), (judges if far else None)


def check_statistics(t, s, c, experts):
    """A second edition (authors hidden from judges, D chairs its panel):
    A, B and C score three entries; the dashboard's disagreement and far
    judges, the threshold parameter, and what judges and the chair see."""
    ed, entries = judging_edition(t, c, experts, "TK", ["abc"] * 3,
                                  chair="d", number="11", hide_authors="1")
    path = "/editions/%d/progress" % ed
    submit_all(t, s, "gka", entries)
    page = c.get(path)
    t.check("one sheet per entry: the dashboard says it cannot compare",
            page.status == 200 and page.text.count(
                "Chưa đủ phiếu để so sánh") == 2 and
            stats_tables(page) == (None, None), page.status)
    submit_all(t, s, "gkb", entries)
    page = c.get(path)
    t.check("two close judges: no entry and no judge beyond the threshold",
            "Không có bài nào vượt ngưỡng." in page.text and
            "Không có giám khảo nào vượt ngưỡng." in page.text and
            "Chưa đủ phiếu" not in page.text)
    submit_all(t, s, "gkc", entries)
    page = c.get(path)
    spread, far = stats_tables(page)
    t.check("the entry 30 points apart is listed, with each judge's total",
            spread == {"TK-00": (["50", "78", "80"], "30")}, spread)
    t.check("judge C, 11.33 below the panel's mean, is listed alone",
            far == {"KS Vi Văn Đức": ("52.67", "-11.33", 3)}, far)
    t.check("the thresholds are shown with their share of the maximum",
            "Ngưỡng: <strong>20 điểm</strong> (20% của tổng điểm tối đa "
            "100)" in page.text and "Ngưỡng: <strong>10 điểm</strong> "
            "(10% của tổng điểm tối đa 100)" in page.text and
            'name="spread" value="20"' in page.text)
    t.check("each list is explained in one sentence",
            "Một bài được liệt kê khi tổng điểm cao nhất" in page.text and
            "Một giám khảo được liệt kê khi điểm trung bình" in page.text)
    page = c.get(path + "?spread=12")
    spread, _ = stats_tables(page)
    t.check("?spread=12 lists the entry 14 points apart too, not the 10",
            page.status == 200 and sorted(spread or {}) == ["TK-00", "TK-01"]
            and spread["TK-01"] == (["58", "70", "72"], "14") and
            "Ngưỡng: <strong>12 điểm</strong> (12%" in page.text, spread)
    page = c.get(path + "?spread=9.5")
    t.check("?spread=9.5 lists all three", page.status == 200 and
            sorted(stats_tables(page)[0] or {}) == ["TK-00", "TK-01",
                                                    "TK-02"])
    for bad in ("abc", "0", "-5", "100.5", "1e1"):
        page = c.get(path + "?spread=" + bad)
        spread, _ = stats_tables(page)
        t.check("?spread=%s is refused next to its field (400)" % bad,
                page.status == 400 and 'id="spread-error"' in page.text and
                "Ngưỡng chênh lệch phải là một số điểm" in page.text and
                'value="%s" maxlength="12" aria-invalid="true"' % bad
                in page.text, page.status)
        t.check("?spread=%s: the default is used" % bad,
                sorted(spread or {}) == ["TK-00"], spread)
    page = c.get(path + "?lang=en")
    t.check("in English when asked", "Entries with high disagreement" in
            page.text and "Judges far from their panel&#39;s mean" in page.text)
    c.get(path + "?lang=vi")
    check_entry_views(t, s, c, experts, entries)


def check_entry_views(t, s, c, experts, entries):
    """Blindness in the second edition: a judge goes from the entry's page
    to their sheet; the chair (not judging) sees the entry without its
    people and nobody's scores."""
    a = judge(s, "gka")
    r = a.get("/entries/%d" % entries[0])
    t.check("the assigned judge's entry page is their sheet (303)",
            r.status == 303 and r.header("Location") ==
            "/entries/%d/sheet" % entries[0], r.status)
    page = a.get("/entries/%d/sheet" % entries[0])
    t.check("the sheet hides the authors", page.status == 200 and
            "Máy cơ khí 0" in page.text and "Tác giả 0" not in page.text and
            "Hợp tác xã 0" not in page.text)
    t.check("the organisers see the authors",
            "Tác giả 0" in c.get("/entries/%d" % entries[0]).text)
    d = judge(s, "gkd")
    page = d.get("/entries/%d" % entries[0])
    t.check("the chair sees the entry", page.status == 200 and
            "Máy cơ khí 0" in page.text, page.status)
    t.check("without its authors and organisation, and says why",
            "Tác giả 0" not in page.text and "Hợp tác xã 0" not in page.text
            and "được ẩn với giám khảo theo thiết lập" in page.text)
    grid = d.get("/editions/%d/assignments" % c_edition(s, entries[0]))
    t.check("the chair's grid shows the assignment, no scores",
            grid.status == 200 and "TK-00" in grid.text and
            "Nhận xét riêng" not in grid.text + page.text and
            "Đã nộp" not in grid.text + page.text, grid.status)
    r = api(d, "GET", "/api/entries/%d/sheet" % entries[0])
    t.check("nor through the API (the chair knows the entry: 409, no sheet)",
            r.status == 409 and r.json is not None and "sheet" not in r.json
            and "Nhận xét riêng" not in r.text, r.text)
    r = d.post("/entries/%d/conflicts" % entries[2], {
        "reason": "ệ" * 250, "csrf": d.get("/").csrf()}, csrf=False)
    t.check("a reason of 250 Vietnamese letters is accepted",
            r.status == 303 and ids_of(
                s, "SELECT length(reason) FROM conflicts WHERE entry_id = ?"
                " AND source = 'judge'", entries[2]) == [(250,)], r.status)


def c_edition(s, entry):
    return ids_of(s, "SELECT edition_id FROM entries WHERE id = ?",
                  entry)[0][0]


def main(argv):
    t = Suite("sheets")
    s = Server(argv[1])
    try:
        s.add_user("bantochuc", "organiser")
        s.start()
        c, ed, entries, experts = setup(t, s)
        a = check_draft_and_submit(t, s, entries)
        check_bad_values(t, s, a, entries)
        check_replay_and_stale(t, s, a, entries)
        check_corrections(t, s, a, entries)
        check_blindness(t, s, a, entries)
        check_declared_conflict(t, s, c, a, ed, entries)
        check_rubric_change(t, s, c, a, ed, entries)
        check_api(t, s, a, entries)
        check_lock(t, s, c, a, ed, entries)
        check_states(t, s, c, a, ed, entries)
        check_statistics(t, s, c, experts)
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

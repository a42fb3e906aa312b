#!/usr/bin/env python3
"""test_forward.py: forwarding entries to the next level over HTTP. A
provincial edition is judged, computed, decided by the committee, posted
and given its award decision through the real routes (the posting period
moved back by SQL, as test_results does); forwarding is refused before
the decision, for a national edition, to judges and anonymous users; the
page offers the prized entries, ticked when they keep a prize; the package
(audited) is imported by a SECOND server with a fresh database into a
national edition through the real import page, and every field of every
entry and person is compared with the first database, with the result
line in the prior awards; a tampered version marker is refused with its
message and nothing imported; a plain template CSV still imports.
usage: test_forward.py BINARY"""
import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_results import compute, day, decide, state_of, submit  # noqa
from test_server import create_edition, multipart  # noqa: E402
from test_sheets import JUDGES, ids_of, judge  # noqa: E402

TITLE = "Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang lần thứ 10"
MECH = "Cơ khí tự động hóa, xây dựng, giao thông vận tải"
HEADER = ("Mã hồ sơ,\"Tên giải pháp, sản phẩm\",Lĩnh vực,Tóm tắt,Đơn vị dự"
          " thi,\"Huyện, xã\",Áp dụng từ ngày,Nơi áp dụng,Giải thưởng đã"
          " đạt,Họ và tên,Ngày sinh,Dân tộc,\"Trường, đơn vị công tác\","
          "Vai trò\r\n")
# What the province imported from its districts: cells a spreadsheet would
# run as formulas, quotes, commas, line breaks, a leading ', every role.
SOURCE = "\ufeff" + HEADER + (
    "KQ-00,\"=Máy \"\"gặt\"\" lúa, mini\",\"%s\",\"Dòng một\nDòng hai, có"
    " dấu phẩy\",+Hợp tác xã Tân Tiến,@Xã Thuận Hòa,01/02/2024,'Ruộng thí"
    " điểm,\"Giải Ba cấp huyện 2023\nGiải Nhất cấp xã 2022\",Nguyễn Văn"
    " An,15/03/1980,Tày,HTX Tân Tiến,Tác giả\r\n"
    "KQ-00,,,,,,,,,Lò Thị Mai,,Dao,,Đại diện\r\n"
    "KQ-00,,,,,,,,,Trần Thị Hoa,20/10/1985,Kinh,\"Trường THCS, Thuận"
    " Hòa\",Giáo viên hướng dẫn\r\n"
    "KQ-01,-Bộ điều khiển tưới,mechanics-construction-transport,,,,"
    "2024-03-04,,,Vi Văn Đức,1990-01-02,Nùng,,\r\n"
    "KQ-02,Máy thái chuối,mechanics-construction-transport,Thái nhanh,"
    "Hộ gia đình,,,,,Sầm Văn Bảy,,,,\r\n"
    "KQ-02,,,,,,,,,Sầm Thị Tám,,,,Tác giả\r\n") % MECH
ENTRY_COLS = ("code", "title", "field", "summary", "organisation",
              "district", "applied_since", "applied_place", "prior_awards")
AUTHOR_COLS = ("name", "birth_date", "ethnicity", "unit", "role")


def upload_csv(c, ed, data, name="ho-so.csv"):
    body, ctype = multipart({"csrf": c.get("/editions").csrf()},
                            {"file": (name, data, "text/csv")})
    return c.request("POST", "/editions/%d/import" % ed, body,
                     {"Content-Type": ctype})


def stored(s, ed):
    """Every entry of an edition with its people, by code."""
    db = sqlite3.connect(s.db)
    out = {}
    for row in db.execute("SELECT id, %s FROM entries WHERE edition_id = ?"
                          % ", ".join(ENTRY_COLS), (ed,)):
        authors = db.execute("SELECT %s FROM authors WHERE entry_id = ?"
                             " ORDER BY position" % ", ".join(AUTHOR_COLS),
                             (row[0],)).fetchall()
        out[row[1]] = (dict(zip(ENTRY_COLS, row[1:])), authors)
    db.close()
    return out


def judged_edition(t, s, c):
    """A provincial edition brought to the end of judging: KQ-00..02
    imported from CSV, KQ-03 added with the form, one panel of three
    judges, every sheet submitted (test_results' points)."""
    for _, name, unit in JUDGES:
        c.post("/experts/new", {"name": name, "unit": unit})
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    for login, name, _ in JUDGES:
        s.add_user(login, "judge", name, expert=experts[name])
    r = create_edition(c, level="province", title=TITLE)
    ed = int(r.header("Location").rsplit("/", 1)[1])
    path = "/editions/%d" % ed
    r = upload_csv(c, ed, SOURCE.encode())
    t.check("the province imports its districts' entries", r.status == 303,
            (r.status, r.text[-600:]))
    r = c.post(path + "/entries/new", {
        "code": "KQ-03", "title": "Máy băm cỏ", "field": "mechanics-construction-transport", "summary": "Băm cỏ\nnuôi bò",
        "applied_since": "2023-05-01", "a1_name": "Hoàng Văn Tú",
        "a1_birth": "1985-02-03", "a1_role": "author",
        "a2_name": "Vàng Thị Mai", "a2_ethnicity": "Mông",
        "a2_role": "teacher"})
    t.check("and adds one with the form", r.status == 303, r.status)
    c.post(path + "/advance", {"from": "draft", "csrf": c.get(path).csrf()})
    body = "&".join(["csrf=" + c.get("/editions").csrf(), "name=Co+khi",
                     "field=mechanics-construction-transport"] +
                    ["member=%d" % v for v in experts.values()])
    c.request("POST", path + "/panels/new", body,
              {"Content-Type": "application/x-www-form-urlencoded"})
    c.post(path + "/advance", {"from": "receiving",
                               "csrf": c.get(path).csrf()})
    entries = [i for i, in ids_of(s, "SELECT id FROM entries WHERE"
                                     " edition_id = ? ORDER BY code", ed)]
    for e in entries:
        c.post("/entries/%d/eligibility" % e, {"decision": "eligible"})
        for letter in "abc":
            c.post("/entries/%d/assign" % e, {
                "expert": experts[JUDGES["abcd".index(letter)][1]],
                "op": "add", "reason": "phân công"})
    c.post(path + "/advance", {"from": "eligibility",
                               "csrf": c.get(path).csrf()})
    for letter in "abc":
        submit(t, s, letter, entries)
    return ed


def forward_page(c, ed):
    return c.get("/editions/%d/forward" % ed)


def forward(c, ed, codes, csrf=True):
    tok = c.get("/editions").csrf() if csrf else ""
    body = "&".join(["csrf=" + tok] + ["entry=" + x for x in codes])
    return c.request("POST", "/editions/%d/forward" % ed, body,
                     {"Content-Type": "application/x-www-form-urlencoded"})


def forwards(s):
    return ids_of(s, "SELECT user_id, new_value FROM audit WHERE action ="
                     " 'edition.forward' ORDER BY id")


def check_before_decision(t, s, c, ed):
    r = forward_page(c, ed)
    t.check("before the award decision: the page refuses, saying why",
            r.status == 409 and "sau khi có quyết định" in r.text, r.status)
    r = forward(c, ed, ["KQ-00"])
    t.check("before the award decision: no package", r.status == 409 and
            "giamkhao-forward" not in r.text and not forwards(s), r.status)
    t.check("no forwarding link on the edition page yet",
            "/forward" not in c.get("/editions/%d" % ed).text)


def decide_edition(t, s, c, ed):
    """Results, the committee, the posting and the award decision."""
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "judging", "csrf": c.get(path).csrf()})
    panel = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0]
    c.post("/panels/%d/lock" % panel, {"op": "lock"})
    r = compute(c, ed)
    t.check("results computed", r.status == 303, r.status)
    sid = ids_of(s, "SELECT max(id) FROM results_snapshots")[0][0]
    check_before_decision(t, s, c, ed)
    r1 = decide(c, sid, entry="KQ-03", kind="move", tier="consolation",
                reason="Áp dụng rộng ở vùng cao")
    r2 = decide(c, sid, entry="KQ-02", kind="withhold",
                reason="Trùng giải pháp đã công nhận")
    t.check("the committee moves KQ-03 up and withholds KQ-02",
            r1.status == 303 and r2.status == 303, (r1.status, r2.status))
    tok = c.get("/editions").csrf()
    r = c.post(path + "/posting", {"snapshot": sid, "from": day(-10),
                                   "until": day(0)}, csrf=tok)
    t.check("the list is posted", r.status == 303, r.status)
    check_before_decision(t, s, c, ed)
    db = sqlite3.connect(s.db)
    db.execute("UPDATE postings SET period_until = ?", (day(-1),))
    db.commit()
    db.close()
    r = c.post(path + "/award", {"number": "123/QĐ-LHH", "date": day(0),
                                 "signatory": "Giàng A Páo"}, csrf=tok)
    t.check("the award decision", r.status == 303 and
            state_of(s, ed) == "decided", r.status)


def checked_boxes(text):
    boxes = re.findall(r'<input type="checkbox" id="fw-\d+" name="entry"'
                       r' value="([^"]+)"( checked)?>', text)
    return {code: bool(mark) for code, mark in boxes}


def check_page(t, s, c, ed):
    t.check("the edition page links to forwarding",
            "/editions/%d/forward" % ed in c.get("/editions/%d" % ed).text
            and "Chuyển lên cấp trên" in c.get("/editions/%d" % ed).text)
    r = forward_page(c, ed)
    t.check("the forwarding page", r.status == 200 and
            "Chuyển lên cấp trên" in r.text and "Cấp quốc gia" in r.text and
            "123/QĐ-LHH" in r.text, r.status)
    boxes = checked_boxes(r.text)
    t.check("a checkbox per prized entry, ticked when it keeps a prize",
            boxes == {"KQ-00": True, "KQ-01": True, "KQ-02": False,
                      "KQ-03": True}, boxes)
    t.check("the page shows scores and both prizes",
            "80.00" in r.text and "Giải Nhì" in r.text and
            "Giải Khuyến khích" in r.text, r.text[-1500:])
    t.check("a plain form: no script needed",
            '<form method="post" action="/editions/%d/forward">' % ed
            in r.text and "<button type=\"submit\">" in r.text)
    t.check("values are escaped", "=Máy &quot;gặt&quot; lúa" in r.text)
    en = c.get("/editions/%d/forward?lang=en" % ed)
    t.check("the page in English", en.status == 200 and
            "Forward to the next level" in en.text and
            "National level" in en.text, en.status)
    r = forward(c, ed, ["KQ-77"])
    t.check("a refusal in English shows the prizes in English",
            r.status == 422 and "Second prize" in r.text and "KQ-77" in
            r.text and not forwards(s), r.status)
    c.get("/editions/%d/forward?lang=vi" % ed)  # the switch is remembered


def check_unfit(t, s, c, ed):
    """Entries the next level could not import are refused, not cut: an
    old entry whose prior awards leave no room for the result line, and
    one whose people the import would refuse (a duplicate, which the
    entry form lets through), caught by reading the package back."""
    db = sqlite3.connect(s.db)
    old = db.execute("SELECT prior_awards FROM entries WHERE code ="
                     " 'KQ-01'").fetchone()[0]
    db.execute("UPDATE entries SET prior_awards = ? WHERE code = 'KQ-01'",
               ("x" * 990,))
    db.commit()
    r = forward(c, ed, ["KQ-00", "KQ-01"])
    t.check("prior awards too long for the result line: refused, naming"
            " the entry", r.status == 422 and "KQ-01" in r.text and
            "dài quá giới hạn" in r.text, r.status)
    db.execute("UPDATE entries SET prior_awards = ? WHERE code = 'KQ-01'",
               (old,))
    entry = db.execute("SELECT id FROM entries WHERE code = 'KQ-03'"
                       ).fetchone()[0]
    db.execute("INSERT INTO authors (entry_id, position, name, birth_date,"
               " role) VALUES (?, 9, 'Hoàng Văn Tú', '1985-02-03',"
               " 'author')", (entry,))
    db.commit()
    r = forward(c, ed, ["KQ-03"])
    t.check("a package that would not import: refused with the import's"
            " reason", r.status == 422 and "không nhập được ở cấp trên" in
            r.text and "Hoàng Văn Tú" in r.text, r.status)
    db.execute("DELETE FROM authors WHERE entry_id = ? AND position = 9",
               (entry,))
    db.commit()
    db.close()


def check_refusals(t, s, c, ed):
    j = judge(s, "gka")
    t.check("a judge cannot see the page (403)",
            forward_page(j, ed).status == 403)
    r = forward(j, ed, ["KQ-00"])
    t.check("a judge cannot download the package (403)", r.status == 403
            and "giamkhao-forward" not in r.text, r.status)
    anon = Client(s)
    r = forward_page(anon, ed)
    t.check("anonymous: sent to log in", r.status == 303 and
            r.header("Location") == "/login", r.status)
    r = anon.post("/editions/%d/forward" % ed, {"entry": "KQ-00"},
                  csrf=False)
    t.check("anonymous: no package (403)", r.status == 403 and
            "giamkhao-forward" not in r.text, r.status)
    r = forward(c, ed, ["KQ-00"], csrf=False)
    t.check("without the CSRF token: refused", r.status == 403, r.status)
    r = forward(c, ed, [])
    t.check("nothing chosen: refused, saying so", r.status == 422 and
            "Chưa chọn hồ sơ nào" in r.text, r.status)
    r = forward(c, ed, ["KQ-00", "KQ-77"])
    t.check("an entry not in the prized list: refused, naming it",
            r.status == 422 and "KQ-77" in r.text and
            "không có trong danh sách đạt giải" in r.text and
            checked_boxes(r.text).get("KQ-00"), r.status)
    check_unfit(t, s, c, ed)
    t.check("refusals are not audited as forwarding", not forwards(s))
    db = sqlite3.connect(s.db)
    db.execute("UPDATE editions SET level = 'national' WHERE id = ?", (ed,))
    db.commit()
    r = forward_page(c, ed)
    t.check("a national edition: the page says it forwards nowhere",
            r.status == 200 and "cấp cao nhất" in r.text and
            'name="entry"' not in r.text, r.status)
    r = forward(c, ed, ["KQ-00"])
    t.check("a national edition: no package", r.status == 409 and
            "cấp cao nhất" in r.text and not forwards(s), r.status)
    db.execute("UPDATE editions SET level = 'province' WHERE id = ?", (ed,))
    db.commit()
    db.close()


def check_download(t, s, c, ed):
    r = forward(c, ed, ["KQ-00", "KQ-01", "KQ-03"])
    t.check("the package downloads", r.status == 200 and
            (r.header("Content-Type") or "").startswith("text/csv") and
            "attachment" in (r.header("Content-Disposition") or ""),
            (r.status, r.text[-600:]))
    t.check("UTF-8 with BOM, the marker row, then the template's header",
            r.body.startswith(("\ufeffgiamkhao-forward/1\r\n" + HEADER)
                              .encode()), r.body[:200])
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    t.check("no cell a spreadsheet would run as a formula",
            all(not cell or cell[0] not in "=+-@" for row in rows[2:]
                for cell in row), rows[2:4])
    audit = forwards(s)
    user = ids_of(s, "SELECT id FROM users WHERE login = 'bantochuc'")[0][0]
    value = json.loads(audit[0][1]) if audit else {}
    t.check("forwarding is audited: which entries, by whom, which file",
            len(audit) == 1 and audit[0][0] == user and
            value.get("entries") == ["KQ-00", "KQ-01", "KQ-03"] and
            value.get("to") == "national" and
            value.get("decision") == "123/QĐ-LHH" and
            value.get("format") == "giamkhao-forward/1" and
            value.get("sha256") == hashlib.sha256(r.body).hexdigest(),
            audit)
    r2 = s.cli("audit", "verify", "--db", s.db)
    t.check("the audit chain still verifies", r2.returncode == 0, r2.stdout)
    return r.body


def result_line(prize, score):
    d = day(0).split("-")
    return "%s%s – %s (Cấp tỉnh); Quyết định số 123/QĐ-LHH ngày %s" % (
        prize, ", %s điểm" % score if score else "", TITLE,
        "/".join(reversed(d)))


def check_reimport(t, s, s2, ed, package):
    c2 = Client(s2)
    c2.login("bantochuc")
    r = create_edition(c2, level="national",
                       title="Hội thi Sáng tạo Kỹ thuật toàn quốc lần thứ 18")
    ed2 = int(r.header("Location").rsplit("/", 1)[1])
    r = upload_csv(c2, ed2, package, "chuyen-cap.csv")
    t.check("the next level imports the package as it is", r.status == 303,
            (r.status, r.text[-800:]))
    got, want = stored(s2, ed2), stored(s, ed)
    t.check("the three chosen entries arrive", sorted(got) ==
            ["KQ-00", "KQ-01", "KQ-03"], sorted(got))
    lines = {"KQ-00": result_line("Giải Nhì", "80.00"),
             "KQ-01": result_line("Giải Ba", "70.00"),
             "KQ-03": result_line("Giải Khuyến khích", "50.00")}
    for code, line in lines.items():
        if code not in got:
            continue
        (ge, ga), (we, wa) = got[code], want[code]
        for col in ENTRY_COLS[:-1]:
            t.check("%s: %s intact" % (code, col), ge[col] == we[col],
                    (ge[col], we[col]))
        prior = (we["prior_awards"] + "\n" if we["prior_awards"] else "") \
            + line
        t.check("%s: prior awards kept, the result line after them" % code,
                ge["prior_awards"] == prior, (ge["prior_awards"], prior))
        t.check("%s: every person intact, in order" % code, ga == wa,
                (ga, wa))
    return c2, ed2


def check_marker(t, s2, c2, package):
    r = create_edition(c2, level="national", title="Kỳ thi thứ hai")
    ed3 = int(r.header("Location").rsplit("/", 1)[1])
    tampered = package.replace(b"giamkhao-forward/1", b"giamkhao-forward/2",
                               1)
    r = upload_csv(c2, ed3, tampered)
    t.check("a package of another version: refused with its message",
            r.status == 422 and "giamkhao-forward/2" in r.text and
            "chỉ nhập được định dạng" in r.text and
            "không hồ sơ nào được nhập" in r.text, (r.status, r.text[-800:]))
    t.check("and nothing is imported", not stored(s2, ed3))
    r = upload_csv(c2, ed3, package.replace(b"giamkhao-forward/1",
                                            b"giamkhao-forwrd/1", 1))
    t.check("a misspelt marker: refused too", r.status == 422 and
            "giamkhao-forwrd/1" in r.text and not stored(s2, ed3), r.status)
    template = c2.get("/editions/%d/entries-template.csv" % ed3).body
    r = upload_csv(c2, ed3, template)
    t.check("a plain template CSV still imports", r.status == 303 and
            list(stored(s2, ed3)) == ["HS-001"], r.status)
    plain = ("\ufeff" + HEADER + "HS-002,'Máy cày,Y dược,,,,,,,An,,,,\r\n")
    r = upload_csv(c2, ed3, plain.encode())
    t.check("outside a package a leading ' stays text, as before",
            r.status == 303 and
            stored(s2, ed3)["HS-002"][0]["title"] == "'Máy cày", r.status)


def main(argv):
    t = Suite("forward")
    s = Server(argv[1])
    s.binary = argv[1]
    s.add_user("bantochuc", "organiser", "Ban Tổ chức")
    s2 = Server(argv[1])
    s2.add_user("bantochuc", "organiser", "Ban Tổ chức cấp trên")
    s.start()
    s2.start()
    try:
        c = Client(s)
        c.login("bantochuc")
        ed = judged_edition(t, s, c)
        decide_edition(t, s, c, ed)
        check_page(t, s, c, ed)
        check_refusals(t, s, c, ed)
        package = check_download(t, s, c, ed)
        c2, _ = check_reimport(t, s, s2, ed, package)
        check_marker(t, s2, c2, package)
    finally:
        for srv in (s, s2):
            srv.stop()
            reports = srv.sanitizer_reports()
            t.check("no sanitizer report in the server log", not reports,
                    reports[:2000] if reports else "")
            srv.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

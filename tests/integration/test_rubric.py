#!/usr/bin/env python3
"""test_rubric.py: the rubric editor over HTTP: the page posted back
unchanged gives the same rubric (round trip), changes land as new
versions, every refusal names its field and writes nothing, import and
export of the JSON, the freeze once a score exists (a reason is then
required and kept), and the lifecycle gate.
usage: test_rubric.py BINARY"""
import html.parser
import json
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_server import ENTRY, create_edition, multipart  # noqa: E402


class FormReader(html.parser.HTMLParser):
    """The fields of the form whose action is `action`, as a browser would
    submit them (inputs, the selected option, textareas)."""

    def __init__(self, action):
        super().__init__()
        self.action = action
        self.inside = False
        self.fields = []
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("type") not in ("file", "submit"):
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append([self.select, a["value"]])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def read_form(page, action):
    p = FormReader(action)
    p.feed(page.text)
    return dict(p.fields)


def export(c, ed):
    r = c.get("/editions/%d/rubric.json" % ed)
    return json.loads(r.text) if r.status == 200 else None


def versions(s, ed):
    db = sqlite3.connect(s.db)
    n = db.execute("SELECT max(version) FROM rubrics WHERE edition_id = ?",
                   (ed,)).fetchone()[0]
    db.close()
    return n


def check_round_trip(t, s, c, ed):
    path = "/editions/%d/rubric" % ed
    before = export(c, ed)
    page = c.get(path)
    t.check("editor page", page.status == 200 and
            'value="novelty"' in page.text and "Tính mới" in page.text,
            page.status)
    fields = read_form(page, path)
    t.check("the editor holds every criterion and tier",
            fields.get("c2_id") == before["criteria"][2]["id"] and
            fields.get("t0_id") == before["awards"]["tiers"][0]["id"],
            sorted(fields)[:12])
    r = c.post(path, fields, csrf=False)
    t.check("posted back unchanged: saved", r.status == 303, r.status)
    after = export(c, ed)
    t.check("round trip: the same rubric", after == before,
            json.dumps([before, after], ensure_ascii=False)[:600])
    t.check("round trip: a new version", versions(s, ed) == 2,
            versions(s, ed))
    return fields


def check_changes(t, s, c, ed, base):
    path = "/editions/%d/rubric" % ed
    f = dict(base, csrf=c.get(path).csrf())
    n = len(export(c, ed)["criteria"])
    f.update({"c0_max": "40", "c0_step": "0.25", "c0_weight": "2",
              "c%d_id" % n: "presentation",
              "c%d_vi" % n: "Trình bày, thuyết minh",
              "c%d_en" % n: "Presentation",
              "c%d_max" % n: "10", "c%d_step" % n: "1",
              "c%d_levels" % n: "0-5 | Chưa rõ ràng | Unclear\n"
                                "5-10 | Rõ ràng, mạch lạc |\n",
              "agg_method": "trimmed", "agg_normalize": "zscore",
              "tie_break": "presentation, novelty",
              "t0_prize": "50000000"})
    r = c.post(path, f, csrf=False)
    t.check("changes saved", r.status == 303, r.status)
    rub = export(c, ed)
    crit = {x["id"]: x for x in rub["criteria"]}
    t.check("max, step and weight changed",
            crit["novelty"]["max"] == 40 and crit["novelty"]["step"] == 0.25
            and crit["novelty"]["weight"] == 2, crit["novelty"])
    t.check("a criterion added with its levels",
            "presentation" in crit and
            [lv["label"]["vi"] for lv in crit["presentation"]["levels"]] ==
            ["Chưa rõ ràng", "Rõ ràng, mạch lạc"], crit.get("presentation"))
    t.check("aggregation and tie-break changed",
            rub["aggregate"]["method"] == "trimmed" and
            rub["aggregate"]["normalize"] == "zscore" and
            rub["tie_break"] == ["presentation", "novelty"], rub["aggregate"])
    t.check("prize money changed",
            rub["awards"]["tiers"][0]["prize"] == 50000000)
    # dropping a criterion: its row left empty
    f = read_form(c.get(path), path)
    f["c%d_id" % n] = ""
    f["tie_break"] = "novelty"
    r = c.post(path, f, csrf=False)
    t.check("a criterion removed", r.status == 303 and "presentation" not in
            [x["id"] for x in export(c, ed)["criteria"]], r.status)


# (what is changed, the field whose error is expected, a word of the message)
REFUSALS = [
    ({"c0_step": "0.7"}, "c0_step", "step"),
    ({"c0_max": "abc"}, "c0_max", None),
    ({"c1_levels": "zero to ten | nothing"}, "c1_levels", None),
    ({"t1_min": "99"}, "t1_min", "min"),
    ({"tie_break": "no-such-criterion"}, "tie_break", "no-such-criterion"),
    ({"agg_decimals": "9"}, "agg_decimals", "decimals"),
    ({"f0_vi": ""}, "f0_vi", "vi"),
    # the first row left empty: the core's criteria[1] is the form's c2
    ({"c0_id": "", "c2_step": "0.7", "tie_break": "effectiveness"},
     "c2_step", "step"),
    # panels list fields separated by spaces: an id cannot hold one
    ({"f1_id": "ict 2"}, "f1_id", "ict 2"),
    # a label's | must be escaped, else it is a fourth column
    ({"c0_levels": "0-10 | Kém | chưa đạt | Poor"}, "c0_levels", None),
    ({"c0_id": "", "c0_vi": "", "c1_id": "", "c2_id": "", "c3_id": "",
      "c4_id": "", "tie_break": ""}, None, "criteria"),
]


def check_refusals(t, s, c, ed):
    path = "/editions/%d/rubric" % ed
    base = read_form(c.get(path), path)
    v = versions(s, ed)
    for change, field, word in REFUSALS:
        f = dict(base, **change)
        r = c.post(path, f, csrf=False)
        what = " ".join("%s=%s" % kv for kv in change.items())[:60]
        t.check("refused (%s): 422" % what, r.status == 422, r.status)
        if field is not None:
            t.check("refused (%s): the error is next to %s" % (what, field),
                    'id="%s-error"' % field in r.text, r.text[-2000:])
        if word is not None:
            t.check("refused (%s): the message names %s" % (what, word),
                    word in r.text)
        kept = read_form(r, path)
        t.check("refused (%s): what was typed is kept" % what,
                all(kept.get(k, "") == val.replace("\r\n", "\n")
                    for k, val in change.items()), kept.get(field))
        t.check("refused (%s): nothing written" % what, versions(s, ed) == v)
    r = c.post(path, dict(base, csrf="0" * 64), csrf=False)
    t.check("wrong CSRF token: 403", r.status == 403 and versions(s, ed) == v)
    eng = c.request("GET", path + "?lang=en")
    t.check("the editor in English", eng.status == 200 and
            "Criteria" in eng.text, eng.status)
    c.request("GET", path + "?lang=vi")  # the switch is remembered


def post_import(c, ed, fields, files=None):
    fields = dict(fields, csrf=c.get("/editions").csrf())
    body, ctype = multipart(fields, files or {})
    return c.request("POST", "/editions/%d/rubric/import" % ed, body,
                     {"Content-Type": ctype})


def check_import(t, s, c, ed):
    rub = export(c, ed)
    rub["title"]["vi"] = "Bộ tiêu chí nhập từ tệp"
    data = json.dumps(rub, ensure_ascii=False).encode()
    v = versions(s, ed)
    r = post_import(c, ed, {"json": ""},
                    {"file": ("bo-tieu-chi.json", data, "application/json")})
    t.check("import of a file", r.status == 303 and versions(s, ed) == v + 1,
            r.status)
    t.check("imported rubric in force",
            export(c, ed)["title"]["vi"] == "Bộ tiêu chí nhập từ tệp")
    rub["title"]["vi"] = "Bộ tiêu chí dán vào"
    r = post_import(c, ed, {"json": json.dumps(rub, ensure_ascii=False)})
    t.check("import of pasted text", r.status == 303 and
            export(c, ed)["title"]["vi"] == "Bộ tiêu chí dán vào", r.status)
    v = versions(s, ed)
    bad = dict(rub, criterias=[])
    r = post_import(c, ed, {"json": json.dumps(bad)})
    t.check("unknown key refused, named", r.status == 422 and
            "criterias" in r.text, r.status)
    t.check("the pasted text is kept", "criterias" in r.text and
            "&quot;format&quot;" in r.text)
    r = post_import(c, ed, {"json": '{\n  "format": "giamkhao-rubric/1",\n'
                                    '  "program": }'})
    t.check("JSON syntax error refused with its line", r.status == 422 and
            ("dòng 3" in r.text or "line 3" in r.text), r.text[-1500:])
    r = post_import(c, ed, {"json": "  "})
    t.check("nothing to import: 422", r.status == 422 and
            "Chưa chọn tệp" in r.text, r.status)
    r = post_import(c, ed, {"json": ""},
                    {"file": ("x.json", b'{"format": "x"}\x00junk',
                              "application/json")})
    t.check("a file with a NUL byte refused", r.status == 422, r.status)
    t.check("refused imports wrote nothing", versions(s, ed) == v)


def check_field_in_use(t, s, c, ed):
    path = "/editions/%d/rubric" % ed
    r = c.post("/editions/%d/entries/new" % ed, ENTRY)
    t.check("an entry in agriculture-environment", r.status == 303, r.status)
    f = read_form(c.get(path), path)
    drop = [k for k, val in f.items() if val == "agriculture-environment"]
    v = versions(s, ed)
    f[drop[0]] = ""
    r = c.post(path, f, csrf=False)
    t.check("a field with entries cannot be removed", r.status == 422 and
            "agriculture-environment" in r.text and versions(s, ed) == v,
            r.status)


def add_score(s, ed):
    """A judge's score, written as the tablet pages (a later issue) will:
    a sheet of the edition with one criterion scored."""
    db = sqlite3.connect(s.db)
    entry = db.execute("SELECT id FROM entries WHERE edition_id = ?",
                       (ed,)).fetchone()[0]
    db.execute("INSERT INTO experts (name) VALUES ('Giám khảo Thử')")
    expert = db.execute("SELECT max(id) FROM experts").fetchone()[0]
    db.execute("INSERT INTO sheets (entry_id, expert_id, rubric_version,"
               " state, updated_at) VALUES (?, ?, ?, 'draft', ?)",
               (entry, expert, versions(s, ed), int(time.time())))
    sheet = db.execute("SELECT max(id) FROM sheets").fetchone()[0]
    db.execute("INSERT INTO scores VALUES (?, 'novelty', 2500)", (sheet,))
    db.commit()
    db.close()


def check_freeze(t, s, c, ed):
    path = "/editions/%d/rubric" % ed
    page = c.get(path)
    t.check("not frozen before the first score",
            'name="reason" rows="2" maxlength="1000">' in page.text)
    add_score(s, ed)
    page = c.get(path)
    t.check("frozen once a score exists: the page says so",
            "Đã có điểm chấm" in page.text)
    f = read_form(page, path)
    f["c0_vi"] = "Tính mới (sửa sau khi đã chấm)"
    v = versions(s, ed)
    r = c.post(path, dict(f, reason=""), csrf=False)
    t.check("frozen: a change without a reason is refused",
            r.status == 422 and 'id="reason-error"' in r.text and
            versions(s, ed) == v, r.status)
    reason = "Hội đồng thống nhất sửa tên tiêu chí (biên bản số 3)"
    r = c.post(path, dict(f, reason=reason), csrf=False)
    t.check("frozen: a change with a reason is a new version",
            r.status == 303 and versions(s, ed) == v + 1, r.status)
    db = sqlite3.connect(s.db)
    kept = db.execute("SELECT reason FROM rubrics WHERE edition_id = ? AND"
                      " version = ?", (ed, v + 1)).fetchone()[0]
    audited = db.execute("SELECT count(*) FROM audit WHERE action ="
                         " 'rubric.create' AND reason = ?",
                         (reason,)).fetchone()[0]
    old = db.execute("SELECT rubric_version FROM sheets").fetchone()[0]
    db.close()
    t.check("the reason is kept with the version", kept == reason, kept)
    t.check("the reason is in the audit log", audited == 1, audited)
    t.check("the scored sheet keeps its version", old == v, old)
    r = c.post(path, dict(f, reason="   \r\n "), csrf=False)
    t.check("frozen: a reason of spaces is no reason",
            r.status == 422 and versions(s, ed) == v + 1, r.status)
    rub = export(c, ed)
    rub["title"]["vi"] = "Nhập lại khi đã có điểm"
    r = post_import(c, ed, {"json": json.dumps(rub)})
    t.check("frozen: an import without a reason is refused",
            r.status == 422 and versions(s, ed) == v + 1, r.status)
    check_too_big(t, s, c, ed, rub)


def check_too_big(t, s, c, ed, rub):
    """A rubric longer than the editor's rows is shown read-only (saving
    it back would drop rows); import and export still work."""
    path = "/editions/%d/rubric" % ed
    big = json.loads(json.dumps(rub))
    big["criteria"] = [dict(rub["criteria"][0], id="c%02d" % i)
                       for i in range(45)]
    big["tie_break"] = []
    r = post_import(c, ed, {"json": json.dumps(big), "reason": "45 tiêu chí"})
    t.check("a rubric of 45 criteria imported", r.status == 303, r.status)
    page = c.get(path)
    t.check("shown read-only, with a word on why",
            "nhiều mục hơn trang sửa" in page.text and
            'action="%s"' % path not in page.text and
            'action="%s/import"' % path in page.text)
    r = post_import(c, ed, {"json": json.dumps(rub), "reason": "trở lại"})
    t.check("and replaced by import", r.status == 303 and
            len(export(c, ed)["criteria"]) == len(rub["criteria"]))


def check_gate(t, s, c, ed):
    path = "/editions/%d" % ed
    for a in ("draft", "receiving", "eligibility", "judging"):
        c.post(path + "/advance", {"from": a, "csrf": c.get(path).csrf()})
    page = c.get(path + "/rubric")
    t.check("after judging: read-only",
            page.status == 200 and "<fieldset disabled>" in page.text and
            'action="/editions/%d/rubric"' % ed not in page.text)
    f = {"title_vi": "x", "csrf": c.get(path).csrf()}
    r = c.post(path + "/rubric", f, csrf=False)
    t.check("after judging: saving is refused (409)", r.status == 409,
            r.status)
    r = post_import(c, ed, {"json": "{}", "reason": "x"})
    t.check("after judging: import is refused (409)", r.status == 409,
            r.status)


def main(argv):
    binary = argv[1]
    t = Suite("rubric editor")
    s = Server(binary)
    try:
        s.add_user("bantochuc", "organiser")
        s.start()
        c = Client(s)
        c.login("bantochuc")
        ed = int(create_edition(c).header("Location").rsplit("/", 1)[1])
        base = check_round_trip(t, s, c, ed)
        check_changes(t, s, c, ed, base)
        check_refusals(t, s, c, ed)
        check_import(t, s, c, ed)
        check_field_in_use(t, s, c, ed)
        check_freeze(t, s, c, ed)
        check_gate(t, s, c, ed)
        r = s.cli("audit", "verify", "--db", s.db)
        t.check("audit chain verifies", r.returncode == 0, r.stdout + r.stderr)
        t.check("graceful stop", s.stop() == 0)
        report = s.sanitizer_reports()
        t.check("no sanitizer report", not report, report[-3000:])
    finally:
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

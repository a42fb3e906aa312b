#!/usr/bin/env python3
"""test_panels.py: experts, panels, conflicts of interest and the judge
assignment over HTTP: coverage k, balance within one, no conflicts,
connectivity; changes by hand; what an assigned judge may see.
usage: test_panels.py BINARY"""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_rubric import read_form  # noqa: E402
from test_server import EDITION, create_edition  # noqa: E402

EXPERTS = [
    ("PGS.TS Nguyễn Văn Hùng", "Trường Đại học Kỹ thuật Công nghiệp"),
    ("TS Trần Thị Lan", "Sở Khoa học và Công nghệ"),
    ("ThS Lê Minh Tuấn", "Trung tâm Công nghệ thông tin"),
    ("KS Phạm Quốc Việt", "Công ty Điện lực Hà Giang"),
    ("TS Hoàng Thu Hà", "Viện Nghiên cứu Cơ khí"),
]


def add_expert(c, name, unit):
    r = c.post("/experts/new", {"name": name, "unit": unit, "title": "",
                                "fields": "CNTT"})
    assert r.status == 303, r.status


def expert_ids(db):
    return {n: i for i, n in db.execute("SELECT id, name FROM experts")}


def components(pairs):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for e, j in pairs:
        parent[find(("e", e))] = find(("j", j))
    return len({find(x) for x in parent})


def check_properties(t, s, entries, conflicts, k, label):
    db = sqlite3.connect(s.db)
    pairs = db.execute("SELECT entry_id, expert_id FROM assignments").fetchall()
    db.close()
    per_entry = {e: sum(1 for p in pairs if p[0] == e) for e in entries}
    loads = {}
    for _, j in pairs:
        loads[j] = loads.get(j, 0) + 1
    t.check(label + ": every entry has k judges",
            all(n >= k for n in per_entry.values()), per_entry)
    t.check(label + ": loads within one",
            max(loads.values()) - min(loads.values()) <= 1, loads)
    t.check(label + ": no conflicted pair assigned",
            not (set(pairs) & conflicts), set(pairs) & conflicts)
    t.check(label + ": judges linked through shared entries",
            components(pairs) == 1, components(pairs))
    return pairs


def check_chair(t, s, c, ed, entries, ids):
    """The panel's chair: a judge's account whose expert chairs the panel
    sees the panel's entries and assignments, read-only, except the
    entries they are in conflict with."""
    chair = ids[EXPERTS[0][0]]
    r = c.post("/entries/%d/conflicts" % entries[6], {
        "expert": chair, "reason": "Người hướng dẫn của tác giả"})
    t.check("a conflict declared for the chair", r.status == 303, r.status)
    s.add_user("truongban", "judge", "Trưởng ban", expert=chair)
    h = Client(s)
    h.login("truongban")
    home = h.get("/")
    t.check("the chair's home lists the panel", home.status == 200 and
            "Tiểu ban CNTT" in home.text and
            'href="/editions/%d/assignments"' % ed in home.text and
            "Trưởng tiểu ban" in home.text, home.status)
    db = sqlite3.connect(s.db)
    mine = {e for (e,) in db.execute(
        "SELECT entry_id FROM assignments WHERE expert_id = ?", (chair,))}
    db.close()
    other = [e for e in entries if e not in mine and e != entries[6]][0]
    r = h.get("/entries/%d" % other)
    t.check("the chair sees a panel entry not assigned to them",
            r.status == 200 and "/eligibility" not in r.text, r.status)
    t.check("but not the one in conflict (404)",
            h.get("/entries/%d" % entries[6]).status == 404)
    page = h.get("/editions/%d/assignments" % ed)
    t.check("the chair sees the panel's assignments", page.status == 200
            and "Tiểu ban CNTT" in page.text, page.status)
    t.check("read-only: no assignment form", "/assign\"" not in page.text
            and "<details>" not in page.text)
    t.check("without the conflicted entry", "CNTT-06" not in page.text
            and "CNTT-05" in page.text)
    t.check("no link to the organisers' pages",
            'href="/editions/%d"' % ed not in page.text)
    # an automatic conflict (same unit), never stored: hidden all the same
    r = c.post("/editions/%d/entries/new" % ed, {
        "code": "CNTT-10", "title": "Giải pháp của trường",
        "field": "ict", "applied_since": "2024-01-01",
        "organisation": EXPERTS[0][1], "a1_name": "Sinh viên A"})
    auto = int(r.header("Location").rsplit("/", 1)[1])
    c.post("/entries/%d/eligibility" % auto, {"decision": "eligible"})
    t.check("an entry from the chair's own unit is hidden from the chair",
            h.get("/entries/%d" % auto).status == 404)
    page = h.get("/editions/%d/assignments" % ed)
    t.check("and left out of the chair's grid", "CNTT-10" not in page.text
            and "CNTT-05" in page.text)
    t.check("the organisers see it",
            "CNTT-10" in c.get("/editions/%d/assignments" % ed).text)
    # a judge's automatic conflict arising after the assignment
    judge = ids[EXPERTS[1][0]]
    s.add_user("gk2", "judge", "Giám khảo 2", expert=judge)
    j = Client(s)
    j.login("gk2")
    db = sqlite3.connect(s.db)
    mine = [e for (e,) in db.execute(
        "SELECT entry_id FROM assignments WHERE expert_id = ?", (judge,))]
    db.close()
    t.check("a judge sees an assigned entry",
            j.get("/entries/%d" % mine[-1]).status == 200)
    fields = read_form(c.get("/entries/%d/edit" % mine[-1]),
                       "/entries/%d/edit" % mine[-1])
    fields.update({"a2_name": EXPERTS[1][0], "a2_role": "author"})
    r = c.post("/entries/%d/edit" % mine[-1], fields)
    t.check("the judge becomes one of its authors", r.status == 303,
            r.status)
    t.check("and no longer sees it (404)",
            j.get("/entries/%d" % mine[-1]).status == 404)
    r = h.post("/editions/%d/assign" % ed, {"csrf": page.csrf()},
               csrf=False)
    t.check("the chair cannot run the assignment", r.status == 403,
            r.status)
    r = h.post("/entries/%d/assign" % other, {
        "csrf": page.csrf(), "expert": chair, "op": "add", "reason": "x"},
        csrf=False)
    t.check("nor change it by hand", r.status == 403, r.status)
    r = create_edition(c, number="99")
    ed2 = int(r.header("Location").rsplit("/", 1)[1])
    t.check("nor see another edition's assignments (404)",
            h.get("/editions/%d/assignments" % ed2).status == 404)


def main(argv):
    t = Suite("panels")
    s = Server(argv[1])
    try:
        s.add_user("bantochuc", "organiser")
        s.start()
        c = Client(s)
        c.login("bantochuc")
        for name, unit in EXPERTS:
            add_expert(c, name, unit)
        r = c.post("/experts/new", {"name": "", "email": "khong-hop-le"})
        t.check("expert form errors", r.status == 422 and
                'id="name-error"' in r.text and 'id="email-error"' in r.text)
        db = sqlite3.connect(s.db)
        ids = expert_ids(db)
        db.close()
        r = create_edition(c)
        ed = int(r.header("Location").rsplit("/", 1)[1])
        entries = []
        for i in range(10):
            fields = {"code": "CNTT-%02d" % i, "title": "Giải pháp %d" % i,
                      "field": "ict", "applied_since": "2024-01-01",
                      "a1_name": "Tác giả %d" % i}
            if i == 0:   # an expert is the author: automatic conflict
                fields["a1_name"] = "TS Trần Thị Lan"
            if i == 1:   # same unit as an expert
                fields["organisation"] = "Công ty điện lực  Hà Giang"
            r = c.post("/editions/%d/entries/new" % ed, fields)
            entries.append(int(r.header("Location").rsplit("/", 1)[1]))
        r = c.post("/editions/%d/panels/new" % ed, {
            "name": "Tiểu ban CNTT", "field": "ict",
            "chair": str(ids[EXPERTS[0][0]]),
            "member": [str(v) for v in ids.values()]})
        # urlencode of a list: repeat the key by hand
        body = "&".join(["csrf=" + c.get("/editions").csrf(),
                         "name=Ti%E1%BB%83u+ban+CNTT", "field=ict",
                         "chair=%d" % ids[EXPERTS[0][0]]] +
                        ["member=%d" % v for v in ids.values()])
        r = c.request("POST", "/editions/%d/panels/new" % ed, body, {
            "Content-Type": "application/x-www-form-urlencoded"})
        t.check("panel created", r.status == 303, r.status)
        path = "/editions/%d" % ed
        r = c.post(path + "/assign", {})
        t.check("no assignment in draft", r.status == 409, r.status)
        for state in ("draft", "receiving"):
            c.post(path + "/advance", {"from": state,
                                       "csrf": c.get(path).csrf()})
        for e in entries:
            c.post("/entries/%d/eligibility" % e, {"decision": "eligible"})
        r = c.post(path + "/assign", {})
        t.check("automatic assignment", r.status == 303, r.status)
        conflicts = {(entries[0], ids["TS Trần Thị Lan"]),
                     (entries[1], ids["KS Phạm Quốc Việt"])}
        pairs = check_properties(t, s, entries, conflicts, 3, "auto")
        page = c.get(path + "/assignments")
        t.check("assignment page shows the grid", page.status == 200 and
                "Tiểu ban CNTT" in page.text and "✕" in page.text)
        # by hand: a conflicted judge cannot be added
        r = c.post("/entries/%d/assign" % entries[0], {
            "expert": ids["TS Trần Thị Lan"], "op": "add", "reason": "thử"})
        t.check("adding a conflicted judge is refused", r.status == 409,
                r.status)
        e2, j2 = pairs[0]
        r = c.post("/entries/%d/assign" % e2, {"expert": j2, "op": "remove",
                                               "reason": "đổi người"})
        t.check("a judge removed by hand", r.status == 303)
        r = c.post("/entries/%d/conflicts" % entries[5], {
            "expert": ids[EXPERTS[2][0]], "reason": "cùng dự án"})
        t.check("a conflict declared by the organisers", r.status == 303)
        r = c.post(path + "/assign", {})
        conflicts.add((entries[5], ids[EXPERTS[2][0]]))
        check_properties(t, s, entries, conflicts, 3, "after changes")
        db = sqlite3.connect(s.db)
        audit = db.execute("SELECT count(*) FROM audit WHERE action LIKE "
                           "'assignment.%'").fetchone()[0]
        db.close()
        t.check("assignments are audited", audit > 30, audit)
        # a judge sees only their entries, and can step back from one
        judge = ids[EXPERTS[3][0]]
        s.cli("user", "add", "--db", s.db, "--login", "gk4", "--role",
              "judge", "--expert", str(judge), stdin="mat-khau-thu-nghiem\n")
        db = sqlite3.connect(s.db)
        mine = [e for (e,) in db.execute(
            "SELECT entry_id FROM assignments WHERE expert_id = ?", (judge,))]
        db.close()
        j = Client(s)
        j.login("gk4")
        other = [e for e in entries if e not in mine][0]
        t.check("a judge sees an assigned entry",
                j.get("/entries/%d" % mine[0]).status == 200)
        t.check("and not another one (404)",
                j.get("/entries/%d" % other).status == 404)
        r = j.post("/entries/%d/conflicts" % mine[0],
                   {"reason": "Tôi là người hướng dẫn", "csrf":
                    j.get("/").csrf()}, csrf=False)
        t.check("a judge declares a conflict", r.status == 303, r.status)
        t.check("and no longer sees the entry",
                j.get("/entries/%d" % mine[0]).status == 404)
        check_chair(t, s, c, ed, entries, ids)
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

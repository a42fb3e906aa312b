"""certs_db.py: a decided youth contest with exactly N certificates, made
the way an organiser and the judges would make it, over HTTP: the demo
database (its organisation, public address and judges), a new edition of
N/2 entries of two student authors each (realistic Vietnamese names,
schools and titles), one panel of three judges, eligibility, automatic
assignment, every judge's sheets through the tablet API (scores from 60
to 95, so every entry keeps a prize and the prizes vary), the round closed
and locked, results computed, posted for objections and decided; then
`giamkhao certificates` issues and signs them.

Also the printed texts of each certificate (as server/certs_render.c and
certificates/cert_pdf.c make them) for the baseline."""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "integration"))
from harness import Client, Server  # noqa: E402

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lò", "Hà", "Giàng", "Sùng",
            "Vàng", "Triệu", "Nông"]
MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Hữu", "Quốc",
           "Thanh", "Mai", "Gia", "Bảo"]
GIVEN = ["An", "Bảo", "Chi", "Dũng", "Giang", "Hạnh", "Hùng", "Khánh",
         "Linh", "Lộc", "My", "Nga", "Phúc", "Quân", "Sơn", "Thảo", "Trang",
         "Tuấn", "Vy", "Yến", "Khôi", "Dợ", "Định", "Nhung"]
SCHOOLS = ["Trường THCS Lê Quý Đôn", "Trường THPT chuyên Hà Giang",
           "Trường PTDTBT THCS Sảng Tủng", "Trường THCS Việt Lâm",
           "Trường PTDTNT THPT tỉnh Hà Giang", "Trường THCS Nguyễn Trãi",
           "Trường Tiểu học Quang Trung", "Trường THPT Bắc Quang"]
ETHNIC = ["Kinh", "Tày", "Mông", "Dao", "Nùng", "Giáy"]
FIELDS = ["school-supplies", "software", "eco-friendly-products",
          "household-toys", "climate-environment-economy"]
THINGS = ["Máy tưới cây tự động dùng năng lượng mặt trời",
          "Hộp bút kiêm giá đọc sách", "Bảng học chữ cái bằng gỗ tái chế",
          "Trò chơi ôn tập lịch sử địa phương",
          "Thiết bị cảnh báo sạt lở đất cho điểm trường",
          "Bếp đun tiết kiệm củi cho hộ gia đình vùng cao",
          "Ứng dụng tra cứu cây thuốc Nam của đồng bào Dao",
          "Đồ chơi xếp hình từ vỏ chai nhựa",
          "Máy bóc vỏ ngô mini", "Đèn học thông minh chống cận thị"]
CRITERIA = [("novelty", 30), ("materials-energy", 20),
            ("effectiveness", 30), ("aesthetics-technology", 20)]
JUDGES = ["gk01", "gk02", "gk03"]


def day(delta):
    return (datetime.date.today() + datetime.timedelta(days=delta)).isoformat()


def name(i):
    return "%s %s %s" % (SURNAMES[i % 20], MIDDLES[(i // 20) % 12],
                         GIVEN[(i * 7) % 24])


def entry_form(i):
    f = {"code": "BENCH-%03d" % i, "field": FIELDS[i % 5],
         "title": "%s (mẫu %d)" % (THINGS[i % 10], i // 10 + 1),
         "summary": "Sản phẩm dự thi.", "district": "Vị Xuyên",
         "applied_since": "2025-03-01"}
    for k in (1, 2):
        n = 2 * i + k - 1
        f.update({"a%d_name" % k: name(n),
                  "a%d_birth" % k: "20%02d-%02d-%02d" % (8 + n % 7,
                                                        1 + n % 12,
                                                        1 + n % 28),
                  "a%d_ethnicity" % k: ETHNIC[n % 6],
                  "a%d_unit" % k: SCHOOLS[i % 8], "a%d_role" % k: "author"})
    return f


def must(r, what, want=303):
    if r.status != want:
        raise RuntimeError("%s: HTTP %d %s" % (what, r.status, r.text[:300]))
    return r


def one_of(db, sql, *args):
    con = sqlite3.connect(db)
    rows = con.execute(sql, args).fetchall()
    con.close()
    return rows


def edition(c, n_entries):
    """A youth edition in receiving with its entries; its id."""
    r = must(c.post("/editions/new", {
        "program": "youth-creativity", "number": "16", "year_from": "2026",
        "level": "province", "org_name": "Liên hiệp các Hội Khoa học và Kỹ "
        "thuật tỉnh Hà Giang", "org_province": "Hà Giang",
        "title": "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng tỉnh Hà "
        "Giang lần thứ 16, năm 2026", "signatory": "Nguyễn Văn Thanh",
        "signatory_title": "Chủ tịch", "submit_until": day(30),
        "birth_from": "2003-01-01", "birth_until": "2019-12-31"}),
        "new edition")
    ed = int(r.header("Location").rsplit("/", 1)[1])
    advance(c, ed, "draft")
    for i in range(n_entries):
        must(c.post("/editions/%d/entries/new" % ed, entry_form(i)),
             "entry %d" % i)
    return ed


def advance(c, ed, state):
    path = "/editions/%d" % ed
    must(c.post(path + "/advance", {"from": state,
                                    "csrf": c.get(path).csrf()}),
         "advance from " + state)


def panel(c, db, ed):
    experts = [x for (x,) in one_of(
        db, "SELECT expert_id FROM users WHERE login IN (%s) ORDER BY login"
        % ",".join("?" * len(JUDGES)), *JUDGES)]
    body = "&".join(["csrf=" + c.get("/editions").csrf(), "name=Hoi+dong",
                     "chair=%d" % experts[0]] +
                    ["field=" + f for f in FIELDS] +
                    ["member=%d" % x for x in experts])
    must(c.request("POST", "/editions/%d/panels/new" % ed, body,
                   {"Content-Type": "application/x-www-form-urlencoded"}),
         "panel")


def enter(s, login):
    link = s.cli("login-link", "--db", s.db, "--login", login).stdout.strip()
    c = Client(s)
    must(c.enter(link[link.index("/enter"):]), "login " + login)
    return c


def score(s, login, entries, seed):
    j = enter(s, login)
    token = j.get("/").csrf()
    for e in entries:
        # the entry's own level (60..95, so every prize tier shows)
        # give or take 2 for each judge
        level = 62 + (e * 11) % 34 + (e + seed) % 5 - 2
        pts = {cid: "%g" % (mx * level // 100) for cid, mx in CRITERIA}
        r = j.request("POST", "/api/entries/%d/sheet" % e, json.dumps({
            "client_id": "bench-%s-%08d-aaaa" % (login, e), "version": 0,
            "rubric_version": 1, "state": "submitted", "points": pts}),
            {"Content-Type": "application/json", "X-CSRF-Token": token})
        must(r, "sheet %s %d" % (login, e), 200)


def decide(c, db, ed):
    advance(c, ed, "judging")
    for (p,) in one_of(db, "SELECT id FROM panels WHERE edition_id = ?", ed):
        c.post("/panels/%d/lock" % p, {"op": "lock"})
    path = "/editions/%d" % ed
    must(c.post(path + "/results", {}), "results")
    (sid,), = one_of(db, "SELECT max(id) FROM results_snapshots WHERE"
                         " edition_id = ?", ed)
    must(c.post(path + "/posting", {"snapshot": sid, "from": day(-10),
                                    "until": day(-1)}), "posting")
    must(c.post(path + "/award", {"number": "118/QĐ-LHH", "date": day(0),
                                  "signatory": "Nguyễn Văn Thanh"}), "award")


def build(binary, db, n):
    """The demo database plus a decided edition of n certificates (n
    even), issued; the edition's id."""
    subprocess.run([binary, "demo", "--db", db], capture_output=True,
                   check=True)
    s = Server(binary, db)
    s.start()
    try:
        c = enter(s, "bantochuc")
        ed = edition(c, n // 2)
        panel(c, db, ed)
        advance(c, ed, "receiving")
        entries = [e for (e,) in one_of(
            db, "SELECT id FROM entries WHERE edition_id = ? ORDER BY id",
            ed)]
        for e in entries:
            must(c.post("/entries/%d/eligibility" % e,
                        {"decision": "eligible"}), "eligible %d" % e)
        must(c.post("/editions/%d/assign" % ed, {}), "assign")
        advance(c, ed, "eligibility")
        for k, login in enumerate(JUDGES):
            score(s, login, entries, k)
        decide(c, db, ed)
    finally:
        s.cleanup()
    return ed


ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def short_code(serial):
    """vcode_short(): GK-, seven symbols of the serial, a check symbol."""
    sym = [(serial >> (5 * (6 - i))) & 31 for i in range(7)]
    check = sum((i + 1) * v for i, v in enumerate(sym)) % 31
    return "GK-%s-%s" % ("".join(ALPHABET[v] for v in sym), ALPHABET[check])


def texts(db, ed, n):
    """The printed texts of the edition's first n standing certificates,
    as server/certs_render.c and certificates/cert_pdf.c compose them."""
    con = sqlite3.connect(db)
    (url,), = con.execute("SELECT public_url FROM org").fetchall()
    org, province, signer = con.execute(
        "SELECT org_name, org_province, signatory FROM editions WHERE"
        " id = ?", (ed,)).fetchone()
    rows = con.execute(
        "SELECT id, recipient, birth_date, school, entry_title, field,"
        " prize, edition, decision, issued, code FROM certificates WHERE"
        " edition_id = ? AND revoked_at IS NULL ORDER BY id LIMIT ?",
        (ed, n)).fetchall()
    con.close()
    scheme, host = re.match(r"([a-z]+)://([^/]*)", url).groups()
    out = []
    for (i, who, birth, school, title, field, prize, edition_, decision,
         issued, code) in rows:
        out.append({
            "id": i, "parent": org, "issuer": "BAN TỔ CHỨC",
            "heading": "GIẤY CHỨNG NHẬN", "lead": "Chứng nhận",
            "recipient": who,
            "birth_school": "Ngày sinh: %s   –   %s" % (birth, school),
            "entry": "Tác phẩm/Giải pháp: “%s”" % title,
            "field": "Lĩnh vực: %s" % field, "body": "Đã đạt",
            "prize": prize, "edition": edition_,
            "decision": "(Theo Quyết định số %s)" % decision,
            "place_date": "%s, ngày %s tháng %s năm %s" % (
                province, issued[8:10], issued[5:7], issued[:4]),
            "signer_title": "TM. BAN TỔ CHỨC\nTRƯỞNG BAN",
            "signer": signer,
            "url": "%s://%s/V/%s" % (scheme.upper(), host.upper(), code),
            "short_code": short_code(i),
            "check_at": "Kiểm tra tại: %s" % host.lower(),
            "serial": "Số: %06d/GCN" % i})
    return out

#!/usr/bin/env python3
"""test_cards.py: judges' login cards over HTTP: the organisers' page, the
PDF (checked by qpdf, its text by pdftotext, its QR codes read back from
the rendered page by zbarimg), logging in by scanning (the link) and by
typing the short code, single use, reissue (the old card revoked and its
sessions ended), a judge account made for an expert who had none, who may
see and print cards, and a card's session bound to its edition (another
edition's entry refused with a clear message, page and API).
usage: test_cards.py BINARY"""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_server import create_edition  # noqa: E402
from test_sheets import JUDGES, ids_of, setup  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
NEWCOMER = "PGS.TS Đặng Thị Quỳnh"


def pdf_tool(args, data=None):
    return subprocess.run(args, input=data, capture_output=True)


def read_pdf(t, what, r, pages):
    """Checks a PDF response; returns (text, [QR payloads]) of it."""
    t.check(what + ": a PDF download", r.status == 200 and
            r.header("Content-Type") == "application/pdf" and
            (r.header("Content-Disposition") or "").startswith(
                "attachment;") and
            r.body.startswith(b"%PDF-"), (r.status, r.text[:200]))
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, "cards.pdf")
        with open(path, "wb") as f:
            f.write(r.body)
        os.makedirs(OUT, exist_ok=True)
        shutil.copy(path, os.path.join(OUT, "cards-%s.pdf" %
                                       what.replace(" ", "-")))
        q = pdf_tool(["qpdf", "--check", path])
        t.check(what + ": qpdf --check finds no error", q.returncode == 0,
                q.stdout.decode()[-300:])
        info = pdf_tool(["pdfinfo", path]).stdout.decode()
        n = re.search(r"Pages:\s+(\d+)", info)
        t.check(what + ": %d page(s), four cards to a page" % pages,
                n is not None and int(n.group(1)) == pages, info)
        fonts = pdf_tool(["pdffonts", path]).stdout.decode()
        t.check(what + ": Noto Sans embedded (subset of the build)",
                "NotoSans" in fonts and " yes " in fonts, fonts)
        t.check(what + ": small (a font subset, not the whole font)",
                len(r.body) < 150000, len(r.body))
        text = pdf_tool(["pdftotext", "-layout", path, "-"]).stdout.decode()
        pdf_tool(["pdftoppm", "-r", "150", "-png", path,
                  os.path.join(tmp, "page")])
        codes = []
        for png in sorted(os.listdir(tmp)):
            if png.endswith(".png"):
                z = pdf_tool(["zbarimg", "--raw", "-q", os.path.join(tmp, png)])
                codes += z.stdout.decode().split()
                shutil.copy(os.path.join(tmp, png),
                            os.path.join(OUT, "cards-%s-%s" %
                                         (what.replace(" ", "-"), png)))
        return text, codes
    finally:
        shutil.rmtree(tmp)


def add_newcomer(t, s, c, ed):
    """An expert without an account, put in the edition's panel."""
    c.post("/experts/new", {"name": NEWCOMER, "unit": "Đại học Tây Bắc"})
    expert, = ids_of(s, "SELECT id FROM experts WHERE name = ?", NEWCOMER)[0]
    panel, = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0]
    db = sqlite3.connect(s.db)
    db.execute("INSERT INTO panel_members (panel_id, expert_id) VALUES"
               " (?, ?)", (panel, expert))
    db.commit()
    db.close()
    return expert


def check_page(t, s, c, ed):
    page = c.get("/editions/%d/cards" % ed)
    t.check("cards page: every judge of the edition, no card yet",
            page.status == 200 and all(n in page.text for _, n, _ in JUDGES)
            and NEWCOMER in page.text and page.text.count("Chưa cấp") >= 5,
            page.status)
    t.check("cards page: 'print' for a judge without a card, not 'reissue'",
            page.text.count("In thẻ (PDF)") == 5 and
            "Cấp lại thẻ" not in page.text)
    t.check("cards page: the expert without an account is flagged",
            "chưa có tài khoản" in page.text)
    t.check("cards page: the address the cards will carry is editable",
            re.search(r'name="site" value="http://127\.0\.0\.1:\d+"',
                      page.text) is not None)
    t.check("edition page links to the cards",
            "/editions/%d/cards" % ed in c.get("/editions/%d" % ed).text)


def check_access(t, s, ed):
    j = Client(s)
    j.login("gka")
    t.check("a judge cannot see the cards page",
            j.get("/editions/%d/cards" % ed).status in (403, 404))
    r = j.post("/editions/%d/cards" % ed, {"site": "http://x:1"},
               csrf=j.get("/").csrf())
    t.check("a judge cannot print cards", r.status in (403, 404) and
            not r.body.startswith(b"%PDF"), r.status)
    anon = Client(s)
    r = anon.get("/editions/%d/cards" % ed)
    t.check("anonymous: no cards page", r.status in (303, 401, 403),
            r.status)


def print_all(t, s, c, ed, site):
    page = c.get("/editions/%d/cards" % ed)
    r = c.post("/editions/%d/cards" % ed, {"site": "ftp://evil"},
               csrf=page.csrf())
    t.check("a bad address on the cards is refused", r.status == 400 and
            not r.body.startswith(b"%PDF"), r.status)
    n0 = ids_of(s, "SELECT count(*) FROM login_links")[0][0]
    t.check("nothing issued by the refused print", n0 == 0, n0)
    r = c.post("/editions/%d/cards" % ed, {"site": site}, csrf=page.csrf())
    text, codes = read_pdf(t, "all cards", r, 2)
    flat = " ".join(text.split())
    t.check("the cards carry the title and each judge's name",
            "THẺ ĐĂNG NHẬP CHẤM THI" in flat and
            all(n in flat for _, n, _ in JUDGES) and NEWCOMER in flat, flat)
    t.check("the cards carry the panel and the chair's mark",
            "Tiểu ban chấm: Co khi" in flat, flat[:400])
    printed = re.findall(r"\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b",
                         text)
    t.check("five short codes printed, all different",
            len(printed) == 5 and len(set(printed)) == 5, printed)
    t.check("five QR codes read back from the rendered pages",
            len(codes) == 5 and len(set(codes)) == 5, codes)
    t.check("each QR holds a login link to the given address",
            all(re.fullmatch(re.escape(site) + r"/enter\?t=[A-Za-z0-9_-]{43}",
                             u) for u in codes), codes)
    rows = ids_of(s, "SELECT count(*), count(DISTINCT user_id),"
                     " sum(code_hash IS NOT NULL), sum(edition_id = ?)"
                     " FROM login_links", ed)[0]
    t.check("five cards stored (hashed codes), one per judge, bound to the"
            " edition", rows == (5, 5, 5, 5), rows)
    stored = [h for h, in ids_of(s, "SELECT hex(token_hash) FROM"
                                    " login_links")]
    t.check("no token stored in clear",
            not any(u.rsplit("=", 1)[1] in str(stored) for u in codes))
    made = ids_of(s, "SELECT login, role, password_hash FROM users WHERE"
                     " expert_id = (SELECT id FROM experts WHERE name = ?)",
                  NEWCOMER)
    t.check("a judge account made for the expert who had none, without a"
            " password", len(made) == 1 and made[0][1] == "judge" and
            made[0][2] == "", made)
    audits = ids_of(s, "SELECT count(*) FROM audit WHERE action ="
                       " 'card.issue'")[0][0]
    t.check("each card issued is in the audit log", audits == 5, audits)
    return codes, text


def user_of_link(s, url):
    import base64
    import hashlib
    tok = url.rsplit("=", 1)[1]
    raw = base64.urlsafe_b64decode(tok + "=")
    h = hashlib.sha256(raw).hexdigest().upper()
    return ids_of(s, "SELECT u.login FROM login_links l JOIN users u ON"
                     " u.id = l.user_id WHERE hex(l.token_hash) = ?", h)[0][0]


def check_scan(t, s, ed, codes):
    """Scanning: the link opens a session bound to the edition, once."""
    by_user = {user_of_link(s, u): u for u in codes}
    url = by_user["gka"]
    path = url[url.index("/enter"):]
    a = Client(s)
    r = a.enter(path)
    t.check("scanning the card logs the judge in", r.status == 303 and
            r.header("Location") == "/" and "gk_session" in a.cookies,
            r.status)
    home = a.get("/")
    t.check("the judge's home after scanning", home.status == 200 and
            "CK-00" in home.text and "Lò Văn Hải" in home.text, home.status)
    bound = ids_of(s, "SELECT s.edition_id FROM sessions s JOIN users u ON"
                      " u.id = s.user_id WHERE u.login = 'gka' ORDER BY s.id"
                      " DESC LIMIT 1")
    t.check("the session is bound to the card's edition",
            bound == [(ed,)], bound)
    again = Client(s).enter(path)
    t.check("the same card a second time: refused (single use)",
            again.status == 410 and "không hợp lệ" in again.text,
            again.status)
    used = ids_of(s, "SELECT used_at IS NOT NULL, used_from FROM login_links"
                     " l JOIN users u ON u.id = l.user_id WHERE u.login ="
                     " 'gka'")[0]
    t.check("the card is marked used, with where from",
            used == (1, "127.0.0.1"), used)
    return a, by_user


def post_code(s, code):
    c = Client(s)
    tok = c.get("/login").csrf()
    return c, c.post("/enter", {"code": code}, csrf=tok)


def code_of(s, text, login):
    """The code printed on a judge's card (the text after their name)."""
    name = dict((lg, n) for lg, n, _ in JUDGES).get(login, login)
    flat = " ".join(text.split())
    i = flat.index(name)
    return re.search(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}",
                     flat[i:]).group(0)


def check_code(t, s, text):
    page = Client(s).get("/login")
    t.check("the login page offers the card's code", page.status == 200 and
            'action="/enter"' in page.text and 'name="code"' in page.text)
    _, r = post_code(s, "K7QM")
    t.check("a code of the wrong length: a clear message",
            r.status == 400 and "8 chữ và số" in r.text, r.status)
    _, r = post_code(s, "K7QM-2XH!")
    t.check("a code with a character not on cards: refused",
            r.status == 400, r.status)
    _, r = post_code(s, "ZZZZ-ZZZZ")
    t.check("a wrong code: refused with a clear message",
            r.status == 401 and "Mã không đúng" in r.text, r.status)
    code = code_of(s, text, "gkb")
    typed = code.replace("-", "").lower().replace("0", "o").replace("1", "l")
    b, r = post_code(s, typed)
    t.check("the code typed in lower case, without hyphen, O for 0: logs in",
            r.status == 303 and "gk_session" in b.cookies, (r.status, typed))
    t.check("the code's session is bound to the edition",
            ids_of(s, "SELECT count(*) FROM sessions s JOIN users u ON"
                      " u.id = s.user_id WHERE u.login = 'gkb' AND"
                      " s.edition_id IS NOT NULL")[0][0] == 1)
    _, r = post_code(s, code)
    t.check("the same code again: refused (single use)", r.status == 401,
            r.status)
    c = Client(s)
    c.get("/login")
    r = c.post("/enter", {"code": code}, csrf="0" * 64)
    t.check("a code without the form's token: refused", r.status == 400,
            r.status)
    return b


def check_reissue(t, s, c, ed, site, a, by_user, text):
    """Judge A lost the card they used; judge C never used theirs."""
    old_c = by_user["gkc"]
    code_c = code_of(s, text, "gkc")
    experts = dict(ids_of(s, "SELECT u.login, u.expert_id FROM users u"))
    page = c.get("/editions/%d/cards" % ed)
    t.check("cards page: used and unused cards told apart",
            "Đã dùng" in page.text and "Đã cấp, chưa dùng" in page.text and
            "127.0.0.1" in page.text)
    t.check("cards page: 'reissue' once a card exists",
            page.text.count("Cấp lại thẻ (PDF)") == 5 and
            "In thẻ (PDF)" not in page.text)
    r = c.post("/editions/%d/cards" % ed, {"site": site,
                                           "expert": experts["gkc"]},
               csrf=page.csrf())
    _, codes = read_pdf(t, "reissued card", r, 1)
    t.check("reissue: one new card", len(codes) == 1 and codes[0] != old_c,
            codes)
    r = Client(s).enter(old_c[old_c.index("/enter"):])
    t.check("reissue: the old card's link no longer works", r.status == 410,
            r.status)
    _, r = post_code(s, code_c)
    t.check("reissue: the old card's code no longer works", r.status == 401,
            r.status)
    r = Client(s).enter(codes[0][codes[0].index("/enter"):])
    t.check("reissue: the new card works", r.status == 303, r.status)
    t.check("judge A's card session works before A's reissue",
            a.get("/").status == 200)
    r = c.post("/editions/%d/cards" % ed, {"site": site,
                                           "expert": experts["gka"]},
               csrf=page.csrf())
    read_pdf(t, "card for a judge who lost theirs", r, 1)
    r = a.get("/")
    t.check("reissue ends the sessions the old card opened",
            r.status in (303, 401) and "Lò Văn Hải" not in r.text, r.status)
    r = c.post("/editions/%d/cards" % ed, {"site": site, "expert": 999999},
               csrf=page.csrf())
    t.check("reissue for someone who is not a judge of it: 404",
            r.status == 404, r.status)
    revoked = ids_of(s, "SELECT count(*) FROM login_links WHERE revoked_at"
                        " IS NOT NULL")[0][0]
    t.check("only the unused old card was revoked", revoked == 1, revoked)
    # a panel name longer than the card's field: cut at a letter's edge
    db = sqlite3.connect(s.db)
    db.execute("UPDATE panels SET name = ? WHERE edition_id = ?",
               ("Tiểu ban Cơ khí – Xây dựng – Giao thông vận tải " * 12, ed))
    db.commit()
    db.close()
    r = c.post("/editions/%d/cards" % ed, {"site": site,
                                           "expert": experts["gkd"]},
               csrf=page.csrf())
    text, _ = read_pdf(t, "card with a very long panel name", r, 1)
    t.check("a very long panel name is cut, not broken",
            "Tiểu ban Cơ khí" in text and "\ufffd" not in text)


def other_edition(t, s, c, experts):
    """A second edition in judging with one entry assigned to judge B."""
    ed = int(create_edition(c, title="Hội thi lần thứ hai").header(
        "Location").rsplit("/", 1)[1])
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "draft", "csrf": c.get(path).csrf()})
    r = c.post(path + "/entries/new", {
        "code": "HT2-01", "title": "Máy sấy nông sản",
        "field": "mechanics-construction-transport",
        "applied_since": "2024-01-01", "a1_name": "Tác giả khác",
        "organisation": "Hợp tác xã khác"})
    entry = int(r.header("Location").rsplit("/", 1)[1])
    name = JUDGES[1][1]
    body = "&".join(["csrf=" + c.get("/editions").csrf(), "name=Hai",
                     "field=mechanics-construction-transport",
                     "member=%d" % experts[name]])
    c.request("POST", path + "/panels/new", body,
              {"Content-Type": "application/x-www-form-urlencoded"})
    c.post(path + "/advance", {"from": "receiving",
                               "csrf": c.get(path).csrf()})
    c.post("/entries/%d/eligibility" % entry, {"decision": "eligible"})
    c.post("/entries/%d/assign" % entry, {"expert": experts[name],
                                          "op": "add", "reason": "phân công"})
    c.post(path + "/advance", {"from": "eligibility",
                               "csrf": c.get(path).csrf()})
    return ed, entry


def check_bound(t, s, c, b, ed):
    experts = {n: i for i, n in ids_of(s, "SELECT id, name FROM experts")}
    ed2, entry = other_edition(t, s, c, experts)
    pw = Client(s)
    pw.login("gkb")
    t.check("with a password, judge B sees both editions' entries",
            "HT2-01" in pw.get("/").text and "CK-00" in pw.get("/").text)
    t.check("with the card, judge B's home shows its edition only",
            "HT2-01" not in b.get("/").text and "CK-00" in b.get("/").text)
    r = b.get("/entries/%d/sheet" % entry)
    t.check("card session, another edition's sheet: 403 saying why",
            r.status == 403 and "kỳ thi khác" in r.text, r.status)
    tok = b.get("/").csrf()
    body = json.dumps({"client_id": "other-edition-0001", "version": 0,
                       "rubric_version": 1, "state": "draft",
                       "points": {"novelty": "10"}})
    r = b.request("POST", "/api/entries/%d/sheet" % entry, body, {
        "Content-Type": "application/json", "X-CSRF-Token": tok})
    msg = json.loads(r.text).get("error", {}).get("message", "") \
        if r.text.startswith("{") else ""
    code = json.loads(r.text).get("error", {}).get("code") \
        if r.text.startswith("{") else None
    t.check("card session, another edition's sheet via the API: 403 JSON"
            " with the code the tablet's queue acts on",
            r.status == 403 and "kỳ thi khác" in msg and
            code == "other_edition", (r.status, r.text))
    listed = json.loads(b.get("/api/assigned").text)
    t.check("card session: the API lists its edition's entries only",
            "HT2-01" not in json.dumps(listed, ensure_ascii=False) and
            "CK-00" in json.dumps(listed, ensure_ascii=False))
    t.check("nothing was written for the other edition",
            ids_of(s, "SELECT count(*) FROM sheets WHERE entry_id = ?",
                   entry)[0][0] == 0)
    page = c.get("/editions/%d/cards" % ed2)
    t.check("the other edition lists its own judge only",
            JUDGES[1][1] in page.text and JUDGES[0][1] not in page.text)


def check_throttle(t, s):
    """Successful logins do not count against an address (a venue's
    tablets may share one); wrong codes do."""
    ok = [Client(s).login("bantochuc").status for _ in range(35)]
    t.check("35 good logins from one address: none throttled",
            ok == [303] * 35, ok)
    bad = [post_code(s, "ZZZZ-ZZZ%d" % (i % 10))[1].status
           for i in range(31)]
    first = bad.index(429) if 429 in bad else len(bad)
    t.check("wrong codes from one address: throttled (30 failures in 15"
            " minutes, counting the earlier ones)", 0 < first < 31 and
            set(bad[:first]) == {401} and set(bad[first:]) == {429}, bad)


def main(argv):
    t = Suite("cards")
    s = Server(argv[1])
    s.add_user("bantochuc", "organiser", "Ban Tổ chức")
    s.start()
    try:
        c, ed, entries, experts = setup(t, s)
        add_newcomer(t, s, c, ed)
        check_page(t, s, c, ed)
        check_access(t, s, ed)
        site = "http://127.0.0.1:%d" % s.port
        codes, text = print_all(t, s, c, ed, site)
        page = c.post("/editions/%d/cards" % ed, {"site": site},
                      csrf="0" * 64)
        t.check("printing without the form's token: refused",
                page.status == 403, page.status)
        a, by_user = check_scan(t, s, ed, codes)
        b = check_code(t, s, text)
        check_reissue(t, s, c, ed, site, a, by_user, text)
        check_bound(t, s, c, b, ed)
        check_throttle(t, s)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

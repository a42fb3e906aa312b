#!/usr/bin/env python3
"""test_certs.py: issuing certificates and verifying them over HTTP.

A decided Golden Book edition (three works selected) gets its certificates
from `giamkhao certificates`; each PDF passes qpdf, prints its recipient,
and its QR code (pdftoppm -r 150, zbarimg) holds exactly the signed
upper-case URL, which the running server verifies as genuine. Then a table
of verification vectors over /v/CODE and /v/CODE.json, each with the
answer expected: the code as issued, in lower and mixed case, with hyphens;
one character altered anywhere, the check symbol, truncated or padded, an
unknown key, a tampered database row, a retired key (still genuine), a
revoked key, a superseded certificate (after a correction) linking its
replacement. Issuing again keeps what did not change.
usage: test_certs.py BINARY"""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Suite  # noqa: E402
from test_ballot import VOTES_A, close_round, world  # noqa: E402

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def day(delta):
    return (datetime.date.today() + datetime.timedelta(days=delta)).isoformat()


def decided(t, binary):
    """The ballot world of test_ballot, posted and decided."""
    s, c, ed, entries = world(binary, VOTES_A, t, close=False)
    close_round(c, s, ed)
    r = c.post("/settings", {
        "org_name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hà Giang",
        "org_province": "Hà Giang", "signatory": "Nguyễn Văn Thanh",
        "signatory_title": "Chủ tịch",
        "public_url": "https://lhh.hagiang.gov.vn"})
    t.check("the organisation's public address", r.status == 303, r.status)
    c.post("/editions/%d/results" % ed, {})
    path = "/editions/%d" % ed
    c.post(path + "/posting", {"snapshot": 1, "from": day(-10),
                               "until": day(-1)})
    r = c.post(path + "/award", {"number": "45/QĐ-LHH", "date": day(0),
                                 "signatory": "Nguyễn Văn Thanh"})
    t.check("the award decision", r.status == 303, r.status)
    return s, c, ed


def issue(s, ed, out):
    r = s.cli("certificates", "--db", s.db, "--edition", str(ed), "--out",
              out)
    return r


def certs(s):
    db = sqlite3.connect(s.db)
    rows = db.execute("SELECT id, recipient, code, revoked_at,"
                      " revoked_reason, replaced_by FROM certificates"
                      " ORDER BY id").fetchall()
    db.close()
    return rows


def qr_of(s, pdf, page):
    """What the QR code on a page of a PDF holds (pdftoppm -r 150,
    zbarimg)."""
    png = os.path.join(s.dir, "qr-%d" % page)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l",
                    str(page), "-singlefile", pdf, png], capture_output=True)
    z = subprocess.run(["zbarimg", "--raw", "-q", png + ".png"],
                       capture_output=True, text=True)
    return z.stdout.strip()


def check_issue(t, s, ed):
    out = os.path.join(s.dir, "certs")
    r = issue(s, ed, out)
    t.check("certificates: issued 3", r.returncode == 0 and
            "issued: 3" in r.stdout, r.stdout + r.stderr)
    rows = certs(s)
    t.check("three certificates stored, one per selected work's author",
            [x[1] for x in rows] == ["Tác giả 0", "Tác giả 1", "Tác giả 2"],
            rows)
    files = sorted(os.listdir(out))
    t.check("one PDF each and print.pdf", files == [
        "000001.pdf", "000002.pdf", "000003.pdf", "print.pdf"], files)
    for f in files:
        q = subprocess.run(["qpdf", "--check", os.path.join(out, f)],
                           capture_output=True, text=True)
        t.check("qpdf --check " + f, q.returncode == 0, q.stdout[-300:])
    pdf = os.path.join(out, "000002.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                          text=True).stdout
    t.check("pdftotext: the recipient's name exactly, and the heading",
            "Tác giả 1" in text and "GIẤY CHỨNG NHẬN" in text, text[:400])
    # every generated PDF: each certificate alone, each page of print.pdf
    urls = {}
    for i, row in enumerate(rows):
        want = "HTTPS://LHH.HAGIANG.GOV.VN/V/" + row[2]
        alone = qr_of(s, os.path.join(out, "%06d.pdf" % row[0]), 1)
        page = qr_of(s, os.path.join(out, "print.pdf"), i + 1)
        t.check("the QR code of %06d.pdf and of print.pdf's page %d hold "
                "exactly the signed upper-case URL" % (row[0], i + 1),
                alone == want and page == want, (alone, page, want))
        urls[row[0]] = alone
    url = urls[rows[1][0]]
    again = issue(s, ed, out)
    t.check("issuing again keeps all three", again.returncode == 0 and
            "kept: 3" in again.stdout and len(certs(s)) == 3, again.stdout)
    return url, out, urls


def status(c, code):
    r = c.get("/v/%s.json" % code)
    try:
        return r.status, json.loads(r.text)
    except ValueError:
        return r.status, {}


def altered(code, i):
    ch = code[i]
    return code[:i] + ALPHABET[(ALPHABET.index(ch) + 1) % 32] + code[i + 1:]


def check_vectors(t, s, c, url):
    code = url.rsplit("/", 1)[1]
    r = c.get(url[len("HTTPS://LHH.HAGIANG.GOV.VN"):])
    t.check("the QR's URL, followed on the server: genuine",
            r.status == 200 and "Giấy chứng nhận hợp lệ" in r.text and
            "Tác giả 1" in r.text, r.status)
    hyphens = "-".join(code[i:i + 4] for i in range(0, len(code), 4))
    mixed = "".join(ch.lower() if i % 2 else ch for i, ch in enumerate(code))
    vectors = [
        ("as issued", code, "genuine"),
        ("lower case", code.lower(), "genuine"),
        ("mixed case", mixed, "genuine"),
        ("with hyphens", hyphens, "genuine"),
        ("O typed for 0", code.replace("0", "O"), "genuine"),
        ("first character altered", altered(code, 0), "not_valid"),
        ("a serial character altered", altered(code, 5), "not_valid"),
        ("a signature character altered", altered(code, 60), "not_valid"),
        ("last data character altered", altered(code, 110), "not_valid"),
        ("check symbol altered", altered(code, 111), "not_valid"),
        ("truncated", code[:-1], "not_valid"),
        ("padded", code + "0", "not_valid"),
        ("half of it", code[:56], "not_valid"),
        ("a letter outside the alphabet", code[:50] + "U" + code[51:],
         "not_valid"),
        ("empty-ish", "0", "not_valid"),
    ]
    for name, text, want in vectors:
        st, body = status(c, text)
        t.check("verify %s: %s" % (name, want),
                st == 200 and body.get("status") == want, (st, body))
    r = c.get("/v/" + altered(code, 60))
    t.check("a not valid code: a page, not an error, with no facts",
            r.status == 200 and "Mã không hợp lệ" in r.text and
            "Tác giả" not in r.text, r.status)
    r = c.get("/v/" + code + "?lang=en")
    t.check("the English switch", "This certificate is genuine" in r.text,
            r.status)
    c.get("/v/" + code + "?lang=vi")
    return code


def check_cli_verify(t, s, code, url):
    """`giamkhao verify` against the published keys and this server: the
    signature checked on this side over the facts the server returns."""
    keys = os.path.join(s.dir, "keys.json")
    r = s.cli("keys", "--db", s.db, "export", keys)
    t.check("the published keys exported", r.returncode == 0, r.stderr)
    server = "http://127.0.0.1:%d" % s.port
    r = s.cli("verify", url, "--keys", keys, "--server", server)
    t.check("giamkhao verify URL --server: genuine (exit 0)",
            r.returncode == 0 and "Tác giả 1" in r.stdout,
            (r.returncode, r.stdout[-300:], r.stderr[-300:]))
    r = s.cli("verify", altered(code, 60), "--keys", keys, "--server",
              server)
    t.check("giamkhao verify of an altered code: not valid (exit 2)",
            r.returncode == 2, (r.returncode, r.stdout, r.stderr))
    # 0 read as Z escapes the check symbol (31 = 0 modulo 31): the code
    # reads, the server knows no such certificate, and says so
    # (the third symbol is 0 in every serial under 2^27: it becomes Z)
    zed = code[:2] + "Z" + code[3:]
    r = s.cli("verify", zed, "--keys", keys, "--server", server)
    t.check("giamkhao verify of a code the server does not know: not "
            "valid (exit 2)", r.returncode == 2,
            (r.returncode, r.stdout, r.stderr))


def check_short(t, c, code):
    r = c.get("/v?code=GK-0000002-%s" % short_check("0000002"))
    t.check("a typed short code leads to its certificate",
            r.status == 303 and r.header("Location") == "/v/" + code,
            (r.status, r.header("Location")))
    r = c.get("/v?code=gk-0000002-%s" % short_check("0000002").lower())
    t.check("...in any case", r.status == 303, r.status)
    r = c.get("/v?code=GK-0000020-%s" % short_check("0000020"))
    t.check("a short code naming nothing: 404 page, said plainly",
            r.status == 404 and "không có giấy chứng nhận" in r.text,
            (r.status, r.text[-800:]))
    r = c.get("/v?code=GK-0000002-0")
    t.check("a short code with a wrong check: the same answer",
            r.status == 404, r.status)


def short_check(sym7):
    vals = [ALPHABET.index(ch) for ch in sym7]
    return ALPHABET[sum((i + 1) * v for i, v in enumerate(vals)) % 31]


def check_tampered(t, s, c, code):
    db = sqlite3.connect(s.db)
    try:
        db.execute("UPDATE certificates SET recipient = 'Người Khác'"
                   " WHERE code = ?", (code,))
        refused = False
    except sqlite3.DatabaseError:
        refused = True
    t.check("the facts of a certificate cannot be changed (trigger)",
            refused)
    # someone with the file bypasses the trigger
    db.execute("DROP TRIGGER certificates_facts")
    db.execute("UPDATE certificates SET recipient = 'Người Khác' WHERE"
               " code = ?", (code,))
    db.commit()
    st, body = status(c, code)
    t.check("a tampered row: tampered, no facts shown",
            body.get("status") == "tampered" and "facts" not in body, body)
    db.execute("UPDATE certificates SET recipient = 'Tác giả 1' WHERE"
               " code = ?", (code,))
    db.commit()
    db.close()
    st, body = status(c, code)
    t.check("put back: genuine again", body.get("status") == "genuine",
            body)


def check_keys(t, s, c, code):
    r = s.cli("keys", "--db", s.db, "retire", "1")
    st, body = status(c, code)
    t.check("a retired key: what it signed stays genuine",
            r.returncode == 0 and body.get("status") == "genuine",
            (r.stderr, body))
    r = c.get("/.well-known/giamkhao-keys.json")
    keys = json.loads(r.text)["keys"] if r.status == 200 else []
    t.check("the published keys: key 1, retired",
            len(keys) == 1 and keys[0]["id"] == 1 and
            keys[0]["retired"] is not None, keys)
    r = s.cli("keys", "--db", s.db, "revoke", "1", "--reason",
              "lộ khóa bí mật")
    st, body = status(c, code)
    t.check("a revoked key: key_revoked with its reason",
            r.returncode == 0 and body.get("status") == "key_revoked" and
            body.get("revoked_reason") == "lộ khóa bí mật", (r.stderr, body))
    page = c.get("/v/" + code)
    t.check("...said on the page", "khóa ký" in page.text and
            "lộ khóa bí mật" in page.text, page.status)


def check_correction(t, s, c, ed, out):
    """A correction moves a prize: issuing again supersedes the
    certificates that changed and links their replacements."""
    db = sqlite3.connect(s.db)
    db.execute("UPDATE editions SET state = 'decided' WHERE id = ?", (ed,))
    db.commit()
    db.close()
    path = "/editions/%d" % ed
    c.post(path + "/results", {})
    sid = 2
    r = c.post("/snapshots/%d/decisions" % sid, {
        "entry": "SV-00", "kind": "withhold", "tier": "",
        "reason": "Vi phạm quy chế"})
    t.check("the committee withholds SV-00 on a new snapshot",
            r.status == 303, (r.status, r.text[-300:]))
    r = c.post(path + "/correction", {
        "snapshot": sid, "number": "46/QĐ-LHH", "date": day(0),
        "signatory": "Nguyễn Văn Thanh", "reason": "Điều chỉnh theo khiếu nại"})
    t.check("a correcting decision", r.status == 303,
            (r.status, r.text[-400:]))
    before = {x[0]: x for x in certs(s)}
    r = issue(s, ed, out)
    rows = certs(s)
    t.check("issuing after the correction: new ones for the changed",
            r.returncode == 0 and "issued: 2" in r.stdout and
            "superseded: 3" in r.stdout, r.stdout + r.stderr)
    old = [x for x in rows if x[0] in before]
    t.check("every old one revoked as superseded",
            all(x[3] != 0 and x[4] == "superseded" for x in old), old)
    linked = [x for x in old if x[5]]
    t.check("the two kept works' old ones link their replacements",
            len(linked) == 2, old)
    st, body = status(c, linked[0][2])
    t.check("a superseded one: revoked, with its replacement",
            body.get("status") == "revoked" and
            body.get("replaced_by", "").startswith("/v/"), body)
    st, new = status(c, body.get("replaced_by", "/v/x")[3:])
    t.check("the replacement is genuine, naming the new decision",
            new.get("status") == "genuine" and
            "46/QĐ-LHH" in new.get("facts", {}).get("decision", ""), new)
    withheld = [x for x in old if not x[5]]
    st, body = status(c, withheld[0][2])
    t.check("the withheld work's: revoked, no replacement",
            body.get("status") == "revoked" and "replaced_by" not in body,
            body)
    return new_code(linked[0], s)


def new_code(old, s):
    return [x for x in certs(s) if x[0] == old[5]][0][2]


def check_web(t, s, c, ed):
    """The organisers' page: the list, issuing again from it, a PDF,
    the print file, revoking one with a reason."""
    path = "/editions/%d/certificates" % ed
    page = c.get(path)
    t.check("the certificates page lists them with their states",
            page.status == 200 and "Tác giả 1" in page.text and
            "Được thay thế theo quyết định điều chỉnh" in page.text,
            page.status)
    r = c.post(path, {})
    t.check("issuing again from the page: nothing new",
            r.status == 303 and r.header("Location").endswith(
                "issued=0-2-0"), (r.status, r.header("Location")))
    standing = [x for x in certs(s) if not x[3]]
    r = c.get("/certificates/%d/pdf" % standing[0][0])
    t.check("a certificate's PDF", r.status == 200 and
            r.body.startswith(b"%PDF"), r.status)
    r = c.get(path + ".pdf")
    printed = os.path.join(s.dir, "print-web.pdf")
    open(printed, "wb").write(r.body)
    info = subprocess.run(["pdfinfo", printed], capture_output=True,
                          text=True).stdout
    t.check("the print file: one page per standing certificate",
            r.status == 200 and re.search(r"Pages:\s+2\n", info),
            (r.status, info[-200:]))
    r = c.post("/certificates/%d/revoke" % standing[0][0], {"reason": " "})
    t.check("revoking without a reason: refused", r.status == 422 and
            not certs(s)[standing[0][0] - 1][3], r.status)
    r = c.post("/certificates/%d/revoke" % standing[0][0],
               {"reason": "Cấp nhầm người nhận"})
    st, body = status(c, standing[0][2])
    t.check("revoked by the organiser: its reason on the verification",
            r.status == 303 and body.get("status") == "revoked" and
            body.get("revoked_reason") == "Cấp nhầm người nhận", body)
    r = c.post("/certificates/%d/revoke" % standing[0][0],
               {"reason": "lần nữa"})
    t.check("a revocation is final: a second one refused", r.status == 409,
            r.status)
    judge = Client(s)
    r = judge.get(path)
    t.check("anonymous: no certificates page", r.status in (303, 401, 403,
                                                             404), r.status)
    return standing[1][2]


def calm():
    """Past the server's window of 30 verifications in 3 seconds per
    address, so that each group of checks starts afresh."""
    time.sleep(3.2)


def check_rate_limit(t, c):
    """Past 30 verifications in 3 seconds from one address: 429, said in
    words; the verification page is not an open oracle for scripts."""
    calm()
    got = [c.get("/v/KHONG-PHAI-MA").status for _ in range(40)]
    t.check("verifications are rate-limited per address (429)",
            got[0] == 200 and got[-1] == 429, (got[0], got[-1]))
    r = c.get("/v/KHONG-PHAI-MA")
    t.check("...with a page that says so", r.status == 429 and
            "Thử quá nhiều lần" in r.text, r.status)


def main(argv):
    t = Suite("certificates")
    s, c, ed = decided(t, argv[1])
    try:
        url, out, urls = check_issue(t, s, ed)
        for serial, u in sorted(urls.items()):
            r = c.get(u[len("HTTPS://LHH.HAGIANG.GOV.VN"):])
            t.check("certificate %06d: its QR's URL verifies as genuine on "
                    "the running server" % serial, r.status == 200 and
                    "Giấy chứng nhận hợp lệ" in r.text, r.status)
        code = check_vectors(t, s, c, url)
        calm()
        check_cli_verify(t, s, code, url)
        check_short(t, c, code)
        check_tampered(t, s, c, code)
        calm()
        check_correction(t, s, c, ed, out)
        calm()
        standing = check_web(t, s, c, ed)
        check_keys(t, s, c, standing)
        check_rate_limit(t, c)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

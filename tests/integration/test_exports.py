#!/usr/bin/env python3
"""test_exports.py: a snapshot's exports over HTTP: results.csv read back
by Python's csv module (byte order mark, Vietnamese intact, the snapshot's
ranks, scores, prizes and money, a formula-leading title neutralised),
results.xlsx read back with openpyxl (Debian's, run by /usr/bin/python3:
one sheet per field, the header block, numbers as numbers, the heading row
frozen, the formula title kept as text), report.pdf checked by qpdf, its
text by pdftotext (the title, the motto, judges' names, the total money)
and its pages by pdfinfo; a snapshot of 70 entries whose tables run over
several pages with their heading repeated; who may download them.
usage: test_exports.py BINARY"""
import csv
import io
import json
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_results import MEANS, compute, setup, snapshots  # noqa: E402
from test_sheets import JUDGES, ids_of, judge  # noqa: E402

COLUMNS = ["Lĩnh vực", "Hạng", "Mã hồ sơ", "Tên giải pháp", "Tác giả",
           "Đơn vị", "Điểm", "Giải đề xuất", "Tiền thưởng (đồng)",
           "Trạng thái", "Ghi chú"]
FIELD = "Cơ khí tự động hóa, xây dựng, giao thông vận tải"
FORMULA = '=HYPERLINK("http://evil.example/","Nhấn vào đây")'
TITLE0 = "Máy gặt đập liên hợp mini cho ruộng bậc thang"
# the technical preset's bands: 80 -> Nhì, 70 -> Ba, 60 -> Khuyến khích
PRIZES = ["Giải Nhì", "Giải Ba", "Giải Khuyến khích", ""]
MONEY = ["32000000", "24000000", "8000000", ""]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")


def prepare(t, s, c, ed, entries):
    """Crafted titles (a formula, Vietnamese), then the lock and a
    snapshot; returns its id."""
    db = sqlite3.connect(s.db)
    db.execute("UPDATE entries SET title = ? WHERE id = ?",
               (TITLE0, entries[0]))
    db.execute("UPDATE entries SET title = ?, organisation = ? WHERE id = ?",
               (FORMULA, "+Hợp tác xã Đồng Văn", entries[1]))
    db.commit()
    db.close()
    path = "/editions/%d" % ed
    c.post(path + "/advance", {"from": "judging", "csrf": c.get(path).csrf()})
    panel = ids_of(s, "SELECT id FROM panels WHERE edition_id = ?", ed)[0][0]
    c.post("/panels/%d/lock" % panel, {"op": "lock"})
    r = compute(c, ed)
    t.check("a snapshot is computed", r.status == 303 and snapshots(s),
            r.status)
    return snapshots(s)[-1][0]


def download(t, c, sid, name, ctype):
    r = c.request("GET", "/snapshots/%d/%s" % (sid, name))
    t.check("%s: 200, %s, an attachment" % (name, ctype),
            r.status == 200 and (r.header("Content-Type") or "")
            .startswith(ctype) and "snapshot-%d-%s" % (sid, name) in
            (r.header("Content-Disposition") or ""),
            (r.status, r.header("Content-Type")))
    return r.body


def check_csv(t, c, sid):
    data = download(t, c, sid, "results.csv", "text/csv")
    t.check("CSV: starts with the UTF-8 byte order mark",
            data.startswith(b"\xef\xbb\xbf"), data[:8])
    t.check("CSV: records end with CRLF", b"\r\n" in data and
            data.count(b"\r\n") == data.count(b"\n"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                       newline="")))
    t.check("CSV: the Vietnamese headings", rows and rows[0] == COLUMNS,
            rows[:1])
    body = rows[1:]
    t.check("CSV: one record per entry", len(body) == 4, len(body))
    for i, row in enumerate(body[:4]):
        want = [FIELD, str(i + 1), "KQ-%02d" % i, None, "Tác giả %d" % i,
                None, MEANS[i], PRIZES[i], MONEY[i], "hợp lệ"]
        got = [row[k] if want[k] is not None else None for k in range(10)]
        t.check("CSV: entry %d's field, rank, score, prize, money" % i,
                got == want, row)
    t.check("CSV: Vietnamese title intact", body[0][3] == TITLE0, body[0])
    t.check("CSV: the formula title neutralised, in full",
            body[1][3] == "'" + FORMULA, body[1][3])
    t.check("CSV: a '+' organisation neutralised",
            body[1][5] == "'+Hợp tác xã Đồng Văn", body[1][5])
    cells = [x for row in rows for x in row]
    t.check("CSV: no cell a spreadsheet would run",
            not [x for x in cells if x[:1] in ("=", "+", "-", "@", "\t",
                                               "\r")], cells)


XLSX_READER = r"""
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": []}
for ws in wb.worksheets:
    rows = [[[c.value, c.data_type, c.number_format] for c in r]
            for r in ws.iter_rows()]
    out["data"].append({"freeze": ws.freeze_panes, "rows": rows,
                        "widths": [ws.column_dimensions[k].width
                                   for k in "ABCDEFGHIJK"]})
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def read_xlsx(t, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "results.xlsx")
        with open(path, "wb") as f:
            f.write(data)
        r = subprocess.run(["/usr/bin/python3", "-c", XLSX_READER, path],
                           capture_output=True, text=True)
    t.check("XLSX: openpyxl reads the workbook", r.returncode == 0,
            r.stderr[-1500:])
    return json.loads(r.stdout) if r.returncode == 0 else None


def check_xlsx(t, c, sid, sha):
    data = download(t, c, sid, "results.xlsx", "application/vnd.openxml")
    t.check("XLSX: a zip container", data[:2] == b"PK", data[:4])
    wb = read_xlsx(t, data)
    if wb is None:
        return
    t.check("XLSX: one sheet per field, named within 31 characters",
            len(wb["sheets"]) == 1 and wb["sheets"][0].startswith("1. Cơ")
            and len(wb["sheets"][0]) <= 31, wb["sheets"])
    sheet = wb["data"][0]
    rows = sheet["rows"]
    head = {r[0][0]: r[1][0] for r in rows[2:6] if r and len(r) > 1}
    t.check("XLSX: header block: organisation, edition, snapshot, date, "
            "SHA-256", "Liên hiệp" in (rows[0][0][0] or "") and
            "Hội thi" in (rows[1][0][0] or "") and
            head.get("Bản tổng hợp số") == sid and
            "/" in str(head.get("Lập lúc")) and head.get("SHA-256") == sha,
            [r[:2] for r in rows[:6]])
    t.check("XLSX: the headings, frozen beneath them",
            [x[0] for x in rows[7]] == COLUMNS and sheet["freeze"] == "A9",
            (rows[7], sheet["freeze"]))
    t.check("XLSX: widths set", all(w and w > 5 for w in sheet["widths"]),
            sheet["widths"])
    body = rows[8:]
    t.check("XLSX: one row per entry", len(body) == 4, len(body))
    for i, row in enumerate(body[:4]):
        rank, score, money = row[1], row[6], row[8]
        ok = (rank[0] == i + 1 and rank[1] == "n" and
              score[1] == "n" and "%.2f" % score[0] == MEANS[i] and
              score[2] == "0.00" and row[2][0] == "KQ-%02d" % i and
              (row[7][0] or "") == PRIZES[i])
        ok = ok and (money[0] == int(MONEY[i]) and money[1] == "n"
                     if MONEY[i] else money[0] is None)
        t.check("XLSX: entry %d's rank, score, money are numbers" % i, ok,
                row)
    t.check("XLSX: the formula title is a string cell, as written",
            body[1][3][0] == FORMULA and body[1][3][1] == "s", body[1][3])
    t.check("XLSX: Vietnamese intact", body[0][3][0] == TITLE0 and
            body[0][0][0] == FIELD, body[0][:4])


def pdf_tools(t, data, name):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(data)
    q = subprocess.run(["qpdf", "--check", path], capture_output=True,
                       text=True)
    t.check("%s: qpdf --check finds no error" % name, q.returncode == 0 and
            "No syntax or stream encoding errors" in q.stdout,
            q.stdout[-800:] + q.stderr[-800:])
    text = subprocess.run(["pdftotext", "-layout", path, "-"],
                          capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", path], capture_output=True,
                          text=True).stdout
    pages = [int(x.split()[-1]) for x in info.splitlines()
             if x.startswith("Pages:")]
    return text, pages[0] if pages else 0


def check_pdf(t, c, sid):
    data = download(t, c, sid, "report.pdf", "application/pdf")
    text, pages = pdf_tools(t, data, "report.pdf")
    for want in ("BIÊN BẢN TỔNG HỢP KẾT QUẢ CHẤM",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "BAN TỔ CHỨC",
                 "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", TITLE0, "Giải Khuyến khích",
                 "32.000.000 ₫", "64.000.000 ₫", "Tổng cộng: 3 giải",
                 "Hà Giang, ngày", "80.00", "Ủy viên", "CHỦ TỊCH",
                 "Trang 1/%d" % pages, "Hội đồng giám khảo: Co khi"):
        t.check("PDF text: %s" % want, want in text, text[:3000])
    for _, name, _ in JUDGES:
        t.check("PDF: the judge %s, to sign" % name, name in text)
    t.check("PDF: the summary and its annex: 2 pages or more", pages >= 2,
            pages)


def big_snapshot(s, ed, rubric):
    """70 entries in the edition (long Vietnamese titles) and a snapshot
    of their scores, inserted directly: its tables run over pages."""
    db = sqlite3.connect(s.db)
    judges = ["x%d" % i for (i,) in db.execute(
        "SELECT id FROM experts ORDER BY id LIMIT 3")]
    lines = ["entry,field,judge,criterion,score"]
    for i in range(70):
        code = "LON-%02d" % i
        db.execute("INSERT INTO entries (edition_id, code, title, field,"
                   " organisation, eligibility, created_at) VALUES"
                   " (?, ?, ?, 'mechanics-construction-transport', ?,"
                   " 'eligible', 0)",
                   (ed, code, "Giải pháp cải tiến số %d: hệ thống tưới "
                    "nhỏ giọt tự động dùng năng lượng mặt trời cho vùng "
                    "cao nguyên đá Đồng Văn" % i, "Hợp tác xã số %d" % i))
        for k, j in enumerate(judges):
            for crit, top in (("novelty", 30), ("applicability", 30),
                              ("effectiveness", 40)):
                lines.append("%s,mechanics-construction-transport,%s,%s,%d"
                             % (code, j, crit, (i * 7 + k * 3) % top))
    scores = "\n".join(lines) + "\n"
    # a true snapshot of those inputs, as the server would store it
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("rubric.json", rubric), ("scores.csv", scores)):
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        out = s.cli("results", os.path.join(tmp, "rubric.json"),
                    os.path.join(tmp, "scores.csv"), "--format", "json")
    version = s.cli("--version").stdout.split()[-1]
    db.execute("INSERT INTO results_snapshots (edition_id, created_at,"
               " created_by, rubric_version, rubric_json, scores_csv,"
               " results_json, results_sha256, program_version) VALUES"
               " (?, 1795000000, 0, 1, ?, ?, ?, ?, ?)",
               (ed, rubric, scores, out.stdout,
                hashlib.sha256(out.stdout.encode()).hexdigest(), version))
    db.commit()
    sid = db.execute("SELECT max(id) FROM results_snapshots").fetchone()[0]
    db.close()
    return sid


def check_long(t, s, c, ed):
    sid = big_snapshot(s, ed, snapshots(s)[-1][2])
    data = download(t, c, sid, "report.pdf", "application/pdf")
    text, pages = pdf_tools(t, data, "report-long.pdf")
    heads = text.count("Tên giải pháp, sản phẩm")
    t.check("long PDF: several pages, numbered", pages >= 4 and
            "Trang %d/%d" % (pages, pages) in text, pages)
    t.check("long PDF: the table's heading repeated on each page it "
            "runs onto", heads >= 3, heads)
    t.check("long PDF: every entry listed", all(
        "LON-%02d" % i in text for i in range(70)))
    rows = list(csv.reader(io.StringIO(download(
        t, c, sid, "results.csv", "text/csv").decode("utf-8-sig"),
        newline="")))
    t.check("long CSV: 70 records", len(rows) == 71, len(rows))
    wb = read_xlsx(t, download(t, c, sid, "results.xlsx",
                               "application/vnd.openxml"))
    t.check("long XLSX: 70 rows", wb is not None and
            len(wb["data"][0]["rows"]) == 8 + 70)


def check_access(t, s, sid):
    j = judge(s, "gka")
    anon = Client(s)
    for name in ("results.csv", "results.xlsx", "report.pdf"):
        path = "/snapshots/%d/%s" % (sid, name)
        r = j.get(path)
        t.check("a judge cannot download " + name, r.status in (403, 404)
                and "KQ-00" not in r.text, r.status)
        r = anon.get(path)
        t.check("anonymous cannot download " + name,
                r.status in (303, 401, 403, 404) and "KQ-00" not in r.text,
                r.status)
    c = Client(s)
    c.login("bantochuc")
    r = c.get("/snapshots/99999/report.pdf")
    t.check("an unknown snapshot: 404", r.status == 404, r.status)


def main(argv):
    t = Suite("exports")
    s = Server(argv[1])
    s.binary = argv[1]
    s.add_user("bantochuc", "organiser", "Ban Tổ chức")
    s.start()
    try:
        c, ed, entries = setup(t, s)
        sid = prepare(t, s, c, ed, entries)
        check_csv(t, c, sid)
        check_xlsx(t, c, sid, snapshots(s)[-1][4])
        check_pdf(t, c, sid)
        check_long(t, s, c, ed)
        check_access(t, s, sid)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

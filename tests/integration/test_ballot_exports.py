#!/usr/bin/env python3
"""test_ballot_exports.py: a ballot snapshot's exports and public page.

The Golden Book world of test_ballot.py (four members cast; SV-00..SV-02
3 yes/1 no, SV-03 2/2, SV-04 0/4: the first three selected). Its
results.csv has the ballot columns (rank, code, title, authors, unit, yes,
no, share to 4 places, the count's outcome, the final one after the
committee, flags), RFC 4180 quoting and a formula-leading title
neutralised; results.xlsx one sheet whose rows match the snapshot's
results, numbers as numbers; report.pdf the vote count minutes (BIÊN BẢN
KIỂM PHIẾU: the rule, each dossier's tally and share, the signatures) and
the annex of the selected works without money; and the public page, once
posted, lists the selected works under "Được chọn" with no tally, no
score column and no member's name.
usage: test_ballot_exports.py BINARY"""
import csv
import datetime
import io
import json
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Suite  # noqa: E402
from test_ballot import VOTES_A, close_round, world  # noqa: E402
from test_exports import OUT, download, pdf_tools, read_xlsx  # noqa: E402
from test_sheets import JUDGES, ids_of  # noqa: E402

COLUMNS = ["Hạng", "Mã hồ sơ", "Tên giải pháp", "Tác giả", "Đơn vị",
           "Số phiếu đồng ý", "Số phiếu không đồng ý", "Tỉ lệ phiếu đồng ý",
           "Kết quả kiểm phiếu", "Sau quyết định của Hội đồng", "Ghi chú"]
SELECTED = "Được chọn"
COMMITTEE = "Quyết định của Hội đồng"
FORMULA = '=HYPERLINK("http://evil.example/","Bấm vào")'
QUOTED = 'Máy "xanh", tiết kiệm điện'
# (code, rank, yes, no, share, computed outcome)
TALLIES = [("SV-00", 1, 3, 1, "0.7500", SELECTED),
           ("SV-01", 1, 3, 1, "0.7500", SELECTED),
           ("SV-02", 1, 3, 1, "0.7500", SELECTED),
           ("SV-03", 4, 2, 2, "0.5000", ""),
           ("SV-04", 5, 0, 4, "0.0000", "")]


def day(delta):
    return (datetime.date.today() + datetime.timedelta(days=delta)).isoformat()


def titles(s, entries):
    """A title with a comma and quotes (RFC 4180) and one that a
    spreadsheet would run as a formula."""
    db = sqlite3.connect(s.db)
    db.execute("UPDATE entries SET title = ? WHERE id = ?",
               (QUOTED, entries[1]))
    db.execute("UPDATE entries SET title = ? WHERE id = ?",
               (FORMULA, entries[4]))
    db.commit()
    db.close()


def decide(c, sid, **fields):
    return c.post("/snapshots/%d/decisions" % sid, fields,
                  csrf=c.get("/editions").csrf())


def check_csv(t, c, sid, final):
    """`final`: the codes selected after the committee's decisions."""
    data = download(t, c, sid, "results.csv", "text/csv")
    t.check("CSV: byte order mark, CRLF records",
            data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and
            data.count(b"\r\n") == data.count(b"\n"), data[:8])
    t.check("CSV: a quoted title is quoted, its quotes doubled",
            b'"M\xc3\xa1y ""xanh"", ti' in data, data[:600])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                       newline="")))
    t.check("CSV: the ballot's headings, no score column",
            rows and rows[0] == COLUMNS, rows[:1])
    body = {r[1]: r for r in rows[1:]}
    t.check("CSV: one record per dossier", len(rows) == 6, len(rows))
    for code, rank, yes, no, share, outcome in TALLIES:
        row = body.get(code, [""] * 11)
        want = [str(rank), code, str(yes), str(no), share, outcome,
                SELECTED if code in final else ""]
        got = [row[0], row[1], row[5], row[6], row[7], row[8], row[9]]
        t.check("CSV: %s's rank, yes, no, share, proposed, final" % code,
                got == want, row)
    t.check("CSV: ties flagged", all("đồng hạng" in body[c][10]
                                     for c in ("SV-00", "SV-01", "SV-02")),
            [body[c][10] for c in body])
    t.check("CSV: the committee's decision flagged once",
            body["SV-03"][10] == COMMITTEE, body["SV-03"])
    t.check("CSV: Vietnamese intact", body["SV-00"][2] ==
            "Công trình sáng tạo 0" and body["SV-00"][3] == "Tác giả 0" and
            body["SV-01"][2] == QUOTED, body["SV-00"])
    t.check("CSV: the formula title neutralised, in full",
            body["SV-04"][2] == "'" + FORMULA, body["SV-04"][2])
    cells = [x for row in rows for x in row]
    t.check("CSV: no cell a spreadsheet would run",
            not [x for x in cells if x[:1] in ("=", "+", "-", "@", "\t",
                                               "\r")], cells)


def xlsx_rows(t, c, sid):
    data = download(t, c, sid, "results.xlsx", "application/vnd.openxml")
    wb = read_xlsx(t, data)
    if wb is None:
        return None, None
    t.check("XLSX: one sheet (a ballot ranks the whole edition)",
            len(wb["sheets"]) == 1 and len(wb["sheets"][0]) <= 31,
            wb["sheets"])
    sheet = wb["data"][0]
    t.check("XLSX: the headings, frozen beneath them",
            [x[0] for x in sheet["rows"][7]] == COLUMNS and
            sheet["freeze"] == "A9", (sheet["rows"][7], sheet["freeze"]))
    return sheet["rows"], sheet


def check_xlsx(t, c, s, sid, final):
    rows, sheet = xlsx_rows(t, c, sid)
    if rows is None:
        return
    (sha, results), = ids_of(s, "SELECT results_sha256, results_json FROM"
                                " results_snapshots WHERE id = ?", sid)
    head = {r[0][0]: r[1][0] for r in rows[2:6] if r and len(r) > 1}
    t.check("XLSX: header block: edition, snapshot, SHA-256",
            "Sách vàng" in (rows[1][0][0] or "") and
            head.get("Bản tổng hợp số") == sid and head.get("SHA-256") == sha,
            [r[:2] for r in rows[:6]])
    t.check("XLSX: widths set", all(w and w > 5 for w in sheet["widths"]),
            sheet["widths"])
    body = {r[1][0]: r for r in rows[8:]}
    t.check("XLSX: one row per dossier", len(rows) == 8 + 5, len(rows))
    for e in json.loads(results)["entries"]:
        row = body.get(e["entry"])
        ok = row is not None and (
            row[0][:2] == [e["rank"], "n"] and row[5][:2] == [e["yes"], "n"]
            and row[6][:2] == [e["no"], "n"] and row[7][1] == "n" and
            "%.4f" % row[7][0] == e["share_text"] and
            row[7][2] == "0.0000" and
            (row[8][0] or "") == (SELECTED if e["selected"] else "") and
            (row[9][0] or "") == (SELECTED if e["entry"] in final else ""))
        t.check("XLSX: %s matches the snapshot (rank, tally, share as a "
                "number, proposed, final)" % e["entry"], ok, row)
    t.check("XLSX: the committee's decision flagged",
            body["SV-03"][10][0] == COMMITTEE, body["SV-03"][10])
    t.check("XLSX: the formula title a string cell, as written",
            body["SV-04"][2][:2] == [FORMULA, "s"], body["SV-04"][2])
    return rows


def tally_line(text, code):
    """The minutes' row of a dossier: (yes, no, share) as printed."""
    m = re.search(re.escape(code) + r"\s.*?\s(\d+)\s+(\d+)\s+(\d\.\d{4})",
                  text)
    return m.groups() if m else None


def check_pdf(t, c, sid):
    data = download(t, c, sid, "report.pdf", "application/pdf")
    text, pages = pdf_tools(t, data, "ballot-report.pdf")
    minutes, _, annex = text.partition("PHỤ LỤC")
    for want in ("BIÊN BẢN KIỂM PHIẾU", "Sách vàng Sáng tạo Việt Nam 2026",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc",
                 "Số thành viên Hội đồng: 4",
                 "số thành viên đã bỏ phiếu: 4", "số hồ sơ được bỏ phiếu: 5",
                 "tỉ lệ phiếu đồng ý = số phiếu đồng ý / (số",
                 "lớn hơn 0.5", "không quá 81 hồ sơ",
                 "Số hồ sơ được chọn: 3/5", "Ủy viên",
                 "Trang 1/%d" % pages):
        t.check("PDF minutes: %s" % want, want in " ".join(minutes.split())
                or want in minutes, minutes[:3000])
    t.check("PDF: not the scores' summary, no score column",
            "TỔNG HỢP KẾT QUẢ CHẤM" not in text and "Điểm" not in minutes,
            minutes[:2000])
    for code, _, yes, no, share, _ in TALLIES:
        got = tally_line(minutes, code)
        t.check("PDF minutes: %s's tally %d/%d, share %s" % (
            code, yes, no, share), got == (str(yes), str(no), share), got)
    for _, name, _ in JUDGES:
        t.check("PDF: the member %s, to sign" % name, name in minutes)
    for want in ("DANH SÁCH HỒ SƠ ĐƯỢC CHỌN",
                 "(Kèm theo Biên bản kiểm phiếu, bản tổng hợp số %d)" % sid,
                 "Công trình sáng tạo 0", "Tác giả: Tác giả 2",
                 "Đơn vị: Viện 3", "theo quyết định", "Tổng cộng: 4 hồ sơ",
                 "TM. BAN TỔ CHỨC"):
        t.check("PDF annex: %s" % want, want in annex, annex[:3000])
    t.check("PDF annex: the selected and the committee's, not the rest",
            all(c in annex for c in ("SV-00", "SV-01", "SV-02", "SV-03"))
            and "SV-04" not in annex, annex[:2000])
    t.check("PDF annex: no money column, no money total",
            "Số tiền" not in annex and "₫" not in text, annex[:2000])
    png = os.path.join(OUT, "ballot-report")
    r = subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l",
                        "1", os.path.join(OUT, "ballot-report.pdf"), png],
                       capture_output=True, text=True)
    t.check("PDF: page 1 renders (pdftoppm)", r.returncode == 0, r.stderr)


def check_public(t, s, c, ed, sid):
    anon = Client(s)
    tok = c.get("/editions").csrf()
    r = c.post("/editions/%d/posting" % ed, {
        "snapshot": sid, "from": day(-10), "until": day(0)}, csrf=tok)
    t.check("the ballot's snapshot is posted", r.status == 303, r.status)
    pub = anon.get("/p/%d" % ed)
    main = pub.text.split("<main", 1)[-1]
    t.check("public page: 200 with no login", pub.status == 200, pub.status)
    t.check("public page: a list under 'Được chọn'",
            "<h2>Được chọn</h2>" in main, main[:1500])
    for i in range(3):
        t.check("public page: SV-0%d with its title, author and unit" % i,
                "SV-0%d" % i in main and "Tác giả %d" % i in main and
                "Viện %d" % i in main and ("Công trình sáng tạo %d" % i in
                                           main or i == 1), main[:2000])
    t.check("public page: the others not listed",
            "SV-03" not in main and "SV-04" not in main, main[:2000])
    t.check("public page: no tally, share, score or prize column",
            "0.7500" not in main and "phiếu" not in main.lower() and
            "Điểm" not in main and "Giải đề xuất" not in main, main[:2000])
    t.check("public page: no empty cell",
            not re.search(r"<td>\s*</td>", main), main[:2000])
    t.check("public page: no member's name",
            not any(n in pub.text for _, n, _ in JUDGES))
    en = Client(s).get("/p/%d?lang=en" % ed)
    t.check("public page in English: 'Selected'",
            "<h2>Selected</h2>" in en.text, en.text[-1200:])


def check_award(t, s, c, ed, sid):
    """After the award decision, the workbook's header and the annex name
    it, as for scores."""
    db = sqlite3.connect(s.db)
    db.execute("UPDATE postings SET period_until = ?", (day(-1),))
    db.commit()
    db.close()
    r = c.post("/editions/%d/award" % ed, {
        "number": "45/QĐ-LHH", "date": day(0), "signatory": "Giàng A Páo"},
        csrf=c.get("/editions").csrf())
    t.check("the award decision on the ballot", r.status == 303, r.status)
    rows, _ = xlsx_rows(t, c, sid)
    t.check("XLSX: the decision in the header",
            rows is not None and rows[2][3][0] == "Quyết định khen thưởng"
            and "45/QĐ-LHH" in (rows[2][4][0] or ""),
            rows[2] if rows else None)
    text, _ = pdf_tools(t, download(t, c, sid, "report.pdf",
                                    "application/pdf"), "ballot-final.pdf")
    t.check("PDF annex: attached to the decision",
            "(Kèm theo Quyết định số 45/QĐ-LHH" in text, text[-1500:])


def capped_snapshot(t, s, c, ed):
    """A snapshot of the same ballots under another rule, "at-least" 0.5
    with at most two selected (a rubric version added, then taken back):
    the three tied at 0.75 would pass the cap together, so none is taken
    and the tie is the council's to settle (cusp)."""
    db = sqlite3.connect(s.db)
    version, rubric = db.execute(
        "SELECT version, json FROM rubrics WHERE edition_id = ? ORDER BY"
        " version DESC LIMIT 1", (ed,)).fetchone()
    doc = json.loads(rubric)
    doc["ballot"] = {"rule": "at-least", "share": 0.5, "max_selected": 2}
    db.execute("INSERT INTO rubrics (edition_id, version, json, created_at)"
               " VALUES (?, ?, ?, 0)", (ed, version + 1, json.dumps(doc)))
    db.commit()
    r = c.post("/editions/%d/results" % ed, {})
    t.check("a snapshot under the capped rule", r.status == 303, r.status)
    db.execute("DELETE FROM rubrics WHERE edition_id = ? AND version = ?",
               (ed, version + 1))
    db.commit()
    new = db.execute("SELECT max(id) FROM results_snapshots").fetchone()[0]
    db.close()
    return new


def check_cap(t, s, c, ed):
    new = capped_snapshot(t, s, c, ed)
    text, _ = pdf_tools(t, download(t, c, new, "report.pdf",
                                    "application/pdf"), "ballot-capped.pdf")
    flat = " ".join(text.split())
    for want in ("từ 0.5 trở lên", "không quá 2 hồ sơ",
                 "Số hồ sơ được chọn: 0/5", "Không có hồ sơ nào được chọn.",
                 "Tổng cộng: 0 hồ sơ"):
        t.check("capped PDF: %s" % want, want in flat, flat[:3000])
    t.check("capped PDF: the tie at the cap left to the council, each",
            flat.count("Hội đồng quyết định") >= 4, flat[:3000])
    rows = list(csv.reader(io.StringIO(download(
        t, c, new, "results.csv", "text/csv").decode("utf-8-sig"),
        newline="")))
    t.check("capped CSV: none proposed, the tie flagged at the cap",
            [r[8] for r in rows[1:]] == [""] * 5 and
            all("ranh giới" in r[10] for r in rows[1:4]), rows)


def main(argv):
    t = Suite("ballot exports")
    s, c, ed, entries = world(argv[1], VOTES_A, t, close=False)
    try:
        close_round(c, s, ed)
        r = c.post("/editions/%d/results" % ed, {})
        t.check("snapshot 1 from the tallies", r.status == 303, r.status)
        sid = 1
        titles(s, entries)
        r = decide(c, sid, entry="SV-03", kind="move", tier="selected",
                   reason="Hội đồng xét thêm theo khiếu nại")
        t.check("the committee selects SV-03 too", r.status == 303, r.status)
        final = {"SV-00", "SV-01", "SV-02", "SV-03"}
        check_csv(t, c, sid, final)
        check_xlsx(t, c, s, sid, final)
        check_pdf(t, c, sid)
        check_cap(t, s, c, ed)
        # then puts the count's outcome back: the public list is the three
        r = decide(c, sid, entry="SV-03", kind="confirm",
                   reason="Giữ kết quả kiểm phiếu")
        t.check("the committee confirms the count for SV-03",
                r.status == 303, r.status)
        check_csv(t, c, sid, final - {"SV-03"})
        check_public(t, s, c, ed, sid)
        check_award(t, s, c, ed, sid)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        t.check("no sanitizer report in the server log", not reports,
                reports[:2000] if reports else "")
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

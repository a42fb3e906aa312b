#!/usr/bin/env python3
"""test_cert_template.py: the organiser's certificate templates over HTTP.

On the demo's decided youth contest (18 certificates, several prizes): the
page shows the built-in look; the preview of the stored look and of a
posted one is a PDF (framed by our own pages only) and stores nothing; a
program template saved with new wording, colours, lines and a seal image
changes every certificate's PDF (checked by pdftotext, by the seal in
pdfimages and by the colours of the rendered page) while each still
verifies as genuine; a prize's own template changes only that prize's
pages of the print file; removing it brings the program's back. Refused
input (a colour, an empty or long heading, four title lines, a file that
is not PNG, a PNG libharu cannot read, an unknown prize, no CSRF token)
answers 422 or 403 naming the field and leaves the stored template as it
was. Each write leaves its audit row.
usage: test_cert_template.py BINARY"""
import os
import re
import sqlite3
import struct
import subprocess
import sys
import uuid
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402

ED = 6  # the demo's decided edition
BASE = "/editions/%d/certificates/template" % ED
PYTHON = "/usr/bin/python3"  # Debian's, with python3-pil


def png(width, height, rgba):
    """A PNG of one colour, with transparency, made by hand."""
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\0" + bytes(rgba) * width
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0,
                                       0, 0)) +
            chunk(b"IDAT", zlib.compress(row * height)) +
            chunk(b"IEND", b""))


def multipart(c, path, fields, files=()):
    """A multipart/form-data post, as the page's form sends it."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"'
                      '\r\n\r\n%s\r\n' % (boundary, name, value)).encode())
    for name, filename, data in files:
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"; '
                      'filename="%s"\r\nContent-Type: image/png\r\n\r\n'
                      % (boundary, name, filename)).encode() + data + b"\r\n")
    body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
    return c.request("POST", path, body, {
        "Content-Type": "multipart/form-data; boundary=" + boundary})


def form_of(page):
    """The template form's fields as the page fills them."""
    fields = [("csrf", page.csrf())]
    for name in ("prize", "heading", "lead", "body", "issuer", "colour",
                 "accent"):
        m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
        fields.append((name, unescape(m.group(1)) if m else ""))
    m = re.search(r'name="signer_title"[^>]*>([^<]*)</textarea>', page.text)
    fields.append(("signer_title", unescape(m.group(1)) if m else ""))
    for name in ("show_birth", "show_school", "show_entry", "show_field",
                 "show_decision"):
        if re.search(r'name="%s" value="1" checked' % name, page.text):
            fields.append((name, "1"))
    return fields


def unescape(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&#39;", "'")
            .replace("&amp;", "&"))


def with_(fields, **changes):
    out = [(k, v) for k, v in fields if k not in changes]
    for k, v in changes.items():
        if v is not None:
            out.append((k, v))
    return out


def pdf_text(s, data, page=None):
    path = os.path.join(s.dir, "t-%s.pdf" % uuid.uuid4().hex)
    with open(path, "wb") as f:
        f.write(data)
    args = ["pdftotext"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [path, "-"], capture_output=True,
                          text=True).stdout


def images(s, data):
    path = os.path.join(s.dir, "i-%s.pdf" % uuid.uuid4().hex)
    with open(path, "wb") as f:
        f.write(data)
    out = subprocess.run(["pdfimages", "-list", path], capture_output=True,
                         text=True).stdout
    return [line for line in out.splitlines()[2:] if line.strip()]


def colour_share(s, data, rgb):
    """The share of the page's pixels within 40 of the colour `rgb`."""
    path = os.path.join(s.dir, "c-%s" % uuid.uuid4().hex)
    with open(path + ".pdf", "wb") as f:
        f.write(data)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile",
                    path + ".pdf", path], check=True)
    code = ("import sys; from PIL import Image\n"
            "im = Image.open(sys.argv[1]).convert('RGB')\n"
            "r, g, b = (int(x) for x in sys.argv[2:5])\n"
            "px = list(im.getdata())\n"
            "n = sum(1 for p in px if abs(p[0]-r) + abs(p[1]-g)"
            " + abs(p[2]-b) < 40)\n"
            "print(n / len(px))\n")
    out = subprocess.run([PYTHON, "-c", code, path + ".png",
                          *map(str, rgb)], capture_output=True, text=True)
    return float(out.stdout.strip() or "0")


def stored(s):
    db = sqlite3.connect(s.db)
    rows = db.execute("SELECT program, prize, heading, colour, accent,"
                      " show_decision, length(seal) FROM cert_templates"
                      " ORDER BY prize").fetchall()
    db.close()
    return rows


def audit(s, action):
    db = sqlite3.connect(s.db)
    n, = db.execute("SELECT count(*) FROM audit WHERE action = ?",
                    (action,)).fetchone()
    db.close()
    return n


def prizes_of(s):
    db = sqlite3.connect(s.db)
    rows = db.execute("SELECT id, prize, code, recipient FROM certificates"
                      " WHERE edition_id = ? AND revoked_at IS NULL"
                      " ORDER BY id", (ED,)).fetchall()
    db.close()
    return rows


def check_page(t, s, c):
    r = c.get("/editions/%d/certificates" % ED)
    t.check("the certificates page links the template",
            r.status == 200 and 'href="%s"' % BASE in r.text, r.status)
    r = c.get(BASE)
    t.check("template page: the form, the prizes, the built-in look",
            r.status == 200 and 'id="tpl-form"' in r.text and
            "Mọi giải (mẫu chung)" in r.text and "Giải Nhất" in r.text and
            "Đang hiện mẫu có sẵn" in r.text and
            'value="GIẤY CHỨNG NHẬN"' in r.text, r.status)
    t.check("the preview frame shows the stored look's PDF",
            'iframe name="tpl-preview"' in r.text and
            'src="%s.pdf?p=0#' % BASE in r.text, "")
    t.check("an unknown prize index: 404",
            c.get(BASE + "?p=99").status == 404 and
            c.get(BASE + "?p=x").status == 404, "")
    p = c.get(BASE + ".pdf?p=0")
    first = prizes_of(s)[0]
    text = pdf_text(s, p.body)
    t.check("template.pdf: a PDF of the first certificate, framed by our "
            "own pages only",
            p.status == 200 and p.header("Content-Type") ==
            "application/pdf" and "GIẤY CHỨNG NHẬN" in text and
            p.header("X-Frame-Options") == "SAMEORIGIN" and
            "frame-ancestors 'self'" in p.header("Content-Security-Policy"),
            (p.status, p.header("Content-Type"), text[:200]))
    other = c.get("/editions/%d/certificates" % ED)
    t.check("other pages still refuse every frame",
            other.header("X-Frame-Options") == "DENY", "")
    return r, first


def check_preview(t, s, c, page):
    fields = form_of(page)
    r = multipart(c, BASE + "/preview",
                  with_(fields, heading="BẰNG KHEN THỬ", colour="#1c5fa6"))
    text = pdf_text(s, r.body)
    t.check("preview of a posted template: its heading, nothing stored",
            r.status == 200 and "BẰNG KHEN THỬ" in text and
            stored(s) == [], (r.status, text[:200], stored(s)))
    r = multipart(c, BASE + "/preview", with_(fields, colour="đỏ"))
    t.check("preview of a bad colour: 422 naming it, in the frame",
            r.status == 422 and "#RRGGBB" in r.text and
            r.header("X-Frame-Options") == "SAMEORIGIN", r.status)
    return fields


def check_save(t, s, c, fields, certs):
    seal = png(120, 120, (20, 120, 40, 200))
    r = multipart(c, BASE, with_(fields, heading="GIẤY KHEN",
                                 lead="Tặng", colour="#1c5fa6",
                                 accent="#2e7d32", show_decision=None,
                                 do="save"),
                  [("seal", "dau.png", seal)])
    t.check("save the program's template: 303 back to the page",
            r.status == 303 and "done=saved" in (r.header("Location") or ""),
            (r.status, r.text[:300]))
    rows = stored(s)
    t.check("stored: heading, colours, decision line off, the seal",
            rows == [("youth-creativity", "", "GIẤY KHEN", 0x1C5FA6,
                      0x2E7D32, 0, len(seal))], rows)
    t.check("its audit row", audit(s, "cert_template.update") == 1, "")
    page = c.get(BASE)
    t.check("the page says the template is saved and shows it",
            "Đã lưu mẫu" in c.get(r.header("Location")).text and
            'value="GIẤY KHEN"' in page.text and
            "Đang hiện mẫu đã lưu" in page.text, "")
    pdf = c.get("/certificates/%d/pdf" % certs[0][0]).body
    text = pdf_text(s, pdf)
    t.check("a certificate's PDF now prints the template's words",
            "GIẤY KHEN" in text and "Tặng" in text and
            "GIẤY CHỨNG NHẬN" not in text and "(Theo" not in text,
            text[:300])
    t.check("…with the seal image", len(images(s, pdf)) >= 1,
            images(s, pdf))
    blue = colour_share(s, pdf, (0x1C, 0x5F, 0xA6))
    red = colour_share(s, pdf, (0xA6, 0x1C, 0x1C))
    t.check("…in the template's colour (the border and heading blue, no "
            "red left)", blue > 0.01 and red < 0.0005, (blue, red))
    v = c.get("/v/%s" % certs[0][2])
    t.check("the certificate still verifies as genuine (the look is not "
            "signed)", v.status == 200 and "hợp lệ" in v.text, v.status)


def check_prize(t, s, c, certs):
    page = c.get(BASE)
    m = re.search(r'<option value="(\d+)"[^>]*>Giải Nhất</option>',
                  page.text)
    at = int(m.group(1))
    mine = c.get(BASE + "?p=%d" % at)
    first = [x for x in certs if x[1] == "Giải Nhất"][0]
    other = [x for x in certs if x[1] != "Giải Nhất"][0]
    text = pdf_text(s, c.get(BASE + ".pdf?p=%d" % at).body)
    t.check("the prize's preview prints a certificate of that prize",
            first[3] in text and other[3] not in text, text[:300])
    t.check("a prize without its own template shows the program's",
            "dùng mẫu chung của chương trình" in mine.text and
            'value="GIẤY KHEN"' in mine.text, "")
    r = multipart(c, BASE, with_(form_of(mine), heading="BẰNG KHEN",
                                 do="save"))
    t.check("save Giải Nhất's own template", r.status == 303, r.status)
    t.check("it keeps the program's seal it was shown with",
            [x[6] for x in stored(s)] == [len(png(120, 120,
                                                  (20, 120, 40, 200)))] * 2,
            stored(s))
    pr = c.get("/editions/%d/certificates.pdf" % ED)
    ok = True
    for i, (_, prize, _, _) in enumerate(certs):
        want = "BẰNG KHEN" if prize == "Giải Nhất" else "GIẤY KHEN"
        text = pdf_text(s, pr.body, i + 1)
        ok = ok and want in text
    t.check("the print file: each page in its prize's look (%d pages, %d "
            "of Giải Nhất)" % (len(certs), sum(x[1] == "Giải Nhất"
                                              for x in certs)),
            ok and any(x[1] == "Giải Nhất" for x in certs) and
            any(x[1] != "Giải Nhất" for x in certs), "")
    objects = {line.split()[10] for line in images(s, pr.body)}
    t.check("…the one seal embedded once (an image and its mask)",
            len(objects) == 1, objects)
    r = c.post(BASE, {"prize": "Giải Nhất", "do": "reset"},
               csrf=mine.csrf())
    t.check("remove Giải Nhất's template: 303, audited",
            r.status == 303 and "done=removed" in r.header("Location") and
            audit(s, "cert_template.reset") == 1, r.status)
    text = pdf_text(s, c.get("/certificates/%d/pdf" % first[0]).body)
    t.check("…its certificates print the program's look again",
            "GIẤY KHEN" in text and "BẰNG KHEN" not in text, text[:200])


def check_refusals(t, s, c):
    page = c.get(BASE)
    fields = form_of(page)
    before = stored(s)
    long = "Ư" * 121
    cases = [
        ("a colour that is not #RRGGBB", with_(fields, colour="red"),
         [], "colour", "#RRGGBB"),
        ("an empty heading", with_(fields, heading="  "), [], "heading",
         "tối đa 120 ký tự"),
        ("a heading of 121 letters", with_(fields, heading=long), [],
         "heading", "tối đa 120 ký tự"),
        ("four lines of signer's title",
         with_(fields, signer_title="A\r\nB\r\nC\r\nD"), [],
         "signer_title", "tối đa 3 dòng"),
        ("a seal that is not a PNG", fields,
         [("seal", "dau.png", b"GIF89a not a png")], "seal", "PNG"),
        ("a PNG libharu cannot read", fields,
         [("seal", "dau.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)], "seal",
         "PNG"),
        ("a seal over 1 MB", fields,
         [("seal", "dau.png", b"\x89PNG\r\n\x1a\n" + os.urandom(1 << 20))],
         "seal", "PNG"),
    ]
    for name, f, files, field, words in cases:
        r = multipart(c, BASE, with_(f, do="save"), files)
        marked = re.search(r'name="%s"[^>]*aria-invalid="true"' % field,
                           r.text) or re.search(
            r'id="f-%s"[^>]*aria-invalid="true"' % field, r.text)
        t.check("refused: %s (422, the field marked and said)" % name,
                r.status == 422 and marked is not None and words in r.text
                and "Chưa lưu" in r.text, (r.status, r.text[-600:]))
    t.check("…and the stored template unchanged", stored(s) == before,
            stored(s))
    r = multipart(c, BASE, with_(fields, prize="Giải Vàng", do="save"))
    t.check("a prize the edition does not have: 422", r.status == 422,
            r.status)
    r = multipart(c, BASE, with_(fields, csrf="0" * 64, do="save"))
    t.check("no valid CSRF token: 403, nothing stored",
            r.status == 403 and stored(s) == before, r.status)


def check_print(t, s, c, certs):
    """The print file made in the background, watched, downloaded."""
    import time
    path = "/editions/%d/certificates" % ED
    page = c.get(path)
    t.check("the certificates page starts the print file with a form",
            'action="%s/print"' % path in page.text, "")
    t.check("nothing to download before it is made",
            c.get(path + "/print.pdf").status == 404, "")
    r = c.post(path + "/print", {}, csrf=page.csrf())
    t.check("start it: 303 to its progress page",
            r.status == 303 and r.header("Location") == path + "/print",
            r.status)
    seen_running = False
    for _ in range(300):
        p = c.get(path + "/print")
        if "Đang tạo tệp in" in p.text and not seen_running:
            seen_running = True
            t.check("while printing: the page reloads itself and shows "
                    "done/total", 'http-equiv="refresh" content="1"' in
                    p.text and re.search(r"<progress value=\"\d+\" "
                                         r"max=\"%d\"" % len(certs), p.text),
                    p.text[-800:])
        if "sẵn sàng" in p.text:
            break
        time.sleep(0.05)
    print("note: the progress page was %sseen while printing" %
          ("" if seen_running else "not "))
    t.check("ready: the count of certificates and the download link",
            "sẵn sàng" in p.text and " %d · " % len(certs) in p.text and
            'href="%s/print.pdf"' % path in p.text and
            "refresh" not in p.text, p.text[-800:])
    pdf = c.get(path + "/print.pdf")
    f = os.path.join(s.dir, "print.pdf")
    with open(f, "wb") as out:
        out.write(pdf.body)
    info = subprocess.run(["pdfinfo", f], capture_output=True,
                          text=True).stdout
    q = subprocess.run(["qpdf", "--check", f], capture_output=True)
    t.check("the print file: a PDF, one page per standing certificate, "
            "qpdf clean", pdf.status == 200 and
            re.search(r"Pages:\s+%d\n" % len(certs), info) is not None and
            q.returncode == 0, info)
    t.check("…the same pages as the direct print file",
            pdf_text(s, pdf.body) == pdf_text(
                s, c.get(path + ".pdf").body), "")


def main():
    binary = sys.argv[1]
    t = Suite("cert_template")
    s = Server(binary)
    try:
        r = s.cli("demo", "--db", s.db)
        t.check("the demo database", r.returncode == 0, r.stderr[-400:])
        s.add_user("bto-mau", "organiser", "Ban Tổ chức")
        s.start()
        c = Client(s)
        c.login("bto-mau")
        certs = prizes_of(s)
        page, _ = check_page(t, s, c)
        fields = check_preview(t, s, c, page)
        check_save(t, s, c, fields, certs)
        check_prize(t, s, c, certs)
        check_refusals(t, s, c)
        check_print(t, s, c, certs)
        s.stop()
        t.check("no sanitizer report", s.sanitizer_reports() == "",
                s.sanitizer_reports())
    except Exception:
        print(s.sanitizer_reports() or open(s.log.name).read()[-3000:])
        raise
    finally:
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main())

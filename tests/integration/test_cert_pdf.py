#!/usr/bin/env python3
"""test_cert_pdf.py: certificate PDFs made by `giamkhao certificate-sample`:
valid (qpdf), fonts embedded as subsets, small; the recipient's name and
the heading extractable in NFC; the QR code read back (zbarimg) to exactly
the URL given, at version 8 at most; every one of the 134 Vietnamese
letters extractable and drawn whole (each glyph of a test grid compared
with FreeType's drawing of the same font file, by cert/compare_glyphs.py
under Debian's python3 with PIL, which also shows that the comparison
rejects wrong glyphs, and catches what libharu does to DejaVu Sans); the
combined print file of 20 certificates; names whose glyphs once made
libharu fail to save; and the errors (a text not UTF-8, a URL too long,
a seal not PNG).
usage: test_cert_pdf.py BINARY"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Suite  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
ROOT = os.path.dirname(os.path.dirname(HERE))


def font_dir():
    """Where the build puts the font subsets (the Makefile's FONT_DIR)."""
    with open(os.path.join(ROOT, "Makefile")) as f:
        m = re.search(r"^FONT_DIR := (\S+)$", f.read(), re.M)
    return os.path.join(ROOT, m.group(1))


FONT_DIR = font_dir()
PIL_PYTHON = "/usr/bin/python3"  # Debian's, with python3-pil
DEJAVU = "/usr/share/fonts/truetype/dejavu"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
URL_RE = re.compile(r"^HTTPS://LHH\.HAGIANG\.GOV\.VN/V/[%s]{112}$" % CROCKFORD)
# the sample's geometry (certificates/cert_pdf.c): the QR code's square
QR_X, QR_Y, QR_SIDE = 32, 31, 30  # mm, from the page's lower left corner
PAGE_H = 210


class Checks(Suite):
    """The harness's suite, printing every check, passed or not."""

    def check(self, name, cond, detail=""):
        if cond:
            print("ok   %s" % name)
        return super().check(name, cond, detail)


def run(args, data=None):
    return subprocess.run(args, input=data, capture_output=True)


def vietnamese_letters():
    """Every precomposed letter with Vietnamese diacritics, found in the
    Unicode database (not typed in): a base among a e i o u y with the
    Vietnamese marks in their allowed combinations, and đ Đ."""
    tones = {0x300, 0x301, 0x303, 0x309, 0x323}
    shapes = {"a": {None, 0x306, 0x302}, "e": {None, 0x302},
              "o": {None, 0x302, 0x31B}, "u": {None, 0x31B},
              "i": {None}, "y": {None}}
    found = []
    for cp in range(0xC0, 0x1F00):
        ch = chr(cp)
        if unicodedata.category(ch) not in ("Ll", "Lu"):
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0].lower(), [ord(m) for m in d[1:]]
        if ch in "đĐ":
            found.append(ch)
            continue
        if base not in shapes or not marks or len(marks) > 2:
            continue
        tone = [m for m in marks if m in tones]
        shape = [m for m in marks if m not in tones]
        if len(tone) > 1 or len(shape) > 1:
            continue
        if (shape[0] if shape else None) in shapes[base]:
            found.append(ch)
    return found


def sample(t, binary, out, *args):
    r = run([binary, "certificate-sample", "--out", out, *args])
    t.check("certificate-sample %s: exit 0" % " ".join(
        a if isinstance(a, str) else "…" for a in args),
        r.returncode == 0, r.stderr.decode(errors="replace"))
    return r


def pages_of(path):
    info = run(["pdfinfo", path]).stdout.decode()
    m = re.search(r"Pages:\s+(\d+)", info)
    return int(m.group(1)) if m else -1


def text_of(path):
    return run(["pdftotext", "-layout", path, "-"]).stdout.decode()


def qr_codes(path, tmp, name):
    run(["pdftoppm", "-r", "150", "-png", path, os.path.join(tmp, name)])
    codes = []
    for png in sorted(f for f in os.listdir(tmp)
                      if f.startswith(name + "-") and f.endswith(".png")):
        z = run(["zbarimg", "--raw", "-q", os.path.join(tmp, png)])
        codes += z.stdout.decode().split()
    return codes


def qr_version(path, tmp):
    """The QR code's version counted on the page: its width in modules
    (from the finder pattern, 7 modules wide) is 17 + 4 × version."""
    dpi = 300
    px = dpi / 25.4
    x, y = int(QR_X * px), int((PAGE_H - QR_Y - QR_SIDE) * px)
    side = int(QR_SIDE * px)
    base = os.path.join(tmp, "qr")
    run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1",
         "-x", str(x), "-y", str(y), "-W", str(side), "-H", str(side),
         "-singlefile", path, base])
    with open(base + ".pgm", "rb") as f:
        data = f.read()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    pix = data[m.end():]
    dark = [[pix[r * w + c] < 128 for c in range(w)] for r in range(h)]
    rows = [r for r in range(h) if any(dark[r])]
    cols = [c for c in range(w) if any(dark[r][c] for r in rows)]
    top, left, width = rows[0], cols[0], cols[-1] - cols[0] + 1
    run_len = 0
    while dark[top][left + run_len]:
        run_len += 1
    modules = round(width * 7 / run_len)
    return (modules - 17) / 4, modules


def check_one(t, binary, tmp):
    path = os.path.join(tmp, "one.pdf")
    name = "Nguyễn Thị Phương Thảo"
    url = "HTTPS://LHH.HAGIANG.GOV.VN/V/" + "".join(
        random.choice(CROCKFORD) for _ in range(112))
    r = sample(t, binary, path, "--url", url)
    shutil.copy(path, os.path.join(OUT, "certificate.pdf"))
    q = run(["qpdf", "--check", path])
    t.check("one certificate: qpdf --check finds no error",
            q.returncode == 0, q.stdout.decode()[-300:])
    fonts = run(["pdffonts", path]).stdout.decode()
    lines = [ln for ln in fonts.splitlines() if "NotoSerif" in ln]
    t.check("one certificate: Noto Serif Regular and Bold, embedded as "
            "subsets", len(lines) == 2 and
            any("NotoSerif-Regular" in ln for ln in lines) and
            any("NotoSerif-Bold" in ln for ln in lines) and
            all(re.search(r"\byes\s+yes\s+yes\b", ln) for ln in lines),
            fonts)
    size = os.path.getsize(path)
    print("one certificate: %d bytes" % size)
    t.check("one certificate: small (%d bytes < 150000)" % size,
            size < 150000, size)
    text = text_of(path)
    t.check("one certificate: the recipient's name, in NFC",
            name in text, text[:800])
    t.check("one certificate: the heading GIẤY CHỨNG NHẬN",
            "GIẤY CHỨNG NHẬN" in text, text[:800])
    t.check("one certificate: motto, issuer in capitals, prize, decision",
            all(s in text for s in (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "BAN TỔ CHỨC HỘI THI SÁNG TẠO KỸ THUẬT", "Giải Nhì",
                "Quyết định số 45/QĐ-LHH ngày 20/12/2026",
                "TRƯỞNG BAN", "Nguyễn Văn Thanh", "Số: 000123/GCN",
                "Kiểm tra tại: lhh.hagiang.gov.vn")), text)
    codes = qr_codes(path, tmp, "one")
    t.check("one certificate: the QR code reads back as exactly the URL",
            codes == [url], (codes, url))
    version, modules = qr_version(path, tmp)
    print("one certificate: QR code of %d modules (version %g); the "
          "command says: %s" % (modules, version,
                                r.stdout.decode().strip()))
    t.check("one certificate: QR version 8 at most (%d modules)" % modules,
            version == int(version) and 1 <= version <= 8, modules)
    t.check("one certificate: libqrencode agrees on the version",
            ("QR version %d (%d modules)" % (version, modules)) in
            r.stdout.decode(), r.stdout)
    shutil.copy(os.path.join(tmp, "one-1.png"),
                os.path.join(OUT, "certificate-1.png"))


def check_variants(t, binary, tmp):
    path = os.path.join(tmp, "youth.pdf")
    seal = os.path.join(tmp, "seal.png")
    nfd = unicodedata.normalize("NFD", "Hoàng Thị Ngọc Ánh")
    made = run([PIL_PYTHON, os.path.join(HERE, "cert", "make_seal.py"), seal,
                os.path.join(FONT_DIR, "NotoSerif-Bold.ttf")])
    t.check("a seal PNG made with PIL", made.returncode == 0, made.stderr)
    sample(t, binary, path, "--youth", "--seal", seal, "--recipient", nfd)
    shutil.copy(path, os.path.join(OUT, "certificate-youth.pdf"))
    text = text_of(path)
    t.check("youth contest: a name given decomposed (NFD) prints in NFC",
            unicodedata.normalize("NFC", nfd) in text and nfd not in text,
            text[:600])
    t.check("youth contest: birth date and school",
            "Ngày sinh: 12/03/2012" in text and
            "Trường THCS Nguyễn Trãi" in text, text[:900])
    q = run(["qpdf", "--check", path])
    t.check("youth contest with a seal: qpdf --check", q.returncode == 0,
            q.stdout.decode()[-300:])
    codes = qr_codes(path, tmp, "youth")
    t.check("youth contest: QR code read back",
            len(codes) == 1 and URL_RE.match(codes[0]), codes)
    images = run(["pdfimages", "-list", path]).stdout.decode()
    t.check("youth contest: the seal drawn, with its transparency",
            re.search(r"\bimage\s+360\s+360\b", images) is not None and
            re.search(r"\bsmask\s+360\s+360\b", images) is not None,
            images)
    size = os.path.getsize(path)
    print("one certificate with a 360×360 RGBA seal: %d bytes" % size)
    t.check("youth contest: small with its seal (%d bytes < 150000; the "
            "seal's transparency compressed)" % size, size < 150000, images)
    for png in os.listdir(tmp):
        if png.startswith("youth-") and png.endswith(".png"):
            shutil.copy(os.path.join(tmp, png),
                        os.path.join(OUT, "certificate-youth-1.png"))


def check_letters(t, binary, tmp, letters):
    path = os.path.join(tmp, "letters.pdf")
    sample(t, binary, path, "--letters")
    shutil.copy(path, os.path.join(OUT, "certificate-letters.pdf"))
    text = text_of(path)
    missing = [ch for ch in letters if ch not in text]
    t.check("letters on a certificate: all 134 extractable (pdftotext)",
            not missing, missing)
    t.check("letters on a certificate: no decomposed mark in the text",
            not re.search("[\u0300-\u036f]", text), text[:400])


def compare(grid, fonts, *extra):
    """Starts cert/compare_glyphs.py; finish() gives its summary."""
    return subprocess.Popen(
        [PIL_PYTHON, os.path.join(HERE, "cert", "compare_glyphs.py"), grid,
         *fonts, *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def finish(proc):
    out = proc.communicate()[0].decode()
    m = re.search(r"^SUMMARY (.*)$", out, re.M)
    return (json.loads(m.group(1)) if m else None), out


def check_glyphs(t, binary, tmp, letters):
    """Each letter of the grid against FreeType's drawing of it from the
    same font file, and against wrong ones (which must all fail); and
    DejaVu Sans, which libharu mangles (design.md), to show what a
    broken letter does to the check. The two comparisons run at once."""
    grid = os.path.join(tmp, "grid.pdf")
    sample(t, binary, grid, "--letter-grid")
    shutil.copy(grid, os.path.join(OUT, "certificate-glyphs.pdf"))
    fonts = [os.path.join(FONT_DIR, "NotoSerif-Regular.ttf"),
             os.path.join(FONT_DIR, "NotoSerif-Bold.ttf")]
    noto = compare(grid, fonts, "--controls", "missing,swapped")
    dejavu = [os.path.join(DEJAVU, "DejaVuSans.ttf"),
              os.path.join(DEJAVU, "DejaVuSans-Bold.ttf")]
    other = None
    if all(os.path.exists(f) for f in dejavu):
        grid2 = os.path.join(tmp, "grid-dejavu.pdf")
        sample(t, binary, grid2, "--letter-grid", "--font-regular",
               dejavu[0], "--font-bold", dejavu[1])
        other = compare(grid2, dejavu)
    res, log = finish(noto)
    if t.check("glyph grid: compared (Debian python3 with PIL)",
               res is not None, log[-2000:]):
        check_noto(t, res, letters)
    if other is None:
        print("(DejaVu Sans not installed: that demonstration skipped)")
        return
    res, log = finish(other)
    bad = res["modes"]["same"]["bad"] if res else []
    print("DejaVu Sans through libharu: %d of %d glyphs not whole: %s" %
          (len(bad), res["modes"]["same"]["checked"] if res else 0,
           ", ".join(bad)))
    t.check("the comparison catches the glyphs libharu breaks in DejaVu "
            "Sans", res is not None and len(bad) > 0, log[-1500:])


def check_noto(t, res, letters):
    for i, weight in enumerate(("regular", "bold")):
        got = res["found"][i]
        t.check("glyph grid, %s: the 134 letters extractable, each once" %
                weight, sorted(got) == sorted(letters),
                set(letters) ^ set(got))
    same = res["modes"]["same"]
    print("glyph grid: %d of %d glyphs drawn whole" % (same["ok"],
                                                        same["checked"]))
    t.check("glyph grid: all 268 glyphs (134 letters, regular and bold) "
            "drawn whole, as FreeType draws them from the same font",
            same["checked"] == 268 and same["ok"] == 268, same["bad"])
    for how, what in (("missing", "its last mark left out"),
                      ("swapped", "another tone mark")):
        r = res["modes"][how]
        print("control (%s): %d of %d wrong glyphs accepted" %
              (what, r["ok"], r["checked"]))
        t.check("the comparison rejects every letter drawn with %s" % what,
                r["checked"] == 268 and r["ok"] == 0, r)


def check_combined(t, binary, tmp):
    path = os.path.join(tmp, "twenty.pdf")
    sample(t, binary, path, "--count", "20")
    shutil.copy(path, os.path.join(OUT, "certificates-20.pdf"))
    t.check("20 certificates: 20 pages", pages_of(path) == 20,
            pages_of(path))
    q = run(["qpdf", "--check", path])
    t.check("20 certificates: qpdf --check", q.returncode == 0,
            q.stdout.decode()[-300:])
    fonts = [ln for ln in run(["pdffonts", path]).stdout.decode()
             .splitlines() if "NotoSerif" in ln]
    t.check("20 certificates: the two fonts embedded once", len(fonts) == 2,
            fonts)
    codes = qr_codes(path, tmp, "twenty")
    t.check("20 certificates: 20 different QR codes read back",
            len(set(codes)) == 20 and all(URL_RE.match(c) for c in codes),
            codes)
    separate = 0
    names = [unicodedata.normalize("NFC", "Người nhận số %d" % i)
             for i in range(20)]
    failed = []
    for i, name in enumerate(names):
        one = os.path.join(tmp, "separate-%d.pdf" % i)
        r = run([binary, "certificate-sample", "--out", one, "--recipient",
                 name])
        if r.returncode != 0:
            failed.append((name, r.stderr))
            continue
        separate += os.path.getsize(one)
    t.check("20 separate certificates made", not failed, failed)
    combined = os.path.getsize(path)
    print("20 certificates: %d bytes in one PDF, %d bytes as 20 PDFs" %
          (combined, separate))
    t.check("20 certificates: one PDF much smaller than 20 (%d < %d / 3)" %
            (combined, separate), 0 < combined < separate / 3,
            (combined, separate))


def check_save(t, binary, tmp):
    """Texts whose glyphs once made libharu fail to save the document
    (Makefile: FONT_PREP), and fifty more names."""
    rng = random.Random(6)
    words = ("Người nhận số một hai Nguyễn Trần Lê Phạm Hoàng Huỳnh Vũ Võ "
             "Đặng Bùi Đỗ Hồ Ngô Dương Lý Thị Văn Minh Ánh Ngọc Quỳnh "
             "Hương Giang Thảo Dũng Tuấn Hùng Cường").split()
    names = ["Người số 1", "Người nhận số 12", "Hoàng Tuấn Vũ Ngô 38",
             "Đỗ Dũng Vũ Dũng 47"]
    names += [" ".join(rng.choice(words) for _ in range(rng.randint(2, 5)))
              + " %d" % rng.randint(0, 99) for _ in range(50)]
    path = os.path.join(tmp, "save.pdf")
    failed = []
    for name in names:
        r = run([binary, "certificate-sample", "--out", path, "--recipient",
                 name])
        if r.returncode != 0:
            failed.append((name, r.stderr))
    t.check("%d names, each saved (libharu's empty last font table)" %
            len(names), not failed, failed[:5])


def check_errors(t, binary, tmp):
    path = os.path.join(tmp, "bad.pdf")
    r = run([binary, "certificate-sample", "--out", path, "--recipient",
             b"Nguy\xe1\xbb\x85n \xff\xfe"])
    t.check("a name not in UTF-8: refused, the field named",
            r.returncode != 0 and b"recipient" in r.stderr and
            b"UTF-8" in r.stderr, r.stderr)
    long_url = "HTTPS://LHH.HAGIANG.GOV.VN/V/" + "7" * 4 + "Q" * 160
    r = run([binary, "certificate-sample", "--out", path, "--url",
             long_url])
    t.check("a URL too long for a version-8 QR code: refused",
            r.returncode != 0 and b"version-8" in r.stderr, r.stderr)
    r = run([binary, "certificate-sample", "--out", path, "--font-regular",
             os.path.join(tmp, "none.ttf"), "--font-bold",
             os.path.join(tmp, "none.ttf")])
    t.check("a font that does not load: refused, and said",
            r.returncode != 0 and b"fonts did not load" in r.stderr,
            r.stderr)
    notpng = os.path.join(tmp, "seal.jpg")
    with open(notpng, "wb") as f:
        f.write(b"\xff\xd8\xff\xe0 not a png at all")
    r = run([binary, "certificate-sample", "--out", path, "--seal", notpng])
    t.check("a seal that is not a PNG: refused",
            r.returncode != 0 and b"seal" in r.stderr and b"PNG" in
            r.stderr, r.stderr)


def main():
    binary = sys.argv[1]
    t = Checks("cert-pdf")
    os.makedirs(OUT, exist_ok=True)
    letters = vietnamese_letters()
    print("Vietnamese letters in the Unicode database: %d" % len(letters))
    t.check("134 precomposed Vietnamese letters (67 small, 67 capital)",
            len(letters) == 134 and
            sum(ch.islower() for ch in letters) == 67, len(letters))
    tmp = tempfile.mkdtemp(prefix="giamkhao-cert-")
    try:
        check_one(t, binary, tmp)
        check_variants(t, binary, tmp)
        check_letters(t, binary, tmp, letters)
        check_glyphs(t, binary, tmp, letters)
        check_combined(t, binary, tmp)
        check_save(t, binary, tmp)
        check_errors(t, binary, tmp)
    finally:
        shutil.rmtree(tmp)
    return t.report()


if __name__ == "__main__":
    sys.exit(main())

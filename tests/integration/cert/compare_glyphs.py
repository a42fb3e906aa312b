#!/usr/bin/python3
"""compare_glyphs.py: checks that every letter of a glyph grid PDF (made by
`giamkhao certificate-sample --letter-grid`, geometry in certificates.h:
CERT_GRID_*) prints whole, by comparing each cell as poppler renders it
with the same letter of the same TrueType file drawn by FreeType (PIL).

Each letter is found by its text (pdftotext -bbox), so the extracted text
is checked too. Both renderings are binarised; they must have the same
number of connected components (a missing accent is one fewer), each
component of one must overlap its best match in the other with an IoU of
at least PART_IOU (a misplaced or wrong accent fails here), and the whole
glyphs, drawn at the same origin (give or take SHIFT pixels of rounding),
an IoU of at least WHOLE_IOU.

With --controls missing,swapped each glyph is also compared with a
deliberately wrong reference (the letter without its last mark, or with
another tone mark), to show that the comparison rejects such glyphs.
--save DIR keeps the pairs that differ (the PDF's, FreeType's) as PNGs.

usage: /usr/bin/python3 compare_glyphs.py GRID.pdf REGULAR.ttf BOLD.ttf
       [--controls missing,swapped] [--save DIR]
Prints one line per comparison and a last line "SUMMARY {json}": the
letters found on each page, and per mode ("same", then each control) how
many glyphs were checked, how many matched, and which did not."""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from PIL import Image, ImageChops, ImageDraw, ImageFont

# certificates/certificates.h
COLS, ROWS, CELL, LEFT, TOP, PAD, BASE, SIZE = 10, 14, 18, 15, 20, 4, 5, 24
DPI = 400
PX = DPI / 72.0  # pixels per point
MM = 72.0 / 25.4  # points per millimetre
PART_IOU = 0.7
WHOLE_IOU = 0.85
SPECK = 40  # components smaller than this (pixels) are noise
SHIFT = 3  # pixels (0.19 mm): how far the two renderings may be apart
STRAY = 20  # pixels of one further than SHIFT from any ink of the other
TONES = "\u0300\u0301\u0309\u0303\u0323"


def words(pdf):
    """[(page, text, xMin, yMin, xMax, yMax)] in points, from the top."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                         capture_output=True).stdout.decode()
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                      r'xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            found.append((page, m.group(5), float(m.group(1)),
                          float(m.group(2)), float(m.group(3)),
                          float(m.group(4))))
    return found


def control(letter, how):
    """A deliberately wrong letter: without its last mark (its horn, its
    circumflex...), or with another tone mark (one without a tone mark
    gets the dot below)."""
    d = unicodedata.normalize("NFD", letter)
    if letter in "đĐ":
        return "d" if letter == "đ" else "D"
    if how == "missing":
        return unicodedata.normalize("NFC", d[:-1])
    tone = [c for c in d if c in TONES]
    if tone:
        other = TONES[(TONES.index(tone[0]) + 1) % len(TONES)]
        return unicodedata.normalize("NFC", d.replace(tone[0], other))
    return unicodedata.normalize("NFC", d + "\u0323")


def ink(img):
    """The image binarised: mode "1", ink white (1)."""
    return img.convert("L").point(lambda v: 255 if v < 128 else 0, "1")


def count(mask):
    return mask.histogram()[255]


def iou(a, b):
    inter = count(ImageChops.logical_and(a, b))
    union = count(ImageChops.logical_or(a, b))
    return inter / union if union else 1.0


def components(mask):
    """The connected components of a mask, each as a mask of its own."""
    work = mask.convert("L")
    parts = []
    while True:
        box = work.getbbox()
        if box is None:
            return parts
        row = list(work.crop((box[0], box[1], box[2], box[1] + 1)).getdata())
        seed = (box[0] + next(i for i, v in enumerate(row) if v == 255),
                box[1])
        ImageDraw.floodfill(work, seed, 128)
        part = work.point(lambda v: 255 if v == 128 else 0, "1")
        work = work.point(lambda v: 255 if v == 255 else 0)
        if count(part) >= SPECK:
            parts.append(part)


def aligned(a, b):
    """b moved by at most SHIFT pixels each way to match a best (the two
    rasterisers round the same origin differently)."""
    def score(d):
        return iou(a, ImageChops.offset(b, d[0], d[1]))

    # up and down first, then sideways: glyphs are not periodic enough
    # for this to miss the best shift by more than a pixel
    span = range(-SHIFT, SHIFT + 1)
    dy = max(span, key=lambda y: score((0, y)))
    dx = max(span, key=lambda x: score((x, dy)))
    return ImageChops.offset(b, dx, dy), score((dx, dy))


def dilated(mask):
    """mask grown by SHIFT pixels each way (a square), as mode "1"."""
    grown = mask
    for axis in ((1, 0), (0, 1)):
        step = grown
        for d in range(1, SHIFT + 1):
            for sign in (1, -1):
                step = ImageChops.logical_or(step, ImageChops.offset(
                    grown, sign * d * axis[0], sign * d * axis[1]))
        grown = step
    return grown


def stray(a, b):
    """How many ink pixels of a are more than SHIFT pixels away from any
    ink of b (an attached mark that one has and the other has not)."""
    return count(ImageChops.logical_and(a, ImageChops.invert(dilated(b))))


def bbox_union(a, b):
    boxes = [m.getbbox() for m in (a, b) if m.getbbox() is not None]
    if not boxes:
        return (0, 0, 1, 1)
    margin = 3 * SHIFT
    return (max(0, min(x[0] for x in boxes) - margin),
            max(0, min(x[1] for x in boxes) - margin),
            min(a.width, max(x[2] for x in boxes) + margin),
            min(a.height, max(x[3] for x in boxes) + margin))


def compare(got, want):
    """(ok, whole IoU, parts got, parts wanted, worst part IoU, stray
    pixels)."""
    a, b = ink(got), ink(want)
    # both cut to where their ink is, with room to move them
    box = bbox_union(a, b)
    a, b = a.crop(box), b.crop(box)
    b, whole = aligned(a, b)
    far = max(stray(a, b), stray(b, a))
    pa, pb = components(a), components(b)
    worst = 1.0
    for p in pa:
        worst = min(worst, max((iou(p, q) for q in pb), default=0.0))
    for q in pb:
        worst = min(worst, max((iou(p, q) for p in pa), default=0.0))
    ok = (len(pa) == len(pb) and worst >= PART_IOU and
          whole >= WHOLE_IOU and far <= STRAY)
    return ok, whole, len(pa), len(pb), worst, far


def render(pdf, tmp):
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", pdf,
                    os.path.join(tmp, "grid")], check=True,
                   capture_output=True)
    pages = sorted(f for f in os.listdir(tmp) if f.endswith(".png"))
    return [Image.open(os.path.join(tmp, f)).convert("L") for f in pages]


def cells(pdf, pages):
    """(page, letter, the cell's image) for each letter on the grid."""
    cell = CELL * MM * PX
    for page, text, x0, y0, x1, y1 in words(pdf):
        col = int(((x0 + x1) / 2 / MM - LEFT) // CELL)
        row = int(((y0 + y1) / 2 / MM - TOP) // CELL)
        if page > 2 or not (0 <= col < COLS and 0 <= row < ROWS):
            yield page, text, None
            continue
        left = (LEFT + col * CELL) * MM * PX
        top = (TOP + row * CELL) * MM * PX
        box = tuple(int(round(v)) for v in
                    (left, top, left + cell, top + cell))
        yield page, text, pages[page - 1].crop(box)


def drawn(face, letter, size):
    """`letter` drawn by FreeType where the grid puts it in its cell."""
    cell = CELL * MM * PX
    want = Image.new("L", size, 255)
    ImageDraw.Draw(want).text((PAD * MM * PX, cell - BASE * MM * PX),
                              letter, font=face, fill=0, anchor="ls")
    return want


def main(argv):
    pdf, fonts = argv[1], argv[2:4]
    modes = ["same"]
    if "--controls" in argv:
        modes += argv[argv.index("--controls") + 1].split(",")
    save = argv[argv.index("--save") + 1] if "--save" in argv else None
    faces = [ImageFont.truetype(f, int(round(SIZE * PX)),
                                layout_engine=ImageFont.Layout.BASIC)
             for f in fonts]
    results = {"found": [[], [], []],
               "modes": {m: {"ok": 0, "bad": [], "checked": 0}
                         for m in modes}}
    with tempfile.TemporaryDirectory() as tmp:
        for page, text, got in cells(pdf, render(pdf, tmp)):
            results["found"][min(page, 3) - 1].append(text)
            if got is None:
                continue
            for mode in modes:
                letter = text if mode == "same" else control(text, mode)
                want = drawn(faces[page - 1], letter, got.size)
                ok, whole, na, nb, worst, far = compare(got, want)
                name = "%s U+%04X %s vs %s" % (
                    ["regular", "bold"][page - 1], ord(text[0]), text,
                    letter)
                print("%s %s%s: IoU %.3f, parts %d/%d, worst part %.3f, "
                      "stray %d px" % ("ok  " if ok else "FAIL",
                                       "" if mode == "same" else
                                       "(control %s) " % mode, name, whole,
                                       na, nb, worst, far))
                r = results["modes"][mode]
                r["checked"] += 1
                r["ok"] += 1 if ok else 0
                if not ok:
                    r["bad"].append(name)
                if save and not ok and mode == "same":
                    pair = Image.new("L", (got.width * 2, got.height), 255)
                    pair.paste(got, (0, 0))
                    pair.paste(want, (got.width, 0))
                    pair.save(os.path.join(save, "U%04X-%d.png" %
                                           (ord(text[0]), page)))
    print("SUMMARY " + json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

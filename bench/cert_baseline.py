#!/usr/bin/python3
"""cert_baseline.py: the certificate drawn the ordinary reportlab way, the
baseline of bench/certs.py. Debian's python3-reportlab and python3-qrcode:
an A4 landscape canvas, the full Noto Serif TTFs registered with TTFont
(reportlab subsets them itself), the same texts at about the same places
and sizes as certificates/cert_pdf.c, the border, and the QR code of the
same URL at level Q from python3-qrcode, drawn as vector squares from its
matrix. One process, as such scripts are written.

usage: cert_baseline.py CERTS.json OUTDIR each|combined
  each: OUTDIR/NNNNNN.pdf, one PDF per certificate;
  combined: OUTDIR/print.pdf, one page per certificate.
CERTS.json: a list of objects of the printed texts (see certs_db.py)."""
import json
import os
import sys

import qrcode
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

NOTO = "/usr/share/fonts/truetype/noto/"
pdfmetrics.registerFont(TTFont("Serif", NOTO + "NotoSerif-Regular.ttf"))
pdfmetrics.registerFont(TTFont("Serif-Bold", NOTO + "NotoSerif-Bold.ttf"))

W, H = landscape(A4)
RED = HexColor(0xA61C1C)
INK = Color(0.08, 0.08, 0.08)
LEFT_X, RIGHT_X = 78 * mm, W - 80 * mm
QR_X, QR_Y, QR_SIDE = 32 * mm, 31 * mm, 30 * mm


def top(v):
    return H - v * mm


def lines(c, font, size, cx, y, width, leading, text, most):
    """Centred lines of text wrapped to width; the baseline below them."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        split = [text]  # kept whole, its spaces too
    else:
        split = simpleSplit(text, font, size, width)
    for line in split[:most]:
        c.setFont(font, size)
        c.drawCentredString(cx, y, line)
        y -= leading
    return y


def diamond(p, x, y, d):
    p.moveTo(x, y - d)
    p.lineTo(x + d, y)
    p.lineTo(x, y + d)
    p.lineTo(x - d, y)
    p.close()


def border(c):
    c.saveState()
    c.setStrokeColor(RED)
    c.setFillColor(RED)
    c.setLineWidth(2.2)
    c.rect(7 * mm, 7 * mm, W - 14 * mm, H - 14 * mm)
    c.setLineWidth(0.6)
    c.rect(8.75 * mm, 8.75 * mm, W - 17.5 * mm, H - 17.5 * mm)
    # the inner line, its corners cut by quarter circles
    o, r = 11.75 * mm, 7 * mm
    p = c.beginPath()
    p.moveTo(o + r, o)
    p.lineTo(W - o - r, o)
    p.arcTo(W - o - r, o - r, W - o + r, o + r, 180, -90)
    p.lineTo(W - o, H - o - r)
    p.arcTo(W - o - r, H - o - r, W - o + r, H - o + r, 270, -90)
    p.lineTo(o + r, H - o)
    p.arcTo(o - r, H - o - r, o + r, H - o + r, 0, -90)
    p.lineTo(o, o + r)
    p.arcTo(o - r, o - r, o + r, o + r, 90, -90)
    p.close()
    c.setLineWidth(1.1)
    c.drawPath(p, stroke=1, fill=0)
    c.setLineWidth(0.7)
    for x, y, dx, dy in ((o, o, 1, 1), (W - o, o, -1, 1),
                         (o, H - o, 1, -1), (W - o, H - o, -1, -1)):
        c.circle(x, y, 1.5 * mm, stroke=0, fill=1)
        q = c.beginPath()
        diamond(q, x + 7.5 * mm * dx, y + 7.5 * mm * dy, 1.75 * mm)
        c.drawPath(q, stroke=0, fill=1)
        c.line(x + 9.5 * mm * dx, y + 7.25 * mm * dy,
               x + 16 * mm * dx, y + 7.25 * mm * dy)
        c.line(x + 7.25 * mm * dx, y + 9.5 * mm * dy,
               x + 7.25 * mm * dx, y + 16 * mm * dy)
    # small diamonds along the band, 4 mm apart
    mid, skip = 10.25 * mm, 21 * mm
    p = c.beginPath()
    x = skip
    while x <= W - skip:
        diamond(p, x, mid, 0.75 * mm)
        diamond(p, x, H - mid, 0.75 * mm)
        x += 4 * mm
    y = skip
    while y <= H - skip:
        diamond(p, mid, y, 0.75 * mm)
        diamond(p, W - mid, y, 0.75 * mm)
        y += 4 * mm
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def header(c, d):
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    y = lines(c, "Serif", 12, LEFT_X, top(22), 100 * mm, 15.5,
              d["parent"].upper(), 2)
    y = lines(c, "Serif-Bold", 12, LEFT_X, y, 100 * mm, 15.5,
              d["issuer"].upper(), 3)
    c.setLineWidth(0.7)
    c.line(LEFT_X - 16 * mm, y + 15.5 - 3 * mm, LEFT_X + 16 * mm,
           y + 15.5 - 3 * mm)
    c.setFont("Serif-Bold", 12.5)
    c.drawCentredString(RIGHT_X, top(22), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = "Độc lập - Tự do - Hạnh phúc"
    c.setFont("Serif-Bold", 13.5)
    c.drawCentredString(RIGHT_X, top(22) - 16.5, motto)
    w = pdfmetrics.stringWidth(motto, "Serif-Bold", 13.5)
    c.line(RIGHT_X - w / 2, top(25.5) - 15.5, RIGHT_X + w / 2,
           top(25.5) - 15.5)


def middle(c, d):
    cx, width = W / 2, 235 * mm
    c.setFillColor(RED)
    c.setFont("Serif-Bold", 36)
    c.drawCentredString(cx, top(51), d["heading"])
    c.setFillColor(INK)
    c.setFont("Serif", 15)
    c.drawCentredString(cx, top(63.5), d["lead"])
    c.setFont("Serif-Bold", 27)
    c.drawCentredString(cx, top(79), d["recipient"])
    y = lines(c, "Serif", 13.5, cx, top(87), width, 21, d["birth_school"], 2)
    y = lines(c, "Serif", 14, cx, y - 2, width, 21, d["entry"], 3)
    y = lines(c, "Serif", 13.5, cx, y, width, 21, d["field"], 2)
    # "Đã đạt Giải Nhì": the prize larger, in bold and in colour
    body = d["body"] + " "
    w1 = pdfmetrics.stringWidth(body, "Serif", 15)
    w2 = pdfmetrics.stringWidth(d["prize"], "Serif-Bold", 18)
    x = cx - (w1 + w2) / 2
    c.setFont("Serif", 15)
    c.drawString(x, y - 8, body)
    c.setFillColor(RED)
    c.setFont("Serif-Bold", 18)
    c.drawString(x + w1, y - 8, d["prize"])
    c.setFillColor(INK)
    y = lines(c, "Serif", 14, cx, y - 32, width, 18.5, d["edition"], 2)
    lines(c, "Serif", 12, cx, y - 1, width, 16, d["decision"], 2)


def signature(c, d):
    c.setFillColor(INK)
    c.setFont("Serif", 13)
    c.drawCentredString(RIGHT_X, top(140), d["place_date"])
    y = top(146.5)
    for line in d["signer_title"].split("\n"):
        c.setFont("Serif-Bold", 12.5)
        c.drawCentredString(RIGHT_X, y, line)
        y -= 16
    c.setFont("Serif-Bold", 14)
    c.drawCentredString(RIGHT_X, 18 * mm, d["signer"])


def verification(c, d):
    q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q,
                      border=4)
    q.add_data(d["url"])
    q.make(fit=True)
    m = q.get_matrix()  # quiet zone included
    unit = QR_SIDE / len(m)
    c.setFillColor(Color(1, 1, 1))
    c.rect(QR_X, QR_Y, QR_SIDE, QR_SIDE, stroke=0, fill=1)
    c.setFillColor(Color(0, 0, 0))
    p = c.beginPath()
    for r, row in enumerate(m):
        for k, dark in enumerate(row):
            if dark:
                p.rect(QR_X + k * unit, QR_Y + QR_SIDE - (r + 1) * unit,
                       unit, unit)
    c.drawPath(p, stroke=0, fill=1)
    c.setFillColor(INK)
    c.setFont("Serif-Bold", 10)
    c.drawCentredString(QR_X + QR_SIDE / 2, QR_Y - 4 * mm, d["short_code"])
    c.setFont("Serif", 7.5)
    c.drawCentredString(QR_X + QR_SIDE / 2, QR_Y - 7.5 * mm, d["check_at"])
    c.setFillColor(Color(0.3, 0.3, 0.3))
    c.setFont("Serif", 8)
    c.drawCentredString(W / 2, 15 * mm, d["serial"])


def page(c, d):
    border(c)
    header(c, d)
    middle(c, d)
    signature(c, d)
    verification(c, d)
    c.showPage()


def new_canvas(path):
    c = canvas.Canvas(path, pagesize=(W, H))
    c.setCreator("cert_baseline.py")
    c.setTitle("Certificates")
    return c


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        docs = json.load(f)
    out = argv[2]
    os.makedirs(out, exist_ok=True)
    if argv[3] == "each":
        for d in docs:
            c = new_canvas(os.path.join(out, "%06d.pdf" % d["id"]))
            page(c, d)
            c.save()
    else:
        c = new_canvas(os.path.join(out, "print.pdf"))
        for d in docs:
            page(c, d)
        c.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

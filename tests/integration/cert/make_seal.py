#!/usr/bin/python3
"""make_seal.py: a made-up red round seal over a blue signature, as a PNG
with transparency, for sample certificates (needs Debian's python3-pil).
usage: /usr/bin/python3 make_seal.py OUT.png FONT.ttf"""
import math
import sys

from PIL import Image, ImageDraw, ImageFont

SIDE = 360


def star(draw, cx, cy, r, fill):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=fill)


def main(out, font_path):
    img = Image.new("RGBA", (SIDE, SIDE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # the signature: a blue scribble across the seal
    pts = [(40 + t * 2.8, 190 + 35 * math.sin(t / 9.0) - t * 0.35)
           for t in range(100)]
    d.line(pts, fill=(20, 40, 150, 255), width=5)
    red = (200, 20, 30, 210)
    d.ellipse((20, 20, SIDE - 20, SIDE - 20), outline=red, width=10)
    d.ellipse((48, 48, SIDE - 48, SIDE - 48), outline=red, width=4)
    star(d, SIDE / 2, SIDE / 2 - 20, 46, red)
    font = ImageFont.truetype(font_path, 30)
    for text, y in (("BAN TỔ CHỨC", 232), ("HÀ GIANG", 270)):
        w = d.textlength(text, font=font)
        d.text(((SIDE - w) / 2, y), text, font=font, fill=red)
    img.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/python3
"""font_prep.py IN OUT: the last touches to a font cut for libharu 2.3.0.

1. A 3-byte 'prep' program (PUSHB 0, POP: does nothing). libharu writes a
   font's tables in a fixed order ending with 'prep', and fails to save the
   document (HPDF_INVALID_OBJECT, from a seek to the end of its memory
   stream) when that table is empty and the font it wrote is a multiple of
   4096 bytes long: without hinting, about one document in 200.
2. The character map as one segment (format 4: the font's whole range
   through a glyph array, then the end marker). For every document libharu
   looks up each of the 65 536 code points in the map, walking its
   segments one by one: with the cut's 19 segments that walk was a fifth
   of a certificate's time; with two it is a step. The array adds some
   16 KB of mostly zeros to the font, about 1 KB once compressed."""
import struct
import sys

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables.DefaultTable import DefaultTable
from fontTools.ttLib.tables.ttProgram import Program


def one_segment(cmap, glyph_id):
    """A (3, 1) format 4 subtable mapping cmap's code points."""
    first, last = min(cmap), max(cmap)
    glyphs = [glyph_id(cmap[c]) if c in cmap else 0
              for c in range(first, last + 1)]
    seg_x2 = 4
    # the search fields for two segments (OpenType's cmap, format 4)
    head = struct.pack(">HHHH", seg_x2, 4, 1, 0)
    ends = struct.pack(">HH", last, 0xFFFF) + b"\0\0"
    starts = struct.pack(">HH", first, 0xFFFF)
    deltas = struct.pack(">hh", 0, 1)
    # segment 0 reads the array just past the idRangeOffset fields
    ranges = struct.pack(">HH", 4, 0)
    body = (head + ends + starts + deltas + ranges +
            struct.pack(">%dH" % len(glyphs), *glyphs))
    sub = struct.pack(">HHH", 4, 6 + len(body), 0) + body
    table = struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 1, 12)
    return table + sub


def main():
    f = TTFont(sys.argv[1])
    prep = newTable("prep")
    prep.program = Program()
    prep.program.fromBytecode(bytes([0xB0, 0, 0x21]))
    f["prep"] = prep
    cmap = f.getBestCmap()
    raw = DefaultTable("cmap")
    raw.data = one_segment(cmap, f.getGlyphID)
    f["cmap"] = raw
    f.save(sys.argv[2])
    # read back: the same mapping, through the one segment
    again = TTFont(sys.argv[2]).getBestCmap()
    if again != cmap:
        sys.exit("font_prep: the character map did not survive")


if __name__ == "__main__":
    main()

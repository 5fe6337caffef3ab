"""The metrics `cjmapper.text` measures with, read straight from a TrueType file: advance widths by code point, the
default (missing-glyph) width, ascent and descent, all in 1/1000 em.

The numbers are exactly reportlab's (`reportlab.pdfbase.ttfonts.TTFontFile`: the same cmap subtable chosen, the same
scaling, code points mapped to glyph 0 included, a no-break space as wide as a space), so text measures the same on
screen and in the PDF, which reportlab draws; reading them here keeps reportlab (and its start-up cost) out of the
editor until a poster is drawn. Only what the bundled fonts use is read: cmap formats 4 and 12 (a test compares every
bundled font with reportlab's reading).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class FontFileError(ValueError):
    """A font file this reader cannot read (not TrueType, or a cmap format the bundled fonts do not use)."""


@dataclass(frozen=True)
class FontMetricsTable:
    widths: dict[int, float]
    """Advance width of each code point the font maps, in 1/1000 em."""
    default_width: float
    """The width of glyph 0 (the missing-glyph box)."""
    ascent: float
    descent: float


def read_metrics(path: Path) -> FontMetricsTable:
    """The metrics of the TrueType font in `path`."""
    data = path.read_bytes()
    try:
        return _metrics(data)
    except (struct.error, KeyError, IndexError) as e:
        raise FontFileError(f"{path.name} is not a TrueType font this reader can read ({e}).") from e


def _tables(data: bytes) -> dict[bytes, int]:
    (count,) = struct.unpack_from(">H", data, 4)
    tables: dict[bytes, int] = {}
    for i in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        tables[tag] = offset
    return tables


def _metrics(data: bytes) -> FontMetricsTable:
    tables = _tables(data)
    head = tables[b"head"]
    (units,) = struct.unpack_from(">H", data, head + 18)
    y_min, y_max = struct.unpack_from(">h", data, head + 38)[0], struct.unpack_from(">h", data, head + 42)[0]
    multiplier = 1000 / units
    scale: Callable[[int], float] = (lambda x: x) if units == 1000 else (lambda x: x * multiplier)
    if b"OS/2" in tables:
        ascent, descent = struct.unpack_from(">hh", data, tables[b"OS/2"] + 68)
    else:
        ascent, descent = y_max, y_min
    (metric_count,) = struct.unpack_from(">H", data, tables[b"hhea"] + 34)
    (glyph_count,) = struct.unpack_from(">H", data, tables[b"maxp"] + 4)
    glyph_chars = _glyph_chars(data, tables[b"cmap"])
    widths: dict[int, float] = {}
    hmtx = tables[b"hmtx"]
    advance = 0.0
    default = 0.0
    for glyph in range(glyph_count):
        if glyph < metric_count:
            advance = scale(struct.unpack_from(">H", data, hmtx + 4 * glyph)[0])
            if glyph == 0:
                default = advance
        for char in glyph_chars.get(glyph, ()):
            widths[char] = advance
    if 0x20 in widths:  # as reportlab does: a no-break space is as wide as a space
        widths[0xA0] = widths[0x20]
    elif 0xA0 in widths:
        widths[0x20] = widths[0xA0]
    return FontMetricsTable(widths, default, scale(ascent), scale(descent))


def _glyph_chars(data: bytes, cmap: int) -> dict[int, list[int]]:
    """The code points of each glyph, from the cmap subtable reportlab chooses (the last suitable one listed)."""
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    chosen: int | None = None
    kind = 0
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            kind, chosen = 1, offset
        elif platform == 1 and encoding == 0 and kind != 1:
            kind, chosen = 2, offset
    if chosen is None:
        raise FontFileError("no suitable cmap encoding")
    start = cmap + chosen
    (fmt,) = struct.unpack_from(">H", data, start)
    glyph_chars: dict[int, list[int]] = {}
    if fmt == 4:
        length, _language, seg_count_x2 = struct.unpack_from(">HHH", data, start + 2)
        limit = start + length
        segs = seg_count_x2 // 2
        ends = struct.unpack_from(f">{segs}H", data, start + 14)
        starts = struct.unpack_from(f">{segs}H", data, start + 16 + 2 * segs)
        deltas = struct.unpack_from(f">{segs}h", data, start + 16 + 4 * segs)
        range_start = start + 16 + 6 * segs
        range_offsets = struct.unpack_from(f">{segs}H", data, range_start)
        for n in range(segs):
            for char in range(starts[n], ends[n] + 1):
                if range_offsets[n] == 0:
                    glyph = (char + deltas[n]) & 0xFFFF
                else:
                    at = range_start + 2 * n + (char - starts[n]) * 2 + range_offsets[n]
                    glyph = 0 if at >= limit else struct.unpack_from(">H", data, at)[0]
                    if glyph != 0:
                        glyph = (glyph + deltas[n]) & 0xFFFF
                glyph_chars.setdefault(glyph, []).append(char)
    elif fmt == 12:
        (groups,) = struct.unpack_from(">L", data, start + 12)
        for n in range(groups):
            first, last, first_glyph = struct.unpack_from(">LLL", data, start + 16 + 12 * n)
            for char in range(first, last + 1):
                glyph_chars.setdefault(char + first_glyph - first, []).append(char)
    else:
        raise FontFileError(f"cmap format {fmt}")
    return glyph_chars

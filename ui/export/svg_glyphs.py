"""An SVG picture made self-contained: every glyph carried in the file as an outline, a generic family last.

QSvgGenerator writes each piece of text as one `<text>` naming the canvas' font list (DejaVu Sans, Symbola, Droid
Sans Fallback) and carries none of those fonts: another program drew an emoji or a Chinese word as boxes or nothing,
and without DejaVu Sans all text in a serif font. `self_contained(svg)` rewrites every `<text>` as a group of
- the glyphs' outlines, from the bundled font files the canvas draws with (DejaVu Sans, and for what it lacks Symbola
  and Droid Sans Fallback, chosen per character by `cjmapper.text.font_runs` as the poster chooses them), each
  outline defined once in `<defs>` and placed by a `<use>` at its unkerned advance, as Qt sets it; a fallback font
  without a bold face is emboldened by a stroke as Qt emboldens it;
- the same text, invisible (fill-opacity 0) over them in `'DejaVu Sans', sans-serif`: selectable and searchable in
  a browser, and the words a design tool lists;
and every other font list (Qt's "Sans Serif" of groups without text) becomes `sans-serif`.

Why outlines and not text or embedded fonts: librsvg (rsvg-convert, GNOME) and Inkscape ignore `@font-face` data,
and both kern text (and librsvg ignores per-character positions), so visible text in DejaVu Sans drifted a pixel or
two from cjmapper's PNG even where the font is installed; outlines draw the same in every renderer.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QPainterPath, QRawFont

from cjmapper.resources import resource
from cjmapper.text import FALLBACK_FONTS, font_path, font_runs

FAMILY = "'DejaVu Sans', sans-serif"
"""The font list of the (invisible) text an SVG keeps: the canvas' typeface, then the generic family."""

REFERENCE_SIZE = 100.0
"""The pixel size each glyph's outline is defined at, once per file; every use scales it to its text's size."""

_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_FAMILIES = re.compile(r'font-family="[^"]*"')
_DEFS = "<defs>"
_DEJAVU = {"DejaVuSans": False, "DejaVuSans-Bold": True}
_KEPT = ("font-size", "font-weight", "font-style")
"""The attributes of Qt's `<text>` the invisible text keeps (besides its position)."""


def self_contained(svg: str) -> str:
    """`svg` (QSvgGenerator's output) with its text rewritten as the module's docstring says."""
    glyphs: dict[tuple[str, int], tuple[str, str]] = {}
    body = _TEXT.sub(lambda match: _rewrite(match, glyphs), svg)
    body = _FAMILIES.sub('font-family="sans-serif"', body)
    defs = "".join(f'<path id="{name}" d="{data}"/>' for name, data in glyphs.values())
    return body.replace(_DEFS, _DEFS + "\n" + defs, 1) if defs else body


def _rewrite(match: re.Match[str], glyphs: dict[tuple[str, int], tuple[str, str]]) -> str:
    """One `<text>` as glyph outlines (`<use>`s of `glyphs`' paths, adding new ones) under the same text, invisible."""
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    text = html.unescape(match.group(2))
    try:
        x = float(attributes.get("x", "0"))
        y = float(attributes.get("y", "0"))
        size = float(attributes.get("font-size", "12"))
    except ValueError:
        return match.group(0)
    if not size > 0:
        return ""  # text of no size draws nothing
    bold = int(float(attributes.get("font-weight", "400") or 400)) >= 600
    colour = '"' + attributes.get("fill", "black") + '"'  # values as Qt wrote them: valid XML
    opacity = attributes.get("fill-opacity")
    paint = f" fill={colour}" + ("" if opacity is None else f' fill-opacity="{opacity}"')
    scale = size / REFERENCE_SIZE
    x, y = x / scale, y / scale  # the outlines are placed in a group scaled from the reference size to the text's
    uses: list[str] = []
    for name, characters in font_runs(text, bold):
        font = _raw_font(name, bold)
        stroke = ' stroke="none"'
        if bold and name not in _DEJAVU:  # Qt emboldens a font without a bold face by size / 24 (FreeType's)
            alpha = "" if opacity is None else f' stroke-opacity="{opacity}"'
            width = _number(REFERENCE_SIZE / 24)
            stroke = f' stroke={colour}{alpha} stroke-width="{width}" stroke-linejoin="round"'
        for glyph, advance in _glyphs(name, bold, characters):
            key = (name, glyph)
            if key not in glyphs:
                glyphs[key] = (f"g{len(glyphs)}", _path_data(font.pathForGlyph(glyph)))
            if glyphs[key][1]:
                uses.append(f'<use xlink:href="#{glyphs[key][0]}" x="{_number(x)}" y="{_number(y)}"{stroke}/>')
            x += advance
    kept = "".join(f' {name}="{attributes[name]}"' for name in _KEPT if name in attributes)
    hidden = (
        f'<text x="{attributes.get("x", "0")}" y="{attributes.get("y", "0")}"{kept} font-family="{FAMILY}"'
        f' fill-opacity="0" stroke="none" xml:space="preserve">{match.group(2)}</text>'
    )
    outlines = f'<g transform="scale({_number(scale, 6)})">{"".join(uses)}</g>' if uses else ""
    return f'<g{paint} fill-rule="nonzero">{outlines}{hidden}</g>'


@cache
def _raw_font(name: str, bold: bool) -> QRawFont:
    """The font of a run (`font_runs`' name) at the reference size, unhinted like the canvas' text."""
    path: Path = font_path(bold) if name in _DEJAVU else resource("fonts", dict(FALLBACK_FONTS)[name])
    return QRawFont(str(path), REFERENCE_SIZE, QFont.HintingPreference.PreferNoHinting)


@lru_cache(maxsize=65_536)
def _glyphs(name: str, bold: bool, characters: str) -> tuple[tuple[int, float], ...]:
    """(glyph, advance at the reference size) of each of `characters` in a run's font (cached: maps repeat words)."""
    font = _raw_font(name, bold)
    glyphs = font.glyphIndexesForString(characters)
    advances = font.advancesForGlyphIndexes(glyphs, QRawFont.LayoutFlag.UseDesignMetrics)
    return tuple((glyph, advance.x()) for glyph, advance in zip(glyphs, advances, strict=True))


def _path_data(path: QPainterPath) -> str:
    """SVG path data for a glyph's outline (its origin on the baseline at the left)."""
    out: list[str] = []
    curve: list[str] = []
    kind = QPainterPath.ElementType
    for index in range(path.elementCount()):
        element = path.elementAt(index)
        point = f"{_number(element.x, 2)} {_number(element.y, 2)}"
        if element.type == kind.MoveToElement:
            out.append(f"ZM{point}" if out else f"M{point}")
        elif element.type == kind.LineToElement:
            out.append(f"L{point}")
        elif element.type == kind.CurveToElement:
            curve = [point]
        else:  # CurveToDataElement: the second control point and the end of a cubic curve
            curve.append(point)
            if len(curve) == 3:
                out.append("C" + " ".join(curve))
                curve = []
    return "".join(out) + ("Z" if out else "")


def _number(value: float, decimals: int = 3) -> str:
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text

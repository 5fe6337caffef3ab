"""Fonts, colours and small drawing helpers shared by the canvas items.

Text is set in the bundled DejaVu Sans at pixel sizes equal to the layout's font sizes, with hinting and kerning
off, so Qt draws exactly the lines `cjmapper.layout` wrapped (the layout measures with the same font files).
Colours are `cjmapper.style`'s, chosen for a projector: dark ink on light cards, score colours that read in grey.
The map's items paint in their scene's theme (`ui.canvas.theme`, light or dark); the light colours here are the
poster preview's and a picture's.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import QApplication

from cjmapper import style
from cjmapper.layout import comment_count_text
from cjmapper.model import LaneKind
from cjmapper.text import FONT_FAMILY, fallback_font_paths, font_path

INK = QColor(style.INK)
"""Text on cards and headers."""
SCENE_BACKGROUND = QColor(style.SCENE_BACKGROUND)
GRID_LINE = QColor(style.GRID_LINE)
CELL_BACKGROUND = QColor(style.CELL_BACKGROUND)
CELL_BACKGROUND_ALT = QColor(style.CELL_BACKGROUND_ALT)
HEADER_BACKGROUND = QColor(style.HEADER_BACKGROUND)
LANE_HEADER_BACKGROUND = QColor(style.LANE_HEADER_BACKGROUND)
NO_SCORE = QColor(style.NO_SCORE)
VOTE_DOT = QColor(style.VOTE_DOT)
CURVE_LINE = QColor(style.CURVE_LINE)

SCORE_COLORS: dict[int, QColor] = {score: QColor(value) for score, value in style.SCORE_COLORS.items()}
"""Score badge colours, from dark red (1, a bad moment) to light green (5, a great one); see `cjmapper.style`."""

PHASE_COLORS = style.PHASE_COLORS
LANE_COLORS = style.LANE_COLORS

LOW_DETAIL = 0.4
"""Below this level of detail (zoom) cards draw as plain coloured blocks."""
OVERVIEW_ZOOM = 0.2
"""Below this zoom the cards do not paint themselves: one overview item draws them all as blocks in a few batched
calls (they stay selectable and draggable), so a whole map of thousands of cards repaints in a few milliseconds."""


def tr(text: str) -> str:
    """`text` translated in the canvas' context."""
    return QCoreApplication.translate("JourneyCanvas", text)


_fonts_loaded = False
_families: list[str] = [FONT_FAMILY]


def ensure_fonts() -> None:
    """Register the bundled DejaVu Sans and its fallback fonts with Qt (once; needs a QGuiApplication)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for bold in (False, True):
        QFontDatabase.addApplicationFont(str(font_path(bold)))
    for path in fallback_font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []:
            if family not in _families:
                _families.append(family)
    _fonts_loaded = True


def font_families() -> list[str]:
    """DejaVu Sans, then the bundled fallback families in the order the PDF poster tries them."""
    ensure_fonts()
    return list(_families)


@cache
def canvas_font(size: float, bold: bool = False) -> QFont:
    """DejaVu Sans at `size` scene units (pixels at 100%), unhinted and unkerned like the layout's measurements."""
    font = QFont()
    font.setFamilies(font_families())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@cache
def exact_font(size: float, bold: bool = False) -> tuple[QFont, float]:
    """The font to draw text of `size` scene units in, and the factor to scale the painter by while drawing it.

    Qt sets type in whole pixels only: the 9.5-unit notes, set at 10 pixels, ran 5% wider than the layout measured
    them, into the card's right padding and onto its border. Set at the whole size above and drawn scaled down,
    text is as wide as `cjmapper.text` measured it (and as the poster prints it)."""
    pixels = max(1, math.ceil(size - 1e-6))
    return canvas_font(pixels, bold), size / pixels


@cache
def text_height(size: float, bold: bool = False) -> float:
    """The height of a line of text drawn at `size` scene units (ascent plus descent), as `draw_text` draws it."""
    font, scale = exact_font(size, bold)
    return QFontMetricsF(font).height() * scale


def draw_text(painter: QPainter, x: float, top: float, text: QStaticText, size: float, bold: bool = False) -> None:
    """`text` with its top left at (x, top), exactly `size` scene units large (see `exact_font`)."""
    font, scale = exact_font(size, bold)
    painter.setFont(font)
    if scale == 1.0:
        painter.drawStaticText(QPointF(x, top), text)
        return
    painter.save()
    painter.translate(x, top)
    painter.scale(scale, scale)
    painter.drawStaticText(QPointF(0.0, 0.0), text)
    painter.restore()


def highlight_color() -> QColor:
    """The system's selection colour (the palette's Highlight)."""
    return QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


@cache
def color(value: str) -> QColor:
    """A QColor for "#rrggbb" (cached: cards share a few colours)."""
    return QColor(value)


def lane_color(kind: LaneKind, value: str | None) -> QColor:
    """A lane's colour: its own, else its kind's default."""
    return color(style.lane_color(kind, value))


def phase_color(index: int, value: str | None) -> QColor:
    """A phase's colour: its own, else the default for its place."""
    return color(style.phase_color(index, value))


def tint(base: QColor, amount: float) -> QColor:
    """`base` mixed with white: amount 0 is white, 1 is `base`."""
    return _tint(base.rgb(), amount)


@cache
def _tint(rgb: int, amount: float) -> QColor:
    base = QColor.fromRgb(rgb)
    r, g, b = base.redF(), base.greenF(), base.blueF()
    return QColor.fromRgbF(1 - (1 - r) * amount, 1 - (1 - g) * amount, 1 - (1 - b) * amount)


def shade(base: QColor, amount: float) -> QColor:
    """`base` mixed with black: amount 0 is `base`, 1 is black."""
    return QColor.fromRgbF(base.redF() * (1 - amount), base.greenF() * (1 - amount), base.blueF() * (1 - amount))


def score_color(score: float | None) -> QColor:
    """Red (1) through amber (3) to green (5); an average in between is blended; grey for no score."""
    if score is None:
        return NO_SCORE
    return QColor.fromRgbF(*style.score_rgb(score))


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (`cjmapper.style.ink_on`)."""
    return QColor.fromRgbF(*style.ink_on((background.redF(), background.greenF(), background.blueF())))


def draw_score_badge(
    painter: QPainter, centre: QPointF, radius: float, score: int | None, font: QFont, ring: QColor = NO_SCORE
) -> None:
    """A round badge with the score's digit, filled in its colour with a darker rim; an empty grey ring when there
    is no score (a card sitting in a touchpoints lane: elsewhere an unscored card shows none, see
    `cjmapper.style.shows_score_badge`; `ring`: its colour, the theme's). The curve's dots are these badges too."""
    rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if score is None:
        painter.setPen(QPen(ring, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(0.75, 0.75, -0.75, -0.75))
        return
    fill = SCORE_COLORS.get(score, NO_SCORE)
    painter.setPen(QPen(shade(fill, style.SCORE_RING), 1.0))
    painter.setBrush(fill)
    painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.setPen(text_on(fill))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(score))


def draw_comment_badge(painter: QPainter, rect: QRectF, count: int) -> None:
    """The badge of a card's open comments (`cjmapper.layout.comment_badge`): a violet pill with the number in
    white; nothing for none. The poster draws the same (`cjmapper.poster.draw`)."""
    if count <= 0:
        return
    fill = QColor(style.COMMENT_BADGE_FILL)
    painter.setPen(QPen(shade(fill, style.SCORE_RING), 1.0))
    painter.setBrush(fill)
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(canvas_font(style.COMMENT_FONT_SIZE * rect.height() / style.COMMENT_BADGE, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, comment_count_text(count))


def rounded_rect_path(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path

"""Fonts, colours and small drawing helpers shared by the canvas items.

Text is set in the bundled DejaVu Sans at pixel sizes equal to the layout's font sizes, with hinting and kerning
off, so Qt draws exactly the lines `cjmapper.layout` wrapped (the layout measures with the same font files).
Colours are chosen for a projector: dark ink on light cards, saturated score colours, no thin grey text.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication

from cjmapper.model import SCORE_MAX, SCORE_MIN, LaneKind
from cjmapper.text import FONT_FAMILY, font_path

INK = QColor("#1f2933")
"""Text on cards and headers."""
MUTED_INK = QColor("#4b5563")
"""Secondary text (channel names, figures): still dark enough to read on a projector."""
SCENE_BACKGROUND = QColor("#e9edf2")
GRID_LINE = QColor("#cfd6df")
CELL_BACKGROUND = QColor("#ffffff")
CELL_BACKGROUND_ALT = QColor("#f6f8fa")
HEADER_BACKGROUND = QColor("#fbfcfd")
LANE_HEADER_BACKGROUND = QColor("#f1f4f7")
CARD_BORDER = QColor("#c3ccd6")
NO_SCORE = QColor("#9aa5b1")
VOTE_DOT = QColor("#3056d3")
CURVE_LINE = QColor("#33415c")

SCORE_COLORS: dict[int, QColor] = {
    1: QColor("#d32f2f"),
    2: QColor("#f57c00"),
    3: QColor("#f2b705"),
    4: QColor("#7cb342"),
    5: QColor("#2e7d32"),
}
"""Score badge colours, from red (1, a bad moment) to green (5, a great one)."""

PHASE_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
"""Default phase colours, by the phase's place (Tableau 10)."""

LANE_COLORS: dict[LaneKind, str] = {
    LaneKind.TOUCHPOINTS: "#a0cbe8",
    LaneKind.ACTIONS: "#ffbe7d",
    LaneKind.THOUGHTS: "#f1ce63",
    LaneKind.EMOTIONS: "#b07aa1",
    LaneKind.PAIN_POINTS: "#ff9d9a",
    LaneKind.OPPORTUNITIES: "#8cd17d",
    LaneKind.BACKSTAGE: "#bab0ac",
    LaneKind.NOTES: "#d4a6c8",
}
"""Default lane (and card) colours by lane kind."""

LOW_DETAIL = 0.4
"""Below this level of detail (zoom) cards draw as plain coloured blocks."""
OVERVIEW_ZOOM = 0.2
"""Below this zoom the cards do not paint themselves: one overview item draws them all as blocks in a few batched
calls (they stay selectable and draggable), so a whole map of thousands of cards repaints in a few milliseconds."""


def tr(text: str) -> str:
    """`text` translated in the canvas' context."""
    return QCoreApplication.translate("JourneyCanvas", text)


_fonts_loaded = False


def ensure_fonts() -> None:
    """Register the bundled DejaVu Sans with Qt (once; needs a QGuiApplication)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for bold in (False, True):
        QFontDatabase.addApplicationFont(str(font_path(bold)))
    _fonts_loaded = True


@cache
def canvas_font(size: float, bold: bool = False) -> QFont:
    """DejaVu Sans at `size` scene units (pixels at 100%), unhinted and unkerned like the layout's measurements."""
    ensure_fonts()
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def highlight_color() -> QColor:
    """The system's selection colour (the palette's Highlight)."""
    return QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


@cache
def color(value: str) -> QColor:
    """A QColor for "#rrggbb" (cached: cards share a few colours)."""
    return QColor(value)


def lane_color(kind: LaneKind, value: str | None) -> QColor:
    """A lane's colour: its own, else its kind's default."""
    return color(value or LANE_COLORS.get(kind, "#a0cbe8"))


def phase_color(index: int, value: str | None) -> QColor:
    """A phase's colour: its own, else the default for its place."""
    return color(value or PHASE_COLORS[index % len(PHASE_COLORS)])


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
    clamped = min(max(score, SCORE_MIN), SCORE_MAX)
    low = int(clamped)
    if low >= SCORE_MAX or clamped == low:
        return SCORE_COLORS[low]
    a, b = SCORE_COLORS[low], SCORE_COLORS[low + 1]
    f = clamped - low
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * f,
        a.greenF() + (b.greenF() - a.greenF()) * f,
        a.blueF() + (b.blueF() - a.blueF()) * f,
    )


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF()
    return QColor("#111111") if luminance > 0.6 else QColor("#ffffff")


def draw_score_badge(painter: QPainter, centre: QPointF, radius: float, score: int | None, font: QFont) -> None:
    """A round badge with the score, filled in its colour; an empty grey ring when there is no score."""
    rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if score is None:
        painter.setPen(QPen(NO_SCORE, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(0.75, 0.75, -0.75, -0.75))
        return
    fill = SCORE_COLORS.get(score, NO_SCORE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(rect)
    painter.setPen(text_on(fill))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(score))


def rounded_rect_path(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path

"""The page of a PNG or SVG picture: the canvas' scene between the poster's title block and legend
(`cjmapper.poster.chrome`, drawn here with a QPainter), and the map's words in the journey's language, as the
poster speaks it (`JourneyWords`, which the canvas items ask through `JourneyScene.map_words`).

Page units are scene units (one pixel at 96 dpi). With its chrome a page is the scene rect with the title block
above it and the legend below, inside the scene's margin; without, it is the scene rect alone. The poster's words
come from `cjmapper.poster`, imported with the first picture (it brings reportlab, which the editor does not load
at start).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from cjmapper.i18n import decimal
from cjmapper.layout import Rect
from cjmapper.model import Journey, Language
from cjmapper.style import RGB
from cjmapper.text import FontMetrics

from ..canvas.painting import canvas_font

TEXT_PIXELS = 100
"""Text is set at this pixel size and scaled, so its width is the fractional one the layout measures."""


@dataclass(frozen=True, slots=True)
class PicturePage:
    width: float
    height: float
    map_top: float
    """Where the scene rect's top edge goes on the page."""
    unit: float
    """The measure of the title block's and legend's type (as a poster's hundredth of its short side)."""
    title: Rect | None
    legend: Rect | None
    """None: a picture of the map alone."""
    heat: tuple[str, ...] | None = None
    """The metrics of the heat view's key in the legend, None without the heat view."""


def picture_page(
    journey: Journey,
    width: float,
    height: float,
    margin: float,
    font_size: float,
    chrome: bool,
    heat: tuple[str, ...] | None = None,
) -> PicturePage:
    """The page of a scene rect `width` x `height` with `margin` around the map: with its title block and legend
    (`chrome`; with the heat view's key for the metrics `heat` when given), their type a little larger than the
    cards' and growing with a wide map, or the map alone."""
    if not chrome:
        return PicturePage(width, height, 0.0, 0.0, None, None)
    from cjmapper.poster.chrome import GAP_UNITS, TITLE_UNITS, Legend, height_for

    unit = max(font_size * 1.05, width / 120)
    inner = width - 2 * margin
    title = Rect(margin, margin, inner, TITLE_UNITS * unit)
    map_top = (TITLE_UNITS + GAP_UNITS) * unit
    legend_top = map_top + height - margin + GAP_UNITS * unit
    legend = Rect(margin, legend_top, inner, height_for(Legend(journey, heat).rows(inner, unit), unit))
    # A whole number of units high, as the scene is: a picture's size in pixels then scales with its dpi.
    return PicturePage(width, math.ceil(legend.bottom + margin - 1e-6), map_top, unit, title, legend, heat)


def paint_chrome(painter: QPainter, journey: Journey, page: PicturePage, printed: date) -> None:
    """The title block and the legend, as the poster draws them."""
    if page.title is None or page.legend is None:
        return
    from cjmapper.poster.chrome import Legend, draw_legend, draw_title_block

    ink = PainterInk(painter)
    draw_title_block(ink, journey, page.title, page.unit, printed, None)
    draw_legend(ink, Legend(journey, page.heat), page.legend, page.unit)


def _colour(rgb: RGB) -> QColor:
    return QColor.fromRgbF(*rgb)


class PainterInk:
    """`cjmapper.poster.chrome.Ink` on a QPainter: text in the bundled fonts, lines and circles."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        self._fill = QColor("#000000")
        self._pen = QPen(QColor("#000000"), 1.0)

    def fill(self, colour: RGB) -> None:
        self._fill = _colour(colour)

    def stroke(self, colour: RGB, width: float) -> None:
        self._pen = QPen(_colour(colour), width)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.painter.setPen(self._pen)
        self.painter.drawLine(QLineF(x1, y1, x2, y2))

    def text(self, x: float, baseline: float, text: str, size: float, bold: bool = False) -> float:
        painter = self.painter
        painter.save()
        painter.translate(x, baseline)
        painter.scale(size / TEXT_PIXELS, size / TEXT_PIXELS)
        painter.setFont(canvas_font(TEXT_PIXELS, bold))
        painter.setPen(self._fill)
        painter.drawText(QPointF(0.0, 0.0), text)
        painter.restore()
        return FontMetrics(size, bold).width(text)

    def circle(self, x: float, y: float, radius: float, fill: bool, stroke: bool) -> None:
        painter = self.painter
        painter.setPen(self._pen if stroke else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self._fill) if fill else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(x, y), radius, radius)


class JourneyWords:
    """The map's figures in the journey's language, in the poster's words ("gem. 3,5", "8 contactmomenten")."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def average(self, value: float) -> str:
        from cjmapper.poster.labels import label

        return label("avg", self.language, decimal(value, self.language))

    def touchpoints(self, count: int) -> str:
        from cjmapper.poster.labels import label

        return label("touchpoints_1", self.language) if count == 1 else label("touchpoints_n", self.language, count)

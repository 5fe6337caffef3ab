"""The heat view on the canvas: each phase's cells tinted by how far the phase is from its targets (under the cards)
and each card with answers framed in its own colour with its figure ("CSAT 0.62 / 0.80") on a tab at its top
(over the cards). Both read the scene's layout when they paint, so they follow every change of the map; the colours
and words come from `cjmapper.survey.heat`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjmapper.layout import Layout
from cjmapper.survey.heat import FRAME, TAB_FONT, TAB_HEIGHT, Mark, card_tab, heat_colour

from .items import Z_CARD, Z_CELL
from .painting import canvas_font, text_on

CELL_ALPHA = 170
"""How strongly a phase's colour covers its cells (0-255): the cell keeps a hint of its own."""
CELL_STRENGTH = 0.6
"""A phase's cells take the colour of this share of its heat: lighter than its cards' frames, so the cards stand out
and their text stays easy to read."""


class _HeatItem(QGraphicsItem):
    def __init__(self, layout: Callable[[], Layout], z: float) -> None:
        super().__init__()
        self._layout = layout
        self.cards: dict[int, Mark] = {}
        self.phases: dict[int, Mark] = {}
        self._bounds = QRectF()
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_marks(self, cards: dict[int, Mark], phases: dict[int, Mark]) -> None:
        self.cards, self.phases = cards, phases
        self.refresh()

    def refresh(self) -> None:
        layout = self._layout()
        bounds = QRectF(-TAB_HEIGHT, -TAB_HEIGHT, layout.width + 2 * TAB_HEIGHT, layout.height + 2 * TAB_HEIGHT)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds


class HeatCellsItem(_HeatItem):
    """Each phase's card cells in the phase's heat colour (under the cards)."""

    def __init__(self, layout: Callable[[], Layout]) -> None:
        super().__init__(layout, Z_CELL + 0.5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        for (phase_id, _lane_id), cell in self._layout().cells.items():
            mark = self.phases.get(phase_id)
            if mark is None:
                continue
            r = cell.rect
            rect = QRectF(r.x, r.y, r.width, r.height)
            if rect.intersects(exposed):
                colour = QColor(heat_colour(mark.heat * CELL_STRENGTH))
                colour.setAlpha(CELL_ALPHA)
                painter.fillRect(rect, colour)


class HeatCardsItem(_HeatItem):
    """Each card with answers and a target framed in its colour, its figure on a tab at its top (over the cards)."""

    def __init__(self, layout: Callable[[], Layout]) -> None:
        super().__init__(layout, Z_CARD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        cards = self._layout().cards
        font = canvas_font(TAB_FONT, bold=True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        for card_id, mark in self.cards.items():
            box = cards.get(card_id)
            if box is None:
                continue
            r = box.rect
            rect = QRectF(r.x, r.y, r.width, r.height)
            if not rect.adjusted(-FRAME, -TAB_HEIGHT, FRAME, FRAME).intersects(exposed):
                continue
            colour = QColor(mark.colour)
            painter.setPen(QPen(colour, FRAME, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-FRAME / 2, -FRAME / 2, FRAME / 2, FRAME / 2))
            t = card_tab(r, mark.text)
            tab = QRectF(t.x, t.y, t.width, t.height)
            painter.fillRect(tab, colour)
            painter.setPen(text_on(colour))
            painter.drawText(
                tab,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(mark.text, Qt.TextElideMode.ElideRight, int(t.width - 4)),
            )

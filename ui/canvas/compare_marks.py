"""The marks of a comparison on the canvas: a badge on each card that was added (+), removed (−), moved (>) or
changed (~), in its colour, with an outline round the card; a removed card is shown ghosted.

A mark is a child of its card's item, so it stays on the card wherever the layout puts it (the map flowed to the
window, a fit). The colours differ in lightness as well as hue, and each has its own symbol, so no mark is told by
colour alone.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjmapper.compare import MARK_COLOURS, MARK_SYMBOLS, CardKind, Comparison

from .items import CardItem
from .painting import canvas_font
from .scene import JourneyScene

GHOST_OPACITY = 0.4
"""A removed card's opacity: there to see where it was, clearly not there any more."""
RADIUS = 14.0
Side = Literal["one map", "before", "after"]


class CompareMark(QGraphicsItem):
    """The badge and outline on one card."""

    def __init__(self, kind: CardKind, card: CardItem, tooltip: str) -> None:
        super().__init__(card)
        self.kind = kind
        self.card_rect = QRectF(0.0, 0.0, card.box.rect.width, card.box.rect.height)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if kind == "removed":
            card.setOpacity(GHOST_OPACITY)
            # a child follows its parent's opacity unless told not to: the badge stays clear on the ghost
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)

    def centre(self) -> QPointF:
        return QPointF(self.card_rect.right() - 2.0, self.card_rect.top() + 2.0)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        grow = RADIUS + 2.0
        return self.card_rect.adjusted(-3.0, -grow, grow, 3.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = QColor(MARK_COLOURS[self.kind])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPen(colour, 2.5, Qt.PenStyle.DashLine if self.kind == "removed" else Qt.PenStyle.SolidLine)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.card_rect.adjusted(-1.5, -1.5, 1.5, 1.5), 4.0, 4.0)
        centre = self.centre()
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(centre, RADIUS, RADIUS)
        painter.setFont(canvas_font(RADIUS * (2.0 if self.kind == "changed" else 1.6), bold=True))
        painter.setPen(QColor("white"))
        box = QRectF(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, MARK_SYMBOLS[self.kind])


def mark_cards(
    scene: JourneyScene, comparison: Comparison, tooltips: dict[int, str], side: Side = "one map"
) -> dict[int, CompareMark]:
    """Put a mark on each card `comparison` names that `scene` shows; returns them by card id. `side`: what the
    scene shows: "one map" (`compare.shown_journey(comparison)`: a removed card by its id from before, the others by
    their ids after), "before" or "after" (that version alone, its cards by its own ids). `tooltips`: each card's
    differences in words, by its id on the one map."""
    marks: dict[int, CompareMark] = {}
    for difference in comparison.cards:
        shown = difference.card if side == "one map" else difference.before if side == "before" else difference.after
        if shown is None:
            continue
        item = scene.card_item(shown.id)
        if item is not None:
            marks[shown.id] = CompareMark(difference.kind, item, tooltips.get(difference.card.id, ""))
    return marks

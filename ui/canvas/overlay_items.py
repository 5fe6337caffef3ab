"""Items drawn over the map while working on it: `OverviewItem` (all cards as blocks when far zoomed out),
`DropIndicatorItem` (where a dragged card or header will land) and `TargetFrameItem` (the cell a drag would drop
into)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from .items import (
    Z_CARD,
    Z_INDICATOR,
)  # fmt: skip
from .painting import (
    highlight_color,
)


class TargetFrameItem(QGraphicsRectItem):
    """Marks the cell a drag would drop into: a line in the selection colour along its top and bottom, and short
    corner pieces down the sides. Made of thin strip items, so moving it to another cell repaints only the strips
    (full-height side lines would repaint a whole column of cards in a tall cell)."""

    WIDTH = 2.0
    CORNER = 18.0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_INDICATOR - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.strips = [QGraphicsRectItem(self) for _ in range(6)]
        for strip in self.strips:
            strip.setPen(Qt.PenStyle.NoPen)
            strip.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.frame = QRectF()
        self.hide()

    def show_frame(self, rect: QRectF) -> None:
        if rect != self.frame:
            self.frame = QRectF(rect)
            w = self.WIDTH
            r = rect.adjusted(1, 1, -1, -1)
            side = min(self.CORNER, r.height() / 2)
            pieces = (
                QRectF(r.left(), r.top(), r.width(), w),
                QRectF(r.left(), r.bottom() - w, r.width(), w),
                QRectF(r.left(), r.top(), w, side),
                QRectF(r.right() - w, r.top(), w, side),
                QRectF(r.left(), r.bottom() - side, w, side),
                QRectF(r.right() - w, r.bottom() - side, w, side),
            )
            brush = QBrush(highlight_color())
            for strip, piece in zip(self.strips, pieces, strict=True):
                strip.setRect(piece)
                strip.setBrush(brush)
        if not self.isVisible():
            self.show()


Blocks = list[tuple[QColor, list[QRectF]]]
"""Rects to fill, grouped by colour."""

OVERVIEW_TILE = 1024.0
"""The overview keeps its blocks in square tiles of this many scene units, so a paint draws only the tiles it
exposes."""


class OverviewItem(QGraphicsItem):
    """All cards as plain blocks (colour, score strip, selection outline) in a few batched draw calls; shown instead
    of the cards' own painting when zoomed out below `OVERVIEW_ZOOM`. A paint draws only the tiles of blocks that
    meet the exposed area (a big map zoomed to fit shows a small part of it)."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._tiles: dict[tuple[int, int], tuple[Blocks, Blocks]] = {}
        self._selected: list[QRectF] = []
        self.setZValue(Z_CARD - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for option.exposedRect
        # Kept as pixels at the view's zoom (Qt caches only the part in view): a map that fills the window at fit
        # repaints 50,000 blocks in 5 ms, not 60 ms; a change of cards or selection draws them again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.hide()

    def set_blocks(self, bounds: QRectF, fills: Blocks, scores: Blocks) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        tiles: dict[
            tuple[int, int], tuple[dict[int, tuple[QColor, list[QRectF]]], dict[int, tuple[QColor, list[QRectF]]]]
        ]
        tiles = {}
        for slot, blocks in ((0, fills), (1, scores)):
            for colour, rects in blocks:
                key = colour.rgba()
                for rect in rects:
                    tile = (int(rect.x() // OVERVIEW_TILE), int(rect.y() // OVERVIEW_TILE))
                    groups = tiles.get(tile)
                    if groups is None:
                        groups = tiles[tile] = ({}, {})
                    group = groups[slot].get(key)
                    if group is None:
                        group = groups[slot][key] = (colour, [])
                    group[1].append(rect)
        self._tiles = {tile: (list(f.values()), list(s.values())) for tile, (f, s) in tiles.items()}
        self.update()

    def set_selected(self, rects: list[QRectF]) -> None:
        if rects or self._selected:
            self._selected = rects
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        # A block belongs to the tile of its top left corner and reaches at most one card into the next tiles.
        reach = 2 * OVERVIEW_TILE
        left = int((exposed.left() - reach) // OVERVIEW_TILE)
        right = int(exposed.right() // OVERVIEW_TILE)
        top = int((exposed.top() - reach) // OVERVIEW_TILE)
        bottom = int(exposed.bottom() // OVERVIEW_TILE)
        shown = [
            groups for tile, groups in self._tiles.items() if left <= tile[0] <= right and top <= tile[1] <= bottom
        ]
        painter.setPen(Qt.PenStyle.NoPen)
        for slot in (0, 1):  # every fill under every score strip
            for groups in shown:
                for colour, rects in groups[slot]:
                    painter.setBrush(colour)
                    painter.drawRects(rects)
        if self._selected:
            pen = QPen(highlight_color(), 2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._selected)


class DropIndicatorItem(QGraphicsItem):
    """A thick line in the selection colour where dragged cards (or a dragged header) will land."""

    def __init__(self) -> None:
        super().__init__()
        self._line = QLineF()
        self._bounds = QRectF()
        self.setZValue(Z_INDICATOR)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    @property
    def line(self) -> QLineF:
        return QLineF(self._line)

    def show_line(self, p1: QPointF, p2: QPointF) -> None:
        line = QLineF(p1, p2)
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line
            self._bounds = QRectF(p1, p2).normalized().adjusted(-6, -6, 6, 6)
        if not self.isVisible():
            self.show()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = highlight_color()
        pen = QPen(colour, 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(self._line)
        painter.setPen(QPen(colour, 2.0))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawEllipse(self._line.p1(), 4.0, 4.0)
        painter.drawEllipse(self._line.p2(), 4.0, 4.0)

"""Dragging on the canvas: cards to a cell (or another place in theirs), phase and lane headers to a new place.

During a drag only item positions and the drop indicator change: no layout is computed and nothing is written.
On release the whole drag is one edit (`move_touchpoints`, `move_phase`, `move_lane`), so one undo step; Esc
puts everything back and writes nothing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF

from cjmapper.hit_test import cell_at, drop_index, slot_after
from cjmapper.layout import CellBox, Layout

from .grid_items import LaneHeaderItem, PhaseHeaderItem
from .items import Z_CARD, Z_DRAGGED, Z_HEADER, CardItem, LaneRowItem


class DragHost(Protocol):
    """What a drag asks of the scene (`JourneyScene`): the layout, to show where the drag would land, and to let
    a dragged card paint itself."""

    @property
    def layout(self) -> Layout: ...

    def show_drop(self, cell: CellBox | None, line: tuple[QPointF, QPointF] | None = None) -> None: ...
    def update_card_painting(self, item: CardItem) -> None: ...


DRAGGED_OPACITY = 0.82
"""Dragged cards are slightly see-through, so the drop indicator and the cards under them stay readable."""


def cell_order_after(cell: CellBox, moving: list[int], index: int) -> list[int]:
    """The cell's card ids after `moving` (in this order) land at `index` among its other cards."""
    moving_set = set(moving)
    others = [card_id for card_id in cell.card_ids if card_id not in moving_set]
    return others[:index] + moving + others[index:]


def card_drop_line(layout: Layout, cell: CellBox, index: int, moving: frozenset[int]) -> tuple[QPointF, QPointF]:
    """The line where cards dropped at `index` (among the cell's other cards) will land: along the top of the
    place the first of them takes (in its card column), half a gap above it."""
    m = layout.metrics
    others = [card_id for card_id in cell.card_ids if card_id not in moving]
    x, y = slot_after(layout, cell, others[:index])
    y -= m.card_gap / 2
    return QPointF(x, y), QPointF(x + m.card_width, y)


class CardDrag:
    """One drag of one or more selected cards. The items follow the pointer; `target` is where they would land."""

    def __init__(self, scene: DragHost, items: list[CardItem], press: QPointF) -> None:
        self.scene = scene
        self.items = items
        self.ids = [item.touchpoint_id for item in items]
        self.moving = frozenset(self.ids)
        self.press = QPointF(press)
        self.origins = [(item.pos().x(), item.pos().y()) for item in items]
        self.target: tuple[CellBox, int] | None = None
        for item in items:
            row = item.parentItem()
            if isinstance(row, LaneRowItem):  # the card passes over the other lanes' cards, anywhere on the map
                row.setZValue(Z_DRAGGED)
                row.set_everywhere(True)
            item.dragging = True
            item.setZValue(Z_DRAGGED)
            item.setOpacity(DRAGGED_OPACITY)
            scene.update_card_painting(item)
            item.update()

    def move(self, pos: QPointF) -> None:
        """One step: move the dragged items with the pointer and show where they would land."""
        x, y = pos.x(), pos.y()
        dx, dy = x - self.press.x(), y - self.press.y()
        for item, (ox, oy) in zip(self.items, self.origins, strict=True):
            item.setPos(ox + dx, oy + dy)
        layout = self.scene.layout
        cell = cell_at(layout, x, y)
        if cell is None:
            self.target = None
            self.scene.show_drop(None)
            return
        index = drop_index(layout, cell, x, y, self.moving)
        if self.target is None or self.target[0] is not cell or self.target[1] != index:
            self.target = (cell, index)
            self.scene.show_drop(cell, card_drop_line(layout, cell, index, self.moving))

    def changes_anything(self) -> bool:
        """Whether dropping on the current target would change the map."""
        if self.target is None:
            return False
        cell, index = self.target
        if any(self.scene.layout.cards[card_id].phase_id != cell.phase_id for card_id in self.ids):
            return True
        if any(self.scene.layout.cards[card_id].lane_id != cell.lane_id for card_id in self.ids):
            return True
        return cell_order_after(cell, self.ids, index) != list(cell.card_ids)

    def restore(self) -> None:
        """Put the items back where they were (cancel, or a drop that changed nothing)."""
        for item, (ox, oy) in zip(self.items, self.origins, strict=True):
            item.setPos(ox, oy)
        self.release_items()

    def release_items(self) -> None:
        for item in self.items:
            row = item.parentItem()
            if isinstance(row, LaneRowItem):
                row.setZValue(Z_CARD)
                row.set_everywhere(False)
            item.dragging = False
            item.setZValue(Z_CARD)
            item.setOpacity(1.0)
            self.scene.update_card_painting(item)
            item.update()
        self.scene.show_drop(None)


class HeaderDrag:
    """Dragging a phase header left/right or a lane header up/down to reorder."""

    def __init__(self, scene: DragHost, item: PhaseHeaderItem | LaneHeaderItem, press: QPointF) -> None:
        self.scene = scene
        self.item = item
        self.press = QPointF(press)
        self.origin = QPointF(item.pos())
        self.index = item.box.index
        self.target = self.index
        item.setZValue(Z_DRAGGED)
        item.setOpacity(0.85)

    @property
    def is_phase(self) -> bool:
        return isinstance(self.item, PhaseHeaderItem)

    def move(self, pos: QPointF) -> None:
        layout = self.scene.layout
        if isinstance(self.item, PhaseHeaderItem):
            self.item.setPos(self.origin.x() + pos.x() - self.press.x(), self.origin.y())
            others = [p.header for p in layout.phases if p.phase_id != self.item.item_id]
            self.target = sum(1 for r in others if r.x + r.width / 2 < pos.x())
            if not others:
                return
            x = others[self.target].x if self.target < len(others) else others[-1].right
            self.scene.show_drop(None, (QPointF(x, 0.0), QPointF(x, layout.height)))
        else:
            self.item.setPos(self.origin.x(), self.origin.y() + pos.y() - self.press.y())
            rows = [lane.header for lane in layout.lanes if lane.lane_id != self.item.item_id]
            self.target = sum(1 for r in rows if r.y + r.height / 2 < pos.y())
            if not rows:
                return
            y = rows[self.target].y if self.target < len(rows) else rows[-1].bottom
            self.scene.show_drop(None, (QPointF(0.0, y), QPointF(layout.width, y)))

    def restore(self) -> None:
        self.item.setPos(self.origin)
        self.release_item()

    def release_item(self) -> None:
        self.item.setZValue(Z_HEADER)
        self.item.setOpacity(1.0)
        self.scene.show_drop(None)

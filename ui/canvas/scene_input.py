"""The scene's mouse and keys: dragging cards and headers, the canvas keys (see `_handle_key`), the arrow keys that move
the selection or the selected cards, clicks and double-clicks, and channels dropped from the palette."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from cjmapper.hit_test import cell_at, drop_index

from ..mime import CHANNEL_MIME
from .card_images import attach_mime, card_at, carries_image
from .drag import CardDrag, HeaderDrag
from .grid_items import CellItem, LaneHeaderItem, PhaseHeaderItem
from .items import CardItem, HeaderItem, LaneRowItem
from .scene_base import Direction, SceneBase

_ARROWS: dict[int, Direction] = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}


class SceneInput(SceneBase):
    """Mouse, keys and drops on the scene."""

    _drag_channel: str | None = None
    """The channel a drag over the map carries (read once, on entering)."""
    _drag_image: bool = False
    """Whether a drag over the map carries a photo (read once, on entering)."""

    # ------------------------------------------------------------------ card drag (called by CardItem)

    def card_pressed(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_cancelled = False
        self._current = item.touchpoint_id
        self.focus_view()

    def card_dragged(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton or self._drag_cancelled or self._editor.active:
            return
        if self._card_drag is None:
            press = event.buttonDownScenePos(Qt.MouseButton.LeftButton)
            distance = (event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            if not item.isSelected():
                self.select_ids([item.touchpoint_id])
            items = [self._cards[i] for i in self.selected_ids()]
            self._card_drag = CardDrag(self, items, press)
            for view in self.views():
                view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self._card_drag.move(event.scenePos())

    def continue_drag(self, scene_pos: QPointF) -> None:
        """Move the card or header drag in progress to `scene_pos` (the view calls this while it autoscrolls)."""
        if self._card_drag is not None:
            self._card_drag.move(scene_pos)
        elif self._header_drag is not None:
            self._header_drag.move(scene_pos)

    def card_released(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> bool:
        """End a drag: True when the release belonged to a drag (or a cancelled one)."""
        if self._drag_cancelled:
            self._drag_cancelled = False
            return True
        drag = self._card_drag
        if drag is None:
            return False
        self._card_drag = None
        self._unset_cursor()
        if drag.target is None or not drag.changes_anything():
            drag.restore()
            return True
        cell, index = drag.target
        drag.release_items()
        if not self.document.move_touchpoints(drag.ids, cell.phase_id, cell.lane_id, index):
            for moved, (ox, oy) in zip(drag.items, drag.origins, strict=True):
                if moved.scene() is self:
                    moved.setPos(ox, oy)
        return True

    def _cancel_card_drag(self) -> None:
        drag = self._card_drag
        if drag is not None:
            self._card_drag = None
            self._drag_cancelled = True
            drag.restore()
            self._unset_cursor()

    def cancel_drag(self) -> bool:
        """Cancel a card or header drag in progress (Esc): everything goes back, nothing is written."""
        if self._card_drag is not None:
            self._cancel_card_drag()
            return True
        if self._header_drag is not None:
            self._cancel_header_drag()
            return True
        return False

    # ------------------------------------------------------------------ header drag (called by the header items)

    def header_pressed(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_cancelled = False
        self._refused_drag = False
        self.focus_view()

    def header_dragged(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton or self._drag_cancelled or self._editor.active:
            return
        if self._header_drag is None:
            distance = (event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            if self.structure_locked:
                if not self._refused_drag:  # one message per press
                    self._refused_drag = True
                    self._refuse_locked()
                return
            assert isinstance(item, PhaseHeaderItem | LaneHeaderItem)
            self._header_drag = HeaderDrag(self, item, event.buttonDownScenePos(Qt.MouseButton.LeftButton))
            item.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._header_drag.move(event.scenePos())

    def header_released(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None:
        item.setCursor(Qt.CursorShape.OpenHandCursor)
        if self._drag_cancelled:
            self._drag_cancelled = False
            return
        drag = self._header_drag
        if drag is None:
            return
        self._header_drag = None
        if drag.target == drag.index:
            drag.restore()
            return
        drag.release_item()
        if isinstance(drag.item, PhaseHeaderItem):
            done = self.document.move_phase(drag.item.item_id, drag.target)
        else:
            done = self.document.move_lane(drag.item.item_id, drag.target)
        if not done and drag.item.scene() is self:
            drag.item.setPos(drag.origin)

    def _cancel_header_drag(self) -> None:
        drag = self._header_drag
        if drag is not None:
            self._header_drag = None
            self._drag_cancelled = True
            drag.restore()

    # ------------------------------------------------------------------ keyboard navigation and moves

    def _cell_ids(self, phase_id: int, lane_id: int) -> tuple[int, ...]:
        cell = self._layout.cells.get((phase_id, lane_id))
        return cell.card_ids if cell is not None else ()

    def _anchor(self) -> int | None:
        selected = self.selected_ids()
        if self._current in selected:
            return self._current
        return selected[0] if selected else None

    @property
    def current_card(self) -> int | None:
        """The selected card the arrow keys move from (and a screen reader is on), or None."""
        return self._anchor()

    def select_neighbour(self, direction: Direction) -> int | None:
        """Select the card next to the current one: up/down in its cell (then the card lanes above or below),
        left/right in the same lane of the neighbouring phases. With nothing selected, the first card."""
        layout = self._layout
        anchor = self._anchor()
        if anchor is None:
            first = next(
                (cell.card_ids[0] for p in layout.phases for lane in layout.lanes
                 if (cell := layout.cells.get((p.phase_id, lane.lane_id))) is not None and cell.card_ids),
                None,
            )  # fmt: skip
            if first is not None:
                self.select_ids([first])
            return first
        box = layout.cards[anchor]
        phase_order = [p.phase_id for p in layout.phases]
        lane_order = [lane.lane_id for lane in layout.lanes if (box.phase_id, lane.lane_id) in layout.cells]
        target: int | None = None
        if direction in ("up", "down"):
            ids = self._cell_ids(box.phase_id, box.lane_id)
            step = -1 if direction == "up" else 1
            if 0 <= box.index + step < len(ids):
                target = ids[box.index + step]
            else:
                at = lane_order.index(box.lane_id) + step
                while 0 <= at < len(lane_order) and target is None:
                    other = self._cell_ids(box.phase_id, lane_order[at])
                    if other:
                        target = other[-1] if step < 0 else other[0]
                    at += step
        else:
            step = -1 if direction == "left" else 1
            at = phase_order.index(box.phase_id) + step
            while 0 <= at < len(phase_order) and target is None:
                other = self._cell_ids(phase_order[at], box.lane_id)
                if other:
                    target = other[min(box.index, len(other) - 1)]
                at += step
        if target is not None:
            self.select_ids([target])
        return target

    def move_selection(self, direction: Direction) -> bool:
        """Alt+arrows: move the selected cards one place up/down in their cell, or to the same lane of the
        neighbouring phase (left/right). All selected cards must share a cell; else the current card moves."""
        layout = self._layout
        ids = self.selected_ids()
        if not ids:
            return False
        cells = {(layout.cards[i].phase_id, layout.cards[i].lane_id) for i in ids}
        if len(cells) > 1:
            anchor = self._anchor()
            assert anchor is not None
            ids = [anchor]
        first = layout.cards[ids[0]]
        cell_ids = self._cell_ids(first.phase_id, first.lane_id)
        others = [i for i in cell_ids if i not in set(ids)]
        above = sum(1 for i in cell_ids[: first.index] if i not in set(ids))
        if direction in ("up", "down"):
            index = above - 1 if direction == "up" else above + 1
            if not 0 <= index <= len(others):
                return False
            return self.document.move_touchpoints(ids, first.phase_id, first.lane_id, index)
        phase_order = [p.phase_id for p in layout.phases]
        at = phase_order.index(first.phase_id) + (-1 if direction == "left" else 1)
        if not 0 <= at < len(phase_order):
            return False
        target = self._cell_ids(phase_order[at], first.lane_id)
        return self.document.move_touchpoints(ids, phase_order[at], first.lane_id, min(first.index, len(target)))

    # ------------------------------------------------------------------ events

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._editor.active:
            super().keyPressEvent(event)
            return
        if self._handle_key(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def handles_key(self, event: QKeyEvent) -> bool:
        """Whether the canvas has a use for this key (the view then takes it before any shortcut)."""
        return self._handle_key(event, dry_run=True)

    def _handle_key(self, event: QKeyEvent, dry_run: bool = False) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        none = mods == Qt.KeyboardModifier.NoModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        alt = mods == Qt.KeyboardModifier.AltModifier
        # Quick capture (when on and no card is selected) takes the arrows, Enter, Esc and typing first.
        action: Callable[[], object] | None = self._capture.key_action(event)
        if action is not None:
            pass
        elif key == Qt.Key.Key_Escape and none:
            action = self._escape
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and none:
            action = self.delete_selection
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and none:
            action = self._edit_current
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
            action = self._new_card_after_current
        elif event.matches(QKeySequence.StandardKey.Copy):
            action = self.copy_selection
        elif event.matches(QKeySequence.StandardKey.Cut):
            action = self.cut_selection
        elif event.matches(QKeySequence.StandardKey.Paste):
            action = self.paste
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            action = self._select_all
        elif key == Qt.Key.Key_D and ctrl:
            action = self.duplicate_selection
        elif key in _ARROWS and (none or alt):
            direction = _ARROWS[key]
            if alt:

                def action() -> object:
                    return self.move_selection(direction)
            else:

                def action() -> object:
                    return self.select_neighbour(direction)

        if action is None:
            return False
        if not dry_run:
            if self.dragging:
                if key == Qt.Key.Key_Escape:
                    self.cancel_drag()
                return True
            action()
        return True

    def _escape(self) -> None:
        if not self.cancel_drag():
            self.clearSelection()

    def _edit_current(self) -> None:
        anchor = self._anchor()
        if anchor is not None:
            self.edit_title(anchor)

    def _new_card_after_current(self) -> None:
        anchor = self._anchor()
        if anchor is not None:
            box = self._layout.cards[anchor]
            self.new_card_in(box.phase_id, box.lane_id, box.index + 1)
        else:
            target = self.paste_target()
            if target is not None:
                self.new_card_in(*target)

    def _select_all(self) -> None:
        self.select_ids(sorted(self._layout.cards, key=self._order_key))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._pointer = event.scenePos()
        super().mouseMoveEvent(event)

    def pointer_left(self) -> None:
        """The pointer left the view: pastes go to the selection's cell again."""
        self._pointer = None

    def _card_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Offer a press on a card to `card_click_handler`; True when it took it."""
        handler = self.card_click_handler
        if handler is None or self._editor.active:
            return False
        card = next((i for i in self.items(event.scenePos()) if isinstance(i, CardItem)), None)
        if card is None or not handler(card.touchpoint_id, event.button(), event.modifiers()):
            return False
        event.accept()
        return True

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        if self.card_click_handler is not None and any(isinstance(i, CardItem) for i in self.items(event.scenePos())):
            event.accept()  # the right-click was a card click (dot voting): no menu
            return
        super().contextMenuEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._pointer = event.scenePos()
        if self._card_click(event):
            return
        if self._editor.active and not self._editor.sceneBoundingRect().contains(event.scenePos()):
            self._editor.commit()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._card_click(event):  # a quick second click on a card is one more click
            return
        if self.card_click_handler is not None:  # while voting, a double-click beside the cards adds no card
            event.accept()
            return
        pos = event.scenePos()
        top = next((i for i in self.items(pos) if not isinstance(i, LaneRowItem)), None)  # rows hold, not show
        if event.button() == Qt.MouseButton.LeftButton and (top is None or isinstance(top, CellItem)):
            cell = cell_at(self._layout, pos.x(), pos.y())
            if cell is not None:
                self.new_card_in(cell.phase_id, cell.lane_id, drop_index(self._layout, cell, pos.x(), pos.y()))
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    # ------------------------------------------------------------------ palette drops

    @staticmethod
    def _channel_of(event: QGraphicsSceneDragDropEvent) -> str | None:
        data = event.mimeData()
        if data is None or not data.hasFormat(CHANNEL_MIME):
            return None
        try:
            text = bytes(data.data(CHANNEL_MIME).data()).decode("utf-8")
        except UnicodeDecodeError:
            return None
        return text if text.strip() else None

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802 - Qt's name
        self._drag_channel = self._channel_of(event)
        self._drag_image = self._drag_channel is None and carries_image(event.mimeData())
        if self._drag_channel is None and not self._drag_image:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802 - Qt's name
        """Over the map: a channel shows where its card lands, a photo is taken by a card only. What is dragged was
        read on entering (`dragEnterEvent`), not on every move: an image's bytes are not copied again each time."""
        pos = event.scenePos()
        if self._drag_channel is None:  # a photo: onto a card only
            card_id = card_at(self._layout, pos.x(), pos.y()) if self._drag_image else None
            event.setAccepted(card_id is not None)
            if card_id is not None:
                event.setDropAction(Qt.DropAction.CopyAction)
            return
        cell = cell_at(self._layout, pos.x(), pos.y())
        if cell is None:
            self.show_drop(None)
            event.ignore()
            return
        from .drag import card_drop_line

        index = drop_index(self._layout, cell, pos.x(), pos.y())
        self.show_drop(cell, card_drop_line(self._layout, cell, index, frozenset()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802 - Qt's name
        self.show_drop(None)
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802 - Qt's name
        self.show_drop(None)
        text = self._channel_of(event)
        pos = event.scenePos()
        if text is None and (card_id := card_at(self._layout, pos.x(), pos.y())) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.focus_view()
            attach_mime(self.document, card_id, event.mimeData())
            return
        cell = cell_at(self._layout, pos.x(), pos.y())
        if text is None or cell is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.focus_view()
        self.add_channel_card(text, cell.phase_id, cell.lane_id, drop_index(self._layout, cell, pos.x(), pos.y()))

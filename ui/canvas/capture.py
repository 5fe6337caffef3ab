"""Quick capture: cards typed into a cell one after another, without the mouse.

With capture on (`QuickCapture.enabled`: always in workshop mode, else Journey › Quick Capture) and no card
selected, the arrow keys choose a cell, drawn with a thick frame in the highlight colour. Typing a character starts
a new card at the end of that cell with the character already typed (the scene's inline editor, over the place the
card will take); Enter saves it (one undo step) and starts the next one in the same cell at once; Enter on an empty
card or Esc stops (what is being typed is dropped: nothing is written, no undo step). Clicking elsewhere keeps what
was typed. Esc again hides the frame. With a card selected the arrows keep their meaning (select a neighbour).

Nothing is written to the library until Enter: the card being typed is only the editor, so a dropped card leaves
no trace in the file or the undo history.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from cjmapper.layout import CellBox, Layout, Metrics
from cjmapper.model import MAX_TITLE

from ..editing.document import JourneyDocument
from .editing import InlineEditor
from .items import Z_CELL, qrect
from .painting import canvas_font, highlight_color, tr


class CaptureHost(Protocol):
    """What quick capture asks of the scene (`JourneyScene`): the layout and sizes, the inline editor, the document
    to add cards to, the selection and views, and keyboard focus for the editor."""

    @property
    def layout(self) -> Layout: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def editor(self) -> InlineEditor: ...
    @property
    def document(self) -> JourneyDocument: ...

    def selected_ids(self) -> list[int]: ...
    def selectedItems(self) -> list[QGraphicsItem]: ...  # noqa: N802 - Qt's name
    def clearSelection(self) -> None: ...  # noqa: N802 - Qt's name
    def addItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 - Qt's name
    def views(self) -> list[QGraphicsView]: ...
    def focus_view(self) -> None: ...
    def activate_for_keys(self) -> None: ...


Cell = tuple[int, int]
"""(phase id, lane id) of a card cell."""

TARGET = ("capture", 0)
"""The inline editor's target while it types a captured card."""

FRAME_PIXELS = 4.0
"""The frame's thickness on screen, whatever the zoom."""

_ARROWS: dict[int, str] = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}
_NO_TEXT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class CaptureFrameItem(QGraphicsRectItem):
    """The capture cell: a light wash of the highlight colour, a thick frame in it, and a hint in the free room at
    the bottom of the cell. Lies under the cards (they stay readable) and takes no mouse buttons. It also watches
    the inline editor's keys for the capture (as the editor's scene event filter)."""

    def __init__(self, capture: QuickCapture) -> None:
        super().__init__()
        self.capture = capture
        self.hint = ""
        self.hint_size = 11.0
        self.hint_room = 28.0
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_CELL + 2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def set_cell(self, rect: QRectF, hint_size: float, hint_room: float) -> None:
        if rect != self.rect():
            self.setRect(rect)
        self.hint_size = hint_size
        self.hint_room = hint_room
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.rect()
        colour = highlight_color()
        wash = QColor(colour)
        wash.setAlpha(30)
        painter.fillRect(rect, wash)
        scale = max(painter.worldTransform().m11(), 0.01)
        width = FRAME_PIXELS / scale  # scene units for a fixed width on screen, drawn inside the cell
        pen = QPen(colour, width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        if self.hint and scale * self.hint_size >= 7:
            painter.setFont(canvas_font(self.hint_size, bold=True))
            painter.setPen(colour)
            room = QRectF(rect.left() + 2 * width + 6, rect.bottom() - self.hint_room, rect.width() - 4 * width - 12, 0)
            room.setBottom(rect.bottom() - width)
            painter.drawText(room, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.hint)

    def sceneEventFilter(self, watched: QGraphicsItem, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self.capture.editor_key(event)
        return False


class QuickCapture:
    """The quick capture of one scene (see the module's doc). The scene makes it and hands it its keys."""

    def __init__(self, scene: CaptureHost) -> None:
        self.scene = scene
        self.enabled = False
        """Whether arrows (with nothing selected) choose a capture cell and typing starts a card in it."""
        self.cell: Cell | None = None
        """The capture cell, framed; None when hidden."""
        self.typing = False
        """Whether a captured card is being typed (in the scene's editor)."""
        self.captured = 0
        """Cards saved by capture in this scene (for the status bar and tests)."""
        self._last_cell: Cell | None = None
        self._restarting = False
        self.frame = CaptureFrameItem(self)
        scene.addItem(self.frame)
        scene.editor.installSceneEventFilter(self.frame)

    # ------------------------------------------------------------------ state

    def set_enabled(self, on: bool) -> None:
        """Turn capture on or off; off stops typing (dropping the card being typed) and hides the frame."""
        if on == self.enabled:
            return
        self.enabled = on
        if not on:
            if self.typing:
                self.scene.editor.cancel()
            self.hide()

    def begin(self) -> None:
        """Turn capture on and frame a cell at once (the selection is cleared, so arrows and typing capture)."""
        self.set_enabled(True)
        self.scene.clearSelection()
        if self.cell is None:
            self.show(self.start_cell())

    def show(self, cell: Cell | None, *, scroll: bool = True) -> None:
        """Frame `cell` (None hides the frame) and scroll it into view."""
        if cell is None or cell not in self.scene.layout.cells:
            self.hide()
            return
        self.cell = cell
        self._last_cell = cell
        self._place_frame()
        self.frame.show()
        if not scroll:
            return
        box = self.scene.layout.cells[cell]
        top = QRectF(box.rect.x, box.rect.y, box.rect.width, min(box.rect.height, 160.0 * self._scale()))
        for view in self.scene.views():
            view.ensureVisible(top, 24, 24)

    def hide(self) -> None:
        self.cell = None
        self.frame.hide()

    def _scale(self) -> float:
        return self.scene.metrics.font_size / 11.0

    def _place_frame(self) -> None:
        if self.cell is None:
            return
        box = self.scene.layout.cells[self.cell]
        m = self.scene.metrics
        self.frame.hint = "" if self.typing else tr("Type to add a card")
        self.frame.set_cell(qrect(box.rect), m.note_font_size + 1, m.drop_room + m.cell_padding)

    def start_cell(self) -> Cell | None:
        """Where capture starts: the last capture cell or selected card's cell, else the cell in the middle of the
        view, else the first card cell."""
        layout = self.scene.layout
        if self._last_cell in layout.cells:
            return self._last_cell
        views = self.scene.views()
        if views:
            view = views[0]
            centre = view.mapToScene(view.viewport().rect().center())
            best: tuple[float, Cell] | None = None
            for key, box in layout.cells.items():
                r = box.rect
                dx = max(r.x - centre.x(), 0.0, centre.x() - r.right)
                dy = max(r.y - centre.y(), 0.0, centre.y() - r.bottom)
                distance = dx * dx + dy * dy
                if best is None or distance < best[0]:
                    best = (distance, key)
            if best is not None:
                return best[1]
        return self._cells_in_order()[0] if layout.cells else None

    def _cells_in_order(self) -> list[Cell]:
        layout = self.scene.layout
        return [
            (p.phase_id, lane.lane_id)
            for p in layout.phases
            for lane in layout.lanes
            if (p.phase_id, lane.lane_id) in layout.cells
        ]

    # ------------------------------------------------------------------ keeping up with the scene

    def sync(self) -> None:
        """After a new layout: follow the cell (or hide the frame when it is gone)."""
        if self.cell is None:
            return
        if self.cell not in self.scene.layout.cells:
            if self.typing:
                self.scene.editor.cancel()
            self.hide()
            return
        self._place_frame()

    def follow_editor(self) -> None:
        """After a new layout while typing: the editor moves to the new end of the cell."""
        if self.cell is None or self.cell not in self.scene.layout.cells:
            self.scene.editor.cancel()
            return
        self.scene.editor.move_to(self.ghost_rect())

    def follow_phase(self, phase_id: int) -> None:
        """Phase focus moved (Page Up/Down): a framed cell moves into that phase, in the same lane, so what is typed
        next lands where the room is looking."""
        if self.cell is None or self.typing:
            return
        cell = (phase_id, self.cell[1])
        if cell in self.scene.layout.cells:
            self.show(cell, scroll=False)

    def selection_changed(self) -> None:
        """A selected card takes the arrows back: the frame hides (and capture starts from its cell later)."""
        selected = self.scene.selected_ids()
        if not selected:
            return
        box = self.scene.layout.cards.get(selected[0])
        if box is not None:
            self._last_cell = (box.phase_id, box.lane_id)
        if not self.typing:
            self.hide()

    # ------------------------------------------------------------------ keys

    def key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        """What a canvas key does for capture, or None when capture has no use for it (then the scene's own
        meaning applies). Capture only takes keys while on and with no card selected."""
        if not self.enabled or self.scene.selectedItems():
            return None
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ARROWS and mods == Qt.KeyboardModifier.NoModifier:
            return partial(self.move, _ARROWS[key])
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            return partial(self.start_typing, "") if self.cell is not None else None
        if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            return self.hide if self.cell is not None else None
        text = event.text()
        if text and text.strip() and text.isprintable() and not mods & _NO_TEXT_MODIFIERS:
            return partial(self.start_typing, text)
        return None

    def move(self, direction: str) -> Cell | None:
        """Frame the neighbouring cell (the first arrow only shows the start cell). Stays at the map's edges."""
        if self.cell is None or self.cell not in self.scene.layout.cells:
            self.show(self.start_cell())
            return self.cell
        layout = self.scene.layout
        phase_id, lane_id = self.cell
        if direction in ("up", "down"):
            lanes = [lane.lane_id for lane in layout.lanes if (phase_id, lane.lane_id) in layout.cells]
            at = lanes.index(lane_id) + (-1 if direction == "up" else 1)
            if 0 <= at < len(lanes):
                lane_id = lanes[at]
        else:
            phases = [p.phase_id for p in layout.phases if (p.phase_id, lane_id) in layout.cells]
            at = phases.index(phase_id) + (-1 if direction == "left" else 1)
            if 0 <= at < len(phases):
                phase_id = phases[at]
        self.show((phase_id, lane_id))
        return self.cell

    # ------------------------------------------------------------------ typing

    def ghost_rect(self) -> QRectF:
        """Where the card being typed goes: its title's place in a card at the end of the capture cell."""
        assert self.cell is not None
        layout = self.scene.layout
        box: CellBox = layout.cells[self.cell]
        m = self.scene.metrics
        y = box.rect.y + m.cell_padding
        if box.card_ids:
            last = layout.cards[box.card_ids[-1]].rect
            y = last.bottom + m.card_gap
        x = box.rect.x + m.cell_padding
        return QRectF(x + m.card_padding, y + m.card_padding, m.card_width - 2 * m.card_padding, m.line_height)

    def start_typing(self, text: str) -> bool:
        """Start a new card at the end of the capture cell with `text` typed (the start cell when none is framed)."""
        if self.cell is None:
            self.show(self.start_cell())
            if self.cell is None:
                return False
        scene = self.scene
        if scene.editor.active:
            scene.editor.commit()
        if self.cell is None:  # the commit changed the map and the cell went
            return False
        self.typing = True
        self._place_frame()
        rect = self.ghost_rect()
        scene.activate_for_keys()
        scene.editor.start(
            TARGET, rect, "", canvas_font(scene.metrics.font_size), self._commit, self._finished, MAX_TITLE
        )
        if text:
            cursor = scene.editor.textCursor()
            cursor.insertText(text)
            scene.editor.setTextCursor(cursor)
        for view in scene.views():
            view.ensureVisible(rect.adjusted(0, 0, 0, 3 * scene.metrics.line_height), 24, 24)
        return True

    def editor_key(self, event: QKeyEvent) -> bool:
        """A key for the inline editor: Enter while typing a captured card saves it and starts the next."""
        editor = self.scene.editor
        if editor.target != TARGET or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        text = editor.text()
        self._restarting = bool(text)
        try:
            editor.cancel()  # closes without writing: the card is added here, as one undo step
        finally:
            self._restarting = False
        if text and self._add(text) is not None and self.cell is not None:
            self.start_typing("")
        return True

    def _add(self, text: str) -> int | None:
        if self.cell is None:
            return None
        card_id = self.scene.document.add_touchpoint(self.cell[0], self.cell[1], text)
        if card_id is not None:
            self.captured += 1
        return card_id

    def _commit(self, text: str) -> None:
        """The editor lost focus (a click elsewhere) with text typed: keep the card."""
        self._add(text)

    def _finished(self) -> None:
        self.typing = False
        if self.cell is not None:
            self._place_frame()
        if not self._restarting:
            self.scene.focus_view()


def cell_centre(scene: CaptureHost, cell: Cell) -> QPointF:
    """The middle of a cell in scene coordinates (for tests and the window)."""
    return qrect(scene.layout.cells[cell].rect).center()

"""`JourneyScene`: the journey map as a QGraphicsScene over a `JourneyDocument`.

One item per model object: a `CardItem` per touchpoint, a header per phase and per lane, a `CellItem` per card cell,
a `CurveItem` per emotions lane, plus the corner title, one drop indicator (with a target-cell frame), one overview
item (all cards as blocks when far zoomed out) and one inline editor. Every rect comes from `cjmapper.layout`: after
each `Change` the scene lays the journey out again and updates its items in place (items are made or dropped only
for added or removed objects; the rest move, or repaint, only when their box or their model object changed).
Every edit goes through the document, so each is one undo step, written to the library at once.

Public API (for the main window, the properties panel and tests):

- `layout`, `selected_ids()`, `select_ids(ids)`; `selectionChanged` (QGraphicsScene's) tells of selection changes;
- `edit_title(id)`, `rename_header("phase" | "lane", id)`, `new_card_in(phase_id, lane_id, index=None)`,
  `add_channel_card(channel, phase_id, lane_id, index=None)`;
- `delete_selection()`, `copy_selection()`, `cut_selection()`, `paste()`, `duplicate_selection()`;
- `select_neighbour(direction)`, `move_selection(direction)` (the arrow and Alt+arrow keys), `cancel_drag()`;
- `phase_menu(id)`, `lane_menu(id)`, `card_menu()` (context menus), `recolour(kind, id)`, `add_phase_at(index)`,
  `add_lane_at(index)`, `delete_phase(id)`, `delete_lane(id)` (these two ask first when cards would go);
- `card_item(id)`, `card_items()`, `phase_header(id)`, `lane_header(id)`, `cell_item(...)`, `curve_item(id)`,
  `editor`, `drop_indicator`, `target_frame`, `dragging`, `overview`.
- `card_click_handler`: set it to take clicks on cards (dot voting counts them as votes).
- `structure_locked` (workshop mode): phases and lanes cannot be renamed, recoloured, added, moved or deleted;
  such attempts emit `structure_refused(message)` instead. `set_metrics(metrics)` lays the map out at other
  sizes (workshop mode's larger type). `capture` is the quick capture (`ui.canvas.capture`).

The scene handles the canvas keys itself (see `_handle_key`): Delete/Backspace, F2 and Enter (edit title),
Ctrl+Enter (new card after the current one), Ctrl+X/C/V/D, Ctrl+A, Esc, arrows and Alt+arrows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QMessageBox,
    QWidget,
)

from cjmapper.channels import channel, channel_label
from cjmapper.layout import CardBox, CellBox, LaneBox, Layout, Metrics, Rect, cell_at, compute_layout, drop_index
from cjmapper.model import MAX_CHANNEL, MAX_NAME, MAX_TITLE, Journey, LaneKind, Language, Touchpoint
from cjmapper.relayout import update_layout

from ..editing.document import Change, ChangeKind, JourneyDocument
from ..mime import CHANNEL_MIME
from .capture import QuickCapture
from .clipboard import cards_from_mime, cards_mime
from .drag import CardDrag, HeaderDrag
from .editing import InlineEditor
from .items import (
    CardItem,
    CellItem,
    CornerItem,
    CurveItem,
    DropIndicatorItem,
    HeaderItem,
    LaneHeaderItem,
    LaneRowItem,
    OverviewItem,
    PhaseHeaderItem,
    TargetFrameItem,
    lane_kind_name,
    qrect,
    score_strip,
)
from .painting import (
    SCENE_BACKGROUND,
    canvas_font,
    color,
    ensure_fonts,
    lane_color,
    phase_color,
    score_color,
    tr,
)

"""A channel dragged from the palette: the catalogue key or free text, UTF-8."""

NEW_CARD_TITLES = {Language.EN: "New touchpoint", Language.NL: "Nieuw contactmoment"}
"""The title a new card starts with (selected in the editor, so typing replaces it), in the journey's language."""

SCENE_MARGIN = 24.0
"""Room around the map, so its edges do not stick to the view's."""

Direction = str
"""One of "up", "down", "left", "right"."""

CardClickHandler = Callable[[int, Qt.MouseButton, Qt.KeyboardModifier], bool]
"""See `JourneyScene.card_click_handler`."""

_ARROWS: dict[int, Direction] = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}


def _find_card(journey: Journey, card_id: int) -> Touchpoint | None:
    """The journey's card with this id, or None: by bisection, the document keeps the cards in id order (a scan
    should they not be)."""
    cards = journey.touchpoints
    at = bisect_left(cards, card_id, key=_card_id)
    if at < len(cards) and cards[at].id == card_id:
        return cards[at]
    return next((t for t in cards if t.id == card_id), None)


def _card_id(card: Touchpoint) -> int:
    return card.id


class JourneyScene(QGraphicsScene):
    """The canvas of one journey. Keep the document alive while the scene lives."""

    structure_refused = Signal(str)
    """A phase or lane edit was refused because the structure is locked: the message for the status bar."""

    def __init__(
        self, document: JourneyDocument, parent: QObject | None = None, metrics: Metrics | None = None
    ) -> None:
        super().__init__(parent)
        ensure_fonts()
        self.document = document
        self.metrics = metrics if metrics is not None else Metrics()
        self.setBackgroundBrush(SCENE_BACKGROUND)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._layout: Layout = Layout(0.0, 0.0, self.metrics, (), ())
        self._cards: dict[int, CardItem] = {}
        self._phases: dict[int, PhaseHeaderItem] = {}
        self._lanes: dict[int, LaneHeaderItem] = {}
        self._cells: dict[tuple[int, int], CellItem] = {}
        self._curves: dict[int, CurveItem] = {}
        self._rows: dict[int, LaneRowItem] = {}
        self._corner = CornerItem(self)
        self.addItem(self._corner)
        self._indicator = DropIndicatorItem()
        self.addItem(self._indicator)
        self._editor = InlineEditor()
        self.addItem(self._editor)
        self._target_frame = TargetFrameItem()
        self.addItem(self._target_frame)
        self._overview_item = OverviewItem()
        self.addItem(self._overview_item)
        self.structure_locked = False
        """Workshop mode: phases and lanes stay as they are (cards can still be edited)."""
        self._refused_drag = False
        self._capture = QuickCapture(self)
        self._overview = False
        self._card_drag: CardDrag | None = None
        self._header_drag: HeaderDrag | None = None
        self._drag_cancelled = False
        self._pointer: QPointF | None = None
        self._current: int | None = None
        self._retired: list[QGraphicsItem] = []
        self._touchpoints: dict[int, Touchpoint] = {}
        """The journey's cards by id, as the items show them."""
        self._phase_counts: dict[int, tuple[int, int, int]] = {}
        self._language: Language | None = None
        self.card_click_handler: CardClickHandler | None = None
        """While set (dot voting), a press or double-click on a card goes to this handler first: (touchpoint id,
        button, modifiers) -> True when it took the click (the card is then neither selected nor dragged, and no
        context menu opens)."""
        self._sync()
        document.changed.connect(self._on_changed)
        self.selectionChanged.connect(self._selection_changed)

    def dispose(self) -> None:
        """Let go of the document and empty the scene; call before the scene is deleted. A scene destroyed with
        its signals still wired emits selectionChanged from its destructor into Python methods that are gone."""
        self.selectionChanged.disconnect(self._selection_changed)
        self.document.changed.disconnect(self._on_changed)
        self.clear()
        self._cards.clear()
        self._phases.clear()
        self._lanes.clear()
        self._cells.clear()
        self._curves.clear()
        self._rows.clear()
        self._retired.clear()

    # ------------------------------------------------------------------ reading

    @property
    def layout(self) -> Layout:
        """The current layout (computed again after every change of the document)."""
        return self._layout

    @property
    def journey(self) -> Journey:
        return self.document.journey

    @property
    def capture(self) -> QuickCapture:
        """Quick capture: arrows choose a cell, typing adds cards to it (see `ui.canvas.capture`)."""
        return self._capture

    def _refuse_locked(self) -> bool:
        """True (and a message for the status bar) when the structure is locked."""
        if self.structure_locked:
            self.structure_refused.emit(
                tr("Phases and lanes are locked in workshop mode. Leave workshop mode (F11) to change them.")
            )
        return self.structure_locked

    def set_metrics(self, metrics: Metrics) -> None:
        """Lay the map out again at other sizes (workshop mode's larger type). Every item is made anew; the
        selection stays."""
        if metrics == self.metrics:
            return
        self._finish_editing()
        self.cancel_drag()
        selected = self.selected_ids()
        old: list[QGraphicsItem] = [*self._cards.values(), *self._phases.values(), *self._lanes.values()]
        old += [*self._cells.values(), *self._curves.values(), *self._rows.values()]
        self.blockSignals(True)  # the selection is the same cards afterwards
        try:
            for item in old:
                self._retire(item)
        finally:
            self.blockSignals(False)
        for items in (self._cards, self._phases, self._lanes, self._cells, self._curves, self._rows):
            items.clear()
        self.metrics = metrics
        self._corner.title = ""  # wrap the title again at the new size
        self._sync()
        self.blockSignals(True)
        try:
            for card_id in selected:
                self._cards[card_id].setSelected(True)
        finally:
            self.blockSignals(False)
        if self._overview:
            self._update_overview_selection()

    @property
    def editor(self) -> InlineEditor:
        """The inline title/name editor (`editor.active` while editing)."""
        return self._editor

    @property
    def dragging(self) -> bool:
        """Whether cards or a header are being dragged."""
        return self._card_drag is not None or self._header_drag is not None

    @property
    def drop_indicator(self) -> DropIndicatorItem:
        """The line where dragged cards (or a dragged header) would land; hidden when not dragging."""
        return self._indicator

    @property
    def target_frame(self) -> TargetFrameItem:
        """The frame around the cell a card drag or palette drag would drop into."""
        return self._target_frame

    def card_item(self, touchpoint_id: int) -> CardItem | None:
        return self._cards.get(touchpoint_id)

    def card_items(self) -> dict[int, CardItem]:
        """Every card item by touchpoint id (a copy)."""
        return dict(self._cards)

    def phase_header(self, phase_id: int) -> PhaseHeaderItem | None:
        return self._phases.get(phase_id)

    def lane_header(self, lane_id: int) -> LaneHeaderItem | None:
        return self._lanes.get(lane_id)

    def cell_item(self, phase_id: int, lane_id: int) -> CellItem | None:
        return self._cells.get((phase_id, lane_id))

    def curve_item(self, lane_id: int) -> CurveItem | None:
        return self._curves.get(lane_id)

    def _order_key(self, touchpoint_id: int) -> tuple[int, int, int]:
        box = self._layout.cards.get(touchpoint_id)
        if box is None:
            return (1 << 30, 0, 0)
        phase = next((p.index for p in self._layout.phases if p.phase_id == box.phase_id), 0)
        lane = next((lane.index for lane in self._layout.lanes if lane.lane_id == box.lane_id), 0)
        return (phase, lane, box.index)

    def selected_ids(self) -> list[int]:
        """The touchpoint ids of the selected cards, in map order (phase, lane, place in the cell)."""
        ids = [item.touchpoint_id for item in self.selectedItems() if isinstance(item, CardItem)]
        return sorted(ids, key=self._order_key)

    # ------------------------------------------------------------------ selection

    def select_ids(self, ids: Iterable[int]) -> None:
        """Select exactly these cards (unknown ids are skipped); when none of them is in view, scroll the first
        into view. Emits selectionChanged once."""
        wanted = [i for i in dict.fromkeys(ids) if i in self._cards]
        self.blockSignals(True)
        try:
            self.clearSelection()
            for card_id in wanted:
                self._cards[card_id].setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()
        if wanted:
            self._current = wanted[0]
            self._show_some(wanted)

    def _selection_changed(self) -> None:
        if self._overview:
            self._update_overview_selection()
        self._capture.selection_changed()
        if self._current is not None:
            item = self._cards.get(self._current)
            if item is None or not item.isSelected():
                selected = self.selected_ids()
                self._current = selected[0] if selected else None

    def _show_some(self, ids: list[int]) -> None:
        """Scroll the first card into view, unless one of them is in view already (select all does not jump)."""
        for view in self.views():
            visible = view.mapToScene(view.viewport().rect()).boundingRect()
            if not any(visible.intersects(self._cards[i].sceneBoundingRect()) for i in ids[:500] if i in self._cards):
                view.ensureVisible(self._cards[ids[0]].sceneBoundingRect(), 24, 24)

    def _ensure_visible(self, touchpoint_id: int) -> None:
        item = self._cards.get(touchpoint_id)
        if item is None:
            return
        for view in self.views():
            view.ensureVisible(item.sceneBoundingRect(), 24, 24)

    # ------------------------------------------------------------------ keeping items in step with the document

    def _on_changed(self, change: Change) -> None:
        if self._card_drag is not None:
            self._cancel_card_drag()
        if self._header_drag is not None:
            self._cancel_header_drag()
        self._apply(change)

    def _apply(self, change: Change) -> None:
        """The one place that reads a `Change`: cards only -> the cells and lanes they touch; the journey's own
        fields -> the corner (everything only when the language, and with it the channel names, changed);
        phases or lanes -> everything."""
        journey = self.document.journey
        if change.kind is ChangeKind.CARDS:
            self._sync_changed_cards(change.added | change.removed | change.updated)
        elif change.kind is ChangeKind.JOURNEY and journey.language is self._language:
            m = self.metrics
            self._corner.set_content(QRectF(0.0, 0.0, m.lane_header_width, m.phase_header_height), journey.title)
        else:
            self._sync()

    def _sync(self) -> None:
        """Lay the journey out again and bring every item in line with it. Items are matched by id; a card item
        is repainted only when its touchpoint (replaced, never changed in place, by the document), its colour
        or its box changed, and moved only when its rect did."""
        journey = self.document.journey
        layout = compute_layout(journey, self.metrics)
        self._layout = layout
        self._language = journey.language
        self._touchpoints = {t.id: t for t in journey.touchpoints}
        self._count_phases(journey)
        self._sync_structure(journey, layout)
        self._sync_cards(journey, layout)
        lanes = {lane.lane_id for lane in layout.lanes}
        for lane_id in [i for i in self._rows if i not in lanes]:  # after their cards went (in _sync_cards)
            self._retire(self._rows.pop(lane_id))
        self._settle()

    def _settle(self) -> None:
        layout = self._layout
        margin = SCENE_MARGIN
        rect = QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
        if rect != self.sceneRect():
            self.setSceneRect(rect)
        if self._overview:
            self._update_overview()
        self._capture.sync()
        self._follow_editor()

    def _sync_changed_cards(self, ids: frozenset[int]) -> None:
        """After a change of these cards only: lay out again the cells they left or entered (and move the lanes
        below one that grew or shrank), and update only the items of those cells, lanes and phases."""
        if not ids:
            return
        journey = self.document.journey
        touchpoints = self._touchpoints
        phases: set[int] = set()
        for card_id in ids:
            before = touchpoints.pop(card_id, None)
            if before is not None:
                self._count(before, -1)
                phases.add(before.phase_id)
            now = _find_card(journey, card_id)
            if now is not None:
                touchpoints[card_id] = now
                self._count(now, 1)
                phases.add(now.phase_id)
        if len(touchpoints) != len(journey.touchpoints):  # a change that did not name every card it changed
            self._sync()
            return
        old = self._layout
        update = update_layout(old, journey, ids, touchpoints.get)
        layout = update.layout
        self._layout = layout
        cards = self._cards
        for card_id in ids:
            if card_id not in layout.cards and card_id in cards:
                self._drop_card(card_id)
        lane_colours = self._lane_colours(journey)
        for lane_box in layout.lanes:
            if lane_box.lane_id in update.moved:
                self._place_lane(lane_box)
        boxes = layout.cards
        for key in update.cells:
            cell = layout.cells[key]
            self._place_cell(key, cell.rect)
            for card_id in cell.card_ids:
                box = boxes[card_id]
                item = cards.get(card_id)
                if card_id in ids or item is None:
                    self._sync_card(touchpoints[card_id], box, lane_colours)
                elif item.box is not box:  # a card that only moved up or down in its cell
                    item.set_box(box)
        if update.lanes_changed:
            for phase_box in layout.phases:
                phase_header = self._phases.get(phase_box.phase_id)
                if phase_header is not None:
                    phase_header.set_box(phase_box)
        for phase_id in phases:
            phase_header = self._phases.get(phase_id)
            if phase_header is not None:
                count, total, scored = self._phase_counts.get(phase_id, (0, 0, 0))
                phase = journey.phases[phase_header.box.index]
                phase_header.set_content(phase, phase_header.colour, count, total / scored if scored else None)
        if layout.curves is not old.curves or update.lanes_changed:
            self._sync_curves(journey, layout)
        self._settle()

    def _place_lane(self, lane_box: LaneBox) -> None:
        """A lane that moved or changed height: its header, row (with its cards) and cells."""
        lane_id = lane_box.lane_id
        header = self._lanes.get(lane_id)
        if header is not None:
            header.set_box(lane_box, lane_box.index % 2 == 1)
        row = self._rows.get(lane_id)
        if row is not None:
            row.setPos(0.0, lane_box.row.y)
            row.set_row(lane_box.row.x, lane_box.row.width, lane_box.row.height)
        cells = self._layout.cells
        for phase in self._layout.phases:
            key = (phase.phase_id, lane_id)
            if key in cells:
                self._place_cell(key, cells[key].rect)

    def _place_cell(self, key: tuple[int, int], rect: Rect) -> None:
        cell_item = self._cells.get(key)
        if cell_item is not None:
            cell_item.set_geometry(rect, cell_item.alternate)

    def _count_phases(self, journey: Journey) -> None:
        """Each phase's card count, score total and number of scored cards (its header shows them)."""
        self._phase_counts = {}
        for t in journey.touchpoints:
            self._count(t, 1)

    def _count(self, card: Touchpoint, sign: int) -> None:
        count, total, scored = self._phase_counts.get(card.phase_id, (0, 0, 0))
        if card.score is not None:
            total += sign * card.score
            scored += sign
        self._phase_counts[card.phase_id] = (count + sign, total, scored)

    # ------------------------------------------------------------------ overview (far zoomed out)

    @property
    def overview(self) -> bool:
        """Whether the cards are drawn by the overview item (the view turns this on below `OVERVIEW_ZOOM`)."""
        return self._overview

    def set_overview(self, on: bool) -> None:
        """Draw all cards as blocks in one item (on) or let each card paint itself (off). The card items stay in
        the scene either way: selectable, draggable and hit by the rubber band."""
        if on == self._overview:
            return
        self._overview = on
        for item in self._cards.values():
            self.update_card_painting(item)
        if on:
            self._update_overview()
        self._overview_item.setVisible(on)

    def update_card_painting(self, item: CardItem) -> None:
        """A card paints itself unless the overview draws it (a dragged card always paints itself)."""
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self._overview and not item.dragging)

    def _update_overview(self) -> None:
        layout = self._layout
        fills: dict[int, tuple[QColor, list[QRectF]]] = {}
        scores: dict[int, tuple[QColor, list[QRectF]]] = {}
        for card_id, item in self._cards.items():
            r = layout.cards[card_id].rect
            block = QRectF(r.x, r.y, r.width, r.height)
            fills.setdefault(item.colour.rgb(), (item.colour, []))[1].append(block)
            score = item.card.score
            if score is not None:
                colour = score_color(score)
                strip = score_strip(r.width, r.height).translated(r.x, r.y)
                scores.setdefault(colour.rgb(), (colour, []))[1].append(strip)
        bounds = QRectF(0.0, 0.0, layout.width, layout.height)
        self._overview_item.set_blocks(bounds, list(fills.values()), list(scores.values()))
        self._update_overview_selection()

    def _update_overview_selection(self) -> None:
        cards = self._layout.cards
        selected = []
        for item in self.selectedItems():
            if isinstance(item, CardItem) and item.touchpoint_id in cards:
                r = cards[item.touchpoint_id].rect
                selected.append(QRectF(r.x, r.y, r.width, r.height))
        self._overview_item.set_selected(selected)

    def _sync_structure(self, journey: Journey, layout: Layout) -> None:
        m = self.metrics
        self._corner.set_content(QRectF(0.0, 0.0, m.lane_header_width, m.phase_header_height), journey.title)
        phase_colours: dict[int, QColor] = {}
        seen: set[int] = set()
        for box in layout.phases:
            phase = journey.phases[box.index]
            colour = phase_color(box.index, phase.color)
            phase_colours[phase.id] = colour
            seen.add(phase.id)
            header = self._phases.get(phase.id)
            if header is None:
                header = PhaseHeaderItem(self, box)
                self._phases[phase.id] = header
                self.addItem(header)
            else:
                header.set_box(box)
            count, total, scored = self._phase_counts.get(phase.id, (0, 0, 0))
            header.set_content(phase, colour, count, total / scored if scored else None)
        for phase_id in [i for i in self._phases if i not in seen]:
            self._retire(self._phases.pop(phase_id))

        seen = set()
        for lane_box in layout.lanes:
            lane = journey.lanes[lane_box.index]
            seen.add(lane.id)
            header_item = self._lanes.get(lane.id)
            if header_item is None:
                header_item = LaneHeaderItem(self, lane_box)
                self._lanes[lane.id] = header_item
                self.addItem(header_item)
            header_item.set_box(lane_box, lane_box.index % 2 == 1)
            header_item.set_content(lane, lane_color(lane.kind, lane.color))
            row = self._rows.get(lane.id)
            if row is None:
                row = LaneRowItem(lane.id, lane_box.row.y)
                self._rows[lane.id] = row
                self.addItem(row)
            else:
                row.setPos(0.0, lane_box.row.y)
            row.set_row(lane_box.row.x, lane_box.row.width, lane_box.row.height)
        for lane_id in [i for i in self._lanes if i not in seen]:
            self._retire(self._lanes.pop(lane_id))

        lane_index = {box.lane_id: box.index for box in layout.lanes}
        for key, cell in layout.cells.items():
            alternate = lane_index.get(key[1], 0) % 2 == 1
            cell_item = self._cells.get(key)
            if cell_item is None:
                cell_item = CellItem(key[0], key[1], cell.rect, alternate)
                self._cells[key] = cell_item
                self.addItem(cell_item)
            else:
                cell_item.set_geometry(cell.rect, alternate)
        for key in [k for k in self._cells if k not in layout.cells]:
            self._retire(self._cells.pop(key))

        self._sync_curves(journey, layout)

    def _sync_curves(self, journey: Journey, layout: Layout) -> None:
        phase_colours = {box.phase_id: phase_color(box.index, journey.phases[box.index].color) for box in layout.phases}
        curves = {curve.lane_id: curve for curve in layout.curves}
        seen = set()
        for lane_box in layout.lanes:
            if journey.lanes[lane_box.index].kind is not LaneKind.EMOTIONS:
                continue
            seen.add(lane_box.lane_id)
            curve_item = self._curves.get(lane_box.lane_id)
            if curve_item is None:
                curve_item = CurveItem(self, lane_box)
                self._curves[lane_box.lane_id] = curve_item
                self.addItem(curve_item)
            curve_item.set_content(lane_box, curves.get(lane_box.lane_id), layout.phases, phase_colours)
        for lane_id in [i for i in self._curves if i not in seen]:
            self._retire(self._curves.pop(lane_id))

    def _sync_cards(self, journey: Journey, layout: Layout) -> None:
        lane_colours = self._lane_colours(journey)
        boxes = layout.cards
        for card_id in [i for i in self._cards if i not in boxes]:
            self._drop_card(card_id)
        for t in journey.touchpoints:
            box = boxes.get(t.id)
            if box is not None:
                self._sync_card(t, box, lane_colours)

    @staticmethod
    def _lane_colours(journey: Journey) -> dict[int, QColor]:
        return {lane.id: lane_color(lane.kind, lane.color) for lane in journey.lanes}

    def _drop_card(self, card_id: int) -> None:
        gone = self._cards.pop(card_id)
        if self._editor.target == ("card", card_id):
            self._editor.cancel()
        self._retire(gone)

    def _sync_card(self, t: Touchpoint, box: CardBox, lane_colours: dict[int, QColor]) -> None:
        """Make, repaint or move one card item to show `t` in `box`."""
        colour = color(t.color) if t.color else lane_colours[t.lane_id]
        item = self._cards.get(t.id)
        row = self._rows[box.lane_id]
        if item is None:
            new = CardItem(self, box, t, colour, row)
            self._cards[t.id] = new
            if self._overview:
                self.update_card_painting(new)
            return
        if item.card is not t or item.colour is not colour:
            item.set_card(t, colour)
        if item.parentItem() is not row:
            item.setParentItem(row)
            item.set_box(box)
        elif item.box is not box and item.box != box:
            item.set_box(box)

    def _retire(self, item: QGraphicsItem) -> None:
        """Take an item off the scene, keeping it alive until control is back in the event loop (it may be the
        item whose event handler started the edit that removed it)."""
        self.removeItem(item)
        if not self._retired:
            QTimer.singleShot(0, self._retired.clear)
        self._retired.append(item)

    # ------------------------------------------------------------------ the drop indicator and target cell

    def show_drop(self, cell: CellBox | None, line: tuple[QPointF, QPointF] | None = None) -> None:
        """Show where a drag would land: a frame around the target cell and the indicator line; None hides them."""
        if cell is None:
            self._target_frame.hide()
        else:
            self._target_frame.show_frame(qrect(cell.rect))
        if line is None:
            self._indicator.hide()
        else:
            self._indicator.show_line(*line)

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

    def _unset_cursor(self) -> None:
        for view in self.views():
            view.viewport().unsetCursor()

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

    # ------------------------------------------------------------------ inline editing

    def focus_view(self) -> None:
        views = self.views()
        if views and not any(view.hasFocus() for view in views):
            views[0].setFocus(Qt.FocusReason.MouseFocusReason)

    def activate_for_keys(self) -> None:
        """Make sure a view has keyboard focus and the scene is active, so the editor gets the keys."""
        self.focus_view()
        if not self.isActive():
            QApplication.sendEvent(self, QEvent(QEvent.Type.WindowActivate))

    def edit_title(self, touchpoint_id: int) -> bool:
        """Edit a card's title in place (Enter commits one undo step, Esc cancels). False for an unknown id."""
        item = self._cards.get(touchpoint_id)
        if item is None:
            return False
        self._finish_editing()
        self._ensure_visible(touchpoint_id)
        item.editing = True
        item.update()
        m = self.metrics

        def commit(text: str) -> None:
            self.document.update_touchpoint(touchpoint_id, title=text)

        def finished() -> None:
            card = self._cards.get(touchpoint_id)
            if card is not None:
                card.editing = False
                card.update()
            self.focus_view()

        self.activate_for_keys()
        self._editor.start(
            ("card", touchpoint_id),
            self._card_title_rect(item),
            item.card.title,
            canvas_font(m.font_size),
            commit,
            finished,
            MAX_TITLE,
        )
        return True

    def _card_title_rect(self, item: CardItem) -> QRectF:
        return item.title_rect().translated(item.scenePos())

    def rename_header(self, kind: str, item_id: int) -> bool:
        """Edit a phase's ("phase") or lane's ("lane") name in place."""
        header: HeaderItem | None = self._phases.get(item_id) if kind == "phase" else self._lanes.get(item_id)
        if header is None or self._refuse_locked():
            return False
        self._finish_editing()
        if kind == "phase":
            name = self.journey.phase(item_id).name

            def commit(text: str) -> None:
                self.document.update_phase(item_id, name=text)
        else:
            name = self.journey.lane(item_id).name

            def commit(text: str) -> None:
                self.document.update_lane(item_id, name=text)

        rect = header.name_rect().translated(header.pos())
        for view in self.views():
            view.ensureVisible(rect, 24, 24)
        self.activate_for_keys()
        self._editor.start(
            (kind, item_id),
            rect,
            name,
            canvas_font(self.metrics.header_font_size, bold=True),
            commit,
            self.focus_view,
            MAX_NAME,
        )
        return True

    def _finish_editing(self) -> None:
        if self._editor.active:
            self._editor.commit()

    def _follow_editor(self) -> None:
        target = self._editor.target
        if target is None:
            return
        kind, item_id = target
        if kind == "capture":
            self._capture.follow_editor()
            return
        if kind == "card":
            item = self._cards.get(item_id)
            if item is None:
                self._editor.cancel()
            else:
                item.editing = True
                self._editor.move_to(self._card_title_rect(item))
            return
        header: HeaderItem | None = self._phases.get(item_id) if kind == "phase" else self._lanes.get(item_id)
        if header is None:
            self._editor.cancel()
        else:
            self._editor.move_to(header.name_rect().translated(header.pos()))

    # ------------------------------------------------------------------ card edits

    def new_card_in(self, phase_id: int, lane_id: int, index: int | None = None) -> int | None:
        """Add a card to a cell at `index` (None: at the end), select it and edit its title. Returns its id."""
        title = NEW_CARD_TITLES.get(self.journey.language, NEW_CARD_TITLES[Language.EN])
        card_id = self.document.add_touchpoint(phase_id, lane_id, title, index=index)
        if card_id is not None:
            self.select_ids([card_id])
            self.edit_title(card_id)
        return card_id

    def add_channel_card(self, text: str, phase_id: int, lane_id: int, index: int | None = None) -> int | None:
        """Add a card of a channel (catalogue key or free text) titled with the channel's name; edit its title."""
        key = " ".join(text.split())[:MAX_CHANNEL]
        if not key:
            return None
        entry = channel(key)
        title = channel_label(entry.key if entry else key, self.journey.language)
        card_id = self.document.add_touchpoint(phase_id, lane_id, title, index=index, channel=key)
        if card_id is not None:
            self.select_ids([card_id])
            self.edit_title(card_id)
        return card_id

    def delete_selection(self) -> bool:
        """Delete the selected cards (one undo step)."""
        ids = self.selected_ids()
        return bool(ids) and self.document.delete_touchpoints(ids)

    def copy_selection(self) -> bool:
        """Put the selected cards on the clipboard."""
        ids = self.selected_ids()
        if not ids:
            return False
        cards = [self._cards[i].card for i in ids]
        QApplication.clipboard().setMimeData(cards_mime(cards))
        return True

    def cut_selection(self) -> bool:
        """Copy, then delete the selected cards (one undo step)."""
        return self.copy_selection() and self.document.delete_touchpoints(self.selected_ids())

    def paste_target(self) -> tuple[int, int, int | None] | None:
        """Where a paste lands: the cell under the pointer (at the pointer's height), else after the selected card in
        its cell, else at the end of the first card cell; None when the map has no card cell."""
        layout = self._layout
        if self._pointer is not None:
            cell = cell_at(layout, self._pointer.x(), self._pointer.y())
            if cell is not None:
                return cell.phase_id, cell.lane_id, drop_index(layout, cell, self._pointer.y())
        selected = self.selected_ids()
        if selected:
            box = layout.cards[selected[-1]]
            return box.phase_id, box.lane_id, box.index + 1
        for phase in layout.phases:
            for lane in layout.lanes:
                if (phase.phase_id, lane.lane_id) in layout.cells:
                    return phase.phase_id, lane.lane_id, None
        return None

    def paste(self) -> list[int]:
        """Paste cards from the clipboard (see `paste_target`); selects and returns the new cards."""
        cards = cards_from_mime(QApplication.clipboard().mimeData())
        target = self.paste_target()
        if not cards or target is None:
            return []
        ids = self.document.insert_touchpoints(cards, *target)
        if ids:
            self.select_ids(ids)
        return ids

    def duplicate_selection(self) -> list[int]:
        """Copies of the selected cards, each cell's right after its last selected card (one undo step)."""
        ids = self.selected_ids()
        if not ids:
            return []
        groups: dict[tuple[int, int], list[int]] = {}
        for card_id in ids:
            box = self._layout.cards[card_id]
            groups.setdefault((box.phase_id, box.lane_id), []).append(card_id)
        new: list[int] = []
        with self.document.macro(tr("Duplicate")):
            for (phase_id, lane_id), group in groups.items():
                after = self._layout.cards[group[-1]].index + 1
                cards = [self._cards[i].card for i in group]
                new += self.document.insert_touchpoints(cards, phase_id, lane_id, after)
        if new:
            self.select_ids(new)
        return new

    # ------------------------------------------------------------------ keyboard navigation and moves

    def _cell_ids(self, phase_id: int, lane_id: int) -> tuple[int, ...]:
        cell = self._layout.cells.get((phase_id, lane_id))
        return cell.card_ids if cell is not None else ()

    def _anchor(self) -> int | None:
        selected = self.selected_ids()
        if self._current in selected:
            return self._current
        return selected[0] if selected else None

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
        self.select_ids(sorted(self._cards, key=self._order_key))

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
                self.new_card_in(cell.phase_id, cell.lane_id, drop_index(self._layout, cell, pos.y()))
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
        if self._channel_of(event) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.scenePos()
        cell = cell_at(self._layout, pos.x(), pos.y()) if self._channel_of(event) is not None else None
        if cell is None:
            self.show_drop(None)
            event.ignore()
            return
        from .drag import card_drop_line

        index = drop_index(self._layout, cell, pos.y())
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
        cell = cell_at(self._layout, pos.x(), pos.y())
        if text is None or cell is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.focus_view()
        self.add_channel_card(text, cell.phase_id, cell.lane_id, drop_index(self._layout, cell, pos.y()))

    # ------------------------------------------------------------------ context menus

    def _menu_parent(self) -> QWidget | None:
        views = self.views()
        return views[0] if views else None

    def _action(
        self, menu: QMenu, name: str, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutVisibleInContextMenu(True)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def card_menu(self) -> QMenu:
        """The context menu of the selected cards (the caller deletes it)."""
        menu = QMenu(self._menu_parent())
        has = bool(self.selected_ids())
        self._action(menu, "editTitle", tr("Edit Title"), self._edit_current, "F2").setEnabled(has)
        menu.addSeparator()
        self._action(menu, "cutCards", tr("Cut"), self.cut_selection, "Ctrl+X").setEnabled(has)
        self._action(menu, "copyCards", tr("Copy"), self.copy_selection, "Ctrl+C").setEnabled(has)
        paste = self._action(menu, "pasteCards", tr("Paste"), self.paste, "Ctrl+V")
        paste.setEnabled(bool(cards_from_mime(QApplication.clipboard().mimeData())))
        self._action(menu, "duplicateCards", tr("Duplicate"), self.duplicate_selection, "Ctrl+D").setEnabled(has)
        menu.addSeparator()
        self._action(menu, "deleteCards", tr("Delete"), self.delete_selection, "Del").setEnabled(has)
        return menu

    def header_menu(self, kind: str, item_id: int) -> QMenu:
        """The context menu of a phase ("phase") or lane ("lane") header (the caller deletes it)."""
        return self.phase_menu(item_id) if kind == "phase" else self.lane_menu(item_id)

    def phase_menu(self, phase_id: int) -> QMenu:
        menu = QMenu(self._menu_parent())
        journey = self.journey
        index = next(i for i, p in enumerate(journey.phases) if p.id == phase_id)
        self._action(menu, "renamePhase", tr("Rename…"), lambda: self.rename_header("phase", phase_id))
        self._action(menu, "recolourPhase", tr("Colour…"), lambda: self.recolour("phase", phase_id))
        if journey.phases[index].color is not None:
            self._action(
                menu, "defaultPhaseColour", tr("Default Colour"), lambda: self._set_colour("phase", phase_id, None)
            )
        menu.addSeparator()
        self._action(menu, "addPhaseBefore", tr("Add Phase Before"), lambda: self.add_phase_at(index))
        self._action(menu, "addPhaseAfter", tr("Add Phase After"), lambda: self.add_phase_at(index + 1))
        menu.addSeparator()
        delete = self._action(menu, "deletePhase", tr("Delete Phase…"), lambda: self.delete_phase(phase_id))
        delete.setEnabled(len(journey.phases) > 1)
        self._lock_menu(menu)
        return menu

    def lane_menu(self, lane_id: int) -> QMenu:
        menu = QMenu(self._menu_parent())
        journey = self.journey
        index = next(i for i, lane in enumerate(journey.lanes) if lane.id == lane_id)
        lane = journey.lanes[index]
        self._action(menu, "renameLane", tr("Rename…"), lambda: self.rename_header("lane", lane_id))
        kinds = menu.addMenu(tr("Kind"))
        kinds.setObjectName("laneKind")
        group = QActionGroup(kinds)
        for kind in LaneKind:
            action = kinds.addAction(lane_kind_name(kind))
            action.setObjectName(f"laneKind-{kind.value}")
            action.setCheckable(True)
            action.setChecked(kind is lane.kind)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=kind: self.document.update_lane(lane_id, kind=k))
        self._action(menu, "recolourLane", tr("Colour…"), lambda: self.recolour("lane", lane_id))
        if lane.color is not None:
            self._action(
                menu, "defaultLaneColour", tr("Default Colour"), lambda: self._set_colour("lane", lane_id, None)
            )
        menu.addSeparator()
        self._action(menu, "addLaneAbove", tr("Add Lane Above"), lambda: self.add_lane_at(index))
        self._action(menu, "addLaneBelow", tr("Add Lane Below"), lambda: self.add_lane_at(index + 1))
        menu.addSeparator()
        delete = self._action(menu, "deleteLane", tr("Delete Lane…"), lambda: self.delete_lane(lane_id))
        delete.setEnabled(len(journey.lanes) > 1)
        self._lock_menu(menu)
        return menu

    def _lock_menu(self, menu: QMenu) -> None:
        """A header menu while the structure is locked: every entry disabled."""
        if self.structure_locked:
            for action in menu.actions():
                action.setEnabled(False)

    def show_card_menu(self, screen_pos: QPoint) -> None:
        self._exec_menu(self.card_menu(), screen_pos)

    def show_header_menu(self, kind: str, item_id: int, screen_pos: QPoint) -> None:
        if self._refuse_locked():
            return
        self._exec_menu(self.header_menu(kind, item_id), screen_pos)

    @staticmethod
    def _exec_menu(menu: QMenu, screen_pos: QPoint) -> None:
        try:
            menu.exec(screen_pos)
        finally:
            menu.deleteLater()

    # ------------------------------------------------------------------ structure edits

    def recolour(self, kind: str, item_id: int) -> bool:
        """Choose a phase's or lane's colour with the colour dialog."""
        if self._refuse_locked():
            return False
        journey = self.journey
        if kind == "phase":
            index = next(i for i, p in enumerate(journey.phases) if p.id == item_id)
            current = phase_color(index, journey.phases[index].color)
            title = tr("Phase colour")
        else:
            lane = journey.lane(item_id)
            current = lane_color(lane.kind, lane.color)
            title = tr("Lane colour")
        chosen = QColorDialog.getColor(current, self._menu_parent(), title)
        if not chosen.isValid():
            return False
        return self._set_colour(kind, item_id, chosen.name())

    def _set_colour(self, kind: str, item_id: int, value: str | None) -> bool:
        if self._refuse_locked():
            return False
        if kind == "phase":
            return self.document.update_phase(item_id, color=value)
        return self.document.update_lane(item_id, color=value)

    def add_phase_at(self, index: int) -> int | None:
        """Add a phase at `index` and edit its name."""
        if self._refuse_locked():
            return None
        phase_id = self.document.add_phase(tr("New phase"), index=index)
        if phase_id is not None:
            self.rename_header("phase", phase_id)
        return phase_id

    def add_lane_at(self, index: int, kind: LaneKind = LaneKind.TOUCHPOINTS) -> int | None:
        """Add a lane at `index` and edit its name."""
        if self._refuse_locked():
            return None
        lane_id = self.document.add_lane(tr("New lane"), kind, index=index)
        if lane_id is not None:
            self.rename_header("lane", lane_id)
        return lane_id

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._menu_parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_phase(self, phase_id: int) -> bool:
        """Delete a phase; one that holds cards is deleted only when the user agrees (undo brings all back)."""
        if self._refuse_locked():
            return False
        phase = self.journey.phase(phase_id)
        count = sum(1 for t in self.journey.touchpoints if t.phase_id == phase_id)
        if count and not self._confirm(
            tr("Delete phase"),
            tr("Delete the phase “{0}” with its {1} touchpoint(s)? You can undo this.").format(phase.name, count),
        ):
            return False
        return self.document.delete_phase(phase_id)

    def delete_lane(self, lane_id: int) -> bool:
        """Delete a lane; one that holds cards is deleted only when the user agrees (undo brings all back)."""
        if self._refuse_locked():
            return False
        lane = self.journey.lane(lane_id)
        count = sum(1 for t in self.journey.touchpoints if t.lane_id == lane_id)
        if count and not self._confirm(
            tr("Delete lane"),
            tr("Delete the lane “{0}” with its {1} touchpoint(s)? You can undo this.").format(lane.name, count),
        ):
            return False
        return self.document.delete_lane(lane_id)

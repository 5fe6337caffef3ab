"""`JourneyScene`: the journey map as a QGraphicsScene over a `JourneyDocument`.

One item per model object: a `CardItem` per touchpoint (made when its card comes into a view, or is asked for:
selected, searched, edited; see `scene_sync`), a header per phase and per lane, a `CellItem` per card cell,
a `CurveItem` per emotions lane, plus the corner title, one drop indicator (with a target-cell frame), one overview
item (all cards as blocks when far zoomed out) and one inline editor; a card item stands in its lane's row item.
Every rect comes from `cjmapper.layout`: after each `Change` the scene lays out again only the cells and lanes the
change touched (`cjmapper.relayout`) and updates only the items it names (a lane that grew moves the rows below
with one setPos each). Every edit goes through the document, so each is one undo step, written to the library at
once.

The scene is made of parts, one job each, that share `SceneBase` (scene_base: state, reading, selection): `ItemSync`
(scene_sync: items in step with the document), `SceneInput` (scene_input: mouse, keys, drags, palette drops),
`SceneMenus` (scene_menus: context menus and structure edits); this module adds making the scene, inline editing and
card edits.

Public API (for the main window, the properties panel and tests):

- `layout`, `selected_ids()`, `select_ids(ids)`; `selectionChanged` (QGraphicsScene's) tells of selection changes;
- `edit_title(id)`, `rename_header("phase" | "lane", id)`, `new_card_in(phase_id, lane_id, index=None)`,
  `add_channel_card(channel, phase_id, lane_id, index=None)`;
- `delete_selection()`, `copy_selection()`, `cut_selection()`, `paste()`, `duplicate_selection()`;
- `select_neighbour(direction)`, `move_selection(direction)` (the arrow and Alt+arrow keys), `cancel_drag()`;
- `phase_menu(id)`, `lane_menu(id)`, `card_menu()` (context menus), `recolour(kind, id)`, `add_phase_at(index)`,
  `add_lane_at(index)`, `delete_phase(id)`, `delete_lane(id)` (these two ask first when cards would go);
- `card_item(id)`, `card_items()` (both make the items not made yet), `expose(rect)`,
  `phase_header(id)`, `lane_header(id)`, `cell_item(...)`, `curve_item(id)`,
  `editor`, `drop_indicator`, `target_frame`, `dragging`, `overview`.
- `set_filter(spec)`, `set_found(ids)`, `card_filter`, `kept_ids`, `marks_changed`: the filter's dimming and the find
  bar's rings (`find_marks`);
- `card_click_handler`: set it to take clicks on cards (dot voting counts them as votes).
- `structure_locked` (workshop mode): phases and lanes cannot be renamed, recoloured, added, moved or deleted;
  such attempts emit `structure_refused(message)` instead. `set_metrics(metrics)` lays the map out at other
  sizes (workshop mode's larger type). `capture` is the quick capture (`ui.canvas.capture`).

The scene handles the canvas keys itself (see `_handle_key`): Delete/Backspace, F2 and Enter (edit title),
Ctrl+Enter (new card after the current one), Ctrl+X/C/V/D, Ctrl+A, Esc, arrows and Alt+arrows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
)

from cjmapper.channels import channel_label, resolve
from cjmapper.hit_test import cell_at, drop_index
from cjmapper.layout import Layout, Metrics, compute_layout
from cjmapper.model import MAX_CHANNEL, MAX_NAME, MAX_TITLE, Language

from ..editing.document import JourneyDocument
from .capture import QuickCapture
from .card_images import attach_data, image_bytes
from .clipboard import cards_from_mime, cards_mime, journey_key
from .editing import InlineEditor
from .find_marks import CardMarks
from .grid_items import CornerItem
from .items import CardItem, HeaderItem, MapWords
from .overlay_items import DropIndicatorItem, OverviewItem, TargetFrameItem
from .painting import (
    canvas_font,
    ensure_fonts,
    tr,
)
from .scene_base import CardClickHandler, Direction
from .scene_input import SceneInput
from .scene_menus import SceneMenus
from .scene_sync import SCENE_MARGIN, ItemSync
from .theme import CanvasTheme, current_theme, scheme_watch

NEW_CARD_TITLES = {Language.EN: "New touchpoint", Language.NL: "Nieuw contactmoment"}
"""The title a new card starts with (selected in the editor, so typing replaces it), in the journey's language."""

__all__ = ["SCENE_MARGIN", "CardClickHandler", "Direction", "JourneyScene"]


class JourneyScene(CardMarks, SceneMenus, SceneInput, ItemSync):
    """The canvas of one journey. Keep the document alive while the scene lives."""

    def __init__(
        self,
        document: JourneyDocument,
        parent: QObject | None = None,
        metrics: Metrics | None = None,
        theme: CanvasTheme | None = None,
    ) -> None:
        """`theme`: the colours to draw in (a picture's: `LIGHT`); None follows the system's colour scheme."""
        super().__init__(parent)
        ensure_fonts()
        self.document = document
        self.metrics = metrics if metrics is not None else Metrics()
        self.map_words: MapWords | None = None
        """The map's figures (counts, averages) in these words instead of the interface's: a picture's."""
        self.theme = theme if theme is not None else current_theme()
        self.setBackgroundBrush(self.theme.background)
        if theme is None:
            scheme_watch().changed.connect(self.set_theme)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._layout = Layout(0.0, 0.0, self.metrics, (), ())
        self._cards = {}
        self._phases = {}
        self._lanes = {}
        self._cells = {}
        self._curves = {}
        self._rows = {}
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
        self._card_drag = None
        self._header_drag = None
        self._drag_cancelled = False
        self._pointer = None
        self._current = None
        self._retired = []
        self._touchpoints = {}
        self._exposed = None
        self._shown = None
        """The journey's cards by id, as the items show them."""
        self._phase_counts = {}
        self._language = None
        self.card_click_handler = None
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

    def set_theme(self, theme: CanvasTheme) -> None:
        """Draw in `theme` from now on (the system's colour scheme changed): every item repaints."""
        if theme is self.theme:
            return
        self.theme = theme
        self.setBackgroundBrush(theme.background)
        for cell in self._cells.values():
            cell.set_theme(theme)
        for item in self.items():
            item.update()

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
                card = self._card(card_id)
                if card is not None:
                    card.setSelected(True)
        finally:
            self.blockSignals(False)
        if self._overview:
            self._update_overview_selection()

    def flow_to(self, aspect: float) -> None:
        """Let the cells flow into as many card columns as make the map come closest to `aspect` (width / height,
        the window's) at the largest scale: on opening and on fit to window. Editing keeps the number chosen (a
        cell that grows takes a new card column; the rest of the map stays where it is)."""
        chosen = compute_layout(self.document.journey, self.metrics, aspect).metrics
        if chosen != self.metrics:
            self.set_metrics(chosen)

    def edit_title(self, touchpoint_id: int) -> bool:
        """Edit a card's title in place (Enter commits one undo step, Esc cancels). False for an unknown id."""
        item = self._card(touchpoint_id)
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
            item = self._card(item_id)
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
        key = resolve(" ".join(text.split())[:MAX_CHANNEL])  # a catalogue channel's name is its key
        if not key:
            return None
        title = channel_label(key, self.journey.language)
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
        QApplication.clipboard().setMimeData(cards_mime(cards, self.document.journey, self._journey_key()))
        return True

    def _journey_key(self) -> str:
        """What names this journey on the clipboard (`clipboard.journey_key`)."""
        return journey_key(self.document.library.location, self.document.journey_id)

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
                return cell.phase_id, cell.lane_id, drop_index(layout, cell, self._pointer.x(), self._pointer.y())
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
        """Paste cards from the clipboard (see `paste_target`); selects and returns the new cards. Image data (no
        cards) becomes the photo of the one selected card instead."""
        data = QApplication.clipboard().mimeData()
        cards = cards_from_mime(data, self.document.journey, self._journey_key())
        if not cards and len(selected := self.selected_ids()) == 1 and (raw := image_bytes(data)) is not None:
            attach_data(self.document, selected[0], raw)
            return []
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

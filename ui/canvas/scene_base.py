"""The state every part of `JourneyScene` shares, and what they all read: the layout, the items by id, the selection,
the drop indicator and keyboard focus. `SceneBase` holds it; `ItemSync` (scene_sync), `SceneInput` (scene_input),
`SceneMenus` (scene_menus) and `JourneyScene` (scene) each add one job, and meet only through it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QWidget,
)

from cjmapper.layout import CellBox, Layout, Metrics
from cjmapper.model import ImageRef, Journey, Language, Touchpoint

from ..editing.document import JourneyDocument
from .capture import QuickCapture
from .drag import CardDrag, HeaderDrag
from .editing import InlineEditor
from .grid_items import CellItem, CornerItem, CurveItem, LaneHeaderItem, PhaseHeaderItem
from .items import CardItem, LaneRowItem, qrect
from .overlay_items import DropIndicatorItem, OverviewItem, TargetFrameItem
from .painting import (
    tr,
)
from .theme import CanvasTheme
from .thumbnails import Thumbnails

Direction = str
"""One of "up", "down", "left", "right"."""

CardClickHandler = Callable[[int, Qt.MouseButton, Qt.KeyboardModifier], bool]
"""See `JourneyScene.card_click_handler`."""


class SceneBase(QGraphicsScene):
    """What the parts of the scene share (see the module's doc); only `JourneyScene` is made."""

    structure_refused = Signal(str)
    """A phase or lane edit was refused because the structure is locked: the message for the status bar."""
    comment_requested = Signal(int)
    """A card's context menu chose Add Comment…: the window opens the card's thread to write one."""

    document: JourneyDocument
    metrics: Metrics
    theme: CanvasTheme
    """The colours the items draw in (`ui.canvas.theme`)."""
    structure_locked: bool
    """Workshop mode: phases and lanes stay as they are (cards can still be edited)."""
    card_click_handler: CardClickHandler | None
    _layout: Layout
    _cards: dict[int, CardItem]
    _phases: dict[int, PhaseHeaderItem]
    _lanes: dict[int, LaneHeaderItem]
    _cells: dict[tuple[int, int], CellItem]
    _curves: dict[int, CurveItem]
    _rows: dict[int, LaneRowItem]
    _corner: CornerItem
    _indicator: DropIndicatorItem
    _editor: InlineEditor
    _target_frame: TargetFrameItem
    _overview_item: OverviewItem
    _refused_drag: bool
    _capture: QuickCapture
    _overview: bool
    _card_drag: CardDrag | None
    _header_drag: HeaderDrag | None
    _drag_cancelled: bool
    _pointer: QPointF | None
    _current: int | None
    _retired: list[QGraphicsItem]
    _touchpoints: dict[int, Touchpoint]
    _exposed: tuple[Layout, QRectF] | None
    """The layout and the area the card items were last made for by `expose_view`."""
    """The journey's cards by id, as the items show them."""
    _shown: QRectF | None
    """What of the map the view shows, for the sticky headers (`ItemSync.pin_headers`)."""
    _phase_counts: dict[int, tuple[int, int, int]]
    _language: Language | None

    # ------------------------------------------------------------------ done by the other parts of the scene

    def _sync(self) -> None:
        raise NotImplementedError  # scene_sync.ItemSync

    def _card(self, touchpoint_id: int) -> CardItem | None:
        raise NotImplementedError  # scene_sync.ItemSync

    def _update_overview_selection(self) -> None:
        raise NotImplementedError  # scene_sync.ItemSync

    def cancel_drag(self) -> bool:
        raise NotImplementedError  # scene_input.SceneInput

    def _cancel_card_drag(self) -> None:
        raise NotImplementedError  # scene_input.SceneInput

    def _cancel_header_drag(self) -> None:
        raise NotImplementedError  # scene_input.SceneInput

    def _edit_current(self) -> None:
        raise NotImplementedError  # scene_input.SceneInput

    def _follow_editor(self) -> None:
        raise NotImplementedError  # scene.JourneyScene

    def edit_title(self, touchpoint_id: int) -> bool:
        raise NotImplementedError  # scene.JourneyScene

    def rename_header(self, kind: str, item_id: int) -> bool:
        raise NotImplementedError  # scene.JourneyScene

    def new_card_in(self, phase_id: int, lane_id: int, index: int | None = None) -> int | None:
        raise NotImplementedError  # scene.JourneyScene

    def add_channel_card(self, text: str, phase_id: int, lane_id: int, index: int | None = None) -> int | None:
        raise NotImplementedError  # scene.JourneyScene

    def paste_target(self) -> tuple[int, int, int | None] | None:
        raise NotImplementedError  # scene.JourneyScene

    def delete_selection(self) -> bool:
        raise NotImplementedError  # scene.JourneyScene

    def copy_selection(self) -> bool:
        raise NotImplementedError  # scene.JourneyScene

    def cut_selection(self) -> bool:
        raise NotImplementedError  # scene.JourneyScene

    def paste(self) -> list[int]:
        raise NotImplementedError  # scene.JourneyScene

    def duplicate_selection(self) -> list[int]:
        raise NotImplementedError  # scene.JourneyScene

    # ------------------------------------------------------------------ reading
    # ------------------------------------------------------------------ reading

    @property
    def layout(self) -> Layout:
        """The current layout (computed again after every change of the document)."""
        return self._layout

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def thumbnail(self, image: ImageRef) -> QPixmap | None:
        """A card's photo at thumbnail size, its small copy read from the library the first time it is drawn."""
        thumbnails: Thumbnails | None = getattr(self, "_thumbnails", None)
        if thumbnails is None:
            thumbnails = self._thumbnails = Thumbnails(self.document.library.image_thumbnail)
        return thumbnails.pixmap(image)

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
        """The card's item (made now if it was not yet: items are made as cards come into view), or None."""
        return self._card(touchpoint_id)

    def card_items(self) -> dict[int, CardItem]:
        """Every card's item by touchpoint id (a copy; the items not made yet are made now)."""
        items: dict[int, CardItem] = {}
        for card_id in self._layout.cards:
            item = self._card(card_id)
            if item is not None:
                items[card_id] = item
        return items

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
        wanted = [i for i in dict.fromkeys(ids) if i in self._layout.cards]
        self.blockSignals(True)
        try:
            self.clearSelection()
            for card_id in wanted:
                item = self._card(card_id)
                if item is not None:
                    item.setSelected(True)
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
        item = self._card(touchpoint_id)
        if item is None:
            return
        for view in self.views():
            view.ensureVisible(item.sceneBoundingRect(), 24, 24)

    # ------------------------------------------------------------------ overview (far zoomed out)

    @property
    def overview(self) -> bool:
        """Whether the cards are drawn by the overview item (the view turns this on below `OVERVIEW_ZOOM`)."""
        return self._overview

    def update_card_painting(self, item: CardItem) -> None:
        """A card paints itself unless the overview draws it (a dragged card always paints itself)."""
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self._overview and not item.dragging)

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

    def _unset_cursor(self) -> None:
        for view in self.views():
            view.viewport().unsetCursor()

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

    # ------------------------------------------------------------------ context menus

    def _menu_parent(self) -> QWidget | None:
        views = self.views()
        return views[0] if views else None

"""Keeping the scene's items in step with the document: after each `Change`, only the cells and lanes it touched are
laid out again (`cjmapper.relayout`) and only the items it named are made, dropped or updated; the overview's blocks
follow. `_apply` is the one place that reads a `Change`.

Card items are made lazily: for the cards a view shows (and a margin around it, `expose`), and on demand for a card
that is asked for (`_card`: selection, search, keyboard, editing). A card without an item is drawn by nobody until
it comes into view, so a change of a cell of 2,000 cards, or a move of the lanes below it, touches only the few items
made so far. Once made, an item stays until its card goes."""

from __future__ import annotations

from bisect import bisect_left
from typing import cast

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsView

from cjmapper.editing import Change, ChangeKind
from cjmapper.hit_test import cards_in
from cjmapper.layout import CardBox, LaneBox, Layout, Rect, compute_layout
from cjmapper.model import Journey, LaneKind, Touchpoint
from cjmapper.relayout import update_layout

from .grid_items import CellItem, CurveItem, LaneHeaderItem, PhaseHeaderItem
from .items import CardItem, ItemHost, LaneRowItem, score_strip
from .painting import (
    color,
    lane_color,
    phase_color,
    score_color,
)
from .scene_base import SceneBase
from .sticky_headers import pin_headers

SCENE_MARGIN = 24.0
"""Room around the map, so its edges do not stick to the view's."""

EXPOSE_MARGIN = 0.5
"""Card items are made for what a view shows and this share of its size on every side (scrolling a little finds
them made)."""


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


class ItemSync(SceneBase):
    """The items made, moved, repainted or dropped after each change of the document."""

    comment_counts: dict[int, int] = {}  # noqa: RUF012 - replaced, never changed in place
    """Each card's number of open comments (`Journey.open_comments`), for its badge: counted again on each change."""

    def _host(self) -> ItemHost:
        """The scene the items call back: a `JourneyScene`, whose other parts (scene_input, scene_menus) answer."""
        return cast("ItemHost", self)

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
        named versions -> nothing; phases or lanes -> everything."""
        journey = self.document.journey
        if change.kind is ChangeKind.VERSIONS:
            return  # a named version was saved, deleted or put back: nothing on the map changed
        if change.kind is ChangeKind.CARDS:
            self.comment_counts = journey.open_comments()  # a comment's edit is a change of its card
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
        self.comment_counts = journey.open_comments()
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
        for view in self.views():
            self.expose_view(view)
        self.pin_headers(self._shown)
        self._capture.sync()
        self._follow_editor()

    def pin_headers(self, shown: QRectF | None) -> None:
        """The view shows `shown` of the map (scene coordinates): keep the phase headers at its top and the lane
        headers at its left (`ui.canvas.sticky_headers`); again after every change. None: where the layout puts them."""
        self._shown = QRectF(shown) if shown is not None else None
        moving = self._header_drag.item if self._header_drag is not None else None
        pin_headers(self._layout, self._phases.values(), self._lanes.values(), self._corner, self._shown, moving)

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
                item = cards.get(card_id)
                if item is None:
                    continue  # made when it comes into view (or is asked for)
                box = boxes[card_id]
                if card_id in ids:
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

    def _update_overview(self) -> None:
        layout = self._layout
        fills: dict[int, tuple[QColor, list[QRectF]]] = {}
        scores: dict[int, tuple[QColor, list[QRectF]]] = {}
        lane_colours = self._lane_colours(self.document.journey)
        touchpoints = self._touchpoints
        boxes = layout.cards
        for card_id in boxes:
            r = boxes[card_id].rect
            card = touchpoints[card_id]
            block = QRectF(r.x, r.y, r.width, r.height)
            fill = color(card.color) if card.color else lane_colours[card.lane_id]
            fills.setdefault(fill.rgb(), (fill, []))[1].append(block)
            score = card.score
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
                header = PhaseHeaderItem(self._host(), box)
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
                header_item = LaneHeaderItem(self._host(), lane_box)
                self._lanes[lane.id] = header_item
                self.addItem(header_item)
            header_item.set_box(lane_box, lane_box.index % 2 == 1)
            header_item.set_content(lane, lane_color(lane.kind, lane.color))
            row = self._rows.get(lane.id)
            if row is None:
                row = LaneRowItem(lane.id, lane_box.row.y, lane.kind)
                self._rows[lane.id] = row
                self.addItem(row)
            else:
                row.setPos(0.0, lane_box.row.y)
                row.set_kind(lane.kind)
            row.set_row(lane_box.row.x, lane_box.row.width, lane_box.row.height)
        for lane_id in [i for i in self._lanes if i not in seen]:
            self._retire(self._lanes.pop(lane_id))

        lane_index = {box.lane_id: box.index for box in layout.lanes}
        for key, cell in layout.cells.items():
            alternate = lane_index.get(key[1], 0) % 2 == 1
            cell_item = self._cells.get(key)
            if cell_item is None:
                cell_item = CellItem(key[0], key[1], cell.rect, alternate, self.theme)
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
                curve_item = CurveItem(self._host(), lane_box)
                self._curves[lane_box.lane_id] = curve_item
                self.addItem(curve_item)
            curve = curves.get(lane_box.lane_id)
            curve_item.set_content(lane_box, curve, layout.phases, phase_colours)
            header = self._lanes.get(lane_box.lane_id)
            if header is not None:
                header.set_legend(curve.personas.legend if curve is not None else ())
        for lane_id in [i for i in self._curves if i not in seen]:
            self._retire(self._curves.pop(lane_id))

    def _sync_cards(self, journey: Journey, layout: Layout) -> None:
        """Bring the items made so far in line with the layout (the others are made when they come into view)."""
        lane_colours = self._lane_colours(journey)
        boxes = layout.cards
        for card_id in [i for i in self._cards if i not in boxes]:
            self._drop_card(card_id)
        touchpoints = self._touchpoints
        for card_id in list(self._cards):
            self._sync_card(touchpoints[card_id], boxes[card_id], lane_colours)

    # ------------------------------------------------------------------ card items made lazily

    def _card(self, touchpoint_id: int) -> CardItem | None:
        """The card's item, made now if it was not yet; None when the card is not on the map."""
        item = self._cards.get(touchpoint_id)
        if item is None:
            box = self._layout.cards.get(touchpoint_id)
            card = self._touchpoints.get(touchpoint_id)
            if box is None or card is None:
                return None
            item = self._make_card(card, box, self._lane_colours(self.document.journey))
        return item

    def expose_view(self, view: QGraphicsView) -> None:
        """Make the items of the cards `view` shows, and of those within `EXPOSE_MARGIN` around it."""
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        layout = self._layout
        if self._exposed is not None and self._exposed[0] is layout and self._exposed[1].contains(visible):
            return  # the same layout, and the view still inside what was made for it (a hover, a small scroll)
        dx = visible.width() * EXPOSE_MARGIN
        dy = visible.height() * EXPOSE_MARGIN
        area = visible.adjusted(-dx, -dy, dx, dy)
        self.expose(area)
        self._exposed = (layout, area)

    def render(
        self,
        painter: QPainter,
        target: QRectF | QRect = QRectF(),  # noqa: B008 - Qt's defaults
        source: QRectF | QRect = QRectF(),  # noqa: B008
        mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio,
    ) -> None:
        """Qt's render, with the items of the cards in `source` (everywhere when null) made first."""
        self.expose(QRectF(source) if not source.isNull() else self.sceneRect())
        super().render(painter, target, source, mode)

    def expose(self, rect: QRectF) -> None:
        """Make the items of the cards in `rect` (scene coordinates) that have none yet."""
        layout = self._layout
        boxes = layout.cards
        cards = self._cards
        touchpoints = self._touchpoints
        lane_colours: dict[int, QColor] | None = None
        for card_id in cards_in(layout, rect.left(), rect.top(), rect.right(), rect.bottom()):
            if card_id not in cards:
                if lane_colours is None:
                    lane_colours = self._lane_colours(self.document.journey)
                self._make_card(touchpoints[card_id], boxes[card_id], lane_colours)

    @staticmethod
    def _lane_colours(journey: Journey) -> dict[int, QColor]:
        return {lane.id: lane_color(lane.kind, lane.color) for lane in journey.lanes}

    def _drop_card(self, card_id: int) -> None:
        gone = self._cards.pop(card_id)
        if self._editor.target == ("card", card_id):
            self._editor.cancel()
        self._retire(gone)

    def _make_card(self, t: Touchpoint, box: CardBox, lane_colours: dict[int, QColor]) -> CardItem:
        colour = color(t.color) if t.color else lane_colours[t.lane_id]
        item = CardItem(self._host(), box, t, colour, self._rows[box.lane_id])
        item.comments = self.comment_counts.get(t.id, 0)
        self._cards[t.id] = item
        if self._overview:
            self.update_card_painting(item)
        return item

    def _sync_card(self, t: Touchpoint, box: CardBox, lane_colours: dict[int, QColor]) -> None:
        """Repaint or move the card's item (made earlier) to show `t` in `box`."""
        colour = color(t.color) if t.color else lane_colours[t.lane_id]
        item = self._cards[t.id]
        row = self._rows[box.lane_id]
        if item.card is not t or item.colour is not colour:
            item.set_card(t, colour)
        item.set_comments(self.comment_counts.get(t.id, 0))
        if item.parentItem() is not row:
            item.setParentItem(row)
            item.set_box(box)
        elif item.box is not box and item.box != box:
            item.set_box(box)

"""The find's and the filter's marks on the canvas: the cards a filter leaves out painted faint (their items'
opacity, `CardItem.set_dimmed`), the cards the find bar found ringed (`FoundRings`, one item over the cards).

`CardMarks` is the part of `JourneyScene` that keeps them: the filter (`set_filter`, a `cjmapper.find.CardFilter`)
is evaluated again after every change of the document, for the changed cards only when only cards changed, so an
edit, an undo or a relayout keeps the dimming right; a card item made later (items are made as cards come into view)
is made faint when it should be. The rings are drawn by one item from the layout's card boxes, so a keystroke that
finds thousands of cards repaints no card (their cached pixmaps stay) and needs no card item made; they show at every
zoom, the overview's too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjmapper.editing import Change, ChangeKind
from cjmapper.find import CardFilter, matching_ids
from cjmapper.hit_test import cards_in
from cjmapper.layout import CardBox, Layout
from cjmapper.model import Touchpoint

from .items import CARD_RADIUS, DIMMED_OPACITY, Z_CARD, CardItem
from .scene_sync import ItemSync

FOUND_COLOUR = QColor("#f0a000")
"""The ring around a card the find bar found (amber: apart from the selection's colour, in light and dark)."""
FEW_CHANGES = 64
"""Up to this many rings that came or went are repainted each where it is; more, the whole item."""
MANY_RINGS = 400
"""Past this many rings in view they are drawn square, in one call."""
RING_WIDTH = 3.0
"""The ring's width in scene units (at least 2 pixels however far zoomed out); the current hit's is 1.7 times it."""


class FoundRings(QGraphicsItem):
    """The rings around the found cards, drawn from `layout()` (the scene's current layout) over the cards and under
    the headers. It takes no clicks and has no shape: what lies under the pointer is what lies under the rings."""

    def __init__(self, layout: Callable[[], Layout]) -> None:
        super().__init__()
        self._layout = layout
        self._ids: frozenset[int] = frozenset()
        self.current: int | None = None
        self._bounds = QRectF()
        self.setZValue(Z_CARD + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for option.exposedRect

    @property
    def ids(self) -> frozenset[int]:
        return self._ids

    def set_rings(self, ids: frozenset[int], current: int | None, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        changed = ids ^ self._ids
        if self.current != current:
            changed |= {i for i in (self.current, current) if i is not None}
        self._ids = ids
        self.current = current
        self.setVisible(bool(ids))
        if len(changed) > FEW_CHANGES:
            self.update()
            return
        boxes = self._layout().cards
        grow = 4 * RING_WIDTH
        for card_id in changed:  # only where a ring came, went or became the current one
            if card_id in boxes:
                r = boxes[card_id].rect
                self.update(QRectF(r.x - grow, r.y - grow, r.width + 2 * grow, r.height + 2 * grow))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        width = max(RING_WIDTH, 2.0 / max(lod, 0.001))
        grow = width / 2 + 1
        area = exposed.adjusted(-2 * width, -2 * width, 2 * width, 2 * width)
        rings = card_rects_in(self._layout(), area, self._ids.__contains__, grow)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(FOUND_COLOUR, width)
        painter.setPen(pen)
        if len(rings) > MANY_RINGS:  # far zoomed out: square rings in one call
            painter.drawRects(rings)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            radius = CARD_RADIUS + grow
            for ring in rings:
                painter.drawRoundedRect(ring, radius, radius)
        current = self.current
        boxes = self._layout().cards
        if current is not None and current in self._ids and current in boxes:
            r = boxes[current].rect
            painter.setPen(QPen(FOUND_COLOUR, width * 1.7))
            ring = QRectF(r.x, r.y, r.width, r.height).adjusted(-grow, -grow, grow, grow)
            painter.drawRoundedRect(ring, CARD_RADIUS + grow, CARD_RADIUS + grow)


def card_rects_in(layout: Layout, area: QRectF, wanted: Callable[[int], bool], grow: float = 0.0) -> list[QRectF]:
    """The rects (grown by `grow`) of the cards in `area` that are `wanted`: only the cells there are looked through,
    so a far zoomed-out map of 20,000 cards costs one pass and a view of 200 cards a few."""
    boxes = layout.cards
    rects: list[QRectF] = []
    for card_id in cards_in(layout, area.left(), area.top(), area.right(), area.bottom()):
        if wanted(card_id):
            r = boxes[card_id].rect
            rects.append(QRectF(r.x - grow, r.y - grow, r.width + 2 * grow, r.height + 2 * grow))
    return rects


class DimWash(QGraphicsItem):
    """While the overview draws the cards as blocks (far zoomed out, where card items do not paint), the cards the
    filter leaves out are washed over in the background's colour, so they look as faint as their items would."""

    def __init__(self, layout: Callable[[], Layout]) -> None:
        super().__init__()
        self._layout = layout
        self._kept: frozenset[int] = frozenset()
        self._bounds = QRectF()
        self.setZValue(Z_CARD - 0.5)  # over the overview's blocks
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.hide()

    def set_kept(self, kept: frozenset[int] | None, bounds: QRectF, shown: bool) -> None:
        """Wash over every card not in `kept` (None: no filter, nothing washed) while `shown`."""
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        self._kept = kept or frozenset()
        self.setVisible(shown and kept is not None)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        kept = self._kept
        rects = card_rects_in(self._layout(), option.exposedRect, lambda card_id: card_id not in kept)
        scene = self.scene()
        colour = QColor(scene.backgroundBrush().color() if scene is not None else Qt.GlobalColor.white)
        colour.setAlphaF(1.0 - DIMMED_OPACITY)  # the theme's background, light or dark
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRects(rects)


class CardMarks(ItemSync):
    """The filter and the found cards of one journey's canvas (see the module's docstring)."""

    marks_changed = Signal()
    """The filter or the cards it keeps changed (the window's indicator counts them)."""

    _filter: CardFilter | None = None
    _kept: frozenset[int] | None = None
    _found: frozenset[int] = frozenset()
    _rings: FoundRings | None = None
    _wash: DimWash | None = None

    @property
    def card_filter(self) -> CardFilter | None:
        """The filter on (None: off)."""
        return self._filter

    @property
    def kept_ids(self) -> frozenset[int] | None:
        """The ids of the cards the filter keeps; None while no filter is on (every card shows)."""
        return self._kept

    @property
    def found_ids(self) -> frozenset[int]:
        """The cards ringed."""
        return self._found

    @property
    def found_rings(self) -> FoundRings | None:
        """The item that draws the rings (None until something was found)."""
        return self._rings

    def set_filter(self, spec: CardFilter | None) -> None:
        """Dim the cards `spec` leaves out; None (or a filter that keeps everything) shows them all again."""
        self._filter = spec if spec is not None and spec.active else None
        self._kept = matching_ids(self.document.journey, self._filter) if self._filter is not None else None
        self._mark_all()
        self._update_wash()
        self.marks_changed.emit()

    def set_found(self, ids: Iterable[int], current: int | None = None) -> None:
        """Ring these cards (the find bar's hits), `current` more boldly; an empty list rings none."""
        found = frozenset(ids)
        if found == self._found and (self._rings is None or self._rings.current == current):
            return
        self._found = found
        rings = self._rings
        if rings is None:
            if not found:
                return
            rings = self._rings = FoundRings(lambda: self._layout)
            self.addItem(rings)
        rings.set_rings(found, current, self._map_rect())

    def set_overview(self, on: bool) -> None:
        super().set_overview(on)
        self._update_wash()

    def _update_wash(self) -> None:
        """The overview's wash over the cards left out, shown while the overview draws the cards and a filter is on."""
        if self._wash is None:
            if self._kept is None:
                return
            self._wash = DimWash(lambda: self._layout)
            self.addItem(self._wash)
        self._wash.set_kept(self._kept, self._map_rect(), self._overview)

    def _map_rect(self) -> QRectF:
        margin = 4 * RING_WIDTH
        return QRectF(-margin, -margin, self._layout.width + 2 * margin, self._layout.height + 2 * margin)

    def _settle(self) -> None:
        """After every layout (a change, workshop mode's sizes): the rings and the wash over the map as it is now."""
        super()._settle()
        if self._rings is not None and self._found:
            self._rings.set_rings(self._found, self._rings.current, self._map_rect())  # the cards' new places
        if self._wash is not None and self._wash.isVisible():
            self._wash.set_kept(self._kept, self._map_rect(), self._overview)

    def _apply(self, change: Change) -> None:
        super()._apply(change)
        spec = self._filter
        if spec is None or change.kind is ChangeKind.VERSIONS:
            return
        journey = self.document.journey
        kept = self._kept or frozenset()
        if change.kind is ChangeKind.CARDS:
            changed = change.added | change.removed | change.updated
            cards = [card for card in (self._touchpoints.get(i) for i in changed) if card is not None]
            now = (kept - changed) | frozenset(card.id for card in cards if spec.keeps(card, journey))
        else:
            now = matching_ids(journey, spec)
        if now != self._kept:
            touched = now ^ kept
            self._kept = now
            for card_id in touched:
                item = self._cards.get(card_id)
                if item is not None:
                    self._mark(item)
            self._update_wash()
            self.marks_changed.emit()

    def _make_card(self, t: Touchpoint, box: CardBox, lane_colours: dict[int, QColor]) -> CardItem:
        item = super()._make_card(t, box, lane_colours)
        if self._kept is not None:
            self._mark(item)
        return item

    def _mark_all(self) -> None:
        for item in self._cards.values():
            self._mark(item)

    def _mark(self, item: CardItem) -> None:
        kept = self._kept
        item.set_dimmed(kept is not None and item.touchpoint_id not in kept)

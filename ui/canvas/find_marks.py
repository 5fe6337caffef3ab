"""The find's and the filter's marks on the canvas: the cards a filter leaves out painted faint, the cards the find bar
found ringed (`CardItem.set_marks`).

`CardMarks` is the part of `JourneyScene` that keeps them: the filter (`set_filter`, a `cjmapper.find.CardFilter`)
is evaluated again after every change of the document, for the changed cards only when only cards changed, so an
edit, an undo or a relayout keeps the dimming right; a card item made later (items are made as cards come into view)
gets its marks as it is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor

from cjmapper.editing import Change, ChangeKind
from cjmapper.find import CardFilter, matching_ids
from cjmapper.layout import CardBox
from cjmapper.model import Touchpoint

from .items import CardItem
from .scene_sync import ItemSync


class CardMarks(ItemSync):
    """The filter and the found cards of one journey's canvas (see the module's docstring)."""

    marks_changed = Signal()
    """The filter or the cards it keeps changed (the window's indicator counts them)."""

    _filter: CardFilter | None = None
    _kept: frozenset[int] | None = None
    _found: frozenset[int] = frozenset()

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
        return self._found

    def set_filter(self, spec: CardFilter | None) -> None:
        """Dim the cards `spec` leaves out; None (or a filter that keeps everything) shows them all again."""
        self._filter = spec if spec is not None and spec.active else None
        self._kept = matching_ids(self.document.journey, self._filter) if self._filter is not None else None
        self._mark_all()
        self.marks_changed.emit()

    def set_found(self, ids: Iterable[int]) -> None:
        """Ring these cards (the find bar's hits); an empty list rings none."""
        found = frozenset(ids)
        if found == self._found:
            return
        before = self._found
        self._found = found
        for card_id in before ^ found:
            item = self._cards.get(card_id)
            if item is not None:
                self._mark(item)

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
            now = (kept - changed) | frozenset(card.id for card in cards if spec.keeps(card))
        else:
            now = matching_ids(journey, spec)
        if now != self._kept:
            touched = now ^ kept
            self._kept = now
            for card_id in touched:
                item = self._cards.get(card_id)
                if item is not None:
                    self._mark(item)
            self.marks_changed.emit()

    def _make_card(self, t: Touchpoint, box: CardBox, lane_colours: dict[int, QColor]) -> CardItem:
        item = super()._make_card(t, box, lane_colours)
        if self._kept is not None or self._found:
            self._mark(item)
        return item

    def _mark_all(self) -> None:
        for item in self._cards.values():
            self._mark(item)

    def _mark(self, item: CardItem) -> None:
        card_id = item.touchpoint_id
        kept = self._kept
        item.set_marks(kept is not None and card_id not in kept, card_id in self._found)

"""The open journey as the editor holds it, and the patches the commands make to it after each library edit.

A `JourneySnapshot` holds one journey of a library, always equal to what the library holds once an edit (or its
undo or redo) returns: a command makes its library call, then patches the snapshot from what the library returned,
instead of reading the journey again. The journey's cards are kept in id order, found by id; model objects in it
are replaced, never changed in place, so a card a caller holds stays as it was (the lists and the journey's own
fields do change).

The journey's revision is what the library says it is after each edit (`adopt`): every library call passes the
revision last seen, so the library refuses an edit of a journey someone else changed meanwhile.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import replace

from cjmapper.errors import NotFoundError
from cjmapper.messages import say
from cjmapper.model import Comment, Journey, Lane, Phase, Touchpoint
from cjmapper.store import Library, Placement

Cell = tuple[int, int]


def _by_id(item: Touchpoint | Comment) -> int:
    return item.id


def _in_cell(card: Touchpoint) -> tuple[int, int]:
    return (card.position, card.id)


class JourneySnapshot:
    """One journey of an open library, patched by the editing commands. The caller keeps the library open.
    `source` reads the journey (default: as the library holds it now; a saved version's viewer passes the version)."""

    def __init__(self, library: Library, journey_id: int, source: Callable[[], Journey] | None = None) -> None:
        self.library = library
        self.journey_id = journey_id
        self._source = source if source is not None else lambda: library.load_journey(journey_id)
        self.read_at = 0
        """The revision at which the journey was last read from the library: every later one is this editor's."""
        self._at: dict[int, int] | None = None
        """Card id: its place in `journey.touchpoints` (None: to be counted again, after cards came or went)."""
        self._cells: dict[Cell, dict[int, None]] | None = None
        """Each cell's card ids, kept in step by the patches (None: to be gathered again from the cards)."""
        self._put_aside: dict[int, list[Comment]] = {}
        """The comments of cards deleted here, by card id: the library keeps them, and they come back with the card."""
        self._journey: Journey = self.read()

    @property
    def journey(self) -> Journey:
        """The journey, always equal to what the library holds once an edit returns."""
        return self._journey

    @journey.setter
    def journey(self, journey: Journey) -> None:
        self._journey = journey
        self._at = None
        self._cells = None

    # ------------------------------------------------------------------ reading

    def read(self) -> Journey:
        """The journey as the library holds it now, cards in id order; what the snapshot holds from here on (the
        caller adopts it)."""
        journey = self._source()
        journey.touchpoints.sort(key=_by_id)
        self.read_at = journey.revision
        return journey

    def reread(self) -> None:
        """Read the journey again and hold that. Cards that read back equal to the ones held keep their objects, so
        a view passes over them at once: a teammate's edit of one card touches one card item, however large the
        map. Raises CjmapperError when the library cannot be read (the snapshot is then left as it was)."""
        journey = self.read()
        held = {card.id: card for card in self.journey.touchpoints}
        journey.touchpoints[:] = [
            kept if (kept := held.get(card.id)) is not None and kept == card else card for card in journey.touchpoints
        ]
        self.journey = journey

    @property
    def revision(self) -> int:
        """The journey's revision as last seen: what the next library call expects."""
        return self.journey.revision

    def adopt(self, revision: int | None) -> None:
        """After a library edit of the journey: take the revision it returned (every edit of `Library` returns the
        journey's new revision, as an int or a result's `revision`)."""
        if revision is None:
            raise ValueError("the library edit returned no revision")
        self.journey.revision = revision

    # ------------------------------------------------------------------ cards

    def _places(self) -> dict[int, int]:
        cards = self.journey.touchpoints
        if self._at is None or len(self._at) != len(cards):
            self._at = {card.id: at for at, card in enumerate(cards)}
        return self._at

    def card_index(self, card_id: int) -> int:
        """Where the card stands in `journey.touchpoints`; NotFoundError when the journey has no such card."""
        cards = self.journey.touchpoints
        at = self._places().get(card_id)
        if at is None or cards[at].id != card_id:
            at = bisect.bisect_left(cards, card_id, key=_by_id)  # the list was changed behind the snapshot's back
            self._at = None
            if at == len(cards) or cards[at].id != card_id:
                raise NotFoundError(say("There is no touchpoint with id {0} on this journey.", card_id))
        return at

    def card(self, card_id: int) -> Touchpoint:
        return self.journey.touchpoints[self.card_index(card_id)]

    def has_card(self, card_id: int) -> bool:
        try:
            self.card_index(card_id)
        except NotFoundError:
            return False
        return True

    def put_cards(self, cards: Iterable[Touchpoint]) -> None:
        """Add or replace cards (copies: the caller's objects stay theirs)."""
        listed = self.journey.touchpoints
        new: list[Touchpoint] = []
        for card in cards:
            if self.has_card(card.id):
                at = self.card_index(card.id)
                self._refile(listed[at], card)
                listed[at] = replace(card)
            else:
                new.append(replace(card))
                self.journey.comments += self._put_aside.pop(card.id, [])
        if new:
            self.journey.comments.sort(key=_by_id)
            listed.extend(new)
            listed.sort(key=_by_id)
            self._at = None
            self._cells = None

    def drop_cards(self, ids: Iterable[int]) -> None:
        gone = set(ids)
        self.journey.touchpoints[:] = [t for t in self.journey.touchpoints if t.id not in gone]
        if self.journey.comments:
            kept: list[Comment] = []
            for comment in self.journey.comments:
                if comment.touchpoint_id in gone:
                    self._put_aside.setdefault(comment.touchpoint_id, []).append(comment)
                else:
                    kept.append(comment)
            self.journey.comments[:] = kept
        self._at = None
        self._cells = None

    def place(self, placements: Iterable[Placement]) -> None:
        """Put cards where the placements say."""
        listed = self.journey.touchpoints
        for p in placements:
            at = self.card_index(p.touchpoint_id)
            was = listed[at]
            listed[at] = now = replace(was, phase_id=p.phase_id, lane_id=p.lane_id, position=p.position)
            self._refile(was, now)

    def placements(self, ids: Iterable[int]) -> dict[int, Placement]:
        """Where the cards stand, by id."""
        return {t.id: Placement(t.id, t.phase_id, t.lane_id, t.position) for t in self._cards(ids)}

    def _cards(self, ids: Iterable[int]) -> list[Touchpoint]:
        """The cards with these ids (NotFoundError for an unknown one), by their places in one pass."""
        cards = self.journey.touchpoints
        places = self._places()
        found: list[Touchpoint] = []
        for card_id in ids:
            at = places.get(card_id)
            if at is None or cards[at].id != card_id:
                at = self.card_index(card_id)
                places = self._places()
            found.append(cards[at])
        return found

    def cell_ids(self, phase_id: int, lane_id: int) -> list[int]:
        """The ids in a cell in the library's order (sort key, then id): from the cells' index, so a move in a
        journey of 50,000 cards reads only the cards of its cell."""
        key = (phase_id, lane_id)
        cells = self._cells
        listed = self.journey.touchpoints
        if cells is None or sum(map(len, cells.values())) != len(listed):
            cells = self._cells = {}
            for t in listed:
                cells.setdefault((t.phase_id, t.lane_id), {})[t.id] = None
        cards = self._cards(cells.get(key, ()))
        if any((t.phase_id, t.lane_id) != key for t in cards):  # changed behind the snapshot's back: gather again
            self._cells = None
            cards = [t for t in listed if t.phase_id == phase_id and t.lane_id == lane_id]
        cards.sort(key=_in_cell)
        return [t.id for t in cards]

    def _refile(self, was: Touchpoint, now: Touchpoint) -> None:
        """Keep the cells' index in step with a card replaced by another version of it."""
        cells = self._cells
        if cells is not None and (was.phase_id, was.lane_id) != (now.phase_id, now.lane_id):
            cells.get((was.phase_id, was.lane_id), {}).pop(was.id, None)
            cells.setdefault((now.phase_id, now.lane_id), {})[now.id] = None

    # ------------------------------------------------------------------ phases and lanes

    def phase(self, phase_id: int) -> Phase:
        try:
            return self.journey.phase(phase_id)
        except KeyError:
            raise NotFoundError(say("There is no phase with id {0} on this journey.", phase_id)) from None

    def lane(self, lane_id: int) -> Lane:
        try:
            return self.journey.lane(lane_id)
        except KeyError:
            raise NotFoundError(say("There is no lane with id {0} on this journey.", lane_id)) from None

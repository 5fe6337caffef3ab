"""The commands that add, copy, move and delete cards (their fields are edited by `field_commands`).

Cards added or copied into a cell are one batch edit of the library (`Library.add_touchpoints`): one transaction,
one revision, one change, however many cards. Undo deletes them; redo puts them back with the same ids and sort
keys (`restore_touchpoints`), so later commands holding those ids stay valid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from cjmapper import card_fields
from cjmapper.errors import EditError
from cjmapper.messages import say
from cjmapper.model import Touchpoint
from cjmapper.store import Placement

from .changes import Change, ChangeKind
from .command import Command, ids
from .labels import Label, marked, quoted
from .parts import Parts, card_parts
from .snapshot import JourneySnapshot

CARD_FIELDS = card_fields.NAMES
"""The fields of a card an edit may set (its place changes only by moving it), as `cjmapper.card_fields` declares."""
COPIED_FIELDS = card_fields.COPIED
"""What a copy takes over besides the title."""


def copied_fields(card: Touchpoint) -> dict[str, object]:
    """What a copy of `card` takes over besides the title: its fields, and the other personas' ratings it has."""
    fields: dict[str, object] = {name: getattr(card, name) for name in COPIED_FIELDS}
    if card.ratings:
        fields["ratings"] = dict(card.ratings)
    if card.image is not None:
        fields["image"] = card.image
    return fields


class NewCardsCommand(Command):
    """Cards added to one cell, from `index` on (None: at the end), in the order given: (title, other fields)."""

    def __init__(
        self,
        snapshot: JourneySnapshot,
        phase_id: int,
        lane_id: int,
        index: int | None,
        specs: Sequence[tuple[str, Mapping[str, object]]],
    ) -> None:
        super().__init__(snapshot)
        self.phase_id = phase_id
        self.lane_id = lane_id
        self.index = None if index is None else max(index, 0)
        self.specs = [(title, dict(fields)) for title, fields in specs]
        self.card_ids: tuple[int, ...] = ()
        self._cards: tuple[Touchpoint, ...] = ()
        """The new cards as they stand after the edit (for redo)."""
        self._others_before: tuple[Placement, ...] = ()
        self._others_after: tuple[Placement, ...] = ()
        """Other cards of the cell that the library renumbered to make room."""

    def execute(self) -> Change | None:
        if not self.specs:
            return None
        snapshot = self.snapshot
        cell_before = snapshot.placements(snapshot.cell_ids(self.phase_id, self.lane_id))
        additions = self.library.add_touchpoints(
            snapshot.journey_id,
            self.phase_id,
            self.lane_id,
            self.specs,
            index=self.index,
            expected_revision=self.seen,
        )
        snapshot.adopt(additions.revision)
        snapshot.place(additions.renumbered.after)
        snapshot.put_cards(additions.touchpoints)
        after = snapshot.placements(cell_before)
        moved = [i for i in cell_before if after[i] != cell_before[i]]
        self._others_before = tuple(cell_before[i] for i in moved)
        self._others_after = tuple(after[i] for i in moved)
        self.card_ids = tuple(card.id for card in additions.touchpoints)
        self._cards = tuple(replace(snapshot.card(i)) for i in self.card_ids)
        self.label = self.describe()
        return Change(ChangeKind.CARDS, added=ids(self.card_ids), updated=ids(moved))

    def holds(self) -> Parts:
        return card_parts(self._cards) | Parts(
            cards=ids(p.touchpoint_id for p in self._others_before), cells=frozenset({(self.phase_id, self.lane_id)})
        )

    def describe(self) -> Label:
        if len(self._cards) == 1:
            return Label(marked("Insert card {0}"), (quoted(self._cards[0].title),))
        return Label(marked("Insert {0} cards"), (len(self._cards),))

    def backward(self) -> Change:
        self.delete_cards(self.card_ids)
        self.arrange(self._others_before)
        return Change(
            ChangeKind.CARDS, removed=ids(self.card_ids), updated=ids(p.touchpoint_id for p in self._others_before)
        )

    def forward(self) -> Change:
        self.arrange(self._others_after)
        self.restore_cards(self._cards)
        return Change(
            ChangeKind.CARDS, added=ids(self.card_ids), updated=ids(p.touchpoint_id for p in self._others_after)
        )


class AddTouchpointCommand(NewCardsCommand):
    """A new card with a title and maybe other fields."""

    def __init__(
        self,
        snapshot: JourneySnapshot,
        phase_id: int,
        lane_id: int,
        title: str,
        index: int | None,
        fields: Mapping[str, object],
    ) -> None:
        unknown = [name for name in fields if name not in COPIED_FIELDS]
        if unknown:
            raise TypeError(f"add_touchpoint() got an unexpected field {unknown[0]!r}")
        super().__init__(snapshot, phase_id, lane_id, index, [(title, fields)])

    def describe(self) -> Label:
        return Label(marked("Add card {0}"), (quoted(self._cards[0].title),))


class InsertTouchpointsCommand(NewCardsCommand):
    """Copies of cards (paste, duplicate): their fields and every persona's score and target (`ratings`, by the
    persona ids of this journey: a paste from elsewhere maps them first), not their ids or places."""

    def __init__(
        self, snapshot: JourneySnapshot, cards: Sequence[Touchpoint], phase_id: int, lane_id: int, index: int | None
    ) -> None:
        specs = [(card.title, copied_fields(card)) for card in cards]
        super().__init__(snapshot, phase_id, lane_id, index, specs)


class MoveTouchpointsCommand(Command):
    """Undo = arrange(the placements before), redo = arrange(the placements after)."""

    def __init__(
        self, snapshot: JourneySnapshot, card_ids: Sequence[int], phase_id: int, lane_id: int, index: int | None
    ) -> None:
        super().__init__(snapshot)
        self.ids = list(dict.fromkeys(card_ids))
        self.phase_id = phase_id
        self.lane_id = lane_id
        self.index = index
        self._before: tuple[Placement, ...] = ()
        self._after: tuple[Placement, ...] = ()

    def execute(self) -> Change | None:
        snapshot = self.snapshot
        if not self.ids:
            raise EditError(say("Select one or more cards to move."))
        first = snapshot.card(self.ids[0])
        for card_id in self.ids[1:]:
            snapshot.card(card_id)
        moving = set(self.ids)
        cell = snapshot.cell_ids(self.phase_id, self.lane_id)
        rest = [i for i in cell if i not in moving]
        at = len(rest) if self.index is None else max(0, min(self.index, len(rest)))
        if [*rest[:at], *self.ids, *rest[at:]] == cell:
            return None  # the cards already stand there
        move = self.library.move_touchpoints(
            self.ids, self.phase_id, self.lane_id, self.index, expected_revision=self.seen
        )
        snapshot.adopt(move.revision)
        placed = [*move.renumbered.after, *move.after]
        renumbered = {p.touchpoint_id for p in move.renumbered.after}  # the cell's other cards that moved
        before = snapshot.placements([*self.ids, *(i for i in rest if i in renumbered)])
        snapshot.place(placed)
        after = snapshot.placements(before)
        moved = [i for i in before if after[i] != before[i]]
        self._before = tuple(before[i] for i in moved)
        self._after = tuple(after[i] for i in moved)
        if len(self.ids) == 1:
            self.label = Label(marked("Move card {0}"), (quoted(first.title),))
        else:
            self.label = Label(marked("Move {0} cards"), (len(self.ids),))
        return Change(ChangeKind.CARDS, updated=ids(moved))

    def holds(self) -> Parts:
        placements = (*self._before, *self._after)
        return Parts(
            cards=ids(p.touchpoint_id for p in placements), cells=frozenset((p.phase_id, p.lane_id) for p in placements)
        )

    def backward(self) -> Change:
        self.arrange(self._before)
        return Change(ChangeKind.CARDS, updated=ids(p.touchpoint_id for p in self._before))

    def forward(self) -> Change:
        self.arrange(self._after)
        return Change(ChangeKind.CARDS, updated=ids(p.touchpoint_id for p in self._after))


class DeleteTouchpointsCommand(Command):
    """Undo puts the cards back with their ids and sort keys (restore_touchpoints)."""

    def __init__(self, snapshot: JourneySnapshot, card_ids: Sequence[int]) -> None:
        super().__init__(snapshot)
        self.ids = list(dict.fromkeys(card_ids))
        self._cards: tuple[Touchpoint, ...] = ()

    def execute(self) -> Change | None:
        if not self.ids:
            return None
        first = self.snapshot.card(self.ids[0])
        for card_id in self.ids[1:]:
            self.snapshot.card(card_id)
        self._cards = tuple(self.delete_cards(self.ids))
        if len(self.ids) == 1:
            self.label = Label(marked("Delete card {0}"), (quoted(first.title),))
        else:
            self.label = Label(marked("Delete {0} cards"), (len(self.ids),))
        return Change(ChangeKind.CARDS, removed=ids(self.ids))

    def holds(self) -> Parts:
        return card_parts(self._cards)

    def backward(self) -> Change:
        self.restore_cards(self._cards)
        return Change(ChangeKind.CARDS, added=ids(self.ids))

    def forward(self) -> Change:
        self.delete_cards(self.ids)
        return Change(ChangeKind.CARDS, removed=ids(self.ids))

"""The commands on phases and lanes: add, move and delete (their fields are edited by `field_commands`).

Deleting a phase or lane deletes its cards; undo puts it and its cards back with the same ids and places, so the
commands below and above it on the undo stack stay valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from cjmapper.errors import NotFoundError
from cjmapper.messages import say, word
from cjmapper.model import Lane, LaneKind, Phase
from cjmapper.store import LaneRemoval, PhaseRemoval

from .changes import Change, ChangeKind
from .command import Command, ids
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts, card_parts
from .snapshot import JourneySnapshot

Removal = PhaseRemoval | LaneRemoval


def _clamped(index: int | None, length: int) -> int:
    """Where the library puts a phase or lane asked for at `index` among `length` others (its `_insert_at`)."""
    return length if index is None else max(0, min(index, length))


def _index_of(items: Sequence[Phase | Lane], item_id: int, what: str) -> int:
    for at, item in enumerate(items):
        if item.id == item_id:
            return at
    raise NotFoundError(say("There is no {0} with id {1} on this journey.", word(what), item_id))


class StructureCommand(Command):
    """A command on phases or lanes; `OnPhases` and `OnLanes` say which."""

    TOUCHES = Touches.STRUCTURE
    WHAT: ClassVar[str]
    TEXTS: ClassVar[dict[str, str]]
    """Edit menu label sources ("add", "move", "delete", "delete 1", "delete n"), marked."""

    def items(self) -> list[Any]:
        """The snapshot's phases or lanes (list[Phase] or list[Lane])."""
        raise NotImplementedError

    def library_delete(self, item_id: int) -> Removal:
        raise NotImplementedError

    def library_restore(self, removal: Removal) -> int:
        raise NotImplementedError

    def library_move(self, item_id: int, index: int) -> int:
        raise NotImplementedError

    def removal(self, index: int, item: Phase | Lane) -> Removal:
        """What restores a phase or lane that holds no cards."""
        raise NotImplementedError

    def changed(
        self, item_id: int, added: frozenset[int] = frozenset(), removed: frozenset[int] = frozenset()
    ) -> Change:
        """The change of this phase or lane (and of its cards that came or went)."""
        raise NotImplementedError

    def held(self, item_id: int, removal: Removal | None, *, whole: bool) -> Parts:
        """The phase or lane `item_id` with its place in the order; `whole`: with every cell of it (and the cards
        `removal` took out, which undo or redo put back)."""
        on_phases = self.WHAT == "phase"
        item = frozenset({item_id})
        parts = Parts(phases=item, phase_order=True) if on_phases else Parts(lanes=item, lane_order=True)
        if whole:
            parts |= Parts(whole_phases=item) if on_phases else Parts(whole_lanes=item)
            if removal is not None:
                parts |= card_parts(removal.touchpoints)
        return parts

    @staticmethod
    def item(removal: Removal) -> Phase | Lane:
        return removal.phase if isinstance(removal, PhaseRemoval) else removal.lane

    def remove(self, item_id: int) -> Removal:
        """Delete the phase or lane with its cards, in the library and the snapshot."""
        removal = self.library_delete(item_id)
        self.snapshot.adopt(removal.revision)
        items = self.items()
        del items[_index_of(items, item_id, self.WHAT)]
        self.snapshot.drop_cards(t.id for t in removal.touchpoints)
        return removal

    def put_back(self, removal: Removal) -> None:
        self.snapshot.adopt(self.library_restore(removal))
        items = self.items()
        items.insert(_clamped(removal.index, len(items)), self.item(removal))
        self.snapshot.put_cards(removal.touchpoints)

    def move(self, item_id: int, index: int) -> None:
        self.snapshot.adopt(self.library_move(item_id, index))
        items = self.items()
        item = items.pop(_index_of(items, item_id, self.WHAT))
        items.insert(_clamped(index, len(items)), item)


class OnPhases(StructureCommand):
    WHAT = "phase"
    TEXTS: ClassVar[dict[str, str]] = {
        "add": marked("Add phase {0}"),
        "move": marked("Move phase {0}"),
        "delete": marked("Delete phase {0}"),
        "delete 1": marked("Delete phase {0} with 1 card"),
        "delete n": marked("Delete phase {0} with {1} cards"),
    }

    def items(self) -> list[Any]:
        return self.snapshot.journey.phases

    def library_delete(self, item_id: int) -> Removal:
        return self.library.delete_phase(item_id, expected_revision=self.seen)

    def library_restore(self, removal: Removal) -> int:
        assert isinstance(removal, PhaseRemoval)
        return self.library.restore_phase(removal, expected_revision=self.seen)

    def library_move(self, item_id: int, index: int) -> int:
        return self.library.move_phase(item_id, index, expected_revision=self.seen)

    def removal(self, index: int, item: Phase | Lane) -> Removal:
        assert isinstance(item, Phase)
        return PhaseRemoval(self.snapshot.journey_id, index, item, ())

    def changed(
        self, item_id: int, added: frozenset[int] = frozenset(), removed: frozenset[int] = frozenset()
    ) -> Change:
        return Change(ChangeKind.STRUCTURE, added, removed, phases=frozenset({item_id}))


class OnLanes(StructureCommand):
    WHAT = "lane"
    TEXTS: ClassVar[dict[str, str]] = {
        "add": marked("Add lane {0}"),
        "move": marked("Move lane {0}"),
        "delete": marked("Delete lane {0}"),
        "delete 1": marked("Delete lane {0} with 1 card"),
        "delete n": marked("Delete lane {0} with {1} cards"),
    }

    def items(self) -> list[Any]:
        return self.snapshot.journey.lanes

    def library_delete(self, item_id: int) -> Removal:
        return self.library.delete_lane(item_id, expected_revision=self.seen)

    def library_restore(self, removal: Removal) -> int:
        assert isinstance(removal, LaneRemoval)
        return self.library.restore_lane(removal, expected_revision=self.seen)

    def library_move(self, item_id: int, index: int) -> int:
        return self.library.move_lane(item_id, index, expected_revision=self.seen)

    def removal(self, index: int, item: Phase | Lane) -> Removal:
        assert isinstance(item, Lane)
        return LaneRemoval(self.snapshot.journey_id, index, item, ())

    def changed(
        self, item_id: int, added: frozenset[int] = frozenset(), removed: frozenset[int] = frozenset()
    ) -> Change:
        return Change(ChangeKind.STRUCTURE, added, removed, lanes=frozenset({item_id}))


class AddStructureCommand(StructureCommand):
    """Undo deletes the new phase or lane; redo puts it back with the same id and place."""

    def __init__(self, snapshot: JourneySnapshot, name: str, index: int | None, color: str | None) -> None:
        super().__init__(snapshot)
        self.name = name
        self.index = index
        self.color = color
        self._removed: Removal | None = None

    def added(self, item: Phase | Lane, revision: int) -> Change:
        self.snapshot.adopt(revision)
        items = self.items()
        at = _clamped(self.index, len(items))
        items.insert(at, item)
        self._removed = self.removal(at, item)
        self.label = Label(self.TEXTS["add"], (quoted(item.name),))
        return self.changed(item.id)

    def holds(self) -> Parts:
        assert self._removed is not None
        return self.held(self.item(self._removed).id, self._removed, whole=True)

    def backward(self) -> Change:
        assert self._removed is not None
        self._removed = self.remove(self.item(self._removed).id)
        return self.changed(self.item(self._removed).id, removed=ids(t.id for t in self._removed.touchpoints))

    def forward(self) -> Change:
        assert self._removed is not None
        self.put_back(self._removed)
        return self.changed(self.item(self._removed).id, added=ids(t.id for t in self._removed.touchpoints))


class MoveStructureCommand(StructureCommand):
    def __init__(self, snapshot: JourneySnapshot, item_id: int, index: int) -> None:
        super().__init__(snapshot)
        self.item_id = item_id
        self.index = index
        self._old = 0
        self._new = 0

    def execute(self) -> Change | None:
        items = self.items()
        self._old = _index_of(items, self.item_id, self.WHAT)
        self._new = max(0, min(self.index, len(items) - 1))
        if self._new == self._old:
            return None
        self.label = Label(self.TEXTS["move"], (quoted(items[self._old].name),))
        self.move(self.item_id, self._new)
        return self.changed(self.item_id)

    def holds(self) -> Parts:
        return self.held(self.item_id, None, whole=False)

    def backward(self) -> Change:
        self.move(self.item_id, self._old)
        return self.changed(self.item_id)

    def forward(self) -> Change:
        self.move(self.item_id, self._new)
        return self.changed(self.item_id)


class DeleteStructureCommand(StructureCommand):
    """Deletes a phase or lane with its cards; undo restores it and its cards with the same ids and places."""

    def __init__(self, snapshot: JourneySnapshot, item_id: int) -> None:
        super().__init__(snapshot)
        self.item_id = item_id
        self._removed: Removal | None = None

    def execute(self) -> Change:
        items = self.items()
        name = quoted(items[_index_of(items, self.item_id, self.WHAT)].name)
        self._removed = self.remove(self.item_id)
        count = len(self._removed.touchpoints)
        text = self.TEXTS["delete n" if count > 1 else "delete 1" if count == 1 else "delete"]
        self.label = Label(text, (name, count))
        return self.changed(self.item_id, removed=ids(t.id for t in self._removed.touchpoints))

    def holds(self) -> Parts:
        return self.held(self.item_id, self._removed, whole=True)

    def backward(self) -> Change:
        assert self._removed is not None
        self.put_back(self._removed)
        return self.changed(self.item_id, added=ids(t.id for t in self._removed.touchpoints))

    def forward(self) -> Change:
        self._removed = self.remove(self.item_id)
        return self.changed(self.item_id, removed=ids(t.id for t in self._removed.touchpoints))


class AddPhaseCommand(AddStructureCommand, OnPhases):
    def __init__(self, snapshot: JourneySnapshot, name: str, index: int | None, color: str | None) -> None:
        super().__init__(snapshot, name, index, color)
        self.phase: Phase | None = None

    def execute(self) -> Change:
        added = self.library.add_phase(
            self.snapshot.journey_id, self.name, index=self.index, color=self.color, expected_revision=self.seen
        )
        self.phase = added.value
        return self.added(added.value, added.revision)


class AddLaneCommand(AddStructureCommand, OnLanes):
    def __init__(
        self, snapshot: JourneySnapshot, name: str, kind: LaneKind | str, index: int | None, color: str | None
    ) -> None:
        super().__init__(snapshot, name, index, color)
        self.lane: Lane | None = None
        self.kind = kind

    def execute(self) -> Change:
        added = self.library.add_lane(
            self.snapshot.journey_id,
            self.name,
            self.kind,
            index=self.index,
            color=self.color,
            expected_revision=self.seen,
        )
        self.lane = added.value
        return self.added(added.value, added.revision)


class MovePhaseCommand(MoveStructureCommand, OnPhases):
    pass


class MoveLaneCommand(MoveStructureCommand, OnLanes):
    pass


class DeletePhaseCommand(DeleteStructureCommand, OnPhases):
    pass


class DeleteLaneCommand(DeleteStructureCommand, OnLanes):
    pass

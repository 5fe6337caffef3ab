"""A hypothesis state machine over the edit API and its inverses (the operations undo is built on).

Invariant: after every step, the library, read back by a fresh `Library`, holds exactly the cards, cells and
orders of a plain in-memory reference, with distinct sort keys in every cell. An add or a move reports every other
card it renumbered, as the library then holds it, and undoing a step puts every card's sort key back. Runs on a
library file and on a team library (each example on a fresh, empty one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from cjmapper.errors import EditError
from cjmapper.model import Touchpoint
from cjmapper.store import Library, Placement
from cjmapper.store.library import TouchpointAddition, TouchpointMove
from cjmapper.store.location import Location
from cjmapper.store.ordering import Renumbering
from tests.backend_helpers import FreshLocations, backend_of
from tests.store_helpers import sample_journey
from tests.thoroughness import examples

Cell = tuple[int, int]


class EditMachine(RuleBasedStateMachine):
    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.lib = Library.open(location)
        journey = self.lib.load_journey(self.lib.create_journey(sample_journey(phases=3, lanes=2, cards_per_cell=2)))
        self.journey_id = journey.id
        self.cells: list[Cell] = [(p.id, lane.id) for p in journey.phases for lane in journey.lanes[:2]]
        self.orders: dict[Cell, list[int]] = {cell: [t.id for t in journey.cell(*cell)] for cell in self.cells}
        self.titles = {t.id: t.title for t in journey.touchpoints}
        self.scores = {t.id: t.score for t in journey.touchpoints}
        self.undo: list[tuple[str, object, dict[Cell, list[int]], dict[int, Placement]]] = []
        """Undoable steps: (kind, what the inverse needs, the reference orders and the file's placements before
        the step)."""

    def teardown(self) -> None:
        self.lib.close()

    def all_ids(self) -> list[int]:
        return [i for order in self.orders.values() for i in order]

    def snapshot(self) -> dict[Cell, list[int]]:
        return {c: list(order) for c, order in self.orders.items()}

    def placements(self) -> dict[int, Placement]:
        """Where every card stands in the library, as a fresh `Library` reads it."""
        with Library.open(self.location) as fresh:
            cards = fresh.load_journey(self.journey_id).touchpoints
        return {t.id: Placement(t.id, t.phase_id, t.lane_id, t.position) for t in cards}

    @staticmethod
    def check_renumbering(
        renumbered: Renumbering, before: dict[int, Placement], after: dict[int, Placement], cell: Cell, placed: set[int]
    ) -> None:
        """`renumbered` names, with their keys before and after, exactly the cards other than the `placed` ones
        whose place in the file changed; all of them stand in the target cell."""
        assert [p.touchpoint_id for p in renumbered.before] == [p.touchpoint_id for p in renumbered.after]
        assert list(renumbered.before) == [before[p.touchpoint_id] for p in renumbered.before]
        assert list(renumbered.after) == [after[p.touchpoint_id] for p in renumbered.after]
        assert all((p.phase_id, p.lane_id) == cell for p in renumbered.before + renumbered.after)
        changed = {i for i in before if i not in placed and before[i] != after[i]}
        assert changed == {p.touchpoint_id for p in renumbered.after}

    @rule(cell=st.integers(0, 5), index=st.integers(0, 10), title=st.text(min_size=1, max_size=20))
    def add(self, cell: int, index: int, title: str) -> None:
        previous = self.snapshot()
        if not title.strip():
            title = "x"
        phase, lane = self.cells[cell]
        placed = self.placements()
        if "\x00" in title:  # no library keeps a NUL character: refused, nothing written
            with pytest.raises(EditError, match="NUL character"):
                self.lib.add_touchpoint(self.journey_id, phase, lane, title, index=index)
            assert self.placements() == placed
            return
        addition = self.lib.add_touchpoint(self.journey_id, phase, lane, title, index=index)
        card = addition.touchpoint
        now = self.placements()
        self.check_renumbering(addition.renumbered, placed, now, (phase, lane), set())
        assert now[card.id] == Placement(card.id, phase, lane, card.position)
        order = self.orders[(phase, lane)]
        order.insert(min(index, len(order)), card.id)
        self.titles[card.id] = title.strip()
        self.scores[card.id] = None
        self.undo.append(("add", addition, previous, placed))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data(), cell=st.integers(0, 5), index=st.integers(0, 10))
    def move(self, data: st.DataObject, cell: int, index: int) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.all_ids()), min_size=1, max_size=4, unique=True))
        target = self.cells[cell]
        previous = self.snapshot()
        placed = self.placements()
        move = self.lib.move_touchpoints(ids, *target, index)
        now = self.placements()
        assert list(move.before) == [placed[i] for i in ids]
        assert list(move.after) == [now[i] for i in ids]
        assert all((p.phase_id, p.lane_id) == target for p in move.after)
        self.check_renumbering(move.renumbered, placed, now, target, set(ids))
        for c in self.orders:
            self.orders[c] = [i for i in self.orders[c] if i not in ids]
        order = self.orders[target]
        at = min(index, len(order))
        order[at:at] = ids
        self.undo.append(("move", move, previous, placed))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.all_ids()), min_size=1, max_size=3, unique=True))
        previous = self.snapshot()
        placed = self.placements()
        removed = self.lib.delete_touchpoints(ids).value
        assert sorted(t.id for t in removed) == sorted(ids)
        for c in self.orders:
            self.orders[c] = [i for i in self.orders[c] if i not in ids]
        self.undo.append(("delete", removed, previous, placed))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data(), score=st.none() | st.integers(1, 5))
    def rescore(self, data: st.DataObject, score: int | None) -> None:
        card_id = data.draw(st.sampled_from(self.all_ids()))
        self.lib.update_touchpoint(card_id, score=score)
        self.scores[card_id] = score

    def crowdable(self) -> list[Cell]:
        return [cell for cell, order in self.orders.items() if len(order) > 1]

    @precondition(lambda self: bool(self.crowdable()))
    @rule(data=st.data())
    def crowd(self, data: st.DataObject) -> None:
        """Give a cell's cards consecutive sort keys, so the next card placed between two of them makes the
        library renumber the cell (undone like a move)."""
        phase, lane = data.draw(st.sampled_from(self.crowdable()))
        placed = self.placements()
        order = self.orders[(phase, lane)]
        start = placed[order[0]].position
        revision = self.lib.arrange(
            [Placement(card_id, phase, lane, start + rank) for rank, card_id in enumerate(order)]
        )
        before = tuple(placed[i] for i in order)
        self.undo.append(("move", TouchpointMove(before, (), Renumbering(), revision), self.snapshot(), placed))

    @precondition(lambda self: bool(self.crowdable()))
    @rule(data=st.data(), move=st.booleans())
    def into_the_tightest_gap(self, data: st.DataObject, move: bool) -> None:
        """Add or move cards between the two neighbouring cards whose sort keys are closest."""
        placed = self.placements()
        gaps = [
            (placed[order[at]].position - placed[order[at - 1]].position, self.cells.index(cell), at)
            for cell, order in self.orders.items()
            for at in range(1, len(order))
        ]
        _, cell, at = min(gaps)
        if move:
            self.move(data, cell, at)
        else:
            self.add(cell, at, "Tight")

    @precondition(lambda self: bool(self.undo))
    @rule()
    def undo_last(self) -> None:
        kind, payload, previous, placed = self.undo.pop()
        if kind == "add":
            assert isinstance(payload, TouchpointAddition)
            self.lib.delete_touchpoints([payload.touchpoint.id])
            if payload.renumbered.before:
                self.lib.arrange(payload.renumbered.before)
        elif kind == "move":
            assert isinstance(payload, TouchpointMove)
            self.lib.arrange([*payload.renumbered.before, *payload.before])
        else:
            assert isinstance(payload, list)
            cards: list[Touchpoint] = payload
            self.lib.restore_touchpoints(self.journey_id, cards)
        self.orders = previous
        assert self.placements() == placed

    @rule()
    def reopen(self) -> None:
        self.lib.close()
        self.lib = Library.open(self.location)

    @invariant()
    def library_matches_reference(self) -> None:
        with Library.open(self.location) as fresh:
            journey = fresh.load_journey(self.journey_id)
        for cell in self.cells:
            cards = journey.cell(*cell)
            assert [t.id for t in cards] == self.orders[cell]
            assert len({t.position for t in cards}) == len(cards)
            for t in cards:
                assert t.title == self.titles[t.id]
                assert t.score == self.scores[t.id]
        assert len(journey.touchpoints) == len(self.all_ids())


EXAMPLES = {"sqlite": examples(40, 15), "postgresql": examples(10, 4)}
"""Examples per backend (CI's full counts, fewer in the default run: tests/thoroughness.py): a team library's fresh
opens cost a connection each, so it runs fewer (about 35 s in full)."""


@pytest.fixture
def fresh_locations(library_location: Location, request: pytest.FixtureRequest) -> Iterator[FreshLocations]:
    """Fresh, empty libraries on the test's backend, one per example."""
    locations = FreshLocations.like(library_location, request)
    yield locations
    locations.close()


@pytest.mark.both_backends
def test_edit_machine(library_location: Location, fresh_locations: FreshLocations) -> None:
    """See the module docstring; each example on a fresh, empty library."""

    class Machine(EditMachine):
        def __init__(self) -> None:
            super().__init__(fresh_locations.new())

    run_state_machine_as_test(
        Machine,
        settings=settings(max_examples=EXAMPLES[backend_of(library_location)], stateful_step_count=25, deadline=None),
    )

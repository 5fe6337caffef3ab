"""A hypothesis state machine over the edit API and its inverses (the operations undo is built on).

Invariant: after every step, the library file, read back by a fresh `Library`, holds exactly the cards, cells
and orders of a plain in-memory reference, with positions 0..n-1 in every cell."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cjmapper.model import Touchpoint
from cjmapper.store import Library, Placement
from tests.store_helpers import sample_journey

Cell = tuple[int, int]


class EditMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "machine.cjm"
        self.lib = Library.open(self.path)
        journey = self.lib.load_journey(self.lib.create_journey(sample_journey(phases=3, lanes=2, cards_per_cell=1)))
        self.journey_id = journey.id
        self.cells: list[Cell] = [(p.id, lane.id) for p in journey.phases for lane in journey.lanes[:2]]
        self.orders: dict[Cell, list[int]] = {cell: [t.id for t in journey.cell(*cell)] for cell in self.cells}
        self.titles = {t.id: t.title for t in journey.touchpoints}
        self.scores = {t.id: t.score for t in journey.touchpoints}
        self.undo: list[tuple[str, object, dict[Cell, list[int]]]] = []
        """Undoable steps: (kind, what the inverse needs, the reference orders before the step)."""

    def teardown(self) -> None:
        self.lib.close()
        self.folder.cleanup()

    def all_ids(self) -> list[int]:
        return [i for order in self.orders.values() for i in order]

    def snapshot(self) -> dict[Cell, list[int]]:
        return {c: list(order) for c, order in self.orders.items()}

    @rule(cell=st.integers(0, 5), index=st.integers(0, 10), title=st.text(min_size=1, max_size=20))
    def add(self, cell: int, index: int, title: str) -> None:
        previous = self.snapshot()
        if not title.strip():
            title = "x"
        phase, lane = self.cells[cell]
        card = self.lib.add_touchpoint(self.journey_id, phase, lane, title, index=index)
        order = self.orders[(phase, lane)]
        order.insert(min(index, len(order)), card.id)
        self.titles[card.id] = title.strip()
        self.scores[card.id] = None
        self.undo.append(("add", card.id, previous))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data(), cell=st.integers(0, 5), index=st.integers(0, 10))
    def move(self, data: st.DataObject, cell: int, index: int) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.all_ids()), min_size=1, max_size=4, unique=True))
        target = self.cells[cell]
        previous = self.snapshot()
        before, after = self.lib.move_touchpoints(ids, *target, index)
        assert [p.touchpoint_id for p in before] == ids
        assert all((p.phase_id, p.lane_id) == target for p in after)
        for c in self.orders:
            self.orders[c] = [i for i in self.orders[c] if i not in ids]
        order = self.orders[target]
        at = min(index, len(order))
        order[at:at] = ids
        self.undo.append(("move", before, previous))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.all_ids()), min_size=1, max_size=3, unique=True))
        previous = self.snapshot()
        removed = self.lib.delete_touchpoints(ids)
        assert sorted(t.id for t in removed) == sorted(ids)
        for c in self.orders:
            self.orders[c] = [i for i in self.orders[c] if i not in ids]
        self.undo.append(("delete", removed, previous))

    @precondition(lambda self: bool(self.all_ids()))
    @rule(data=st.data(), score=st.none() | st.integers(1, 5))
    def rescore(self, data: st.DataObject, score: int | None) -> None:
        card_id = data.draw(st.sampled_from(self.all_ids()))
        self.lib.update_touchpoint(card_id, score=score)
        self.scores[card_id] = score

    @precondition(lambda self: bool(self.undo))
    @rule()
    def undo_last(self) -> None:
        kind, payload, previous = self.undo.pop()
        if kind == "add":
            assert isinstance(payload, int)
            self.lib.delete_touchpoints([payload])
        elif kind == "move":
            assert isinstance(payload, list)
            placements: list[Placement] = payload
            self.lib.arrange(placements)
        else:
            assert isinstance(payload, list)
            cards: list[Touchpoint] = payload
            self.lib.restore_touchpoints(self.journey_id, cards)
        self.orders = previous

    @rule()
    def reopen(self) -> None:
        self.lib.close()
        self.lib = Library.open(self.path)

    @invariant()
    def file_matches_reference(self) -> None:
        with Library.open(self.path) as fresh:
            journey = fresh.load_journey(self.journey_id)
        for cell in self.cells:
            cards = journey.cell(*cell)
            assert [t.id for t in cards] == self.orders[cell]
            assert len({t.position for t in cards}) == len(cards)
            for t in cards:
                assert t.title == self.titles[t.id]
                assert t.score == self.scores[t.id]
        assert len(journey.touchpoints) == len(self.all_ids())


EditMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestEditMachine = EditMachine.TestCase

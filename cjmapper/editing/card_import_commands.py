"""Importing cards from a spreadsheet onto the open journey: one undo step. Its execution applies the import's plan
(`cjmapper.card_import.plan.ImportPlan`: new phases and lanes, then the cards) in one library transaction; undo
takes exactly that back (the cards, then the phases and lanes it created); redo applies the plan again."""

from __future__ import annotations

from cjmapper.card_import.plan import CardImport, ImportPlan

from .changes import Change, ChangeKind
from .command import Command
from .gate import Touches
from .labels import Label, marked
from .snapshot import JourneySnapshot


class ImportCardsCommand(Command):
    """Add the cards of a sheet (and the phases and lanes they name that the journey lacked)."""

    def __init__(self, snapshot: JourneySnapshot, plan: ImportPlan) -> None:
        super().__init__(snapshot)
        self.plan = plan
        self.done: CardImport | None = None

    def execute(self) -> Change:
        change = self.forward()
        self.label = Label(marked("Import {0} cards"), (len(self.plan.cards),))
        return change

    def forward(self) -> Change:
        self.done = self.library.import_cards(self.snapshot.journey_id, self.plan, expected_revision=self.seen)
        return self._reread(added=frozenset(self.done.card_ids), removed=frozenset())

    def backward(self) -> Change:
        assert self.done is not None
        self.library.remove_card_import(self.done, expected_revision=self.seen)
        return self._reread(added=frozenset(), removed=frozenset(self.done.card_ids))

    def _reread(self, added: frozenset[int], removed: frozenset[int]) -> Change:
        """Read the journey anew (an import may add phases and lanes) and say what changed."""
        assert self.done is not None
        self.snapshot.reread()
        if self.done.phase_ids or self.done.lane_ids:
            return Change(
                ChangeKind.STRUCTURE,
                phases=frozenset(self.done.phase_ids),
                lanes=frozenset(self.done.lane_ids),
                whole=True,
                added=added,
                removed=removed,
            )
        return Change(ChangeKind.CARDS, added=added, removed=removed)


class ImportCardsAndStructureCommand(ImportCardsCommand):
    """A card import that adds phases or lanes too (which workshop mode's lock on the structure refuses)."""

    TOUCHES = Touches.CARDS | Touches.STRUCTURE


def import_cards_command(snapshot: JourneySnapshot, plan: ImportPlan) -> ImportCardsCommand:
    """The command that applies `plan`: one that touches the structure too when the plan adds phases or lanes."""
    if plan.new_phases or plan.new_lanes:
        return ImportCardsAndStructureCommand(snapshot, plan)
    return ImportCardsCommand(snapshot, plan)

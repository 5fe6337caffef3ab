"""The commands of the impact/effort matrix: placing a card on it (or taking it off), and naming its quadrants and
axes. Each one undo step, through the edit API (`Library.update_touchpoint`, `Library.set_matrix_labels`)."""

from __future__ import annotations

from typing import ClassVar

from cjmapper.model import MatrixLabels
from cjmapper.store import matrix_rows

from .changes import Change, ChangeKind
from .command import Command
from .field_commands import UpdateTouchpointCommand
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts
from .snapshot import JourneySnapshot


class PlaceCardCommand(UpdateTouchpointCommand):
    """Put a card at (impact, effort) on the matrix, or with both None take it off (back to the tray)."""

    PLACED: ClassVar[str] = marked("Place card {0} on the matrix")
    UNPLACED: ClassVar[str] = marked("Take card {0} off the matrix")

    def __init__(self, snapshot: JourneySnapshot, card_id: int, impact: int | None, effort: int | None) -> None:
        super().__init__(snapshot, card_id, {"impact": impact, "effort": effort})

    def describe(self) -> Label:
        off = self.requested["impact"] is None and self.requested["effort"] is None
        return Label(self.UNPLACED if off else self.PLACED, (quoted(self.name()),))


class SetMatrixLabelsCommand(Command):
    """Name the matrix's quadrants and axes (`MatrixLabels`; "" the default in the journey's language)."""

    TOUCHES = Touches.STRUCTURE
    LABEL: ClassVar[str] = marked("Rename the matrix's labels")

    def __init__(self, snapshot: JourneySnapshot, labels: MatrixLabels) -> None:
        super().__init__(snapshot)
        self.after = labels
        self.before = snapshot.journey.matrix

    def _write(self, labels: MatrixLabels) -> Change:
        stored = self.library.set_matrix_labels(self.snapshot.journey_id, labels, expected_revision=self.seen)
        self.snapshot.adopt(stored.revision)
        self.snapshot.journey.matrix = matrix_rows.cleaned(labels)
        return Change(ChangeKind.JOURNEY, fields=frozenset({"matrix"}))

    def execute(self) -> Change | None:
        if matrix_rows.cleaned(self.after) == self.before:
            return None
        self.label = Label(self.LABEL, ())
        change = self._write(self.after)
        self.after = self.snapshot.journey.matrix
        return change

    def forward(self) -> Change:
        return self._write(self.after)

    def backward(self) -> Change:
        return self._write(self.before)

    def holds(self) -> Parts:
        return Parts(fields=frozenset({"matrix"}))

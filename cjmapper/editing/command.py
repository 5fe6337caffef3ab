"""The editing commands' common ground: `Command`, one edit of the open journey that can be undone and redone.

A command holds ids and plain values (model dataclasses, placements, removals), never ORM objects, and the
`JourneySnapshot` it edits. `execute()` is the first execution (the front end runs it BEFORE putting the command on
its undo stack, so a refused edit never gets there); `backward()` undoes it and `forward()` redoes it. Each makes
its library calls (durable when they return), patches the snapshot from what the library returned and returns the
precise `Change`; each raises CjmapperError when the library refused.

A command says what it touches (`TOUCHES`, for the gate of `cjmapper.editing.gate`), and its `label` for the Edit
menu (set by execute()). Typing: a command may absorb a later one of the same kind (`absorb`), so that successive
keystrokes in one field are one undo step.

Card order: a cell orders its cards by gapped sort keys. When a card lands in a gap that is used up, the library
renumbers the cell's other cards and says which (`Renumbering`). A command that caused that also records those
cards' keys before and after, so its undo puts every key back as it was and the stored placements of older
commands stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from cjmapper.model import Touchpoint
from cjmapper.store import Library, Placement

from .changes import Change
from .gate import Touches
from .labels import Label
from .parts import Parts
from .snapshot import JourneySnapshot


def ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


class Command:
    """One edit of a `JourneySnapshot`. Subclasses implement execute(), forward() and backward()."""

    TOUCHES: ClassVar[Touches] = Touches.CARDS
    """What the command changes: the gate refuses it (and its undo and redo) when that is closed."""

    def __init__(self, snapshot: JourneySnapshot) -> None:
        self.snapshot = snapshot
        self.label = Label()
        """The Edit menu's name for it, set by execute()."""
        self.keep = True
        """False when the edit turned out to change nothing worth an undo step (execute() sets it)."""
        self.obsolete = False
        """True when, having absorbed later edits, it changes nothing any more (typed back to where it started)."""

    @property
    def library(self) -> Library:
        return self.snapshot.library

    @property
    def seen(self) -> int:
        """The journey's revision as last seen: every library call passes it, so the library refuses
        (StaleEditError) an edit of a journey someone else changed meanwhile."""
        return self.snapshot.revision

    def execute(self) -> Change | None:
        """The first execution: run the library call, patch the snapshot, set `label`; the Change, or None when
        nothing had to change (nothing is kept then). Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def forward(self) -> Change:
        """Redo after an undo. Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def backward(self) -> Change:
        """Undo. Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def holds(self) -> Parts:
        """The parts of the journey whose ids or values this command's undo and redo put back (see
        `cjmapper.editing.parts`): when someone else's edit touches none of them, the step stays valid. By default
        the whole journey (a command that says nothing more is dropped by any edit made elsewhere)."""
        return Parts(everything=True)

    def mergeable(self) -> bool:
        """Whether a later command may be absorbed into this one (`absorb`)."""
        return False

    def absorb(self, later: Command) -> bool:
        """Take `later` (already executed) into this step, so that undo undoes both; False when it is another step."""
        return False

    # ------------------------------------------------------------------ shared library calls with patches

    def arrange(self, placements: Sequence[Placement]) -> None:
        if placements:
            self.snapshot.adopt(self.library.arrange(placements, expected_revision=self.seen))
            self.snapshot.place(placements)

    def restore_cards(self, cards: Sequence[Touchpoint]) -> None:
        if cards:
            snapshot = self.snapshot
            snapshot.adopt(self.library.restore_touchpoints(snapshot.journey_id, cards, expected_revision=self.seen))
            snapshot.put_cards(cards)

    def delete_cards(self, card_ids: Sequence[int]) -> list[Touchpoint]:
        if not card_ids:
            return []
        deleted = self.library.delete_touchpoints(card_ids, expected_revision=self.seen)
        self.snapshot.adopt(deleted.revision)
        self.snapshot.drop_cards(card_ids)
        return deleted.value

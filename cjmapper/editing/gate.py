"""The one gate that edits of an open journey pass: which parts of it may change now.

Each command says what it touches (`Touches`): the cards, the structure (phases, lanes and the journey's own
fields) or the named versions. The front end closes parts of the gate: workshop mode closes the structure, a
read-only library everything. The document asks the gate before every new edit and before every undo and redo, and
refuses, with the message of whoever closed that part, what it forbids.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Literal

Verb = Literal["edit", "undo", "redo"]
"""What is being refused: a new edit, or the undo or redo of a step."""
Why = Callable[[Verb, str], str]
"""The message for the user when `verb` of the step labelled with the given text is refused."""


class Touches(enum.Flag):
    CARDS = enum.auto()
    STRUCTURE = enum.auto()
    """Phases, lanes and the journey's own fields."""
    VERSIONS = enum.auto()
    EVERYTHING = CARDS | STRUCTURE | VERSIONS


NOTHING = Touches(0)


class Gate:
    """Parts of the journey closed to edits, each by a named reason (so workshop mode and a read-only library close
    and open it independently). Shared by the documents of one window."""

    def __init__(self) -> None:
        self._closed: dict[str, tuple[Touches, Why]] = {}

    def close(self, reason: str, touches: Touches, why: Why) -> None:
        """Close `touches` for `reason` (replacing what `reason` closed before); `why` gives the user's message."""
        self._closed[reason] = (touches, why)

    def open(self, reason: str) -> None:
        """Open again what `reason` closed (nothing when it closed nothing)."""
        self._closed.pop(reason, None)

    @property
    def closed(self) -> Touches:
        """Everything closed now, for any reason."""
        result = NOTHING
        for touches, _why in self._closed.values():
            result |= touches
        return result

    def refusal(self, touches: Touches, verb: Verb, text: str) -> str | None:
        """None when a step that touches `touches` may run; else the message for the user (of the first reason that
        forbids it). `text`: the step's label (for an undo or redo)."""
        for closed, why in self._closed.values():
            if closed & touches:
                return why(verb, text)
        return None

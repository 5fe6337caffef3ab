"""The small mark that shows a card's status (open, in progress, done), drawn alike on the canvas and the poster.

A ring in the status's colour at the card's top right corner, inside its padding: empty while the point is open,
half filled while it is in progress, filled when it is done. A card without a status shows none. Qt-free: the
canvas (`ui/canvas/status_mark.py`) and the poster (`cjmapper/poster/status_mark.py`) draw from `status_mark`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cjmapper.model import CardStatus

MARK_RADIUS: Final = 3.0
"""The ring's radius at the base type size (it grows with the type, as in workshop mode)."""
MARK_INSET: Final = 3.0
"""From the card's top and right edges to the ring."""
MARK_LINE: Final = 1.2
"""The ring's line width at the base type size."""

STATUS_COLOURS: Final[dict[CardStatus, str]] = {
    CardStatus.OPEN: "#e06666",
    CardStatus.IN_PROGRESS: "#e69138",
    CardStatus.DONE: "#4caf7a",
}
FILLED: Final[dict[CardStatus, float]] = {CardStatus.OPEN: 0.0, CardStatus.IN_PROGRESS: 0.5, CardStatus.DONE: 1.0}
"""How much of the ring is filled (its left half when half)."""


@dataclass(frozen=True, slots=True)
class StatusMark:
    """Where and how a card's status mark is drawn, in card coordinates (origin at the card's top left, y down)."""

    cx: float
    cy: float
    radius: float
    line: float
    colour: str
    """#rrggbb."""
    filled: float
    """0 (a ring), 0.5 (its left half filled) or 1 (a disc)."""


def status_mark(status: CardStatus | None, card_width: float, scale: float = 1.0) -> StatusMark | None:
    """The mark of a card `card_width` wide with `status` (None: the card shows none), at `scale` times the base
    type size."""
    if status is None:
        return None
    radius = MARK_RADIUS * scale
    inset = MARK_INSET * scale
    return StatusMark(
        cx=card_width - inset - radius,
        cy=inset + radius,
        radius=radius,
        line=MARK_LINE * scale,
        colour=STATUS_COLOURS[status],
        filled=FILLED[status],
    )

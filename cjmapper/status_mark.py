"""The small mark that shows a card's status (open, in progress, done), drawn alike on the canvas and the poster.

A ring in the status's colour in the layout's slot for it (`CardParts.status`: the card's top right corner, inside
its padding): empty while the point is open,
half filled while it is in progress, filled when it is done. A card without a status shows none. Qt-free: the
canvas (`ui/canvas/status_mark.py`) and the poster (`cjmapper/poster/status_mark.py`) draw from `status_mark`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cjmapper import style
from cjmapper.layout import Rect
from cjmapper.model import CardStatus

MARK_RADIUS: Final = style.STATUS_MARK / 2
"""The ring's radius at the base type size (it grows with the type, as in workshop mode): half the layout's slot."""
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


def status_mark(status: CardStatus | None, slot: Rect, scale: float = 1.0) -> StatusMark | None:
    """The mark of a card with `status` (None: the card shows none) in its `slot` (`CardParts.status`, the layout's
    place for it), at `scale` times the base type size (`CardParts.scale`)."""
    if status is None:
        return None
    radius = min(slot.width, slot.height) / 2
    return StatusMark(
        cx=slot.x + slot.width / 2,
        cy=slot.y + slot.height / 2,
        radius=radius,
        line=MARK_LINE * scale,
        colour=STATUS_COLOURS[status],
        filled=FILLED[status],
    )

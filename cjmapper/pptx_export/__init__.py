"""A journey as a PowerPoint deck (`cjmapper export JOURNEY -o deck.pptx`, the editor's Export PowerPoint…): see
`deck.write_deck`. python-pptx is imported only when a deck is written (`write_deck` here imports it on call)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from cjmapper.model import Journey
    from cjmapper.pptx_export.builder import Progress

OVERVIEW_DPI = 150
"""The overview picture's resolution when the map is small: sharp on a projector and a 4K screen."""
OVERVIEW_PIXELS = 4000
"""The most pixels the overview picture is wide: more shows no more on a 13.3-inch slide, and a large map stays a
few megabytes."""


def write_deck(
    journey: Journey, target: Path | BinaryIO, overview: bytes | None, progress: Progress | None = None
) -> int:
    """`deck.write_deck`, importing python-pptx on the first call."""
    from cjmapper.pptx_export.deck import write_deck as write

    return write(journey, target, overview, progress)


def overview_dpi(width: float) -> int:
    """The resolution of the overview picture of a map `width` scene units wide (pixels at 96 dpi): OVERVIEW_DPI,
    or less so it stays within OVERVIEW_PIXELS, but not under the pictures' lowest (30)."""
    return max(30, min(OVERVIEW_DPI, int(OVERVIEW_PIXELS * 96 / max(width, 1.0))))

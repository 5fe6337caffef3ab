"""Paper sizes for posters: ISO A0 to A4, or any WIDTHxHEIGHT in millimetres up to the PDF page limit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cjmapper.errors import CjmapperError
from cjmapper.messages import say

MM = 72.0 / 25.4
"""Points per millimetre."""

MAX_SIDE_MM = 200 * 25.4
"""The longest side a PDF page may have: 200 inches (14,400 points), the limit of PDF viewers since Acrobat 7."""

MIN_SIDE_MM = 50.0
"""The shortest side we print on: anything smaller leaves no room for a map after the margins."""


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet of paper, portrait (width <= height for the ISO sizes; custom sizes keep the order given)."""

    name: str
    width_mm: float
    height_mm: float

    @property
    def custom(self) -> bool:
        """A WIDTHxHEIGHT size: printed as given, whatever the orientation asked for."""
        return not self.name

    def oriented(self, landscape: bool) -> tuple[float, float]:
        """(width, height) in points: a named size with the long side across for landscape, upright for portrait;
        a custom size as given (300x600mm is 300 mm wide and 600 mm tall), `landscape` aside."""
        if self.custom:
            return self.width_mm * MM, self.height_mm * MM
        short, long = sorted((self.width_mm, self.height_mm))
        across, down = (long, short) if landscape else (short, long)
        return across * MM, down * MM

    @property
    def label(self) -> str:
        """ "A3", or "600 x 900 mm" for a custom size."""
        if self.name:
            return self.name
        return f"{self.width_mm:g} x {self.height_mm:g} mm"

    @property
    def argument(self) -> str:
        """What `--paper` takes for this paper: "A3", or "600x900mm"."""
        return self.name or f"{self.width_mm:g}x{self.height_mm:g}mm"


A0 = Paper("A0", 841, 1189)
A1 = Paper("A1", 594, 841)
A2 = Paper("A2", 420, 594)
A3 = Paper("A3", 297, 420)
A4 = Paper("A4", 210, 297)

PAPERS: dict[str, Paper] = {p.name: p for p in (A0, A1, A2, A3, A4)}
"""The named sizes, largest first."""

SMALL_TO_LARGE: tuple[Paper, ...] = (A4, A3, A2, A1, A0)

TILE_PAPERS: dict[str, Paper] = {"A4": A4, "A3": A3}
"""The sheets an office printer takes, for tiled printing."""

_CUSTOM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm)?\s*$", re.IGNORECASE)


def parse_paper(text: str) -> Paper:
    """ "A0".."A4" (any case) or "WIDTHxHEIGHT" / "WIDTHxHEIGHTmm" in millimetres. Raises CjmapperError."""
    named = PAPERS.get(text.strip().upper())
    if named is not None:
        return named
    match = _CUSTOM.match(text)
    if match is None:
        raise CjmapperError(say("unknown paper {0}: use A0, A1, A2, A3, A4 or a size such as 600x900mm", repr(text)))
    width, height = (float(part.replace(",", ".")) for part in match.group(1, 2))
    for side in (width, height):
        if side < MIN_SIDE_MM:
            raise CjmapperError(
                say("paper {0} is too small: each side needs at least {1} mm", repr(text), format(MIN_SIDE_MM, "g"))
            )
        if side > MAX_SIDE_MM:
            raise CjmapperError(
                say(
                    "paper {0} is too large: a PDF page side can be at most 200 inches ({1} mm)",
                    repr(text),
                    format(MAX_SIDE_MM, "g"),
                )
            )
    return Paper("", width, height)


MAX_BLEED_MM = 20.0
"""The widest bleed a poster takes: shops ask 2 to 5 mm, large-format printers up to 10 or 20."""
SHOP_BLEED_MM = 3.0
"""The bleed of a poster for a print shop when no other is given: what most shops ask."""

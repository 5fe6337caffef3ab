"""Where the canvas was left on each journey: `ViewPlace` (fitted, or the user's zoom and centre) and `ViewPlaces`,
which keeps one per library and journey in the user's settings, so a journey opens as the user left it after a
switch and after a restart (the first time: fitted, see `JourneyView.show_as_left`).

The places are one JSON text under one settings key (a library's location holds slashes and colons, which a
settings key cannot), the most recently left last, at most `KEPT` of them. A team library is named by
`str(location)`, which holds no secret.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QSettings

FitMode = Literal["readable", "whole"]
"""How a fitted view fits: "readable" (opening a journey: no smaller than readable titles, scrolling instead) or
"whole" (Fit to Window, Home: the whole map)."""

SETTINGS_PLACES = "journeyViews"
KEPT = 200
"""The most journeys whose place is remembered (the least recently left are forgotten first)."""


@dataclass(frozen=True, slots=True)
class ViewPlace:
    """A journey's canvas as the user left it."""

    fit: FitMode | None
    """Fitted (and fitted again to the window it opens in), or None: the user's own zoom and place."""
    zoom: float
    centre: tuple[float, float]
    """The scene point at the viewport's centre."""
    cards_per_column: int
    """How deep the map's cells flowed (`Metrics.cards_per_column`): the scene point means the same on return."""
    font_size: float
    """The card font's size the map was laid out at (workshop mode's is larger: a place left there is not kept)."""

    def as_list(self) -> list[object]:
        return [self.fit or "", self.zoom, self.centre[0], self.centre[1], self.cards_per_column, self.font_size]

    @classmethod
    def from_list(cls, value: object) -> ViewPlace | None:
        """The place a settings entry holds; None for anything else (an older or edited settings file)."""
        if not isinstance(value, list) or len(value) != 6:
            return None
        fit, zoom, x, y, depth, font = value
        numbers = (zoom, x, y, font)
        if fit not in ("", "readable", "whole") or not isinstance(depth, int) or depth < 0:
            return None
        if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers):
            return None
        if zoom <= 0 or font <= 0:
            return None
        return cls(fit or None, float(zoom), (float(x), float(y)), depth, float(font))


class ViewPlaces:
    """The places of the journeys left, kept in the settings `settings()` opens."""

    def __init__(self, settings: Callable[[], QSettings]) -> None:
        self._settings = settings

    def recall(self, key: str) -> ViewPlace | None:
        return ViewPlace.from_list(self._read().get(key))

    def keep(self, key: str, place: ViewPlace) -> None:
        places = self._read()
        places.pop(key, None)
        places[key] = place.as_list()
        while len(places) > KEPT:
            places.pop(next(iter(places)))
        stored = self._settings()
        stored.setValue(SETTINGS_PLACES, json.dumps(places, separators=(",", ":")))
        stored.sync()

    def _read(self) -> dict[str, object]:
        text = self._settings().value(SETTINGS_PLACES, "")
        try:
            places = json.loads(text) if isinstance(text, str) and text else {}
        except ValueError:
            return {}
        return {str(k): v for k, v in places.items()} if isinstance(places, dict) else {}


__all__ = ["KEPT", "SETTINGS_PLACES", "FitMode", "ViewPlace", "ViewPlaces"]

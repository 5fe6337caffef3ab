"""The survey metrics cjmapper knows: their scales, their names in English and Dutch, and how a figure is worded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from cjmapper.i18n import decimal
from cjmapper.model import Language


class Metric(StrEnum):
    CSAT = "csat"
    NPS = "nps"
    CES = "ces"
    SCORE = "score"


@dataclass(frozen=True, slots=True)
class Scale:
    low: int
    high: int
    figure_low: float
    figure_high: float
    """The range of an answer, and of the figure made from the answers (CSAT: a share 0-1, NPS: -100..100)."""
    digits: int
    """Digits after the point when the figure is shown."""

    @property
    def span(self) -> float:
        return self.figure_high - self.figure_low


SCALES: dict[Metric, Scale] = {
    Metric.CSAT: Scale(1, 5, 0.0, 1.0, 2),
    Metric.NPS: Scale(0, 10, -100.0, 100.0, 0),
    Metric.CES: Scale(1, 7, 1.0, 7.0, 2),
    Metric.SCORE: Scale(1, 5, 1.0, 5.0, 2),
}

_NAMES: dict[str, Metric] = {}
for _metric, _names in {
    Metric.CSAT: ("csat", "customer satisfaction", "satisfaction", "klanttevredenheid", "tevredenheid", "ktv"),
    Metric.NPS: ("nps", "net promoter score", "promoter score", "aanbevelingsscore", "aanbeveling"),
    Metric.CES: (
        "ces",
        "customer effort score",
        "customer effort",
        "effort",
        "klantinspanning",
        "klantinspanningsscore",
        "inspanning",
        "gemak",
    ),
    Metric.SCORE: ("score", "rating", "cijfer", "beoordeling", "waardering"),
}.items():
    for _name in _names:
        _NAMES[_name] = _metric


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """`text` as names are compared: case-folded, runs of spaces, underscores and hyphens as one space."""
    return re.sub(r"[\s_\-]+", " ", text).strip().casefold()


def metric_named(text: str) -> Metric | None:
    """The metric a cell names (English or Dutch, any case), or None."""
    return _NAMES.get(plain(text))


def figure_text(metric: Metric, value: float, language: Language) -> str:
    """A figure as the command line and the canvas show it: CSAT 0.82, NPS 35, CES 5.40 (3,40 in Dutch)."""
    digits = SCALES[metric].digits
    if digits == 0:
        return str(round(value)) if value >= 0 or round(value) != 0 else "0"
    return decimal(value, language, digits)

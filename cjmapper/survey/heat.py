"""The heat view's colours and words, shared by the canvas and anything else that shows it: how far a card or a
phase is from its target, as a colour of a blue-orange diverging scale (colour-blind safe: blue and orange stay apart
for deuteranopes and protanopes, and the lightness falls with the distance, so it reads in grey too) and a short
figure for the card ("CSAT 0.62 / 0.80") on a tab at the card's top right (`card_tab`: where every renderer draws
it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cjmapper.layout import Rect
from cjmapper.model import Language
from cjmapper.survey.kinds import Metric, figure_text
from cjmapper.survey.metrics import Figure, JourneyFigures
from cjmapper.text import FontMetrics

MISSES = ((0xF7, 0xF7, 0xF7), (0xFD, 0xB8, 0x63), (0xE0, 0x82, 0x14), (0x8A, 0x40, 0x06))
"""On target, then further and further short of it: light grey to dark orange."""
BEATS = ((0xF7, 0xF7, 0xF7), (0x92, 0xC5, 0xDE), (0x43, 0x93, 0xC3), (0x0B, 0x3C, 0x78))
"""On target, then further and further beyond it: light grey to dark blue."""


FRAME = 4.0
"""The width of the frame drawn around a card with answers (centred on the card's edge)."""
TAB_FONT = 8.0
TAB_HEIGHT = 13.0
TAB_PADDING = 8.0


def card_tab(card: Rect, text: str) -> Rect:
    """Where a card's figure stands: a tab on the frame at the card's top right, as wide as `text` needs (at most the
    card's width), in layout units."""
    width = min(card.width, FontMetrics(TAB_FONT, bold=True).width(text) + TAB_PADDING)
    return Rect(card.x + card.width - width, card.y - TAB_HEIGHT + FRAME / 2, width, TAB_HEIGHT)


def heat_colour(heat: float) -> str:
    """The colour of `heat` (-1: far short of target, 0: on it, 1: far beyond) as #rrggbb."""
    stops = MISSES if heat < 0 else BEATS
    where = min(1.0, abs(heat)) * (len(stops) - 1)
    low = min(int(where), len(stops) - 2)
    t = where - low
    a, b = stops[low], stops[low + 1]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


@dataclass(frozen=True, slots=True)
class Mark:
    """What the heat view shows on a card or a phase: its colour and its figure."""

    heat: float
    colour: str
    text: str
    metric: Metric


def _mark(figures: dict[Metric, Figure], language: Language) -> Mark | None:
    worst: Figure | None = None
    for f in figures.values():
        if f.responses and f.heat is not None and (worst is None or f.heat < (worst.heat or 0.0)):
            worst = f
    if worst is None or worst.heat is None or worst.target is None:
        return None
    value = figure_text(worst.metric, worst.value, language)
    target = figure_text(worst.metric, worst.target.value, language)
    return Mark(worst.heat, heat_colour(worst.heat), f"{worst.metric.value.upper()} {value} / {target}", worst.metric)


def marks(figures: JourneyFigures, language: Language) -> tuple[dict[int, Mark], dict[int, Mark]]:
    """The marks of the cards and of the phases that have answers and a target (each by its worst figure)."""
    cards = {i: m for i, f in figures.touchpoints.items() if (m := _mark(f, language)) is not None}
    phases = {i: m for i, f in figures.phases.items() if (m := _mark(f, language)) is not None}
    return cards, phases


def shown_metrics(*groups: Iterable[Mark]) -> tuple[str, ...]:
    """The metrics the marks show, as the heat view's key names them (CSAT, NPS, CES, SCORE), in the metrics' order."""
    found = {m.metric for group in groups for m in group}
    return tuple(m.value.upper() for m in Metric if m in found)

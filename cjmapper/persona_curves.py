"""The experience lane's curves beyond the one of old: every other persona's as-is curve, each persona's to-be curve
(its targets, drawn dashed beside the as-is one), each phase's average per persona with the gap (target minus score),
and the legend that names the personas. Geometry only, from the layout's phases and lane: the canvas, the poster and
the pictures draw these as they are.

With one persona (or none) and no target, there is nothing here: the lane looks as it always did."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cjmapper.model import Journey, Touchpoint
from cjmapper.text import FontMetrics

LEGEND_FONT = 8.5
"""The legend's and the phase figures' type size (points)."""
LEGEND_SWATCH = 16.0
"""The width of a legend entry's sample line."""


class LinePoint(NamedTuple):
    """A point of a persona's curve (a tuple: a 10,000-card map makes tens of thousands)."""

    touchpoint_id: int
    x: float
    y: float
    score: int


@dataclass(frozen=True, slots=True)
class PersonaLine:
    """One persona's curve: as-is (solid) or to-be (dashed), in the persona's colour."""

    persona: int
    """The persona's index in the journey's order."""
    colour: str
    to_be: bool
    points: tuple[LinePoint, ...]


@dataclass(frozen=True, slots=True)
class PhaseFigure:
    """A phase's figures for one persona: its average score, its average target and the gap (target - score), and
    where the line that says so goes (one line per persona, at the foot of the phase's column in the lane)."""

    phase_id: int
    persona: int
    colour: str
    average: float | None
    target: float | None
    x: float
    y: float
    width: float

    @property
    def gap(self) -> float | None:
        return None if self.average is None or self.target is None else self.target - self.average


@dataclass(frozen=True, slots=True)
class LegendEntry:
    persona: int
    colour: str
    name: str
    x: float
    y: float
    """The entry's sample line's left end and its middle height; the name follows it."""


@dataclass(frozen=True, slots=True)
class PersonaCurves:
    """What the experience lane draws for several personas or targets (empty: nothing more than of old)."""

    lines: tuple[PersonaLine, ...] = ()
    figures: tuple[PhaseFigure, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    first_colour: str | None = None
    """The colour of the first persona's as-is curve (None: the curve's colour of old)."""


NOTHING = PersonaCurves()

TO_BE = -1
"""A legend entry's `persona` when it explains the dashed line (its words by the journey's language: `TO_BE_WORDS`)."""
TO_BE_COLOUR = "#5c6670"
TO_BE_WORDS = {"en": "dashed: to-be", "nl": "gestreept: gewenst"}


def figure_text(figure: PhaseFigure, decimal: Callable[[float], str]) -> str:
    """A phase figure's line: the average score, the average target and the gap ("3.2 → 4.0 (+0.8)")."""
    parts = []
    if figure.average is not None:
        parts.append(decimal(figure.average))
    if figure.target is not None:
        parts.append(f"→ {decimal(figure.target)}")
    gap = figure.gap
    if gap is not None:
        parts.append(f"({'+' if gap >= 0 else '−'}{decimal(abs(gap))})")
    return " ".join(parts)


def needed(journey: Journey) -> bool:
    """Whether the journey's lane draws more than of old: more than one persona, or a target."""
    return len(journey.personas) > 1 or any(card.target is not None for card in journey.touchpoints)


def persona_curves(
    journey: Journey,
    header: tuple[float, float, float, float],
    row: tuple[float, float, float, float],
    columns: Sequence[tuple[int, float, float]],
    card_order: Sequence[Touchpoint],
    y_of: Callable[[float], float],
) -> PersonaCurves:
    """The lane's persona curves. `header` is the lane header's (x, y, width, height), where the legend goes under
    the lane's name, clear of the curves; `row` is the lane's (x, y, width, height), `columns` each phase's
    (id, x, width) left to right, `card_order` the cards in reading order (phase, lane, place), `y_of(score)` a
    score's height."""
    if not needed(journey):
        return NOTHING
    colours = journey.persona_colours() or ["#0072b2"]
    names = [p.name for p in journey.personas] or [""]
    count = len(colours)
    others = [p.id for p in journey.personas[1:]]
    # Each phase's cards' values, in reading order, once: [persona][to_be] -> phase id -> [(card id, value)].
    rated: list[list[dict[int, list[tuple[int, int]]]]] = [[{}, {}] for _ in range(count)]
    for card in card_order:
        phase_id = card.phase_id
        if card.score is not None:
            rated[0][0].setdefault(phase_id, []).append((card.id, card.score))
        if card.target is not None:
            rated[0][1].setdefault(phase_id, []).append((card.id, card.target))
        if card.ratings:
            for index, persona_id in enumerate(others, 1):
                rating = card.ratings.get(persona_id)
                if rating is not None:
                    if rating.score is not None:
                        rated[index][0].setdefault(phase_id, []).append((card.id, rating.score))
                    if rating.target is not None:
                        rated[index][1].setdefault(phase_id, []).append((card.id, rating.target))
    heights = {score: y_of(score) for score in range(1, 6)}
    lines: list[PersonaLine] = []
    figures: list[PhaseFigure] = []
    x0, y0, _, height = row
    font = FontMetrics(LEGEND_FONT)
    line_height = round(LEGEND_FONT * 1.35, 2)
    for index in range(count):
        for to_be in (False, True):
            if index == 0 and not to_be:
                continue  # the first persona's as-is curve is the lane's own (`Curve.points`)
            points: list[LinePoint] = []
            by_phase = rated[index][to_be]
            for phase_id, x, w in columns:
                values = by_phase.get(phase_id, ())
                step = w / len(values) if values else 0.0
                for k, (card_id, value) in enumerate(values):
                    points.append(LinePoint(card_id, x + step * (k + 0.5), heights[value], value))
            if points:
                lines.append(PersonaLine(index, colours[index], to_be, tuple(points)))
    bottom = y0 + height - 4
    for phase_id, x, w in columns:
        for index in range(count):
            scores = [v for _, v in rated[index][0].get(phase_id, ())]
            targets = [v for _, v in rated[index][1].get(phase_id, ())]
            if not scores and not targets:
                continue
            y = bottom - (count - index) * line_height
            inset = 20 if abs(x - x0) < 0.5 else 4  # clear of the score numerals at the lane's left
            figures.append(
                PhaseFigure(
                    phase_id,
                    index,
                    colours[index],
                    sum(scores) / len(scores) if scores else None,
                    sum(targets) / len(targets) if targets else None,
                    x + inset,
                    y,
                    w - inset - 4,
                )
            )
    legend: list[LegendEntry] = []
    dashed = any(line.to_be for line in lines)
    if len(journey.personas) > 1 or dashed:
        hx, hy, hw, hh = header
        left = hx + 10
        room = max(0.0, hw - 14 - LEGEND_SWATCH - 4)
        shown = list(range(count)) if len(journey.personas) > 1 else []
        rows = len(shown) + (1 if dashed else 0)
        y = max(hy + hh * 0.4, hy + hh - 4 - rows * line_height) + line_height / 2
        for index in shown:
            legend.append(LegendEntry(index, colours[index], font.elide(names[index], room), left, y))
            y += line_height
        if dashed:
            legend.append(LegendEntry(TO_BE, TO_BE_COLOUR, "", left, y))
    return PersonaCurves(tuple(lines), tuple(figures), tuple(legend), colours[0])

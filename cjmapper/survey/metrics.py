"""The figures made from a journey's survey responses, per touchpoint and per phase, and how far each is from its
phase's target.

- CSAT: the share of answers 4 or 5 (0 to 1);
- NPS: promoters (9-10) minus detractors (0-6), as a percentage of the answers (-100 to 100);
- CES and score: the average answer.

A phase's figures hold the answers on its touchpoints and those given to the phase itself. Answers on a touchpoint
that is no longer in the journey (deleted) are left out, and come back with it (undo keeps the card's id).
A target belongs to a phase and a metric, with a direction: higher or lower is better. `distance` is how far a
figure is on the good side of its target (negative: it misses it), and `heat` the same as -1 to 1 of a quarter of
the metric's scale: what the heat view colours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cjmapper.model import Journey
from cjmapper.survey.kinds import SCALES, Metric
from cjmapper.survey.match import Response

HEAT_SPAN = 0.25
"""A figure this share of its metric's scale from target (or further) gets the heat view's strongest colour."""


@dataclass(frozen=True, slots=True)
class Target:
    phase_id: int
    metric: Metric
    value: float
    higher_is_better: bool = True


@dataclass(slots=True)
class Tally:
    """Answers of one metric counted by value."""

    metric: Metric
    counts: dict[int, int] = field(default_factory=dict)

    def add(self, value: int, times: int = 1) -> None:
        self.counts[value] = self.counts.get(value, 0) + times

    @property
    def responses(self) -> int:
        return sum(self.counts.values())

    def value(self) -> float:
        return figure(self.metric, self.counts)


def figure(metric: Metric, counts: dict[int, int]) -> float:
    """The figure of `metric` from answers counted by value (at least one answer)."""
    n = sum(counts.values())
    if n == 0:
        raise ValueError("no answers")
    if metric is Metric.CSAT:
        return sum(c for v, c in counts.items() if v >= 4) / n
    if metric is Metric.NPS:
        promoters = sum(c for v, c in counts.items() if v >= 9)
        detractors = sum(c for v, c in counts.items() if v <= 6)
        return 100.0 * (promoters - detractors) / n
    return sum(v * c for v, c in counts.items()) / n


@dataclass(frozen=True, slots=True)
class Figure:
    metric: Metric
    responses: int
    value: float
    target: Target | None

    @property
    def distance(self) -> float | None:
        """How far the figure is on the good side of its target (negative: short of it); None without a target."""
        if self.target is None:
            return None
        gap = self.value - self.target.value
        return gap if self.target.higher_is_better else -gap

    @property
    def heat(self) -> float | None:
        """`distance` as -1 (far short) to 1 (far beyond), a quarter of the metric's scale being "far"."""
        distance = self.distance
        if distance is None:
            return None
        return max(-1.0, min(1.0, distance / (SCALES[self.metric].span * HEAT_SPAN)))


@dataclass(frozen=True, slots=True)
class JourneyFigures:
    touchpoints: dict[int, dict[Metric, Figure]]
    phases: dict[int, dict[Metric, Figure]]
    """Per phase: a figure for each metric with answers, and one of no answers (responses 0) for a target alone."""
    unassigned: dict[Metric, Figure]

    def heat_of_touchpoint(self, touchpoint_id: int) -> float | None:
        return _worst(self.touchpoints.get(touchpoint_id, {}).values())

    def heat_of_phase(self, phase_id: int) -> float | None:
        return _worst(self.phases.get(phase_id, {}).values())


def _worst(figures: Iterable[Figure]) -> float | None:
    heats = [h for f in figures if f.responses and (h := f.heat) is not None]
    return min(heats) if heats else None


def journey_figures(journey: Journey, responses: Iterable[Response], targets: Iterable[Target]) -> JourneyFigures:
    """Every figure of `journey` from its `responses`, each compared with its phase's target."""
    phase_of = {tp.id: tp.phase_id for tp in journey.touchpoints}
    phase_ids = {p.id for p in journey.phases}
    by_card: dict[int, dict[Metric, Tally]] = {}
    by_phase: dict[int, dict[Metric, Tally]] = {}
    loose: dict[Metric, Tally] = {}
    for r in responses:
        if r.touchpoint_id is not None:
            phase_id = phase_of.get(r.touchpoint_id)
            if phase_id is None:
                continue
            by_card.setdefault(r.touchpoint_id, {}).setdefault(r.metric, Tally(r.metric)).add(r.value)
        elif r.phase_id is not None and r.phase_id in phase_ids:
            phase_id = r.phase_id
        else:
            if r.unassigned is not None:
                loose.setdefault(r.metric, Tally(r.metric)).add(r.value)
            continue
        by_phase.setdefault(phase_id, {}).setdefault(r.metric, Tally(r.metric)).add(r.value)
    goal = {(t.phase_id, t.metric): t for t in targets if t.phase_id in phase_ids}

    def made(tallies: dict[Metric, Tally], phase_id: int | None) -> dict[Metric, Figure]:
        return {
            m: Figure(m, t.responses, t.value(), goal.get((phase_id, m)) if phase_id is not None else None)
            for m, t in sorted(tallies.items())
        }

    phases: dict[int, dict[Metric, Figure]] = {}
    for phase in journey.phases:
        figures = made(by_phase.get(phase.id, {}), phase.id)
        for (phase_id, metric), target in sorted(goal.items()):
            if phase_id == phase.id and metric not in figures:
                figures[metric] = Figure(metric, 0, 0.0, target)
        if figures:
            phases[phase.id] = dict(sorted(figures.items()))
    touchpoints = {card: made(tallies, phase_of[card]) for card, tallies in by_card.items()}
    return JourneyFigures(touchpoints, phases, made(loose, None))

"""The survey figures: CSAT, NPS, CES and score per touchpoint and phase, checked against a naive reference on random
answers, the distance from a phase's target in either direction, and the heat view's colours."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper import style
from cjmapper.survey.heat import heat_colour
from cjmapper.survey.kinds import SCALES, Metric
from cjmapper.survey.match import Response
from cjmapper.survey.metrics import Figure, Target, journey_figures
from tests.survey_helpers import survey_journey
from tests.test_map_marks import DEUTERANOPIA, MIN_DELTA_E, PROTANOPIA, lab, luma, simulate


def naive(metric: Metric, answers: list[int]) -> float:
    """The textbook definitions, written out plainly."""
    if metric is Metric.CSAT:
        return len([a for a in answers if a in (4, 5)]) / len(answers)
    if metric is Metric.NPS:
        promoters = len([a for a in answers if a in (9, 10)])
        detractors = len([a for a in answers if a in (0, 1, 2, 3, 4, 5, 6)])
        return (promoters - detractors) / len(answers) * 100
    return sum(answers) / len(answers)


@st.composite
def responses(draw: st.DrawFn) -> list[Response]:
    found: list[Response] = []
    for _ in range(draw(st.integers(0, 60))):
        metric = draw(st.sampled_from(list(Metric)))
        scale = SCALES[metric]
        value = draw(st.integers(scale.low, scale.high))
        where = draw(st.sampled_from(["card", "phase", "gone", "unassigned"]))
        if where == "card":
            found.append(Response(metric, value, touchpoint_id=draw(st.integers(1, 5))))
        elif where == "phase":
            found.append(Response(metric, value, phase_id=draw(st.integers(1, 3))))
        elif where == "gone":
            found.append(Response(metric, value, touchpoint_id=99))
        else:
            found.append(Response(metric, value, unassigned="Elders"))
    return found


@settings(max_examples=150, deadline=None)
@given(responses())
def test_figures_equal_the_naive_reference(answers: list[Response]) -> None:
    journey = survey_journey()
    phase_of = {tp.id: tp.phase_id for tp in journey.touchpoints}
    figures = journey_figures(journey, answers, [])
    for card in journey.touchpoints:
        for metric in Metric:
            mine = [r.value for r in answers if r.touchpoint_id == card.id and r.metric is metric]
            got = figures.touchpoints.get(card.id, {}).get(metric)
            if not mine:
                assert got is None
            else:
                assert got is not None
                assert got.responses == len(mine)
                assert got.value == pytest.approx(naive(metric, mine))
    for phase in journey.phases:
        for metric in Metric:
            mine = [
                r.value
                for r in answers
                if r.metric is metric
                and (
                    r.phase_id == phase.id
                    or (r.touchpoint_id is not None and phase_of.get(r.touchpoint_id) == phase.id)
                )
            ]
            got = figures.phases.get(phase.id, {}).get(metric)
            assert (got.responses if got else 0) == len(mine)
            if mine:
                assert got is not None
                assert got.value == pytest.approx(naive(metric, mine))
                assert -100 <= got.value <= 100


def test_nps_of_a_known_set() -> None:
    answers = [Response(Metric.NPS, v, phase_id=1) for v in (10, 9, 9, 8, 7, 6, 0, 10, 3, 9)]
    [figure] = journey_figures(survey_journey(), answers, []).phases[1].values()
    assert (figure.responses, figure.value) == (10, 20.0)  # 5 promoters, 3 detractors


def test_distance_and_heat_follow_the_direction_of_the_target() -> None:
    higher = Figure(Metric.CSAT, 10, 0.6, Target(1, Metric.CSAT, 0.8, True))
    assert higher.distance == pytest.approx(-0.2)
    assert higher.heat == pytest.approx(-0.8)  # 0.2 of a 0.25 span
    lower = Figure(Metric.CES, 10, 2.0, Target(1, Metric.CES, 3.0, False))
    assert lower.distance == pytest.approx(1.0)
    assert lower.heat == pytest.approx(1.0 / 1.5)
    assert Figure(Metric.NPS, 3, -100.0, Target(1, Metric.NPS, 50.0)).heat == -1.0
    assert Figure(Metric.NPS, 3, 0.0, None).heat is None


def test_a_target_without_answers_is_listed_and_does_not_colour() -> None:
    journey = survey_journey()
    answers = [Response(Metric.CSAT, 2, touchpoint_id=2), Response(Metric.CSAT, 5, touchpoint_id=2)]
    targets = [Target(2, Metric.CSAT, 0.8), Target(3, Metric.NPS, 30.0)]
    figures = journey_figures(journey, answers, targets)
    assert figures.phases[3][Metric.NPS].responses == 0
    assert figures.heat_of_phase(3) is None
    assert figures.heat_of_phase(2) == -1.0  # CSAT 0.5 against 0.8: 0.3 short, past a quarter of the scale
    assert figures.heat_of_touchpoint(2) == figures.heat_of_phase(2)
    assert figures.heat_of_touchpoint(1) is None


def test_heat_colours_darken_away_from_target_and_keep_misses_apart_from_beats_when_colour_blind() -> None:
    """Lightness falls with the distance from target on both sides (in colour, and as a deuteranope or protanope
    sees it), and a miss stays apart from an equal beat in CIELAB for both: orange and blue, not red and green."""
    steps = [i / 4 for i in range(5)]
    for side in (-1, 1):
        shown = [style.rgb(heat_colour(side * s)) for s in steps]
        for matrix in (None, DEUTERANOPIA, PROTANOPIA):
            seen = shown if matrix is None else [simulate(c, matrix) for c in shown]
            greys = [luma(c) for c in seen]
            assert all(b < a - 10 for a, b in itertools.pairwise(greys)), (side, matrix, greys)
    for s in steps[1:]:
        miss, beat = style.rgb(heat_colour(-s)), style.rgb(heat_colour(s))
        for matrix in (DEUTERANOPIA, PROTANOPIA):
            assert math.dist(lab(simulate(miss, matrix)), lab(simulate(beat, matrix))) >= MIN_DELTA_E, s

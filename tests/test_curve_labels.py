"""The experience curve's phase-average labels ("gem. 3,5") sit where the curve is not: measured geometrically on
generated journeys (label box against the curve's segments and dots, the bars and each other), and read back from a
rendered poster (the canvas and a PNG picture: test_curve_labels_drawn.py)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from cjmapper.i18n import decimal
from cjmapper.layout import AVERAGE_BAR_SHARE, Curve, Layout, Metrics, Rect, compute_layout, curve_dot_radius
from cjmapper.model import Journey, Lane, LaneKind, Language, Phase, Touchpoint
from cjmapper.poster import PosterOptions, render_poster
from cjmapper.text import FontMetrics
from tests.poster_helpers import fragments, to_layout

LINE_HALF = 1.25
"""Half the curve's line width."""


def generated(seed: int, language: Language = Language.NL) -> Journey:
    """Three to six phases, a touchpoints lane and a pain-points lane, one to seven scored cards a phase, and an
    emotions lane (twice, sometimes)."""
    rng = random.Random(seed)
    phases = rng.randint(3, 6)
    lanes = [
        Lane(1, "Contactmomenten"),
        Lane(2, "Pijnpunten", LaneKind.PAIN_POINTS),
        Lane(3, "Beleving", LaneKind.EMOTIONS),
    ]
    if seed % 5 == 0:
        lanes.append(Lane(4, "Nog een curve", LaneKind.EMOTIONS))
    journey = Journey(seed, f"Gegenereerd {seed}", language=language,
                      phases=[Phase(i + 1, f"Fase {i + 1}") for i in range(phases)], lanes=lanes)  # fmt: skip
    card = 0
    for phase in range(1, phases + 1):
        for _ in range(rng.randint(1, 7)):
            card += 1
            score = rng.choice([1, 2, 3, 4, 5, 5, 1, None])
            journey.touchpoints.append(Touchpoint(card, phase, rng.choice([1, 2]), card, f"Kaart {card}", score=score))
    return journey


def segment_meets(a: tuple[float, float], b: tuple[float, float], rect: Rect) -> bool:
    """Whether the segment a-b passes through `rect` (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.x), (dx, rect.right - x0), (-dy, y0 - rect.y), (dy, rect.bottom - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def grown(rect: Rect, by: float) -> Rect:
    return Rect(rect.x - by, rect.y - by, rect.width + 2 * by, rect.height + 2 * by)


def crossings(layout: Layout, curve: Curve, boxes: list[Rect]) -> list[str]:
    """What runs through each label box: the curve's line, a dot, a bar, another label, or the lane's edge."""
    problems = []
    points = [(p.x, p.y) for p in curve.points]
    lane = next(lane for lane in layout.lanes if lane.lane_id == curve.lane_id)
    columns = {p.phase_id: p.column for p in layout.phases}
    dot_radius = curve_dot_radius(layout.metrics)  # the score badge's, its rim inside it
    for i, (mark, box) in enumerate(zip(curve.phase_marks, boxes, strict=True)):
        name = f"label of phase {mark.phase_id}"
        if any(segment_meets(a, b, grown(box, LINE_HALF)) for a, b in itertools.pairwise(points)):
            problems.append(f"{name}: the curve's line")
        for x, y in points:
            nearest_x, nearest_y = min(max(x, box.x), box.right), min(max(y, box.y), box.bottom)
            if (x - nearest_x) ** 2 + (y - nearest_y) ** 2 < dot_radius**2:
                problems.append(f"{name}: a dot")
        for other_mark in curve.phase_marks:
            half = columns[other_mark.phase_id].width * AVERAGE_BAR_SHARE
            bar = Rect(other_mark.x - half, other_mark.y - 1, 2 * half, 2)
            if segment_meets((bar.x, other_mark.y), (bar.right, other_mark.y), box):
                problems.append(f"{name}: the bar of phase {other_mark.phase_id}")
        for other in boxes[i + 1 :]:
            if box.x < other.right and other.x < box.right and box.y < other.bottom and other.y < box.bottom:
                problems.append(f"{name}: another label")
        if box.y < lane.row.y or box.bottom > lane.row.bottom or box.x < lane.row.x or box.right > lane.row.right:
            problems.append(f"{name}: outside its lane")
    return problems


def old_boxes(layout: Layout, curve: Curve) -> list[Rect]:
    """Where the labels went before they were placed: right-aligned at the bar's end, above it (below when the
    lane's top was too near)."""
    columns = {p.phase_id: p.column for p in layout.phases}
    lane = next(lane for lane in layout.lanes if lane.lane_id == curve.lane_id)
    boxes = []
    for mark in curve.phase_marks:
        half = columns[mark.phase_id].width * 0.36
        width = FontMetrics(layout.metrics.font_size - 1, bold=True).width(f"gem. {mark.average:.1f}") + 10
        top = mark.y - 19 if mark.y - 19 >= lane.row.y + 2 else mark.y + 4
        boxes.append(Rect(mark.x + half - width, top, width, 15))
    return boxes


def test_labels_stay_clear_of_the_curve_on_generated_journeys() -> None:
    crossed = labels = before = 0
    for seed in range(150):
        layout = compute_layout(generated(seed))
        for curve in layout.curves:
            boxes = list(curve.labels)
            labels += len(boxes)
            problems = crossings(layout, curve, boxes)
            assert problems == [], f"journey {seed}: {problems}"
            crossed += len(problems)
            before += len({p.split(":")[0] for p in crossings(layout, curve, old_boxes(layout, curve)) if "line" in p})
    assert labels > 500
    assert crossed == 0
    assert before > 0  # the generated journeys do put the curve where the labels used to go


def test_labels_scale_with_the_metrics_and_fit_both_languages() -> None:
    journey = generated(3)
    small, large = compute_layout(journey), compute_layout(journey, Metrics(font_size=22.0, line_height=28.0))
    for layout in (small, large):
        font = FontMetrics(layout.metrics.font_size - 1, bold=True)
        for curve in layout.curves:
            for mark, box in zip(curve.phase_marks, curve.labels, strict=True):
                for text in (f"avg {mark.average:.1f}", f"gem. {mark.average:.1f}".replace(".", ",")):
                    assert font.width(text) < box.width
    assert large.curves[0].labels[0].height > small.curves[0].labels[0].height


def test_a_crowded_phase_still_gets_its_label_inside_the_lane() -> None:
    """Forty cards scored 1 and 5 in turn leave no clear place: the label hides as few dots as it can."""
    journey = Journey(1, "Vol", phases=[Phase(1, "Fase")],
                      lanes=[Lane(1, "Contactmomenten"), Lane(2, "Beleving", LaneKind.EMOTIONS)])  # fmt: skip
    for i in range(40):
        journey.touchpoints.append(Touchpoint(i + 1, 1, 1, i, f"Kaart {i}", score=(1, 5)[i % 2]))
    layout = compute_layout(journey)
    curve = layout.curves[0]
    (box,) = curve.labels
    lane = layout.lanes[1].row
    assert lane.y <= box.y
    assert box.bottom <= lane.bottom


def test_the_poster_prints_each_label_in_its_box_clear_of_the_curve(tmp_path: Path) -> None:
    journey = generated(7)
    target = tmp_path / "poster.pdf"
    plan = render_poster(journey, target, PosterOptions())
    layout = plan.layout  # the map as laid out for the page
    assert layout is not None
    curve = layout.curves[0]
    boxes = list(curve.labels)
    lane = next(lane for lane in layout.lanes if lane.lane_id == curve.lane_id).row
    placed = [(f, to_layout(plan, f.x, f.y)) for f in fragments(target) if f.text.startswith("gem. ")]
    found = [(f, x, y) for f, (x, y) in placed if lane.y <= y <= lane.bottom]  # not the phase headers' badges
    averages = sorted(f"gem. {decimal(m.average, Language.NL)}" for m in curve.phase_marks)
    assert sorted(f.text for f, _, _ in found) == averages
    points = [(p.x, p.y) for p in curve.points]
    for fragment, x, baseline in found:
        font = FontMetrics(fragment.size / plan.scale, bold=True)
        text = Rect(x, baseline - font.ascent, font.width(fragment.text), font.ascent - font.descent)
        assert any(b.x <= text.x and text.right <= b.right and b.y <= text.y and text.bottom <= b.bottom for b in boxes)
        assert not any(segment_meets(a, b, grown(text, LINE_HALF)) for a, b in itertools.pairwise(points))

"""The map's geometry (`cjmapper.layout`): grid, cards, wrapping, the experience curve, hit testing and drops."""

from __future__ import annotations

import itertools
import time
from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.store import big_journey
from cjmapper import layout as layout_module
from cjmapper import text as text_module
from cjmapper.hit_test import cell_at, drop_index
from cjmapper.layout import (
    CardBox,
    CellBox,
    CurvePoint,
    Layout,
    Metrics,
    Rect,
    compute_layout,
)
from cjmapper.model import Journey, Lane, LaneKind, Language, Phase, Touchpoint
from cjmapper.relayout import update_layout
from cjmapper.templates import load_example, load_template
from cjmapper.text import ELLIPSIS, FontMetrics

M = Metrics()
INNER = M.card_width - 2 * M.card_padding
COLUMN = M.card_width + 2 * M.cell_padding
LONG_TITLE = "Looks up the cakes, their allergens, prices and delivery areas on the website before deciding anything"


def card_height(lines: int, m: Metrics = M) -> float:
    return 2 * m.card_padding + lines * m.line_height + m.footer_height


def cell_content(heights: list[float], m: Metrics = M) -> float:
    return 2 * m.cell_padding + sum(heights) + m.card_gap * (len(heights) - 1) + m.drop_room


def inside(inner: Rect, outer: Rect) -> bool:
    return outer.x <= inner.x and inner.right <= outer.right and outer.y <= inner.y and inner.bottom <= outer.bottom


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def journey(
    phases: int = 3,
    lanes: tuple[LaneKind, ...] = (LaneKind.TOUCHPOINTS, LaneKind.EMOTIONS),
    language: Language = Language.EN,
) -> Journey:
    return Journey(
        1,
        "Test",
        language=language,
        phases=[Phase(i + 1, f"Phase {i + 1}") for i in range(phases)],
        lanes=[Lane(i + 1, f"Lane {i + 1}", kind) for i, kind in enumerate(lanes)],
    )


def add(
    j: Journey,
    phase: int,
    lane: int,
    title: str = "Card",
    score: int | None = None,
    *,
    position: int | None = None,
    channel: str | None = None,
) -> Touchpoint:
    """A new card at the end of its cell (or at `position`)."""
    if position is None:
        position = len(j.cell(phase, lane)) * 1000
    t = Touchpoint(len(j.touchpoints) + 1, phase, lane, position, title, channel=channel, score=score)
    j.touchpoints.append(t)
    return t


def check_geometry(journey: Journey, result: Layout) -> None:
    """Every invariant of a layout, checked against the journey it was computed from."""
    m = result.metrics
    card_lanes = [lane for lane in journey.lanes if lane.kind.holds_cards]
    # Columns and rows are contiguous, in journey order, and the map covers them.
    assert [p.phase_id for p in result.phases] == [p.id for p in journey.phases]
    assert [lane.lane_id for lane in result.lanes] == [lane.id for lane in journey.lanes]
    x = m.lane_header_width
    for i, p in enumerate(result.phases):
        assert p.index == i
        assert p.header == Rect(x, 0, m.card_width + 2 * m.cell_padding, m.phase_header_height)
        assert (p.column.x, p.column.y, p.column.width) == (x, m.phase_header_height, p.header.width)
        x = p.column.right
    y = m.phase_header_height
    for i, lane in enumerate(result.lanes):
        assert lane.index == i
        assert lane.header == Rect(0, y, m.lane_header_width, lane.row.height)
        assert (lane.row.x, lane.row.y, lane.row.right) == (m.lane_header_width, y, x)
        y = lane.row.bottom
    assert (result.width, result.height) == (x, y)
    for p in result.phases:
        assert p.column.bottom == y
    # Cells: exactly one per (phase, card lane), each the crossing of its column and row, so they tile the grid.
    assert set(result.cells) == {(p.id, lane.id) for p in journey.phases for lane in card_lanes}
    columns = {p.phase_id: p.column for p in result.phases}
    rows = {lane.lane_id: lane.row for lane in result.lanes}
    for (phase_id, lane_id), cell in result.cells.items():
        assert (cell.phase_id, cell.lane_id) == (phase_id, lane_id)
        column, row = columns[phase_id], rows[lane_id]
        assert cell.rect == Rect(column.x, row.y, column.width, row.height)
    for one, other in itertools.combinations(result.cells.values(), 2):
        assert not overlap(one.rect, other.rect)
    covered = sum(c.rect.width * c.rect.height for c in result.cells.values())
    emotions = sum(rows[lane.id].height for lane in journey.lanes if not lane.kind.holds_cards)
    assert covered == pytest.approx(
        (result.width - m.lane_header_width) * (result.height - m.phase_header_height - emotions)
    )
    # Cards: in their cell, in position order, stacked with the gap, never overlapping; the row fits the tallest cell.
    known_phases = {p.id for p in journey.phases}
    expected_cards = {
        t.id
        for t in journey.touchpoints
        if t.phase_id in known_phases and t.lane_id in {lane.id for lane in card_lanes}
    }
    assert set(result.cards) == expected_cards
    for cell in result.cells.values():
        cards = [result.cards[i] for i in cell.card_ids]
        in_journey = sorted(
            (t for t in journey.touchpoints if (t.phase_id, t.lane_id) == (cell.phase_id, cell.lane_id)),
            key=lambda t: t.position,
        )
        assert list(cell.card_ids) == [t.id for t in in_journey]
        top = cell.rect.y + m.cell_padding
        for index, card in enumerate(cards):
            assert (card.phase_id, card.lane_id, card.index) == (cell.phase_id, cell.lane_id, index)
            assert card.rect.x == cell.rect.x + m.cell_padding
            assert card.rect.width == m.card_width
            assert card.rect.y == pytest.approx(top)
            assert inside(card.rect, cell.rect)
            assert 1 <= max(1, len(card.title_lines)) <= m.max_title_lines
            assert len(card.note_lines) <= m.max_note_lines
            notes = len(card.note_lines) * m.note_line_height
            assert card.rect.height == pytest.approx(card_height(max(1, len(card.title_lines)), m) + notes)
            top = card.rect.bottom + m.card_gap
        for a, b in itertools.combinations(cards, 2):
            assert not overlap(a.rect, b.rect)
        if cards:
            assert cards[-1].rect.bottom + m.drop_room + m.cell_padding <= cell.rect.bottom + 1e-9


# --- the grid ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [Language.EN, Language.NL])
def test_example_journey_geometry(language: Language) -> None:
    example = load_example(language)
    result = compute_layout(example)
    check_geometry(example, result)
    assert len(result.cards) == len(example.touchpoints) == 16
    assert len(result.cells) == 5 * 5
    assert result.metrics == Metrics()


def test_columns_and_rows_have_the_documented_sizes() -> None:
    j = journey(phases=2, lanes=(LaneKind.TOUCHPOINTS, LaneKind.EMOTIONS, LaneKind.NOTES))
    result = compute_layout(j)
    first, second = result.phases
    assert first.header == Rect(168, 0, 208, 64)
    assert second.header == Rect(376, 0, 208, 64)
    cards, emotions, notes = result.lanes
    assert cards.row == Rect(168, 64, 416, M.empty_cell_height)
    assert emotions.row == Rect(168, 64 + 56, 416, M.emotions_height)
    assert notes.header == Rect(0, 64 + 56 + 150, 168, 56)
    assert (result.width, result.height) == (584, 64 + 56 + 150 + 56)
    assert cell_at(result, 10, 10) is None  # the empty top-left corner


def test_lane_height_grows_to_its_tallest_cell() -> None:
    j = journey(phases=3, lanes=(LaneKind.TOUCHPOINTS, LaneKind.PAIN_POINTS, LaneKind.EMOTIONS))
    add(j, 1, 1, "Short")
    for title in ("Short", LONG_TITLE, "Looks up the cakes and their allergens on the website"):
        add(j, 2, 1, title)
    add(j, 3, 1, LONG_TITLE)
    result = compute_layout(j)
    check_geometry(j, result)
    heights = [result.cards[t.id].rect.height for t in j.cell(2, 1)]
    assert heights == [card_height(1), card_height(3), card_height(2)]
    assert result.lanes[0].row.height == pytest.approx(cell_content(heights))
    assert result.lanes[1].row.height == M.empty_cell_height  # no cards: the least height
    assert result.lanes[2].row.height == M.emotions_height
    # Every cell of the row is as tall as the tallest, so drops work anywhere in the row.
    assert {result.cells[(p, 1)].rect.height for p in (1, 2, 3)} == {cell_content(heights)}


def test_an_empty_journey_has_every_cell_empty() -> None:
    template = load_template("five-phase")
    assert template.touchpoints == []
    result = compute_layout(template)
    check_geometry(template, result)
    assert result.cards == {}
    assert all(cell.card_ids == () for cell in result.cells.values())
    card_lanes = [lane for lane in template.lanes if lane.kind.holds_cards]
    assert len(result.cells) == len(template.phases) * len(card_lanes)
    for lane in result.lanes:
        kind = template.lane(lane.lane_id).kind
        assert lane.row.height == (M.emotions_height if kind is LaneKind.EMOTIONS else M.empty_cell_height)
    assert [c.points for c in result.curves] == [()]
    assert [c.phase_marks for c in result.curves] == [()]


def test_a_journey_without_phases_or_lanes() -> None:
    nothing = compute_layout(journey(phases=0, lanes=()))
    assert (nothing.width, nothing.height) == (M.lane_header_width, M.phase_header_height)
    assert (nothing.phases, nothing.lanes, nothing.cells, nothing.cards, nothing.curves) == ((), (), {}, {}, ())
    no_lanes = compute_layout(journey(phases=2, lanes=()))
    assert no_lanes.width == M.lane_header_width + 2 * COLUMN
    assert [p.column.height for p in no_lanes.phases] == [0, 0]


def test_cards_are_ordered_by_position_not_by_list_order() -> None:
    j = journey(phases=1)
    third = add(j, 1, 1, "third", position=3000)
    first = add(j, 1, 1, "first", position=-5)
    second = add(j, 1, 1, "second", position=1500)
    result = compute_layout(j)
    assert result.cells[(1, 1)].card_ids == (first.id, second.id, third.id)
    assert [result.cards[t.id].index for t in (first, second, third)] == [0, 1, 2]
    assert result.cards[first.id].rect.y < result.cards[second.id].rect.y < result.cards[third.id].rect.y


def test_cards_of_unknown_phases_and_lanes_and_in_emotions_lanes_are_left_out() -> None:
    j = journey(phases=2)
    kept = add(j, 1, 1, "kept", score=3)
    add(j, 9, 1, "unknown phase", score=1)
    add(j, 1, 9, "unknown lane", score=1)
    add(j, 2, 2, "in the emotions lane", score=1)
    result = compute_layout(j)
    assert set(result.cards) == {kept.id}
    assert [p.touchpoint_id for p in result.curves[0].points] == [kept.id]
    assert (2, 2) not in result.cells


# --- cards ------------------------------------------------------------------------------------------------------


def test_titles_are_wrapped_to_the_card_and_cut_after_three_lines() -> None:
    j = journey(phases=1)
    short = add(j, 1, 1, "Reads the Google reviews")
    long = add(j, 1, 1, " ".join([LONG_TITLE] * 3))
    word = add(j, 1, 1, "x" * 200)
    empty = add(j, 1, 1, "")
    result = compute_layout(j)
    font = FontMetrics(M.font_size)
    assert result.cards[short.id].title_lines == ("Reads the Google reviews",)
    assert not result.cards[short.id].title_elided
    for t in (long, word):
        card = result.cards[t.id]
        assert len(card.title_lines) == 3
        assert card.title_elided
        assert card.title_lines[-1].endswith(ELLIPSIS)
        assert all(font.width(line) <= INNER for line in card.title_lines)
        assert (card.title_lines, card.title_elided) == font.wrap(t.title, INNER, 3)
        assert card.rect.height == card_height(3)
    assert result.cards[empty.id].title_lines == ()
    assert result.cards[empty.id].rect.height == card_height(1)  # an empty title still takes a line


def test_notes_show_under_the_title_in_two_lines_at_most() -> None:
    j = journey(phases=1)
    plain = add(j, 1, 1, "Short")
    short = add(j, 1, 1, "Short")
    short.notes = "Asked twice"
    long = add(j, 1, 1, "Short")
    long.notes = " ".join([LONG_TITLE] * 2)
    result = compute_layout(j)
    note_font = FontMetrics(M.note_font_size)
    assert result.cards[plain.id].note_lines == ()
    assert result.cards[short.id].note_lines == ("Asked twice",)
    assert result.cards[short.id].rect.height == card_height(1) + M.note_line_height
    lines = result.cards[long.id].note_lines
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)
    assert all(note_font.width(line) <= INNER for line in lines)
    assert result.cards[long.id].rect.height == card_height(1) + 2 * M.note_line_height
    assert compute_layout(j, replace(M, max_note_lines=0)).cards[long.id].note_lines == ()


def test_metrics_shape_the_cards() -> None:
    j = journey(phases=1)
    t = add(j, 1, 1, LONG_TITLE)
    workshop = Metrics(font_size=16, line_height=20, max_title_lines=5)
    card = compute_layout(j, workshop).cards[t.id]
    lines = FontMetrics(16).wrap(LONG_TITLE, INNER, 5)[0]
    assert len(lines) > len(compute_layout(j).cards[t.id].title_lines)
    assert card.title_lines == lines
    assert card.rect.height == card_height(len(lines), workshop)
    one_line = compute_layout(j, replace(M, max_title_lines=1)).cards[t.id]
    assert len(one_line.title_lines) == 1
    assert one_line.title_elided
    check_geometry(j, compute_layout(j, replace(M, card_width=250, cell_padding=4, card_gap=2, drop_room=0)))


def test_channel_labels_are_in_the_journeys_language_and_fit_the_footer() -> None:
    for language, expected in ((Language.EN, "Social media"), (Language.NL, "Sociale media")):
        j = journey(phases=1, language=language)
        t = add(j, 1, 1, channel="social-media")
        assert compute_layout(j).cards[t.id].channel_label == expected
    j = journey(phases=1)
    free = add(j, 1, 1, channel="Carrier pigeon")
    long = add(j, 1, 1, channel="A very long free-text channel name that does not fit")
    none = add(j, 1, 1)
    cards = compute_layout(j).cards
    assert cards[free.id].channel_label == "Carrier pigeon"
    label = cards[long.id].channel_label
    assert label.endswith(ELLIPSIS)
    assert FontMetrics(M.font_size).width(label) <= 0.6 * INNER
    assert "A very long free-text channel name".startswith(label[:-1])
    assert cards[none.id].channel_label == ""


# --- the experience curve ---------------------------------------------------------------------------------------


def test_example_curve_has_a_point_per_scored_card_left_to_right() -> None:
    example = load_example("en")
    result = compute_layout(example)
    (curve,) = result.curves
    lane = next(box for box in result.lanes if box.lane_id == curve.lane_id)
    assert example.lane(curve.lane_id).kind is LaneKind.EMOTIONS
    scored = [t for t in example.touchpoints if t.score is not None]
    assert sorted(p.touchpoint_id for p in curve.points) == sorted(t.id for t in scored)
    xs = [p.x for p in curve.points]
    assert all(a < b for a, b in itertools.pairwise(xs))  # strictly left to right: no vertical zigzag
    columns = {box.phase_id: box.column for box in result.phases}
    for point in curve.points:
        card = result.cards[point.touchpoint_id]
        column = columns[card.phase_id]
        assert column.x < point.x < column.right  # within the card's own phase
        assert point.score == example.touchpoint(point.touchpoint_id).score
        assert lane.row.y < point.y < lane.row.bottom
    by_score = {p.score: p.y for p in curve.points}
    assert by_score[5] == lane.row.y + 18
    assert by_score[1] == lane.row.bottom - 18
    assert by_score[5] < by_score[4] < by_score[3] < by_score[2] < by_score[1]  # a higher score is drawn higher


def test_curve_order_breaks_ties_by_lane_then_position() -> None:
    j = journey(phases=2, lanes=(LaneKind.TOUCHPOINTS, LaneKind.PAIN_POINTS, LaneKind.EMOTIONS))
    b = add(j, 1, 2, score=1)
    a2 = add(j, 1, 1, score=4, position=10)
    a1 = add(j, 1, 1, score=5, position=0)
    c = add(j, 2, 1, score=2)
    unscored = add(j, 2, 2)
    (curve,) = compute_layout(j).curves
    assert [p.touchpoint_id for p in curve.points] == [a1.id, a2.id, b.id, c.id]
    assert unscored.id not in {p.touchpoint_id for p in curve.points}


def test_phase_marks_are_the_average_at_the_column_centre() -> None:
    j = journey(phases=3, lanes=(LaneKind.TOUCHPOINTS, LaneKind.ACTIONS, LaneKind.EMOTIONS))
    add(j, 1, 1, score=5)
    add(j, 1, 2, score=2)
    add(j, 1, 1)
    add(j, 3, 1, score=1)
    add(j, 2, 1)  # phase 2 has no scored card: no mark
    result = compute_layout(j)
    (curve,) = result.curves
    lane = result.lanes[2]
    assert [m.phase_id for m in curve.phase_marks] == [1, 3]
    first, third = curve.phase_marks
    assert first.average == pytest.approx(3.5)
    assert first.x == result.phases[0].column.x + COLUMN / 2
    pad = 18
    assert first.y == pytest.approx(lane.row.y + pad + (5 - 3.5) / 4 * (lane.row.height - 2 * pad))
    assert (third.average, third.y) == (1, lane.row.bottom - pad)


def test_each_emotions_lane_draws_its_own_curve_and_none_without_one() -> None:
    j = journey(phases=1, lanes=(LaneKind.EMOTIONS, LaneKind.TOUCHPOINTS, LaneKind.EMOTIONS))
    add(j, 1, 2, score=3)
    result = compute_layout(j)
    assert [c.lane_id for c in result.curves] == [1, 3]
    top, bottom = (c.points[0] for c in result.curves)
    assert top.x == bottom.x
    assert top.y < result.lanes[1].row.y < bottom.y

    plain = journey(phases=2, lanes=(LaneKind.TOUCHPOINTS, LaneKind.NOTES))
    add(plain, 1, 1, score=3)
    result = compute_layout(plain)
    assert result.curves == ()
    check_geometry(plain, result)


# --- hit testing and drops --------------------------------------------------------------------------------------


def test_cell_at_finds_the_cell_under_a_point() -> None:
    example = load_example("en")
    result = compute_layout(example)
    for cell in result.cells.values():
        r = cell.rect
        for x, y in ((r.x, r.y), (r.x + r.width / 2, r.y + r.height / 2), (r.right - 0.01, r.bottom - 0.01)):
            assert cell_at(result, x, y) is cell
    emotions = next(lane for lane in result.lanes if example.lane(lane.lane_id).kind is LaneKind.EMOTIONS)
    column = result.phases[2].column
    for x, y in (
        (column.x + 5, emotions.row.y + 5),  # emotions lane
        (column.x + 5, 30),  # phase header
        (30, result.lanes[0].row.y + 5),  # lane header
        (-1, 100),
        (result.width, 100),  # the right edge belongs to nothing
        (200, result.height),
        (200, -5),
    ):
        assert cell_at(result, x, y) is None


def test_cell_at_uses_the_grid_not_the_cards() -> None:
    example = load_example("en")
    result = compute_layout(example)
    expected = {key: cell_at(result, c.rect.x + 1, c.rect.y + 1) for key, c in result.cells.items()}
    result = replace(result, cards={})  # the grid alone answers
    assert {key: cell_at(result, c.rect.x + 1, c.rect.y + 1) for key, c in result.cells.items()} == expected


def three_card_cell() -> tuple[Layout, CellBox, list[CardBox]]:
    j = journey(phases=2)
    for title in ("first", LONG_TITLE, "third"):
        add(j, 1, 1, title)
    add(j, 2, 1, "elsewhere")
    result = compute_layout(j)
    cell = result.cells[(1, 1)]
    return result, cell, [result.cards[i] for i in cell.card_ids]


def centre(card: CardBox) -> float:
    return card.rect.y + card.rect.height / 2


def drop_at(result: Layout, cell: CellBox, y: float, moving: frozenset[int] = frozenset()) -> int:
    """drop_index at height y in the cell's first card column."""
    return drop_index(result, cell, cell.rect.x + 1, y, moving)


def test_drop_index_without_a_moving_card() -> None:
    result, cell, (a, b, c) = three_card_cell()
    assert drop_at(result, cell, cell.rect.y) == 0
    assert drop_at(result, cell, a.rect.y) == 0
    assert drop_at(result, cell, centre(a) - 0.5) == 0
    assert drop_at(result, cell, centre(a) + 0.5) == 1
    assert drop_at(result, cell, (a.rect.bottom + b.rect.y) / 2) == 1  # in the gap
    assert drop_at(result, cell, centre(b) + 0.5) == 2
    assert drop_at(result, cell, centre(c) + 0.5) == 3
    assert drop_at(result, cell, cell.rect.bottom - 1) == 3  # the drop room below the last card


def test_drop_index_leaves_out_the_moving_cards() -> None:
    result, cell, (a, b, c) = three_card_cell()
    moving = frozenset({b.touchpoint_id})
    assert drop_at(result, cell, a.rect.y, moving) == 0
    assert drop_at(result, cell, centre(a) + 0.5, moving) == 1  # after a, which is then right before c
    assert drop_at(result, cell, centre(b) + 0.5, moving) == 1
    assert drop_at(result, cell, centre(c) + 0.5, moving) == 2
    first = frozenset({a.touchpoint_id})
    assert drop_at(result, cell, centre(a) + 0.5, first) == 0
    assert drop_at(result, cell, cell.rect.bottom - 1, first) == 2
    assert drop_at(result, cell, cell.rect.bottom - 1, frozenset({a.touchpoint_id, c.touchpoint_id})) == 1
    other = next(i for i in result.cards if i not in cell.card_ids)
    assert drop_at(result, cell, cell.rect.bottom - 1, frozenset({other, 12345})) == 3  # not in this cell


def test_drop_index_in_an_empty_cell_is_zero() -> None:
    result = compute_layout(journey(phases=1))
    cell = result.cells[(1, 1)]
    assert cell.card_ids == ()
    assert drop_index(result, cell, cell.rect.x + 1, cell.rect.y + 5) == 0


# --- properties and speed ---------------------------------------------------------------------------------------

KINDS = st.sampled_from([LaneKind.TOUCHPOINTS, LaneKind.ACTIONS, LaneKind.PAIN_POINTS, LaneKind.EMOTIONS])
TITLES = st.text(max_size=60) | st.sampled_from(["", LONG_TITLE, "x" * 200, "één 🎂 taart"])


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    j = journey(phases=draw(st.integers(0, 4)), lanes=tuple(draw(st.lists(KINDS, max_size=4))))
    cards = draw(
        st.lists(
            st.tuples(
                st.integers(0, 5), st.integers(0, 5), st.integers(-50, 50), TITLES, st.none() | st.integers(1, 5)
            ),
            max_size=30,
        )
    )
    for phase, lane, position, title, score in cards:
        add(j, phase, lane, title, score, position=position)
    return j


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_every_layout_keeps_cards_inside_their_cells_in_order(j: Journey) -> None:
    result = compute_layout(j)
    check_geometry(j, result)
    for cell in result.cells.values():
        cards = [result.cards[i] for i in cell.card_ids]
        assert all(a.rect.bottom + result.metrics.card_gap <= b.rect.y + 1e-9 for a, b in itertools.pairwise(cards))
        assert all(cell_at(result, card.rect.x + 1, card.rect.y + 1) is cell for card in cards)
        if cards:
            below = drop_at(result, cell, cards[-1].rect.bottom + 1, frozenset({cards[0].touchpoint_id}))
            assert below == len(cards) - 1
    emotions = [lane.id for lane in j.lanes if lane.kind is LaneKind.EMOTIONS]
    assert [c.lane_id for c in result.curves] == emotions
    scored = {i for i, card in result.cards.items() if j.touchpoint(i).score is not None}
    for curve in result.curves:
        assert {p.touchpoint_id for p in curve.points} == scored
        assert [p.x for p in curve.points] == sorted(p.x for p in curve.points)


def test_layout_is_deterministic() -> None:
    example = load_example("nl")
    assert compute_layout(example) == compute_layout(load_example("nl"))


def test_fast_builders_make_the_same_objects_as_the_classes() -> None:
    rect = layout_module._rect(1.5, 2, 3, 4)
    assert rect == Rect(1.5, 2, 3, 4)
    assert type(rect) is Rect
    card = layout_module._card(1, 2, 3, 4, rect, ("a", "b…"), True, "Web", ("n",))
    assert card == CardBox(1, 2, 3, 4, rect, ("a", "b…"), True, "Web", ("n",))
    assert hash(card) == hash(CardBox(1, 2, 3, 4, rect, ("a", "b…"), True, "Web", ("n",)))
    assert layout_module._point(7, 1.0, 2.0, 5) == CurvePoint(7, 1.0, 2.0, 5)
    with pytest.raises(AttributeError):
        rect.x = 3  # type: ignore[misc]  # still frozen
    for cls in (Rect, CardBox, CurvePoint):
        assert not hasattr(cls, "__post_init__")
    assert [f.name for f in fields(CardBox)][-1] == "note_lines"


def test_a_changed_class_stops_the_fast_builder() -> None:
    with pytest.raises(TypeError, match="Rect changed"):
        layout_module._slot_setters(Rect, ("x", "y", "width"))


def test_5000_cards_are_laid_out_quickly() -> None:
    """A loose bound against accidental quadratic work; `python -m benchmarks.layout` measures it properly."""
    big = big_journey(5000)
    start = time.perf_counter()
    result = compute_layout(big)
    elapsed = time.perf_counter() - start
    assert len(result.cards) == 5000
    assert len(result.curves[0].points) == 5000
    assert elapsed < 2.0


# ---------------------------------------------------------------------- laying out again only what a change touched


def _edit(journey: Journey, data: st.DataObject) -> set[int]:
    """One random card edit of `journey` in place, as the editor makes them (a move renumbers the cell it enters
    and names every card whose place changed); returns the ids it changed."""
    draw = data.draw
    cards = {t.id: t for t in journey.touchpoints}
    changed: set[int] = set()
    kind = draw(st.sampled_from(["move", "move", "delete", "update", "add"]))
    card_lanes = [lane.id for lane in journey.lanes]
    phase_ids = [p.id for p in journey.phases]
    if kind in ("move", "delete", "update") and not cards:
        kind = "add"
    if kind == "move":
        moving = cards[draw(st.sampled_from(sorted(cards)))]
        cell = (draw(st.sampled_from(phase_ids)), draw(st.sampled_from(card_lanes)))
        rest = sorted((c for c in cards.values() if (c.phase_id, c.lane_id) == cell and c.id != moving.id), key=_at)
        rest.insert(draw(st.integers(0, len(rest))), moving)
        for position, c in enumerate(rest):
            if c is moving or c.position != position:
                cards[c.id] = replace(c, phase_id=cell[0], lane_id=cell[1], position=position)
                changed.add(c.id)
    elif kind == "delete":
        changed.add(cards.pop(draw(st.sampled_from(sorted(cards)))).id)
    elif kind == "update":
        card = cards[draw(st.sampled_from(sorted(cards)))]
        cards[card.id] = replace(
            card,
            title=draw(st.sampled_from(["A", LONG_TITLE, "Two words " * 6])),
            notes=draw(st.sampled_from(["", "A short note", LONG_TITLE])),
            score=draw(st.sampled_from([None, 1, 3, 5])),
        )
        changed.add(card.id)
    else:
        cell = (draw(st.sampled_from(phase_ids)), draw(st.sampled_from(card_lanes)))
        new_id = max(cards, default=0) + 1
        last = max((c.position for c in cards.values() if (c.phase_id, c.lane_id) == cell), default=-1)
        cards[new_id] = Touchpoint(new_id, *cell, last + 1, draw(st.sampled_from(["New", LONG_TITLE])), score=3)
        changed.add(new_id)
    journey.touchpoints[:] = sorted(cards.values(), key=lambda t: t.id)
    return changed


def _at(card: Touchpoint) -> int:
    return card.position


@settings(max_examples=60, deadline=None)
@given(data=st.data(), font_size=st.sampled_from([11.0, 13.7]), depth=st.sampled_from([0, 2, 3]))
def test_laying_out_again_only_the_touched_cells_equals_a_full_layout(
    data: st.DataObject, font_size: float, depth: int
) -> None:
    """After every step of a random run of card edits, `update_layout` from the layout before gives exactly the
    layout a full `compute_layout` gives (lanes that grew or shrank move the lanes, cells, cards and curve points
    below them, their boxes placed when first read; workshop sizes make fractional heights, whose sums must come out
    the same; cells flowed into card columns of `depth` cards move cards from column to column, and a phase whose
    fullest cell gains or loses a column widens or narrows)."""
    journey = big_journey(60, phases=3, lanes=3)
    metrics = Metrics(font_size=font_size, line_height=font_size * 1.27, cards_per_column=depth)
    layout = compute_layout(journey, metrics)
    for _ in range(data.draw(st.integers(1, 25))):
        changed = _edit(journey, data)
        cards = {t.id: t for t in journey.touchpoints}
        update = update_layout(layout, journey, changed, cards.get)
        fresh = compute_layout(journey, metrics)
        assert update.layout == fresh
        for key, cell in fresh.cells.items():  # what it says it left alone is as it was
            if key not in update.cells and key[1] not in update.moved:
                assert cell == layout.cells[key]
        layout = update.layout


@settings(max_examples=40, deadline=None)
@given(data=st.data(), depth=st.sampled_from([0, 4]))
def test_boxes_read_one_at_a_time_after_many_updates_are_a_full_layouts(data: st.DataObject, depth: int) -> None:
    """Boxes left where they stood (a cell's cards after a changed one, the lanes below one that grew) carry over
    from update to update unread; any box read on its own, at any step, is the one a full layout gives, and so is
    each cell's content height the next update starts from (flowed cells too)."""
    journey = big_journey(90, phases=3, lanes=3)
    metrics = Metrics(cards_per_column=depth)
    layout = compute_layout(journey, metrics)
    for _ in range(data.draw(st.integers(1, 20))):
        changed = _edit(journey, data)
        cards = {t.id: t for t in journey.touchpoints}
        layout = update_layout(layout, journey, changed, cards.get).layout
        fresh = compute_layout(journey, metrics)
        assert layout.contents == fresh.contents
        for card_id in data.draw(st.lists(st.sampled_from(sorted(fresh.cards)), max_size=4)):
            assert layout.cards[card_id] == fresh.cards[card_id]
    assert layout == compute_layout(journey, metrics)


def test_a_change_of_no_card_lays_out_nothing() -> None:
    journey = big_journey(40)
    layout = compute_layout(journey)
    update = update_layout(layout, journey, (), {t.id: t for t in journey.touchpoints}.get)
    assert update.layout is layout
    assert not update.cells
    assert not update.moved
    assert not update.lanes_changed


def test_a_map_laid_out_again_finds_every_wrapped_text_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wrap cache makes room for the map (titles and notes of every card) instead of starting afresh when
    full, so laying a big map out again wraps nothing anew; when it is full, it forgets its oldest quarter only."""
    for bold in (False, True):
        monkeypatch.setattr(text_module._face(bold), "wrap_room", 100)
    monkeypatch.setattr(text_module, "_MAX_CACHED_WRAPS", 100)
    text_module.clear_caches()
    wrapped: list[str] = []
    wrap = FontMetrics._wrap

    def counted(self: FontMetrics, text: str, width: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
        wrapped.append(text)
        return wrap(self, text, width, max_lines)

    monkeypatch.setattr(FontMetrics, "_wrap", counted)
    journey = big_journey(400)
    first = compute_layout(journey)
    assert len(wrapped) > 400
    wrapped.clear()
    assert compute_layout(journey) == first
    assert wrapped == []
    face = text_module._face(False)
    face.wrap_room = 8  # full: the oldest quarter goes, the newest stay
    font = FontMetrics(M.font_size)
    face.wraps.clear()
    for i in range(8):
        font.wrap(f"text {i}", INNER, 2)
    font.wrap("one more", INNER, 2)
    assert [key[0] for key in face.wraps] == [*(f"text {i}" for i in range(2, 8)), "one more"]


def test_a_card_box_says_where_its_parts_go_and_keeps_a_slot_for_the_status_mark() -> None:
    """The canvas and the poster draw a card's insides from one geometry: title, notes, footer with the icon, the
    name, the dots and the badge; a status slot in the top padding, clear of the title; badge, dots, icon and slot
    grow with the type (workshop sizes)."""
    example = load_example("en")
    layout = compute_layout(example)
    noted = next(box for box in layout.cards.values() if box.note_lines)
    parts = noted.parts(M)
    r = noted.rect
    assert parts.scale == 1.0
    assert parts.title == Rect(M.card_padding, M.card_padding, INNER, len(noted.title_lines) * M.line_height)
    assert parts.notes.y == parts.title.bottom
    assert parts.notes.bottom == pytest.approx(parts.footer.y)
    assert parts.footer.bottom == r.height - M.card_padding
    assert parts.icon.x == M.card_padding
    assert parts.icon.y + parts.icon.height / 2 == parts.badge_y == parts.footer.y + M.footer_height / 2
    assert parts.label_x > parts.icon.right
    assert parts.badge_x + parts.badge_radius == r.width - M.card_padding
    assert parts.label_x < parts.dots_right < parts.badge_x - parts.badge_radius
    assert parts.status.bottom <= parts.title.y
    assert parts.status.right == r.width - M.card_padding
    big = Metrics(font_size=16.5, line_height=21.0)
    large = compute_layout(example, big).cards[noted.touchpoint_id].parts(big)
    assert large.scale == 1.5
    assert large.badge_radius == 1.5 * parts.badge_radius
    assert large.status.width == 1.5 * parts.status.width
    assert large.icon.width == round(1.5 * parts.icon.width)

"""Flowing cells (`cjmapper.flow`, `compute_layout(..., aspect=...)`): a cell's cards flow into card columns, each
phase as wide as its fullest cell's columns, one number for the map chosen for a target's shape; posters lay the map
out for their page's map area."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.store import big_journey
from cjmapper.flow import HANDFUL
from cjmapper.layout import Layout, Metrics, compute_layout, phase_width
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.poster import A0, A1, A2, A3, A4, PAPERS, Paper, PosterOptions, plan_poster, render_poster
from cjmapper.poster.plan import chrome_for, poster_layout
from cjmapper.templates import load_example, load_template
from tests.poster_helpers import fragments

WORDS = [
    "bel",
    "klant",
    "terug",
    "over",
    "offerte",
    "website",
    "bezoek",
    "winkel",
    "factuur",
    "vraag",
    "levering",
    "retour",
    "account",
    "wachtwoord",
    "app",
    "nieuwsbrief",
    "korting",
    "chat",
    "formulier",
    "afspraak",
    "bevestiging",
    "betaling",
    "pakket",
    "klacht",
    "review",
]


def varied_journey(cards: int, phases: int = 5, lanes: int = 5, seed: int = 1) -> Journey:
    """A journey as people write them: titles of two to nine words, notes on about half the cards, some scores, the
    cards spread unevenly over the cells (some twice as full as others)."""
    rng = random.Random(seed)
    journey = Journey(
        0,
        f"{cards} varied cards",
        phases=[Phase(i + 1, f"Fase {i + 1}") for i in range(phases)],
        lanes=[Lane(i + 1, f"Laan {i + 1}", LaneKind.TOUCHPOINTS) for i in range(lanes)]
        + [Lane(lanes + 1, "Beleving", LaneKind.EMOTIONS)],
    )
    cells = [(p + 1, lane + 1) for p in range(phases) for lane in range(lanes)]
    weights = [rng.uniform(0.5, 1.0) for _ in cells]
    counts: dict[tuple[int, int], int] = {}
    for i in range(cards):
        cell = rng.choices(cells, weights)[0]
        counts[cell] = counts.get(cell, 0) + 1
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9)))
        notes = " ".join(rng.choice(WORDS).upper() for _ in range(rng.randint(3, 20))) if rng.random() < 0.5 else ""
        score = rng.randint(1, 5) if rng.random() < 0.6 else None
        journey.touchpoints.append(
            Touchpoint(i + 1, cell[0], cell[1], counts[cell] - 1, title, notes=notes, channel="website", score=score)
        )
    return journey


def fill(layout: Layout, width: float, height: float) -> tuple[float, float, float]:
    """The map's share of the usable width and height of a width x height page, and its card text size (pt)."""
    area = chrome_for(width, height).map_area
    scale = min(area.width / layout.width, area.height / layout.height)
    return layout.width * scale / area.width, layout.height * scale / area.height, layout.metrics.font_size * scale


def assert_cards_flow(layout: Layout) -> None:
    """Every cell's cards stand in card columns of at most `cards_per_column`, top to bottom and left to right,
    inside the cell and clear of each other; each phase is as wide as its fullest cell's columns."""
    m = layout.metrics
    depth = m.cards_per_column
    columns_of: dict[int, int] = {}
    for key, cell in layout.cells.items():
        boxes = [layout.cards[i] for i in cell.card_ids]
        columns = 1
        for index, box in enumerate(boxes):
            column = index // depth if depth else 0
            columns = max(columns, column + 1)
            assert box.index == index
            assert box.rect.x == pytest.approx(cell.rect.x + m.cell_padding + column * (m.card_width + m.card_gap))
            assert cell.rect.x <= box.rect.x
            assert box.rect.right <= cell.rect.right + 1e-6
            assert cell.rect.y <= box.rect.y
            assert box.rect.bottom <= cell.rect.bottom + 1e-6
            if index and (not depth or index % depth):
                assert box.rect.y > boxes[index - 1].rect.bottom  # under the card before it, in the same column
            elif index:
                assert box.rect.y == pytest.approx(cell.rect.y + m.cell_padding)  # a new column starts at the top
        columns_of[key[0]] = max(columns_of.get(key[0], 1), columns)
    for phase in layout.phases:
        assert phase.column.width == pytest.approx(phase_width(columns_of.get(phase.phase_id, 1), m))


def test_a_journey_of_a_handful_of_cards_per_cell_looks_as_today() -> None:
    templates = [load_template("five-phase"), load_template("see-think-do-care")]
    journeys = [load_example(), *templates, big_journey(25 * HANDFUL)]
    for journey in journeys:
        today = compute_layout(journey)
        for aspect in (0.2, 0.7, 1.0, 16 / 9, 4.0, 40.0):
            flowed = compute_layout(journey, aspect=aspect)
            assert flowed.metrics.cards_per_column == 0
            assert flowed == today


def test_a_full_map_flows_and_comes_close_to_the_targets_shape() -> None:
    journey = big_journey(2000)
    for aspect in (0.7, 1.0, 1.41, 16 / 9, 3.0):
        layout = compute_layout(journey, aspect=aspect)
        depth = layout.metrics.cards_per_column
        assert depth >= HANDFUL
        assert_cards_flow(layout)
        assert layout == compute_layout(journey, Metrics(cards_per_column=depth))  # the choice, carried in metrics
        # No other depth fits the target at a larger scale.
        scale = min(aspect / layout.width, 1 / layout.height)
        for other in range(HANDFUL, 81):
            alt = compute_layout(journey, Metrics(cards_per_column=other))
            assert min(aspect / alt.width, 1 / alt.height) <= scale * (1 + 1e-9)


def test_a_wide_target_never_flows_a_map_that_is_already_wider() -> None:
    journey = big_journey(300, phases=30, lanes=1)  # 10 cards a cell, 30 phases: far wider than high
    assert compute_layout(journey, aspect=2.0).metrics.cards_per_column == 0


def test_each_phase_is_as_wide_as_its_fullest_cells_columns() -> None:
    journey = varied_journey(400, seed=3)
    layout = compute_layout(journey, Metrics(cards_per_column=7))
    assert_cards_flow(layout)
    assert len({p.column.width for p in layout.phases}) > 1 or max(len(c.card_ids) for c in layout.cells.values()) <= 7
    assert layout.width == pytest.approx(layout.metrics.lane_header_width + sum(p.column.width for p in layout.phases))


@pytest.mark.parametrize("journey", [varied_journey(1000), big_journey(1000)], ids=["varied", "big_journey"])
def test_a_1000_card_poster_on_a0_landscape_fills_the_page(tmp_path: Path, journey: Journey) -> None:
    """1,000 cards in five phases on A0 landscape: the map uses >= 90% of the usable width or height and >= 75% of
    the other, at the largest card text any depth gives, and every title prints at that size (read back from the
    PDF). (Card text reaches 5.8 pt for `big_journey`, 4.7 pt for the varied one: short of the 6 pt target.)"""
    target = tmp_path / "a0.pdf"
    plan = render_poster(journey, target, PosterOptions(paper=A0))
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    wide, high, size = fill(layout, plan.page_width, plan.page_height)
    assert max(wide, high) >= 0.9, (wide, high)
    assert min(wide, high) >= 0.75, (wide, high)
    assert plan.body_size == pytest.approx(size)
    assert size > 2.5 * fill(compute_layout(journey), plan.page_width, plan.page_height)[2] / 2  # today's strip
    for depth in range(HANDFUL, 41):
        other = fill(compute_layout(journey, Metrics(cards_per_column=depth)), plan.page_width, plan.page_height)
        assert other[2] <= size + 1e-9
    first_lines = {box.title_lines[0] for box in layout.cards.values()}
    printed = [f for f in fragments(target) if f.text in first_lines]
    assert len(printed) >= len(first_lines)
    assert min(f.size for f in printed) == pytest.approx(size, rel=1e-3)
    area = plan.chrome.map_area
    xs = [f.x for f in printed]
    assert (max(xs) - min(xs)) / area.width >= 0.75 * wide  # the printed cards reach across the page


PAPER_CHOICES = [*PAPERS.values(), Paper("", 300, 600), Paper("", 600, 300), Paper("", 1189, 5080)]


@settings(max_examples=40, deadline=None)
@given(
    cards=st.integers(0, 2500),
    phases=st.integers(1, 9),
    lanes=st.integers(1, 6),
    paper=st.sampled_from(PAPER_CHOICES),
    portrait=st.booleans(),
    seed=st.integers(0, 1000),
)
def test_any_journey_fills_nine_tenths_of_any_pages_width_or_height(
    cards: int, phases: int, lanes: int, paper: Paper, portrait: bool, seed: int
) -> None:
    journey = varied_journey(cards, phases, lanes, seed)
    plan = plan_poster(journey, PosterOptions(paper=paper, portrait=portrait))
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    wide, high, size = fill(layout, plan.page_width, plan.page_height)
    assert max(wide, high) >= 0.9
    assert plan.body_size == pytest.approx(size)
    assert_cards_flow(layout)


@pytest.mark.parametrize("paper", [A4, A3, A2, A1, A0])
def test_a_poster_prints_the_layout_its_page_asks_for(tmp_path: Path, paper: Paper) -> None:
    """Portrait and landscape pages flow the same journey differently; the PDF's card titles stand where the page's
    own layout puts them."""
    journey = varied_journey(600, seed=7)
    depths = set()
    for portrait in (False, True):
        target = tmp_path / f"{paper.label}-{portrait}.pdf"
        plan = render_poster(journey, target, PosterOptions(paper=paper, portrait=portrait))
        layout = poster_layout(journey, plan.page_width, plan.page_height)
        depths.add(layout.metrics.cards_per_column)
        first = layout.cards[journey.touchpoints[0].id]
        x = plan.map_x + (first.rect.x + first.parts(layout.metrics).title.x) * plan.scale
        line = first.title_lines[0]
        assert any(f.text.startswith(line[:8]) and abs(f.x - x) < 1.0 for f in fragments(target)), line
    assert len(depths) == 2

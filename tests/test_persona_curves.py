"""Several personas' curves: one geometry in the layout (each persona's as-is curve in its colour, the to-be curves
dashed, each phase's figures per persona and the legend), drawn by the poster and the pictures; with one persona and
no target the lane is as it always was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from cjmapper.layout import compute_layout
from cjmapper.model import Journey, Language, Persona, Rating
from cjmapper.persona_curves import NOTHING, TO_BE
from cjmapper.poster import PosterOptions, render_poster
from cjmapper.relayout import update_layout
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.poster_helpers import pages_text
from ui.editing.document import JourneyDocument
from ui.export import pictures

KAREL = "#cc79a7"


def two_personas(language: Language = Language.NL) -> Journey:
    journey = load_example(language)
    journey.personas.append(Persona("Karel", "Vaste klant", id=99))
    for number, card in enumerate(journey.ordered_touchpoints()):
        if card.score is not None:
            card.target = min(5, card.score + 1)
            card.ratings[99] = Rating(1 + number % 5, 5)
    return journey


def test_one_persona_without_targets_draws_the_lane_as_of_old() -> None:
    journey = load_example(Language.NL)
    assert len(journey.personas) == 1
    [curve] = compute_layout(journey).curves
    assert curve.personas is NOTHING


def test_the_layout_carries_each_personas_curves_figures_and_legend() -> None:
    journey = two_personas()
    [curve] = compute_layout(journey).curves
    extra = curve.personas
    assert extra.first_colour == "#0072b2"
    assert {(line.persona, line.to_be, line.colour) for line in extra.lines} == {
        (0, True, "#0072b2"),
        (1, False, KAREL),
        (1, True, KAREL),
    }
    scored = [card for card in journey.touchpoints if card.score is not None]
    karel = next(line for line in extra.lines if line.persona == 1 and not line.to_be)
    assert len(karel.points) == len(scored)
    assert [entry.name for entry in extra.legend if entry.persona != TO_BE] == ["Linda, werkende moeder", "Karel"]
    assert any(entry.persona == TO_BE for entry in extra.legend)
    first_phase = journey.phases[0].id
    mine = [f for f in extra.figures if f.phase_id == first_phase and f.persona == 0]
    [figure] = mine
    cards = [c for c in scored if c.phase_id == first_phase]
    assert figure.average == pytest.approx(sum(c.score or 0 for c in cards) / len(cards))
    assert figure.gap == pytest.approx(1.0, abs=0.5)


def test_a_changed_rating_lays_out_again_as_a_full_layout_does() -> None:
    journey = two_personas()
    layout = compute_layout(journey)
    card = next(c for c in journey.touchpoints if 99 in c.ratings)
    card.ratings[99] = Rating(2, 3)
    updated = update_layout(layout, journey, [card.id], lambda i: journey.touchpoint(i)).layout
    assert updated == compute_layout(journey)


def test_the_poster_names_every_persona_in_its_legend(tmp_path: Path) -> None:
    target = tmp_path / "poster.pdf"
    render_poster(two_personas(), target, PosterOptions())
    [text] = pages_text(target)
    assert "Karel" in text
    assert "Linda, werkende moeder" in text
    assert "gestreept: gewenst" in text


def lane_colours(image: QImage, top: int, bottom: int) -> set[tuple[int, int, int]]:
    found: set[tuple[int, int, int]] = set()
    for y in range(top, bottom):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            found.add((colour.red(), colour.green(), colour.blue()))
    return found


def near(colours: set[tuple[int, int, int]], wanted: str, tolerance: int = 10) -> bool:
    c = QColor(wanted)
    goal = (c.red(), c.green(), c.blue())
    return any(all(abs(a - b) <= tolerance for a, b in zip(colour, goal, strict=True)) for colour in colours)


def test_the_picture_draws_each_persona_in_its_colour(qapp: QApplication, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.cjm")
    try:
        document = JourneyDocument(library, library.create_journey(two_personas()))
        target = tmp_path / "map.png"
        pictures.save_picture(document, target, "png", 96, False)
        image = QImage(str(target))
        layout = compute_layout(library.load_journey(document.journey_id))
        [lane] = [box for box in layout.lanes if box.lane_id == layout.curves[0].lane_id]
        origin = pictures.map_origin(document, chrome=False)
        top, bottom = int(lane.row.y + origin[1]), int(lane.row.bottom + origin[1])
        colours = lane_colours(image, top, bottom)
        assert near(colours, "#0072b2")
        assert near(colours, KAREL)
        single = JourneyDocument(library, library.create_journey(load_example(Language.NL)))
        plain = tmp_path / "plain.png"
        pictures.save_picture(single, plain, "png", 96, False)
        image = QImage(str(plain))
        assert not near(lane_colours(image, top, bottom), KAREL)
    finally:
        library.close()

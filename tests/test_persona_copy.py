"""Copying, cutting, pasting and duplicating cards keeps every persona's score and target: in the same journey each
goes back to its persona, in another journey to the persona of the same name (the others are dropped). Through the
real window's Edit actions over a real library file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cjmapper.errors import EditError
from cjmapper.model import Journey, Persona, Rating, Touchpoint
from cjmapper.persona_transfer import RatedPersona, transfer
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.canvas.clipboard import cards_from_mime, cards_mime
from ui.window.main_window import MainWindow

TITLE = "Webshop customer journey: Bakery De Korenbloem"
OTHER = "Karel's own journey"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    journey = load_example("en")
    journey.personas.append(Persona("Karel", "Regular customer", id=99))
    for card in journey.touchpoints:
        if card.score is not None:
            card.target = 5
            card.ratings[99] = Rating(1 + card.score % 5, 4)
    other = load_example("en")
    other.title = OTHER
    other.personas = [Persona("  karel ", id=1), Persona("Fatima", id=2)]  # Karel first; no Linda
    for card in other.touchpoints:
        card.score = card.target = None
    with Library.open(tmp_path / "copy.cjm") as lib:
        lib.create_journey(journey)
        lib.create_journey(other)
    return tmp_path / "copy.cjm"


def stored(path: Path, title: str = TITLE) -> Journey:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(title))


def ratings(journey: Journey, card: Touchpoint) -> list[Rating]:
    return [card.rating(journey, i) for i in range(len(journey.personas))]


def rated_card(window: MainWindow) -> Touchpoint:
    window.open_journey(window.library.find_journey(TITLE))
    document = window.document
    assert document is not None
    card = next(c for c in document.journey.touchpoints if c.ratings and c.score is not None)
    assert window.scene is not None
    window.scene.select_ids([card.id])
    return card


def new_cards(before: Journey, after: Journey) -> list[Touchpoint]:
    old = {c.id for c in before.touchpoints}
    return [c for c in after.touchpoints if c.id not in old]


def test_copy_and_paste_keep_both_personas_scores_and_targets(window: MainWindow, path: Path) -> None:
    card = rated_card(window)
    before = stored(path)
    wanted = ratings(before, before.touchpoint(card.id))
    assert wanted[0].score is not None
    assert wanted[1].score is not None
    window.copy_action.trigger()
    window.paste_action.trigger()
    after = stored(path)
    [pasted] = new_cards(before, after)
    assert pasted.title == card.title
    assert ratings(after, pasted) == wanted
    window.undo_action.trigger()
    assert new_cards(before, stored(path)) == []
    window.redo_action.trigger()
    redone = stored(path)
    [again] = new_cards(before, redone)
    assert ratings(redone, again) == wanted


def test_cut_and_paste_and_duplicate_keep_them_too(window: MainWindow, path: Path) -> None:
    card = rated_card(window)
    before = stored(path)
    wanted = ratings(before, before.touchpoint(card.id))
    window.duplicate_action.trigger()
    after = stored(path)
    [duplicate] = new_cards(before, after)
    assert ratings(after, duplicate) == wanted
    assert window.scene is not None
    window.scene.select_ids([card.id])
    window.cut_action.trigger()
    assert card.id not in {c.id for c in stored(path).touchpoints}
    window.paste_action.trigger()
    pasted_journey = stored(path)
    [pasted] = [c for c in new_cards(after, pasted_journey)]
    assert ratings(pasted_journey, pasted) == wanted


def test_pasting_into_another_journey_maps_the_ratings_by_name(window: MainWindow, path: Path) -> None:
    card = rated_card(window)
    source = stored(path)
    karel = source.touchpoint(card.id).rating(source, 1)
    window.copy_action.trigger()
    window.open_journey(window.library.find_journey(OTHER))
    before = stored(path, OTHER)
    assert window.scene is not None
    window.scene.select_ids([before.touchpoints[0].id])
    window.paste_action.trigger()
    after = stored(path, OTHER)
    [pasted] = new_cards(before, after)
    assert ratings(after, pasted) == [karel, Rating()]  # Karel's to Karel (the first here), Linda's dropped


def test_a_copy_without_personas_keeps_the_maps_score(qapp: QApplication) -> None:
    plain = load_example("en")
    plain.personas = []
    card = next(c for c in plain.touchpoints if c.score is not None)
    card.target = 4
    with_personas = load_example("en")
    with_personas.personas = [Persona("Linda", id=7), Persona("Karel", id=8)]
    [pasted] = cards_from_mime(cards_mime([card], plain, "a"), with_personas, "b")
    assert (pasted.score, pasted.target, pasted.ratings) == (card.score, 4, {})  # the map's score: the first's
    [back] = cards_from_mime(cards_mime([pasted], with_personas, "b"), plain, "a")
    assert (back.score, back.target, back.ratings) == (card.score, 4, {})
    old = cards_mime([card])  # a copy that lists no personas pastes as it always did
    [kept] = cards_from_mime(old, with_personas, "b")
    assert (kept.score, kept.target) == (card.score, 4)


def test_the_same_journey_maps_by_id_before_name() -> None:
    journey = Journey(1, "J", personas=[Persona("Ann", id=1), Persona("Ann", id=2), Persona("Bob", id=3)])
    card = Touchpoint(0, 0, 0, 0, "Card")
    rated = [RatedPersona(2, "Ann", Rating(2, 3)), RatedPersona(1, "Ann", Rating(5)), RatedPersona(9, "bob", Rating(1))]
    same = transfer(card, rated, journey, same_journey=True)
    assert ratings(journey, same) == [Rating(5), Rating(2, 3), Rating(1)]
    other = transfer(card, rated, journey, same_journey=False)
    assert ratings(journey, other) == [Rating(2, 3), Rating(5), Rating(1)]  # by name, in the copy's order


@pytest.mark.both_backends
def test_the_library_adds_cards_with_their_ratings_in_one_transaction(library: Library) -> None:
    journey_id = library.create_journey(load_example("en"))
    library.add_persona(journey_id, Persona("Karel"))
    journey = library.load_journey(journey_id)
    karel = journey.personas[1].id
    phase, lane = journey.touchpoints[0].phase_id, journey.touchpoints[0].lane_id
    fields = {"score": 2, "target": 4, "ratings": {karel: Rating(5, 5)}}
    added = library.add_touchpoints(journey_id, phase, lane, [("Copy", fields)])
    [card] = added.touchpoints
    assert card.ratings == {karel: Rating(5, 5)}
    journey = library.load_journey(journey_id)
    assert ratings(journey, journey.touchpoint(card.id)) == [Rating(2, 4), Rating(5, 5)]
    count = len(journey.touchpoints)
    stranger = {"ratings": {journey.personas[0].id: Rating(1)}}  # the first persona's are the card's own fields
    with pytest.raises(EditError):
        library.add_touchpoints(journey_id, phase, lane, [("Fine", {}), ("Bad", stranger)])
    assert len(library.load_journey(journey_id).touchpoints) == count

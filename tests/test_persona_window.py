"""Several personas in the real editor window over a real library file: the persona strip adds a persona through
its + chip and chooses the current one by its chip; every persona edit (add, remove, move, rename, recolour, a score
and a target per persona) is one undo step that the window's Undo and Redo take back and do again, in the library
too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_journey
from cjmapper.model import Journey, Persona, Rating
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.editing.document import JourneyDocument
from ui.panels.persona_strip import PersonaStrip
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
TITLE = "Webshop customer journey: Bakery De Korenbloem"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "personas.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "personas.cjm"


def stored(path: Path) -> Journey:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(TITLE))


def opened(window: MainWindow) -> JourneyDocument:
    window.open_journey(window.library.find_journey(TITLE))
    assert window.document is not None
    return window.document


def click_chip(strip: PersonaStrip, index: int) -> None:
    [box] = [box for i, box in strip.chip_boxes() if i == index]
    QTest.mouseClick(strip, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(int(box.center().x()), int(box.center().y())))


def add_through_the_strip(qtbot: QtBot, strip: PersonaStrip, name: str) -> None:
    click_chip(strip, -1)
    dialog = strip.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.name_field, name)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    QTest.mouseClick(ok, LEFT)


def undone_and_redone(window: MainWindow, path: Path, before: str, after: str) -> None:
    """Undo gives `before` back (in the window and the library), redo `after`."""
    document = window.document
    assert document is not None
    assert write_journey(document.journey) == after == write_journey(stored(path))
    window.undo_action.trigger()
    assert write_journey(document.journey) == before == write_journey(stored(path))
    window.redo_action.trigger()
    assert write_journey(document.journey) == after == write_journey(stored(path))


def test_adding_a_persona_through_the_strip_and_choosing_it(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    document = opened(window)
    strip = window.persona_strip
    before = write_journey(document.journey)
    steps = document.undo_stack.count()
    add_through_the_strip(qtbot, strip, "Karel")
    assert [p.name for p in document.journey.personas] == ["Linda, working mother", "Karel"]
    assert document.undo_stack.count() == steps + 1
    assert strip.current == 1
    assert strip.shown_text().startswith("Karel")
    click_chip(strip, 0)
    assert strip.current == 0
    assert strip.shown_text().startswith("Linda")
    undone_and_redone(window, path, before, write_journey(document.journey))


def test_each_persona_edit_is_one_undo_step(window: MainWindow, path: Path) -> None:
    document = opened(window)
    assert document.add_persona(Persona("Karel"))
    karel = document.journey.personas[1].id
    linda = document.journey.personas[0].id
    card = next(c for c in document.journey.touchpoints if c.score is not None)
    edits: list[Callable[[], bool]] = [
        lambda: document.set_rating(card.id, karel, Rating(2, 4)),
        lambda: document.set_rating(card.id, linda, Rating(card.score, 5)),
        lambda: document.update_persona(karel, name="Karel de Vries"),
        lambda: document.update_persona(karel, color="#332288"),
        lambda: document.move_persona(karel, 0),
        lambda: document.remove_persona(linda),
        lambda: document.add_persona(Persona("Fatima"), 1),
    ]
    for edit in edits:
        before = write_journey(document.journey)
        steps = document.undo_stack.count()
        assert edit()
        assert document.undo_stack.count() == steps + 1
        undone_and_redone(window, path, before, write_journey(document.journey))
    journey = stored(path)
    assert [p.name for p in journey.personas] == ["Karel de Vries", "Fatima"]
    assert journey.persona_colours()[0] == "#332288"
    moved = journey.touchpoint(card.id)
    assert moved.rating(journey, 0) == Rating(2, 4)  # Karel's, now the first persona's: the card's own


def test_the_properties_panel_edits_the_current_personas_score_and_target(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    document = opened(window)
    strip, panel = window.persona_strip, window.properties
    add_through_the_strip(qtbot, strip, "Karel")  # the new persona becomes the current one
    karel = document.journey.personas[1].id
    card = next(c for c in document.journey.touchpoints if c.score is not None)
    panel.set_selection([card.id])
    assert panel.card_score.score() is None  # Karel has not scored it
    assert panel.other_scores.text() == f"Other personas: Linda, working mother: {card.score}"
    QTest.mouseClick(panel.card_score.button(2), LEFT)
    QTest.mouseClick(panel.card_target.button(4), LEFT)
    journey = stored(path)
    assert journey.touchpoint(card.id).rating(journey, 1) == Rating(2, 4)
    assert journey.touchpoint(card.id).score == card.score  # Linda's stays
    click_chip(strip, 0)
    assert panel.card_score.score() == card.score
    assert panel.other_scores.text() == "Other personas: Karel: 2 → 4"
    window.undo_action.trigger()  # the target
    window.undo_action.trigger()  # the score
    journey = stored(path)
    assert karel not in journey.touchpoint(card.id).ratings
    assert panel.other_scores.text() == "Other personas: Karel: –"


def test_each_chip_names_its_persona(qtbot: QtBot, window: MainWindow) -> None:
    opened(window)
    strip = window.persona_strip
    add_through_the_strip(qtbot, strip, "Karel")
    assert strip.chip_tip(0) == "Linda, working mother: click to make this the current persona"
    assert strip.chip_tip(1) == "Karel (current persona: the properties panel edits her or his scores)"

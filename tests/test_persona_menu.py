"""A persona chip's context menu in the real editor window: move left and right, recolour (the canvas draws her
curve in the new colour), remove (asks first; undo brings her back with her scores), each one undo step, and all of
it reachable from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_journey
from cjmapper.model import Journey, Persona, Rating
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.panels.persona_strip import PersonaStrip
from ui.window.main_window import MainWindow

TITLE = "Webshop customer journey: Bakery De Korenbloem"
KAREL = "#cc79a7"
RECOLOURED = "#009e73"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    journey = load_example("en")
    journey.personas.append(Persona("Karel", "Regular customer", id=99))
    for number, card in enumerate(journey.ordered_touchpoints()):
        if card.score is not None:
            card.ratings[99] = Rating(1 + number % 5, 5)
    with Library.open(tmp_path / "menu.cjm") as lib:
        lib.create_journey(journey)
    return tmp_path / "menu.cjm"


def stored(path: Path) -> Journey:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(TITLE))


def opened(window: MainWindow) -> int:
    """Opens the journey; returns Karel's id."""
    window.open_journey(window.library.find_journey(TITLE))
    assert window.document is not None
    return next(p.id for p in window.document.journey.personas if p.name == "Karel")


def right_click_chip(strip: PersonaStrip, index: int) -> None:
    [box] = [box for i, box in strip.chip_boxes() if i == index]
    point = QPoint(int(box.center().x()), int(box.center().y()))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, strip.mapToGlobal(point))
    QApplication.sendEvent(strip, event)


def canvas_colours(window: MainWindow) -> set[tuple[int, int, int]]:
    scene = window.scene
    assert scene is not None
    source = scene.sceneRect()
    image = QImage(int(source.width()), int(source.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    found: set[tuple[int, int, int]] = set()
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            found.add((c.red(), c.green(), c.blue()))
    return found


def near(colours: set[tuple[int, int, int]], wanted: str, tolerance: int = 8) -> bool:
    c = QColor(wanted)
    goal = (c.red(), c.green(), c.blue())
    return any(all(abs(a - b) <= tolerance for a, b in zip(colour, goal, strict=True)) for colour in colours)


def test_recolouring_the_second_persona_redraws_her_curve(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    opened(window)
    before = canvas_colours(window)
    assert near(before, KAREL)
    assert not near(before, RECOLOURED)
    strip = window.persona_strip
    right_click_chip(strip, 1)
    menu = strip.menu
    assert menu is not None
    assert menu.isVisible()
    assert [a.isEnabled() for a in (menu.move_left, menu.move_right)] == [True, False]
    steps = window.document.undo_stack.count() if window.document else 0
    [green] = [a for a in menu.colour_actions if a.data() == RECOLOURED]
    green.trigger()
    assert window.document is not None
    assert window.document.undo_stack.count() == steps + 1
    assert stored(path).persona_colours()[1] == RECOLOURED
    after = canvas_colours(window)
    assert near(after, RECOLOURED)
    assert not near(after, KAREL)
    window.undo_action.trigger()
    assert stored(path).persona_colours()[1] == KAREL
    assert near(canvas_colours(window), KAREL)


def test_moving_a_persona_changes_the_order_in_the_library(window: MainWindow, path: Path) -> None:
    karel = opened(window)
    strip = window.persona_strip
    strip.choose(1)
    strip.setFocus()
    QTest.keyClick(strip, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # the current persona's menu
    menu = strip.menu
    assert menu is not None
    assert menu.isVisible()
    assert menu.persona_id == karel
    assert window.document is not None
    steps = window.document.undo_stack.count()
    menu.move_left.trigger()
    assert window.document.undo_stack.count() == steps + 1
    assert [p.name for p in stored(path).personas] == ["Karel", "Linda, working mother"]
    assert strip.current == 0
    assert strip.current_persona_id() == karel
    window.undo_action.trigger()
    assert [p.name for p in stored(path).personas] == ["Linda, working mother", "Karel"]
    assert strip.current == 1
    assert strip.current_persona_id() == karel
    strip.choose(0)
    QTest.keyClick(strip, Qt.Key.Key_Right)
    assert strip.current == 1


def stored_ratings(path: Path) -> dict[int, Rating]:
    journey = stored(path)
    return {c.id: c.rating(journey, 1) for c in journey.touchpoints}


def test_removing_a_persona_asks_and_undo_brings_her_scores_back(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    karel = opened(window)
    before = write_journey(stored(path))
    ratings = stored_ratings(path)
    assert any(r.score is not None for r in ratings.values())
    strip = window.persona_strip
    strip.setFocus()
    strip.choose(1)
    QTest.keyClick(strip, Qt.Key.Key_Menu)
    menu = strip.menu
    assert menu is not None
    assert menu.persona_id == karel
    menu.remove.trigger()
    box = menu.confirm
    assert box is not None
    qtbot.waitExposed(box)
    assert "Karel" in box.text()
    assert "scores" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(stored(path).personas) == 2
    menu.remove.trigger()
    box = menu.confirm
    assert box is not None
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    QTest.mouseClick(yes, Qt.MouseButton.LeftButton)
    journey = stored(path)
    assert [p.name for p in journey.personas] == ["Linda, working mother"]
    assert all(not c.ratings for c in journey.touchpoints)
    window.undo_action.trigger()
    assert write_journey(stored(path)) == before
    assert stored_ratings(path) == ratings
    assert window.document is not None
    assert write_journey(window.document.journey) == before


def test_the_edit_persona_dialog_recolours_her_in_one_step_with_her_other_fields(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    karel = opened(window)
    strip = window.persona_strip
    strip.choose(1)
    window.edit_persona_action.trigger()
    dialog = strip.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.colour() == KAREL
    dialog.name_field.setText("Karel de Vries")
    dialog.colour_field.setCurrentIndex(dialog.colour_field.findData(RECOLOURED))
    assert window.document is not None
    steps = window.document.undo_stack.count()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.count() == steps + 1
    journey = stored(path)
    assert journey.personas[1].name == "Karel de Vries"
    assert journey.persona_colours() == ["#0072b2", RECOLOURED]
    assert near(canvas_colours(window), RECOLOURED)
    window.undo_action.trigger()
    journey = stored(path)
    assert [(p.id, p.name) for p in journey.personas][1] == (karel, "Karel")
    assert journey.persona_colours()[1] == KAREL

"""The persona strip above the canvas and its Persona dialog, on the real editor window over a real library file: it
shows the journey's persona, follows every edit live, and an edit made through it is one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.model import Journey, Lane, Persona, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.dialogs.persona_dialog import PersonaDialog
from ui.panels.persona_strip import PersonaStrip
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
PLAIN = "No persona yet"


def plain_journey() -> Journey:
    return Journey(
        id=0,
        title=PLAIN,
        phases=[Phase(1, "Find")],
        lanes=[Lane(1, "Touchpoints")],
        touchpoints=[Touchpoint(1, 1, 1, 0, "Ad")],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "persona.cjm") as lib:
        lib.create_journey(load_example("en"))
        lib.create_journey(plain_journey())
    return tmp_path / "persona.cjm"


def open_titled(window: MainWindow, title: str) -> None:
    window.open_journey(window.library.find_journey(title))


def stored_persona(path: Path, title: str) -> Persona | None:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(title)).persona


def open_dialog(qtbot: QtBot, strip: PersonaStrip) -> PersonaDialog:
    QTest.mouseClick(strip, LEFT, Qt.KeyboardModifier.NoModifier, strip.rect().center())
    dialog = strip.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def press_ok(dialog: PersonaDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    QTest.mouseClick(ok, LEFT)


def test_the_strip_shows_the_persona_above_the_canvas(window: MainWindow) -> None:
    open_titled(window, load_example("en").title)
    strip = window.persona_strip
    persona = load_example("en").persona
    assert persona is not None
    assert strip.isVisible()
    assert strip.geometry().bottom() < window.view.mapTo(window.central, window.view.rect().topLeft()).y()
    shown = strip.shown_text()
    first, second = shown.split("\n")
    assert first.startswith(persona.name)
    assert first.endswith("…")  # the description is cut to the width
    assert second.startswith("Goals: Order a birthday cake")
    assert "Frustrations: Webshops" in second
    assert strip.full_text() == (
        f"{persona.name}\n{persona.description}\nGoals: {persona.goals}\nFrustrations: {persona.frustrations}"
    )
    assert persona.frustrations in strip.toolTip()
    # Larger than the panels' type, for a projector; every piece fits the strip's width.
    assert strip.sizeHint().height() > 2 * QFontMetricsF(window.font()).height()
    for segment in strip.segments():
        font = strip._name_font if segment.kind == "name" else strip._text_font
        assert segment.x + QFontMetricsF(font).horizontalAdvance(segment.text) <= strip.width() + 1


def test_the_strip_follows_edits_in_the_properties_panel_live(window: MainWindow) -> None:
    open_titled(window, load_example("en").title)
    strip = window.persona_strip
    panel = window.properties
    assert panel.mode() == "journey"
    panel.persona_name.setFocus()
    panel.persona_name.selectAll()
    QTest.keyClicks(panel.persona_name, "Sanne")
    assert strip.persona is not None
    assert strip.persona.name == "Sanne"
    assert strip.shown_text().startswith("Sanne")
    panel.persona_frustrations.setFocus()
    panel.persona_frustrations.selectAll()
    QTest.keyClicks(panel.persona_frustrations, "Queues")
    assert strip.shown_text().split("\n")[1].endswith("Frustrations: Queues")
    window.undo_action.trigger()
    assert "Frustrations: Webshops" in strip.shown_text()


def test_without_a_persona_the_strip_offers_to_add_one_and_that_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    open_titled(window, PLAIN)
    strip = window.persona_strip
    assert strip.isVisible()
    assert strip.shown_text() == "+ Add a persona: who walks this journey?"
    assert window.document is not None
    steps = window.document.undo_stack.count()
    dialog = open_dialog(qtbot, strip)
    assert not dialog.remove_button.isVisible()
    dialog.description_field.setPlainText("Owns a bakery")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    assert not ok.isEnabled()  # text but no name
    assert dialog.message.text() == "Give the persona a name."
    QTest.keyClicks(dialog.name_field, "Sanne")
    dialog.goals_field.setPlainText("Sell online")
    dialog.frustrations_field.setPlainText("  Slow delivery \n")
    press_ok(dialog)
    assert strip.dialog is None
    expected = Persona("Sanne", "Owns a bakery", "Sell online", "Slow delivery")
    assert window.document.journey.persona == expected
    assert stored_persona(path, PLAIN) == expected
    assert window.document.undo_stack.count() == steps + 1
    assert strip.shown_text() == "Sanne Owns a bakery\nGoals: Sell online Frustrations: Slow delivery"
    window.undo_action.trigger()
    assert window.document.journey.persona is None
    assert stored_persona(path, PLAIN) is None
    assert strip.shown_text() == "+ Add a persona: who walks this journey?"
    window.redo_action.trigger()
    assert strip.persona == expected


def test_editing_the_persona_in_the_dialog_is_one_undo_step_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    title = load_example("en").title
    open_titled(window, title)
    strip = window.persona_strip
    before = stored_persona(path, title)
    assert before is not None
    dialog = open_dialog(qtbot, strip)
    assert dialog.name_field.text() == before.name
    assert dialog.frustrations_field.toPlainText() == before.frustrations
    dialog.goals_field.setPlainText("A cake on time")
    dialog.reject()
    assert stored_persona(path, title) == before

    dialog = open_dialog(qtbot, strip)
    dialog.goals_field.setPlainText("A cake on time")
    dialog.frustrations_field.setPlainText("Hidden delivery costs")
    press_ok(dialog)
    after = stored_persona(path, title)
    assert after == Persona(before.name, before.description, "A cake on time", "Hidden delivery costs")
    assert "Frustrations: Hidden delivery costs" in strip.shown_text()
    assert window.undo_action.text().startswith("&Undo")
    window.undo_action.trigger()  # goals and frustrations come back together
    assert stored_persona(path, title) == before
    assert strip.persona == before


def test_remove_persona_is_undoable(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    title = load_example("en").title
    open_titled(window, title)
    before = stored_persona(path, title)
    dialog = open_dialog(qtbot, window.persona_strip)
    assert dialog.remove_button.isVisible()
    # Remove asks first (as the chip's menu does); Cancel keeps her and the dialog.
    QTest.mouseClick(dialog.remove_button, LEFT)
    question = dialog.confirm
    assert question is not None
    assert question.isVisible()
    assert before is not None
    assert f"Remove persona “{before.name}”?" in question.text()
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert stored_persona(path, title) == before
    assert dialog.isVisible()
    QTest.mouseClick(dialog.remove_button, LEFT)
    question = dialog.confirm
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()
    assert stored_persona(path, title) is None
    assert window.persona_strip.persona is None
    window.undo_action.trigger()
    assert stored_persona(path, title) == before


def test_the_menu_opens_the_dialog_and_a_read_only_strip_opens_nothing(qtbot: QtBot, window: MainWindow) -> None:
    open_titled(window, PLAIN)
    strip = window.persona_strip
    window.edit_persona_action.trigger()
    assert strip.dialog is not None
    strip.dialog.reject()
    assert strip.dialog is None
    strip.set_editable(False)  # workshop mode locks the journey's fields
    assert not strip.isVisible()  # nothing to show
    assert not strip.edit_persona()
    open_titled(window, load_example("en").title)
    assert strip.isVisible()
    QTest.mouseClick(strip, LEFT, Qt.KeyboardModifier.NoModifier, strip.rect().center())
    assert strip.dialog is None
    strip.set_editable(True)
    assert strip.edit_persona()
    assert strip.dialog is not None
    strip.dialog.reject()

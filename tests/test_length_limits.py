"""Typing past a field's limit says so: the field shows a counter as the text nears its limit (the model's: 200 for
a title), red at the limit with words saying how much fits, on the panel's fields, in the dialogs and in the
canvas's own editor; nothing is cut without it showing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.model import MAX_CHANNEL, MAX_PERSONA_NAME, MAX_TITLE, Language
from tests.test_window import type_text
from tests.window_helpers import bakery_library, open_window
from ui import i18n
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.window.main_window import MainWindow

LONG = "Een heel lange titel van een contactmoment dat maar door blijft gaan, " * 6  # 360 characters


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return bakery_library(tmp_path / "test.cjm")


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    shown = open_window(qtbot, path, "Bakkerij")
    handle = shown.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    yield shown
    shown.library.close()


def counter_of(field: QLineEdit) -> QLabel:
    counter = field.findChild(QLabel, "limitCounter")
    assert counter is not None
    return counter


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_typing_a_long_journey_title_shows_the_limit_as_it_is_reached(qtbot: QtBot, window: MainWindow) -> None:
    field = window.properties.journey_title
    counter = counter_of(field)
    focus(qtbot, field)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field, LONG[:150])
    assert not counter.isVisible()  # far from the limit: no counter
    type_text(field, LONG[150:185])
    assert counter.isVisible()
    assert counter.text() == f"185/{MAX_TITLE}"
    assert QToolTip.text() == ""
    type_text(field, LONG[185:])  # on past the limit, as the user did
    assert counter.text() == f"{MAX_TITLE}/{MAX_TITLE}"
    assert QToolTip.isVisible()
    assert QToolTip.text() == f"At most {MAX_TITLE} characters fit here."
    assert field.accessibleDescription() == QToolTip.text()
    assert window.document is not None
    assert window.document.journey.title == LONG[:MAX_TITLE].strip()
    # The counter sits at the right end of the field, clear of the text.
    assert counter.geometry().right() <= field.width()
    assert field.textMargins().right() >= counter.width()


def test_a_paste_cut_to_the_limit_says_so(qtbot: QtBot, window: MainWindow) -> None:
    field = window.properties.persona_name
    focus(qtbot, field)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(LONG)
    QToolTip.hideText()
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(field.text()) == MAX_PERSONA_NAME
    assert counter_of(field).text() == f"{MAX_PERSONA_NAME}/{MAX_PERSONA_NAME}"
    assert QToolTip.text() == f"At most {MAX_PERSONA_NAME} characters fit here."


def test_the_card_fields_and_the_channel_show_their_limits(qtbot: QtBot, window: MainWindow) -> None:
    assert window.scene is not None
    window.properties.set_selection([1])
    title, channel = window.properties.card_title, window.properties.card_channel.lineEdit()
    assert isinstance(title, QLineEdit)
    assert isinstance(channel, QLineEdit)
    for field, limit in ((title, MAX_TITLE), (channel, MAX_CHANNEL)):
        focus(qtbot, field)
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(field, LONG[:limit])
        assert counter_of(field).isVisible()
        assert counter_of(field).text() == f"{limit}/{limit}"


def test_the_canvas_editor_shows_the_count_and_the_limit(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a new card, title edited
    assert window.scene is not None
    editor = window.scene._editor
    assert editor.active
    type_text(window.view, LONG[:100])
    assert not editor.counter_box.isVisible()
    type_text(window.view, LONG[100:190])
    assert editor.counter_box.isVisible()
    assert editor.counter.text() == f"190/{MAX_TITLE}"
    type_text(window.view, LONG[190:])
    assert editor.counter.text() == f"{MAX_TITLE}/{MAX_TITLE} · At most {MAX_TITLE} characters fit here."
    # Under the editor, on the canvas, in the view.
    box = editor.counter_box.sceneBoundingRect()
    assert box.top() >= editor.sceneBoundingRect().bottom()
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().intersects(box)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert not editor.counter_box.isVisible()
    assert window.document is not None
    assert max(len(card.title) for card in window.document.journey.touchpoints) == MAX_TITLE


def test_the_new_journey_dialog_says_it_in_dutch(qtbot: QtBot) -> None:
    with i18n.using_language(Language.NL):
        dialog = NewJourneyDialog(Language.NL)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        focus(qtbot, dialog.title_field)
        type_text(dialog.title_field, LONG)
        assert counter_of(dialog.title_field).text() == f"{MAX_TITLE}/{MAX_TITLE}"
        assert QToolTip.text() == f"Hier passen hoogstens {MAX_TITLE} tekens."

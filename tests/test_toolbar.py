"""The toolbar stays put while the user edits: Undo and Redo keep a short text there (the step's name is in the tooltip
and the Edit menu), so no button moves and the map does not jump; an "&" in a user's title shows in every menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from tests.test_window import type_text
from tests.window_helpers import bakery_library, open_window
from ui import i18n
from ui.user_settings import put_first
from ui.window.library_files import SETTINGS_RECENT
from ui.window.main_window import MainWindow

JANSEN = "Jansen & Zn."


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return bakery_library(tmp_path / "test.cjm")


def shown(text: str) -> str:
    """A menu entry's text as Qt shows it: "&&" is an "&", a single "&" marks the mnemonic and is not shown."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def places(window: MainWindow) -> dict[str, QRect]:
    """Where each toolbar button is, and where the canvas is in the window."""
    QApplication.processEvents()
    found = {}
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        if widget is not None and not action.isSeparator():
            found[action.iconText()] = widget.geometry()
    found["canvas"] = QRect(window.view.mapTo(window, QPoint(0, 0)), window.view.size())
    return found


def new_card_titled(window: MainWindow, title: str) -> None:
    """Ctrl+Return on the canvas (a new card, its title being edited), the title typed, Enter."""
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(window.view, title)
    QTest.keyClick(window.view, Qt.Key.Key_Return)


def test_toolbar_buttons_and_the_canvas_stay_put_as_steps_with_long_and_short_names_are_made(
    qtbot: QtBot, path: Path
) -> None:
    window = open_window(qtbot, path, "Bakkerij")
    try:
        handle = window.windowHandle()
        assert handle is not None
        handle.requestActivate()  # shortcuts need the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        before = places(window)
        assert window.toolbar.widgetForAction(window.undo_action).isEnabled() is False
        for title in ("Een heel lange titel van een contactmoment — " * 3, "B", JANSEN):
            new_card_titled(window, title)
            assert places(window) == before, title
            assert window.undo_action.isEnabled()
        window.undo_action.trigger()  # Redo gets a name too
        assert places(window) == before
        for action, text in ((window.undo_action, "Undo"), (window.redo_action, "Redo")):
            button = window.toolbar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            assert button.text() == text
            assert action.text() != text  # the Edit menu names the step
    finally:
        window.library.close()


def test_the_step_is_named_with_its_ampersand_in_the_edit_menu_and_the_tooltip(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, "Bakkerij")
    try:
        handle = window.windowHandle()
        assert handle is not None
        handle.requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        new_card_titled(window, JANSEN)
        QTest.keyClick(window.view, Qt.Key.Key_F2)  # the new card is selected: rename it, naming the old title
        type_text(window.view, "Jansen")
        QTest.keyClick(window.view, Qt.Key.Key_Return)
        edit_menu = window.menus[1]
        undo_entry = next(a for a in edit_menu.actions() if a is window.undo_action)
        assert JANSEN in shown(undo_entry.text())
        assert undo_entry.text().startswith("&Undo ")  # its mnemonic is still the U
        assert "Jansen &amp; Zn." in window.undo_action.toolTip()  # a tooltip is rich text: the & escaped there
        window.undo_action.trigger()
        assert JANSEN in shown(window.redo_action.text())
    finally:
        window.library.close()


def test_a_recent_library_with_an_ampersand_in_its_path_shows_it(qtbot: QtBot, path: Path, tmp_path: Path) -> None:
    other = tmp_path / "Jansen & Zn" / "klanten.cjm"
    other.parent.mkdir()
    Library.open(other).close()
    put_first(SETTINGS_RECENT, str(other), 8)
    window = open_window(qtbot, path)
    try:
        texts = [shown(a.text()) for a in window.recent_menu.actions()]
        assert str(other) in texts
    finally:
        window.library.close()


def test_in_dutch_the_buttons_say_ongedaan_maken_and_opnieuw_at_every_step(qtbot: QtBot, path: Path) -> None:
    with i18n.using_language(Language.NL):
        window = open_window(qtbot, path, "Bakkerij")
        try:
            handle = window.windowHandle()
            assert handle is not None
            handle.requestActivate()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
            before = places(window)
            new_card_titled(window, JANSEN)
            window.undo_action.trigger()
            assert places(window) == before
            texts = [window.toolbar.widgetForAction(a) for a in (window.undo_action, window.redo_action)]
            assert [b.text() for b in texts if isinstance(b, QToolButton)] == ["Ongedaan maken", "Opnieuw"]
            assert shown(window.redo_action.text()).startswith("Opnieuw: ")
        finally:
            window.library.close()

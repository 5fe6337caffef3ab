"""Help › Keyboard Shortcuts (F1) lists the window's real shortcuts, read from its actions, and Help › How to Run a
Workshop is a short guide with the real keys in it; both in English and in Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from tests.window_helpers import bakery_library, open_window
from ui import i18n
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return bakery_library(tmp_path / "test.cjm")


@pytest.fixture(params=[Language.EN, Language.NL])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    with i18n.using_language(request.param) as chosen:
        yield chosen


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def active(qtbot: QtBot, window: MainWindow) -> None:
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()  # shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def menu_shortcuts(menu: QMenu) -> list[str]:
    found = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += menu_shortcuts(sub)
        found += [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
    return found


TEXTS: dict[Language, dict[str, Any]] = {
    Language.EN: {
        "menu": ["&Keyboard Shortcuts", "How to Run a &Workshop"],
        "title": "Keyboard Shortcuts",
        "undo": "Undo",
        "new card": "New Card",
        "leave": "Leave Workshop Mode",
        "guide": "How to run a workshop",
        "guide title": "How to Run a Workshop",
        "guide words": ["Quick Capture", "Start Dot Voting", "Export Poster"],
    },
    Language.NL: {
        "menu": ["&Sneltoetsen", "Een &workshop geven"],
        "title": "Sneltoetsen",
        "undo": "Ongedaan maken",
        "new card": "Nieuwe kaart",
        "leave": "Workshopmodus verlaten",
        "guide": "Een workshop geven",
        "guide title": "Een workshop geven",
        "guide words": ["Snel noteren", "Stemmen met stippen starten", "Poster exporteren"],
    },
}


def test_f1_lists_every_shortcut_of_the_menus_by_its_name_in_the_interface_language(
    qtbot: QtBot, path: Path, language: Language
) -> None:
    texts = TEXTS[language]
    window = open_window(qtbot, path, "Bakkerij")
    try:
        help_menu = window.menus[-1]
        assert [a.text() for a in help_menu.actions()][:2] == texts["menu"]
        active(qtbot, window)
        QTest.keyClick(window, Qt.Key.Key_F1)
        page = window.help.page
        assert page is not None
        qtbot.waitExposed(page)
        assert page.windowTitle() == texts["title"]
        lines = page.text().splitlines()
        rows = list(pairwise(lines))  # a table's cells are lines of the plain text
        assert (texts["undo"], native("Ctrl+Z")) in rows
        assert (texts["new card"], native("Ctrl+Return")) in rows
        assert (texts["leave"], native("Esc")) in rows  # a shortcut of the window in no menu
        assert (texts["title"], native("F1")) in rows
        text = page.text()
        for menu in window.menus:
            for keys in menu_shortcuts(menu):
                assert keys in text
        # Read from the actions, not written down: a shortcut changed shows on the next F1.
        window.fit_action.setShortcut(QKeySequence("Ctrl+F9"))
        QTest.keyClick(window, Qt.Key.Key_F1)
        again = window.help.page
        assert again is not None
        assert again is not page
        assert native("Ctrl+F9") in again.text()
    finally:
        window.library.close()


def test_the_workshop_guide_names_the_real_keys_in_the_interface_language(
    qtbot: QtBot, path: Path, language: Language
) -> None:
    texts = TEXTS[language]
    window = open_window(qtbot, path, "Bakkerij")
    try:
        window.help.workshop_action.trigger()
        page = window.help.page
        assert page is not None
        qtbot.waitExposed(page)
        assert page.windowTitle() == texts["guide title"]
        text = page.text()
        assert text.startswith(texts["guide"])
        for word in texts["guide words"]:
            assert word in text
        for action in (window.workshop.workshop_action, window.workshop.capture_action, window.workshop.timer_action):
            assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
        assert "$" not in text
        other = TEXTS[Language.NL if language is Language.EN else Language.EN]
        assert other["guide"] not in text
    finally:
        window.library.close()

"""Every shortcut the Dutch interface shows names its keys as a Dutch keyboard prints them: the menus' and the
window's shortcuts, the keyboard shortcut help page (F1) and the workshop guide. Qt's own Dutch (qtbase_nl) says
"Spatiebalk" and "Pijl links"; what it leaves English ("Return", "PgDown") comes from `ui.i18n.QT_GAPS`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui import i18n
from ui.dialogs.help_pages import HelpPage
from ui.window.main_window import MainWindow

MODIFIERS = ("Ctrl", "Shift", "Alt")
KEYS_ON_A_DUTCH_KEYBOARD = frozenset(
    {
        *(f"F{n}" for n in range(1, 13)),
        *"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        *"+-=,.;/[]'`\\",
        "Enter",
        "Esc",
        "Del",
        "Ins",
        "Home",
        "End",
        "PgUp",
        "PgDn",
        "Backspace",
        "Tab",
        "Spatiebalk",
        "Pijl links",
        "Pijl rechts",
        "Pijl omhoog",
        "Pijl omlaag",
    }
)
"""The keys as a Dutch keyboard (and Dutch software) names them; the modifiers are `MODIFIERS`."""
EVERY_KEY_WE_MIGHT_NAME = ("Return", "Enter", "PgDown", "PgUp", "Space", "Left", "Right", "Up", "Down", "Delete",
                           "Escape", "Backspace", "Insert", "Tab", "Home", "End")  # fmt: skip
"""Keys a shortcut of the editor names or may name (Qt's names)."""


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    with Library.open(tmp_path / "keys.cjm") as lib:
        lib.create_journey(load_example("nl"))
    with i18n.using_language(Language.NL):
        opened = open_window(qtbot, tmp_path / "keys.cjm", 1)
        yield opened
        opened.close()
        opened.library.close()


def keys(text: str) -> list[str]:
    """The keys a shortcut text names: "Ctrl+Shift+Enter, Del" -> Ctrl, Shift, Enter, Del."""
    found: list[str] = []
    for chord in text.split(", "):
        while any(chord.startswith(f"{modifier}+") and len(chord) > len(modifier) + 1 for modifier in MODIFIERS):
            modifier, chord = chord.split("+", 1)
            found.append(modifier)
        found.append(chord)
    return found


def assert_dutch(text: str, where: str) -> None:
    for key in keys(text):
        assert key in MODIFIERS or key in KEYS_ON_A_DUTCH_KEYBOARD, (where, text, key)


def test_every_shortcut_shown_in_dutch_names_the_keys_as_a_dutch_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    native = QKeySequence.SequenceFormat.NativeText
    shown: dict[str, str] = {}
    for action in window.findChildren(QAction):  # the menus', the toolbar's, the canvas' and the panels'
        for key in action.shortcuts():
            shown[key.toString(native)] = action.text()
    for shortcut in window.findChildren(QShortcut):
        shown[shortcut.key().toString(native)] = shortcut.objectName()
    assert {"Ctrl+Enter", "PgDn", "PgUp", "Del", "Esc", "F1"} <= set(shown)  # the ones a workshop uses most
    for text, where in shown.items():
        assert_dutch(text, where)
    # The help pages, as the user opens them: F1 and Help › How to Run a Workshop.
    QTest.keyClick(window, Qt.Key.Key_F1)
    pages = [p for p in QApplication.topLevelWidgets() if isinstance(p, HelpPage) and p.isVisible()]
    assert len(pages) == 1
    listed = [html.unescape(b) for b in re.findall(r"<b>(.*?)</b>", window.help.shortcuts_html())]
    assert len(listed) >= 20
    for text in listed:
        assert_dutch(text, "F1")
        assert text in pages[0].text()
    pages[0].close()
    guide = window.help.show_workshop_guide()
    for name in ("PgDn", "PgUp", "F11"):
        assert name in guide.text()
    assert not re.search(r"\b(PgDown|Return|Escape|Delete|Space)\b", guide.text())
    guide.close()
    # Any key the editor names or may name, in Qt's words through the Dutch translators.
    for name in EVERY_KEY_WE_MIGHT_NAME:
        for modifiers in ("", "Ctrl+", "Ctrl+Shift+"):
            assert_dutch(QKeySequence(modifiers + name).toString(native), name)

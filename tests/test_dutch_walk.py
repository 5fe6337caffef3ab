"""No English in the Dutch interface (issue 16, item 8): the real window, with the Dutch translator loaded, walked
the way a user finds things - every menu and its actions (texts, tooltips, status tips), every panel and toolbar,
and every dialog and message box an action opens (each looked at, then cancelled) - and every text seen compared
with the English source strings of the catalogue (cjmapper_nl.ts) and of the core's (core_nl.json), placeholders
matching anything. A text that is also Dutch is allowed only through `SAME_IN_DUTCH`, each with its reason."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.resources import resource
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from tools import i18n_tools
from ui import i18n
from ui.window.main_window import MainWindow

SAME_IN_DUTCH: dict[str, str] = {
    "AIDA": "a framework's name (Attention, Interest, Desire, Action), used as is in Dutch",
    "See-Think-Do-Care": "a framework's name, used as is in Dutch",
    "Help": "the Help menu: Dutch software says Help",
    "Indigo": "a persona's colour: indigo is the Dutch name too",
    "Open": "a card's status: open is the Dutch word too",
    "Impact": "the matrix's vertical axis: impact is the Dutch word too",
    "matrix": "the impact/effort matrix: matrix is the Dutch word too",
    "Persona": "the persona: the same word in Dutch, as the Dutch templates use it",
    "persona": "the same, inside a core message",
    "Persona {0}": "a persona without a name, by her place: the same words in Dutch",
    "Score": "a card's score: the Dutch templates call it score",
    "score %1": "the same, as a screen reader reads a card's score",
    "Status: %1": "a card's status, as a screen reader reads it: status is the Dutch word too",
    "Score %1: %2": "the score's tooltip: score, a number and its name (which is translated)",
    "Status": "a card's status: the same word in Dutch",
    "Timer": "the countdown: timer is the Dutch word too",
    "Timer…": "the same, as a menu item",
    "Spreadsheets (*.csv)": "spreadsheet is the Dutch word too",
    "dpi": "the unit, written so in Dutch",
    "mm": "the unit",
    "{0}  ({1} × {2} mm)": "a paper's name and size: numbers and a unit",
    "{0} min": "minutes, abbreviated the same in Dutch",
    "{0} × {1} mm": "a size: numbers and a unit",
}
"""Texts that are English sources but also Dutch, each with why."""

QT_ENGLISH = {
    "&Look in:",
    "Files of &type:",
    "File &name:",
    "&Open",
    "&Save",
    "&Cancel",
    "Cancel",
    "&Yes",
    "&No",
    "Back",
    "Forward",
    "Parent Directory",
    "Create New Folder",
    "List View",
    "Detail View",
    "&Choose",
    "Directory:",
}
"""Qt's own English texts in its file dialogs and message boxes (Qt's translation supplies their Dutch)."""

SKIPPED_ACTIONS = {"&Quit", "&Close Window", "A&fsluiten", "Venster &sluiten"}
"""Actions the walk does not trigger: they end the window it walks (their texts are still checked)."""


def _pattern(source: str) -> re.Pattern[str]:
    """A source string as a pattern: its placeholders ({0}, {name}, %1, %n) match any text."""
    plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
    parts = re.split(r"(\{[^{}]*\}|%\d|%n)", plain)
    return re.compile("".join(".+?" if re.fullmatch(r"\{[^{}]*\}|%\d|%n", p) else re.escape(p) for p in parts))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


@pytest.fixture(scope="module")
def english() -> list[tuple[str, re.Pattern[str]]]:
    """Every English source whose Dutch differs, as (source, pattern): the UI catalogue's and the core's."""
    entries = list(i18n_tools.iter_entries("nl"))
    core = json.loads(Path(resource("translations", "core_nl.json")).read_text(encoding="utf-8"))
    same = {_plain(e.message.source) for e in entries if _plain(e.translation) == _plain(e.message.source)}
    same |= {english for english, dutch in core.items() if english == dutch}
    assert same == set(SAME_IN_DUTCH), "a translation equal to its English is allowed only in SAME_IN_DUTCH"
    sources = {e.message.source for e in entries} | set(core)
    sources |= QT_ENGLISH
    sources = {s for s in sources if _plain(s) not in SAME_IN_DUTCH and re.search(r"[A-Za-z]{2}", s)}
    return [(s, _pattern(s)) for s in sorted(sources)]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "rondgang.cjm") as lib:
        lib.create_journey(load_example("nl"))
    return tmp_path / "rondgang.cjm"


@pytest.fixture
def dutch_window(qtbot: QtBot, path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    with i18n.using_language(Language.NL):
        window = open_window(qtbot, path)
        try:
            yield window
        finally:
            window.library.close()


def action_texts(action: QAction) -> list[str]:
    return [action.text(), action.toolTip(), action.statusTip(), action.whatsThis()]


def widget_texts(root: QWidget) -> list[str]:
    """What `root` and its visible children show: labels, buttons, fields' placeholders, combo items, group and
    dock titles, tabs, toolbar actions, tooltips and accessible names."""
    texts = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())] + [
                widget.tabToolTip(i) for i in range(widget.count())
            ]
        if isinstance(widget, QToolBar):
            for action in widget.actions():
                texts += action_texts(action)
    return texts


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        sub = action.menu()
        if isinstance(sub, QMenu):
            menu.aboutToShow.emit()
            yield from menu_actions(sub)


def english_in(texts: list[str], english: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, str]]:
    """(text, English source it is) for each text seen that is an English source string."""
    found = []
    for text in {t for t in texts if t}:
        for line in text.splitlines():
            plain = _plain(line).rstrip(".:…")
            if not plain or plain in SAME_IN_DUTCH:
                continue
            for source, pattern in english:
                if pattern.fullmatch(_plain(line)) or pattern.fullmatch(plain):
                    found.append((line, source))
                    break
    return sorted(found)


def test_the_dutch_window_shows_no_english(
    qtbot: QtBot, dutch_window: MainWindow, english: list[tuple[str, re.Pattern[str]]]
) -> None:
    window = dutch_window
    assert window.scene is not None
    first_card = next(iter(window.scene.card_items().values()))
    first_card.setSelected(True)  # the Edit menu's card actions are enabled, the properties panel shows a card
    seen: dict[str, list[str]] = {"window": widget_texts(window)}
    statuses: list[str] = []
    window.statusBar().messageChanged.connect(statuses.append)
    for menu in window.menus:
        menu.aboutToShow.emit()
        seen[f"menu {menu.title()}"] = [menu.title()] + [t for a in menu_actions(menu) for t in action_texts(a)]
    opened: list[str] = []

    def look_and_close() -> None:
        """Every window the action opened (a dialog, a message box, a file dialog): read, then cancelled."""
        for top in QApplication.topLevelWidgets():
            if top is window or not top.isVisible() or isinstance(top, QMenu):
                continue
            name = f"{type(top).__name__} {top.windowTitle()}"
            opened.append(name)
            seen[name] = seen.get(name, []) + widget_texts(top)
            reject = getattr(top, "reject", None)
            if callable(reject):
                reject()
            else:
                top.close()

    walked = 0
    for menu in window.menus:
        for action in list(menu_actions(menu)):
            if not shiboken6.isValid(action):  # a menu rebuilt by an action before (Open Recent)
                continue
            text = action.text()
            if action.menu() is not None or not action.isEnabled() or text in SKIPPED_ACTIONS:
                continue
            timer = QTimer()
            timer.setInterval(60)
            timer.timeout.connect(look_and_close)
            timer.start()
            action.trigger()
            qtbot.wait(120)
            timer.stop()
            look_and_close()
            walked += 1
            seen[f"after {text}"] = widget_texts(window)
            if window.voting.active:
                window.voting.stop()
            if window.workshop.active:
                window.workshop.leave()
    seen["status messages"] = statuses
    assert walked > 40
    assert len(opened) > 10, opened
    problems = {place: english_in(texts, english) for place, texts in seen.items()}
    problems = {place: found for place, found in problems.items() if found}
    assert not problems, "\n".join(f"{place}: {found}" for place, found in problems.items())

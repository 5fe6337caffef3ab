"""The Help menu's pages: Keyboard Shortcuts (F1), listed from the window's own actions (each menu's entries with a
shortcut, then the window's shortcuts that are in no menu), so the list is never out of date; and How to Run a
Workshop, a short guide in the interface's language (resources/help/workshop.<language>.html, read through
importlib.resources), its keys filled in from the same actions."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from operator import attrgetter
from string import Template

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from cjmapper.model import Language
from cjmapper.resources import resource

from ..i18n import ui_language
from ..plain_text import shown_text

WORKSHOP_KEYS = {
    "new_journey": "new_journey_action",
    "workshop": "workshop.workshop_action",
    "previous_phase": "workshop.previous_phase_action",
    "next_phase": "workshop.next_phase_action",
    "whole_journey": "workshop.whole_journey_action",
    "capture": "workshop.capture_action",
    "timer": "workshop.timer_action",
    "timer_toggle": "workshop.timer_toggle_action",
    "undo": "undo_action",
}
"""The keys the workshop guide names ($workshop, ...), by the window's attribute holding the action."""

Rows = list[tuple[str, str]]
"""(action name, its keys) of a section of the shortcut list."""


def action_name(action: QAction) -> str:
    """What the user knows the action by: its menu text without the mnemonic or the trailing "…" (Undo and Redo:
    their fixed toolbar text, not the step they would undo now)."""
    return shown_text(action.iconText() or action.text()).removesuffix("…").removesuffix("...").strip()


def keys_of(action: QAction) -> str:
    """The action's shortcuts as the system writes them ("Ctrl+Z, Ctrl+Shift+Z")."""
    keys = (key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
    return ", ".join(dict.fromkeys(keys))  # once each: Redo's own and Ctrl+Y are one on some systems


def shortcut_sections(menus: Sequence[QMenu], others: Iterable[QAction], other_title: str) -> list[tuple[str, Rows]]:
    """Per menu (its submenus within it): (menu name, [(action name, keys)]) of the entries with a shortcut; then
    `other_title` with the shortcuts among `others` that are in no menu. Menus without one are left out."""
    listed: set[int] = set()
    sections: list[tuple[str, Rows]] = []

    def rows_of(menu: QMenu) -> Rows:
        rows: Rows = []
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                rows += rows_of(submenu)
            elif action.shortcuts() and id(action) not in listed:
                listed.add(id(action))
                rows.append((action_name(action), keys_of(action)))
        return rows

    for menu in menus:
        rows = rows_of(menu)
        if rows:
            sections.append((shown_text(menu.title()), rows))
    rest: Rows = []
    for action in others:
        if action.shortcuts() and id(action) not in listed:
            listed.add(id(action))
            rest.append((action_name(action), keys_of(action)))
    if rest:
        sections.append((other_title, rest))
    return sections


class HelpPage(QDialog):
    """A page of help text beside the window (not modal: the user can try what it says)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("helpPage")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(text)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def text(self) -> str:
        """The page as plain text."""
        return self.browser.toPlainText()


class HelpActions(QObject):
    """Help › Keyboard Shortcuts (F1) and Help › How to Run a Workshop of `window`, whose `menus` and actions (see
    WORKSHOP_KEYS) they read when shown."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.page: HelpPage | None = None
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), window)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.workshop_action = QAction(self.tr("How to Run a &Workshop"), window)
        self.workshop_action.triggered.connect(self.show_workshop_guide)

    def actions(self) -> list[QAction]:
        return [self.shortcuts_action, self.workshop_action]

    def shortcuts_html(self) -> str:
        window = self.window
        menus: Sequence[QMenu] = getattr(window, "menus", ())
        others = [*window.actions(), *(a for w in window.findChildren(QWidget) for a in w.actions())]
        parts = [f"<h2>{html.escape(self.tr('Keyboard Shortcuts'))}</h2>"]
        for title, rows in shortcut_sections(menus, others, self.tr("Elsewhere")):
            parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='0' cellpadding='3'>")
            parts += [
                f"<tr><td width='70%'>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                for name, keys in rows
            ]
            parts.append("</table>")
        return "".join(parts)

    def workshop_html(self) -> str:
        language = ui_language()
        page = resource("help", f"workshop.{language.value}.html")
        if not page.is_file():
            page = resource("help", f"workshop.{Language.EN.value}.html")
        keys = {
            name: html.escape(keys_of(attrgetter(path)(self.window)) or action_name(attrgetter(path)(self.window)))
            for name, path in WORKSHOP_KEYS.items()
        }
        return Template(page.read_text(encoding="utf-8")).substitute(keys)

    def show_shortcuts(self) -> HelpPage:
        return self._show(self.tr("Keyboard Shortcuts"), self.shortcuts_html())

    def show_workshop_guide(self) -> HelpPage:
        return self._show(self.tr("How to Run a Workshop"), self.workshop_html())

    def _show(self, title: str, text: str) -> HelpPage:
        """One help page at a time: showing another replaces it."""
        if self.page is not None:
            self.page.close()
            self.page.deleteLater()
        self.page = HelpPage(title, text, self.window)
        self.page.show()
        return self.page

"""The File menu's libraries: New Library…, Open Library…, Open Team Library…, Open Recent and Save Library As….
Opening one shows it in the window instead of the current library (see `MainWindow.switch_library`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QStatusBar, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation

from ..dialogs.team import recent_label, remember_team_library
from ..plain_text import action_text
from ..recent_folders import remember_folder, start_folder
from ..user_settings import put_first, recent_list

SETTINGS_RECENT = "recentLibraries"
MAX_RECENT = 8

TeamChooser = Callable[[], Library | None]
"""Asks for a team library to open (the Team Library dialog): the opened library, or None when cancelled."""


def recent_libraries() -> list[str]:
    return recent_list(SETTINGS_RECENT)


def remember_library(location: Location) -> None:
    """Put a library first in File › Open Recent: its path, or a team library's URL (which never holds a password)."""
    put_first(SETTINGS_RECENT, str(location), MAX_RECENT)


class LibrariesWindow(Protocol):
    """What of the main window the File menu's libraries need (the window imports this module, not the other way)."""

    library: Library

    def switch_library(self, location: Location | str) -> bool: ...

    def adopt_library(self, opened: Library) -> None: ...

    def show_error(self, text: str) -> None: ...

    def show_notice(self, text: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class LibraryFiles(QObject):
    """New, open, open recent and save as of the window's library; `parent` is the parent of their dialogs.
    `choose_team_library` asks for a team library (the Team Library dialog; None when cancelled)."""

    def __init__(self, window: LibrariesWindow, parent: QWidget, choose_team_library: TeamChooser) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.choose_team_library = choose_team_library
        self.recent_menu = QMenu(self.tr("Open &Recent"), parent)
        self.recent_menu.setToolTipsVisible(True)

    def new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("New library"), str(self._file_folder()), self.tr("cjmapper libraries (*.cjm)")
        )
        if path:
            target = Path(path) if path.endswith(".cjm") else Path(path + ".cjm")
            remember_folder("library", target.parent)
            if target.exists():
                self.window.show_error(
                    self.tr("{0} already exists; open it with File › Open Library.").format(target.name)
                )
                return
            self.window.switch_library(target)

    def _file_folder(self) -> Path:
        """Where library file dialogs start: the folder of the last one chosen, else the open library file's folder
        (a team library has none: the home folder)."""
        path = self.window.library.path
        return start_folder("library", path.parent if path is not None else Path.home())

    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Open library"),
            str(self._file_folder()),
            self.tr("cjmapper libraries (*.cjm);;All files (*)"),
        )
        if path:
            remember_folder("library", Path(path).parent)
            self.window.switch_library(Path(path))

    def open_team_library(self) -> None:
        """File › Open Team Library…: a team library's server address (asking for a password when the server
        wants one), then the library in this window."""
        opened = self.choose_team_library()
        if opened is not None:
            self.window.adopt_library(opened)

    def remember(self, library: Library) -> None:
        """Put `library` first in File › Open Recent (and a team library in the Team Library dialog's list)."""
        remember_library(library.location)  # a team library's URL never holds the password
        if isinstance(library.location, ServerLocation):
            remember_team_library(library.location)
        self.refresh_recent_menu()

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for address in recent_libraries():
            action = self.recent_menu.addAction(action_text(recent_label(address)))
            action.setToolTip(address)
            action.triggered.connect(lambda _checked=False, a=address: self.window.switch_library(a))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def save_as_tip(self, team: bool) -> str:
        """Save Library As…'s tooltip: what it does, or on a team library why it is off."""
        if team:
            return self.tr(
                "A team library lives on its server and cannot be saved as a file; "
                "take a journey along with File › Copy Journey to Local Library…"
            )
        return self.tr("Save a copy of the whole library as another file")

    def save_library_as(self) -> None:
        library = self.window.library
        if library.path is None:  # the action is off then; say why all the same
            self.window.show_notice(self.save_as_tip(library.is_team))
            return
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Save library as"),
            str(self._file_folder()),
            self.tr("cjmapper libraries (*.cjm)"),
        )
        if not path:
            return
        target = Path(path) if path.endswith(".cjm") else Path(path + ".cjm")
        remember_folder("library", target.parent)
        try:
            library.save_as(target)
        except CjmapperError as e:
            self.window.show_error(str(e))
            return
        self.window.statusBar().showMessage(self.tr("Saved a copy of the library as {0}").format(target), 8000)

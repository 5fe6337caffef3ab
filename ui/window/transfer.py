"""Journeys between libraries and files: publishing the open journey to a team library, copying it to a library on
this computer, importing a journey file and saving every journey of the library as files (File › Export All
Journeys…, which rescues what can be read of a damaged library).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.interchange.import_files import read_import_file
from cjmapper.paths import default_library_path
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from cjmapper.store.transfer import read_for_copy, write_copy

from ..dialogs.recovery import export_all_journeys
from ..dialogs.team import TeamLibraryDialog, busy, choose_local_library, open_location, same_library, server_name
from ..editing.document import JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..i18n import ui_language
from ..recent_folders import remember_folder, start_folder


class TransferWindow(Protocol):
    """What of the main window the transfers need (the window imports this module, not the other way round)."""

    library: Library
    library_editor: LibraryEditor
    document: JourneyDocument | None

    def show_error(self, text: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class JourneyTransfer(QObject):
    """Copies, publishes, imports and exports journeys for the window; `parent` is the parent of its dialogs."""

    def __init__(self, window: TransferWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent

    def choose_team_library(self, journey_title: str | None = None) -> Library | None:
        """The team library the user opens in the Team Library dialog (for publishing `journey_title`, when given);
        None when cancelled. The caller owns (and closes) it."""
        dialog = TeamLibraryDialog(self.parent_widget, journey_title=journey_title)
        try:
            if dialog.exec() != TeamLibraryDialog.DialogCode.Accepted:
                return None
            return dialog.take_library()
        finally:
            dialog.deleteLater()

    def publish_journey(self) -> None:
        """File › Publish Journey to Team Library…: choose a team library, then copy the open journey there."""
        document = self.window.document
        if document is None:
            return
        target = self.choose_team_library(document.journey.title)
        if target is not None:
            try:
                self.copy_journey_into(target)
            finally:
                target.close()

    def copy_journey_to_local(self) -> None:
        """File › Copy Journey to Local Library… (a team library is open): into the user's own library or a file."""
        document = self.window.document
        if document is None or not self.window.library.is_team:
            return
        target = choose_local_library(self.parent_widget, document.journey.title)
        if target is not None:
            self.copy_journey_to(target)

    def copy_journey_to(self, location: Location) -> int | None:
        """Copy the open journey with its saved versions into the library at `location` (the user's own library is
        made with its example journey when it does not exist yet); the copy's id, or None when it failed."""
        document, library = self.window.document, self.window.library
        if document is None:
            return None
        if same_library(location, library.location):
            return self.window.library_editor.copy_in(library, document.journey_id)
        try:
            if isinstance(location, ServerLocation):
                target = open_location(location, self.parent_widget)
                if target is None:
                    return None
            elif same_library(location, default_library_path()):
                with busy():
                    target = Library.open_default(ui_language())
            else:
                with busy():
                    target = Library.open(location)
        except CjmapperError as e:
            self.window.show_error(str(e))
            return None
        try:
            return self.copy_journey_into(target)
        finally:
            target.close()

    def copy_journey_into(self, target: Library) -> int | None:
        """Copy the open journey with its saved versions into `target`, an open library the caller closes; the copy's
        id there, or None when it failed. Copying into another library is no edit of this one; copying into this
        window's own library is, so it is an undo step like any other."""
        document, library = self.window.document, self.window.library
        if document is None:
            return None
        journey = document.journey
        if same_library(target.location, library.location):
            return self.window.library_editor.copy_in(library, journey.id)
        where = server_name(target.location) if isinstance(target.location, ServerLocation) else target.location.name
        status = self.window.statusBar()
        status.showMessage(self.tr("Copying “{0}” to {1}…").format(journey.title, where))
        status.repaint()
        try:
            with busy():
                content = read_for_copy(library, journey.id)
        except CjmapperError as e:
            status.clearMessage()
            if not self._copy_from_screen(e):
                return None
            content = (journey, [])
        try:
            with busy():
                copy_id = write_copy(target, *content)
        except CjmapperError as e:
            status.clearMessage()
            self.window.show_error(str(e))
            return None
        if target.is_team:
            done = self.tr("Published “{0}” to {1}").format(journey.title, where)
        else:
            done = self.tr("Copied “{0}” to {1}").format(journey.title, where)
        status.showMessage(done, 15000)
        return copy_id

    def _copy_from_screen(self, problem: CjmapperError) -> bool:
        """The open library could not be read for a copy (a team library's server went away, say): offer to copy the
        journey as this window shows it, which is everything acknowledged, but without its saved versions."""
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Copy journey"),
            self.tr(
                "{0}\n\nCopy the journey as it is shown here instead? It holds every saved edit, but not the "
                "journey's saved versions."
            ).format(problem),
        )
        return answer == QMessageBox.StandardButton.Yes

    def import_journey(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Import journey"),
            str(start_folder("import", Path.home())),
            self.tr(
                "All journeys (*.json *.mmd *.md *.xlsx);;Journey files (*.json);;Mermaid journeys (*.mmd *.md);;"
                "cjmapper workbooks (*.xlsx)"
            ),
        )
        if not path:
            return
        remember_folder("import", Path(path).parent)
        try:
            journey = read_import_file(Path(path))
        except CjmapperError as e:
            self.window.show_error(str(e))
            return
        self.window.library_editor.create(journey, imported=True)

    def export_all_journeys(self) -> None:
        """File › Export All Journeys…: every journey that can be read, as JSON files in a folder of the user's."""
        export_all_journeys(self.parent_widget, self.window.library)

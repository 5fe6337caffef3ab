"""Files handed to the editor from outside: dropped on its window (the canvas too), named on the command line
(`cjmapper PATH`), or sent by the system (macOS's file-open events, when a file is double-clicked in the Finder).

A library file (`.cjm`, known by its bytes) opens in the window, as File › Open Library… does; a journey file
(`.json`) is imported into the open library as one undoable step, as File › Import Journey… does. Several files
are handled in the order given. Anything else (another kind of file, a folder, a journey file that does not read, a
web address) is refused as a whole with one message in the status bar, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, QUrl
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QWidget

from cjmapper.errors import CjmapperError
from cjmapper.file_kinds import JourneyFile, LibraryFile, identify
from cjmapper.store import Library
from cjmapper.store.location import Location

from ..dialogs.team import same_library
from ..editing.library_commands import LibraryEditor


class FileWindow(Protocol):
    """What of the main window opening files needs (the window imports this module, not the other way round)."""

    library: Library
    library_editor: LibraryEditor

    def switch_library(self, location: Location | str) -> bool: ...

    def show_notice(self, text: str) -> None: ...


class FileOpener(QObject):
    """Opens and imports the files dropped on `areas` (the window, the canvas's viewport) or given to `open_files`."""

    def __init__(
        self, window: FileWindow, areas: Sequence[QWidget], leave: Callable[[QMimeData], bool] | None = None
    ) -> None:
        super().__init__(areas[0])
        self.window = window
        self.leave = leave
        """Drags left to the area itself (a picture for a card: `ui.canvas.card_images.picture_file`)."""
        for area in areas:
            area.setAcceptDrops(True)
            area.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            if not event.mimeData().hasUrls() or (self.leave is not None and self.leave(event.mimeData())):
                return False  # a channel from the palette, a card, a picture for a card: the canvas's own drags
            event.acceptProposedAction()  # refused files are said so on the drop, not silently ignored
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent) and event.mimeData().hasUrls():
            if self.leave is not None and self.leave(event.mimeData()):
                return False
            event.acceptProposedAction()
            self.open_urls(event.mimeData().urls())
            return True
        return super().eventFilter(watched, event)

    def open_urls(self, urls: Sequence[QUrl]) -> bool:
        """Open or import the files at `urls`; False (and a message) when one is not a local file."""
        paths: list[Path] = []
        for url in urls:
            if not url.isLocalFile():
                shown = url.toDisplayString()
                return self._refuse(self.tr("{0} is not a file on this computer").format(shown))
            paths.append(Path(url.toLocalFile()))
        return self.open_files(paths)

    def open_files(self, paths: Sequence[Path]) -> bool:
        """Open the library files and import the journey files among `paths`, in order; False, with one message in
        the status bar and nothing changed, when any of them is neither."""
        found: list[LibraryFile | JourneyFile] = []
        for path in paths:
            try:
                found.append(identify(path))
            except CjmapperError as e:
                return self._refuse(str(e))
        if not found:
            return False
        for item in found:
            if isinstance(item, LibraryFile):
                if same_library(item.path, self.window.library.location):
                    continue  # open already
                if not self.window.switch_library(item.path):
                    return False  # the window said why
                continue
            if self.window.library.read_only:
                return self._refuse(self.tr("{0} is open read-only").format(self.window.library.name))
            if self.window.library_editor.create(item.journey, imported=True) is None:
                return False  # the library refused it, and the window said why
            self.window.show_notice(self.tr("Imported “{0}” from {1}").format(item.journey.title, item.path.name))
        return True

    def _refuse(self, reason: str) -> bool:
        self.window.show_notice(self.tr("Nothing was opened or imported: {0}").format(reason))
        return False


class FileOpenRequests(QObject):
    """The system's requests to open a file (macOS's QFileOpenEvent on the application): handled as a drop of that
    file on the window, and kept until the window is there when they come first (at start-up)."""

    def __init__(self, application: QObject) -> None:
        super().__init__(application)
        self.opener: FileOpener | None = None
        self.waiting: list[Path] = []
        application.installEventFilter(self)

    def attach(self, opener: FileOpener) -> None:
        """Send the requests to `opener` from now on, the ones that came before first."""
        self.opener = opener
        waiting, self.waiting = self.waiting, []
        for path in waiting:
            opener.open_files([path])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return super().eventFilter(watched, event)
        path = Path(event.file()) if event.file() else Path(event.url().toLocalFile())
        if self.opener is None:
            self.waiting.append(path)
        else:
            self.opener.open_files([path])
        return True

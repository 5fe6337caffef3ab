"""File › Export PowerPoint…: the open journey as a 16:9 PowerPoint deck (`cjmapper.pptx_export`). The map's PNG
picture for the overview slide is drawn on the UI thread by the picture export (`ui.export.pictures.save_picture`,
the canvas's own drawing, without title block and legend); the deck is written on a worker thread
(`ui.export.export_jobs.DeckJob`) with its progress in the status bar and a Cancel button; a failure is one message.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QStatusBar, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.pptx_export import overview_dpi

from ..editing.document import JourneyDocument
from ..export.export_progress import ExportProgress
from ..export.pictures import SCREEN_DPI, picture_size, save_picture
from ..recent_folders import remember_folder, start_folder
from .export_actions import safe_file_name

if TYPE_CHECKING:
    from ..export.export_jobs import DeckJob

EXTENSION = ".pptx"


class DeckWindow(Protocol):
    """What of the main window the PowerPoint export needs."""

    document: JourneyDocument | None

    def show_error(self, text: str) -> None: ...

    def update_actions(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class PowerPointActions(QObject):
    """The Export PowerPoint… action, its job and its status-bar strip (`progress`)."""

    def __init__(self, window: DeckWindow, parent: QWidget, refused_target: Callable[[Path], bool]) -> None:
        super().__init__(parent)
        self.window = window
        self.refused_target = refused_target
        """Whether a target is the open library's own file (then the user was told so): the exports' check."""
        self.parent_widget = parent
        self.job: DeckJob | None = None
        self.progress = ExportProgress(parent)
        self.progress.setObjectName("deckProgress")
        self.progress.cancel_clicked.connect(self.cancel)
        self.action = QAction(self.tr("Export Po&werPoint…"), parent)
        self.action.setObjectName("exportPowerPointAction")
        self.action.setToolTip(
            self.tr("Export the journey as a PowerPoint deck: its persona, the map, and each phase's cards as text")
        )
        self.action.triggered.connect(self.export_deck)

    def update_actions(self, has_journey: bool) -> None:
        self.action.setEnabled(has_journey and self.job is None)

    def _status(self, text: str, timeout_ms: int) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def export_deck(self) -> None:
        """Ask for the file, then draw the overview picture and write the deck."""
        document = self.window.document
        if document is None or self.job is not None:
            return
        suggested = start_folder("export", Path.home()) / f"{safe_file_name(document.journey.title)}{EXTENSION}"
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export PowerPoint"),
            str(suggested),
            self.tr("PowerPoint presentations (*.pptx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(f"{target.name}{EXTENSION}")
        remember_folder("export", target.parent)
        self.start(target)

    def start(self, target: Path) -> bool:
        """Write the open journey's deck to `target`: the overview picture now, the deck off the UI thread. False
        when nothing was started (no journey, a deck being written, the library's own file, a picture error)."""
        document = self.window.document
        if document is None or self.job is not None:
            return False
        if self.refused_target(target):
            return False
        overview = self._overview(document)
        if overview is None:
            return False
        from ..export.export_jobs import DeckJob  # python-pptx and reportlab: on the first export, not at start

        job = DeckJob(document.journey, target, overview, self.parent_widget)
        job.progress.connect(self.progress.set_progress)
        job.ended.connect(self._ended)
        self.job = job
        self.progress.start(self.tr("Exporting PowerPoint {0}").format(target.name))
        self.window.update_actions()
        job.start()
        return True

    def _overview(self, document: JourneyDocument) -> bytes | None:
        """The map's PNG picture, as the picture export draws it without title block and legend; None (and the
        user told why) when it cannot be drawn."""
        width, _ = picture_size(document, SCREEN_DPI, chrome=False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with tempfile.TemporaryDirectory(prefix="cjmapper-") as folder:
                picture = Path(folder) / "overview.png"
                save_picture(document, picture, "png", overview_dpi(width), chrome=False)
                return picture.read_bytes()
        except (CjmapperError, OSError) as error:
            self.window.show_error(self.tr("The PowerPoint file could not be made: {0}").format(error))
            return None
        finally:
            QApplication.restoreOverrideCursor()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.progress.cancelling()

    def _ended(self) -> None:
        job = self.job
        if job is None or self.sender() is not job:
            return
        self.job = None
        self.progress.stop()
        self.window.update_actions()
        job.deleteLater()
        from ..export.export_jobs import JobOutcome

        if job.outcome is JobOutcome.DONE:
            self._status(self.tr("Saved the PowerPoint file as {0} ({1} slides)").format(job.target, job.slides), 15000)
        elif job.outcome is JobOutcome.CANCELLED:
            self._status(self.tr("PowerPoint export cancelled; no file was written."), 8000)
        else:
            self.window.show_error(job.message or self.tr("The PowerPoint file could not be exported."))

    def stop(self) -> None:
        """Closing or quitting: cancel a running export and wait for its thread (the target keeps what it held)."""
        job = self.job
        if job is None:
            return
        self.job = None
        job.ended.disconnect(self._ended)
        job.cancel()
        job.wait()
        self.progress.stop()
        job.deleteLater()

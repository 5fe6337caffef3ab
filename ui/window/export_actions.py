"""The window's exports of the open journey: a journey file in each "journey" format of the export table
(`cjmapper.exports`: JSON, CSV, ...), the PDF poster (drawn on a worker thread, with its progress in the status bar;
also of a saved version) and a PNG or SVG picture drawn by the canvas. No export replaces the open library's own
files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QStatusBar, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.exports import ExportFormat, formats_of_kind
from cjmapper.file_names import title_part
from cjmapper.model import Journey
from cjmapper.store import Library
from cjmapper.store.transfer import with_image_data
from cjmapper.survey.commands import csv_columns, poster_heat

from ..editing.document import JourneyDocument
from ..export.export_progress import ExportProgress
from ..export.picture_dialog import SETTINGS_PICTURE_CHROME, SETTINGS_PICTURE_DPI, PictureDpiDialog
from ..export.pictures import DEFAULT_DPI, picture_size, save_picture
from ..recent_folders import remember_folder, start_folder
from ..user_settings import settings

if TYPE_CHECKING:
    from cjmapper.poster import PosterOptions
    from cjmapper.poster.heat import HeatMarks

    from ..export.export_jobs import PosterJob

SUGGESTED_NAME_BYTES = 120
"""A title's part of a suggested file name, in bytes: a poster of a version names both, and stays within 255."""
JOURNEY_FILE_SHORTCUTS = {"json": "Ctrl+E"}


def safe_file_name(title: str) -> str:
    """`title` as the start of a file name the window suggests (see `cjmapper.file_names.title_part`)."""
    return title_part(title, SUGGESTED_NAME_BYTES) or "journey"


class ExportingWindow(Protocol):
    """What of the main window the exports need (the window imports this module, not the other way round)."""

    library: Library
    document: JourneyDocument | None

    def show_error(self, text: str) -> None: ...

    def update_actions(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class ExportActions(QObject):
    """File › Export Journey as …, Export Poster… and Export Picture… of the window; `parent` is the parent of their
    actions and dialogs."""

    def __init__(self, window: ExportingWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.poster_job: PosterJob | None = None
        self._open_poster = False
        self.heat_shown: Callable[[], bool] = lambda: False
        """Whether the canvas shows the heat view (the window says): the open journey's poster and pictures then show it
        too."""
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        """Opens a finished PDF in the user's viewer (tests replace it)."""
        self.shown_journey: Callable[[], Journey | None] = lambda: None
        """The open journey as a filter leaves it (None: no filter on), for the poster (`ui.window.find_actions`)."""
        self.progress = ExportProgress(parent)
        self.progress.cancel_clicked.connect(self.cancel_poster_export)

        self.journey_actions: dict[str, QAction] = {}
        """Export Journey as …, one for each "journey" format of the export table, by the format's name."""
        for export_format in formats_of_kind("journey"):
            text, _ = self._journey_file_texts(export_format)
            action = self._action(text, self._exporter(export_format))
            if export_format.name in JOURNEY_FILE_SHORTCUTS:
                action.setShortcut(QKeySequence(JOURNEY_FILE_SHORTCUTS[export_format.name]))
            self.journey_actions[export_format.name] = action
        self.poster_action = self._action(self.tr("Export &Poster…"), self.export_poster)
        self.poster_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.poster_action.setToolTip(self.tr("Export the journey as a PDF poster to print"))
        self.picture_action = self._action(self.tr("Export Pic&ture…"), self.export_picture)
        self.picture_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.picture_action.setToolTip(self.tr("Export the journey as a PNG or SVG picture"))

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.parent_widget)
        action.triggered.connect(slot)
        return action

    def _exporter(self, export_format: ExportFormat) -> Callable[[], None]:
        return lambda: self.export_journey(export_format)

    def update_actions(self, has_journey: bool) -> None:
        for action in (*self.journey_actions.values(), self.picture_action):
            action.setEnabled(has_journey)
        self.poster_action.setEnabled(has_journey and self.poster_job is None)

    def _status(self, text: str, timeout_ms: int) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------------ journey files

    def _journey_file_texts(self, export_format: ExportFormat) -> tuple[str, str]:
        """The menu text and the file dialog's filter of a "journey" format."""
        if export_format.name == "json":
            return self.tr("Export Journey as &JSON…"), self.tr("Journey files (*.json)")
        if export_format.name == "csv":
            return self.tr("Export Journey as &CSV…"), self.tr("Spreadsheets (*.csv)")
        if export_format.name == "xlsx":
            return self.tr("Export Journey as E&xcel Workbook…"), self.tr("Excel workbooks (*.xlsx)")
        if export_format.name == "mermaid":
            return self.tr("Export Journey as &Mermaid…"), self.tr("Mermaid journeys (*.mmd)")
        name = export_format.name.upper()
        return (
            self.tr("Export Journey as {0}…").format(name),
            self.tr("{0} files (*{1})").format(name, export_format.extension),
        )

    def export_journey(self, export_format: ExportFormat) -> None:
        """File › Export Journey as …: the open journey as a file of `export_format`, by the format's own writer."""
        document = self.window.document
        if document is None or export_format.write_file is None:
            return
        journey = document.journey
        suggested = start_folder("export", Path.home()) / f"{safe_file_name(journey.title)}{export_format.extension}"
        _, file_filter = self._journey_file_texts(export_format)
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export journey"), str(suggested), file_filter
        )
        if not path:
            return
        target = Path(path)
        remember_folder("export", target.parent)
        if self.refused_target(target):
            return
        try:
            if export_format.name == "json":  # a journey file holds its images' bytes
                journey = with_image_data(self.window.library, journey)
            export_format.write_file(journey, target, csv_columns(self.window.library, journey))
        except CjmapperError as e:
            self.window.show_error(str(e))
            return
        lost = export_format.losses(journey) if export_format.losses is not None else None
        if lost:  # what the format cannot hold, in one line (a Mermaid journey: the other lanes, notes, ...)
            self._status(self.tr("Exported “{0}” to {1}. {2}").format(journey.title, target, lost), 20000)
            return
        self._status(self.tr("Exported “{0}” to {1}").format(journey.title, target), 8000)

    # ------------------------------------------------------------------ posters

    def export_poster(self) -> None:
        """File › Export Poster: choose paper and file in the poster dialog, then draw the PDF on a worker thread."""
        document = self.window.document
        if document is None:
            return
        if self.poster_job is not None:
            self._status(self.tr("A poster is being exported already; wait for it or cancel it."), 8000)
            return
        journey = document.journey
        heat = poster_heat(self.window.library, journey) if self.heat_shown() else None  # as the canvas shows it
        chosen = self._ask_poster(journey, safe_file_name(journey.title), self.shown_journey(), heat)
        if chosen is not None:
            target, options, open_after, printed = chosen
            self.start_poster_export(target, options, open_after, printed if printed is not journey else None)

    def _ask_poster(
        self, journey: Journey, name: str, shown: Journey | None = None, heat: HeatMarks | None = None
    ) -> tuple[Path, PosterOptions, bool, Journey] | None:
        """The poster dialog for `journey` (`shown`: as a filter leaves it), suggesting `name`.pdf in the last poster
        folder: the target, options, whether to open it when done and the journey to print; None when cancelled.
        Remembers the dialog's settings."""
        from ..export.poster_dialog import PosterDialog  # with reportlab: on first use, not at start

        stored = settings()
        folder = start_folder("poster", Path.home())
        dialog = PosterDialog(journey, folder / f"{name}.pdf", self.parent_widget, shown, heat)
        try:
            dialog.load_settings(stored)
            if dialog.exec() != PosterDialog.DialogCode.Accepted or dialog.target is None:
                return None
            dialog.save_settings(stored)
            remember_folder("poster", dialog.target.parent)
            return dialog.target, dialog.options(), dialog.open_when_done, dialog.journey
        finally:
            dialog.deleteLater()

    def start_poster_export(
        self, target: Path, options: PosterOptions, open_after: bool = False, journey: Journey | None = None
    ) -> bool:
        """Draw the open journey's poster (or `journey`'s: a saved version) into `target` off the UI thread; False
        when there is nothing to export or an export already runs."""
        document = self.window.document
        if document is None or self.poster_job is not None or self.refused_target(target):
            return False
        from ..export.export_jobs import PosterJob  # with reportlab: on the first export, not at start

        printed = with_image_data(
            self.window.library, journey if journey is not None else document.journey, wall=options.wall_photo
        )  # the photos are printed as stored
        job = PosterJob(printed, target, options, self.parent_widget)
        job.progress.connect(self.progress.set_progress)
        job.ended.connect(self._poster_ended)
        self.poster_job = job
        self._open_poster = open_after
        self.progress.start(self.tr("Exporting poster {0}").format(target.name))
        self.window.update_actions()
        job.start()
        return True

    def export_version_poster(self, journey: Journey, version: str) -> None:
        """Print a saved version: the poster dialog for its snapshot; the poster's title block names the version."""
        if self.poster_job is not None:
            self._status(self.tr("A poster is being exported already; wait for it or cancel it."), 8000)
            return
        chosen = self._ask_poster(journey, f"{safe_file_name(journey.title)} - {safe_file_name(version)}")
        if chosen is not None:
            target, options, open_after, _ = chosen
            self.start_poster_export(target, replace(options, version=version), open_after, journey)

    def cancel_poster_export(self) -> None:
        if self.poster_job is not None:
            self.poster_job.cancel()
            self.progress.cancelling()

    def _poster_ended(self) -> None:
        job = self.poster_job
        if job is None or self.sender() is not job:
            return
        self.poster_job = None
        self.progress.stop()
        self.window.update_actions()
        job.deleteLater()
        from ..export.export_jobs import JobOutcome

        if job.outcome is JobOutcome.DONE and job.plan is not None:
            sheets = self.tr("1 sheet") if job.plan.sheets == 1 else self.tr("{0} sheets").format(job.plan.sheets)
            self._status(self.tr("Saved the poster as {0} ({1})").format(job.target, sheets), 15000)
            if self._open_poster:
                self.open_url(QUrl.fromLocalFile(str(job.target)))
        elif job.outcome is JobOutcome.CANCELLED:
            self._status(self.tr("Poster export cancelled; no file was written."), 8000)
        else:
            self.window.show_error(job.message or self.tr("The poster could not be exported."))

    def stop_poster_export(self) -> None:
        """Closing or quitting: cancel a running export and wait for its thread (the target keeps what it held)."""
        job = self.poster_job
        if job is None:
            return
        self.poster_job = None
        job.ended.disconnect(self._poster_ended)
        job.cancel()
        job.wait()
        self.progress.stop()
        job.deleteLater()

    # ------------------------------------------------------------------ pictures

    def _picture_filters(self) -> dict[str, str]:
        """The file dialog's filter of each picture format, by name."""
        known = {"png": self.tr("PNG pictures (*.png)"), "svg": self.tr("SVG drawings (*.svg)")}
        return {
            f.name: known.get(f.name) or self.tr("{0} files (*{1})").format(f.name.upper(), f.extension)
            for f in formats_of_kind("picture")
        }

    def export_picture(self) -> None:
        """File › Export Picture: a PNG at a chosen resolution or an SVG, drawn from the canvas on the UI thread."""
        document = self.window.document
        if document is None:
            return
        filters = self._picture_filters()
        first = next(iter(filters))
        suggested = start_folder("picture", Path.home()) / f"{safe_file_name(document.journey.title)}.{first}"
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export picture"), str(suggested), ";;".join(filters.values())
        )
        if not path:
            return
        target = Path(path)
        remember_folder("picture", target.parent)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in filters:
            fmt = next((name for name, text in filters.items() if text == chosen), first)
            target = target.with_name(f"{target.name}.{fmt}")
        if self.refused_target(target):
            return
        options = self._ask_picture(document, fmt == "png")
        if options is None:
            return
        dpi, chrome = options
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            save_picture(document, target, fmt, dpi, chrome, heat=self.heat_shown())  # as the canvas shows it
        except CjmapperError as e:
            error: str | None = str(e)
        except OSError as e:
            error = self.tr("The picture could not be written to {0}: {1}.").format(target, e.strerror or e)
        else:
            error = None
        finally:
            QApplication.restoreOverrideCursor()
        if error is not None:
            self.window.show_error(error)
            return
        self._status(self.tr("Saved the picture as {0}").format(target), 10000)

    def _ask_picture(self, document: JourneyDocument, png: bool) -> tuple[int, bool] | None:
        """A PNG's resolution (DEFAULT_DPI for an SVG) and whether the title block and legend go with the map,
        asked with the last ones chosen offered; None when cancelled."""
        stored = settings()
        remembered = stored.value(SETTINGS_PICTURE_DPI, DEFAULT_DPI)
        dialog = PictureDpiDialog(
            lambda value, chrome: picture_size(document, value, chrome),
            int(str(remembered)) if str(remembered).isdigit() else DEFAULT_DPI,
            self.parent_widget,
            chrome=str(stored.value(SETTINGS_PICTURE_CHROME, "true")).lower() != "false",
            png=png,
        )
        try:
            if dialog.exec() != PictureDpiDialog.DialogCode.Accepted:
                return None
            dpi, chrome = dialog.dpi, dialog.chrome
        finally:
            dialog.deleteLater()
        if png:
            stored.setValue(SETTINGS_PICTURE_DPI, dpi)
        stored.setValue(SETTINGS_PICTURE_CHROME, chrome)
        return (dpi if png else DEFAULT_DPI), chrome

    def refused_target(self, target: Path) -> bool:
        """Whether `target` is the open library's file or one of its own (-wal, -shm, backups...), which an export
        must never replace; then the user is told so."""
        library = self.window.library
        if not library.owns_file(target):
            return False
        self.window.show_error(
            self.tr(
                "Will not write {0}: it is the open library {1} or one of its own files; choose another name."
            ).format(target, library.name)
        )
        return True

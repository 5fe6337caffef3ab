"""A damaged library in the editor: the banner above the canvas that says it is open read-only, and File › Export
All Journeys…, which saves every journey that can still be read as a journey file (see `cjmapper.recovery`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.recovery import ExportAllReport, export_all
from cjmapper.store import Library

from ..recent_folders import remember_folder, start_folder

CONTEXT = "Recovery"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class DamageBanner(QFrame):
    """Shown above the canvas while the library is damaged and open read-only; offers to export its journeys."""

    export_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.setStyleSheet("#damageBanner { background: #fdecea; border-bottom: 1px solid #e0a39c; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("Export All Journeys…"), self)
        self.button.clicked.connect(self.export_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def set_library(self, library: Library) -> None:
        if not library.read_only:
            self.hide()
            return
        self.label.setText(
            self.tr(
                "{0} is damaged: it failed its integrity check ({1}). It is open read-only, so nothing more is lost; "
                "edits are off. Export its journeys and import them into a new library."
            ).format(library.name, library.damage[0])
        )
        self.show()


def report_text(report: ExportAllReport, folder: Path) -> str:
    """What an export of all journeys did, for the user."""
    lines = [
        tr("Exported {0} journeys to {1}.").format(len(report.written), folder)
        if len(report.written) != 1
        else tr("Exported 1 journey to {0}.").format(folder)
    ]
    if report.unreadable:
        lines.append(tr("These could not be read and were not exported:"))
        for lost in report.unreadable:
            name = lost.title or tr("journey {0}").format(lost.journey_id)
            lines.append(f"• {name}: {lost.reason}")
    if report.unwritten:
        lines.append(tr("These could not be written:"))
        for failed in report.unwritten:
            name = failed.title or tr("journey {0}").format(failed.journey_id)
            lines.append(f"• {name}: " + tr("cannot write {0}: {1}").format(failed.path, failed.reason))
    return "\n".join(lines)


def export_all_journeys(parent: QWidget, library: Library) -> ExportAllReport | None:
    """Ask for a folder and write every readable journey into it; tells the user what was and was not saved.
    None when the user cancelled or nothing could be written."""
    chosen = QFileDialog.getExistingDirectory(
        parent,
        tr("Export all journeys into folder"),
        str(start_folder("export", library.path.parent if library.path else Path.home())),
    )
    if not chosen:
        return None
    folder = Path(chosen)
    remember_folder("export", folder)
    try:
        report = export_all(library, folder)
    except CjmapperError as e:
        QMessageBox.warning(parent, "cjmapper", str(e))
        return None
    text = report_text(report, folder)
    if report.unreadable or report.unwritten:
        QMessageBox.warning(parent, "cjmapper", text)
    else:
        QMessageBox.information(parent, "cjmapper", text)
    return report

"""File › Import Survey Results…: a CSV or XLSX survey export read, its columns mapped to the fields (recognised
from English or Dutch headers, changeable), and a preview of every row as valid, invalid (with the reason),
duplicate or unmatched before anything is written. Apply adds the valid rows (and, when asked, the unmatched ones to
the journey's Unassigned list) as one undo step, after a named version of the journey is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.survey.commands import version_name
from cjmapper.survey.match import Field, Preview, Status, columns, preview
from cjmapper.survey.read import SurveyTable, read_survey_file

from ..editing.document import JourneyDocument
from ..recent_folders import remember_folder, start_folder

STATUS_COLOURS = {
    Status.VALID: "#ffffff",
    Status.INVALID: "#fbe3c8",  # light orange, as the heat view's misses
    Status.DUPLICATE: "#e6e6e6",
    Status.UNMATCHED: "#d8e8f3",  # light blue
}

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The preview's rows: row number, what became of it, the reason, and the file's cells."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.preview_result = Preview(())
        self.words: dict[Status, str] = {}

    def show(self, headers: tuple[str, ...], result: Preview, words: dict[Status, str]) -> None:
        self.beginResetModel()
        self.headers, self.preview_result, self.words = headers, result, words
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self.preview_result.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3 + len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.preview_result.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return str(row.row)
        if column == 1:
            return self.words[row.status]
        if column == 2:
            return row.reason
        cells = row.cells
        return cells[column - 3] if column - 3 < len(cells) else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        fixed = (self.tr("Row"), self.tr("Result"), self.tr("Reason"))
        return fixed[section] if section < 3 else self.headers[section - 3]


class SurveyImportDialog(QDialog):
    """Import survey results onto the open journey (`document`); `path`: a file to start with (else Choose File…
    asks)."""

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyImportDialog")
        self.setWindowTitle(self.tr("Import Survey Results"))
        self.document = document
        self.table: SurveyTable | None = None
        self.preview_result: Preview | None = None
        self.words = {
            Status.VALID: self.tr("valid"),
            Status.INVALID: self.tr("invalid"),
            Status.DUPLICATE: self.tr("duplicate"),
            Status.UNMATCHED: self.tr("unmatched"),
        }
        self.field_names = {
            Field.TOUCHPOINT: self.tr("&Touchpoint (id or title):"),
            Field.PHASE: self.tr("&Phase:"),
            Field.METRIC: self.tr("&Metric (CSAT, NPS, CES, score):"),
            Field.VALUE: self.tr("&Value:"),
            Field.PERSONA: self.tr("P&ersona (name):"),
            Field.DATE: self.tr("&Date:"),
        }

        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.file_label.setObjectName("surveyFile")
        self.choose_button = QPushButton(self.tr("&Choose File…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)

        form = QFormLayout()
        self.boxes: dict[Field, QComboBox] = {}
        for field, text in self.field_names.items():
            box = QComboBox(self)
            box.setObjectName(f"column_{field.value}")
            box.currentIndexChanged.connect(self._update_preview)
            self.boxes[field] = box
            form.addRow(text, box)

        self.keep_unassigned = QCheckBox(self.tr("&Keep unmatched rows as Unassigned"), self)
        self.keep_unassigned.setObjectName("keepUnassigned")
        self.keep_unassigned.toggled.connect(self._update_summary)
        self.summary = QLabel(self)
        self.summary.setObjectName("surveySummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("surveyPreview")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.keep_unassigned)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self._update_summary()
        if path is not None:
            self.load(path)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Survey Results"),
            str(start_folder("import", Path.home())),
            self.tr("Survey results (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if name:
            remember_folder("import", Path(name).parent)
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read `path` and preview it with the columns its headers name."""
        try:
            table = read_survey_file(path)
        except CjmapperError as e:
            self.table = None
            self.file_label.setText(str(e))
            self._update_preview()
            return
        self.table = table
        self.file_label.setText(path.name)
        try:
            found = columns(table.headers, {})
        except CjmapperError:
            found = {}
        for field, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(none)"), -1)
            for i, header in enumerate(table.headers):
                box.addItem(header or self.tr("column {0}").format(i + 1), i)
            box.setCurrentIndex(box.findData(found.get(field, -1)))
            box.blockSignals(False)
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview_result = None
        if self.table is not None:
            chosen = {f: b.currentData() for f, b in self.boxes.items()}
            where = {f: int(i) for f, i in chosen.items() if i is not None and int(i) >= 0}
            try:
                self.preview_result = preview(
                    self.table,
                    self.document.journey,
                    stored=self.document.library.survey_responses(self.document.journey_id),
                    where=where,
                )
            except CjmapperError as e:
                self.summary.setText(str(e))
        self.model.show(self.table.headers if self.table else (), self.preview_result or Preview(()), self.words)
        self._update_summary()

    def _update_summary(self) -> None:
        result = self.preview_result
        if result is None:
            self.apply_button.setEnabled(False)
            if self.table is None:
                self.summary.setText(self.tr("Choose a CSV or XLSX file of survey results."))
            return
        counts = [result.count(s) for s in (Status.VALID, Status.INVALID, Status.DUPLICATE, Status.UNMATCHED)]
        self.summary.setText(
            self.tr("{0} rows: {1} valid, {2} invalid, {3} duplicate, {4} unmatched.").format(len(result.rows), *counts)
        )
        self.apply_button.setEnabled(bool(result.to_store(self.keep_unassigned.isChecked())))

    def apply(self) -> None:
        """Add the rows as one undo step (after a named version); closes the dialog when the library took them."""
        if self.preview_result is None:
            return
        responses = self.preview_result.to_store(self.keep_unassigned.isChecked())
        if responses and self.document.import_survey(responses, version_name()):
            self.accept()

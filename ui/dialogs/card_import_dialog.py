"""File › Import Cards…: a CSV or XLSX sheet of cards (sticky notes transcribed in Excel) read, its columns mapped to
card fields (recognised from English or Dutch headers and from cjmapper's CSV export, changeable), the phases and
lanes it names that the journey lacks listed (created when the box is ticked), and a preview of every row (a new card,
or a problem with its reason) before anything is written. Import adds the cards to the open journey as one undo step,
or makes a new journey from a template holding them (one step of the library's undo history)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cjmapper.card_import.new_journey import new_journey, template_choices
from cjmapper.card_import.plan import applied
from cjmapper.card_import.sheet import CardPreview, Field, preview, read_card_sheet, recognised, require_columns
from cjmapper.errors import CjmapperError
from cjmapper.model import Journey, Language
from cjmapper.sheet_read import SheetTable

from ..editing.document import JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..recent_folders import remember_folder, start_folder

CARD_COLOUR = "#ffffff"
PROBLEM_COLOUR = "#fbe3c8"  # light orange, as the survey preview's invalid rows
CURRENT = "current"
"""The target box's data for the open journey (a template's name for a new journey)."""

Index = QModelIndex | QPersistentModelIndex


class OutcomeModel(QAbstractTableModel):
    """The preview's rows: row number, outcome (new card or problem), the reason or the card's title, and where a
    new card goes (its phase and lane)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.outcomes = CardPreview((), (), ())
        self.phases: dict[int, str] = {}
        self.lanes: dict[int, str] = {}
        self.words = (self.tr("new card"), self.tr("problem"))

    def show(self, result: CardPreview, journey: Journey | None = None) -> None:
        """Show `result`, naming the phases and lanes of `journey` (a new one by its own name)."""
        self.beginResetModel()
        self.outcomes = result
        self.phases = {p.id: p.name for p in journey.phases} if journey is not None else {}
        self.lanes = {lane.id: lane.name for lane in journey.lanes} if journey is not None else {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self.outcomes.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.outcomes.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(CARD_COLOUR if row.card is not None else PROBLEM_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return str(row.row)
        if column == 1:
            return self.words[0] if row.card is not None else self.words[1]
        if column == 2:
            return row.card.title if row.card is not None else row.problem
        if row.card is None:
            return ""
        phase, lane = row.card.phase, row.card.lane
        return " › ".join(
            (
                self.phases.get(phase, str(phase)) if isinstance(phase, int) else phase,
                self.lanes.get(lane, str(lane)) if isinstance(lane, int) else lane,
            )
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Row"), self.tr("Outcome"), self.tr("Card or reason"), self.tr("Phase › lane"))[section]


class CardImportDialog(QDialog):
    """Import a sheet of cards into the open journey (`document`, None when none is open) or a new journey made
    through `library_editor`; `path`: a file to start with (else Choose File… asks)."""

    def __init__(
        self,
        document: JourneyDocument | None,
        library_editor: LibraryEditor,
        language: Language,
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardImportDialog")
        self.setWindowTitle(self.tr("Import Cards"))
        self.document = document
        self.library_editor = library_editor
        self.language = document.journey.language if document is not None else language
        self.table: SheetTable | None = None
        self.path: Path | None = None
        self.outcomes: CardPreview | None = None
        self.new_journey_id: int | None = None
        """The journey Import made (None when the cards went into the open journey, or nothing was imported)."""
        self.field_names = {
            Field.PHASE: self.tr("Phase"),
            Field.LANE: self.tr("Lane"),
            Field.TITLE: self.tr("Title"),
            Field.CHANNEL: self.tr("Channel"),
            Field.SCORE: self.tr("Score"),
            Field.NOTES: self.tr("Notes"),
            Field.OWNER: self.tr("Owner"),
            Field.VOTES: self.tr("Votes"),
            Field.STATUS: self.tr("Status"),
            Field.EXPECTATION: self.tr("Expectation"),
        }

        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.file_label.setObjectName("cardSheetFile")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose File…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)

        self.target = QComboBox(self)
        self.target.setObjectName("cardImportTarget")
        if document is not None:
            self.target.addItem(self.tr("This journey: {0}").format(document.journey.title), CURRENT)
        for name, title in template_choices(self.language):
            self.target.addItem(self.tr("A new journey from the template {0}").format(title), name)
        self.target.currentIndexChanged.connect(self._update_preview)
        target_row = QHBoxLayout()
        target_label = QLabel(self.tr("&Into:"), self)
        target_label.setBuddy(self.target)
        target_row.addWidget(target_label)
        target_row.addWidget(self.target, 1)

        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setObjectName("cardColumnMapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Card field")])
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.boxes: list[QComboBox] = []

        self.create_missing = QCheckBox(self)
        self.create_missing.setObjectName("createMissing")
        self.create_missing.setChecked(True)
        self.create_missing.toggled.connect(self._update_preview)
        self.summary = QLabel(self)
        self.summary.setObjectName("cardImportSummary")
        self.summary.setWordWrap(True)
        self.model = OutcomeModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("cardImportPreview")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("cardImportButton")
        self.import_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(target_row)
        layout.addWidget(self.mapping)
        layout.addWidget(self.create_missing)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 700)
        self._update_preview()
        if path is not None:
            self.load(path)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Cards"),
            str(start_folder("import", Path.home())),
            self.tr("Spreadsheets (*.csv *.xlsx *.tsv *.txt);;All files (*)"),
        )
        if name:
            remember_folder("import", Path(name).parent)
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read `path` (a busy cursor meanwhile) and preview it with the columns its headers name; a file that
        cannot be read is one line in the dialog, and nothing is imported."""
        self.file_label.setText(self.tr("Reading {0}…").format(path.name))
        self.file_label.repaint()  # shown before the read, which a large file makes take a moment
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.table = read_card_sheet(path)
        except CjmapperError as e:
            self.table, self.path = None, None
            self.file_label.setText(str(e))
        else:
            self.path = path
            self.file_label.setText(path.name)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._fill_mapping()
        self._update_preview()

    def _fill_mapping(self) -> None:
        headers = self.table.headers if self.table is not None else ()
        found = {index: field for field, index in recognised(headers).items()}
        self.mapping.setRowCount(len(headers))
        self.boxes = []
        for row, header in enumerate(headers):
            name = QLabel(header or self.tr("column {0}").format(row + 1), self.mapping)
            name.setContentsMargins(6, 0, 6, 0)
            self.mapping.setCellWidget(row, 0, name)
            box = QComboBox(self.mapping)
            box.setObjectName(f"cardColumn{row}")
            box.addItem(self.tr("(ignore)"), None)
            for field, text in self.field_names.items():
                box.addItem(text, field.value)
            chosen = found.get(row)
            box.setCurrentIndex(box.findData(chosen.value) if chosen is not None else 0)
            box.currentIndexChanged.connect(self._update_preview)
            self.mapping.setCellWidget(row, 1, box)
            self.boxes.append(box)

    def columns(self) -> dict[Field, int]:
        """The column chosen for each field (the first box that names it)."""
        chosen: dict[Field, int] = {}
        for index, box in enumerate(self.boxes):
            value = box.currentData()
            if value is not None:
                chosen.setdefault(Field(value), index)
        return chosen

    def target_journey(self) -> Journey:
        """The journey the cards go into: the open one, or the chosen template's (not stored yet)."""
        choice = self.target.currentData()
        if choice == CURRENT and self.document is not None:
            return self.document.journey
        return new_journey(str(choice), self.language, self._new_title())

    def _update_preview(self, *_: object) -> None:
        self.outcomes = None
        message = ""
        every: CardPreview | None = None
        journey: Journey | None = None
        if self.table is not None:
            try:
                where, journey = self.columns(), self.target_journey()
                require_columns(where)
                every = preview(self.table, journey, where)
                create = self.create_missing.isChecked()
                self.outcomes = every if create else preview(self.table, journey, where, create_missing=False)
            except CjmapperError as e:
                message = str(e)
        self.model.show(self.outcomes or CardPreview((), (), ()), journey)
        self._update_missing(every)
        self._update_summary(message)

    def _update_missing(self, every: CardPreview | None) -> None:
        """The box that creates the phases and lanes the journey lacks (`every`: the preview that creates them):
        which ones, shown only when there are any."""
        if every is None or not (every.new_phases or every.new_lanes):
            self.create_missing.hide()
            return
        self.create_missing.show()
        if every.new_phases and every.new_lanes:
            text = self.tr("Create the missing phases ({0}) and lanes ({1})").format(
                ", ".join(every.new_phases), ", ".join(every.new_lanes)
            )
        elif every.new_phases:
            text = self.tr("Create the missing phases: {0}").format(", ".join(every.new_phases))
        else:
            text = self.tr("Create the missing lanes: {0}").format(", ".join(every.new_lanes))
        self.create_missing.setText(text)

    def _update_summary(self, message: str = "") -> None:
        result = self.outcomes
        self.import_button.setEnabled(result is not None and bool(result.cards))
        if result is None:
            self.summary.setText(message or self.tr("Choose a CSV or XLSX file with a card on each row."))
            return
        self.summary.setText(
            self.tr("{0} rows: {1} new cards, {2} problems.").format(
                len(result.rows), len(result.cards), len(result.problems)
            )
        )

    def apply(self) -> None:
        """Import the cards: into the open journey as one undo step, or as a new journey (one step of the library's
        history). Closes the dialog when the library took them; a refusal is the window's one message."""
        result = self.outcomes
        if result is None or not result.cards:
            return
        plan = result.plan()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.target.currentData() == CURRENT and self.document is not None:
                done = self.document.import_cards(plan)
            else:
                journey = applied(self.target_journey(), plan)
                self.new_journey_id = self.library_editor.create(journey, imported=True)
                done = self.new_journey_id is not None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if done:
            self.accept()

    def _new_title(self) -> str:
        """A new journey is named after its file."""
        return (self.path.stem.strip() if self.path is not None else "") or self.tr("Imported cards")

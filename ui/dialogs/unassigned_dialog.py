"""Journey › Unassigned Survey Responses…: the responses an import kept because their row named no card or phase of
the journey, each with the name its row gave, its metric, value, persona and date. A selection of them is assigned to
a card or a phase, or deleted; each is one undo step of the journey, and the list follows every change (undo too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.store.survey_edits import StoredResponse

from ..editing.document import JourneyDocument
from .targets_dialog import METRIC_NAMES

CARD, PHASE = "card", "phase"
"""The choices' data: "card:ID" or "phase:ID"."""


class UnassignedDialog(QDialog):
    """The open journey's Unassigned list (`document`): assign a selection to a card or a phase, or delete it."""

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unassignedDialog")
        self.setWindowTitle(self.tr("Unassigned Survey Responses"))
        self.document = document
        self.responses: list[StoredResponse] = []
        self.count_label = QLabel(self)
        self.count_label.setObjectName("unassignedCount")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("unassignedTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Named in the file"), self.tr("Metric"), self.tr("Value"), self.tr("Persona"), self.tr("Date")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name the file gave: the room left
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.place_box = QComboBox(self)
        self.place_box.setObjectName("unassignedPlace")
        self.place_box.setToolTip(self.tr("The card or phase the selected responses are assigned to"))
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.setObjectName("assignResponses")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteResponses")
        to = QLabel(self.tr("Assign the selection &to:"), self)
        to.setBuddy(self.place_box)
        row = QHBoxLayout()
        row.addWidget(to)
        row.addWidget(self.place_box, 1)
        row.addWidget(self.assign_button)
        row.addWidget(self.delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.assign_button.clicked.connect(self.assign)
        self.delete_button.clicked.connect(self.delete)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        document.changed.connect(self.refresh)
        self.resize(640, 420)
        self.refresh()

    def refresh(self, *_: object) -> None:
        """The list and the cards and phases to choose from, as the library has them now."""
        journey = self.document.journey
        chosen = self.place_box.currentData()
        self.place_box.clear()
        cards = journey.ordered_touchpoints()
        for phase in journey.phases:
            self.place_box.addItem(self.tr("Phase {0}").format(phase.name), f"{PHASE}:{phase.id}")
            for card in cards:
                if card.phase_id == phase.id:
                    self.place_box.addItem(f"    {card.title or self.tr('(untitled)')}", f"{CARD}:{card.id}")
        if chosen is not None and self.place_box.findData(chosen) >= 0:
            self.place_box.setCurrentIndex(self.place_box.findData(chosen))
        try:
            self.responses = self.document.library.unassigned_responses(journey.id)
        except CjmapperError:
            self.responses = []
        self.table.setRowCount(len(self.responses))
        for row, stored in enumerate(self.responses):
            r = stored.response
            cells = (r.unassigned or "", METRIC_NAMES[r.metric], str(r.value), r.persona or "", r.answered_on or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        count = len(self.responses)
        self.count_label.setText(
            self.tr("1 response named no card or phase of this journey.")
            if count == 1
            else self.tr("{0} responses named no card or phase of this journey.").format(count)
        )
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.responses[r].id for r in rows if r < len(self.responses)]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        self.assign_button.setEnabled(chosen and self.place_box.count() > 0)
        self.delete_button.setEnabled(chosen)

    def assign(self) -> None:
        ids, place = self.selected_ids(), self.place_box.currentData()
        if not ids or place is None:
            return
        kind, _, place_id = str(place).partition(":")
        if kind == CARD:
            self.document.assign_survey_responses(ids, touchpoint_id=int(place_id))
        else:
            self.document.assign_survey_responses(ids, phase_id=int(place_id))

    def delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.document.delete_survey_responses(ids)

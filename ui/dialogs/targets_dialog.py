"""Journey › Survey Targets…: each phase's target per survey metric (CSAT as a share, NPS -100 to 100, CES and score
as averages), with whether higher or lower is better. Setting or clearing one is an undo step of the journey; the
heat view colours by them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.survey.kinds import SCALES, Metric, figure_text

from ..editing.document import JourneyDocument
from ..i18n import ui_language

METRIC_NAMES = {Metric.CSAT: "CSAT", Metric.NPS: "NPS", Metric.CES: "CES", Metric.SCORE: "score"}
STEPS = {Metric.CSAT: 0.05, Metric.NPS: 5.0, Metric.CES: 0.1, Metric.SCORE: 0.1}
DEFAULTS = {Metric.CSAT: 0.8, Metric.NPS: 30.0, Metric.CES: 5.0, Metric.SCORE: 4.0}


class TargetsDialog(QDialog):
    """The open journey's survey targets (`document`), set and cleared as undo steps."""

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Survey Targets"))
        self.document = document
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("targetsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Phase"), self.tr("Metric"), self.tr("Target"), self.tr("Better")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.phase_box = QComboBox(self)
        self.phase_box.setObjectName("targetPhase")
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("targetMetric")
        for metric, name in METRIC_NAMES.items():
            self.metric_box.addItem(name, metric.value)
        self.value_box = QDoubleSpinBox(self)
        self.value_box.setObjectName("targetValue")
        self.direction_box = QComboBox(self)
        self.direction_box.setObjectName("targetDirection")
        self.direction_box.addItem(self.tr("Higher is better"), True)
        self.direction_box.addItem(self.tr("Lower is better"), False)
        self.set_button = QPushButton(self.tr("&Set Target"), self)
        self.clear_button = QPushButton(self.tr("C&lear Target"), self)
        form = QFormLayout()
        form.addRow(self.tr("&Phase:"), self.phase_box)
        form.addRow(self.tr("&Metric:"), self.metric_box)
        form.addRow(self.tr("&Target:"), self.value_box)
        form.addRow(self.tr("&Better:"), self.direction_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.clear_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.metric_box.currentIndexChanged.connect(self._metric_chosen)
        self.set_button.clicked.connect(self.set_target)
        self.clear_button.clicked.connect(self.clear_target)
        document.changed.connect(self.refresh)
        self.resize(520, 460)
        self._metric_chosen()
        self.refresh()

    @property
    def chosen_metric(self) -> Metric:
        return Metric(str(self.metric_box.currentData()))

    def _metric_chosen(self) -> None:
        metric = self.chosen_metric
        scale = SCALES[metric]
        self.value_box.setDecimals(scale.digits if scale.digits else 0)
        self.value_box.setRange(scale.figure_low, scale.figure_high)
        self.value_box.setSingleStep(STEPS[metric])
        self.value_box.setValue(DEFAULTS[metric])
        self.direction_box.setCurrentIndex(1 if metric is Metric.CES else 0)

    def refresh(self, *_: object) -> None:
        """The phases to choose from and the targets set, as the library has them now."""
        journey = self.document.journey
        chosen = self.phase_box.currentData()
        self.phase_box.clear()
        for phase in journey.phases:
            self.phase_box.addItem(phase.name, phase.id)
        if chosen is not None and self.phase_box.findData(chosen) >= 0:
            self.phase_box.setCurrentIndex(self.phase_box.findData(chosen))
        names = {p.id: p.name for p in journey.phases}
        try:
            targets = [t for t in self.document.library.survey_targets(journey.id) if t.phase_id in names]
        except CjmapperError:
            targets = []
        order = {p.id: i for i, p in enumerate(journey.phases)}
        targets.sort(key=lambda t: (order[t.phase_id], list(Metric).index(t.metric)))
        self.table.setRowCount(len(targets))
        language = ui_language()
        for row, t in enumerate(targets):
            better = self.tr("higher") if t.higher_is_better else self.tr("lower")
            cells = (names[t.phase_id], METRIC_NAMES[t.metric], figure_text(t.metric, t.value, language), better)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def set_target(self) -> None:
        phase_id = self.phase_box.currentData()
        if phase_id is not None:
            higher = bool(self.direction_box.currentData())
            self.document.set_survey_target(int(phase_id), self.chosen_metric, self.value_box.value(), higher)

    def clear_target(self) -> None:
        phase_id = self.phase_box.currentData()
        if phase_id is not None:
            self.document.set_survey_target(int(phase_id), self.chosen_metric, None, True)

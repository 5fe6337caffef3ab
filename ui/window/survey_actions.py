"""The window's survey actions: File › Import Survey Results… (the dialog of `ui.dialogs.survey_dialog`), Journey ›
Survey Targets… (`ui.dialogs.targets_dialog`), Journey › Unassigned Survey Responses… (`ui.dialogs.unassigned_dialog`)
and View › Heat View, which colours the open journey's cells and cards by how far they are from their targets
(`ui.canvas.heat_items`), read again from the library after every change of the journey while it is on."""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from cjmapper.editing import Change
from cjmapper.errors import CjmapperError
from cjmapper.survey.heat import marks
from cjmapper.survey.metrics import journey_figures

from ..canvas import JourneyScene
from ..canvas.heat_items import HeatCardsItem, HeatCellsItem
from ..dialogs.survey_dialog import SurveyImportDialog
from ..dialogs.targets_dialog import TargetsDialog
from ..dialogs.unassigned_dialog import UnassignedDialog
from ..editing.document import JourneyDocument


class SurveyWindow(Protocol):
    """What of the main window the survey actions need."""

    document: JourneyDocument | None

    def show_error(self, text: str) -> None: ...


class SurveyActions(QObject):
    def __init__(self, window: SurveyWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.import_action = QAction(self.tr("Import &Survey Results…"), parent)
        self.import_action.setObjectName("importSurveyAction")
        self.import_action.triggered.connect(self.import_survey)
        self.heat_action = QAction(self.tr("&Heat View"), parent)
        self.heat_action.setObjectName("heatViewAction")
        self.heat_action.setCheckable(True)
        self.heat_action.setToolTip(
            self.tr("Colour cells and cards by how far their survey figures are from the phase's targets")
        )
        self.heat_action.toggled.connect(self._toggle)
        self.targets_action = QAction(self.tr("Survey &Targets…"), parent)
        self.targets_action.setObjectName("surveyTargetsAction")
        self.targets_action.triggered.connect(self.edit_targets)
        self.targets_dialog: TargetsDialog | None = None
        self.unassigned_action = QAction(self.tr("&Unassigned Survey Responses…"), parent)
        self.unassigned_action.setObjectName("unassignedResponsesAction")
        self.unassigned_action.triggered.connect(self.show_unassigned)
        self.unassigned_dialog: UnassignedDialog | None = None
        self.dialog: SurveyImportDialog | None = None
        self._scene: JourneyScene | None = None
        self._document: JourneyDocument | None = None
        self._items: tuple[HeatCellsItem, HeatCardsItem] | None = None

    def update_actions(self, has_journey: bool) -> None:
        self.import_action.setEnabled(has_journey)
        self.heat_action.setEnabled(has_journey)
        self.targets_action.setEnabled(has_journey)
        self.unassigned_action.setEnabled(has_journey)

    def import_survey(self) -> None:
        document = self.window.document
        if document is None:
            return
        self.dialog = SurveyImportDialog(document, self.parent_widget)
        self.dialog.open()

    def edit_targets(self) -> None:
        document = self.window.document
        if document is None:
            return
        if self.targets_dialog is not None:
            self.targets_dialog.close()
        self.targets_dialog = TargetsDialog(document, self.parent_widget)
        self.targets_dialog.open()

    def show_unassigned(self) -> None:
        document = self.window.document
        if document is None:
            return
        if self.unassigned_dialog is not None:
            self.unassigned_dialog.close()
        self.unassigned_dialog = UnassignedDialog(document, self.parent_widget)
        self.unassigned_dialog.open()

    def scene_shown(self, scene: JourneyScene | None, document: JourneyDocument | None) -> None:
        """The canvas shows `scene` of `document` now (None: no journey). A survey dialog open on another journey (the
        open one was deleted or replaced, by a teammate on a team library) closes: it would edit a journey no longer
        shown."""
        for dialog in (self.dialog, self.targets_dialog, self.unassigned_dialog):
            if (
                dialog is not None
                and shiboken6.isValid(dialog)
                and dialog.isVisible()
                and dialog.document is not document
            ):
                dialog.reject()
        self._drop()
        self._scene, self._document = scene, document
        if document is not None:
            document.changed.connect(self._changed)
        self._show()

    def _toggle(self, _on: bool) -> None:
        self._show()

    def _changed(self, _change: Change) -> None:
        self._show()

    def _drop(self) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        if self._items is not None and self._scene is not None:
            for item in self._items:
                self._scene.removeItem(item)
        self._items = None

    def _show(self) -> None:
        scene, document = self._scene, self._document
        if scene is None or document is None:
            return
        if not self.heat_action.isChecked():
            if self._items is not None:
                for item in self._items:
                    scene.removeItem(item)
                self._items = None
            return
        try:
            library = document.library
            journey = document.journey
            figures = journey_figures(journey, library.survey_responses(journey.id), library.survey_targets(journey.id))
        except CjmapperError as e:
            self.window.show_error(str(e))
            return
        cards, phases = marks(figures, journey.language)
        if self._items is None:
            self._items = (HeatCellsItem(lambda: scene.layout), HeatCardsItem(lambda: scene.layout))
            for item in self._items:
                scene.addItem(item)
        for item in self._items:
            item.set_marks(cards, phases)

"""The window's template action: Journey › Save as Template… saves the open journey's structure (and, when asked,
its cards) as a template of the user's own (ui.dialogs.save_template_dialog); the New Journey dialog lists it beside
the built-in ones."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..dialogs.save_template_dialog import SaveTemplateDialog
from ..editing.document import JourneyDocument


class TemplateWindow(Protocol):
    """What of the main window the template action needs."""

    document: JourneyDocument | None

    def show_notice(self, text: str) -> None: ...


class TemplateActions(QObject):
    def __init__(self, window: TemplateWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.save_action = QAction(self.tr("Save as &Template…"), parent)
        self.save_action.setObjectName("saveAsTemplateAction")
        self.save_action.setToolTip(self.tr("Keep this journey's phases, lanes and personas as a template of your own"))
        self.save_action.triggered.connect(self.save_as_template)
        self.dialog: SaveTemplateDialog | None = None

    def update_actions(self, has_journey: bool) -> None:
        self.save_action.setEnabled(has_journey)

    def save_as_template(self) -> None:
        document = self.window.document
        if document is None:
            return
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = SaveTemplateDialog(document.journey, self.parent_widget)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def _saved(self) -> None:
        if self.dialog is not None and self.dialog.saved is not None:
            self.window.show_notice(
                self.tr("Saved as the template “{0}”; Journey › New… lists it.").format(self.dialog.saved.name)
            )

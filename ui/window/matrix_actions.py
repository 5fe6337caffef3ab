"""The window's matrix action: Journey › Prioritise…, the open journey's impact/effort matrix
(`ui.dialogs.matrix_dialog`), one dialog at a time, closed when another journey is shown."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..dialogs.matrix_dialog import MatrixDialog
from ..editing.document import JourneyDocument


class MatrixWindow(Protocol):
    """What of the main window the matrix action needs."""

    document: JourneyDocument | None


class MatrixActions(QObject):
    def __init__(self, window: MatrixWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.prioritise_action = QAction(self.tr("&Prioritise…"), parent)
        self.prioritise_action.setObjectName("prioritiseAction")
        self.prioritise_action.setToolTip(
            self.tr("Place the opportunities and pain points on an impact/effort matrix, sized by their votes")
        )
        self.prioritise_action.triggered.connect(self.prioritise)
        self.dialog: MatrixDialog | None = None

    def update_actions(self, has_journey: bool) -> None:
        self.prioritise_action.setEnabled(has_journey)
        document = self.window.document
        if self.dialog is not None and (document is None or self.dialog.document is not document):
            self.close()

    def prioritise(self) -> None:
        document = self.window.document
        if document is None:
            return
        if self.dialog is not None and self.dialog.document is document:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.close()
        self.dialog = MatrixDialog(document, self.parent_widget)
        self.dialog.show()

    def close(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.detach()
            dialog.close()
            dialog.deleteLater()

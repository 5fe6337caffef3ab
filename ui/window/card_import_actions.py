"""The window's card import: File › Import Cards… (the dialog of `ui.dialogs.card_import_dialog`), which adds the
cards of a CSV or XLSX sheet to the open journey as one undo step, or makes a new journey of them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..dialogs.card_import_dialog import CardImportDialog
from ..editing.document import JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..i18n import ui_language


class CardImportWindow(Protocol):
    """What of the main window the card import needs."""

    document: JourneyDocument | None
    library_editor: LibraryEditor


class CardImportActions(QObject):
    def __init__(self, window: CardImportWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.import_action = QAction(self.tr("Import &Cards…"), parent)
        self.import_action.setObjectName("importCardsAction")
        self.import_action.setToolTip(self.tr("Add cards from a CSV or XLSX file: one card on each row"))
        self.import_action.triggered.connect(lambda: self.import_cards())
        self.dialog: CardImportDialog | None = None

    def import_cards(self, path: Path | None = None) -> CardImportDialog:
        """Open the dialog (on `path`, when given); returns it."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = CardImportDialog(
            self.window.document, self.window.library_editor, ui_language(), self.parent_widget, path
        )
        self.dialog.open()
        return self.dialog

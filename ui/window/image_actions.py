"""The window's photo actions: Journey › Wall Photo… (the dialog of `ui.dialogs.wall_photo_dialog`). A card's photo
is attached from its context menu, by dropping or pasting onto it (`ui.canvas.card_images`) and in the properties
panel (`ui.panels.card_image`)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..dialogs.wall_photo_dialog import WallPhotoDialog
from ..editing.document import JourneyDocument


class ImageWindow(Protocol):
    """What of the main window the photo actions need."""

    document: JourneyDocument | None


class ImageActions(QObject):
    def __init__(self, window: ImageWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.wall_photo_action = QAction(self.tr("&Wall Photo…"), parent)
        self.wall_photo_action.setObjectName("wallPhotoAction")
        self.wall_photo_action.setToolTip(self.tr("A photo of the workshop's wall, printed on the poster's back page"))
        self.wall_photo_action.triggered.connect(self.show_wall_photo)
        self.dialog: WallPhotoDialog | None = None

    def show_wall_photo(self) -> WallPhotoDialog | None:
        document = self.window.document
        if document is None:
            return None
        if self.dialog is not None and self.dialog.document is not document:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.dialog is None:
            self.dialog = WallPhotoDialog(document, self.parent_widget)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

"""The window's photo actions: Journey › Wall Photo… (shows the Wall Photo panel, `ui.panels.wall_photo`, which
follows the journey shown). A card's photo is attached from its context menu, by dropping or pasting onto it
(`ui.canvas.card_images`) and in the properties panel (`ui.panels.card_image`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..editing.document import JourneyDocument
from ..panels.wall_photo import WallPhotoPanel


class ImageActions(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = WallPhotoPanel(parent)
        self.show_panel: Callable[[], None] = lambda: None
        """Shows and raises the panel's dock (the window sets it)."""
        self.wall_photo_action = QAction(self.tr("&Wall Photo…"), parent)
        self.wall_photo_action.setObjectName("wallPhotoAction")
        self.wall_photo_action.setToolTip(self.tr("A photo of the workshop's wall, printed on the poster's back page"))
        self.wall_photo_action.triggered.connect(self.show_wall_photo)

    def show_wall_photo(self) -> WallPhotoPanel:
        """Journey › Wall Photo…: the panel, shown and in front."""
        self.show_panel()
        return self.panel

    def document_shown(self, document: JourneyDocument | None) -> None:
        """The window shows `document` now (None: no journey)."""
        self.panel.set_document(document)
        self.wall_photo_action.setEnabled(document is not None)

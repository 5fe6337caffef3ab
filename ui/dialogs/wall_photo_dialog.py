"""Journey › Wall Photo…: the photo of the workshop's wall that a journey keeps, shown large, with Set…/Replace…
and Remove (each one undo step through the document); the poster prints it on its back page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cjmapper.editing import Change
from cjmapper.images import ImageError, read_image_file
from cjmapper.model import ImageRef

from ..canvas.card_images import choose_image
from ..canvas.thumbnails import decoded
from ..editing.document import JourneyDocument

SHOWN_SIDE = 560
"""The longer side the photo is shown at, pixels."""


class WallPhotoDialog(QDialog):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallPhotoDialog")
        self.setWindowTitle(self.tr("Wall Photo"))
        self.document = document
        self._shown: ImageRef | None = None
        self.picture = QLabel(self)
        self.picture.setObjectName("wallPhotoPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 200)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.set_button = QPushButton(self)
        self.set_button.setObjectName("wallPhotoSet")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("wallPhotoRemove")
        buttons.addButton(self.set_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.set_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self.document.set_wall_photo(None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        document.changed.connect(self._changed)
        document.failed.connect(self.message.setText)
        self.show_photo()

    def _changed(self, _change: Change) -> None:
        self.show_photo()

    def show_photo(self) -> None:
        photo = self.document.journey.wall_photo
        self.set_button.setText(self.tr("Set Photo…") if photo is None else self.tr("Replace Photo…"))
        self.remove_button.setEnabled(photo is not None)
        if photo == self._shown and photo is not None:
            return
        self._shown = photo
        if photo is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(
                self.tr("No wall photo yet. Add a photo of the workshop's wall; the poster prints it on its back page.")
            )
            return
        try:
            pixmap = decoded(self.document.library.image_data(photo.id), photo.width, photo.height, SHOWN_SIDE)
        except Exception:  # a damaged or vanished image: nothing to show
            pixmap = None
        if pixmap is None:
            self.picture.setText(self.tr("The wall photo cannot be shown."))
        else:
            self.picture.setPixmap(pixmap)
            self.adjustSize()  # the whole photo in view

    def choose(self) -> bool:
        """Set the wall photo from a file the user picks (one undo step); a refused picture gives one message."""
        path = choose_image(self, self.tr("Wall Photo"))
        if path is None:
            return False
        try:
            prepared = read_image_file(path)
        except ImageError as e:
            self.message.setText(str(e))
            return False
        self.message.clear()
        return self.document.set_wall_photo(prepared)

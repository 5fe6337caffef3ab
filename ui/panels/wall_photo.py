"""The Wall Photo panel (View › Wall Photo, Journey › Wall Photo…): the photo of the workshop's wall that the open
journey keeps, shown as large as the panel allows, with Set…/Replace… and Remove (each one undo step through the
document); the poster prints it on its back page. It follows the journey shown (`set_document`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from cjmapper.editing import Change
from cjmapper.images import ImageError, read_image_file
from cjmapper.model import ImageRef

from ..canvas.card_images import choose_image
from ..canvas.thumbnails import decoded
from ..editing.document import JourneyDocument

SHOWN_SIDE = 1024
"""The longest side the photo is decoded at for the panel, pixels (it is scaled to the panel from that)."""
SMALLEST_SIDE = 160


class WallPhotoPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallPhotoPanel")
        self.document: JourneyDocument | None = None
        self._shown: ImageRef | None = None
        self.picture = QLabel(self)
        self.picture.setObjectName("wallPhotoPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setMinimumSize(160, 120)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.set_button = QPushButton(self)
        self.set_button.setObjectName("wallPhotoSet")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("wallPhotoRemove")
        self.set_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.show_photo()

    def set_document(self, document: JourneyDocument | None) -> None:
        """Show `document`'s wall photo (None: no journey open), and follow its edits."""
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
            self.document.failed.disconnect(self.message.setText)
        self.document = document
        self._shown = None
        self.message.clear()
        if document is not None:
            document.changed.connect(self._changed)
            document.failed.connect(self.message.setText)
        self.show_photo()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._shown = None  # scaled anew to the panel's size
        self.show_photo()

    def remove(self) -> bool:
        return self.document is not None and self.document.set_wall_photo(None)

    def _changed(self, _change: Change) -> None:
        self.show_photo()

    def show_photo(self) -> None:
        photo = self.document.journey.wall_photo if self.document is not None else None
        self.set_button.setText(self.tr("Set Photo…") if photo is None else self.tr("Replace Photo…"))
        self.set_button.setEnabled(self.document is not None)
        self.remove_button.setEnabled(photo is not None)
        if photo == self._shown and photo is not None:
            return
        self._shown = photo
        if photo is None or self.document is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(
                self.tr("No wall photo yet. Add a photo of the workshop's wall; the poster prints it on its back page.")
            )
            return
        side = max(SMALLEST_SIDE, min(SHOWN_SIDE, max(self.picture.width(), self.picture.height())))
        try:
            pixmap = decoded(self.document.library.image_data(photo.id), photo.width, photo.height, side)
        except Exception:  # a damaged or vanished image: nothing to show
            pixmap = None
        if pixmap is None:
            self.picture.setText(self.tr("The wall photo cannot be shown."))
            return
        shown = pixmap.scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(shown if not shown.isNull() else pixmap)

    def choose(self) -> bool:
        """Set the wall photo from a file the user picks (one undo step); a refused picture gives one message."""
        if self.document is None:
            return False
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

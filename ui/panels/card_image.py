"""The properties panel's photo of the selected card: shown larger than on the card, with Attach…/Replace… and
Remove, each one undo step through the document (a refused picture gives the document's one message)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cjmapper.model import ImageRef, Touchpoint

from ..canvas.card_images import attach_file, choose_image
from ..canvas.thumbnails import decoded
from ..editing.document import JourneyDocument

SHOWN_WIDTH = 200
"""The photo's width in the panel, pixels (its height follows the picture, at most as much again)."""


class CardImageView(QWidget):
    """The card's photo and its buttons; `show_card` loads a card (its picture is read only when it changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardImage")
        self._document: JourneyDocument | None = None
        self._card_id: int | None = None
        self._shown: ImageRef | None = None
        self.picture = QLabel(self)
        self.picture.setObjectName("cardImagePicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attach = QPushButton(self.tr("Attach Image…"), self)
        self.attach.setObjectName("cardImageAttach")
        self.remove = QPushButton(self.tr("Remove Image"), self)
        self.remove.setObjectName("cardImageRemove")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addLayout(buttons)
        self.attach.clicked.connect(self._attach)
        self.remove.clicked.connect(self._remove)

    def show_card(self, document: JourneyDocument | None, card: Touchpoint | None) -> None:
        self._document = document
        self._card_id = None if card is None else card.id
        image = None if card is None else card.image
        self.attach.setText(self.tr("Attach Image…") if image is None else self.tr("Replace Image…"))
        self.remove.setEnabled(image is not None)
        if image == self._shown and (image is None or not self.picture.pixmap().isNull()):
            return
        self._shown = image
        pixmap = None
        if image is not None and document is not None:
            try:
                data = document.library.image_data(image.id)
            except Exception:  # a damaged or vanished image: nothing to show
                data = b""
            side = max(SHOWN_WIDTH, round(SHOWN_WIDTH * image.height / max(image.width, 1)))
            pixmap = decoded(data, image.width, image.height, min(side, 2 * SHOWN_WIDTH) * 2) if data else None
        if pixmap is None:
            self.picture.clear()
            self.picture.hide()
            return
        ratio = self.devicePixelRatioF()
        shown = pixmap.scaled(
            round(SHOWN_WIDTH * ratio),
            round(2 * SHOWN_WIDTH * ratio),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        shown.setDevicePixelRatio(ratio)
        self.picture.setPixmap(shown)
        self.picture.show()

    def shown_pixmap(self) -> QPixmap:
        return self.picture.pixmap()

    def _attach(self) -> None:
        if self._document is None or self._card_id is None:
            return
        path = choose_image(self, self.tr("Attach Image"))
        if path is not None:
            attach_file(self._document, self._card_id, path)

    def _remove(self) -> None:
        if self._document is not None and self._card_id is not None:
            self._document.set_card_image(self._card_id, None)

"""The cards' photos as the canvas draws them: each image's small copy (`Library.image_thumbnail`) read from the
library the first time a card showing it is painted (never with the journey), decoded and kept by image id."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImageReader, QPixmap

from cjmapper import images
from cjmapper.model import ImageRef

THUMBNAIL_SIDE = images.THUMBNAIL_SIDE


class Thumbnails:
    """Decoded thumbnails by image id; `read` gives an image's small copy (`Library.image_thumbnail`)."""

    def __init__(self, read: Callable[[int], bytes]) -> None:
        self._read = read
        self._pixmaps: dict[int, QPixmap | None] = {}

    def pixmap(self, image: ImageRef) -> QPixmap | None:
        """The image at thumbnail size (None: it cannot be read)."""
        if image.id not in self._pixmaps:
            self._pixmaps[image.id] = _decoded(self._read, image)
        return self._pixmaps[image.id]


def decoded(data: bytes, width: int, height: int, side: int = THUMBNAIL_SIDE) -> QPixmap | None:
    """Image bytes decoded with their longer side at most `side` (a JPEG is decoded at that scale, not whole)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    scale = min(1.0, side / max(width, height, 1))
    reader.setScaledSize(QSize(max(1, round(width * scale)), max(1, round(height * scale))))
    picture = reader.read()
    return None if picture.isNull() else QPixmap.fromImage(picture)


def _decoded(read: Callable[[int], bytes], image: ImageRef) -> QPixmap | None:
    try:
        data = read(image.id)
    except Exception:  # a damaged or vanished image: the card shows no photo, the map still draws
        return None
    return decoded(data, image.width, image.height)

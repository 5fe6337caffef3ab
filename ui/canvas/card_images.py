"""Photos brought onto cards: a PNG or JPEG file dropped on a card, image data pasted from the clipboard onto the
selected card, or a file chosen with Attach Image…. Whatever comes in goes through the core's safe intake
(`cjmapper.images.prepare`: PNG and JPEG only, bombs refused, cleaned and bounded) and becomes one undo step
(`JourneyDocument.set_card_image`); a refused image gives one message (the document's `failed`) and changes
nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from cjmapper.file_kinds import JOURNEY_SUFFIX, LIBRARY_SUFFIX
from cjmapper.hit_test import cards_in
from cjmapper.images import MAX_FILE_BYTES, ImageError, prepare, read_image_file
from cjmapper.layout import Layout

from ..editing.document import JourneyDocument
from ..recent_folders import remember_folder, start_folder
from .painting import tr

_RAW_TYPES = ("image/png", "image/jpeg")
"""Clipboard and drag formats whose bytes are taken as they are (the intake checks them); other image data Qt
decodes (`hasImage`) is taken as a PNG of it."""


def local_file(data: QMimeData | None) -> Path | None:
    """The one local file a drag carries (None: none, or several)."""
    if data is None or not data.hasUrls():
        return None
    files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
    return Path(files[0]) if len(files) == 1 else None


def image_bytes(data: QMimeData | None) -> bytes | None:
    """The image data a clipboard or drag holds (not a file), as bytes for the intake; None: none."""
    if data is None:
        return None
    for kind in _RAW_TYPES:
        if data.hasFormat(kind):
            raw = bytes(data.data(kind).data())
            if raw:
                return raw
    if not data.hasImage():
        return None
    picture = data.imageData()
    if not isinstance(picture, QImage) or picture.isNull():
        return None
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the name as text, its stub bytes
    return bytes(array.data()) if array.size() <= MAX_FILE_BYTES else None


def picture_file(data: QMimeData | None) -> bool:
    """Whether a drag brings one local file that is no library or journey file (those the window opens): a
    picture for a card, by its name only to route the drop; the intake then reads what it really is."""
    path = local_file(data)
    return path is not None and path.suffix.lower() not in (LIBRARY_SUFFIX, JOURNEY_SUFFIX)


def carries_image(data: QMimeData | None) -> bool:
    """Whether a drag may bring a photo (a single local file, or image data): the drop decides."""
    return local_file(data) is not None or image_bytes(data) is not None


def card_at(layout: Layout, x: float, y: float) -> int | None:
    """The card under a scene point (None: none)."""
    for card_id in cards_in(layout, x, y, x + 0.01, y + 0.01):
        if layout.cards[card_id].rect.contains(x, y):
            return card_id
    return None


def attach_file(document: JourneyDocument, card_id: int, path: Path) -> bool:
    """Attach the picture in `path` to the card (one undo step); False, with one message, when it is refused."""
    try:
        prepared = read_image_file(path)
    except ImageError as e:
        document.failed.emit(str(e))
        return False
    return document.set_card_image(card_id, prepared)


def attach_data(document: JourneyDocument, card_id: int, data: bytes) -> bool:
    """Attach image bytes (a paste) to the card (one undo step); False, with one message, when refused."""
    try:
        prepared = prepare(data)
    except ImageError as e:
        document.failed.emit(str(e))
        return False
    return document.set_card_image(card_id, prepared)


def attach_mime(document: JourneyDocument, card_id: int, data: QMimeData | None) -> bool:
    """Attach what a drop or paste brings (a file, else image data) to the card."""
    path = local_file(data)
    if path is not None:
        return attach_file(document, card_id, path)
    raw = image_bytes(data)
    return raw is not None and attach_data(document, card_id, raw)


def choose_image(parent: QWidget | None, title: str) -> Path | None:
    """A picture file the user picks (None: cancelled); the folder is remembered for next time."""
    suggested = start_folder("image", Path.home())
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(suggested), tr("Pictures (*.png *.jpg *.jpeg);;All files (*)")
    )
    if not name:
        return None
    path = Path(name)
    remember_folder("image", path.parent)
    return path

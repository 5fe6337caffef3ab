"""The edit API of images, which `Library` inherits through `JourneyEdits`: a card's photo and a journey's wall
photo, each edit one transaction that bumps the journey's revision and returns what its inverse needs (the image it
replaced, to give back to the same method). An image comes in as a `PreparedImage` (through `cjmapper.images`'
safe intake) or as an `ImageRef` this library already holds (an undo); its bytes are read one image at a time
(`image_data`), never with the journey."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from sqlalchemy.engine import Connection

from cjmapper.images import PreparedImage
from cjmapper.model import ImageRef
from cjmapper.store import image_rows, reading
from cjmapper.store.results import Revised

Given = PreparedImage | ImageRef | None
"""An image to show: new bytes (stored once), one the library holds, or none."""


class ImageEdits:
    """Image edits; the library supplies the transactions and `_touch` (see `JourneyEdits`)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    @staticmethod
    def _touch(
        conn: Connection, journey_id: int, expected_revision: int | None = None, cards: Sequence[int] | None = None
    ) -> int:
        raise NotImplementedError

    def set_card_image(
        self, card_id: int, image: Given, *, expected_revision: int | None = None
    ) -> Revised[ImageRef | None]:
        """Attach `image` to a card, replacing its photo (None: remove it). Returns the photo it had (None: none),
        which undoes this given back."""
        with self._write() as conn:
            journey_id = reading.journey_of(conn, "touchpoint", card_id)
            previous = image_rows.card_image(conn, card_id)
            image_rows.write_card_image(conn, card_id, _here(conn, image))
            return Revised(previous, self._touch(conn, journey_id, expected_revision, [card_id]))

    def set_wall_photo(
        self, journey_id: int, image: Given, *, expected_revision: int | None = None
    ) -> Revised[ImageRef | None]:
        """Set the journey's wall photo (None: remove it). Returns the one it had (None: none), which undoes this
        given back."""
        with self._write() as conn:
            previous = image_rows.wall_photo(conn, journey_id)
            revision = self._touch(conn, journey_id, expected_revision)
            image_rows.write_wall_photo(conn, journey_id, _here(conn, image))
            return Revised(previous, revision)

    def card_image(self, card_id: int) -> ImageRef | None:
        """The card's photo as the library holds it (None: none)."""
        with self._read() as conn:
            return image_rows.card_image(conn, card_id)

    def wall_photo(self, journey_id: int) -> ImageRef | None:
        """The journey's wall photo as the library holds it (None: none)."""
        with self._read() as conn:
            return image_rows.wall_photo(conn, journey_id)

    def store_image(self, image: PreparedImage) -> ImageRef:
        """Store an image without showing it anywhere yet (stored once: the same bytes give the same image)."""
        with self._write() as conn:
            return image_rows.store(conn, image)

    def image_data(self, image_id: int) -> bytes:
        """An image's bytes (a cleaned PNG or JPEG of at most `cjmapper.images.MAX_BYTES`)."""
        with self._read() as conn:
            return image_rows.data(conn, image_id)

    def image_thumbnail(self, image_id: int) -> bytes:
        """The small copy of an image (at most `cjmapper.images.THUMBNAIL_SIDE` pixels), for the canvas."""
        with self._read() as conn:
            return image_rows.data(conn, image_id, small=True)


def _here(conn: Connection, image: Given) -> ImageRef | None:
    if image is None:
        return None
    if isinstance(image, PreparedImage):
        return image_rows.store(conn, image)
    return image_rows.require(conn, image)

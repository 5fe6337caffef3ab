"""The rows of the library's images: stored once by digest, named by cards (`card_images`) and journeys
(`wall_photos`), read as `ImageRef`s (never their bytes) with a journey, and their bytes one image at a time.

Runs inside the caller's transaction; the edit API (`image_edits`) bumps the journey's revision."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.engine import Connection

from cjmapper.errors import NotFoundError
from cjmapper.images import MAX_SIDE, PreparedImage, with_thumbnail
from cjmapper.messages import say
from cjmapper.model import ImageRef, Journey, Touchpoint
from cjmapper.store.tables import CARD_IMAGES, IMAGES, TOUCHPOINTS, WALL_PHOTOS

_REF_COLUMNS = (IMAGES.c.id, IMAGES.c.format, IMAGES.c.width, IMAGES.c.height)
_CARD_REFS = (
    select(CARD_IMAGES.c.touchpoint_id, *_REF_COLUMNS)
    .join(IMAGES, IMAGES.c.id == CARD_IMAGES.c.image_id)
    .join(TOUCHPOINTS, TOUCHPOINTS.c.id == CARD_IMAGES.c.touchpoint_id)
    .where(TOUCHPOINTS.c.journey_id == bindparam("journey_id"))
)
_WALL_REF = (
    select(*_REF_COLUMNS)
    .join(WALL_PHOTOS, WALL_PHOTOS.c.image_id == IMAGES.c.id)
    .where(WALL_PHOTOS.c.journey_id == bindparam("journey_id"))
)
_FORMATS = ("png", "jpeg")


def _ref(row: Any) -> ImageRef | None:
    """The row's image, or None when its facts are not those of a stored image (a forged row: shown as no image)."""
    image_id, kind, width, height = row[-4:]
    if kind not in _FORMATS or not all(type(n) is int and 0 < n <= MAX_SIDE for n in (width, height)):
        return None
    return ImageRef(int(image_id), str(kind), int(width), int(height))


def attach(conn: Connection, journey_id: int, journey: Journey) -> None:
    """Give a journey read without them its cards' images and its wall photo (their facts: one small query each)."""
    rows = conn.execute(_CARD_REFS, {"journey_id": journey_id}).all()
    if rows:
        by_id = {card.id: card for card in journey.touchpoints}
        for row in rows:
            card = by_id.get(row.touchpoint_id)
            if card is not None:
                card.image = _ref(row)
    wall = conn.execute(_WALL_REF, {"journey_id": journey_id}).one_or_none()
    journey.wall_photo = None if wall is None else _ref(wall)


def attach_to_cards(conn: Connection, cards: Sequence[Touchpoint]) -> None:
    """Give `cards` (read without them) their images, for a card's undo to put back."""
    if not cards:
        return
    by_id = {card.id: card for card in cards}
    rows = conn.execute(
        select(CARD_IMAGES.c.touchpoint_id, *_REF_COLUMNS)
        .join(IMAGES, IMAGES.c.id == CARD_IMAGES.c.image_id)
        .where(CARD_IMAGES.c.touchpoint_id.in_(list(by_id)))
    ).all()
    for row in rows:
        by_id[row.touchpoint_id].image = _ref(row)


def detach(conn: Connection, cards: Sequence[Touchpoint]) -> None:
    """Give cards about to be deleted their images (for their undo) and take their rows out."""
    attach_to_cards(conn, cards)
    conn.execute(delete(CARD_IMAGES).where(CARD_IMAGES.c.touchpoint_id.in_([card.id for card in cards])))


def store(conn: Connection, image: PreparedImage) -> ImageRef:
    """The image stored (once: the same bytes stored before are that row)."""
    digest = image.digest
    found = conn.execute(select(*_REF_COLUMNS).where(IMAGES.c.digest == digest)).one_or_none()
    if found is not None:
        ref = _ref(found)
        if ref is not None:
            return ref
    image = with_thumbnail(image)
    values = {"digest": digest, "format": image.format, "width": image.width, "height": image.height}
    values |= {"thumbnail": image.thumbnail, "data": image.data}
    new_id = conn.execute(insert(IMAGES).values(**values).returning(IMAGES.c.id)).scalar_one()
    return ImageRef(int(new_id), image.format, image.width, image.height)


def data(conn: Connection, image_id: int, *, small: bool = False) -> bytes:
    """An image's bytes (`small`: its thumbnail's)."""
    found = conn.execute(select(IMAGES.c.thumbnail if small else IMAGES.c.data).where(IMAGES.c.id == image_id)).scalar()
    if found is None:
        raise NotFoundError(say("There is no image with id {0} in this library.", image_id))
    return bytes(found)


def require(conn: Connection, ref: ImageRef) -> ImageRef:
    """`ref` as this library stores it (refused, NotFoundError, when it holds no such image)."""
    found = conn.execute(select(*_REF_COLUMNS).where(IMAGES.c.id == ref.id)).one_or_none()
    stored = None if found is None else _ref(found)
    if stored is None:
        raise NotFoundError(say("There is no image with id {0} in this library.", ref.id))
    return stored


def card_image(conn: Connection, card_id: int) -> ImageRef | None:
    rows = conn.execute(
        select(CARD_IMAGES.c.touchpoint_id, *_REF_COLUMNS)
        .join(IMAGES, IMAGES.c.id == CARD_IMAGES.c.image_id)
        .where(CARD_IMAGES.c.touchpoint_id == card_id)
    ).all()
    return _ref(rows[0]) if rows else None


def write_card_image(conn: Connection, card_id: int, ref: ImageRef | None) -> None:
    conn.execute(delete(CARD_IMAGES).where(CARD_IMAGES.c.touchpoint_id == card_id))
    if ref is not None:
        conn.execute(insert(CARD_IMAGES).values(touchpoint_id=card_id, image_id=ref.id))


def wall_photo(conn: Connection, journey_id: int) -> ImageRef | None:
    found = conn.execute(_WALL_REF, {"journey_id": journey_id}).one_or_none()
    return None if found is None else _ref(found)


def write_wall_photo(conn: Connection, journey_id: int, ref: ImageRef | None) -> None:
    conn.execute(delete(WALL_PHOTOS).where(WALL_PHOTOS.c.journey_id == journey_id))
    if ref is not None:
        conn.execute(insert(WALL_PHOTOS).values(journey_id=journey_id, image_id=ref.id))


def insert_card_images(conn: Connection, cards: Iterable[Touchpoint], new_ids: Mapping[int, int] | None = None) -> None:
    """Name the images of freshly inserted cards (`new_ids`: each card's id in the library by its id in `cards`;
    None: their own ids). Each image must be one this library stores."""
    rows = [
        {"touchpoint_id": card.id if new_ids is None else new_ids[card.id], "image_id": card.image.id}
        for card in cards
        if card.image is not None
    ]
    if rows:
        known = set(conn.execute(select(IMAGES.c.id).where(IMAGES.c.id.in_({r["image_id"] for r in rows}))).scalars())
        rows = [row for row in rows if row["image_id"] in known]
    if rows:
        conn.execute(insert(CARD_IMAGES), rows)


def stored_images(conn: Connection, journey: Journey, *, own: bool, noted: dict[int, int] | None = None) -> Journey:
    """`journey` with every image that brings its bytes stored here and named by its id here; an image without bytes
    is kept as the library's own (`own`: checked to be there) or dropped. `noted`: each brought image's id -> its id
    here (for the versions that come with it)."""
    stored: dict[int, ImageRef | None] = {}

    def here(ref: ImageRef | None) -> ImageRef | None:
        if ref is None:
            return None
        if ref.id not in stored:
            if ref.data is not None:
                prepared = PreparedImage(ref.data, "png" if ref.format == "png" else "jpeg", ref.width, ref.height)
                stored[ref.id] = store(conn, prepared)
                if noted is not None:
                    noted[ref.id] = stored[ref.id].id  # type: ignore[union-attr]
            elif own:
                stored[ref.id] = require(conn, ref)
            else:
                stored[ref.id] = None
        return stored[ref.id]

    if journey.wall_photo is None and all(card.image is None for card in journey.touchpoints):
        return journey
    return replace(
        journey,
        wall_photo=here(journey.wall_photo),
        touchpoints=[
            card if card.image is None else replace(card, image=here(card.image)) for card in journey.touchpoints
        ],
    )

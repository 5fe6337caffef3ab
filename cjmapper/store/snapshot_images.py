"""The images in a version's snapshot (`versions`): each pictured card's image and the wall photo, by their ids in
the library (which keeps every image, so a version's images are there when it is restored), with their facts.
Optional keys: a snapshot without them holds no images, and an older cjmapper reads one with them as before."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cjmapper.messages import say
from cjmapper.model import ImageRef, Journey, Touchpoint


def encoded(journey: Journey) -> dict[str, Any]:
    """The snapshot's image keys for `journey` (none when it shows no image)."""
    data: dict[str, Any] = {}
    pictured = [[card.id, *_row(card.image)] for card in journey.touchpoints if card.image is not None]
    if pictured:
        data["images"] = pictured
    if journey.wall_photo is not None:
        data["wall_photo"] = _row(journey.wall_photo)
    return data


def decoded(data: dict[str, Any], cards: list[Touchpoint]) -> ImageRef | None:
    """Give `cards` their images from a snapshot's `data`; returns its wall photo. ValueError (with the phrase
    for a damaged version) for anything that is not an image as cjmapper writes it."""
    rows = data.get("images", [])
    if not isinstance(rows, list):
        raise ValueError(say("its images are not a list"))
    by_id = {card.id: card for card in cards}
    for row in rows:
        if not isinstance(row, list) or len(row) != 5:
            raise ValueError(say("its images are not a list"))
        card = by_id.get(row[0])
        if card is None:
            raise ValueError(say("an image names a card the version does not hold"))
        card.image = _image(row[1:])
    wall = data.get("wall_photo")
    return None if wall is None else _image(wall)


def translated(ref: ImageRef | None, images: dict[int, int]) -> ImageRef | None:
    """A version's image from another library as its copy here (None: its bytes did not come along)."""
    return None if ref is None or ref.id not in images else replace(ref, id=images[ref.id], data=None)


def _row(ref: ImageRef) -> list[object]:
    return [ref.id, ref.format, ref.width, ref.height]


def _image(row: object) -> ImageRef:
    if not isinstance(row, list) or len(row) != 4:
        raise ValueError(say("its images are not a list"))
    image_id, kind, width, height = row
    if kind not in ("png", "jpeg") or not all(type(n) is int for n in (image_id, width, height)):
        raise ValueError(say("an image has a format this cjmapper does not know"))
    return ImageRef(image_id, kind, width, height)

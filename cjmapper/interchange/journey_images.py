"""The images of a journey file (version 4, docs/journey-json.md "Images"): the cards' photos and the wall photo,
each once in the top-level `images` list as base64 inside the JSON, named by a touchpoint's `image` and by
`wall_photo`.

Reading decodes every image through the same safe intake as a dropped file (`cjmapper.images.prepare`): only PNG
and JPEG, bombs refused before decoding, and anything but plain pixels cleaned away; an image as cjmapper wrote it is
kept byte for byte, so a file reads and writes again the same."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Any, Final

from cjmapper import images
from cjmapper.images import ImageError
from cjmapper.interchange.untrusted_json import kind_of, member, quote
from cjmapper.messages import say
from cjmapper.model import MAX_TOUCHPOINTS, ImageRef, Journey, Touchpoint

SINCE: Final = 4
"""The journey-file version that brought images."""
TOP_KEYS: Final = frozenset({"wall_photo", "images"})
CARD_KEY: Final = "image"
_IMAGE_KEYS: Final = frozenset({"id", "type", "data"})
_TYPES: Final = {media: kind for kind, media in images.MEDIA_TYPES.items()}
_MAX_BASE64: Final = (images.MAX_FILE_BYTES + 2) // 3 * 4


def lost(journey: Journey, version: int) -> list[str]:
    """What a file of `version` cannot hold of the journey's images (for `lost_in`)."""
    if version >= SINCE:
        return []
    found: list[str] = []
    if any(card.image is not None for card in journey.touchpoints):
        found.append(say("the cards' images"))
    if journey.wall_photo is not None:
        found.append(say("the wall photo"))
    return found


class Written:
    """The images of one file as it is written: each image once, named i1, i2, ... in the order first met."""

    def __init__(self) -> None:
        self._names: dict[int, str] = {}
        self.items: list[dict[str, str]] = []

    def name(self, ref: ImageRef | None) -> str | None:
        if ref is None:
            return None
        if ref.id not in self._names:
            if ref.data is None:
                raise ValueError(f"image {ref.id} was not read from its library (transfer.with_image_data)")
            self._names[ref.id] = f"i{len(self._names) + 1}"
            self.items.append(
                {
                    "id": self._names[ref.id],
                    "type": images.MEDIA_TYPES["png" if ref.format == "png" else "jpeg"],
                    "data": base64.b64encode(ref.data).decode("ascii"),
                }
            )
        return self._names[ref.id]


Fail = Callable[[str, str], None]


def read(root: dict[str, Any], items: Sequence[Any], cards: Sequence[Touchpoint], fail: Fail) -> ImageRef | None:
    """Give `cards` (read from `items`, in order) their images from the document `root`; returns its wall photo.
    Every problem goes to `fail` with its place."""
    listed = root.get("images", [])
    refs: dict[str, ImageRef] = {}
    refused: set[str] = set()
    if not isinstance(listed, list):
        fail("images", say("must be an array, not {0}", kind_of(listed)))
        listed = []
    elif len(listed) > MAX_TOUCHPOINTS + 1:
        fail("images", say("holds {0} images; a journey holds at most {1}", len(listed), MAX_TOUCHPOINTS + 1))
        listed = []
    for index, item in enumerate(listed):
        place = f"images[{index}]"
        if isinstance(item, dict) and type(item.get("id")) is str:
            refused.add(item["id"])  # named by a card: its own problem is reported, not the card's
        found = _image(item, place, fail)
        if found is not None:
            key, ref = found
            if key in refs:
                fail(member(place, "id"), say("repeats the id {0}", quote(key)))
            refs[key] = ref
    for index, (item, card) in enumerate(zip(items, cards, strict=False)):
        if isinstance(item, dict):
            card.image = _named(item.get(CARD_KEY), refs, refused, member(f"touchpoints[{index}]", CARD_KEY), fail)
    return _named(root.get("wall_photo"), refs, refused, "wall_photo", fail)


def _named(value: object, refs: dict[str, ImageRef], refused: set[str], place: str, fail: Fail) -> ImageRef | None:
    if value is None:
        return None
    if type(value) is not str:
        fail(place, say("must be an image's id or null, not {0}", kind_of(value)))
        return None
    if value not in refs:
        if value in refused:
            return None
        fail(place, say("names the image {0}, which the file does not have", quote(value)))
        return None
    return refs[value]


def _image(item: object, place: str, fail: Fail) -> tuple[str, ImageRef] | None:
    if not isinstance(item, dict):
        fail(place, say("must be an object, not {0}", kind_of(item)))
        return None
    for key in sorted(set(item) ^ _IMAGE_KEYS):
        fail(member(place, key), say("unknown field") if key in item else say("required field is missing"))
    key, media, text = item.get("id"), item.get("type"), item.get("data")
    if set(item) != _IMAGE_KEYS or type(key) is not str or type(text) is not str:
        if set(item) == _IMAGE_KEYS:
            fail(place, say("its id and data must be text"))
        return None
    kind = _TYPES.get(media) if type(media) is str else None
    if kind is None:
        fail(member(place, "type"), say('must be "image/png" or "image/jpeg"'))
        return None
    if len(text) > _MAX_BASE64:
        fail(member(place, "data"), say("is larger than an image may be"))
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        fail(member(place, "data"), say("is not base64"))
        return None
    if images.kind_of(data) != kind:
        fail(member(place, "data"), say("is not the {0} its type says", media))
        return None
    try:
        prepared = images.prepare(data, say("The image"), keep_clean=True)
    except ImageError as e:
        fail(member(place, "data"), str(e))
        return None
    return key, ImageRef(-1 - int(place[7:-1]), prepared.format, prepared.width, prepared.height, prepared.data)

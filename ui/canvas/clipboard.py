"""Cards on the clipboard: mime type `CARDS_MIME` holds a JSON list of card field dicts (no ids, no places), so a
copy can be pasted into any cell of any journey, also in another cjmapper window. Plain text (the titles, one a
line) goes along for other programs.

Each card also lists every persona's score and target on it (`personas`: id, name, score, target) and names the
journey it came from (`journey`: a digest of the library's location and the journey's id, `journey_key`), so a paste
gives each rating back to its persona: by id in the same journey, by name in another (`cjmapper.persona_transfer`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeGuard, cast

from PySide6.QtCore import QMimeData

from cjmapper import card_fields as card_fields_schema
from cjmapper.card_fields import ValueKind
from cjmapper.model import (
    MAX_PERSONA_NAME,
    MAX_TITLE,
    PLACE_MAX,
    SCORE_MAX,
    SCORE_MIN,
    CardStatus,
    ImageRef,
    Journey,
    Rating,
    Touchpoint,
)
from cjmapper.persona_transfer import RatedPersona, rated_personas, transfer

CARDS_MIME = "application/x-cjmapper-cards"
CARD_FIELDS = card_fields_schema.NAMES
"""The fields a copy carries: every field of a card."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_STATUSES = frozenset(status.value for status in CardStatus)
_TAKEN: dict[ValueKind, Callable[[object], bool]] = {
    "text": lambda value: isinstance(value, str),
    "channel": lambda value: isinstance(value, str) and bool(value.strip()),
    "score": lambda value: _is_int(value) and SCORE_MIN <= cast(int, value) <= SCORE_MAX,
    "colour": lambda value: isinstance(value, str),
    "votes": lambda value: _is_int(value) and cast(int, value) >= 0,
    "status": lambda value: value in _STATUSES,
    "place": lambda value: _is_int(value) and 0 <= cast(int, value) <= PLACE_MAX,
}
"""Per kind of field: whether a pasted value is taken (else the field keeps its default; the title is required)."""


def card_fields(card: Touchpoint) -> dict[str, Any]:
    return {name: getattr(card, name) for name in CARD_FIELDS}


LIBRARY_PART = 16
"""A journey's clipboard key starts with this many characters naming its library alone (`journey_key`)."""


def journey_key(location: object, journey_id: int) -> str:
    """What names a journey on the clipboard: a digest of its library's location, then one of the location and its
    id (no path or address in the clear). Two journeys of one library share the first `LIBRARY_PART` characters."""
    library = hashlib.sha256(f"{location}".encode()).hexdigest()[:LIBRARY_PART]
    return library + hashlib.sha256(f"{location}\n{journey_id}".encode()).hexdigest()[:LIBRARY_PART]


def _same_library(entry: dict[str, Any], key: str) -> bool:
    copied = entry.get("journey")
    return (
        bool(key)
        and isinstance(copied, str)
        and len(copied) == len(key)
        and copied[:LIBRARY_PART] == key[:LIBRARY_PART]
    )


def cards_mime(cards: Sequence[Touchpoint], journey: Journey | None = None, key: str = "") -> QMimeData:
    """Mime data for copying `cards` (in the order given); with the `journey` they are in (and its `journey_key`),
    every persona's score and target on each go along."""
    entries = []
    for card in cards:
        entry = card_fields(card)
        if journey is not None:
            entry["journey"] = key
            entry["personas"] = [
                {"id": r.persona_id, "name": r.name, "score": r.rating.score, "target": r.rating.target}
                for r in rated_personas(card, journey)
            ]
            if card.image is not None:  # pasted into a journey of the same library, the copy shows the same photo
                entry["image"] = [card.image.id, card.image.format, card.image.width, card.image.height]
        entries.append(entry)
    data = QMimeData()
    payload = json.dumps(entries, ensure_ascii=False)
    data.setData(CARDS_MIME, payload.encode("utf-8"))
    data.setText("\n".join(card.title for card in cards))
    return data


def _score(value: object) -> int | None:
    return cast(int, value) if _TAKEN["score"](value) else None


def _rated(entry: dict[str, Any]) -> list[RatedPersona] | None:
    """The personas' ratings an entry lists (None: it lists none, a copy made before personas had their own)."""
    listed = entry.get("personas")
    if not isinstance(listed, list):
        return None
    found = []
    for item in listed:
        if isinstance(item, dict) and _is_int(item.get("id")) and isinstance(item.get("name"), str):
            rating = Rating(_score(item.get("score")), _score(item.get("target")))
            if rating != Rating():
                found.append(RatedPersona(item["id"], item["name"][:MAX_PERSONA_NAME], rating))
    return found


def _card_from(entry: object, journey: Journey | None, key: str) -> Touchpoint | None:
    """A card (id and place 0) from one decoded entry, or None when it is not a card dict; with the `journey` it is
    pasted into, its personas' ratings given to that journey's."""
    if not isinstance(entry, dict):
        return None
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    taken = {
        field.name: field.model_value(entry[field.name])
        for field in card_fields_schema.FIELDS
        if field.kind != "title" and field.name in entry and _TAKEN[field.kind](entry[field.name])
    }
    card = Touchpoint(0, 0, 0, 0, title.strip()[:MAX_TITLE], **taken)
    if journey is None:
        return card
    same = bool(key) and entry.get("journey") == key
    image = entry.get("image")
    # An image is the library's, whichever journey shows it (the library checks it is there).
    if _same_library(entry, key) and _image_entry(image):
        card.image = ImageRef(image[0], image[1], image[2], image[3])
    return transfer(card, _rated(entry), journey, same)


def _image_entry(image: object) -> TypeGuard[list[Any]]:
    return isinstance(image, list) and len(image) == 4 and image[1] in ("png", "jpeg") and _sizes(image)


def _sizes(image: list[Any]) -> bool:
    return all(_is_int(n) and n > 0 for n in (image[0], image[2], image[3]))


def cards_from_mime(data: QMimeData | None, journey: Journey | None = None, key: str = "") -> list[Touchpoint]:
    """The cards on the clipboard ([] when there are none or the data is not ours); with the `journey` they are
    pasted into (and its `journey_key`), each with every persona's score and target that journey can hold."""
    if data is None or not data.hasFormat(CARDS_MIME):
        return []
    try:
        decoded = json.loads(bytes(data.data(CARDS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(decoded, list):
        return []
    return [card for card in (_card_from(entry, journey, key) for entry in decoded) if card is not None]


def release_clipboard() -> None:
    """Call before the application ends. Mime data made in Python must not outlive Python: Qt destroys the
    clipboard's data after the interpreter has finished, and a Python-made QMimeData then crashes the exit.
    Cards left on the clipboard are handed over as their plain text (made on Qt's side), so other programs still
    get the titles."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(CARDS_MIME):
        text = data.text()
        clipboard.clear()
        if text:
            clipboard.setText(text)

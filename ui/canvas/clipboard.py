"""Cards on the clipboard: mime type `CARDS_MIME` holds a JSON list of card field dicts (no ids, no places), so a
copy can be pasted into any cell of any journey, also in another cjmapper window. Plain text (the titles, one a
line) goes along for other programs."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import QMimeData

from cjmapper import card_fields as card_fields_schema
from cjmapper.card_fields import ValueKind
from cjmapper.model import MAX_TITLE, SCORE_MAX, SCORE_MIN, CardStatus, Touchpoint

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
}
"""Per kind of field: whether a pasted value is taken (else the field keeps its default; the title is required)."""


def card_fields(card: Touchpoint) -> dict[str, Any]:
    return {name: getattr(card, name) for name in CARD_FIELDS}


def cards_mime(cards: Sequence[Touchpoint]) -> QMimeData:
    """Mime data for copying `cards` (in the order given)."""
    data = QMimeData()
    payload = json.dumps([card_fields(card) for card in cards], ensure_ascii=False)
    data.setData(CARDS_MIME, payload.encode("utf-8"))
    data.setText("\n".join(card.title for card in cards))
    return data


def _card_from(entry: object) -> Touchpoint | None:
    """A card (id and place 0) from one decoded entry, or None when it is not a card dict."""
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
    return Touchpoint(0, 0, 0, 0, title.strip()[:MAX_TITLE], **taken)


def cards_from_mime(data: QMimeData | None) -> list[Touchpoint]:
    """The cards on the clipboard ([] when there are none or the data is not ours)."""
    if data is None or not data.hasFormat(CARDS_MIME):
        return []
    try:
        decoded = json.loads(bytes(data.data(CARDS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(decoded, list):
        return []
    return [card for card in map(_card_from, decoded) if card is not None]


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

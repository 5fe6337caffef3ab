"""Field rules for edits made through the library's edit API. Each check returns the cleaned value or raises
`EditError` with a sentence the user can act on. Limits come from `cjmapper.model` (journey-json)."""

from __future__ import annotations

import re

from cjmapper.channels import catalogue_key
from cjmapper.errors import EditError
from cjmapper.messages import number, say, word
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_VOTES,
    PLACE_MAX,
    SCORE_MAX,
    SCORE_MIN,
    CardStatus,
    Framework,
    LaneKind,
    Language,
)

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def title(value: str, limit: int, what: str) -> str:
    """A required one-line name: trimmed, 1..limit characters."""
    cleaned = value.strip()
    if not cleaned:
        raise EditError(say("The {0} cannot be empty.", word(what)))
    return text(cleaned, limit, what)


def text(value: str, limit: int, what: str) -> str:
    """At most `limit` characters, and no NUL character (U+0000): PostgreSQL cannot store one, so neither library
    kind takes it, and a journey moves between a file and a team library unchanged."""
    if len(value) > limit:
        raise EditError(say("The {0} is {1} characters long; at most {2} fit.", word(what), len(value), limit))
    if "\x00" in value:
        raise EditError(
            say("The {0} holds a NUL character (U+0000), which a library cannot keep; remove it.", word(what))
        )
    return value


def color(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _COLOR.fullmatch(value):
        raise EditError(say("{0} is not a colour; use the form #rrggbb.", repr(value)))
    return value.lower()


def score(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        raise EditError(say("A score is {0} to {1}, or none; {2} is not.", SCORE_MIN, SCORE_MAX, repr(value)))
    return value


def votes(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VOTES:
        raise EditError(say("Votes are a whole number from 0 to {0}; {1} is not.", number(MAX_VOTES), repr(value)))
    return value


def place(value: int | None) -> int | None:
    """A card's impact or effort on the matrix: 0 to `PLACE_MAX`, or none (not placed)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= PLACE_MAX:
        raise EditError(say("A place on the matrix is 0 to {0}, or none; {1} is not.", PLACE_MAX, repr(value)))
    return value


def channel(value: str | None) -> str | None:
    """A card's channel: the catalogue key when the text names a catalogue channel (`channels.catalogue_key`),
    else the trimmed free text; None for none or only spaces."""
    if value is None:
        return None
    cleaned = value.strip()
    if not cleaned:
        return None
    return catalogue_key(text(cleaned, MAX_CHANNEL, "channel")) or cleaned


def status(value: CardStatus | str | None) -> CardStatus | None:
    """A card's status, or none ("" is none too)."""
    if value is None or value == "":
        return None
    try:
        return CardStatus(value)
    except ValueError:
        names = ", ".join(s.value for s in CardStatus)
        raise EditError(say("{0} is not a status; use one of {1}, or none.", repr(value), names)) from None


def language(value: Language | str) -> Language:
    try:
        return Language(value)
    except ValueError:
        raise EditError(say("{0} is not a language cjmapper knows; use en or nl.", repr(value))) from None


def framework(value: Framework | str) -> Framework:
    try:
        return Framework(value)
    except ValueError:
        names = ", ".join(f.value for f in Framework)
        raise EditError(say("{0} is not a framework; use one of {1}.", repr(value), names)) from None


def lane_kind(value: LaneKind | str) -> LaneKind:
    try:
        return LaneKind(value)
    except ValueError:
        names = ", ".join(k.value for k in LaneKind)
        raise EditError(say("{0} is not a lane kind; use one of {1}.", repr(value), names)) from None

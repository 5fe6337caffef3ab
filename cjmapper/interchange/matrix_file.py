"""The impact/effort matrix in a journey file (version 4 on): a touchpoint's `impact` and `effort` (each an integer
0..100, or null: not placed) and the journey's `matrix` object of names (`quick_wins`, `big_bets`, `fill_ins`,
`money_pits`, `impact`, `effort`; each a string of at most 100 characters, "" for the default in the journey's
language). Read here for `journey_reader`, by its rules and with its messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjmapper.card_fields import CardField
from cjmapper.interchange.untrusted_json import kind_of, member
from cjmapper.messages import say
from cjmapper.model import MATRIX_LABEL_NAMES, MAX_MATRIX_LABEL, PLACE_MAX, MatrixLabels

LABEL_KEYS = frozenset(MATRIX_LABEL_NAMES)
"""The keys of a file's `matrix` object."""
_PLACES = frozenset(range(PLACE_MAX + 1))
_INT_OR_NONE = {int, type(None)}

Fail = Callable[[str, str], None]
Fields = Callable[[object, str, frozenset[str]], "dict[str, Any] | None"]
Text = Callable[..., str]


def plain_place(_field: CardField, column: list[Any]) -> list[Any] | None:
    """A column of impacts or efforts when every one is plainly valid, else None (see `journey_reader._PLAIN`)."""
    return column if set(map(type, column)) <= _INT_OR_NONE and set(column) - {None} <= _PLACES else None


def read_place(obj: dict[str, Any], key: str, place: str, fail: Fail) -> int | None:
    """A touchpoint's impact or effort, every problem reported."""
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= PLACE_MAX:
        shown = kind_of(value) if type(value) is not int else str(value)
        fail(member(place, key), say("must be an integer 0 to {0} or null, not {1}", PLACE_MAX, shown))
        return None
    return value


def read_labels(root: dict[str, Any], fields: Fields, text: Text) -> MatrixLabels:
    """The file's names on the matrix (none given: the defaults), read with the reader's `fields` and `text`."""
    value = root.get("matrix")
    if value is None:
        return MatrixLabels()
    obj = fields(value, "matrix", LABEL_KEYS)
    if obj is None:
        return MatrixLabels()
    return MatrixLabels(*(text(obj, name, "matrix", MAX_MATRIX_LABEL, trim=True) for name in MATRIX_LABEL_NAMES))


def written_labels(labels: MatrixLabels) -> dict[str, str]:
    """The `matrix` object the writer writes."""
    return {name: getattr(labels, name) for name in MATRIX_LABEL_NAMES}

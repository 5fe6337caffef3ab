"""The rules every value read from a library must meet: those of the journey file (journey-json-v1, see
`cjmapper.interchange.journey_reader`), so that a journey that loads also exports to a file that imports again, and the
layout, the canvas and the poster never meet a value no edit of cjmapper writes.

Only a damaged library, or one changed behind cjmapper's back, breaks them: a card position or a revision stored as
text, a card in a phase the journey does not have or on its emotions lane, a NUL character, a title of megabytes.
Each check returns None or the problem as a phrase for `damaged` ("touchpoint 17: the title is empty"), naming the
first row that breaks a rule. The value rules are `cjmapper.rules`' (the edit API's), the lengths the model's.

The table of contents and a journey's own, phase and lane rows are read `bounded`: a value far over its limit is not
fetched at all, so a forged title of megabytes costs the list nothing. A card's text is fetched as stored and its
length checked at once (bounding it in the query would cost a tenth of a journey's read)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, ColumnElement, case, func, literal

from cjmapper import card_fields, rules
from cjmapper.card_fields import CardField, ValueKind
from cjmapper.errors import DamagedJourneyError, EditError
from cjmapper.messages import number, say, word
from cjmapper.model import (
    MATRIX_LABEL_NAMES,
    MAX_CHANNEL,
    MAX_LANES,
    MAX_MATRIX_LABEL,
    MAX_NAME,
    MAX_PERSONA_NAME,
    MAX_PERSONAS,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    MAX_TOUCHPOINTS,
    MAX_VOTES,
    PLACE_MAX,
    SCORE_MAX,
    SCORE_MIN,
    CardStatus,
    LaneKind,
)

MAX_CODE = 40
"""Characters read of a language, framework or lane kind: more than any valid one has."""
MAX_COLOUR = 8
"""Characters read of a colour ("#rrggbb" has 7)."""
_SCORES = frozenset(range(SCORE_MIN, SCORE_MAX + 1))


TOO_LONG = "\ufdd0 longer than its field allows"
"""What `bounded` reads in place of a value far over its limit (U+FDD0 is a noncharacter: no text holds it)."""


def bounded(column: Column[Any], limit: int) -> ColumnElement[Any]:
    """`column` as a query reads it: `TOO_LONG` when the value is longer than `limit`, else the value (then checked
    exactly by `text_problem`). So a forged value of megabytes is refused without being fetched, and costs no more
    than a valid one. (SQLite's length() of text counts up to a first NUL character: a value holding one is fetched
    whole, and refused for the NUL.)"""
    return case((func.length(column) > limit, literal(TOO_LONG)), else_=column).label(column.name)


def damaged(journey_id: object, problem: str) -> DamagedJourneyError:
    return DamagedJourneyError(
        say("Journey {0} is damaged: {1}; cjmapper never writes that.", journey_id, problem), journey_id, problem
    )


# ---------------------------------------------------------------------------------------------- one value


def _not_integer(value: object) -> str:
    if value is None:
        return say("missing")
    if type(value) is int:
        return say("{0}, below 0", number(value))
    if isinstance(value, str):
        return say("text ({0}), not a whole number", shown(value))
    if isinstance(value, bytes):
        return say("bytes, not a whole number")
    return say("{0}, not a whole number", shown(value))


def shown(value: object) -> str:
    """`value` as a message quotes it: its repr, cut to 40 characters (a forged value may be megabytes)."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def text_problem(value: object, what: str, limit: int, *, required: bool = False, trim: bool = False) -> str | None:
    """Text as the journey reader takes it: a string of at most `limit` characters (after trimming when `trim`),
    not empty when `required`, without NUL (`rules.text`)."""
    if type(value) is not str:
        return _not_text(value, what)
    if value == TOO_LONG:
        return say("the {0} is longer than {1} characters", word(what), number(limit))
    cleaned = value.strip() if trim else value
    if required and not cleaned:
        return say("the {0} is empty", word(what))
    if len(cleaned) > limit:
        return say("the {0} is longer than {1} characters", word(what), number(limit))
    return _rule(what, lambda: rules.text(cleaned, limit, what))


def _rule(what: str, check: Callable[[], object]) -> str | None:
    """The message of a rule of `cjmapper.rules`, or None when the value keeps it."""
    try:
        check()
    except EditError as error:
        return str(error).rstrip(".")
    return None


def integer_problem(value: object, what: str, low: int | None = None) -> str | None:
    """A whole number (of at least `low`). Ids and card positions may be any: a position is a sort key within its
    cell, and a copy to another library numbers both anew."""
    if type(value) is int and (low is None or value >= low):
        return None
    return say("the {0} is {1}", word(what), _not_integer(value))


def _colour_problem(value: object) -> str | None:
    if value is None or value == "":
        return None
    if type(value) is not str:
        return _not_text(value, "colour")
    if len(value) > MAX_COLOUR:  # not quoted whole: a forged colour may be megabytes
        return say("the colour {0} is not #rrggbb", shown(value))
    return _rule("colour", lambda: rules.color(value))


def _score_problem(value: object) -> str | None:
    if value is not None and type(value) is not int:
        return say("the score is {0}", _not_integer(value))
    return _rule("score", lambda: rules.score(value))


def _place_problem(field: CardField, value: object) -> str | None:
    if value is not None and type(value) is not int:
        return say("the {0} is {1}", word(field.what), _not_integer(value))
    return _rule(field.what, lambda: rules.place(value))


def _votes_problem(value: object) -> str | None:
    if type(value) is not int:
        return say("the votes are {0}", _not_integer(value))
    return _rule("votes", lambda: rules.votes(value))


def _choice_problem(value: object, rule: Callable[[str], object], what: str) -> str | None:
    if type(value) is not str:
        return _not_text(value, what)
    return _rule(what, lambda: rule(value))


def _not_text(value: object, what: str) -> str:
    if value is None:
        return say("the {0} is missing", word(what))
    return say("the {0} is not text", word(what))


# ---------------------------------------------------------------------------------------------- rows


def journey_problem(row: Any) -> str | None:
    """A journey row's own fields (title, description, language, framework, revision, the matrix's names)."""
    return (
        text_problem(row.title, "title", MAX_TITLE, required=True, trim=True)
        or text_problem(row.description, "description", MAX_TEXT)
        or _choice_problem(row.language, rules.language, "language")
        or _choice_problem(row.framework, rules.framework, "framework")
        or revision_problem(row.revision)
        or next(
            (
                found
                for name in MATRIX_LABEL_NAMES
                if (found := text_problem(getattr(row, f"matrix_{name}"), "matrix label", MAX_MATRIX_LABEL))
            ),
            None,
        )
    )


def personas_problem(rows: Sequence[Any]) -> str | None:
    """The journey's persona rows (id, name, description, goals, frustrations, colour), in order."""
    if len(rows) > MAX_PERSONAS:
        return f"it has more than {MAX_PERSONAS} personas"
    for row in rows:
        found = (
            text_problem(row.name, "name", MAX_PERSONA_NAME, required=True)
            or text_problem(row.description, "description", MAX_TEXT)
            or text_problem(row.goals, "goals", MAX_TEXT)
            or text_problem(row.frustrations, "frustrations", MAX_TEXT)
            or _colour_problem(row.color)
        )
        if found is not None:
            return f"persona {row.id}: {found}"
    return None


def ratings_problem(rows: Sequence[Any], personas: Collection[int]) -> str | None:
    """The journey's rating rows (touchpoint id, persona id, score, target): each of one of its personas but the
    first, each score and target 1-5 or none."""
    for row in rows:
        found = (
            (None if row.persona_id in personas else f"its persona {row.persona_id} is not one of this journey's")
            or _score_problem(row.score)
            or _score_problem(row.target)
        )
        if found is not None:
            return f"touchpoint {row.touchpoint_id}: {found}"
    return None


def revision_problem(value: object) -> str | None:
    return integer_problem(value, "revision", 0)


def heading_problem(title: object, language: object, framework: object, revision: object) -> str | None:
    """What the table of contents reads of a journey."""
    return (
        text_problem(title, "title", MAX_TITLE, required=True, trim=True)
        or _choice_problem(language, rules.language, "language")
        or _choice_problem(framework, rules.framework, "framework")
        or revision_problem(revision)
    )


def phases_problem(rows: Sequence[Any]) -> str | None:
    if len(rows) > MAX_PHASES:
        return say("it has more than {0} phases", MAX_PHASES)
    for row in rows:
        found = (
            text_problem(row.name, "name", MAX_NAME, required=True)
            or text_problem(row.description, "description", MAX_TEXT)
            or _colour_problem(row.color)
        )
        if found is not None:
            return say("phase {0}: {1}", row.id, found)
    return None


def lanes_problem(rows: Sequence[Any]) -> str | None:
    if len(rows) > MAX_LANES:
        return say("it has more than {0} lanes", MAX_LANES)
    for row in rows:
        found = (
            text_problem(row.name, "name", MAX_NAME, required=True)
            or _choice_problem(row.kind, rules.lane_kind, "lane kind")
            or _colour_problem(row.color)
        )
        if found is not None:
            return say("lane {0}: {1}", row.id, found)
    return None


def cards_problem(
    columns: Sequence[Sequence[Any]], phases: Collection[int] | None = None, lanes: Mapping[int, object] | None = None
) -> str | None:
    """Touchpoints as columns (`columns(rows)`), in `tables.TOUCHPOINT_FIELDS` order. With `phases` and `lanes` (the
    journey's phase ids, and its lanes' kinds by id), each card must be in one of those phases and on one of its lanes
    that hold cards. Checked column by column, quickly (a few passes over whole columns, each a C loop: about 1.5 ms
    for 5,000 cards); a card is named only when something is wrong."""
    count = len(columns[0])
    if count > MAX_TOUCHPOINTS:
        return say("it has more than {0} touchpoints", number(MAX_TOUCHPOINTS))
    holding = None if lanes is None else {i for i, kind in lanes.items() if kind != LaneKind.EMOTIONS.value}
    if not count or _cards_look_sound(columns, phases, holding):
        return None
    for row in zip(*columns, strict=True):
        found = card_problem(row, phases, lanes)
        if found is not None:
            return say("touchpoint {0}: {1}", row[0], found)
    return say("a touchpoint breaks a rule of the journey format")  # the quick check is stricter than none of the rules


def columns(rows: Sequence[Sequence[Any]], width: int) -> list[tuple[Any, ...]]:
    """Rows of `width` values as columns (`width` empty columns when there are no rows)."""
    return list(zip(*rows, strict=True)) if rows else [() for _ in range(width)]


_INT_OR_NONE = {int, type(None)}


def _text_column_sound(field: CardField) -> Callable[[Sequence[Any]], bool]:
    def sound(column: Sequence[Any]) -> bool:
        """Every value text without NUL ("".join refuses anything but text), none too long (none empty, trimmed,
        for a title)."""
        if "\x00" in "".join(column) or max(map(len, column)) > field.limit:
            return False
        return field.kind != "title" or min(map(len, map(str.strip, column))) > 0

    return sound


def _votes_sound(column: Sequence[Any]) -> bool:
    # A sum of whole numbers is a whole number; text, bytes or a missing value stop it, a decimal makes it one.
    return type(sum(column)) is int and min(column) >= 0 and max(column) <= MAX_VOTES


def _scores_sound(column: Sequence[Any]) -> bool:
    return set(map(type, column)) <= _INT_OR_NONE and set(column) - {None} <= _SCORES


_PLACES = frozenset(range(PLACE_MAX + 1))


def _places_sound(column: Sequence[Any]) -> bool:
    return set(map(type, column)) <= _INT_OR_NONE and set(column) - {None} <= _PLACES


def _colours_sound(column: Sequence[Any]) -> bool:
    return all(_colour_problem(c) is None for c in set(column))


def _channels_sound(column: Sequence[Any]) -> bool:
    return all(c is None or text_problem(c, "channel", MAX_CHANNEL) is None for c in set(column))


_STATUSES = frozenset({None, *(s.value for s in CardStatus)})


def _statuses_sound(column: Sequence[Any]) -> bool:
    return set(map(type, column)) <= {str, type(None)} and set(column) <= _STATUSES


def _status_problem(value: object) -> str | None:
    if value is None:
        return None
    if type(value) is not str:
        return _not_text(value, "status")
    text = str(value)
    return _rule("status", lambda: rules.status(text))


_COLUMN_SOUND: Mapping[ValueKind, Callable[[CardField], Callable[[Sequence[Any]], bool]]] = {
    "title": _text_column_sound,
    "text": _text_column_sound,
    "channel": lambda _field: _channels_sound,
    "score": lambda _field: _scores_sound,
    "colour": lambda _field: _colours_sound,
    "votes": lambda _field: _votes_sound,
    "status": lambda _field: _statuses_sound,
    "place": lambda _field: _places_sound,
}
"""Per kind of field: whether a whole column keeps the field's rule, in a few passes over it (C loops over up to
100,000 values; columns with few distinct values, as channels and colours, are checked over their distinct values)."""
_FIELD_COLUMNS = tuple(
    (card_fields.ROW.index(field.name), _COLUMN_SOUND[field.kind](field)) for field in card_fields.FIELDS
)
_PLACE = card_fields.ROW.index("phase_id"), card_fields.ROW.index("lane_id"), card_fields.ROW.index("position")


def _cards_look_sound(
    columns: Sequence[Sequence[Any]], phases: Collection[int] | None, lanes: Collection[int] | None
) -> bool:
    """Whether every card keeps every rule, in a few passes over whole columns."""
    phase_ids, lane_ids, positions = (columns[i] for i in _PLACE)
    try:
        if not all(type(sum(column)) is int for column in (phase_ids, lane_ids, positions)):
            return False
        return (
            (phases is None or set(phase_ids) <= set(phases))
            and (lanes is None or set(lane_ids) <= set(lanes))
            and all(sound(columns[index]) for index, sound in _FIELD_COLUMNS)
        )
    except TypeError:  # a value that is not text, or not a number
        return False


_FIELD_PROBLEM: Mapping[ValueKind, Callable[[CardField, Any], str | None]] = {
    "title": lambda field, value: text_problem(value, field.json_key, field.limit, required=True, trim=True),
    "text": lambda field, value: text_problem(value, field.json_key, field.limit),
    "channel": lambda _field, value: None if value is None else text_problem(value, "channel", MAX_CHANNEL),
    "score": lambda _field, value: _score_problem(value),
    "colour": lambda _field, value: _colour_problem(value),
    "votes": lambda _field, value: _votes_problem(value),
    "status": lambda _field, value: _status_problem(value),
    "place": _place_problem,
}
"""Per kind of field: a value's problem, in the reader's form (a channel is taken as it is, not trimmed, since an
export writes it so)."""
_FIELD_PROBLEMS = tuple(
    (card_fields.ROW.index(field.name), field, _FIELD_PROBLEM[field.kind]) for field in card_fields.FIELDS
)


def card_problem(row: Sequence[Any], phases: Collection[int] | None, lanes: Mapping[int, object] | None) -> str | None:
    """One touchpoint row's problem: the rules `card_fields.cleaned` applies to an edit, in the reader's form."""
    phase, lane, position = (row[i] for i in _PLACE)
    return (
        integer_problem(phase, "phase")
        or integer_problem(lane, "lane")
        or integer_problem(position, "position")
        or (None if phases is None or phase in phases else say("its phase {0} is not one of this journey's", phase))
        or _lane_problem(lane, lanes)
        or next(
            (found for index, field, problem in _FIELD_PROBLEMS if (found := problem(field, row[index])) is not None),
            None,
        )
    )


def _lane_problem(lane: int, lanes: Mapping[int, object] | None) -> str | None:
    if lanes is None:
        return None
    if lane not in lanes:
        return say("its lane {0} is not one of this journey's", lane)
    if lanes[lane] == LaneKind.EMOTIONS.value:
        return say("it is on the emotions lane {0}, which holds no cards", lane)
    return None

"""A card's fields, declared once: everything that stores, checks, reads, writes, copies or edits a card's content
derives from `FIELDS`.

Each `CardField` names its attribute on `model.Touchpoint` (also the touchpoints table's column, the clipboard's and
the edit API's keyword), its kind of value, its limit, how a message names it, its journey-file key (and the format
version that brought it), its CSV column, and its label and editor in the properties form. The kind decides the rule
(`cjmapper.rules`) and how each reader checks a value of it; a new field of an existing kind is one declaration
here, one attribute on `model.Touchpoint` and one Alembic migration (a test checks that it reaches the journey file,
the CSV, the clipboard, a version, the properties form and the store).

A card's place (its id, phase, lane and position in the cell) is no field here: it changes only by moving the card.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from cjmapper import rules
from cjmapper.model import MAX_OWNER, MAX_TEXT, MAX_TITLE, CardStatus, Touchpoint

ValueKind = Literal["title", "text", "channel", "score", "colour", "votes", "status", "place"]
"""What a field holds: "title" required one-line text (trimmed), "text" any text up to the limit, "channel" an
optional channel name, "score" 1..5 or none, "colour" #rrggbb or none, "votes" a count, "status" a `CardStatus`
or none, "place" a place along one axis of the prioritising matrix, 0..`model.PLACE_MAX` or none (not placed)."""

Editor = Literal["line", "text", "channel", "score", "colour", "count", "choice", "place"]
"""The properties form's editor: a line edit, a text box, the channel list, the score buttons, the colour picker,
a number box, a list of `choices`, a number box that can be cleared (`ui/panels/place_editor.py`)."""

CONTEXT: Final = "CardFields"
"""The translation context of the labels and hints here (the editor translates them where it shows them)."""


def translatable(context: str, text: str) -> str:
    """`text`, marked for the translation tool (`tools/i18n_tools.py`) under `context`. The core stays in English;
    the editor translates the text where it shows it."""
    del context
    return text


@dataclass(frozen=True, slots=True)
class CardField:
    """One field of a card's content."""

    name: str
    """Its attribute on `model.Touchpoint`, its column in the touchpoints table, its key on the clipboard and in a
    version's snapshot, and its keyword in `Library.update_touchpoint` and the editor's commands."""
    kind: ValueKind
    what: str
    """How a message names it ("The owner is 300 characters long; ...")."""
    json_key: str
    """Its key in a journey file's touchpoint."""
    csv_key: str | None
    """Its column in the CSV export (None: not exported to CSV)."""
    label: str
    """Its label in the properties form (with the & of its mnemonic), marked for translation."""
    editor: Editor
    limit: int = 0
    """The most characters it holds (text kinds only)."""
    json_since: int = 1
    """The journey-file format version that brought it (older files hold no such key)."""
    json_until: int | None = None
    """The last journey-file format version that holds it under `json_key` (None: every version since)."""
    lines: int = 3
    """Lines a text box shows."""
    hint: str = ""
    """A placeholder (line edit) or tooltip (other editors) in the properties form, marked for translation."""
    choices: tuple[tuple[object, str], ...] = ()
    """A choice's values with their labels in the properties form (marked for translation), None first."""
    per_persona: bool = False
    """A value per persona: the first persona's is the card's own, every other one's in the card's `ratings` (the
    `model.Rating` attribute of this name). The CSV of a journey with several personas has a column per persona."""

    @property
    def default(self) -> Any:
        """Its value on a new card (the model's default; None for the title, which a card must be given)."""
        return _DEFAULTS.get(self.name)

    def clean(self, value: Any) -> Any:
        """`value` through the field's rule: the cleaned value, or `EditError` with a sentence the user can act on."""
        return _RULES[self.kind](self, value)

    def model_value(self, value: Any) -> Any:
        """A stored or read value (already checked) as the model holds it: a status as a `CardStatus`."""
        return _MODEL_VALUES[self.kind](value) if self.kind in _MODEL_VALUES and value is not None else value


_RULES: Mapping[ValueKind, Callable[[CardField, Any], Any]] = {
    "title": lambda field, value: rules.title(value, field.limit, field.what),
    "text": lambda field, value: rules.text(value, field.limit, field.what),
    "channel": lambda _field, value: rules.channel(value),
    "score": lambda _field, value: rules.score(value),
    "colour": lambda _field, value: rules.color(value),
    "votes": lambda _field, value: rules.votes(value),
    "status": lambda _field, value: rules.status(value),
    "place": lambda _field, value: rules.place(value),
}
_MODEL_VALUES: Mapping[ValueKind, Callable[[Any], Any]] = {"status": CardStatus}

FIELDS: Final[tuple[CardField, ...]] = (
    CardField(
        "title", "title", "touchpoint title", "title", "title",
        translatable(CONTEXT, "&Title"), "line", limit=MAX_TITLE,
    ),
    CardField(
        "notes", "text", "notes", "notes", "notes",
        translatable(CONTEXT, "&Notes"), "text", limit=MAX_TEXT, lines=5,
    ),
    CardField("channel", "channel", "channel", "channel", "channel", translatable(CONTEXT, "&Channel"), "channel"),
    CardField(
        "score", "score", "score", "score", "score",
        translatable(CONTEXT, "Score"), "score", json_until=2, per_persona=True,
    ),
    CardField(
        "expectation", "text", "expectation", "expectation", "expectation",
        translatable(CONTEXT, "&Expectation"), "text", limit=MAX_TEXT,
    ),
    CardField(
        "owner", "text", "owner", "owner", "owner",
        translatable(CONTEXT, "&Owner"), "line", limit=MAX_OWNER,
        hint=translatable(CONTEXT, "Who in the business looks after this"),
    ),
    CardField("color", "colour", "colour", "color", None, translatable(CONTEXT, "Colour"), "colour"),
    CardField(
        "votes", "votes", "votes", "votes", "votes",
        translatable(CONTEXT, "&Votes"), "count", hint=translatable(CONTEXT, "Dot votes from a workshop"),
    ),
    CardField(
        "status", "status", "status", "status", "status",
        translatable(CONTEXT, "St&atus"), "choice", json_since=2,
        hint=translatable(CONTEXT, "Where the follow-up stands: for pain points and opportunities"),
        choices=(
            (None, translatable(CONTEXT, "None")),
            (CardStatus.OPEN, translatable(CONTEXT, "Open")),
            (CardStatus.IN_PROGRESS, translatable(CONTEXT, "In progress")),
            (CardStatus.DONE, translatable(CONTEXT, "Done")),
        ),
    ),
    CardField(
        "target", "score", "target", "target", None,
        translatable(CONTEXT, "Tar&get"), "score", json_since=3,
        hint=translatable(CONTEXT, "The score this touchpoint should get (to-be)"), per_persona=True,
    ),
    CardField(
        "impact", "place", "impact", "impact", "impact",
        translatable(CONTEXT, "&Impact"), "place", json_since=4,
        hint=translatable(CONTEXT, "Its place up the prioritising matrix, 0 to 100 (Journey > Prioritise)"),
    ),
    CardField(
        "effort", "place", "effort", "effort", "effort",
        translatable(CONTEXT, "E&ffort"), "place", json_since=4,
        hint=translatable(CONTEXT, "Its place across the prioritising matrix, 0 to 100 (Journey > Prioritise)"),
    ),
)  # fmt: skip
"""Every field of a card's content, in the order of `model.Touchpoint`'s attributes (and of a journey file's keys)."""

FORM_ORDER: Final = (
    "title", "channel", "score", "target", "status", "expectation", "owner", "notes", "color", "votes",
    "impact", "effort",
)  # fmt: skip
"""The properties form's rows, top to bottom: every field."""
CSV_ORDER: Final = ("title", "channel", "score", "expectation", "owner", "votes", "notes", "status", "impact", "effort")
"""The CSV's field columns, left to right (after phase, lane and order): every field with a `csv_key`."""

PLACE: Final = ("id", "phase_id", "lane_id", "position")
"""A card's place: the attributes of `model.Touchpoint` before its fields."""
RATINGS: Final = "ratings"
"""The attribute of `model.Touchpoint` after its fields: the other personas' ratings (no field: the store keeps them
in a table of their own, a journey file in `scores` and `targets`)."""

IMAGE: Final = "image"
"""The attribute of `model.Touchpoint` after its ratings: the card's photo (no field: the store keeps it in a table of
its own, a journey file under `image`; a copy of the card keeps it)."""
BY_NAME: Final[Mapping[str, CardField]] = {field.name: field for field in FIELDS}
NAMES: Final = tuple(field.name for field in FIELDS)
"""The fields' names, in model order: what an edit may set (a card's place changes only by moving it)."""
COPIED: Final = tuple(name for name in NAMES if name != "title")
"""What a copy of a card takes over besides the title."""
ROW: Final = PLACE + NAMES
"""Every attribute of `model.Touchpoint` but its `ratings`, in order: a stored row builds a card positionally."""
CONVERTED: Final = tuple(field for field in FIELDS if field.kind in _MODEL_VALUES)
"""The fields whose stored and written values the model holds as other objects (`CardField.model_value`)."""

_DEFAULTS: Final[Mapping[str, Any]] = {
    f.name: f.default for f in dataclasses.fields(Touchpoint) if f.default is not dataclasses.MISSING
}


def values(card: Touchpoint) -> dict[str, Any]:
    """The card's fields by name."""
    return {name: getattr(card, name) for name in NAMES}


def cleaned(card: Touchpoint) -> Touchpoint:
    """The card with every field through its rule (`EditError` for the first one a rule refuses)."""
    return dataclasses.replace(card, **{field.name: field.clean(getattr(card, field.name)) for field in FIELDS})


def in_form_order() -> tuple[CardField, ...]:
    return tuple(BY_NAME[name] for name in FORM_ORDER)


def in_csv_order() -> tuple[CardField, ...]:
    return tuple(BY_NAME[name] for name in CSV_ORDER)


def in_workbook_order() -> tuple[CardField, ...]:
    """Every field, for the XLSX export: the CSV's columns first, then the fields the CSV leaves out, as declared."""
    return (*in_csv_order(), *(field for field in FIELDS if field.csv_key is None))


def _check_declarations() -> None:
    """The declarations agree with the model and with themselves (a mistake here fails at import, in every test)."""
    model = tuple(f.name for f in dataclasses.fields(Touchpoint))
    if model != (*ROW, RATINGS, IMAGE):
        raise AssertionError(f"card_fields: model.Touchpoint has {model}, the declarations {(*ROW, RATINGS, IMAGE)}")
    if sorted(FORM_ORDER) != sorted(NAMES):
        raise AssertionError("card_fields: FORM_ORDER must list every field once")
    if sorted(CSV_ORDER) != sorted(f.name for f in FIELDS if f.csv_key is not None):
        raise AssertionError("card_fields: CSV_ORDER must list every field with a csv_key once")


_check_declarations()

"""The journey file's reader (journey-json, see docs/journey-json.md): checks every rule of the format in one pass
over the parsed document, collects every problem with its place (`touchpoints[12].score: must be 1 to 5 or null`)
and raises `InterchangeError` when there is any; it never returns half a journey. A file of an older version is
read by that version's rules. The text is first read safely by `untrusted_json`.

It is one job, a little past 700 lines: every rule of the format checked in one pass with one list of problems. The
parts a version brought with rules of their own are read by their own modules (`comment_lists`, `journey_images`,
`matrix_file`, `persona_lists`) and called from here.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cjmapper import card_fields
from cjmapper.card_fields import CardField, ValueKind
from cjmapper.channels import catalogue_key
from cjmapper.errors import InterchangeError
from cjmapper.interchange import journey_images, untrusted_json
from cjmapper.interchange.comment_lists import SINCE, read_comments
from cjmapper.interchange.matrix_file import plain_place, read_labels, read_place
from cjmapper.interchange.persona_lists import PER_PERSONA, per_persona
from cjmapper.interchange.untrusted_json import (
    DuplicateKeys,
    chars,
    clip_number,
    decode,
    kind_of,
    member,
    parse,
    quote,
    refuse,
    too_large,
)
from cjmapper.messages import number, say
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_COMMENTS,
    MAX_LANES,
    MAX_NAME,
    MAX_PERSONA_NAME,
    MAX_PERSONAS,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    MAX_TOUCHPOINTS,
    MAX_VOTES,
    SCORE_MAX,
    SCORE_MIN,
    CardStatus,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    MatrixLabels,
    Persona,
    Phase,
    Touchpoint,
)

FORMAT: Final = "cjmapper.journey"
VERSION: Final = 4
"""Version 4 brought the impact/effort matrix (a touchpoint's `impact` and `effort`, the journey's `matrix` names),
the comments on touchpoints (`comments`) and images (a touchpoint's `image`, the journey's `wall_photo`, the
`images` themselves); version 3 several personas (`personas`) and a score and target per persona on a touchpoint
(`scores`, `targets`); version 2 a touchpoint's `status`. Older files are read as they were: their one `persona` and
a card's `score` become the first persona's."""
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
# A \u escape of a UTF-16 surrogate or of NUL: only then can a parsed string hold an unpaired surrogate or a NUL
# (raw control characters inside strings are refused by the parser itself).
_SUSPECT_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|0000)")
_READABLE = ", ".join(str(version) for version in range(1, VERSION)) + f" or {VERSION}"
"""The versions this reader reads, for a message ("1, 2 or 3")."""
_MAX_PROBLEMS = 1000
"""Problems listed at most; a file with more gets one last line that says so, and is not read further."""

_TOP_FIELDS = frozenset(
    {"format", "version", "title", "description", "language", "framework", "persona"}
    | {"phases", "lanes", "touchpoints"}
)
_TOP_FIELDS_V3 = _TOP_FIELDS - {"persona"} | {"personas"}
_TOP_FIELDS_BY_VERSION = {
    1: _TOP_FIELDS,
    2: _TOP_FIELDS,
    3: _TOP_FIELDS_V3,
    4: _TOP_FIELDS_V3 | {"matrix", "comments"} | journey_images.TOP_KEYS,
}
_PERSONA_FIELDS = frozenset({"name", "description", "goals", "frustrations"})
_PERSONA_FIELDS_V3 = _PERSONA_FIELDS | {"color"}

_PHASE_FIELDS = frozenset({"id", "name", "description", "color"})
_LANE_FIELDS = frozenset({"id", "name", "kind", "color"})
_TOUCHPOINT_FIELDS_BY_VERSION = {
    version: frozenset(
        {"id", "phase", "lane"}
        | {f.json_key for f in card_fields.FIELDS if f.json_since <= version}
        | ({"score"} if version >= 3 else set())  # read from `scores` (`_per_persona`)
        | ({journey_images.CARD_KEY} if version >= journey_images.SINCE else set())
    )
    for version in range(1, VERSION + 1)
}
"""A touchpoint's keys, as read, in a file of each version (a field is known from the version that brought it; from
version 3 on, `score` and `target` are the first entries of `scores` and `targets`)."""

_LANGUAGES = {item.value: item for item in Language}
_FRAMEWORKS = {item.value: item for item in Framework}
_KINDS = {item.value: item for item in LaneKind}
_STATUSES = {item.value: item for item in CardStatus}

_TEXT = {str}
_TEXT_OR_NONE = {str, type(None)}
_INT_OR_NONE = {int, type(None)}
_SCORES = frozenset(range(SCORE_MIN, SCORE_MAX + 1))


def _plain_text(field: CardField, column: list[Any]) -> list[Any] | None:
    if set(map(type, column)) != _TEXT or max(map(len, column)) > field.limit:
        return None
    return column


def _plain_title(field: CardField, column: list[Any]) -> list[Any] | None:
    if set(map(type, column)) != _TEXT:
        return None
    trimmed = list(map(str.strip, column))
    return trimmed if min(map(len, trimmed)) > 0 and max(map(len, trimmed)) <= field.limit else None


def read_channel(value: str | None) -> str | None:
    """A channel as read: the catalogue key when the text names a catalogue channel, else as written."""
    return catalogue_key(value) or value


def _plain_channel(_field: CardField, column: list[Any]) -> list[Any] | None:
    if not set(map(type, column)) <= _TEXT_OR_NONE:
        return None
    distinct = set(column)
    if max(map(len, filter(None, distinct)), default=0) > MAX_CHANNEL:
        return None
    read = {value: read_channel(value) for value in distinct}
    return list(map(read.__getitem__, column))


def _plain_score(_field: CardField, column: list[Any]) -> list[Any] | None:
    return column if set(map(type, column)) <= _INT_OR_NONE and set(column) - {None} <= _SCORES else None


def _plain_colour(_field: CardField, column: list[Any]) -> list[Any] | None:
    if not set(map(type, column)) <= _TEXT_OR_NONE or not all(map(_COLOR.fullmatch, set(column) - {None})):
        return None
    return list(map(kept_colour, column))


def _plain_votes(_field: CardField, column: list[Any]) -> list[Any] | None:
    if set(map(type, column)) != {int} or min(column) < 0 or max(column) > MAX_VOTES:
        return None
    return column


def _plain_status(_field: CardField, column: list[Any]) -> list[Any] | None:
    if not set(map(type, column)) <= _TEXT_OR_NONE or not set(column) - {None} <= _STATUSES.keys():
        return None
    return [None if value is None else _STATUSES[value] for value in column]


_PLAIN: dict[ValueKind, Callable[[CardField, list[Any]], list[Any] | None]] = {
    "title": _plain_title,
    "text": _plain_text,
    "channel": _plain_channel,
    "score": _plain_score,
    "colour": _plain_colour,
    "votes": _plain_votes,
    "status": _plain_status,
    "place": plain_place,
}
"""Per kind of field: a whole column of a file's values (one per touchpoint) as the model keeps them (a title
trimmed, a colour in lower case, a status as such) when every value is plainly valid, else None. Checked in a few
passes over the column, each a C loop: the fast path that keeps a 10,000-card file quick to read."""


def kept_colour(value: str | None) -> str | None:
    return value.lower() if value else None


_WRITTEN_AS: dict[ValueKind, Callable[[Any], Any]] = {"title": str.strip, "colour": kept_colour}
"""Per kind of field: how the writer writes a value otherwise than as held (as the reader keeps it, so write ->
read -> write is the same)."""
WRITTEN_KEYS = ("id", "phase", "lane", *(PER_PERSONA.get(field.name, field.json_key) for field in card_fields.FIELDS))
"""A touchpoint's keys as the writer writes them."""
WRITTEN = tuple((operator.attrgetter(f.name), _WRITTEN_AS.get(f.kind)) for f in card_fields.FIELDS)
"""Each field, in `WRITTEN_KEYS`' order after the place: how to get it from a card, and how it is written (None:
as it is held)."""

_MISSING: Final[Any] = object()


@dataclass(slots=True)
class _Cells:
    """What reading the touchpoints keeps track of: ids seen, the next position in each cell, and the
    phases and lanes that references resolve to."""

    seen: dict[str, str]
    next_position: dict[tuple[int, int], int]
    phase_ids: dict[str, int] | None
    lane_ids: dict[str, int] | None
    lane_kinds: dict[int, LaneKind]

    def place(self, phase_id: int, lane_id: int) -> int:
        """The next position in the cell (phase_id, lane_id)."""
        cell = (phase_id, lane_id)
        position = self.next_position.get(cell, 0)
        self.next_position[cell] = position + 1
        return position


class _Reader:
    """One pass over a parsed document: checks every rule, builds the journey, collects problems."""

    def __init__(self, check_surrogates: bool) -> None:
        self.problems: list[str] = []
        self.full = False
        """Whether problems were left out: the reader then stops looking at further items."""
        self.check_surrogates = check_surrogates
        self.touchpoint_keys = _TOUCHPOINT_FIELDS_BY_VERSION[VERSION]
        """A touchpoint's keys in the file's version (`header` sets it)."""
        self.version = 2
        """The file's version (`header` sets it; a file whose version cannot be read is read as a version 2 file, so
        the version is its one problem)."""

    def fail(self, place: str, message: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(f"{place}: {message}")
        else:
            self.full = True

    def all_problems(self) -> list[str]:
        """The problems found; past _MAX_PROBLEMS, a last line saying that there are more."""
        if not self.full:
            return self.problems
        more = say("more problems, not listed (these are the first {0})", number(_MAX_PROBLEMS))
        return [*self.problems, f"document: {more}"]

    # --- generic field checks -----------------------------------------------------------------

    def fields(self, value: object, place: str, allowed: frozenset[str]) -> dict[str, Any] | None:
        """`value` as an object with only `allowed` keys; reports duplicate and unknown keys."""
        if not isinstance(value, dict):
            self.fail(place, say("must be an object, not {0}", kind_of(value)))
            return None
        self.keys(value, place, allowed)
        return value

    def keys(self, value: dict[str, Any], place: str, allowed: frozenset[str]) -> None:
        """Report keys that appear twice in the object at `place` and keys not in `allowed`."""
        if isinstance(value, DuplicateKeys):
            for key in value.duplicates:
                self.fail(member(place, key), say("appears more than once"))
        if not allowed.issuperset(value):
            for key in value:
                if key not in allowed:
                    self.fail(member(place, key), say("unknown field"))

    def text(
        self,
        obj: dict[str, Any],
        key: str,
        place: str,
        limit: int,
        *,
        required: bool = False,
        trim: bool = False,
    ) -> str:
        """A string field: required ones hold 1..limit characters (after trimming if `trim`), optional ones
        0..limit and default to ""."""
        value = obj.get(key, _MISSING)
        if type(value) is str:
            if trim:
                value = value.strip()
            size = len(value)
            if size > limit or (required and not size):
                found = say("it has {0}", number(size)) if size else say("it is empty")
                self.fail(member(place, key), f"{chars(limit, required=required, trimmed=trim)} ({found})")
            elif self.check_surrogates:
                self.unicode(value, member(place, key))
            return value
        if value is _MISSING:
            if required:
                self.fail(member(place, key), say("required field is missing"))
        else:
            self.fail(member(place, key), say("must be a string, not {0}", kind_of(value)))
        return ""

    def nullable_text(self, obj: dict[str, Any], key: str, place: str, limit: int) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not str:
            self.fail(member(place, key), say("must be a string or null, not {0}", kind_of(value)))
            return None
        if len(value) > limit:
            self.fail(
                member(place, key),
                say("must be at most {0} characters or null (it has {1})", number(limit), number(len(value))),
            )
        elif self.check_surrogates:
            self.unicode(value, member(place, key))
        return value

    def color(self, obj: dict[str, Any], place: str) -> str | None:
        """An optional `#rrggbb` colour (either case; kept in lower case); null means the default colour."""
        value = obj.get("color")
        if value is None:
            return None
        if type(value) is str and _COLOR.fullmatch(value):
            return value.lower()
        shown = quote(value) if type(value) is str else kind_of(value)
        self.fail(member(place, "color"), say("must be a colour #rrggbb or null, not {0}", shown))
        return None

    def choice(self, obj: dict[str, Any], key: str, place: str, options: dict[str, Any], default: Any) -> Any:
        """An enum field; `default` is _MISSING when the field is required."""
        value = obj.get(key, _MISSING)
        if type(value) is str and value in options:
            return options[value]
        if value is _MISSING and default is not _MISSING:
            return default
        names = ", ".join(f'"{name}"' for name in options)
        if value is _MISSING:
            self.fail(member(place, key), say("required field is missing (one of {0})", names))
        else:
            shown = quote(value) if type(value) is str else kind_of(value)
            self.fail(member(place, key), say("must be one of {0}, not {1}", names, shown))
        return default

    def nullable_choice(self, obj: dict[str, Any], key: str, place: str, options: dict[str, Any]) -> Any:
        """An optional enum field: one of `options`' names, or null (the default)."""
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is str and value in options:
            return options[value]
        names = ", ".join(f'"{name}"' for name in options)
        shown = quote(value) if type(value) is str else kind_of(value)
        self.fail(member(place, key), say("must be one of {0} or null, not {1}", names, shown))
        return None

    def identifier(self, obj: dict[str, Any], place: str, seen: dict[str, str]) -> str | None:
        """The `id` of an item: a string unique among its siblings; `seen` maps each id to its first place."""
        value = obj.get("id", _MISSING)
        if type(value) is not str:
            if value is _MISSING:
                self.fail(member(place, "id"), say("required field is missing"))
            else:
                self.fail(member(place, "id"), say("must be a string, not {0}", kind_of(value)))
            return None
        first = seen.get(value)
        if first is not None:
            self.fail(member(place, "id"), say("{0} is used twice (also at {1})", quote(value), first))
            return None
        seen[value] = place
        return value

    def array(self, root: dict[str, Any], key: str, low: int, high: int) -> list[Any] | None:
        value = root.get(key, _MISSING)
        if value is _MISSING:
            self.fail(key, say("required field is missing"))
            return None
        if not isinstance(value, list):
            self.fail(key, say("must be an array, not {0}", kind_of(value)))
            return None
        if not low <= len(value) <= high:
            bounds = say("{0} to {1}", low, number(high)) if low else say("at most {0}", number(high))
            self.fail(key, say("must hold {0} {1} (it holds {2})", bounds, key, number(len(value))))
        return value

    def unicode(self, value: str, place: str) -> None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(place, say("holds an unpaired surrogate escape, which is not text"))
        if "\x00" in value:
            self.fail(place, say("holds a NUL character (\\u0000), which a library cannot keep"))

    # --- the document --------------------------------------------------------------------------

    def journey(self, document: object) -> Journey | None:
        if not isinstance(document, dict):
            self.fail("document", say("must be an object, not {0}", kind_of(document)))
            return None
        root: dict[str, Any] = document
        self.header(root)
        self.keys(root, "", _TOP_FIELDS_BY_VERSION[self.version])
        title = self.text(root, "title", "", MAX_TITLE, required=True, trim=True)
        description = self.text(root, "description", "", MAX_TEXT)
        language = self.choice(root, "language", "", _LANGUAGES, Language.EN)
        framework = self.choice(root, "framework", "", _FRAMEWORKS, Framework.CUSTOM)
        if self.version >= 3:
            persona_list = self.array(root, "personas", 0, MAX_PERSONAS) if "personas" in root else []
            personas = self.personas(persona_list or [])
        else:
            persona = self.persona(root.get("persona"), "persona", _PERSONA_FIELDS)
            personas = [] if persona is None else [persona]
        phase_list = self.array(root, "phases", 1, MAX_PHASES)
        lane_list = self.array(root, "lanes", 1, MAX_LANES)
        touchpoint_list = self.array(root, "touchpoints", 0, MAX_TOUCHPOINTS)
        phases, phase_ids = self.phases(phase_list or [])
        lanes, lane_ids = self.lanes(lane_list or [])
        items, ratings = (
            per_persona(touchpoint_list or [], len(personas), self.fail)
            if self.version >= 3
            else (touchpoint_list or [], [{} for _ in touchpoint_list or []])
        )
        touchpoints = self.touchpoints(
            items,
            phase_ids if phase_list is not None else None,
            lane_ids if lane_list is not None else None,
            {lane.id: lane.kind for lane in lanes},
        )
        matrix = read_labels(root, self.fields, self.text) if self.version >= 4 else MatrixLabels()
        comments = []
        if self.version >= SINCE and "comments" in root:
            card_ids = {str(item.get("id")): n for n, item in enumerate(items, 1) if isinstance(item, dict)}
            comments = read_comments(self.array(root, "comments", 0, MAX_COMMENTS) or [], card_ids, self)
        wall = None
        if self.version >= journey_images.SINCE and not self.problems:
            wall = journey_images.read(root, touchpoint_list or [], touchpoints, self.fail)
        if self.problems:
            return None
        for card, rated in zip(touchpoints, ratings, strict=True):
            card.ratings = {index + 1: rating for index, rating in rated.items()}
        return Journey(
            id=0,
            title=title,
            description=description,
            language=language,
            framework=framework,
            personas=personas,
            phases=phases,
            lanes=lanes,
            touchpoints=touchpoints,
            matrix=matrix,
            comments=comments,
            wall_photo=wall,
        )

    def header(self, root: dict[str, Any]) -> None:
        form = root.get("format", _MISSING)
        if form is _MISSING:
            self.fail("format", say('required field is missing (it must be "{0}")', FORMAT))
        elif form != FORMAT:
            shown = quote(form) if type(form) is str else kind_of(form)
            self.fail("format", say('must be "{0}", not {1}', FORMAT, shown))
        version = root.get("version", _MISSING)
        if version is _MISSING:
            self.fail("version", say("required field is missing"))
        elif type(version) is not int:
            self.fail("version", say("must be the integer {0}, not {1}", _READABLE, kind_of(version)))
        elif version > VERSION:
            self.fail("version", _newer(version))
        elif version < 1:
            self.fail("version", say("must be {0} (it is {1})", _READABLE, clip_number(version)))
        else:
            self.touchpoint_keys = _TOUCHPOINT_FIELDS_BY_VERSION[version]
            self.version = version

    def persona(self, value: object, place: str, allowed: frozenset[str]) -> Persona | None:
        if value is None and place == "persona":
            return None
        if not isinstance(value, dict):
            what = say("an object or null") if place == "persona" else say("an object")
            self.fail(place, say("must be {0}, not {1}", what, kind_of(value)))
            return None
        obj: dict[str, Any] = value
        self.keys(obj, place, allowed)
        return Persona(
            name=self.text(obj, "name", place, MAX_PERSONA_NAME, required=True),
            description=self.text(obj, "description", place, MAX_TEXT),
            goals=self.text(obj, "goals", place, MAX_TEXT),
            frustrations=self.text(obj, "frustrations", place, MAX_TEXT),
            color=self.color(obj, place) if "color" in allowed else None,
        )

    def personas(self, items: list[Any]) -> list[Persona]:
        """A version-3 file's personas, with ids 1..n in file order (the ratings name them so)."""
        found: list[Persona] = []
        for index, item in enumerate(items):
            persona = self.persona(item, f"personas[{index}]", _PERSONA_FIELDS_V3)
            if persona is not None:
                persona.id = index + 1
                found.append(persona)
        return found

    def phases(self, items: list[Any]) -> tuple[list[Phase], dict[str, int]]:
        """The phases with ids 1..n in file order, and the file's phase ids mapped to those."""
        phases: list[Phase] = []
        ids: dict[str, int] = {}
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            if self.full:
                break
            place = f"phases[{index}]"
            obj = self.fields(item, place, _PHASE_FIELDS)
            if obj is None:
                continue
            key = self.identifier(obj, place, seen)
            if key is not None:
                ids[key] = index + 1
            name = self.text(obj, "name", place, MAX_NAME, required=True)
            description = self.text(obj, "description", place, MAX_TEXT)
            phases.append(Phase(index + 1, name, description, self.color(obj, place)))
        return phases, ids

    def lanes(self, items: list[Any]) -> tuple[list[Lane], dict[str, int]]:
        """The lanes with ids 1..n in file order, and the file's lane ids mapped to those."""
        lanes: list[Lane] = []
        ids: dict[str, int] = {}
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            if self.full:
                break
            place = f"lanes[{index}]"
            obj = self.fields(item, place, _LANE_FIELDS)
            if obj is None:
                continue
            key = self.identifier(obj, place, seen)
            if key is not None:
                ids[key] = index + 1
            name = self.text(obj, "name", place, MAX_NAME, required=True)
            kind = self.choice(obj, "kind", place, _KINDS, _MISSING)
            color = self.color(obj, place)
            if kind is not _MISSING:
                lanes.append(Lane(index + 1, name, kind, color))
        return lanes, ids

    def touchpoints(
        self,
        items: list[Any],
        phase_ids: dict[str, int] | None,
        lane_ids: dict[str, int] | None,
        lane_kinds: dict[int, LaneKind],
    ) -> list[Touchpoint]:
        """The touchpoints with ids 1..n in file order; position = order among those sharing a cell.
        A reference is only checked when its array could be read at all (`phase_ids`/`lane_ids` not None)."""
        cells = _Cells(seen={}, next_position={}, phase_ids=phase_ids, lane_ids=lane_ids, lane_kinds=lane_kinds)
        rows = self.plain_fields(items)
        touchpoints: list[Touchpoint] = []
        for index, item in enumerate(items):
            if self.full:
                break
            card = None
            if rows is not None:
                card = self.valid_touchpoint(item, index, cells, rows[index])
            if card is None:
                card = self.touchpoint(item, index, cells)
            if card is not None:
                touchpoints.append(card)
        return touchpoints

    def plain_fields(self, items: list[Any]) -> list[tuple[Any, ...]] | None:
        """Every touchpoint's fields (in model order, as the model keeps them) when every item is an object with
        only known keys and every field of every one is plainly valid (`_PLAIN`), else None: then `touchpoint`
        checks each item and reports its problems. Not taken when a string may hide a NUL or a lone surrogate."""
        if self.check_surrogates or not items:
            return None
        if set(map(type, items)) != {dict} or not all(map(self.touchpoint_keys.issuperset, items)):
            return None
        columns: list[list[Any]] = []
        for field in card_fields.FIELDS:
            key, default = field.json_key, field.default
            column = _PLAIN[field.kind](field, [item.get(key, default) for item in items])
            if column is None:
                return None
            columns.append(column)
        return list(zip(*columns, strict=True))

    def valid_touchpoint(
        self, obj: dict[str, Any], index: int, cells: _Cells, fields: tuple[Any, ...]
    ) -> Touchpoint | None:
        """The touchpoint with its plainly valid `fields` when its id and place are plainly valid too, else None
        (and nothing recorded) so that `touchpoint` reports the problems."""
        get = obj.get
        key, phase, lane = get("id"), get("phase"), get("lane")
        phase_ids, lane_ids = cells.phase_ids, cells.lane_ids
        if type(key) is not str or key in cells.seen or type(phase) is not str or type(lane) is not str:
            return None
        if phase_ids is None or lane_ids is None:
            return None
        phase_id, lane_id = phase_ids.get(phase, 0), lane_ids.get(lane, 0)
        if not phase_id or not lane_id or cells.lane_kinds.get(lane_id) is LaneKind.EMOTIONS:
            return None
        cells.seen[key] = f"touchpoints[{index}]"
        return Touchpoint(index + 1, phase_id, lane_id, cells.place(phase_id, lane_id), *fields)

    def touchpoint(self, item: object, index: int, cells: _Cells) -> Touchpoint | None:
        """The touchpoint at `index`, reporting every problem it has."""
        place = f"touchpoints[{index}]"
        obj = self.fields(item, place, self.touchpoint_keys)
        if obj is None:
            return None
        self.identifier(obj, place, cells.seen)
        phase = self.reference(obj, "phase", place, cells.phase_ids)
        lane = self.reference(obj, "lane", place, cells.lane_ids)
        if lane and cells.lane_kinds.get(lane) is LaneKind.EMOTIONS:
            shown = quote(obj["lane"])
            self.fail(member(place, "lane"), say("names the emotions lane {0}, which holds no touchpoints", shown))
        values = {field.name: self.card_field(obj, field, place) for field in card_fields.FIELDS}
        return Touchpoint(id=index + 1, phase_id=phase, lane_id=lane, position=cells.place(phase, lane), **values)

    def card_field(self, obj: dict[str, Any], field: CardField, place: str) -> Any:
        """One field of a touchpoint, checked by its kind (every problem reported)."""
        kind, key = field.kind, field.json_key
        if kind == "title":
            return self.text(obj, key, place, field.limit, required=True, trim=True)
        if kind == "text":
            return self.text(obj, key, place, field.limit)
        if kind == "channel":
            return read_channel(self.nullable_text(obj, key, place, MAX_CHANNEL))
        if kind == "score":
            return self.score(obj, key, place)
        if kind == "colour":
            return self.color(obj, place)
        if kind == "status":
            return self.nullable_choice(obj, key, place, _STATUSES)
        if kind == "place":
            return read_place(obj, key, place, self.fail)
        return self.votes(obj, place)

    def reference(self, obj: dict[str, Any], key: str, place: str, ids: dict[str, int] | None) -> int:
        """The new id of the phase or lane that `key` names, or 0 when it names none."""
        value = obj.get(key, _MISSING)
        if type(value) is str:
            found = ids.get(value, 0) if ids is not None else 0
            if not found and ids is not None:
                self.fail(member(place, key), say("{0} is not the id of any {1} in {1}s", quote(value), key))
            return found
        if value is _MISSING:
            self.fail(member(place, key), say("required field is missing"))
        else:
            self.fail(member(place, key), say("must be a string (the id of a {0}), not {1}", key, kind_of(value)))
        return 0

    def score(self, obj: dict[str, Any], key: str, place: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not int:
            self.fail(
                member(place, key),
                say("must be an integer {0} to {1} or null, not {2}", SCORE_MIN, SCORE_MAX, kind_of(value)),
            )
            return None
        if not SCORE_MIN <= value <= SCORE_MAX:
            self.fail(member(place, key), say("must be {0} to {1} or null", SCORE_MIN, SCORE_MAX))
            return None
        return value

    def votes(self, obj: dict[str, Any], place: str) -> int:
        value = obj.get("votes", 0)
        if type(value) is not int:
            self.fail(member(place, "votes"), say("must be an integer of at least 0, not {0}", kind_of(value)))
            return 0
        if not 0 <= value <= MAX_VOTES:
            self.fail(
                member(place, "votes"), say("must be 0 to {0} (it is {1})", number(MAX_VOTES), clip_number(value))
            )
            return 0
        return value


def _newer(version: int) -> str:
    return say("this file is version {0}; this cjmapper reads version {1}", clip_number(version), VERSION)


def _newer_version(document: object) -> int | None:
    """The version of a cjmapper journey file newer than this reader can read, else None."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None
    version = document.get("version")
    return version if type(version) is int and version > VERSION else None


def read_journey(data: str | bytes, source: str = "") -> Journey:
    """Read a journey-json document. Raises InterchangeError listing every problem, each with its place.

    Bytes must be UTF-8 (a leading byte order mark is tolerated). The result has id 0 and ids local to the
    file: phases, lanes and touchpoints numbered 1..n in file order."""
    text = decode(data, source)
    document = parse(text, source)
    newer = _newer_version(document)
    if newer is not None:
        raise refuse(f"version: {_newer(newer)}", source)
    reader = _Reader(check_surrogates=_SUSPECT_ESCAPE.search(text) is not None)
    journey = reader.journey(document)
    if journey is None or reader.problems:
        raise InterchangeError(reader.all_problems() or ["document: " + say("cannot be read")], source)
    return journey


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def read_journey_file(path: Path) -> Journey:
    """Read a journey file; a file too large is refused before it is read, and any OSError becomes an
    InterchangeError naming the file."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > untrusted_json.MAX_FILE_BYTES:
            raise refuse(too_large(size), name)
        with path.open("rb") as stream:
            data = stream.read(untrusted_json.MAX_FILE_BYTES + 1)  # bounded, even if it grew or is no regular file
    except OSError as error:
        raise refuse(say("cannot read the file ({0})", _reason(error)), name) from None
    return read_journey(data, source=name)

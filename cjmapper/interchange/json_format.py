"""The journey interchange file (journey-json): a strict reader and a canonical writer.

The reader checks every rule of the format in one pass over the parsed document, collects every problem with
its place (`touchpoints[12].score: must be 1 to 5 or null`) and raises `InterchangeError` when there is any;
it never returns half a journey. The writer produces the canonical form, so write -> read -> write is
byte-identical.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cjmapper import card_fields
from cjmapper.card_fields import CardField, ValueKind
from cjmapper.errors import InterchangeError
from cjmapper.file_names import replace_file
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_LANES,
    MAX_NAME,
    MAX_PERSONA_NAME,
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
    Persona,
    Phase,
    Touchpoint,
)

FORMAT: Final = "cjmapper.journey"
VERSION: Final = 2
"""Version 2 added a touchpoint's `status`; version 1 files are read as they were (no status)."""
MAX_FILE_BYTES = 256 * 1024 * 1024
"""Input larger than this is refused before parsing (read at call time, so tests may lower it)."""

_BOM = "\ufeff"
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
# A \u escape of a UTF-16 surrogate or of NUL: only then can a parsed string hold an unpaired surrogate or a NUL
# (raw control characters inside strings are refused by the parser itself).
_SUSPECT_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|0000)")
# Strings, bare constants and numbers: to find where json gave up on a NaN or an over-long integer.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)|(-?\d++(?:\.\d++)?(?:[eE][+-]?\d++)?)')
_MAX_INT_DIGITS = 4300  # CPython's default limit for int(str)
# json's C scanner stops deep nesting with RecursionError at the recursion limit. Only when a program has
# raised that limit far enough that the C stack might run out first is the nesting measured beforehand.
_TRUSTED_RECURSION_LIMIT = 3000
_MAX_DEPTH = 1000
_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_TOO_DEEP = "document: arrays or objects are nested too deeply to read"
# Parsing makes a Python object of dozens of bytes for each JSON value: a file of "[],[],..." within the size limit
# would take gigabytes. So before parsing, the values are bounded by what the largest valid journey holds (per
# touchpoint, phase or lane: one object, 11 commas, 20 strings), with room to spare so that a file with too many
# touchpoints is still told so by the reader. Strings are counted by their opening quotes (no backslash precedes
# one); arrays, objects and other values by their brackets and commas, first over the whole text, cheaply, and only
# when that finds too many, again without the strings' contents (a note may hold any number of commas).
_CONTAINERS_PER_ITEM = 2
_SEPARATORS_PER_ITEM = 24
_QUOTES_PER_ITEM = 48
_ROOM = 10_000
# A string, closing quote or not (so that no match fails and the scan stays linear whatever the input), and a
# stretch of text that ends outside any string.
_STRING_PATTERN = r'"[^"\\]*+(?:\\[\s\S]?[^"\\]*+)*+(?:"|\Z)'
_STRING = re.compile(_STRING_PATTERN)
_STRETCH = re.compile(rf'(?:[^"]{{1,65536}}+|{_STRING_PATTERN}){{1,64}}+')
_TOO_MANY = (
    "document: holds far more values than a journey file can (a journey has at most {0:,} touchpoints, "
    "{1} phases and {2} lanes); it was not read"
)
_READABLE = " or ".join(str(version) for version in range(1, VERSION + 1))
"""The versions this reader reads, for a message ("1 or 2")."""
_MAX_PROBLEMS = 1000
"""Problems listed at most; a file with more gets one last line that says so, and is not read further."""

_TOP_FIELDS = frozenset(
    {"format", "version", "title", "description", "language", "framework", "persona"}
    | {"phases", "lanes", "touchpoints"}
)
_PERSONA_FIELDS = frozenset({"name", "description", "goals", "frustrations"})
_PHASE_FIELDS = frozenset({"id", "name", "description", "color"})
_LANE_FIELDS = frozenset({"id", "name", "kind", "color"})
_TOUCHPOINT_FIELDS_BY_VERSION = {
    version: frozenset({"id", "phase", "lane"} | {f.json_key for f in card_fields.FIELDS if f.json_since <= version})
    for version in range(1, VERSION + 1)
}
"""A touchpoint's keys in a file of each version (a field is known from the version that brought it)."""

_LANGUAGES = {item.value: item for item in Language}
_FRAMEWORKS = {item.value: item for item in Framework}
_KINDS = {item.value: item for item in LaneKind}
_STATUSES = {item.value: item for item in CardStatus}

_PLAIN: dict[ValueKind, Callable[[CardField], Callable[[Any], bool]]] = {
    "title": lambda field: lambda v: type(v) is str and 0 < len(v.strip()) <= field.limit,
    "text": lambda field: lambda v: type(v) is str and len(v) <= field.limit,
    "channel": lambda _field: lambda v: v is None or (type(v) is str and len(v) <= MAX_CHANNEL),
    "score": lambda _field: lambda v: v is None or (type(v) is int and SCORE_MIN <= v <= SCORE_MAX),
    "colour": lambda _field: lambda v: v is None or (type(v) is str and _COLOR.fullmatch(v) is not None),
    "votes": lambda _field: lambda v: type(v) is int and 0 <= v <= MAX_VOTES,
    "status": lambda _field: lambda v: v is None or (type(v) is str and v in _STATUSES),
}
"""Per kind of field: whether a value is plainly valid (the fast path; `_Reader.card_field` reports problems)."""
_PLAIN_FIELDS = tuple((field.json_key, field.default, _PLAIN[field.kind](field)) for field in card_fields.FIELDS)


def _color(value: str | None) -> str | None:
    return value.lower() if value else None


def _status(value: str | None) -> CardStatus | None:
    return None if value is None else CardStatus(value)


_TAKE: dict[ValueKind, Callable[[Any], Any]] = {"title": str.strip, "colour": _color, "status": _status}
"""Per kind of field: how a valid value read from a file is kept (a title trimmed, a colour in lower case)."""
_TAKEN = tuple((at, _TAKE[field.kind]) for at, field in enumerate(card_fields.FIELDS) if field.kind in _TAKE)
_WRITTEN = tuple((field, _TAKE.get(field.kind, lambda value: value)) for field in card_fields.FIELDS)
"""Each field with how the writer writes it (as the reader keeps it, so write -> read -> write is identical)."""

_MISSING: Final[Any] = object()


class _DuplicateKeys(dict[str, Any]):
    """A JSON object in which some key appears more than once (json keeps the last value)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


class _BareConstantError(Exception):
    """json met NaN, Infinity or -Infinity, which are not JSON."""


def _object_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    duplicates: dict[str, None] = {}  # ordered, without repeats
    for key, _ in pairs:
        if key in seen:
            duplicates[key] = None
        seen.add(key)
    return _DuplicateKeys(pairs, list(duplicates))


def _refuse_constant(name: str) -> Any:
    raise _BareConstantError(name)


# ---------------------------------------------------------------------------------------------- messages


def _kind(value: object) -> str:
    """How a JSON value is named in a message: 'a string', 'null', ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _quote(text: str, limit: int = 40) -> str:
    """`text` as a JSON string for a message: shortened, and safe to print even with lone surrogates."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    quoted = json.dumps(text, ensure_ascii=False)
    try:
        quoted.encode("utf-8")
    except UnicodeEncodeError:
        quoted = json.dumps(text)
    return quoted


def _member(place: str, key: str) -> str:
    """The place of `key` inside the object at `place`: `touchpoints[3].title`, `phases[0]["a b"]`."""
    part = f".{key}" if _PLAIN_KEY.fullmatch(key) else f"[{_quote(key)}]"
    return part[1:] if not place and part[0] == "." else place + part


def _count(number: int) -> str:
    return f"{number:,}"


def _chars(limit: int, *, required: bool, trimmed: bool) -> str:
    if not required:
        return f"must be at most {limit:,} characters"
    return f"must be 1 to {limit:,} characters" + (" after trimming" if trimmed else "")


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _clip_number(number: int) -> str:
    """`number` for a message; a huge one shortened."""
    digits = str(number)
    return digits if len(digits) <= 20 else digits[:12] + "…"


# ---------------------------------------------------------------------------------------------- decoding


def _refuse(problem: str, source: str) -> InterchangeError:
    return InterchangeError([problem], source)


def _too_large(size: int, *, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    return f"file: too large to read ({more}{_count(size)} bytes; the limit is {_count(MAX_FILE_BYTES)} bytes)"


def _decode(data: str | bytes, source: str) -> str:
    """The document's text, after the size check: bytes must be UTF-8, a str must encode as UTF-8; one
    leading byte order mark is tolerated and dropped."""
    if len(data) > MAX_FILE_BYTES:  # a str longer than the limit in characters is longer in bytes too
        raise _refuse(_too_large(len(data), at_least=isinstance(data, str)), source)
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as error:
            where = _line_column(data, error.start)
            raise _refuse(f"{where}: not valid Unicode text (an unpaired surrogate)", source) from None
        if size > MAX_FILE_BYTES:
            raise _refuse(_too_large(size), source)
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _refuse(_not_utf8(data, error), source) from None
    return text[1:] if text.startswith(_BOM) else text


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    start = error.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    bad = data[start : start + 1].hex()
    return f"line {line}, byte {column}: not UTF-8 text (byte 0x{bad}: {error.reason}); save the file as UTF-8"


def _locate(text: str, is_culprit: int) -> str:
    """The line and column of the first bare constant (group 1) or over-long integer (group 2)."""
    for match in _TOKEN.finditer(text):
        if is_culprit == 1 and match.group(1):
            return _line_column(text, match.start())
        number = match.group(2)
        if is_culprit == 2 and number and len(number) > _MAX_INT_DIGITS and number.lstrip("-").isdigit():
            return _line_column(text, match.start())
    return "document"


def _too_deep(text: str) -> bool:
    """Whether arrays and objects nest deeper than _MAX_DEPTH (measured under a raised recursion limit)."""
    if sys.getrecursionlimit() <= _TRUSTED_RECURSION_LIMIT:
        return False
    depth = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > _MAX_DEPTH:
                return True
        elif token == "]" or token == "}":
            depth -= 1
    return False


@dataclass(frozen=True, slots=True)
class ValuesPerItem:
    """The most arrays and objects, commas, and strings' quotes that one touchpoint, phase or lane takes in a kind of
    JSON text that holds one journey."""

    containers: int
    separators: int
    quotes: int


JOURNEY_FILE_VALUES = ValuesPerItem(_CONTAINERS_PER_ITEM, _SEPARATORS_PER_ITEM, _QUOTES_PER_ITEM)


def too_many_values(text: str, per_item: ValuesPerItem = JOURNEY_FILE_VALUES) -> bool:
    """Whether JSON `text` holds far more arrays, objects or values than the largest valid journey, at `per_item`:
    the bound checked before parsing, in time linear in the text and allocating little (parsing a flood of tiny
    values would take dozens of bytes of memory per value)."""
    items = MAX_TOUCHPOINTS + MAX_PHASES + MAX_LANES
    quotes = per_item.quotes * items + _ROOM
    containers = per_item.containers * items + _ROOM
    separators = per_item.separators * items + _ROOM
    size = len(text)  # a text shorter than a bound cannot hold more than it: most files skip every count
    if size > quotes and text.count('"') - text.count('\\"') > quotes:
        return True
    if (size <= containers or text.count("{") + text.count("[") <= containers) and (
        size <= separators or text.count(",") <= separators
    ):
        return False
    for stretch in _STRETCH.finditer(text):
        bare = _STRING.sub("", stretch.group())
        containers -= bare.count("{") + bare.count("[")
        separators -= bare.count(",")
        if containers < 0 or separators < 0:
            return True
    return False


_JSON_MESSAGES = {
    "Unterminated string starting at": "a string is not closed",
    "Invalid control character at": "a control character inside a string",
}


def _json_message(message: str) -> str:
    """json's message in the reader's words: without "at" (the place is given already) or Python advice."""
    if message.startswith("Unexpected UTF-8 BOM"):
        return "a second byte order mark"
    message = _JSON_MESSAGES.get(message, message.removesuffix(" at"))
    return message[:1].lower() + message[1:]


def _parse(text: str, source: str) -> Any:
    if _too_deep(text):
        raise _refuse(_TOO_DEEP, source)
    if too_many_values(text):
        raise _refuse(_TOO_MANY.format(MAX_TOUCHPOINTS, MAX_PHASES, MAX_LANES), source)
    try:
        return json.loads(text, object_pairs_hook=_object_hook, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        problem = f"line {error.lineno}, column {error.colno}: not valid JSON ({_json_message(error.msg)})"
    except _BareConstantError as error:
        problem = f"{_locate(text, 1)}: not valid JSON ({error.args[0]} is not a JSON number)"
    except RecursionError:
        problem = _TOO_DEEP
    except ValueError as error:  # an integer too long for int(); anything else json refuses
        if "digits" in str(error):
            problem = f"{_locate(text, 2)}: not valid JSON (a number has more than {_MAX_INT_DIGITS} digits)"
        else:
            problem = f"document: not valid JSON ({error})"
    raise _refuse(problem, source)


# ---------------------------------------------------------------------------------------------- validation


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

    def fail(self, place: str, message: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(f"{place}: {message}")
        else:
            self.full = True

    def all_problems(self) -> list[str]:
        """The problems found; past _MAX_PROBLEMS, a last line saying that there are more."""
        if not self.full:
            return self.problems
        return [*self.problems, f"document: more problems, not listed (these are the first {_MAX_PROBLEMS:,})"]

    # --- generic field checks -----------------------------------------------------------------

    def fields(self, value: object, place: str, allowed: frozenset[str]) -> dict[str, Any] | None:
        """`value` as an object with only `allowed` keys; reports duplicate and unknown keys."""
        if not isinstance(value, dict):
            self.fail(place, f"must be an object, not {_kind(value)}")
            return None
        self.keys(value, place, allowed)
        return value

    def keys(self, value: dict[str, Any], place: str, allowed: frozenset[str]) -> None:
        """Report keys that appear twice in the object at `place` and keys not in `allowed`."""
        if isinstance(value, _DuplicateKeys):
            for key in value.duplicates:
                self.fail(_member(place, key), "appears more than once")
        if not allowed.issuperset(value):
            for key in value:
                if key not in allowed:
                    self.fail(_member(place, key), "unknown field")

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
                found = f"it has {size:,}" if size else "it is empty"
                self.fail(_member(place, key), f"{_chars(limit, required=required, trimmed=trim)} ({found})")
            elif self.check_surrogates:
                self.unicode(value, _member(place, key))
            return value
        if value is _MISSING:
            if required:
                self.fail(_member(place, key), "required field is missing")
        else:
            self.fail(_member(place, key), f"must be a string, not {_kind(value)}")
        return ""

    def nullable_text(self, obj: dict[str, Any], key: str, place: str, limit: int) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not str:
            self.fail(_member(place, key), f"must be a string or null, not {_kind(value)}")
            return None
        if len(value) > limit:
            self.fail(_member(place, key), f"must be at most {limit:,} characters or null (it has {len(value):,})")
        elif self.check_surrogates:
            self.unicode(value, _member(place, key))
        return value

    def color(self, obj: dict[str, Any], place: str) -> str | None:
        """An optional `#rrggbb` colour (either case; kept in lower case); null means the default colour."""
        value = obj.get("color")
        if value is None:
            return None
        if type(value) is str and _COLOR.fullmatch(value):
            return value.lower()
        shown = _quote(value) if type(value) is str else _kind(value)
        self.fail(_member(place, "color"), f"must be a colour #rrggbb or null, not {shown}")
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
            self.fail(_member(place, key), f"required field is missing (one of {names})")
        else:
            shown = _quote(value) if type(value) is str else _kind(value)
            self.fail(_member(place, key), f"must be one of {names}, not {shown}")
        return default

    def nullable_choice(self, obj: dict[str, Any], key: str, place: str, options: dict[str, Any]) -> Any:
        """An optional enum field: one of `options`' names, or null (the default)."""
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is str and value in options:
            return options[value]
        names = ", ".join(f'"{name}"' for name in options)
        shown = _quote(value) if type(value) is str else _kind(value)
        self.fail(_member(place, key), f"must be one of {names} or null, not {shown}")
        return None

    def identifier(self, obj: dict[str, Any], place: str, seen: dict[str, str]) -> str | None:
        """The `id` of an item: a string unique among its siblings; `seen` maps each id to its first place."""
        value = obj.get("id", _MISSING)
        if type(value) is not str:
            if value is _MISSING:
                self.fail(_member(place, "id"), "required field is missing")
            else:
                self.fail(_member(place, "id"), f"must be a string, not {_kind(value)}")
            return None
        first = seen.get(value)
        if first is not None:
            self.fail(_member(place, "id"), f"{_quote(value)} is used twice (also at {first})")
            return None
        seen[value] = place
        return value

    def array(self, root: dict[str, Any], key: str, low: int, high: int) -> list[Any] | None:
        value = root.get(key, _MISSING)
        if value is _MISSING:
            self.fail(key, "required field is missing")
            return None
        if not isinstance(value, list):
            self.fail(key, f"must be an array, not {_kind(value)}")
            return None
        if not low <= len(value) <= high:
            bounds = f"{low} to {high:,}" if low else f"at most {high:,}"
            self.fail(key, f"must hold {bounds} {key} (it holds {len(value):,})")
        return value

    def unicode(self, value: str, place: str) -> None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(place, "holds an unpaired surrogate escape, which is not text")
        if "\x00" in value:
            self.fail(place, "holds a NUL character (\\u0000), which a library cannot keep")

    # --- the document --------------------------------------------------------------------------

    def journey(self, document: object) -> Journey | None:
        if not isinstance(document, dict):
            self.fail("document", f"must be an object, not {_kind(document)}")
            return None
        root: dict[str, Any] = document
        self.header(root)
        self.keys(root, "", _TOP_FIELDS)
        title = self.text(root, "title", "", MAX_TITLE, required=True, trim=True)
        description = self.text(root, "description", "", MAX_TEXT)
        language = self.choice(root, "language", "", _LANGUAGES, Language.EN)
        framework = self.choice(root, "framework", "", _FRAMEWORKS, Framework.CUSTOM)
        persona = self.persona(root.get("persona"))
        phase_list = self.array(root, "phases", 1, MAX_PHASES)
        lane_list = self.array(root, "lanes", 1, MAX_LANES)
        touchpoint_list = self.array(root, "touchpoints", 0, MAX_TOUCHPOINTS)
        phases, phase_ids = self.phases(phase_list or [])
        lanes, lane_ids = self.lanes(lane_list or [])
        touchpoints = self.touchpoints(
            touchpoint_list or [],
            phase_ids if phase_list is not None else None,
            lane_ids if lane_list is not None else None,
            {lane.id: lane.kind for lane in lanes},
        )
        if self.problems:
            return None
        return Journey(
            id=0,
            title=title,
            description=description,
            language=language,
            framework=framework,
            persona=persona,
            phases=phases,
            lanes=lanes,
            touchpoints=touchpoints,
        )

    def header(self, root: dict[str, Any]) -> None:
        form = root.get("format", _MISSING)
        if form is _MISSING:
            self.fail("format", f'required field is missing (it must be "{FORMAT}")')
        elif form != FORMAT:
            shown = _quote(form) if type(form) is str else _kind(form)
            self.fail("format", f'must be "{FORMAT}", not {shown}')
        version = root.get("version", _MISSING)
        if version is _MISSING:
            self.fail("version", "required field is missing")
        elif type(version) is not int:
            self.fail("version", f"must be the integer {_READABLE}, not {_kind(version)}")
        elif version > VERSION:
            self.fail("version", _newer(version))
        elif version < 1:
            self.fail("version", f"must be {_READABLE} (it is {_clip_number(version)})")
        else:
            self.touchpoint_keys = _TOUCHPOINT_FIELDS_BY_VERSION[version]

    def persona(self, value: object) -> Persona | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail("persona", f"must be an object or null, not {_kind(value)}")
            return None
        obj: dict[str, Any] = value
        self.keys(obj, "persona", _PERSONA_FIELDS)
        return Persona(
            name=self.text(obj, "name", "persona", MAX_PERSONA_NAME, required=True),
            description=self.text(obj, "description", "persona", MAX_TEXT),
            goals=self.text(obj, "goals", "persona", MAX_TEXT),
            frustrations=self.text(obj, "frustrations", "persona", MAX_TEXT),
        )

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
        fast = not self.check_surrogates
        touchpoints: list[Touchpoint] = []
        for index, item in enumerate(items):
            if self.full:
                break
            card = None
            if fast and type(item) is dict and self.touchpoint_keys.issuperset(item):
                card = self.valid_touchpoint(item, index, cells)
            if card is None:
                card = self.touchpoint(item, index, cells)
            if card is not None:
                touchpoints.append(card)
        return touchpoints

    def valid_touchpoint(self, obj: dict[str, Any], index: int, cells: _Cells) -> Touchpoint | None:
        """The touchpoint when every field is plainly valid, else None (and nothing recorded) so that
        `touchpoint` reports the problems. The fast path that keeps a 10,000-card file quick to read."""
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
        values = [get(json_key, default) for json_key, default, _plain in _PLAIN_FIELDS]
        for value, (_key, _default, plain) in zip(values, _PLAIN_FIELDS, strict=True):
            if not plain(value):
                return None
        cells.seen[key] = f"touchpoints[{index}]"
        position = cells.place(phase_id, lane_id)
        for at, take in _TAKEN:
            values[at] = take(values[at])
        return Touchpoint(index + 1, phase_id, lane_id, position, *values)

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
            shown = _quote(obj["lane"])
            self.fail(_member(place, "lane"), f"names the emotions lane {shown}, which holds no touchpoints")
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
            return self.nullable_text(obj, key, place, MAX_CHANNEL)
        if kind == "score":
            return self.score(obj, place)
        if kind == "colour":
            return self.color(obj, place)
        if kind == "status":
            return self.nullable_choice(obj, key, place, _STATUSES)
        return self.votes(obj, place)

    def reference(self, obj: dict[str, Any], key: str, place: str, ids: dict[str, int] | None) -> int:
        """The new id of the phase or lane that `key` names, or 0 when it names none."""
        value = obj.get(key, _MISSING)
        if type(value) is str:
            found = ids.get(value, 0) if ids is not None else 0
            if not found and ids is not None:
                self.fail(_member(place, key), f"{_quote(value)} is not the id of any {key} in {key}s")
            return found
        if value is _MISSING:
            self.fail(_member(place, key), "required field is missing")
        else:
            self.fail(_member(place, key), f"must be a string (the id of a {key}), not {_kind(value)}")
        return 0

    def score(self, obj: dict[str, Any], place: str) -> int | None:
        value = obj.get("score")
        if value is None:
            return None
        if type(value) is not int:
            self.fail(
                _member(place, "score"),
                f"must be an integer {SCORE_MIN} to {SCORE_MAX} or null, not {_kind(value)}",
            )
            return None
        if not SCORE_MIN <= value <= SCORE_MAX:
            self.fail(_member(place, "score"), f"must be {SCORE_MIN} to {SCORE_MAX} or null")
            return None
        return value

    def votes(self, obj: dict[str, Any], place: str) -> int:
        value = obj.get("votes", 0)
        if type(value) is not int:
            self.fail(_member(place, "votes"), f"must be an integer of at least 0, not {_kind(value)}")
            return 0
        if not 0 <= value <= MAX_VOTES:
            self.fail(_member(place, "votes"), f"must be 0 to {MAX_VOTES:,} (it is {_clip_number(value)})")
            return 0
        return value


def _newer(version: int) -> str:
    return f"this file is version {_clip_number(version)}; this cjmapper reads version {VERSION}"


def _newer_version(document: object) -> int | None:
    """The version of a cjmapper journey file newer than this reader can read, else None."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None
    version = document.get("version")
    return version if type(version) is int and version > VERSION else None


# ---------------------------------------------------------------------------------------------- reading API


def read_journey(data: str | bytes, source: str = "") -> Journey:
    """Read a journey-json document. Raises InterchangeError listing every problem, each with its place.

    Bytes must be UTF-8 (a leading byte order mark is tolerated). The result has id 0 and ids local to the
    file: phases, lanes and touchpoints numbered 1..n in file order."""
    text = _decode(data, source)
    document = _parse(text, source)
    newer = _newer_version(document)
    if newer is not None:
        raise _refuse(f"version: {_newer(newer)}", source)
    reader = _Reader(check_surrogates=_SUSPECT_ESCAPE.search(text) is not None)
    journey = reader.journey(document)
    if journey is None or reader.problems:
        raise InterchangeError(reader.all_problems() or ["document: cannot be read"], source)
    return journey


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def read_journey_file(path: Path) -> Journey:
    """Read a journey file; a file too large is refused before it is read, and any OSError becomes an
    InterchangeError naming the file."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(_too_large(size), name)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grew or is not a regular file
    except OSError as error:
        raise _refuse(f"cannot read the file ({_reason(error)})", name) from None
    return read_journey(data, source=name)


# ---------------------------------------------------------------------------------------------- writing


def _persona(persona: Persona | None) -> dict[str, str] | None:
    if persona is None:
        return None
    return {
        "name": persona.name,
        "description": persona.description,
        "goals": persona.goals,
        "frustrations": persona.frustrations,
    }


def _document(journey: Journey) -> dict[str, Any]:
    """The canonical document: keys in the format's order, every field written, ids anew from position."""
    phase_ref = {phase.id: f"p{number}" for number, phase in enumerate(journey.phases, 1)}
    lane_ref = {lane.id: f"l{number}" for number, lane in enumerate(journey.lanes, 1)}
    touchpoints: list[dict[str, Any]] = []
    for number, card in enumerate(journey.ordered_touchpoints(), 1):
        if card.phase_id not in phase_ref or card.lane_id not in lane_ref:
            raise ValueError(
                f"touchpoint {card.id} is in phase {card.phase_id}, lane {card.lane_id}: not in the journey"
            )
        touchpoints.append(
            {
                "id": f"t{number}",
                "phase": phase_ref[card.phase_id],
                "lane": lane_ref[card.lane_id],
            }
            | {field.json_key: write(getattr(card, field.name)) for field, write in _WRITTEN}
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": journey.title.strip(),
        "description": journey.description,
        "language": Language(journey.language).value,
        "framework": Framework(journey.framework).value,
        "persona": _persona(journey.persona),
        "phases": [
            {"id": phase_ref[p.id], "name": p.name, "description": p.description, "color": _color(p.color)}
            for p in journey.phases
        ],
        "lanes": [
            {
                "id": lane_ref[lane.id],
                "name": lane.name,
                "kind": LaneKind(lane.kind).value,
                "color": _color(lane.color),
            }
            for lane in journey.lanes
        ],
        "touchpoints": touchpoints,
    }


def write_journey(journey: Journey) -> str:
    """The journey in canonical journey-json form: UTF-8 text, two-space indent, one trailing newline.

    What it writes always reads again: the text is passed through `read_journey`, and a journey the reader would
    refuse (no phases, say, which a library allows and a file does not) raises InterchangeError with the reader's
    problems, prefixed "cannot export". Raises ValueError when a touchpoint names a phase or lane the journey does
    not have."""
    text = json.dumps(_document(journey), ensure_ascii=False, indent=2) + "\n"
    try:
        read_journey(text)
    except InterchangeError as error:
        raise InterchangeError(error.problems, "cannot export it as a journey file") from None
    return text


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """`replace_file`, with OSError as an InterchangeError naming the file."""
    try:
        replace_file(path, data)
    except OSError as error:
        raise _refuse(f"cannot write {path.name}: {_reason(error)}", path.name) from None


def encode_text(text: str, path: Path) -> bytes:
    """`text` as UTF-8; text that cannot be encoded becomes an InterchangeError naming the file."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(
            f"cannot write {path.name}: the journey holds text that is not valid Unicode", path.name
        ) from None


def write_journey_file(journey: Journey, path: Path) -> None:
    """Write the journey's canonical form to `path`, atomically, as UTF-8."""
    write_bytes_atomically(path, encode_text(write_journey(journey), path))

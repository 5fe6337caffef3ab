"""Untrusted JSON text, read safely: the bounds checked before a journey file (or a version's snapshot) is parsed,
and the parse itself, with every way it can fail as one problem with its place.

Before parsing: the size (`MAX_FILE_BYTES`), the encoding (UTF-8, one byte order mark tolerated), the nesting (only
measured under a raised recursion limit) and the number of values (`too_many_values`: a flood of "[]" within the size
limit would take gigabytes once parsed). The parse keeps duplicate keys visible (`DuplicateKeys`) and refuses NaN and
Infinity. The journey reader (`journey_reader`) checks the parsed document against the format's rules; the message
helpers here name values and places the same way for both.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from typing import Any

from cjmapper.errors import InterchangeError
from cjmapper.messages import number, say
from cjmapper.model import MAX_LANES, MAX_PHASES, MAX_TOUCHPOINTS

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Input larger than this is refused before parsing (read at call time, so tests may lower it)."""

_BOM = "\ufeff"
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
# Strings, bare constants and numbers: to find where json gave up on a NaN or an over-long integer.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)|(-?\d++(?:\.\d++)?(?:[eE][+-]?\d++)?)')
_MAX_INT_DIGITS = 4300  # CPython's default limit for int(str)
# json's C scanner stops deep nesting with RecursionError at the recursion limit. Only when a program has
# raised that limit far enough that the C stack might run out first is the nesting measured beforehand.
_TRUSTED_RECURSION_LIMIT = 3000
_MAX_DEPTH = 1000
_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_TOO_DEEP = "arrays or objects are nested too deeply to read"
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
    "holds far more values than a journey file can (a journey has at most {0} touchpoints, "
    "{1} phases and {2} lanes); it was not read"
)


class DuplicateKeys(dict[str, Any]):
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
    return DuplicateKeys(pairs, list(duplicates))


def _refuse_constant(name: str) -> Any:
    raise _BareConstantError(name)


def kind_of(value: object) -> str:
    """How a JSON value is named in a message: 'a string', 'null', ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return say("a boolean")
    if isinstance(value, int):
        return say("an integer")
    if isinstance(value, float):
        return say("a decimal number")
    if isinstance(value, str):
        return say("a string")
    if isinstance(value, list):
        return say("an array")
    return say("an object")


def quote(text: str, limit: int = 40) -> str:
    """`text` as a JSON string for a message: shortened, and safe to print even with lone surrogates."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    quoted = json.dumps(text, ensure_ascii=False)
    try:
        quoted.encode("utf-8")
    except UnicodeEncodeError:
        quoted = json.dumps(text)
    return quoted


def member(place: str, key: str) -> str:
    """The place of `key` inside the object at `place`: `touchpoints[3].title`, `phases[0]["a b"]`."""
    part = f".{key}" if _PLAIN_KEY.fullmatch(key) else f"[{quote(key)}]"
    return part[1:] if not place and part[0] == "." else place + part


def _count(count: int) -> str:
    return number(count)


def chars(limit: int, *, required: bool, trimmed: bool) -> str:
    if not required:
        return say("must be at most {0} characters", number(limit))
    if trimmed:
        return say("must be 1 to {0} characters after trimming", number(limit))
    return say("must be 1 to {0} characters", number(limit))


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return say("line {0}, column {1}", line, column)


def clip_number(number: int) -> str:
    """`number` for a message; a huge one shortened."""
    digits = str(number)
    return digits if len(digits) <= 20 else digits[:12] + "…"


def refuse(problem: str, source: str) -> InterchangeError:
    return InterchangeError([problem], source)


def too_large(size: int, *, at_least: bool = False) -> str:
    limit = _count(MAX_FILE_BYTES)
    if at_least:
        return "file: " + say("too large to read (at least {0} bytes; the limit is {1} bytes)", _count(size), limit)
    return "file: " + say("too large to read ({0} bytes; the limit is {1} bytes)", _count(size), limit)


def decode(data: str | bytes, source: str) -> str:
    """The document's text, after the size check: bytes must be UTF-8, a str must encode as UTF-8; one
    leading byte order mark is tolerated and dropped."""
    if len(data) > MAX_FILE_BYTES:  # a str longer than the limit in characters is longer in bytes too
        raise refuse(too_large(len(data), at_least=isinstance(data, str)), source)
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as error:
            where = _line_column(data, error.start)
            raise refuse(say("{0}: not valid Unicode text (an unpaired surrogate)", where), source) from None
        if size > MAX_FILE_BYTES:
            raise refuse(too_large(size), source)
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise refuse(_not_utf8(data, error), source) from None
    return text[1:] if text.startswith(_BOM) else text


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    start = error.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    bad = data[start : start + 1].hex()
    return say(
        "line {0}, byte {1}: not UTF-8 text (byte 0x{2}: {3}); save the file as UTF-8", line, column, bad, error.reason
    )


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


def _json_messages() -> dict[str, str]:
    """json's messages (without their " at") in the reader's words, in the language in use."""
    return {
        "Unterminated string starting": say("a string is not closed"),
        "Invalid control character": say("a control character inside a string"),
        "Expecting value": say("expecting value"),
        "Expecting ',' delimiter": say("expecting ',' delimiter"),
        "Expecting ':' delimiter": say("expecting ':' delimiter"),
        "Expecting property name enclosed in double quotes": say("expecting property name enclosed in double quotes"),
        "Extra data": say("extra data"),
        "Invalid \\escape": say("invalid \\escape"),
    }


def _json_message(message: str) -> str:
    """json's message in the reader's words: without "at" (the place is given already) or Python advice."""
    if message.startswith("Unexpected UTF-8 BOM"):
        return say("a second byte order mark")
    message = message.removesuffix(" at")
    known = _json_messages().get(message)
    return known if known is not None else message[:1].lower() + message[1:]


def parse(text: str, source: str) -> Any:
    if _too_deep(text):
        raise refuse("document: " + say(_TOO_DEEP), source)
    if too_many_values(text):
        raise refuse("document: " + say(_TOO_MANY, number(MAX_TOUCHPOINTS), MAX_PHASES, MAX_LANES), source)
    try:
        return json.loads(text, object_pairs_hook=_object_hook, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = say("line {0}, column {1}", error.lineno, error.colno)
        problem = say("{0}: not valid JSON ({1})", where, _json_message(error.msg))
    except _BareConstantError as error:
        problem = say("{0}: not valid JSON ({1} is not a JSON number)", _locate(text, 1), error.args[0])
    except RecursionError:
        problem = "document: " + say(_TOO_DEEP)
    except ValueError as error:  # an integer too long for int(); anything else json refuses
        if "digits" in str(error):
            problem = say("{0}: not valid JSON (a number has more than {1} digits)", _locate(text, 2), _MAX_INT_DIGITS)
        else:
            problem = say("{0}: not valid JSON ({1})", "document", error)
    raise refuse(problem, source)

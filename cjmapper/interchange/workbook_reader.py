"""Reading back cjmapper's own XLSX export (`cjmapper.interchange.workbook`) as a whole journey.

A workbook is cjmapper's when its last sheet is the journey sheet (two columns, Item and Value, in either language,
with the "Written by" row naming cjmapper); any other workbook is a table of cards for the card import, and
`read_workbook` answers None for it. The sheets are found by their place (cards, phases and lanes, personas,
journey), their columns by the headers the export writes in either language, so a workbook renamed, re-sorted or
edited in Excel or Calc still reads. What it holds is turned into a journey document and read by the journey-file
reader (`read_journey`), so a workbook is checked by the very rules a journey file is, and each problem is told by
the sheet row it is on ("Kaarten, row 7: score: must be 1 to 5").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cjmapper import card_fields
from cjmapper.errors import InterchangeError
from cjmapper.interchange.journey_reader import VERSION, WRITTEN_KEYS, read_journey
from cjmapper.interchange.workbook import NUMBER_KINDS, WORDS, persona_column
from cjmapper.messages import number, say
from cjmapper.model import MATRIX_LABEL_NAMES, Journey, Language
from cjmapper.sheet_read import load_workbook, unpacked_size

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A workbook larger than this is refused unread."""
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""A workbook (a zip) whose parts unpack to more than this is refused before it is opened (a zip bomb)."""
MAX_ROWS = 100_000
MAX_COLUMNS = 200
"""Rows and columns read from a sheet: a journey holds at most 100,000 cards."""
SHEETS = 4

_HEADER_WORDS = {key: {text.casefold() for text in by_language.values()} for key, by_language in WORDS.items()}
_PERSONA_COLUMN = re.compile(r"^(?P<field>.+?)\s*\((?P<persona>.*)\)$")


def _is(key: str, text: object) -> bool:
    return isinstance(text, str) and text.strip().casefold() in _HEADER_WORDS[key]


def read_workbook_file(path: Path) -> Journey | None:
    """The journey in cjmapper's workbook at `path`, or None when the workbook is not one of cjmapper's (a table of
    cards). Raises InterchangeError naming the file when it cannot be read or holds a problem."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InterchangeError(
                [say("the workbook is {0} MB; at most {1} MB is read", number(size // 2**20), MAX_FILE_BYTES // 2**20)],
                name,
            )
        data = path.read_bytes()
    except OSError as error:
        raise InterchangeError([say("cannot read the file ({0})", error.strerror or error)], name) from None
    return read_workbook(data, name)


def read_workbook(data: bytes, source: str = "") -> Journey | None:
    """The journey in cjmapper's workbook `data` (see the module), or None for another workbook."""
    sheets = _sheets(data, source)
    if sheets is None:
        return None
    cards, structure, personas, about = (rows for _name, rows in sheets[-SHEETS:])
    cards_name = sheets[-SHEETS][0]
    document, rows = _document(cards, structure, personas, about)
    try:
        return read_journey(json.dumps(document, ensure_ascii=False), source)
    except InterchangeError as error:
        problems = [_placed(problem, rows, cards_name) for problem in error.problems]
        raise InterchangeError(problems, source) from None


def _is_journey_sheet(rows: Sequence[Sequence[Any]]) -> bool:
    if not rows or len(rows[0]) < 2 or not (_is("key", rows[0][0]) and _is("value", rows[0][1])):
        return False
    return any(len(row) >= 2 and _is("format", row[0]) and str(row[1] or "").startswith("cjmapper") for row in rows[1:])


def _sheets(data: bytes, source: str) -> list[tuple[str, list[list[Any]]]] | None:
    """Every sheet's name and rows (typed values: text, numbers, None), bounded; cached values only, no formula run
    (opened as the card and survey imports open a workbook: `sheet_read`). None for a workbook that is not
    cjmapper's, told by its last sheet before any other is read (the card import then reads it)."""
    size = unpacked_size(data)
    if size is None:
        raise InterchangeError([say("this is not a readable XLSX workbook")], source)
    if size > MAX_UNPACKED_BYTES:
        raise InterchangeError(
            [say("the workbook unpacks to more than {0} MB; it is refused", MAX_UNPACKED_BYTES // 2**20)], source
        )
    book = load_workbook(data)
    if book is None:
        raise InterchangeError([say("this is not a readable XLSX workbook")], source)
    try:
        if len(book.worksheets) < SHEETS or not _is_journey_sheet(list(_rows(book.worksheets[-1], source))):
            return None
        return [(sheet.title, list(_rows(sheet, source))) for sheet in book.worksheets]
    finally:
        book.close()


def _rows(sheet: Any, source: str) -> Iterator[list[Any]]:
    for count, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
        if count > MAX_ROWS + 1:
            raise InterchangeError([say("the sheet {0} has more than {1} rows", sheet.title, number(MAX_ROWS))], source)
        yield [_value(value) for value in row]


def _value(value: object) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value
    return value if value is None or isinstance(value, (int, float)) else str(value)


_WHOLE = re.compile(r"^\s*(\d{1,9})(?:[.,]0*)?\s*$")


def _whole(value: Any) -> Any:
    """A count or score as a spreadsheet may hold it: a number, or text of a whole number ("4", "4,0") after an edit
    in a column formatted as text; anything else as it is (the journey reader names the problem)."""
    if isinstance(value, str):
        match = _WHOLE.match(value)
        if match is not None:
            return int(match[1])
    return value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _optional(value: Any) -> Any:
    return None if value is None or value == "" else value


def _columns(header: Sequence[Any], personas: list[str]) -> dict[int, tuple[str, int]]:
    """The cards sheet's columns that cjmapper reads: column index -> (field or place, persona index)."""
    fields = {"phase", "lane", "order", *card_fields.NAMES}
    found: dict[int, tuple[str, int]] = {}
    for index, text in enumerate(header):
        if not isinstance(text, str):
            continue
        key = next((k for k in fields if _is(k, text)), None)
        if key is not None:
            found.setdefault(index, (key, 0))
            continue
        match = _PERSONA_COLUMN.match(text.strip())
        if match is None:
            continue
        key = next((k for k in fields if _is(k, match["field"])), None)
        name = " ".join(match["persona"].split())
        if key is not None and name in personas:
            found[index] = (key, personas.index(name))
        elif key is not None and name.isdigit() and 1 <= int(name) <= len(personas):
            found[index] = (key, int(name) - 1)
    return found


def _document(
    cards: list[list[Any]], structure: list[list[Any]], personas: list[list[Any]], about: list[list[Any]]
) -> tuple[dict[str, Any], list[int]]:
    """The journey document the workbook holds, and the sheet row of each of its touchpoints."""
    facts: dict[str, Any] = {}
    keys = ("title", "description", "language", "framework", *(f"matrix.{name}" for name in MATRIX_LABEL_NAMES))
    for row in about[1:]:
        if len(row) >= 2:
            key = next((k for k in keys if _is(k, row[0])), None)
            if key is not None:
                facts[key] = row[1]
    people = [
        {
            "name": _text(row[1]),
            "description": _text(row[2] if len(row) > 2 else None),
            "goals": _text(row[3] if len(row) > 3 else None),
            "frustrations": _text(row[4] if len(row) > 4 else None),
            "color": _optional(row[5] if len(row) > 5 else None),
        }
        for row in personas[1:]
        if len(row) > 1 and _optional(row[1]) is not None
    ]
    phases: list[dict[str, Any]] = []
    lanes: list[dict[str, Any]] = []
    for row in structure[1:]:
        row = [*row, *([None] * 6)][:6]
        part, _order, name, description, kind, colour = row
        if _is("phase", part):
            phases.append({"id": f"p{len(phases) + 1}", "name": _text(name), "description": _text(description),
                           "color": _optional(colour)})  # fmt: skip
        elif _is("lane", part):
            lanes.append({"id": f"l{len(lanes) + 1}", "name": _text(name), "kind": _text(kind) or "touchpoints",
                          "color": _optional(colour)})  # fmt: skip
    phase_ref = {}
    for phase in reversed(phases):
        phase_ref[phase["name"]] = phase["id"]
    lane_ref = {}
    for lane in reversed(lanes):
        lane_ref[lane["name"]] = lane["id"]
    names = [persona_column(p["name"], i) for i, p in enumerate(people)]
    columns = _columns(cards[0] if cards else [], names)
    placed: list[tuple[int, int, Any, int, dict[str, Any]]] = []
    phase_rank = {p["id"]: i for i, p in enumerate(phases)}
    lane_rank = {lane["id"]: i for i, lane in enumerate(lanes)}
    for row_number, row in enumerate(cards[1:], start=2):
        if not any(value not in (None, "") for value in row):
            continue
        values: dict[str, Any] = {}
        per_persona: dict[str, dict[int, Any]] = {}
        for index, (key, persona) in columns.items():
            value = row[index] if index < len(row) else None
            field = card_fields.BY_NAME.get(key)
            if field is not None and field.kind in NUMBER_KINDS:
                value = _whole(value)
            if field is not None and field.per_persona:
                per_persona.setdefault(key, {})[persona] = _optional(value)
            else:
                values.setdefault(key, value)
        phase = phase_ref.get(_text(values.get("phase")), _text(values.get("phase")))
        lane = lane_ref.get(_text(values.get("lane")), _text(values.get("lane")))
        touchpoint: dict[str, Any] = {"id": f"t{len(placed) + 1}", "phase": phase, "lane": lane}
        for field, key in zip(card_fields.FIELDS, WRITTEN_KEYS[3:], strict=True):
            if field.per_persona:
                by_persona = per_persona.get(field.name, {})
                listed = [by_persona.get(i) for i in range(max(by_persona, default=-1) + 1)]
                while listed and listed[-1] is None:
                    listed.pop()
                touchpoint[key] = listed
                continue
            value = values.get(field.name)
            if field.kind in ("title", "text"):
                touchpoint[key] = _text(value)
            elif field.kind == "votes":
                touchpoint[key] = 0 if value in (None, "") else value
            else:
                touchpoint[key] = _optional(value)
        order = _whole(values.get("order"))
        rank = order if isinstance(order, (int, float)) else float("inf")
        placed.append((phase_rank.get(phase, 1 << 30), lane_rank.get(lane, 1 << 30), rank, row_number, touchpoint))
    placed.sort(key=lambda item: (item[0], item[1], item[2], item[3]))
    touchpoints = []
    for number_, (*_rank, touchpoint) in enumerate(placed, start=1):
        touchpoint["id"] = f"t{number_}"
        touchpoints.append(touchpoint)
    document = {
        "format": "cjmapper.journey",
        "version": VERSION,
        "title": _text(facts.get("title")),
        "description": _text(facts.get("description")),
        "language": _text(facts.get("language")) or Language.EN.value,
        "framework": _text(facts.get("framework")) or "custom",
        "personas": people,
        "matrix": {name: _text(facts.get(f"matrix.{name}")) for name in MATRIX_LABEL_NAMES},
        "phases": phases,
        "lanes": lanes,
        "touchpoints": touchpoints,
    }
    return document, [item[3] for item in placed]


_TOUCHPOINT_PLACE = re.compile(r"^touchpoints\[(\d+)\]\.?")


def _placed(problem: str, rows: list[int], sheet: str) -> str:
    """A journey-file problem told by the cards sheet's row: "touchpoints[3].scores[0]: ..." -> "Kaarten, row 7:
    scores[0]: ..."."""
    match = _TOUCHPOINT_PLACE.match(problem)
    if match is None or int(match[1]) >= len(rows):
        return problem
    return say("{0}, row {1}: {2}", sheet, rows[int(match[1])], problem[match.end() :])

"""A survey table's rows matched to a journey: which column holds which field (recognised from English or Dutch
headers, or mapped by the user), each row checked and matched to a touchpoint (by id or exact title) or a phase (by
name), and sorted into valid, invalid (with the reason), duplicate and unmatched rows: the preview shown before
anything is written.

A row is a duplicate when a response already stored for the journey came from the same row (`fingerprints`: the
same cells in every column), so the same export imported twice, or a later export that repeats its rows, adds
nothing. Within one file, rows alike in every column are duplicates only where the file has a column cjmapper does
not read (a respondent's id, a timestamp: the row was pasted twice); in a file of only the columns read, two alike
rows are two respondents who answered alike, and both count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from cjmapper import sheet_read
from cjmapper.messages import say
from cjmapper.model import Journey
from cjmapper.survey.kinds import SCALES, Metric, metric_named, plain
from cjmapper.survey.read import SurveyFileError, SurveyTable

MAX_PERSONA = 200
MAX_UNASSIGNED = 200


class Field(StrEnum):
    TOUCHPOINT = "touchpoint"
    PHASE = "phase"
    METRIC = "metric"
    VALUE = "value"
    PERSONA = "persona"
    DATE = "date"


HEADERS: dict[Field, tuple[str, ...]] = {
    Field.TOUCHPOINT: ("touchpoint", "touchpoint id", "contactmoment", "contactmoment id", "card", "kaart"),
    Field.PHASE: ("phase", "fase", "stage"),
    Field.METRIC: ("metric", "meting", "metriek", "measure", "kpi"),
    Field.VALUE: ("value", "waarde", "answer", "antwoord"),
    Field.PERSONA: ("persona",),
    Field.DATE: ("date", "datum"),
}
"""The header names each field is recognised by (compared case-folded, spaces and underscores alike)."""


class Status(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    DUPLICATE = "duplicate"
    UNMATCHED = "unmatched"


@dataclass(frozen=True, slots=True)
class Response:
    """One survey answer as stored: on a touchpoint, on a phase, or unassigned (the name the row gave, kept for
    later). `answered_on`: an ISO date or None."""

    metric: Metric
    value: int
    touchpoint_id: int | None = None
    phase_id: int | None = None
    persona: str | None = None
    answered_on: str | None = None
    unassigned: str | None = None
    source: str | None = dataclasses.field(default=None, compare=False)
    """The fingerprint of the row it came from (`fingerprints`; None for a response made otherwise): not part of
    what the response says, so left out of comparing two."""


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    """The row's number in the file (the header is row 1)."""
    status: Status
    reason: str
    """Why an invalid row is invalid (empty otherwise)."""
    response: Response | None
    """The response a valid, duplicate or unmatched row makes (an unmatched one as unassigned); None when invalid."""
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Preview:
    rows: tuple[RowResult, ...]

    def of(self, status: Status) -> list[RowResult]:
        return [r for r in self.rows if r.status is status]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)

    def to_store(self, keep_unassigned: bool) -> list[Response]:
        """The responses applying the preview writes: the valid rows, and the unmatched ones when kept."""
        wanted = {Status.VALID, Status.UNMATCHED} if keep_unassigned else {Status.VALID}
        return [r.response for r in self.rows if r.status in wanted and r.response is not None]


def parse_mapping(pairs: Iterable[str]) -> dict[str, Field]:
    """`COLUMN=FIELD` pairs (from `--map`) as {column header: field}; FIELD in English or Dutch."""
    return sheet_read.parse_mapping(pairs, _field_named, (f.value for f in Field))


def _field_named(name: str) -> Field | None:
    wanted = plain(name)
    return next((f for f, names in HEADERS.items() if wanted in names), None)


def columns(headers: tuple[str, ...], mapping: Mapping[str, Field]) -> dict[Field, int]:
    """Which column holds each field: headers named like a field, then the user's mapping (which wins). Refuses a
    mapping naming a column the file lacks, and a table without metric, value and touchpoint or phase columns."""
    found: dict[Field, int] = {}
    for position, header in enumerate(headers):
        named = _field_named(header)
        if named is not None and named not in found:
            found[named] = position
    found = sheet_read.mapped_columns(headers, found, mapping, plain)
    require_columns(found)
    return found


def require_columns(found: Mapping[Field, int]) -> None:
    """Refuses columns without metric, value, and touchpoint or phase."""
    missing = [f.value for f in (Field.METRIC, Field.VALUE) if f not in found]
    if Field.TOUCHPOINT not in found and Field.PHASE not in found:
        missing.append(f"{Field.TOUCHPOINT.value}/{Field.PHASE.value}")
    if missing:
        raise SurveyFileError(
            say(
                "No column for {0}: name the columns so (or in Dutch), or map them with COLUMN=FIELD.",
                ", ".join(missing),
            )
        )


def _title(text: str) -> str:
    return " ".join(text.split()).casefold()


class Matcher:
    """Matches rows to one journey's touchpoints and phases (indexes built once)."""

    def __init__(self, journey: Journey) -> None:
        self.ids = {tp.id for tp in journey.touchpoints}
        self.titles: dict[str, list[int]] = {}
        for tp in journey.touchpoints:
            self.titles.setdefault(_title(tp.title), []).append(tp.id)
        self.phases: dict[str, int] = {}
        for phase in journey.phases:
            self.phases.setdefault(plain(phase.name), phase.id)
        self.personas = {plain(name): name for name in persona_names(journey)}

    def touchpoint(self, cell: str) -> int | str | None:
        """The touchpoint `cell` names (id, else exact title), None when none does, or a reason when it is
        ambiguous."""
        if cell.isdigit() and int(cell) in self.ids:
            return int(cell)
        found = self.titles.get(_title(cell), [])
        if len(found) > 1:
            return say("“{0}” is the title of {1} touchpoints; name it by its id", cell, len(found))
        return found[0] if found else None

    def persona_name(self, cell: str) -> str | None:
        """The persona a row's cell names: the journey's own spelling of a persona it has (any case), else the cell
        as given; None for an empty cell."""
        if not cell:
            return None
        return self.personas.get(plain(cell), cell)


def persona_names(journey: Journey) -> tuple[str, ...]:
    """The names a response's persona is matched against (the one place that says so): the journey's personas."""
    return tuple(persona.name for persona in journey.personas if persona.name)


def preview(
    table: SurveyTable,
    journey: Journey,
    mapping: Mapping[str, Field] | None = None,
    stored: Iterable[Response] = (),
    where: Mapping[Field, int] | None = None,
) -> Preview:
    """Every data row of `table` checked and matched to `journey`; `stored`: the journey's responses so far (for
    duplicates). The columns: `where` when given (field -> column index, as a dialog's choices give them), else
    `columns(table.headers, mapping)`."""
    if where is None:
        where = columns(table.headers, mapping or {})
    else:
        require_columns(where)
    matcher = Matcher(journey)
    seen = {r.source for r in stored if r.source is not None}
    read = set(where.values())
    unread = any(header.strip() for index, header in enumerate(table.headers) if index not in read)
    results: list[RowResult] = []
    for (line, cells), source in zip(table.rows, fingerprints(table, alike_are_one=unread), strict=True):

        def cell(field: Field, cells: tuple[str, ...] = cells) -> str:
            index = where.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        result = _row(line, cells, cell, matcher)
        if result.response is not None:
            response = replace(result.response, source=source)
            status = Status.DUPLICATE if source in seen else result.status
            seen.add(source)
            result = RowResult(line, status, "", response, cells)
        results.append(result)
    return Preview(tuple(results))


def fingerprints(table: SurveyTable, *, alike_are_one: bool) -> list[str]:
    """Each data row's fingerprint: a hash of its cells (trimmed), the same for the same row in another export.
    Rows alike in every column share it when `alike_are_one` (the file has a column that tells respondents apart,
    so alike rows are one row twice); otherwise the second of two alike rows gets its own (two respondents)."""
    found: list[str] = []
    counts: dict[str, int] = {}
    for _line, cells in table.rows:
        text = "\x1f".join(cell.strip() for cell in cells).rstrip("\x1f")
        if not alike_are_one:
            n = counts[text] = counts.get(text, 0) + 1
            text = f"{text}\x1e{n}" if n > 1 else text
        found.append(hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest())
    return found


def _row(line: int, cells: tuple[str, ...], get: Callable[[Field], str], matcher: Matcher) -> RowResult:
    def invalid(reason: str) -> RowResult:
        return RowResult(line, Status.INVALID, reason, None, cells)

    metric_text = get(Field.METRIC)
    metric = metric_named(metric_text)
    if metric is None:
        if not metric_text:
            return invalid(say("no metric"))
        return invalid(say("unknown metric “{0}” (csat, nps, ces or score)", metric_text))
    value = whole_value(get(Field.VALUE), metric)
    if isinstance(value, str):
        return invalid(value)
    answered_on = parse_date(get(Field.DATE))
    if answered_on is None:
        return invalid(say("“{0}” is not a date (2026-03-31 or 31-03-2026)", get(Field.DATE)))
    persona_cell = get(Field.PERSONA)
    if len(persona_cell) > MAX_PERSONA:
        return invalid(say("the persona is longer than {0} characters", MAX_PERSONA))
    persona = matcher.persona_name(persona_cell)
    day = answered_on or None
    touchpoint_cell, phase_cell = get(Field.TOUCHPOINT), get(Field.PHASE)
    if touchpoint_cell:
        found = matcher.touchpoint(touchpoint_cell)
        if isinstance(found, str):
            return invalid(found)
        if found is not None:
            return RowResult(line, Status.VALID, "", Response(metric, value, found, None, persona, day), cells)
    elif phase_cell:
        phase_id = matcher.phases.get(plain(phase_cell))
        if phase_id is not None:
            return RowResult(line, Status.VALID, "", Response(metric, value, None, phase_id, persona, day), cells)
    label = (touchpoint_cell or phase_cell)[:MAX_UNASSIGNED] or "?"
    return RowResult(line, Status.UNMATCHED, "", Response(metric, value, None, None, persona, day, label), cells)


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def whole_value(text: str, metric: Metric) -> int | str:
    """The answer in `text` for `metric` (decimal commas read: "4,0" is 4), or the reason it is not one."""
    scale = SCALES[metric]
    if not text:
        return say("no value")
    if not _NUMBER.match(text):
        return say("“{0}” is not a number", text)
    number = float(text.replace(",", "."))
    if not number.is_integer() or not scale.low <= number <= scale.high:
        return say(
            "{0} must be a whole number from {1} to {2}, not {3}", metric.value.upper(), scale.low, scale.high, text
        )
    return int(number)


_DATES = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


@lru_cache(maxsize=8192)
def parse_date(text: str) -> str | None:
    """An ISO date from `text` (ISO, or day first as Dutch write it: 31-03-2026, 31/03/2026; a time after it is
    dropped), "" for no date, None for text that is no date."""
    if not text:
        return ""
    day = text.replace("T", " ").split(" ", 1)[0]
    for pattern in _DATES:
        try:
            return dt.datetime.strptime(day, pattern).date().isoformat()
        except ValueError:
            continue
    return None

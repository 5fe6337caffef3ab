"""A sheet of cards read and checked: a CSV or XLSX file (through `cjmapper.sheet_read`, with a sheet of cards'
bounds) whose columns are mapped to card fields (headers in English or Dutch, and the columns of cjmapper's own CSV
export, are recognised; `--map COLUMN=FIELD` or the dialog's choice names others; other columns are ignored), each
row's values checked through the card fields' rules (`cjmapper.card_fields`: a channel through the catalogue, a
score or votes with a decimal comma, a status in Dutch), its phase and lane matched by name (case, accents and
spacing left out), and the outcome of every row previewed (a new card, or a problem with its reason) before a plan
(`cjmapper.card_import.plan`) is written."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cjmapper import card_fields, rules, sheet_read
from cjmapper.card_import.plan import ImportPlan, PlannedCard
from cjmapper.errors import CjmapperError
from cjmapper.interchange.csv_format import FORMULA_STARTS
from cjmapper.messages import number, say
from cjmapper.model import MAX_LANES, MAX_NAME, MAX_PHASES, CardStatus, Journey, LaneKind
from cjmapper.sheet_read import SheetBounds, SheetFileError, SheetTable, read_sheet_file

MAX_FILE_BYTES = 16 * 1024 * 1024
"""A sheet of cards larger than this is refused unread (120 sticky notes are a few kB)."""
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 60
MAX_CELL = 32_767
"""Rows (without the header), columns and characters in one cell (Excel's own limit) a sheet of cards may hold."""


class Field(StrEnum):
    PHASE = "phase"
    LANE = "lane"
    TITLE = "title"
    CHANNEL = "channel"
    SCORE = "score"
    NOTES = "notes"
    OWNER = "owner"
    VOTES = "votes"
    STATUS = "status"
    EXPECTATION = "expectation"


HEADERS: dict[Field, tuple[str, ...]] = {
    Field.PHASE: ("phase", "fase", "stage"),
    Field.LANE: ("lane", "rij", "swimlane", "swim lane", "baan"),
    Field.TITLE: ("title", "titel", "card", "kaart", "sticky note", "post-it", "touchpoint", "contactmoment"),
    Field.CHANNEL: ("channel", "kanaal"),
    Field.SCORE: ("score", "cijfer"),
    Field.NOTES: ("notes", "note", "notities", "notitie", "opmerkingen", "opmerking"),
    Field.OWNER: ("owner", "eigenaar"),
    Field.VOTES: ("votes", "stemmen", "dots", "stippen"),
    Field.STATUS: ("status",),
    Field.EXPECTATION: ("expectation", "verwachting"),
}
"""The header names each field is recognised by (compared as `plain` names), in English and Dutch; these include
every column of cjmapper's CSV export but `order` (the file's order of rows is the cards' order)."""

STATUS_WORDS: dict[str, CardStatus] = {
    **{plain_word: CardStatus.OPEN for plain_word in ("open", "to do", "todo", "te doen", "nieuw", "new")},
    **{
        plain_word: CardStatus.IN_PROGRESS
        for plain_word in ("in progress", "busy", "bezig", "in behandeling", "in uitvoering", "onderhanden", "lopend")
    },
    **{plain_word: CardStatus.DONE for plain_word in ("done", "klaar", "gereed", "afgerond", "gedaan", "opgelost")},
}
"""A status as people write it, in English or Dutch (as `plain` names; the CSV export's `in-progress` too)."""


@functools.lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """`text` as names are compared: accents left out, case-folded, runs of spaces, underscores and hyphens as one
    space (a sheet repeats its phases, lanes and statuses on every row: each is worked out once)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_\-]+", " ", bare).strip().casefold()


def bounds() -> SheetBounds:
    """A sheet of cards' bounds (read when a file is, so a test may lower them)."""
    return SheetBounds(
        MAX_FILE_BYTES,
        MAX_UNPACKED_BYTES,
        MAX_ROWS,
        MAX_COLUMNS,
        MAX_CELL,
        too_large=lambda name, size, most: say(
            "{0} is too large for a sheet of cards ({1} MB; at most {2} MB).", name, number(size), number(most)
        ),
        too_wide=lambda name, most, row: say(
            "{0} has more than {1} columns in row {2}; is it a sheet of cards?", name, most, row
        ),
    )


def read_card_sheet(path: Path) -> SheetTable:
    """The table in the CSV or XLSX file at `path`; SheetFileError (one line) when it cannot be read."""
    return read_sheet_file(path, bounds())


def field_named(name: str) -> Field | None:
    """The field a header or a `--map` FIELD names (English or Dutch), or None."""
    wanted = plain(name)
    return next((f for f, names in HEADERS.items() if wanted in names), None)


def parse_mapping(pairs: Iterable[str]) -> dict[str, Field]:
    """`COLUMN=FIELD` pairs (from `--map`) as {column header: field}; FIELD in English or Dutch."""
    return sheet_read.parse_mapping(pairs, field_named, (f.value for f in Field))


def recognised(headers: tuple[str, ...]) -> dict[Field, int]:
    """The columns whose headers name a field (the first of each), e.g. for the dialog's preselection. A column
    `score (NAME)` of a CSV export with several personas is the first persona's score when no `score` column is."""
    found: dict[Field, int] = {}
    for position, header in enumerate(headers):
        named = field_named(header)
        if named is None and plain(header).startswith("score ("):
            named = Field.SCORE
        if named is not None and named not in found:
            found[named] = position
    return found


def columns(headers: tuple[str, ...], mapping: Mapping[str, Field]) -> dict[Field, int]:
    """Which column holds each field: the recognised headers, then the user's mapping (which wins). Refuses a
    mapping naming a column the file lacks, and a table without phase and title columns."""
    found = sheet_read.mapped_columns(headers, recognised(headers), mapping, plain)
    require_columns(found)
    return found


def require_columns(found: Mapping[Field, int]) -> None:
    """Refuses columns without a phase and a title."""
    missing = [f.value for f in (Field.PHASE, Field.TITLE) if f not in found]
    if missing:
        raise SheetFileError(
            say(
                "No column for {0}: name the columns so (or in Dutch), or map them with COLUMN=FIELD.",
                ", ".join(missing),
            )
        )


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What becomes of one row: a new card (`card`), or a problem (`problem`, the reason; `card` None)."""

    row: int
    """The row's number in the file (the header is row 1)."""
    card: PlannedCard | None
    problem: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CardPreview:
    rows: tuple[RowOutcome, ...]
    new_phases: tuple[str, ...]
    """Phases the rows name that the journey lacks, to be created (in the order first named)."""
    new_lanes: tuple[str, ...]

    @property
    def cards(self) -> tuple[PlannedCard, ...]:
        return tuple(r.card for r in self.rows if r.card is not None)

    @property
    def problems(self) -> tuple[RowOutcome, ...]:
        return tuple(r for r in self.rows if r.card is None)

    def plan(self) -> ImportPlan:
        """What applying the preview writes: the new phases and lanes the cards stand in, and the cards."""
        cards = self.cards
        phases = {c.phase for c in cards}
        lanes = {c.lane for c in cards}
        return ImportPlan(
            tuple(p for p in self.new_phases if p in phases),
            tuple(lane for lane in self.new_lanes if lane in lanes),
            cards,
        )


class _Places:
    """Phases or lanes matched by name: the journey's own (by id), the new ones a preview may create (by name)."""

    def __init__(self, own: Iterable[tuple[int, str]], room: int, create: bool) -> None:
        self.own: dict[str, int] = {}
        for item_id, name in own:
            self.own.setdefault(plain(name), item_id)
        self.new: dict[str, str] = {}
        self.room, self.create = room, create

    def find(self, name: str) -> int | str | None:
        """The id of the journey's own, the name of a new one, or None when it may not be created."""
        key = plain(name)
        if key in self.own:
            return self.own[key]
        if key in self.new:
            return self.new[key]
        if not self.create or len(self.new) >= self.room or len(name) > MAX_NAME:
            return None
        self.new[key] = name
        return name


def preview(
    table: SheetTable, journey: Journey, where: Mapping[Field, int], *, create_missing: bool = True
) -> CardPreview:
    """Every row's outcome on `journey`, with the columns `where` says (as `columns` finds them). Phases and lanes
    the journey lacks are created when `create_missing` (as many as a journey may have), else their rows are
    problems."""
    require_columns(where)
    phases = _Places(((p.id, p.name) for p in journey.phases), MAX_PHASES - len(journey.phases), create_missing)
    card_lanes = [lane for lane in journey.lanes if lane.kind is not LaneKind.EMOTIONS]
    lanes = _Places(((lane.id, lane.name) for lane in card_lanes), MAX_LANES - len(journey.lanes), create_missing)
    emotions = {plain(lane.name) for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS}
    default_lane = card_lanes[0].id if card_lanes else None
    outcomes: list[RowOutcome] = []
    for line, cells in table.rows:
        try:
            card = _card(cells, where, phases, lanes, emotions, default_lane)
        except CjmapperError as e:
            outcomes.append(RowOutcome(line, None, str(e), cells))
            continue
        outcomes.append(RowOutcome(line, card, "", cells))
    return CardPreview(tuple(outcomes), tuple(phases.new.values()), tuple(lanes.new.values()))


def _card(
    cells: tuple[str, ...],
    where: Mapping[Field, int],
    phases: _Places,
    lanes: _Places,
    emotions: set[str],
    default_lane: int | None,
) -> PlannedCard:
    def cell(field: Field) -> str:
        index = where.get(field)
        text = cells[index] if index is not None and index < len(cells) else ""
        return text[1:] if text.startswith("'") and text[1:2].startswith(FORMULA_STARTS) else text  # the export's guard

    phase_name = " ".join(cell(Field.PHASE).split())
    if not phase_name:
        raise CjmapperError(say("The row names no phase."))
    phase = phases.find(phase_name)
    if phase is None:
        raise CjmapperError(say("The journey has no phase “{0}”.", phase_name))
    lane_name = " ".join(cell(Field.LANE).split())
    lane: int | str | None = default_lane
    if lane_name:
        if plain(lane_name) in emotions:
            raise CjmapperError(say("“{0}” is the experience (emotions) lane, which holds no cards.", lane_name))
        lane = lanes.find(lane_name)
        if lane is None:
            raise CjmapperError(say("The journey has no lane “{0}”.", lane_name))
    elif lane is None:
        raise CjmapperError(say("The row names no lane, and the journey has no lane for cards."))
    title = card_fields.BY_NAME["title"].clean(cell(Field.TITLE))
    values: dict[str, object] = {}
    for field in (Field.CHANNEL, Field.NOTES, Field.OWNER, Field.EXPECTATION):
        if field in where:
            values[field.value] = card_fields.BY_NAME[field.value].clean(cell(field))
    if Field.SCORE in where:
        values["score"] = rules.score(_whole(cell(Field.SCORE), rules.score))
    if Field.VOTES in where:
        values["votes"] = rules.votes(_whole(cell(Field.VOTES), rules.votes) or 0)
    if Field.STATUS in where:
        values["status"] = _status(cell(Field.STATUS))
    return PlannedCard(phase, lane, title, values)


def _whole(text: str, rule: Callable[[Any], object]) -> int | None:
    """A whole number as a spreadsheet writes it ("4", "4,0", "4.0"); None for an empty cell. Text that is none is
    handed to the field's rule, whose refusal names it."""
    if not text:
        return None
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        value = float("nan")
    if value.is_integer() and abs(value) <= 2**53:
        return int(value)
    rule(text)  # refuses it (text is no number), naming it as the cell shows it
    raise AssertionError(f"{rule} took {text!r}")


def _status(text: str) -> CardStatus | None:
    if not text:
        return None
    found = STATUS_WORDS.get(plain(text))
    return found if found is not None else rules.status(text)

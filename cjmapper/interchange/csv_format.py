"""The CSV export of a journey's touchpoints, for spreadsheets (RFC 4180, CRLF line endings).

One row per touchpoint in canonical order (phase, then lane, then order in the cell). Text that a spreadsheet
would run as a formula gets a leading apostrophe. A journey with several personas has a column per persona for each
field held per persona (`CardField.per_persona`): `score (Linda)`, `score (Ahmed)`, ... in the personas' order, where
one persona's journey has `score`. Extra columns (`ExtraColumns`: the survey figures of a journey
that has answers, `cjmapper.survey.csv_columns`) follow the card's own, by card id.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final

from cjmapper import card_fields
from cjmapper.interchange.export_files import encode_text, write_bytes_atomically
from cjmapper.model import Journey, Touchpoint

_FIELDS = card_fields.in_csv_order()
CSV_COLUMNS: Final = ("phase", "lane", "order", *(field.csv_key for field in _FIELDS if field.csv_key is not None))
_values = operator.attrgetter(*(field.name for field in _FIELDS))
"""A card's fields in the CSV's order."""
BOM: Final = "\ufeff"
ExtraColumns = tuple[Sequence[str], Mapping[int, Sequence[str]]]
"""Columns after a card's own: their headers, and each card's cells by its id (a card without any: empty cells)."""
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(cell: str) -> str:
    """`cell` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: object) -> str:
    """A field's value as a cell: none is an empty cell, a number its digits."""
    return "" if value is None else str(value)


def _persona_columns(journey: Journey) -> tuple[list[str], Callable[[Touchpoint], Sequence[object]]]:
    """The card's own columns of a journey with several personas (a column per persona for a field held per
    persona) and a card's values in them."""
    names = [" ".join(p.name.split()) or str(i + 1) for i, p in enumerate(journey.personas)]
    headers = ["phase", "lane", "order"]
    getters: list[Callable[[Touchpoint], object]] = []
    for field in _FIELDS:
        assert field.csv_key is not None
        if not field.per_persona:
            headers.append(field.csv_key)
            getters.append(operator.attrgetter(field.name))
            continue
        headers.extend(f"{field.csv_key} ({name})" for name in names)
        getters.extend(_rating_value(journey, index, field.name) for index in range(len(names)))
    return headers, lambda card: [get(card) for get in getters]


def _rating_value(journey: Journey, index: int, name: str) -> Callable[[Touchpoint], object]:
    """A card's `name` (score, target) for the journey's persona at `index`."""
    return lambda card: getattr(card.rating(journey, index), name)


def csv_rows(journey: Journey, extra: ExtraColumns | None = None) -> list[list[str]]:
    """The header and one row per touchpoint, every cell already guarded.

    Raises ValueError when a touchpoint names a phase or lane the journey does not have."""
    phase_names = {phase.id: phase.name for phase in journey.phases}
    lane_names = {lane.id: lane.name for lane in journey.lanes}
    extra_headers, extra_cells = extra if extra is not None else ((), {})
    blank = [""] * len(extra_headers)
    headers, values = (list(CSV_COLUMNS), _values) if len(journey.personas) < 2 else _persona_columns(journey)
    rows: list[list[str]] = [[*headers, *extra_headers]]
    order: dict[tuple[int, int], int] = {}
    for card in journey.ordered_touchpoints():
        cell = (card.phase_id, card.lane_id)
        if card.phase_id not in phase_names or card.lane_id not in lane_names:
            raise ValueError(
                f"touchpoint {card.id} is in phase {card.phase_id}, lane {card.lane_id}: not in the journey"
            )
        order[cell] = order.get(cell, 0) + 1
        row = [
            phase_names[card.phase_id],
            lane_names[card.lane_id],
            str(order[cell]),
            *map(_cell, values(card)),
            *extra_cells.get(card.id, blank),
        ]
        rows.append([guard_formula(value) for value in row])
    return rows


def write_csv(journey: Journey, extra: ExtraColumns | None = None) -> str:
    """The touchpoints as CSV text (no byte order mark): CRLF line endings, fields quoted when needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(csv_rows(journey, extra))
    return buffer.getvalue()


def write_csv_file(journey: Journey, path: Path, extra: ExtraColumns | None = None) -> None:
    """Write the CSV to `path` atomically, as UTF-8 with a byte order mark (for Excel)."""
    write_bytes_atomically(path, encode_text(BOM + write_csv(journey, extra), path))

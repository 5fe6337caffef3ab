"""The XLSX export of a journey, for Excel and LibreOffice Calc: the whole journey, with every cell typed so that a
spreadsheet shows it as the user wrote it. `workbook_reader` reads it back.

Four sheets, their names and column headers in the journey's language: the cards (one row per card in canonical
order: phase, lane, order, then every card field (`card_fields.in_workbook_order`: the CSV's columns, then the
fields the CSV leaves out), a column per persona for a field held per persona, then the survey figures), the phases
and lanes, the personas, and the journey itself (title, description, language, framework). Text cells are text (a
title "=1+1", "0612345678" or "1/2" stays what it is: no apostrophe, no formula, no number or date), counts and
scores are numbers. Each sheet has its header row frozen, an autofilter and columns as wide as their content
(within bounds). Written with openpyxl, atomically.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from cjmapper import card_fields
from cjmapper.interchange.csv_format import ExtraColumns
from cjmapper.interchange.export_files import write_bytes_atomically
from cjmapper.model import MATRIX_LABEL_NAMES, Journey, Language

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

WORDS: Final[dict[str, dict[Language, str]]] = {
    "cards": {Language.EN: "Cards", Language.NL: "Kaarten"},
    "structure": {Language.EN: "Phases and lanes", Language.NL: "Fasen en rijen"},
    "personas": {Language.EN: "Personas", Language.NL: "Persona's"},
    "journey": {Language.EN: "Journey", Language.NL: "Klantreis"},
    # Columns of the cards sheet: the place, then every card field with a CSV column (by its csv_key).
    "phase": {Language.EN: "Phase", Language.NL: "Fase"},
    "lane": {Language.EN: "Lane", Language.NL: "Rij"},
    "order": {Language.EN: "Order", Language.NL: "Volgorde"},
    "title": {Language.EN: "Title", Language.NL: "Titel"},
    "channel": {Language.EN: "Channel", Language.NL: "Kanaal"},
    "score": {Language.EN: "Score", Language.NL: "Score"},
    "expectation": {Language.EN: "Expectation", Language.NL: "Verwachting"},
    "owner": {Language.EN: "Owner", Language.NL: "Eigenaar"},
    "votes": {Language.EN: "Votes", Language.NL: "Stemmen"},
    "notes": {Language.EN: "Notes", Language.NL: "Notities"},
    "status": {Language.EN: "Status", Language.NL: "Status"},
    "target": {Language.EN: "Target", Language.NL: "Doel"},
    "color": {Language.EN: "Colour", Language.NL: "Kleur"},
    "impact": {Language.EN: "Impact", Language.NL: "Impact"},
    "effort": {Language.EN: "Effort", Language.NL: "Inspanning"},
    # The phases and lanes sheet, the personas sheet and the journey sheet.
    "part": {Language.EN: "Part", Language.NL: "Onderdeel"},
    "name": {Language.EN: "Name", Language.NL: "Naam"},
    "description": {Language.EN: "Description", Language.NL: "Beschrijving"},
    "kind": {Language.EN: "Kind", Language.NL: "Soort"},
    "colour": {Language.EN: "Colour", Language.NL: "Kleur"},
    "goals": {Language.EN: "Goals", Language.NL: "Doelen"},
    "frustrations": {Language.EN: "Frustrations", Language.NL: "Frustraties"},
    "key": {Language.EN: "Item", Language.NL: "Gegeven"},
    "value": {Language.EN: "Value", Language.NL: "Waarde"},
    "language": {Language.EN: "Language", Language.NL: "Taal"},
    "framework": {Language.EN: "Framework", Language.NL: "Model"},
    "format": {Language.EN: "Written by", Language.NL: "Geschreven door"},
    # The impact/effort matrix's own names (empty: the defaults), on the journey sheet.
    "matrix.quick_wins": {Language.EN: "Matrix: quick wins", Language.NL: "Matrix: snelle winst"},
    "matrix.big_bets": {Language.EN: "Matrix: big bets", Language.NL: "Matrix: grote projecten"},
    "matrix.fill_ins": {Language.EN: "Matrix: fill-ins", Language.NL: "Matrix: klusjes"},
    "matrix.money_pits": {Language.EN: "Matrix: money pits", Language.NL: "Matrix: geldputten"},
    "matrix.impact": {Language.EN: "Matrix: impact axis", Language.NL: "Matrix: as impact"},
    "matrix.effort": {Language.EN: "Matrix: effort axis", Language.NL: "Matrix: as inspanning"},
}
"""The workbook's own words in each journey language. Every card field needs its header here, under its name (a test
checks each, so a new field cannot reach the workbook without one)."""

NUMBER_KINDS: Final = frozenset({"score", "votes", "place"})
"""Card-field kinds written as numbers; every other kind is text."""
MAX_WIDTH: Final = 60
MIN_WIDTH: Final = 8
MAX_SHEET_TEXT: Final = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit; card text stays far below it)."""


def sheet_word(key: str, language: Language) -> str:
    """One of `WORDS` in `language`."""
    return WORDS[key][Language(language)]


def persona_column(name: str, index: int) -> str:
    """How a column held per persona names the persona at `index` ("Score (Linda)"): her name on one line, else her
    place (1-based). The reader matches the columns back by it."""
    return " ".join(name.split()) or str(index + 1)


def cards_header(journey: Journey) -> list[tuple[str, str]]:
    """The cards sheet's columns: (header in the journey's language, the card field's name or a place's key)."""
    language = Language(journey.language)
    columns = [(sheet_word(key, language), key) for key in ("phase", "lane", "order")]
    several = len(journey.personas) > 1
    for field in card_fields.in_workbook_order():
        header = sheet_word(field.name, language)
        if field.per_persona and several:
            for index, persona in enumerate(journey.personas):
                columns.append((f"{header} ({persona_column(persona.name, index)})", f"{field.name}#{index}"))
        else:
            columns.append((header, field.name))
    return columns


def _card_rows(journey: Journey, extra: ExtraColumns | None) -> tuple[list[str], list[list[Any]]]:
    columns = cards_header(journey)
    extra_headers, extra_cells = extra if extra is not None else ((), {})
    phases = {phase.id: phase.name for phase in journey.phases}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    rows: list[list[Any]] = []
    order: dict[tuple[int, int], int] = {}
    for card in journey.ordered_touchpoints():
        cell = (card.phase_id, card.lane_id)
        order[cell] = order.get(cell, 0) + 1
        row: list[Any] = [phases.get(card.phase_id, ""), lanes.get(card.lane_id, ""), order[cell]]
        for _header, key in columns[3:]:
            name, _, index = key.partition("#")
            value = getattr(card.rating(journey, int(index)), name) if index else getattr(card, name)
            row.append(_value(name, value))
        row.extend(_figure(text) for text in extra_cells.get(card.id, [""] * len(extra_headers)))
        rows.append(row)
    return [header for header, _key in columns] + list(extra_headers), rows


def _value(name: str, value: object) -> object:
    """A card field's value as its cell holds it: none is empty, a number a number, anything else text."""
    if value is None:
        return None
    if card_fields.BY_NAME[name].kind in NUMBER_KINDS:
        return int(value)  # type: ignore[call-overload]
    return str(value)


def _figure(text: str) -> object:
    """A survey figure (cjmapper's own, written with a decimal point) as a number; an empty one as an empty cell."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def write_workbook(journey: Journey, extra: ExtraColumns | None = None) -> bytes:
    """The journey as an XLSX workbook's bytes."""
    from openpyxl import Workbook  # imported here: only an XLSX export needs it

    language = Language(journey.language)
    book = Workbook()
    cards = book.active
    assert cards is not None
    cards.title = sheet_word("cards", language)
    header, rows = _card_rows(journey, extra)
    _fill(cards, header, rows)

    structure = book.create_sheet(sheet_word("structure", language))
    part_words = {"phase": sheet_word("phase", language), "lane": sheet_word("lane", language)}
    parts: list[list[Any]] = [
        [part_words["phase"], i + 1, p.name, p.description, None, p.color] for i, p in enumerate(journey.phases)
    ]
    parts += [
        [part_words["lane"], i + 1, lane.name, None, lane.kind.value, lane.color]
        for i, lane in enumerate(journey.lanes)
    ]
    _fill(
        structure, [sheet_word(k, language) for k in ("part", "order", "name", "description", "kind", "colour")], parts
    )

    personas = book.create_sheet(sheet_word("personas", language))
    people = [[i + 1, p.name, p.description, p.goals, p.frustrations, p.color] for i, p in enumerate(journey.personas)]
    _fill(
        personas,
        [sheet_word(k, language) for k in ("order", "name", "description", "goals", "frustrations", "colour")],
        people,
    )

    about = book.create_sheet(sheet_word("journey", language))
    from cjmapper import __version__

    facts = [
        [sheet_word("title", language), journey.title],
        [sheet_word("description", language), journey.description],
        [sheet_word("language", language), language.value],
        [sheet_word("framework", language), journey.framework.value],
        [sheet_word("format", language), f"cjmapper {__version__}"],
        *([sheet_word(f"matrix.{name}", language), getattr(journey.matrix, name)] for name in MATRIX_LABEL_NAMES),
    ]
    _fill(about, [sheet_word("key", language), sheet_word("value", language)], facts)
    book.properties.title = journey.title
    book.properties.creator = f"cjmapper {__version__}"
    book.properties.language = "nl-NL" if language is Language.NL else "en-GB"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill(sheet: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Write `header` and `rows` into `sheet`, every text cell typed as text; freeze the header, add an autofilter,
    size the columns."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    widths = [len(text) for text in header]
    bold = Font(bold=True)
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        _set(cell, text)
        cell.font = bold
    top = Alignment(vertical="top", wrap_text=False)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row_number, column=column)
            _set(cell, value)
            cell.alignment = top
            longest = max((len(line) for line in str(value).splitlines()), default=0)
            widths[column - 1] = max(widths[column - 1], longest) if column <= len(widths) else longest
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))


def _set(cell: Any, value: object) -> None:
    """Put `value` in `cell`: a number as a number, text as text (openpyxl would take "=..." for a formula)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = _clean(str(value))
        cell.value = text
        cell.data_type = "s"
    else:
        cell.value = value


def _clean(text: str) -> str:
    """Text a spreadsheet cell can hold: the control characters XML 1.0 forbids dropped, at most MAX_SHEET_TEXT long
    (what a card holds is far shorter)."""
    kept = "".join(
        c for c in text if c in "\t\n\r" or not (ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff")
    )
    return kept[:MAX_SHEET_TEXT]


def write_workbook_file(journey: Journey, path: Path, extra: ExtraColumns | None = None) -> None:
    """Write the workbook to `path` atomically."""
    write_bytes_atomically(path, write_workbook(journey, extra))

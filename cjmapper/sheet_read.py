"""Reading a spreadsheet file (a survey export, a sheet of cards) into a table of text cells: CSV (separator `;`,
`,` or tab found from the header line; UTF-8 with or without BOM, else Windows-1252; quoted fields) or XLSX (the
first sheet, read-only, cached values only: formulas are never evaluated). The file is untrusted: its size, rows,
columns and cell lengths are bounded (`SheetBounds`, one per kind of file) before anything large is built, and every
refusal is one `SheetFileError` line in the user's language. The survey reader (`cjmapper.survey.read`) and the
card import (`cjmapper.card_import.sheet`) both read through here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cjmapper.errors import CjmapperError
from cjmapper.messages import language, number, say
from cjmapper.model import Language

SEPARATORS = (";", ",", "\t")
K = TypeVar("K")
"""The fields a kind of file's columns are read as."""


class SheetFileError(CjmapperError):
    """A spreadsheet file that cannot be read, with the reason in one line."""


@dataclass(frozen=True, slots=True)
class SheetTable:
    """A file as read: its header cells and its data rows (text, stripped), each with its row number in the file
    (the header is row 1)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class SheetBounds:
    """What one kind of file may hold, and how its refusals name the kind."""

    max_bytes: int
    """A file larger than this is refused unread."""
    max_unpacked: int
    """An XLSX (a zip) whose parts unpack to more than this is refused before it is opened (a zip bomb)."""
    max_rows: int
    """Data rows (without the header)."""
    max_columns: int
    max_cell: int
    """Characters in one cell."""
    too_large: Callable[[str, int, int], str]
    """The refusal of a file too large: (file name, its MB, the most MB)."""
    too_wide: Callable[[str, int, int], str]
    """The refusal of a row with too many columns: (file name, the most columns, row number)."""


def read_sheet_file(path: Path, bounds: SheetBounds) -> SheetTable:
    """The table in the CSV or XLSX file at `path` (XLSX told by its bytes, not its name)."""
    try:
        size = path.stat().st_size
        if size > bounds.max_bytes:
            raise SheetFileError(bounds.too_large(path.name, size // 2**20, bounds.max_bytes // 2**20))
        data = path.read_bytes()
    except OSError as e:
        raise SheetFileError(say("Cannot read {0}: {1}", path.name, e.strerror or e)) from None
    if data[:4] == b"PK\x03\x04":
        return _table(_xlsx_rows(data, path.name, bounds), path.name, bounds)
    return read_csv_data(data, path.name, bounds)


def read_csv_data(data: bytes, name: str, bounds: SheetBounds) -> SheetTable:
    """The table in CSV `data`: UTF-8 (a BOM is dropped), else Windows-1252; the separator that splits the header
    line into the most fields."""
    text = _decode(data)
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"', strict=False)
    try:
        return _table(reader, name, bounds)
    except csv.Error as e:
        raise SheetFileError(say("{0} is not a readable CSV file: {1}", name, e)) from None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise SheetFileError(say("This is not a CSV or XLSX file (it holds binary data)."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _separator(text: str) -> str:
    """The separator that splits the first line (quotes respected) into the most fields; `,` when none splits it."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    best, fields = ",", 1
    for separator in SEPARATORS:
        found = len(next(csv.reader([first], delimiter=separator), []))
        if found > fields:
            best, fields = separator, found
    return best


def _table(rows: Iterable[list[str]], name: str, bounds: SheetBounds) -> SheetTable:
    iterator = iter(rows)
    headers: tuple[str, ...] | None = None
    body: list[tuple[int, tuple[str, ...]]] = []
    for line, row in enumerate(iterator, start=1):
        row = list(row)
        while row and not row[-1].strip():
            row.pop()
        if len(row) > bounds.max_columns:
            raise SheetFileError(bounds.too_wide(name, bounds.max_columns, line))
        cells = tuple(_cell(value, name, line, bounds.max_cell) for value in row)
        if headers is None:
            if not any(cells):
                continue
            headers = cells
            continue
        if not any(cells):
            continue
        if len(body) >= bounds.max_rows:
            raise SheetFileError(
                say("{0} has more than {1} rows; split it into smaller files.", name, number(bounds.max_rows))
            )
        body.append((line, cells))
    if headers is None:
        raise SheetFileError(say("{0} is empty: it has no header row.", name))
    return SheetTable(headers, tuple(body))


def _cell(value: str, name: str, line: int, limit: int) -> str:
    if len(value) > limit:
        raise SheetFileError(say("Row {0} of {1} has a cell of more than {2} characters.", line, name, number(limit)))
    return value.strip()


def parse_mapping(pairs: Iterable[str], named: Callable[[str], K | None], choices: Iterable[str]) -> dict[str, K]:
    """`COLUMN=FIELD` pairs (from `--map`) as {column header: field}, each FIELD as `named` reads it (`choices`:
    the fields, for the refusal)."""
    mapping: dict[str, K] = {}
    for pair in pairs:
        column, sep, name = pair.rpartition("=")
        field = named(name)
        if not sep or not column.strip() or field is None:
            raise SheetFileError(say("“{0}” is not COLUMN=FIELD with FIELD one of {1}.", pair, ", ".join(choices)))
        mapping[column.strip()] = field
    return mapping


def mapped_columns(
    headers: tuple[str, ...], found: Mapping[K, int], mapping: Mapping[str, K], plain: Callable[[str], str]
) -> dict[K, int]:
    """The columns of each field: those `found` by their headers, then the user's `mapping` (which wins; headers
    compared as `plain` names). Refuses a mapping naming a column the file lacks."""
    chosen = dict(found)
    by_header = {plain(h): i for i, h in reversed(list(enumerate(headers)))}
    for column, field in mapping.items():
        index = by_header.get(plain(column))
        if index is None:
            raise SheetFileError(say("The file has no column “{0}” (its columns: {1}).", column, ", ".join(headers)))
        chosen = {f: i for f, i in chosen.items() if i != index}
        chosen[field] = index
    return chosen


def unpacked_size(data: bytes) -> int | None:
    """How many bytes the parts of the zip archive `data` (an XLSX) unpack to, read from its directory before anything
    is unpacked (a zip bomb is refused on this); None when `data` is no zip archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return None


def load_workbook(data: bytes) -> Any | None:
    """The XLSX workbook `data` opened read-only with cached values only (no formula is evaluated, no external link
    followed); None when openpyxl cannot read it. The caller closes it."""
    import openpyxl  # imported here: only an XLSX import needs it

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a damaged file; the callers say so in one line
        return None


def _xlsx_rows(data: bytes, name: str, bounds: SheetBounds) -> Iterator[list[str]]:
    """The first sheet's rows as text, cached values only (a formula cell without a cached value reads as empty)."""
    size = unpacked_size(data)
    if size is None:
        raise SheetFileError(say("{0} is not a readable XLSX file.", name))
    if size > bounds.max_unpacked:
        raise SheetFileError(
            say("{0} unpacks to more than {1} MB; it is refused.", name, number(bounds.max_unpacked // 2**20))
        )
    book = load_workbook(data)
    if book is None:
        raise SheetFileError(say("{0} is not a readable XLSX file.", name))
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SheetFileError(say("{0} is empty: it has no header row.", name))
        for row in sheet.iter_rows(values_only=True, max_col=bounds.max_columns + 1):
            yield [_xlsx_text(value) for value in row]
    finally:
        book.close()


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):  # as the spreadsheet showed it: a decimal comma in Dutch ("4,5")
        return repr(value).replace(".", ",") if language() is Language.NL else repr(value)
    return str(value)

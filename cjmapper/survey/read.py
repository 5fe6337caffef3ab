"""Reading a survey export into a table of text cells: CSV (separator `;`, `,` or tab found from the header line;
UTF-8 with or without BOM, else Windows-1252; quoted fields) or XLSX (the first sheet, read-only, cached values only:
formulas are never evaluated). The file is untrusted: its size, rows, columns and cell lengths are bounded before
anything large is built, and every refusal is one `SurveyFileError` line in the user's language."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cjmapper.errors import CjmapperError
from cjmapper.messages import language, number, say
from cjmapper.model import Language

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A survey export larger than this is refused unread (a year of daily surveys is a few MB)."""
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""An XLSX (a zip) whose parts unpack to more than this is refused before it is opened (a zip bomb)."""
MAX_ROWS = 200_000
MAX_COLUMNS = 60
MAX_CELL = 1_000
"""Rows (without the header), columns and characters in one cell that a survey file may hold."""
SEPARATORS = (";", ",", "\t")


class SurveyFileError(CjmapperError):
    """A survey file that cannot be read, with the reason in one line."""


@dataclass(frozen=True, slots=True)
class SurveyTable:
    """A survey file as read: its header cells and its data rows (text, stripped), each with its row number in the
    file (the header is row 1)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def read_survey_file(path: Path) -> SurveyTable:
    """The table in the CSV or XLSX file at `path` (XLSX told by its bytes, not its name)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SurveyFileError(
                say(
                    "{0} is too large for a survey file ({1} MB; at most {2} MB).",
                    path.name,
                    number(size // 2**20),
                    number(MAX_FILE_BYTES // 2**20),
                )
            )
        data = path.read_bytes()
    except OSError as e:
        raise SurveyFileError(say("Cannot read {0}: {1}", path.name, e.strerror or e)) from None
    if data[:4] == b"PK\x03\x04":
        return _table(_xlsx_rows(data, path.name), path.name)
    return read_csv_bytes(data, path.name)


def read_csv_bytes(data: bytes, name: str = "the file") -> SurveyTable:
    """The table in CSV `data`: UTF-8 (a BOM is dropped), else Windows-1252; the separator that splits the header
    line into the most fields."""
    text = _decode(data)
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"', strict=False)
    try:
        return _table(reader, name)
    except csv.Error as e:
        raise SurveyFileError(say("{0} is not a readable CSV file: {1}", name, e)) from None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise SurveyFileError(say("This is not a CSV or XLSX file (it holds binary data)."))
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


def _table(rows: Iterable[list[str]], name: str) -> SurveyTable:
    iterator = iter(rows)
    headers: tuple[str, ...] | None = None
    body: list[tuple[int, tuple[str, ...]]] = []
    for line, row in enumerate(iterator, start=1):
        row = list(row)
        while row and not row[-1].strip():
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise SurveyFileError(
                say("{0} has more than {1} columns in row {2}; is it a survey export?", name, MAX_COLUMNS, line)
            )
        cells = tuple(_cell(value, name, line) for value in row)
        if headers is None:
            if not any(cells):
                continue
            headers = cells
            continue
        if not any(cells):
            continue
        if len(body) >= MAX_ROWS:
            raise SurveyFileError(
                say("{0} has more than {1} rows; split it into smaller files.", name, number(MAX_ROWS))
            )
        body.append((line, cells))
    if headers is None:
        raise SurveyFileError(say("{0} is empty: it has no header row.", name))
    return SurveyTable(headers, tuple(body))


def _cell(value: str, name: str, line: int) -> str:
    if len(value) > MAX_CELL:
        raise SurveyFileError(
            say("Row {0} of {1} has a cell of more than {2} characters.", line, name, number(MAX_CELL))
        )
    return value.strip()


def _xlsx_rows(data: bytes, name: str) -> Iterator[list[str]]:
    """The first sheet's rows as text, cached values only (openpyxl read-only with data_only: no formula is
    evaluated; a formula cell without a cached value reads as empty)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SurveyFileError(
                    say("{0} unpacks to more than {1} MB; it is refused.", name, number(MAX_UNPACKED_BYTES // 2**20))
                )
    except zipfile.BadZipFile:
        raise SurveyFileError(say("{0} is not a readable XLSX file.", name)) from None
    import openpyxl  # imported here: only an XLSX import needs it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a damaged file; the user gets one line
        raise SurveyFileError(say("{0} is not a readable XLSX file.", name)) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SurveyFileError(say("{0} is empty: it has no header row.", name))
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
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

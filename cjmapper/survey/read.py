"""Reading a survey export into a table of text cells, through `cjmapper.sheet_read` (CSV or XLSX, decoded and
bounded there) with a survey file's bounds: its size, rows, columns and cell lengths, and refusals that name a survey
file."""

from __future__ import annotations

from pathlib import Path

from cjmapper.messages import number, say
from cjmapper.sheet_read import SheetBounds, SheetFileError, SheetTable, read_csv_data, read_sheet_file

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A survey export larger than this is refused unread (a year of daily surveys is a few MB)."""
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""An XLSX (a zip) whose parts unpack to more than this is refused before it is opened (a zip bomb)."""
MAX_ROWS = 200_000
MAX_COLUMNS = 60
MAX_CELL = 1_000
"""Rows (without the header), columns and characters in one cell that a survey file may hold."""

SurveyFileError = SheetFileError
"""A survey file that cannot be read, with the reason in one line."""
SurveyTable = SheetTable
"""A survey file as read: its header cells and its data rows, each with its row number in the file."""


def _bounds() -> SheetBounds:
    """A survey file's bounds (read when a file is, so a test may lower them)."""
    return SheetBounds(
        MAX_FILE_BYTES,
        MAX_UNPACKED_BYTES,
        MAX_ROWS,
        MAX_COLUMNS,
        MAX_CELL,
        too_large=lambda name, size, most: say(
            "{0} is too large for a survey file ({1} MB; at most {2} MB).", name, number(size), number(most)
        ),
        too_wide=lambda name, most, row: say(
            "{0} has more than {1} columns in row {2}; is it a survey export?", name, most, row
        ),
    )


def read_survey_file(path: Path) -> SurveyTable:
    """The table in the CSV or XLSX file at `path` (XLSX told by its bytes, not its name)."""
    return read_sheet_file(path, _bounds())


def read_csv_bytes(data: bytes, name: str = "the file") -> SurveyTable:
    """The table in CSV `data` (see `cjmapper.sheet_read.read_csv_data`)."""
    return read_csv_data(data, name, _bounds())

"""Importing a file from another program as a journey, by the kind its suffix names: one table, read by `cjmapper
import`, by `cjmapper PATH` and a dropped file (`cjmapper.file_kinds`) and by the editor's File › Import Journey….
A suffix not in the table is read as a journey file (JSON), as it always was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cjmapper.model import Journey


def _journey_file(path: Path) -> Journey:
    from cjmapper.interchange import read_journey_file

    return read_journey_file(path)


def _mermaid(path: Path) -> Journey:
    from cjmapper.interchange.mermaid_reader import read_mermaid_file
    from cjmapper.messages import language

    return read_mermaid_file(path, language())


def _workbook(path: Path) -> Journey:
    from cjmapper.errors import InterchangeError
    from cjmapper.interchange.workbook_reader import read_workbook_file
    from cjmapper.messages import say

    journey = read_workbook_file(path)
    if journey is None:
        raise InterchangeError(
            [
                say(
                    "this workbook holds no cjmapper journey; import its rows as cards (File › Import Cards…, or "
                    "cjmapper import FILE.xlsx --into JOURNEY)"
                )
            ],
            path.name,
        )
    return journey


IMPORTERS: dict[str, Callable[[Path], Journey]] = {
    ".json": _journey_file,
    ".mmd": _mermaid,
    ".mermaid": _mermaid,
    ".md": _mermaid,
    ".markdown": _mermaid,
    ".xlsx": _workbook,
}
"""The reader of each suffix (lower case, with its dot). Mermaid and Markdown files are read in the language of the
core's messages (the imported journey's lanes are named in it). An XLSX workbook is cjmapper's own export, read back
whole (`cjmapper import` reads another workbook as a sheet of cards)."""


def read_import_file(path: Path) -> Journey:
    """The journey in the file at `path`, read by its suffix's reader. Raises InterchangeError naming the file."""
    return IMPORTERS.get(path.suffix.lower(), _journey_file)(path)

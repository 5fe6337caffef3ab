"""The export formats: one table, read by the command line (`cjmapper export`) and by the editor's File menu, so a
format added here is offered by both and no format is ever written by another one's writer.

Each format has a name (the command line's `--format`), a file extension, whether its bytes are binary (not written
to a terminal) and whether it needs Qt, and is one of four kinds:

- "journey": the journey's content as a file (JSON, CSV, XLSX, a Mermaid journey), written here by `write_file` /
  `write_text` (a binary one: `write_bytes`);
- "poster": the PDF poster, drawn by `cjmapper.poster` with its own options (paper, tiling, a version's name);
- "picture": a PNG or SVG picture drawn by the canvas (`ui/export/pictures.py`, the `cjmapper.gui` package): the
  core cannot import Qt, so the editor draws them itself and hands its drawing function to the command line
  (`cjmapper.cli.main(export_picture=...)`);
- "deck": a PowerPoint deck (`cjmapper.pptx_export`), whose overview slide holds the map's PNG picture, drawn by
  that same function.

The writers import their modules when called, so reading this table costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cjmapper.model import Journey

Extra = tuple[Sequence[str], Mapping[int, Sequence[str]]] | None
"""Columns a table format adds after a card's own (`cjmapper.interchange.csv_format.ExtraColumns`): the survey
figures; None for none (JSON ignores them)."""

ExportKind = Literal["journey", "poster", "picture", "deck"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how it is named, which file it makes and what writes it."""

    name: str
    """Lower case, as `--format` takes it ("json")."""
    extension: str
    """The file extension, with its dot (".json")."""
    kind: ExportKind
    binary: bool
    """Bytes that are no text: never written to a terminal."""
    needs_qt: bool
    """Drawn by the editor's canvas: the command line needs the editor's drawing function for it."""
    write_file: Callable[[Journey, Path, Extra], None] | None = None
    """A "journey" format's writer of a file (atomic: the file holds the old or the whole new content)."""
    write_text: Callable[[Journey, Extra], str] | None = None
    """A "journey" format's writer of text (standard output)."""
    write_bytes: Callable[[Journey, Extra], bytes] | None = None
    """A binary "journey" format's writer of bytes (standard output), in place of `write_text`."""
    losses: Callable[[Journey], str | None] | None = None
    """What a file of this format cannot hold of a journey, as one warning line (None: nothing lost)."""


def _json_file(journey: Journey, path: Path, _extra: Extra = None) -> None:
    from cjmapper.interchange import write_journey_file

    write_journey_file(journey, path)


def _json_text(journey: Journey, _extra: Extra = None) -> str:
    from cjmapper.interchange import write_journey

    return write_journey(journey)


def _csv_file(journey: Journey, path: Path, extra: Extra = None) -> None:
    from cjmapper.interchange import write_csv_file

    write_csv_file(journey, path, extra)


def _csv_text(journey: Journey, extra: Extra = None) -> str:
    from cjmapper.interchange import write_csv

    return write_csv(journey, extra)


def _xlsx_file(journey: Journey, path: Path, extra: Extra = None) -> None:
    from cjmapper.interchange.workbook import write_workbook_file

    write_workbook_file(journey, path, extra)


def _xlsx_bytes(journey: Journey, extra: Extra = None) -> bytes:
    from cjmapper.interchange.workbook import write_workbook

    return write_workbook(journey, extra)


def _mermaid_file(journey: Journey, path: Path, _extra: Extra = None) -> None:
    from cjmapper.interchange.mermaid_writer import write_mermaid_file

    write_mermaid_file(journey, path)


def _mermaid_text(journey: Journey, _extra: Extra = None) -> str:
    from cjmapper.interchange.mermaid_writer import write_mermaid

    return write_mermaid(journey)


def _mermaid_losses(journey: Journey) -> str | None:
    from cjmapper.interchange.mermaid_writer import mermaid_losses

    return mermaid_losses(journey)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", ".json", "journey", False, False, _json_file, _json_text),
        ExportFormat("csv", ".csv", "journey", False, False, _csv_file, _csv_text),
        ExportFormat("xlsx", ".xlsx", "journey", True, False, _xlsx_file, write_bytes=_xlsx_bytes),
        ExportFormat("mermaid", ".mmd", "journey", False, False, _mermaid_file, _mermaid_text, losses=_mermaid_losses),
        ExportFormat("pdf", ".pdf", "poster", True, False),
        ExportFormat("png", ".png", "picture", True, True),
        ExportFormat("svg", ".svg", "picture", False, True),
        ExportFormat("pptx", ".pptx", "deck", True, True),
    )
}
"""Every export format by name, in the order the command line's help lists them."""


def format_names() -> tuple[str, ...]:
    return tuple(FORMATS)


def find_format(name: str) -> ExportFormat | None:
    """The format called `name` (any case), or None."""
    return FORMATS.get(name.lower())


def format_of(path: Path | str) -> ExportFormat | None:
    """The format a file name's extension names (any case), or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if f.extension == suffix), None) if suffix else None


def formats_of_kind(kind: ExportKind) -> list[ExportFormat]:
    """The formats of one kind, in the table's order."""
    return [f for f in FORMATS.values() if f.kind == kind]

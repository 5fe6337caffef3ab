"""Getting the work out of a damaged library: every journey that can still be read, written to a journey file each.

A library that fails SQLite's integrity check opens read-only (`Library.damage`); `export_all` then saves what is
left. A journey counts as readable only when it loads and its journey file passes the strict reader, so a journey
with damaged values is reported, never passed off as sound."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmapper.errors import CjmapperError, LibraryError
from cjmapper.interchange import read_journey, write_journey
from cjmapper.interchange.json_format import write_bytes_atomically
from cjmapper.store import Library


@dataclass(frozen=True, slots=True)
class Exported:
    journey_id: int
    title: str
    path: Path


@dataclass(frozen=True, slots=True)
class Unreadable:
    journey_id: int
    title: str
    """"" when not even the title could be read."""
    reason: str


@dataclass(frozen=True, slots=True)
class ExportAllReport:
    written: tuple[Exported, ...]
    unreadable: tuple[Unreadable, ...]


def file_name(journey_id: int, title: str) -> str:
    """A journey file's name: its id (titles need not be unique) and a file-system-safe title."""
    cleaned = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()[:80]
    return f"{journey_id} {cleaned}.json" if cleaned else f"{journey_id}.json"


def export_all(library: Library, folder: Path) -> ExportAllReport:
    """Write every readable journey of `library` into `folder` (created when missing) as `<id> <title>.json`;
    report those that could not be read. Raises CjmapperError when not even the list of journeys can be read or
    the folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise LibraryError(f"Cannot write into {folder}: {e.strerror or e}.") from None
    try:
        titles = {info.id: info.title for info in library.list_journeys()}
    except CjmapperError:
        titles = dict.fromkeys(library.journey_revisions(), "")  # the table of contents' counts are damaged
    written: list[Exported] = []
    unreadable: list[Unreadable] = []
    for journey_id in sorted(titles):
        try:
            journey = library.load_journey(journey_id)
            text = write_journey(journey)
            read_journey(text)  # the strict reader: damaged values are refused, not exported
        except Exception as e:  # one damaged journey must not keep the others from being saved
            reason = str(e) if isinstance(e, CjmapperError) else f"{type(e).__name__}: {e}"
            unreadable.append(Unreadable(journey_id, titles[journey_id], reason))
            continue
        target = folder / file_name(journey_id, journey.title)
        try:
            write_bytes_atomically(target, text.encode("utf-8"))
        except OSError as e:
            raise LibraryError(f"Cannot write {target}: {e.strerror or e}.") from None
        written.append(Exported(journey_id, journey.title, target))
    return ExportAllReport(tuple(written), tuple(unreadable))

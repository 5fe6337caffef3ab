"""Getting the work out of a damaged library: every journey that can still be read, written to a journey file each.

A library that fails SQLite's integrity check opens read-only (`Library.damage`); `export_all` then saves what is
left. A journey counts as readable only when it loads and its journey file passes the strict reader, so a journey
with damaged values is reported, never passed off as sound."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmapper.errors import CjmapperError, LibraryError
from cjmapper.file_names import NAME_MAX, byte_length, name_limit, replace_file, title_part
from cjmapper.interchange import write_journey
from cjmapper.messages import say
from cjmapper.store import Library
from cjmapper.store.transfer import with_image_data


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
class Unwritten:
    journey_id: int
    title: str
    path: Path
    reason: str
    """Why the file could not be written, as the system said it ("No space left on device")."""


@dataclass(frozen=True, slots=True)
class ExportAllReport:
    written: tuple[Exported, ...]
    unreadable: tuple[Unreadable, ...]
    unwritten: tuple[Unwritten, ...] = ()


def file_name(journey_id: int, title: str, limit: int = NAME_MAX, suffix: str = "") -> str:
    """A journey file's name: its id (titles need not be unique), a file-system-safe title cut to fit, `suffix`
    and ".json", in at most `limit` bytes (see `cjmapper.file_names`)."""
    tail = f"{suffix}.json"
    cleaned = title_part(title, limit - byte_length(f"{journey_id} {tail}"))
    return f"{journey_id} {cleaned}{tail}" if cleaned else f"{journey_id}{tail}"


def export_all(library: Library, folder: Path) -> ExportAllReport:
    """Write every readable journey of `library` into `folder` (created when missing) as `<id> <title>.json`, names
    cut to the folder's file system limit; report those that could not be read and those that could not be
    written (the others are written all the same). A name that would be one of the library's own files gets a
    " (2)". Raises CjmapperError when not even the list of journeys can be read or the folder cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise LibraryError(say("Cannot write into {0}: {1}.", folder, e.strerror or e)) from None
    limit = name_limit(folder)
    try:
        titles = {info.id: info.title for info in library.list_journeys()}
    except CjmapperError:
        titles = dict.fromkeys(library.journey_revisions(), "")  # the table of contents' counts are damaged
    written: list[Exported] = []
    unreadable: list[Unreadable] = []
    unwritten: list[Unwritten] = []
    taken: set[str] = set()
    for journey_id in sorted(titles):
        try:
            journey = with_image_data(library, library.load_journey(journey_id))
            data = write_journey(journey).encode("utf-8")  # it reads back what it writes: an export imports again
        except Exception as e:  # one damaged journey must not keep the others from being saved
            reason = str(e) if isinstance(e, CjmapperError) else f"{type(e).__name__}: {e}"
            unreadable.append(Unreadable(journey_id, titles[journey_id], reason))
            continue
        target = _free_name(library, folder, journey_id, journey.title, limit, taken)
        try:
            replace_file(target, data)
        except OSError as e:  # a full disk, a folder in the way, ...: the next journey may still fit
            unwritten.append(Unwritten(journey_id, journey.title, target, e.strerror or str(e)))
            continue
        written.append(Exported(journey_id, journey.title, target))
    return ExportAllReport(tuple(written), tuple(unreadable), tuple(unwritten))


def _free_name(library: Library, folder: Path, journey_id: int, title: str, limit: int, taken: set[str]) -> Path:
    """`folder`/the journey's file name, with " (2)", " (3)"... when this export used the name already (compared
    without case, for file systems that ignore it) or it is one of the library's own files."""
    n = 1
    while True:
        name = file_name(journey_id, title, limit, f" ({n})" if n > 1 else "")
        if name.casefold() not in taken and not library.owns_file(folder / name):
            taken.add(name.casefold())
            return folder / name
        n += 1

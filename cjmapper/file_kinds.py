"""What a file handed to cjmapper from outside is: a library to open or a journey file to import.

`cjmapper PATH`, a file dropped on the window and a file the system asks the editor to open (macOS) all go through
`identify`, so they accept and refuse the same files with the same one-line reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmapper.errors import CjmapperError
from cjmapper.interchange.import_files import IMPORTERS, read_import_file
from cjmapper.messages import say
from cjmapper.model import Journey
from cjmapper.store.sqlite import check_existing_file, is_library_file

LIBRARY_SUFFIX = ".cjm"
JOURNEY_SUFFIX = ".json"


@dataclass(frozen=True)
class LibraryFile:
    """A cjmapper library file (known by its bytes, whatever its name)."""

    path: Path


@dataclass(frozen=True)
class JourneyFile:
    """A journey file, read and checked: `journey` is what importing it adds."""

    path: Path
    journey: Journey


def identify(path: Path) -> LibraryFile | JourneyFile:
    """The library or journey file at `path`. Raises CjmapperError, one line naming the file, for anything else: a
    missing file, a folder, another kind of file, a JSON file that is not a journey, a damaged library."""
    name = path.name or str(path)
    if not path.exists():
        raise CjmapperError(say("{0}: no such file", path))
    if path.is_dir():
        raise CjmapperError(say("{0} is a folder, not a cjmapper library (.cjm) or journey file (.json)", path))
    if is_library_file(path):
        return LibraryFile(path)
    suffix = path.suffix.lower()
    if suffix == LIBRARY_SUFFIX:
        check_existing_file(path)  # says what is wrong with it (empty, cut short, another program's database)
        raise CjmapperError(say("{0} is not a cjmapper library", name))
    if suffix in IMPORTERS:  # a journey file, or another program's (a Mermaid journey)
        return JourneyFile(path, read_import_file(path))
    raise CjmapperError(say("{0} is neither a cjmapper library (.cjm) nor a journey file (.json)", name))

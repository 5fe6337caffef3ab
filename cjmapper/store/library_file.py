"""A library file on disk: creating one whole, checking an existing one before it is opened for writing, upgrading an
older format after a backup, and telling which files are the library's own (its -wal, -shm, -journal and format
backups), so nothing else writes over them. The SQLite-only parts (pragmas, locks, temporaries) are in
`cjmapper.store.sqlite`; `cjmapper.store.library.Library.open` calls these in order."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper.errors import LibraryError, LibraryLockedError
from cjmapper.messages import say
from cjmapper.store import migrate, sqlite
from cjmapper.store.backend import WRITE_LOCK


def create_library_file(path: Path, busy_timeout_ms: int, seed: Callable[[Engine, Path], None] | None = None) -> bool:
    """Make a new, complete library at `path`: built under a temporary name and linked into place only when whole,
    so a crash while creating leaves no half-made library behind (a half-made one would be refused for ever; the
    temporary is removed by a later open, see `sqlite.remove_stale_temporaries`). `seed`, if given, writes the
    journeys the library starts with into the temporary (its engine and path) first: when it fails, nothing is
    linked into place. The file, and the -wal and -shm
    SQLite makes beside it, are readable and writable by the user only. A -wal, -shm or -journal a crashed library
    of that name left is removed first (with its library gone it belongs to no database, and SQLite would play it
    over the new one); one another program still uses is refused. Returns False when another program created
    `path` meanwhile (then it is opened as it is)."""
    try:
        temporary = sqlite.new_temporary(path, "new")
    except OSError as e:
        raise LibraryError(say("Cannot create {0}: {1}.", path.name, e.strerror or e)) from None
    engine = sqlite.make_engine(temporary, busy_timeout_ms)
    try:
        with engine.connect() as conn:
            _create_schema(conn)
        if seed is not None:
            seed(engine, temporary)
        engine.dispose()
        if path.exists():
            return False
        try:
            sqlite.clear_place(path)
        except LibraryLockedError:
            if path.exists():  # another program created it meanwhile, and holds it: open it as it is
                return False
            raise
        try:
            os.link(temporary, path)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links (FAT, some network shares)
            if path.exists():
                return False
            os.replace(temporary, path)
        return True
    except DBAPIError as e:
        raise sqlite.translate(e, path.name) from None
    except OSError as e:
        raise LibraryError(say("Cannot create {0}: {1}.", path.name, e.strerror or e)) from None
    finally:
        engine.dispose()
        remove_library_files(temporary)


def check_existing_library(path: Path, busy_timeout_ms: int) -> list[str]:
    """Refuse a library holding a stranger's SQL, or a sound one in a format this cjmapper cannot open, and return
    what the quick integrity check finds wrong ([] when sound), over a read-only connection: a refused or damaged
    file (and its WAL) is left byte for byte as it was. (Refused after opening for writing, it would not be: closing
    the last writable connection copies the WAL into the file.)"""
    engine = sqlite.make_engine(path, busy_timeout_ms, read_only=True)
    try:
        with engine.connect() as conn:
            strangers = sqlite.foreign_schema_objects(conn)
            if strangers:
                raise LibraryError(
                    say(
                        "{0} holds SQL that cjmapper did not put there ({1}); it will not run it, so it does not open "
                        "this library.",
                        path.name,
                        ", ".join(strangers[:3]),
                    )
                )
            problems = sqlite.integrity_problems(conn)
            if not problems:
                with conn.begin():
                    _checked_revision(conn, path)
            return problems
    except DBAPIError as e:
        raise sqlite.translate(e, path.name) from None
    except UnicodeDecodeError:  # SQLite's own message quoted a damaged schema's bytes
        raise LibraryError(say("{0} is damaged (its schema holds bytes that are not text).", path.name)) from None
    finally:
        engine.dispose()


def _create_schema(conn: Connection) -> None:
    with conn.begin():
        sqlite.stamp_application_id(conn)
        migrate.create(conn)
    sqlite.checkpoint(conn)


def prepare_existing(conn: Connection, engine: Engine, path: Path) -> None:
    """Check an existing library's format; upgrade an older one after backing it up. Writes nothing otherwise."""
    with conn.begin():
        revision = _checked_revision(conn, path)
    if revision != migrate.HEAD:
        backup = _backup_path(path, revision)
        sqlite.backup_to(engine, path, backup)
        with conn.execution_options(**{WRITE_LOCK: True}).begin():
            migrate.upgrade_format(conn)
        sqlite.checkpoint(conn)
    # Take the write lock once and let it go: a library another program holds is refused now, not mid-edit.
    with conn.execution_options(**{WRITE_LOCK: True}).begin() as txn:
        txn.rollback()


def _checked_revision(conn: Connection, path: Path) -> str:
    return migrate.checked_revision(
        conn, path.name, damaged=say("{0} is damaged: it has no cjmapper tables.", path.name)
    )


def _backup_path(path: Path, revision: str) -> Path:
    candidate = path.with_name(f"{path.name}.format{int(revision)}.bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.format{int(revision)}.{n}.bak")
        n += 1
    return candidate


def _is_backup_name(library_name: str, name: str) -> bool:
    """Whether `name` is (or would be) one of `_backup_path`'s names for the library called `library_name`."""
    return re.fullmatch(rf"{re.escape(library_name)}\.format\d+(\.\d+)?\.bak", name) is not None


def is_own_file(path: Path, target: Path) -> bool:
    """`Library.owns_file` of the library file at `path`: the same place once symlinks and `..` are resolved (for
    a -wal or a backup that is not there now), or the same file as one of them (by device and inode, so a hard
    link counts)."""
    places = {path.absolute(), Path(os.path.realpath(path))}
    own = [place for base in places for place in (base, *sqlite.side_files(base))]
    resolved = Path(os.path.realpath(target))
    if resolved in {Path(os.path.realpath(p)) for p in own}:
        return True
    if any(
        resolved.parent == Path(os.path.realpath(base.parent)) and _is_backup_name(base.name, resolved.name)
        for base in places
    ):
        return True
    try:
        found = os.stat(target)
    except OSError:
        return False
    if found.st_nlink > 1:  # a hard link: perhaps to a backup, which can have any number
        for base in places:
            with contextlib.suppress(OSError):
                own += [p for p in base.parent.iterdir() if _is_backup_name(base.name, p.name)]
    for place in own:
        with contextlib.suppress(OSError):
            st = os.stat(place)
            if (st.st_dev, st.st_ino) == (found.st_dev, found.st_ino):
                return True
    return False


def remove_library_files(path: Path) -> None:
    for place in (path, *sqlite.side_files(path)):
        with contextlib.suppress(OSError):
            place.unlink()

"""Everything SQLite-only lives here: file checks, pragmas, transaction start, backup and error wording.

The rest of the store speaks portable SQLAlchemy, so a PostgreSQL backend replaces this module, not the store.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sqlite3
import stat
import struct
import sys
import time
import urllib.parse
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper import file_names
from cjmapper.errors import LibraryError, LibraryLockedError, UndecodableTextError
from cjmapper.messages import say
from cjmapper.store.backend import WRITE_LOCK, JourneyChange

APPLICATION_ID = 0x434A4D31  # "CJM1" in the SQLite header, so `file` and cjmapper know a library by its bytes
_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
SIDECARS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a library, named after it: its write-ahead log, the log's shared-memory index and
(outside WAL mode) its rollback journal. SQLite plays any it finds over whatever file bears that
name, so none may be left beside a file that replaces a library."""
STALE_TEMPORARY_S = 60.0
"""A hidden temporary of ours untouched this long, and held by no program, was left by a killed cjmapper."""
_TEMPORARY = re.compile(r"(?:new|partial)-[0-9a-f]{8}|partial")
"""What follows `.NAME.` in the name of a temporary of ours (a new library, a copy being saved), before any -wal,
-shm or -journal of its own; a bare `partial` is what cjmapper 0.1 named its copies."""
_WAL_HEADER_SIZE = 32
_WAL_FRAME_HEADER_SIZE = 24


def is_library_file(path: Path) -> bool:
    """Whether the file at `path` begins like a cjmapper library: SQLite's header with cjmapper's application id (the
    bytes the desktop's MIME type matches too). Reads 72 bytes; False for anything that cannot be read."""
    try:
        with path.open("rb") as f:
            header = f.read(72)
    except OSError:
        return False
    return header.startswith(_MAGIC) and len(header) == 72 and struct.unpack(">I", header[68:72])[0] == APPLICATION_ID


def check_existing_file(path: Path) -> None:
    """Refuse, without writing a byte, anything at `path` that is not a writable cjmapper library.

    It reads the header only, and refuses no cjmapper library that SQLite can read: whether the pages are sound is
    left to SQLite's own checks (`integrity_problems`), which read the WAL too."""
    name = path.name
    try:
        st = path.stat()
        with path.open("rb") as f:
            header = f.read(_HEADER_SIZE)
    except PermissionError:
        raise LibraryError(say("{0}: cjmapper may not read this file (permission denied).", name)) from None
    except OSError as e:
        raise LibraryError(say("{0}: cannot read the file ({1}).", name, e.strerror or e)) from None
    size = st.st_size
    if size == 0:
        raise LibraryError(say("{0} is an empty file, not a cjmapper library.", name))
    if not header.startswith(_MAGIC):
        if _MAGIC.startswith(header):
            raise LibraryError(say("{0} is damaged: the file is cut short ({1} bytes).", name, size))
        raise LibraryError(say("{0} is not a cjmapper library (it is not a SQLite database).", name))
    if len(header) < _HEADER_SIZE:
        raise LibraryError(say("{0} is damaged: the file is cut short ({1} bytes).", name, size))
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (application_id,) = struct.unpack(">I", header[68:72])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if application_id != APPLICATION_ID:
        raise LibraryError(say("{0} is another program's SQLite database, not a cjmapper library.", name))
    if page_size < 512 or page_size & (page_size - 1):
        raise LibraryError(say("{0} is damaged: its header names no valid page size ({1}).", name, page_size))
    if valid_for == change_counter and -(-size // page_size) < pages and not _wal_has_frames(path, page_size):
        # The header names more pages than the file holds. While a checkpoint copies the WAL into the file (when
        # the library closes), page 1 comes first: a kill or a full disk then leaves the file short of its header
        # and the WAL holding the rest, which SQLite reads whole. Without a WAL nothing holds the missing pages.
        raise LibraryError(
            say(
                "{0} is damaged: the file is cut short ({1} of {2} bytes) and no {3}-wal beside it holds the "
                "rest (when copying a library, copy its -wal file with it).",
                name,
                size,
                pages * page_size,
                name,
            )
        )
    check_writable(path)


def _wal_has_frames(path: Path, page_size: int) -> bool:
    """Whether the library's WAL is long enough to hold a page: SQLite reads a shorter one as empty."""
    try:
        return Path(f"{path}-wal").stat().st_size >= _WAL_HEADER_SIZE + _WAL_FRAME_HEADER_SIZE + page_size
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """cjmapper writes every edit straight into the library, so it needs write access to it and its folder.

    Mode bits are checked as well as access(), so a file marked read-only is honoured even for root."""
    st = path.stat()
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise LibraryError(
            say(
                "{0} is read-only. cjmapper saves every edit into the library file, so it needs write access: "
                "make the file writable or open a copy.",
                path.name,
            )
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise LibraryError(
            say(
                "{0} is in a read-only folder ({1}); cjmapper needs to write beside the library.",
                path.name,
                path.parent,
            )
        )


# ---------------------------------------------------------------------- who holds a library file


_open_here: Counter[tuple[int, int] | str] = Counter()
"""The files (by device and inode, and by path) that `SqliteBackend`s of this program hold open: SQLite's locks
never conflict within one program, so another `Library` here is seen by this count, not by the locks."""

_PENDING_BYTE = 0x40000000
_MAIN_FILE_LOCKS = (_PENDING_BYTE, 512)
"""SQLite's lock bytes in a database file: pending, reserved and the 510 shared bytes (a connection in WAL mode holds
a shared lock there for as long as it is open)."""
_SHM_LOCKS = (120, 9)
"""The WAL index's eight lock bytes and its dead-man switch (byte 128), which every connection that uses the WAL
holds a read lock on for as long as it is open."""
if sys.platform.startswith("linux"):
    _FLOCK = "hhqqi4x"  # struct flock: l_type, l_whence, l_start, l_len, l_pid
elif sys.platform == "darwin" or "bsd" in sys.platform:
    _FLOCK = "qqihh"  # struct flock: l_start, l_len, l_pid, l_type, l_whence
else:
    _FLOCK = ""  # no POSIX locks to test (Windows refuses to replace a file another program has open)


def _holders(path: Path) -> list[tuple[int, int] | str]:
    keys: list[tuple[int, int] | str] = [str(path.absolute())]
    with contextlib.suppress(OSError):
        st = path.stat()
        keys.append((st.st_dev, st.st_ino))
    return keys


def _let_go(holds: list[tuple[int, int] | str]) -> None:
    _open_here.subtract(holds)
    for key in holds:
        if _open_here[key] <= 0:
            del _open_here[key]


def _locked(path: Path, start: int, length: int) -> bool:
    """Whether another process holds a POSIX lock on bytes start..start+length of `path` (F_GETLK: takes nothing).

    Opening and closing the file here drops any lock this process holds on it (POSIX), which is why `in_use` asks
    `_open_here` first."""
    if not _FLOCK:
        return False
    import fcntl  # POSIX only

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        if _FLOCK.startswith("hh"):
            probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
            kind = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))[0]
        else:
            probe = struct.pack(_FLOCK, start, length, 0, fcntl.F_WRLCK, os.SEEK_SET)
            kind = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))[3]
        return bool(kind != fcntl.F_UNLCK)
    except OSError:
        return False
    finally:
        os.close(fd)


def in_use(path: Path) -> bool:
    """Whether a program has the library file `path` open: another `Library` in this program, or any program whose
    SQLite connection holds a lock on the file or on its -shm (every connection in WAL mode does while it is open,
    also when the file itself was deleted or renamed under it). A connection in rollback-journal mode between
    transactions holds no lock and is not seen; cjmapper's connections are all in WAL mode."""
    if any(_open_here[key] for key in _holders(path)):
        return True
    return _locked(path, *_MAIN_FILE_LOCKS) or _locked(Path(f"{path}-shm"), *_SHM_LOCKS)


def refuse_in_use(path: Path) -> None:
    if in_use(path):
        raise _open_elsewhere(path)


def _open_elsewhere(path: Path) -> LibraryLockedError:
    return LibraryLockedError(
        say("{0} is open in another program; close it there first, or choose another name.", path.name)
    )


def clear_place(path: Path) -> None:
    """Make ready for a library to be renamed to `path`: refuse when a program holds what is there; have SQLite
    finish a journal or WAL a crash left beside the file there (a hot journal rolled back, the WAL checkpointed into
    its own file), so a crash from here on leaves that file whole; then remove every -wal, -shm and -journal named
    after `path`, which SQLite would otherwise play over the library renamed there. A -wal or -journal whose library
    is gone (deleted or moved after a crash) may still hold that library's last edits: it is kept aside as
    `NAME-wal.orphaned` (numbered when that exists), not deleted."""
    refuse_in_use(path)
    main_file = path.is_file()
    if main_file and any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")):
        _settle(path)
        refuse_in_use(path)  # opened meanwhile: what lies beside it is live, not left over
    for suffix in SIDECARS:
        side = Path(f"{path}{suffix}")
        try:
            if not main_file and suffix != "-shm" and side.stat().st_size > 0:
                os.replace(side, _free_name(side.with_name(f"{side.name}.orphaned")))
            else:
                side.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            if e.errno == errno.ENAMETOOLONG:  # a name the file system cannot hold: no such file can be there
                continue
            raise LibraryError(
                say(
                    "{0}{1} is in the way and cannot be removed ({2}); SQLite would read it as part of {3}.",
                    path.name,
                    suffix,
                    e.strerror or e,
                    path.name,
                )
            ) from None


def _free_name(wanted: Path) -> Path:
    """`wanted`, or `wanted.2`, `wanted.3`... : the first name nothing has yet."""
    candidate, n = wanted, 2
    while candidate.exists():
        candidate, n = wanted.with_name(f"{wanted.name}.{n}"), n + 1
    return candidate


def _settle(path: Path) -> None:
    """Let SQLite finish in `path` what a crash left in its journal or WAL. A file SQLite cannot use is left as it is
    (its leftovers are removed all the same: they are of no use to it)."""
    try:
        conn = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=rw", uri=True, timeout=0)
    except sqlite3.Error:
        return
    try:
        conn.isolation_level = None
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back a hot journal, reads the WAL
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy is not None and busy[0]:
            raise _open_elsewhere(path)
    except sqlite3.OperationalError as e:
        if isinstance(translate(e, path.name), LibraryLockedError):
            raise _open_elsewhere(path) from None
    except (sqlite3.Error, UnicodeDecodeError):
        pass
    finally:
        conn.close()  # the last connection in WAL mode checkpoints and removes the -wal and -shm


# ---------------------------------------------------------------------- our hidden temporaries


_TEMPORARY_ROOM = 32
"""Bytes a hidden temporary's name adds to the library's name: the dots, `partial-1a2b3c4d` and SQLite's `-journal`."""


def _hidden_base(path: Path) -> str:
    """The library's name as its hidden temporaries carry it: cut (on a whole character) so that they too fit the
    file system's limit on a name, however long the library's own name is."""
    return file_names.cut_to_bytes(path.name, file_names.name_limit(path.parent) - _TEMPORARY_ROOM)


def new_temporary(path: Path, kind: str) -> Path:
    """An empty file beside `path` under a hidden name of ours (`.NAME.KIND-1a2b3c4d`), readable and writable by its
    owner only whatever the umask; SQLite gives the -wal and -shm it makes beside a file that file's mode."""
    while True:
        temporary = path.with_name(f".{_hidden_base(path)}.{kind}-{secrets.token_hex(4)}")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600))
        except FileExistsError:
            continue
        os.chmod(temporary, 0o600)  # the umask may have taken bits away
        return temporary


def remove_stale_temporaries(path: Path) -> None:
    """Remove what a killed cjmapper left while creating or saving a library at `path`: our hidden temporaries of
    that name (`.NAME.new-…`, `.NAME.partial-…`, with their -wal, -shm, -journal), once none of a temporary's files
    changed for `STALE_TEMPORARY_S` and no program holds it. Nothing else is touched; a folder cjmapper may not list
    or write is left as it is."""
    prefix = f".{_hidden_base(path)}."
    try:
        with os.scandir(path.parent) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(prefix)]
    except OSError:
        return
    temporaries: dict[str, list[Path]] = {}
    for name in names:
        base = name[len(prefix) :]
        for suffix in SIDECARS:
            base = base.removesuffix(suffix)
        if _TEMPORARY.fullmatch(base):
            temporaries.setdefault(prefix + base, []).append(path.parent / name)
    now = time.time()
    for base, files in temporaries.items():
        try:
            found = [f.lstat() for f in files]
        except OSError:
            continue
        if any(not stat.S_ISREG(st.st_mode) or now - st.st_mtime < STALE_TEMPORARY_S for st in found):
            continue
        if in_use(path.parent / base):
            continue
        for f in files:
            with contextlib.suppress(OSError):
                f.unlink()


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the system lets a folder be synced."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_engine(path: Path, busy_timeout_ms: int, *, read_only: bool = False) -> Engine:
    """An engine on the library file. read_only: every connection refuses to write (`PRAGMA query_only`), so a
    damaged library is only ever read."""
    # Read-only: opened with mode=ro, so closing it never checkpoints a WAL into the file (a damaged library, or
    # one being checked before it is opened for writing, stays byte for byte as it was).
    url = (
        f"sqlite+pysqlite:///file:{urllib.parse.quote(str(path))}?mode=ro&uri=true"
        if read_only
        else f"sqlite+pysqlite:///{path}"
    )
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves (see _on_begin): pysqlite's own transaction handling is switched off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA trusted_schema = OFF")  # a schema's SQL may not call risky functions
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
                return
            mode = cursor.execute("PRAGMA journal_mode").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_LOCK) else "BEGIN")

    return engine


class ChangeWatcher:
    """Tells cheaply whether anyone committed to the library: SQLite's `PRAGMA data_version` on a connection of its
    own that never writes, so every commit (by another program, another window, or this library's other pooled
    connections) moves the number. About a microsecond a call; no lock, no transaction."""

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine = engine
        self._name = name
        self._raw: Any = None

    def counter(self) -> int:
        try:
            if self._raw is None:
                self._raw = self._engine.raw_connection()
            driver = self._raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            row = driver.execute("PRAGMA data_version").fetchone()
        except (sqlite3.Error, DBAPIError) as e:
            self.close()
            raise translate(e, self._name) from None
        return int(row[0])

    def close(self) -> None:
        if self._raw is not None:
            with contextlib.suppress(sqlite3.Error):
                self._raw.close()
            self._raw = None


class SqliteBackend:
    """The store's backend for a library file (see `cjmapper.store.backend.Backend`)."""

    read_options: dict[str, object] = {}  # noqa: RUF012 - a read transaction in WAL mode is a snapshot already

    def __init__(self, engine: Engine, path: Path) -> None:
        self.name = path.name
        self._engine = engine
        self._watcher = ChangeWatcher(engine, path.name)
        holds = _holders(path)
        _open_here.update(holds)
        self._release = weakref.finalize(self, _let_go, holds)  # on close, or when never closed

    def translate(self, error: BaseException) -> LibraryError:
        return translate(error, self.name)

    def change_counter(self) -> int:
        return self._watcher.counter()

    def journey_revisions(self, read: Callable[[], dict[int, int]]) -> dict[int, int]:
        return read()

    def announce(self, conn: Connection, changes: Sequence[JourneyChange]) -> None:
        """Nothing to send: other editors see `PRAGMA data_version` move."""

    def integrity_problems(self, *, full: bool) -> list[str]:
        try:
            with self._engine.connect() as conn:
                return integrity_problems(conn, full=full)
        except DBAPIError as e:
            raise translate(e, self.name) from None

    def notice_socket(self) -> int | None:
        return None  # SQLite sends no notices: poll `change_counter`

    def issued_ids(self, conn: Connection, table: Table) -> int:
        """AUTOINCREMENT's counter in sqlite_sequence, or the highest row's id if a damaged file's counter lags."""
        counter = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name})
        highest = conn.execute(select(func.max(table.c.id))).scalar()
        return max((value for value in (counter.scalar(), highest) if isinstance(value, int)), default=0)

    def ids_inserted(self, conn: Connection, tables: Sequence[Table]) -> None:
        """Nothing to do: an AUTOINCREMENT table moves its counter past an id inserted as it is by itself."""

    def close(self) -> None:
        self._watcher.close()
        self._release()


def integrity_problems(conn: Connection, *, full: bool = False, limit: int = 20) -> list[str]:
    """What SQLite's `PRAGMA quick_check` (or the slower `integrity_check` with `full`) finds wrong with the file:
    [] when it is sound. Must run outside a transaction (it reads the whole file)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = raw.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        return [str(e)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def foreign_schema_objects(conn: Connection) -> list[str]:
    """Triggers and views in the file. cjmapper makes none, so any is a stranger's SQL that would run on edits."""
    with conn.begin():
        rows = conn.exec_driver_sql("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").all()
    return [f"{kind} {name}" for kind, name in rows]


def side_files(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside the library at `path` (whether they exist now or not)."""
    return tuple(Path(f"{path}{suffix}") for suffix in SIDECARS)


def stamp_application_id(conn: Connection) -> None:
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def checkpoint(conn: Connection) -> None:
    """Copy the WAL into the main file, so its header (application id, size) is what others read from disk.

    Runs on the driver connection, outside any transaction (SQLite ignores a checkpoint inside one)."""
    assert not conn.in_transaction()
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise LibraryLockedError(say("The library is in use by another program; try again in a moment."))


def backup_to(engine: Engine, source: Path, target: Path) -> None:
    """Copy the whole library (open on `engine`, its file `source`) to `target` with SQLite's online backup API
    (consistent even mid-WAL), replacing what is there; the copy gets the source's mode.

    In this order, so a crash at any moment leaves the target as it was or the whole copy, never a mixture: refuse a
    target a program holds; write and sync the copy under a hidden temporary name beside it; `clear_place` (SQLite
    finishes the target's own journal or WAL, then every -wal, -shm and -journal of that name goes); rename the copy
    over the target. A temporary a killed run left is removed by the next (`remove_stale_temporaries`)."""
    remove_stale_temporaries(target)
    refuse_in_use(target)
    try:
        mode = stat.S_IMODE(source.stat().st_mode) & 0o777
    except OSError:
        mode = 0o600
    temporary: Path | None = None
    try:
        temporary = new_temporary(target, "partial")
        raw = engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            dest = sqlite3.connect(temporary)
            try:
                driver.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()  # the last connection: the copy stands alone, without -wal or -shm
        finally:
            raw.close()
        os.chmod(temporary, mode)
        clear_place(target)
        os.replace(temporary, target)
        temporary = None
        _sync_folder(target.parent)
    except sqlite3.Error as e:
        raise translate(e, target.name) from None
    except OSError as e:
        raise LibraryError(say("cannot write {0}: {1}.", target.name, e.strerror or e)) from None
    finally:
        if temporary is not None:
            for suffix in ("", *SIDECARS):
                with contextlib.suppress(OSError):
                    Path(f"{temporary}{suffix}").unlink()


def translate(error: BaseException, name: str) -> LibraryError:
    """One clear sentence for a database error, in the user's terms."""
    original = error.orig if isinstance(error, DBAPIError) else error
    said = " ".join(str(original).split())  # SQLite may quote a damaged file's bytes, newlines and all
    text = said.lower()
    if text.startswith("could not decode to utf-8"):  # first: the message quotes the text, which may say anything
        return UndecodableTextError(say("{0} is damaged: it holds text that is not UTF-8.", name))
    if "locked" in text or "busy" in text:
        return LibraryLockedError(
            say(
                "{0} is locked by another program that is writing to it. Close that program, or wait and try again.",
                name,
            )
        )
    if "readonly" in text or "read-only" in text:
        return LibraryError(say("{0} is read-only: the change was not saved.", name))
    if "disk is full" in text or "full" in text:
        return LibraryError(say("The disk holding {0} is full: the change was not saved.", name))
    if "disk i/o" in text:
        return LibraryError(say("The disk holding {0} reported an I/O error: the change was not saved.", name))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return LibraryError(say("{0} is damaged ({1}).", name, said))
    return LibraryError(say("{0}: the library could not be used ({1}).", name, said))

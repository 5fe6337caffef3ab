"""Everything SQLite-only lives here: file checks, pragmas, transaction start, backup and error wording.

The rest of the store speaks portable SQLAlchemy, so a PostgreSQL backend replaces this module, not the store.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper.errors import LibraryError, LibraryLockedError, UndecodableTextError
from cjmapper.store.backend import WRITE_LOCK, JourneyChange

APPLICATION_ID = 0x434A4D31  # "CJM1" in the SQLite header, so `file` and cjmapper know a library by its bytes
_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def check_existing_file(path: Path) -> None:
    """Refuse, without writing a byte, anything at `path` that is not a writable cjmapper library."""
    name = path.name
    try:
        st = path.stat()
        with path.open("rb") as f:
            header = f.read(_HEADER_SIZE)
    except PermissionError:
        raise LibraryError(f"{name}: cjmapper may not read this file (permission denied).") from None
    except OSError as e:
        raise LibraryError(f"{name}: cannot read the file ({e.strerror or e}).") from None
    size = st.st_size
    if size == 0:
        raise LibraryError(f"{name} is an empty file, not a cjmapper library.")
    if not header.startswith(_MAGIC):
        if _MAGIC.startswith(header):
            raise LibraryError(f"{name} is damaged: the file is cut short ({size} bytes).")
        raise LibraryError(f"{name} is not a cjmapper library (it is not a SQLite database).")
    if len(header) < _HEADER_SIZE:
        raise LibraryError(f"{name} is damaged: the file is cut short ({size} bytes).")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (application_id,) = struct.unpack(">I", header[68:72])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if application_id != APPLICATION_ID:
        raise LibraryError(f"{name} is another program's SQLite database, not a cjmapper library.")
    if page_size < 512 or size % page_size or (valid_for == change_counter and size < pages * page_size):
        raise LibraryError(f"{name} is damaged: the file is cut short or padded ({size} bytes).")
    check_writable(path)


def check_writable(path: Path) -> None:
    """cjmapper writes every edit straight into the library, so it needs write access to it and its folder.

    Mode bits are checked as well as access(), so a file marked read-only is honoured even for root."""
    st = path.stat()
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise LibraryError(
            f"{path.name} is read-only. cjmapper saves every edit into the library file, "
            "so it needs write access: make the file writable or open a copy."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise LibraryError(
            f"{path.name} is in a read-only folder ({path.parent}); cjmapper needs to write beside the library."
        )


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

    def close(self) -> None:
        self._watcher.close()


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
        raise LibraryLockedError("The library is in use by another program; try again in a moment.")


def backup_to(engine: Engine, target: Path) -> None:
    """Copy the whole library to `target` with SQLite's online backup API (consistent even mid-WAL)."""
    tmp = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
        finally:
            raw.close()
        os.replace(tmp, target)
    except sqlite3.Error as e:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise translate(e, target.name) from None
    except OSError as e:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise LibraryError(f"cannot write {target.name}: {e.strerror or e}.") from None


def translate(error: BaseException, name: str) -> LibraryError:
    """One clear sentence for a database error, in the user's terms."""
    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
    if text.startswith("could not decode to utf-8"):  # first: the message quotes the text, which may say anything
        return UndecodableTextError(f"{name} is damaged: it holds text that is not UTF-8.")
    if "locked" in text or "busy" in text:
        return LibraryLockedError(
            f"{name} is locked by another program that is writing to it. Close that program, or wait and try again."
        )
    if "readonly" in text or "read-only" in text:
        return LibraryError(f"{name} is read-only: the change was not saved.")
    if "disk is full" in text or "full" in text:
        return LibraryError(f"The disk holding {name} is full: the change was not saved.")
    if "disk i/o" in text:
        return LibraryError(f"The disk holding {name} reported an I/O error: the change was not saved.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return LibraryError(f"{name} is damaged ({original}).")
    return LibraryError(f"{name}: the library could not be used ({original}).")

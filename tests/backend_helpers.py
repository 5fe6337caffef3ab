"""What the suites that run on both backends (`both_backends`) need beside `library` and `library_location`: the
library's database as another program sees it, its write lock held by another program, and fresh empty libraries
on the same backend (for state machines that start over for every example)."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from cjmapper.store.postgres import LOCK_SPACE


def backend_of(location: Location) -> str:
    """The backend's name as the `library_location` parameter gives it: "sqlite" or "postgresql"."""
    return "postgresql" if isinstance(location, ServerLocation) else "sqlite"


LOCKED_WORDS = {"sqlite": "locked by another program", "postgresql": "busy with other people's edits"}
"""What the message of an edit refused because another program holds the write lock says, on each backend."""


def locked_words(location: Location) -> str:
    return LOCKED_WORDS[backend_of(location)]


@contextlib.contextmanager
def raw_connection(location: Location) -> Iterator[Connection]:
    """A connection of its own to the library's database, outside cjmapper (as another program would make it), in
    one transaction committed when the block ends."""
    if isinstance(location, ServerLocation):
        engine = create_engine(location.url, poolclass=NullPool)  # the password comes from PGPASSWORD
    else:
        engine = create_engine(f"sqlite:///{location}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def library_exists(location: Location) -> bool:
    """True when something made a library at `location`: the file, or the tables in the team library's schema."""
    if isinstance(location, Path):
        return location.exists()
    with raw_connection(location) as conn:
        return bool(inspect(conn).get_table_names())


def wait_for_notices(library: Library, timeout_s: float = 10.0) -> None:
    """Wait until `library`'s change counter and journey revisions account for every commit made so far. A file's
    are exact the moment a commit returns (SQLite's data_version); a team library learns of a commit from the
    server's notice, which the server sends at the commit and which arrives a moment later."""
    deadline = time.monotonic() + timeout_s
    while True:
        library.change_counter()
        known = library.journey_revisions()
        actual = {info.id: library.revision(info.id) for info in library.list_journeys()}
        if known == actual:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{library.name}: no notice of the commits made ({known} != {actual})")
        time.sleep(0.005)


class WriteLockHolder:
    """Another program holding the library's write lock between `lock()` and `unlock()`: SQLite's write lock
    (BEGIN IMMEDIATE) on a file, the library's advisory lock (the one every cjmapper edit takes first) on a team
    library."""

    def __init__(self, location: Location) -> None:
        self._conn: Any
        if isinstance(location, ServerLocation):
            self._conn = psycopg.connect(str(location), autocommit=True)
            self._begin = [
                "BEGIN",
                f"SELECT pg_advisory_xact_lock({LOCK_SPACE}, hashtext(current_database() || '.' || current_schema()))",
            ]
        else:
            self._conn = sqlite3.connect(location, isolation_level=None)
            self._begin = ["BEGIN IMMEDIATE"]
        self.holding = False

    def lock(self) -> None:
        for statement in self._begin:
            self._conn.execute(statement)
        self.holding = True

    def unlock(self) -> None:
        self._conn.execute("ROLLBACK")
        self.holding = False

    def close(self) -> None:
        if self.holding:
            self.unlock()
        self._conn.close()


class FreshLocations:
    """Fresh, empty library locations on one backend: files in a folder of their own, or schemas of their own on the
    test server (dropped by `close`)."""

    def __init__(self, like: Location, server: tuple[ServerLocation, str] | None = None) -> None:
        self._team = isinstance(like, ServerLocation)
        self._server = server
        self._folder = tempfile.TemporaryDirectory()
        self._schemas: list[str] = []
        if self._team and server is None:
            raise ValueError("a team library's fresh locations need the test server")

    @classmethod
    def like(cls, location: Location, request: Any) -> FreshLocations:
        """Fresh locations on the backend of a test's `library_location` (`request`: the test's FixtureRequest,
        for the test server of a team library)."""
        server = request.getfixturevalue("postgres_server") if isinstance(location, ServerLocation) else None
        return cls(location, server)

    def new(self) -> Location:
        if not self._team:
            return Path(self._folder.name) / f"library-{secrets.token_hex(4)}.cjm"
        assert self._server is not None
        schema = f"m_{secrets.token_hex(6)}"
        with self._admin() as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        self._schemas.append(schema)
        return ServerLocation(self._server[0].url.update_query_dict({"options": f"-csearch_path={schema}"}))

    def close(self) -> None:
        self._folder.cleanup()
        if self._schemas:
            with self._admin() as conn:
                for schema in self._schemas:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")
            self._schemas.clear()

    @contextlib.contextmanager
    def _admin(self) -> Iterator[psycopg.Connection[Any]]:
        assert self._server is not None
        location, password = self._server
        with psycopg.connect(str(location), password=password, autocommit=True) as conn:
            yield conn

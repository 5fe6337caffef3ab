"""Opening a team library: connect, tell cjmapper's database from another program's, create or upgrade it.

The same Alembic migrations as a library file's run here, inside one transaction (PostgreSQL's DDL is
transactional, so an interrupted upgrade leaves the old format whole) and under the library's write lock, so two
people opening a new team library at once do not both create it.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper.errors import LibraryError
from cjmapper.messages import say
from cjmapper.store import migrate, postgres
from cjmapper.store.backend import WRITE_LOCK
from cjmapper.store.location import ServerLocation


def open_team_library(
    location: ServerLocation, lock_timeout_ms: int | None = None
) -> tuple[Engine, postgres.PostgresBackend, bool, bool]:
    """The engine and backend of the team library at `location`, whether this open created it, and whether another
    editor has it open now (`postgres.others_present`). Refuses an unreachable server, a refused login, another
    program's database or a newer format with one `LibraryError`."""
    engine = postgres.make_engine(location, lock_timeout_ms)
    try:
        with engine.connect() as conn:
            channel, created = _prepare(conn, location)
            with conn.begin():
                shared = not created and postgres.others_present(conn)
    except BaseException as e:
        engine.dispose()
        if isinstance(e, DBAPIError):
            raise postgres.translate(e, location) from None
        raise
    return engine, postgres.PostgresBackend(engine, location, channel, lock_timeout_ms), created, shared


def _prepare(conn: Connection, location: ServerLocation) -> tuple[str, bool]:
    """The library's notice channel, and whether the database was empty and is now a new team library. A library at
    this cjmapper's format is only looked at; the write lock is taken (and everything checked again under it) only to
    create or upgrade, or to move id sequences a restore by an older cjmapper left behind the ids in use, so opening
    never waits for teammates' edits otherwise."""
    with conn.begin():
        channel = postgres.channel_name(conn)
        if _checked_revision(conn, location) == migrate.HEAD and not postgres.sequences_behind(conn):
            return channel, False
    with conn.execution_options(**{WRITE_LOCK: True}).begin():
        revision = _checked_revision(conn, location)
        if revision is None:
            migrate.create(conn)
            return channel, True
        if revision != migrate.HEAD:
            migrate.upgrade_format(conn)
        postgres.move_sequences(conn)  # ids once inserted without moving them must not be handed out again
    return channel, False


def _checked_revision(conn: Connection, location: ServerLocation) -> str | None:
    """The team library's format revision (None: an empty database); refuses another program's database and a
    format this cjmapper cannot read."""
    tables = postgres.table_names(conn)
    if not tables:
        return None
    strangers = postgres.foreign_tables(tables)
    if strangers or "cjm_meta" not in tables:
        shown = ", ".join((strangers or sorted(tables))[:3])
        raise LibraryError(
            say(
                "The database {0} on {1} belongs to another program (it holds tables such as {2}); cjmapper leaves it "
                "alone. Use an empty database for a team library.",
                location.database,
                location.host,
                shown,
            )
        )
    return migrate.checked_revision(
        conn, location.name, damaged=say("{0} is missing cjmapper's format table; it cannot be opened.", location.name)
    )

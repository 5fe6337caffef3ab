"""Everything PostgreSQL-only lives here: the engine and its write lock, change notices (LISTEN/NOTIFY), telling a
team library from another program's database, and error wording. The store's SQL itself is the same as on SQLite.

- Writers take one transaction-scoped advisory lock per library first, so edits run one at a time as on SQLite:
  an edit's reads and its `expected_revision` check see every edit acknowledged before it, and no two edits can
  deadlock (there is only the one lock, always taken first).
- Every committed edit sends a notice on the library's channel naming the journey, its new revision and the cards
  it wrote (`JourneyChange.payload`); editors listen and re-read only the journey that moved.
- Each editor's listening connection holds a shared advisory lock of the library while it listens, so an editor
  opening the library sees in `pg_locks` whether another has it open (`others_present`); the server lets go of the
  lock with the connection, also of a crashed editor's.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Engine, Table, cast, create_engine, event, func, inspect, or_, select, text
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper.errors import LibraryError, LibraryLockedError, PasswordNeededError, WrongPasswordError
from cjmapper.messages import say
from cjmapper.store.backend import WRITE_LOCK, JourneyChange
from cjmapper.store.location import ServerLocation
from cjmapper.store.tables import JOURNEYS, LANES, PHASES, TOUCHPOINTS, VERSIONS

LOCK_SPACE = 0x434A4D31
"""First key of cjmapper's write lock ("CJM1"); the second is a hash of the library's schema (`LIBRARY_KEY`)."""
PRESENCE_SPACE = 0x434A4D50
"""First key of the shared lock an editor's listening connection holds while the library is open ("CJMP")."""
LIBRARY_KEY = "hashtext(current_database() || '.' || current_schema())"
"""The second key of the library's advisory locks: one per database and schema, so libraries on one server stay
apart."""
CONNECT_TIMEOUT_S = 10
LISTEN_CONNECT_TIMEOUT_S = 2
RETRY_FIRST_S = 2.0
RETRY_LAST_S = 60.0
"""After a failed connect, listening is tried again after 2 s, then 4, 8 ... up to a minute (an editor polls often,
and an unreachable server can take the whole connect timeout to say so)."""
LOCK_TIMEOUT_MS = 15_000
"""How long an edit waits for other writers before it is refused as busy (edits take milliseconds)."""
__all__ = ["PasswordNeededError", "PostgresBackend", "WrongPasswordError", "make_engine", "translate"]

ID_TABLES = (JOURNEYS, PHASES, LANES, TOUCHPOINTS, VERSIONS)
"""The tables whose ids a sequence hands out."""
OUR_TABLES = frozenset(
    {"alembic_version", "cjm_meta", "journeys", "phases", "lanes", "touchpoints", "journey_versions"}
    | {"survey_responses", "survey_targets"}
    | {"personas", "persona_ratings"}
    | {"comments", "images", "card_images", "wall_photos"}
)


def connect_arguments(location: ServerLocation, lock_timeout_ms: int | None = None) -> dict[str, Any]:
    """libpq keywords to add to the URL's own: a name in pg_stat_activity, a connect timeout, the lock wait, and the
    password and other secrets when given (else libpq looks in PGPASSWORD and ~/.pgpass itself)."""
    query = location.url.query
    wait = LOCK_TIMEOUT_MS if lock_timeout_ms is None else int(lock_timeout_ms)
    options = " ".join(filter(None, [str(query.get("options", "")), f"-c lock_timeout={wait}"]))
    arguments: dict[str, Any] = {"options": options}
    if "application_name" not in query:
        arguments["application_name"] = "cjmapper"
    if "connect_timeout" not in query:
        arguments["connect_timeout"] = CONNECT_TIMEOUT_S
    arguments.update(location.connect_secrets())  # the password and other secrets given, kept out of the URL
    return arguments


def make_engine(location: ServerLocation, lock_timeout_ms: int | None = None) -> Engine:
    engine = create_engine(
        location.url.difference_update_query(["options"]),
        connect_args=connect_arguments(location, lock_timeout_ms),
        pool_pre_ping=True,  # a server restart costs the next edit nothing but a reconnect
        pool_size=2,  # an editor reads and writes on one connection at a time; a background export adds one
        max_overflow=4,
        hide_parameters=True,  # user text never lands in an error message or a log
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITE_LOCK):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({LOCK_SPACE}, {LIBRARY_KEY})")

    return engine


class PostgresBackend:
    """The store's backend for a team library (see `cjmapper.store.backend.Backend`)."""

    read_options: dict[str, object] = {"isolation_level": "REPEATABLE READ"}  # noqa: RUF012
    """A journey is read in several statements; under PostgreSQL's default READ COMMITTED a teammate's commit
    between them could mix two states. A repeatable-read snapshot cannot (and a reader never has to retry)."""

    def __init__(
        self, engine: Engine, location: ServerLocation, channel: str, lock_timeout_ms: int | None = None
    ) -> None:
        self.name = location.name
        self._lock_timeout_ms = lock_timeout_ms
        self._location = location
        self._engine = engine
        self._channel = channel
        self._listener: psycopg.Connection[Any] | None = None
        self._counter = 0
        self._revisions: dict[int, int] | None = None
        """Every journey's revision, kept current from the notices once read (None: read them afresh)."""
        self._retry_at = 0.0
        self._backoff = RETRY_FIRST_S

    def translate(self, error: BaseException) -> LibraryError:
        return translate(error, self._location)

    def announce(self, conn: Connection, changes: Sequence[JourneyChange]) -> None:
        statement = text("SELECT pg_notify(:channel, :payload)")
        for change in changes:
            conn.execute(statement, {"channel": self._channel, "payload": change.payload()})

    def change_counter(self) -> int:
        """Moves with every notice received (one non-blocking read of the listening socket: no query), and when the
        listening connection had to be made anew (notices may have been missed then)."""
        try:
            if self._listener is None or self._listener.closed:
                if time.monotonic() < self._retry_at:
                    return self._counter  # the server was unreachable a moment ago: wait before trying again
                self._listen()
            assert self._listener is not None
            notices = list(self._listener.notifies(timeout=0))
        except psycopg.Error:
            # The listening connection broke (a server restart, a network drop): listen anew at once. Notices
            # sent meanwhile are lost, so the counter moves and the revisions are read afresh.
            try:
                self._listen()
            except psycopg.Error as e:
                self._drop_listener()
                raise translate(e, self._location) from None
            return self._counter
        for notice in notices:
            change = JourneyChange.from_payload(notice.payload)
            if change is None:
                continue
            self._counter += 1
            if self._revisions is not None:
                if change.revision is None:
                    self._revisions.pop(change.journey_id, None)
                else:
                    known = self._revisions.get(change.journey_id, -1)
                    self._revisions[change.journey_id] = max(known, change.revision)
        return self._counter

    def journey_revisions(self, read: Callable[[], dict[int, int]]) -> dict[int, int]:
        if self._revisions is None or self._listener is None:
            self.change_counter()  # listen first, so no change between the read and the listening is missed
            self._revisions = read()
        return dict(self._revisions)

    def _listen(self) -> None:
        self._drop_listener()
        cargs, cparams = self._engine.dialect.create_connect_args(self._engine.url)
        params = {**cparams, **connect_arguments(self._location, self._lock_timeout_ms)}
        if "connect_timeout" not in self._location.url.query:
            params["connect_timeout"] = LISTEN_CONNECT_TIMEOUT_S  # an editor polls on its UI thread: fail fast
        try:
            listener = psycopg.connect(*cargs, **params, autocommit=True)
        except psycopg.Error:
            self._retry_at = time.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, RETRY_LAST_S)
            raise
        self._backoff = RETRY_FIRST_S
        presence = f"SELECT pg_advisory_lock_shared({PRESENCE_SPACE}, {LIBRARY_KEY})"  # see others_present
        listener.execute(sql.SQL(presence))
        listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))  # last: pg_stat_activity shows it
        self._listener = listener
        self._counter += 1

    def _drop_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(psycopg.Error):
                self._listener.close()
        self._listener = None
        self._revisions = None

    def integrity_problems(self, *, full: bool) -> list[str]:
        """The server keeps its own data sound (write-ahead log, checksummed pages): nothing to check here."""
        return []

    def issued_ids(self, conn: Connection, table: Table) -> int:
        """The table's sequence's last value (a row inserted with an id of its own does not move it; see
        `ids_inserted`)."""
        return int(conn.execute(select(_last_value(table))).scalar_one())

    def ids_inserted(self, conn: Connection, tables: Sequence[Table]) -> None:
        move_sequences(conn, tables)

    def notice_socket(self) -> int | None:
        listener = self._listener
        return None if listener is None or listener.closed else listener.fileno()

    def close(self) -> None:
        self._drop_listener()


def _sequence(table: Table) -> Any:
    return cast(func.pg_get_serial_sequence(table.name, "id"), REGCLASS)


def _last_value(table: Table) -> Any:
    """The last id the table's sequence handed out (0: none yet)."""
    return func.coalesce(func.pg_sequence_last_value(_sequence(table)), 0)


def _highest(table: Table) -> Any:
    return select(func.max(table.c.id)).scalar_subquery()


def sequences_behind(conn: Connection) -> bool:
    """Whether a table holds an id its sequence has not passed yet: rows inserted with ids of their own (as
    restoring a copied version once did) without moving it, so that the next new row would get an id in use."""
    behind = [_highest(table) > _last_value(table) for table in ID_TABLES]
    return bool(conn.execute(select(or_(*behind))).scalar())


def move_sequences(conn: Connection, tables: Sequence[Table] = ()) -> None:
    """Move each table's sequence past its rows' ids where it is behind them (never back). Run under the write
    lock: no one else takes ids meanwhile."""
    for table in tables or ID_TABLES:
        conn.execute(select(func.setval(_sequence(table), _highest(table))).where(_highest(table) > _last_value(table)))


def others_present(conn: Connection) -> bool:
    """Whether another editor (a window of this program or of another, on any computer) listens to the library now:
    it holds the library's presence lock on its listening connection (see `PostgresBackend._listen`)."""
    holders = conn.execute(
        text(
            "SELECT count(DISTINCT pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            f"AND classid::bigint = :space AND objid::bigint = ({LIBRARY_KEY}::bigint & 4294967295) "
            "AND pid <> pg_backend_pid()"
        ),
        {"space": PRESENCE_SPACE},
    ).scalar_one()
    return bool(holders)


def channel_name(conn: Connection) -> str:
    """The library's notice channel: one per database and schema, so libraries on one server stay apart."""
    schema = conn.execute(text("SELECT current_schema()")).scalar() or "public"
    return f"cjmapper.{schema}"[:63]


def table_names(conn: Connection) -> set[str]:
    """The tables in the schema a team library lives in (the connection's current schema)."""
    return set(inspect(conn).get_table_names())


def foreign_tables(names: set[str]) -> list[str]:
    """Tables of another program: any table a cjmapper library does not have."""
    return sorted(names - OUR_TABLES)


def translate(error: BaseException, location: ServerLocation) -> LibraryError:
    """One clear sentence for a PostgreSQL or connection error. Never holds the password (no error text does)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    message = str(original).strip()
    lower = message.lower()
    state = getattr(original, "sqlstate", None) or ""
    host, name = location.host, location.name
    user = location.url.username or "the current user"
    if "no password supplied" in lower:
        return PasswordNeededError(say("The server {0} needs a password for {1} to open {2}.", host, user, name))
    if "password authentication failed" in lower or state == "28P01":
        return WrongPasswordError(
            say("The server {0} refused the user name or password for {1} ({2}).", host, user, name)
        )
    if state.startswith("28") or "no pg_hba.conf entry" in lower or "authentication failed" in lower:
        return WrongPasswordError(
            say("The server {0} does not let {1} in to {2}: {3}.", host, user, name, _last_line(message))
        )
    if state == "3D000" or ("database" in lower and "does not exist" in lower):
        return LibraryError(
            say(
                "There is no database {0} on {1}; ask the server's administrator to create it (an empty database "
                "becomes a team library when cjmapper first opens it).",
                location.database,
                host,
            )
        )
    if state == "55P03" or "lock timeout" in lower or state in ("40P01", "40001"):
        return LibraryLockedError(
            say("{0} is busy with other people's edits; the change was not saved. Try again.", name)
        )
    if state == "42501" or "permission denied" in lower:
        return LibraryError(say("{0}: the server does not allow {1} this ({2}).", name, user, _last_line(message)))
    refused = _REFUSED_SETTING.search(message)
    if refused is not None:  # a value of a URL parameter that libpq or the server does not take (never a secret's)
        setting = refused[1] or refused[2]
        return LibraryError(say("The address's setting “{0}” cannot be “{1}”; check the address.", setting, refused[3]))
    if "ssl" in lower and ("connection" in lower or "negotiation" in lower or "certificate" in lower):
        return LibraryError(say("Cannot make a secure connection to {0}: {1}.", host, _last_line(message)))
    connecting = "connection failed" in lower or "connection to server" in lower or "could not translate" in lower
    if connecting or "timeout expired" in lower or "could not connect" in lower:
        return LibraryError(
            say(
                "Cannot reach the team library server {0}: {1}. Check the address, the network and that the server is "
                "running.",
                host,
                _reason(message),
            )
        )
    if "server closed the connection" in lower or "terminating connection" in lower or "connection is lost" in lower:
        return LibraryError(say("The connection to {0} was lost; the change was not saved. Try again.", name))
    if state == "53100" or "no space left" in lower:
        return LibraryError(say("The server holding {0} is out of disk space: the change was not saved.", name))
    return LibraryError(say("{0}: the team library could not be used ({1}).", name, _last_line(message)))


_REFUSED_SETTING = re.compile(r'invalid (?:"?(\w+)"? value|value for parameter "(\w+)"): "([^"\n]{0,80})"')
"""libpq's "invalid sslmode value: "x"" and the server's "invalid value for parameter "client_encoding": "x""."""


def _last_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    text = lines[0] if lines else message
    return text.rstrip(".").removeprefix("FATAL:").strip()


def _reason(message: str) -> str:
    """The heart of a libpq connection error: 'Connection refused', 'timeout expired', 'Name or service not known'."""
    first = _last_line(message)
    return first.rpartition(" failed: ")[2].strip() or first

"""Team libraries on PostgreSQL: what only a server can do or get wrong.

- Connecting: an unreachable server, a wrong or missing password, a password from ~/.pgpass or in the URL (never
  shown, never stored), a database that does not exist. Each refusal is one line for the user: no traceback, no
  password.
- The schema: another program's tables are refused and left alone, a newer format is refused naming it, an older one
  is upgraded by the same Alembic migrations as a file and ends identical to a new library.
- Change notices (LISTEN/NOTIFY): another editor learns of an edit, of the cards it wrote and of a deleted journey
  without querying; a listening connection that drops is made anew and the revisions re-read.
- The write lock: two people opening a new team library at once create it once; writers wait for each other on
  the advisory lock (readers do not), a lock held too long is refused as busy, and two concurrent writers never
  lose an acknowledged edit.

Every test uses its own schema on the test server (`team_location`), or schemas of its own that it drops.
"""

from __future__ import annotations

import collections
import contextlib
import json
import secrets
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import event, inspect
from sqlalchemy.engine import URL

from cjmapper import __version__
from cjmapper.errors import LibraryError, LibraryLockedError, NewerLibraryError, StaleEditError
from cjmapper.store import Library, migrate, postgres
from cjmapper.store.location import ServerLocation
from cjmapper.store.postgres import PasswordNeededError, WrongPasswordError
from tests.conftest import admin_connection
from tests.store_helpers import sample_journey

Server = tuple[ServerLocation, str]
NOTICE_WAIT_S = 2.0
"""How soon another editor must learn of a committed edit."""


# ---------------------------------------------------------------------- helpers


def schema_of(location: ServerLocation) -> str:
    """The schema a test location's search_path names (`-csearch_path=t_...`)."""
    options = str(location.url.query["options"])
    return options.partition("search_path=")[2]


def in_schema(server: Server, schema: str) -> ServerLocation:
    location, _ = server
    return ServerLocation(location.url.update_query_dict({"options": f"-csearch_path={schema}"}))


def with_password(location: ServerLocation, password: str) -> str:
    """The location as a URL a user might paste, password included."""
    url: URL = location.url.set(drivername="postgresql", password=password)
    return url.render_as_string(hide_password=False)


def assert_user_message(error: BaseException, *secrets_: str) -> str:
    """The error's text is one complete line for the user: no traceback, no driver noise, none of `secrets_`."""
    message = str(error)
    assert message, "an empty message"
    assert message == message.strip()
    assert "\n" not in message, f"more than one line: {message!r}"
    assert "Traceback" not in message
    assert "psycopg" not in message.lower()
    assert "sqlalche.me" not in message
    assert message.endswith("."), message
    for secret in secrets_:
        assert secret not in message, f"{message!r} shows a password"
    return message


@pytest.fixture
def fresh_schemas(postgres_server: Server) -> Iterator[Callable[[], str]]:
    """Make empty schemas on the test server; every one made is dropped afterwards."""
    made: list[str] = []

    def make() -> str:
        name = f"t_{secrets.token_hex(6)}"
        with admin_connection(postgres_server) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        made.append(name)
        return name

    yield make
    with admin_connection(postgres_server) as conn:
        conn.execute("SET lock_timeout = '5s'")
        for name in made:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


def tables_in(server: Server, schema: str) -> set[str]:
    with admin_connection(server) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,)).fetchall()
    return {row[0] for row in rows}


# ---------------------------------------------------------------------- connecting


def test_an_unreachable_server_is_one_line(postgres_server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    location, password = postgres_server
    monkeypatch.setenv("PGPASSWORD", password)
    started = time.monotonic()
    with pytest.raises(LibraryError) as caught:
        Library.open(f"postgresql://{location.url.username}:{password}@127.0.0.1:1/{location.database}")
    message = assert_user_message(caught.value, password)
    assert message.startswith("Cannot reach the team library server 127.0.0.1: ")
    assert "refused" in message.lower()
    assert time.monotonic() - started < 5  # a refused port answers at once


def test_a_wrong_password_is_refused_without_showing_it(
    team_location: ServerLocation, postgres_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, password = postgres_server
    monkeypatch.setenv("PGPASSWORD", "not-the-password-4711")
    with pytest.raises(WrongPasswordError) as caught:
        Library.open(team_location)
    message = assert_user_message(caught.value, "not-the-password-4711", password)
    assert message == "The server 127.0.0.1 refused the user name or password for cjm_test (cjm_test on 127.0.0.1)."
    # The same with the wrong password written into the URL, and the right one in PGPASSWORD ignored for it.
    monkeypatch.setenv("PGPASSWORD", password)
    with pytest.raises(WrongPasswordError) as caught:
        Library.open(with_password(team_location, "url-secret-0815"))
    assert_user_message(caught.value, "url-secret-0815", password)
    assert tables_in(postgres_server, schema_of(team_location)) == set()


def test_no_password_at_all_asks_for_one(
    team_location: ServerLocation, postgres_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    assert not (Path.home() / ".pgpass").exists()
    with pytest.raises(PasswordNeededError) as caught:
        Library.open(team_location)
    message = assert_user_message(caught.value, postgres_server[1])
    assert message == "The server 127.0.0.1 needs a password for cjm_test to open cjm_test on 127.0.0.1."
    assert tables_in(postgres_server, schema_of(team_location)) == set()


def test_a_password_from_pgpass_is_used(
    team_location: ServerLocation, postgres_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    location, password = postgres_server
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    with pytest.raises(PasswordNeededError):
        Library.open(team_location)
    pgpass = Path.home() / ".pgpass"
    pgpass.write_text(f"{location.host}:{location.url.port}:{location.database}:{location.url.username}:{password}\n")
    pgpass.chmod(0o600)
    with Library.open(team_location) as library:
        assert library.created
        journey_id = library.create_journey(sample_journey("From pgpass"))
        assert library.load_journey(journey_id).title == "From pgpass"
        assert library.name == "cjm_test on 127.0.0.1"


def test_a_password_in_the_url_is_used_but_never_shown_or_stored(
    team_location: ServerLocation, postgres_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, password = postgres_server
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    url = with_password(team_location, password)
    assert password in url
    with Library.open(url) as library:
        assert library.is_team
        assert library.created
        shown = [
            str(library.location),
            repr(library.location),
            library.name,
            library.location.name if isinstance(library.location, ServerLocation) else "",
            str(library.location.url) if isinstance(library.location, ServerLocation) else "",
            library.location.url.render_as_string(hide_password=False)
            if isinstance(library.location, ServerLocation)
            else "",
            repr(library.engine.url),
            library.engine.url.render_as_string(hide_password=False),
        ]
        for text in shown:
            assert password not in text, text
        assert str(library.location) == str(team_location)
        # Write everything a user can write, and a version (a compressed snapshot), then look for the password.
        journey = sample_journey("Marker journey qx7")
        journey_id = library.create_journey(journey)
        card = library.load_journey(journey_id).touchpoints[0]
        library.update_touchpoint(card.id, notes="marker notes qx7")
        library.save_version(journey_id, "marker version qx7")
        library.journey_revisions()  # the listening connection too
        # An error raised by the open library names it without the password.
        with pytest.raises(StaleEditError) as caught:
            library.update_touchpoint(card.id, title="late", expected_revision=0)
        assert_user_message(caught.value, password)
    # Refusals of URLs that hold the password do not show it either.
    for bad in (
        with_password(ServerLocation(team_location.url.set(database=f"cjm_missing_{secrets.token_hex(3)}")), password),
        with_password(ServerLocation(team_location.url.set(port=1)), password),
        with_password(team_location, password + "-wrong"),
    ):
        with pytest.raises(LibraryError) as refused:
            Library.open(bad)
        assert_user_message(refused.value, password)

    schema = schema_of(team_location)
    with admin_connection(postgres_server) as conn:
        tables = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,))]
        assert set(tables) == postgres.OUR_TABLES

        def rows_holding(needle: str) -> int:
            found = 0
            for table in tables:
                query = sql.SQL("SELECT count(*) FROM {}.{} AS t WHERE strpos(t::text, %s) > 0").format(
                    sql.Identifier(schema), sql.Identifier(table)
                )
                row = conn.execute(query, (needle,)).fetchone()
                assert row is not None
                found += int(row[0])
            return found

        assert rows_holding("qx7") >= 3  # the search finds what was written: journey, card, version
        assert rows_holding(password) == 0
        snapshots = conn.execute(sql.SQL("SELECT snapshot FROM {}.journey_versions").format(sql.Identifier(schema)))
        unpacked = [zlib.decompress(bytes(row[0])) for row in snapshots]
        assert unpacked
        assert any(b"qx7" in data for data in unpacked)
        assert not any(password.encode() in data for data in unpacked)


def test_a_database_that_does_not_exist(postgres_server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    location, password = postgres_server
    monkeypatch.setenv("PGPASSWORD", password)
    missing = f"cjm_missing_{secrets.token_hex(4)}"
    with pytest.raises(LibraryError) as caught:
        Library.open(ServerLocation(location.url.set(database=missing)))
    assert not isinstance(caught.value, PasswordNeededError | WrongPasswordError)
    message = assert_user_message(caught.value, password)
    assert message.startswith(f"There is no database {missing} on 127.0.0.1; ask the server's administrator")


# ---------------------------------------------------------------------- the schema


@pytest.mark.parametrize("table", ["invoices", "journeys"])
def test_another_programs_database_is_refused_and_left_alone(
    team_location: ServerLocation, postgres_server: Server, table: str
) -> None:
    """A schema with another program's table (one that shares a name with cjmapper's too) is not touched."""
    schema = schema_of(team_location)
    name = sql.Identifier(schema, table)
    with admin_connection(postgres_server) as conn:
        conn.execute(sql.SQL("CREATE TABLE {} (id serial PRIMARY KEY, what text NOT NULL)").format(name))
        conn.execute(sql.SQL("INSERT INTO {} (what) VALUES ('first'), ('second')").format(name))
    with pytest.raises(LibraryError) as caught:
        Library.open(team_location)
    message = assert_user_message(caught.value, postgres_server[1])
    assert message.startswith("The database cjm_test on 127.0.0.1 belongs to another program")
    assert table in message
    assert tables_in(postgres_server, schema) == {table}
    with admin_connection(postgres_server) as conn:
        rows = conn.execute(sql.SQL("SELECT id, what FROM {} ORDER BY id").format(name)).fetchall()
        columns = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND table_name = %s",
            (schema, table),
        ).fetchall()
    assert rows == [(1, "first"), (2, "second")]
    assert sorted(c[0] for c in columns) == ["id", "what"]


def test_a_newer_format_is_refused_naming_it(team_location: ServerLocation, postgres_server: Server) -> None:
    Library.open(team_location).close()
    schema = sql.Identifier(schema_of(team_location))
    with admin_connection(postgres_server) as conn:
        conn.execute(sql.SQL("UPDATE {}.alembic_version SET version_num = '0099'").format(schema))
        conn.execute(sql.SQL("UPDATE {}.cjm_meta SET value = '9.9.0' WHERE key = 'written_by'").format(schema))
    with pytest.raises(NewerLibraryError) as caught:
        Library.open(team_location)
    message = assert_user_message(caught.value, postgres_server[1])
    assert message == (
        "cjm_test on 127.0.0.1 comes from a newer cjmapper (library format 99, written by cjmapper 9.9.0); "
        f"this cjmapper {__version__} reads library formats up to {migrate.FORMAT}. Update cjmapper to open it."
    )
    with admin_connection(postgres_server) as conn:
        version = conn.execute(sql.SQL("SELECT version_num FROM {}.alembic_version").format(schema)).fetchall()
    assert version == [("0099",)]


def schema_description(location: ServerLocation) -> dict[str, Any]:
    """Everything the inspector says about a team library's tables, with its schema's name taken out."""
    schema = schema_of(location)
    engine = postgres.make_engine(location)
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            described: dict[str, Any] = {}
            for table in sorted(inspector.get_table_names()):
                described[table] = {
                    "columns": [
                        {key: str(value) for key, value in column.items() if key != "comment"}
                        for column in inspector.get_columns(table)
                    ],
                    "primary key": inspector.get_pk_constraint(table),
                    "foreign keys": sorted(inspector.get_foreign_keys(table), key=repr),
                    "indexes": sorted(inspector.get_indexes(table), key=repr),
                    "unique": sorted(inspector.get_unique_constraints(table), key=repr),
                    "checks": sorted(inspector.get_check_constraints(table), key=repr),
                }
    finally:
        engine.dispose()
    anonymous: dict[str, Any] = json.loads(json.dumps(described, default=str).replace(schema, "<schema>"))
    return anonymous


def test_an_older_format_is_upgraded_by_the_same_migrations_and_ends_like_a_new_one(
    team_location: ServerLocation, postgres_server: Server, fresh_schemas: Callable[[], str]
) -> None:
    engine = postgres.make_engine(team_location)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn, "0001")
            conn.exec_driver_sql(
                "INSERT INTO cjm_meta (key, value) VALUES ('format', '1'), ('created_by', '0.0.1'), "
                "('written_by', '0.0.1')"
            )
            journey = conn.exec_driver_sql(
                "INSERT INTO journeys (title, description, language, framework, persona_name, persona_description,"
                " persona_goals, persona_frustrations) VALUES ('Bakkerij', '', 'nl', 'five-phase', 'Sanne', '', '',"
                " '') RETURNING id"
            ).scalar_one()
            phase = conn.exec_driver_sql(
                "INSERT INTO phases (journey_id, position, name, description) VALUES (%(j)s, 0, 'Aankoop', '')"
                " RETURNING id",
                {"j": journey},
            ).scalar_one()
            lane = conn.exec_driver_sql(
                "INSERT INTO lanes (journey_id, position, name, kind) VALUES (%(j)s, 0, 'Contact', 'touchpoints')"
                " RETURNING id",
                {"j": journey},
            ).scalar_one()
            card = conn.exec_driver_sql(
                "INSERT INTO touchpoints (journey_id, phase_id, lane_id, position, title, notes, channel, score,"
                " expectation, owner, votes) VALUES (%(j)s, %(p)s, %(l)s, 1024, 'Afrekenen', '', 'webshop', 2, '',"
                " '', 3) RETURNING id",
                {"j": journey, "p": phase, "l": lane},
            ).scalar_one()
    finally:
        engine.dispose()
    schema = schema_of(team_location)
    assert tables_in(postgres_server, schema) == {"alembic_version", "cjm_meta", "journeys", "phases", "lanes",
                                                   "touchpoints"}  # fmt: skip

    with Library.open(team_location) as library:
        assert not library.created
        loaded = library.load_journey(journey)
        assert (loaded.title, loaded.revision, [t.title for t in loaded.touchpoints]) == ("Bakkerij", 0, ["Afrekenen"])
        assert loaded.persona is not None
        assert loaded.persona.name == "Sanne"
        library.update_touchpoint(card, title="Afrekenen (nieuw)", expected_revision=0)
        library.save_version(journey, "na de upgrade")
        assert library.revision(journey) == 2
    with admin_connection(postgres_server) as conn:
        meta = dict(conn.execute(sql.SQL("SELECT key, value FROM {}.cjm_meta").format(sql.Identifier(schema))))
        version = conn.execute(sql.SQL("SELECT version_num FROM {}.alembic_version").format(sql.Identifier(schema)))
        assert version.fetchall() == [(migrate.HEAD,)]
    assert meta == {"format": str(migrate.FORMAT), "created_by": "0.0.1", "written_by": __version__}

    new = in_schema(postgres_server, fresh_schemas())
    Library.open(new).close()
    upgraded, fresh = schema_description(team_location), schema_description(new)
    assert set(upgraded) == postgres.OUR_TABLES
    assert upgraded == fresh


# ---------------------------------------------------------------------- change notices


class Watched:
    """A second editor's library, with every query it sends and every `_read_revisions` call counted."""

    def __init__(self, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
        self.library = library
        self.statements: list[str] = []
        self.reads = 0
        original = library._read_revisions

        def counted() -> dict[int, int]:
            self.reads += 1
            return original()

        monkeypatch.setattr(library, "_read_revisions", counted)
        event.listen(library.engine, "before_cursor_execute", self._statement)

    def _statement(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.statements.append(statement)

    def quiet(self) -> None:
        """Forget what was counted so far (the first read of the revisions is a query, by design)."""
        self.statements.clear()
        self.reads = 0

    def wait_for(self, counter: int, *, errors: list[str] | None = None) -> int:
        """Poll `change_counter` as the editor does until it moves from `counter` (at most NOTICE_WAIT_S)."""
        deadline = time.monotonic() + NOTICE_WAIT_S
        while time.monotonic() < deadline:
            try:
                now = self.library.change_counter()
            except LibraryError as e:
                if errors is None:
                    raise
                errors.append(assert_user_message(e))
            else:
                if now != counter:
                    return now
            time.sleep(0.02)
        raise AssertionError(f"no change notice within {NOTICE_WAIT_S} s")


class Notices:
    """An independent listener on a team library's channel: what the notices on the wire say."""

    def __init__(self, server: Server, location: ServerLocation) -> None:
        self.conn = psycopg.connect(str(server[0]), password=server[1], autocommit=True)
        self.channel = f"cjmapper.{schema_of(location)}"
        self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
        self.pending: collections.deque[psycopg.Notify] = collections.deque()

    def next(self) -> dict[str, Any]:
        """The next notice's payload. (Drained whole: a generator left early drops the rest of a network read.)"""
        deadline = time.monotonic() + NOTICE_WAIT_S
        while not self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no notice on {self.channel} within {NOTICE_WAIT_S} s")
            self.pending.extend(self.conn.notifies(timeout=min(left, 0.05)))
        notice = self.pending.popleft()
        assert notice.channel == self.channel
        payload: dict[str, Any] = json.loads(notice.payload)
        return payload

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def two_editors(team_location: ServerLocation, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Library, Watched]]:
    first, second = Library.open(team_location), Library.open(team_location)
    try:
        yield first, Watched(second, monkeypatch)
    finally:
        first.close()
        second.close()


@pytest.fixture
def notices(postgres_server: Server, team_location: ServerLocation) -> Iterator[Notices]:
    listener = Notices(postgres_server, team_location)
    try:
        yield listener
    finally:
        listener.close()


def test_another_editor_learns_of_an_edit_and_its_cards_without_querying(
    two_editors: tuple[Library, Watched], notices: Notices
) -> None:
    first, watched = two_editors
    journey_id = first.create_journey(sample_journey())
    assert notices.next() == {"j": journey_id, "r": 0}
    journey = first.load_journey(journey_id)
    card, other = journey.touchpoints[0], journey.touchpoints[1]
    counter = watched.library.change_counter()
    assert watched.library.journey_revisions() == {journey_id: 0}
    assert watched.reads == 1
    watched.quiet()

    first.update_touchpoint(card.id, title="Changed elsewhere", expected_revision=0)
    started = time.monotonic()
    counter = watched.wait_for(counter)
    assert time.monotonic() - started < NOTICE_WAIT_S
    assert watched.library.journey_revisions() == {journey_id: 1}
    assert notices.next() == {"j": journey_id, "r": 1, "t": [card.id]}

    moved = first.move_touchpoints([card.id, other.id], journey.phases[-1].id, journey.lanes[0].id, 0)
    counter = watched.wait_for(counter)
    assert watched.library.journey_revisions() == {journey_id: 2}
    payload = notices.next()
    assert payload["r"] == 2
    assert set(payload["t"]) == {card.id, other.id, *(p.touchpoint_id for p in moved.renumbered.after)}

    added = first.add_touchpoint(journey_id, journey.phases[0].id, journey.lanes[1].id, "New card")
    watched.wait_for(counter)
    assert watched.library.journey_revisions() == {journey_id: 3}
    assert added.touchpoint.id in notices.next()["t"]

    assert watched.reads == 0, "the revisions were read again instead of taken from the notices"
    assert watched.statements == [], f"the second editor queried the server: {watched.statements}"
    # The notices carry what changed: the second editor reads the card the notice named and finds the edit.
    assert watched.library.load_journey(journey_id).touchpoint(card.id).title == "Changed elsewhere"


def test_a_deleted_journey_leaves_the_revisions_without_a_query(
    two_editors: tuple[Library, Watched], notices: Notices
) -> None:
    first, watched = two_editors
    kept = first.create_journey(sample_journey("Kept"))
    doomed = first.create_journey(sample_journey("Doomed"))
    counter = watched.library.change_counter()
    assert watched.library.journey_revisions() == {kept: 0, doomed: 0}
    watched.quiet()
    first.delete_journey(doomed)
    watched.wait_for(counter)
    assert watched.library.journey_revisions() == {kept: 0}
    assert watched.reads == 0
    assert watched.statements == []
    assert [notices.next(), notices.next(), notices.next()] == [
        {"j": kept, "r": 0},
        {"j": doomed, "r": 0},
        {"j": doomed, "r": None},
    ]


def test_a_dropped_listening_connection_is_made_anew_and_the_revisions_reread(
    two_editors: tuple[Library, Watched], team_location: ServerLocation, postgres_server: Server
) -> None:
    first, watched = two_editors
    journey_id = first.create_journey(sample_journey())
    counter = watched.library.change_counter()
    assert watched.library.journey_revisions() == {journey_id: 0}
    channel = f'LISTEN "cjmapper.{schema_of(team_location)}"'

    def listening() -> list[int]:
        with admin_connection(postgres_server) as conn:
            rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE query = %s", (channel,)).fetchall()
        return [row[0] for row in rows]

    [listener] = listening()  # only the second editor listens
    with admin_connection(postgres_server) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (listener,))
    # An edit while nobody listens: its notice is lost, so the revisions must be read afresh.
    card = first.load_journey(journey_id).touchpoints[0].id
    first.update_touchpoint(card, title="While the line was down", expected_revision=0)
    watched.quiet()
    errors: list[str] = []
    deadline = time.monotonic() + NOTICE_WAIT_S
    revisions: dict[int, int] = {}
    while time.monotonic() < deadline:
        counter = watched.wait_for(counter, errors=errors)
        revisions = watched.library.journey_revisions()
        if revisions == {journey_id: 1}:
            break
    assert revisions == {journey_id: 1}, "the edit made while the listener was down was never seen"
    assert watched.reads == 1, "the revisions were not read afresh after the listener came back"
    assert len(errors) <= 1, errors  # a poll may report the lost connection once, in one line
    [new_listener] = listening()
    assert new_listener != listener
    # And it listens again: the next edit arrives as a notice, without a query.
    counter = watched.library.change_counter()
    watched.quiet()
    first.update_touchpoint(card, title="Back to normal", expected_revision=1)
    watched.wait_for(counter)
    assert watched.library.journey_revisions() == {journey_id: 2}
    assert watched.reads == 0
    assert watched.statements == []


# ---------------------------------------------------------------------- the write lock


def open_at_once(location: ServerLocation, start: threading.Barrier, results: list[bool | BaseException]) -> None:
    """Open the library as soon as the other thread does too; note whether this open created it, or what failed."""
    start.wait(timeout=10)
    try:
        with Library.open(location) as library:
            results.append(library.created)
            library.list_journeys()
    except BaseException as e:
        results.append(e)


def test_two_editors_opening_a_new_team_library_at_once_create_it_once(
    postgres_server: Server, fresh_schemas: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", postgres_server[1])
    for _ in range(5):
        schema = fresh_schemas()
        location = in_schema(postgres_server, schema)
        barrier = threading.Barrier(2)
        results: list[bool | BaseException] = []
        threads = [threading.Thread(target=open_at_once, args=(location, barrier, results)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert not any(thread.is_alive() for thread in threads)
        assert sorted(results, key=str) == [False, True], results  # both opened; one created it
        assert tables_in(postgres_server, schema) == postgres.OUR_TABLES
        with admin_connection(postgres_server) as conn:
            meta = conn.execute(sql.SQL("SELECT key FROM {}.cjm_meta").format(sql.Identifier(schema))).fetchall()
            version = conn.execute(sql.SQL("SELECT * FROM {}.alembic_version").format(sql.Identifier(schema)))
            assert version.fetchall() == [(migrate.HEAD,)]
        assert sorted(row[0] for row in meta) == ["created_by", "format", "written_by"]


@pytest.fixture
def held_lock(
    postgres_server: Server, team_location: ServerLocation
) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """A context manager that holds the team library's write lock (as another writer's transaction would)."""

    @contextlib.contextmanager
    def hold() -> Iterator[None]:
        with psycopg.connect(str(postgres_server[0]), password=postgres_server[1]) as conn:
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(current_database() || '.' || %s))",
                (postgres.LOCK_SPACE, schema_of(team_location)),
            )
            yield
            conn.rollback()

    return hold


def test_writers_wait_for_the_write_lock_and_readers_do_not(
    team_location: ServerLocation, held_lock: Callable[[], contextlib.AbstractContextManager[None]]
) -> None:
    with Library.open(team_location) as library, Library.open(team_location) as reader:
        journey_id = library.create_journey(sample_journey())
        card = library.load_journey(journey_id).touchpoints[0].id
        done = threading.Event()
        failed: list[BaseException] = []

        def edit() -> None:
            try:
                library.update_touchpoint(card, title="After the other writer", expected_revision=0)
            except BaseException as e:
                failed.append(e)
            done.set()

        with held_lock():
            writer = threading.Thread(target=edit)
            writer.start()
            assert not done.wait(0.5), "the edit did not wait for the other writer's lock"
            started = time.monotonic()
            assert reader.load_journey(journey_id).touchpoint(card).title != "After the other writer"
            assert reader.journey_revisions() == {journey_id: 0}
            assert time.monotonic() - started < 2  # reading does not wait for a writer
        assert done.wait(5), "the edit did not go on once the lock was free"
        writer.join(timeout=5)
        assert failed == []
        assert library.load_journey(journey_id).touchpoint(card).title == "After the other writer"
        assert library.revision(journey_id) == 1


def test_a_write_lock_held_too_long_is_refused_as_busy_in_one_line(
    team_location: ServerLocation,
    postgres_server: Server,
    held_lock: Callable[[], contextlib.AbstractContextManager[None]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_MS", 300)  # instead of 15 s; read when connections are made
    with Library.open(team_location) as library:
        journey_id = library.create_journey(sample_journey())
        card = library.load_journey(journey_id).touchpoints[0].id
        with held_lock():
            with pytest.raises(LibraryLockedError) as caught:
                library.update_touchpoint(card, title="Too late", expected_revision=0)
            message = assert_user_message(caught.value, postgres_server[1])
            assert message == f"{library.name} is busy with other people's edits; the change was not saved. Try again."
        assert library.revision(journey_id) == 0
        library.update_touchpoint(card, title="Now", expected_revision=0)
        assert library.load_journey(journey_id).touchpoint(card).title == "Now"


def test_two_concurrent_writers_on_one_journey_never_lose_an_acknowledged_edit(team_location: ServerLocation) -> None:
    """Each writer adds cards at the top of one shared cell (no revision check: only the lock keeps the cell's sort
    keys apart) and counts on a shared card's votes (read, then write with `expected_revision`, retried when stale)."""
    rounds = 60
    with Library.open(team_location) as setup:
        journey_id = setup.create_journey(sample_journey(cards_per_cell=1))
        journey = setup.load_journey(journey_id)
    counter_card = journey.touchpoints[0].id
    cell = (journey.phases[1].id, journey.lanes[1].id)
    added: dict[int, str] = {}
    increments: list[int] = []
    stale: list[int] = []
    failed: list[BaseException] = []
    start = threading.Barrier(2)

    def write(name: str) -> None:
        try:
            with Library.open(team_location) as library:
                start.wait(timeout=10)
                for n in range(rounds):
                    title = f"{name} {n}"
                    added[library.add_touchpoint(journey_id, *cell, title, index=0).touchpoint.id] = title
                    while True:
                        revision = library.revision(journey_id)
                        votes = library.load_journey(journey_id).touchpoint(counter_card).votes
                        try:
                            library.update_touchpoint(counter_card, votes=votes + 1, expected_revision=revision)
                        except StaleEditError:
                            stale.append(1)
                            continue
                        increments.append(1)
                        break
        except BaseException as e:
            failed.append(e)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert failed == []
    with Library.open(team_location) as library:
        final = library.load_journey(journey_id)
    cards = final.cell(*cell)
    assert len(added) == 2 * rounds
    assert {c.id: c.title for c in cards if c.id in added} == added, "an acknowledged add is missing"
    positions = [c.position for c in cards]
    assert len(set(positions)) == len(positions), "two cards got the same place in the cell"
    assert final.touchpoint(counter_card).votes == len(increments) == 2 * rounds
    assert final.revision == 4 * rounds  # every acknowledged edit bumped the revision once; no other did
    print(f"\ntwo writers: {4 * rounds} acknowledged edits, {len(stale)} stale retries")

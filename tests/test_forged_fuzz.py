"""A fuzz of forged values in every column the library reader takes, on a file and on a team library (issue 12).

Each case writes one forged value into one column of one row of a real library, behind cjmapper's back (a file with
its checks and foreign keys off; a team library with its constraints dropped, where PostgreSQL's column types allow
only some forgeries), then lists, loads, exports (JSON, every journey), rescues (export-all) and runs the command
line's list and export-all in-process. Each may only give a valid journey whose export imports again, or
one clean, one-line CjmapperError, never another exception ("unexpected problem"), and each case ends within a few
seconds. The value is then put back, for the next case.

The cases are drawn from a seeded random generator: every column with at least one forged value, then more at random
(`FILE_CASES` on a file, `TEAM_CASES` on a team library)."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cjmapper import __version__, card_fields
from cjmapper.card_fields import ValueKind
from cjmapper.cli import main
from cjmapper.errors import CjmapperError
from cjmapper.interchange import read_journey, read_journey_file, write_journey
from cjmapper.model import MATRIX_LABEL_NAMES, MAX_TEXT, MAX_TITLE
from cjmapper.recovery import export_all
from cjmapper.store import Library, migrate
from cjmapper.store.location import Location, ServerLocation
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey
from tests.test_forged_rows import drop_constraints
from tests.thoroughness import examples

pytestmark = pytest.mark.both_backends

FILE_CASES = 60
TEAM_CASES = examples(35, 15)  # CI's count, fewer in the default run
SEED = 20261207
CASE_SECONDS = 5.0
HUGE = 300_000

# Which columns the reader takes, and what kind each is: "text", "int", "id" (a reference), "code" (an enum),
# "colour", "time".
FORGED_KIND: dict[ValueKind, str] = {
    "title": "text",
    "text": "text",
    "channel": "text",
    "score": "int",
    "colour": "colour",
    "votes": "int",
    "status": "code",
    "place": "int",
}
"""The kind of forgery each kind of card field gets (a card's fields come from `card_fields`)."""
COLUMNS: dict[str, dict[str, str]] = {
    "journeys": {
        "title": "text",
        "description": "text",
        "language": "code",
        "framework": "code",
        "revision": "int",
        **{f"matrix_{name}": "text" for name in MATRIX_LABEL_NAMES},
    },
    "personas": {
        "journey_id": "id",
        "position": "int",
        "name": "text",
        "description": "text",
        "goals": "text",
        "frustrations": "text",
        "color": "colour",
    },
    "phases": {"journey_id": "id", "position": "int", "name": "text", "description": "text", "color": "colour"},
    "lanes": {"journey_id": "id", "position": "int", "name": "text", "kind": "code", "color": "colour"},
    "touchpoints": {"journey_id": "id", "phase_id": "id", "lane_id": "id", "position": "int"}
    | {field.name: FORGED_KIND[field.kind] for field in card_fields.FIELDS},
    "journey_versions": {"journey_id": "id", "name": "text", "created_at": "time", "touchpoints": "int"},
}
NOT_UTF8 = object()
"""Stands for text that is not UTF-8 (a file only): written as CAST(X'80FF' AS TEXT)."""


TEAM_LENGTHS = {"title": 200, "persona_name": 200, "name": 100, "channel": 60, "owner": 200, "language": 8}
"""Column lengths a team library's types enforce (PostgreSQL refuses longer values, so none are forged there)."""


def file_values(kind: str, ids: list[int]) -> list[Any]:
    """Forgeries a file can hold in a column of `kind`: any type at all."""
    anything: list[Any] = [None, -1, 0, 2.5, 2**63 - 1, b"\x00\xff", b"", "", " ", "\x00", "x" * HUGE, NOT_UTF8]
    by_kind: dict[str, list[Any]] = {
        "text": ["a\x00b", "\x01\x1f\x7f", "x" * 201, "x" * (MAX_TEXT + 1), "é" * 50, "  padded  ", "\ud800"],
        "int": [6, 99, -(2**31) - 1, 2**31, 1.0, "1", "abc", 1e300],
        "id": [*ids, 99_999, -5, "1", 1.5],
        "code": ["xx", "EN", "emotions", "touchpoints", "nl", "aida", "bogus"],
        "colour": ["red", "#zzzzzz", "#ABCDEF", "#abc", "#1234567"],
        "time": ["yesterday", "2026-13-45 99:99:99", 12345, "9999-12-31 23:59:59"],
    }
    return anything + by_kind[kind]


def team_values(kind: str, column: str, ids: list[int]) -> list[Any]:
    """Forgeries PostgreSQL's column types allow."""
    limit = TEAM_LENGTHS.get(column)
    text_values = ["", " ", "\x01\x1f\x7f", "é" * 50, "  padded  ", "x" * (limit or HUGE), "x" * (limit or 201)]
    by_kind: dict[str, list[Any]] = {
        "text": text_values if limit is None else [*text_values, "x" * (MAX_TEXT + 1)][: 7 if limit else 8],
        "int": [-1, 0, 6, 99, -(2**31), 2**31 - 1],
        "id": [*ids, 99_999, -5],
        "code": ["xx", "EN", "emotions", "nl", "aida", "bogus", ""],
        "colour": ["red", "#zzzzzz", "#ABCDEF", "#abc", ""],
        "time": [datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)],
    }
    values = by_kind[kind]
    return [v for v in values if not (isinstance(v, str) and limit is not None and len(v) > limit)]


@dataclass(frozen=True)
class Case:
    table: str
    column: str
    row: int
    value: Any

    def __str__(self) -> str:
        shown = "text that is not UTF-8" if self.value is NOT_UTF8 else repr(self.value)
        return f"{self.table}.{self.column} of row {self.row} = {shown[:40]}"


@dataclass
class Seeded:
    location: Location
    journeys: list[int]
    rows: dict[str, list[int]]
    folder: Path


def seed(location: Location, folder: Path) -> Seeded:
    """A library of two journeys (one with a saved version), and the ids of the rows to forge."""
    with Library.open(location) as library:
        first = library.create_journey(sample_journey("First", phases=2, lanes=2, cards_per_cell=1))
        second = library.create_journey(sample_journey("Second", phases=2, lanes=1, cards_per_cell=2))
        library.save_version(first, "Saved")
    with raw_connection(location) as conn:
        if isinstance(location, ServerLocation):
            drop_constraints(conn)
        rows = {table: list(conn.execute(text(f"SELECT id FROM {table} ORDER BY id")).scalars()) for table in COLUMNS}
    return Seeded(location, [first, second], rows, folder)


def cases(seeded: Seeded, team: bool, count: int) -> list[Case]:
    generator = random.Random(SEED + team)
    made: list[Case] = []

    def draw(table: str, column: str) -> Case:
        kind = COLUMNS[table][column]
        id_pool = sorted({i for ids in seeded.rows.values() for i in ids})
        values = team_values(kind, column, id_pool) if team else file_values(kind, id_pool)
        return Case(table, column, generator.choice(seeded.rows[table]), generator.choice(values))

    for table, columns in COLUMNS.items():  # every column once
        made.extend(draw(table, column) for column in columns)
    while len(made) < count:
        table = generator.choice(list(COLUMNS))
        made.append(draw(table, generator.choice(list(COLUMNS[table]))))
    return made


@contextlib.contextmanager
def forged(location: Location, case: Case) -> Iterator[None]:
    """The case's value in place while the block runs; the old value put back afterwards."""
    select_old = f"SELECT {case.column} FROM {case.table} WHERE id = :row"
    update = f"UPDATE {case.table} SET {case.column} = :value WHERE id = :row"
    if isinstance(location, Path):
        raw = sqlite3.connect(location, isolation_level=None)
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            old = raw.execute(select_old, {"row": case.row}).fetchone()[0]
            try:
                if case.value is NOT_UTF8:
                    raw.execute(update.replace(":value", "CAST(X'80FF' AS TEXT)"), {"row": case.row})
                else:
                    raw.execute(update, {"value": case.value, "row": case.row})
            except (sqlite3.IntegrityError, UnicodeEncodeError):  # NOT NULL, a lone surrogate: nothing was forged
                yield
                return
            try:
                yield
            finally:
                raw.execute(update, {"value": old, "row": case.row})
        finally:
            raw.close()
        return
    with raw_connection(location) as conn:
        old = conn.execute(text(select_old), {"row": case.row}).scalar()
    try:
        with raw_connection(location) as conn:
            conn.execute(text(update), {"value": case.value, "row": case.row})
    except Exception:  # the server's types refuse it (a NULL in a NOT NULL column): nothing was forged
        yield
        return
    try:
        yield
    finally:
        with raw_connection(location) as conn:
            conn.execute(text(update), {"value": old, "row": case.row})


def clean(error: BaseException, case: Case, what: str) -> None:
    assert isinstance(error, CjmapperError), f"{case}: {what} raised {type(error).__name__}: {error}"
    assert "\n" not in str(error), f"{case}: {what}: {error}"
    assert len(str(error)) < 400, f"{case}: {what}: a message of {len(str(error)):,} characters"


def check_library(seeded: Seeded, case: Case) -> int:
    """Every read of the forged library gives a sound result or one clean error; the number of journeys that
    loaded and exported (each of which imported again)."""
    try:
        library = Library.open(seeded.location)
    except Exception as error:
        clean(error, case, "open")
        return 0
    exported = 0
    with library:
        try:
            infos = library.list_journeys()
        except Exception as error:
            raise AssertionError(f"{case}: the list failed: {type(error).__name__}: {error}") from None
        try:
            library.journey_revisions()
        except Exception as error:
            raise AssertionError(f"{case}: the revisions failed: {type(error).__name__}: {error}") from None
        for info in infos:
            assert isinstance(info.title, str), case
            assert isinstance(info.problem, str), case
            assert "\n" not in info.problem, case
            assert len(info.problem) < 300, case
            assert len(info.title) <= MAX_TITLE, case
            try:
                journey = library.load_journey(info.id)
            except Exception as error:
                clean(error, case, f"loading journey {info.id}")
                continue
            assert not info.problem, f"{case}: journey {info.id} loads, yet the list calls it damaged"
            if journey.phases and journey.lanes:  # a file holds at least one of each
                again = read_journey(write_journey(journey))  # an export always imports again
                assert again.title == journey.title.strip(), case
                exported += 1
            try:
                for version in library.list_versions(info.id):
                    library.load_version(version.id)
            except Exception as error:
                clean(error, case, f"the versions of journey {info.id}")
        folder = seeded.folder / f"rescued-{time.monotonic_ns()}"
        try:
            report = export_all(library, folder)
        except Exception as error:
            clean(error, case, "export-all")
        else:
            for done in report.written:
                read_journey_file(done.path)
    return exported


def check_command_line(seeded: Seeded, case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """The command line's list and export-all (which exports every journey it can read)."""
    folder = seeded.folder / f"cli-{time.monotonic_ns()}"
    for command in (["list"], ["export-all", "-o", str(folder)]):
        code = main(["--library", str(seeded.location), *command])
        captured = capsys.readouterr()
        assert code in (0, 1), f"{case}: {command[0]} exited {code}: {captured.err}"
        assert "unexpected" not in captured.err, f"{case}: {command[0]}: {captured.err}"
    if folder.exists():
        for written in folder.iterdir():
            read_journey_file(written)


def test_forged_values_in_every_column_give_a_sound_journey_or_one_clean_error(
    library_location: Location, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = seed(library_location, tmp_path)
    team = isinstance(library_location, ServerLocation)
    drawn = cases(seeded, team, TEAM_CASES if team else FILE_CASES)
    refused = exported = 0
    for case in drawn:
        started = time.monotonic()
        with forged(library_location, case):
            done = check_library(seeded, case)
            check_command_line(seeded, case, capsys)
        exported += done
        refused += len(seeded.journeys) - done
        elapsed = time.monotonic() - started
        assert elapsed < CASE_SECONDS, f"{case}: took {elapsed:.1f} s"
    # Some forgeries are refused and some are harmless: the fuzz exercised both outcomes.
    assert refused > 0
    assert exported > 0
    print(f"{len(drawn)} forged cases: {exported} journeys exported and imported again, {refused} refused")


FACTS: list[tuple[object, object]] = [
    ("9", "x" * HUGE),
    ("9", "a\x00b"),
    ("9", NOT_UTF8),
    ("9", b"\x80"),
    ("9", 12),
    (9, "2.0"),
    (b"9", "2.0"),
    ("99999999999999999999999999999", "2.0"),
    ("abc", "2.0"),
    ("", "2.0"),
    ("0002\x00", "2.0"),
    (NOT_UTF8, "2.0"),
    ("x" * HUGE, "2.0"),
]
"""Forged library facts: the format revision (alembic_version) and the cjmapper that last wrote it (cjm_meta)."""


def forge_facts(location: Location, revision: object, written_by: object) -> bool:
    """Write the facts behind cjmapper's back; False when the backend's types refuse them."""
    statements = [
        ("UPDATE alembic_version SET version_num = {}", revision),
        ("UPDATE cjm_meta SET value = {} WHERE key = 'written_by'", written_by),
    ]
    if isinstance(location, Path):
        raw = sqlite3.connect(location, isolation_level=None)
        try:
            for statement, value in statements:
                if value is NOT_UTF8:
                    raw.execute(statement.format("CAST(X'80FF' AS TEXT)"))
                else:
                    raw.execute(statement.format("?"), (value,))
        finally:
            raw.close()
        return True
    if NOT_UTF8 in (revision, written_by) or any(
        isinstance(v, bytes) or (isinstance(v, str) and ("\x00" in v or len(v) > 32)) for v in (revision, written_by)
    ):
        return False
    with raw_connection(location) as conn:
        for statement, value in statements:
            conn.execute(text(statement.format(":value")), {"value": str(value)})
    return True


def test_forged_library_facts_open_or_are_refused_in_one_short_line(library_location: Location) -> None:
    Library.open(library_location).close()
    forged_count = 0
    for revision, written_by in FACTS:
        if not forge_facts(library_location, revision, written_by):
            continue  # the server's column types refuse this forgery
        forged_count += 1
        started = time.monotonic()
        try:
            Library.open(library_location).close()
        except Exception as error:
            clean(error, Case("alembic_version", "version_num", 0, revision), "open")
        assert time.monotonic() - started < CASE_SECONDS
        assert forge_facts(library_location, migrate.HEAD, __version__)
    assert forged_count >= (len(FACTS) if isinstance(library_location, Path) else 5)
    Library.open(library_location).close()  # put back, the library opens again

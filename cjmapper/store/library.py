"""The library: one file of journeys, and the edit API that is the only way to change it.

Every edit method is one transaction, durable when it returns (there is no separate Save), bumps the journey's
revision, and raises a `CjmapperError` with the library unchanged when it cannot be done. Each edit of a journey
takes an optional `expected_revision`: the revision the caller last saw; when another connection has changed the
journey since, the edit is refused with `StaleEditError` (nobody silently overwrites anybody). Every edit of a
journey returns the journey's new revision, read in its own transaction (an int, a `revision` field on its result,
or `Revised(value, revision)`), so a caller never has to count edits to know it. Edit methods take and return ids
and model value objects, so undo commands can hold ids; they run on a Core connection with their statements built
once (a card edit is a handful of small statements, and building them cost more than running them).

It is long because it is the one edit API: every way to change a library is a method here, each a transaction
with the same stale check and change notice, and the helpers below are the rows those methods write. Opening and
creating the file is `cjmapper.store.library_file`; reading is `reading` and `checks`; versions are `versions`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    Table,
    Update,
    bindparam,
    cast,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from cjmapper import card_fields, rules
from cjmapper.errors import (
    CjmapperError,
    DamagedJourneyError,
    EditError,
    LibraryError,
    NotFoundError,
    StaleEditError,
    UndecodableTextError,
)
from cjmapper.model import (
    MAX_LANES,
    MAX_NAME,
    MAX_PERSONA_NAME,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    CardStatus,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    Persona,
    Phase,
    Touchpoint,
)
from cjmapper.store import checks, library_file, migrate, ordering, reading, sqlite, versions
from cjmapper.store.backend import WRITE_LOCK, Backend, JourneyChange
from cjmapper.store.location import Location, ServerLocation, parse_location
from cjmapper.store.ordering import Placement, Renumbering
from cjmapper.store.reading import JourneyInfo
from cjmapper.store.tables import JOURNEYS, LANES, PHASES, TOUCHPOINT_FIELDS, TOUCHPOINTS, VERSIONS
from cjmapper.store.versions import VersionInfo, VersionRemoval

_T = TypeVar("_T")

Cell = tuple[int, int]
"""A cell of the map: (phase id, lane id)."""


class _Unset:
    """Marks an edit argument that was not given (None is a real value for persona, colour and score)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class Revised(Generic[_T]):
    """What an edit returns when its answer is a plain value (a phase, a lane, a card, a journey, a list): that
    value, and the journey's revision after the edit."""

    value: _T
    revision: int


@dataclass(frozen=True, slots=True)
class PhaseRemoval:
    """What `delete_phase` took out, so `restore_phase` can put it back exactly (same ids and places)."""

    journey_id: int
    index: int
    phase: Phase
    touchpoints: tuple[Touchpoint, ...]
    revision: int | None = None
    """The journey's revision after `delete_phase`; None on a removal made by hand (`restore_phase` ignores it)."""


@dataclass(frozen=True, slots=True)
class LaneRemoval:
    """What `delete_lane` took out, so `restore_lane` can put it back exactly (same ids and places)."""

    journey_id: int
    index: int
    lane: Lane
    touchpoints: tuple[Touchpoint, ...]
    revision: int | None = None
    """The journey's revision after `delete_lane`; None on a removal made by hand (`restore_lane` ignores it)."""


@dataclass(frozen=True, slots=True)
class TouchpointAddition:
    """What `add_touchpoint` did: the new card as stored, and the cell's other cards it renumbered to make room
    (see `cjmapper.store.ordering`; empty unless the gap at the card's place had run out)."""

    touchpoint: Touchpoint
    renumbered: Renumbering
    revision: int
    """The journey's revision after the edit."""


@dataclass(frozen=True, slots=True)
class Additions:
    """What `add_touchpoints` did: the new cards as stored (in the order given), the cell's other cards it
    renumbered to make room (each once: where it stood before the edit and stands after it), and the journey's
    revision after the edit. Deleting the new cards and `arrange(renumbered.before)` undoes it exactly."""

    touchpoints: tuple[Touchpoint, ...]
    renumbered: Renumbering
    revision: int


@dataclass(frozen=True, slots=True)
class TouchpointMove:
    """What `move_touchpoints` did: where the moved cards stood and stand (in the order given), and the target
    cell's other cards it renumbered to make room. `arrange(renumbered.before + before)` undoes it exactly."""

    before: tuple[Placement, ...]
    after: tuple[Placement, ...]
    renumbered: Renumbering
    revision: int
    """The journey's revision after the edit."""


FILE_BUSY_TIMEOUT_MS = 2000
NEW_JOURNEY_REVISION = 0
"""The revision of a journey the library adds under a new id (`create_journey`, `duplicate_journey`,
`import_journey`): an undo of the adding expects it, until someone edits the journey."""
_STALE = "Someone else changed this journey since it was read; the edit was not saved, so their work stays."
_MOVE_WITHIN = "Cards can only move within their own journey."
_TOGETHER = "Cards of different journeys cannot be changed in one edit."
_CHANGES: ContextVar[list[JourneyChange]] = ContextVar("cjm_changes")
"""The `JourneyChange`s the write transaction under way makes, announced just before it commits."""


class Library:
    """An open library: a file, or a team library on a PostgreSQL server. Use `Library.open(path or URL)`; close it
    (or use `with`) when done."""

    def __init__(
        self, engine: Engine, backend: Backend, location: Location, created: bool, *, damage: Sequence[str] = ()
    ) -> None:
        self._engine: Engine | None = engine
        self._backend = backend
        self.location: Location = location
        """The file's path, or the team library's `ServerLocation` (which never holds a password)."""
        self.path: Path | None = location if isinstance(location, Path) else None
        """The library file; None for a team library."""
        self.name = backend.name
        """How messages name the library: the file's name, or `database on host`."""
        self.created = created
        """True when this open created the library."""
        self.damage: tuple[str, ...] = tuple(damage)
        """What the integrity check found wrong when the library was opened; () for a sound library. A damaged
        library is open read-only: it can be read and exported (`cjmapper.recovery`), every edit is refused."""

    # ------------------------------------------------------------------ opening and closing

    @property
    def is_team(self) -> bool:
        """True for a team library on a PostgreSQL server."""
        return isinstance(self.location, ServerLocation)

    @classmethod
    def open(
        cls,
        location: Path | str | ServerLocation,
        *,
        busy_timeout_ms: int | None = None,
        seed: Callable[[], Journey] | None = None,
    ) -> Library:
        """Open the library at `location`: a file path, or a PostgreSQL URL (or `ServerLocation`) for a team library.
        `busy_timeout_ms`: how long an edit waits for another writer before it is refused (default: 2 s on a file,
        `postgres.LOCK_TIMEOUT_MS` on a team library, where a whole team shares the lock).

        A missing file is created when its folder exists; an empty database becomes a team library. Anything that is
        not a usable library is refused with one clear `LibraryError`, its contents untouched.

        `seed` (files only): called when this open creates the file, for a journey the new library starts with. It is
        added before the library is linked into place, so a failed seed (or a crash) leaves no library behind."""
        where = location if isinstance(location, ServerLocation) else parse_location(location)
        if isinstance(where, ServerLocation):
            from cjmapper.store import team  # imported here: psycopg is needed only for team libraries

            engine, backend, created = team.open_team_library(where, busy_timeout_ms)
            return cls(engine, backend, where, created)
        path = where
        busy_timeout_ms = FILE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        if path.is_dir():
            raise LibraryError(f"{path} is a folder; give the path of a library file, e.g. {path / 'library.cjm'}.")
        sqlite.remove_stale_temporaries(path)
        created = not path.exists()
        if created and not path.parent.is_dir():
            raise LibraryError(f"Cannot create {path.name}: the folder {path.parent} does not exist.")
        if created:
            created = library_file.create_library_file(
                path,
                busy_timeout_ms,
                None if seed is None else lambda engine, temporary: cls._seed(engine, temporary, seed),
            )
        if not created:
            sqlite.check_existing_file(path)
            damage = library_file.check_existing_library(path, busy_timeout_ms)
            if damage:
                return cls._open_damaged(path, busy_timeout_ms, damage)
        engine = sqlite.make_engine(path, busy_timeout_ms)
        try:
            with engine.connect() as conn:
                if not created:
                    library_file.prepare_existing(conn, engine, path)
        except BaseException as e:
            engine.dispose()
            if created:
                library_file.remove_library_files(path)
            if isinstance(e, DBAPIError):
                raise sqlite.translate(e, path.name) from None
            if isinstance(e, UnicodeDecodeError):  # SQLite's own message quoted a damaged schema's bytes
                raise LibraryError(f"{path.name} is damaged (its schema holds bytes that are not text).") from None
            raise
        return cls(engine, sqlite.SqliteBackend(engine, path), path, created)

    @classmethod
    def _seed(cls, engine: Engine, path: Path, seed: Callable[[], Journey]) -> None:
        """Add the journey `seed` makes to the library being created on `engine` (its temporary file `path`)."""
        seeding = cls(engine, sqlite.SqliteBackend(engine, path), path, True)
        try:
            seeding.create_journey(seed())
        finally:
            seeding.close()

    @classmethod
    def _open_damaged(cls, path: Path, busy_timeout_ms: int, damage: Sequence[str]) -> Library:
        """A library that failed its integrity check, opened read-only (nothing is migrated or written)."""
        engine = sqlite.make_engine(path, busy_timeout_ms, read_only=True)
        try:
            with engine.connect() as conn, conn.begin():
                revision = migrate.current_revision(conn)
        except (DBAPIError, UnicodeDecodeError):
            revision = None
        if revision != migrate.HEAD:
            engine.dispose()
            raise LibraryError(
                f"{path.name} is damaged ({' '.join(damage[0].split())}) beyond what cjmapper can read; "
                "restore it from a backup."
            )
        return cls(engine, sqlite.SqliteBackend(engine, path), path, False, damage=damage)

    @property
    def read_only(self) -> bool:
        """True when the library is damaged and open for reading and exporting only."""
        return bool(self.damage)

    def owns_file(self, target: Path | str) -> bool:
        """Whether writing `target` would write over this library: its file (by any path to it: a symlink, a hard
        link, `x/../`), the -wal, -shm or -journal SQLite keeps beside it, or a backup kept before a format upgrade
        (`NAME.formatN.bak`). Always False for a team library."""
        return self.path is not None and library_file.is_own_file(self.path, Path(target).expanduser())

    def refuse_own_file(self, target: Path | str) -> None:
        """Raise LibraryError when `target` is one of this library's own files (see `owns_file`): an export never
        replaces the library it comes from."""
        if self.owns_file(target):
            raise LibraryError(
                f"Will not write {target}: it is the open library {self.name} or one of its own files; "
                "choose another name."
            )

    @classmethod
    def open_default(cls, language: Language | str | None = None) -> Library:
        """Open the user's default library, creating it with the example journey on first run: whole or not at all,
        so a first start that fails (a missing example, a full disk) leaves nothing, and the next start gets the
        example."""
        from cjmapper.i18n import system_language
        from cjmapper.paths import default_library_path
        from cjmapper.templates import load_example

        path = default_library_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryError(f"Cannot create the folder {path.parent}: {e.strerror or e}.") from None
        return cls.open(path, seed=lambda: load_example(language or system_language()))

    def close(self) -> None:
        if self._engine is not None:
            self._backend.close()
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise LibraryError(f"{self.name} is closed.")
        return self._engine

    def save_as(self, target: Path | str) -> None:
        """Write a consistent copy of the whole library to `target` (SQLite's backup API), replacing what is there:
        afterwards `target` holds exactly this library, with this file's mode, whatever lay there before (an older
        library with its WAL, a crash's leftovers, another file). A target another program holds open is refused,
        and left as it was. A crash leaves `target` as it was or the whole copy (see `sqlite.backup_to`)."""
        target = Path(target).expanduser().absolute()
        if self.path is None:
            raise LibraryError("A team library lives on its server; copy its journeys into a local library instead.")
        own = self.path
        if self.owns_file(target):
            raise LibraryError(
                f"Save the library under another name: {target.name} is the open library {own.name} "
                "or one of its own files."
            )
        for suffix in sqlite.SIDECARS:  # another library's -wal, -shm or -journal
            if target.name.endswith(suffix) and target.with_name(target.name.removesuffix(suffix)).exists():
                belongs = target.name.removesuffix(suffix)
                raise LibraryError(f"Save the library under another name: {target.name} is SQLite's file of {belongs}.")
        if not target.parent.is_dir():
            raise LibraryError(f"Cannot save {target.name}: the folder {target.parent} does not exist.")
        if target.is_dir():
            raise LibraryError(f"Cannot save the library as {target.name}: that is a folder.")
        if target.exists() and not target.is_file():
            raise LibraryError(f"Cannot save the library as {target.name}: that is not a regular file.")
        sqlite.backup_to(self.engine, own, target)

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(**self._backend.read_options) as conn, conn.begin():
                yield conn
        except DBAPIError as e:
            raise self._backend.translate(e) from None
        except (ValueError, TypeError, KeyError, UnicodeDecodeError) as e:
            # Rows that break the model's rules (an unknown language, a missing title): only a damaged file has them.
            raise LibraryError(f"{self.name} is damaged: what it holds cannot be read ({e}).") from None

    def list_journeys(self) -> list[JourneyInfo]:
        """Every journey, sorted by title; one whose row breaks a rule is listed with its `JourneyInfo.problem`."""
        try:
            with self._read() as conn:
                return reading.list_journeys(conn)
        except UndecodableTextError:  # a file holding text that is not UTF-8: journey by journey, to name it
            return reading.sorted_infos(
                self._each_journey(reading.list_journeys, lambda journey_id: [reading.unreadable_info(journey_id)])
            )

    def _each_journey(
        self, read: Callable[[Connection, int], list[_T]], unreadable: Callable[[int], list[_T]]
    ) -> list[_T]:
        """`read` of each journey on its own, `unreadable` of those holding text that is not UTF-8."""
        with self._read() as conn:
            ids = reading.journey_ids(conn)
        found: list[_T] = []
        for journey_id in ids:
            try:
                with self._read() as conn:
                    found.extend(read(conn, journey_id))
            except UndecodableTextError:
                found.extend(unreadable(journey_id))
        return found

    def load_journey(self, journey_id: int) -> Journey:
        try:
            with self._read() as conn:
                return reading.load_journey(conn, journey_id)
        except UndecodableTextError:
            raise checks.damaged(journey_id, "it holds text that is not UTF-8") from None

    def find_journey(self, ref: str) -> int:
        """The id of the journey named by `ref`: its id, or its exact title."""
        with self._read() as conn:
            return reading.find_journey(conn, ref)

    def change_counter(self) -> int:
        """A number that moves whenever anyone commits to the library (this library object too): poll it cheaply,
        and read `journey_revisions()` only when it moved. A file: SQLite's data_version; a team library: the
        change notices received (no query), so there it moves when the server's notice arrives, a moment after
        the commit."""
        self.engine  # noqa: B018 - refuses on a closed library, rather than connecting anew
        return self._backend.change_counter()

    def change_notice_socket(self) -> int | None:
        """On a team library, the listening connection's socket: it turns readable when a change notice arrives, so
        an event loop can call `change_counter` at once instead of waiting for its next poll. None on a file (poll
        `change_counter`) or while not listening. A reconnect may give another socket: ask again after each poll."""
        return self._backend.notice_socket() if self._engine is not None else None

    def journey_revisions(self) -> dict[int, int]:
        """Every journey's revision by id, to tell which journeys changed: one small query on a file; on a team
        library, kept current from the change notices."""
        return self._backend.journey_revisions(self._read_revisions)

    def _read_revisions(self) -> dict[int, int]:
        try:
            with self._read() as conn:
                return reading.journey_revisions(conn)
        except UndecodableTextError:
            unreadable = reading.UNREADABLE_REVISION
            pairs = self._each_journey(
                lambda conn, journey_id: list(reading.journey_revisions(conn, journey_id).items()),
                lambda journey_id: [(journey_id, unreadable)],
            )
            return dict(pairs)

    def integrity_problems(self, *, full: bool = True) -> list[str]:
        """What the database's integrity check finds wrong now ([] when sound); `full=False` runs the quicker check
        that opening a file runs. A team library's server keeps its own pages sound: always []."""
        return self._backend.integrity_problems(full=full)

    def revision(self, journey_id: int) -> int:
        with self._read() as conn:
            return reading.revision(conn, journey_id)

    # ------------------------------------------------------------------ the write path

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction holding the write lock from its start; committed (durable) when the block ends. A Core
        connection, not an ORM session: an edit is a few statements, and the ORM's unit of work cost more than
        they did."""
        if self.damage:
            raise LibraryError(
                f"{self.name} is damaged and open read-only: the change was not saved. "
                "Export its journeys (export-all) and import them into a new library."
            )
        try:
            with self.engine.connect().execution_options(**{WRITE_LOCK: True}) as conn, conn.begin():
                changes: list[JourneyChange] = []
                noting = _CHANGES.set(changes)
                try:
                    yield conn
                finally:
                    _CHANGES.reset(noting)
                if changes:
                    self._backend.announce(conn, changes)
        except DBAPIError as e:
            raise self._backend.translate(e) from None
        except SQLAlchemyError as e:
            raise LibraryError(f"{self.name}: the change was not saved ({e}).") from None

    @staticmethod
    def _touch(
        conn: Connection,
        journey_id: int,
        expected_revision: int | None = None,
        cards: Sequence[int] | None = None,
    ) -> int:
        """Bump the journey's revision and return the new one (every edit returns it to its caller). With
        `expected_revision`, refuse (StaleEditError, so the whole edit is rolled back) when the journey is no longer
        at that revision: someone else changed it since the caller read it. A journey that is not there is refused
        (NotFoundError). `cards`: the cards the edit wrote when it wrote only cards."""
        if expected_revision is None:
            found = conn.execute(_BUMP, {"j": journey_id}).scalar()
        else:
            found = conn.execute(_BUMP_IF_AT, {"j": journey_id, "expected": expected_revision}).scalar()
        if found is None:
            if expected_revision is not None:
                raise StaleEditError(_STALE)
            raise NotFoundError(f"There is no journey with id {journey_id} in this library.")
        revision = int(found)
        _record(JourneyChange(journey_id, revision, None if cards is None else tuple(cards)))
        return revision

    # ------------------------------------------------------------------ journeys

    def create_journey(self, journey: Journey) -> int:
        """Add a whole journey (ids inside `journey` are only references between its parts). Returns its id; the new
        journey's revision is `NEW_JOURNEY_REVISION` (as for every journey this library adds under a new id)."""
        with self._write() as conn:
            return _insert_journey(conn, journey, keep_ids=False)

    def import_journey(self, journey: Journey, saved: Sequence[tuple[VersionInfo, Journey]] = ()) -> int:
        """Add a whole journey from another library with its saved versions (each under its name and time), in one
        transaction: a copy is there whole or not at all. Returns the new journey's id. The versions name the
        copy's parts by their new ids (see `versions.import_version`)."""
        with self._write() as conn:
            ids = versions.IdMap()
            journey_id = _insert_journey(conn, journey, keep_ids=False, ids=ids)
            for info, content in saved:
                versions.import_version(conn, journey_id, info, content, ids)
            return journey_id

    def restore_journey(self, journey: Journey) -> int:
        """Put back a journey that `delete_journey` returned, with all its original ids. Returns the revision it has
        now (for the next `delete_journey`'s `expected_revision`). Refused (StaleEditError) when the journey is
        already back: someone else put it back, and their work on it stays."""
        with self._write() as conn:
            if conn.execute(select(JOURNEYS.c.id).where(JOURNEYS.c.id == journey.id)).scalar() is not None:
                raise StaleEditError(_STALE)
            journey_id = _insert_journey(conn, journey, keep_ids=True)
            self._backend.ids_inserted(conn, (JOURNEYS, PHASES, LANES, TOUCHPOINTS))
            return int(conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).scalar_one())

    def delete_journey(self, journey_id: int, *, expected_revision: int | None = None) -> Journey:
        """Delete a journey and everything on it; returns it whole (with the revision it had), for undo. With
        `expected_revision`, refused (StaleEditError) when the journey is no longer at that revision or is gone:
        someone else changed or deleted it since the caller saw it."""
        with self._write() as conn:
            if expected_revision is not None:
                found = conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).scalar()
                if found != expected_revision:
                    raise StaleEditError(_STALE)
            journey = self._load_for_write(conn, journey_id)
            statement = delete(JOURNEYS).where(JOURNEYS.c.id == journey_id)
            if expected_revision is not None:
                statement = statement.where(JOURNEYS.c.revision == expected_revision)
            if conn.execute(statement).rowcount != 1:
                raise StaleEditError(_STALE)
            _record(JourneyChange(journey_id, None))
        return journey

    def delete_damaged_journey(self, journey_id: int, *, expected_revision: int | None = None) -> None:
        """Delete a journey that cannot be read (`load_journey` refuses it: a forged or damaged row) with everything on
        it: its phases, lanes, cards and saved versions, and a card of another journey forged onto one of its phases
        or lanes (as the schema's cascades would; that journey moves to a new revision, when its own is a whole
        number). One transaction, announced like `delete_journey`; it cannot be undone (what cannot be read cannot be
        put back). A journey that reads is refused (EditError): `delete_journey` deletes it, and returns it for undo.

        `expected_revision`: the journey's revision as `journey_revisions` lists it (`reading.UNREADABLE_REVISION`
        for one that is not a whole number); refused (StaleEditError) when it is no longer that or the journey is
        gone: someone else changed or deleted it since the caller saw it."""
        with self._write() as conn:
            if expected_revision is not None and self._listed_revision(conn, journey_id) != expected_revision:
                raise StaleEditError(_STALE)
            try:
                self._load_for_write(conn, journey_id)
            except DamagedJourneyError:
                pass
            else:
                raise EditError(
                    f"Journey {journey_id} can be read, so it is not deleted as a damaged one; "
                    "delete it as usual (which can be undone)."
                )
            for other, revision in _delete_journey_rows(conn, journey_id):
                _record(JourneyChange(other, revision))
            _record(JourneyChange(journey_id, None))

    def _load_for_write(self, conn: Connection, journey_id: int) -> Journey:
        """`reading.load_journey` inside a write transaction: a journey holding text that is not UTF-8 is refused as
        damaged, naming it (as `load_journey` does)."""
        try:
            return reading.load_journey(conn, journey_id)
        except DBAPIError as e:
            if isinstance(self._backend.translate(e), UndecodableTextError):
                raise checks.damaged(journey_id, "it holds text that is not UTF-8") from None
            raise

    def _listed_revision(self, conn: Connection, journey_id: int) -> int | None:
        """The journey's revision as `journey_revisions` lists it; None when there is no such journey."""
        try:
            return reading.journey_revisions(conn, journey_id).get(journey_id)
        except DBAPIError as e:
            if isinstance(self._backend.translate(e), UndecodableTextError):
                return reading.UNREADABLE_REVISION
            raise

    def duplicate_journey(self, journey_id: int, title: str | None = None) -> int:
        """Add a copy of a journey (under `title`, else its own title with " (copy)"); returns the copy's id. The copy's
        revision is `NEW_JOURNEY_REVISION`."""
        with self._write() as conn:
            journey = reading.load_journey(conn, journey_id)
            journey.title = rules.title(title if title is not None else _copy_title(journey.title), MAX_TITLE, "title")
            return _insert_journey(conn, journey, keep_ids=False)

    def update_journey(
        self,
        journey_id: int,
        *,
        title: str = UNSET,
        description: str = UNSET,
        language: Language | str = UNSET,
        framework: Framework | str = UNSET,
        persona: Persona | None = UNSET,
        expected_revision: int | None = None,
    ) -> int:
        """Change some of the journey's own fields; returns the journey's new revision."""
        values: dict[str, object] = {}
        if title is not UNSET:
            values["title"] = rules.title(title, MAX_TITLE, "journey title")
        if description is not UNSET:
            values["description"] = rules.text(description, MAX_TEXT, "description")
        if language is not UNSET:
            values["language"] = rules.language(language).value
        if framework is not UNSET:
            values["framework"] = rules.framework(framework).value
        if persona is not UNSET:
            values.update(_persona_values(persona))
        with self._write() as conn:
            _require(conn, JOURNEYS, journey_id, "journey")
            if values:
                conn.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(**values))
            return self._touch(conn, journey_id, expected_revision)

    # ------------------------------------------------------------------ phases and lanes

    def add_phase(
        self,
        journey_id: int,
        name: str,
        *,
        index: int | None = None,
        description: str = "",
        color: str | None = None,
        expected_revision: int | None = None,
    ) -> Revised[Phase]:
        """Add a phase at `index` (None: last); returns it as stored, with the journey's new revision."""
        return self._add_structure(
            _PHASES, journey_id, index, expected_revision, name=name, description=description, color=color
        )

    def update_phase(
        self,
        phase_id: int,
        *,
        name: str = UNSET,
        description: str = UNSET,
        color: str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Phase]:
        """Change some fields of a phase; returns it as stored, with the journey's new revision."""
        return self._update_structure(
            _PHASES, phase_id, expected_revision, name=name, description=description, color=color
        )

    def move_phase(self, phase_id: int, index: int, *, expected_revision: int | None = None) -> int:
        """Move a phase to `index` among the journey's phases (0 = leftmost); returns the journey's new revision."""
        return self._move_structure(_PHASES, phase_id, index, expected_revision)

    def delete_phase(self, phase_id: int, *, expected_revision: int | None = None) -> PhaseRemoval:
        """Delete a phase with its cards; returns what was removed, for `restore_phase`, with the journey's new
        revision."""
        return self._delete_structure(_PHASES, phase_id, expected_revision)

    def restore_phase(self, removal: PhaseRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a phase `delete_phase` removed, with its cards; returns the journey's new revision."""
        return self._restore_structure(
            _PHASES, removal.journey_id, removal.index, removal.phase, removal.touchpoints, expected_revision
        )

    def add_lane(
        self,
        journey_id: int,
        name: str,
        kind: LaneKind | str = LaneKind.TOUCHPOINTS,
        *,
        index: int | None = None,
        color: str | None = None,
        expected_revision: int | None = None,
    ) -> Revised[Lane]:
        """Add a lane at `index` (None: last); returns it as stored, with the journey's new revision."""
        return self._add_structure(_LANES, journey_id, index, expected_revision, name=name, kind=kind, color=color)

    def update_lane(
        self,
        lane_id: int,
        *,
        name: str = UNSET,
        kind: LaneKind | str = UNSET,
        color: str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Lane]:
        """Change some fields of a lane; returns it as stored, with the journey's new revision."""
        return self._update_structure(_LANES, lane_id, expected_revision, name=name, kind=kind, color=color)

    def move_lane(self, lane_id: int, index: int, *, expected_revision: int | None = None) -> int:
        """Move a lane to `index` among the journey's lanes (0 = top); returns the journey's new revision."""
        return self._move_structure(_LANES, lane_id, index, expected_revision)

    def delete_lane(self, lane_id: int, *, expected_revision: int | None = None) -> LaneRemoval:
        """Delete a lane with its cards; returns what was removed, for `restore_lane`, with the journey's new
        revision."""
        return self._delete_structure(_LANES, lane_id, expected_revision)

    def restore_lane(self, removal: LaneRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a lane `delete_lane` removed, with its cards; returns the journey's new revision."""
        return self._restore_structure(
            _LANES, removal.journey_id, removal.index, removal.lane, removal.touchpoints, expected_revision
        )

    # The shared bodies of the phase and lane edits; `_Structure` says which of the two.

    def _add_structure(
        self,
        structure: _Structure[_ItemT, _RemovalT],
        journey_id: int,
        index: int | None,
        expected_revision: int | None,
        **given: object,
    ) -> Revised[_ItemT]:
        values = structure.clean(given)
        with self._write() as conn:
            _require(conn, JOURNEYS, journey_id, "journey")
            order = _structure_ids(conn, structure.table, journey_id)
            if len(order) >= structure.limit:
                raise EditError(f"A journey has at most {structure.limit} {structure.what}conn.")
            item = structure.load(conn, _insert_at(conn, structure.table, journey_id, order, index, values))
            revision = self._touch(conn, journey_id, expected_revision)
        return Revised(item, revision)

    def _update_structure(
        self, structure: _Structure[_ItemT, _RemovalT], item_id: int, expected_revision: int | None, **given: object
    ) -> Revised[_ItemT]:
        values = structure.clean({name: value for name, value in given.items() if value is not UNSET})
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            _refuse_stale(conn, journey_id, expected_revision)
            structure.check_update(conn, item_id, values)
            if values:
                conn.execute(update(structure.table).where(structure.table.c.id == item_id).values(**values))
            revision = self._touch(conn, journey_id, expected_revision)
            item = structure.load(conn, item_id)
        return Revised(item, revision)

    def _move_structure(
        self, structure: _Structure[_ItemT, _RemovalT], item_id: int, index: int, expected_revision: int | None
    ) -> int:
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            _move_in_order(conn, structure.table, journey_id, item_id, index)
            return self._touch(conn, journey_id, expected_revision)

    def _delete_structure(
        self, structure: _Structure[_ItemT, _RemovalT], item_id: int, expected_revision: int | None
    ) -> _RemovalT:
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            _refuse_stale(conn, journey_id, expected_revision)
            order = _structure_ids(conn, structure.table, journey_id)
            if len(order) <= 1:
                raise EditError(f"A journey keeps at least one {structure.what}.")
            journey = reading.load_journey(conn, journey_id)
            removal = structure.removal(
                journey_id,
                order.index(item_id),
                structure.find(journey, item_id),
                tuple(t for t in journey.touchpoints if getattr(t, structure.card_field) == item_id),
            )
            conn.execute(delete(structure.table).where(structure.table.c.id == item_id))
            order.remove(item_id)
            _write_positions(conn, structure.table, order)
            revision = self._touch(conn, journey_id, expected_revision)
        return replace(removal, revision=revision)

    def _restore_structure(
        self,
        structure: _Structure[_ItemT, _RemovalT],
        journey_id: int,
        index: int,
        item: _ItemT,
        cards: Sequence[Touchpoint],
        expected_revision: int | None,
    ) -> int:
        with self._write() as conn:
            order = _structure_ids(conn, structure.table, journey_id)
            _insert_at(conn, structure.table, journey_id, order, index, structure.stored(item) | {"id": item.id})
            _insert_touchpoints(conn, journey_id, cards)
            self._backend.ids_inserted(conn, (structure.table, TOUCHPOINTS))
            return self._touch(conn, journey_id, expected_revision)

    # ------------------------------------------------------------------ touchpoints

    def add_touchpoint(
        self,
        journey_id: int,
        phase_id: int,
        lane_id: int,
        title: str,
        *,
        index: int | None = None,
        notes: str = "",
        channel: str | None = None,
        score: int | None = None,
        expectation: str = "",
        owner: str = "",
        color: str | None = None,
        votes: int = 0,
        status: CardStatus | str | None = None,
        expected_revision: int | None = None,
    ) -> TouchpointAddition:
        """Add a card to a cell at `index` (None: at the end). Returns it with its new id and position, the cell's
        other cards that were renumbered to make room, and the journey's new revision."""
        given = Touchpoint(0, phase_id, lane_id, 0, title, notes, channel, score, expectation, owner, color, votes)
        card = _clean_touchpoint(replace(given, status=rules.status(status)))
        with self._write() as conn:
            _check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            [card.position], renumbered = ordering.place(conn, phase_id, lane_id, index, 1, ())
            values = _touchpoint_values(card, journey_id)
            del values["id"]
            card.id = int(conn.execute(_INSERT_CARD, values).scalar_one())
            revision = self._touch(
                conn, journey_id, expected_revision, [card.id, *(p.touchpoint_id for p in renumbered.after)]
            )
        return TouchpointAddition(card, renumbered, revision)

    def add_touchpoints(
        self,
        journey_id: int,
        phase_id: int,
        lane_id: int,
        cards: Sequence[tuple[str, Mapping[str, object]]],
        *,
        index: int | None = None,
        expected_revision: int | None = None,
    ) -> Additions:
        """Add cards (each its title and its other fields by name, as `add_touchpoint` takes them) to a cell, in
        the order given from `index` on (None: at the end): as adding them one after another at index, index + 1,
        ..., but in one transaction, with one revision and one change notice, and all or none of them (a bad value
        in any card is refused before anything is written). Returns the new cards as stored, the cell's other
        cards renumbered to make room, and the journey's new revision."""
        if not cards:
            raise EditError("Give one or more cards to add.")
        new_cards = []
        for title, fields in cards:
            _refuse_unknown_fields("add_touchpoints", fields)
            new_cards.append(_clean_touchpoint(Touchpoint(0, phase_id, lane_id, 0, title, **dict[str, Any](fields))))
        with self._write() as conn:
            _check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            keys, renumbered = ordering.place(conn, phase_id, lane_id, index, len(new_cards), ())
            rows = []
            for card, key in zip(new_cards, keys, strict=True):
                card.position = key
                values = _touchpoint_values(card, journey_id)
                del values["id"]
                rows.append(values)
            new_ids = conn.execute(
                insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id, sort_by_parameter_order=True), rows
            ).scalars()
            for card, new_id in zip(new_cards, new_ids, strict=True):
                card.id = int(new_id)
            revision = self._touch(
                conn,
                journey_id,
                expected_revision,
                [*(card.id for card in new_cards), *(p.touchpoint_id for p in renumbered.after)],
            )
        return Additions(tuple(new_cards), renumbered, revision)

    def update_touchpoint(
        self,
        touchpoint_id: int,
        *,
        title: str = UNSET,
        notes: str = UNSET,
        channel: str | None = UNSET,
        score: int | None = UNSET,
        expectation: str = UNSET,
        owner: str = UNSET,
        color: str | None = UNSET,
        votes: int = UNSET,
        status: CardStatus | str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Touchpoint]:
        """Change some fields of a card; returns the card as stored, with the journey's new revision."""
        given: dict[str, Any] = {
            "title": title, "notes": notes, "channel": channel, "score": score,
            "expectation": expectation, "owner": owner, "color": color, "votes": votes,
            "status": status,
        }  # fmt: skip
        changes = {k: v for k, v in given.items() if v is not UNSET}
        with self._write() as conn:
            journey_id, found = _cards_of_one_journey(conn, [touchpoint_id])
            _refuse_stale(conn, journey_id, expected_revision)
            [card] = _write_card_fields(conn, found, {touchpoint_id: changes})
            revision = self._touch(conn, journey_id, expected_revision, [touchpoint_id])
        return Revised(card, revision)

    def update_touchpoints(
        self, changes: Mapping[int, Mapping[str, object]], *, expected_revision: int | None = None
    ) -> int:
        """Change fields of several cards at once (card id: its fields by name, as `update_touchpoint` takes them),
        each card's values cleaned and checked as `update_touchpoint` does. One transaction, one revision, one
        change notice: all of it is saved or none (a bad value in any card, a card that is not there, cards of two
        journeys: refused, the library unchanged). Returns the journey's new revision."""
        wanted = {card_id: dict(fields) for card_id, fields in changes.items()}
        if not wanted:
            raise EditError("Select one or more cards to change.")
        for fields in wanted.values():
            _refuse_unknown_fields("update_touchpoints", fields)
        ids = list(wanted)
        with self._write() as conn:
            journey_id, found = _cards_of_one_journey(conn, ids, _TOGETHER)
            _refuse_stale(conn, journey_id, expected_revision)
            _write_card_fields(conn, found, wanted)
            return self._touch(conn, journey_id, expected_revision, ids)

    def move_touchpoints(
        self,
        ids: Sequence[int],
        phase_id: int,
        lane_id: int,
        index: int | None,
        *,
        expected_revision: int | None = None,
    ) -> TouchpointMove:
        """Move cards (in the order given) into a cell, to stand at `index` among the cell's other cards
        (None: at the end). Writes only the moved cards, unless the gap there has run out and the cell's other
        cards are renumbered. Returns the placements before and after, so undo and redo can `arrange` them back,
        and the journey's new revision."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise EditError("Select one or more cards to move.")
        with self._write() as conn:
            journey_id, cards = _cards_of_one_journey(conn, ids)
            _check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            by_id = {t.id: t for t in cards}
            before = tuple(Placement(i, by_id[i].phase_id, by_id[i].lane_id, by_id[i].position) for i in ids)
            keys, renumbered = ordering.place(conn, phase_id, lane_id, index, len(ids), ids)
            after = tuple(Placement(i, phase_id, lane_id, key) for i, key in zip(ids, keys, strict=True))
            _write_placements(conn, after)
            revision = self._touch(
                conn, journey_id, expected_revision, [*ids, *(p.touchpoint_id for p in renumbered.after)]
            )
        return TouchpointMove(before, after, renumbered, revision)

    def arrange(self, placements: Sequence[Placement], *, expected_revision: int | None = None) -> int:
        """Put cards exactly where `placements` say (the inverse of a move, for undo and redo); returns the journey's
        new revision. Refused (EditError) when given no placements: it would name no journey."""
        if not placements:
            raise EditError("Give one or more cards to arrange.")
        with self._write() as conn:
            journey_id = _journey_of_cards(conn, [p.touchpoint_id for p in placements])
            for cell in {(p.phase_id, p.lane_id) for p in placements}:
                _check_cell(conn, journey_id, *cell)
            _write_placements(conn, placements)
            return self._touch(conn, journey_id, expected_revision, [p.touchpoint_id for p in placements])

    def delete_touchpoints(
        self, ids: Sequence[int], *, expected_revision: int | None = None
    ) -> Revised[list[Touchpoint]]:
        """Delete cards; returns them as they were (with their places), for `restore_touchpoints`, with the
        journey's new revision. Refused (EditError) when given no cards: it would name no journey."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise EditError("Select one or more cards to delete.")
        with self._write() as conn:
            journey_id, cards = _cards_of_one_journey(conn, ids)
            conn.execute(delete(TOUCHPOINTS).where(TOUCHPOINTS.c.id.in_(ids)))
            revision = self._touch(conn, journey_id, expected_revision, ids)
        return Revised(cards, revision)

    def restore_touchpoints(
        self, journey_id: int, cards: Sequence[Touchpoint], *, expected_revision: int | None = None
    ) -> int:
        """Put deleted cards back with their ids, each at its old place in its cell; returns the journey's new
        revision."""
        with self._write() as conn:
            _insert_touchpoints(conn, journey_id, cards)
            self._backend.ids_inserted(conn, (TOUCHPOINTS,))
            return self._touch(conn, journey_id, expected_revision, [c.id for c in cards])

    # ------------------------------------------------------------------ named versions (cjmapper.store.versions)

    def list_versions(self, journey_id: int) -> list[VersionInfo]:
        """The journey's saved versions, newest first."""
        with self._read() as conn:
            return versions.list_versions(conn, journey_id)

    def version_info(self, version_id: int) -> VersionInfo:
        with self._read() as conn:
            return versions.version_info(conn, version_id)

    def find_version(self, journey_id: int, ref: str) -> int:
        """The id of the journey's version named `ref` (its exact name, or else its id)."""
        with self._read() as conn:
            return versions.find_version(conn, journey_id, ref)

    def load_version(self, version_id: int) -> Journey:
        """A saved version's content, read-only: the journey as it was, with the ids it had then."""
        with self._read() as conn:
            return versions.load_version(conn, version_id)

    def save_version(self, journey_id: int, name: str, *, expected_revision: int | None = None) -> VersionInfo:
        """Save the journey as it is now under `name` (trimmed, 1 to 100 characters, unique in the journey). The
        returned info's `revision` is the journey's new revision."""
        with self._write() as conn:
            _refuse_stale(conn, journey_id, expected_revision)
            info = versions.save_version(conn, journey_id, name)
            revision = self._touch(conn, journey_id, expected_revision)
        return replace(info, revision=revision)

    def delete_version(self, version_id: int, *, expected_revision: int | None = None) -> VersionRemoval:
        """Delete a saved version; returns it, for `restore_deleted_version`, with the journey's new revision."""
        with self._write() as conn:
            removal = versions.delete_version(conn, version_id)
            revision = self._touch(conn, removal.info.journey_id, expected_revision)
        return replace(removal, revision=revision)

    def restore_deleted_version(self, removal: VersionRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a version that `delete_version` returned, under its own id; returns the journey's new
        revision."""
        with self._write() as conn:
            versions.restore_deleted_version(conn, removal)
            self._backend.ids_inserted(conn, (VERSIONS,))
            return self._touch(conn, removal.info.journey_id, expected_revision)

    def restore_version(self, version_id: int, *, expected_revision: int | None = None) -> Revised[Journey]:
        """Make the version's journey hold the version's content again (fields, phases, lanes and cards, with the
        version's ids where they are the journey's own; see `versions.replace_content`). Returns the journey as it
        was (`replace_journey_content` of it undoes the restore, and of the journey as restored, redoes it), with
        the journey's new revision."""
        with self._write() as conn:
            content = versions.load_version(conn, version_id)
            _refuse_stale(conn, content.id, expected_revision)
            previous = versions.replace_content(conn, content, self._backend.issued_ids)
            revision = self._touch(conn, content.id, expected_revision)
        return Revised(previous, revision)

    def replace_journey_content(self, journey: Journey, *, expected_revision: int | None = None) -> Revised[Journey]:
        """Make journey `journey.id` hold exactly `journey` (fields, phases, lanes and cards, ids and sort keys
        kept, but for ids that are not the journey's own: see `versions.replace_content`). Returns the journey as
        it was, for undo, with the journey's new revision."""
        with self._write() as conn:
            _refuse_stale(conn, journey.id, expected_revision)
            previous = versions.replace_content(conn, journey, self._backend.issued_ids)
            revision = self._touch(conn, journey.id, expected_revision)
        return Revised(previous, revision)


# ---------------------------------------------------------------------- helpers (inside a write transaction)

# The statements every card edit runs, built once: building a statement cost several times what running it does.
_REVISION = select(JOURNEYS.c.revision).where(JOURNEYS.c.id == bindparam("j"))
_BUMP = (
    update(JOURNEYS)
    .where(JOURNEYS.c.id == bindparam("j"))
    .values(revision=JOURNEYS.c.revision + 1)
    .returning(JOURNEYS.c.revision)
)
_BUMP_IF_AT = _BUMP.where(JOURNEYS.c.revision == bindparam("expected"))
_CELL = select(
    select(PHASES.c.journey_id).where(PHASES.c.id == bindparam("phase")).scalar_subquery(),
    select(LANES.c.journey_id).where(LANES.c.id == bindparam("lane")).scalar_subquery(),
    select(LANES.c.kind).where(LANES.c.id == bindparam("lane")).scalar_subquery(),
    _REVISION.scalar_subquery(),
)
"""A cell's phase's journey, its lane's journey, the lane's kind and the journey's revision (each None when
missing), in one row."""
_CARD_JOURNEYS = select(TOUCHPOINTS.c.id, TOUCHPOINTS.c.journey_id).where(
    TOUCHPOINTS.c.id.in_(bindparam("ids", expanding=True))
)
_INSERT_CARD = insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id)
_PLACE = (
    update(TOUCHPOINTS)
    .where(TOUCHPOINTS.c.id == bindparam("tid"))
    .values(phase_id=bindparam("phase"), lane_id=bindparam("lane"), position=bindparam("pos"))
)


def _copy_title(title: str) -> str:
    suffix = " (copy)"
    return title[: MAX_TITLE - len(suffix)] + suffix


def _refuse_stale(conn: Connection, journey_id: int, expected_revision: int | None) -> None:
    """Refuse a stale edit before doing its work, so it holds the write lock only a moment (`Library._touch` checks
    again as it commits). A missing journey is left to the edit's own checks."""
    if expected_revision is None:
        return
    found = conn.execute(_REVISION, {"j": journey_id}).scalar()
    if found is not None and found != expected_revision:
        raise StaleEditError(_STALE)


def _whole(column: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether the column holds a whole number (a forged row may hold text there), without fetching it."""
    return column == cast(column, Integer)


def _delete_journey_rows(conn: Connection, journey_id: int) -> list[tuple[int, int]]:
    """Delete a journey's rows one table at a time, so nothing hangs on cascades a forged library may lack: its cards
    and any card forged onto its phases or lanes, its versions, phases, lanes and the journey. Bumps the revision of
    each other journey whose card went (when it is a whole number); returns those (journey id, new revision)."""
    phases = select(PHASES.c.id).where(PHASES.c.journey_id == journey_id)
    lanes = select(LANES.c.id).where(LANES.c.journey_id == journey_id)
    on_it = or_(
        TOUCHPOINTS.c.journey_id == journey_id, TOUCHPOINTS.c.phase_id.in_(phases), TOUCHPOINTS.c.lane_id.in_(lanes)
    )
    others = conn.execute(
        select(TOUCHPOINTS.c.journey_id)
        .where(on_it, TOUCHPOINTS.c.journey_id != journey_id, _whole(TOUCHPOINTS.c.journey_id))
        .distinct()
    ).scalars()
    bumped: list[tuple[int, int]] = []
    for other in sorted(int(j) for j in others):
        revision = conn.execute(
            update(JOURNEYS)
            .where(JOURNEYS.c.id == other, _whole(JOURNEYS.c.revision))
            .values(revision=JOURNEYS.c.revision + 1)
            .returning(JOURNEYS.c.revision)
        ).scalar()
        if revision is not None:
            bumped.append((other, int(revision)))
    conn.execute(delete(TOUCHPOINTS).where(on_it))
    for table in (VERSIONS, PHASES, LANES):
        conn.execute(delete(table).where(table.c.journey_id == journey_id))
    conn.execute(delete(JOURNEYS).where(JOURNEYS.c.id == journey_id))
    return bumped


def _record(change: JourneyChange) -> None:
    """Note a change for `Library._write` to announce when the transaction commits."""
    _CHANGES.get().append(change)


def _require(conn: Connection, table: Any, item_id: int, what: str) -> None:
    if conn.execute(select(table.c.id).where(table.c.id == item_id)).scalar() is None:
        raise NotFoundError(f"There is no {what} with id {item_id} in this library.")


def _persona_values(persona: Persona | None) -> dict[str, object]:
    if persona is None:
        return {"persona_name": None, "persona_description": "", "persona_goals": "", "persona_frustrations": ""}
    return {
        "persona_name": rules.title(persona.name, MAX_PERSONA_NAME, "persona name"),
        "persona_description": rules.text(persona.description, MAX_TEXT, "persona description"),
        "persona_goals": rules.text(persona.goals, MAX_TEXT, "persona goals"),
        "persona_frustrations": rules.text(persona.frustrations, MAX_TEXT, "persona frustrations"),
    }


def _phase_values(phase: Phase) -> dict[str, object]:
    return {"name": phase.name, "description": phase.description, "color": phase.color}


def _lane_values(lane: Lane) -> dict[str, object]:
    return {"name": lane.name, "kind": lane.kind.value, "color": lane.color}


def _check_lane_update(conn: Connection, lane_id: int, values: Mapping[str, object]) -> None:
    if values.get("kind") == LaneKind.EMOTIONS.value and _lane_has_cards(conn, lane_id):
        raise EditError("An experience (emotions) lane holds no cards; move this lane's cards out first.")


_ItemT = TypeVar("_ItemT", Phase, Lane)
_RemovalT = TypeVar("_RemovalT", PhaseRemoval, LaneRemoval)


@dataclass(frozen=True, slots=True)
class _Structure(Generic[_ItemT, _RemovalT]):
    """What the shared edit bodies need to know of phases or of lanes."""

    what: str
    """"phase" or "lane": for messages and `reading.journey_of`."""
    table: Table
    limit: int
    """How many a journey may have."""
    card_field: str
    """The touchpoint field that names it ("phase_id" or "lane_id")."""
    fields: Mapping[str, Callable[[Any], object]]
    """Each editable field, in the model's order, with the rule that turns a given value into the stored one
    (raising EditError for a bad one)."""
    from_row: Callable[[Row[Any]], _ItemT]
    """The model object from a row of its id and `fields`."""
    stored: Callable[[_ItemT], dict[str, object]]
    """The stored values of a model object's `fields`."""
    find: Callable[[Journey, int], _ItemT]
    removal: Callable[[int, int, _ItemT, tuple[Touchpoint, ...]], _RemovalT]
    check_update: Callable[[Connection, int, Mapping[str, object]], None]
    """Refuses an update the library's contents do not allow (inside the update's transaction)."""

    def clean(self, given: Mapping[str, object]) -> dict[str, object]:
        return {name: self.fields[name](value) for name, value in given.items()}

    def load(self, conn: Connection, item_id: int) -> _ItemT:
        columns = [self.table.c.id, *(self.table.c[name] for name in self.fields)]
        return self.from_row(conn.execute(select(*columns).where(self.table.c.id == item_id)).one())


_PHASES: _Structure[Phase, PhaseRemoval] = _Structure(
    what="phase",
    table=PHASES,
    limit=MAX_PHASES,
    card_field="phase_id",
    fields={
        "name": lambda value: rules.title(value, MAX_NAME, "phase name"),
        "description": lambda value: rules.text(value, MAX_TEXT, "description"),
        "color": rules.color,
    },
    from_row=lambda row: Phase(row.id, row.name, row.description, row.color),
    stored=_phase_values,
    find=Journey.phase,
    removal=PhaseRemoval,
    check_update=lambda conn, phase_id, values: None,
)
_LANES: _Structure[Lane, LaneRemoval] = _Structure(
    what="lane",
    table=LANES,
    limit=MAX_LANES,
    card_field="lane_id",
    fields={
        "name": lambda value: rules.title(value, MAX_NAME, "lane name"),
        "kind": lambda value: rules.lane_kind(value).value,
        "color": rules.color,
    },
    from_row=lambda row: Lane(row.id, row.name, LaneKind(row.kind), row.color),
    stored=_lane_values,
    find=Journey.lane,
    removal=LaneRemoval,
    check_update=_check_lane_update,
)


def _clean_touchpoint(card: Touchpoint) -> Touchpoint:
    """The card with every field through its rule (a new card: `card` is not changed)."""
    return card_fields.cleaned(card)


def _touchpoint_values(card: Touchpoint, journey_id: int | None) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(card, name) for name in TOUCHPOINT_FIELDS}
    if journey_id is not None:
        values["journey_id"] = journey_id
    return values


def _structure_ids(conn: Connection, table: Any, journey_id: int) -> list[int]:
    return [
        int(i)
        for i in conn.execute(
            select(table.c.id).where(table.c.journey_id == journey_id).order_by(table.c.position, table.c.id)
        ).scalars()
    ]


def _write_positions(conn: Connection, table: Any, order: Sequence[int]) -> None:
    for position, item_id in enumerate(order):
        conn.execute(update(table).where(table.c.id == item_id).values(position=position))


def _insert_at(
    conn: Connection, table: Any, journey_id: int, order: list[int], index: int | None, values: dict[str, object]
) -> int:
    """Insert a phase or lane at `index` (None: last) and renumber the others; returns its id."""
    at = len(order) if index is None else max(0, min(index, len(order)))
    new_id = int(
        conn.execute(
            insert(table).values(journey_id=journey_id, position=at, **values).returning(table.c.id)
        ).scalar_one()
    )
    order.insert(at, new_id)
    _write_positions(conn, table, order)
    return new_id


def _move_in_order(conn: Connection, table: Any, journey_id: int, item_id: int, index: int) -> None:
    order = _structure_ids(conn, table, journey_id)
    order.remove(item_id)
    order.insert(max(0, min(index, len(order))), item_id)
    _write_positions(conn, table, order)


def _lane_has_cards(conn: Connection, lane_id: int) -> bool:
    return conn.execute(select(TOUCHPOINTS.c.id).where(TOUCHPOINTS.c.lane_id == lane_id).limit(1)).first() is not None


def _check_cell(
    conn: Connection, journey_id: int, phase_id: int, lane_id: int, expected_revision: int | None = None
) -> None:
    """Refuse a cell that is not the journey's or holds no cards; then, with `expected_revision`, a stale edit (as
    `_refuse_stale`, in the same query)."""
    phase, lane, kind, revision = conn.execute(_CELL, {"phase": phase_id, "lane": lane_id, "j": journey_id}).one()
    if phase != journey_id:
        raise NotFoundError(f"There is no phase with id {phase_id} on this journey.")
    if lane is None or lane != journey_id:
        raise NotFoundError(f"There is no lane with id {lane_id} on this journey.")
    if kind == LaneKind.EMOTIONS.value:
        raise EditError("The experience (emotions) lane holds no cards: it draws the curve from the scores.")
    if expected_revision is not None and revision is not None and revision != expected_revision:
        raise StaleEditError(_STALE)


def _journey_of_cards(conn: Connection, ids: Sequence[int]) -> int:
    """The one journey all these cards belong to (an edit never spans journeys)."""
    return _one_journey(ids, conn.execute(_CARD_JOURNEYS, {"ids": list(ids)}).all())


def _cards_of_one_journey(
    conn: Connection, ids: Sequence[int], refusal: str = _MOVE_WITHIN
) -> tuple[int, list[Touchpoint]]:
    """The one journey all these cards belong to, and the cards (checked as `reading.touchpoints_by_id` does)."""
    rows = reading.card_rows(conn, ids)
    return _one_journey(ids, rows, refusal), reading.checked_cards(rows)


def _one_journey(ids: Sequence[int], rows: Sequence[Any], refusal: str = _MOVE_WITHIN) -> int:
    """The one journey of the cards `ids`, given rows of their id and journey id: refused when one is missing or
    they span journeys (EditError `refusal`)."""
    found = {int(row.id) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"There is no touchpoint with id {missing[0]} in this library.")
    journeys = {int(row.journey_id) for row in rows}
    if len(journeys) != 1:
        raise EditError(refusal)
    return journeys.pop()


_CARD_FIELDS = frozenset(field.name for field in dataclasses.fields(Touchpoint)) - {
    "id",
    "phase_id",
    "lane_id",
    "position",
}
"""The fields of a card that its edits set by name (its place is set by moving it)."""


def _refuse_unknown_fields(method: str, given: Mapping[str, object]) -> None:
    """A field a card does not have is a caller's mistake, as an unknown keyword of `update_touchpoint` is."""
    unknown = sorted(set(given) - _CARD_FIELDS)
    if unknown:
        raise TypeError(f"{method}() got an unexpected card field {unknown[0]!r}")


def _write_card_fields(
    conn: Connection, cards: Sequence[Touchpoint], changes: Mapping[int, Mapping[str, object]]
) -> list[Touchpoint]:
    """Set the given fields of each card (`changes`: card id -> fields by name), each value cleaned and checked as
    the card's rules say (EditError for a bad one); writes only the fields given, one statement per set of field
    names. Returns the cards as stored."""
    stored: list[Touchpoint] = []
    rows: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for found in cards:
        given = changes[found.id]
        card = _clean_touchpoint(replace(found, **dict[str, Any](given)))
        stored.append(card)
        names = tuple(sorted(given))
        if names:
            values = _touchpoint_values(card, None)
            rows.setdefault(names, []).append({"tid": card.id, **{f"new_{name}": values[name] for name in names}})
    for names, parameters in rows.items():
        conn.execute(_card_update(names), parameters)
    return stored


@functools.cache
def _card_update(names: tuple[str, ...]) -> Update:
    """The statement that sets these fields of a card (built once per set of names)."""
    return (
        update(TOUCHPOINTS)
        .where(TOUCHPOINTS.c.id == bindparam("tid"))
        .values({name: bindparam(f"new_{name}") for name in names})
    )


def _write_placements(conn: Connection, placements: Sequence[Placement]) -> None:
    conn.execute(
        _PLACE,
        [{"tid": p.touchpoint_id, "phase": p.phase_id, "lane": p.lane_id, "pos": p.position} for p in placements],
    )


def _insert_touchpoints(conn: Connection, journey_id: int, cards: Sequence[Touchpoint]) -> None:
    """Insert cards with their own ids and sort keys: each lands back at its old place in its cell."""
    if not cards:
        return
    for cell in {(c.phase_id, c.lane_id) for c in cards}:
        _check_cell(conn, journey_id, *cell)
    conn.execute(insert(TOUCHPOINTS), [_touchpoint_values(c, journey_id) for c in cards])


def _insert_journey(conn: Connection, journey: Journey, *, keep_ids: bool, ids: versions.IdMap | None = None) -> int:
    """Insert a whole journey in one go; with keep_ids the ids in `journey` are kept, else new ones are given (and
    noted in `ids`, when given)."""
    head: dict[str, object] = {
        "title": rules.title(journey.title, MAX_TITLE, "journey title"),
        "description": rules.text(journey.description, MAX_TEXT, "description"),
        "language": rules.language(journey.language).value,
        "framework": rules.framework(journey.framework).value,
        "revision": journey.revision + 1 if keep_ids else NEW_JOURNEY_REVISION,
        **_persona_values(journey.persona),
    }
    if keep_ids:
        head["id"] = journey.id
    journey_id = int(conn.execute(insert(JOURNEYS).values(**head).returning(JOURNEYS.c.id)).scalar_one())
    _record(JourneyChange(journey_id, int(str(head["revision"]))))
    noted = ids if ids is not None else versions.IdMap()
    phase_ids = noted.phases
    for position, phase in enumerate(journey.phases):
        values = _phase_values(phase) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = phase.id
        phase_ids[phase.id] = int(conn.execute(insert(PHASES).values(**values).returning(PHASES.c.id)).scalar_one())
    lane_ids = noted.lanes
    for position, lane in enumerate(journey.lanes):
        values = _lane_values(lane) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = lane.id
        lane_ids[lane.id] = int(conn.execute(insert(LANES).values(**values).returning(LANES.c.id)).scalar_one())
    if journey.touchpoints:
        emotions = {lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS}
        rank: dict[Cell, int] = {}
        rows = []
        given: list[int] = []  # each new row's id in `journey`
        for card in journey.touchpoints if keep_ids else journey.ordered_touchpoints():
            if card.lane_id in emotions:
                raise EditError(f"Touchpoint {card.title!r} is on the experience lane, which holds no cards.")
            try:
                values = _touchpoint_values(_clean_touchpoint(replace(card)), journey_id)
                values["phase_id"] = phase_ids[card.phase_id]
                values["lane_id"] = lane_ids[card.lane_id]
            except KeyError:
                raise EditError(f"Touchpoint {card.title!r} names a phase or lane the journey does not have.") from None
            if not keep_ids:
                given.append(card.id)
                del values["id"]
                cell = (card.phase_id, card.lane_id)
                rank[cell] = rank.get(cell, 0) + 1
                values["position"] = rank[cell] * ordering.GAP
            rows.append(values)
        if ids is None or keep_ids:
            conn.execute(insert(TOUCHPOINTS), rows)
        else:
            new_ids = conn.execute(
                insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id, sort_by_parameter_order=True), rows
            ).scalars()
            ids.touchpoints.update(zip(given, (int(i) for i in new_ids), strict=True))
    return journey_id


__all__ = [
    "NEW_JOURNEY_REVISION",
    "UNSET",
    "Additions",
    "CjmapperError",
    "JourneyInfo",
    "LaneRemoval",
    "Library",
    "PhaseRemoval",
    "Placement",
    "Renumbering",
    "Revised",
    "TouchpointAddition",
    "TouchpointMove",
]

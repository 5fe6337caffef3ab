"""The library: one file of journeys (or a team library on a PostgreSQL server), open for reading and writing.

`Library` opens, creates, checks and closes a library, saves a copy of it (`save_as`), reads its journeys, and runs
the write transactions of its edit API, which it inherits from `cjmapper.store.edits.JourneyEdits` (what the edits
return is `cjmapper.store.results`, the rows they write `cjmapper.store.rows`). Opening and creating the file is
`cjmapper.store.library_file`; reading is `reading` and `checks`; versions are `versions`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import (
    Engine,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from cjmapper.errors import CjmapperError, LibraryError, UndecodableTextError
from cjmapper.messages import say
from cjmapper.model import (
    Journey,
    Language,
)
from cjmapper.store import checks, library_file, migrate, reading, sqlite
from cjmapper.store.backend import WRITE_LOCK, Backend, JourneyChange
from cjmapper.store.card_import_edits import CardImportEdits
from cjmapper.store.comment_edits import CommentEdits
from cjmapper.store.edits import JourneyEdits
from cjmapper.store.image_edits import ImageEdits
from cjmapper.store.location import Location, ServerLocation, parse_location
from cjmapper.store.ordering import Placement, Renumbering
from cjmapper.store.reading import JourneyInfo
from cjmapper.store.results import (
    UNSET,
    Additions,
    LaneRemoval,
    PhaseRemoval,
    Revised,
    T,
    TouchpointAddition,
    TouchpointMove,
)
from cjmapper.store.rows import CHANGES, FILE_BUSY_TIMEOUT_MS, NEW_JOURNEY_REVISION
from cjmapper.store.survey_edits import SurveyEdits


class Library(JourneyEdits, SurveyEdits, CardImportEdits, CommentEdits, ImageEdits):
    """An open library: a file, or a team library on a PostgreSQL server. Use `Library.open(path or URL)`; close it
    (or use `with`) when done."""

    def __init__(
        self,
        engine: Engine,
        backend: Backend,
        location: Location,
        created: bool,
        *,
        damage: Sequence[str] = (),
        shared: bool = False,
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
        self.shared = shared
        """True when another window or program had the library open as this one opened it. A file: another `Library`
        of this program, or any program's SQLite connection (the locks it holds, which the system lets go when a
        program crashes, so nothing goes stale). A team library: another editor listening to it (the presence lock
        its listening connection holds, which the server lets go with the connection)."""

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

            engine, backend, created, shared = team.open_team_library(where, busy_timeout_ms)
            return cls(engine, backend, where, created, shared=shared)
        path = where
        busy_timeout_ms = FILE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        if path.is_dir():
            raise LibraryError(
                say("{0} is a folder; give the path of a library file, e.g. {1}.", path, path / "library.cjm")
            )
        sqlite.remove_stale_temporaries(path)
        created = not path.exists()
        if created and not path.parent.is_dir():
            raise LibraryError(say("Cannot create {0}: the folder {1} does not exist.", path.name, path.parent))
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
        shared = not created and sqlite.in_use(path)  # asked before this library's own connections hold the file
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
                raise LibraryError(
                    say("{0} is damaged (its schema holds bytes that are not text).", path.name)
                ) from None
            raise
        return cls(engine, sqlite.SqliteBackend(engine, path), path, created, shared=shared)

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
                say(
                    "{0} is damaged ({1}) beyond what cjmapper can read; restore it from a backup.",
                    path.name,
                    " ".join(damage[0].split()),
                )
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
                say(
                    "Will not write {0}: it is the open library {1} or one of its own files; choose another name.",
                    target,
                    self.name,
                )
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
            raise LibraryError(say("Cannot create the folder {0}: {1}.", path.parent, e.strerror or e)) from None
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
            raise LibraryError(say("{0} is closed.", self.name))
        return self._engine

    def save_as(self, target: Path | str) -> None:
        """Write a consistent copy of the whole library to `target` (SQLite's backup API), replacing what is there:
        afterwards `target` holds exactly this library, with this file's mode, whatever lay there before (an older
        library with its WAL, a crash's leftovers, another file). A target another program holds open is refused,
        and left as it was. A crash leaves `target` as it was or the whole copy (see `sqlite.backup_to`)."""
        target = Path(target).expanduser().absolute()
        if self.path is None:
            raise LibraryError(
                say("A team library lives on its server; copy its journeys into a local library instead.")
            )
        own = self.path
        if self.owns_file(target):
            raise LibraryError(
                say(
                    "Save the library under another name: {0} is the open library {1} or one of its own files.",
                    target.name,
                    own.name,
                )
            )
        for suffix in sqlite.SIDECARS:  # another library's -wal, -shm or -journal
            if target.name.endswith(suffix) and target.with_name(target.name.removesuffix(suffix)).exists():
                belongs = target.name.removesuffix(suffix)
                raise LibraryError(
                    say("Save the library under another name: {0} is SQLite's file of {1}.", target.name, belongs)
                )
        if not target.parent.is_dir():
            raise LibraryError(say("Cannot save {0}: the folder {1} does not exist.", target.name, target.parent))
        if target.is_dir():
            raise LibraryError(say("Cannot save the library as {0}: that is a folder.", target.name))
        if target.exists() and not target.is_file():
            raise LibraryError(say("Cannot save the library as {0}: that is not a regular file.", target.name))
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
            raise LibraryError(say("{0} is damaged: what it holds cannot be read ({1}).", self.name, e)) from None

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
        self, read: Callable[[Connection, int], list[T]], unreadable: Callable[[int], list[T]]
    ) -> list[T]:
        """`read` of each journey on its own, `unreadable` of those holding text that is not UTF-8."""
        with self._read() as conn:
            ids = reading.journey_ids(conn)
        found: list[T] = []
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
                say(
                    "{0} is damaged and open read-only: the change was not saved. Export its journeys (export-all) "
                    "and import them into a new library.",
                    self.name,
                )
            )
        try:
            with self.engine.connect().execution_options(**{WRITE_LOCK: True}) as conn, conn.begin():
                changes: list[JourneyChange] = []
                noting = CHANGES.set(changes)
                try:
                    yield conn
                finally:
                    CHANGES.reset(noting)
                if changes:
                    self._backend.announce(conn, changes)
        except DBAPIError as e:
            raise self._backend.translate(e) from None
        except SQLAlchemyError as e:
            raise LibraryError(say("{0}: the change was not saved ({1}).", self.name, e)) from None


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

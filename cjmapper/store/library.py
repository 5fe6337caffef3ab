"""The library: one file of journeys, and the edit API that is the only way to change it.

Every edit method is one transaction, durable when it returns (there is no separate Save), bumps the journey's
revision, and raises a `CjmapperError` with the library unchanged when it cannot be done. Edit methods take and
return ids and model value objects, never ORM instances, so undo commands can hold ids.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from cjmapper import __version__, rules
from cjmapper.errors import CjmapperError, EditError, LibraryError, NewerLibraryError, NotFoundError
from cjmapper.model import (
    MAX_LANES,
    MAX_NAME,
    MAX_OWNER,
    MAX_PERSONA_NAME,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    Persona,
    Phase,
    Touchpoint,
)
from cjmapper.store import migrate, ordering, reading, sqlite
from cjmapper.store.reading import JourneyInfo
from cjmapper.store.tables import JOURNEYS, LANES, META, PHASES, TOUCHPOINTS


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one card stands: its cell and its sort key there (see `cjmapper.store.ordering`)."""

    touchpoint_id: int
    phase_id: int
    lane_id: int
    position: int


Cell = tuple[int, int]
"""A cell of the map: (phase id, lane id)."""


class _Unset:
    """Marks an edit argument that was not given (None is a real value for persona, colour and score)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class PhaseRemoval:
    """What `delete_phase` took out, so `restore_phase` can put it back exactly (same ids and places)."""

    journey_id: int
    index: int
    phase: Phase
    touchpoints: tuple[Touchpoint, ...]


@dataclass(frozen=True, slots=True)
class LaneRemoval:
    journey_id: int
    index: int
    lane: Lane
    touchpoints: tuple[Touchpoint, ...]


class Library:
    """An open library file. Use `Library.open(path)`; close it (or use `with`) when done."""

    def __init__(self, engine: Engine, path: Path, created: bool) -> None:
        self._engine: Engine | None = engine
        self.path = path
        self.created = created
        """True when this open created the file."""
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout_ms: int = 2000) -> Library:
        """Open the library at `path`, creating an empty one when nothing is there but the folder exists.

        Anything that is not a usable library is refused with one clear `LibraryError`, its bytes untouched."""
        path = Path(path).expanduser().absolute()
        if path.is_dir():
            raise LibraryError(f"{path} is a folder; give the path of a library file, e.g. {path / 'library.cjm'}.")
        created = not path.exists()
        if created and not path.parent.is_dir():
            raise LibraryError(f"Cannot create {path.name}: the folder {path.parent} does not exist.")
        if not created:
            sqlite.check_existing_file(path)
        engine = sqlite.make_engine(path, busy_timeout_ms)
        try:
            with engine.connect() as conn:
                if created:
                    _create_schema(conn)
                else:
                    _prepare_existing(conn, engine, path)
        except BaseException as e:
            engine.dispose()
            if created:
                _remove_library_files(path)
            if isinstance(e, DBAPIError):
                raise sqlite.translate(e, path.name) from None
            raise
        return cls(engine, path, created)

    @classmethod
    def open_default(cls, language: Language | str | None = None) -> Library:
        """Open the user's default library, creating it with the example journey on first run."""
        from cjmapper.i18n import system_language
        from cjmapper.paths import default_library_path
        from cjmapper.templates import load_example

        path = default_library_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryError(f"Cannot create the folder {path.parent}: {e.strerror or e}.") from None
        library = cls.open(path)
        if library.created:
            library.create_journey(load_example(language or system_language()))
        return library

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise LibraryError(f"{self.path.name} is closed.")
        return self._engine

    def save_as(self, target: Path | str) -> None:
        """Write a consistent copy of the whole library to `target` (SQLite's backup API), replacing it."""
        target = Path(target).expanduser().absolute()
        if target == self.path:
            raise LibraryError("Save the library under another name: that is the open library itself.")
        if not target.parent.is_dir():
            raise LibraryError(f"Cannot save {target.name}: the folder {target.parent} does not exist.")
        sqlite.backup_to(self.engine, target)

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as e:
            raise sqlite.translate(e, self.path.name) from None

    def list_journeys(self) -> list[JourneyInfo]:
        with self._read() as conn:
            return reading.list_journeys(conn)

    def load_journey(self, journey_id: int) -> Journey:
        with self._read() as conn:
            return reading.load_journey(conn, journey_id)

    def find_journey(self, ref: str) -> int:
        """The id of the journey named by `ref`: its id, or its exact title."""
        with self._read() as conn:
            return reading.find_journey(conn, ref)

    def revision(self, journey_id: int) -> int:
        with self._read() as conn:
            found = conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).scalar()
        if found is None:
            raise NotFoundError(f"There is no journey with id {journey_id} in this library.")
        return int(found)

    # ------------------------------------------------------------------ the write path

    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction holding the write lock from its start; committed (durable) when the block ends."""
        try:
            with self._sessions() as session, session.begin():
                session.connection(execution_options={sqlite.IMMEDIATE: True})
                yield session
        except DBAPIError as e:
            raise sqlite.translate(e, self.path.name) from None
        except SQLAlchemyError as e:
            raise LibraryError(f"{self.path.name}: the change was not saved ({e}).") from None

    @staticmethod
    def _touch(session: Session, journey_id: int) -> None:
        session.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(revision=JOURNEYS.c.revision + 1))

    # ------------------------------------------------------------------ journeys

    def create_journey(self, journey: Journey) -> int:
        """Add a whole journey (ids inside `journey` are only references between its parts). Returns its id."""
        with self._write() as s:
            return _insert_journey(s, journey, keep_ids=False)

    def restore_journey(self, journey: Journey) -> None:
        """Put back a journey that `delete_journey` returned, with all its original ids."""
        with self._write() as s:
            _insert_journey(s, journey, keep_ids=True)

    def delete_journey(self, journey_id: int) -> Journey:
        """Delete a journey and everything on it; returns it whole, for undo."""
        with self._write() as s:
            journey = reading.load_journey(s.connection(), journey_id)
            s.execute(delete(JOURNEYS).where(JOURNEYS.c.id == journey_id))
        return journey

    def duplicate_journey(self, journey_id: int, title: str | None = None) -> int:
        with self._write() as s:
            journey = reading.load_journey(s.connection(), journey_id)
            journey.title = rules.title(title if title is not None else _copy_title(journey.title), MAX_TITLE, "title")
            return _insert_journey(s, journey, keep_ids=False)

    def update_journey(
        self,
        journey_id: int,
        *,
        title: str = UNSET,
        description: str = UNSET,
        language: Language | str = UNSET,
        framework: Framework | str = UNSET,
        persona: Persona | None = UNSET,
    ) -> None:
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
        with self._write() as s:
            _require(s, JOURNEYS, journey_id, "journey")
            if values:
                s.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(**values))
            self._touch(s, journey_id)

    # ------------------------------------------------------------------ phases and lanes

    def add_phase(
        self, journey_id: int, name: str, *, index: int | None = None, description: str = "", color: str | None = None
    ) -> Phase:
        name = rules.title(name, MAX_NAME, "phase name")
        phase = Phase(0, name, rules.text(description, MAX_TEXT, "description"), rules.color(color))
        with self._write() as s:
            _require(s, JOURNEYS, journey_id, "journey")
            order = _structure_ids(s, PHASES, journey_id)
            if len(order) >= MAX_PHASES:
                raise EditError(f"A journey has at most {MAX_PHASES} phases.")
            phase.id = _insert_at(s, PHASES, journey_id, order, index, _phase_values(phase))
            self._touch(s, journey_id)
        return phase

    def update_phase(
        self, phase_id: int, *, name: str = UNSET, description: str = UNSET, color: str | None = UNSET
    ) -> Phase:
        values: dict[str, object] = {}
        if name is not UNSET:
            values["name"] = rules.title(name, MAX_NAME, "phase name")
        if description is not UNSET:
            values["description"] = rules.text(description, MAX_TEXT, "description")
        if color is not UNSET:
            values["color"] = rules.color(color)
        with self._write() as s:
            journey_id = reading.journey_of(s.connection(), "phase", phase_id)
            if values:
                s.execute(update(PHASES).where(PHASES.c.id == phase_id).values(**values))
            self._touch(s, journey_id)
            row = s.execute(
                select(PHASES.c.id, PHASES.c.name, PHASES.c.description, PHASES.c.color).where(PHASES.c.id == phase_id)
            ).one()
        return Phase(*row)

    def move_phase(self, phase_id: int, index: int) -> None:
        """Move a phase to `index` among the journey's phases (0 = leftmost)."""
        with self._write() as s:
            journey_id = reading.journey_of(s.connection(), "phase", phase_id)
            _move_in_order(s, PHASES, journey_id, phase_id, index)
            self._touch(s, journey_id)

    def delete_phase(self, phase_id: int) -> PhaseRemoval:
        """Delete a phase with its cards; returns what was removed, for `restore_phase`."""
        with self._write() as s:
            conn = s.connection()
            journey_id = reading.journey_of(conn, "phase", phase_id)
            order = _structure_ids(s, PHASES, journey_id)
            if len(order) <= 1:
                raise EditError("A journey keeps at least one phase.")
            journey = reading.load_journey(conn, journey_id)
            removal = PhaseRemoval(
                journey_id,
                order.index(phase_id),
                journey.phase(phase_id),
                tuple(t for t in journey.touchpoints if t.phase_id == phase_id),
            )
            s.execute(delete(PHASES).where(PHASES.c.id == phase_id))
            order.remove(phase_id)
            _write_positions(s, PHASES, order)
            self._touch(s, journey_id)
        return removal

    def restore_phase(self, removal: PhaseRemoval) -> None:
        with self._write() as s:
            order = _structure_ids(s, PHASES, removal.journey_id)
            values = _phase_values(removal.phase) | {"id": removal.phase.id}
            _insert_at(s, PHASES, removal.journey_id, order, removal.index, values)
            _insert_touchpoints(s, removal.journey_id, removal.touchpoints)
            self._touch(s, removal.journey_id)

    def add_lane(
        self,
        journey_id: int,
        name: str,
        kind: LaneKind | str = LaneKind.TOUCHPOINTS,
        *,
        index: int | None = None,
        color: str | None = None,
    ) -> Lane:
        lane = Lane(0, rules.title(name, MAX_NAME, "lane name"), rules.lane_kind(kind), rules.color(color))
        with self._write() as s:
            _require(s, JOURNEYS, journey_id, "journey")
            order = _structure_ids(s, LANES, journey_id)
            if len(order) >= MAX_LANES:
                raise EditError(f"A journey has at most {MAX_LANES} lanes.")
            lane.id = _insert_at(s, LANES, journey_id, order, index, _lane_values(lane))
            self._touch(s, journey_id)
        return lane

    def update_lane(
        self, lane_id: int, *, name: str = UNSET, kind: LaneKind | str = UNSET, color: str | None = UNSET
    ) -> Lane:
        values: dict[str, object] = {}
        if name is not UNSET:
            values["name"] = rules.title(name, MAX_NAME, "lane name")
        if kind is not UNSET:
            values["kind"] = rules.lane_kind(kind).value
        if color is not UNSET:
            values["color"] = rules.color(color)
        with self._write() as s:
            journey_id = reading.journey_of(s.connection(), "lane", lane_id)
            if values.get("kind") == LaneKind.EMOTIONS.value and _lane_has_cards(s, lane_id):
                raise EditError("An experience (emotions) lane holds no cards; move this lane's cards out first.")
            if values:
                s.execute(update(LANES).where(LANES.c.id == lane_id).values(**values))
            self._touch(s, journey_id)
            row = s.execute(
                select(LANES.c.id, LANES.c.name, LANES.c.kind, LANES.c.color).where(LANES.c.id == lane_id)
            ).one()
        return Lane(row.id, row.name, LaneKind(row.kind), row.color)

    def move_lane(self, lane_id: int, index: int) -> None:
        """Move a lane to `index` among the journey's lanes (0 = top)."""
        with self._write() as s:
            journey_id = reading.journey_of(s.connection(), "lane", lane_id)
            _move_in_order(s, LANES, journey_id, lane_id, index)
            self._touch(s, journey_id)

    def delete_lane(self, lane_id: int) -> LaneRemoval:
        with self._write() as s:
            conn = s.connection()
            journey_id = reading.journey_of(conn, "lane", lane_id)
            order = _structure_ids(s, LANES, journey_id)
            if len(order) <= 1:
                raise EditError("A journey keeps at least one lane.")
            journey = reading.load_journey(conn, journey_id)
            removal = LaneRemoval(
                journey_id,
                order.index(lane_id),
                journey.lane(lane_id),
                tuple(t for t in journey.touchpoints if t.lane_id == lane_id),
            )
            s.execute(delete(LANES).where(LANES.c.id == lane_id))
            order.remove(lane_id)
            _write_positions(s, LANES, order)
            self._touch(s, journey_id)
        return removal

    def restore_lane(self, removal: LaneRemoval) -> None:
        with self._write() as s:
            order = _structure_ids(s, LANES, removal.journey_id)
            values = _lane_values(removal.lane) | {"id": removal.lane.id}
            _insert_at(s, LANES, removal.journey_id, order, removal.index, values)
            _insert_touchpoints(s, removal.journey_id, removal.touchpoints)
            self._touch(s, removal.journey_id)

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
    ) -> Touchpoint:
        """Add a card to a cell at `index` (None: at the end). Returns it with its new id and position."""
        card = _clean_touchpoint(
            Touchpoint(0, phase_id, lane_id, 0, title, notes, channel, score, expectation, owner, color, votes)
        )
        with self._write() as s:
            _check_cell(s, journey_id, phase_id, lane_id)
            [card.position] = ordering.place(s.connection(), phase_id, lane_id, index, 1, ())
            values = _touchpoint_values(card, journey_id)
            del values["id"]
            card.id = int(s.execute(insert(TOUCHPOINTS).values(**values).returning(TOUCHPOINTS.c.id)).scalar_one())
            self._touch(s, journey_id)
        return card

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
    ) -> Touchpoint:
        """Change some fields of a card; returns the card as stored."""
        given: dict[str, Any] = {
            "title": title, "notes": notes, "channel": channel, "score": score,
            "expectation": expectation, "owner": owner, "color": color, "votes": votes,
        }  # fmt: skip
        changes = {k: v for k, v in given.items() if v is not UNSET}
        with self._write() as s:
            conn = s.connection()
            found = reading.touchpoints_by_id(conn, [touchpoint_id])
            if not found:
                raise NotFoundError(f"There is no touchpoint with id {touchpoint_id} in this library.")
            card = _clean_touchpoint(replace(found[0], **changes))
            values = _touchpoint_values(card, None)
            s.execute(
                update(TOUCHPOINTS).where(TOUCHPOINTS.c.id == touchpoint_id).values({k: values[k] for k in changes})
            )
            self._touch(s, reading.journey_of(conn, "touchpoint", touchpoint_id))
        return card

    def move_touchpoints(
        self, ids: Sequence[int], phase_id: int, lane_id: int, index: int | None
    ) -> tuple[list[Placement], list[Placement]]:
        """Move cards (in the order given) into a cell, to stand at `index` among the cell's other cards
        (None: at the end). Writes only the moved cards. Returns their placements before and after, so undo
        and redo can `arrange` them back."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise EditError("Select one or more cards to move.")
        with self._write() as s:
            conn = s.connection()
            journey_id = _journey_of_cards(conn, ids)
            _check_cell(s, journey_id, phase_id, lane_id)
            by_id = {t.id: t for t in reading.touchpoints_by_id(conn, ids)}
            before = [Placement(i, by_id[i].phase_id, by_id[i].lane_id, by_id[i].position) for i in ids]
            keys = ordering.place(conn, phase_id, lane_id, index, len(ids), ids)
            after = [Placement(i, phase_id, lane_id, key) for i, key in zip(ids, keys, strict=True)]
            _write_placements(conn, after)
            self._touch(s, journey_id)
        return before, after

    def arrange(self, placements: Sequence[Placement]) -> None:
        """Put cards exactly where `placements` say (the inverse of a move, for undo and redo)."""
        if not placements:
            return
        with self._write() as s:
            conn = s.connection()
            journey_id = _journey_of_cards(conn, [p.touchpoint_id for p in placements])
            for cell in {(p.phase_id, p.lane_id) for p in placements}:
                _check_cell(s, journey_id, *cell)
            _write_placements(conn, placements)
            self._touch(s, journey_id)

    def delete_touchpoints(self, ids: Sequence[int]) -> list[Touchpoint]:
        """Delete cards; returns them as they were (with their places), for `restore_touchpoints`."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        with self._write() as s:
            conn = s.connection()
            journey_id = _journey_of_cards(conn, ids)
            cards = reading.touchpoints_by_id(conn, ids)
            s.execute(delete(TOUCHPOINTS).where(TOUCHPOINTS.c.id.in_(ids)))
            self._touch(s, journey_id)
        return cards

    def restore_touchpoints(self, journey_id: int, cards: Sequence[Touchpoint]) -> None:
        """Put deleted cards back with their ids, each at its old place in its cell."""
        with self._write() as s:
            _insert_touchpoints(s, journey_id, cards)
            self._touch(s, journey_id)


# ---------------------------------------------------------------------- helpers (inside a write transaction)


def _create_schema(conn: Connection) -> None:
    with conn.begin():
        sqlite.stamp_application_id(conn)
        migrate.upgrade(conn)
        conn.execute(
            insert(META),
            [
                {"key": "format", "value": str(migrate.FORMAT)},
                {"key": "created_by", "value": __version__},
                {"key": "written_by", "value": __version__},
            ],
        )
    sqlite.checkpoint(conn)


def _prepare_existing(conn: Connection, engine: Engine, path: Path) -> None:
    """Check an existing library's format; upgrade an older one after backing it up. Writes nothing otherwise."""
    with conn.begin():
        revision = migrate.current_revision(conn)
        written_by = None
        if revision is not None:
            written_by = conn.execute(select(META.c.value).where(META.c.key == "written_by")).scalar()
    if revision is None:
        raise LibraryError(f"{path.name} is damaged: it has no cjmapper tables.")
    if revision not in migrate.REVISIONS:
        number = migrate.format_of(revision)
        if number is not None and number > migrate.FORMAT:
            by = f", written by cjmapper {written_by}" if written_by else ""
            raise NewerLibraryError(
                f"{path.name} comes from a newer cjmapper (library format {number}{by}); "
                f"this cjmapper {__version__} reads library formats up to {migrate.FORMAT}. "
                "Update cjmapper to open it."
            )
        raise LibraryError(f"{path.name} has an unknown library format ({revision!r}).")
    if revision != migrate.HEAD:
        backup = _backup_path(path, revision)
        sqlite.backup_to(engine, backup)
        with conn.execution_options(**{sqlite.IMMEDIATE: True}).begin():
            migrate.upgrade(conn)
            conn.execute(update(META).where(META.c.key == "format").values(value=str(migrate.FORMAT)))
            conn.execute(update(META).where(META.c.key == "written_by").values(value=__version__))
        sqlite.checkpoint(conn)
    # Take the write lock once and let it go: a library another program holds is refused now, not mid-edit.
    with conn.execution_options(**{sqlite.IMMEDIATE: True}).begin() as txn:
        txn.rollback()


def _backup_path(path: Path, revision: str) -> Path:
    candidate = path.with_name(f"{path.name}.format{int(revision)}.bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.format{int(revision)}.{n}.bak")
        n += 1
    return candidate


def _remove_library_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _copy_title(title: str) -> str:
    suffix = " (copy)"
    return title[: MAX_TITLE - len(suffix)] + suffix


def _require(s: Session, table: Any, item_id: int, what: str) -> None:
    if s.execute(select(table.c.id).where(table.c.id == item_id)).scalar() is None:
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


def _clean_touchpoint(card: Touchpoint) -> Touchpoint:
    card.title = rules.title(card.title, MAX_TITLE, "touchpoint title")
    card.notes = rules.text(card.notes, MAX_TEXT, "notes")
    card.channel = rules.channel(card.channel)
    card.score = rules.score(card.score)
    card.expectation = rules.text(card.expectation, MAX_TEXT, "expectation")
    card.owner = rules.text(card.owner, MAX_OWNER, "owner")
    card.color = rules.color(card.color)
    card.votes = rules.votes(card.votes)
    return card


def _touchpoint_values(card: Touchpoint, journey_id: int | None) -> dict[str, object]:
    values: dict[str, object] = {
        "id": card.id,
        "phase_id": card.phase_id,
        "lane_id": card.lane_id,
        "position": card.position,
        "title": card.title,
        "notes": card.notes,
        "channel": card.channel,
        "score": card.score,
        "expectation": card.expectation,
        "owner": card.owner,
        "color": card.color,
        "votes": card.votes,
    }
    if journey_id is not None:
        values["journey_id"] = journey_id
    return values


def _structure_ids(s: Session, table: Any, journey_id: int) -> list[int]:
    return [
        int(i)
        for i in s.execute(
            select(table.c.id).where(table.c.journey_id == journey_id).order_by(table.c.position, table.c.id)
        ).scalars()
    ]


def _write_positions(s: Session, table: Any, order: Sequence[int]) -> None:
    for position, item_id in enumerate(order):
        s.execute(update(table).where(table.c.id == item_id).values(position=position))


def _insert_at(
    s: Session, table: Any, journey_id: int, order: list[int], index: int | None, values: dict[str, object]
) -> int:
    """Insert a phase or lane at `index` (None: last) and renumber the others; returns its id."""
    at = len(order) if index is None else max(0, min(index, len(order)))
    new_id = int(
        s.execute(insert(table).values(journey_id=journey_id, position=at, **values).returning(table.c.id)).scalar_one()
    )
    order.insert(at, new_id)
    _write_positions(s, table, order)
    return new_id


def _move_in_order(s: Session, table: Any, journey_id: int, item_id: int, index: int) -> None:
    order = _structure_ids(s, table, journey_id)
    order.remove(item_id)
    order.insert(max(0, min(index, len(order))), item_id)
    _write_positions(s, table, order)


def _lane_has_cards(s: Session, lane_id: int) -> bool:
    return s.execute(select(TOUCHPOINTS.c.id).where(TOUCHPOINTS.c.lane_id == lane_id).limit(1)).first() is not None


def _check_cell(s: Session, journey_id: int, phase_id: int, lane_id: int) -> None:
    phase = s.execute(select(PHASES.c.journey_id).where(PHASES.c.id == phase_id)).scalar()
    lane = s.execute(select(LANES.c.journey_id, LANES.c.kind).where(LANES.c.id == lane_id)).one_or_none()
    if phase != journey_id:
        raise NotFoundError(f"There is no phase with id {phase_id} on this journey.")
    if lane is None or lane.journey_id != journey_id:
        raise NotFoundError(f"There is no lane with id {lane_id} on this journey.")
    if lane.kind == LaneKind.EMOTIONS.value:
        raise EditError("The experience (emotions) lane holds no cards: it draws the curve from the scores.")


def _journey_of_cards(conn: Connection, ids: Sequence[int]) -> int:
    """The one journey all these cards belong to (an edit never spans journeys)."""
    rows = conn.execute(select(TOUCHPOINTS.c.id, TOUCHPOINTS.c.journey_id).where(TOUCHPOINTS.c.id.in_(ids))).all()
    found = {int(row.id) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"There is no touchpoint with id {missing[0]} in this library.")
    journeys = {int(row.journey_id) for row in rows}
    if len(journeys) != 1:
        raise EditError("Cards can only move within their own journey.")
    return journeys.pop()


def _write_placements(conn: Connection, placements: Sequence[Placement]) -> None:
    conn.execute(
        update(TOUCHPOINTS)
        .where(TOUCHPOINTS.c.id == bindparam("tid"))
        .values(phase_id=bindparam("phase"), lane_id=bindparam("lane"), position=bindparam("pos")),
        [{"tid": p.touchpoint_id, "phase": p.phase_id, "lane": p.lane_id, "pos": p.position} for p in placements],
    )


def _insert_touchpoints(s: Session, journey_id: int, cards: Sequence[Touchpoint]) -> None:
    """Insert cards with their own ids and sort keys: each lands back at its old place in its cell."""
    if not cards:
        return
    for cell in {(c.phase_id, c.lane_id) for c in cards}:
        _check_cell(s, journey_id, *cell)
    s.connection().execute(insert(TOUCHPOINTS), [_touchpoint_values(c, journey_id) for c in cards])


def _insert_journey(s: Session, journey: Journey, *, keep_ids: bool) -> int:
    """Insert a whole journey in one go; with keep_ids the ids in `journey` are kept, else new ones are given."""
    conn = s.connection()
    head: dict[str, object] = {
        "title": rules.title(journey.title, MAX_TITLE, "journey title"),
        "description": rules.text(journey.description, MAX_TEXT, "description"),
        "language": rules.language(journey.language).value,
        "framework": rules.framework(journey.framework).value,
        "revision": journey.revision + 1 if keep_ids else 0,
        **_persona_values(journey.persona),
    }
    if keep_ids:
        head["id"] = journey.id
    journey_id = int(conn.execute(insert(JOURNEYS).values(**head).returning(JOURNEYS.c.id)).scalar_one())
    phase_ids: dict[int, int] = {}
    for position, phase in enumerate(journey.phases):
        values = _phase_values(phase) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = phase.id
        phase_ids[phase.id] = int(conn.execute(insert(PHASES).values(**values).returning(PHASES.c.id)).scalar_one())
    lane_ids: dict[int, int] = {}
    for position, lane in enumerate(journey.lanes):
        values = _lane_values(lane) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = lane.id
        lane_ids[lane.id] = int(conn.execute(insert(LANES).values(**values).returning(LANES.c.id)).scalar_one())
    if journey.touchpoints:
        emotions = {lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS}
        rank: dict[Cell, int] = {}
        rows = []
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
                del values["id"]
                cell = (card.phase_id, card.lane_id)
                rank[cell] = rank.get(cell, 0) + 1
                values["position"] = rank[cell] * ordering.GAP
            rows.append(values)
        conn.execute(insert(TOUCHPOINTS), rows)
    return journey_id


__all__ = [
    "UNSET",
    "CjmapperError",
    "JourneyInfo",
    "LaneRemoval",
    "Library",
    "PhaseRemoval",
    "Placement",
]

"""What the library store asks of a database backend (`sqlite` for files, `postgres` for team libraries).

The store itself speaks portable SQLAlchemy; a backend supplies the few things that differ: how a transaction takes
the write lock, how others learn of a commit, how errors are worded, and the file or server checks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from cjmapper.errors import LibraryError

WRITE_LOCK = "cjm_write_lock"
"""Execution option: the transaction takes the library's write lock at its start, so writers run one at a time
(SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock)."""

MAX_NOTICE_CARDS = 200
"""A change notice names at most this many cards; a bigger edit is announced as "anything may have changed"."""


@dataclass(frozen=True, slots=True)
class JourneyChange:
    """What one committed edit did to one journey, as other editors learn it."""

    journey_id: int
    revision: int | None
    """The journey's revision after the edit; None when the journey was deleted."""
    touchpoints: tuple[int, ...] | None = None
    """The cards the edit wrote, when it wrote nothing but cards; None when any part may have changed."""

    def payload(self) -> str:
        """The compact text a PostgreSQL notice carries (well under its 8,000-byte limit)."""
        data: dict[str, object] = {"j": self.journey_id, "r": self.revision}
        if self.touchpoints is not None and len(self.touchpoints) <= MAX_NOTICE_CARDS:
            data["t"] = list(self.touchpoints)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_payload(cls, text: str) -> JourneyChange | None:
        """The change a notice describes, or None for a notice that is not one of ours."""
        try:
            data = json.loads(text)
            journey_id, revision, cards = data["j"], data["r"], data.get("t")
        except (ValueError, TypeError, KeyError):
            return None
        if not isinstance(journey_id, int) or not (revision is None or isinstance(revision, int)):
            return None
        if cards is not None and not (isinstance(cards, list) and all(isinstance(c, int) for c in cards)):
            return None
        return cls(journey_id, revision, None if cards is None else tuple(cards))


class Backend(Protocol):
    name: str
    """How messages name the library: its file name, or `database on host`."""
    read_options: dict[str, object]
    """Execution options that make a reading transaction see one consistent snapshot of the library."""

    def translate(self, error: BaseException) -> LibraryError:
        """One clear sentence for a database error, in the user's terms."""
        ...

    def change_counter(self) -> int:
        """A number that moves whenever anyone commits to the library; cheap to call often."""
        ...

    def journey_revisions(self, read: Callable[[], dict[int, int]]) -> dict[int, int]:
        """Every journey's revision by id; `read` queries them (a backend that is told of changes may not need to)."""
        ...

    def announce(self, conn: Connection, changes: Sequence[JourneyChange]) -> None:
        """Inside a write transaction, just before it commits: tell other editors what it changes."""
        ...

    def integrity_problems(self, *, full: bool) -> list[str]:
        """What the database's own check finds wrong ([] when sound)."""
        ...

    def issued_ids(self, conn: Connection, table: Table) -> int:
        """The highest id `table` has handed out (0: none yet). Ids at or below it are never handed out again (a
        deleted row's id stays its own); every id above it may be handed out to the next new row."""
        ...

    def ids_inserted(self, conn: Connection, tables: Sequence[Table]) -> None:
        """Inside a write transaction that inserted rows with ids of their own: make the tables hand out only ids
        past every row's from now on."""
        ...

    def notice_socket(self) -> int | None:
        """A socket that turns readable when a change notice arrives, for an event loop to watch; None when the
        backend has none (a file) or is not listening now."""
        ...

    def close(self) -> None: ...

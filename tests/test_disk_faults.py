"""Disk faults: when a write fails (disk full, file turned read-only, I/O error) the edit is rolled back in the model
and on the canvas, the user gets one clear message, no undo step is pushed and the library is unchanged.

Faults are injected three ways: the driver's COMMIT raising SQLite's own error (what a full disk or a failing
drive does at commit in WAL mode), `PRAGMA max_page_count` so the file really cannot grow (SQLITE_FULL from SQLite
itself), and `PRAGMA query_only` so SQLite refuses to write (SQLITE_READONLY, as for a file that turned read-only:
cjmapper runs as root in CI, where mode bits do not stop writes through an open descriptor)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Connection

from cjmapper.errors import LibraryError
from cjmapper.interchange import write_journey
from cjmapper.model import MAX_TEXT
from cjmapper.store import Library
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

FAULTS = {
    "disk full": ("database or disk is full", "The disk holding faulty.cjm is full: the change was not saved."),
    "read-only": ("attempt to write a readonly database", "faulty.cjm is read-only: the change was not saved."),
    "I/O error": ("disk I/O error", "The disk holding faulty.cjm reported an I/O error: the change was not saved."),
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "faulty.cjm"
    with Library.open(target) as lib:
        lib.create_journey(sample_journey("Faulty journey"))
    return target


def fail_commits(monkeypatch: pytest.MonkeyPatch, library: Library, message: str) -> list[str]:
    """Every COMMIT of `library` raises SQLite's error `message` (the transaction is then rolled back)."""
    attempts: list[str] = []

    def failing_commit(_dbapi_connection: Any) -> None:
        attempts.append(message)
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(library.engine.dialect, "do_commit", failing_commit)
    return attempts


def cap_file_size(library: Library) -> Callable[[], None]:
    """Let the file not grow by a single page (SQLite then says "database or disk is full"); returns the undo."""

    def cap(conn: Connection) -> None:
        conn.exec_driver_sql("PRAGMA max_page_count = 1")  # SQLite keeps it at the current size

    event.listen(library.engine, "begin", cap)
    return lambda: event.remove(library.engine, "begin", cap)


def forbid_writes(library: Library) -> Callable[[], None]:
    """SQLite refuses every write (SQLITE_READONLY) until the returned function is called."""
    forbidden = [True]

    def forbid(dbapi_connection: sqlite3.Connection, _record: Any, _proxy: Any) -> None:
        dbapi_connection.execute(f"PRAGMA query_only = {'ON' if forbidden[0] else 'OFF'}")

    event.listen(library.engine.pool, "checkout", forbid)
    return lambda: forbidden.__setitem__(0, False)


def content(path: Path) -> str:
    """The library's journeys as a fresh reopen reads them, in the interchange format."""
    with Library.open(path) as lib:
        return "\n".join(write_journey(lib.load_journey(info.id)) for info in lib.list_journeys())


def file_bytes(path: Path) -> bytes:
    return path.read_bytes() + (Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b"")


# ---------------------------------------------------------------------- the store: one clear error, nothing written


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failing_commit_gives_one_clear_error_and_changes_nothing(
    fault: str, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_message, user_message = FAULTS[fault]
    with Library.open(path) as lib:
        journey = lib.load_journey(lib.find_journey("Faulty journey"))
        before = content(path)
        attempts = fail_commits(monkeypatch, lib, sqlite_message)
        card = journey.touchpoints[0]
        edits: list[Callable[[], object]] = [
            lambda: lib.update_touchpoint(card.id, title="lost"),
            lambda: lib.add_touchpoint(journey.id, card.phase_id, card.lane_id, "lost"),
            lambda: lib.delete_phase(journey.phases[0].id),
            lambda: lib.create_journey(sample_journey("lost")),
        ]
        for edit in edits:
            with pytest.raises(LibraryError) as caught:
                edit()
            assert str(caught.value) == user_message
        assert len(attempts) == len(edits)
        monkeypatch.undo()
        assert content(path) == before
        # The library is still usable once the disk is well again.
        lib.update_touchpoint(card.id, title="saved after all")
    assert "saved after all" in content(path)


def test_a_file_that_cannot_grow_refuses_the_edit_and_keeps_its_bytes(path: Path) -> None:
    with Library.open(path) as lib:
        journey = lib.load_journey(lib.find_journey("Faulty journey"))
        card = journey.touchpoints[0]
        before, before_bytes = content(path), file_bytes(path)
        release = cap_file_size(lib)
        with pytest.raises(LibraryError, match=r"^The disk holding faulty.cjm is full: the change was not saved\.$"):
            lib.update_touchpoint(card.id, notes="n" * MAX_TEXT, expectation="e" * MAX_TEXT)
        assert file_bytes(path) == before_bytes
        release()
    assert content(path) == before


def test_a_library_that_turned_read_only_refuses_the_edit(path: Path) -> None:
    with Library.open(path) as lib:
        journey = lib.load_journey(lib.find_journey("Faulty journey"))
        before, before_bytes = content(path), file_bytes(path)
        release = forbid_writes(lib)
        with pytest.raises(LibraryError, match=r"^faulty.cjm is read-only: the change was not saved\.$"):
            lib.update_journey(journey.id, title="lost")
        assert file_bytes(path) == before_bytes
        release()
        lib.update_journey(journey.id, title="saved after all")
    assert content(path) != before


# ---------------------------------------------------------------------- the editor: rolled back on the canvas too


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, path, poll=False)
    yield opened
    opened.library.close()


def canvas_state(window: MainWindow) -> dict[int, tuple[str, float, float]]:
    assert window.scene is not None
    return {
        card_id: (item.card.title, item.pos().x(), item.pos().y())
        for card_id, item in window.scene.card_items().items()
    }


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("edit", ["rename card", "add card", "move card", "delete phase", "undo"])
def test_a_failed_commit_in_the_editor_is_rolled_back_everywhere(
    fault: str,
    edit: str,
    window: MainWindow,
    warnings: list[str],
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = window.document
    assert document is not None
    journey = document.journey
    card, other = journey.touchpoints[0], journey.touchpoints[-1]
    assert document.update_touchpoint(other.id, title="an earlier edit")  # something to undo
    model, canvas, steps = write_journey(document.journey), canvas_state(window), document.undo_stack.count()
    stored = content(path)
    sqlite_message, user_message = FAULTS[fault]
    fail_commits(monkeypatch, window.library, sqlite_message)

    if edit == "rename card":
        assert not document.update_touchpoint(card.id, title="lost")
    elif edit == "add card":
        assert document.add_touchpoint(card.phase_id, card.lane_id, "lost") is None
    elif edit == "move card":
        assert not document.move_touchpoints([card.id], other.phase_id, other.lane_id, 0)
    elif edit == "delete phase":
        assert not document.delete_phase(journey.phases[0].id)
    else:
        document.undo_stack.undo()

    assert len(warnings) == 1
    assert user_message in warnings[0]
    assert write_journey(document.journey) == model
    assert canvas_state(window) == canvas
    if edit == "undo":  # a refused undo clears the history it could not follow (see JourneyDocument)
        assert document.undo_stack.count() == 0
    else:
        assert document.undo_stack.count() == steps
    monkeypatch.undo()
    assert content(path) == stored

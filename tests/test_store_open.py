"""Opening libraries: creation, pragmas, the default library, save-as, and every kind of bad file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjmapper import templates
from cjmapper.errors import CjmapperError, LibraryError, LibraryLockedError, NewerLibraryError
from cjmapper.store import Library, migrate
from cjmapper.store.sqlite import APPLICATION_ID
from tests.store_helpers import sample_journey


def make_library(path: Path, journeys: int = 1) -> None:
    with Library.open(path) as lib:
        for i in range(journeys):
            lib.create_journey(sample_journey(f"Journey {i}", cards_per_cell=20))


def assert_refused(path: Path, *words: str, timeout_ms: int = 2000) -> None:
    """Opening `path` fails with one clear line naming `words`, and leaves the file exactly as it was."""
    before = path.read_bytes() if path.is_file() else None
    siblings = sorted(p.name for p in path.parent.iterdir()) if path.parent.is_dir() else []
    with pytest.raises(LibraryError) as caught:
        Library.open(path, busy_timeout_ms=timeout_ms)
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    for word in words:
        assert word in message
    if before is not None:
        assert path.read_bytes() == before
    if path.parent.is_dir():
        assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_new_library_is_created_with_the_required_settings(tmp_path: Path) -> None:
    path = tmp_path / "new.cjm"
    with Library.open(path) as lib:
        assert lib.created
        assert lib.list_journeys() == []
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert dict(raw.execute("SELECT key, value FROM cjm_meta").fetchall())["format"] == str(migrate.FORMAT)
    raw.close()
    with Library.open(path) as again:
        assert not again.created


def test_default_library_gets_the_example_journey_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    with Library.open_default() as lib:
        assert lib.path == tmp_path / "data" / "cjmapper" / "library.cjm"
        journeys = lib.list_journeys()
        assert len(journeys) == 1
        example = lib.load_journey(journeys[0].id)
        assert example.language == "nl"
        assert len(example.touchpoints) >= 12
        assert all(t.score is not None for t in example.touchpoints)
    with Library.open_default() as lib:
        assert len(lib.list_journeys()) == 1


def test_a_first_start_that_cannot_seed_the_example_leaves_no_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first start whose example journey cannot be read (an install without its resources) fails with one clear
    error and leaves no library behind, so the next start, with the resources back, gets the example."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    folder = tmp_path / "data" / "cjmapper"
    with monkeypatch.context() as broken:
        broken.setattr(templates, "_path", lambda name, language: tmp_path / "missing" / f"{name}.{language}.json")
        with pytest.raises(CjmapperError, match=r"example\.en\.json"):
            Library.open_default()
    assert sorted(p.name for p in folder.iterdir()) == []
    with Library.open_default() as lib:
        assert lib.created
        [example] = lib.list_journeys()
        assert len(lib.load_journey(example.id).touchpoints) >= 12
    assert sorted(p.name for p in folder.iterdir()) == ["library.cjm"]


def test_every_edit_is_durable_when_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(sample_journey())
        lib.update_journey(journey_id, title="Renamed")
        # A second, independent connection sees the edit at once: nothing waits for a Save.
        other = sqlite3.connect(path)
        assert other.execute("SELECT title FROM journeys").fetchone() == ("Renamed",)
        other.close()


def test_save_as_writes_a_complete_copy(tmp_path: Path) -> None:
    with Library.open(tmp_path / "a.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        lib.save_as(tmp_path / "b.cjm")
        with pytest.raises(LibraryError, match="another name"):
            lib.save_as(tmp_path / "a.cjm")
        with pytest.raises(LibraryError, match="does not exist"):
            lib.save_as(tmp_path / "missing" / "c.cjm")
        original = lib.load_journey(journey_id)
    with Library.open(tmp_path / "b.cjm") as copy:
        assert not copy.created
        assert copy.load_journey(journey_id) == original
    assert not list(tmp_path.glob(".*partial*"))


def test_folder_that_does_not_exist(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nowhere" / "lib.cjm", "does not exist", "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_directory(tmp_path: Path) -> None:
    assert_refused(tmp_path, "is a folder")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.cjm"
    path.write_bytes(b"")
    assert_refused(path, "empty.cjm", "empty file")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.cjm"
    path.write_bytes(os.urandom(8192))
    assert_refused(path, "noise.cjm", "not a cjmapper library")


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.cjm"
    path.write_text("phase,lane,title\n", encoding="utf-8")
    assert_refused(path, "not a cjmapper library")


@pytest.mark.parametrize("keep", [10, 100, 4096 * 3])
def test_truncated_library(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "cut.cjm"
    make_library(path, journeys=3)
    assert path.stat().st_size > keep
    with path.open("r+b") as f:
        f.truncate(keep)
    assert_refused(path, "cut.cjm", "damaged")


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    assert_refused(path, "another program's SQLite database")


def test_newer_library_format_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.cjm"
    make_library(path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0099'")
    raw.execute("UPDATE cjm_meta SET value = '3.2.0' WHERE key = 'written_by'")
    raw.commit()
    raw.close()
    with pytest.raises(NewerLibraryError):
        Library.open(path)
    assert_refused(path, "library format 99", "cjmapper 3.2.0", f"up to {migrate.FORMAT}", "Update cjmapper")


def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "ro.cjm"
    make_library(path)
    path.chmod(0o444)
    try:
        assert_refused(path, "ro.cjm", "read-only")
    finally:
        path.chmod(0o644)


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A library held under an exclusive lock by another program."""
    path = tmp_path / "locked.cjm"
    make_library(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE journeys SET title = title")
    yield path
    holder.execute("ROLLBACK")
    holder.close()


def test_locked_file(locked: Path) -> None:
    with pytest.raises(LibraryLockedError):
        Library.open(locked, busy_timeout_ms=50)
    assert_refused(locked, "locked.cjm", "locked by another program", timeout_ms=50)


def test_lock_taken_after_open_gives_a_clear_error_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "busy.cjm"
    with Library.open(path, busy_timeout_ms=50) as lib:
        journey_id = lib.create_journey(sample_journey())
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(LibraryLockedError, match="locked by another program"):
            lib.update_journey(journey_id, title="Not saved")
        holder.execute("ROLLBACK")
        holder.close()
        assert lib.load_journey(journey_id).title == "Webshop journey"
        lib.update_journey(journey_id, title="Saved")
        assert lib.load_journey(journey_id).title == "Saved"

"""A library whose last checkpoint did not finish: killed while closing, or stopped by a full disk.

Closing a library copies its WAL back into the main file (SQLite's checkpoint), page 1 first: the header then
names the new page count while the pages past the old end of the file are still to come. Killed at that moment, or
stopped there by a full disk, the main file is shorter than its header says; the WAL beside it still holds every
page, so SQLite reads the library whole. Such a library must open (and `list`, `export-all` read it), and the next
close finishes the checkpoint. Only a copy left without its WAL is beyond reading, for SQLite as for cjmapper.

The state is made for real: a process imports a large journey into a library and closes it under a file-size limit
(RLIMIT_FSIZE) that the WAL fits under and the grown main file does not. With SIGXFSZ at its default the kernel kills
the process at the checkpoint's first write past the limit (a kill during close); with SIGXFSZ ignored the write
fails as on a full disk and the process ends normally, as the editor did. A full 4 MB tmpfs leaves the same files.

Last, refusals around WAL leftovers: a library refused for its format keeps its WAL (it is checked before anything
opens it for writing), and a refusal quoting a damaged file's bytes is still one line.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cjmapper.errors import CjmapperError
from cjmapper.model import Journey
from cjmapper.store import Library
from tests.store_helpers import sample_journey

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = ("", "-wal", "-shm")
CARDS_PER_CELL = 50
"""3 phases x 2 lanes x 50 = 300 cards a journey with 1 KB of notes each: about 1.3 MB, a WAL under SQLite's
1000-page autocheckpoint, so it is copied into the file when the library closes, not during the import."""

_IMPORT_AND_CLOSE = """
import resource, signal, sys
from pathlib import Path
from cjmapper.store import Library
from tests.test_close_crash import big_journey

path, limit, on_limit = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
library = Library.open(path)
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
signal.signal(signal.SIGXFSZ, signal.SIG_DFL if on_limit == "die" else signal.SIG_IGN)
library.create_journey(big_journey("Imported"))
print("imported", flush=True)
library.close()
print("closed", flush=True)
"""


def big_journey(title: str) -> Journey:
    journey = sample_journey(title, phases=3, lanes=2, cards_per_cell=CARDS_PER_CELL)
    for card in journey.touchpoints:
        card.notes = f"{card.title} " + "n" * 1000
    return journey


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def header_pages(path: Path) -> tuple[int, int]:
    """(pages the main file's header names, pages the file holds)."""
    header = path.read_bytes()[:100]
    page_size = struct.unpack(">H", header[16:18])[0]
    return struct.unpack(">I", header[28:32])[0], -(-path.stat().st_size // page_size)


def files_of(path: Path) -> dict[str, bytes]:
    return {s: Path(f"{path}{s}").read_bytes() for s in SUFFIXES if Path(f"{path}{s}").exists()}


def copy_library(source: Path, target: Path, suffixes: tuple[str, ...] = SUFFIXES) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in suffixes:
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


@dataclass(frozen=True)
class Unfinished:
    """A library whose closing checkpoint did not finish, kept aside to be copied for each test."""

    path: Path
    cards: dict[str, int]
    """journey title -> cards: what the library held when the import returned."""
    limit: int
    """The file-size limit that stopped the checkpoint: the disk's room."""


def unfinished_checkpoint(folder: Path, on_limit: str) -> Unfinished:
    """Import a large journey into a library holding one, and close it under a file-size limit that stops the
    checkpoint halfway (`die`: killed there; `fail`: the write refused, as on a full disk)."""
    path = folder / "lib.cjm"
    with Library.open(path) as library:
        library.create_journey(big_journey("Before"))
    size = path.stat().st_size
    limit = size + size // 2 // 4096 * 4096  # above the WAL the import writes, below the grown file
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_CLOSE, str(path), str(limit), on_limit],
        capture_output=True, text=True, cwd=ROOT, env=env(), timeout=120, check=False,
    )  # fmt: skip
    if on_limit == "die":
        assert done.returncode == -signal.SIGXFSZ, done.stderr
        assert done.stdout == "imported\n"
    else:
        assert (done.returncode, done.stdout) == (0, "imported\nclosed\n"), done.stderr
    named, held = header_pages(path)
    assert Path(f"{path}-wal").exists()
    assert named > held, "the checkpoint was not stopped halfway: the test no longer makes the state it is about"
    return Unfinished(path, {"Before": 6 * CARDS_PER_CELL, "Imported": 6 * CARDS_PER_CELL}, limit)


@pytest.fixture(scope="module")
def killed_while_closing(tmp_path_factory: pytest.TempPathFactory) -> Unfinished:
    return unfinished_checkpoint(tmp_path_factory.mktemp("killed"), "die")


@pytest.fixture(scope="module")
def stopped_by_full_disk(tmp_path_factory: pytest.TempPathFactory) -> Unfinished:
    return unfinished_checkpoint(tmp_path_factory.mktemp("full"), "fail")


@pytest.fixture(params=["killed while closing", "stopped by a full disk"])
def unfinished(request: pytest.FixtureRequest, tmp_path: Path) -> Unfinished:
    kept: Unfinished = request.getfixturevalue(
        "killed_while_closing" if request.param == "killed while closing" else "stopped_by_full_disk"
    )
    return Unfinished(copy_library(kept.path, tmp_path / "here" / "lib.cjm"), kept.cards, kept.limit)


def sqlite_reads(path: Path) -> dict[str, int]:
    """What SQLite itself reads from the library (read-only; it writes nothing): journey title -> cards, after
    asserting its integrity_check is ok."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute(
            "SELECT j.title, count(t.id) FROM journeys j LEFT JOIN touchpoints t ON t.journey_id = j.id GROUP BY j.id"
        ).fetchall()
    finally:
        conn.close()
    return dict(rows)


def library_holds(path: Path) -> dict[str, int]:
    with Library.open(path) as library:
        assert not library.read_only, library.damage
        return {info.title: len(library.load_journey(info.id).touchpoints) for info in library.list_journeys()}


def cjmapper(*argv: str, file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI as a subprocess; `file_limit`: on a disk with no more room than that (a file-size limit, writes past it
    refused as on a full disk)."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv],
        capture_output=True, text=True, cwd=ROOT, env=env(), timeout=120, check=False, preexec_fn=limit,
    )  # fmt: skip


def test_a_library_whose_checkpoint_did_not_finish_opens_whole(unfinished: Unfinished) -> None:
    path = unfinished.path
    assert sqlite_reads(path) == unfinished.cards  # SQLite reads it whole: the WAL holds the pages still to come
    with Library.open(path) as library:
        assert not library.read_only, library.damage
        assert {info.title: info.touchpoints for info in library.list_journeys()} == unfinished.cards
        imported = library.find_journey("Imported")
        assert len(library.load_journey(imported).touchpoints) == unfinished.cards["Imported"]
        library.update_journey(imported, title="Edited after the crash")  # and it takes edits
    named, held = header_pages(path)
    assert named == held, "closing the library did not finish the checkpoint"
    edited = {("Edited after the crash" if title == "Imported" else title): n for title, n in unfinished.cards.items()}
    assert sqlite_reads(path) == edited


def test_list_and_export_all_read_a_library_whose_checkpoint_did_not_finish(
    unfinished: Unfinished, tmp_path: Path
) -> None:
    rescue = copy_library(unfinished.path, tmp_path / "rescue" / "lib.cjm")
    listed = cjmapper("--library", str(unfinished.path), "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert sorted((line.split("\t")[1], int(line.split("\t")[4])) for line in listed.stdout.splitlines()) == sorted(
        unfinished.cards.items()
    )
    exported = cjmapper("--library", str(rescue), "export-all", "-o", str(tmp_path / "out"))
    assert (exported.returncode, exported.stderr) == (0, "")
    assert len(list((tmp_path / "out").glob("*.json"))) == len(unfinished.cards)


def test_a_library_whose_checkpoint_did_not_finish_is_read_while_the_disk_is_still_full(
    stopped_by_full_disk: Unfinished, tmp_path: Path
) -> None:
    """The editor closed on a full disk and is started again before any room is made: the library opens and lists
    (Python ignores SIGXFSZ, so a write past the limit fails as on a full disk); closing it cannot finish the
    checkpoint either, so the WAL stays, and the library opens again the next time."""
    path = copy_library(stopped_by_full_disk.path, tmp_path / "full" / "lib.cjm")
    for _ in range(2):
        listed = cjmapper("--library", str(path), "list", file_limit=stopped_by_full_disk.limit)
        assert (listed.returncode, listed.stderr) == (0, "")
        assert len(listed.stdout.splitlines()) == len(stopped_by_full_disk.cards)
        assert header_pages(path)[0] > header_pages(path)[1]
        assert Path(f"{path}-wal").exists()
    assert library_holds(path) == stopped_by_full_disk.cards  # room made: it opens, and its close finishes the copy
    assert header_pages(path)[0] == header_pages(path)[1]


def test_a_copy_with_its_wal_opens_on_another_disk(unfinished: Unfinished, tmp_path: Path) -> None:
    """Copied (with its -wal, without the -shm, which is only SQLite's index of the WAL) to a disk with room."""
    copy = copy_library(unfinished.path, tmp_path / "other disk" / "lib.cjm", ("", "-wal"))
    assert library_holds(copy) == unfinished.cards
    assert not Path(f"{copy}-wal").exists() or header_pages(copy)[0] == header_pages(copy)[1]
    assert sqlite_reads(copy) == unfinished.cards


def test_a_copy_without_its_wal_is_refused_in_one_line_and_left_untouched(
    unfinished: Unfinished, tmp_path: Path
) -> None:
    """Without the WAL the pages still to come are nowhere: SQLite cannot read the copy either, and cjmapper says
    which file is missing."""
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        sqlite_reads(copy_library(unfinished.path, tmp_path / "for sqlite" / "lib.cjm", ("",)))
    copy = copy_library(unfinished.path, tmp_path / "other disk" / "lib.cjm", ("",))
    before = files_of(copy)
    with pytest.raises(CjmapperError) as refused:
        Library.open(copy)
    message = str(refused.value)
    assert "\n" not in message
    assert "lib.cjm is damaged: the file is cut short" in message
    assert "lib.cjm-wal" in message
    assert files_of(copy) == before
    listed = cjmapper("--library", str(copy), "list")
    assert listed.returncode == 1
    assert listed.stderr == f"cjmapper: error: {message}\n"
    assert files_of(copy) == before


# ---------------------------------------------------------------------------------------------- refusals


def with_wal_leftovers(folder: Path, *statements: str) -> Path:
    """A library as an editor killed mid-session leaves it: `statements` committed into its WAL, not yet copied
    into the file (and a -shm beside it)."""
    source = folder / "source.cjm"
    with Library.open(source) as library:
        library.create_journey(sample_journey("Kept", cards_per_cell=3))
    holder = sqlite3.connect(source, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in statements:
        holder.execute(statement)
    path = copy_library(source, folder / "left" / "lib.cjm")  # copied while open, as a kill leaves the files
    holder.close()
    assert Path(f"{path}-wal").stat().st_size > 0
    return path


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("UPDATE alembic_version SET version_num = '0099'", "comes from a newer cjmapper (library format 99"),
        ("UPDATE alembic_version SET version_num = 'zz'", "has an unknown library format"),
        ("DROP TABLE alembic_version", "is damaged: it has no cjmapper tables"),
    ],
)
def test_a_library_refused_for_its_format_keeps_its_wal(tmp_path: Path, statement: str, words: str) -> None:
    """The format is checked before the library is opened for writing: closing a writable connection would copy
    the WAL into the refused file (a newer cjmapper's edits, or what a recovery needs)."""
    path = with_wal_leftovers(tmp_path, "UPDATE journeys SET title = 'Edited'", statement)
    before = files_of(path)
    with pytest.raises(CjmapperError) as refused:
        Library.open(path)
    assert words in str(refused.value)
    after = files_of(path)
    assert (after[""], after.get("-wal")) == (before[""], before["-wal"])  # the -shm is only SQLite's index


def test_a_schema_quoting_a_newline_is_refused_in_one_line(tmp_path: Path) -> None:
    """SQLite's message quotes the damaged schema's bytes; the refusal is still one line (a newline in an index
    name: the fuzz's "a refusal spans several lines")."""
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        library.create_journey(sample_journey())
    data = bytearray(path.read_bytes())
    data[data.index(b"ix_touchpoints_cell")] = ord("\n")
    path.write_bytes(bytes(data))
    with pytest.raises(CjmapperError) as refused:
        Library.open(path)
    assert str(refused.value) == "lib.cjm is damaged (malformed database schema ( x_touchpoints_cell))."
    assert path.read_bytes() == bytes(data)

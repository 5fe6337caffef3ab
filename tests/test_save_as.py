"""Save Library As… and new library files, whatever lies where they go: a copy is exactly the source or is refused
with one line; a new library is a fresh library; neither is ever mixed with a journal or WAL left beside it.

- The target of Save As may be an older library with its WAL from a crash, a crashed library's WAL without its
  library, a rollback journal left by a crash, a file that is no library: afterwards it holds exactly the source
  (every journey and every saved version, compared as journey files).
- A target another program holds open (another cjmapper, a SQLite connection in WAL mode, another `Library` in this
  program) is refused with one line and left as it was; the program holding it goes on working.
- A killed Save As leaves the target as it was or as the whole copy, never a mixture.
- A new library file and its -wal/-shm are 0600 whatever the umask; Save As gives the copy the source's mode.
- A killed creation or Save As leaves a hidden temporary; the next creation, open or Save As of that name removes
  it (once it is a minute old and no program holds it), and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.cli import main
from cjmapper.errors import LibraryError
from cjmapper.interchange import write_journey
from cjmapper.store import Library, sqlite
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SIDECARS = ("-wal", "-shm", "-journal")


# ---------------------------------------------------------------------- helpers


def contents(path: Path) -> list[str]:
    """Every journey and every saved version of the library at `path`, as journey files (with the versions' names
    and times)."""
    with Library.open(path) as lib:
        assert lib.integrity_problems(full=True) == []
        found = []
        for info in lib.list_journeys():
            found.append(write_journey(lib.load_journey(info.id)))
            for version in lib.list_versions(info.id):
                found.append(f"{version.name} {version.created_at.isoformat()}")
                found.append(write_journey(lib.load_version(version.id)))
        return found


def titles(path: Path) -> list[str]:
    with Library.open(path) as lib:
        return [info.title for info in lib.list_journeys()]


def contents_untouched(path: Path) -> list[str]:
    """`contents` of a copy of the library at `path` with its -wal and -shm, leaving `path`'s own files as they are."""
    copy = path.with_name(f"copy of {path.name}")
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy(f"{path}{suffix}", f"{copy}{suffix}")
    try:
        return contents(copy)
    finally:
        for suffix in ("", *SIDECARS):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def make_source(path: Path, journeys: int = 2, cards_per_cell: int = 3) -> list[str]:
    with Library.open(path) as lib:
        for i in range(journeys):
            journey_id = lib.create_journey(sample_journey(f"Source {i}", cards_per_cell=cards_per_cell))
            lib.save_version(journey_id, f"First draft {i}")
            lib.update_journey(journey_id, title=f"Source {i} (after the draft)")
    return contents(path)


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def start(code: str, *args: str) -> subprocess.Popen[str]:
    """A Python subprocess running `code` (with sys.argv[1:] = args); returns once it printed its first line."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        _, err = kill(child)
        pytest.fail(f"the subprocess did not get ready: {line!r} {err}")
    return child


def kill(child: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGKILL the subprocess; what it wrote to stdout and stderr."""
    with contextlib.suppress(ProcessLookupError):
        child.send_signal(signal.SIGKILL)
    return child.communicate(timeout=30)


HOLD_LIBRARY = """
import sys
from pathlib import Path
from cjmapper.store import Library
from tests.store_helpers import sample_journey
lib = Library.open(Path(sys.argv[1]))
for title in sys.argv[2:]:
    lib.create_journey(sample_journey(title))
lib.list_journeys()
print("ready", flush=True)
for line in sys.stdin:
    lib.create_journey(sample_journey(line.strip()))
    print("added", flush=True)
"""
"""Another cjmapper: opens the library, adds journeys titled by its arguments, then one per line it reads."""

HOLD_WAL_CONNECTION = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("ready", flush=True)
sys.stdin.read()
"""
"""Another program with a plain SQLite connection in WAL mode, idle."""

HOT_JOURNAL = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 5")
conn.execute("CREATE TABLE t (x)")
for _ in range(100):
    conn.execute("INSERT INTO t VALUES (randomblob(4000))")
conn.execute("BEGIN")
conn.execute("UPDATE t SET x = randomblob(4000)")  # spills: the journal is hot and the file half rewritten
print("ready", flush=True)
sys.stdin.read()
"""
"""A program in rollback-journal mode killed mid-transaction: leaves a hot -journal."""


def crashed_library(path: Path, *titles: str) -> None:
    """The library as a cjmapper killed after adding `titles` leaves it: its last commits only in its -wal."""
    kill(start(HOLD_LIBRARY, str(path), *titles))
    assert Path(f"{path}-wal").stat().st_size > 0


def files_beside(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.name.startswith(path.name)}


def hidden_temporaries(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") and (".new-" in p.name or "partial" in p.name)
    )


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def one_line(error: pytest.ExceptionInfo[LibraryError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


# ---------------------------------------------------------------------- Save As over whatever lies at the target


def old_library_with_its_wal(target: Path) -> None:
    crashed_library(target, "Old A", "Old B")


def wal_without_its_library(target: Path) -> None:
    crashed_library(target, "Old A", "Old B")
    target.unlink()


def wal_of_another_crashed_library(target: Path) -> None:
    with Library.open(target) as lib:
        lib.create_journey(sample_journey("Old target"))
    other = target.with_name("other.cjm")
    crashed_library(other, "Other A", "Other B")
    for suffix in ("-wal", "-shm"):
        shutil.copy(f"{other}{suffix}", f"{target}{suffix}")


def hot_journal(target: Path) -> None:
    kill(start(HOT_JOURNAL, str(target)))
    assert Path(f"{target}-journal").stat().st_size > 0


def not_a_library(target: Path) -> None:
    target.write_text("my shopping list\n" * 100)


def clean_old_library(target: Path) -> None:
    with Library.open(target) as lib:
        lib.create_journey(sample_journey("Old and closed"))


TARGETS = {
    "old library with its wal": old_library_with_its_wal,
    "wal without its library": wal_without_its_library,
    "wal of another crashed library": wal_of_another_crashed_library,
    "hot journal": hot_journal,
    "not a library": not_a_library,
    "clean old library": clean_old_library,
}


@pytest.mark.parametrize("kind", TARGETS)
def test_save_as_gives_exactly_the_source_whatever_lies_at_the_target(tmp_path: Path, kind: str) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    expected = make_source(source)
    TARGETS[kind](target)
    with Library.open(source) as lib:
        lib.save_as(target)
        assert contents(target) == expected
    assert contents(target) == expected  # and again once the source is closed
    assert hidden_temporaries(tmp_path) == []


def test_save_as_leaves_no_sidecar_of_the_old_target(tmp_path: Path) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    old_library_with_its_wal(target)
    with Library.open(source) as lib:
        lib.save_as(target)
    assert sorted(files_beside(target)) == ["target.cjm"]
    with sqlite3.connect(target) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("SELECT count(*) FROM journeys").fetchone() == (2,)
    raw.close()


# ---------------------------------------------------------------------- a target open in another program


def hold_with_cjmapper(target: Path) -> subprocess.Popen[str]:
    return start(HOLD_LIBRARY, str(target))


def hold_with_wal_connection(target: Path) -> subprocess.Popen[str]:
    return start(HOLD_WAL_CONNECTION, str(target))


@pytest.mark.parametrize("holder", [hold_with_cjmapper, hold_with_wal_connection])
def test_save_as_refuses_a_target_open_in_another_program(
    tmp_path: Path, holder: Callable[[Path], subprocess.Popen[str]]
) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    with Library.open(target) as old:
        old.create_journey(sample_journey("Theirs"))
    child = holder(target)
    try:
        before = files_beside(target)
        with Library.open(source) as lib, pytest.raises(LibraryError) as refused:
            lib.save_as(target)
        message = one_line(refused)
        assert "target.cjm" in message
        assert "open in another program" in message
        assert files_beside(target) == before
        assert hidden_temporaries(tmp_path) == []
    finally:
        kill(child)
    assert titles(target) == ["Theirs"]


def test_save_as_refuses_a_target_another_library_here_holds(tmp_path: Path) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    with Library.open(target) as theirs, Library.open(source) as lib:
        theirs.create_journey(sample_journey("Theirs"))
        before = files_beside(target)
        with pytest.raises(LibraryError) as refused:
            lib.save_as(target)
        assert "open in another program" in one_line(refused)
        assert files_beside(target) == before
        theirs.create_journey(sample_journey("Theirs too"))  # it goes on working, on its own file
    assert titles(target) == ["Theirs", "Theirs too"]


def test_the_other_cjmapper_keeps_its_library_after_a_refused_save_as(tmp_path: Path) -> None:
    """The refused copy never becomes the file the other cjmapper writes to: its next edits land in its library."""
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    child = start(HOLD_LIBRARY, str(target), "Theirs")
    try:
        with Library.open(source) as lib, pytest.raises(LibraryError):
            lib.save_as(target)
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write("Added after\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "added"
    finally:
        kill(child)
    assert sorted(titles(target)) == ["Added after", "Theirs"]


def test_a_target_opened_while_save_as_is_under_way_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another cjmapper opens the target after Save As looked (simulated: the first two looks see nobody): the
    look after SQLite finished the target's leftovers sees it, and its live WAL is never removed."""
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    old_library_with_its_wal(target)
    child = start(HOLD_LIBRARY, str(target), "Theirs")
    looks = {"n": 0}
    real_in_use = sqlite.in_use

    def late(path: Path) -> bool:
        looks["n"] += 1
        return looks["n"] > 2 and real_in_use(path)

    monkeypatch.setattr(sqlite, "in_use", late)
    try:
        with Library.open(source) as lib, pytest.raises(LibraryError) as refused:
            lib.save_as(target)
        assert "open in another program" in one_line(refused)
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write("Added after\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "added"
    finally:
        kill(child)
    assert looks["n"] == 3
    assert sorted(titles(target)) == ["Added after", "Old A", "Old B", "Theirs"]
    assert hidden_temporaries(tmp_path) == []


def test_save_as_refuses_its_own_files(tmp_path: Path) -> None:
    source = tmp_path / "source.cjm"
    make_source(source)
    link = tmp_path / "link.cjm"
    link.symlink_to(source)
    with Library.open(source) as lib:
        before = files_beside(source)
        for target in (source, link, Path(f"{source}-wal"), Path(f"{source}-shm")):
            with pytest.raises(LibraryError) as refused:
                lib.save_as(target)
            assert "source.cjm" in one_line(refused)
        assert files_beside(source) == before
        folder = tmp_path / "folder.cjm"
        folder.mkdir()
        with pytest.raises(LibraryError) as refused:
            lib.save_as(folder)
        assert "folder" in one_line(refused)


# ---------------------------------------------------------------------- a killed Save As


SAVE_AS = """
import sys
from pathlib import Path
from cjmapper.store import Library
lib = Library.open(Path(sys.argv[1]))
lib.list_journeys()
print("ready", flush=True)
lib.save_as(Path(sys.argv[2]))
print("saved", flush=True)
"""


KILLS = 16


def test_a_killed_save_as_leaves_the_old_target_or_the_whole_copy(tmp_path: Path) -> None:
    """Save As over an old library with its WAL from a crash, SIGKILLed 0-60 ms into it (it takes about 20 ms),
    `KILLS` times: the target always opens and holds exactly the old library or exactly the copy."""
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    expected = make_source(source, journeys=8, cards_per_cell=40)
    old_library_with_its_wal(target)
    left = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("target.cjm")}
    assert sorted(left) == ["target.cjm", "target.cjm-shm", "target.cjm-wal"]
    old = contents(target)
    outcomes: Counter[str] = Counter()
    rng = random.Random(12)
    for _ in range(KILLS):
        for p in tmp_path.iterdir():
            if p.name.startswith(("target.cjm", ".target.cjm")):
                p.unlink()
        for name, data in left.items():
            (tmp_path / name).write_bytes(data)
        child = start(SAVE_AS, str(source), str(target))
        time.sleep(rng.uniform(0.0, 0.06))
        kill(child)
        midway = bool(hidden_temporaries(tmp_path))
        found = contents(target)
        assert found in (old, expected)
        outcomes[("old" if found == old else "copy") + (" (killed midway)" if midway else "")] += 1
    assert outcomes["old (killed midway)"], outcomes
    assert outcomes["copy"], outcomes


STEPS = {
    # where the killed Save As stopped: what it leaves (the target's files, whether a partial copy, whose library)
    "cjmapper.store.sqlite:clear_place": (["target.cjm", "target.cjm-shm", "target.cjm-wal"], True, "old"),
    "pathlib:Path.unlink": (["target.cjm"], True, "old"),  # SQLite has finished the target's WAL into it
    "os:replace": (["target.cjm"], True, "old"),  # the old target stands alone: no -wal, -shm or -journal
    "cjmapper.store.sqlite:_sync_folder": (["target.cjm"], False, "copy"),  # renamed over the target
}


@pytest.mark.parametrize("step", STEPS)
def test_save_as_killed_at_each_step(tmp_path: Path, step: str) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    expected = make_source(source)
    old_library_with_its_wal(target)
    old = contents_untouched(target)
    kill(start(HANG_AT, step, "save_as", str(source), str(target)))
    files, partial, holds = STEPS[step]
    assert sorted(files_beside(target)) == files
    assert bool(hidden_temporaries(tmp_path)) == partial
    assert contents(target) == (old if holds == "old" else expected)


# ---------------------------------------------------------------------- new libraries beside leftovers


@pytest.mark.parametrize("leftover", [old_library_with_its_wal, hot_journal], ids=["wal and shm", "hot journal"])
def test_a_new_library_beside_a_crashed_librarys_leftovers_is_fresh(
    tmp_path: Path, leftover: Callable[[Path], None]
) -> None:
    path = tmp_path / "lib.cjm"
    leftover(path)
    path.unlink()  # the damaged file was thrown away; what SQLite kept beside it was not
    kept = {name: data for name, data in files_beside(path).items() if not name.endswith("-shm")}
    with Library.open(path) as lib:
        assert lib.created
        assert lib.list_journeys() == []
        assert lib.integrity_problems(full=True) == []
    assert contents(path) == []
    # The leftovers belong to no database any more, but a -wal or -journal may hold the lost library's last edits:
    # kept aside byte for byte (the -shm is only an index of the WAL).
    assert files_beside(path) == {"lib.cjm": path.read_bytes()} | {
        f"{name}.orphaned": data for name, data in kept.items()
    }


def test_a_wal_kept_aside_gives_back_the_moved_librarys_last_edits(tmp_path: Path) -> None:
    """A library moved away after a crash leaves its -wal, with its last edits, behind; a new library made at the old
    name keeps that -wal aside, and put beside the moved file again it gives those edits back."""
    path = tmp_path / "lib.cjm"
    crashed_library(path, "Old A", "Old B")
    moved = tmp_path / "moved.cjm"
    path.rename(moved)
    with Library.open(path) as lib:
        assert lib.list_journeys() == []
    Path(f"{path}-wal.orphaned").rename(f"{moved}-wal")
    with Library.open(moved) as lib:
        assert sorted(info.title for info in lib.list_journeys()) == ["Old A", "Old B"]


def test_the_cli_creates_a_fresh_library_beside_a_crashed_librarys_wal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.cjm"
    crashed_library(path, "Old A", "Old B")
    path.unlink()
    assert main(["--library", str(path), "list"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")
    assert contents(path) == []


def test_a_new_library_is_refused_where_another_program_still_holds_the_old_one(tmp_path: Path) -> None:
    """Its -wal and -shm belong to a program that has the (since deleted) library open: a new file there would
    receive that program's edits."""
    path = tmp_path / "lib.cjm"
    child = start(HOLD_LIBRARY, str(path), "Theirs")
    try:
        path.unlink()
        before = files_beside(path)
        with pytest.raises(LibraryError) as refused:
            Library.open(path)
        message = one_line(refused)
        assert "lib.cjm" in message
        assert "open in another program" in message
        assert files_beside(path) == before
    finally:
        kill(child)
    assert hidden_temporaries(tmp_path) == []


# ---------------------------------------------------------------------- modes


@pytest.mark.parametrize("mask", [0o022, 0o000, 0o077], ids=oct)
def test_a_new_library_and_its_wal_and_shm_are_private(tmp_path: Path, mask: int) -> None:
    path = tmp_path / "lib.cjm"
    with umask(mask), Library.open(path) as lib:
        lib.create_journey(sample_journey())
        assert Path(f"{path}-wal").exists()
        assert (mode(path), mode(f"{path}-wal"), mode(f"{path}-shm")) == (0o600, 0o600, 0o600)


def test_the_cli_creates_a_private_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lib.cjm"
    with umask(0o022):
        assert main(["--library", str(path), "new", "--template", "blank", "--title", "Mine"]) == 0
    capsys.readouterr()
    assert mode(path) == 0o600


@pytest.mark.parametrize("source_mode", [0o640, 0o600, 0o664], ids=oct)
def test_save_as_keeps_the_source_mode(tmp_path: Path, source_mode: int) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    os.chmod(source, source_mode)
    clean_old_library(target)
    os.chmod(target, 0o644)
    with umask(0o022), Library.open(source) as lib:
        lib.save_as(target)
        lib.save_as(tmp_path / "new.cjm")
    assert mode(target) == mode(tmp_path / "new.cjm") == source_mode
    with Library.open(target) as copy:
        copy.create_journey(sample_journey())
        assert mode(f"{target}-wal") == mode(f"{target}-shm") == source_mode


# ---------------------------------------------------------------------- no hidden temporaries left


HANG_AT = """
import importlib, sys, time
from pathlib import Path
from cjmapper.store import Library
def hang(*args, **kwargs):
    print("ready", flush=True)
    time.sleep(600)
module, _, name = sys.argv[1].partition(":")
owner = importlib.import_module(module)
*within, name = name.split(".")
for part in within:
    owner = getattr(owner, part)
setattr(owner, name, hang)
if sys.argv[2] == "create":
    Library.open(Path(sys.argv[3]))
else:
    Library.open(Path(sys.argv[3])).save_as(Path(sys.argv[4]))
"""
"""A cjmapper that stops at its first call of MODULE:NAME (e.g. os:link, just before a new library is linked into
place), to be killed there."""


def backdate(folder: Path, seconds: float = 120) -> None:
    then = time.time() - seconds
    for p in folder.iterdir():
        if p.name.startswith("."):
            os.utime(p, (then, then), follow_symlinks=False)


def test_a_killed_creation_leaves_no_temporary_after_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    kill(start(HANG_AT, "os:link", "create", str(path)))
    assert not path.exists()
    assert [name for name in hidden_temporaries(tmp_path) if "-" not in name.rsplit("new-", 1)[1]], (
        "the kill left the temporary library"
    )
    backdate(tmp_path)
    # What is not a stale temporary of ours stays: someone's creation in progress, other names, other files.
    fresh = tmp_path / ".lib.cjm.new-0123abcd"
    fresh.write_bytes(b"")
    others = [tmp_path / ".other.cjm.new-89abcdef", tmp_path / ".lib.cjm.new-notours", tmp_path / ".lib.cjm.keep"]
    for other in others:
        other.write_bytes(b"x")
    backdate(tmp_path)
    os.utime(fresh)
    with Library.open(path) as lib:
        assert lib.created
        assert lib.list_journeys() == []
    assert hidden_temporaries(tmp_path) == sorted(p.name for p in [fresh, others[0], others[1]])
    assert others[2].exists()


def test_a_killed_save_as_leaves_no_temporary_after_the_next_one(tmp_path: Path) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    expected = make_source(source)
    clean_old_library(target)
    old = contents(target)
    kill(start(HANG_AT, "os:replace", "save_as", str(source), str(target)))
    assert contents(target) == old
    assert hidden_temporaries(tmp_path), "the kill left the partial copy"
    backdate(tmp_path)
    with Library.open(target):
        pass
    assert hidden_temporaries(tmp_path) == []
    kill(start(HANG_AT, "os:replace", "save_as", str(source), str(target)))
    backdate(tmp_path)
    with Library.open(source) as lib:
        lib.save_as(target)
    assert hidden_temporaries(tmp_path) == []
    assert contents(target) == expected


# ---------------------------------------------------------------------- the window's File › Save Library As…


def save_as_in_window(window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()


def test_window_save_as_over_an_old_library_with_its_wal_saves_exactly_the_library(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    expected = make_source(source)
    old_library_with_its_wal(target)
    window = open_window(qtbot, source)
    try:
        save_as_in_window(window, target, monkeypatch)
        assert warnings == []
        assert "Saved a copy" in window.statusBar().currentMessage()
    finally:
        window.close()
        window.library.close()
    assert contents(target) == expected


def test_window_save_as_onto_a_library_open_elsewhere_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    source, target = tmp_path / "source.cjm", tmp_path / "target.cjm"
    make_source(source)
    child = start(HOLD_LIBRARY, str(target), "Theirs")
    window = open_window(qtbot, source)
    try:
        before = files_beside(target)
        save_as_in_window(window, target, monkeypatch)
        assert len(warnings) == 1
        assert "target.cjm" in warnings[0]
        assert "open in another program" in warnings[0]
        assert "Saved a copy" not in window.statusBar().currentMessage()
        assert files_beside(target) == before
    finally:
        window.close()
        window.library.close()
        kill(child)
    assert titles(target) == ["Theirs"]


def test_a_library_with_a_name_near_the_limit_is_created_and_saved_as(tmp_path: Path) -> None:
    """Hidden temporaries carry the library's name cut to fit: a 244-byte name (120 two-byte letters) used to fail
    with "File name too long" when created, and a 248-byte Save As target on its -journal's name."""
    path = tmp_path / ("é" * 120 + ".cjm")
    with Library.open(path) as lib:
        assert lib.created
        lib.create_journey(sample_journey("Long"))
        target = tmp_path / ("ü" * 122 + ".cjm")
        lib.save_as(target)
    with Library.open(target) as copy:
        assert [info.title for info in copy.list_journeys()] == ["Long"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, target.name])

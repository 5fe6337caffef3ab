"""Export All Journeys names its files after the journeys' titles: every name fits the file system's limit in bytes
(a title of 4-byte characters cut on a character boundary, never in the middle of a letter and its accents), stays
one plain file name whatever the title holds, and is unique; one journey that cannot be written is reported by name
and the others are still saved (command line as a subprocess, and the editor's File › Export All Journeys…)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import read_journey_file, write_journey
from cjmapper.recovery import file_name
from cjmapper.store import Library
from cjmapper.store.location import Location
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent

LONG_4_BYTE = "\U0001d400" * 70  # MATHEMATICAL BOLD CAPITAL A: a letter of 4 bytes in UTF-8; 280 bytes in all
ACCENTED = "e\u0301" * 100  # é as a letter and a combining accent: 3 bytes a pair, 300 in all
HOSTILE = [
    "../../etc/passwd",
    "..",
    ".hidden",
    "CON",
    "NUL.txt",
    "back\\slash",
    "tab\tnew\nline\r",
    "trailing dots and spaces. . . ",
    "right\u202eto\u202dleft",
    "bell\x07 escape\x1b[31m",
    "***",
    "emoji 👩\u200d👩\u200d👧 🇳🇱",
]


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """`cjmapper ARGV` in a fresh process, on this worktree's code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv],
        capture_output=True, text=True, check=False, timeout=120, cwd=ROOT, env=env,
    )  # fmt: skip


def fill(location: Location, titles: list[str]) -> dict[int, str]:
    """Journeys with `titles` in the library at `location`: their interchange text by id."""
    with Library.open(location) as lib:
        ids = [lib.create_journey(sample_journey(title, phases=2)) for title in titles]
        return {i: write_journey(lib.load_journey(i)) for i in ids}


def check_names(folder: Path, expected: dict[int, str]) -> None:
    """Every journey of `expected` is in `folder`, exactly as it was, under a sound name of its own."""
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(expected), names
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        raw = name.encode("utf-8")  # a str from the file system that is not valid UTF-8 would fail here
        assert len(raw) <= 255, name
        assert name.endswith(".json")
        assert not name.startswith(".")
        assert not any(c in name for c in "/\\\0\n\r\t\x07\x1b\u202e\u202d")
        assert name == name.strip()
    found = {}
    for path in folder.iterdir():
        journey_id = int(path.name.split(" ", 1)[0].removesuffix(".json"))
        found[journey_id] = write_journey(read_journey_file(path))
    assert found == expected


@pytest.mark.both_backends
def test_export_all_on_the_command_line_cuts_long_titles_and_goes_on(
    library_location: Location, tmp_path: Path
) -> None:
    expected = fill(library_location, ["Before", LONG_4_BYTE, "After", ACCENTED, *HOSTILE])
    folder = tmp_path / "rescued"
    done = run_cli("--library", str(library_location), "export-all", "-o", str(folder))
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == len(expected)
    check_names(folder, expected)
    long_name = next(p.name for p in folder.iterdir() if "\U0001d400" in p.name)
    assert 250 <= len(long_name.encode()) <= 255  # cut to the limit, not far below it
    assert long_name.endswith("\U0001d400.json")
    accented = next(p.name for p in folder.iterdir() if "\u0301" in p.name)
    title_part = accented.split(" ", 1)[1].removesuffix(".json")
    assert title_part == "e\u0301" * (len(title_part) // 2)  # whole letters with their accents


def test_names_fit_a_smaller_limit_and_stay_unique(tmp_path: Path) -> None:
    """eCryptfs allows 143 bytes; two titles that agree on their first 143 bytes still get names of their own."""
    for limit in (143, 64, 255):
        names = {file_name(i, "\U0001d400" * 60 + tail, limit) for i, tail in ((7, "x"), (8, "y"), (17, "z"))}
        assert len(names) == 3
        for name in names:
            assert len(name.encode("utf-8")) <= limit
            assert name.endswith(".json")


def test_a_journey_that_cannot_be_written_is_named_and_the_others_are_saved(tmp_path: Path) -> None:
    library = tmp_path / "lib.cjm"
    expected = fill(library, ["One", "Two", "Three"])
    folder = tmp_path / "out"
    (folder / "2 Two.json").mkdir(parents=True)  # a folder where the second journey's file would go
    done = run_cli("--library", str(library), "export-all", "-o", str(folder))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"cjmapper: warning: journey 2 “Two” could not be written to {folder / '2 Two.json'}: ")
    assert lines[1] == f"cjmapper: error: 1 of 3 journeys could not be written; the others are in {folder}"
    assert done.stdout.splitlines() == [str(folder / "1 One.json"), str(folder / "3 Three.json")]
    for journey_id, name in ((1, "1 One.json"), (3, "3 Three.json")):
        assert write_journey(read_journey_file(folder / name)) == expected[journey_id]


def test_export_all_never_writes_over_the_library_in_its_folder(tmp_path: Path) -> None:
    """A library whose file name is what a journey's file would be called, exported into its own folder."""
    library = tmp_path / "1 First.json"
    expected = fill(library, ["First", "Second"])
    library_bytes = library.read_bytes()
    done = run_cli("--library", str(library), "export-all", "-o", str(tmp_path))
    assert (done.returncode, done.stderr) == (0, "")
    assert library.read_bytes() == library_bytes
    with Library.open(library) as lib:
        assert {i: write_journey(lib.load_journey(i)) for i in expected} == expected
    written = [Path(line) for line in done.stdout.splitlines()]
    assert len(written) == 2
    assert library not in written
    assert {write_journey(read_journey_file(p)) for p in written} == set(expected.values())


# ---------------------------------------------------------------------- the editor


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "lib.cjm"
    fill(path, ["Before", LONG_4_BYTE, "After", ACCENTED, *HOSTILE])
    opened = open_window(qtbot, path)
    yield opened
    opened.library.close()


def test_the_editor_exports_all_journeys_under_names_that_fit(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(tmp_path / "lib.cjm") as lib:
        expected = {info.id: write_journey(lib.load_journey(info.id)) for info in lib.list_journeys()}
    shown: list[str] = []
    folder = tmp_path / "rescued"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(f"warning: {text}"))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: shown.append(text))
    window.export_all_action.trigger()
    assert shown == [f"Exported {len(expected)} journeys to {folder}."]
    check_names(folder, expected)


def test_the_editor_names_a_journey_it_could_not_write_and_saves_the_others(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rescued"
    (folder / "3 After.json").mkdir(parents=True)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    window.export_all_action.trigger()
    total = len(window.library.list_journeys())
    assert len(shown) == 1
    lines = shown[0].splitlines()
    assert lines[0] == f"Exported {total - 1} journeys to {folder}."
    assert lines[1] == "These could not be written:"
    assert lines[2].startswith(f"• After: cannot write {folder / '3 After.json'}: ")
    assert len(list(folder.glob("*.json"))) == total  # the others, and the folder in the way

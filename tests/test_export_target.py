"""An export never writes over the library it comes from: `cjmapper export -o` and the editor's exports refuse the
open library's own file (by any path to it: a symlink, a hard link, `x/../`), its SQLite -wal, -shm and -journal
files and its format-upgrade backups, with one clear line (a message box in the editor), and the library stays
exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_journey
from cjmapper.store import Library
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.export.picture_dialog import PictureDpiDialog
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The `cjmapper` program (which draws PNG and SVG pictures too) in a fresh process, on this worktree's code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper.gui", *argv],
        capture_output=True, text=True, check=False, timeout=180, cwd=cwd, env=env,
    )  # fmt: skip


def make_library(path: Path) -> dict[int, str]:
    with Library.open(path) as lib:
        ids = [lib.create_journey(sample_journey(title)) for title in ("First", "Second")]
        return {i: write_journey(lib.load_journey(i)) for i in ids}


def contents(path: Path) -> dict[int, str]:
    with Library.open(path) as lib:
        return {info.id: write_journey(lib.load_journey(info.id)) for info in lib.list_journeys()}


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    path = tmp_path / "lib.cjm"
    return path, make_library(path)


def refused(done: subprocess.CompletedProcess[str]) -> bool:
    lines = done.stderr.splitlines()
    return (
        done.returncode == 1
        and done.stdout == ""
        and len(lines) == 1
        and lines[0].startswith("cjmapper: error: Will not write ")
        and "lib.cjm" in lines[0]
    )


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "png", "svg"])
@pytest.mark.parametrize("onto", ["lib.cjm", "lib.cjm-wal"])
def test_the_command_line_refuses_to_export_onto_the_library(
    library: tuple[Path, dict[int, str]], tmp_path: Path, fmt: str, onto: str
) -> None:
    path, expected = library
    held = Library.open(path)  # another program has it open: its -wal exists and holds an edit not checkpointed
    try:
        held.update_journey(1, title="First, renamed")
        expected[1] = write_journey(held.load_journey(1))
        wal = Path(f"{path}-wal")
        assert wal.stat().st_size > 0
        done = run_cli("--library", "lib.cjm", "export", "1", "-o", onto, "--format", fmt, cwd=tmp_path)
        assert refused(done), done
        # SQLite may have moved the -wal into the file as the command closed the library; nothing else wrote them.
        assert path.read_bytes().startswith(b"SQLite format 3\0")
        assert not wal.exists() or wal.read_bytes()[:4] in (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83", b"")
        assert {info.id: write_journey(held.load_journey(info.id)) for info in held.list_journeys()} == expected
    finally:
        held.close()
    assert contents(path) == expected


@pytest.mark.parametrize(
    "onto", ["symlink.json", "hardlink.json", "sub/../lib.cjm", "lib.cjm-shm", "lib.cjm-journal", "lib.cjm.format1.bak"]
)
def test_the_command_line_refuses_every_other_way_onto_the_library(
    library: tuple[Path, dict[int, str]], tmp_path: Path, onto: str
) -> None:
    path, expected = library
    (tmp_path / "sub").mkdir()
    (tmp_path / "symlink.json").symlink_to(path)
    os.link(path, tmp_path / "hardlink.json")
    shutil.copyfile(path, tmp_path / "lib.cjm.format1.bak")  # the backup an upgrade from format 1 left
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    done = run_cli("--library", str(path), "export", "2", "-o", onto, "--format", "json", cwd=tmp_path)
    assert refused(done), done
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert (tmp_path / "symlink.json").is_symlink()
    assert contents(path) == expected


def test_the_command_line_still_exports_next_to_the_library(
    library: tuple[Path, dict[int, str]], tmp_path: Path
) -> None:
    path, expected = library
    for name in ("lib.cjm.json", "lib.cjm-wal.json", "lib.cjm.format1.bak.csv", "lib.json"):
        done = run_cli("--library", str(path), "export", "1", "-o", name, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), name
        assert (tmp_path / name).stat().st_size > 0
    assert contents(path) == expected


# ---------------------------------------------------------------------- the editor


@pytest.fixture
def window(qtbot: QtBot, library: tuple[Path, dict[int, str]]) -> Iterator[MainWindow]:
    opened = open_window(qtbot, library[0], 1)
    yield opened
    opened.close()
    opened.library.close()


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, target: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


@pytest.mark.parametrize(
    ("action", "onto"),
    [
        *[(a, onto) for a in ("export_json_action", "export_csv_action")
          for onto in ("lib.cjm", "sub/../lib.cjm", "symlink", "hardlink", "lib.cjm-wal")],
        ("export_picture_action", "symlink.png"),  # a picture's name always ends in .png or .svg
        ("export_picture_action", "hardlink.svg"),
    ],
)  # fmt: skip
def test_the_editor_refuses_to_export_onto_its_library(
    window: MainWindow,
    library: tuple[Path, dict[int, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    action: str,
    onto: str,
) -> None:
    path, expected = library
    (tmp_path / "sub").mkdir()
    for name in ("symlink", "symlink.png"):
        (tmp_path / name).symlink_to(path)
    for name in ("hardlink", "hardlink.svg"):
        os.link(path, tmp_path / name)
    window.library.update_journey(2, title="Second, renamed")  # an edit in the -wal
    expected[2] = write_journey(window.library.load_journey(2))
    files = [path, Path(f"{path}-wal"), tmp_path / "symlink", tmp_path / "hardlink.svg"]
    before = [p.read_bytes() for p in files]
    answer_save_dialog(monkeypatch, tmp_path / onto)
    monkeypatch.setattr(PictureDpiDialog, "exec", lambda _d: PictureDpiDialog.DialogCode.Accepted)
    getattr(window, action).trigger()
    assert len(warnings) == 1
    assert warnings[0].startswith("Will not write "), warnings
    assert "lib.cjm" in warnings[0]
    assert [p.read_bytes() for p in files] == before
    assert (tmp_path / "symlink").is_symlink()
    assert (tmp_path / "symlink.png").is_symlink()
    window.close()
    window.library.close()
    assert contents(path) == expected


def test_the_editor_refuses_a_poster_onto_its_library(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    """A library whose name ends in .pdf, chosen as the poster's file in the poster dialog."""
    from ui.export.poster_dialog import PosterDialog

    path = tmp_path / "Journeys.pdf"
    expected = make_library(path)
    window = open_window(qtbot, path, 1)
    try:
        window.library.update_journey(2, title="Second, renamed")
        expected[2] = write_journey(window.library.load_journey(2))
        before = path.read_bytes()
        answer_save_dialog(monkeypatch, path)

        def press_export(dialog: PosterDialog) -> int:
            dialog.export_button.click()
            return dialog.result()

        monkeypatch.setattr(PosterDialog, "exec", press_export)
        window.export_poster_action.trigger()
        qtbot.waitUntil(lambda: window.exports.poster_job is None, timeout=30_000)
        assert len(warnings) == 1
        assert warnings[0].startswith("Will not write "), warnings
        assert "Journeys.pdf" in warnings[0]
        assert path.read_bytes() == before
    finally:
        window.close()
        window.library.close()
    assert contents(path) == expected

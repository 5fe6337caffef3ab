"""Recovery: a library that fails its integrity check opens read-only with a message, and every journey that can
still be read is exported to JSON (core, command line and editor); the unreadable ones are reported.

The damage is real: one b-tree page of the touchpoints table, in the middle of a large journey's cards, is
overwritten with junk, as a failing disk or a bad copy does. The other journeys' cards live on other pages."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.cli import main
from cjmapper.errors import LibraryError
from cjmapper.interchange import read_journey_file, write_journey
from cjmapper.recovery import export_all
from cjmapper.store import Library
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

DAMAGED, KEPT, ALSO_KEPT = "Damaged journey", "Kept journey", "Also kept"


def touchpoint_leaf_pages(path: Path) -> list[int]:
    raw = sqlite3.connect(path)
    try:
        query = "SELECT pageno FROM dbstat WHERE name = 'touchpoints' AND pagetype = 'leaf' ORDER BY pageno"
        return [int(row[0]) for row in raw.execute(query)]
    finally:
        raw.close()


def scribble_on_page(path: Path, page: int) -> None:
    """Overwrite one whole page of the file with junk (pages are numbered from 1)."""
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\x42" * page_size)


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A library of three journeys whose first journey's cards are partly on a scribbled page; also the kept
    journeys' interchange text from before the damage."""
    path = tmp_path / "broken.cjm"
    big = sample_journey(DAMAGED, phases=5, lanes=4, cards_per_cell=10)
    for card in big.touchpoints:
        card.notes = "Notes that fill pages. " * 20
    with Library.open(path) as lib:
        lib.create_journey(big)
        kept = {title: lib.create_journey(sample_journey(title, phases=p)) for title, p in ((KEPT, 3), (ALSO_KEPT, 2))}
        before = {title: write_journey(lib.load_journey(i)) for title, i in kept.items()}
    assert not Path(f"{path}-wal").exists()  # closing checkpointed everything into the file
    pages = touchpoint_leaf_pages(path)
    assert len(pages) > 10
    scribble_on_page(path, pages[len(pages) // 3])
    return path, before


def test_a_damaged_library_opens_read_only_naming_the_damage(damaged: tuple[Path, dict[str, str]]) -> None:
    path, _ = damaged
    bytes_before = path.read_bytes()
    with Library.open(path) as lib:
        assert lib.read_only
        assert lib.damage  # what SQLite's integrity check found
        assert lib.integrity_problems(full=True)
        journey_id = lib.find_journey(KEPT)
        with pytest.raises(LibraryError, match=r"^broken.cjm is damaged and open read-only: the change was not saved"):
            lib.update_journey(journey_id, title="an edit")
        with pytest.raises(LibraryError, match="read-only"):
            lib.create_journey(sample_journey("new"))
    assert path.read_bytes() == bytes_before  # nothing was written, not even a header


def test_a_sound_library_opens_for_editing(tmp_path: Path) -> None:
    with Library.open(tmp_path / "sound.cjm") as lib:
        lib.create_journey(sample_journey())
    with Library.open(tmp_path / "sound.cjm") as lib:
        assert not lib.read_only
        assert lib.damage == ()
        assert lib.integrity_problems(full=True) == []


def test_export_all_saves_every_readable_journey_and_reports_the_rest(
    damaged: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, before = damaged
    with Library.open(path) as lib:
        report = export_all(lib, tmp_path / "rescued")
    assert [done.title for done in report.written] == [KEPT, ALSO_KEPT]
    assert [(lost.title, "damaged" in lost.reason) for lost in report.unreadable] == [(DAMAGED, True)]
    for done in report.written:
        assert done.path.parent == tmp_path / "rescued"
        assert write_journey(read_journey_file(done.path)) == before[done.title]  # exactly what was there
    assert sorted(p.name for p in (tmp_path / "rescued").iterdir()) == ["2 Kept journey.json", "3 Also kept.json"]


def test_export_all_on_the_command_line(
    damaged: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, before = damaged
    folder = tmp_path / "out"
    assert main(["--library", str(path), "export-all", "-o", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [str(folder / "2 Kept journey.json"), str(folder / "3 Also kept.json")]
    lines = err.splitlines()
    assert lines[0].startswith("cjmapper: warning: broken.cjm is damaged (")
    assert "cjmapper export-all -o FOLDER" in lines[0]
    assert lines[1].startswith(f"cjmapper: warning: journey 1 “{DAMAGED}” could not be read: ")
    assert lines[2] == f"cjmapper: error: 1 of 3 journeys could not be read; the others are in {folder}"
    assert write_journey(read_journey_file(folder / "2 Kept journey.json")) == before[KEPT]


def test_export_all_of_a_sound_library_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "sound.cjm"
    with Library.open(library) as lib:
        lib.create_journey(sample_journey("Only/one"))
    assert main(["--library", str(library), "export-all", "-o", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    assert out == f"{tmp_path / 'out' / '1 Only_one.json'}\n"
    assert err == ""


# ---------------------------------------------------------------------- the editor


@pytest.fixture
def window(qtbot: QtBot, damaged: tuple[Path, dict[str, str]]) -> Iterator[MainWindow]:
    opened = open_window(qtbot, damaged[0])
    yield opened
    opened.library.close()


def test_the_editor_shows_a_damaged_library_read_only_and_exports_what_is_left(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.damage_banner.isVisible()
    assert "broken.cjm is damaged" in window.damage_banner.label.text()
    assert "read-only" in window.damage_banner.label.text()
    window.open_journey(window.library.find_journey(KEPT))
    assert window.document is not None
    for action in (
        window.new_journey_action,
        window.import_action,
        window.rename_journey_action,
        window.delete_journey_action,
        window.add_phase_action,
        window.new_card_action,
        window.paste_action,
    ):
        assert not action.isEnabled(), action.text()
    assert not window.view.isInteractive()
    assert not window.properties.isEnabled()
    assert window.export_json_action.isEnabled()
    assert window.export_all_action.isEnabled()

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "rescued"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    window.damage_banner.button.click()
    assert sorted(p.name for p in (tmp_path / "rescued").iterdir()) == ["2 Kept journey.json", "3 Also kept.json"]
    assert len(shown) == 1
    assert shown[0].startswith(f"Exported 2 journeys to {tmp_path / 'rescued'}.")
    assert f"• {DAMAGED}: " in shown[0]


def test_an_edit_that_slips_through_is_refused_by_the_library(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    window.open_journey(window.library.find_journey(KEPT))
    assert window.document is not None
    assert not window.document.update_journey(title="an edit")
    assert len(shown) == 1
    assert "open read-only" in shown[0]
    assert window.document.journey.title == KEPT

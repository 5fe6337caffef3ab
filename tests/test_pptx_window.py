"""File › Export PowerPoint… on the real window: the file dialog, the deck written off the UI thread with its progress
strip, the result in the status bar, a failure as one message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.pptx_helpers import read_deck
from tests.store_helpers import sample_journey
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A library holding the Dutch example journey."""
    library = tmp_path / "bakkerij.cjm"
    with Library.open(library) as opened:
        opened.create_journey(load_example("nl"))
    return library


def powerpoint_action(window: MainWindow) -> QAction:
    file_menu = window.menus[0]
    return next(a for a in file_menu.actions() if a.objectName() == "exportPowerPointAction")


def choose_file(monkeypatch: pytest.MonkeyPatch, target: Path, filters: list[str]) -> None:
    def save_as(_parent: object, _title: str, _suggested: str, file_filter: str) -> tuple[str, str]:
        filters.append(file_filter)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)


def test_the_file_menu_exports_the_open_journey_as_a_deck(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    action = powerpoint_action(window)
    assert action.text() == "Export Po&werPoint…"
    assert action.isEnabled() == (window.document is not None)  # with the journey open, like Export Picture…
    window.open_journey(1)
    assert action.isEnabled()
    filters: list[str] = []
    choose_file(monkeypatch, tmp_path / "klant", filters)  # no extension typed: .pptx is added
    action.trigger()
    assert filters == ["PowerPoint presentations (*.pptx)"]
    assert window.powerpoint.job is not None
    assert not action.isEnabled()  # one deck at a time
    qtbot.waitUntil(lambda: window.powerpoint.job is None, timeout=120_000)
    assert warnings == []
    target = tmp_path / "klant.pptx"
    assert window.statusBar().currentMessage() == f"Saved the PowerPoint file as {target} (7 slides)"
    assert action.isEnabled()
    assert not window.powerpoint.progress.isVisible()
    assert window.document is not None
    journey = window.document.journey
    slides = read_deck(target)
    assert [s.title for s in slides] == [journey.title, "Overzicht", *(p.name for p in journey.phases)]
    cards = [c for s in slides for c in s.cards]
    assert sorted(c.paragraphs[0] for c in cards) == sorted(t.title for t in journey.touchpoints)
    assert {c.kind for c in cards} == {MSO_SHAPE_TYPE.TEXT_BOX}
    overview = Presentation(str(target)).slides[1]
    assert [s.shape_type for s in overview.shapes].count(MSO_SHAPE_TYPE.PICTURE) == 1


def test_a_deck_that_cannot_be_written_is_one_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    window.open_journey(1)
    folder = tmp_path / "deck.pptx"
    folder.mkdir()  # a folder where the file should go
    choose_file(monkeypatch, folder, [])
    powerpoint_action(window).trigger()
    qtbot.waitUntil(lambda: window.powerpoint.job is None, timeout=120_000)
    assert len(warnings) == 1
    assert warnings[0] == f"cannot write {folder}: it is a folder"
    assert "\n" not in warnings[0]
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_cancel_stops_the_deck_and_writes_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    journey_id = window.library.create_journey(sample_journey("Groot", phases=5, lanes=4, cards_per_cell=50))
    window.open_journey(journey_id)
    target = tmp_path / "groot.pptx"
    choose_file(monkeypatch, target, [])
    powerpoint_action(window).trigger()
    assert window.powerpoint.progress.isVisible()
    assert window.powerpoint.progress.label.text() == "Exporting PowerPoint groot.pptx"
    window.powerpoint.progress.cancel_button.click()  # 1,000 cards take seconds: it stops at the next slide
    qtbot.waitUntil(lambda: window.powerpoint.job is None, timeout=120_000)
    assert window.statusBar().currentMessage() == "PowerPoint export cancelled; no file was written."
    assert warnings == []
    assert not target.exists()
    assert list(tmp_path.glob("*.pptx*")) == []

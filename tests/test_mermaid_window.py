"""The editor's File › Import Journey… takes a Mermaid journey (.mmd, or the first journey block of a Markdown file)
as it takes a journey file, and a bad one is one message naming its line, with nothing imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from tests.store_helpers import sample_journey
from ui import app as ui_app
from ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with Library.open(tmp_path / "lib.cjm") as lib:
        lib.create_journey(sample_journey("Existing"))
    opened = ui_app.create_window(Library.open(tmp_path / "lib.cjm"))
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.close()
    opened.library.close()


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    filters: list[str] = []

    def open_file(_parent: object, _title: str, _folder: str, file_filter: str) -> tuple[str, str]:
        filters.append(file_filter)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    return filters


def test_import_journey_takes_the_journey_block_of_a_markdown_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "onboarding.md"
    notes.write_text(
        "# Onboarding\n\n```mermaid\njourney\n  title Onboarding: day 1\n  section Arrive\n"
        "    Get a badge: 2: New hire\n    Coffee with the team: 5: New hire, Buddy\n```\n",
        encoding="utf-8",
    )
    filters = choose(monkeypatch, notes)
    window.import_action.trigger()
    assert filters == [
        "All journeys (*.json *.mmd *.md *.xlsx);;Journey files (*.json);;Mermaid journeys (*.mmd *.md);;"
        "cjmapper workbooks (*.xlsx)"
    ]
    titles = [j.title for j in window.library.list_journeys()]
    assert titles.count("Onboarding: day 1") == 1
    assert window.document is not None
    journey = window.document.journey
    assert journey.title == "Onboarding: day 1"
    assert [p.name for p in journey.personas] == ["New hire", "Buddy"]
    assert [(c.title, c.score) for c in journey.ordered_touchpoints()] == [
        ("Get a badge", 2),
        ("Coffee with the team", 5),
    ]


def test_a_bad_diagram_is_one_message_and_imports_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "day.mmd"
    bad.write_text("journey\n  section Work\n    Do work: 7: Me\n", encoding="utf-8")
    choose(monkeypatch, bad)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    before = window.library.list_journeys()
    window.import_action.trigger()
    assert shown == ["day.mmd: line 3: a task's score is a whole number from 1 to 5; this one is '7'"]
    assert window.library.list_journeys() == before


def test_a_mermaid_file_dropped_or_opened_is_imported(window: MainWindow, tmp_path: Path) -> None:
    diagram = tmp_path / "day.mmd"
    diagram.write_text("journey\n  title My working day\n  section Work\n    Make tea: 5: Me\n", encoding="utf-8")
    window.file_opener.open_files([diagram])  # what a drop on the window, `cjmapper day.mmd` and macOS's Open do
    assert window.document is not None
    assert window.document.journey.title == "My working day"
    assert [(c.title, c.score) for c in window.document.journey.touchpoints] == [("Make tea", 5)]

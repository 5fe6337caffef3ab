"""One table of export formats (`cjmapper.exports`) for the command line and the editor: the editor's File menu
offers Export Journey as … for each "journey" format of the table and writes each with the format's own writer (none
is written as CSV because it is not JSON), and both read the same names, extensions and kinds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper import exports
from cjmapper.exports import find_format, format_of, formats_of_kind
from cjmapper.interchange import write_csv, write_journey
from cjmapper.interchange.mermaid_writer import mermaid_losses, write_mermaid
from cjmapper.store import Library
from tests.export_helpers import OUTLINE, outline
from tests.store_helpers import sample_journey
from ui import app as ui_app
from ui.export import pictures
from ui.plain_text import plain_tooltip
from ui.window.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    with Library.open(path) as lib:
        lib.create_journey(sample_journey("Outlined"))
    opened = ui_app.create_window(Library.open(path))
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setitem(exports.FORMATS, "md", OUTLINE)  # a format the table does not hold, before the menu is made
    opened = open_window(qtbot, tmp_path / "lib.cjm")
    yield opened
    opened.close()
    opened.library.close()


def test_the_file_menu_offers_each_journey_format_of_the_table(window: MainWindow) -> None:
    file_menu = window.menus[0]
    texts = [action.text() for action in file_menu.actions()]
    assert "Export Journey as &JSON…" in texts
    assert "Export Journey as &CSV…" in texts
    assert "Export Journey as &Mermaid…" in texts
    assert "Export Journey as MD…" in texts
    assert "Export Journey as E&xcel Workbook…" in texts
    assert list(window.exports.journey_actions) == ["json", "csv", "xlsx", "mermaid", "md"]


@pytest.mark.parametrize(
    ("name", "writer"), [("json", write_journey), ("csv", write_csv), ("mermaid", write_mermaid), ("md", outline)]
)
def test_the_editor_writes_each_format_with_its_own_writer(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, writer: object
) -> None:
    target = tmp_path / f"out.{name}"
    filters: list[str] = []

    def save_as(_parent: object, _title: str, _suggested: str, file_filter: str) -> tuple[str, str]:
        filters.append(file_filter)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.exports.journey_actions[name].trigger()
    assert window.document is not None
    journey = window.document.journey
    assert callable(writer)
    expected = writer(journey)
    written = target.read_bytes().decode("utf-8-sig") if name == "csv" else target.read_text(encoding="utf-8")
    assert written.replace("\r\n", "\n") == expected.replace("\r\n", "\n")
    assert filters == [
        {
            "json": "Journey files (*.json)",
            "csv": "Spreadsheets (*.csv)",
            "mermaid": "Mermaid journeys (*.mmd)",
            "md": "MD files (*.md)",
        }[name]
    ]
    lost = mermaid_losses(journey) if name == "mermaid" else None  # what the format cannot hold, said in one line
    assert lost is None or "cannot hold" in lost
    said = f"Exported “{journey.title}” to {target}" + (f". {lost}" if lost else "")
    shown = window.statusBar().currentMessage()
    assert shown == said or (shown.endswith("…") and said.startswith(shown[:-1]))  # a long one cut to the room there is
    assert window.statusBar().toolTip() == ("" if shown == said else plain_tooltip(said))  # whole in its tooltip


def test_the_table_names_each_format_once_with_its_extension() -> None:
    assert [f.name for f in exports.FORMATS.values()] == ["json", "csv", "xlsx", "mermaid", "pdf", "png", "svg", "pptx"]
    for export_format in exports.FORMATS.values():
        assert find_format(export_format.name.upper()) is export_format
        assert format_of(f"map{export_format.extension.upper()}") is export_format
        assert (export_format.write_file is not None) == (export_format.kind == "journey")
    assert format_of("map.md") is None
    assert find_format("gif") is None
    assert [f.name for f in formats_of_kind("picture")] == list(pictures.FORMATS)
    assert [f.name for f in formats_of_kind("deck")] == ["pptx"]  # its overview slide holds the map's PNG
    assert [f.name for f in exports.FORMATS.values() if f.needs_qt] == [*pictures.FORMATS, "pptx"]

"""File › Import Cards… in the real window: a Dutch Excel sheet previewed row by row with its columns recognised (and
changed by the user), the missing phases and lanes offered for creation, the cards imported as one undo step that
undo takes back whole; 120 sticky notes into a new journey from a template (one step of the library's history); a
file that cannot be read is one line, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.card_import.sheet import Field
from cjmapper.store import Library
from cjmapper.templates import load_template
from tests.card_import_helpers import DUTCH_HEADER, DUTCH_ROWS, card_contents, sticky_notes, write_csv, write_xlsx
from tests.window_helpers import open_window
from ui.dialogs.card_import_dialog import CardImportDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "muur.cjm") as lib:
        journey = load_template("five-phase", "nl")
        journey.title = "Bakkerij"
        lib.create_journey(journey)
    return tmp_path / "muur.cjm"


def open_dialog(window: MainWindow, sheet: Path, monkeypatch: pytest.MonkeyPatch) -> CardImportDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    window.card_import.import_action.trigger()
    dialog = window.card_import.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.choose_button.click()
    return dialog


def outcomes(dialog: CardImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [tuple(str(model.data(model.index(r, c))) for c in range(3)) for r in range(model.rowCount())]  # type: ignore[misc]


def test_a_dutch_sheet_is_previewed_mapped_and_imported_as_one_undo_step(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*DUTCH_ROWS, ["Nazorg", "Wensen", "Terugbellen"], ["Aankoop", "", "Half", "", "4,5"]]
    dialog = open_dialog(window, write_csv(tmp_path / "muur.csv", DUTCH_HEADER, rows, "cp1252"), monkeypatch)
    assert dialog.file_label.text() == "muur.csv"
    assert [box.currentData() for box in dialog.boxes] == [f.value for f in list(Field)[:9]]
    assert dialog.target.currentText() == "This journey: Bakkerij"
    assert dialog.summary.text() == "6 rows: 5 new cards, 1 problems."
    assert outcomes(dialog)[4:] == [
        ("6", "new card", "Terugbellen"),
        ("7", "problem", "A score is 1 to 5, or none; '4,5' is not."),
    ]
    model = dialog.model
    assert [model.data(model.index(r, 3)) for r in (0, 4, 5)] == [
        "Bewustwording › Contactmomenten",
        "Nazorg › Wensen",
        "",
    ]
    assert dialog.create_missing.isVisible()
    assert dialog.create_missing.text() == "Create the missing phases (Nazorg) and lanes (Wensen)"
    dialog.create_missing.setChecked(False)
    assert dialog.summary.text() == "6 rows: 4 new cards, 2 problems."
    assert outcomes(dialog)[4] == ("6", "problem", "The journey has no phase “Nazorg”.")
    dialog.create_missing.setChecked(True)
    score = dialog.boxes[DUTCH_HEADER.index("Score")]
    score.setCurrentIndex(score.findData(None))  # the user ignores the score column: no problem left
    assert dialog.summary.text() == "6 rows: 6 new cards, 0 problems."
    notes = dialog.boxes[DUTCH_HEADER.index("Notities")]
    notes.setCurrentIndex(notes.findData(Field.EXPECTATION.value))
    before = window.library.load_journey(1)
    dialog.import_button.click()
    assert not dialog.isVisible()

    journey = window.library.load_journey(1)
    assert journey.revision == before.revision + 1  # one transaction
    assert (journey.phases[-1].name, journey.lanes[-1].name) == ("Nazorg", "Wensen")
    contents = card_contents(journey)
    assert len(contents) == 6
    assert contents[0][:6] == (
        "Bewustwording",
        "Contactmomenten",
        "Advertentie op Instagram",
        "social-media",
        None,
        "Veel likes",
    )
    assert window.document is not None
    assert len(window.document.journey.touchpoints) == 6
    assert window.scene is not None
    assert len(window.scene.card_items()) == 6
    assert window.undo_action.text() == "&Undo Import 6 cards"
    window.undo_action.trigger()
    undone = window.library.load_journey(1)
    assert (undone.phases, undone.lanes, undone.touchpoints) == (before.phases, before.lanes, [])
    assert len(window.scene.card_items()) == 0
    window.redo_action.trigger()
    assert card_contents(window.library.load_journey(1)) == contents


def test_120_sticky_notes_from_an_xlsx_make_a_new_journey_from_a_template(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    sheet = write_xlsx(tmp_path / "Workshop.xlsx", DUTCH_HEADER, sticky_notes(120))  # type: ignore[arg-type]
    dialog = open_dialog(window, sheet, monkeypatch)
    dialog.target.setCurrentIndex(dialog.target.findData("five-phase"))
    assert dialog.summary.text() == "120 rows: 120 new cards, 0 problems."
    assert not dialog.create_missing.isVisible()
    dialog.import_button.click()
    assert not dialog.isVisible()
    journeys = window.library.list_journeys()
    assert [(j.title, j.touchpoints) for j in journeys] == [("Bakkerij", 0), ("Workshop", 120)]
    qtbot.waitUntil(lambda: window.document is not None and window.document.journey.title == "Workshop")
    assert window.undo_action.text() == "&Undo Import journey “Workshop”"
    window.undo_action.trigger()
    assert [j.title for j in window.library.list_journeys()] == ["Bakkerij"]


def test_a_file_that_cannot_be_read_is_one_line_and_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"junk" * 50)
    dialog = open_dialog(window, broken, monkeypatch)
    assert dialog.file_label.text() == "kapot.xlsx is not a readable XLSX file."
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "Choose a CSV or XLSX file with a card on each row."
    headers_only = write_csv(tmp_path / "kolommen.csv", ["Wat", "Waar"], [["Bellen", "Aankoop"]])
    dialog.load(headers_only)
    assert dialog.summary.text() == (
        "No column for phase, title: name the columns so (or in Dutch), or map them with COLUMN=FIELD."
    )
    assert not dialog.import_button.isEnabled()
    dialog.boxes[0].setCurrentIndex(dialog.boxes[0].findData(Field.TITLE.value))
    dialog.boxes[1].setCurrentIndex(dialog.boxes[1].findData(Field.PHASE.value))
    assert dialog.summary.text() == "1 rows: 1 new cards, 0 problems."
    dialog.reject()
    assert window.library.load_journey(1).touchpoints == []


def test_with_no_journey_open_the_cards_make_a_new_journey(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "leeg.cjm")
    try:
        assert window.document is None
        sheet = write_csv(tmp_path / "Muur.csv", ["phase", "title"], [["Purchase", "Pays online"]])
        dialog = open_dialog(window, sheet, monkeypatch)
        assert dialog.target.currentData() == "five-phase"  # no journey open: a new one from the first template
        assert dialog.summary.text() == "1 rows: 1 new cards, 0 problems."
        dialog.import_button.click()
        [journey] = window.library.list_journeys()
        assert (journey.title, journey.touchpoints) == ("Muur", 1)
        qtbot.waitUntil(lambda: window.document is not None)
    finally:
        window.close()
        window.library.close()

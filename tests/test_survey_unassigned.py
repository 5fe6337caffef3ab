"""The Unassigned list in the real window: rows of an import that named no card or phase, kept, are listed by
Journey › Unassigned Survey Responses… with what their row gave; a selection assigned to a card changes that card's
figures (and its heat view mark), and undo puts the responses back in the list. Deleting is undoable too. And the edit
API underneath: one transaction each way, refusing a card the journey lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog

from cjmapper.errors import EditError
from cjmapper.store import Library
from cjmapper.store.survey_edits import ResponsePlace
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Response
from cjmapper.survey.metrics import journey_figures
from tests.survey_helpers import survey_journey, write
from ui.dialogs.unassigned_dialog import UnassignedDialog
from ui.window.main_window import MainWindow

SURVEY = """Contactmoment;Meting;Waarde;Persona;Datum
Website bekijken;csat;2;Sanne;31-03-2026
Webshop;csat;5;sanne;01-04-2026
Webshop;csat;4;;02-04-2026
Balie;nps;3;Kees;
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "enquete.cjm") as lib:
        lib.create_journey(survey_journey())
    return tmp_path / "enquete.cjm"


def import_keeping_unmatched(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    survey = write(tmp_path / "enquete.csv", SURVEY)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(survey), ""))
    window.survey.import_action.trigger()
    dialog = window.survey.dialog
    assert dialog is not None
    dialog.choose_button.click()
    dialog.keep_unassigned.setChecked(True)
    dialog.apply_button.click()


def open_list(window: MainWindow) -> UnassignedDialog:
    window.survey.unassigned_action.trigger()
    dialog = window.survey.unassigned_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def rows(dialog: UnassignedDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [cell.text() if (cell := table.item(r, c)) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def select(dialog: UnassignedDialog, *table_rows: int) -> None:
    model = dialog.table.selectionModel()
    model.clearSelection()
    for r in table_rows:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        model.select(dialog.table.model().index(r, 0), flags)


def card_responses(window: MainWindow, card_id: int) -> int:
    library = window.library
    journey = library.load_journey(1)
    figures = journey_figures(journey, library.survey_responses(1), library.survey_targets(1))
    return sum(f.responses for f in figures.touchpoints.get(card_id, {}).values())


def test_kept_rows_are_listed_and_assigning_one_to_a_card_is_one_undo_step(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_keeping_unmatched(window, tmp_path, monkeypatch)
    assert window.document is not None
    window.document.set_survey_target(1, Metric.CSAT, 0.8, True)
    window.survey.heat_action.trigger()
    dialog = open_list(window)
    assert rows(dialog) == [
        ["Webshop", "CSAT", "5", "Sanne", "2026-04-01"],  # the journey's persona, in its own spelling
        ["Webshop", "CSAT", "4", "", "2026-04-02"],
        ["Balie", "NPS", "3", "Kees", ""],
    ]
    assert dialog.count_label.text() == "3 responses named no card or phase of this journey."
    assert card_responses(window, 1) == 1
    items = window.survey._items
    assert items is not None
    assert items[1].cards[1].text == "CSAT 0.00 / 0.80"
    assert not dialog.assign_button.isEnabled()
    select(dialog, 0)
    dialog.place_box.setCurrentIndex(dialog.place_box.findData("card:1"))
    assert dialog.place_box.currentText().strip() == "Website bekijken"
    dialog.assign_button.click()
    assert card_responses(window, 1) == 2
    assert items[1].cards[1].text == "CSAT 0.50 / 0.80"  # the card's figure on the canvas follows
    assert [r[0] for r in rows(dialog)] == ["Webshop", "Balie"]
    assert window.undo_action.text() == "&Undo Assign 1 survey responses"
    window.undo_action.trigger()
    assert card_responses(window, 1) == 1
    assert items[1].cards[1].text == "CSAT 0.00 / 0.80"
    assert rows(dialog)[0] == ["Webshop", "CSAT", "5", "Sanne", "2026-04-01"]
    window.redo_action.trigger()
    assert card_responses(window, 1) == 2


def test_a_selection_goes_to_a_phase_and_deleting_is_undone_under_the_same_ids(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_keeping_unmatched(window, tmp_path, monkeypatch)
    dialog = open_list(window)
    before = window.library.unassigned_responses(1)
    select(dialog, 0, 1)
    dialog.place_box.setCurrentIndex(dialog.place_box.findData("phase:2"))
    assert dialog.place_box.currentText() == "Phase Offerte"
    dialog.assign_button.click()
    journey = window.library.load_journey(1)
    figures = journey_figures(journey, window.library.survey_responses(1), [])
    assert figures.phases[2][Metric.CSAT].responses == 2
    assert [r[0] for r in rows(dialog)] == ["Balie"]
    select(dialog, 0)
    dialog.delete_button.click()
    assert rows(dialog) == []
    assert dialog.count_label.text() == "0 responses named no card or phase of this journey."
    assert len(window.library.survey_responses(1)) == 3
    window.undo_action.trigger()
    assert window.library.unassigned_responses(1) == before[2:]
    window.undo_action.trigger()
    assert window.library.unassigned_responses(1) == before


@pytest.mark.both_backends
def test_placing_refuses_a_card_of_another_journey_and_changes_nothing(library: Library) -> None:
    first = library.create_journey(survey_journey())
    other = library.create_journey(survey_journey("Ander"))
    foreign = library.load_journey(other).touchpoints[0].id
    library.import_survey(first, [Response(Metric.CES, 2, unassigned="Balie")])
    [stored] = library.unassigned_responses(first)
    revision = library.revision(first)
    with pytest.raises(EditError, match="no touchpoint with id"):
        library.place_survey_responses(first, [ResponsePlace(stored.id, touchpoint_id=foreign)])
    assert library.unassigned_responses(first) == [stored]
    assert library.revision(first) == revision
    done = library.place_survey_responses(first, [ResponsePlace(stored.id, phase_id=None, touchpoint_id=None)])
    assert done.value == (ResponsePlace(stored.id, None, None, "Balie"),)


@pytest.mark.both_backends
def test_responses_placed_and_deleted_come_back_as_they_were(library: Library) -> None:
    journey_id = library.create_journey(survey_journey())
    card = library.load_journey(journey_id).touchpoints[1].id
    library.import_survey(journey_id, [Response(Metric.CSAT, v, unassigned=f"Balie {v}") for v in (1, 2, 3, 4, 5)])
    stored = library.unassigned_responses(journey_id)
    moved = library.place_survey_responses(journey_id, [ResponsePlace(s.id, touchpoint_id=card) for s in stored[:3]])
    assert [s.response.value for s in library.unassigned_responses(journey_id)] == [4, 5]
    assert sorted(r.value for r in library.survey_responses(journey_id) if r.touchpoint_id == card) == [1, 2, 3]
    library.place_survey_responses(journey_id, moved.value)
    assert library.unassigned_responses(journey_id) == stored
    gone = library.delete_survey_responses(journey_id, [stored[0].id, stored[4].id])
    assert gone.value == (stored[0], stored[4])
    assert library.unassigned_responses(journey_id) == stored[1:4]
    library.restore_survey_responses(journey_id, gone.value)
    assert library.unassigned_responses(journey_id) == stored  # under their own ids and batches

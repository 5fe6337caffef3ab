"""Survey results in the real window: File › Import Survey Results… previews a Dutch CSV and applies it as one undo
step (after a named version); View › Heat View colours the cells and cards of the canvas by their distance from
target, read back from the painted pixels, and the open journey's poster and pictures show it while the canvas
does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from cjmapper.survey.heat import heat_colour
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Field, Response
from cjmapper.templates import load_example
from tests.poster_helpers import fragments
from tests.survey_helpers import survey_journey, write
from tests.test_poster_dialog import run_dialog, save_as, wait_for_export
from ui.export.picture_dialog import PictureDpiDialog
from ui.window.main_window import MainWindow

SURVEY = """Contactmoment;Fase;Meting;Waarde;Persona;Datum
Website bekijken;;klanttevredenheid;5;Sanne;31-03-2026
Website bekijken;;klanttevredenheid;2;;31-03-2026
;Offerte;NPS;9,0;;
Onbekend;;csat;4;;
Website bekijken;;csat;9;;
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "enquete.cjm") as lib:
        lib.create_journey(survey_journey())
    return tmp_path / "enquete.cjm"


def test_an_import_through_the_dialog_is_one_undo_step(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    survey = write(tmp_path / "enquete.csv", SURVEY, "cp1252")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(survey), ""))
    window.survey.import_action.trigger()
    dialog = window.survey.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.choose_button.click()
    assert dialog.summary.text() == "5 rows: 3 valid, 1 invalid, 0 duplicate, 1 unmatched."
    assert dialog.boxes[Field.TOUCHPOINT].currentText() == "Contactmoment"
    model = dialog.model
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [
        "valid",
        "valid",
        "valid",
        "unmatched",
        "invalid",
    ]
    assert model.data(model.index(4, 2)) == "CSAT must be a whole number from 1 to 5, not 9"
    dialog.keep_unassigned.setChecked(True)
    dialog.apply_button.click()
    assert not dialog.isVisible()
    library = window.library
    assert len(library.survey_responses(1)) == 4
    [version] = library.list_versions(1)
    assert version.name.startswith("Before survey import")
    assert window.undo_action.text() == "&Undo Import 4 survey responses"
    window.undo_action.trigger()
    assert library.survey_responses(1) == []
    window.redo_action.trigger()
    assert len(library.survey_responses(1)) == 4
    assert {r.unassigned for r in library.survey_responses(1)} == {None, "Onbekend"}


def pixel(window: MainWindow, x: float, y: float) -> QColor:
    view = window.view
    point = view.mapFromScene(QPointF(x, y))
    return view.viewport().grab().toImage().pixelColor(point)


def test_the_heat_view_colours_cells_and_cards_by_their_distance_from_target(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    journey = library.load_journey(1)
    offerte, installatie = journey.phases[1].id, journey.phases[2].id
    library.set_survey_target(1, offerte, Metric.CSAT, 0.8)  # misses it: CSAT 0.5
    library.set_survey_target(1, installatie, Metric.CES, 3.0, higher_is_better=False)  # beats it: CES 1.5
    library.import_survey(
        1,
        [
            Response(Metric.CSAT, 5, touchpoint_id=2),
            Response(Metric.CSAT, 2, touchpoint_id=2),
            Response(Metric.CES, 1, touchpoint_id=3),
            Response(Metric.CES, 2, touchpoint_id=3),
        ],
    )
    window.open_journey(1)
    window.zoom_reset_action.trigger()
    scene = window.scene
    assert scene is not None
    box = scene.layout.cards[2]
    window.view.centerOn(box.rect.x, box.rect.y)
    qtbot.wait(50)
    outside = (box.rect.x - 2.0, box.rect.y + box.rect.height / 2)
    before = pixel(window, *outside)
    window.survey.heat_action.trigger()
    qtbot.wait(50)
    frame = pixel(window, *outside)
    assert frame.name() == heat_colour(-1.0)  # dark orange: 0.3 short of 0.8, past a quarter of the scale
    assert frame != before
    cell = scene.layout.cells[(offerte, journey.lanes[0].id)].rect
    tinted = pixel(window, cell.x + 3.0, cell.y + cell.height - 3.0)
    assert tinted.red() > tinted.blue() + 40  # orange over the cell
    items = window.survey._items
    assert items is not None
    assert items[1].cards[2].text == "CSAT 0.50 / 0.80"
    assert items[1].cards[3].text == "CES 1.50 / 3.00"
    beats = scene.layout.cards[3]
    window.view.centerOn(beats.rect.x, beats.rect.y)
    qtbot.wait(50)
    blue = pixel(window, beats.rect.x - 2.0, beats.rect.y + beats.rect.height / 2)
    assert blue.blue() > blue.red() + 60  # beyond its target: blue
    window.survey.heat_action.trigger()
    qtbot.wait(50)
    window.view.centerOn(box.rect.x, box.rect.y)
    qtbot.wait(50)
    assert pixel(window, *outside) == before


def test_the_poster_of_the_open_journey_shows_the_heat_view_when_the_canvas_does(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = window.library
    library.set_survey_target(1, library.load_journey(1).phases[1].id, Metric.CSAT, 0.8)
    library.import_survey(1, [Response(Metric.CSAT, 5, touchpoint_id=2), Response(Metric.CSAT, 2, touchpoint_id=2)])
    window.open_journey(1)
    run_dialog(monkeypatch, lambda _dialog: None)
    texts: dict[bool, list[str]] = {}
    for heat in (True, False):
        if window.survey.heat_action.isChecked() != heat:
            window.survey.heat_action.trigger()
        target = tmp_path / f"heat-{heat}.pdf"
        save_as(monkeypatch, target)
        window.export_poster_action.trigger()
        wait_for_export(qtbot, window)
        texts[heat] = [f.text for f in fragments(target)]
    assert "CSAT 0.50 / 0.80" in texts[True]
    assert not [t for t in texts[False] if t.startswith("CSAT 0")]


def test_targets_are_set_in_the_dialog_as_undo_steps_and_the_heat_view_follows(window: MainWindow) -> None:
    library = window.library
    library.import_survey(1, [Response(Metric.CSAT, 5, touchpoint_id=2), Response(Metric.CSAT, 2, touchpoint_id=2)])
    window.open_journey(1)
    window.survey.heat_action.trigger()
    items = window.survey._items
    assert items is not None
    assert items[1].cards == {}  # answers, but no target yet: nothing to colour
    window.survey.targets_action.trigger()
    dialog = window.survey.targets_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.phase_box.setCurrentIndex(dialog.phase_box.findText("Offerte"))
    dialog.metric_box.setCurrentIndex(dialog.metric_box.findText("CSAT"))
    assert dialog.value_box.value() == pytest.approx(0.8)
    dialog.value_box.setValue(0.4)
    dialog.set_button.click()
    offerte = library.load_journey(1).phases[1].id
    assert [(t.phase_id, t.value) for t in library.survey_targets(1)] == [(offerte, 0.4)]
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c) for c in range(4)]
    assert [cell.text() if cell is not None else None for cell in cells] == ["Offerte", "CSAT", "0.40", "higher"]
    assert items[1].cards[2].text == "CSAT 0.50 / 0.40"
    assert items[1].cards[2].heat > 0  # beyond its target: blue
    assert window.undo_action.text() == "&Undo Set CSAT target"
    window.undo_action.trigger()
    assert library.survey_targets(1) == []
    assert dialog.table.rowCount() == 0
    assert items[1].cards == {}
    window.redo_action.trigger()
    assert [(t.phase_id, t.value) for t in library.survey_targets(1)] == [(offerte, 0.4)]
    dialog.clear_button.click()
    assert library.survey_targets(1) == []
    dialog.close()


def test_a_picture_of_the_open_journey_shows_the_heat_view_when_the_canvas_does(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = window.library
    library.set_survey_target(1, library.load_journey(1).phases[1].id, Metric.CSAT, 0.8)
    library.import_survey(1, [Response(Metric.CSAT, 5, touchpoint_id=2), Response(Metric.CSAT, 2, touchpoint_id=2)])
    window.open_journey(1)
    monkeypatch.setattr(PictureDpiDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted.value)
    texts: dict[bool, str] = {}
    for heat in (True, False):
        if window.survey.heat_action.isChecked() != heat:
            window.survey.heat_action.trigger()
        target = tmp_path / f"heat-{heat}.svg"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, target=target, **_k: (str(target), ""))
        window.export_picture_action.trigger()
        texts[heat] = target.read_text(encoding="utf-8")
    assert ">CSAT 0.50 / 0.80<" in texts[True]
    assert ">Heat view, CSAT:<" in texts[True]
    assert "CSAT 0.50" not in texts[False]
    assert "Heat view" not in texts[False]


def test_a_survey_dialog_on_a_journey_no_longer_shown_closes(window: MainWindow) -> None:
    """Opened window-modal, the targets and unassigned dialogs keep the user on their journey; when the journey shown
    changes under them anyway (deleted or replaced by a teammate on a team library), they close rather than edit a
    journey no longer on the canvas."""
    window.open_journey(1)
    other = window.library.create_journey(load_example("en"))
    window.survey.targets_action.trigger()
    targets = window.survey.targets_dialog
    assert targets is not None
    assert targets.isVisible()
    window.open_journey(other)
    assert not targets.isVisible()
    assert window.library.survey_targets(1) == []
    window.survey.unassigned_action.trigger()
    unassigned = window.survey.unassigned_dialog
    assert unassigned is not None
    assert unassigned.isVisible()
    window.open_journey(other)  # the same journey again: it stays open
    assert unassigned.isVisible()
    window.open_journey(1)
    assert not unassigned.isVisible()


def test_the_poster_dialog_plans_the_heat_key_it_prints(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the heat view on, the poster's legend has the heat key's row: the dialog's preview and figures (scale,
    text size) plan that very poster, not one without the row."""
    from cjmapper.poster import A3, PosterOptions, plan_poster
    from cjmapper.survey.commands import poster_heat

    library = window.library
    library.set_survey_target(1, library.load_journey(1).phases[1].id, Metric.CSAT, 0.8)
    library.import_survey(1, [Response(Metric.CSAT, 5, touchpoint_id=2), Response(Metric.CSAT, 2, touchpoint_id=2)])
    window.open_journey(1)
    window.survey.heat_action.trigger()
    journey = library.load_journey(1)
    marks = poster_heat(library, journey)
    assert marks is not None
    with_key = plan_poster(journey, PosterOptions(A3, heat=marks))
    without = plan_poster(journey, PosterOptions(A3))
    assert with_key.chrome.heat is not None
    assert with_key.chrome.map_area != without.chrome.map_area  # the key's row takes room from the map
    seen = []

    def look(dialog: object) -> None:
        seen.append((dialog.plan, dialog.figures.text()))  # type: ignore[attr-defined]

    save_as(monkeypatch, tmp_path / "heat.pdf")
    run_dialog(monkeypatch, look)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    plan, _figures = seen[0]
    assert plan.chrome == with_key.chrome
    assert plan.scale == pytest.approx(with_key.scale)
    assert any(f.text.startswith("CSAT 0.50 / 0.80") for f in fragments(tmp_path / "heat.pdf"))

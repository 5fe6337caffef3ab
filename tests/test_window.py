"""The editor window end to end (pytest-qt on the real window and a real library file): journeys, menus, panels,
files, and a new user's whole path from an empty library to a journey that survives closing the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_csv, write_journey
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.user_settings import settings
from ui.window.library_files import recent_libraries
from ui.window.main_window import SETTINGS_GEOMETRY, MainWindow

ONBOARDING = "Onboarding a new client"


def onboarding_journey() -> Journey:
    """Three scored touchpoints (5, 4, 2): average 3.7, CSAT 67%."""
    return Journey(
        id=0,
        title=ONBOARDING,
        phases=[Phase(1, "Intake"), Phase(2, "Kick-off")],
        lanes=[Lane(1, "Touchpoints"), Lane(2, "Experience", LaneKind.EMOTIONS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, "Welcome call", channel="phone", score=5),
            Touchpoint(2, 1, 1, 1, "Signs the contract", score=4),
            Touchpoint(3, 2, 1, 0, "Waits for the login <details>", channel="e-mail", score=2),
        ],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "test.cjm") as lib:
        lib.create_journey(onboarding_journey())
        lib.create_journey(load_example("en"))
    return tmp_path / "test.cjm"


def fresh(path: Path) -> Library:
    return Library.open(path)


def journey_titled(path: Path, title: str) -> Journey:
    with fresh(path) as lib:
        return lib.load_journey(lib.find_journey(title))


def choose(window: MainWindow, title: str) -> None:
    index = window.library_panel.titles().index(title)
    window.library_panel.list.setCurrentIndex(window.library_panel.proxy.index(index, 0))


def test_window_lists_journeys_and_shows_one_on_the_canvas(window: MainWindow) -> None:
    assert window.library_panel.titles() == [ONBOARDING, load_example("en").title]
    choose(window, ONBOARDING)
    assert window.document is not None
    assert window.document.journey.title == ONBOARDING
    assert window.windowTitle() == f"{ONBOARDING} — test.cjm — cjmapper"
    assert window.status_figures.text() == "3 touchpoints  ·  average score 3.7  ·  CSAT 67%"
    assert window.scene is not None
    assert set(window.scene.card_items()) == {t.id for t in window.document.journey.touchpoints}


def test_search_filters_the_journeys(qtbot: QtBot, window: MainWindow) -> None:
    window.library_panel.search_field.setText("onboard")
    assert window.library_panel.titles() == [ONBOARDING]
    window.library_panel.search_field.setText("zzz")
    assert window.library_panel.titles() == []
    assert window.library_panel.message.isVisibleTo(window)


def test_new_journey_from_a_template_is_undoable(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(dialog: NewJourneyDialog) -> int:
        dialog.title_field.setText("Fietsenwinkel")
        dialog.language_box.setCurrentIndex(1)  # Nederlands
        dialog.template_box.setCurrentIndex(1)  # AIDA
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewJourneyDialog, "exec", accept)
    window.new_journey_action.trigger()
    made = journey_titled(path, "Fietsenwinkel")
    assert [p.name for p in made.phases] == ["Aandacht", "Interesse", "Verlangen", "Actie"]
    assert window.document is not None
    assert window.document.journey_id == made.id
    assert window.undo_action.text() == "&Undo New journey “Fietsenwinkel”"
    window.undo_action.trigger()
    with fresh(path) as lib:
        assert "Fietsenwinkel" not in [j.title for j in lib.list_journeys()]
    window.redo_action.trigger()
    assert journey_titled(path, "Fietsenwinkel").id == made.id


def test_delete_journey_asks_and_undo_brings_it_back_whole(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(window, ONBOARDING)
    before = journey_titled(path, ONBOARDING)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_journey_action.trigger()
    assert ONBOARDING in window.library_panel.titles()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_journey_action.trigger()
    assert ONBOARDING not in window.library_panel.titles()
    window.undo_action.trigger()
    assert ONBOARDING in window.library_panel.titles()
    after = journey_titled(path, ONBOARDING)
    assert after.touchpoints == before.touchpoints
    assert after.id == before.id


def test_edits_on_the_canvas_go_through_undo_and_into_the_file(window: MainWindow, path: Path) -> None:
    choose(window, ONBOARDING)
    assert window.document is not None
    window.new_card_action.trigger()
    assert len(journey_titled(path, ONBOARDING).touchpoints) == 4
    window.undo_action.trigger()
    assert len(journey_titled(path, ONBOARDING).touchpoints) == 3
    window.redo_action.trigger()
    assert len(journey_titled(path, ONBOARDING).touchpoints) == 4
    assert window.status_figures.text().startswith("4 touchpoints")


def test_palette_channel_adds_a_card_to_the_selected_cell(window: MainWindow, path: Path) -> None:
    choose(window, ONBOARDING)
    assert window.scene is not None
    assert window.document is not None
    kick_off = window.document.journey.phases[1].id
    login = next(t for t in window.document.journey.touchpoints if t.phase_id == kick_off)
    window.scene.select_ids([login.id])
    window.channel_palette.channel_activated.emit("newsletter")
    cards = journey_titled(path, ONBOARDING).cell(kick_off, login.lane_id)
    assert [c.channel for c in cards] == ["e-mail", "newsletter"]
    assert cards[1].title == "Newsletter"


def test_properties_follow_the_canvas_selection(window: MainWindow, path: Path) -> None:
    choose(window, ONBOARDING)
    assert window.scene is not None
    assert window.document is not None
    card = window.document.journey.touchpoints[0]
    window.scene.select_ids([card.id])
    assert window.properties.mode() == "card"
    assert window.properties.card_title.text() == card.title
    window.scene.select_ids([])
    assert window.properties.mode() == "journey"


def test_zoom_actions_show_in_the_status_bar(window: MainWindow) -> None:
    window.zoom_reset_action.trigger()
    assert window.status_zoom.text() == "100%"
    window.zoom_in_action.trigger()
    assert window.status_zoom.text() != "100%"
    window.zoom_reset_action.trigger()
    assert window.status_zoom.text() == "100%"


def test_export_json_and_csv(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choose(window, ONBOARDING)
    assert window.document is not None
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_json_action.trigger()
    assert target.read_text(encoding="utf-8") == write_journey(window.document.journey)
    csv_target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_target), ""))
    window.export_csv_action.trigger()
    assert csv_target.read_bytes().decode("utf-8-sig") == write_csv(window.document.journey)


def test_import_opens_the_new_journey_and_a_bad_file_is_one_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    source = tmp_path / "in.json"
    journey = onboarding_journey()
    journey.title = "Imported"
    source.write_text(write_journey(journey), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_action.trigger()
    assert window.document is not None
    assert window.document.journey.title == "Imported"
    source.write_text('{"format": "cjmapper.journey", "version": 9}', encoding="utf-8")
    window.import_action.trigger()
    assert len(warnings) == 1
    assert "version 9" in warnings[0]


def test_switching_library_and_recent_list(
    window: MainWindow, tmp_path: Path, warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.cjm"
    with Library.open(other) as lib:
        lib.create_journey(load_example("nl"))
    assert window.switch_library(other)
    assert window.library.path == other
    assert window.library_panel.titles() == [load_example("nl").title]
    assert recent_libraries()[:2] == [str(other), str(tmp_path / "test.cjm")]
    bad = tmp_path / "noise.cjm"
    bad.write_bytes(b"not a library at all" * 10)
    assert not window.switch_library(bad)
    assert window.library.path == other
    assert len(warnings) == 1
    assert "noise.cjm" in warnings[0]


def test_save_library_as(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.cjm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    with Library.open(target) as copy:
        assert len(copy.list_journeys()) == 2


def test_geometry_persists(qtbot: QtBot, path: Path) -> None:
    first = open_window(qtbot, path)
    first.resize(640, 420)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (640, 420))
    first.close()
    first.library.close()
    stored = settings().value(SETTINGS_GEOMETRY)
    assert isinstance(stored, QByteArray)
    assert not stored.isEmpty()
    second = open_window(qtbot, path)
    assert (second.width(), second.height()) == (640, 420)
    second.close()
    second.library.close()


def type_text(target: QObject, text: str) -> None:
    """Type like a user, including non-ASCII letters (keyClicks would abort on those)."""
    for char in text:
        QApplication.sendEvent(target, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(target, QKeyEvent(QKeyEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, char))


def test_a_new_user_builds_five_phases_and_twenty_cards_by_keyboard(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From an empty library: a five-phase journey with twenty cards, then close and reopen: all there."""
    path = tmp_path / "new.cjm"
    window = open_window(qtbot, path)
    assert window.centre.currentWidget() is window.empty

    def accept(dialog: NewJourneyDialog) -> int:
        dialog.title_field.setText("Bakkerij Jansen")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewJourneyDialog, "exec", accept)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()  # offscreen, a shown window is not active until asked: shortcuts need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.document is not None
    assert window.scene is not None
    phases = window.document.journey.phases
    assert len(phases) == 5
    window.view.setFocus()
    titles = [f"Contact {i + 1} — ë" for i in range(20)]
    for i, title in enumerate(titles):
        QTest.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # new card, title edit
        QTest.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(window.view, title)
        QTest.keyClick(window.view, Qt.Key.Key_Return)
        if i % 4 == 0 and i > 0:  # the first card of the next phase: carry it one column to the right
            QTest.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    window.close()
    window.library.close()
    with Library.open(path) as lib:
        [info] = lib.list_journeys()
        journey = lib.load_journey(info.id)
    assert info.title == "Bakkerij Jansen"
    assert sorted(t.title for t in journey.touchpoints) == sorted(titles)
    per_phase = [sum(1 for t in journey.touchpoints if t.phase_id == p.id) for p in journey.phases]
    assert per_phase == [4, 4, 4, 4, 4]

"""The editor's main window and start-up, driven with pytest-qt on a real library."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

import ui.main
from cjmapper import __version__
from cjmapper.errors import LibraryError
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint, summarize
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui import app as ui_app
from ui.main_window import SETTINGS_GEOMETRY, MainWindow, settings

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
def two_journeys(library: Library) -> Library:
    library.create_journey(onboarding_journey())
    library.create_journey(load_example("en"))
    return library


@pytest.fixture
def example() -> Journey:
    return load_example("en")


def open_window(qtbot: QtBot, library: Library) -> MainWindow:
    window = ui_app.create_window(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, two_journeys: Library) -> MainWindow:
    return open_window(qtbot, two_journeys)


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QWidget | None, str, str]]:
    """QMessageBox.critical records its calls instead of opening a modal dialog."""
    calls: list[tuple[QWidget | None, str, str]] = []

    def record(parent: QWidget | None, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        calls.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return calls


def present(item: QTableWidgetItem | None) -> QTableWidgetItem:
    assert item is not None
    return item


def column_names(table: QTableWidget) -> list[str]:
    return [present(table.horizontalHeaderItem(c)).text() for c in range(table.columnCount())]


def row_names(table: QTableWidget) -> list[str]:
    return [present(table.verticalHeaderItem(r)).text() for r in range(table.rowCount())]


def cell_text(window: MainWindow, lane: str, phase: str) -> str:
    table = window.overview.table
    return present(table.item(row_names(table).index(lane), column_names(table).index(phase))).text()


# ---------------------------------------------------------------------- the window


def test_window_lists_the_journeys_and_shows_the_first(window: MainWindow, example: Journey) -> None:
    assert window.journey_titles() == [ONBOARDING, example.title]  # sorted by title
    assert window.journey_list.currentIndex().row() == 0
    assert window.overview.title_text() == ONBOARDING
    assert window.windowTitle() == f"{ONBOARDING} — test.cjm — cjmapper"
    assert window.overview.summary_text() == "3 touchpoints · average score 3.7 / 5 · CSAT 67%"
    status = window.status_figures.text()
    assert "3 touchpoints" in status
    assert "average score 3.7" in status
    assert "CSAT 67%" in status
    assert window.status_figures.isVisible()
    assert window.journeys_dock.isVisible()
    assert window.journeys_dock.windowTitle() == "Journeys"


def test_list_items_have_the_counts_as_tooltip(window: MainWindow, example: Journey) -> None:
    proxy = window.journey_proxy
    tips = [str(proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)) for row in range(proxy.rowCount())]
    assert "2 phases · 3 touchpoints" in tips[0]
    assert f"{len(example.phases)} phases · {len(example.touchpoints)} touchpoints" in tips[1]


def test_overview_grid_has_phases_as_columns_and_lanes_as_rows(window: MainWindow) -> None:
    table = window.overview.table
    assert column_names(table) == ["Intake", "Kick-off"]
    assert row_names(table) == ["Touchpoints", "Experience"]
    assert cell_text(window, "Touchpoints", "Intake") == "• Welcome call  (5/5)\n• Signs the contract  (4/5)"
    assert cell_text(window, "Touchpoints", "Kick-off") == "• Waits for the login <details>  (2/5)"
    assert cell_text(window, "Experience", "Intake") == "Average 4.5 / 5"
    assert cell_text(window, "Experience", "Kick-off") == "Average 2.0 / 5"
    # a title that looks like HTML is shown as typed, also in the tooltip
    tooltip = present(table.item(0, 1)).toolTip()
    assert "&lt;details&gt;" in tooltip
    assert "E-mail" in tooltip
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            assert not present(table.item(row, column)).flags() & Qt.ItemFlag.ItemIsEditable


def test_search_filters_the_list_by_title(qtbot: QtBot, window: MainWindow, example: Journey) -> None:
    QTest.keyClicks(window.search_field, "BAKERY")
    assert window.journey_titles() == [example.title]
    assert not window.list_message.isVisible()

    window.search_field.clear()
    assert window.journey_titles() == [ONBOARDING, example.title]

    QTest.keyClicks(window.search_field, "no such journey")
    assert window.journey_titles() == []
    assert window.list_message.isVisible()
    assert "no such journey" in window.list_message.text()
    assert window.overview.journey is not None  # the journey on show stays

    window.search_field.clear()
    assert window.journey_titles() == [ONBOARDING, example.title]
    assert not window.list_message.isVisible()


def test_enter_in_the_search_field_shows_the_first_match(qtbot: QtBot, window: MainWindow, example: Journey) -> None:
    QTest.keyClicks(window.search_field, "korenbloem")
    QTest.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.overview.title_text() == example.title


def test_selecting_a_journey_updates_overview_title_and_status(
    qtbot: QtBot, window: MainWindow, example: Journey
) -> None:
    index = window.journey_proxy.index(1, 0)
    view = window.journey_list
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )

    summary = summarize(example)
    assert summary.average is not None
    assert summary.csat is not None
    csat = f"CSAT {round(summary.csat * 100)}%"
    assert window.overview.title_text() == example.title
    assert window.windowTitle() == f"{example.title} — test.cjm — cjmapper"
    status = window.status_figures.text()
    assert f"{summary.touchpoints} touchpoints" in status
    assert f"average score {summary.average:.1f}" in status
    assert csat in status
    assert csat in window.overview.summary_text()
    table = window.overview.table
    assert table.columnCount() == len(example.phases)
    assert table.rowCount() == len(example.lanes)
    first_phase, first_lane = example.phases[0], example.lanes[0]
    first_card = example.cell(first_phase.id, first_lane.id)[0]
    assert first_card.title in cell_text(window, first_lane.name, first_phase.name)

    QTest.keyClick(view, Qt.Key.Key_Up)
    assert window.overview.title_text() == ONBOARDING
    assert "3 touchpoints" in window.status_figures.text()


def test_an_empty_library_says_so(qtbot: QtBot, library: Library) -> None:
    window = open_window(qtbot, library)
    assert window.journey_titles() == []
    assert window.overview.journey is None
    assert "no journeys yet" in window.overview.message_text()
    assert window.windowTitle() == "test.cjm — cjmapper"
    assert window.status_figures.text() == ""
    assert window.list_message.isVisible()


def test_a_journey_that_cannot_be_read_is_a_message_not_a_crash(window: MainWindow, two_journeys: Library) -> None:
    gone = two_journeys.list_journeys()[1].id
    two_journeys.delete_journey(gone)
    window.show_journey(gone)
    assert f"no journey with id {gone}" in window.overview.message_text()
    assert window.windowTitle() == "test.cjm — cjmapper"


def test_menus_quit_and_about(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    assert len(shown) == 1
    assert f"cjmapper {__version__}" in shown[0]

    window.quit_action.trigger()
    assert not window.isVisible()


def test_geometry_and_dock_state_persist(qtbot: QtBot, two_journeys: Library) -> None:
    first = open_window(qtbot, two_journeys)
    first.resize(640, 420)
    first.journeys_dock.hide()
    qtbot.waitUntil(lambda: first.size() == QSize(640, 420))
    first.close()
    assert settings().contains(SETTINGS_GEOMETRY)

    second = open_window(qtbot, two_journeys)
    assert second.size() == QSize(640, 420)
    assert second.journeys_dock.isHidden()
    assert not second.dock_action.isChecked()
    second.dock_action.trigger()
    assert second.journeys_dock.isVisible()


def test_settings_go_to_the_test_folder(isolated: Path) -> None:
    assert Path(settings().fileName()).is_relative_to(isolated)


@pytest.fixture
def isolated(_isolated_user_files: Path) -> Path:
    return _isolated_user_files


# ---------------------------------------------------------------------- starting the editor


@pytest.mark.parametrize("kind", ["folder", "random bytes", "empty file"])
def test_run_editor_refuses_a_bad_library_with_one_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    critical: list[tuple[QWidget | None, str, str]],
    kind: str,
) -> None:
    target = tmp_path / "bad.cjm"
    if kind == "folder":
        target.mkdir()
    elif kind == "random bytes":
        target.write_bytes(os.urandom(4096))
    else:
        target.touch()
    before = target.read_bytes() if target.is_file() else None

    assert ui_app.run_editor(target) == 1

    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("cjmapper: error: ")
    assert "Traceback" not in err
    assert len(critical) == 1
    assert critical[0][2] == lines[0].removeprefix("cjmapper: error: ")
    assert "bad.cjm" in critical[0][2]
    if before is not None:
        assert target.read_bytes() == before  # refused, not touched
    assert sys.excepthook is not ui_app.handle_exception  # the hook only lives while the editor runs


def test_cjmapper_script_with_a_folder_exits_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    critical: list[tuple[QWidget | None, str, str]],
) -> None:
    monkeypatch.setattr(sys, "argv", ["cjmapper", "--library", str(tmp_path)])
    with pytest.raises(SystemExit) as exited:
        ui.main.main()
    assert exited.value.code == 1
    assert capsys.readouterr().err.startswith("cjmapper: error: ")
    assert len(critical) == 1


@pytest.fixture
def quit_soon() -> Iterator[QTimer]:
    """Closes every window once the event loop runs; stopped at teardown so it cannot fire later."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(QApplication.closeAllWindows)
    yield timer
    timer.stop()


def test_run_editor_opens_the_window_and_closes_the_library(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    quit_soon: QTimer,
) -> None:
    path = tmp_path / "fresh.cjm"
    closed: list[Path] = []
    real_close = Library.close

    def close(self: Library) -> None:
        closed.append(self.path)
        real_close(self)

    monkeypatch.setattr(Library, "close", close)
    shown: list[str] = []
    real_create = ui_app.create_window

    def create_window(library: Library) -> MainWindow:
        window = real_create(library)
        shown.append(window.windowTitle())
        return window

    monkeypatch.setattr(ui_app, "create_window", create_window)
    quit_soon.start(50)

    assert ui_app.run_editor(path) == 0

    assert shown == ["fresh.cjm — cjmapper"]
    assert closed == [path]
    assert path.is_file()
    assert settings().contains(SETTINGS_GEOMETRY)  # saved on close
    assert capsys.readouterr().err == ""


def test_run_editor_uses_the_default_library_when_given_none(
    monkeypatch: pytest.MonkeyPatch, quit_soon: QTimer, isolated: Path
) -> None:
    opened: list[Path] = []
    real_open = Library.open

    def open_(path: Path | str, **kwargs: int) -> Library:
        opened.append(Path(path))
        return real_open(path, **kwargs)

    monkeypatch.setattr(Library, "open", open_)
    quit_soon.start(50)
    assert ui_app.run_editor(None) == 0
    assert len(opened) == 1
    assert opened[0].is_relative_to(isolated)  # the test's XDG_DATA_HOME, never the user's library


def test_unexpected_exception_is_logged_and_shown_briefly(
    capsys: pytest.CaptureFixture[str], critical: list[tuple[QWidget | None, str, str]]
) -> None:
    try:
        raise ValueError("internal detail")
    except ValueError as e:
        ui_app.handle_exception(ValueError, e, e.__traceback__)
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "internal detail" in err
    assert len(critical) == 1
    text = critical[0][2]
    assert "unexpected problem (ValueError)" in text
    assert "internal detail" not in text
    assert "Traceback" not in text


def test_user_error_in_the_running_editor_is_its_own_message(
    capsys: pytest.CaptureFixture[str], critical: list[tuple[QWidget | None, str, str]]
) -> None:
    error = LibraryError("test.cjm is read-only.")
    ui_app.handle_exception(LibraryError, error, None)
    assert capsys.readouterr().err == "cjmapper: error: test.cjm is read-only.\n"
    assert [text for _, _, text in critical] == ["test.cjm is read-only."]


@pytest.mark.parametrize(
    ("environ", "platform", "refused"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_no_display_is_a_clear_error_not_a_qt_abort(environ: dict[str, str], platform: str, refused: bool) -> None:
    problem = ui_app.display_problem(environ, platform)
    assert (problem is not None) == refused
    if problem is not None:
        assert "no display" in problem


def test_python_dash_m_ui_without_a_display_exits_1_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--library", str(tmp_path / "x.cjm")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("cjmapper: error: cannot start the editor: there is no display")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.cjm").exists()


def test_a_window_that_fails_to_build_is_a_message_and_exit_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    critical: list[tuple[QWidget | None, str, str]],
) -> None:
    def broken(_library: Library) -> MainWindow:
        raise RuntimeError("widget trouble")

    monkeypatch.setattr(ui_app, "create_window", broken)
    assert ui_app.run_editor(tmp_path / "ok.cjm") == 1
    assert "widget trouble" in capsys.readouterr().err
    assert len(critical) == 1
    assert "unexpected problem (RuntimeError)" in critical[0][2]

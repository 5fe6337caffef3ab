"""A place on the desktop, inside the program: the application icon on every window, `cjmapper PATH` (what a file
manager runs for a double-clicked file), the system's file-open events (macOS) and files dropped on the window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFileOpenEvent, QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.cli import main
from cjmapper.desktop import DESKTOP_ID
from cjmapper.interchange import write_journey, write_journey_file
from cjmapper.model import Journey, Language
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui import app as ui_app
from ui.icons import app_icon
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()"
"""What Qt's offscreen platform (the tests' headless screen) says when any window is shown; no error of ours."""


def journey_titled(title: str) -> Journey:
    journey = load_example("en")
    journey.title = title
    return journey


@pytest.fixture
def journey_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop notes.json"
    write_journey_file(journey_titled("Dropped in"), path)
    return path


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "mine.cjm"
    with Library.open(path) as lib:
        lib.create_journey(journey_titled("Already here"))
    return path


@pytest.fixture
def other_library(tmp_path: Path) -> Path:
    path = tmp_path / "other.cjm"
    with Library.open(path) as lib:
        lib.create_journey(journey_titled("In the other library"))
    return path


def titles(path: Path) -> list[str]:
    with Library.open(path) as lib:
        return sorted(j.title for j in lib.list_journeys())


@pytest.fixture
def window(qtbot: QtBot, library_path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, library_path)
    yield opened
    opened.library.close()


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Warning and critical boxes record their text instead of waiting for a click."""
    shown: list[str] = []

    def record(_parent: QWidget | None, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


# ---------------------------------------------------------------------- the icon


def test_every_window_and_dialog_shows_the_app_icon(window: MainWindow) -> None:
    ui_app.application()  # what run_editor starts with
    icon = app_icon()
    assert not icon.isNull()
    assert window.windowIcon().cacheKey() == icon.cacheKey()
    box = QMessageBox(window)
    try:
        assert not box.windowIcon().isNull()
        assert box.windowIcon().cacheKey() == icon.cacheKey()
    finally:
        box.deleteLater()
    assert QApplication.desktopFileName() == DESKTOP_ID == "cjmapper"


# ---------------------------------------------------------------------- cjmapper PATH


Started = list[tuple[Location | None, Language | None, Path | None]]


@pytest.fixture
def started() -> Started:
    return []


def editor(started: Started) -> Callable[[Location | None, Language | None, Path | None], int]:
    def start(location: Location | None, language: Language | None, journey: Path | None) -> int:
        started.append((location, language, journey))
        return 0

    return start


def test_a_library_path_opens_that_library(library_path: Path, tmp_path: Path, started: Started) -> None:
    assert main([str(library_path)], start_editor=editor(started)) == 0
    assert main(["--language", "nl", str(library_path)], start_editor=editor(started)) == 0
    assert main([str(library_path), "--language", "en"], start_editor=editor(started)) == 0
    renamed = tmp_path / "x.dat"  # known by its bytes, not its name
    renamed.write_bytes(library_path.read_bytes())
    assert main([str(renamed)], start_editor=editor(started)) == 0
    assert started == [
        (library_path, None, None),
        (library_path, Language.NL, None),
        (library_path, Language.EN, None),
        (renamed, None, None),
    ]


def test_a_journey_path_goes_into_the_default_library_or_the_chosen_one(
    journey_file: Path, library_path: Path, started: Started, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main([str(journey_file)], start_editor=editor(started)) == 0
    assert main(["--library", str(library_path), str(journey_file)], start_editor=editor(started)) == 0
    monkeypatch.setenv("CJMAPPER_LIBRARY", str(library_path))
    assert main([str(journey_file)], start_editor=editor(started)) == 0
    assert started == [
        (None, None, journey_file),
        (library_path, None, journey_file),
        (library_path, None, journey_file),
    ]


def test_commands_still_win_over_paths(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library_path), "list"]) == 0
    assert "Already here" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main([str(library_path), "list"])
    assert caught.value.code == 2
    assert "a file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["--library", str(library_path), str(library_path)], start_editor=editor([]))
    assert caught.value.code == 2


def _not_a_journey(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    return path


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.cjm"
    path.mkdir()
    return path


def _garbage_library(tmp_path: Path) -> Path:
    path = tmp_path / "random.cjm"
    path.write_bytes(os.urandom(4096))
    return path


BAD_PATHS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp: tmp / "gone.cjm", "gone.cjm: no such file"),
    "folder": (_folder, "folder.cjm is a folder, not a cjmapper library (.cjm) or journey file (.json)"),
    "text file": (_text, "notes.txt is neither a cjmapper library (.cjm) nor a journey file (.json)"),
    "JSON that is no journey": (_not_a_journey, "settings.json"),
    "random bytes as .cjm": (_garbage_library, "random.cjm is not a cjmapper library (it is not a SQLite database)."),
}


@pytest.mark.parametrize("kind", list(BAD_PATHS))
def test_a_path_that_is_neither_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], started: Started, kind: str
) -> None:
    make, said = BAD_PATHS[kind]
    path = make(tmp_path)
    assert main([str(path)], start_editor=editor(started)) == 1
    assert started == []  # no window
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("cjmapper: error: ")
    assert said in err


def _program(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "cjmapper.gui", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("CJMAPPER_LIBRARY", None)
    return env


def test_the_program_refuses_a_text_file_in_one_line_without_a_window(tmp_path: Path) -> None:
    env = _environment()
    env.pop("QT_QPA_PLATFORM")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)  # no display: the refusal comes before any window would
    program = _program(str(_text(tmp_path)), env=env)
    out, err = program.communicate(timeout=60)
    assert program.returncode == 1
    assert out == ""
    assert err == "cjmapper: error: notes.txt is neither a cjmapper library (.cjm) nor a journey file (.json)\n"


def test_the_program_imports_a_journey_file_and_opens_the_editor(
    journey_file: Path, library_path: Path, tmp_path: Path
) -> None:
    """`cjmapper --library mine.cjm "workshop notes.json"`, as a subprocess: the journey is in the library while the
    editor runs; Ctrl+C ends it cleanly."""
    program = _program("--library", str(library_path), str(journey_file), env=_environment())
    try:
        deadline = time.monotonic() + 60
        while "Dropped in" not in titles(library_path):
            assert program.poll() is None, program.communicate()
            assert time.monotonic() < deadline, "the journey was not imported"
            time.sleep(0.2)
        time.sleep(0.5)  # the event loop runs: it hears the signal
        program.send_signal(signal.SIGINT)
        _out, err = program.communicate(timeout=60)
    finally:
        if program.poll() is None:
            program.kill()
            program.communicate()
    assert program.returncode == 0, err
    assert [line for line in err.splitlines() if line != OFFSCREEN_NOTE] == []
    assert titles(library_path) == ["Already here", "Dropped in"]


def _during_run(monkeypatch: pytest.MonkeyPatch, check: Callable[[MainWindow], None]) -> list[MainWindow]:
    """Have run_editor's window checked by `check` once its event loop runs, then closed."""
    made: list[MainWindow] = []
    real_create = ui_app.create_window

    def create_window(library: Library) -> MainWindow:
        window = real_create(library)
        made.append(window)
        return window

    def run_check() -> None:
        try:
            check(made[0])
        finally:
            QApplication.closeAllWindows()

    monkeypatch.setattr(ui_app, "create_window", create_window)
    QTimer.singleShot(100, run_check)
    return made


def test_run_editor_imports_the_journey_file_as_an_undoable_step(
    journey_file: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch, no_dialogs: list[str]
) -> None:
    seen: list[object] = []

    def check(window: MainWindow) -> None:
        assert window.document is not None
        seen.append(window.document.journey.title)
        seen.append(window.windowIcon().cacheKey() == app_icon().cacheKey())
        stack = window.library_editor.undo_stack
        seen.append(stack.count())
        stack.undo()
        seen.append(sorted(j.title for j in window.library.list_journeys()))
        stack.redo()

    _during_run(monkeypatch, check)
    assert ui_app.run_editor(library_path, journey_file=journey_file) == 0
    assert seen == ["Dropped in", True, 1, ["Already here"]]
    assert titles(library_path) == ["Already here", "Dropped in"]
    assert no_dialogs == []


def test_a_file_open_event_opens_the_library_or_imports_the_journey(
    journey_file: Path,
    library_path: Path,
    other_library: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[str],
) -> None:
    """macOS hands a double-clicked file to the running program as a QFileOpenEvent on the application: the first
    one here comes before the window is made (as at start-up), the second while it runs."""
    seen: list[object] = []
    real_create = ui_app.create_window

    def create_window(library: Library) -> MainWindow:
        QCoreApplication.sendEvent(ui_app.application(), QFileOpenEvent(str(other_library)))
        window = real_create(library)
        QTimer.singleShot(100, lambda: check(window))
        return window

    def check(window: MainWindow) -> None:
        try:
            seen.append(window.library.location)
            QCoreApplication.postEvent(ui_app.application(), QFileOpenEvent(QUrl.fromLocalFile(str(journey_file))))
        finally:
            QTimer.singleShot(100, lambda: finish(window))

    def finish(window: MainWindow) -> None:
        try:
            seen.append(window.document.journey.title if window.document is not None else None)
        finally:
            QApplication.closeAllWindows()

    monkeypatch.setattr(ui_app, "create_window", create_window)
    assert ui_app.run_editor(library_path) == 0
    assert seen == [other_library, "Dropped in"]
    assert titles(other_library) == ["Dropped in", "In the other library"]
    assert titles(library_path) == ["Already here"]
    assert no_dialogs == []


# ---------------------------------------------------------------------- drops


def urls(*items: Path | str) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(item)) if isinstance(item, Path) else QUrl(item) for item in items])
    return data


def drop(target: QWidget, data: QMimeData) -> bool:
    """Drag `data` over `target` and drop it there, as Qt delivers a drag from a file manager; whether the drop was
    taken."""
    at = QPoint(target.width() // 2, target.height() // 2)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()


def test_dropping_a_library_on_the_window_opens_it(
    window: MainWindow, other_library: Path, no_dialogs: list[str]
) -> None:
    assert drop(window, urls(other_library))
    assert window.library.location == other_library
    assert window.library_panel.titles() == ["In the other library"]
    opened = window.library
    window.library_editor.undo_stack.push(QUndoCommand("a step"))
    assert drop(window, urls(other_library))  # the library that is open already: it stays, with its undo history
    assert window.library is opened
    assert window.library_editor.undo_stack.count() == 1
    assert no_dialogs == []


def test_dropping_a_journey_on_the_canvas_imports_it_as_one_undo_step(
    window: MainWindow, journey_file: Path, library_path: Path, no_dialogs: list[str]
) -> None:
    canvas = window.view.viewport()
    assert window.centre.currentWidget() is window.view  # the canvas shows a journey: it is what the drop lands on
    assert drop(canvas, urls(journey_file))
    assert window.document is not None
    assert window.document.journey.title == "Dropped in"
    assert sorted(window.library_panel.titles()) == ["Already here", "Dropped in"]
    assert "Dropped in" in window.statusBar().currentMessage()
    assert titles(library_path) == ["Already here", "Dropped in"]
    assert window.undo_action.text() == "&Undo Import journey “Dropped in”"
    window.undo_action.trigger()
    assert titles(library_path) == ["Already here"]
    window.redo_action.trigger()
    assert titles(library_path) == ["Already here", "Dropped in"]
    assert no_dialogs == []


def test_several_files_dropped_are_handled_in_order(
    window: MainWindow, other_library: Path, journey_file: Path, library_path: Path, tmp_path: Path
) -> None:
    second = tmp_path / "second.json"
    write_journey_file(journey_titled("Second"), second)
    assert drop(window, urls(journey_file, other_library, second))
    assert titles(library_path) == ["Already here", "Dropped in"]  # before the library changed
    assert titles(other_library) == ["In the other library", "Second"]  # after
    assert window.library.location == other_library


def _broken_json(tmp_path: Path) -> Path:
    path = tmp_path / "broken.json"
    path.write_text(write_journey(journey_titled("Half"))[:-40], encoding="utf-8")
    return path


REFUSED: dict[str, Callable[[Path], Path | str]] = {
    "text file": _text,
    "folder": _folder,
    "broken JSON": _broken_json,
    "JSON that is no journey": _not_a_journey,
    "random bytes as .cjm": _garbage_library,
    "web address": lambda _tmp: "https://example.com/journey.json",
}


@pytest.mark.parametrize("kind", list(REFUSED))
@pytest.mark.parametrize("on", ["window", "canvas"])
def test_anything_else_dropped_is_refused_in_the_status_bar(
    window: MainWindow,
    library_path: Path,
    journey_file: Path,
    tmp_path: Path,
    no_dialogs: list[str],
    kind: str,
    on: str,
) -> None:
    bad = REFUSED[kind](tmp_path)
    before = library_path.read_bytes()
    target = window if on == "window" else window.view.viewport()
    drop(target, urls(journey_file, bad))  # one good file with it: nothing of the drop is taken
    message = window.statusBar().currentMessage()
    assert message.startswith("Nothing was opened or imported: ")
    assert (bad if isinstance(bad, str) else bad.name) in message
    assert window.library.location == library_path
    assert window.library_editor.undo_stack.count() == 0
    assert titles(library_path) == ["Already here"]
    assert library_path.read_bytes() == before
    assert no_dialogs == []


def test_the_canvas_keeps_its_own_drags(window: MainWindow) -> None:
    """A drag without files (a channel from the palette) is left to the canvas, not taken for a file drop."""
    data = QMimeData()
    data.setText("phone")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    assert not window.file_opener.eventFilter(window.view.viewport(), enter)


def test_ctrl_c_the_moment_the_window_shows_ends_the_editor_cleanly(library_path: Path) -> None:
    """Ctrl+C in the terminal as soon as the window appears (before the event loop runs) quits cleanly; it used to
    raise KeyboardInterrupt inside Qt's show() and end the process with a segmentation fault."""
    program = _program("--library", str(library_path), env=_environment())
    try:
        assert program.stderr is not None
        line = program.stderr.readline()  # Qt's offscreen note: a window is being shown
        assert OFFSCREEN_NOTE in line, line
        program.send_signal(signal.SIGINT)
        _out, err = program.communicate(timeout=60)
    finally:
        if program.poll() is None:
            program.kill()
            program.communicate()
    assert program.returncode == 0, err
    assert [line for line in err.splitlines() if line != OFFSCREEN_NOTE] == []

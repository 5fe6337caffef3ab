"""Starting the editor: the application object, bad libraries, unexpected errors, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import ui.main
from cjmapper.errors import LibraryError
from cjmapper.store import Library
from ui import app as ui_app
from ui.user_settings import settings
from ui.window.main_window import SETTINGS_GEOMETRY, MainWindow


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QWidget | None, str, str]]:
    """QMessageBox.critical records its calls instead of opening a modal dialog."""
    calls: list[tuple[QWidget | None, str, str]] = []

    def record(parent: QWidget | None, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        calls.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return calls


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
    closed: list[object] = []
    real_close = Library.close

    def close(self: Library) -> None:
        closed.append(self.location)
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

    def open_(path: Path | str, **kwargs: Any) -> Library:
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
        [sys.executable, "-m", "cjmapper.gui", "--library", str(tmp_path / "x.cjm")],
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


def test_without_a_display_a_dutch_user_is_told_in_dutch(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run(
        [sys.executable, "-m", "cjmapper.gui", "--language", "nl", "--library", str(tmp_path / "x.cjm")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("cjmapper: fout: de editor kan niet starten: er is geen scherm")
    assert len(result.stderr.splitlines()) == 1

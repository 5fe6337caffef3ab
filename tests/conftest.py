"""Project-wide fixtures: no test touches the user's files, settings or library, and no Qt test leaks windows.

- Qt runs headless (`QT_QPA_PLATFORM=offscreen` unless the caller chose a platform, e.g. xcb under Xvfb).
- `QStandardPaths` is in test mode for the whole session.
- Every test gets its own HOME, XDG folders and QSettings location, and no CJMAPPER_LIBRARY.
- `library` is an open, empty library in the test's tmp_path, closed afterwards.
- A test that leaves a top-level widget behind (not closed and deleted) fails in teardown.
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from cjmapper.paths import LIBRARY_ENV
from cjmapper.store import Library
from ui.canvas.clipboard import release_clipboard

_XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's report on the item, so fixtures can tell whether the test itself passed."""
    report = yield
    setattr(item, f"report_{call.when}", report)
    return report


@pytest.fixture(scope="session", autouse=True)
def _qstandardpaths_test_mode() -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)
    release_clipboard()  # as the editor does on quit: Python-made clipboard data would crash the exit


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME, XDG folders and QSettings location per test (outside the test's own tmp_path)."""
    root = tmp_path_factory.mktemp("user")
    home = root / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in _XDG:
        folder = root / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv(LIBRARY_ENV, raising=False)
    settings_dir = root / "settings"
    settings_dir.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir / "user"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(settings_dir / "system"))
    return root


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An open, empty library at tmp_path / "test.cjm"."""
    opened = Library.open(tmp_path / "test.cjm")
    try:
        yield opened
    finally:
        opened.close()


def _top_level_widgets() -> dict[int, QWidget]:
    """The application's top-level widgets by C++ address (none when there is no QApplication)."""
    if QApplication.instance() is None:
        return {}
    return {shiboken6.getCppPointer(w)[0]: w for w in QApplication.topLevelWidgets()}


def _flush_deletes(collect: bool = True) -> None:
    """Run pending deleteLater()s; with `collect`, also free Python wrappers that keep widgets alive."""
    app = QApplication.instance()
    if app is None:
        return
    for _ in range(3):  # a deletion can post further deleteLater()s
        app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if collect:
            gc.collect()


@pytest.fixture(autouse=True)
def _no_leaked_widgets(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves top-level widgets behind; they are closed and deleted either way.

    Runs after pytest-qt has closed the widgets given to qtbot.addWidget; only checks a passed test (a failed
    one already says what went wrong, and its traceback may be what keeps a widget alive)."""
    before = set(_top_level_widgets())
    yield
    if QApplication.instance() is None:
        return
    _flush_deletes(collect=False)  # cheap, and enough for nearly every test
    if set(_top_level_widgets()) <= before:
        return
    _flush_deletes()  # a full garbage collection only when something still looks leaked
    leaked = [w for address, w in _top_level_widgets().items() if address not in before]
    if not leaked:
        return
    names = [f"{type(w).__name__}({w.objectName() or w.windowTitle()!r})" for w in leaked]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    del widget, leaked
    _flush_deletes()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.passed:
        pytest.fail(f"the test left {len(names)} top-level widget(s) open: {', '.join(names)}", pytrace=False)


# ---------------------------------------------------------------------- the one path for change

EDIT_METHODS = (
    "create_journey", "restore_journey", "delete_journey", "duplicate_journey", "update_journey",
    "add_phase", "update_phase", "move_phase", "delete_phase", "restore_phase",
    "add_lane", "update_lane", "move_lane", "delete_lane", "restore_lane",
    "add_touchpoint", "update_touchpoint", "move_touchpoints", "arrange", "delete_touchpoints", "restore_touchpoints",
    "save_version", "delete_version", "restore_deleted_version", "restore_version", "replace_journey_content",
)  # fmt: skip
COMMAND_PATH = frozenset({"ui.document", "ui.commands", "ui.library_commands"})
"""The only front-end modules that may call the library's edit API: every edit is an undo command."""


def edit_caller(depth: int = 2) -> str | None:
    """The front-end module that called a library edit directly, or None when the caller is not front-end code
    (a test building data, or the core itself, e.g. seeding the default library on first run)."""
    module = str(sys._getframe(depth).f_globals.get("__name__", ""))
    return module if module == "ui" or module.startswith("ui.") else None


@pytest.fixture(autouse=True)
def command_path_violations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails a test in which front-end code changes the library around the undo command path."""
    violations: list[str] = []
    for name in EDIT_METHODS:
        original = getattr(Library, name)

        def guarded(
            self: Library, *args: object, __original: Any = original, __name: str = name, **kwargs: object
        ) -> Any:
            caller = edit_caller()
            if caller is not None and caller not in COMMAND_PATH:
                violations.append(f"{caller} called Library.{__name}")
            return __original(self, *args, **kwargs)

        monkeypatch.setattr(Library, name, guarded)
    yield violations
    if violations:
        pytest.fail("edits made around the undo command path: " + "; ".join(sorted(set(violations))), pytrace=False)

"""Project-wide fixtures: no test touches the user's files, settings or library, and no Qt test leaks windows.

- The fuzzers and state machines run their full counts of examples in CI, fewer by default (tests/thoroughness.py;
  the header says which).
- Qt runs headless (`QT_QPA_PLATFORM=offscreen` unless the caller chose a platform, e.g. xcb under Xvfb), on a
  1920x1080 screen (tests/offscreen_screen.json), so the first window is as large as on a desktop.
- `QStandardPaths` is in test mode for the whole session.
- Every test gets its own HOME, XDG folders and QSettings location, and no CJMAPPER_LIBRARY.
- `library` is an open, empty library (a file in the test's tmp_path), closed afterwards. In a test or module
  marked `both_backends` it is parametrized: once a file, once a team library on the test PostgreSQL server
  (`team_location`: a fresh schema per test). `library_location` is where it lives, for reopening.
- The PostgreSQL server comes from CJM_TEST_POSTGRES_URL and CJM_TEST_POSTGRES_PASSWORD (scripts/test starts one with
  scripts/postgres). Without it the team-library tests skip, except under CI or scripts/test (CJM_REQUIRE_POSTGRES),
  where they fail.
- A test that leaves a top-level widget behind (not closed and deleted) fails in teardown.
- `warnings` collects the texts of the warning boxes the editor would show.
- `window` is the editor's window on the library at the module's `path` fixture (tests/window_helpers.py opens it);
  `document` is the English example journey open as a document on `library`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import subprocess
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a desktop's screen (Qt's offscreen default is 800x800)
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'offscreen_screen.json')}"
    )

from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from cjmapper.paths import LIBRARY_ENV
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation, parse_server_url
from cjmapper.templates import load_example
from tests import thoroughness
from tests.window_helpers import open_window
from ui.canvas.clipboard import release_clipboard
from ui.editing.document import JourneyDocument
from ui.window.main_window import MainWindow

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


POSTGRES_URL_ENV = "CJM_TEST_POSTGRES_URL"
POSTGRES_PASSWORD_ENV = "CJM_TEST_POSTGRES_PASSWORD"
BACKENDS = ("sqlite", "postgresql")


def pytest_report_header(config: pytest.Config) -> str:
    return thoroughness.describe()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_backends: run the test's `library` / `library_location` on a file and on a team library"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "library_location" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("library_location", BACKENDS, indirect=True)


def _start_postgres() -> tuple[str, str] | None:
    """The test server's URL and password: from the environment, else from scripts/postgres (which starts one
    where PostgreSQL is installed or installable)."""
    url, password = os.environ.get(POSTGRES_URL_ENV), os.environ.get(POSTGRES_PASSWORD_ENV)
    if url and password:
        return url, password
    script = Path(__file__).resolve().parent.parent / "scripts" / "postgres"
    try:
        done = subprocess.run([str(script)], capture_output=True, text=True, timeout=600, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    found = dict(
        line.removeprefix("export ").replace("'", "").split("=", 1) for line in done.stdout.splitlines() if "=" in line
    )
    if POSTGRES_URL_ENV in found and POSTGRES_PASSWORD_ENV in found:
        os.environ.update({k: found[k] for k in (POSTGRES_URL_ENV, POSTGRES_PASSWORD_ENV)})
        return found[POSTGRES_URL_ENV], found[POSTGRES_PASSWORD_ENV]
    return None


@pytest.fixture(scope="session")
def postgres_server() -> tuple[ServerLocation, str]:
    """The test PostgreSQL server's database (as a location without password) and the password."""
    found = _start_postgres()
    if found is None:
        message = f"no PostgreSQL server for the team-library tests (set {POSTGRES_URL_ENV}, or run scripts/test)"
        if os.environ.get("CI") or os.environ.get("CJM_REQUIRE_POSTGRES"):
            pytest.fail(message + ": here (CI, scripts/test) the team-library tests must run", pytrace=False)
        pytest.skip(message)
    return parse_server_url(found[0]), found[1]


@contextlib.contextmanager
def admin_connection(server: tuple[ServerLocation, str]) -> Iterator[Any]:
    import psycopg

    location, password = server
    with psycopg.connect(str(location), password=password, autocommit=True) as conn:
        yield conn


@pytest.fixture
def team_location(
    postgres_server: tuple[ServerLocation, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[ServerLocation]:
    """An empty team library's location: a fresh schema on the test server, dropped afterwards. The password comes
    from PGPASSWORD (set for this test), as it would for a user; the location holds none."""
    location, password = postgres_server
    monkeypatch.setenv("PGPASSWORD", password)
    schema = f"t_{secrets.token_hex(6)}"
    with admin_connection(postgres_server) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield ServerLocation(location.url.update_query_dict({"options": f"-csearch_path={schema}"}))
    with admin_connection(postgres_server) as conn:
        conn.execute("SET lock_timeout = '5s'")
        try:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
        except Exception:  # a library a test left open holds a lock: end its sessions, then drop
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'cjmapper' AND pid <> pg_backend_pid()"
            )
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def library_location(request: pytest.FixtureRequest, tmp_path: Path) -> Location:
    """Where the test's library lives: tmp_path / "test.cjm", or (parametrized "postgresql") a team library."""
    if getattr(request, "param", "sqlite") == "postgresql":
        location: ServerLocation = request.getfixturevalue("team_location")
        return location
    return tmp_path / "test.cjm"


@pytest.fixture
def library(library_location: Location) -> Iterator[Library]:
    """An open, empty library at `library_location`."""
    opened = Library.open(library_location)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    """The editor's window on the library file at `path` (a fixture of the test's module: the journeys it needs),
    shown; its library is closed afterwards, and pytest-qt closes the window."""
    opened = open_window(qtbot, path)
    yield opened
    opened.library.close()


@pytest.fixture
def document(library: Library) -> Iterator[JourneyDocument]:
    """The English example journey, open as a document on `library`; deleted afterwards."""
    opened = JourneyDocument(library, library.create_journey(load_example("en")))
    yield opened
    opened.deleteLater()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warning boxes the editor shows (QMessageBox.warning), instead of showing them."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


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

COMMAND_PATH = frozenset({"ui.editing.document", "ui.editing.commands", "ui.editing.library_commands"})
"""The only front-end modules that may call the library's edit API, or run the core's editing commands
(`cjmapper.editing`) that call it: every edit is an undo command."""
STORE = frozenset({"cjmapper.store.library", "cjmapper.store.edits", "cjmapper.store.rows"})
"""The store's modules the edit API runs in (its methods and their helpers)."""
CORE_COMMANDS = "cjmapper.editing."
"""The core's editing commands (Qt-free), which the front end runs through the document only."""


def edit_caller() -> tuple[str, str] | None:
    """Called from `Library._write`, the one way every edit method opens its transaction: the front-end module that
    called the library's public edit method, and that method's name; None when the caller is not front-end code (a
    test building data, or the core itself, e.g. seeding the default library on first run). So a new edit method is
    guarded as soon as it exists: no list of them to keep."""
    frame = sys._getframe(2)  # the edit method (or a helper of it) that opens the transaction
    method = frame.f_code.co_name
    while frame.f_back is not None and frame.f_back.f_globals.get("__name__") in STORE:
        frame = frame.f_back
        method = frame.f_code.co_name
    caller = frame.f_back
    while caller is not None and str(caller.f_globals.get("__name__", "")).startswith(CORE_COMMANDS):
        caller = caller.f_back  # an editing command of the core: what matters is who ran it
    module = "" if caller is None else str(caller.f_globals.get("__name__", ""))
    return (module, method) if module == "ui" or module.startswith("ui.") else None


_WRITING_SQL = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE")
"""How a statement that changes the database begins."""


class _InsideWrite(threading.local):
    depth = 0


_inside_write = _InsideWrite()


class _CountedWrite:
    """`Library._write`'s transaction, counted while open, so a statement can tell whether it runs inside one."""

    def __init__(self, transaction: contextlib.AbstractContextManager[Any]) -> None:
        self._transaction = transaction

    def __enter__(self) -> Any:
        session = self._transaction.__enter__()
        _inside_write.depth += 1
        return session

    def __exit__(self, *exc: Any) -> bool | None:
        try:
            return self._transaction.__exit__(*exc)  # the commit, and what the session writes at it
        finally:
            _inside_write.depth -= 1


def writer_outside_write_path() -> str | None:
    """Called for a statement that changes the database outside `Library._write`: the public method of an open
    Library that runs it (the outermost on the stack), else None (opening or creating a library, which writes its
    schema before any Library exists; or code that is not the store's). Public names are read off the class, so a
    method added later is covered as soon as it exists."""
    public = {name for name in dir(Library) if not name.startswith("_")}
    found = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name in public and isinstance(frame.f_locals.get("self"), Library):
            found = frame.f_code.co_name
        frame = frame.f_back
    return found


@pytest.fixture(autouse=True)
def command_path_violations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails a test in which front-end code changes the library around the undo command path, or in which a public
    method of an open Library changes the database outside `Library._write` (where this guard could not see it)."""
    violations: list[str] = []
    original = Library._write

    def guarded(self: Library) -> Any:
        found = edit_caller()
        if found is not None and found[0] not in COMMAND_PATH:
            violations.append(f"{found[0]} called Library.{found[1]}")
        return _CountedWrite(original(self))

    def check_statement(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if _inside_write.depth or not statement.lstrip().upper().startswith(_WRITING_SQL):
            return
        if Library.__dict__["_write"] is not guarded:  # the test undid its monkeypatches, this guard's with them
            return
        method = writer_outside_write_path()
        if method is not None:
            violations.append(f"Library.{method} wrote outside Library._write ({' '.join(statement.split()[:3])} ...)")

    monkeypatch.setattr(Library, "_write", guarded)
    event.listen(Engine, "before_cursor_execute", check_statement)
    try:
        yield violations
    finally:
        event.remove(Engine, "before_cursor_execute", check_statement)
    if violations:
        pytest.fail("edits made around the undo command path: " + "; ".join(sorted(set(violations))), pytrace=False)


@pytest.fixture
def location_of(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], Location]:
    """The library to forge or test on, by backend name: a file in the test's folder, or a fresh team library."""

    def get(backend: str) -> Location:
        if backend == "postgresql":
            found: ServerLocation = request.getfixturevalue("team_location")
            return found
        return tmp_path / "forged.cjm"

    return get

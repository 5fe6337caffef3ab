"""Starting the desktop editor: the application object, the library, the main window and the event loop.

No traceback ever reaches the user: a library that cannot be opened is one clear message (a dialog and a
`cjmapper: error:` line on stderr), and an unexpected exception in the running editor is logged to stderr
with its traceback and shown as a short dialog instead of ending the program.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cjmapper import __version__
from cjmapper.desktop import DESKTOP_ID
from cjmapper.errors import CjmapperError
from cjmapper.messages import say
from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation

from . import i18n
from .canvas.clipboard import release_clipboard
from .dialogs.team import open_location, server_name
from .icons import app_icon
from .window.file_opening import FileOpenRequests
from .window.main_window import MainWindow

APP_NAME = "cjmapper"
ORGANIZATION = "cjmapper"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created (and named) when there is none yet, with cjmapper's icon, which every
    window and dialog shows."""
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise RuntimeError("cjmapper's editor needs a QApplication, not another kind of application.")
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)  # docks and task bars (Wayland, X11) match the windows to the menu entry
    return app


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the editor cannot open a window here, or None. Qt itself would abort the program without one."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return say(
        "cannot start the editor: there is no display to show it on (neither DISPLAY nor WAYLAND_DISPLAY "
        "is set). The commands work without one: see 'cjmapper --help'."
    )


def report_error(text: str, parent: QWidget | None = None) -> None:
    """Show one user-facing error: a dialog and the same text on stderr."""
    print(say("cjmapper: error: {0}", text), file=sys.stderr, flush=True)
    if QApplication.instance() is not None:
        QMessageBox.critical(parent, "cjmapper", text)


CONTEXT = "Application"
_UNEXPECTED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "cjmapper ran into an unexpected problem ({name}), so the last action may not have finished.\n\n"
    "The details were written to the error output; please include them when you report this.",
)

_handling = False


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook while the editor runs: log to stderr, show a short message, keep running."""
    global _handling
    if issubclass(exc_type, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    if isinstance(exc, CjmapperError):
        text = str(exc)
        print(say("cjmapper: error: {0}", text), file=sys.stderr, flush=True)
    else:
        print("cjmapper: unexpected error:", file=sys.stderr)
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        sys.stderr.flush()
        text = QCoreApplication.translate(CONTEXT, str(_UNEXPECTED)).format(name=exc_type.__name__)
    if _handling or QApplication.instance() is None:
        return  # an error while showing the last one: the log has it, one dialog is enough
    _handling = True
    try:
        QMessageBox.critical(QApplication.activeWindow(), "cjmapper", text)
    except Exception:  # the message box itself failed: the log above has the details
        traceback.print_exc(file=sys.stderr)
    finally:
        _handling = False


@contextlib.contextmanager
def _excepthook(hook: ExceptHook) -> Iterator[None]:
    previous = sys.excepthook
    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


@contextlib.contextmanager
def _quit_on_sigint(app: QApplication) -> Iterator[None]:
    """Let Ctrl+C in the terminal close the editor (Qt's event loop would otherwise swallow it). Installed before the
    window is made: a Ctrl+C while it is being made or shown then quits once the event loop runs, rather than
    raising KeyboardInterrupt inside a Qt call (which crashed the process)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, app.quit))  # also before exec() has started
    wake = QTimer()  # gives the interpreter a moment now and then to run the signal handler
    wake.timeout.connect(lambda: None)
    wake.start(250)
    try:
        yield
    finally:
        wake.stop()
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _file_open_requests(app: QApplication) -> Iterator[FileOpenRequests]:
    """The system's requests to open files (macOS), heard from before the window is there until the editor ends."""
    requests = FileOpenRequests(app)
    try:
        yield requests
    finally:
        app.removeEventFilter(requests)
        requests.deleteLater()


def open_library(location: Location | None, language: Language | None = None) -> Library:
    """The library at `location` (a file, or a team library), else the user's default one (made on first use with
    the example journey in `language`, else the interface's language)."""
    return Library.open(location) if location is not None else Library.open_default(language or i18n.ui_language())


def create_window(library: Library) -> MainWindow:
    """The editor's main window on an open library, not yet shown (tests use this without an event loop).
    The window may switch to another library (File › Open): close `window.library` when done."""
    return MainWindow(library)


_NO_PASSWORD = QT_TRANSLATE_NOOP(CONTEXT, "No password was given, so {0} was not opened.")


def run_editor(
    library: Location | None,
    argv: list[str] | None = None,
    language: Language | None = None,
    journey_file: Path | None = None,
) -> int:
    """Run the editor on the library at `library` (a file or a team library; None: the user's default library) in
    `language` (None: the one chosen in Preferences, else the system's); the exit code. A team library whose server
    wants a password that PGPASSWORD and ~/.pgpass do not give asks for it first (and again when it is refused).
    `journey_file` is imported into it once the window is there (an undoable step) and shown. Files the system asks
    to open meanwhile (macOS) are opened as if dropped on the window."""
    if QCoreApplication.instance() is None and (problem := display_problem()) is not None:
        print(say("cjmapper: error: {0}", problem), file=sys.stderr, flush=True)
        return 1
    app = application(argv)
    with (
        i18n.using_language(i18n.startup_language(language)),
        _excepthook(handle_exception),
        _file_open_requests(app) as requests,
        _quit_on_sigint(app),
    ):
        try:
            if isinstance(library, ServerLocation):
                team = open_location(library)
                if team is None:  # the user cancelled the password prompt: they know, no dialog
                    text = QCoreApplication.translate(CONTEXT, str(_NO_PASSWORD)).format(server_name(library))
                    print(f"cjmapper: {text}", file=sys.stderr, flush=True)
                    return 1
                opened = team
            else:
                opened = open_library(library)
        except CjmapperError as e:
            report_error(str(e))
            return 1
        except Exception as e:
            traceback.print_exc(file=sys.stderr)
            report_error(
                QCoreApplication.translate(CONTEXT, "cjmapper could not open the library ({0}: {1}).").format(
                    type(e).__name__, e
                )
            )
            return 1
        window: MainWindow | None = None
        try:
            try:
                window = create_window(opened)
            except Exception as e:
                handle_exception(type(e), e, e.__traceback__)
                return 1
            window.show()
            requests.attach(window.file_opener)
            if journey_file is not None:
                window.file_opener.open_files([journey_file])
            return app.exec()
        finally:
            in_use = window.library if window is not None else opened  # File › Open may have switched it
            if window is not None:  # the window goes before the library it reads from
                window.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                del window
            in_use.close()
            if opened is not in_use:
                opened.close()
            release_clipboard()

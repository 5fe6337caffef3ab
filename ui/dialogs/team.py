"""Team libraries in the editor: File › Open Team Library… (also the target of File › Publish Journey to Team
Library…), the password prompt, the choice of a local library to copy a journey into, and how the window names a
library.

A password (typed at the prompt, or written in the URL as `user:password@` or `?password=`, like the other secret
libpq parameters) goes only into the `ServerLocation`, which hands it to the driver: it is never written to the
settings, a title, a message or the error output. What is remembered is `str(location)`, which never holds one.

The dialog connects on a worker thread (a server that does not answer takes up to its connect timeout), so it
stays responsive and Cancel works at once; a library that arrives after Cancel is closed straight away.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import getpass
import html
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjmapper.errors import CjmapperError, LibraryError, PasswordNeededError, WrongPasswordError
from cjmapper.paths import default_library_path
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation, is_server_url, parse_location, parse_server_url

from ..canvas.theme import MessageInk
from ..user_settings import put_first, recent_list

CONTEXT = "TeamLibrary"
SETTINGS_RECENT_TEAM = "recentTeamLibraries"
"""The team libraries opened or published to lately, newest first, as `str(location)` (never with a password)."""
MAX_RECENT_TEAM = 8
EXAMPLE_ADDRESS = "postgresql://user@host:5432/database"
CHECK_MS = 40
"""How often the dialog looks whether the connection attempt on the worker thread has finished."""


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# ---------------------------------------------------------------------- names


def server_name(location: ServerLocation) -> str:
    """A team library as people say it: `database on host`."""
    return tr("{0} on {1}").format(location.database, location.host)


def location_label(location: Location) -> str:
    """How the window names a library: the file's name, or "Team library: database on host"."""
    if isinstance(location, ServerLocation):
        return tr("Team library: {0}").format(server_name(location))
    return location.name


def recent_label(address: str) -> str:
    """A remembered library (File › Open Recent) as the menu shows it."""
    try:
        location = parse_location(address)
    except CjmapperError:
        return address
    return location_label(location) if isinstance(location, ServerLocation) else address


def same_library(a: Location, b: Location) -> bool:
    if isinstance(a, ServerLocation) or isinstance(b, ServerLocation):
        return str(a) == str(b)
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return a == b


# ---------------------------------------------------------------------- remembered addresses


def recent_team_libraries() -> list[str]:
    return recent_list(SETTINGS_RECENT_TEAM)


def remember_team_library(location: ServerLocation) -> None:
    put_first(SETTINGS_RECENT_TEAM, str(location), MAX_RECENT_TEAM)  # the URL without its password


# ---------------------------------------------------------------------- passwords


def _user(location: ServerLocation) -> str:
    if location.url.username:
        return location.url.username
    with contextlib.suppress(Exception):
        return getpass.getuser()  # libpq's default user name
    return "?"


def ask_password(
    parent: QWidget | None, location: ServerLocation, refusal: LibraryError, *, again: bool = False
) -> str | None:
    """Ask for the password of the team library at `location` (the server wants one: `refusal` says so, or that it
    refused the one given; `again`: the one refused was typed); None when the user cancelled."""
    if isinstance(refusal, WrongPasswordError) and again:
        question = tr("{0}\n\nTry again. Password for {1}:").format(refusal, _user(location))
    elif isinstance(refusal, WrongPasswordError):  # PGPASSWORD or ~/.pgpass holds a password the server refuses
        question = tr("{0}\n\nPassword for {1}:").format(refusal, _user(location))
    else:
        question = tr("The server {0} needs a password to open {1}.\n\nPassword for {2}:").format(
            location.host, server_name(location), _user(location)
        )
    text, ok = QInputDialog.getText(parent, tr("Team library password"), question, QLineEdit.EchoMode.Password)
    return text if ok else None


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The busy cursor while something that may take a while runs on the UI thread."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def open_location(location: ServerLocation, parent: QWidget | None = None) -> Library | None:
    """Open the team library at `location`, asking for the password for as long as the server wants one (a wrong
    one is asked for again, with the server's answer); None when the user cancelled the prompt. Raises
    CjmapperError when the library cannot be opened."""
    attempt = location
    while True:
        try:
            with busy():
                return Library.open(attempt)
        except (PasswordNeededError, WrongPasswordError) as e:
            password = ask_password(parent, location, e, again=attempt.password is not None)
            if password is None:
                return None
            attempt = location.with_password(password)


def _close_when_opened(future: concurrent.futures.Future[Library]) -> None:
    """A connection attempt finished after the user gave up on it: close what it opened."""
    with contextlib.suppress(Exception):
        future.result().close()


# ---------------------------------------------------------------------- the dialog


class TeamLibraryDialog(QDialog):
    """Choose a team library by its server address and open it: File › Open Team Library…, and with
    `journey_title` the target of File › Publish Journey to Team Library…. After `exec()` returns Accepted,
    `take_library()` hands over the open library (the caller closes it)."""

    def __init__(self, parent: QWidget | None = None, *, journey_title: str | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("teamLibraryDialog")
        publishing = journey_title is not None
        self.setWindowTitle(tr("Publish to Team Library") if publishing else tr("Open Team Library"))
        self._library: Library | None = None
        self._pending: concurrent.futures.Future[Library] | None = None
        self._location: ServerLocation | None = None
        """The library being opened, as the user gave it (without a password typed at a prompt)."""
        self._attempt_had_password = False

        if publishing:
            intro = tr(
                "Publish “{0}” to a team library: your team gets a copy of the journey with its saved versions. "
                "The journey here stays as it is."
            ).format(journey_title)
        else:
            intro = tr(
                "A team library is a PostgreSQL database your team shares. Everyone works on the same journeys, "
                "and a teammate's change shows on your screen within seconds."
            )
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.address = QLineEdit(self)
        self.address.setObjectName("teamAddress")
        self.address.setPlaceholderText(EXAMPLE_ADDRESS)
        self.address.setClearButtonEnabled(True)
        self.address.setMinimumWidth(460)
        address_label = QLabel(tr("Server &address:"), self)
        address_label.setBuddy(self.address)
        self.hint = QLabel(
            tr(
                "Ask your administrator for the address. An empty database becomes a team library the first time "
                "it is opened. When the server asks for a password you are asked for it; cjmapper never stores it."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        self.recent_label = QLabel(tr("&Recent team libraries:"), self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentTeamLibraries")
        self.recent_label.setBuddy(self.recent)
        for remembered in recent_team_libraries():
            self._add_recent(remembered)
        rows = sum(self.recent.sizeHintForRow(row) for row in range(min(self.recent.count(), 4)))
        self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)
        self.recent.setVisible(self.recent.count() > 0)
        self.recent_label.setVisible(self.recent.count() > 0)
        self.recent.currentItemChanged.connect(self._recent_chosen)
        self.recent.itemActivated.connect(self._recent_activated)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(90)
        self.progress.hide()
        self.status = QLabel(self)
        self._status_ink = MessageInk(self.status, None)  # red for an error, readable on a light or dark panel
        self.status.setObjectName("teamStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())  # room for an error: no jump
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        status_row.addWidget(self.status, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button: QPushButton = self.buttons.addButton(
            tr("&Publish") if publishing else tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addWidget(address_label)
        layout.addWidget(self.address)
        layout.addWidget(self.hint)
        layout.addSpacing(4)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addLayout(status_row)
        layout.addWidget(self.buttons)

        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self._finish)
        self.address.textEdited.connect(self._edited)
        self.address.textChanged.connect(self._update_button)
        self.address.setText(address or (recent_team_libraries() or [""])[0])
        self._update_button()

    def _add_recent(self, address: str) -> None:
        """A remembered address in the list: the library's name, and its address in grey beneath."""
        try:
            location = parse_server_url(address)
        except (LibraryError, ValueError):
            return
        item = QListWidgetItem(self.recent)
        item.setData(Qt.ItemDataRole.UserRole, address)
        item.setToolTip(address)
        ink, paper = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Base)
        grey = QColor(
            (2 * ink.red() + 3 * paper.red()) // 5,
            (2 * ink.green() + 3 * paper.green()) // 5,
            (2 * ink.blue() + 3 * paper.blue()) // 5,
        ).name()
        label = QLabel(
            f"<b>{html.escape(server_name(location))}</b><br>"
            f"<span style='color: {grey};'>{html.escape(address)}</span>",
            self.recent,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setContentsMargins(6, 4, 6, 4)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item.setSizeHint(label.sizeHint())
        self.recent.setItemWidget(item, label)

    # ------------------------------------------------------------------ the outcome

    @property
    def busy(self) -> bool:
        """True while a connection attempt runs."""
        return self._pending is not None

    @property
    def library(self) -> Library | None:
        """The opened library, once the dialog accepted (see take_library)."""
        return self._library

    def take_library(self) -> Library | None:
        """The opened library, now the caller's to close."""
        library, self._library = self._library, None
        return library

    def error(self) -> str:
        """The one line shown when the library could not be opened ("" when there is none)."""
        return self.status.text() if self.status.property("error") else ""

    # ------------------------------------------------------------------ connecting

    def start(self) -> None:
        """Open the library at the address in the field (on a worker thread; see `_finish`)."""
        if self._pending is not None:
            return
        text = self.address.text().strip()
        if not text:
            self._show_error(tr("Enter the team library's address, e.g. {0}.").format(EXAMPLE_ADDRESS))
            return
        if not is_server_url(text):
            self._show_error(
                tr("A team library's address starts with postgresql://, e.g. {0}.").format(EXAMPLE_ADDRESS)
            )
            return
        try:
            location = parse_server_url(text)
        except LibraryError as e:  # a URL libpq would refuse: one sentence, never holding a secret written in it
            self._show_error(str(e))
            return
        self._location = location
        self._connect(location)

    def _connect(self, attempt: ServerLocation) -> None:
        self._attempt_had_password = attempt.password is not None
        executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="cjmapper-connect")
        self._pending = executor.submit(Library.open, attempt)
        executor.shutdown(wait=False)
        self._set_busy(True)
        self._show(tr("Connecting to {0}…").format(attempt.host), error=False)
        self._check.start()

    def _finish(self) -> None:
        future = self._pending
        if future is None or not future.done():
            return
        self._check.stop()
        self._pending = None
        self._set_busy(False)
        location = self._location
        assert location is not None
        try:
            library = future.result()
        except (PasswordNeededError, WrongPasswordError) as e:
            self._show("", error=False)
            password = ask_password(self, location, e, again=self._attempt_had_password)
            if password is None:
                self._show_error(str(e))
                return
            self._connect(location.with_password(password))
            return
        except CjmapperError as e:
            self._show_error(str(e))
            return
        except Exception as e:
            traceback.print_exception(type(e), e, e.__traceback__, file=sys.stderr)
            self._show_error(
                tr("The team library could not be opened ({0}); the details were written to the error output.").format(
                    type(e).__name__
                )
            )
            return
        self._library = library
        remember_team_library(location)
        self.accept()

    def reject(self) -> None:
        """Cancel: a connection still being made is left to finish on its own and closed then."""
        future, self._pending = self._pending, None
        self._check.stop()
        if future is not None:
            future.add_done_callback(_close_when_opened)
        self._set_busy(False)
        super().reject()

    # ------------------------------------------------------------------ showing

    def _set_busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        for widget in (self.address, self.recent, self.open_button):
            widget.setEnabled(not on)
        if on:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
            self._update_button()

    def _show(self, text: str, *, error: bool) -> None:
        self.status.setProperty("error", error)
        self._status_ink.set_kind("error" if error else None)
        self.status.setText(text)
        layout = self.layout()
        if self.isVisible() and layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():  # a long error: grow rather than squeeze the wrapped texts
                self.resize(self.width(), needed)

    def _show_error(self, text: str) -> None:
        self._show(" ".join(text.split()), error=True)  # one line, whatever the server said
        self.address.setFocus()

    def _edited(self, _text: str) -> None:
        if self.status.property("error"):
            self._show("", error=False)

    def _update_button(self) -> None:
        self.open_button.setEnabled(self._pending is None and bool(self.address.text().strip()))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self._recent_chosen(item)
        self.start()

    def _recent_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and self._pending is None:
            self.address.setText(str(item.data(Qt.ItemDataRole.UserRole)))
            self._show("", error=False)


# ---------------------------------------------------------------------- a local library to copy into


def choose_local_library(parent: QWidget, journey_title: str) -> Path | None:
    """Where File › Copy Journey to Local Library… copies to: the user's own library, or a library file chosen
    (a new one is made); None when the user cancelled."""
    default = default_library_path()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Copy journey to a local library"))
    box.setText(tr("Copy “{0}” to a library on this computer?").format(journey_title))
    box.setInformativeText(
        tr(
            "The copy keeps the journey's saved versions and is yours alone: changes to it do not reach the team "
            "library, and the team's changes do not reach it.\n\nYour library is {0}."
        ).format(default)
    )
    own = box.addButton(tr("&Your Library"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(tr("&Other Library File…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(own)
    try:
        box.exec()
        chosen = box.clickedButton()
    finally:
        box.deleteLater()
    if chosen is own:
        return default
    if chosen is not other:
        return None
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Copy journey to library"),
        str(default.parent if default.parent.is_dir() else Path.home()),
        tr("cjmapper libraries (*.cjm)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # the journey is added to a library that exists
    )
    if not path:
        return None
    return Path(path) if path.endswith(".cjm") else Path(path + ".cjm")

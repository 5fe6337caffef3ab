"""Watching the open library for changes another window or program made: a cheap poll of the library's change
counter (and on a team library, the server's change notices, which wake the window at once), the open journey and
the Journeys panel re-read when something changed, and the team library's name and reachability in the status bar.
A library file that another window or program had open already is said so when it opens (`say_if_shared`).
"""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.store import Library
from cjmapper.store.location import ServerLocation

from ..dialogs.team import location_label
from ..editing.document import JourneyDocument

SHARED_NOTICE_MS = 20_000
"""How long the status bar says that the library is open in another window too (long enough to read it twice)."""
CHANGE_POLL_MS = 750
"""How often the window looks for changes another window or program made to the library (a cheap check)."""
MAX_POLL_BACKOFF_MS = 10_000
"""While a team library's server cannot be reached, the window looks again after longer and longer pauses (each try
may wait for the server's connect timeout)."""


class WatchedWindow(Protocol):
    """What of the main window the watch needs (the window imports this module, not the other way round)."""

    library: Library
    document: JourneyDocument | None

    def reload_journeys(self, select: int | None = None) -> None: ...

    def show_error(self, text: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class LibraryWatch(QObject):
    """Polls the window's library (see `poll`) and shows a team library's status in `status`, a label of the
    window's status bar."""

    def __init__(self, window: WatchedWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.status = QLabel(parent)  # a team library: its name, and whether its server answers
        self.status.setObjectName("statusLibrary")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setContentsMargins(0, 0, 12, 0)
        self._change_counter: int | None = None
        self._revisions: dict[int, int] | None = None
        self._reachable = True
        self._poll_failures = 0
        # Two editors on one library: notice what others commit and show it (see poll).
        self.timer = QTimer(self)
        self.timer.setInterval(CHANGE_POLL_MS)
        self.timer.timeout.connect(self.poll)
        # On a team library a notice wakes the window at once; the poll stays as the safety net.
        self._notices: QSocketNotifier | None = None

    def start(self) -> None:
        self.timer.start()
        self._watch_notices()

    def say_if_shared(self) -> None:
        """The library file was open in another window or program already as this window opened it
        (`Library.shared`): say so in the status bar, so edits showing up from elsewhere surprise no one."""
        if self.window.library.shared:
            self.window.statusBar().showMessage(
                self.tr("This library is also open in another window: edits from there appear here."),
                SHARED_NOTICE_MS,
            )

    def stop(self) -> None:
        """The window closes: watch nothing more."""
        self.timer.stop()
        self._watch_notices(stop=True)

    def forget_library(self) -> None:
        """Before the window's library is replaced by another: nothing known of it, its notices not watched."""
        self._change_counter = None
        self._revisions = None
        self._reachable = True
        self._poll_failures = 0
        self.timer.setInterval(CHANGE_POLL_MS)
        self._watch_notices(stop=True)

    def poll(self) -> None:
        """Look for changes made to the library by another window or program (run by `timer`): a cheap counter
        first, the journeys' revisions only when it moved. The open journey is re-read when it changed elsewhere
        (selection and scroll stay where the cards still are), the Journeys panel when any did.

        On a team library the counter counts the server's change notices, read from the listening connection
        without a query, and the revisions are kept current from them: a teammate's edit shows within a poll."""
        library = self.window.library
        try:
            counter = library.change_counter()
            if counter == self._change_counter:
                self._set_reachable(True)
                return
            revisions = library.journey_revisions()
        except CjmapperError:
            self._set_reachable(False)  # the next edit or read reports what is wrong; a poll stays quiet
            self._watch_notices()
            return
        finally:
            if self._notices is None or self._notices.socket() != library.change_notice_socket():
                self._watch_notices()  # (re)connected: watch the new socket
        self._set_reachable(True)
        self._change_counter = counter
        known, self._revisions = self._revisions, revisions
        document = self.window.document
        refreshed = False
        if document is not None and document.journey_id in revisions:
            try:
                refreshed = document.refresh(revisions[document.journey_id])
            except CjmapperError as e:
                self.window.show_error(str(e))
        others = {j: r for j, r in revisions.items() if document is None or j != document.journey_id}
        if known is None:
            return
        known_others = {j: r for j, r in known.items() if document is None or j != document.journey_id}
        if refreshed or others != known_others or set(known) != set(revisions):
            self.window.reload_journeys()

    def _watch_notices(self, *, stop: bool = False) -> None:
        """Watch the team library's notice socket (`Library.change_notice_socket`), so a teammate's edit is read the
        moment its notice arrives rather than at the next poll; `stop`: watch nothing (before the library closes)."""
        socket = None if stop else self.window.library.change_notice_socket()
        if self._notices is not None and self._notices.socket() == socket:
            return
        if self._notices is not None:
            self._notices.setEnabled(False)
            self._notices.deleteLater()
            self._notices = None
        if socket is not None:
            self._notices = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notices.activated.connect(self.poll)

    def _set_reachable(self, reachable: bool) -> None:
        """A team library's server stopped or started answering the poll: say so in the status bar, and while it
        does not answer, look again after longer and longer pauses (a file's poll does not fail this way)."""
        if not self.window.library.is_team:
            return
        self._poll_failures = 0 if reachable else self._poll_failures + 1
        pause = CHANGE_POLL_MS * 2 ** min(self._poll_failures - 1, 8) if self._poll_failures else CHANGE_POLL_MS
        if self.timer.interval() != min(pause, MAX_POLL_BACKOFF_MS):  # setting it restarts the timer
            self.timer.setInterval(min(pause, MAX_POLL_BACKOFF_MS))
        if reachable != self._reachable:
            self._reachable = reachable
            self.show_status()

    def show_status(self) -> None:
        """A team library's name in the status bar, with a green dot while its server answers (red when not)."""
        location = self.window.library.location
        if not isinstance(location, ServerLocation):
            self.status.hide()
            return
        if self._reachable:
            text, dot = location_label(location), "#2e7d32"
            self.status.setToolTip(self.tr("Changes your team makes show here within seconds."))
        else:
            text, dot = self.tr("{0} (cannot reach the server)").format(location_label(location)), "#b3261e"
            self.status.setToolTip(
                self.tr("The server does not answer; cjmapper keeps trying. Edits made meanwhile are refused.")
            )
        self.status.setText(f"<span style='color: {dot};'>●</span> {html.escape(text)}")  # i18n: no
        self.status.show()

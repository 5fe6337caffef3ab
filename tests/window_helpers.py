"""The editor's main window in tests, opened as the program opens it (`ui.app.create_window`) and shown.

`open_window` is the one way the tests open a window; the `window` fixture (tests/conftest.py) opens one on the
library at the test module's `path` fixture, which each module defines with the journeys it needs."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cjmapper.model import Journey, Lane, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.store.location import Location
from ui import app as ui_app
from ui.window.main_window import MainWindow


def open_window(
    qtbot: QtBot, where: Location | Library, journey: int | str | None = None, *, poll: bool = True
) -> MainWindow:
    """The window on the library at `where` (opened here; or an open Library, which the window then owns), shown
    and exposed. `journey`: a journey to open, by id or by title. `poll=False` stops the window's poll for changes
    made elsewhere before anything else happens (the test then says when it polls). pytest-qt closes the window
    after the test; closing its library is the caller's (the `window` fixture does it)."""
    window = ui_app.create_window(where if isinstance(where, Library) else Library.open(where))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if not poll:
        window.change_poll.stop()
    if journey is not None:
        window.open_journey(journey if isinstance(journey, int) else window.library.find_journey(journey))
    return window


def bakery(title: str = "Bakkerij") -> Journey:
    """A small journey: two phases, one lane, one card "Welkom"."""
    return Journey(
        id=0,
        title=title,
        phases=[Phase(1, "Intake"), Phase(2, "Levering")],
        lanes=[Lane(1, "Contactmomenten")],
        touchpoints=[Touchpoint(1, 1, 1, 0, "Welkom")],
    )


def bakery_library(path: Path) -> Path:
    """A library file at `path` holding `bakery()`."""
    with Library.open(path) as lib:
        lib.create_journey(bakery())
    return path

"""A Dutch workshop on a 1024x768 projector, on the real window: the map opens readable in workshop mode and stays
readable when the voting bar and the timer take their row; every word of the voting bar shows whole; a status message
too long for the room beside the figures ends in "…" instead of running under them; shortcuts name the keys as a
Dutch keyboard does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.test_workshop_overlays import PROJECTOR
from tests.window_helpers import open_window
from ui import i18n
from ui.canvas.view_fit import MIN_TITLE_PX
from ui.window.main_window import MainWindow
from ui.window.status_bar import StatusBar


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    with i18n.using_language(Language.NL):
        yield


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, dutch: None) -> Iterator[MainWindow]:
    with Library.open(tmp_path / "workshop.cjm") as lib:
        lib.create_journey(load_example("nl"))
    opened = open_window(qtbot, tmp_path / "workshop.cjm", "Klantreis webshop: Bakkerij De Korenbloem")
    opened.view.focus_duration_ms = 0
    yield opened
    opened.close()
    opened.library.close()


def title_px(window: MainWindow) -> float:
    """How tall the canvas draws card titles now (pixels)."""
    assert window.scene is not None
    return window.view.zoom * window.scene.metrics.font_size


def enter(qtbot: QtBot, window: MainWindow) -> None:
    """Workshop mode on the projector, fitted by the window itself (no test's fit)."""
    window.setGeometry(PROJECTOR)
    qtbot.waitUntil(lambda: window.size() == PROJECTOR.size())
    assert window.workshop.enter()
    qtbot.waitUntil(window.isFullScreen)
    window.setGeometry(PROJECTOR)
    qtbot.waitUntil(lambda: window.size() == PROJECTOR.size())
    qtbot.wait(250)  # the window settles; the view fits itself again after a resize


def test_workshop_mode_opens_and_stays_readable_with_voting_and_the_timer(qtbot: QtBot, window: MainWindow) -> None:
    enter(qtbot, window)
    assert title_px(window) >= MIN_TITLE_PX - 1e-6
    assert window.voting.start()
    qtbot.waitUntil(window.voting_bar.isVisible)
    window.workshop.timer_toggle_action.trigger()
    qtbot.waitUntil(window.workshop.overlay.isVisible)
    qtbot.wait(250)
    assert title_px(window) >= MIN_TITLE_PX - 1e-6
    # The phase headers are in view (the map shows from its top when it does not fit whole).
    view = window.view
    assert window.scene is not None
    header = window.scene.phase_header(window.scene.journey.phases[0].id)
    assert header is not None
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.intersects(header.sceneBoundingRect())


@pytest.mark.parametrize("size", [(1024, 768), (1400, 860), (1920, 1080)], ids=["1024", "1400", "1920"])
def test_a_map_too_tall_to_show_whole_fills_the_width_of_any_projector(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    """A map that does not fit whole at a readable zoom shows as wide as the view (scrolling down only), not at the
    least readable zoom with empty bands left and right on a wide projector."""
    enter(qtbot, window)
    window.setGeometry(PROJECTOR.x(), PROJECTOR.y(), *size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    qtbot.wait(250)
    window.view.fit_readable()
    view, scene = window.view, window.scene
    assert scene is not None
    assert title_px(window) >= MIN_TITLE_PX - 1e-6
    shown = view.mapFromScene(scene.sceneRect()).boundingRect()
    viewport = view.viewport().rect()
    if shown.height() > viewport.height():  # scrolls down: then it is as wide as the view
        assert shown.width() >= 0.9 * viewport.width()
        if view.zoom > view.readable_zoom() + 1e-6:  # above the least readable zoom, it never scrolls across
            assert view.horizontalScrollBar().maximum() <= view.horizontalScrollBar().minimum() + 2
    else:  # shows whole
        assert shown.width() <= viewport.width() + 1
        assert shown.height() <= viewport.height() + 1


def clipped(widget: QLabel | QAbstractButton) -> bool:
    """Whether the widget is too small for its text: narrower than one line needs, or, for a label that wraps,
    shorter than its lines need at its width."""
    if not widget.isVisible():
        return False
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) > widget.height()
    return widget.width() < widget.minimumSizeHint().width()


@pytest.mark.parametrize("last", [False, True], ids=["a participant", "the last participant"])
def test_every_word_of_the_voting_bar_shows_whole_on_the_projector(
    qtbot: QtBot, window: MainWindow, last: bool
) -> None:
    enter(qtbot, window)
    assert window.voting.start()
    qtbot.waitUntil(window.voting_bar.isVisible)
    if last:
        for _ in range(window.voting.participants - 1):
            window.voting.next_participant()
    window.workshop.timer_toggle_action.trigger()
    qtbot.waitUntil(window.workshop.overlay.isVisible)
    qtbot.wait(100)
    bar = window.voting_bar
    texts = [w for w in bar.findChildren(QLabel) + bar.findChildren(QAbstractButton) if w.isVisible() and w.text()]
    assert bar.next_button in texts
    assert bar.stop_button in texts
    assert bar.participant_label in texts
    assert [(w.text(), w.width(), w.minimumSizeHint().width()) for w in texts if clipped(w)] == []
    assert bar.geometry().right() <= window.width()
    # Outside workshop mode, with the panels open, the same.
    window.workshop.leave()
    window.resize(1024, 740)
    assert window.voting.active or window.voting.start()
    qtbot.waitUntil(window.voting_bar.isVisible)
    qtbot.wait(100)
    texts = [w for w in bar.findChildren(QLabel) + bar.findChildren(QAbstractButton) if w.isVisible() and w.text()]
    assert [(w.text(), w.width(), w.minimumSizeHint().width()) for w in texts if clipped(w)] == []


def test_a_long_status_message_ends_in_an_ellipsis_beside_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 740)
    qtbot.wait(100)
    bar = window.statusBar()
    assert isinstance(bar, StatusBar)
    text = "Workshopmodus: " + "kies een vak met de pijltjestoetsen, typ om kaarten toe te voegen, " * 3
    bar.showMessage(text, 5000)
    shown = bar.currentMessage()
    assert shown.endswith("…")
    assert text.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_room()
    assert window.status_figures.isVisible()
    assert bar.message_room() < window.status_figures.x()  # the figures stay clear of the message
    assert text in bar.toolTip()
    bar.showMessage("Kort bericht", 5000)
    assert bar.currentMessage() == "Kort bericht"
    assert bar.toolTip() == ""


def test_shortcuts_name_the_keys_as_a_dutch_keyboard_does(window: MainWindow) -> None:
    native = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
    assert native == "Ctrl+Enter"
    assert QKeySequence("PgDown").toString(QKeySequence.SequenceFormat.NativeText) == "PgDn"

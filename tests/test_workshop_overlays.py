"""The workshop's overlays on the real window at a projector's 1024x768: the voting bar and the countdown timer take
their own space above the canvas and never cover a phase header or a card, whether the map is fitted or zoomed in;
leaving workshop mode leaves none of them behind unless the timer still runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QGraphicsItem, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.canvas import JourneyScene
from ui.window.main_window import MainWindow
from ui.workshop.timer import TimerState

PROJECTOR = QRect(0, 0, 1024, 768)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "workshop.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "workshop.cjm"


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, path, "Webshop customer journey: Bakery De Korenbloem")
    opened.view.focus_duration_ms = 0
    yield opened
    opened.close()
    opened.library.close()


def scene_of(window: MainWindow) -> JourneyScene:
    assert window.scene is not None
    return window.scene


def enter_on_projector(qtbot: QtBot, window: MainWindow) -> None:
    """Workshop mode on a 1024x768 screen (the test screen is another size: once full screen, the window is given
    the projector's size, as it has outside workshop mode)."""
    window.setGeometry(PROJECTOR)
    qtbot.waitUntil(lambda: window.size() == PROJECTOR.size())
    assert window.workshop.enter()
    qtbot.waitUntil(window.isFullScreen)
    qtbot.wait(20)
    window.setGeometry(PROJECTOR)
    qtbot.waitUntil(lambda: window.size() == PROJECTOR.size())
    qtbot.wait(20)
    assert window.size() == PROJECTOR.size()
    window.view.fit()


def in_window(window: MainWindow, widget: QWidget, rect: QRect | None = None) -> QRect:
    """`rect` of `widget` (all of it by default) in the window's coordinates."""
    rect = rect if rect is not None else widget.rect()
    return rect.translated(widget.mapTo(window, QPoint(0, 0)))


def on_screen(window: MainWindow, item: QGraphicsItem) -> QRect:
    """Where the canvas draws `item`, in the window's coordinates (not clipped: a header scrolled up out of the
    canvas lies where the row above it is)."""
    view = window.view
    return in_window(window, view.viewport(), view.mapFromScene(item.sceneBoundingRect()).boundingRect())


def overlays(window: MainWindow) -> dict[str, QRect]:
    """The shown overlays' places in the window."""
    shown = [window.voting_bar, window.workshop.overlay]
    return {w.objectName(): in_window(window, w) for w in shown if w.isVisible()}


def content(window: MainWindow) -> dict[str, QRect]:
    """The phase headers and cards, where the canvas draws them."""
    scene = scene_of(window)
    items: dict[str, QRect] = {}
    for phase in scene.journey.phases:
        header = scene.phase_header(phase.id)
        assert header is not None
        items[f"phase header {phase.name!r}"] = on_screen(window, header)
    for card_id, card in scene.card_items().items():
        items[f"card {card_id}"] = on_screen(window, card)
    return items


def timer_state(window: MainWindow) -> TimerState:
    return window.workshop.timer.state


def assert_nothing_covered(window: MainWindow) -> None:
    shown = overlays(window)
    assert shown, "no overlay is shown"
    covered = [
        (name, overlay)
        for name, rect in content(window).items()
        for overlay, where in shown.items()
        if rect.intersects(where)
    ]
    assert covered == []


def test_voting_bar_and_running_timer_cover_no_header_or_card_at_1024x768(qtbot: QtBot, window: MainWindow) -> None:
    enter_on_projector(qtbot, window)
    view = window.view
    fitted = view.zoom
    assert window.voting.start()
    qtbot.waitUntil(window.voting_bar.isVisible)
    assert_nothing_covered(window)
    window.workshop.timer_toggle_action.trigger()  # Ctrl+Shift+T: the timer starts
    assert window.workshop.timer.running
    qtbot.waitUntil(window.workshop.overlay.isVisible)
    assert set(overlays(window)) == {"votingBar", "timerOverlay"}
    assert_nothing_covered(window)
    assert window.workshop.overlay.height() >= 60  # large enough for the back of the room
    # The whole map is still shown: the row took its height from the canvas and the map was fitted again.
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-2, -2, 2, 2)
    assert shown.contains(scene_of(window).sceneRect())
    assert view.zoom <= fitted
    # Nothing from the row lies over the canvas at all.
    canvas = in_window(window, view.viewport())
    assert all(not rect.intersects(canvas) for rect in overlays(window).values())


def test_zoomed_in_the_headers_in_view_stay_in_view_when_the_overlays_come_and_go(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The consultant zoomed in to read the cards, scrolled to the top: the phase names stay readable when voting
    starts and the timer runs (the canvas' own resize anchor would slide them up under the voting bar)."""
    enter_on_projector(qtbot, window)
    view = window.view
    scene = scene_of(window)
    view.set_zoom(0.8)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    viewport = in_window(window, view.viewport())
    headers = {
        phase.name: header
        for phase in scene.journey.phases
        if (header := scene.phase_header(phase.id)) is not None and viewport.contains(on_screen(window, header))
    }
    assert headers  # the test's premise: zoomed in, phase names in view, whole, but not the whole map
    assert not view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.sceneRect())
    assert window.voting.start()
    window.workshop.timer_toggle_action.trigger()
    qtbot.waitUntil(lambda: window.voting_bar.isVisible() and window.workshop.overlay.isVisible())
    assert_nothing_covered(window)
    viewport = in_window(window, view.viewport())
    assert [name for name, header in headers.items() if not viewport.contains(on_screen(window, header))] == []
    assert view.zoom == pytest.approx(0.8)  # the user's zoom is kept
    window.voting.stop()
    qtbot.waitUntil(lambda: not window.voting_bar.isVisible())
    assert_nothing_covered(window)  # the timer alone
    viewport = in_window(window, view.viewport())
    assert [name for name, header in headers.items() if not viewport.contains(on_screen(window, header))] == []


def test_leaving_workshop_mode_leaves_no_overlay_behind(qtbot: QtBot, window: MainWindow) -> None:
    workshop = window.workshop
    enter_on_projector(qtbot, window)
    assert window.voting.start()
    workshop.timer_toggle_action.trigger()
    workshop.timer_toggle_action.trigger()  # paused
    assert timer_state(window) is TimerState.PAUSED
    assert workshop.overlay.isVisible()
    assert window.voting_bar.isVisible()
    workshop.workshop_action.trigger()  # F11
    assert not workshop.active
    qtbot.wait(10)
    assert not window.voting.active  # the round ended with the workshop; its votes stay on the cards
    assert overlays(window) == {}
    assert not window.overlay_row.isVisible()
    assert timer_state(window) is TimerState.IDLE
    # A finished timer does not stay behind either.
    enter_on_projector(qtbot, window)
    workshop.timer.set_duration(1)
    workshop.timer.start()
    workshop.timer.now = lambda: 1e12  # long after its second ran out
    workshop.timer.tick()
    assert timer_state(window) is TimerState.FINISHED
    assert workshop.overlay.isVisible()
    workshop.leave()
    assert overlays(window) == {}


def test_a_running_timer_stays_after_workshop_mode_out_of_the_way(qtbot: QtBot, window: MainWindow) -> None:
    workshop = window.workshop
    enter_on_projector(qtbot, window)
    workshop.timer_toggle_action.trigger()
    workshop.leave()
    qtbot.wait(20)
    assert window.size() == PROJECTOR.size()
    window.view.fit()
    assert workshop.timer.running
    assert set(overlays(window)) == {"timerOverlay"}
    assert not workshop.overlay.large
    assert_nothing_covered(window)
    workshop.timer.reset()
    assert overlays(window) == {}


def test_the_row_stacks_its_overlays_when_the_window_is_too_narrow_for_both(qtbot: QtBot, window: MainWindow) -> None:
    enter_on_projector(qtbot, window)
    assert window.voting.start()
    window.workshop.timer_toggle_action.trigger()
    qtbot.waitUntil(window.workshop.overlay.isVisible)
    bar, timer = in_window(window, window.voting_bar), in_window(window, window.workshop.overlay)
    assert not bar.intersects(timer)
    assert window.voting_bar.width() >= window.voting_bar.minimumSizeHint().width()  # no button cut off
    assert window.workshop.overlay.width() >= window.workshop.overlay.minimumSizeHint().width()
    if window.overlay_row.stacked:
        assert timer.top() >= bar.bottom()
    else:
        assert timer.left() >= bar.right()
    window.setGeometry(QRect(0, 0, 1920, 1080))
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(10)
    assert not window.overlay_row.stacked  # a wide window holds both side by side
    bar, timer = in_window(window, window.voting_bar), in_window(window, window.workshop.overlay)
    assert timer.left() >= bar.right()
    assert timer.top() == bar.top()
    assert_nothing_covered(window)

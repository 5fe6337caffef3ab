"""Workshop mode on the real window and a real library file: entering and leaving (the window comes back exactly as
it was), the locked structure (every path a user has, and the file unchanged), quick capture of twenty cards by
keyboard alone, phase focus with Page Up/Down and Home, and the countdown timer on a fast clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QColorDialog, QDockWidget, QInputDialog, QMenu, QMessageBox, QToolBar
from pytestqt.qtbot import QtBot

from cjmapper.layout import Metrics
from cjmapper.model import Journey, LaneKind
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui import app as ui_app
from ui.canvas import JourneyScene
from ui.canvas.capture import TARGET
from ui.canvas.view import FIT_MARGIN, FOCUS_MIN_ZOOM
from ui.window.main_window import MainWindow
from ui.workshop.controller import WORKSHOP_SCALE, changes_structure, workshop_metrics
from ui.workshop.timer import CountdownTimer, TimerDialog, TimerOverlay, TimerState, clock_text

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "workshop.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "workshop.cjm"


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, path)
    opened.view.focus_duration_ms = 0  # phase focus at once
    yield opened
    opened.close()
    opened.library.close()


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Offscreen, a shown window is not active until asked; shortcuts need it."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


def scene_of(window: MainWindow) -> JourneyScene:
    assert window.scene is not None
    return window.scene


def stored(path: Path) -> Journey:
    with Library.open(path) as lib:
        [info] = lib.list_journeys()
        return lib.load_journey(info.id)


def structure(journey: Journey) -> tuple[object, ...]:
    """Everything workshop mode locks: the journey's own fields, its phases and its lanes."""
    return (
        journey.title,
        journey.description,
        journey.language,
        journey.framework,
        journey.persona,
        [(p.id, p.name, p.color, p.description) for p in journey.phases],
        [(lane.id, lane.name, lane.kind, lane.color) for lane in journey.lanes],
    )


def key(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(window.view.viewport(), key, modifiers)


def type_text(window: MainWindow, text: str) -> None:
    """Type like a user, any character (QTest.keyClicks aborts on non-ASCII text)."""
    target = window.view.viewport()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MODIFIER, char))


def viewport_point(window: MainWindow, x: float, y: float) -> QPoint:
    window.view.ensureVisible(QRectF(x - 40, y - 40, 80, 80), 0, 0)
    return window.view.mapFromScene(QPointF(x, y))


def visible_rect(window: MainWindow) -> QRectF:
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def docks_shown(window: MainWindow) -> dict[str, bool]:
    return {dock.objectName(): dock.isVisible() for dock in window.findChildren(QDockWidget)}


# ---------------------------------------------------------------------- entering and leaving


def test_metrics_scale_every_size_and_keep_the_counts() -> None:
    base = Metrics()
    large = workshop_metrics(base)
    assert large.font_size == pytest.approx(base.font_size * WORKSHOP_SCALE)
    assert large.card_width == pytest.approx(base.card_width * WORKSHOP_SCALE)
    assert large.phase_header_height == pytest.approx(base.phase_header_height * WORKSHOP_SCALE)
    assert large.lane_header_width == pytest.approx(base.lane_header_width * WORKSHOP_SCALE)
    assert large.max_title_lines == base.max_title_lines


@pytest.mark.parametrize("maximized", [False, True])
def test_workshop_mode_goes_full_screen_large_and_leaving_restores_the_window_exactly(
    qtbot: QtBot, window: MainWindow, maximized: bool
) -> None:
    if maximized:
        window.showMaximized()
        qtbot.waitUntil(window.isMaximized)
    window.journeys_dock.hide()  # a layout of the user's own: restored as it was, not as the default
    window.view.set_zoom(0.75)
    window.view.centerOn(QPointF(500, 400))
    qtbot.wait(200)  # let the dock layout settle (a maximised window on a desktop-sized screen takes longer)
    scene = scene_of(window)
    before = (
        window.saveGeometry(),
        window.saveState(),
        window.geometry(),
        window.isMaximized(),
        docks_shown(window),
        window.toolbar.isVisible(),
        window.view.zoom,
        visible_rect(window),
    )
    width = scene.layout.width
    selected = sorted(scene.layout.cards)[0]
    scene.select_ids([selected])

    window.workshop.workshop_action.trigger()
    assert window.workshop.active
    assert window.workshop.workshop_action.isChecked()
    assert window.isFullScreen()
    assert not any(docks_shown(window).values())
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    assert window.menuBar().isVisible()
    assert scene.metrics == workshop_metrics(Metrics())
    assert scene.layout.width == pytest.approx(width * WORKSHOP_SCALE, rel=0.01)
    card = scene.card_item(selected)
    assert card is not None
    assert card.isSelected()  # the selection survives the new layout
    assert scene.structure_locked
    assert window.workshop.overlay.large

    window.workshop.workshop_action.trigger()
    assert not window.workshop.active
    assert not window.isFullScreen()
    assert scene.metrics == Metrics()
    assert not scene.structure_locked
    qtbot.wait(10)
    after = (
        window.saveGeometry(),
        window.saveState(),
        window.geometry(),
        window.isMaximized(),
        docks_shown(window),
        window.toolbar.isVisible(),
        window.view.zoom,
        visible_rect(window),
    )
    assert after[:7] == before[:7]
    assert after[7].center().x() == pytest.approx(before[7].center().x(), abs=2)
    assert after[7].center().y() == pytest.approx(before[7].center().y(), abs=2)


def test_f11_enters_and_f11_or_esc_leaves(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert window.workshop.active
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert not window.workshop.active
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert window.workshop.active
    scene = scene_of(window)
    scene.select_ids([sorted(scene.layout.cards)[0]])
    key(window, Qt.Key.Key_Escape)  # first Esc: clears the selection
    assert window.workshop.active
    assert scene.selected_ids() == []
    key(window, Qt.Key.Key_Escape)  # nothing left to cancel: leaves
    assert not window.workshop.active
    assert not window.isFullScreen()


def test_esc_stops_a_voting_round_before_it_leaves_workshop_mode(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.workshop.enter()
    assert window.voting.start()
    key(window, Qt.Key.Key_Escape)
    assert not window.voting.active
    assert window.workshop.active
    key(window, Qt.Key.Key_Escape)
    assert not window.workshop.active
    # Esc where the canvas does not have the focus: the same order.
    window.workshop.enter()
    assert window.voting.start()
    window.voting_bar.setFocus()
    QTest.keyClick(window.voting_bar, Qt.Key.Key_Escape)
    assert not window.voting.active
    assert window.workshop.active
    QTest.keyClick(window.voting_bar, Qt.Key.Key_Escape)
    assert not window.workshop.active


def test_closing_in_workshop_mode_saves_the_normal_layout(qtbot: QtBot, path: Path) -> None:
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(640, 420)  # within the offscreen screen, which a restored geometry must fit
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (640, 420))
    window.workshop.enter()
    assert window.isFullScreen()
    window.close()
    window.library.close()
    second = ui_app.create_window(Library.open(path))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        assert not second.isFullScreen()
        assert second.journeys_dock.isVisible()
        assert (second.width(), second.height()) == (640, 420)
    finally:
        second.close()
        second.library.close()


# ---------------------------------------------------------------------- the locked structure


def context_menu_at(window: MainWindow, at: QPoint) -> None:
    viewport = window.view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at)))


def drag(window: MainWindow, start: QPoint, end: QPoint) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, 7):
        QTest.mouseMove(viewport, start + (end - start) * i / 6)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)


def test_workshop_mode_locks_the_structure_by_every_path_and_unlocks_it_after(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed journey", True))
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "exec", lambda self, *a: menus.append(self))
    activate(qtbot, window)
    document = window.document
    assert document is not None
    scene = scene_of(window)
    # A structure edit before the workshop: workshop mode will not undo it.
    extra = document.add_phase("Before the workshop")
    assert extra is not None
    before = structure(stored(path))
    phase_ids = [p.id for p in stored(path).phases]
    lane_count = len(stored(path).lanes)
    window.workshop.enter()
    journey = document.journey
    first, second = journey.phases[0].id, journey.phases[1].id
    lane = journey.lanes[0].id
    status = window.statusBar()

    # The window's actions.
    for action in window.workshop.locked_actions():
        assert not action.isEnabled()
        action.trigger()
    # The scene's own methods (what header menus, double-clicks and drags call).
    assert not scene.rename_header("phase", first)
    assert not scene.rename_header("lane", lane)
    assert not scene.editor.active
    assert "workshop mode" in status.currentMessage()
    assert scene.add_phase_at(0) is None
    assert scene.add_lane_at(0) is None
    assert not scene.delete_phase(first)
    assert not scene.delete_lane(lane)
    assert not scene.recolour("phase", first)
    assert not scene.recolour("lane", lane)
    for menu in (scene.phase_menu(first), scene.lane_menu(lane)):
        assert menu.actions()
        assert not any(a.isEnabled() for a in menu.actions())
        for action in menu.actions():
            action.trigger()
        menu.deleteLater()
    # Header gestures: drag to reorder, double-click to rename, right-click for the menu.
    status.clearMessage()
    header = scene.layout.phases[0].header
    target = scene.layout.phases[1].header
    start = viewport_point(window, header.x + header.width / 2, header.y + header.height / 2)
    drag(window, start, window.view.mapFromScene(QPointF(target.x + target.width * 0.8, target.y + 10)))
    assert "workshop mode" in status.currentMessage()
    start = viewport_point(window, header.x + header.width / 2, header.y + header.height / 2)
    QTest.mouseDClick(window.view.viewport(), LEFT, NO_MODIFIER, start)
    assert not scene.editor.active
    context_menu_at(window, start)
    assert menus == []  # no header menu opens
    lane_box = scene.layout.lanes[0].header
    lane_point = viewport_point(window, lane_box.x + lane_box.width / 2, lane_box.y + lane_box.height / 2)
    drag(window, lane_point, window.view.mapFromScene(QPointF(lane_box.x + 20, scene.layout.lanes[2].header.y + 5)))
    context_menu_at(window, lane_point)
    assert menus == []
    # The journey's fields in the Properties panel are read-only.
    window.properties_dock.show()
    scene.select_ids([])
    assert window.properties.structure_locked
    assert window.properties.journey_title.isReadOnly()
    assert window.properties.persona_name.isReadOnly()
    assert not window.properties.journey_framework.isEnabled()
    QTest.keyClicks(window.properties.journey_title, "XYZ")
    assert not window.persona_strip.editable
    assert not window.persona_strip.edit_persona()
    # Undo does not undo the structure edit made before the workshop.
    window.undo_action.trigger()
    assert extra in [p.id for p in document.journey.phases]
    assert "leave it (F11) to undo" in status.currentMessage()

    assert structure(stored(path)) == before
    assert structure(document.journey) == before
    assert [p.phase_id for p in scene.layout.phases] == phase_ids

    # Cards stay free: add one, move it, undo both.
    count = len(stored(path).touchpoints)
    card = document.add_touchpoint(first, lane, "Sticky note")
    assert card is not None
    scene.select_ids([card])
    key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert stored(path).touchpoint(card).phase_id == second
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert len(stored(path).touchpoints) == count

    window.workshop.leave()
    # Unlocked again: the same paths work.
    assert window.add_phase_action.isEnabled()
    assert window.rename_journey_action.isEnabled()
    assert not window.properties.journey_title.isReadOnly()
    assert window.persona_strip.editable
    window.add_lane_action.trigger()
    assert len(stored(path).lanes) == lane_count + 1
    assert scene.rename_header("phase", first)
    type_text(window, "Seeing")
    key(window, Qt.Key.Key_Return)
    assert stored(path).phase(first).name == "Seeing"
    window.rename_journey_action.trigger()
    assert stored(path).title == "Renamed journey"
    window.undo_action.trigger()  # the rename, then the structure edits
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert extra not in [p.id for p in stored(path).phases]


def test_changes_structure_knows_card_steps_from_structure_steps(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    journey = document.journey
    document.add_touchpoint(journey.phases[0].id, journey.lanes[0].id, "A card")
    stack = document.undo_stack
    assert not changes_structure(stack.command(stack.index() - 1))
    document.update_phase(journey.phases[0].id, name="Renamed")
    assert changes_structure(stack.command(stack.index() - 1))
    with document.macro("Both"):
        document.add_touchpoint(journey.phases[0].id, journey.lanes[0].id, "Another")
        document.update_lane(journey.lanes[0].id, name="Renamed lane")
    assert changes_structure(stack.command(stack.index() - 1))


# ---------------------------------------------------------------------- quick capture


def test_quick_capture_of_twenty_cards_by_keyboard_alone_ends_in_the_library(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert window.workshop.active
    scene = scene_of(window)
    document = window.document
    assert document is not None
    key(window, Qt.Key.Key_Right)  # the first arrow frames the start cell
    start = scene.capture.cell
    assert start is not None
    assert scene.capture.frame.isVisible()
    key(window, Qt.Key.Key_Down)
    key(window, Qt.Key.Key_Up)
    key(window, Qt.Key.Key_Right)  # one phase on
    cell = scene.capture.cell
    assert cell is not None
    phases = [p.phase_id for p in scene.layout.phases]
    assert phases.index(cell[0]) == min(phases.index(start[0]) + 1, len(phases) - 1)
    assert cell[1] == start[1]
    assert scene.capture.frame.rect() == QRectF(*_rect(scene, cell))
    existing = list(scene.layout.cells[cell].card_ids)
    steps = document.undo_stack.count()
    titles = [f"Idee {i + 1}: café ë — 😀" for i in range(20)]
    for title in titles:
        type_text(window, title)  # the first character starts the card, already typed
        assert scene.editor.target == TARGET
        key(window, Qt.Key.Key_Return)  # saves it and starts the next, empty
        assert scene.editor.target == TARGET
        assert scene.editor.text() == ""
    key(window, Qt.Key.Key_Escape)  # stops: the empty card is dropped
    assert not scene.editor.active
    assert document.undo_stack.count() == steps + 20  # one undo step per card, none for the dropped one
    assert scene.capture.captured == 20
    new = list(scene.layout.cells[cell].card_ids[len(existing) :])
    assert [document.journey.touchpoint(i).title for i in new] == titles
    window.undo_action.trigger()  # card by card
    assert len(scene.layout.cells[cell].card_ids) == len(existing) + 19
    window.redo_action.trigger()
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert not window.workshop.active
    window.close()
    window.library.close()
    journey = stored(path)
    in_cell = sorted((t for t in journey.touchpoints if (t.phase_id, t.lane_id) == cell), key=lambda t: t.position)
    assert [t.id for t in in_cell][: len(existing)] == existing
    assert [t.title for t in in_cell][len(existing) :] == titles


def _rect(scene: JourneyScene, cell: tuple[int, int]) -> tuple[float, float, float, float]:
    r = scene.layout.cells[cell].rect
    return (r.x, r.y, r.width, r.height)


def test_quick_capture_outside_workshop_mode_and_the_arrows_with_a_card_selected(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    activate(qtbot, window)
    scene = scene_of(window)
    document = window.document
    assert document is not None
    key(window, Qt.Key.Key_Down)  # capture off: the arrows select the first card, as always
    assert len(scene.selected_ids()) == 1
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert scene.editor.active  # Ctrl+Enter: a new card after the selected one, as always
    key(window, Qt.Key.Key_Escape)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    count = len(stored(path).touchpoints)

    window.workshop.capture_action.trigger()  # Journey › Quick Capture
    assert scene.capture.enabled
    assert scene.selected_ids() == []
    cell = scene.capture.cell
    assert cell is not None
    # With a card selected, the arrows keep their meaning and the frame hides.
    first = sorted(scene.layout.cards)[0]
    scene.select_ids([first])
    assert scene.capture.cell is None
    key(window, Qt.Key.Key_Down)
    assert len(scene.selected_ids()) == 1
    assert scene.selected_ids() != [first]
    key(window, Qt.Key.Key_Escape)  # clears the selection
    key(window, Qt.Key.Key_Left)  # the frame comes back, in the selected card's cell
    assert scene.capture.cell is not None
    # Typing then Esc drops the card: nothing written, no undo step.
    steps = document.undo_stack.count()
    type_text(window, "Never mind")
    assert scene.editor.active
    key(window, Qt.Key.Key_Escape)
    assert not scene.editor.active
    assert document.undo_stack.count() == steps
    assert len(stored(path).touchpoints) == count
    # Enter on a framed cell starts an empty card; Enter on it again stops.
    key(window, Qt.Key.Key_Return)
    assert scene.editor.target == TARGET
    key(window, Qt.Key.Key_PageDown)  # the editor's key while typing: no phase focus
    assert window.view.focused_phase is None
    key(window, Qt.Key.Key_Return)
    assert not scene.editor.active
    assert document.undo_stack.count() == steps
    # A click elsewhere keeps what was typed.
    type_text(window, "Kept")
    scene.editor.commit()
    assert any(t.title == "Kept" for t in stored(path).touchpoints)
    key(window, Qt.Key.Key_Escape)  # hides the frame
    assert scene.capture.cell is None
    window.workshop.capture_action.trigger()
    assert not scene.capture.enabled
    key(window, Qt.Key.Key_Down)
    assert len(scene.selected_ids()) == 1  # capture off: the arrows select cards again


# ---------------------------------------------------------------------- phase focus


def assert_focused(window: MainWindow, phase_id: int) -> None:
    """The phase's column fills the view: all of it, or (too tall at 100%) its full width from the header down."""
    column = window.view.phase_rect(phase_id)
    assert column is not None
    shown = visible_rect(window)
    if window.view.zoom > FOCUS_MIN_ZOOM + 1e-6:  # it fits
        assert shown.contains(column.adjusted(1, 1, -1, -1))
        assert max(column.width() / shown.width(), column.height() / shown.height()) > 0.9
    else:
        assert window.view.zoom == pytest.approx(FOCUS_MIN_ZOOM)
        assert column.height() > shown.height()
        top = QRectF(column.left(), column.top(), column.width(), shown.height() / 2)
        assert shown.contains(top.adjusted(1, 1, -1, -1))
        assert shown.top() == pytest.approx(column.top() - FIT_MARGIN / window.view.zoom, abs=2)


@pytest.mark.parametrize("workshop", [False, True])
def test_page_down_and_up_focus_each_phase_and_home_shows_the_whole_journey(
    qtbot: QtBot, window: MainWindow, workshop: bool
) -> None:
    activate(qtbot, window)
    if workshop:
        window.workshop.enter()
    window.view.fit()
    scene = scene_of(window)
    phases = scene.layout.phases
    whole = visible_rect(window)
    seen: list[int] = []
    for _ in phases:
        key(window, Qt.Key.Key_PageDown)
        focused = window.view.focused_phase
        assert focused is not None
        seen.append(focused)
        assert_focused(window, focused)
    assert seen == [p.phase_id for p in phases]
    key(window, Qt.Key.Key_PageDown)  # at the last phase: stays
    assert window.view.focused_phase == phases[-1].phase_id
    key(window, Qt.Key.Key_PageUp)
    assert window.view.focused_phase == phases[-2].phase_id
    key(window, Qt.Key.Key_Home)
    assert window.view.focused_phase is None
    assert visible_rect(window).contains(QRectF(0, 0, scene.layout.width, scene.layout.height))
    if not workshop:
        assert visible_rect(window) == whole
        return
    # A framed capture cell follows the focus into the next phase, in its lane.
    key(window, Qt.Key.Key_Down)
    cell = scene.capture.cell
    assert cell is not None
    key(window, Qt.Key.Key_PageDown)
    focused = window.view.focused_phase
    assert focused is not None
    assert scene.capture.cell == (focused, cell[1])


def test_phase_focus_glides(qtbot: QtBot, window: MainWindow) -> None:
    window.view.focus_duration_ms = 120
    window.view.fit()
    phase = window.view.focus_next_phase(1)
    assert phase is not None
    assert window.view.gliding
    qtbot.waitUntil(lambda: not window.view.gliding, timeout=2000)
    assert_focused(window, phase)


# ---------------------------------------------------------------------- the countdown timer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_clock_text() -> None:
    assert clock_text(300) == "05:00"
    assert clock_text(299.2) == "05:00"
    assert clock_text(299.0) == "04:59"
    assert clock_text(0.4) == "00:01"
    assert clock_text(0) == "00:00"
    assert clock_text(-3) == "00:00"
    assert clock_text(3723) == "1:02:03"


def test_the_timer_counts_down_pauses_and_signals_at_zero(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    timer = CountdownTimer(now=clock)
    finished: list[int] = []
    timer.finished.connect(lambda: finished.append(1))
    timer.set_minutes(2)
    assert (timer.state, timer.text()) == (TimerState.IDLE, "02:00")
    timer.start()
    clock.now += 30
    timer.tick()
    assert timer.text() == "01:30"
    timer.pause()
    clock.now += 500
    timer.tick()
    assert (timer.state, timer.text()) == (TimerState.PAUSED, "01:30")
    timer.start()  # resumes
    clock.now += 89.5
    timer.tick()
    assert timer.text() == "00:01"
    assert not finished
    clock.now += 0.5
    timer.tick()
    assert timer.state is TimerState.FINISHED
    assert timer.text() == "00:00"
    assert finished == [1]
    assert beeps == [1]
    timer.tick()
    assert beeps == [1]  # once
    timer.reset()
    assert (timer.state, timer.text()) == (TimerState.IDLE, "02:00")


def test_the_timer_runs_on_its_own_with_a_short_interval(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    timer = CountdownTimer(now=clock, interval_ms=5)
    timer.set_duration(3)
    timer.start()
    clock.now += 5
    with qtbot.waitSignal(timer.finished, timeout=2000):
        pass
    assert timer.state is TimerState.FINISHED


def test_the_overlay_shows_the_timer_large_on_the_canvas_and_turns_red_at_zero(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    clock = Clock()
    workshop = window.workshop
    workshop.timer.now = clock
    overlay: TimerOverlay = workshop.overlay
    assert not overlay.isVisible()
    workshop.enter()
    dialog = workshop.show_timer_dialog()
    assert isinstance(dialog, TimerDialog)
    assert overlay.isVisible()  # shows the time while it is being set
    dialog.minutes.setValue(3)
    assert overlay.text == "03:00"
    dialog.start_button.click()
    assert workshop.timer.running
    assert not dialog.start_button.isEnabled()
    dialog.pause_button.click()
    assert dialog.start_button.text() == "&Resume"
    assert overlay.caption == "Paused"
    dialog.reset_button.click()
    assert (workshop.timer.state, overlay.text) == (TimerState.IDLE, "03:00")
    dialog.presets[2].click()  # 5 min, started at once
    assert (workshop.timer.running, overlay.text) == (True, "05:00")
    dialog.minutes.setValue(3)  # the spin box does not change a running timer
    assert overlay.text == "05:00"
    workshop.timer.reset()
    dialog.start_button.click()
    assert (workshop.timer.running, overlay.text) == (True, "03:00")
    dialog.close()
    assert overlay.isVisible()
    # In the row above the canvas, never over it; large enough for the back of the room.
    viewport = window.view.viewport()
    canvas = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
    shown = QRect(overlay.mapTo(window, QPoint(0, 0)), overlay.size())
    assert shown.bottom() < canvas.top()
    assert shown.right() >= canvas.right()
    assert overlay.height() >= 60
    clock.now += 61
    workshop.timer.tick()
    assert overlay.text == "01:59"
    QTest.mouseClick(overlay, LEFT)  # a click pauses
    assert not workshop.timer.running
    assert overlay.caption == "Paused"
    window.workshop.timer_toggle_action.trigger()  # Ctrl+Shift+T resumes
    assert workshop.timer.running
    clock.now += 120
    workshop.timer.tick()
    assert workshop.timer.state is TimerState.FINISHED
    assert overlay.text == "00:00"
    assert overlay.alarm
    assert overlay.caption == "Time's up"
    assert overlay.flashing
    assert beeps == [1]
    assert "Time's up" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not overlay.flash_on, timeout=2000)  # it flashes
    QTest.mouseClick(overlay, LEFT)  # at zero a click resets
    assert workshop.timer.state is TimerState.IDLE
    assert not overlay.isVisible()
    workshop.leave()
    assert not overlay.large


def test_workshop_mode_on_a_journey_with_many_cards(qtbot: QtBot, tmp_path: Path) -> None:
    """Entering and leaving lays a 1,000-card map out again, both ways, in well under a second each."""
    journey = load_example("en")
    template = journey.touchpoints[0]
    card_lanes = [lane.id for lane in journey.lanes if lane.kind is not LaneKind.EMOTIONS]
    journey.touchpoints = [
        type(template)(
            id=i + 1,
            phase_id=journey.phases[i % len(journey.phases)].id,
            lane_id=card_lanes[i % len(card_lanes)],
            position=i,
            title=f"Card {i}",
            score=(i % 5) + 1,
        )
        for i in range(1000)
    ]
    path = tmp_path / "big.cjm"
    with Library.open(path) as lib:
        lib.create_journey(journey)
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        scene = scene_of(window)
        assert len(scene.card_items()) == 1000
        assert window.workshop.enter()
        assert len(scene.card_items()) == 1000
        assert window.workshop.leave()
        assert len(scene.card_items()) == 1000
        assert window.workshop.enter_ms < 2000
        assert window.workshop.leave_ms < 2000
    finally:
        window.close()
        window.library.close()


def test_the_workshop_knows_the_window_only_by_what_it_is_handed() -> None:
    """ui/workshop imports nothing of ui/window (not inside a function, not under TYPE_CHECKING); the controller
    touches no private name but its own, and the window calls only the controller's public names."""
    import ast

    root = Path(__file__).resolve().parent.parent / "ui"
    for path in sorted((root / "workshop").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not (node.level >= 2 and module.startswith("window")), f"{path.name} imports ..{module}"
                assert "window" not in module.split("."), f"{path.name} imports {module}"
    for node in ast.walk(ast.parse((root / "workshop" / "controller.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            own = isinstance(node.value, ast.Name) and node.value.id == "self"
            assert own, f"controller.py:{node.lineno} reaches into another's {node.attr}"
    for node in ast.walk(ast.parse((root / "window" / "main_window.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "workshop":
            assert not node.attr.startswith("_"), f"main_window.py:{node.lineno} calls the workshop's {node.attr}"

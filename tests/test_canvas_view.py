"""The view of a journey on the real window: it opens fitted the first time and as the user left it afterwards (after
a restart and a switch of journeys), an untouched view stays fitted when the window is resized, fitting never makes
card titles unreadable (it scrolls from the map's top left instead), and zoomed in, the phase headers stick to the
top of the view and the lane headers to its left, above the cards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication
from pytestqt.qtbot import QtBot

from benchmarks.store import big_journey
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.canvas import view_places
from ui.canvas.grid_items import LaneHeaderItem, PhaseHeaderItem
from ui.canvas.items import CardItem
from ui.canvas.painting import LOW_DETAIL
from ui.canvas.view import FIT_MARGIN, MIN_TITLE_PX, JourneyView
from ui.canvas.view_places import SETTINGS_PLACES, ViewPlace, ViewPlaces
from ui.user_settings import settings
from ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "views.cjm") as lib:
        lib.create_journey(load_example("en"))
        lib.create_journey(big_journey(12))
    return tmp_path / "views.cjm"


def wheel(view: JourneyView, delta: int, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A mouse wheel turned over the middle of the canvas (120 = one notch)."""
    at = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        at,
        QPointF(view.viewport().mapToGlobal(at.toPoint())),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def opened(qtbot: QtBot, window: MainWindow) -> JourneyView:
    """The view once the journey just opened is shown (fitted or as left: the step queued on opening)."""
    view = window.view
    QApplication.processEvents()  # the step opening queued
    qtbot.waitUntil(lambda: not view._refit.isActive())
    return view


def scrolls(view: JourneyView) -> tuple[int, int]:
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def centre_of(view: JourneyView) -> QPointF:
    """The scene point in the middle of the viewport."""
    size = view.viewport().size()
    return view.mapToScene(0, 0) + QPointF(size.width(), size.height()) / (2 * view.zoom)


def assert_same_place(view: JourneyView, centre: QPointF, scrolled: tuple[int, int], viewport: QSize) -> None:
    """The same part of the map in the middle of the canvas; in a canvas of the same size, the same scroll values
    (the panels beside the canvas may give it another width)."""
    assert centre_of(view).x() == pytest.approx(centre.x(), abs=1)
    assert centre_of(view).y() == pytest.approx(centre.y(), abs=1)
    if view.viewport().size() == viewport:
        assert scrolls(view) == scrolled


def map_in_view(view: JourneyView) -> QRectF:
    """The map (without the scene's margin) in viewport pixels."""
    scene = view.scene()
    layout = view.window().scene.layout  # type: ignore[attr-defined]
    assert scene is not None
    return view.mapFromScene(QRectF(0, 0, layout.width, layout.height)).boundingRect().toRectF()


def assert_fitted(view: JourneyView) -> None:
    """Fitted: the whole map in the viewport, filling it one way (or at 100%); or, where that would make the titles
    smaller than readable, at the readable zoom with the map's top left in view (the headers)."""
    shown = map_in_view(view)
    viewport = view.viewport().rect().toRectF()
    if view.zoom > view.readable_zoom() + 1e-9:
        assert viewport.adjusted(-1, -1, 1, 1).contains(shown), (shown, viewport)
        free = min(viewport.width() - shown.width(), viewport.height() - shown.height())
        assert view.zoom == 1.0 or free <= 2 * FIT_MARGIN + 60, (free, view.zoom)  # + the scene's margin at zoom
    else:
        assert view.zoom == pytest.approx(view.readable_zoom())
        assert not viewport.contains(shown)  # larger than the window: it scrolls
        if shown.width() > viewport.width():
            assert shown.left() == pytest.approx(FIT_MARGIN, abs=1)
        if shown.height() > viewport.height():
            assert shown.top() == pytest.approx(FIT_MARGIN, abs=1)


def test_a_journey_opens_as_the_user_left_it_after_a_restart_and_a_switch(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, "Webshop customer journey: Bakery De Korenbloem")
    screen = window.screen().availableGeometry()
    window.resize(min(1280, screen.width() - 40), min(860, screen.height() - 60))  # on the screen: it comes back so
    view = opened(qtbot, window)
    qtbot.waitUntil(lambda: view.fit_mode == "readable" and not view._refit.isActive())
    assert_fitted(view)  # the first time: fitted
    window.zoom_reset_action.trigger()  # 100%, then the wheel with Ctrl held: 1.25 ** (229 / 120) = 153%
    wheel(view, 229, CTRL)
    assert window.status_zoom.text() == "153%"
    wheel(view, -240)  # and down the map a little
    wheel(view, -120, Qt.KeyboardModifier.ShiftModifier)  # and to the right
    assert view.fit_mode is None  # the user's place now
    zoom, scrolled, centre, viewport = view.zoom, scrolls(view), centre_of(view), view.viewport().size()
    assert scrolled[0] > 0
    assert scrolled[1] > 0

    # Another journey and back: as left.
    example = window.document.journey_id if window.document is not None else None
    other = window.library.find_journey("12 cards")
    window.open_journey(other)
    assert opened(qtbot, window).fit_mode == "readable"  # first time there: fitted
    assert example is not None
    window.open_journey(example)
    qtbot.waitUntil(lambda: view.zoom == zoom)
    assert_same_place(view, centre, scrolled, viewport)

    # Closed and opened again (the program restarted): the same journey at 153% and the same scroll.
    window.close()
    again = open_window(qtbot, path)
    try:
        assert again.document is not None
        assert again.document.journey_id == example
        assert again.size() == window.size()
        view = opened(qtbot, again)
        qtbot.waitUntil(lambda: view.zoom == zoom)
        assert again.status_zoom.text() == "153%"
        assert_same_place(view, centre, scrolled, viewport)
        assert view.fit_mode is None
        # ... and the other journey, left fitted, opens fitted to this window.
        again.open_journey(other)
        assert opened(qtbot, again).fit_mode == "readable"
        assert_fitted(again.view)
    finally:
        again.library.close()


def test_resizing_an_untouched_view_keeps_it_fitted_until_the_user_zooms(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, "Webshop customer journey: Bakery De Korenbloem")
    try:
        view = opened(qtbot, window)
        zooms = []
        for width, height in ((1024, 768), (1920, 1080), (1280, 720)):
            window.resize(width, height)
            qtbot.waitUntil(lambda w=width: window.width() == w)  # type: ignore[misc]
            qtbot.waitUntil(lambda: not view._refit.isActive())
            qtbot.wait(20)
            assert view.fit_mode == "readable"
            assert_fitted(view)
            zooms.append(view.zoom)
        assert zooms[1] > zooms[0]  # maximising made the map larger
        window.fit_action.trigger()  # the whole map, asked for: resizing keeps the whole map fitted
        window.resize(1600, 1000)
        qtbot.waitUntil(lambda: window.width() == 1600)
        qtbot.waitUntil(lambda: not view._refit.isActive())
        assert view.fit_mode == "whole"
        viewport = view.viewport().rect().toRectF()
        assert viewport.adjusted(-1, -1, 1, 1).contains(map_in_view(view))
        # Once the user zooms, a resize leaves the zoom alone.
        window.zoom_in_action.trigger()
        zoomed = view.zoom
        window.resize(1100, 800)
        qtbot.waitUntil(lambda: window.width() == 1100)
        qtbot.wait(3 * 60)
        assert view.fit_mode is None
        assert view.zoom == zoomed
    finally:
        window.library.close()


def ink_in(image_rect: QRectF, view: JourneyView) -> int:
    """How many dark (text) pixels the canvas shows in a viewport rect."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect = image_rect.toRect()
    dark = 0
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right()):
            if QColor(image.pixel(int(x * ratio), int(y * ratio))).lightness() < 110:
                dark += 1
    return dark


def test_a_12_card_journey_in_a_half_screen_window_opens_with_readable_titles(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path)
    try:
        window.resize(960, 1040)  # half of a 1920x1080 screen
        qtbot.waitUntil(lambda: window.width() == 960)
        window.open_journey(window.library.find_journey("12 cards"))
        view = opened(qtbot, window)
        qtbot.waitUntil(lambda: not view._refit.isActive())
        scene = window.scene
        assert scene is not None
        assert len(scene.document.journey.touchpoints) == 12
        title_px = view.zoom * scene.metrics.font_size
        assert title_px >= MIN_TITLE_PX - 1e-6
        assert view.zoom > LOW_DETAIL  # cards draw their text
        assert_fitted(view)
        assert view.horizontalScrollBar().isVisible()  # the map is wider than the window: it scrolls instead
        viewport = view.viewport().rect().toRectF()
        # The phase headers in view, at the top; the lane headers at the left.
        shown_phases = [h for h in scene.items() if isinstance(h, PhaseHeaderItem)]
        in_view = [view.mapFromScene(h.sceneBoundingRect()).boundingRect() for h in shown_phases]
        in_view = [r for r in in_view if viewport.intersects(r.toRectF())]
        assert len(in_view) >= 2
        assert all(r.top() >= 0 and r.bottom() <= viewport.height() for r in in_view)
        # A card's title is drawn as text: dark pixels where the title goes.
        card = next(
            item
            for item in scene.card_items().values()
            if viewport.contains(view.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF())
        )
        title = view.mapFromScene(card.title_rect().translated(card.scenePos())).boundingRect().toRectF()
        assert title.height() >= MIN_TITLE_PX
        assert ink_in(title, view) > 40
        # The whole map, asked for, is smaller than that: what the window opened with before.
        window.fit_action.trigger()
        assert view.zoom * scene.metrics.font_size < MIN_TITLE_PX
    finally:
        window.library.close()


def test_headers_stick_to_the_top_and_left_above_the_cards_when_zoomed_in(qtbot: QtBot, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "sticky.cjm")
    journey_id = library.create_journey(big_journey(150))
    window = open_window(qtbot, library, journey_id)
    try:
        window.resize(1024, 768)
        qtbot.waitUntil(lambda: window.width() == 1024)
        view = opened(qtbot, window)
        scene = window.scene
        assert scene is not None
        window.zoom_reset_action.trigger()
        wheel(view, 229, CTRL)  # 153%
        for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
            for _ in range(3):
                bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)  # as a click beside the handle
        qtbot.wait(20)
        h, v = scrolls(view)
        assert h > 0
        assert v > 0
        viewport = view.viewport().rect()
        shown = view.mapToScene(viewport).boundingRect()
        layout = scene.layout
        assert shown.top() > layout.metrics.phase_header_height  # the headers' own place is out of view
        assert shown.left() > layout.metrics.lane_header_width

        def check() -> None:
            phases = [scene.phase_header(p.phase_id) for p in scene.layout.phases]
            lanes = [scene.lane_header(lane.lane_id) for lane in scene.layout.lanes]
            phases_seen = [
                (item, view.mapFromScene(item.sceneBoundingRect()).boundingRect())
                for item in phases
                if item is not None and item.sceneBoundingRect().right() > shown.left()
                if item.sceneBoundingRect().left() < shown.right()
            ]
            lanes_seen = [
                (item, view.mapFromScene(item.sceneBoundingRect()).boundingRect())
                for item in lanes
                if item is not None and item.sceneBoundingRect().bottom() > shown.top()
                if item.sceneBoundingRect().top() < shown.bottom()
            ]
            assert len(phases_seen) >= 2
            assert len(lanes_seen) >= 2
            corner = view.mapFromScene(scene._corner.sceneBoundingRect()).boundingRect()
            covering = 0
            for item, rect in phases_seen:
                assert isinstance(item, PhaseHeaderItem)
                assert abs(rect.top()) <= 1  # at the top of the viewport
                # Drawn above the cards: along the foot of its band, where a card lies beneath, the header is on top.
                for x in range(max(rect.left(), corner.right()) + 2, min(rect.right(), viewport.width()) - 2, 8):
                    under = view.items(QPoint(x, rect.bottom() - 3))
                    if any(isinstance(i, CardItem) for i in under):
                        assert under[0] is item
                        covering += 1
            assert covering > 0  # cards do pass under the stuck phase headers
            for lane, rect in lanes_seen:
                assert isinstance(lane, LaneHeaderItem)
                assert abs(rect.left()) <= 1
            # The phase headers pass over the lane headers, the corner over both, at the top left.
            corner_spot = QPoint(5, 5)
            assert view.items(corner_spot)[0] is scene._corner
            last, right = phases_seen[-1]
            assert view.itemAt(QPoint((max(right.left(), corner.right()) + right.right()) // 2, 5)) is last
            assert view.itemAt(QPoint(5, viewport.height() // 2)).__class__ is LaneHeaderItem

        check()
        # An edit lays the map out again: the headers stay where the view has them.
        cell = next(iter(layout.cells.values()))
        scene.document.add_touchpoint(cell.phase_id, cell.lane_id, "One more")
        check()
        # Back at the top left: every header at its own place in the layout.
        view.horizontalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        for box in scene.layout.phases:
            header = scene.phase_header(box.phase_id)
            assert header is not None
            assert (header.x(), header.y()) == (box.header.x, box.header.y)
        for lane_box in scene.layout.lanes:
            lane_header = scene.lane_header(lane_box.lane_id)
            assert lane_header is not None
            assert (lane_header.x(), lane_header.y()) == (lane_box.header.x, lane_box.header.y)
    finally:
        library.close()


def test_places_kept_are_bounded_and_a_damaged_entry_opens_the_journey_fitted(
    qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view_places, "KEPT", 5)
    places = ViewPlaces(settings)
    place = ViewPlace(None, 1.53, (320.5, 469.0), 0, 11.0)
    for i in range(8):
        places.keep(f"/somewhere/library.cjm|{i}", place)
    assert places.recall("/somewhere/library.cjm|2") is None  # the least recently left are forgotten
    assert places.recall("/somewhere/library.cjm|3") == place
    assert len(json.loads(str(settings().value(SETTINGS_PLACES)))) == 5
    for damaged in ("sideways", "{not json", '["a list"]'):
        with Library.open(path) as library:
            key = f"{library.location}|{library.find_journey('12 cards')}"
        text = json.dumps({key: [damaged, 2, 0, 0, 0, 11]}) if damaged == "sideways" else damaged
        stored = settings()
        stored.setValue(SETTINGS_PLACES, text)
        stored.sync()
        assert places.recall(key) is None
        window = open_window(qtbot, path, "12 cards")
        try:
            assert opened(qtbot, window).fit_mode == "readable"
            assert_fitted(window.view)
        finally:
            window.close()
            window.library.close()

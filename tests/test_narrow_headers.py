"""Stuck headers take little of a projector's view: on the real window at 1024x768, zoomed in and scrolled, the lane
headers stick to the view's left as a narrow column (the name upright, whole in the tooltip) and the phase headers to
its top as a short row, each within 15% of the view, so the first phase's cards and name show beside them; at the
map's top left every header is as wide and tall as the layout has it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QAbstractSlider, QApplication
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.test_canvas_view import opened, wheel
from tests.window_helpers import open_window
from ui import i18n
from ui.canvas.grid_items import LaneHeaderItem, PhaseHeaderItem
from ui.canvas.view import JourneyView
from ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
MOST = 0.15
"""The most of the view a stuck header column or row may cover."""


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    with Library.open(tmp_path / "workshop.cjm") as lib:
        lib.create_journey(load_example("nl"))
    with i18n.using_language(Language.NL):
        opened_window = open_window(qtbot, tmp_path / "workshop.cjm", "Klantreis webshop: Bakkerij De Korenbloem")
        opened_window.resize(1024, 768)
        qtbot.waitUntil(lambda: opened_window.size().width() == 1024)
        yield opened_window
        opened_window.close()
        opened_window.library.close()


def zoomed(qtbot: QtBot, window: MainWindow, notches: float) -> JourneyView:
    """The view at 100%, then the wheel turned with Ctrl held (120 a notch: x1.25)."""
    view = opened(qtbot, window)
    window.zoom_reset_action.trigger()
    wheel(view, round(120 * notches), CTRL)
    return view


def shown(view: JourneyView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def lane_headers(window: MainWindow) -> list[LaneHeaderItem]:
    assert window.scene is not None
    found = [window.scene.lane_header(lane.lane_id) for lane in window.scene.layout.lanes]
    return [header for header in found if header is not None]


def phase_headers(window: MainWindow) -> list[PhaseHeaderItem]:
    assert window.scene is not None
    found = [window.scene.phase_header(phase.phase_id) for phase in window.scene.layout.phases]
    return [header for header in found if header is not None]


def on_screen(view: JourneyView, rect: QRectF) -> QRectF:
    return view.mapFromScene(rect).boundingRect().toRectF()


def assert_narrow_column(view: JourneyView, window: MainWindow) -> QRectF:
    """The lane headers stuck at the view's left, within `MOST` of its width; their scene rect (one column)."""
    column = QRectF()
    viewport = view.viewport().rect()
    for header in lane_headers(window):
        rect = on_screen(view, header.sceneBoundingRect())
        assert abs(rect.left()) <= 1
        assert rect.width() <= MOST * viewport.width()
        assert header.name in header.toolTip()  # the whole name, however the column shows it
        column = column.united(header.sceneBoundingRect())
    return column


def test_the_stuck_lane_column_is_narrow_and_hides_no_card(qtbot: QtBot, window: MainWindow) -> None:
    view = zoomed(qtbot, window, 133 / 120)
    assert view.zoom == pytest.approx(1.28, abs=0.01)
    scene = window.scene
    assert scene is not None
    layout = scene.layout
    first = layout.phases[0].column
    bar = view.horizontalScrollBar()
    while shown(view).left() < first.x:  # scrolled right until the lanes' own place has just left the view
        bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    qtbot.wait(20)
    column = assert_narrow_column(view, window)
    # Every card of the first phase shows at least two thirds of its width beside the column (at the full width of
    # 168 the column hid all but a tenth of each).
    first_cards = [box for box in layout.cards.values() if box.phase_id == layout.phases[0].phase_id]
    assert first_cards
    seen = shown(view)
    for box in first_cards:
        card = QRectF(box.rect.x, box.rect.y, box.rect.width, box.rect.height)
        if not card.intersects(seen):
            continue
        beside = card.intersected(seen).width() - card.intersected(column).width()
        assert beside >= 2 / 3 * card.width(), box
    # The first phase's name is drawn beside the column, not under it.
    first_header = phase_headers(window)[0]
    assert first_header.name_rect().translated(first_header.pos()).left() >= column.right()
    # A page at a time to the map's right end: the column stays narrow, and no card in view lies wholly behind it.
    while bar.value() < bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        qtbot.wait(5)
        column = assert_narrow_column(view, window)
        seen = shown(view)
        for item in scene.card_items().values():
            in_view = item.sceneBoundingRect().intersected(seen)
            if in_view.width() * view.zoom >= 8:  # a card in view (not just its last pixels)
                assert in_view.right() > column.right(), item.touchpoint_id
    # Back at the left edge: the lane headers at their own place and full width, the name across as always.
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    for header in lane_headers(window):
        assert header.x() == 0.0
        assert header.rect().width() == layout.metrics.lane_header_width
        assert not header.narrow


def test_the_stuck_phase_row_is_short_at_a_high_zoom(qtbot: QtBot, window: MainWindow) -> None:
    view = zoomed(qtbot, window, 3.1)  # about 200%
    assert view.zoom > 1.9
    scene = window.scene
    assert scene is not None
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    qtbot.wait(20)
    viewport = view.viewport().rect()
    assert shown(view).top() > scene.layout.metrics.phase_header_height
    in_view = [h for h in phase_headers(window) if h.sceneBoundingRect().intersects(shown(view))]
    assert in_view
    for header in in_view:
        rect = on_screen(view, header.sceneBoundingRect())
        assert abs(rect.top()) <= 1
        assert rect.height() <= MOST * viewport.height()
        assert header.short
        assert header.name in header.toolTip()  # and the count, which the short row leaves out
    assert_narrow_column(view, window)
    corner = on_screen(view, scene._corner.sceneBoundingRect())
    assert corner.width() <= MOST * viewport.width()
    assert corner.height() <= MOST * viewport.height()
    # Back at the top: the phase headers as tall as the layout has them.
    view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    for header in phase_headers(window):
        assert header.y() == 0.0
        assert not header.short
        assert header.rect().height() == scene.layout.metrics.phase_header_height

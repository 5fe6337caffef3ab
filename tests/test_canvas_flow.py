"""Flowing cells on the canvas: fit to window flows the map to the window's shape (no scroll bar, the longer side
filled), editing keeps the number chosen, and a card dragged between a cell's card columns lands where the drop line
shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from benchmarks.store import big_journey
from cjmapper.layout import compute_layout
from cjmapper.store import Library
from tests.test_canvas import made_card_ids
from tests.window_helpers import open_window

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def test_fit_to_window_shows_5000_cards_without_a_scroll_bar(qtbot: QtBot, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "big.cjm")
    journey_id = library.create_journey(big_journey(5000))
    window = open_window(qtbot, library, journey_id)
    try:
        window.resize(1600, 900)
        qtbot.waitUntil(lambda: window.width() == 1600)
        view = window.view
        window.fit_action.trigger()
        qtbot.wait(50)
        scene = window.scene
        assert scene is not None
        layout = scene.layout
        assert layout.metrics.cards_per_column > 0  # flowed: more than one card column per phase
        assert not view.horizontalScrollBar().isVisible()
        assert not view.verticalScrollBar().isVisible()
        shown = view.mapFromScene(QRectF(0, 0, layout.width, layout.height)).boundingRect()
        viewport = view.viewport().rect()
        assert viewport.contains(shown)
        longer = max(viewport.width(), viewport.height())
        filled = shown.width() if viewport.width() >= viewport.height() else shown.height()
        assert filled / longer >= 0.9, (filled, longer)
        # Today's one column per phase: a strip that fills a small share of the width.
        strip = compute_layout(scene.document.journey)
        assert strip.width / strip.height < 0.1
        # Editing keeps the number chosen: a card added to a cell does not make the whole map jump.
        chosen = layout.metrics
        cell = next(iter(layout.cells.values()))
        scene.document.add_touchpoint(cell.phase_id, cell.lane_id, "One more")
        assert scene.layout.metrics == chosen
        grown = scene.layout
        assert [p.column.width for p in grown.phases][1:] == [p.column.width for p in layout.phases][1:]
        assert grown.phases[0].column.width <= layout.phases[0].column.width + chosen.card_width + chosen.card_gap
        assert grown.height == layout.height  # the cell took a new card column, no lane grew
    finally:
        library.close()


def test_a_card_dragged_between_card_columns_lands_where_the_drop_line_shows(qtbot: QtBot, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "flow.cjm")
    journey_id = library.create_journey(big_journey(120, phases=2, lanes=2))  # 30 cards a cell
    window = open_window(qtbot, library, journey_id)
    try:
        window.resize(1600, 900)
        qtbot.waitUntil(lambda: window.width() == 1600)
        window.fit_action.trigger()
        view, scene = window.view, window.scene
        assert scene is not None
        view.set_zoom(1.0)
        layout = scene.layout
        assert 0 < layout.metrics.cards_per_column < 30
        cell = next(c for c in layout.cells.values() if 0 < c.depth < len(c.card_ids) - 2)
        depth = cell.depth
        moving = cell.card_ids[0]
        # Drop between the 2nd and 3rd card of the cell's second card column.
        upper, lower = (layout.cards[i].rect for i in cell.card_ids[depth + 1 : depth + 3])
        target = QPointF(upper.x + upper.width / 2, (upper.bottom + lower.y) / 2)

        def point(x: float, y: float) -> QPoint:
            view.ensureVisible(QRectF(x - 60, y - 60, 120, 120), 0, 0)
            return view.mapFromScene(QPointF(x, y))

        start = layout.cards[moving].rect
        viewport = view.viewport()
        press = point(start.x + start.width / 2, start.y + 10)
        QTest.mousePress(viewport, LEFT, NO_MODIFIER, press)
        end = view.mapFromScene(target)
        for i in range(1, 7):
            QTest.mouseMove(viewport, press + (end - press) * i / 6)
        line = scene.drop_indicator.line
        assert scene.drop_indicator.isVisible()
        # The line runs along the second card column, between the cards the pointer is between.
        assert line.p1().x() == upper.x
        assert line.p2().x() == upper.right
        QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
        landed = scene.layout.cards[moving].rect
        gap = scene.layout.metrics.card_gap
        assert (landed.x, landed.y) == (line.p1().x(), line.p1().y() + gap / 2)
        cell_now = scene.layout.cells[(cell.phase_id, cell.lane_id)]
        assert cell_now.card_ids.index(moving) // depth == 1  # in the second card column
        reopened = Library.open(tmp_path / "flow.cjm")
        try:
            stored = reopened.load_journey(journey_id)
        finally:
            reopened.close()
        order = [t.id for t in sorted(stored.touchpoints, key=lambda t: t.position) if t.phase_id == cell.phase_id]
        order = [i for i in order if i in cell_now.card_ids]
        assert order == list(cell_now.card_ids)
    finally:
        library.close()


def test_zoomed_in_on_a_flowed_cell_every_card_in_view_has_its_item(qtbot: QtBot, tmp_path: Path) -> None:
    """A cell flowed into several card columns starts again at its top with each column: scrolled to part of it
    zoomed in, the cards of every column there get their items (only the first column's did)."""
    library = Library.open(tmp_path / "big.cjm")
    journey_id = library.create_journey(big_journey(2000))
    window = open_window(qtbot, library, journey_id)
    try:
        window.resize(1600, 900)
        qtbot.waitUntil(lambda: window.width() == 1600)
        window.fit_action.trigger()
        scene = window.scene
        assert scene is not None
        layout = scene.layout
        cell = next(c for c in layout.cells.values() if len({layout.cards[i].rect.x for i in c.card_ids}) > 2)
        band = QRectF(cell.rect.x, cell.rect.y + cell.rect.height * 0.4, cell.rect.width, 60)
        view = window.view
        view.zoom_reset()
        for _ in range(4):  # well in: the view shows a band of the cell, not its top
            view.zoom_in()
        view.centerOn(band.center())
        qtbot.wait(50)
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        in_view = [
            i
            for i in cell.card_ids
            if QRectF(layout.cards[i].rect.x, layout.cards[i].rect.y, layout.cards[i].rect.width, 1).intersects(shown)
        ]
        assert len(in_view) > len({layout.cards[i].rect.x for i in in_view}) >= 2  # cards of several columns
        assert set(in_view) <= made_card_ids(scene)
    finally:
        window.close()
        library.close()

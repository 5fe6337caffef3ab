"""The journey canvas (ui.canvas), driven with real mouse and key events on a view over a real library file.

Every edit is checked where it lands: in the library file (read back through a freshly opened `Library`), in the
document's snapshot, and in the canvas' items, and each is undone and redone.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QColorDialog, QMenu, QMessageBox, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

import ui.canvas.painting
from cjmapper.hit_test import cell_at
from cjmapper.layout import Rect, compute_layout
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.status_mark import MARK_LINE, MARK_RADIUS, STATUS_COLOURS, status_mark
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.canvas import CARDS_MIME, CHANNEL_MIME, JourneyScene, JourneyView
from ui.canvas.items import CardItem
from ui.canvas.overlay_items import OverviewItem
from ui.editing.document import JourneyDocument

Cell = tuple[int, int]
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Canvas:
    path: Path
    library: Library
    journey_id: int
    document: JourneyDocument
    scene: JourneyScene
    view: JourneyView

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def reopened(self) -> Journey:
        """The journey as a freshly opened library reads it from the file."""
        with Library.open(self.path) as fresh:
            return fresh.load_journey(self.journey_id)

    def viewport_point(self, x: float, y: float) -> QPoint:
        """The viewport point of scene point (x, y), scrolling it into view first."""
        self.view.ensureVisible(QRectF(x - 40, y - 40, 80, 80), 0, 0)
        return self.view.mapFromScene(QPointF(x, y))

    def card_point(self, card_id: int, dx: float = 0.5, dy: float = 0.3) -> QPoint:
        rect = self.scene.layout.cards[card_id].rect
        return self.viewport_point(rect.x + rect.width * dx, rect.y + rect.height * dy)

    def phase_id(self, name: str) -> int:
        return next(p.id for p in self.journey.phases if p.name == name)

    def lane_id(self, name: str) -> int:
        return next(lane.id for lane in self.journey.lanes if lane.name == name)

    def cell(self, phase: str, lane: str) -> Cell:
        return self.phase_id(phase), self.lane_id(lane)

    def ids_in(self, cell: Cell) -> list[int]:
        return list(self.scene.layout.cells[cell].card_ids)


def cell_order(journey: Journey, cell: Cell) -> list[int]:
    """A cell's card ids in the library's order (sort key, then id)."""
    cards = [t for t in journey.touchpoints if (t.phase_id, t.lane_id) == cell]
    return [t.id for t in sorted(cards, key=lambda t: (t.position, t.id))]


def all_cells(journey: Journey) -> dict[Cell, list[int]]:
    cells: dict[Cell, list[int]] = {}
    for t in journey.touchpoints:
        cells.setdefault((t.phase_id, t.lane_id), [])
    return {cell: cell_order(journey, cell) for cell in cells}


def item_cells(scene: JourneyScene) -> dict[Cell, list[int]]:
    """Each cell's cards as the canvas shows them: the cell found under each card item's position, ordered by y."""
    found: dict[Cell, list[tuple[float, int]]] = {}
    for card_id, item in scene.card_items().items():
        pos = item.scenePos()
        cell = cell_at(scene.layout, pos.x() + 1, pos.y() + 1)
        assert cell is not None, f"card {card_id} is not over a cell"
        found.setdefault((cell.phase_id, cell.lane_id), []).append((pos.y(), card_id))
    return {cell: [card_id for _, card_id in sorted(cards)] for cell, cards in found.items()}


def assert_in_step(canvas: Canvas) -> None:
    """The canvas items, the document's snapshot and the file agree on every card's cell and order."""
    expected = all_cells(canvas.reopened())
    assert all_cells(canvas.journey) == expected
    assert item_cells(canvas.scene) == expected
    stored = canvas.reopened()
    file_cards = {t.id: t for t in stored.touchpoints}
    for card_id, item in canvas.scene.card_items().items():
        assert item.card.title == file_cards[card_id].title
        assert item.box.title_lines, card_id
    headers = [canvas.scene.phase_header(p.id) for p in stored.phases]
    assert [h.pos().x() for h in headers if h is not None] == sorted(p.header.x for p in canvas.scene.layout.phases)
    assert [h.name for h in headers if h is not None] == [p.name for p in stored.phases]
    rows = [canvas.scene.lane_header(lane.id) for lane in stored.lanes]
    assert [r.pos().y() for r in rows if r is not None] == sorted(lane.header.y for lane in canvas.scene.layout.lanes)
    assert_as_laid_out_afresh(canvas.scene)


def assert_as_laid_out_afresh(scene: JourneyScene) -> None:
    """The canvas, updated only where each change touched it, equals a full layout of the journey: the layout
    itself, every card item's box, place and card, each cell, header and curve, the phase headers' figures."""
    journey = scene.document.journey
    fresh = compute_layout(journey, scene.metrics)
    assert scene.layout == fresh
    cards = {t.id: t for t in journey.touchpoints}
    items = scene.card_items()
    assert set(items) == set(fresh.cards)
    for card_id, item in items.items():
        box = fresh.cards[card_id]
        assert replace(item.box, rect=box.rect) == box  # a card whose lane only moved keeps its box (and text)
        assert (item.box.rect.width, item.box.rect.height) == (box.rect.width, box.rect.height)
        assert item.scenePos().x() == box.rect.x
        assert item.scenePos().y() == pytest.approx(box.rect.y, abs=1e-9)
        assert item.card == cards[card_id]
    for key, cell in fresh.cells.items():
        cell_item = scene.cell_item(*key)
        assert cell_item is not None
        assert cell_item.rect() == QRectF(cell.rect.x, cell.rect.y, cell.rect.width, cell.rect.height)
    for lane in fresh.lanes:
        header = scene.lane_header(lane.lane_id)
        assert header is not None
        assert header.box == lane
        assert header.pos().y() == pytest.approx(lane.header.y, abs=1e-9)  # moved by a sum, as card items are
    for phase in fresh.phases:
        phase_header = scene.phase_header(phase.phase_id)
        assert phase_header is not None
        assert phase_header.box == phase
        scores = [t.score for t in journey.touchpoints if t.phase_id == phase.phase_id and t.score is not None]
        assert phase_header.count == sum(1 for t in journey.touchpoints if t.phase_id == phase.phase_id)
        assert phase_header.average == (sum(scores) / len(scores) if scores else None)
    for curve in fresh.curves:
        curve_item = scene.curve_item(curve.lane_id)
        assert curve_item is not None
        assert curve_item.curve == curve


@pytest.fixture
def canvas(qtbot: QtBot, tmp_path: Path) -> Iterator[Canvas]:
    path = tmp_path / "canvas.cjm"
    library = Library.open(path)
    journey_id = library.create_journey(load_example("en"))
    document = JourneyDocument(library, journey_id)
    scene = JourneyScene(document)
    view = JourneyView()
    view.setScene(scene)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    try:
        yield Canvas(path, library, journey_id, document, scene, view)
    finally:
        view.close()
        scene.dispose()
        document.undo_stack.clear()
        library.close()


def key(canvas: Canvas, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(canvas.view.viewport(), key, modifiers)


def type_text(canvas: Canvas, text: str) -> None:
    """Type `text` into whatever has focus, one key event per character (works for any character)."""
    target = canvas.view.viewport()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MODIFIER, char))


def drag(
    canvas: Canvas, start: QPoint, end: QPoint, *, steps: int = 6, before_release: Callable[[], None] | None = None
) -> None:
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * i / steps)
    if before_release is not None:
        before_release()
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)


def undo_redo_check(canvas: Canvas, before: dict[Cell, list[int]], after: dict[Cell, list[int]]) -> None:
    assert all_cells(canvas.reopened()) == after
    canvas.document.undo_stack.undo()
    assert all_cells(canvas.reopened()) == before
    assert_in_step(canvas)
    canvas.document.undo_stack.redo()
    assert all_cells(canvas.reopened()) == after
    assert_in_step(canvas)


# ---------------------------------------------------------------------- building the scene


def test_scene_has_one_item_per_model_object(canvas: Canvas) -> None:
    journey = canvas.journey
    scene = canvas.scene
    assert sorted(scene.card_items()) == sorted(t.id for t in journey.touchpoints)
    for phase in journey.phases:
        header = scene.phase_header(phase.id)
        assert header is not None
        assert header.name == phase.name
        assert header.count == sum(1 for t in journey.touchpoints if t.phase_id == phase.id)
    for lane in journey.lanes:
        assert scene.lane_header(lane.id) is not None
        assert (scene.curve_item(lane.id) is not None) == (lane.kind is LaneKind.EMOTIONS)
    assert {(c.phase_id, c.lane_id) for c in scene.layout.cells.values()} == {
        (p.id, lane.id) for p in journey.phases for lane in journey.lanes if lane.kind.holds_cards
    }
    for card_id, item in scene.card_items().items():
        rect = scene.layout.cards[card_id].rect
        assert (item.scenePos().x(), item.scenePos().y()) == (rect.x, rect.y)
    assert_in_step(canvas)


def made_card_ids(scene: JourneyScene) -> set[int]:
    """The cards that have an item in the scene now (without making any)."""
    return {item.touchpoint_id for item in scene.items() if isinstance(item, CardItem)}


def visible_card_ids(canvas: Canvas) -> set[int]:
    view = canvas.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    boxes = canvas.scene.layout.cards
    rects = {i: box.rect for i, box in boxes.items()}
    return {i for i, r in rects.items() if visible.intersects(QRectF(r.x, r.y, r.width, r.height))}


@pytest.fixture
def tall(qtbot: QtBot, tmp_path: Path) -> Iterator[Canvas]:
    """A journey of 1,200 cards in 3 phases x 2 card lanes (200 a cell) in a 900 x 600 view: most are out of view."""
    journey = Journey(
        0,
        "Tall",
        phases=[Phase(i, f"Phase {i}") for i in (1, 2, 3)],
        lanes=[
            Lane(1, "Touch", LaneKind.TOUCHPOINTS),
            Lane(2, "Pain", LaneKind.PAIN_POINTS),
            Lane(3, "Curve", LaneKind.EMOTIONS),
        ],
    )
    for i in range(1200):
        cell = (i % 3 + 1, (i // 3) % 2 + 1)
        journey.touchpoints.append(Touchpoint(i + 1, *cell, i, f"Card {i}", score=i % 5 + 1))
    path = tmp_path / "tall.cjm"
    library = Library.open(path)
    journey_id = library.create_journey(journey)
    document = JourneyDocument(library, journey_id)
    scene = JourneyScene(document)
    view = JourneyView()
    view.setScene(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    try:
        yield Canvas(path, library, journey_id, document, scene, view)
    finally:
        view.close()
        scene.dispose()
        document.undo_stack.clear()
        library.close()


def test_card_items_are_made_as_cards_come_into_view_and_when_asked_for(tall: Canvas, qtbot: QtBot) -> None:
    scene, view = tall.scene, tall.view
    QApplication.processEvents()
    made = made_card_ids(scene)
    assert visible_card_ids(tall) <= made
    assert 0 < len(made) < 300  # the cards in view and a margin, not 1,200
    phases = [p.id for p in tall.journey.phases]
    touch = tall.journey.lanes[0].id

    # A move of a card to the top of the next cell: the cells and the lanes below move, the items in view follow.
    first = tall.ids_in((phases[0], touch))[0]
    target = scene.layout.cells[(phases[1], touch)].rect
    drag(tall, tall.card_point(first), tall.viewport_point(target.x + 40, target.y + 14))
    assert tall.ids_in((phases[1], touch))[0] == first
    assert visible_card_ids(tall) <= made_card_ids(scene)
    fresh = compute_layout(tall.journey, scene.metrics)
    for item in scene.items():
        if isinstance(item, CardItem):  # the items made so far stand where a full layout puts their cards
            assert item.scenePos().y() == pytest.approx(fresh.cards[item.touchpoint_id].rect.y, abs=1e-9)

    # Scrolled to the bottom: the cards there get their items when they are painted.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.viewport().repaint()
    bottom = visible_card_ids(tall)
    assert bottom
    assert not bottom & made
    assert bottom <= made_card_ids(scene)

    # Selected by id (search, keyboard): made on demand and scrolled into view.
    far = tall.ids_in((phases[2], touch))[100]  # half way down a lane never shown
    assert far not in made_card_ids(scene)
    scene.select_ids([far])
    assert scene.selected_ids() == [far]
    assert far in visible_card_ids(tall)

    # Select all selects every card, made or not; undo of the move puts the items made back in their place.
    QTest.keyClick(view.viewport(), Qt.Key.Key_A, CTRL)
    assert len(scene.selected_ids()) == 1200
    tall.document.undo_stack.undo()
    assert tall.ids_in((phases[0], touch))[0] == first
    assert_as_laid_out_afresh(scene)


def test_zoomed_out_to_the_overview_only_the_cards_clicked_or_banded_get_items(tall: Canvas) -> None:
    """The overview draws every card as a block: the whole map in view makes no item per card, yet a click selects
    the card under the pointer and the rubber band every card it touches."""
    scene, view = tall.scene, tall.view
    QApplication.processEvents()
    made = made_card_ids(scene)
    view.set_zoom(0.15)  # some 200 cards in view
    assert scene.overview
    view.centerOn(QPointF(scene.layout.width / 2, scene.layout.height / 2))
    view.viewport().repaint()
    assert len(visible_card_ids(tall)) > 150
    assert made_card_ids(scene) == made
    touch, pain = (lane.id for lane in tall.journey.lanes[:2])
    middle = tall.ids_in((tall.journey.phases[1].id, pain))[100]
    assert middle not in made_card_ids(scene)
    rect = scene.layout.cards[middle].rect
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.mapFromScene(QPointF(rect.x + 90, rect.y + 24)))
    assert scene.selected_ids() == [middle]
    key(tall, Qt.Key.Key_Escape)
    cell = scene.layout.cells[(tall.journey.phases[0].id, touch)].rect
    view.centerOn(QPointF(cell.x, cell.y + cell.height / 2))
    view.viewport().repaint()
    banded = [i for i in tall.ids_in((tall.journey.phases[0].id, touch)) if _crosses(scene, i, cell, 0.4, 0.6)]
    assert len(banded) > 20
    assert not made_card_ids(scene) & set(banded)  # in view, drawn as blocks, no items
    drag(
        tall,
        view.mapFromScene(QPointF(-12, cell.y + cell.height * 0.6)),  # from the margin left of the map
        view.mapFromScene(QPointF(cell.x + 60, cell.y + cell.height * 0.4)),
    )
    assert scene.selected_ids() == banded


def _crosses(scene: JourneyScene, card_id: int, cell: Rect, top: float, bottom: float) -> bool:
    """Whether the card crosses the band between these shares of the cell's height."""
    box = scene.layout.cards[card_id].rect
    return box.bottom > cell.y + cell.height * top and box.y < cell.y + cell.height * bottom


# ---------------------------------------------------------------------- palette drops and new cards


def drop_channel(canvas: Canvas, text: str, at: QPoint) -> bool:
    """Drag a palette entry over the view and drop it at `at`; True when the drop was accepted."""
    data = QMimeData()
    data.setData(CHANNEL_MIME, text.encode("utf-8"))
    viewport = canvas.view.viewport()
    copy = Qt.DropAction.CopyAction
    QApplication.sendEvent(viewport, QDragEnterEvent(at, copy, data, LEFT, NO_MODIFIER))
    move = QDragMoveEvent(at, copy, data, LEFT, NO_MODIFIER)
    QApplication.sendEvent(viewport, move)
    indicator_shown = canvas.scene.drop_indicator.isVisible()
    drop = QDropEvent(QPointF(at), copy, data, LEFT, NO_MODIFIER)
    QApplication.sendEvent(viewport, drop)
    assert not canvas.scene.drop_indicator.isVisible()
    return move.isAccepted() and indicator_shown and drop.isAccepted()


def test_palette_drop_creates_a_card_of_the_channel_at_the_drop_place_and_edits_its_title(canvas: Canvas) -> None:
    cell = canvas.cell("Consideration", "Touchpoints")
    first, second = canvas.ids_in(cell)[:2]
    a, b = canvas.scene.layout.cards[first].rect, canvas.scene.layout.cards[second].rect
    between = canvas.viewport_point(a.x + 20, (a.bottom + b.y) / 2)
    steps = canvas.document.undo_stack.count()

    assert drop_channel(canvas, "social-media", between)

    new_id = canvas.scene.selected_ids()[0]
    stored = canvas.reopened()
    assert cell_order(stored, cell) == [first, new_id, second]
    card = stored.touchpoint(new_id)
    assert (card.channel, card.title) == ("social-media", "Social media")
    assert canvas.scene.editor.active
    assert canvas.scene.editor.target == ("card", new_id)
    assert canvas.scene.editor.text() == "Social media"
    type_text(canvas, "Sees an ad on Instagram")
    key(canvas, Qt.Key.Key_Return)
    assert not canvas.scene.editor.active
    assert canvas.reopened().touchpoint(new_id).title == "Sees an ad on Instagram"
    assert canvas.document.undo_stack.count() == steps + 2
    canvas.document.undo_stack.undo()
    canvas.document.undo_stack.undo()
    assert new_id not in {t.id for t in canvas.reopened().touchpoints}
    assert canvas.scene.card_item(new_id) is None
    assert_in_step(canvas)


def test_palette_drop_of_free_text_and_outside_cells(canvas: Canvas) -> None:
    cell = canvas.cell("Loyalty", "Pain points")
    rect = canvas.scene.layout.cells[cell].rect
    assert drop_channel(canvas, "Billboard by the road", canvas.viewport_point(rect.x + 30, rect.y + 20))
    new_id = canvas.scene.selected_ids()[0]
    card = canvas.reopened().touchpoint(new_id)
    assert (card.phase_id, card.lane_id, card.channel, card.title) == (
        *cell,
        "Billboard by the road",
        "Billboard by the road",
    )
    key(canvas, Qt.Key.Key_Escape)  # keeps the channel's name as title
    assert not canvas.scene.editor.active
    count = len(canvas.reopened().touchpoints)
    header = canvas.scene.layout.phases[0].header
    assert not drop_channel(canvas, "phone", canvas.viewport_point(header.x + 20, header.y + 20))
    emotions = next(lane for lane in canvas.scene.layout.lanes if lane.lane_id == canvas.lane_id("Experience"))
    assert not drop_channel(canvas, "phone", canvas.viewport_point(emotions.row.x + 40, emotions.row.y + 40))
    assert len(canvas.reopened().touchpoints) == count


def test_double_click_on_an_empty_spot_of_a_cell_adds_a_card_there(canvas: Canvas) -> None:
    cell = canvas.cell("Consideration", "Customer actions")
    assert canvas.ids_in(cell) == []
    rect = canvas.scene.layout.cells[cell].rect
    QTest.mouseDClick(canvas.view.viewport(), LEFT, NO_MODIFIER, canvas.viewport_point(rect.x + 50, rect.y + 30))
    assert canvas.scene.editor.active
    new_id = canvas.scene.selected_ids()[0]
    assert cell_order(canvas.reopened(), cell) == [new_id]
    type_text(canvas, "Asks a friend")
    key(canvas, Qt.Key.Key_Enter)
    assert canvas.reopened().touchpoint(new_id).title == "Asks a friend"
    # Below the last card of a filled cell: the new card comes last.
    filled = canvas.cell("Awareness", "Touchpoints")
    before = canvas.ids_in(filled)
    last = canvas.scene.layout.cards[before[-1]].rect
    QTest.mouseDClick(canvas.view.viewport(), LEFT, NO_MODIFIER, canvas.viewport_point(last.x + 30, last.bottom + 12))
    added = canvas.scene.selected_ids()[0]
    key(canvas, Qt.Key.Key_Escape)
    assert cell_order(canvas.reopened(), filled) == [*before, added]
    assert_in_step(canvas)


# ---------------------------------------------------------------------- dragging cards


def test_dragging_a_card_to_another_cell_is_one_undo_step(canvas: Canvas) -> None:
    source = canvas.cell("Awareness", "Touchpoints")
    target = canvas.cell("Purchase", "Touchpoints")
    before = all_cells(canvas.reopened())
    moving = canvas.ids_in(source)[0]
    first_target = canvas.scene.layout.cards[canvas.ids_in(target)[0]].rect
    steps = canvas.document.undo_stack.count()
    seen: list[bool] = []
    start = canvas.card_point(moving)
    end = canvas.viewport_point(first_target.x + 40, first_target.y + first_target.height * 0.75)
    drag(canvas, start, end, before_release=lambda: seen.append(canvas.scene.drop_indicator.isVisible()))
    assert seen == [True]
    assert not canvas.scene.drop_indicator.isVisible()
    after = all_cells(canvas.reopened())
    assert after[target] == [before[target][0], moving, *before[target][1:]]
    assert after[source] == before[source][1:]
    assert canvas.document.undo_stack.count() == steps + 1
    assert_in_step(canvas)
    undo_redo_check(canvas, before, after)


def test_dragging_a_card_within_its_cell_reorders_it(canvas: Canvas) -> None:
    cell = canvas.cell("Purchase", "Pain points")
    before = all_cells(canvas.reopened())
    first, second = before[cell]
    below = canvas.scene.layout.cards[second].rect
    drag(canvas, canvas.card_point(first), canvas.viewport_point(below.x + 30, below.bottom + 4))
    after = all_cells(canvas.reopened())
    assert after[cell] == [second, first]
    undo_redo_check(canvas, before, after)


def test_a_multi_selection_moves_together_in_map_order(canvas: Canvas) -> None:
    source = canvas.cell("Consideration", "Touchpoints")
    other = canvas.cell("Service", "Touchpoints")
    target = canvas.cell("Loyalty", "Customer actions")
    a, b = canvas.ids_in(source)[:2]
    c = canvas.ids_in(other)[0]
    viewport = canvas.view.viewport()
    QTest.mouseClick(viewport, LEFT, NO_MODIFIER, canvas.card_point(c))
    QTest.mouseClick(viewport, LEFT, CTRL, canvas.card_point(b))
    QTest.mouseClick(viewport, LEFT, CTRL, canvas.card_point(a))
    assert canvas.scene.selected_ids() == [a, b, c]
    QTest.mouseClick(viewport, LEFT, CTRL, canvas.card_point(c))  # Ctrl+click toggles
    assert canvas.scene.selected_ids() == [a, b]
    before = all_cells(canvas.reopened())
    last = canvas.scene.layout.cards[canvas.ids_in(target)[-1]].rect
    drag(canvas, canvas.card_point(b), canvas.viewport_point(last.x + 30, last.bottom + 6))
    after = all_cells(canvas.reopened())
    assert after[target] == [*before[target], a, b]
    assert source not in after or a not in after[source]
    assert canvas.scene.selected_ids() == [a, b]
    undo_redo_check(canvas, before, after)


def test_escape_during_a_drag_puts_the_cards_back_and_writes_nothing(canvas: Canvas) -> None:
    cell = canvas.cell("Awareness", "Touchpoints")
    moving = canvas.ids_in(cell)[0]
    item = canvas.scene.card_item(moving)
    assert item is not None
    origin = item.pos()
    revision = canvas.reopened().revision
    steps = canvas.document.undo_stack.count()
    target = canvas.scene.layout.cells[canvas.cell("Service", "Opportunities")].rect
    moved_to: list[QPointF] = []

    def escape() -> None:
        moved_to.append(item.pos())
        assert canvas.scene.dragging
        key(canvas, Qt.Key.Key_Escape)
        assert not canvas.scene.dragging
        QTest.mouseMove(canvas.view.viewport(), canvas.viewport_point(target.x + 60, target.y + 30))

    drag(canvas, canvas.card_point(moving), canvas.viewport_point(target.x + 50, target.y + 20), before_release=escape)
    assert moved_to[0] != origin
    assert item.pos() == origin
    assert not canvas.scene.drop_indicator.isVisible()
    assert canvas.reopened().revision == revision
    assert canvas.document.undo_stack.count() == steps
    assert_in_step(canvas)


def test_dropping_a_card_where_it_was_or_outside_any_cell_changes_nothing(canvas: Canvas) -> None:
    moving = canvas.ids_in(canvas.cell("Awareness", "Touchpoints"))[0]
    revision = canvas.reopened().revision
    start = canvas.card_point(moving)
    drag(canvas, start, start + QPoint(12, 8))
    header = canvas.scene.layout.phases[2].header
    target = canvas.viewport_point(header.x + 40, header.y + 20)  # scrolls first: the card's point stays true
    drag(canvas, canvas.card_point(moving), target)
    assert canvas.reopened().revision == revision
    assert_in_step(canvas)


# ---------------------------------------------------------------------- editing titles in place


def test_f2_edits_the_title_and_enter_commits_one_undo_step(canvas: Canvas) -> None:
    card_id = canvas.ids_in(canvas.cell("Purchase", "Touchpoints"))[0]
    old = canvas.journey.touchpoint(card_id).title
    QTest.mouseClick(canvas.view.viewport(), LEFT, NO_MODIFIER, canvas.card_point(card_id))
    steps = canvas.document.undo_stack.count()
    key(canvas, Qt.Key.Key_F2)
    assert canvas.scene.editor.target == ("card", card_id)
    assert canvas.scene.editor.text() == old
    type_text(canvas, "Bestelt een taart “Ø”")
    assert canvas.reopened().touchpoint(card_id).title == old  # nothing is written while typing
    key(canvas, Qt.Key.Key_Return)
    assert canvas.reopened().touchpoint(card_id).title == "Bestelt een taart “Ø”"
    assert canvas.document.undo_stack.count() == steps + 1
    item = canvas.scene.card_item(card_id)
    assert item is not None
    assert item.box.title_lines == ("Bestelt een taart “Ø”",)
    canvas.document.undo_stack.undo()
    assert canvas.reopened().touchpoint(card_id).title == old
    assert item.card.title == old


def test_escape_cancels_an_inline_edit(canvas: Canvas) -> None:
    card_id = canvas.ids_in(canvas.cell("Service", "Touchpoints"))[1]
    old = canvas.journey.touchpoint(card_id).title
    revision = canvas.reopened().revision
    QTest.mouseDClick(canvas.view.viewport(), LEFT, NO_MODIFIER, canvas.card_point(card_id))
    assert canvas.scene.editor.target == ("card", card_id)
    type_text(canvas, "Something else")
    key(canvas, Qt.Key.Key_Delete)  # a key of the editor here, not "delete the card"
    key(canvas, Qt.Key.Key_Escape)
    assert not canvas.scene.editor.active
    assert canvas.reopened().revision == revision
    assert canvas.journey.touchpoint(card_id).title == old
    assert canvas.scene.card_item(card_id) is not None


# ---------------------------------------------------------------------- selection, delete, clipboard


def test_rubber_band_selects_the_cards_it_touches(canvas: Canvas) -> None:
    layout = canvas.scene.layout
    top = canvas.cell("Awareness", "Touchpoints")
    cell = layout.cells[top].rect
    second = layout.cells[canvas.cell("Consideration", "Touchpoints")].rect
    # From the empty bottom of the first cell up and right into the second column's cards.
    start = canvas.viewport_point(cell.x + 4, cell.bottom - 4)
    end = canvas.view.mapFromScene(QPointF(second.x + 30, second.y + 4))
    drag(canvas, start, end)
    expected = sorted(canvas.ids_in(top) + canvas.ids_in(canvas.cell("Consideration", "Touchpoints")))
    assert sorted(canvas.scene.selected_ids()) == expected
    # Ctrl adds a second band to the selection.
    lower = layout.cells[canvas.cell("Purchase", "Pain points")].rect
    drag_start = canvas.view.mapFromScene(QPointF(lower.x + 2, lower.bottom - 2))
    drag_end = canvas.view.mapFromScene(QPointF(lower.x + 40, lower.y + 2))
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, CTRL, drag_start)
    QTest.mouseMove(viewport, drag_end)
    QTest.mouseRelease(viewport, LEFT, CTRL, drag_end)
    assert sorted(canvas.scene.selected_ids()) == sorted(
        expected + canvas.ids_in(canvas.cell("Purchase", "Pain points"))
    )


def test_delete_removes_the_selection_and_undo_brings_it_back(canvas: Canvas) -> None:
    cell = canvas.cell("Purchase", "Pain points")
    ids = canvas.ids_in(cell)
    before = canvas.reopened()
    canvas.scene.select_ids(ids)
    key(canvas, Qt.Key.Key_Delete)
    assert cell_order(canvas.reopened(), cell) == []
    assert all(canvas.scene.card_item(i) is None for i in ids)
    assert canvas.scene.selected_ids() == []
    canvas.document.undo_stack.undo()
    restored = canvas.reopened()
    assert cell_order(restored, cell) == ids
    assert [restored.touchpoint(i) for i in ids] == [before.touchpoint(i) for i in ids]
    assert_in_step(canvas)
    canvas.document.undo_stack.redo()
    assert cell_order(canvas.reopened(), cell) == []
    assert_in_step(canvas)


def fields(card: Touchpoint) -> tuple[object, ...]:
    return (card.title, card.notes, card.channel, card.score, card.expectation, card.owner, card.color, card.votes)


def test_copy_and_paste_after_the_selected_card_then_under_the_pointer(canvas: Canvas) -> None:
    source = canvas.cell("Purchase", "Pain points")
    original = canvas.ids_in(source)[0]
    canvas.scene.select_ids([original])
    key(canvas, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().mimeData().hasFormat(CARDS_MIME)
    target = canvas.cell("Awareness", "Touchpoints")
    anchor = canvas.ids_in(target)[0]
    canvas.scene.select_ids([anchor])
    canvas.scene.pointer_left()
    key(canvas, Qt.Key.Key_V, CTRL)
    stored = canvas.reopened()
    order = cell_order(stored, target)
    copy = order[1]
    assert order[0] == anchor
    assert copy not in canvas.ids_in(source)
    assert fields(stored.touchpoint(copy)) == fields(stored.touchpoint(original))
    assert canvas.scene.selected_ids() == [copy]
    # With the pointer over a cell, the paste goes there, where the pointer is.
    empty = canvas.cell("Service", "Customer actions")
    rect = canvas.scene.layout.cells[empty].rect
    QTest.mouseMove(canvas.view.viewport(), canvas.viewport_point(rect.x + 40, rect.y + 30))
    key(canvas, Qt.Key.Key_V, CTRL)
    pasted = cell_order(canvas.reopened(), empty)
    assert len(pasted) == 1
    assert fields(canvas.reopened().touchpoint(pasted[0])) == fields(stored.touchpoint(original))
    canvas.document.undo_stack.undo()
    assert cell_order(canvas.reopened(), empty) == []
    assert_in_step(canvas)


def test_cut_and_duplicate(canvas: Canvas) -> None:
    cell = canvas.cell("Service", "Touchpoints")
    first, second = canvas.ids_in(cell)
    canvas.scene.select_ids([first, second])
    steps = canvas.document.undo_stack.count()
    key(canvas, Qt.Key.Key_D, CTRL)
    stored = canvas.reopened()
    order = cell_order(stored, cell)
    assert order[:2] == [first, second]
    assert len(order) == 4
    assert [fields(stored.touchpoint(i)) for i in order[2:]] == [fields(stored.touchpoint(i)) for i in (first, second)]
    assert canvas.scene.selected_ids() == order[2:]
    assert canvas.document.undo_stack.count() == steps + 1
    canvas.scene.select_ids([first])
    key(canvas, Qt.Key.Key_X, CTRL)
    assert first not in cell_order(canvas.reopened(), cell)
    canvas.scene.select_ids([second])
    canvas.scene.pointer_left()
    key(canvas, Qt.Key.Key_V, CTRL)
    after = cell_order(canvas.reopened(), cell)
    assert after.index(second) + 1 == after.index(canvas.scene.selected_ids()[0])
    assert canvas.reopened().touchpoint(canvas.scene.selected_ids()[0]).title == stored.touchpoint(first).title
    assert_in_step(canvas)


# ---------------------------------------------------------------------- keyboard navigation and moves


def test_arrow_keys_move_the_selection_between_cards(canvas: Canvas) -> None:
    top = canvas.ids_in(canvas.cell("Awareness", "Touchpoints"))
    right = canvas.ids_in(canvas.cell("Consideration", "Touchpoints"))
    canvas.scene.clearSelection()
    key(canvas, Qt.Key.Key_Down)
    assert canvas.scene.selected_ids() == [top[0]]  # nothing selected: the first card
    key(canvas, Qt.Key.Key_Down)
    assert canvas.scene.selected_ids() == [top[1]]
    key(canvas, Qt.Key.Key_Right)
    assert canvas.scene.selected_ids() == [right[1]]
    key(canvas, Qt.Key.Key_Up)
    assert canvas.scene.selected_ids() == [right[0]]
    key(canvas, Qt.Key.Key_Left)
    assert canvas.scene.selected_ids() == [top[0]]
    key(canvas, Qt.Key.Key_Down)
    key(canvas, Qt.Key.Key_Down)  # past the cell's last card: into the next card lane with cards
    assert canvas.scene.selected_ids() == canvas.ids_in(canvas.cell("Awareness", "Customer actions"))[:1]
    key(canvas, Qt.Key.Key_Escape)
    assert canvas.scene.selected_ids() == []


def test_alt_arrows_move_the_selected_card(canvas: Canvas) -> None:
    cell = canvas.cell("Awareness", "Touchpoints")
    right = canvas.cell("Consideration", "Touchpoints")
    first, second = canvas.ids_in(cell)
    before = all_cells(canvas.reopened())
    canvas.scene.select_ids([first])
    key(canvas, Qt.Key.Key_Down, ALT)
    assert cell_order(canvas.reopened(), cell) == [second, first]
    key(canvas, Qt.Key.Key_Down, ALT)  # already last: nothing
    assert cell_order(canvas.reopened(), cell) == [second, first]
    key(canvas, Qt.Key.Key_Right, ALT)
    stored = canvas.reopened()
    assert cell_order(stored, cell) == [second]
    assert cell_order(stored, right) == [*before[right][:1], first, *before[right][1:]]
    assert canvas.scene.selected_ids() == [first]
    key(canvas, Qt.Key.Key_Up, ALT)
    assert cell_order(canvas.reopened(), right)[0] == first
    assert_in_step(canvas)
    for _ in range(3):
        canvas.document.undo_stack.undo()
    assert all_cells(canvas.reopened()) == before
    assert_in_step(canvas)


# ---------------------------------------------------------------------- zoom and level of detail


def test_zoom_in_out_reset_and_fit_change_the_transform(canvas: Canvas, qtbot: QtBot) -> None:
    view = canvas.view
    seen: list[float] = []
    view.zoomChanged.connect(seen.append)
    view.zoom_in()
    assert view.transform().m11() == pytest.approx(1.25)
    assert view.zoom == pytest.approx(1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.transform().m11() == pytest.approx(0.8)
    view.zoom_reset()
    assert view.transform().m11() == 1.0
    view.resize(600, 400)
    view.fit()
    fitted = view.transform().m11()
    assert fitted < 0.6
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(QRectF(0, 0, canvas.scene.layout.width, canvas.scene.layout.height))
    assert seen == pytest.approx([1.25, 1.0, 0.8, 1.0, fitted])
    key(canvas, Qt.Key.Key_Plus, CTRL)
    assert view.zoom == pytest.approx(fitted * 1.25)
    key(canvas, Qt.Key.Key_Minus, CTRL)
    assert view.zoom == pytest.approx(fitted)
    key(canvas, Qt.Key.Key_0, CTRL)
    assert view.zoom == 1.0


def test_ctrl_wheel_zooms_about_the_point_under_the_mouse(canvas: Canvas) -> None:
    view = canvas.view
    view.resize(800, 600)
    card = canvas.scene.layout.cards[canvas.ids_in(canvas.cell("Purchase", "Touchpoints"))[0]].rect
    at = canvas.viewport_point(card.x + 10, card.y + 10)
    under = view.mapToScene(at)
    wheel = QWheelEvent(
        QPointF(at),
        QPointF(view.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(1.25)
    after = view.mapToScene(at)
    assert abs(after.x() - under.x()) < 2
    assert abs(after.y() - under.y()) < 2


def pixel_at(canvas: Canvas, x: float, y: float) -> str:
    image = canvas.view.viewport().grab().toImage()
    return image.pixelColor(canvas.view.mapFromScene(QPointF(x, y))).name()


@pytest.mark.parametrize("zoom", [0.3, 0.1])
def test_cards_paint_as_plain_blocks_when_zoomed_out(canvas: Canvas, zoom: float) -> None:
    """Below 40% each card paints a block in its colour; below 20% one overview item paints them all, and the
    cards stay selectable, also by the rubber band."""
    card_id = canvas.ids_in(canvas.cell("Purchase", "Pain points"))[0]
    colour = QColor(canvas.journey.lane(canvas.lane_id("Pain points")).color or "").name()
    rect = canvas.scene.layout.cards[card_id].rect
    x, y = rect.x + rect.width * 0.3, rect.y + rect.height / 2
    canvas.view.set_zoom(zoom)
    assert canvas.scene.overview == (zoom < 0.2)
    canvas.view.centerOn(QPointF(x, y))
    assert pixel_at(canvas, x, y) == colour  # no text, no tint: the lane's colour itself
    score = canvas.journey.touchpoint(card_id).score
    assert score is not None
    strip = pixel_at(canvas, rect.x + rect.width * 0.9, y)
    assert strip == ui.canvas.painting.SCORE_COLORS[score].name()
    QTest.mouseClick(canvas.view.viewport(), LEFT, NO_MODIFIER, canvas.view.mapFromScene(QPointF(x, y)))
    assert canvas.scene.selected_ids() == [card_id]
    key(canvas, Qt.Key.Key_Escape)
    cell = canvas.scene.layout.cells[canvas.cell("Purchase", "Pain points")].rect
    drag(
        canvas,
        canvas.view.mapFromScene(QPointF(cell.x + 2, cell.bottom - 2)),
        canvas.view.mapFromScene(QPointF(cell.right - 2, cell.y + 2)),
    )
    assert canvas.scene.selected_ids() == canvas.ids_in(canvas.cell("Purchase", "Pain points"))
    canvas.view.zoom_reset()
    assert not canvas.scene.overview
    canvas.view.centerOn(QPointF(x, y))
    assert pixel_at(canvas, x, y) != colour  # full detail: a light tint with text


def test_the_overview_draws_only_the_blocks_of_the_exposed_area(qtbot: QtBot) -> None:
    """Far zoomed out over a big map, a paint draws the blocks near the exposed area only (every fill under every
    score strip), not every block of the map."""

    class Recorder:
        def __init__(self) -> None:
            self.drawn: list[QRectF] = []

        def setPen(self, pen: object) -> None:  # noqa: N802 - QPainter's name
            pass

        def setBrush(self, brush: object) -> None:  # noqa: N802 - QPainter's name
            pass

        def drawRects(self, rects: list[QRectF]) -> None:  # noqa: N802 - QPainter's name
            self.drawn += rects

    item = OverviewItem()
    near = [QRectF(100.0 + 208 * i, 100.0, 188.0, 60.0) for i in range(3)]
    far = [QRectF(100.0, 50_000.0 + 70 * i, 188.0, 60.0) for i in range(3)]
    strip = QRectF(280.0, 100.0, 8.0, 60.0)
    item.set_blocks(QRectF(0, 0, 800, 60_000), [(QColor("#a0cbe8"), near + far)], [(QColor("#59a14f"), [strip])])
    option = QStyleOptionGraphicsItem()
    option.exposedRect = QRectF(0, 0, 800, 600)
    recorder = Recorder()
    item.paint(recorder, option)  # type: ignore[arg-type]
    assert recorder.drawn == [*near, strip]
    option.exposedRect = QRectF(0, 49_900, 800, 600)
    recorder.drawn.clear()
    item.paint(recorder, option)  # type: ignore[arg-type]
    assert recorder.drawn == far


def test_middle_button_and_space_drag_pan_the_view(canvas: Canvas) -> None:
    view = canvas.view
    view.resize(500, 400)
    view.zoom_reset()
    bar = view.verticalScrollBar()
    bar.setValue(0)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, NO_MODIFIER, QPoint(200, 300))
    QTest.mouseMove(viewport, QPoint(200, 200))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, NO_MODIFIER, QPoint(200, 200))
    assert bar.value() == 100
    selected = canvas.scene.selected_ids()
    QTest.keyPress(viewport, Qt.Key.Key_Space)
    drag(canvas, QPoint(200, 300), QPoint(200, 250))
    QTest.keyRelease(viewport, Qt.Key.Key_Space)
    assert bar.value() == 150
    assert canvas.scene.selected_ids() == selected


# ---------------------------------------------------------------------- phase and lane headers


def choose_in_context_menu(canvas: Canvas, at: QPoint, name: str) -> list[str]:
    """Right-click at `at`, choose the menu entry named `name`; returns the names of the menu's entries."""
    names: list[str] = []

    def choose(tries: int = 50) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if tries:
                QTimer.singleShot(10, lambda: choose(tries - 1))
            return
        names.extend(a.objectName() for a in menu.actions() if a.objectName())
        chosen = next(a for a in menu.actions() if a.objectName() == name)
        menu.close()
        chosen.trigger()

    QTimer.singleShot(0, choose)
    viewport = canvas.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    assert name in names
    return names


def phase_header_point(canvas: Canvas, phase_id: int, dx: float = 0.5) -> QPoint:
    box = next(p for p in canvas.scene.layout.phases if p.phase_id == phase_id)
    return canvas.viewport_point(box.header.x + box.header.width * dx, box.header.y + box.header.height / 2)


def lane_header_point(canvas: Canvas, lane_id: int, dy: float = 0.5) -> QPoint:
    box = next(lane for lane in canvas.scene.layout.lanes if lane.lane_id == lane_id)
    return canvas.viewport_point(box.header.x + box.header.width / 2, box.header.y + box.header.height * dy)


def test_phase_header_menu_renames_inline(canvas: Canvas) -> None:
    phase_id = canvas.phase_id("Service")
    names = choose_in_context_menu(canvas, phase_header_point(canvas, phase_id), "renamePhase")
    assert {"renamePhase", "recolourPhase", "addPhaseBefore", "addPhaseAfter", "deletePhase"} <= set(names)
    assert canvas.scene.editor.target == ("phase", phase_id)
    type_text(canvas, "Aftercare")
    key(canvas, Qt.Key.Key_Return)
    assert canvas.reopened().phase(phase_id).name == "Aftercare"
    header = canvas.scene.phase_header(phase_id)
    assert header is not None
    assert header.name == "Aftercare"
    canvas.document.undo_stack.undo()
    assert canvas.reopened().phase(phase_id).name == "Service"
    assert header.name == "Service"


def test_recolour_a_phase_and_a_lane(canvas: Canvas, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def get_color(initial: QColor, parent: object = None, title: str = "", *args: object) -> QColor:
        asked.append(initial.name())
        return QColor("#123456")

    monkeypatch.setattr(QColorDialog, "getColor", get_color)
    phase_id = canvas.phase_id("Purchase")
    choose_in_context_menu(canvas, phase_header_point(canvas, phase_id), "recolourPhase")
    assert asked == ["#e15759"]
    assert canvas.reopened().phase(phase_id).color == "#123456"
    header = canvas.scene.phase_header(phase_id)
    assert header is not None
    assert header.colour.name() == "#123456"
    lane_id = canvas.lane_id("Opportunities")
    choose_in_context_menu(canvas, lane_header_point(canvas, lane_id), "recolourLane")
    assert canvas.reopened().lane(lane_id).color == "#123456"
    card = canvas.scene.card_item(canvas.ids_in(canvas.cell("Loyalty", "Opportunities"))[0])
    assert card is not None
    assert card.colour.name() == "#123456"
    canvas.document.undo_stack.undo()
    assert card.colour.name() == "#8cd17d"
    canvas.document.undo_stack.undo()
    assert canvas.reopened().phase(phase_id).color == "#e15759"


def test_deleting_a_phase_with_cards_asks_first_and_undo_restores_it(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    questions: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    before = canvas.reopened()
    phase_id = canvas.phase_id("Consideration")
    cards = [t.id for t in before.touchpoints if t.phase_id == phase_id]
    choose_in_context_menu(canvas, phase_header_point(canvas, phase_id), "deletePhase")
    assert "Consideration" in questions[0]
    assert "3 touchpoint" in questions[0]
    assert canvas.reopened().phase(phase_id).name == "Consideration"  # "No": nothing happened
    choose_in_context_menu(canvas, phase_header_point(canvas, phase_id), "deletePhase")
    stored = canvas.reopened()
    assert phase_id not in [p.id for p in stored.phases]
    assert canvas.scene.phase_header(phase_id) is None
    assert all(canvas.scene.card_item(i) is None for i in cards)
    assert_in_step(canvas)
    canvas.document.undo_stack.undo()
    restored = canvas.reopened()
    assert [p.id for p in restored.phases] == [p.id for p in before.phases]
    assert all_cells(restored) == all_cells(before)
    assert_in_step(canvas)


def test_add_phase_after_and_lane_above_then_name_them(canvas: Canvas) -> None:
    phase_id = canvas.phase_id("Awareness")
    choose_in_context_menu(canvas, phase_header_point(canvas, phase_id), "addPhaseAfter")
    assert canvas.scene.editor.active
    assert canvas.scene.editor.target is not None
    new_phase = canvas.scene.editor.target[1]
    type_text(canvas, "Interest")
    key(canvas, Qt.Key.Key_Return)
    assert [p.name for p in canvas.reopened().phases][:3] == ["Awareness", "Interest", "Consideration"]
    assert canvas.scene.phase_header(new_phase) is not None
    lane_id = canvas.lane_id("Pain points")
    choose_in_context_menu(canvas, lane_header_point(canvas, lane_id), "addLaneAbove")
    type_text(canvas, "Backstage")
    key(canvas, Qt.Key.Key_Return)
    names = [lane.name for lane in canvas.reopened().lanes]
    assert names.index("Backstage") + 1 == names.index("Pain points")
    assert_in_step(canvas)


def test_change_a_lane_kind_from_its_menu(canvas: Canvas) -> None:
    lane_id = canvas.lane_id("Opportunities")
    header = canvas.scene.lane_header(lane_id)
    assert header is not None
    menu = canvas.scene.lane_menu(lane_id)
    try:
        kinds = menu.findChild(QMenu, "laneKind")
        assert kinds is not None
        notes = next(a for a in kinds.actions() if a.objectName() == "laneKind-notes")
        notes.trigger()
    finally:
        menu.deleteLater()
    assert canvas.reopened().lane(lane_id).kind is LaneKind.NOTES
    assert header.lane_kind is LaneKind.NOTES


def test_dragging_headers_reorders_phases_and_lanes(canvas: Canvas) -> None:
    before = [p.id for p in canvas.reopened().phases]
    awareness, consideration = before[:2]
    drag(canvas, phase_header_point(canvas, awareness), phase_header_point(canvas, consideration, 0.8))
    assert [p.id for p in canvas.reopened().phases] == [consideration, awareness, *before[2:]]
    assert_in_step(canvas)
    canvas.document.undo_stack.undo()
    assert [p.id for p in canvas.reopened().phases] == before
    lanes = [lane.id for lane in canvas.reopened().lanes]
    pain = canvas.lane_id("Pain points")
    drag(canvas, lane_header_point(canvas, pain), lane_header_point(canvas, lanes[0], 0.2))
    assert [lane.id for lane in canvas.reopened().lanes] == [pain, *[i for i in lanes if i != pain]]
    assert_in_step(canvas)
    # Esc while dragging a header: nothing moves.
    revision = canvas.reopened().revision
    header = canvas.scene.lane_header(pain)
    assert header is not None
    origin = header.pos()
    drag(
        canvas,
        lane_header_point(canvas, pain),
        lane_header_point(canvas, lanes[-1]),
        before_release=lambda: key(canvas, Qt.Key.Key_Escape),
    )
    assert header.pos() == origin
    assert canvas.reopened().revision == revision


# ---------------------------------------------------------------------- canvas edits at random, with undo and redo


TITLE_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
"""Anything a user can type into a title: any script, symbols, emoji."""


class CanvasMachine(RuleBasedStateMachine):
    """Random canvas-level edits (mouse drags, keys, clipboard, inline titles) with undo and redo. After every
    step the card items (cells and order read from their positions), the document and the file agree."""

    def __init__(self) -> None:
        super().__init__()
        self._folder = tempfile.TemporaryDirectory()
        path = Path(self._folder.name) / "machine.cjm"
        library = Library.open(path)
        journey_id = library.create_journey(load_example("en"))
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(1600, 1000)
        view.show()
        view.activateWindow()
        view.setFocus()
        scene._confirm = lambda title, text: True  # type: ignore[method-assign]  # "Delete ... with its cards?" Yes
        self.canvas = Canvas(path, library, journey_id, document, scene, view)

    def teardown(self) -> None:
        self.canvas.view.close()
        self.canvas.scene.dispose()
        self.canvas.view.deleteLater()
        self.canvas.document.undo_stack.clear()
        self.canvas.library.close()
        self._folder.cleanup()

    def _card(self, data: st.DataObject) -> int | None:
        ids = sorted(self.canvas.scene.card_items())
        return data.draw(st.sampled_from(ids)) if ids else None

    def _cell(self, data: st.DataObject) -> Cell:
        return data.draw(st.sampled_from(sorted(self.canvas.scene.layout.cells)))

    @rule(data=st.data(), place=st.floats(0.0, 1.0))
    def drag_card(self, data: st.DataObject, place: float) -> None:
        card_id = self._card(data)
        if card_id is None:
            return
        cell = self.canvas.scene.layout.cells[self._cell(data)]
        self.canvas.scene.select_ids([card_id])
        start = self.canvas.card_point(card_id)
        y = cell.rect.y + 4 + (cell.rect.height - 8) * place
        self.canvas.view.ensureVisible(QRectF(cell.rect.x, y - 40, cell.rect.width, 80), 0, 0)
        start = self.canvas.card_point(card_id)
        end = self.canvas.view.mapFromScene(QPointF(cell.rect.x + 40, y))
        if self.canvas.view.viewport().rect().contains(start):
            drag(self.canvas, start, end, steps=3)

    @rule(data=st.data(), arrow=st.sampled_from([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right]))
    def alt_arrow(self, data: st.DataObject, arrow: Qt.Key) -> None:
        card_id = self._card(data)
        if card_id is not None:
            self.canvas.scene.select_ids([card_id])
            key(self.canvas, arrow, ALT)

    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        card_id = self._card(data)
        if card_id is not None:
            self.canvas.scene.select_ids([card_id])
            key(self.canvas, Qt.Key.Key_Delete)

    @rule(data=st.data(), shortcut=st.sampled_from([Qt.Key.Key_D, Qt.Key.Key_V]))
    def duplicate_or_paste(self, data: st.DataObject, shortcut: Qt.Key) -> None:
        card_id = self._card(data)
        if card_id is not None:
            self.canvas.scene.select_ids([card_id])
            self.canvas.scene.pointer_left()
            key(self.canvas, Qt.Key.Key_C, CTRL)
            key(self.canvas, shortcut, CTRL)

    @rule(
        data=st.data(),
        title=st.text(
            st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=12
        ),
    )
    def new_card_with_title(self, data: st.DataObject, title: str) -> None:
        self.canvas.scene.new_card_in(*self._cell(data), index=data.draw(st.integers(0, 3)))
        type_text(self.canvas, title)
        key(self.canvas, Qt.Key.Key_Return)

    @rule(data=st.data())
    def drag_phase_header(self, data: st.DataObject) -> None:
        phases = self.canvas.scene.layout.phases
        moving = data.draw(st.sampled_from(phases))
        onto = data.draw(st.sampled_from(phases))
        self.canvas.view.zoom_reset()
        start = phase_header_point(self.canvas, moving.phase_id)
        end = phase_header_point(self.canvas, onto.phase_id, data.draw(st.sampled_from([0.2, 0.8])))
        drag(self.canvas, start, end, steps=3)

    @rule(data=st.data())
    def delete_lane(self, data: st.DataObject) -> None:
        lanes = self.canvas.journey.lanes
        if len(lanes) > 2:
            lane = data.draw(st.sampled_from(lanes))
            self.canvas.scene.delete_lane(lane.id)

    @rule()
    def undo(self) -> None:
        self.canvas.document.undo_stack.undo()

    @rule()
    def redo(self) -> None:
        self.canvas.document.undo_stack.redo()

    @invariant()
    def in_step(self) -> None:
        assert not self.canvas.scene.dragging
        assert_in_step(self.canvas)


def test_random_canvas_edits_keep_items_document_and_file_in_step(qtbot: QtBot) -> None:
    run_state_machine_as_test(
        CanvasMachine,
        settings=settings(
            max_examples=15,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_dragging_near_the_edge_scrolls_the_view(canvas: Canvas, qtbot: QtBot) -> None:
    view = canvas.view
    view.resize(700, 360)
    view.zoom_reset()
    card_id = canvas.ids_in(canvas.cell("Awareness", "Touchpoints"))[0]
    start = canvas.card_point(card_id)
    bar = view.verticalScrollBar()
    before = bar.value()
    item = canvas.scene.card_item(card_id)
    assert item is not None
    viewport = view.viewport()
    grip = start - view.mapFromScene(item.scenePos())
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    QTest.mouseMove(viewport, start + QPoint(0, 20))
    edge = QPoint(start.x(), viewport.height() - 4)
    QTest.mouseMove(viewport, edge)
    qtbot.waitUntil(lambda: bar.value() > before + 40, timeout=3000)
    # The card stays under the pointer while the view scrolls.
    assert (edge - view.mapFromScene(item.scenePos()) - grip).manhattanLength() <= 1
    key(canvas, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, edge)
    scrolled = bar.value()
    qtbot.wait(100)
    assert bar.value() == scrolled  # no more scrolling once the drag is over
    assert_in_step(canvas)


def test_cards_left_on_the_clipboard_do_not_crash_the_exit(tmp_path: Path) -> None:
    """A copy, then quitting: the process ends cleanly and the titles stay on the clipboard as text."""
    script = tmp_path / "copy_and_quit.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from cjmapper.model import Touchpoint\n"
        "from cjmapper.gui.canvas.clipboard import CARDS_MIME, cards_mime, release_clipboard\n"
        "app = QApplication([])\n"
        "QApplication.clipboard().setMimeData(cards_mime([Touchpoint(1, 1, 1, 0, 'Bel de klant')]))\n"
        "release_clipboard()\n"
        "data = QApplication.clipboard().mimeData()\n"
        "print(data.text(), data.hasFormat(CARDS_MIME))\n",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "Bel de klant False")


def test_incremental_updates_equal_a_fresh_layout_after_random_edits(canvas: Canvas) -> None:
    """Each edit re-lays out only the cells and lanes it touches; after every one of a long random run of edits
    (moves of one or many cards across cells and lanes, adds, deletes, pastes, field changes that change a
    card's height or score, journey fields, a saved version, undo and redo), the canvas equals a full layout."""
    rng = random.Random(14)
    document = canvas.document
    scene = canvas.scene
    for _step in range(160):
        journey = document.journey
        ids = [t.id for t in journey.touchpoints]
        cells = sorted(scene.layout.cells)
        choice = rng.random()
        if choice < 0.3 and ids:
            moving = rng.sample(ids, min(len(ids), rng.choice([1, 1, 2, 5])))
            phase_id, lane_id = rng.choice(cells)
            document.move_touchpoints(moving, phase_id, lane_id, rng.choice([None, 0, 1, 3]))
        elif choice < 0.4:
            phase_id, lane_id = rng.choice(cells)
            document.add_touchpoint(phase_id, lane_id, "A new card " * rng.randint(1, 6), index=rng.choice([None, 0]))
        elif choice < 0.5 and ids:
            document.delete_touchpoints(rng.sample(ids, min(len(ids), rng.choice([1, 3]))))
        elif choice < 0.55 and ids:
            phase_id, lane_id = rng.choice(cells)
            copies = [journey.touchpoint(i) for i in rng.sample(ids, min(len(ids), 3))]
            document.insert_touchpoints(copies, phase_id, lane_id, rng.choice([None, 1]))
        elif choice < 0.7 and ids:
            fields: dict[str, object] = rng.choice(
                [
                    {"title": "Longer title " * rng.randint(0, 8) + "end"},
                    {"notes": rng.choice(["", "A note", "Notes that run over a line or two " * 3])},
                    {"score": rng.choice([None, 1, 3, 5])},
                    {"color": rng.choice([None, "#336699"])},
                ]
            )
            document.update_touchpoint(rng.choice(ids), **fields)  # type: ignore[arg-type]
        elif choice < 0.75:
            document.update_journey(title=f"Journey {rng.randint(0, 99)}")
        elif choice < 0.78:
            document.save_version(f"Version {_step}")
        elif choice < 0.9:
            document.undo_stack.undo()
        else:
            document.undo_stack.redo()
        assert_as_laid_out_afresh(scene)


def test_saving_a_version_or_retitling_lays_out_nothing(canvas: Canvas, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change of nothing on the map (a named version saved, the journey's title) lays out no cell again and
    touches no card item; the corner shows the new title."""
    import ui.canvas.scene_sync

    laid_out: list[str] = []
    monkeypatch.setattr(ui.canvas.scene_sync, "compute_layout", lambda *a, **k: laid_out.append("full"))
    monkeypatch.setattr(ui.canvas.scene_sync, "update_layout", lambda *a, **k: laid_out.append("cells"))
    layout = canvas.scene.layout
    assert canvas.document.save_version("Before the workshop") is not None
    assert canvas.document.update_journey(title="Renamed journey")
    canvas.document.undo_stack.undo()
    canvas.document.undo_stack.undo()
    assert laid_out == []
    assert canvas.scene.layout is layout
    assert canvas.scene._corner.title == canvas.journey.title


# ---------------------------------------------------------------------- status mark


def test_a_card_paints_its_status_mark_in_its_top_right_corner(canvas: Canvas) -> None:
    """A ring at the card's top right: empty while open, its left half filled in progress, filled when done; a
    card without a status shows none."""
    card_id = canvas.ids_in(canvas.cell("Purchase", "Pain points"))[0]
    box = canvas.scene.layout.cards[card_id]
    rect, parts = box.rect, box.parts(canvas.scene.metrics)
    zoom = 4.0
    canvas.view.set_zoom(zoom)

    def colour_at(dx: float, dy: float) -> QColor:
        """The colour at (dx, dy) from the mark's centre, in card units."""
        mark = status_mark(CardStatus.DONE, parts.status, parts.scale)
        assert mark is not None
        x, y = rect.x + mark.cx + dx, rect.y + mark.cy + dy
        canvas.view.centerOn(QPointF(x, y))
        return QColor(pixel_at(canvas, x, y))

    def near(found: QColor, wanted: str) -> bool:
        want = QColor(wanted)
        return (
            max(abs(found.red() - want.red()), abs(found.green() - want.green()), abs(found.blue() - want.blue())) < 40
        )

    white = "#ffffff"
    assert canvas.journey.touchpoint(card_id).status is None
    for status in CardStatus:
        assert not near(colour_at(0, 0), STATUS_COLOURS[status])
    half = MARK_RADIUS / 2
    canvas.document.update_touchpoint(card_id, status=CardStatus.DONE)
    assert near(colour_at(0, 0), STATUS_COLOURS[CardStatus.DONE])
    canvas.document.update_touchpoint(card_id, status=CardStatus.OPEN)
    assert near(colour_at(0, 0), white)
    assert near(colour_at(MARK_RADIUS - MARK_LINE / 4, 0), STATUS_COLOURS[CardStatus.OPEN])
    canvas.document.update_touchpoint(card_id, status=CardStatus.IN_PROGRESS)
    assert near(colour_at(-half, 0), STATUS_COLOURS[CardStatus.IN_PROGRESS])
    assert near(colour_at(half, 0), white)
    assert canvas.reopened().touchpoint(card_id).status is CardStatus.IN_PROGRESS

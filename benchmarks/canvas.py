"""Canvas benchmarks, each measured against a floor of stock Qt doing the same work in the same run.

- open a 5,000-touchpoint journey to its first paint in a 1600x900 view (floor: the raw sqlite3 read of the same
  rows plus stock QGraphicsRectItem + QGraphicsSimpleTextItem cards, painted once in the same view);
- one drag step (mouse move, items moved, drop target found, repainted) with 5,000 and with 20,000 cards (floor:
  setPos of one stock rect item and the repaint);
- a full repaint of the whole map zoomed to fit, 5,000 cards (floor: the same number of stock rect items).

Run alone with `python -m benchmarks.canvas`; Qt runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.store import Result, big_journey
from cjmapper import text
from cjmapper.store import Library

if TYPE_CHECKING:
    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import Change, JourneyDocument

VIEW_SIZE = (1600, 900)
MOVE_SIZES = (1000, 5000, 20_000, 50_000)
COLUMN = 208.0
ROW = 70.0


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _process() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def _library(folder: Path, cards: int) -> tuple[Path, int]:
    path = folder / f"canvas-{cards}.cjm"
    if path.exists():
        with Library.open(path) as lib:
            return path, lib.list_journeys()[0].id
    with Library.open(path) as lib:
        return path, lib.create_journey(big_journey(cards))


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """No garbage collection inside a timed section (a collection of the previous run's items would be noise)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _timed(work: Callable[[], object]) -> float:
    with _quiet_gc():
        start = time.perf_counter()
        work()
        return (time.perf_counter() - start) * 1000


def bench_open(folder: Path, cards: int = 5000, repeat: int = 7) -> Result:
    """Open a journey to first paint: load, layout (cold text caches), items, view shown and painted once."""
    _app()
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView

    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import JourneyDocument

    path, journey_id = _library(folder, cards)
    raw = sqlite3.connect(path)
    kept: list[tuple[object, ...]] = []

    def floor() -> None:
        rows = raw.execute(
            "SELECT id, phase_id, lane_id, position, title, notes, channel, score, expectation, owner, color,"
            " votes FROM touchpoints WHERE journey_id = ? ORDER BY phase_id, lane_id, position",
            (journey_id,),
        ).fetchall()
        scene = QGraphicsScene()
        brush = QBrush(QColor("#a0cbe8"))
        counts: dict[tuple[int, int], int] = {}
        for row in rows:
            cell = (row[1], row[2])
            index = counts.get(cell, 0)
            counts[cell] = index + 1
            rect = QGraphicsRectItem(QRectF(0, 0, 188, 60))
            rect.setBrush(brush)
            rect.setPos(row[1] * COLUMN, (row[2] * 1000 + index) * ROW)
            QGraphicsSimpleTextItem(row[4], rect).setPos(8, 8)
            scene.addItem(rect)
        view = QGraphicsView(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        view.viewport().grab()
        kept.append((scene, view))

    def ours() -> None:
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        view.viewport().grab()
        kept.append((document, scene, view))

    def clear() -> None:
        for entry in kept:
            for obj in reversed(entry):
                if isinstance(obj, QGraphicsView):
                    obj.close()
        kept.clear()
        gc.collect()
        _process()

    with Library.open(path) as library:
        ours()  # warm imports, fonts, statement caches
        floor()
        clear()
        measured: list[float] = []
        base: list[float] = []
        for _ in range(repeat):
            text.clear_caches()  # a journey opened for the first time: no title wrapped yet
            measured.append(_timed(ours))
            clear()
            base.append(_timed(floor))
            clear()
    raw.close()
    return Result(
        f"open a {cards:,}-touchpoint journey to first paint (1600x900 view)",
        statistics.median(measured),
        statistics.median(base),
        2.0,
        400.0,
    )


def bench_drag(folder: Path, cards: int = 5000, steps: int = 300, max_ms: float = 2.0) -> Result:
    """One step of dragging a card with the mouse: the event, the items moved, the drop target, the repaint."""
    _app()
    from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import JourneyDocument

    path, journey_id = _library(folder, cards)
    samples: list[float] = []
    with Library.open(path) as library:
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
        view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
        _process()
        viewport = view.viewport()
        first = scene.layout.cells[(scene.layout.phases[0].phase_id, scene.layout.lanes[0].lane_id)].card_ids[1]
        rect = scene.layout.cards[first].rect
        start = view.mapFromScene(QPointF(rect.x + 40, rect.y + 20))
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(viewport, start + QPoint(20, 20))
        _process()
        assert scene.dragging
        with _quiet_gc():
            for i in range(steps):
                # Wander over the first three columns and down the cells, crossing cell borders.
                target = QPoint(int(100 + (i * 37) % 620), int(60 + (i * 53) % 780))
                began = time.perf_counter()
                QTest.mouseMove(viewport, target)
                _process()
                samples.append((time.perf_counter() - began) * 1000)
        key_target = view.viewport()
        QTest.keyClick(key_target, Qt.Key.Key_Escape)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        assert not scene.dragging
        view.close()
        del view, scene, document
        gc.collect()

    stock = QGraphicsScene()
    brush = QBrush(QColor("#a0cbe8"))
    items = []
    for i in range(cards):
        item = QGraphicsRectItem(QRectF(0, 0, 188, 60))
        item.setBrush(brush)
        item.setPos((i % 5) * COLUMN, (i // 5) * ROW)
        stock.addItem(item)
        items.append(item)
    stock_view = QGraphicsView(stock)
    stock_view.resize(*VIEW_SIZE)
    stock_view.show()
    _process()
    moving = items[6]
    floor: list[float] = []
    with _quiet_gc():
        for i in range(steps):
            began = time.perf_counter()
            moving.setPos(100 + (i * 37) % 620, 60 + (i * 53) % 780)
            _process()
            floor.append((time.perf_counter() - began) * 1000)
    stock_view.close()
    return Result(
        f"one card drag step, {cards:,} cards (1600x900 view)", _p95(samples), _p95(floor), None, max_ms, "p95"
    )


def bench_fit_repaint(folder: Path, cards: int = 5000, repeat: int = 30) -> Result:
    """A full repaint of the whole map zoomed to fit the view."""
    _app()
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import JourneyDocument

    path, journey_id = _library(folder, cards)
    with Library.open(path) as library:
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        _process()
        view.fit()
        _process()
        viewport = view.viewport()
        viewport.repaint()  # the first paint at a new zoom draws each card once into its cache
        samples = [_timed(viewport.repaint) for _ in range(repeat)]
        view.close()
        del view, scene, document
        gc.collect()

    stock = QGraphicsScene()
    brush = QBrush(QColor("#a0cbe8"))
    items = []
    for i in range(cards):
        item = QGraphicsRectItem(QRectF(0, 0, 188, 60))
        item.setBrush(brush)
        item.setPos((i % 5) * COLUMN, (i // 5) * ROW)
        stock.addItem(item)
        items.append(item)
    stock_view = QGraphicsView(stock)
    stock_view.resize(*VIEW_SIZE)
    stock_view.show()
    _process()
    stock_view.fitInView(stock.itemsBoundingRect())
    _process()
    stock_view.viewport().repaint()
    floor = [_timed(stock_view.viewport().repaint) for _ in range(repeat)]
    stock_view.close()
    return Result(
        f"full repaint zoomed to fit, {cards:,} cards (1600x900 view)",
        statistics.median(samples),
        statistics.median(floor),
        None,
        16.0,
    )


def _open_canvas(library: Library, journey_id: int) -> tuple[JourneyDocument, JourneyScene, JourneyView]:
    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import JourneyDocument

    document = JourneyDocument(library, journey_id)
    scene = JourneyScene(document)
    view = JourneyView()
    view.setScene(scene)
    view.resize(*VIEW_SIZE)
    view.show()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    _process()
    return document, scene, view


def _raw_move_floor(path: Path, journey_id: int, repeat: int) -> list[float]:
    """One raw UPDATE + COMMIT of a card's place, and a stock item moved and repainted."""
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    raw = sqlite3.connect(path)
    card_id, position = raw.execute(
        "SELECT id, position FROM touchpoints WHERE journey_id = ? LIMIT 1", (journey_id,)
    ).fetchone()
    stock = QGraphicsScene()
    item = QGraphicsRectItem(QRectF(0, 0, 188, 60))
    stock.addItem(item)
    view = QGraphicsView(stock)
    view.resize(*VIEW_SIZE)
    view.show()
    _process()
    samples = []
    with _quiet_gc():
        for i in range(repeat):
            began = time.perf_counter()
            raw.execute("UPDATE touchpoints SET position = ? WHERE id = ?", (position + i % 2, card_id))
            raw.commit()
            item.setPos(COLUMN * (i % 2), 0)
            view.viewport().repaint()
            samples.append((time.perf_counter() - began) * 1000)
    raw.execute("UPDATE touchpoints SET position = ? WHERE id = ?", (position, card_id))
    raw.commit()
    raw.close()
    view.close()
    return samples


def bench_move(folder: Path, cards: int = 5000, moves: int = 40, max_ms: float = 16.0) -> Result:
    """Move one card to the next cell with the mouse and back: from the mouse release (the edit written, the canvas
    brought in step) to the canvas repainted. The card leaves a cell and enters one of the same lane, so that lane
    grows and every lane below it moves."""
    _app()
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    path, journey_id = _library(folder, cards)
    samples: list[float] = []
    with Library.open(path) as library:
        _document, scene, view = _open_canvas(library, journey_id)
        layout = scene.layout
        viewport = view.viewport()
        lane = layout.lanes[0].lane_id
        cells = [(layout.phases[0].phase_id, lane), (layout.phases[1].phase_id, lane)]
        for i in range(moves + 2):
            layout = scene.layout
            source, target = cells[i % 2], cells[(i + 1) % 2]
            card_id = layout.cells[source].card_ids[0]
            rect = layout.cards[card_id].rect
            start = view.mapFromScene(QPointF(rect.x + 40, rect.y + 20))
            goal = layout.cells[target].rect
            end = view.mapFromScene(QPointF(goal.x + 40, goal.y + 14))
            QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
            QTest.mouseMove(viewport, start + QPoint(20, 20))
            QTest.mouseMove(viewport, end)
            _process()
            assert scene.dragging
            with _quiet_gc():
                began = time.perf_counter()
                QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
                _process()
                viewport.repaint()
                elapsed = (time.perf_counter() - began) * 1000
            assert scene.layout.cards[card_id].phase_id == target[0]
            if i >= 2:  # the first moves warm the statement caches
                samples.append(elapsed)
        view.close()
    floor = _raw_move_floor(path, journey_id, moves)
    return Result(
        f"move one card with the mouse, release to repainted canvas, {cards:,} cards",
        _p95(samples),
        _p95(floor),
        None,
        max_ms,
        "p95",
    )


def bench_move_many(folder: Path, cards: int = 5000, moving: int = 500, repeat: int = 5) -> list[Result]:
    """Move 500 cards into another cell as one undo step, then undo and redo it: each to the canvas repainted, and
    the canvas' share of it (bringing the items in step with the change). The floor is the canvas' share."""
    _app()
    path, journey_id = _library(folder, cards)
    totals: dict[str, list[float]] = {"do": [], "undo": [], "redo": []}
    shares: dict[str, list[float]] = {"do": [], "undo": [], "redo": []}
    with Library.open(path) as library:
        document, scene, view = _open_canvas(library, journey_id)
        viewport = view.viewport()
        spent: list[float] = []
        inner = scene._on_changed

        def timed_change(change: Change) -> None:
            began = time.perf_counter()
            inner(change)
            spent.append((time.perf_counter() - began) * 1000)

        document.changed.disconnect(inner)
        document.changed.connect(timed_change)
        layout = scene.layout
        ids = sorted(layout.cards)[:moving]
        target = sorted(layout.cells)[-1]
        stack = document.undo_stack
        steps: dict[str, Callable[[], object]] = {
            "do": lambda: document.move_touchpoints(ids, target[0], target[1], 0),
            "undo": stack.undo,
            "redo": stack.redo,
        }
        for round_ in range(repeat + 1):
            for name, step in steps.items():
                spent.clear()
                with _quiet_gc():
                    began = time.perf_counter()
                    step()
                    _process()
                    viewport.repaint()
                    total = (time.perf_counter() - began) * 1000
                if round_:
                    totals[name].append(total)
                    shares[name].append(sum(spent))
            stack.undo()
            _process()
        document.changed.disconnect(timed_change)
        document.changed.connect(inner)
        view.close()
    target_ms = 30.0 if cards <= 5000 else 60.0
    return [
        Result(
            f"move {moving} cards as one step, {cards:,} cards: {name} (floor: the canvas' share)",
            statistics.median(totals[name]),
            statistics.median(shares[name]),
            None,
            target_ms,
        )
        for name in totals
    ]


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        return [
            bench_open(folder),
            bench_drag(folder, 5000, max_ms=2.0),
            bench_drag(folder, 20_000, max_ms=4.0),
            bench_fit_repaint(folder),
            bench_fit_repaint(folder, 50_000),
            *(bench_move(folder, cards, max_ms=16.0 if cards <= 5000 else 30.0) for cards in MOVE_SIZES),
            *bench_move_many(folder, 5000),
            *bench_move_many(folder, 20_000),
        ]


def main() -> int:
    from benchmarks.__main__ import table

    results = run_all()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

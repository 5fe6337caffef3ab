"""Process start to first painted window, against a bare PySide6 + sqlite3 program doing the same in the same run.

Each run is a new Python process, timed from just before it is spawned to the end of the first paint of the
canvas with the journey on it. The child prints that moment (`time.monotonic` is one clock for every process on
the machine); its module imports only a few standard modules before the work it measures, the same for both.

- cjmapper: the `cjmapper` console script's own entry (`ui.main.main`) on the library, which opens its only
  journey; the paint counted is the first one of the canvas's viewport after the journey's scene is set on it,
  with the window at the size a first start gives it;
- floor: a bare script that imports PySide6 and sqlite3, reads the same touchpoint rows raw and paints a stock
  QGraphicsRectItem with a QGraphicsSimpleTextItem per card in a 1600x900 view.

One more row, for comparison and without a target: how long `import sqlalchemy` alone takes in a fresh process
(the store runs on SQLAlchemy Core, for SQLite files and team libraries alike), against the 1,000-card floor. The
1.5x target leaves 0.5x of the floor for the whole of cjmapper; this row shows how much of that one import of the
store's library needs by itself.

Every child gets a fresh HOME and XDG folders (no settings, no last journey: the same first start each time) and
runs offscreen unless QT_QPA_PLATFORM says otherwise. Children keep compiled modules (in a cache folder of the run,
written by the uncounted first start), as an installed cjmapper has them. Run alone with
`python -m benchmarks.startup [--large]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from benchmarks.store import Result

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 5_000)
LARGE_SIZES = (20_000, 50_000)
MAX_RATIO = 1.5
VIEW_SIZE = (1600, 900)
PAINTED = "painted at "
ROWS = (
    "SELECT id, phase_id, lane_id, position, title, notes, channel, score, expectation, owner, color, votes"
    " FROM touchpoints WHERE journey_id = ? ORDER BY phase_id, lane_id, position"
)


# ---------------------------------------------------------------------- in the child process


def _report_first_paint(viewport: QWidget, ready: Callable[[], bool] | None = None) -> None:
    """Print the moment the first paint of `viewport` (once `ready()` is true) has finished, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and (ready is None or ready()):
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)  # after this paint event has been handled
            return False

    def done() -> None:
        print(f"{PAINTED}{time.monotonic()!r}", flush=True)
        QApplication.quit()

    probe = FirstPaint()
    viewport.installEventFilter(probe)
    _kept.append(probe)


_kept: list[object] = []


def _child_cjmapper(path: str) -> None:
    """The editor as its console script starts it, with a probe on the event loop's start (which the editor's
    own start-up code runs before it): the probe then finds the window and watches its canvas."""
    from PySide6.QtWidgets import QApplication

    exec_ = QApplication.exec  # static in PySide6: app.exec() passes no instance

    def exec_with_probe() -> int:
        from ui.window.main_window import MainWindow

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        _report_first_paint(window.view.viewport(), lambda: window.view.scene() is not None)
        return exec_()

    QApplication.exec = staticmethod(exec_with_probe)  # type: ignore[method-assign]
    from ui import main

    sys.argv = ["cjmapper", "--library", path]
    main.main()


def _child_sqlalchemy() -> None:
    """How long importing SQLAlchemy takes in a fresh process, nothing else."""
    started = time.monotonic()
    import sqlalchemy  # noqa: F401 (imported to be timed)

    print(f"{PAINTED}{(time.monotonic() - started)!r}", flush=True)


def _child_floor(path: str) -> None:
    """The stock items of benchmarks.canvas's open floor, written out again: this process may import nothing but
    PySide6 and sqlite3 (benchmarks.canvas imports the store, and with it SQLAlchemy)."""
    import sqlite3

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
    )

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(path)
    (journey_id,) = conn.execute("SELECT id FROM journeys").fetchone()
    rows = conn.execute(ROWS, (journey_id,)).fetchall()
    scene = QGraphicsScene()
    brush = QBrush(QColor("#a0cbe8"))
    counts: dict[tuple[int, int], int] = {}
    for row in rows:
        cell = (row[1], row[2])
        index = counts.get(cell, 0)
        counts[cell] = index + 1
        rect = QGraphicsRectItem(QRectF(0, 0, 188, 60))
        rect.setBrush(brush)
        rect.setPos(row[1] * 208.0, (row[2] * 1000 + index) * 70.0)
        QGraphicsSimpleTextItem(row[4], rect).setPos(8, 8)
        scene.addItem(rect)
    view = QGraphicsView(scene)
    view.resize(*VIEW_SIZE)
    _report_first_paint(view.viewport())
    view.show()
    app.exec()
    conn.close()


# ---------------------------------------------------------------------- in the benchmark's process


def _library(folder: Path, cards: int) -> Path:
    from benchmarks.store import big_journey
    from cjmapper.store import Library

    path = folder / f"start-{cards}.cjm"
    with Library.open(path) as lib:
        lib.create_journey(big_journey(cards))
    return path


def _start_to_paint(kind: str, path: Path, folder: Path, elapsed: bool = False) -> float:
    """Milliseconds from spawning the child to the end of its first paint (`elapsed`: the span the child itself
    reports instead)."""
    home = Path(tempfile.mkdtemp(dir=folder, prefix="home-"))
    env = dict(os.environ, HOME=str(home), PYTHONPATH=str(ROOT))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("CJMAPPER_LIBRARY", None)
    # Compiled modules kept, as an installed cjmapper has them (pip compiles a wheel when it installs it; the bundle
    # holds them): without this, a shell with PYTHONDONTWRITEBYTECODE compiles every module of the source tree on
    # each start, which no user's start does, while the floor's modules come compiled from site-packages.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    command = [sys.executable, "-m", "benchmarks.startup", "--child", kind, str(path)]
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith(PAINTED)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the {kind} start-up child failed ({done.returncode}): {done.stderr[-2000:]}")
    reported = float(lines[0].removeprefix(PAINTED))
    return reported * 1000 if elapsed else (reported - started) * 1000


def bench_start(folder: Path, cards: int, repeat: int = 5) -> Result:
    from benchmarks.store import Result

    path = _library(folder, cards)
    _start_to_paint("cjmapper", path, folder)  # the first start reads every module from disk: not counted
    _start_to_paint("floor", path, folder)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(repeat):  # alternated, so load on the machine falls on both alike
        ours.append(_start_to_paint("cjmapper", path, folder))
        floor.append(_start_to_paint("floor", path, folder))
    return Result(
        f"process start to first painted window, {cards:,} cards",
        statistics.median(ours),
        statistics.median(floor),
        MAX_RATIO,
        None,
    )


def bench_sqlalchemy_import(folder: Path, floor_ms: float, repeat: int = 5) -> Result:
    """`import sqlalchemy` alone in a fresh process (compiled modules kept, as for the starts), against `floor_ms`."""
    from benchmarks.store import Result

    _start_to_paint("sqlalchemy", Path(), folder)  # compiles and reads from disk: not counted
    times = [_start_to_paint("sqlalchemy", Path(), folder, elapsed=True) for _ in range(repeat)]
    return Result(
        f"`import sqlalchemy` alone, against the {SIZES[0]:,}-card start's floor (no target: for comparison)",
        statistics.median(times),
        floor_ms,
        None,
        None,
    )


def run_all(large: bool = False) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = SIZES + LARGE_SIZES if large else SIZES
        results = [bench_start(folder, cards, repeat=5 if cards <= 5_000 else 3) for cards in sizes]
        return [*results, bench_sqlalchemy_import(folder, results[0].floor_ms)]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "LIBRARY"), help=argparse.SUPPRESS)
    parser.add_argument("--large", action="store_true", help="also 20,000 and 50,000 cards")
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        if kind == "sqlalchemy":
            _child_sqlalchemy()
        else:
            (_child_cjmapper if kind == "cjmapper" else _child_floor)(path)
        return 0
    from benchmarks.__main__ import table

    results = run_all(args.large)
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

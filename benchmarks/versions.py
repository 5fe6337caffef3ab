"""Saving a named version with the journey open on the canvas, against the store saving it alone in the same run.

- cjmapper: `JourneyDocument.save_version` (the undo command the Versions dialog runs) on a 20,000-card journey
  shown in a 1600x900 canvas, timed until the events it caused have been handled (the canvas repainted);
- floor: `Library.save_version` of the same journey in a copy of the file, nothing open on it.

Run alone with `python -m benchmarks.versions`; Qt runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store import Result, big_journey
from cjmapper.store import Library

CARDS = 20_000
MAX_RATIO = 1.2
VIEW_SIZE = (1600, 900)


def bench_save_version(folder: Path, cards: int = CARDS, repeat: int = 7) -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.canvas import JourneyScene, JourneyView
    from ui.editing.document import JourneyDocument

    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = folder / f"versions-{cards}.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(cards))
    copy = folder / f"versions-{cards}-bare.cjm"
    shutil.copyfile(path, copy)  # the bare store saves on a copy: no other writer under the document's feet
    ours: list[float] = []
    floor: list[float] = []
    with Library.open(path) as library, Library.open(copy) as bare:
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        app.processEvents()
        view.viewport().grab()
        bare.save_version(journey_id, "warm-up (bare)")
        document.save_version("warm-up")
        app.processEvents()
        for i in range(repeat):  # alternated, so load on the machine falls on both alike
            gc.collect()
            started = time.perf_counter()
            saved = document.save_version(f"canvas {i}")
            app.processEvents()
            ours.append((time.perf_counter() - started) * 1000)
            assert saved is not None
            gc.collect()
            started = time.perf_counter()
            bare.save_version(journey_id, f"bare {i}")
            floor.append((time.perf_counter() - started) * 1000)
        view.close()
        del view, scene
        document.deleteLater()
        app.processEvents()
    return Result(
        f"save a named version of a {cards:,}-card journey with the canvas open",
        statistics.median(ours),
        statistics.median(floor),
        MAX_RATIO,
        None,
    )


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_save_version(Path(tmp))]


def main() -> int:
    from benchmarks.__main__ import table

    results = run_all()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

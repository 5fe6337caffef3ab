"""Finding cards by text in a 20,000-card journey, per keystroke, against the bare Python substring scan of the same
strings in the same run.

- the find alone: `CardIndex.find` for each prefix of "offerte" typed (the index current: folded once per card);
- the first keystroke after an edit: one card replaced, then the find (the index folds that card again and re-sorts);
- the keystroke in the window's find bar: the text set in the real find bar over a 20,000-card canvas in a 1600x900
  view fitted as a journey opens (readable titles, scrolled to the map's start), timed until the events it caused
  have been handled (hits ringed, the first selected and brought into view, the dirty part of the canvas repainted).

The floor is `[text for text in texts if query in text]` over each card's fields joined as stored (not folded), the
least a substring find can do. Run alone with `python -m benchmarks.find`.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from dataclasses import replace

from benchmarks.store import Result, _p95, big_journey
from cjmapper.find import CardIndex
from cjmapper.model import Journey

CARDS = 20_000
WORD = "offerte"
MAX_MS = 50.0


def offerte_journey(cards: int = CARDS) -> Journey:
    """`big_journey` with every 40th card's title about a quotation ("Offerte ...", "offertes ..."), in Dutch."""
    journey = big_journey(cards)
    for at, card in enumerate(journey.touchpoints):
        if at % 40 == 0:
            title = f"Offerte {at} nabellen" if at % 80 else f"Twee offértes {at}"
            journey.touchpoints[at] = replace(card, title=title)
    journey.revision = 1
    return journey


def _floor_texts(journey: Journey) -> list[str]:
    return [
        "\x1f".join((c.title, c.notes, c.owner, c.channel or "", c.expectation)) for c in journey.ordered_touchpoints()
    ]


def _keystrokes() -> list[str]:
    return [WORD[: n + 1] for n in range(len(WORD))]


def _floor_ms(texts: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        for query in _keystrokes():
            started = time.perf_counter()
            [text for text in texts if query in text]
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def bench_find(repeat: int = 15) -> Result:
    journey = offerte_journey()
    texts = _floor_texts(journey)
    index = CardIndex()
    index.refresh(journey)
    samples = []
    for _ in range(repeat):
        for query in _keystrokes():
            started = time.perf_counter()
            index.find(journey, query)
            samples.append((time.perf_counter() - started) * 1000)
    return Result(
        "find a word in a 20,000-card journey, per keystroke (case and accents left out)",
        statistics.median(samples),
        _floor_ms(texts, repeat),
        3.0,
        MAX_MS,
    )


def bench_find_after_edit(repeat: int = 15) -> Result:
    journey = offerte_journey()
    texts = _floor_texts(journey)
    index = CardIndex()
    index.refresh(journey)
    samples = []
    for i in range(repeat):
        at = (i * 997) % len(journey.touchpoints)
        journey.touchpoints[at] = replace(journey.touchpoints[at], title=f"Offerte bewerkt {i}")
        journey.revision += 1
        started = time.perf_counter()
        index.find(journey, WORD)
        samples.append((time.perf_counter() - started) * 1000)
    return Result(
        "first keystroke after an edit, 20,000 cards (the index brought up to date)",
        statistics.median(samples),
        _floor_ms(texts, repeat),
        None,
        MAX_MS,
    )


def bench_find_bar(repeat: int = 6) -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from cjmapper.store import Library
    from ui.canvas import JourneyScene, JourneyView
    from ui.canvas.find_bar import FindBar
    from ui.editing.document import JourneyDocument

    app = QApplication.instance() or QApplication(sys.argv[:1])
    journey = offerte_journey()
    texts = _floor_texts(journey)
    samples = []
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "find.cjm") as library:
        journey_id = library.create_journey(journey)
        document = JourneyDocument(library, journey_id)
        scene = JourneyScene(document)
        view = JourneyView()
        view.setScene(scene)
        view.resize(1600, 900)
        view.show()
        bar = FindBar(view)
        bar.set_scene(scene)
        bar.open_bar()
        app.processEvents()
        view.viewport().grab()
        for _ in range(repeat):
            bar.field.clear()
            view.fit_readable()  # as a journey opens: no smaller than readable titles
            view.centerOn(0.0, 0.0)
            app.processEvents()
            for query in _keystrokes():
                gc.collect()
                started = time.perf_counter()
                bar.field.setText(query)
                app.processEvents()
                samples.append((time.perf_counter() - started) * 1000)
        bar.set_scene(None)
        view.setScene(None)
        scene.dispose()
        view.deleteLater()
        bar.deleteLater()
        document.deleteLater()
        app.processEvents()
    return Result(
        "one keystroke in the find bar, 20,000 cards (hits ringed, first shown, 1600x900 view updated)",
        _p95(samples),
        _floor_ms(texts, repeat),
        None,
        MAX_MS,
        "p95",
    )


def run_all() -> list[Result]:
    return [bench_find(), bench_find_after_edit(), bench_find_bar()]


if __name__ == "__main__":
    for result in run_all():
        print(f"{result.name}: {result.measured_ms:.2f} ms, floor {result.floor_ms:.2f} ms ({result.ratio:.2f}x)")

"""Layout benchmark: the geometry of a 5,000-card map, measured against the floor of measuring every title once."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]

from benchmarks.store import Result, _median_ms, big_journey
from cjmapper.layout import Metrics, compute_layout
from cjmapper.text import clear_caches, font_name


def bench_layout(repeat: int = 15) -> Result:
    """compute_layout of a 5,000-card journey (5 phases x 5 card lanes + 1 emotions lane) as when it is opened:
    with the text caches empty each time. The floor is the bare work of reportlab summing the width of each title
    once, which wrapping cannot do without."""
    journey = big_journey(5000)
    titles = [t.title for t in journey.touchpoints]
    name = font_name()
    size = Metrics().font_size

    def ours() -> object:
        clear_caches()
        return compute_layout(journey)

    def floor() -> object:
        return sum(stringWidth(title, name, size) for title in titles)

    ours()  # import, register the font and warm the interpreter
    floor()
    measured = min(_median_ms(ours, repeat) for _ in range(3))
    base = min(_median_ms(floor, repeat) for _ in range(3))
    return Result("lay out a 5,000-card journey (cold text caches)", measured, base, None, 100.0)


if __name__ == "__main__":
    result = bench_layout()
    print(f"{result.name}: {result.measured_ms:.2f} ms, floor {result.floor_ms:.2f} ms ({result.ratio:.2f}x)")

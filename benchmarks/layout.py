"""Layout benchmarks: the geometry of a 5,000-card map, and of a 20,000-card map flowed to a window, measured
against the floor of measuring every title once."""

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


def bench_flowed_layout(repeat: int = 5) -> Result:
    """compute_layout of a 20,000-card journey (5 phases x 5 card lanes + 1 emotions lane) flowed to a 16:9 window,
    as when it is opened (cold text caches): choosing the cards per card column and laying the cells out in card
    columns. The floor is the same as `bench_layout`'s, for these 20,000 titles."""
    journey = big_journey(20000)
    titles = [t.title for t in journey.touchpoints]
    name = font_name()
    size = Metrics().font_size

    def ours() -> object:
        clear_caches()
        return compute_layout(journey, aspect=16 / 9)

    def floor() -> object:
        return sum(stringWidth(title, name, size) for title in titles)

    ours()
    floor()
    measured = min(_median_ms(ours, repeat) for _ in range(3))
    base = min(_median_ms(floor, repeat) for _ in range(3))
    return Result("lay out a 20,000-card journey flowed to a window (cold text caches)", measured, base, None, 300.0)


if __name__ == "__main__":
    for result in (bench_layout(), bench_flowed_layout()):
        print(f"{result.name}: {result.measured_ms:.2f} ms, floor {result.floor_ms:.2f} ms ({result.ratio:.2f}x)")

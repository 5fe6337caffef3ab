"""Where each phase's average label ("gem. 3,5") goes on the experience curve: next to its dashed bar where the
curve's line and dots, the bar and the other labels leave room, so the curve never runs through it.

The curve is a function of x (its points run left to right), so over a label's width its line covers one interval
of heights: a label is clear of the line when that interval, widened by the line's half width, misses it. Places
are tried nearest the bar first: above it, below it, then ever further up and down the lane, each at the bar's
right end, its left end, its middle and along the column, then (a column whose curve zig-zags across the whole
lane) reaching halfway into the columns either side. When no place is clear (a phase with hundreds of scored
cards fills its column), the label goes where it hides the fewest dots. Plain numbers in, so `cjmapper.layout`
can call it without an import cycle.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Box = tuple[float, float, float, float]
"""x, y, width, height."""

LINE_CLEARANCE = 2.5
"""Room kept between a label and the curve's line (half its 2.5-unit width, and a little air)."""
DOT_AIR = 2.0
"""Room kept between a label and a dot's edge (a dot's centre is kept its radius and this far away)."""
BAR_GAP = 4.0
"""Room between a label and its bar."""
EDGE = 2.0
"""Room kept inside the lane and the column."""
SCALE_ROOM = 20.0
"""The score scale's digits at the lane's left end (the first column's labels keep clear of them)."""
STEP = 3.0
"""How far apart the heights tried are."""


def place_labels(
    row: Box,
    columns: Sequence[tuple[float, float]],
    marks: Sequence[tuple[float, float]],
    xs: Sequence[float],
    ys: Sequence[float],
    size: tuple[float, float],
    bar_share: float,
    dot_radius: float,
) -> list[Box]:
    """A box of `size` for each mark (x, y) in its column (left, width) of the lane `row`, clear of the curve
    through the points (`xs` ascending, `ys`), of each mark's bar (`bar_share` of its column's width either side
    of the mark), of its dots (`dot_radius`) and of the labels placed before it."""
    row_x, row_y, row_width, row_height = row
    width, height = size
    clearance = dot_radius + DOT_AIR
    placed: list[Box] = []
    bars = [(x - w * bar_share, x + w * bar_share, y) for (x, y), (_, w) in zip(marks, columns, strict=True)]
    top, bottom = row_y + EDGE, row_y + row_height - EDGE - height

    def search(lefts: list[float], heights: list[float]) -> tuple[int, Box] | None:
        """The first box at these places (heights first) that hides nothing, else the one that hides least."""
        spans = [_line_span(xs, ys, x - LINE_CLEARANCE, x + width + LINE_CLEARANCE) for x in lefts]
        dots = [_dots(xs, ys, x - clearance, x + width + clearance) for x in lefts]
        best: tuple[int, Box] | None = None
        for y in heights:
            for x, span, near in zip(lefts, spans, dots, strict=True):
                box = (x, y, width, height)
                if any(_meets(box, other) for other in placed) or any(_on_bar(box, bar) for bar in bars):
                    continue
                hidden = bisect_right(near, y + height + clearance) - bisect_left(near, y - clearance)
                crossed = span is not None and span[0] <= y + height + LINE_CLEARANCE and span[1] >= y - LINE_CLEARANCE
                cost = 2 * hidden + int(crossed)
                if best is None or cost < best[0]:
                    best = (cost, box)
                if cost == 0:
                    return best
        return best

    for (mark_x, mark_y), (left, column_width), (bar_left, bar_right, _) in zip(marks, columns, bars, strict=True):
        low = max(left + EDGE, row_x + SCALE_ROOM)
        high = max(low, left + column_width - EDGE - width)
        lefts = _unique(
            [bar_right - width, bar_left, mark_x - width / 2] + [low + (high - low) * k / 8 for k in range(9)],
            low,
            high,
        )
        above, below = mark_y - BAR_GAP - height, mark_y + BAR_GAP
        others = sorted(
            (top + STEP * k for k in range(int(max(0.0, bottom - top) // STEP) + 1)),
            key=lambda y: min(abs(y - above), abs(y - below)),
        )
        heights = [above, below, *others]
        heights = [min(max(y, top), max(top, bottom)) for y in heights]
        best = search(lefts, heights)
        if best is None or best[0] > 0:
            # No clear place in the column (its curve zig-zags across the whole lane): reach halfway into the
            # columns either side, still at the bar's height where that is clear.
            wide_low = max(row_x + SCALE_ROOM, left - width / 2)
            wide_high = max(wide_low, min(row_x + row_width - EDGE - width, left + column_width - width / 2))
            wider = search(_unique([wide_low + (wide_high - wide_low) * k / 16 for k in range(17)],
                                   wide_low, wide_high), heights)  # fmt: skip
            if wider is not None and (best is None or wider[0] < best[0]):
                best = wider
        placed.append(best[1] if best is not None else (lefts[0], heights[0], width, height))
    return placed


def _unique(values: list[float], low: float, high: float) -> list[float]:
    seen: list[float] = []
    for value in values:
        value = min(max(value, low), high)
        if all(abs(value - other) > 0.5 for other in seen):
            seen.append(value)
    return seen


def _line_span(xs: Sequence[float], ys: Sequence[float], left: float, right: float) -> tuple[float, float] | None:
    """The heights the curve's line takes between x = left and x = right (None where it does not run)."""
    if not xs or right < xs[0] or left > xs[-1]:
        return None
    first, last = bisect_left(xs, left), bisect_right(xs, right)
    heights = list(ys[first:last])
    for x in (left, right):
        i = bisect_left(xs, x)
        if 0 < i < len(xs):
            x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
            heights.append(y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y0)
    return (min(heights), max(heights)) if heights else None


def _dots(xs: Sequence[float], ys: Sequence[float], left: float, right: float) -> list[float]:
    """The heights of the dots between x = left and x = right, in ascending order."""
    return sorted(ys[bisect_left(xs, left) : bisect_right(xs, right)])


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _on_bar(box: Box, bar: tuple[float, float, float]) -> bool:
    left, right, y = bar
    x, top, width, height = box
    return x < right and left < x + width and top < y + 1.5 and y - 1.5 < top + height

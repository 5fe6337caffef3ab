"""How deep a map's cells are: the most cards one card column of a cell holds before the cell's next card column
starts (`Metrics.cards_per_column`), one number for the whole map, chosen so that the map comes as close as it can
to a target's shape (width / height: a poster page's map area, a window) at the largest card scale.

A map whose fullest cell holds a handful of cards (`HANDFUL`) never flows: one card column per phase, as always.
`cjmapper.layout` asks for the number when it is given a target shape, and lays the cells out with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

HANDFUL = 6
"""A cell of this many cards or fewer stays one column; a card column never stops short of this many cards."""


class Sizes(Protocol):
    """The sizes of a map the choice reads (a `cjmapper.layout.Metrics`)."""

    @property
    def lane_header_width(self) -> float: ...
    @property
    def phase_header_height(self) -> float: ...
    @property
    def card_width(self) -> float: ...
    @property
    def cell_padding(self) -> float: ...
    @property
    def card_gap(self) -> float: ...
    @property
    def drop_room(self) -> float: ...
    @property
    def empty_cell_height(self) -> float: ...


class _Map:
    """A map's cells as card heights, measured at any depth with the sums a layout makes (near enough to choose)."""

    def __init__(self, grid: Sequence[Sequence[Sequence[float]]], fixed_height: float, m: Sizes) -> None:
        self.m = m
        self.fixed_height = fixed_height
        gap = m.card_gap
        # Per phase, per card lane: the running sums of height and gap, so a card column's height is one difference.
        self.sums: list[list[list[float]]] = []
        self.lanes = max((len(phase) for phase in grid), default=0)
        for phase in grid:
            sums: list[list[float]] = []
            for heights in phase:
                running = [0.0]
                total = 0.0
                for height in heights:
                    total += height + gap
                    running.append(total)
                sums.append(running)
            self.sums.append(sums)
        self.fullest = max((len(s) - 1 for phase in self.sums for s in phase), default=0)

    def size(self, depth: int) -> tuple[float, float]:
        """The map's width and height when a card column holds at most `depth` cards."""
        m = self.m
        gap = m.card_gap
        width = m.lane_header_width
        lane_heights = [m.empty_cell_height] * self.lanes
        for phase in self.sums:
            columns = 1
            for lane, running in enumerate(phase):
                count = len(running) - 1
                if not count:
                    continue
                columns = max(columns, -(-count // depth))
                stack = 0.0
                for start in range(0, count, depth):
                    column = running[min(count, start + depth)] - running[start]
                    if column > stack:
                        stack = column
                content = 2 * m.cell_padding + m.drop_room + stack - gap
                if content > lane_heights[lane]:
                    lane_heights[lane] = content
            width += columns * (m.card_width + gap) - gap + 2 * m.cell_padding
        return width, m.phase_header_height + self.fixed_height + sum(lane_heights)


def choose_depth(grid: Sequence[Sequence[Sequence[float]]], fixed_height: float, m: Sizes, aspect: float) -> int:
    """The most cards per card column (0: no limit, one column per phase) at which the map fits a target of shape
    `aspect` (width / height) at the largest scale.

    `grid` holds, phase by phase, each card lane's cell as its cards' heights top to bottom (every phase the same
    lanes); `fixed_height` is the height of the lanes that hold no cards."""
    shape = _Map(grid, fixed_height, m)
    fullest = shape.fullest
    if fullest <= HANDFUL or aspect <= 0:
        return 0

    def ratio(depth: int) -> float:
        width, height = shape.size(depth)
        return width / height

    def scale(depth: int) -> float:
        width, height = shape.size(depth)
        return min(aspect / width, 1 / height)

    if ratio(fullest) >= aspect:  # one column per phase is already at least as wide as the target
        return 0
    # Deeper columns make the map narrower and taller: find the shallowest depth at which it is no wider than
    # the target, then take the best of it and its neighbours (card heights vary, so the ratio is nearly monotone).
    low, high = HANDFUL, fullest
    while low < high:
        middle = (low + high) // 2
        if ratio(middle) <= aspect:
            high = middle
        else:
            low = middle + 1
    candidates = range(max(HANDFUL, low - 2), min(fullest, low + 2) + 1)
    best = max(candidates, key=lambda depth: (scale(depth), depth))
    return 0 if best >= fullest else best


__all__ = ["HANDFUL", "Sizes", "choose_depth"]

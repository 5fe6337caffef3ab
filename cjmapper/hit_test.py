"""Where on a laid-out map a point is: the card cell under it (`cell_at`), the cells with cards in an area
(`cells_in`), the place among a cell's cards where a card dropped there lands (`drop_index`, by the card column under
x and the height in it), and where that place is on the map (`slot_after`: the drop line the canvas shows is where
the card will stand)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from cjmapper.layout import CellBox, LaneBox, Layout, PhaseBox, card_columns


def cell_at(layout: Layout, x: float, y: float) -> CellBox | None:
    """The card cell under a scene point, or None (headers, emotions lanes, outside)."""
    column = bisect_right(layout.phases, x, key=_column_x) - 1
    row = bisect_right(layout.lanes, y, key=_row_y) - 1
    if column < 0 or row < 0:
        return None
    phase = layout.phases[column]
    lane = layout.lanes[row]
    if not (phase.column.x <= x < phase.column.right and lane.row.y <= y < lane.row.bottom):
        return None
    return layout.cells.get((phase.phase_id, lane.lane_id))


def cells_in(layout: Layout, left: float, top: float, right: float, bottom: float) -> Iterator[CellBox]:
    """The cells holding cards whose phase column and lane row reach into the area (scene coordinates): only those
    are looked through, so a view of a few hundred cards on a map of 20,000 costs a few cells."""
    lanes = [lane for lane in layout.lanes if lane.row.bottom >= top and lane.row.y <= bottom]
    for phase in layout.phases:
        column = phase.column
        if column.right < left or column.x > right:
            continue
        for lane in lanes:
            cell = layout.cells.get((phase.phase_id, lane.lane_id))
            if cell is not None and cell.card_ids:
                yield cell


def cards_in(layout: Layout, left: float, top: float, right: float, bottom: float) -> Iterator[int]:
    """The ids of the cards whose rects reach into the area (scene coordinates), cell by cell (`cells_in`). In a
    cell of one card column the cards above the area are skipped by bisection; a cell flowed into several columns
    (`CellBox.depth`) starts again at the top with each column, so each of its cards is looked at."""
    boxes = layout.cards

    def bottom_of(card_id: int) -> float:
        return boxes[card_id].rect.bottom

    for cell in cells_in(layout, left, top, right, bottom):
        ids = cell.card_ids
        one_column = not cell.depth
        for card_id in ids[bisect_right(ids, top, key=bottom_of) :] if one_column else ids:
            r = boxes[card_id].rect
            if r.y > bottom:
                if one_column:
                    break
                continue
            if r.bottom >= top and r.x <= right and r.x + r.width >= left:
                yield card_id


def _column_x(phase: PhaseBox) -> float:
    return phase.column.x


def _row_y(lane: LaneBox) -> float:
    return lane.row.y


def drop_index(layout: Layout, cell: CellBox, x: float, y: float, moving: frozenset[int] = frozenset()) -> int:
    """Where a card dropped at (`x`, `y`) lands among the cell's cards other than `moving` (0 = top of the first
    card column): the card column under `x` (after the cell's last card right of its last card column), then the
    place in it by `y`."""
    cards = layout.cards
    ids = cell.card_ids
    m = layout.metrics
    depth = cell.depth
    start, end = 0, len(ids)
    if depth and end > depth:
        column = int((x - cell.rect.x - m.cell_padding + m.card_gap / 2) // (m.card_width + m.card_gap))
        if column >= card_columns(end, depth):
            start = end
        else:
            start = max(0, column) * depth
            end = min(end, start + depth)

    def centre(card_id: int) -> float:
        rect = cards[card_id].rect
        return rect.y + rect.height / 2

    # Centres grow down a card column, so the first card whose centre lies below y is found by bisection; moving
    # cards of this cell before that place do not count.
    place = bisect_right(ids, y, lo=start, hi=end, key=centre) if start < end else start
    before = 0
    for card_id in moving:
        card = cards.get(card_id)
        if card is not None and card.index < place and (card.phase_id, card.lane_id) == (cell.phase_id, cell.lane_id):
            before += 1
    return place - before


def slot_after(layout: Layout, cell: CellBox, card_ids: Sequence[int]) -> tuple[float, float]:
    """The top left corner of the card that follows `card_ids` (laid-out cards, in this order) at the top of `cell`:
    where a card dropped after them lands."""
    m = layout.metrics
    depth = cell.depth
    cards = layout.cards
    count = len(card_ids)
    column, first = (count // depth, count - count % depth) if depth else (0, 0)
    y = cell.rect.y + m.cell_padding
    for card_id in card_ids[first:]:
        y += cards[card_id].rect.height + m.card_gap
    return cell.rect.x + m.cell_padding + column * (m.card_width + m.card_gap), y

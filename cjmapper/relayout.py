"""Laying a map out again after some of its cards changed, touching only what they touched.

`update_layout(layout, journey, changed, card)` gives what `compute_layout(journey, layout.metrics)` would: the
cells the changed cards left or entered are laid out again (flowing into card columns with the layout's
`cards_per_column`, which an edit never changes, spread evenly over their phase's card columns; when a phase's
fullest cell gains or loses a card column, the map is laid out afresh); a lane that grew or shrank moves the lanes
below it, whose cells keep their cards' boxes until they are read (`CardBoxes` places them again then, with the same
arithmetic, so every number is the one a full layout gives); the curves are made again from each cell's scored
cards, their points only when drawn (`CurvePoints`). The canvas calls it after every change of cards only.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from cjmapper.layout import (
    CardBox,
    CardBoxes,
    CardText,
    CellBox,
    LaneBox,
    Layout,
    PhaseBox,
    Rect,
    Scored,
    Wrapped,
    _card,
    _curves,
    _position,
    _rect,
    card_columns,
    cell_content,
    cell_depth,
    compute_layout,
    phase_columns,
    phase_runs,
)
from cjmapper.model import Journey, Touchpoint

Cell = tuple[int, int]
_Row = tuple[Touchpoint, Wrapped, str]
"""A card of a touched cell, with its wrapped text, height and channel name."""


@dataclass(frozen=True, slots=True)
class LayoutUpdate:
    """What `update_layout` changed: the new layout, and what in it may differ from before (everything else kept
    its objects)."""

    layout: Layout
    cells: frozenset[Cell]
    """Cells laid out again: the cells the changed cards left or entered."""
    moved: frozenset[int]
    """Lanes whose row moved or changed height (with their cells; their cards moved with them)."""
    lanes_changed: bool
    """Some lane or phase box is another object than before."""


def update_layout(
    layout: Layout, journey: Journey, changed: Collection[int], card: Callable[[int], Touchpoint | None]
) -> LayoutUpdate:
    """The layout of `journey` after the cards `changed` (added, removed, or changed in fields or place) changed,
    from `layout`, the layout before; equal to `compute_layout(journey, layout.metrics)`.

    `card(id)` is the journey's card with that id now (None: gone); every card not in `changed` must be the one
    `layout` was made from, in the same place. The phases and lanes must be the ones `layout` was made from (else
    the journey is laid out afresh, and every cell and lane counts as changed)."""
    m = layout.metrics
    same_grid = len(journey.phases) == len(layout.phases) and len(journey.lanes) == len(layout.lanes)
    if same_grid:
        same_grid = all(p.id == box.phase_id for p, box in zip(journey.phases, layout.phases, strict=True)) and all(
            lane.id == box.lane_id for lane, box in zip(journey.lanes, layout.lanes, strict=True)
        )
    if not same_grid or not isinstance(layout.cards, CardBoxes):
        fresh = compute_layout(journey, m)
        return LayoutUpdate(fresh, frozenset(fresh.cells), frozenset(lane.lane_id for lane in fresh.lanes), True)
    old_cells = layout.cells
    old_cards = layout.cards
    changed = set(changed)

    # The cells the changed cards left or entered, with the changed cards now in each.
    entering: dict[Cell, list[Touchpoint]] = {}
    touched: set[Cell] = set()
    for card_id in changed:
        if card_id in old_cards:
            before = old_cards.as_before(card_id)
            touched.add((before.phase_id, before.lane_id))
        now = card(card_id)
        if now is not None:
            key = (now.phase_id, now.lane_id)
            if key in old_cells:  # a card lane's cell (cards elsewhere are not laid out, as in compute_layout)
                touched.add(key)
                entering.setdefault(key, []).append(now)
    if not touched:
        return LayoutUpdate(layout, frozenset(), frozenset(), False)

    placed = _wrap_cells(layout, journey, touched, entering, changed, card)
    depth = m.cards_per_column
    if depth and _columns_changed(layout, placed, {key[0] for key in touched}):  # a phase grew or shrank sideways
        fresh = compute_layout(journey, m)
        return LayoutUpdate(fresh, frozenset(fresh.cells), frozenset(lane.lane_id for lane in fresh.lanes), True)

    # Each touched cell's depth: its cards spread over its phase's card columns (which stayed as they were).
    columns = {phase.phase_id: phase_columns(phase, m) for phase in layout.phases}
    depths = {key: cell_depth(len(rows), columns[key[0]], depth) for key, rows in placed.items()}

    # The touched lanes' heights again: their tallest cell, at least an empty cell's (summed card by card as
    # compute_layout does, so the sums are the same numbers).
    heights = {box.lane_id: box.row.height for box in layout.lanes}
    contents = dict(layout.contents)
    for lane_id in {key[1] for key in touched}:
        height = m.empty_cell_height
        for phase in layout.phases:
            key = (phase.phase_id, lane_id)
            content = None if key in placed else contents.get(key)  # an untouched cell's, as before
            if content is None:
                if key in placed:
                    sizes = [row[1][2] for row in placed[key]]
                    cell_deep = depths[key]
                else:
                    sizes = [old_cards.as_before(i).rect.height for i in old_cells[key].card_ids]
                    cell_deep = old_cells[key].depth
                if not sizes:
                    contents.pop(key, None)
                    continue
                content = contents[key] = cell_content(sizes, cell_deep, m)
            if content > height:
                height = content
        heights[lane_id] = height

    # Lanes top to bottom; a lane whose place or height changed gets a new box.
    lanes: list[LaneBox] = []
    moved: set[int] = set()
    shifted: set[int] = set()
    y = m.phase_header_height
    for box in layout.lanes:
        height = heights[box.lane_id]
        if box.row.y == y and box.row.height == height:
            lanes.append(box)
        else:
            moved.add(box.lane_id)
            if box.row.y != y:
                shifted.add(box.lane_id)
            header = Rect(0.0, y, m.lane_header_width, height)
            lanes.append(LaneBox(box.lane_id, box.index, header, Rect(m.lane_header_width, y, box.row.width, height)))
        y += height
    total_height = y
    phases = layout.phases
    if total_height != layout.height:
        grid_height = total_height - m.phase_header_height
        phases = tuple(
            PhaseBox(p.phase_id, p.index, p.header, Rect(p.column.x, p.column.y, p.column.width, grid_height))
            for p in phases
        )

    # Touched cells laid out again; the cells of a lane that moved get their new rect, their cards' boxes are
    # placed again when read (when the lane only grew or shrank, its cards stand where they stood).
    cell_boxes = dict(old_cells)
    boxes = old_cards.boxes_as_before()
    waiting = old_cards.moved_cells()
    for card_id in changed:
        boxes.pop(card_id, None)
    scored = dict(layout.scored)
    for lane_box in lanes:
        lane_id = lane_box.lane_id
        row = lane_box.row
        lane_moved = lane_id in moved
        for phase_box in phases:
            key = (phase_box.phase_id, lane_id)
            if key not in old_cells:
                continue
            column = phase_box.column
            if key in touched:
                rows = placed[key]
                cell_deep = depths[key]
                card_x = column.x + m.cell_padding
                top = card_y = row.y + m.cell_padding
                gap = m.card_gap
                stale = False
                for index, (t, (lines, elided, height, notes), label) in enumerate(rows):
                    if cell_deep and index and not index % cell_deep:
                        card_x += m.card_width + gap
                        card_y = top
                    if t.id in changed:
                        boxes[t.id] = _card(
                            t.id, t.phase_id, lane_id, index, _rect(card_x, card_y, m.card_width, height),
                            lines, elided, label, notes,
                        )  # fmt: skip
                    elif not stale:  # an unchanged card that stays where it was keeps its box
                        kept = boxes[t.id]
                        stale = kept.index != index or kept.rect.y != card_y or kept.rect.x != card_x
                    card_y += height + gap
                if stale:  # the cards that moved up or down in the cell are placed again when read
                    waiting.add(key)
                else:
                    waiting.discard(key)
                ids = tuple(row[0].id for row in rows)
                scored[key] = tuple((t.id, t.score) for t, _, _ in rows if t.score is not None)
            elif lane_moved:
                if lane_id in shifted:
                    waiting.add(key)
                ids = old_cells[key].card_ids
                cell_deep = old_cells[key].depth
            else:
                continue
            cell_boxes[key] = CellBox(key[0], lane_id, Rect(column.x, row.y, column.width, row.height), ids, cell_deep)

    kinds = {lane.id: lane.kind for lane in journey.lanes}
    runs = phase_runs(lanes, phases, scored, {key[0] for key in touched}, layout.phase_scores)
    curves = _curves(lanes, [kinds[lane.lane_id] for lane in lanes], phases, runs, m, journey)
    cards = CardBoxes(boxes, cell_boxes, waiting, m)
    fresh = Layout(
        layout.width, total_height, m, phases, tuple(lanes), cell_boxes, cards, curves, scored, runs, contents
    )
    return LayoutUpdate(fresh, frozenset(touched), frozenset(moved), bool(moved) or phases is not layout.phases)


def _columns_changed(layout: Layout, placed: dict[Cell, list[_Row]], phases: set[int]) -> bool:
    """Whether one of these phases' fullest cell now has another number of card columns than before."""
    depth = layout.metrics.cards_per_column
    lanes = [lane.lane_id for lane in layout.lanes]
    for phase_id in phases:
        before = now = 1
        for lane_id in lanes:
            cell = layout.cells.get((phase_id, lane_id))
            if cell is None:
                continue
            count = len(cell.card_ids)
            before = max(before, card_columns(count, depth))
            rows = placed.get((phase_id, lane_id))
            now = max(now, card_columns(count if rows is None else len(rows), depth))
        if before != now:
            return True
    return False


def _wrap_cells(
    layout: Layout,
    journey: Journey,
    touched: set[Cell],
    entering: dict[Cell, list[Touchpoint]],
    changed: set[int],
    card: Callable[[int], Touchpoint | None],
) -> dict[Cell, list[_Row]]:
    """Each touched cell's cards in order, with their wrapped text, height and channel name (kept from before for
    a card that did not change)."""
    cards = layout.cards
    assert isinstance(cards, CardBoxes)
    text = CardText(layout.metrics, journey.language)
    placed: dict[Cell, list[_Row]] = {}
    for key in touched:
        members = [c for i in layout.cells[key].card_ids if i not in changed and (c := card(i)) is not None]
        members += entering.get(key, ())
        members.sort(key=_position)
        rows: list[_Row] = []
        for t in members:
            if t.id in changed:
                rows.append((t, text.wrap(t), text.label(t.channel)))
            else:
                kept: CardBox = cards.as_before(t.id)
                wrapped = (kept.title_lines, kept.title_elided, kept.rect.height, kept.note_lines)
                rows.append((t, wrapped, kept.channel_label))
        placed[key] = rows
    return placed


__all__ = ["LayoutUpdate", "Scored", "update_layout"]

"""Card order within a cell, kept as gapped integer sort keys.

Cards in a cell are ordered by `position`, a sort key spaced `GAP` apart when a cell is (re)numbered. Placing
cards between two others gives them keys in the gap, so a move or an insert writes only the cards that move,
however full the cell; only when a gap is used up are other cards renumbered: first only a few around the place,
spread evenly between the keys of the cards just outside them (a window that grows until the cards fit with room to
spare), and the whole cell only when the window reaches one of its ends. A spread stays within the keys already
there, and a whole renumbering starts again from `GAP`, so keys fit a 32-bit integer column for the largest journey
the format allows (100,000 cards x 1024)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, bindparam, func, select, update
from sqlalchemy.engine import Connection

from cjmapper.store.tables import TOUCHPOINTS

GAP = 1024
SPREAD_WINDOW = 8
"""How many cards on each side of a used-up gap a spread renumbers at first (the window then grows fourfold)."""
MIN_STEP = GAP // 32
"""The least gap a spread leaves between keys: room for a few more cards before the next one."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one card stands: its cell and its sort key there."""

    touchpoint_id: int
    phase_id: int
    lane_id: int
    position: int


@dataclass(frozen=True, slots=True)
class Renumbering:
    """The cards of a cell that got new sort keys because the gap an edit needed had run out: where each stood
    before and where it stands after (the same cell, another key), in the cell's order. Both are empty when no
    gap ran out. Putting `before` back (`Library.arrange`) undoes the renumbering exactly."""

    before: tuple[Placement, ...] = ()
    after: tuple[Placement, ...] = ()


def keys_between(before: int | None, after: int | None, count: int) -> list[int] | None:
    """`count` increasing keys strictly between `before` and `after` (None: no neighbour on that side),
    or None when the gap is too small and the cell needs renumbering first."""
    if before is None and after is None:
        return [GAP * (i + 1) for i in range(count)]
    if before is None:
        assert after is not None
        return [after - GAP * (count - i) for i in range(count)]
    if after is None:
        return [before + GAP * (i + 1) for i in range(count)]
    step = (after - before) // (count + 1)
    if step < 1:
        return None
    return [before + step * (i + 1) for i in range(count)]


def place(
    conn: Connection, phase_id: int, lane_id: int, index: int | None, count: int, moving: Collection[int]
) -> tuple[list[int], Renumbering]:
    """Keys for `count` cards to stand at `index` (None: the end) among the cell's cards other than `moving`,
    and the renumbering of those other cards it took to make room (empty when the gap sufficed)."""
    before, after = _neighbours(conn, phase_id, lane_id, index, moving)
    keys = keys_between(before, after, count)
    if keys is not None:
        return keys, Renumbering()
    assert index is not None  # only a gap between two cards runs out
    spread = _spread(conn, phase_id, lane_id, index, count, moving)
    if spread is not None:
        return spread
    renumbered = renumber(conn, phase_id, lane_id, moving, room=(index, count))
    before, after = _neighbours(conn, phase_id, lane_id, index, moving)
    keys = keys_between(before, after, count)
    assert keys is not None
    return keys, renumbered


def _spread(
    conn: Connection, phase_id: int, lane_id: int, index: int, count: int, moving: Collection[int]
) -> tuple[list[int], Renumbering] | None:
    """Make room for `count` cards at rank `index` by spreading the keys of the cards around it evenly between the
    keys just outside them, in a window that grows until the step is at least `MIN_STEP`. Writes, and returns,
    the new cards' keys and the renumbering; None (nothing written) when the window reaches an end of the cell."""
    which, parameters = _cell_parameters(phase_id, lane_id, moving)
    reach = SPREAD_WINDOW
    while index - reach > 0:
        first = index - reach - 1  # the rank of the card just left of the window
        rows = conn.execute(_CELL_AT[which], parameters | {"at": first, "count": 2 * reach + 2}).all()
        if len(rows) < 2 * reach + 2:
            return None  # the window reaches the cell's last card
        low, high = int(rows[0].position), int(rows[-1].position)
        window = [(int(row.id), int(row.position)) for row in rows[1:-1]]
        slots = len(window) + count
        step = (high - low) // (slots + 1)
        if step >= MIN_STEP:
            keys = [low + step * (i + 1) for i in range(slots)]
            new = keys[:reach] + keys[reach + count :]
            old: list[Placement] = []
            renumbered: list[Placement] = []
            for (card_id, key), placed in zip(window, new, strict=True):
                if key != placed:
                    old.append(Placement(card_id, phase_id, lane_id, key))
                    renumbered.append(Placement(card_id, phase_id, lane_id, placed))
            if renumbered:
                conn.execute(_RENUMBER, [{"tid": p.touchpoint_id, "pos": p.position} for p in renumbered])
            return keys[reach : reach + count], Renumbering(tuple(old), tuple(renumbered))
        reach *= 4
    return None


def renumber(
    conn: Connection, phase_id: int, lane_id: int, skip: Collection[int] = (), room: tuple[int, int] = (0, 0)
) -> Renumbering:
    """Space the cell's keys `GAP` apart again, keeping their order (cards in `skip` are left alone), with room
    for `room[1]` more keys before the card of rank `room[0]` (so that many cards fit there however many they
    are). Writes, and returns, only the cards whose key changed."""
    at, extra = room
    old: list[Placement] = []
    new: list[Placement] = []
    for rank, (card_id, key) in enumerate(_cell(conn, phase_id, lane_id, skip)):
        placed = GAP * (rank + 1 + (extra if rank >= at else 0))
        if key != placed:
            old.append(Placement(card_id, phase_id, lane_id, key))
            new.append(Placement(card_id, phase_id, lane_id, placed))
    if new:
        conn.execute(_RENUMBER, [{"tid": p.touchpoint_id, "pos": p.position} for p in new])
    return Renumbering(tuple(old), tuple(new))


# The statements are built once (an edit runs them in well under a millisecond; building them each time cost more).
_IN_CELL = (TOUCHPOINTS.c.phase_id == bindparam("phase"), TOUCHPOINTS.c.lane_id == bindparam("lane"))
_NOT_MOVING = {
    "one": TOUCHPOINTS.c.id != bindparam("moving"),
    "many": TOUCHPOINTS.c.id.not_in(bindparam("moving", expanding=True)),
}
"""Leaves out the cards the `moving` parameter names: one (a plain comparison is cheaper to run), or a list."""
_MOVING = ("none", "one", "many")


def _leaving_out(moving: str) -> tuple[ColumnElement[bool], ...]:
    return () if moving == "none" else (_NOT_MOVING[moving],)


_ORDER = (TOUCHPOINTS.c.position, TOUCHPOINTS.c.id)
_RENUMBER = update(TOUCHPOINTS).where(TOUCHPOINTS.c.id == bindparam("tid")).values(position=bindparam("pos"))
_CELL = {
    moving: select(TOUCHPOINTS.c.id, TOUCHPOINTS.c.position).where(*_IN_CELL, *_leaving_out(moving)).order_by(*_ORDER)
    for moving in _MOVING
}
"""A cell's (id, key) pairs in order; with `moving`, without the cards the `moving` parameter lists."""
_CELL_AT = {moving: _CELL[moving].limit(bindparam("count")).offset(bindparam("at")) for moving in _MOVING}
"""`_CELL` from rank `at` on, at most `count` pairs."""
_KEYS_AT = {
    moving: select(TOUCHPOINTS.c.position)
    .where(*_IN_CELL, *_leaving_out(moving))
    .order_by(*_ORDER)
    .limit(bindparam("count"))
    .offset(bindparam("at"))
    for moving in _MOVING
}
"""The keys of the cell's cards from rank `at` on, at most `count` of them."""
_LAST_KEY = {
    moving: select(func.max(TOUCHPOINTS.c.position)).where(*_IN_CELL, *_leaving_out(moving)) for moving in _MOVING
}


def _cell_parameters(phase_id: int, lane_id: int, moving: Collection[int]) -> tuple[str, dict[str, object]]:
    """Which of the statements to run (by how many cards it leaves out) and their parameters."""
    parameters: dict[str, object] = {"phase": phase_id, "lane": lane_id}
    if not moving:
        return "none", parameters
    if len(moving) == 1:
        [parameters["moving"]] = moving
        return "one", parameters
    parameters["moving"] = list(moving)
    return "many", parameters


def _cell(conn: Connection, phase_id: int, lane_id: int, skip: Collection[int]) -> list[tuple[int, int]]:
    """The cell's (id, key) pairs in order, without the cards in `skip`."""
    which, parameters = _cell_parameters(phase_id, lane_id, skip)
    rows = conn.execute(_CELL[which], parameters).all()
    return [(int(row.id), int(row.position)) for row in rows]


def _neighbours(
    conn: Connection, phase_id: int, lane_id: int, index: int | None, moving: Collection[int]
) -> tuple[int | None, int | None]:
    """Keys of the cards that will stand just before and just after position `index`."""
    which, parameters = _cell_parameters(phase_id, lane_id, moving)
    if index is not None:
        at, count = (0, 1) if index <= 0 else (index - 1, 2)
        keys = [int(k) for k in conn.execute(_KEYS_AT[which], parameters | {"at": at, "count": count}).scalars()]
        if index <= 0 and keys:
            return None, keys[0]
        if len(keys) == 2:
            return keys[0], keys[1]
        if keys:  # the card at index - 1 is the last
            return keys[0], None
    last = conn.execute(_LAST_KEY[which], parameters).scalar()
    return (None if last is None else int(last)), None

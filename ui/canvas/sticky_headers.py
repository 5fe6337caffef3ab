"""Sticky headers: on the canvas, zoomed in, the phase headers stay at the top of the view and the lane headers at
its left, the corner (the journey's title) where they meet, each drawn above the cards it slides over.

The view tells its scene which part of the map it shows (`JourneyScene.pin_headers`); the headers are moved there
and stay inside the map (a header never leaves its phase's column or lane's row sideways, and never slides past
the map's far edge). A scene without a view (a picture's) keeps every header where the layout put it, and the
poster draws from the layout, so neither is affected.

A stuck header takes little of the view: where the lane headers at their full width would cover more than
`STUCK_SHARE` of the view's width, they stick as a narrow column (`narrow_lane_width`: the colour stripe,
the icon and the name upright), at most that share wide; the phase headers likewise as a short row
(`short_phase_height`: the name on one line and the average). The full header first scrolls away as any
content does, until only as much of it is left in view as the narrow one takes; from there the narrow one stays. So
the column never leaves an empty gap beside it, and a header at its own place looks as it always did. A phase header
the column lies over draws its name and figures beside the column (`PhaseHeaderItem.set_inset`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from cjmapper.layout import Layout

from .grid_items import CornerItem, LaneHeaderItem, PhaseHeaderItem, narrow_lane_width, short_phase_height
from .items import Z_HEADER

Z_PHASE_HEADER = Z_HEADER + 1
"""Phase headers pass over the lane headers where both are stuck (the top-left of the view)."""
Z_CORNER = Z_HEADER + 2
"""The corner stays above both."""
STUCK_SHARE = 0.14
"""The most of the view's width the stuck lane column covers, and of its height the stuck phase row (a seventh: under
15% whole pixels included)."""


def pin_headers(
    layout: Layout,
    phases: Iterable[PhaseHeaderItem],
    lanes: Iterable[LaneHeaderItem],
    corner: CornerItem,
    shown: QRectF | None,
    moving: QGraphicsItem | None = None,
) -> None:
    """Place the headers for a view that shows `shown` (scene coordinates; None: where the layout puts them).
    `moving`: a header being dragged, left where the drag has it (its drag sets its stacking)."""
    on_view = shown is not None  # the stacking too: a picture draws its items in the order it always did
    corner_rect = corner_at(layout, shown)
    column = (corner_rect.left(), corner_rect.width())
    row = (corner_rect.top(), corner_rect.height())
    for phase in phases:
        if phase is moving:
            continue
        box = phase.box.header
        phase.setZValue(Z_PHASE_HEADER if on_view else Z_HEADER)
        phase.set_height(row[1])
        phase.set_inset(column[0] + column[1] - box.x if on_view else 0.0)
        _move(phase, box.x, row[0])
    for lane in lanes:
        if lane is moving:
            continue
        box = lane.box.header
        span = None if shown is None else (row[0] + row[1] - box.y, shown.bottom() - box.y)
        lane.set_width(column[1], span)
        _move(lane, column[0], box.y)
    corner.setZValue(Z_CORNER if on_view else Z_HEADER)
    corner.set_size(column[1], row[1])
    _move(corner, column[0], row[0])


def corner_at(layout: Layout, shown: QRectF | None) -> QRectF:
    """Where the corner goes for a view that shows `shown` (None: where the layout puts it): its left and width are
    the lane column's, its top and height the phase row's."""
    m = layout.metrics
    if shown is None:
        return QRectF(0.0, 0.0, m.lane_header_width, m.phase_header_height)
    short = _within(m.phase_header_height, short_phase_height(m), STUCK_SHARE * shown.height())
    narrow = _within(m.lane_header_width, narrow_lane_width(m), STUCK_SHARE * shown.width())
    top, height = _stuck(0.0, m.phase_header_height, short, shown.top(), layout.height)
    left, width = _stuck(0.0, m.lane_header_width, narrow, shown.left(), layout.width)
    return QRectF(left, top, width, height)


def _within(full: float, small: float, cap: float) -> float:
    """A stuck header's extent: `full` where that is within `cap`, else the `small` form, and no more than `cap`."""
    return full if full <= cap else min(small, cap)


def _stuck(home: float, full: float, stuck: float, edge: float, end: float) -> tuple[float, float]:
    """A header's place and extent along one axis: at home at its `full` extent while at least `stuck` of it is in
    view past the view's `edge`, else at the edge at the `stuck` extent (never past the map's `end`)."""
    if edge <= home or home + full - edge >= stuck:
        return home, full
    return max(home, min(edge, end - stuck)), stuck


def _move(item: QGraphicsItem, x: float, y: float) -> None:
    if item.x() != x or item.y() != y:
        item.setPos(x, y)


__all__ = ["STUCK_SHARE", "Z_CORNER", "Z_PHASE_HEADER", "corner_at", "pin_headers"]

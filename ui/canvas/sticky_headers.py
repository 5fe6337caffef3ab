"""Sticky headers: on the canvas, zoomed in, the phase headers stay at the top of the view and the lane headers at
its left, the corner (the journey's title) where they meet, each drawn above the cards it slides over.

The view tells its scene which part of the map it shows (`JourneyScene.pin_headers`); the headers are moved there
and stay inside the map (a header never leaves its phase's column or lane's row sideways, and never slides past
the map's far edge). A scene without a view (a picture's) keeps every header where the layout put it, and the
poster draws from the layout, so neither is affected.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from cjmapper.layout import Layout

from .grid_items import CornerItem, LaneHeaderItem, PhaseHeaderItem
from .items import Z_HEADER

Z_PHASE_HEADER = Z_HEADER + 1
"""Phase headers pass over the lane headers where both are stuck (the top-left of the view)."""
Z_CORNER = Z_HEADER + 2
"""The corner stays above both."""


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
    top = shown.top() if shown is not None else float("-inf")
    left = shown.left() if shown is not None else float("-inf")
    on_view = shown is not None  # the stacking too: a picture draws its items in the order it always did
    for phase in phases:
        if phase is moving:
            continue
        box = phase.box.header
        phase.setZValue(Z_PHASE_HEADER if on_view else Z_HEADER)
        _move(phase, box.x, _stuck(box.y, top, layout.height - box.height))
    for lane in lanes:
        if lane is moving:
            continue
        box = lane.box.header
        _move(lane, _stuck(box.x, left, layout.width - box.width), box.y)
    corner.setZValue(Z_CORNER if on_view else Z_HEADER)
    rect = corner.rect()
    _move(corner, _stuck(0.0, left, layout.width - rect.width()), _stuck(0.0, top, layout.height - rect.height()))


def _stuck(home: float, edge: float, last: float) -> float:
    """A header's place along one axis: at home, or at the view's edge once that is past it (never past `last`)."""
    return home if edge <= home else max(home, min(edge, last))


def _move(item: QGraphicsItem, x: float, y: float) -> None:
    if item.x() != x or item.y() != y:
        item.setPos(x, y)


__all__ = ["Z_CORNER", "Z_PHASE_HEADER", "pin_headers"]

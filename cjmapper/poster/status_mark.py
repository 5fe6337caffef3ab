"""A card's status mark on the poster (`cjmapper.status_mark` says where and how)."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper.layout import CardParts
from cjmapper.model import CardStatus
from cjmapper.status_mark import status_mark
from cjmapper.style import rgb


def draw_status_mark(c: Canvas, status: CardStatus | None, parts: CardParts) -> None:
    """Draw a card's mark in its slot (`parts.status`), with the origin at the card's top left (the poster's y grows
    upward, so the mark's y is negated); nothing when it has no status."""
    mark = status_mark(status, parts.status, parts.scale)
    if mark is None:
        return
    x, y, r = mark.cx, -mark.cy, mark.radius
    colour = rgb(mark.colour)
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.setStrokeColorRGB(*colour)
    c.setLineWidth(mark.line)
    c.circle(x, y, r, stroke=0, fill=1)
    c.setFillColorRGB(*colour)
    if mark.filled >= 1:
        c.circle(x, y, r, stroke=0, fill=1)
    elif mark.filled > 0:
        c.wedge(x - r, y - r, x + r, y + r, 90, 180, stroke=0, fill=1)  # the left half
    c.circle(x, y, r, stroke=1, fill=0)
    c.restoreState()

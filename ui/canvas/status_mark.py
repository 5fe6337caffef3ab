"""A card's status mark on the canvas (`cjmapper.status_mark` says where and how)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from cjmapper.layout import CardParts
from cjmapper.model import CardStatus
from cjmapper.status_mark import status_mark


def paint_status_mark(painter: QPainter, status: CardStatus | None, parts: CardParts) -> None:
    """Draw a card's mark in its slot (`parts.status`, in card coordinates); nothing when it has no status."""
    mark = status_mark(status, parts.status, parts.scale)
    if mark is None:
        return
    colour = QColor(mark.colour)
    centre = QPointF(mark.cx, mark.cy)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(centre, mark.radius, mark.radius)
    painter.setBrush(colour)
    if mark.filled >= 1:
        painter.drawEllipse(centre, mark.radius, mark.radius)
    elif mark.filled > 0:
        disc = QRectF(mark.cx - mark.radius, mark.cy - mark.radius, 2 * mark.radius, 2 * mark.radius)
        painter.drawPie(disc, 90 * 16, 180 * 16)  # the left half
    painter.setPen(QPen(colour, mark.line))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, mark.radius, mark.radius)
    painter.restore()

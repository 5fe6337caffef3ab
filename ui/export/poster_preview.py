"""The poster dialog's preview: a thumbnail of the poster page with the paper in proportion, its margins, the title
block and legend where `cjmapper.poster.plan_poster`'s plan puts them, the journey's `Layout` drawn into the map area,
and the sheets when tiled; so what the dialog shows is what the PDF holds."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QSizePolicy,
    QWidget,
)

from cjmapper.layout import Layout
from cjmapper.model import Journey
from cjmapper.poster import PosterPlan
from cjmapper.poster.labels import tile_name
from cjmapper.poster.plan import Box

from ..canvas.painting import (
    CELL_BACKGROUND,
    CELL_BACKGROUND_ALT,
    CURVE_LINE,
    GRID_LINE,
    HEADER_BACKGROUND,
    LANE_HEADER_BACKGROUND,
    lane_color,
    phase_color,
    score_color,
    tint,
)

PREVIEW_BACKGROUND = QColor("#d5dae1")
"""Around the page in a light window (`PosterPreview.surround`)."""
PAGE_BORDER = QColor("#9aa3ad")
MARGIN_GUIDE = QColor("#b9c3ce")
TEXT_BAR = QColor("#c9d0d8")
"""Small print in the preview (too small to set as text) is drawn as bars of this grey."""
TILE_LINE = QColor("#2f6fd6")
TILE_OVERLAP = QColor(47, 111, 214, 40)


def _page_box(box: Box, page: QRectF, k: float) -> QRectF:
    """A box of the plan (points from the page's top left) in widget pixels."""
    return QRectF(page.left() + box.x * k, page.top() + box.y * k, box.width * k, box.height * k)


class PosterPreview(QFrame):
    """A thumbnail of the poster page: the paper in proportion, its margins, the title block and legend (where the
    plan puts them), the map in its map area, and the sheets when tiled."""

    def __init__(self, journey: Journey, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.journey = journey
        self.layout_ = layout
        self.plan: PosterPlan | None = None
        self.paints = 0
        """How often the preview was drawn (tests use it to see an update)."""
        self._cards = self._card_blocks()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(460, 330)

    def set_layout(self, layout: Layout) -> None:
        """The map as the chosen page lays it out (its cells flow to the page's shape)."""
        self.layout_ = layout
        self._cards = self._card_blocks()
        self.update()

    def set_plan(self, plan: PosterPlan) -> None:
        """Show `plan`'s page, with the map as laid out for that page."""
        self.plan = plan
        if plan.layout is not None:
            self.layout_ = plan.layout
        self.update()

    def surround(self) -> QColor:
        """The area around the page: a light grey in a light window, a shade darker than the window in a dark one
        (the page itself stays white, as paper)."""
        window = self.palette().color(QPalette.ColorRole.Window)
        return PREVIEW_BACKGROUND if window.lightnessF() >= 0.5 else window.darker(140)

    def page_rect(self) -> QRectF:
        """Where the page is drawn in the widget, in proportion, centred with room for its shadow."""
        if self.plan is None:
            return QRectF()
        area = QRectF(self.contentsRect()).adjusted(18, 18, -18, -18)
        k = min(area.width() / self.plan.page_width, area.height() / self.plan.page_height)
        width, height = self.plan.page_width * k, self.plan.page_height * k
        return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)

    def map_rect(self) -> QRectF:
        """Where the map is drawn in the widget (the plan measures from the page's bottom left, in points)."""
        plan, page = self.plan, self.page_rect()
        if plan is None:
            return QRectF()
        k = page.width() / plan.page_width
        return QRectF(
            page.left() + plan.map_x * k,
            page.top() + (plan.page_height - plan.map_top) * k,
            self.layout_.width * plan.scale * k,
            self.layout_.height * plan.scale * k,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.fillRect(self.contentsRect(), self.surround())
            if self.plan is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                self._paint_page(painter, self.plan, self.page_rect())
        finally:
            painter.end()
        super().paintEvent(event)  # the frame
        self.paints += 1

    def _paint_page(self, painter: QPainter, plan: PosterPlan, page: QRectF) -> None:
        k = page.width() / plan.page_width  # widget pixels per point
        painter.setPen(Qt.PenStyle.NoPen)
        for offset, alpha in ((4.0, 28), (2.0, 40)):
            painter.setBrush(QColor(0, 0, 0, alpha))
            painter.drawRect(page.translated(offset, offset))
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(PAGE_BORDER, 1.0))
        painter.drawRect(page)
        map_rect = self.map_rect()
        chrome = plan.chrome
        margin = chrome.margin * k
        if margin > 2:
            painter.setPen(QPen(MARGIN_GUIDE, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(page.adjusted(margin, margin, -margin, -margin))
        self._paint_title(painter, _page_box(chrome.title, page, k), chrome.unit * k)
        self._paint_legend(painter, _page_box(chrome.legend, page, k), chrome.unit * k)
        painter.save()
        painter.setClipRect(page)
        painter.translate(map_rect.topLeft())
        painter.scale(plan.scale * k, plan.scale * k)
        self._paint_map(painter, plan.scale * k)
        painter.restore()
        if plan.tiles is not None:
            self._paint_tiles(painter, page, k, plan.tiles.columns, plan.tiles.rows, plan.tiles.blank)

    def _paint_title(self, painter: QPainter, box: QRectF, unit: float) -> None:
        """The title block in miniature: the journey's title, its facts line, the persona on the right, a rule."""
        persona = self.journey.persona
        right = box.width() * 0.34 if persona is not None and (persona.description or persona.goals) else 0.0
        left = box.width() - right - (2 * unit if right else 0)
        size = 2.6 * unit
        painter.setPen(Qt.PenStyle.NoPen)
        if size >= 6:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(round(size))
            painter.setFont(font)
            painter.setPen(CURVE_LINE)
            text = painter.fontMetrics().elidedText(self.journey.title, Qt.TextElideMode.ElideRight, int(left))
            painter.drawText(QRectF(box.left(), box.top(), left, size * 1.3), Qt.AlignmentFlag.AlignLeft, text)
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setBrush(CURVE_LINE)
            painter.drawRect(QRectF(box.left(), box.top() + 0.3 * size, left * 0.6, 0.7 * size))
        painter.setBrush(TEXT_BAR)
        painter.drawRect(QRectF(box.left(), box.top() + 1.35 * size + 0.4 * unit, left * 0.5, 0.8 * unit))
        if right:
            x = box.right() - right
            painter.setBrush(QColor("#8d97a3"))
            painter.drawRect(QRectF(x, box.top() + 0.2 * unit, right * 0.35, 0.8 * unit))
            painter.setBrush(TEXT_BAR)
            for line, share in enumerate((1.0, 0.95, 0.6)):
                top = box.top() + (1.6 + 1.4 * line) * unit
                if top + 0.8 * unit < box.bottom() - 0.5 * unit:
                    painter.drawRect(QRectF(x, top, right * share, 0.7 * unit))
        painter.setPen(QPen(GRID_LINE, 1.0))
        painter.drawLine(box.bottomLeft(), box.bottomRight())

    def _paint_legend(self, painter: QPainter, box: QRectF, unit: float) -> None:
        """The legend in miniature: a rule, the five score colours, the channels and the journey's figures."""
        painter.setPen(QPen(GRID_LINE, 1.0))
        painter.drawLine(box.topLeft(), box.topRight())
        painter.setPen(Qt.PenStyle.NoPen)
        first = box.top() + 1.6 * unit
        painter.setBrush(QColor("#8d97a3"))
        painter.drawRect(QRectF(box.left(), first - 0.4 * unit, 3 * unit, 0.8 * unit))
        x = box.left() + 4 * unit
        radius = 0.75 * unit
        for score in range(1, 6):
            painter.setBrush(score_color(score))
            painter.drawEllipse(QPointF(x + radius, first), radius, radius)
            x += 2 * radius + 0.5 * unit
        painter.setBrush(TEXT_BAR)
        painter.drawRect(QRectF(x + unit, first - 0.35 * unit, box.width() * 0.25, 0.7 * unit))
        painter.drawRect(QRectF(box.right() - box.width() * 0.22, first - 0.35 * unit, box.width() * 0.22, 0.7 * unit))
        painter.drawRect(QRectF(box.left(), first + 1.3 * unit, box.width() * 0.4, 0.7 * unit))

    def _card_blocks(self) -> list[tuple[QColor, QColor, QColor, list[QRectF], list[QRectF], list[QRectF]]]:
        """The cards grouped by colour, computed once: (body, stripe, score colour, bodies, stripes, badges)."""
        journey, layout = self.journey, self.layout_
        lanes = {lane.id: lane for lane in journey.lanes}
        groups: dict[tuple[int, int], tuple[QColor, QColor, QColor, list[QRectF], list[QRectF], list[QRectF]]] = {}
        for card in journey.touchpoints:
            box = layout.cards.get(card.id)
            if box is None:
                continue
            lane = lanes[card.lane_id]
            base = lane_color(lane.kind, card.color or lane.color)
            badge = score_color(card.score)
            group = groups.setdefault((base.rgb(), badge.rgb()), (tint(base, 0.3), base, badge, [], [], []))
            r = box.rect
            group[3].append(QRectF(r.x, r.y, r.width, r.height))
            group[4].append(QRectF(r.x, r.y, 6.0, r.height))
            if card.score is not None:
                group[5].append(QRectF(r.right - 26.0, r.bottom - 26.0, 18.0, 18.0))
        return list(groups.values())

    def _paint_map(self, painter: QPainter, pixels_per_unit: float) -> None:
        """The map in layout units: headers, cells, cards, the experience curve."""
        layout, journey = self.layout_, self.journey
        hairline = QPen(GRID_LINE, 0)  # cosmetic: one pixel whatever the scale
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HEADER_BACKGROUND)
        painter.drawRect(QRectF(0, 0, layout.width, layout.metrics.phase_header_height))
        for phase_box, phase in zip(layout.phases, journey.phases, strict=False):
            colour = phase_color(phase_box.index, phase.color)
            h = phase_box.header
            painter.setBrush(tint(colour, 0.12))
            painter.drawRect(QRectF(h.x, h.y, h.width, h.height))
            painter.setBrush(colour)
            painter.drawRect(QRectF(h.x, h.y, h.width, min(h.height, 8.0)))
        for box, lane in zip(layout.lanes, journey.lanes, strict=False):
            row, header = box.row, box.header
            painter.setBrush(CELL_BACKGROUND if box.index % 2 == 0 else CELL_BACKGROUND_ALT)
            painter.drawRect(QRectF(row.x, row.y, row.width, row.height))
            painter.setBrush(LANE_HEADER_BACKGROUND)
            painter.drawRect(QRectF(header.x, header.y, header.width, header.height))
            painter.setBrush(lane_color(lane.kind, lane.color))
            painter.drawRect(QRectF(header.x, header.y, min(header.width, 6.0), header.height))
        painter.setPen(hairline)
        for box in layout.lanes:
            painter.drawLine(QPointF(0, box.row.y), QPointF(layout.width, box.row.y))
        for phase_box in layout.phases:
            painter.drawLine(QPointF(phase_box.column.x, 0), QPointF(phase_box.column.x, layout.height))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, layout.width, layout.height))
        painter.setPen(Qt.PenStyle.NoPen)
        for body, stripe, badge, bodies, stripes, badges in self._cards:
            painter.setBrush(body)
            painter.drawRects(bodies)
            painter.setBrush(stripe)
            painter.drawRects(stripes)
            if badges:
                painter.setBrush(badge)
                for rect in badges:
                    painter.drawEllipse(rect)
        curve_pen = QPen(CURVE_LINE, max(1.2 / pixels_per_unit, 1.5))
        curve_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for curve in layout.curves:
            if len(curve.points) > 1:
                painter.setPen(curve_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolyline(QPolygonF([QPointF(p.x, p.y) for p in curve.points]))

    def _paint_tiles(
        self,
        painter: QPainter,
        page: QRectF,
        k: float,
        columns: Sequence[tuple[float, float]],
        rows: Sequence[tuple[float, float]],
        blank: AbstractSet[tuple[int, int]] = frozenset(),
    ) -> None:
        """The sheets of a tiled print: each sheet's part of the page (points, top-down), overlaps shaded, each
        sheet labelled as it is printed; the sheets left out (`blank`) hatched, without a label."""
        painter.save()
        painter.setClipRect(page)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(TILE_LINE, Qt.BrushStyle.BDiagPattern))
        for r, c in blank:
            (left, right), (top, bottom) = columns[c], rows[r]
            painter.drawRect(
                QRectF(page.left() + left * k, page.top() + top * k, (right - left) * k, (bottom - top) * k)
            )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TILE_OVERLAP)
        for (_, right), (left, _) in itertools.pairwise(columns):
            if right > left:
                painter.drawRect(QRectF(page.left() + left * k, page.top(), (right - left) * k, page.height()))
        for (_, bottom), (top, _) in itertools.pairwise(rows):
            if bottom > top:
                painter.drawRect(QRectF(page.left(), page.top() + top * k, page.width(), (bottom - top) * k))
        painter.setPen(QPen(TILE_LINE, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for _, right in columns[:-1]:
            x = page.left() + right * k
            painter.drawLine(QPointF(x, page.top()), QPointF(x, page.bottom()))
        for _, bottom in rows[:-1]:
            y = page.top() + bottom * k
            painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
        smallest = min(min(b - a for a, b in columns), min(b - a for a, b in rows)) * k
        if smallest >= 24:
            font = QFont(self.font())
            font.setPixelSize(10)
            painter.setFont(font)
            for r, (top, _) in enumerate(rows):
                for c, (left, _) in enumerate(columns):
                    if (r, c) in blank:
                        continue
                    label = tile_name(r, c)
                    x, y = page.left() + left * k + 3, page.top() + top * k + 3
                    tag = QRectF(x, y, painter.fontMetrics().horizontalAdvance(label) + 6, 14)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(47, 111, 214, 210))
                    painter.drawRoundedRect(tag, 3, 3)
                    painter.setPen(QColor("#ffffff"))
                    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

"""The map's grid items: `PhaseHeaderItem` and `LaneHeaderItem` (name and figures), `CellItem` per card cell (the
background a card lands on), `CornerItem` (the journey's title) and `CurveItem` per emotions lane (the experience
curve). Each placed and sized only from the `Layout`."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjmapper import style
from cjmapper.headers import CornerTitle, fit_corner_title, fit_phase_header
from cjmapper.layout import (
    AVERAGE_BAR_SHARE,
    CROWDED_DOT,
    Curve,
    LaneBox,
    Metrics,
    PhaseBox,
    PhaseMark,
    Rect,
    curve_dots,
    curve_y,
)
from cjmapper.model import SCORE_MAX, SCORE_MIN, Lane, LaneKind, Phase
from cjmapper.persona_curves import LEGEND_FONT, LEGEND_SWATCH, TO_BE, LegendEntry, figure_text
from cjmapper.text import FontMetrics

from ..i18n import decimal
from .items import (
    Z_CELL,
    Z_CURVE,
    Z_HEADER,
    HeaderItem,
    ItemHost,
    font_height,
    icon_tint,
    lane_kind_name,
    lane_pixmap,
    plain_static,
    qrect,
    vector_icon,
)  # fmt: skip
from .painting import (
    LOW_DETAIL,
    canvas_font,
    draw_score_badge,
    draw_text,
    score_color,
    shade,
    text_height,
    text_on,
    tr,
)
from .theme import LIGHT, CanvasTheme

STRIPE = 5.0
"""The width of a lane header's colour stripe."""
NARROW_PAD = 4.0
"""Room either side of the upright name of a narrow lane header."""
NARROW_SIZES = 3
"""A narrow header's name is set at the header size or up to this many sizes smaller to fit whole."""


MIN_UPRIGHT = 130.0
"""A narrow lane header partly in view draws its icon and upright name in at least this much of its height."""
MIN_NAME_ROOM = 120.0
"""A phase header's name and figures keep at least this width when they move clear of the stuck lane column."""


def narrow_lane_width(m: Metrics) -> float:
    """The width of a lane header stuck to the view's left as a narrow column: the stripe, and the name upright in up
    to two lines at the header size (the icon above it)."""
    return STRIPE + 2 * NARROW_PAD + 2 * (font_height(m.header_font_size, True) + 1)


def short_phase_height(m: Metrics) -> float:
    """The height of a phase header stuck to the view's top as a short row: the colour band and one line with the
    name and the average."""
    return style.PHASE_BAND + font_height(m.header_font_size, True) + 12.0


class CellItem(QGraphicsRectItem):
    """The background of one card cell. Takes no mouse buttons, so a press on it starts a rubber band."""

    def __init__(self, phase_id: int, lane_id: int, rect: Rect, alternate: bool, theme: CanvasTheme = LIGHT) -> None:
        super().__init__(qrect(rect))
        self.key = (phase_id, lane_id)
        self.alternate = alternate
        self.set_theme(theme)
        self.setZValue(Z_CELL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_theme(self, theme: CanvasTheme) -> None:
        self.theme = theme
        pen = QPen(theme.grid_line, 1.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(theme.cell_alt if self.alternate else theme.cell)

    def set_geometry(self, rect: Rect, alternate: bool) -> None:
        new = qrect(rect)
        if new != self.rect():
            self.setRect(new)
        if alternate != self.alternate:
            self.alternate = alternate
            self.setBrush(self.theme.cell_alt if alternate else self.theme.cell)


class PhaseHeaderItem(HeaderItem):
    """A phase's column header: colour band, name, touchpoint count and average score."""

    def __init__(self, scene: ItemHost, box: PhaseBox) -> None:
        super().__init__(scene, "phase", box.phase_id)
        self.box = box
        self.name = ""
        self.colour = QColor()
        self.count = 0
        self.average: float | None = None
        self.description = ""
        self.inset = 0.0
        self.setRect(0.0, 0.0, box.header.width, box.header.height)
        self.setPos(box.header.x, box.header.y)

    def set_box(self, box: PhaseBox) -> None:
        old = self.box
        self.box = box
        if (box.header.width, box.header.height) != (old.header.width, old.header.height):
            self.setRect(0.0, 0.0, box.header.width, self.rect().height() if self.short else box.header.height)
        self.setPos(box.header.x, box.header.y)

    @property
    def short(self) -> bool:
        """Whether the header is stuck to the view's top as a short row (`ui.canvas.sticky_headers`)."""
        return self.rect().height() < self.box.header.height

    def set_height(self, height: float) -> None:
        """The layout's height, or a short row's where the header sticks to the view's top: the name on one line and
        the average (the count in the tooltip)."""
        height = min(height, self.box.header.height)
        if height != self.rect().height():
            self.setRect(0.0, 0.0, self.box.header.width, height)
            self._set_tooltip()

    def set_content(self, phase: Phase, colour: QColor, count: int, average: float | None) -> None:
        content = (phase.name, colour.rgb(), count, average)
        if content != (self.name, self.colour.rgb(), self.count, self.average):
            self.name, self.colour, self.count, self.average = phase.name, colour, count, average
            self.update()
        self.description = phase.description
        self._set_tooltip()

    def _set_tooltip(self) -> None:
        """The phase's description; a short row's also its name and count, which it may not show."""
        tooltip = self.description
        if self.short:
            tooltip = "\n".join(part for part in (self.name, self._count_text(), self.description) if part)
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)

    def _count_text(self) -> str:
        words = self.journey_scene.map_words
        if words is not None:
            return words.touchpoints(self.count)
        return tr("1 touchpoint") if self.count == 1 else tr("{0} touchpoints").format(self.count)

    def set_inset(self, inset: float) -> None:
        """Draw the name and figures `inset` from the header's left (where the stuck lane column covers it), at most
        as far as leaves them `MIN_NAME_ROOM`."""
        inset = max(0.0, min(inset, self.box.header.width - MIN_NAME_ROOM))
        if inset != self.inset:
            self.inset = inset
            self.update()

    def name_rect(self) -> QRectF:
        m = self.journey_scene.metrics
        return QRectF(12.0 + self.inset, 14.0, self.box.header.width - 24.0 - self.inset, m.header_font_size + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        m, theme = self.journey_scene.metrics, self.journey_scene.theme
        w, h = self.box.header.width, self.rect().height()
        painter.fillRect(QRectF(0, 0, w, h), theme.header)
        painter.fillRect(QRectF(0, 0, w, style.PHASE_BAND), self.colour)
        painter.setPen(QPen(theme.grid_line, 0))
        painter.drawLine(QLineF(w - 0.5, 0, w - 0.5, h))
        painter.drawLine(QLineF(0, h - 0.5, w, h - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.15:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.inset > 0.0:  # the name and figures clear of the stuck lane column over the header's left part
            painter.translate(self.inset, 0.0)
            w -= self.inset
        words = self.journey_scene.map_words  # a picture's: the journey's language
        count = self._count_text()
        badge_text = tr("avg {0}").format(decimal(self.average)) if self.average is not None else None
        if words is not None:
            badge_text = words.average(self.average) if self.average is not None else None
        if self.short:
            self._paint_short(painter, w, h, badge_text)
            return
        fitted = fit_phase_header(w, h, self.name, (count, str(self.count)), badge_text, m)
        painter.setPen(theme.ink)
        top = fitted.name_top
        name_height = text_height(fitted.name_size, True)
        for line in fitted.name_lines:
            y = top + (fitted.name_line_height - name_height) / 2
            draw_text(painter, fitted.figures.x, y, plain_static(line), fitted.name_size, True)
            top += fitted.name_line_height
        figures, size = fitted.figures, fitted.figures_size
        if fitted.badge is not None and self.average is not None:
            badge = qrect(fitted.badge)
            fill = score_color(self.average)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(text_on(fill))
            width = FontMetrics(size, True).width(fitted.badge_text)
            y = badge.y() + (badge.height() - text_height(size, True)) / 2
            draw_text(painter, badge.center().x() - width / 2, y, plain_static(fitted.badge_text), size, True)
        painter.setPen(theme.muted_ink)
        y = figures.y + (figures.height - text_height(size)) / 2
        draw_text(painter, figures.x, y, plain_static(fitted.count), size)

    def _paint_short(self, painter: QPainter, w: float, h: float, badge_text: str | None) -> None:
        """A short row: the name on one line (cut with "…" where it is too long), the average badge at the right."""
        m, theme = self.journey_scene.metrics, self.journey_scene.theme
        top = style.PHASE_BAND
        room = h - top
        size = min(m.header_font_size, max(1.0, (room - 6.0) / 1.2))
        side = 12.0
        badge_width = 0.0
        if badge_text is not None and self.average is not None:
            badge_size = min(m.font_size, size)
            badge_width = FontMetrics(badge_size, True).width(badge_text) + 12.0
            badge_height = min(room - 4.0, text_height(badge_size, True) + 4.0)
            badge = QRectF(w - side - badge_width, top + (room - badge_height) / 2, badge_width, badge_height)
            fill = score_color(self.average)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(text_on(fill))
            y = badge.y() + (badge.height() - text_height(badge_size, True)) / 2
            draw_text(painter, badge.x() + 6.0, y, plain_static(badge_text), badge_size, True)
            badge_width += 8.0
        name = FontMetrics(size, True).elide(self.name, max(0.0, w - 2 * side - badge_width))
        painter.setPen(theme.ink)
        draw_text(painter, side, top + (room - text_height(size, True)) / 2, plain_static(name), size, True)


class LaneHeaderItem(HeaderItem):
    """A lane's row header on the left: colour stripe, kind icon and name (the kind's name is the tooltip)."""

    def __init__(self, scene: ItemHost, box: LaneBox) -> None:
        super().__init__(scene, "lane", box.lane_id)
        self.box = box
        self.name = ""
        self.lane_kind = LaneKind.TOUCHPOINTS
        self.colour = QColor()
        self.alternate = False
        self._lines: tuple[str, ...] = ()
        self._font_size = scene.metrics.header_font_size
        self._with_icon = True
        self._span = (0.0, box.header.height)
        """The part of a narrow header's height its icon and name are drawn in (`set_width`)."""
        self.legend: tuple[LegendEntry, ...] = ()
        """The personas' legend of the experience lane, under the lane's name (`PersonaCurves.legend`)."""
        self.setRect(0.0, 0.0, box.header.width, box.header.height)
        self.setPos(box.header.x, box.header.y)

    def set_box(self, box: LaneBox, alternate: bool) -> None:
        old = self.box
        self.box = box
        if (box.header.width, box.header.height) != (old.header.width, old.header.height):
            width = min(self.rect().width(), box.header.width) if self.narrow else box.header.width
            self.setRect(0.0, 0.0, width, box.header.height)
            self._span = (0.0, box.header.height)  # until the view pins it again
            self._fit_name()
        self.setPos(box.header.x, box.header.y)
        if alternate != self.alternate:
            self.alternate = alternate
            self.update()

    def set_content(self, lane: Lane, colour: QColor) -> None:
        if (lane.name, lane.kind, colour.rgb()) != (self.name, self.lane_kind, self.colour.rgb()):
            self.name, self.lane_kind, self.colour = lane.name, lane.kind, colour
            self.setToolTip(tr("{0} — lane of kind “{1}”").format(lane.name, lane_kind_name(lane.kind)))
            self._fit_name()

    @property
    def narrow(self) -> bool:
        """Whether the header is stuck to the view's left as a narrow column (`ui.canvas.sticky_headers`)."""
        return self.rect().width() < self.box.header.width

    def set_width(self, width: float, span: tuple[float, float] | None = None) -> None:
        """The layout's width, or a narrow column's where the header sticks to the view's left: the name upright
        (the tooltip has it whole), within `span` (the part of the header's height in view, in its coordinates;
        None: all of it), so a lane partly in view shows its icon and the start of its name."""
        width = min(width, self.box.header.width)
        h = self.box.header.height
        top, bottom = (0.0, h) if span is None or width >= self.box.header.width else span
        least = min(h, MIN_UPRIGHT)
        top, bottom = max(0.0, min(top, h)), max(0.0, min(bottom, h))
        if bottom - top < least:  # too little in view: as much as the name needs, from the edge that is in view
            top, bottom = (max(0.0, bottom - least), bottom) if top > 0.0 else (top, min(h, top + least))
        if width != self.rect().width() or (top, bottom) != self._span:
            self._span = (top, bottom)
            if width != self.rect().width():
                self.setRect(0.0, 0.0, width, h)
            self._fit_name()

    def set_legend(self, legend: tuple[LegendEntry, ...]) -> None:
        if legend != self.legend:
            self.legend = legend
            self.update()

    def _paint_legend(self, painter: QPainter) -> None:
        """Each persona's colour and name (and the dashed line's meaning) where the layout put them."""
        if not self.legend or self.narrow:  # a narrow stuck column has room for the lane's name only
            return
        header = self.box.header
        painter.setFont(canvas_font(LEGEND_FONT))
        height = LEGEND_FONT * 1.35
        for entry in self.legend:
            x, y = entry.x - header.x, entry.y - header.y
            colour = QColor(entry.colour)
            painter.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine if entry.persona == TO_BE else Qt.PenStyle.SolidLine))
            painter.drawLine(QLineF(x, y, x + LEGEND_SWATCH, y))
            painter.setPen(colour)
            name = entry.name if entry.persona != TO_BE else tr("dashed: to-be")
            painter.drawText(
                QRectF(x + LEGEND_SWATCH + 4, y - height / 2, header.right - entry.x - LEGEND_SWATCH - 4, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )

    def _fit_name(self) -> None:
        """Wrap the name into the header: at the header size if every word fits a line, else a size or two
        smaller; as many lines as the header is tall, the last ending in "…" when cut. Narrow: upright, as many
        lines as the width holds, at the largest of `NARROW_SIZES` sizes at which it fits whole."""
        m = self.journey_scene.metrics
        if self.narrow:
            self._fit_upright()
            return
        width = self.name_rect().width()
        words = self.name.split()
        size = m.header_font_size
        for candidate in (m.header_font_size, m.header_font_size - 1, m.header_font_size - 2):
            size = candidate
            if all(FontMetrics(candidate, bold=True).width(word) <= width for word in words):
                break
        line_height = font_height(size, True) + 1
        fitting = max(1, int((self.box.header.height - 16) // line_height))
        self._font_size = size
        self._lines = FontMetrics(size, bold=True).wrap(self.name, width, min(3, fitting))[0]
        self.update()

    def _upright_room(self, with_icon: bool = True) -> tuple[QRectF | None, QRectF]:
        """A narrow header's icon (None without one, or where the lane is too low to hold it above the name) and
        the room for the name, upright below it."""
        w = self.rect().width()
        first, last = self._span
        size = max(4.0, min(20.0, w - STRIPE - 2 * NARROW_PAD))
        icon: QRectF | None = QRectF(STRIPE + (w - STRIPE - size) / 2, first + 10.0, size, size)
        top = first + 10.0 + size + 8.0
        if not with_icon or last - top - 8.0 < 60.0:
            icon, top = None, first + 8.0
        room = QRectF(STRIPE + NARROW_PAD, top, max(1.0, w - STRIPE - 2 * NARROW_PAD), max(1.0, last - top - 8.0))
        return icon, room

    def _fit_upright(self) -> None:
        """The name upright at the largest of `NARROW_SIZES` sizes at which it fits whole, no word broken: below
        the icon if it fits there, else without the icon; else cut with "…" below it at the smallest size."""
        m = self.journey_scene.metrics
        words = self.name.split()
        fitted: tuple[bool, float, tuple[str, ...]] | None = None
        for with_icon in (True, False):
            room = self._upright_room(with_icon)[1]
            for step in range(NARROW_SIZES + 1):
                size = m.header_font_size - step
                metrics = FontMetrics(size, bold=True)
                fitting = max(1, int(room.width() // (font_height(size, True) + 1)))
                lines, elided = metrics.wrap(self.name, room.height(), fitting)
                if fitted is None and with_icon and step == NARROW_SIZES:
                    fitted = (True, size, lines)  # the fallback
                if not elided and all(metrics.width(word) <= room.height() for word in words):
                    fitted = (with_icon, size, lines)
                    break
            else:
                continue
            break
        assert fitted is not None
        self._with_icon, self._font_size, self._lines = fitted
        self.update()

    def name_rect(self) -> QRectF:
        """Where the name is edited: across the top at the layout's width, a narrow header's too."""
        m = self.journey_scene.metrics
        return QRectF(38.0, 12.0, self.box.header.width - 38.0 - 5.0, m.header_font_size + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        w, h, theme = self.rect().width(), self.box.header.height, self.journey_scene.theme
        painter.fillRect(QRectF(0, 0, w, h), theme.lane_header_alt if self.alternate else theme.lane_header)
        painter.fillRect(QRectF(0, 0, STRIPE, h), self.colour)
        painter.setPen(QPen(theme.grid_line, 0))
        painter.drawLine(QLineF(w - 0.5, 0, w - 0.5, h))
        painter.drawLine(QLineF(0, h - 0.5, w, h - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.15:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.narrow:
            self._paint_upright(painter)
            return
        self._paint_icon(painter, QRectF(12.0, 13.0, 20.0, 20.0))
        painter.setFont(canvas_font(self._font_size, bold=True))
        painter.setPen(theme.ink)
        line_height = font_height(self._font_size, True) + 1
        y = 13.0 + (20.0 - line_height) / 2
        x = self.name_rect().x()
        for line in self._lines:
            painter.drawText(
                QRectF(x, y, w - x, line_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
            y += line_height
        self._paint_legend(painter)

    def _paint_upright(self, painter: QPainter) -> None:
        """A narrow header: the icon at the top, the name below it reading upwards (its lines left to right)."""
        icon, room = self._upright_room(self._with_icon)
        if icon is not None:
            self._paint_icon(painter, icon)
        painter.setFont(canvas_font(self._font_size, bold=True))
        painter.setPen(self.journey_scene.theme.ink)
        line_height = font_height(self._font_size, True) + 1
        painter.save()
        left = room.x() + (room.width() - line_height * len(self._lines)) / 2
        painter.translate(left, room.bottom())
        painter.rotate(-90.0)
        for i, line in enumerate(self._lines):
            painter.drawText(
                QRectF(0.0, i * line_height, room.height(), line_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
        painter.restore()

    def _paint_icon(self, painter: QPainter, icon: QRectF) -> None:
        theme = self.journey_scene.theme
        pixmap = lane_pixmap(self.lane_kind, 20, icon_tint(theme))
        if vector_icon(painter, icon, kind=self.lane_kind):
            pass  # into an SVG picture: the icon as paths
        elif pixmap is not None:
            painter.drawPixmap(icon, pixmap, QRectF(pixmap.rect()))
        else:
            draw_lane_glyph(painter, self.lane_kind, icon, theme.icon or theme.curve_line)


def draw_lane_glyph(painter: QPainter, kind: LaneKind, rect: QRectF, colour: QColor) -> None:
    """A simple drawn symbol per lane kind, for when the SVG icons are missing."""
    painter.save()
    pen = QPen(colour, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    r = rect.adjusted(3, 3, -3, -3)
    c = r.center()
    if kind is LaneKind.EMOTIONS:
        path = QPainterPath(QPointF(r.left(), c.y() + 3))
        path.cubicTo(QPointF(c.x() - 3, r.top()), QPointF(c.x() + 3, r.bottom()), QPointF(r.right(), c.y() - 3))
        painter.drawPath(path)
    elif kind is LaneKind.PAIN_POINTS:
        painter.drawLine(QLineF(c.x(), r.top(), c.x(), r.bottom() - 5))
        painter.drawPoint(QPointF(c.x(), r.bottom()))
    elif kind is LaneKind.OPPORTUNITIES:
        painter.drawEllipse(QRectF(c.x() - 5, r.top(), 10, 10))
        painter.drawLine(QLineF(c.x() - 2.5, r.bottom() - 2, c.x() + 2.5, r.bottom() - 2))
    elif kind is LaneKind.THOUGHTS:
        painter.drawRoundedRect(r.adjusted(0, 0, 0, -5), 5, 5)
        painter.drawEllipse(QRectF(r.left() + 2, r.bottom() - 3, 3, 3))
    else:
        painter.drawRoundedRect(r, 3, 3)
        painter.drawLine(QLineF(r.left() + 3, c.y(), r.right() - 3, c.y()))
    painter.restore()


class CornerItem(QGraphicsRectItem):
    """The top-left corner above the lane headers: the journey's title."""

    def __init__(self, scene: ItemHost) -> None:
        super().__init__()
        self.journey_scene = scene
        self.title = ""
        self.full = QRectF()
        """The corner as the layout has it (the lane headers' width, the phase headers' height)."""
        self._size: tuple[float, float] | None = None
        self._fitted: CornerTitle | None = None
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_HEADER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_content(self, rect: QRectF, title: str) -> None:
        """The corner as the layout has it, `rect` (kept at the stuck headers' size where `set_size` set one)."""
        if rect != self.full or title != self.title:
            self.full = QRectF(rect)
            self.title = title
            self._refit()

    def set_size(self, width: float, height: float) -> None:
        """The corner where the headers stick: as wide as the lane column and as tall as the phase row."""
        size = (min(width, self.full.width()), min(height, self.full.height()))
        if size != self._size:
            self._size = size
            self._refit()

    def _refit(self) -> None:
        rect = QRectF(self.full.topLeft(), QSizeF(*self._size)) if self._size is not None else self.full
        self.setRect(rect)
        self._fitted = fit_corner_title(rect.width(), rect.height(), self.title, self.journey_scene.metrics)
        self.setToolTip("" if self._fitted.whole else self.title)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r, theme = self.rect(), self.journey_scene.theme
        painter.fillRect(r, theme.corner)
        painter.setPen(QPen(theme.grid_line, 0))
        painter.drawLine(QLineF(r.right() - 0.5, r.top(), r.right() - 0.5, r.bottom()))
        painter.drawLine(QLineF(r.left(), r.bottom() - 0.5, r.right(), r.bottom() - 0.5))
        fitted = self._fitted
        if fitted is None or not fitted.whole:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.ink)
        height = text_height(fitted.size, True)
        y = r.top() + fitted.top
        for line in fitted.lines:
            draw_text(painter, r.left() + fitted.left, y + (fitted.line_height - height) / 2, plain_static(line),
                      fitted.size, True)  # fmt: skip
            y += fitted.line_height


class CurveItem(QGraphicsItem):
    """The experience curve of one emotions lane: guide lines per score, the scored cards joined left to right,
    and each phase's average marked."""

    def __init__(self, scene: ItemHost, lane: LaneBox) -> None:
        super().__init__()
        self.journey_scene = scene
        self.lane = lane
        self.curve: Curve | None = None
        self.phases: tuple[PhaseBox, ...] = ()
        self.phase_colours: dict[int, QColor] = {}
        self._bounds = qrect(lane.row)
        self.setZValue(Z_CURVE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_content(
        self, lane: LaneBox, curve: Curve | None, phases: tuple[PhaseBox, ...], colours: dict[int, QColor]
    ) -> None:
        bounds = qrect(lane.row)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if (lane, curve, phases) != (self.lane, self.curve, self.phases) or colours != self.phase_colours:
            self.lane, self.curve, self.phases, self.phase_colours = lane, curve, phases, colours
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r = qrect(self.lane.row)
        m, theme = self.journey_scene.metrics, self.journey_scene.theme
        painter.fillRect(r, theme.curve_background)
        grid = QPen(theme.grid_line, 0)
        painter.setPen(grid)
        for phase in self.phases:
            painter.drawLine(QLineF(phase.column.x, r.top(), phase.column.x, r.bottom()))
        painter.drawLine(QLineF(r.right() - 0.5, r.top(), r.right() - 0.5, r.bottom()))
        painter.drawLine(QLineF(r.left(), r.bottom() - 0.5, r.right(), r.bottom() - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        guide = QPen(theme.curve_guide, 1.0, Qt.PenStyle.DashLine)
        guide.setCosmetic(True)
        small = canvas_font(m.font_size - 1)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            y = curve_y(self.lane, score)
            painter.setPen(guide)
            painter.drawLine(QLineF(r.left() + 18, y, r.right(), y))
            if lod >= LOW_DETAIL:
                painter.setPen(theme.on_surface(score_color(score), style.SCORE_RING))
                painter.setFont(small)
                painter.drawText(QRectF(r.left() + 4, y - 8, 12, 16), Qt.AlignmentFlag.AlignCenter, str(score))
        curve = self.curve
        if curve is None:
            return
        # Phase averages: a dashed bar across the column in the phase's colour; its label comes after the curve.
        marks = []
        for mark, box in zip(curve.phase_marks, curve.labels, strict=True):
            column = next((p.column for p in self.phases if p.phase_id == mark.phase_id), None)
            if column is None:
                continue
            colour = self.phase_colours.get(mark.phase_id, theme.curve_line)
            marks.append((mark, box, colour))
            pen = QPen(shade(colour, 0.15), 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            half = column.width * AVERAGE_BAR_SHARE
            painter.drawLine(QLineF(mark.x - half, mark.y, mark.x + half, mark.y))
        self._paint_personas(painter, curve, lod)
        if not curve.points:
            return
        path = QPainterPath(QPointF(curve.points[0].x, curve.points[0].y))
        for point in curve.points[1:]:
            path.lineTo(point.x, point.y)
        first = curve.personas.first_colour
        line = QPen(QColor(first) if first else theme.curve_line, 2.5)
        line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if lod < 0.25:
            return
        # Each scored card's dot: its score badge, the digit in its colour (a crowded dot smaller, colour only).
        radius, digits = curve_dots(curve.points, m)
        digit_font = canvas_font(style.BADGE_FONT_SIZE * radius / style.BADGE_RADIUS, bold=True)
        outline = QPen(QColor("#ffffff"), 1.5)
        for point, digit in zip(curve.points, digits, strict=True):
            centre = QPointF(point.x, point.y)
            if digit and lod >= LOW_DETAIL:
                draw_score_badge(painter, centre, radius, point.score, digit_font)
            else:
                painter.setPen(outline)
                painter.setBrush(score_color(point.score))
                painter.drawEllipse(centre, radius * CROWDED_DOT, radius * CROWDED_DOT)
        if lod >= LOW_DETAIL:
            self._paint_labels(painter, marks)

    def _paint_personas(self, painter: QPainter, curve: Curve, lod: float) -> None:
        """The other personas' curves and the to-be curves (dashed) in each persona's colour and each phase's figures
        per persona (average, target, gap), where the layout put them (the legend is the lane header's)."""
        extra = curve.personas
        for persona_line in extra.lines:
            path = QPainterPath(QPointF(persona_line.points[0].x, persona_line.points[0].y))
            for point in persona_line.points[1:]:
                path.lineTo(point.x, point.y)
            colour = QColor(persona_line.colour)
            pen = QPen(colour, 2.0, Qt.PenStyle.DashLine if persona_line.to_be else Qt.PenStyle.SolidLine)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for point in persona_line.points:
                painter.drawEllipse(QPointF(point.x, point.y), 2.2, 2.2)
        if lod < LOW_DETAIL:
            return
        font = canvas_font(LEGEND_FONT)
        painter.setFont(font)
        height = LEGEND_FONT * 1.35
        for figure in extra.figures:
            painter.setPen(QColor(figure.colour))
            painter.drawText(
                QRectF(figure.x, figure.y, figure.width, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                figure_text(figure, decimal),
            )

    def _paint_labels(self, painter: QPainter, marks: list[tuple[PhaseMark, Rect, QColor]]) -> None:
        """Each phase average's label where the layout put it, clear of the curve (over it only where a crowded
        phase leaves no room); in the journey's language in a picture (`ItemHost.map_words`)."""
        font = canvas_font(self.journey_scene.metrics.font_size - 1, bold=True)
        painter.setFont(font)
        words, theme = self.journey_scene.map_words, self.journey_scene.theme
        for mark, box, colour in marks:
            label = tr("avg {0}").format(decimal(mark.average)) if words is None else words.average(mark.average)
            rect = qrect(box)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.label_background)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(theme.on_surface(colour, 0.35))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

"""The canvas' graphics items: one per model object, each placed and sized only from the `Layout`.

- `CardItem` per touchpoint: title lines as wrapped by the layout, channel icon and name, score badge, vote dots,
  its colour as a tinted fill with a stripe. Cached in device coordinates, so a repaint (and a drag) blits a pixmap;
  text is kept as QStaticText per card, never laid out again on paint. Below `LOW_DETAIL` zoom it is a plain block.
- `PhaseHeaderItem` and `LaneHeaderItem`: name and figures; they forward mouse gestures (reorder drag, rename,
  context menu) to the scene.
- `CellItem` per card cell (the background a card lands on), `CurveItem` per emotions lane (the experience curve),
  `CornerItem` (the journey's title), `DropIndicatorItem` (where a dragged card or header will land).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjmapper import style
from cjmapper.layout import CardBox, Curve, LaneBox, Metrics, PhaseBox, Rect, curve_y
from cjmapper.model import SCORE_MAX, SCORE_MIN, Lane, LaneKind, Phase, Touchpoint
from cjmapper.text import FontMetrics

from ..i18n import decimal
from .painting import (
    CARD_BORDER,
    CELL_BACKGROUND,
    CELL_BACKGROUND_ALT,
    CURVE_LINE,
    GRID_LINE,
    HEADER_BACKGROUND,
    INK,
    LANE_HEADER_BACKGROUND,
    LOW_DETAIL,
    MUTED_INK,
    VOTE_DOT,
    canvas_font,
    draw_score_badge,
    highlight_color,
    score_color,
    shade,
    tint,
    tr,
)
from .status_mark import paint_status_mark

if TYPE_CHECKING:
    from .scene import JourneyScene

Z_CELL = -20.0
Z_CURVE = -19.0
Z_CARD = 0.0
"""The default z value: card items never set theirs, except while dragged."""
Z_HEADER = 20.0
Z_DRAGGED = 100.0
Z_INDICATOR = 200.0
Z_EDITOR = 300.0

CARD_MARGIN = 6.0
"""Room around a card's rect for its shadow and selection outline (inside its bounding rect)."""
CARD_RADIUS = style.CARD_RADIUS
STRIPE_WIDTH = style.STRIPE_WIDTH
ICON_SIZE = int(style.ICON_SIZE)
BADGE_RADIUS = style.BADGE_RADIUS
MAX_DOTS = style.MAX_DOTS
BASE_FONT_SIZE = Metrics().font_size
"""The card type size the badge, dot and icon sizes of `cjmapper.style` are drawn for."""
DOT_DIAMETER = style.DOT_DIAMETER
DOT_PITCH = style.DOT_PITCH

LANE_KIND_NAMES: dict[LaneKind, object] = {
    LaneKind.TOUCHPOINTS: QT_TRANSLATE_NOOP("JourneyCanvas", "Touchpoints"),
    LaneKind.ACTIONS: QT_TRANSLATE_NOOP("JourneyCanvas", "Customer actions"),
    LaneKind.THOUGHTS: QT_TRANSLATE_NOOP("JourneyCanvas", "Thoughts"),
    LaneKind.EMOTIONS: QT_TRANSLATE_NOOP("JourneyCanvas", "Experience curve"),
    LaneKind.PAIN_POINTS: QT_TRANSLATE_NOOP("JourneyCanvas", "Pain points"),
    LaneKind.OPPORTUNITIES: QT_TRANSLATE_NOOP("JourneyCanvas", "Opportunities"),
    LaneKind.BACKSTAGE: QT_TRANSLATE_NOOP("JourneyCanvas", "Backstage"),
    LaneKind.NOTES: QT_TRANSLATE_NOOP("JourneyCanvas", "Notes"),
}
"""In English; lane_kind_name() translates (the strings are marked for the translation catalogue)."""


def lane_kind_name(kind: LaneKind) -> str:
    return tr(str(LANE_KIND_NAMES.get(kind, kind.value)))


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setPerformanceHint(QStaticText.PerformanceHint.ModerateCaching)
    return static


@cache
def _lane_pixmap(kind: LaneKind, size: int) -> QPixmap | None:
    try:
        from ..icons import lane_pixmap
    except ImportError:  # the icons module is optional: the lane glyphs are drawn then
        return None
    try:
        return lane_pixmap(kind, size, 2.0)
    except (OSError, ValueError):
        return None


@cache
def _channel_pixmap(channel: str | None, size: int) -> QPixmap | None:
    try:
        from ..icons import channel_pixmap
    except ImportError:  # the icons module is optional
        return None
    try:
        return channel_pixmap(channel, size, 2.0)
    except (OSError, ValueError):
        return None


SHADOW = QColor(15, 23, 42, 30)
SHADOW_NEAR = QColor(15, 23, 42, 34)
SHADOW_FAR = QColor(15, 23, 42, 22)


@dataclass(frozen=True)
class CardShapes:
    """The outlines of a card of one size (cards share a handful of sizes, so these are made once each)."""

    body: QPainterPath
    outline: QPainterPath
    stripe: QPainterPath
    shadow: QPainterPath
    lifted_shadow: QPainterPath
    lifted_contact: QPainterPath
    selection: QPainterPath


def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


@cache
def card_shapes(width: float, height: float) -> CardShapes:
    body = QRectF(0.0, 0.0, width, height)
    stripe = _rounded(QRectF(0.5, 0.5, STRIPE_WIDTH + CARD_RADIUS, height - 1), CARD_RADIUS)
    left = QPainterPath()
    left.addRect(QRectF(0.0, 0.0, STRIPE_WIDTH + 0.5, height))
    return CardShapes(
        body=_rounded(body, CARD_RADIUS),
        outline=_rounded(body.adjusted(0.5, 0.5, -0.5, -0.5), CARD_RADIUS),
        stripe=stripe.intersected(left),
        shadow=_rounded(body.translated(0, 1.2), CARD_RADIUS),
        lifted_shadow=_rounded(body.adjusted(-2, 1, 2, 5), CARD_RADIUS + 2),
        lifted_contact=_rounded(body.adjusted(-0.5, 1, 0.5, 3), CARD_RADIUS + 1),
        selection=_rounded(body.adjusted(-1.5, -1.5, 1.5, 1.5), CARD_RADIUS + 1.5),
    )


@cache
def font_height(size: float, bold: bool = False) -> float:
    return QFontMetricsF(canvas_font(size, bold)).height()


def score_strip(width: float, height: float) -> QRectF:
    """Where a card drawn as a block shows its score colour (its right end), in card coordinates."""
    return QRectF(width * 0.72, 0.0, width * 0.28, height)


class CardItem(QGraphicsRectItem):
    """One touchpoint card. Its position and size come from its `CardBox`; its looks from its `Touchpoint`."""

    # Defaults on the class, so making one of 5,000 cards sets only what differs.
    hovered = False
    dragging = False
    editing = False
    _texts: list[QStaticText] | None = None
    _notes: tuple[QStaticText, ...] = ()
    _label: QStaticText | None = None
    _label_room = 0.0
    _more: QStaticText | None = None

    def __init__(self, scene: JourneyScene, box: CardBox, card: Touchpoint, colour: QColor) -> None:
        rect = box.rect
        super().__init__(-CARD_MARGIN, -CARD_MARGIN, rect.width + 2 * CARD_MARGIN, rect.height + 2 * CARD_MARGIN)
        self.journey_scene = scene
        self.touchpoint_id = box.touchpoint_id
        self.box = box
        self.card = card
        self.colour = colour
        # Few calls per card: 5,000 cards are made when a big journey opens. The default pen only widens the
        # bounding rect by half a unit (inside the shadow margin); the z value is the default (cards at 0).
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPos(rect.x, rect.y)
        if box.title_elided:
            self.setToolTip(card.title)

    # ------------------------------------------------------------------ model

    def set_box(self, box: CardBox) -> None:
        """Take a new place and size from the layout (text is only re-made when the wrapped lines changed)."""
        old = self.box
        self.box = box
        rect = box.rect
        if rect.width != old.rect.width or rect.height != old.rect.height:
            self.setRect(-CARD_MARGIN, -CARD_MARGIN, rect.width + 2 * CARD_MARGIN, rect.height + 2 * CARD_MARGIN)
        if not self.dragging:
            self.setPos(rect.x, rect.y)
        if (box.title_lines, box.note_lines, box.channel_label) != (old.title_lines, old.note_lines, old.channel_label):
            self._texts = None
            self._label = None
            self.update()
        if box.title_elided != old.title_elided:
            self.setToolTip(self.card.title if box.title_elided else "")

    def set_card(self, card: Touchpoint, colour: QColor) -> None:
        """Show a new version of the touchpoint (score, votes, channel, status, colour)."""
        old = self.card
        self.card = card
        looks = (card.score, card.votes, card.channel, card.status)
        changed = colour != self.colour or looks != (old.score, old.votes, old.channel, old.status)
        self.colour = colour
        if card.votes != old.votes:
            self._more = None
        if card.title != old.title and self.box.title_elided:
            self.setToolTip(card.title)
        if changed:
            self.update()

    def card_rect(self) -> QRectF:
        """The card in item coordinates (without the shadow margin)."""
        return QRectF(0.0, 0.0, self.box.rect.width, self.box.rect.height)

    def title_rect(self) -> QRectF:
        """Where the title lines are drawn, in item coordinates."""
        m = self.journey_scene.metrics
        lines = max(1, len(self.box.title_lines))
        return QRectF(m.card_padding, m.card_padding, self.box.rect.width - 2 * m.card_padding, lines * m.line_height)

    def shape(self) -> QPainterPath:
        return card_shapes(self.box.rect.width, self.box.rect.height).body

    # ------------------------------------------------------------------ painting

    def _prepare_texts(self) -> None:
        self._texts = [_static(line) for line in self.box.title_lines]
        self._notes = tuple(_static(line) for line in self.box.note_lines)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOW_DETAIL:
            self._paint_low_detail(painter, lod)
            return
        m = self.journey_scene.metrics
        w, h = self.box.rect.width, self.box.rect.height
        shapes = card_shapes(w, h)
        lifted = self.hovered or self.dragging
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Shadow: a soft drop under the card, larger when lifted (hover, drag).
        painter.setPen(Qt.PenStyle.NoPen)
        if lifted:
            painter.setBrush(SHADOW_FAR)
            painter.drawPath(shapes.lifted_shadow)
            painter.setBrush(SHADOW_NEAR)
            painter.drawPath(shapes.lifted_contact)
            painter.translate(0, -1)
        else:
            painter.setBrush(SHADOW)
            painter.drawPath(shapes.shadow)
        # Body: a light tint of the card's colour, a stripe of it on the left, a thin border.
        colour = self.colour
        painter.setBrush(tint(colour, 0.16))
        painter.setPen(QPen(shade(colour, 0.25) if lifted else CARD_BORDER, 1.0))
        painter.drawPath(shapes.outline)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(shapes.stripe)
        # Title lines, as the layout wrapped them.
        if self._texts is None:
            self._prepare_texts()
        font = canvas_font(m.font_size)
        text_height = font_height(m.font_size)
        painter.setFont(font)
        if not self.editing:
            painter.setPen(INK)
            y = m.card_padding + (m.line_height - text_height) / 2
            for static in self._texts or ():
                painter.drawStaticText(QPointF(m.card_padding, y), static)
                y += m.line_height
            if self._notes:
                painter.setFont(canvas_font(m.note_font_size))
                painter.setPen(MUTED_INK)
                y = m.card_padding + max(1, len(self._texts or ())) * m.line_height
                y += (m.note_line_height - font_height(m.note_font_size)) / 2
                for static in self._notes:
                    painter.drawStaticText(QPointF(m.card_padding, y), static)
                    y += m.note_line_height
        self._paint_footer(painter, m, w, h, text_height)
        paint_status_mark(painter, self.card.status, w, m.font_size / BASE_FONT_SIZE)
        if self.isSelected():
            painter.setPen(QPen(highlight_color(), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shapes.selection)

    def _paint_footer(self, painter: QPainter, m: Metrics, w: float, h: float, fm_height: float) -> None:
        """Channel icon and name on the left; score badge on the right with the vote dots left of it. The name
        gives way to the dots: it is elided (with "…") when both do not fit."""
        top = h - m.card_padding - m.footer_height
        middle = top + m.footer_height / 2
        text_top = middle - fm_height / 2
        k = m.font_size / BASE_FONT_SIZE  # badge, dots and icon grow with the type (workshop mode)
        badge_radius = BADGE_RADIUS * k
        badge_centre = QPointF(w - m.card_padding - badge_radius, middle)
        badge_font = canvas_font(style.BADGE_FONT_SIZE * k, bold=True)
        draw_score_badge(painter, badge_centre, badge_radius, self.card.score, badge_font)
        painter.setFont(canvas_font(m.font_size))
        right = badge_centre.x() - badge_radius - 5 * k
        votes = self.card.votes
        if votes > 0:
            shown = min(votes, MAX_DOTS if votes <= MAX_DOTS else MAX_DOTS - 2)
            if votes > shown:
                if self._more is None:
                    self._more = _static(f"+{votes - shown}")
                right -= self._more.size().width()
                painter.setPen(VOTE_DOT)
                painter.drawStaticText(QPointF(right, text_top), self._more)
                right -= 2
            per_row = (shown + 1) // 2 if shown > 5 else shown
            rows = 2 if shown > 5 else 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(VOTE_DOT)
            for i in range(shown):
                row, column = divmod(i, per_row)
                cx = right - (per_row - column) * DOT_PITCH * k + DOT_PITCH * k / 2
                cy = middle + (row - (rows - 1) / 2) * DOT_PITCH * k
                painter.drawEllipse(QPointF(cx, cy), DOT_DIAMETER * k / 2, DOT_DIAMETER * k / 2)
            right -= per_row * DOT_PITCH * k
        if not self.card.channel:
            return
        x = m.card_padding
        icon = round(ICON_SIZE * k)
        pixmap = _channel_pixmap(self.card.channel, icon)
        if pixmap is not None:
            painter.drawPixmap(QRectF(x, middle - icon / 2, icon, icon), pixmap, QRectF(pixmap.rect()))
        x += icon + 4
        label = self._fitted_label(right - 6 - x, m.font_size)
        if label is not None:
            painter.setPen(MUTED_INK)
            painter.drawStaticText(QPointF(x, text_top), label)

    def _fitted_label(self, width: float, size: float) -> QStaticText | None:
        """The channel name as the layout elided it, elided further when only `width` is free (cached)."""
        text = self.box.channel_label
        if not text or width <= 0:
            return None
        if self._label is not None and self._label_room == width:
            return self._label
        label = _static(text)
        if label.size().width() > width:
            metrics = QFontMetricsF(canvas_font(size))
            label = _static(metrics.elidedText(text.rstrip("…"), Qt.TextElideMode.ElideRight, width))
        self._label = label
        self._label_room = width
        return label

    def _paint_low_detail(self, painter: QPainter, lod: float) -> None:
        w, h = self.box.rect.width, self.box.rect.height
        painter.fillRect(QRectF(0.0, 0.0, w, h), self.colour)
        if self.card.score is not None:
            painter.fillRect(score_strip(w, h), score_color(self.card.score))
        if self.isSelected():
            pen = QPen(highlight_color(), max(2.0, 3.0 / max(lod, 0.01)))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0.0, 0.0, w, h))

    # ------------------------------------------------------------------ interaction (delegated to the scene)

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self.hovered:
            self.hovered = hovered
            self.update()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt's name
        self.set_hovered(True)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt's name
        self.set_hovered(False)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)  # selection: click selects, Ctrl+click toggles on release
        if event.button() == Qt.MouseButton.LeftButton:
            self.journey_scene.card_pressed(self, event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.journey_scene.card_dragged(self, event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.journey_scene.card_released(self, event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.journey_scene.select_ids([self.touchpoint_id])
            self.journey_scene.edit_title(self.touchpoint_id)
            event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        if not self.isSelected():
            self.journey_scene.select_ids([self.touchpoint_id])
        self.journey_scene.show_card_menu(event.screenPos())
        event.accept()


class CellItem(QGraphicsRectItem):
    """The background of one card cell. Takes no mouse buttons, so a press on it starts a rubber band."""

    def __init__(self, phase_id: int, lane_id: int, rect: Rect, alternate: bool) -> None:
        super().__init__(qrect(rect))
        self.key = (phase_id, lane_id)
        self.alternate = alternate
        pen = QPen(GRID_LINE, 1.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(CELL_BACKGROUND_ALT if alternate else CELL_BACKGROUND)
        self.setZValue(Z_CELL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_geometry(self, rect: Rect, alternate: bool) -> None:
        new = qrect(rect)
        if new != self.rect():
            self.setRect(new)
        if alternate != self.alternate:
            self.alternate = alternate
            self.setBrush(CELL_BACKGROUND_ALT if alternate else CELL_BACKGROUND)


class TargetFrameItem(QGraphicsRectItem):
    """Marks the cell a drag would drop into: a line in the selection colour along its top and bottom, and short
    corner pieces down the sides. Made of thin strip items, so moving it to another cell repaints only the strips
    (full-height side lines would repaint a whole column of cards in a tall cell)."""

    WIDTH = 2.0
    CORNER = 18.0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_INDICATOR - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.strips = [QGraphicsRectItem(self) for _ in range(6)]
        for strip in self.strips:
            strip.setPen(Qt.PenStyle.NoPen)
            strip.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.frame = QRectF()
        self.hide()

    def show_frame(self, rect: QRectF) -> None:
        if rect != self.frame:
            self.frame = QRectF(rect)
            w = self.WIDTH
            r = rect.adjusted(1, 1, -1, -1)
            side = min(self.CORNER, r.height() / 2)
            pieces = (
                QRectF(r.left(), r.top(), r.width(), w),
                QRectF(r.left(), r.bottom() - w, r.width(), w),
                QRectF(r.left(), r.top(), w, side),
                QRectF(r.right() - w, r.top(), w, side),
                QRectF(r.left(), r.bottom() - side, w, side),
                QRectF(r.right() - w, r.bottom() - side, w, side),
            )
            brush = QBrush(highlight_color())
            for strip, piece in zip(self.strips, pieces, strict=True):
                strip.setRect(piece)
                strip.setBrush(brush)
        if not self.isVisible():
            self.show()


class _HeaderItem(QGraphicsRectItem):
    """Shared mouse handling of phase and lane headers: drag to reorder, double-click to rename, context menu."""

    def __init__(self, scene: JourneyScene, kind: str, item_id: int) -> None:
        super().__init__()
        self.journey_scene = scene
        self.kind = kind
        self.item_id = item_id
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_HEADER)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.journey_scene.header_pressed(self, event)
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.journey_scene.header_dragged(self, event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.journey_scene.header_released(self, event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.journey_scene.rename_header(self.kind, self.item_id)
            event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.journey_scene.show_header_menu(self.kind, self.item_id, event.screenPos())
        event.accept()

    def name_rect(self) -> QRectF:
        """Where the name is drawn (and edited), in item coordinates."""
        raise NotImplementedError


class PhaseHeaderItem(_HeaderItem):
    """A phase's column header: colour band, name, touchpoint count and average score."""

    def __init__(self, scene: JourneyScene, box: PhaseBox) -> None:
        super().__init__(scene, "phase", box.phase_id)
        self.box = box
        self.name = ""
        self.colour = QColor()
        self.count = 0
        self.average: float | None = None
        self.setRect(0.0, 0.0, box.header.width, box.header.height)
        self.setPos(box.header.x, box.header.y)

    def set_box(self, box: PhaseBox) -> None:
        old = self.box
        self.box = box
        if (box.header.width, box.header.height) != (old.header.width, old.header.height):
            self.setRect(0.0, 0.0, box.header.width, box.header.height)
        self.setPos(box.header.x, box.header.y)

    def set_content(self, phase: Phase, colour: QColor, count: int, average: float | None) -> None:
        content = (phase.name, colour.rgb(), count, average)
        if content != (self.name, self.colour.rgb(), self.count, self.average):
            self.name, self.colour, self.count, self.average = phase.name, colour, count, average
            self.update()
        tooltip = phase.description
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)

    def name_rect(self) -> QRectF:
        m = self.journey_scene.metrics
        return QRectF(12.0, 14.0, self.box.header.width - 24.0, m.header_font_size + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        m = self.journey_scene.metrics
        w, h = self.box.header.width, self.box.header.height
        painter.fillRect(QRectF(0, 0, w, h), HEADER_BACKGROUND)
        painter.fillRect(QRectF(0, 0, w, 6), self.colour)
        painter.setPen(QPen(GRID_LINE, 0))
        painter.drawLine(QLineF(w - 0.5, 0, w - 0.5, h))
        painter.drawLine(QLineF(0, h - 0.5, w, h - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.15:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        name_font = canvas_font(m.header_font_size, bold=True)
        painter.setFont(name_font)
        painter.setPen(INK)
        name_rect = self.name_rect()
        elided = QFontMetricsF(name_font).elidedText(self.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        figures_font = canvas_font(m.font_size)
        painter.setFont(figures_font)
        painter.setPen(MUTED_INK)
        count = tr("1 touchpoint") if self.count == 1 else tr("{0} touchpoints").format(self.count)
        line = QRectF(12.0, h - 26.0, w - 24.0, 18.0)
        badge_width = 0.0
        if self.average is not None:
            badge_font = canvas_font(m.font_size, bold=True)
            text = tr("avg {0}").format(decimal(self.average))
            badge_width = QFontMetricsF(badge_font).horizontalAdvance(text) + 14
            badge = QRectF(line.right() - badge_width, line.y(), badge_width, line.height())
            fill = score_color(self.average)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("#111111") if fill.lightnessF() > 0.55 else QColor("#ffffff"))
            painter.setFont(badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            painter.setFont(figures_font)
            painter.setPen(MUTED_INK)
        text_rect = line.adjusted(0, 0, -badge_width - 6, 0)
        elided = QFontMetricsF(figures_font).elidedText(count, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)


class LaneHeaderItem(_HeaderItem):
    """A lane's row header on the left: colour stripe, kind icon and name (the kind's name is the tooltip)."""

    def __init__(self, scene: JourneyScene, box: LaneBox) -> None:
        super().__init__(scene, "lane", box.lane_id)
        self.box = box
        self.name = ""
        self.lane_kind = LaneKind.TOUCHPOINTS
        self.colour = QColor()
        self.alternate = False
        self._lines: tuple[str, ...] = ()
        self._font_size = scene.metrics.header_font_size
        self.setRect(0.0, 0.0, box.header.width, box.header.height)
        self.setPos(box.header.x, box.header.y)

    def set_box(self, box: LaneBox, alternate: bool) -> None:
        old = self.box
        self.box = box
        if (box.header.width, box.header.height) != (old.header.width, old.header.height):
            self.setRect(0.0, 0.0, box.header.width, box.header.height)
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

    def _fit_name(self) -> None:
        """Wrap the name into the header: at the header size if every word fits a line, else a size or two
        smaller; as many lines as the header is tall, the last ending in "…" when cut."""
        m = self.journey_scene.metrics
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

    def name_rect(self) -> QRectF:
        m = self.journey_scene.metrics
        return QRectF(38.0, 12.0, self.box.header.width - 38.0 - 5.0, m.header_font_size + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        w, h = self.box.header.width, self.box.header.height
        painter.fillRect(QRectF(0, 0, w, h), QColor("#eceff3") if self.alternate else LANE_HEADER_BACKGROUND)
        painter.fillRect(QRectF(0, 0, 5, h), self.colour)
        painter.setPen(QPen(GRID_LINE, 0))
        painter.drawLine(QLineF(w - 0.5, 0, w - 0.5, h))
        painter.drawLine(QLineF(0, h - 0.5, w, h - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.15:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        icon = QRectF(12.0, 13.0, 20.0, 20.0)
        pixmap = _lane_pixmap(self.lane_kind, 20)
        if pixmap is not None:
            painter.drawPixmap(icon, pixmap, QRectF(pixmap.rect()))
        else:
            draw_lane_glyph(painter, self.lane_kind, icon)
        painter.setFont(canvas_font(self._font_size, bold=True))
        painter.setPen(INK)
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


def draw_lane_glyph(painter: QPainter, kind: LaneKind, rect: QRectF) -> None:
    """A simple drawn symbol per lane kind, for when the SVG icons are missing."""
    painter.save()
    pen = QPen(QColor("#33415c"), 1.8)
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

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__()
        self.journey_scene = scene
        self.title = ""
        self._lines: tuple[str, ...] = ()
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_HEADER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_content(self, rect: QRectF, title: str) -> None:
        if rect != self.rect():
            self.setRect(rect)
        if title != self.title:
            self.title = title
            m = self.journey_scene.metrics
            self._lines = FontMetrics(m.font_size + 1, bold=True).wrap(title, max(1.0, rect.width() - 24), 3)[0]
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r = self.rect()
        m = self.journey_scene.metrics
        painter.fillRect(r, QColor("#dfe5ec"))
        painter.setPen(QPen(GRID_LINE, 0))
        painter.drawLine(QLineF(r.right() - 0.5, r.top(), r.right() - 0.5, r.bottom()))
        painter.drawLine(QLineF(r.left(), r.bottom() - 0.5, r.right(), r.bottom() - 0.5))
        font = canvas_font(m.font_size + 1, bold=True)
        painter.setFont(font)
        painter.setPen(INK)
        height = QFontMetricsF(font).height()
        y = r.top() + max(6.0, (r.height() - height * len(self._lines)) / 2)
        for line in self._lines:
            painter.drawText(QRectF(r.left() + 12, y, r.width() - 20, height), int(Qt.AlignmentFlag.AlignLeft), line)
            y += height


class CurveItem(QGraphicsItem):
    """The experience curve of one emotions lane: guide lines per score, the scored cards joined left to right,
    and each phase's average marked."""

    def __init__(self, scene: JourneyScene, lane: LaneBox) -> None:
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
        r = self._bounds
        m = self.journey_scene.metrics
        painter.fillRect(r, QColor("#fbfbfd"))
        grid = QPen(GRID_LINE, 0)
        painter.setPen(grid)
        for phase in self.phases:
            painter.drawLine(QLineF(phase.column.x, r.top(), phase.column.x, r.bottom()))
        painter.drawLine(QLineF(r.right() - 0.5, r.top(), r.right() - 0.5, r.bottom()))
        painter.drawLine(QLineF(r.left(), r.bottom() - 0.5, r.right(), r.bottom() - 0.5))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        guide = QPen(QColor("#e3e7ec"), 1.0, Qt.PenStyle.DashLine)
        guide.setCosmetic(True)
        small = canvas_font(m.font_size - 1)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            y = curve_y(self.lane, score)
            painter.setPen(guide)
            painter.drawLine(QLineF(r.left() + 18, y, r.right(), y))
            if lod >= LOW_DETAIL:
                painter.setPen(score_color(score))
                painter.setFont(small)
                painter.drawText(QRectF(r.left() + 4, y - 8, 12, 16), Qt.AlignmentFlag.AlignCenter, str(score))
        curve = self.curve
        if curve is None:
            return
        # Phase averages: a dashed bar across the column in the phase's colour, with the value.
        for mark in curve.phase_marks:
            column = next((p.column for p in self.phases if p.phase_id == mark.phase_id), None)
            if column is None:
                continue
            colour = self.phase_colours.get(mark.phase_id, CURVE_LINE)
            pen = QPen(shade(colour, 0.15), 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            half = column.width * 0.36
            painter.drawLine(QLineF(mark.x - half, mark.y, mark.x + half, mark.y))
            if lod >= LOW_DETAIL:
                label = tr("avg {0}").format(decimal(mark.average))
                font = canvas_font(m.font_size - 1, bold=True)
                painter.setFont(font)
                width = QFontMetricsF(font).horizontalAdvance(label) + 10
                box = QRectF(mark.x + half - width, mark.y - 19, width, 15)
                if box.top() < r.top() + 2:
                    box.moveTop(mark.y + 4)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 230))
                painter.drawRoundedRect(box, 4, 4)
                painter.setPen(shade(colour, 0.35))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        if not curve.points:
            return
        path = QPainterPath(QPointF(curve.points[0].x, curve.points[0].y))
        for point in curve.points[1:]:
            path.lineTo(point.x, point.y)
        line = QPen(CURVE_LINE, 2.5)
        line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if lod < 0.25:
            return
        outline = QPen(QColor("#ffffff"), 1.5)
        painter.setPen(outline)
        for point in curve.points:
            painter.setBrush(score_color(point.score))
            painter.drawEllipse(QPointF(point.x, point.y), 5.0, 5.0)


class OverviewItem(QGraphicsItem):
    """All cards as plain blocks (colour, score strip, selection outline) in a few batched draw calls; shown instead
    of the cards' own painting when zoomed out below `OVERVIEW_ZOOM`."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._fills: list[tuple[QColor, list[QRectF]]] = []
        self._scores: list[tuple[QColor, list[QRectF]]] = []
        self._selected: list[QRectF] = []
        self.setZValue(Z_CARD - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def set_blocks(
        self, bounds: QRectF, fills: list[tuple[QColor, list[QRectF]]], scores: list[tuple[QColor, list[QRectF]]]
    ) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)
        self._fills = fills
        self._scores = scores
        self.update()

    def set_selected(self, rects: list[QRectF]) -> None:
        if rects or self._selected:
            self._selected = rects
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in self._fills:
            painter.setBrush(colour)
            painter.drawRects(rects)
        for colour, rects in self._scores:
            painter.setBrush(colour)
            painter.drawRects(rects)
        if self._selected:
            pen = QPen(highlight_color(), 2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._selected)


class DropIndicatorItem(QGraphicsItem):
    """A thick line in the selection colour where dragged cards (or a dragged header) will land."""

    def __init__(self) -> None:
        super().__init__()
        self._line = QLineF()
        self._bounds = QRectF()
        self.setZValue(Z_INDICATOR)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    @property
    def line(self) -> QLineF:
        return QLineF(self._line)

    def show_line(self, p1: QPointF, p2: QPointF) -> None:
        line = QLineF(p1, p2)
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line
            self._bounds = QRectF(p1, p2).normalized().adjusted(-6, -6, 6, 6)
        if not self.isVisible():
            self.show()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = highlight_color()
        pen = QPen(colour, 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(self._line)
        painter.setPen(QPen(colour, 2.0))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawEllipse(self._line.p1(), 4.0, 4.0)
        painter.drawEllipse(self._line.p2(), 4.0, 4.0)

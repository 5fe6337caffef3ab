"""The card items and what every canvas item shares (z order, sizes, helpers, `ItemHost`: what items ask of the scene).

- `CardItem` per touchpoint: title lines as wrapped by the layout, channel icon and name, score badge, vote dots,
  its colour as a tinted fill with a stripe. Cached in device coordinates, so a repaint (and a drag) blits a pixmap;
  text is kept as QStaticText per card, never laid out again on paint. Below `LOW_DETAIL` zoom it is a plain block.
- `LaneRowItem` per lane: the card items of the lane stand in it, so a lane moves with one setPos.
- `HeaderItem`: the mouse gestures of phase and lane headers (reorder drag, rename, context menu), forwarded to the
  scene. The headers, cells, corner and curve are in `grid_items`; the overview, drop line and target frame in
  `overlay_items`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPainterPath, QPen, QPixmap, QStaticText
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
from cjmapper.layout import CardBox, CardParts, Metrics, Rect, fitted
from cjmapper.model import ImageRef, LaneKind, Touchpoint
from cjmapper.text import FontMetrics

from .painting import (
    LOW_DETAIL,
    canvas_font,
    draw_comment_badge,
    draw_score_badge,
    draw_text,
    highlight_color,
    score_color,
    shade,
    text_height,
    tr,
)
from .status_mark import paint_status_mark
from .theme import CanvasTheme


class MapWords(Protocol):
    """The map's own words in one language: a picture speaks its journey's language, as the poster does (the
    canvas speaks the interface's)."""

    def average(self, value: float) -> str: ...
    def touchpoints(self, count: int) -> str: ...


class ItemHost(Protocol):
    """What the items ask of the scene they stand in (`JourneyScene`): its sizes, its words, and the presses, drags,
    releases, double-clicks and context menus on cards and headers, which it turns into selection, drags, edits and
    menus."""

    @property
    def metrics(self) -> Metrics: ...
    @property
    def map_words(self) -> MapWords | None:
        """The words of the map's figures; None: the interface's (`tr`)."""
        ...

    @property
    def theme(self) -> CanvasTheme:
        """The colours to draw in."""
        ...

    def thumbnail(self, image: ImageRef) -> QPixmap | None:
        """A card's photo at thumbnail size (None: it cannot be read)."""
        ...

    def card_pressed(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> None: ...
    def card_dragged(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> None: ...
    def card_released(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> bool: ...
    def select_ids(self, ids: Iterable[int]) -> None: ...
    def edit_title(self, touchpoint_id: int) -> bool: ...
    def show_card_menu(self, screen_pos: QPoint) -> None: ...
    def header_pressed(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None: ...
    def header_dragged(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None: ...
    def header_released(self, item: HeaderItem, event: QGraphicsSceneMouseEvent) -> None: ...
    def rename_header(self, kind: str, item_id: int) -> bool: ...
    def show_header_menu(self, kind: str, item_id: int, screen_pos: QPoint) -> None: ...


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
MAX_DOTS = style.MAX_DOTS
DIMMED_OPACITY = 0.22
"""A card the filter leaves out is painted this opaque (still there: selectable, editable, in its place)."""

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


def plain_static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setPerformanceHint(QStaticText.PerformanceHint.ModerateCaching)
    return static


@cache
def icon_tint(theme: CanvasTheme) -> str | None:
    """The colour ("#rrggbb") a theme's icons are tinted to; None: as drawn."""
    return theme.icon.name() if theme.icon is not None else None


@cache
def lane_pixmap(kind: LaneKind, size: int, tint: str | None = None) -> QPixmap | None:
    try:
        from ..icons import lane_pixmap
    except ImportError:  # the icons module is optional: the lane glyphs are drawn then
        return None
    try:
        return lane_pixmap(kind, size, 2.0, tint)
    except (OSError, ValueError):
        return None


def vector_icon(painter: QPainter, rect: QRectF, channel: str | None = None, kind: LaneKind | None = None) -> bool:
    """Draw a channel's (or with `kind`, a lane kind's) icon as vectors when the painter paints into an SVG
    picture, where a pixmap would become an embedded bitmap; False when it did not (paint the pixmap then)."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.SVG:
        return False
    try:
        from ..icons import channel_icon_path, lane_icon_path, svg_renderer
    except ImportError:  # the icons module is optional
        return False
    renderer = svg_renderer(lane_icon_path(kind) if kind is not None else channel_icon_path(channel))
    if renderer is None:
        return False
    renderer.render(painter, rect)
    return True


@cache
def _channel_pixmap(channel: str | None, size: int, tint: str | None = None) -> QPixmap | None:
    try:
        from ..icons import channel_pixmap
    except ImportError:  # the icons module is optional
        return None
    try:
        return channel_pixmap(channel, size, 2.0, tint)
    except (OSError, ValueError):
        return None


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


def font_height(size: float, bold: bool = False) -> float:
    """The height of a line of text at `size` scene units, as the canvas draws it."""
    return text_height(size, bold)


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
    dimmed = False
    """Left out by the filter: painted faint (`set_dimmed`)."""
    comments = 0
    """The card's number of open comments, shown in its badge (`set_comments`)."""

    def __init__(
        self, scene: ItemHost, box: CardBox, card: Touchpoint, colour: QColor, row: LaneRowItem | None = None
    ) -> None:
        rect = box.rect
        super().__init__(-CARD_MARGIN, -CARD_MARGIN, rect.width + 2 * CARD_MARGIN, rect.height + 2 * CARD_MARGIN, row)
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
        self.setPos(rect.x, rect.y - row.y() if row is not None else rect.y)
        if box.title_elided:
            self.setToolTip(card.title)

    # ------------------------------------------------------------------ model

    def set_box(self, box: CardBox) -> None:
        """Take a new place and size from the layout (text is only re-made when the wrapped lines changed). The
        item stands in its lane's row item, so its place is relative to the row."""
        old = self.box
        self.box = box
        rect = box.rect
        if rect.width != old.rect.width or rect.height != old.rect.height:
            self.setRect(-CARD_MARGIN, -CARD_MARGIN, rect.width + 2 * CARD_MARGIN, rect.height + 2 * CARD_MARGIN)
        if not self.dragging:
            row = self.parentItem()
            self.setPos(rect.x, rect.y - row.y() if row is not None else rect.y)
        same = box.title_lines is old.title_lines and box.note_lines is old.note_lines
        if same and box.channel_label == old.channel_label and box.title_elided == old.title_elided:
            return  # only moved (the layout keeps a card's wrapped text while the card stays as it was)
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

    def set_comments(self, count: int) -> None:
        """Show `count` open comments in the card's badge (none: no badge)."""
        if count != self.comments:
            self.comments = count
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Paint the card faint (left out by the filter, `ui.canvas.find_marks`) or in full."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(DIMMED_OPACITY if dimmed else 1.0)

    def card_rect(self) -> QRectF:
        """The card in item coordinates (without the shadow margin)."""
        return QRectF(0.0, 0.0, self.box.rect.width, self.box.rect.height)

    def title_rect(self) -> QRectF:
        """Where the title lines are drawn, in item coordinates."""
        return qrect(self.box.parts(self.journey_scene.metrics).title)

    def shape(self) -> QPainterPath:
        return card_shapes(self.box.rect.width, self.box.rect.height).body

    # ------------------------------------------------------------------ painting

    def _prepare_texts(self) -> None:
        self._texts = [plain_static(line) for line in self.box.title_lines]
        self._notes = tuple(plain_static(line) for line in self.box.note_lines)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOW_DETAIL:
            self._paint_low_detail(painter, lod)
            return
        m, theme = self.journey_scene.metrics, self.journey_scene.theme
        w, h = self.box.rect.width, self.box.rect.height
        shapes = card_shapes(w, h)
        lifted = self.hovered or self.dragging
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Shadow: a soft drop under the card, larger when lifted (hover, drag).
        painter.setPen(Qt.PenStyle.NoPen)
        if lifted:
            painter.setBrush(theme.shadow_far)
            painter.drawPath(shapes.lifted_shadow)
            painter.setBrush(theme.shadow_near)
            painter.drawPath(shapes.lifted_contact)
            painter.translate(0, -1)
        else:
            painter.setBrush(theme.shadow)
            painter.drawPath(shapes.shadow)
        # Body: the card's colour mixed into the theme's card base, a stripe of it on the left, a thin border.
        colour = self.colour
        painter.setBrush(theme.card_body(colour))
        painter.setPen(QPen(shade(colour, 0.25) if lifted else theme.card_border, 1.0))
        painter.drawPath(shapes.outline)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(shapes.stripe)
        # Title lines and notes, as the layout wrapped them, at exactly the sizes it measured them at.
        if self._texts is None:
            self._prepare_texts()
        title_height = text_height(m.font_size)
        parts = self.box.parts(m)
        if not self.editing:
            painter.setPen(theme.ink)
            x = parts.title.x
            y = parts.title.y + (m.line_height - title_height) / 2
            for static in self._texts or ():
                draw_text(painter, x, y, static, m.font_size)
                y += m.line_height
            if self._notes:
                painter.setPen(theme.muted_ink)
                y = parts.notes.y + (m.note_line_height - text_height(m.note_font_size)) / 2
                for static in self._notes:
                    draw_text(painter, parts.notes.x, y, static, m.note_font_size)
                    y += m.note_line_height
        self._paint_thumbnail(painter, parts)
        self._paint_footer(painter, m, parts, title_height)
        paint_status_mark(painter, self.card.status, parts)
        if self.comments:
            draw_comment_badge(painter, qrect(parts.comments), self.comments)
        if self.isSelected():
            painter.setPen(QPen(highlight_color(), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shapes.selection)

    def _paint_thumbnail(self, painter: QPainter, parts: CardParts) -> None:
        """The card's photo, fitted in its slot of the layout (`CardParts.thumbnail`)."""
        image = self.card.image
        if image is None or parts.thumbnail.height <= 0:
            return
        pixmap = self.journey_scene.thumbnail(image)
        if pixmap is None:
            return
        target = qrect(fitted(parts.thumbnail, image.width, image.height))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
        painter.restore()

    def _paint_footer(self, painter: QPainter, m: Metrics, parts: CardParts, fm_height: float) -> None:
        """Channel icon and name on the left; score badge on the right with the vote dots left of it (where the
        layout's `CardParts` put them). The name gives way to the dots: it is elided (with "…") when both do not
        fit."""
        middle = parts.badge_y
        text_top = middle - fm_height / 2
        k = parts.scale  # badge, dots and icon grow with the type (workshop mode)
        theme = self.journey_scene.theme
        badge_centre = QPointF(parts.badge_x, middle)
        lane = self.parentItem()
        kind = lane.kind if isinstance(lane, LaneRowItem) else LaneKind.TOUCHPOINTS
        if style.shows_score_badge(self.card.score, kind):
            badge_font = canvas_font(style.BADGE_FONT_SIZE * k, bold=True)
            draw_score_badge(painter, badge_centre, parts.badge_radius, self.card.score, badge_font, theme.no_score)
        right = parts.dots_right
        votes = self.card.votes
        if votes > 0:
            shown = min(votes, MAX_DOTS if votes <= MAX_DOTS else MAX_DOTS - 2)
            if votes > shown:
                more = f"+{votes - shown}"
                if self._more is None:
                    self._more = plain_static(more)
                right -= FontMetrics(m.font_size).width(more)
                painter.setPen(theme.vote_dot)
                draw_text(painter, right, text_top, self._more, m.font_size)
                right -= 2
            per_row = (shown + 1) // 2 if shown > 5 else shown
            rows = 2 if shown > 5 else 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.vote_dot)
            pitch, radius = parts.dot_pitch, parts.dot_diameter / 2
            for i in range(shown):
                row, column = divmod(i, per_row)
                cx = right - (per_row - column) * pitch + pitch / 2
                cy = middle + (row - (rows - 1) / 2) * pitch
                painter.drawEllipse(QPointF(cx, cy), radius, radius)
            right -= per_row * pitch
        if not self.card.channel:
            return
        icon = parts.icon
        pixmap = _channel_pixmap(self.card.channel, round(icon.width), icon_tint(theme))
        if vector_icon(painter, qrect(icon), self.card.channel):
            pass  # into an SVG picture: the icon as paths
        elif pixmap is not None:
            painter.drawPixmap(qrect(icon), pixmap, QRectF(pixmap.rect()))
        x = parts.label_x
        label = self._fitted_label(right - 6 - x, m.font_size)
        if label is not None:
            painter.setPen(theme.muted_ink)
            draw_text(painter, x, text_top, label, m.font_size)

    def _fitted_label(self, width: float, size: float) -> QStaticText | None:
        """The channel name as the layout elided it, elided further (as the poster does) when only `width` is free
        (cached)."""
        text = self.box.channel_label
        if not text or width <= 0:
            return None
        if self._label is not None and self._label_room == width:
            return self._label
        font = FontMetrics(size)
        if font.width(text) > width:
            text = font.elide(text.rstrip("…"), width)
        label = plain_static(text)
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


class LaneRowItem(QGraphicsItem):
    """The card items of one lane stand in it, placed relative to the lane's top, so a lane that moves (one above it
    grew or shrank) moves its cards with one setPos. It draws nothing itself.

    Its cards lie inside its rect (the lane's row), which it tells the scene (ItemContainsChildrenInShape): the
    scene's index then holds the row, not each card, and finds the cards through it, so moving a row re-indexes
    one item instead of thousands. While a card of the row is dragged the rect spans the whole map."""

    def __init__(self, lane_id: int, y: float, kind: LaneKind = LaneKind.TOUCHPOINTS) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.kind = kind
        """The lane's kind: an unscored card shows its "no score" ring in a touchpoints lane only."""
        self._bounds = QRectF()
        self._row = QRectF()
        self._everywhere = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(0.0, y)

    def set_row(self, x: float, width: float, height: float) -> None:
        """The row's extent in its own coordinates (its top is y = 0)."""
        row = QRectF(x, 0.0, width, height)
        if row != self._row:
            self._row = row
            self._update_bounds()

    def set_kind(self, kind: LaneKind) -> None:
        """The lane's kind changed: its unscored cards show or lose their "no score" ring."""
        if kind is not self.kind:
            self.kind = kind
            for item in self.childItems():
                item.update()

    def set_everywhere(self, on: bool) -> None:
        """While a card of this row is dragged, it may be anywhere on the map."""
        if on != self._everywhere:
            self._everywhere = on
            self._update_bounds()

    def _update_bounds(self) -> None:
        bounds = QRectF(-1e7, -1e7, 2e7, 2e7) if self._everywhere else self._row
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


class HeaderItem(QGraphicsRectItem):
    """Shared mouse handling of phase and lane headers: drag to reorder, double-click to rename, context menu."""

    def __init__(self, scene: ItemHost, kind: str, item_id: int) -> None:
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

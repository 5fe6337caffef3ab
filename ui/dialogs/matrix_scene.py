"""The Prioritise dialog's matrix: a scene drawn from `cjmapper.matrix.matrix_layout` (quadrants, names, dots sized by
votes with their titles) and the view it is shown in. A dot is dragged within the matrix to
move it, or out onto the tray to take it off; the arrow keys move the selected dot (Shift: a step of 1, else 5) and
Delete takes it off. Every gesture ends in one call of the dialog's `place` (an undo step); the scene itself never
edits anything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMenu,
    QWidget,
)

from cjmapper.matrix import Box, Dot, MatrixLayout, Text, place_at, votes_text
from cjmapper.model import PLACE_MAX
from cjmapper.style import GRID_LINE, INK
from cjmapper.text import FontMetrics

from ..canvas.painting import canvas_font

STEP = 5
"""How far an arrow key moves a dot (Shift + arrow: 1)."""

Place = Callable[[int, int | None, int | None], None]
"""The dialog's `place(card id, impact, effort)` (both None: take the card off)."""


def _text_item(text: Text, parent: QGraphicsItem | None = None) -> QGraphicsSimpleTextItem:
    """A layout's text as a scene item: the same font, size, place and turn the PDF page gives it (held by an
    invisible item at its anchor, turned for a rotated text)."""
    holder = QGraphicsRectItem(parent)
    holder.setPen(QPen(Qt.PenStyle.NoPen))
    holder.setPos(text.x, text.baseline)
    if text.rotated:
        holder.setRotation(-90)
    item = QGraphicsSimpleTextItem(text.text, holder)
    item.setFont(canvas_font(text.size, text.bold))
    item.setBrush(QColor(text.colour))
    metrics = FontMetrics(text.size, text.bold)
    width = metrics.width(text.text)
    left = -width / 2 if text.align == "centre" else -width if text.align == "right" else 0.0
    item.setPos(left, -metrics.ascent)
    return item


class DotItem(QGraphicsEllipseItem):
    """A placed card: dragged to move it (one `place` on release), dropped on the tray to take it off."""

    def __init__(self, dot: Dot, scene: MatrixScene) -> None:
        r = dot.radius
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.dot = dot
        self.card_id = dot.card_id
        self._scene = scene
        self.setPos(dot.x, dot.y)
        self.setBrush(QBrush(QColor(dot.fill)))
        self.setPen(QPen(QColor(dot.stroke), 1.0))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(dot.title.text)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)
        count = votes_text(dot)
        if count is not None:
            _text_item(Text(0, count.baseline - dot.y, count.text, count.size, True, "centre"), self)
        title = dot.title
        _text_item(Text(title.x - dot.x, title.baseline - dot.y, title.text, title.size, align=title.align), self)
        self._pressed_at: QPointF | None = None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt\'s name
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = self.pos()
            self.setSelected(True)
            self.setFocus()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt\'s name
        if self._pressed_at is None:
            return
        plot = self._scene.layout.plot
        target = self._pressed_at + (event.scenePos() - event.buttonDownScenePos(Qt.MouseButton.LeftButton))
        self.setPos(_kept_near(plot, target))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt\'s name
        if self._pressed_at is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, self._pressed_at = self._pressed_at, None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self._scene.over_tray(event.screenPos()):
            self._scene.place(self.card_id, None, None)
            return
        if self.pos() == start:
            return
        impact, effort = place_at(self._scene.layout.plot, self.pos().x(), self.pos().y())
        self._scene.place(self.card_id, impact, effort)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt\'s name
        step = 1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
        moves = {
            Qt.Key.Key_Up: (step, 0),
            Qt.Key.Key_Down: (-step, 0),
            Qt.Key.Key_Right: (0, step),
            Qt.Key.Key_Left: (0, -step),
        }
        key = Qt.Key(event.key())
        if key in moves:
            up, right = moves[key]
            impact = max(0, min(PLACE_MAX, self.dot.impact + up))
            effort = max(0, min(PLACE_MAX, self.dot.effort + right))
            if (impact, effort) != (self.dot.impact, self.dot.effort):
                self._scene.place(self.card_id, impact, effort)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._scene.place(self.card_id, None, None)
            event.accept()
            return
        super().keyPressEvent(event)


def _kept_near(plot: Box, point: QPointF) -> QPointF:
    """`point`, kept within a dot's reach of the matrix (so a dot can be dragged out towards the tray)."""
    return QPointF(
        max(plot.x - 40, min(plot.x + plot.width + 400, point.x())),
        max(plot.y - 40, min(plot.y + plot.height + 40, point.y())),
    )


class MatrixScene(QGraphicsScene):
    """The matrix of one layout; `place` and `over_tray` are the dialog's."""

    def __init__(
        self,
        layout: MatrixLayout,
        place: Place,
        over_tray: Callable[[QPoint], bool],
        card_menu: Callable[[int, QPointF], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.layout = layout
        self.place = place
        self.over_tray = over_tray
        self.card_menu = card_menu
        self.dots: dict[int, DotItem] = {}
        self.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self.setBackgroundBrush(QColor("#ffffff"))
        self.build(layout)

    def build(self, layout: MatrixLayout) -> None:
        self.clear()
        self.dots = {}
        self.layout = layout
        for quadrant in layout.quadrants:
            box = quadrant.box
            rect = self.addRect(QRectF(box.x, box.y, box.width, box.height), QPen(Qt.PenStyle.NoPen))
            rect.setBrush(QColor(quadrant.fill))
            rect.setData(0, quadrant.name)
            rect.setToolTip(self.tr("Double-click to rename"))
            _text_item(quadrant.label, rect).setData(0, quadrant.name)
        plot = layout.plot
        grid = QPen(QColor(GRID_LINE), 1.0)
        self.addLine(plot.x + plot.width / 2, plot.y, plot.x + plot.width / 2, plot.y + plot.height, grid)
        self.addLine(plot.x, plot.y + plot.height / 2, plot.x + plot.width, plot.y + plot.height / 2, grid)
        axis = QPen(QColor(INK), 1.2)
        self.addLine(plot.x, plot.y, plot.x, plot.y + plot.height, axis)
        self.addLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height, axis)
        names = QGraphicsRectItem()  # holds the axes' names (an item without a parent belongs to the scene)
        names.setPen(QPen(Qt.PenStyle.NoPen))
        self.addItem(names)
        for text in layout.texts:
            _text_item(text, names).setData(0, "axis")
        for dot in layout.dots:
            item = DotItem(dot, self)
            self.addItem(item)
            self.dots[dot.card_id] = item

    def quadrant_at(self, point: QPointF) -> str | None:
        """The name ("quick_wins", ...) of the quadrant under `point`, or None."""
        for quadrant in self.layout.quadrants:
            if quadrant.box.contains(point.x(), point.y()):
                return quadrant.name
        return None


class MatrixView(QGraphicsView):
    """The matrix, fitted to the view; reports a double-click on a quadrant or an axis (`rename(name)`)."""

    rename = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixView")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(560, 400)

    def matrix(self) -> MatrixScene:
        scene = self.scene()
        assert isinstance(scene, MatrixScene)
        return scene

    def fit(self) -> None:
        if self.scene() is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt\'s name
        super().resizeEvent(event)
        self.fit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt\'s name
        point = self.mapToScene(event.position().toPoint())
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, DotItem):
            item = item.parentItem()
        if item is not None:
            return
        plot = self.matrix().layout.plot
        if plot.contains(point.x(), point.y()):
            name = self.matrix().quadrant_at(point)
            if name is not None:
                self.rename.emit(name)
        elif point.x() < plot.x:
            self.rename.emit("impact")
        elif point.y() > plot.y + plot.height:
            self.rename.emit("effort")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt\'s name
        item = self.itemAt(event.pos())
        while item is not None and not isinstance(item, DotItem):
            item = item.parentItem()
        if isinstance(item, DotItem):
            self.matrix().card_menu(item.card_id, QPointF(event.globalPos()))
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Rename Labels…"), lambda: self.rename.emit(""))
        menu.exec(event.globalPos())

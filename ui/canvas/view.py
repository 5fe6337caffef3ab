"""`JourneyView`: the QGraphicsView that shows a `JourneyScene`.

Zoom: Ctrl+wheel (about the point under the mouse), Ctrl+plus / Ctrl+minus, Ctrl+0 for 100%, `fit()` for the whole
map; `zoomChanged(float)` (1.0 = 100%) tells the status bar. Pan: the scroll bars, the wheel (Shift+wheel
sideways), a middle-button drag, or Space+drag. A press on empty canvas starts a rubber band; Ctrl adds to the
selection. The canvas' keys (Delete, F2, arrows, Ctrl+X/C/V/D...) go to the scene before any window shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from ui.canvas.painting import OVERVIEW_ZOOM, SCENE_BACKGROUND
from ui.canvas.scene import JourneyScene

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25
"""One Ctrl+plus/minus step."""
FIT_MARGIN = 12
"""Pixels left free around the map by `fit()`."""
AUTOSCROLL_ZONE = 36
"""Dragging a card or header this close (pixels) to the view's edge scrolls the view."""
AUTOSCROLL_SPEED = 24
"""Pixels per tick at the very edge."""
AUTOSCROLL_INTERVAL_MS = 30


class JourneyView(QGraphicsView):
    """The canvas widget. `setScene()` it a `JourneyScene`."""

    zoomChanged = Signal(float)  # noqa: N815 - Qt's naming of signals
    """The new zoom factor (1.0 = 100%) after every zoom and fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journeyView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(SCENE_BACKGROUND)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_start: QPoint | None = None
        self._space_held = False
        self._zoom = 1.0
        self._autoscroll_at: QPointF | None = None
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(AUTOSCROLL_INTERVAL_MS)
        self._autoscroll.timeout.connect(self._autoscroll_step)

    # ------------------------------------------------------------------ zoom

    @property
    def zoom(self) -> float:
        """The zoom factor: 1.0 is 100% (one scene unit per pixel)."""
        return self._zoom

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor` (clamped to 2%..400%), keeping the scene point under viewport point `anchor` (default:
        the viewport's centre) in place."""
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        viewport = self.viewport().rect()
        at = anchor if anchor is not None else QPointF(viewport.center())
        scene_point = self.mapToScene(at.toPoint())
        self._scale_to(factor)
        # Keep the scene point under the anchor: scroll so that it maps to the same viewport point again.
        moved = self.mapFromScene(scene_point)
        delta = moved - at.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
        self.zoomChanged.emit(self._zoom)

    def _scale_to(self, factor: float) -> None:
        self.resetTransform()
        self.scale(factor, factor)
        self._zoom = factor
        self._update_overview()

    def _update_overview(self) -> None:
        scene = self._journey_scene()
        if scene is not None:
            scene.set_overview(self._zoom < OVERVIEW_ZOOM)

    def zoom_in(self) -> None:
        """One step closer (x1.25)."""
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further away (/1.25)."""
        self.set_zoom(self._zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        """100%."""
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Zoom so the whole map fits the window (never above 100%)."""
        scene = self.scene()
        if scene is None:
            return
        rect = scene.sceneRect()
        viewport = self.viewport().rect().adjusted(FIT_MARGIN, FIT_MARGIN, -FIT_MARGIN, -FIT_MARGIN)
        if rect.isEmpty() or viewport.width() <= 0 or viewport.height() <= 0:
            return
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        self._scale_to(min(max(factor, MIN_ZOOM), MAX_ZOOM))
        self.centerOn(rect.center())
        self.zoomChanged.emit(self._zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.angleDelta().x()
            if delta:
                self.set_zoom(self._zoom * pow(ZOOM_STEP, delta / 120.0), event.position())
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ShiftModifier and not event.angleDelta().x():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ panning

    def _panning_press(self, event: QMouseEvent) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._panning_press(event):
            self._pan_start = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._pan_start is not None:
            now = event.position().toPoint()
            delta = now - self._pan_start
            self._pan_start = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        scene = self._journey_scene()
        if scene is not None and scene.dragging and self._autoscroll_delta(event.position()) != (0, 0):
            self._autoscroll_at = event.position()
            if not self._autoscroll.isActive():
                self._autoscroll.start()
        else:
            self._stop_autoscroll()

    # ------------------------------------------------------------------ autoscroll while dragging

    def _autoscroll_delta(self, at: QPointF) -> tuple[int, int]:
        """How far to scroll per tick with the pointer at `at`: faster the deeper it is in the edge zone."""
        rect = self.viewport().rect()

        def speed(position: float, low: float, high: float) -> int:
            if position < low + AUTOSCROLL_ZONE:
                return -max(1, round(AUTOSCROLL_SPEED * (low + AUTOSCROLL_ZONE - position) / AUTOSCROLL_ZONE))
            if position > high - AUTOSCROLL_ZONE:
                return max(1, round(AUTOSCROLL_SPEED * (position - high + AUTOSCROLL_ZONE) / AUTOSCROLL_ZONE))
            return 0

        return speed(at.x(), rect.left(), rect.right()), speed(at.y(), rect.top(), rect.bottom())

    def _autoscroll_step(self) -> None:
        scene = self._journey_scene()
        at = self._autoscroll_at
        if scene is None or at is None or not scene.dragging:
            self._stop_autoscroll()
            return
        dx, dy = self._autoscroll_delta(at)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        before = (h.value(), v.value())
        h.setValue(h.value() + dx)
        v.setValue(v.value() + dy)
        if (h.value(), v.value()) == before:
            return
        scene.continue_drag(self.mapToScene(at.toPoint()))

    def _stop_autoscroll(self) -> None:
        self._autoscroll_at = None
        self._autoscroll.stop()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._stop_autoscroll()
        if self._pan_start is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_start = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    @property
    def panning(self) -> bool:
        return self._pan_start is not None

    # ------------------------------------------------------------------ keys

    def _journey_scene(self) -> JourneyScene | None:
        scene = self.scene()
        return scene if isinstance(scene, JourneyScene) else None

    def _zoom_key(self, event: QKeyEvent) -> bool:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.zoom_reset()
        else:
            return False
        return True

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            scene = self._journey_scene()
            if scene is not None and scene.editor.active:
                # The inline editor takes its keys, and the canvas' own shortcuts do nothing while it edits.
                super().event(event)
                if scene.handles_key(event):
                    event.accept()
                return True
            if scene is not None and scene.handles_key(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        scene = self._journey_scene()
        editing = scene is not None and scene.editor.active
        if not editing and event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            if self._pan_start is None:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if not editing and self._zoom_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_held:
            self._space_held = False
            if self._pan_start is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._space_held = False
        super().focusOutEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        scene = self._journey_scene()
        if scene is not None:
            scene.pointer_left()
        super().leaveEvent(event)

    # ------------------------------------------------------------------ helpers for the window and tests

    def setScene(self, scene: QGraphicsScene | None) -> None:  # noqa: N802 - Qt's name
        super().setScene(scene)
        self._update_overview()
        self.zoomChanged.emit(self._zoom)

    def scene_rect_in_view(self, rect: QRectF) -> QRectF:
        """A scene rect in viewport coordinates."""
        return self.mapFromScene(rect).boundingRect().toRectF()

"""`JourneyView`: the QGraphicsView that shows a `JourneyScene`.

Zoom: Ctrl+wheel (about the point under the mouse), Ctrl+plus / Ctrl+minus, Ctrl+0 for 100%, `fit()` for the whole
map; `zoomChanged(float)` (1.0 = 100%) tells the status bar. Pan: the scroll bars, the wheel (Shift+wheel
sideways), a middle-button drag, or Space+drag. A press on empty canvas starts a rubber band; Ctrl adds to the
selection. The canvas' keys (Delete, F2, arrows, Ctrl+X/C/V/D...) go to the scene before any window shortcut.

Phase focus: Page Down / Page Up (`focus_next_phase(1)` / `(-1)`) zoom to the next / previous phase, its whole
column (header to the map's bottom) fitted in the window, in a quick animation; the other phases are veiled while
one has the focus. A column too tall to fit at 100% is shown at 100% from its header down instead (zooming out
further would make the text smaller than in the whole-map view, which is no focus at all). Home
(`show_whole_journey()`) fits the whole map again.

Zoom, fit, the place each journey was left at and the sticky headers come from `FittingView` (`ui.canvas.view_fit`).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import (
    QContextMenuEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from . import accessible
from .theme import CanvasTheme, current_theme, scheme_watch
from .view_fit import FIT_MARGIN, MAX_ZOOM, MIN_TITLE_PX, MIN_ZOOM, ZOOM_STEP, FittingView

AUTOSCROLL_ZONE = 36
"""Dragging a card or header this close (pixels) to the view's edge scrolls the view."""
AUTOSCROLL_SPEED = 24
"""Pixels per tick at the very edge."""
AUTOSCROLL_INTERVAL_MS = 30
FOCUS_ANIMATION_MS = 180
"""How long Page Up/Down take to glide to a phase (0: at once)."""
FOCUS_MIN_ZOOM = 1.0
"""Phase focus never zooms out below this: a taller column shows from its top (scroll for the rest)."""

_PHASE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home)


_EXPOSING = frozenset(
    {
        QEvent.Type.Paint,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)
"""The viewport events before which the cards in view must have their items (`JourneyScene.expose_view`).
Zoomed out to the overview, where one item draws every card as a block, only the cards under the pointer (and
under the rubber band) get theirs: a whole map of 50,000 cards in view makes no 50,000 items."""

POINTER_ROOM = 8
"""Around the pointer, in viewport pixels: the cards there get their items before a click in the overview."""


def _pointer(event: QEvent) -> QPoint | None:
    """Where a mouse, context menu or drop event happened, in viewport pixels."""
    if isinstance(event, QMouseEvent | QDropEvent):
        return event.position().toPoint()
    if isinstance(event, QContextMenuEvent):
        return event.pos()
    return None


class JourneyView(FittingView):
    """The canvas widget. `setScene()` it a `JourneyScene`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journeyView")
        accessible.install()  # its headers, cells and cards for screen readers
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.rubberBandChanged.connect(self._expose_band)  # emitted before the band selects
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(current_theme().background)
        scheme_watch().changed.connect(self._set_theme)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_start: QPoint | None = None
        self._space_held = False
        self._autoscroll_at: QPointF | None = None
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(AUTOSCROLL_INTERVAL_MS)
        self._autoscroll.timeout.connect(self._autoscroll_step)
        self.focus_duration_ms = FOCUS_ANIMATION_MS
        """How long phase focus glides (tests set 0)."""
        self._focused_phase: int | None = None
        self._focus_from_top = False
        self._glide = QVariantAnimation(self)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self._glide_step)
        self._glide.finished.connect(self._glide_done)
        self._glide_from = (1.0, QPointF())
        self._glide_to = (1.0, QPointF())

    def _set_theme(self, theme: CanvasTheme) -> None:
        """The system's colour scheme changed: the canvas around the map in the new theme."""
        self.setBackgroundBrush(theme.background)

    # ------------------------------------------------------------------ phase focus

    @property
    def focused_phase(self) -> int | None:
        """The id of the phase Page Up/Down last zoomed to (veiling the others); None after fit or Home."""
        return self._focused_phase

    @property
    def gliding(self) -> bool:
        """Whether a phase focus is still on its way."""
        return self._glide.state() == QVariantAnimation.State.Running

    def phase_rect(self, phase_id: int) -> QRectF | None:
        """A phase's whole column with its header, in scene coordinates."""
        scene = self._journey_scene()
        if scene is None:
            return None
        box = next((p for p in scene.layout.phases if p.phase_id == phase_id), None)
        if box is None:
            return None
        return QRectF(box.header.x, box.header.y, box.header.width, box.column.bottom - box.header.y)

    def focus_phase(self, phase_id: int) -> bool:
        """Zoom to a phase: its whole column fitted in the window and centred, the other phases veiled (a column
        too tall to fit at `FOCUS_MIN_ZOOM` shows at that zoom from its header down)."""
        rect = self.phase_rect(phase_id)
        full = self.viewport().rect()
        viewport = full.adjusted(FIT_MARGIN, FIT_MARGIN, -FIT_MARGIN, -FIT_MARGIN)
        if rect is None or rect.isEmpty() or viewport.width() <= 0 or viewport.height() <= 0:
            return False
        across = viewport.width() / rect.width()
        factor = min(across, viewport.height() / rect.height())
        self._focus_from_top = factor < FOCUS_MIN_ZOOM
        if self._focus_from_top:
            factor = min(across, FOCUS_MIN_ZOOM)
        self._focused_phase = phase_id
        self._user_moved()
        scene = self._journey_scene()
        if scene is not None:
            scene.capture.follow_phase(phase_id)  # a framed capture cell comes along
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self._glide_to_view(factor, self._focus_centre(rect, factor))
        self.viewport().update()
        return True

    def _focus_centre(self, rect: QRectF, zoom: float) -> QPointF:
        """Where the view centres on a focused column: its middle; lower when it shows from its header down; further
        left when the lane headers fit in the view beside it (so the lanes keep their names)."""
        centre = rect.center()
        viewport = self.viewport().rect()
        if self._focus_from_top:
            centre.setY(rect.top() + (viewport.height() / 2 - FIT_MARGIN) / zoom)
        width = viewport.width() / zoom
        margin = FIT_MARGIN / zoom
        if rect.right() + margin - (-margin) <= width:  # the map's left edge and the whole column fit side by side
            centre.setX(min(centre.x(), -margin + width / 2))
        return centre

    def focus_next_phase(self, step: int) -> int | None:
        """Page Down (step 1) / Page Up (-1): focus the next / previous phase (staying at the ends). Without a
        focused phase, Page Down starts at the leftmost phase in view, Page Up at the rightmost. Returns the id."""
        scene = self._journey_scene()
        if scene is None or not scene.layout.phases:
            return None
        phases = scene.layout.phases
        ids = [p.phase_id for p in phases]
        if self._focused_phase in ids:
            at = min(max(ids.index(self._focused_phase) + step, 0), len(ids) - 1)
        else:
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            shown = [i for i, p in enumerate(phases) if p.column.x < seen.right() and p.column.right > seen.left()]
            if not shown:
                shown = list(range(len(ids)))
            at = shown[0] if step > 0 else shown[-1]
        self.focus_phase(ids[at])
        return ids[at]

    def show_whole_journey(self) -> None:
        """Home: the whole map fitted in the window (no phase focused)."""
        self._glide.stop()
        self.fit()

    def clear_phase_focus(self) -> None:
        self._glide.stop()
        if self._focused_phase is not None:
            self._focused_phase = None
            self.viewport().update()

    def _glide_to_view(self, zoom: float, centre: QPointF) -> None:
        self._glide.stop()
        start = (self._zoom, self.mapToScene(self.viewport().rect().center()))
        self._glide_from, self._glide_to = start, (zoom, QPointF(centre))
        if self.focus_duration_ms <= 0 or not self.isVisible():
            self._glide_step(1.0)
            self._glide_done()
            return
        self._glide.setDuration(self.focus_duration_ms)
        self._glide.start()

    def _glide_step(self, value: object) -> None:
        t = float(value) if isinstance(value, int | float) else 1.0
        (z0, c0), (z1, c1) = self._glide_from, self._glide_to
        zoom = z0 * pow(z1 / z0, t) if z0 > 0 else z1
        self._scale_to(zoom)
        self.centerOn(c0 + (c1 - c0) * t)

    def _glide_done(self) -> None:
        zoom, centre = self._glide_to
        self._scale_to(zoom)
        focus = self.phase_rect(self._focused_phase) if self._focused_phase is not None else None
        if focus is not None:  # again: scroll bars may have come or gone on the way
            centre = self._focus_centre(focus, zoom)
        self.centerOn(centre)
        self.zoomChanged.emit(self._zoom)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt's name
        super().drawForeground(painter, rect)
        if self._focused_phase is None:
            return
        scene = self._journey_scene()
        focus = self.phase_rect(self._focused_phase)
        if scene is None or focus is None:
            return
        layout = scene.layout
        left = layout.metrics.lane_header_width
        exposed = QRectF(rect)
        for veiled in (
            QRectF(left, 0.0, focus.left() - left, layout.height),
            QRectF(focus.right(), 0.0, layout.width - focus.right(), layout.height),
        ):
            part = veiled.intersected(exposed)
            if not part.isEmpty():
                painter.fillRect(part, scene.theme.focus_veil)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in _EXPOSING:
            scene = self._journey_scene()
            if scene is None:
                pass
            elif not scene.overview:
                # The cards in view get their items before they are drawn or hit (after a scroll, say).
                scene.expose_view(self)
            elif kind != QEvent.Type.Paint:
                at = _pointer(event)
                if at is not None:
                    room = POINTER_ROOM
                    scene.expose(
                        self.mapToScene(QRect(at.x() - room, at.y() - room, 2 * room, 2 * room)).boundingRect()
                    )
        return super().viewportEvent(event)

    def _expose_band(self, band: QRect, start: QPointF, end: QPointF) -> None:
        """The cards under the rubber band get their items before it selects (`band` is the band now; the scene
        point `end` Qt passes is the one of the move before)."""
        scene = self._journey_scene()
        if scene is not None and not band.isNull():
            scene.expose(self.mapToScene(band).boundingRect())

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
            self._user_moved()
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
            self._user_moved()
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
        self._user_moved()
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
                if scene.handles_key(event) or event.key() in _PHASE_KEYS:  # no phase focus while typing
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
        if not editing and self._phase_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _phase_key(self, event: QKeyEvent) -> bool:
        """Page Up / Page Down / Home: phase focus (the window's View actions do the same)."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier != Qt.KeyboardModifier.NoModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            self.focus_next_phase(1)
        elif key == Qt.Key.Key_PageUp:
            self.focus_next_phase(-1)
        elif key == Qt.Key.Key_Home:
            self.show_whole_journey()
        else:
            return False
        return True

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
        """Show another scene (None: none); where the journey shown before was left is kept (`places`)."""
        self._glide.stop()
        if scene is not self.scene():
            self.keep_place()
            old = self._journey_scene()
            if old is not None:
                old.pin_headers(None)
        self._focused_phase = None
        self._fit_mode = None
        self._placed = False
        self._refit.stop()
        super().setScene(scene)
        accessible.scene_changed(self)
        self._update_overview()
        self._pin_headers()
        self.zoomChanged.emit(self._zoom)

    def scene_rect_in_view(self, rect: QRectF) -> QRectF:
        """A scene rect in viewport coordinates."""
        return self.mapFromScene(rect).boundingRect().toRectF()


__all__ = ["FIT_MARGIN", "FOCUS_MIN_ZOOM", "MAX_ZOOM", "MIN_TITLE_PX", "MIN_ZOOM", "ZOOM_STEP", "JourneyView"]

"""`FittingView`, what `JourneyView` is built on: zoom, fit to the window, where each journey was left, and the
sticky headers kept at the view's edges.

Zoom: `set_zoom()` about a point, `zoom_in()` / `zoom_out()` (x1.25), `zoom_reset()` (100%); `zoomChanged(float)`
(1.0 = 100%) tells the status bar. Fit: `fit()` shows the whole map (View › Fit to Window, Home); `fit_readable()`
never goes below the zoom where card titles are `MIN_TITLE_PX` on screen, and scrolls instead, from the map's top
left (the headers in view). Both flow the map's cells to the window's shape first (`JourneyScene.flow_to`). While
the user has not zoomed or panned since a fit (`fit_mode`), a resize fits again the same way.

Opening a journey (`show_as_left()`): the first time fitted readably, afterwards as the user left it, kept per
library and journey in `places` (`ui.canvas.view_places`). Zoomed in, the phase headers stick to the top of the
view and the lane headers to its left (`ui.canvas.sticky_headers`); `ensureVisible` keeps what it shows out from
under them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from .items import HeaderItem
from .painting import OVERVIEW_ZOOM
from .scene import JourneyScene
from .sticky_headers import corner_at
from .view_places import FitMode, ViewPlace, ViewPlaces

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25
"""One Ctrl+plus/minus step."""
FIT_MARGIN = 12
"""Pixels left free around the map by `fit()`."""
MIN_TITLE_PX = 9.0
"""Opening a journey fits it no smaller than this: a card title's font size on screen, in pixels (11 px at 100%, so
about 82%). At 9 px the bundled DejaVu Sans has an x-height of about 5 px, the least at which its lowercase letters
keep open counters (a, e, s stay apart) on a 96-dpi screen or a 1024x768 projector; it is just under the 9.5 px of
the notes the canvas prints at 100%. Below it titles turn to grey smudges (and below 40% to text-less blocks)."""
REFIT_DELAY_MS = 60
"""A resize of a fitted view fits it again once the size has held this long (a dragged window edge refits once)."""


class FittingView(QGraphicsView):
    """Zoom, fit, places and sticky headers of the canvas (see the module's doc); `JourneyView` adds the rest."""

    zoomChanged = Signal(float)  # noqa: N815 - Qt's naming of signals
    """The new zoom factor (1.0 = 100%) after every zoom and fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zoom = 1.0
        self._fit_mode: FitMode | None = None
        """How the view was last fitted, while the user has not zoomed or panned since (None: the user's place)."""
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(self._fit_again)
        self._placed = True
        """Whether the scene shown was placed since it was set (fitted, zoomed, scrolled): `show_as_left` then
        leaves it be."""
        self.places: ViewPlaces | None = None
        """Where each journey was left (the window sets it; None: nothing is kept)."""
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._user_moved)  # dragged, clicked, wheeled or keyed by the user

    # ------------------------------------------------------------------ what the subclass adds

    @property
    def gliding(self) -> bool:
        """Whether a phase focus is on its way (`JourneyView`'s)."""
        return False

    def clear_phase_focus(self) -> None:
        """Leave phase focus (`JourneyView`'s): a fit or a place gone to ends it."""

    # ------------------------------------------------------------------ zoom

    @property
    def zoom(self) -> float:
        """The zoom factor: 1.0 is 100% (one scene unit per pixel)."""
        return self._zoom

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor` (clamped to 2%..400%), keeping the scene point under viewport point `anchor` (default:
        the viewport's centre) in place."""
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self._fit_mode = None
        self._placed = True
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
        self._pin_headers()

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
        self.clear_phase_focus()
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Zoom so the whole map fits the window (never above 100%), its cells first flowed to the window's shape
        (`JourneyScene.flow_to`): View › Fit to Window and Home."""
        self._fit("whole")

    def fit_readable(self) -> None:
        """Fit as `fit()`, but never below the zoom where card titles are `MIN_TITLE_PX` on screen: a larger map
        then shows from its top left (the headers in view), its cells flowed to about the window's width, and
        scrolls. How a journey opens the first time."""
        self._fit("readable")

    def readable_zoom(self) -> float:
        """The least zoom at which card titles are `MIN_TITLE_PX` on screen (at most 100%)."""
        scene = self._journey_scene()
        font = scene.metrics.font_size if scene is not None else 11.0
        return min(1.0, MIN_TITLE_PX / font)

    def _fit(self, mode: FitMode) -> None:
        scene = self.scene()
        if scene is None:
            return
        viewport = self._fit_viewport()
        if viewport.width() <= 0 or viewport.height() <= 0:
            return
        journey_scene = self._journey_scene()
        if journey_scene is not None:
            journey_scene.flow_to(viewport.width() / viewport.height())
            viewport = self._fit_viewport()  # the scroll bars may have come or gone
        rect = scene.sceneRect()
        if rect.isEmpty():
            return
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        floor = self.readable_zoom() if mode == "readable" else MIN_ZOOM
        if factor < floor and journey_scene is not None:
            # Scrolling instead: flow the cells to a map about as wide as the window shows at this zoom (the same
            # area, so about that width squared over the area as its shape), to scroll one way only where it can.
            layout = journey_scene.layout
            across = viewport.width() / floor
            if layout.width > across and layout.width * layout.height > 0:
                journey_scene.flow_to(across * across / (layout.width * layout.height))
            rect = scene.sceneRect()
            factor = self._overflow_zoom(viewport, rect, floor)
        self.clear_phase_focus()
        self._placed = True
        self._scale_to(min(max(factor, floor), MAX_ZOOM))
        self._settle_scroll_bars()
        self.centerOn(self._fitted_centre(rect))
        self._fit_mode = mode
        self.zoomChanged.emit(self._zoom)

    def _overflow_zoom(self, viewport: QRect, rect: QRectF, floor: float) -> float:
        """The zoom of a map too large to show whole above `floor`, flowed to the window's shape: whole if it now
        fits, else as wide as the window (it scrolls down only; at most 100%), at least `floor`."""
        whole = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        if whole >= floor:
            return whole
        across = (viewport.width() - self.verticalScrollBar().sizeHint().width()) / rect.width()
        return max(floor, min(across, 1.0))

    def _fitted_centre(self, rect: QRectF) -> QPointF:
        """Where a fitted view centres: on the map, along each side it fits; from the map's top or left edge (with
        the fit margin) along a side it overflows."""
        viewport = self.viewport().rect()
        zoom = self._zoom
        centre = rect.center()
        margin = FIT_MARGIN / zoom
        seen_width, seen_height = viewport.width() / zoom, viewport.height() / zoom
        scene = self._journey_scene()
        left, top = (0.0, 0.0) if scene is not None else (rect.left(), rect.top())
        if rect.width() > seen_width:
            centre.setX(left - margin + seen_width / 2)
        if rect.height() > seen_height:
            centre.setY(top - margin + seen_height / 2)
        return centre

    @property
    def fit_mode(self) -> FitMode | None:
        """How the view is fitted while the user has not zoomed or panned since ("readable", "whole"), else None."""
        return self._fit_mode

    def _fit_again(self) -> None:
        if self._fit_mode is not None and not self.gliding:
            self._fit(self._fit_mode)

    def _user_moved(self, _action: int = 0) -> None:
        """The user scrolled: the view is theirs now (a resize no longer fits it again)."""
        self._fit_mode = None
        if not self._placed:
            self._placed = True
            self._pin_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._pin_headers()
        if self._fit_mode is not None and self._journey_scene() is not None:
            self._refit.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self._pin_headers()

    def ensureVisible(self, *args: object) -> None:  # noqa: N802 - Qt's name
        """QGraphicsView's, and a scene rect (`ensureVisible(rect, xmargin=50, ymargin=50)`) out from under the
        phase and lane headers where they stick (unless it lies in a header itself: one being renamed)."""
        super().ensureVisible(*args)  # type: ignore[call-overload]
        scene = self._journey_scene()
        if scene is None or not args or not isinstance(args[0], QRectF):
            return
        rect = args[0]
        if any(isinstance(i, HeaderItem) and i.sceneBoundingRect().contains(rect) for i in scene.items(rect.center())):
            return
        x_margin, y_margin = (int(a) if isinstance(a, int | float) else 50 for a in (*args[1:3], 50, 50)[:2])
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        at = self.mapFromScene(rect.topLeft())
        below = self.mapFromScene(corner_at(scene.layout, shown).bottomRight())
        if at.y() < below.y() + y_margin:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (below.y() + y_margin - at.y()))
        if at.x() < below.x() + x_margin:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (below.x() + x_margin - at.x()))

    def _pin_headers(self) -> None:
        """The phase headers at the top of what the view shows, the lane headers at its left; where the layout puts
        them while a scene just set is not placed yet (the view still has the journey before's zoom and scroll)."""
        scene = self._journey_scene()
        if scene is not None:
            scene.pin_headers(self.mapToScene(self.viewport().rect()).boundingRect() if self._placed else None)

    # ------------------------------------------------------------------ where each journey was left

    def place(self) -> ViewPlace | None:
        """The view as it is now, to come back to (None without a journey)."""
        scene = self._journey_scene()
        if scene is None:
            return None
        centre = self._centre()
        m = scene.metrics
        return ViewPlace(self._fit_mode, self._zoom, (centre.x(), centre.y()), m.cards_per_column, m.font_size)

    def go_to(self, place: ViewPlace) -> None:
        """Show the journey as `place` has it: fitted again, or at its zoom and centre (its cells flowed as then)."""
        scene = self._journey_scene()
        if scene is None:
            return
        if place.fit is not None:
            self._fit(place.fit)
            return
        if place.cards_per_column != scene.metrics.cards_per_column:
            scene.set_metrics(replace(scene.metrics, cards_per_column=place.cards_per_column))
        self.clear_phase_focus()
        self._placed = True
        self._scale_to(min(max(place.zoom, MIN_ZOOM), MAX_ZOOM))
        self._settle_scroll_bars()
        centre = QPointF(*place.centre)
        self.centerOn(centre)
        off = (centre - self._centre()) * self._zoom  # centerOn truncates to whole pixels: the rest, rounded
        for bar, by in ((self.horizontalScrollBar(), off.x()), (self.verticalScrollBar(), off.y())):
            bar.setValue(bar.value() + round(by))
        self._fit_mode = None
        self.zoomChanged.emit(self._zoom)

    def _settle_scroll_bars(self) -> None:
        """Show or hide the scroll bars for the new zoom now (Qt does it a moment later), so the viewport has its
        size before the view is centred: a journey comes back to the same scroll values, not one bar's width off."""
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _centre(self) -> QPointF:
        """The scene point at the viewport's very centre."""
        viewport = self.viewport()
        return self.mapToScene(0, 0) + QPointF(viewport.width(), viewport.height()) / (2 * self._zoom)

    def show_as_left(self) -> None:
        """Show the journey on the view as the user left it (`places`), else fitted readably (`fit_readable`); not
        when it was placed (fitted, zoomed, scrolled) since it was set."""
        scene = self._journey_scene()
        if scene is None or self._placed:
            return
        place = self.places.recall(self._place_key(scene)) if self.places is not None else None
        if place is None or place.font_size != scene.metrics.font_size:
            self.fit_readable()
        else:
            self.go_to(place)

    @staticmethod
    def _place_key(scene: JourneyScene) -> str:
        document = scene.document
        return f"{document.library.location}|{document.journey_id}"

    def keep_place(self) -> None:
        """Remember where the journey shown was left (`places`): not before it was placed (shown for a moment, as a
        window opening on another journey shows the last one first)."""
        scene = self._journey_scene()
        place = self.place()
        if scene is not None and place is not None and self.places is not None and self._placed:
            self.places.keep(self._place_key(scene), place)

    def _fit_viewport(self) -> QRect:
        """The viewport without its fit margin, as it is without scroll bars (the whole map fits, so none show)."""
        rect = self.viewport().rect()
        if self.horizontalScrollBar().isVisible():
            rect.setHeight(rect.height() + self.horizontalScrollBar().height())
        if self.verticalScrollBar().isVisible():
            rect.setWidth(rect.width() + self.verticalScrollBar().width())
        return rect.adjusted(FIT_MARGIN, FIT_MARGIN, -FIT_MARGIN, -FIT_MARGIN)

    def _journey_scene(self) -> JourneyScene | None:
        scene = self.scene()
        return scene if isinstance(scene, JourneyScene) else None

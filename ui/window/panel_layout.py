"""The window on the screen it has, and the map's room beside the panels.

- The first window fits the screen's available area (`place_first`: maximised on a screen smaller than its size),
  and a window put back from the settings is kept on the screen it opens on (`keep_on_screen`, again once it is
  shown and its frame is known).
- The canvas gets at least `CANVAS_SHARE` of the window's width at every size down to the window's minimum. While the
  panels at their narrowest fit beside it on both sides, they stay where the user put them, only narrowed; below that
  width the left and right panels are tabbed together on the right ("compact"), and the canvas is given the minimum
  width that keeps its share (so the window's minimum follows from it); the tabbed panels are widened, within their
  share, until every tab's label shows whole. Widening the window (by `HYSTERESIS` more
  than the switch point) puts the panels back as they were, each shown or closed as the user left it.
- The window's saved state is always the side-by-side one (`state`), so a window closed while narrow opens with its
  panels side by side on a wider screen.

Floating panels, panels in the top or bottom area and full screen (workshop mode hides the panels) are left alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QTabBar, QWidget

CANVAS_SHARE = 0.6
"""The least share of the window's width the canvas gets."""
HYSTERESIS = 24
"""Pixels past the switch point before compact panels are put back side by side (no flicker at the edge)."""
FRAME_ALLOWANCE = QSize(16, 48)
"""Room left for the window's frame before it is shown (title bar and borders; corrected once shown)."""
_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
_SIZED = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen


def available_area(window: QWidget) -> QRect:
    """The available geometry of the screen the window is on (or would open on)."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center()) or window.screen()
    return screen.availableGeometry()


class PanelLayout(QObject):
    """Keeps `window` on its screen and its `docks` (left and right) to at most 1 - `CANVAS_SHARE` of its width."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget], state_version: int) -> None:
        super().__init__(window)
        self.window = window
        self.docks = list(docks)
        self.state_version = state_version
        self.compact = False
        self._wide_state = QByteArray()
        self._homes: dict[QDockWidget, Qt.DockWidgetArea] = {}
        self._shown_once = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.adjust)
        window.installEventFilter(self)
        central = window.centralWidget()
        if central is not None:
            central.installEventFilter(self)
        for dock in self.docks:
            dock.visibilityChanged.connect(lambda _visible: self._timer.start())
            dock.topLevelChanged.connect(lambda _floating: self._timer.start())

    # ------------------------------------------------------------------ the window on its screen

    def place_first(self, size: QSize) -> None:
        """The first window: `size` centred on the screen's available area; on a smaller screen (a laptop, a
        projector) maximised, and as large as the area allows when the user restores it to normal."""
        area = available_area(self.window)
        fitted = size.boundedTo(area.size() - FRAME_ALLOWANCE).expandedTo(self.window.minimumSizeHint())
        self.window.resize(fitted)
        frame = QRect(area.topLeft(), fitted + FRAME_ALLOWANCE)
        frame.moveCenter(area.center())
        self.window.move(frame.topLeft())
        if fitted != size:
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)

    def keep_on_screen(self) -> None:
        """A window neither maximised nor full screen that does not fit the available area of its screen (a
        geometry saved on a larger screen): shrunk to fit, then moved into it."""
        window = self.window
        if window.windowState() & _SIZED:
            return
        area = available_area(window)
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if not window.isVisible():  # the frame is not known yet
            extra = extra.expandedTo(FRAME_ALLOWANCE)
        size = inner.size().boundedTo(area.size() - extra).expandedTo(window.minimumSize())
        if size != inner.size():
            window.resize(size)
        width, height = size.width() + extra.width(), size.height() + extra.height()
        x = min(max(frame.x(), area.left()), area.left() + area.width() - width)
        y = min(max(frame.y(), area.top()), area.top() + area.height() - height)
        if (x, y) != (frame.x(), frame.y()):
            window.move(max(x, area.left()), max(y, area.top()))

    # ------------------------------------------------------------------ the panels beside the canvas

    def state(self) -> QByteArray:
        """The window's state to save: the panels side by side as the user arranged them, each open or closed as
        now (while compact: put side by side for the moment it takes to save them)."""
        if not self.compact:
            return self.window.saveState(self.state_version)
        front = [dock for dock in self._docked() if not dock.visibleRegion().isEmpty()]
        self._put_side_by_side()
        state = self.window.saveState(self.state_version)
        docked = self._docked()
        if docked:
            self._make_compact(docked)
            for dock in front:
                dock.raise_()
        return state

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Resize:
            if watched is self.window and isinstance(event, QResizeEvent):
                self._switch(event.size().width())  # before the window lays itself out at the new width
            self._timer.start()
        elif kind == QEvent.Type.Show and watched is self.window and not self._shown_once:
            self._shown_once = True
            shown = self.window.geometry()
            QTimer.singleShot(0, lambda: self._keep_on_screen_unless_moved(shown))  # once the frame is known
        return False

    def _keep_on_screen_unless_moved(self, shown: QRect) -> None:
        if self.window.geometry().size() == shown.size():  # not resized meanwhile, by the user or a program
            self.keep_on_screen()

    def _docked(self) -> list[QDockWidget]:
        """The panels the user has open beside the canvas (tabs not raised count too)."""
        window = self.window
        return [
            dock
            for dock in self.docks
            if dock.toggleViewAction().isChecked() and not dock.isFloating() and window.dockWidgetArea(dock) in _SIDES
        ]

    def _narrowest(self, dock: QDockWidget) -> int:
        return max(dock.minimumWidth(), dock.minimumSizeHint().width())

    def _separator(self) -> int:
        return self.window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self.window)

    def _side_by_side_need(self, docked: list[QDockWidget]) -> int:
        """The width the open panels take at their narrowest when side by side (each on its own side)."""
        sides: dict[Qt.DockWidgetArea, int] = {}
        for dock in docked:
            side = self._homes.get(dock) if self.compact else None
            side = self.window.dockWidgetArea(dock) if side is None else side
            sides[side] = max(sides.get(side, 0), self._narrowest(dock))
        return sum(width + self._separator() for width in sides.values())

    def adjust(self) -> None:
        """Compact or side by side as the width allows; the panels narrowed to leave the canvas its share."""
        window = self.window
        central = window.centralWidget()
        if central is None or window.isFullScreen():
            return
        self._switch(window.width())
        docked = self._docked()
        if self.compact and docked:
            narrowest = max(self._narrowest(dock) for dock in docked) + self._separator()
            central.setMinimumWidth(math.ceil(narrowest * CANVAS_SHARE / (1 - CANVAS_SHARE)))
        else:
            central.setMinimumWidth(0)
        self._narrow_panels(docked)
        if self.compact:
            self._fit_tabs(docked)

    def _switch(self, width: int) -> None:
        """Compact below the width where the open panels fit side by side in their share, else side by side."""
        docked = self._docked()
        if not docked or self.window.isFullScreen():
            return
        need = self._side_by_side_need(docked)
        room = width * (1 - CANVAS_SHARE)
        if not self.compact and need > room:
            self._make_compact(docked)
        elif self.compact and need <= room - HYSTERESIS:
            self._put_side_by_side()

    def _make_compact(self, docked: list[QDockWidget]) -> None:
        window = self.window
        self._wide_state = window.saveState(self.state_version)
        self._homes = {dock: window.dockWidgetArea(dock) for dock in self.docks}
        right = Qt.DockWidgetArea.RightDockWidgetArea
        anchor = next((dock for dock in docked if window.dockWidgetArea(dock) == right), docked[0])
        raised = [dock for dock in docked if not dock.visibleRegion().isEmpty()]
        if window.dockWidgetArea(anchor) != right:
            window.addDockWidget(right, anchor)
        for dock in self.docks:  # closed panels too, so that opening one later opens it as a tab
            beside = not dock.isFloating() and window.dockWidgetArea(dock) in _SIDES
            if dock is not anchor and beside and dock not in window.tabifiedDockWidgets(anchor):
                window.tabifyDockWidget(anchor, dock)
        self.compact = True
        (raised[-1] if raised else anchor).raise_()

    def _put_side_by_side(self) -> None:
        window = self.window
        shown = {dock: dock.toggleViewAction().isChecked() for dock in self.docks}
        floating = {dock for dock in self.docks if dock.isFloating()}
        self.compact = False
        if not window.restoreState(self._wide_state, self.state_version):
            for dock, side in self._homes.items():
                if dock not in floating:
                    window.addDockWidget(side, dock)
        for dock in self.docks:
            if dock not in floating:
                dock.setVisible(shown[dock])
        self._homes = {}

    def tab_bar(self) -> QTabBar | None:
        """The tab bar of the tabbed panels (None while side by side)."""
        titles = {dock.windowTitle() for dock in self.docks}
        for bar in self.window.findChildren(QTabBar):
            ours = bar.parent() is self.window and bar.isVisible() and bar.count() > 1
            if ours and all(bar.tabText(i) in titles for i in range(bar.count())):
                return bar
        return None

    def _fit_tabs(self, docked: list[QDockWidget]) -> None:
        """Compact: the tabbed panels as wide as their tabs need to show every label whole, as far as the canvas's
        share allows (in Dutch at 1024 pixels they would otherwise read "Kan…", "Stem…")."""
        bar = self.tab_bar()
        shown = [dock for dock in docked if dock.isVisible()]
        if bar is None or not shown:
            return
        room = math.floor(self.window.width() * (1 - CANVAS_SHARE)) - self._separator()
        width = min(bar.sizeHint().width() + shown[0].width() - bar.width(), room)
        if shown[0].width() < width:
            self.window.resizeDocks([shown[0]], [width], Qt.Orientation.Horizontal)

    def _narrow_panels(self, docked: list[QDockWidget]) -> None:
        """Narrow the panels (each side down to its narrowest) until the canvas has its share."""
        window = self.window
        central = window.centralWidget()
        if central is None:
            return
        want = math.ceil(window.width() * CANVAS_SHARE)
        excess = want - central.width()
        if excess <= 0:
            return
        sides: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for dock in docked:
            if dock.isVisible():
                sides.setdefault(window.dockWidgetArea(dock), dock)
        if not sides:
            return
        firsts = list(sides.values())
        slack = [max(0, dock.width() - self._narrowest(dock)) for dock in firsts]
        total = sum(slack)
        if total <= 0:
            return
        cut = min(excess, total)
        widths = [dock.width() - math.ceil(cut * s / total) for dock, s in zip(firsts, slack, strict=True)]
        window.resizeDocks(firsts, widths, Qt.Orientation.Horizontal)

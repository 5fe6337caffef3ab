"""The workshop's overlays get their own space: a row above the canvas for the voting bar and the countdown timer.

Nothing the room needs to read sits on top of the map: while dot voting runs or the timer shows, the row takes its
height from the canvas (the view shrinks), and it is gone when neither shows. Its widgets sit side by side where the
window is wide enough for them, else one above the other. When one of them comes or goes, the map keeps its place:
a map shown whole is fitted again if it no longer fits, any other keeps the scene point at the view's top left
there (Qt's own resize anchor, the view's centre, would slide the phase headers up out of sight).

`OverlayRow(view)`: `add(widget, stretch)` puts a widget in the row (the window adds the voting bar with stretch
and the timer after it); the row shows itself while any of them is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGraphicsView, QWidget

from ..canvas.view import JourneyView


class OverlayRow(QWidget):
    """A row above `view` for the widgets that must never cover the map; see the module's docstring."""

    def __init__(self, view: JourneyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overlayRow")
        self.view = view
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._members: list[QWidget] = []
        self._shown: dict[int, bool] = {}
        self.hide()

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        """Put `widget` in the row (left to right, or top to bottom, in the order added); it shows and hides itself."""
        self._row.addWidget(widget, stretch)
        self._members.append(widget)
        self._shown[id(widget)] = not widget.isHidden()
        widget.installEventFilter(self)
        self._arrange()

    def members(self) -> list[QWidget]:
        return list(self._members)

    @property
    def stacked(self) -> bool:
        """Whether its widgets sit one above the other (the window is too narrow for them side by side)."""
        return self._row.direction() is QBoxLayout.Direction.TopToBottom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent) and watched in self._members:
            assert isinstance(watched, QWidget)
            shown = not watched.isHidden()
            if self._shown.get(id(watched)) != shown:
                self._shown[id(watched)] = shown
                self._keep_map_in_place(self._arrange)
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Show the row while a member shows; side by side when the width holds them all at their preferred widths,
        else stacked."""
        shown = [member for member in self._members if not member.isHidden()]
        parent = self.parentWidget()
        width = parent.width() if parent is not None else self.width()
        needed = sum(member.sizeHint().width() for member in shown)  # each as wide as its words want
        direction = QBoxLayout.Direction.LeftToRight if needed <= width else QBoxLayout.Direction.TopToBottom
        if self._row.direction() is not direction:
            self._row.setDirection(direction)
            self.updateGeometry()  # the window's layout asks the row's height again
        self.setVisible(bool(shown))

    def _keep_map_in_place(self, change: Callable[[], None]) -> None:
        """Run `change`, lay the window out at once, and put the map back in place (see the module's docstring)."""
        view = self.view
        scene = view.scene()
        anchor = view.mapToScene(QPoint(0, 0))
        whole = scene is not None and _shown_rect(view).contains(scene.sceneRect())
        change()
        self.updateGeometry()  # the row's height may change while it stays shown
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None and self.window().isVisible():
            layout.activate()  # the view gets its new size now, not when the event loop comes round
        if scene is None:
            return
        if whole:
            if not _shown_rect(view).contains(scene.sceneRect()):
                if view.fit_mode == "whole":
                    view.fit()
                else:
                    view.fit_readable()  # never below readable titles: it scrolls instead
            return
        moved = view.mapFromScene(anchor)
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + moved.x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + moved.y())


def _shown_rect(view: QGraphicsView) -> QRectF:
    """The part of the scene the view shows (a little grown: rounding is not a map cut off)."""
    return view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-2, -2, 2, 2)

"""The window's status bar: a message too long for the room left of the figures ends in "…" (the whole message in
its tooltip) instead of running under them, at any window width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

from ..plain_text import plain_tooltip

GAP = 16
"""Pixels kept between a message's end and the first figure on its right."""


class StatusBar(QStatusBar):
    """A QStatusBar whose temporary messages fit the room the permanent widgets leave (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._timeout = 0
        self.messageChanged.connect(self._forget)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 - Qt's name
        """Show `text` (for `timeout` ms, 0: until replaced), cut to the room there is."""
        timeout = timeout or 0
        self._full, self._timeout = text, timeout
        shown = self._fitted(text)
        self.setToolTip(plain_tooltip(text) if shown != text else "")
        super().showMessage(shown, timeout)
        self._full = text  # messageChanged cleared it

    def message_room(self) -> int:
        """The width (pixels) a message has: left of the first permanent widget shown."""
        right = self.width()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and child.x() > 0:
                right = min(right, child.x())
        return max(0, right - GAP - 8)

    def _fitted(self, text: str) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.message_room())

    def _forget(self, message: str) -> None:
        if not message:
            self._full = ""
            self.setToolTip("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._full and self.currentMessage() and self._fitted(self._full) != self.currentMessage():
            super().showMessage(self._fitted(self._full), self._timeout)

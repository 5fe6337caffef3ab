"""In-place editing of a card's title or a header's name: a text item over the text it edits.

Enter commits (one undo step, written once), Esc cancels, clicking elsewhere commits. The scene keeps one editor and
reuses it, so nothing is created or freed while a key event is being handled. Near the text's limit a counter under
the editor says how much fits ("195/200"; at the limit in red, with the words), as the panel's fields do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..length_limit import FULL_COLOR, NEAR_COLOR, counter_text, limit_message, near_limit
from .items import Z_EDITOR
from .painting import INK, highlight_color
from .theme import theme_of

Commit = Callable[[str], None]


class InlineEditor(QGraphicsTextItem):
    """A plain-text editor over a scene rect. `start()` it; it calls `commit(text)` on Enter or focus loss (only
    when the text changed) and `finished()` either way."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_EDITOR)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setDefaultTextColor(INK)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(2)
        self.document().contentsChanged.connect(self._limit)
        self._commit: Commit | None = None
        self._finished: Callable[[], None] | None = None
        self._original = ""
        self._max_length = 200
        self.target: tuple[str, int] | None = None
        """What is being edited: ("card", touchpoint id), ("phase", id) or ("lane", id); None when idle."""
        self.counter_box = QGraphicsRectItem(self)
        self.counter_box.setPen(QPen(highlight_color(), 1.0))
        self.counter_box.setBrush(QColor("#ffffff"))
        self.counter = QGraphicsSimpleTextItem(self.counter_box)
        self.counter_box.hide()
        self.hide()

    @property
    def active(self) -> bool:
        return self.target is not None

    def start(
        self,
        target: tuple[str, int],
        rect: QRectF,
        text: str,
        font: QFont,
        commit: Commit,
        finished: Callable[[], None],
        max_length: int,
    ) -> None:
        """Show the editor over `rect` (scene coordinates) with `text`, all selected, and focus it."""
        self.target = target
        self._commit = commit
        self._finished = finished
        self._original = text
        self._max_length = max_length
        self.setFont(font)
        self.setDefaultTextColor(theme_of(self.scene()).ink)
        self.setTextWidth(max(20.0, rect.width() + 4))
        self.setPlainText(text)
        self.setPos(rect.x() - 2, rect.y() - 2)
        self._show_count()
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_to(self, rect: QRectF) -> None:
        """Follow the edited object to a new place (after a layout change)."""
        self.setPos(rect.x() - 2, rect.y() - 2)
        self.setTextWidth(max(20.0, rect.width() + 4))
        self._show_count()

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def commit(self) -> None:
        """Write the text (when changed and not empty) and close."""
        if not self.active:
            return
        text = self.text()
        commit = self._commit
        self._close()
        if commit is not None and text and text != " ".join(self._original.split()):
            commit(text)

    def cancel(self) -> None:
        """Close without writing."""
        if self.active:
            self._close()

    def _close(self) -> None:
        finished = self._finished
        self.target = None
        self._commit = None
        self._finished = None
        self.clearFocus()
        self.hide()
        if finished is not None:
            finished()

    def _limit(self) -> None:
        text = self.toPlainText()
        if len(text) > self._max_length:
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setPosition(self._max_length, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()  # changes the contents again: that call shows the count
            return
        self._show_count()

    def _show_count(self) -> None:
        """The counter under the editor's right end, near the limit; at it, in red with the words."""
        length = len(self.toPlainText())
        if not near_limit(length, self._max_length):
            self.counter_box.hide()
            return
        text = counter_text(length, self._max_length)
        full = length >= self._max_length
        if full:
            text = f"{text} · {limit_message(self._max_length)}"
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        self.counter.setFont(font)
        self.counter.setBrush(QColor(FULL_COLOR if full else NEAR_COLOR))
        self.counter.setText(text)
        size = self.counter.boundingRect()
        self.counter.setPos(3, 1)
        self.counter_box.setRect(0, 0, size.width() + 6, size.height() + 2)
        bottom = self.boundingRect()
        self.counter_box.setPos(bottom.right() - size.width() - 6, bottom.bottom() + 2)
        self.counter_box.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.commit()
        elif key == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
        elif key == Qt.Key.Key_Tab:
            event.accept()
            self.commit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self.active and event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            self.commit()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(highlight_color(), 2.0))
        painter.setBrush(theme_of(self.scene()).editor_background)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        option.state = option.state & ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(painter, option, widget)  # type: ignore[arg-type]

"""A one-line text field's length limit, shown as the user reaches it: a counter at the field's right end ("187/200")
once the text is near its limit, red at the limit, and a tooltip saying how much fits when a key or a paste would go
past it (Qt's maxLength otherwise drops the rest without a word). The limits are the model's (cjmapper.model,
card_fields); the canvas's own editor shows the same counter (ui.canvas.editing)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton, QToolTip

from .canvas.theme import MessageInk

CONTEXT = "LengthLimit"
NEAR_COLOR = "#5f6b7a"
FULL_COLOR = "#b3261e"


def near_limit(length: int, limit: int) -> bool:
    """Whether a text of `length` is close enough to `limit` to show the counter (the last tenth, at least 10)."""
    return length >= limit - max(10, limit // 10)


def counter_text(length: int, limit: int) -> str:
    return f"{length}/{limit}"


def limit_message(limit: int) -> str:
    """What is said when the limit is reached."""
    return QCoreApplication.translate(CONTEXT, "At most {0} characters fit here.").format(limit)


class LimitCounter(QLabel):
    """The counter inside `edit` (a QLineEdit with a maxLength); made by `show_limit`."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.setObjectName("limitCounter")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._ink = MessageInk(self, None)  # red at the limit, readable on a light or a dark field
        edit.textChanged.connect(self._update)
        edit.textEdited.connect(self._edited)
        edit.installEventFilter(self)
        self._update()

    @property
    def full(self) -> bool:
        return len(self.edit.text()) >= self.edit.maxLength()

    def _update(self) -> None:
        edit = self.edit
        length, limit = len(edit.text()), edit.maxLength()
        shown = near_limit(length, limit)
        if shown:
            self.setText(counter_text(length, limit))
            self._ink.set_kind("error" if length >= limit else None)
            self.adjustSize()
        self.setVisible(shown)
        edit.setTextMargins(0, 0, self.width() + 6 if shown else 0, 0)
        edit.setAccessibleDescription(limit_message(limit) if length >= limit else "")
        self._place()

    def _edited(self) -> None:
        if self.full:  # typed or pasted up to the limit (a paste past it was cut)
            self.say()

    def _place(self) -> None:
        """At the right end of the text, left of a clear button."""
        edit = self.edit
        right = edit.width() - 4
        for button in edit.findChildren(QToolButton):
            if button.isVisible():
                right = min(right, button.x() - 2)
        self.move(right - self.width(), (edit.height() - self.height()) // 2)

    def say(self) -> None:
        """The tooltip under the field: how much fits."""
        QToolTip.showText(
            self.edit.mapToGlobal(QPoint(0, self.edit.height())), limit_message(self.edit.maxLength()), self.edit
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.edit:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
                self._place()
            elif (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and self.full
                and not self.edit.hasSelectedText()
                and event.text().isprintable()
                and event.text()
            ):
                self.say()  # the key will not fit
        return False


def show_limit(edit: QLineEdit, limit: int | None = None) -> LimitCounter:
    """Give `edit` the counter (and `limit` as its maxLength, when given)."""
    if limit is not None:
        edit.setMaxLength(limit)
    return LimitCounter(edit)

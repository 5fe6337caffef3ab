"""The properties panel: edits the selected card, the selected cards together, or (nothing selected) the journey.

Every change goes through the `JourneyDocument`, one undo step each. Text fields write as the user types
(`typing=True`, so a field's run of keystrokes is one undo step; leaving the field ends the run): the library
holds the text at every keystroke. Text the library would refuse (an empty title, too long a text) is not
written; a message says why under the field, and the field shows the stored value again when it loses focus.
Buttons, lists and numbers write at once.

When the document changes (undo, redo, the canvas), the panel shows the new values without writing them back,
and a field whose stored value did not change keeps what is typed in it and its cursor.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cjmapper.channels import CHANNELS, channel, channel_label
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_OWNER,
    MAX_PERSONA_NAME,
    MAX_TEXT,
    MAX_TITLE,
    MAX_VOTES,
    SCORE_MAX,
    SCORE_MIN,
    Framework,
    Journey,
    Language,
    Persona,
    Touchpoint,
)

from ..editing.document import Change, ChangeKind, JourneyDocument
from ..icons import channel_icon
from .palette import resolve_channel

SCORE_COLORS: dict[int, tuple[str, str]] = {
    1: ("#f4c7c3", "#e06666"),
    2: ("#f9dcc4", "#f6a04d"),
    3: ("#fcefc7", "#f1c232"),
    4: ("#d9ead3", "#93c47d"),
    5: ("#b7e1cd", "#4caf7a"),
}
"""Per score (1 poor .. 5 great): the soft background of its button and the strong one when it is chosen."""

PRESET_COLORS: tuple[str, ...] = ("#a0cbe8", "#ffbe7d", "#f1ce63", "#ff9d9a", "#8cd17d", "#d4a6c8")
"""Card colours one click away (the template lanes' palette)."""

_MESSAGE_STYLE = "color: #b3261e;"


def _too_long(value: str, limit: int) -> str | None:
    """The message for a text over its limit, or None."""
    if len(value) <= limit:
        return None
    return (
        QCoreApplication.translate("PropertiesPanel", "This text is %1 characters long; at most %2 fit.")
        .replace("%1", f"{len(value):,}")
        .replace("%2", f"{limit:,}")
    )


def _message_label(parent: QWidget | None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(_MESSAGE_STYLE)
    label.setObjectName("fieldMessage")
    label.hide()
    return label


def _with_message(field: QWidget, message: QLabel) -> QWidget:
    box = QWidget(field.parentWidget())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    field.setParent(box)
    message.setParent(box)
    layout.addWidget(field)
    layout.addWidget(message)
    box.setFocusProxy(field)  # the form label's mnemonic focuses the field
    return box


def _swatch_icon(color: str | None, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#33415c"))
        if color is None:  # no colour of its own: a white swatch crossed out
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
            painter.drawLine(3, size - 3, size - 3, 3)
        else:
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    finally:
        painter.end()
    return QIcon(pixmap)


class TextBinding(QObject):
    """Keeps one text field and one stored value in step.

    - The user edits: the text is validated; when valid and different from the stored value it is written
      (typing=True), else the message says why.
    - The stored value changes (undo, the canvas, our own write): the field is set to it, unless its text
      already means that value (so what is being typed, trailing spaces and the cursor stay).
    - The field loses focus: it shows the stored value again (and the typing run ends).
    """

    finished = Signal()
    """The user left the field (or pressed Enter in a one-line field)."""

    def __init__(
        self,
        widget: QLineEdit | QPlainTextEdit,
        *,
        write: Callable[[str], str | None],
        validate: Callable[[str], str | None] = lambda _: None,
        normalize: Callable[[str], str] = lambda text: text,
        on_finish: Callable[[TextBinding], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`write` stores a valid value (returns None, or why it could not be saved); `validate` returns why a
        text cannot be stored, or None; `normalize` is what the library makes of a text (e.g. trimmed);
        `on_finish` runs when the user leaves the field, before it shows the stored value again."""
        super().__init__(parent)
        self.widget = widget
        self.message = _message_label(widget.parentWidget())
        self._write = write
        self._validate = validate
        self._normalize = normalize
        self._on_finish = on_finish
        self.stored = ""
        self._loading = False
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
            widget.returnPressed.connect(self.finish)
        else:
            widget.textChanged.connect(self._changed)
        widget.installEventFilter(self)

    def text(self) -> str:
        return self.widget.text() if isinstance(self.widget, QLineEdit) else self.widget.toPlainText()

    def load(self, value: str, *, force: bool = False) -> None:
        """Show stored `value` (force: a different item is shown now, so replace whatever is in the field)."""
        if not force and value == self.stored:
            return
        self.stored = value
        if not force and self._normalize(self.text()) == value and self._validate(self.text()) is None:
            return  # the field already says this (our own write): keep the text and the cursor as they are
        self._set_text(value, keep_cursor=not force)
        self.hide_message()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def hide_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def finish(self) -> None:
        """The user is done with the field: show the stored value again."""
        if self._on_finish is not None:
            self._on_finish(self)
        self.finished.emit()
        if self.text() != self.stored:
            self._set_text(self.stored, keep_cursor=False)
        self.hide_message()

    def _set_text(self, value: str, *, keep_cursor: bool) -> None:
        self._loading = True
        try:
            if isinstance(self.widget, QLineEdit):
                position = self.widget.cursorPosition()
                self.widget.setText(value)
                # keep the typist's place; else show the start of a text too long for the field
                self.widget.setCursorPosition(min(position, len(value)) if keep_cursor else 0)
            else:
                cursor = self.widget.textCursor()
                position = cursor.position()
                scroll = self.widget.verticalScrollBar().value()
                self.widget.setPlainText(value)
                if keep_cursor:
                    cursor = self.widget.textCursor()
                    cursor.setPosition(min(position, len(value)))
                    self.widget.setTextCursor(cursor)
                    self.widget.verticalScrollBar().setValue(scroll)
        finally:
            self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self._edited(self.text())

    def _edited(self, text: str) -> None:
        error = self._validate(text)
        if error is not None:
            self.show_message(error)
            return
        value = self._normalize(text)
        if value == self.stored:
            self.hide_message()
            return
        failure = self._write(value)
        if failure is not None:
            self.show_message(failure)
            return
        self.stored = value
        self.hide_message()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.widget
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason  # a context menu: the user is not done
        ):
            self.finish()
        return False


class ScoreButtons(QWidget):
    """A row of toggle buttons: no score, then 1 (poor, red) to 5 (great, green)."""

    score_chosen = Signal(object)
    """The score the user clicked: an int 1..5 or None."""

    NO_SCORE = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._buttons: dict[int, QToolButton] = {}
        meanings = {
            1: self.tr("Very poor"),
            2: self.tr("Poor"),
            3: self.tr("Neutral"),
            4: self.tr("Good"),
            5: self.tr("Very good"),
        }
        none = QToolButton(self)
        none.setText("–")
        none.setToolTip(self.tr("No score"))
        none.setAccessibleName(self.tr("No score"))
        none.setStyleSheet(self._style("#f1f3f6", "#c9d0db"))
        self._add(none, self.NO_SCORE, layout)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            button = QToolButton(self)
            button.setText(str(score))
            tip = self.tr("Score %1: %2").replace("%1", str(score)).replace("%2", meanings[score])
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            soft, strong = SCORE_COLORS[score]
            button.setStyleSheet(self._style(soft, strong))
            self._add(button, score, layout)
        self._caption = QLabel(self)
        self._caption.setObjectName("scoreCaption")
        layout.addSpacing(4)
        layout.addWidget(self._caption, 1)
        self._meanings = meanings
        self._group.idClicked.connect(self._clicked)
        self.set_score(None)

    @staticmethod
    def _style(soft: str, strong: str) -> str:
        return (
            f"QToolButton {{ background: {soft}; color: #1f2633; border: 1px solid #aab3c2; border-radius: 4px;"
            " min-width: 24px; min-height: 24px; font-weight: bold; }"
            f"QToolButton:checked {{ background: {strong}; border: 2px solid #33415c; }}"
            "QToolButton:focus { border: 2px solid #1a73e8; }"
        )

    def _add(self, button: QToolButton, score: int, layout: QHBoxLayout) -> None:
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._group.addButton(button, score)
        self._buttons[score] = button
        layout.addWidget(button)

    def button(self, score: int | None) -> QToolButton:
        return self._buttons[self.NO_SCORE if score is None else score]

    def score(self) -> int | str | None:
        """The score shown: an int, None, or "mixed" when no button is checked."""
        checked = self._group.checkedId()
        if checked == -1:
            return "mixed"
        return None if checked == self.NO_SCORE else checked

    def set_score(self, score: int | None, *, mixed: bool = False) -> None:
        if mixed:
            self._group.setExclusive(False)
            for button in self._buttons.values():
                button.setChecked(False)
            self._group.setExclusive(True)
            self._caption.setText(self.tr("Mixed"))
            return
        self.button(score).setChecked(True)
        self._caption.setText(self.tr("No score") if score is None else self._meanings.get(score, ""))

    def _clicked(self, button_id: int) -> None:
        score = None if button_id == self.NO_SCORE else button_id
        self.set_score(score)
        self.score_chosen.emit(score)


class ColorPicker(QWidget):
    """A card's colour: a swatch button (opens the colour dialog), a few presets and "Default"."""

    color_chosen = Signal(object)
    """The colour the user chose: "#rrggbb", or None for the default."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)  # two short rows fit a narrow dock
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(4)
        presets = QHBoxLayout()
        presets.setSpacing(2)
        rows.addLayout(top)
        rows.addLayout(presets)
        self._swatch = QToolButton(self)
        self._swatch.setObjectName("colorSwatch")
        self._swatch.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._swatch.setIconSize(QSize(16, 16))
        self._swatch.setToolTip(self.tr("Choose a colour…"))
        self._swatch.setAccessibleName(self.tr("Card colour"))
        self._swatch.clicked.connect(self._choose)
        top.addWidget(self._swatch)
        self._presets: list[QToolButton] = []
        for color in PRESET_COLORS:
            preset = QToolButton(self)
            preset.setIcon(_swatch_icon(color, 14))
            preset.setIconSize(QSize(14, 14))
            preset.setAutoRaise(True)
            preset.setToolTip(color)
            preset.setAccessibleName(self.tr("Colour %1").replace("%1", color))
            preset.clicked.connect(lambda _=False, c=color: self._pick(c))
            presets.addWidget(preset)
            self._presets.append(preset)
        self._default = QToolButton(self)
        self._default.setObjectName("colorDefault")
        self._default.setText(self.tr("Default"))
        self._default.setToolTip(self.tr("Back to the default colour"))
        self._default.clicked.connect(lambda: self._pick(None))
        presets.addStretch(1)
        top.addWidget(self._default)
        top.addStretch(1)
        self._color: str | None = None
        self._mixed = False
        self.set_color(None)

    @property
    def swatch(self) -> QToolButton:
        return self._swatch

    @property
    def default_button(self) -> QToolButton:
        return self._default

    @property
    def presets(self) -> list[QToolButton]:
        return list(self._presets)

    def color(self) -> str | None:
        return self._color

    def set_color(self, color: str | None, *, mixed: bool = False) -> None:
        self._color = None if mixed else color
        self._mixed = mixed
        if mixed:
            self._swatch.setIcon(_swatch_icon(None))
            self._swatch.setText(self.tr("Mixed"))
        else:
            self._swatch.setIcon(_swatch_icon(color))
            self._swatch.setText(color if color is not None else self.tr("Choose…"))
        self._default.setEnabled(mixed or color is not None)

    def _choose(self) -> None:
        initial = QColor(self._color) if self._color else QColor("#ffffff")
        chosen = QColorDialog.getColor(initial, self, self.tr("Card colour"))
        if chosen.isValid():
            self._pick(chosen.name().lower())

    def _pick(self, color: str | None) -> None:
        if not self._mixed and color == self._color:
            return
        self.set_color(color)
        self.color_chosen.emit(color)


class ChannelCombo(QComboBox):
    """An editable list of the catalogue channels (icon and name, the key as item data) that takes free text
    up to MAX_CHANNEL characters. Emits `channel_chosen` when the user picks an entry or finishes typing."""

    channel_chosen = Signal(object)
    """The chosen channel: a catalogue key, free text, or None (the field was emptied)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setIconSize(QSize(18, 18))
        for entry in CHANNELS:
            self.addItem(channel_icon(entry.key), entry.name_en, entry.key)
        line = self.lineEdit()
        assert line is not None  # an editable combo has one
        self._line = line
        line.setMaxLength(MAX_CHANNEL)
        line.setPlaceholderText(self.tr("No channel"))
        line.setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._completer = completer
        self._value: str | None = None
        self._mixed = False
        self._language = Language.EN
        self._loading = False
        self.activated.connect(self._activated)
        line.editingFinished.connect(self._finished)

    def value(self) -> str | None:
        return self._value

    def line_edit(self) -> QLineEdit:
        return self._line

    def is_mixed(self) -> bool:
        return self._mixed

    def set_language(self, language: Language | str) -> None:
        """Show the catalogue names in `language` (the journey's)."""
        if Language(str(language)) == self._language:
            return
        self._language = Language(str(language))
        self._loading = True
        try:
            for row, entry in enumerate(CHANNELS):
                self.setItemText(row, entry.name(self._language))
        finally:
            self._loading = False
        self.set_value(self._value, mixed=self._mixed)

    def set_value(self, value: str | None, *, mixed: bool = False) -> None:
        self._loading = True
        try:
            self._value = None if mixed else value
            self._mixed = mixed
            row = self.findData(value) if value is not None and channel(value) is not None and not mixed else -1
            self.setCurrentIndex(row)
            self.setEditText("" if mixed else channel_label(value, self._language))
            self._line.setPlaceholderText(self.tr("Mixed") if mixed else self.tr("No channel"))
            self._line.setCursorPosition(0)
        finally:
            self._loading = False

    def _activated(self, row: int) -> None:
        if not self._loading and row >= 0:
            self._choose(str(self.itemData(row)))

    def _finished(self) -> None:
        if self._loading:
            return
        if not self._line.isModified():
            return  # left without typing: nothing to write (even when the stored text is not what we'd store)
        value = resolve_channel(self.currentText())
        if self._mixed and value is None:
            return  # nothing typed over "Mixed": leave every card's channel as it is
        self._choose(value)

    def _choose(self, value: str | None) -> None:
        changed = self._mixed or value != self._value
        self.set_value(value)  # shows the catalogue name for a key, the trimmed text for free text
        if changed:
            self.channel_chosen.emit(value)


class _Page(QScrollArea):
    """A scrollable page of the panel with a form whose labels stand above their fields (narrow docks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(8, 8, 8, 8)
        self.layout_.setSpacing(6)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.setWidget(self.body)

    def heading(self, text: str = "") -> QLabel:
        label = QLabel(text, self.body)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label


def _plain_text(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    metrics = edit.fontMetrics()
    edit.setFixedHeight(metrics.lineSpacing() * lines + 2 * int(edit.document().documentMargin()) + 6)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


class PropertiesPanel(QWidget):
    """The properties of the selection, for a dock. Bind it with `set_document` and tell it the selection with
    `set_selection`: one card, several cards, or none (then it edits the journey)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self._document: JourneyDocument | None = None
        self._selection: list[int] = []
        self._failure: str | None = None
        self._loading = False
        self._bindings: list[TextBinding] = []
        self._lock_note: QLabel | None = None

        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._empty = QLabel(self.tr("No journey is open."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        self._stack.addWidget(self._empty)
        self._build_card_page()
        self._build_cards_page()
        self._build_journey_page()
        self._show()

    # ------------------------------------------------------------------ public API

    def document(self) -> JourneyDocument | None:
        return self._document

    def set_document(self, document: JourneyDocument | None) -> None:
        """Edit `document` (None: nothing is open). The selection is cleared: the journey's fields show."""
        if self._document is not None:
            self._end_typing()
            self._document.changed.disconnect(self._document_changed)
            self._document.failed.disconnect(self._document_failed)
        self._document = document
        if document is not None:
            document.changed.connect(self._document_changed)
            document.failed.connect(self._document_failed)
        self._selection = []
        self._show()

    def selection(self) -> list[int]:
        return list(self._selection)

    def set_selection(self, ids: Iterable[int]) -> None:
        """The selected cards' ids (ids not on the journey are ignored)."""
        wanted = list(dict.fromkeys(ids))
        if wanted == self._selection:
            return
        self._end_typing()
        self._selection = wanted
        self._show()

    def set_structure_locked(self, locked: bool) -> None:
        """Workshop mode: the journey's own fields (title, description, language, framework, persona) are shown
        read-only, with a note why; the cards' fields stay editable."""
        for edit in (
            self.journey_title, self.journey_description, self.persona_name,
            self.persona_description, self.persona_goals, self.persona_frustrations,
        ):  # fmt: skip
            edit.setReadOnly(locked)
        self.journey_language.setEnabled(not locked)
        self.journey_framework.setEnabled(not locked)
        if locked and self._lock_note is None:
            self._lock_note = QLabel(self.tr("Locked in workshop mode: leave it (F11) to change the journey."), self)
            self._lock_note.setObjectName("journeyLocked")
            self._lock_note.setWordWrap(True)
            self._journey_page.layout_.insertWidget(1, self._lock_note)
        if self._lock_note is not None:
            self._lock_note.setVisible(locked)

    @property
    def structure_locked(self) -> bool:
        return self.journey_title.isReadOnly()

    def mode(self) -> str:
        """What the panel edits: "none" (no document), "card", "cards" or "journey"."""
        current = self._stack.currentWidget()
        if current is self._card_page:
            return "card"
        if current is self._cards_page:
            return "cards"
        if current is self._journey_page:
            return "journey"
        return "none"

    # ------------------------------------------------------------------ building

    def _binding(
        self,
        widget: QLineEdit | QPlainTextEdit,
        write: Callable[[str], str | None],
        *,
        validate: Callable[[str], str | None] = lambda _: None,
        normalize: Callable[[str], str] = lambda text: text,
        on_finish: Callable[[TextBinding], None] | None = None,
    ) -> TextBinding:
        binding = TextBinding(
            widget, write=write, validate=validate, normalize=normalize, on_finish=on_finish, parent=self
        )
        binding.finished.connect(self._end_typing)  # typing in the field again later is a new undo step
        self._bindings.append(binding)
        return binding

    def _build_card_page(self) -> None:
        page = _Page(self)
        body = page.body
        self._card_heading = page.heading(self.tr("Touchpoint"))
        self._card_place = QLabel(body)
        self._card_place.setWordWrap(True)
        self._card_place.setTextFormat(Qt.TextFormat.PlainText)
        self._card_place.setEnabled(False)
        page.layout_.addWidget(self._card_heading)
        page.layout_.addWidget(self._card_place)
        page.layout_.addLayout(page.form)
        form = page.form

        self.card_title = QLineEdit(body)
        self.card_title.setObjectName("cardTitle")
        self.card_title.setMaxLength(MAX_TITLE)
        self._card_title = self._binding(
            self.card_title,
            write=lambda v: self._write_card(typing=True, title=v),
            validate=self._validate_card_title,
            normalize=str.strip,
        )
        form.addRow(self.tr("&Title"), _with_message(self.card_title, self._card_title.message))

        self.card_channel = ChannelCombo(body)
        self.card_channel.setObjectName("cardChannel")
        self.card_channel.channel_chosen.connect(lambda v: self._write_card(channel=v))
        form.addRow(self.tr("&Channel"), self.card_channel)

        self.card_score = ScoreButtons(body)
        self.card_score.setObjectName("cardScore")
        self.card_score.score_chosen.connect(lambda v: self._write_card(score=v))
        form.addRow(self.tr("Score"), self.card_score)

        self.card_expectation = _plain_text(body)
        self.card_expectation.setObjectName("cardExpectation")
        self._card_expectation = self._binding(
            self.card_expectation,
            write=lambda v: self._write_card(typing=True, expectation=v),
            validate=lambda v: _too_long(v, MAX_TEXT),
        )
        form.addRow(self.tr("&Expectation"), _with_message(self.card_expectation, self._card_expectation.message))

        self.card_owner = QLineEdit(body)
        self.card_owner.setObjectName("cardOwner")
        self.card_owner.setMaxLength(MAX_OWNER)
        self.card_owner.setPlaceholderText(self.tr("Who in the business looks after this"))
        self._card_owner = self._binding(self.card_owner, write=lambda v: self._write_card(typing=True, owner=v))
        form.addRow(self.tr("&Owner"), _with_message(self.card_owner, self._card_owner.message))

        self.card_notes = _plain_text(body, 5)
        self.card_notes.setObjectName("cardNotes")
        self._card_notes = self._binding(
            self.card_notes,
            write=lambda v: self._write_card(typing=True, notes=v),
            validate=lambda v: _too_long(v, MAX_TEXT),
        )
        form.addRow(self.tr("&Notes"), _with_message(self.card_notes, self._card_notes.message))

        self.card_color = ColorPicker(body)
        self.card_color.setObjectName("cardColor")
        self.card_color.color_chosen.connect(lambda v: self._write_card(color=v))
        form.addRow(self.tr("Colour"), self.card_color)

        self.card_votes = QSpinBox(body)
        self.card_votes.setObjectName("cardVotes")
        self.card_votes.setRange(0, MAX_VOTES)
        self.card_votes.setGroupSeparatorShown(True)
        self.card_votes.setKeyboardTracking(False)  # typing 120 writes 120, not 1, 12 and 120
        self.card_votes.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.card_votes.setToolTip(self.tr("Dot votes from a workshop"))
        self.card_votes.valueChanged.connect(self._votes_changed)
        form.addRow(self.tr("&Votes"), self.card_votes)

        self._card_message = _message_label(body)
        page.layout_.addWidget(self._card_message)
        page.layout_.addStretch(1)
        self._card_page = page
        self._stack.addWidget(page)

    def _build_cards_page(self) -> None:
        page = _Page(self)
        body = page.body
        self._cards_heading = page.heading()
        self._cards_heading.setObjectName("cardsSummary")
        self._cards_hint = QLabel(self.tr("Changes here apply to every selected card."), body)
        self._cards_hint.setWordWrap(True)
        self._cards_hint.setEnabled(False)
        page.layout_.addWidget(self._cards_heading)
        page.layout_.addWidget(self._cards_hint)
        page.layout_.addLayout(page.form)
        form = page.form

        self.cards_score = ScoreButtons(body)
        self.cards_score.setObjectName("cardsScore")
        self.cards_score.score_chosen.connect(lambda v: self._write_cards(self.tr("Set score"), score=v))
        form.addRow(self.tr("Score"), self.cards_score)

        self.cards_channel = ChannelCombo(body)
        self.cards_channel.setObjectName("cardsChannel")
        self.cards_channel.channel_chosen.connect(lambda v: self._write_cards(self.tr("Set channel"), channel=v))
        form.addRow(self.tr("&Channel"), self.cards_channel)

        self.cards_color = ColorPicker(body)
        self.cards_color.setObjectName("cardsColor")
        self.cards_color.color_chosen.connect(lambda v: self._write_cards(self.tr("Set colour"), color=v))
        form.addRow(self.tr("Colour"), self.cards_color)

        self._cards_message = _message_label(body)
        page.layout_.addWidget(self._cards_message)
        page.layout_.addStretch(1)
        self._cards_page = page
        self._stack.addWidget(page)

    def _build_journey_page(self) -> None:
        page = _Page(self)
        body = page.body
        page.layout_.addWidget(page.heading(self.tr("Journey")))
        page.layout_.addLayout(page.form)
        form = page.form

        self.journey_title = QLineEdit(body)
        self.journey_title.setObjectName("journeyTitle")
        self.journey_title.setMaxLength(MAX_TITLE)
        self._journey_title = self._binding(
            self.journey_title,
            write=lambda v: self._write_journey(typing=True, title=v),
            validate=self._validate_journey_title,
            normalize=str.strip,
        )
        form.addRow(self.tr("&Title"), _with_message(self.journey_title, self._journey_title.message))

        self.journey_description = _plain_text(body, 5)
        self.journey_description.setObjectName("journeyDescription")
        self._journey_description = self._binding(
            self.journey_description,
            write=lambda v: self._write_journey(typing=True, description=v),
            validate=lambda v: _too_long(v, MAX_TEXT),
        )
        form.addRow(self.tr("&Description"), _with_message(self.journey_description, self._journey_description.message))

        self.journey_language = QComboBox(body)
        self.journey_language.setObjectName("journeyLanguage")
        self.journey_language.addItem("English", Language.EN.value)  # each language in its own words
        self.journey_language.addItem("Nederlands", Language.NL.value)
        self.journey_language.setToolTip(self.tr("The language of the map's text and channel names"))
        self.journey_language.activated.connect(self._language_chosen)
        form.addRow(self.tr("&Language"), self.journey_language)

        self.journey_framework = QComboBox(body)
        self.journey_framework.setObjectName("journeyFramework")
        for framework, label in (
            (Framework.FIVE_PHASE, self.tr("Five-phase model")),
            (Framework.AIDA, self.tr("AIDA")),
            (Framework.SEE_THINK_DO_CARE, self.tr("See-Think-Do-Care")),
            (Framework.CUSTOM, self.tr("Custom")),
        ):
            self.journey_framework.addItem(label, framework.value)
        self.journey_framework.activated.connect(self._framework_chosen)
        form.addRow(self.tr("&Framework"), self.journey_framework)

        persona = QGroupBox(self.tr("Persona"), body)
        persona_form = QFormLayout(persona)
        persona_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        persona_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        persona_form.setVerticalSpacing(4)

        self.persona_name = QLineEdit(persona)
        self.persona_name.setObjectName("personaName")
        self.persona_name.setMaxLength(MAX_PERSONA_NAME)
        self.persona_name.setPlaceholderText(self.tr("No persona: type a name to add one"))
        self.persona_name.setClearButtonEnabled(True)
        self._persona_name = self._binding(
            self.persona_name,
            write=self._write_persona_name,
            validate=self._validate_persona_name,
            normalize=str.strip,
            on_finish=self._finish_persona_name,
        )
        persona_form.addRow(self.tr("&Name"), _with_message(self.persona_name, self._persona_name.message))

        self.persona_description = _plain_text(persona, 3)
        self.persona_description.setObjectName("personaDescription")
        self.persona_goals = _plain_text(persona, 3)
        self.persona_goals.setObjectName("personaGoals")
        self.persona_frustrations = _plain_text(persona, 3)
        self.persona_frustrations.setObjectName("personaFrustrations")
        self._persona_fields: dict[str, TextBinding] = {}
        for field, edit, label in (
            ("description", self.persona_description, self.tr("D&escription")),
            ("goals", self.persona_goals, self.tr("&Goals")),
            ("frustrations", self.persona_frustrations, self.tr("F&rustrations")),
        ):
            binding = self._binding(
                edit,
                write=partial(self._write_persona_field, field),
                validate=lambda v: _too_long(v, MAX_TEXT),
            )
            self._persona_fields[field] = binding
            persona_form.addRow(label, _with_message(edit, binding.message))
        form.addRow(persona)
        self._persona_box = persona

        self._journey_message = _message_label(body)
        page.layout_.addWidget(self._journey_message)
        page.layout_.addStretch(1)
        self._journey_page = page
        self._stack.addWidget(page)

    # ------------------------------------------------------------------ showing

    def _journey(self) -> Journey | None:
        return self._document.journey if self._document is not None else None

    def _cards(self) -> list[Touchpoint]:
        """The selected cards still on the journey, in selection order."""
        journey = self._journey()
        if journey is None:
            return []
        listed = journey.touchpoints  # kept in id order by the document
        found: list[Touchpoint] = []
        for card_id in self._selection:
            at = bisect.bisect_left(listed, card_id, key=lambda t: t.id)
            if at < len(listed) and listed[at].id == card_id:
                found.append(listed[at])
        return found

    def _show(self, *, force: bool = True) -> None:
        journey = self._journey()
        if journey is None:
            self._stack.setCurrentWidget(self._empty)
            return
        cards = self._cards()
        if len(cards) == 1:
            page: QWidget = self._card_page
        elif cards:
            page = self._cards_page
        else:
            page = self._journey_page
        if page is not self._stack.currentWidget():
            force = True
        self._loading = True
        try:
            if page is self._card_page:
                self._load_card(cards[0], journey, force=force)
            elif page is self._cards_page:
                self._load_cards(cards, journey, force=force)
            else:
                self._load_journey(journey, force=force)
        finally:
            self._loading = False
        self._stack.setCurrentWidget(page)

    def _load_card(self, card: Touchpoint, journey: Journey, *, force: bool) -> None:
        if force:
            self._card_message.hide()
        place = []
        try:
            place.append(journey.phase(card.phase_id).name)
            place.append(journey.lane(card.lane_id).name)
        except KeyError:
            pass
        self._card_place.setText(" · ".join(place))
        self._card_title.load(card.title, force=force)
        self.card_channel.set_language(journey.language)
        if force or card.channel != self.card_channel.value() or self.card_channel.is_mixed():
            self.card_channel.set_value(card.channel)  # else leave what may be being typed in it
        self.card_score.set_score(card.score)
        self._card_expectation.load(card.expectation, force=force)
        self._card_owner.load(card.owner, force=force)
        self._card_notes.load(card.notes, force=force)
        self.card_color.set_color(card.color)
        if force or card.votes != self.card_votes.value():  # else leave a number being typed
            with QSignalBlocker(self.card_votes):
                self.card_votes.setValue(card.votes)

    def _load_cards(self, cards: Sequence[Touchpoint], journey: Journey, *, force: bool) -> None:
        self._cards_message.hide()
        self._cards_heading.setText(self.tr("%n cards selected", "", len(cards)))
        scores = {c.score for c in cards}
        self.cards_score.set_score(next(iter(scores)), mixed=len(scores) > 1)
        self.cards_channel.set_language(journey.language)
        channels = {c.channel for c in cards}
        mixed = len(channels) > 1
        combo = self.cards_channel
        if force or mixed != combo.is_mixed() or (not mixed and next(iter(channels)) != combo.value()):
            combo.set_value(next(iter(channels)), mixed=mixed)  # else leave what may be being typed in it
        colors = {c.color for c in cards}
        self.cards_color.set_color(next(iter(colors)), mixed=len(colors) > 1)

    def _load_journey(self, journey: Journey, *, force: bool) -> None:
        if force:
            self._journey_message.hide()
        self._journey_title.load(journey.title, force=force)
        self._journey_description.load(journey.description, force=force)
        self.journey_language.setCurrentIndex(self.journey_language.findData(journey.language.value))
        self.journey_framework.setCurrentIndex(self.journey_framework.findData(journey.framework.value))
        persona = journey.persona
        self._persona_name.load(persona.name if persona is not None else "", force=force)
        for field, binding in self._persona_fields.items():
            binding.load(getattr(persona, field) if persona is not None else "", force=force)
        self._update_persona_enabled()

    def _update_persona_enabled(self) -> None:
        journey = self._journey()
        has_persona = journey is not None and journey.persona is not None
        for binding in self._persona_fields.values():
            binding.widget.setEnabled(has_persona)
            binding.widget.setPlaceholderText("" if has_persona else self.tr("Give the persona a name first"))

    def _document_changed(self, change: Change) -> None:
        if self._document is None:
            return
        if change.kind is ChangeKind.CARDS and self.mode() == "journey" and not change.added:
            return  # only cards changed, and none of them is shown
        if change.removed:
            self._selection = [i for i in self._selection if i not in change.removed]
        self._show(force=False)

    def _document_failed(self, message: str) -> None:
        self._failure = message

    # ------------------------------------------------------------------ writing

    def _end_typing(self) -> None:
        if self._document is not None:
            self._document.end_typing()

    def _write_card(self, *, typing: bool = False, **fields: Any) -> str | None:
        """Write fields of the shown card; returns None, or why it could not be saved."""
        if self._loading or self._document is None:
            return None
        cards = self._cards()
        if len(cards) != 1:
            return None
        if not typing:
            self._end_typing()
        self._failure = None
        if self._document.update_touchpoint(cards[0].id, typing=typing, **fields):
            self._card_message.hide()
            return None
        failure = self._failure or self.tr("The change could not be saved.")
        if not typing:
            self._card_message.setText(failure)
            self._card_message.show()
            self._show(force=False)
        return failure

    def _write_cards(self, text: str, **fields: Any) -> None:
        """Write the same fields to every selected card, as one undo step."""
        if self._loading or self._document is None:
            return
        cards = self._cards()
        self._failure = None
        if not self._document.update_touchpoints([card.id for card in cards], text=text, **fields):
            self._cards_message.setText(self._failure or self.tr("The change could not be saved."))
            self._cards_message.show()
        else:
            self._cards_message.hide()
        self._show(force=False)

    def _write_journey(self, *, typing: bool = False, **fields: Any) -> str | None:
        if self._loading or self._document is None:
            return None
        if not typing:
            self._end_typing()
        self._failure = None
        if self._document.update_journey(typing=typing, **fields):
            self._journey_message.hide()
            return None
        failure = self._failure or self.tr("The change could not be saved.")
        if not typing:
            self._journey_message.setText(failure)
            self._journey_message.show()
            self._show(force=False)
        return failure

    def _votes_changed(self, value: int) -> None:
        if not self._loading:
            self._write_card(votes=value)

    def _language_chosen(self, row: int) -> None:
        self._write_journey(language=Language(str(self.journey_language.itemData(row))))

    def _framework_chosen(self, row: int) -> None:
        self._write_journey(framework=Framework(str(self.journey_framework.itemData(row))))

    def _write_persona_name(self, name: str) -> str | None:
        journey = self._journey()
        if journey is None:
            return None
        persona = journey.persona
        updated = Persona(name) if persona is None else replace(persona, name=name)
        failure = self._write_journey(typing=True, persona=updated)
        self._update_persona_enabled()
        return failure

    def _write_persona_field(self, field: str, value: str) -> str | None:
        journey = self._journey()
        if journey is None or journey.persona is None:
            return self.tr("Give the persona a name first.")
        return self._write_journey(typing=True, persona=replace(journey.persona, **{field: value}))

    def _finish_persona_name(self, binding: TextBinding) -> None:
        """Leaving an emptied persona name removes the persona (undo brings it back)."""
        journey = self._journey()
        if binding.text().strip() or journey is None or journey.persona is None:
            return
        self._write_journey(persona=None)
        self._update_persona_enabled()

    # ------------------------------------------------------------------ validation

    def _validate_card_title(self, text: str) -> str | None:
        if not text.strip():
            return self.tr("A touchpoint needs a title; the old one stays until you type one.")
        return None

    def _validate_journey_title(self, text: str) -> str | None:
        if not text.strip():
            return self.tr("A journey needs a title; the old one stays until you type one.")
        return None

    def _validate_persona_name(self, text: str) -> str | None:
        journey = self._journey()
        if not text.strip() and journey is not None and journey.persona is not None:
            return self.tr("Leave the name empty to remove the persona (undo brings it back).")
        return None

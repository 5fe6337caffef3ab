"""The properties panel's field editors, each reusable on any page: a text field bound to a stored value
(`TextBinding`: writes as the user types, shows why a value cannot be kept), the score buttons, the colour picker,
the channel list, and the page and message helpers the panel's forms are made of."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cjmapper import style
from cjmapper.channels import CHANNELS, channel, channel_label, resolve
from cjmapper.model import (
    MAX_CHANNEL,
    SCORE_MAX,
    SCORE_MIN,
    Language,
)

from ..canvas.theme import CanvasTheme, MessageInk, current_theme, scheme_watch
from ..icons import channel_icon, icon_tint
from ..length_limit import show_limit


def _hex(colour: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


SCORE_COLORS: dict[int, tuple[str, str, str]] = {
    score: (_hex(style.tint(value, 0.3)), value, _hex(style.ink_on(style.rgb(value))))
    for score, value in style.SCORE_COLORS.items()
}
"""Per score (1 poor .. 5 great): the soft background of its button, the strong one when it is chosen (the map's
score colour, `cjmapper.style`) and the digit's colour on that."""

PRESET_COLORS: tuple[str, ...] = ("#a0cbe8", "#ffbe7d", "#f1ce63", "#ff9d9a", "#8cd17d", "#d4a6c8")
"""Card colours one click away (the template lanes' palette)."""


def too_long(value: str, limit: int) -> str | None:
    """The message for a text over its limit, or None."""
    if len(value) <= limit:
        return None
    return (
        QCoreApplication.translate("PropertiesPanel", "This text is %1 characters long; at most %2 fit.")
        .replace("%1", f"{len(value):,}")
        .replace("%2", f"{limit:,}")
    )


def message_label(parent: QWidget | None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("fieldMessage")
    label.setProperty("ink", MessageInk(label, "error"))  # red, readable on a light or a dark panel
    label.hide()
    return label


def with_message(field: QWidget, message: QLabel) -> QWidget:
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


def swatch_icon(color: str | None, size: int = 16) -> QIcon:
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
        self.message = message_label(widget.parentWidget())
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
        self._add(none, self.NO_SCORE, layout)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            button = QToolButton(self)
            button.setText(str(score))
            tip = self.tr("Score %1: %2").replace("%1", str(score)).replace("%2", meanings[score])
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            self._add(button, score, layout)
        self._caption = QLabel(self)
        self._caption.setObjectName("scoreCaption")
        layout.addSpacing(4)
        layout.addWidget(self._caption, 1)
        self._meanings = meanings
        self._group.idClicked.connect(self._clicked)
        self.set_score(None)
        self._restyle(current_theme())
        scheme_watch().changed.connect(self._restyle)

    def _restyle(self, theme: CanvasTheme) -> None:
        """The buttons in the scheme's colours: on dark, each score's colour mixed into the dark as a card's is, with
        light digits (4.5:1 or more); on light, soft tints with dark digits."""
        for score, button in self._buttons.items():
            if score == self.NO_SCORE:
                soft, strong, ink = "#f1f3f6", "#c9d0db", "#1f2633"
                if theme.dark:
                    soft, strong, ink = theme.header.name(), theme.card_border.name(), theme.ink.name()
            else:
                soft, strong, ink = SCORE_COLORS[score]
                if theme.dark:
                    soft = theme.card_body(QColor(strong)).name()
            button.setStyleSheet(self._style(soft, strong, ink, theme))

    @staticmethod
    def _style(soft: str, strong: str, ink: str, theme: CanvasTheme) -> str:
        text, border, ring = "#1f2633", "#aab3c2", "#33415c"
        if theme.dark:
            text, border, ring = theme.ink.name(), theme.card_border.name(), theme.ink.name()
        return (
            f"QToolButton {{ background: {soft}; color: {text}; border: 1px solid {border}; border-radius: 4px;"
            " min-width: 24px; min-height: 24px; font-weight: bold; }"
            f"QToolButton:checked {{ background: {strong}; color: {ink}; border: 2px solid {ring}; }}"
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
            preset.setIcon(swatch_icon(color, 14))
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
            self._swatch.setIcon(swatch_icon(None))
            self._swatch.setText(self.tr("Mixed"))
        else:
            self._swatch.setIcon(swatch_icon(color))
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


class ChoiceCombo(QComboBox):
    """A choice among fixed values (None, for none, among them), each shown by its label. `chosen` is emitted with
    the value the user picks."""

    chosen = Signal(object)

    def __init__(self, choices: Sequence[tuple[object, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in choices:
            self.addItem(label, value)
        self.activated.connect(lambda row: self.chosen.emit(self.itemData(row)))

    def value(self) -> object:
        return self.currentData()

    def set_value(self, value: object) -> None:
        with QSignalBlocker(self):
            self.setCurrentIndex(max(0, self.findData(value)))


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
            self.addItem(channel_icon(entry.key, icon_tint(self.palette())), entry.name_en, entry.key)
        line = self.lineEdit()
        assert line is not None  # an editable combo has one
        self._line = line
        show_limit(line, MAX_CHANNEL)
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # light or dark: the icons in the text's colour on dark
            for index, entry in enumerate(CHANNELS):
                self.setItemIcon(index, channel_icon(entry.key, icon_tint(self.palette())))
        super().changeEvent(event)

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
        value = resolve(self.currentText())
        if self._mixed and value is None:
            return  # nothing typed over "Mixed": leave every card's channel as it is
        self._choose(value)

    def _choose(self, value: str | None) -> None:
        changed = self._mixed or value != self._value
        self.set_value(value)  # shows the catalogue name for a key, the trimmed text for free text
        if changed:
            self.channel_chosen.emit(value)


class Page(QScrollArea):
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


def plain_text(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    metrics = edit.fontMetrics()
    edit.setFixedHeight(metrics.lineSpacing() * lines + 2 * int(edit.document().documentMargin()) + 6)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit

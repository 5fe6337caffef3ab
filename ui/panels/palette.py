"""The channel palette: the catalogue of channels to drag onto the map, plus a free-text custom channel.

Every entry drags with mime type `CHANNEL_MIME` carrying the channel as UTF-8: a catalogue key
(`"social-media"`) or the custom text as typed (trimmed). Enter (or a double-click) on an entry emits
`channel_activated` with the same string; the window adds a card of that channel to the selected cell.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cjmapper.channels import CHANNELS, channel, resolve
from cjmapper.model import MAX_CHANNEL, Language

from ..i18n import ui_language
from ..icons import channel_icon, channel_pixmap, icon_tint
from ..mime import CHANNEL_MIME as CHANNEL_MIME  # also here, where the palette's users look for it

KEY_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding an entry's channel key."""

_ICON_SIZE = 20


def channel_mime_data(value: str) -> QMimeData:
    """Mime data carrying one channel (catalogue key or free text) for a drag."""
    mime = QMimeData()
    mime.setData(CHANNEL_MIME, value.encode("utf-8"))
    return mime


def channel_from_mime(mime: QMimeData) -> str | None:
    """The channel a drag carries, or None when it carries none (or something that is not a channel)."""
    if not mime.hasFormat(CHANNEL_MIME):
        return None
    try:
        text = bytes(mime.data(CHANNEL_MIME).data()).decode("utf-8")
    except UnicodeDecodeError:
        return None
    value = text.strip()
    if not value or len(value) > MAX_CHANNEL:
        return None
    return value


def _start_channel_drag(source: QWidget, value: str) -> None:
    drag = QDrag(source)
    drag.setMimeData(channel_mime_data(value))
    drag.setPixmap(channel_pixmap(value, 32, source.devicePixelRatioF(), icon_tint(source.palette())))
    drag.setHotSpot(QPoint(16, 16))
    drag.exec(Qt.DropAction.CopyAction)  # copy only: a view that accepts a move must not remove our entry


class _ChannelList(QListWidget):
    """The catalogue; drags carry the item's key and are copies (the catalogue never loses an entry)."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [CHANNEL_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        keys = [str(item.data(KEY_ROLE)) for item in items]
        return channel_mime_data(keys[0] if keys else "")

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802, N803 - Qt's names
        item = self.currentItem()
        if item is not None and not item.isHidden():
            _start_channel_drag(self, str(item.data(KEY_ROLE)))


class CustomChannelEntry(QFrame):
    """The custom channel as a draggable chip: icon and text. Empty (and hidden) while there is no text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customChannelEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._icon = QLabel(self)
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._hint = QLabel(self.tr("drag"), self)
        self._hint.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(6)
        layout.addWidget(self._icon)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._hint)
        self._value: str | None = None
        self._press: QPoint | None = None

    @property
    def value(self) -> str | None:
        """The channel this entry carries (a catalogue key when the text names one), or None."""
        return self._value

    def text(self) -> str:
        return self._label.text()

    def set_value(self, value: str | None, label: str) -> None:
        self._value = value
        self._label.setText(label)
        self._icon.setPixmap(channel_pixmap(value, _ICON_SIZE, self.devicePixelRatioF(), icon_tint(self.palette())))
        self.setToolTip(
            self.tr(
                "Drag “%1” onto the map, or press Enter in the field above to add it to the selected cell."
            ).replace("%1", label)
        )

    def mime_data(self) -> QMimeData | None:
        return channel_mime_data(self._value) if self._value else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if (
            self._press is not None
            and self._value
            and event.buttons() & Qt.MouseButton.LeftButton
            and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._press = None
            _start_channel_drag(self, self._value)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press = None
        super().mouseReleaseEvent(event)


class ChannelPalette(QWidget):
    """The channel catalogue for a dock: a filter, the channels (icon and name), and a custom channel."""

    channel_activated = Signal(str)
    """A channel (catalogue key or free text) the user chose with Enter or a double-click."""

    def __init__(self, parent: QWidget | None = None, language: Language | str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelPalette")
        self._language = ui_language() if language is None else Language(str(language))

        self._filter = QLineEdit(self)
        self._filter.setObjectName("channelFilter")
        self._filter.setPlaceholderText(self.tr("Filter channels"))
        self._filter.setAccessibleName(self.tr("Filter channels"))
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._apply_filter)
        self._filter.returnPressed.connect(self._activate_from_filter)
        self._filter.installEventFilter(self)

        self._list = _ChannelList(self)
        self._list.setObjectName("channelList")
        self._list.setAccessibleName(self.tr("Channels"))
        self._list.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setDragEnabled(True)
        self._list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self._list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self._list.setUniformItemSizes(True)
        self._list.itemActivated.connect(self._item_activated)
        self._items: list[QListWidgetItem] = []
        for entry in CHANNELS:
            item = QListWidgetItem(channel_icon(entry.key, icon_tint(self.palette())), "")
            item.setData(KEY_ROLE, entry.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            self._list.addItem(item)
            self._items.append(item)

        self._no_match = QLabel(self)
        self._no_match.setObjectName("channelNoMatch")
        self._no_match.setWordWrap(True)
        self._no_match.setTextFormat(Qt.TextFormat.PlainText)
        self._no_match.setEnabled(False)
        self._no_match.hide()

        self._custom_label = QLabel(self.tr("Custom channel"), self)
        self._custom = QLineEdit(self)
        self._custom.setObjectName("customChannel")
        self._custom.setPlaceholderText(self.tr("Custom channel…"))
        self._custom.setAccessibleName(self.tr("Custom channel"))
        self._custom.setMaxLength(MAX_CHANNEL)
        self._custom.setClearButtonEnabled(True)
        self._custom.textChanged.connect(self._custom_changed)
        self._custom.returnPressed.connect(self._activate_custom)
        self._custom_label.setBuddy(self._custom)
        self._entry = CustomChannelEntry(self)
        self._entry.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self._filter)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._no_match)
        layout.addSpacing(4)
        layout.addWidget(self._custom_label)
        layout.addWidget(self._custom)
        layout.addWidget(self._entry)
        self.setFocusProxy(self._filter)
        self._relabel()

    # ------------------------------------------------------------------ for the window and tests

    @property
    def filter_field(self) -> QLineEdit:
        return self._filter

    @property
    def channel_list(self) -> QListWidget:
        return self._list

    @property
    def custom_field(self) -> QLineEdit:
        return self._custom

    @property
    def custom_entry(self) -> CustomChannelEntry:
        return self._entry

    def language(self) -> Language:
        return self._language

    def set_language(self, language: Language | str | None) -> None:
        """Show the channel names in `language` (the open journey's language; None: the interface's, with no
        journey open)."""
        self._language = ui_language() if language is None else Language(str(language))
        self._relabel()

    def visible_keys(self) -> list[str]:
        """The keys of the catalogue entries the filter lets through, in catalogue order."""
        return [str(item.data(KEY_ROLE)) for item in self._items if not item.isHidden()]

    def item_for(self, key: str) -> QListWidgetItem:
        """The list item of catalogue channel `key` (KeyError for a key not in the catalogue)."""
        for item in self._items:
            if item.data(KEY_ROLE) == key:
                return item
        raise KeyError(key)

    # ------------------------------------------------------------------ internals

    def _relabel(self) -> None:
        for item in self._items:
            entry = channel(str(item.data(KEY_ROLE)))
            assert entry is not None
            item.setText(entry.name(self._language))
            item.setToolTip(
                self.tr("%1 (key: %2). Drag it onto the map, or press Enter to add it to the selected cell.")
                .replace("%1", entry.name(self._language))
                .replace("%2", entry.key)
            )
        self._apply_filter(self._filter.text())
        self._custom_changed(self._custom.text())

    def _apply_filter(self, text: str) -> None:
        wanted = " ".join(text.split()).casefold()
        first_visible: QListWidgetItem | None = None
        for item in self._items:
            entry = channel(str(item.data(KEY_ROLE)))
            assert entry is not None
            haystack = (entry.key, entry.name_en.casefold(), entry.name_nl.casefold())
            shown = not wanted or any(wanted in text for text in haystack)
            item.setHidden(not shown)
            if shown and first_visible is None:
                first_visible = item
        current = self._list.currentItem()
        if current is not None and current.isHidden():
            if first_visible is not None:
                self._list.setCurrentItem(first_visible)
            else:
                self._list.clearSelection()
        if first_visible is None:
            self._no_match.setText(
                self.tr("No channel in the catalogue matches “%1”. Type it as a custom channel below.").replace(
                    "%1", text.strip()
                )
            )
        self._no_match.setVisible(first_visible is None)

    def _activate_from_filter(self) -> None:
        current: QListWidgetItem | None = self._list.currentItem()
        if current is None or current.isHidden() or not current.isSelected():
            visible = [item for item in self._items if not item.isHidden()]
            current = visible[0] if visible else None
        if current is not None:
            self._list.setCurrentItem(current)
            self.channel_activated.emit(str(current.data(KEY_ROLE)))

    def _item_activated(self, item: QListWidgetItem) -> None:
        if not item.isHidden():
            self.channel_activated.emit(str(item.data(KEY_ROLE)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # light or dark: the icons in the text's colour on dark
            for item in self._items:
                item.setIcon(channel_icon(str(item.data(KEY_ROLE)), icon_tint(self.palette())))
            self._custom_changed(self._custom.text())
        super().changeEvent(event)

    def _custom_changed(self, text: str) -> None:
        value = resolve(text)
        entry = channel(value)
        label = entry.name(self._language) if entry is not None else (value or "")
        self._entry.set_value(value, label)
        self._entry.setVisible(value is not None)

    def _activate_custom(self) -> None:
        value = self._entry.value
        if value:
            self.channel_activated.emit(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self._filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            visible = [item for item in self._items if not item.isHidden()]
            if visible:
                current = self._list.currentItem()
                if current is None or current.isHidden():
                    self._list.setCurrentItem(visible[0])
                self._list.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

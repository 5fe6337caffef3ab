"""The Journeys panel: the open library's journeys, a title search, and the journey-level actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cjmapper.store import JourneyInfo

JOURNEY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "LibraryPanel"


def journey_label(info: JourneyInfo) -> str:
    """How the list names a journey: its title, or for a damaged one (`JourneyInfo.problem`) its title or id marked
    as damaged."""
    if not info.problem:
        return info.title
    if info.title:
        return QCoreApplication.translate(CONTEXT, "{0} (damaged)").format(info.title)
    return QCoreApplication.translate(CONTEXT, "Journey {0} (damaged)").format(info.id)


def journey_tooltip(info: JourneyInfo) -> str:
    if info.problem:
        return QCoreApplication.translate(CONTEXT, "This journey cannot be opened: {0}.").format(info.problem)
    phases = (
        QCoreApplication.translate(CONTEXT, "1 phase")
        if info.phases == 1
        else QCoreApplication.translate(CONTEXT, "{0} phases").format(info.phases)
    )
    cards = (
        QCoreApplication.translate(CONTEXT, "1 touchpoint")
        if info.touchpoints == 1
        else QCoreApplication.translate(CONTEXT, "{0} touchpoints").format(info.touchpoints)
    )
    return f"{info.title}\n{phases} · {cards}"


class LibraryPanel(QWidget):
    """Lists journeys; emits `journey_chosen` when the user picks one. The window owns the actions it shows."""

    journey_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("journeySearch")
        self.search_field.setPlaceholderText(self.tr("Search journeys"))
        self.search_field.setAccessibleName(self.tr("Search journeys by title"))
        self.search_field.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setObjectName("journeyList")
        self.list.setAccessibleName(self.tr("Journeys"))
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListView::item { padding: 4px 2px; }")
        self.list.setSpacing(2)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.message = QLabel(self)
        self.message.setObjectName("journeyListMessage")
        self.message.setWordWrap(True)
        italic = QFont(self.message.font())
        italic.setItalic(True)
        self.message.setFont(italic)
        self.message.hide()
        self.buttons = QToolBar(self)  # a narrow panel puts the buttons that do not fit behind its » menu
        self.buttons.setObjectName("journeyButtons")
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_for_menu: list[QAction] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

        self.search_field.textChanged.connect(self._filter_changed)
        self.search_field.returnPressed.connect(self._search_accepted)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self._chosen: int | None = None
        self._rebuilding = False
        self._infos: dict[int, JourneyInfo] = {}

    def add_actions(self, actions: list[QAction]) -> None:
        """Show these actions as buttons under the list and in its context menu."""
        self.buttons.addActions(actions)
        self.actions_for_menu.extend(actions)

    def set_journeys(self, infos: list[JourneyInfo], select: int | None) -> None:
        self._rebuilding = True  # clearing moves the current row: that is no choice of the user's
        try:
            self._fill(infos)
        finally:
            self._rebuilding = False
        self._chosen = None
        self._update_message()
        if select is not None:
            self.select(select)

    def _fill(self, infos: list[JourneyInfo]) -> None:
        self.model.clear()
        self._infos = {info.id: info for info in infos}
        for info in infos:
            item = QStandardItem(journey_label(info))
            item.setData(info.id, JOURNEY_ID_ROLE)
            item.setToolTip(journey_tooltip(info))
            item.setEditable(False)
            self.model.appendRow(item)

    def titles(self) -> list[str]:
        """The titles the list shows now (after the search), top to bottom."""
        return [str(self.proxy.index(row, 0).data()) for row in range(self.proxy.rowCount())]

    def info(self, journey_id: int) -> JourneyInfo | None:
        """What the list knows of a journey (None when it does not list it)."""
        return self._infos.get(journey_id)

    def ids(self) -> list[int]:
        return [int(self.proxy.index(row, 0).data(JOURNEY_ID_ROLE)) for row in range(self.proxy.rowCount())]

    def select(self, journey_id: int) -> bool:
        """Highlight a journey (without emitting journey_chosen); whether the list shows it."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(JOURNEY_ID_ROLE) == journey_id:
                self._chosen = journey_id
                self.list.setCurrentIndex(index)
                return True
        return False

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._rebuilding or not current.isValid():
            return
        journey_id = int(current.data(JOURNEY_ID_ROLE))
        if journey_id != self._chosen:
            self._chosen = journey_id
            self.journey_chosen.emit(journey_id)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_message()
        if self._chosen is not None:
            self.select(self._chosen)

    def _search_accepted(self) -> None:
        if self.proxy.rowCount() > 0:
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_message(self) -> None:
        if self.model.rowCount() == 0:
            text = self.tr("No journeys in this library yet: make one with “New…”.")
        elif self.proxy.rowCount() == 0:
            text = self.tr("No journey title contains “{0}”.").format(self.search_field.text().strip())
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if index.isValid():
            self.list.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.actions_for_menu:
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(point))

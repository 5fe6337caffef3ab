"""The editor's main window: the library's journeys in a dock on the left, the chosen journey in the centre.

The window reads the library only through the `Library` API and never changes it (foundation scope: the
canvas editor comes later). Window geometry and dock layout are kept in QSettings between sessions.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.model import summarize
from cjmapper.store import JourneyInfo, Library
from ui.journey_overview import JourneyOverview, csat_text, plain_tooltip, score_text, touchpoints_text

JOURNEY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SETTINGS_GEOMETRY = "mainWindow/geometry"
SETTINGS_STATE = "mainWindow/state"
STATE_VERSION = 1


def settings() -> QSettings:
    """cjmapper's user settings, in QSettings' default format (tests point it at a temporary file)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "cjmapper", "cjmapper")


def journey_tooltip(info: JourneyInfo) -> str:
    phases = f"{info.phases} phase" if info.phases == 1 else f"{info.phases} phases"
    return f"{info.title}\n{phases} · {touchpoints_text(info.touchpoints)}"


class MainWindow(QMainWindow):
    """The editor window on an open library (the caller keeps and closes the library)."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("mainWindow")

        # ------------------------------------------------------------ journeys dock
        self.journey_model = QStandardItemModel(self)
        self.journey_proxy = QSortFilterProxyModel(self)
        self.journey_proxy.setSourceModel(self.journey_model)
        self.journey_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.journeys_dock = QDockWidget("Journeys", self)
        self.journeys_dock.setObjectName("journeysDock")
        self.journeys_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.journeys_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock_body = QWidget(self.journeys_dock)
        self.search_field = QLineEdit(self._dock_body)
        self.search_field.setObjectName("journeySearch")
        self.search_field.setPlaceholderText("Search journeys")
        self.search_field.setAccessibleName("Search journeys by title")
        self.search_field.setClearButtonEnabled(True)
        self.journey_list = QListView(self._dock_body)
        self.journey_list.setObjectName("journeyList")
        self.journey_list.setAccessibleName("Journeys")
        self.journey_list.setModel(self.journey_proxy)
        self.journey_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.journey_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.journey_list.setWordWrap(True)  # long titles wrap instead of being cut off
        self.journey_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.journey_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.journey_list.setStyleSheet("QListView::item { padding: 4px 2px; }")
        self.journey_list.setSpacing(2)
        self._selection = self.journey_list.selectionModel()
        self.list_message = QLabel(self._dock_body)
        self.list_message.setObjectName("journeyListMessage")
        self.list_message.setWordWrap(True)
        message_font = QFont(self.list_message.font())
        message_font.setItalic(True)
        self.list_message.setFont(message_font)
        self.list_message.hide()
        dock_layout = QVBoxLayout(self._dock_body)
        dock_layout.setContentsMargins(6, 6, 6, 6)
        dock_layout.setSpacing(6)
        dock_layout.addWidget(self.search_field)
        dock_layout.addWidget(self.list_message)  # right under the search field it explains
        dock_layout.addWidget(self.journey_list, 1)
        self.journeys_dock.setWidget(self._dock_body)
        self.journeys_dock.setMinimumWidth(200)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.journeys_dock)

        # ------------------------------------------------------------ centre and status bar
        self.overview = JourneyOverview(self)
        self.setCentralWidget(self.overview)
        self.status_figures = QLabel(self)
        self.status_figures.setObjectName("statusFigures")
        self.statusBar().addPermanentWidget(self.status_figures)
        self.status_library = QLabel(str(library.path), self)
        self.status_library.setObjectName("statusLibrary")
        self.status_library.setToolTip(plain_tooltip(f"Library: {library.path}"))
        self.statusBar().addWidget(self.status_library, 1)

        self._create_menus()
        self.search_field.textChanged.connect(self._filter_changed)
        self.search_field.returnPressed.connect(self._search_accepted)
        self._selection.currentChanged.connect(self._current_changed)

        self.resize(1280, 800)
        self.restore_settings()
        self.reload()

    # ------------------------------------------------------------------ menus

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu("&View")
        self.find_action = QAction("&Find Journey", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        self.dock_action = self.journeys_dock.toggleViewAction()
        self.dock_action.setText("&Journeys Panel")
        view_menu.addAction(self.dock_action)

        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = QAction("&About cjmapper", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self._menus = (file_menu, view_menu, help_menu)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About cjmapper",
            f"<h3>cjmapper {__version__}</h3>"
            "<p>An editor for customer journey maps: phases, lanes and touchpoints, "
            "with scores, CSAT and an experience curve.</p>"
            f"<p>Library: {html.escape(str(self.library.path))}</p>",
        )

    def focus_search(self) -> None:
        self.journeys_dock.show()
        self.journeys_dock.raise_()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # ------------------------------------------------------------------ journeys

    def reload(self) -> None:
        """Read the library's table of contents again and show the first journey (or keep the current one)."""
        keep = self.current_journey_id()
        try:
            infos = self.library.list_journeys()
        except CjmapperError as e:
            self.overview.show_message(str(e))
            self.status_library.setText(f"{self.library.path} — {e}")
            self.journey_model.clear()
            self._update_list_message()
            self._update_title_and_status()
            return
        self.journey_model.clear()
        for info in infos:
            item = QStandardItem(info.title)
            item.setData(info.id, JOURNEY_ID_ROLE)
            item.setToolTip(plain_tooltip(journey_tooltip(info)))
            item.setEditable(False)
            self.journey_model.appendRow(item)
        self._update_list_message()
        if not self.select_journey(keep) and self.journey_proxy.rowCount() > 0:
            self.journey_list.setCurrentIndex(self.journey_proxy.index(0, 0))
        if self.journey_proxy.rowCount() == 0:
            self._show_none()

    def journey_titles(self) -> list[str]:
        """The titles the list shows now (after the search filter), top to bottom."""
        proxy = self.journey_proxy
        return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]

    def current_journey_id(self) -> int | None:
        journey = self.overview.journey
        return journey.id if journey is not None else None

    def select_journey(self, journey_id: int | None) -> bool:
        """Select the journey with this id in the list (when the filter shows it); whether it was found."""
        if journey_id is None:
            return False
        for row in range(self.journey_proxy.rowCount()):
            index = self.journey_proxy.index(row, 0)
            if index.data(JOURNEY_ID_ROLE) == journey_id:
                self.journey_list.setCurrentIndex(index)
                return True
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # e.g. the search hid the journey: keep showing it
        journey_id = current.data(JOURNEY_ID_ROLE)
        if journey_id == self.current_journey_id():
            return
        self.show_journey(int(journey_id))

    def show_journey(self, journey_id: int) -> None:
        try:
            journey = self.library.load_journey(journey_id)
        except CjmapperError as e:
            self.overview.show_message(str(e))
        else:
            self.overview.show_journey(journey)
        self._update_title_and_status()

    def _show_none(self) -> None:
        if self.journey_model.rowCount() == 0:
            self.overview.show_message(
                "This library has no journeys yet.\n\n"
                "Add one from a template in a terminal, for example:\n"
                f'cjmapper --library "{self.library.path}" new --template five-phase --title "My journey"'
            )
        else:
            self.overview.show_message("Choose a journey on the left.")
        self._update_title_and_status()

    def _filter_changed(self, text: str) -> None:
        self.journey_proxy.setFilterFixedString(text.strip())
        self._update_list_message()
        if not self.journey_list.currentIndex().isValid():
            self.select_journey(self.current_journey_id())

    def _search_accepted(self) -> None:
        if self.journey_proxy.rowCount() > 0:
            if not self.journey_list.currentIndex().isValid():
                self.journey_list.setCurrentIndex(self.journey_proxy.index(0, 0))
            self.journey_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_list_message(self) -> None:
        if self.journey_model.rowCount() == 0:
            text = "No journeys in this library."
        elif self.journey_proxy.rowCount() == 0:
            text = f"No journey title contains “{self.search_field.text().strip()}”."
        else:
            text = ""
        self.list_message.setText(text)
        self.list_message.setVisible(bool(text))

    def _update_title_and_status(self) -> None:
        journey = self.overview.journey
        name = self.library.path.name
        if journey is None:
            self.setWindowTitle(f"{name} — cjmapper")
            self.status_figures.setText("")
            return
        self.setWindowTitle(f"{journey.title} — {name} — cjmapper")
        summary = summarize(journey)
        self.status_figures.setText(
            f"{touchpoints_text(summary.touchpoints)}   ·   average score {score_text(summary.average)}"
            f"   ·   CSAT {csat_text(summary.csat)}"
        )

    # ------------------------------------------------------------------ settings

    def restore_settings(self) -> None:
        stored = settings()
        geometry = stored.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()
        state = stored.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, STATE_VERSION)

    def _default_geometry(self) -> None:
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        width = min(1280, int(available.width() * 0.9))
        height = min(800, int(available.height() * 0.9))
        self.resize(width, height)
        self.resizeDocks([self.journeys_dock], [max(240, width // 5)], Qt.Orientation.Horizontal)

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        stored.setValue(SETTINGS_STATE, self.saveState(STATE_VERSION))
        stored.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_settings()
        super().closeEvent(event)

"""The editor window: Journeys panel on the left, the canvas in the centre, channel palette and properties on the
right; menus, toolbar and a status bar with the journey's figures.

The window owns the library it shows (it closes it on switching or closing): a library file, or a team library on
a PostgreSQL server (see `ui.dialogs.team`), where a teammate's edit shows within seconds (see `poll_changes`). Every
change goes through an undo command: journey-level ones on the library's stack, edits of the open journey on that
journey's stack; the Edit menu follows whichever stack was used last.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSocketNotifier, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cjmapper import __version__
from cjmapper.editing import Gate, Touches
from cjmapper.editing.gate import Verb
from cjmapper.errors import CjmapperError, DamagedJourneyError
from cjmapper.file_names import title_part
from cjmapper.interchange import read_journey_file, write_csv_file, write_journey_file
from cjmapper.model import Journey, summarize
from cjmapper.paths import default_library_path
from cjmapper.poster import PosterOptions
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation, parse_location
from cjmapper.store.transfer import read_for_copy, write_copy
from cjmapper.templates import load_template

from ..canvas import JourneyScene, JourneyView
from ..dialogs.new_journey_dialog import NewJourneyDialog
from ..dialogs.preferences import PreferencesDialog
from ..dialogs.recovery import DamageBanner, export_all_journeys
from ..dialogs.team import (
    TeamLibraryDialog,
    busy,
    choose_local_library,
    location_label,
    open_location,
    recent_label,
    remember_team_library,
    same_library,
    server_name,
)
from ..dialogs.versions_dialog import VersionsDialog
from ..editing.document import Change, ChangeKind, JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..export.export_jobs import ExportProgress, JobOutcome, PosterJob
from ..export.pictures import DEFAULT_DPI, picture_size, save_picture
from ..export.poster_dialog import SETTINGS_PICTURE_DPI, PictureDpiDialog, PosterDialog, poster_folder
from ..i18n import decimal, ui_language
from ..panels.library_panel import LibraryPanel
from ..panels.palette import ChannelPalette
from ..panels.persona_strip import PersonaStrip
from ..panels.properties import PropertiesPanel
from ..user_settings import put_first, recent_list, settings
from ..workshop.controller import WorkshopController
from ..workshop.voting import VotingBar, VotingPanel, VotingSession, voting_actions
from .file_opening import FileOpener

SETTINGS_GEOMETRY = "mainWindow/geometry"
SETTINGS_STATE = "mainWindow/state"
SETTINGS_RECENT = "recentLibraries"
SETTINGS_LAST_JOURNEY = "lastJourney"
STATE_VERSION = 2
MAX_RECENT = 8
CHANGE_POLL_MS = 750
"""How often the window looks for changes another window or program made to the library (a cheap check)."""
MAX_POLL_BACKOFF_MS = 10_000
"""While a team library's server cannot be reached, the window looks again after longer and longer pauses (each try
may wait for the server's connect timeout)."""


def recent_libraries() -> list[str]:
    return recent_list(SETTINGS_RECENT)


def remember_library(location: Location) -> None:
    """Put a library first in File › Open Recent: its path, or a team library's URL (which never holds a password)."""
    put_first(SETTINGS_RECENT, str(location), MAX_RECENT)


def score_text(value: float | None) -> str:
    return "–" if value is None else decimal(value)


def csat_text(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


READ_ONLY_GATE = "read-only"
"""The reason by which a read-only library closes everything in the window's edit gate."""


class MainWindow(QMainWindow):
    """The editor window. It takes ownership of `library` and closes it when it is done with it."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.library_editor = LibraryEditor(library, self, documents=self._document_of)
        self.edit_gate = Gate()
        """What the open journeys' documents refuse now: workshop mode closes the structure, a read-only library
        everything."""
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.library_editor.undo_stack)
        self.document: JourneyDocument | None = None
        self.scene: JourneyScene | None = None
        self._documents: dict[int, JourneyDocument] = {}
        self._scenes: dict[int, JourneyScene] = {}
        self._unreadable: int | None = None
        """The damaged journey chosen in the Journeys panel, shown as a page that says so (no document is open)."""
        self._unreadable_revision: int | None = None
        """Its revision as the library listed it then, for `Library.delete_damaged_journey`."""
        self.poster_job: PosterJob | None = None
        self._open_poster = False
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        """Opens a finished PDF in the user's viewer (tests replace it)."""
        self.versions_dialog: VersionsDialog | None = None

        self.view = JourneyView(self)
        self.view.setObjectName("journeyView")
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.empty)
        self.centre.addWidget(self.view)
        # Above the canvas: the persona strip and, while dot voting, the voting bar.
        self.voting = VotingSession(self.view, self, settings)
        self.persona_strip = PersonaStrip(self)
        self.voting_bar = VotingBar(self.voting, self)
        self.central = QWidget(self)
        self.central.setObjectName("central")
        self.central_layout = QVBoxLayout(self.central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.damage_banner = DamageBanner(self)  # a damaged library: open read-only, offers Export All Journeys
        self.damage_banner.export_clicked.connect(self.export_all_journeys)
        self.central_layout.addWidget(self.damage_banner)
        self.central_layout.addWidget(self.persona_strip)
        self.central_layout.addWidget(self.voting_bar)
        self.central_layout.addWidget(self.centre, 1)
        self.setCentralWidget(self.central)

        self.library_panel = LibraryPanel(self)
        self.channel_palette = ChannelPalette(self)
        self.properties = PropertiesPanel(self)
        self.journeys_dock = self._dock(
            "journeysDock", self.tr("Journeys"), self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.palette_dock = self._dock(
            "paletteDock", self.tr("Channels"), self.channel_palette, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.properties_dock = self._dock(
            "propertiesDock", self.tr("Properties"), self.properties, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.voting_panel = VotingPanel(self.voting, self)
        self.voting_panel.card_chosen.connect(self._show_card)
        self.voting_dock = self._dock(
            "votingDock", self.tr("Voting"), self.voting_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.palette_dock, self.voting_dock)
        self.palette_dock.raise_()
        self.voting.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.status_zoom = QLabel(self)
        self.status_zoom.setObjectName("statusZoom")
        self.status_figures = QLabel(self)
        self.status_figures.setObjectName("statusFigures")
        self.status_library = QLabel(self)  # a team library: its name, and whether its server answers
        self.status_library.setObjectName("statusLibrary")
        self.status_library.setTextFormat(Qt.TextFormat.RichText)
        self.status_library.setContentsMargins(0, 0, 12, 0)
        self.export_progress = ExportProgress(self)
        self.export_progress.cancel_clicked.connect(self.cancel_poster_export)
        self.statusBar().addPermanentWidget(self.export_progress)
        self.statusBar().addPermanentWidget(self.status_library)
        self.statusBar().addPermanentWidget(self.status_figures)
        self.statusBar().addPermanentWidget(self.status_zoom)

        self._create_actions()
        self.workshop = WorkshopController(self)  # workshop mode, timer, phase focus, quick capture
        self.workshop.toggled.connect(self._workshop_toggled)
        self._create_menus()
        self._create_toolbar()
        self.library_panel.add_actions(
            [
                self.new_journey_action,
                self.duplicate_journey_action,
                self.rename_journey_action,
                self.delete_journey_action,
            ]
        )

        self.library_panel.journey_chosen.connect(self.open_journey)
        self.library_editor.journeys_changed.connect(self._journeys_changed)
        self.library_editor.failed.connect(self.show_error)
        self.library_editor.undo_stack.indexChanged.connect(self._stack_used)
        self.view.zoomChanged.connect(self._zoom_changed)
        self.channel_palette.channel_activated.connect(self._add_card_of_channel)
        self.file_opener = FileOpener(self, [self, self.view.viewport()])
        """Library and journey files dropped on the window or the canvas, or handed over by the system."""
        app = QApplication.instance()
        if app is not None:  # quitting without closing the window (Ctrl+C in the terminal) still joins the export
            app.aboutToQuit.connect(self._stop_poster_export)

        self.resize(1400, 860)
        self.restore_settings()
        self._remember(library)
        self._refresh_recent_menu()
        self._change_counter: int | None = None
        self._revisions: dict[int, int] | None = None
        self._reachable = True
        self._poll_failures = 0
        self._apply_library_kind()
        self.reload_journeys(select=self._last_journey())

        # Two editors on one library: notice what others commit and show it (see poll_changes).
        self.change_poll = QTimer(self)
        self.change_poll.setInterval(CHANGE_POLL_MS)
        self.change_poll.timeout.connect(self.poll_changes)
        self.change_poll.start()
        # On a team library a notice wakes the window at once; the poll stays as the safety net.
        self._notices: QSocketNotifier | None = None
        self._watch_notices()

    # ------------------------------------------------------------------ building

    def _dock(self, name: str, title: str, body: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(body)
        dock.setMinimumWidth(220)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        canvas: bool = False,
    ) -> QAction:
        """A menu action. `canvas` actions are shortcuts of the canvas only, so text fields keep their own keys."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_library_action = self._action(self.tr("&New Library…"), self.new_library)
        self.open_library_action = self._action(self.tr("&Open Library…"), self.choose_library, key.Open)
        self.open_team_action = self._action(self.tr("Open Tea&m Library…"), self.open_team_library)
        self.open_team_action.setToolTip(self.tr("Open a library your team shares on a PostgreSQL server"))
        self.save_as_action = self._action(self.tr("Save Library &As…"), self.save_library_as, key.SaveAs)
        self.publish_action = self._action(self.tr("P&ublish Journey to Team Library…"), self.publish_journey)
        self.publish_action.setToolTip(self.tr("Copy the journey with its saved versions to a team library"))
        self.copy_local_action = self._action(self.tr("Copy Journey to &Local Library…"), self.copy_journey_to_local)
        self.copy_local_action.setToolTip(
            self.tr("Copy the journey with its saved versions to a library on this computer, e.g. to work offline")
        )
        self.import_action = self._action(self.tr("&Import Journey…"), self.import_journey, "Ctrl+I")
        self.export_json_action = self._action(self.tr("Export Journey as &JSON…"), self.export_json, "Ctrl+E")
        self.export_csv_action = self._action(self.tr("Export Journey as &CSV…"), self.export_csv)
        self.export_all_action = self._action(self.tr("&Export All Journeys…"), self.export_all_journeys)
        self.export_all_action.setToolTip(self.tr("Save every journey of the library as a JSON file in a folder"))
        self.export_poster_action = self._action(self.tr("Export &Poster…"), self.export_poster, key.Print)
        self.export_poster_action.setToolTip(self.tr("Export the journey as a PDF poster to print"))
        self.export_picture_action = self._action(self.tr("Export Pic&ture…"), self.export_picture, "Ctrl+Shift+E")
        self.export_picture_action.setToolTip(self.tr("Export the journey as a PNG or SVG picture"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Y")])
        # After Qt's own "prefix text" labels (connected first, so these run last): the words around the name
        # follow the language ("&Undo Move card “A”", "&Ongedaan maken: Kaart “A” verplaatsen").
        self.undo_group.undoTextChanged.connect(self._label_undo)
        self.undo_group.redoTextChanged.connect(self._label_redo)
        self.preferences_action = self._action(self.tr("Pre&ferences…"), self.show_preferences, key.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.cut_action = self._action(self.tr("Cu&t"), lambda: self._on_scene("cut_selection"), key.Cut, canvas=True)
        self.copy_action = self._action(
            self.tr("&Copy"), lambda: self._on_scene("copy_selection"), key.Copy, canvas=True
        )
        self.paste_action = self._action(self.tr("&Paste"), lambda: self._on_scene("paste"), key.Paste, canvas=True)
        self.duplicate_action = self._action(
            self.tr("&Duplicate"), lambda: self._on_scene("duplicate_selection"), "Ctrl+D", canvas=True
        )
        self.delete_action = self._action(
            self.tr("&Delete"), lambda: self._on_scene("delete_selection"), key.Delete, canvas=True
        )
        self.edit_title_action = self._action(self.tr("&Edit Title"), self._edit_selected_title, "F2", canvas=True)
        self.select_all_action = self._action(self.tr("Select &All"), self._select_all, key.SelectAll, canvas=True)

        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.view.zoom_in, key.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, key.ZoomOut)
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), self.view.zoom_reset, "Ctrl+0")
        self.fit_action = self._action(self.tr("&Fit to Window"), self.view.fit, "Ctrl+9")
        self.find_action = self._action(self.tr("&Find Journey"), self.focus_search, key.Find)

        self.new_journey_action = self._action(self.tr("&New…"), self.new_journey, key.New)
        self.new_journey_action.setToolTip(self.tr("New journey from a template"))
        self.duplicate_journey_action = self._action(self.tr("D&uplicate"), self.duplicate_journey)
        self.rename_journey_action = self._action(self.tr("&Rename…"), self.rename_journey)
        self.delete_journey_action = self._action(self.tr("De&lete…"), self.delete_journey)
        self.add_phase_action = self._action(self.tr("Add &Phase"), self.add_phase)
        self.add_lane_action = self._action(self.tr("Add &Lane"), self.add_lane)
        self.new_card_action = self._action(self.tr("New &Card"), self.new_card, "Ctrl+Return", canvas=True)
        self.edit_persona_action = self._action(self.tr("Edit &Persona…"), self.persona_strip.edit_persona)
        self.versions_action = self._action(self.tr("Ver&sions…"), self.show_versions)
        self.voting_actions = voting_actions(self.voting, self.voting_panel, self, self._show_voting_dock)
        self.about_action = self._action(self.tr("&About cjmapper"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # e.g. why Save Library As… is off on a team library
        file_menu.addActions([self.new_library_action, self.open_library_action, self.open_team_action])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setToolTipsVisible(True)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_json_action, self.export_csv_action])
        file_menu.addAction(self.export_all_action)
        file_menu.addSeparator()
        file_menu.addActions([self.publish_action, self.copy_local_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_poster_action, self.export_picture_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut_action, self.copy_action, self.paste_action, self.duplicate_action])
        edit_menu.addActions([self.delete_action, self.edit_title_action, self.select_all_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)  # in the application menu on macOS

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        for dock in (self.journeys_dock, self.palette_dock, self.properties_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(self.voting_dock.toggleViewAction())
        self.workshop.add_to_view_menu(view_menu)

        journey_menu = bar.addMenu(self.tr("&Journey"))
        journey_menu.addActions(
            [
                self.new_journey_action,
                self.duplicate_journey_action,
                self.rename_journey_action,
                self.delete_journey_action,
            ]
        )
        journey_menu.addSeparator()
        journey_menu.addActions([self.new_card_action, self.add_phase_action, self.add_lane_action])
        journey_menu.addAction(self.workshop.capture_action)
        journey_menu.addAction(self.edit_persona_action)
        journey_menu.addAction(self.versions_action)
        journey_menu.addSeparator()
        journey_menu.addActions(self.voting_actions.all())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.menus = (file_menu, edit_menu, view_menu, journey_menu, help_menu)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new_journey_action, self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.new_card_action, self.add_phase_action, self.add_lane_action])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    # ------------------------------------------------------------------ journeys

    def reload_journeys(self, select: int | None = None) -> None:
        """Read the library's journeys again; open `select` (or keep the open one, or the first). Journeys that
        are gone are closed with their undo history."""
        try:
            infos = self.library.list_journeys()
        except CjmapperError as e:
            self.show_error(str(e))
            infos = []
        ids = [info.id for info in infos]
        for journey_id in [j for j in self._documents if j not in ids]:
            self._forget(journey_id)
        shown = self.document.journey_id if self.document is not None else None
        current = shown if shown is not None else self._unreadable
        target = next((j for j in (select, current) if j in ids), None)
        self.library_panel.set_journeys(infos, target)
        if target is not None and target != shown:
            self.open_journey(target, quietly=target == self._unreadable)  # a damaged one chosen before: said so
        elif target is None:
            # None chosen: the first journey that opens. A damaged one is passed over quietly here; choosing it in
            # the list says what is wrong with it.
            readable = [info.id for info in infos if not info.problem]
            if not any(self.open_journey(journey_id, quietly=True) for journey_id in readable):
                self._show_no_journey()
        self._update_actions()

    def open_journey(self, journey_id: int, *, quietly: bool = False) -> bool:
        """Show a journey on the canvas (its document and undo history are kept while the window lives); whether it
        could be read. `quietly`: say nothing when it cannot."""
        document = self._documents.get(journey_id)
        if document is None:
            try:
                document = JourneyDocument(self.library, journey_id, self, gate=self.edit_gate)
            except CjmapperError as e:
                return self._not_opened(journey_id, e, quietly)
            document.changed.connect(self._document_changed)
            document.failed.connect(self.show_error)
            document.refused.connect(self._edit_refused)
            document.notice.connect(self.show_notice)
            self.undo_group.addStack(document.undo_stack)
            document.undo_stack.indexChanged.connect(self._stack_used)
            self._documents[journey_id] = document
            self._scenes[journey_id] = JourneyScene(document, self)
        else:
            try:
                if not document.refresh():  # changed elsewhere while it was in the background: re-read, history cleared
                    document.reload()
            except CjmapperError as e:  # damaged meanwhile
                self._forget(journey_id)
                return self._not_opened(journey_id, e, quietly)
        self.document = document
        self._unreadable = None
        self.scene = self._scenes[journey_id]
        self.view.setScene(self.scene)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.undo_group.setActiveStack(document.undo_stack)
        self.properties.set_document(document)
        self.properties.set_selection([])
        self.persona_strip.set_document(document)
        self.voting.set_canvas(document, self.scene)
        self.workshop.scene_shown(self.scene)
        self.channel_palette.set_language(document.journey.language)
        self.centre.setCurrentWidget(self.view)
        self.library_panel.select(journey_id)
        settings().setValue(SETTINGS_LAST_JOURNEY, f"{self.library.location}|{journey_id}")
        self._update_title_and_status()
        self._update_actions()
        QTimer.singleShot(0, self.view.fit)
        return True

    def _not_opened(self, journey_id: int, error: CjmapperError, quietly: bool) -> bool:
        """A journey that could not be read: say why (unless `quietly`). A damaged one the user chose stays chosen in
        the list, shown as a page that says what can be done (Journey › Delete… deletes it); otherwise the list goes
        back to the journey shown."""
        if not quietly:
            self.show_error(str(error))
        if isinstance(error, DamagedJourneyError) and (not quietly or journey_id == self._unreadable):
            self._show_unreadable(journey_id, error)
        elif self.document is not None:
            self.library_panel.select(self.document.journey_id)
        return False

    def _show_unreadable(self, journey_id: int, error: DamagedJourneyError) -> None:
        self._show_no_journey(
            self.tr(
                "{0}\n\nFile › Export All Journeys… saves every journey that can still be read; "
                "Journey › Delete… deletes this one."
            ).format(str(error))
        )
        self._unreadable = journey_id
        try:
            self._unreadable_revision = self.library.journey_revisions().get(journey_id)
        except CjmapperError:
            self._unreadable_revision = None  # the library says what is wrong when the user acts
        self.library_panel.select(journey_id)
        self._update_actions()

    def journey_scenes(self) -> list[JourneyScene]:
        """The canvases of the journeys opened in this window (each kept while its journey is in the library)."""
        return list(self._scenes.values())

    def _show_no_journey(self, text: str | None = None) -> None:
        """No journey on the canvas: `text` in its place (by default, that the library has none)."""
        self._unreadable = None
        self.workshop.scene_shown(None)
        self.voting.set_canvas(None, None)
        self.persona_strip.set_document(None)
        self.document = None
        self.scene = None
        self.view.setScene(None)
        self.properties.set_document(None)
        self.empty.setText(
            text
            if text is not None
            else self.tr("This library has no journeys yet.\n\nMake one from a template with Journey › New… (Ctrl+N).")
        )
        self.centre.setCurrentWidget(self.empty)
        self._update_title_and_status()

    def _forget(self, journey_id: int) -> None:
        document = self._documents.pop(journey_id, None)
        scene = self._scenes.pop(journey_id, None)
        if document is not None:
            if self.document is document:
                self._show_no_journey()
            self.undo_group.removeStack(document.undo_stack)
            # Its stack, when destroyed with steps on it, clears itself and says so: not to a half-deleted sender.
            document.undo_stack.indexChanged.disconnect(self._stack_used)
            document.deleteLater()
        if scene is not None:
            scene.dispose()
            scene.deleteLater()

    def _document_of(self, journey_id: int) -> JourneyDocument | None:
        return self._documents.get(journey_id)

    def _journeys_changed(self, select: object) -> None:
        self.reload_journeys(select=select if isinstance(select, int) else None)
        if self.document is not None:  # a library step refused as stale: show the journey as the library holds it
            try:
                self.document.refresh()
            except CjmapperError as e:
                self.show_error(str(e))
        self.undo_group.setActiveStack(self.library_editor.undo_stack)  # Edit › Undo names this library edit

    def _stack_used(self, _index: int) -> None:
        """Edit › Undo follows the stack that last changed: the library's, or the open journey's."""
        stack = self.sender()
        if isinstance(stack, QUndoStack):
            self.undo_group.setActiveStack(stack)

    def _document_changed(self, change: Change) -> None:
        if self.sender() is not self.document or self.document is None:
            return  # a journey kept in the background was re-read
        self._update_title_and_status()
        if change.kind is ChangeKind.JOURNEY or change.kind is ChangeKind.STRUCTURE:
            self.reload_journeys(select=self.document.journey_id)  # title and counts in the Journeys panel

    def poll_changes(self) -> None:
        """Look for changes made to the library by another window or program (run by `change_poll`): a cheap
        counter first, the journeys' revisions only when it moved. The open journey is re-read when it changed
        elsewhere (selection and scroll stay where the cards still are), the Journeys panel when any did.

        On a team library the counter counts the server's change notices, read from the listening connection
        without a query, and the revisions are kept current from them: a teammate's edit shows within a poll."""
        try:
            counter = self.library.change_counter()
            if counter == self._change_counter:
                self._set_reachable(True)
                return
            revisions = self.library.journey_revisions()
        except CjmapperError:
            self._set_reachable(False)  # the next edit or read reports what is wrong; a poll stays quiet
            self._watch_notices()
            return
        finally:
            if self._notices is None or self._notices.socket() != self.library.change_notice_socket():
                self._watch_notices()  # (re)connected: watch the new socket
        self._set_reachable(True)
        self._change_counter = counter
        known, self._revisions = self._revisions, revisions
        document = self.document
        refreshed = False
        if document is not None and document.journey_id in revisions:
            try:
                refreshed = document.refresh(revisions[document.journey_id])
            except CjmapperError as e:
                self.show_error(str(e))
        others = {j: r for j, r in revisions.items() if document is None or j != document.journey_id}
        if known is None:
            return
        known_others = {j: r for j, r in known.items() if document is None or j != document.journey_id}
        if refreshed or others != known_others or set(known) != set(revisions):
            self.reload_journeys()

    def _watch_notices(self, *, stop: bool = False) -> None:
        """Watch the team library's notice socket (`Library.change_notice_socket`), so a teammate's edit is read the
        moment its notice arrives rather than at the next poll; `stop`: watch nothing (before the library closes)."""
        socket = None if stop else self.library.change_notice_socket()
        if self._notices is not None and self._notices.socket() == socket:
            return
        if self._notices is not None:
            self._notices.setEnabled(False)
            self._notices.deleteLater()
            self._notices = None
        if socket is not None:
            self._notices = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notices.activated.connect(self.poll_changes)

    def _set_reachable(self, reachable: bool) -> None:
        """A team library's server stopped or started answering the poll: say so in the status bar, and while it
        does not answer, look again after longer and longer pauses (a file's poll does not fail this way)."""
        if not self.library.is_team:
            return
        self._poll_failures = 0 if reachable else self._poll_failures + 1
        pause = CHANGE_POLL_MS * 2 ** min(self._poll_failures - 1, 8) if self._poll_failures else CHANGE_POLL_MS
        if self.change_poll.interval() != min(pause, MAX_POLL_BACKOFF_MS):  # setting it restarts the timer
            self.change_poll.setInterval(min(pause, MAX_POLL_BACKOFF_MS))
        if reachable != self._reachable:
            self._reachable = reachable
            self._show_library_status()

    def _last_journey(self) -> int | None:
        value = str(settings().value(SETTINGS_LAST_JOURNEY, ""))
        path, _, journey = value.rpartition("|")
        return int(journey) if path == str(self.library.location) and journey.isdigit() else None

    # ------------------------------------------------------------------ journey actions

    def new_journey(self) -> None:
        dialog = NewJourneyDialog(ui_language(), self)  # templates in the interface's language unless changed
        try:
            if dialog.exec() != NewJourneyDialog.DialogCode.Accepted:
                return
            journey = load_template(dialog.template, dialog.language)
            journey.title = dialog.title
        finally:
            dialog.deleteLater()
        self.library_editor.create(journey)

    def duplicate_journey(self) -> None:
        if self.document is not None:
            self.library_editor.duplicate(self.document.journey_id)

    def rename_journey(self) -> None:
        if self.document is None:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Rename journey"), self.tr("Title:"), text=self.document.journey.title
        )
        if ok and title.strip() and title.strip() != self.document.journey.title:
            self.document.update_journey(title=title)

    def delete_journey(self) -> None:
        if self.document is None:
            if self._unreadable is not None:
                self._delete_unreadable(self._unreadable)
            return
        journey = self.document.journey
        answer = QMessageBox.question(
            self,
            self.tr("Delete journey"),
            self.tr("Delete “{0}” with its {1} touchpoints? You can undo this.").format(
                journey.title, len(journey.touchpoints)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.library_editor.delete(journey.id, expected_revision=journey.revision)

    def _delete_unreadable(self, journey_id: int) -> None:
        """Journey › Delete… of a damaged journey chosen in the list: it cannot be read, so it cannot come back."""
        info = self.library_panel.info(journey_id)
        title = info.title if info is not None else ""
        question = (
            self.tr("Delete the damaged journey “{0}”?").format(title)
            if title
            else self.tr("Delete the damaged journey {0}?").format(journey_id)
        )
        why = self.tr(
            "It cannot be read, so this cannot be undone. To keep what can still be read of this library, "
            "use File › Export All Journeys… first."
        )
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self, self.tr("Delete journey"), f"{question}\n\n{why}", buttons, QMessageBox.StandardButton.No
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.library_editor.delete_damaged(journey_id, expected_revision=self._unreadable_revision)

    def new_card(self) -> None:
        if self.scene is not None:
            self.scene.new_card_in(*self._target_cell())

    def _add_card_of_channel(self, channel: str) -> None:
        if self.scene is not None:
            self.scene.add_channel_card(channel, *self._target_cell())

    def _target_cell(self) -> tuple[int, int]:
        """The cell of the selected card, else the first card lane's first cell."""
        assert self.document is not None
        journey = self.document.journey
        selected = self.scene.selected_ids() if self.scene is not None else []
        if selected:
            card = journey.touchpoint(selected[0])
            return card.phase_id, card.lane_id
        lane = next(lane for lane in journey.lanes if lane.kind.holds_cards)
        return journey.phases[0].id, lane.id

    def add_phase(self) -> None:
        if self.document is not None:
            self.document.add_phase(self.tr("New phase"))

    def add_lane(self) -> None:
        if self.document is not None:
            self.document.add_lane(self.tr("New lane"))

    def _on_scene(self, method: str) -> None:
        if self.scene is not None:
            getattr(self.scene, method)()

    def _edit_selected_title(self) -> None:
        if self.scene is not None and (ids := self.scene.selected_ids()):
            self.scene.edit_title(ids[0])

    def _select_all(self) -> None:
        if self.scene is not None and self.document is not None:
            self.scene.select_ids([t.id for t in self.document.journey.touchpoints])

    def _show_card(self, card_id: int) -> None:
        """Select a card and scroll it into view (the Voting panel's most voted list)."""
        if self.scene is not None:
            self.scene.select_ids([card_id])
            item = self.scene.card_item(card_id)
            if item is not None:
                self.view.ensureVisible(item.sceneBoundingRect(), 24, 24)

    def _show_voting_dock(self) -> None:
        """Start Dot Voting from the menu: show the Voting panel, unless the window is full screen (workshop)."""
        if not self.isFullScreen():
            self.voting_dock.show()
            self.voting_dock.raise_()
            if self.voting_dock.height() < 440 and not self.voting_dock.isFloating():
                # Room for the most voted list, once the shown dock has its place in the layout.
                QTimer.singleShot(
                    0,
                    lambda: self.resizeDocks(
                        [self.voting_dock, self.properties_dock], [480, 300], Qt.Orientation.Vertical
                    ),
                )

    def _workshop_toggled(self, on: bool) -> None:
        """Workshop mode locks the journey's fields, the persona among them."""
        self.persona_strip.set_editable(not on)
        self.edit_persona_action.setEnabled(not on)

    def _selection_changed(self) -> None:
        if self.scene is not None:
            self.properties.set_selection(self.scene.selected_ids())

    # ------------------------------------------------------------------ files

    def new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New library"), str(self._file_folder()), self.tr("cjmapper libraries (*.cjm)")
        )
        if path:
            target = Path(path) if path.endswith(".cjm") else Path(path + ".cjm")
            if target.exists():
                self.show_error(self.tr("{0} already exists; open it with File › Open Library.").format(target.name))
                return
            self.switch_library(target)

    def _file_folder(self) -> Path:
        """Where file dialogs start: the open library file's folder (a team library has none: the home folder)."""
        return self.library.path.parent if self.library.path is not None else Path.home()

    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open library"),
            str(self._file_folder()),
            self.tr("cjmapper libraries (*.cjm);;All files (*)"),
        )
        if path:
            self.switch_library(Path(path))

    def open_team_library(self) -> None:
        """File › Open Team Library…: a team library's server address (asking for a password when the server
        wants one), then the library in this window."""
        opened = self._choose_team_library()
        if opened is not None:
            self.adopt_library(opened)

    def _choose_team_library(self, journey_title: str | None = None) -> Library | None:
        """The team library the user opens in the Team Library dialog (for publishing `journey_title`, when given);
        None when cancelled. The caller owns (and closes) it."""
        dialog = TeamLibraryDialog(self, journey_title=journey_title)
        try:
            if dialog.exec() != TeamLibraryDialog.DialogCode.Accepted:
                return None
            return dialog.take_library()
        finally:
            dialog.deleteLater()

    def switch_library(self, location: Location | str) -> bool:
        """Open another library (a file, or a team library: its URL, asking for a password when needed) in this
        window; the current one stays open when that fails or the password prompt is cancelled."""
        try:
            where = parse_location(location) if isinstance(location, str) else location
            if isinstance(where, ServerLocation):
                opened = open_location(where, self)
                if opened is None:
                    return False
            else:
                opened = Library.open(where)
        except CjmapperError as e:
            self.show_error(str(e))
            return False
        self.adopt_library(opened)
        return True

    def adopt_library(self, opened: Library) -> None:
        """Show `opened` in this window instead of the current library (which is closed); the window owns it."""
        for journey_id in list(self._documents):
            self._forget(journey_id)
        self.library_editor.undo_stack.clear()
        self._change_counter = None
        self._revisions = None
        self._reachable = True
        self._poll_failures = 0
        self.change_poll.setInterval(CHANGE_POLL_MS)
        self._watch_notices(stop=True)
        old = self.library
        self.library = opened
        self.library_editor.library = opened
        old.close()
        self._remember(opened)
        self._refresh_recent_menu()
        self._apply_library_kind()
        self.reload_journeys(select=self._last_journey())

    @staticmethod
    def _remember(library: Library) -> None:
        remember_library(library.location)  # a team library's URL never holds the password
        if isinstance(library.location, ServerLocation):
            remember_team_library(library.location)

    def _apply_library_kind(self) -> None:
        """What differs between a library file and a team library: Save Library As… is a file's, Copy Journey to
        Local Library… a team library's; the status bar names a team library."""
        team = self.library.is_team
        self.save_as_action.setEnabled(not team)
        self.save_as_action.setToolTip(
            self.tr(
                "A team library lives on its server and cannot be saved as a file; "
                "take a journey along with File › Copy Journey to Local Library…"
            )
            if team
            else self.tr("Save a copy of the whole library as another file")
        )
        self.copy_local_action.setVisible(team)
        self._show_library_status()
        self._update_title_and_status()

    def _show_library_status(self) -> None:
        location = self.library.location
        if not isinstance(location, ServerLocation):
            self.status_library.hide()
            return
        if self._reachable:
            text, dot = location_label(location), "#2e7d32"
            self.status_library.setToolTip(self.tr("Changes your team makes show here within seconds."))
        else:
            text, dot = self.tr("{0} (cannot reach the server)").format(location_label(location)), "#b3261e"
            self.status_library.setToolTip(
                self.tr("The server does not answer; cjmapper keeps trying. Edits made meanwhile are refused.")
            )
        self.status_library.setText(f"<span style='color: {dot};'>●</span> {html.escape(text)}")  # i18n: no
        self.status_library.show()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for address in recent_libraries():
            action = self.recent_menu.addAction(recent_label(address))
            action.setToolTip(address)
            action.triggered.connect(lambda _checked=False, a=address: self.switch_library(a))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def save_library_as(self) -> None:
        if self.library.path is None:  # the action is off then; say why all the same
            self.show_notice(self.save_as_action.toolTip())
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save library as"), str(self._file_folder()), self.tr("cjmapper libraries (*.cjm)")
        )
        if not path:
            return
        target = Path(path) if path.endswith(".cjm") else Path(path + ".cjm")
        try:
            self.library.save_as(target)
        except CjmapperError as e:
            self.show_error(str(e))
            return
        self.statusBar().showMessage(self.tr("Saved a copy of the library as {0}").format(target), 8000)

    # ------------------------------------------------------------------ publishing and copying journeys

    def publish_journey(self) -> None:
        """File › Publish Journey to Team Library…: choose a team library, then copy the open journey there."""
        if self.document is None:
            return
        target = self._choose_team_library(self.document.journey.title)
        if target is not None:
            try:
                self.copy_journey_into(target)
            finally:
                target.close()

    def copy_journey_to_local(self) -> None:
        """File › Copy Journey to Local Library… (a team library is open): into the user's own library or a file."""
        if self.document is None or not self.library.is_team:
            return
        target = choose_local_library(self, self.document.journey.title)
        if target is not None:
            self.copy_journey_to(target)

    def copy_journey_to(self, location: Location) -> int | None:
        """Copy the open journey with its saved versions into the library at `location` (the user's own library is
        made with its example journey when it does not exist yet); the copy's id, or None when it failed."""
        if self.document is None:
            return None
        if same_library(location, self.library.location):
            return self.library_editor.copy_in(self.library, self.document.journey_id)
        try:
            if isinstance(location, ServerLocation):
                target = open_location(location, self)
                if target is None:
                    return None
            elif same_library(location, default_library_path()):
                with busy():
                    target = Library.open_default(ui_language())
            else:
                with busy():
                    target = Library.open(location)
        except CjmapperError as e:
            self.show_error(str(e))
            return None
        try:
            return self.copy_journey_into(target)
        finally:
            target.close()

    def copy_journey_into(self, target: Library) -> int | None:
        """Copy the open journey with its saved versions into `target`, an open library the caller closes; the copy's
        id there, or None when it failed. Copying into another library is no edit of this one; copying into this
        window's own library is, so it is an undo step like any other."""
        if self.document is None:
            return None
        journey = self.document.journey
        if same_library(target.location, self.library.location):
            return self.library_editor.copy_in(self.library, journey.id)
        where = server_name(target.location) if isinstance(target.location, ServerLocation) else target.location.name
        self.statusBar().showMessage(self.tr("Copying “{0}” to {1}…").format(journey.title, where))
        self.statusBar().repaint()
        try:
            with busy():
                content = read_for_copy(self.library, journey.id)
        except CjmapperError as e:
            self.statusBar().clearMessage()
            if not self._copy_from_screen(e):
                return None
            content = (journey, [])
        try:
            with busy():
                copy_id = write_copy(target, *content)
        except CjmapperError as e:
            self.statusBar().clearMessage()
            self.show_error(str(e))
            return None
        if target.is_team:
            done = self.tr("Published “{0}” to {1}").format(journey.title, where)
        else:
            done = self.tr("Copied “{0}” to {1}").format(journey.title, where)
        self.statusBar().showMessage(done, 15000)
        return copy_id

    def _copy_from_screen(self, problem: CjmapperError) -> bool:
        """The open library could not be read for a copy (a team library's server went away, say): offer to copy the
        journey as this window shows it, which is everything acknowledged, but without its saved versions."""
        answer = QMessageBox.question(
            self,
            self.tr("Copy journey"),
            self.tr(
                "{0}\n\nCopy the journey as it is shown here instead? It holds every saved edit, but not the "
                "journey's saved versions."
            ).format(problem),
        )
        return answer == QMessageBox.StandardButton.Yes

    def import_journey(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import journey"), str(Path.home()), self.tr("Journey files (*.json)")
        )
        if not path:
            return
        try:
            journey = read_journey_file(Path(path))
        except CjmapperError as e:
            self.show_error(str(e))
            return
        self.library_editor.create(journey, imported=True)

    def export_json(self) -> None:
        self._export("json", self.tr("Journey files (*.json)"))

    def export_csv(self) -> None:
        self._export("csv", self.tr("Spreadsheets (*.csv)"))

    def _export(self, extension: str, file_filter: str) -> None:
        if self.document is None:
            return
        journey = self.document.journey
        suggested = Path.home() / f"{safe_file_name(journey.title)}.{extension}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export journey"), str(suggested), file_filter)
        if not path:
            return
        target = Path(path)
        if self._refused_target(target):
            return
        try:
            (write_journey_file if extension == "json" else write_csv_file)(journey, target)
        except CjmapperError as e:
            self.show_error(str(e))
            return
        self.statusBar().showMessage(self.tr("Exported “{0}” to {1}").format(journey.title, target), 8000)

    # ------------------------------------------------------------------ posters and pictures

    def export_poster(self) -> None:
        """File › Export Poster: choose paper and file in the poster dialog, then draw the PDF on a worker thread."""
        if self.document is None:
            return
        if self.poster_job is not None:
            self.statusBar().showMessage(self.tr("A poster is being exported already; wait for it or cancel it."), 8000)
            return
        journey = self.document.journey
        chosen = self._ask_poster(journey, safe_file_name(journey.title))
        if chosen is not None:
            self.start_poster_export(*chosen)

    def _ask_poster(self, journey: Journey, name: str) -> tuple[Path, PosterOptions, bool] | None:
        """The poster dialog for `journey`, suggesting `name`.pdf in the last poster folder: the target, options and
        whether to open it when done; None when cancelled. Remembers the dialog's settings."""
        stored = settings()
        dialog = PosterDialog(journey, poster_folder(stored, Path.home()) / f"{name}.pdf", self)
        try:
            dialog.load_settings(stored)
            if dialog.exec() != PosterDialog.DialogCode.Accepted or dialog.target is None:
                return None
            dialog.save_settings(stored)
            return dialog.target, dialog.options(), dialog.open_when_done
        finally:
            dialog.deleteLater()

    def start_poster_export(
        self, target: Path, options: PosterOptions, open_after: bool = False, journey: Journey | None = None
    ) -> bool:
        """Draw the open journey's poster (or `journey`'s: a saved version) into `target` off the UI thread; False
        when there is nothing to export or an export already runs."""
        if self.document is None or self.poster_job is not None or self._refused_target(target):
            return False
        job = PosterJob(journey if journey is not None else self.document.journey, target, options, self)
        job.progress.connect(self.export_progress.set_progress)
        job.ended.connect(self._poster_ended)
        self.poster_job = job
        self._open_poster = open_after
        self.export_progress.start(self.tr("Exporting poster {0}").format(target.name))
        self._update_actions()
        job.start()
        return True

    def export_version_poster(self, journey: Journey, version: str) -> None:
        """Print a saved version: the poster dialog for its snapshot; the poster's title block names the version."""
        if self.poster_job is not None:
            self.statusBar().showMessage(self.tr("A poster is being exported already; wait for it or cancel it."), 8000)
            return
        chosen = self._ask_poster(journey, f"{safe_file_name(journey.title)} - {safe_file_name(version)}")
        if chosen is not None:
            target, options, open_after = chosen
            self.start_poster_export(target, replace(options, version=version), open_after, journey)

    def show_versions(self) -> VersionsDialog | None:
        """Journey › Versions…: the open journey's named versions (one dialog at a time)."""
        if self.document is None:
            return None
        if self.versions_dialog is not None:
            self.versions_dialog.close()
            self.versions_dialog.deleteLater()
        self.versions_dialog = VersionsDialog(self.document, self.export_version_poster, self)
        self.versions_dialog.show()
        return self.versions_dialog

    def cancel_poster_export(self) -> None:
        if self.poster_job is not None:
            self.poster_job.cancel()
            self.export_progress.cancelling()

    def _poster_ended(self) -> None:
        job = self.poster_job
        if job is None or self.sender() is not job:
            return
        self.poster_job = None
        self.export_progress.stop()
        self._update_actions()
        job.deleteLater()
        if job.outcome is JobOutcome.DONE and job.plan is not None:
            sheets = self.tr("1 sheet") if job.plan.sheets == 1 else self.tr("{0} sheets").format(job.plan.sheets)
            self.statusBar().showMessage(self.tr("Saved the poster as {0} ({1})").format(job.target, sheets), 15000)
            if self._open_poster:
                self.open_url(QUrl.fromLocalFile(str(job.target)))
        elif job.outcome is JobOutcome.CANCELLED:
            self.statusBar().showMessage(self.tr("Poster export cancelled; no file was written."), 8000)
        else:
            self.show_error(job.message or self.tr("The poster could not be exported."))

    def _stop_poster_export(self) -> None:
        """Closing or quitting: cancel a running export and wait for its thread (the target keeps what it held)."""
        job = self.poster_job
        if job is None:
            return
        self.poster_job = None
        job.ended.disconnect(self._poster_ended)
        job.cancel()
        job.wait()
        self.export_progress.stop()
        job.deleteLater()

    def export_picture(self) -> None:
        """File › Export Picture: a PNG at a chosen resolution or an SVG, drawn from the canvas on the UI thread."""
        if self.document is None:
            return
        document = self.document
        png_filter, svg_filter = self.tr("PNG pictures (*.png)"), self.tr("SVG drawings (*.svg)")
        suggested = Path.home() / f"{safe_file_name(document.journey.title)}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export picture"), str(suggested), f"{png_filter};;{svg_filter}"
        )
        if not path:
            return
        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            fmt = "svg" if chosen == svg_filter else "png"
            target = target.with_name(f"{target.name}.{fmt}")
        if self._refused_target(target):
            return
        dpi = DEFAULT_DPI
        if fmt == "png":
            stored = settings()
            remembered = stored.value(SETTINGS_PICTURE_DPI, DEFAULT_DPI)
            dialog = PictureDpiDialog(
                lambda value: picture_size(document, value),
                int(str(remembered)) if str(remembered).isdigit() else DEFAULT_DPI,
                self,
            )
            try:
                if dialog.exec() != PictureDpiDialog.DialogCode.Accepted:
                    return
                dpi = dialog.dpi
            finally:
                dialog.deleteLater()
            stored.setValue(SETTINGS_PICTURE_DPI, dpi)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            save_picture(document, target, fmt, dpi)
        except CjmapperError as e:
            error: str | None = str(e)
        except OSError as e:
            error = self.tr("The picture could not be written to {0}: {1}.").format(target, e.strerror or e)
        else:
            error = None
        finally:
            QApplication.restoreOverrideCursor()
        if error is not None:
            self.show_error(error)
            return
        self.statusBar().showMessage(self.tr("Saved the picture as {0}").format(target), 10000)

    def _refused_target(self, target: Path) -> bool:
        """Whether `target` is the open library's file or one of its own (-wal, -shm, backups...), which an export
        must never replace; then the user is told so."""
        if not self.library.owns_file(target):
            return False
        self.show_error(
            self.tr(
                "Will not write {0}: it is the open library {1} or one of its own files; choose another name."
            ).format(target, self.library.name)
        )
        return True

    # ------------------------------------------------------------------ status and messages

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        QMessageBox.warning(self, "cjmapper", text)

    def _edit_refused(self, text: str) -> None:
        """The edit gate refused an edit, undo or redo: a read-only library's refusal is an error, workshop mode's a
        hint in the status bar."""
        if self.library.read_only:
            self.show_error(text)
        else:
            self.statusBar().showMessage(text, 6000)

    def _read_only_message(self, _verb: Verb, _text: str) -> str:
        return self.tr(
            "{0} is damaged and open read-only: the change was not saved. Export its journeys (File › Export All "
            "Journeys…) and import them into a new library."
        ).format(self.library.name)

    def show_about(self) -> None:
        about = self.tr(
            "An editor for customer journey maps: phases, lanes and touchpoints, "
            "with scores, CSAT and an experience curve."
        )
        library = self.tr("Library: {0}").format(self.library.location)  # a team library's URL has no password
        QMessageBox.about(
            self,
            self.tr("About cjmapper"),
            f"<h3>cjmapper {__version__}</h3><p>{html.escape(about)}</p><p>{html.escape(library)}</p>",
        )

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _label_undo(self, text: str) -> None:
        self.undo_action.setText(self.tr("&Undo {0}").format(text) if text else self.tr("&Undo"))

    def _label_redo(self, text: str) -> None:
        self.redo_action.setText(self.tr("&Redo {0}").format(text) if text else self.tr("&Redo"))

    def focus_search(self) -> None:
        self.journeys_dock.show()
        self.journeys_dock.raise_()
        self.library_panel.focus_search()

    def _zoom_changed(self, zoom: float) -> None:
        self.status_zoom.setText(f"{round(zoom * 100)}%")

    def _update_title_and_status(self) -> None:
        name = location_label(self.library.location)
        if self.document is None:
            self.setWindowTitle(f"{name} — cjmapper")
            self.status_figures.setText("")
            return
        journey = self.document.journey
        self.setWindowTitle(f"{journey.title} — {name} — cjmapper")
        summary = summarize(journey)
        cards = (
            self.tr("1 touchpoint")
            if summary.touchpoints == 1
            else self.tr("{0} touchpoints").format(summary.touchpoints)
        )
        self.status_figures.setText(
            self.tr("{0}  ·  average score {1}  ·  CSAT {2}").format(
                cards, score_text(summary.average), csat_text(summary.csat)
            )
        )

    def _update_actions(self) -> None:
        has_journey = self.document is not None
        for action in (
            self.duplicate_journey_action, self.rename_journey_action, self.delete_journey_action,
            self.export_json_action, self.export_csv_action, self.export_picture_action,
            self.add_phase_action, self.add_lane_action,
            self.new_card_action, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action,
        ):  # fmt: skip
            action.setEnabled(has_journey)
        self.delete_journey_action.setEnabled(has_journey or self._unreadable is not None)  # a damaged one chosen
        self.export_poster_action.setEnabled(has_journey and self.poster_job is None)
        self.versions_action.setEnabled(has_journey)
        self.publish_action.setEnabled(has_journey)
        self.copy_local_action.setEnabled(has_journey and self.library.is_team)
        self.workshop.update_actions()  # workshop mode keeps the structure's actions disabled
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        """A damaged library is open read-only: the banner says so, and every way to edit is off (the library
        refuses edits all the same). Reading, zooming and exporting stay."""
        read_only = self.library.read_only
        self.damage_banner.set_library(self.library)
        if read_only:
            self.edit_gate.close(READ_ONLY_GATE, Touches.EVERYTHING, self._read_only_message)
        else:
            self.edit_gate.open(READ_ONLY_GATE)
        if not read_only:
            if not self.view.isInteractive():  # the library before this one was damaged
                self.view.setInteractive(True)
                for widget in (self.properties, self.channel_palette, self.persona_strip, self.voting_panel):
                    widget.setEnabled(True)
                self.import_action.setEnabled(True)
                self.new_journey_action.setEnabled(True)
            return
        self.view.setInteractive(False)
        for widget in (self.properties, self.channel_palette, self.persona_strip, self.voting_panel):
            widget.setEnabled(False)
        for action in (
            self.import_action, self.new_journey_action, self.duplicate_journey_action, self.rename_journey_action,
            self.delete_journey_action, self.add_phase_action, self.add_lane_action, self.new_card_action,
            self.cut_action, self.paste_action, self.duplicate_action, self.delete_action, self.edit_title_action,
            self.edit_persona_action, self.workshop.capture_action, *self.voting_actions.all(),
        ):  # fmt: skip
            action.setEnabled(False)

    def export_all_journeys(self) -> None:
        """File › Export All Journeys…: every journey that can be read, as JSON files in a folder of the user's."""
        export_all_journeys(self, self.library)

    # ------------------------------------------------------------------ settings

    def restore_settings(self) -> None:
        stored = settings()
        geometry = stored.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = stored.value(SETTINGS_STATE)
        if not (isinstance(state, QByteArray) and not state.isEmpty() and self.restoreState(state, STATE_VERSION)):
            # First run: the properties panel needs the height; the palette's list scrolls.
            self.resizeDocks([self.palette_dock, self.properties_dock], [300, 560], Qt.Orientation.Vertical)
            self.resizeDocks([self.journeys_dock, self.properties_dock], [240, 320], Qt.Orientation.Horizontal)

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        stored.setValue(SETTINGS_STATE, self.saveState(STATE_VERSION))
        stored.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.workshop.close()  # the saved layout is the normal one, not workshop mode's
        self.save_settings()
        super().closeEvent(event)
        if event.isAccepted():
            self.change_poll.stop()
            self._watch_notices(stop=True)
            self._stop_poster_export()
            self.voting.set_canvas(None, None)
            self.persona_strip.set_document(None)
            self.view.setScene(None)
            for scene in self._scenes.values():
                scene.dispose()


SUGGESTED_NAME_BYTES = 120
"""A title's part of a suggested file name, in bytes: a poster of a version names both, and stays within 255."""


def safe_file_name(title: str) -> str:
    """`title` as the start of a file name the window suggests (see `cjmapper.file_names.title_part`)."""
    return title_part(title, SUGGESTED_NAME_BYTES) or "journey"

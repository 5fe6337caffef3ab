"""The editor window: Journeys panel on the left, the canvas in the centre, channel palette and properties on the
right; menus, toolbar and a status bar with the journey's figures.

The window owns the library it shows (it closes it on switching or closing): a library file, or a team library on
a PostgreSQL server (see `ui.dialogs.team`), where a teammate's edit shows within seconds (see `poll_changes`). Every
change goes through an undo command: journey-level ones on the library's stack, edits of the open journey on that
journey's stack; the Edit menu follows whichever stack was used last.

This module is one job, the shell: the docks, actions, menus and toolbar, the journeys opened in the window,
switching libraries, read-only mode and the status bar (past 800 lines, because a window's actions and
menus are many). Its helpers each hold one job and are handed a small protocol of the window (they import nothing of
it): `LibraryWatch` (changes made elsewhere), `JourneyTransfer` (journeys between libraries and files),
`ExportActions` (journey files by the export table, posters, pictures), `JourneyActions` (the menus' edits of
journeys), `LibraryFiles` (new, open, recent, save as), `UndoActions` (Edit › Undo and Redo), `PanelLayout` (the
window on its screen, the panels beside the canvas), and the workshop's `WorkshopController`.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
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
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation, parse_location

from ..canvas import JourneyScene, JourneyView
from ..canvas.card_images import picture_file
from ..canvas.view_places import ViewPlaces
from ..dialogs.compare_dialog import CompareDialog
from ..dialogs.help_pages import HelpActions
from ..dialogs.preferences import PreferencesDialog
from ..dialogs.recovery import DamageBanner
from ..dialogs.team import location_label, open_location
from ..dialogs.versions_dialog import VersionsDialog
from ..editing.document import Change, ChangeKind, JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..panels.library_panel import LibraryPanel
from ..panels.palette import ChannelPalette
from ..panels.persona_strip import PersonaStrip
from ..panels.properties import PropertiesPanel
from ..user_settings import settings
from ..workshop.controller import WorkshopController
from ..workshop.overlay_row import OverlayRow
from ..workshop.voting import VotingBar, VotingPanel, voting_actions
from ..workshop.voting_session import VotingSession
from .card_import_actions import CardImportActions
from .comment_actions import CommentActions
from .export_actions import ExportActions
from .file_opening import FileOpener
from .find_actions import FindActions
from .image_actions import ImageActions
from .journey_actions import JourneyActions
from .library_files import LibraryFiles
from .library_watch import LibraryWatch
from .matrix_actions import MatrixActions
from .panel_layout import PanelLayout
from .pptx_actions import PowerPointActions
from .status_bar import StatusBar
from .status_figures import JourneyFigures
from .survey_actions import SurveyActions
from .template_actions import TemplateActions
from .transfer import JourneyTransfer
from .undo_actions import UndoActions

SETTINGS_GEOMETRY = "mainWindow/geometry"
SETTINGS_STATE = "mainWindow/state"
SETTINGS_LAST_JOURNEY = "lastJourney"
STATE_VERSION = 2


READ_ONLY_GATE = "read-only"
"""The reason by which a read-only library closes everything in the window's edit gate."""


class MainWindow(QMainWindow):
    """The editor window. It takes ownership of `library` and closes it when it is done with it."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStatusBar(StatusBar(self))  # a long message ends in "…" rather than running under the figures
        self.setObjectName("mainWindow")
        self.library = library
        self.library_editor = LibraryEditor(library, self, documents=self._document_of)
        self.edit_gate = Gate()
        """What the open journeys' documents refuse now: workshop mode closes the structure, a read-only library
        everything."""
        self.history = UndoActions(self)  # Edit › Undo and Redo over the library's and the journeys' stacks
        self.undo_group = self.history.group
        self.undo_action, self.redo_action = self.history.undo_action, self.history.redo_action
        self.history.follow(self.library_editor.undo_stack)
        self.document: JourneyDocument | None = None
        self.scene: JourneyScene | None = None
        self._documents: dict[int, JourneyDocument] = {}
        self._scenes: dict[int, JourneyScene] = {}
        self.unreadable: int | None = None
        """The damaged journey chosen in the Journeys panel, shown as a page that says so (no document is open)."""
        self.unreadable_revision: int | None = None
        """Its revision as the library listed it then, for `Library.delete_damaged_journey`."""
        self.versions_dialog: VersionsDialog | None = None
        self.compare_dialog: CompareDialog | None = None

        self.view = JourneyView(self)
        self.view.setObjectName("journeyView")
        self.view.places = ViewPlaces(settings)  # each journey opens as the user left it
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
        self.central_layout.addWidget(self.damage_banner)
        self.central_layout.addWidget(self.persona_strip)
        self.overlay_row = OverlayRow(self.view, self)  # the voting bar and the timer: their own space, not the map's
        self.overlay_row.add(self.voting_bar, 1)
        self.central_layout.addWidget(self.overlay_row)
        self.central_layout.addWidget(self.centre, 1)
        self.setCentralWidget(self.central)

        self.library_panel = LibraryPanel(self)
        self.channel_palette = ChannelPalette(self)
        self.properties = PropertiesPanel(self)
        self.persona_strip.current_changed.connect(self.properties.set_current_persona)
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
        self.voting_dock = self._dock(
            "votingDock", self.tr("Voting"), self.voting_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.palette_dock, self.voting_dock)
        self.comments = CommentActions(self, self)  # Add Comment… and the Comments panel
        self.comments_dock = self._dock(
            "commentsDock", self.tr("Comments"), self.comments.panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.palette_dock, self.comments_dock)
        self.comments_dock.hide()  # View › Comments opens it (five tabs do not fit a 1024-pixel projector)
        self.images = ImageActions(self)  # Journey › Wall Photo… and its panel
        self.wall_photo_dock = self._dock(
            "wallPhotoDock", self.tr("Wall Photo"), self.images.panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.palette_dock, self.wall_photo_dock)
        self.wall_photo_dock.hide()  # Journey › Wall Photo… or View › Wall Photo opens it
        self.images.show_panel = self._show_wall_photo
        self.palette_dock.raise_()
        self.voting.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.status_zoom = QLabel(self)
        self.status_zoom.setObjectName("statusZoom")
        self.status_figures = JourneyFigures(self)
        self.watch = LibraryWatch(self, self)  # changes made elsewhere; a team library's status
        self.status_library = self.watch.status
        self.transfer = JourneyTransfer(self, self)  # journeys between libraries and files
        self.damage_banner.export_clicked.connect(self.transfer.export_all_journeys)
        self.journeys = JourneyActions(self, self)  # the menus' edits of journeys
        self.voting_panel.card_chosen.connect(self.journeys.show_card)
        self.comments.panel.card_chosen.connect(self.journeys.show_card)
        self.files = LibraryFiles(self, self, self.transfer.choose_team_library)  # new, open, save as
        self.recent_menu = self.files.recent_menu
        self.exports = ExportActions(self, self)  # journey files, posters and pictures of the open journey
        self.survey = SurveyActions(self, self)  # survey results and the heat view
        self.templates = TemplateActions(self, self)  # Journey › Save as Template…
        self.card_import = CardImportActions(self, self)  # cards from a spreadsheet
        self.matrix = MatrixActions(self, self)  # Journey > Prioritise (the impact/effort matrix)
        self.exports.heat_shown = self.survey.heat_action.isChecked
        self.export_progress = self.exports.progress
        self.statusBar().addPermanentWidget(self.export_progress)
        self.powerpoint = PowerPointActions(self, self, self.exports.refused_target)  # File › Export PowerPoint…
        self.statusBar().addPermanentWidget(self.powerpoint.progress)
        self.statusBar().addPermanentWidget(self.status_library)
        self.statusBar().addPermanentWidget(self.status_figures)
        self.statusBar().addPermanentWidget(self.status_zoom)

        self._create_actions()
        structure_actions = [
            self.add_phase_action, self.add_lane_action, self.rename_journey_action, self.delete_journey_action,
            self.edit_persona_action,
        ]  # fmt: skip
        # Workshop mode, timer, phase focus, quick capture; workshop mode keeps the structure's actions disabled.
        self.workshop = WorkshopController(self, self, structure_actions)
        self.history.route_through(self.workshop.undo, self.workshop.redo)  # outside workshop mode: the group's own
        self.workshop.toggled.connect(self._workshop_toggled)
        self.overlay_row.add(self.workshop.overlay)
        self.finding = FindActions(self, self)  # Ctrl+F's find bar and View › Filter…, in the row above the canvas
        self.overlay_row.add(self.finding.find_bar, 1)
        self.overlay_row.add(self.finding.filter_bar, 1)
        self.exports.shown_journey = self.finding.shown_journey  # "print only the cards shown" while filtered
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
        self.view.zoomChanged.connect(self._zoom_changed)
        self.channel_palette.channel_activated.connect(self.journeys.add_card_of_channel)
        self.file_opener = FileOpener(self, [self, self.view.viewport()], picture_file)
        """Library and journey files dropped on the window or the canvas, or handed over by the system."""
        app = QApplication.instance()
        if app is not None:  # quitting without closing the window (Ctrl+C in the terminal) still joins the export
            app.aboutToQuit.connect(self.exports.stop_poster_export)
            app.aboutToQuit.connect(self.powerpoint.stop)

        self.panel_layout = PanelLayout(
            self, [self.journeys_dock, self.palette_dock, self.properties_dock, self.voting_dock], STATE_VERSION
        )  # the first window fits the screen; the canvas keeps its share of the width
        self.panel_layout.place_first(QSize(1400, 860))
        self.restore_settings()
        self.panel_layout.keep_on_screen()
        self.files.remember(library)
        self._apply_library_kind()
        self.reload_journeys(select=self._last_journey())
        self.watch.start()  # two editors on one library: notice what others commit and show it
        self.watch.say_if_shared()

    # ------------------------------------------------------------------ building

    def _show_wall_photo(self) -> None:
        self.wall_photo_dock.show()
        self.wall_photo_dock.raise_()

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
        self.new_library_action = self._action(self.tr("&New Library…"), self.files.new_library)
        self.open_library_action = self._action(self.tr("&Open Library…"), self.files.choose_library, key.Open)
        self.open_team_action = self._action(self.tr("Open Tea&m Library…"), self.files.open_team_library)
        self.open_team_action.setToolTip(self.tr("Open a library your team shares on a PostgreSQL server"))
        self.save_as_action = self._action(self.tr("Save Library &As…"), self.files.save_library_as, key.SaveAs)
        self.publish_action = self._action(self.tr("P&ublish Journey to Team Library…"), self.transfer.publish_journey)
        self.publish_action.setToolTip(self.tr("Copy the journey with its saved versions to a team library"))
        self.copy_local_action = self._action(
            self.tr("Copy Journey to &Local Library…"), self.transfer.copy_journey_to_local
        )
        self.copy_local_action.setToolTip(
            self.tr("Copy the journey with its saved versions to a library on this computer, e.g. to work offline")
        )
        self.import_action = self._action(self.tr("&Import Journey…"), self.transfer.import_journey, "Ctrl+I")
        self.export_json_action = self.exports.journey_actions["json"]
        self.export_csv_action = self.exports.journey_actions["csv"]
        self.export_all_action = self._action(self.tr("&Export All Journeys…"), self.transfer.export_all_journeys)
        self.export_all_action.setToolTip(self.tr("Save every journey of the library as a JSON file in a folder"))
        self.export_poster_action = self.exports.poster_action
        self.export_picture_action = self.exports.picture_action
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.preferences_action = self._action(self.tr("Pre&ferences…"), self.show_preferences, key.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.cut_action = self._action(
            self.tr("Cu&t"), lambda: self.journeys.on_scene("cut_selection"), key.Cut, canvas=True
        )
        self.copy_action = self._action(
            self.tr("&Copy"), lambda: self.journeys.on_scene("copy_selection"), key.Copy, canvas=True
        )
        self.paste_action = self._action(
            self.tr("&Paste"), lambda: self.journeys.on_scene("paste"), key.Paste, canvas=True
        )
        self.duplicate_action = self._action(
            self.tr("&Duplicate"), lambda: self.journeys.on_scene("duplicate_selection"), "Ctrl+D", canvas=True
        )
        self.delete_action = self._action(
            self.tr("&Delete"), lambda: self.journeys.on_scene("delete_selection"), key.Delete, canvas=True
        )
        self.edit_title_action = self._action(
            self.tr("&Edit Title"), self.journeys.edit_selected_title, "F2", canvas=True
        )
        self.select_all_action = self._action(
            self.tr("Select &All"), self.journeys.select_all, key.SelectAll, canvas=True
        )

        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.view.zoom_in, key.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, key.ZoomOut)
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), self.view.zoom_reset, "Ctrl+0")
        self.fit_action = self._action(self.tr("&Fit to Window"), self.view.fit, "Ctrl+9")
        self.find_action = self._action(self.tr("&Find Journey"), self.focus_search, "Ctrl+Shift+F")

        self.new_journey_action = self._action(self.tr("&New…"), self.journeys.new_journey, key.New)
        self.new_journey_action.setToolTip(self.tr("New journey from a template"))
        self.duplicate_journey_action = self._action(self.tr("D&uplicate"), self.journeys.duplicate_journey)
        self.rename_journey_action = self._action(self.tr("&Rename…"), self.journeys.rename_journey)
        self.delete_journey_action = self._action(self.tr("De&lete…"), self.journeys.delete_journey)
        self.add_phase_action = self._action(self.tr("Add &Phase"), self.journeys.add_phase)
        self.add_lane_action = self._action(self.tr("Add &Lane"), self.journeys.add_lane)
        self.new_card_action = self._action(self.tr("New &Card"), self.journeys.new_card, "Ctrl+Return", canvas=True)
        self.edit_persona_action = self._action(self.tr("Edit &Persona…"), self.persona_strip.edit_persona)
        self.versions_action = self._action(self.tr("Ver&sions…"), self.show_versions)
        self.compare_action = self._action(self.tr("Co&mpare Versions…"), self.show_compare)
        self.voting_actions = voting_actions(self.voting, self.voting_panel, self, self._show_voting_dock)
        self.about_action = self._action(self.tr("&About cjmapper"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help = HelpActions(self)  # Help › Keyboard Shortcuts (F1), How to Run a Workshop

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # e.g. why Save Library As… is off on a team library
        file_menu.addActions([self.new_library_action, self.open_library_action, self.open_team_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, *self.exports.journey_actions.values()])
        file_menu.addAction(self.survey.import_action)
        file_menu.addAction(self.card_import.import_action)
        file_menu.addAction(self.export_all_action)
        file_menu.addSeparator()
        file_menu.addActions([self.publish_action, self.copy_local_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_poster_action, self.export_picture_action, self.powerpoint.action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut_action, self.copy_action, self.paste_action, self.duplicate_action])
        edit_menu.addActions([self.delete_action, self.edit_title_action, self.select_all_action])
        edit_menu.addSeparator()
        edit_menu.addActions(self.finding.actions())
        edit_menu.addSeparator()
        edit_menu.addAction(self.comments.add_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)  # in the application menu on macOS

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        view_menu.addActions(self.finding.filter_actions())
        view_menu.addAction(self.survey.heat_action)
        view_menu.addSeparator()
        for dock in (self.journeys_dock, self.palette_dock, self.properties_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(self.voting_dock.toggleViewAction())
        view_menu.addAction(self.comments_dock.toggleViewAction())
        view_menu.addAction(self.wall_photo_dock.toggleViewAction())
        self.workshop.add_to_view_menu(view_menu)

        journey_menu = bar.addMenu(self.tr("&Journey"))
        journey_menu.addActions(
            [
                self.new_journey_action,
                self.duplicate_journey_action,
                self.rename_journey_action,
                self.delete_journey_action,
                self.templates.save_action,
            ]
        )
        journey_menu.addSeparator()
        journey_menu.addActions([self.new_card_action, self.add_phase_action, self.add_lane_action])
        journey_menu.addAction(self.workshop.capture_action)
        journey_menu.addAction(self.edit_persona_action)
        journey_menu.addAction(self.images.wall_photo_action)
        journey_menu.addAction(self.versions_action)
        journey_menu.addAction(self.compare_action)
        journey_menu.addAction(self.survey.targets_action)
        journey_menu.addAction(self.survey.unassigned_action)
        journey_menu.addAction(self.matrix.prioritise_action)
        journey_menu.addSeparator()
        journey_menu.addActions(self.voting_actions.all())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([*self.help.actions(), self.about_action])
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
        current = shown if shown is not None else self.unreadable
        target = next((j for j in (select, current) if j in ids), None)
        self.library_panel.set_journeys(infos, target)
        if target is not None and target != shown:
            self.open_journey(target, quietly=target == self.unreadable)  # a damaged one chosen before: said so
        elif target is None:
            # None chosen: the first journey that opens. A damaged one is passed over quietly here; choosing it in
            # the list says what is wrong with it.
            readable = [info.id for info in infos if not info.problem]
            if not any(self.open_journey(journey_id, quietly=True) for journey_id in readable):
                self._show_no_journey()
        self.update_actions()

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
            self.history.follow(document.undo_stack)
            self._documents[journey_id] = document
            self._scenes[journey_id] = JourneyScene(document, self)
        else:
            try:
                if not document.refresh():  # changed in the background: re-read, steps it touched dropped
                    document.reload()
            except CjmapperError as e:  # damaged meanwhile
                self._forget(journey_id)
                return self._not_opened(journey_id, e, quietly)
        self.document = document
        self.unreadable = None
        self.scene = self._scenes[journey_id]
        self.view.setScene(self.scene)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.undo_group.setActiveStack(document.undo_stack)
        self.properties.set_document(document)
        self.properties.set_selection([])
        self.persona_strip.set_document(document)
        self.voting.set_canvas(document, self.scene)
        self.workshop.scene_shown(self.scene)
        self.finding.scene_shown(self.scene)
        self.survey.scene_shown(self.scene, document)
        self.comments.scene_shown(self.scene, document)
        self.images.document_shown(document)
        self.channel_palette.set_language(document.journey.language)
        self.centre.setCurrentWidget(self.view)
        self.library_panel.select(journey_id)
        settings().setValue(SETTINGS_LAST_JOURNEY, f"{self.library.location}|{journey_id}")
        self._update_title_and_status()
        self.update_actions()
        QTimer.singleShot(0, self.view.show_as_left)
        return True

    def _not_opened(self, journey_id: int, error: CjmapperError, quietly: bool) -> bool:
        """A journey that could not be read: say why (unless `quietly`). A damaged one the user chose stays chosen in
        the list, shown as a page that says what can be done (Journey › Delete… deletes it); otherwise the list goes
        back to the journey shown."""
        if not quietly:
            self.show_error(str(error))
        if isinstance(error, DamagedJourneyError) and (not quietly or journey_id == self.unreadable):
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
        self.unreadable = journey_id
        try:
            self.unreadable_revision = self.library.journey_revisions().get(journey_id)
        except CjmapperError:
            self.unreadable_revision = None  # the library says what is wrong when the user acts
        self.library_panel.select(journey_id)
        self.update_actions()

    def journey_scenes(self) -> list[JourneyScene]:
        """The canvases of the journeys opened in this window (each kept while its journey is in the library)."""
        return list(self._scenes.values())

    def _show_no_journey(self, text: str | None = None) -> None:
        """No journey on the canvas: `text` in its place (by default, that the library has none)."""
        self.unreadable = None
        self.workshop.scene_shown(None)
        self.finding.scene_shown(None)
        self.survey.scene_shown(None, None)
        self.comments.scene_shown(None, None)
        self.images.document_shown(None)
        self.voting.set_canvas(None, None)
        self.persona_strip.set_document(None)
        self.document = None
        self.scene = None
        self.view.setScene(None)
        self.properties.set_document(None)
        self.channel_palette.set_language(None)  # the interface's language
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
            self.history.forget(document.undo_stack)
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

    def _document_changed(self, change: Change) -> None:
        if self.sender() is not self.document or self.document is None:
            return  # a journey kept in the background was re-read
        self._update_title_and_status()
        if change.kind is ChangeKind.JOURNEY or change.kind is ChangeKind.STRUCTURE:
            self.reload_journeys(select=self.document.journey_id)  # title and counts in the Journeys panel

    def poll_changes(self) -> None:
        """Look for changes made to the library by another window or program now (see `LibraryWatch.poll`)."""
        self.watch.poll()

    @property
    def change_poll(self) -> QTimer:
        """The timer of the poll for changes made elsewhere."""
        return self.watch.timer

    def _last_journey(self) -> int | None:
        value = str(settings().value(SETTINGS_LAST_JOURNEY, ""))
        path, _, journey = value.rpartition("|")
        return int(journey) if path == str(self.library.location) and journey.isdigit() else None

    # ------------------------------------------------------------------ docks

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
        """Workshop mode locks the structure and the journey's fields, the persona among them."""
        self.properties.set_structure_locked(on)
        self.persona_strip.set_editable(not on)
        self.edit_persona_action.setEnabled(not on and not self.library.read_only)

    def _selection_changed(self) -> None:
        if self.scene is not None:
            self.properties.set_selection(self.scene.selected_ids())

    # ------------------------------------------------------------------ files

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
        self.watch.forget_library()
        old = self.library
        self.library = opened
        self.library_editor.library = opened
        old.close()
        self.files.remember(opened)
        self._apply_library_kind()
        self.reload_journeys(select=self._last_journey())
        self.watch.say_if_shared()

    def _apply_library_kind(self) -> None:
        """What differs between a library file and a team library: Save Library As… is a file's, Copy Journey to
        Local Library… a team library's; the status bar names a team library."""
        team = self.library.is_team
        self.save_as_action.setEnabled(not team)
        self.save_as_action.setToolTip(self.files.save_as_tip(team))
        self.copy_local_action.setVisible(team)
        self.watch.show_status()
        self._update_title_and_status()

    # ------------------------------------------------------------------ versions

    def copy_journey_to(self, location: Location) -> int | None:
        """Copy the open journey with its saved versions into the library at `location` (see `JourneyTransfer`)."""
        return self.transfer.copy_journey_to(location)

    def show_versions(self) -> VersionsDialog | None:
        """Journey › Versions…: the open journey's named versions (one dialog at a time)."""
        if self.document is None:
            return None
        if self.versions_dialog is not None:
            self.versions_dialog.close()
            self.versions_dialog.deleteLater()
        self.versions_dialog = VersionsDialog(self.document, self.exports.export_version_poster, self)
        self.versions_dialog.show()
        return self.versions_dialog

    def show_compare(self) -> CompareDialog | None:
        """Journey › Compare Versions…: two versions of the open journey (or one and now) on one map."""
        if self.document is None:
            return None
        dialog = CompareDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compare_dialog = dialog
        return dialog

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

    def focus_search(self) -> None:
        self.journeys_dock.show()
        self.journeys_dock.raise_()
        self.library_panel.focus_search()

    def _zoom_changed(self, zoom: float) -> None:
        self.status_zoom.setText(f"{round(zoom * 100)}%")

    def _update_title_and_status(self) -> None:
        name = location_label(self.library.location)
        journey = self.document.journey if self.document is not None else None
        self.setWindowTitle(f"{journey.title} — {name} — cjmapper" if journey is not None else f"{name} — cjmapper")
        self.status_figures.show_journey(journey)

    def update_actions(self) -> None:
        """Enable the actions that apply: to the open journey, to a damaged one chosen, in workshop mode."""
        has_journey = self.document is not None
        for action in (
            self.duplicate_journey_action, self.rename_journey_action, self.delete_journey_action,
            self.add_phase_action, self.add_lane_action,
            self.new_card_action, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.fit_action,
        ):  # fmt: skip
            action.setEnabled(has_journey)
        self.delete_journey_action.setEnabled(has_journey or self.unreadable is not None)  # a damaged one chosen
        self.exports.update_actions(has_journey)
        self.powerpoint.update_actions(has_journey)
        self.survey.update_actions(has_journey)
        self.templates.update_actions(has_journey)
        self.matrix.update_actions(has_journey)
        self.versions_action.setEnabled(has_journey)
        self.compare_action.setEnabled(has_journey)
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
            self.resizeDocks([self.journeys_dock, self.properties_dock], [228, 320], Qt.Orientation.Horizontal)

    def save_settings(self) -> None:
        stored = settings()
        stored.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        stored.setValue(SETTINGS_STATE, self.panel_layout.state())
        stored.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.workshop.close()  # the saved layout is the normal one, not workshop mode's
        self.save_settings()
        super().closeEvent(event)
        if event.isAccepted():
            self.watch.stop()
            self.exports.stop_poster_export()
            self.powerpoint.stop()
            self.voting.set_canvas(None, None)
            self.persona_strip.set_document(None)
            self.view.setScene(None)
            for scene in self._scenes.values():
                scene.dispose()

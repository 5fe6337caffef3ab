"""The menus' edits of journeys: the Journey menu's journeys (New from a template, Duplicate, Rename, Delete, also
of a damaged journey, which cannot be undone) and the open journey's cards, phases and lanes (New Card, a card of a
palette's channel, Add Phase, Add Lane), and the Edit menu's commands on the canvas' selection (Cut, Copy, Paste,
Duplicate, Delete, Edit Title, Select All). Journey-level steps go on the library's undo stack, the others on the
journey's.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from cjmapper.errors import CjmapperError
from cjmapper.template_catalogue import load_named_template

from ..canvas import JourneyScene, JourneyView
from ..dialogs.new_journey_dialog import NewJourneyDialog
from ..editing.document import JourneyDocument
from ..editing.library_commands import LibraryEditor
from ..i18n import ui_language
from ..panels.library_panel import LibraryPanel


class JourneysWindow(Protocol):
    """What of the main window the Journey menu's edits need (the window imports this module, not the other way)."""

    library_editor: LibraryEditor
    library_panel: LibraryPanel
    document: JourneyDocument | None
    scene: JourneyScene | None
    view: JourneyView
    unreadable: int | None
    """The damaged journey chosen in the Journeys panel (no document is open then)."""
    unreadable_revision: int | None


class JourneyActions(QObject):
    """The menus' edits of journeys in the window; `parent` is the parent of their dialogs."""

    def __init__(self, window: JourneysWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent

    def new_journey(self) -> None:
        dialog = NewJourneyDialog(ui_language(), self.parent_widget)  # the interface's language unless changed
        try:
            if dialog.exec() != NewJourneyDialog.DialogCode.Accepted:
                return
            try:
                journey = load_named_template(dialog.template, dialog.language)
            except CjmapperError as e:  # a template of the user's, changed on disk since the dialog listed it
                QMessageBox.warning(self.parent_widget, self.tr("New journey"), str(e))
                return
            journey.title = dialog.title
        finally:
            dialog.deleteLater()
        self.window.library_editor.create(journey)

    def duplicate_journey(self) -> None:
        if self.window.document is not None:
            self.window.library_editor.duplicate(self.window.document.journey_id)

    def rename_journey(self) -> None:
        document = self.window.document
        if document is None:
            return
        title, ok = QInputDialog.getText(
            self.parent_widget, self.tr("Rename journey"), self.tr("Title:"), text=document.journey.title
        )
        if ok and title.strip() and title.strip() != document.journey.title:
            document.update_journey(title=title)

    def delete_journey(self) -> None:
        if self.window.document is None:
            if self.window.unreadable is not None:
                self._delete_unreadable(self.window.unreadable)
            return
        journey = self.window.document.journey
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Delete journey"),
            self.tr("Delete “{0}” with its {1} touchpoints? You can undo this.").format(
                journey.title, len(journey.touchpoints)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.library_editor.delete(journey.id, expected_revision=journey.revision)

    def _delete_unreadable(self, journey_id: int) -> None:
        """Journey › Delete… of a damaged journey chosen in the list: it cannot be read, so it cannot come back."""
        info = self.window.library_panel.info(journey_id)
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
            self.parent_widget,
            self.tr("Delete journey"),
            f"{question}\n\n{why}",
            buttons,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.library_editor.delete_damaged(journey_id, expected_revision=self.window.unreadable_revision)

    def new_card(self) -> None:
        if self.window.scene is not None:
            self.window.scene.new_card_in(*self._target_cell())

    def add_card_of_channel(self, channel: str) -> None:
        if self.window.scene is not None:
            self.window.scene.add_channel_card(channel, *self._target_cell())

    def _target_cell(self) -> tuple[int, int]:
        """The cell of the selected card, else the first card lane's first cell."""
        assert self.window.document is not None
        journey = self.window.document.journey
        scene = self.window.scene
        selected = scene.selected_ids() if scene is not None else []
        if selected:
            card = journey.touchpoint(selected[0])
            return card.phase_id, card.lane_id
        lane = next(lane for lane in journey.lanes if lane.kind.holds_cards)
        return journey.phases[0].id, lane.id

    def add_phase(self) -> None:
        if self.window.document is not None:
            self.window.document.add_phase(self.tr("New phase"))

    def add_lane(self) -> None:
        if self.window.document is not None:
            self.window.document.add_lane(self.tr("New lane"))

    # ------------------------------------------------------------------ the canvas' selection

    def on_scene(self, method: str) -> None:
        """Run an Edit menu command of the canvas (`JourneyScene.cut_selection`, `paste`, ...)."""
        if self.window.scene is not None:
            getattr(self.window.scene, method)()

    def edit_selected_title(self) -> None:
        scene = self.window.scene
        if scene is not None and (ids := scene.selected_ids()):
            scene.edit_title(ids[0])

    def select_all(self) -> None:
        scene, document = self.window.scene, self.window.document
        if scene is not None and document is not None:
            scene.select_ids([t.id for t in document.journey.touchpoints])

    def show_card(self, card_id: int) -> None:
        """Select a card and scroll it into view (the Voting panel's most voted list)."""
        scene = self.window.scene
        if scene is not None:
            scene.select_ids([card_id])
            item = scene.card_item(card_id)
            if item is not None:
                self.window.view.ensureVisible(item.sceneBoundingRect(), 24, 24)

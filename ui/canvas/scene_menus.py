"""The scene's context menus (cards, phase and lane headers) and the structure edits they lead to, with their dialogs
(colour, "delete with its cards?")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QMenu,
    QMessageBox,
)

from cjmapper.model import LaneKind

from .card_images import attach_file, choose_image
from .clipboard import cards_from_mime
from .items import lane_kind_name
from .painting import (
    lane_color,
    phase_color,
    tr,
)
from .scene_base import SceneBase


class SceneMenus(SceneBase):
    """Context menus and the phase and lane edits behind them."""

    def _action(
        self, menu: QMenu, name: str, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutVisibleInContextMenu(True)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def card_menu(self) -> QMenu:
        """The context menu of the selected cards (the caller deletes it)."""
        menu = QMenu(self._menu_parent())
        has = bool(self.selected_ids())
        self._action(menu, "editTitle", tr("Edit Title"), self._edit_current, "F2").setEnabled(has)
        menu.addSeparator()
        self._action(menu, "cutCards", tr("Cut"), self.cut_selection, "Ctrl+X").setEnabled(has)
        self._action(menu, "copyCards", tr("Copy"), self.copy_selection, "Ctrl+C").setEnabled(has)
        paste = self._action(menu, "pasteCards", tr("Paste"), self.paste, "Ctrl+V")
        paste.setEnabled(bool(cards_from_mime(QApplication.clipboard().mimeData())))
        self._action(menu, "duplicateCards", tr("Duplicate"), self.duplicate_selection, "Ctrl+D").setEnabled(has)
        menu.addSeparator()
        comment = self._action(
            menu,
            "addComment",
            tr("Add Comment…"),
            lambda: self.comment_requested.emit(self.selected_ids()[0]),
            "Ctrl+Alt+M",
        )
        comment.setEnabled(len(self.selected_ids()) == 1)
        one = self.selected_ids()[0] if len(self.selected_ids()) == 1 else None
        self._action(menu, "attachImage", tr("Attach Image…"), self.attach_image).setEnabled(one is not None)
        pictured = one is not None and self.journey.touchpoint(one).image is not None
        self._action(menu, "removeImage", tr("Remove Image"), self.remove_image).setEnabled(pictured)
        menu.addSeparator()
        self._action(menu, "deleteCards", tr("Delete"), self.delete_selection, "Del").setEnabled(has)
        return menu

    def attach_image(self) -> bool:
        """Attach a picture file the user picks to the one selected card (one undo step)."""
        selected = self.selected_ids()
        if len(selected) != 1:
            return False
        path = choose_image(self._menu_parent(), tr("Attach Image"))
        return path is not None and attach_file(self.document, selected[0], path)

    def remove_image(self) -> bool:
        """Remove the photo of the one selected card (one undo step)."""
        selected = self.selected_ids()
        return len(selected) == 1 and self.document.set_card_image(selected[0], None)

    def header_menu(self, kind: str, item_id: int) -> QMenu:
        """The context menu of a phase ("phase") or lane ("lane") header (the caller deletes it)."""
        return self.phase_menu(item_id) if kind == "phase" else self.lane_menu(item_id)

    def phase_menu(self, phase_id: int) -> QMenu:
        menu = QMenu(self._menu_parent())
        journey = self.journey
        index = next(i for i, p in enumerate(journey.phases) if p.id == phase_id)
        self._action(menu, "renamePhase", tr("Rename…"), lambda: self.rename_header("phase", phase_id))
        self._action(menu, "recolourPhase", tr("Colour…"), lambda: self.recolour("phase", phase_id))
        if journey.phases[index].color is not None:
            self._action(
                menu, "defaultPhaseColour", tr("Default Colour"), lambda: self._set_colour("phase", phase_id, None)
            )
        menu.addSeparator()
        self._action(menu, "addPhaseBefore", tr("Add Phase Before"), lambda: self.add_phase_at(index))
        self._action(menu, "addPhaseAfter", tr("Add Phase After"), lambda: self.add_phase_at(index + 1))
        menu.addSeparator()
        delete = self._action(menu, "deletePhase", tr("Delete Phase…"), lambda: self.delete_phase(phase_id))
        delete.setEnabled(len(journey.phases) > 1)
        self._lock_menu(menu)
        return menu

    def lane_menu(self, lane_id: int) -> QMenu:
        menu = QMenu(self._menu_parent())
        journey = self.journey
        index = next(i for i, lane in enumerate(journey.lanes) if lane.id == lane_id)
        lane = journey.lanes[index]
        self._action(menu, "renameLane", tr("Rename…"), lambda: self.rename_header("lane", lane_id))
        kinds = menu.addMenu(tr("Kind"))
        kinds.setObjectName("laneKind")
        group = QActionGroup(kinds)
        for kind in LaneKind:
            action = kinds.addAction(lane_kind_name(kind))
            action.setObjectName(f"laneKind-{kind.value}")
            action.setCheckable(True)
            action.setChecked(kind is lane.kind)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=kind: self.document.update_lane(lane_id, kind=k))
        self._action(menu, "recolourLane", tr("Colour…"), lambda: self.recolour("lane", lane_id))
        if lane.color is not None:
            self._action(
                menu, "defaultLaneColour", tr("Default Colour"), lambda: self._set_colour("lane", lane_id, None)
            )
        menu.addSeparator()
        self._action(menu, "addLaneAbove", tr("Add Lane Above"), lambda: self.add_lane_at(index))
        self._action(menu, "addLaneBelow", tr("Add Lane Below"), lambda: self.add_lane_at(index + 1))
        menu.addSeparator()
        delete = self._action(menu, "deleteLane", tr("Delete Lane…"), lambda: self.delete_lane(lane_id))
        delete.setEnabled(len(journey.lanes) > 1)
        self._lock_menu(menu)
        return menu

    def _lock_menu(self, menu: QMenu) -> None:
        """A header menu while the structure is locked: every entry disabled."""
        if self.structure_locked:
            for action in menu.actions():
                action.setEnabled(False)

    def show_card_menu(self, screen_pos: QPoint) -> None:
        self._exec_menu(self.card_menu(), screen_pos)

    def show_header_menu(self, kind: str, item_id: int, screen_pos: QPoint) -> None:
        if self._refuse_locked():
            return
        self._exec_menu(self.header_menu(kind, item_id), screen_pos)

    @staticmethod
    def _exec_menu(menu: QMenu, screen_pos: QPoint) -> None:
        try:
            menu.exec(screen_pos)
        finally:
            menu.deleteLater()

    # ------------------------------------------------------------------ structure edits

    def recolour(self, kind: str, item_id: int) -> bool:
        """Choose a phase's or lane's colour with the colour dialog."""
        if self._refuse_locked():
            return False
        journey = self.journey
        if kind == "phase":
            index = next(i for i, p in enumerate(journey.phases) if p.id == item_id)
            current = phase_color(index, journey.phases[index].color)
            title = tr("Phase colour")
        else:
            lane = journey.lane(item_id)
            current = lane_color(lane.kind, lane.color)
            title = tr("Lane colour")
        chosen = QColorDialog.getColor(current, self._menu_parent(), title)
        if not chosen.isValid():
            return False
        return self._set_colour(kind, item_id, chosen.name())

    def _set_colour(self, kind: str, item_id: int, value: str | None) -> bool:
        if self._refuse_locked():
            return False
        if kind == "phase":
            return self.document.update_phase(item_id, color=value)
        return self.document.update_lane(item_id, color=value)

    def add_phase_at(self, index: int) -> int | None:
        """Add a phase at `index` and edit its name."""
        if self._refuse_locked():
            return None
        phase_id = self.document.add_phase(tr("New phase"), index=index)
        if phase_id is not None:
            self.rename_header("phase", phase_id)
        return phase_id

    def add_lane_at(self, index: int, kind: LaneKind = LaneKind.TOUCHPOINTS) -> int | None:
        """Add a lane at `index` and edit its name."""
        if self._refuse_locked():
            return None
        lane_id = self.document.add_lane(tr("New lane"), kind, index=index)
        if lane_id is not None:
            self.rename_header("lane", lane_id)
        return lane_id

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._menu_parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_phase(self, phase_id: int) -> bool:
        """Delete a phase; one that holds cards is deleted only when the user agrees (undo brings all back)."""
        if self._refuse_locked():
            return False
        phase = self.journey.phase(phase_id)
        count = sum(1 for t in self.journey.touchpoints if t.phase_id == phase_id)
        if count and not self._confirm(
            tr("Delete phase"),
            tr("Delete the phase “{0}” with its {1} touchpoint(s)? You can undo this.").format(phase.name, count),
        ):
            return False
        return self.document.delete_phase(phase_id)

    def delete_lane(self, lane_id: int) -> bool:
        """Delete a lane; one that holds cards is deleted only when the user agrees (undo brings all back)."""
        if self._refuse_locked():
            return False
        lane = self.journey.lane(lane_id)
        count = sum(1 for t in self.journey.touchpoints if t.lane_id == lane_id)
        if count and not self._confirm(
            tr("Delete lane"),
            tr("Delete the lane “{0}” with its {1} touchpoint(s)? You can undo this.").format(lane.name, count),
        ):
            return False
        return self.document.delete_lane(lane_id)

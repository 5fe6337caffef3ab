"""The window's find and filter: Edit › Find Cards… (Ctrl+F), Find Next (F3), Find Previous (Shift+F3), View ›
Filter… and Clear Filter; the find bar (`ui.canvas.find_bar`) and the "filter on" strip (`ui.panels.filter_bar`) in
the row above the canvas; and what a poster prints when a filter is on ("Print only the cards shown", the
`cjmapper.find.filtered_journey` of the map).

The filter belongs to the journey's canvas (`JourneyScene.set_filter`), so each open journey keeps its own while the
window switches between them; the find bar follows the journey shown (`scene_shown`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from cjmapper.find import filtered_journey
from cjmapper.model import Journey

from ..canvas.find_bar import FindBar
from ..canvas.scene import JourneyScene
from ..canvas.view import JourneyView
from ..dialogs.filter_dialog import FilterDialog
from ..panels.filter_bar import FilterBar
from ..panels.persona_strip import PersonaStrip


class FindingWindow(Protocol):
    """What of the main window the find and filter need (the window imports this module, not the other way round)."""

    view: JourneyView
    scene: JourneyScene | None
    persona_strip: PersonaStrip


class FindActions(QObject):
    """The find bar, the filter and their actions (see the module's docstring); `parent` holds the bars."""

    def __init__(self, window: FindingWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.find_bar = FindBar(window.view, parent)
        self.filter_bar = FilterBar(parent)
        self.filter_bar.edit_clicked.connect(self.edit_filter)
        self.filter_bar.clear_clicked.connect(self.clear_filter)
        self._scene: JourneyScene | None = None

        self.find_action = self._action(self.tr("F&ind Cards…"), self.find_bar.open_bar, "Ctrl+F")
        self.find_action.setToolTip(self.tr("Find the cards of this journey by their words"))
        self.find_next_action = self._action(self.tr("Find &Next"), lambda: self.find_bar.step(1), "F3")
        self.find_previous_action = self._action(self.tr("Find Pre&vious"), lambda: self.find_bar.step(-1), "Shift+F3")
        self.filter_action = self._action(self.tr("Filte&r…"), self.edit_filter, "Ctrl+Shift+L")
        self.filter_action.setToolTip(
            self.tr("Dim the cards that do not match a lane, channel, owner, score or status")
        )
        self.clear_filter_action = self._action(self.tr("Clear Filt&er"), self.clear_filter)
        self.scene_shown(None)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.parent_widget)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        """Find Cards…, Find Next and Find Previous (for the Edit menu)."""
        return [self.find_action, self.find_next_action, self.find_previous_action]

    def filter_actions(self) -> list[QAction]:
        """Filter… and Clear Filter (for the View menu)."""
        return [self.filter_action, self.clear_filter_action]

    # ------------------------------------------------------------------ the journey shown

    def scene_shown(self, scene: JourneyScene | None) -> None:
        """The window shows `scene`'s journey now (None: none): the find bar finds in it, the strip tells its filter."""
        if self._scene is not None:
            self._scene.marks_changed.disconnect(self._show_filter)
        self._scene = scene
        if scene is not None:
            scene.marks_changed.connect(self._show_filter)
        self.find_bar.set_scene(scene)
        if scene is None:
            self.find_bar.hide()
        for action in (self.find_action, self.find_next_action, self.find_previous_action, self.filter_action):
            action.setEnabled(scene is not None)
        self._show_filter()

    def _show_filter(self) -> None:
        scene = self._scene
        kept = scene.kept_ids if scene is not None else None
        total = len(scene.document.journey.touchpoints) if scene is not None else 0
        self.filter_bar.set_counts(len(kept) if kept is not None else None, total)
        self.clear_filter_action.setEnabled(kept is not None)

    # ------------------------------------------------------------------ the filter

    def edit_filter(self) -> FilterDialog | None:
        """View › Filter…: choose the filter of the journey shown (applied on OK); its scores are the current
        persona's (the persona strip's) unless the filter on names another."""
        scene = self._scene
        if scene is None:
            return None
        current = self.window.persona_strip.current_persona_id()
        dialog = FilterDialog(scene.document.journey, scene.card_filter, self.parent_widget, current)
        dialog.accepted.connect(lambda: scene.set_filter(dialog.spec()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def clear_filter(self) -> None:
        if self._scene is not None:
            self._scene.set_filter(None)

    def shown_journey(self) -> Journey | None:
        """The journey shown as its filter leaves it (only the cards it keeps), for a poster of what is shown; None
        while no filter is on."""
        scene = self._scene
        kept = scene.kept_ids if scene is not None else None
        if scene is None or kept is None:
            return None
        return filtered_journey(scene.document.journey, kept)

"""The window's comment actions: Edit › Add Comment… (Ctrl+Alt+M, and the card's context menu) opens the selected
card's thread in the properties panel with the cursor in its text box, and the Comments panel (a dock) lists the
journey's open comments, a click on one showing its card."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from ..canvas import JourneyScene
from ..editing.document import JourneyDocument
from ..panels.comments_panel import CommentsPanel
from ..panels.properties import PropertiesPanel


class CommentWindow(Protocol):
    """What of the main window the comment actions need."""

    properties: PropertiesPanel
    properties_dock: QDockWidget

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class CommentActions(QObject):
    def __init__(self, window: CommentWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.panel = CommentsPanel(parent)
        self.add_action = QAction(self.tr("Add &Comment…"), parent)
        self.add_action.setObjectName("addCommentAction")
        self.add_action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.add_action.setToolTip(self.tr("Write a comment on the selected card"))
        self.add_action.triggered.connect(self.add_comment)
        self._scene: JourneyScene | None = None

    def scene_shown(self, scene: JourneyScene | None, document: JourneyDocument | None) -> None:
        """The canvas shows `scene` of `document` now (None: no journey)."""
        if self._scene is not None:
            self._scene.comment_requested.disconnect(self.comment_on)
        self._scene = scene
        if scene is not None:
            scene.comment_requested.connect(self.comment_on)
        self.panel.set_document(document)

    def add_comment(self) -> None:
        """Comment on the one selected card."""
        selected = self._scene.selected_ids() if self._scene is not None else []
        if len(selected) != 1:
            self.window.statusBar().showMessage(self.tr("Select one card to comment on."), 5000)
            return
        self.comment_on(selected[0])

    def comment_on(self, card_id: int) -> None:
        """Show the card's thread in the properties panel, the cursor in its text box."""
        if self._scene is not None and self._scene.selected_ids() != [card_id]:
            self._scene.select_ids([card_id])
        dock = self.window.properties_dock
        dock.show()
        dock.raise_()
        self.window.properties.show_comments()

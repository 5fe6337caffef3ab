"""Edit › Undo and Redo of the window: one undo group over the library's stack (journey-level steps) and each open
journey's stack; the menu follows whichever stack changed last, and names its step in the interface's language.
On the toolbar they keep a short fixed text ("Undo", "Redo"), so no other button moves as the step's name changes;
the name is in the tooltip and the Edit menu."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from ..plain_text import action_text, plain_tooltip, shown_text


class UndoActions(QObject):
    """The window's undo group (`group`) and its Edit › Undo and Redo actions."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # The group and the actions are this object's: they go with it, after its connections (the labels) are cut.
        self.group = QUndoGroup(self)
        key = QKeySequence.StandardKey
        self.undo_action = self.group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = self.group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):  # the toolbar's text: short and the same at every step
            action.setIconText(shown_text(action.text()))
        # After Qt's own "prefix text" labels (connected first, so these run last): the words around the name
        # follow the language ("&Undo Move card “A”", "&Ongedaan maken: Kaart “A” verplaatsen").
        self.group.undoTextChanged.connect(self._label_undo)
        self.group.redoTextChanged.connect(self._label_redo)

    def route_through(self, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        """Edit › Undo and Redo run `undo` and `redo` (the workshop's, which refuse structure steps in workshop mode)
        instead of the group's own."""
        self.undo_action.triggered.disconnect()
        self.undo_action.triggered.connect(lambda: undo())
        self.redo_action.triggered.disconnect()
        self.redo_action.triggered.connect(lambda: redo())

    def follow(self, stack: QUndoStack) -> None:
        """Add `stack` to the group: Edit › Undo turns to it whenever it changes."""
        self.group.addStack(stack)
        stack.indexChanged.connect(self._stack_used)

    def forget(self, stack: QUndoStack) -> None:
        """Take `stack` out of the group (its journey is closed)."""
        self.group.removeStack(stack)
        # A stack destroyed with steps on it clears itself and says so: not to a half-deleted sender.
        stack.indexChanged.disconnect(self._stack_used)

    def _stack_used(self, _index: int) -> None:
        """Edit › Undo follows the stack that last changed: the library's, or the open journey's."""
        stack = self.sender()
        if isinstance(stack, QUndoStack):
            self.group.setActiveStack(stack)

    # While this object is taken down, its children go one by one and the group may still say its stacks changed
    # after an action is gone: a label of a deleted action is skipped.

    def _label_undo(self, text: str) -> None:
        if shiboken6.isValid(self.undo_action):
            _label(self.undo_action, self.tr("&Undo {0}").format(action_text(text)) if text else self.tr("&Undo"))

    def _label_redo(self, text: str) -> None:
        if shiboken6.isValid(self.redo_action):
            _label(self.redo_action, self.tr("&Redo {0}").format(action_text(text)) if text else self.tr("&Redo"))


def _label(action: QAction, text: str) -> None:
    """The Edit menu's `text` (the step's name escaped: an "&" in a title shows); the tooltip says it as typed."""
    action.setText(text)
    action.setToolTip(plain_tooltip(shown_text(text)))

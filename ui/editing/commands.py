"""The one QUndoCommand of the editor: `UndoStep`, which puts any editing command (`cjmapper.editing`) on a
journey's undo stack.

The commands are plain objects of the core; this adapter gives them what Qt's undo stack needs: a translated Edit
menu label, undo() and redo() (run through the document, which settles a refusal once the stack is done: an
exception cannot leave a Qt virtual override) and merging of typing. The command's first execution ran before the
push, so the push's own redo() does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from cjmapper.editing import CONTEXT, Command, Label, Touches
from cjmapper.editing.gate import NOTHING, Verb

MERGE_ID = 1001
"""Qt asks mergeWith() only of steps with the same id: every step that may merge has this one (the command decides)."""


def translated(label: Label) -> str:
    """An Edit menu label in the user's language."""
    return label.text(lambda source: QCoreApplication.translate(CONTEXT, source))


class UndoStep(QUndoCommand):
    """One editing command on an undo stack. `run(step, verb)` undoes ("undo") or redoes ("redo") it."""

    def __init__(
        self, command: Command, run: Callable[[UndoStep, Verb], None], parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(translated(command.label), parent)
        self.command = command
        self.merges = True
        """False for a step built again after an edit made elsewhere (`ui.editing.history`): it takes no later edit."""
        self._run = run
        self._skip_redo = True
        """The command has been executed: the redo() that QUndoStack.push() calls must not do it again."""

    def id(self) -> int:
        return MERGE_ID if self.merges and self.command.mergeable() else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, UndoStep) or not self.command.absorb(other.command):
            return False
        if self.command.obsolete:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self, "redo")

    def undo(self) -> None:
        self._run(self, "undo")


def touches(step: QUndoCommand) -> Touches:
    """What an undo step (with every step of a macro) changes; a step that is no editing command (a voting
    ballot's marker) changes nothing of the journey."""
    found = step.command.TOUCHES if isinstance(step, UndoStep) else NOTHING
    for i in range(step.childCount()):
        found |= touches(step.child(i))
    return found

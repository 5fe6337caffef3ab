"""Keeping a journey's undo history when someone else's edit shows up: drop only the steps it must.

Another window or program changed the journey (`cjmapper.editing.parts.changed_parts` says which parts). An undo
step that holds none of those parts (`Command.holds`) still undoes exactly this editor's edit, so it stays. One that
does hold one must go, and with it every step it stands in the way of: the undo steps below it (undo cannot pass it)
and the redo steps above it. Qt's QUndoStack cannot take a step out of its middle, so the stack is built again from
the steps that stay: new `UndoStep`s around the same commands, none of them run again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand, QUndoStack

from cjmapper.editing import Command
from cjmapper.editing.gate import Verb
from cjmapper.editing.parts import Parts

from .commands import UndoStep

Run = Callable[[UndoStep, Verb], None]


def held(step: QUndoCommand) -> Parts:
    """What an undo step (with every step of a macro) holds; a step that is no editing command (a voting ballot's
    marker) cannot be built again, so it holds everything."""
    if isinstance(step, UndoStep):
        found = step.command.holds()
    elif step.childCount() == 0:
        return Parts(everything=True)
    else:
        found = Parts()
    for i in range(step.childCount()):
        found |= held(step.child(i))
    return found


@dataclass(frozen=True, slots=True)
class _Kept:
    """A step that stays: its Edit menu text and its commands (one, or a macro's)."""

    text: str
    commands: tuple[Command, ...]
    macro: bool


def _kept(step: QUndoCommand) -> _Kept:
    if isinstance(step, UndoStep) and step.childCount() == 0:
        return _Kept(step.text(), (step.command,), False)
    return _Kept(step.text(), tuple(_commands(step)), True)


def _commands(step: QUndoCommand) -> list[Command]:
    """The commands of a macro's steps in order, those of a macro inside it too (held() said they all are)."""
    found = [step.command] if isinstance(step, UndoStep) else []
    for i in range(step.childCount()):
        found += _commands(step.child(i))
    return found


def keep_steps(stack: QUndoStack, touched: Parts, run: Run, quietly: Callable[[bool], None]) -> int:
    """Drop the steps of `stack` that hold a part of `touched` (with the steps they stand in the way of); the rest
    stay, in order, the undo ones undoable and the redo ones redoable. `run` is what the new steps run on undo and
    redo; `quietly(True)` while the stack is built again (the redo steps are put back by undoing them, which must
    not reach the library), `quietly(False)` after. Returns how many steps were dropped."""
    count, index = stack.count(), stack.index()
    meets = [held(stack.command(i)).meets(touched) for i in range(count)]
    if not any(meets):
        return 0
    first = max((i + 1 for i in range(index) if meets[i]), default=0)  # undo steps from here on stay
    last = next((i for i in range(index, count) if meets[i]), count)  # redo steps before this stay
    steps = [_kept(stack.command(i)) for i in range(first, last)]
    redo = last - index
    quietly(True)
    try:
        stack.clear()
        for step in steps:
            _push(stack, step, run)
        for _ in range(redo):
            stack.undo()
    finally:
        quietly(False)
    return count - len(steps)


def _push(stack: QUndoStack, kept: _Kept, run: Run) -> None:
    """Push a new step around the commands of one that stays (a macro's as a macro again); this runs nothing (the new
    steps skip the redo() a push calls). Pushed by the stack's own push, so the stack owns every step."""
    if kept.macro:
        stack.beginMacro(kept.text)
    for command in kept.commands:
        step = UndoStep(command, run)
        step.merges = False
        stack.push(step)
    if kept.macro:
        stack.endMacro()

"""Editing the open journey without Qt: its snapshot, the commands that change it (each one undo step), what they
changed, and the gate they pass. The front end (`ui.editing`) runs the commands on its undo stack.

| module | job |
| --- | --- |
| `snapshot` | the open journey as the editor holds it, patched after each library edit |
| `command` | `Command`, the common ground of every edit: execute, undo (backward), redo (forward), label |
| `card_commands`, `field_commands`, `structure_commands`, `version_commands` | the commands, by what they edit |
| `changes` | `Change`: what an edit changed, for the views |
| `gate` | which parts of the journey may change now (workshop lock, read-only library) |
| `parts` | which cards, cells, phases, lanes and fields an edit made elsewhere changed and an undo step holds |
| `labels` | Edit menu labels, marked for translation without Qt |
"""

from cjmapper.editing.changes import Change, ChangeKind, merged
from cjmapper.editing.command import Command
from cjmapper.editing.gate import Gate, Touches
from cjmapper.editing.labels import CONTEXT, Label, marked, quoted
from cjmapper.editing.snapshot import JourneySnapshot

__all__ = [
    "CONTEXT",
    "Change",
    "ChangeKind",
    "Command",
    "Gate",
    "JourneySnapshot",
    "Label",
    "Touches",
    "marked",
    "merged",
    "quoted",
]

"""The commands on a journey's named versions: save one, delete one, and make the journey what one holds.

Saving or deleting a version changes nothing on the map: its change is `ChangeKind.VERSIONS`.
"""

from __future__ import annotations

from dataclasses import replace

from cjmapper.model import Journey
from cjmapper.store import VersionInfo, VersionRemoval

from .changes import Change, ChangeKind
from .command import Command
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts
from .snapshot import JourneySnapshot

VERSIONS_CHANGED = Change(ChangeKind.VERSIONS, versions=True)


def kept(journey: Journey) -> Journey:
    """A copy of the snapshot's journey that later patches leave alone (they replace model objects and change the
    lists, so copies of the lists and the personas are enough)."""
    return replace(
        journey,
        personas=[replace(persona) for persona in journey.personas],
        phases=list(journey.phases),
        lanes=list(journey.lanes),
        touchpoints=list(journey.touchpoints),
    )


class SaveVersionCommand(Command):
    """Save the journey as a named version. Undo deletes the version; redo puts it back under its own id."""

    TOUCHES = Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, name: str) -> None:
        super().__init__(snapshot)
        self.name = name
        self.info: VersionInfo | None = None
        self._removal: VersionRemoval | None = None

    def execute(self) -> Change:
        snapshot = self.snapshot
        self.info = self.library.save_version(snapshot.journey_id, self.name, expected_revision=self.seen)
        snapshot.adopt(self.info.revision)
        self.label = Label(marked("Save version {0}"), (quoted(self.info.name),))
        return VERSIONS_CHANGED

    def holds(self) -> Parts:
        return Parts()  # a version, no part of the map

    def backward(self) -> Change:
        assert self.info is not None
        self._removal = self.library.delete_version(self.info.id, expected_revision=self.seen)
        self.snapshot.adopt(self._removal.revision)
        return VERSIONS_CHANGED

    def forward(self) -> Change:
        assert self._removal is not None
        self.snapshot.adopt(self.library.restore_deleted_version(self._removal, expected_revision=self.seen))
        return VERSIONS_CHANGED


class DeleteVersionCommand(Command):
    """Delete a named version. Undo puts it back under its own id."""

    TOUCHES = Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, version_id: int) -> None:
        super().__init__(snapshot)
        self.version_id = version_id
        self._removal: VersionRemoval | None = None

    def execute(self) -> Change:
        removal = self._delete()
        self.label = Label(marked("Delete version {0}"), (quoted(removal.info.name),))
        return VERSIONS_CHANGED

    def backward(self) -> Change:
        assert self._removal is not None
        self.snapshot.adopt(self.library.restore_deleted_version(self._removal, expected_revision=self.seen))
        return VERSIONS_CHANGED

    def forward(self) -> Change:
        self._delete()
        return VERSIONS_CHANGED

    def holds(self) -> Parts:
        return Parts()  # a version, no part of the map

    def _delete(self) -> VersionRemoval:
        self._removal = self.library.delete_version(self.version_id, expected_revision=self.seen)
        self.snapshot.adopt(self._removal.revision)
        return self._removal


class RestoreVersionCommand(Command):
    """Make the journey hold a version's content again. Undo puts the content it had back, redo the version's;
    both keep every id, so the commands below and above this one on the stack stay valid. It counts as an edit of
    cards and versions, not of the structure: putting a saved version back is the facilitator's deliberate step, which
    workshop mode allows (its lock keeps participants from changing phases and lanes by hand)."""

    TOUCHES = Touches.CARDS | Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, version_id: int) -> None:
        super().__init__(snapshot)
        self.version_id = version_id
        self._previous: Journey | None = None
        self._restored: Journey | None = None

    def execute(self) -> Change:
        name = self.library.version_info(self.version_id).name
        self._previous = self.library.restore_version(self.version_id, expected_revision=self.seen).value
        self.snapshot.reread()
        self._restored = kept(self.snapshot.journey)
        self.label = Label(marked("Restore version {0}"), (quoted(name),))
        return Change.everything()

    def backward(self) -> Change:
        assert self._previous is not None
        self.library.replace_journey_content(self._previous, expected_revision=self.seen)
        self.snapshot.reread()
        return Change.everything()

    def forward(self) -> Change:
        assert self._restored is not None
        self.library.replace_journey_content(self._restored, expected_revision=self.seen)
        self.snapshot.reread()
        return Change.everything()

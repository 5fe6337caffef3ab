"""What an edit, undo, redo or re-read of the open journey changed: the notice the views update from.

Every command computes exactly what it changed, and says so in a `Change`, so a view can touch only those items:
the cards added, removed or updated (by id), the phases and lanes changed (by id), the journey's own fields (by
name), or nothing on the map at all (`VERSIONS`: a named version was saved, deleted or put back). A change that
does not know what changed (the journey was read anew) says `whole`.

The changes of several commands made or undone as one step (a macro) are `merged` into one, which says what the
step changed as a whole: a card added and deleted again within the step is no change; one deleted and put back
is an update.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ChangeKind(enum.Enum):
    CARDS = "cards"
    """Only cards changed: see `added`, `removed` and `updated`."""
    STRUCTURE = "structure"
    """Phases or lanes changed (see `phases` and `lanes`), maybe with their cards (`added`, `removed`, `updated`),
    or the whole journey was read anew (`whole`)."""
    JOURNEY = "journey"
    """Only the journey's own fields (title, description, language, framework, persona): see `fields`."""
    VERSIONS = "versions"
    """Only the journey's named versions: nothing on the map changed."""


_RANK = {ChangeKind.VERSIONS: 0, ChangeKind.CARDS: 1, ChangeKind.JOURNEY: 1, ChangeKind.STRUCTURE: 2}


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    added: frozenset[int] = frozenset()
    """Touchpoint ids that appeared."""
    removed: frozenset[int] = frozenset()
    """Touchpoint ids that went away."""
    updated: frozenset[int] = frozenset()
    """Touchpoint ids whose fields or place changed."""
    phases: frozenset[int] = frozenset()
    """Ids of the phases added, removed, moved or edited (a removed one is no longer in the journey)."""
    lanes: frozenset[int] = frozenset()
    """Ids of the lanes added, removed, moved or edited."""
    fields: frozenset[str] = frozenset()
    """Names of the journey's own fields that changed."""
    versions: bool = False
    """Named versions of the journey were saved, deleted or put back."""
    whole: bool = False
    """The journey was read anew (or replaced by a version): anything may have changed."""

    @classmethod
    def everything(cls) -> Change:
        """The whole journey may have changed."""
        return cls(ChangeKind.STRUCTURE, whole=True)

    @property
    def cards(self) -> frozenset[int]:
        """Every card id the change names."""
        return self.added | self.removed | self.updated

    def then(self, later: Change) -> Change:
        """This change followed by `later`, as one change."""
        if _RANK[self.kind] == _RANK[later.kind] and self.kind is not later.kind:
            kind = ChangeKind.STRUCTURE  # cards and the journey's fields: no narrower kind says both
        else:
            kind = max(self.kind, later.kind, key=_RANK.__getitem__)
        added = (self.added - later.removed) | (later.added - self.removed)
        removed = (self.removed - later.added) | (later.removed - self.added)
        updated = (self.updated | later.updated | (self.removed & later.added)) - added - removed
        return Change(
            kind,
            frozenset(added),
            frozenset(removed),
            frozenset(updated),
            self.phases | later.phases,
            self.lanes | later.lanes,
            self.fields | later.fields,
            self.versions or later.versions,
            self.whole or later.whole,
        )


def merged(changes: list[Change]) -> Change | None:
    """The changes, in the order they were made, as one (None for none)."""
    if not changes:
        return None
    result = changes[0]
    for change in changes[1:]:
        result = result.then(change)
    return result

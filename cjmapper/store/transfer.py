"""Copying journeys between libraries: publish a local journey to the team library, take a copy back for the train.

A copy is a new journey in the target library with the same title and content (phases, lanes, cards with their
order, scores, votes, persona) and the source's saved versions; ids are the target's own. It is written in one
transaction, so the target holds the whole copy or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from cjmapper.model import Journey
from cjmapper.store.library import Library
from cjmapper.store.versions import VersionInfo

Saved = Sequence[tuple[VersionInfo, Journey]]
"""A journey's saved versions: each one's facts and content, oldest first."""


def read_for_copy(source: Library, journey_id: int, *, with_versions: bool = True) -> tuple[Journey, Saved]:
    """What a copy of journey `journey_id` takes from `source` (only read)."""
    journey = source.load_journey(journey_id)
    saved: Saved = []
    if with_versions:
        saved = [(info, source.load_version(info.id)) for info in reversed(source.list_versions(journey_id))]
    return journey, saved


def write_copy(target: Library, journey: Journey, saved: Saved = ()) -> int:
    """Add `journey` (from another library, or as an editor holds it when its own library cannot be read) with
    its saved versions to `target`, in one transaction; returns its id there."""
    return target.import_journey(journey, saved)


def copy_journey(source: Library, journey_id: int, target: Library, *, with_versions: bool = True) -> int:
    """Copy journey `journey_id` of `source` into `target`; returns its id there. The source is only read."""
    return write_copy(target, *read_for_copy(source, journey_id, with_versions=with_versions))

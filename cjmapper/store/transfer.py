"""Copying journeys between libraries: publish a local journey to the team library, take a copy back for the train.

A copy is a new journey in the target library with the same title and content (phases, lanes, cards with their
order, scores, votes, persona) and the source's saved versions; ids are the target's own. It is written in one
transaction, so the target holds the whole copy or nothing.
"""

from __future__ import annotations

from cjmapper.store.library import Library


def copy_journey(source: Library, journey_id: int, target: Library, *, with_versions: bool = True) -> int:
    """Copy journey `journey_id` of `source` into `target`; returns its id there. The source is only read."""
    journey = source.load_journey(journey_id)
    saved = []
    if with_versions:
        saved = [(info, source.load_version(info.id)) for info in reversed(source.list_versions(journey_id))]
    return target.import_journey(journey, saved)

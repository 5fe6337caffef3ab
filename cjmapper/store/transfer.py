"""Copying journeys between libraries: publish a local journey to the team library, take a copy back for the train.

A copy is a new journey in the target library with the same title and content (phases, lanes, cards with their
order, scores, votes, persona) and the source's saved versions; ids are the target's own. It is written in one
transaction, so the target holds the whole copy or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cjmapper.model import ImageRef, Journey
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
    return with_image_data(source, journey), saved


def with_image_data(source: Library, journey: Journey, *, wall: bool = True) -> Journey:
    """`journey` with the bytes of its images read from `source` (each once; `wall`: the wall photo's too), so a
    copy in another library, a journey file or a poster shows them. Its saved versions' images come along where the
    journey shows them too; a version's image that the journey no longer shows is left out of that version's copy."""
    data: dict[int, bytes] = {}

    def loaded(ref: ImageRef | None) -> ImageRef | None:
        if ref is None:
            return None
        if ref.id not in data:
            data[ref.id] = source.image_data(ref.id)
        return replace(ref, data=data[ref.id])

    return replace(
        journey,
        wall_photo=loaded(journey.wall_photo) if wall else journey.wall_photo,
        touchpoints=[replace(card, image=loaded(card.image)) for card in journey.touchpoints],
    )


def write_copy(target: Library, journey: Journey, saved: Saved = ()) -> int:
    """Add `journey` (from another library, or as an editor holds it when its own library cannot be read) with
    its saved versions to `target`, in one transaction; returns its id there."""
    return target.import_journey(journey, saved)


def copy_journey(source: Library, journey_id: int, target: Library, *, with_versions: bool = True) -> int:
    """Copy journey `journey_id` of `source` into `target`; returns its id there. The source is only read."""
    return write_copy(target, *read_for_copy(source, journey_id, with_versions=with_versions))

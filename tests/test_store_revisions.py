"""Every edit of a journey returns the journey's new revision: the one the next edit passes as expected_revision."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

from cjmapper.errors import EditError
from cjmapper.store import Library
from tests.store_helpers import sample_journey

pytestmark = pytest.mark.both_backends
_R = TypeVar("_R")


@pytest.fixture
def lib(library: Library) -> Library:
    return library


def revision_of(returned: object) -> int:
    """The revision in what an edit returned: the int itself, or the result's `revision`."""
    if isinstance(returned, int):
        return returned
    revision = getattr(returned, "revision", None)
    assert isinstance(revision, int), f"{returned!r} carries no revision"
    return revision


def test_every_edit_returns_the_journey_s_new_revision(lib: Library) -> None:
    journey = lib.load_journey(lib.create_journey(sample_journey()))
    phase, lane = journey.phases[0], journey.lanes[0]
    card, other = journey.touchpoints[0], journey.touchpoints[1]
    seen = journey.revision

    def step(edit: Callable[[int], _R]) -> _R:
        """Run one edit with the revision last returned as its expected_revision: a wrong return would be stale."""
        nonlocal seen
        returned = edit(seen)
        revision = revision_of(returned)
        assert revision == seen + 1 == lib.revision(journey.id)
        seen = revision
        return returned

    step(lambda r: lib.update_journey(journey.id, title="Renamed", expected_revision=r))
    new_phase = step(lambda r: lib.add_phase(journey.id, "New", expected_revision=r)).value
    step(lambda r: lib.update_phase(new_phase.id, name="Newer", expected_revision=r))
    step(lambda r: lib.move_phase(new_phase.id, 0, expected_revision=r))
    phase_removal = step(lambda r: lib.delete_phase(phase.id, expected_revision=r))
    step(lambda r: lib.restore_phase(phase_removal, expected_revision=r))
    new_lane = step(lambda r: lib.add_lane(journey.id, "Lane", expected_revision=r)).value
    step(lambda r: lib.update_lane(new_lane.id, name="Lane 2", expected_revision=r))
    step(lambda r: lib.move_lane(new_lane.id, 0, expected_revision=r))
    lane_removal = step(lambda r: lib.delete_lane(lane.id, expected_revision=r))
    step(lambda r: lib.restore_lane(lane_removal, expected_revision=r))
    added = step(lambda r: lib.add_touchpoint(journey.id, phase.id, lane.id, "Card", expected_revision=r))
    step(lambda r: lib.add_touchpoints(journey.id, phase.id, lane.id, [("A", {}), ("B", {})], expected_revision=r))
    step(lambda r: lib.update_touchpoint(card.id, title="Edited", expected_revision=r))
    step(lambda r: lib.update_touchpoints({card.id: {"votes": 2}, other.id: {"votes": 1}}, expected_revision=r))
    move = step(lambda r: lib.move_touchpoints([card.id], phase.id, lane.id, 0, expected_revision=r))
    step(lambda r: lib.arrange(move.before, expected_revision=r))
    removed = step(lambda r: lib.delete_touchpoints([added.touchpoint.id], expected_revision=r))
    step(lambda r: lib.restore_touchpoints(journey.id, removed.value, expected_revision=r))
    info = step(lambda r: lib.save_version(journey.id, "v1", expected_revision=r))
    version_removal = step(lambda r: lib.delete_version(info.id, expected_revision=r))
    step(lambda r: lib.restore_deleted_version(version_removal, expected_revision=r))
    previous = step(lambda r: lib.restore_version(info.id, expected_revision=r))
    step(lambda r: lib.replace_journey_content(previous.value, expected_revision=r))
    assert lib.list_versions(journey.id) == [info]  # the revision is no part of a version's equality


def test_an_edit_of_nothing_names_no_journey_and_is_refused(lib: Library) -> None:
    """Arranging or deleting no cards would name no journey (so no revision to return): refused, as moving none."""
    with pytest.raises(EditError):
        lib.arrange([])
    with pytest.raises(EditError):
        lib.delete_touchpoints([])
    with pytest.raises(EditError):
        lib.move_touchpoints([], 1, 1, None)

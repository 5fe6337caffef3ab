"""Two editors on one library (two windows, two programs, two connections): neither silently overwrites the other.

The library refuses an edit based on a stale revision (`expected_revision`), a cheap counter tells a window that
someone committed, and the window re-reads the open journey; the document refuses, re-reads and says so. Every test
runs on a library file and on a team library."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from cjmapper.errors import StaleEditError
from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from tests.backend_helpers import wait_for_notices
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.both_backends


@pytest.fixture
def location(library_location: Location) -> Location:
    """The shared library, with two journeys: a file, and (a second run) a team library."""
    with Library.open(library_location) as lib:
        lib.create_journey(sample_journey("Shared journey"))
        lib.create_journey(sample_journey("Other journey", phases=2))
    return library_location


@pytest.fixture
def two(location: Location) -> Iterator[tuple[Library, Library]]:
    a, b = Library.open(location), Library.open(location)
    yield a, b
    a.close()
    b.close()


def shared_id(lib: Library) -> int:
    return lib.find_journey("Shared journey")


def stored(location: Location, journey_id: int) -> Journey:
    """The journey as a library opened afresh reads it."""
    with Library.open(location) as lib:
        return lib.load_journey(journey_id)


# ---------------------------------------------------------------------- core: two Library objects on one library


def test_a_stale_edit_is_refused_and_the_others_work_stays(two: tuple[Library, Library], location: Location) -> None:
    a, b = two
    journey_id = shared_id(a)
    seen_by_b = b.load_journey(journey_id)
    card = seen_by_b.touchpoints[0]
    a.update_touchpoint(card.id, title="A's title", expected_revision=a.revision(journey_id))

    with pytest.raises(StaleEditError):
        b.update_touchpoint(card.id, title="B's title", expected_revision=seen_by_b.revision)
    with pytest.raises(StaleEditError):
        b.add_touchpoint(journey_id, card.phase_id, card.lane_id, "B's card", expected_revision=seen_by_b.revision)
    with pytest.raises(StaleEditError):
        b.move_phase(seen_by_b.phases[0].id, 2, expected_revision=seen_by_b.revision)

    after = stored(location, journey_id)
    assert after.touchpoint(card.id).title == "A's title"
    assert [p.id for p in after.phases] == [p.id for p in seen_by_b.phases]
    assert len(after.touchpoints) == len(seen_by_b.touchpoints)
    assert after.revision == seen_by_b.revision + 1

    # Once B has re-read the journey, its edits go through again.
    fresh = b.load_journey(journey_id)
    b.update_touchpoint(card.id, title="B after reading", expected_revision=fresh.revision)
    assert stored(location, journey_id).touchpoint(card.id).title == "B after reading"


def test_every_journey_edit_checks_the_expected_revision(two: tuple[Library, Library], location: Location) -> None:
    a, b = two
    journey_id = shared_id(a)
    j = b.load_journey(journey_id)
    stale = j.revision
    a.update_journey(journey_id, description="changed by A")
    card, phase, lane = j.touchpoints[0], j.phases[0], j.lanes[0]
    before = write_journey(stored(location, journey_id))
    edits: dict[str, Callable[[], object]] = {
        "update_journey": lambda: b.update_journey(journey_id, title="B", expected_revision=stale),
        "add_phase": lambda: b.add_phase(journey_id, "B", expected_revision=stale),
        "update_phase": lambda: b.update_phase(phase.id, name="B", expected_revision=stale),
        "delete_phase": lambda: b.delete_phase(phase.id, expected_revision=stale),
        "add_lane": lambda: b.add_lane(journey_id, "B", expected_revision=stale),
        "update_lane": lambda: b.update_lane(lane.id, name="B", expected_revision=stale),
        "move_lane": lambda: b.move_lane(lane.id, 1, expected_revision=stale),
        "delete_lane": lambda: b.delete_lane(lane.id, expected_revision=stale),
        "update_touchpoint": lambda: b.update_touchpoint(card.id, score=1, expected_revision=stale),
        "move_touchpoints": lambda: b.move_touchpoints([card.id], phase.id, lane.id, 5, expected_revision=stale),
        "delete_touchpoints": lambda: b.delete_touchpoints([card.id], expected_revision=stale),
    }
    for name, edit in edits.items():
        with pytest.raises(StaleEditError):
            edit()
        assert write_journey(stored(location, journey_id)) == before, name


def counter_after_a_commit(lib: Library, before: int) -> int:
    """The change counter once it has moved from `before`: at once on a file (SQLite's data_version moves with the
    commit); on a team library when the server's notice of the commit has arrived, a moment after it."""
    deadline = time.monotonic() + 10
    counter = lib.change_counter()
    while counter == before and isinstance(lib.location, ServerLocation) and time.monotonic() < deadline:
        time.sleep(0.005)
        counter = lib.change_counter()
    return counter


def test_the_change_counter_moves_on_any_commit_and_revisions_tell_which_journey(
    two: tuple[Library, Library],
) -> None:
    a, b = two
    journey_id = shared_id(a)
    other_id = a.find_journey("Other journey")
    counter = b.change_counter()
    assert b.change_counter() == counter  # nothing committed: the cheap answer is "no change"
    revisions = b.journey_revisions()
    a.update_journey(journey_id, description="changed by A")
    assert counter_after_a_commit(b, counter) != counter
    now = b.journey_revisions()
    assert now[journey_id] == revisions[journey_id] + 1
    assert now[other_id] == revisions[other_id]
    # Its own commits move it as well (the window tells them apart by the revision it saw).
    counter = b.change_counter()
    b.update_journey(other_id, description="changed by B")
    assert counter_after_a_commit(b, counter) != counter
    assert b.journey_revisions()[other_id] == revisions[other_id] + 1


# ---------------------------------------------------------------------- the editor: two windows on one library


@pytest.fixture
def windows(qtbot: QtBot, location: Location) -> Iterator[tuple[MainWindow, MainWindow]]:
    a, b = open_window(qtbot, location, "Shared journey"), open_window(qtbot, location, "Shared journey")
    yield a, b
    for window in (a, b):  # no poll may run on a closed library
        window.change_poll.stop()
        window.close()
    a.library.close()
    b.library.close()


def test_an_edit_in_one_window_shows_in_the_other_after_the_poll(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], warnings: list[str]
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    assert b.scene is not None
    card = a.document.journey.touchpoints[0]
    b.scene.select_ids([card.id])
    assert a.document.update_touchpoint(card.id, title="Written in window A")
    assert b.document.journey.touchpoint(card.id).title != "Written in window A"

    wait_for_notices(b.library)  # a team library's notice of A's commit arrives a moment after it
    b.poll_changes()  # what the window's timer runs (every CHANGE_POLL_MS)
    assert b.document.journey.touchpoint(card.id).title == "Written in window A"
    item = b.scene.card_item(card.id)
    assert item is not None
    assert item.card.title == "Written in window A"
    assert b.scene.selected_ids() == [card.id]  # the selection stays
    assert "Updated with changes made elsewhere" in b.statusBar().currentMessage()
    assert warnings == []
    # A's own poll sees nothing foreign: no re-read, its undo history stays.
    wait_for_notices(a.library)
    a.poll_changes()
    assert a.document.undo_stack.count() == 1
    # The timer does it by itself.
    assert a.document.update_touchpoint(card.id, title="Second edit in A")
    qtbot.waitUntil(
        lambda: b.document is not None and b.document.journey.touchpoint(card.id).title == "Second edit in A"
    )


def test_a_stale_edit_in_a_window_is_refused_and_shows_the_others_work(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    a.change_poll.stop()
    b.change_poll.stop()  # B has not noticed A's edit yet
    assert a.document is not None
    assert b.document is not None
    assert b.scene is not None
    card = a.document.journey.touchpoints[0]
    assert b.document.update_touchpoint(card.id, notes="B's earlier note")  # B has history of its own
    wait_for_notices(b.library)
    b.poll_changes()
    wait_for_notices(a.library)
    a.poll_changes()
    assert a.document.update_touchpoint(card.id, title="A's title")

    assert not b.document.update_touchpoint(card.id, title="B's title")
    assert warnings == [
        "Someone else changed this journey; your edit was not saved. The map now shows their changes. "
        "Undo history cleared: “A's title” was changed in another window."
    ]  # B's step was on the card A changed: it had to go, and the message says why
    in_file = stored(location, b.document.journey_id)
    assert in_file.touchpoint(card.id).title == "A's title"
    assert in_file.touchpoint(card.id).notes == "B's earlier note"
    assert b.document.journey.touchpoint(card.id).title == "A's title"  # B shows A's work
    item = b.scene.card_item(card.id)
    assert item is not None
    assert item.card.title == "A's title"
    assert b.document.undo_stack.count() == 0  # its steps were made on the journey before A's edit

    # B carries on from A's work.
    assert b.document.update_touchpoint(card.id, title="B, after seeing A")
    assert stored(location, b.document.journey_id).touchpoint(card.id).title == "B, after seeing A"


def test_undo_across_a_change_made_elsewhere_is_refused_clearly(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    a.change_poll.stop()
    b.change_poll.stop()
    assert a.document is not None
    assert b.document is not None
    card = a.document.journey.touchpoints[1]
    assert b.document.update_touchpoint(card.id, title="B's title")
    wait_for_notices(a.library)
    a.poll_changes()
    assert a.document.update_touchpoint(card.id, title="A's title, on top of B's")

    b.document.undo_stack.undo()  # before B's poll noticed: undo would put back the title from before B's edit
    assert stored(location, b.document.journey_id).touchpoint(card.id).title == "A's title, on top of B's"
    assert len(warnings) == 1
    assert warnings[0].startswith("Could not undo “Rename card")
    assert "Someone else changed this journey" in warnings[0]
    assert b.document.undo_stack.count() == 0
    assert b.document.journey.touchpoint(card.id).title == "A's title, on top of B's"


def test_undo_of_an_edit_to_a_card_deleted_elsewhere_says_someone_else_changed_it(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    a.change_poll.stop()
    b.change_poll.stop()
    assert a.document is not None
    assert b.document is not None
    card = b.document.journey.touchpoints[2]
    assert b.document.update_touchpoint(card.id, title="B's title")
    wait_for_notices(a.library)
    a.poll_changes()
    assert a.document.delete_touchpoints([card.id])

    b.document.undo_stack.undo()  # the card is gone: the library's lookup fails before its revision check
    assert len(warnings) == 1
    assert warnings[0].startswith("Could not undo “Rename card")
    assert "Someone else changed this journey" in warnings[0]
    assert b.document.undo_stack.count() == 0
    assert card.id not in {t.id for t in stored(location, b.document.journey_id).touchpoints}
    assert card.id not in {t.id for t in b.document.journey.touchpoints}


def test_a_journey_kept_in_the_background_is_caught_up_when_shown_again(
    windows: tuple[MainWindow, MainWindow], warnings: list[str]
) -> None:
    a, b = windows
    a.change_poll.stop()
    b.change_poll.stop()
    assert a.document is not None
    assert b.document is not None
    shared = b.document
    card = shared.journey.touchpoints[0]
    assert shared.update_touchpoint(card.id, title="B's own step")
    b.open_journey(b.library.find_journey("Other journey"))
    wait_for_notices(a.library)
    a.poll_changes()
    assert a.document.update_touchpoint(card.id, title="A's title")
    b.open_journey(shared.journey_id)
    assert b.document is shared
    assert shared.journey.touchpoint(card.id).title == "A's title"
    assert shared.undo_stack.count() == 0
    assert warnings == []

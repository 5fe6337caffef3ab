"""Undo and redo of journey-level steps (new, duplicate, delete, rename, copy into the open library) never undo a
teammate's work: like a card edit, each step is refused when someone else changed the journey since, the user is
told so, and the map shows the teammate's work. With nobody else about, undo and redo work as always. Every test
runs on a library file and on a team library."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.errors import NotFoundError, StaleEditError
from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.store import Library
from cjmapper.store.location import Location
from tests.backend_helpers import wait_for_notices
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.editing.document import JourneyDocument
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.both_backends

SHARED = "Shared journey"
TEAMMATE_CARDS = 12
STALE = JourneyDocument.stale_message()


@pytest.fixture
def location(library_location: Location) -> Location:
    with Library.open(library_location) as lib:
        lib.create_journey(sample_journey(SHARED))
    return library_location


@pytest.fixture
def two(location: Location) -> Iterator[tuple[Library, Library]]:
    a, b = Library.open(location), Library.open(location)
    yield a, b
    a.close()
    b.close()


def stored(location: Location, journey_id: int) -> Journey:
    with Library.open(location) as lib:
        return lib.load_journey(journey_id)


def titles(location: Location) -> list[str]:
    with Library.open(location) as lib:
        return [info.title for info in lib.list_journeys()]


def add_cards(lib: Library, journey_id: int, count: int = TEAMMATE_CARDS) -> None:
    """A teammate adds `count` cards, each edit on the revision they last read."""
    journey = lib.load_journey(journey_id)
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    for n in range(count):
        lib.add_touchpoint(
            journey_id, phase, lane, f"Teammate's card {n + 1}", expected_revision=lib.revision(journey_id)
        )


# ---------------------------------------------------------------------- core: two Library objects on one library


def test_delete_journey_is_refused_when_someone_else_changed_it(
    two: tuple[Library, Library], location: Location
) -> None:
    a, b = two
    journey_id = a.create_journey(sample_journey("A's new journey"))
    seen = a.revision(journey_id)
    add_cards(b, journey_id)
    before = write_journey(stored(location, journey_id))

    with pytest.raises(StaleEditError):
        a.delete_journey(journey_id, expected_revision=seen)
    assert write_journey(stored(location, journey_id)) == before  # the journey and the teammate's cards stay

    now = a.revision(journey_id)
    removed = a.delete_journey(journey_id, expected_revision=now)  # on the revision it now holds it goes
    assert removed.revision == now
    assert len(removed.touchpoints) == len(sample_journey().touchpoints) + TEAMMATE_CARDS
    assert "A's new journey" not in titles(location)
    with pytest.raises(StaleEditError):  # deleted elsewhere: someone else changed it
        b.delete_journey(journey_id, expected_revision=now)
    with pytest.raises(NotFoundError):
        b.delete_journey(journey_id)


def test_restore_journey_returns_its_revision_and_never_replaces_a_journey_put_back_elsewhere(
    two: tuple[Library, Library], location: Location
) -> None:
    a, b = two
    journey_id = a.create_journey(sample_journey("A's new journey"))
    removed = a.delete_journey(journey_id, expected_revision=a.revision(journey_id))
    revision = b.restore_journey(removed)
    assert revision == a.revision(journey_id)
    add_cards(b, journey_id)
    before = write_journey(stored(location, journey_id))

    with pytest.raises(StaleEditError):
        a.restore_journey(removed)  # the journey is back, with a teammate's work on it
    assert write_journey(stored(location, journey_id)) == before


def test_with_nobody_else_about_journey_steps_undo_and_redo_on_the_revisions_the_library_returns(
    two: tuple[Library, Library], location: Location
) -> None:
    a, _ = two
    journey_id = a.duplicate_journey(a.find_journey(SHARED))
    revision = a.revision(journey_id)
    for _ in range(3):
        removed = a.delete_journey(journey_id, expected_revision=revision)
        revision = a.restore_journey(removed)
        assert stored(location, journey_id) == replace(removed, revision=revision)


# ---------------------------------------------------------------------- the editor: two windows on one library


@pytest.fixture
def windows(qtbot: QtBot, location: Location) -> Iterator[tuple[MainWindow, MainWindow]]:
    # each test says when a window polls
    a, b = open_window(qtbot, location, SHARED, poll=False), open_window(qtbot, location, SHARED, poll=False)
    yield a, b
    for window in (a, b):
        window.change_poll.stop()
        window.close()
    a.library.close()
    b.library.close()


def poll(window: MainWindow) -> None:
    """What the window's timer runs, once every commit so far is known to it."""
    wait_for_notices(window.library)
    window.poll_changes()


def teammate_adds_cards(b: MainWindow, journey_id: int) -> None:
    """Window B notices the journey, opens it and adds twelve cards on the canvas's path (its document)."""
    poll(b)
    b.open_journey(journey_id)
    assert b.document is not None
    assert b.document.journey_id == journey_id
    phase, lane = b.document.journey.phases[0].id, b.document.journey.lanes[0].id
    for n in range(TEAMMATE_CARDS):
        assert b.document.add_touchpoint(phase, lane, f"B's card {n + 1}") is not None


def new_journey(window: MainWindow, title: str, monkeypatch: pytest.MonkeyPatch) -> int:
    def accept(dialog: NewJourneyDialog) -> int:
        dialog.title_field.setText(title)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewJourneyDialog, "exec", accept)
    window.new_journey_action.trigger()
    assert window.document is not None
    assert window.document.journey.title == title
    return window.document.journey_id


def assert_refused(
    window: MainWindow,
    warnings: list[str],
    location: Location,
    journey_id: int,
    step: str,
    cards: int,
    teammates: int = TEAMMATE_CARDS,
) -> None:
    """The undo or redo was refused with the card edits' message, the journey holds the teammate's cards, the
    window shows them, and the refused step is no longer offered (undo or redo)."""
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(step), warnings[0]
    assert STALE in warnings[0]
    assert "The undo history was cleared" in warnings[0]
    in_library = stored(location, journey_id)
    assert len(in_library.touchpoints) == cards
    assert sum(card.title.startswith("B's card") for card in in_library.touchpoints) == teammates
    assert window.document is not None
    assert window.document.journey_id == journey_id  # the map shows the journey, with the teammate's work
    assert write_journey(window.document.journey) == write_journey(in_library)
    assert window.library_editor.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()


def test_undo_of_new_journey_keeps_a_teammates_cards(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = windows
    journey_id = new_journey(a, "Made in A", monkeypatch)
    assert a.document is not None
    template_cards = len(a.document.journey.touchpoints)
    teammate_adds_cards(b, journey_id)

    assert a.undo_action.text() == "&Undo New journey “Made in A”"
    a.undo_action.trigger()  # before A's poll noticed B's cards
    assert_refused(a, warnings, location, journey_id, "Could not undo “New journey “Made in A””", template_cards + 12)


def test_undo_of_duplicate_journey_keeps_a_teammates_cards(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    a.duplicate_journey_action.trigger()
    assert a.document is not None
    copy_id = a.document.journey_id
    assert a.document.journey.title == f"{SHARED} (copy)"
    teammate_adds_cards(b, copy_id)
    poll(a)  # A's map shows B's cards: the undo is refused all the same

    a.undo_group.setActiveStack(a.library_editor.undo_stack)
    assert a.undo_action.text() == f"&Undo Duplicate journey “{SHARED} (copy)”"
    a.undo_action.trigger()
    assert_refused(
        a, warnings, location, copy_id, "Could not undo “Duplicate journey", len(sample_journey().touchpoints) + 12
    )


def test_delete_journey_and_its_redo_keep_a_teammates_cards(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = windows
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert a.document is not None
    journey_id = a.document.journey_id
    cards = len(sample_journey().touchpoints)

    # The delete itself: A's window still shows the journey as it was before B's cards.
    teammate_adds_cards(b, journey_id)
    a.delete_journey_action.trigger()
    assert warnings == [STALE]
    assert SHARED in titles(location)
    assert a.document is not None
    assert len(a.document.journey.touchpoints) == cards + TEAMMATE_CARDS  # the map shows their changes
    assert a.library_editor.undo_stack.count() == 0

    # Redo of a delete after its undo: B works on the journey the undo put back.
    warnings.clear()
    a.delete_journey_action.trigger()  # now A has seen B's cards
    assert SHARED not in titles(location)
    a.undo_action.trigger()
    assert SHARED in titles(location)
    teammate_adds_cards(b, journey_id)
    assert a.redo_action.text() == f"&Redo Delete journey “{SHARED}”"
    a.redo_action.trigger()
    assert_refused(
        a, warnings, location, journey_id, "Could not redo “Delete journey", cards + 24, teammates=2 * TEAMMATE_CARDS
    )


def test_undo_of_rename_journey_keeps_a_teammates_cards(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = windows
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed in A", True))
    a.rename_journey_action.trigger()
    assert a.document is not None
    journey_id = a.document.journey_id
    teammate_adds_cards(b, journey_id)

    assert a.undo_action.text() == f"&Undo Rename journey “{SHARED}”"
    a.undo_action.trigger()
    # The teammate's cards are no part of the rename: the undo puts the title back and keeps their cards.
    assert warnings == []
    in_library = stored(location, journey_id)
    assert in_library.title == SHARED
    assert len(in_library.touchpoints) == len(sample_journey().touchpoints) + TEAMMATE_CARDS
    assert write_journey(a.document.journey) == write_journey(in_library)
    assert not a.undo_action.isEnabled()
    assert a.redo_action.isEnabled()


def test_undo_of_a_copy_into_the_open_library_keeps_a_teammates_cards(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    copy_id = a.copy_journey_to(location)
    assert copy_id is not None
    teammate_adds_cards(b, copy_id)

    assert a.undo_action.text() == f"&Undo Copy journey “{SHARED}”"
    a.undo_action.trigger()
    assert_refused(
        a, warnings, location, copy_id, "Could not undo “Copy journey", len(sample_journey().touchpoints) + 12
    )


def test_journey_steps_undo_and_redo_as_always_when_nobody_else_changed_the_journey(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = windows
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # B has the other journey open and polls: seeing A's steps is no change of them.
    journey_id = new_journey(a, "Made in A", monkeypatch)
    poll(b)
    assert a.document is not None
    phase, lane = a.document.journey.phases[0].id, a.document.journey.lanes[0].id
    for n in range(3):  # A's own cards on the new journey are no one else's change
        assert a.document.add_touchpoint(phase, lane, f"A's card {n + 1}") is not None
    made = stored(location, journey_id)

    library_stack = a.library_editor.undo_stack
    a.undo_group.setActiveStack(library_stack)
    a.undo_action.trigger()  # undo New journey: it goes, with A's cards
    assert "Made in A" not in titles(location)
    a.redo_action.trigger()
    assert write_journey(stored(location, journey_id)) == write_journey(made)
    assert a.document is not None
    assert a.document.journey_id == journey_id
    assert a.document.add_touchpoint(phase, lane, "A's card after the redo") is not None
    poll(b)
    a.undo_group.setActiveStack(library_stack)
    a.undo_action.trigger()
    assert "Made in A" not in titles(location)

    a.open_journey(a.library.find_journey(SHARED))
    a.duplicate_journey_action.trigger()
    a.delete_journey_action.trigger()  # delete the copy
    a.undo_action.trigger()
    a.undo_action.trigger()
    assert titles(location) == [SHARED]
    a.redo_action.trigger()
    a.redo_action.trigger()
    assert titles(location) == [SHARED]
    a.undo_action.trigger()
    assert titles(location) == [SHARED, f"{SHARED} (copy)"]
    assert library_stack.count() == 2
    assert warnings == []

"""A library open in two windows (or a window and another program): the window says so as it opens, and its undo
history keeps every step that the other's edit does not touch, undoing this window's own edit and not theirs. A step
on the same card goes (with what it stands in the way of), and a status bar message that fits says why."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper.editing.parts import Parts, changed_parts
from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.store.location import Location
from tests.backend_helpers import wait_for_notices
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui import i18n
from ui.window.main_window import MainWindow

SHARED = "Shared journey"
OPEN_ELSEWHERE = "This library is also open in another window: edits from there appear here."


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    with i18n.using_language(Language.NL):
        yield


@pytest.fixture
def location(library_location: Location) -> Location:
    with Library.open(library_location) as lib:
        lib.create_journey(sample_journey(SHARED))
    return library_location


def fits_status_bar(window: MainWindow, text: str) -> bool:
    """Whether `text` shows whole in the status bar of a window 1024 px wide (a projector): QStatusBar draws its
    message from 6 px in up to the first of its permanent widgets (zoom, figures, library) that shows."""
    window.resize(1024, 740)
    QApplication.processEvents()
    assert window.width() == 1024
    bar = window.statusBar()
    shown = [w for w in (window.status_zoom, window.status_figures, window.status_library) if w.isVisible()]
    room = min((w.x() for w in shown), default=bar.width()) - 6 - 1
    return QFontMetrics(bar.font()).horizontalAdvance(text) <= room


def poll(window: MainWindow) -> None:
    wait_for_notices(window.library)
    window.poll_changes()


# ---------------------------------------------------------------------- the warning as a library opens


def test_a_second_window_on_a_library_says_it_is_open_elsewhere(qtbot: QtBot, location: Path) -> None:
    first = open_window(qtbot, location, SHARED, poll=False)
    assert first.statusBar().currentMessage() == ""  # alone: nothing to say
    second = open_window(qtbot, location, SHARED, poll=False)
    message = second.statusBar().currentMessage()
    assert message == OPEN_ELSEWHERE
    assert fits_status_bar(second, message)
    for window in (first, second):
        window.close()
        window.library.close()
    third = open_window(qtbot, location, SHARED, poll=False)  # both closed: alone again
    assert third.statusBar().currentMessage() == ""
    third.close()
    third.library.close()


def test_the_warning_is_in_dutch(qtbot: QtBot, location: Path, dutch: None) -> None:
    other = Library.open(location)
    window = open_window(qtbot, location, SHARED, poll=False)
    message = window.statusBar().currentMessage()
    assert message == "Deze bibliotheek is ook open in een ander venster: wijzigingen van daar verschijnen hier."
    assert fits_status_bar(window, message)
    window.close()
    window.library.close()
    other.close()


def _hold_open(path: Path) -> subprocess.Popen[str]:
    """Another cjmapper program with the library open, until killed."""
    code = (
        "import sys, time\nfrom cjmapper.store import Library\n"
        f"lib = Library.open({str(path)!r})\nlib.list_journeys()\nprint('open', flush=True)\ntime.sleep(60)\n"
    )
    program = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert program.stdout is not None
    assert program.stdout.readline().strip() == "open"
    return program


def test_another_program_with_the_library_open_is_seen_and_a_crashed_one_is_not(location: Path) -> None:
    program = _hold_open(location)
    try:
        with Library.open(location) as lib:
            assert lib.shared
    finally:
        program.kill()  # a crash: nothing cleaned up
        program.wait()
        assert program.stdout is not None
        program.stdout.close()
    with Library.open(location) as lib:
        assert not lib.shared  # the locks went with the program: nothing left to go stale


def test_a_new_library_and_a_lone_one_are_not_shared(tmp_path: Path) -> None:
    with Library.open(tmp_path / "new.cjm") as lib:
        assert not lib.shared
    with Library.open(tmp_path / "new.cjm") as lib:
        assert not lib.shared
        with Library.open(tmp_path / "new.cjm") as second:
            assert second.shared


# ---------------------------------------------------------------------- the undo history across the other's edits


@pytest.fixture
def windows(qtbot: QtBot, location: Location) -> Iterator[tuple[MainWindow, MainWindow]]:
    a, b = open_window(qtbot, location, SHARED, poll=False), open_window(qtbot, location, SHARED, poll=False)
    yield a, b
    for window in (a, b):
        window.change_poll.stop()
        window.close()
    a.library.close()
    b.library.close()


def stored_titles(location: Location, journey_id: int) -> dict[int, str]:
    with Library.open(location) as lib:
        return {card.id: card.title for card in lib.load_journey(journey_id).touchpoints}


@pytest.mark.both_backends
def test_an_edit_elsewhere_on_another_card_keeps_the_undo_history(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    mine, theirs = a.document.journey.touchpoints[0], a.document.journey.touchpoints[3]
    assert a.document.update_touchpoint(mine.id, title="Mine, first")
    assert a.document.update_touchpoint(mine.id, notes="My note")
    poll(b)
    assert b.document.update_touchpoint(theirs.id, title="Theirs")
    assert b.document.move_touchpoints([theirs.id], theirs.phase_id, theirs.lane_id, 0)
    poll(a)
    assert a.document.journey.touchpoint(theirs.id).title == "Theirs"  # A shows B's work
    assert a.document.undo_stack.count() == 2  # and keeps its own history
    assert a.statusBar().currentMessage() == "Updated with changes made elsewhere."

    assert a.undo_action.text() == "&Undo Edit notes of card “Mine, first”"
    a.undo_action.trigger()
    a.undo_action.trigger()
    titles = stored_titles(location, a.document.journey_id)
    assert titles[mine.id] == mine.title  # my edits undone
    assert titles[theirs.id] == "Theirs"  # theirs untouched
    assert a.document.journey.touchpoint(mine.id) == mine
    assert a.document.journey.touchpoint(theirs.id).title == "Theirs"
    a.redo_action.trigger()
    assert stored_titles(location, a.document.journey_id)[mine.id] == "Mine, first"
    assert warnings == []


@pytest.mark.both_backends
def test_an_undo_before_the_poll_noticed_the_other_edit_still_undoes_only_mine(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    mine, theirs = a.document.journey.touchpoints[1], a.document.journey.touchpoints[5]
    assert a.document.update_touchpoint(mine.id, title="Mine")
    poll(b)
    assert b.document.delete_touchpoints([theirs.id])
    wait_for_notices(a.library)
    a.undo_action.trigger()  # A's poll has not run: the undo catches up first
    assert warnings == []
    titles = stored_titles(location, a.document.journey_id)
    assert titles[mine.id] == mine.title
    assert theirs.id not in titles
    assert theirs.id not in {card.id for card in a.document.journey.touchpoints}


@pytest.mark.both_backends
def test_an_edit_elsewhere_on_the_same_card_drops_only_the_steps_it_must_and_says_why(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    shared, other = a.document.journey.touchpoints[0], a.document.journey.touchpoints[7]
    assert a.document.update_touchpoint(shared.id, title="A's title")  # the step B's edit touches
    assert a.document.update_touchpoint(other.id, title="A's other card")  # a later one it does not
    poll(b)
    assert b.document.update_touchpoint(shared.id, notes="B's note on the same card")
    poll(a)
    message = a.statusBar().currentMessage()
    assert message == "Undo history shortened: “A's title” was changed in another window."
    assert fits_status_bar(a, message)
    assert a.document.undo_stack.count() == 1
    assert a.undo_action.text() == f"&Undo Rename card “{other.title}”"
    a.undo_action.trigger()
    assert not a.undo_action.isEnabled()  # the step on the shared card is gone: B's note stays
    titles = stored_titles(location, a.document.journey_id)
    assert titles[other.id] == other.title
    assert titles[shared.id] == "A's title"
    assert a.document.journey.touchpoint(shared.id).notes == "B's note on the same card"
    a.redo_action.trigger()  # the kept step redoes as ever
    assert stored_titles(location, a.document.journey_id)[other.id] == "A's other card"
    assert warnings == []


def test_a_redo_step_on_the_card_changed_elsewhere_goes_and_the_undo_steps_stay(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    first, second = a.document.journey.touchpoints[2], a.document.journey.touchpoints[4]
    assert a.document.update_touchpoint(first.id, title="Kept")
    assert a.document.update_touchpoint(second.id, title="Undone, then changed elsewhere")
    a.undo_action.trigger()
    poll(b)
    assert b.document.update_touchpoint(second.id, title="B's")
    poll(a)
    assert a.document.undo_stack.count() == 1
    assert not a.redo_action.isEnabled()
    assert a.statusBar().currentMessage() == "Undo history shortened: “B's” was changed in another window."
    a.undo_action.trigger()
    titles = stored_titles(location, a.document.journey_id)
    assert titles[first.id] == first.title
    assert titles[second.id] == "B's"
    assert warnings == []


def test_a_phase_deleted_elsewhere_clears_the_steps_on_its_cards_with_a_clear_message(
    windows: tuple[MainWindow, MainWindow], warnings: list[str]
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    phase = a.document.journey.phases[0]
    card = next(c for c in a.document.journey.touchpoints if c.phase_id == phase.id)
    assert a.document.update_touchpoint(card.id, title="In the phase B deletes")
    poll(b)
    assert b.document.delete_phase(phase.id)
    poll(a)
    assert a.document.undo_stack.count() == 0
    message = a.statusBar().currentMessage()
    assert message.startswith("Undo history cleared: “")
    assert message.endswith("more were changed in another window.")
    assert fits_status_bar(a, message)
    assert warnings == []


# ---------------------------------------------------------------------- what an edit touches (the core)


def test_changed_parts_name_what_changed_and_meet_only_the_steps_holding_it() -> None:
    before = sample_journey()
    after = sample_journey()
    after.touchpoints[0].title = "Changed"
    after.phases[1] = type(after.phases[1])(after.phases[1].id, "Renamed phase", "", "#000000")
    touched = changed_parts(before, after)
    card = after.touchpoints[0]
    assert touched.cards == {card.id}
    assert touched.cells == {(card.phase_id, card.lane_id)}
    assert touched.phases == {after.phases[1].id}
    assert not touched.phase_order
    assert touched.names == ("Changed", "Renamed phase")
    assert Parts(cards=frozenset({card.id})).meets(touched)
    assert not Parts(cards=frozenset({card.id + 1})).meets(touched)
    assert Parts(cells=frozenset({(card.phase_id, card.lane_id)})).meets(touched)  # an add or a move in that cell
    assert not Parts(cells=frozenset({(3, 2)})).meets(touched)
    assert Parts(phases=frozenset({after.phases[1].id})).meets(touched)
    assert not Parts(fields=frozenset({"title"})).meets(touched)
    assert not Parts().meets(touched)
    assert Parts(everything=True).meets(touched)
    gone = sample_journey()
    del gone.phases[2]
    gone.touchpoints[:] = [t for t in gone.touchpoints if t.phase_id != 3]
    removal = changed_parts(before, gone)
    assert removal.whole_phases == {3}
    assert removal.phase_order
    assert Parts(cells=frozenset({(3, 1)})).meets(removal)  # a card of mine, undone, cannot come back there
    assert not changed_parts(before, sample_journey())


@pytest.mark.parametrize("language", [Language.EN, Language.NL])
def test_the_history_message_fits_the_status_bar_in_both_languages_with_a_long_card_title(
    qtbot: QtBot, location: Path, language: Language
) -> None:
    with i18n.using_language(language):
        a = open_window(qtbot, location, SHARED, poll=False)
        assert a.document is not None
        cards = a.document.journey.touchpoints
        assert a.document.update_touchpoint(cards[0].id, title="A very long card title " * 8)
        assert a.document.update_touchpoint(cards[1].id, title="Kept")
        with Library.open(location) as other:  # another program: it changes the first card and a second one
            revision = other.revision(a.document.journey_id)
            other.update_touchpoints(
                {cards[0].id: {"notes": "theirs"}, cards[2].id: {"notes": "theirs"}}, expected_revision=revision
            )
        a.poll_changes()
        message = a.statusBar().currentMessage()
        assert message.endswith(
            "and 1 more were changed in another window."
            if language == Language.EN
            else "en 1 andere zijn elders gewijzigd."
        )
        assert "…" in message  # the long title is cut
        assert a.document.undo_stack.count() == 1
        assert fits_status_bar(a, message)
        a.close()
        a.library.close()


@pytest.mark.parametrize("library_location", ["postgresql"], indirect=True)
def test_a_second_window_on_a_team_library_says_it_is_open_elsewhere(qtbot: QtBot, location: Location) -> None:
    first = open_window(qtbot, location, SHARED, poll=False)
    assert first.statusBar().currentMessage() == ""
    first.poll_changes()  # the first poll listens to the library: from then on the window is seen by others
    second = open_window(qtbot, location, SHARED, poll=False)
    assert second.statusBar().currentMessage() == OPEN_ELSEWHERE
    second.close()
    second.library.close()
    first.close()
    first.library.close()  # the server lets go of its presence with its connections
    with Library.open(location) as alone:
        assert not alone.shared


def test_a_macro_above_a_dropped_step_is_kept_whole_and_undoes_in_one_step(
    windows: tuple[MainWindow, MainWindow], warnings: list[str], location: Location
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    cards = list(a.document.journey.touchpoints[:4])
    assert a.document.update_touchpoint(cards[0].id, title="Dropped: B changes this card")
    with a.document.macro("Two cards at once"):
        assert a.document.update_touchpoint(cards[1].id, title="Macro 1")
        assert a.document.update_touchpoint(cards[2].id, title="Macro 2")
    assert a.document.update_touchpoint(cards[3].id, title="Undone, kept as redo")
    a.undo_action.trigger()
    poll(b)
    assert b.document.update_touchpoint(cards[0].id, notes="B's")
    poll(a)
    assert a.document.undo_stack.count() == 2  # the macro, and the redo step above it
    assert a.undo_action.text() == "&Undo Two cards at once"
    a.redo_action.trigger()
    assert stored_titles(location, a.document.journey_id)[cards[3].id] == "Undone, kept as redo"
    a.undo_action.trigger()
    a.undo_action.trigger()  # the whole macro in one step
    titles = stored_titles(location, a.document.journey_id)
    assert [titles[c.id] for c in cards[1:4]] == [c.title for c in cards[1:4]]
    assert titles[cards[0].id] == "Dropped: B changes this card"
    assert not a.undo_action.isEnabled()
    assert warnings == []

"""Deleting a journey that cannot be read (a follow-up to issue 12, item 10): a forged or damaged journey in an
otherwise sound library can be deleted, with its phases, lanes, cards and saved versions, in one transaction; the
other journeys, their versions and the library's undo history stay. A journey that reads is refused (the normal
delete, which can be undone, is the way), and so is every change to a damaged (read-only) library file. Through
`Library` on both backends, the command line as a subprocess, and the window.

The forgeries are those of tests/test_forged_rows.py, made behind cjmapper's back the same way."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from cjmapper.errors import EditError, LibraryError, NotFoundError, StaleEditError
from cjmapper.interchange import write_journey
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.store.reading import UNREADABLE_REVISION
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey
from tests.test_forged_rows import FORGERIES, SOUND, Forgery, cjmapper, forge, journey_ids, team_params
from tests.test_recovery import scribble_on_page, touchpoint_leaf_pages
from tests.window_helpers import open_window
from ui import app as ui_app
from ui.window.main_window import MainWindow

TABLES = ("journeys", "phases", "lanes", "touchpoints", "journey_versions")
CHOSEN = [f for f in FORGERIES if not f.name.startswith("a 5 MB")]
"""Every forgery but the slow 5 MB ones (tests/test_forged_rows.py times those)."""


def forgery(name: str) -> Forgery:
    return next(f for f in FORGERIES if f.name == name)


def rows_of(location: Location, journey_id: int) -> dict[str, int]:
    """How many rows of each table belong to the journey, counted as another program would."""
    with raw_connection(location) as conn:
        counts = {
            table: conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :j"), {"j": journey_id}
            ).scalar_one()
            for table, column in ((t, "id" if t == "journeys" else "journey_id") for t in TABLES)
        }
    return {table: int(count) for table, count in counts.items()}


def library_with_versions(location: Location, forgeries: list[Forgery]) -> tuple[dict[str, int], int]:
    """`forged_library`, each journey with a saved version made before the forgery."""
    with Library.open(location) as library:
        sound = library.create_journey(sample_journey(SOUND))
        library.save_version(sound, "Sound version")
        made = {f.name: library.create_journey(sample_journey(f.name, phases=2, lanes=2)) for f in forgeries}
        for journey_id in made.values():
            library.save_version(journey_id, "Before the damage")
        ids = {f.name: journey_ids(library, made[f.name], sound) for f in forgeries}
    for chosen in forgeries:
        forge(location, chosen, ids[chosen.name])
    return made, sound


# ---------------------------------------------------------------------------------------------- Library


@pytest.mark.parametrize(("chosen", "backend"), team_params(CHOSEN))
def test_a_damaged_journey_is_deleted_whole_and_the_rest_stays(
    chosen: Forgery, backend: str, location_of: Callable[[str], Location]
) -> None:
    location = location_of(backend)
    made, sound = library_with_versions(location, [chosen])
    damaged = made[chosen.name]
    with Library.open(location) as library:
        before = write_journey(library.load_journey(sound))
        sound_versions = library.list_versions(sound)
        with pytest.raises(LibraryError, match=f"Journey {damaged}"):
            library.delete_journey(damaged)  # the undoable delete must read it whole: it cannot
        assert rows_of(location, damaged)["journeys"] == 1
        library.delete_damaged_journey(damaged)
        assert [info.id for info in library.list_journeys()] == [sound]
        assert set(library.journey_revisions()) == {sound}
        assert write_journey(library.load_journey(sound)) == before
        assert library.list_versions(sound) == sound_versions
        with pytest.raises(NotFoundError):
            library.delete_damaged_journey(damaged)
    assert rows_of(location, damaged) == dict.fromkeys(TABLES, 0)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_journey_that_reads_is_refused_and_kept(backend: str, location_of: Callable[[str], Location]) -> None:
    location = location_of(backend)
    made, sound = library_with_versions(location, [forgery("score 99")])
    with Library.open(location) as library:
        before = write_journey(library.load_journey(sound))
        with pytest.raises(EditError) as refused:
            library.delete_damaged_journey(sound)
        message = str(refused.value)
        assert "\n" not in message
        assert "can be read" in message, message
        assert write_journey(library.load_journey(sound)) == before
        assert {info.id for info in library.list_journeys()} == {sound, *made.values()}
    assert rows_of(location, sound)["journey_versions"] == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_expected_revision_is_compared_as_the_library_lists_it(
    backend: str, location_of: Callable[[str], Location]
) -> None:
    location = location_of(backend)
    names = ["an unknown language"] + (["a revision as text"] if backend == "sqlite" else [])
    made, _sound = library_with_versions(location, [forgery(name) for name in names])
    with Library.open(location) as library:
        listed = library.journey_revisions()
        for name in names:
            damaged = made[name]
            with pytest.raises(StaleEditError):
                library.delete_damaged_journey(damaged, expected_revision=listed[damaged] + 7)
            assert rows_of(location, damaged)["journeys"] == 1
            library.delete_damaged_journey(damaged, expected_revision=listed[damaged])
            assert rows_of(location, damaged)["journeys"] == 0
            with pytest.raises(StaleEditError):  # gone: someone else deleted it
                library.delete_damaged_journey(damaged, expected_revision=listed[damaged])
    if backend == "sqlite":
        assert listed[made["a revision as text"]] == UNREADABLE_REVISION


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_another_editor_hears_of_the_deletion(backend: str, location_of: Callable[[str], Location]) -> None:
    location = location_of(backend)
    made, sound = library_with_versions(location, [forgery("an unknown framework")])
    damaged = made["an unknown framework"]
    with Library.open(location) as library, Library.open(location) as other:
        counter = other.change_counter()
        assert set(other.journey_revisions()) == {sound, damaged}
        library.delete_damaged_journey(damaged)
        deadline = time.monotonic() + 10
        while other.change_counter() == counter and time.monotonic() < deadline:
            time.sleep(0.05)
        assert set(other.journey_revisions()) == {sound}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_card_of_another_journey_on_the_damaged_journeys_phase_goes_with_it(
    backend: str, location_of: Callable[[str], Location]
) -> None:
    """Journey B's card forged onto a phase of the damaged journey X: deleting X takes that card too (as the
    schema's cascade does), B reads again, and B's revision moves so its editors re-read it."""
    location = location_of(backend)
    made, sound = library_with_versions(location, [forgery("an unknown language")])
    damaged = made["an unknown language"]
    with Library.open(location) as library:
        card = min(t.id for t in library.load_journey(sound).touchpoints)
        revision = library.revision(sound)
    with raw_connection(location) as conn:  # X cannot be read now: its phase as another program finds it
        phase = int(conn.execute(text("SELECT min(id) FROM phases WHERE journey_id = :j"), {"j": damaged}).scalar_one())
    onto = Forgery("B's card on X's phase", "UPDATE touchpoints SET phase_id = :other_phase WHERE id = :card", ())
    forge(location, onto, {"card": card, "other_phase": phase})
    with Library.open(location) as library:
        with pytest.raises(LibraryError, match=f"Journey {sound}"):
            library.load_journey(sound)
        library.delete_damaged_journey(damaged)
        kept = library.load_journey(sound)
        assert card not in {t.id for t in kept.touchpoints}
        assert kept.revision == revision + 1
    assert rows_of(location, damaged) == dict.fromkeys(TABLES, 0)


def test_a_damaged_library_file_refuses_it_and_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "broken.cjm"
    big = sample_journey("Damaged journey", phases=5, lanes=4, cards_per_cell=10)
    for card in big.touchpoints:
        card.notes = "Notes that fill pages. " * 20
    with Library.open(path) as library:
        damaged = library.create_journey(big)
        library.create_journey(sample_journey("Kept"))
    pages = touchpoint_leaf_pages(path)
    scribble_on_page(path, pages[len(pages) // 3])
    before = path.read_bytes()
    with Library.open(path) as library:
        assert library.read_only
        with pytest.raises(LibraryError, match="read-only"):
            library.delete_damaged_journey(damaged)
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------------------- command line


def test_the_command_line_deletes_a_damaged_journey_by_id(tmp_path: Path) -> None:
    path = tmp_path / "forged.cjm"
    names = ["a title that is not UTF-8", "a card position as text", "a revision that is not UTF-8"]
    made, sound = library_with_versions(path, [forgery(name) for name in names])
    for name in names:
        done = cjmapper("--library", str(path), "delete", str(made[name]))
        assert done.returncode == 0, (name, done.stderr)
        assert done.stderr == "", done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) == 1, done.stdout
        assert lines[0].startswith(f"deleted damaged journey {made[name]}"), lines[0]
        assert rows_of(path, made[name]) == dict.fromkeys(TABLES, 0)
    listed = cjmapper("--library", str(path), "list")
    assert [int(line.split("\t")[0]) for line in listed.stdout.splitlines()] == [sound]
    assert rows_of(path, sound)["journey_versions"] == 1


# ---------------------------------------------------------------------------------------------- the window


@pytest.fixture(params=["sqlite", "postgresql"])
def window_on(
    request: pytest.FixtureRequest, qtbot: QtBot, location_of: Callable[[str], Location]
) -> Iterator[tuple[MainWindow, Location, dict[str, int], int]]:
    """The window on a library of a sound journey, one with a forged language (listed as damaged) and one with a
    forged card (listed as usual, refused when opened)."""
    location = location_of(request.param)
    made, sound = library_with_versions(location, [forgery("an unknown language"), forgery("score 99")])
    window = open_window(qtbot, location)
    yield window, location, made, sound
    window.library.close()


def choose_in_list(window: MainWindow, journey_id: int) -> None:
    """Click the journey in the Journeys panel, as a user does."""
    panel = window.library_panel
    row = panel.ids().index(journey_id)
    panel.list.setCurrentIndex(panel.proxy.index(row, 0))


def answering(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer the window's questions with `button`; the questions asked."""
    asked: list[str] = []

    def ask(_parent: object, _title: str, question: str, *_a: object, **_k: object) -> QMessageBox.StandardButton:
        asked.append(question)
        return button

    monkeypatch.setattr(QMessageBox, "question", ask)
    return asked


def test_the_window_deletes_a_chosen_damaged_journey_after_asking(
    window_on: tuple[MainWindow, Location, dict[str, int], int],
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    window, location, made, sound = window_on
    assert window.document is not None
    assert window.document.journey_id == sound
    made_here = window.library_editor.create(sample_journey("Made here"))  # a step on the library's undo stack
    assert made_here is not None
    stack = window.library_editor.undo_stack
    assert stack.count() == 1
    for name in ("an unknown language", "score 99"):
        damaged = made[name]
        warnings.clear()
        choose_in_list(window, damaged)
        assert len(warnings) == 1, warnings  # why it cannot be opened
        assert f"journey {damaged}" in warnings[0].lower(), warnings
        panel = window.library_panel
        assert panel.ids()[panel.list.currentIndex().row()] == damaged  # the list stays on the chosen journey
        assert window.delete_journey_action.isEnabled()
        assert window.document is None
        assert window.centre.currentWidget() is window.empty  # a page that says why, and what can be done
        assert f"Journey {damaged} is damaged" in window.empty.text()
        assert "Delete…" in window.empty.text()

        asked = answering(monkeypatch, QMessageBox.StandardButton.No)
        window.delete_journey_action.trigger()
        assert len(asked) == 1
        assert "cannot be undone" in asked[0], asked[0]
        assert "Export All Journeys" in asked[0], asked[0]
        assert damaged in window.library_panel.ids()
        assert rows_of(location, damaged)["journeys"] == 1

        asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
        window.delete_journey_action.trigger()
        assert len(asked) == 1
        assert damaged not in window.library_panel.ids()
        assert rows_of(location, damaged) == dict.fromkeys(TABLES, 0)
        assert len(warnings) == 1, warnings  # no error
        assert stack.count() == 1  # the library's undo history stays: none of it is about that journey
        assert window.document is not None
    assert sorted(window.library_panel.ids()) == sorted([sound, made_here])
    window.undo_action.trigger()  # the step still undoes
    assert made_here not in window.library_panel.ids()


def test_deleting_a_damaged_journey_the_undo_history_names_clears_that_history(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    """A journey made in this window (a step on the library's undo stack) is damaged by another program and then
    deleted: the step could only be refused now, so the library's history is cleared, without a word of error."""
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        sound = library.create_journey(sample_journey(SOUND))
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    try:
        made_here = window.library_editor.create(sample_journey("Made here"))
        assert made_here is not None
        window.open_journey(sound)
        with Library.open(path) as library:
            ids = journey_ids(library, made_here, sound)
        bumped = "UPDATE journeys SET language = 'xx', revision = revision + 1 WHERE id = :journey"
        forge(path, Forgery("a changed, unknown language", bumped, ()), ids)
        window.poll_changes()
        choose_in_list(window, made_here)
        assert window.delete_journey_action.isEnabled()
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        warnings.clear()
        window.delete_journey_action.trigger()
        assert made_here not in window.library_panel.ids()
        assert window.library_editor.undo_stack.count() == 0
        assert warnings == []
        assert window.library_panel.ids() == [sound]
    finally:
        window.library.close()

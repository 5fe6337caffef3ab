"""Deleting a journey that cannot be read (a follow-up to issue 12, item 10): a forged or damaged journey in an
otherwise sound library can be deleted, with its phases, lanes, cards and saved versions, in one transaction; the
other journeys, their versions and the library's undo history stay. A journey that reads is refused (the normal
delete, which can be undone, is the way), and so is every change to a damaged (read-only) library file. Through
`Library` on both backends, the command line as a subprocess, and the window.

The forgeries are those of tests/test_forged_rows.py, made behind cjmapper's back the same way."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from cjmapper.errors import EditError, LibraryError, NotFoundError, StaleEditError
from cjmapper.interchange import write_journey
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from cjmapper.store.reading import UNREADABLE_REVISION
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey
from tests.test_forged_rows import FORGERIES, SOUND, Forgery, cjmapper, forge, journey_ids
from tests.test_recovery import scribble_on_page, touchpoint_leaf_pages

TABLES = ("journeys", "phases", "lanes", "touchpoints", "journey_versions")
CHOSEN = [f for f in FORGERIES if not f.name.startswith("a 5 MB")]
"""Every forgery but the slow 5 MB ones (tests/test_forged_rows.py times those)."""


def forgery(name: str) -> Forgery:
    return next(f for f in FORGERIES if f.name == name)


def params() -> list[object]:
    found: list[object] = []
    for chosen in CHOSEN:
        found.append(pytest.param(chosen, "sqlite", id=f"file: {chosen.name}"))
        if chosen.team:
            found.append(pytest.param(chosen, "postgresql", id=f"team: {chosen.name}"))
    return found


@pytest.fixture
def location_of(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], Location]:
    def get(backend: str) -> Location:
        if backend == "postgresql":
            found: ServerLocation = request.getfixturevalue("team_location")
            return found
        return tmp_path / "forged.cjm"

    return get


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


@pytest.mark.parametrize(("chosen", "backend"), params())
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

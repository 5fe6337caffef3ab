"""Restoring a version whose ids are not the journey's own (issue 12, item 6): a copied journey's versions hold the
source library's ids. A restore must never insert an id another journey holds, nor one the library never handed
out (PostgreSQL's sequences would hand it out again: teammates' new journeys failed with duplicate keys); the
restore stays exactly undoable, and the library stays usable for everyone afterwards, on a file and on a team
library.

The source library X is a file; the target Y is the test's library (a file, and a team library). X's journey is
made after `pad` journeys made and deleted there, so its ids are chosen to collide with Y's on purpose:
pad 0: they are the ids of Y's own journey; pad 1: those of the copy itself; pad 2: the very next ids Y's id
counters will hand out."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from cjmapper.interchange import write_journey
from cjmapper.model import Touchpoint
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.store.transfer import copy_journey
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey
from ui.editing.document import JourneyDocument

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parent.parent


def make_source(path: Path, pad: int) -> int:
    """Library X with the journey "Copied" (after `pad` journeys made and deleted) and two versions of it, the
    journey edited between them (a card deleted, a card and a phase added); returns the journey's id there."""
    with Library.open(path) as lib:
        for n in range(pad):
            lib.delete_journey(lib.create_journey(sample_journey(f"Pad {n}")))
        journey_id = lib.create_journey(sample_journey("Copied"))
        journey = lib.load_journey(journey_id)
        lib.save_version(journey_id, "Before")
        lib.delete_touchpoints([journey.touchpoints[0].id])
        lib.add_touchpoint(journey_id, journey.phases[1].id, journey.lanes[0].id, "Added", index=0)
        lib.add_phase(journey_id, "Added phase")
        lib.save_version(journey_id, "After")
        lib.update_journey(journey_id, title="Copied now")
    return journey_id


def all_ids(location: Location) -> dict[str, list[int]]:
    with raw_connection(location) as conn:
        return {
            table: sorted(conn.execute(text(f"SELECT id FROM {table}")).scalars())
            for table in ("journeys", "phases", "lanes", "touchpoints")
        }


def use_the_library(lib: Library, journey_ids: list[int]) -> None:
    """What anyone does next: new journeys, and new phases, lanes and cards on every journey."""
    lib.create_journey(sample_journey("Made afterwards"))
    for journey_id in journey_ids:
        journey = lib.load_journey(journey_id)
        lib.add_phase(journey_id, "New phase")
        lane = lib.add_lane(journey_id, "New lane").value
        lib.add_touchpoint(journey_id, journey.phases[0].id, lane.id, "New card")
        lib.add_touchpoint(journey_id, journey.phases[0].id, journey.lanes[0].id, "Another new card")
        lib.duplicate_journey(journey_id)


@pytest.mark.parametrize("pad", [0, 1, 2])
def test_restore_copied_versions_where_ids_collide(library_location: Location, tmp_path: Path, pad: int) -> None:
    source = tmp_path / "x.cjm"
    source_id = make_source(source, pad)
    with Library.open(library_location) as target, Library.open(source) as x:
        own_id = target.create_journey(sample_journey("Own"))
        own = target.load_journey(own_id)
        copy_id = copy_journey(x, source_id, target)
        versions = target.list_versions(copy_id)
        assert [v.name for v in versions] == ["After", "Before"]
        for info in versions:
            wanted = write_journey(target.load_version(info.id))
            before = target.load_journey(copy_id)
            own = target.load_journey(own_id)
            previous = target.restore_version(info.id).value
            restored = target.load_journey(copy_id)
            assert write_journey(restored) == wanted
            assert write_journey(previous) == write_journey(before)
            # Undo and redo (what the window's Restore does): exact, ids and all.
            target.replace_journey_content(previous)
            assert replace(target.load_journey(copy_id), revision=0) == replace(before, revision=0)
            target.replace_journey_content(restored)
            assert replace(target.load_journey(copy_id), revision=0) == replace(restored, revision=0)
            assert target.load_journey(own_id) == own
            # Everyone goes on working: this library object, and a teammate's.
            use_the_library(target, [own_id, copy_id])
            with Library.open(library_location) as teammate:
                use_the_library(teammate, [own_id, copy_id])
        ids = all_ids(library_location)
        assert all(len(found) == len(set(found)) for found in ids.values())
        assert not target.integrity_problems()
        for listed in target.list_journeys():
            target.load_journey(listed.id)


def test_restore_keeps_the_journey_own_ids(library: Library) -> None:
    """A version saved in this library restores with the ids it had, deleted parts included (undo commands hold
    them), and an edit after it gets an id past every one of them."""
    journey_id = library.create_journey(sample_journey())
    journey = library.load_journey(journey_id)
    info = library.save_version(journey_id, "Before")
    library.delete_touchpoints([journey.touchpoints[0].id])
    library.delete_phase(journey.phases[2].id)
    library.restore_version(info.id)
    assert replace(library.load_journey(journey_id), revision=0) == replace(journey, revision=0)
    added = library.add_touchpoint(journey_id, journey.phases[2].id, journey.lanes[0].id, "Later")
    assert added.touchpoint.id > max(t.id for t in journey.touchpoints)


def test_replace_content_never_takes_another_journeys_ids(library: Library) -> None:
    """Content naming ids of another journey, or ids the library never handed out, gets ids of its own; the other
    journey stays whole and new edits work."""
    first = library.create_journey(sample_journey("First"))
    second = library.create_journey(sample_journey("Second"))
    other = library.load_journey(first)
    foreign = replace(other, id=second, title="Second, with the first's ids")
    library.replace_journey_content(foreign)
    assert library.load_journey(first) == other
    got = library.load_journey(second)
    assert write_journey(got) == write_journey(foreign)
    assert not {p.id for p in got.phases} & {p.id for p in other.phases}
    far = 10**6
    shifted = replace(
        foreign,
        phases=[replace(p, id=p.id + far) for p in foreign.phases],
        lanes=[replace(lane, id=lane.id + far) for lane in foreign.lanes],
        touchpoints=[
            replace(t, id=t.id + far, phase_id=t.phase_id + far, lane_id=t.lane_id + far) for t in foreign.touchpoints
        ],
    )
    library.replace_journey_content(shifted)
    got = library.load_journey(second)
    assert write_journey(got) == write_journey(shifted)
    assert max(t.id for t in got.touchpoints) < far
    use_the_library(library, [first, second])


def cli(location: Location, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", "--library", str(location), *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_through_the_command_line(library_location: Location, tmp_path: Path) -> None:
    """`cjmapper copy` (as a program) into a library whose ids collide, then restore each version, and new journeys
    and versions from the command line and from a teammate."""
    source = tmp_path / "x.cjm"
    source_id = make_source(source, 0)
    with Library.open(library_location) as target:
        own_id = target.create_journey(sample_journey("Own"))
    done = cli(source, "copy", str(source_id), "--to", str(library_location))
    assert done.returncode == 0, done.stderr
    copy_id = int(done.stdout)
    listed = cli(library_location, "versions", str(copy_id))
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[1] for line in listed.stdout.splitlines()] == ["After", "Before"]
    with Library.open(library_location) as target:
        for info in target.list_versions(copy_id):
            wanted = write_journey(target.load_version(info.id))
            target.restore_version(info.id)
            assert write_journey(target.load_journey(copy_id)) == wanted
    exported = tmp_path / "before.json"
    done = cli(library_location, "export", str(copy_id), "--version", "Before", "-o", str(exported))
    assert done.returncode == 0, done.stderr
    for _ in range(2):
        done = cli(library_location, "import", str(exported))
        assert done.returncode == 0, done.stderr
    done = cli(library_location, "versions", str(own_id), "--save", "Own version")
    assert done.returncode == 0, done.stderr
    with Library.open(library_location) as teammate:
        use_the_library(teammate, [own_id, copy_id])
        assert len(teammate.list_journeys()) == 7


def test_the_editors_restore_undo_and_redo(qapp: QApplication, library_location: Location, tmp_path: Path) -> None:
    """The editor's Restore (one undo step) of each copied version, undone and redone, with card edits after it
    that undo and redo too; then new work in the journey and in the library."""
    source = tmp_path / "x.cjm"
    source_id = make_source(source, 0)
    with Library.open(library_location) as target, Library.open(source) as x:
        own_id = target.create_journey(sample_journey("Own"))
        copy_id = copy_journey(x, source_id, target)
        document = JourneyDocument(target, copy_id)
        try:
            copied = write_journey(document.journey)
            for info in target.list_versions(copy_id):
                wanted = write_journey(target.load_version(info.id))
                assert document.restore_version(info.id)
                assert write_journey(document.journey) == wanted
                card = document.journey.touchpoints[0]
                assert document.update_touchpoint(card.id, title="Edited after the restore")
                edited = write_journey(document.journey)
                for _ in range(2):
                    document.undo_stack.undo()
                assert write_journey(target.load_journey(copy_id)) == copied
                for _ in range(2):
                    document.undo_stack.redo()
                assert write_journey(target.load_journey(copy_id)) == edited
                assert write_journey(document.journey) == edited
                for _ in range(2):
                    document.undo_stack.undo()
            assert document.add_touchpoint(document.journey.phases[0].id, document.journey.lanes[0].id, "New")
        finally:
            document.deleteLater()
        use_the_library(target, [own_id, copy_id])


def test_a_team_library_left_with_sequences_behind_its_ids_is_mended_on_open(team_location: Location) -> None:
    """A team library where an older cjmapper's restore inserted ids past the sequences (as another program could):
    opening it moves them on, so the next new journey, phase, lane, card and version get ids of their own."""
    with Library.open(team_location) as lib:
        journey_id = lib.create_journey(sample_journey())
        lib.save_version(journey_id, "One")
    with raw_connection(team_location) as conn:
        for table in ("journeys", "phases", "lanes", "touchpoints", "journey_versions"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)"))
    with Library.open(team_location) as lib:
        use_the_library(lib, [journey_id])
        lib.save_version(journey_id, "Two")


def test_every_put_back_under_given_ids_moves_the_id_counters(library: Library) -> None:
    """restore_journey, restore_phase, restore_lane, restore_touchpoints and restore_deleted_version insert ids as
    they are given: when those are ids the library has not handed out yet (here: the very next ones), new rows
    afterwards still get ids of their own."""
    journey_id = library.create_journey(sample_journey())
    journey = library.load_journey(journey_id)
    ahead = 50

    def moved(card: Touchpoint, phase_id: int | None = None, lane_id: int | None = None) -> Touchpoint:
        return replace(card, id=card.id + ahead, phase_id=phase_id or card.phase_id, lane_id=lane_id or card.lane_id)

    phase_removal = library.delete_phase(journey.phases[0].id)
    phase = replace(phase_removal.phase, id=phase_removal.phase.id + ahead)
    library.restore_phase(
        replace(phase_removal, phase=phase, touchpoints=tuple(moved(c, phase.id) for c in phase_removal.touchpoints))
    )
    lane_removal = library.delete_lane(journey.lanes[0].id)
    lane = replace(lane_removal.lane, id=lane_removal.lane.id + ahead)
    cards = tuple(moved(c, None, lane.id) for c in lane_removal.touchpoints if c.phase_id != journey.phases[0].id)
    library.restore_lane(replace(lane_removal, lane=lane, touchpoints=cards))
    [card] = library.delete_touchpoints([journey.touchpoints[-1].id]).value
    library.restore_touchpoints(journey_id, [moved(card)])
    removal = library.delete_version(library.save_version(journey_id, "One").id)
    library.restore_deleted_version(replace(removal, info=replace(removal.info, id=removal.info.id + ahead)))
    removed = library.delete_journey(journey_id)
    shifted = replace(
        removed,
        id=removed.id + ahead,
        phases=[replace(p, id=p.id + ahead) for p in removed.phases],
        lanes=[replace(x, id=x.id + ahead) for x in removed.lanes],
        touchpoints=[moved(t, t.phase_id + ahead, t.lane_id + ahead) for t in removed.touchpoints],
    )
    library.restore_journey(shifted)
    for _ in range(3):
        created = library.create_journey(sample_journey("New"))
        library.save_version(created, "New")
        use_the_library(library, [created, shifted.id])


@pytest.mark.parametrize("pad", [0, 2])
def test_a_copys_versions_hold_the_copys_ids(library_location: Location, tmp_path: Path, pad: int) -> None:
    """A copy's versions name its parts by their ids in the target library (a part the journey no longer had when it
    was copied by an id below 1, which no library hands out), never by the source library's ids: restoring the
    version the journey was copied as changes no id, and restoring an older one keeps the ids of the parts it shares
    with the copy."""
    source = tmp_path / "x.cjm"
    source_id = make_source(source, pad)
    with Library.open(library_location) as target, Library.open(source) as x:
        target.create_journey(sample_journey("Own"))
        copy_id = copy_journey(x, source_id, target)
        copy = target.load_journey(copy_id)
        own = {
            "phases": {p.id for p in copy.phases},
            "lanes": {lane.id for lane in copy.lanes},
            "cards": {t.id for t in copy.touchpoints},
        }
        for info in target.list_versions(copy_id):
            version = target.load_version(info.id)
            held = {
                "phases": {p.id for p in version.phases},
                "lanes": {lane.id for lane in version.lanes},
                "cards": {t.id for t in version.touchpoints},
            }
            for kind, ids in held.items():
                assert {i for i in ids if i > 0} <= own[kind], kind
        after = target.find_version(copy_id, "After")
        target.restore_version(after)
        restored = target.load_journey(copy_id)
        assert (restored.phases, restored.lanes) == (copy.phases, copy.lanes)
        assert {t.id: t.title for t in restored.touchpoints} == {t.id: t.title for t in copy.touchpoints}
        assert write_journey(replace(restored, title=copy.title)) == write_journey(copy)
        target.restore_version(target.find_version(copy_id, "Before"))
        before = target.load_journey(copy_id)
        assert {p.id for p in before.phases} < own["phases"]  # the phase added later is gone, the others kept
        assert len({t.id for t in before.touchpoints} - own["cards"]) == 1  # the card deleted later comes back

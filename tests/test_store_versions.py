"""Named versions of a journey: save, list, load read-only, restore (exactly, and undoably), delete and put back."""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from cjmapper.errors import EditError, LibraryError, NotFoundError
from cjmapper.interchange import write_journey
from cjmapper.model import Journey, LaneKind, Persona
from cjmapper.store import Library, VersionInfo
from cjmapper.store import versions as store_versions
from cjmapper.store.location import Location
from cjmapper.store.tables import TOUCHPOINT_FIELDS
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey

pytestmark = pytest.mark.both_backends


@pytest.fixture
def lib(library: Library) -> Library:
    """The library under test: a file, and (a second run) a team library on PostgreSQL."""
    return library


def overwrite_snapshot(location: Location, version_id: int, snapshot: bytes) -> None:
    """Change a version's stored snapshot behind cjmapper's back, as another program (or damage) would."""
    with raw_connection(location) as conn:
        conn.execute(
            text("UPDATE journey_versions SET snapshot = :snapshot WHERE id = :id"),
            {"snapshot": snapshot, "id": version_id},
        )


@pytest.fixture
def journey(lib: Library) -> Journey:
    return lib.load_journey(lib.create_journey(sample_journey()))


def content(journey: Journey) -> Journey:
    """A journey's content, comparable: cards in id order, revision left out."""
    return replace(journey, revision=0, touchpoints=sorted(journey.touchpoints, key=lambda t: t.id))


def edit_a_lot(lib: Library, journey: Journey) -> None:
    """Change every kind of thing a version holds."""
    lib.update_journey(journey.id, title="After the workshop", persona=Persona("Piet", "Baker"), language="nl")
    lib.update_touchpoint(journey.touchpoints[0].id, title="Renamed", score=1, votes=7)
    lib.delete_touchpoints([journey.touchpoints[1].id])
    lib.add_touchpoint(journey.id, journey.phases[0].id, journey.lanes[0].id, "New card", index=0)
    lib.move_phase(journey.phases[2].id, 0)
    lib.delete_lane(journey.lanes[1].id)
    lib.add_phase(journey.id, "Extra phase")


def test_save_list_and_load(lib: Library, journey: Journey) -> None:
    before = datetime.now(UTC)
    first = lib.save_version(journey.id, "  Before the workshop  ")
    second = lib.save_version(journey.id, "After the workshop")
    assert isinstance(first, VersionInfo)
    assert first.name == "Before the workshop"
    assert first.journey_id == journey.id
    assert first.touchpoints == len(journey.touchpoints)
    assert first.created_at.tzinfo is not None
    assert before - timedelta(seconds=1) <= first.created_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert lib.list_versions(journey.id) == [second, first]  # newest first
    assert lib.version_info(first.id) == first
    loaded = lib.load_version(first.id)
    assert content(loaded) == content(journey)
    assert lib.find_version(journey.id, "Before the workshop") == first.id
    assert lib.find_version(journey.id, str(second.id)) == second.id
    with pytest.raises(NotFoundError):
        lib.find_version(journey.id, "no such version")


def test_a_version_keeps_its_content_while_the_journey_changes(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "Before")
    edit_a_lot(lib, journey)
    assert content(lib.load_version(info.id)) == content(journey)
    assert lib.load_journey(journey.id).title == "After the workshop"


def test_each_version_edit_bumps_the_revision(lib: Library, journey: Journey) -> None:
    revision = lib.revision(journey.id)
    info = lib.save_version(journey.id, "One")
    assert lib.revision(journey.id) == revision + 1
    removal = lib.delete_version(info.id)
    assert lib.revision(journey.id) == revision + 2
    lib.restore_deleted_version(removal)
    assert lib.revision(journey.id) == revision + 3
    lib.restore_version(info.id)
    assert lib.revision(journey.id) == revision + 4


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_bad_names_are_refused(lib: Library, journey: Journey, name: str) -> None:
    with pytest.raises(EditError, match="version name"):
        lib.save_version(journey.id, name)
    assert lib.list_versions(journey.id) == []


def test_names_are_unique_per_journey_ignoring_case(lib: Library, journey: Journey) -> None:
    lib.save_version(journey.id, "Workshop")
    revision = lib.revision(journey.id)
    with pytest.raises(EditError, match="already has a version named 'Workshop'"):
        lib.save_version(journey.id, " workshop ")
    assert lib.revision(journey.id) == revision
    other = lib.create_journey(sample_journey("Other"))
    lib.save_version(other, "Workshop")  # another journey may use the name
    assert lib.save_version(journey.id, "x" * 100).name == "x" * 100


def test_unknown_journey_and_version(lib: Library) -> None:
    with pytest.raises(NotFoundError):
        lib.save_version(999, "v")
    with pytest.raises(NotFoundError):
        lib.list_versions(999)
    for call in (lib.load_version, lib.delete_version, lib.restore_version, lib.version_info):
        with pytest.raises(NotFoundError):
            call(999)


def test_restore_is_exact_and_keeps_ids(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "Before")
    edit_a_lot(lib, journey)
    edited = lib.load_journey(journey.id)
    previous = lib.restore_version(info.id).value
    restored = lib.load_journey(journey.id)
    assert content(restored) == content(journey)  # same ids, sort keys and fields
    assert write_journey(restored) == write_journey(journey)
    assert content(previous) == content(edited)
    # The undo: putting the previous content back is exact too.
    assert content(lib.replace_journey_content(previous).value) == content(journey)
    assert content(lib.load_journey(journey.id)) == content(edited)
    assert write_journey(lib.load_journey(journey.id)) == write_journey(edited)


def test_restore_keeps_other_journeys_and_the_versions(lib: Library, journey: Journey) -> None:
    other = lib.load_journey(lib.create_journey(sample_journey("Other")))
    info = lib.save_version(journey.id, "Before")
    later = lib.save_version(journey.id, "Later")
    lib.restore_version(info.id)
    assert content(lib.load_journey(other.id)) == content(other)
    assert [v.id for v in lib.list_versions(journey.id)] == [later.id, info.id]


def test_edits_after_a_restore_use_fresh_ids(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "Before")
    lib.delete_touchpoints([t.id for t in journey.touchpoints])
    lib.restore_version(info.id)
    added = lib.add_touchpoint(journey.id, journey.phases[0].id, journey.lanes[0].id, "Fresh")
    assert added.touchpoint.id > max(t.id for t in journey.touchpoints)


def test_restore_of_an_empty_version_and_back(lib: Library) -> None:
    empty = Journey(0, "Empty")
    journey_id = lib.create_journey(empty)
    info = lib.save_version(journey_id, "Empty")
    assert info.touchpoints == 0
    lib.add_phase(journey_id, "A phase")
    previous = lib.restore_version(info.id).value
    assert lib.load_journey(journey_id).phases == []
    lib.replace_journey_content(previous)
    assert [p.name for p in lib.load_journey(journey_id).phases] == ["A phase"]


def test_replace_content_checks_like_the_edit_api(lib: Library, journey: Journey) -> None:
    emotions = next(lane for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS)
    bad_card = replace(journey.touchpoints[0], lane_id=emotions.id)
    broken = replace(journey, touchpoints=[bad_card, *journey.touchpoints[1:]])
    with pytest.raises(EditError, match="experience lane"):
        lib.replace_journey_content(broken)
    with pytest.raises(EditError, match="score"):
        lib.replace_journey_content(replace(journey, touchpoints=[replace(journey.touchpoints[0], score=9)]))
    with pytest.raises(EditError, match="phase or lane"):
        lib.replace_journey_content(replace(journey, phases=[]))
    assert content(lib.load_journey(journey.id)) == content(journey)


def test_delete_and_put_back_under_the_same_id(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "Before")
    removal = lib.delete_version(info.id)
    assert removal.info == info
    assert lib.list_versions(journey.id) == []
    lib.restore_deleted_version(removal)
    assert lib.list_versions(journey.id) == [info]
    assert content(lib.load_version(info.id)) == content(journey)
    # A version saved meanwhile under the same name blocks the put-back, with a clear message.
    removal = lib.delete_version(info.id)
    lib.save_version(journey.id, "before")
    with pytest.raises(EditError, match="already has a version"):
        lib.restore_deleted_version(removal)


def test_ids_of_deleted_versions_are_not_reused(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "One")
    lib.delete_version(info.id)
    assert lib.save_version(journey.id, "Two").id > info.id


def test_versions_go_with_their_journey(lib: Library, journey: Journey) -> None:
    lib.save_version(journey.id, "One")
    lib.save_version(journey.id, "Two")
    removed = lib.delete_journey(journey.id)
    with raw_connection(lib.location) as conn:
        assert conn.execute(text("SELECT count(*) FROM journey_versions")).scalar() == 0
    lib.restore_journey(removed)
    assert lib.list_versions(journey.id) == []


def test_survives_reopening(library_location: Location) -> None:
    with Library.open(library_location) as lib:
        journey_id = lib.create_journey(sample_journey())
        info = lib.save_version(journey_id, "Kept")
        expected = content(lib.load_journey(journey_id))
    with Library.open(library_location) as lib:
        assert lib.list_versions(journey_id) == [info]
        assert content(lib.load_version(info.id)) == expected


def test_snapshot_round_trip_keeps_every_field(journey: Journey) -> None:
    journey.touchpoints[0] = replace(
        journey.touchpoints[0], notes="n", channel=None, score=None, expectation="e", owner="o", color="#abcdef"
    )
    journey.phases[0] = replace(journey.phases[0], color=None)
    decoded = store_versions.decode(store_versions.encode(journey), journey.id)
    assert content(decoded) == content(journey)
    no_persona = replace(journey, personas=[])
    assert store_versions.decode(store_versions.encode(no_persona), journey.id).persona is None


@pytest.mark.parametrize(
    "snapshot",
    [
        b"not zlib",
        zlib.compress(b"\xff\xfe"),
        zlib.compress(b"[1, 2]"),
        zlib.compress(b'{"format": "cjmapper.version", "version": 2}'),
        zlib.compress(b'{"format": "cjmapper.version", "version": 1, "title": "t", "persona": null}'),
        zlib.compress(b"{" * 100_000),
        zlib.compress(b"NaN"),
        zlib.compress(b"x" * 1000)[:-4],
    ],
)
def test_a_damaged_snapshot_is_a_clear_library_error(lib: Library, journey: Journey, snapshot: bytes) -> None:
    info = lib.save_version(journey.id, "Before")
    overwrite_snapshot(lib.location, info.id, snapshot)
    with pytest.raises(LibraryError, match="version 'Before' is damaged"):
        lib.load_version(info.id)
    with pytest.raises(LibraryError, match="damaged"):
        lib.restore_version(info.id)
    assert content(lib.load_journey(journey.id)) == content(journey)


def test_a_snapshot_that_unpacks_too_far_is_refused(monkeypatch: pytest.MonkeyPatch, journey: Journey) -> None:
    monkeypatch.setattr(store_versions, "MAX_SNAPSHOT_BYTES", 1000)
    with pytest.raises(LibraryError, match="unpacks to more than"):
        store_versions.decode(zlib.compress(b" " * 5000), journey.id)


def test_restore_rolls_back_whole_when_the_snapshot_breaks_a_rule(lib: Library, journey: Journey) -> None:
    info = lib.save_version(journey.id, "Before")
    bad = replace(journey, touchpoints=[replace(journey.touchpoints[0], title="")])
    overwrite_snapshot(lib.location, info.id, store_versions.encode(bad))
    revision = lib.revision(journey.id)
    with pytest.raises(EditError, match="touchpoint title"):
        lib.restore_version(info.id)
    assert lib.revision(journey.id) == revision
    assert content(lib.load_journey(journey.id)) == content(journey)


# ---------------------------------------------------------------------- snapshot formats


def version_1_snapshot(journey: Journey) -> bytes:
    """A snapshot as cjmapper wrote it up to library format 3 (snapshot version 1: card fields by position)."""
    data = {
        "format": "cjmapper.version",
        "version": 1,
        "title": journey.title,
        "description": journey.description,
        "language": journey.language.value,
        "framework": journey.framework.value,
        "persona": None,
        "phases": [[p.id, p.name, p.description, p.color] for p in journey.phases],
        "lanes": [[lane.id, lane.name, lane.kind.value, lane.color] for lane in journey.lanes],
        "touchpoints": [
            [t.id, t.phase_id, t.lane_id, t.position, t.title, t.notes, t.channel, t.score, t.expectation, t.owner,
             t.color, t.votes]
            for t in journey.touchpoints
        ],
    }  # fmt: skip
    return zlib.compress(json.dumps(data).encode())


def unpacked(snapshot: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(zlib.decompress(snapshot))
    return data


def test_a_version_1_snapshot_still_reads(journey: Journey) -> None:
    journey = replace(journey, personas=[])
    assert content(store_versions.decode(version_1_snapshot(journey), journey.id)) == content(journey)


def test_a_snapshot_names_its_card_fields(journey: Journey) -> None:
    data = unpacked(store_versions.encode(journey))
    assert data["version"] == store_versions.SNAPSHOT_VERSION == 4
    assert data["touchpoint_fields"] == list(TOUCHPOINT_FIELDS)
    assert len(data["touchpoints"][0]) == len(TOUCHPOINT_FIELDS)


def test_a_card_field_a_snapshot_lacks_takes_its_default(journey: Journey) -> None:
    """A snapshot saved before a field existed reads with the field's default (here: one without votes)."""
    journey.touchpoints[0] = replace(journey.touchpoints[0], votes=5)
    data = unpacked(store_versions.encode(journey))
    at = data["touchpoint_fields"].index("votes")
    del data["touchpoint_fields"][at]
    for row in data["touchpoints"]:
        del row[at]
    decoded = store_versions.decode(zlib.compress(json.dumps(data).encode()), journey.id)
    assert [t.votes for t in decoded.touchpoints] == [0] * len(journey.touchpoints)
    assert [t.title for t in decoded.touchpoints] == [t.title for t in journey.touchpoints]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (["id", "phase_id", "lane_id", "position", "title", "mood"], "field 'mood', which this cjmapper does not know"),
        (["id", "phase_id", "lane_id", "position", "notes"], "repeated or incomplete"),
        (["id", "id", "phase_id", "lane_id", "position", "title"], "repeated or incomplete"),
        ([1, 2], "not names"),
    ],
)
def test_a_snapshot_with_unknown_or_missing_card_fields_is_damaged(
    lib: Library, journey: Journey, fields: list[object], problem: str
) -> None:
    info = lib.save_version(journey.id, "Before")
    data = unpacked(store_versions.encode(journey)) | {"touchpoint_fields": fields, "touchpoints": []}
    overwrite_snapshot(lib.location, info.id, zlib.compress(json.dumps(data).encode()))
    with pytest.raises(LibraryError, match=problem):
        lib.load_version(info.id)

"""The library's edit API: each edit is one transaction, validated, and exactly undoable through its inverse."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cjmapper.errors import EditError, NotFoundError
from cjmapper.model import MAX_PHASES, Journey, LaneKind, Persona
from cjmapper.store import Library, Placement
from cjmapper.store.ordering import GAP
from tests.store_helpers import cell_titles, sample_journey

pytestmark = pytest.mark.both_backends


@pytest.fixture
def lib(library: Library) -> Library:
    """The library under test: a file, and (a second run) a team library on PostgreSQL."""
    return library


@pytest.fixture
def journey(lib: Library) -> Journey:
    return lib.load_journey(lib.create_journey(sample_journey()))


def reload(lib: Library, journey: Journey) -> Journey:
    return lib.load_journey(journey.id)


def keys_are_distinct(journey: Journey) -> bool:
    """Every cell's sort keys are distinct, so the card order never depends on ties."""
    return all(len({t.position for t in cards}) == len(cards) for cards in journey.cells().values())


def test_create_and_load_round_trip(lib: Library) -> None:
    source = sample_journey()
    loaded = lib.load_journey(lib.create_journey(source))
    assert loaded.title == source.title
    assert loaded.persona == source.persona
    assert [p.name for p in loaded.phases] == [p.name for p in source.phases]
    assert [(lane.name, lane.kind) for lane in loaded.lanes] == [(lane.name, lane.kind) for lane in source.lanes]
    assert sorted(t.title for t in loaded.touchpoints) == sorted(t.title for t in source.touchpoints)
    assert cell_titles(loaded, 1, 1) == ["Card 2.2.1", "Card 2.2.2"]


def test_add_touchpoint_at_an_index_makes_room(lib: Library, journey: Journey) -> None:
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    addition = lib.add_touchpoint(journey.id, phase, lane, "  Nieuwsbrief  ", index=1, channel="newsletter", score=3)
    card = addition.touchpoint
    assert addition.renumbered.before == addition.renumbered.after == ()
    assert card.title == "Nieuwsbrief"
    after = reload(lib, journey)
    assert cell_titles(after, 0, 0) == ["Card 1.1.1", "Nieuwsbrief", "Card 1.1.2"]
    assert after.touchpoint(card.id).position == card.position
    lib.add_touchpoint(journey.id, phase, lane, "Last")
    lib.add_touchpoint(journey.id, phase, lane, "First", index=0)
    assert cell_titles(reload(lib, journey), 0, 0) == ["First", "Card 1.1.1", "Nieuwsbrief", "Card 1.1.2", "Last"]
    assert after.revision == journey.revision + 1


def test_emotions_lane_holds_no_cards(lib: Library, journey: Journey) -> None:
    emotions = next(lane for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS)
    with pytest.raises(EditError, match="holds no cards"):
        lib.add_touchpoint(journey.id, journey.phases[0].id, emotions.id, "Feeling")
    with pytest.raises(EditError, match="holds no cards"):
        lib.update_lane(journey.lanes[0].id, kind="emotions")
    assert reload(lib, journey) == journey


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "cannot be empty"),
        ({"title": "x" * 201}, "at most 200"),
        ({"score": 6}, "1 to 5"),
        ({"score": True}, "1 to 5"),
        ({"color": "red"}, "#rrggbb"),
        ({"votes": -1}, "from 0 to 1,000,000"),
        ({"owner": "o" * 201}, "at most 200"),
        ({"channel": "c" * 61}, "at most 60"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    lib: Library, journey: Journey, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(EditError, match=message):
        lib.update_touchpoint(journey.touchpoints[0].id, **changes)  # type: ignore[arg-type]
    assert reload(lib, journey) == journey


def test_update_touchpoint_fields(lib: Library, journey: Journey) -> None:
    target = journey.touchpoints[0]
    stored = lib.update_touchpoint(
        target.id, title="Checkout", score=None, color="#E15759", votes=4, notes="R&D <b>", channel="Fax"
    ).value
    assert stored == lib.load_journey(journey.id).touchpoint(target.id)
    assert (stored.title, stored.score, stored.color, stored.votes, stored.notes, stored.channel) == (
        "Checkout", None, "#e15759", 4, "R&D <b>", "Fax",
    )  # fmt: skip
    with pytest.raises(NotFoundError):
        lib.update_touchpoint(10_000, title="x")


def test_move_within_a_cell_and_back(lib: Library, journey: Journey) -> None:
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    first = journey.cell(phase, lane)[0]
    move = lib.move_touchpoints([first.id], phase, lane, 1)
    before, after = move.before, move.after
    assert move.renumbered.after == ()
    assert cell_titles(reload(lib, journey), 0, 0) == ["Card 1.1.2", "Card 1.1.1"]
    assert [(p.touchpoint_id, p.phase_id, p.lane_id) for p in after] == [(first.id, phase, lane)]
    assert [p.position for p in before] == [first.position]
    lib.arrange(before)
    assert cell_titles(reload(lib, journey), 0, 0) == ["Card 1.1.1", "Card 1.1.2"]


def test_multi_move_to_another_cell_keeps_the_given_order(lib: Library, journey: Journey) -> None:
    a = journey.cell(journey.phases[0].id, journey.lanes[0].id)[1]
    b = journey.cell(journey.phases[1].id, journey.lanes[1].id)[0]
    target_phase, target_lane = journey.phases[2].id, journey.lanes[0].id
    before = lib.move_touchpoints([b.id, a.id], target_phase, target_lane, 1).before
    moved = reload(lib, journey)
    assert cell_titles(moved, 2, 0) == ["Card 3.1.1", b.title, a.title, "Card 3.1.2"]
    assert cell_titles(moved, 0, 0) == ["Card 1.1.1"]
    assert keys_are_distinct(moved)
    lib.arrange(before)
    restored = reload(lib, journey)
    assert sorted(restored.touchpoints, key=lambda t: t.id) == sorted(journey.touchpoints, key=lambda t: t.id)


def test_a_move_writes_only_the_moved_cards(lib: Library, journey: Journey) -> None:
    """Gapped sort keys: dropping a card among many others leaves every other card's row untouched."""
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    for i in range(50):
        lib.add_touchpoint(journey.id, phase, lane, f"Filler {i}")
    full = reload(lib, journey)
    mover = full.cell(phase, lane)[-1]
    lib.move_touchpoints([mover.id], phase, lane, 1)
    moved = reload(lib, journey)
    changed = [t.id for t in moved.touchpoints if t != full.touchpoint(t.id)]
    assert changed == [mover.id]
    assert moved.cell(phase, lane)[1].id == mover.id


def test_repeated_drops_into_one_gap_renumber_the_cell_and_keep_order(lib: Library, journey: Journey) -> None:
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    expected = cell_titles(journey, 0, 0)
    for i in range(30):  # each drop halves the gap after the first card: renumbering must kick in
        card = lib.add_touchpoint(journey.id, phase, lane, f"Drop {i}", index=1).touchpoint
        expected.insert(1, card.title)
    after = reload(lib, journey)
    assert cell_titles(after, 0, 0) == expected
    assert keys_are_distinct(after)


def placements(journey: Journey, phase_id: int, lane_id: int) -> dict[int, Placement]:
    """Where each card of a cell stands, by id."""
    return {t.id: Placement(t.id, t.phase_id, t.lane_id, t.position) for t in journey.cell(phase_id, lane_id)}


def test_an_add_into_a_used_up_gap_reports_the_renumbered_cards(lib: Library, journey: Journey) -> None:
    """A gap of 1 between the cell's two cards: adding between them renumbers the cell, and the library says
    exactly which cards got which keys, as a reload shows them."""
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    first, second = journey.cell(phase, lane)
    tight = lib.move_touchpoints([second.id], phase, lane, None)
    assert tight.renumbered.after == ()
    lib.arrange([replace(tight.after[0], position=first.position + 1)])  # no room left between the two
    before = placements(reload(lib, journey), phase, lane)
    addition = lib.add_touchpoint(journey.id, phase, lane, "Squeezed", index=1)
    after = placements(reload(lib, journey), phase, lane)
    renumbered = addition.renumbered
    assert renumbered.after, "the gap had run out: the cell must have been renumbered"
    assert list(renumbered.after) == [after[p.touchpoint_id] for p in renumbered.after]
    assert list(renumbered.before) == [before[p.touchpoint_id] for p in renumbered.before]
    assert [p.touchpoint_id for p in renumbered.before] == [p.touchpoint_id for p in renumbered.after]
    unchanged = {i for i in before if before[i] == after[i]}
    assert {p.touchpoint_id for p in renumbered.after} == set(before) - unchanged
    assert after[addition.touchpoint.id].position == addition.touchpoint.position
    assert [t.title for t in reload(lib, journey).cell(phase, lane)] == [first.title, "Squeezed", second.title]
    assert keys_are_distinct(reload(lib, journey))
    lib.delete_touchpoints([addition.touchpoint.id])
    lib.arrange(renumbered.before)
    assert placements(reload(lib, journey), phase, lane) == before


def test_a_move_into_a_used_up_gap_reports_the_renumbered_cards(lib: Library, journey: Journey) -> None:
    """The same for a move: the placements returned (moved and renumbered) are what a reload shows, and
    arranging the ones from before puts every key back."""
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    for i in range(3):
        lib.add_touchpoint(journey.id, phase, lane, f"Filler {i}")
    cell = reload(lib, journey).cell(phase, lane)
    lib.arrange([Placement(t.id, phase, lane, GAP + rank) for rank, t in enumerate(cell)])  # keys 1024, 1025, ...
    mover = journey.cell(journey.phases[1].id, lane)[0]
    whole = {t.id: t for t in reload(lib, journey).touchpoints}
    move = lib.move_touchpoints([mover.id], phase, lane, 2)
    moved = reload(lib, journey)
    after = placements(moved, phase, lane)
    assert move.renumbered.after, "the gap had run out: the cell must have been renumbered"
    assert list(move.renumbered.after) == [after[p.touchpoint_id] for p in move.renumbered.after]
    assert list(move.after) == [after[mover.id]]
    for p in move.renumbered.before:
        assert (p.phase_id, p.lane_id, p.position) == (phase, lane, whole[p.touchpoint_id].position)
    changed = {t.id for t in moved.touchpoints if t != whole[t.id]}
    assert changed == {mover.id} | {p.touchpoint_id for p in move.renumbered.after}
    assert [t.id for t in moved.cell(phase, lane)] == [cell[0].id, cell[1].id, mover.id, *(t.id for t in cell[2:])]
    lib.arrange([*move.renumbered.before, *move.before])
    assert {t.id: t for t in reload(lib, journey).touchpoints} == whole


def test_delete_and_restore_touchpoints_in_place(lib: Library, journey: Journey) -> None:
    cell = journey.cell(journey.phases[0].id, journey.lanes[0].id)
    removed = lib.delete_touchpoints([cell[0].id]).value
    assert cell_titles(reload(lib, journey), 0, 0) == ["Card 1.1.2"]
    assert keys_are_distinct(reload(lib, journey))
    lib.restore_touchpoints(journey.id, removed)
    assert sorted(reload(lib, journey).touchpoints, key=lambda t: t.id) == sorted(
        journey.touchpoints, key=lambda t: t.id
    )


def test_phase_add_rename_move_delete_restore(lib: Library, journey: Journey) -> None:
    added = lib.add_phase(journey.id, "Loyalty", index=1, color="#59a14f").value
    assert [p.name for p in reload(lib, journey).phases] == ["Phase 1", "Loyalty", "Phase 2", "Phase 3"]
    assert lib.update_phase(added.id, name="Loyaliteit").value.name == "Loyaliteit"
    lib.move_phase(added.id, 3)
    assert [p.name for p in reload(lib, journey).phases] == ["Phase 1", "Phase 2", "Phase 3", "Loyaliteit"]
    with_cards = journey.phases[1]
    removal = lib.delete_phase(with_cards.id)
    assert len(removal.touchpoints) == 4
    after_delete = reload(lib, journey)
    assert with_cards.id not in {t.phase_id for t in after_delete.touchpoints}
    lib.restore_phase(removal)
    restored = reload(lib, journey)
    assert [p.name for p in restored.phases] == ["Phase 1", "Phase 2", "Phase 3", "Loyaliteit"]
    assert sorted(restored.touchpoints, key=lambda t: t.id) == sorted(journey.touchpoints, key=lambda t: t.id)


def test_lane_add_move_delete_restore(lib: Library, journey: Journey) -> None:
    lane = lib.add_lane(journey.id, "Backstage", "backstage", index=0).value
    assert reload(lib, journey).lanes[0] == lane
    lib.move_lane(lane.id, 99)
    assert reload(lib, journey).lanes[-1].id == lane.id
    removal = lib.delete_lane(journey.lanes[0].id)
    assert len(removal.touchpoints) == 6
    lib.restore_lane(removal)
    restored = reload(lib, journey)
    assert restored.lanes[0].name == "Lane 1"
    assert sorted(restored.touchpoints, key=lambda t: t.id) == sorted(journey.touchpoints, key=lambda t: t.id)


def test_structure_limits(lib: Library) -> None:
    small = lib.load_journey(lib.create_journey(sample_journey(phases=1, lanes=1)))
    with pytest.raises(EditError, match="at least one phase"):
        lib.delete_phase(small.phases[0].id)
    lib.delete_lane(small.lanes[1].id)
    with pytest.raises(EditError, match="at least one lane"):
        lib.delete_lane(small.lanes[0].id)
    for i in range(MAX_PHASES - 1):
        lib.add_phase(small.id, f"P{i}")
    with pytest.raises(EditError, match=f"at most {MAX_PHASES}"):
        lib.add_phase(small.id, "One too many")


def test_journey_fields_persona_and_revision(lib: Library, journey: Journey) -> None:
    lib.update_journey(journey.id, title="Klantreis", language="nl", framework="aida", persona=None)
    changed = reload(lib, journey)
    assert (changed.title, changed.language, changed.framework, changed.persona) == ("Klantreis", "nl", "aida", None)
    lib.update_journey(journey.id, persona=Persona("Piet", goals="Snel bestellen"))
    assert reload(lib, journey).persona == Persona("Piet", "", "Snel bestellen", "")
    assert reload(lib, journey).revision == journey.revision + 2
    with pytest.raises(EditError, match="language"):
        lib.update_journey(journey.id, language="de")
    with pytest.raises(EditError, match="framework"):
        lib.update_journey(journey.id, framework="funnel")


def test_delete_restore_and_duplicate_journey(lib: Library, journey: Journey) -> None:
    copy_id = lib.duplicate_journey(journey.id)
    copy = lib.load_journey(copy_id)
    assert copy.title == "Webshop journey (copy)"
    assert len(copy.touchpoints) == len(journey.touchpoints)
    assert not {t.id for t in copy.touchpoints} & {t.id for t in journey.touchpoints}
    removed = lib.delete_journey(journey.id)
    assert [j.id for j in lib.list_journeys()] == [copy_id]
    lib.restore_journey(removed)
    back = lib.load_journey(journey.id)
    assert back.touchpoints == journey.touchpoints
    assert back.phases == journey.phases


def test_find_journey_by_id_or_title(lib: Library, journey: Journey) -> None:
    assert lib.find_journey(str(journey.id)) == journey.id
    assert lib.find_journey("Webshop journey") == journey.id
    lib.create_journey(sample_journey())
    with pytest.raises(NotFoundError, match="2 journeys are titled"):
        lib.find_journey("Webshop journey")
    with pytest.raises(NotFoundError, match="No journey"):
        lib.find_journey("Nope")


def test_list_journeys_counts(lib: Library, journey: Journey) -> None:
    [info] = lib.list_journeys()
    assert (info.id, info.title, info.phases, info.lanes, info.touchpoints) == (journey.id, journey.title, 3, 3, 12)


def test_cards_move_only_within_their_journey(lib: Library, journey: Journey) -> None:
    other = lib.load_journey(lib.create_journey(sample_journey("Other")))
    with pytest.raises(NotFoundError):
        lib.move_touchpoints([journey.touchpoints[0].id], other.phases[0].id, other.lanes[0].id, 0)
    assert reload(lib, journey) == journey


def test_journeys_are_listed_alphabetically_the_same_on_every_backend(lib: Library) -> None:
    """Case and accents aside, then exact text, then id: not the server's collation, which differs by locale."""
    for title in ["Zoo", "éclair", "Eclair", "Éz", "appel", "Appel", "Bakkerij"]:
        lib.create_journey(Journey(0, title))
    assert [j.title for j in lib.list_journeys()] == ["appel", "Appel", "Bakkerij", "Eclair", "éclair", "Éz", "Zoo"]


def test_a_journey_without_a_title_still_sorts() -> None:
    """Only a damaged library has one; listing it must still work, so its other journeys can be rescued."""
    from cjmapper.store.reading import JourneyInfo, _title_order

    damaged = JourneyInfo(7, None, "en", "custom", 1, 1, 0)  # type: ignore[arg-type]
    assert _title_order(damaged) == ("", "", 7)


def test_a_used_up_gap_in_a_long_cell_renumbers_only_the_cards_around_it(lib: Library, journey: Journey) -> None:
    """Forty cards two GAPs apart but for one gap of 1: adding there spreads a few cards around it between the keys of
    the cards just outside them, instead of renumbering the cell (which would give all forty new keys); reported
    exactly, and undone exactly."""
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    lib.add_touchpoints(journey.id, phase, lane, [(f"Filler {i}", {}) for i in range(38)])
    cell = reload(lib, journey).cell(phase, lane)
    keys = [2 * GAP * (rank + 1) for rank in range(len(cell))]
    keys[20] = keys[19] + 1
    lib.arrange([Placement(t.id, phase, lane, key) for t, key in zip(cell, keys, strict=True)])
    before = placements(reload(lib, journey), phase, lane)
    addition = lib.add_touchpoint(journey.id, phase, lane, "Squeezed", index=20)
    after = placements(reload(lib, journey), phase, lane)
    renumbered = addition.renumbered
    assert 0 < len(renumbered.after) < len(cell) // 2  # a few around the place, not the cell
    assert list(renumbered.after) == [after[p.touchpoint_id] for p in renumbered.after]
    assert list(renumbered.before) == [before[p.touchpoint_id] for p in renumbered.before]
    assert {i for i in before if before[i] != after[i]} == {p.touchpoint_id for p in renumbered.after}
    assert all(keys[0] < p.position < keys[-1] for p in renumbered.after)  # within the keys already there
    titles = [t.title for t in reload(lib, journey).cell(phase, lane)]
    assert titles == [t.title for t in cell[:20]] + ["Squeezed"] + [t.title for t in cell[20:]]
    assert keys_are_distinct(reload(lib, journey))
    lib.delete_touchpoints([addition.touchpoint.id])
    lib.arrange(renumbered.before)
    assert placements(reload(lib, journey), phase, lane) == before

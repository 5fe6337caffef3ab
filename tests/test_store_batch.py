"""The batch edits: `update_touchpoints` and `add_touchpoints` do many cards as one edit (one transaction, one
revision, one change notice), all or nothing, on a file and on a team library."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Connection

from cjmapper.errors import EditError, NotFoundError, StaleEditError
from cjmapper.model import Journey, Touchpoint
from cjmapper.store import Library
from cjmapper.store.backend import WRITE_LOCK, JourneyChange
from cjmapper.store.ordering import GAP, Placement
from tests.store_helpers import cell_titles, sample_journey

pytestmark = pytest.mark.both_backends


@pytest.fixture
def lib(library: Library) -> Library:
    return library


@pytest.fixture
def journey(lib: Library) -> Journey:
    return lib.load_journey(lib.create_journey(sample_journey()))


@pytest.fixture
def big(lib: Library) -> Journey:
    """250 cards: 10 in each of 25 cells."""
    return lib.load_journey(lib.create_journey(sample_journey("Big", phases=5, lanes=5, cards_per_cell=10)))


@dataclass
class Writes:
    """What the library committed and announced while watched."""

    commits: int = 0
    notices: list[JourneyChange] = field(default_factory=list)


@pytest.fixture
def writes(lib: Library, monkeypatch: pytest.MonkeyPatch) -> Iterator[Writes]:
    seen = Writes()

    def committed(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITE_LOCK):  # an edit's transaction (a read commits too)
            seen.commits += 1

    announce = lib._backend.announce

    def announced(conn: object, changes: Sequence[JourneyChange]) -> None:
        seen.notices.extend(changes)
        announce(conn, changes)  # type: ignore[arg-type]

    monkeypatch.setattr(lib._backend, "announce", announced)
    event.listen(lib.engine, "commit", committed)
    yield seen
    event.remove(lib.engine, "commit", committed)


def whole(lib: Library) -> list[Journey]:
    """Everything the library holds, to compare before and after a refused edit."""
    return [lib.load_journey(info.id) for info in lib.list_journeys()]


# ---------------------------------------------------------------------- update_touchpoints


def test_update_touchpoints_changes_every_card_in_one_edit(lib: Library, journey: Journey, writes: Writes) -> None:
    a, b, c = journey.touchpoints[:3]
    revision = lib.update_touchpoints(
        {
            a.id: {"title": "  Trimmed  ", "color": "#E15759"},
            b.id: {"score": None, "votes": 3},
            c.id: {"notes": "Rang twice", "channel": "phone", "title": "Called"},
        },
        expected_revision=journey.revision,
    )
    assert revision == journey.revision + 1 == lib.revision(journey.id)
    after = lib.load_journey(journey.id)
    assert after.touchpoint(a.id) == replace(a, title="Trimmed", color="#e15759")  # cleaned as one edit cleans
    assert after.touchpoint(b.id) == replace(b, score=None, votes=3)
    assert after.touchpoint(c.id) == replace(c, notes="Rang twice", channel="phone", title="Called")
    others = [t for t in journey.touchpoints if t.id not in {a.id, b.id, c.id}]
    assert [after.touchpoint(t.id) for t in others] == others
    assert writes.commits == 1
    assert writes.notices == [JourneyChange(journey.id, revision, (a.id, b.id, c.id))]


def test_update_touchpoints_writes_what_update_touchpoint_writes(lib: Library, journey: Journey) -> None:
    """Card by card, the batch stores exactly what the single edit stores from the same fields."""
    fields: dict[str, object] = {"title": " Pay ", "notes": "x" * 10, "owner": " Sales ", "expectation": "Fast"}
    first, second = journey.touchpoints[:2]
    single = lib.update_touchpoint(first.id, **fields).value  # type: ignore[arg-type]
    lib.update_touchpoints({second.id: fields})
    stored = lib.load_journey(journey.id).touchpoint(second.id)
    assert {name: getattr(stored, name) for name in fields} == {name: getattr(single, name) for name in fields}
    assert stored == replace(second, **{name: getattr(single, name) for name in fields})


def test_a_bad_value_in_the_200th_card_leaves_the_library_untouched(lib: Library, big: Journey, writes: Writes) -> None:
    before = whole(lib)
    changes: dict[int, dict[str, object]] = {card.id: {"title": f"New {card.id}"} for card in big.touchpoints}
    changes[big.touchpoints[199].id] = {"title": "Fine", "score": 9}
    with pytest.raises(EditError, match="score"):
        lib.update_touchpoints(changes, expected_revision=big.revision)
    assert whole(lib) == before
    assert writes.commits == 0
    assert writes.notices == []


def test_update_touchpoints_refuses_a_stale_revision(lib: Library, journey: Journey) -> None:
    lib.update_journey(journey.id, title="Someone else's edit")
    before = whole(lib)
    with pytest.raises(StaleEditError):
        lib.update_touchpoints({journey.touchpoints[0].id: {"title": "Mine"}}, expected_revision=journey.revision)
    assert whole(lib) == before


def test_update_touchpoints_refuses_cards_of_two_journeys(lib: Library, journey: Journey) -> None:
    other = lib.load_journey(lib.create_journey(sample_journey("Other")))
    before = whole(lib)
    with pytest.raises(EditError, match="different journeys"):
        lib.update_touchpoints({journey.touchpoints[0].id: {"votes": 1}, other.touchpoints[0].id: {"votes": 1}})
    with pytest.raises(NotFoundError):
        lib.update_touchpoints({journey.touchpoints[0].id: {"votes": 1}, 999_999: {"votes": 1}})
    with pytest.raises(EditError):
        lib.update_touchpoints({})
    with pytest.raises(TypeError, match="position"):
        lib.update_touchpoints({journey.touchpoints[0].id: {"position": 1}})
    assert whole(lib) == before


# ---------------------------------------------------------------------- add_touchpoints


def added_one_by_one(
    lib: Library, journey: Journey, cards: Sequence[tuple[str, dict[str, object]]], index: int | None
) -> Journey:
    """What adding the cards one after another at index, index + 1, ... leaves in the journey's first cell."""
    cell = journey.phases[0].id, journey.lanes[0].id
    for offset, (title, fields) in enumerate(cards):
        at = None if index is None else index + offset
        lib.add_touchpoint(journey.id, *cell, title, index=at, **fields)  # type: ignore[arg-type]
    return lib.load_journey(journey.id)


CARDS: list[tuple[str, dict[str, object]]] = [
    (" Asks for a quote ", {"score": 4, "channel": "phone"}),
    ("Reads the reviews", {"notes": "On the web", "color": "#59A14F"}),
    ("Signs", {"votes": 2, "owner": "Sales", "expectation": "Quick"}),
]


@pytest.mark.parametrize("index", [0, 1, 2, 99, None])
def test_add_touchpoints_is_adding_them_one_after_another(lib: Library, index: int | None, writes: Writes) -> None:
    batch = lib.load_journey(lib.create_journey(sample_journey("Batch")))
    single = lib.load_journey(lib.create_journey(sample_journey("Single")))
    commits, notices = writes.commits, len(writes.notices)
    cell = batch.phases[0].id, batch.lanes[0].id
    additions = lib.add_touchpoints(batch.id, *cell, CARDS, index=index, expected_revision=batch.revision)
    assert writes.commits == commits + 1
    assert writes.notices[notices:] == [
        JourneyChange(
            batch.id,
            additions.revision,
            (*(t.id for t in additions.touchpoints), *(p.touchpoint_id for p in additions.renumbered.after)),
        )
    ]
    assert additions.revision == batch.revision + 1 == lib.revision(batch.id)
    after = lib.load_journey(batch.id)
    expected = added_one_by_one(lib, single, CARDS, index)
    assert cell_titles(after, 0, 0) == cell_titles(expected, 0, 0)
    assert [t.title for t in additions.touchpoints] == ["Asks for a quote", "Reads the reviews", "Signs"]
    assert [after.touchpoint(t.id) for t in additions.touchpoints] == list(additions.touchpoints)

    def fields(card: Touchpoint) -> Touchpoint:
        return replace(card, id=0, phase_id=0, lane_id=0, position=0)

    new_single = sorted(set(t.id for t in expected.touchpoints) - set(t.id for t in single.touchpoints))
    assert [fields(t) for t in additions.touchpoints] == [fields(expected.touchpoint(i)) for i in new_single]


def test_add_touchpoints_into_a_used_up_gap_renumbers_once_and_undoes_exactly(lib: Library, journey: Journey) -> None:
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    first, second = journey.cell(phase, lane)
    lib.arrange([Placement(first.id, phase, lane, GAP), Placement(second.id, phase, lane, GAP + 2)])
    tight = lib.load_journey(journey.id)
    additions = lib.add_touchpoints(journey.id, phase, lane, [("One", {}), ("Two", {}), ("Three", {})], index=1)
    assert [p.touchpoint_id for p in additions.renumbered.before] == [
        p.touchpoint_id for p in additions.renumbered.after
    ]
    assert additions.renumbered.before  # the gap of 1 could not hold three cards
    assert cell_titles(lib.load_journey(journey.id), 0, 0) == [first.title, "One", "Two", "Three", second.title]
    lib.delete_touchpoints([t.id for t in additions.touchpoints])
    lib.arrange(additions.renumbered.before)
    assert lib.load_journey(journey.id).touchpoints == tight.touchpoints


def test_add_touchpoints_with_a_bad_200th_card_adds_none(lib: Library, big: Journey, writes: Writes) -> None:
    before = whole(lib)
    cards: list[tuple[str, dict[str, object]]] = [(f"Card {n}", {"score": n % 5 + 1}) for n in range(250)]
    cards[199] = ("Card 199", {"color": "red"})
    with pytest.raises(EditError, match="colour"):
        lib.add_touchpoints(big.id, big.phases[0].id, big.lanes[0].id, cards)
    cards[199] = ("   ", {})
    with pytest.raises(EditError):
        lib.add_touchpoints(big.id, big.phases[0].id, big.lanes[0].id, cards)
    assert whole(lib) == before
    assert writes.commits == 0


def test_add_touchpoints_refusals_change_nothing(lib: Library, journey: Journey) -> None:
    other = lib.load_journey(lib.create_journey(sample_journey("Other")))
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    emotions = next(lane.id for lane in journey.lanes if not lane.kind.holds_cards)
    lib.update_journey(journey.id, title="Someone else's edit")
    before = whole(lib)
    card: list[tuple[str, dict[str, object]]] = [("A card", {})]
    with pytest.raises(StaleEditError):
        lib.add_touchpoints(journey.id, phase, lane, card, expected_revision=journey.revision)
    with pytest.raises(NotFoundError):
        lib.add_touchpoints(journey.id, other.phases[0].id, lane, card)
    with pytest.raises(EditError, match="experience"):
        lib.add_touchpoints(journey.id, phase, emotions, card)
    with pytest.raises(EditError):
        lib.add_touchpoints(journey.id, phase, lane, [])
    with pytest.raises(TypeError, match="phase_id"):
        lib.add_touchpoints(journey.id, phase, lane, [("A card", {"phase_id": phase})])
    assert whole(lib) == before

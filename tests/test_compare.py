"""Comparing two versions of a journey (cjmapper.compare) and its wording (cjmapper.compare_words)."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper import messages
from cjmapper.card_fields import FIELDS
from cjmapper.compare import compare, shown_journey
from cjmapper.compare_words import as_json, lines, summary_lines
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Language, Phase, Touchpoint

TITLES = st.text(alphabet="abcdefgh XYZ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")


def _value(kind: str) -> st.SearchStrategy[Any]:
    return {
        "title": TITLES,
        "text": st.text(alphabet="abc \n", max_size=20),
        "channel": st.one_of(st.none(), st.sampled_from(["website", "phone", "e-mail"])),
        "score": st.one_of(st.none(), st.integers(1, 5)),
        "colour": st.one_of(st.none(), st.sampled_from(["#aa0000", "#00bb00", "#0000cc"])),
        "votes": st.integers(0, 20),
        "status": st.one_of(st.none(), st.sampled_from(list(CardStatus))),
        "place": st.one_of(st.none(), st.integers(0, 100)),
    }[kind]


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    phases = [Phase(i + 1, f"Phase {i + 1}") for i in range(draw(st.integers(1, 4)))]
    lanes = [Lane(10 + i, f"Lane {i + 1}") for i in range(draw(st.integers(1, 3)))]
    lanes.append(Lane(99, "Experience", LaneKind.EMOTIONS))
    cards: list[Touchpoint] = []
    count: dict[tuple[int, int], int] = {}
    for i in range(draw(st.integers(0, 25))):
        phase = draw(st.sampled_from(phases)).id
        lane = draw(st.sampled_from(lanes[:-1])).id
        values = {f.name: draw(_value(f.kind)) for f in FIELDS}
        position = count.get((phase, lane), 0)
        count[(phase, lane)] = position + 1
        cards.append(Touchpoint(100 + i, phase, lane, position, **values))
    return Journey(1, "Journey", phases=phases, lanes=lanes, touchpoints=cards)


@given(journeys())
@settings(max_examples=60, deadline=None)
def test_a_journey_compared_with_itself_or_a_copy_has_no_differences(journey: Journey) -> None:
    assert compare(journey, journey).empty
    assert compare(journey, copy.deepcopy(journey)).empty
    assert lines(compare(journey, journey)) == []


@given(journeys())
@settings(max_examples=60, deadline=None)
def test_a_journey_imported_again_with_other_ids_has_no_differences(journey: Journey) -> None:
    """Every id differs (as after an import, or a version from another library): parts match by name, cards by
    their cell and title."""
    phase_ids = {p.id: p.id + 1000 for p in journey.phases}
    lane_ids = {lane.id: lane.id + 1000 for lane in journey.lanes}
    again = Journey(
        2,
        journey.title,
        phases=[replace(p, id=phase_ids[p.id], name=p.name.upper()) for p in journey.phases],
        lanes=[replace(lane, id=lane_ids[lane.id]) for lane in journey.lanes],
        touchpoints=[
            replace(t, id=t.id + 5000, phase_id=phase_ids[t.phase_id], lane_id=lane_ids[t.lane_id])
            for t in journey.touchpoints
        ],
    )
    found = compare(journey, again)
    assert not found.cards
    assert not found.lanes
    assert all(d.kind == "renamed" for d in found.phases)  # upper case: the same phase, renamed
    assert len(found.card_map) == len(journey.touchpoints)


@given(journeys(), st.data())
@settings(max_examples=100, deadline=None)
def test_every_random_edit_is_reported(journey: Journey, data: st.DataObject) -> None:
    after = copy.deepcopy(journey)
    cards = list(after.touchpoints)
    chosen = data.draw(st.permutations(cards)) if cards else []
    n = len(chosen)
    removed = {c.id for c in chosen[: n // 4]}
    moved: set[int] = set()
    changed: dict[int, set[str]] = {}
    cells = [(p.id, lane.id) for p in after.phases for lane in after.lanes if lane.kind is not LaneKind.EMOTIONS]
    for card in chosen[n // 4 : n // 2]:
        phase, lane = data.draw(st.sampled_from(cells))
        if (phase, lane) != (card.phase_id, card.lane_id):
            moved.add(card.id)
        card.phase_id, card.lane_id, card.position = phase, lane, 1000 + card.id
    for card in chosen[n // 2 :]:
        for f in data.draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique_by=lambda f: f.name)):
            value = data.draw(_value(f.kind))
            if value != getattr(card, f.name):
                setattr(card, f.name, value)
                changed.setdefault(card.id, set()).add(f.name)
    after.touchpoints = [c for c in cards if c.id not in removed]
    added = {9000 + i for i in range(data.draw(st.integers(0, 3)))}
    for i, new_id in enumerate(sorted(added)):
        after.touchpoints.append(Touchpoint(new_id, after.phases[0].id, after.lanes[0].id, 2000 + i, f"New {i}"))

    found = compare(journey, after)
    assert {d.card.id for d in found.of_kind("removed")} == removed
    assert {d.card.id for d in found.of_kind("added")} == added
    assert {d.card.id for d in found.cards if d.moved} == moved
    assert {d.card.id: {c.name for c in d.changes} for d in found.cards if d.changes} == changed
    summary = found.summary
    assert (summary.added, summary.removed, summary.moved, summary.changed) == (
        len(added),
        len(removed),
        len(moved),
        len(changed),
    )
    assert len(lines(found)) == len(added) + len(removed) + len(moved) + sum(map(len, changed.values()))


def _two_versions() -> tuple[Journey, Journey]:
    before = Journey(
        1,
        "Installer",
        phases=[Phase(1, "Orientation"), Phase(2, "Quote"), Phase(3, "Old phase")],
        lanes=[Lane(1, "Touchpoints"), Lane(2, "Pain points", LaneKind.PAIN_POINTS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, "Website visit", score=2),
            Touchpoint(2, 1, 1, 1, "Phone call", score=4, status=CardStatus.OPEN),
            Touchpoint(3, 2, 1, 0, "Quote by e-mail", score=3),
            Touchpoint(4, 2, 2, 0, "Waiting for the quote"),
        ],
    )
    after = Journey(
        1,
        "Installer",
        phases=[Phase(1, "Orientation"), Phase(2, "Offerte"), Phase(7, "Installation")],
        lanes=[Lane(1, "Touchpoints"), Lane(2, "Pain points", LaneKind.PAIN_POINTS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, "Website visit", score=4),
            Touchpoint(2, 1, 1, 1, "Phone call", score=4, status=CardStatus.IN_PROGRESS),
            Touchpoint(3, 2, 2, 0, "Quote by e-mail", score=3),
            Touchpoint(5, 7, 1, 0, "Fitting day"),
        ],
    )
    return before, after


def test_lines_say_each_difference_as_a_user_reads_it() -> None:
    before, after = _two_versions()
    found = compare(before, after)
    assert lines(found) == [
        "~ phase: Quote -> Offerte",
        "- phase: Old phase",
        "+ phase: Installation",
        "~ Website visit: score: 2 -> 4",
        "~ Phone call: status: open -> in progress",
        "- Waiting for the quote",
        "> Quote by e-mail: moved from Quote/Touchpoints to Offerte/Pain points",
        "+ Fitting day",
    ]
    assert summary_lines(found) == [
        "1 added, 1 removed, 2 changed, 1 moved",
        "Orientation: average score 3.0 -> 4.0",
        "Offerte: average score 3.0 -> 3.0",
        "Installation: average score – -> –",
        "Old phase: average score – -> –",
    ]


def test_lines_in_dutch() -> None:
    before, after = _two_versions()
    previous = messages.use_language(Language.NL)
    try:
        found = compare(before, after)
        text = lines(found)
        summary = summary_lines(found)
    finally:
        messages.use_language(previous)
    assert "~ Phone call: status: open -> bezig" in text
    assert "> Quote by e-mail: verplaatst van Quote/Touchpoints naar Offerte/Pain points" in text
    assert "~ fase: Quote -> Offerte" in text
    assert summary[:2] == [
        "1 toegevoegd, 1 verwijderd, 2 gewijzigd, 1 verplaatst",
        "Orientation: gemiddelde score 3,0 -> 4,0",
    ]


def test_json_holds_the_values_themselves() -> None:
    before, after = _two_versions()
    data = as_json(compare(before, after), "voor", None)
    assert (data["format"], data["version"], data["from"], data["to"]) == ("cjmapper.diff", 1, "voor", None)
    phone = next(c for c in data["cards"] if c["title"] == "Phone call")
    assert phone["kind"] == "changed"
    assert phone["changes"] == [{"field": "status", "before": "open", "after": "in-progress"}]
    moved = next(c for c in data["cards"] if c["kind"] == "moved")
    assert (moved["before"]["lane"], moved["after"]["lane"], moved["after"]["phase"]) == (
        "Touchpoints",
        "Pain points",
        "Offerte",
    )
    assert data["summary"]["phases"][0] == {"phase": "Orientation", "before": 3.0, "after": 4.0}


def test_a_restored_card_with_another_id_matches_by_its_cell_and_title() -> None:
    before, after = _two_versions()
    after.touchpoints[0] = replace(after.touchpoints[0], id=77, title="website VISIT")
    found = compare(before, after)
    visit = [d for d in found.cards if d.card.title.casefold() == "website visit"]
    assert len(visit) == 1
    assert visit[0].kind == "changed"
    assert [c.name for c in visit[0].changes] == ["title", "score"]


@given(journeys(), st.data())
@settings(max_examples=60, deadline=None)
def test_the_shown_map_holds_the_journey_after_and_what_was_removed(journey: Journey, data: st.DataObject) -> None:
    after = copy.deepcopy(journey)
    ids = [c.id for c in journey.touchpoints]
    gone = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
    after.touchpoints = [c for c in after.touchpoints if c.id not in gone]
    if len(after.phases) > 1 and data.draw(st.booleans()):  # a phase goes, with its cards
        dropped = after.phases.pop(0).id
        gone |= {c.id for c in after.touchpoints if c.phase_id == dropped}
        after.touchpoints = [c for c in after.touchpoints if c.phase_id != dropped]
    shown = shown_journey(compare(journey, after))
    assert sorted(c.id for c in shown.touchpoints) == sorted(c.id for c in journey.touchpoints)
    assert [p.id for p in shown.phases] == [p.id for p in journey.phases]  # a removed phase where it was
    kept = {c.id: c for c in after.touchpoints}
    for card in shown.touchpoints:
        original = journey.touchpoint(card.id)
        assert (card.phase_id, card.lane_id) == (original.phase_id, original.lane_id)
        assert card.id in kept or card.id in gone
    for cell in shown.cells().values():
        assert [c.position for c in cell] == list(range(len(cell)))

"""More cards than a gap's keys (GAP = 1024) added or moved between two cards: the cell makes room for them all."""

from __future__ import annotations

from pathlib import Path

from cjmapper.model import Journey, Lane, Phase, Touchpoint
from cjmapper.store.library import Library
from cjmapper.store.ordering import GAP


def _library(tmp_path: Path) -> tuple[Library, Journey]:
    library = Library.open(tmp_path / "many.cjmlib")
    journey = Journey(
        0,
        "Many",
        phases=[Phase(1, "One"), Phase(2, "Two")],
        lanes=[Lane(1, "Lane")],
        touchpoints=[Touchpoint(1, 1, 1, 0, "A"), Touchpoint(2, 1, 1, 1, "B"), Touchpoint(3, 2, 1, 0, "C")],
    )
    journey_id = library.create_journey(journey)
    return library, library.load_journey(journey_id)


def _titles(library: Library, journey: Journey, phase_id: int) -> list[str]:
    cards = [t for t in library.load_journey(journey.id).touchpoints if t.phase_id == phase_id]
    return [t.title for t in sorted(cards, key=lambda t: (t.position, t.id))]


def test_adding_more_cards_than_a_gap_holds_between_two_cards(tmp_path: Path) -> None:
    library, journey = _library(tmp_path)
    phase, lane = journey.phases[0].id, journey.lanes[0].id
    titles = [f"N{i}" for i in range(GAP + 76)]
    try:
        library.add_touchpoints(journey.id, phase, lane, [(title, {}) for title in titles], index=1)
        assert _titles(library, journey, phase) == ["A", *titles, "B"]
    finally:
        library.close()


def test_moving_more_cards_than_a_gap_holds_between_two_cards_and_back(tmp_path: Path) -> None:
    library, journey = _library(tmp_path)
    one, two, lane = journey.phases[0].id, journey.phases[1].id, journey.lanes[0].id
    try:
        titles = [f"N{i}" for i in range(GAP + 76)]
        added = library.add_touchpoints(journey.id, two, lane, [(title, {}) for title in titles])
        ids = [card.id for card in added.touchpoints]
        move = library.move_touchpoints(ids, one, lane, 1)
        assert _titles(library, journey, one) == ["A", *titles, "B"]
        library.arrange([*move.renumbered.before, *move.before])  # the undo
        assert _titles(library, journey, one) == ["A", "B"]
        assert _titles(library, journey, two) == ["C", *titles]
    finally:
        library.close()

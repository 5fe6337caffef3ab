"""Builders shared by the store, CLI and benchmark tests."""

from __future__ import annotations

from pathlib import Path

from cjmapper.model import Journey, Lane, LaneKind, Persona, Phase, Touchpoint


def sample_journey(
    title: str = "Webshop journey", *, phases: int = 3, lanes: int = 2, cards_per_cell: int = 2
) -> Journey:
    """A journey with `phases` x `lanes` card cells (plus an emotions lane) and a few scored cards in each."""
    journey = Journey(
        id=0,
        title=title,
        description="A sample",
        personas=[Persona("Sanne", "Owns a bakery", "Sell online", "Slow delivery")],
        phases=[Phase(i + 1, f"Phase {i + 1}", f"About phase {i + 1}", "#4e79a7") for i in range(phases)],
        lanes=[Lane(i + 1, f"Lane {i + 1}", LaneKind.TOUCHPOINTS) for i in range(lanes)]
        + [Lane(lanes + 1, "Experience", LaneKind.EMOTIONS)],
    )
    card_id = 1
    for p in range(phases):
        for lane in range(lanes):
            for position in range(cards_per_cell):
                journey.touchpoints.append(
                    Touchpoint(
                        card_id,
                        p + 1,
                        lane + 1,
                        position,
                        f"Card {p + 1}.{lane + 1}.{position + 1}",
                        channel="website",
                        score=(card_id % 5) + 1,
                    )
                )
                card_id += 1
    return journey


def cell_titles(journey: Journey, phase_index: int, lane_index: int) -> list[str]:
    return [t.title for t in journey.cell(journey.phases[phase_index].id, journey.lanes[lane_index].id)]


def snapshot(path: Path) -> bytes:
    return path.read_bytes()

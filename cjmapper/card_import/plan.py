"""What a card import writes: the phases and lanes it creates and the cards it adds, each card in an existing phase
and lane (by id) or a new one (by its name in the plan's new ones). Plain values, no store and no Qt: the preview
(`cjmapper.card_import.sheet`) makes a plan, the library (`Library.import_cards`) applies it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint


@dataclass(frozen=True, slots=True)
class PlannedCard:
    phase: int | str
    """An existing phase's id, or the name of one of the plan's `new_phases`."""
    lane: int | str
    """An existing lane's id, or the name of one of the plan's `new_lanes`."""
    title: str
    fields: Mapping[str, object] = field(default_factory=dict)
    """The card's other fields by name (`cjmapper.card_fields`), already through their rules."""


@dataclass(frozen=True, slots=True)
class ImportPlan:
    new_phases: tuple[str, ...]
    """Phases to add after the journey's own, in this order."""
    new_lanes: tuple[str, ...]
    """Card lanes to add after the journey's own, in this order."""
    cards: tuple[PlannedCard, ...]
    """The cards, in the file's order: each lands at the end of its cell."""


@dataclass(frozen=True, slots=True)
class CardImport:
    """What `Library.import_cards` wrote (what `remove_card_import` takes back): the new phases', lanes' and cards'
    ids, and the journey's revision after it."""

    journey_id: int
    phase_ids: tuple[int, ...]
    lane_ids: tuple[int, ...]
    card_ids: tuple[int, ...]
    revision: int


def applied(journey: Journey, plan: ImportPlan) -> Journey:
    """A copy of `journey` (one not in a library yet: a new journey from a template) holding the plan's new phases,
    lanes and cards, each card after the cell's own; what `Library.create_journey` stores in one transaction. Ids
    are references inside the copy (the library gives its own)."""
    phase_ids = {name: -(i + 1) for i, name in enumerate(plan.new_phases)}
    lane_ids = {name: -(i + 1) for i, name in enumerate(plan.new_lanes)}
    base = max((c.id for c in journey.touchpoints), default=0)
    cells: dict[tuple[int, int], int] = {}
    for card in journey.touchpoints:
        cell = (card.phase_id, card.lane_id)
        cells[cell] = max(cells.get(cell, 0), card.position + 1)
    cards = list(journey.touchpoints)
    for number, planned in enumerate(plan.cards, start=1):
        phase = planned.phase if isinstance(planned.phase, int) else phase_ids[planned.phase]
        lane = planned.lane if isinstance(planned.lane, int) else lane_ids[planned.lane]
        position = cells.get((phase, lane), 0)
        cells[(phase, lane)] = position + 1
        fields: dict[str, Any] = dict(planned.fields)
        cards.append(Touchpoint(base + number, phase, lane, position, planned.title, **fields))
    return dataclasses.replace(
        journey,
        phases=[*journey.phases, *(Phase(i, name) for name, i in phase_ids.items())],
        lanes=[*journey.lanes, *(Lane(i, name, LaneKind.TOUCHPOINTS) for name, i in lane_ids.items())],
        touchpoints=cards,
    )

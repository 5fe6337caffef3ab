"""What a card import writes: the phases and lanes it creates and the cards it adds, each card in an existing phase
and lane (by id) or a new one (by its name in the plan's new ones). Plain values, no store and no Qt: the preview
(`cjmapper.card_import.sheet`) makes a plan, the library (`Library.import_cards`) applies it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


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

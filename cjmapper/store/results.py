"""What the edit API returns: every edit of a journey returns the journey's new revision (an int, a `revision`
field of one of these, or `Revised(value, revision)`), and what its inverse needs (a removal to restore, a move to
arrange back), so the editor's undo commands hold plain values and ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cjmapper.model import (
    Lane,
    Phase,
    Touchpoint,
)
from cjmapper.store.ordering import Placement, Renumbering

T = TypeVar("T")

Cell = tuple[int, int]
"""A cell of the map: (phase id, lane id)."""


class _Unset:
    """Marks an edit argument that was not given (None is a real value for persona, colour and score)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class Revised(Generic[T]):
    """What an edit returns when its answer is a plain value (a phase, a lane, a card, a journey, a list): that
    value, and the journey's revision after the edit."""

    value: T
    revision: int


@dataclass(frozen=True, slots=True)
class PhaseRemoval:
    """What `delete_phase` took out, so `restore_phase` can put it back exactly (same ids and places)."""

    journey_id: int
    index: int
    phase: Phase
    touchpoints: tuple[Touchpoint, ...]
    revision: int | None = None
    """The journey's revision after `delete_phase`; None on a removal made by hand (`restore_phase` ignores it)."""


@dataclass(frozen=True, slots=True)
class LaneRemoval:
    """What `delete_lane` took out, so `restore_lane` can put it back exactly (same ids and places)."""

    journey_id: int
    index: int
    lane: Lane
    touchpoints: tuple[Touchpoint, ...]
    revision: int | None = None
    """The journey's revision after `delete_lane`; None on a removal made by hand (`restore_lane` ignores it)."""


@dataclass(frozen=True, slots=True)
class TouchpointAddition:
    """What `add_touchpoint` did: the new card as stored, and the cell's other cards it renumbered to make room
    (see `cjmapper.store.ordering`; empty unless the gap at the card's place had run out)."""

    touchpoint: Touchpoint
    renumbered: Renumbering
    revision: int
    """The journey's revision after the edit."""


@dataclass(frozen=True, slots=True)
class Additions:
    """What `add_touchpoints` did: the new cards as stored (in the order given), the cell's other cards it
    renumbered to make room (each once: where it stood before the edit and stands after it), and the journey's
    revision after the edit. Deleting the new cards and `arrange(renumbered.before)` undoes it exactly."""

    touchpoints: tuple[Touchpoint, ...]
    renumbered: Renumbering
    revision: int


@dataclass(frozen=True, slots=True)
class TouchpointMove:
    """What `move_touchpoints` did: where the moved cards stood and stand (in the order given), and the target
    cell's other cards it renumbered to make room. `arrange(renumbered.before + before)` undoes it exactly."""

    before: tuple[Placement, ...]
    after: tuple[Placement, ...]
    renumbered: Renumbering
    revision: int
    """The journey's revision after the edit."""

"""The parts of a journey an edit touches, to tell whether an undo step still fits after someone else's edit.

Two editors on one journey (another window or program): when the other's edit shows up, `changed_parts` tells what
it changed (the journey as held before against the journey read now), and each undo step says what it `holds`
(`Command.holds`: the cards, cells, phases, lanes and journey fields whose ids or values its undo and redo put
back). A step whose parts the other's edit did not touch stays valid: its undo restores this editor's edit and
leaves the other's alone. One that `meets` the other's edit must go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cjmapper.model import Journey, Touchpoint

Cell = tuple[int, int]

JOURNEY_FIELDS = ("title", "description", "language", "framework", "persona", "matrix")


@dataclass(frozen=True, slots=True)
class Parts:
    """Parts of one journey, by id. `cells` (phase id, lane id): where cards stand, so a card added, removed or
    moved in a cell touches its order; `whole_phases`/`whole_lanes`: every cell of these; `phase_order`/`lane_order`:
    the order of the phases or lanes; `everything`: the whole journey (putting back a saved version)."""

    cards: frozenset[int] = frozenset()
    cells: frozenset[Cell] = frozenset()
    phases: frozenset[int] = frozenset()
    lanes: frozenset[int] = frozenset()
    whole_phases: frozenset[int] = frozenset()
    whole_lanes: frozenset[int] = frozenset()
    fields: frozenset[str] = frozenset()
    phase_order: bool = False
    lane_order: bool = False
    everything: bool = False
    names: tuple[str, ...] = field(default=(), compare=False)
    """How the user knows the touched parts (a card's title, a phase's name): for the message that names them."""

    def __bool__(self) -> bool:
        return bool(
            self.everything
            or self.cards
            or self.cells
            or self.phases
            or self.lanes
            or self.whole_phases
            or self.whole_lanes
            or self.fields
            or self.phase_order
            or self.lane_order
        )

    def __or__(self, other: Parts) -> Parts:
        return Parts(
            self.cards | other.cards,
            self.cells | other.cells,
            self.phases | other.phases,
            self.lanes | other.lanes,
            self.whole_phases | other.whole_phases,
            self.whole_lanes | other.whole_lanes,
            self.fields | other.fields,
            self.phase_order or other.phase_order,
            self.lane_order or other.lane_order,
            self.everything or other.everything,
            self.names + other.names,
        )

    def meets(self, other: Parts) -> bool:
        """Whether these parts and `other` share anything (symmetric)."""
        if not self or not other:
            return False
        if self.everything or other.everything:
            return True
        return bool(
            self.cards & other.cards
            or self.phases & other.phases
            or self.lanes & other.lanes
            or self.fields & other.fields
            or (self.phase_order and other.phase_order)
            or (self.lane_order and other.lane_order)
            or _cells_meet(self, other)
            or _cells_meet(other, self)
        )


def _cells_meet(a: Parts, b: Parts) -> bool:
    """Whether a cell of `a` is one of `b`'s or lies in a phase or lane `b` holds whole, or a phase or lane `a`
    holds whole has a cell of `b`'s."""
    if a.cells & b.cells:
        return True
    if any(phase in b.whole_phases or lane in b.whole_lanes for phase, lane in a.cells):
        return True
    return bool(a.whole_phases & (b.whole_phases | {p for p, _ in b.cells})) or bool(
        a.whole_lanes & (b.whole_lanes | {lane for _, lane in b.cells})
    )


def card_parts(cards: Iterable[Touchpoint]) -> Parts:
    """The cards and the cells they stand in."""
    listed = list(cards)
    return Parts(
        cards=frozenset(card.id for card in listed),
        cells=frozenset((card.phase_id, card.lane_id) for card in listed),
    )


def _commented(before: Journey, after: Journey) -> set[int]:
    """The cards (of both journeys) whose comments changed: one added, deleted, edited, resolved or reopened."""
    if before.comments == after.comments:
        return set()
    old = {c.id: c for c in before.comments}
    new = {c.id: c for c in after.comments}
    touched = {
        c.touchpoint_id
        for i in old.keys() | new.keys()
        if old.get(i) != new.get(i)
        for c in (old.get(i), new.get(i))
        if c
    }
    cards = {card.id for card in before.touchpoints} | {card.id for card in after.touchpoints}
    return touched & cards


def changed_parts(before: Journey, after: Journey) -> Parts:
    """What changed from `before` to `after` (the same journey read at two revisions): the cards added, removed or
    changed (with the cells they left and entered), the phases and lanes added, removed (whole: every cell of them)
    or changed, their order, and the journey's own fields. Cards are compared by value (a re-read keeps equal cards'
    objects, so that is cheap)."""
    old_cards = {card.id: card for card in before.touchpoints}
    new_cards = {card.id: card for card in after.touchpoints}
    changed = [
        card_id
        for card_id, card in new_cards.items()
        if (old := old_cards.get(card_id)) is not card and old != card  # a re-read keeps an equal card's object
    ]
    changed += [card_id for card_id in old_cards if card_id not in new_cards]
    changed += _commented(before, after) - set(changed)
    touched = [card for i in changed for card in (old_cards.get(i), new_cards.get(i)) if card is not None]
    names = [(new_cards.get(i) or old_cards[i]).title for i in changed]
    old_phases = {p.id: p for p in before.phases}
    new_phases = {p.id: p for p in after.phases}
    phases = frozenset(i for i in old_phases.keys() | new_phases.keys() if old_phases.get(i) != new_phases.get(i))
    old_lanes = {lane.id: lane for lane in before.lanes}
    new_lanes = {lane.id: lane for lane in after.lanes}
    lanes = frozenset(i for i in old_lanes.keys() | new_lanes.keys() if old_lanes.get(i) != new_lanes.get(i))
    names += [item.name for i in phases for item in (new_phases.get(i) or old_phases[i],)]
    names += [item.name for i in lanes for item in (new_lanes.get(i) or old_lanes[i],)]
    return card_parts(touched) | Parts(
        phases=phases,
        lanes=lanes,
        whole_phases=frozenset(old_phases.keys() - new_phases.keys()),  # gone with every cell
        whole_lanes=frozenset(old_lanes.keys() - new_lanes.keys()),
        fields=frozenset(name for name in JOURNEY_FIELDS if getattr(before, name) != getattr(after, name)),
        phase_order=[p.id for p in before.phases] != [p.id for p in after.phases],
        lane_order=[lane.id for lane in before.lanes] != [lane.id for lane in after.lanes],
        names=tuple(dict.fromkeys(names)),
    )

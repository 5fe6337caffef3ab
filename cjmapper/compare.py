"""Compare two versions of a journey ("voor" and "na", or a saved version and the journey as it is now): which
phases, lanes and cards came, went, were renamed, moved or changed.

`compare(before, after)` matches the two journeys' parts and cards and returns a `Comparison`:

- phases and lanes are matched by id, then (the rest) by name, ignoring case and surrounding spaces; one matched by
  id whose name differs is renamed;
- cards are matched by id, then the rest by (matched phase, matched lane, title ignoring case), in cell order, so a
  version restored from another library or a journey imported again (whose ids all differ) still compares card for
  card;
- a matched card is moved when its phase or lane is another one (the matched one, by id or name); its place within
  the cell is not compared: adding or removing one card shifts every card after it, and a consultant reads a
  difference between two maps as a card in another column or row, not one slot further down;
- a matched card is changed in every field of `card_fields.FIELDS` whose value differs (a field declared there is
  compared without code here).

The wording of a comparison (one line per difference, the JSON structure) is `cjmapper.compare_words`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Literal, TypeVar

from cjmapper.card_fields import FIELDS
from cjmapper.model import Journey, Lane, Phase, Touchpoint, summarize

CardKind = Literal["added", "removed", "moved", "changed"]
PartKind = Literal["added", "removed", "renamed"]

_Part = TypeVar("_Part", Phase, Lane)

MARK_COLOURS: dict[CardKind, str] = {
    "added": "#1b7a3a",
    "removed": "#b3261e",
    "moved": "#1f5fbf",
    "changed": "#6a3d9a",
}
"""A mark's colour on the editor's map and on the comparison poster. They differ in lightness as well as hue, and
each kind has its own symbol (`MARK_SYMBOLS`), so no mark is told by colour alone."""
MARK_SYMBOLS: dict[CardKind, str] = {"added": "+", "removed": "−", "moved": ">", "changed": "~"}
"""A mark's badge (a lines' "-" for removed is a minus sign on a badge)."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a matched card that differs: its `card_fields` name, the value before and after."""

    name: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class CardDifference:
    """A card that came (`before` None), went (`after` None), or is in both and moved, changed or both."""

    before: Touchpoint | None
    after: Touchpoint | None
    moved: bool = False
    changes: tuple[FieldChange, ...] = ()

    @property
    def kind(self) -> CardKind:
        """What a mark on the map says first: added, removed, moved (also when changed too), changed."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "moved" if self.moved else "changed"

    @property
    def card(self) -> Touchpoint:
        """The card as it is after, or as it was for a removed one."""
        card = self.after if self.after is not None else self.before
        assert card is not None
        return card

    @property
    def title(self) -> str:
        return self.card.title


@dataclass(frozen=True, slots=True)
class PartDifference:
    """A phase or lane that came (`before` None), went (`after` None) or was renamed."""

    what: Literal["phase", "lane"]
    before: Phase | Lane | None
    after: Phase | Lane | None

    @property
    def kind(self) -> PartKind:
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "renamed"


@dataclass(frozen=True, slots=True)
class PhaseScores:
    """A phase's average score before and after (None: no scored card, or no such phase then)."""

    name: str
    before: float | None
    after: float | None


@dataclass(frozen=True, slots=True)
class Summary:
    added: int
    removed: int
    changed: int
    """Cards with at least one field changed (moved or not)."""
    moved: int
    phases: tuple[PhaseScores, ...]
    """Every phase of the journey after, then the removed ones."""


@dataclass(frozen=True, slots=True)
class Comparison:
    before: Journey
    after: Journey
    phases: tuple[PartDifference, ...]
    lanes: tuple[PartDifference, ...]
    cards: tuple[CardDifference, ...]
    """In map order: the phase, then lane, then place in the cell of the card after (a removed card where it was)."""
    phase_map: dict[int, int] = field(default_factory=dict)
    """Phase id before -> the matched phase's id after."""
    lane_map: dict[int, int] = field(default_factory=dict)
    card_map: dict[int, int] = field(default_factory=dict)
    """Card id before -> the matched card's id after."""
    summary: Summary = field(default_factory=lambda: Summary(0, 0, 0, 0, ()))

    @property
    def empty(self) -> bool:
        return not (self.phases or self.lanes or self.cards)

    def of_kind(self, kind: CardKind) -> list[CardDifference]:
        return [d for d in self.cards if d.kind == kind]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def match_parts(before: Sequence[_Part], after: Sequence[_Part]) -> dict[int, int]:
    """Before id -> after id: by id, then the rest by name (case and spaces aside), in order."""
    after_ids = {part.id for part in after}
    mapping = {part.id: part.id for part in before if part.id in after_ids}
    free: dict[str, list[int]] = {}
    for part in after:
        if part.id not in mapping:
            free.setdefault(_key(part.name), []).append(part.id)
    for part in before:
        if part.id not in mapping:
            ids = free.get(_key(part.name))
            if ids:
                mapping[part.id] = ids.pop(0)
    return mapping


def _part_differences(
    what: Literal["phase", "lane"], before: Sequence[_Part], after: Sequence[_Part], mapping: dict[int, int]
) -> list[PartDifference]:
    by_id = {part.id: part for part in after}
    matched = set(mapping.values())
    found: list[PartDifference] = []
    for part in before:
        if part.id not in mapping:
            found.append(PartDifference(what, part, None))
        elif by_id[mapping[part.id]].name != part.name:
            found.append(PartDifference(what, part, by_id[mapping[part.id]]))
    found.extend(PartDifference(what, None, part) for part in after if part.id not in matched)
    return found


def _ranks(before: Sequence[_Part], after: Sequence[_Part], mapping: dict[int, int]) -> tuple[dict[int, float], ...]:
    """The order of parts on the compared map: the after ones in their order, a removed one just after the part
    before it (in the journey before) that is still there. Returns (rank by after id, rank by before id)."""
    after_rank = {part.id: float(i) for i, part in enumerate(after)}
    before_rank: dict[int, float] = {}
    last = -1.0
    gone = 0
    for part in before:
        if part.id in mapping:
            last = after_rank[mapping[part.id]]
            gone = 0
        else:
            gone += 1
        before_rank[part.id] = after_rank[mapping[part.id]] if part.id in mapping else last + gone / 1000
    return after_rank, before_rank


def match_cards(before: Journey, after: Journey, phase_map: dict[int, int], lane_map: dict[int, int]) -> dict[int, int]:
    """Card id before -> card id after: by id, then the rest by (matched phase, matched lane, title), in cell
    order."""
    after_ids = {card.id for card in after.touchpoints}
    mapping = {card.id: card.id for card in before.touchpoints if card.id in after_ids}
    if len(mapping) == len(before.touchpoints) or len(mapping) == len(after.touchpoints):
        return mapping
    free: dict[tuple[int, int, str], list[int]] = {}
    for card in sorted(after.touchpoints, key=lambda c: c.position):
        if card.id not in mapping:
            free.setdefault((card.phase_id, card.lane_id, _key(card.title)), []).append(card.id)
    taken = set(mapping.values())
    for card in sorted(before.touchpoints, key=lambda c: c.position):
        if card.id in mapping:
            continue
        phase, lane = phase_map.get(card.phase_id), lane_map.get(card.lane_id)
        if phase is None or lane is None:
            continue
        ids = free.get((phase, lane, _key(card.title)))
        while ids and ids[0] in taken:
            ids.pop(0)
        if ids:
            mapping[card.id] = ids.pop(0)
    return mapping


_FIELD_VALUES = attrgetter(*(f.name for f in FIELDS))
"""A card's field values as one tuple (in C: most matched cards are equal, and this tells at once)."""


def _changes(before: Touchpoint, after: Touchpoint) -> tuple[FieldChange, ...]:
    if _FIELD_VALUES(before) == _FIELD_VALUES(after):
        return ()
    return tuple(
        FieldChange(f.name, old, new)
        for f in FIELDS
        if (old := getattr(before, f.name)) != (new := getattr(after, f.name))
    )


def compare(before: Journey, after: Journey) -> Comparison:
    """What changed from `before` to `after` (two versions of one journey; neither is changed)."""
    phase_map = match_parts(before.phases, after.phases)
    lane_map = match_parts(before.lanes, after.lanes)
    card_map = match_cards(before, after, phase_map, lane_map)
    after_cards = {card.id: card for card in after.touchpoints}
    differences: list[CardDifference] = []
    for card in before.touchpoints:
        other_id = card_map.get(card.id)
        if other_id is None:
            differences.append(CardDifference(card, None))
            continue
        other = after_cards[other_id]
        moved = phase_map.get(card.phase_id) != other.phase_id or lane_map.get(card.lane_id) != other.lane_id
        changes = _changes(card, other)
        if moved or changes:
            differences.append(CardDifference(card, other, moved, changes))
    matched = set(card_map.values())
    differences.extend(CardDifference(None, card) for card in after.touchpoints if card.id not in matched)
    differences.sort(key=_map_order(before, after, phase_map, lane_map))
    phases = _part_differences("phase", before.phases, after.phases, phase_map)
    lanes = _part_differences("lane", before.lanes, after.lanes, lane_map)
    return Comparison(
        before,
        after,
        tuple(phases),
        tuple(lanes),
        tuple(differences),
        phase_map,
        lane_map,
        card_map,
        _summary(before, after, phase_map, differences),
    )


def _map_order(
    before: Journey, after: Journey, phase_map: dict[int, int], lane_map: dict[int, int]
) -> Callable[[CardDifference], tuple[float, float, int, int]]:
    phase_after, phase_before = _ranks(before.phases, after.phases, phase_map)
    lane_after, lane_before = _ranks(before.lanes, after.lanes, lane_map)
    far = float(1 << 30)

    def order(difference: CardDifference) -> tuple[float, float, int, int]:
        if difference.after is not None:
            card = difference.after
            return (phase_after.get(card.phase_id, far), lane_after.get(card.lane_id, far), card.position, 1)
        card = difference.card
        return (phase_before.get(card.phase_id, far), lane_before.get(card.lane_id, far), card.position, 0)

    return order


def _summary(
    before: Journey, after: Journey, phase_map: dict[int, int], differences: Iterable[CardDifference]
) -> Summary:
    counts = {"added": 0, "removed": 0, "changed": 0, "moved": 0}
    for d in differences:
        if d.kind in ("added", "removed"):
            counts[d.kind] += 1
        else:
            counts["changed"] += bool(d.changes)
            counts["moved"] += d.moved
    averages_before = {p.phase_id: p.average for p in summarize(before).phases}
    averages_after = {p.phase_id: p.average for p in summarize(after).phases}
    matched_back = {after_id: before_id for before_id, after_id in phase_map.items()}
    rows = [
        PhaseScores(
            p.name,
            averages_before.get(matched_back[p.id]) if p.id in matched_back else None,
            averages_after.get(p.id),
        )
        for p in after.phases
    ]
    rows.extend(PhaseScores(p.name, averages_before.get(p.id), None) for p in before.phases if p.id not in phase_map)
    return Summary(counts["added"], counts["removed"], counts["changed"], counts["moved"], tuple(rows))


def shown_journey(comparison: Comparison) -> Journey:
    """One map of the comparison: the journey after, with what was removed put back where it was (a removed phase
    or lane after the part before it that is still there, a removed card in its cell, matched to the phases and
    lanes after, at its old place among the cards). Its ids are the journey after's, and a removed part or card
    keeps its id from before (never one the journey after holds: parts and cards are matched by id first)."""
    before, after = comparison.before, comparison.after
    phase_after, phase_before = _ranks(before.phases, after.phases, comparison.phase_map)
    lane_after, lane_before = _ranks(before.lanes, after.lanes, comparison.lane_map)
    phases = sorted(
        [*after.phases, *(p for p in before.phases if p.id not in comparison.phase_map)],
        key=lambda p: phase_after[p.id] if p.id in phase_after else phase_before[p.id],
    )
    lanes = sorted(
        [*after.lanes, *(lane for lane in before.lanes if lane.id not in comparison.lane_map)],
        key=lambda lane: lane_after[lane.id] if lane.id in lane_after else lane_before[lane.id],
    )
    cells: dict[tuple[int, int], list[tuple[int, int, Touchpoint]]] = {}
    for card in after.touchpoints:
        cells.setdefault((card.phase_id, card.lane_id), []).append((card.position, 1, card))
    for d in comparison.cards:
        if d.after is None and d.before is not None:
            card = d.before
            cell = (
                comparison.phase_map.get(card.phase_id, card.phase_id),
                comparison.lane_map.get(card.lane_id, card.lane_id),
            )
            cells.setdefault(cell, []).append((card.position, 0, card))
    cards: list[Touchpoint] = []
    for (phase_id, lane_id), found in cells.items():
        found.sort(key=lambda entry: (entry[0], entry[1]))
        for position, (_, _, card) in enumerate(found):
            cards.append(replace(card, phase_id=phase_id, lane_id=lane_id, position=position))
    return replace(after, phases=phases, lanes=lanes, touchpoints=cards)

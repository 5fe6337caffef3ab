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

Personas are matched as phases are (by id, then by name) and reported added, removed or renamed once either version
has several. Then a card's score and target are compared per matched persona, each a change of its own naming the
persona (`FieldChange.persona`; an added or removed persona's scores are not listed card by card), and the summary's
averages are per phase and persona. A version without personas holds the scores of its first persona to be: its
cards' scores are compared with the first persona's of the other. With at most one persona in each version the
comparison is what it was before personas came: no persona differences, `score` and `target` as plain fields.

The wording of a comparison (one line per difference, the JSON structure) is `cjmapper.compare_words`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Literal, TypeVar

from cjmapper.card_fields import FIELDS
from cjmapper.model import Journey, Lane, Persona, Phase, Touchpoint, summarize

CardKind = Literal["added", "removed", "moved", "changed"]
PartKind = Literal["added", "removed", "renamed"]

_Part = TypeVar("_Part", Phase, Lane, Persona)

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
    """One field of a matched card that differs: its `card_fields` name, the value before and after, and for a score
    or target of a journey with several personas, whose (the persona's name after)."""

    name: str
    before: Any
    after: Any
    persona: str | None = None


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
    """A phase, lane or persona that came (`before` None), went (`after` None) or was renamed."""

    what: Literal["phase", "lane", "persona"]
    before: Phase | Lane | Persona | None
    after: Phase | Lane | Persona | None

    @property
    def kind(self) -> PartKind:
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "renamed"


@dataclass(frozen=True, slots=True)
class PhaseScores:
    """A phase's average score before and after (None: no scored card, or no such phase or persona then), for one
    persona when the journey has several (`persona` her name; None: the cards' own scores)."""

    name: str
    before: float | None
    after: float | None
    persona: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    added: int
    removed: int
    changed: int
    """Cards with at least one field changed (moved or not)."""
    moved: int
    phases: tuple[PhaseScores, ...]
    """Every phase of the journey after, then the removed ones; with several personas each phase once per persona
    (`Comparison.rated`'s, then the added ones, then the removed ones)."""
    personas: tuple[str, ...] = ()
    """With several personas, the names of each phase's rows in `phases`, in order (row k is persona k modulo their
    number); none with at most one."""


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
    personas: tuple[PartDifference, ...] = ()
    """The personas added, removed and renamed (none while neither version has several)."""
    rated: tuple[RatedPersona, ...] | None = None
    """The personas whose scores and targets are compared card by card; None: at most one persona in each version
    (the cards' own scores compared as plain fields)."""

    @property
    def empty(self) -> bool:
        return not (self.phases or self.lanes or self.personas or self.cards)

    def of_kind(self, kind: CardKind) -> list[CardDifference]:
        return [d for d in self.cards if d.kind == kind]


@dataclass(frozen=True, slots=True)
class RatedPersona:
    """A persona in both versions: her index in each (`Touchpoint.rating`) and her name after."""

    before: int
    after: int
    name: str


def rated_personas(before: Journey, after: Journey, mapping: dict[int, int]) -> tuple[RatedPersona, ...]:
    """The matched personas (`mapping`: id before -> id after), in the order after. A version without personas holds
    its first persona's scores to be: matched with the other's first, under her name."""
    if not before.personas or not after.personas:
        named = (before.personas or after.personas)[:1]
        return tuple(RatedPersona(0, 0, p.name) for p in named)
    at_before = {p.id: i for i, p in enumerate(before.personas)}
    back = {after_id: before_id for before_id, after_id in mapping.items()}
    return tuple(RatedPersona(at_before[back[p.id]], i, p.name) for i, p in enumerate(after.personas) if p.id in back)


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
    what: Literal["phase", "lane", "persona"],
    before: Sequence[_Part],
    after: Sequence[_Part],
    mapping: dict[int, int],
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


RATED: tuple[str, ...] = tuple(f.name for f in FIELDS if f.per_persona)
"""The fields a card holds per persona (`model.Rating`'s)."""
_OTHER_VALUES = attrgetter(*(f.name for f in FIELDS if f.name not in RATED))


def _changes(before: Touchpoint, after: Touchpoint) -> tuple[FieldChange, ...]:
    if _FIELD_VALUES(before) == _FIELD_VALUES(after):
        return ()
    return tuple(
        FieldChange(f.name, old, new)
        for f in FIELDS
        if (old := getattr(before, f.name)) != (new := getattr(after, f.name))
    )


class _RatingChanges:
    """A matched card's changes when a version has several personas: every field but the score and target as
    `_changes` compares it, and in their places each rated persona's score, then each one's target."""

    def __init__(self, before: Journey, after: Journey, rated: tuple[RatedPersona, ...]) -> None:
        self.before, self.after, self.rated = before, after, rated
        same = [p.id for p in before.personas] == [p.id for p in after.personas]
        self.quick = same and all(r.before == r.after for r in rated) and len(rated) == len(after.personas)
        """The same personas in the same places: a card whose fields and ratings are equal has no changes."""

    def __call__(self, before: Touchpoint, after: Touchpoint) -> tuple[FieldChange, ...]:
        if self.quick and _FIELD_VALUES(before) == _FIELD_VALUES(after) and before.ratings == after.ratings:
            return ()
        olds = [before.rating(self.before, r.before) for r in self.rated]
        news = [after.rating(self.after, r.after) for r in self.rated]
        if _OTHER_VALUES(before) == _OTHER_VALUES(after) and olds == news:
            return ()
        found: list[FieldChange] = []
        for f in FIELDS:
            if f.name in RATED:
                for r, old_rating, new_rating in zip(self.rated, olds, news, strict=True):
                    old, new = getattr(old_rating, f.name), getattr(new_rating, f.name)
                    if old != new:
                        found.append(FieldChange(f.name, old, new, r.name))
            elif (old := getattr(before, f.name)) != (new := getattr(after, f.name)):
                found.append(FieldChange(f.name, old, new))
        return tuple(found)


def compare(before: Journey, after: Journey) -> Comparison:
    """What changed from `before` to `after` (two versions of one journey; neither is changed)."""
    phase_map = match_parts(before.phases, after.phases)
    lane_map = match_parts(before.lanes, after.lanes)
    card_map = match_cards(before, after, phase_map, lane_map)
    several = len(before.personas) > 1 or len(after.personas) > 1
    persona_map = match_parts(before.personas, after.personas) if several else {}
    rated = rated_personas(before, after, persona_map) if several else None
    changes: Callable[[Touchpoint, Touchpoint], tuple[FieldChange, ...]] = (
        _RatingChanges(before, after, rated) if rated is not None else _changes
    )
    after_cards = {card.id: card for card in after.touchpoints}
    differences: list[CardDifference] = []
    for card in before.touchpoints:
        other_id = card_map.get(card.id)
        if other_id is None:
            differences.append(CardDifference(card, None))
            continue
        other = after_cards[other_id]
        moved = phase_map.get(card.phase_id) != other.phase_id or lane_map.get(card.lane_id) != other.lane_id
        changed = changes(card, other)
        if moved or changed:
            differences.append(CardDifference(card, other, moved, changed))
    matched = set(card_map.values())
    differences.extend(CardDifference(None, card) for card in after.touchpoints if card.id not in matched)
    differences.sort(key=_map_order(before, after, phase_map, lane_map))
    phases = _part_differences("phase", before.phases, after.phases, phase_map)
    lanes = _part_differences("lane", before.lanes, after.lanes, lane_map)
    personas = _part_differences("persona", before.personas, after.personas, persona_map) if several else []
    return Comparison(
        before,
        after,
        tuple(phases),
        tuple(lanes),
        tuple(differences),
        phase_map,
        lane_map,
        card_map,
        _summary(before, after, phase_map, differences, rated, persona_map),
        tuple(personas),
        rated,
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
    before: Journey,
    after: Journey,
    phase_map: dict[int, int],
    differences: Iterable[CardDifference],
    rated: tuple[RatedPersona, ...] | None,
    persona_map: dict[int, int],
) -> Summary:
    counts = {"added": 0, "removed": 0, "changed": 0, "moved": 0}
    for d in differences:
        if d.kind in ("added", "removed"):
            counts[d.kind] += 1
        else:
            counts["changed"] += bool(d.changes)
            counts["moved"] += d.moved
    matched_back = {after_id: before_id for before_id, after_id in phase_map.items()}
    names: tuple[str, ...] = ()
    if rated is None:
        averages_before = {p.phase_id: p.average for p in summarize(before).phases}
        averages_after = {p.phase_id: p.average for p in summarize(after).phases}
        rows = [
            PhaseScores(
                p.name,
                averages_before.get(matched_back[p.id]) if p.id in matched_back else None,
                averages_after.get(p.id),
            )
            for p in after.phases
        ]
        gone = (p for p in before.phases if p.id not in phase_map)
        rows.extend(PhaseScores(p.name, averages_before.get(p.id), None) for p in gone)
    else:
        names, rows = _persona_rows(before, after, phase_map, matched_back, rated, persona_map)
    return Summary(counts["added"], counts["removed"], counts["changed"], counts["moved"], tuple(rows), names)


def phase_averages(journey: Journey, index: int) -> dict[int, float]:
    """Each phase's average score of the journey's persona at `index` (a phase without a scored card left out)."""
    scores: dict[int, list[int]] = {}
    for card in journey.touchpoints:
        score = card.rating(journey, index).score if index else card.score
        if score is not None:
            scores.setdefault(card.phase_id, []).append(score)
    return {phase: sum(found) / len(found) for phase, found in scores.items()}


def _persona_rows(
    before: Journey,
    after: Journey,
    phase_map: dict[int, int],
    matched_back: dict[int, int],
    rated: tuple[RatedPersona, ...],
    persona_map: dict[int, int],
) -> tuple[tuple[str, ...], list[PhaseScores]]:
    """The summary's rows with several personas: each phase (after's, then the removed ones) once per persona (the
    rated ones, then the added, then the removed), her averages before and after; and the personas' names in that
    order."""
    matched_after = set(persona_map.values())
    columns: list[tuple[str, dict[int, float], dict[int, float]]] = [
        (r.name, phase_averages(before, r.before), phase_averages(after, r.after)) for r in rated
    ]
    taken_after = {r.after for r in rated}
    taken_before = {r.before for r in rated}
    columns.extend(
        (p.name, {}, phase_averages(after, i))
        for i, p in enumerate(after.personas)
        if p.id not in matched_after and i not in taken_after
    )
    columns.extend(
        (p.name, phase_averages(before, i), {})
        for i, p in enumerate(before.personas)
        if p.id not in persona_map and i not in taken_before
    )
    rows: list[PhaseScores] = []
    for p in after.phases:
        old = matched_back.get(p.id)
        rows.extend(
            PhaseScores(p.name, was.get(old) if old is not None else None, now.get(p.id), name)
            for name, was, now in columns
        )
    for p in before.phases:
        if p.id not in phase_map:
            rows.extend(PhaseScores(p.name, was.get(p.id), None, name) for name, was, _ in columns)
    return tuple(name for name, _, _ in columns), rows


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

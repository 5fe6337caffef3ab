"""Finding and filtering the cards of a journey: Qt-free, shared by the editor's find bar, its filter and the poster.

- `fold(text)`: text as the find compares it, case and accents left out ("Offérte" and "offerte" fold alike; the
  Dutch "ĳ" ligature folds to "ij").
- `CardIndex`: each card's searchable text (title, notes, owner, channel as its key and its name in the journey's
  language, expectation), folded once per version of the card, in the canonical order
  (`Journey.ordered_touchpoints`). The index is brought up to date once per journey revision (only the cards replaced
  since are folded again: the editor replaces a card, never changes it in place), so a keystroke is one substring scan
  of ready strings (`find`).
- `CardFilter`: which cards a filter keeps (lanes, channels, owners, a score range, a least number of votes, statuses,
  and the persona whose scores it reads); `matching_ids` the ids it keeps; `filtered_journey` a copy of the journey
  with only those cards, for a poster of what is shown.

The persona criterion: the score range and "scored only" read one persona's scores, named by its id
(`CardFilter.persona`, so the filter keeps its persona when the personas are reordered) and read through
`Touchpoint.rating` at the persona's index in the journey (`persona_index`, `persona_score`). No persona chosen, or one
the journey no longer has, reads the first persona's (the cards' own) scores.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from cjmapper.channels import channel_label
from cjmapper.model import CardStatus, Journey, Touchpoint

SEPARATOR = "\x1f"
"""Between a card's fields in its indexed text, so a query never matches across two fields (see `CardIndex.find`)."""


def fold(text: str) -> str:
    """`text` as the find compares it: compatibility-decomposed (NFKD), case folded, combining marks (accents) left
    out. ASCII text is only lower-cased (the same, and most text is ASCII)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def card_fields(card: Touchpoint, language: str) -> tuple[str, ...]:
    """The texts of a card the find reads: title, notes, owner, channel (its key, and its name in the journey's
    language when that differs), expectation."""
    channel = card.channel or ""
    label = channel_label(channel, language) if channel else ""
    return (card.title, card.notes, card.owner, channel, label if label != channel else "", card.expectation)


class CardIndex:
    """The folded text of each card of one journey, in canonical order; see the module's docstring."""

    def __init__(self) -> None:
        self._journey: Journey | None = None
        self._revision = -1
        self._count = -1
        self._language = ""
        self.ids: list[int] = []
        """The card ids in canonical order."""
        self.texts: list[str] = []
        """Each card's folded fields joined by `SEPARATOR`, in the order of `ids`."""
        self._cards: list[Touchpoint] = []
        self._folded: dict[int, tuple[Touchpoint, str]] = {}
        self._at: dict[int, int] = {}
        self._order: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())

    def refresh(self, journey: Journey) -> None:
        """Bring the index up to date with `journey` (nothing to do when its revision and card count are the ones
        indexed). When only some cards were replaced in their places, only those are folded again, in place;
        otherwise the cards are ordered again (their folded text reused where the card is the one folded)."""
        language = str(journey.language)
        if (
            journey is self._journey
            and journey.revision == self._revision
            and len(journey.touchpoints) == self._count
            and language == self._language
        ):
            return
        if language == self._language and journey is self._journey and self._patch(journey):
            self._revision = journey.revision
            return
        if language != self._language:
            self._folded = {}  # the channels' names are in the journey's language
        old = self._folded
        folded: dict[int, tuple[Touchpoint, str]] = {}
        ordered = journey.ordered_touchpoints()
        texts: list[str] = []
        for card in ordered:
            kept = old.get(card.id)
            if kept is not None and kept[0] is card:
                text = kept[1]
            else:
                text = SEPARATOR.join(fold(field) for field in card_fields(card, language))
            folded[card.id] = (card, text)
            texts.append(text)
        self._folded = folded
        self._journey = journey
        self._revision = journey.revision
        self._count = len(journey.touchpoints)
        self._language = language
        self._cards = ordered
        self._order = self._structure(journey)
        self.ids = [card.id for card in ordered]
        self._at = {card_id: at for at, card_id in enumerate(self.ids)}
        self.texts = texts

    @staticmethod
    def _structure(journey: Journey) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return tuple(p.id for p in journey.phases), tuple(lane.id for lane in journey.lanes)

    def _patch(self, journey: Journey) -> bool:
        """Fold again only the cards replaced in their places (an edit of their text, score, ...); False when a card
        came, went or moved, or the phases or lanes were reordered (then the index is made again)."""
        if len(journey.touchpoints) != self._count or self._structure(journey) != self._order:
            return False
        folded = self._folded
        replaced: list[Touchpoint] = []
        for card in journey.touchpoints:
            kept = folded.get(card.id)
            if kept is None:
                return False
            was = kept[0]
            if was is not card:
                if (was.phase_id, was.lane_id, was.position) != (card.phase_id, card.lane_id, card.position):
                    return False
                replaced.append(card)
        language = self._language
        for card in replaced:
            text = SEPARATOR.join(fold(field) for field in card_fields(card, language))
            folded[card.id] = (card, text)
            at = self._at[card.id]
            self.texts[at] = text
            self._cards[at] = card
        return True

    def find(self, journey: Journey, query: str) -> list[int]:
        """The ids of the cards whose title, notes, owner, channel or expectation holds `query` (case and accents
        left out), in canonical order; none for a query that folds to nothing."""
        self.refresh(journey)
        needle = fold(query)
        if not needle:
            return []
        if SEPARATOR in needle:  # never across two fields: compare field by field (a query no one types)
            language = self._language
            return [
                card.id for card in self._cards if any(needle in fold(field) for field in card_fields(card, language))
            ]
        ids = self.ids
        return [ids[at] for at, text in enumerate(self.texts) if needle in text]


def find_cards(journey: Journey, query: str) -> list[int]:
    """The cards holding `query` (see `CardIndex.find`), with an index made for this one call."""
    return CardIndex().find(journey, query)


# ---------------------------------------------------------------------- filters


def persona_index(journey: Journey, persona: int | None) -> int:
    """The index in `journey` of the persona whose id is `persona`; 0 (the first persona, the cards' own scores) for
    None or a persona the journey does not have (any more)."""
    if persona is None:
        return 0
    for index, candidate in enumerate(journey.personas):
        if candidate.id == persona:
            return index
    return 0


def persona_score(card: Touchpoint, journey: Journey, index: int = 0) -> int | None:
    """The score `card` has for the journey's persona at `index` (0: the first persona, the card's own score)."""
    return card.rating(journey, index).score if index else card.score


def owner_key(owner: str) -> str:
    """An owner as the filter compares it: trimmed, runs of spaces as one, case and accents left out ("Sales " and
    "sales" are one owner)."""
    return fold(" ".join(owner.split()))


@dataclass(frozen=True, slots=True)
class CardFilter:
    """Which cards a filter keeps: each criterion left empty (or None) keeps every card; a card is kept when it meets
    every criterion that is set."""

    lanes: frozenset[int] = frozenset()
    """Lane ids: a card in one of them."""
    channels: frozenset[str | None] = frozenset()
    """Channel keys (as stored), None for a card without a channel."""
    owners: frozenset[str] = frozenset()
    """Owners compared by `owner_key`; "" for a card without an owner."""
    score_min: int | None = None
    score_max: int | None = None
    """The score range (inclusive): a card without a score for the persona is left out once either end is set."""
    scored_only: bool = False
    """Only cards the persona scored."""
    votes_min: int = 0
    statuses: frozenset[CardStatus | None] = frozenset()
    """Statuses, None for a card without one."""
    persona: int | None = None
    """The id of the persona whose scores the score range and `scored_only` read (None: the first persona's, the
    cards' own; see `persona_index`)."""

    @property
    def active(self) -> bool:
        """Whether any criterion is set (a filter that keeps every card is off)."""
        return bool(
            self.lanes
            or self.channels
            or self.owners
            or self.score_min is not None
            or self.score_max is not None
            or self.scored_only
            or self.votes_min > 0
            or self.statuses
        )

    def keeps(self, card: Touchpoint, journey: Journey) -> bool:
        """Whether the card (of `journey`, whose personas the score criterion reads) meets every criterion set."""
        return self._keeps(card, journey, persona_index(journey, self.persona))

    def _keeps(self, card: Touchpoint, journey: Journey, index: int) -> bool:
        if self.lanes and card.lane_id not in self.lanes:
            return False
        if self.channels and (card.channel or None) not in self.channels:
            return False
        if self.owners and owner_key(card.owner) not in self._owner_keys():
            return False
        if card.votes < self.votes_min:
            return False
        if self.statuses and card.status not in self.statuses:
            return False
        if self.scored_only or self.score_min is not None or self.score_max is not None:
            score = persona_score(card, journey, index)
            if score is None:
                return False
            if self.score_min is not None and score < self.score_min:
                return False
            if self.score_max is not None and score > self.score_max:
                return False
        return True

    def _owner_keys(self) -> frozenset[str]:
        return frozenset(owner_key(owner) for owner in self.owners)


def matching_ids(journey: Journey, spec: CardFilter) -> frozenset[int]:
    """The ids of the journey's cards `spec` keeps (every card when it is not active)."""
    cards: Iterable[Touchpoint] = journey.touchpoints
    if not spec.active:
        return frozenset(card.id for card in cards)
    owners = spec._owner_keys()
    quick = replace(spec, owners=frozenset())  # the owners compared once here, not folded again per card
    index = persona_index(journey, spec.persona)
    return frozenset(
        card.id
        for card in cards
        if quick._keeps(card, journey, index) and (not owners or owner_key(card.owner) in owners)
    )


def filtered_journey(journey: Journey, keep: Iterable[int]) -> Journey:
    """A copy of `journey` with only the cards in `keep` (phases, lanes and the cards' places as they are): what a
    poster of the filtered map prints, laid out anew."""
    kept = frozenset(keep)
    return replace(
        journey,
        personas=[replace(persona) for persona in journey.personas],
        phases=list(journey.phases),
        lanes=list(journey.lanes),
        touchpoints=[replace(card, ratings=dict(card.ratings)) for card in journey.touchpoints if card.id in kept],
    )


__all__ = [
    "SEPARATOR",
    "CardFilter",
    "CardIndex",
    "card_fields",
    "filtered_journey",
    "find_cards",
    "fold",
    "matching_ids",
    "owner_key",
    "persona_index",
    "persona_score",
]

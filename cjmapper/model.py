"""The journey model: plain, Qt-free, database-free value objects.

A `Journey` is a snapshot of one map: its phases (columns, left to right), lanes (rows, top to bottom) and
touchpoints (cards, each in one phase and one lane, ordered within that cell). The library store reads and
writes these; the layout, interchange and exporters only read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class Framework(StrEnum):
    FIVE_PHASE = "five-phase"
    AIDA = "aida"
    SEE_THINK_DO_CARE = "see-think-do-care"
    CUSTOM = "custom"


class LaneKind(StrEnum):
    TOUCHPOINTS = "touchpoints"
    ACTIONS = "actions"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain-points"
    OPPORTUNITIES = "opportunities"
    BACKSTAGE = "backstage"
    NOTES = "notes"

    @property
    def holds_cards(self) -> bool:
        """An emotions lane holds no cards: it draws the experience curve from the scores."""
        return self is not LaneKind.EMOTIONS


class CardStatus(StrEnum):
    """Where the follow-up of a card stands: meant for pain points and opportunities, allowed on any card."""

    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"


# Limits shared by the interchange reader, the store's edit API and the UI (journey-json).
MAX_TITLE = 200
MAX_NAME = 100
MAX_TEXT = 10_000
MAX_OWNER = 200
MAX_CHANNEL = 60
MAX_PERSONA_NAME = 200
MAX_PHASES = 50
MAX_LANES = 30
MAX_TOUCHPOINTS = 100_000
MAX_VOTES = 1_000_000
"""Dot votes per card: far above any workshop, far below what a 32-bit column holds."""
SCORE_MIN = 1
SCORE_MAX = 5
PLACE_MAX = 100
"""A card's impact and effort on the prioritising matrix run from 0 (none) to this (the most), or are None (not
placed)."""
MAX_MATRIX_LABEL = 100
"""Characters in one of the matrix's labels (a quadrant's or an axis's name)."""
MAX_PERSONAS = 8
MAX_AUTHOR = 100
"""A comment's author name."""
MAX_COMMENTS = 100_000
"""Comments per journey (as many as cards: far above any workshop)."""
"""Personas per journey: each has its own curve, and more than eight curves in one lane no longer read."""

PERSONA_COLOURS = ("#0072b2", "#cc79a7", "#009e73", "#332288", "#56b4e9", "#aa4499", "#44aa99", "#000000")
"""The personas' colours in order: blues, purples and blue-greens from Okabe and Ito's and Paul Tol's palettes, safe
for colour-blind readers and apart from the score colours (dark red through amber to light green)."""


def persona_colour(index: int) -> str:
    """The default colour of the persona at `index` (0-based) in the journey's order."""
    return PERSONA_COLOURS[index % len(PERSONA_COLOURS)]


@dataclass(slots=True)
class Persona:
    """One persona of a journey. The first persona's scores and targets are the cards' own (`Touchpoint.score`,
    `Touchpoint.target`); every other persona's are in each card's `ratings`, under the persona's `id`."""

    name: str
    description: str = ""
    goals: str = ""
    frustrations: str = ""
    color: str | None = None
    """#rrggbb, or None: the palette's colour for its place (`persona_colour`)."""
    id: int = field(default=0, compare=False)
    """Its id in the library (0: not stored yet; not part of equality: the same persona, stored or read from a file,
    is equal)."""


@dataclass(frozen=True, slots=True)
class Rating:
    """A persona's as-is score and to-be target on one card (each 1-5 or none)."""

    score: int | None = None
    target: int | None = None


@dataclass(frozen=True, slots=True)
class Phase:
    id: int
    name: str
    description: str = ""
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Lane:
    id: int
    name: str
    kind: LaneKind = LaneKind.TOUCHPOINTS
    color: str | None = None


_NO_RATING = Rating()


@dataclass(frozen=True, slots=True)
class MatrixLabels:
    """The names on a journey's impact/effort matrix: its four quadrants and two axes, each at most
    `MAX_MATRIX_LABEL` characters; "" shows the default in the journey's language (`cjmapper.matrix.shown_labels`)."""

    quick_wins: str = ""
    """High impact, low effort (top left)."""
    big_bets: str = ""
    """High impact, high effort (top right)."""
    fill_ins: str = ""
    """Low impact, low effort (bottom left)."""
    money_pits: str = ""
    """Low impact, high effort (bottom right)."""
    impact: str = ""
    """The vertical axis."""
    effort: str = ""
    """The horizontal axis."""


MATRIX_LABEL_NAMES = ("quick_wins", "big_bets", "fill_ins", "money_pits", "impact", "effort")
"""`MatrixLabels`' fields in order (also their keys in a journey file and, prefixed `matrix_`, their columns)."""


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A stored image (a card's photo, a journey's wall photo) as a journey holds it: its id in the library and what
    it is, never its bytes (`Library.image_data` reads those when they are drawn)."""

    id: int
    format: str
    """"png" or "jpeg"."""
    width: int
    height: int
    data: bytes | None = field(default=None, compare=False, repr=False)
    """Its bytes when it comes from outside the library (a journey file, another library): the store stores them
    when it adds the journey. None for an image the library holds (read through `Library.image_data`)."""


@dataclass(slots=True)
class Touchpoint:
    id: int
    phase_id: int
    lane_id: int
    position: int
    title: str
    notes: str = ""
    channel: str | None = None
    score: int | None = None
    expectation: str = ""
    owner: str = ""
    color: str | None = None
    votes: int = 0
    status: CardStatus | None = None
    target: int | None = None
    """The first persona's to-be score (1-5 or none), as `score` is its as-is score."""
    impact: int | None = None
    """Its place up the prioritising matrix (0..`PLACE_MAX`, None: not placed); see `cjmapper.matrix`."""
    effort: int | None = None
    """Its place across the prioritising matrix (0..`PLACE_MAX`, None: not placed)."""
    ratings: dict[int, Rating] = field(default_factory=dict)
    """Every other persona's rating on this card, by the persona's id (a persona without one is not listed)."""
    image: ImageRef | None = None
    """The card's photo (None: it has none); kept in a table of its own, like the ratings."""

    def rating(self, journey: Journey, index: int) -> Rating:
        """The rating of the journey's persona at `index` (0: the card's own score and target)."""
        if index == 0:
            return Rating(self.score, self.target)
        return self.ratings.get(journey.personas[index].id, _NO_RATING)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment on a card, or a reply (`parent_id`: the comment it answers, always one that is not itself a reply).
    `created` is an aware UTC time; `text` is at most `MAX_TEXT` characters; `author` at most `MAX_AUTHOR`."""

    id: int
    touchpoint_id: int
    author: str
    created: datetime
    text: str
    resolved: bool = False
    parent_id: int | None = None


@dataclass(slots=True)
class Journey:
    """One journey map. `phases` and `lanes` are in display order; `touchpoints` in no particular order
    (use `cell` or `ordered_touchpoints` for display order)."""

    id: int
    title: str
    description: str = ""
    language: Language = Language.EN
    framework: Framework = Framework.CUSTOM
    personas: list[Persona] = field(default_factory=list)
    """In display order, at most `MAX_PERSONAS`; the first one's scores are the cards' own."""
    phases: list[Phase] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    revision: int = 0
    matrix: MatrixLabels = MatrixLabels()
    """The names on its impact/effort matrix."""
    comments: list[Comment] = field(default_factory=list)
    """Every comment and reply on the journey's cards, oldest first (a card's thread: `thread`)."""
    wall_photo: ImageRef | None = None
    """A photo of the workshop's wall (None: none)."""

    @property
    def persona(self) -> Persona | None:
        """The first persona (None: the journey has none)."""
        return self.personas[0] if self.personas else None

    @persona.setter
    def persona(self, persona: Persona | None) -> None:
        """Set the first persona's name, description, goals and frustrations (keeping its colour and id), add it when
        the journey has none, or (None) take it out."""
        if persona is None:
            del self.personas[:1]
        elif self.personas:
            first = self.personas[0]
            self.personas[0] = replace(persona, color=first.color, id=first.id)
        else:
            self.personas.append(replace(persona))

    def persona_colours(self) -> list[str]:
        """Each persona's colour, in order (its own, or the palette's for its place)."""
        return [p.color or persona_colour(i) for i, p in enumerate(self.personas)]

    def phase(self, phase_id: int) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def lane(self, lane_id: int) -> Lane:
        for lane in self.lanes:
            if lane.id == lane_id:
                return lane
        raise KeyError(lane_id)

    def touchpoint(self, touchpoint_id: int) -> Touchpoint:
        for t in self.touchpoints:
            if t.id == touchpoint_id:
                return t
        raise KeyError(touchpoint_id)

    def thread(self, touchpoint_id: int) -> list[Comment]:
        """A card's comments, oldest first, each followed by its replies (oldest first)."""
        return self.threads().get(touchpoint_id, [])

    def threads(self) -> dict[int, list[Comment]]:
        """Every card's `thread` by card id (a card without comments not listed), in one pass over the comments."""
        replies: dict[int, list[Comment]] = {}
        for c in self.comments:
            if c.parent_id is not None:
                replies.setdefault(c.parent_id, []).append(c)
        found: dict[int, list[Comment]] = {}
        for c in self.comments:
            if c.parent_id is None:
                thread = found.setdefault(c.touchpoint_id, [])
                thread.append(c)
                thread += (r for r in replies.get(c.id, ()) if r.touchpoint_id == c.touchpoint_id)
        return found

    def unresolved(self) -> list[Comment]:
        """The open comments, oldest first: those not resolved, whose comment (for a reply) is not resolved either
        (resolving a comment closes its thread)."""
        closed = {c.id for c in self.comments if c.resolved}
        return [c for c in self.comments if not c.resolved and c.parent_id not in closed]

    def open_comments(self) -> dict[int, int]:
        """Each card's number of open comments (`unresolved`), by card id (a card with none not listed)."""
        counts: dict[int, int] = {}
        for c in self.unresolved():
            counts[c.touchpoint_id] = counts.get(c.touchpoint_id, 0) + 1
        return counts

    def cell(self, phase_id: int, lane_id: int) -> list[Touchpoint]:
        """The touchpoints in one cell, in their order."""
        found = [t for t in self.touchpoints if t.phase_id == phase_id and t.lane_id == lane_id]
        found.sort(key=lambda t: t.position)
        return found

    def cells(self) -> dict[tuple[int, int], list[Touchpoint]]:
        """Every non-empty cell keyed by (phase id, lane id), each list in cell order."""
        result: dict[tuple[int, int], list[Touchpoint]] = {}
        for t in self.touchpoints:
            result.setdefault((t.phase_id, t.lane_id), []).append(t)
        for cards in result.values():
            cards.sort(key=lambda t: t.position)
        return result

    def ordered_touchpoints(self) -> list[Touchpoint]:
        """All touchpoints ordered by phase, then lane, then position in the cell (the canonical order)."""
        phase_rank = {p.id: i for i, p in enumerate(self.phases)}
        lane_rank = {lane.id: i for i, lane in enumerate(self.lanes)}
        return sorted(
            self.touchpoints,
            key=lambda t: (phase_rank.get(t.phase_id, 1 << 30), lane_rank.get(t.lane_id, 1 << 30), t.position),
        )


@dataclass(frozen=True, slots=True)
class PhaseSummary:
    phase_id: int
    touchpoints: int
    scored: int
    average: float | None


@dataclass(frozen=True, slots=True)
class JourneySummary:
    """The figures a user wants at a glance: counts, average scores and CSAT (share of scores at 4-5)."""

    touchpoints: int
    scored: int
    average: float | None
    csat: float | None
    phases: tuple[PhaseSummary, ...]


def _average(scores: list[int]) -> float | None:
    return sum(scores) / len(scores) if scores else None


def csat(scores: Iterable[int | None]) -> float | None:
    """Share (0..1) of scored touchpoints scored 4 or 5; None when nothing is scored."""
    scored = [s for s in scores if s is not None]
    if not scored:
        return None
    return sum(1 for s in scored if s >= 4) / len(scored)


def summarize(journey: Journey) -> JourneySummary:
    by_phase: dict[int, list[Touchpoint]] = {p.id: [] for p in journey.phases}
    for t in journey.touchpoints:
        by_phase.setdefault(t.phase_id, []).append(t)
    phases: list[PhaseSummary] = []
    for p in journey.phases:
        cards = by_phase[p.id]
        scores = [t.score for t in cards if t.score is not None]
        phases.append(PhaseSummary(p.id, len(cards), len(scores), _average(scores)))
    all_scores = [t.score for t in journey.touchpoints if t.score is not None]
    return JourneySummary(
        touchpoints=len(journey.touchpoints),
        scored=len(all_scores),
        average=_average(all_scores),
        csat=csat(all_scores),
        phases=tuple(phases),
    )

"""The rules of dot voting, without Qt: each participant has a number of dots to put on the cards that matter most to
them (`Ballot`: how many on each card), the limits of a round's settings, and the cards ranked by their votes.
`ui/workshop/voting_session.py` runs a round on the canvas with these rules; `ui/workshop/voting.py` shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

from cjmapper.model import Journey, Touchpoint

DEFAULT_DOTS = 3
MAX_DOTS_EACH = 50
DEFAULT_PARTICIPANTS = 5
MAX_PARTICIPANTS = 999


def allowed_dots(dots: int) -> int:
    """`dots` per participant within the limits (1 to MAX_DOTS_EACH)."""
    return min(max(dots, 1), MAX_DOTS_EACH)


def allowed_participants(count: int, voting_now: int) -> int:
    """`count` participants within the limits, never fewer than the participant voting now (numbered from 1)."""
    return min(max(count, voting_now, 1), MAX_PARTICIPANTS)


def most_voted(journey: Journey, limit: int | None = None) -> list[Touchpoint]:
    """The cards with votes, most votes first; ties in reading order (phase, lane, place in the cell)."""
    phase_rank = {p.id: i for i, p in enumerate(journey.phases)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    voted = [t for t in journey.touchpoints if t.votes > 0]
    voted.sort(
        key=lambda t: (
            -t.votes,
            phase_rank.get(t.phase_id, 1 << 30),
            lane_rank.get(t.lane_id, 1 << 30),
            t.position,
            t.id,
        )
    )
    return voted if limit is None else voted[:limit]


@dataclass
class Ballot:
    """One participant's dots: how many they put on each card (card id -> dots)."""

    participant: int
    given: dict[int, int] = field(default_factory=dict)

    @property
    def used(self) -> int:
        return sum(self.given.values())

    def left(self, dots_each: int) -> int:
        """The dots not yet given of `dots_each` (never below 0: the allowance may have been lowered)."""
        return max(0, dots_each - self.used)

    def add(self, card_id: int, dots: int) -> None:
        count = self.given.get(card_id, 0) + dots
        if count > 0:
            self.given[card_id] = count
        else:
            self.given.pop(card_id, None)

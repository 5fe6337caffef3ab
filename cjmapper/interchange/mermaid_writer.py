"""Writing a journey as a Mermaid `journey` diagram (docs/mermaid.md): phases as sections, the cards of the
touchpoints lanes as tasks with their score, the personas who scored a card as the task's actors (a card whose
personas give different scores as one task per score, one after another), the title, the description as `accDescr`.
`mermaid_losses` names, for one warning line, what a diagram cannot hold. What it writes always reads again (it is
passed through the reader), and reading it gives back all it holds.
"""

from __future__ import annotations

from pathlib import Path

from cjmapper.errors import InterchangeError
from cjmapper.interchange.export_files import encode_text, write_bytes_atomically
from cjmapper.interchange.mermaid_reader import UNSCORED, read_mermaid
from cjmapper.interchange.mermaid_text import escape, escaped_any
from cjmapper.messages import number, say
from cjmapper.model import Journey, LaneKind, Touchpoint

_INDENT = "    "
_UNSCORED_AS = 3
"""The score a task of an unscored card is drawn with (Mermaid needs one); the comment `UNSCORED` before it says so."""


def _touchpoint_lanes(journey: Journey) -> set[int]:
    return {lane.id for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS}


def _task_lines(journey: Journey, card: Touchpoint) -> list[str]:
    """The task lines of one card: one per distinct score among its personas (in the personas' order)."""
    name = escape(card.title, "task")
    by_score: dict[int, list[str]] = {}
    if journey.personas:
        for index, persona in enumerate(journey.personas):
            score = card.rating(journey, index).score
            if score is not None:
                by_score.setdefault(score, []).append(escape(persona.name, "actor"))
    elif card.score is not None:
        by_score[card.score] = []
    if not by_score:
        return [_INDENT + UNSCORED, f"{_INDENT}{name}: {_UNSCORED_AS}"]
    return [
        f"{_INDENT}{name}: {score}: {', '.join(actors)}" if actors else f"{_INDENT}{name}: {score}"
        for score, actors in by_score.items()
    ]


def write_mermaid(journey: Journey) -> str:
    """The journey as a Mermaid journey diagram (a `.mmd` file's text)."""
    lines = ["journey", f"  title {escape(journey.title, 'title')}"]
    if journey.description:
        lines.append(f"  accDescr: {escape(journey.description, 'description')}")
    lanes = _touchpoint_lanes(journey)
    lane_rank = {lane.id: index for index, lane in enumerate(journey.lanes)}
    cells = journey.cells()
    for phase in journey.phases:
        lines.append(f"  section {escape(phase.name, 'section')}")
        previous = None
        for lane_id in sorted(lanes, key=lane_rank.__getitem__):
            for card in cells.get((phase.id, lane_id), []):
                if previous is not None and previous.title == card.title:
                    lines.append("")  # two cards, not one card's tasks (mermaid_reader reads them so)
                lines += _task_lines(journey, card)
                previous = card
    text = "\n".join(lines) + "\n"
    try:
        read_mermaid(text)
    except InterchangeError as error:
        raise InterchangeError(error.problems, say("cannot export it as a Mermaid journey")) from None
    return text


def write_mermaid_file(journey: Journey, path: Path) -> None:
    """Write the journey's diagram to `path`, atomically, as UTF-8."""
    write_bytes_atomically(path, encode_text(write_mermaid(journey), path))


def mermaid_losses(journey: Journey) -> str | None:
    """One line naming what a Mermaid journey cannot hold of `journey` (None: it holds all of it)."""
    lanes = _touchpoint_lanes(journey)
    cards = journey.touchpoints
    lost: list[str] = []
    left_out = [card for card in cards if card.lane_id not in lanes]
    other_lanes = [lane.name for lane in journey.lanes if lane.id in {card.lane_id for card in left_out}]
    if left_out:
        lost.append(say("{0} card(s) of the lanes {1}", number(len(left_out)), ", ".join(other_lanes)))
    unrated = [p.name for index, p in enumerate(journey.personas) if not _rates(journey, index)]
    if unrated:
        lost.append(say("the personas who scored no touchpoint ({0})", ", ".join(unrated)))
    if len(lanes) > 1:
        lost.append(say("which touchpoints lane a card is in"))
    for wanted, what in (
        (any(card.channel for card in cards), say("channels")),
        (any(card.notes for card in cards), say("notes")),
        (any(card.expectation for card in cards), say("expectations")),
        (any(card.owner for card in cards), say("owners")),
        (any(card.votes for card in cards), say("votes")),
        (any(card.status is not None for card in cards), say("statuses")),
        (
            any(card.target is not None or any(r.target is not None for r in card.ratings.values()) for card in cards),
            say("targets"),
        ),
        (any(phase.description for phase in journey.phases), say("phase descriptions")),
        (any(p.description or p.goals or p.frustrations for p in journey.personas), say("persona profiles")),
        (_has_colours(journey), say("colours")),
    ):
        if wanted:
            lost.append(what)
    unscored = sum(1 for card in cards if card.lane_id in lanes and not _scored(journey, card))
    parts: list[str] = []
    if lost:
        parts.append(say("a Mermaid journey cannot hold {0}; left out.", "; ".join(lost)))
    if unscored:
        parts.append(say("{0} card(s) without a score are drawn as 3 (marked by a comment).", number(unscored)))
    if _escaped(journey):
        parts.append(say("#, :, ; and , in names are written as Mermaid's codes #35; #58; #59; #44;."))
    return " ".join(parts) or None


def _rates(journey: Journey, index: int) -> bool:
    lanes = _touchpoint_lanes(journey)
    return any(card.rating(journey, index).score is not None for card in journey.touchpoints if card.lane_id in lanes)


def _scored(journey: Journey, card: Touchpoint) -> bool:
    if not journey.personas:
        return card.score is not None
    return any(card.rating(journey, index).score is not None for index in range(len(journey.personas)))


def _has_colours(journey: Journey) -> bool:
    return any(
        item.color for group in (journey.phases, journey.lanes, journey.personas, journey.touchpoints) for item in group
    )


def _escaped(journey: Journey) -> bool:
    lanes = _touchpoint_lanes(journey)
    return (
        escaped_any(journey.title, "title")
        or escaped_any(journey.description, "description")
        or any(escaped_any(phase.name, "section") for phase in journey.phases)
        or any(escaped_any(p.name, "actor") for p in journey.personas)
        or any(escaped_any(card.title, "task") for card in journey.touchpoints if card.lane_id in lanes)
    )

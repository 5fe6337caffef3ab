"""A `Comparison` (cjmapper.compare) in words: one line per difference, as `cjmapper diff` prints it and the
Compare dialog lists it, and the JSON structure of `cjmapper diff --format json` (docs/cli.md).

Lines, in the language of the core's messages (`cjmapper.messages`):

    + phase: Name            - lane: Name            ~ phase: Old name -> New name
    + Card title             - Card title
    > Card title: moved from Phase/Lane to Phase/Lane
    ~ Card title: field: old -> new

With several personas also `+ persona: Name` (`-`, `~` as for phases), a score or target named by its persona
(`~ Card title: score (Linda): 3 -> 4`), and each phase's average per persona in the summary; with one persona the
words are as they were before personas came.

Values read as a user reads them: a score as its digit, a status and an empty value in words, a long text on one
line cut to `MAX_SHOWN` characters. The JSON holds the values themselves (a score as a number, a status as its
journey-file word, none as null) and the text whole.
"""

from __future__ import annotations

from typing import Any

from cjmapper.card_fields import BY_NAME, CardField
from cjmapper.compare import CardDifference, Comparison, FieldChange, PartDifference, PhaseScores
from cjmapper.i18n import decimal
from cjmapper.messages import language, say, word
from cjmapper.model import CardStatus, Lane, Phase, Touchpoint

MAX_SHOWN = 60
"""The most characters of a text value a line shows (the rest is cut, with an ellipsis)."""
JSON_FORMAT = "cjmapper.diff"
JSON_VERSION = 1


def field_name(name: str) -> str:
    """A card field's name as a line shows it, in the language in use (a field without a word here: its `what`)."""
    names = {
        "title": word("title"),
        "notes": word("notes"),
        "channel": word("channel"),
        "score": "score",  # the same word in Dutch (the catalogue holds only words that differ)
        "expectation": word("expectation"),
        "owner": word("owner"),
        "color": word("colour"),
        "votes": word("votes"),
        "status": "status",  # the same in Dutch
        "target": word("target"),
    }
    found = names.get(name)
    return found if found is not None else BY_NAME[name].what


def status_name(status: CardStatus) -> str:
    """A status as the properties form names it, in lower case ("open" is the same in Dutch)."""
    names = {CardStatus.OPEN: "open", CardStatus.IN_PROGRESS: word("in progress"), CardStatus.DONE: word("done")}
    return names.get(status, status.value)


def shown(field: CardField, value: Any) -> str:
    """`value` of `field` as a user reads it."""
    if value is None or value == "":
        return word("(empty)")
    if field.kind == "status":
        return status_name(CardStatus(value))
    if field.kind == "votes":
        return f"{value:d}"
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1].rstrip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def place(journey_phases: dict[int, Phase], journey_lanes: dict[int, Lane], card: Touchpoint) -> str:
    """Phase/Lane of a card."""
    phase, lane = journey_phases.get(card.phase_id), journey_lanes.get(card.lane_id)
    return f"{_one_line(phase.name) if phase else '?'}/{_one_line(lane.name) if lane else '?'}"


def part_line(difference: PartDifference) -> str:
    what = word(difference.what)
    if difference.before is None:
        assert difference.after is not None
        return f"+ {what}: {_one_line(difference.after.name)}"
    if difference.after is None:
        return f"- {what}: {_one_line(difference.before.name)}"
    return f"~ {what}: {_one_line(difference.before.name)} -> {_one_line(difference.after.name)}"


def change_line(title: str, change: FieldChange) -> str:
    field = BY_NAME[change.name]
    name = field_name(change.name)
    if change.persona is not None:
        name = f"{name} ({_one_line(change.persona)})"
    return f"~ {title}: {name}: {shown(field, change.before)} -> {shown(field, change.after)}"


def card_lines(comparison: Comparison, difference: CardDifference) -> list[str]:
    """The lines of one card's difference: +, -, or > and ~ (a card moved and changed has both)."""
    title = _one_line(difference.title)
    if difference.before is None:
        return [f"+ {title}"]
    if difference.after is None:
        return [f"- {title}"]
    found: list[str] = []
    if difference.moved:
        before_phases = {p.id: p for p in comparison.before.phases}
        before_lanes = {lane.id: lane for lane in comparison.before.lanes}
        after_phases = {p.id: p for p in comparison.after.phases}
        after_lanes = {lane.id: lane for lane in comparison.after.lanes}
        found.append(
            say(
                "> {0}: moved from {1} to {2}",
                title,
                place(before_phases, before_lanes, difference.before),
                place(after_phases, after_lanes, difference.after),
            )
        )
    # a changed title names the card by its new title and shows the old one in its ~ line
    found.extend(change_line(title, change) for change in difference.changes)
    return found


def lines(comparison: Comparison) -> list[str]:
    """One line per difference: phases, lanes, personas, then the cards in map order."""
    found = [part_line(d) for d in (*comparison.phases, *comparison.lanes, *comparison.personas)]
    for difference in comparison.cards:
        found.extend(card_lines(comparison, difference))
    return found


def summary_lines(comparison: Comparison) -> list[str]:
    """The summary: cards added, removed, changed and moved; each phase's average score before and after (per
    persona when the journey has several)."""
    s = comparison.summary
    found = [say("{0} added, {1} removed, {2} changed, {3} moved", s.added, s.removed, s.changed, s.moved)]
    found.extend(phase_line(row) for row in s.phases)
    return found


def phase_line(row: PhaseScores) -> str:
    """A phase's average score before and after (a persona's, named, when the journey has several)."""
    name, before, after = _one_line(row.name), average(row.before), average(row.after)
    if row.persona is None:
        return say("{0}: average score {1} -> {2}", name, before, after)
    return say("{0} ({1}): average score {2} -> {3}", name, _one_line(row.persona), before, after)


def average(value: float | None) -> str:
    """An average score with one decimal (a decimal comma in Dutch), or a dash for none."""
    if value is None:
        return "–"
    return decimal(value, language())


def _value(field: CardField, value: Any) -> Any:
    return value.value if field.kind == "status" and value is not None else value


def _card_json(card: Touchpoint, phases: dict[int, Phase], lanes: dict[int, Lane]) -> dict[str, Any]:
    phase, lane = phases.get(card.phase_id), lanes.get(card.lane_id)
    return {
        "id": card.id,
        "title": card.title,
        "phase": phase.name if phase else None,
        "lane": lane.name if lane else None,
    }


def as_json(comparison: Comparison, before_name: str, after_name: str | None) -> dict[str, Any]:
    """The comparison as `cjmapper diff --format json` writes it (docs/cli.md; `after_name` None: the journey as
    it is now)."""
    before_phases = {p.id: p for p in comparison.before.phases}
    before_lanes = {lane.id: lane for lane in comparison.before.lanes}
    after_phases = {p.id: p for p in comparison.after.phases}
    after_lanes = {lane.id: lane for lane in comparison.after.lanes}
    cards: list[dict[str, Any]] = []
    for d in comparison.cards:
        entry: dict[str, Any] = {"kind": d.kind, "title": d.title}
        entry["before"] = _card_json(d.before, before_phases, before_lanes) if d.before is not None else None
        entry["after"] = _card_json(d.after, after_phases, after_lanes) if d.after is not None else None
        entry["moved"] = d.moved
        entry["changes"] = [_change_json(c) for c in d.changes]
        cards.append(entry)
    s = comparison.summary
    data: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "journey": comparison.after.title,
        "from": before_name,
        "to": after_name,
        "phases": [_part_json(d) for d in comparison.phases],
        "lanes": [_part_json(d) for d in comparison.lanes],
        "cards": cards,
        "summary": {
            "added": s.added,
            "removed": s.removed,
            "changed": s.changed,
            "moved": s.moved,
            "phases": [_phase_json(row) for row in s.phases],
        },
    }
    if comparison.rated is not None:  # several personas (with one, the structure is as it was)
        data["personas"] = [_part_json(d) for d in comparison.personas]
    return data


def _change_json(c: FieldChange) -> dict[str, Any]:
    found: dict[str, Any] = {"field": c.name}
    if c.persona is not None:
        found["persona"] = c.persona
    found["before"] = _value(BY_NAME[c.name], c.before)
    found["after"] = _value(BY_NAME[c.name], c.after)
    return found


def _phase_json(row: PhaseScores) -> dict[str, Any]:
    found: dict[str, Any] = {"phase": row.name}
    if row.persona is not None:
        found["persona"] = row.persona
    found["before"] = row.before
    found["after"] = row.after
    return found


def _part_json(d: PartDifference) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "before": d.before.name if d.before is not None else None,
        "after": d.after.name if d.after is not None else None,
    }

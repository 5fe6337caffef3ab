"""The journey file's writer: the canonical form of journey-json (docs/journey-json.md), so write -> read -> write is
byte-identical; what it writes always reads again (it is passed through the reader)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from cjmapper import card_fields
from cjmapper.errors import InterchangeError
from cjmapper.interchange import journey_images
from cjmapper.interchange.comment_lists import SINCE, write_comments
from cjmapper.interchange.export_files import encode_text, write_bytes_atomically
from cjmapper.interchange.journey_reader import (
    FORMAT,
    VERSION,
    WRITTEN,
    WRITTEN_KEYS,
    kept_colour,
    read_journey,
)
from cjmapper.interchange.matrix_file import written_labels
from cjmapper.interchange.persona_lists import PER_PERSONA
from cjmapper.messages import say
from cjmapper.model import Framework, Journey, LaneKind, Language, MatrixLabels, Persona, Touchpoint

OLDER_VERSIONS = (1, 2, 3)
"""The older versions `write_journey` writes on request (`--format-version`), with what they cannot hold left out."""


def _persona(persona: Persona | None, version: int) -> dict[str, str | None] | None:
    if persona is None:
        return None
    written: dict[str, str | None] = {
        "name": persona.name,
        "description": persona.description,
        "goals": persona.goals,
        "frustrations": persona.frustrations,
    }
    if version >= 3:
        written["color"] = kept_colour(persona.color)
    return written


def _per_persona(journey: Journey, cards: list[Touchpoint], name: str) -> list[list[int | None]]:
    """Each card's `scores` or `targets` (by `name`, "score" or "target"): one entry per persona, trailing nulls left
    out."""
    others = [p.id for p in journey.personas[1:]]
    lists: list[list[int | None]] = []
    for card in cards:
        values: list[int | None] = [getattr(card, name)]
        values += [getattr(card.ratings[i], name) if i in card.ratings else None for i in others]
        while values and values[-1] is None:
            values.pop()
        lists.append(values)
    return lists


def lost_in(journey: Journey, version: int) -> list[str]:
    """What a file of `version` cannot hold of the journey (empty: nothing is lost), each as a phrase for a warning
    ("2 more personas", "the targets")."""
    lost: list[str] = journey_images.lost(journey, version)
    if version < 4:
        if any(card.impact is not None or card.effort is not None for card in journey.touchpoints):
            lost.append(say("the cards' places on the impact/effort matrix"))
        if journey.matrix != MatrixLabels():
            lost.append(say("the matrix's names"))
    if version < SINCE and journey.comments:
        lost.append(say("{0} comment(s) on the cards", len(journey.comments)))
    if version < 3:
        if len(journey.personas) > 1:
            lost.append(say("{0} more persona(s) and their scores", len(journey.personas) - 1))
        if any(card.target is not None or card.ratings for card in journey.touchpoints):
            lost.append(say("the targets (to-be scores)"))
        if any(p.color for p in journey.personas[:1]):
            lost.append(say("the persona's colour"))
    if version < 2 and any(card.status is not None for card in journey.touchpoints):
        lost.append(say("the cards' status"))
    return lost


def _document(journey: Journey, version: int = VERSION) -> dict[str, Any]:
    """The canonical document of `version`: keys in the format's order, every field written, ids anew from position."""
    phase_ref = {phase.id: f"p{number}" for number, phase in enumerate(journey.phases, 1)}
    lane_ref = {lane.id: f"l{number}" for number, lane in enumerate(journey.lanes, 1)}
    cards = journey.ordered_touchpoints()
    for card in cards:
        if card.phase_id not in phase_ref or card.lane_id not in lane_ref:
            raise ValueError(
                f"touchpoint {card.id} is in phase {card.phase_id}, lane {card.lane_id}: not in the journey"
            )
    # Field by field, each a C loop over the cards (a card at a time costs three times as much).
    columns: list[list[Any]] = [
        [f"t{number}" for number in range(1, len(cards) + 1)],
        [phase_ref[card.phase_id] for card in cards],
        [lane_ref[card.lane_id] for card in cards],
    ]
    keys: tuple[str, ...] = WRITTEN_KEYS
    if version >= 3:
        kept = [
            (field, get, written)
            for field, (get, written) in zip(card_fields.FIELDS, WRITTEN, strict=True)
            if field.json_since <= version
        ]
        if version < VERSION:
            keys = ("id", "phase", "lane", *(PER_PERSONA.get(field.name, field.json_key) for field, _, _ in kept))
        columns += [
            list(map(get, cards) if written is None else map(written, map(get, cards)))
            if field.name not in PER_PERSONA
            else _per_persona(journey, cards, field.name)
            for field, get, written in kept
        ]
    else:
        kept = [
            (field, get, written)
            for field, (get, written) in zip(card_fields.FIELDS, WRITTEN, strict=True)
            if field.json_since <= version
        ]
        keys = ("id", "phase", "lane", *(field.json_key for field, _, _ in kept))
        columns += [
            list(map(get, cards) if written is None else map(written, map(get, cards))) for _, get, written in kept
        ]
    touchpoints = list(map(dict, map(zip, itertools.repeat(keys), zip(*columns, strict=True))))
    pictures = journey_images.Written()
    if version >= journey_images.SINCE:
        for written, card in zip(touchpoints, cards, strict=True):
            written[journey_images.CARD_KEY] = pictures.name(card.image)
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "title": journey.title.strip(),
        "description": journey.description,
        "language": Language(journey.language).value,
        "framework": Framework(journey.framework).value,
    }
    if version >= 3:
        head["personas"] = [_persona(p, version) for p in journey.personas]
    else:
        head["persona"] = _persona(journey.persona, version)
    if version >= 4:
        head["matrix"] = written_labels(journey.matrix)
    body: dict[str, Any] = {
        "phases": [
            {"id": phase_ref[p.id], "name": p.name, "description": p.description, "color": kept_colour(p.color)}
            for p in journey.phases
        ],
        "lanes": [
            {
                "id": lane_ref[lane.id],
                "name": lane.name,
                "kind": LaneKind(lane.kind).value,
                "color": kept_colour(lane.color),
            }
            for lane in journey.lanes
        ],
        "touchpoints": touchpoints,
    }
    if version >= SINCE:
        body["comments"] = write_comments(journey, {card.id: f"t{n}" for n, card in enumerate(cards, 1)})
    if version >= 4:
        body["wall_photo"] = pictures.name(journey.wall_photo)
        body["images"] = pictures.items
    return head | body


def write_journey(journey: Journey, version: int = VERSION) -> str:
    """The journey in canonical journey-json form: UTF-8 text, two-space indent, one trailing newline.

    What it writes always reads again: the text is passed through `read_journey`, and a journey the reader would
    refuse (no phases, say, which a library allows and a file does not) raises InterchangeError with the reader's
    problems, prefixed "cannot export". Raises ValueError when a touchpoint names a phase or lane the journey does
    not have. An older `version` (`OLDER_VERSIONS`) leaves out what it cannot hold (`lost_in` names it)."""
    if version != VERSION and version not in OLDER_VERSIONS:
        raise ValueError(f"cjmapper writes journey-file versions 1 to {VERSION}, not {version}")
    text = json.dumps(_document(journey, version), ensure_ascii=False, indent=2) + "\n"
    try:
        read_journey(text)
    except InterchangeError as error:
        raise InterchangeError(error.problems, say("cannot export it as a journey file")) from None
    return text


def write_journey_file(journey: Journey, path: Path, version: int = VERSION) -> None:
    """Write the journey's canonical form (of `version`) to `path`, atomically, as UTF-8."""
    write_bytes_atomically(path, encode_text(write_journey(journey, version), path))

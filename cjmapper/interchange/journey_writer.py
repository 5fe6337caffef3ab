"""The journey file's writer: the canonical form of journey-json (docs/journey-json.md), so write -> read -> write is
byte-identical; what it writes always reads again (it is passed through the reader)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from cjmapper.errors import InterchangeError
from cjmapper.interchange.export_files import encode_text, write_bytes_atomically
from cjmapper.interchange.journey_reader import FORMAT, VERSION, WRITTEN, WRITTEN_KEYS, kept_colour, read_journey
from cjmapper.messages import say
from cjmapper.model import Framework, Journey, LaneKind, Language, Persona


def _persona(persona: Persona | None) -> dict[str, str] | None:
    if persona is None:
        return None
    return {
        "name": persona.name,
        "description": persona.description,
        "goals": persona.goals,
        "frustrations": persona.frustrations,
    }


def _document(journey: Journey) -> dict[str, Any]:
    """The canonical document: keys in the format's order, every field written, ids anew from position."""
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
    columns += [list(map(get, cards) if written is None else map(written, map(get, cards))) for get, written in WRITTEN]
    touchpoints = list(map(dict, map(zip, itertools.repeat(WRITTEN_KEYS), zip(*columns, strict=True))))
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": journey.title.strip(),
        "description": journey.description,
        "language": Language(journey.language).value,
        "framework": Framework(journey.framework).value,
        "persona": _persona(journey.persona),
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


def write_journey(journey: Journey) -> str:
    """The journey in canonical journey-json form: UTF-8 text, two-space indent, one trailing newline.

    What it writes always reads again: the text is passed through `read_journey`, and a journey the reader would
    refuse (no phases, say, which a library allows and a file does not) raises InterchangeError with the reader's
    problems, prefixed "cannot export". Raises ValueError when a touchpoint names a phase or lane the journey does
    not have."""
    text = json.dumps(_document(journey), ensure_ascii=False, indent=2) + "\n"
    try:
        read_journey(text)
    except InterchangeError as error:
        raise InterchangeError(error.problems, say("cannot export it as a journey file")) from None
    return text


def write_journey_file(journey: Journey, path: Path) -> None:
    """Write the journey's canonical form to `path`, atomically, as UTF-8."""
    write_bytes_atomically(path, encode_text(write_journey(journey), path))

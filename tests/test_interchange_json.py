"""The journey-json-v1 reader and canonical writer, and a journey file's exact round trip through a library (a file
and a team library)."""

from __future__ import annotations

import copy
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cjmapper.errors import InterchangeError
from cjmapper.interchange import (
    MAX_FILE_BYTES,
    journey_reader,
    read_journey,
    read_journey_file,
    untrusted_json,
    write_journey,
    write_journey_file,
)
from cjmapper.model import (
    MAX_CHANNEL,
    MAX_NAME,
    MAX_OWNER,
    MAX_PERSONA_NAME,
    MAX_TEXT,
    MAX_TITLE,
    MAX_VOTES,
    CardStatus,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    MatrixLabels,
    Persona,
    Phase,
    Rating,
    Touchpoint,
)
from cjmapper.store import Library

# --- fixtures


def rich_journey(persona: bool = True) -> Journey:
    """A journey with everything that could trip a writer: diacritics, emoji, markup, quotes, newlines,
    null colours, catalogue and free-text channels, ids and positions that are not 1..n."""
    return Journey(
        id=42,
        title="Webshop klantreis – één café ☕",
        description='R&D <b>vet</b> "geciteerd"\nregel twee\ttab',
        language=Language.NL,
        framework=Framework.FIVE_PHASE,
        personas=[Persona("Sanne 👩‍🍳", "Eigenaar van een bakkerij", "Meer klanten", "Trage website & <script>")]
        if persona
        else [],
        phases=[
            Phase(17, "Bewustwording", "Zij ziet ons 🙂", "#4e79a7"),
            Phase(3, "Overweging", "", None),
            Phase(9, "Aankoop", "Afrekenen\r\nmet iDEAL", "#e15759"),
        ],
        lanes=[
            Lane(30, "Touchpoints", LaneKind.TOUCHPOINTS, "#f28e2b"),
            Lane(10, "Emoties", LaneKind.EMOTIONS, None),
            Lane(20, "Pijnpunten", LaneKind.PAIN_POINTS, None),
        ],
        touchpoints=[
            Touchpoint(5, 3, 30, 7, "Vergelijkt prijzen", channel="search-engine", score=3),
            Touchpoint(6, 17, 30, 2, "Instagram-advertentie", "Zag de <b>reel</b>", "social-media", 4),
            Touchpoint(7, 17, 30, 1, "Mond-tot-mond", notes="Buurvrouw 'zei': \"ga!\"", channel=None, votes=3),
            Touchpoint(
                8,
                9,
                20,
                0,
                "Betalen mislukt 😡",
                "regel 1\nregel 2",
                "Kassa bij de bakker",
                1,
                color="#000000",
            ),
            Touchpoint(9, 17, 20, 0, "Geen R&D-info", expectation="Uitleg", owner="Team <Web>", votes=12),
        ],
    )


def full_journey() -> Journey:
    """Every text field at its length limit, in characters outside the Basic Multilingual Plane, combining marks,
    right-to-left text and control characters (all but NUL, which no library keeps), votes at their cap."""

    def fill(unit: str, limit: int) -> str:
        return (unit * limit)[:limit]

    astral = "𝄞😀👩‍🍳"
    mixed = "e\u0301\u200d\u202e\u05e9\u05dc\u05d5\u05dd\t\r\n\x01\x1f\x7f\ufeff"
    journey = rich_journey()
    journey.title = fill(astral, MAX_TITLE)
    journey.description = fill(mixed + astral, MAX_TEXT)
    journey.persona = Persona(fill("ß", MAX_PERSONA_NAME), fill(mixed, MAX_TEXT), fill("🙂", MAX_TEXT), "")
    journey.phases[0] = replace(journey.phases[0], name=fill(astral, MAX_NAME), description=fill(mixed, MAX_TEXT))
    journey.lanes[0] = replace(journey.lanes[0], name=fill("İ", MAX_NAME))
    journey.touchpoints[0] = replace(
        journey.touchpoints[0],
        title=fill("🙂", MAX_TITLE),
        notes=fill(mixed, MAX_TEXT),
        channel=fill("ç", MAX_CHANNEL),
        expectation=fill(astral, MAX_TEXT),
        owner=fill("Ω", MAX_OWNER),
        votes=MAX_VOTES,
    )
    return journey


def minimal_document() -> dict[str, Any]:
    """A small valid document that tests change one thing in."""
    return {
        "format": "cjmapper.journey",
        "version": 1,
        "title": "Reis",
        "phases": [{"id": "p1", "name": "Eén"}, {"id": "p2", "name": "Twee"}],
        "lanes": [
            {"id": "l1", "name": "Touchpoints", "kind": "touchpoints"},
            {"id": "l2", "name": "Emoties", "kind": "emotions"},
        ],
        "touchpoints": [
            {"id": "t1", "phase": "p1", "lane": "l1", "title": "A"},
            {"id": "t2", "phase": "p2", "lane": "l1", "title": "B", "score": 5},
        ],
    }


def problems(document: Any) -> list[str]:
    """The problems the reader reports for `document` (a dict is dumped to JSON first)."""
    data = document if isinstance(document, str | bytes) else json.dumps(document)
    with pytest.raises(InterchangeError) as caught:
        read_journey(data)
    assert caught.value.problems, "an InterchangeError must list its problems"
    return caught.value.problems


def with_touchpoint(**fields: Any) -> dict[str, Any]:
    """The minimal document with touchpoint 0 changed (a value of ... drops the key)."""
    document = minimal_document()
    card = document["touchpoints"][0]
    for key, value in fields.items():
        if value is ...:
            del card[key]
        else:
            card[key] = value
    return document


def content(journey: Journey) -> tuple[Any, ...]:
    """The journey's content, independent of ids and of position values: what a round trip keeps."""
    phase_index = {p.id: i for i, p in enumerate(journey.phases)}
    lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
    cards = [  # ids replaced by indexes, position by the order in the list
        replace(t, id=0, phase_id=phase_index[t.phase_id], lane_id=lane_index[t.lane_id], position=0)
        for t in journey.ordered_touchpoints()
    ]
    return (
        journey.title,
        journey.description,
        journey.language,
        journey.framework,
        journey.persona,
        [(p.name, p.description, p.color) for p in journey.phases],
        [(lane.name, lane.kind, lane.color) for lane in journey.lanes],
        cards,
    )


# --- round trip


@pytest.mark.parametrize("persona", [True, False])
def test_round_trip_is_byte_exact(persona: bool) -> None:
    journey = rich_journey(persona)
    text = write_journey(journey)
    again = read_journey(text)
    assert write_journey(again) == text
    assert content(again) == content(journey)


def test_round_trip_through_utf8_bytes_and_files(tmp_path: Path) -> None:
    journey = rich_journey()
    path = tmp_path / "reis.json"
    write_journey_file(journey, path)
    assert path.read_bytes() == write_journey(journey).encode("utf-8")
    assert write_journey(read_journey_file(path)) == write_journey(journey)


def test_read_gives_local_ids_positions_and_enums() -> None:
    document = minimal_document()
    document["language"] = "nl"
    document["framework"] = "aida"
    document["touchpoints"] = [
        {"id": "x", "phase": "p2", "lane": "l1", "title": "first in p2"},
        {"id": "y", "phase": "p1", "lane": "l1", "title": "first in p1"},
        {"id": "z", "phase": "p2", "lane": "l1", "title": "second in p2"},
    ]
    journey = read_journey(json.dumps(document))
    assert journey.id == 0
    assert journey.language is Language.NL
    assert journey.framework is Framework.AIDA
    assert [p.id for p in journey.phases] == [1, 2]
    assert [lane.id for lane in journey.lanes] == [1, 2]
    assert [lane.kind for lane in journey.lanes] == [LaneKind.TOUCHPOINTS, LaneKind.EMOTIONS]
    assert [(t.id, t.phase_id, t.lane_id, t.position, t.title) for t in journey.touchpoints] == [
        (1, 2, 1, 0, "first in p2"),
        (2, 1, 1, 0, "first in p1"),
        (3, 2, 1, 1, "second in p2"),
    ]


def test_optional_fields_take_their_defaults() -> None:
    journey = read_journey(json.dumps(minimal_document()))
    assert (journey.description, journey.language, journey.framework, journey.persona) == (
        "",
        Language.EN,
        Framework.CUSTOM,
        None,
    )
    assert journey.phases[0] == Phase(1, "Eén", "", None)
    assert journey.touchpoints[0] == Touchpoint(1, 1, 1, 0, "A")
    document = minimal_document()
    document["persona"] = None
    assert read_journey(json.dumps(document)).persona is None
    document["persona"] = {"name": "Sanne"}
    assert read_journey(json.dumps(document)).persona == Persona("Sanne")


def test_titles_are_trimmed_and_measured_after_trimming() -> None:
    document = minimal_document()
    document["title"] = "  Reis \n"
    document["touchpoints"][0]["title"] = "\t" + "x" * 200 + "   "
    journey = read_journey(json.dumps(document))
    assert journey.title == "Reis"
    assert journey.touchpoints[0].title == "x" * 200


def test_length_counts_characters_not_bytes() -> None:
    document = with_touchpoint(title="é" * 200, owner="😀" * 200)
    card = read_journey(json.dumps(document, ensure_ascii=False).encode("utf-8")).touchpoints[0]
    assert (card.title, card.owner) == ("é" * 200, "😀" * 200)


def test_colours_either_case_are_kept_in_lower_case() -> None:
    document = with_touchpoint(color="#ABCdef")
    assert read_journey(json.dumps(document)).touchpoints[0].color == "#abcdef"


def test_byte_order_mark_is_tolerated() -> None:
    text = json.dumps(minimal_document())
    assert read_journey(b"\xef\xbb\xbf" + text.encode("utf-8")).title == "Reis"
    assert read_journey("\ufeff" + text).title == "Reis"


def test_free_text_channel_is_kept_as_written() -> None:
    document = with_touchpoint(channel="Kassa bij de bakker")
    assert read_journey(json.dumps(document)).touchpoints[0].channel == "Kassa bij de bakker"


# --- reader rules


def test_a_newer_version_is_refused_naming_both_versions_and_nothing_else() -> None:
    document = minimal_document()
    document["version"] = journey_reader.VERSION + 1
    document["title"] = ""
    document["shiny"] = True
    newer, now = journey_reader.VERSION + 1, journey_reader.VERSION
    assert problems(document) == [f"version: this file is version {newer}; this cjmapper reads version {now}"]


@pytest.mark.parametrize(
    ("version", "problem"),
    [
        (0, "version: must be 1, 2, 3 or 4 (it is 0)"),
        ("1", "version: must be the integer 1, 2, 3 or 4, not a string"),
        (True, "version: must be the integer 1, 2, 3 or 4, not a boolean"),
        (1.0, "version: must be the integer 1, 2, 3 or 4, not a decimal number"),
        (..., "version: required field is missing"),
    ],
)
def test_version_must_be_1_or_2(version: Any, problem: str) -> None:
    document = minimal_document()
    if version is ...:
        del document["version"]
    else:
        document["version"] = version
    assert problems(document) == [problem]


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        ("cjmapper.journy", 'format: must be "cjmapper.journey", not "cjmapper.journy"'),
        (1, 'format: must be "cjmapper.journey", not an integer'),
        (..., 'format: required field is missing (it must be "cjmapper.journey")'),
    ],
)
def test_format_must_be_cjmapper_journey(form: Any, problem: str) -> None:
    document = minimal_document()
    if form is ...:
        del document["format"]
    else:
        document["format"] = form
    assert problems(document) == [problem]


def test_unknown_keys_are_errors_everywhere() -> None:
    document = minimal_document()
    document["titel"] = "x"
    document["persona"] = {"name": "Sanne", "age": 40}
    document["phases"][1]["colour"] = "#ffffff"
    document["lanes"][0]["Kind"] = "touchpoints"
    document["touchpoints"][1]["titel"] = "B"
    document["touchpoints"][1]["odd key"] = 1
    assert problems(document) == [
        "titel: unknown field",
        "persona.age: unknown field",
        "phases[1].colour: unknown field",
        "lanes[0].Kind: unknown field",
        "touchpoints[1].titel: unknown field",
        'touchpoints[1]["odd key"]: unknown field',
    ]


def test_a_key_twice_in_one_object_is_an_error() -> None:
    text = json.dumps(minimal_document()).replace('"title": "A"', '"title": "A", "title": "A2", "title": "A3"')
    assert problems(text) == ["touchpoints[0].title: appears more than once"]
    text = json.dumps(minimal_document()).replace('"version": 1', '"version": 1, "version": 1, "zz": 0, "zz": 0')
    assert problems(text) == [
        "version: appears more than once",
        "zz: appears more than once",
        "zz: unknown field",
    ]


def test_the_spec_example_reads() -> None:
    journey = read_journey(SPEC_EXAMPLE)
    assert (journey.title, journey.language, journey.framework) == (
        "Webshop klantreis",
        Language.NL,
        Framework.FIVE_PHASE,
    )
    assert journey.persona == Persona("Sanne", "Eigenaar van een bakkerij")
    assert journey.phases == [Phase(1, "Bewustwording", "", "#4e79a7")]
    assert journey.lanes == [Lane(1, "Touchpoints", LaneKind.TOUCHPOINTS, "#f28e2b")]
    assert journey.touchpoints == [
        Touchpoint(
            1, 1, 1, 0, "Instagram-advertentie", channel="social-media", score=4, status=CardStatus.OPEN, target=5,
            impact=80, effort=25,
            ratings={2: Rating(2, None)},
        )
    ]  # fmt: skip
    assert journey.personas[1] == Persona("Karel", color="#cc79a7")
    assert journey.matrix == MatrixLabels(quick_wins="Meteen doen", effort="Kosten")


SPEC_EXAMPLE = """{
  "format": "cjmapper.journey",
  "version": 4,
  "title": "Webshop klantreis",
  "description": "",
  "language": "nl",
  "framework": "five-phase",
  "personas": [
    {"name": "Sanne", "description": "Eigenaar van een bakkerij", "goals": "", "frustrations": "", "color": null},
    {"name": "Karel", "description": "", "goals": "", "frustrations": "", "color": "#cc79a7"}
  ],
  "matrix": {"quick_wins": "Meteen doen", "big_bets": "", "fill_ins": "", "money_pits": "", "impact": "",
             "effort": "Kosten"},
  "phases": [
    {"id": "p1", "name": "Bewustwording", "description": "", "color": "#4e79a7"}
  ],
  "lanes": [
    {"id": "l1", "name": "Touchpoints", "kind": "touchpoints", "color": "#f28e2b"}
  ],
  "touchpoints": [
    {"id": "t1", "phase": "p1", "lane": "l1", "title": "Instagram-advertentie",
     "notes": "", "channel": "social-media", "scores": [4, 2], "expectation": "", "owner": "",
     "color": null, "votes": 0, "status": "open", "targets": [5], "impact": 80, "effort": 25, "image": null}
  ],
  "comments": [
    {"id": "c1", "touchpoint": "t1", "reply_to": null, "author": "Anna de Vries",
     "created": "2026-03-01T09:30:00Z", "text": "Is dit <b>nog</b> actueel?", "resolved": false},
    {"id": "c2", "touchpoint": "t1", "reply_to": "c1", "author": "Karel", "created": "2026-03-01T10:05:12Z",
     "text": "Ja", "resolved": true}
  ],
  "wall_photo": null,
  "images": []
}
"""


def test_duplicate_ids_are_reported_with_both_places() -> None:
    document = minimal_document()
    document["phases"].append({"id": "p2", "name": "Drie"})
    document["lanes"].append({"id": "l1", "name": "Acties", "kind": "actions"})
    document["touchpoints"][1]["id"] = "t1"
    assert problems(document) == [
        'phases[2].id: "p2" is used twice (also at phases[1])',
        'lanes[2].id: "l1" is used twice (also at lanes[0])',
        'touchpoints[1].id: "t1" is used twice (also at touchpoints[0])',
    ]


def test_dangling_references_are_reported() -> None:
    document = with_touchpoint(phase="p9", lane="l7")
    assert problems(document) == [
        'touchpoints[0].phase: "p9" is not the id of any phase in phases',
        'touchpoints[0].lane: "l7" is not the id of any lane in lanes',
    ]


def test_a_touchpoint_in_the_emotions_lane_is_an_error() -> None:
    document = minimal_document()
    document["lanes"].append({"id": "l6", "name": "Gevoel", "kind": "emotions"})
    document["touchpoints"][0]["lane"] = "l6"
    assert problems(document) == ['touchpoints[0].lane: names the emotions lane "l6", which holds no touchpoints']


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (
            {"title": " " + "x" * 201 + " "},
            "touchpoints[0].title: must be 1 to 200 characters after trimming (it has 201)",
        ),
        (
            {"title": "  \n "},
            "touchpoints[0].title: must be 1 to 200 characters after trimming (it is empty)",
        ),
        ({"title": ...}, "touchpoints[0].title: required field is missing"),
        ({"title": 7}, "touchpoints[0].title: must be a string, not an integer"),
        ({"notes": None}, "touchpoints[0].notes: must be a string, not null"),
        ({"notes": "n" * 10_001}, "touchpoints[0].notes: must be at most 10,000 characters (it has 10,001)"),
        ({"expectation": ["a"]}, "touchpoints[0].expectation: must be a string, not an array"),
        ({"owner": "o" * 201}, "touchpoints[0].owner: must be at most 200 characters (it has 201)"),
        ({"channel": "c" * 61}, "touchpoints[0].channel: must be at most 60 characters or null (it has 61)"),
        ({"channel": 5}, "touchpoints[0].channel: must be a string or null, not an integer"),
        ({"score": 0}, "touchpoints[0].score: must be 1 to 5 or null"),
        ({"score": 6}, "touchpoints[0].score: must be 1 to 5 or null"),
        ({"score": True}, "touchpoints[0].score: must be an integer 1 to 5 or null, not a boolean"),
        ({"score": 4.0}, "touchpoints[0].score: must be an integer 1 to 5 or null, not a decimal number"),
        ({"score": "4"}, "touchpoints[0].score: must be an integer 1 to 5 or null, not a string"),
        ({"votes": -1}, "touchpoints[0].votes: must be 0 to 1,000,000 (it is -1)"),
        ({"votes": False}, "touchpoints[0].votes: must be an integer of at least 0, not a boolean"),
        ({"votes": None}, "touchpoints[0].votes: must be an integer of at least 0, not null"),
        ({"color": "#12345"}, 'touchpoints[0].color: must be a colour #rrggbb or null, not "#12345"'),
        ({"color": "red"}, 'touchpoints[0].color: must be a colour #rrggbb or null, not "red"'),
        ({"color": "#1234567"}, 'touchpoints[0].color: must be a colour #rrggbb or null, not "#1234567"'),
        ({"color": "#12345g"}, 'touchpoints[0].color: must be a colour #rrggbb or null, not "#12345g"'),
        ({"color": 0x123456}, "touchpoints[0].color: must be a colour #rrggbb or null, not an integer"),
        ({"id": ...}, "touchpoints[0].id: required field is missing"),
        ({"id": 1}, "touchpoints[0].id: must be a string, not an integer"),
        ({"phase": ...}, "touchpoints[0].phase: required field is missing"),
        ({"lane": 1}, "touchpoints[0].lane: must be a string (the id of a lane), not an integer"),
    ],
)
def test_touchpoint_field_rules(fields: dict[str, Any], problem: str) -> None:
    assert problems(with_touchpoint(**fields)) == [problem]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"title": "t" * 201}, "title: must be 1 to 200 characters after trimming (it has 201)"),
        ({"title": None}, "title: must be a string, not null"),
        ({"description": "d" * 10_001}, "description: must be at most 10,000 characters (it has 10,001)"),
        ({"language": "fr"}, 'language: must be one of "en", "nl", not "fr"'),
        ({"language": None}, 'language: must be one of "en", "nl", not null'),
        (
            {"framework": "lean"},
            'framework: must be one of "five-phase", "aida", "see-think-do-care", "custom", not "lean"',
        ),
        ({"persona": "Sanne"}, "persona: must be an object or null, not a string"),
        ({"persona": {}}, "persona.name: required field is missing"),
        ({"persona": {"name": ""}}, "persona.name: must be 1 to 200 characters (it is empty)"),
        ({"persona": {"name": "S", "goals": 1}}, "persona.goals: must be a string, not an integer"),
        ({"phases": []}, "phases: must hold 1 to 50 phases (it holds 0)"),
        ({"phases": {}}, "phases: must be an array, not an object"),
        ({"lanes": None}, "lanes: must be an array, not null"),
        ({"touchpoints": "none"}, "touchpoints: must be an array, not a string"),
    ],
)
def test_journey_field_rules(change: dict[str, Any], problem: str) -> None:
    document = minimal_document()
    document.update(change)
    if "phases" in change:  # keep the touchpoints' references out of it
        document["touchpoints"] = []
    assert problems(document) == [problem]


def test_required_top_level_fields() -> None:
    assert problems({"format": "cjmapper.journey", "version": 1}) == [
        "title: required field is missing",
        "phases: required field is missing",
        "lanes: required field is missing",
        "touchpoints: required field is missing",
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"name": "n" * 101}, "phases[0].name: must be 1 to 100 characters (it has 101)"),
        ({"name": ""}, "phases[0].name: must be 1 to 100 characters (it is empty)"),
        ({"description": 3}, "phases[0].description: must be a string, not an integer"),
        ({"color": "blue"}, 'phases[0].color: must be a colour #rrggbb or null, not "blue"'),
        ({"id": None}, "phases[0].id: must be a string, not null"),
    ],
)
def test_phase_field_rules(change: dict[str, Any], problem: str) -> None:
    document = minimal_document()
    document["phases"][0].update(change)
    if "id" in change:
        document["touchpoints"] = []
    assert problems(document) == [problem]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"kind": "feelings"},
            'lanes[0].kind: must be one of "touchpoints", "actions", "thoughts", "emotions", ',
        ),
        ({"kind": ...}, 'lanes[0].kind: required field is missing (one of "touchpoints", '),
        ({"name": 5}, "lanes[0].name: must be a string, not an integer"),
        ({"color": "#12345"}, 'lanes[0].color: must be a colour #rrggbb or null, not "#12345"'),
    ],
)
def test_lane_field_rules(change: dict[str, Any], problem: str) -> None:
    document = minimal_document()
    for key, value in change.items():
        if value is ...:
            del document["lanes"][0][key]
        else:
            document["lanes"][0][key] = value
    found = problems(document)
    assert len(found) == 1
    assert found[0].startswith(problem)


def test_count_limits() -> None:
    document = minimal_document()
    document["phases"] = [{"id": f"p{i}", "name": f"F{i}"} for i in range(1, 52)]
    document["lanes"] = [{"id": f"l{i}", "name": f"L{i}", "kind": "notes"} for i in range(1, 32)]
    assert problems(document) == [
        "phases: must hold 1 to 50 phases (it holds 51)",
        "lanes: must hold 1 to 30 lanes (it holds 31)",
    ]
    document["phases"] = document["phases"][:50]
    document["lanes"] = document["lanes"][:30]
    assert len(read_journey(json.dumps(document)).phases) == 50


def test_touchpoint_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journey_reader, "MAX_TOUCHPOINTS", 2)
    read_journey(json.dumps(minimal_document()))
    document = minimal_document()
    document["touchpoints"].append({"id": "t3", "phase": "p1", "lane": "l1", "title": "C"})
    assert problems(document) == ["touchpoints: must hold at most 2 touchpoints (it holds 3)"]


def test_array_items_must_be_objects() -> None:
    document = minimal_document()
    document["phases"].append("p3")
    document["lanes"].append(None)
    document["touchpoints"].append(["t3"])
    assert problems(document) == [
        "phases[2]: must be an object, not a string",
        "lanes[2]: must be an object, not null",
        "touchpoints[2]: must be an object, not an array",
    ]


def test_document_must_be_an_object() -> None:
    assert problems("[]") == ["document: must be an object, not an array"]
    assert problems("null") == ["document: must be an object, not null"]


def test_several_problems_are_all_reported_together() -> None:
    document = minimal_document()
    document["title"] = ""
    document["phases"][1]["id"] = "p1"
    document["lanes"][0]["color"] = "red"
    document["touchpoints"][0].update(score=9, titel="x", lane="l2")
    document["touchpoints"][1].update(phase="p5", votes=-3)
    found = problems(document)
    assert found == [
        "title: must be 1 to 200 characters after trimming (it is empty)",
        'phases[1].id: "p1" is used twice (also at phases[0])',
        'lanes[0].color: must be a colour #rrggbb or null, not "red"',
        "touchpoints[0].titel: unknown field",
        'touchpoints[0].lane: names the emotions lane "l2", which holds no touchpoints',
        "touchpoints[0].score: must be 1 to 5 or null",
        'touchpoints[1].phase: "p5" is not the id of any phase in phases',
        "touchpoints[1].votes: must be 0 to 1,000,000 (it is -3)",
    ]


def test_error_message_names_the_source_and_counts_the_rest() -> None:
    document = minimal_document()
    document["touchpoints"] = [{"id": f"t{i}", "phase": "p1", "lane": "l1", "title": ""} for i in range(7)]
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document), source="reis.json")
    assert caught.value.source == "reis.json"
    assert len(caught.value.problems) == 7
    assert str(caught.value).startswith("reis.json: touchpoints[0].title: must be 1 to 200")
    assert str(caught.value).endswith("(and 2 more)")


# --- bad input


def test_invalid_json_gives_one_problem_with_line_and_column() -> None:
    assert problems('{\n  "format": "cjmapper.journey",\n  "version" 1\n}') == [
        "line 3, column 13: not valid JSON (expecting ':' delimiter)"
    ]
    assert problems("") == ["line 1, column 1: not valid JSON (expecting value)"]
    # Python's own wording, which 3.13 made clearer.
    trailing = (
        "line 1, column 12: not valid JSON (illegal trailing comma before end of array)"
        if sys.version_info >= (3, 13)
        else "line 1, column 13: not valid JSON (expecting value)"
    )
    assert problems('{"a": [1, 2,]}') == [trailing]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    text = json.dumps(with_touchpoint(notes="NaN Infinity", score=4), indent=2).replace(
        '"score": 4', f'"score": {constant}'
    )
    offset = text.index(f'"score": {constant}') + len('"score": ')  # not the one inside the notes string
    line = text[:offset].count("\n") + 1
    column = offset - text.rfind("\n", 0, offset)
    assert problems(text) == [f"line {line}, column {column}: not valid JSON ({constant} is not a JSON number)"]


def test_an_integer_too_long_for_python_is_refused_cleanly() -> None:
    assert problems('{\n "version": ' + "9" * 5000 + "}") == [
        "line 2, column 13: not valid JSON (a number has more than 4300 digits)"
    ]


def test_non_utf8_bytes_are_refused_with_their_place() -> None:
    text = json.dumps(with_touchpoint(title="Café"), indent=2, ensure_ascii=False)
    data = text.encode("utf-8").replace(b"Caf\xc3\xa9", b"Caf\xe9")  # Latin-1, as an old editor saves it
    offset = data.index(b"\xe9")
    line = data[:offset].count(b"\n") + 1
    column = offset - data.rfind(b"\n", 0, offset)
    assert problems(data) == [
        f"line {line}, byte {column}: not UTF-8 text (byte 0xe9: invalid continuation byte); save the file as UTF-8"
    ]
    assert problems(json.dumps(minimal_document()).encode("utf-16"))[0].startswith("line 1, byte 1: not UTF-8")


def test_unpaired_surrogates_are_refused() -> None:
    text = json.dumps(with_touchpoint(owner="x\ud800y"))
    assert "\\ud800" in text
    assert problems(text) == ["touchpoints[0].owner: holds an unpaired surrogate escape, which is not text"]
    assert problems('{"title": "\ud800"}')[0] == "line 1, column 12: not valid Unicode text (an unpaired surrogate)"
    paired = json.dumps(with_touchpoint(owner="😀"))  # written as a \ud83d\ude00 pair: fine
    assert read_journey(paired).touchpoints[0].owner == "😀"


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000, "[" * 100_000]
)
def test_pathological_nesting_is_an_interchange_error(text: str) -> None:
    (problem,) = problems(text)
    assert problem == "document: arrays or objects are nested too deeply to read"


def test_nesting_is_measured_when_the_recursion_limit_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program that raised the recursion limit could let json's C scanner run out of stack: then the
    reader measures the nesting itself (brackets inside strings do not count)."""
    monkeypatch.setattr(sys, "getrecursionlimit", lambda: 1_000_000)
    assert problems("[" * 1001 + "]" * 1001) == ["document: arrays or objects are nested too deeply to read"]
    assert not untrusted_json._too_deep("[" * 1000 + "]" * 1000)
    assert (
        problems('{"a": "' + "[" * 2000 + '"}')[0]
        == 'format: required field is missing (it must be "cjmapper.journey")'
    )
    assert read_journey(write_journey(rich_journey())).title == rich_journey().title


def test_too_large_input_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_FILE_BYTES == 256 * 1024 * 1024
    monkeypatch.setattr(untrusted_json, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(journey_reader, "parse", _must_not_be_called)
    assert problems(b"{" * 101) == ["file: too large to read (101 bytes; the limit is 100 bytes)"]
    assert problems("é" * 51) == ["file: too large to read (102 bytes; the limit is 100 bytes)"]
    assert problems("é" * 101) == ["file: too large to read (at least 101 bytes; the limit is 100 bytes)"]


def _must_not_be_called(*args: object) -> object:
    raise AssertionError("parsed input that should have been refused")


# --- files


def test_read_journey_file_refuses_a_large_file_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groot.json"
    path.write_bytes(b" " * 101)
    monkeypatch.setattr(untrusted_json, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(Path, "open", _must_not_be_called)
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(path)
    assert caught.value.problems == ["file: too large to read (101 bytes; the limit is 100 bytes)"]
    assert caught.value.source == "groot.json"


def test_read_journey_file_turns_os_errors_into_one_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(tmp_path / "journey.json")
    assert caught.value.problems == ["cannot read the file (No such file or directory)"]
    assert str(caught.value) == "journey.json: cannot read the file (No such file or directory)"
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(tmp_path)
    assert caught.value.problems[0].startswith("cannot read the file (")
    assert str(caught.value).startswith(f"{tmp_path.name}: cannot read the file (")


def test_read_journey_file_names_the_file_in_problems(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        read_journey_file(path)
    assert caught.value.source == "kapot.json"
    assert caught.value.problems[0].startswith("line 1, column 2: not valid JSON")


def test_write_journey_file_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "reis.json"
    path.write_text("old", encoding="utf-8")
    write_journey_file(rich_journey(), path)
    assert path.read_text(encoding="utf-8") == write_journey(rich_journey())
    assert os.listdir(tmp_path) == ["reis.json"]


def test_write_journey_file_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reis.json"
    path.write_text("old", encoding="utf-8")

    def failing_replace(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(InterchangeError) as caught:
        write_journey_file(rich_journey(), path)
    assert caught.value.problems == ["cannot write reis.json: Permission denied"]
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["reis.json"]


def test_write_journey_file_into_a_missing_folder_is_an_interchange_error(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        write_journey_file(rich_journey(), tmp_path / "nope" / "reis.json")
    assert caught.value.problems == ["cannot write reis.json: No such file or directory"]


# --- writer


def test_writer_uses_two_space_indent_table_key_order_and_one_newline() -> None:
    text = write_journey(rich_journey())
    assert text.startswith(f'{{\n  "format": "cjmapper.journey",\n  "version": {journey_reader.VERSION},\n  "title": ')
    assert text.endswith('\n  "wall_photo": null,\n  "images": []\n}\n')
    assert not text.endswith("\n\n")
    document = json.loads(text)
    assert list(document) == [
        "format",
        "version",
        "title",
        "description",
        "language",
        "framework",
        "personas",
        "matrix",
        "phases",
        "lanes",
        "touchpoints",
        "comments",
        "wall_photo",
        "images",
    ]
    assert list(document["matrix"]) == ["quick_wins", "big_bets", "fill_ins", "money_pits", "impact", "effort"]
    assert list(document["personas"][0]) == ["name", "description", "goals", "frustrations", "color"]
    assert list(document["phases"][0]) == ["id", "name", "description", "color"]
    assert list(document["lanes"][0]) == ["id", "name", "kind", "color"]
    assert list(document["touchpoints"][0]) == [
        "id",
        "phase",
        "lane",
        "title",
        "notes",
        "channel",
        "scores",
        "expectation",
        "owner",
        "color",
        "votes",
        "status",
        "targets",
        "impact",
        "effort",
        "image",
    ]


def test_writer_keeps_non_ascii_as_itself() -> None:
    text = write_journey(rich_journey())
    assert "één café ☕" in text
    assert "👩‍🍳" in text
    assert 'R&D <b>vet</b> \\"geciteerd\\"\\nregel twee\\ttab' in text
    assert "\\u" not in text


def test_writer_renumbers_ids_from_position_and_orders_touchpoints() -> None:
    document = json.loads(write_journey(rich_journey()))
    assert [p["id"] for p in document["phases"]] == ["p1", "p2", "p3"]
    assert [p["name"] for p in document["phases"]] == ["Bewustwording", "Overweging", "Aankoop"]
    assert [lane["id"] for lane in document["lanes"]] == ["l1", "l2", "l3"]
    assert [(t["id"], t["phase"], t["lane"], t["title"]) for t in document["touchpoints"]] == [
        ("t1", "p1", "l1", "Mond-tot-mond"),
        ("t2", "p1", "l1", "Instagram-advertentie"),
        ("t3", "p1", "l3", "Geen R&D-info"),
        ("t4", "p2", "l1", "Vergelijkt prijzen"),
        ("t5", "p3", "l3", "Betalen mislukt 😡"),
    ]


def test_writer_writes_every_optional_field_with_its_default() -> None:
    journey = Journey(
        0, "Kaal", phases=[Phase(1, "F")], lanes=[Lane(1, "L")], touchpoints=[Touchpoint(1, 1, 1, 0, "T")]
    )
    document = json.loads(write_journey(journey))
    assert document["description"] == ""
    assert (document["language"], document["framework"], document["personas"]) == ("en", "custom", [])
    assert document["phases"][0] == {"id": "p1", "name": "F", "description": "", "color": None}
    assert document["lanes"][0] == {"id": "l1", "name": "L", "kind": "touchpoints", "color": None}
    assert document["touchpoints"][0] == {
        "id": "t1",
        "phase": "p1",
        "lane": "l1",
        "title": "T",
        "notes": "",
        "channel": None,
        "scores": [],
        "expectation": "",
        "owner": "",
        "color": None,
        "votes": 0,
        "status": None,
        "targets": [],
        "impact": None,
        "effort": None,
        "image": None,
    }
    assert document["matrix"] == dict.fromkeys(
        ["quick_wins", "big_bets", "fill_ins", "money_pits", "impact", "effort"], ""
    )
    assert json.loads(write_journey(rich_journey()))["personas"] == [
        {
            "name": "Sanne 👩‍🍳",
            "description": "Eigenaar van een bakkerij",
            "goals": "Meer klanten",
            "frustrations": "Trage website & <script>",
            "color": None,
        }
    ]


def test_writer_output_reads_back_in_the_canonical_order() -> None:
    again = read_journey(write_journey(rich_journey()))
    assert [t.id for t in again.touchpoints] == [1, 2, 3, 4, 5]
    assert [(t.phase_id, t.lane_id, t.position) for t in again.touchpoints] == [
        (1, 1, 0),
        (1, 1, 1),
        (1, 3, 0),
        (2, 1, 0),
        (3, 3, 0),
    ]


def test_writer_refuses_a_touchpoint_outside_the_journey() -> None:
    journey = copy.deepcopy(rich_journey())
    journey.touchpoints[0].phase_id = 99
    with pytest.raises(ValueError, match="touchpoint 5 is in phase 99"):
        write_journey(journey)


def test_votes_above_the_cap_are_refused() -> None:
    from cjmapper.errors import InterchangeError
    from cjmapper.interchange import read_journey

    doc = (
        '{"format": "cjmapper.journey", "version": 1, "title": "T",'
        ' "phases": [{"id": "p1", "name": "P"}], "lanes": [{"id": "l1", "name": "L", "kind": "touchpoints"}],'
        ' "touchpoints": [{"id": "t1", "phase": "p1", "lane": "l1", "title": "x", "votes": 1000001}]}'
    )
    with pytest.raises(InterchangeError, match=r"touchpoints\[0\]\.votes: must be 0 to 1,000,000"):
        read_journey(doc)


# --- through a library: a file and a team library keep a journey file exactly


@pytest.mark.both_backends
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(rich_journey, id="rich"),
        pytest.param(lambda: rich_journey(persona=False), id="no-persona"),
        pytest.param(full_journey, id="full"),
    ],
)
def test_a_journey_file_round_trips_through_a_library_byte_exact(library: Library, make: Any) -> None:
    text = write_journey(make())
    assert write_journey(read_journey(text)) == text
    journey_id = library.create_journey(read_journey(text))
    assert write_journey(library.load_journey(journey_id)) == text
    with Library.open(library.location) as reopened:
        assert write_journey(reopened.load_journey(journey_id)) == text
    saved = library.save_version(journey_id, "Versie")
    assert write_journey(library.load_version(saved.id)) == text


@pytest.mark.both_backends
def test_the_spec_example_round_trips_through_a_library(library: Library) -> None:
    journey_id = library.create_journey(read_journey(SPEC_EXAMPLE))
    exported = write_journey(library.load_journey(journey_id))
    assert json.loads(exported) == json.loads(SPEC_EXAMPLE)


# --- versions of the format


def test_a_version_1_file_reads_without_a_status_and_is_written_as_the_current_version() -> None:
    """The old format (no status) reads as it always did; writing gives the current version, status null."""
    journey = read_journey(json.dumps(minimal_document()))
    assert [t.status for t in journey.touchpoints] == [None, None]
    document = json.loads(write_journey(journey))
    assert document["version"] == journey_reader.VERSION
    assert [t["status"] for t in document["touchpoints"]] == [None, None]


def test_a_version_1_file_knows_no_status() -> None:
    document = minimal_document()
    document["touchpoints"][0]["status"] = "open"
    assert problems(document) == ["touchpoints[0].status: unknown field"]


@pytest.mark.parametrize("status", [None, "open", "in-progress", "done"])
def test_a_status_round_trips(status: str | None) -> None:
    document = minimal_document() | {"version": 2}
    document["touchpoints"][0]["status"] = status
    journey = read_journey(json.dumps(document))
    assert journey.touchpoints[0].status == status
    assert json.loads(write_journey(journey))["touchpoints"][0]["status"] == status


@pytest.mark.parametrize(
    ("status", "problem"),
    [
        ("closed", 'must be one of "open", "in-progress", "done" or null, not "closed"'),
        ("Open", 'must be one of "open", "in-progress", "done" or null, not "Open"'),
        (1, 'must be one of "open", "in-progress", "done" or null, not an integer'),
    ],
)
def test_a_status_must_be_one_of_the_statuses(status: object, problem: str) -> None:
    document = minimal_document() | {"version": 2}
    document["touchpoints"][1]["status"] = status
    assert problems(document) == [f"touchpoints[1].status: {problem}"]

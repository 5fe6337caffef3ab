"""Journey files of version 3: several personas, each with a score and a target per touchpoint; the upgrade from each
older version (one test per format upgrade); writing an older version on request, naming what it cannot hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper.cli import main
from cjmapper.errors import InterchangeError
from cjmapper.interchange import read_journey
from cjmapper.interchange.journey_reader import VERSION
from cjmapper.interchange.journey_writer import lost_in, write_journey
from cjmapper.model import (
    MAX_PERSONAS,
    CardStatus,
    Journey,
    Lane,
    Persona,
    Phase,
    Rating,
    Touchpoint,
)
from cjmapper.store import Library


def two_personas() -> Journey:
    cards = [
        Touchpoint(1, 1, 1, 0, "Offerte", score=2, target=4, ratings={2: Rating(5, None)}),
        Touchpoint(2, 2, 1, 0, "Levering", score=None, target=None, ratings={2: Rating(1, 3)}),
        Touchpoint(3, 2, 1, 1, "Factuur", score=3, status=CardStatus.OPEN),
    ]
    return Journey(
        0,
        "Installateur",
        personas=[Persona("Sanne", "Eigenaar", id=1), Persona("Karel", goals="Snel", color="#d55e00", id=2)],
        phases=[Phase(1, "Oriëntatie"), Phase(2, "Installatie")],
        lanes=[Lane(1, "Contact")],
        touchpoints=cards,
    )


def ratings_of(journey: Journey) -> list[list[Rating]]:
    return [[card.rating(journey, i) for i in range(len(journey.personas))] for card in journey.ordered_touchpoints()]


def test_version_3_round_trips_every_personas_scores_and_targets() -> None:
    journey = two_personas()
    text = write_journey(journey)
    document = json.loads(text)
    assert document["version"] == VERSION
    assert [p["name"] for p in document["personas"]] == ["Sanne", "Karel"]
    assert document["personas"][1]["color"] == "#d55e00"
    assert [t["scores"] for t in document["touchpoints"]] == [[2, 5], [None, 1], [3]]
    assert [t["targets"] for t in document["touchpoints"]] == [[4], [None, 3], []]
    again = read_journey(text)
    assert ratings_of(again) == ratings_of(journey)
    assert write_journey(again) == text


@pytest.mark.both_backends
def test_version_3_round_trips_through_a_library_and_a_version(library: Library) -> None:
    text = write_journey(two_personas())
    journey_id = library.create_journey(read_journey(text))
    assert write_journey(library.load_journey(journey_id)) == text
    saved = library.save_version(journey_id, "voor")
    assert write_journey(library.load_version(saved.id)) == text


def test_upgrade_from_version_1_the_persona_and_scores_become_the_first_personas() -> None:
    document: dict[str, Any] = {
        "format": "cjmapper.journey",
        "version": 1,
        "title": "Reis",
        "persona": {"name": "Sanne", "goals": "Meer klanten"},
        "phases": [{"id": "p1", "name": "Eén"}],
        "lanes": [{"id": "l1", "name": "Contact", "kind": "touchpoints"}],
        "touchpoints": [{"id": "t1", "phase": "p1", "lane": "l1", "title": "A", "score": 4}],
    }
    journey = read_journey(json.dumps(document))
    assert journey.personas == [Persona("Sanne", goals="Meer klanten")]
    assert ratings_of(journey) == [[Rating(4, None)]]
    written = json.loads(write_journey(journey))
    assert written["personas"][0]["name"] == "Sanne"
    assert written["touchpoints"][0]["scores"] == [4]


def test_upgrade_from_version_2_keeps_the_status_and_the_persona_is_the_first() -> None:
    document: dict[str, Any] = {
        "format": "cjmapper.journey",
        "version": 2,
        "title": "Reis",
        "persona": None,
        "phases": [{"id": "p1", "name": "Eén"}],
        "lanes": [{"id": "l1", "name": "Contact", "kind": "touchpoints"}],
        "touchpoints": [{"id": "t1", "phase": "p1", "lane": "l1", "title": "A", "score": 2, "status": "done"}],
    }
    journey = read_journey(json.dumps(document))
    assert journey.personas == []
    [card] = journey.touchpoints
    assert (card.score, card.target, card.status) == (2, None, CardStatus.DONE)
    assert json.loads(write_journey(journey))["touchpoints"][0]["scores"] == [2]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"score": 3}, "touchpoints[0].score: unknown field (version 3 keeps it in scores)"),
        ({"scores": [1, 2, 3]}, "touchpoints[0].scores: has 3 entries; the journey has 2 persona(s)"),
        ({"targets": [0]}, "touchpoints[0].targets[0]: must be 1 to 5 or null"),
        ({"scores": 4}, "touchpoints[0].scores: must be an array of scores (1 to 5 or null), not an integer"),
    ],
)
def test_version_3_scores_and_targets_are_checked(change: dict[str, Any], problem: str) -> None:
    document = json.loads(write_journey(two_personas()))
    document["touchpoints"][0].update(change)
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    assert problem in caught.value.problems


def test_more_than_eight_personas_are_refused() -> None:
    document = json.loads(write_journey(two_personas()))
    document["personas"] = [{"name": f"P{i}"} for i in range(MAX_PERSONAS + 1)]
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    assert any(p.startswith("personas:") for p in caught.value.problems)


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_version_is_written_on_request_naming_what_it_cannot_hold(version: int) -> None:
    journey = two_personas()
    lost = lost_in(journey, version)
    assert "1 more persona(s) and their scores" in lost
    assert "the targets (to-be scores)" in lost
    assert ("the cards' status" in lost) is (version == 1)
    document = json.loads(write_journey(journey, version))
    assert document["version"] == version
    assert document["persona"]["name"] == "Sanne"
    assert [t["score"] for t in document["touchpoints"]] == [2, None, 3]
    assert all("targets" not in t and "target" not in t for t in document["touchpoints"])
    assert ("status" in document["touchpoints"][0]) is (version == 2)
    again = read_journey(json.dumps(document))
    assert [p.name for p in again.personas] == ["Sanne"]


def test_nothing_is_lost_in_an_older_version_of_a_journey_it_can_hold() -> None:
    journey = two_personas()
    journey.personas = journey.personas[:1]
    for card in journey.touchpoints:
        card.ratings, card.target, card.status = {}, None, None
    assert lost_in(journey, 1) == lost_in(journey, 2) == []


scores = st.one_of(st.none(), st.integers(1, 5))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, MAX_PERSONAS).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.lists(st.tuples(scores, scores), min_size=n, max_size=n), max_size=6)
        )
    )
)
def test_any_personas_ratings_round_trip(drawn: tuple[int, list[list[tuple[int | None, int | None]]]]) -> None:
    count, rows = drawn
    personas = [Persona(f"P{i}", id=i + 1) for i in range(count)]
    cards = []
    for number, row in enumerate(rows, 1):
        (score, target), others = row[0], row[1:]
        ratings = {i + 2: Rating(s, t) for i, (s, t) in enumerate(others) if s is not None or t is not None}
        cards.append(Touchpoint(number, 1, 1, number, f"T{number}", score=score, target=target, ratings=ratings))
    journey = Journey(0, "Reis", personas=personas, phases=[Phase(1, "F")], lanes=[Lane(1, "L")], touchpoints=cards)
    again = read_journey(write_journey(journey))
    assert ratings_of(again) == ratings_of(journey)


def test_the_command_line_writes_an_older_version_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        library.create_journey(two_personas())
    out = tmp_path / "oud.json"
    code = main(["--library", str(path), "export", "Installateur", "-o", str(out), "--format-version", "1"])
    err = capsys.readouterr().err
    assert code == 0
    assert err == (
        "cjmapper: warning: a version 1 journey file cannot hold 1 more persona(s) and their scores; "
        "the targets (to-be scores); the cards' status; left out\n"
    )
    assert json.loads(out.read_text("utf-8"))["version"] == 1
    code = main(["--library", str(path), "export", "Installateur", "-o", str(tmp_path / "nu.json")])
    assert (code, capsys.readouterr().err) == (0, "")
    assert json.loads((tmp_path / "nu.json").read_text("utf-8"))["version"] == VERSION
    with pytest.raises(SystemExit):
        main(["--library", str(path), "export", "Installateur", "-o", str(tmp_path / "x.csv"), "--format-version", "1"])
    assert "--format-version only goes with JSON files" in capsys.readouterr().err

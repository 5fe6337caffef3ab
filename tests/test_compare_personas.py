"""Comparing two versions of a journey with several personas (cjmapper.compare, cjmapper.compare_words): personas
matched by id then name, each persona's score and target a change of its own, the summary's averages per persona;
with one persona the words are as they were."""

from __future__ import annotations

import copy
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper import messages
from cjmapper.compare import compare
from cjmapper.compare_words import as_json, lines, summary_lines
from cjmapper.model import Journey, Lane, Language, Persona, Phase, Rating, Touchpoint
from tests.test_compare import journeys

NAMES = ("Linda", "Ahmed", "Sanne", "Joris")
SCORES = st.one_of(st.none(), st.integers(1, 5))


def ratings_of(journey: Journey, card: Touchpoint) -> dict[int, Rating]:
    """Every persona's rating on `card`, by persona id (the first one's is the card's own)."""
    return {p.id: card.rating(journey, i) for i, p in enumerate(journey.personas)}


def with_ratings(journey: Journey, card: Touchpoint, by_id: dict[int, Rating]) -> None:
    """Give `card` these ratings (by persona id) the way the journey's persona order holds them."""
    first = by_id.get(journey.personas[0].id, Rating())
    card.score, card.target = first.score, first.target
    card.ratings = {p.id: by_id[p.id] for p in journey.personas[1:] if by_id.get(p.id, Rating()) != Rating()}


@st.composite
def rated_journeys(draw: st.DrawFn) -> Journey:
    """A journey of `journeys()` with two to four personas (ids 51..), each card rated by each at random."""
    journey = draw(journeys())
    count = draw(st.integers(2, 4))
    journey.personas = [Persona(NAMES[i], id=51 + i) for i in range(count)]
    for card in journey.touchpoints:
        for persona in journey.personas[1:]:
            rating = Rating(draw(SCORES), draw(SCORES))
            if rating != Rating():
                card.ratings[persona.id] = rating
    return journey


@given(rated_journeys(), st.data())
@settings(max_examples=60, deadline=None)
def test_the_same_personas_reordered_or_from_another_library_make_no_difference(
    journey: Journey, data: st.DataObject
) -> None:
    """The personas put in another order (their scores go with them, the first one's into the cards' own) and given
    other ids (as in another library: matched by name): nothing differs."""
    assert compare(journey, copy.deepcopy(journey)).empty
    after = copy.deepcopy(journey)
    before_ratings = {card.id: ratings_of(journey, card) for card in journey.touchpoints}
    order = data.draw(st.permutations(range(len(journey.personas))))
    after.personas = [replace(journey.personas[i], id=journey.personas[i].id + 100) for i in order]
    for card in after.touchpoints:
        with_ratings(after, card, {k + 100: v for k, v in before_ratings[card.id].items()})
    found = compare(journey, after)
    assert found.empty, lines(found)
    assert found.rated is not None
    assert sorted(r.name for r in found.rated) == sorted(p.name for p in journey.personas)


@given(rated_journeys(), st.data())
@settings(max_examples=100, deadline=None)
def test_every_persona_score_and_target_changed_is_its_own_change(journey: Journey, data: st.DataObject) -> None:
    after = copy.deepcopy(journey)
    expected: set[tuple[int, str, str]] = set()
    for card in after.touchpoints:
        ratings = ratings_of(after, card)
        for persona in after.personas:
            if not data.draw(st.booleans()):
                continue
            was = ratings[persona.id]
            now = Rating(data.draw(SCORES), data.draw(SCORES))
            ratings[persona.id] = now
            for name in ("score", "target"):
                if getattr(was, name) != getattr(now, name):
                    expected.add((card.id, name, persona.name))
        with_ratings(after, card, ratings)
    found = compare(journey, after)
    got = {(d.card.id, c.name, c.persona) for d in found.cards for c in d.changes}
    assert got == expected
    assert found.summary.changed == len({card_id for card_id, _, _ in expected})
    assert not found.personas
    assert len(lines(found)) == len(expected)
    assert all(": score (" in line or ": target (" in line for line in lines(found))


def _installer(personas: list[Persona]) -> Journey:
    return Journey(
        1,
        "Installer",
        personas=personas,
        phases=[Phase(1, "Orientation"), Phase(2, "Quote")],
        lanes=[Lane(1, "Touchpoints")],
    )


def _before_and_after() -> tuple[Journey, Journey]:
    """Linda, Ahmed and Joris before; after, Ahmed is called Ahmed B., Joris went and Sanne came. Linda's score on
    the website visit and Ahmed's target there changed."""
    before = _installer([Persona("Linda", id=1), Persona("Ahmed", id=2), Persona("Joris", id=3)])
    before.touchpoints = [
        Touchpoint(1, 1, 1, 0, "Website visit", score=2, ratings={2: Rating(4, 5), 3: Rating(1)}),
        Touchpoint(2, 2, 1, 0, "Quote by e-mail", score=3, target=4, ratings={2: Rating(2)}),
    ]
    after = _installer([Persona("Linda", id=1), Persona("Ahmed B.", id=2), Persona("Sanne", id=4)])
    after.touchpoints = [
        Touchpoint(1, 1, 1, 0, "Website visit", score=3, ratings={2: Rating(4, 4), 4: Rating(5)}),
        Touchpoint(2, 2, 1, 0, "Quote by e-mail", score=3, target=4, ratings={2: Rating(2)}),
    ]
    return before, after


def test_lines_name_each_persona_and_report_added_removed_and_renamed_personas() -> None:
    before, after = _before_and_after()
    found = compare(before, after)
    assert lines(found) == [
        "~ persona: Ahmed -> Ahmed B.",
        "- persona: Joris",
        "+ persona: Sanne",
        "~ Website visit: score (Linda): 2 -> 3",
        "~ Website visit: target (Ahmed B.): 5 -> 4",
    ]  # Joris's and Sanne's scores are not listed card by card: each is one persona line
    assert summary_lines(found) == [
        "0 added, 0 removed, 1 changed, 0 moved",
        "Orientation (Linda): average score 2.0 -> 3.0",
        "Orientation (Ahmed B.): average score 4.0 -> 4.0",
        "Orientation (Sanne): average score – -> 5.0",
        "Orientation (Joris): average score 1.0 -> –",
        "Quote (Linda): average score 3.0 -> 3.0",
        "Quote (Ahmed B.): average score 2.0 -> 2.0",
        "Quote (Sanne): average score – -> –",
        "Quote (Joris): average score – -> –",
    ]


def test_dutch_words_for_several_personas() -> None:
    before, after = _before_and_after()
    previous = messages.use_language(Language.NL)
    try:
        found = compare(before, after)
        text, summary = lines(found), summary_lines(found)
    finally:
        messages.use_language(previous)
    assert text[:3] == ["~ persona: Ahmed -> Ahmed B.", "- persona: Joris", "+ persona: Sanne"]
    assert "~ Website visit: gewenste score (Ahmed B.): 5 -> 4" in text
    assert summary[1] == "Orientation (Linda): gemiddelde score 2,0 -> 3,0"


def test_json_names_the_persona_of_each_score_and_average() -> None:
    before, after = _before_and_after()
    data = as_json(compare(before, after), "voor", "na")
    visit = next(c for c in data["cards"] if c["title"] == "Website visit")
    assert visit["changes"] == [
        {"field": "score", "persona": "Linda", "before": 2, "after": 3},
        {"field": "target", "persona": "Ahmed B.", "before": 5, "after": 4},
    ]
    assert data["personas"] == [
        {"kind": "renamed", "before": "Ahmed", "after": "Ahmed B."},
        {"kind": "removed", "before": "Joris", "after": None},
        {"kind": "added", "before": None, "after": "Sanne"},
    ]
    assert data["summary"]["phases"][0] == {"phase": "Orientation", "persona": "Linda", "before": 2.0, "after": 3.0}


def test_with_one_persona_the_words_and_json_are_as_before_personas_came() -> None:
    before, after = _before_and_after()
    for journey in (before, after):
        journey.personas = journey.personas[:1]
        for card in journey.touchpoints:
            card.ratings = {}
    after.personas[0] = replace(after.personas[0], name="Linda de Vries")  # one persona: no persona lines
    found = compare(before, after)
    assert found.rated is None
    assert lines(found) == ["~ Website visit: score: 2 -> 3"]
    assert summary_lines(found)[1] == "Orientation: average score 2.0 -> 3.0"
    data = as_json(found, "voor", None)
    assert "personas" not in data
    assert data["cards"][0]["changes"] == [{"field": "score", "before": 2, "after": 3}]
    assert data["summary"]["phases"][0] == {"phase": "Orientation", "before": 2.0, "after": 3.0}


def test_a_version_without_personas_holds_the_first_personas_scores_to_be() -> None:
    """A map from before personas came (its scores the map's) compared with one that has two: the scores are
    compared with the first persona's; both personas are reported added."""
    before, after = _before_and_after()
    before.personas = []
    for card in before.touchpoints:
        card.ratings = {}
    after.personas = after.personas[:2]
    found = compare(before, after)
    assert lines(found) == [
        "+ persona: Linda",
        "+ persona: Ahmed B.",
        "~ Website visit: score (Linda): 2 -> 3",
    ]
    assert summary_lines(found)[1:3] == [
        "Orientation (Linda): average score 2.0 -> 3.0",
        "Orientation (Ahmed B.): average score – -> 4.0",
    ]

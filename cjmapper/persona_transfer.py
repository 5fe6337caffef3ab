"""Every persona's score and target on a copied card, carried to where it is pasted.

A copy names each rated persona by id and by name (`rated_personas`). Pasted into the journey it came from, each
rating goes back to its persona by id; pasted into another journey, to the persona of the same name (ignoring case
and spaces around it; each persona takes one), and a rating of a persona that journey lacks is dropped (`transfer`).
A card copied from a journey without personas, or pasted into one, keeps its own score and target, the map's, as a
copy always did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from cjmapper.model import Journey, Rating, Touchpoint


@dataclass(frozen=True, slots=True)
class RatedPersona:
    """One persona's rating on a copied card, with what names the persona."""

    persona_id: int
    name: str
    rating: Rating


def rated_personas(card: Touchpoint, journey: Journey) -> list[RatedPersona]:
    """Each persona of `journey` that rated `card` (a score or a target), in the journey's order."""
    found = []
    for index, persona in enumerate(journey.personas):
        rating = card.rating(journey, index)
        if rating.score is not None or rating.target is not None:
            found.append(RatedPersona(persona.id, persona.name, rating))
    return found


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def transfer(
    card: Touchpoint, rated: Sequence[RatedPersona] | None, journey: Journey, same_journey: bool
) -> Touchpoint:
    """`card` (a copy) with the ratings `rated` given to `journey`'s personas: its `score` and `target` the first
    one's, its `ratings` the others'. `rated` None (a copy that names no personas), a copy from a journey without
    personas (`rated` empty and the card's own score kept) or `journey` without personas: the card as it is."""
    if rated is None or not journey.personas or (not rated and (card.score, card.target) != (None, None)):
        return replace(card, ratings={})
    left = list(rated)
    given: dict[int, Rating] = {}
    if same_journey:
        for persona in journey.personas:
            for entry in left:
                if entry.persona_id == persona.id:
                    given[persona.id] = entry.rating
                    left.remove(entry)
                    break
    for persona in journey.personas:
        if persona.id in given:
            continue
        for entry in left:
            if _key(entry.name) == _key(persona.name):
                given[persona.id] = entry.rating
                left.remove(entry)
                break
    first = journey.personas[0].id
    own = given.pop(first, Rating())
    return replace(card, score=own.score, target=own.target, ratings=given)

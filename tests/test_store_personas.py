"""The personas' edit API on both backends: each edit one transaction returning what its inverse needs, so that
applying the inverse gives back the journey as it was (scores and targets of every persona included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmapper.errors import EditError
from cjmapper.interchange import write_journey
from cjmapper.model import MAX_PERSONAS, Journey, Persona, Rating
from cjmapper.store import Library
from tests.store_helpers import sample_journey

pytestmark = pytest.mark.both_backends


def ratings(journey: Journey) -> dict[str, list[Rating]]:
    return {
        card.title + str(card.id): [card.rating(journey, i) for i in range(len(journey.personas))]
        for card in journey.touchpoints
    }


@pytest.fixture
def rated(library: Library) -> tuple[Library, int]:
    """A journey with two personas (Sanne first), each with scores and targets on some cards."""
    journey_id = library.create_journey(sample_journey())
    karel = library.add_persona(journey_id, Persona("Karel", color="#d55e00")).value
    journey = library.load_journey(journey_id)
    for number, card in enumerate(journey.touchpoints):
        library.set_rating(card.id, karel.id, Rating(1 + number % 5, 5 if number % 2 else None))
        library.set_rating(card.id, journey.personas[0].id, Rating(card.score, 1 + (number + 2) % 5))
    return library, journey_id


def test_each_persona_edit_undoes_to_the_journey_as_it_was(rated: tuple[Library, int]) -> None:
    library, journey_id = rated
    before = library.load_journey(journey_id)
    text = write_journey(before)
    sanne, karel = before.personas
    assert [p.name for p in before.personas] == ["Sanne", "Karel"]

    old = library.move_persona(karel.id, 0).value
    moved = library.load_journey(journey_id)
    assert [p.name for p in moved.personas] == ["Karel", "Sanne"]
    assert [[r.score for r in rs] for rs in ratings(moved).values()] == [
        [rs[1].score, rs[0].score] for rs in ratings(before).values()
    ]
    library.move_persona(karel.id, old)
    assert write_journey(library.load_journey(journey_id)) == text

    for persona in (sanne, karel):  # the first one, whose scores are the cards' own, and another
        removal = library.remove_persona(persona.id)
        after = library.load_journey(journey_id)
        assert [p.id for p in after.personas] == [p.id for p in before.personas if p.id != persona.id]
        library.restore_persona(journey_id, removal)
        restored = library.load_journey(journey_id)
        assert [p.id for p in restored.personas] == [sanne.id, karel.id]
        assert write_journey(restored) == text

    previous = library.update_persona(karel.id, name="Karel de Vries", color="#009e73").value
    assert library.load_journey(journey_id).personas[1] == Persona("Karel de Vries", color="#009e73")
    library.update_persona(karel.id, name=previous.name, color=previous.color)
    assert write_journey(library.load_journey(journey_id)) == text

    card = before.touchpoints[0]
    was = library.set_rating(card.id, karel.id, Rating(None, 2)).value
    assert library.load_journey(journey_id).touchpoints[0].rating(before, 1) == Rating(None, 2)
    library.set_rating(card.id, karel.id, was)
    assert write_journey(library.load_journey(journey_id)) == text


def test_a_deleted_card_comes_back_with_every_personas_rating(rated: tuple[Library, int]) -> None:
    library, journey_id = rated
    before = library.load_journey(journey_id)
    card = before.touchpoints[1]
    taken = library.delete_touchpoints([card.id]).value
    library.restore_touchpoints(journey_id, taken)
    assert ratings(library.load_journey(journey_id)) == ratings(before)


def test_a_version_keeps_every_persona_and_restores_them(rated: tuple[Library, int]) -> None:
    library, journey_id = rated
    before = library.load_journey(journey_id)
    saved = library.save_version(journey_id, "voor")
    library.remove_persona(before.personas[1].id)
    library.restore_version(saved.id)
    after = library.load_journey(journey_id)
    assert [p.name for p in after.personas] == ["Sanne", "Karel"]
    assert write_journey(after) == write_journey(before)


def test_at_most_eight_personas(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    for number in range(MAX_PERSONAS - 1):
        library.add_persona(journey_id, Persona(f"P{number}"))
    with pytest.raises(EditError, match="at most 8 personas"):
        library.add_persona(journey_id, Persona("Te veel"))
    assert len(library.load_journey(journey_id).personas) == MAX_PERSONAS


def test_a_journey_copied_to_another_library_keeps_its_personas_in_its_versions(
    rated: tuple[Library, int], tmp_path: Path
) -> None:
    library, journey_id = rated
    saved = library.save_version(journey_id, "voor")
    journey = library.load_journey(journey_id)
    version = library.load_version(saved.id)
    with Library.open(tmp_path / "other.cjm") as other:
        other.create_journey(sample_journey("Something else"))  # so the ids differ
        copy_id = other.import_journey(journey, [(saved, version)])
        copy = other.load_journey(copy_id)
        assert write_journey(copy) == write_journey(journey)
        [info] = other.list_versions(copy_id)
        other.remove_persona(copy.personas[1].id)
        other.restore_version(info.id)
        assert write_journey(other.load_journey(copy_id)) == write_journey(journey)

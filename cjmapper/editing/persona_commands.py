"""The commands that edit a journey's personas and their scores and targets: add, remove, rename or recolour, move,
and set one persona's score or target on a card. Each holds ids and plain values (the persona's id, the removal the
library returned, the rating it replaced), never a model object the snapshot keeps.

A persona's add, removal or move can hand the cards' own scores to another persona (the first one's are the
cards'), so those commands read the journey anew (`JourneySnapshot.reread`) and report the whole journey changed;
setting a rating patches the one card."""

from __future__ import annotations

from dataclasses import replace

from cjmapper.model import Persona, Rating
from cjmapper.store.personas import PersonaRemoval

from .changes import Change, ChangeKind
from .command import Command
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts
from .snapshot import JourneySnapshot


class PersonaCommand(Command):
    TOUCHES = Touches.STRUCTURE

    def holds(self) -> Parts:
        return Parts(everything=True)  # it may move every card's scores: any edit made elsewhere drops it

    def reread(self) -> Change:
        self.snapshot.reread()
        return Change.everything()

    def persona(self, persona_id: int) -> Persona:
        for persona in self.snapshot.journey.personas:
            if persona.id == persona_id:
                return persona
        raise KeyError(persona_id)


class AddPersonaCommand(PersonaCommand):
    """Add a persona (last, or at `index`). Undo removes it; redo puts it back under the same id."""

    def __init__(self, snapshot: JourneySnapshot, persona: Persona, index: int | None = None) -> None:
        super().__init__(snapshot)
        self.given = replace(persona)
        self.index = index
        self.persona_id = 0
        self._removal: PersonaRemoval | None = None

    def execute(self) -> Change:
        added = self.library.add_persona(self.snapshot.journey_id, self.given, self.index, expected_revision=self.seen)
        self.snapshot.adopt(added.revision)
        self.persona_id = added.value.id
        self.label = Label(marked("Add persona {0}"), (quoted(added.value.name),))
        return self.reread()

    def backward(self) -> Change:
        self._removal = self.library.remove_persona(self.persona_id, expected_revision=self.seen)
        self.snapshot.adopt(self._removal.revision)
        return self.reread()

    def forward(self) -> Change:
        assert self._removal is not None
        self.snapshot.adopt(
            self.library.restore_persona(self.snapshot.journey_id, self._removal, expected_revision=self.seen)
        )
        return self.reread()


class RemovePersonaCommand(PersonaCommand):
    """Remove a persona with its scores and targets. Undo puts it back at its place, under its id, with them."""

    def __init__(self, snapshot: JourneySnapshot, persona_id: int) -> None:
        super().__init__(snapshot)
        self.persona_id = persona_id
        self._removal: PersonaRemoval | None = None

    def execute(self) -> Change:
        name = self.persona(self.persona_id).name
        self.label = Label(marked("Remove persona {0}"), (quoted(name),))
        return self.forward()

    def forward(self) -> Change:
        self._removal = self.library.remove_persona(self.persona_id, expected_revision=self.seen)
        self.snapshot.adopt(self._removal.revision)
        return self.reread()

    def backward(self) -> Change:
        assert self._removal is not None
        self.snapshot.adopt(
            self.library.restore_persona(self.snapshot.journey_id, self._removal, expected_revision=self.seen)
        )
        return self.reread()


class MovePersonaCommand(PersonaCommand):
    """Move a persona to another place in the journey's order (the first one's scores are the cards' own)."""

    def __init__(self, snapshot: JourneySnapshot, persona_id: int, index: int) -> None:
        super().__init__(snapshot)
        self.persona_id = persona_id
        self.index = index
        self._old = 0

    def execute(self) -> Change | None:
        order = [p.id for p in self.snapshot.journey.personas]
        self._old = order.index(self.persona_id)
        self.index = max(0, min(self.index, len(order) - 1))
        if self.index == self._old:
            return None
        self.label = Label(marked("Move persona {0}"), (quoted(self.persona(self.persona_id).name),))
        return self.forward()

    def forward(self) -> Change:
        self.snapshot.adopt(
            self.library.move_persona(self.persona_id, self.index, expected_revision=self.seen).revision
        )
        return self.reread()

    def backward(self) -> Change:
        self.snapshot.adopt(self.library.move_persona(self.persona_id, self._old, expected_revision=self.seen).revision)
        return self.reread()


class UpdatePersonaCommand(PersonaCommand):
    """Rename, recolour or otherwise change a persona's fields; undo puts back the values it had."""

    def __init__(self, snapshot: JourneySnapshot, persona_id: int, fields: dict[str, object]) -> None:
        super().__init__(snapshot)
        self.persona_id = persona_id
        self.fields = dict(fields)
        self._old: dict[str, object] = {}

    def execute(self) -> Change | None:
        persona = self.persona(self.persona_id)
        self._old = {name: getattr(persona, name) for name in self.fields}
        if self._old == self.fields:
            return None
        text = marked("Recolour persona {0}") if set(self.fields) == {"color"} else marked("Edit persona {0}")
        self.label = Label(text, (quoted(persona.name),))
        return self._write(self.fields)

    def _write(self, fields: dict[str, object]) -> Change:
        done = self.library.update_persona(self.persona_id, expected_revision=self.seen, **fields)  # type: ignore[arg-type]
        self.snapshot.adopt(done.revision)
        return self.reread()

    def forward(self) -> Change:
        return self._write(self.fields)

    def backward(self) -> Change:
        return self._write(self._old)


class SetRatingCommand(Command):
    """Set one persona's score and target on a card; undo puts back the rating it had."""

    def __init__(self, snapshot: JourneySnapshot, touchpoint_id: int, persona_id: int, rating: Rating) -> None:
        super().__init__(snapshot)
        self.touchpoint_id = touchpoint_id
        self.persona_id = persona_id
        self.rating = rating
        self._old = Rating()

    def _index(self) -> int:
        return [p.id for p in self.snapshot.journey.personas].index(self.persona_id)

    def execute(self) -> Change | None:
        card = self.snapshot.card(self.touchpoint_id)
        self._old = card.rating(self.snapshot.journey, self._index())
        if self._old == self.rating:
            return None
        text = (
            marked("Edit target of card {0}")
            if self._old.score == self.rating.score
            else marked("Edit score of card {0}")
        )
        self.label = Label(text, (quoted(card.title),))
        return self._write(self.rating)

    def _write(self, rating: Rating) -> Change:
        done = self.library.set_rating(self.touchpoint_id, self.persona_id, rating, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        card = self.snapshot.card(self.touchpoint_id)
        if self._index() == 0:
            patched = replace(card, score=rating.score, target=rating.target)
        else:
            ratings = {k: v for k, v in card.ratings.items() if k != self.persona_id}
            if rating.score is not None or rating.target is not None:
                ratings[self.persona_id] = rating
            patched = replace(card, ratings=ratings)
        self.snapshot.put_cards([patched])
        return Change(ChangeKind.CARDS, updated=frozenset({self.touchpoint_id}))

    def holds(self) -> Parts:
        return Parts(cards=frozenset({self.touchpoint_id}))

    def forward(self) -> Change:
        return self._write(self.rating)

    def backward(self) -> Change:
        return self._write(self._old)

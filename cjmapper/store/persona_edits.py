"""The edit API of a journey's personas and their ratings, which `Library` inherits through `JourneyEdits`: each
edit one transaction that returns the journey's new revision and what its inverse needs (`remove_persona` a
`PersonaRemoval` for `restore_persona`, `move_persona` the index it had, `update_persona` the persona as it was,
`set_rating` the rating it replaced). The rows are written by `cjmapper.store.personas`."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.engine import Connection

from cjmapper.model import Persona, Rating
from cjmapper.store import personas
from cjmapper.store.personas import PersonaRemoval
from cjmapper.store.results import UNSET, Revised


class PersonaEdits:
    """Persona edits; the library supplies the transactions and `_touch` (see `JourneyEdits`)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    @staticmethod
    def _touch(
        conn: Connection, journey_id: int, expected_revision: int | None = None, cards: Sequence[int] | None = None
    ) -> int:
        raise NotImplementedError

    def add_persona(
        self, journey_id: int, persona: Persona, index: int | None = None, *, expected_revision: int | None = None
    ) -> Revised[Persona]:
        """Add a persona at `index` (None: last; at most `MAX_PERSONAS`); returns it as stored, with its id. The first
        persona of a journey takes the cards' scores, which were the map's."""
        with self._write() as conn:
            stored = personas.add_persona(conn, journey_id, replace(persona, id=0), index)
            return Revised(stored, self._touch(conn, journey_id, expected_revision))

    def remove_persona(self, persona_id: int, *, expected_revision: int | None = None) -> PersonaRemoval:
        """Remove a persona and its scores and targets; the next one becomes the first when it was. Returns what
        `restore_persona` needs."""
        with self._write() as conn:
            journey_id = personas.journey_of_persona(conn, persona_id)
            removal = personas.remove_persona(conn, persona_id)
            return replace(removal, revision=self._touch(conn, journey_id, expected_revision))

    def restore_persona(self, journey_id: int, removal: PersonaRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a removed persona under its own id, at its place, with its scores and targets."""
        with self._write() as conn:
            personas.restore_persona(conn, journey_id, removal)
            return self._touch(conn, journey_id, expected_revision)

    def move_persona(self, persona_id: int, index: int, *, expected_revision: int | None = None) -> Revised[int]:
        """Move a persona to `index` in the journey's order; returns the index it had."""
        with self._write() as conn:
            journey_id = personas.journey_of_persona(conn, persona_id)
            old = personas.move_persona(conn, persona_id, index)
            return Revised(old, self._touch(conn, journey_id, expected_revision))

    def update_persona(
        self,
        persona_id: int,
        *,
        name: str = UNSET,
        description: str = UNSET,
        goals: str = UNSET,
        frustrations: str = UNSET,
        color: str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Persona]:
        """Change some of a persona's fields (rename, recolour, ...); returns the persona as it was."""
        given = {"name": name, "description": description, "goals": goals, "frustrations": frustrations}
        fields: dict[str, object] = {k: v for k, v in given.items() if v is not UNSET}
        if color is not UNSET:
            fields["color"] = color
        with self._write() as conn:
            journey_id = personas.journey_of_persona(conn, persona_id)
            previous = personas.update_persona(conn, persona_id, fields)
            return Revised(previous, self._touch(conn, journey_id, expected_revision))

    def set_rating(
        self, touchpoint_id: int, persona_id: int, rating: Rating, *, expected_revision: int | None = None
    ) -> Revised[Rating]:
        """Make a persona's score and target on a card `rating` (each 1-5 or none); returns the rating it had."""
        with self._write() as conn:
            journey_id = personas.journey_of_persona(conn, persona_id)
            previous = personas.set_rating(conn, touchpoint_id, persona_id, rating)
            return Revised(previous, self._touch(conn, journey_id, expected_revision, [touchpoint_id]))

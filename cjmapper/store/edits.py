"""The edit API: every way to change a library's journeys, each one method of `JourneyEdits`, which `Library` is.

Every edit method is one transaction (`Library._write`), durable when it returns (there is no separate Save), bumps
the journey's revision and returns the new one, and raises a `CjmapperError` with the library unchanged when it
cannot be done. Each edit of a journey takes an optional `expected_revision`: the revision the caller last saw; when
another connection has changed the journey since, the edit is refused with `StaleEditError` (nobody silently
overwrites anybody). Edit methods take and return ids and model value objects (`cjmapper.store.results`), so undo
commands can hold ids; the rows they write are `cjmapper.store.rows`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import (
    delete,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cjmapper import rules
from cjmapper.errors import (
    DamagedJourneyError,
    EditError,
    NotFoundError,
    StaleEditError,
    UndecodableTextError,
)
from cjmapper.messages import say, word
from cjmapper.model import (
    MAX_TEXT,
    MAX_TITLE,
    CardStatus,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    Persona,
    Phase,
    Touchpoint,
)
from cjmapper.store import checks, image_rows, ordering, personas, reading, versions
from cjmapper.store.backend import Backend, JourneyChange
from cjmapper.store.matrix_edits import MatrixEdits
from cjmapper.store.ordering import Placement
from cjmapper.store.persona_edits import PersonaEdits
from cjmapper.store.personas import persona_values
from cjmapper.store.results import (
    UNSET,
    Additions,
    LaneRemoval,
    PhaseRemoval,
    Revised,
    TouchpointAddition,
    TouchpointMove,
)
from cjmapper.store.rows import (
    BUMP,
    BUMP_IF_AT,
    INSERT_CARD,
    LANE_ROWS,
    PHASE_ROWS,
    STALE,
    TOGETHER,
    ItemT,
    RemovalT,
    StructureRows,
    cards_of_one_journey,
    check_cell,
    clean_touchpoint,
    copy_title,
    delete_journey_rows,
    insert_at,
    insert_journey,
    insert_new_cards,
    insert_touchpoints,
    journey_of_cards,
    move_in_order,
    new_touchpoint,
    record,
    refuse_stale,
    refuse_unknown_fields,
    require,
    structure_ids,
    touchpoint_values,
    write_card_fields,
    write_placements,
    write_positions,
)
from cjmapper.store.tables import JOURNEYS, LANES, PERSONAS, PHASES, RATINGS, TOUCHPOINTS, VERSIONS
from cjmapper.store.versions import VersionInfo, VersionRemoval


class JourneyEdits(PersonaEdits, MatrixEdits):
    """The edit API of `Library` (see the module's docstring). The library supplies the transactions."""

    name: str
    _backend: Backend

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        """One write transaction (`Library._write`)."""
        raise NotImplementedError

    def _read(self) -> contextlib.AbstractContextManager[Connection]:
        """One read transaction (`Library._read`)."""
        raise NotImplementedError

    def load_journey(self, journey_id: int) -> Journey:
        raise NotImplementedError

    @staticmethod
    def _touch(
        conn: Connection, journey_id: int, expected_revision: int | None = None, cards: Sequence[int] | None = None
    ) -> int:
        """Bump the journey's revision and return the new one (every edit returns it to its caller). With
        `expected_revision`, refuse (StaleEditError, so the whole edit is rolled back) when the journey is no longer
        at that revision: someone else changed it since the caller read it. A journey that is not there is refused
        (NotFoundError). `cards`: the cards the edit wrote when it wrote only cards."""
        if expected_revision is None:
            found = conn.execute(BUMP, {"j": journey_id}).scalar()
        else:
            found = conn.execute(BUMP_IF_AT, {"j": journey_id, "expected": expected_revision}).scalar()
        if found is None:
            if expected_revision is not None:
                raise StaleEditError(say(STALE))
            raise NotFoundError(say("There is no journey with id {0} in this library.", journey_id))
        revision = int(found)
        record(JourneyChange(journey_id, revision, None if cards is None else tuple(cards)))
        return revision

    # ------------------------------------------------------------------ journeys

    def create_journey(self, journey: Journey) -> int:
        """Add a whole journey (ids inside `journey` are only references between its parts). Returns its id; the new
        journey's revision is `NEW_JOURNEY_REVISION` (as for every journey this library adds under a new id)."""
        with self._write() as conn:
            return insert_journey(conn, journey, keep_ids=False)

    def import_journey(self, journey: Journey, saved: Sequence[tuple[VersionInfo, Journey]] = ()) -> int:
        """Add a whole journey from another library with its saved versions (each under its name and time), in one
        transaction: a copy is there whole or not at all. Returns the new journey's id. The versions name the
        copy's parts by their new ids (see `versions.import_version`)."""
        with self._write() as conn:
            ids = versions.IdMap()
            journey_id = insert_journey(conn, journey, keep_ids=False, ids=ids, own_images=False)
            for info, content in saved:
                versions.import_version(conn, journey_id, info, content, ids)
            return journey_id

    def restore_journey(self, journey: Journey) -> int:
        """Put back a journey that `delete_journey` returned, with all its original ids. Returns the revision it has
        now (for the next `delete_journey`'s `expected_revision`). Refused (StaleEditError) when the journey is
        already back: someone else put it back, and their work on it stays."""
        with self._write() as conn:
            if conn.execute(select(JOURNEYS.c.id).where(JOURNEYS.c.id == journey.id)).scalar() is not None:
                raise StaleEditError(say(STALE))
            journey_id = insert_journey(conn, journey, keep_ids=True)
            self._backend.ids_inserted(conn, (JOURNEYS, PERSONAS, PHASES, LANES, TOUCHPOINTS))
            return int(conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).scalar_one())

    def delete_journey(self, journey_id: int, *, expected_revision: int | None = None) -> Journey:
        """Delete a journey and everything on it; returns it whole (with the revision it had), for undo. With
        `expected_revision`, refused (StaleEditError) when the journey is no longer at that revision or is gone:
        someone else changed or deleted it since the caller saw it."""
        with self._write() as conn:
            if expected_revision is not None:
                found = conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).scalar()
                if found != expected_revision:
                    raise StaleEditError(say(STALE))
            journey = self._load_for_write(conn, journey_id)
            statement = delete(JOURNEYS).where(JOURNEYS.c.id == journey_id)
            if expected_revision is not None:
                statement = statement.where(JOURNEYS.c.revision == expected_revision)
            if conn.execute(statement).rowcount != 1:
                raise StaleEditError(say(STALE))
            record(JourneyChange(journey_id, None))
        return journey

    def delete_damaged_journey(self, journey_id: int, *, expected_revision: int | None = None) -> None:
        """Delete a journey that cannot be read (`load_journey` refuses it: a forged or damaged row) with everything on
        it: its phases, lanes, cards and saved versions, and a card of another journey forged onto one of its phases
        or lanes (as the schema's cascades would; that journey moves to a new revision, when its own is a whole
        number). One transaction, announced like `delete_journey`; it cannot be undone (what cannot be read cannot be
        put back). A journey that reads is refused (EditError): `delete_journey` deletes it, and returns it for undo.

        `expected_revision`: the journey's revision as `journey_revisions` lists it (`reading.UNREADABLE_REVISION`
        for one that is not a whole number); refused (StaleEditError) when it is no longer that or the journey is
        gone: someone else changed or deleted it since the caller saw it."""
        with self._write() as conn:
            if expected_revision is not None and self._listed_revision(conn, journey_id) != expected_revision:
                raise StaleEditError(say(STALE))
            try:
                self._load_for_write(conn, journey_id)
            except DamagedJourneyError:
                pass
            else:
                raise EditError(
                    say(
                        "Journey {0} can be read, so it is not deleted as a damaged one; "
                        "delete it as usual (which can be undone).",
                        journey_id,
                    )
                )
            for other, revision in delete_journey_rows(conn, journey_id):
                record(JourneyChange(other, revision))
            record(JourneyChange(journey_id, None))

    def _load_for_write(self, conn: Connection, journey_id: int) -> Journey:
        """`reading.load_journey` inside a write transaction: a journey holding text that is not UTF-8 is refused as
        damaged, naming it (as `load_journey` does)."""
        try:
            return reading.load_journey(conn, journey_id)
        except DBAPIError as e:
            if isinstance(self._backend.translate(e), UndecodableTextError):
                raise checks.damaged(journey_id, "it holds text that is not UTF-8") from None
            raise

    def _listed_revision(self, conn: Connection, journey_id: int) -> int | None:
        """The journey's revision as `journey_revisions` lists it; None when there is no such journey."""
        try:
            return reading.journey_revisions(conn, journey_id).get(journey_id)
        except DBAPIError as e:
            if isinstance(self._backend.translate(e), UndecodableTextError):
                return reading.UNREADABLE_REVISION
            raise

    def duplicate_journey(self, journey_id: int, title: str | None = None) -> int:
        """Add a copy of a journey (under `title`, else its own title with " (copy)"); returns the copy's id. The copy's
        revision is `NEW_JOURNEY_REVISION`."""
        with self._write() as conn:
            journey = reading.load_journey(conn, journey_id)
            journey.title = rules.title(title if title is not None else copy_title(journey.title), MAX_TITLE, "title")
            return insert_journey(conn, journey, keep_ids=False)

    def update_journey(
        self,
        journey_id: int,
        *,
        title: str = UNSET,
        description: str = UNSET,
        language: Language | str = UNSET,
        framework: Framework | str = UNSET,
        persona: Persona | None = UNSET,
        expected_revision: int | None = None,
    ) -> int:
        """Change some of the journey's own fields; returns the journey's new revision."""
        values: dict[str, object] = {}
        if title is not UNSET:
            values["title"] = rules.title(title, MAX_TITLE, "journey title")
        if description is not UNSET:
            values["description"] = rules.text(description, MAX_TEXT, "description")
        if language is not UNSET:
            values["language"] = rules.language(language).value
        if framework is not UNSET:
            values["framework"] = rules.framework(framework).value
        if persona is not UNSET and persona is not None:
            persona_values(persona)  # refused before anything is written
        with self._write() as conn:
            require(conn, JOURNEYS, journey_id, "journey")
            if persona is not UNSET:
                personas.set_first(conn, journey_id, persona)
            if values:
                conn.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(**values))
            return self._touch(conn, journey_id, expected_revision)

    # ------------------------------------------------------------------ phases and lanes

    def add_phase(
        self,
        journey_id: int,
        name: str,
        *,
        index: int | None = None,
        description: str = "",
        color: str | None = None,
        expected_revision: int | None = None,
    ) -> Revised[Phase]:
        """Add a phase at `index` (None: last); returns it as stored, with the journey's new revision."""
        return self._add_structure(
            PHASE_ROWS, journey_id, index, expected_revision, name=name, description=description, color=color
        )

    def update_phase(
        self,
        phase_id: int,
        *,
        name: str = UNSET,
        description: str = UNSET,
        color: str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Phase]:
        """Change some fields of a phase; returns it as stored, with the journey's new revision."""
        return self._update_structure(
            PHASE_ROWS, phase_id, expected_revision, name=name, description=description, color=color
        )

    def move_phase(self, phase_id: int, index: int, *, expected_revision: int | None = None) -> int:
        """Move a phase to `index` among the journey's phases (0 = leftmost); returns the journey's new revision."""
        return self._move_structure(PHASE_ROWS, phase_id, index, expected_revision)

    def delete_phase(self, phase_id: int, *, expected_revision: int | None = None) -> PhaseRemoval:
        """Delete a phase with its cards; returns what was removed, for `restore_phase`, with the journey's new
        revision."""
        return self._delete_structure(PHASE_ROWS, phase_id, expected_revision)

    def restore_phase(self, removal: PhaseRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a phase `delete_phase` removed, with its cards; returns the journey's new revision."""
        return self._restore_structure(
            PHASE_ROWS, removal.journey_id, removal.index, removal.phase, removal.touchpoints, expected_revision
        )

    def add_lane(
        self,
        journey_id: int,
        name: str,
        kind: LaneKind | str = LaneKind.TOUCHPOINTS,
        *,
        index: int | None = None,
        color: str | None = None,
        expected_revision: int | None = None,
    ) -> Revised[Lane]:
        """Add a lane at `index` (None: last); returns it as stored, with the journey's new revision."""
        return self._add_structure(LANE_ROWS, journey_id, index, expected_revision, name=name, kind=kind, color=color)

    def update_lane(
        self,
        lane_id: int,
        *,
        name: str = UNSET,
        kind: LaneKind | str = UNSET,
        color: str | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Lane]:
        """Change some fields of a lane; returns it as stored, with the journey's new revision."""
        return self._update_structure(LANE_ROWS, lane_id, expected_revision, name=name, kind=kind, color=color)

    def move_lane(self, lane_id: int, index: int, *, expected_revision: int | None = None) -> int:
        """Move a lane to `index` among the journey's lanes (0 = top); returns the journey's new revision."""
        return self._move_structure(LANE_ROWS, lane_id, index, expected_revision)

    def delete_lane(self, lane_id: int, *, expected_revision: int | None = None) -> LaneRemoval:
        """Delete a lane with its cards; returns what was removed, for `restore_lane`, with the journey's new
        revision."""
        return self._delete_structure(LANE_ROWS, lane_id, expected_revision)

    def restore_lane(self, removal: LaneRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a lane `delete_lane` removed, with its cards; returns the journey's new revision."""
        return self._restore_structure(
            LANE_ROWS, removal.journey_id, removal.index, removal.lane, removal.touchpoints, expected_revision
        )

    # The shared bodies of the phase and lane edits; `StructureRows` says which of the two.

    def _add_structure(
        self,
        structure: StructureRows[ItemT, RemovalT],
        journey_id: int,
        index: int | None,
        expected_revision: int | None,
        **given: object,
    ) -> Revised[ItemT]:
        values = structure.clean(given)
        with self._write() as conn:
            require(conn, JOURNEYS, journey_id, "journey")
            order = structure_ids(conn, structure.table, journey_id)
            if len(order) >= structure.limit:
                raise EditError(say("A journey has at most {0} {1}.", structure.limit, word(f"{structure.what}s")))
            item = structure.load(conn, insert_at(conn, structure.table, journey_id, order, index, values))
            revision = self._touch(conn, journey_id, expected_revision)
        return Revised(item, revision)

    def _update_structure(
        self, structure: StructureRows[ItemT, RemovalT], item_id: int, expected_revision: int | None, **given: object
    ) -> Revised[ItemT]:
        values = structure.clean({name: value for name, value in given.items() if value is not UNSET})
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            refuse_stale(conn, journey_id, expected_revision)
            structure.check_update(conn, item_id, values)
            if values:
                conn.execute(update(structure.table).where(structure.table.c.id == item_id).values(**values))
            revision = self._touch(conn, journey_id, expected_revision)
            item = structure.load(conn, item_id)
        return Revised(item, revision)

    def _move_structure(
        self, structure: StructureRows[ItemT, RemovalT], item_id: int, index: int, expected_revision: int | None
    ) -> int:
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            move_in_order(conn, structure.table, journey_id, item_id, index)
            return self._touch(conn, journey_id, expected_revision)

    def _delete_structure(
        self, structure: StructureRows[ItemT, RemovalT], item_id: int, expected_revision: int | None
    ) -> RemovalT:
        with self._write() as conn:
            journey_id = reading.journey_of(conn, structure.what, item_id)
            refuse_stale(conn, journey_id, expected_revision)
            order = structure_ids(conn, structure.table, journey_id)
            if len(order) <= 1:
                raise EditError(say("A journey keeps at least one {0}.", word(structure.what)))
            journey = reading.load_journey(conn, journey_id)
            removal = structure.removal(
                journey_id,
                order.index(item_id),
                structure.find(journey, item_id),
                tuple(t for t in journey.touchpoints if getattr(t, structure.card_field) == item_id),
            )
            conn.execute(delete(structure.table).where(structure.table.c.id == item_id))
            order.remove(item_id)
            write_positions(conn, structure.table, order)
            revision = self._touch(conn, journey_id, expected_revision)
        return replace(removal, revision=revision)

    def _restore_structure(
        self,
        structure: StructureRows[ItemT, RemovalT],
        journey_id: int,
        index: int,
        item: ItemT,
        cards: Sequence[Touchpoint],
        expected_revision: int | None,
    ) -> int:
        with self._write() as conn:
            order = structure_ids(conn, structure.table, journey_id)
            insert_at(conn, structure.table, journey_id, order, index, structure.stored(item) | {"id": item.id})
            insert_touchpoints(conn, journey_id, cards)
            self._backend.ids_inserted(conn, (structure.table, TOUCHPOINTS))
            return self._touch(conn, journey_id, expected_revision)

    # ------------------------------------------------------------------ touchpoints

    def add_touchpoint(
        self,
        journey_id: int,
        phase_id: int,
        lane_id: int,
        title: str,
        *,
        index: int | None = None,
        notes: str = "",
        channel: str | None = None,
        score: int | None = None,
        expectation: str = "",
        owner: str = "",
        color: str | None = None,
        votes: int = 0,
        status: CardStatus | str | None = None,
        expected_revision: int | None = None,
    ) -> TouchpointAddition:
        """Add a card to a cell at `index` (None: at the end). Returns it with its new id and position, the cell's
        other cards that were renumbered to make room, and the journey's new revision."""
        given = Touchpoint(0, phase_id, lane_id, 0, title, notes, channel, score, expectation, owner, color, votes)
        card = clean_touchpoint(replace(given, status=rules.status(status)))
        with self._write() as conn:
            check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            [card.position], renumbered = ordering.place(conn, phase_id, lane_id, index, 1, ())
            values = touchpoint_values(card, journey_id)
            del values["id"]
            card.id = int(conn.execute(INSERT_CARD, values).scalar_one())
            revision = self._touch(
                conn, journey_id, expected_revision, [card.id, *(p.touchpoint_id for p in renumbered.after)]
            )
        return TouchpointAddition(card, renumbered, revision)

    def add_touchpoints(
        self,
        journey_id: int,
        phase_id: int,
        lane_id: int,
        cards: Sequence[tuple[str, Mapping[str, object]]],
        *,
        index: int | None = None,
        expected_revision: int | None = None,
    ) -> Additions:
        """Add cards (each its title and its other fields by name, as `add_touchpoint` takes them) to a cell, in
        the order given from `index` on (None: at the end): as adding them one after another at index, index + 1,
        ..., but in one transaction, with one revision and one change notice, and all or none of them (a bad value
        in any card is refused before anything is written); `ratings` among a card's fields: the other personas' (as
        `Touchpoint.ratings`). Returns the new cards as stored, the cell's other cards renumbered to make room, and
        the journey's new revision."""
        if not cards:
            raise EditError(say("Give one or more cards to add."))
        new_cards = [new_touchpoint("add_touchpoints", phase_id, lane_id, title, fields) for title, fields in cards]
        with self._write() as conn:
            check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            keys, renumbered = ordering.place(conn, phase_id, lane_id, index, len(new_cards), ())
            for card, key in zip(new_cards, keys, strict=True):
                card.position = key
            insert_new_cards(conn, journey_id, new_cards)
            revision = self._touch(
                conn,
                journey_id,
                expected_revision,
                [*(card.id for card in new_cards), *(p.touchpoint_id for p in renumbered.after)],
            )
        return Additions(tuple(new_cards), renumbered, revision)

    def update_touchpoint(
        self,
        touchpoint_id: int,
        *,
        title: str = UNSET,
        notes: str = UNSET,
        channel: str | None = UNSET,
        score: int | None = UNSET,
        expectation: str = UNSET,
        owner: str = UNSET,
        color: str | None = UNSET,
        votes: int = UNSET,
        status: CardStatus | str | None = UNSET,
        target: int | None = UNSET,
        impact: int | None = UNSET,
        effort: int | None = UNSET,
        expected_revision: int | None = None,
    ) -> Revised[Touchpoint]:
        """Change some fields of a card (`score` and `target`: the first persona's); returns the card as stored, with
        the journey's new revision."""
        given: dict[str, Any] = {
            "title": title, "notes": notes, "channel": channel, "score": score,
            "expectation": expectation, "owner": owner, "color": color, "votes": votes,
            "status": status, "target": target, "impact": impact, "effort": effort,
        }  # fmt: skip
        changes = {k: v for k, v in given.items() if v is not UNSET}
        with self._write() as conn:
            journey_id, found = cards_of_one_journey(conn, [touchpoint_id])
            refuse_stale(conn, journey_id, expected_revision)
            [card] = write_card_fields(conn, found, {touchpoint_id: changes})
            revision = self._touch(conn, journey_id, expected_revision, [touchpoint_id])
        return Revised(card, revision)

    def update_touchpoints(
        self, changes: Mapping[int, Mapping[str, object]], *, expected_revision: int | None = None
    ) -> int:
        """Change fields of several cards at once (card id: its fields by name, as `update_touchpoint` takes them),
        each card's values cleaned and checked as `update_touchpoint` does. One transaction, one revision, one
        change notice: all of it is saved or none (a bad value in any card, a card that is not there, cards of two
        journeys: refused, the library unchanged). Returns the journey's new revision."""
        wanted = {card_id: dict(fields) for card_id, fields in changes.items()}
        if not wanted:
            raise EditError(say("Select one or more cards to change."))
        for fields in wanted.values():
            refuse_unknown_fields("update_touchpoints", fields)
        ids = list(wanted)
        with self._write() as conn:
            journey_id, found = cards_of_one_journey(conn, ids, TOGETHER)
            refuse_stale(conn, journey_id, expected_revision)
            write_card_fields(conn, found, wanted)
            return self._touch(conn, journey_id, expected_revision, ids)

    def move_touchpoints(
        self,
        ids: Sequence[int],
        phase_id: int,
        lane_id: int,
        index: int | None,
        *,
        expected_revision: int | None = None,
    ) -> TouchpointMove:
        """Move cards (in the order given) into a cell, to stand at `index` among the cell's other cards
        (None: at the end). Writes only the moved cards, unless the gap there has run out and the cell's other
        cards are renumbered. Returns the placements before and after, so undo and redo can `arrange` them back,
        and the journey's new revision."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise EditError(say("Select one or more cards to move."))
        with self._write() as conn:
            journey_id, cards = cards_of_one_journey(conn, ids)
            check_cell(conn, journey_id, phase_id, lane_id, expected_revision)
            by_id = {t.id: t for t in cards}
            before = tuple(Placement(i, by_id[i].phase_id, by_id[i].lane_id, by_id[i].position) for i in ids)
            keys, renumbered = ordering.place(conn, phase_id, lane_id, index, len(ids), ids)
            after = tuple(Placement(i, phase_id, lane_id, key) for i, key in zip(ids, keys, strict=True))
            write_placements(conn, after)
            revision = self._touch(
                conn, journey_id, expected_revision, [*ids, *(p.touchpoint_id for p in renumbered.after)]
            )
        return TouchpointMove(before, after, renumbered, revision)

    def arrange(self, placements: Sequence[Placement], *, expected_revision: int | None = None) -> int:
        """Put cards exactly where `placements` say (the inverse of a move, for undo and redo); returns the journey's
        new revision. Refused (EditError) when given no placements: it would name no journey."""
        if not placements:
            raise EditError(say("Give one or more cards to arrange."))
        with self._write() as conn:
            journey_id = journey_of_cards(conn, [p.touchpoint_id for p in placements])
            for cell in {(p.phase_id, p.lane_id) for p in placements}:
                check_cell(conn, journey_id, *cell)
            write_placements(conn, placements)
            return self._touch(conn, journey_id, expected_revision, [p.touchpoint_id for p in placements])

    def delete_touchpoints(
        self, ids: Sequence[int], *, expected_revision: int | None = None
    ) -> Revised[list[Touchpoint]]:
        """Delete cards; returns them as they were (with their places), for `restore_touchpoints`, with the
        journey's new revision. Refused (EditError) when given no cards: it would name no journey."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise EditError(say("Select one or more cards to delete."))
        with self._write() as conn:
            journey_id, cards = cards_of_one_journey(conn, ids)
            reading.attach_ratings(conn, cards)
            image_rows.detach(conn, cards)
            conn.execute(delete(RATINGS).where(RATINGS.c.touchpoint_id.in_(ids)))
            conn.execute(delete(TOUCHPOINTS).where(TOUCHPOINTS.c.id.in_(ids)))
            revision = self._touch(conn, journey_id, expected_revision, ids)
        return Revised(cards, revision)

    def restore_touchpoints(
        self, journey_id: int, cards: Sequence[Touchpoint], *, expected_revision: int | None = None
    ) -> int:
        """Put deleted cards back with their ids, each at its old place in its cell; returns the journey's new
        revision."""
        with self._write() as conn:
            insert_touchpoints(conn, journey_id, cards)
            self._backend.ids_inserted(conn, (TOUCHPOINTS,))
            return self._touch(conn, journey_id, expected_revision, [c.id for c in cards])

    # ------------------------------------------------------------------ named versions (cjmapper.store.versions)

    def list_versions(self, journey_id: int) -> list[VersionInfo]:
        """The journey's saved versions, newest first."""
        with self._read() as conn:
            return versions.list_versions(conn, journey_id)

    def version_info(self, version_id: int) -> VersionInfo:
        with self._read() as conn:
            return versions.version_info(conn, version_id)

    def find_version(self, journey_id: int, ref: str) -> int:
        """The id of the journey's version named `ref` (its exact name, or else its id)."""
        with self._read() as conn:
            return versions.find_version(conn, journey_id, ref)

    def load_version(self, version_id: int) -> Journey:
        """A saved version's content, read-only: the journey as it was, with the ids it had then."""
        with self._read() as conn:
            return versions.load_version(conn, version_id)

    def save_version(self, journey_id: int, name: str, *, expected_revision: int | None = None) -> VersionInfo:
        """Save the journey as it is now under `name` (trimmed, 1 to 100 characters, unique in the journey). The
        returned info's `revision` is the journey's new revision."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            info = versions.save_version(conn, journey_id, name)
            revision = self._touch(conn, journey_id, expected_revision)
        return replace(info, revision=revision)

    def delete_version(self, version_id: int, *, expected_revision: int | None = None) -> VersionRemoval:
        """Delete a saved version; returns it, for `restore_deleted_version`, with the journey's new revision."""
        with self._write() as conn:
            removal = versions.delete_version(conn, version_id)
            revision = self._touch(conn, removal.info.journey_id, expected_revision)
        return replace(removal, revision=revision)

    def restore_deleted_version(self, removal: VersionRemoval, *, expected_revision: int | None = None) -> int:
        """Put back a version that `delete_version` returned, under its own id; returns the journey's new
        revision."""
        with self._write() as conn:
            versions.restore_deleted_version(conn, removal)
            self._backend.ids_inserted(conn, (VERSIONS,))
            return self._touch(conn, removal.info.journey_id, expected_revision)

    def restore_version(self, version_id: int, *, expected_revision: int | None = None) -> Revised[Journey]:
        """Make the version's journey hold the version's content again (fields, phases, lanes and cards, with the
        version's ids where they are the journey's own; see `versions.replace_content`). Returns the journey as it
        was (`replace_journey_content` of it undoes the restore, and of the journey as restored, redoes it), with
        the journey's new revision."""
        with self._write() as conn:
            content = versions.load_version(conn, version_id)
            refuse_stale(conn, content.id, expected_revision)
            previous = versions.replace_content(conn, content, self._backend.issued_ids)
            revision = self._touch(conn, content.id, expected_revision)
        return Revised(previous, revision)

    def replace_journey_content(self, journey: Journey, *, expected_revision: int | None = None) -> Revised[Journey]:
        """Make journey `journey.id` hold exactly `journey` (fields, phases, lanes and cards, ids and sort keys
        kept, but for ids that are not the journey's own: see `versions.replace_content`). Returns the journey as
        it was, for undo, with the journey's new revision."""
        with self._write() as conn:
            refuse_stale(conn, journey.id, expected_revision)
            previous = versions.replace_content(conn, journey, self._backend.issued_ids)
            revision = self._touch(conn, journey.id, expected_revision)
        return Revised(previous, revision)

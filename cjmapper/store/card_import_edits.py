"""The card import part of the edit API, which `Library` inherits beside `JourneyEdits`: applying a card import
(`cjmapper.card_import.plan.ImportPlan`: new phases and lanes, then the cards) in one transaction with one revision,
and taking it back (its undo: the cards, then the phases and lanes it created). All or nothing: a bad value in any
card, a journey with no room for the phases or lanes, or a stale revision is refused with the library unchanged."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from cjmapper.card_import.plan import CardImport, ImportPlan
from cjmapper.errors import EditError
from cjmapper.messages import say, word
from cjmapper.model import LaneKind, Touchpoint
from cjmapper.store import ordering
from cjmapper.store.edits import JourneyEdits
from cjmapper.store.rows import (
    LANE_ROWS,
    PHASE_ROWS,
    StructureRows,
    insert_at,
    insert_new_cards,
    new_touchpoint,
    refuse_stale,
    require,
    structure_ids,
    write_positions,
)
from cjmapper.store.tables import JOURNEYS, LANES, PHASES, RATINGS, TOUCHPOINTS


class CardImportEdits:
    """Card imports of a library's journeys (see the module's docstring)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    def import_cards(self, journey_id: int, plan: ImportPlan, *, expected_revision: int | None = None) -> CardImport:
        """Add the plan's new phases and lanes after the journey's own, then its cards, each at the end of its cell
        in the plan's order. Returns the new ids, for `remove_card_import`."""
        if not plan.cards:
            raise EditError(say("Give one or more cards to add."))
        phase_names = {name: i for i, name in enumerate(plan.new_phases)}
        lane_names = {name: i for i, name in enumerate(plan.new_lanes)}
        cards = [
            new_touchpoint("import_cards", 0, 0, card.title, card.fields)
            for card in plan.cards  # every value through its rule before anything is written
        ]
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            require(conn, JOURNEYS, journey_id, "journey")
            phase_ids = _add(conn, PHASE_ROWS, journey_id, plan.new_phases, {})
            lane_ids = _add(conn, LANE_ROWS, journey_id, plan.new_lanes, {"kind": LaneKind.TOUCHPOINTS})
            own_phases = set(structure_ids(conn, PHASES, journey_id))
            lanes = dict(conn.execute(select(LANES.c.id, LANES.c.kind).where(LANES.c.journey_id == journey_id)).all())
            cells: dict[tuple[int, int], list[Touchpoint]] = defaultdict(list)
            for planned, card in zip(plan.cards, cards, strict=True):
                phase = planned.phase if isinstance(planned.phase, int) else phase_ids[phase_names[planned.phase]]
                lane = planned.lane if isinstance(planned.lane, int) else lane_ids[lane_names[planned.lane]]
                if phase not in own_phases:
                    raise EditError(say("There is no phase with id {0} in this journey.", phase))
                if lanes.get(lane, LaneKind.EMOTIONS.value) == LaneKind.EMOTIONS.value:
                    raise EditError(say("There is no lane for cards with id {0} in this journey.", lane))
                card.phase_id, card.lane_id = phase, lane
                cells[(phase, lane)].append(card)
            for (phase, lane), in_cell in cells.items():
                keys, _ = ordering.place(conn, phase, lane, None, len(in_cell), ())
                for card, key in zip(in_cell, keys, strict=True):
                    card.position = key
            insert_new_cards(conn, journey_id, cards)
            card_ids = tuple(card.id for card in cards)
            structure_changed = bool(phase_ids or lane_ids)
            revision = JourneyEdits._touch(conn, journey_id, expected_revision, None if structure_changed else card_ids)
        return CardImport(journey_id, tuple(phase_ids), tuple(lane_ids), card_ids, revision)

    def remove_card_import(self, done: CardImport, *, expected_revision: int | None = None) -> int:
        """Take a card import back (the undo of `import_cards`): delete its cards, then the phases and lanes it
        created (with any card in them). Returns the journey's new revision."""
        journey_id = done.journey_id
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            ids = list(done.card_ids)
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                conn.execute(delete(RATINGS).where(RATINGS.c.touchpoint_id.in_(chunk)))
                conn.execute(
                    delete(TOUCHPOINTS).where(TOUCHPOINTS.c.journey_id == journey_id, TOUCHPOINTS.c.id.in_(chunk))
                )
            for structure, made in ((PHASE_ROWS, done.phase_ids), (LANE_ROWS, done.lane_ids)):
                if made:
                    _remove(conn, structure, journey_id, made)
            structure_changed = bool(done.phase_ids or done.lane_ids)
            return JourneyEdits._touch(conn, journey_id, expected_revision, None if structure_changed else ids)


def _add(
    conn: Connection,
    structure: StructureRows[Any, Any],
    journey_id: int,
    names: tuple[str, ...],
    extra: dict[str, object],
) -> list[int]:
    """Add phases or lanes named `names` after the journey's own; their ids."""
    order = structure_ids(conn, structure.table, journey_id)
    if len(order) + len(names) > structure.limit:
        raise EditError(say("A journey has at most {0} {1}.", structure.limit, word(f"{structure.what}s")))
    return [
        insert_at(conn, structure.table, journey_id, order, None, structure.clean({"name": n, **extra})) for n in names
    ]


def _remove(conn: Connection, structure: StructureRows[Any, Any], journey_id: int, ids: tuple[int, ...]) -> None:
    """Delete the phases or lanes `ids` (and any card in them) and renumber the journey's others."""
    column = TOUCHPOINTS.c[structure.card_field]
    gone = select(TOUCHPOINTS.c.id).where(column.in_(ids))
    conn.execute(delete(RATINGS).where(RATINGS.c.touchpoint_id.in_(gone)))
    conn.execute(delete(TOUCHPOINTS).where(column.in_(ids)))
    conn.execute(
        delete(structure.table).where(structure.table.c.id.in_(ids), structure.table.c.journey_id == journey_id)
    )
    write_positions(conn, structure.table, structure_ids(conn, structure.table, journey_id))

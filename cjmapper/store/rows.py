"""The rows the edit API writes, inside its write transactions: the statements every card edit runs (built once),
the stale check, the change notices a transaction announces when it commits, and the helpers that clean values and
insert, move and delete the rows of journeys, phases, lanes and cards. Nothing here opens a transaction."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    Update,
    bindparam,
    cast,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Row

from cjmapper import card_fields, rules
from cjmapper.errors import (
    EditError,
    NotFoundError,
    StaleEditError,
)
from cjmapper.messages import say, word
from cjmapper.model import (
    MAX_LANES,
    MAX_NAME,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    ImageRef,
    Journey,
    Lane,
    LaneKind,
    Phase,
    Touchpoint,
)
from cjmapper.store import comments as comment_rows
from cjmapper.store import image_rows, matrix_rows, ordering, personas, reading, versions
from cjmapper.store.backend import JourneyChange
from cjmapper.store.comment_tables import COMMENTS
from cjmapper.store.ordering import Placement
from cjmapper.store.results import (
    Cell,
    LaneRemoval,
    PhaseRemoval,
)
from cjmapper.store.tables import (
    CARD_IMAGES,
    JOURNEYS,
    LANES,
    PERSONAS,
    PHASES,
    RATINGS,
    TOUCHPOINT_FIELDS,
    TOUCHPOINTS,
    VERSIONS,
    WALL_PHOTOS,
)

FILE_BUSY_TIMEOUT_MS = 2000
NEW_JOURNEY_REVISION = 0
"""The revision of a journey the library adds under a new id (`create_journey`, `duplicate_journey`,
`import_journey`): an undo of the adding expects it, until someone edits the journey."""
STALE = "Someone else changed this journey since it was read; the edit was not saved, so their work stays."
_MOVE_WITHIN = "Cards can only move within their own journey."
TOGETHER = "Cards of different journeys cannot be changed in one edit."
CHANGES: ContextVar[list[JourneyChange]] = ContextVar("cjm_changes")
"""The `JourneyChange`s the write transaction under way makes, announced just before it commits."""


# The statements every card edit runs, built once: building a statement cost several times what running it does.
_REVISION = select(JOURNEYS.c.revision).where(JOURNEYS.c.id == bindparam("j"))
BUMP = (
    update(JOURNEYS)
    .where(JOURNEYS.c.id == bindparam("j"))
    .values(revision=JOURNEYS.c.revision + 1)
    .returning(JOURNEYS.c.revision)
)
BUMP_IF_AT = BUMP.where(JOURNEYS.c.revision == bindparam("expected"))
_CELL = select(
    select(PHASES.c.journey_id).where(PHASES.c.id == bindparam("phase")).scalar_subquery(),
    select(LANES.c.journey_id).where(LANES.c.id == bindparam("lane")).scalar_subquery(),
    select(LANES.c.kind).where(LANES.c.id == bindparam("lane")).scalar_subquery(),
    _REVISION.scalar_subquery(),
)
"""A cell's phase's journey, its lane's journey, the lane's kind and the journey's revision (each None when
missing), in one row."""
_CARD_JOURNEYS = select(TOUCHPOINTS.c.id, TOUCHPOINTS.c.journey_id).where(
    TOUCHPOINTS.c.id.in_(bindparam("ids", expanding=True))
)
INSERT_CARD = insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id)
_PLACE = (
    update(TOUCHPOINTS)
    .where(TOUCHPOINTS.c.id == bindparam("tid"))
    .values(phase_id=bindparam("phase"), lane_id=bindparam("lane"), position=bindparam("pos"))
)


def copy_title(title: str) -> str:
    suffix = " (copy)"
    return title[: MAX_TITLE - len(suffix)] + suffix


def refuse_stale(conn: Connection, journey_id: int, expected_revision: int | None) -> None:
    """Refuse a stale edit before doing its work, so it holds the write lock only a moment (`Library._touch` checks
    again as it commits). A missing journey is left to the edit's own checks."""
    if expected_revision is None:
        return
    found = conn.execute(_REVISION, {"j": journey_id}).scalar()
    if found is not None and found != expected_revision:
        raise StaleEditError(say(STALE))


def _whole(column: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether the column holds a whole number (a forged row may hold text there), without fetching it."""
    return column == cast(column, Integer)


def delete_journey_rows(conn: Connection, journey_id: int) -> list[tuple[int, int]]:
    """Delete a journey's rows one table at a time, so nothing hangs on cascades a forged library may lack: its cards
    and any card forged onto its phases or lanes, its versions, phases, lanes and the journey. Bumps the revision of
    each other journey whose card went (when it is a whole number); returns those (journey id, new revision)."""
    phases = select(PHASES.c.id).where(PHASES.c.journey_id == journey_id)
    lanes = select(LANES.c.id).where(LANES.c.journey_id == journey_id)
    on_it = or_(
        TOUCHPOINTS.c.journey_id == journey_id, TOUCHPOINTS.c.phase_id.in_(phases), TOUCHPOINTS.c.lane_id.in_(lanes)
    )
    others = conn.execute(
        select(TOUCHPOINTS.c.journey_id)
        .where(on_it, TOUCHPOINTS.c.journey_id != journey_id, _whole(TOUCHPOINTS.c.journey_id))
        .distinct()
    ).scalars()
    bumped: list[tuple[int, int]] = []
    for other in sorted(int(j) for j in others):
        revision = conn.execute(
            update(JOURNEYS)
            .where(JOURNEYS.c.id == other, _whole(JOURNEYS.c.revision))
            .values(revision=JOURNEYS.c.revision + 1)
            .returning(JOURNEYS.c.revision)
        ).scalar()
        if revision is not None:
            bumped.append((other, int(revision)))
    conn.execute(
        delete(RATINGS).where(
            or_(
                RATINGS.c.touchpoint_id.in_(select(TOUCHPOINTS.c.id).where(on_it)),
                RATINGS.c.persona_id.in_(select(PERSONAS.c.id).where(PERSONAS.c.journey_id == journey_id)),
            )
        )
    )
    conn.execute(delete(CARD_IMAGES).where(CARD_IMAGES.c.touchpoint_id.in_(select(TOUCHPOINTS.c.id).where(on_it))))
    conn.execute(delete(TOUCHPOINTS).where(on_it))
    conn.execute(delete(WALL_PHOTOS).where(WALL_PHOTOS.c.journey_id == journey_id))
    for table in (VERSIONS, PHASES, LANES, PERSONAS, COMMENTS):
        conn.execute(delete(table).where(table.c.journey_id == journey_id))
    conn.execute(delete(JOURNEYS).where(JOURNEYS.c.id == journey_id))
    return bumped


def record(change: JourneyChange) -> None:
    """Note a change for `Library._write` to announce when the transaction commits."""
    CHANGES.get().append(change)


def require(conn: Connection, table: Any, item_id: int, what: str) -> None:
    if conn.execute(select(table.c.id).where(table.c.id == item_id)).scalar() is None:
        raise NotFoundError(say("There is no {0} with id {1} in this library.", word(what), item_id))


def _phase_values(phase: Phase) -> dict[str, object]:
    return {"name": phase.name, "description": phase.description, "color": phase.color}


def _lane_values(lane: Lane) -> dict[str, object]:
    return {"name": lane.name, "kind": lane.kind.value, "color": lane.color}


def _check_lane_update(conn: Connection, lane_id: int, values: Mapping[str, object]) -> None:
    if values.get("kind") == LaneKind.EMOTIONS.value and _lane_has_cards(conn, lane_id):
        raise EditError(say("An experience (emotions) lane holds no cards; move this lane's cards out first."))


ItemT = TypeVar("ItemT", Phase, Lane)
RemovalT = TypeVar("RemovalT", PhaseRemoval, LaneRemoval)


@dataclass(frozen=True, slots=True)
class StructureRows(Generic[ItemT, RemovalT]):
    """What the shared edit bodies need to know of phases or of lanes."""

    what: str
    """"phase" or "lane": for messages and `reading.journey_of`."""
    table: Table
    limit: int
    """How many a journey may have."""
    card_field: str
    """The touchpoint field that names it ("phase_id" or "lane_id")."""
    fields: Mapping[str, Callable[[Any], object]]
    """Each editable field, in the model's order, with the rule that turns a given value into the stored one
    (raising EditError for a bad one)."""
    from_row: Callable[[Row[Any]], ItemT]
    """The model object from a row of its id and `fields`."""
    stored: Callable[[ItemT], dict[str, object]]
    """The stored values of a model object's `fields`."""
    find: Callable[[Journey, int], ItemT]
    removal: Callable[[int, int, ItemT, tuple[Touchpoint, ...]], RemovalT]
    check_update: Callable[[Connection, int, Mapping[str, object]], None]
    """Refuses an update the library's contents do not allow (inside the update's transaction)."""

    def clean(self, given: Mapping[str, object]) -> dict[str, object]:
        return {name: self.fields[name](value) for name, value in given.items()}

    def load(self, conn: Connection, item_id: int) -> ItemT:
        columns = [self.table.c.id, *(self.table.c[name] for name in self.fields)]
        return self.from_row(conn.execute(select(*columns).where(self.table.c.id == item_id)).one())


PHASE_ROWS: StructureRows[Phase, PhaseRemoval] = StructureRows(
    what="phase",
    table=PHASES,
    limit=MAX_PHASES,
    card_field="phase_id",
    fields={
        "name": lambda value: rules.title(value, MAX_NAME, "phase name"),
        "description": lambda value: rules.text(value, MAX_TEXT, "description"),
        "color": rules.color,
    },
    from_row=lambda row: Phase(row.id, row.name, row.description, row.color),
    stored=_phase_values,
    find=Journey.phase,
    removal=PhaseRemoval,
    check_update=lambda conn, phase_id, values: None,
)
LANE_ROWS: StructureRows[Lane, LaneRemoval] = StructureRows(
    what="lane",
    table=LANES,
    limit=MAX_LANES,
    card_field="lane_id",
    fields={
        "name": lambda value: rules.title(value, MAX_NAME, "lane name"),
        "kind": lambda value: rules.lane_kind(value).value,
        "color": rules.color,
    },
    from_row=lambda row: Lane(row.id, row.name, LaneKind(row.kind), row.color),
    stored=_lane_values,
    find=Journey.lane,
    removal=LaneRemoval,
    check_update=_check_lane_update,
)


def clean_touchpoint(card: Touchpoint) -> Touchpoint:
    """The card with every field through its rule (a new card: `card` is not changed)."""
    return card_fields.cleaned(card)


def touchpoint_values(card: Touchpoint, journey_id: int | None) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(card, name) for name in TOUCHPOINT_FIELDS}
    if journey_id is not None:
        values["journey_id"] = journey_id
    return values


def structure_ids(conn: Connection, table: Any, journey_id: int) -> list[int]:
    return [
        int(i)
        for i in conn.execute(
            select(table.c.id).where(table.c.journey_id == journey_id).order_by(table.c.position, table.c.id)
        ).scalars()
    ]


def write_positions(conn: Connection, table: Any, order: Sequence[int]) -> None:
    for position, item_id in enumerate(order):
        conn.execute(update(table).where(table.c.id == item_id).values(position=position))


def insert_at(
    conn: Connection, table: Any, journey_id: int, order: list[int], index: int | None, values: dict[str, object]
) -> int:
    """Insert a phase or lane at `index` (None: last) and renumber the others; returns its id."""
    at = len(order) if index is None else max(0, min(index, len(order)))
    new_id = int(
        conn.execute(
            insert(table).values(journey_id=journey_id, position=at, **values).returning(table.c.id)
        ).scalar_one()
    )
    order.insert(at, new_id)
    write_positions(conn, table, order)
    return new_id


def move_in_order(conn: Connection, table: Any, journey_id: int, item_id: int, index: int) -> None:
    order = structure_ids(conn, table, journey_id)
    order.remove(item_id)
    order.insert(max(0, min(index, len(order))), item_id)
    write_positions(conn, table, order)


def _lane_has_cards(conn: Connection, lane_id: int) -> bool:
    return conn.execute(select(TOUCHPOINTS.c.id).where(TOUCHPOINTS.c.lane_id == lane_id).limit(1)).first() is not None


def check_cell(
    conn: Connection, journey_id: int, phase_id: int, lane_id: int, expected_revision: int | None = None
) -> None:
    """Refuse a cell that is not the journey's or holds no cards; then, with `expected_revision`, a stale edit (as
    `refuse_stale`, in the same query)."""
    phase, lane, kind, revision = conn.execute(_CELL, {"phase": phase_id, "lane": lane_id, "j": journey_id}).one()
    if phase != journey_id:
        raise NotFoundError(say("There is no phase with id {0} on this journey.", phase_id))
    if lane is None or lane != journey_id:
        raise NotFoundError(say("There is no lane with id {0} on this journey.", lane_id))
    if kind == LaneKind.EMOTIONS.value:
        raise EditError(say("The experience (emotions) lane holds no cards: it draws the curve from the scores."))
    if expected_revision is not None and revision is not None and revision != expected_revision:
        raise StaleEditError(say(STALE))


def journey_of_cards(conn: Connection, ids: Sequence[int]) -> int:
    """The one journey all these cards belong to (an edit never spans journeys)."""
    return _one_journey(ids, conn.execute(_CARD_JOURNEYS, {"ids": list(ids)}).all())


def cards_of_one_journey(
    conn: Connection, ids: Sequence[int], refusal: str = _MOVE_WITHIN
) -> tuple[int, list[Touchpoint]]:
    """The one journey all these cards belong to, and the cards (checked as `reading.touchpoints_by_id` does)."""
    rows = reading.card_rows(conn, ids)
    return _one_journey(ids, rows, refusal), reading.checked_cards(rows)


def _one_journey(ids: Sequence[int], rows: Sequence[Any], refusal: str = _MOVE_WITHIN) -> int:
    """The one journey of the cards `ids`, given rows of their id and journey id: refused when one is missing or
    they span journeys (EditError `refusal`)."""
    found = {int(row.id) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(say("There is no touchpoint with id {0} in this library.", missing[0]))
    journeys = {int(row.journey_id) for row in rows}
    if len(journeys) != 1:
        raise EditError(refusal)
    return journeys.pop()


_CARD_FIELDS = frozenset(card_fields.NAMES)
"""The fields of a card that its edits set by name (its place is set by moving it)."""


def refuse_unknown_fields(method: str, given: Mapping[str, object]) -> None:
    """A field a card does not have is a caller's mistake, as an unknown keyword of `update_touchpoint` is."""
    unknown = sorted(set(given) - _CARD_FIELDS)
    if unknown:
        raise TypeError(f"{method}() got an unexpected card field {unknown[0]!r}")


def new_touchpoint(method: str, phase_id: int, lane_id: int, title: str, fields: Mapping[str, object]) -> Touchpoint:
    """A new card (id and position 0) of `title` and `fields`, each through its rule; `ratings` among the fields are
    the other personas' (as `Touchpoint.ratings`), written by `personas.insert_new_card_ratings`, and `image` its
    photo (an `ImageRef` of this library), written by `image_rows.insert_card_images`."""
    given = dict[str, Any](fields)
    ratings = dict(given.pop("ratings", None) or {})
    image = given.pop("image", None)
    refuse_unknown_fields(method, given)
    card = clean_touchpoint(Touchpoint(0, phase_id, lane_id, 0, title, **given))
    return replace(card, ratings=ratings, image=image if isinstance(image, ImageRef) else None)


def write_card_fields(
    conn: Connection, cards: Sequence[Touchpoint], changes: Mapping[int, Mapping[str, object]]
) -> list[Touchpoint]:
    """Set the given fields of each card (`changes`: card id -> fields by name), each value cleaned and checked as
    the card's rules say (EditError for a bad one); writes only the fields given, one statement per set of field
    names. Returns the cards as stored."""
    stored: list[Touchpoint] = []
    rows: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for found in cards:
        given = changes[found.id]
        card = clean_touchpoint(replace(found, **dict[str, Any](given)))
        stored.append(card)
        names = tuple(sorted(given))
        if names:
            values = touchpoint_values(card, None)
            rows.setdefault(names, []).append({"tid": card.id, **{f"new_{name}": values[name] for name in names}})
    for names, parameters in rows.items():
        conn.execute(_card_update(names), parameters)
    return stored


@functools.cache
def _card_update(names: tuple[str, ...]) -> Update:
    """The statement that sets these fields of a card (built once per set of names)."""
    return (
        update(TOUCHPOINTS)
        .where(TOUCHPOINTS.c.id == bindparam("tid"))
        .values({name: bindparam(f"new_{name}") for name in names})
    )


def write_placements(conn: Connection, placements: Sequence[Placement]) -> None:
    conn.execute(
        _PLACE,
        [{"tid": p.touchpoint_id, "phase": p.phase_id, "lane": p.lane_id, "pos": p.position} for p in placements],
    )


def insert_touchpoints(conn: Connection, journey_id: int, cards: Sequence[Touchpoint]) -> None:
    """Insert cards with their own ids and sort keys: each lands back at its old place in its cell."""
    if not cards:
        return
    for cell in {(c.phase_id, c.lane_id) for c in cards}:
        check_cell(conn, journey_id, *cell)
    conn.execute(insert(TOUCHPOINTS), [touchpoint_values(c, journey_id) for c in cards])
    image_rows.insert_card_images(conn, cards)
    if any(c.ratings for c in cards):
        others = personas.persona_ids(conn, journey_id)[1:]
        kept = [replace(c, ratings={p: r for p, r in c.ratings.items() if p in others}) for c in cards]
        personas.insert_card_ratings(conn, kept, {p: p for p in others}, {})


def insert_new_cards(conn: Connection, journey_id: int, cards: Sequence[Touchpoint]) -> None:
    """Insert new cards (their places and sort keys set) in one statement, give each its new id, and write the
    other personas' ratings and the images they carry."""
    rows = []
    for card in cards:
        values = touchpoint_values(card, journey_id)
        del values["id"]
        rows.append(values)
    new_ids = conn.execute(
        insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    for card, new_id in zip(cards, new_ids, strict=True):
        card.id = int(new_id)
    personas.insert_new_card_ratings(conn, journey_id, cards)
    image_rows.insert_card_images(conn, cards)


def insert_journey(
    conn: Connection, journey: Journey, *, keep_ids: bool, ids: versions.IdMap | None = None, own_images: bool = True
) -> int:
    """Insert a whole journey in one go; with keep_ids the ids in `journey` are kept, else new ones are given (and
    noted in `ids`, when given). Images that come with their bytes are stored; the others are this library's own
    (`own_images`) or dropped (a journey from another library brings the bytes of those it keeps)."""
    journey = image_rows.stored_images(conn, journey, own=own_images, noted=None if ids is None else ids.images)
    head: dict[str, object] = {
        "title": rules.title(journey.title, MAX_TITLE, "journey title"),
        "description": rules.text(journey.description, MAX_TEXT, "description"),
        "language": rules.language(journey.language).value,
        "framework": rules.framework(journey.framework).value,
        "revision": journey.revision + 1 if keep_ids else NEW_JOURNEY_REVISION,
        **matrix_rows.matrix_values(journey.matrix),
    }
    if keep_ids:
        head["id"] = journey.id
    journey_id = int(conn.execute(insert(JOURNEYS).values(**head).returning(JOURNEYS.c.id)).scalar_one())
    record(JourneyChange(journey_id, int(str(head["revision"]))))
    noted = ids if ids is not None else versions.IdMap()
    persona_ids = personas.insert_all(conn, journey_id, journey.personas, keep_ids)
    noted.personas.update(persona_ids)
    phase_ids = noted.phases
    for position, phase in enumerate(journey.phases):
        values = _phase_values(phase) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = phase.id
        phase_ids[phase.id] = int(conn.execute(insert(PHASES).values(**values).returning(PHASES.c.id)).scalar_one())
    lane_ids = noted.lanes
    for position, lane in enumerate(journey.lanes):
        values = _lane_values(lane) | {"journey_id": journey_id, "position": position}
        if keep_ids:
            values["id"] = lane.id
        lane_ids[lane.id] = int(conn.execute(insert(LANES).values(**values).returning(LANES.c.id)).scalar_one())
    if journey.touchpoints:
        emotions = {lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS}
        rank: dict[Cell, int] = {}
        rows = []
        given: list[int] = []  # each new row's id in `journey`
        for card in journey.touchpoints if keep_ids else journey.ordered_touchpoints():
            if card.lane_id in emotions:
                raise EditError(
                    say("Touchpoint {0} is on the experience lane, which holds no cards.", repr(card.title))
                )
            try:
                values = touchpoint_values(clean_touchpoint(replace(card)), journey_id)
                values["phase_id"] = phase_ids[card.phase_id]
                values["lane_id"] = lane_ids[card.lane_id]
            except KeyError:
                raise EditError(
                    say("Touchpoint {0} names a phase or lane the journey does not have.", repr(card.title))
                ) from None
            if not keep_ids:
                given.append(card.id)
                del values["id"]
                cell = (card.phase_id, card.lane_id)
                rank[cell] = rank.get(cell, 0) + 1
                values["position"] = rank[cell] * ordering.GAP
            rows.append(values)
        rated = any(card.ratings for card in journey.touchpoints)
        pictured = any(card.image is not None for card in journey.touchpoints)
        if keep_ids or (ids is None and not rated and not journey.comments and not pictured):
            conn.execute(insert(TOUCHPOINTS), rows)
        else:
            new_ids = conn.execute(
                insert(TOUCHPOINTS).returning(TOUCHPOINTS.c.id, sort_by_parameter_order=True), rows
            ).scalars()
            noted.touchpoints.update(zip(given, (int(i) for i in new_ids), strict=True))
        if rated:
            others = {given_id: persona_ids[given_id] for given_id in (p.id for p in journey.personas[1:])}
            personas.insert_card_ratings(conn, journey.touchpoints, others, {} if keep_ids else noted.touchpoints)
        if journey.comments:
            cards = {t.id: t.id for t in journey.touchpoints} if keep_ids else noted.touchpoints
            comment_rows.insert_all(conn, journey_id, journey.comments, cards, keep_ids=lambda _: keep_ids)
        if pictured:
            image_rows.insert_card_images(conn, journey.touchpoints, None if keep_ids else noted.touchpoints)
    image_rows.write_wall_photo(conn, journey_id, journey.wall_photo)
    return journey_id

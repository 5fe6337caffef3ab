"""Queries that read journeys out of a library into model objects."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import ScalarSelect, Table, func, select
from sqlalchemy.engine import Connection

from cjmapper.errors import LibraryError, NotFoundError
from cjmapper.model import Framework, Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.store.tables import JOURNEYS, LANES, PHASES, TOUCHPOINT_COLUMNS, TOUCHPOINTS


@dataclass(frozen=True, slots=True)
class JourneyInfo:
    """One line of the library's table of contents."""

    id: int
    title: str
    language: str
    framework: str
    phases: int
    lanes: int
    touchpoints: int


def _count(table: Table) -> ScalarSelect[int]:
    return select(func.count()).where(table.c.journey_id == JOURNEYS.c.id).scalar_subquery()


def list_journeys(conn: Connection) -> list[JourneyInfo]:
    rows = conn.execute(
        select(
            JOURNEYS.c.id,
            JOURNEYS.c.title,
            JOURNEYS.c.language,
            JOURNEYS.c.framework,
            _count(PHASES),
            _count(LANES),
            _count(TOUCHPOINTS),
        )
    )
    return sorted((JourneyInfo(*row) for row in rows), key=_title_order)


def _title_order(info: JourneyInfo) -> tuple[str, str, int]:
    """Alphabetical as a reader expects, the same on every backend and server locale: case and accents aside
    ("Éclair" between "Eclair" and "Fruit"), then exact text, then id."""
    folded = info.title.casefold() if isinstance(info.title, str) else ""  # a damaged row may have none
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return bare, folded, info.id


def load_journey(conn: Connection, journey_id: int) -> Journey:
    j = conn.execute(select(JOURNEYS).where(JOURNEYS.c.id == journey_id)).one_or_none()
    if j is None:
        raise NotFoundError(f"There is no journey with id {journey_id} in this library.")
    persona = (
        Persona(j.persona_name, j.persona_description, j.persona_goals, j.persona_frustrations)
        if j.persona_name is not None
        else None
    )
    phases = [
        Phase(*row)
        for row in conn.execute(
            select(PHASES.c.id, PHASES.c.name, PHASES.c.description, PHASES.c.color)
            .where(PHASES.c.journey_id == journey_id)
            .order_by(PHASES.c.position)
        )
    ]
    lanes = [
        Lane(row.id, row.name, LaneKind(row.kind), row.color)
        for row in conn.execute(
            select(LANES.c.id, LANES.c.name, LANES.c.kind, LANES.c.color)
            .where(LANES.c.journey_id == journey_id)
            .order_by(LANES.c.position)
        )
    ]
    # fetchall in one call: iterating the result fetches row by row, a third of the whole read at 5,000 cards.
    rows = conn.execute(select(*TOUCHPOINT_COLUMNS).where(TOUCHPOINTS.c.journey_id == journey_id)).all()
    touchpoints = [Touchpoint(*row) for row in rows]
    journey = Journey(
        id=j.id,
        title=j.title,
        description=j.description,
        language=Language(j.language),
        framework=Framework(j.framework),
        persona=persona,
        phases=phases,
        lanes=lanes,
        touchpoints=touchpoints,
        revision=j.revision,
    )
    _check_values(journey)
    return journey


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _check_values(journey: Journey) -> None:
    """Refuse values no edit of cjmapper writes (a damaged or forged file): colours that are not "#rrggbb", a score
    that is not a whole number, text that is not text. The layout and the poster then never meet them. Checked by
    the set of kinds seen (a few set look-ups per card); a card is named only when something is wrong."""
    cards = journey.touchpoints
    colours = {t.color for t in cards}
    colours.update(p.color for p in journey.phases)
    colours.update(lane.color for lane in journey.lanes)
    colours.discard(None)
    bad_colour = next((c for c in colours if not (isinstance(c, str) and _COLOUR.fullmatch(c))), None)
    if bad_colour is not None:
        raise _damaged(journey, f"the colour {bad_colour!r}")
    if not {type(t.score) for t in cards} <= _SCORE_TYPES:
        card = next(t for t in cards if type(t.score) not in _SCORE_TYPES)
        raise _damaged(journey, f"the score {card.score!r} of card {card.id}")
    if not {(type(t.title), type(t.notes), type(t.expectation), type(t.owner)) for t in cards} <= {_TEXTS}:
        card = next(t for t in cards if (type(t.title), type(t.notes), type(t.expectation), type(t.owner)) != _TEXTS)
        raise _damaged(journey, f"text of card {card.id} that is not text")


_SCORE_TYPES = {int, type(None)}
_TEXTS = (str, str, str, str)


def _damaged(journey: Journey, problem: str) -> LibraryError:
    return LibraryError(f"Journey {journey.id} is damaged: it holds {problem}, which cjmapper never writes.")


def find_journey(conn: Connection, ref: str) -> int:
    """A journey named by its id or its exact title."""
    ref = ref.strip()
    if ref.isdigit():
        found = conn.execute(select(JOURNEYS.c.id).where(JOURNEYS.c.id == int(ref))).scalar()
        if found is not None:
            return int(found)
    ids = [int(i) for i in conn.execute(select(JOURNEYS.c.id).where(JOURNEYS.c.title == ref)).scalars()]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFoundError(f"No journey has the id or title {ref!r}.")
    listed = ", ".join(str(i) for i in ids)
    raise NotFoundError(f"{len(ids)} journeys are titled {ref!r} (ids {listed}); name one by its id.")


def journey_of(conn: Connection, table_name: str, item_id: int) -> int:
    """The journey that owns a phase, lane or touchpoint."""
    table = {"phase": PHASES, "lane": LANES, "touchpoint": TOUCHPOINTS}[table_name]
    found = conn.execute(select(table.c.journey_id).where(table.c.id == item_id)).scalar()
    if found is None:
        raise NotFoundError(f"There is no {table_name} with id {item_id} in this library.")
    return int(found)


def cell_ids(conn: Connection, phase_id: int, lane_id: int) -> list[int]:
    return [
        int(i)
        for i in conn.execute(
            select(TOUCHPOINTS.c.id)
            .where(TOUCHPOINTS.c.phase_id == phase_id, TOUCHPOINTS.c.lane_id == lane_id)
            .order_by(TOUCHPOINTS.c.position, TOUCHPOINTS.c.id)
        ).scalars()
    ]


def touchpoints_by_id(conn: Connection, ids: list[int]) -> list[Touchpoint]:
    rows = conn.execute(select(*TOUCHPOINT_COLUMNS).where(TOUCHPOINTS.c.id.in_(ids)))
    return [Touchpoint(*row) for row in rows]

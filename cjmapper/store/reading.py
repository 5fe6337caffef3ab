"""Queries that read journeys out of a library into model objects."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Integer, ScalarSelect, Select, Table, bindparam, func, select
from sqlalchemy.engine import Connection

from cjmapper import card_fields
from cjmapper.errors import LibraryError, NotFoundError
from cjmapper.messages import say, word
from cjmapper.model import (
    MATRIX_LABEL_NAMES,
    MAX_LANES,
    MAX_MATRIX_LABEL,
    MAX_NAME,
    MAX_PERSONA_NAME,
    MAX_PERSONAS,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    MAX_TOUCHPOINTS,
    Framework,
    Journey,
    Lane,
    LaneKind,
    Language,
    MatrixLabels,
    Persona,
    Phase,
    Rating,
    Touchpoint,
)
from cjmapper.store import checks, image_rows
from cjmapper.store import comments as comment_rows
from cjmapper.store.tables import (
    JOURNEYS,
    LANES,
    PERSONAS,
    PHASES,
    RATINGS,
    TOUCHPOINT_COLUMNS,
    TOUCHPOINT_FIELDS,
    TOUCHPOINTS,
)


@dataclass(frozen=True, slots=True)
class JourneyInfo:
    """One line of the library's table of contents."""

    id: int
    title: str
    """"" when the title itself cannot be shown (see `problem`)."""
    language: str
    framework: str
    phases: int
    lanes: int
    touchpoints: int
    problem: str = ""
    """Why the journey cannot be opened, when what the list reads of it already shows that (a forged title, language,
    framework or revision; see `checks`); "" otherwise. Such a journey is listed all the same, so the others are."""


def _count(table: Table) -> ScalarSelect[int]:
    return select(func.count()).where(table.c.journey_id == JOURNEYS.c.id).scalar_subquery()


def _headings(*where: ColumnElement[bool]) -> Select[Any]:
    return select(
        JOURNEYS.c.id,
        checks.bounded(JOURNEYS.c.title, MAX_TITLE),
        checks.bounded(JOURNEYS.c.language, checks.MAX_CODE),
        checks.bounded(JOURNEYS.c.framework, checks.MAX_CODE),
        JOURNEYS.c.revision,
        _count(PHASES),
        _count(LANES),
        _count(TOUCHPOINTS),
    ).where(*where)


def list_journeys(conn: Connection, journey_id: int | None = None) -> list[JourneyInfo]:
    """Every journey (or the one with `journey_id`), sorted by title. A journey whose title, language, framework or
    revision breaks a rule is listed with its `problem` (and its title as "" when the title is what is wrong); a
    title far over its limit is not even fetched, so a forged title of megabytes costs the list nothing."""
    where = () if journey_id is None else (JOURNEYS.c.id == journey_id,)
    return sorted_infos(_info(tuple(row)) for row in conn.execute(_headings(*where)))


def sorted_infos(infos: Iterable[JourneyInfo]) -> list[JourneyInfo]:
    return sorted(infos, key=_title_order)


def unreadable_info(journey_id: int) -> JourneyInfo:
    """The list's line for a journey whose row holds text that is not UTF-8."""
    return JourneyInfo(journey_id, "", "", "", 0, 0, 0, problem="it holds text that is not UTF-8")


def journey_ids(conn: Connection) -> list[int]:
    return [int(i) for i in conn.execute(select(JOURNEYS.c.id).order_by(JOURNEYS.c.id)).scalars()]


def _info(row: tuple[Any, ...]) -> JourneyInfo:
    journey_id, title, language, framework, revision, phases, lanes, touchpoints = row
    counts = (int(phases), int(lanes), int(touchpoints))
    problem = checks.heading_problem(title, language, framework, revision)
    if problem is None:
        return JourneyInfo(journey_id, title, language, framework, *counts)
    shown = title if checks.text_problem(title, "title", MAX_TITLE, required=True, trim=True) is None else ""
    return JourneyInfo(
        journey_id,
        shown,
        language if isinstance(language, str) else "",
        framework if isinstance(framework, str) else "",
        *counts,
        problem=problem,
    )


def _title_order(info: JourneyInfo) -> tuple[str, str, int]:
    """Alphabetical as a reader expects, the same on every backend and server locale: case and accents aside
    ("Éclair" between "Eclair" and "Fruit"), then exact text, then id."""
    folded = info.title.casefold() if isinstance(info.title, str) else ""  # a damaged row may have none
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return bare, folded, info.id


# The statements are built once (the journey's id is a parameter), so executing one needs no new cache key.
_JOURNEY: BindParameter[int] = bindparam("journey_id", type_=Integer)
_JOURNEY_ROW = select(
    JOURNEYS.c.id,
    checks.bounded(JOURNEYS.c.title, MAX_TITLE),
    checks.bounded(JOURNEYS.c.description, MAX_TEXT),
    checks.bounded(JOURNEYS.c.language, checks.MAX_CODE),
    checks.bounded(JOURNEYS.c.framework, checks.MAX_CODE),
    JOURNEYS.c.revision,
    *(checks.bounded(JOURNEYS.c[f"matrix_{name}"], MAX_MATRIX_LABEL) for name in MATRIX_LABEL_NAMES),
).where(JOURNEYS.c.id == _JOURNEY)
_PERSONA_ROWS = (
    select(
        PERSONAS.c.id,
        checks.bounded(PERSONAS.c.name, MAX_PERSONA_NAME),
        checks.bounded(PERSONAS.c.description, MAX_TEXT),
        checks.bounded(PERSONAS.c.goals, MAX_TEXT),
        checks.bounded(PERSONAS.c.frustrations, MAX_TEXT),
        checks.bounded(PERSONAS.c.color, checks.MAX_COLOUR),
    )
    .where(PERSONAS.c.journey_id == _JOURNEY)
    .order_by(PERSONAS.c.position, PERSONAS.c.id)
    .limit(MAX_PERSONAS + 1)
)
_RATING_ROWS = (
    select(RATINGS.c.touchpoint_id, RATINGS.c.persona_id, RATINGS.c.score, RATINGS.c.target)
    .join(PERSONAS, PERSONAS.c.id == RATINGS.c.persona_id)
    .where(PERSONAS.c.journey_id == _JOURNEY)
)
_PHASE_ROWS = (
    select(
        PHASES.c.id,
        checks.bounded(PHASES.c.name, MAX_NAME),
        checks.bounded(PHASES.c.description, MAX_TEXT),
        checks.bounded(PHASES.c.color, checks.MAX_COLOUR),
    )
    .where(PHASES.c.journey_id == _JOURNEY)
    .order_by(PHASES.c.position, PHASES.c.id)
    .limit(MAX_PHASES + 1)
)
_LANE_ROWS = (
    select(
        LANES.c.id,
        checks.bounded(LANES.c.name, MAX_NAME),
        checks.bounded(LANES.c.kind, checks.MAX_CODE),
        checks.bounded(LANES.c.color, checks.MAX_COLOUR),
    )
    .where(LANES.c.journey_id == _JOURNEY)
    .order_by(LANES.c.position, LANES.c.id)
    .limit(MAX_LANES + 1)
)
# A card's text is read as it is: its length is checked in Python at no cost, and bounding it in the query would
# cost a tenth of the whole read (a forged note of megabytes is one read of megabytes, refused at once).
_CARD_ROWS = select(*TOUCHPOINT_COLUMNS).where(TOUCHPOINTS.c.journey_id == _JOURNEY).limit(MAX_TOUCHPOINTS + 1)


def load_journey(conn: Connection, journey_id: int) -> Journey:
    """The journey, checked against every rule of the journey format (`checks`): one that breaks any is refused with
    a `LibraryError` naming the journey and the place, so what loads also exports to a file that imports again."""
    given = {"journey_id": journey_id}
    j = conn.execute(_JOURNEY_ROW, given).one_or_none()
    if j is None:
        raise NotFoundError(say("There is no journey with id {0} in this library.", journey_id))
    persona_rows = conn.execute(_PERSONA_ROWS, given).all()
    phase_rows = conn.execute(_PHASE_ROWS, given).all()
    lane_rows = conn.execute(_LANE_ROWS, given).all()
    # fetchall in one call: iterating the result fetches row by row, a third of the whole read at 5,000 cards.
    rows = conn.execute(_CARD_ROWS, given).all()
    cards = checks.columns(rows, len(TOUCHPOINT_COLUMNS))
    problem = (
        checks.journey_problem(j)
        or checks.personas_problem(persona_rows)
        or checks.phases_problem(phase_rows)
        or checks.lanes_problem(lane_rows)
        or checks.cards_problem(cards, {row.id for row in phase_rows}, {row.id: row.kind for row in lane_rows})
    )
    if problem is not None:
        raise checks.damaged(journey_id, problem)
    personas = [Persona(r.name, r.description, r.goals, r.frustrations, r.color, r.id) for r in persona_rows]
    touchpoints = list(map(Touchpoint, *_model_columns(cards)))
    if len(personas) > 1:
        rating_rows = conn.execute(_RATING_ROWS, given).all()
        problem = checks.ratings_problem(rating_rows, {p.id for p in personas[1:]})
        if problem is not None:
            raise checks.damaged(journey_id, problem)
        if rating_rows:
            by_id = {card.id: card for card in touchpoints}
            for row in rating_rows:
                card = by_id.get(row.touchpoint_id)
                if card is not None:
                    card.ratings[row.persona_id] = Rating(row.score, row.target)
    journey = Journey(
        id=j.id,
        title=j.title,
        description=j.description,
        language=Language(j.language),
        framework=Framework(j.framework),
        personas=personas,
        phases=[Phase(*row) for row in phase_rows],
        lanes=[Lane(row.id, row.name, LaneKind(row.kind), row.color) for row in lane_rows],
        touchpoints=touchpoints,
        revision=j.revision,
        matrix=MatrixLabels(*(getattr(j, f"matrix_{name}") for name in MATRIX_LABEL_NAMES)),
        comments=comment_rows.load(conn, journey_id, {card.id for card in touchpoints}),
    )
    image_rows.attach(conn, journey_id, journey)
    return journey


UNREADABLE_REVISION = -1
"""`journey_revisions`' revision of a journey whose stored revision is not a whole number (a forged row): the journey
cannot be opened, and the others are still watched."""


def journey_revisions(conn: Connection, journey_id: int | None = None) -> dict[int, int]:
    """Every journey's revision (or that of the one with `journey_id`) by id; `UNREADABLE_REVISION` for a forged
    one."""
    query = select(JOURNEYS.c.id, JOURNEYS.c.revision)
    if journey_id is not None:
        query = query.where(JOURNEYS.c.id == journey_id)
    rows = conn.execute(query).all()
    return {row.id: UNREADABLE_REVISION if checks.revision_problem(row.revision) else row.revision for row in rows}


def revision(conn: Connection, journey_id: int) -> int:
    found = conn.execute(select(JOURNEYS.c.revision).where(JOURNEYS.c.id == journey_id)).one_or_none()
    if found is None:
        raise NotFoundError(say("There is no journey with id {0} in this library.", journey_id))
    problem = checks.revision_problem(found.revision)
    if problem is not None:
        raise checks.damaged(journey_id, problem)
    return int(found.revision)


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
        raise NotFoundError(say("No journey has the id or title {0}.", repr(ref)))
    listed = ", ".join(str(i) for i in ids)
    raise NotFoundError(say("{0} journeys are titled {1} (ids {2}); name one by its id.", len(ids), repr(ref), listed))


_JOURNEY_OF = {
    name: select(table.c.journey_id).where(table.c.id == bindparam("item"))
    for name, table in (("phase", PHASES), ("lane", LANES), ("touchpoint", TOUCHPOINTS))
}
"""Built once, like `_CARDS_BY_ID`: the edit path runs them on every card edit."""


def journey_of(conn: Connection, table_name: str, item_id: int) -> int:
    """The journey that owns a phase, lane or touchpoint."""
    found = conn.execute(_JOURNEY_OF[table_name], {"item": item_id}).scalar()
    if found is None:
        raise NotFoundError(say("There is no {0} with id {1} in this library.", word(table_name), item_id))
    if type(found) is not int:
        raise LibraryError(
            say(
                "The {0} {1} is damaged: it belongs to no journey ({2}).",
                word(table_name),
                item_id,
                format(repr(found), ".40"),
            )
        )
    return found


def cell_ids(conn: Connection, phase_id: int, lane_id: int) -> list[int]:
    return [
        int(i)
        for i in conn.execute(
            select(TOUCHPOINTS.c.id)
            .where(TOUCHPOINTS.c.phase_id == phase_id, TOUCHPOINTS.c.lane_id == lane_id)
            .order_by(TOUCHPOINTS.c.position, TOUCHPOINTS.c.id)
        ).scalars()
    ]


_CARDS_BY_ID = select(TOUCHPOINTS.c.journey_id, *TOUCHPOINT_COLUMNS).where(
    TOUCHPOINTS.c.id.in_(bindparam("ids", expanding=True))
)
_CARD_BY_ID = select(TOUCHPOINTS.c.journey_id, *TOUCHPOINT_COLUMNS).where(TOUCHPOINTS.c.id == bindparam("id"))
"""`_CARDS_BY_ID` of one card: most edits are of one, and an expanding IN costs more to run."""


def touchpoints_by_id(conn: Connection, ids: list[int]) -> list[Touchpoint]:
    """The cards with these ids, each checked like a loaded journey's (its place in the journey aside)."""
    return checked_cards(card_rows(conn, ids))


def card_rows(conn: Connection, ids: Sequence[int]) -> Sequence[Any]:
    """The rows of the cards with these ids, unchecked: each its journey id, then `TOUCHPOINT_COLUMNS`."""
    if len(ids) == 1:
        return conn.execute(_CARD_BY_ID, {"id": ids[0]}).all()
    return conn.execute(_CARDS_BY_ID, {"ids": list(ids)}).all()


def checked_cards(rows: Sequence[Any]) -> list[Touchpoint]:
    """The cards of `card_rows`, each checked like a loaded journey's (its place in the journey aside)."""
    by_journey: dict[object, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_journey.setdefault(row[0], []).append(tuple(row[1:]))
    for journey_id, cards in by_journey.items():
        problem = checks.cards_problem(checks.columns(cards, len(TOUCHPOINT_COLUMNS)))
        if problem is not None:
            raise checks.damaged(journey_id, problem)
    cards = _model_columns(checks.columns([tuple(row[1:]) for row in rows], len(TOUCHPOINT_COLUMNS)))
    return list(map(Touchpoint, *cards))


_CONVERTED = tuple((TOUCHPOINT_FIELDS.index(f.name), f) for f in card_fields.CONVERTED)
"""The card columns stored as other values than the model holds (a status is stored as its text)."""


def _model_columns(columns: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Checked card columns, each value as the model holds it."""
    for index, field in _CONVERTED:
        columns[index] = tuple(map(field.model_value, columns[index]))
    return columns


def attach_ratings(conn: Connection, cards: Sequence[Touchpoint]) -> None:
    """Give `cards` (read without them) the other personas' ratings, for a card's undo to put back."""
    ids = [card.id for card in cards]
    if not ids:
        return
    by_id = {card.id: card for card in cards}
    rows = conn.execute(
        select(RATINGS.c.touchpoint_id, RATINGS.c.persona_id, RATINGS.c.score, RATINGS.c.target).where(
            RATINGS.c.touchpoint_id.in_(ids)
        )
    ).all()
    for row in rows:
        by_id[row.touchpoint_id].ratings[row.persona_id] = Rating(row.score, row.target)

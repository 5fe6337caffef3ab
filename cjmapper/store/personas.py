"""A journey's personas and their ratings as rows, inside the edit API's write transactions.

The first persona's score and target on a card are the card's own columns (`touchpoints.score`, `.target`): a journey
with no persona keeps its scores there too, as the map's, and they become the first persona's once one is added.
Every other persona's are rows of `persona_ratings`. So when another persona becomes the first (a move, or the first
one removed), its ratings move into the cards' columns and the old first one's out of them, in the same transaction.
Nothing here opens a transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from cjmapper import rules
from cjmapper.errors import EditError, NotFoundError
from cjmapper.messages import say
from cjmapper.model import MAX_PERSONA_NAME, MAX_PERSONAS, MAX_TEXT, Persona, Rating, Touchpoint
from cjmapper.store.tables import PERSONAS, RATINGS, TOUCHPOINTS

Ratings = dict[int, Rating]
"""A persona's ratings by card id (only the cards it rated)."""


@dataclass(frozen=True, slots=True)
class PersonaRemoval:
    """What `Library.remove_persona` took out, so `restore_persona` puts it back: the persona (with its id), its place
    and its ratings by card id."""

    persona: Persona
    index: int
    ratings: Mapping[int, Rating]
    revision: int | None = None
    """The journey's revision after the removal; None on a removal made by hand."""


def persona_values(persona: Persona) -> dict[str, object]:
    """A persona's fields through the edit API's rules, as its row holds them."""
    return {
        "name": rules.title(persona.name, MAX_PERSONA_NAME, "persona name"),
        "description": rules.text(persona.description, MAX_TEXT, "persona description"),
        "goals": rules.text(persona.goals, MAX_TEXT, "persona goals"),
        "frustrations": rules.text(persona.frustrations, MAX_TEXT, "persona frustrations"),
        "color": rules.color(persona.color),
    }


def rating_values(rating: Rating) -> dict[str, object]:
    return {"score": rules.score(rating.score), "target": rules.score(rating.target)}


def persona_ids(conn: Connection, journey_id: int) -> list[int]:
    """The journey's persona ids, in order."""
    query = select(PERSONAS.c.id).where(PERSONAS.c.journey_id == journey_id)
    return [int(i) for i in conn.execute(query.order_by(PERSONAS.c.position, PERSONAS.c.id)).scalars()]


def journey_of_persona(conn: Connection, persona_id: int) -> int:
    found = conn.execute(select(PERSONAS.c.journey_id).where(PERSONAS.c.id == persona_id)).scalar()
    if found is None:
        raise NotFoundError(say("There is no persona with id {0} in this library.", persona_id))
    return int(found)


def load_persona(conn: Connection, persona_id: int) -> Persona:
    row = conn.execute(
        select(
            PERSONAS.c.name, PERSONAS.c.description, PERSONAS.c.goals, PERSONAS.c.frustrations, PERSONAS.c.color
        ).where(PERSONAS.c.id == persona_id)
    ).one()
    return Persona(row.name, row.description, row.goals, row.frustrations, row.color, persona_id)


def _write_positions(conn: Connection, order: Sequence[int]) -> None:
    for position, persona_id in enumerate(order):
        conn.execute(update(PERSONAS).where(PERSONAS.c.id == persona_id).values(position=position))


def card_ratings(conn: Connection, journey_id: int) -> Ratings:
    """The cards' own scores and targets (the first persona's), by card id: only the cards with either."""
    rows = conn.execute(
        select(TOUCHPOINTS.c.id, TOUCHPOINTS.c.score, TOUCHPOINTS.c.target).where(
            TOUCHPOINTS.c.journey_id == journey_id,
            (TOUCHPOINTS.c.score.is_not(None)) | (TOUCHPOINTS.c.target.is_not(None)),
        )
    ).all()
    return {int(row.id): Rating(row.score, row.target) for row in rows}


def stored_ratings(conn: Connection, persona_id: int) -> Ratings:
    rows = conn.execute(
        select(RATINGS.c.touchpoint_id, RATINGS.c.score, RATINGS.c.target).where(RATINGS.c.persona_id == persona_id)
    ).all()
    return {int(row.touchpoint_id): Rating(row.score, row.target) for row in rows}


def insert_ratings(conn: Connection, persona_id: int, ratings: Mapping[int, Rating]) -> None:
    rows = [
        {"touchpoint_id": card_id, "persona_id": persona_id} | rating_values(rating)
        for card_id, rating in ratings.items()
        if rating.score is not None or rating.target is not None
    ]
    if rows:
        conn.execute(insert(RATINGS), rows)


def set_card_ratings(conn: Connection, journey_id: int, ratings: Mapping[int, Rating]) -> None:
    """Make the cards' own scores and targets `ratings` (every card of the journey not in it: none)."""
    conn.execute(
        update(TOUCHPOINTS)
        .where(TOUCHPOINTS.c.journey_id == journey_id, TOUCHPOINTS.c.id.not_in(list(ratings)))
        .values(score=None, target=None)
    )
    for card_id, rating in ratings.items():
        conn.execute(update(TOUCHPOINTS).where(TOUCHPOINTS.c.id == card_id).values(**rating_values(rating)))


def hand_over_first(conn: Connection, journey_id: int, old: int | None, new: int | None) -> Ratings:
    """Make persona `new` the holder of the cards' own columns instead of `old` (either None: nobody). `old`'s ratings
    move into rows (when it still exists), `new`'s out of rows into the columns. Returns what the columns held."""
    held = card_ratings(conn, journey_id)
    if old is not None:
        insert_ratings(conn, old, held)
    incoming = stored_ratings(conn, new) if new is not None else {}
    if new is not None:
        conn.execute(delete(RATINGS).where(RATINGS.c.persona_id == new))
    set_card_ratings(conn, journey_id, incoming)
    return held


def add_persona(conn: Connection, journey_id: int, persona: Persona, index: int | None) -> Persona:
    """Insert `persona` at `index` (None: last) under its own id when it has one (a restore), else a new one.
    A persona that becomes the first takes the cards' own scores, which were the map's or the old first one's."""
    order = persona_ids(conn, journey_id)
    if len(order) >= MAX_PERSONAS:
        raise EditError(say("A journey has at most {0} personas.", MAX_PERSONAS))
    at = len(order) if index is None else max(0, min(index, len(order)))
    values = persona_values(persona) | {"journey_id": journey_id, "position": len(order)}
    if persona.id:
        values["id"] = persona.id
    persona_id = int(conn.execute(insert(PERSONAS).values(**values).returning(PERSONAS.c.id)).scalar_one())
    if at == 0 and order:
        insert_ratings(conn, order[0], card_ratings(conn, journey_id))
        set_card_ratings(conn, journey_id, {})
    order.insert(at, persona_id)
    _write_positions(conn, order)
    return Persona(**{**persona_values(persona), "id": persona_id})  # type: ignore[arg-type]


def remove_persona(conn: Connection, persona_id: int) -> PersonaRemoval:
    journey_id = journey_of_persona(conn, persona_id)
    persona = load_persona(conn, persona_id)
    order = persona_ids(conn, journey_id)
    index = order.index(persona_id)
    if index == 0:
        following = order[1] if len(order) > 1 else None
        ratings = card_ratings(conn, journey_id) if following is not None else {}
        if following is not None:
            hand_over_first(conn, journey_id, None, following)
    else:
        ratings = stored_ratings(conn, persona_id)
    conn.execute(delete(RATINGS).where(RATINGS.c.persona_id == persona_id))
    conn.execute(delete(PERSONAS).where(PERSONAS.c.id == persona_id))
    order.remove(persona_id)
    _write_positions(conn, order)
    return PersonaRemoval(persona, index, ratings)


def restore_persona(conn: Connection, journey_id: int, removal: PersonaRemoval) -> None:
    """Put back what `remove_persona` took out, under the persona's own id and at its place."""
    order = persona_ids(conn, journey_id)
    if removal.index == 0 and order:
        hand_over_first(conn, journey_id, order[0], None)
        add_persona(conn, journey_id, removal.persona, 0)
        set_card_ratings(conn, journey_id, _existing(conn, journey_id, removal.ratings))
    elif removal.index == 0:
        add_persona(conn, journey_id, removal.persona, 0)  # the only one: the cards' scores were kept
    else:
        add_persona(conn, journey_id, removal.persona, removal.index)
        insert_ratings(conn, removal.persona.id, _existing(conn, journey_id, removal.ratings))


def _existing(conn: Connection, journey_id: int, ratings: Mapping[int, Rating]) -> Ratings:
    """`ratings` of the journey's cards that are still there."""
    ids = set(conn.execute(select(TOUCHPOINTS.c.id).where(TOUCHPOINTS.c.journey_id == journey_id)).scalars())
    return {card_id: rating for card_id, rating in ratings.items() if card_id in ids}


def move_persona(conn: Connection, persona_id: int, index: int) -> int:
    """Move the persona to `index`; returns the index it had."""
    journey_id = journey_of_persona(conn, persona_id)
    order = persona_ids(conn, journey_id)
    old = order.index(persona_id)
    first = order[0]
    order.remove(persona_id)
    order.insert(max(0, min(index, len(order))), persona_id)
    if order[0] != first:
        hand_over_first(conn, journey_id, first, order[0])
    _write_positions(conn, order)
    return old


def update_persona(conn: Connection, persona_id: int, fields: Mapping[str, object]) -> Persona:
    """Change some of the persona's fields (name, description, goals, frustrations, color); returns it as it was."""
    journey_of_persona(conn, persona_id)
    previous = load_persona(conn, persona_id)
    unknown = set(fields) - {"name", "description", "goals", "frustrations", "color"}
    if unknown:
        raise TypeError(f"update_persona() got unexpected fields: {', '.join(sorted(unknown))}")
    merged = Persona(**{**persona_values(previous), **fields, "id": persona_id})  # type: ignore[arg-type]
    values = persona_values(merged)
    conn.execute(update(PERSONAS).where(PERSONAS.c.id == persona_id).values(**{k: values[k] for k in fields}))
    return previous


def set_rating(conn: Connection, touchpoint_id: int, persona_id: int, rating: Rating) -> Rating:
    """Make the persona's score and target on the card `rating`; returns the rating it had."""
    journey_id = journey_of_persona(conn, persona_id)
    card_journey = conn.execute(select(TOUCHPOINTS.c.journey_id).where(TOUCHPOINTS.c.id == touchpoint_id)).scalar()
    if card_journey is None:
        raise NotFoundError(say("There is no touchpoint with id {0} in this library.", touchpoint_id))
    if int(card_journey) != journey_id:
        raise EditError(say("The touchpoint and the persona belong to different journeys."))
    values = rating_values(rating)
    if persona_ids(conn, journey_id)[0] == persona_id:
        row = conn.execute(
            select(TOUCHPOINTS.c.score, TOUCHPOINTS.c.target).where(TOUCHPOINTS.c.id == touchpoint_id)
        ).one()
        conn.execute(update(TOUCHPOINTS).where(TOUCHPOINTS.c.id == touchpoint_id).values(**values))
        return Rating(row.score, row.target)
    where = (RATINGS.c.touchpoint_id == touchpoint_id) & (RATINGS.c.persona_id == persona_id)
    old = conn.execute(select(RATINGS.c.score, RATINGS.c.target).where(where)).one_or_none()
    conn.execute(delete(RATINGS).where(where))
    insert_ratings(conn, persona_id, {touchpoint_id: rating})
    return Rating() if old is None else Rating(old.score, old.target)


def insert_all(conn: Connection, journey_id: int, personas: Sequence[Persona], keep_ids: bool) -> dict[int, int]:
    """Insert a whole journey's personas (under their own ids with `keep_ids`); returns each given id's id as stored
    (the ratings follow with `insert_card_ratings`)."""
    if len(personas) > MAX_PERSONAS:
        raise EditError(say("A journey has at most {0} personas.", MAX_PERSONAS))
    stored: dict[int, int] = {}
    for position, persona in enumerate(personas):
        values = persona_values(persona) | {"journey_id": journey_id, "position": position}
        if keep_ids and persona.id > 0:
            values["id"] = persona.id
        stored[persona.id] = int(conn.execute(insert(PERSONAS).values(**values).returning(PERSONAS.c.id)).scalar_one())
    return stored


def insert_card_ratings(
    conn: Connection, cards: Sequence[Touchpoint], persona_ids: Mapping[int, int], card_ids: Mapping[int, int]
) -> None:
    """The other personas' ratings of `cards` (given ids, mapped to stored ones). `persona_ids` maps every persona but
    the first (whose ratings are the cards' own): a rating of any other is refused."""
    rows: list[dict[str, object]] = []
    for card in cards:
        for persona_id, rating in card.ratings.items():
            if persona_id not in persona_ids:
                raise EditError(say("Touchpoint “{0}” has a score of a persona the journey does not have.", card.title))
            if rating.score is None and rating.target is None:
                continue
            rows.append(
                {"touchpoint_id": card_ids.get(card.id, card.id), "persona_id": persona_ids[persona_id]}
                | rating_values(rating)
            )
    if rows:
        conn.execute(insert(RATINGS), rows)


def insert_new_card_ratings(conn: Connection, journey_id: int, cards: Sequence[Touchpoint]) -> None:
    """The other personas' ratings of new `cards` (stored already, under their ids): a rating of a persona that is not
    one of the journey's others is refused."""
    if any(card.ratings for card in cards):
        others = persona_ids(conn, journey_id)[1:]
        insert_card_ratings(conn, cards, {p: p for p in others}, {})


def set_first(conn: Connection, journey_id: int, persona: Persona | None) -> None:
    """`Library.update_journey(persona=...)`: the first persona's name, description, goals and frustrations (added
    when the journey has none), or (None) the first persona taken out."""
    order = persona_ids(conn, journey_id)
    if persona is None:
        if order:
            remove_persona(conn, order[0])
    elif order:
        fields = persona_values(persona)
        del fields["color"]
        update_persona(conn, order[0], fields)
    else:
        add_persona(
            conn, journey_id, Persona(persona.name, persona.description, persona.goals, persona.frustrations), 0
        )

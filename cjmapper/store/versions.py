"""Named versions of a journey ("before the workshop"): a whole-journey snapshot kept in the library.

A version's snapshot is the journey's content (its own fields, phases, lanes and cards) with every id and sort key,
as compact JSON compressed with zlib. Keeping the ids is what makes a restore exact: restoring a version puts back
the very phases, lanes and cards it was saved from, so the undo commands of earlier edits (which hold ids) stay
valid, and restoring the journey's previous content undoes the restore. Only the journey's own ids are put back,
though: a version copied from another library holds that library's ids, and an id another journey holds or one this
library never handed out gets a fresh one (`replace_content`). The interchange format
(`cjmapper.interchange`) renumbers ids and drops sort keys, so it is not used here.

It is one job, a little past 700 lines: a snapshot written, read back and restored, each part of the journey in the
same three places so that none is forgotten; the parts with rows of their own keep their snapshot form in their own
modules (`comments`, `snapshot_images`, `matrix_rows`, `personas`).

Snapshots are data only: they are read with `json` (never pickle), their unpacked size is bounded, and every field is
checked before it becomes a model object or a row, so a damaged or hostile library yields a clear `LibraryError`.

The functions here run inside a transaction the caller (`Library`) holds; `Library` bumps the journey's revision.
"""

from __future__ import annotations

import itertools
import json
import operator
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from cjmapper import card_fields, rules
from cjmapper.errors import EditError, LibraryError, NotFoundError
from cjmapper.interchange.untrusted_json import ValuesPerItem, too_many_values
from cjmapper.messages import number, say
from cjmapper.model import (
    MATRIX_LABEL_NAMES,
    MAX_LANES,
    MAX_NAME,
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
from cjmapper.store import comments as comment_rows
from cjmapper.store import image_rows, matrix_rows, reading, snapshot_images
from cjmapper.store import personas as persona_rows
from cjmapper.store.comment_tables import COMMENTS
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
)

MAX_VERSION_NAME = MAX_NAME
SNAPSHOT_FORMAT = "cjmapper.version"
SNAPSHOT_VERSION = 4
"""Version 4 holds the comments on the cards (`comments.snapshot_rows`). Version 3 holds the personas (ids and
colours too) and the other personas' ratings, where 1 and 2 held one persona.
Version 2 names the card fields once (`touchpoint_fields`) and gives each card's values in that order, so a
snapshot reads the same after a field is added (a field it lacks takes its default). Version 1 (library formats 3
and before; 0004 converts stored ones) gave them by position, in `V1_TOUCHPOINT_FIELDS`' order."""
V1_TOUCHPOINT_FIELDS = (
    "id", "phase_id", "lane_id", "position", "title", "notes", "channel", "score", "expectation", "owner", "color",
    "votes",
)  # fmt: skip
_MB = 1024 * 1024
MAX_SNAPSHOT_BYTES = 32 * _MB
"""The most a snapshot may unpack to (read at call time, so tests may lower it). A journey is a few MB as a snapshot
even with thousands of cards; saving one that would be larger is refused. A larger snapshot (in a damaged or hostile
library) is refused without unpacking further, and one within it that holds more values than any journey (a flood of
"[]") is refused before parsing, so reading a snapshot never holds much more than twice this at once."""
_STEP = _MB
"""A snapshot is unpacked this much at a time."""
_COMPRESSION = 1
"""zlib level: level 1 packs a typical journey to about a sixth, several times faster than the default 6."""


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One saved version, as listed."""

    id: int
    journey_id: int
    name: str
    created_at: datetime
    """When it was saved, in UTC (an aware datetime)."""
    touchpoints: int
    revision: int | None = field(default=None, compare=False)
    """On what `Library.save_version` returns: the journey's revision after saving; None on a listed version (not
    part of a version's equality: the same version, listed or just saved, is equal)."""


@dataclass(frozen=True, slots=True)
class VersionRemoval:
    """What `delete_version` took out, so `restore_deleted_version` can put it back under its own id."""

    info: VersionInfo
    snapshot: bytes
    revision: int | None = None
    """The journey's revision after `Library.delete_version`; None on a removal made by hand."""


# ---------------------------------------------------------------------- snapshots


def encode(journey: Journey) -> bytes:
    """The snapshot of a journey: compact JSON with every id and sort key, zlib-compressed."""
    data = {
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "title": journey.title,
        "description": journey.description,
        "language": journey.language.value,
        "framework": journey.framework.value,
        "personas": [[p.id, p.name, p.description, p.goals, p.frustrations, p.color] for p in journey.personas],
        "phases": [[p.id, p.name, p.description, p.color] for p in journey.phases],
        "lanes": [[lane.id, lane.name, lane.kind.value, lane.color] for lane in journey.lanes],
        "touchpoint_fields": list(TOUCHPOINT_FIELDS),
        "touchpoints": list(map(_card_row, journey.touchpoints)),
        "ratings": [
            [card.id, persona_id, rating.score, rating.target]
            for card in journey.touchpoints
            for persona_id, rating in card.ratings.items()
        ],
        "matrix": [getattr(journey.matrix, name) for name in MATRIX_LABEL_NAMES],
        "comments": comment_rows.snapshot_rows(journey.comments),
    }
    data |= snapshot_images.encoded(journey)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(raw) > MAX_SNAPSHOT_BYTES:
        raise EditError(
            say(
                "The journey is too large to save as a version ({0} MB of content; a version holds at most {1}).",
                number(round(len(raw) / _MB)),
                _megabytes(MAX_SNAPSHOT_BYTES),
            )
        )
    return zlib.compress(raw, _COMPRESSION)


def _megabytes(size: int) -> str:
    return f"{number(round(size / _MB))} MB" if size >= _MB else f"{number(size)} bytes"


class _DamagedError(Exception):
    pass


def decode(snapshot: bytes, journey_id: int, name: str = "") -> Journey:
    """The journey a snapshot holds (with `journey_id` as its id). Raises LibraryError when it is damaged."""
    try:
        return _decode(snapshot, journey_id)
    except _DamagedError as e:
        raise _damaged(name, str(e)) from None


def _damaged(name: str, reason: str) -> LibraryError:
    called = f" {name!r}" if name else ""
    return LibraryError(say("The version{0} is damaged and cannot be read ({1}).", called, reason))


def _decode(snapshot: bytes, journey_id: int) -> Journey:
    if not isinstance(snapshot, bytes | bytearray | memoryview):
        raise _DamagedError(say("its snapshot is not binary data"))
    raw = _unpack(snapshot)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _DamagedError(say("its snapshot is not valid JSON: {0}", e)) from None
    del raw  # the text and what it parses to are all that is held from here
    if too_many_values(text, _SNAPSHOT_VALUES):
        raise _DamagedError(say("its snapshot holds far more values than any journey"))
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as e:
        raise _DamagedError(say("its snapshot is not valid JSON: {0}", e)) from None
    del text
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise _DamagedError(say("its snapshot is not a cjmapper version"))
    version = data.get("version")
    if version not in (1, 2, 3, SNAPSHOT_VERSION) or isinstance(version, bool):
        raise _DamagedError(say("its snapshot has format version {0}, this cjmapper reads 1 to 4", repr(version)))
    personas: list[Persona] = []
    if version < 3:
        persona_data = data.get("persona")
        if persona_data is not None:
            name, description, goals, frustrations = _row(persona_data, (_STR, _STR, _STR, _STR), say("the persona"))
            personas.append(Persona(name, description, goals, frustrations))
    else:
        for row in _list(data, "personas"):
            persona_id, name, description, goals, frustrations, color = _row(row, _PERSONA_TYPES, say("a persona"))
            personas.append(Persona(name, description, goals, frustrations, color, persona_id))
        if len(personas) > MAX_PERSONAS:
            raise _DamagedError(say("it holds more personas than a journey can"))
    try:
        language = Language(_text(data, "language"))
        framework = Framework(_text(data, "framework"))
    except ValueError:
        raise _DamagedError(say("its language or framework is unknown")) from None
    phase_rows, lane_rows, card_rows = _list(data, "phases"), _list(data, "lanes"), _list(data, "touchpoints")
    if len(phase_rows) > MAX_PHASES or len(lane_rows) > MAX_LANES or len(card_rows) > MAX_TOUCHPOINTS:
        raise _DamagedError(say("it holds more phases, lanes or cards than a journey can"))
    phases = [Phase(*_row(row, _PHASE_TYPES, say("a phase"))) for row in phase_rows]
    lanes: list[Lane] = []
    for row in lane_rows:
        lane_id, lane_name, kind, color = _row(row, _LANE_TYPES, say("a lane"))
        try:
            lanes.append(Lane(lane_id, lane_name, LaneKind(kind), color))
        except ValueError:
            raise _DamagedError(say("a lane has the unknown kind {0}", repr(kind))) from None
    touchpoints = _cards(card_rows, V1_TOUCHPOINT_FIELDS if version == 1 else _card_fields(data))
    if version >= 3:
        _rate(touchpoints, _list(data, "ratings"))
    try:
        comments = (
            comment_rows.from_snapshot(_list(data, "comments"), {t.id for t in touchpoints}) if version >= 4 else []
        )
        wall = snapshot_images.decoded(data, touchpoints)
    except ValueError as e:
        raise _DamagedError(str(e)) from None
    return Journey(
        id=journey_id,
        title=_text(data, "title"),
        description=_text(data, "description"),
        language=language,
        framework=framework,
        personas=personas,
        phases=phases,
        lanes=lanes,
        touchpoints=touchpoints,
        matrix=_matrix(data),
        comments=comments,
        wall_photo=wall,
    )


def _matrix(data: dict[str, Any]) -> MatrixLabels:
    """The names on the matrix (library format 10 on; a snapshot saved before holds none: the defaults)."""
    if "matrix" not in data:
        return MatrixLabels()
    return MatrixLabels(*_row(data["matrix"], tuple(_STR for _ in MATRIX_LABEL_NAMES), say("the matrix's names")))


def _unpack(snapshot: bytes | bytearray | memoryview) -> bytearray:
    """The snapshot unpacked, a step at a time: one that would unpack to more than MAX_SNAPSHOT_BYTES is refused
    once that much is out (a bomb is never unpacked whole)."""
    limit = MAX_SNAPSHOT_BYTES
    if len(snapshot) > _packed_limit():
        raise _DamagedError(say("its snapshot is larger than {0}", _megabytes(limit)))
    unpacker = zlib.decompressobj()
    raw = bytearray()
    try:
        step = unpacker.decompress(snapshot, _STEP)
        while True:
            raw += step
            if len(raw) > limit:
                raise _DamagedError(say("its snapshot unpacks to more than {0}", _megabytes(limit)))
            if unpacker.eof or (not unpacker.unconsumed_tail and len(step) < _STEP):
                break  # done, or every byte used and nothing more to come
            step = unpacker.decompress(unpacker.unconsumed_tail, _STEP)
    except zlib.error:
        raise _DamagedError(say("its snapshot is not zlib data")) from None
    if not unpacker.eof:
        raise _DamagedError(say("its snapshot is cut short"))
    return raw


def _packed_limit() -> int:
    """The most a snapshot within MAX_SNAPSHOT_BYTES can take packed (zlib adds a little to data it cannot pack)."""
    return MAX_SNAPSHOT_BYTES + MAX_SNAPSHOT_BYTES // 1000 + 1024


_INT = (int,)
_STR = (str,)
_OPT_STR = (str, type(None))
_OPT_INT = (int, type(None))
_PHASE_TYPES = (_INT, _STR, _STR, _OPT_STR)
_LANE_TYPES = (_INT, _STR, _STR, _OPT_STR)
_PERSONA_TYPES = (_INT, _STR, _STR, _STR, _STR, _OPT_STR)
_RATING_TYPES = (_INT, _INT, _OPT_INT, _OPT_INT)
_KIND_TYPES: dict[card_fields.ValueKind, tuple[type, ...]] = {
    "title": _STR,
    "text": _STR,
    "channel": _OPT_STR,
    "score": _OPT_INT,
    "colour": _OPT_STR,
    "votes": _INT,
    "status": _OPT_STR,
    "place": _OPT_INT,
}
_FIELD_TYPES = {name: _INT for name in card_fields.PLACE} | {f.name: _KIND_TYPES[f.kind] for f in card_fields.FIELDS}
_SNAPSHOT_VALUES = ValuesPerItem(
    containers=1,
    separators=len(TOUCHPOINT_FIELDS),
    quotes=2 * sum(str in _FIELD_TYPES[name] for name in TOUCHPOINT_FIELDS),
)
"""What one card (or phase, or lane: fewer) takes in a snapshot at most: an array of its fields (a comma after each
but the last, and 1 after it), each string field with its two quotes. Parsing as many values as the largest
journey's snapshot holds takes under 100 MB."""
_card_row = operator.attrgetter(*TOUCHPOINT_FIELDS)
"""A card's values in `TOUCHPOINT_FIELDS` order (a tuple, which JSON writes as an array)."""


def _card_fields(data: dict[str, Any]) -> tuple[str, ...]:
    """The card fields a version-2 snapshot names: each one this cjmapper knows, once, with every part of a card's
    place and its title (the fields it leaves out take their defaults)."""
    names = _list(data, "touchpoint_fields")
    for name in names:
        if type(name) is not str:
            raise _DamagedError(say("its touchpoint fields are not names"))
        if name not in _FIELD_TYPES:
            raise _DamagedError(say("its cards have the field {0}, which this cjmapper does not know", repr(name[:40])))
    if len(set(names)) != len(names) or not {*card_fields.PLACE, "title"} <= set(names):
        raise _DamagedError(say("its touchpoint fields are repeated or incomplete"))
    return tuple(names)


def _cards(rows: list[Any], names: Sequence[str]) -> list[Touchpoint]:
    types = [_FIELD_TYPES[name] for name in names]
    checked = [_row(row, types, say("a card")) for row in rows]
    for card_field in card_fields.CONVERTED:
        if card_field.name in names:
            at = names.index(card_field.name)
            try:
                for row in checked:
                    row[at] = card_field.model_value(row[at])
            except ValueError:
                raise _DamagedError(say("a card has a {0} this cjmapper does not know", card_field.name)) from None
    if tuple(names) == TOUCHPOINT_FIELDS:  # a snapshot of this cjmapper: its rows are the model's, in order
        return [Touchpoint(*row) for row in checked]
    return [Touchpoint(**dict(zip(names, row, strict=True))) for row in checked]


def _rate(cards: list[Touchpoint], rows: list[Any]) -> None:
    by_id = {card.id: card for card in cards}
    for row in rows:
        card_id, persona_id, score, target = _row(row, _RATING_TYPES, "a rating")
        card = by_id.get(card_id)
        if card is None:
            raise _DamagedError("a rating names a card the version does not hold")
        card.ratings[persona_id] = Rating(score, target)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _DamagedError(say("its {0} are missing", key))
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _DamagedError(say("its {0} is missing", key))
    return value


def _row(value: object, types: Sequence[tuple[type, ...]], what: str) -> list[Any]:
    if not isinstance(value, list) or len(value) != len(types):
        raise _DamagedError(say("{0} has the wrong shape", what))
    for item, allowed in zip(value, types, strict=True):
        if not isinstance(item, allowed) or isinstance(item, bool):
            raise _DamagedError(say("{0} has a field of the wrong type", what))
    return value


# ---------------------------------------------------------------------- queries and edits (in a transaction)


def _info(row: Any) -> VersionInfo:
    created: datetime = row.created_at
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return VersionInfo(int(row.id), int(row.journey_id), row.name, created, int(row.touchpoints))


_INFO_COLUMNS = (VERSIONS.c.id, VERSIONS.c.journey_id, VERSIONS.c.name, VERSIONS.c.created_at, VERSIONS.c.touchpoints)


def _require_journey(conn: Connection, journey_id: int) -> None:
    if conn.execute(select(JOURNEYS.c.id).where(JOURNEYS.c.id == journey_id)).scalar() is None:
        raise NotFoundError(say("There is no journey with id {0} in this library.", journey_id))


def list_versions(conn: Connection, journey_id: int) -> list[VersionInfo]:
    """The journey's versions, newest first."""
    _require_journey(conn, journey_id)
    rows = conn.execute(
        select(*_INFO_COLUMNS)
        .where(VERSIONS.c.journey_id == journey_id)
        .order_by(VERSIONS.c.created_at.desc(), VERSIONS.c.id.desc())
    )
    return [_info(row) for row in rows]


def version_info(conn: Connection, version_id: int) -> VersionInfo:
    row = conn.execute(select(*_INFO_COLUMNS).where(VERSIONS.c.id == version_id)).one_or_none()
    if row is None:
        raise NotFoundError(say("There is no version with id {0} in this library.", version_id))
    return _info(row)


def find_version(conn: Connection, journey_id: int, ref: str) -> int:
    """The id of the journey's version named `ref` (its exact name, or else its id)."""
    _require_journey(conn, journey_id)
    cleaned = ref.strip()
    found = conn.execute(
        select(VERSIONS.c.id).where(VERSIONS.c.journey_id == journey_id, VERSIONS.c.name == cleaned)
    ).scalar()
    if found is None and cleaned.isdigit():
        found = conn.execute(
            select(VERSIONS.c.id).where(VERSIONS.c.journey_id == journey_id, VERSIONS.c.id == int(cleaned))
        ).scalar()
    if found is None:
        raise NotFoundError(say("The journey has no version named {0}.", repr(cleaned)))
    return int(found)


def load_version(conn: Connection, version_id: int) -> Journey:
    size = func.length(VERSIONS.c.snapshot)
    row = conn.execute(
        select(VERSIONS.c.journey_id, VERSIONS.c.name, size.label("size")).where(VERSIONS.c.id == version_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(say("There is no version with id {0} in this library.", version_id))
    if isinstance(row.size, int) and row.size > _packed_limit():  # not even fetched
        raise _damaged(row.name, say("its snapshot is larger than {0}", _megabytes(MAX_SNAPSHOT_BYTES)))
    snapshot = conn.execute(select(VERSIONS.c.snapshot).where(VERSIONS.c.id == version_id)).scalar_one()
    return decode(snapshot, int(row.journey_id), row.name)


def clean_name(name: str) -> str:
    return rules.title(name, MAX_VERSION_NAME, "version name")


def _check_name_free(conn: Connection, journey_id: int, name: str) -> None:
    """Names are unique per journey, ignoring case (compared here: SQL's lower() knows only ASCII)."""
    wanted = name.casefold()
    for taken in conn.execute(select(VERSIONS.c.name).where(VERSIONS.c.journey_id == journey_id)).scalars():
        if taken.casefold() == wanted:
            raise EditError(say("This journey already has a version named {0}; choose another name.", repr(taken)))


def save_version(conn: Connection, journey_id: int, name: str) -> VersionInfo:
    journey = reading.load_journey(conn, journey_id)
    return _insert(conn, journey_id, name, datetime.now(UTC), journey)


@dataclass(frozen=True, slots=True)
class IdMap:
    """The ids a journey copied into this library got: each part's id in the source -> its copy's id here."""

    phases: dict[int, int] = field(default_factory=dict)
    lanes: dict[int, int] = field(default_factory=dict)
    touchpoints: dict[int, int] = field(default_factory=dict)
    personas: dict[int, int] = field(default_factory=dict)
    images: dict[int, int] = field(default_factory=dict)


def import_version(conn: Connection, journey_id: int, info: VersionInfo, content: Journey, ids: IdMap) -> VersionInfo:
    """Add a version brought from another library (its name, time and content) to journey `journey_id`, the copy
    whose new ids `ids` gives. The version names the copy's parts by their ids here, and every part the copy lacks
    (deleted before it was copied) by an id below 1, which no library hands out: no other library's id is kept."""
    return _insert(conn, journey_id, info.name, info.created_at, _translated(content, ids))


def _translated(content: Journey, ids: IdMap) -> Journey:
    placeholders = itertools.count(-1, -1)

    def mapping(given: dict[int, int], found: Iterable[int]) -> dict[int, int]:
        return {i: given[i] if i in given else next(placeholders) for i in dict.fromkeys(found)}

    cards = content.touchpoints
    phases = mapping(ids.phases, [*(p.id for p in content.phases), *(t.phase_id for t in cards)])
    lanes = mapping(ids.lanes, [*(lane.id for lane in content.lanes), *(t.lane_id for t in cards)])
    card_ids = mapping(ids.touchpoints, [t.id for t in cards])
    persona_ids = mapping(ids.personas, [*(p.id for p in content.personas), *(i for t in cards for i in t.ratings)])
    return replace(
        content,
        personas=[replace(p, id=persona_ids[p.id]) for p in content.personas],
        phases=[replace(p, id=phases[p.id]) for p in content.phases],
        lanes=[replace(lane, id=lanes[lane.id]) for lane in content.lanes],
        touchpoints=[
            replace(
                t,
                id=card_ids[t.id],
                phase_id=phases[t.phase_id],
                lane_id=lanes[t.lane_id],
                ratings={persona_ids[i]: r for i, r in t.ratings.items()},
                image=snapshot_images.translated(t.image, ids.images),
            )
            for t in cards
        ],
        comments=comment_rows.translated(content.comments, card_ids, lambda: next(placeholders)),
        wall_photo=snapshot_images.translated(content.wall_photo, ids.images),
    )


def _insert(conn: Connection, journey_id: int, name: str, created_at: datetime, content: Journey) -> VersionInfo:
    cleaned = clean_name(name)
    _check_name_free(conn, journey_id, cleaned)
    created = created_at.astimezone(UTC).replace(tzinfo=None)
    version_id = conn.execute(
        insert(VERSIONS)
        .values(
            journey_id=journey_id,
            name=cleaned,
            created_at=created,
            touchpoints=len(content.touchpoints),
            snapshot=encode(content),
        )
        .returning(VERSIONS.c.id)
    ).scalar_one()
    return VersionInfo(int(version_id), journey_id, cleaned, created.replace(tzinfo=UTC), len(content.touchpoints))


def delete_version(conn: Connection, version_id: int) -> VersionRemoval:
    info = version_info(conn, version_id)
    snapshot = conn.execute(select(VERSIONS.c.snapshot).where(VERSIONS.c.id == version_id)).scalar_one()
    conn.execute(delete(VERSIONS).where(VERSIONS.c.id == version_id))
    return VersionRemoval(info, bytes(snapshot))


def restore_deleted_version(conn: Connection, removal: VersionRemoval) -> None:
    info = removal.info
    _require_journey(conn, info.journey_id)
    _check_name_free(conn, info.journey_id, info.name)
    conn.execute(
        insert(VERSIONS).values(
            id=info.id,
            journey_id=info.journey_id,
            name=info.name,
            created_at=info.created_at.astimezone(UTC).replace(tzinfo=None),
            touchpoints=info.touchpoints,
            snapshot=removal.snapshot,
        )
    )


IssuedIds = Callable[[Connection, Table], int]
"""The backend's `issued_ids`: the highest id a table has handed out."""


def replace_content(conn: Connection, content: Journey, issued_ids: IssuedIds) -> Journey:
    """Make journey `content.id` hold exactly `content` (its fields, phases, lanes and cards, with their sort keys).
    Returns the journey as it was, which, given back to this function, undoes it.

    Ids are kept wherever the journey may hold them: its own (those it holds, and those of its parts deleted since,
    which the undo commands hold), so a restore puts back the very phases, lanes and cards. An id another journey
    holds, or one this library never handed out (a version copied from another library holds that library's ids),
    is never inserted as it is: that part gets a fresh id, its cards follow it, and no id is ever in two places or
    handed out twice."""
    journey_id = content.id
    head, personas, phases, lanes, cards = _checked(content)
    previous = reading.load_journey(conn, journey_id)
    conn.execute(
        delete(RATINGS).where(
            RATINGS.c.persona_id.in_(select(PERSONAS.c.id).where(PERSONAS.c.journey_id == journey_id))
        )
    )
    conn.execute(delete(PERSONAS).where(PERSONAS.c.journey_id == journey_id))
    conn.execute(
        delete(CARD_IMAGES).where(
            CARD_IMAGES.c.touchpoint_id.in_(select(TOUCHPOINTS.c.id).where(TOUCHPOINTS.c.journey_id == journey_id))
        )
    )
    conn.execute(delete(TOUCHPOINTS).where(TOUCHPOINTS.c.journey_id == journey_id))
    conn.execute(delete(LANES).where(LANES.c.journey_id == journey_id))
    conn.execute(delete(PHASES).where(PHASES.c.journey_id == journey_id))
    conn.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(**head))
    phase_ids = _insert_rows(conn, PHASES, journey_id, phases, issued_ids)
    lane_ids = _insert_rows(conn, LANES, journey_id, lanes, issued_ids)
    for card in cards:
        card["phase_id"] = phase_ids[cast(int, card["phase_id"])]
        card["lane_id"] = lane_ids[cast(int, card["lane_id"])]
    card_ids = _insert_rows(conn, TOUCHPOINTS, journey_id, cards, issued_ids)
    stored_personas = _insert_rows(conn, PERSONAS, journey_id, personas, issued_ids)
    others = {p.id: stored_personas[p.id] for p in content.personas[1:]}
    persona_rows.insert_card_ratings(conn, content.touchpoints, others, card_ids)
    on_cards = card_ids | {t.id: t.id for t in previous.touchpoints if t.id not in card_ids}
    comment_rows.replace(conn, journey_id, content.comments, on_cards, issued_ids(conn, COMMENTS))
    image_rows.insert_card_images(conn, content.touchpoints, card_ids)
    image_rows.write_wall_photo(conn, journey_id, content.wall_photo)
    return previous


_IN_CHUNK = 5000
"""Ids looked up per statement (SQLite and PostgreSQL both take this many parameters)."""


def _insert_rows(conn: Connection, table: Table, journey_id: int, rows: Rows, issued_ids: IssuedIds) -> dict[int, int]:
    """Insert the journey's rows of `table` (the journey holds none there now), each under its own id where that id
    is free and was handed out by this library, else under a fresh one. Returns each given id's id as stored."""
    if not rows:
        return {}
    given = [cast(int, row["id"]) for row in rows]
    highest = issued_ids(conn, table)
    candidates = [i for i in given if 0 < i <= highest]
    held: set[int] = set()  # by another journey: this one's rows are gone
    for start in range(0, len(candidates), _IN_CHUNK):
        chunk = candidates[start : start + _IN_CHUNK]
        held.update(int(i) for i in conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    free = set(candidates) - held
    pairs = list(zip(rows, given, strict=True))
    stored = {i: i for i in given if i in free}
    if stored:
        conn.execute(insert(table), [row | {"journey_id": journey_id} for row, i in pairs if i in free])
    fresh = [(row, i) for row, i in pairs if i not in free]
    if fresh:
        new_ids = conn.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [{k: v for k, v in row.items() if k != "id"} | {"journey_id": journey_id} for row, _ in fresh],
        ).scalars()
        stored.update(zip((i for _, i in fresh), (int(n) for n in new_ids), strict=True))
    return stored


Rows = list[dict[str, object]]


def _checked(journey: Journey) -> tuple[dict[str, object], Rows, Rows, Rows, Rows]:
    """The journey's rows, every field through the edit API's rules (EditError for anything the API refuses)."""
    if len(journey.phases) > MAX_PHASES or len(journey.lanes) > MAX_LANES:
        raise EditError(say("A journey has at most {0} phases and {1} lanes.", MAX_PHASES, MAX_LANES))
    if len(journey.touchpoints) > MAX_TOUCHPOINTS:
        raise EditError(say("A journey has at most {0} touchpoints.", number(MAX_TOUCHPOINTS)))
    if len(journey.personas) > MAX_PERSONAS:
        raise EditError(say("A journey has at most {0} personas.", MAX_PERSONAS))
    head: dict[str, object] = {
        "title": rules.title(journey.title, MAX_TITLE, "journey title"),
        "description": rules.text(journey.description, MAX_TEXT, "description"),
        "language": rules.language(journey.language).value,
        "framework": rules.framework(journey.framework).value,
        **matrix_rows.matrix_values(journey.matrix),
    }
    personas: Rows = [
        {"id": p.id, "position": position} | persona_rows.persona_values(p)
        for position, p in enumerate(journey.personas)
    ]
    if len({p.id for p in journey.personas}) != len(journey.personas):
        raise EditError(say("Two personas of the journey share an id."))
    phases: Rows = [
        {
            "id": p.id,
            "position": position,
            "name": rules.title(p.name, MAX_NAME, "phase name"),
            "description": rules.text(p.description, MAX_TEXT, "description"),
            "color": rules.color(p.color),
        }
        for position, p in enumerate(journey.phases)
    ]
    lanes: Rows = [
        {
            "id": lane.id,
            "position": position,
            "name": rules.title(lane.name, MAX_NAME, "lane name"),
            "kind": rules.lane_kind(lane.kind).value,
            "color": rules.color(lane.color),
        }
        for position, lane in enumerate(journey.lanes)
    ]
    phase_ids = {p.id for p in journey.phases}
    card_lanes = {lane.id for lane in journey.lanes if lane.kind.holds_cards}
    lane_ids = {lane.id for lane in journey.lanes}
    card_ids = {t.id for t in journey.touchpoints}
    if len(phase_ids) != len(journey.phases) or len(lane_ids) != len(journey.lanes):
        raise EditError(say("Two phases or two lanes of the journey share an id."))
    if len(card_ids) != len(journey.touchpoints):
        raise EditError(say("Two touchpoints of the journey share an id."))
    cards: Rows = []
    for t in journey.touchpoints:
        if t.phase_id not in phase_ids or t.lane_id not in lane_ids:
            raise EditError(say("Touchpoint {0} names a phase or lane the journey does not have.", repr(t.title)))
        if t.lane_id not in card_lanes:
            raise EditError(say("Touchpoint {0} is on the experience lane, which holds no cards.", repr(t.title)))
        if isinstance(t.position, bool) or not isinstance(t.position, int):
            raise EditError(say("Touchpoint {0} has no place in its cell.", repr(t.title)))
        place: dict[str, object] = {"id": t.id, "phase_id": t.phase_id, "lane_id": t.lane_id, "position": t.position}
        cards.append(place | {f.name: f.clean(getattr(t, f.name)) for f in card_fields.FIELDS})
    return head, personas, phases, lanes, cards


__all__ = [
    "MAX_VERSION_NAME",
    "IdMap",
    "VersionInfo",
    "VersionRemoval",
    "decode",
    "encode",
]

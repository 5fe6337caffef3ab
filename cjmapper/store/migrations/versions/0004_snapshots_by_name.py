"""Library format 4: a version's snapshot names its card fields (snapshot version 2) instead of giving them by
position, so a snapshot reads the same after a card field is added.

Each stored snapshot of version 1 is rewritten as version 2: the same values, under a `touchpoint_fields` list. A
snapshot that cannot be read as one (damaged, or larger than any version) is left as it is: it was unreadable before
and stays so, and cjmapper still reads a version-1 snapshot. Self-contained on purpose: a migration must do what it
did when it was written, whatever the code around it becomes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

V1_FIELDS = [
    "id", "phase_id", "lane_id", "position", "title", "notes", "channel", "score", "expectation", "owner", "color",
    "votes",
]  # fmt: skip
_LIMIT = 32 * 1024 * 1024 + 1
"""Unpacked bytes at most (a version holds at most 32 MB); a larger snapshot is left alone."""

_VERSIONS = sa.table(
    "journey_versions",
    sa.column("id", sa.Integer),
    sa.column("snapshot", sa.LargeBinary),
)


def _unpacked(snapshot: object) -> Any:
    if not isinstance(snapshot, bytes | bytearray | memoryview):
        return None
    try:
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(bytes(snapshot), _LIMIT)
        if not unpacker.eof or len(raw) >= _LIMIT:
            return None
        return json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, RecursionError):
        return None


def _packed(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return zlib.compress(text.encode("utf-8"), 1)


def _to_v2(data: Any) -> dict[str, Any] | None:
    if not isinstance(data, dict) or data.get("format") != "cjmapper.version" or data.get("version") != 1:
        return None
    return {**data, "version": 2, "touchpoint_fields": V1_FIELDS}


def _to_v1(data: Any) -> dict[str, Any] | None:
    """Back to version 1: each card's values of the version-1 fields (a field it lacks takes its default)."""
    if not isinstance(data, dict) or data.get("format") != "cjmapper.version" or data.get("version") != 2:
        return None
    names, cards = data.get("touchpoint_fields"), data.get("touchpoints")
    if not isinstance(names, list) or not isinstance(cards, list):
        return None
    defaults: dict[str, Any] = {"notes": "", "channel": None, "score": None, "expectation": "", "owner": ""}
    defaults |= {"color": None, "votes": 0}
    rows = []
    for card in cards:
        if not isinstance(card, list) or len(card) != len(names):
            return None
        given = dict(zip(names, card, strict=True))
        if not all(name in given or name in defaults for name in V1_FIELDS):
            return None
        rows.append([given.get(name, defaults.get(name)) for name in V1_FIELDS])
    kept: dict[str, Any] = {key: value for key, value in data.items() if key != "touchpoint_fields"}
    return kept | {"version": 1, "touchpoints": rows}


def _rewrite(convert: Any) -> None:
    conn = op.get_bind()
    ids = conn.execute(sa.select(_VERSIONS.c.id)).scalars().all()
    for version_id in ids:  # one snapshot in memory at a time
        snapshot = conn.execute(sa.select(_VERSIONS.c.snapshot).where(_VERSIONS.c.id == version_id)).scalar()
        converted = convert(_unpacked(snapshot))
        if converted is not None:
            conn.execute(sa.update(_VERSIONS).where(_VERSIONS.c.id == version_id).values(snapshot=_packed(converted)))


def upgrade() -> None:
    _rewrite(_to_v2)


def downgrade() -> None:
    _rewrite(_to_v1)

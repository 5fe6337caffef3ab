"""The library's tables as SQLAlchemy Core tables. Portable: nothing here is SQLite-only.

The store reads these with column selects into `cjmapper.model` value objects. Core tables, not ORM models: the store
never needed ORM instances, and `sqlalchemy.orm` with its declarative machinery cost about 90 ms of every start.
Migrations under `migrations/versions/` must produce exactly this schema (a test compares them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from cjmapper.model import MATRIX_LABEL_NAMES

METADATA = MetaData()

NEVER_REUSE_IDS: dict[str, Any] = {"sqlite_autoincrement": True}
"""Ids of deleted rows are never handed out again, so an undo command's ids stay unique (PostgreSQL's
sequences behave so already)."""


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _journey_id() -> Column[int]:
    return Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False)


META = Table(
    "cjm_meta",
    METADATA,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)
"""Key/value facts about the library file: schema version, the cjmapper versions that wrote it."""

JOURNEYS = Table(
    "journeys",
    METADATA,
    _id(),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("language", String(8), nullable=False, default="en"),
    Column("framework", String(32), nullable=False, default="custom"),
    Column("revision", Integer, nullable=False, default=0, server_default="0"),
    *(
        Column(f"matrix_{name}", String(100), nullable=False, default="", server_default="")
        for name in MATRIX_LABEL_NAMES
    ),
    **NEVER_REUSE_IDS,
)
"""A journey; its `matrix_*` columns are the names on its impact/effort matrix (`model.MatrixLabels`, "" the
default)."""

PHASES = Table(
    "phases",
    METADATA,
    _id(),
    _journey_id(),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("color", String(7), nullable=True),
    Index("ix_phases_journey", "journey_id", "position"),
    **NEVER_REUSE_IDS,
)

LANES = Table(
    "lanes",
    METADATA,
    _id(),
    _journey_id(),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("color", String(7), nullable=True),
    Index("ix_lanes_journey", "journey_id", "position"),
    **NEVER_REUSE_IDS,
)

TOUCHPOINTS = Table(
    "touchpoints",
    METADATA,
    _id(),
    _journey_id(),
    Column("phase_id", ForeignKey("phases.id", ondelete="CASCADE"), nullable=False),
    Column("lane_id", ForeignKey("lanes.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("title", String(200), nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("channel", String(60), nullable=True),
    Column("score", Integer, nullable=True),
    Column("expectation", Text, nullable=False, default=""),
    Column("owner", String(200), nullable=False, default=""),
    Column("color", String(7), nullable=True),
    Column("votes", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=True),
    Column("target", Integer, nullable=True),
    Column("impact", Integer, nullable=True),
    Column("effort", Integer, nullable=True),
    Index("ix_touchpoints_journey", "journey_id"),
    Index("ix_touchpoints_cell", "phase_id", "lane_id", "position"),
    CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_touchpoints_score"),
    CheckConstraint("votes >= 0", name="ck_touchpoints_votes"),
    **NEVER_REUSE_IDS,
)

PERSONAS = Table(
    "personas",
    METADATA,
    _id(),
    _journey_id(),
    Column("position", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("goals", Text, nullable=False, default=""),
    Column("frustrations", Text, nullable=False, default=""),
    Column("color", String(7), nullable=True),
    Index("ix_personas_journey", "journey_id", "position"),
    **NEVER_REUSE_IDS,
)
"""A journey's personas, in order. The first one's scores and targets are its cards' own columns (`score`, `target`);
every other one's are in `RATINGS`."""

RATINGS = Table(
    "persona_ratings",
    METADATA,
    Column("touchpoint_id", ForeignKey("touchpoints.id", ondelete="CASCADE"), primary_key=True),
    Column("persona_id", ForeignKey("personas.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Integer, nullable=True),
    Column("target", Integer, nullable=True),
    Index("ix_persona_ratings_persona", "persona_id"),
    CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_persona_ratings_score"),
    CheckConstraint("target IS NULL OR (target >= 1 AND target <= 5)", name="ck_persona_ratings_target"),
)
"""A persona's score and target on a card, for every persona but the journey's first (whose are the card's own)."""

VERSIONS = Table(
    "journey_versions",
    METADATA,
    _id(),
    _journey_id(),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("touchpoints", Integer, nullable=False),
    Column("snapshot", LargeBinary, nullable=False),
    Index("ix_journey_versions_journey", "journey_id", "created_at"),
    UniqueConstraint("journey_id", "name", name="uq_journey_versions_name"),
    **NEVER_REUSE_IDS,
)
"""A named version of a journey: its whole content as a compressed snapshot (see `cjmapper.store.versions`).
`created_at` is UTC (stored without a zone, so SQLite and PostgreSQL store the same)."""

IMAGES = Table(
    "images",
    METADATA,
    _id(),
    Column("digest", String(64), nullable=False),
    Column("format", String(8), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("thumbnail", LargeBinary, nullable=False),
    Column("data", LargeBinary, nullable=False),
    UniqueConstraint("digest", name="uq_images_digest"),
    **NEVER_REUSE_IDS,
)
"""The library's images (cards' photos, wall photos), each stored once (by the SHA-256 of its bytes), already
cleaned and bounded by `cjmapper.images`, with a small copy for the canvas (`thumbnail`). An image is never deleted
with the card or journey that showed it, so undoing that deletion, and every saved version, finds it again."""

CARD_IMAGES = Table(
    "card_images",
    METADATA,
    Column("touchpoint_id", ForeignKey("touchpoints.id", ondelete="CASCADE"), primary_key=True),
    Column("image_id", ForeignKey("images.id"), nullable=False),
)
"""The photo a card shows (a card without one has no row)."""

WALL_PHOTOS = Table(
    "wall_photos",
    METADATA,
    Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), primary_key=True),
    Column("image_id", ForeignKey("images.id"), nullable=False),
)
"""A journey's wall photo (a journey without one has no row)."""

"""The library's tables as typed SQLAlchemy models. Portable: nothing here is SQLite-only.

The store reads these with column selects into `cjmapper.model` value objects; no ORM instance leaves the store.
Migrations under `migrations/versions/` must produce exactly this schema (a test compares them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


NEVER_REUSE_IDS = {"sqlite_autoincrement": True}
"""Ids of deleted rows are never handed out again, so an undo command's ids stay unique (PostgreSQL's
sequences behave so already)."""


class MetaRow(Base):
    """Key/value facts about the library file: schema version, the cjmapper versions that wrote it."""

    __tablename__ = "cjm_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class JourneyRow(Base):
    __tablename__ = "journeys"
    __table_args__ = NEVER_REUSE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    framework: Mapped[str] = mapped_column(String(32), default="custom")
    persona_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    persona_description: Mapped[str] = mapped_column(Text, default="")
    persona_goals: Mapped[str] = mapped_column(Text, default="")
    persona_frustrations: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class PhaseRow(Base):
    __tablename__ = "phases"
    __table_args__ = (Index("ix_phases_journey", "journey_id", "position"), NEVER_REUSE_IDS)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str | None] = mapped_column(String(7), nullable=True)


class LaneRow(Base):
    __tablename__ = "lanes"
    __table_args__ = (Index("ix_lanes_journey", "journey_id", "position"), NEVER_REUSE_IDS)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    color: Mapped[str | None] = mapped_column(String(7), nullable=True)


class TouchpointRow(Base):
    __tablename__ = "touchpoints"
    __table_args__ = (
        Index("ix_touchpoints_journey", "journey_id"),
        Index("ix_touchpoints_cell", "phase_id", "lane_id", "position"),
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_touchpoints_score"),
        CheckConstraint("votes >= 0", name="ck_touchpoints_votes"),
        NEVER_REUSE_IDS,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id", ondelete="CASCADE"))
    lane_id: Mapped[int] = mapped_column(ForeignKey("lanes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str | None] = mapped_column(String(60), nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expectation: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    color: Mapped[str | None] = mapped_column(String(7), nullable=True)
    votes: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str | None] = mapped_column(String(16), nullable=True)


class JourneyVersionRow(Base):
    """A named version of a journey: its whole content as a compressed snapshot (see `cjmapper.store.versions`).

    `created_at` is UTC (stored without a zone, so SQLite and PostgreSQL store the same)."""

    __tablename__ = "journey_versions"
    __table_args__ = (
        Index("ix_journey_versions_journey", "journey_id", "created_at"),
        UniqueConstraint("journey_id", "name", name="uq_journey_versions_name"),
        NEVER_REUSE_IDS,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    touchpoints: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[bytes] = mapped_column(LargeBinary)

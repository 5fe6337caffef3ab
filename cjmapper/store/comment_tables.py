"""The table of comments on cards (library format 8, migration `0008_comments`). A comment names its card by id
without a foreign key, as survey responses do: a deleted card's comments stay (left out of the journey as read) and
come back when undo puts the card back under its id. They go with their journey. Registered on `schema.METADATA`
when this module is imported (the store imports it with the journey reader)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from cjmapper.model import MAX_AUTHOR
from cjmapper.store.schema import METADATA, NEVER_REUSE_IDS

COMMENTS = Table(
    "comments",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
    Column("touchpoint_id", Integer, nullable=False),
    Column("parent_id", Integer, nullable=True),
    Column("author", String(MAX_AUTHOR), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("text", Text, nullable=False),
    Column("resolved", Boolean, nullable=False),
    Index("ix_comments_journey", "journey_id"),
    **NEVER_REUSE_IDS,
)
"""A comment on a card, or a reply (`parent_id`: the comment it answers). `created_at` is UTC, stored without a zone
(as a version's time)."""

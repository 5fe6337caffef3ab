"""The tables of survey results (library format 6, migration `0006_survey`): the responses imported onto a
journey and the targets of its phases. They name touchpoints and phases by id without a foreign key: a deleted
card's responses stay (left out of the figures) and count again when undo puts the card back under its id. They go
with their journey. Registered on `schema.METADATA` when this module is imported (the store imports it with the
edit API)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, String, Table, UniqueConstraint

from cjmapper.store.schema import METADATA, NEVER_REUSE_IDS

RESPONSES = Table(
    "survey_responses",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
    Column("batch", Integer, nullable=False),
    Column("touchpoint_id", Integer, nullable=True),
    Column("phase_id", Integer, nullable=True),
    Column("unassigned", String(200), nullable=True),
    Column("metric", String(8), nullable=False),
    Column("value", Integer, nullable=False),
    Column("persona", String(200), nullable=True),
    Column("answered_on", String(10), nullable=True),
    Column("source", String(40), nullable=True),
    Index("ix_survey_responses_journey", "journey_id", "batch"),
    **NEVER_REUSE_IDS,
)
"""One answer: on a touchpoint, on a phase, or unassigned (the name its row gave). `batch`: the import it came in
(numbered per journey), which undo deletes whole. `answered_on`: an ISO date or NULL. `source`: the fingerprint of
the file's row it came from (`cjmapper.survey.match.fingerprints`), so that importing the same rows again adds
nothing."""

TARGETS = Table(
    "survey_targets",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
    Column("phase_id", Integer, nullable=False),
    Column("metric", String(8), nullable=False),
    Column("target", Float, nullable=False),
    Column("higher_is_better", Boolean, nullable=False),
    UniqueConstraint("journey_id", "phase_id", "metric", name="uq_survey_targets_phase_metric"),
    **NEVER_REUSE_IDS,
)
"""A phase's target for one metric, and whether higher or lower is better."""

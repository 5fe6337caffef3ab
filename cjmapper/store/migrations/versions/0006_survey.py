"""Library format 6: survey responses per touchpoint or phase (or unassigned), and targets per phase and metric
(`cjmapper.store.survey_tables`).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("batch", sa.Integer, nullable=False),
        sa.Column("touchpoint_id", sa.Integer, nullable=True),
        sa.Column("phase_id", sa.Integer, nullable=True),
        sa.Column("unassigned", sa.String(200), nullable=True),
        sa.Column("metric", sa.String(8), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("persona", sa.String(200), nullable=True),
        sa.Column("answered_on", sa.String(10), nullable=True),
        sa.Column("source", sa.String(40), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_survey_responses_journey", "survey_responses", ["journey_id", "batch"])
    op.create_table(
        "survey_targets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("phase_id", sa.Integer, nullable=False),
        sa.Column("metric", sa.String(8), nullable=False),
        sa.Column("target", sa.Float, nullable=False),
        sa.Column("higher_is_better", sa.Boolean, nullable=False),
        sa.UniqueConstraint("journey_id", "phase_id", "metric", name="uq_survey_targets_phase_metric"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("survey_targets")
    op.drop_index("ix_survey_responses_journey", "survey_responses")
    op.drop_table("survey_responses")

"""Library format 1: journeys, phases, lanes, touchpoints and the meta table.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cjm_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_table(
        "journeys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("framework", sa.String(32), nullable=False),
        sa.Column("persona_name", sa.String(200), nullable=True),
        sa.Column("persona_description", sa.Text, nullable=False),
        sa.Column("persona_goals", sa.Text, nullable=False),
        sa.Column("persona_frustrations", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "phases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("color", sa.String(7), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_phases_journey", "phases", ["journey_id", "position"])
    op.create_table(
        "lanes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("color", sa.String(7), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_lanes_journey", "lanes", ["journey_id", "position"])
    op.create_table(
        "touchpoints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("phase_id", sa.Integer, sa.ForeignKey("phases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lane_id", sa.Integer, sa.ForeignKey("lanes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("channel", sa.String(60), nullable=True),
        sa.Column("score", sa.Integer, nullable=True),
        sa.Column("expectation", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("color", sa.String(7), nullable=True),
        sa.Column("votes", sa.Integer, nullable=False),
        sa.CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_touchpoints_score"),
        sa.CheckConstraint("votes >= 0", name="ck_touchpoints_votes"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_touchpoints_journey", "touchpoints", ["journey_id"])
    op.create_index("ix_touchpoints_cell", "touchpoints", ["phase_id", "lane_id", "position"])


def downgrade() -> None:
    for table in ("touchpoints", "lanes", "phases", "journeys", "cjm_meta"):
        op.drop_table(table)

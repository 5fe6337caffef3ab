"""Library format 3: named versions of a journey (a compressed snapshot each), deleted with their journey.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journey_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("touchpoints", sa.Integer, nullable=False),
        sa.Column("snapshot", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("journey_id", "name", name="uq_journey_versions_name"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_journey_versions_journey", "journey_versions", ["journey_id", "created_at"])


def downgrade() -> None:
    op.drop_table("journey_versions")

"""Library format 8: comments on cards, with replies and a resolved mark (`cjmapper.store.comment_tables`).
Self-contained on purpose: a migration must do what it did when it was written.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("touchpoint_id", sa.Integer, nullable=False),
        sa.Column("parent_id", sa.Integer, nullable=True),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_comments_journey", "comments", ["journey_id"])


def downgrade() -> None:
    op.drop_index("ix_comments_journey", "comments")
    op.drop_table("comments")

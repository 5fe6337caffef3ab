"""Library format 5: a card's status (open, in-progress, done, or none), for following up pain points and
opportunities.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("touchpoints", sa.Column("status", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("touchpoints") as batch:
        batch.drop_column("status")

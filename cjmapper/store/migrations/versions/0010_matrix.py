"""Library format 10: the impact/effort matrix. A card's place on it (`impact` and `effort`, each 0..100 or none: not
placed) and a journey's names on it (four quadrants and two axes, "" for the default in the journey's language).
Nothing is placed and every name is the default after the upgrade, so every map looks as before. Self-contained on
purpose: a migration must do what it did when it was written.

Revision ID: 0010
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_LABELS = ("quick_wins", "big_bets", "fill_ins", "money_pits", "impact", "effort")


def upgrade() -> None:
    for name in ("impact", "effort"):  # checked on every write and read, as a target is
        op.add_column("touchpoints", sa.Column(name, sa.Integer, nullable=True))
    for name in _LABELS:
        op.add_column("journeys", sa.Column(f"matrix_{name}", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    """Back to no matrix: every card's place and the journeys' names on it are dropped."""
    for name in _LABELS:
        op.drop_column("journeys", f"matrix_{name}")
    for name in ("effort", "impact"):
        op.drop_column("touchpoints", name)

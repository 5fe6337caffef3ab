"""Library format 9: images on cards and a wall photo per journey.

The images themselves are rows of `images` (each stored once, by the SHA-256 of its bytes, with a small copy for
the canvas); `card_images` names the
photo a card shows and `wall_photos` a journey's wall photo. A library of an older format holds none, so nothing
moves. Self-contained on purpose: a migration must do what it did when it was written.

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "images",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("thumbnail", sa.LargeBinary, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("digest", name="uq_images_digest"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "card_images",
        sa.Column("touchpoint_id", sa.Integer, sa.ForeignKey("touchpoints.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("image_id", sa.Integer, sa.ForeignKey("images.id"), nullable=False),
    )
    op.create_table(
        "wall_photos",
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("image_id", sa.Integer, sa.ForeignKey("images.id"), nullable=False),
    )


def downgrade() -> None:
    """Back to cards and journeys without images: every image is dropped."""
    op.drop_table("wall_photos")
    op.drop_table("card_images")
    op.drop_table("images")

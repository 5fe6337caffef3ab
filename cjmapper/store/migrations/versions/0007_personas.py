"""Library format 7: up to eight personas per journey, each with a colour, and a score and a target (to-be) per card
and persona.

The journey's one persona moves, as it was, into the new `personas` table as the journey's first persona (with no
colour of its own: it takes the palette's first, the curve's blue of old). The cards' scores stay where they are: the
first persona's scores and targets are the cards' own columns (`score`, and the new `target`), so a journey with
scores and no persona keeps them as the map's, and they become the first persona's once one is added. Every other
persona's score and target on a card are rows of `persona_ratings`. Nothing is lost and, with one persona, the map
looks as before. Self-contained on purpose: a migration must do what it did when it was written.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PERSONA_COLUMNS = ("persona_name", "persona_description", "persona_goals", "persona_frustrations")


def upgrade() -> None:
    personas = op.create_table(
        "personas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("frustrations", sa.Text, nullable=False),
        sa.Column("color", sa.String(7), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_personas_journey", "personas", ["journey_id", "position"])
    op.create_table(
        "persona_ratings",
        sa.Column("touchpoint_id", sa.Integer, sa.ForeignKey("touchpoints.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("persona_id", sa.Integer, sa.ForeignKey("personas.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("score", sa.Integer, nullable=True),
        sa.Column("target", sa.Integer, nullable=True),
        sa.CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="ck_persona_ratings_score"),
        sa.CheckConstraint("target IS NULL OR (target >= 1 AND target <= 5)", name="ck_persona_ratings_target"),
    )
    op.create_index("ix_persona_ratings_persona", "persona_ratings", ["persona_id"])
    op.add_column("touchpoints", sa.Column("target", sa.Integer, nullable=True))
    journeys = sa.table(
        "journeys", sa.column("id", sa.Integer), *(sa.column(name, sa.Text) for name in _PERSONA_COLUMNS)
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(journeys.c.id, *(journeys.c[name] for name in _PERSONA_COLUMNS))
        .where(journeys.c.persona_name.is_not(None))
        .order_by(journeys.c.id)
    ).all()
    if rows:
        conn.execute(
            sa.insert(personas),
            [
                {
                    "journey_id": row.id,
                    "position": 0,
                    "name": row.persona_name,
                    "description": row.persona_description or "",
                    "goals": row.persona_goals or "",
                    "frustrations": row.persona_frustrations or "",
                    "color": None,
                }
                for row in rows
            ],
        )
    for name in _PERSONA_COLUMNS:  # SQLite drops a column in place (3.35 and later), as PostgreSQL does
        op.drop_column("journeys", name)


def downgrade() -> None:
    """Back to one persona per journey (the first): the others and every target are dropped."""
    op.add_column("journeys", sa.Column("persona_name", sa.String(200), nullable=True))
    for name in _PERSONA_COLUMNS[1:]:
        op.add_column("journeys", sa.Column(name, sa.Text, nullable=False, server_default=""))
    conn = op.get_bind()
    personas = sa.table(
        "personas",
        sa.column("journey_id", sa.Integer),
        sa.column("position", sa.Integer),
        sa.column("id", sa.Integer),
        *(sa.column(name, sa.Text) for name in ("name", "description", "goals", "frustrations")),
    )
    journeys = sa.table(
        "journeys", sa.column("id", sa.Integer), *(sa.column(name, sa.Text) for name in _PERSONA_COLUMNS)
    )
    first: dict[int, sa.Row[tuple[object, ...]]] = {}
    for row in conn.execute(sa.select(personas).order_by(personas.c.position.desc(), personas.c.id.desc())):
        first[row.journey_id] = row
    for journey_id, row in first.items():
        conn.execute(
            sa.update(journeys)
            .where(journeys.c.id == journey_id)
            .values(
                persona_name=row.name,
                persona_description=row.description,
                persona_goals=row.goals,
                persona_frustrations=row.frustrations,
            )
        )
    op.drop_column("touchpoints", "target")
    op.drop_table("persona_ratings")
    op.drop_table("personas")

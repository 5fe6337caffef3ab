"""Library format versions and the Alembic upgrade that runs when an older library is opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
"""Every Alembic revision, oldest first. Revision ids are the library format numbers, zero-padded."""
HEAD = REVISIONS[-1]
FORMAT = int(HEAD)
"""The library format this cjmapper writes."""


def current_revision(conn: Connection) -> str | None:
    """The file's Alembic revision, or None for a file with no cjmapper tables yet."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def format_of(revision: str) -> int | None:
    """The format number of a revision id, or None when the id is not a format number at all."""
    return int(revision) if revision.isdigit() else None


def upgrade(conn: Connection, target: str = HEAD) -> None:
    """Bring the schema on `conn` up to `target` (inside the caller's transaction)."""
    from alembic import command  # imported here: Alembic costs start-up time and is needed only on upgrade
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, target)

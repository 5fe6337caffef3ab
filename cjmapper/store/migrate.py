"""Library format versions and the Alembic upgrade that runs when an older library is opened."""

from __future__ import annotations

from sqlalchemy import insert, inspect, select, text, update
from sqlalchemy.engine import Connection

from cjmapper import __version__
from cjmapper.errors import LibraryError, NewerLibraryError
from cjmapper.messages import say
from cjmapper.store import checks
from cjmapper.store.tables import META

MIGRATIONS = "cjmapper.store:migrations"
"""Where the Alembic scripts are, as Alembic reads a package resource (importlib.resources: works installed too)."""
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")
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
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = conn
    command.upgrade(config, target)


def create(conn: Connection) -> None:
    """Make an empty library's tables and facts (inside the caller's transaction): the same for a file and a server."""
    upgrade(conn)
    conn.execute(
        insert(META),
        [
            {"key": "format", "value": str(FORMAT)},
            {"key": "created_by", "value": __version__},
            {"key": "written_by", "value": __version__},
        ],
    )


def upgrade_format(conn: Connection) -> None:
    """Bring an older library up to this cjmapper's format (inside the caller's transaction)."""
    upgrade(conn)
    conn.execute(update(META).where(META.c.key == "format").values(value=str(FORMAT)))
    conn.execute(update(META).where(META.c.key == "written_by").values(value=__version__))


def checked_revision(conn: Connection, name: str, *, damaged: str) -> str:
    """The library's revision, when this cjmapper can open it (now or after `upgrade_format`). A newer library gets
    one line naming both formats (`NewerLibraryError`); one without cjmapper's tables gets `damaged`."""
    revision = current_revision(conn)
    if revision is None:
        raise LibraryError(damaged)
    if revision in REVISIONS:
        return revision
    number = format_of(revision) if isinstance(revision, str) else None
    if number is not None and number > FORMAT:
        written_by = conn.execute(select(META.c.value).where(META.c.key == "written_by")).scalar()
        by = say(", written by cjmapper {0}", written_by) if _plain(written_by) else ""
        raise NewerLibraryError(
            say(
                "{0} comes from a newer cjmapper (library format {1}{2}); this cjmapper {3} reads library formats up "
                "to {4}. Update cjmapper to open it.",
                name,
                number,
                by,
                __version__,
                FORMAT,
            )
        )
    raise LibraryError(say("{0} has an unknown library format ({1}).", name, checks.shown(revision)))


def _plain(fact: object) -> bool:
    """Whether a fact read from the library can be shown in a message as it is (a forged one may be anything)."""
    return isinstance(fact, str) and 0 < len(fact) <= 40 and fact.isprintable()

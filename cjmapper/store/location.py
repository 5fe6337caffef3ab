"""Where a library lives: a SQLite file on this computer, or a team library on a PostgreSQL server.

A team library is named by a libpq URL (`postgresql://user@host:5432/dbname?sslmode=require`, any libpq
parameter). A password written into the URL is taken out at once: it is used to connect and never shown,
logged or stored; `ServerLocation.url` and `str()` never hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from cjmapper.errors import LibraryError

SCHEMES = ("postgresql", "postgres")
"""URL schemes that name a team library (libpq accepts both)."""
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True, slots=True)
class ServerLocation:
    """A team library: a database on a PostgreSQL server."""

    url: URL
    """The SQLAlchemy URL, always without a password."""
    password: str | None = field(default=None, repr=False, compare=False)
    """A password given in the URL or typed at a prompt; only ever handed to the driver."""

    @property
    def host(self) -> str:
        return self.url.host or str(self.url.query.get("host") or "localhost")

    @property
    def database(self) -> str:
        return self.url.database or self.url.username or "postgres"

    @property
    def name(self) -> str:
        """How messages name the library: `dbname on host`."""
        return f"{self.database} on {self.host}"

    def with_password(self, password: str | None) -> ServerLocation:
        return ServerLocation(self.url, password)

    def __str__(self) -> str:
        """The URL as the user writes it (libpq form), without the password: safe to show and to remember."""
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)  # there is none to hide


def is_server_url(text: str) -> bool:
    """True when `text` names a team library rather than a file."""
    scheme, sep, _ = text.strip().partition("://")
    return bool(sep) and scheme.lower().split("+")[0] in SCHEMES


def parse_server_url(text: str) -> ServerLocation:
    """A team library's location from a libpq URL; a password in it is kept apart from the URL."""
    try:
        url = make_url(text.strip())
        url.port  # noqa: B018 - a port that is not a number fails here, not when connecting
    except (ArgumentError, ValueError):
        raise LibraryError(
            "That is not a PostgreSQL address; write it as postgresql://user@host:5432/database."
        ) from None
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise LibraryError("A team library's address starts with postgresql://.")
    password = url.password
    url = URL.create(DRIVER, url.username, None, url.host, url.port, url.database, url.query)
    return ServerLocation(url, str(password) if password is not None else None)


Location = Path | ServerLocation


def parse_location(text: str | Path) -> Location:
    """A file path or a team library URL, from what the user gave (`--library`, a dialog, settings)."""
    if isinstance(text, Path):
        return text.expanduser().absolute()
    if is_server_url(text):
        return parse_server_url(text)
    return Path(text).expanduser().absolute()

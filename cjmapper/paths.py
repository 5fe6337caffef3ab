"""Where the user's library lives."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from cjmapper.store.location import Location, parse_location

LIBRARY_ENV = "CJMAPPER_LIBRARY"
"""Environment variable naming the library to use instead of the default one."""


def default_library_path() -> Path:
    """`library.cjm` in the platform's user data folder (e.g. ~/.local/share/cjmapper on Linux)."""
    return user_data_path("cjmapper", appauthor=False) / "library.cjm"


def library_from_environment() -> Location | None:
    """The library named by $CJMAPPER_LIBRARY: a file path or a team library's PostgreSQL URL."""
    value = os.environ.get(LIBRARY_ENV, "").strip()
    return parse_location(value) if value else None

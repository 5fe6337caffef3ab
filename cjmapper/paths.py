"""Where the user's library lives."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

LIBRARY_ENV = "CJMAPPER_LIBRARY"
"""Environment variable naming the library to use instead of the default one."""


def default_library_path() -> Path:
    """`library.cjm` in the platform's user data folder (e.g. ~/.local/share/cjmapper on Linux)."""
    return user_data_path("cjmapper", appauthor=False) / "library.cjm"


def library_from_environment() -> Path | None:
    value = os.environ.get(LIBRARY_ENV, "").strip()
    return Path(value).expanduser() if value else None

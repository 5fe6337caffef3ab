"""Where cjmapper's bundled resources (templates, fonts, icons, translations) live: the package `cjmapper.data`
(the repository's resources/ folder, mapped by pyproject.toml), found through `importlib.resources` wherever pip,
an editable install or a bundle put it."""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

PACKAGE = "cjmapper.data"


@cache
def _root() -> Path:
    """The resources folder as a real path. Installed as files (a wheel, an editable install) that is the folder
    itself; from a zip it is extracted once, for this process (reportlab and Qt need file paths)."""
    folder = files(PACKAGE)
    if isinstance(folder, Path):
        return folder
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(as_file(folder))


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource("templates", "aida.en.json")`."""
    return _root().joinpath(*parts)

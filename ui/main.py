"""The `cjmapper` console script: the CLI, which starts the editor when no command is given and draws PNG and SVG
pictures with the canvas.

PySide6 is imported only when the editor starts or a picture is drawn, so the other commands stay fast and every
command works without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cjmapper import cli
from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.store.location import Location


def _start_editor(library: Location | None, language: Language | None = None, journey_file: Path | None = None) -> int:
    """Open the desktop editor on `library` (a file, a team library's location, or None: the user's default
    library) in `language` (None: the one chosen in Preferences, else the system's), importing `journey_file` into
    it first when given; returns the exit code."""
    from . import app

    if journey_file is None:
        return app.run_editor(library, language=language)
    return app.run_editor(library, language=language, journey_file=journey_file)


def _export_picture(
    library: Library, journey_id: int, path: Path, fmt: str, dpi: int, chrome: bool, heat: bool = False
) -> None:
    """Draw a journey as a PNG or SVG file with the canvas (headless unless QT_QPA_PLATFORM says otherwise)."""
    from .export import pictures

    pictures.export_picture(library, journey_id, path, fmt, dpi, chrome, heat)


def main() -> None:
    sys.exit(cli.main(sys.argv[1:], start_editor=_start_editor, export_picture=_export_picture))


if __name__ == "__main__":
    main()

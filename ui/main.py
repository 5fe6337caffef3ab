"""The `cjmapper` console script: the CLI, which starts the editor when no command is given.

PySide6 is imported only when the editor starts, so CLI commands stay fast and work without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cjmapper import cli


def _start_editor(library: Path | None) -> int:
    """Open the desktop editor on `library` (None: the user's default library); returns the exit code."""
    from ui import app

    return app.run_editor(library)


def main() -> None:
    sys.exit(cli.main(sys.argv[1:], start_editor=_start_editor))


if __name__ == "__main__":
    main()

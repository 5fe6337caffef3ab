"""`cjmapper export JOURNEY --matrix -o OUT.pdf|OUT.png`: the journey's impact/effort matrix as a PDF page (A4
landscape) or a PNG picture (`--dpi`, default 150), as the editor's Journey > Prioritise exports it. `--version NAME`
draws a saved version's matrix. The poster's and picture's own options (--paper, --portrait, --tile, --sheets,
--heat, --map-only, --format-version) do not go with it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import BinaryIO

from cjmapper.messages import say
from cjmapper.model import Journey

FORMATS = ("pdf", "png")
"""What the matrix is exported as."""
DEFAULT_DPI = 150


def check(args: argparse.Namespace, command: argparse.ArgumentParser) -> None:
    """Refuse (a usage error, exit 2) what does not go with --matrix, before any library is opened."""
    if args.format not in FORMATS:
        command.error(say("--matrix goes with PDF and PNG files, not with {0} files", args.format.upper()))
    given = [
        flag
        for flag, value in (
            ("--paper", args.paper is not None),
            ("--portrait", args.portrait),
            ("--tile", args.tile is not None),
            ("--sheets", args.sheets is not None),
            ("--heat", args.heat),
            ("--map-only", args.map_only),
            ("--format-version", args.format_version is not None),
        )
        if value
    ]
    if given:
        command.error(say("{0} does not go with --matrix", given[0]))


def export(journey: Journey, fmt: str, target: Path | BinaryIO, dpi: int | None) -> int:
    """Write the matrix to `target` (a path, atomically, or a binary stream)."""
    if fmt == "pdf":
        from cjmapper.poster.matrix_page import matrix_pdf, write_matrix_pdf

        if isinstance(target, Path):
            write_matrix_pdf(journey, target)
        else:
            target.write(matrix_pdf(journey))
        return 0
    from cjmapper.matrix_png import matrix_png, write_matrix_png

    if isinstance(target, Path):
        write_matrix_png(journey, target, dpi or DEFAULT_DPI)
    else:
        target.write(matrix_png(journey, dpi or DEFAULT_DPI))
    return 0

"""Poster planning and drawing. (Skeleton: full drawing lands in this module.)"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper.errors import CjmapperError
from cjmapper.layout import compute_layout
from cjmapper.model import Journey
from cjmapper.poster.paper import A3, Paper
from cjmapper.text import font_name

Progress = Callable[[int, int], bool]
"""Called with (steps done, steps in all) while drawing; return False to cancel."""

LEGIBLE_PT = 6.0
"""The smallest body text size (points) a printed map stays legible at."""


class ExportCancelledError(CjmapperError):
    """The user cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the export was cancelled")


@dataclass(frozen=True, slots=True)
class PosterOptions:
    paper: Paper = A3
    portrait: bool = False
    tile: Paper | None = None
    """Split the poster over sheets of this paper (A4 or A3), with an assembly sheet first."""
    printed: date | None = None
    """The date on the title block; None: today."""
    author: str | None = None
    """The PDF's author; None: the persona's name, else the user's login name."""


@dataclass(frozen=True, slots=True)
class PosterPlan:
    page_width: float
    """The poster page in points (before any tiling)."""
    page_height: float
    scale: float
    """Points on paper per layout unit."""
    map_x: float
    """Where the layout's origin lands on the poster page, in points from the page's bottom left."""
    map_top: float
    body_size: float
    """Card text size on paper, in points."""
    smallest_legible: Paper | None
    """The smallest named paper (same orientation) that prints the body text at LEGIBLE_PT or more."""
    warning: str | None
    sheets: int
    """Pages of the PDF: 1, or with tiling the assembly sheet plus rows x columns tiles."""
    tile_grid: tuple[int, int] | None
    """(rows, columns) of tiles, or None when not tiled."""


def plan_poster(journey: Journey, options: PosterOptions = PosterOptions()) -> PosterPlan:
    layout = compute_layout(journey)
    width, height = options.paper.oriented(not options.portrait)
    margin = 36.0
    scale = min((width - 2 * margin) / max(layout.width, 1.0), (height - 2 * margin) / max(layout.height, 1.0))
    body = layout.metrics.font_size * scale
    return PosterPlan(width, height, scale, margin, height - margin, body, options.paper, None, 1, None)


def render_poster(
    journey: Journey,
    target: Path | BinaryIO,
    options: PosterOptions = PosterOptions(),
    progress: Progress | None = None,
) -> PosterPlan:
    """Draw the poster into `target` (a path, written atomically, or a binary stream). Raises ExportCancelledError when
    `progress` returns False (a path is then left as it was)."""
    plan = plan_poster(journey, options)
    layout = compute_layout(journey)
    if isinstance(target, Path):
        fd, tmp = tempfile.mkstemp(prefix=".poster-", suffix=".pdf", dir=target.parent)
        os.close(fd)
        try:
            _draw(journey, layout, plan, tmp, progress)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        _draw(journey, layout, plan, target, progress)
    return plan


def _draw(journey, layout, plan, target, progress) -> None:  # type: ignore[no-untyped-def]
    c = Canvas(target, pagesize=(plan.page_width, plan.page_height))
    c.setTitle(journey.title)
    c.setCreator("cjmapper")
    name = font_name()
    total = len(layout.cards)
    for i, card in enumerate(layout.cards.values()):
        r = card.rect
        x = plan.map_x + r.x * plan.scale
        y = plan.map_top - r.bottom * plan.scale
        c.rect(x, y, r.width * plan.scale, r.height * plan.scale)
        c.setFont(name, plan.body_size)
        for k, line in enumerate(card.title_lines):
            c.drawString(x + 2, y + r.height * plan.scale - (k + 1) * plan.body_size * 1.2, line)
        if progress is not None and i % 100 == 0 and not progress(i, total):
            raise ExportCancelledError()
    c.showPage()
    c.save()

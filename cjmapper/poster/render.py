"""Poster planning and writing: `plan_poster` answers what a dialog shows before drawing (scale, text size,
sheets, the legibility warning); `render_poster` writes the PDF."""

from __future__ import annotations

import getpass
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.layout import Layout
from cjmapper.model import Journey, Language
from cjmapper.poster.draw import draw_poster
from cjmapper.poster.paper import A3, Paper
from cjmapper.poster.plan import (
    LEGIBLE_PT,
    Box,
    Chrome,
    TileGrid,
    chrome_for,
    legible_paper,
    legible_size_mm,
    map_scale,
    poster_layout,
    tile_grid,
)
from cjmapper.poster.tiles import FORM, draw_assembly, draw_tile
from cjmapper.poster.unicode_map import install as install_unicode_map
from cjmapper.text import font_name

install_unicode_map()

Progress = Callable[[int, int], bool]
"""Called with (steps done, steps in all) while drawing; return False to cancel."""


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
    version: str | None = None
    """The name of the saved version being printed, shown in the title block."""


@dataclass(frozen=True, slots=True)
class PosterPlan:
    page_width: float
    """The poster page in points (before any tiling)."""
    page_height: float
    scale: float
    """Points on paper per layout unit."""
    map_x: float
    """Where the layout's origin (its top left corner) lands on the poster page, in PDF points from the page's
    left edge ..."""
    map_top: float
    """... and from its bottom edge."""
    body_size: float
    """Card text size on paper, in points."""
    smallest_legible: Paper | None
    """The smallest named paper (same orientation) that prints the card text at LEGIBLE_PT or more."""
    warning: str | None
    """Why this paper is too small to read the map, and what to use instead; None when legible."""
    sheets: int
    """Pages of the PDF: 1, or with tiling the assembly sheet plus rows x columns tiles."""
    tile_grid: tuple[int, int] | None
    """(rows, columns) of tiles, or None when not tiled."""
    chrome: Chrome
    tiles: TileGrid | None


def plan_poster(journey: Journey, options: PosterOptions = PosterOptions()) -> PosterPlan:
    return _plan(poster_layout(journey, *options.paper.oriented(not options.portrait)), options)


def _plan(layout: Layout, options: PosterOptions) -> PosterPlan:
    landscape = not options.portrait
    width, height = options.paper.oriented(landscape)
    chrome = chrome_for(width, height)
    area = chrome.map_area
    scale = map_scale(layout, area)
    map_x = area.x + (area.width - layout.width * scale) / 2
    font_size = layout.metrics.font_size
    body = font_size * scale
    smallest = legible_paper(layout, landscape, font_size)
    warning = None if body >= LEGIBLE_PT - 1e-9 else _warning(layout, options.paper, width, height, body, smallest)
    grid: TileGrid | None = None
    if options.tile is not None:
        cards = [
            Box(map_x + c.rect.x * scale, area.y + c.rect.y * scale, c.rect.width * scale, c.rect.height * scale)
            for c in layout.cards.values()
        ]
        inner = Box(chrome.margin, chrome.margin, width - 2 * chrome.margin, height - 2 * chrome.margin)
        grid = tile_grid(inner, options.tile, landscape, cards)
    return PosterPlan(
        page_width=width,
        page_height=height,
        scale=scale,
        map_x=map_x,
        map_top=height - area.y,
        body_size=body,
        smallest_legible=smallest,
        warning=warning,
        sheets=1 if grid is None else 1 + grid.count,
        tile_grid=None if grid is None else (len(grid.rows), len(grid.columns)),
        chrome=chrome,
        tiles=grid,
    )


def _warning(layout: Layout, paper: Paper, width: float, height: float, body: float, smallest: Paper | None) -> str:
    start = f"At {paper.label} the card text prints at {body:.1f} pt, too small to read (it needs {LEGIBLE_PT:g} pt)"
    if smallest is not None:
        return f"{start}; {smallest.label} is the smallest paper that keeps it legible."
    size = legible_size_mm(layout, width, height, layout.metrics.font_size)
    if size is not None:
        return f"{start}; even A0 is too small: use {size[0]}x{size[1]}mm, printed in tiles if need be."
    return f"{start}, and no PDF page is large enough: split the journey into smaller maps."


def render_poster(
    journey: Journey,
    target: Path | BinaryIO,
    options: PosterOptions = PosterOptions(),
    progress: Progress | None = None,
) -> PosterPlan:
    """Draw the poster into `target` (a path, written atomically, or a binary stream). Raises
    ExportCancelledError when `progress` returns False, CjmapperError when the file cannot be written; a path is
    then left as it was."""
    layout = poster_layout(journey, *options.paper.oriented(not options.portrait))
    plan = _plan(layout, options)
    if not isinstance(target, Path):
        _write(journey, layout, plan, options, target, progress)
        return plan
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=".poster-", suffix=".pdf", dir=folder)
    except OSError as e:
        raise CjmapperError(f"cannot write {target}: {e.strerror or e}") from e
    os.close(fd)
    try:
        _write(journey, layout, plan, options, name, progress)
        os.chmod(name, 0o666 & ~UMASK)  # mkstemp made it private; a poster gets the usual permissions
        os.replace(name, target)
    except OSError as e:
        Path(name).unlink(missing_ok=True)
        raise CjmapperError(f"cannot write {target}: {e.strerror or e}") from e
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return plan


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _read_umask()
"""The process' umask, read once on import: reading it means setting it for a moment, which is not safe once
drawing threads run."""


def _author(journey: Journey, options: PosterOptions) -> str:
    if options.author is not None:
        return options.author
    if journey.persona is not None and journey.persona.name:
        return journey.persona.name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _write(
    journey: Journey,
    layout: Layout,
    plan: PosterPlan,
    options: PosterOptions,
    target: str | BinaryIO,
    progress: Progress | None,
) -> None:
    total = len(layout.cards) + (plan.tiles.count if plan.tiles is not None else 0) + 1
    done = 0

    def tick(steps: int) -> None:
        nonlocal done
        done += steps
        if progress is not None and not progress(done, total):
            raise ExportCancelledError()

    tick(0)
    width, height = plan.page_width, plan.page_height
    language = Language(journey.language)
    c = Canvas(
        target, pagesize=(width, height), pageCompression=1, initialFontName=font_name(), lang=_LANG_TAGS[language]
    )
    c.setTitle(journey.title)
    c.setAuthor(_author(journey, options))
    c.setSubject(_subject(journey))
    c.setCreator(f"cjmapper {__version__}")
    c.setKeywords(_KEYWORDS[language])
    printed = options.printed or date.today()
    origin = (plan.map_x, plan.chrome.map_area.y, plan.scale)
    grid = plan.tiles
    if grid is None:
        draw_poster(c, journey, layout, height, plan.chrome, origin, printed, options.version, tick)
        c.showPage()
    else:
        c.beginForm(FORM, lowerx=0, lowery=0, upperx=width, uppery=height)
        draw_poster(c, journey, layout, height, plan.chrome, origin, printed, options.version, tick)
        c.endForm()
        c.setPageSize((grid.sheet_width, grid.sheet_height))
        draw_assembly(c, grid, height, journey)
        c.showPage()
        for row in range(len(grid.rows)):
            for column in range(len(grid.columns)):
                c.setPageSize((grid.sheet_width, grid.sheet_height))
                draw_tile(c, grid, row, column, height, journey)
                c.showPage()
                tick(1)
    c.save()
    tick(1)


_LANG_TAGS = {Language.EN: "en-GB", Language.NL: "nl-NL"}
"""The PDF's document language (/Lang in its catalog, for screen readers, search and hyphenation): the journey's."""
_KEYWORDS = {Language.EN: "customer journey map", Language.NL: "klantreiskaart, klantreis, customer journey map"}
_SUBJECTS = {
    Language.EN: ("Customer journey map", ("phase", "phases"), ("lane", "lanes"), ("touchpoint", "touchpoints")),
    Language.NL: ("Klantreiskaart", ("fase", "fasen"), ("rij", "rijen"), ("contactmoment", "contactmomenten")),
}


def _subject(journey: Journey) -> str:
    """What the map holds, in the journey's language: "Klantreiskaart: 5 fasen, 4 rijen, 1.000 contactmomenten"."""
    language = Language(journey.language)
    what, *nouns = _SUBJECTS[language]
    counts = (len(journey.phases), len(journey.lanes), len(journey.touchpoints))
    parts = []
    for count, (one, many) in zip(counts, nouns, strict=True):
        figure = f"{count:,}".replace(",", "." if language is Language.NL else ",")
        parts.append(f"{figure} {one if count == 1 else many}")
    return f"{what}: {', '.join(parts)}"

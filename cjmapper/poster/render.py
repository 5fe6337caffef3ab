"""Poster planning and writing: `plan_poster` answers what a dialog shows before drawing (scale, text size,
sheets, the legibility warning); `render_poster` writes the PDF."""

from __future__ import annotations

import getpass
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.i18n import whole
from cjmapper.layout import Layout
from cjmapper.messages import say
from cjmapper.model import Journey, Language
from cjmapper.poster.comment_notes import draw_notes, note_numbers, notes_painter
from cjmapper.poster.draw import MapPainter, draw_poster
from cjmapper.poster.heat import HeatMarks, heat_painter
from cjmapper.poster.paper import A3, Paper
from cjmapper.poster.photos import draw_wall_page
from cjmapper.poster.plan import Chrome, TileGrid, fit_page
from cjmapper.poster.print_ready import PDF_VERSION, PLAIN, Press, begin_page, mark_output_intent
from cjmapper.poster.sizing import Advice, Choice, advise, fit_to_sheets, smallest_legible, warning_text
from cjmapper.poster.tiles import FORM, draw_assembly, draw_tile
from cjmapper.poster.unicode_map import install as install_unicode_map
from cjmapper.text import font_name

install_unicode_map()

Progress = Callable[[int, int], bool]
"""Called with (steps done, steps in all) while drawing; return False to cancel."""


class ExportCancelledError(CjmapperError):
    """The user cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(say("the export was cancelled"))


@dataclass(frozen=True, slots=True)
class PosterOptions:
    paper: Paper = A3
    portrait: bool = False
    tile: Paper | None = None
    """Split the poster over sheets of this paper (A4 or A3), with an assembly sheet first."""
    sheets: int | None = None
    """With `tile`: size the poster to fill this many sheets (its largest card text), instead of `paper`."""
    printed: date | None = None
    """The date on the title block; None: today."""
    author: str | None = None
    """The PDF's author; None: the persona's name, else the user's login name."""
    version: str | None = None
    """The name of the saved version being printed, shown in the title block."""
    heat: HeatMarks | None = None
    """The heat view's marks to draw over the map (survey figures against targets), or None."""
    press: Press = PLAIN
    """How the poster is prepared for printing: bleed, crop marks, no transparency (`print_ready.press_for`)."""
    comments: bool = False
    """Print the open comments as numbered notes: a number on each card with any, and a notes page after the map
    (`cjmapper.poster.comment_notes`); False leaves comments out."""
    wall_photo: bool = True
    """Print the journey's wall photo on a page of its own at the back (when it has one, with its bytes)."""


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
    """The smallest named paper (same orientation) that prints the card text at LEGIBLE_PT or more, when that is
    the advice."""
    warning: str | None
    """Why this paper is too small to read the map, and what to use instead (with the command line's options);
    None when legible."""
    sheets: int
    """Pages of the PDF: 1, or with tiling the assembly sheet plus the tiles printed (blank ones left out)."""
    tile_grid: tuple[int, int] | None
    """(rows, columns) of tiles, or None when not tiled."""
    chrome: Chrome
    tiles: TileGrid | None
    paper: Paper = A3
    """The paper printed: the options' paper, or the size fitted to the sheets."""
    advice: Advice | None = None
    """What keeps the text legible when this does not (None when legible, or when no PDF page is large enough)."""
    layout: Layout | None = field(default=None, compare=False, repr=False)
    """The map as laid out for this page (`plan.poster_layout`)."""


def plan_poster(journey: Journey, options: PosterOptions = PosterOptions()) -> PosterPlan:
    landscape = not options.portrait
    paper = options.paper
    if options.sheets is not None and options.tile is not None:
        paper = fit_to_sheets(journey, options.tile, options.sheets, landscape)
    width, height = paper.oriented(landscape)
    fit = fit_page(journey, width, height, None if options.heat is None else options.heat.metrics)
    advice: Advice | None = None
    warning = None
    if not fit.legible:
        current = Choice(paper, options.portrait, options.tile, options.sheets)
        advice = advise(journey, current, fit)
        warning = warning_text(current, fit.body_size, advice)
    grid = None if options.tile is None else fit.tiles(options.tile, landscape)
    map_x, map_y = fit.map_origin
    smallest = smallest_legible(journey, fit, options.portrait)
    return PosterPlan(
        page_width=width,
        page_height=height,
        scale=fit.scale,
        map_x=map_x,
        map_top=height - map_y,
        body_size=fit.body_size,
        smallest_legible=smallest,
        warning=warning,
        sheets=1 if grid is None else 1 + grid.count,
        tile_grid=None if grid is None else (len(grid.rows), len(grid.columns)),
        chrome=fit.chrome,
        tiles=grid,
        paper=paper,
        advice=advice,
        layout=fit.layout,
    )


def render_poster(
    journey: Journey,
    target: Path | BinaryIO,
    options: PosterOptions = PosterOptions(),
    progress: Progress | None = None,
) -> PosterPlan:
    """Draw the poster into `target` (a path, written atomically, or a binary stream). Raises
    ExportCancelledError when `progress` returns False, CjmapperError when the file cannot be written; a path is
    then left as it was."""
    plan = plan_poster(journey, options)
    layout = plan.layout
    assert layout is not None
    if not isinstance(target, Path):
        _write(journey, layout, plan, options, target, progress)
        return plan
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=".poster-", suffix=".pdf", dir=folder)
    except OSError as e:
        raise CjmapperError(say("cannot write {0}: {1}", target, e.strerror or e)) from e
    os.close(fd)
    try:
        _write(journey, layout, plan, options, name, progress)
        os.chmod(name, 0o666 & ~UMASK)  # mkstemp made it private; a poster gets the usual permissions
        os.replace(name, target)
    except OSError as e:
        Path(name).unlink(missing_ok=True)
        raise CjmapperError(say("cannot write {0}: {1}", target, e.strerror or e)) from e
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
    grid = plan.tiles
    language = Language(journey.language)
    press = options.press
    if press is not PLAIN and grid is not None:
        raise CjmapperError(
            say("a poster in tiles is for an office printer: leave out --tile for a print shop's bleed")
        )
    c = Canvas(
        target,
        pagesize=(width, height),
        pageCompression=1,
        initialFontName=font_name(),
        lang=_LANG_TAGS[language],
        pdfVersion=PDF_VERSION,
    )
    mark_output_intent(c)
    c.setTitle(journey.title)
    c.setAuthor(_author(journey, options))
    c.setSubject(_subject(journey))
    c.setCreator(f"cjmapper {__version__}")
    c.setKeywords(_KEYWORDS[language])
    printed = options.printed or date.today()
    origin = (plan.map_x, plan.chrome.map_area.y, plan.scale)
    painter = MapPainter if options.heat is None else heat_painter(options.heat, flat=press.flat)
    numbers = note_numbers(journey) if options.comments else {}
    if numbers:
        painter = notes_painter(painter, numbers)
    if grid is None:
        begin_page(c, width, height, press)
        draw_poster(c, journey, layout, height, plan.chrome, origin, printed, options.version, tick, painter)
        c.restoreState()
        c.showPage()
    else:
        c.beginForm(FORM, lowerx=0, lowery=0, upperx=width, uppery=height)
        draw_poster(c, journey, layout, height, plan.chrome, origin, printed, options.version, tick, painter)
        c.endForm()
        c.setPageSize((grid.sheet_width, grid.sheet_height))
        draw_assembly(c, grid, height, plan.chrome.title, journey)
        c.showPage()
        for row, column in grid.printed():
            c.setPageSize((grid.sheet_width, grid.sheet_height))
            draw_tile(c, grid, row, column, height, journey)
            c.showPage()
            tick(1)
    if numbers:
        page = (width, height) if grid is None else (grid.sheet_width, grid.sheet_height)
        draw_notes(c, journey, numbers, *page, lambda: begin_page(c, *page, press), c.restoreState)
        c.showPage()
    if options.wall_photo:
        sheet = (width, height) if grid is None else (grid.sheet_width, grid.sheet_height)
        draw_wall_page(c, journey, *sheet, press)
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
        figure = whole(count, language)
        parts.append(f"{figure} {one if count == 1 else many}")
    return f"{what}: {', '.join(parts)}"

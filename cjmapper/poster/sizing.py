"""Choosing a paper for a journey: the poster sized to fill N office sheets ("fit to N sheets"), and the advice
when the card text would print too small to read (under LEGIBLE_PT): the smallest A-size paper that keeps it
legible, else a larger size printed over office sheets or on a plotter, else none. Every candidate is laid out and
measured through `plan.fit_page`, the path the poster itself takes, and advice is only given once the very options
it names (the words `--paper`, `--portrait`, `--tile`, `--sheets` print) have been planned legible."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cjmapper.i18n import decimal
from cjmapper.messages import language, say
from cjmapper.model import Journey
from cjmapper.poster.paper import A3, MAX_SIDE_MM, MIN_SIDE_MM, MM, SMALL_TO_LARGE, Paper
from cjmapper.poster.plan import LEGIBLE_PT, MAX_UNIT, OVERLAP_MM, SHEET_MARGIN_MM, PageFit, chrome_for, fit_page

MIN_SHEETS = 2
MAX_SHEETS = 100
"""The range of "fit to N sheets" (the command line's --sheets)."""

ROUND_MM = 10
"""Advised custom sizes are whole multiples of this many millimetres."""

GROW = 1.03
"""How much larger each further try of an advised size is than the one before."""

TRIES = 40


@dataclass(frozen=True, slots=True)
class Choice:
    """What the poster is printed on: a paper, its orientation, and the sheets it is tiled over (if any)."""

    paper: Paper
    portrait: bool = False
    tile: Paper | None = None
    sheets: int | None = None
    """Fit the poster to this many `tile` sheets (the paper is then sized to them)."""

    @property
    def landscape(self) -> bool:
        return not self.portrait

    def arguments(self) -> str:
        """The command line's words for this choice, e.g. "--paper A1 --portrait --tile A4"."""
        words = [] if self.sheets is not None else ["--paper", self.paper.argument]
        if self.portrait and (self.sheets is not None or not self.paper.custom):
            words.append("--portrait")
        if self.tile is not None:
            words += ["--tile", self.tile.argument]
        if self.sheets is not None:
            words += ["--sheets", str(self.sheets)]
        return " ".join(words)


@dataclass(frozen=True, slots=True)
class Advice:
    """A choice that prints the card text at LEGIBLE_PT or more, and what it comes to."""

    choice: Choice
    body_size: float
    sheets: int
    """Sheets printed: 1 on one sheet, else the tiles (without the assembly sheet)."""
    plotter: Choice | None = None
    """The same size on one sheet, for a plotter, when `choice` tiles a custom size."""

    @property
    def named(self) -> bool:
        """An A-size paper (not a custom size nor fitted sheets)."""
        return self.choice.sheets is None and not self.choice.paper.custom


# ---------------------------------------------------------------------- fitting the poster to N sheets


def _sheet_page(sheet: Paper, sheet_landscape: bool, rows: int, columns: int) -> tuple[float, float]:
    """The poster page (points) whose inside (within the poster's margin) `rows` x `columns` sheets cover."""
    width, height = sheet.oriented(sheet_landscape)
    room_w, room_h = width - 2 * SHEET_MARGIN_MM * MM, height - 2 * SHEET_MARGIN_MM * MM
    overlap = OVERLAP_MM * MM
    inner_w, inner_h = columns * room_w - (columns - 1) * overlap, rows * room_h - (rows - 1) * overlap
    # The poster's margin is max(10 mm, 3% of its short side, at most 3 MAX_UNIT) (plan.chrome_for): 3% of
    # (inner + 2 margins).
    margin = max(10 * MM, min(3 * MAX_UNIT, 0.03 * min(inner_w, inner_h) / 0.94))
    return inner_w + 2 * margin, inner_h + 2 * margin


def _grids(count: int) -> list[tuple[int, int]]:
    """(rows, columns) of the grids of at most `count` sheets that no larger such grid contains."""
    return [(count // c, c) for c in range(1, count + 1) if c == count or count // (c + 1) < count // c]


def fit_to_sheets(journey: Journey, sheet: Paper, count: int, landscape: bool) -> Paper:
    """The custom paper that `count` sheets of `sheet` cover with the largest card text, as a landscape (or
    portrait) page. Its tiling prints at most `count` sheets."""
    best: tuple[float, Paper] | None = None
    for sheet_landscape in (landscape, not landscape):
        for rows, columns in _grids(count):
            width, height = _sheet_page(sheet, sheet_landscape, rows, columns)
            if (width > height + 1e-6 and not landscape) or (height > width + 1e-6 and landscape):
                continue
            paper = _within(width, height)
            if paper is None or (best is not None and paper == best[1]):
                continue
            fit = _fit(journey, paper, landscape)
            if best is None or fit.body_size > best[0] + 1e-9:
                best = (fit.body_size, paper)
    if best is None:  # no grid of this shape: the sheets as they come
        width, height = _sheet_page(sheet, landscape, 1, count) if landscape else _sheet_page(sheet, False, count, 1)
        paper = _within(width, height) or Paper("", MIN_SIDE_MM, MIN_SIDE_MM)
        best = (0.0, paper)
    paper = best[1]
    for _ in range(TRIES):  # seams moved back to run between cards may need another sheet: shrink until it fits
        fit = _fit(journey, paper, landscape)
        if fit.tiles(sheet, landscape).count <= count:
            break
        paper = Paper("", *(max(MIN_SIDE_MM, math.floor(side * 0.97)) for side in (paper.width_mm, paper.height_mm)))
    return paper


def _within(width: float, height: float) -> Paper | None:
    """A custom paper of about `width` x `height` points (whole millimetres, rounded down), or None off the PDF's
    page limits."""
    w_mm, h_mm = math.floor(width / MM), math.floor(height / MM)
    if max(w_mm, h_mm) > MAX_SIDE_MM or min(w_mm, h_mm) < MIN_SIDE_MM:
        return None
    return Paper("", float(w_mm), float(h_mm))


def _fit(journey: Journey, paper: Paper, landscape: bool) -> PageFit:
    width, height = paper.oriented(landscape)
    return fit_page(journey, width, height)


# ---------------------------------------------------------------------- advice


def _card_area(fit: PageFit) -> float:
    """The area of the map's cards, in layout units: however the cards flow, the map is never smaller."""
    return sum(card.rect.width * card.rect.height for card in fit.layout.cards.values())


def _could_be_legible(fit: PageFit, card_area: float, width: float, height: float) -> bool:
    """False when a `width` x `height` page cannot hold the cards at a legible size, whatever their layout."""
    if card_area <= 0:
        return True
    area = chrome_for(width, height).map_area
    scale = math.sqrt(area.width * area.height / card_area)
    return fit.layout.metrics.font_size * scale >= LEGIBLE_PT - 1e-9


def smallest_legible(journey: Journey, fit: PageFit, portrait: bool) -> Paper | None:
    """The smallest A-size paper, in the same orientation, that prints the card text legibly (`fit` is the current
    page's)."""
    card_area = _card_area(fit)
    for paper in SMALL_TO_LARGE:
        width, height = paper.oriented(not portrait)
        if not _could_be_legible(fit, card_area, width, height):
            continue
        same = abs(width - fit.width) < 0.01 and abs(height - fit.height) < 0.01
        if (fit if same else fit_page(journey, width, height)).legible:
            return paper
    return None


def advise(journey: Journey, current: Choice, fit: PageFit) -> Advice | None:
    """What to print on instead of `current`, whose `fit` is too small to read; None when no PDF page is large
    enough."""
    card_area = _card_area(fit)
    if current.sheets is not None and current.tile is not None:
        return _more_sheets(journey, current, fit)
    for paper in SMALL_TO_LARGE:
        for portrait in (current.portrait, not current.portrait):
            width, height = paper.oriented(not portrait)
            if not _could_be_legible(fit, card_area, width, height):
                continue
            tile = current.tile if current.tile is not None and _larger(paper, current.tile) else None
            choice = Choice(paper, portrait, tile)
            advice = _checked(journey, choice)
            if advice is not None:
                return advice
    return _custom(journey, current, fit, card_area)


def _larger(paper: Paper, sheet: Paper) -> bool:
    return paper.width_mm * paper.height_mm > sheet.width_mm * sheet.height_mm


def _checked(journey: Journey, choice: Choice) -> Advice | None:
    """`choice` planned as the command line would plan it: an Advice when legible."""
    paper = choice.paper
    if choice.sheets is not None and choice.tile is not None:
        paper = fit_to_sheets(journey, choice.tile, choice.sheets, choice.landscape)
        choice = Choice(paper, choice.portrait, choice.tile, choice.sheets)
    fit = _fit(journey, paper, choice.landscape)
    if not fit.legible:
        return None
    sheets = 1 if choice.tile is None else fit.tiles(choice.tile, choice.landscape).count
    return Advice(choice, fit.body_size, sheets)


def _custom(journey: Journey, current: Choice, fit: PageFit, card_area: float) -> Advice | None:
    """The smallest custom size (of the page's proportions, the other way round, or the map's own) that is
    legible, tiled over the current sheets (else A3), with the plotter's single sheet beside it."""
    width, height = fit.width, fit.height
    layout = fit.layout
    ratios = {width / height, height / width, (layout.width + 1) / (layout.height + 1)}
    found: list[tuple[float, Paper]] = []
    for ratio in sorted(ratios):
        paper = _legible_size(journey, ratio, width * height, card_area, fit)
        if paper is not None:
            found.append((paper.width_mm * paper.height_mm, paper))
    if not found:
        return None
    paper = min(found, key=lambda item: item[0])[1]
    sheet = current.tile or A3
    landscape = paper.width_mm >= paper.height_mm
    tiled = _checked(journey, Choice(paper, not landscape, sheet))
    if tiled is None:
        return None
    return Advice(tiled.choice, tiled.body_size, tiled.sheets, Choice(paper, not landscape))


def _legible_size(journey: Journey, ratio: float, area: float, card_area: float, fit: PageFit) -> Paper | None:
    """The smallest page of `width / height == ratio` (whole ROUND_MM) that prints legibly, or None."""
    height = math.sqrt(area / ratio)
    width = ratio * height
    base = fit_page(journey, width, height)
    factor = max(1.0, LEGIBLE_PT / max(base.body_size, 1e-9))
    if card_area > 0:  # never start below the size the cards alone need
        room = base.chrome.map_area
        least = math.sqrt(card_area / (room.width * room.height)) * LEGIBLE_PT / base.layout.metrics.font_size
        factor = max(factor, least)
    for _ in range(TRIES):
        w_mm = math.ceil(width * factor / MM / ROUND_MM) * ROUND_MM
        h_mm = math.ceil(height * factor / MM / ROUND_MM) * ROUND_MM
        if max(w_mm, h_mm) > MAX_SIDE_MM:
            return None
        paper = Paper("", float(max(w_mm, MIN_SIDE_MM)), float(max(h_mm, MIN_SIDE_MM)))
        if _fit(journey, paper, True).legible:
            return paper
        factor *= GROW
    return None


def _more_sheets(journey: Journey, current: Choice, fit: PageFit) -> Advice | None:
    """For a poster fitted to N sheets: the fewest sheets (from an estimate up) that keep the text legible."""
    assert current.sheets is not None
    assert current.tile is not None
    estimate = math.ceil(current.sheets * (LEGIBLE_PT / max(fit.body_size, 1e-9)) ** 2)
    for count in range(max(estimate, current.sheets + 1), MAX_SHEETS + 1):
        advice = _checked(journey, Choice(current.paper, current.portrait, current.tile, count))
        if advice is not None:
            return advice
    return None


# ---------------------------------------------------------------------- words


def shown_size(points: float) -> tuple[float, int] | None:
    """A text size as it is shown: (value, decimals), never rounded up (5.96 pt is "5.9 pt", short of 6), one
    decimal from 1 pt, two significant digits below; None under 0.001 pt ("under 0.001 pt")."""
    if points < 0.001:
        return None
    digits = 1 if points >= 1 else 1 - math.floor(math.log10(points))
    factor = 10**digits
    return math.floor(points * factor + 1e-9) / factor, digits


def size_text(points: float) -> str:
    """ "1.2 pt", "0.26 pt", "under 0.001 pt" (in Dutch "1,2 pt", "onder 0,001 pt")."""
    shown = shown_size(points)
    if shown is None:
        return say("under {0} pt", decimal(0.001, language(), 3))
    value, digits = shown
    return f"{decimal(value, language(), digits)} pt"


def warning_text(current: Choice, body_size: float, advice: Advice | None) -> str:
    """The legibility warning in the language in use: what is wrong and what to use instead (the command line
    prints it, the poster dialog shows it)."""
    on = current.paper.label
    if current.sheets is not None:
        on = say("{0} ({1} sheets)", current.paper.label, current.sheets)
    start = say(
        "At {0} the card text prints at {1}, too small to read (it needs {2} pt)",
        on,
        size_text(body_size),
        f"{LEGIBLE_PT:g}",
    )
    if advice is None:
        return say(
            "{0}, and no PDF page is large enough (at most {1} mm a side): split the journey into smaller maps.",
            start,
            f"{MAX_SIDE_MM:g}",
        )
    choice = advice.choice
    if choice.sheets is not None and choice.tile is not None:
        return say("{0}; {1} {2} sheets keep it legible.", start, choice.sheets, choice.tile.label)
    if advice.named:
        name = choice.paper.label
        if choice.portrait != current.portrait:
            name = say("{0} portrait", name) if choice.portrait else say("{0} landscape", name)
        return say("{0}; {1} is the smallest paper that keeps it legible.", start, name)
    text = say("{0}; no A0 to A4 paper keeps it legible: print it at {1}", start, choice.paper.label)
    if choice.tile is not None:
        text = say("{0} on {1} {2} sheets", text, advice.sheets, choice.tile.label)
    if advice.plotter is not None:
        text = say("{0}, or on a plotter", text)
    return text + "."


def advice_options(advice: Advice) -> str:
    """The command line's options that follow `advice`: "--paper A1", or "--paper 1790x1270mm --tile A3 (on a
    plotter: --paper 1790x1270mm)"."""
    words = advice.choice.arguments()
    if advice.plotter is not None:
        words += f" (on a plotter: {advice.plotter.arguments()})"
    return words

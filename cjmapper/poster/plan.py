"""Where everything goes on a poster page, before anything is drawn: margins, title block, map area and legend,
the map's scale, whether its text stays legible, and how tiles split it for an office printer.

Page coordinates here run top-down in points (y = 0 at the top edge); the drawing code turns them into PDF's
bottom-up coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjmapper.layout import Layout, Metrics, Rect, compute_layout
from cjmapper.model import Journey
from cjmapper.poster.paper import MAX_SIDE_MM, MM, SMALL_TO_LARGE, Paper

LEGIBLE_PT = 6.0
"""The smallest card text size (points) a printed map stays legible at."""

SHEET_MARGIN_MM = 12.0
"""Unprinted border of a tile sheet: office printers cannot print to the edge; labels and crop marks go here."""
OVERLAP_MM = 10.0
"""How far neighbouring tiles overlap, for gluing."""
MAX_SEAM_SHIFT = 0.2
"""How far (as a share of a sheet's printable size) a seam may move back to avoid cutting through a card."""


Box = Rect
"""A rectangle on the page, top-down, in points (the layout's rectangle type)."""


@dataclass(frozen=True, slots=True)
class Chrome:
    """The fixed parts of a poster page, sized from the paper (not from the map)."""

    margin: float
    unit: float
    """One hundredth of the page's short side: the measure of the title block's and legend's type."""
    title: Box
    legend: Box
    map_area: Box


def chrome_for(width: float, height: float) -> Chrome:
    short = min(width, height)
    unit = short / 100
    margin = max(10 * MM, 3 * unit)
    title_height = 7.5 * unit
    legend_height = 5.0 * unit
    gap = 1.5 * unit
    inner = width - 2 * margin
    title = Box(margin, margin, inner, title_height)
    legend = Box(margin, height - margin - legend_height, inner, legend_height)
    top = title.bottom + gap
    map_area = Box(margin, top, inner, legend.y - gap - top)
    return Chrome(margin, unit, title, legend, map_area)


def poster_layout(journey: Journey, width: float, height: float, metrics: Metrics | None = None) -> Layout:
    """The map as a `width` x `height` page (points) prints it: its cells flowed into card columns to the shape of
    the page's map area (`chrome_for(...).map_area`), so that the map fills it at the largest scale."""
    area = chrome_for(width, height).map_area
    return compute_layout(journey, metrics, aspect=area.width / max(area.height, 1.0))


def map_scale(layout: Layout, area: Box) -> float:
    """Points per layout unit that fit the whole map into `area`."""
    return min(area.width / max(layout.width, 1.0), area.height / max(layout.height, 1.0))


@dataclass(frozen=True, slots=True)
class TileGrid:
    """How a poster is split over sheets. Each sheet shows one (column span) x (row span) of the poster page; a
    span ends at its seam (the sheet's trimmed edge), and the next span starts `overlap` before that seam."""

    paper: Paper
    sheet_width: float
    sheet_height: float
    margin: float
    overlap: float
    columns: tuple[tuple[float, float], ...]
    """(left, right) of each column of sheets, in poster page points."""
    rows: tuple[tuple[float, float], ...]
    """(top, bottom) of each row of sheets, in poster page points (top-down)."""

    @property
    def count(self) -> int:
        return len(self.columns) * len(self.rows)


def _seam(ideal: float, low: float, spans: Sequence[tuple[float, float]]) -> float:
    """The seam in [low, ideal] that cuts the fewest spans (cards), the latest among equals."""
    crossing = [(a, b) for a, b in spans if a < ideal and b > low]
    if not crossing:
        return ideal

    def cuts(x: float) -> int:
        return sum(1 for a, b in crossing if a < x < b)

    candidates = (
        {ideal, low} | {a for a, _ in crossing if low <= a <= ideal} | {b for _, b in crossing if low <= b <= ideal}
    )
    return min(candidates, key=lambda x: (cuts(x), -x))


def split(
    start: float, end: float, room: float, overlap: float, spans: Sequence[tuple[float, float]]
) -> tuple[tuple[float, float], ...]:
    """Cut [start, end] into spans of at most `room`, each overlapping the one before by `overlap`, seams moved back
    (by at most MAX_SEAM_SHIFT of `room`) to avoid cutting through `spans`."""
    result: list[tuple[float, float]] = []
    a = start
    while end - a > room + 1e-6:
        ideal = a + room
        seam = _seam(ideal, max(a + overlap + 1, ideal - MAX_SEAM_SHIFT * room), spans)
        result.append((a, seam))
        a = seam - overlap
    result.append((a, end))
    return tuple(result)


def tile_grid(page: Box, sheet: Paper, landscape_poster: bool, card_boxes: Sequence[Box]) -> TileGrid:
    """The grid of sheets of `sheet` paper that covers `page` (the poster page inside its margins) with the fewest
    sheets (either orientation of the sheet; the poster's own orientation when equal)."""
    margin = SHEET_MARGIN_MM * MM
    overlap = OVERLAP_MM * MM
    xs = [(b.x, b.right) for b in card_boxes]
    ys = [(b.y, b.bottom) for b in card_boxes]
    best: TileGrid | None = None
    for landscape in (landscape_poster, not landscape_poster):
        width, height = sheet.oriented(landscape)
        columns = split(page.x, page.right, width - 2 * margin, overlap, xs)
        rows = split(page.y, page.bottom, height - 2 * margin, overlap, ys)
        grid = TileGrid(sheet, width, height, margin, overlap, columns, rows)
        if best is None or grid.count < best.count:
            best = grid
    assert best is not None
    return best


def legible_paper(layout: Layout, landscape: bool, font_size: float) -> Paper | None:
    """The smallest named paper (A4 up to A0) that prints the card text at LEGIBLE_PT or more."""
    for paper in SMALL_TO_LARGE:
        width, height = paper.oriented(landscape)
        if font_size * map_scale(layout, chrome_for(width, height).map_area) >= LEGIBLE_PT - 1e-9:
            return paper
    return None


def legible_size_mm(layout: Layout, width: float, height: float, font_size: float) -> tuple[int, int] | None:
    """A custom paper size (mm, same proportions as width x height) that keeps card text legible, or None when even
    the largest PDF page is too small."""
    factor = 1.0
    while factor < 1000:
        w, h = width * factor, height * factor
        if font_size * map_scale(layout, chrome_for(w, h).map_area) >= LEGIBLE_PT:
            w_mm, h_mm = -(-w / MM // 10) * 10, -(-h / MM // 10) * 10
            if max(w_mm, h_mm) > MAX_SIDE_MM:
                return None
            return int(w_mm), int(h_mm)
        factor *= 1.05
    return None

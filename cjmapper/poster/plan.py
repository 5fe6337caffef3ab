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
from cjmapper.poster.chrome import GAP_UNITS, TITLE_UNITS, Legend, height_for
from cjmapper.poster.paper import MM, Paper

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


MAX_UNIT = 16.0
"""The largest chrome unit (points): past about A1 the title block and legend stop growing (a 42 pt title on A0 reads
from across a room) and the rest of the page goes to the map, whose card text is what must stay legible."""


@dataclass(frozen=True, slots=True)
class Chrome:
    """The fixed parts of a poster page, sized from the paper (not from the map)."""

    margin: float
    unit: float
    """One hundredth of the page's short side, at most MAX_UNIT: the measure of the title block's and legend's
    type."""
    title: Box
    legend: Box
    map_area: Box
    heat: tuple[str, ...] | None = None
    """The metrics of the heat view's key in the legend (`Legend(journey, heat)`), None without the heat view."""


def chrome_for(width: float, height: float, legend: Legend | None = None) -> Chrome:
    """The page's parts; the legend box as tall as `legend` needs at this width (two rows when not given)."""
    unit = min(min(width, height) / 100, MAX_UNIT)
    margin = max(10 * MM, 3 * unit)
    title_height = TITLE_UNITS * unit
    gap = GAP_UNITS * unit
    inner = width - 2 * margin
    legend_height = height_for(2 if legend is None else legend.rows(inner, unit), unit)
    title = Box(margin, margin, inner, title_height)
    legend_box = Box(margin, height - margin - legend_height, inner, legend_height)
    top = title.bottom + gap
    map_area = Box(margin, top, inner, legend_box.y - gap - top)
    return Chrome(margin, unit, title, legend_box, map_area, None if legend is None else legend.heat)


def map_scale(layout: Layout, area: Box) -> float:
    """Points per layout unit that fit the whole map into `area`."""
    return min(area.width / max(layout.width, 1.0), area.height / max(layout.height, 1.0))


def poster_layout(journey: Journey, page_width: float, page_height: float, metrics: Metrics | None = None) -> Layout:
    """The map as the poster lays it out on a page of `page_width` x `page_height` points: its cells flowed into card
    columns to the shape of the page's map area (`chrome_for(...).map_area`), so that the map fills it at the largest
    scale. Everything that plans, advises or draws a poster lays the map out through here, so advice for another
    paper checks the very layout that paper would print."""
    return _layout_for(journey, chrome_for(page_width, page_height, Legend(journey)), metrics)


def _layout_for(journey: Journey, chrome: Chrome, metrics: Metrics | None = None) -> Layout:
    area = chrome.map_area
    return compute_layout(journey, metrics, aspect=area.width / max(area.height, 1.0))


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
    blank: frozenset[tuple[int, int]] = frozenset()
    """(row, column) of the sheets left out: nothing of the poster would print on them."""

    @property
    def count(self) -> int:
        """The sheets printed (the grid's, less the blank ones)."""
        return len(self.columns) * len(self.rows) - len(self.blank)

    def printed(self) -> list[tuple[int, int]]:
        """(row, column) of every sheet printed, row by row."""
        return [(r, c) for r in range(len(self.rows)) for c in range(len(self.columns)) if (r, c) not in self.blank]


@dataclass(frozen=True, slots=True)
class Obstacles:
    """What a seam along one axis should not cut: (start, end) of each card, and of each run of card text (a
    seam through a card's padding or between its title, notes and footer cuts no text)."""

    cards: tuple[tuple[float, float], ...]
    texts: tuple[tuple[float, float], ...]


TEXT_CUT = 1000
"""A seam through card text counts as this many seams through cards: text is avoided at almost any cost."""


def card_obstacles(layout: Layout, origin: tuple[float, float], scale: float) -> tuple[Obstacles, Obstacles]:
    """The obstacles to vertical seams (x spans) and to horizontal seams (y spans) of the map's cards, with the
    layout's origin at `origin` on the page and `scale` points per layout unit. The phase and lane headers' text
    counts as text too: a phase's name and figures across its header, a lane's name at the top of its header."""
    ox, oy = origin
    m = layout.metrics
    xs: set[tuple[float, float]] = set()
    x_texts: set[tuple[float, float]] = set()
    ys: set[tuple[float, float]] = set()
    y_texts: set[tuple[float, float]] = set()
    for phase in layout.phases:
        h = phase.header
        x_texts.add((ox + (h.x + 12) * scale, ox + (h.right - 12) * scale))
        y_texts.add((oy + h.y * scale, oy + h.bottom * scale))
    lane_text = 16 + 3 * (m.header_font_size + 5)  # up to three lines of the lane's name under its top padding
    for lane in layout.lanes:
        h = lane.header
        x_texts.add((ox + (h.x + 12) * scale, ox + (h.right - 5) * scale))
        y_texts.add((oy + h.y * scale, oy + (h.y + min(h.height, lane_text)) * scale))
    for card in layout.cards.values():
        r = card.rect
        left, top = ox + r.x * scale, oy + r.y * scale
        xs.add((left, left + r.width * scale))
        x_texts.add((left + m.card_padding * scale, left + (r.width - m.card_padding) * scale))
        ys.add((top, top + r.height * scale))
        parts = card.parts(m)
        notes = len(card.note_lines) * m.note_line_height
        runs = ((parts.title.y, parts.title.height), (parts.notes.y, notes), (parts.footer.y, parts.footer.height))
        for y, height in runs:
            if height > 0:
                y_texts.add((top + y * scale, top + (y + height) * scale))
    return Obstacles(tuple(sorted(xs)), tuple(sorted(x_texts))), Obstacles(tuple(sorted(ys)), tuple(sorted(y_texts)))


def _seam(ideal: float, soft_low: float, low: float, obstacles: Obstacles) -> float:
    """Where a seam due at `ideal` goes: the place in [low, ideal] that cuts no card text, then the fewest cards,
    the latest among equals; moved back before `soft_low` only to keep clear of text."""

    def near(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(a, b) for a, b in spans if a < ideal and b > low]

    cards, texts = near(obstacles.cards), near(obstacles.texts)
    if not cards and not texts:
        return ideal

    edges = {ideal, low, soft_low} | {e for span in cards + texts for e in span if low <= e <= ideal}

    def key(x: float) -> tuple[int, int, int, float]:
        text_cuts = sum(1 for a, b in texts if a < x < b)
        card_cuts = sum(1 for a, b in cards if a < x < b)
        # Clear of text first; then within the usual shift; then the fewest cards cut; then the latest.
        return (text_cuts, 0 if x >= soft_low else 1, card_cuts, -x)

    return min(edges, key=key)


def split(
    start: float, end: float, room: float, overlap: float, obstacles: Obstacles
) -> tuple[tuple[float, float], ...]:
    """Cut [start, end] into spans of at most `room`, each overlapping the one before by `overlap`, seams moved back
    (by up to MAX_SEAM_SHIFT of `room`, further only to keep clear of card text) to run between cards."""
    result: list[tuple[float, float]] = []
    a = start
    while end - a > room + 1e-6:
        ideal = a + room
        low = a + overlap + 1
        seam = _seam(ideal, max(low, ideal - MAX_SEAM_SHIFT * room), low, obstacles)
        result.append((a, seam))
        a = seam - overlap
    result.append((a, end))
    return tuple(result)


def _blank(
    columns: Sequence[tuple[float, float]],
    rows: Sequence[tuple[float, float]],
    overlap: float,
    content: Sequence[Box],
) -> frozenset[tuple[int, int]]:
    """The sheets whose own part of the page (without the strips they share with the sheets left and above)
    meets none of `content`."""

    def own(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(a + (overlap if i else 0.0), b) for i, (a, b) in enumerate(spans)]

    return frozenset(
        (r, c)
        for r, (top, bottom) in enumerate(own(rows))
        for c, (left, right) in enumerate(own(columns))
        if not any(b.x < right and b.right > left and b.y < bottom and b.bottom > top for b in content)
    )


def tile_grid(
    page: Box, sheet: Paper, landscape_poster: bool, obstacles: tuple[Obstacles, Obstacles], content: Sequence[Box]
) -> TileGrid:
    """The grid of sheets of `sheet` paper that covers `page` (the poster page inside its margins) with the fewest
    printed sheets (either orientation of the sheet; the poster's own orientation when equal), seams clear of the
    cards' text (`obstacles`: x spans, y spans), and the sheets that would show none of `content` left out."""
    margin = SHEET_MARGIN_MM * MM
    overlap = OVERLAP_MM * MM
    across, down = obstacles
    best: TileGrid | None = None
    for landscape in (landscape_poster, not landscape_poster):
        width, height = sheet.oriented(landscape)
        columns = split(page.x, page.right, width - 2 * margin, overlap, across)
        rows = split(page.y, page.bottom, height - 2 * margin, overlap, down)
        grid = TileGrid(sheet, width, height, margin, overlap, columns, rows, _blank(columns, rows, overlap, content))
        if best is None or grid.count < best.count:
            best = grid
    assert best is not None
    return best


@dataclass(frozen=True, slots=True)
class PageFit:
    """The map laid out for one page: the layout, the page's fixed parts, and the scale that fits the map in."""

    width: float
    height: float
    layout: Layout
    chrome: Chrome
    scale: float

    @property
    def body_size(self) -> float:
        """Card text size on paper, in points."""
        return self.layout.metrics.font_size * self.scale

    @property
    def legible(self) -> bool:
        return self.body_size >= LEGIBLE_PT - 1e-9

    @property
    def map_origin(self) -> tuple[float, float]:
        """Where the layout's top left corner lands on the page (top-down points): centred across the map area."""
        area = self.chrome.map_area
        return area.x + (area.width - self.layout.width * self.scale) / 2, area.y

    def tiles(self, sheet: Paper, landscape: bool) -> TileGrid:
        """The sheets of `sheet` paper this page is printed on, seams clear of card text, blank sheets left out."""
        chrome, scale = self.chrome, self.scale
        x, y = self.map_origin
        inner = Box(chrome.margin, chrome.margin, self.width - 2 * chrome.margin, self.height - 2 * chrome.margin)
        drawn = Box(x, y, self.layout.width * scale, self.layout.height * scale)
        return tile_grid(
            inner, sheet, landscape, card_obstacles(self.layout, (x, y), scale), (chrome.title, chrome.legend, drawn)
        )


def fit_page(journey: Journey, width: float, height: float, heat: tuple[str, ...] | None = None) -> PageFit:
    """The map of `journey` on a `width` x `height` point page (laid out by `poster_layout`); `heat`: the metrics of
    the heat view's key when the legend has one."""
    chrome = chrome_for(width, height, Legend(journey, heat))
    layout = _layout_for(journey, chrome)
    return PageFit(width, height, layout, chrome, map_scale(layout, chrome.map_area))

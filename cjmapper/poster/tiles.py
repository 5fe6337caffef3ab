"""Tiled printing: the poster, drawn once as a PDF form, placed on office-printer sheets with crop marks, overlap
marks and labels, after an assembly sheet that shows how the sheets go together."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import style
from cjmapper.model import Journey
from cjmapper.poster.draw import Pen
from cjmapper.poster.labels import label, tile_name
from cjmapper.poster.paper import MM
from cjmapper.poster.plan import OVERLAP_MM, TileGrid
from cjmapper.style import rgb
from cjmapper.text import FontMetrics

FORM = "cjmapper-poster"
"""The name of the form XObject holding the whole poster page."""

CROP_MARK = 6 * MM
CROP_GAP = 1.5 * MM
LABEL_SIZE = 8.0


def draw_tile(canvas: Canvas, grid: TileGrid, row: int, column: int, page_height: float, journey: Journey) -> None:
    """One sheet: its part of the poster, crop marks at the corners of that part, dashed marks where the
    neighbours' edges go, and its label."""
    c = canvas
    left, right = grid.columns[column]
    top, bottom = grid.rows[row]
    width, height = right - left, bottom - top
    m = grid.margin
    sheet_top = grid.sheet_height - m  # PDF y of the printed part's top edge
    c.saveState()
    clip = c.beginPath()
    clip.rect(m, sheet_top - height, width, height)
    c.clipPath(clip, stroke=0, fill=0)
    c.translate(m - left, sheet_top - (page_height - top))
    c.doForm(FORM)
    c.restoreState()

    c.saveState()
    c.translate(0, grid.sheet_height)  # top-down from here: y values are negated
    pen = Pen(c)
    pen.stroke((0.0, 0.0, 0.0), 0.5)
    x0, y0, x1, y1 = m, m, m + width, m + height
    for x, y, dx, dy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        pen.line(x + dx * CROP_GAP, y, x + dx * (CROP_GAP + CROP_MARK), y)
        pen.line(x, y + dy * CROP_GAP, x, y + dy * (CROP_GAP + CROP_MARK))
    c.setDash(2, 2)
    if column > 0:  # the left neighbour's trimmed edge lands here
        x = x0 + grid.overlap
        pen.line(x, y0 - CROP_GAP, x, y0 - CROP_GAP - CROP_MARK)
        pen.line(x, y1 + CROP_GAP, x, y1 + CROP_GAP + CROP_MARK)
    if row > 0:  # the upper neighbour's trimmed edge lands here
        y = y0 + grid.overlap
        pen.line(x0 - CROP_GAP, y, x0 - CROP_GAP - CROP_MARK, y)
        pen.line(x1 + CROP_GAP, y, x1 + CROP_GAP + CROP_MARK, y)
    c.setDash()
    rows, columns = len(grid.rows), len(grid.columns)
    name = tile_name(row, column)
    language = journey.language
    text = label("sheet", language, name, row + 1, rows, column + 1, columns)
    font = FontMetrics(LABEL_SIZE)
    pen.fill(rgb(style.INK))
    baseline = m - CROP_GAP - 2.0
    room = width - 2 * (CROP_GAP + CROP_MARK) - 12
    pen.text(x0 + CROP_GAP + CROP_MARK + 6, baseline, font.elide(f"{text}  ·  {journey.title}", room), LABEL_SIZE)
    pen.fill(rgb(style.MUTED_INK))
    below = y1 + CROP_GAP + LABEL_SIZE + 2
    if column + 1 < columns:
        pen.text_right(x1 - CROP_GAP - CROP_MARK - 6, below, f"{tile_name(row, column + 1)} →", LABEL_SIZE)
    if row + 1 < rows:
        pen.text(x0 + CROP_GAP + CROP_MARK + 6, below, f"↓ {tile_name(row + 1, column)}", LABEL_SIZE)
    c.restoreState()


def draw_assembly(canvas: Canvas, grid: TileGrid, page_height: float, journey: Journey) -> None:
    """The first sheet: what the sheets make up, and the poster in small with every sheet outlined and named."""
    c = canvas
    language = journey.language
    m = grid.margin
    sw, sh = grid.sheet_width, grid.sheet_height
    c.saveState()
    c.translate(0, sh)
    pen = Pen(c)
    width = sw - 2 * m
    top = m
    heading = FontMetrics(16, bold=True)
    pen.fill(rgb(style.INK))
    for line in heading.wrap(label("assembly", language, journey.title), width, 2)[0]:
        pen.text(m, top + heading.ascent, line, 16, bold=True)
        top += 20
    body = FontMetrics(10)
    rows, columns = len(grid.rows), len(grid.columns)
    text = label("sheets", language, grid.count, grid.paper.label, rows, columns, f"{OVERLAP_MM:g}")
    text += " " + label("how", language)
    pen.fill(rgb(style.MUTED_INK))
    top += 4
    for line in body.wrap(text, width, 6)[0]:
        pen.text(m, top + body.ascent, line, 10)
        top += 13
    top += 8
    # The poster's inner area (inside its margins), scaled into what is left of the sheet.
    left_edge, right_edge = grid.columns[0][0], grid.columns[-1][1]
    top_edge, bottom_edge = grid.rows[0][0], grid.rows[-1][1]
    area_w, area_h = width, sh - m - top
    scale = min(area_w / (right_edge - left_edge), area_h / (bottom_edge - top_edge))
    ox = m + (area_w - (right_edge - left_edge) * scale) / 2
    c.restoreState()

    c.saveState()
    clip = c.beginPath()
    clip.rect(ox, sh - top - (bottom_edge - top_edge) * scale, (right_edge - left_edge) * scale,
              (bottom_edge - top_edge) * scale)  # fmt: skip
    c.clipPath(clip, stroke=0, fill=0)
    c.translate(ox - left_edge * scale, sh - top - (page_height - top_edge) * scale)
    c.scale(scale, scale)
    c.doForm(FORM)
    c.restoreState()

    c.saveState()
    c.translate(0, sh)
    pen = Pen(c)
    size = max(7.0, min(18.0, 0.25 * scale * min(b - a for a, b in grid.columns)))
    for r, (t, b) in enumerate(grid.rows):
        for k, (a, e) in enumerate(grid.columns):
            x, y = ox + (a - left_edge) * scale, top + (t - top_edge) * scale
            w, h = (e - a) * scale, (b - t) * scale
            pen.stroke(rgb(style.VOTE_DOT), 1.0)
            c.rect(x, -y - h, w, h, stroke=1, fill=0)
            name = tile_name(r, k)
            font = FontMetrics(size, bold=True)
            tw = font.width(name) + 6
            pen.fill((1.0, 1.0, 1.0))
            c.rect(x + w / 2 - tw / 2, -(y + h / 2 + size * 0.7), tw, size * 1.4, stroke=0, fill=1)
            pen.fill(rgb(style.VOTE_DOT))
            pen.text_centred(x + w / 2, y + h / 2 + size * 0.35, name, size, bold=True)
    c.restoreState()

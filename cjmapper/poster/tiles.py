"""Tiled printing: the poster, drawn once as a PDF form, placed on office-printer sheets with crop marks, overlap
marks and labels, after an assembly sheet that shows how the sheets go together."""

from __future__ import annotations

from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas  # type: ignore[import-untyped]

from cjmapper import style
from cjmapper.model import Journey
from cjmapper.poster.draw import Pen
from cjmapper.poster.labels import counted, label, tile_name
from cjmapper.poster.paper import MM
from cjmapper.poster.plan import OVERLAP_MM, Box, TileGrid
from cjmapper.style import rgb
from cjmapper.text import FontMetrics

FORM = "cjmapper-poster"
"""The name of the form XObject holding the whole poster page."""

CROP_MARK = 6 * MM
CROP_GAP = 1.5 * MM
LABEL_SIZE = 8.0
GAP = (0.88, 0.9, 0.92)
"""The grey of a sheet left out, on the assembly sheet."""


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
    printed = set(grid.printed())
    if (row, column - 1) in printed:  # the left neighbour's trimmed edge lands here
        x = x0 + grid.overlap
        pen.line(x, y0 - CROP_GAP, x, y0 - CROP_GAP - CROP_MARK)
        pen.line(x, y1 + CROP_GAP, x, y1 + CROP_GAP + CROP_MARK)
    if (row - 1, column) in printed:  # the upper neighbour's trimmed edge lands here
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
    room = grid.sheet_width - m - (x0 + CROP_GAP + CROP_MARK + 6)  # the label may run past a narrow part
    pen.text(x0 + CROP_GAP + CROP_MARK + 6, baseline, font.elide(f"{text}  ·  {journey.title}", room), LABEL_SIZE)
    pen.fill(rgb(style.MUTED_INK))
    below = y1 + CROP_GAP + LABEL_SIZE + 2
    if (row, column + 1) in printed:
        pen.text_right(x1 - CROP_GAP - CROP_MARK - 6, below, f"{tile_name(row, column + 1)} →", LABEL_SIZE)
    if (row + 1, column) in printed:
        pen.text(x0 + CROP_GAP + CROP_MARK + 6, below, f"↓ {tile_name(row + 1, column)}", LABEL_SIZE)
    c.restoreState()


def draw_assembly(canvas: Canvas, grid: TileGrid, page_height: float, title: Box, journey: Journey) -> None:
    """The first sheet: what the sheets make up, and the poster in small with every sheet outlined and named, the
    sheets left out shown as grey gaps; outlines and names keep clear of the poster's title block (`title`)."""
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
    text = label(
        "sheets",
        language,
        counted("sheets", grid.count, language),
        grid.paper.label,
        counted("rows", rows, language),
        counted("columns", columns, language),
        f"{OVERLAP_MM:g}",
    )
    text += " " + label("how", language)
    if grid.blank:
        text += " " + label("left_out", language)
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

    def small(box: Box) -> Box:
        return Box(ox + (box.x - left_edge) * scale, top + (box.y - top_edge) * scale, box.width * scale,
                   box.height * scale)  # fmt: skip

    inner = small(title)
    clear = 3.0  # points kept clear around it: an outline along its edge would touch the title's capitals
    heading_box = Box(inner.x - clear, inner.y - clear, inner.width + 2 * clear, inner.height + 2 * clear)
    outside = c.beginPath()  # everything but the small poster's title block
    outside.rect(0, -sh, sw, sh)
    outside.rect(heading_box.x, -heading_box.bottom, heading_box.width, heading_box.height)
    c.clipPath(outside, stroke=0, fill=0, fillMode=FILL_EVEN_ODD)
    size = max(7.0, min(18.0, 0.25 * scale * min(b - a for a, b in grid.columns)))
    font = FontMetrics(size, bold=True)
    for r, (t, b) in enumerate(grid.rows):
        for k, (a, e) in enumerate(grid.columns):
            sheet = small(Box(a, t, e - a, b - t))
            x, y, w, h = sheet.x, sheet.y, sheet.width, sheet.height
            if (r, k) in grid.blank:
                pen.fill(GAP)
                c.rect(x, -y - h, w, h, stroke=0, fill=1)
                continue
            pen.stroke(rgb(style.VOTE_DOT), 1.0)
            c.rect(x, -y - h, w, h, stroke=1, fill=0)
    for r, (t, b) in enumerate(grid.rows):
        for k, (a, e) in enumerate(grid.columns):
            if (r, k) in grid.blank:
                continue
            sheet = small(Box(a, t, e - a, b - t))
            name = tile_name(r, k)
            tw = font.width(name) + 6
            centre = sheet.y + sheet.height / 2
            if centre - size * 0.7 < heading_box.bottom and centre + size * 0.7 > heading_box.y:
                centre = min(heading_box.bottom + size * 0.8, sheet.bottom - size * 0.7)  # below the title
            pen.fill((1.0, 1.0, 1.0))
            c.rect(sheet.x + sheet.width / 2 - tw / 2, -(centre + size * 0.7), tw, size * 1.4, stroke=0, fill=1)
            pen.fill(rgb(style.VOTE_DOT))
            pen.text_centred(sheet.x + sheet.width / 2, centre + size * 0.35, name, size, bold=True)
    c.restoreState()

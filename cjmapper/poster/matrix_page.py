"""The impact/effort matrix as a PDF page (A4 landscape), drawn from `cjmapper.matrix.matrix_layout` with the
poster's pen and fonts, so its text looks as the poster's does (user text through `drawString`, never markup)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import __version__
from cjmapper.interchange.export_files import write_bytes_atomically
from cjmapper.matrix import MatrixLayout, Text, matrix_layout, votes_text
from cjmapper.model import Journey, Language
from cjmapper.poster.draw import Pen
from cjmapper.poster.unicode_map import install as install_unicode_map
from cjmapper.style import GRID_LINE, INK, rgb
from cjmapper.text import FontMetrics, font_name

_LANG_TAGS = {Language.EN: "en-GB", Language.NL: "nl-NL"}


def matrix_pdf(journey: Journey) -> bytes:
    """The journey's matrix as a one-page PDF."""
    layout = matrix_layout(journey)
    buffer = io.BytesIO()
    install_unicode_map()
    c = Canvas(
        buffer,
        pagesize=(layout.width, layout.height),
        pageCompression=1,
        initialFontName=font_name(),
        lang=_LANG_TAGS[Language(journey.language)],
    )
    c.setTitle(journey.title)
    c.setCreator(f"cjmapper {__version__}")
    c.translate(0, layout.height)  # y grows downwards from the top, as the layout's does (`Pen` negates it)
    draw_matrix(Pen(c), layout)
    c.showPage()
    c.save()
    return buffer.getvalue()


def write_matrix_pdf(journey: Journey, path: Path) -> None:
    """Write the matrix page to `path`, atomically (`InterchangeError` naming the file when it cannot)."""
    write_bytes_atomically(path, matrix_pdf(journey))


def draw_matrix(pen: Pen, layout: MatrixLayout) -> None:
    """Draw the matrix with `pen` (y growing downwards)."""
    for quadrant in layout.quadrants:
        box = quadrant.box
        pen.rect(box.x, box.y, box.width, box.height, rgb(quadrant.fill))
        _text(pen, quadrant.label)
    plot = layout.plot
    pen.stroke(rgb(GRID_LINE), 1.0)
    pen.line(plot.x + plot.width / 2, plot.y, plot.x + plot.width / 2, plot.y + plot.height)
    pen.line(plot.x, plot.y + plot.height / 2, plot.x + plot.width, plot.y + plot.height / 2)
    pen.stroke(rgb(INK), 1.2)
    pen.line(plot.x, plot.y, plot.x, plot.y + plot.height)
    pen.line(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height)
    for text in layout.texts:
        _text(pen, text)
    for dot in layout.dots:
        pen.fill(rgb(dot.fill))
        pen.stroke(rgb(dot.stroke), 1.0)
        pen.circle(dot.x, dot.y, dot.radius, fill=True, stroke=True)
        count = votes_text(dot)
        if count is not None:
            _text(pen, count)
        _text(pen, dot.title)


def _text(pen: Pen, text: Text) -> None:
    pen.fill(rgb(text.colour))
    if text.rotated:
        c = pen.c
        c.saveState()
        c.translate(text.x, -text.baseline)
        c.rotate(90)
        pen.forget()
        pen.fill(rgb(text.colour))
        _line(pen, Text(0, 0, text.text, text.size, text.bold, text.align))
        c.restoreState()
        pen.forget()
        return
    _line(pen, text)


def _line(pen: Pen, text: Text) -> None:
    width = FontMetrics(text.size, text.bold).width(text.text)
    left = text.x - (width / 2 if text.align == "centre" else width if text.align == "right" else 0.0)
    pen.text(left, text.baseline, text.text, text.size, text.bold)

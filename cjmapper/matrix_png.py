"""The impact/effort matrix as a PNG picture, drawn from `cjmapper.matrix.matrix_layout` with Pillow (which
reportlab brings along) in the bundled DejaVu Sans, so the command line draws it without Qt and it looks as the PDF
page does. Text is drawn as text, never interpreted."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from cjmapper.interchange.export_files import write_bytes_atomically
from cjmapper.matrix import MatrixLayout, Text, matrix_layout, votes_text
from cjmapper.model import Journey
from cjmapper.style import GRID_LINE, INK
from cjmapper.text import font_path

DPI = 150
"""The picture's resolution: an A4 landscape page at 150 dots per inch is 1,754 by 1,240 pixels."""


def matrix_png(journey: Journey, dpi: int = DPI) -> bytes:
    """The journey's matrix as PNG bytes."""
    from PIL import Image, ImageDraw  # imported here: only a picture needs Pillow

    layout = matrix_layout(journey)
    scale = dpi / 72
    image = Image.new("RGB", (round(layout.width * scale), round(layout.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    _draw(image, draw, layout, scale)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


def write_matrix_png(journey: Journey, path: Path, dpi: int = DPI) -> None:
    """Write the matrix picture to `path`, atomically (`InterchangeError` naming the file when it cannot)."""
    write_bytes_atomically(path, matrix_png(journey, dpi))


def _draw(image: Any, draw: Any, layout: MatrixLayout, s: float) -> None:
    for quadrant in layout.quadrants:
        box = quadrant.box
        draw.rectangle([box.x * s, box.y * s, (box.x + box.width) * s, (box.y + box.height) * s], fill=quadrant.fill)
        _text(image, draw, quadrant.label, s)
    p = layout.plot
    middle_x, middle_y, right, bottom = p.x + p.width / 2, p.y + p.height / 2, p.x + p.width, p.y + p.height
    draw.line([middle_x * s, p.y * s, middle_x * s, bottom * s], fill=GRID_LINE, width=max(1, round(s)))
    draw.line([p.x * s, middle_y * s, right * s, middle_y * s], fill=GRID_LINE, width=max(1, round(s)))
    draw.line([p.x * s, p.y * s, p.x * s, bottom * s], fill=INK, width=max(1, round(1.2 * s)))
    draw.line([p.x * s, bottom * s, right * s, bottom * s], fill=INK, width=max(1, round(1.2 * s)))
    for text in layout.texts:
        _text(image, draw, text, s)
    for dot in layout.dots:
        r = dot.radius * s
        draw.ellipse(
            [dot.x * s - r, dot.y * s - r, dot.x * s + r, dot.y * s + r],
            fill=dot.fill,
            outline=dot.stroke,
            width=max(1, round(s)),
        )
        count = votes_text(dot)
        if count is not None:
            _text(image, draw, count, s)
        _text(image, draw, dot.title, s)


def _font(size: float, bold: bool) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(bold)), max(1, round(size)))


_ANCHORS = {"left": "ls", "centre": "ms", "right": "rs"}


def _text(image: Any, draw: Any, text: Text, s: float) -> None:
    font = _font(text.size * s, text.bold)
    if not text.rotated:
        draw.text((text.x * s, text.baseline * s), text.text, fill=text.colour, font=font, anchor=_ANCHORS[text.align])
        return
    from PIL import Image, ImageDraw

    left, top, right, bottom = font.getbbox(text.text, anchor="ls")
    strip = Image.new("RGBA", (right - left + 2, bottom - top + 2), (0, 0, 0, 0))
    ImageDraw.Draw(strip).text((1 - left, 1 - top), text.text, fill=text.colour, font=font, anchor="ls")
    turned = strip.rotate(90, expand=True)
    # The line's centre (along it) at y = baseline; its baseline at x = text.x, the ascent to its left.
    x = round(text.x * s + top - 1)
    y = round(text.baseline * s - turned.height / 2)
    image.paste(turned, (x, y), turned)

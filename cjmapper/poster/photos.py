"""Photos on a poster: a card's photo in its thumbnail slot (at print resolution: the stored image itself, up to
2,048 pixels, embedded once however many cards show it), and the journey's wall photo on a page of its own at the
back. The images come with the journey (`ImageRef.data`, read by `cjmapper.store.transfer.with_image_data`); one
without its bytes is left out."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import style
from cjmapper.layout import Rect, fitted
from cjmapper.model import ImageRef, Journey, Language
from cjmapper.poster.labels import label
from cjmapper.poster.print_ready import PLAIN, Press, begin_page
from cjmapper.style import rgb
from cjmapper.text import FontMetrics, font_runs

_MARGIN = 36.0
"""The back page's margin, points (half an inch)."""
_HEADING = 18.0


def draw_thumbnail(c: Canvas, image: ImageRef | None, slot: Rect) -> None:
    """A card's photo fitted in its slot (card coordinates, top-down: y is negated, as the card's other parts)."""
    if image is None or image.data is None or slot.height <= 0:
        return
    box = fitted(slot, image.width, image.height)
    c.drawImage(_reader(image), box.x, -box.bottom, box.width, box.height)


def draw_wall_page(c: Canvas, journey: Journey, width: float, height: float, press: Press = PLAIN) -> bool:
    """The wall photo on a page of `width` x `height` (the poster's own page, with its bleed and boxes for a print
    shop: `press`), with a heading; False (no page drawn) when the journey has none, or not its bytes."""
    photo = journey.wall_photo
    if photo is None or photo.data is None:
        return False
    begin_page(c, width, height, press)
    heading = f"{label('wall_photo', Language(journey.language))} · {journey.title}"
    size = _HEADING
    fonts = FontMetrics(size, True)
    room = width - 2 * _MARGIN
    shown = fonts.elide(heading, room) if fonts.width(heading) > room else heading
    c.setFillColorRGB(*rgb(style.INK))
    x = _MARGIN
    for name, run in font_runs(shown, True):  # the fallback fonts for what DejaVu Sans lacks, as the map's text
        c.setFont(name, size)
        c.drawString(x, height - _MARGIN - size, run)
        x += c.stringWidth(run, name, size)
    area = Rect(_MARGIN, _MARGIN, room, height - 3 * _MARGIN - size)
    box = fitted(area, photo.width, photo.height)
    c.drawImage(_reader(photo), box.x, box.y, box.width, box.height)
    c.restoreState()
    c.showPage()
    return True


def _reader(image: ImageRef) -> ImageReader:
    assert image.data is not None
    return ImageReader(io.BytesIO(image.data))


__all__ = ["draw_thumbnail", "draw_wall_page"]

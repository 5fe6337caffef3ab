"""The deck's drawing primitives on python-pptx: text boxes whose every run names the poster's typeface with a
common fallback, filled and outlined boxes, a picture fitted into a box. User text is always set as a run's plain
text (python-pptx escapes it for XML), never read as markup; a line break in it starts a new paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.shapetree import SlideShapes
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from cjmapper.style import INK, RGB, rgb
from cjmapper.text import FONT_FAMILY

FONT = FONT_FAMILY
"""The typeface the canvas and the poster set every word in (DejaVu Sans)."""
FALLBACK_PITCH_FAMILY = "34"
"""DrawingML's pitch and family of a variable-width sans-serif face (0x22): a viewer without DejaVu Sans sets the text
in its own common sans-serif (Arial, Helvetica, Liberation Sans) instead of a serif default."""


@dataclass(frozen=True)
class Run:
    """A run of text in one style."""

    text: str
    size: float
    bold: bool = False
    colour: str | RGB = INK


Paragraph = Sequence[Run]


def colour(value: str | RGB) -> RGBColor:
    red, green, blue = rgb(value) if isinstance(value, str) else value
    return RGBColor(round(red * 255), round(green * 255), round(blue * 255))  # type: ignore[no-untyped-call]


def text_box(
    shapes: SlideShapes,
    box: tuple[float, float, float, float],
    paragraphs: Sequence[Paragraph],
    *,
    name: str = "",
    padding: float = 0.0,
    fill: str | RGB | None = None,
    line: str | RGB | None = None,
    line_width: float = 1.0,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    spacing: float = 0.0,
) -> Shape:
    """A text box at `box` (x, y, width, height in points) holding `paragraphs`, wrapped in its width, its size
    fixed (PowerPoint neither grows it nor shrinks the text)."""
    x, y, width, height = box
    shape = shapes.add_textbox(Pt(x), Pt(y), Pt(width), Pt(height))
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Pt(padding)
    fill_text(frame, paragraphs, align, spacing)
    if fill is not None:
        shape.fill.solid()
        shape.fill.fore_color.rgb = colour(fill)
    if line is not None:
        shape.line.color.rgb = colour(line)
        shape.line.width = Pt(line_width)
    return shape


def fill_text(frame: TextFrame, paragraphs: Sequence[Paragraph], align: PP_ALIGN, spacing: float = 0.0) -> None:
    """Set `frame`'s text to `paragraphs`; a run's line breaks split its paragraph, so each line is a paragraph."""
    lines: list[list[Run]] = []
    for paragraph in paragraphs:
        current: list[Run] = []
        lines.append(current)
        for run in paragraph:
            pieces = run.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            current.append(Run(pieces[0], run.size, run.bold, run.colour))
            for piece in pieces[1:]:
                current = [Run(piece, run.size, run.bold, run.colour)]
                lines.append(current)
    for index, runs in enumerate(lines):
        target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        target.alignment = align
        if index and spacing:
            target.space_before = Pt(spacing)
        for run in runs:
            if not run.text:
                continue
            added = target.add_run()
            added.text = run.text
            font = added.font
            font.size = Pt(run.size)
            font.bold = run.bold
            font.name = FONT
            font.color.rgb = colour(run.colour)
            latin = added._r.get_or_add_rPr().find("{http://schemas.openxmlformats.org/drawingml/2006/main}latin")
            if latin is not None:
                latin.set("pitchFamily", FALLBACK_PITCH_FAMILY)


def rectangle(shapes: SlideShapes, box: tuple[float, float, float, float], fill: str | RGB, name: str = "") -> Shape:
    """A filled rectangle without an outline (a colour band)."""
    from pptx.enum.shapes import MSO_SHAPE

    x, y, width, height = box
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(x), Pt(y), Pt(width), Pt(height))
    if name:
        shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = colour(fill)
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def picture(shapes: SlideShapes, data: bytes, box: tuple[float, float, float, float], name: str = "") -> None:
    """The picture `data` (PNG) as large as fits in `box` keeping its shape, centred there."""
    x, y, width, height = box
    shape = shapes.add_picture(BytesIO(data), Pt(x), Pt(y))
    native_width, native_height = shape.width, shape.height
    scale = min(Pt(width) / native_width, Pt(height) / native_height)
    shown_width, shown_height = Emu(int(native_width * scale)), Emu(int(native_height * scale))
    shape.width, shape.height = shown_width, shown_height
    shape.left = Emu(int(Pt(x) + (Pt(width) - shown_width) / 2))
    shape.top = Emu(int(Pt(y) + (Pt(height) - shown_height) / 2))
    if name:
        shape.name = name

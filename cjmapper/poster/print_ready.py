"""Posters for a print shop: a bleed around the trimmed page, the page boxes a shop's preflight reads, crop marks, and
colour defined by an sRGB output intent.

A poster page is drawn in its trimmed size, as ever; with a bleed the PDF page grows by a slug on every side that holds
the bleed (the page background carried past the trim, so a trimming blade a hair off leaves no white edge) and, just
outside the bleed, the crop marks. Every page then says where it is to be trimmed (TrimBox) and how far the
background runs (BleedBox). `--print-shop` asks for all of it at once, the way a PDF/X-4 preflight expects: a 3 mm
bleed, crop marks, the output intent, every font embedded (cjmapper's posters always embed theirs) and no
transparency (the heat view's tinted cells are blended to solid colours). The file does not claim PDF/X conformance
(it has no XMP metadata); a shop's preflight finds what PDF/X asks of the page itself.

Every poster, bleed or not, carries the sRGB output intent: the colours it draws are sRGB, and now the file says so.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase.pdfdoc import (  # type: ignore[import-untyped]
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper.errors import CjmapperError
from cjmapper.messages import amount, say
from cjmapper.poster.paper import MAX_BLEED_MM, MM, SHOP_BLEED_MM

MARK_LENGTH_MM = 5.0
"""How long a crop mark is."""
MARK_GAP_MM = 3.0
"""The least distance between the trim and a crop mark (a mark never reaches into the bleed)."""
MARK_WIDTH = 0.25
"""A crop mark's line width in points (a hairline that still prints)."""
PDF_VERSION = (1, 6)
"""The PDF version written: output intents (1.4) with a version 4 ICC profile (1.5), as PDF/X-4 (1.6) has it."""
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@dataclass(frozen=True, slots=True)
class Press:
    """How a poster is prepared for printing."""

    bleed: float = 0.0
    """The bleed around the trimmed page, in points (0: none)."""
    marks: bool = False
    """Crop marks outside the bleed at each corner of the trim."""
    flat: bool = False
    """No transparency: what would be drawn see-through is blended to a solid colour first."""
    shop: bool = False
    """The print-shop preset (PDF/X-4-like): a page has a TrimBox and no ArtBox, as PDF/X allows one of the two."""

    @property
    def slug(self) -> float:
        """How far the PDF page reaches past the trim on every side (points): the bleed, and the crop marks beyond."""
        if not self.marks:
            return self.bleed
        return max(self.bleed, MARK_GAP_MM * MM) + (MARK_LENGTH_MM + 1.0) * MM


PLAIN = Press()
"""A poster as cjmapper has always printed it: the trimmed page alone."""


def press_for(bleed_mm: float | None, print_shop: bool) -> Press:
    """The preparation a user asked for: `bleed_mm` (None: not given) and the `--print-shop` preset. A bleed alone
    brings its page boxes and crop marks; the preset adds a 3 mm bleed where none is given, and no transparency."""
    if bleed_mm is not None and not 0 <= bleed_mm <= MAX_BLEED_MM:
        raise CjmapperError(
            say(
                "a bleed of {0} mm is not possible: give 0 to {1} mm (3 mm is usual)",
                amount(bleed_mm),
                amount(MAX_BLEED_MM),
            )
        )
    if bleed_mm is None:
        bleed_mm = SHOP_BLEED_MM if print_shop else 0.0
    if print_shop:
        return Press(bleed_mm * MM, marks=True, flat=True, shop=True)
    if bleed_mm == 0:
        return PLAIN
    return Press(bleed_mm * MM, marks=True)


def begin_page(c: Canvas, width: float, height: float, press: Press, background: str = "#ffffff") -> None:
    """Start a page whose trimmed size is `width` x `height` points: the PDF page with its slug, the boxes, the
    background carried into the bleed and the crop marks; the drawing origin is then the trimmed page's lower left
    corner, as without a bleed. The caller ends the page with `c.restoreState()` and `c.showPage()`."""
    slug = press.slug
    c.setPageSize((width + 2 * slug, height + 2 * slug))
    if press is not PLAIN:
        trim = [slug, slug, slug + width, slug + height]
        bleed = [slug - press.bleed, slug - press.bleed, slug + width + press.bleed, slug + height + press.bleed]
        c.setTrimBox(trim)
        c.setBleedBox(bleed)
        if not press.shop:
            c.setArtBox(trim)
    c.saveState()
    if press.bleed > 0:
        c.setFillColor(background)
        c.rect(bleed[0], bleed[1], bleed[2] - bleed[0], bleed[3] - bleed[1], stroke=0, fill=1)
    if press.marks:
        _crop_marks(c, slug, width, height, press)
    c.translate(slug, slug)


def _crop_marks(c: Canvas, slug: float, width: float, height: float, press: Press) -> None:
    gap = max(press.bleed, MARK_GAP_MM * MM)
    length = MARK_LENGTH_MM * MM
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(MARK_WIDTH)
    for x in (slug, slug + width):
        for y in (slug, slug + height):
            out_x = -1 if x == slug else 1
            out_y = -1 if y == slug else 1
            # One mark along the trim's vertical edge line (above or below the corner), one along its horizontal one.
            c.line(x, y + out_y * gap, x, y + out_y * (gap + length))
            c.line(x + out_x * gap, y, x + out_x * (gap + length), y)
    c.restoreState()


def mark_output_intent(c: Canvas) -> None:
    """Say in `c`'s document that its colours are sRGB: an output intent with an embedded sRGB ICC profile."""
    profile = PDFStream(content=srgb_profile(), filters=None)
    profile.dictionary["N"] = 3
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFX"),
            "OutputCondition": PDFString(OUTPUT_CONDITION),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
            "RegistryName": PDFString("http://www.color.org"),
            "Info": PDFString(OUTPUT_CONDITION),
            "DestOutputProfile": c._doc.Reference(profile),
        }
    )
    catalog = c._doc.Catalog
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (made by LittleCMS through Pillow), the same bytes in every run: LittleCMS stamps the
    time of making into its header, set to a fixed date here so that the same journey makes the same poster (its
    profile ID stays zero, "not calculated", as LittleCMS leaves it)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
    return bytes(data)


def blend(colour: str, alpha: float, under: str) -> str:
    """`colour` drawn with opacity `alpha` over `under`, as one solid colour (#rrggbb): transparency flattened."""
    top = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    bottom = [int(under[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(alpha * t + (1 - alpha) * b) for t, b in zip(top, bottom, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)

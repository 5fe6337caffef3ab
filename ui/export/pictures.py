"""PNG and SVG pictures of a whole journey, drawn by the canvas itself.

`save_picture(document, path, fmt, dpi)` makes a fresh `JourneyScene` for the document (so no selection, hover,
drop line or inline editor shows), renders its whole scene rect (the map plus the scene's margin, on the canvas
background) between the poster's title block and legend (`picture_page`; `chrome=False` leaves them off), with the
map's words in the journey's language, and writes the file atomically. One scene unit is one pixel at 100% zoom on
a 96-dpi screen, so a PNG at `dpi` has `page units * dpi / 96` pixels and prints at the map's on-screen size; the
SVG is sized in the same units (its width and height in millimetres match the PNG's printed size), draws the icons
as paths and carries every glyph as an outline, its text invisible over them (`svg_glyphs`): it needs no font.

With `heat` the picture shows the heat view as the canvas does (`ui.canvas.heat_items`: cells and cards coloured by
their distance from the survey targets), and the legend its key.

Cards paint in full detail in every picture: a PNG below 96 dpi is drawn at 96 dpi (in bands, to bound memory) and
scaled down smoothly, because the canvas items draw plain blocks when the painter's scale is small.

`export_picture(library, journey_id, path, fmt, dpi, chrome, heat)` is the command line's entry: it makes sure a
QApplication exists (headless unless `QT_QPA_PLATFORM` says otherwise) and opens the journey read-only as a document.

Call these on the GUI thread: the scene is a QGraphicsScene.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.file_names import replace_file
from cjmapper.layout import Layout, Metrics, compute_layout
from cjmapper.messages import number, say
from cjmapper.model import Journey
from cjmapper.store import Library
from cjmapper.survey.commands import poster_heat

if TYPE_CHECKING:
    from cjmapper.poster.heat import HeatMarks

from ..canvas.heat_items import HeatCardsItem, HeatCellsItem
from ..canvas.painting import SCENE_BACKGROUND
from ..canvas.scene import SCENE_MARGIN, JourneyScene
from ..canvas.theme import LIGHT
from ..editing.document import JourneyDocument
from . import png_tags
from .picture_page import JourneyWords, PicturePage, paint_chrome, picture_page
from .svg_glyphs import self_contained

DEFAULT_DPI = 150
"""The resolution of a PNG when none is chosen: sharp on paper and on a high-dpi screen, still a few megabytes."""
MIN_DPI = 30
MAX_DPI = 1200
"""The resolutions offered (the command line checks the same range)."""
SCREEN_DPI = 96
"""One scene unit is one pixel at this resolution (the canvas at 100% zoom)."""
FORMATS = ("png", "svg")
PICTURE_ASPECT = 2**0.5
"""The shape (width / height) a picture's cells flow to: a landscape A-size page, like a poster's."""

MAX_PIXELS = 1 << 28
"""The most pixels a PNG may have (268 million: 1 GiB while it is drawn)."""
MAX_SIDE = 1_000_000
"""The longest side a PNG may have, in pixels (libpng's limit)."""
BAND_PIXELS = 1 << 24
"""Pixels drawn at a time when a low-dpi PNG is drawn at 96 dpi and scaled down."""
PNG_QUALITY = 80
"""Qt's PNG "quality" 80 is zlib level 1: files about a fifth larger than at the default level, written about 40%
faster (encoding takes most of the time of a large PNG)."""

_Draw = Callable[[JourneyScene, PicturePage], bytes]

_app: QApplication | None = None
"""The application export_picture made, kept for the rest of the process."""


def picture_size(document: JourneyDocument, dpi: int, chrome: bool = True) -> tuple[int, int]:
    """(width, height) in pixels of a PNG of the document's journey at `dpi` (with its title block and legend)."""
    width, height = _page_size(document.journey, chrome)
    return _pixels(width, dpi), _pixels(height, dpi)


def map_origin(document: JourneyDocument, chrome: bool = True) -> tuple[float, float]:
    """Where the map's top left corner (the layout's origin) lies in a picture, in page units (pixels at 96 dpi)."""
    page = _page(document.journey, *_scene_size(document.journey), chrome)
    return SCENE_MARGIN, page.map_top + SCENE_MARGIN


def save_picture(
    document: JourneyDocument,
    path: Path,
    fmt: str,
    dpi: int = DEFAULT_DPI,
    chrome: bool = True,
    heat: bool = False,
) -> None:
    """Write a picture of the whole journey to `path`: "png" at `dpi`, or "svg" (scene units; `dpi` unused); with
    the poster's title block and legend unless `chrome` is False; with the heat view (and its key) when `heat`.

    The file is replaced atomically: it holds either what it held before or the whole new picture. Raises
    CjmapperError, with one sentence for the user, for an unknown format, a dpi out of range, a PNG with too many
    pixels (naming the largest dpi that fits) and a file that cannot be written."""
    kind = fmt.lower()
    if kind not in FORMATS:
        raise CjmapperError(say("cannot make a picture in the format {0}: choose png or svg", repr(fmt)))
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise CjmapperError(say("cannot write {0}: the folder {1} does not exist", path, path.parent))
    if path.is_dir():
        raise CjmapperError(say("cannot write {0}: {1}", path, say("it is a folder")))
    marks = poster_heat(document.library, document.journey) if heat else None
    key = None if marks is None else marks.metrics
    if kind == "png":
        _check_dpi(document, dpi, chrome, key)
        data = _render(document, lambda scene, page: _png(scene, page, dpi), chrome, marks)
    else:
        data = _render(document, _svg, chrome, marks)
    _write_atomically(path, data)


def export_picture(
    library: Library,
    journey_id: int,
    path: Path,
    fmt: str,
    dpi: int = DEFAULT_DPI,
    chrome: bool = True,
    heat: bool = False,
) -> None:
    """save_picture() for the command line: a QApplication is made when there is none (on Qt's offscreen
    platform unless QT_QPA_PLATFORM names another, so no display is needed), and the journey is opened as a
    document only to be drawn."""
    _ensure_application()
    save_picture(JourneyDocument(library, journey_id), path, fmt, dpi, chrome, heat)


# ---------------------------------------------------------------------- sizes


def _picture_layout(journey: Journey) -> Layout:
    """The map as a picture shows it: its cells flowed to `PICTURE_ASPECT`."""
    return compute_layout(journey, Metrics(), aspect=PICTURE_ASPECT)


def _scene_size(journey: Journey) -> tuple[float, float]:
    """The scene rect's size, as JourneyScene sets it (the layout plus the margin on each side)."""
    layout = _picture_layout(journey)
    return layout.width + 2 * SCENE_MARGIN, layout.height + 2 * SCENE_MARGIN


def _page(
    journey: Journey, width: float, height: float, chrome: bool, heat: tuple[str, ...] | None = None
) -> PicturePage:
    return picture_page(journey, width, height, SCENE_MARGIN, Metrics().font_size, chrome, heat)


def _page_size(journey: Journey, chrome: bool, heat: tuple[str, ...] | None = None) -> tuple[float, float]:
    page = _page(journey, *_scene_size(journey), chrome, heat)
    return page.width, page.height


def _pixels(units: float, dpi: int) -> int:
    return max(1, math.ceil(units * dpi / SCREEN_DPI - 1e-6))


def _fits(width: float, height: float, dpi: int) -> bool:
    w, h = _pixels(width, dpi), _pixels(height, dpi)
    return w * h <= MAX_PIXELS and max(w, h) <= MAX_SIDE


def largest_dpi(document: JourneyDocument, chrome: bool = True) -> int:
    """The highest dpi (at most MAX_DPI) whose PNG of this journey fits the pixel limits; 0 when none does."""
    width, height = _page_size(document.journey, chrome)
    return _largest_dpi(width, height)


def _largest_dpi(width: float, height: float) -> int:
    guess = min(
        MAX_DPI,
        int(SCREEN_DPI * math.sqrt(MAX_PIXELS / (width * height))),
        int(SCREEN_DPI * MAX_SIDE / max(width, height)),
    )
    while guess > 0 and not _fits(width, height, guess):
        guess -= 1
    while guess < MAX_DPI and _fits(width, height, guess + 1):
        guess += 1
    return guess


def _check_dpi(document: JourneyDocument, dpi: int, chrome: bool, heat: tuple[str, ...] | None = None) -> None:
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise CjmapperError(say("a picture's resolution must be {0} to {1} dpi, not {2}", MIN_DPI, MAX_DPI, dpi))
    width, height = _page_size(document.journey, chrome, heat)
    if _fits(width, height, dpi):
        return
    w, h = _pixels(width, dpi), _pixels(height, dpi)
    best = _largest_dpi(width, height)
    hint = (
        say("choose {0} dpi or less", best) if best >= MIN_DPI else say("export a PDF poster or an SVG picture instead")
    )
    if w * h > MAX_PIXELS:
        limit = say("more than the {0} a picture may have", number(MAX_PIXELS))
    else:
        limit = say("more than the {0} pixels a PNG side may have", number(MAX_SIDE))
    raise CjmapperError(
        say(
            "a {0}-dpi picture of this journey would be {1} x {2} pixels, {3}; {4}",
            dpi,
            number(w),
            number(h),
            limit,
            hint,
        )
    )


# ---------------------------------------------------------------------- drawing


def _render(document: JourneyDocument, draw: _Draw, chrome: bool, heat: HeatMarks | None = None) -> bytes:
    """Run `draw` on a fresh scene of the document (its cells flowed as `_picture_layout` flows them, its figures in
    the journey's language; the heat view's `heat` marks over it when given), drawn without item caches, and its
    page; dispose of the scene."""
    scene = JourneyScene(document, metrics=_picture_layout(document.journey).metrics, theme=LIGHT)  # as printed
    try:
        scene.map_words = JourneyWords(document.journey.language)
        scene.card_items()  # every card's item made now (the canvas makes them as they come into view)
        if heat is not None:
            for heat_item in (HeatCellsItem(lambda: scene.layout), HeatCardsItem(lambda: scene.layout)):
                heat_item.set_marks(dict(heat.cards), dict(heat.phases))
                scene.addItem(heat_item)
        for item in scene.items():
            # Cached items would be drawn as pixmaps: blurry in a PNG at another scale, and images in an SVG.
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        source = scene.sceneRect()
        key = None if heat is None else heat.metrics
        return draw(scene, _page(document.journey, source.width(), source.height(), chrome, key))
    finally:
        scene.dispose()  # the scene itself goes with its Python wrapper: nothing else holds it


def _paint_page(painter: QPainter, scene: JourneyScene, page: PicturePage, region: QRectF) -> None:
    """The part `region` of the page (page units; the painter maps them to its device): the title block and
    legend, and the scene in between."""
    paint_chrome(painter, scene.journey, page, date.today())
    source = scene.sceneRect()
    shown = QRectF(0.0, page.map_top, source.width(), source.height()).intersected(region)
    if not shown.isEmpty():
        part = shown.translated(source.left(), source.top() - page.map_top)
        scene.render(painter, shown, part, Qt.AspectRatioMode.IgnoreAspectRatio)


def _png(scene: JourneyScene, page: PicturePage, dpi: int) -> bytes:
    source = QRectF(0.0, 0.0, page.width, page.height)
    scale = dpi / SCREEN_DPI
    width, height = _pixels(source.width(), dpi), _pixels(source.height(), dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise CjmapperError(
            say(
                "there is not enough memory for a {0} x {1}-pixel picture; choose fewer dpi",
                number(width),
                number(height),
            )
        )
    image.fill(SCENE_BACKGROUND)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    journey = scene.journey
    painter = QPainter(image)
    try:
        if scale >= 1:
            _hints(painter)
            painter.scale(scale, scale)
            _paint_page(painter, scene, page, source)
        else:
            _render_scaled_down(scene, page, painter, scale, width, height)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    writer.setQuality(PNG_QUALITY)
    if not writer.write(image):
        raise CjmapperError(say("the picture could not be encoded as PNG ({0})", writer.errorString()))
    return png_tags.tagged(bytes(buffer.data().data()), _png_texts(journey), f"cjmapper {__version__}")


def _png_texts(journey: Journey) -> list[tuple[str, str, str]]:
    """The PNG's title and description chunks (keyword, text, language tag): the title in the journey's language;
    the journey's own description in it, else the English summary the SVG has."""
    own = journey.description.strip()
    description = (own, journey.language.value) if own else (_description(journey), "en")
    return [("Title", journey.title, journey.language.value), ("Description", *description)]


def _render_scaled_down(
    scene: JourneyScene, page: PicturePage, painter: QPainter, scale: float, width: int, height: int
) -> None:
    """Draw the page at 96 dpi (full detail) band by band, each band scaled down smoothly into place."""
    full_width = max(1, round(width / scale))
    rows = max(1, int(BAND_PIXELS / full_width * scale))
    top = 0
    while top < height:
        band = min(rows, height - top)
        full_height = max(1, round(band / scale))
        image = QImage(full_width, full_height, QImage.Format.Format_RGB32)
        if image.isNull():
            raise CjmapperError(say("there is not enough memory to draw the picture"))
        image.fill(SCENE_BACKGROUND)
        band_painter = QPainter(image)
        try:
            _hints(band_painter)
            region = QRectF(0.0, top / scale, width / scale, band / scale)
            band_painter.scale(full_width / region.width(), full_height / region.height())
            band_painter.translate(-region.left(), -region.top())
            _paint_page(band_painter, scene, page, region)
        finally:
            band_painter.end()
        smaller = image.scaled(
            width, band, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawImage(0, top, smaller)
        top += band


def _svg(scene: JourneyScene, page: PicturePage) -> bytes:
    source = QRectF(0.0, 0.0, page.width, page.height)
    journey = scene.journey
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(math.ceil(source.width() - 1e-6), math.ceil(source.height() - 1e-6)))
    generator.setViewBox(QRectF(0.0, 0.0, source.width(), source.height()))
    generator.setResolution(SCREEN_DPI)
    generator.setTitle(journey.title)
    generator.setDescription(_description(journey))
    painter = QPainter()
    if not painter.begin(generator):
        raise CjmapperError(say("the SVG picture could not be started"))
    try:
        _hints(painter)
        painter.fillRect(source, SCENE_BACKGROUND)
        _paint_page(painter, scene, page, source)
    finally:
        painter.end()
    # Qt copies text into the SVG as it is; the control characters XML 1.0 forbids would make it unreadable.
    written = _XML_FORBIDDEN.sub(b"", bytes(buffer.data().data())).decode("utf-8")
    return self_contained(written).encode("utf-8")


_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""The bytes of the C0 control characters XML 1.0 does not allow (tab, line feed and carriage return it does)."""


def _description(journey: Journey) -> str:
    persona = f", persona {journey.persona.name}" if journey.persona is not None and journey.persona.name else ""
    return (
        f"Customer journey map “{journey.title}”: {len(journey.phases)} phases, {len(journey.lanes)} lanes, "
        f"{len(journey.touchpoints)} touchpoints{persona}. Drawn by cjmapper {__version__}."
    )


def _hints(painter: QPainter) -> None:
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )


# ---------------------------------------------------------------------- files and the application


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` through a temporary file in the same folder and os.replace (`replace_file`): `path` holds its
    old content or all of the new one, never a part."""
    target = path.expanduser()
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        replace_file(target, data)
    except OSError as error:
        raise CjmapperError(say("cannot write {0}: {1}", target, _reason(error))) from None


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return say("its folder does not exist")
    if isinstance(error, PermissionError):
        return say("permission denied")
    if isinstance(error, IsADirectoryError):
        return say("it is a folder")
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def _ensure_application() -> None:
    """A QApplication for drawing: the running one, else a new one, headless unless QT_QPA_PLATFORM is set."""
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return
    if existing is not None:
        raise CjmapperError(say("pictures need a Qt GUI application, but a non-GUI one is running"))
    argv = ["cjmapper"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QApplication(argv)
    _app.setApplicationName("cjmapper")
    _app.setApplicationVersion(__version__)

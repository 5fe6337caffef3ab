"""cjmapper's own line icons (resources/icons/): one per catalogue channel, one per lane kind, and the app icon.

Every icon is a 24x24 SVG drawn with a 2px dark slate stroke. QIcons and pixmaps are made once and cached, so
the canvas can ask for a channel's pixmap on every paint. A channel that is not in the catalogue (free text) or
no channel at all gets the generic tag icon (`channels/other.svg`).

Needs a QGuiApplication (QIcon and QPixmap do).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from cjmapper.channels import CHANNELS, channel
from cjmapper.model import LaneKind
from cjmapper.resources import resource

OTHER_CHANNEL_ICON = "other"
"""The icon of free-text channels and of cards without a channel."""

ICON_STROKE = "#33415c"
"""The stroke colour of every line icon."""


def icons_folder() -> Path:
    return resource("icons")


def channel_icon_name(key: str | None) -> str:
    """The icon name (file stem under icons/channels/) for a touchpoint's channel: catalogue key or free text."""
    entry = channel(key)
    return entry.icon if entry is not None else OTHER_CHANNEL_ICON


def channel_icon_path(key: str | None) -> Path:
    return icons_folder() / "channels" / f"{channel_icon_name(key)}.svg"


def lane_icon_path(kind: LaneKind | str) -> Path:
    """Raises ValueError for a string that is not a lane kind."""
    try:
        value = LaneKind(kind).value
    except ValueError:
        kinds = ", ".join(k.value for k in LaneKind)
        raise ValueError(f"{kind!r} is not a lane kind; the kinds are {kinds}.") from None
    return icons_folder() / "lanes" / f"{value}.svg"


def app_icon_path() -> Path:
    return icons_folder() / "cjmapper.svg"


@cache
def _icon(path: Path, tint: str | None = None) -> QIcon:
    icon = QIcon(str(path)) if tint is None else QIcon()  # Qt's SVG icon engine: sharp at every size
    if icon.isNull():  # tinted, or no SVG icon engine plugin: pixmaps rendered here
        icon = QIcon()
        for size in (16, 24, 32, 48, 64, 128):
            icon.addPixmap(QPixmap.fromImage(_render(path, size, 1.0, tint)))
    return icon


def icon_tint(palette: QPalette) -> str | None:
    """The colour ("#rrggbb") to draw the line icons in on `palette`'s base: its text colour where the base is
    darker than the text (a dark palette), else None (as drawn, dark slate)."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return text.name() if base.lightnessF() < text.lightnessF() else None


def channel_icon(key: str | None, tint: str | None = None) -> QIcon:
    """The icon of a channel: its catalogue icon, or the generic tag icon for free text and None; `tint`: its
    strokes in that colour (`icon_tint`)."""
    return _icon(channel_icon_path(key), tint)


def lane_icon(kind: LaneKind | str) -> QIcon:
    """The icon of a lane kind. Raises ValueError for a string that is not a lane kind."""
    return _icon(lane_icon_path(kind))


def app_icon() -> QIcon:
    return _icon(app_icon_path())


def _render(path: Path, size: int, device_pixel_ratio: float, tint: str | None = None) -> QImage:
    pixels = max(1, round(size * device_pixel_ratio))
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise ValueError(f"{path} is not a valid SVG icon.")
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        if tint is not None:  # every stroke in this colour (a dark canvas): keep the shape, replace the colour
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(QRectF(0, 0, pixels, pixels), QColor(tint))
    finally:
        painter.end()
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


@cache
def _pixmap(path: Path, size: int, device_pixel_ratio: float, tint: str | None = None) -> QPixmap:
    return QPixmap.fromImage(_render(path, size, device_pixel_ratio, tint))


def channel_pixmap(key: str | None, size: int, device_pixel_ratio: float = 1.0, tint: str | None = None) -> QPixmap:
    """A channel's icon as a `size` x `size` (logical pixels) pixmap for painting, cached per icon, size, device
    pixel ratio and tint (pass the paint device's `devicePixelRatioF()` for sharp icons on high-DPI screens; `tint`,
    "#rrggbb", draws the strokes in that colour instead of dark slate: on a dark background)."""
    if size <= 0:
        raise ValueError(f"An icon size must be positive, not {size}.")
    return _pixmap(channel_icon_path(key), size, float(device_pixel_ratio), tint)


def lane_pixmap(kind: LaneKind | str, size: int, device_pixel_ratio: float = 1.0, tint: str | None = None) -> QPixmap:
    """A lane kind's icon as a pixmap, cached and tinted like `channel_pixmap`."""
    if size <= 0:
        raise ValueError(f"An icon size must be positive, not {size}.")
    return _pixmap(lane_icon_path(kind), size, float(device_pixel_ratio), tint)


def all_icon_paths() -> list[Path]:
    """Every icon cjmapper uses: each catalogue channel, the generic channel, each lane kind and the app icon."""
    paths = [channel_icon_path(c.key) for c in CHANNELS]
    paths.append(channel_icon_path(None))
    paths += [lane_icon_path(kind) for kind in LaneKind]
    paths.append(app_icon_path())
    return paths


@cache
def svg_renderer(path: Path) -> QSvgRenderer | None:
    """An icon's drawing, for painting it as vectors (into an SVG picture); None when it cannot be read."""
    renderer = QSvgRenderer(str(path))
    return renderer if renderer.isValid() else None


def clear_icon_cache() -> None:
    """Forget every cached icon and pixmap (e.g. before the QApplication goes)."""
    _icon.cache_clear()
    _pixmap.cache_clear()
    svg_renderer.cache_clear()

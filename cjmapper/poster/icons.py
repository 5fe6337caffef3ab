"""The canvas' channel and lane icons (resources/icons/) for the PDF poster, each drawn once per canvas as a form.

The icons are cjmapper's own small SVG line icons, read by a parser for exactly the subset they use: a root <svg>
with a viewBox, and <circle>, <ellipse>, <rect> (with rx/ry) and <path> (M L H V C S A Z, absolute and relative)
under it; each may carry fill, stroke (hex colours or none), stroke-width, stroke-linecap and stroke-linejoin.
Anything else (other elements or attributes, transforms, styles, opacity, DOCTYPE or entity declarations, files
over 64 KB) is refused: the icon is then left out of the poster, never an error. (Opacity would need an ExtGState,
and reportlab does not write a form's ExtGState resources.) Parsing yields neutral drawing ops in the icon's own
coordinates; arcs, circles, ellipses and rounded corners become cubic Béziers.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper.channels import channel as catalogue_channel
from cjmapper.model import LaneKind
from cjmapper.resources import resource
from cjmapper.style import RGB

MAX_ICON_BYTES = 64 * 1024
"""Larger files are refused unread."""

OTHER_CHANNEL_ICON = "other"
"""The icon of a free-text channel (as on the canvas)."""

SVG_NS = "http://www.w3.org/2000/svg"

KAPPA = 4 * (math.sqrt(2) - 1) / 3
"""Control-point distance of a quarter circle of radius 1 drawn as one cubic."""


class IconError(ValueError):
    """An icon file outside the supported SVG subset, or not an SVG at all."""


# ------------------------------------------------------------------ drawing ops


class MoveTo(NamedTuple):
    x: float
    y: float


class LineTo(NamedTuple):
    x: float
    y: float


class CurveTo(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    x: float
    y: float


class Close(NamedTuple):
    pass


Op = MoveTo | LineTo | CurveTo | Close

CAPS = {"butt": 0, "round": 1, "square": 2}
"""SVG stroke-linecap to PDF line cap."""

JOINS = {"miter": 0, "round": 1, "bevel": 2}
"""SVG stroke-linejoin to PDF line join."""


@dataclass(frozen=True, slots=True)
class Paint:
    """How a shape is drawn; colours are None for "none"."""

    stroke: RGB | None = None
    fill: RGB | None = (0.0, 0.0, 0.0)
    width: float = 1.0
    cap: int = 0
    join: int = 0


@dataclass(frozen=True, slots=True)
class Shape:
    paint: Paint
    ops: tuple[Op, ...]


@dataclass(frozen=True, slots=True)
class Icon:
    """An icon's shapes in its viewBox coordinates (y grows downwards)."""

    view_box: tuple[float, float, float, float]
    """min x, min y, width, height."""
    shapes: tuple[Shape, ...]


# ------------------------------------------------------------------ numbers, colours, attributes

_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SEPARATORS = " \t\r\n,"


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise IconError("A number is out of range.")
    return value


def _number(text: str) -> float:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        raise IconError(f"{text[:20]!r} is not a plain number.")
    return _finite(float(text))


def _colour(text: str) -> RGB | None:
    text = text.strip().lower()
    if text == "none":
        return None
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        return (int(text[1] * 2, 16) / 255, int(text[2] * 2, 16) / 255, int(text[3] * 2, 16) / 255)
    if re.fullmatch(r"#[0-9a-f]{6}", text):
        return (int(text[1:3], 16) / 255, int(text[3:5], 16) / 255, int(text[5:7], 16) / 255)
    raise IconError(f"Unsupported colour {text[:20]!r}.")


def _keyword(text: str, table: dict[str, int]) -> int:
    value = table.get(text.strip())
    if value is None:
        raise IconError(f"Unsupported value {text[:20]!r}.")
    return value


def _paint(element: ET.Element, inherited: Paint) -> Paint:
    """`inherited` with the element's presentation attributes applied."""
    stroke, fill, width, cap, join = inherited.stroke, inherited.fill, inherited.width, inherited.cap, inherited.join
    if "stroke" in element.attrib:
        stroke = _colour(element.attrib["stroke"])
    if "fill" in element.attrib:
        fill = _colour(element.attrib["fill"])
    if "stroke-width" in element.attrib:
        width = _number(element.attrib["stroke-width"])
        if width < 0:
            raise IconError("A stroke width is negative.")
    if "stroke-linecap" in element.attrib:
        cap = _keyword(element.attrib["stroke-linecap"], CAPS)
    if "stroke-linejoin" in element.attrib:
        join = _keyword(element.attrib["stroke-linejoin"], JOINS)
    return Paint(stroke, fill, width, cap, join)


_PAINT_ATTRIBUTES = frozenset({"fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "id"})
_ALLOWED = {
    "svg": _PAINT_ATTRIBUTES | {"width", "height", "viewBox", "version"},
    "circle": _PAINT_ATTRIBUTES | {"cx", "cy", "r"},
    "ellipse": _PAINT_ATTRIBUTES | {"cx", "cy", "rx", "ry"},
    "rect": _PAINT_ATTRIBUTES | {"x", "y", "width", "height", "rx", "ry"},
    "path": _PAINT_ATTRIBUTES | {"d"},
}
"""Elements of the subset and their attributes; anything else is refused (style, transform, href, on...)."""


def _tag(element: ET.Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        raise IconError("Unsupported XML node.")
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        if namespace != SVG_NS:
            raise IconError(f"Unsupported namespace {namespace[:40]!r}.")
        tag = local
    allowed = _ALLOWED.get(tag)
    if allowed is None:
        raise IconError(f"Unsupported element <{tag[:20]}>.")
    for name in element.attrib:
        if name not in allowed:
            raise IconError(f"Unsupported attribute {name[:40]!r} on <{tag}>.")
    if (element.text or "").strip() or (element.tail or "").strip():
        raise IconError(f"Unexpected text in <{tag}>.")
    return tag


def _length(element: ET.Element, name: str, default: float | None = 0.0) -> float:
    text = element.attrib.get(name)
    if text is None:
        if default is None:
            raise IconError(f"Missing attribute {name!r}.")
        return default
    return _number(text)


# ------------------------------------------------------------------ shapes


def _ellipse_ops(cx: float, cy: float, rx: float, ry: float) -> list[Op]:
    """A closed ellipse as four cubics, starting at its right-most point."""
    kx, ky = KAPPA * rx, KAPPA * ry
    return [
        MoveTo(cx + rx, cy),
        CurveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        CurveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
        CurveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        CurveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        Close(),
    ]


def _rect_ops(x: float, y: float, w: float, h: float, rx: float, ry: float) -> list[Op]:
    """A closed rectangle; rounded corners (rx, ry > 0) as quarter-ellipse cubics."""
    if rx <= 0 or ry <= 0:
        return [MoveTo(x, y), LineTo(x + w, y), LineTo(x + w, y + h), LineTo(x, y + h), Close()]
    kx, ky = (1 - KAPPA) * rx, (1 - KAPPA) * ry
    right, bottom = x + w, y + h
    return [
        MoveTo(x + rx, y),
        LineTo(right - rx, y),
        CurveTo(right - kx, y, right, y + ky, right, y + ry),
        LineTo(right, bottom - ry),
        CurveTo(right, bottom - ky, right - kx, bottom, right - rx, bottom),
        LineTo(x + rx, bottom),
        CurveTo(x + kx, bottom, x, bottom - ky, x, bottom - ry),
        LineTo(x, y + ry),
        CurveTo(x, y + ky, x + kx, y, x + rx, y),
        Close(),
    ]


def _element_ops(tag: str, element: ET.Element) -> list[Op]:
    """The ops of one shape element; [] for a shape SVG does not render (zero radius or size)."""
    if tag == "path":
        return path_ops(element.attrib.get("d", ""))
    if tag == "circle":
        r = _length(element, "r", None)
        if r < 0:
            raise IconError("A circle's radius is negative.")
        return _ellipse_ops(_length(element, "cx"), _length(element, "cy"), r, r) if r > 0 else []
    if tag == "ellipse":
        rx, ry = _length(element, "rx", None), _length(element, "ry", None)
        if rx < 0 or ry < 0:
            raise IconError("An ellipse's radius is negative.")
        return _ellipse_ops(_length(element, "cx"), _length(element, "cy"), rx, ry) if rx > 0 and ry > 0 else []
    # rect
    w, h = _length(element, "width", None), _length(element, "height", None)
    rx_text, ry_text = element.attrib.get("rx"), element.attrib.get("ry")
    given_x = _number(rx_text) if rx_text is not None else None
    given_y = _number(ry_text) if ry_text is not None else None
    if w < 0 or h < 0 or (given_x is not None and given_x < 0) or (given_y is not None and given_y < 0):
        raise IconError("A rectangle's size or radius is negative.")
    if w == 0 or h == 0:
        return []
    corner_x = given_x if given_x is not None else given_y if given_y is not None else 0.0  # one given: both
    corner_y = given_y if given_y is not None else corner_x
    x, y = _length(element, "x"), _length(element, "y")
    return _rect_ops(x, y, w, h, min(corner_x, w / 2), min(corner_y, h / 2))


# ------------------------------------------------------------------ paths


class _Scanner:
    """Reads the numbers, flags and command letters of path data."""

    def __init__(self, data: str) -> None:
        self.data = data
        self.i = 0

    def _skip(self) -> None:
        data, i = self.data, self.i
        while i < len(data) and data[i] in _SEPARATORS:
            i += 1
        self.i = i

    def done(self) -> bool:
        self._skip()
        return self.i >= len(self.data)

    def command(self) -> str | None:
        """The next command letter (consumed), or None when a number follows (an implicit repeat)."""
        self._skip()
        char = self.data[self.i]
        if char.isalpha() and char not in "eE":
            self.i += 1
            return char
        return None

    def number(self) -> float:
        self._skip()
        match = _NUMBER.match(self.data, self.i)
        if match is None:
            raise IconError(f"Expected a number in path data at {self.i}.")
        self.i = match.end()
        return _finite(float(match.group()))

    def flag(self) -> bool:
        """An arc flag: a single 0 or 1, possibly run into the next number ("a1 1 0 011 1")."""
        self._skip()
        char = self.data[self.i : self.i + 1]
        if char not in ("0", "1"):
            raise IconError(f"Expected an arc flag in path data at {self.i}.")
        self.i += 1
        return char == "1"


_ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "A": 7, "Z": 0}


def arc_ops(
    x1: float,
    y1: float,
    rx: float,
    ry: float,
    rotation: float,
    large_arc: bool,
    sweep: bool,
    x2: float,
    y2: float,
) -> list[Op]:
    """An SVG elliptical arc from (x1, y1) to (x2, y2) as cubics of at most 90° each (SVG 1.1 appendix F.6).

    Radii that are too small to reach the end point are scaled up; a zero radius makes a line; equal end points
    make nothing."""
    if x1 == x2 and y1 == y2:
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [LineTo(x2, y2)]
    phi = math.radians(rotation % 360)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    # F.6.5.1: the start point in the ellipse's unrotated frame, relative to the chord's midpoint
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p = cos_phi * dx + sin_phi * dy
    y1p = -sin_phi * dx + cos_phi * dy
    # F.6.6: scale radii up when no ellipse fits
    scale = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if scale > 1:
        root = math.sqrt(scale)
        rx, ry = rx * root, ry * root
    # F.6.5.2: the centre in that frame
    numerator = (rx * ry) ** 2 - (rx * y1p) ** 2 - (ry * x1p) ** 2
    denominator = (rx * y1p) ** 2 + (ry * x1p) ** 2
    coefficient = math.sqrt(max(0.0, numerator / denominator))
    if large_arc == sweep:
        coefficient = -coefficient
    cxp = coefficient * rx * y1p / ry
    cyp = -coefficient * ry * x1p / rx
    # F.6.5.3: the centre in user space
    cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2
    cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2
    # F.6.5.5-6: start angle and extent, in the direction the sweep flag asks for
    theta1 = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    theta2 = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = theta2 - theta1
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi

    def point(t: float) -> tuple[float, float]:
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        return cos_phi * ex - sin_phi * ey + cx, sin_phi * ex + cos_phi * ey + cy

    def tangent(t: float) -> tuple[float, float]:
        ex, ey = -rx * math.sin(t), ry * math.cos(t)
        return cos_phi * ex - sin_phi * ey, sin_phi * ex + cos_phi * ey

    count = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / count
    k = 4 / 3 * math.tan(step / 4)
    ops: list[Op] = []
    start = theta1
    sx, sy = x1, y1
    for i in range(count):
        end = start + step
        ex, ey = (x2, y2) if i == count - 1 else point(end)
        tx1, ty1 = tangent(start)
        tx2, ty2 = tangent(end)
        ops.append(CurveTo(sx + k * tx1, sy + k * ty1, ex - k * tx2, ey - k * ty2, ex, ey))
        start, sx, sy = end, ex, ey
    return ops


def path_ops(data: str) -> list[Op]:
    """The ops of SVG path data using M L H V C S A Z (absolute or relative, with implicit repeats)."""
    scan = _Scanner(data)
    ops: list[Op] = []
    x = y = 0.0  # current point
    start_x = start_y = 0.0  # current subpath's start
    control: tuple[float, float] | None = None  # the last cubic's second control point, for S
    open_subpath = False  # after Z a drawing command starts a new subpath at the old start
    command: str | None = None

    def begin() -> None:
        nonlocal open_subpath
        if not open_subpath:
            ops.append(MoveTo(x, y))
            open_subpath = True

    while not scan.done():
        letter = scan.command()
        if letter is None:
            if command is None or command in "Zz":
                raise IconError("Path data must start with a command, and Z takes no numbers.")
            letter = {"M": "L", "m": "l"}.get(command, command)  # extra pairs after M are lines
        elif letter.upper() not in _ARGUMENTS:
            raise IconError(f"Unsupported path command {letter!r}.")
        elif command is None and letter not in "Mm":
            raise IconError("Path data must start with M or m.")
        command = letter
        upper = letter.upper()
        relative = letter != upper
        if upper == "Z":
            if open_subpath:
                ops.append(Close())
            x, y, open_subpath, control = start_x, start_y, False, None
            continue
        dx, dy = (x, y) if relative else (0.0, 0.0)
        if upper == "A":
            rx, ry, rotation = scan.number(), scan.number(), scan.number()
            large_arc, sweep = scan.flag(), scan.flag()
            end_x, end_y = scan.number() + dx, scan.number() + dy
            begin()
            ops += arc_ops(x, y, rx, ry, rotation, large_arc, sweep, end_x, end_y)
            x, y, control = end_x, end_y, None
            continue
        values = [scan.number() for _ in range(_ARGUMENTS[upper])]
        if upper == "M":
            x, y = values[0] + dx, values[1] + dy
            start_x, start_y = x, y
            ops.append(MoveTo(x, y))
            open_subpath, control = True, None
            continue
        begin()
        if upper in "LHV":
            if upper == "L":
                x, y = values[0] + dx, values[1] + dy
            elif upper == "H":
                x = values[0] + dx
            else:
                y = values[0] + dy
            ops.append(LineTo(x, y))
            control = None
        elif upper == "C":
            x1, y1, x2, y2 = values[0] + dx, values[1] + dy, values[2] + dx, values[3] + dy
            x, y = values[4] + dx, values[5] + dy
            ops.append(CurveTo(x1, y1, x2, y2, x, y))
            control = (x2, y2)
        else:  # S: the first control point mirrors the previous cubic's second, or is the current point
            x1, y1 = (2 * x - control[0], 2 * y - control[1]) if control is not None else (x, y)
            x2, y2 = values[0] + dx, values[1] + dy
            x, y = values[2] + dx, values[3] + dy
            ops.append(CurveTo(x1, y1, x2, y2, x, y))
            control = (x2, y2)
    return ops


# ------------------------------------------------------------------ documents

_DECLARATION = re.compile(r"<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.IGNORECASE)


def parse_icon(data: bytes) -> Icon:
    """Parse an icon file's bytes. Raises IconError for anything outside the subset."""
    if len(data) > MAX_ICON_BYTES:
        raise IconError(f"An icon may be at most {MAX_ICON_BYTES} bytes.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IconError("An icon must be UTF-8.") from None
    if _DECLARATION.search(text):  # no DTDs: no entity expansion ("billion laughs"), no external entities
        raise IconError("DOCTYPE and entity declarations are not allowed.")
    try:
        root = ET.fromstring(text)
    except (ET.ParseError, ValueError) as error:
        raise IconError(f"Not well-formed XML: {error}") from None
    if _tag(root) != "svg":
        raise IconError("The root element must be <svg>.")
    view_box = _view_box(root)
    paint = _paint(root, Paint())
    shapes: list[Shape] = []
    for element in root:
        tag = _tag(element)
        if tag == "svg" or len(element):
            raise IconError(f"Unsupported nesting in <{tag}>.")
        ops = _element_ops(tag, element)
        if ops:
            shapes.append(Shape(_paint(element, paint), tuple(ops)))
    return Icon(view_box, tuple(shapes))


def _view_box(root: ET.Element) -> tuple[float, float, float, float]:
    text = root.attrib.get("viewBox")
    if text is not None:
        parts = [p for p in re.split(r"[\s,]+", text.strip()) if p]
        if len(parts) != 4:
            raise IconError("A viewBox has four numbers.")
        min_x, min_y, width, height = (_number(p) for p in parts)
    else:
        min_x = min_y = 0.0
        width, height = _length(root, "width", None), _length(root, "height", None)
    if width <= 0 or height <= 0:
        raise IconError("An icon's size must be positive.")
    return min_x, min_y, width, height


def load_icon(path: Path) -> Icon | None:
    """The icon in the file at `path`, or None when it is missing, too large or not in the subset."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_ICON_BYTES + 1)
        return parse_icon(data)
    except (OSError, IconError):
        return None


# ------------------------------------------------------------------ where the icons are


def channel_icon_path(key: str | None, folder: Path | None = None) -> Path | None:
    """The icon file of a touchpoint's channel as the canvas shows it: the catalogue icon, the generic tag icon
    for free text, and None (no icon) when there is no channel."""
    if not key:
        return None
    entry = catalogue_channel(key)
    name = entry.icon if entry is not None else OTHER_CHANNEL_ICON
    return (folder or resource("icons")) / "channels" / f"{name}.svg"


def lane_icon_path(kind: LaneKind, folder: Path | None = None) -> Path:
    return (folder or resource("icons")) / "lanes" / f"{LaneKind(kind).value}.svg"


# ------------------------------------------------------------------ PDF forms


class IconStamps:
    """Icons as PDF forms on one reportlab canvas, each defined once (on first use) and named for `doForm`.

    A form draws its icon in a 1x1 box with the top-left corner at the origin and y negated (icon point (x, y) of
    a 24-unit viewBox lands at (x/24, -y/24)); the caller translates and scales it to the size wanted. A
    non-square viewBox is centred in the box, as SVG's default preserveAspectRatio does."""

    def __init__(self, canvas: Canvas, folder: Path | None = None) -> None:
        self.c = canvas
        self.folder = folder or resource("icons")
        self._names: dict[Path, str | None] = {}

    def channel(self, key: str | None) -> str | None:
        """The form of a touchpoint's channel icon (the tag icon for free text), or None: no channel, no icon."""
        path = channel_icon_path(key, self.folder)
        return self._form(path, "channels") if path is not None else None

    def lane(self, kind: LaneKind) -> str | None:
        """The form of a lane kind's icon, or None when its file is missing or unusable."""
        return self._form(lane_icon_path(kind, self.folder), "lanes")

    def _form(self, path: Path, group: str) -> str | None:
        if path in self._names:
            return self._names[path]
        name: str | None = None
        icon = load_icon(path)
        if icon is not None and icon.shapes:
            name = "cjmIcon_" + re.sub(r"[^A-Za-z0-9]", "_", f"{group}_{path.stem}")
            if not self.c.hasForm(name):  # another IconStamps on this canvas may have defined it
                _define_form(self.c, name, icon)
        self._names[path] = name
        return name


def _define_form(c: Canvas, name: str, icon: Icon) -> None:
    min_x, min_y, width, height = icon.view_box
    scale = 1 / max(width, height)
    offset_x = (1 - width * scale) / 2 - min_x * scale
    offset_y = (1 - height * scale) / 2 - min_y * scale
    left = bottom = math.inf
    right = top = -math.inf
    paths = []
    for shape in icon.shapes:
        p = c.beginPath()
        xs: list[float] = []
        ys: list[float] = []
        for op in shape.ops:
            coords = [v * scale + (offset_y if i % 2 else offset_x) for i, v in enumerate(op)]
            ys += [-v for v in coords[1::2]]
            xs += coords[0::2]
            if isinstance(op, MoveTo):
                p.moveTo(coords[0], -coords[1])
            elif isinstance(op, LineTo):
                p.lineTo(coords[0], -coords[1])
            elif isinstance(op, CurveTo):
                p.curveTo(coords[0], -coords[1], coords[2], -coords[3], coords[4], -coords[5])
            else:
                p.close()
        paint = shape.paint
        line_width = paint.width * scale
        stroked = paint.stroke is not None and line_width > 0
        # a miter join may reach out half the miter limit (PDF's default, 10) times the width
        pad = (line_width * (5 if paint.join == 0 else 1) if stroked else 0) + 0.01
        if xs:
            left, right = min(left, min(xs) - pad), max(right, max(xs) + pad)
            bottom, top = min(bottom, min(ys) - pad), max(top, max(ys) + pad)
        paths.append((p, paint, stroked, line_width))
    if not math.isfinite(left):
        left, bottom, right, top = 0.0, -1.0, 1.0, 0.0
    c.beginForm(name, left, bottom, right, top)
    c.setDash([], 0)  # a form inherits the graphics state where it is placed: set all that strokes use
    c.setMiterLimit(10)
    unset = (-1.0, -1.0, -1.0)
    last = Paint(stroke=unset, fill=unset, width=-1.0, cap=-1, join=-1)
    for p, paint, stroked, line_width in paths:
        if paint.stroke is not None and paint.stroke != last.stroke:
            c.setStrokeColorRGB(*paint.stroke)
        if paint.fill is not None and paint.fill != last.fill:
            c.setFillColorRGB(*paint.fill)
        if line_width != last.width:
            c.setLineWidth(line_width)
        if paint.cap != last.cap:
            c.setLineCap(paint.cap)
        if paint.join != last.join:
            c.setLineJoin(paint.join)
        last = Paint(paint.stroke or last.stroke, paint.fill or last.fill, line_width, paint.cap, paint.join)
        c.drawPath(p, stroke=int(stroked), fill=int(paint.fill is not None), fillMode=0)  # 0: SVG's nonzero
    c.endForm()

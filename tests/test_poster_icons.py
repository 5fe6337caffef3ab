"""The poster's icons: the SVG subset parser (paths, arcs, shapes), its refusals, and the icons as PDF forms."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper.channels import CHANNELS
from cjmapper.model import LaneKind
from cjmapper.poster.icons import (
    MAX_ICON_BYTES,
    Close,
    CurveTo,
    IconError,
    IconStamps,
    LineTo,
    MoveTo,
    Op,
    arc_ops,
    channel_icon_path,
    lane_icon_path,
    load_icon,
    parse_icon,
    path_ops,
)
from cjmapper.resources import resource

ICON_FILES = sorted(resource("icons", "channels").glob("*.svg")) + sorted(resource("icons", "lanes").glob("*.svg"))
HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#33415c" stroke-width="2">'


def svg(body: str, head: str = HEAD) -> bytes:
    return f"{head}{body}</svg>".encode()


def cubic(op: CurveTo, start: tuple[float, float], t: float) -> tuple[float, float]:
    u = 1 - t
    x = u**3 * start[0] + 3 * u * u * t * op.x1 + 3 * u * t * t * op.x2 + t**3 * op.x
    y = u**3 * start[1] + 3 * u * u * t * op.y1 + 3 * u * t * t * op.y2 + t**3 * op.y
    return x, y


def curve_point(start: tuple[float, float], ops: list[Op], s: float) -> tuple[float, float]:
    """The point at parameter s of a chain of cubics: s in [0, len(ops)], each cubic one unit."""
    index = min(int(s), len(ops) - 1)
    point = start
    for op in ops[:index]:
        assert isinstance(op, CurveTo)
        point = (op.x, op.y)
    op = ops[index]
    assert isinstance(op, CurveTo)
    return cubic(op, point, s - index)


def samples(start: tuple[float, float], ops: list[Op], per_curve: int = 16) -> list[tuple[float, float]]:
    return [curve_point(start, ops, i / per_curve) for i in range(len(ops) * per_curve + 1)]


def close(a: tuple[float, float], b: tuple[float, float], tolerance: float = 0.01) -> bool:
    return math.dist(a, b) <= tolerance


# ------------------------------------------------------------------ the shipped icons


def test_icon_folder_has_the_icons() -> None:
    assert len(ICON_FILES) >= len(CHANNELS) + len(LaneKind)


@pytest.mark.parametrize("path", ICON_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_shipped_icon_parses(path: Path) -> None:
    icon = parse_icon(path.read_bytes())
    assert icon.view_box == (0, 0, 24, 24)
    assert icon.shapes
    for shape in icon.shapes:
        assert isinstance(shape.ops[0], MoveTo)
        assert any(isinstance(op, LineTo | CurveTo) for op in shape.ops)
        for op in shape.ops:  # everything stays near the 24x24 box
            assert all(-1 <= value <= 25 for value in op)
    assert load_icon(path) == icon


def test_line_icons_are_slate_strokes() -> None:
    icon = parse_icon(resource("icons", "channels", "website.svg").read_bytes())
    for shape in icon.shapes:
        assert shape.paint.fill is None
        assert shape.paint.stroke == pytest.approx((0x33 / 255, 0x41 / 255, 0x5C / 255))
        assert (shape.paint.width, shape.paint.cap, shape.paint.join) == (2, 1, 1)


def test_every_channel_and_lane_kind_has_an_icon_file() -> None:
    for entry in CHANNELS:
        path = channel_icon_path(entry.key)
        assert path is not None
        assert path.stem == entry.icon
        assert load_icon(path) is not None
    for kind in LaneKind:
        assert load_icon(lane_icon_path(kind)) is not None


def test_channel_icon_mapping_follows_the_canvas() -> None:
    """No channel: no icon; free text: the generic tag icon; a catalogue key: its own icon."""
    assert channel_icon_path(None) is None
    assert channel_icon_path("") is None
    assert channel_icon_path("Carrier pigeon") == resource("icons", "channels", "other.svg")
    assert channel_icon_path("e-mail") == resource("icons", "channels", "e-mail.svg")
    assert lane_icon_path(LaneKind.PAIN_POINTS) == resource("icons", "lanes", "pain-points.svg")


# ------------------------------------------------------------------ path data


def test_lines_moves_and_relative_commands() -> None:
    ops = path_ops("M1 2L3 4l1 1H10h-2V20v-5zm1 1 2 0 0 2z")
    assert ops == [
        MoveTo(1, 2),
        LineTo(3, 4),
        LineTo(4, 5),
        LineTo(10, 5),
        LineTo(8, 5),
        LineTo(8, 20),
        LineTo(8, 15),
        Close(),
        MoveTo(2, 3),  # relative to the closed subpath's start
        LineTo(4, 3),  # extra pairs after m are relative lines
        LineTo(4, 5),
        Close(),
    ]


def test_compact_numbers() -> None:
    """Signs and second decimal points start new numbers; exponents are part of one."""
    assert path_ops("M.5.5l-1.5-2e1") == [MoveTo(0.5, 0.5), LineTo(-1, -19.5)]


def test_drawing_after_close_starts_a_new_subpath_at_the_start() -> None:
    assert path_ops("M2 2h4v4zl1 1") == [
        MoveTo(2, 2),
        LineTo(6, 2),
        LineTo(6, 6),
        Close(),
        MoveTo(2, 2),
        LineTo(3, 3),
    ]


def test_cubic_absolute_relative_and_repeated() -> None:
    assert path_ops("M1 1C2 2 3 2 4 1c1 1 2 1 3 0 1 1 2 1 3 0") == [
        MoveTo(1, 1),
        CurveTo(2, 2, 3, 2, 4, 1),
        CurveTo(5, 2, 6, 2, 7, 1),
        CurveTo(8, 2, 9, 2, 10, 1),
    ]


def test_smooth_cubic_reflects_the_previous_control_point() -> None:
    expected = [MoveTo(0, 0), CurveTo(1, 2, 3, 2, 4, 0), CurveTo(5, -2, 7, -2, 8, 0)]
    assert path_ops("M0 0C1 2 3 2 4 0S7 -2 8 0") == expected
    assert path_ops("M0 0c1 2 3 2 4 0s3-2 4 0") == expected
    # a chain of S reflects the previous S
    assert path_ops("M0 0C1 2 3 2 4 0S7-2 8 0 11 2 12 0")[-1] == CurveTo(9, 2, 11, 2, 12, 0)


def test_smooth_cubic_after_a_line_starts_at_the_current_point() -> None:
    assert path_ops("M0 0L4 0S7-2 8 0")[-1] == CurveTo(4, 0, 7, -2, 8, 0)
    assert path_ops("M0 0C1 1 2 1 3 0L4 0s3-2 4 0")[-1] == CurveTo(4, 0, 7, -2, 8, 0)


@pytest.mark.parametrize(
    "data",
    ["L1 1", "1 1", "M1", "M1 1Q2 2 3 3", "M1 1T2 2", "M1 1 L", "M1 1z 2 2", "M1 1#", "M1 1A1 1 0 2 0 3 3", "M1e999 0"],
)
def test_bad_path_data_is_refused(data: str) -> None:
    with pytest.raises(IconError):
        path_ops(data)


# ------------------------------------------------------------------ arcs


def test_half_circle_arc() -> None:
    """From (0, 0) to (2, 0) with radius 1: centre (1, 0); sweep 1 passes (1, -1), sweep 0 passes (1, 1)."""
    for sweep, middle in ((True, (1.0, -1.0)), (False, (1.0, 1.0))):
        ops = arc_ops(0, 0, 1, 1, 0, False, sweep, 2, 0)
        assert all(isinstance(op, CurveTo) for op in ops)
        assert len(ops) == 2
        assert close(curve_point((0, 0), ops, 0), (0, 0))
        assert close(curve_point((0, 0), ops, len(ops) / 2), middle)
        assert close(curve_point((0, 0), ops, len(ops)), (2, 0))
        for point in samples((0, 0), ops):
            assert abs(math.dist(point, (1, 0)) - 1) < 0.001


def test_relative_arc() -> None:
    ops = path_ops("M10 10a5 5 0 0 1 10 0")
    assert ops[0] == MoveTo(10, 10)
    arc = ops[1:]
    assert close(curve_point((10, 10), arc, 0), (10, 10))
    assert close(curve_point((10, 10), arc, len(arc) / 2), (15, 5))
    assert close(curve_point((10, 10), arc, len(arc)), (20, 10))
    for point in samples((10, 10), arc):
        assert abs(math.dist(point, (15, 10)) - 5) < 0.005


HALF = math.sqrt(0.5)


@pytest.mark.parametrize(
    ("large_arc", "sweep", "centre", "middle", "quarters"),
    [
        (False, False, (1, 0), (1 - HALF, HALF), 1),
        (False, True, (0, 1), (HALF, 1 - HALF), 1),
        (True, False, (0, 1), (-HALF, 1 + HALF), 3),
        (True, True, (1, 0), (1 + HALF, -HALF), 3),
    ],
)
def test_arc_flags_pick_the_circle_and_the_way_round(
    large_arc: bool, sweep: bool, centre: tuple[float, float], middle: tuple[float, float], quarters: int
) -> None:
    """Radius 1 from (0, 0) to (1, 1): two circles fit, centred at (1, 0) and (0, 1); the flags pick one of the four
    arcs: a quarter or three quarters, one way round or the other."""
    ops = arc_ops(0, 0, 1, 1, 0, large_arc, sweep, 1, 1)
    assert len(ops) == quarters
    assert close(curve_point((0, 0), ops, len(ops) / 2), middle)
    assert close(curve_point((0, 0), ops, len(ops)), (1, 1))
    points = samples((0, 0), ops)
    for point in points:
        assert abs(math.dist(point, centre) - 1) < 0.001
    # the sweep flag: 1 is the positive-angle direction, clockwise on screen (y grows downwards)
    turns = [
        (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
        for a, b, c in zip(points, points[1:], points[2:], strict=False)
    ]
    assert all((turn > 0) == sweep for turn in turns)


def test_arc_radii_too_small_are_scaled_up() -> None:
    """Radius 1 cannot reach from (0, 0) to (10, 0): it grows to 5, a half circle centred at (5, 0)."""
    ops = arc_ops(0, 0, 1, 1, 0, False, True, 10, 0)
    assert close(curve_point((0, 0), ops, len(ops) / 2), (5, -5))
    for point in samples((0, 0), ops):
        assert abs(math.dist(point, (5, 0)) - 5) < 0.005


def test_rotated_elliptical_arc() -> None:
    """rx 2, ry 1 turned 90°: the long axis is vertical; half of it from (0, -2) to (0, 2)."""
    for sweep, middle in ((True, (1.0, 0.0)), (False, (-1.0, 0.0))):
        ops = arc_ops(0, -2, 2, 1, 90, False, sweep, 0, 2)
        assert close(curve_point((0, -2), ops, len(ops) / 2), middle)
        assert close(curve_point((0, -2), ops, len(ops)), (0, 2))
        for x, y in samples((0, -2), ops):
            assert abs(x * x + (y / 2) ** 2 - 1) < 0.002


def test_degenerate_arcs() -> None:
    assert arc_ops(1, 1, 5, 5, 0, False, True, 1, 1) == []  # same end points: nothing
    assert arc_ops(0, 0, 0, 5, 0, False, True, 3, 4) == [LineTo(3, 4)]  # a zero radius: a line
    assert arc_ops(0, 0, -1, -1, 0, False, True, 2, 0) == arc_ops(0, 0, 1, 1, 0, False, True, 2, 0)


def test_arc_flags_may_run_into_numbers() -> None:
    assert path_ops("M0 0a1 1 0 012 0") == path_ops("M0 0a1 1 0 0 1 2 0")


# ------------------------------------------------------------------ shapes


def test_circle_is_four_cubics_through_its_extremes() -> None:
    icon = parse_icon(svg('<circle cx="12" cy="10" r="5"/>'))
    (shape,) = icon.shapes
    ops = list(shape.ops)
    assert isinstance(ops[0], MoveTo)
    assert isinstance(ops[-1], Close)
    curves = ops[1:-1]
    assert len(curves) == 4
    assert [(op.x, op.y) for op in curves if isinstance(op, CurveTo)] == [(12, 15), (7, 10), (12, 5), (17, 10)]
    for point in samples((17, 10), curves):
        assert abs(math.dist(point, (12, 10)) - 5) < 0.002


def test_ellipse() -> None:
    (shape,) = parse_icon(svg('<ellipse cx="12" cy="12" rx="3.8" ry="9"/>')).shapes
    for x, y in samples((15.8, 12), list(shape.ops[1:-1])):
        assert abs(((x - 12) / 3.8) ** 2 + ((y - 12) / 9) ** 2 - 1) < 0.002


def test_rounded_rect() -> None:
    (shape,) = parse_icon(svg('<rect x="3" y="5" width="18" height="13" rx="2"/>')).shapes
    ops = list(shape.ops)
    assert ops[0] == MoveTo(5, 5)
    assert [type(op) for op in ops[1:]] == [LineTo, CurveTo] * 4 + [Close]
    corners = [(op.x, op.y) for op in ops if isinstance(op, CurveTo)]
    assert corners == [(21, 7), (19, 18), (3, 16), (5, 5)]
    first = ops[2]
    assert isinstance(first, CurveTo)
    assert close(cubic(first, (19, 5), 0.5), (19 + 2 * HALF, 7 - 2 * HALF), 0.002)  # on the corner's circle


def test_rect_radius_rules() -> None:
    """One radius given: both are it; radii are clamped to half the size; no radius: a plain rectangle."""

    def ops(attributes: str) -> tuple[Op, ...]:
        return parse_icon(svg(f'<rect x="0" y="0" width="10" height="4" {attributes}/>')).shapes[0].ops

    assert ops('ry="1"') == ops('rx="1" ry="1"')
    assert ops('rx="9"') == ops('rx="5" ry="2"')
    assert ops("") == (MoveTo(0, 0), LineTo(10, 0), LineTo(10, 4), LineTo(0, 4), Close())


def test_zero_sized_shapes_draw_nothing() -> None:
    icon = parse_icon(svg('<circle cx="1" cy="1" r="0"/><rect width="0" height="5"/><path d=""/>'))
    assert icon.shapes == ()


def test_per_element_paint_overrides_the_root() -> None:
    body = '<path d="M1 1h5" stroke="#fff" stroke-width="1" stroke-linecap="square" stroke-linejoin="bevel"/>'
    body += '<circle cx="5" cy="5" r="2" fill="#f08c3a" stroke="none"/>'
    first, second = parse_icon(svg(body)).shapes
    assert (first.paint.stroke, first.paint.width, first.paint.cap, first.paint.join) == ((1, 1, 1), 1, 2, 2)
    assert first.paint.fill is None
    assert second.paint.stroke is None
    assert second.paint.fill == pytest.approx((0xF0 / 255, 0x8C / 255, 0x3A / 255))


# ------------------------------------------------------------------ refusals

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h1" id="&lol9;"/></svg>"""

HOSTILE = {
    "empty": b"",
    "not xml": b"GIF89a\x00\x01",
    "unclosed": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle r="1">',
    "not svg": b'<html viewBox="0 0 24 24"/>',
    "foreign namespace": b'<svg xmlns="http://example.com/ns" viewBox="0 0 24 24"/>',
    "script": svg("<script>alert(1)</script>"),
    "unknown element": svg('<polygon points="1 1 2 2 3 1"/>'),
    "group": svg('<g><path d="M1 1h1"/></g>'),
    "nested svg": svg('<svg viewBox="0 0 1 1"/>'),
    "text": svg("hello"),
    "image href": svg('<image href="file:///etc/passwd"/>'),
    "event handler": svg('<path d="M1 1h1" onclick="alert(1)"/>'),
    "style attribute": svg('<path d="M1 1h1" style="stroke:red"/>'),
    "opacity": svg('<path d="M1 1h1" stroke-opacity=".3"/>'),  # reportlab forms cannot carry the ExtGState
    "miter-clip": svg('<path d="M1 1h1" stroke-linejoin="miter-clip"/>'),
    "transform": svg('<path d="M1 1h1" transform="scale(2)"/>'),
    "xlink": svg('<path d="M1 1h1" xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#a"/>'),
    "quadratic": svg('<path d="M1 1Q2 2 3 1"/>'),
    "bad path": svg('<path d="M1 1L"/>'),
    "named colour": svg('<path d="M1 1h1" stroke="red"/>'),
    "currentColor": svg('<path d="M1 1h1" stroke="currentColor"/>'),
    "url paint": svg('<path d="M1 1h1" fill="url(#g)"/>'),
    "units": svg('<circle cx="1" cy="1" r="2px"/>'),
    "negative radius": svg('<circle cx="1" cy="1" r="-2"/>'),
    "missing radius": svg('<circle cx="1" cy="1"/>'),
    "huge number": svg('<circle cx="1" cy="1" r="1e400"/>'),
    "nan": svg('<circle cx="nan" cy="1" r="1"/>'),
    "bad viewBox": svg("", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 24">'),
    "no size": svg("", '<svg xmlns="http://www.w3.org/2000/svg">'),
    "billion laughs": BILLION_LAUGHS,
    "external entity": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + svg('<path d="M1 1h1" id="&x;"/>'),
    "doctype only": b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
    + svg('<path d="M1 1h1"/>'),
    "utf-16": '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + svg("").decode().encode("utf-16"),
    "huge": svg('<path d="M1 1' + " h1" * (MAX_ICON_BYTES // 3) + '"/>'),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_or_broken_files_are_refused(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(IconError):
        parse_icon(data)
    path = tmp_path / "icon.svg"
    path.write_bytes(data)
    assert load_icon(path) is None


def test_comments_and_xml_declaration_are_fine() -> None:
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n' + svg('<!-- x --><path d="M1 1h1"/>')
    assert len(parse_icon(data).shapes) == 1


def test_missing_files_give_none(tmp_path: Path) -> None:
    assert load_icon(tmp_path / "nothing.svg") is None
    assert load_icon(tmp_path) is None  # a folder


# ------------------------------------------------------------------ PDF forms


def forms_of(resources_of: DictionaryObject) -> dict[str, DictionaryObject]:
    """The XObjects in a page's or form's resources, by name."""
    resources = cast(DictionaryObject, resources_of["/Resources"].get_object())
    found = cast(DictionaryObject, resources["/XObject"].get_object())
    return {str(name): cast(DictionaryObject, ref.get_object()) for name, ref in found.items()}


def bbox(form: DictionaryObject) -> tuple[float, float, float, float]:
    left, bottom, right, top = (float(v) for v in cast(ArrayObject, form["/BBox"]))
    return left, bottom, right, top


def xobjects(path: Path) -> dict[str, DictionaryObject]:
    return forms_of(PdfReader(path).pages[0])


def place(c: Canvas, name: str, x: float, y: float, size: float) -> None:
    """As the poster does: y grows downwards from the page's top (the canvas is translated there)."""
    c.saveState()
    c.translate(x, -y)
    c.scale(size, size)
    c.doForm(name)
    c.restoreState()


def test_forms_are_defined_once_and_placed(tmp_path: Path) -> None:
    path = tmp_path / "icons.pdf"
    c = Canvas(str(path), pagesize=(200, 100))
    c.translate(0, 100)
    stamps = IconStamps(c)
    website = stamps.channel("website")
    mail = stamps.channel("e-mail")
    lane = stamps.lane(LaneKind.EMOTIONS)
    other = stamps.channel("Carrier pigeon")
    assert website
    assert mail
    assert lane
    assert other
    assert len({website, mail, lane, other}) == 4
    assert stamps.channel(None) is None
    assert stamps.channel("") is None
    assert stamps.channel("website") == website  # cached
    assert stamps.channel("Something else") == other  # every free text shares the tag icon
    assert IconStamps(c).channel("website") == website  # a second set on the same canvas reuses the form
    for i, name in enumerate((website, mail, lane, other)):
        place(c, name, 10 + i * 48, 10, 40)
    c.showPage()
    c.save()

    forms = xobjects(path)
    for name in (website, mail, lane, other):
        form = forms[f"/FormXob.{name}"]
        assert str(form["/Subtype"]) == "/Form"
        left, bottom, right, top = bbox(form)
        assert -0.2 < left < 0.2
        assert -0.2 < top < 0.2
        assert 0.8 < right < 1.2
        assert -1.2 < bottom < -0.8


def test_form_maps_the_viewbox_to_a_unit_box_with_y_negated(tmp_path: Path) -> None:
    """search-engine.svg: a circle at (10.5, 10.5) radius 6.5 and the line M15.3 15.3 L20.5 20.5, stroke 2."""
    path = tmp_path / "icon.pdf"
    c = Canvas(str(path), pagesize=(100, 100))
    c.setStrokeColorRGB(1, 0, 0)  # the page's state, which a form inherits: the form must set its own
    c.setLineWidth(7)
    c.setDash([3, 1])
    c.setLineCap(0)
    name = IconStamps(c).channel("search-engine")
    assert name is not None
    place(c, name, 10, -90, 80)
    c.showPage()
    c.save()
    reader = PdfReader(path)
    form = forms_of(reader.pages[0])[f"/FormXob.{name}"]
    operations = [
        (op.decode(), [float(v) for v in args])
        for args, op in ContentStream(form, reader).operations
        if op in (b"m", b"l", b"c", b"w")
    ]
    state = [(args, op) for args, op in ContentStream(form, reader).operations if op in (b"RG", b"d", b"J", b"j")]
    assert state == [
        ([[], 0], b"d"),
        (
            [
                pytest.approx(0x33 / 255, abs=1e-5),
                pytest.approx(0x41 / 255, abs=1e-5),
                pytest.approx(0x5C / 255, abs=1e-5),
            ],
            b"RG",
        ),
        ([1], b"J"),
        ([1], b"j"),
    ]
    widths = [args[0] for op, args in operations if op == "w"]
    assert widths == [pytest.approx(2 / 24, abs=1e-5)]
    moves = [args for op, args in operations if op == "m"]
    assert moves[0] == pytest.approx([17 / 24, -10.5 / 24], abs=1e-5)  # the circle starts at its right-most point
    assert moves[1] == pytest.approx([15.3 / 24, -15.3 / 24], abs=1e-5)
    lines = [args for op, args in operations if op == "l"]
    assert lines == [pytest.approx([20.5 / 24, -20.5 / 24], abs=1e-5)]
    # the box holds the strokes: the geometry padded by (at least half) the line width
    left, bottom, right, top = bbox(form)
    assert left <= 4 / 24 - 1 / 24
    assert top >= -4 / 24 + 1 / 24
    assert right >= 20.5 / 24 + 1 / 24
    assert bottom <= -20.5 / 24 - 1 / 24


def test_forms_can_be_defined_inside_a_form_and_a_text_object(tmp_path: Path) -> None:
    path = tmp_path / "nested.pdf"
    c = Canvas(str(path), pagesize=(200, 100))
    c.translate(0, 100)
    stamps = IconStamps(c)
    text = c.beginText()
    text.setTextOrigin(10, -90)
    text.textLine("before")
    c.beginForm("outer", -1, -41, 41, 1)
    name = stamps.lane(LaneKind.NOTES)  # defined while "outer" is open
    assert name is not None
    place(c, name, 0, 0, 40)
    c.endForm()
    other = stamps.channel("phone")  # defined while the text object is being filled
    assert other is not None
    text.textLine("after")
    c.drawText(text)
    c.doForm("outer")
    place(c, other, 60, 10, 40)
    c.showPage()
    c.save()
    reader = PdfReader(path)
    forms = xobjects(path)
    assert {"/FormXob.outer", f"/FormXob.{other}"} <= forms.keys()
    assert f"/FormXob.{name}" in forms_of(forms["/FormXob.outer"])
    text_found = reader.pages[0].extract_text()
    assert "before" in text_found
    assert "after" in text_found


def test_missing_or_broken_icons_give_no_form(tmp_path: Path) -> None:
    (tmp_path / "channels").mkdir()
    (tmp_path / "channels" / "website.svg").write_bytes(BILLION_LAUGHS)
    (tmp_path / "channels" / "other.svg").write_bytes(b"<svg")
    c = Canvas(str(tmp_path / "x.pdf"))
    stamps = IconStamps(c, tmp_path)
    assert stamps.channel("website") is None
    assert stamps.channel("e-mail") is None  # no file
    assert stamps.channel("free text") is None
    assert stamps.lane(LaneKind.ACTIONS) is None  # no lanes folder
    c.showPage()
    c.save()


def test_icons_render_where_they_are_placed(tmp_path: Path) -> None:
    """Rendered with poppler: ink inside each placed icon's box, where the SVG has it, and none elsewhere."""
    path = tmp_path / "icons.pdf"
    c = Canvas(str(path), pagesize=(200, 60))
    c.translate(0, 60)
    stamps = IconStamps(c)
    names = [stamps.channel("website"), stamps.channel("e-mail"), stamps.lane(LaneKind.PAIN_POINTS)]
    for i, name in enumerate(names):
        assert name is not None
        place(c, name, 10 + i * 60, 10, 40)
    c.showPage()
    c.save()
    command = ["pdftoppm", "-r", "72", "-png", "-singlefile", str(path), str(tmp_path / "page")]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    assert result.stderr == ""  # poppler finds nothing amiss (e.g. no unknown resources)
    with Image.open(tmp_path / "page.png") as picture:
        grey = picture.convert("L")
    assert grey.size == (200, 60)

    def ink(left: float, top: float, right: float, bottom: float) -> int:
        histogram = grey.crop((round(left), round(top), round(right), round(bottom))).histogram()
        return sum(histogram[:160])

    boxes = [(10 + i * 60, 10, 50 + i * 60, 50) for i in range(3)]
    total = ink(0, 0, 200, 60)
    assert sum(ink(*box) for box in boxes) == total > 0
    for box in boxes:
        assert ink(*box) > 40
    scale = 40 / 24  # pixels per icon unit

    def icon_ink(left: float, icon_box: tuple[float, float, float, float]) -> int:
        x1, y1, x2, y2 = icon_box
        return ink(left + x1 * scale, 10 + y1 * scale, left + x2 * scale, 10 + y2 * scale)

    assert icon_ink(10, (2.5, 11, 3.5, 13)) > 0  # the globe's outline at its left
    assert icon_ink(70, (5.5, 12, 7.5, 16)) == 0  # the envelope: empty below the flap, left of the middle
    assert icon_ink(70, (11.5, 12.5, 12.5, 13.5)) > 0  # the flap's tip
    assert icon_ink(130, (11.5, 10, 12.5, 13)) > 0  # the warning sign's exclamation mark
    assert icon_ink(130, (9.5, 10, 10.5, 13)) == 0  # and nothing beside it


def test_every_icon_looks_as_qt_draws_it(qapp: QApplication, tmp_path: Path) -> None:
    """Each channel and lane icon as a PDF form, rendered by poppler, against the same SVG rendered by QtSvg (as the
    canvas does): the pixels that differ strongly are a small part of the icon's ink."""
    size, gap, zoom = 48, 12, 4  # points per icon, points between icons, pixels per point
    width = len(ICON_FILES) * (size + gap) + gap
    height = size + 2 * gap
    path = tmp_path / "icons.pdf"
    c = Canvas(str(path), pagesize=(width, height))
    c.translate(0, height)
    stamps = IconStamps(c)
    expected = QImage(width * zoom, height * zoom, QImage.Format.Format_ARGB32)
    expected.fill(QColor("white"))
    painter = QPainter(expected)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(zoom, zoom)
    boxes = []
    for i, icon_path in enumerate(ICON_FILES):
        x = gap + i * (size + gap)
        if icon_path.parent.name == "lanes":
            name = stamps.lane(LaneKind(icon_path.stem))
        else:  # "other" is free text's icon
            name = stamps.channel(next((e.key for e in CHANNELS if e.icon == icon_path.stem), "free text"))
        assert name is not None
        place(c, name, x, gap, size)
        renderer = QSvgRenderer(str(icon_path))
        assert renderer.isValid()
        renderer.render(painter, QRectF(x, gap, size, size))
        boxes.append((icon_path.stem, (x * zoom, gap * zoom, (x + size) * zoom, (gap + size) * zoom)))
    painter.end()
    c.showPage()
    c.save()
    expected.save(str(tmp_path / "qt.png"))
    command = ["pdftoppm", "-r", str(72 * zoom), "-png", "-singlefile", str(path), str(tmp_path / "pdf")]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    assert result.stderr == ""
    with Image.open(tmp_path / "pdf.png") as drawn_file, Image.open(tmp_path / "qt.png") as qt_file:
        drawn, qt = drawn_file.convert("L"), qt_file.convert("L")
    assert drawn.size == qt.size
    for stem, box in boxes:
        qt_ink = sum(qt.crop(box).histogram()[:128])
        drawn_ink = sum(drawn.crop(box).histogram()[:128])
        differing = sum(ImageChops.difference(drawn.crop(box), qt.crop(box)).histogram()[129:])
        assert qt_ink > 500, stem
        assert abs(drawn_ink - qt_ink) < 0.05 * qt_ink, stem
        assert differing < 0.05 * qt_ink, stem

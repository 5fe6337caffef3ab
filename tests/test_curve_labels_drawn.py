"""The experience curve's phase-average labels as the canvas and a PNG picture draw them: read back from the pixels,
no label box holds a pixel of the curve's line, and the line shows along its whole length (no label covers it).
(The poster's are read back from its PDF in test_curve_labels.py.)"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from cjmapper import style
from cjmapper.layout import Layout, Metrics, compute_layout, curve_dot_radius
from cjmapper.model import Journey, Phase
from cjmapper.store import Library
from tests.test_curve_labels import generated
from tests.window_helpers import open_window
from ui.editing.document import JourneyDocument
from ui.export import pictures

WARM = ("#f28e2b", "#e15759", "#59a14f", "#edc948", "#ff9da7", "#9c755f")
"""Phase colours whose labels' text (the colour darkened) never looks like the curve's slate-blue line."""
SEEDS = (0, 9, 10, 15, 25)
"""Generated journeys on which the labels' old places (above the bar's right end) lay on the curve."""
LINE = QColor(style.CURVE_LINE)


def warm(journey: Journey) -> Journey:
    journey.phases = [Phase(p.id, p.name, color=WARM[i % len(WARM)]) for i, p in enumerate(journey.phases)]
    return journey


def is_line(colour: QColor) -> bool:
    return (
        max(abs(colour.red() - LINE.red()), abs(colour.green() - LINE.green()), abs(colour.blue() - LINE.blue())) < 30
    )


def check_labels(image: QImage, layout: Layout, origin: tuple[float, float], scale: float) -> int:
    """Assert that no label box holds a pixel of the curve's line, that each label's text is drawn in it, and that
    the line shows between the dots (layout point (x, y) at pixel ((x, y) + origin) * scale); returns the labels
    checked."""

    def to_pixel(x: float, y: float) -> tuple[float, float]:
        return (x + origin[0]) * scale, (y + origin[1]) * scale

    checked = 0
    dot_radius = curve_dot_radius(layout.metrics)
    for curve in layout.curves:
        boxes = list(curve.labels)
        for box in boxes:
            left, top = to_pixel(box.x, box.y)
            right, bottom = to_pixel(box.right, box.bottom)
            inside = [
                image.pixelColor(x, y)
                for y in range(math.ceil(top + 1), int(bottom - 1))
                for x in range(math.ceil(left + 1), int(right - 1))
            ]
            assert inside
            assert not any(is_line(c) for c in inside), f"the curve runs through the label at {box}"
            assert min(c.lightnessF() for c in inside) < 0.55, f"no text in the label at {box}"
            checked += 1
        points = curve.points
        for a, b in itertools.pairwise(points):
            length = math.hypot(b.x - a.x, b.y - a.y)
            for step in range(int(length / 2)):
                t = step * 2 / length
                x, y = a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t
                if min(math.hypot(x - p.x, y - p.y) for p in points) < dot_radius + 1:
                    continue  # a dot, drawn over the line
                px, py = to_pixel(x, y)
                colour = image.pixelColor(round(px - 0.5), round(py - 0.5))
                assert is_line(colour), f"the curve is hidden at ({x:.0f}, {y:.0f}): {colour.name()}"
    return checked


def test_the_canvas_draws_each_label_where_the_curve_is_not(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "library.cjm"
    with Library.open(path) as lib:
        ids = [lib.create_journey(warm(generated(seed))) for seed in SEEDS]
    window = open_window(qtbot, path)
    try:
        checked = 0
        for journey_id in ids:
            window.open_journey(journey_id)
            scene = window.scene
            assert scene is not None
            source = scene.sceneRect()
            scale = 2.0
            image = QImage(int(source.width() * scale), int(source.height() * scale), QImage.Format.Format_RGB32)
            image.fill(QColor("#ffffff"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
            painter.end()
            checked += check_labels(image, scene.layout, (-source.left(), -source.top()), scale)
        assert checked >= 20
    finally:
        window.close()
        window.library.close()


def test_a_png_picture_draws_each_label_where_the_curve_is_not(qtbot: QtBot, tmp_path: Path) -> None:
    checked = 0
    with Library.open(tmp_path / "library.cjm") as lib:
        for seed in SEEDS:
            document = JourneyDocument(lib, lib.create_journey(warm(generated(seed))))
            target = tmp_path / f"curve-{seed}.png"
            dpi = 192
            pictures.save_picture(document, target, "png", dpi)
            image = QImage(str(target))
            layout = compute_layout(document.journey, Metrics(), aspect=pictures.PICTURE_ASPECT)
            checked += check_labels(image, layout, pictures.map_origin(document), dpi / 96)
    assert checked >= 20

"""The editor's window on small screens and projectors: the first window fits the screen's available area, a saved
geometry is kept on the screen, the canvas gets at least 60% of the window's width at every size down to the
minimum (the panels are tabbed together on one side when both sides do not fit), and the persona strip cuts its
text rather than printing labels on top of each other. All on the real window, measured by widget geometry; the
1280x800 and 1024x768 screens are offscreen screens of those sizes, in a process of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from cjmapper.model import Persona
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.editing.document import JourneyDocument
from ui.panels.persona_strip import PersonaStrip
from ui.window.main_window import MainWindow
from ui.window.panel_layout import CANVAS_SHARE

ROOT = Path(__file__).resolve().parent.parent
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "fit.cjm") as lib:
        lib.create_journey(load_example("en"))  # with a persona: name, description, goals and frustrations
    return tmp_path / "fit.cjm"


def canvas_share(window: MainWindow) -> float:
    return window.view.width() / window.width()


def settled(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    """Resize as a user would and wait until the window and its panels have settled at that size."""
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
    qtbot.waitUntil(lambda: canvas_share(window) >= CANVAS_SHARE)
    qtbot.wait(50)  # any further step of the panels' layout


def overlaps(boxes: list[QRectF]) -> list[tuple[QRectF, QRectF]]:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.intersects(b)]


def assert_persona_text_apart(strip: PersonaStrip) -> None:
    """Every piece of text in the strip inside the strip, none over another (each row on its own line)."""
    found = strip.segment_boxes()
    assert found, "the strip draws nothing"
    boxes = [box for _, box in found if box.width() > 0]
    for box in boxes:
        assert box.left() >= 0, box
        assert box.right() <= strip.width(), (box, strip.width())
    assert overlaps(boxes) == []


def tabbed_together(window: MainWindow, docks: list[QDockWidget]) -> bool:
    first, *others = docks
    return all(other in window.tabifiedDockWidgets(first) for other in others)


@pytest.mark.parametrize("size", [(1024, 740), (1280, 800), None], ids=["1024x740", "1280x800", "minimum"])
def test_the_canvas_keeps_its_share_and_the_persona_strip_its_labels_apart(
    qtbot: QtBot, path: Path, size: tuple[int, int] | None
) -> None:
    window = open_window(qtbot, path)
    try:
        assert window.persona_strip.persona is not None
        assert window.persona_strip.isVisible()
        if size is None:
            window.resize(100, 100)  # the window stops at its minimum; panels tab together below a width
            qtbot.waitUntil(lambda: window.panel_layout.compact)
            qtbot.wait(50)
            minimum = window.minimumSize()
            settled(qtbot, window, minimum.width(), minimum.height())
            assert window.width() <= 665  # no larger a minimum than before
        else:
            settled(qtbot, window, *size)
        assert canvas_share(window) >= CANVAS_SHARE, (window.view.width(), window.width())
        assert window.view.isVisible()
        assert_persona_text_apart(window.persona_strip)
        assert window.persona_strip.width() == window.view.width()
        docks = [window.journeys_dock, window.palette_dock, window.properties_dock]
        assert all(dock.toggleViewAction().isChecked() for dock in docks)  # every panel still there
        if size == (1280, 800):  # both sides fit: the panels stay where they were, only narrowed
            assert window.dockWidgetArea(window.journeys_dock) == LEFT
            assert window.dockWidgetArea(window.properties_dock) == RIGHT
            assert not tabbed_together(window, docks)
        else:  # tabs on the right
            assert {window.dockWidgetArea(dock) for dock in docks} == {RIGHT}
            assert tabbed_together(window, docks)
    finally:
        window.close()
        window.library.close()


def test_wider_again_the_panels_go_back_as_the_user_left_them(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path)
    try:
        settled(qtbot, window, 1600, 900)
        assert window.dockWidgetArea(window.journeys_dock) == LEFT
        settled(qtbot, window, 900, 700)
        assert window.panel_layout.compact
        window.palette_dock.toggleViewAction().trigger()  # closed while the panels are tabs
        settled(qtbot, window, 1600, 900)
        qtbot.waitUntil(lambda: not window.panel_layout.compact)
        assert window.dockWidgetArea(window.journeys_dock) == LEFT
        assert window.dockWidgetArea(window.properties_dock) == RIGHT
        assert window.journeys_dock.isVisible()
        assert window.properties_dock.isVisible()
        assert not window.palette_dock.isVisible()  # stays closed
        assert canvas_share(window) >= CANVAS_SHARE
        assert_persona_text_apart(window.persona_strip)
        settled(qtbot, window, 900, 700)
        assert window.panel_layout.compact
        window.palette_dock.toggleViewAction().trigger()  # opened again, as a tab
        assert window.palette_dock.isVisible()
        assert tabbed_together(window, [window.palette_dock, window.journeys_dock, window.properties_dock])
        window.journeys_dock.toggleViewAction().trigger()  # and the Journeys panel closed, then the window
    finally:
        window.close()
        window.library.close()
    again = open_window(qtbot, path)  # on the desktop's screen: side by side as the user left them
    try:
        assert again.width() == 900
        settled(qtbot, again, 1600, 900)
        assert not again.panel_layout.compact
        assert again.dockWidgetArea(again.palette_dock) == RIGHT
        assert again.palette_dock.isVisible()
        assert again.properties_dock.isVisible()
        assert not again.journeys_dock.isVisible()
    finally:
        again.close()
        again.library.close()


def within(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def test_the_first_window_and_a_restored_one_fit_the_screen(qtbot: QtBot, path: Path) -> None:
    first = open_window(qtbot, path)  # on the tests' 1920x1080 screen (the small screens: the test below)
    area = first.screen().availableGeometry()
    frame = first.frameGeometry()
    assert area.contains(frame), (frame, area)
    qtbot.waitUntil(lambda: canvas_share(first) >= CANVAS_SHARE)
    first.resize(2400, 1400)  # then made larger than the screen and moved off it, as on a larger screen
    first.move(QPoint(500, 300))
    qtbot.waitUntil(lambda: first.width() == 2400)
    first.close()
    first.library.close()
    second = open_window(qtbot, path)
    try:
        qtbot.waitUntil(lambda: area.contains(second.frameGeometry()))
        qtbot.waitUntil(lambda: canvas_share(second) >= CANVAS_SHARE)
    finally:
        second.close()
        second.library.close()


SCREEN_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from cjmapper.store import Library
from ui import app as ui_app
app = ui_app.application([])
window = ui_app.create_window(Library.open(Path(sys.argv[1])))
window.show()
for _ in range(50):
    app.processEvents()
def rect(r):
    return [r.x(), r.y(), r.width(), r.height()]
print(json.dumps({
    "frame": rect(window.frameGeometry()), "area": rect(window.screen().availableGeometry()),
    "window": window.width(), "view": window.view.width(), "strip": window.persona_strip.width(),
    "compact": window.panel_layout.compact, "maximised": window.isMaximized(),
}))
window.close()
window.library.close()
"""


@pytest.mark.parametrize("screen", [(1280, 800), (1024, 768)], ids=["1280x800", "1024x768"])
def test_the_first_window_on_a_small_screen(tmp_path: Path, path: Path, screen: tuple[int, int]) -> None:
    width, height = screen
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": width, "height": height}]})
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCREEN_PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["area"] == [0, 0, width, height]
    assert within(seen["frame"], seen["area"]), seen  # the right panel and the status bar on the screen
    assert seen["frame"][2] >= width * 0.9  # and using it
    assert seen["view"] >= CANVAS_SHARE * seen["window"], seen
    assert seen["compact"] == (width < 1100), seen
    assert seen["maximised"], seen  # smaller than the first window's size on a desktop: the whole screen


@pytest.mark.parametrize("width", [80, 140, 220, 400, 900])
def test_the_persona_strip_cuts_its_text_at_any_width(qtbot: QtBot, document: JourneyDocument, width: int) -> None:
    document.update_journey(
        persona=Persona(
            "Annemarie van den Heuvel-Bakker",
            "Eigenaar van een bakkerij met drie filialen",
            "Minder tijd kwijt aan bestellingen",
            "Leveranciers die niet terugbellen",
        )
    )
    strip = PersonaStrip()
    qtbot.addWidget(strip)
    strip.set_document(document)
    strip.resize(width, strip.sizeHint().height())
    assert strip.width() == width
    assert_persona_text_apart(strip)
    strip.set_document(None)
